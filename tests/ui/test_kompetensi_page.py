"""Kompetensi & pelatihan driven as a clerk would: set a position's standard with the level
boxes, tick two people on the needs list, plan an event for them, complete it and see their
JP move; the talent box shows its people."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.kompetensi import standar
from app.models.pelatihan import acara as pel
from app.models.rekap.diklat import jam_pelajaran
from app.models.storage.db import Database
from app.ui.pages.kompetensi import KompetensiPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY
from tests.helpers.kompetensi import add_skp, pegawai, with_standards
from tests.helpers.organisasi import Org


def _select_combo(qtbot: QtBot, combo: object, text: str) -> None:
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def _settle(qtbot: QtBot, page: KompetensiPage) -> None:
    """Wait for the page's background reads."""
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)


def _tick(qtbot: QtBot, page: KompetensiPage, nama: str) -> None:
    table = page.kebutuhan_tab.table
    for r in range(table.rowCount()):
        if table.item(r, 3).text() == nama:
            rect = table.visualItemRect(table.item(r, 0))
            qtbot.mouseClick(
                table.viewport(),
                Qt.MouseButton.LeftButton,
                pos=QPoint(rect.left() + 10, rect.center().y()),
            )
            return
    raise AssertionError(nama)


def test_standard_needs_event_completion_and_talent_box(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner, tmp_path: Path
) -> None:
    with_standards(db, org)
    add_skp(db, pegawai(db, "Budi"), 2025, "SANGAT_BAIK")
    pel.create_katalog(db, "Pelatihan Integritas ASN", jp=24, kompetensi=["M.01"])
    page = KompetensiPage(db, runner=runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 780)
    _settle(qtbot, page)

    # 1. The standard of the Kepala Dinas: type levels, save.
    tab = page.standar_tab
    _select_combo(qtbot, tab.jabatan, "Kepala Dinas")
    spin = tab.spins["M.01"]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "4")
    tab.spins["M.08"].setValue(4)
    qtbot.mouseClick(tab.simpan, Qt.MouseButton.LeftButton)
    assert {s.kompetensi_kode: s.level for s in standar.list_standar(db.conn, org.kadis)} == {
        "M.01": 4,
        "M.08": 4,
    }
    # ...copied from a similar position onto the Kepala Bidang.
    _select_combo(qtbot, tab.jabatan, "Kepala Bidang Layanan")
    _select_combo(qtbot, tab.sumber, "Kepala Dinas")
    qtbot.mouseClick(tab.salin, Qt.MouseButton.LeftButton)
    assert tab.spins["M.08"].value() == 4
    page.grab().save(str(tmp_path / "standar.png"))

    # 2. The needs list: filter on M.01, tick Dewi and Ani, plan an event.
    page.tabs.setCurrentWidget(page.kebutuhan_tab)
    needs = page.kebutuhan_tab
    needs.tahun.setValue(2026)
    _select_combo(qtbot, needs.kompetensi, "M.01")
    _settle(qtbot, page)
    names = [needs.table.item(r, 3).text() for r in range(needs.table.rowCount())]
    assert names == ["Dewi", "Ani"]  # Kabid holds 4, the copied standard: no gap
    _tick(qtbot, page, "Dewi")
    _tick(qtbot, page, "Ani")
    page.grab().save(str(tmp_path / "kebutuhan.png"))
    qtbot.mouseClick(needs.buat, Qt.MouseButton.LeftButton)
    acara = pel.list_acara(db.conn)
    assert len(acara) == 1 and acara[0].peserta == 2
    assert page.tabs.currentWidget() is page.acara_tab

    # 3. Complete it: the confirmation, then every participant's JP.
    tab3 = page.acara_tab
    assert tab3.peserta.rowCount() == 2
    qtbot.mouseClick(tab3.selesai, Qt.MouseButton.LeftButton)
    box = tab3.confirm
    assert box is not None
    with qtbot.waitSignal(box.finished, timeout=5000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    jp = {b.nama_lengkap: b.jp for b in jam_pelajaran(db.conn, TODAY.year)}
    assert jp["Dewi"] == 24 and jp["Ani"] == 24 and jp["Budi"] == 0
    assert tab3.peserta.item(0, 4).text() == "Lulus"
    assert not tab3.selesai.isEnabled()
    assert tab3.evaluasi.text() == "Evaluasi peserta: belum ada."
    page.grab().save(str(tmp_path / "acara.png"))

    # 4. The talent box: Budi (Sangat Baik, potensi tinggi) in box 9.
    page.tabs.setCurrentWidget(page.talenta_tab)
    cell = page.talenta_tab.cells[(3, 3)]
    assert "Kotak 9" in cell.text() and "Budi" in cell.text()
    succession = page.talenta_tab
    _select_combo(qtbot, succession.kunci, "Kepala Bidang Layanan")
    _settle(qtbot, page)
    assert succession.calon.rowCount() == 1
    assert succession.calon.item(0, 2).text() == "Budi"
    # The Kepala Bidang's standard now has M.08 (copied), which Budi was never assessed on.
    assert succession.calon.item(0, 7).text() == "Lebih dari 2 tahun"
    assert "belum dinilai: M.08" in succession.calon.item(0, 8).text()
    page.grab().save(str(tmp_path / "talenta.png"))

    # 5. The needs list to Excel, in the background.
    page.tabs.setCurrentWidget(needs)
    target = tmp_path / "kebutuhan.xlsx"
    needs.export_to(target)
    qtbot.waitUntil(lambda: needs.ekspor.isEnabled(), timeout=10000)
    assert load_workbook(target).sheetnames == ["Kebutuhan", "Gap per unit"]


def test_assessment_sheet_preview_refuses_then_saves(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner, tmp_path: Path
) -> None:
    from app.models.kompetensi import nilai
    from tests.helpers.kompetensi import nip

    ani = nip(db, "Ani")
    page = KompetensiPage(db, runner=runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    _settle(qtbot, page)
    tab = page.nilai_tab
    page.tabs.setCurrentWidget(tab)
    sheet = tmp_path / "ac.csv"
    sheet.write_text(f"NIP;Tanggal;Integritas;Potensi\n{ani};01-03-2026;9;tinggi\n", "utf-8")
    tab.preview(sheet)
    qtbot.waitUntil(lambda: tab.pilih.isEnabled(), timeout=10000)
    assert "Baris 2, kolom Integritas: 9 di luar batas 1–5." in tab.masalah.text()
    assert not tab.simpan.isEnabled()
    page.grab().save(str(tmp_path / "nilai-masalah.png"))
    sheet.write_text(f"NIP;Tanggal;Integritas;Potensi\n{ani};01-03-2026;3;tinggi\n", "utf-8")
    tab.preview(sheet)
    qtbot.waitUntil(lambda: tab.simpan.isEnabled(), timeout=10000)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 4).text() == "M.01=3"
    qtbot.mouseClick(tab.simpan, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "disimpan" in page.status.text(), timeout=10000)
    _settle(qtbot, page)
    assert nilai.held_levels(db.conn)[pegawai(db, "Ani")] == {"M.01": 3}
    assert nilai.latest_potensi(db.conn)[pegawai(db, "Ani")][0] == 3
