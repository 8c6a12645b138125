"""Sync converges (design/sync.md properties 1-4, 7): a Hypothesis state machine with 2-5 real
installations making random edits, deletes, undeletes, clash resolutions and clock jumps,
exchanging packages (to one peer or all, full or incremental) and importing any package any
number of times in any order. After every step each installation equals a small pure reference
model computed from the batches it holds; at the end, after everyone exchanges everything, all
are equal.

More examples: MERIT_SYNC_EXAMPLES=500 pytest tests/sync/test_convergence.py
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from app.sync import conflicts as cf
from app.sync import importer, package
from tests.helpers.sync import Node, held_batches, make_nodes

TABLE = "unit_organisasi"
FIELDS = ("nama", "singkatan", "alamat")
RECORDS = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"merit-uji-{i}")) for i in range(2)]
VALUES = st.sampled_from(["a", "b", "c"])
YEAR = 365 * 86400


# -- the pure reference model (written independently of app/models/storage/replika.py) -------------


def _saw(w: dict[str, Any], x: dict[str, Any]) -> bool:
    if w["origin"] == x["origin"]:
        return bool(x["seq"] < w["seq"])
    return bool(w["vv"].get(x["origin"], 0) >= x["seq"])


def reference(batches: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], set]:
    """Rows of TABLE and open clashes that the batches imply."""
    writes: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for b in batches:
        last: dict[tuple[str, str, str], Any] = {}
        for table, row_id, fields in b["ops"]:
            for col, value in fields.items():
                last[(table, row_id, col)] = value
        for (table, row_id, col), value in last.items():
            if table == TABLE:
                writes.setdefault((row_id, col), []).append({**b, "value": value})
    frontier = {
        key: [x for x in ws if not any(_saw(w, x) for w in ws if w is not x)]
        for key, ws in writes.items()
    }
    rows: dict[str, dict[str, Any]] = {}
    clashes: set = set()
    for (row_id, col), front in frontier.items():
        best = max(front, key=lambda x: (x["hlc"], x["origin"]))
        rows.setdefault(row_id, {})[col] = best["value"]
        if len({json.dumps(x["value"]) for x in front}) > 1:
            clashes.add((row_id, col))
    for row_id, row in rows.items():
        if row.get("deleted") != 1:
            continue
        deletes = [x for x in frontier.get((row_id, "deleted"), []) if x["value"] == 1]
        edits = [
            x for (r, c), front in frontier.items() if r == row_id and c != "deleted" for x in front
        ]
        if any(
            not _saw(d, e) and not _saw(e, d) and (d["origin"], d["seq"]) != (e["origin"], e["seq"])
            for d in deletes
            for e in edits
        ):
            clashes.add((row_id, "*"))
    return rows, clashes


def actual(node: Node) -> tuple[dict[str, dict[str, Any]], set]:
    rows = {
        r[0]: {"nama": r[1], "singkatan": r[2], "alamat": r[3], "deleted": r[4], "jenis": r[5]}
        for r in node.db.conn.execute(
            f"SELECT id, nama, singkatan, alamat, deleted, jenis FROM {TABLE}"
        )
    }
    clashes = {
        (r[0], r[1])
        for r in node.db.conn.execute(
            "SELECT row_id, kolom FROM lokal_konflik WHERE tabel = ?", (TABLE,)
        )
    }
    return rows, clashes


def expected_rows(ref_rows: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        row_id: {
            "nama": row.get("nama"),
            "singkatan": row.get("singkatan"),
            "alamat": row.get("alamat"),
            "deleted": row.get("deleted", 0),
            "jenis": row.get("jenis"),
        }
        for row_id, row in ref_rows.items()
    }


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="merit-sync-"))
        self.nodes: list[Node] = []
        self.packages: list[tuple[Path, set[int]]] = []

    @initialize(count=st.integers(2, 5))
    def setup(self, count: int) -> None:
        self.nodes = make_nodes(self.folder, count)

    def _exists(self, node: Node, row_id: str) -> bool:
        return (
            node.db.conn.execute(f"SELECT 1 FROM {TABLE} WHERE id = ?", (row_id,)).fetchone()
            is not None
        )

    @rule(i=st.integers(0, 4), rec=st.sampled_from(RECORDS), nama=VALUES)
    def create(self, i: int, rec: str, nama: str) -> None:
        node = self.nodes[i % len(self.nodes)]
        if self._exists(node, rec):
            return
        with node.store.write("buat") as tx:
            tx.insert(TABLE, {"id": rec, "nama": nama, "jenis": "OPD"})

    @rule(i=st.integers(0, 4), rec=st.sampled_from(RECORDS), col=st.sampled_from(FIELDS), v=VALUES)
    def edit(self, i: int, rec: str, col: str, v: str) -> None:
        node = self.nodes[i % len(self.nodes)]
        if self._exists(node, rec):
            with node.store.write("ubah") as tx:
                tx.update(TABLE, rec, {col: v})

    @rule(i=st.integers(0, 4), rec=st.sampled_from(RECORDS), undo=st.booleans())
    def delete(self, i: int, rec: str, undo: bool) -> None:
        node = self.nodes[i % len(self.nodes)]
        if self._exists(node, rec):
            with node.store.write("hapus") as tx:
                if undo:
                    tx.undelete(TABLE, rec)
                else:
                    tx.delete(TABLE, rec)

    @rule(i=st.integers(0, 4), pick=st.integers(0, 10), choice=st.integers(0, 3))
    def resolve(self, i: int, pick: int, choice: int) -> None:
        node = self.nodes[i % len(self.nodes)]
        items = cf.list_conflicts(node.db)
        if not items:
            return
        c = items[pick % len(items)]
        if c.jenis == "hapus":
            value: Any = cf.HAPUS if choice % 2 else cf.PULIHKAN
        elif choice < len(c.nilai):
            value = c.nilai[choice].nilai
        elif all(isinstance(v.nilai, str) for v in c.nilai):
            value = "z"  # a third value of the person's own
        else:
            # an integer column (a bare clash on ``deleted`` when two installations created the
            # same natural-key row and one deleted it): a third value must be a valid integer
            value = max(int(v.nilai or 0) for v in c.nilai)
        cf.resolve(node.db, c.id, value, actor="uji")
        assert c.id not in {x.id for x in cf.list_conflicts(node.db)}

    @rule(i=st.integers(0, 4), days=st.integers(-365, 365))
    def jump_clock(self, i: int, days: int) -> None:
        self.nodes[i % len(self.nodes)].offset[0] = days * 86400.0

    @rule(i=st.integers(0, 4), j=st.integers(0, 4), to_all=st.booleans(), full=st.booleans())
    def export(self, i: int, j: int, to_all: bool, full: bool) -> None:
        n = len(self.nodes)
        src = self.nodes[i % n]
        if to_all:
            targets = {k for k in range(n) if k != i % n}
            out = self.folder / f"p{len(self.packages)}.merit"
            package.export_package(src.db, out, all_peers=True, full=full)
        else:
            k = j % n
            if k == i % n:
                return
            targets = {k}
            out = self.folder / f"p{len(self.packages)}.merit"
            package.export_package(src.db, out, to=self.nodes[k].name, full=full)
        self.packages.append((out, targets))

    @rule(i=st.integers(0, 4), j=st.integers(0, 4))
    def sync_pair(self, i: int, j: int) -> None:
        """Export for one peer and import there at once (makes exchanges frequent)."""
        n = len(self.nodes)
        if i % n == j % n:
            return
        src, dst = self.nodes[i % n], self.nodes[j % n]
        out = self.folder / f"p{len(self.packages)}.merit"
        package.export_package(src.db, out, to=dst.name)
        self.packages.append((out, {j % n}))
        importer.import_package(dst.db, out, clock=dst.clock_fn)

    @precondition(lambda self: bool(self.packages))
    @rule(p=st.integers(0, 1000), pick=st.integers(0, 4))
    def import_(self, p: int, pick: int) -> None:
        path, targets = self.packages[p % len(self.packages)]
        k = sorted(targets)[pick % len(targets)]
        node = self.nodes[k]
        first = importer.import_package(node.db, path, clock=node.clock_fn)
        again = importer.import_package(node.db, path, clock=node.clock_fn)
        assert again.batch_baru == 0 and not again.rekaman  # idempotent, and it says so
        assert again.batch_ganda + again.batch_menunggu >= first.batch_baru

    @invariant()
    def equals_reference(self) -> None:
        for node in self.nodes:
            ref_rows, ref_clashes = reference(held_batches(node.db))
            rows, clashes = actual(node)
            assert rows == expected_rows(ref_rows), node.name
            assert clashes == ref_clashes, node.name

    def teardown(self) -> None:
        try:
            if self.nodes:
                self._exchange_everything()
        finally:
            for node in self.nodes:
                node.db.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _exchange_everything(self) -> None:
        for _ in range(3):
            paths = []
            for i, node in enumerate(self.nodes):
                out = self.folder / f"akhir-{i}.merit"
                package.export_package(node.db, out, all_peers=True, full=True)
                paths.append((i, out))
            for i, out in paths:
                for k, node in enumerate(self.nodes):
                    if k != i:
                        importer.import_package(node.db, out, clock=node.clock_fn)
        self.equals_reference()
        states = [actual(node) for node in self.nodes]
        for node, state in zip(self.nodes, states, strict=True):
            assert state == states[0], node.name
            assert (
                node.db.conn.execute("SELECT count(*) FROM lokal_batch_tunggu").fetchone()[0] == 0
            )
        versi = [
            dict(node.db.conn.execute("SELECT origin, seq FROM lokal_versi").fetchall())
            for node in self.nodes
        ]
        assert all(v == versi[0] for v in versi)


SyncMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("MERIT_SYNC_EXAMPLES", "50")),
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestSync = SyncMachine.TestCase
