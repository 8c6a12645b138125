"""The committee member's scoring screen, driven by keyboard as a member would: open the package,
type scores candidate by candidate (autosaved, checked against the scale), the conflicted
candidate cannot be scored, "Kunci dan kirim" seals and the secretariat imports the sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.seleksi import lembar as lb
from app.models.seleksi import panitia, pelamar, seleksi
from app.models.storage.db import Database
from app.ui.pages.penilaian_panitia import PenilaianPanitiaPage
from app.ui.tasks import TaskRunner
from tests.helpers.seleksi import ACTOR, make_applicant, make_selection


@pytest.fixture
def member_db(tmp_path: Path) -> Iterator[Database]:
    d = Database(tmp_path / "laptop-budi.sqlite3")
    yield d
    d.close()


@pytest.fixture
def paket(db: Database, tmp_path: Path) -> Path:
    sid = make_selection(db)
    ids = [
        pelamar.create_pelamar_eksternal(db, sid, make_applicant(n, date(1975, 1, 1)), actor=ACTOR)
        for n in ("Umar Haris", "Petrus Kole", "Nia Daud")
    ]
    budi = seleksi.get_seleksi(db.conn, sid).anggota("Budi Santoso")
    panitia.nyatakan_konflik(db, sid, budi.id, ids[1], "Saudara ipar", actor=ACTOR)
    return lb.write_paket_anggota(db, sid, "Budi Santoso", tmp_path / "paket-budi.json")


def make_page(qtbot: QtBot, db: Database, runner: TaskRunner) -> PenilaianPanitiaPage:
    page = PenilaianPanitiaPage(db, runner=runner)
    qtbot.addWidget(page)
    page.resize(900, 620)
    page.show()
    return page


def field(page: PenilaianPanitiaPage, kriteria: str, kind: str = "nilai") -> QLineEdit:
    assert page.kerja is not None
    kid = next(k.id for t in page.kerja.tahap for k in t.kriteria if k.nama == kriteria)
    edit = page.findChild(QLineEdit, f"{kind}_{kid}")
    assert edit is not None
    return edit


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


SCORES = {
    "Integritas": "4",
    "Kinerja": "3,5",
    "Isi makalah": "77.5",
    "Visi": "8",
    "Komunikasi": "3",
}


def score_candidate(qtbot: QtBot, page: PenilaianPanitiaPage) -> None:
    for name, value in SCORES.items():
        type_into(qtbot, field(page, name), value)


def test_score_seal_and_send(
    qtbot: QtBot,
    db: Database,
    member_db: Database,
    paket: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    page = make_page(qtbot, member_db, make_runner(member_db))
    assert not page.seal_button.isEnabled()
    page.open_package(paket)
    assert page.calon.text() == "1. Umar Haris"
    assert page.posisi.text() == "Kandidat 1 dari 3"
    assert "Budi Santoso" in page.info.text()

    # out of scale: refused with the reason next to the field, nothing saved
    type_into(qtbot, field(page, "Integritas"), "7")
    name = field(page, "Integritas").objectName().replace("nilai", "pesan")
    pesan = page.findChild(QLabel, name)
    assert pesan is not None and "di luar skala 1 sampai 5" in pesan.text()
    assert page.kerja is not None and not page.kerja.draf

    score_candidate(qtbot, page)
    type_into(qtbot, field(page, "Visi", "catatan"), "Visi jelas dan terukur")
    assert pesan.text() == ""
    assert page.progress.text() == "5 nilai belum diisi."  # Nia's; Petrus is not scored

    # Page Down: the conflicted candidate, read-only with the notice
    qtbot.keyClick(field(page, "Komunikasi"), Qt.Key.Key_PageDown)
    assert page.calon.text() == "2. Petrus Kole"
    assert page.konflik.isVisibleTo(page)
    assert field(page, "Integritas").isReadOnly()
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.calon.text() == "3. Nia Daud"
    score_candidate(qtbot, page)
    assert page.progress.text() == "Semua nilai sudah diisi."

    # autosaved: a fresh screen on the same database shows the drafts
    again = make_page(qtbot, member_db, make_runner(member_db))
    assert field(again, "Kinerja").text() == "3,5"
    assert field(again, "Visi", "catatan").text() == "Visi jelas dan terukur"

    # Kunci dan kirim: confirm, choose where, sealed in the background
    target = tmp_path / "lembar-budi.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert isinstance(box, QMessageBox) and "tidak dapat diubah lagi" in box.text()
    with qtbot.waitSignal(page.sealed, timeout=10000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert target.exists()
    assert page.kerja is not None and page.kerja.terkunci
    assert field(page, "Integritas").isReadOnly()
    assert "sudah dikunci" in page.progress.text()
    # read-only: typing changes nothing stored
    type_into(qtbot, field(page, "Integritas"), "1")
    assert lb.lembar_kerja(member_db.conn, page.kerja.paket_id).draf == page.kerja.draf

    # the secretariat imports the sealed sheet
    res = lb.impor_lembar(db, target, actor=ACTOR)
    assert res.baru and res.nilai == 10


def test_screenshot(
    qtbot: QtBot,
    member_db: Database,
    paket: Path,
    tmp_path: Path,
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    page = make_page(qtbot, member_db, make_runner(member_db))
    page.open_package(paket)
    type_into(qtbot, field(page, "Integritas"), "4")
    type_into(qtbot, field(page, "Kinerja"), "9")
    qtbot.wait(50)
    out = tmp_path / "penilaian.png"
    assert page.grab().save(str(out))
    import os

    if os.environ.get("MERIT_SHOTS"):
        page.grab().save(os.environ["MERIT_SHOTS"] + "/penilaian.png")
