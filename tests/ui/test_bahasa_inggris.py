"""The interface in English (issue 18 item 5): every page of the main window, opened on the demo
in English, shows no Indonesian interface text (labels, buttons, tabs, group titles, column
headers, placeholders, menus); the language is chosen in Berkas > Bahasa antarmuka and saved."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import i18n, paths
from app.models.storage.db import Database
from app.ui.tasks import TaskRunner
from tests.helpers import i18n_scan

#: Interface words that never name data: one of them on a button, tab, group title or column
#: header means an Indonesian text escaped the catalogue (e.g. written without ``tr``).
KATA_ANTARMUKA = {
    "simpan", "batal", "tambah", "hapus", "ubah", "cari", "tutup", "cetak", "ekspor", "impor",
    "pilih", "daftar", "belum", "tidak", "semua", "muat", "terbitkan", "ajukan", "setujui",
    "tolak", "keluar", "bantuan", "berkas", "rincian", "tanggal", "jumlah", "dari", "sampai",
    "dengan", "untuk", "yang", "atau", "baru", "lama", "buka", "kirim", "terima", "periksa",
}  # fmt: skip


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("id")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("&&", "\0").replace("&", "").replace("\0", "&")).strip()


def _indonesian_sources() -> set[str]:
    """Source strings whose English differs (a source equal to its English, like "NIP", is no
    sign of a missing translation)."""
    merged: dict[str, str] = {}
    for entries in i18n_scan.load("en").values():
        merged.update(entries)
    return {_clean(s) for s, e in merged.items() if _clean(s) != _clean(e) and "{" not in s}


def _header_texts(model: QAbstractItemModel | None) -> list[str]:
    if model is None or isinstance(model, QAbstractListModel):
        return []  # a list has no column headers
    out = []
    for c in range(model.columnCount()):
        value = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if value:
            out.append(str(value))
    return out


def _chrome(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every interface text under ``root``."""
    found: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        kind = type(w).__name__
        if isinstance(w, QAbstractButton) and w.text():
            found.append((f"tombol {kind}", w.text()))
        if isinstance(w, QLabel) and w.text() and not w.text().lstrip().startswith("<"):
            found.append((f"label {w.objectName()}", w.text()))
        if isinstance(w, QGroupBox) and w.title():
            found.append(("grup", w.title()))
        if isinstance(w, QTabWidget):
            found += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QLineEdit) and w.placeholderText():
            found.append(("petunjuk isian", w.placeholderText()))
        if isinstance(w, QAbstractItemView):
            found += [("kolom", t) for t in _header_texts(w.model())]
        if w.toolTip():
            found.append((f"tooltip {kind}", w.toolTip()))
    for action in root.findChildren(QAction):
        if action.text():
            found.append(("menu", action.text()))
    return found


def _chrome_problems(found: list[tuple[str, str]], sources: set[str]) -> list[str]:
    problems = []
    for where, text in found:
        clean = _clean(text)
        if clean in sources:
            problems.append(f"{where}: {clean!r}")
        elif where.startswith(("tombol", "tab", "grup", "kolom", "menu")):
            words = set(re.findall(r"[a-z]+", clean.lower()))
            if words & KATA_ANTARMUKA:
                problems.append(f"{where}: {clean!r} (kata {sorted(words & KATA_ANTARMUKA)})")
    return problems


def test_every_page_shows_english_only(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner, english: None
) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.pages.registry import visible_pages

    sources = _indonesian_sources()
    assert i18n.tr("Simpan") != "Simpan"  # the catalogue is active
    window = MainWindow(demo_db, demo_runner, actor="sistem")
    qtbot.addWidget(window)
    window.show()
    problems: list[str] = []
    keys = [spec.key for spec in visible_pages("sistem")]
    assert len(keys) >= 10
    for key in keys:
        page = window.open_page(key)
        assert page is not None, key
        demo_runner.wait()
        qtbot.wait(20)
        problems += [f"[{key}] {p}" for p in _chrome_problems(_chrome(page), sources)]
    problems += [f"[jendela] {p}" for p in _chrome_problems(_chrome(window), sources)]
    assert not problems, f"{len(problems)} Indonesian text(s) in English:\n" + "\n".join(
        sorted(set(problems))[:60]
    )


def test_language_chosen_in_the_menu_is_saved_for_the_next_start(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    from app.ui.main_window import MainWindow

    window = MainWindow(demo_db, demo_runner, actor="sistem")
    qtbot.addWidget(window)
    assert window.language_actions["id"].isChecked()
    window.language_actions["en"].trigger()
    saved = json.loads((paths.home() / i18n.SETTINGS_FILE).read_text(encoding="utf-8"))
    assert saved == {"bahasa": "en"}
    assert "dibuka kembali" in window.statusBar().currentMessage()
    assert window.language_actions["en"].isChecked()
    assert i18n.current_language() == "id"  # this session stays as it started
    assert i18n.choose_language(None, Path(paths.home())) == "en"
