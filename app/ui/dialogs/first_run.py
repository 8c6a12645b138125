"""First run: open demo data, or start empty with the agency's name."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.demo.integritas import tambah_contoh_integritas
from app.demo.tulis import create_demo
from app.i18n import angka, tr
from app.models.dokumen.templat_bawaan import seed_templates
from app.models.errors import Cancelled, MeritError, ValidationError
from app.models.storage.db import Database
from app.models.storage.instansi import setup
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error


class FirstRunDialog(QDialog):
    """Accepted once the database has an agency (empty) or demo data."""

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        *,
        actor: str = "sistem",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialogPertama")
        self.db = db
        self.runner = runner
        self.actor = actor
        self.task: Task | None = None
        self.setWindowTitle(tr("Selamat datang di Merit"))
        self.setMinimumWidth(520)

        intro = QLabel(
            tr(
                "Basis data ini masih kosong. Pilih cara memulai. Data demo berisi pemerintah kota "
                "rekaan lengkap dengan pegawai dan riwayatnya, untuk mencoba Merit."
            )
        )
        intro.setWordWrap(True)

        self.demo_choice = QRadioButton(tr("Buka data demo"))
        self.demo_choice.setObjectName("pilihDemo")
        self.empty_choice = QRadioButton(tr("Mulai kosong untuk instansi saya"))
        self.empty_choice.setObjectName("pilihKosong")
        group = QButtonGroup(self)
        group.addButton(self.demo_choice)
        group.addButton(self.empty_choice)
        self.demo_choice.setChecked(True)

        self.employees = QSpinBox()
        self.employees.setObjectName("jumlahDemo")
        self.employees.setRange(10, 100_000)
        self.employees.setSingleStep(500)
        self.employees.setValue(2000)
        self.employees.setGroupSeparatorShown(True)
        self.agency = QLineEdit()
        self.agency.setObjectName("namaInstansi")
        self.agency.setPlaceholderText(tr("mis. BKPSDM Kota Kupang"))
        self.agency.setMaxLength(200)
        # The agency basics the decrees need (the rest, and the signatories: page Instansi).
        self.pemerintah = QLineEdit()
        self.pemerintah.setObjectName("namaPemerintah")
        self.pemerintah.setPlaceholderText(tr("mis. Pemerintah Kota Kupang"))
        self.pemerintah.setMaxLength(200)
        self.ibu_kota = QLineEdit()
        self.ibu_kota.setObjectName("ibuKota")
        self.ibu_kota.setPlaceholderText(tr("mis. Kupang"))
        self.ibu_kota.setMaxLength(100)
        self.empty_note = QLabel(
            tr(
                "Penandatangan SK, alamat dan logo diisi kemudian di halaman Instansi "
                "(atau: merit instansi set)."
            )
        )
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("color: palette(mid);")

        form = QFormLayout()
        form.addRow(self.demo_choice)
        form.addRow(tr("Jumlah pegawai demo:"), self.employees)
        form.addRow(self.empty_choice)
        form.addRow(tr("Nama instansi:"), self.agency)
        form.addRow(tr("Pemerintah daerah:"), self.pemerintah)
        form.addRow(tr("Tempat penetapan (ibu kota):"), self.ibu_kota)
        form.addRow(self.empty_note)

        self.progress = QProgressBar()
        self.progress.setObjectName("kemajuanDemo")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.start = QPushButton(tr("Mulai"))
        self.start.setObjectName("tombolMulai")
        self.start.setDefault(True)
        self.cancel = QPushButton(tr("Batal"))
        self.cancel.setObjectName("tombolBatal")
        self.buttons.addButton(self.start, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.start.clicked.connect(self.begin)
        self.cancel.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.demo_choice.toggled.connect(self._choice_changed)
        self._choice_changed()

    def _choice_changed(self) -> None:
        demo = self.demo_choice.isChecked()
        self.employees.setEnabled(demo)
        self.agency.setEnabled(not demo)
        self.pemerintah.setEnabled(not demo)
        self.ibu_kota.setEnabled(not demo)
        if not demo:
            self.agency.setFocus()

    def begin(self) -> None:
        if self.empty_choice.isChecked():
            try:
                setup(
                    self.db,
                    self.agency.text(),
                    actor=self.actor,
                    nama_pemerintah=" ".join(self.pemerintah.text().split()) or None,
                    ibu_kota=" ".join(self.ibu_kota.text().split()) or None,
                )
                seed_templates(self.db, actor=self.actor)
            except ValidationError as exc:
                self.status.setText(str(exc))
                show_error(self, exc)
                self.agency.setFocus()
                return
            except MeritError as exc:
                show_error(self, exc)
                return
            self.accept()
            return
        self._start_demo(self.employees.value())

    def _start_demo(self, employees: int) -> None:
        self._set_busy(True)
        self.status.setText(tr("Membuat data demo {n} pegawai…", n=angka(employees)))
        actor = self.actor

        def work(db: Database, progress: Progress) -> Any:
            result = create_demo(
                db,
                employees,
                seed=1,
                actor=actor,
                progress=lambda done, total: progress.report(done, total),
                cancelled=lambda: progress.cancelled,
            )
            tambah_contoh_integritas(db, actor=actor)  # complaints and cases (issue 16)
            return result

        self.task = self.runner.run(
            work,
            on_done=self._demo_done,
            on_error=self._demo_failed,
            on_progress=self._demo_progress,
            bulk=True,
        )

    def _set_busy(self, busy: bool) -> None:
        self.start.setEnabled(not busy)
        self.demo_choice.setEnabled(not busy)
        self.empty_choice.setEnabled(not busy)
        self.employees.setEnabled(not busy and self.demo_choice.isChecked())
        self.agency.setEnabled(not busy and self.empty_choice.isChecked())
        self.pemerintah.setEnabled(not busy and self.empty_choice.isChecked())
        self.ibu_kota.setEnabled(not busy and self.empty_choice.isChecked())
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)

    def _demo_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(
            tr(
                "Membuat data demo: {done} dari {total} pegawai…",
                done=angka(done),
                total=angka(total),
            )
        )

    def _demo_done(self, _result: object) -> None:
        self.task = None
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(str(exc))
            return
        self.status.setText("")
        show_error(self, exc)

    def cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.progress.cancel()
            self.status.setText(tr("Membatalkan…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.task is not None:  # Esc while working cancels the job first
            self.cancel_or_close()
            return
        super().reject()
