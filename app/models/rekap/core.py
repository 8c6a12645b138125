"""Recap sheets a BKD prints (asn-rules 13): queries only, plain data out.

* :func:`duk` — Daftar Urut Kepangkatan (PP 15/1979; SE Kepala BAKN 03/SE/1980), active PNS in
  the fixed order of asn-rules 13.1, streamed (100,000 rows stay light).
* :func:`rekap` — unit × category cross tables (golongan, pendidikan, jenis kelamin, status,
  jenis jabatan) with a male/female split and totals (asn-rules 13.2).
* :func:`nominatif_kp` — who reaches the time in rank for a KP period (asn-rules 5).
* :func:`kgb_jatuh_tempo` — KGB due in a date window (asn-rules 10.3).
* :func:`pensiun` — who reaches BUP in the coming years (asn-rules 10.1).
* :func:`jam_pelajaran` — training hours per employee in a year against 20 JP (asn-rules 8).

Everything is aggregated in SQL over ``pegawai_ringkas`` and the history tables, one query per
list (never one per employee); the rules come from :mod:`app.models.rules.derivations` and the
reference tables (``ref_*``), which the admin can edit. The writers (``app/reports``) receive
these dataclasses and run no SQL.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from app.i18n import tanggal, tr
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import Referensi
from app.models.rules import derivations as d
from app.models.storage.instansi import get_setting
from app.models.storage.ringkas import UnitTree

# PP 11/2017 Ps. 203(4) [V]: at least 20 JP of competency development per PNS per year.
TARGET_JP_PNS = 20

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

# Columns of the cross tables (asn-rules 13.2): dimension -> title.
DIMENSI_REKAP: dict[str, str] = {
    "golongan": "Rekapitulasi Pegawai per Golongan",
    "pendidikan": "Rekapitulasi Pegawai per Tingkat Pendidikan",
    "jenis_kelamin": "Rekapitulasi Pegawai per Jenis Kelamin",
    "status": "Rekapitulasi Pegawai per Status Kepegawaian",
    "jabatan": "Rekapitulasi Pegawai per Jenis Jabatan",
}

TIDAK_TERCATAT = "-"  # category of employees whose value is not on record

STATUS_MEMENUHI = "Memenuhi syarat"
STATUS_VERIFIKASI = "Perlu diverifikasi"
STATUS_BELUM = "Belum memenuhi"


# -- common -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KopLaporan:
    """What the title rows of every sheet say."""

    instansi: str
    unit: str | None
    tanggal: date


def kop(conn: sqlite3.Connection, unit_id: str | None, on: date) -> KopLaporan:
    """Agency name (from the agency settings), the unit's name and the date of the recap."""
    instansi = get_setting(conn, "nama_instansi") or tr("Instansi belum diisi")
    unit = None
    if unit_id:
        row = conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (unit_id,)).fetchone()
        unit = row[0] if row else None
    return KopLaporan(instansi, unit, on)


def _aktif_clause(alias: str = "r") -> str:
    # Who is still in service is reference data (ref_kedudukan.aktif).
    return (
        f"+{alias}.deleted = 0 AND {alias}.kedudukan IN "
        "(SELECT kode FROM ref_kedudukan WHERE aktif = 1 AND deleted = 0)"
    )


