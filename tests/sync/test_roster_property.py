"""Property: a batch outside its origin's authority is never applied, whatever the order in
which packages arrive, repeated or relayed; the installations that judge it agree."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sync import importer, package
from app.sync import roster as roster_mod
from tests.helpers.roster import exchange, forget_roster, make_agency, setting
from tests.helpers.sync import Node

ACTIONS = ("x", "y", "ref", "nama")  # x: inside the office's unit; the others outside


def _write(node: Node, action: str, value: str, ids: dict[str, str]) -> None:
    with node.store.write(action) as tx:
        if action == "x":
            tx.update("pegawai", ids["x"], {"telepon": value})
        elif action == "y":
            tx.update("pegawai", ids["y"], {"telepon": value})
        elif action == "ref":
            tx.update("ref_golongan", ids["ref"], {"pangkat": value})
        else:
            tx.update("pengaturan", ids["nama"], {"nilai": value})


def _state(node: Node, ids: dict[str, str]) -> tuple[object, ...]:
    conn = node.db.conn
    tel = dict(conn.execute("SELECT id, telepon FROM pegawai").fetchall())
    pangkat = conn.execute("SELECT pangkat FROM ref_golongan WHERE id = ?", (ids["ref"],))
    return tel[ids["x"]], tel[ids["y"]], pangkat.fetchone()[0], setting(node)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(
    actions=st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=5),
    seed=st.integers(0, 2**32 - 1),
)
def test_batch_outside_authority_is_never_applied_in_any_order(
    actions: list[str], seed: int
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="merit-roster-prop-"))
    try:
        _run(folder, actions, random.Random(seed))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(folder: Path, actions: list[str], rnd: random.Random) -> None:
    ag = make_agency(folder)
    bkd, opd, lain = ag.bkd, ag.opd, ag.lain
    roster_mod.set_entry(bkd.db, opd.name, "opd", [ag.unit_x])
    roster_mod.set_entry(bkd.db, lain.name, "bkd-penuh")
    exchange(bkd, opd, folder)
    exchange(bkd, lain, folder)
    ids = {
        "x": ag.pegawai_x,
        "y": ag.pegawai_y,
        "ref": opd.db.conn.execute("SELECT id FROM ref_golongan ORDER BY id LIMIT 1").fetchone()[0],
        "nama": opd.db.conn.execute(
            "SELECT id FROM pengaturan WHERE kunci = 'nama_instansi'"
        ).fetchone()[0],
    }
    before = _state(bkd, ids)
    forget_roster(opd)  # the office writes whatever it likes
    packages: list[tuple[Node, Path]] = []
    for i, action in enumerate(actions):
        _write(opd, action, f"nilai-{i}", ids)
        for dst in (bkd, lain):
            out = folder / f"opd-{dst.name}-{time.monotonic_ns()}.merit"
            package.export_package(opd.db, out, to=dst.name)
            packages.append((dst, out))
    plan = packages + rnd.sample(packages, k=len(packages) // 2)
    rnd.shuffle(plan)
    for dst, path in plan:
        importer.import_package(dst.db, path, clock=dst.clock_fn)
        if rnd.random() < 0.3:
            exchange(lain, bkd, folder)  # relayed through an office with full rights
        for node in (bkd, lain):
            _x, y, ref, nama = _state(node, ids)
            assert (y, ref, nama) == before[1:], "a batch outside authority was applied"
    exchange(lain, bkd, folder)
    exchange(bkd, lain, folder)
    # what the office may write arrives up to its first write outside authority; nothing after
    first_bad = next((i for i, a in enumerate(actions) if a != "x"), len(actions))
    last_x = [i for i, a in enumerate(actions[:first_bad]) if a == "x"]
    expected_x = f"nilai-{last_x[-1]}" if last_x else before[0]
    assert _state(bkd, ids) == _state(lain, ids) == (expected_x, *before[1:])
    for node in (bkd, lain):
        applied = node.db.conn.execute(
            "SELECT count(*) FROM lokal_batch WHERE origin = ?", (opd.db.node_id,)
        ).fetchone()[0]
        assert applied == first_bad
    for node in ag.nodes:
        node.db.close()
