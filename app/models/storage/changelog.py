"""The change log: how a batch is encoded, hashed, clocked and written (``design/sync.md``).

Used by both writers of the log, so that a batch is one thing wherever it comes from:

* the write path (:mod:`app.models.storage.store`) appends the batches written here
  (:func:`append_local`);
* the sync importer (:mod:`app.sync.importer`) stores the batches received from other
  installations, exactly as they came (:func:`insert_batch`), or holds them back while an earlier
  one is missing (:func:`hold_batches`, ``lokal_batch_tunggu``).

A batch is its origin node, its sequence number per origin (no gaps), its hybrid-logical-clock
reading, the origin's version vector when it was written, its operations (canonical JSON,
zlib-compressed) and the SHA-256 over all of these (:func:`batch_hash`, what the origin signs).
``lokal_versi`` holds, per origin, the newest sequence number applied here.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from app.models.storage.db import Database, utc_now

BATCH_COLUMNS = (
    "origin, seq, hlc, vv, ops, op_count, hash, signature, schema_version, actor, diterima"
)


# -- clock ----------------------------------------------------------------------------------------


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


# -- encoding -------------------------------------------------------------------------------------


def canonical_json(value: object) -> bytes:
    """JSON with sorted keys and no spaces, UTF-8: the same bytes for the same value everywhere."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def batch_hash(
    origin: str, seq: int, hlc: str, vv: Mapping[str, int], schema_version: int, ops_json: bytes
) -> str:
    """SHA-256 over the canonical content of a batch (what the origin signs)."""
    header = canonical_json(
        {"origin": origin, "seq": seq, "hlc": hlc, "vv": dict(vv), "schema": schema_version}
    )
    return hashlib.sha256(header + b"\n" + ops_json).hexdigest()


def encode_ops(ops_json: bytes) -> bytes:
    """The stored form of a batch's operations (canonical JSON, zlib level 6: a fifth smaller
    than level 1 on the demo's log, issue 20). Any level reads back the same; a batch received
    from elsewhere is stored as it came."""
    return zlib.compress(ops_json, 6)


def decode_ops(blob: bytes) -> tuple[bytes, list[list[Any]]]:
    """The canonical JSON and the operations of a stored batch."""
    raw = zlib.decompress(blob)
    return raw, json.loads(raw)


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


@dataclass
class RemoteBatch:
    """A batch from another installation, checked (see :mod:`app.sync.verify`); ``ops`` is
    decoded only while the batch is applied, so that memory stays bounded."""

    origin: str
    seq: int
    hlc: str
    vv: dict[str, int]
    ops: list[list[Any]]
    ops_blob: bytes  # the zlib-compressed canonical JSON, stored as it came
    hash: str
    signature: bytes
    schema_version: int
    actor: str
    op_count: int = 0


# -- versions -------------------------------------------------------------------------------------


def read_versions(conn: sqlite3.Connection) -> dict[str, int]:
    """Per origin, the newest sequence number held here (this installation's version vector)."""
    return {str(r[0]): int(r[1]) for r in conn.execute("SELECT origin, seq FROM lokal_versi")}


def write_versions(conn: sqlite3.Connection, versions: Iterable[tuple[str, int]]) -> None:
    conn.executemany(
        "INSERT INTO lokal_versi (origin, seq) VALUES (?, ?) "
        "ON CONFLICT (origin) DO UPDATE SET seq = excluded.seq",
        list(versions),
    )


# -- writing the log ------------------------------------------------------------------------------


def _insert(conn: sqlite3.Connection, table: str, rows: Iterable[Sequence[Any]]) -> None:
    # ``table`` is one of the two constants below; the rows are BATCH_COLUMNS without diterima.
    now = utc_now()
    conn.executemany(
        f"INSERT INTO {table} ({BATCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*row, now) for row in rows],
    )


def _row(b: RemoteBatch) -> tuple[Any, ...]:
    return (
        b.origin,
        b.seq,
        b.hlc,
        canonical_json(b.vv).decode(),
        b.ops_blob,
        b.op_count,
        b.hash,
        b.signature,
        b.schema_version,
        b.actor,
    )


def insert_batch(conn: sqlite3.Connection, batch: RemoteBatch) -> None:
    """Store a batch received from elsewhere in the change log, as it came (signature too)."""
    _insert(conn, "lokal_batch", [_row(batch)])


