"""Dokumen SK, tab Register: the numbering register by year, status and search; cancel a document
with a reason; verify one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tanggal, tr
from app.models.access.akses import allowed
from app.models.dokumen import register as register_dokumen
from app.models.errors import MeritError
from app.models.storage.db import Database
from app.ui.widgets.messages import show_error


class CancelDialog(QDialog):
    """Asks the reason of a cancellation (opened with open(); tests answer it)."""

    def __init__(self, nomor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogBatal")
        self.setWindowTitle(tr("Batalkan dokumen"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Batalkan dokumen nomor {nomor}?", nomor=nomor)))
        self.alasan = QLineEdit()
        self.alasan.setObjectName("alasanBatal")
        self.alasan.setPlaceholderText(tr("Alasan pembatalan (wajib)"))
        layout.addWidget(self.alasan)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Batalkan dokumen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Tutup"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class RegisterTab(QWidget):
    """The register. ``verifyRequested`` carries the code (or, without one, the number) of the
    document to verify and whether it can be checked at once; ``noticed`` a line for the
    page's status."""

    verifyRequested = Signal(str, bool)
    noticed = Signal(str)

    def __init__(self, db: Database, actor: str) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.register_rows: list[register_dokumen.RegisterRow] = []
        self.reg_tahun = QSpinBox()
        self.reg_tahun.setRange(0, 2200)
        self.reg_tahun.setSpecialValueText(tr("Semua"))
        self.reg_tahun.setValue(date.today().year)
        self.reg_status = QComboBox()
        self.reg_status.addItem(tr("Semua status"), "")
        self.reg_status.addItem(tr("Terbit"), register_dokumen.STATUS_TERBIT)
        self.reg_status.addItem(tr("Batal"), register_dokumen.STATUS_BATAL)
        self.reg_cari = QLineEdit()
        self.reg_cari.setPlaceholderText(tr("Cari nomor, perihal, nama atau NIP"))
        self.reg_cari.returnPressed.connect(self.load_register)
        muat = QPushButton(tr("Tampilkan"))
        muat.clicked.connect(self.load_register)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tahun")))
        top.addWidget(self.reg_tahun)
        top.addWidget(self.reg_status)
        top.addWidget(self.reg_cari, 1)
        top.addWidget(muat)
        self.register_table = QTableWidget(0, 6)
        self.register_table.setObjectName("tabelRegister")
        self.register_table.setHorizontalHeaderLabels(
            [
                tr("Nomor"),
                tr("Tanggal"),
                tr("Perihal"),
                tr("Pegawai"),
                tr("Status"),
                tr("Keterangan"),
            ]
        )
        self.register_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register_table.horizontalHeader().setStretchLastSection(True)
        self.batalkan_button = QPushButton(tr("Batalkan…"))
        self.batalkan_button.clicked.connect(self.ask_cancel)
        self.cek_button = QPushButton(tr("Verifikasi kode"))
        self.cek_button.clicked.connect(self._verify_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.batalkan_button)
        bottom.addWidget(self.cek_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.register_table, 1)
        layout.addLayout(bottom)

    def load_register(self) -> None:
        if not allowed(self.actor, "dokumen.baca"):
            return  # the tab is not shown (app/ui/pages/dokumen/page.py)
        rows = register_dokumen.read_register(
            self.db,
            self.actor,
            tahun=self.reg_tahun.value() or None,
            status=self.reg_status.currentData() or None,
            search=self.reg_cari.text(),
            limit=5000,
        )
        self.register_rows = rows
        table = self.register_table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            people = (
                row.nama_pegawai if len(row.pegawai) <= 1 else tr("{n} pegawai", n=len(row.pegawai))
            )
            cells = (
                row.nomor,
                tanggal(row.tanggal),
                row.perihal,
                people,
                tr("Batal") if row.batal else tr("Terbit"),
                row.alasan_batal,
            )
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _selected_register(self) -> register_dokumen.RegisterRow | None:
        rows = {i.row() for i in self.register_table.selectedIndexes()}
        if not rows:
            return None
        return self.register_rows[min(rows)]

    def ask_cancel(self) -> CancelDialog | None:
        row = self._selected_register()
        if row is None:
            self.noticed.emit(tr("Pilih dokumen di register dulu."))
            return None
        dialog = CancelDialog(row.nomor, self)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            try:
                register_dokumen.cancel(self.db, row.id, dialog.alasan.text(), actor=self.actor)
            except MeritError as exc:
                show_error(self, exc)
                return
            self.load_register()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _verify_selected(self) -> None:
        row = self._selected_register()
        if row is None:
            return
        code = row.kode_verifikasi
        self.verifyRequested.emit(code or row.nomor, bool(code))
