"""The nominative list of a KP period (asn-rules 5): who has the time in rank on the period
date, with the conditions checked from the records, and the KP periods in force."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tanggal, tr
from app.models.cuti.berjalan import (
    JENIS_DITANDAI,
    label_cuti,
    periode_tidak_dihitung,
    sql_cuti_berjalan,
)
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rekap.common import aktif_clause, pangkat_nama, unit_clause_named
from app.models.rules import derivations as d
from app.models.rules.cuti import Rentang, mulai_bersih
from app.models.rules.derivations import add_years
from app.models.rules.kp import (
    JENIS_JF,
    JENIS_REGULER,
    JENIS_STRUKTURAL,
    STATUS_VERIFIKASI,
    TAHUN_BAWAH_RENTANG,
    TAHUN_DALAM_PANGKAT,
    TAHUN_DALAM_PANGKAT_JF,
    CalonKp,
    SyaratKp,
    batas_atasan,
    check_kp,
    jenis_kp_label,
    saring_kp,
    status_kode,
)
from app.models.skp.penilai import Positions


@dataclass(frozen=True)
class KpBaris:
    nomor: int
    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str
    pangkat: str | None
    tmt_golongan: date
    masa_tahun: int  # time in the current pangkat on the period date
    masa_bulan: int
    golongan_baru: str | None
    pangkat_baru: str | None
    jenis_kp: str  # app.models.rules.kp.JENIS_*: reguler, pilihan_struktural, jf
    jabatan_nama: str | None
    unit_nama: str | None
    pendidikan_kode: str | None
    status: str  # STATUS_MEMENUHI, STATUS_VERIFIKASI or STATUS_BELUM
    keterangan: tuple[str, ...]
    eselon_kode: str | None = None
    tmt_jabatan: date | None = None
    batas_pangkat: str | None = None  # the highest golongan this kind of KP reaches
    cuti: str | None = None  # "Cuti besar s.d. ..." / "CLTN s.d. ..." on the period date

    @property
    def perlu_verifikasi(self) -> bool:
        return self.status == STATUS_VERIFIKASI

    @property
    def jenis_kp_label(self) -> str:
        return jenis_kp_label(self.jenis_kp)

    @property
    def status_kode(self) -> str:
        """``memenuhi``, ``perlu_diverifikasi`` or ``belum_memenuhi``."""
        return status_kode(self.status)


def bulan_periode_kp(conn: sqlite3.Connection, on: date) -> list[int]:
    """The KP months in force on a date (ref_periode_kp; asn-rules 5.1)."""
    rows = conn.execute(
        "SELECT bulan FROM ref_periode_kp WHERE deleted = 0 AND berlaku_mulai <= ? "
        "AND (berlaku_sampai IS NULL OR berlaku_sampai >= ?) ORDER BY bulan",
        (on.isoformat(), on.isoformat()),
    )
    return [int(r[0]) for r in rows]


def periode_kp(conn: sqlite3.Connection, text: str) -> date:
    """Parse ``YYYY-MM`` as a KP period date (the 1st of the month), checked against the
    periods in force on that date (April and October until 2023; six a year from 2024; every
    month from October 2025)."""
    try:
        year, month = (int(p) for p in text.strip().split("-"))
        when = date(year, month, 1)
    except ValueError:
        raise ValidationError(
            tr("Periode '{p}' tidak sah. Tulis sebagai TTTT-BB, mis. 2027-04.", p=text),
            field="periode",
        ) from None
    months = bulan_periode_kp(conn, when)
    if month not in months:
        rules = conn.execute(
            "SELECT DISTINCT dasar_hukum FROM ref_periode_kp WHERE deleted = 0 "
            "AND berlaku_mulai <= ? AND (berlaku_sampai IS NULL OR berlaku_sampai >= ?)",
            (when.isoformat(), when.isoformat()),
        ).fetchall()
        try:
            nxt = periode_kp_berikutnya(conn, when).strftime("%Y-%m")
        except ValidationError:
            nxt = "-"
        raise ValidationError(
            tr(
                "{tahun}-{bulan:02d} bukan periode kenaikan pangkat. Aturan yang berlaku pada "
                "{tanggal}: {aturan} (periode pada bulan {daftar}). Periode berikutnya: {next}.",
                bulan=month,
                tahun=year,
                tanggal=tanggal(when),
                aturan="; ".join(str(r[0]) for r in rules) or tr("tidak ada di referensi"),
                daftar=", ".join(str(m) for m in months) or "-",
                next=nxt,
            ),
            field="periode",
        )
    return when


def periode_kp_berikutnya(conn: sqlite3.Connection, on: date) -> date:
    """The first KP period date after ``on``, under the rule in force at that date (the months
    are looked up month by month, so a rule that changes mid-year is followed)."""
    year, month = on.year, on.month
    for _ in range(25):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        when = date(year, month, 1)
        if month in bulan_periode_kp(conn, when):
            return when
    raise ValidationError(tr("Tidak ada periode kenaikan pangkat berikutnya dalam referensi."))


def periode_kp_terakhir(conn: sqlite3.Connection, on: date) -> date | None:
    """The latest KP period date on or before ``on`` (None when the reference has none in the
    two years before): the period whose SK may still be under way."""
    year, month = on.year, on.month
    for _ in range(25):
        when = date(year, month, 1)
        if month in bulan_periode_kp(conn, when):
            return when
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return None


# The eselon of the current post: that of the riwayat_jabatan row in force (latest TMT, then SK
# date and id, as app.models.rules.derivations.current_jabatan), else of its position.
_ESELON_SQL = """(SELECT COALESCE(rj.eselon_kode, j.eselon_kode) FROM riwayat_jabatan rj
    LEFT JOIN jabatan j ON j.id = rj.jabatan_id
    WHERE rj.pegawai_id = r.pegawai_id AND rj.deleted = 0 AND rj.tmt = r.tmt_jabatan
    ORDER BY COALESCE(rj.tanggal_sk, '') DESC, rj.id DESC LIMIT 1)"""

# The candidates of a KP period, ordered as the list (one filter for one period and for
# several: the latest period's dates, which take in the earlier periods' candidates).
_CALON_SQL = """WHERE {aktif} AND r.jenis_asn = 'PNS' AND r.status_kepegawaian = 'PNS'
  AND r.golongan_urutan < :gol_maks
  AND (r.tmt_golongan <= :batas
       OR (r.jenis_jabatan_kode = 'JF' AND r.tmt_golongan <= :batas_jf)
       -- a structural post one step below its eselon range: 1 year in pangkat may be enough
       -- (check_kp decides; those not due are dropped below)
       OR (COALESCE(r.jenis_jabatan_kode, '') != 'JF' AND r.tmt_golongan <= :batas_bawah
           AND (r.jenjang_kode IN (SELECT kode FROM ref_jenjang_jabatan
                                   WHERE kelompok = 'MANAJERIAL' AND deleted = 0)
                OR {eselon} IS NOT NULL)))
  {unit}