def _unit_clause(conn: sqlite3.Connection, unit_id: str | None) -> tuple[str, list[Any]]:
    """SQL restricting ``r`` (pegawai_ringkas) to a unit and everything under it."""
    if not unit_id:
        return "", []
    tree = UnitTree.load(conn)
    if unit_id not in tree.induk:
        raise NotFoundError(tr("Unit organisasi yang dipilih tidak ditemukan."))
    if tree.induk[unit_id] is None:
        return " AND r.opd_id = ?", [unit_id]
    units = sorted(tree.descendants(unit_id))
    return f" AND r.unit_id IN ({', '.join('?' for _ in units)})", units


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def tambah_tahun(value: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def _di_atas(ref: Referensi, kode: str | None, batas: str | None) -> bool:
    """Is golongan ``kode`` above the ceiling ``batas`` (False when either is unknown)?"""
    a, b = ref.golongan_urutan(kode), ref.golongan_urutan(batas)
    return a is not None and b is not None and a > b


def _pangkat(ref: Referensi, kode: str | None) -> str | None:
    row = ref.golongan.get(kode or "")
    return str(row["pangkat"]) if row and row.get("pangkat") else None


# -- DUK ----------------------------------------------------------------------------------------


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
    WHERE {_aktif_clause()} AND r.jenis_asn = 'PNS' AND r.status_kepegawaian IN {status}
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
    pangkat = {k: _pangkat(ref, k) for k in ref.golongan}
    unit_sql, unit_params = _unit_clause(conn, unit_id)
    _, case_params = _latihan_case()
    cur = conn.execute(
        _duk_sql(unit_sql, termasuk_cpns), [*case_params, JENIS_DIKLAT_JABATAN, *unit_params]
    )
    for nomor, row in enumerate(cur, start=1):
        tmt_gol = _date(row[5])
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
            tmt_jabatan=_date(row[8]),
            mk_golongan_bulan=mk,
            diklat_nama=row[10],
            diklat_tingkat=row[11],
            diklat_tanggal=_date(row[12]),
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


# -- cross tables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kategori:
    kode: str
    label: str


@dataclass
class RekapBaris:
    """One unit of a cross table: counts by (category, jenis kelamin)."""

    unit_id: str | None
    nama: str
    jumlah: dict[tuple[str, str], int] = field(default_factory=dict)

    def hitung(self, kategori: str | None = None, jk: str | None = None) -> int:
        return sum(
            n
            for (k, j), n in self.jumlah.items()
            if (kategori is None or k == kategori) and (jk is None or j == jk)
        )


@dataclass
class Rekap:
    """A unit × category cross table with a male/female split (``pisah_jk``) and totals."""

    dimensi: str
    judul: str
    kategori: list[Kategori]
    baris: list[RekapBaris]
    pisah_jk: bool = True

    def total(self, kategori: str | None = None, jk: str | None = None) -> int:
        return sum(b.hitung(kategori, jk) for b in self.baris)


def _label_pendidikan(nama: str) -> str:
    label = nama.split(" / ")[0]
    return label.split(" (")[0].strip()


def _dimensi(ref: Referensi, dimensi: str) -> tuple[str, list[Kategori]]:
    """SQL expression giving the category of ``r`` (pegawai_ringkas), and the categories."""
    if dimensi == "golongan":
        groups: dict[int, str] = {}
        for kode, row in ref.golongan.items():
            if row["jenis_asn"] == "PNS":
                groups.setdefault(int(row["golongan"]), kode.split("/")[0])
        kats = [Kategori(groups[g], groups[g]) for g in sorted(groups)]
        kats.append(Kategori("PPPK", "PPPK"))
        expr = (
            "CASE WHEN r.jenis_asn = 'PPPK' THEN 'PPPK' ELSE "
            "(SELECT substr(g.kode, 1, instr(g.kode, '/') - 1) FROM ref_golongan g "
            "WHERE g.kode = r.golongan_kode AND g.jenis_asn = 'PNS') END"
        )
        return expr, kats
    if dimensi == "pendidikan":
        kats = [Kategori(k, _label_pendidikan(str(r["nama"]))) for k, r in ref.pendidikan.items()]
        return "r.pendidikan_kode", kats
    if dimensi == "jenis_kelamin":
        return "r.jenis_kelamin", [Kategori("L", tr("Laki-laki")), Kategori("P", tr("Perempuan"))]
    if dimensi == "status":
        kats = [Kategori(k, k) for k in ref.table("ref_status_kepegawaian")]
        return "r.status_kepegawaian", kats
    if dimensi == "jabatan":
        kats = [
            Kategori("JPT", tr("JPT")),
            Kategori("ADMINISTRATOR", tr("Administrator")),
            Kategori("PENGAWAS", tr("Pengawas")),
            Kategori("JF", tr("Fungsional")),
            Kategori("PELAKSANA", tr("Pelaksana")),
        ]
        expr = (
            "CASE WHEN r.jenis_jabatan_kode IN ('JPT', 'JF') THEN r.jenis_jabatan_kode "
            "WHEN r.jenjang_kode IN ('ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA') "
            "THEN r.jenjang_kode END"
        )
        return expr, kats
    raise ValidationError(
        tr(
            "Jenis rekap '{value}' tidak dikenal. Pilih salah satu: {choices}.",
            value=dimensi,
            choices=", ".join(DIMENSI_REKAP),
        ),
        field="dimensi",
    )


def _baris_unit(
    conn: sqlite3.Connection, unit_id: str | None
) -> tuple[list[tuple[str | None, str]], dict[str, str | None]]:
    """Rows of a cross table and the row of every unit: the perangkat daerah (no unit given),
    or the unit itself and its direct sub-units (each with everything under it)."""
    children: dict[str | None, list[tuple[str, str]]] = defaultdict(list)
    parent: dict[str, str | None] = {}
    for row in conn.execute(
        "SELECT id, induk_id, nama FROM unit_organisasi WHERE deleted = 0 ORDER BY urutan, nama"
    ):
        children[row[1]].append((row[0], row[2]))
        parent[row[0]] = row[1]
    top: list[tuple[str | None, str]] = []
    if unit_id is None:
        top = [(u, n) for u, n in children[None]]
        roots = [u for u, _ in children[None]]
    else:
        nama = conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (unit_id,)).fetchone()
        top = [(unit_id, nama[0] if nama else unit_id)]
        top += [(u, n) for u, n in children[unit_id]]
        roots = [u for u, _ in children[unit_id]]
    owner: dict[str, str | None] = {}
    if unit_id is not None:
        owner[unit_id] = unit_id
    for root in roots:
        stack = [root]
        while stack:
            u = stack.pop()
            if u in owner and u != root:
                continue
            owner[u] = root
            stack.extend(c for c, _ in children.get(u, []))
    return top, owner


