"""Keying in an SKP result made on paper (the operator): the ratings of hasil kerja and perilaku
kerja (the predikat follows the matrix) or the predikat alone, the pejabat penilai (an employee
on record by NIP, or a name), the date of penetapan. The result counts as ditetapkan
(:func:`app.models.skp.workflow.catat_hasil`, which checks the right and the state again)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.models.errors import MeritError
from app.models.pegawai.read import find_pegawai_id
from app.models.reference.loader import Referensi
from app.models.rules.skp import Pelaku, predikat
from app.models.skp import workflow
from app.models.storage.db import Database
from app.ui.widgets.messages import show_error


class HasilKertasDialog(QDialog):
    """One employee's paper result of one year. ``saved`` carries the SKP id."""

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        pegawai_id: str,
        nama: str,
        tahun: int,
        *,
        actor: str | Pelaku,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialogHasilKertas")
        self.setWindowTitle(tr("Catat hasil SKP kertas"))
        self.db, self.pegawai_id, self.tahun, self.actor = db, pegawai_id, tahun, actor
        self.ref = Referensi.load(db.conn)
        self.hasil = QComboBox()
        self.hasil.setObjectName("kertasHasil")
        self.perilaku = QComboBox()
        self.perilaku.setObjectName("kertasPerilaku")
        for combo in (self.hasil, self.perilaku):
            combo.addItem(tr("(tidak ada di kertas)"), None)
            for kode, row in self.ref.table("ref_rating").items():
                combo.addItem(str(row["nama"]), kode)
        self.predikat = QComboBox()
        self.predikat.setObjectName("kertasPredikat")
        self.predikat.addItem(tr("(menurut matriks)"), None)
        for kode, row in self.ref.table("ref_predikat").items():
            self.predikat.addItem(str(row["nama"]), kode)
        self.hasil_predikat = QLabel("-")
        self.hasil_predikat.setObjectName("kertasPredikatMatriks")
        self.penilai = QLineEdit()
        self.penilai.setObjectName("kertasPenilaiNip")
        self.penilai.setPlaceholderText(tr("NIP pejabat penilai yang tercatat"))
        self.penilai_nama = QLineEdit()
        self.penilai_nama.setObjectName("kertasPenilaiNama")
        self.penilai_nama.setPlaceholderText(tr("atau nama pejabat penilai yang tidak tercatat"))
        self.tanggal = QDateEdit()
        self.tanggal.setObjectName("kertasTanggal")
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setDisplayFormat("dd-MM-yyyy")
        today = date.today()
        self.tanggal.setDate(QDate(today.year, today.month, today.day))
        self.catatan = QLineEdit()
        self.catatan.setObjectName("kertasCatatan")
        form = QFormLayout()
        form.addRow(tr("Pegawai:"), QLabel(tr("{nama}, SKP tahun {tahun}", nama=nama, tahun=tahun)))
        form.addRow(tr("Rating hasil kerja:"), self.hasil)
        form.addRow(tr("Rating perilaku kerja:"), self.perilaku)
        form.addRow(tr("Predikat menurut matriks:"), self.hasil_predikat)
        form.addRow(tr("Predikat (bila hanya predikat):"), self.predikat)
        form.addRow(tr("Pejabat penilai:"), self.penilai)
        form.addRow("", self.penilai_nama)
        form.addRow(tr("Tanggal penetapan:"), self.tanggal)
        form.addRow(tr("Catatan:"), self.catatan)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("tombolKertas")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.hasil.currentIndexChanged.connect(self._show)
        self.perilaku.currentIndexChanged.connect(self._show)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _show(self, *_args: Any) -> None:
        h, p = self.hasil.currentData(), self.perilaku.currentData()
        label = self.ref.label("ref_predikat", predikat(self.ref, h, p)) if h and p else "-"
        self.hasil_predikat.setText(label)

    def save(self) -> str | None:
        """Hand the result to the domain; on success close and emit ``saved``."""
        try:
            nip = self.penilai.text().strip()
            penilai_id = find_pegawai_id(self.db.conn, nip) if nip else None
            skp_id = workflow.catat_hasil(
                self.db,
                self.pegawai_id,
                self.tahun,
                actor=self.actor,
                rating_hasil=self.hasil.currentData(),
                rating_perilaku=self.perilaku.currentData(),
                predikat_kode=self.predikat.currentData(),
                penilai_id=penilai_id,
                penilai_nama=self.penilai_nama.text(),
                tanggal_penetapan=_as_date(self.tanggal.date()),
                catatan=self.catatan.text(),
            )
        except MeritError as exc:
            show_error(self, exc)
            return None
        self.saved.emit(skp_id)
        self.accept()
        return skp_id


def _as_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
