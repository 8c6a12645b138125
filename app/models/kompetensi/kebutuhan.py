"""Competency gaps per person, unit and agency, and the training needs list (analisis
kebutuhan pelatihan; issue 15 item 3; PP 11/2017 Ps. 203, 206).

A person's required levels are the standard of the position they hold now (the latest
``riwayat_jabatan`` with a ``jabatan_id``, ordered as the lists order it); the held level is
the latest assessment of that competency. A competency never assessed has no gap yet: it is
listed as ``belum dinilai`` and stays out of the needs list. The JP each still needs this year
comes from the existing recap (:func:`app.models.rekap.diklat.jam_pelajaran`), which counts
the riwayat diklat rows, those written by completed training events included.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.models.kompetensi.kamus import kompetensi_by_kode
from app.models.kompetensi.nilai import held_levels
from app.models.rekap.common import aktif_clause, unit_clause_named
from app.models.rekap.diklat import jam_pelajaran
from app.models.rules.kompetensi import gap, jpm, kekurangan


@dataclass(frozen=True)
class Pemangku:
    """An active employee and the position they hold now."""

    pegawai_id: str
    nip: str
    nama: str
    jenis_asn: str
    unit_id: str | None
    unit_nama: str | None
    opd_nama: str | None
    jabatan_id: str | None
    jabatan_nama: str | None


@dataclass(frozen=True)
class GapBaris:
    pegawai_id: str
    nip: str
    nama: str
    unit_nama: str | None
    jabatan_nama: str | None
    kompetensi_kode: str
    kompetensi_nama: str
    jenis: str
    standar: int
    dimiliki: int | None  # None: not assessed yet

    @property
    def gap(self) -> int | None:
        return None if self.dimiliki is None else gap(self.standar, self.dimiliki)

    @property
    def kekurangan(self) -> int | None:
        return None if self.dimiliki is None else kekurangan(self.standar, self.dimiliki)


_PEMANGKU_SQL = """
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.jenis_asn, r.unit_id, r.unit_nama, r.opd_nama,
       j.jabatan_id, COALESCE(jb.nama, r.jabatan_nama)