def rekap(conn: sqlite3.Connection, dimensi: str, *, unit_id: str | None = None) -> Rekap:
    """A cross table of active employees (PNS, CPNS and PPPK): rows are the perangkat daerah
    (or, for one unit, the unit itself and its sub-units), columns the categories of
    ``dimensi`` (a key of :data:`DIMENSI_REKAP`), each split into L/P, with totals.

    Counted by one ``GROUP BY`` in SQL; categories and labels come from the reference tables.
    """
    ref = Referensi.load(conn)
    expr, kategori = _dimensi(ref, dimensi)
    unit_sql, unit_params = _unit_clause(conn, unit_id)
    top, owner = _baris_unit(conn, unit_id)
    rows: dict[str | None, RekapBaris] = {u: RekapBaris(u, n) for u, n in top}
    known = {k.kode for k in kategori}
    extra = False
    for unit, kat, jk, n in conn.execute(
        f"SELECT r.unit_id, {expr}, r.jenis_kelamin, count(*) FROM pegawai_ringkas r "
        f"WHERE {_aktif_clause()}{unit_sql} GROUP BY 1, 2, 3",
        unit_params,
    ):
        key = owner.get(unit) if unit is not None else None
        if key not in rows:
            rows[key] = RekapBaris(None, tr("Tanpa unit kerja"))
        if kat not in known:
            kat, extra = TIDAK_TERCATAT, True
        cell = (str(kat), str(jk))
        rows[key].jumlah[cell] = rows[key].jumlah.get(cell, 0) + int(n)
    if extra:
        kategori.append(Kategori(TIDAK_TERCATAT, tr("Tidak tercatat")))
    if dimensi == "pendidikan":  # too many levels for one page: keep those in use
        used = {k for b in rows.values() for (k, _) in b.jumlah}
        kategori = [k for k in kategori if k.kode in used]
    return Rekap(
        dimensi=dimensi,
        judul=tr(DIMENSI_REKAP[dimensi]),
        kategori=kategori,
        baris=list(rows.values()),
        pisah_jk=dimensi != "jenis_kelamin",
    )


