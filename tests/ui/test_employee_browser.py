"""The employee browser, main window and first-run dialog, driven as a clerk would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from app.i18n import angka, tanggal
from app.models.storage.db import Database
from app.models.storage.instansi import get_setting, is_set_up
from app.ui.application import make_app
from app.ui.dialogs.employee_detail import EmployeeDetailDialog
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.employee_model import EmployeeTableModel
from app.ui.main_window import MainWindow
from app.ui.pages.employees import EmployeesPage
from app.ui.tasks import TaskRunner


def rows_of(page: EmployeesPage) -> list[dict]:
    return [page.model.row_data(i) for i in range(page.model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, demo_db: Database) -> None:
    model = EmployeeTableModel(demo_db)
    model.set_filter(model.filter)
    qtmodeltester.check(model)
    assert model.rowCount() == 300


def test_search_as_you_type_by_name_and_nip(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    everyone = page.model.rowCount()
    assert everyone > 250  # active employees of 300
    target = page.model.row_data(42)
    word = target["nama"].split()[0][:4]
    qtbot.keyClicks(page.search, word)
    qtbot.waitUntil(lambda: page.model.rowCount() < everyone, timeout=3000)
    found = rows_of(page)
    assert target["nip"] in {r["nip"] for r in found}
    assert all(word.casefold() in r["nama_lengkap"].casefold() for r in found)
    assert page.count.text().endswith(f"dari {everyone} pegawai")
    page.search.clear()
    qtbot.keyClicks(page.search, target["nip"][:8] + " " + target["nip"][8:14])
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < everyone, timeout=3000)
    assert all(r["nip"].startswith(target["nip"][:14]) for r in rows_of(page))
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzqqq")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    assert page.count.text().startswith("0 dari")


def test_filters_narrow_the_list(qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.status.setCurrentIndex(page.status.findData("PPPK"))
    rows = rows_of(page)
    assert rows and all(r["status"] == "PPPK" for r in rows)
    page.status.setCurrentIndex(0)
    page.golongan.setCurrentIndex(page.golongan.findText("Golongan IV"))
    rows = rows_of(page)
    assert rows and all(r["golongan"].startswith("IV/") for r in rows)
    page.golongan.setCurrentIndex(0)
    page.jabatan.setCurrentIndex(page.jabatan.findData("JF"))
    assert all(r["jenis_jabatan"] == "JF" for r in rows_of(page))
    page.jabatan.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not page.units_loading, timeout=20000)  # read in the background
    assert page.unit.isEnabled() and page.unit.itemText(0) == "Semua unit"
    index = 1
    page.unit.setCurrentIndex(index)
    opd_name = page.unit.currentText().strip()
    rows = rows_of(page)
    assert all(r["opd"] == opd_name for r in rows)
    qtbot.mouseClick(page.reset, Qt.MouseButton.LeftButton)
    assert page.unit.currentIndex() == 0 and page.model.rowCount() > 250


def test_sorting_by_header_click_happens_in_sql(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(2) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.filter.sort == "golongan"
    from app.models.reference.data import golongan_order

    orders = [golongan_order(r["golongan"]) for r in rows_of(page) if r["golongan"]]
    first = orders[0]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    orders2 = [golongan_order(r["golongan"]) for r in rows_of(page) if r["golongan"]]

    # PNS ranks before PPPK golongan in either direction, each group in the clicked order
    def key_up(o: int) -> tuple[bool, int]:
        return (o >= 100, o)

    def key_down(o: int) -> tuple[bool, int]:
        return (o >= 100, -o)

    assert orders in (sorted(orders, key=key_up), sorted(orders, key=key_down))
    assert orders2 != orders and orders2[0] != first


def test_open_detail_with_enter_shows_every_history(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, actor="uji", runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    page.table.setFocus()
    page.table.selectRow(3)
    assert page.open_button.isEnabled()
    expected = page.model.row_data(3)
    with qtbot.waitSignal(page.detailOpened, timeout=3000) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog: EmployeeDetailDialog = blocker.args[0]
    assert dialog.isVisible()
    assert expected["nama_lengkap"] in dialog.windowTitle()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[0] == "Data pokok"
    assert [t.split(" (")[0] for t in titles[1:]] == [
        "Pangkat",
        "Jabatan",
        "Pendidikan",
        "Diklat",
        "Hukuman disiplin",
        "SKP",
        "KGB",
        "Cuti",
    ]
    pangkat: QTableWidget = dialog.history_tables["pangkat"]
    assert pangkat.rowCount() >= 1
    assert pangkat.item(0, 1).text() == expected["golongan"]
    # the gaji pokok comes from the table and the next KGB from the MKG steps
    form = dialog.tabs.widget(0).findChild(QFormLayout)
    shown = {
        form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text(): form.itemAt(
            i, QFormLayout.ItemRole.FieldRole
        )
        .widget()
        .text()
        for i in range(form.rowCount())
    }
    data = dialog.record.data
    assert shown["Gaji pokok (tabel gaji):"] == (
        f"Rp{angka(data['gaji_pokok'])}" if data["gaji_pokok"] is not None else "-"
    )
    assert shown["KGB berikutnya:"] == (
        tanggal(data["kgb_berikut"]) if data["kgb_berikut"] else shown["KGB berikutnya:"]
    )
    assert shown["KGB berikutnya:"] != ""
    audit = demo_db.conn.execute(
        "SELECT aktor, record_id FROM lokal_audit WHERE aksi = 'Membuka rincian pegawai'"
    ).fetchall()
    assert [tuple(a) for a in audit] == [("uji", expected["id"])]
    dialog.reject()


def test_double_click_opens_detail_once(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    opened: list[EmployeeDetailDialog] = []
    page.detailOpened.connect(opened.append)
    rect = page.table.visualRect(page.model.index(0, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(opened) >= 1, timeout=3000)
    qtbot.wait(50)
    assert len(opened) == 1  # one dialog, not one per signal
    assert page.model.row_data(0)["nama_lengkap"] in opened[0].windowTitle()
    opened[0].reject()


def test_main_window_shows_installation_and_database(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:2] == ["Beranda", "Pegawai"]  # the home screen first
    assert {"Impor data", "Organisasi & Formasi", "Rekap Excel"} <= set(titles)
    assert "Nusa Indah" in window.installation_label.text()
    assert str(demo_db.path) in window.db_label.text()
    assert "Nusa Indah" in window.windowTitle()
    assert "Merit" not in window.windowTitle()  # Qt adds the display name once itself
    window.close()


def test_first_run_start_empty_with_agency_name(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    dialog = FirstRunDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    choice = dialog.empty_choice
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))
    assert dialog.empty_choice.isChecked() and dialog.agency.isEnabled()
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)  # no name yet
    box = dialog.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "Nama instansi wajib diisi" in box.text()
    box.accept()
    assert not is_set_up(db)
    qtbot.keyClicks(dialog.agency, "BKPSDM Kabupaten Sikka")
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert get_setting(db.conn, "nama_instansi") == "BKPSDM Kabupaten Sikka"


def test_first_run_demo_runs_in_background_with_progress(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    dialog = FirstRunDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.employees.setValue(150)
    with qtbot.waitSignal(dialog.accepted, timeout=60000):
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
        assert not dialog.start.isEnabled()  # the window stays alive while it works
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert db.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 150
    runner.wait()


def test_first_run_demo_can_be_cancelled_leaving_nothing(
    qtbot: QtBot, db: Database, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = FirstRunDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.employees.setValue(100_000)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 0, timeout=30000)
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start.isEnabled(), timeout=60000)
    assert "dibatalkan" in dialog.status.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert db.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] == 0
    runner.wait()


def test_screenshots_render(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    image = window.grab()
    # the offscreen screen is 800 px wide: the window (the Beranda first) fits into it
    assert image.width() > 700 and not image.isNull()
    assert image.save(str(tmp_path / "utama.png"))


def test_numbers_in_widgets_are_written_the_indonesian_way(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    make_app()
    dialog = FirstRunDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.employees.setValue(2000)
    assert dialog.employees.text() == "2.000"


def test_broad_lists_show_a_screenful_first_and_the_rest_from_the_background(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, demo_runner: TaskRunner
) -> None:
    from app.models.pegawai import read as emp
    from app.ui import employee_model

    monkeypatch.setattr(emp, "SELECTIVE_MATCHES", 0)  # every list counts as broad here
    monkeypatch.setattr(employee_model, "PAGE", 50)
    monkeypatch.setattr(employee_model, "FIRST_SCREEN", 50)  # the first screenful
    page = EmployeesPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 50 and not page.model.complete
    assert page.count.text() == "Mencari…"
    qtbot.waitUntil(lambda: page.model.complete, timeout=5000)
    everyone = page.model.rowCount()
    assert everyone > 250 and page.count.text() == f"{everyone} pegawai"
    target = page.model.row_data(10)
    word = target["nama"].split()[0]
    with qtbot.waitSignal(page.model.countChanged, timeout=5000):
        page.search.setText("a")  # superseded before its full result can be shown
        page.apply_filter()
        first = rows_of(page)
        assert 0 < len(first) <= 50 and page.count.text() == "Mencari…"
        assert all("a" in r["nama_lengkap"].casefold() for r in first)
        page.search.setText(word)
        page.apply_filter()
    qtbot.waitUntil(lambda: page.model.complete and page.model.filter.search == word)
    page.runner.wait()
    qtbot.wait(50)
    rows = rows_of(page)
    assert rows and all(word.casefold() in r["nama_lengkap"].casefold() for r in rows)
    assert page.model.filter.search == word and "Mencari" not in page.count.text()


def test_pages_are_built_when_first_shown(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "skp" not in window.__dict__ and "rekap" not in window.__dict__  # not at start-up
    window.nav.setCurrentRow(titles.index("Kinerja (SKP)"))
    assert window.pages.currentWidget() is window.__dict__["skp"]
    assert window.pages.count() == len(titles)  # the stand-in was replaced, not added to
    assert window.rekap.objectName() == "halamanRekap"  # built on first use, too
    window.nav.setCurrentRow(titles.index("Pegawai"))
    assert window.pages.currentWidget() is window.employees
    window.runner.wait()
