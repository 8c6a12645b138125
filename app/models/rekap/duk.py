"""Daftar Urut Kepangkatan (PP 15/1979; SE Kepala BAKN 03/SE/1980): active PNS in the fixed
order of asn-rules 13.1, sorted by SQLite and streamed (100,000 rows stay light)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.models.reference.loader import Referensi
from app.models.rekap.common import aktif_clause, pangkat_nama, parse_date, unit_clause
from app.models.rules import derivations as d
from app.models.rules.nip import format_nip

# Latihan jabatan for the DUK (asn-rules 13.1 criterion 4): the leadership training a PNS
# completed, higher level first. Matching training names to a level is an application choice
# (the old Diklatpim names and the Perlan 5/2022 names, asn-rules 8); the patterns are matched
# against the name in lower case with punctuation turned into spaces and a space on each side.
LATIHAN_JABATAN: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        4,
        (
            "% kepemimpinan nasional tingkat i %",
            "% kepemimpinan tingkat i %",
            "% diklatpim tingkat i %",
            "% diklatpim i %",
            "% pkn tingkat i %",
            "% pkn i %",
            "% sespati %",
        ),
    ),
    (
        3,
        (
            "% kepemimpinan nasional tingkat ii %",
            "% kepemimpinan tingkat ii %",
            "% diklatpim tingkat ii %",
            "% diklatpim ii %",
            "% pkn tingkat ii %",
            "% pkn ii %",
            "% spamen %",
        ),
    ),
    (
        2,
        (
            "% kepemimpinan administrator %",
            "% pka %",
            "% kepemimpinan tingkat iii %",
            "% diklatpim tingkat iii %",
            "% diklatpim iii %",
            "% spama %",
        ),
    ),
    (
        1,
        (
            "% kepemimpinan pengawas %",
            "% pkp %",
            "% kepemimpinan tingkat iv %",
            "% diklatpim tingkat iv %",
            "% diklatpim iv %",
            "% adum %",
        ),
    ),
)
JENIS_DIKLAT_JABATAN = "STRUKTURAL"  # riwayat_diklat.jenis of leadership training


@dataclass(frozen=True)
class DukBaris:
    """One line of the DUK. ``nomor`` is the rank in the list (no two people share one)."""

    nomor: int
    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    golongan_urutan: int | None
    pangkat: str | None
    tmt_golongan: date | None
    jabatan_nama: str | None
    jabatan_tingkat: int | None
    tmt_jabatan: date | None
    mk_golongan_bulan: int | None  # MK golongan on the DUK date, in months (sort key)
    diklat_nama: str | None
    diklat_tingkat: int | None
    diklat_tanggal: date | None
    diklat_jp: int | None
    pendidikan_kode: str | None
    pendidikan_nama: str | None
    pendidikan_urutan: int | None
    pendidikan_jurusan: str | None
    pendidikan_tahun: int | None
    tanggal_lahir: date
    usia: int
    unit_nama: str | None
    opd_nama: str | None

    @property
    def nip_cetak(self) -> str:
        """The NIP as printed: grouped 8-6-1-3."""
        nip = self.nip
        if len(nip) == 18 and nip.isascii() and nip.isdigit():  # as stored: nothing to clean
            return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
        return format_nip(nip)

    @property
    def mk_tahun(self) -> int | None:
        return None if self.mk_golongan_bulan is None else self.mk_golongan_bulan // 12

    @property
    def mk_bulan(self) -> int | None:
        return None if self.mk_golongan_bulan is None else self.mk_golongan_bulan % 12


def _tinggi_dulu(value: int | None) -> tuple[bool, int]:
    return (value is None, -(value or 0))


def _awal_dulu(value: date | None) -> tuple[bool, date]:
    return (value is None, value or date.min)


def duk_key(b: DukBaris) -> tuple[Any, ...]:
    """The DUK comparison key of asn-rules 13.1, for checking an order (what is on record
    comes before what is missing):

    golongan desc, TMT golongan asc, jabatan level desc, TMT jabatan asc, masa kerja golongan
    desc, leadership training level desc, its date asc, education level desc, birth date asc,
    then NIP (a software tie-break so that no two people share a number).
    """
    return (
        _tinggi_dulu(b.golongan_urutan),
        _awal_dulu(b.tmt_golongan),
        _tinggi_dulu(b.jabatan_tingkat),
        _awal_dulu(b.tmt_jabatan),
        _tinggi_dulu(b.mk_golongan_bulan),
        _tinggi_dulu(b.diklat_tingkat),
        _awal_dulu(b.diklat_tanggal),
        _tinggi_dulu(b.pendidikan_urutan),
        b.tanggal_lahir,
        b.nip,
    )


def _latihan_case() -> tuple[str, list[str]]:
    name = (
        "(' ' || replace(replace(replace(replace(replace(lower(nama), '(', ' '), ')', ' '), "
        "'.', ' '), ',', ' '), '-', ' ') || ' ')"
    )
    whens: list[str] = []
    params: list[str] = []
    for tingkat, patterns in LATIHAN_JABATAN:
        whens.append(f"WHEN {' OR '.join(f'{name} LIKE ?' for _ in patterns)} THEN {tingkat}")
        params.extend(patterns)
    return f"CASE {' '.join(whens)} END", params


def _duk_sql(unit_sql: str, termasuk_cpns: bool) -> str:
    # The MK on the current SK pangkat and the year of the highest education are correlated
    # subqueries: one index lookup per employee inside SQLite, faster here than grouping the
    # whole history tables and joining them back.
    case, _ = _latihan_case()
    status = "('PNS', 'CPNS')" if termasuk_cpns else "('PNS')"
    pend = (
        "FROM riwayat_pendidikan e WHERE e.pegawai_id = r.pegawai_id "
        "AND e.tingkat_kode = r.pendidikan_kode AND e.deleted = 0"
    )
    return f"""
