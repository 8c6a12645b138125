"""Kenaikan pangkat driven as a clerk would: choose the period, tick two people, propose,
record the pertek in its dialog, issue the SK in the background and see them TERBIT."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.dokumen import register as register_dokumen
from app.models.kp import usulan as kp
from app.models.pegawai.read import get_employee
from app.models.storage.db import Database
from app.ui.pages.kp import KpPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY
from tests.helpers.dokumen import prepare_db
from tests.helpers.kp import PERIODE, TMT, two_due


def row_of(page: KpPage, nip: str) -> int:
    for r in range(page.table.rowCount()):
        if page.table.item(r, 1).text() == nip:
            return r
    raise AssertionError(nip)


def tick(qtbot: QtBot, page: KpPage, nip: str) -> None:
    r = row_of(page, nip)
    page.table.scrollToItem(page.table.item(r, 0))
    rect = page.table.visualItemRect(page.table.item(r, 0))
    qtbot.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 12, rect.center().y()),
    )


def status_of(page: KpPage, nip: str) -> str:
    return page.table.item(row_of(page, nip), 8).text()


def click_ok(qtbot: QtBot, dialog: object) -> None:
    buttons = dialog.buttons  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.finished, timeout=5000):  # type: ignore[attr-defined]
        qtbot.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )


def test_propose_pertek_issue(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    prepare_db(demo_db)
    a, b = (i.nip for i in two_due(demo_db))
    page = KpPage(demo_db, runner=demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: bool(page.items), timeout=10000)
    # choose the period (the list offers the one just passed and the next ones)
    index = page.periode.findData(PERIODE)
    assert index >= 0 and index != page.periode.currentIndex()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.periode.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.current_periode() == PERIODE and page.table.rowCount() > 2)
    assert "Belum memenuhi" in {page.table.item(r, 6).text() for r in range(page.table.rowCount())}

    tick(qtbot, page, a)
    tick(qtbot, page, b)
    assert page.checked_nips() == sorted([a, b], key=lambda n: row_of(page, n))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(page.usul_button, Qt.MouseButton.LeftButton)
    assert status_of(page, a) == "Diusulkan" and status_of(page, b) == "Diusulkan"

    tick(qtbot, page, a)
    tick(qtbot, page, b)
    qtbot.mouseClick(page.pertek_button, Qt.MouseButton.LeftButton)
    dialog = page.pertek_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.nomor, "PT-11/BKN/2026")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        click_ok(qtbot, dialog)
    assert status_of(page, a) == "Pertek BKN"
    assert page.table.item(row_of(page, a), 9).text().startswith("PT-11/BKN/2026")

    tick(qtbot, page, a)
    tick(qtbot, page, b)
    qtbot.mouseClick(page.terbit_button, Qt.MouseButton.LeftButton)
    terbit = page.terbit_dialog
    assert terbit is not None and terbit.gaji.rowCount() == 2
    terbit.folder.setText(str(tmp_path / "sk"))
    # the gaji column stays empty: the gaji pokok comes from the table (PP 5/2024)
    ok = terbit.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Terbitkan 2 SK"
    with qtbot.waitSignal(terbit.finished, timeout=30000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=30000)
    qtbot.waitUntil(lambda: status_of(page, a) == "SK terbit", timeout=10000)
    assert status_of(page, b) == "SK terbit"
    nomor = page.last_result.terbit.nomor  # type: ignore[union-attr]
    assert page.table.item(row_of(page, a), 10).text() in nomor
    assert "Terbit 2 SK" in page.status.text()
    assert (tmp_path / "sk").is_dir() and any((tmp_path / "sk").glob("*.pdf"))
    rec = get_employee(demo_db.conn, a, today=TODAY)
    assert rec.data["tmt_golongan"] == TMT.isoformat()
    assert kp.usulan_pegawai(demo_db.conn, a, PERIODE).status == kp.TERBIT
    assert len(register_dokumen.list_register(demo_db.conn, templat="SK_KP")) == 2
    page.grab().save(str(tmp_path / "kp.png"))
    page.runner.wait()


def test_an_error_keeps_the_issue_dialog_open(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    prepare_db(demo_db)
    a, b = (i.nip for i in two_due(demo_db))
    kp.usulkan(demo_db, PERIODE, [a, b])
    kp.catat_pertek(demo_db, PERIODE, [a, b], "PT-12/BKN/2026", TODAY, today=TODAY)
    page = KpPage(demo_db, runner=demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: bool(page.items), timeout=10000)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.periode.setCurrentIndex(page.periode.findData(PERIODE))
    qtbot.waitUntil(lambda: page.current_periode() == PERIODE and page.table.rowCount() > 2)
    tick(qtbot, page, a)
    tick(qtbot, page, b)
    qtbot.mouseClick(page.terbit_button, Qt.MouseButton.LeftButton)
    terbit = page.terbit_dialog
    assert terbit is not None
    terbit.folder.setText(str(tmp_path / "sk"))
    terbit.set_gaji(0, "empat juta")  # not an amount
    qtbot.mouseClick(
        terbit.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: terbit.problem.isVisible(), timeout=30000)
    assert terbit.isVisible() and page.terbit_dialog is terbit
    assert "empat juta" in terbit.problem.text() or "gaji" in terbit.problem.text().lower()
    assert terbit.gaji.item(0, 2).text() == "empat juta"  # what was typed stays
    assert terbit.ok_button.isEnabled()
    assert status_of(page, a) == "Pertek BKN"
    page.runner.wait()


def test_nothing_ticked_is_refused(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = KpPage(demo_db, runner=demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.items), timeout=10000)
    qtbot.mouseClick(page.usul_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox)
    assert box is not None and "Centang dulu" in box.text()
    box.close()
    page.runner.wait()


def test_the_list_shows_the_kind_of_kp_and_the_reasons(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    """A structural holder at the top of the eselon range shows as KP pilihan struktural with
    the eselon, "Belum memenuhi", and the reason naming the range (issue 13)."""
    page = KpPage(demo_db, runner=demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: bool(page.items), timeout=10000)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.periode.setCurrentIndex(page.periode.findData(PERIODE))
    page.tampil.setCurrentIndex(page.tampil.findData("semua"))
    rows = [
        [page.table.item(r, c).text() for c in range(1, 8)] for r in range(page.table.rowCount())
    ]
    kinds = {row[4].split(" ")[0] for row in rows}
    assert {"Reguler", "Struktural", "Pilihan"} <= kinds
    top = [row for row in rows if "rentang pangkat eselon" in row[6]]
    assert top and all(row[5] == "Belum memenuhi" for row in top)
    for row in top:  # the kind names the eselon, the first reason names its range
        eselon = row[4].removeprefix("Struktural ")
        assert row[6].startswith(f"Melebihi rentang pangkat eselon {eselon} (")
    page.grab().save("/tmp/kp_page.png")
