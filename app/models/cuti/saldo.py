"""Leave rules read from ``ref_aturan_cuti`` and the balances computed from the records.

A balance is never typed: it is the entitlement of each year (``ref_aturan_cuti``, the TMT of
the person, a cuti besar in the year, cuti bersama when the agency counts it), the carried-over
days (:func:`app.models.rules.cuti.hitung_saldo`), the approved and postponed requests of the
``cuti`` table and the dated corrections of ``cuti_penyesuaian``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from app.i18n import tr
from app.models.cuti.kalender import get_setelan, read_kalender
from app.models.errors import NotFoundError
from app.models.rekap.common import unit_clause
from app.models.rules.cuti import (
    BatasBawaan,
    Kalender,
    SaldoTahun,
    TahunCuti,
    hitung_saldo,
    tambah_bulan,
)


@dataclass(frozen=True)
class Aturan:
    """One row of ``ref_aturan_cuti``."""

    jenis: str
    jenis_asn: str
    satuan: str
    masa_kerja_min_tahun: int
    hak_hari: int | None
    lama_min: int | None
    lama_maks: int | None
    bawaan_maks: int | None
    bawaan_maks_dua_tahun: int | None
    anak_maks: int | None
    lampiran_lebih_dari: int | None
    kurangi_hak_tahunan: int | None
    masa_kerja_dihitung: int
    berlaku_mulai: str
    berlaku_sampai: str | None


def read_aturan(conn: sqlite3.Connection, jenis: str, jenis_asn: str, pada: date) -> Aturan | None:
    """The rule of a kind for PNS or PPPK in force on ``pada`` (None: the kind does not apply)."""
    row = conn.execute(
        "SELECT jenis_cuti_kode, jenis_asn, satuan, coalesce(masa_kerja_min_tahun, 0), hak_hari, "
        "lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, "
        "lampiran_lebih_dari, kurangi_hak_tahunan, coalesce(masa_kerja_dihitung, 1), "
        "berlaku_mulai, berlaku_sampai "
        "FROM ref_aturan_cuti WHERE deleted = 0 AND jenis_cuti_kode = ? AND jenis_asn = ? "
        "AND berlaku_mulai <= ? AND (berlaku_sampai IS NULL OR berlaku_sampai >= ?) "
        "ORDER BY berlaku_mulai DESC LIMIT 1",
        (jenis, jenis_asn, pada.isoformat(), pada.isoformat()),
    ).fetchone()
    return Aturan(*row) if row else None


def jenis_list(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kode, nama) of the leave kinds, in order."""
    return [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT kode, nama FROM ref_jenis_cuti WHERE deleted = 0 ORDER BY urutan, kode"
        )
    ]


def jenis_nama(conn: sqlite3.Connection, kode: str) -> str:
    row = conn.execute("SELECT nama FROM ref_jenis_cuti WHERE kode = ?", (kode,)).fetchone()
    return str(row[0]) if row else kode


@dataclass(frozen=True)
class Orang:
    """What the leave rules need of an employee."""

    id: str
    nip: str
    nama: str
    jenis_asn: str
    jenis_kelamin: str
    tmt: date | None  # TMT CPNS (PNS) or the start of the contract (PPPK)
    unit_id: str | None
    unit_nama: str
    jabatan: str


