"""The README's first command, as a newcomer meets it: `merit --demo` on an empty data folder
fills demo data in the background, asks for the administrator account, then opens the main
window signed in."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app import paths
from app.models.access import akun
from app.models.storage import cadangan
from app.models.storage.db import Database
from app.ui import application


@pytest.mark.slow
def test_merit_demo_on_a_fresh_machine(
    qtbot: QtBot, merit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    seen: dict[str, object] = {}

    def step() -> None:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            name = widget.objectName()
            if name == "dialogPertama":
                seen["first_run"] = True
            elif name == "dialogAdminPertama" and "admin" not in seen:
                seen["admin"] = True
                widget.findChild(QLineEdit, "namaLengkap").setText("Admin Demo")
                for field in ("kataSandi", "ulangiSandi"):
                    widget.findChild(QLineEdit, field).setText("rahasia-sekali-123")
                widget.ok.click()
            elif name == "jendelaUtama" and "main" not in seen:
                seen["main"] = (
                    widget.employees.model.rowCount(),
                    widget.user_label.text(),
                    widget.installation_label.text(),
                )
                widget.close()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(100)
    try:
        code = application.run_app(None, demo=True)
    finally:
        timer.stop()
    assert code == 0
    assert seen.get("first_run") and seen.get("admin")
    # The first start leaves its daily backup, although the window was closed at once.
    latest = cadangan.latest_backup_of(paths.default_db())
    assert latest is not None and latest.kind == cadangan.HARIAN
    rows, user, installation = seen["main"]  # type: ignore[misc]
    assert rows > 100
    assert "Admin Demo" in str(user) and "Nusa Indah" in str(installation)
    assert (merit_home / "merit.sqlite3").exists()
    db = Database(merit_home / "merit.sqlite3")
    try:
        assert akun.ada_akun(db)
    finally:
        db.close()