class BackgroundEncoder:
    """Compresses the operations of a long write's batches on a worker thread while the write
    goes on (zlib releases the GIL; issue 20: a 100,000-row import spends seconds in it).

    The bytes stored are those of :func:`encode_ops`, and the batches' rows are inserted in
    sequence order, each once the next batch is handed over (at most one batch waits, so that
    memory stays bounded) and the last by :meth:`finish`, which the write path calls before
    anything else of the transaction reads the log. :meth:`close` stops the worker (after an
    error too); a batch not yet inserted then rolls back with the transaction.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="merit-log")
        self._waiting: tuple[tuple[Any, ...], Future[bytes]] | None = None

    def submit(self, conn: sqlite3.Connection, row: tuple[Any, ...], ops_json: bytes) -> None:
        """``row``: the batch's row (BATCH_COLUMNS without diterima) with None for the ops."""
        future = self._pool.submit(encode_ops, ops_json)
        self.finish(conn)
        self._waiting = (row, future)

    def finish(self, conn: sqlite3.Connection) -> None:
        """Insert the batch still being compressed, if any."""
        if self._waiting is None:
            return
        row, future = self._waiting
        self._waiting = None
        _insert(conn, "lokal_batch", [(*row[:4], future.result(), *row[5:])])

    def close(self) -> None:
        self._waiting = None
        self._pool.shutdown(wait=True)


def append_local(
    db: Database,
    conn: sqlite3.Connection,
    ops: list[list[Any]],
    actor: str,
    now_ms: int,
    *,
    encoder: BackgroundEncoder | None = None,
) -> tuple[str, int, str]:
    """Append the operations written here as the next batch of this installation: next
    sequence number, clock reading, version vector, hash; unsigned (``app.sync.package`` signs
    at export). Returns (origin, seq, hlc). With ``encoder``, the operations are compressed
    and the row inserted by it (the same bytes, later in the same transaction)."""
    origin = db.node_id
    vv = read_versions(conn)
    seq = vv.get(origin, 0) + 1
    last = db.meta("hlc")
    hlc = next_hlc(Hlc.decode(last) if last else None, now_ms).encode()
    schema_version = db.schema_version
    ops_json = canonical_json(ops)
    digest = batch_hash(origin, seq, hlc, vv, schema_version, ops_json)
    row = (
        origin,
        seq,
        hlc,
        canonical_json(vv).decode(),
        None,
        len(ops),
        digest,
        None,
        schema_version,
        actor,
    )
    if encoder is not None:
        encoder.submit(conn, row, ops_json)
    else:
        _insert(conn, "lokal_batch", [(*row[:4], encode_ops(ops_json), *row[5:])])
    write_versions(conn, [(origin, seq)])
    db.set_meta("hlc", hlc)
    return origin, seq, hlc


# -- batches held back ----------------------------------------------------------------------------


def hold_batches(conn: sqlite3.Connection, batches: Iterable[RemoteBatch]) -> None:
    """Keep received batches that wait for an earlier one (``lokal_batch_tunggu``)."""
    _insert(conn, "lokal_batch_tunggu", [_row(b) for b in batches])


def held_batches(conn: sqlite3.Connection) -> list[RemoteBatch]:
    """The batches waiting for an earlier one, by origin and number (operations not decoded)."""
    return [
        RemoteBatch(
            r[0], r[1], r[2], json.loads(r[3]), [], bytes(r[4]), r[6], bytes(r[7]), r[8], r[9], r[5]
        )
        for r in conn.execute(
            "SELECT origin, seq, hlc, vv, ops, op_count, hash, signature, schema_version, actor "
            "FROM lokal_batch_tunggu ORDER BY origin, seq"
        )
    ]


def list_held(conn: sqlite3.Connection) -> list[tuple[str, int, dict[str, int]]]:
    """(origin, seq, version vector) of the batches waiting for an earlier one."""
    return [
        (str(r[0]), int(r[1]), dict(json.loads(r[2])))
        for r in conn.execute("SELECT origin, seq, vv FROM lokal_batch_tunggu ORDER BY origin, seq")
    ]


def release_batches(conn: sqlite3.Connection, keys: Iterable[tuple[str, int]]) -> None:
    """Drop batches from the waiting list (they were applied)."""
    conn.executemany(
        "DELETE FROM lokal_batch_tunggu WHERE origin = ? AND seq = ?", [tuple(k) for k in keys]
    )


# -- reading the log ------------------------------------------------------------------------------


def read_batches(conn: sqlite3.Connection, origin: str | None = None) -> Iterator[Batch]:
    """Every batch of the log (of one origin), decoded, by origin and number."""
    sql = (
        "SELECT origin, seq, hlc, vv, ops, hash, schema_version, actor FROM lokal_batch"
        + (" WHERE origin = ?" if origin else "")
        + " ORDER BY origin, seq"
    )
    for row in conn.execute(sql, (origin,) if origin else ()):
        _, ops = decode_ops(row[4])
        yield Batch(row[0], row[1], row[2], json.loads(row[3]), ops, row[5], row[6], row[7])


