"""The Mentoring tab of Kompetensi & pelatihan driven as a clerk would: choose the new CPNS,
see the suggested mentor pre-filled, pair, type a meeting, close the pair; a bad entry is
refused with a message and nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.models.kompetensi import mentor
from app.models.storage.db import Database
from app.models.storage.store import Store
from app.ui.pages.kompetensi import KompetensiPage
from app.ui.tasks import TaskRunner
from tests.helpers.organisasi import Org, add_person

TODAY = date(2026, 12, 4)


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def test_pair_the_new_cpns_with_the_suggested_mentor_meet_and_close(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    citra = add_person(
        db, "Citra", golongan="III/a", jabatan=[(org.analis, org.bidang, "2026-03-01")]
    )
    with Store(db).write("uji") as tx:
        tx.update("pegawai", citra, {"status_kepegawaian": "CPNS", "tmt_cpns": "2026-03-01"})
    errors: list[str] = []
    monkeypatch.setattr(
        "app.ui.pages.kompetensi.show_error", lambda parent, exc: errors.append(str(exc))
    )
    page = KompetensiPage(db, runner=runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 780)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    tab = page.mentor_tab
    page.tabs.setCurrentWidget(tab)
    # The new CPNS comes first and the suggested mentor is already chosen.
    assert tab.mentee.currentText().startswith("CPNS baru: Citra")
    assert tab.mentor.currentText().startswith("Kabid")
    assert "Disarankan: Kabid" in tab.saran.text()
    # Nobody outranks the Kadis in the dinas: no suggestion, no mentor chosen.
    kadis = tab.mentee.findText("Kadis", Qt.MatchFlag.MatchStartsWith)
    tab.mentee.setCurrentIndex(kadis)
    assert tab.mentor.currentData() is None
    assert "Tidak ada mentor yang disarankan" in tab.saran.text()
    qtbot.keyClicks(tab.tujuan, "x")
    qtbot.mouseClick(tab.pasangkan, Qt.MouseButton.LeftButton)
    assert errors and "Pilih mentor" in errors[-1]
    tab.tujuan.clear()
    tab.mentee.setCurrentIndex(0)
    assert tab.mentor.currentText().startswith("Kabid")
    # An empty goal is refused, nothing written.
    qtbot.mouseClick(tab.pasangkan, Qt.MouseButton.LeftButton)
    assert errors and "Tujuan" in errors[-1]
    assert mentor.list_pasangan(db) == []
    qtbot.keyClicks(tab.tujuan, "Memahami tata naskah dinas")
    tab.mulai.setDate(QDate(2026, 3, 10))
    qtbot.mouseClick(tab.pasangkan, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert tab.pasangan.rowCount() == 1
    assert _text(tab.pasangan, 0, 0) == "Citra"
    assert _text(tab.pasangan, 0, 1) == "Kabid"
    assert tab.mentee.findText("CPNS baru: Citra", Qt.MatchFlag.MatchStartsWith) == -1
    tab.pasangan.selectRow(0)
    tab.tanggal.setDate(QDate(2026, 4, 2))
    qtbot.keyClicks(tab.topik, "Nota dinas")
    qtbot.keyClicks(tab.catatan, "Latihan menyusun nota dinas")
    qtbot.keyClicks(tab.tindak, "Draf nota minggu depan")
    qtbot.mouseClick(tab.catat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert tab.pertemuan.rowCount() == 1
    assert _text(tab.pertemuan, 0, 1) == "Nota dinas"
    assert _text(tab.pertemuan, 0, 3) == "Draf nota minggu depan"
    assert _text(tab.pasangan, 0, 6) == "1"
    page.grab().save(str(tmp_path / "mentor.png"))
    tab.tanggal.setDate(QDate(2026, 9, 1))
    qtbot.mouseClick(tab.tutup, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    assert _text(tab.pasangan, 0, 5) == "Selesai"
    assert not tab.catat.isEnabled()
    assert mentor.mentor_aktif(db.conn, citra) is None


def test_employee_detail_shows_the_active_mentor(qtbot: QtBot, db: Database, org: Org) -> None:
    from PySide6.QtWidgets import QLabel

    from app.ui.dialogs.employee_detail import EmployeeDetailDialog
    from tests.helpers.kompetensi import pegawai

    ani, kabid = pegawai(db, "Ani"), pegawai(db, "Kabid")

    def texts(pid: str) -> list[str]:
        dialog = EmployeeDetailDialog(db, pid, today=TODAY)
        qtbot.addWidget(dialog)
        return [w.text() for w in dialog.findChildren(QLabel)]

    assert "Mentor:" not in texts(ani)
    mentor.tambah_pasangan(db, ani, kabid, "2026-03-10", "Orientasi")
    shown = texts(ani)
    assert "Mentor:" in shown and "Kabid" in shown
