"""Backups: online backup, names, rotation, schedule, restore checks, backup before jobs."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.models.errors import Cancelled, StorageError, ValidationError
from app.models.storage import cadangan, cadangan_berkas, salinan
from app.models.storage.db import Database
from app.models.storage.faults import storage_error
from app.models.storage.instansi import setup
from app.models.storage.store import Store


@pytest.fixture
def agency_db(tmp_path: Path) -> Database:
    path = tmp_path / "kantor" / "merit.sqlite3"
    db = Database(path)
    setup(db, "BKPSDM Kota Uji")
    yield db
    db.close()


def _count(path: Path, table: str = "pegawai") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_backup_is_a_whole_database_with_a_sortable_name(demo_db: Database) -> None:
    when = datetime(2026, 11, 22, 9, 5, 7)
    info = cadangan.make_backup(demo_db, now=when)
    assert info.path.parent == demo_db.path.parent / "cadangan"
    assert info.path.name == "demo-20261122-090507-manual.sqlite3"
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert _count(info.path) == _count(demo_db.path)
    again = cadangan.make_backup(demo_db, now=when)
    assert again.path.name == "demo-20261122-090507-manual-2.sqlite3"
    assert [b.path for b in cadangan_berkas.list_backups(info.path.parent)] == [
        again.path,
        info.path,
    ]
    assert not list(info.path.parent.glob(".*"))  # no temporary files left


def test_manual_backup_to_chosen_folder(agency_db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    info = cadangan.make_backup(agency_db, folder=usb)
    assert info.path.parent == usb and info.kind == "manual"
    assert cadangan.check_backup(info.path).agency == "BKPSDM Kota Uji"


def test_backup_cancel_leaves_nothing(demo_db: Database) -> None:
    with pytest.raises(Cancelled):
        cadangan.make_backup(demo_db, cancelled=lambda: True)
    folder = demo_db.path.parent / "cadangan"
    assert list(folder.iterdir()) == []


def test_rotation_keeps_daily_and_monthly(agency_db: Database) -> None:
    cadangan.set_rotation_settings(agency_db, harian=3, bulanan=2)
    start = datetime(2026, 9, 1, 8, 0)
    made = []
    # two backups a day (scheduled + before an import) for 70 days
    for day in range(70):
        for hour, kind in ((8, cadangan_berkas.HARIAN), (14, cadangan_berkas.SEBELUM_IMPOR)):
            when = start + timedelta(days=day, hours=hour - 8)
            made.append(cadangan.make_backup(agency_db, kind=kind, now=when).path)
    manual = cadangan.make_backup(agency_db, kind=cadangan.MANUAL, now=start)
    kept = cadangan_berkas.list_backups(agency_db.path.parent / "cadangan")
    auto = [b for b in kept if b.rotated]
    days = sorted({b.waktu.date() for b in auto}, reverse=True)
    last = start + timedelta(days=69)
    # newest of each of the last 3 days, plus newest of Oct (month 2); Nov is among the days
    assert [b.waktu for b in auto] == [
        last.replace(hour=14),
        (last - timedelta(days=1)).replace(hour=14),
        (last - timedelta(days=2)).replace(hour=14),
        datetime(2026, 10, 31, 14, 0),
    ]
    assert len(days) == 4
    assert manual.path in [b.path for b in kept]  # manual backups are never rotated
    assert salinan.rotation_settings(agency_db.conn) == (3, 2)


def test_rotation_never_deletes_the_only_backup(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    only = folder / "merit-20200101-000000-harian.sqlite3"
    only.write_bytes(b"x")
    assert salinan.rotate(folder, harian=1, bulanan=1) == []
    assert only.exists()


def test_rotation_settings_are_checked(agency_db: Database) -> None:
    with pytest.raises(ValidationError):
        cadangan.set_rotation_settings(agency_db, harian=0, bulanan=12)


def test_schedule_daily(agency_db: Database) -> None:
    now = datetime(2026, 11, 22, 8, 0)
    first = cadangan.scheduled_backup(agency_db, now=now)
    assert first is not None and first.kind == "harian"
    assert cadangan.scheduled_backup(agency_db, now=now + timedelta(hours=23)) is None
    second = cadangan.scheduled_backup(agency_db, now=now + timedelta(hours=24))
    assert second is not None


def test_no_backup_of_an_empty_database(db: Database) -> None:
    assert cadangan.scheduled_backup(db) is None
    assert cadangan.before_risky_job(db, "impor") is None


def test_backup_before_import(demo_db: Database, tmp_path: Path) -> None:
    from app.cli.main import main

    csv_path = tmp_path / "impor.csv"
    csv_path.write_text(
        "NIP;Nama;Tanggal Lahir;Jenis Kelamin;Golongan;TMT Golongan\n"
        "199001012020121001;Budi Santoso;1990-01-01;L;III/a;2020-12-01\n",
        encoding="utf-8",
    )
    code = main(["--db", str(demo_db.path), "import", "employees", str(csv_path)])
    backups = cadangan_berkas.list_backups(demo_db.path.parent / "cadangan")
    assert [b.kind for b in backups] == ["sebelum-impor"], code
    # the backup holds the state before the import
    assert _count(backups[0].path) == 300


def test_restore_checks_and_keeps_current_aside(agency_db: Database, tmp_path: Path) -> None:
    info = cadangan.make_backup(agency_db, folder=tmp_path / "usb")
    with Store(agency_db).write("Tambah", actor="a") as tx:
        tx.insert("pengaturan", {"kunci": "ibu_kota", "nilai": "Kupang"})
    path = agency_db.path
    agency_db.close()
    result = cadangan.restore(path, info.path, now=datetime(2026, 11, 22, 10, 0))
    assert result.check.agency == "BKPSDM Kota Uji"
    assert result.aside is not None and result.aside.name.endswith("sebelum-pemulihan.sqlite3")
    assert _count(result.aside, "pengaturan") == 2  # the replaced database, kept
    assert _count(path, "pengaturan") == 1  # the restored one
    reopened = Database(path)
    assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()
    assert not list(path.parent.glob(".*.tmp"))


def test_restore_refuses_bad_files(agency_db: Database, tmp_path: Path) -> None:
    path = agency_db.path
    agency_db.close()
    before = path.read_bytes()
    junk = tmp_path / "acak.sqlite3"
    junk.write_bytes(b"bukan basis data " * 500)
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        cadangan.restore(path, junk)
    other = tmp_path / "lain.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ValidationError, match="bukan cadangan basis data Merit"):
        cadangan.restore(path, other)
    with pytest.raises(ValidationError, match="tidak ada"):
        cadangan.restore(path, tmp_path / "tidak-ada.sqlite3")
    with pytest.raises(ValidationError):
        cadangan.restore(path, tmp_path)  # a folder
    assert path.read_bytes() == before


def test_restore_refuses_newer_schema(agency_db: Database, tmp_path: Path) -> None:
    info = cadangan.make_backup(agency_db, folder=tmp_path / "usb")
    conn = sqlite3.connect(info.path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    path = agency_db.path
    agency_db.close()
    with pytest.raises(ValidationError, match="lebih baru"):
        cadangan.restore(path, info.path)


def test_restore_refuses_corrupt_backup(agency_db: Database, tmp_path: Path) -> None:
    info = cadangan.make_backup(agency_db, folder=tmp_path / "usb")
    data = bytearray(info.path.read_bytes())
    page = 4096
    for i in range(2 * page, min(len(data), 6 * page)):
        data[i] = 0x5A
    info.path.write_bytes(bytes(data))
    path = agency_db.path
    agency_db.close()
    with pytest.raises(ValidationError):
        cadangan.restore(path, info.path)


def test_restore_of_other_agency_needs_confirmation(agency_db: Database, tmp_path: Path) -> None:
    other = Database(tmp_path / "lain" / "merit.sqlite3")
    setup(other, "BKD Kabupaten Lain")
    info = cadangan.make_backup(other, folder=tmp_path / "usb")
    other.close()
    path = agency_db.path
    agency_db.close()
    with pytest.raises(cadangan.AgencyMismatch) as caught:
        cadangan.restore(path, info.path)
    assert caught.value.backup_agency == "BKD Kabupaten Lain"
    assert cadangan.current_agency(path) == "BKPSDM Kota Uji"
    cadangan.restore(path, info.path, confirm_other_agency=True)
    assert cadangan.current_agency(path) == "BKD Kabupaten Lain"


def test_restore_refuses_while_database_is_open(agency_db: Database, tmp_path: Path) -> None:
    info = cadangan.make_backup(agency_db, folder=tmp_path / "usb")
    agency_db.conn.execute("SELECT 1")  # still open
    with pytest.raises(StorageError, match="masih dibuka"):
        cadangan.restore(agency_db.path, info.path)
    assert cadangan.current_agency(agency_db.path) == "BKPSDM Kota Uji"


def test_restore_over_a_corrupt_database(agency_db: Database, tmp_path: Path) -> None:
    info = cadangan.make_backup(agency_db, folder=tmp_path / "usb")
    path = agency_db.path
    agency_db.close()
    path.write_bytes(b"\x00rusak" * 1000)
    result = cadangan.restore(path, info.path)
    assert result.aside is not None and result.aside.name.endswith(".rusak")
    assert cadangan.current_agency(path) == "BKPSDM Kota Uji"


def test_storage_error_names_latest_backup(agency_db: Database) -> None:
    info = cadangan.make_backup(agency_db, kind=cadangan_berkas.HARIAN)
    err = storage_error(sqlite3.DatabaseError("database disk image is malformed"), agency_db.path)
    assert str(info.path) in str(err)
