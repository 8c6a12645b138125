"""The exchange folder box of the sync screen ("Folder tukar", app/sync/folder.py): the folder,
this installation's inbox, the last round, and per partner when it last sent and received and
how many of our packages it has not taken yet; "Pilih folder…", "Matikan" and "Jalankan
sekarang". A round runs in the background (the page's TaskRunner, bulk pool: never beside
another export or import of this window); the main window's timer runs the same job
(app/ui/folder_timer.py). The rules, the rights and the files are the job's
(app/jobs/sinkron_folder.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tr
from app.jobs import sinkron_folder as jobs
from app.models.access.akses import allowed
from app.models.errors import MeritError
from app.models.storage.db import Database
from app.sync.folder import INTERVAL_MINUTES, FolderOverview, RoundResult
from app.ui.pages.sinkron.sections import waktu_text
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error

BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def waktu_singkat(iso: str | None) -> str:
    """A UTC ISO instant in local time, short ("4 Des 09:05"; another year: "4 Des 2025")."""
    if not iso:
        return tr("belum pernah")
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    bulan = tr(BULAN_SINGKAT[moment.month - 1])
    if moment.year != datetime.now().year:
        return f"{moment.day} {bulan} {moment.year}"
    return f"{moment.day} {bulan} {moment:%H:%M}"


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class FolderBox(QGroupBox):
    """The exchange folder: what it is, how each partner stands, and a round by button."""

    shown = Signal(object)  # FolderOverview, once read (in the background) and shown
    roundDone = Signal(object)  # RoundResult
    roundFailed = Signal(object)  # the exception
    folderChanged = Signal(object)  # Path | None

    def __init__(
        self,
        db: Database,
        *,
        actor: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Folder tukar"), parent)
        self.setObjectName("kotakFolderTukar")
        self.db = db
        self.actor = actor
        self.runner = runner
        self.task: Task | None = None
        self.reading: Task | None = None
        self._again = False
        self.view: FolderOverview | None = None
        self.last_result: RoundResult | None = None
        self.may_run = allowed(actor, "sync.impor") and allowed(actor, "sync.ekspor")

        self.folder_label = QLabel()
        self.folder_label.setObjectName("folderTukar")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel()
        self.state_label.setObjectName("keadaanFolderTukar")
        self.state_label.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mitraFolderTukar")
        self.table.setHorizontalHeaderLabels(
            [tr("Mitra"), tr("Terakhir terima"), tr("Terakhir kirim"), tr("Belum diambil")]
        )
        pending = self.table.horizontalHeaderItem(3)
        if pending is not None:
            pending.setToolTip(
                tr("Paket dari instalasi ini yang masih menunggu di subfolder mitra.")
            )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.choose_button = QPushButton(tr("Pilih folder…"))
        self.choose_button.setObjectName("pilihFolderTukar")
        self.choose_button.setToolTip(
            tr(
                "Folder yang dibawa mesin sinkron berkas kantor (share Windows, Syncthing, "
                "folder drive awan), sama di setiap instalasi."
            )
        )
        self.off_button = QPushButton(tr("Matikan"))
        self.off_button.setObjectName("matikanFolderTukar")
        self.run_button = QPushButton(tr("Jalankan sekarang"))
        self.run_button.setObjectName("jalankanFolderTukar")
        self.run_button.setToolTip(
            tr(
                "Ambil paket yang masuk, lalu tulis paket baru untuk setiap mitra. Berjalan "
                "juga saat Merit dibuka dan setiap {n} menit.",
                n=INTERVAL_MINUTES,
            )
        )
        self.choose_button.clicked.connect(self.choose_folder)
        self.off_button.clicked.connect(self.switch_off)
        self.run_button.clicked.connect(self.run_round)
        for button in (self.choose_button, self.off_button, self.run_button):
            button.setVisible(self.may_run)

        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.off_button)
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        layout = self.box_layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # without a folder (no table) the text stays at the top
        layout.addLayout(buttons)
        self.folder_label.setText(tr("Membaca folder tukar…"))
        self._update_buttons()
        self.refresh()

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the folder's state in the background (a network share that went away can
        take seconds to answer) and show it when read."""
        if self.reading is not None:
            self._again = True  # what is being read may be older than what happened
            return
        self._again = False
        actor = self.actor

        def work(db: Database, _progress: Progress) -> FolderOverview:
            return jobs.read_folder_overview(db, actor)

        self.reading = self.runner.run(work, on_done=self._show, on_error=self._not_read)

    def _not_read(self, exc: BaseException) -> None:
        self.reading = None
        self.folder_label.setText(str(exc))

    def _show(self, view: FolderOverview) -> None:
        self.reading = None
        self.view = view
        if view.folder is None:
            self.folder_label.setText(
                tr(
                    "Belum ada folder tukar. Pilih folder yang dibawa mesin sinkron berkas "
                    "kantor; Merit menulis paket untuk setiap mitra ke subfoldernya dan "
                    "mengambil paket yang masuk untuk instalasi ini."
                )
            )
        else:
            self.folder_label.setText(tr("Folder: {path}", path=view.folder))
        self.state_label.setText(self._state_text(view))
        self.table.setRowCount(len(view.mitra))
        for row, m in enumerate(view.mitra):
            self.table.setItem(row, 0, _item(m.nama))
            for col, iso in ((1, m.terakhir_terima), (2, m.terakhir_kirim)):
                self.table.setItem(row, col, _item(waktu_singkat(iso), waktu_text(iso)))
            self.table.setItem(row, 3, _item(angka(m.belum_diambil)))
        self.table.setVisible(view.folder is not None)
        self.box_layout.setStretch(3, 0 if view.folder is not None else 1)
        self._update_buttons()
        self.shown.emit(view)
        if self._again:
            self.refresh()

    def _state_text(self, view: FolderOverview) -> str:
        if view.folder is None:
            return ""
        if not view.terjangkau:
            return tr("Folder tidak dapat dijangkau sekarang (drive jaringan terputus?).")
        parts = [
            tr("Paket masuk menunggu: {n}.", n=angka(view.menunggu)),
            tr("Putaran terakhir: {t}.", t=waktu_text(view.putaran_terakhir)),
        ]
        if self.last_result is not None and self.last_result.ditolak:
            parts.append(
                tr(
                    "{n} berkas ditolak dan dipindah ke ditolak/ beserta alasannya.",
                    n=angka(self.last_result.ditolak),
                )
            )
        return " ".join(parts)

    def _update_buttons(self) -> None:
        idle = self.task is None
        has_folder = self.view is not None and self.view.folder is not None
        self.choose_button.setEnabled(idle)
        self.off_button.setEnabled(idle and has_folder)
        self.run_button.setEnabled(idle and has_folder)

    # -- the setting ----------------------------------------------------------------------------

    def choose_folder(self) -> None:
        start = self.view.folder if self.view is not None and self.view.folder else ""
        name = QFileDialog.getExistingDirectory(self, tr("Pilih folder tukar"), start)
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path | None) -> None:
        try:
            jobs.write_folder_setting(self.db, self.actor, jobs.FolderSetting(folder))
        except MeritError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.folderChanged.emit(folder)

    def switch_off(self) -> None:
        self.set_folder(None)

    # -- a round ------------------------------------------------------------------------------

    def run_round(self) -> Task | None:
        """One round in the background (None: one is running, or there is no folder)."""
        if self.task is not None or not self.may_run:
            return None
        actor = self.actor

        def work(db: Database, progress: Progress) -> RoundResult:
            return jobs.run_folder_round(db, actor, jobs.RoundRequest(), progress)

        self.task = self.runner.run(work, on_done=self._done, on_error=self._failed, bulk=True)
        self.state_label.setText(tr("Menjalankan putaran folder tukar…"))
        self._update_buttons()
        return self.task

    def _done(self, result: RoundResult) -> None:
        self.task = None
        self.last_result = result
        self.refresh()
        self.roundDone.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.refresh()
        self.state_label.setText(str(exc))
        self.roundFailed.emit(exc)
