"""Which tables replicate, and their columns, read from the database itself.

Every table and column name that reaches an SQL statement of the write path or of a sync import
is checked against this first.
"""

from __future__ import annotations

import sqlite3

from app.models.storage.db import Database

# Tables that never travel: local bookkeeping, the derived summary and its search index.
LOCAL_PREFIXES = ("lokal_", "pegawai_ringkas", "pegawai_fts", "sqlite_")

_CACHE: dict[tuple[str, int], dict[str, tuple[str, ...]]] = {}


def replicated_schema(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Replicated table name -> its columns (sqlite-utils reads them).

    A table is replicated when it has a text ``id`` primary key and a ``deleted`` flag and is
    not one of the local tables.
    """
    import sqlite_utils  # lazy: sqlite_utils costs a tenth of a second at start-up

    inspector = sqlite_utils.Database(conn, recursive_triggers=False)
    schema: dict[str, tuple[str, ...]] = {}
    for table in inspector.tables:
        if table.name.startswith(LOCAL_PREFIXES):
            continue
        columns = tuple(column.name for column in table.columns)
        if "id" in columns and "deleted" in columns and table.pks == ["id"]:
            schema[table.name] = columns
    return dict(sorted(schema.items()))


def schema_of(db: Database) -> dict[str, tuple[str, ...]]:
    """The replicated schema, cached per database file and schema version."""
    key = (str(db.path), db.schema_version)
    if key not in _CACHE:
        _CACHE[key] = replicated_schema(db.conn)
    return _CACHE[key]


def column_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column name -> declared type of a table that was checked against the replicated schema
    (PRAGMA takes no parameters, so the name must be known before it gets here)."""
    return {str(r[1]): str(r[2]) for r in conn.execute(f"PRAGMA table_info({table})")}