# -- KP period ----------------------------------------------------------------------------------


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
    jenis_kp: str
    jabatan_nama: str | None
    unit_nama: str | None
    pendidikan_kode: str | None
    status: str  # STATUS_MEMENUHI, STATUS_VERIFIKASI or STATUS_BELUM
    keterangan: tuple[str, ...]

    @property
    def perlu_verifikasi(self) -> bool:
        return self.status == STATUS_VERIFIKASI


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
    periods in force (April and October until 2023; six a year from 2024)."""
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
        raise ValidationError(
            tr(
                "Bulan {bulan} bukan periode kenaikan pangkat pada tahun {tahun}. "
                "Periode yang berlaku: {daftar}.",
                bulan=month,
                tahun=year,
                daftar=", ".join(f"{year}-{m:02d}" for m in months),
            ),
            field="periode",
        )
    return when


def periode_kp_berikutnya(conn: sqlite3.Connection, on: date) -> date:
    """The first KP period date after ``on``."""
    for year in (on.year, on.year + 1):
        for month in bulan_periode_kp(conn, date(year, 1, 1)):
            when = date(year, month, 1)
            if when > on:
                return when
    raise ValidationError(tr("Tidak ada periode kenaikan pangkat berikutnya dalam referensi."))


_KP_SQL = """
WITH hd AS (
    SELECT h.pegawai_id, max(h.tmt_selesai IS NULL) AS terbuka, MAX(h.tmt_selesai) AS selesai
    FROM riwayat_hukdis h JOIN ref_hukuman_disiplin rh ON rh.kode = h.hukuman_kode
    WHERE h.deleted = 0 AND rh.menghambat_kp_kgb = 1 AND h.tmt_mulai <= :tgl
      AND (h.tmt_selesai IS NULL OR h.tmt_selesai >= :tgl)
    GROUP BY h.pegawai_id
)
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.golongan_urutan, r.tmt_golongan,
       r.jenis_jabatan_kode, r.jenjang_kode, r.jabatan_nama, r.unit_nama, r.pendidikan_kode,
       s1.predikat_kode, p1.urutan, s2.predikat_kode, p2.urutan, hd.pegawai_id IS NOT NULL
FROM pegawai_ringkas r
JOIN ref_golongan g ON g.kode = r.golongan_kode AND g.jenis_asn = 'PNS'
LEFT JOIN riwayat_skp s1 ON s1.pegawai_id = r.pegawai_id AND s1.tahun = :th1 AND s1.deleted = 0
LEFT JOIN ref_predikat p1 ON p1.kode = s1.predikat_kode
LEFT JOIN riwayat_skp s2 ON s2.pegawai_id = r.pegawai_id AND s2.tahun = :th2 AND s2.deleted = 0
LEFT JOIN ref_predikat p2 ON p2.kode = s2.predikat_kode
LEFT JOIN hd ON hd.pegawai_id = r.pegawai_id
WHERE {aktif} AND r.jenis_asn = 'PNS' AND r.status_kepegawaian = 'PNS'
  AND r.golongan_urutan < :gol_maks
  AND r.tmt_golongan <= CASE WHEN r.jenis_jabatan_kode = 'JF' THEN :batas_jf ELSE :batas END
  {unit}