def read_log(conn: sqlite3.Connection) -> Iterator[tuple[str, int, str, str, bytes, str, int]]:
    """(origin, seq, hlc, vv text, ops blob, hash, schema version) of every batch, in order,
    undecoded (for the integrity check)."""
    yield from conn.execute(
        "SELECT origin, seq, hlc, vv, ops, hash, schema_version FROM lokal_batch "
        "ORDER BY origin, seq"
    )


def get_hash(conn: sqlite3.Connection, origin: str, seq: int) -> str | None:
    """The hash of a batch held here, or None."""
    row = conn.execute(
        "SELECT hash FROM lokal_batch WHERE origin = ? AND seq = ?", (origin, seq)
    ).fetchone()
    return str(row[0]) if row else None


def get_actor(conn: sqlite3.Connection, origin: str, seq: int) -> str | None:
    row = conn.execute(
        "SELECT actor FROM lokal_batch WHERE origin = ? AND seq = ?", (origin, seq)
    ).fetchone()
    return str(row[0]) if row else None


def get_vv(conn: sqlite3.Connection, origin: str, seq: int) -> dict[str, int]:
    """The version vector a batch was written with (empty when it is not here)."""
    row = conn.execute(
        "SELECT vv FROM lokal_batch WHERE origin = ? AND seq = ?", (origin, seq)
    ).fetchone()
    return dict(json.loads(row[0])) if row else {}


def get_ops(conn: sqlite3.Connection, origin: str, seq: int) -> tuple[str, list[list[Any]]] | None:
    """The clock reading and the operations of a batch, or None when it is not here."""
    row = conn.execute(
        "SELECT hlc, ops FROM lokal_batch WHERE origin = ? AND seq = ?", (origin, seq)
    ).fetchone()
    if row is None:
        return None
    return str(row[0]), decode_ops(row[1])[1]


def read_ops_from(
    conn: sqlite3.Connection, origin: str, first: int, before: int | None = None
) -> Iterator[list[list[Any]]]:
    """The operations of an origin's batches from number ``first`` (up to ``before``), in order."""
    rows = conn.execute(
        "SELECT ops FROM lokal_batch WHERE origin = ? AND seq >= ? "
        + ("AND seq < ? " if before is not None else "")
        + "ORDER BY seq",
        (origin, first, *((before,) if before is not None else ())),
    )
    for (blob,) in rows:
        yield decode_ops(blob)[1]


def count_from(conn: sqlite3.Connection, origin: str, first: int) -> tuple[int, int]:
    """Batches and operations of an origin from number ``first`` on."""
    n, ops = conn.execute(
        "SELECT count(*), coalesce(sum(op_count), 0) FROM lokal_batch "
        "WHERE origin = ? AND seq >= ?",
        (origin, first),
    ).fetchone()
    return int(n), int(ops)


def count_log(conn: sqlite3.Connection) -> tuple[int, int]:
    """Batches and operations in the whole log."""
    n, ops = conn.execute("SELECT count(*), coalesce(sum(op_count), 0) FROM lokal_batch").fetchone()
    return int(n), int(ops)


def read_stored_from(
    conn: sqlite3.Connection, origin: str, first: int
) -> Iterator[tuple[str, int, str, str, bytes, int, str, bytes | None, int, str]]:
    """The stored rows of an origin's batches from number ``first`` on, in order, undecoded
    (origin, seq, hlc, vv text, ops blob, op count, hash, signature, schema version, actor)."""
    yield from conn.execute(
        "SELECT origin, seq, hlc, vv, ops, op_count, hash, signature, schema_version, actor "
        "FROM lokal_batch WHERE origin = ? AND seq >= ? ORDER BY seq",
        (origin, first),
    )


# -- signatures -----------------------------------------------------------------------------------


def has_unsigned(conn: sqlite3.Connection, origin: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM lokal_batch WHERE origin = ? AND signature IS NULL LIMIT 1", (origin,)
        ).fetchone()
        is not None
    )


def read_unsigned(conn: sqlite3.Connection, origin: str) -> list[tuple[int, str, str]]:
    """(seq, hash, actor) of an origin's batches not signed yet."""
    return [
        (int(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute(
            "SELECT seq, hash, actor FROM lokal_batch WHERE origin = ? AND signature IS NULL",
            (origin,),
        )
    ]


def write_signatures(
    conn: sqlite3.Connection, origin: str, signatures: Iterable[tuple[int, bytes]]
) -> None:
    """Store the signatures (seq, signature) of an origin's batches."""
    conn.executemany(
        "UPDATE lokal_batch SET signature = ? WHERE origin = ? AND seq = ?",
        [(sig, origin, seq) for seq, sig in signatures],
    )
