"""Two processes at once, and what a killed one leaves: temporary files are per process, a live
process's file is never removed, a dead one's is removed at the next start; backup names are
unique across processes; concurrent writers wait or are told the database is in use."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from app.models.storage import cadangan, cadangan_berkas, sementara
from app.models.storage.db import Database
from app.models.storage.instansi import setup
from app.models.storage.store import Store
from tests.helpers.kill import PAUSED_BACKUP, integrity, start_child

WHEN = "2026-11-22T09:00:00"

# A restore that stops once the backup is copied beside the database (the hidden copy).
_PAUSED_RESTORE = """
import sys, time
from pathlib import Path
from app.models.storage import cadangan
real = cadangan._inspect
def inspect(path, shown):
    print("tersalin", flush=True)
    time.sleep(600)
    return real(path, shown)
cadangan._inspect = inspect
cadangan.restore(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def _agency(path: Path) -> Database:
    db = Database(path)
    setup(db, "BKPSDM Kota Uji")
    return db


def _count(path: Path, table: str = "pengaturan") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


# -- a backup of another process is left alone, and the names differ -----------------------------


def test_a_backup_does_not_remove_another_process_backup_copy(tmp_path: Path) -> None:
    """The cause of "kesalahan disk ... pulihkan dari cadangan" when two imports ran at once:
    the second process's backup removed the first one's temporary copy."""
    path = tmp_path / "merit.sqlite3"
    _agency(path).close()
    go = tmp_path / "lanjut"
    child = start_child(PAUSED_BACKUP, str(path), str(go), WHEN)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "mulai"
        folder = cadangan.backups_folder(path)
        theirs = list(folder.glob(".*.tmp"))
        assert len(theirs) == 1 and f"-{child.pid}-" in theirs[0].name
        db = Database(path)  # opening cleans leftovers: not a live process's file
        try:
            ours = cadangan.make_backup(db, now=datetime.fromisoformat(WHEN))
        finally:
            db.close()
        assert theirs[0].exists()
        go.touch()
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=60)
    assert child.returncode == 0, err
    their_path = Path(out.strip().splitlines()[-1])
    assert their_path != ours.path  # the same second, two processes: two names
    assert sorted(b.path for b in cadangan_berkas.list_backups(folder)) == sorted(
        [ours.path, their_path]
    )
    for backup in (ours.path, their_path):
        assert integrity(backup) == "ok" and _count(backup) == 1
    assert not list(folder.glob(".*"))  # nothing hidden left


def test_two_backups_in_the_same_second_get_two_names(tmp_path: Path) -> None:
    db = _agency(tmp_path / "merit.sqlite3")
    try:
        when = datetime(2026, 11, 22, 9, 0, 0)
        folder = tmp_path / "usb"
        first = cadangan.make_backup(db, folder=folder, now=when)
        # A name reserved by a backup of another process that is still copying.
        (folder / "merit-20261122-090000-manual-2.sqlite3").touch()
        second = cadangan.make_backup(db, folder=folder, now=when)
    finally:
        db.close()
    assert first.path.name == "merit-20261122-090000-manual.sqlite3"
    assert second.path.name == "merit-20261122-090000-manual-3.sqlite3"
    assert [b.path for b in cadangan_berkas.list_backups(folder)] == [second.path, first.path]


# -- a killed restore ---------------------------------------------------------------------------


def test_a_killed_restore_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "merit.sqlite3"
    db = _agency(path)
    backup = cadangan.make_backup(db, folder=tmp_path / "usb")
    with Store(db).write("uji", actor="uji") as tx:
        tx.insert("pengaturan", {"kunci": "ibu_kota", "nilai": "Kupang"})
    db.close()
    for _ in range(2):
        child = start_child(_PAUSED_RESTORE, str(path), str(backup.path))
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "tersalin"
            child.send_signal(signal.SIGKILL)
        finally:
            if child.poll() is None:
                child.kill()
            child.communicate(timeout=60)
    # The second restore removed the first one's copy; its own is left, as a kill leaves it.
    left = list(tmp_path.glob(".merit.sqlite3.pulih*.tmp"))
    assert len(left) == 1 and left[0].stat().st_size > 0
    Database(path).close()  # the next start
    assert not list(tmp_path.glob(".*.tmp"))
    assert integrity(path) == "ok" and _count(path) == 2  # the database as it was


