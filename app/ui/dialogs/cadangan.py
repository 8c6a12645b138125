"""The backup dialog: the automatic backups, back up now (here or to a chosen folder such as a
USB stick), how many to keep, and restore from a backup file.

Backups run in the background with progress and cancel. A restore replaces the database file,
so the dialog only checks the file and asks; the main window then closes the database, swaps
the file in (:func:`app.models.storage.cadangan.restore`) and closes Merit to be opened again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tanggal, tr
from app.jobs.cadangan import BackupRequest, write_backup
from app.models.errors import Cancelled, ValidationError
from app.models.storage import cadangan, cadangan_berkas, salinan
from app.models.storage.db import Database
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error

KIND_LABELS = {
    cadangan_berkas.HARIAN: "Harian (otomatis)",
    cadangan.MANUAL: "Manual",
    cadangan_berkas.SEBELUM_IMPOR: "Sebelum impor",
    cadangan_berkas.SEBELUM_MIGRASI: "Sebelum pembaruan skema",
    cadangan.SEBELUM_PEMULIHAN: "Sebelum pemulihan",
}


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return tr("{v} MB", v=angka(n / 1024 / 1024, 1))
    return tr("{v} KB", v=angka(max(n, 1) / 1024, 1))


class CadanganDialog(QDialog):
    """Backups of this database. ``restoreConfirmed`` carries the checked backup file."""

    restoreConfirmed = Signal(object)
    backedUp = Signal(object)

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        actor: str = "sistem",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialogCadangan")
        self.setWindowTitle(tr("Cadangan basis data"))
        self.resize(820, 480)
        self.db = db
        self.actor = actor
        self.runner = runner
        self.task: Task | None = None
        self.folder = cadangan.backups_folder(db.path)

        intro = QLabel(
            tr(
                "Merit mencadangkan basis data setiap hari, sebelum setiap impor, sebelum "
                "pembaruan skema dan sebelum pemulihan, ke folder {folder}. Simpan juga "
                "salinan di flashdisk secara berkala.",
                folder=self.folder,
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("daftarCadangan")
        self.table.setHorizontalHeaderLabels([tr("Waktu"), tr("Jenis"), tr("Ukuran")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 220)
        header.resizeSection(2, 110)

        harian, bulanan = salinan.rotation_settings(db.conn)
        self.daily_spin = QSpinBox()
        self.daily_spin.setObjectName("simpanHarian")
        self.daily_spin.setRange(1, 1000)
        self.daily_spin.setValue(harian)
        self.monthly_spin = QSpinBox()
        self.monthly_spin.setObjectName("simpanBulanan")
        self.monthly_spin.setRange(1, 1000)
        self.monthly_spin.setValue(bulanan)
        save_rotation = QPushButton(tr("Simpan"))
        save_rotation.setObjectName("simpanRotasi")
        save_rotation.clicked.connect(self.save_rotation)
        rotation = QHBoxLayout()
        rotation.addWidget(QLabel(tr("Simpan cadangan otomatis: harian")))
        rotation.addWidget(self.daily_spin)
        rotation.addWidget(QLabel(tr("hari terakhir, bulanan")))
        rotation.addWidget(self.monthly_spin)
        rotation.addWidget(QLabel(tr("bulan terakhir")))
        rotation.addWidget(save_rotation)
        rotation.addStretch(1)

        self.backup_button = QPushButton(tr("Cadangkan sekarang"))
        self.backup_button.setObjectName("tombolCadangkan")
        self.backup_button.clicked.connect(lambda: self.backup_to(None))
        self.usb_button = QPushButton(tr("Cadangkan ke folder…"))
        self.usb_button.setObjectName("tombolCadangkanKe")
        self.usb_button.clicked.connect(self.choose_folder)
        self.restore_button = QPushButton(tr("Pulihkan dari berkas…"))
        self.restore_button.setObjectName("tombolPulihkanBerkas")
        self.restore_button.clicked.connect(self.choose_restore_file)
        self.restore_selected_button = QPushButton(tr("Pulihkan yang dipilih…"))
        self.restore_selected_button.setObjectName("tombolPulihkan")
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Batal"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setObjectName("statusCadangan")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.usb_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_selected_button)
        actions.addWidget(self.restore_button)
        busy = QHBoxLayout()
        busy.addWidget(self.status, 1)
        busy.addWidget(self.progress)
        busy.addWidget(self.cancel_button)
        close = QDialogButtonBox()
        close.addButton(tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(rotation)
        layout.addLayout(actions)
        layout.addLayout(busy)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        backups = cadangan_berkas.list_backups(self.folder)
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            values = (
                f"{tanggal(b.waktu.date())} {b.waktu:%H:%M:%S}",
                tr(KIND_LABELS.get(b.kind, b.kind)),
                size_text(b.size),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(str(b.path))
                self.table.setItem(row, column, item)
        self.restore_selected_button.setEnabled(bool(backups))

    def save_rotation(self) -> None:
        try:
            cadangan.set_rotation_settings(
                self.db, harian=self.daily_spin.value(), bulanan=self.monthly_spin.value()
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.status.setText(tr("Pengaturan rotasi disimpan."))

    # -- backing up ------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Pilih folder tujuan cadangan"))
        if name:
            self.backup_to(Path(name))

    def backup_to(self, folder: Path | None) -> Task | None:
        """Back up now, to ``folder`` or the automatic folder, in the background."""
        if self.task is not None:
            return None
        if folder is not None and not folder.is_dir():
            show_error(self, ValidationError(tr("{path} bukan folder.", path=folder)))
            return None

        actor = self.actor

        def work(db: Database, progress: Progress) -> cadangan.BackupInfo:
            # The right is checked (and the backup audited) in the job.
            return write_backup(db, actor, BackupRequest(folder), progress)

        def done(info: cadangan.BackupInfo) -> None:
            self._finished()
            self.status.setText(
                tr("Cadangan dibuat: {path} ({size})", path=info.path, size=size_text(info.size))
            )
            self.refresh()
            self.backedUp.emit(info)

        self._start(tr("Mencadangkan…"), work, done)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.progress.cancel()
            self.status.setText(tr("Membatalkan…"))

    def _start(self, text: str, work: Any, on_done: Any) -> None:
        for button in (self.backup_button, self.usb_button, self.restore_button):
            button.setEnabled(False)
        self.restore_selected_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(text)

        def failed(exc: BaseException) -> None:
            self._finished()
            if isinstance(exc, Cancelled):
                self.status.setText(str(exc))
                return
            self.status.setText("")
            show_error(self, exc)

        def progress(done: int, total: int, _text: str) -> None:
            if total > 0:
                self.progress.setRange(0, total)
                self.progress.setValue(done)

        self.task = self.runner.run(
            work, on_done=on_done, on_error=failed, on_progress=progress, bulk=True
        )

    def _finished(self) -> None:
        self.task = None
        for button in (self.backup_button, self.usb_button, self.restore_button):
            button.setEnabled(True)
        self.restore_selected_button.setEnabled(bool(self.backups))
        self.progress.hide()
        self.cancel_button.hide()

    # -- restoring --------------------------------------------------------------------------------

    def choose_restore_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Pilih berkas cadangan"),
            str(self.folder),
            tr("Basis data Merit (*.sqlite3 *.db);;Semua berkas (*)"),
        )
        if name:
            self.check_and_ask(Path(name))

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and 0 <= rows[0].row() < len(self.backups):
            self.check_and_ask(self.backups[rows[0].row()].path)

    def check_and_ask(self, path: Path) -> Task | None:
        """Check the file in the background, then ask before restoring it."""
        if self.task is not None:
            return None

        def work(_db: Database, _progress: Progress) -> tuple[cadangan.BackupCheck, str | None]:
            return cadangan.check_backup(path), cadangan.current_agency(self.db.path)

        def done(result: tuple[cadangan.BackupCheck, str | None]) -> None:
            self._finished()
            self.status.setText("")
            self.ask(result[0], result[1])

        self._start(tr("Memeriksa berkas cadangan…"), work, done)
        return self.task

    def ask(self, check: cadangan.BackupCheck, ours: str | None) -> QMessageBox:
        text = tr(
            "Berkas: {path}\nInstansi: {agency}\nInstalasi: {inst}\nPegawai: {n}\n\n"
            "Basis data sekarang akan disimpan dulu di folder cadangan, lalu diganti dengan "
            "isi cadangan ini. Merit akan ditutup sesudahnya; buka lagi untuk melanjutkan.",
            path=check.path,
            agency=check.agency or "-",
            inst=check.installation or "-",
            n=angka(check.pegawai),
        )
        other = bool(ours and check.agency and ours.casefold() != check.agency.casefold())
        if other:
            text = (
                tr(
                    "PERHATIAN: cadangan ini milik instansi '{theirs}', bukan '{ours}'.",
                    theirs=check.agency,
                    ours=ours,
                )
                + "\n\n"
                + text
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning if other else QMessageBox.Icon.Question,
            tr("Pulihkan dari cadangan?"),
            text,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("konfirmasiPulihkan")
        yes = box.addButton(tr("Pulihkan"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)

        def answered(_code: int) -> None:
            if box.clickedButton() is yes:
                self.restoreConfirmed.emit(check.path)

        box.finished.connect(answered)
        box.open()
        self.confirm_box = box
        return box
