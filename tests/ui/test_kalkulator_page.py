"""The Kalkulator kepegawaian screen: a clerk types the inputs, clicks Hitung and reads the same
answers as ``merit hitung`` (asn-rules 10.1-10.3, 5.2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.models.storage.db import Database
from app.ui.pages.kalkulator import KalkulatorPage
from app.ui.tasks import TaskRunner


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _page(qtbot: QtBot, db: Database, runner: TaskRunner) -> KalkulatorPage:
    page = KalkulatorPage(db, actor="uji", runner=runner, today=date(2026, 12, 4))
    qtbot.addWidget(page)
    page.resize(1000, 820)
    page.show()
    return page


def test_clerk_types_and_reads_each_answer(
    qtbot: QtBot, db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    page = _page(qtbot, db, runner)

    page.gaji_golongan.setCurrentText("")
    qtbot.keyClicks(page.gaji_golongan, "III/a")
    _type(qtbot, page.gaji_mkg, "8-0")
    _type(qtbot, page.gaji_tanggal, "01-12-2026")
    qtbot.mouseClick(page.buttons["gaji"], Qt.MouseButton.LeftButton)
    assert "Rp3.153.600" in page.results["gaji"].text()
    assert "PP 5/2024" in page.results["gaji"].text()

    page.mkg_dari.setCurrentText("II/d")
    page.mkg_ke.setCurrentText("III/a")
    _type(qtbot, page.mkg_mkg, "13-0")
    qtbot.mouseClick(page.buttons["mkg"], Qt.MouseButton.LeftButton)
    assert page.results["mkg"].text() == "MKG baru: 8 tahun 0 bulan"

    page.kgb_golongan.setCurrentText("III/d")
    _type(qtbot, page.kgb_mkg, "21-2")
    _type(qtbot, page.kgb_tmt, "2026-12-01")
    qtbot.mouseClick(page.buttons["kgb"], Qt.MouseButton.LeftButton)
    text = page.results["kgb"].text()
    assert text.startswith("KGB berikutnya 1 Oktober 2027: MKG 22 tahun, gaji pokok Rp4.436.700")
    _type(qtbot, page.kgb_pensiun, "01-10-2027")
    qtbot.mouseClick(page.buttons["kgb"], Qt.MouseButton.LeftButton)
    assert page.results["kgb"].text().startswith("Tidak ada KGB lagi")

    _type(qtbot, page.pensiun_lahir, "15-04-1969")
    page.pensiun_bup.setValue(58)
    qtbot.mouseClick(page.buttons["pensiun"], Qt.MouseButton.LeftButton)
    assert page.results["pensiun"].text() == "TMT pensiun: 1 Mei 2027"

    page.ujian_dari.setCurrentText("II/d")
    page.ujian_ke.setCurrentText("III/a")
    page.ujian_pendidikan.setCurrentIndex(page.ujian_pendidikan.findData("SLTA"))
    qtbot.mouseClick(page.buttons["ujian"], Qt.MouseButton.LeftButton)
    assert page.results["ujian"].text().startswith("Perlu ujian dinas tingkat I")
    page.ujian_pendidikan.setCurrentIndex(page.ujian_pendidikan.findData("S1"))
    qtbot.mouseClick(page.buttons["ujian"], Qt.MouseButton.LeftButton)
    assert page.results["ujian"].text().startswith("Tidak perlu ujian dinas")

    page.grab().save(str(tmp_path / "kalkulator.png"))


def test_bad_input_is_refused_naming_the_field(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    page = _page(qtbot, db, runner)
    _type(qtbot, page.gaji_mkg, "8-14")
    qtbot.mouseClick(page.buttons["gaji"], Qt.MouseButton.LeftButton)
    assert page.results["gaji"].text().startswith("Masa kerja golongan:")
    _type(qtbot, page.gaji_mkg, "8")
    page.gaji_golongan.setCurrentText("III/z")
    qtbot.mouseClick(page.buttons["gaji"], Qt.MouseButton.LeftButton)
    assert page.results["gaji"].text().startswith("Golongan:")
    page.gaji_golongan.setCurrentText("III/a")
    _type(qtbot, page.gaji_tanggal, "01-05-2023")
    qtbot.mouseClick(page.buttons["gaji"], Qt.MouseButton.LeftButton)
    assert "tabel gaji belum lengkap" in page.results["gaji"].text()
    _type(qtbot, page.pensiun_lahir, "kemarin")
    qtbot.mouseClick(page.buttons["pensiun"], Qt.MouseButton.LeftButton)
    assert page.results["pensiun"].text().startswith("Tanggal lahir:")
