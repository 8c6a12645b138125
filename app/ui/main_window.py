"""The main window: navigation sidebar, pages, status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.i18n import tr
from app.models.access.akses import Sesi, allowed
from app.models.storage.db import Database
from app.models.storage.instansi import get_setting, installation_name
from app.ui.pages.employees import EmployeesPage
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.dialogs.cadangan import CadanganDialog


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
        self.runner = runner or TaskRunner(db.path, self)
        agency = get_setting(db.conn, "nama_instansi") or ""
        self.setWindowTitle(f"Merit — {agency}" if agency else "Merit")

        self.nav = QListWidget()
        self.nav.setObjectName("navigasi")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(18, 18))
        self.pages = QStackedWidget()

        # Pages other than the first are built the first time they are shown (or used), so that
        # start-up pays neither for their modules (openpyxl, reportlab, PyNaCl) nor their data.
        self._lazy: dict[str, tuple[int, Callable[[], QWidget], Callable[[QWidget], None]]] = {}
        self.employees = EmployeesPage(db, actor=actor, runner=self.runner)
        self._add_page(tr("Pegawai"), self.employees)
        if allowed(actor, "pegawai.impor"):
            self._add_lazy(
                tr("Impor data"),
                "importer",
                self._make_importer,
                lambda page: page.applied.connect(self._refresh_employees),
            )
        self._add_lazy(tr("Organisasi & Formasi"), "organisasi", self._make_organisasi)
        self._add_lazy(tr("Rekap Excel"), "rekap", self._make_rekap)
        self._add_lazy(tr("Kinerja (SKP)"), "skp", self._make_skp)  # who may act: per SKP
        if allowed(actor, "dokumen.terbitkan"):
            self._add_lazy(tr("Dokumen SK"), "dokumen", self._make_dokumen)
            self._add_lazy(tr("Kenaikan pangkat"), "kp", self._make_kp)
        # a committee member (seleksi.baca of assigned selections only) sees no one's scores
        if allowed(actor, "seleksi.kelola") or (
            allowed(actor, "seleksi.baca") and allowed(actor, "laporan.baca")
        ):
            self._add_lazy(tr("Seleksi jabatan"), "seleksi", self._make_seleksi)
        if allowed(actor, "seleksi.nilai"):
            self._add_lazy(tr("Penilaian panitia"), "penilaian", self._make_penilaian)
        if allowed(actor, "akun.kelola") and isinstance(actor, Sesi):
            self._add_lazy(tr("Akun pengguna"), "akun", self._make_akun)
        if allowed(actor, "audit.baca"):
            self._add_lazy(tr("Jejak audit"), "audit", self._make_audit)
        if allowed(actor, "sync.impor") or allowed(actor, "sync.ekspor"):
            from app.ui.pages.konflik import KonflikPage, nav_title

            self._add_lazy(tr("Sinkronisasi"), "sinkron", self._make_sinkron, self._sinkron_created)
            # Built now: its sidebar entry shows the number of open clashes.
            self.konflik = KonflikPage(db, actor=actor)
            self._add_page(nav_title(len(self.konflik.conflicts)), self.konflik)
            konflik_item = self.nav.item(self.nav.count() - 1)
            self.konflik.countChanged.connect(lambda n: konflik_item.setText(nav_title(n)))
            self.konflik.resolved.connect(self._refresh_employees)
            self.konflik.resolved.connect(lambda _id: self._if_built("sinkron", "refresh"))

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
        quit_action = menu.addAction(tr("&Keluar"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.resize(1280, 780)
        self._restore_state()

    def sign_out(self) -> None:
        """Close the window and return to the login (see app/ui/dialogs/login.py)."""
        self._signing_out = True
        self.close()

    # -- backups (app/models/storage/cadangan.py) --------------------------------------------------

    def _add_backup_actions(self, menu: QMenu) -> None:
        backup = menu.addAction(tr("&Cadangkan sekarang…"))
        backup.setObjectName("aksiCadangkan")
        backup.triggered.connect(self.open_backups)
        restore = menu.addAction(tr("&Pulihkan dari cadangan…"))
        restore.setObjectName("aksiPulihkan")
        restore.setEnabled(allowed(self.actor, "cadangan.pulihkan"))
        restore.triggered.connect(lambda: self.open_backups().choose_restore_file())
        menu.addSeparator()
        # The daily backup: checked soon after start and every hour, in the background.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(60 * 60 * 1000)
        self.backup_timer.timeout.connect(self.scheduled_backup)
        self.backup_timer.start()
        QTimer.singleShot(15_000, self, self.scheduled_backup)

    def scheduled_backup(self) -> None:
        from app.models.storage.cadangan import scheduled_backup

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(
                tr("Cadangan harian gagal: {e}", e=str(exc).splitlines()[0]), 30_000
            )

        self.runner.run(lambda db, _p: scheduled_backup(db), on_error=failed, bulk=True)

    def open_backups(self) -> CadanganDialog:
        from app.ui.dialogs.cadangan import CadanganDialog

        dialog = CadanganDialog(self.db, self.runner, self)
        dialog.restoreConfirmed.connect(self.restore_from)
        dialog.open()
        self.backup_dialog = dialog
        return dialog

    def restore_from(self, path: Path) -> None:
        """Close the database, swap the backup in (the current one is kept aside), and close
        Merit to be opened again on the restored data."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        from app.models.storage import cadangan
        from app.ui.widgets.messages import show_error

        if hasattr(self, "backup_dialog"):
            self.backup_dialog.close()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.runner.wait()
            self.db.close()
            result = cadangan.restore(self.db.path, path, confirm_other_agency=True)
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

    def _add_page(self, title: str, page: QWidget) -> None:
        self.pages.addWidget(page)
        QListWidgetItem(title, self.nav)

    def _add_lazy(
        self,
        title: str,
        attr: str,
        factory: Callable[[], QWidget],
        on_created: Callable[[QWidget], None] = lambda _page: None,
    ) -> None:
        index = self.pages.addWidget(QWidget())  # a stand-in until the page is first shown
        QListWidgetItem(title, self.nav)
        self._lazy[attr] = (index, factory, on_created)

    def _build(self, attr: str) -> QWidget:
        index, factory, on_created = self._lazy.pop(attr)
        page = factory()
        stand_in = self.pages.widget(index)
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(stand_in)
        stand_in.deleteLater()
        self.pages.setCurrentIndex(current)
        setattr(self, attr, page)
        on_created(page)
        return page

    def __getattr__(self, name: str) -> QWidget:
        # window.skp, window.importer, ...: a page not shown yet is built when first used.
        lazy = self.__dict__.get("_lazy")
        if lazy is not None and name in lazy:
            return self._build(name)
        raise AttributeError(name)

    def _show_page(self, row: int) -> None:
        for attr, (index, _factory, _created) in list(self._lazy.items()):
            if index == row:
                self._build(attr)
        self.pages.setCurrentIndex(row)

    def _if_built(self, attr: str, method: str) -> None:
        page = self.__dict__.get(attr)
        if page is not None:
            getattr(page, method)()

    def _refresh_employees(self, *_args: object) -> None:
        self.employees.apply_filter()

    def _make_importer(self) -> QWidget:
        from app.ui.pages.impor import ImportPage

        return ImportPage(self.db, actor=self.actor, runner=self.runner)

    def _make_organisasi(self) -> QWidget:
        from app.ui.pages.organisasi import OrganisasiPage

        return OrganisasiPage(self.db, runner=self.runner, actor=self.actor)

    def _make_rekap(self) -> QWidget:
        from app.ui.pages.rekap import RecapPage

        return RecapPage(self.db, runner=self.runner, actor=self.actor)

    def _make_skp(self) -> QWidget:
        from app.ui.pages.skp import SkpPage

        return SkpPage(self.db, runner=self.runner, actor=self.actor)

    def _make_dokumen(self) -> QWidget:
        from app.ui.pages.dokumen import DokumenPage

        return DokumenPage(self.db, runner=self.runner, actor=self.actor)

    def _make_kp(self) -> QWidget:
        from app.ui.pages.kp import KpPage

        return KpPage(self.db, runner=self.runner, actor=self.actor)

    def _make_seleksi(self) -> QWidget:
        from app.ui.pages.seleksi import SeleksiPage

        return SeleksiPage(self.db, runner=self.runner, actor=self.actor)

    def _make_penilaian(self) -> QWidget:
        from app.ui.pages.penilaian_panitia import PenilaianPanitiaPage

        return PenilaianPanitiaPage(self.db, runner=self.runner, actor=self.actor)

    def _make_akun(self) -> QWidget:
        from app.ui.pages.akun import AkunPage

        return AkunPage(self.db, actor=self.actor)

    def _make_audit(self) -> QWidget:
        from app.ui.pages.audit import AuditPage

        return AuditPage(self.db, actor=self.actor, runner=self.runner)

    def _make_sinkron(self) -> QWidget:
        from app.ui.pages.sinkron import SinkronPage

        return SinkronPage(self.db, actor=self.actor, runner=self.runner)

    def _sinkron_created(self, page: QWidget) -> None:
        page.imported.connect(self._refresh_employees)  # type: ignore[attr-defined]
        page.imported.connect(lambda _s: self.konflik.refresh())  # type: ignore[attr-defined]
        page.identityChanged.connect(  # type: ignore[attr-defined]
            lambda nama: self.installation_label.setText(tr("Instalasi: {nama}", nama=nama))
        )

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
