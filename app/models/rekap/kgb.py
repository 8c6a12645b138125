"""KGB due in a date window (asn-rules 10.3): derived from the MK golongan, not from the last
TMT. From the last KGB or KP (the later one) and its MKG, the next KGB is when the MKG reaches
the next step of the gaji table that raises the gaji, up to the top of the table and never on or
after the TMT pensiun; PNS, CPNS and PPPK alike. Each row carries the new gaji of the table."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import angka, tr
from app.models.cuti.berjalan import label_cuti, periode_tidak_dihitung
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rekap.common import aktif_clause, pangkat_nama, parse_date, unit_clause_named
from app.models.rekap.kp import cuti_ditandai, cuti_pada
from app.models.rules import derivations as d
from app.models.rules.cuti import hari_dalam, mulai_bersih
from app.models.rules.gaji import TabelGaji
from app.models.rules.kp import STATUS_BELUM, STATUS_MEMENUHI, STATUS_VERIFIKASI


@dataclass(frozen=True)
class KgbBaris:
    nomor: int
    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    pangkat: str | None
    dasar: str  # "KGB" or "KP": what the last step was
    tmt_lama: date
    mk_lama_tahun: int
    mk_lama_bulan: int
    tmt_baru: date
    mk_baru_tahun: int
    mk_baru_bulan: int
    jabatan_nama: str | None
    unit_nama: str | None
    status: str
    keterangan: tuple[str, ...]
    jenis_asn: str = "PNS"
    gaji_pokok: int | None = None  # of the new step, from the table in force on tmt_baru
    tmt_pensiun: date | None = None
    cuti: str | None = None  # "Cuti besar s.d. ..." / "CLTN s.d. ..." on the day asked about


_KGB_SQL = """
WITH hd AS (
    SELECT h.pegawai_id, MIN(h.tmt_mulai) AS mulai, MAX(COALESCE(h.tmt_selesai, '9999')) AS sampai
    FROM riwayat_hukdis h JOIN ref_hukuman_disiplin rh ON rh.kode = h.hukuman_kode
    WHERE h.deleted = 0 AND rh.menghambat_kp_kgb = 1 AND h.tmt_mulai <= :sampai
      AND (h.tmt_selesai IS NULL OR h.tmt_selesai >= :mulai)
    GROUP BY h.pegawai_id
),
dasar AS (
    SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.tmt_golongan,
        (SELECT MAX(COALESCE(p.mk_tahun, 0) * 12 + COALESCE(p.mk_bulan, 0))
         FROM riwayat_pangkat p WHERE p.pegawai_id = r.pegawai_id
         AND p.golongan_kode = r.golongan_kode AND p.tmt = r.tmt_golongan AND p.deleted = 0
        ) AS mk_kp,
        (SELECT k.tmt || '|' || (COALESCE(k.mk_tahun, 0) * 12 + COALESCE(k.mk_bulan, 0))
         FROM riwayat_kgb k WHERE k.pegawai_id = r.pegawai_id AND k.deleted = 0
         ORDER BY k.tmt DESC, k.id DESC LIMIT 1) AS kgb,
        r.jabatan_nama, r.unit_nama, r.jenis_asn, r.tanggal_lahir, r.jenjang_kode,
        (SELECT j.bup_tahun FROM riwayat_jabatan rj LEFT JOIN jabatan j ON j.id = rj.jabatan_id
         WHERE rj.pegawai_id = r.pegawai_id AND rj.deleted = 0 AND rj.tmt IS NOT NULL
         ORDER BY rj.tmt DESC, COALESCE(rj.tanggal_sk, '') DESC, rj.id DESC LIMIT 1) AS bup_jabatan,
        NULL AS cuti
    FROM pegawai_ringkas r
    WHERE {aktif} AND r.jenis_asn IN ('PNS', 'PPPK') {unit}
)
SELECT dasar.*, hd.mulai, hd.sampai FROM dasar LEFT JOIN hd ON hd.pegawai_id = dasar.pegawai_id
"""


def kgb_jatuh_tempo(
    conn: sqlite3.Connection,
    mulai: date,
    sampai: date,
    *,
    unit_id: str | None = None,
    pada: date | None = None,
) -> list[KgbBaris]:
    """Active PNS, CPNS and PPPK whose next KGB falls between ``mulai`` and ``sampai``
    (inclusive), in date order.

    The base is the last KGB or the last KP (whichever is later) with the MK golongan written on
    it; the next KGB is the next step of the gaji table above that MKG (asn-rules 10.3, see
    :meth:`~app.models.rules.gaji.TabelGaji.kgb_berikut`): none past the top of the table, none
    on or after the TMT pensiun (BUP as on the employee's record). An approved CLTN after the
    base is not MK golongan: the KGB moves later by its days (PP 11/2017, cuti chapter). Steps
    missing from the records, a penalty that blocks KGB, and a gaji the table does not have are
    marked; so is a cuti besar or CLTN running on ``pada`` (default today).
    """
    if sampai < mulai:
        raise ValidationError(tr("Tanggal akhir lebih awal dari tanggal awal."), field="sampai")
    ref = Referensi.load(conn)
    tabel = TabelGaji.dari_referensi(ref)
    unit_sql, unit_params = unit_clause_named(conn, unit_id)
    params: dict[str, Any] = {
        "mulai": mulai.isoformat(),
        "sampai": sampai.isoformat(),
        "pada_cuti": (pada or date.today()).isoformat(),
        **unit_params,
    }
    tidak_dihitung = periode_tidak_dihitung(conn)
    # the cuti besar/CLTN mark of the day asked about, read once for the list
    pada_cuti = params.pop("pada_cuti")
    ditandai = cuti_ditandai(conn, date.fromisoformat(pada_cuti), date.fromisoformat(pada_cuti))
    found: list[tuple[date, str, dict[str, Any]]] = []
    cur = conn.execute(
        _KGB_SQL.format(
            aktif=aktif_clause(),
            unit=unit_sql,
        ),
        params,
    )
    col = {c[0]: i for i, c in enumerate(cur.description)}
    i_gol, i_tmt_gol, i_kgb, i_mk_kp = (
        col["golongan_kode"],
        col["tmt_golongan"],
        col["kgb"],
        col["mk_kp"],
    )
    for values in cur:
        row = _Baris(col, values)
        gol = values[i_gol]
        kp_tmt = parse_date(values[i_tmt_gol])
        kgb_tmt, kgb_mk = None, 0
        if values[i_kgb]:
            text, mk_text = str(values[i_kgb]).split("|")
            kgb_tmt, kgb_mk = date.fromisoformat(text), int(mk_text)
        if kgb_tmt is not None and (kp_tmt is None or kgb_tmt > kp_tmt):
            dasar, tmt_lama, mk_lama = "KGB", kgb_tmt, kgb_mk
        elif kp_tmt is not None:
            dasar, tmt_lama, mk_lama = "KP", kp_tmt, int(values[i_mk_kp] or 0)
        else:  # no rank and no KGB on record: nothing to count from
            continue
        if not gol:
            continue
        bup = d.bup_usia(row["jenjang_kode"], ref.jenjang, row["bup_jabatan"])
        tmt_pensiun = d.tanggal_pensiun(date.fromisoformat(row["tanggal_lahir"]), bup)
        cltn = tidak_dihitung.get(row["pegawai_id"], [])
        next_kgb = tabel.kgb_berikut(
            gol, mk_lama, tmt_lama, mulai=mulai, tmt_pensiun=tmt_pensiun, tidak_dihitung=cltn
        )
        if next_kgb is None:  # top of the table, or pensiun first
            continue
        kgb, steps = next_kgb
        due = kgb.tmt
        if due > sampai:
            continue
        mulai_mk = mulai_bersih(tmt_lama, due, cltn) if cltn else tmt_lama
        mk_baru = d.masa_kerja(mulai_mk, due, tambah_bulan=mk_lama)
        notes: list[str] = []
        hari = hari_dalam(cltn, tmt_lama, due) if cltn else 0
        if hari:
            notes.append(tr("{n} hari CLTN tidak dihitung masa kerja: KGB bergeser", n=angka(hari)))
        status = STATUS_MEMENUHI
        if steps > 1:
            notes.append(
                tr(
                    "{n} KGB sebelumnya belum tercatat (perlu diverifikasi)",
                    n=steps - 1,
                )
            )
            status = STATUS_VERIFIKASI
        kolom = tabel.kolom(gol, due)
        if kgb.gaji_pokok is None:
            notes.append(tabel.pesan_belum_lengkap(gol, due))
            status = STATUS_VERIFIKASI
        elif kolom is not None and kolom.status_fakta == "?":
            notes.append(tr("Tabel gaji golongan ini belum pasti [?]: periksa Lampiran peraturan"))
            status = STATUS_VERIFIKASI
        if row["mulai"] is not None and row["mulai"] <= due.isoformat() <= row["sampai"]:
            notes.append(tr("Sedang menjalani hukuman disiplin: KGB dapat ditunda"))
            status = STATUS_BELUM
        found.append(
            (
                due,
                row["nip"],
                dict(
                    pegawai_id=row["pegawai_id"],
                    nip=row["nip"],
                    nama_lengkap=row["nama_lengkap"],
                    golongan_kode=gol,
                    pangkat=pangkat_nama(ref, gol),
                    dasar=dasar,
                    tmt_lama=tmt_lama,
                    mk_lama_tahun=mk_lama // 12,
                    mk_lama_bulan=mk_lama % 12,
                    tmt_baru=due,
                    mk_baru_tahun=mk_baru[0],
                    mk_baru_bulan=mk_baru[1],
                    jabatan_nama=row["jabatan_nama"],
                    unit_nama=row["unit_nama"],
                    status=status,
                    keterangan=tuple(notes),
                    jenis_asn=row["jenis_asn"],
                    gaji_pokok=kgb.gaji_pokok,
                    tmt_pensiun=tmt_pensiun,
                    cuti=label_cuti(cuti_pada(ditandai.get(row["pegawai_id"]), pada_cuti)),
                ),
            )
        )
    found.sort(key=lambda t: (t[0], t[1]))
    # numbered once in date order (no copy of each row to set its number)
    return [KgbBaris(nomor=i, **b) for i, (_, _, b) in enumerate(found, start=1)]


class _Baris:
    """A row of the query read by column name (without building a dict per row)."""

    __slots__ = ("col", "values")

    def __init__(self, col: dict[str, int], values: Any) -> None:
        self.col, self.values = col, values

    def __getitem__(self, name: str) -> Any:
        return self.values[self.col[name]]