FROM pegawai_ringkas r
LEFT JOIN (
    SELECT pegawai_id, jabatan_id, ROW_NUMBER() OVER (
        PARTITION BY pegawai_id ORDER BY tmt IS NULL DESC, tmt DESC, tanggal_sk DESC, id DESC
    ) AS n
    FROM riwayat_jabatan WHERE deleted = 0
) j ON j.pegawai_id = r.pegawai_id AND j.n = 1
LEFT JOIN jabatan jb ON jb.id = j.jabatan_id
WHERE {aktif} {unit} {pegawai}
ORDER BY r.opd_nama IS NULL, r.opd_nama, r.unit_nama, r.nama_urut, r.nip
"""


def list_pemangku(
    conn: sqlite3.Connection, *, unit_id: str | None = None, pegawai_id: str | None = None
) -> list[Pemangku]:
    """Active employees (of a unit and everything under it) with their current position."""
    unit_sql, params = unit_clause_named(conn, unit_id)
    pegawai_sql = ""
    if pegawai_id is not None:
        pegawai_sql = " AND r.pegawai_id = :pegawai"
        params["pegawai"] = pegawai_id
    sql = _PEMANGKU_SQL.format(aktif=aktif_clause(), unit=unit_sql, pegawai=pegawai_sql)
    return [Pemangku(*row) for row in conn.execute(sql, params)]


def current_jabatan(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(pegawai_id, jabatan_id) of the position each employee holds now, by pegawai_id."""
    rows = conn.execute(
        "SELECT pegawai_id, jabatan_id FROM (SELECT pegawai_id, jabatan_id, ROW_NUMBER() OVER ("
        " PARTITION BY pegawai_id ORDER BY tmt IS NULL DESC, tmt DESC, tanggal_sk DESC, id DESC)"
        " AS n FROM riwayat_jabatan WHERE deleted = 0) WHERE n = 1 AND jabatan_id IS NOT NULL "
        "ORDER BY pegawai_id"
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def standar_semua(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """jabatan_id -> kode -> required level, for every position with a standard."""
    result: dict[str, dict[str, int]] = defaultdict(dict)
    for jabatan_id, kode, level in conn.execute(
        "SELECT jabatan_id, kompetensi_kode, level FROM kompetensi_standar WHERE deleted = 0"
    ):
        result[jabatan_id][kode] = int(level)
    return dict(result)


def list_gap(
    conn: sqlite3.Connection,
    *,
    unit_id: str | None = None,
    pegawai_id: str | None = None,
    kompetensi: str | None = None,
) -> list[GapBaris]:
    """Every (person, required competency) of the people in scope, in the library's order."""
    people = list_pemangku(conn, unit_id=unit_id, pegawai_id=pegawai_id)
    standards = standar_semua(conn)
    held = held_levels(conn, [p.pegawai_id for p in people])
    kamus = kompetensi_by_kode(conn)
    order = {k: i for i, k in enumerate(kamus)}
    rows: list[GapBaris] = []
    for p in people:
        required = standards.get(p.jabatan_id or "", {})
        mine = held.get(p.pegawai_id, {})
        for kode in sorted(required, key=lambda k: (order.get(k, 10**6), k)):
            if kompetensi is not None and kode != kompetensi:
                continue
            k = kamus.get(kode)
            rows.append(
                GapBaris(
                    pegawai_id=p.pegawai_id,
                    nip=p.nip,
                    nama=p.nama,
                    unit_nama=p.unit_nama,
                    jabatan_nama=p.jabatan_nama,
                    kompetensi_kode=kode,
                    kompetensi_nama=k.nama if k else kode,
                    jenis=k.jenis if k else "",
                    standar=required[kode],
                    dimiliki=mine.get(kode),
                )
            )
    return rows


@dataclass(frozen=True)
class RekapGap:
    """Gaps of a group (a unit, an OPD or the agency)."""

    nama: str
    pegawai: int  # people whose position has a standard
    dinilai: int  # of them, assessed on at least one required competency
    kompetensi_kurang: int  # (person, competency) pairs below standard
    total_kekurangan: int  # levels lacking, summed
    pegawai_kurang: int  # people with at least one gap
    jpm_rata: float | None  # mean JPM of the people assessed


def _rekap(nama: str, rows: Iterable[GapBaris]) -> RekapGap:
    by_person: dict[str, list[GapBaris]] = defaultdict(list)
    for r in rows:
        by_person[r.pegawai_id].append(r)
    dinilai = 0
    kurang_pairs = 0
    total = 0
    kurang_people = 0
    jpms: list[float] = []
    for items in by_person.values():
        assessed = [r for r in items if r.dimiliki is not None]
        if not assessed:
            continue
        dinilai += 1
        lacking = [r for r in assessed if (r.kekurangan or 0) > 0]
        kurang_pairs += len(lacking)
        total += sum(r.kekurangan or 0 for r in lacking)
        kurang_people += bool(lacking)
        value = jpm((r.standar, r.dimiliki or 0) for r in assessed)
        if value is not None:
            jpms.append(value)
    return RekapGap(
        nama=nama,
        pegawai=len(by_person),
        dinilai=dinilai,
        kompetensi_kurang=kurang_pairs,
        total_kekurangan=total,
        pegawai_kurang=kurang_people,
        jpm_rata=round(sum(jpms) / len(jpms), 1) if jpms else None,
    )


def rekap_gap(conn: sqlite3.Connection, *, unit_id: str | None = None) -> list[RekapGap]:
    """Gaps per unit (by name, units with a standard only), then the total of the scope as
    the last row (the agency when ``unit_id`` is None)."""
    rows = list_gap(conn, unit_id=unit_id)
    by_unit: dict[str, list[GapBaris]] = defaultdict(list)
    for r in rows:
        by_unit[r.unit_nama or "-"].append(r)
    result = [_rekap(nama, items) for nama, items in sorted(by_unit.items())]
    result.append(_rekap("Jumlah", rows))
    return result


@dataclass(frozen=True)
class Kebutuhan:
    """One line of the training needs list: a person lacking a competency."""

    peringkat: int
    pegawai_id: str
    nip: str
    nama: str
    unit_nama: str | None
    jabatan_nama: str | None
    kompetensi_kode: str
    kompetensi_nama: str
    standar: int
    dimiliki: int
    kekurangan: int
    jumlah_sama: int  # how many people in scope lack the same competency
    jp_tahun_ini: int | None  # JP this year (PNS only: the 20 JP target)
    jp_kurang: int | None  # JP still needed to reach 20 this year


def kebutuhan_pelatihan(
    conn: sqlite3.Connection,
    tahun: int,
    *,
    unit_id: str | None = None,
    kompetensi: str | None = None,
) -> list[Kebutuhan]:
    """The training needs list: every (person, competency) below standard, ranked by the
    size of the gap, then by how many people share the need, then by competency and name."""
    lacking = [
        r for r in list_gap(conn, unit_id=unit_id, kompetensi=kompetensi) if (r.kekurangan or 0) > 0
    ]
    shared = Counter(r.kompetensi_kode for r in lacking)
    jp = {b.pegawai_id: b for b in jam_pelajaran(conn, tahun, unit_id=unit_id)}
    ordered = sorted(
        lacking,
        key=lambda r: (-(r.kekurangan or 0), -shared[r.kompetensi_kode], r.kompetensi_kode, r.nama),
    )
    result: list[Kebutuhan] = []
    for i, r in enumerate(ordered, start=1):
        b = jp.get(r.pegawai_id)
        result.append(
            Kebutuhan(
                peringkat=i,
                pegawai_id=r.pegawai_id,
                nip=r.nip,
                nama=r.nama,
                unit_nama=r.unit_nama,
                jabatan_nama=r.jabatan_nama,
                kompetensi_kode=r.kompetensi_kode,
                kompetensi_nama=r.kompetensi_nama,
                standar=r.standar,
                dimiliki=r.dimiliki or 0,
                kekurangan=r.kekurangan or 0,
                jumlah_sama=shared[r.kompetensi_kode],
                jp_tahun_ini=b.jp if b else None,
                jp_kurang=b.kekurangan if b else None,
            )
        )
    return result
