"""The database: open or create, pragmas, migrations, one connection per thread.

SQLite through the standard ``sqlite3`` module. Connections are in autocommit mode
(``isolation_level=None``); transactions are explicit (``BEGIN IMMEDIATE`` in the write path,
``BEGIN`` for migrations), so that what is committed is never left to a library's guess.

SQLite's environment errors (locked, read-only, full, I/O, corrupt, not a database) become
:class:`StorageError` with an Indonesian message; anything else is a bug.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from app.i18n import tr
from app.models.errors import SchemaTooNewError, StorageError
from app.models.storage.cadangan_berkas import Identity, remember_identity
from app.models.storage.faults import translated_errors
from app.models.storage.migrations.steps import LATEST_VERSION, MIGRATIONS
from app.models.storage.sementara import clean_leftovers

APPLICATION_ID = 0x4D455249  # "MERI": marks a file as a Merit database


def utc_now() -> str:
    """The current instant as UTC ISO text (second precision)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` on this thread's connection, rolled back when the block
    raises (the error goes on). Environment errors at BEGIN and COMMIT become StorageError."""
    conn = db.conn
    with translated_errors(db.path):
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        with translated_errors(db.path):
            conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class Database:
    """One Merit database file. Hands each thread its own connection.

    ``Database(path)`` opens (creating if needed) and brings the schema up to date; a file written
    by a newer Merit is refused with :class:`SchemaTooNewError`.
    """

    def __init__(self, path: Path | str, *, create: bool = True, migrate: bool = True) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if not create and not self.path.exists():
            raise StorageError(tr("Basis data {path} tidak ada.", path=self.path))
        if create:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    tr(
                        "Folder {path} tidak dapat dibuat: {detail}",
                        path=self.path.parent,
                        detail=exc.strerror or exc,
                    )
                ) from exc
        if str(self.path) != ":memory:":
            # What killed backups and restores left behind (never a file still being written).
            clean_leftovers(self.path)
        with translated_errors(self.path):
            conn = self.conn
            self._check_file(conn)
            if migrate:
                migrate_database(conn, self.path)
        if str(self.path) != ":memory:":
            self.remember_identity()

    # -- connections ---------------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        with translated_errors(self.path):
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=True, timeout=10.0
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and str(self.path) != ":memory:":
                raise StorageError(
                    tr("Basis data {path} tidak dapat memakai mode WAL.", path=self.path)
                )
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB
        return conn

    def close(self) -> None:
        """Close every connection this object opened (call from the owning thread at exit)."""
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()

    def _check_file(self, conn: sqlite3.Connection) -> None:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and version == 0):
            raise StorageError(tr("Berkas {path} bukan basis data Merit.", path=self.path))

    def remember_identity(self) -> None:
        """Keep this database's identity beside it, so that a message about a damaged file
        names only backups of this database (cadangan_berkas.latest_backup_of)."""
        try:
            node = self.meta("node_id")
            row = self.conn.execute(
                "SELECT nilai FROM pengaturan WHERE kunci = 'nama_instansi' AND deleted = 0"
            ).fetchone()
        except sqlite3.Error:
            return
        if node:
            remember_identity(self.path, Identity(node, str(row[0]) if row and row[0] else None))

    # -- facts ---------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT nilai FROM lokal_meta WHERE kunci = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Write a local (never replicated) fact about this installation."""
        with translated_errors(self.path):
            self.conn.execute(
                "INSERT INTO lokal_meta (kunci, nilai) VALUES (?, ?) "
                "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
                (key, value),
            )

    @property
    def node_id(self) -> str:
        node = self.meta("node_id")
        assert node is not None, "migration 1 creates the node id"
        return node

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def migrate_database(conn: sqlite3.Connection, path: Path | str) -> int:
    """Apply the missing numbered migrations, each in one transaction. Returns the new version."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > LATEST_VERSION:
        raise SchemaTooNewError(
            tr(
                "Basis data {path} dibuat oleh Merit versi yang lebih baru (skema {found}); "
                "aplikasi ini hanya mengenal sampai skema {known}. Perbarui Merit sebelum "
                "membuka berkas ini.",
                path=path,
                found=version,
                known=LATEST_VERSION,
            )
        )
    if 1 <= version < LATEST_VERSION:
        # A database that holds data is copied before it is upgraded (issue 6: backups).
        from app.models.storage.salinan import backup_before_migration  # lazy: upgrades only

        backup_before_migration(conn, path, version)
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # The version is re-read inside the write lock: another process may have migrated.
            current = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if current >= migration.version:
                conn.execute("ROLLBACK")
                version = current
                continue
            migration.apply(conn)
            if migration.version == 1:
                import uuid  # lazy: a new database only (uuid imports platform)

                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(
                    "INSERT INTO lokal_meta (kunci, nilai) VALUES ('node_id', ?)",
                    (str(uuid.uuid4()),),
                )
                conn.execute(
                    "INSERT INTO lokal_meta (kunci, nilai) VALUES ('dibuat', ?)", (utc_now(),)
                )
            conn.execute(
                "INSERT INTO lokal_migrasi (versi, nama, diterapkan) VALUES (?, ?, ?)",
                (migration.version, migration.name, utc_now()),
            )
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version
