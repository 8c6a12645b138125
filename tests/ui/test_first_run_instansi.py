"""First run, "Mulai kosong" (issue 14 item 1): the wizard asks for the agency basics and
prepares the decree templates, which then refer to the settings."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.models.dokumen import penandatangan, templat
from app.models.storage import instansi
from app.models.storage.db import Database
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.tasks import TaskRunner


def test_start_empty_asks_the_agency_basics(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    dialog = FirstRunDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.pemerintah.isEnabled() and not dialog.ibu_kota.isEnabled()
    choice = dialog.empty_choice
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))
    assert dialog.pemerintah.isEnabled() and dialog.ibu_kota.isEnabled()
    qtbot.keyClicks(dialog.agency, "BKPSDM Kabupaten Sikka")
    qtbot.keyClicks(dialog.pemerintah, "Pemerintah  Kabupaten Sikka")
    qtbot.keyClicks(dialog.ibu_kota, "Maumere")
    dialog.grab().save("/tmp/merit-first-run.png")
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    settings = instansi.read_settings(db.conn)
    assert settings["nama_instansi"] == "BKPSDM Kabupaten Sikka"
    assert settings["nama_pemerintah"] == "Pemerintah Kabupaten Sikka"
    assert settings["ibu_kota"] == "Maumere"
    # The templates are ready; an SK is refused only until the signatories are set, saying where.
    t = templat.get_template(db.conn, "SK_KP")
    assert "Instansi" in penandatangan.missing_signatory(t, "ttd")
