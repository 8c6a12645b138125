"""KGB due in a date window (asn-rules 10.3): the TMT of the last KGB or KP plus 2 years, with
the MK golongan at the new TMT."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rekap.common import aktif_clause, pangkat_nama, parse_date, unit_clause_named
from app.models.rules import derivations as d
from app.models.rules.kp import STATUS_BELUM, STATUS_MEMENUHI, STATUS_VERIFIKASI, kgb_berikutnya


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
        r.jabatan_nama, r.unit_nama
    FROM pegawai_ringkas r
    WHERE {aktif} AND r.jenis_asn = 'PNS' {unit}
)
SELECT dasar.*, hd.mulai, hd.sampai FROM dasar LEFT JOIN hd ON hd.pegawai_id = dasar.pegawai_id
"""


def kgb_jatuh_tempo(
    conn: sqlite3.Connection, mulai: date, sampai: date, *, unit_id: str | None = None
) -> list[KgbBaris]:
    """Active PNS and CPNS whose next KGB falls between ``mulai`` and ``sampai`` (inclusive).

    Next KGB = TMT of the last KGB or of the last KP (whichever is later) + 2 years
    (asn-rules 10.3). MK golongan at the new TMT = the MK on that record plus the time since.
    A penalty that blocks KGB during the window, and steps missing from the records, are
    marked for checking.
    """
    if sampai < mulai:
        raise ValidationError(tr("Tanggal akhir lebih awal dari tanggal awal."), field="sampai")
    ref = Referensi.load(conn)
    unit_sql, unit_params = unit_clause_named(conn, unit_id)
    params: dict[str, Any] = {
        "mulai": mulai.isoformat(),
        "sampai": sampai.isoformat(),
        **unit_params,
    }
    found: list[tuple[date, str, KgbBaris]] = []
    for row in conn.execute(_KGB_SQL.format(aktif=aktif_clause(), unit=unit_sql), params):
        kp_tmt = parse_date(row[4])
        kgb_tmt, kgb_mk = None, 0
        if row[6]:
            text, mk_text = str(row[6]).split("|")
            kgb_tmt, kgb_mk = date.fromisoformat(text), int(mk_text)
        if kgb_tmt is not None and (kp_tmt is None or kgb_tmt > kp_tmt):
            dasar, tmt_lama, mk_lama = "KGB", kgb_tmt, kgb_mk
        elif kp_tmt is not None:
            dasar, tmt_lama, mk_lama = "KP", kp_tmt, int(row[5] or 0)
        else:  # no rank and no KGB on record: nothing to count from
            continue
        due, steps = kgb_berikutnya(tmt_lama, mulai)
        if due > sampai:
            continue
        mk_baru = d.masa_kerja(tmt_lama, due, tambah_bulan=mk_lama)
        notes: list[str] = []
        status = STATUS_MEMENUHI
        if steps > 1:
            notes.append(
                tr(
                    "{n} KGB sebelumnya belum tercatat (perlu diverifikasi)",
                    n=steps - 1,
                )
            )
            status = STATUS_VERIFIKASI
        if row[9] is not None and row[9] <= due.isoformat() <= row[10]:
            notes.append(tr("Sedang menjalani hukuman disiplin: KGB dapat ditunda"))
            status = STATUS_BELUM
        found.append(
            (
                due,
                row[1],
                KgbBaris(
                    nomor=0,
                    pegawai_id=row[0],
                    nip=row[1],
                    nama_lengkap=row[2],
                    golongan_kode=row[3],
                    pangkat=pangkat_nama(ref, row[3]),
                    dasar=dasar,
                    tmt_lama=tmt_lama,
                    mk_lama_tahun=mk_lama // 12,
                    mk_lama_bulan=mk_lama % 12,
                    tmt_baru=due,
                    mk_baru_tahun=mk_baru[0],
                    mk_baru_bulan=mk_baru[1],
                    jabatan_nama=row[7],
                    unit_nama=row[8],
                    status=status,
                    keterangan=tuple(notes),
                ),
            )
        )
    found.sort(key=lambda t: (t[0], t[1]))
    return [replace(b, nomor=i) for i, (_, _, b) in enumerate(found, start=1)]
