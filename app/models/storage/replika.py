"""Merge rules of replicated data (design/sync.md, "Merge"), and their bookkeeping.

Every write of a field is a *version*: the batch that wrote it (origin node, sequence number),
that batch's hybrid-logical-clock reading, and the value. For each field this installation keeps
the *siblings*: the versions that no other known write has seen. A write from origin ``o`` whose
version vector is ``V`` has seen the version ``(o', s')`` when ``V[o'] >= s'`` (or ``o' == o``
and ``s' < s``); a new write removes the siblings it has seen and joins the rest. More than one
sibling with different values is a clash; the value shown is the sibling with the largest
``(hlc, origin)``. Batches are applied only once everything they depend on is here (their version
vector is covered), so the siblings depend only on the set of batches held, never on the order in
which they arrived.

Storage (measured on the 100,000-employee demo, see bench/bench_sync.py): an insert records one
small row in ``lokal_asal_baris`` (which batch created the row; keyed by :func:`row_key` and
:func:`table_key`, migration 28), not one per field; later writes of
a field record its siblings in ``lokal_versi_kolom``. A field with no entry there still has the
creating write as its only version. Every later write of a row has seen its creating write,
except a concurrent creation of the same row (ids derived from a natural key): then the creating
write's fields are copied into ``lokal_versi_kolom`` ("materialised") before merging.

A deletion (``deleted = 1``) concurrent with an edit of another field of the same row is a clash
too (kind ``hapus``): the row stays deleted (the ``deleted`` field follows the same rule) and the
edit is kept for review.

This module is used by the write path (:mod:`app.models.storage.store`) for local writes and by the
sync importer (:mod:`app.sync.importer`) for remote batches. It imports nothing from app/sync.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import Any

from app.models.storage import changelog
from app.models.storage.changelog import RemoteBatch
from app.models.storage.db import utc_now
from app.models.storage.ringkas import Touched, affects_summary
from app.models.storage.skema import column_types

Value = str | int | float | None

DELETE_CLASH_FIELD = "*"  # lokal_konflik.kolom of a delete-versus-edit clash
CHUNK = 900
SCAN_AT = 20_000  # more row ids than this are looked up by one pass over their table


# -- pure rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One write of one field."""

    origin: str
    seq: int
    hlc: str
    nilai: Value


def seen(vv: Mapping[str, int], origin: str, seq: int, other_origin: str, other_seq: int) -> bool:
    """Had the writer of batch ``(origin, seq)`` with version vector ``vv`` seen batch
    ``(other_origin, other_seq)``?"""
    if other_origin == origin:
        return other_seq < seq
    return vv.get(other_origin, 0) >= other_seq


def concurrent(
    a: tuple[str, int, Mapping[str, int]], b: tuple[str, int, Mapping[str, int]]
) -> bool:
    """Neither of two batches ``(origin, seq, vv)`` had seen the other."""
    if (a[0], a[1]) == (b[0], b[1]):
        return False
    return not seen(a[2], a[0], a[1], b[0], b[1]) and not seen(b[2], b[0], b[1], a[0], a[1])


def shown(versions: Iterable[Version]) -> Version:
    """The sibling shown: the largest (clock, node id). Clocks only break ties between
    writes that did not see each other."""
    return max(versions, key=lambda v: (v.hlc, v.origin))


def value_key(value: Value) -> str:
    """Equality of values across types as they travel (1 and "1" differ)."""
    return json.dumps(value)


def merge(current: Iterable[Version], new: Version, vv: Mapping[str, int]) -> list[Version]:
    """The siblings after ``new`` (written with version vector ``vv``) arrives."""
    kept = [
        v
        for v in current
        if (v.origin, v.seq) != (new.origin, new.seq)
        and not seen(vv, new.origin, new.seq, v.origin, v.seq)
    ]
    kept.append(new)
    return sorted(kept, key=lambda v: (v.hlc, v.origin))


def is_clash(versions: Sequence[Version]) -> bool:
    """More than one sibling with different values (equal values are no clash)."""
    return len({value_key(v.nilai) for v in versions}) > 1


