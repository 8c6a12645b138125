"""The one write path for replicated data.

Every insert, update and delete of a replicated table goes through :meth:`Store.write`::

    with store.write(tr("Mengubah data pegawai"), actor="operator1") as tx:
        tx.update("pegawai", pegawai_id, {"telepon": "0812..."})

On leaving the block, in the same SQLite transaction:

* the field-level operations become one *batch* in ``lokal_batch`` (origin node, per-origin
  sequence number with no gaps, hybrid-logical-clock reading, the origin's version vector, the
  operations and their SHA-256), as ``design/sync.md`` describes, so that sync can carry every
  change ever made;
* an audit entry records who, when and what;
* the derived ``pegawai_ringkas`` rows of the employees touched are brought up to date.

An exception inside the block rolls everything back: nothing is half-written.

Deletion is a write of ``deleted = 1`` (soft delete); rows are never removed, so that a
deletion travels and cannot be resurrected by an older edit.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.storage.db import Database, as_storage_error, translated_errors, utc_now
from app.models.storage.ringkas import affects_summary

# A transaction with more row operations than this is cut into several batches (all committed
# together), so that no single batch grows without bound.
MAX_ROWS_PER_BATCH = 5000

LOCAL_PREFIXES = ("lokal_", "pegawai_ringkas", "pegawai_fts", "sqlite_")

Value = str | int | float | None


def replicated_schema(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Replicated table name -> its columns, read from the database itself (sqlite-utils).

    A table is replicated when it has a text ``id`` primary key and a ``deleted`` flag and is
    not one of the local tables. Used to check every table and column name before it reaches an
    SQL statement.
    """
    import sqlite_utils  # imported here: it costs a tenth of a second at start-up

    inspector = sqlite_utils.Database(conn, recursive_triggers=False)
    schema: dict[str, tuple[str, ...]] = {}
    for table in inspector.tables:
        if table.name.startswith(LOCAL_PREFIXES):
            continue
        columns = tuple(column.name for column in table.columns)
        if "id" in columns and "deleted" in columns and table.pks == ["id"]:
            schema[table.name] = columns
    return dict(sorted(schema.items()))


@dataclass(frozen=True)
class Hlc:
    """A hybrid logical clock reading: wall milliseconds and a counter (Kulkarni et al.)."""

    wall: int
    counter: int

    def encode(self) -> str:
        return f"{self.wall:015d}.{self.counter:06d}"

    @classmethod
    def decode(cls, text: str) -> Hlc:
        wall, counter = text.split(".")
        return cls(int(wall), int(counter))


def next_hlc(last: Hlc | None, now_ms: int) -> Hlc:
    """The clock reading for a new local event: never behind the last one, even if the wall
    clock went back."""
    if last is None or now_ms > last.wall:
        return Hlc(now_ms, 0)
    return Hlc(last.wall, last.counter + 1)


def canonical_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def batch_hash(
    origin: str, seq: int, hlc: str, vv: Mapping[str, int], schema_version: int, ops_json: bytes
) -> str:
    """SHA-256 over the canonical content of a batch (what the origin signs)."""
    header = canonical_json(
        {"origin": origin, "seq": seq, "hlc": hlc, "vv": dict(vv), "schema": schema_version}
    )
    return hashlib.sha256(header + b"\n" + ops_json).hexdigest()


@dataclass
class Batch:
    """A decoded batch from the change log."""

    origin: str
    seq: int
    hlc: str
    vv: dict[str, int]
    ops: list[list[Any]]
    hash: str
    schema_version: int
    actor: str


def decode_ops(blob: bytes) -> tuple[bytes, list[list[Any]]]:
    raw = zlib.decompress(blob)
    return raw, json.loads(raw)


@dataclass
class _Pending:
    """Operations of the current transaction not yet written as a batch."""

    ops: list[list[Any]] = field(default_factory=list)
    new_rows: set[tuple[str, str]] = field(default_factory=set)  # (table, id) inserted