# -- which temporary files are stale ------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_only_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    folder.mkdir()
    host = sementara.host_tag()
    mine = folder / f".merit-x.{host}-{os.getpid()}-0123abcd.tmp"
    dead = folder / f".merit-x.{host}-{_dead_pid()}-0123abcd.tmp"
    other_host = folder / ".merit-x.ffffff-1-0123abcd.tmp"
    if host == "ffffff":  # pragma: no cover - a one in 16 million host
        other_host = folder / ".merit-x.fffffe-1-0123abcd.tmp"
    old_style = folder / ".merit-20261122-090000-manual.sqlite3.1a2b3c4d.tmp"
    old_mine = folder / f".merit-y.{host}-{os.getpid()}-0123abcd.tmp"
    for p in (mine, dead, other_host, old_style, old_mine):
        p.write_bytes(b"x")
    ancient = time.time() - sementara.STALE_AFTER - 60
    os.utime(old_mine, (ancient, ancient))
    removed = sementara.clean_stale(folder, ".*.tmp")
    assert sorted(removed) == sorted([dead, old_style, old_mine])
    assert mine.exists() and other_host.exists()
    os.utime(other_host, (ancient, ancient))
    assert sementara.clean_stale(folder, ".*.tmp") == [other_host]


def test_an_empty_reserved_name_is_not_a_backup_and_goes_when_old(tmp_path: Path) -> None:
    path = tmp_path / "merit.sqlite3"
    _agency(path).close()
    folder = cadangan.backups_folder(path)
    folder.mkdir()
    reserved = folder / "merit-20261122-090000-harian.sqlite3"
    reserved.touch()
    assert cadangan_berkas.list_backups(folder) == []
    assert cadangan_berkas.latest_backup(path) is None
    Database(path).close()
    assert reserved.exists()  # maybe a backup still copying
    ancient = time.time() - sementara.PLACEHOLDER_STALE_AFTER - 60
    os.utime(reserved, (ancient, ancient))
    Database(path).close()
    assert not reserved.exists()


def test_process_alive() -> None:
    assert sementara.process_alive(os.getpid())
    assert not sementara.process_alive(_dead_pid())
    assert not sementara.process_alive(0)


# -- concurrent writers -------------------------------------------------------------------------

_HOLD_WRITE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("terkunci", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_a_writer_waits_for_another_process_writer(tmp_path: Path) -> None:
    db = _agency(tmp_path / "merit.sqlite3")
    child = start_child(_HOLD_WRITE, str(db.path), "1.0")
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "terkunci"
        with Store(db).write("uji", actor="uji") as tx:  # waits (busy timeout), then writes
            tx.insert("pengaturan", {"kunci": "ibu_kota", "nilai": "Kupang"})
        child.communicate(timeout=60)
        assert child.returncode == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=60)
        db.close()
    assert _count(db.path) == 2


@pytest.mark.parametrize("code", ["SQLITE_BUSY", "SQLITE_LOCKED"])
def test_busy_says_in_use_by_another_process(code: str, tmp_path: Path) -> None:
    from app.models.storage.faults import storage_error

    exc = sqlite3.OperationalError("database is locked")
    exc.sqlite_errorname = code  # type: ignore[attr-defined]
    message = str(storage_error(exc, tmp_path / "merit.sqlite3"))
    assert "sedang dipakai proses lain" in message
    assert "kesalahan disk" not in message and "cadangan" not in message


def test_a_killed_backup_check_copy_is_removed_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    left = tmp_path / "tmp" / f"merit-periksa-{sementara.host_tag()}-{_dead_pid()}-0123abcd.tmp"
    live = sementara.check_temp_path()
    for p in (left, live):
        p.write_bytes(b"x" * 100)
    Database(tmp_path / "merit.sqlite3").close()
    assert not left.exists() and live.exists()
