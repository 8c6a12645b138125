"""The Bantuan menu (issue 14 item 5): a guide page for every main screen, F1 opens the page of
the screen shown, and Tentang Merit shows the version and the licences."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import __version__
from app.models.storage.db import Database
from app.ui.dialogs.bantuan import help_dir, help_file
from app.ui.main_window import MainWindow
from app.ui.pages.registry import PAGES
from app.ui.tasks import TaskRunner


def test_every_main_screen_has_a_guide_page_reachable_from_the_contents() -> None:
    index = (help_dir() / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([a-z_]+)\.html"', index))
    for spec in PAGES:
        path = help_file(spec.key)
        assert path.name == f"{spec.key}.html", spec.key
        text = path.read_text(encoding="utf-8")
        assert f"<h2>{spec.title.replace('&', '&amp;')}</h2>" in text, spec.key
        assert spec.key in links, spec.key
    for page in help_dir().glob("*.html"):  # every link inside the guide leads somewhere
        for target in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            assert (help_dir() / target).is_file(), (page.name, target)


def test_f1_opens_the_page_of_the_current_screen(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner, tmp_path: Path
) -> None:
    window = MainWindow(demo_db, demo_runner, actor="sistem")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    assert window.help_action.shortcut().toString() == "F1"
    window.open_page("kp")
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.key == "kp"
    assert "Usulkan" in dialog.browser.toPlainText()
    assert dialog.browser.toPlainText().startswith("← Daftar isi")
    dialog.grab().save(str(tmp_path / "bantuan.png"))
    window.open_page("instansi")
    window.help_action.trigger()
    assert dialog.key == "instansi" and "Penandatangan" in dialog.browser.toPlainText()
    # A link inside the guide opens its page; Kembali returns.
    dialog.browser.setSource(dialog.browser.source().resolved("dokumen.html"))
    assert "Register" in dialog.browser.toPlainText()
    assert dialog.back_button.isEnabled()
    dialog.close()
    window.close()


def test_tentang_shows_the_version_and_the_licences(
    qtbot: QtBot, db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    window = MainWindow(db, runner, actor="sistem")
    qtbot.addWidget(window)
    dialog = window.open_about()
    assert __version__ in dialog.title.text()
    text = dialog.text.toPlainText()
    for word in (
        __version__,
        "Liberation Serif",
        "SIL Open Font License",
        "PySide6",
        "LGPL",
        "reportlab",
        "BSD",
        "openpyxl",
        "MIT",
        "Copyright (c) 2012 Red Hat",
    ):
        assert word in text, word
    dialog.grab().save(str(tmp_path / "tentang.png"))
    dialog.close()
    window.close()