class WriteTx:
    """The operations of one transaction. Obtain it from :meth:`Store.write`."""

    def __init__(self, store: Store, conn: sqlite3.Connection, actor: str) -> None:
        self._store = store
        self._conn = conn
        self.actor = actor
        self._pending = _Pending()
        self.counts: dict[tuple[str, str], int] = {}
        self.touched_pegawai: set[str] = set()
        self.summary_pegawai: set[str] = set()  # those whose summary may change
        self.touched_units: set[str] = set()
        self.touched_reference = False
        self.batches: list[tuple[str, int]] = []
        self.record_count = 0
        self.first_record: str | None = None
        self.single_record = True

    # -- checks --------------------------------------------------------------------------------

    def _columns(self, table: str) -> tuple[str, ...]:
        cols = self._store.schema.get(table)
        if cols is None:
            raise ValueError(f"not a replicated table: {table!r}")
        return cols

    def _check_columns(self, table: str, names: Iterable[str]) -> None:
        cols = self._columns(table)
        unknown = [n for n in names if n not in cols]
        if unknown:
            raise ValueError(f"unknown column(s) {unknown} for table {table!r}")

    # -- operations ----------------------------------------------------------------------------

    def insert(self, table: str, row: Mapping[str, Value]) -> str:
        """Insert one row; returns its id (a new UUID4 unless ``row`` carries one)."""
        self.insert_many(table, [row])
        return self._last_id

    def insert_many(self, table: str, rows: Iterable[Mapping[str, Value]]) -> int:
        """Insert rows of one table (all with the same columns). Returns how many."""
        self._columns(table)  # refuses a table that is not replicated
        count = 0
        sql_cache: dict[tuple[str, ...], str] = {}
        params: list[list[Value]] = []
        keys: tuple[str, ...] | None = None
        for row in rows:
            data = dict(row)
            if not data.get("id"):
                data["id"] = str(uuid.uuid4())
            data.setdefault("deleted", 0)
            row_keys = tuple(data)
            if row_keys != keys:
                if params and keys is not None:
                    self._conn.executemany(sql_cache[keys], params)
                    params = []
                if row_keys not in sql_cache:
                    self._check_columns(table, row_keys)
                    sql_cache[row_keys] = (
                        f"INSERT INTO {table} ({', '.join(row_keys)}) "
                        f"VALUES ({', '.join('?' for _ in row_keys)})"
                    )
                keys = row_keys
            params.append(list(data.values()))
            row_id = str(data["id"])
            fields = {k: v for k, v in data.items() if k != "id"}
            self._add_op(table, row_id, fields, data)
            self._pending.new_rows.add((table, row_id))
            count += 1
            self._last_id = row_id
            if len(self._pending.ops) >= MAX_ROWS_PER_BATCH:
                self.flush()
        if params and keys is not None:
            self._conn.executemany(sql_cache[keys], params)
        self.counts[(table, "baru")] = self.counts.get((table, "baru"), 0) + count
        return count

    def update(
        self, table: str, row_id: str, changes: Mapping[str, Value], *, force: bool = False
    ) -> list[str]:
        """Change fields of one row. Only fields whose value really changes are recorded
        (``force``: every given field, as when a sync clash is resolved by keeping the value
        shown, so that the resolution travels).

        Returns the names of the changed fields (empty when nothing changed).
        """
        if "id" in changes:
            raise ValueError("the id of a record never changes")
        self._check_columns(table, changes)
        current = self._conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if current is None:
            raise NotFoundError(
                tr("Data {table} dengan id {id} tidak ditemukan.", table=table, id=row_id)
            )
        changed = {k: v for k, v in changes.items() if force or current[k] != v}
        if not changed:
            return []
        assignments = ", ".join(f"{k} = ?" for k in changed)
        self._conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), row_id]
        )
        merged = dict(current)
        merged.update(changed)
        self._add_op(table, row_id, changed, merged)
        self.counts[(table, "ubah")] = self.counts.get((table, "ubah"), 0) + 1
        self._maybe_flush()
        return list(changed)

    def delete(self, table: str, row_id: str) -> bool:
        """Soft-delete one row (``deleted = 1``). Returns False when it was already deleted."""
        changed = self.update(table, row_id, {"deleted": 1})
        if changed:
            key = (table, "ubah")
            self.counts[key] -= 1
            self.counts[(table, "hapus")] = self.counts.get((table, "hapus"), 0) + 1
        return bool(changed)

    def undelete(self, table: str, row_id: str) -> bool:
        return bool(self.update(table, row_id, {"deleted": 0}))

    # -- bookkeeping ---------------------------------------------------------------------------

    def _add_op(
        self, table: str, row_id: str, fields: dict[str, Value], row: Mapping[str, Any]
    ) -> None:
        self._pending.ops.append([table, row_id, fields])
        self.record_count += 1
        if self.first_record is None:
            self.first_record = row_id
        elif row_id != self.first_record:
            self.single_record = False
        if table == "pegawai":
            self.touched_pegawai.add(row_id)
            if affects_summary(table, fields):
                self.summary_pegawai.add(row_id)
        elif table.startswith("riwayat_"):
            pegawai_id = row.get("pegawai_id")
            if pegawai_id:
                self.touched_pegawai.add(str(pegawai_id))
                if affects_summary(table, fields):
                    self.summary_pegawai.add(str(pegawai_id))
        elif table in ("unit_organisasi", "jabatan"):
            self.touched_units.add(row_id)
        elif table.startswith("ref_"):
            self.touched_reference = True

    def _maybe_flush(self) -> None:
        if len(self._pending.ops) >= MAX_ROWS_PER_BATCH:
            self.flush()

    def refresh_derived(self) -> None:
        """Bring derived data (the employee summary) up to date now, inside the transaction,
        instead of at the end (long jobs call it per chunk so that the work is spread)."""
        from app.models.storage.ringkas import refresh_after_write

        refresh_after_write(self._conn, self)
        self.touched_pegawai.clear()
        self.summary_pegawai.clear()
        self.touched_units.clear()
        self.touched_reference = False

    def flush(self) -> None:
        """Write the pending operations as one batch (called automatically)."""
        if not self._pending.ops:
            return
        ops, new_rows, self._pending = self._pending.ops, self._pending.new_rows, _Pending()
        from app.models.access.akses import (
            check_ops,  # the signed-in user's rights (roles x tables)
        )

        check_ops(self._store.db, self.actor, ops)
        self.batches.append(self._store._write_batch(self._conn, ops, self.actor, new_rows))


