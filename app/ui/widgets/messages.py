"""Showing errors to a clerk: an Indonesian sentence in a dialog, never a raw traceback."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.crash import write_crash_log
from app.i18n import tr
from app.models.errors import MeritError, ValidationError


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show an expected error (MeritError) or, for anything else, the crash report's place.

    The box is opened window-modal with ``open()`` so that tests can answer it.
    """
    if isinstance(exc, MeritError):
        title = tr("Data tidak sah") if isinstance(exc, ValidationError) else tr("Merit")
        text = str(exc)
        icon = QMessageBox.Icon.Warning
    else:
        path = write_crash_log(exc)
        title = tr("Kesalahan tak terduga")
        text = tr(
            "Terjadi kesalahan tak terduga. Rinciannya disimpan di:\n{path}\n\nKirimkan "
            "berkas itu ke admin. Data yang sudah disimpan tidak terpengaruh.",
            path=path,
        )
        icon = QMessageBox.Icon.Critical
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("pesanKesalahan")
    box.open()
    return box


def install_excepthook() -> None:
    """Unexpected exceptions in Qt slots reach this one handler: log file plus a dialog."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        app = QApplication.instance()
        if app is None:
            path = write_crash_log(exc)
            print(tr("Kesalahan tak terduga; rincian di {path}", path=path), file=sys.stderr)
            return
        show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
