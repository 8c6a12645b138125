"""Dokumen SK with the agency settings (issue 14 item 1): the Templat tab shows success in green
and stays on the template saved, refuses a 17-digit NIP; a fresh demo issues a KGB letter from
the screen without any template edit."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.dokumen import penandatangan, templat
from app.models.storage.db import Database
from app.ui.pages.dokumen.page import DokumenPage
from app.ui.pages.dokumen.templates import HIJAU, MERAH
from app.ui.tasks import TaskRunner
from tests.helpers.dokumen import pns


def make_page(qtbot: QtBot, db: Database, tmp_path: Path, runner: TaskRunner) -> DokumenPage:
    page = DokumenPage(db, runner=runner)  # no template prepared: the demo as it comes
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    page.issue_tab.out_edit.setText(str(tmp_path / "keluar"))
    return page


def test_template_tab_saves_in_green_and_stays(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, tmp_path, demo_runner)
    tab = page.template_tab
    tab.edit_combo.setCurrentIndex(tab.edit_combo.findData("SK_MUTASI"))
    # Empty signatory fields show what the agency's settings will print.
    kepala = penandatangan.get_pejabat(demo_db.conn, "kepala_bkpsdm")
    assert kepala is not None
    assert tab.fields["sah_nama"].placeholderText() == f"dari Instansi: {kepala.nama}"
    nip = tab.fields["sah_nip"]
    qtbot.keyClicks(nip, "12345678901234567")
    assert not tab.simpan_templat_button.isEnabled()
    assert "NIP pengesah" in tab.templat_pesan.text() and "17 angka" in tab.templat_pesan.text()
    assert tab.templat_pesan.styleSheet() == MERAH
    nip.clear()
    tab.fields["tentang"].setText("Pemindahan Pegawai Negeri Sipil")
    assert tab.simpan_templat_button.isEnabled()
    qtbot.mouseClick(tab.simpan_templat_button, Qt.MouseButton.LeftButton)
    assert tab.templat_pesan.text() == "Templat SK_MUTASI disimpan."
    assert tab.templat_pesan.styleSheet() == HIJAU
    assert tab.edit_combo.currentData() == "SK_MUTASI"  # no jump to another template
    assert tab.fields["tentang"].text() == "Pemindahan Pegawai Negeri Sipil"
    assert templat.get_template(demo_db.conn, "SK_MUTASI").tentang.startswith("Pemindahan")
    tab.grab().save(str(tmp_path / "templat.png"))


def test_fresh_demo_issues_a_kgb_letter_from_the_screen(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = make_page(qtbot, demo_db, tmp_path, demo_runner)
    issue = page.issue_tab
    issue.templat_combo.setCurrentIndex(issue.templat_combo.findData("KGB"))
    nip = pns(demo_db, 1)[0]
    issue.cari_edit.clear()
    qtbot.keyClicks(issue.cari_edit, nip)
    qtbot.keyClick(issue.cari_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: issue.hasil_list.count() == 1, timeout=5000)
    issue.hasil_list.item(0).setSelected(True)
    qtbot.mouseClick(issue.tambah_button, Qt.MouseButton.LeftButton)
    for key in issue.input_keys:  # what the records cannot know (the former decree's official)
        issue.set_input(nip, key, "Wali Kota Nusa Indah" if key == "sk_lama_pejabat" else "")
    qtbot.mouseClick(issue.terbitkan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: issue.last_result is not None, timeout=30000)
    assert issue.last_result.nomor == ("800.1.11.13/1/BKPSDM/2026",)
    pdf = tmp_path / "keluar" / f"{nip}.pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    kepala = penandatangan.get_pejabat(demo_db.conn, "kepala_bkpsdm")
    assert kepala is not None and kepala.nama in text
