"""The units as pickers and filters list them (tree order, indented by depth).

Kept apart from :mod:`app.models.organisasi.units` (which re-exports them) so that a screen that
only lists units (the Pegawai page's filter, built on its first visit) does not import the write
path that module needs to change units (issue 20).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitOption:
    """A unit in a picker: its depth in the tree gives the indent."""

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
