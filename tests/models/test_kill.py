"""Killed at any moment: a process doing a spreadsheet import or a backup is stopped with SIGKILL
at random points. Afterwards the database passes ``PRAGMA integrity_check``, the job is wholly
there or wholly absent, the audit chain holds, and the job runs again cleanly.

(Batch decrees: test_kill_dokumen.py; sync imports: tests/sync/test_sync_rules.py.)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.models.access import audit
from app.models.storage import cadangan
from app.models.storage.db import Database
from app.models.storage.instansi import setup

ROOT = Path(__file__).resolve().parents[2]
ROWS = 3000

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

_IMPORT = """
import sys
from app.models.storage.db import Database
from app.models.impor.apply import apply_import
from app.models.impor.fields import guess_mapping
from app.models.impor.plan import plan_import
from app.models.impor.read import read_source
db = Database(sys.argv[1])
source = read_source(sys.argv[2])
plan = plan_import(db, source, guess_mapping(source.headers))
assert plan.ok, plan.issues[:3]
print("APPLY", flush=True)
apply_import(db, plan, actor="uji-kill")
print("DONE", flush=True)
"""

_BACKUP = """
import sys
from app.models.storage.db import Database
from app.models.storage.cadangan import make_backup
db = Database(sys.argv[1])
print("BACKUP", flush=True)
for _ in range(int(sys.argv[2])):
    make_backup(db, kind="harian")
print("DONE", flush=True)
"""


def _csv(path: Path, rows: int) -> Path:
    lines = ["NIP;Nama;Tanggal Lahir;Jenis Kelamin;Golongan;TMT Golongan;Jabatan"]
    born = date(1975, 1, 1)
    for i in range(rows):
        birth = born + timedelta(days=i * 3)
        nip = f"{birth:%Y%m%d}200501{1 + i % 2}{i % 997 + 1:03d}"
        sex = "L" if i % 2 == 0 else "P"
        lines.append(
            f"{nip};Pegawai Uji {i};{birth.isoformat()};{sex};III/a;2020-01-01;Pengelola Data"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(script: str, *args: str, kill_after: float | None) -> tuple[int, str, float]:
    """Run ``script``; with ``kill_after``, SIGKILL it that many seconds after it starts
    the job (its first line of output). Returns the exit code, the output and the seconds
    from the start of the job to the end of the process."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
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
    out, err = proc.communicate(timeout=300)
    took = time.monotonic() - started
    if kill_after is None:
        assert proc.returncode == 0, err
    return proc.returncode, first + out, took


def _facts(path: Path) -> tuple[str, int, int]:
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        pegawai = conn.execute("SELECT count(*) FROM pegawai").fetchone()[0]
        imports = conn.execute(
            "SELECT count(*) FROM lokal_audit WHERE aktor = 'uji-kill'"
        ).fetchone()[0]
    finally:
        conn.close()
    return integrity, int(pegawai), int(imports)


@pytest.fixture
def agency_path(tmp_path: Path) -> Path:
    path = tmp_path / "merit.sqlite3"
    db = Database(path)
    setup(db, "BKPSDM Kota Uji")
    db.close()
    return path


@pytest.mark.slow
def test_import_killed_at_random_moments(agency_path: Path, tmp_path: Path) -> None:
    source = _csv(tmp_path / "pegawai.csv", ROWS)
    # how long a whole apply takes here, to spread the kills over it
    probe = tmp_path / "probe.sqlite3"
    setup_db = Database(probe)
    setup(setup_db, "Uji")
    setup_db.close()
    _code, _out, applying = _run(_IMPORT, str(probe), str(source), kill_after=None)
    rng = random.Random(6)
    outcomes = set()
    delays = [0.0] + [rng.uniform(0.0, applying * 0.9) for _ in range(5)]
    for delay in delays:
        code, out, _took = _run(_IMPORT, str(agency_path), str(source), kill_after=delay)
        integrity, pegawai, imports = _facts(agency_path)
        assert integrity == "ok"
        done = "DONE" in out
        outcomes.add(done)
        # wholly there (all rows, one audit entry) or wholly absent
        assert (pegawai, imports) in ((0, 0), (ROWS, 1)), (delay, code, out)
        if pegawai:
            break
    assert False in outcomes, "no kill landed before the import finished"
    db = Database(agency_path)
    try:
        assert audit.verify_chain(db.conn).ok
        if _facts(agency_path)[1] == 0:
            db.close()
            _run(_IMPORT, str(agency_path), str(source), kill_after=None)
            db = Database(agency_path)
        assert _facts(agency_path)[1:] == (ROWS, 1)
        assert audit.verify_chain(db.conn).ok
        from app.models.storage.instansi import check

        assert check(db).ok
    finally:
        db.close()


@pytest.mark.slow
def test_backup_killed_at_random_moments(demo_file: Path, tmp_path: Path) -> None:
    from tests.helpers.common import copy_database

    path = copy_database(demo_file, tmp_path / "merit.sqlite3")
    folder = cadangan.backups_folder(path)
    rng = random.Random(7)
    for _ in range(5):
        _run(_BACKUP, str(path), "3", kill_after=rng.uniform(0.0, 0.3))
        for info in cadangan.list_backups(folder):  # every named backup is whole
            conn = sqlite3.connect(info.path)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 300
            finally:
                conn.close()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    _run(_BACKUP, str(path), "1", kill_after=None)
    assert not list(folder.glob(".*.tmp"))  # a new backup clears what a killed one left
    assert cadangan.list_backups(folder)
