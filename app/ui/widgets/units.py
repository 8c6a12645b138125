"""The unit chooser of a list or report: only the units the actor may read.

A reader whose right reaches the whole agency gets "all units" (None) and the perangkat
daerah with their first level; a reader limited to some units (an operator of one unit, an
appraiser) gets "all my units" (None: the domain limits the read to them, in SQL) and those
units with everything below them. The domain refuses any other unit anyway.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.i18n import tr
from app.models.access.akses import allowed, read_roots, units_under
from app.models.organisasi.units import unit_options
from app.models.storage.db import Database


def fill_units(
    combo: QComboBox, db: Database, actor: str, aksi: str, *, all_label: str | None = None
) -> None:
    """Fill ``combo`` (data: unit id, None for all) with the units ``actor`` may read for
    ``aksi``. An actor without the right gets only the "all" entry (its page is not shown)."""
    conn = db.conn
    roots = read_roots(db, actor, aksi) if allowed(actor, aksi) else frozenset()
    if roots is None:
        combo.addItem(all_label or tr("Semua unit"), None)
        for option in unit_options(conn, max_depth=1):
            combo.addItem(("    " * option.depth) + option.nama, option.id)
        return
    mine = set(units_under(conn, roots))
    combo.addItem(tr("Semua unit saya"), None)
    for option in unit_options(conn, max_depth=99):
        if option.id in mine:
            combo.addItem(("    " * option.depth) + option.nama, option.id)
