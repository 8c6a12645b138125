"""Killed at any moment: a process issuing a batch of petikan is stopped with SIGKILL at random
points. Afterwards the database passes ``PRAGMA integrity_check``, the batch is wholly there (every
number in the register, every file) or wholly absent (no number consumed), and it runs again
cleanly with numbers that continue without a gap."""

from __future__ import annotations

import random
import sqlite3
import sys
from pathlib import Path

import pytest

from app.models.dokumen import register as register_dokumen
from app.models.storage.db import Database
from app.models.storage.instansi import check
from tests.helpers.common import copy_database
from tests.helpers.dokumen import pns, prepare_db
from tests.helpers.kill import integrity, job_seconds, kill_at_random_moments, run_child

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
req = Permintaan("SK_UJI", nips, date(2026, 11, 22), "petikan")
print("ISSUE", flush=True)
dokumen_jobs.issue(db, "uji-kill", dokumen_jobs.IssueRequest(req, Path(sys.argv[2])))
print("DONE", flush=True)
"""


def _numbers(db_path: Path) -> list[int]:
    conn = sqlite3.connect(db_path)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT nomor_urut FROM register_dokumen WHERE deleted = 0 ORDER BY nomor_urut"
            )
        ]
    finally:
        conn.close()


def _state(db_path: Path, out_dir: Path) -> tuple[str, list[int], int]:
    """Integrity, the numbers in the register, the PDFs written."""
    pdfs = len(list(out_dir.glob("*.pdf"))) if out_dir.exists() else 0
    return integrity(db_path), _numbers(db_path), pdfs


def test_batch_of_petikan_killed_at_random_moments(demo_file: Path, tmp_path: Path) -> None:
    path = copy_database(demo_file, tmp_path / "merit.sqlite3")
    db = Database(path)
    prepare_db(db)
    nips = pns(db, PEOPLE, "%")
    db.close()
    probe = copy_database(path, tmp_path / "probe.sqlite3")
    whole = job_seconds(_ISSUE, str(probe), str(tmp_path / "probe-out"), ",".join(nips))
    rng = random.Random(11)

    def out_dir(attempt: int) -> Path:
        return tmp_path / f"keluar{attempt}"

    kill_at_random_moments(
        _ISSUE,
        args=lambda attempt: (str(path), str(out_dir(attempt)), ",".join(nips)),
        delays=[0.05] + [rng.uniform(0.0, whole * 0.9) for _ in range(4)],
        state=lambda attempt: _state(path, out_dir(attempt)),
        # wholly absent (no number consumed, no file) or wholly there (every number and file)
        before=("ok", [], 0),
        after=("ok", list(range(1, PEOPLE + 1)), PEOPLE + 1),
    )
    before = _numbers(path)
    run_child(_ISSUE, str(path), str(tmp_path / "lagi"), ",".join(nips))
    after = _numbers(path)
    assert after == list(range(1, len(before) + PEOPLE + 1))  # continues without a gap
    db = Database(path)
    try:
        assert check(db).ok
        assert register_dokumen.nomor_ganda(db.conn) == []
        assert len(register_dokumen.list_register(db.conn, templat="SK_UJI")) == len(after)
    finally:
        db.close()
