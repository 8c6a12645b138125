"""Forms a clerk fills (issue 14, item 4): a save is confirmed in plain status text, Esc on a
filled form asks before throwing the typing away, Enter in the SKP plan fires no button, and
an admin is told why the rating fields are grey."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.skp import bulk
from app.models.storage.db import Database
from app.ui.dialogs import skp_form as sf
from app.ui.dialogs.employee_detail import EmployeeDetailDialog
from app.ui.dialogs.employee_form import EmployeeFormDialog
from app.ui.dialogs.history_form import HistoryFormDialog
from app.ui.pages.employees import EmployeesPage
from app.ui.pages.skp import SkpPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY
from tests.helpers.skp import build_org, build_people


def _question(form: EmployeeFormDialog) -> QMessageBox:
    box = form.discard_box
    assert box is not None and box.objectName() == "tanyaBuangIsian" and box.isVisible()
    return box


def _press(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_esc_on_a_filled_form_asks_before_discarding(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    page = EmployeesPage(db, actor="uji", runner=runner)
    qtbot.addWidget(page)
    page.show()
    form = page.add_employee()
    assert isinstance(form, EmployeeFormDialog)
    qtbot.waitUntil(form.isVisible)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes at once
    qtbot.waitUntil(lambda: not form.isVisible())

    form = page.add_employee()
    assert isinstance(form, EmployeeFormDialog)
    qtbot.waitUntil(form.isVisible)
    qtbot.keyClicks(form.rows["nama"].editor, "Budi Santoso")
    qtbot.keyClick(form.rows["nama"].editor, Qt.Key.Key_Escape)
    box = _question(form)
    assert form.isVisible()
    _press(qtbot, box, "Kembali ke isian")
    assert form.isVisible() and form.rows["nama"].editor.text() == "Budi Santoso"
    qtbot.keyClick(form.rows["nama"].editor, Qt.Key.Key_Escape)
    _press(qtbot, _question(form), "Buang isian")
    qtbot.waitUntil(lambda: not form.isVisible())


def test_saving_is_confirmed_in_plain_status_text(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    pid = demo_db.conn.execute(
        "SELECT pegawai_id FROM pegawai_ringkas WHERE kedudukan = 'AKTIF' LIMIT 1"
    ).fetchone()[0]
    dialog = EmployeeDetailDialog(demo_db, pid, actor="uji", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.subdialogOpened) as opened:
        qtbot.mouseClick(
            dialog.findChild(type(dialog.edit_button), "tambah_diklat"), Qt.MouseButton.LeftButton
        )
    form = opened.args[0]
    assert isinstance(form, HistoryFormDialog)
    jenis = form.rows["jenis"].editor
    jenis.setCurrentIndex(jenis.findData("TEKNIS"))  # type: ignore[attr-defined]
    qtbot.keyClicks(form.rows["nama"].editor, "Pelatihan Arsip")
    with qtbot.waitSignal(dialog.changed, timeout=3000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Perubahan tersimpan."
    assert "b3261e" not in dialog.status.styleSheet()
    assert "Teknis" in [
        dialog.history_tables["diklat"].item(r, 0).text()  # type: ignore[union-attr]
        for r in range(dialog.history_tables["diklat"].rowCount())
    ]


def test_enter_in_the_skp_plan_fires_no_button_and_grey_ratings_say_why(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    org = build_org(db)
    people = build_people(org)
    page = SkpPage(db, runner=runner, actor=people.operator, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page._loading, timeout=10000)
    skp_id = bulk.create_skp(db, org.ani, TODAY.year, actor="sistem")
    form = page.open_skp(skp_id, actor=people.operator)
    qtbot.waitUntil(form.isVisible)
    fired: list[bool] = []
    form.ganti_button.clicked.connect(lambda: fired.append(True))
    qtbot.mouseClick(form.add_row_button, Qt.MouseButton.LeftButton)
    form.plan.setCurrentCell(0, sf.C_ATASAN)
    form.plan.setFocus()
    qtbot.keyClick(form.plan, Qt.Key.Key_Return)
    assert not fired and form.findChild(QMessageBox, "pesanKesalahan") is None
    # The operator may not rate: the grey fields say who may, and when.
    assert not form.rating_hasil.isEnabled()
    assert not form.rating_note.isHidden() and "pejabat penilai" in form.rating_note.text()
    assert "pejabat penilai" in form.rating_hasil.toolTip()
