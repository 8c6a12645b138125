"""Rough edges of the employee page a clerk hits (issue 14, item 4), driven by keyboard and
mouse: Down/Enter from the search box, the unit filter as a searchable tree, and a new
employee's golongan, jabatan and unit written as the first history rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.models.storage.db import Database
from app.ui.dialogs.employee_detail import EmployeeDetailDialog
from app.ui.dialogs.employee_form import EmployeeFormDialog
from app.ui.pages.employees import EmployeesPage
from app.ui.tasks import TaskRunner
from app.ui.widgets.units import UnitTreeCombo


def test_down_and_enter_from_the_search_box_reach_the_results(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    page.search.setFocus()
    target = page.model.row_data(7)
    assert target is not None
    qtbot.keyClicks(page.search, target["nip"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or page.focusWidget() is page.table
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [0]

    # Enter in the search box opens the (first) person found.
    page.search.setFocus()
    with qtbot.waitSignal(page.detailOpened, timeout=3000) as opened:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    dialog: EmployeeDetailDialog = opened.args[0]
    assert target["nama_lengkap"] in dialog.windowTitle()
    dialog.close()


def test_unit_filter_is_a_tree_narrowed_by_typing(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    assert isinstance(page.unit, UnitTreeCombo)
    qtbot.waitUntil(lambda: not page.units_loading, timeout=20000)  # read in the background
    # A unit below a perangkat daerah is reachable (not only the first level).
    deep = demo_db.conn.execute(
        "SELECT u.id, u.nama FROM unit_organisasi u JOIN unit_organisasi p ON p.id = u.induk_id "
        "JOIN unit_organisasi g ON g.id = p.induk_id WHERE u.deleted = 0 "
        "ORDER BY u.nama LIMIT 1"
    ).fetchone()
    assert deep is not None
    qtbot.mouseClick(page.unit, Qt.MouseButton.LeftButton)
    popup = page.unit.popup
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert popup.tree.model().rowCount() < 60  # the perangkat daerah, folded
    qtbot.keyClicks(popup.filter, deep[1])
    qtbot.keyClick(popup.filter, Qt.Key.Key_Down)
    assert popup.tree.hasFocus() or popup.focusWidget() is popup.tree
    assert popup.tree.currentIndex().data() == deep[1]
    qtbot.keyClick(popup.tree, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert page.unit.currentData() == deep[0]
    assert page.model.filter.unit_id == deep[0]
    # Esc closes the tree without changing the choice.
    qtbot.keyClick(page.unit, Qt.Key.Key_F4)
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClicks(popup.filter, "x")
    qtbot.keyClick(popup.filter, Qt.Key.Key_Escape)
    assert not popup.isVisible() and page.unit.currentData() == deep[0]


def test_new_employee_gets_golongan_jabatan_and_unit_as_first_history(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, actor="uji", runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.formOpened, timeout=3000) as opened:
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    form: EmployeeFormDialog = opened.args[0]
    rows = form.rows
    nip = "198609262015051777"
    qtbot.keyClicks(rows["nip"].editor, nip)
    qtbot.keyClicks(rows["nama"].editor, "Sari Wulandari")
    status = rows["status"].editor
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData("PNS"))
    qtbot.keyClicks(rows["tmt_pns"].editor, "01-05-2016")
    gol = rows["pangkat.golongan_kode"].editor
    assert isinstance(gol, QComboBox)
    gol.setCurrentIndex(gol.findData("III/a"))
    qtbot.keyClicks(rows["pangkat.tmt"].editor, "01-05-2015")
    qtbot.keyClicks(rows["jabatan.nama_jabatan"].editor, "Analis Kepegawaian Ahli Pertama")
    jenis = rows["jabatan.jenis_kode"].editor
    assert isinstance(jenis, QComboBox)
    jenis.setCurrentIndex(jenis.findData("JF"))
    qtbot.keyClicks(rows["jabatan.tmt"].editor, "01-05-2016")
    unit = rows["jabatan.unit_id"].editor
    assert isinstance(unit, UnitTreeCombo)
    unit_id, unit_nama = demo_db.conn.execute(
        "SELECT id, nama FROM unit_organisasi WHERE induk_id IS NOT NULL AND deleted = 0 "
        "ORDER BY nama LIMIT 1"
    ).fetchone()
    qtbot.mouseClick(unit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(unit.popup.filter, unit_nama)
    qtbot.keyClick(unit.popup.filter, Qt.Key.Key_Return)
    assert unit.currentData() == unit_id

    with qtbot.waitSignal(form.saved, timeout=3000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    row = demo_db.conn.execute(
        "SELECT golongan_kode, tmt_golongan, jabatan_nama, tmt_jabatan, unit_id "
        "FROM pegawai_ringkas WHERE nip = ?",
        (nip,),
    ).fetchone()
    assert tuple(row) == (
        "III/a",
        "2015-05-01",
        "Analis Kepegawaian Ahli Pertama",
        "2016-05-01",
        unit_id,
    )
    # One write: the employee and both history rows in the same audit entry.
    (batches,) = demo_db.conn.execute(
        "SELECT count(*) FROM lokal_audit WHERE aksi = 'Menambah pegawai'"
    ).fetchone()
    assert batches == 1
