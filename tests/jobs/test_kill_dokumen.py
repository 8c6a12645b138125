"""Killed at any moment: a process issuing a batch of petikan is stopped with SIGKILL at random
points. Afterwards the database passes ``PRAGMA integrity_check``, the batch is wholly there (every
number in the register, every file) or wholly absent (no number consumed), and it runs again
cleanly with numbers that continue without a gap."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.models.dokumen import register as register_dokumen
from app.models.storage.db import Database
from app.models.storage.instansi import check
from tests.helpers.common import copy_database
from tests.helpers.dokumen import pns, prepare_db

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 40

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
    pytest.mark.slow,
]

_ISSUE = """
import sys
from datetime import date
from pathlib import Path
from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen.rancangan import Permintaan
from app.models.storage.db import Database
db = Database(sys.argv[1])
nips = tuple(sys.argv[3].split(","))
req = Permintaan("SK_KP", nips, date(2026, 11, 22), "petikan", nilai={"gaji_pokok": "4.699.300"})
print("ISSUE", flush=True)
dokumen_jobs.issue(db, "uji-kill", dokumen_jobs.IssueRequest(req, Path(sys.argv[2])))
print("DONE", flush=True)
"""


def _run(db_path: Path, out: Path, nips: list[str], kill_after: float | None) -> tuple[str, float]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _ISSUE, str(db_path), str(out), ",".join(nips)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    started = time.monotonic()
    if kill_after is not None and first:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=300)
    if kill_after is None:
        assert proc.returncode == 0, err
    return first + rest, time.monotonic() - started


def _state(db_path: Path) -> tuple[str, list[int]]:
    conn = sqlite3.connect(db_path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        numbers = [
            r[0]
            for r in conn.execute(
                "SELECT nomor_urut FROM register_dokumen WHERE deleted = 0 ORDER BY nomor_urut"
            )
        ]
    finally:
        conn.close()
    return integrity, numbers


def test_batch_of_petikan_killed_at_random_moments(demo_file: Path, tmp_path: Path) -> None:
    path = copy_database(demo_file, tmp_path / "merit.sqlite3")
    db = Database(path)
    prepare_db(db)
    nips = pns(db, PEOPLE, "%")
    db.close()
    probe = copy_database(path, tmp_path / "probe.sqlite3")
    _out, whole = _run(probe, tmp_path / "probe-out", nips, kill_after=None)
    rng = random.Random(11)
    landed = False
    for attempt, delay in enumerate([0.05] + [rng.uniform(0.0, whole * 0.9) for _ in range(4)]):
        out_dir = tmp_path / f"keluar{attempt}"
        output, _took = _run(path, out_dir, nips, kill_after=delay)
        integrity, numbers = _state(path)
        assert integrity == "ok"
        if "DONE" in output or numbers:
            # wholly there: every number and every file
            assert numbers == list(range(1, PEOPLE + 1)), (delay, output)
            assert len(list(out_dir.glob("*.pdf"))) == PEOPLE + 1
            break
        landed = True
        assert numbers == []  # wholly absent: no number consumed
        assert not out_dir.exists() or not list(out_dir.glob("*.pdf"))
    assert landed, "no kill landed before the batch finished"
    before = _state(path)[1]
    _run(path, tmp_path / "lagi", nips, kill_after=None)
    after = _state(path)[1]
    assert after == list(range(1, len(before) + PEOPLE + 1))  # continues without a gap
    db = Database(path)
    try:
        assert check(db).ok
        assert register_dokumen.nomor_ganda(db.conn) == []
        assert len(register_dokumen.list_register(db.conn, templat="SK_KP")) == len(after)
    finally:
        db.close()
