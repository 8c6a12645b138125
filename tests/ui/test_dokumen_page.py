"""Dokumen SK driven as a clerk would: pick template and people, preview, issue, register,
cancel with a reason, and a template edit with a bad placeholder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.models.dokumen import register as register_dokumen
from app.models.dokumen import templat
from app.models.storage.db import Database
from app.ui.pages.dokumen.page import DokumenPage
from app.ui.pages.dokumen.register import CancelDialog
from app.ui.tasks import TaskRunner
from tests.helpers import forgery
from tests.helpers.dokumen import pns, prepare_db


def make_page(qtbot: QtBot, db: Database, tmp_path: Path, runner: TaskRunner) -> DokumenPage:
    prepare_db(db)
    page = DokumenPage(db, runner=runner)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    page.issue_tab.out_edit.setText(str(tmp_path / "keluar"))
    return page


def test_issue_preview_register_and_cancel(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, tmp_path, demo_runner)
    page.issue_tab.templat_combo.setCurrentIndex(page.issue_tab.templat_combo.findData("SK_UJI"))
    assert page.issue_tab.input_keys == ["gaji_pokok"]
    nips = pns(demo_db, 2)
    for nip in nips:
        page.issue_tab.cari_edit.clear()
        qtbot.keyClicks(page.issue_tab.cari_edit, nip)
        qtbot.keyClick(page.issue_tab.cari_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda nip=nip: (
                page.issue_tab.hasil_list.count() == 1
                and nip in page.issue_tab.hasil_list.item(0).text()
            ),
            timeout=5000,
        )
        page.issue_tab.hasil_list.item(0).setSelected(True)
        qtbot.mouseClick(page.issue_tab.tambah_button, Qt.MouseButton.LeftButton)
    assert [p[0] for p in page.issue_tab._selected_people()] == nips

    qtbot.mouseClick(page.issue_tab.pratinjau_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.issue_tab.preview_pages) >= 2, timeout=20000)
    assert page.issue_tab.preview_pages[0].pixmap().width() > 300
    assert "nomor belum diberikan" in page.issue_tab.status.text()
    assert register_dokumen.list_register(demo_db.conn) == []  # a preview takes no number

    qtbot.mouseClick(page.issue_tab.terbitkan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.issue_tab.last_result is not None, timeout=30000)
    assert page.issue_tab.last_result.nomor == (
        "800.1.3.2/1/BKPSDM/2026",
        "800.1.3.2/2/BKPSDM/2026",
    )
    assert (tmp_path / "keluar" / f"{nips[0]}.pdf").is_file()

    # Verify a forged copy (another name added as an annotation), then the combined PDF.
    first = tmp_path / "keluar" / f"{nips[0]}.pdf"
    name = register_dokumen.list_register(demo_db.conn, search=nips[0])[0].nama_pegawai
    forged = tmp_path / "palsu.pdf"
    forged.write_bytes(forgery.annotation_forgery(first.read_bytes(), name, "ANTONIUS NGGADAS"))
    page.tabs.setCurrentWidget(page.verify_tab)
    tab = page.verify_tab
    qtbot.keyClicks(tab.verify_edit, str(forged))
    qtbot.keyClick(tab.verify_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.verify_title.text().startswith("BERUBAH"), timeout=10000)
    assert tab.verify_title.text() == "BERUBAH — halaman 1"
    assert "Halaman 1 BERBEDA" in tab.verify_text.text()
    assert "800.1.3.2/1/BKPSDM/2026" in tab.verify_text.text()
    tab.grab().save(str(tmp_path / "verifikasi_berubah.png"))
    combined = page.issue_tab.last_result.gabungan
    tab.verify_edit.clear()
    qtbot.keyClicks(tab.verify_edit, str(combined))
    qtbot.keyClick(tab.verify_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.verify_title.text() == "ISI SAMA", timeout=10000)
    assert "Naskah dalam berkas: 2" in tab.verify_text.text()
    page.tabs.setCurrentIndex(0)

    page.tabs.setCurrentIndex(1)
    page.register_tab.reg_tahun.setValue(2026)
    page.register_tab.load_register()
    table = page.register_tab.register_table
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "800.1.3.2/2/BKPSDM/2026"
    assert table.item(0, 4).text() == "Terbit"
    table.selectRow(0)
    qtbot.mouseClick(page.register_tab.batalkan_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(CancelDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.alasan, "Salah tulis gelar pegawai")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert table.item(0, 4).text() == "Batal"
    assert table.item(0, 5).text() == "Salah tulis gelar pegawai"
    assert (
        register_dokumen.list_register(demo_db.conn, status="BATAL")[0].nomor
        == "800.1.3.2/2/BKPSDM/2026"
    )

    # Verify the cancelled one from the register.
    table.selectRow(0)
    qtbot.mouseClick(page.register_tab.cek_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_tab.verify_title.text() == "DIBATALKAN", timeout=5000)
    assert "Salah tulis gelar pegawai" in page.verify_tab.verify_text.text()
    page.runner.wait()


def test_template_with_bad_placeholder_is_refused(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, tmp_path, demo_runner)
    page.tabs.setCurrentIndex(2)
    page.template_tab.edit_combo.setCurrentIndex(page.template_tab.edit_combo.findData("SK_KP"))
    edit = page.template_tab.fields["menimbang"]
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "bahwa {nama_lengkapp} memenuhi syarat;")
    assert "{nama_lengkapp} tidak dikenal" in page.template_tab.templat_pesan.text()
    assert "Menimbang butir 3" in page.template_tab.templat_pesan.text()
    assert not page.template_tab.simpan_templat_button.isEnabled()
    # Corrected: saved through the write path.
    for _ in range(len("lengkapp} memenuhi syarat;")):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "lengkap} memenuhi syarat;")
    assert page.template_tab.templat_pesan.text() == ""
    qtbot.mouseClick(page.template_tab.simpan_templat_button, Qt.MouseButton.LeftButton)
    saved = templat.get_template(demo_db.conn, "SK_KP")
    assert saved.menimbang[-1] == "bahwa {nama_lengkap} memenuhi syarat;"
    assert "disimpan" in page.template_tab.templat_pesan.text()
    page.runner.wait()


def test_template_form_is_chosen_in_the_editor(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    """A KGB template kept from an older Merit as a Keputusan can be switched to the letter."""
    page = make_page(qtbot, demo_db, tmp_path, demo_runner)
    page.tabs.setCurrentIndex(2)
    page.template_tab.edit_combo.setCurrentIndex(page.template_tab.edit_combo.findData("KGB"))
    assert page.template_tab.bentuk_combo.currentData() == "SURAT"
    page.template_tab.bentuk_combo.setCurrentIndex(
        page.template_tab.bentuk_combo.findData("PERORANGAN")
    )
    assert page.template_tab.simpan_templat_button.isEnabled(), (
        page.template_tab.templat_pesan.text()
    )
    qtbot.mouseClick(page.template_tab.simpan_templat_button, Qt.MouseButton.LeftButton)
    assert templat.get_template(demo_db.conn, "KGB").bentuk == "PERORANGAN"
    page.template_tab.edit_combo.setCurrentIndex(page.template_tab.edit_combo.findData("KGB"))
    page.template_tab.bentuk_combo.setCurrentIndex(page.template_tab.bentuk_combo.findData("SURAT"))
    qtbot.mouseClick(page.template_tab.simpan_templat_button, Qt.MouseButton.LeftButton)
    assert templat.get_template(demo_db.conn, "KGB").bentuk == "SURAT"
    page.runner.wait()


def test_the_sk_kp_is_not_offered_as_a_free_decree(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    """The SK KP is issued from the KP page (its proposal and pertek, the rank written at the
    same time): the Terbitkan tab does not offer it and says where it is."""
    page = make_page(qtbot, demo_db, tmp_path, demo_runner)
    combo = page.issue_tab.templat_combo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert "SK_KP" not in offered and "KGB" in offered
    assert page.issue_tab.kp_note.isVisible()
    assert "halaman Kenaikan Pangkat" in page.issue_tab.kp_note.text()
    edit = page.template_tab.edit_combo
    assert edit.findData("SK_KP") >= 0  # its texts are still edited in the Templat tab


def test_search_runs_as_you_type_and_names_fit(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, tmp_path, demo_runner)
    tab = page.issue_tab
    nip = pns(demo_db, 1)[0]
    qtbot.keyClicks(tab.cari_edit, nip)  # no Enter
    qtbot.waitUntil(
        lambda: tab.hasil_list.count() == 1 and nip in tab.hasil_list.item(0).text(),
        timeout=5000,
    )
    text = tab.hasil_list.item(0).text()
    width = tab.hasil_list.fontMetrics().horizontalAdvance(text)
    assert tab.hasil_list.viewport().width() >= width  # "NIP  full name" is not cut off
