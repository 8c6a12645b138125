"""Installations for sync tests: real databases with identities that trust each other."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.models.storage.db import Database
from app.models.storage.store import Store
from app.sync import identity as ident

BASE_TIME = 1_800_000_000.0  # 2027-01-15


@dataclass
class Node:
    name: str
    db: Database
    offset: list[float] = field(default_factory=lambda: [0.0])
    _store: Store | None = None

    def clock(self) -> float:
        return BASE_TIME + self.offset[0]

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db, clock=self.clock)
        return self._store

    @property
    def clock_fn(self) -> Callable[[], float]:
        return self.clock


_TEMPLATE: list[Path] = []


def fresh_database(path: Path) -> Database:
    """A new empty installation (a copy of one migrated template, with its own node id:
    migrating is the slow part of creating a database)."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="merit-template-"))
        template = Database(folder / "template.sqlite3")
        template.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        template.close()
        _TEMPLATE.append(folder / "template.sqlite3")
    with sqlite3.connect(_TEMPLATE[0]) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    db = Database(path)
    db.set_meta("node_id", str(uuid.uuid4()))
    return db


def make_nodes(folder: Path, count: int) -> list[Node]:
    nodes = []
    for i in range(count):
        db = fresh_database(folder / f"node{i}.sqlite3")
        ident.ensure_identity(db, f"Kantor {i}")
        nodes.append(Node(f"Kantor {i}", db))
    for a in nodes:
        for b in nodes:
            if a is not b:
                ident.add_peer(a.db, ident.read_identity(ident.identity_bytes(b.db)), trusted=True)
    return nodes


def file_state(path: Path) -> str:
    """Hash of the database file and its WAL (what "byte-for-byte unchanged" compares)."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        p = Path(str(path) + suffix)
        digest.update(p.read_bytes() if p.exists() else b"<none>")
    return digest.hexdigest()


def held_batches(db: Database) -> list[dict]:
    return [
        {
            "origin": r[0],
            "seq": r[1],
            "hlc": r[2],
            "vv": json.loads(r[3]),
            "ops": json.loads(zlib.decompress(r[4])),
        }
        for r in db.conn.execute("SELECT origin, seq, hlc, vv, ops FROM lokal_batch")
    ]
