"""The agency's settings as read at start-up: one setting, whether the database is set up, the
installation's name.

Kept apart from :mod:`app.models.storage.instansi` (which re-exports them) so that the desktop
app's first window does not import the write path, audit and reference data that module needs
for set-up, statistics and the integrity check (about 30 ms of a cold start, issue 20).
"""

from __future__ import annotations

import sqlite3

from app.i18n import tr
from app.models.storage.db import Database


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute(
        "SELECT nilai FROM pengaturan WHERE kunci = ? AND deleted = 0", (key,)
    ).fetchone()
    return row[0] if row else None


def is_set_up(db: Database) -> bool:
    """Has this database been given an agency (by the first-run dialog, `init` or `demo`)?"""
    return get_setting(db.conn, "nama_instansi") is not None


def installation_name(db: Database) -> str:
    return (
        db.meta("nama_instalasi") or get_setting(db.conn, "nama_instansi") or tr("Instalasi baru")
    )