ORDER BY r.golongan_urutan DESC, r.tmt_golongan, r.nama_urut, r.nip
"""

TAHUN_DALAM_PANGKAT = 4  # KP reguler, PP 99/2000 jo 12/2002 (asn-rules 5.2) [V]
TAHUN_DALAM_PANGKAT_JF = 2  # KP pilihan jabatan fungsional (asn-rules 5.3) [V/P]


@dataclass(frozen=True)
class NominatifKp:
    """The list of a KP period, and how many people were left out because the next rank is
    above the ceiling of their diploma or JF level (reference tables marked [?])."""

    periode: date
    baris: list[KpBaris]
    melebihi_batas: int


def nominatif_kp(
    conn: sqlite3.Connection,
    periode: date,
    *,
    unit_id: str | None = None,
    termasuk_melebihi_batas: bool = False,
) -> NominatifKp:
    """Nominative list for a KP period: active PNS who have at least 4 years in their pangkat
    on the period date (2 years in a jabatan fungsional), with what still has to be checked.

    Checked from the records: performance at least Baik in the last two years, a discipline
    penalty that blocks KP (ref_hukuman_disiplin.menghambat_kp_kgb), the new pangkat not above
    the direct superior's (outside jabatan fungsional), the ceiling for the
    diploma (ref_pendidikan.gol_maks_kode) or for the JF level, and the ujian dinas when the
    promotion crosses a golongan. What the records cannot show (angka kredit, ujian dinas) or
    what comes from uncertain reference rows is marked "Perlu diverifikasi".

    People whose next rank is above the ceiling of their diploma or JF level are left out
    (and counted) unless ``termasuk_melebihi_batas``; then they are listed and marked.
    """
    ref = Referensi.load(conn)
    pns = [(k, r) for k, r in ref.golongan.items() if r["jenis_asn"] == "PNS"]
    pns.sort(key=lambda kr: int(kr[1]["urutan"]))
    next_gol = {pns[i][0]: pns[i + 1][0] for i in range(len(pns) - 1)}
    gol_maks = int(pns[-1][1]["urutan"])
    predikat = ref.table("ref_predikat")
    baik = int(predikat["BAIK"]["urutan"]) if "BAIK" in predikat else 2
    unit_sql, unit_params = _unit_clause(conn, unit_id)
    params: dict[str, Any] = {
        "tgl": periode.isoformat(),
        "th1": periode.year - 1,
        "th2": periode.year - 2,
        "gol_maks": gol_maks,
        "batas": tambah_tahun(periode, -TAHUN_DALAM_PANGKAT).isoformat(),
        "batas_jf": tambah_tahun(periode, -TAHUN_DALAM_PANGKAT_JF).isoformat(),
    }
    unit_named = unit_sql
    for i, value in enumerate(unit_params):
        unit_named = unit_named.replace("?", f":u{i}", 1)
        params[f"u{i}"] = value
    sql = _KP_SQL.format(aktif=_aktif_clause(), unit=unit_named)
    # "Not higher than the pangkat of the direct superior" (asn-rules 5.2, 5.3; a JF may exceed
    # it): the superior is the holder of the nearest occupied position above, as for the SKP.
    from app.models.skp.core import Positions

    positions = Positions.load(conn)
    rank_of = {
        str(r[0]): (r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT pegawai_id, golongan_kode, golongan_urutan, nama_lengkap FROM pegawai_ringkas "
            "WHERE deleted = 0 AND jenis_asn = 'PNS'"
        )
    }
    result: list[KpBaris] = []
    left_out = 0
    for row in conn.execute(sql, params):
        melebihi = False
        gol, jenis_jab, jenjang = row[3], row[6], row[7]
        tmt = date.fromisoformat(row[5])
        tahun, bulan = d.masa_kerja(tmt, periode)
        baru = next_gol.get(gol)
        notes: list[str] = []
        belum = verif = False
        jf = jenis_jab == "JF"
        jenis_kp = tr("Pilihan (jabatan fungsional)") if jf else tr("Reguler")
        for th, kode, urutan in (
            (params["th1"], row[11], row[12]),
            (params["th2"], row[13], row[14]),
        ):
            if kode is None:
                notes.append(tr("SKP {tahun} belum tercatat", tahun=th))
                verif = True
            elif urutan is None or int(urutan) > baik:
                notes.append(
                    tr("Predikat SKP {tahun}: {p}", tahun=th, p=ref.label("ref_predikat", kode))
                )
                belum = True
        if row[15]:
            notes.append(tr("Sedang menjalani hukuman disiplin yang menunda KP"))
            belum = True
        if jf:
            notes.append(tr("Angka kredit belum diperiksa (perlu diverifikasi)"))
            verif = True
            jj = ref.jenjang.get(jenjang or "")
            maks = jj.get("gol_maks_kode") if jj else None
            if _di_atas(ref, baru, maks):
                notes.append(
                    tr(
                        "Melebihi rentang pangkat jenjang {j} ({g}) (perlu diverifikasi)",
                        j=ref.label("ref_jenjang_jabatan", jenjang),
                        g=maks,
                    )
                )
                verif = melebihi = True
        else:
            pend = ref.pendidikan.get(row[10] or "")
            maks = pend.get("gol_maks_kode") if pend else None
            if pend is None:
                notes.append(tr("Pendidikan belum tercatat"))
                verif = True
            elif _di_atas(ref, baru, maks):
                text = tr(
                    "Melebihi batas pangkat ijazah {p} ({g})",
                    p=ref.label("ref_pendidikan", row[10]),
                    g=maks,
                )
                melebihi = True
                if pend.get("status_fakta") == "?":
                    notes.append(text + " " + tr("(perlu diverifikasi)"))
                    verif = True
                else:
                    notes.append(text)
                    belum = True
        superior = None if jf else positions.superior(row[0])
        if baru and superior in rank_of:
            sup_gol, sup_urutan, sup_nama = rank_of[superior]
            baru_urutan = ref.golongan_urutan(baru)
            if sup_urutan is not None and baru_urutan is not None and baru_urutan > sup_urutan:
                notes.append(
                    tr(
                        "Pangkat baru {g} melebihi pangkat atasan langsung {nama} ({ga})",
                        g=baru,
                        nama=sup_nama,
                        ga=sup_gol,
                    )
                )
                belum = True
        if baru and gol.split("/")[0] != baru.split("/")[0]:
            ujian = tr("tingkat I") if baru.startswith("III/") else tr("tingkat II")
            notes.append(
                tr("Naik golongan: perlu lulus ujian dinas {u} atau UKPPI", u=ujian)
                + " "
                + tr("(perlu diverifikasi)")
            )
            verif = True
        if melebihi and not termasuk_melebihi_batas:
            left_out += 1
            continue
        status = STATUS_BELUM if belum else STATUS_VERIFIKASI if verif else STATUS_MEMENUHI
        result.append(
            KpBaris(
                nomor=len(result) + 1,
                pegawai_id=row[0],
                nip=row[1],
                nama_lengkap=row[2],
                golongan_kode=gol,
                pangkat=_pangkat(ref, gol),
                tmt_golongan=tmt,
                masa_tahun=tahun,
                masa_bulan=bulan,
                golongan_baru=baru,
                pangkat_baru=_pangkat(ref, baru),
                jenis_kp=jenis_kp,
                jabatan_nama=row[8],
                unit_nama=row[9],
                pendidikan_kode=row[10],
                status=status,
                keterangan=tuple(notes),
            )
        )
    return NominatifKp(periode, result, left_out)


# -- KGB ----------------------------------------------------------------------------------------

TAHUN_KGB = 2  # PP 7/1977 Ps. 11-13 (asn-rules 10.3) [P]: every 2 years


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


def kgb_berikutnya(dasar: date, mulai: date) -> tuple[date, int]:
    """The first KGB date on or after ``mulai`` in the 2-year steps from ``dasar`` (TMT of the
    last KGB or KP), and how many steps that is (more than 1: steps not on record)."""
    steps = 1
    due = tambah_tahun(dasar, TAHUN_KGB)
    while due < mulai:
        steps += 1
        due = tambah_tahun(dasar, TAHUN_KGB * steps)
    return due, steps


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
    unit_sql, unit_params = _unit_clause(conn, unit_id)
    params: dict[str, Any] = {"mulai": mulai.isoformat(), "sampai": sampai.isoformat()}
    for i, value in enumerate(unit_params):
        unit_sql = unit_sql.replace("?", f":u{i}", 1)
        params[f"u{i}"] = value
    found: list[tuple[date, str, KgbBaris]] = []
    for row in conn.execute(_KGB_SQL.format(aktif=_aktif_clause(), unit=unit_sql), params):
        kp_tmt = _date(row[4])
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
                    pangkat=_pangkat(ref, row[3]),
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


# -- retirements --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PensiunBaris:
    nomor: int
    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    pangkat: str | None
    jabatan_nama: str | None
    jenjang_kode: str | None
    unit_nama: str | None
    opd_nama: str | None
    tanggal_lahir: date
    bup: int
    tmt_pensiun: date
    keterangan: tuple[str, ...]


_PENSIUN_SQL = """
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.jabatan_nama, r.jenjang_kode,
       r.unit_nama, r.opd_nama, r.tanggal_lahir,
       (SELECT j.bup_tahun FROM riwayat_jabatan rj LEFT JOIN jabatan j ON j.id = rj.jabatan_id
        WHERE rj.pegawai_id = r.pegawai_id AND rj.deleted = 0 AND rj.tmt IS NOT NULL
        ORDER BY rj.tmt DESC, COALESCE(rj.tanggal_sk, '') DESC, rj.id DESC LIMIT 1)