def conflict_id(table: str, row_id: str, kolom: str) -> str:
    """A clash's id, the same on every installation."""
    return hashlib.sha256(f"{table}/{row_id}/{kolom}".encode()).hexdigest()[:10]


def collapse(ops: Iterable[Sequence[Any]]) -> dict[tuple[str, str], dict[str, Value]]:
    """The operations of one batch per row: the last value of each field wins within a batch.
    (The field mappings may be those of ``ops``: read them, never change them.)"""
    ops = list(ops)
    if not ops:
        return {}
    tables, row_ids, fieldses = zip(*ops, strict=True)
    rows: dict[tuple[str, str], dict[str, Value]] = dict(
        zip(zip(tables, row_ids, strict=True), fieldses, strict=True)
    )
    if len(rows) == len(ops):  # each row once (a full package): the operations' own fields
        return rows
    rows = {}
    for table, row_id, fields in ops:
        rows.setdefault((table, row_id), {}).update(fields)
    return rows


# -- bookkeeping in the database ------------------------------------------------------------------


_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def row_key(row_id: str) -> bytes | str:
    """A row id as ``lokal_asal_baris`` keeps it (migration 28): a UUID in its canonical text
    (lowercase, with hyphens) as its 16 bytes, any other id as it is."""
    if len(row_id) == 36 and _UUID_TEXT.fullmatch(row_id):
        return bytes.fromhex(row_id.replace("-", ""))
    return row_id


@functools.cache
def table_key(name: str) -> int:
    """A table as ``lokal_asal_baris`` keeps it (migration 28): the CRC-32 of its name, 31 bits
    (tests/sync/test_merge_paths.py checks that no two replicated tables share one)."""
    return zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF


