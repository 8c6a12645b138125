"""Editing employees through the screens, driven as a clerk would (pytest-qt)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.models.pegawai.read import get_employee
from app.models.reference.loader import Referensi
from app.models.storage.db import Database
from app.ui.dialogs.employee_detail import EmployeeDetailDialog
from app.ui.dialogs.employee_form import EmployeeFormDialog, LeaveServiceDialog
from app.ui.dialogs.history_form import HistoryFormDialog
from app.ui.pages.employees import EmployeesPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def message(form: QWidget, name: str) -> QLabel:
    label = form.findChild(QLabel, f"pesan_{name}")
    assert label is not None
    return label


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Pick an entry as a clerk does with the keyboard: focus, then arrow to it."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def error_box(widget: QWidget) -> QMessageBox:
    box = widget.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and box.isVisible()
    return box


def press(box: QMessageBox, text: str, qtbot: QtBot) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    click(qtbot, button)


def test_new_employee_validates_as_you_type_and_appears_in_the_list(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    page = EmployeesPage(db, actor="uji", runner=runner)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.formOpened, timeout=3000) as opened:
        click(qtbot, page.add_button)
    form: EmployeeFormDialog = opened.args[0]
    nip = form.rows["nip"].editor
    qtbot.keyClicks(nip, "19860926 201505 1 00")  # one digit short, typed with spaces
    qtbot.waitUntil(lambda: message(form, "nip").isVisible(), timeout=3000)
    assert "18 angka" in message(form, "nip").text()
    assert not message(form, "nama").isVisible()  # untouched fields stay quiet

    click(qtbot, form.save_button)
    box = error_box(form)
    assert "NIP / NI PPPK:" in box.text() and "Nama: wajib diisi." in box.text()
    assert form.isVisible() and db.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 0
    box.accept()

    qtbot.keyClicks(nip, "1")
    qtbot.waitUntil(lambda: not message(form, "nip").isVisible(), timeout=3000)
    # the NIP fills the birth date, sex and TMT CPNS
    assert form.rows["tanggal_lahir"].editor.text() == "26-09-1986"
    assert form.rows["tmt_cpns"].editor.text() == "01-05-2015"
    combo = form.rows["jenis_kelamin"].editor
    assert isinstance(combo, QComboBox) and combo.currentData() == "L"

    qtbot.keyClicks(form.rows["nama"].editor, "Budi Santoso")
    qtbot.keyClicks(form.rows["gelar_belakang"].editor, "S.Kom.")
    status = form.rows["status"].editor
    assert isinstance(status, QComboBox)
    choose(qtbot, status, "PNS")
    qtbot.keyClicks(form.rows["tmt_pns"].editor, "01-06-2015")  # under a year: a warning
    qtbot.waitUntil(lambda: message(form, "tmt_pns").isVisible(), timeout=3000)
    assert "masa percobaan" in message(form, "tmt_pns").text()
    qtbot.keyClicks(form.rows["tanggal_lahir"].editor, "7")  # 26-09-19867: not a date
    qtbot.waitUntil(lambda: "bukan tanggal" in message(form, "tanggal_lahir").text(), timeout=3000)
    qtbot.keyClick(form.rows["tanggal_lahir"].editor, Qt.Key.Key_Backspace)

    with qtbot.waitSignal(form.saved, timeout=3000):
        click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    row = page.model.row_data(0)
    assert row is not None
    assert (row["nip"], row["nama_lengkap"]) == ("198609262015051001", "Budi Santoso, S.Kom.")


def pns_with_room_to_rise(db: Database) -> str:
    row = db.conn.execute(
        "SELECT pegawai_id FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = 'AKTIF' "
        "AND golongan_urutan BETWEEN 9 AND 14 ORDER BY nama_urut LIMIT 1"
    ).fetchone()
    return str(row[0])


def open_detail(qtbot: QtBot, db: Database, pid: str) -> EmployeeDetailDialog:
    dialog = EmployeeDetailDialog(db, pid, actor="uji", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_add_a_pangkat_through_the_detail_dialog(qtbot: QtBot, demo_db: Database) -> None:
    pid = pns_with_room_to_rise(demo_db)
    dialog = open_detail(qtbot, demo_db, pid)
    before = get_employee(demo_db.conn, pid, today=TODAY).data
    rows_before = dialog.history_tables["pangkat"].rowCount()
    ref = Referensi.load(demo_db.conn)
    codes = [k for k, r in ref.golongan.items() if r["jenis_asn"] == "PNS"]
    current = codes.index(before["golongan"])
    last = date.fromisoformat(before["tmt_golongan"])
    tmt = f"01-{last.month:02d}-{last.year + 1}"
    dialog.tabs.setCurrentIndex(1)
    add = dialog.history_buttons["pangkat"][0]
    with qtbot.waitSignal(dialog.subdialogOpened, timeout=3000) as opened:
        click(qtbot, add)
    form: HistoryFormDialog = opened.args[0]
    gol = form.rows["golongan_kode"].editor
    assert isinstance(gol, QComboBox)
    assert gol.findData("IX") < 0  # PPPK golongan are not offered to a PNS
    qtbot.keyClicks(form.rows["tmt"].editor, tmt)
    choose(qtbot, gol, codes[current - 1])  # lower than the pangkat in force, and recorded
    qtbot.waitUntil(lambda: message(form, "golongan_kode").isVisible(), timeout=3000)
    assert "sudah tercatat" in message(form, "golongan_kode").text()
    click(qtbot, form.save_button)
    box = error_box(form)
    assert "Golongan/ruang:" in box.text()
    box.accept()
    choose(qtbot, gol, codes[current + 1])
    qtbot.waitUntil(lambda: not message(form, "golongan_kode").isVisible(), timeout=3000)
    with qtbot.waitSignal(dialog.changed, timeout=3000):
        click(qtbot, form.save_button)
    assert dialog.history_tables["pangkat"].rowCount() == rows_before + 1
    assert dialog.tabs.tabText(1) == f"Pangkat ({rows_before + 1})"
    assert codes[current + 1] in dialog.findChild(QLabel, "judulRincian").text()
    assert get_employee(demo_db.conn, pid).data["golongan"] == codes[current + 1]


def test_delete_a_history_row_after_confirmation(qtbot: QtBot, demo_db: Database) -> None:
    pid = pns_with_room_to_rise(demo_db)
    dialog = open_detail(qtbot, demo_db, pid)
    table = dialog.history_tables["diklat"]
    count = table.rowCount()
    assert count > 0
    dialog.tabs.setCurrentIndex(4)
    remove = dialog.history_buttons["diklat"][2]
    assert not remove.isEnabled()  # nothing selected yet
    table.selectRow(0)
    assert remove.isEnabled()
    with qtbot.waitSignal(dialog.subdialogOpened, timeout=3000) as opened:
        click(qtbot, remove)
    box: QMessageBox = opened.args[0]
    assert "Hapus riwayat ini?" in box.text()
    press(box, "Batal", qtbot)
    assert dialog.history_tables["diklat"].rowCount() == count
    table.selectRow(0)
    with qtbot.waitSignal(dialog.subdialogOpened, timeout=3000) as opened:
        click(qtbot, remove)
    with qtbot.waitSignal(dialog.changed, timeout=3000):
        press(opened.args[0], "Hapus", qtbot)
    assert dialog.history_tables["diklat"].rowCount() == count - 1
    assert len(get_employee(demo_db.conn, pid).riwayat["diklat"]) == count - 1


def test_edit_main_data_refuses_naming_the_field(qtbot: QtBot, demo_db: Database) -> None:
    pid = pns_with_room_to_rise(demo_db)
    dialog = open_detail(qtbot, demo_db, pid)
    with qtbot.waitSignal(dialog.subdialogOpened, timeout=3000) as opened:
        click(qtbot, dialog.edit_button)
    form: EmployeeFormDialog = opened.args[0]
    assert form.rows["nip"].editor.text() == get_employee(demo_db.conn, pid).data["nip"]
    phone = form.rows["telepon"].editor
    phone.selectAll()
    qtbot.keyClicks(phone, "telp kantor")
    qtbot.waitUntil(lambda: message(form, "telepon").isVisible(), timeout=3000)
    click(qtbot, form.save_button)
    box = error_box(form)
    assert box.text().startswith("Data belum dapat disimpan:") and "Telepon:" in box.text()
    box.accept()
    phone.selectAll()
    qtbot.keyClicks(phone, "0380-821234")
    with qtbot.waitSignal(dialog.changed, timeout=3000):
        click(qtbot, form.save_button)
    assert get_employee(demo_db.conn, pid).data["telepon"] == "0380-821234"


def test_leave_service_and_delete_from_the_detail_dialog(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = EmployeesPage(demo_db, actor="uji", runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    active = page.model.rowCount()
    first = page.model.row_data(0)
    assert first is not None
    with qtbot.waitSignal(page.detailOpened, timeout=3000) as opened:
        page.open_row(0)
    dialog: EmployeeDetailDialog = opened.args[0]
    dialog.today = TODAY

    with qtbot.waitSignal(dialog.subdialogOpened, timeout=3000) as sub:
        click(qtbot, dialog.leave_button)
    leave: LeaveServiceDialog = sub.args[0]
    choose(qtbot, leave.kedudukan, "MENINGGAL")
    qtbot.keyClicks(leave.tmt, "31-11-2026")  # no such date
    click(qtbot, leave.ok)
    box = error_box(leave)
    assert "TMT:" in box.text()
    box.accept()
    leave.tmt.clear()
    qtbot.keyClicks(leave.tmt, "02-11-2026")
    with qtbot.waitSignal(dialog.changed, timeout=3000):
        click(qtbot, leave.ok)
    data = get_employee(demo_db.conn, first["id"]).data
    assert (data["kedudukan"], data["tmt_kedudukan"]) == ("MENINGGAL", "2026-11-02")
    assert "Meninggal dunia" in dialog.findChild(QLabel, "judulRincian").text()
    assert not dialog.leave_button.isEnabled()
    assert page.model.rowCount() == active - 1  # the list of active employees refreshed

    with qtbot.waitSignal(dialog.subdialogOpened, timeout=3000) as sub:
        click(qtbot, dialog.delete_button)
    confirm: QMessageBox = sub.args[0]
    assert "dibuat karena keliru" in confirm.text() and "Keluar dari dinas" in confirm.text()
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        press(confirm, "Hapus pegawai", qtbot)
    deleted = demo_db.conn.execute(
        "SELECT deleted FROM pegawai WHERE id = ?", (first["id"],)
    ).fetchone()[0]
    assert deleted == 1
    page.kedudukan.setCurrentIndex(0)  # all kedudukan: the deleted record is not listed
    ids = {page.model.pegawai_id(i) for i in range(page.model.rowCount())}
    assert first["id"] not in ids


def test_skp_predikat_follows_the_ratings(qtbot: QtBot, demo_db: Database) -> None:
    pid = pns_with_room_to_rise(demo_db)
    form = HistoryFormDialog(demo_db, pid, "skp", actor="uji", today=TODAY)
    qtbot.addWidget(form)
    form.show()
    hasil, perilaku, predikat = (
        form.rows[n].editor for n in ("rating_hasil", "rating_perilaku", "predikat_kode")
    )
    assert isinstance(hasil, QComboBox) and isinstance(perilaku, QComboBox)
    assert isinstance(predikat, QComboBox)
    choose(qtbot, hasil, "ATAS")
    choose(qtbot, perilaku, "BAWAH")
    assert predikat.currentData() == "KURANG"
    existing = get_employee(demo_db.conn, pid).riwayat["skp"][0]["tahun"]
    qtbot.keyClicks(form.rows["tahun"].editor, str(existing))
    qtbot.waitUntil(lambda: "sudah tercatat" in message(form, "tahun").text(), timeout=3000)
    save = form.findChild(QPushButton, "tombolSimpan")
    assert save is form.save_button
