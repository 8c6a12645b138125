"""Migration 19, frozen: the roster tables, and who the agency's root is in a database made
before them.

The root of an existing agency is the installation that created it: the origin of the earliest
write (by clock, then node id) that created the agency-name setting, among the creating writes
this database knows (``lokal_asal_baris`` and, where two installations created it each, the
field versions of ``kunci``). Installations that already sync hold the same writes, so they name
the same root. The agency id is derived from the root's node id (UUIDv5), the same everywhere.
An installation that finds itself the creator while no peer has acknowledged that write has not
synced yet: nothing is decided for it (it may still join another agency).

On the root, the nodes that get full rights in the first roster are noted (every trusted peer
and every origin whose batches are held here), so that nothing breaks for offices already
syncing; the roster itself is built and signed by ``app/sync/roster.py`` when it is first needed
(the signing key may not exist yet). Never edit this module: add a new migration.
"""

from __future__ import annotations

import json
import sqlite3
import uuid

from app.models.storage.migrations.steps import run_sql_file

NAMESPACE = uuid.UUID("6f0b7a52-3f7e-4b8a-9a51-5d2c0e4f1a10")  # Merit's own UUIDv5 namespace


def _natural_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def agency_id(root_node: str) -> str:
    return _natural_id("instansi", root_node)


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT nilai FROM lokal_meta WHERE kunci = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO lokal_meta (kunci, nilai) VALUES (?, ?) "
        "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
        (key, value),
    )


def creator(conn: sqlite3.Connection) -> tuple[str, int] | None:
    """(origin, seq) of the earliest creating write of the agency-name setting, or None."""
    row_id = _natural_id("pengaturan", "nama_instansi")
    candidates: set[tuple[str, int]] = set()
    for origin, seq in conn.execute(
        "SELECT n.node_id, a.seq FROM lokal_asal_baris a JOIN lokal_node n ON n.no = a.node "
        "WHERE a.row_id = ? AND a.tabel = 'pengaturan'",
        (row_id,),
    ):
        candidates.add((str(origin), int(seq)))
    for origin, seq in conn.execute(
        "SELECT origin, seq FROM lokal_versi_kolom WHERE row_id = ? AND tabel = 'pengaturan' "
        "AND kolom = 'kunci'",
        (row_id,),
    ):
        candidates.add((str(origin), int(seq)))
    timed = []
    for origin, seq in candidates:
        hlc = conn.execute(
            "SELECT hlc FROM lokal_batch WHERE origin = ? AND seq = ?", (origin, seq)
        ).fetchone()
        if hlc is not None:
            timed.append((str(hlc[0]), origin, seq))
    if not timed:
        return None
    _, origin, seq = min(timed)
    return origin, seq


def _acknowledged(conn: sqlite3.Connection, node: str, seq: int) -> bool:
    """Has a peer sent a package showing that it holds this installation's batch ``seq``?"""
    for (vv,) in conn.execute("SELECT vv_diakui FROM lokal_peer"):
        try:
            if int(json.loads(vv).get(node, 0)) >= seq:
                return True
        except (ValueError, TypeError, AttributeError):
            continue
    return False


def apply(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0019_roster.sql")
    found = creator(conn)
    node = _meta(conn, "node_id")
    if found is None or node is None:
        return
    root, seq = found
    if root == node and not _acknowledged(conn, node, seq):
        # Not synced yet (no peer has this installation's agency): it may still join another
        # agency; it becomes root when it first signs a roster.
        return
    _set_meta(conn, "instansi_id", agency_id(root))
    _set_meta(conn, "roster_root_harapan", root)
    if root != node:
        return
    nodes = {
        str(r[0]) for r in conn.execute("SELECT node_id FROM lokal_peer WHERE dipercaya = 1")
    } | {
        str(r[0])
        for r in conn.execute(
            "SELECT v.origin FROM lokal_versi v JOIN lokal_peer p ON p.node_id = v.origin "
            "WHERE v.seq > 0"
        )
    }
    nodes.discard(node)
    _set_meta(conn, "roster_warisan", json.dumps(sorted(nodes)))
