"""Showing errors to a clerk: an Indonesian sentence in a dialog, never a raw traceback."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.crash import write_crash_log
from app.i18n import tr
from app.models.errors import MeritError, ValidationError
from app.models.storage.faults import as_storage_error

_database_path: list[Path] = []


def set_database_path(path: Path) -> None:
    """The database the app works on, named in messages about storage faults."""
    _database_path[:] = [Path(path)]


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show an expected error (MeritError) or, for anything else, the crash report's place.

    An SQLite environment error that escaped (disk full, a corrupt page met mid-query) is shown
    as the storage message it is, with the newest backup, not as a crash. The box is opened
    window-modal with ``open()`` so that tests can answer it.
    """
    translated = as_storage_error(exc, _database_path[0] if _database_path else tr("basis data"))
    if translated is not None:
        exc = translated
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
