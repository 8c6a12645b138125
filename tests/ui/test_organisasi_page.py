"""Organisasi & Formasi driven as a clerk would: pick a unit, add a position, read bezetting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.organisasi import jabatan, units
from app.models.storage.db import Database
from app.ui.dialogs.jabatan_form import JabatanFormDialog
from app.ui.dialogs.unit_form import UnitFormDialog
from app.ui.main_window import MainWindow
from app.ui.pages.organisasi import OrganisasiPage
from app.ui.tasks import TaskRunner
from tests.helpers.organisasi import Org


def make_page(qtbot: QtBot, db: Database, runner: TaskRunner) -> OrganisasiPage:
    page = OrganisasiPage(db, runner=runner)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def click_unit(qtbot: QtBot, page: OrganisasiPage, unit_id: str) -> None:
    """Make the unit visible, then click it as a clerk would."""
    assert page.select_unit(unit_id)
    index = page.tree.currentIndex()
    page.tree.clearSelection()
    rect = page.tree.visualRect(index)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.unit_id == unit_id


def wait_bezetting(qtbot: QtBot, page: OrganisasiPage) -> None:
    qtbot.waitUntil(lambda: page.summary.text().startswith("Jumlah:"), timeout=5000)


def table_rows(page: OrganisasiPage) -> dict[str, tuple[int, int, int, int]]:
    return {r.nama: (r.kebutuhan, r.terisi, r.kosong, r.lebih) for r in page.bezetting_model.rows}


def test_models_pass_qt_model_tester(
    qtmodeltester, qtbot: QtBot, db: Database, org: Org, runner: TaskRunner
) -> None:
    page = make_page(qtbot, db, runner)
    click_unit(qtbot, page, org.bidang)
    qtmodeltester.check(page.jabatan_model)
    page.tabs.setCurrentIndex(1)
    wait_bezetting(qtbot, page)
    qtmodeltester.check(page.bezetting_model)
    page.runner.wait()


def test_tree_shows_units_and_selecting_lists_positions(
    qtbot: QtBot,
    db: Database,
    org: Org,
    runner: TaskRunner,
) -> None:
    page = make_page(qtbot, db, runner)
    assert page.tree_model.rowCount() == 1
    click_unit(qtbot, page, org.dinas)
    assert page.unit_title.text() == "Dinas Arsip"
    assert [j.nama for j in page.jabatan_model.rows] == ["Kepala Dinas"]
    click_unit(qtbot, page, org.bidang)
    assert page.unit_title.text() == "Dinas Arsip › Bidang Layanan"
    assert [j.nama for j in page.jabatan_model.rows] == [
        "Kepala Bidang Layanan",
        "Arsiparis Ahli Pertama",
    ]
    other = units.create_unit(db, units.UnitData(nama="Badan Keuangan", jenis="OPD"))
    page.load_tree()
    assert page.tree_model.rowCount() == 2
    qtbot.keyClicks(page.unit_search, "seksi")
    assert page.proxy.rowCount() == 1  # only the branch that leads to the match
    assert page.select_unit(org.seksi)
    assert not page.select_unit(other)


def test_add_position_typing_into_the_form(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner
) -> None:
    page = make_page(qtbot, db, runner)
    click_unit(qtbot, page, org.seksi)
    qtbot.mouseClick(page.add_jabatan_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(JabatanFormDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.nama, "Pranata Komputer Terampil")
    dialog.jenis.setCurrentIndex(dialog.jenis.findData("JF"))
    dialog.jenjang.setCurrentIndex(dialog.jenjang.findData("TERAMPIL"))
    assert not dialog.eselon.isEnabled()  # no eselon for a JF
    assert dialog.gol_min.currentData() == "II/b"  # the level's floor, offered
    qtbot.keyClicks(dialog.kelas, "6")
    dialog.kebutuhan.clear()
    qtbot.keyClicks(dialog.kebutuhan, "-1")
    message = dialog.errors["kebutuhan"]
    assert message.isVisible()
    assert "Kebutuhan (jumlah kursi) harus bilangan bulat 0 atau lebih" in message.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused
    assert "Kebutuhan" in dialog.status.text()
    assert [j.nama for j in jabatan.list_jabatan(db.conn, org.seksi)] == [
        "Pengadministrasi Perkantoran"
    ]
    dialog.kebutuhan.clear()
    qtbot.keyClicks(dialog.kebutuhan, "2")
    assert not message.isVisible()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = {j.nama: j for j in jabatan.list_jabatan(db.conn, org.seksi)}
    new = saved["Pranata Komputer Terampil"]
    assert (new.jenis_kode, new.jenjang_kode, new.kelas_jabatan, new.kebutuhan) == (
        "JF",
        "TERAMPIL",
        6,
        2,
    )
    qtbot.waitUntil(lambda: len(page.jabatan_model.rows) == 2, timeout=3000)
    page.runner.wait()


def test_structural_eselon_must_fit_the_level(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner
) -> None:
    page = make_page(qtbot, db, runner)
    click_unit(qtbot, page, org.bidang)
    dialog = page.add_jabatan()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.jenis.setCurrentIndex(dialog.jenis.findData("JA"))
    dialog.jenjang.setCurrentIndex(dialog.jenjang.findData("PENGAWAS"))
    assert dialog.eselon.isEnabled()
    assert [dialog.eselon.itemData(i) for i in range(dialog.eselon.count())] == [
        None,
        "IV.a",
        "IV.b",
    ]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["nama"].isVisible()
    assert "Nama jabatan wajib diisi" in dialog.status.text()
    dialog.reject()


def test_bezetting_tab_numbers_names_and_filters(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner
) -> None:
    page = make_page(qtbot, db, runner)
    click_unit(qtbot, page, org.dinas)
    page.tabs.setCurrentIndex(1)
    wait_bezetting(qtbot, page)
    assert table_rows(page) == {
        "Kepala Dinas": (1, 1, 0, 0),
        "Kepala Bidang Layanan": (1, 1, 0, 0),
        "Arsiparis Ahli Pertama": (4, 3, 1, 0),
        "Pengadministrasi Perkantoran": (0, 1, 0, 1),
    }
    summary = page.summary.text()
    assert "4 jabatan · kebutuhan 6 · terisi 6 · kosong 1 · lebih 1" in summary
    assert "2 pemangku belum memenuhi syarat" in summary
    model = page.bezetting_model
    row = [r.nama for r in model.rows].index("Arsiparis Ahli Pertama")
    names = model.index(row, 8).data()
    assert set(names.replace(" ⚠", "").split("; ")) == {"Ani", "Budi", "Dewi"}
    assert "Budi ⚠" in names
    page.bezetting_table.selectRow(row)
    holders = {
        page.holders_model.index(i, 0).data(): page.holders_model.index(i, 4).data()
        for i in range(page.holders_model.rowCount())
    }
    assert holders["Ani"] == "memenuhi"
    assert holders["Budi"].startswith("⚠ golongan II/d di bawah minimal III/a")
    assert "3 dari 4 kursi" in page.holders_title.text()

    qtbot.mouseClick(page.only_vacant, Qt.MouseButton.LeftButton)
    assert [r.nama for r in model.rows] == ["Arsiparis Ahli Pertama"]
    assert "(menampilkan 1 dari 4 jabatan)" in page.summary.text()
    qtbot.mouseClick(page.only_vacant, Qt.MouseButton.LeftButton)
    assert len(model.rows) == 4

    qtbot.mouseClick(page.include_sub, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(model.rows) == 1, timeout=5000)
    assert table_rows(page) == {"Kepala Dinas": (1, 1, 0, 0)}
    assert page.bezetting_table.isColumnHidden(7)
    page.runner.wait()


def test_delete_unit_with_people_is_refused_and_empty_unit_is_deleted(
    qtbot: QtBot,
    db: Database,
    org: Org,
    runner: TaskRunner,
) -> None:
    page = make_page(qtbot, db, runner)
    click_unit(qtbot, page, org.bidang)
    box = page.delete_unit()
    assert isinstance(box, QMessageBox)
    assert "tidak dapat dihapus" in box.text() and "sub-unit" in box.text()
    box.close()
    empty = units.create_unit(
        db, units.UnitData(nama="Seksi Kosong", jenis="SEKSI", induk_id=org.bidang)
    )
    page.load_tree(select=empty)
    assert page.unit_id == empty
    box = page.delete_unit()
    assert box is not None and box.objectName() == "konfirmasiHapus"
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.unit_id == org.bidang, timeout=5000)
    assert empty not in {n.id for n in units.unit_tree(db.conn)}
    page.runner.wait()


def test_add_unit_under_selected_and_refuse_cycle(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner
) -> None:
    page = make_page(qtbot, db, runner)
    click_unit(qtbot, page, org.bidang)
    qtbot.mouseClick(page.add_unit_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(UnitFormDialog)
    assert dialog is not None and dialog.induk.currentData() == org.bidang
    qtbot.keyClicks(dialog.nama, "Seksi Arsip Statis")
    dialog.jenis.setCurrentIndex(dialog.jenis.findData("SEKSI"))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.unit_title.text().endswith("Seksi Arsip Statis"), timeout=3000)
    dialog.deleteLater()

    click_unit(qtbot, page, org.dinas)
    edit = page.edit_unit()
    assert edit is not None
    qtbot.addWidget(edit)
    edit.induk.setCurrentIndex(edit.induk.findData(org.seksi))
    assert edit.errors["induk_id"].isVisible()
    assert "Unit induk tidak boleh" in edit.errors["induk_id"].text()
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert edit.isVisible()
    assert units.get_unit(db.conn, org.dinas).induk_id is None
    edit.reject()
    page.runner.wait()


def test_main_window_lists_the_page_after_pegawai(qtbot: QtBot, db: Database, org: Org) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    # After "Pegawai" (the import page may sit between them).
    assert titles.index("Organisasi & Formasi") > titles.index("Pegawai")
    window.nav.setCurrentRow(titles.index("Organisasi & Formasi"))
    assert window.pages.currentWidget() is window.organisasi
    window.runner.wait()
