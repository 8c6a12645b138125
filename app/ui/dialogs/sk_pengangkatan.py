"""The SK Pengangkatan dialog of a selection: which of the proposed three the PPK chose, the date,
the TMT, the kind of copy and the output folder."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import tr
from app.models.seleksi import peringkat
from app.ui.widgets.dates import pydate, qdate

ERROR_STYLE = "color: #b3261e;"


class SkPengangkatanDialog(QDialog):
    """The PPK's choice among the proposed three, with the date, TMT, kind and folder."""

    def __init__(
        self,
        usulan: Sequence[peringkat.BarisPeringkat],
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialogSkPengangkatan")
        self.setWindowTitle(tr("Terbitkan SK pengangkatan dalam jabatan"))
        today = today or date.today()
        self.calon = QComboBox()
        self.calon.setObjectName("pilihCalonSk")
        for b in usulan:
            self.calon.addItem(tr("{p}. {n}", p=b.peringkat, n=b.nama), b.pelamar_id)
        self.tanggal = QDateEdit(qdate(today))
        self.tanggal.setObjectName("tanggalSk")
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setDisplayFormat("dd-MM-yyyy")
        nxt = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        self.tmt = QDateEdit(qdate(nxt))
        self.tmt.setObjectName("tmtSk")
        self.tmt.setCalendarPopup(True)
        self.tmt.setDisplayFormat("dd-MM-yyyy")
        self.jenis = QComboBox()
        self.jenis.setObjectName("jenisSk")
        for key, label in (("petikan", "Petikan"), ("salinan", "Salinan"), ("asli", "Asli")):
            self.jenis.addItem(tr(label), key)
        self.folder = QLineEdit(str(paths.exports_dir() / "sk"))
        self.folder.setObjectName("folderSk")
        pilih = QPushButton(tr("Pilih…"))
        pilih.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(pilih)
        self.pesan = QLabel()
        self.pesan.setObjectName("pesanSk")
        self.pesan.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(tr("Calon pilihan PPK:"), self.calon)
        form.addRow(tr("Tanggal penetapan:"), self.tanggal)
        form.addRow(tr("TMT jabatan:"), self.tmt)
        form.addRow(tr("Naskah:"), self.jenis)
        form.addRow(tr("Folder keluaran:"), row)
        self.ok_button = QPushButton(tr("Terbitkan"))
        self.ok_button.setObjectName("tombolTerbitkanSk")
        cancel = QPushButton(tr("Batal"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self._accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("SK diterbitkan lewat mesin dokumen (bernomor dan tercatat).")))
        layout.addLayout(form)
        layout.addWidget(self.pesan)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Folder SK"), self.folder.text())
        if name:
            self.folder.setText(name)

    def _accept(self) -> None:
        if self.calon.currentData() is None:
            self.pesan.setText(tr("Belum ada calon yang diusulkan kepada PPK."))
            return
        if not self.folder.text().strip():
            self.pesan.setText(tr("Folder keluaran wajib diisi."))
            return
        self.accept()

    def values(self) -> tuple[str, date, date, str, Path]:
        """(pelamar_id, tanggal, tmt, jenis, folder)."""
        return (
            str(self.calon.currentData()),
            pydate(self.tanggal.date()),
            pydate(self.tmt.date()),
            str(self.jenis.currentData()),
            Path(self.folder.text().strip()),
        )