_UUID_LINES = re.compile(
    r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def row_keys(row_ids: Sequence[str]) -> list[bytes | str]:
    """:func:`row_key` of many ids (all UUIDs, the common case: in one pass)."""
    joined = "\n".join(row_ids)
    if row_ids and _UUID_LINES.fullmatch(joined):
        raw = bytes.fromhex(joined.replace("-", "").replace("\n", ""))
        if len(raw) == 16 * len(row_ids):  # (an id with a line break in it is no UUID)
            return [raw[i : i + 16] for i in range(0, len(raw), 16)]
    return [row_key(r) for r in row_ids]


def _creator_rows(
    creators: Iterable[tuple[str, str, int, int]],
) -> list[tuple[bytes | str, int, int, int]]:
    items = list(creators)
    if not items:
        return []
    ids, tables, nodes, seqs = zip(*items, strict=True)
    return list(zip(row_keys(ids), map(table_key, tables), nodes, seqs, strict=True))


_RECORD_CREATOR = (
    "INSERT OR REPLACE INTO lokal_asal_baris (row_id, tabel, node, seq) VALUES (?, ?, ?, ?)"
)


def node_no(conn: sqlite3.Connection, node_id: str, cache: dict[str, int] | None = None) -> int:
    """The small number standing for a node id in the per-row bookkeeping."""
    if cache is not None and node_id in cache:
        return cache[node_id]
    row = conn.execute("SELECT no FROM lokal_node WHERE node_id = ?", (node_id,)).fetchone()
    if row is None:
        cur = conn.execute("INSERT INTO lokal_node (node_id) VALUES (?)", (node_id,))
        no = int(cur.lastrowid or 0)
    else:
        no = int(row[0])
    if cache is not None:
        cache[node_id] = no
    return no


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def field_versions(conn: sqlite3.Connection, table: str, row_id: str) -> dict[str, list[Version]]:
    """The siblings of every field of a row written after its insert (in no order)."""
    result: dict[str, list[Version]] = {}
    for kolom, origin, seq, hlc, nilai in conn.execute(
        "SELECT kolom, origin, seq, hlc, nilai FROM lokal_versi_kolom "
        "WHERE row_id = ? AND tabel = ?",
        (row_id, table),
    ):
        result.setdefault(kolom, []).append(Version(origin, seq, hlc, nilai))
    return result


def _set_field_versions(
    conn: sqlite3.Connection, table: str, row_id: str, kolom: str, versions: Sequence[Version]
) -> None:
    conn.execute(
        "DELETE FROM lokal_versi_kolom WHERE row_id = ? AND tabel = ? AND kolom = ?",
        (row_id, table, kolom),
    )
    conn.executemany(
        "INSERT INTO lokal_versi_kolom (tabel, row_id, kolom, origin, seq, hlc, nilai) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(table, row_id, kolom, v.origin, v.seq, v.hlc, v.nilai) for v in versions],
    )


def _set_clash(
    conn: sqlite3.Connection, table: str, row_id: str, kolom: str, jenis: str, clash: bool
) -> bool:
    """Open or close a clash. Returns True when a clash was newly opened."""
    cid = conflict_id(table, row_id, kolom)
    if not clash:
        conn.execute("DELETE FROM lokal_konflik WHERE id = ?", (cid,))
        return False
    cur = conn.execute(
        "INSERT INTO lokal_konflik (id, tabel, row_id, kolom, jenis, sejak) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (cid, table, row_id, kolom, jenis, utc_now()),
    )
    return cur.rowcount > 0


def delete_clash(
    conn: sqlite3.Connection, table: str, row_id: str, deleted_now: int | None
) -> bool:
    """Is the row deleted by a write concurrent with a kept edit of another of its fields?"""
    if deleted_now != 1:
        return False
    versions = field_versions(conn, table, row_id)
    deletes = [v for v in versions.get("deleted", []) if v.nilai == 1]
    edits = [v for k, vs in versions.items() if k != "deleted" for v in vs]
    if not deletes or not edits:
        return False
    vvs: dict[tuple[str, int], dict[str, int]] = {}

    def key(v: Version) -> tuple[str, int, dict[str, int]]:
        if (v.origin, v.seq) not in vvs:
            vvs[(v.origin, v.seq)] = changelog.get_vv(conn, v.origin, v.seq)
        return (v.origin, v.seq, vvs[(v.origin, v.seq)])

    return any(concurrent(key(d), key(e)) for d in deletes for e in edits)


def _recheck_delete_clash(
    conn: sqlite3.Connection, table: str, row_id: str, deleted_now: int | None
) -> bool:
    return _set_clash(
        conn,
        table,
        row_id,
        DELETE_CLASH_FIELD,
        "hapus",
        delete_clash(conn, table, row_id, deleted_now),
    )


def record_local(
    conn: sqlite3.Connection,
    origin: str,
    seq: int,
    hlc: str,
    ops: Sequence[Sequence[Any]],
    new_rows: Iterable[tuple[str, str]],
) -> None:
    """Keep the merge bookkeeping current for a batch written here (called by the write path).

    A local write has seen everything applied here, so it replaces every sibling of each field it
    writes (and so closes the clashes on those fields).
    """
    rows = collapse(ops)
    created = set(new_rows)
    no = node_no(conn, origin)
    conn.executemany(
        _RECORD_CREATOR,
        _creator_rows(
            (row_id, table, no, seq) for (table, row_id) in rows if (table, row_id) in created
        ),
    )
    updated = [(key, fields) for key, fields in rows.items() if key not in created]
    if not updated:
        return
    conn.executemany(
        "DELETE FROM lokal_versi_kolom WHERE row_id = ? AND tabel = ? AND kolom = ?",
        [(row_id, table, kolom) for (table, row_id), fields in updated for kolom in fields],
    )
    conn.executemany(
        "INSERT INTO lokal_versi_kolom (tabel, row_id, kolom, origin, seq, hlc, nilai) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (table, row_id, kolom, origin, seq, hlc, value)
            for (table, row_id), fields in updated
            for kolom, value in fields.items()
        ],
    )
    if conn.execute("SELECT 1 FROM lokal_konflik LIMIT 1").fetchone() is None:
        return
    for (table, row_id), fields in updated:
        if conn.execute("SELECT 1 FROM lokal_konflik WHERE row_id = ?", (row_id,)).fetchone():
            for kolom in fields:
                _set_clash(conn, table, row_id, kolom, "nilai", False)
            deleted = conn.execute(
                f"SELECT deleted FROM {table} WHERE id = ?", (row_id,)
            ).fetchone()
            _recheck_delete_clash(conn, table, row_id, deleted[0] if deleted else None)


