"""``merit PAKET.merit`` once signed in: the first window shows Sinkronisasi and imports the
package there (the command line side: tests/installer/test_file_association.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.storage.db import Database
from app.ui.tasks import TaskRunner


def test_open_package_shows_sinkronisasi_and_imports_the_file(
    qtbot: QtBot,
    demo_db: Database,
    demo_runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from app.ui.application import open_package
    from app.ui.main_window import MainWindow
    from app.ui.pages.sinkron.page import SinkronPage

    imported: list[Path] = []
    monkeypatch.setattr(SinkronPage, "import_file", lambda self, path: imported.append(path))
    window = MainWindow(demo_db, demo_runner, actor="sistem")
    qtbot.addWidget(window)
    window.show()
    package = tmp_path / "dari-dinas.merit"
    open_package(window, package)
    assert window.current_page_key() == "sinkron"
    assert imported == [package]
