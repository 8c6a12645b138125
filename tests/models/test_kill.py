"""Killed at any moment: a process doing a spreadsheet import or a backup is stopped with SIGKILL
at random points. Afterwards the database passes ``PRAGMA integrity_check``, the job is wholly
there or wholly absent, the audit chain holds, and the job runs again cleanly.

(Batch decrees: test_kill_dokumen.py; sync imports: tests/sync/test_sync_rules.py; the harness
they share: tests/helpers/kill.py.)
"""

from __future__ import annotations

import random
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.models.access import audit
from app.models.storage import cadangan, cadangan_berkas
from app.models.storage.db import Database
from app.models.storage.instansi import check, setup
from tests.helpers.common import copy_database
from tests.helpers.kill import integrity, job_seconds, kill_at_random_moments, run_child

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


def _facts(path: Path) -> tuple[str, int, int]:
    conn = sqlite3.connect(path)
    try:
        pegawai = conn.execute("SELECT count(*) FROM pegawai").fetchone()[0]
        imports = conn.execute(
            "SELECT count(*) FROM lokal_audit WHERE aktor = 'uji-kill'"
        ).fetchone()[0]
    finally:
        conn.close()
    return integrity(path), int(pegawai), int(imports)


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
    applying = job_seconds(_IMPORT, str(probe), str(source))
    rng = random.Random(6)
    # wholly there (all rows, one audit entry) or wholly absent
    kill_at_random_moments(
        _IMPORT,
        args=lambda _attempt: (str(agency_path), str(source)),
        delays=[0.0] + [rng.uniform(0.0, applying * 0.9) for _ in range(5)],
        state=lambda _attempt: _facts(agency_path),
        before=("ok", 0, 0),
        after=("ok", ROWS, 1),
    )
    db = Database(agency_path)
    try:
        assert audit.verify_chain(db.conn).ok
        if _facts(agency_path)[1] == 0:
            db.close()
            run_child(_IMPORT, str(agency_path), str(source))
            db = Database(agency_path)
        assert _facts(agency_path)[1:] == (ROWS, 1)
        assert audit.verify_chain(db.conn).ok
        assert check(db).ok
    finally:
        db.close()


@pytest.mark.slow
def test_backup_killed_at_random_moments(demo_file: Path, tmp_path: Path) -> None:
    path = copy_database(demo_file, tmp_path / "merit.sqlite3")
    folder = cadangan.backups_folder(path)
    rng = random.Random(7)
    for _ in range(5):
        run_child(_BACKUP, str(path), "3", kill_after=rng.uniform(0.0, 0.3))
        for info in cadangan_berkas.list_backups(folder):  # every named backup is whole
            conn = sqlite3.connect(info.path)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 300
            finally:
                conn.close()
        assert integrity(path) == "ok"
    run_child(_BACKUP, str(path), "1")
    assert not list(folder.glob(".*.tmp"))  # a new backup clears what a killed one left
    assert cadangan_berkas.list_backups(folder)