def read_orang(conn: sqlite3.Connection, pegawai_id: str) -> Orang:
    row = conn.execute(
        "SELECT p.id, p.nip, coalesce(r.nama_lengkap, p.nama), p.jenis_asn, p.jenis_kelamin, "
        "p.tmt_cpns, r.unit_id, coalesce(r.unit_nama, ''), coalesce(r.jabatan_nama, '') "
        "FROM pegawai p LEFT JOIN pegawai_ringkas r ON r.pegawai_id = p.id "
        "WHERE p.id = ? AND p.deleted = 0",
        (pegawai_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pegawai dengan id {id} tidak ditemukan.", id=pegawai_id))
    tmt = date.fromisoformat(row[5]) if row[5] else None
    return Orang(row[0], row[1], row[2], row[3], row[4], tmt, row[6], row[7], row[8])


def berhak_sejak(orang: Orang, aturan: Aturan) -> date | None:
    """The first day the service length of ``aturan`` is met (None: TMT unknown)."""
    if orang.tmt is None:
        return None
    return tambah_bulan(orang.tmt, 12 * aturan.masa_kerja_min_tahun)


@dataclass(frozen=True)
class Catatan:
    """One leave record as the balance sees it."""

    id: str
    jenis: str
    mulai: date
    selesai: date
    lama: int
    tahun: int
    status: str


def read_catatan(conn: sqlite3.Connection, pegawai_id: str) -> list[Catatan]:
    return [
        Catatan(r[0], r[1], date.fromisoformat(r[2]), date.fromisoformat(r[3]), r[4], r[5], r[6])
        for r in conn.execute(
            "SELECT id, jenis_kode, tanggal_mulai, tanggal_selesai, lama, tahun, status "
            "FROM cuti WHERE pegawai_id = ? AND deleted = 0 ORDER BY tanggal_mulai",
            (pegawai_id,),
        )
    ]


def read_penyesuaian(conn: sqlite3.Connection, pegawai_id: str) -> dict[int, int]:
    return {
        int(r[0]): int(r[1])
        for r in conn.execute(
            "SELECT tahun, sum(hari) FROM cuti_penyesuaian WHERE pegawai_id = ? AND deleted = 0 "
            "AND jenis_kode = 'TAHUNAN' GROUP BY tahun",
            (pegawai_id,),
        )
    }


def bersama_mengurangi(conn: sqlite3.Connection, aturan_bersama: Aturan | None) -> bool:
    """Whether cuti bersama reduces the cuti tahunan entitlement: the agency setting, else the
    reference row (both [?])."""
    setting = get_setelan(conn, "cuti_bersama_kurangi_tahunan")
    if setting in ("0", "1"):
        return setting == "1"
    return bool(aturan_bersama and aturan_bersama.kurangi_hak_tahunan)


def saldo_tahunan(
    conn: sqlite3.Connection,
    orang: Orang,
    sampai: int,
    *,
    catatan: Iterable[Catatan] | None = None,
    penyesuaian: dict[int, int] | None = None,
    kalender: Kalender | None = None,
) -> dict[int, SaldoTahun]:
    """The cuti tahunan balance of every year from the first year of entitlement to ``sampai``
    (or the last year with a record). ``catatan``/``penyesuaian`` replace the stored records
    (to see the effect of a decision before it is written)."""
    records = list(catatan) if catatan is not None else read_catatan(conn, orang.id)
    koreksi = penyesuaian if penyesuaian is not None else read_penyesuaian(conn, orang.id)
    last = max([sampai, *(c.tahun for c in records), *koreksi])
    aturan = read_aturan(conn, "TAHUNAN", orang.jenis_asn, date(sampai, 12, 31))
    sejak = berhak_sejak(orang, aturan) if aturan else None
    if aturan is None or sejak is None or not aturan.hak_hari:
        mulai = min([sampai, *koreksi]) if koreksi else sampai
        return hitung_saldo(
            {t: TahunCuti(penyesuaian=h) for t, h in koreksi.items()},
            mulai,
            last,
            BatasBawaan(0, 0),
        )
    kal = kalender
    bersama = read_aturan(conn, "BERSAMA", orang.jenis_asn, date(sampai, 12, 31))
    kurangi = bersama_mengurangi(conn, bersama)
    if kurangi and kal is None:
        kal = read_kalender(conn)
    besar_years = {c.tahun for c in records if c.jenis == "BESAR" and c.status == "DISETUJUI"}
    per_tahun: dict[int, TahunCuti] = {}
    first = min([sejak.year, *koreksi])
    for tahun in range(first, last + 1):
        hak = aturan.hak_hari if tahun >= sejak.year and tahun not in besar_years else 0
        if hak and kurangi and kal is not None:
            hak = max(0, hak - kal.cuti_bersama_kerja(tahun))
        per_tahun[tahun] = TahunCuti(hak=hak, penyesuaian=koreksi.get(tahun, 0))
    for c in records:
        if c.jenis != "TAHUNAN" or c.tahun not in per_tahun:
            continue
        if c.status == "DISETUJUI":
            per_tahun[c.tahun] = replace(
                per_tahun[c.tahun], dipakai=per_tahun[c.tahun].dipakai + c.lama
            )
        elif c.status == "DITANGGUHKAN":
            t = per_tahun[c.tahun]
            per_tahun[c.tahun] = replace(t, ditangguhkan=t.ditangguhkan + c.lama)
    batas = BatasBawaan(aturan.bawaan_maks or 0, aturan.bawaan_maks_dua_tahun or 0)
    return hitung_saldo(per_tahun, first, last, batas)


@dataclass(frozen=True)
class Saldo:
    """The leave position of one employee in one year (``merit cuti saldo``)."""

    orang: Orang
    tahun: int
    tahunan: SaldoTahun
    besar_tersedia: bool
    besar_sejak: date | None
    cltn_sejak: date | None
    sakit_hari: int  # calendar days of approved cuti sakit starting in the year
    melahirkan_dipakai: int  # approved cuti melahirkan, ever
    riwayat: tuple[Catatan, ...]


def read_saldo(conn: sqlite3.Connection, pegawai_id: str, tahun: int) -> Saldo:
    orang = read_orang(conn, pegawai_id)
    records = read_catatan(conn, pegawai_id)
    per_tahun = saldo_tahunan(conn, orang, tahun, catatan=records)
    tahunan = per_tahun.get(tahun) or SaldoTahun(tahun, 0, 0, 0, 0, 0, 0)
    akhir = date(tahun, 12, 31)
    besar = read_aturan(conn, "BESAR", orang.jenis_asn, akhir)
    besar_sejak = berhak_sejak(orang, besar) if besar else None
    cltn = read_aturan(conn, "CLTN", orang.jenis_asn, akhir)
    disetujui = [c for c in records if c.status == "DISETUJUI"]
    besar_tahun_ini = any(c.jenis == "BESAR" and c.tahun == tahun for c in disetujui)
    return Saldo(
        orang=orang,
        tahun=tahun,
        tahunan=tahunan,
        besar_tersedia=bool(besar_sejak and besar_sejak <= akhir and not besar_tahun_ini),
        besar_sejak=besar_sejak,
        cltn_sejak=berhak_sejak(orang, cltn) if cltn else None,
        sakit_hari=sum(c.lama for c in disetujui if c.jenis == "SAKIT" and c.tahun == tahun),
        melahirkan_dipakai=sum(1 for c in disetujui if c.jenis == "MELAHIRKAN"),
        riwayat=tuple(records),
    )


@dataclass(frozen=True)
class BarisSaldo:
    """One row of the balances sheet."""

    unit: str
    nip: str
    nama: str
    jenis_asn: str
    saldo: SaldoTahun


def list_saldo(
    conn: sqlite3.Connection, tahun: int, *, unit_id: str | None = None
) -> Iterator[BarisSaldo]:
    """The cuti tahunan balance of every active employee (of a unit), by unit and name."""
    clause, params = unit_clause(conn, unit_id)
    rows = conn.execute(
        "SELECT r.pegawai_id FROM pegawai_ringkas r WHERE r.deleted = 0 AND "
        f"r.kedudukan = 'AKTIF'{clause} ORDER BY r.unit_nama, r.nama_urut",
        params,
    ).fetchall()
    kal = read_kalender(conn)
    for (pid,) in rows:
        orang = read_orang(conn, pid)
        s = saldo_tahunan(conn, orang, tahun, kalender=kal).get(tahun) or SaldoTahun(
            tahun, 0, 0, 0, 0, 0, 0
        )
        yield BarisSaldo(orang.unit_nama, orang.nip, orang.nama, orang.jenis_asn, s)


def list_pegawai_aktif(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(pegawai_id, jenis_kelamin) of the active employees with a TMT, by id."""
    return [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT r.pegawai_id, r.jenis_kelamin FROM pegawai_ringkas r JOIN pegawai p "
            "ON p.id = r.pegawai_id WHERE r.deleted = 0 AND r.kedudukan = 'AKTIF' "
            "AND p.tmt_cpns IS NOT NULL ORDER BY r.pegawai_id"
        )
    ]


def hari_tidak_dihitung(conn: sqlite3.Connection, pegawai_id: str, sampai: date) -> int:
    """Calendar days of approved leave up to ``sampai`` whose kind is not counted as service
    (``ref_aturan_cuti.masa_kerja_dihitung = 0``: CLTN [?]). The computations use the
    periods themselves (:func:`app.models.cuti.berjalan.periode_tidak_dihitung`)."""
    orang = read_orang(conn, pegawai_id)
    total = 0
    for c in read_catatan(conn, pegawai_id):
        if c.status != "DISETUJUI" or c.mulai > sampai:
            continue
        aturan = read_aturan(conn, c.jenis, orang.jenis_asn, c.mulai)
        if aturan is None or aturan.masa_kerja_dihitung:
            continue
        total += (min(c.selesai, sampai) - c.mulai).days + 1
    return total
