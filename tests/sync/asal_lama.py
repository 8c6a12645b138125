"""``lokal_asal_baris`` put back in its form before migration 28 (row ids and table names as
text), for tests that set a database back to an older schema version."""

from __future__ import annotations

import sqlite3
import uuid

from app.models.storage import replika

_OLD_TABLE = """
CREATE TABLE lokal_asal_baris (
    row_id TEXT NOT NULL,
    tabel TEXT NOT NULL,
    node INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (row_id, tabel)
) WITHOUT ROWID
"""


def as_before_migration_28(conn: sqlite3.Connection) -> int:
    """Rewrite the table in the old form; returns how many rows it holds."""
    names = {
        replika.table_key(str(r[0])): str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    rows = conn.execute("SELECT row_id, tabel, node, seq FROM lokal_asal_baris").fetchall()
    conn.execute("DROP TABLE lokal_asal_baris")
    conn.execute(_OLD_TABLE)
    conn.executemany(
        "INSERT INTO lokal_asal_baris (row_id, tabel, node, seq) VALUES (?, ?, ?, ?)",
        [
            (
                str(uuid.UUID(bytes=bytes(r[0]))) if isinstance(r[0], bytes) else r[0],
                names[r[1]],
                r[2],
                r[3],
            )
            for r in rows
        ],
    )
    return len(rows)
