"""The Beranda: the first page of the window, loaded in the background, each card opening its
page and each person the employee detail."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.kp.usulan import periode_teks
from app.models.storage.db import Database
from app.ui.main_window import MainWindow
from app.ui.pages.beranda import BerandaPage, PeopleCard
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY


def _loaded(qtbot: QtBot, page: BerandaPage) -> None:
    qtbot.waitUntil(lambda: page.data is not None and not page.progress.isVisible(), timeout=20000)


def _click(qtbot: QtBot, page: BerandaPage, name: str) -> None:
    from PySide6.QtWidgets import QPushButton

    button = page.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_beranda_is_the_first_page_and_its_cards_open_their_pages(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    window = MainWindow(demo_db, demo_runner, actor="sistem")
    qtbot.addWidget(window)
    window.show()
    assert window.nav.item(0).text() == "Beranda" and window.nav.currentRow() == 0
    page = window.beranda
    assert isinstance(page, BerandaPage) and window.pages.currentWidget() is page
    _loaded(qtbot, page)

    _click(qtbot, page, "bukaKgb")
    assert window.pages.currentWidget() is window.rekap
    assert window.rekap.current_kind() == "kgb"
    window.nav.setCurrentRow(0)
    _click(qtbot, page, "bukaDiklat")
    assert window.pages.currentWidget() is window.rekap
    assert window.rekap.current_kind() == "diklat"

    window.nav.setCurrentRow(0)
    _click(qtbot, page, "bukaKp")
    assert window.pages.currentWidget() is window.kp
    shown = page.data.jangka_bulan(page.current_jangka()) if page.data else None
    assert shown is not None and shown.periode_kp is not None
    assert window.kp.current_periode() == periode_teks(shown.periode_kp)

    for button, key in (
        ("bukaSkp", "skp"),
        ("bukaKonflik", "konflik"),
        ("bukaPegawai", "employees"),
        ("bukaCuti", "cuti"),
    ):
        window.nav.setCurrentRow(0)
        _click(qtbot, page, button)
        assert window.pages.currentWidget() is getattr(window, key), button
        assert window.nav.currentRow() == window._rows[key]

    window.nav.setCurrentRow(0)
    _click(qtbot, page, "bukaCadangan")
    dialog = window.backup_dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    dialog.close()
    window.runner.wait()


def _person_opens_detail(qtbot: QtBot, page: BerandaPage, card: PeopleCard) -> None:
    items = page.card_items(card)
    assert items, card.objectName()
    item = items[0]
    view = card.list
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.detailOpened, timeout=5000) as opened:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = opened.args[0]
    assert item.text(0) in dialog.windowTitle()
    dialog.reject()


def test_a_person_in_a_list_opens_the_employee_detail(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = BerandaPage(demo_db, runner=demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    _loaded(qtbot, page)
    _person_opens_detail(qtbot, page, page.kgb)
    _person_opens_detail(qtbot, page, page.diklat)
    # by keyboard: Enter on the chosen row
    items = page.card_items(page.pensiun)
    page.pensiun.list.setFocus()
    page.pensiun.list.setCurrentItem(items[0])
    with qtbot.waitSignal(page.detailOpened, timeout=5000) as opened:
        qtbot.keyClick(page.pensiun.list, Qt.Key.Key_Return)
    assert items[0].text(0) in opened.args[0].windowTitle()
    opened.args[0].reject()


def test_window_and_reload_show_the_figures_of_the_chosen_window(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner, tmp_path: Path
) -> None:
    page = BerandaPage(demo_db, runner=demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    assert page.progress.isVisible() and "Memuat" in page.status.text()  # loading state
    assert not page.jangka.isEnabled() and not page.reload_button.isEnabled()
    _loaded(qtbot, page)
    assert page.subtitle.text() == "Keadaan per 22 November 2026 · seluruh instansi"
    assert page.pegawai.number.text() == "294"
    assert page.current_jangka() == 3 and page.jangka.isEnabled()
    assert [page.jangka.itemText(i) for i in range(page.jangka.count())] == [
        "1 bulan ke depan",
        "3 bulan ke depan",
        "12 bulan ke depan",
    ]
    three = len(page.card_items(page.kgb))
    page.jangka.setCurrentIndex(page.jangka.findData(12))
    assert "sampai 21 November 2027" in page.kgb.summary.text()
    assert len(page.card_items(page.kgb)) > three
    assert page.kp.summary.text().startswith("Periode 1 November 2027:")
    assert "Belum ada cadangan" in page.cadangan.detail.text()
    with qtbot.waitSignal(page.loaded, timeout=20000):
        qtbot.mouseClick(page.reload_button, Qt.MouseButton.LeftButton)
        assert not page.reload_button.isEnabled()
    assert page.reload_button.isEnabled() and page.current_jangka() == 12
    assert page.grab().save(str(tmp_path / "beranda.png"))


def test_without_the_recap_right_the_page_says_so(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", "kopi pagi di kantor")
    pid = demo_db.conn.execute("SELECT pegawai_id FROM pegawai_ringkas LIMIT 1").fetchone()[0]
    akun.create_akun(demo_db, "penilai", "Penilai", "hujan turun deras",
                     [Hak(Peran.PEJABAT_PENILAI)], actor=admin, pegawai_id=pid)  # fmt: skip
    sesi = akun.masuk(demo_db, "penilai", "hujan turun deras")
    page = BerandaPage(demo_db, runner=demo_runner, actor=sesi, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    _loaded(qtbot, page)
    assert page.no_rights.isVisible()
    assert not page.kgb.isVisible() and not page.pegawai.isVisible()
    assert not page.cadangan.isVisible() and not page.konflik.isVisible()
