"""Bezetting (asn-rules 13.2): per position, seats against the active employees whose current
position (the latest ``riwayat_jabatan`` by TMT,
:func:`app.models.rules.derivations.current_jabatan`) is that position; vacant and excess seats;
the holders with a flag when they lack the position's minimum golongan or education
(:func:`app.models.rules.formasi.kekurangan`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from app.i18n import tr
from app.models.errors import NotFoundError
from app.models.organisasi.jabatan import (
    JABATAN_COLUMNS,
    Jabatan,
    holders_by_jabatan,
    jabatan_from_row,
    jabatan_sort_key,
)
from app.models.organisasi.units import LiveUnits
from app.models.reference.loader import Referensi
from app.models.rules.formasi import kekurangan


class Pemangku(NamedTuple):
    """An active employee holding a position, with what they lack for it (if anything).

    A named tuple: a big perangkat daerah has tens of thousands of them."""

    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    pendidikan_kode: str | None
    jenis_asn: str
    kekurangan: tuple[str, ...] = ()

    @property
    def memenuhi(self) -> bool:
        """True when the holder meets the minimum golongan and education (as far as known)."""
        return not self.kekurangan


@dataclass(frozen=True)
class BezettingRow:
    """One position: seats, holders, vacant and excess seats."""

    jabatan_id: str
    nama: str
    unit_id: str
    unit_nama: str
    jenis_kode: str
    jenjang_kode: str
    jenjang_nama: str
    eselon_kode: str | None
    kelas_jabatan: int | None
    kebutuhan: int
    gol_min_kode: str | None
    pendidikan_min_kode: str | None
    pemangku: tuple[Pemangku, ...] = ()

    @property
    def terisi(self) -> int:
        return len(self.pemangku)

    @property
    def kosong(self) -> int:
        return max(self.kebutuhan - self.terisi, 0)

    @property
    def lebih(self) -> int:
        return max(self.terisi - self.kebutuhan, 0)

    @property
    def selisih(self) -> int:
        """Bezetting minus kebutuhan: + excess, − shortage (asn-rules 13.2)."""
        return self.terisi - self.kebutuhan

    @property
    def tidak_memenuhi(self) -> int:
        return sum(1 for p in self.pemangku if not p.memenuhi)

    def as_json(self) -> dict[str, Any]:
        return {
            "jabatan_id": self.jabatan_id,
            "jabatan": self.nama,
            "unit_id": self.unit_id,
            "unit": self.unit_nama,
            "jenis": self.jenis_kode,
            "jenjang": self.jenjang_kode,
            "eselon": self.eselon_kode,
            "kelas": self.kelas_jabatan,
            "kebutuhan": self.kebutuhan,
            "terisi": self.terisi,
            "kosong": self.kosong,
            "lebih": self.lebih,
            "gol_min": self.gol_min_kode,
            "pendidikan_min": self.pendidikan_min_kode,
            "pemangku": [
                {
                    "nip": p.nip,
                    "nama": p.nama_lengkap,
                    "golongan": p.golongan_kode,
                    "pendidikan": p.pendidikan_kode,
                    "memenuhi": p.memenuhi,
                    "kekurangan": list(p.kekurangan),
                }
                for p in self.pemangku
            ],
        }


@dataclass(frozen=True)
class BezettingTotal:
    """Sums over positions (of one unit, or of everything shown)."""

    unit_id: str | None
    unit_nama: str
    jabatan: int = 0
    kebutuhan: int = 0
    terisi: int = 0
    kosong: int = 0
    lebih: int = 0
    tidak_memenuhi: int = 0


@dataclass(frozen=True)
class BezettingReport:
    """What the bezetting screen shows: rows, totals per unit, the grand total, and the active
    employees of these units whose current position is none of these positions."""

    unit_id: str | None
    include_sub_units: bool
    rows: list[BezettingRow]
    per_unit: list[BezettingTotal]
    total: BezettingTotal
    tanpa_formasi: list[Pemangku] = field(default_factory=list)


def bezetting_report(
    conn: sqlite3.Connection, unit_id: str | None, *, include_sub_units: bool = True
) -> BezettingReport:
    """Bezetting of a unit (with its sub-units unless told otherwise), or of the whole
    organisation when ``unit_id`` is None. Two queries, whatever the size."""
    tree = LiveUnits(conn)
    if unit_id is not None and unit_id not in tree.rows:
        raise NotFoundError(tr("Unit organisasi dengan id {id} tidak ditemukan.", id=unit_id))
    ref = Referensi.load(conn)
    order = {u: i for i, (u, _) in enumerate(tree.order())}
    if unit_id is None:
        units: list[str] | None = None
        pos_sql = f"SELECT {JABATAN_COLUMNS} FROM jabatan WHERE deleted = 0"
        pos_params: list[Any] = []
    else:
        units = tree.descendants(unit_id) if include_sub_units else [unit_id]
        pos_sql = (
            f"SELECT {JABATAN_COLUMNS} FROM jabatan WHERE deleted = 0 "
            "AND unit_id IN (SELECT value FROM json_each(?))"
        )
        pos_params = [json.dumps(units)]
    positions = [
        j
        for j in (jabatan_from_row(r) for r in conn.execute(pos_sql, pos_params))
        if j.unit_id in tree.rows
    ]
    holders = holders_by_jabatan(conn, units)

    lacks: dict[tuple[Any, ...], tuple[str, ...]] = {}

    def pemangku(raw: tuple[Any, ...], j: Jabatan | None) -> Pemangku:
        if j is None:
            return Pemangku(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5])
        key = (j.gol_min_kode, j.pendidikan_min_kode, raw[3], raw[4])
        reasons = lacks.get(key)
        if reasons is None:
            reasons = lacks[key] = kekurangan(
                ref,
                gol_min_kode=j.gol_min_kode,
                pendidikan_min_kode=j.pendidikan_min_kode,
                golongan_kode=raw[3],
                pendidikan_kode=raw[4],
            )
        return Pemangku(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], reasons)

    rows = [
        BezettingRow(
            jabatan_id=j.id,
            nama=j.nama,
            unit_id=j.unit_id,
            unit_nama=str(tree.rows[j.unit_id][2]),
            jenis_kode=j.jenis_kode,
            jenjang_kode=j.jenjang_kode,
            jenjang_nama=ref.label("ref_jenjang_jabatan", j.jenjang_kode),
            eselon_kode=j.eselon_kode,
            kelas_jabatan=j.kelas_jabatan,
            kebutuhan=j.kebutuhan,
            gol_min_kode=j.gol_min_kode,
            pendidikan_min_kode=j.pendidikan_min_kode,
            pemangku=tuple(pemangku(raw, j) for raw in holders.get(j.id, ())),
        )
        for j in positions
    ]
    rows.sort(
        key=lambda r: (order.get(r.unit_id, len(order)), *jabatan_sort_key(ref, r, r.jabatan_id))
    )
    known = {j.id for j in positions}
    others = [
        pemangku(raw, None)
        for jabatan_id, group in holders.items()
        if jabatan_id not in known
        for raw in group
    ]
    per_unit = totals_per_unit(rows)
    label_all = tr("Seluruh organisasi") if unit_id is None else str(tree.rows[unit_id][2])
    return BezettingReport(
        unit_id=unit_id,
        include_sub_units=include_sub_units,
        rows=rows,
        per_unit=per_unit,
        total=_sum(rows, unit_id, label_all),
        tanpa_formasi=others,
    )


def bezetting(
    conn: sqlite3.Connection, unit_id: str, *, include_sub_units: bool = True
) -> list[BezettingRow]:
    """Bezetting per position of a unit (and its sub-units unless told otherwise)."""
    return bezetting_report(conn, unit_id, include_sub_units=include_sub_units).rows


def vacancies(conn: sqlite3.Connection, unit_id: str | None = None) -> list[BezettingRow]:
    """Positions with vacant seats, in a unit and its sub-units or in the whole organisation."""
    return [r for r in bezetting_report(conn, unit_id).rows if r.kosong > 0]


def _sum(rows: Iterable[BezettingRow], unit_id: str | None, nama: str) -> BezettingTotal:
    items = list(rows)
    return BezettingTotal(
        unit_id=unit_id,
        unit_nama=nama,
        jabatan=len(items),
        kebutuhan=sum(r.kebutuhan for r in items),
        terisi=sum(r.terisi for r in items),
        kosong=sum(r.kosong for r in items),
        lebih=sum(r.lebih for r in items),
        tidak_memenuhi=sum(r.tidak_memenuhi for r in items),
    )


def totals_per_unit(rows: Iterable[BezettingRow]) -> list[BezettingTotal]:
    """Sums per unit, in the order the units first appear in ``rows``."""
    groups: dict[str, list[BezettingRow]] = {}
    for r in rows:
        groups.setdefault(r.unit_id, []).append(r)
    return [_sum(items, unit, items[0].unit_nama) for unit, items in groups.items()]


def total(rows: Iterable[BezettingRow], nama: str = "") -> BezettingTotal:
    """Sums over the given rows (for a filtered view)."""
    return _sum(rows, None, nama)
