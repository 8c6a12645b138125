"""Migration 6, frozen: chain the audit entries made before it, index them by employee, and
make ``lokal_audit`` append-only.

A copy of what :mod:`app.models.access.audit` did when this migration was released (the entry
hash, the employees a batch touched), so that later changes there cannot change what this
migration does. Never edit it: add a new migration.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from typing import Any

GENESIS = "0" * 64
HEAD_KEY = "audit_kepala"
ENTRY_FIELDS = (
    "no",
    "waktu",
    "aktor",
    "aksi",
    "tabel",
    "record_id",
    "jumlah",
    "batch_origin",
    "batch_seq",
    "keterangan",
)

_BEFORE = (
    "ALTER TABLE lokal_audit ADD COLUMN prev_hash TEXT",
    "ALTER TABLE lokal_audit ADD COLUMN hash TEXT",
    "CREATE TABLE lokal_audit_pegawai (pegawai_id TEXT NOT NULL, audit_no INTEGER NOT NULL, "
    "PRIMARY KEY (pegawai_id, audit_no)) WITHOUT ROWID",
    "CREATE INDEX lokal_audit_aktor ON lokal_audit (aktor)",
)

_TRIGGERS = (
    """CREATE TRIGGER lokal_audit_tanpa_ubah BEFORE UPDATE ON lokal_audit
    BEGIN SELECT RAISE(ABORT, 'jejak audit hanya dapat ditambah, tidak dapat diubah'); END""",
    """CREATE TRIGGER lokal_audit_tanpa_hapus BEFORE DELETE ON lokal_audit
    BEGIN SELECT RAISE(ABORT, 'jejak audit hanya dapat ditambah, tidak dapat dihapus'); END""",
    """CREATE TRIGGER lokal_audit_wajib_sidik BEFORE INSERT ON lokal_audit
    WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
    BEGIN SELECT RAISE(ABORT, 'entri audit ditulis lewat app.models.access.audit.append'); END""",
)


def _entry_hash(entry: dict[str, Any], prev_hash: str) -> str:
    content = {k: entry.get(k) for k in ENTRY_FIELDS}
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode() + b"\n" + prev_hash.encode()).hexdigest()


def _pegawai_tables(conn: sqlite3.Connection) -> frozenset[str]:
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'lokal_%' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return frozenset(
        n
        for n in names
        if any(c[1] == "pegawai_id" for c in conn.execute(f"PRAGMA table_info({n})"))
    )


def _pegawai_in_batch(conn: sqlite3.Connection, origin: str, seq: int) -> set[str]:
    found: set[str] = set()
    lookups: dict[str, set[str]] = {}
    row = conn.execute(
        "SELECT ops FROM lokal_batch WHERE origin = ? AND seq = ?", (origin, seq)
    ).fetchone()
    if row is None:
        return found
    for table, row_id, fields in json.loads(zlib.decompress(row[0])):
        if table == "pegawai":
            found.add(str(row_id))
        elif isinstance(fields, dict) and fields.get("pegawai_id"):
            found.add(str(fields["pegawai_id"]))
        elif not str(table).startswith(("ref_", "unit_", "jabatan", "pengaturan")):
            lookups.setdefault(str(table), set()).add(str(row_id))
    if lookups:
        with_pegawai = _pegawai_tables(conn)
        for table, ids in lookups.items():
            if table not in with_pegawai:
                continue
            id_list = sorted(ids)
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                for (pid,) in conn.execute(
                    f"SELECT pegawai_id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ):
                    if pid:
                        found.add(str(pid))
    return found


def apply(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction."""
    for statement in _BEFORE:
        conn.execute(statement)
    cur = conn.execute(
        f"SELECT {', '.join(ENTRY_FIELDS)}, prev_hash, hash FROM lokal_audit ORDER BY no"
    )
    names = [d[0] for d in cur.description]
    entries = [dict(zip(names, row, strict=True)) for row in cur]
    prev_hash = GENESIS
    last_no = 0
    index: list[tuple[str, int]] = []
    for entry in entries:
        # Entries are renumbered 1, 2, 3, ... only if the old table had gaps (it never
        # deleted, so it has none); the chain starts at the first.
        digest = _entry_hash(entry, prev_hash)
        conn.execute(
            "UPDATE lokal_audit SET prev_hash = ?, hash = ? WHERE no = ?",
            (prev_hash, digest, entry["no"]),
        )
        pids: set[str] = set()
        if entry["tabel"] == "pegawai" and entry["record_id"]:
            pids.add(str(entry["record_id"]))
        if entry["batch_origin"] is not None and entry["batch_seq"] is not None:
            pids |= _pegawai_in_batch(conn, str(entry["batch_origin"]), int(entry["batch_seq"]))
        index += [(pid, int(entry["no"])) for pid in pids]
        prev_hash, last_no = digest, int(entry["no"])
    conn.executemany(
        "INSERT OR IGNORE INTO lokal_audit_pegawai (pegawai_id, audit_no) VALUES (?, ?)", index
    )
    if last_no:
        conn.execute(
            "INSERT INTO lokal_meta (kunci, nilai) VALUES (?, ?) "
            "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
            (HEAD_KEY, f"{last_no}:{prev_hash}"),
        )
    for statement in _TRIGGERS:
        conn.execute(statement)