ORDER BY r.golongan_urutan DESC, r.tmt_golongan, r.nama_urut, r.nip
"""

_KP_SQL = (
    """
WITH hd AS (
    SELECT h.pegawai_id, max(h.tmt_selesai IS NULL) AS terbuka, MAX(h.tmt_selesai) AS selesai
    FROM riwayat_hukdis h JOIN ref_hukuman_disiplin rh ON rh.kode = h.hukuman_kode
    WHERE h.deleted = 0 AND rh.menghambat_kp_kgb = 1 AND h.tmt_mulai <= :tgl
      AND (h.tmt_selesai IS NULL OR h.tmt_selesai >= :tgl)
    GROUP BY h.pegawai_id
)
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.golongan_urutan, r.tmt_golongan,
       r.jenis_jabatan_kode, r.jenjang_kode, r.jabatan_nama, r.unit_nama, r.pendidikan_kode,
       s1.predikat_kode, p1.urutan, s2.predikat_kode, p2.urutan, hd.pegawai_id IS NOT NULL,
       {eselon}, r.tmt_jabatan, {cuti}
FROM pegawai_ringkas r
JOIN ref_golongan g ON g.kode = r.golongan_kode AND g.jenis_asn = 'PNS'
LEFT JOIN riwayat_skp s1 ON s1.pegawai_id = r.pegawai_id AND s1.tahun = :th1 AND s1.deleted = 0
LEFT JOIN ref_predikat p1 ON p1.kode = s1.predikat_kode
LEFT JOIN riwayat_skp s2 ON s2.pegawai_id = r.pegawai_id AND s2.tahun = :th2 AND s2.deleted = 0
LEFT JOIN ref_predikat p2 ON p2.kode = s2.predikat_kode
LEFT JOIN hd ON hd.pegawai_id = r.pegawai_id
"""
    + _CALON_SQL
)


@dataclass(frozen=True)
class NominatifKp:
    """The list of a KP period, and how many people were left out because the next rank is
    above the ceiling of their diploma or JF level (reference tables marked [?])."""

    periode: date
    baris: list[KpBaris]
    melebihi_batas: int


@dataclass(frozen=True)
class FaktaKp:
    """What a nominative list reads that does not depend on the period: the reference data,
    the CLTN periods, the positions and the ranks of PNS. Read once with :func:`fakta_kp` when
    several periods are listed in one go (the Beranda lists up to three). ``positions`` and
    ``rank_of`` are None when not read (``fakta_kp(conn, atasan=False)``): a list whose periods
    need the direct superior reads them itself."""

    ref: Referensi
    tidak_dihitung: dict[str, list[Rentang]]
    positions: Positions | None
    rank_of: dict[str, tuple[Any, Any, Any]] | None


def fakta_kp(conn: sqlite3.Connection, *, atasan: bool = True) -> FaktaKp:
    """The period-free facts; ``atasan``: also the positions and ranks the direct superior is
    found from (not needed for periods where no rule caps the KP at the superior's rank)."""
    positions, rank_of = _fakta_atasan(conn) if atasan else (None, None)
    return FaktaKp(Referensi.load(conn), periode_tidak_dihitung(conn), positions, rank_of)


def _fakta_atasan(
    conn: sqlite3.Connection, fakta: FaktaKp | None = None
) -> tuple[Positions, dict[str, tuple[Any, Any, Any]]]:
    """The positions and the ranks of PNS (those of ``fakta`` when it has them)."""
    if fakta is not None and fakta.positions is not None and fakta.rank_of is not None:
        return fakta.positions, fakta.rank_of
    return (
        # the direct superior is the holder of the nearest occupied position above (as SKP)
        Positions.load(conn),
        {
            str(r[0]): (r[1], r[2], r[3])
            for r in conn.execute(
                "SELECT pegawai_id, golongan_kode, golongan_urutan, nama_lengkap "
                "FROM pegawai_ringkas WHERE deleted = 0 AND jenis_asn = 'PNS'"
            )
        },
    )


def nominatif_kp(
    conn: sqlite3.Connection,
    periode: date,
    *,
    unit_id: str | None = None,
    termasuk_melebihi_batas: bool = False,
    fakta: FaktaKp | None = None,
) -> NominatifKp:
    """Nominative list for a KP period: active PNS who have the time in pangkat their kind of
    KP asks for on the period date (reguler 4 years, jabatan fungsional 2 years, a structural
    post 4 years or, one step below its eselon range, 1 year), with what still has to be
    checked.

    The conditions of each person are :func:`app.models.rules.kp.check_kp`: the kind of KP by
    the post, performance at least Baik in the last two years, a discipline penalty that blocks
    KP, the ceiling of the kind (diploma, eselon range, JF level), the direct superior's
    pangkat where the rule in force on the period date caps it, and the ujian dinas when the
    promotion crosses a golongan. What the records cannot show (angka kredit, ujian dinas) or
    what comes from uncertain reference rows is marked "Perlu diverifikasi".

    People whose next rank is above the ceiling of their kind are left out (and counted)
    unless ``termasuk_melebihi_batas``; then they are listed and marked. ``fakta``: what
    :func:`fakta_kp` read of the same database in the same transaction (read here if None).
    """
    fakta = fakta or fakta_kp(conn)
    ref = fakta.ref
    pns = [(k, r) for k, r in ref.golongan.items() if r["jenis_asn"] == "PNS"]
    pns.sort(key=lambda kr: int(kr[1]["urutan"]))
    next_gol = {pns[i][0]: pns[i + 1][0] for i in range(len(pns) - 1)}
    gol_maks = int(pns[-1][1]["urutan"])
    unit_sql, unit_params = unit_clause_named(conn, unit_id)
    th1, th2 = periode.year - 1, periode.year - 2
    params: dict[str, Any] = {
        "tgl": periode.isoformat(),
        "th1": th1,
        "th2": th2,
        "gol_maks": gol_maks,
        "batas": add_years(periode, -TAHUN_DALAM_PANGKAT).isoformat(),
        "batas_jf": add_years(periode, -TAHUN_DALAM_PANGKAT_JF).isoformat(),
        "batas_bawah": add_years(periode, -TAHUN_BAWAH_RENTANG).isoformat(),
        **unit_params,
    }
    sql = _KP_SQL.format(
        aktif=aktif_clause(),
        unit=unit_sql,
        eselon=_ESELON_SQL,
        cuti=sql_cuti_berjalan("r.pegawai_id", ":tgl"),
    )
    tidak_dihitung = fakta.tidak_dihitung
    positions, rank_of = _fakta_atasan(conn, fakta)
    result: list[KpBaris] = []
    left_out = 0
    for row in conn.execute(sql, params):
        gol = row[3]
        orang = _Orang(
            row,
            next_gol.get(gol),
            date.fromisoformat(row[5]),
            date.fromisoformat(row[17]) if row[17] else None,
            tuple(tidak_dihitung.get(row[0], ())),
            None if row[6] == "JF" else _atasan(positions, rank_of, row[0]),
        )
        syarat = check_kp(
            ref,
            orang.calon(periode, ((th1, row[11], row[12]), (th2, row[13], row[14])), bool(row[15])),
        )
        if not syarat.masa_cukup:
            continue  # a structural post at or inside its range with under 4 years: not due
        if syarat.melebihi_batas and not termasuk_melebihi_batas:
            left_out += 1
            continue
        result.append(orang.baris(ref, periode, syarat, row[18], len(result) + 1))
    return NominatifKp(periode, result, left_out)


_KP_BANYAK_SQL = (
    """
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.golongan_urutan, r.tmt_golongan,
       r.jenis_jabatan_kode, r.jenjang_kode, r.jabatan_nama, r.unit_nama, r.pendidikan_kode,
       NULL, NULL, NULL, NULL, NULL, {eselon}, r.tmt_jabatan
FROM pegawai_ringkas r
JOIN ref_golongan g ON g.kode = r.golongan_kode AND g.jenis_asn = 'PNS'
"""
    + _CALON_SQL
)


def nominatif_kp_banyak(
    conn: sqlite3.Connection,
    periodes: Iterable[date],
    *,
    unit_id: str | None = None,
    termasuk_melebihi_batas: bool = False,
    fakta: FaktaKp | None = None,
) -> dict[date, NominatifKp]:
    """The lists of several KP periods in one pass (the Beranda lists up to three): each equal
    to :func:`nominatif_kp` of its period.

    The candidates of the latest period are read once (a later period only adds people: the
    time in rank grows), with their running cuti on each period date; the SKP of the years
    concerned and the penalties that block KP are read once and matched by date here. Each
    person's period-free facts (next rank, CLTN, direct superior) are derived once, and the
    conditions (:func:`~app.models.rules.kp.check_kp`) asked for each period whose time-in-rank
    filter the person passes.
    """
    tanggal_list = sorted(set(periodes))
    if not tanggal_list:
        return {}
    fakta = fakta or fakta_kp(conn)
    ref = fakta.ref
    pns = [(k, r) for k, r in ref.golongan.items() if r["jenis_asn"] == "PNS"]
    pns.sort(key=lambda kr: int(kr[1]["urutan"]))
    next_gol = {pns[i][0]: pns[i + 1][0] for i in range(len(pns) - 1)}
    unit_sql, unit_params = unit_clause_named(conn, unit_id)
    akhir = tanggal_list[-1]
    params: dict[str, Any] = {
        "gol_maks": int(pns[-1][1]["urutan"]),
        "batas": add_years(akhir, -TAHUN_DALAM_PANGKAT).isoformat(),
        "batas_jf": add_years(akhir, -TAHUN_DALAM_PANGKAT_JF).isoformat(),
        "batas_bawah": add_years(akhir, -TAHUN_BAWAH_RENTANG).isoformat(),
        **unit_params,
    }
    sql = _KP_BANYAK_SQL.format(aktif=aktif_clause(), unit=unit_sql, eselon=_ESELON_SQL)
    # the filter of each period as in _KP_SQL (ISO dates compare as text, as in SQL)
    batas = [
        (
            add_years(p, -TAHUN_DALAM_PANGKAT).isoformat(),
            add_years(p, -TAHUN_DALAM_PANGKAT_JF).isoformat(),
            add_years(p, -TAHUN_BAWAH_RENTANG).isoformat(),
        )
        for p in tanggal_list
    ]
    manajerial = {
        r[0]
        for r in conn.execute(
            "SELECT kode FROM ref_jenjang_jabatan WHERE kelompok = 'MANAJERIAL' AND deleted = 0"
        )
    }
    tahun = sorted({p.year - k for p in tanggal_list for k in (1, 2)})
    skp: dict[tuple[str, Any], list[tuple[str | None, int | None]]] = {}
    for r in conn.execute(
        "SELECT s.pegawai_id, s.tahun, s.predikat_kode, p.urutan FROM riwayat_skp s "
        "LEFT JOIN ref_predikat p ON p.kode = s.predikat_kode "
        "WHERE s.deleted = 0 AND s.tahun IN (SELECT value FROM json_each(?)) ORDER BY s.rowid",
        (json.dumps(tahun),),
    ):
        skp.setdefault((r[0], r[1]), []).append((r[2], r[3]))
    hukdis: dict[str, list[tuple[str, str | None]]] = {}
    for r in conn.execute(
        "SELECT h.pegawai_id, h.tmt_mulai, h.tmt_selesai FROM riwayat_hukdis h "
        "JOIN ref_hukuman_disiplin rh ON rh.kode = h.hukuman_kode "
        "WHERE h.deleted = 0 AND rh.menghambat_kp_kgb = 1"
    ):
        hukdis.setdefault(r[0], []).append((r[1], r[2]))
    cuti = cuti_ditandai(conn, tanggal_list[0], akhir)
    tidak_dihitung = fakta.tidak_dihitung
    # the direct superior matters only where a rule caps the KP at the superior's rank on a
    # period date (KP reguler until May 2025): otherwise check_kp does not look at it
    perlu_atasan = any(
        batas_atasan(ref, jenis, p) is not None
        for jenis in (JENIS_REGULER, JENIS_STRUKTURAL, JENIS_JF)
        for p in tanggal_list
    )
    positions, rank_of = _fakta_atasan(conn, fakta) if perlu_atasan else (None, {})
    tanpa_skp = [(None, None)]
    result: list[list[KpBaris]] = [[] for _ in tanggal_list]
    left_out = [0] * len(tanggal_list)
    for row in conn.execute(sql, params):
        pid, gol, tmt_text, jenis_jab = row[0], row[3], row[5], row[6]
        orang: _Orang | None = None
        for i, periode in enumerate(tanggal_list):
            batas_p, batas_jf, batas_bawah = batas[i]
            if not (
                tmt_text <= batas_p
                or (jenis_jab == "JF" and tmt_text <= batas_jf)
                or (
                    (jenis_jab or "") != "JF"
                    and tmt_text <= batas_bawah
                    and (row[7] in manajerial or row[16] is not None)
                )
            ):
                continue
            if orang is None:
                orang = _Orang(
                    row,
                    next_gol.get(gol),
                    date.fromisoformat(tmt_text),
                    date.fromisoformat(row[17]) if row[17] else None,
                    tuple(tidak_dihitung.get(pid, ())),
                    None
                    if jenis_jab == "JF" or positions is None
                    else _atasan(positions, rank_of, pid),
                )
            tgl = periode.isoformat()
            hd = any(m <= tgl and (s is None or s >= tgl) for m, s in hukdis.get(pid, ()))
            th1, th2 = periode.year - 1, periode.year - 2
            # one row per pair of SKP rows of the two years, as the LEFT JOINs of _KP_SQL
            for p1, u1 in skp.get((pid, th1), tanpa_skp):
                for p2, u2 in skp.get((pid, th2), tanpa_skp):
                    calon = orang.calon(periode, ((th1, p1, u1), (th2, p2, u2)), hd)
                    if not termasuk_melebihi_batas:
                        # most are left out: their reasons are not written
                        cukup, melebihi = saring_kp(ref, calon)
                        if not cukup:
                            continue
                        if melebihi:
                            left_out[i] += 1
                            continue
                    syarat = check_kp(ref, calon)
                    if not syarat.masa_cukup:
                        continue
                    if syarat.melebihi_batas and not termasuk_melebihi_batas:
                        left_out[i] += 1
                        continue
                    rows = result[i]
                    berjalan = cuti_pada(cuti.get(pid), tgl)
                    rows.append(orang.baris(ref, periode, syarat, berjalan, len(rows) + 1))
    return {p: NominatifKp(p, result[i], left_out[i]) for i, p in enumerate(tanggal_list)}


CutiDitandai = list[tuple[str, str, str | None, str, int]]


def cuti_ditandai(conn: sqlite3.Connection, dari: date, sampai: date) -> dict[str, CutiDitandai]:
    """The approved cuti besar and CLTN running on some day from ``dari`` to ``sampai``, by
    employee (start, end, return to duty, kind, rowid): one read for the marks of a whole list
    (:func:`cuti_pada`), instead of the subquery :func:`sql_cuti_berjalan` per person."""
    out: dict[str, CutiDitandai] = {}
    for r in conn.execute(
        "SELECT pegawai_id, tanggal_mulai, tanggal_selesai, kembali_tanggal, jenis_kode, rowid "
        "FROM cuti WHERE +deleted = 0 AND status = 'DISETUJUI' AND tanggal_mulai <= ? "
        "AND tanggal_selesai >= ? AND jenis_kode IN (SELECT value FROM json_each(?))",
        (sampai.isoformat(), dari.isoformat(), json.dumps(JENIS_DITANDAI)),
    ):
        out.setdefault(r[0], []).append((r[1], r[2], r[3], r[4], r[5]))
    return out


def cuti_pada(rows: CutiDitandai | None, tgl: str) -> str | None:
    """:func:`sql_cuti_berjalan` on ``tgl`` (ISO) from one person's rows of
    :func:`cuti_ditandai`: ``"<jenis>|<tanggal_selesai>"`` of the leave running then (the latest
    start; on the same start the later row, as that subquery reads its index backwards), or
    None."""
    best: tuple[str, int, str] | None = None
    for mulai, selesai, kembali, jenis, rowid in rows or ():
        running = mulai <= tgl <= selesai and (kembali is None or kembali > tgl)
        if running and (best is None or (mulai, rowid) > best[:2]):
            best = (mulai, rowid, f"{jenis}|{selesai}")
    return best[2] if best else None


def _atasan(
    positions: Positions, rank_of: dict[str, tuple[Any, Any, Any]], pegawai_id: str
) -> tuple[Any, Any, Any] | None:
    """The direct superior's (golongan, urutan, nama), None when there is none."""
    superior = positions.superior(pegawai_id)
    return rank_of.get(superior) if superior else None


class _Orang:
    """One candidate row of the KP query and what does not depend on the period: the next
    rank, the TMT of the rank and of the post, the CLTN periods and the direct superior."""

    __slots__ = ("atasan", "baru", "cltn", "row", "tmt", "tmt_jabatan")

    def __init__(
        self,
        row: Any,
        baru: str | None,
        tmt: date,
        tmt_jabatan: date | None,
        cltn: tuple[Rentang, ...],
        atasan: tuple[Any, Any, Any] | None,
    ) -> None:
        self.row, self.baru, self.tmt, self.tmt_jabatan = row, baru, tmt, tmt_jabatan
        self.cltn, self.atasan = cltn, atasan

    def calon(
        self,
        periode: date,
        skp: tuple[tuple[int, str | None, int | None], ...],
        hukuman_disiplin: bool,
    ) -> CalonKp:
        row = self.row
        return CalonKp(
            golongan_kode=row[3],
            golongan_baru=self.baru,
            jenis_jabatan_kode=row[6],
            jenjang_kode=row[7],
            pendidikan_kode=row[10],
            skp=skp,
            hukuman_disiplin=hukuman_disiplin,
            atasan=self.atasan,
            periode=periode,
            eselon_kode=row[16],
            tmt_golongan=self.tmt,
            tmt_jabatan=self.tmt_jabatan,
            tidak_dihitung=self.cltn,
        )

    def baris(
        self, ref: Referensi, periode: date, syarat: SyaratKp, cuti: str | None, nomor: int
    ) -> KpBaris:
        row, gol, tmt = self.row, self.row[3], self.tmt
        tahun, bulan = d.masa_kerja(mulai_bersih(tmt, periode, self.cltn), periode)
        return KpBaris(
            nomor=nomor,
            pegawai_id=row[0],
            nip=row[1],
            nama_lengkap=row[2],
            golongan_kode=gol,
            pangkat=pangkat_nama(ref, gol),
            tmt_golongan=tmt,
            masa_tahun=tahun,
            masa_bulan=bulan,
            golongan_baru=self.baru,
            pangkat_baru=pangkat_nama(ref, self.baru),
            jenis_kp=syarat.jenis_kp,
            jabatan_nama=row[8],
            unit_nama=row[9],
            pendidikan_kode=row[10],
            status=syarat.status,
            keterangan=syarat.keterangan,
            eselon_kode=row[16],
            tmt_jabatan=self.tmt_jabatan,
            batas_pangkat=syarat.batas_pangkat,
            cuti=label_cuti(cuti),
        )
