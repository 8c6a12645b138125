"""``merit backup [--out DIR]``, ``merit backup list``, ``merit restore FILE [--yes]``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.storage import cadangan
from app.models.storage.db import Database
from app.models.storage.instansi import setup


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_backup_list_and_restore(tmp_path: Path) -> None:
    path = tmp_path / "data" / "merit.sqlite3"
    db = Database(path)
    setup(db, "BKPSDM Kota Uji")
    db.close()
    code, out = _run("--db", str(path), "backup")
    assert code == 0 and "Cadangan dibuat" in out
    usb = tmp_path / "usb"
    code, out = _run("--db", str(path), "backup", "--out", str(usb))
    assert code == 0 and str(usb) in out
    code, out = _run("--db", str(path), "backup", "list")
    assert code == 0 and "manual" in out and "1 cadangan" in out
    backup = next(usb.glob("*.sqlite3"))
    code, out = _run("--db", str(path), "restore", str(backup))
    assert code == 0, out
    assert "Dipulihkan" in out and "sebelum-pemulihan" in out
    assert cadangan.current_agency(path) == "BKPSDM Kota Uji"


def test_restore_other_agency_needs_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = tmp_path / "kami" / "merit.sqlite3"
    theirs = tmp_path / "lain" / "merit.sqlite3"
    for path, name in ((ours, "BKD Kota A"), (theirs, "BKD Kabupaten B")):
        db = Database(path)
        setup(db, name)
        db.close()
    _run("--db", str(theirs), "backup", "--out", str(tmp_path / "usb"))
    backup = next((tmp_path / "usb").glob("*.sqlite3"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out = _run("--db", str(ours), "restore", str(backup))
    assert code == 6 and "BKD Kabupaten B" in capsys.readouterr().err
    assert cadangan.current_agency(ours) == "BKD Kota A"
    code, _out = _run("--db", str(ours), "restore", str(backup), "--yes")
    assert code == 0 and cadangan.current_agency(ours) == "BKD Kabupaten B"


def test_restore_refuses_junk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "merit.sqlite3"
    db = Database(path)
    setup(db, "BKD Uji")
    db.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"x" * 5000)
    code, _ = _run("--db", str(path), "restore", str(junk))
    assert code == 2 and "tidak dapat dibaca" in capsys.readouterr().err


def test_backup_of_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run("--db", str(tmp_path / "tidak-ada.sqlite3"), "backup")
    assert code == 1 and "belum ada" in capsys.readouterr().err