FROM pegawai_ringkas r
WHERE {aktif} AND r.jenis_asn = 'PNS' AND r.tanggal_lahir > :lahir_min
  AND r.tanggal_lahir <= :lahir_maks {unit}
"""
# The BUP override is that of the current position: the same choice as
# derivations.current_jabatan (latest TMT, then the later SK date, then the id).


def pensiun(
    conn: sqlite3.Connection, mulai: date, *, tahun: int = 5, unit_id: str | None = None
) -> list[PensiunBaris]:
    """Active PNS whose TMT pensiun falls from ``mulai`` up to ``tahun`` years later
    (exclusive), in date order.

    BUP and the TMT come from :mod:`app.models.rules.derivations` (``bup_usia`` with the level's
    reference age or the position's own override, ``tanggal_pensiun``), as on the employee's
    record. The TMT rule (1st of the next month) is practice, asn-rules 10.1 [?].
    """
    ref = Referensi.load(conn)
    sampai = tambah_tahun(mulai, tahun)
    ages = [int(r["bup_tahun"]) for r in ref.jenjang.values() if r.get("bup_tahun")]
    ages += [
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT bup_tahun FROM jabatan WHERE bup_tahun IS NOT NULL AND deleted = 0"
        )
    ]
    ages.append(d.DEFAULT_BUP)
    unit_sql, unit_params = _unit_clause(conn, unit_id)
    params: dict[str, Any] = {
        # TMT pensiun is at most one month after the birthday at BUP: a month of margin.
        "lahir_min": (tambah_tahun(mulai, -max(ages)) - timedelta(days=62)).isoformat(),
        "lahir_maks": tambah_tahun(sampai, -min(ages)).isoformat(),
    }
    for i, value in enumerate(unit_params):
        unit_sql = unit_sql.replace("?", f":u{i}", 1)
        params[f"u{i}"] = value
    found: list[PensiunBaris] = []
    for row in conn.execute(_PENSIUN_SQL.format(aktif=_aktif_clause(), unit=unit_sql), params):
        lahir = date.fromisoformat(row[8])
        bup = d.bup_usia(row[5], ref.jenjang, row[9])
        tmt = d.tanggal_pensiun(lahir, bup)
        if not mulai <= tmt < sampai:
            continue
        notes: list[str] = []
        if row[9]:
            notes.append(tr("BUP {n} tahun menurut jabatan", n=row[9]))
        elif not row[5] or row[5] not in ref.jenjang:
            notes.append(
                tr("Jenjang jabatan belum tercatat: BUP {n} tahun (perlu diverifikasi)", n=bup)
            )
        found.append(
            PensiunBaris(
                nomor=0,
                pegawai_id=row[0],
                nip=row[1],
                nama_lengkap=row[2],
                golongan_kode=row[3],
                pangkat=_pangkat(ref, row[3]),
                jabatan_nama=row[4],
                jenjang_kode=row[5],
                unit_nama=row[6],
                opd_nama=row[7],
                tanggal_lahir=lahir,
                bup=bup,
                tmt_pensiun=tmt,
                keterangan=tuple(notes),
            )
        )
    found.sort(key=lambda b: (b.tmt_pensiun, b.nama_lengkap.casefold(), b.nip))
    return [replace(b, nomor=i) for i, b in enumerate(found, start=1)]


def catatan_pensiun() -> str:
    return tr(
        "TMT pensiun: tanggal 1 bulan berikutnya setelah mencapai BUP (praktik; perlu "
        "diverifikasi dengan peraturan)."
    )


# -- training hours -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DiklatBaris:
    nomor: int
    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    jabatan_nama: str | None
    unit_nama: str | None
    opd_nama: str | None
    kegiatan: int
    jp: int
    target: int

    @property
    def kekurangan(self) -> int:
        return max(self.target - self.jp, 0)

    @property
    def tercapai(self) -> bool:
        return self.jp >= self.target


_DIKLAT_SQL = """
WITH jp AS (
    SELECT pegawai_id, count(*) AS n, SUM(COALESCE(jam_pelajaran, 0)) AS jp
    FROM riwayat_diklat
    WHERE deleted = 0 AND COALESCE(tanggal_selesai, tanggal_mulai) BETWEEN :awal AND :akhir
    GROUP BY pegawai_id
)
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.jabatan_nama, r.unit_nama,
       r.opd_nama, COALESCE(jp.n, 0), COALESCE(jp.jp, 0)
FROM pegawai_ringkas r LEFT JOIN jp ON jp.pegawai_id = r.pegawai_id
WHERE {aktif} AND r.jenis_asn = 'PNS' {unit}
ORDER BY r.opd_nama IS NULL, r.opd_nama, r.unit_nama, r.nama_urut, r.nip
"""


def jam_pelajaran(
    conn: sqlite3.Connection, tahun: int, *, unit_id: str | None = None
) -> Iterator[DiklatBaris]:
    """Training hours (JP) of every active PNS and CPNS in a year, against the 20 JP target
    (PP 11/2017 Ps. 203(4)). A training counts in the year it ended (or began, when the end
    date is not on record). Every form counts, classical or not (asn-rules 8)."""
    unit_sql, unit_params = _unit_clause(conn, unit_id)
    params: dict[str, Any] = {"awal": f"{tahun:04d}-01-01", "akhir": f"{tahun:04d}-12-31"}
    for i, value in enumerate(unit_params):
        unit_sql = unit_sql.replace("?", f":u{i}", 1)
        params[f"u{i}"] = value
    sql = _DIKLAT_SQL.format(aktif=_aktif_clause(), unit=unit_sql)
    for nomor, row in enumerate(conn.execute(sql, params), start=1):
        yield DiklatBaris(
            nomor=nomor,
            pegawai_id=row[0],
            nip=row[1],
            nama_lengkap=row[2],
            golongan_kode=row[3],
            jabatan_nama=row[4],
            unit_nama=row[5],
            opd_nama=row[6],
            kegiatan=int(row[7]),
            jp=int(row[8]),
            target=TARGET_JP_PNS,
        )


def keterangan_tanggal(on: date) -> str:
    """ "Keadaan per 22 November 2026"."""
    return tr("Keadaan per {tanggal}", tanggal=tanggal(on))
