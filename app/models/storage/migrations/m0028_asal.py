"""Migration 28, frozen: the creators of rows (``lokal_asal_baris``) in a compact form.

Before: ``(row_id TEXT, tabel TEXT, node, seq)``, some 67 bytes a row on the 100,000-employee
demo (one row per replicated record: 115 MiB). After: the row id of a canonical UUID as its 16
bytes, the table as the CRC-32 of its name (31 bits); the same rows, the same lookups
(``app/models/storage/replika.py`` encodes the same way). A table already in the new form (a
file set back to an older version and upgraded again) is left as it is. Never edit this module:
add a new migration.
"""

from __future__ import annotations

import re
import sqlite3
import zlib

from app.models.storage.migrations.steps import run_sql_file

_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_CHUNK = 50_000


def row_key(row_id: str) -> bytes | str:
    if len(row_id) == 36 and _UUID_TEXT.fullmatch(row_id):
        return bytes.fromhex(row_id.replace("-", ""))
    return row_id


def table_key(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF


def apply(conn: sqlite3.Connection) -> None:
    info = conn.execute("PRAGMA table_info(lokal_asal_baris)")
    types = {str(r[1]): str(r[2]).upper() for r in info}
    if types.get("tabel") != "TEXT":
        return  # already compact
    run_sql_file(conn, "0028_asal_ringkas.sql")
    keys: dict[str, int] = {}
    rows = conn.execute("SELECT row_id, tabel, node, seq FROM lokal_asal_baris ORDER BY tabel")
    while chunk := rows.fetchmany(_CHUNK):
        out = []
        for row_id, tabel, node, seq in chunk:
            if tabel not in keys:
                keys[tabel] = table_key(tabel)
            out.append((row_key(str(row_id)), keys[tabel], node, seq))
        conn.executemany(
            "INSERT INTO lokal_asal_baris_ringkas (row_id, tabel, node, seq) VALUES (?, ?, ?, ?)",
            out,
        )
    if len(set(keys.values())) != len(keys):
        raise RuntimeError("migration 28: two table names with the same CRC-32")
    conn.execute("DROP TABLE lokal_asal_baris")
    conn.execute("ALTER TABLE lokal_asal_baris_ringkas RENAME TO lokal_asal_baris")