# -- applying a remote batch ----------------------------------------------------------------------


@dataclass
class ApplyStats:
    """What applying batches changed, per table."""

    rekaman: dict[str, dict[str, int]] = field(default_factory=dict)
    konflik_baru: int = 0
    touched: dict[str, set[str]] = field(default_factory=dict)  # table -> row ids
    # table -> row ids whose change may alter an employee's summary (ringkas.affects_summary)
    summary_touched: dict[str, set[str]] = field(default_factory=dict)

    def count(self, table: str, kind: str, n: int = 1) -> None:
        per = self.rekaman.setdefault(table, {"baru": 0, "ubah": 0, "hapus": 0})
        per[kind] += n


class Applier:
    """Applies remote batches inside the caller's transaction, keeping the bookkeeping.

    While an Applier lives, the caller writes the replicated tables only through it: a table
    found empty when the Applier first meets it then holds only the rows the Applier wrote
    (``stats.touched``), so that rows new to it are not looked up one by one (a full package
    into a fresh installation)."""

    def __init__(self, conn: sqlite3.Connection, schema: Mapping[str, Sequence[str]]) -> None:
        self.conn = conn
        self.schema = schema
        self.stats = ApplyStats()
        self._nodes: dict[str, int] = {}
        self._node_ids: dict[int, str] = {}
        self._has_clashes = (
            conn.execute("SELECT 1 FROM lokal_konflik LIMIT 1").fetchone() is not None
        )
        self._started_empty: dict[str, bool] = {}

    def _node_id(self, no: int) -> str:
        if no not in self._node_ids:
            row = self.conn.execute("SELECT node_id FROM lokal_node WHERE no = ?", (no,)).fetchone()
            self._node_ids[no] = row[0]
        return self._node_ids[no]

    def apply(self, batch: RemoteBatch) -> None:
        """Apply one batch whose dependencies are all here (the caller checks)."""
        ops = batch.ops
        if not ops:
            return
        tables, row_ids, fieldses = zip(*ops, strict=True)
        if len(set(zip(tables, row_ids, strict=True))) == len(ops):
            # each row once (a full package): the tables in the order they first appear, each
            # with its rows in the batch's order, as collapse() and the loop below give them
            order = dict.fromkeys(tables)
            for table in order:
                pairs: Iterable[tuple[str, dict[str, Value]]]
                pairs = zip(row_ids, fieldses, strict=True)
                if len(order) > 1:
                    pairs = compress(pairs, map(table.__eq__, tables))
                self._apply_table(batch, table, list(pairs))
            return
        rows = collapse(ops)
        by_table: dict[str, list[tuple[str, dict[str, Value]]]] = {}
        for (table, row_id), fields in rows.items():
            by_table.setdefault(table, []).append((row_id, fields))
        for table, items in by_table.items():
            self._apply_table(batch, table, items)

    def _apply_table(
        self, batch: RemoteBatch, table: str, items: list[tuple[str, dict[str, Value]]]
    ) -> None:
        conn = self.conn
        columns = self.schema[table]  # the importer checked every name against the schema
        touched = self.stats.touched.setdefault(table, set())
        existing: dict[str, sqlite3.Row] = {}
        ids = [row_id for row_id, _ in items]
        if table not in self._started_empty:
            self._started_empty[table] = (
                conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
            )
        # rows of a table that started empty are there only if this Applier wrote them
        lookup = [i for i in ids if i in touched] if self._started_empty[table] else ids
        for chunk in _chunks(lookup):
            marks = ", ".join("?" for _ in chunk)
            for row in conn.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({marks})", list(chunk)
            ):
                existing[row[0]] = row
        no = node_no(conn, batch.origin, self._nodes)
        summary_touched = self.stats.summary_touched.setdefault(table, set())
        touched.update(ids)
        if table == "pegawai":
            summary_touched.update(r for r, fields in items if affects_summary(table, fields))
        elif affects_summary(table, ()):
            summary_touched.update(ids)
        new = items
        if existing:
            new = []
            for row_id, fields in items:
                current = existing.get(row_id)
                if current is None:
                    new.append((row_id, fields))
                else:
                    self._update_row(batch, table, columns, current, fields)
        if not new:
            return
        new_ids, fieldses = zip(*new, strict=True)
        shapes = list(map(tuple, fieldses))
        kinds = set(shapes)
        if any("id" in shape for shape in kinds):  # refused by the importer's checks
            fieldses = tuple({k: v for k, v in f.items() if k != "id"} for f in fieldses)
            shapes = list(map(tuple, fieldses))
            kinds = set(shapes)
        inserts: dict[tuple[str, ...], list[tuple[Value, ...]]] = {}
        if len(kinds) == 1:  # rows of one shape: one statement
            inserts[shapes[0]] = [(r, *f.values()) for r, f in zip(new_ids, fieldses, strict=True)]
        else:
            for shape, r, f in zip(shapes, new_ids, fieldses, strict=True):
                inserts.setdefault(shape, []).append((r, *f.values()))
        self.stats.count(table, "baru", len(new_ids))
        for keys, params in inserts.items():
            names = ", ".join(("id", *keys))
            marks = ", ".join("?" for _ in range(len(keys) + 1))
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", params)
        self._record_created(new_ids, table, no, batch.seq)

    def _record_creators(self, creators: Sequence[tuple[str, str, int, int]]) -> None:
        """Which batch created these rows: (row id, table, node number, seq)."""
        self.conn.executemany(_RECORD_CREATOR, _creator_rows(creators))

    def _record_created(self, row_ids: Sequence[str], table: str, node: int, seq: int) -> None:
        """Rows of one table created by one batch (:meth:`_record_creators` in one pass)."""
        keys = row_keys(row_ids)
        self.conn.executemany(
            _RECORD_CREATOR, zip(keys, repeat(table_key(table)), repeat(node), repeat(seq))
        )

    def _materialise_creator(self, table: str, row_id: str, creator: tuple[str, int]) -> None:
        """Copy the creating write's fields into field versions (a concurrent creation of the
        same row arrived, so the creating write is no longer seen by every later write)."""
        conn = self.conn
        logged = changelog.get_ops(conn, *creator)
        conn.execute(
            "DELETE FROM lokal_asal_baris WHERE row_id = ? AND tabel = ?",
            (row_key(row_id), table_key(table)),
        )
        if logged is None:
            return
        hlc, ops = logged
        fields = collapse(ops).get((table, row_id), {})
        have = {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT kolom FROM lokal_versi_kolom WHERE row_id = ? AND tabel = ?",
                (row_id, table),
            )
        }
        conn.executemany(
            "INSERT INTO lokal_versi_kolom (tabel, row_id, kolom, origin, seq, hlc, nilai) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (table, row_id, kolom, creator[0], creator[1], hlc, value)
                for kolom, value in fields.items()
                if kolom not in have and kolom != "id"
            ],
        )

    def _update_row(
        self,
        batch: RemoteBatch,
        table: str,
        columns: Sequence[str],
        current: sqlite3.Row,
        fields: dict[str, Value],
    ) -> None:
        conn = self.conn
        row_id = str(current[0])
        creator_row = conn.execute(
            "SELECT node, seq FROM lokal_asal_baris WHERE row_id = ? AND tabel = ?",
            (row_key(row_id), table_key(table)),
        ).fetchone()
        if creator_row is not None:
            creator = (self._node_id(int(creator_row[0])), int(creator_row[1]))
            if not seen(batch.vv, batch.origin, batch.seq, *creator):
                self._materialise_creator(table, row_id, creator)
        values = dict(zip(columns, current, strict=True))
        versions = field_versions(conn, table, row_id)
        changes: dict[str, Value] = {}
        for kolom, value in fields.items():
            if kolom == "id":
                continue
            merged = merge(
                versions.get(kolom, []),
                Version(batch.origin, batch.seq, batch.hlc, value),
                batch.vv,
            )
            _set_field_versions(conn, table, row_id, kolom, merged)
            best = shown(merged).nilai
            if value_key(values.get(kolom)) != value_key(best):
                changes[kolom] = best
            clash = is_clash(merged)
            if (clash or self._has_clashes) and _set_clash(
                conn, table, row_id, kolom, "nilai", clash
            ):
                self.stats.konflik_baru += 1
                self._has_clashes = True
        if changes:
            assignments = ", ".join(f"{k} = ?" for k in changes)
            conn.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*changes.values(), row_id]
            )
        deleted_now = changes.get("deleted", values.get("deleted"))
        if changes:
            was = values.get("deleted")
            if deleted_now == 1 and was != 1:
                self.stats.count(table, "hapus")
            else:
                self.stats.count(table, "ubah")
        if (deleted_now == 1 or self._has_clashes) and _recheck_delete_clash(
            conn, table, row_id, int(deleted_now) if deleted_now is not None else None
        ):
            self.stats.konflik_baru += 1
            self._has_clashes = True


