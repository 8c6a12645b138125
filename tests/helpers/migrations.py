"""Put a database back at an older schema version, for tests of one migration's upgrade.

Only for versions whose later migrations create tables (or add local meta rows) and change
nothing else: the tables a later migration created are found by building a database at the
older version and comparing, so a new migration needs no edit here.
"""

from __future__ import annotations

import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from unittest import mock

from app.models.storage import db as dbmod
from app.models.storage.migrations import steps


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


@cache
def tables_after(version: int) -> frozenset[str]:
    """The tables a database of today has that one at ``version`` has not."""
    with tempfile.TemporaryDirectory() as tmp:
        new = Path(tmp) / "baru.sqlite3"
        dbmod.Database(new).close()
        old = Path(tmp) / "lama.sqlite3"
        older = tuple(m for m in steps.MIGRATIONS if m.version <= version)
        with (
            mock.patch.object(dbmod, "MIGRATIONS", older),
            mock.patch.object(dbmod, "LATEST_VERSION", version),
        ):
            dbmod.Database(old).close()
        return frozenset(_tables(new) - _tables(old))


def rewind(conn: sqlite3.Connection, version: int) -> None:
    """Drop what the migrations after ``version`` created and forget they ran."""
    for name in sorted(tables_after(version)):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute("DELETE FROM lokal_migrasi WHERE versi > ?", (version,))
    conn.execute(f"PRAGMA user_version = {int(version)}")
