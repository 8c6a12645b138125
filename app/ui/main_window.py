"""The main window: navigation sidebar, pages, status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.i18n import tr
from app.models.db import Database
from app.models.instansi import get_setting, installation_name
from app.ui.pages.employees import EmployeesPage
from app.ui.pages.impor import ImportPage
from app.ui.pages.organisasi import OrganisasiPage
from app.ui.pages.rekap import RecapPage
from app.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    """Only the areas that work appear in the sidebar."""

    def __init__(
        self, db: Database, runner: TaskRunner | None = None, *, actor: str = "sistem"
    ) -> None:
        super().__init__()
        self.setObjectName("jendelaUtama")
        self.db = db
        self.runner = runner or TaskRunner(db.path, self)
        agency = get_setting(db.conn, "nama_instansi") or ""
        self.setWindowTitle(f"Merit — {agency}" if agency else "Merit")

        self.nav = QListWidget()
        self.nav.setObjectName("navigasi")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(18, 18))
        self.pages = QStackedWidget()

        self.employees = EmployeesPage(db, actor=actor, runner=self.runner)
        self._add_page(tr("Pegawai"), self.employees)
        self.importer = ImportPage(db, actor=actor, runner=self.runner)
        self._add_page(tr("Impor data"), self.importer)
        self.importer.applied.connect(lambda _result: self.employees.apply_filter())
        self.organisasi = OrganisasiPage(db, runner=self.runner, actor=actor)
        self._add_page(tr("Organisasi & Formasi"), self.organisasi)
        self.rekap = RecapPage(db, runner=self.runner, actor=actor)
        self._add_page(tr("Rekap Excel"), self.rekap)

        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
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
        bar.addPermanentWidget(QLabel(f"Merit {__version__}"))

        menu = self.menuBar().addMenu(tr("&Berkas"))
        quit_action = menu.addAction(tr("&Keluar"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.resize(1280, 780)
        self._restore_state()

    def _add_page(self, title: str, page: QWidget) -> None:
        self.pages.addWidget(page)
        QListWidgetItem(title, self.nav)

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("jendela/geometri")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("jendela/geometri", self.saveGeometry())
        self.runner.wait(5000)
        super().closeEvent(event)
