"""Organisation units (a tree) and positions (jabatan) with their formation."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError


@dataclass(frozen=True)
class UnitOption:
    id: str
    nama: str
    depth: int


def unit_options(conn: sqlite3.Connection, *, max_depth: int = 1) -> list[UnitOption]:
    """Units in tree order (depth-first, by ``urutan`` then name), down to ``max_depth``
    (0 = perangkat daerah only), for filters and pickers."""
    children: dict[str | None, list[tuple[str, str]]] = {}
    for row in conn.execute(
        "SELECT id, induk_id, nama FROM unit_organisasi WHERE deleted = 0 ORDER BY urutan, nama"
    ):
        children.setdefault(row[1], []).append((row[0], row[2]))
    result: list[UnitOption] = []

    def walk(parent: str | None, depth: int) -> None:
        for unit_id, nama in children.get(parent, []):
            result.append(UnitOption(unit_id, nama, depth))
            if depth < max_depth:
                walk(unit_id, depth + 1)

    walk(None, 0)
    return result


def find_unit(conn: sqlite3.Connection, text: str) -> str:
    """Find a unit by id, kode, singkatan or name (exact, then a unique partial match)."""
    key = text.strip()
    if not key:
        raise ValidationError(tr("Nama unit kosong."), field="unit")
    row = conn.execute(
        "SELECT id FROM unit_organisasi WHERE deleted = 0 AND (id = ? OR kode = ? "
        "OR lower(singkatan) = lower(?) OR lower(nama) = lower(?)) "
        "ORDER BY induk_id IS NOT NULL, nama LIMIT 1",
        (key, key, key, key),
    ).fetchone()
    if row:
        return str(row[0])
    like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT id, nama FROM unit_organisasi WHERE deleted = 0 AND nama LIKE ? ESCAPE '\\' "
        "ORDER BY nama LIMIT 6",
        (like,),
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise NotFoundError(tr("Unit '{unit}' tidak ditemukan.", unit=text))
    names = "; ".join(r[1] for r in rows[:5])
    raise ValidationError(
        tr(
            "Unit '{unit}' cocok dengan beberapa unit: {names}. Tulis lebih lengkap.",
            unit=text,
            names=names,
        ),
        field="unit",
    )
