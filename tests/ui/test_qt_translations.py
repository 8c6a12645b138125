"""Qt's own dialogs and menus speak Indonesian (issue 14, item 4): the file dialog, the text
context menu, standard buttons and the print dialog, through Qt's qtbase_id where it exists,
else Merit's own translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.ui.application import make_app
from app.ui.qt_terjemahan import TEKS


def _texts(widget: object) -> set[str]:
    found = {w.text() for w in widget.findChildren(QLabel)}  # type: ignore[attr-defined]
    found |= {w.text() for w in widget.findChildren(QPushButton)}  # type: ignore[attr-defined]
    return found


def test_file_dialog_and_context_menu_are_indonesian(qtbot: QtBot) -> None:
    make_app()
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert {"Lihat di:", "&Nama berkas:", "Jenis berkas:"} <= texts
    assert not {"Look in:", "File &name:", "Files of type:", "&Save"} & texts

    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    actions = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "&Salin" in actions and "&Tempel" in actions and "Pilih Semua" in actions
    assert "&Copy" not in actions

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"


def test_print_dialog_is_indonesian(qtbot: QtBot) -> None:
    make_app()
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert "&Cetak" in texts or "Cetak" in texts
    assert "&Print" not in texts
    dialog.close()


def test_unknown_texts_stay_as_qt_wrote_them() -> None:
    make_app()
    assert (
        QCoreApplication.translate("QFileDialog", "Look in:") == TEKS[("QFileDialog", "Look in:")]
    )
    assert QCoreApplication.translate("Merit", "Tidak dikenal %1") == "Tidak dikenal %1"
