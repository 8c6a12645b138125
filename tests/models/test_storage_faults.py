"""Storage faults, simulated: each becomes a clear Indonesian message (what to do, and the newest
backup where it helps), never a traceback, and nothing is half-written."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from app.models.errors import StorageError
from app.models.storage import cadangan, cadangan_berkas
from app.models.storage.db import Database
from app.models.storage.faults import as_storage_error, storage_error, translated_errors
from app.models.storage.instansi import setup
from app.models.storage.store import Store
from tests.helpers.common import copy_database

NOBODY = 65534


def _new(path: Path) -> Database:
    db = Database(path)
    setup(db, "BKPSDM Kota Uji")
    return db


def _count(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM pengaturan").fetchone()[0])


# -- read-only folder --


def _write_as_nobody(path: Path) -> str:
    """Open and write ``path`` in a forked child that runs as 'nobody' (as root, permissions
    are not checked, so a read-only folder cannot be tested in this process); returns what
    the child reports."""
    import sqlite_utils  # noqa: F401  (imported before the fork: the child may not read them)

    import app.models.access.audit
    import app.models.storage.cadangan
    import app.models.storage.ringkas  # noqa: F401

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            report = _try_write(path)
        except BaseException as exc:
            report = f"UNEXPECTED {type(exc).__name__}: {exc}"
        os.write(write, report.encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


def _try_write(path: Path) -> str:
    try:
        db = Database(path)
        with Store(db).write("uji", actor="uji") as tx:
            tx.insert("pengaturan", {"kunci": "ibu_kota", "nilai": "Kupang"})
    except StorageError as exc:
        return f"StorageError: {exc}"
    return "DITULIS"


def test_read_only_folder_gives_a_clear_message() -> None:
    """The folder and file are made read-only, and the write is tried by a user whom the
    permissions bind (as root, chmod is not enforced, so a forked child becomes 'nobody')."""
    base = Path(tempfile.mkdtemp(prefix="merit-ro-"))
    folder = base / "data"
    try:
        db = _new(folder / "merit.sqlite3")
        db.close()
        os.chmod(base, 0o755)
        os.chmod(folder / "merit.sqlite3", 0o444)
        os.chmod(folder, 0o555)
        if os.geteuid() == 0:
            report = _write_as_nobody(folder / "merit.sqlite3")
        else:
            report = _try_write(folder / "merit.sqlite3")
        assert report.startswith("StorageError"), report
        assert "hanya-baca" in report and "izin" in report
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_read_only_connection_error_is_translated(db: Database) -> None:
    setup(db, "BKD Uji")
    uri = f"{db.path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    with pytest.raises(StorageError, match="hanya-baca"), translated_errors(db.path):
        conn.execute("INSERT INTO lokal_meta (kunci, nilai) VALUES ('a', 'b')")
    conn.close()


# -- locked by another process --


def test_locked_database_says_to_close_the_other_program(tmp_path: Path) -> None:
    db = _new(tmp_path / "merit.sqlite3")
    before = _count(db)
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    db.conn.execute("PRAGMA busy_timeout = 100")
    try:
        with pytest.raises(StorageError) as caught, Store(db).write("uji", actor="a") as tx:
            tx.insert("pengaturan", {"kunci": "ibu_kota", "nilai": "Kupang"})
        assert "sedang dipakai" in str(caught.value) and "Tutup Merit" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _count(db) == before
    db.close()


# -- not a database, corrupt --


def test_not_a_database_names_the_newest_backup(tmp_path: Path) -> None:
    path = tmp_path / "merit.sqlite3"
    db = _new(path)
    backup = cadangan.make_backup(db, kind=cadangan.HARIAN)
    db.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.write_bytes(os.urandom(64 * 1024))
    with pytest.raises(StorageError) as caught:
        Database(path)
    message = str(caught.value)
    assert "bukan basis data Merit" in message
    assert str(backup.path) in message and "merit restore" in message


def test_not_a_database_without_backup_says_so(tmp_path: Path) -> None:
    path = tmp_path / "merit.sqlite3"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(StorageError, match="Belum ada cadangan"):
        Database(path)


def _corrupt(path: Path, first: int | None = None, count: int = 8) -> None:
    """Overwrite pages of a real database with garbage (by default some in the middle)."""
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages > 20
    start = pages // 3 if first is None else first
    for p in range(start, min(start + count, pages)):
        data[p * page : (p + 1) * page] = os.urandom(page)
    path.write_bytes(bytes(data))


def test_corrupt_database_is_explained_with_the_backup(demo_file: Path, tmp_path: Path) -> None:
    path = copy_database(demo_file, tmp_path / "merit.sqlite3")
    db = Database(path)
    backup = cadangan.make_backup(db, kind=cadangan.HARIAN)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    roots = [
        r[0]
        for r in db.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name IN ('pegawai', 'pegawai_ringkas')"
        )
    ]
    db.close()
    for root in roots:  # the tables' first pages (page numbers count from 1)
        _corrupt(path, first=root - 1, count=1)
    messages = []
    opened: Database | None = None
    try:
        opened = Database(path)
        conn = opened.conn
        for table in ("pegawai", "riwayat_pangkat", "riwayat_jabatan", "pegawai_ringkas"):
            conn.execute(f"SELECT * FROM {table}").fetchall()
        conn.execute("SELECT * FROM lokal_batch").fetchall()
        pytest.fail("the corruption was not met")  # pragma: no cover
    except StorageError as exc:
        messages.append(str(exc))
    except sqlite3.DatabaseError as exc:
        translated = as_storage_error(exc, path)
        assert translated is not None
        messages.append(str(translated))
    finally:
        if opened is not None:
            opened.close()
    message = messages[0]
    assert "rusak" in message and str(backup.path) in message
    # and the backup brings it back
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    cadangan.restore(path, backup.path)
    db = Database(path)
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_cli_reports_corruption_without_traceback(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli.main import main
    from tests.helpers.common import copy_database

    path = copy_database(demo_file, tmp_path / "merit.sqlite3")
    _corrupt(path, first=1, count=10_000)
    code = main(["--db", str(path), "employees", "list", "--limit", "100000"])
    err = capsys.readouterr().err
    assert code == StorageError.exit_code, err
    assert "rusak" in err and "Traceback" not in err


# -- disk full --


def test_disk_full_writes_nothing_and_says_what_to_do(demo_db: Database) -> None:
    conn = demo_db.conn
    before = conn.execute("SELECT count(*) FROM pegawai").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    rows = [
        {
            "jenis_asn": "PNS",
            "nip": f"19900101202012{i:04d}",
            "nama": "Pegawai " + "x" * 500,
            "tanggal_lahir": "1990-01-01",
            "jenis_kelamin": "L",
            "status_kepegawaian": "PNS",
        }
        for i in range(3000)
    ]
    with (
        pytest.raises((sqlite3.Error, StorageError)) as caught,
        Store(demo_db).write("uji", actor="a") as tx,
    ):
        tx.insert_many("pegawai", rows)
    # Store.write lets the raw error through; the UI (show_error) and the CLI translate it
    message = str(as_storage_error(caught.value, demo_db.path))
    assert "Disk penuh" in message and "Kosongkan" in message
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == before
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_ui_shows_storage_fault_not_a_crash(qtbot: object, tmp_path: Path) -> None:
    from app.ui.widgets.messages import set_database_path, show_error

    set_database_path(tmp_path / "merit.sqlite3")
    box = show_error(None, sqlite3.OperationalError("database or disk is full"))
    try:
        assert "Disk penuh" in box.text()
        assert "Kesalahan tak terduga" not in box.windowTitle()
    finally:
        box.close()
    assert not (Path(os.environ["MERIT_HOME"]) / "log").exists()  # no crash log written


def test_run_app_explains_an_unusable_file(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desktop app shows the message in a dialog (no traceback) and offers the newest
    backup; accepting restores it and opens the database."""
    from PySide6.QtWidgets import QMessageBox

    from app.ui import application

    path = tmp_path / "merit.sqlite3"
    db = _new(path)
    cadangan.make_backup(db, kind=cadangan.HARIAN)
    db.close()
    path.write_bytes(os.urandom(32768))
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        buttons = [b for b in box.buttons() if b.text() == "Pulihkan cadangan terbaru"]
        assert buttons, [b.text() for b in box.buttons()]
        buttons[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    opened = application.open_database(path)
    assert isinstance(opened, Database)
    assert "bukan basis data Merit" in shown[0] and "Traceback" not in shown[0]
    assert opened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    opened.close()


# -- only backups of THIS database are named --


def _at(hour: int) -> datetime:
    return datetime(2026, 11, 22, hour, 0, 0)


def _kantor_and_training(folder: Path) -> tuple[Path, Path, Path]:
    """An office database and a training database side by side (one backup folder): the office
    backed up first, the training database later (its backup is the newest file)."""
    office = folder / "merit.sqlite3"
    db = _new(office)
    office_backup = cadangan.make_backup(db, kind=cadangan.HARIAN, now=_at(9)).path
    db.close()
    training = Database(folder / "pelatihan.sqlite3")
    setup(training, "Diklat Kepegawaian Uji")
    training_backup = cadangan.make_backup(training, kind=cadangan.HARIAN, now=_at(10)).path
    training.close()
    assert cadangan_berkas.list_backups(cadangan.backups_folder(office))[0].path == (
        training_backup
    )
    return office, office_backup, training_backup


def _unreadable(path: Path) -> None:
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.write_bytes(os.urandom(64 * 1024))


def test_the_message_names_this_database_backup_not_the_newest_file(tmp_path: Path) -> None:
    """Issue 12: following the message replaced a 300-employee office database by a
    50-employee training one, whose backup was the newest file of the shared folder."""
    office, office_backup, training_backup = _kantor_and_training(tmp_path)
    _unreadable(office)
    with pytest.raises(StorageError) as caught:
        Database(office)
    message = str(caught.value)
    assert str(office_backup) in message and str(training_backup) not in message


def test_a_backup_of_another_installation_with_the_same_name_is_not_named(
    tmp_path: Path,
) -> None:
    """A file named like a backup of this database, copied in from another installation of
    another agency (newest of all), is not named; the installation id tells them apart."""
    office, office_backup, _ = _kantor_and_training(tmp_path)
    elsewhere = _new(tmp_path / "lain" / "merit.sqlite3")
    setup(elsewhere, "BKPSDM Kabupaten Lain")
    stranger = cadangan.make_backup(
        elsewhere, folder=cadangan.backups_folder(office), kind=cadangan.HARIAN, now=_at(11)
    ).path
    elsewhere.close()
    assert cadangan_berkas.backup_stem(stranger) == "merit"
    _unreadable(office)
    message = str(storage_error(sqlite3.DatabaseError("file is not a database"), office))
    assert str(office_backup) in message and str(stranger) not in message
    assert cadangan_berkas.latest_backup_of(office) == cadangan_berkas.backups_of(office)[0]
    assert [b.path for b in cadangan_berkas.backups_of(office)] == [office_backup]


def test_only_other_databases_backups_name_none(tmp_path: Path) -> None:
    office, office_backup, training_backup = _kantor_and_training(tmp_path)
    office_backup.unlink()
    _unreadable(office)
    with pytest.raises(StorageError) as caught:
        Database(office)
    message = str(caught.value)
    assert "bukan cadangan basis data ini" in message
    assert str(training_backup) not in message and "merit restore" not in message


def test_without_a_known_identity_no_backup_is_named(tmp_path: Path) -> None:
    office, office_backup, _ = _kantor_and_training(tmp_path)
    cadangan_berkas.identity_file(office).unlink()
    _unreadable(office)
    message = str(storage_error(sqlite3.DatabaseError("file is not a database"), office))
    assert str(office_backup) not in message and "bukan cadangan basis data ini" in message


def test_a_damaged_database_still_readable_names_its_backup(tmp_path: Path) -> None:
    """The identity is read from the file itself where it can be (the remembered one is not
    needed)."""
    office, office_backup, training_backup = _kantor_and_training(tmp_path)
    cadangan_berkas.identity_file(office).unlink()
    message = str(storage_error(sqlite3.DatabaseError("database disk image is malformed"), office))
    assert str(office_backup) in message and str(training_backup) not in message


def test_the_agency_set_up_is_remembered_at_once(tmp_path: Path) -> None:
    path = tmp_path / "merit.sqlite3"
    db = Database(path)
    assert cadangan_berkas.recall_identity(path) == cadangan_berkas.Identity(db.node_id, None)
    setup(db, "BKPSDM Kota Uji")
    assert cadangan_berkas.recall_identity(path) == cadangan_berkas.Identity(
        db.node_id, "BKPSDM Kota Uji"
    )
    db.close()
    _unreadable(path)
    assert cadangan.current_agency(path) == "BKPSDM Kota Uji"  # a restore still compares


def test_rotation_of_one_database_keeps_the_other_database_backups(tmp_path: Path) -> None:
    office, office_backup, training_backup = _kantor_and_training(tmp_path)
    db = Database(office)
    cadangan.make_backup(db, kind=cadangan.HARIAN, now=_at(11))  # rotates the office's own
    db.close()
    assert training_backup.exists()
    assert not office_backup.exists()  # the same day: only the office's newest is kept


def test_the_daily_backup_is_due_whatever_other_databases_did(tmp_path: Path) -> None:
    office, office_backup, _ = _kantor_and_training(tmp_path)
    office_backup.unlink()
    # The training database's backup (an hour old) is not ours.
    assert cadangan.backup_due(office, now=_at(11))
