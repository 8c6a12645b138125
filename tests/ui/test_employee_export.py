"""Exporting the employee list as shown (with its filters) to .xlsx, driven as a clerk would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.jobs import pegawai as pegawai_job
from app.models.storage.db import Database
from app.reports.excel.pegawai import HEADER_ROW
from app.ui.pages.employees import EmployeesPage
from app.ui.tasks import TaskRunner


def shown(page: EmployeesPage) -> list[dict[str, Any]]:
    return [page.model.row_data(i) for i in range(page.model.rowCount())]


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent: object, caption: str, directory: str, filter: str) -> tuple[str, str]:
        asked.append(filter)
        return str(path), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_export_with_filter_matches_the_list_shown(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    page = EmployeesPage(demo_db, actor="operator1", runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    page.status.setCurrentIndex(page.status.findData("PNS"))
    page.golongan.setCurrentIndex(page.golongan.findText("Golongan III"))
    rows = shown(page)
    assert 0 < len(rows) < 250
    target = tmp_path / "daftar golongan III"  # the clerk leaves out the extension
    asked = answer_save_dialog(monkeypatch, target)
    with qtbot.waitSignal(page.exported, timeout=20000) as blocker:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        assert not page.export_button.isEnabled()  # working in the background
    path, n = blocker.args[0]
    assert "*.xlsx" in asked[0]
    assert path == target.with_suffix(".xlsx") and path.exists()
    assert n == len(rows)
    assert page.export_button.isEnabled() and not page.export_progress.isVisible()
    assert page.export_status.text() == f"{n} pegawai diekspor ke daftar golongan III.xlsx"

    ws = openpyxl.load_workbook(path).active
    assert ws["A2"].value == (  # the filter in words
        "Golongan III/a, III/b, III/c, III/d; status PNS; kedudukan aktif"
    )
    headers = [c.value for c in ws[HEADER_ROW]]
    body = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [(r[0], r[1]) for r in body] == [(r["nip"], r["nama_lengkap"]) for r in rows]
    gol = headers.index("Golongan")
    assert [r[gol] for r in body] == [r["golongan"] for r in rows]
    assert all(r[gol].startswith("III/") for r in body)
    assert {r[headers.index("Status kepegawaian")] for r in body} == {"PNS"}
    audit = demo_db.conn.execute(
        "SELECT aktor, keterangan FROM lokal_audit WHERE aksi = 'Mengekspor daftar pegawai'"
    ).fetchall()
    assert len(audit) == 1 and audit[0][0] == "operator1"
    assert audit[0][1].startswith(f"{n} pegawai;")
    demo_runner.wait()


def test_export_follows_the_sort_and_search(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.model.sort(2, Qt.SortOrder.AscendingOrder)  # by golongan, highest first
    qtbot.keyClicks(page.search, "a")
    page.apply_filter()
    rows = shown(page)
    answer_save_dialog(monkeypatch, tmp_path / "urut.xlsx")
    with qtbot.waitSignal(page.exported, timeout=20000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    ws = openpyxl.load_workbook(tmp_path / "urut.xlsx").active
    nips = [r[0] for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert nips == [r["nip"] for r in rows]
    page.runner.wait()


def test_cancel_export_leaves_no_file_and_no_audit(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    def many_rows(conn: object, flt: object) -> tuple[list[str], Iterator[list[Any]]]:
        return ["NIP", "Nama"], ([f"{i:018d}", f"Pegawai {i}"] for i in range(2_000_000))

    monkeypatch.setattr(pegawai_job, "employee_export_rows", many_rows)
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    target = tmp_path / "batal.xlsx"
    answer_save_dialog(monkeypatch, target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_progress.value() > 0, timeout=20000)
    assert page.export_cancel.isVisible()
    qtbot.mouseClick(page.export_cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=20000)
    assert page.export_status.text() == "Ekspor dibatalkan."
    assert not target.exists() and list(tmp_path.glob("*.xlsx*")) == []
    count = demo_db.conn.execute(
        "SELECT count(*) FROM lokal_audit WHERE aksi = 'Mengekspor daftar pegawai'"
    ).fetchone()[0]
    assert count == 0
    page.runner.wait()


def test_export_screenshot(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.export_status.setText("224 pegawai diekspor ke daftar-pegawai.xlsx")
    assert page.grab().save(str(tmp_path / "pegawai-ekspor.png"))
