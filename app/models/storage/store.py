"""The one write path for replicated data.

Every insert, update and delete of a replicated table goes through :meth:`Store.write`::

    with store.write(tr("Mengubah data pegawai"), actor="operator1") as tx:
        tx.update("pegawai", pegawai_id, {"telepon": "0812..."})

On leaving the block, in the same SQLite transaction:

* the field-level operations become one *batch* in ``lokal_batch`` (origin node, per-origin
  sequence number with no gaps, hybrid-logical-clock reading, the origin's version vector, the
  operations and their SHA-256; :mod:`app.models.storage.changelog`), as ``design/sync.md``
  describes, so that sync can carry every change ever made;
* the merge bookkeeping of :mod:`app.models.storage.replika` is kept current;
* an audit entry records who, when and what;
* the derived ``pegawai_ringkas`` rows of the employees touched are brought up to date.

An exception inside the block rolls everything back: nothing is half-written. After the block,
``tx.changes`` says what was written (:class:`Changes`: tables, counts, batches).

Deletion is a write of ``deleted = 1`` (soft delete); rows are never removed, so that a
deletion travels and cannot be resurrected by an older edit.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from app.i18n import tr
from app.models.access import akses, audit, wewenang
from app.models.errors import NotFoundError, ValidationError
from app.models.storage import changelog, replika
from app.models.storage.changelog import Batch
from app.models.storage.db import Database
from app.models.storage.faults import as_storage_error, translated_errors
from app.models.storage.ringkas import Touched, affects_summary, refresh_after_write
from app.models.storage.skema import replicated_schema

# A transaction with more row operations than this is cut into several batches (all committed
# together), so that no single batch grows without bound.
MAX_ROWS_PER_BATCH = 5000

Value = str | int | float | None


@dataclass(frozen=True)
class Changes:
    """What one transaction of the write path wrote (``tx.changes`` after the ``with`` block).

    ``counts`` maps (table, kind) to a number of rows, kind ``baru`` (inserted), ``ubah``
    (changed) or ``hapus`` (deleted); ``batches`` are the (origin, seq) of the change-log
    batches written; ``records`` counts the row operations. The ids of the rows are not kept:
    a bulk write (the demo, an import) touches millions, and keeping them costs more than the
    write (the change log in ``lokal_batch`` holds them).
    """

    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    batches: tuple[tuple[str, int], ...] = ()
    records: int = 0

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables written, sorted."""
        return tuple(sorted({table for table, _kind in self.counts}))


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
        self._last_id = ""
        self.counts: dict[tuple[str, str], int] = {}
        self.touched = Touched()  # what the derived summary follows (callers may add units)
        self.batches: list[tuple[str, int]] = []
        # The employees of the batches written, for the audit entry (audit.pegawai_in_ops).
        self.audit_pegawai: set[str] = set()
        self.audit_lookups: dict[str, set[str]] = {}
        self.record_count = 0
        self.first_record: str | None = None
        self.single_record = True
        self.changes = Changes()  # filled when the transaction commits
        self._encoder: changelog.BackgroundEncoder | None = None

    def compress_in_background(self) -> None:
        """For a long bulk write (an import): compress each batch's operations on a worker
        thread while the next batch is prepared (:class:`changelog.BackgroundEncoder`; the
        same stored bytes). The log's rows of this transaction are all written when the block
        ends, before the summary and the audit entry."""
        if self._encoder is None:
            self._encoder = changelog.BackgroundEncoder()

    def _finish_log(self) -> None:
        if self._encoder is not None:
            self._encoder.finish(self._conn)

    def _close_log(self) -> None:
        if self._encoder is not None:
            self._encoder.close()
            self._encoder = None

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
            fields = dict(data)  # the row without its id (a copy, then one key off: faster)
            del fields["id"]
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
        if len(self._pending.ops) >= MAX_ROWS_PER_BATCH:
            self.flush()
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
        touched = self.touched
        if table == "pegawai":
            if affects_summary(table, fields):
                touched.summary_pegawai.add(row_id)
        elif table.startswith("riwayat_"):
            pegawai_id = row.get("pegawai_id")
            if pegawai_id and affects_summary(table, fields):
                touched.summary_pegawai.add(str(pegawai_id))
        elif table in ("unit_organisasi", "jabatan"):
            touched.units.add(row_id)
        elif table.startswith("ref_"):
            touched.reference = True

    def refresh_derived(self) -> None:
        """Bring derived data (the employee summary) up to date now, inside the transaction,
        instead of at the end (long jobs call it per chunk so that the work is spread)."""
        refresh_after_write(self._conn, self.touched)
        self.touched = Touched()

    def flush(self) -> None:
        """Write the pending operations as one batch (called automatically)."""
        if not self._pending.ops:
            return
        ops, new_rows, self._pending = self._pending.ops, self._pending.new_rows, _Pending()
        akses.check_ops(self._store.db, self.actor, ops)  # the signed-in user's rights
        wewenang.check_local(self._conn, self._store.db.node_id, ops)  # the agency's roster
        origin, seq, hlc = changelog.append_local(
            self._store.db,
            self._conn,
            ops,
            self.actor,
            int(self._store.clock() * 1000),
            encoder=self._encoder,
        )
        replika.record_local(self._conn, origin, seq, hlc, ops, new_rows)  # merge bookkeeping
        self.batches.append((origin, seq))
        audit.pegawai_in_ops(ops, self.audit_pegawai, self.audit_lookups)

    def _summary(self) -> Changes:
        return Changes(
            counts={k: n for k, n in self.counts.items() if n},
            batches=tuple(self.batches),
            records=self.record_count,
        )


class Store:
    """Entry to the one write path of a :class:`Database`."""

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock
        self._schema: dict[str, tuple[str, ...]] | None = None

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
        such as ``"pegawai.impor"``, for ``unit_id``) is checked first, and every batch of
        operations is checked against the rights of the user's roles
        (:func:`app.models.access.akses.check_ops`).

        After the block, ``tx.changes`` is the :class:`Changes` summary of what was written.
        """
        if izin is not None:
            akses.require(self.db, actor, izin, unit_id=unit_id)
        conn = self.db.conn
        with translated_errors(self.db.path):
            conn.execute("BEGIN IMMEDIATE")
        tx = WriteTx(self, conn, actor)
        try:
            yield tx
            tx.flush()
            tx._finish_log()
            if tx.batches or tx.counts:
                tx.refresh_derived()
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
        finally:
            tx._close_log()
        tx.changes = tx._summary()

    def _audit(
        self, conn: sqlite3.Connection, tx: WriteTx, aksi: str, keterangan: str | None
    ) -> None:
        tables = sorted({t for t, _ in tx.counts})
        summary = "; ".join(f"{t} {kind} {n}" for (t, kind), n in sorted(tx.counts.items()) if n)
        first = tx.batches[0] if tx.batches else (None, None)
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
            # What audit.pegawai_in_batches(conn, tx.batches) finds, without decoding them again.
            pegawai_ids=tx.audit_pegawai | audit.pegawai_of_rows(conn, tx.audit_lookups),
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
        """Audit a sensitive read (opening a full record, exporting): no data changes
        (:func:`app.models.access.audit.record_read`)."""
        audit.record_read(
            self.db, aksi, actor=actor, tabel=tabel, record_id=record_id, keterangan=keterangan
        )

    def batches(self, origin: str | None = None) -> Iterator[Batch]:
        """The change log (of one origin), decoded."""
        return changelog.read_batches(self.db.conn, origin)