class Store:
    """Entry to the one write path of a :class:`Database`."""

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self._clock = clock
        self._schema: dict[str, tuple[str, ...]] | None = None
        self.after_write: list[Callable[[sqlite3.Connection, WriteTx], None]] = []

    @property
    def schema(self) -> dict[str, tuple[str, ...]]:
        if self._schema is None:
            self._schema = replicated_schema(self.db.conn)
        return self._schema

    @contextmanager
    def write(
        self,
        aksi: str,
        *,
        actor: str = "sistem",
        keterangan: str | None = None,
        izin: str | None = None,
        unit_id: str | None = None,
    ) -> Iterator[WriteTx]:
        """One transaction of replicated changes, recorded for sync and the audit trail.

        When ``actor`` is a signed-in :class:`~app.models.access.akses.Sesi`, ``izin`` (an action
        such
        as ``"pegawai.impor"``, for ``unit_id``) is checked first, and every batch of operations
        is checked against the rights of the user's roles
        (:func:`app.models.access.akses.check_ops`).
        """
        if izin is not None:
            from app.models.access.akses import require

            require(self.db, actor, izin, unit_id=unit_id)
        conn = self.db.conn
        with translated_errors(self.db.path):
            conn.execute("BEGIN IMMEDIATE")
        tx = WriteTx(self, conn, actor)
        try:
            yield tx
            tx.flush()
            if tx.batches or tx.counts:
                tx.refresh_derived()
                for hook in self.after_write:
                    hook(conn, tx)
                self._audit(conn, tx, aksi, keterangan)
            with translated_errors(self.db.path):
                conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            conn.execute("ROLLBACK")
            raise ValidationError(
                tr("Perubahan ditolak karena melanggar aturan data: {detail}", detail=exc)
            ) from exc
        except sqlite3.Error as exc:
            # Disk full, read-only, locked, corrupt met in the middle of the work: the clerk
            # gets the storage message, and nothing is half-written.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise (as_storage_error(exc, self.db.path) or exc) from exc
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # -- batches -------------------------------------------------------------------------------

    def _write_batch(
        self,
        conn: sqlite3.Connection,
        ops: list[list[Any]],
        actor: str,
        new_rows: set[tuple[str, str]] | None = None,
    ) -> tuple[str, int]:
        origin = self.db.node_id
        vv = {row[0]: int(row[1]) for row in conn.execute("SELECT origin, seq FROM lokal_versi")}
        seq = vv.get(origin, 0) + 1
        last = self.db.meta("hlc")
        hlc = next_hlc(Hlc.decode(last) if last else None, int(self._clock() * 1000)).encode()
        schema_version = self.db.schema_version
        ops_json = canonical_json(ops)
        digest = batch_hash(origin, seq, hlc, vv, schema_version, ops_json)
        conn.execute(
            "INSERT INTO lokal_batch (origin, seq, hlc, vv, ops, op_count, hash, signature, "
            "schema_version, actor, diterima) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
            (
                origin,
                seq,
                hlc,
                canonical_json(vv).decode(),
                zlib.compress(ops_json, 1),
                len(ops),
                digest,
                schema_version,
                actor,
                utc_now(),
            ),
        )
        conn.execute(
            "INSERT INTO lokal_versi (origin, seq) VALUES (?, ?) "
            "ON CONFLICT (origin) DO UPDATE SET seq = excluded.seq",
            (origin, seq),
        )
        from app.models.storage.replika import record_local  # merge bookkeeping (design/sync.md)

        record_local(conn, origin, seq, hlc, ops, new_rows or ())
        self.db.set_meta("hlc", hlc)
        return origin, seq

    def _audit(
        self, conn: sqlite3.Connection, tx: WriteTx, aksi: str, keterangan: str | None
    ) -> None:
        tables = sorted({t for t, _ in tx.counts})
        summary = "; ".join(f"{t} {kind} {n}" for (t, kind), n in sorted(tx.counts.items()) if n)
        first = tx.batches[0] if tx.batches else (None, None)
        from app.models.access import audit

        audit.append(
            conn,
            aktor=tx.actor,
            aksi=aksi,
            tabel=tables[0] if len(tables) == 1 else None,
            record_id=tx.first_record if tx.single_record else None,
            jumlah=tx.record_count,
            batch_origin=first[0],
            batch_seq=first[1],
            keterangan="; ".join(x for x in (keterangan, summary) if x),
            pegawai_ids=audit.pegawai_in_batches(conn, tx.batches),
        )

    def record_read(
        self,
        aksi: str,
        *,
        actor: str,
        tabel: str | None = None,
        record_id: str | None = None,
        keterangan: str | None = None,
    ) -> None:
        """Audit a sensitive read (opening a full record, exporting): no data changes."""
        from app.models.access import audit

        conn = self.db.conn
        own = not conn.in_transaction
        with translated_errors(self.db.path):
            if own:
                conn.execute("BEGIN IMMEDIATE")
            try:
                audit.append(
                    conn,
                    aktor=actor,
                    aksi=aksi,
                    tabel=tabel,
                    record_id=record_id,
                    keterangan=keterangan,
                    pegawai_ids=[record_id] if tabel == "pegawai" and record_id else (),
                )
                if own:
                    conn.execute("COMMIT")
            except BaseException:
                if own and conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # -- reading the log -----------------------------------------------------------------------

    def batches(self, origin: str | None = None) -> Iterator[Batch]:
        sql = (
            "SELECT origin, seq, hlc, vv, ops, hash, schema_version, actor FROM lokal_batch"
            + (" WHERE origin = ?" if origin else "")
            + " ORDER BY origin, seq"
        )
        for row in self.db.conn.execute(sql, (origin,) if origin else ()):
            _, ops = decode_ops(row[4])
            yield Batch(row[0], row[1], row[2], json.loads(row[3]), ops, row[5], row[6], row[7])
