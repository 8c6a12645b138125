"""The Rekap Excel page, driven as a clerk would: choose a recap, a unit, save, read it back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.jobs import rekap as job
from app.models.storage.db import Database
from app.ui.pages.rekap import RecapPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY


def make_page(qtbot: QtBot, db: Database, runner: TaskRunner) -> RecapPage:
    page = RecapPage(db, runner=runner, actor="uji", today=TODAY)
    qtbot.addWidget(page)
    page.show()
    return page


def choose(page: RecapPage, kind: str) -> None:
    page.jenis.setCurrentIndex(page.jenis.findData(kind))


def test_duk_for_one_unit_is_written_in_the_background(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, demo_runner)
    choose(page, "duk")
    assert page.tanggal.isVisible() and not page.periode.isVisible()
    page.unit.setCurrentIndex(1)
    unit_name = page.unit.currentText().strip()
    target = tmp_path / "duk.xlsx"
    with qtbot.waitSignal(page.written, timeout=30000) as blocker:
        page.write_to(target)
        assert not page.save_button.isEnabled()  # busy while it writes
    path, n = blocker.args[0]
    assert path == target and page.save_button.isEnabled()
    assert "duk.xlsx" in page.status.text()
    ws = load_workbook(target).active
    texts = [str(c.value) for row in ws.iter_rows(max_row=6) for c in row if c.value]
    assert any("DAFTAR URUT KEPANGKATAN" in t for t in texts)
    assert any(unit_name in t for t in texts)
    audit = demo_db.conn.execute(
        "SELECT aktor FROM lokal_audit WHERE aksi = 'Ekspor rekap duk'"
    ).fetchall()
    assert [a[0] for a in audit] == ["uji"]
    assert n > 0


def test_kp_period_is_asked_and_a_wrong_one_is_refused(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, demo_runner)
    choose(page, "kp")
    assert page.periode.isVisible() and page.semua.isVisible() and not page.tahun.isVisible()
    assert page.periode.text()  # the next KP period is proposed
    page.periode.clear()
    qtbot.keyClicks(page.periode, "2027-13")
    target = tmp_path / "kp.xlsx"
    page.write_to(target)
    qtbot.waitUntil(
        lambda: page.findChild(QMessageBox, "pesanKesalahan") is not None, timeout=30000
    )
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert "2027-13" in box.text()
    box.accept()
    assert not target.exists() and page.save_button.isEnabled()


def test_year_based_recaps_use_the_year(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, demo_runner)
    choose(page, "kgb")
    assert page.tahun.isVisible() and not page.tanggal.isVisible()
    page.tahun.setValue(2027)
    assert page.request(tmp_path / "x.xlsx").tahun == 2027
    with qtbot.waitSignal(page.written, timeout=30000):
        page.write_to(tmp_path / "kgb.xlsx")
    texts = [
        str(c.value)
        for row in load_workbook(tmp_path / "kgb.xlsx").active.iter_rows(max_row=6)
        for c in row
        if c.value
    ]
    assert any("2027" in t for t in texts)


def test_cancel_leaves_no_file(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    real_duk = job.duk.duk

    def slow_duk(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for row in real_duk(*args, **kwargs):
            time.sleep(0.01)
            yield row

    monkeypatch.setattr(job.duk, "duk", slow_duk)
    monkeypatch.setattr(job, "PROGRESS_EVERY", 1)
    page = make_page(qtbot, demo_db, demo_runner)
    choose(page, "duk")
    out = tmp_path / "keluaran"
    out.mkdir()
    target = out / "batal.xlsx"
    page.write_to(target)
    page.cancel()
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=30000)
    assert "dibatalkan" in page.status.text()
    assert not target.exists()
    assert list(out.iterdir()) == []  # no temporary file left either


def test_request_carries_what_was_chosen(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, demo_runner)
    choose(page, "pensiun")
    page.kertas.setCurrentIndex(page.kertas.findData("F4"))
    req = page.request(tmp_path / "p.xlsx")
    assert req.jenis == "pensiun" and req.kertas == "F4" and req.on == TODAY
    assert req.unit_id is None and req.periode is None and req.tahun is None
    assert isinstance(req.on, date)


def test_written_file_can_be_opened_and_the_default_name_has_the_date(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    demo_runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 14 item 3: no date in the default file name, no way to open what was written."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices

    page = make_page(qtbot, demo_db, demo_runner)
    choose(page, "duk")
    assert page.default_name() == f"DUK-{TODAY.isoformat()}.xlsx"
    choose(page, "kgb")
    assert page.default_name() == f"KGB-{TODAY.year}.xlsx"
    choose(page, "duk")
    assert not page.open_button.isVisible()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    target = tmp_path / page.default_name()
    with qtbot.waitSignal(page.written, timeout=30000):
        page.write_to(target)
    assert page.open_button.isVisible() and page.open_button.text() == "Buka berkas"
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target)]