def touched_by(conn: sqlite3.Connection, stats: ApplyStats) -> Touched:
    """The employees, units and references that applying batches touched; ``summary_pegawai``
    only those whose summary may change (a phone number does not)."""
    result = Touched()
    for table, ids in stats.touched.items():
        if not ids:
            continue
        if table in ("unit_organisasi", "jabatan"):
            result.units.update(ids)
        elif table.startswith("ref_"):
            result.reference = True
        else:
            result.pegawai.update(_pegawai_of(conn, table, ids))
    for table, ids in stats.summary_touched.items():
        if ids and table not in ("unit_organisasi", "jabatan") and not table.startswith("ref_"):
            result.summary_pegawai.update(_pegawai_of(conn, table, ids))
    return result


def _pegawai_of(conn: sqlite3.Connection, table: str, ids: set[str]) -> set[str]:
    """The employees that rows of ``table`` (a replicated table) belong to."""
    if table == "pegawai":
        return set(ids)
    if "pegawai_id" not in column_types(conn, table):
        return set()
    found: set[str] = set()
    if len(ids) > SCAN_AT:
        # many rows (a full package): one pass over the table beats thousands of lookups
        (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        if count == len(ids):  # every row of the table (``ids`` are rows of it)
            return {
                str(r[0])
                for r in conn.execute(
                    f"SELECT DISTINCT pegawai_id FROM {table} WHERE pegawai_id IS NOT NULL "
                    "AND pegawai_id != ''"
                )
            }
        return {
            str(pegawai_id)
            for row_id, pegawai_id in conn.execute(f"SELECT id, pegawai_id FROM {table}")
            if pegawai_id and row_id in ids
        }
    for chunk in _chunks(sorted(ids)):
        marks = ", ".join("?" for _ in chunk)
        found.update(
            str(r[0])
            for r in conn.execute(
                f"SELECT pegawai_id FROM {table} WHERE id IN ({marks})", list(chunk)
            )
            if r[0]
        )
    return found


def shown_values(conn: sqlite3.Connection) -> dict[tuple[str, str], dict[str, Value]]:
    """For every field written after its row's insert: the value the merge shows (used by the
    integrity check, whose plain replay of the log cannot know which of two concurrent writes
    wins)."""
    versions: dict[tuple[str, str, str], list[Version]] = {}
    for tabel, row_id, kolom, origin, seq, hlc, nilai in conn.execute(
        "SELECT tabel, row_id, kolom, origin, seq, hlc, nilai FROM lokal_versi_kolom"
    ):
        versions.setdefault((tabel, row_id, kolom), []).append(Version(origin, seq, hlc, nilai))
    result: dict[tuple[str, str], dict[str, Value]] = {}
    for (tabel, row_id, kolom), vs in versions.items():
        result.setdefault((tabel, row_id), {})[kolom] = shown(vs).nilai
    return result
