"""Starting the desktop app: QApplication, the database, first run, the main window."""

from __future__ import annotations

import getpass
import sys
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app import paths
from app.i18n import current_language, tr
from app.models.errors import MeritError, SchemaTooNewError
from app.models.storage.db import Database
from app.models.storage.instansi_baca import is_set_up
from app.ui.main_window import MainWindow
from app.ui.qt_terjemahan import install_qt_translations
from app.ui.tasks import TaskRunner
from app.ui.widgets.messages import install_excepthook, set_database_path


def make_app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Merit")
    app.setOrganizationName("Merit")
    app.setApplicationDisplayName("Merit")
    if current_language() == "en":
        # Qt's own texts are English already; numbers and dates in widgets the English way.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        use_indonesian_locale()
        install_qt_translations(app)  # Qt's own dialogs and context menus in Indonesian
    return app


def use_indonesian_locale() -> None:
    """Numbers and dates in widgets as Indonesians write them (2.000, not 2,000)."""
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))


def actor_name() -> str:
    """Who acts in the desktop app until accounts exist (accounts issue): the OS user."""
    try:
        return f"desktop:{getpass.getuser()}"
    except Exception:
        return "desktop"


def open_database(path: Path) -> Database | int:
    """Open the database, or explain in a dialog why not (no traceback) and return the exit
    code. When the file is damaged and a backup exists, offer to restore the newest one (the
    damaged file is kept aside)."""
    from app.models.storage import cadangan  # lazy: only when the database does not open

    set_database_path(path)
    try:
        return Database(path)
    except MeritError as exc:
        latest = cadangan.latest_backup_of(path)  # never another database's backup
        damaged = path.exists() and not isinstance(exc, SchemaTooNewError)
        box = QMessageBox(
            QMessageBox.Icon.Critical, tr("Merit tidak dapat membuka basis data"), str(exc)
        )
        box.setObjectName("gagalBuka")
        restore = None
        if damaged and latest is not None and "rusak" in str(exc):
            restore = box.addButton(
                tr("Pulihkan cadangan terbaru"), QMessageBox.ButtonRole.AcceptRole
            )
        box.addButton(tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if restore is not None and latest is not None and box.clickedButton() is restore:
            try:
                cadangan.restore(path, latest.path, confirm_other_agency=True)
                return Database(path)
            except MeritError as again:
                QMessageBox.critical(None, tr("Pemulihan gagal"), str(again))
                return again.exit_code
        return exc.exit_code


def run_app(db_path: Path | None = None, *, demo: bool = False, package: Path | None = None) -> int:
    """Open the desktop app on ``db_path`` (default: the per-user data folder).

    With ``demo``, an empty database is filled with demo data straight away (with progress)
    instead of asking. With ``package`` (``merit PAKET.merit``, the installers' file
    association), the first window after sign-in opens Sinkronisasi and imports it.
    """
    app = make_app()
    install_excepthook()
    path = Path(db_path) if db_path else paths.default_db()
    opened = open_database(path)
    if isinstance(opened, int):
        return opened
    db = opened
    actor = actor_name()
    runner = TaskRunner(db.path)
    if not is_set_up(db):
        from app.ui.dialogs.first_run import FirstRunDialog  # lazy: the first run only

        first = FirstRunDialog(db, runner, actor=actor)
        if demo:
            first.show()
            first.begin()
        if first.exec() != QDialog.DialogCode.Accepted:
            runner.wait()
            return 0
        # The database has just been filled (demo, import or a fresh agency): its first daily
        # backup is made now, in the background, not an hour or a restart later.
        runner.run(make_due_backup, bulk=True)
    from app.ui.dialogs.login import SessionFlow  # lazy: argon2 (7 ms), once the data is open

    # The first admin (no accounts yet) or a login, then the main window for that user;
    # "Keluar akun" returns to the login (app/ui/dialogs/login.py).
    flow = SessionFlow(db, lambda sesi: MainWindow(db, runner, actor=sesi))
    flow.finished.connect(app.quit)
    if package is not None:
        pending = [package]

        def first_window(window: QWidget) -> None:
            if pending:
                open_package(window, pending.pop())

        flow.window_opened.connect(first_window)
    flow.start()
    code = app.exec()
    runner.wait()
    make_due_backup(db)  # a session shorter than the first scheduled check still leaves one
    db.close()
    return int(code)


def open_package(window: QWidget, package: Path) -> object:
    """Show Sinkronisasi in ``window`` and import ``package`` there (its passphrase asked
    first when it has one). The page, and the import's right checks, decide what happens: a user
    without the Sinkronisasi page just sees the main window."""
    open_page = getattr(window, "open_page", None)
    page = open_page("sinkron") if open_page is not None else None
    import_file = getattr(page, "import_file", None)
    return import_file(package) if import_file is not None else None


def make_due_backup(db: Database, _progress: object = None) -> None:
    """The daily backup when it is due and the database holds data (see
    :func:`app.models.storage.cadangan.scheduled_backup`); a failure is shown in the status
    bar by the hourly check, so here it is not raised (closing the app must not fail)."""
    from app.models.storage import cadangan  # lazy: not at start-up (5 ms)

    with suppress(MeritError, OSError):
        cadangan.scheduled_backup(db)
