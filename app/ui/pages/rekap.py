"""Rekap Excel: the recap workbooks a clerk prints as they are (DUK, bezetting, rekap, KP, KGB,
pensiun, diklat), written in the background with progress and a cancel button."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tr
from app.jobs.rekap import JENIS, RecapRequest, jenis_labels, write_recap
from app.models.errors import Cancelled, ValidationError
from app.models.rekap.kp import periode_kp_berikutnya
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.dates import pydate, qdate
from app.ui.widgets.messages import show_error
from app.ui.widgets.units import fill_units

# Which inputs each kind uses.
USES_DATE = {"duk", "pensiun", "kp"}
USES_YEAR = {"kgb", "diklat"}
USES_PERIOD = {"kp"}


class RecapPage(Page):
    """Choose a recap, its unit and date, and where to save it."""

    rights = (("laporan.baca",),)

    written = Signal(object)  # (path, rows)

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        actor: str = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanRekap")
        self.actor = actor
        self.task: Task | None = None
        today = today or date.today()

        title = QLabel(tr("Rekap Excel"))
        title.setObjectName("judulHalaman")
        intro = QLabel(
            tr(
                "Lembar siap cetak: judul dengan nama instansi dan tanggal, kepala kolom berulang "
                "di setiap halaman, muat selebar kertas."
            )
        )
        intro.setWordWrap(True)

        self.jenis = QComboBox()
        self.jenis.setObjectName("pilihJenisRekap")
        for key, label in jenis_labels().items():
            self.jenis.addItem(label, key)
        self.unit = QComboBox()
        self.unit.setObjectName("pilihUnitRekap")
        fill_units(self.unit, db, actor, "laporan.baca", all_label=tr("Seluruh instansi"))
        self.tanggal = QDateEdit(qdate(today))
        self.tanggal.setObjectName("tanggalKeadaan")
        self.tanggal.setDisplayFormat("dd MMMM yyyy")
        self.tanggal.setCalendarPopup(True)
        self.tahun = QSpinBox()
        self.tahun.setObjectName("tahunRekap")
        self.tahun.setRange(1950, 2200)
        self.tahun.setGroupSeparatorShown(False)
        self.tahun.setValue(today.year)
        self.periode = QLineEdit()
        self.periode.setObjectName("periodeKp")
        self.periode.setPlaceholderText(tr("TTTT-BB, mis. 2027-04"))
        try:
            nxt = periode_kp_berikutnya(db.conn, today)
            self.periode.setText(f"{nxt.year:04d}-{nxt.month:02d}")
        except ValidationError:
            pass
        self.semua = QCheckBox(tr("Cantumkan juga yang melebihi batas pangkat ijazah/jenjang"))
        self.kertas = QComboBox()
        self.kertas.setObjectName("pilihKertas")
        self.kertas.addItem(tr("A4"), "A4")
        self.kertas.addItem(tr("F4 (Folio)"), "F4")

        form = QFormLayout()
        form.addRow(tr("Jenis rekap:"), self.jenis)
        form.addRow(tr("Unit:"), self.unit)
        form.addRow(tr("Keadaan per:"), self.tanggal)
        form.addRow(tr("Tahun:"), self.tahun)
        form.addRow(tr("Periode KP:"), self.periode)
        form.addRow("", self.semua)
        form.addRow(tr("Kertas:"), self.kertas)
        self._form = form

        self.save_button = QPushButton(tr("Simpan sebagai .xlsx…"))
        self.save_button.setObjectName("tombolSimpanRekap")
        self.save_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.cancel_button = QPushButton(tr("Batalkan"))
        self.cancel_button.setObjectName("tombolBatalRekap")
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("statusRekap")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(tr("Buka berkas"))
        self.open_button.setObjectName("tombolBukaRekap")
        self.open_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.open_button.hide()
        self.last_path: Path | None = None

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.open_button)
        layout.addStretch(1)

        self.jenis.currentIndexChanged.connect(self._kind_changed)
        self.save_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_file)
        self._kind_changed()

    # -- inputs ------------------------------------------------------------------------------

    def open_target(self, target: object) -> None:
        """Choose the recap kind ``target`` ("kgb", "pensiun", "diklat"...)."""
        index = self.jenis.findData(target)
        if index >= 0:
            self.jenis.setCurrentIndex(index)

    def current_kind(self) -> str:
        return str(self.jenis.currentData())

    def _kind_changed(self, *_args: Any) -> None:
        kind = self.current_kind()
        for widget, used in (
            (self.tanggal, kind in USES_DATE and kind not in USES_PERIOD),
            (self.tahun, kind in USES_YEAR),
            (self.periode, kind in USES_PERIOD),
            (self.semua, kind in USES_PERIOD),
        ):
            self._form.setRowVisible(widget, used)

    def request(self, target: Path) -> RecapRequest:
        kind = self.current_kind()
        return RecapRequest(
            jenis=kind,
            target=target,
            unit_id=self.unit.currentData(),
            on=pydate(self.tanggal.date()),
            periode=self.periode.text().strip() or None if kind in USES_PERIOD else None,
            tahun=self.tahun.value() if kind in USES_YEAR else None,
            kertas=str(self.kertas.currentData()),
            semua=self.semua.isChecked() if kind in USES_PERIOD else False,
        )

    # -- writing -----------------------------------------------------------------------------

    def default_name(self) -> str:
        """``DUK-2026-11-22.xlsx``: the kind and the date of the recap, so that this year's
        file does not overwrite last year's."""
        kind = self.current_kind()
        if kind in USES_PERIOD and self.periode.text().strip():
            stamp = self.periode.text().strip()
        elif kind in USES_YEAR:
            stamp = str(self.tahun.value())
        else:
            stamp = pydate(self.tanggal.date()).isoformat()
        return tr("{jenis}-{tanggal}.xlsx", jenis=kind.upper(), tanggal=stamp)

    def choose_file(self) -> None:
        default = paths.exports_dir() / self.default_name()
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan rekap"), str(default), tr("Buku kerja Excel (*.xlsx)")
        )
        if name:
            path = Path(name)
            self.write_to(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def write_to(self, target: Path) -> Task | None:
        """Write the chosen recap to ``target`` in the background."""
        if self.task is not None or self.current_kind() not in JENIS:
            return None
        req, actor = self.request(target), self.actor

        def work(db: Database, progress: Progress) -> tuple[Path, int]:
            n = write_recap(db, actor, req, progress)
            return target, n

        self.save_button.setEnabled(False)
        self.open_button.hide()
        self.cancel_button.show()
        self.progress.setRange(0, 0)  # the number of rows is known only at the end
        self.progress.show()
        self.status.setText(tr("Menulis rekap…"))
        self.task = self.runner.run(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            bulk=True,
        )
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.progress.cancel()
            self.status.setText(tr("Membatalkan…"))

    def _progress(self, done: int, _total: int, _text: str) -> None:
        self.status.setText(tr("Menulis rekap… {n} baris", n=angka(done)))

    def _finish(self) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self.cancel_button.hide()
        self.progress.hide()

    def _done(self, result: tuple[Path, int]) -> None:
        self._finish()
        path, n = result
        self.status.setText(tr("Rekap ditulis ke {path}: {n} baris.", path=path, n=angka(n)))
        self.last_path = path
        self.open_button.show()
        self.written.emit(result)

    def open_file(self) -> None:
        """Open the workbook just written in the spreadsheet program of the computer."""
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.status.setText(str(exc))
            return
        self.status.setText(tr("Rekap tidak ditulis."))
        show_error(self, exc)