WITH dl AS (
    SELECT pegawai_id, tingkat, MIN(tgl) AS tgl, nama, jp FROM (
        SELECT pegawai_id, {case} AS tingkat,
               COALESCE(tanggal_selesai, tanggal_mulai) AS tgl, nama, jam_pelajaran AS jp
        FROM riwayat_diklat WHERE deleted = 0 AND jenis = ?
    ) WHERE tingkat IS NOT NULL GROUP BY pegawai_id, tingkat
),
dk AS (SELECT pegawai_id, MAX(tingkat) AS tingkat, tgl, nama, jp FROM dl GROUP BY pegawai_id),
duk AS (
    SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.golongan_urutan,
        r.tmt_golongan, r.jabatan_nama, jj.tingkat AS jab_tingkat, r.tmt_jabatan,
        (SELECT MAX(COALESCE(p.mk_tahun, 0) * 12 + COALESCE(p.mk_bulan, 0))
         FROM riwayat_pangkat p WHERE p.pegawai_id = r.pegawai_id
         AND p.golongan_kode = r.golongan_kode AND p.tmt = r.tmt_golongan AND p.deleted = 0
        ) AS mk,
        dk.nama AS dik_nama, dk.tingkat AS dik_tingkat, dk.tgl AS dik_tgl, dk.jp AS dik_jp,
        r.pendidikan_kode, rp.nama AS pend_nama, rp.urutan AS pend_urutan,
        (SELECT e.jurusan {pend} ORDER BY COALESCE(e.tahun_lulus, 0) DESC LIMIT 1) AS jurusan,
        (SELECT MAX(e.tahun_lulus) {pend}) AS tahun_lulus,
        r.tanggal_lahir, r.unit_nama, r.opd_nama
    FROM pegawai_ringkas r
    LEFT JOIN ref_jenjang_jabatan jj ON jj.kode = r.jenjang_kode AND jj.deleted = 0
    LEFT JOIN dk ON dk.pegawai_id = r.pegawai_id
    LEFT JOIN ref_pendidikan rp ON rp.kode = r.pendidikan_kode AND rp.deleted = 0
    WHERE {aktif_clause()} AND r.jenis_asn = 'PNS' AND r.status_kepegawaian IN {status}
        {unit_sql}
)
SELECT * FROM duk
ORDER BY golongan_urutan IS NULL, golongan_urutan DESC,
         tmt_golongan IS NULL, tmt_golongan,
         jab_tingkat IS NULL, jab_tingkat DESC,
         tmt_jabatan IS NULL, tmt_jabatan,
         mk IS NULL, mk DESC,
         dik_tingkat IS NULL, dik_tingkat DESC,
         dik_tgl IS NULL, dik_tgl,
         pend_urutan IS NULL, pend_urutan DESC,
         tanggal_lahir, nip
"""


def duk(
    conn: sqlite3.Connection,
    *,
    on: date,
    unit_id: str | None = None,
    termasuk_cpns: bool = False,
) -> Iterator[DukBaris]:
    """The DUK of active PNS on date ``on`` (optionally of one unit), in the order of
    asn-rules 13.1, numbered from 1. Streamed: rows come as SQLite sorts them.

    PPPK are not in the DUK (asn-rules 13.1 [?]); CPNS only when ``termasuk_cpns``.
    Masa kerja is the MK golongan (the one valid for salary): the MK on the last SK pangkat plus
    the time since its TMT (:func:`derivations.masa_kerja_golongan`). On equal TMT golongan
    this orders as the MK on the SK, which is what SQLite sorts by.
    """
    ref = Referensi.load(conn)
    pangkat = {k: pangkat_nama(ref, k) for k in ref.golongan}
    unit_sql, unit_params = unit_clause(conn, unit_id)
    _, case_params = _latihan_case()
    cur = conn.execute(
        _duk_sql(unit_sql, termasuk_cpns), [*case_params, JENIS_DIKLAT_JABATAN, *unit_params]
    )
    for nomor, row in enumerate(cur, start=1):
        tmt_gol = parse_date(row[5])
        mk = None
        if tmt_gol is not None and row[9] is not None:
            tahun, bulan = d.masa_kerja(tmt_gol, on, tambah_bulan=int(row[9]))
            mk = tahun * 12 + bulan
        lahir = date.fromisoformat(row[19])
        yield DukBaris(
            nomor=nomor,
            pegawai_id=row[0],
            nip=row[1],
            nama_lengkap=row[2],
            golongan_kode=row[3],
            golongan_urutan=row[4],
            pangkat=pangkat.get(row[3] or ""),
            tmt_golongan=tmt_gol,
            jabatan_nama=row[6],
            jabatan_tingkat=row[7],
            tmt_jabatan=parse_date(row[8]),
            mk_golongan_bulan=mk,
            diklat_nama=row[10],
            diklat_tingkat=row[11],
            diklat_tanggal=parse_date(row[12]),
            diklat_jp=row[13],
            pendidikan_kode=row[14],
            pendidikan_nama=row[15],
            pendidikan_urutan=row[16],
            pendidikan_jurusan=row[17],
            pendidikan_tahun=row[18] or None,
            tanggal_lahir=lahir,
            usia=d.usia(lahir, on),
            unit_nama=row[20],
            opd_nama=row[21],
        )
