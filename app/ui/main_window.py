"""The main window: navigation sidebar, pages, status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__, paths
from app.i18n import BAHASA, current_language, save_language, saved_language, tr
from app.models.access.akses import Sesi, allowed
from app.models.storage.db import Database
from app.models.storage.instansi_baca import get_setting, installation_name
from app.ui.pages.base import Page
from app.ui.pages.registry import PageSpec, visible_pages
from app.ui.tasks import TaskRunner
from app.ui.widgets.messages import show_error

if TYPE_CHECKING:
    from app.sync.folder import RoundResult
    from app.ui.dialogs.bantuan import BantuanDialog, TentangDialog
    from app.ui.dialogs.cadangan import CadanganDialog
    from app.ui.pages.beranda import BerandaPage
    from app.ui.pages.sinkron.page import SinkronPage


class MainWindow(QMainWindow):
    """Only the areas that work, and that the signed-in user may use, appear in the sidebar."""

    signed_out = Signal()  # "Keluar akun": the window closes and the login comes back

    def __init__(
        self, db: Database, runner: TaskRunner | None = None, *, actor: str = "sistem"
    ) -> None:
        super().__init__()
        self.setObjectName("jendelaUtama")
        self.db = db
        self.actor = actor  # a Sesi when accounts exist (app/models/access/akses.py)
        self._signing_out = False
        # The one runner of the window: every page is handed it (pages never make their own).
        self.runner = runner or TaskRunner(db.path, self)
        agency = get_setting(db.conn, "nama_instansi") or ""
        # Qt adds the application's display name ("Merit") to the title bar itself: the title
        # is the agency alone, else the bar read "Merit — Kota X — Merit" (issue 14 item 4).
        self.setWindowTitle(agency)

        self.nav = QListWidget()
        self.nav.setObjectName("navigasi")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(18, 18))
        self.pages = QStackedWidget()

        # The sidebar comes from the page registry (app/ui/pages/registry.py). Pages other than
        # the eager ones are built the first time they are shown (or used), so that start-up
        # pays neither for their modules (openpyxl, reportlab, PyNaCl) nor their data.
        self._lazy: dict[str, tuple[int, PageSpec]] = {}
        self._built: dict[str, Page] = {}
        self._rows: dict[str, int] = {}  # page key -> sidebar row
        for spec in visible_pages(actor):
            if spec.eager:
                self._add_page(spec, self._make(spec))
            else:
                self._add_lazy(spec)

        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.installation_label = QLabel(tr("Instalasi: {nama}", nama=installation_name(db)))
        self.installation_label.setObjectName("labelInstalasi")
        self.db_label = QLabel(tr("Basis data: {path}", path=db.path))
        self.db_label.setObjectName("labelBasisData")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        bar.addWidget(self.installation_label)
        bar.addWidget(self.db_label, 1)
        if isinstance(actor, Sesi):
            self.user_label = QLabel(tr("Masuk sebagai: {siapa}", siapa=actor.uraian()))
            self.user_label.setObjectName("labelPengguna")
            bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(QLabel(f"Merit {__version__}"))

        menu = self.menuBar().addMenu(tr("&Berkas"))
        if isinstance(actor, Sesi):
            self.sign_out_action = menu.addAction(tr("Keluar &akun"))
            self.sign_out_action.setObjectName("aksiKeluarAkun")
            self.sign_out_action.triggered.connect(self.sign_out)
        if allowed(actor, "cadangan.buat"):
            self._add_backup_actions(menu)
        self._start_daily_backups()
        self._start_folder_rounds()
        self._add_language_menu(menu)
        quit_action = menu.addAction(tr("&Keluar"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        help_menu = self.menuBar().addMenu(tr("Ban&tuan"))
        self.help_action = help_menu.addAction(tr("&Panduan layar ini"))
        self.help_action.setObjectName("aksiPanduan")
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.help_action.triggered.connect(lambda: self.open_help())
        contents = help_menu.addAction(tr("&Daftar isi panduan"))
        contents.triggered.connect(lambda: self.open_help("index"))
        help_menu.addSeparator()
        about = help_menu.addAction(tr("&Tentang Merit"))
        about.setObjectName("aksiTentang")
        about.triggered.connect(self.open_about)

        self.resize(1280, 780)
        self._restore_state()

    # -- help (app/ui/dialogs/bantuan.py) ---------------------------------------------------------

    def current_page_key(self) -> str:
        row = self.pages.currentIndex()
        return next((key for key, r in self._rows.items() if r == row), "index")

    def open_help(self, key: str | None = None) -> BantuanDialog:
        """The guide at the page of ``key`` (default: the screen shown now). F1."""
        from app.ui.dialogs.bantuan import BantuanDialog  # lazy: not at start-up

        dialog = self.__dict__.get("help_dialog")
        if dialog is None:
            dialog = BantuanDialog(self)
            self.help_dialog = dialog
        dialog.show_page(key or self.current_page_key())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_about(self) -> TentangDialog:
        from app.ui.dialogs.bantuan import TentangDialog  # lazy: not at start-up

        dialog = TentangDialog(self)
        dialog.open()
        self.about_dialog = dialog
        return dialog

    def sign_out(self) -> None:
        """Close the window and return to the login (see app/ui/dialogs/login.py)."""
        self._signing_out = True
        self.close()

    # -- backups (app/models/storage/cadangan.py) --------------------------------------------------

    def _add_language_menu(self, menu: QMenu) -> None:
        """Berkas > Bahasa antarmuka: the choice is saved for this installation and used from
        the next start (every screen is built in one language)."""
        languages = menu.addMenu(tr("&Bahasa antarmuka"))
        languages.setObjectName("menuBahasa")
        group = QActionGroup(self)
        chosen = saved_language(paths.home()) or current_language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in BAHASA.items():
            action = languages.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setObjectName(f"aksiBahasa_{code}")
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_actions[code] = action
        menu.addSeparator()

    def choose_language(self, code: str) -> None:
        save_language(paths.home(), code)
        if code == current_language():
            self.statusBar().showMessage(tr("Bahasa antarmuka disimpan."), 8000)
        else:
            self.statusBar().showMessage(
                tr("Bahasa antarmuka disimpan; berlaku saat Merit dibuka kembali."), 15000
            )

    def _add_backup_actions(self, menu: QMenu) -> None:
        backup = menu.addAction(tr("&Cadangkan sekarang…"))
        backup.setObjectName("aksiCadangkan")
        backup.triggered.connect(self.open_backups)
        restore = menu.addAction(tr("&Pulihkan dari cadangan…"))
        restore.setObjectName("aksiPulihkan")
        restore.setEnabled(allowed(self.actor, "cadangan.pulihkan"))
        restore.triggered.connect(lambda: self.open_backups().choose_restore_file())
        menu.addSeparator()

    def _start_daily_backups(self) -> None:
        """The daily backup is the system's own, whoever is signed in (making one by hand, or
        restoring, is the admin's): checked soon after start and every hour, in the
        background."""
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(60 * 60 * 1000)
        self.backup_timer.timeout.connect(self.scheduled_backup)
        self.backup_timer.start()
        QTimer.singleShot(15_000, self, self.scheduled_backup)

    def _start_folder_rounds(self) -> None:
        """The exchange folder (app/ui/folder_timer.py): a round soon after start and every
        few minutes, in the background, when a folder is set."""
        from app.ui.folder_timer import FolderTimer  # lazy: not at start-up (PyNaCl)

        self.folder_timer = FolderTimer(self.db, self.runner, self.actor, self)
        self.folder_timer.roundDone.connect(self.folder_round_done)
        self.folder_timer.roundFailed.connect(
            lambda exc: self.statusBar().showMessage(
                tr("Folder tukar: {e}", e=str(exc).splitlines()[0]), 30_000
            )
        )
        self.folder_timer.start()

    def folder_round_done(self, result: RoundResult) -> None:
        """A timed round ended: said in the status bar; the pages that show records read
        again when packages were received."""
        if result.diambil or result.dikirim:
            self.statusBar().showMessage(result.lines()[0], 30_000)
        page = self._built.get("sinkron")
        if page is not None:
            cast("SinkronPage", page).folder_round_done(result)  # it tells the others
        elif result.diterima:
            for other in list(self._built.values()):
                other.records_changed()
            self._update_lazy_titles()

    def scheduled_backup(self) -> None:
        from app.models.storage import cadangan  # lazy: not at start-up (5 ms)

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(
                tr("Cadangan harian gagal: {e}", e=str(exc).splitlines()[0]), 30_000
            )

        self.runner.run(lambda db, _p: cadangan.scheduled_backup(db), on_error=failed, bulk=True)

    def open_backups(self) -> CadanganDialog:
        from app.ui.dialogs.cadangan import CadanganDialog  # lazy: not at start-up (7 ms)

        dialog = CadanganDialog(self.db, self.runner, self, actor=self.actor)
        dialog.restoreConfirmed.connect(self.restore_from)
        dialog.open()
        self.backup_dialog = dialog
        return dialog

    def restore_from(self, path: Path) -> None:
        """Close the database, swap the backup in (the current one is kept aside), and close
        Merit to be opened again on the restored data."""
        from app.jobs.cadangan import RestoreRequest, restore_backup  # lazy: not at start-up

        if hasattr(self, "backup_dialog"):
            self.backup_dialog.close()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.runner.wait()
            # Checked and audited in the job, which closes the database before the swap.
            result = restore_backup(
                self.db, self.actor, RestoreRequest(path, confirm_other_agency=True)
            )
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QApplication.restoreOverrideCursor()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("Pemulihan selesai"),
            tr(
                "Basis data dipulihkan dari {file}. Basis data sebelumnya disimpan di {aside}. "
                "Merit akan ditutup; buka lagi untuk melanjutkan.",
                file=path.name,
                aside=result.aside or "-",
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("pemulihanSelesai")
        box.finished.connect(lambda _code: self.close())
        box.open()
        self.restore_box = box

    # -- pages -------------------------------------------------------------------------------

    def _make(self, spec: PageSpec) -> Page:
        page = spec.load()(self.db, actor=self.actor, runner=self.runner)
        self._built[spec.key] = page
        setattr(self, spec.key, page)
        page.recordsChanged.connect(lambda: self._records_changed(page))
        if spec.key == "sinkron":
            cast("SinkronPage", page).identityChanged.connect(self._installation_renamed)
        if spec.key == "beranda":
            cast("BerandaPage", page).openPage.connect(self.open_page)
        return page

    def _add_page(self, spec: PageSpec, page: Page) -> None:
        self._rows[spec.key] = self.pages.addWidget(page)
        item = QListWidgetItem(page.nav_title() or spec.nav_text, self.nav)
        page.navTitleChanged.connect(item.setText)

    def _add_lazy(self, spec: PageSpec) -> None:
        index = self.pages.addWidget(QWidget())  # a stand-in until the page is first shown
        self._rows[spec.key] = index
        title = spec.live_title(self.db) if spec.live_title is not None else spec.nav_text
        QListWidgetItem(title, self.nav)
        self._lazy[spec.key] = (index, spec)

    def _update_lazy_titles(self) -> None:
        """Records changed: the sidebar texts of pages not built yet read again (a count; a
        built page sends its own, see Page.navTitleChanged)."""
        for index, spec in list(self._lazy.values()):
            if spec.live_title is not None:
                self.nav.item(index).setText(spec.live_title(self.db))

    def _build(self, key: str) -> Page:
        index, spec = self._lazy.pop(key)
        page = self._make(spec)
        stand_in = self.pages.widget(index)
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, page)
        if stand_in is not None:
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
        self.pages.setCurrentIndex(current)
        item = self.nav.item(index)
        item.setText(page.nav_title() or spec.nav_text)
        page.navTitleChanged.connect(item.setText)
        return page

    def __getattr__(self, name: str) -> Page:
        # window.skp, window.importer, ...: a page not shown yet is built when first used.
        lazy = self.__dict__.get("_lazy")
        if lazy is not None and name in lazy:
            return self._build(name)
        raise AttributeError(name)

    def _show_page(self, row: int) -> None:
        for key, (index, _spec) in list(self._lazy.items()):
            if index == row:
                self._build(key)
        self.pages.setCurrentIndex(row)

    def open_page(self, key: str, target: object = None) -> Page | None:
        """Show page ``key`` (built if needed) at ``target`` (see Page.open_target); the
        Beranda's way in. "cadangan" opens the backup dialog of the Berkas menu."""
        if key == "cadangan":
            if allowed(self.actor, "cadangan.buat"):
                self.open_backups()
            return None
        row = self._rows.get(key)
        if row is None:
            return None  # not a page of this user
        self.nav.setCurrentRow(row)
        page = self._built.get(key)
        if page is not None:
            page.open_target(target)
        return page

    def _records_changed(self, source: Page) -> None:
        """A page wrote records (import, sync, a resolved clash): the others that show them
        read again."""
        for page in list(self._built.values()):
            if page is not source:
                page.records_changed()
        self._update_lazy_titles()

    def _installation_renamed(self, nama: str) -> None:
        self.installation_label.setText(tr("Instalasi: {nama}", nama=nama))

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("jendela/geometri")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("jendela/geometri", self.saveGeometry())
        self.runner.wait(5000)
        super().closeEvent(event)
        if self._signing_out and event.isAccepted():
            self._signing_out = False
            self.signed_out.emit()
