"""What every recap list shares: the title block of a sheet, the SQL restricting
``pegawai_ringkas`` (alias ``r``) to the active employees of a unit, and small converters."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tanggal, tr
from app.models.errors import NotFoundError
from app.models.reference.loader import Referensi
from app.models.storage.instansi import get_setting
from app.models.storage.ringkas import UnitTree


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


def aktif_clause(alias: str = "r") -> str:
    """SQL keeping the employees still in service (reference data: ``ref_kedudukan.aktif``)."""
    return (
        f"+{alias}.deleted = 0 AND {alias}.kedudukan IN "
        "(SELECT kode FROM ref_kedudukan WHERE aktif = 1 AND deleted = 0)"
    )


def unit_clause(conn: sqlite3.Connection, unit_id: str | None) -> tuple[str, list[Any]]:
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


def unit_clause_named(conn: sqlite3.Connection, unit_id: str | None) -> tuple[str, dict[str, Any]]:
    """:func:`unit_clause` with named parameters (``:u0``, ``:u1``...), for queries that name
    theirs."""
    unit_sql, unit_params = unit_clause(conn, unit_id)
    params: dict[str, Any] = {}
    for i, value in enumerate(unit_params):
        unit_sql = unit_sql.replace("?", f":u{i}", 1)
        params[f"u{i}"] = value
    return unit_sql, params


def parse_date(value: str | None) -> date | None:
    """An ISO date column (empty: None)."""
    return date.fromisoformat(value) if value else None


def pangkat_nama(ref: Referensi, kode: str | None) -> str | None:
    """The pangkat name of a golongan (None when unknown)."""
    row = ref.golongan.get(kode or "")
    return str(row["pangkat"]) if row and row.get("pangkat") else None


def keterangan_tanggal(on: date) -> str:
    """ "Keadaan per 22 November 2026"."""
    return tr("Keadaan per {tanggal}", tanggal=tanggal(on))
