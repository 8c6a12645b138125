"""Impor data: a spreadsheet of employees (SIASN export or an office sheet) in four steps.

1. choose a file (button or drag-and-drop); it is read in the background;
2. map its columns to Merit's fields (SIASN exports are recognised and mapped by themselves;
   other sheets get a guess the clerk corrects, and the mapping can be kept as a preset);
3. preview what would happen (new, changed, unchanged, rejected, skipped rows and every problem
   with its row, column, value and reason), choose what to do with NIPs already on record, and
   save the preview as an .xlsx report;
4. apply it all in one transaction, or nothing.

Reading, planning, applying and writing the report run as background tasks with progress and a
cancel button. The rules (recognising, guessing, checking, applying) live in
:mod:`app.models.impor`; this page only shows them. The mapping and the preview steps are
widgets of their own (mapping.py, preview.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tr
from app.jobs.impor import ImportReportRequest, write_import_report
from app.models.errors import Cancelled, MeritError, ValidationError
from app.models.impor.apply import apply_import
from app.models.impor.plan import check_mapping, plan_import
from app.models.impor.read import read_source
from app.models.storage.cadangan import before_risky_job
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.pages.impor.mapping import MappingStep
from app.ui.pages.impor.preview import PreviewStep
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.busy import BusyMixin
from app.ui.widgets.drop_area import drop_area
from app.ui.widgets.messages import show_error

SUFFIXES = (".xlsx", ".xls", ".csv")
STEP_FILE, STEP_MAPPING, STEP_PREVIEW, STEP_DONE = range(4)


class ImportPage(BusyMixin, Page):
    """The import wizard. ``applied`` is emitted (with the counts) after a successful apply."""

    rights = (("pegawai.impor",),)

    loaded = Signal(object)  # the SourceTable, once read
    planned = Signal(object)  # the ImportPlan, once the preview is ready
    applied = Signal(object)  # dict of counts, after the database changed
    reportSaved = Signal(object)  # the report's Path
    stepChanged = Signal(int)
    taskFailed = Signal(object)  # an error or Cancelled, after it is shown

    def __init__(
        self,
        db: Database,
        *,
        actor: str = "sistem",
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanImpor")
        self.actor = actor
        self.task: Task | None = None
        self.source: Any | None = None
        self.plan: Any | None = None
        self.result: dict[str, int] | None = None
        self.setAcceptDrops(True)

        title = QLabel(tr("Impor data pegawai"))
        title.setObjectName("judulHalaman")
        self.steps_label = QLabel()
        self.steps_label.setObjectName("langkahImpor")

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_file_step())
        self.mapping_step = MappingStep(db)
        self.mapping_step.changed.connect(self._mapping_changed)
        self.mapping_step.sheetChosen.connect(self._sheet_chosen)
        self.stack.addWidget(self.mapping_step)
        self.preview_step = PreviewStep()
        self.preview_step.existingChanged.connect(self._existing_changed)
        self.preview_step.reportRequested.connect(self.choose_report_path)
        self.stack.addWidget(self.preview_step)
        self.stack.addWidget(self._build_done_step())

        # Busy bar: shown while a background task runs.
        self.busy_label = QLabel()
        self.busy_label.setObjectName("statusTugas")
        self.progress = QProgressBar()
        self.progress.setObjectName("kemajuanImpor")
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton(tr("Batal"))
        self.cancel_button.setObjectName("batalTugas")
        self.cancel_button.clicked.connect(self.cancel_task)
        self.message = QLabel()
        self.message.setObjectName("pesanImpor")
        self.message.setWordWrap(True)
        self.mapping_step.noticed.connect(self.message.setText)

        self.back_button = QPushButton(tr("‹ Kembali"))
        self.back_button.setObjectName("tombolKembali")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(tr("Lanjut ›"))
        self.next_button.setObjectName("tombolLanjut")
        self.next_button.clicked.connect(self.go_next)
        self.apply_button = QPushButton(tr("Terapkan"))
        self.apply_button.setObjectName("tombolTerapkan")
        self.apply_button.clicked.connect(self.apply)

        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_label)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.apply_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self._set_busy(None)
        self._show_step(STEP_FILE)

    # -- building the steps --------------------------------------------------------------------

    def _build_file_step(self) -> QWidget:
        page = QWidget()
        self.drop_area = drop_area(
            tr(
                "Tarik berkas ke sini, atau pilih dengan tombol di bawah.\n\n"
                "Berkas yang dapat dibaca: .xlsx, .xls, dan .csv (pemisah | ; atau ,).\n"
                "Ekspor data pegawai SIASN dikenali dengan sendirinya; lembar kerja lain "
                "dipetakan kolom demi kolom."
            ),
            "areaTarik",
            min_height=220,
            padding=24,
        )
        self.choose_button = QPushButton(tr("Pilih berkas…"))
        self.choose_button.setObjectName("pilihBerkas")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel()
        self.file_label.setObjectName("namaBerkas")
        self.file_label.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.drop_area)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_done_step(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setObjectName("hasilImpor")
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        font = QFont(self.done_label.font())
        font.setPointSize(font.pointSize() + 2)
        self.done_label.setFont(font)
        self.again_button = QPushButton(tr("Impor berkas lain"))
        self.again_button.setObjectName("imporLagi")
        self.again_button.clicked.connect(self.restart)
        row = QHBoxLayout()
        row.addWidget(self.again_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- navigation ----------------------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = [tr("Pilih berkas"), tr("Pemetaan kolom"), tr("Pratinjau"), tr("Selesai")]
        parts = []
        for index, name in enumerate(names):
            text = f"{index + 1}. {name}"
            parts.append(
                f"<b>{text}</b>" if index == step else f"<span style='color:#777'>{text}</span>"
            )
        self.steps_label.setText("  ›  ".join(parts))
        self._update_buttons()
        self.stepChanged.emit(step)

    def _update_buttons(self) -> None:
        busy = self.task is not None
        step = self.step
        self.back_button.setVisible(step in (STEP_MAPPING, STEP_PREVIEW))
        self.next_button.setVisible(step == STEP_MAPPING)
        self.apply_button.setVisible(step == STEP_PREVIEW)
        self.back_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        if step == STEP_MAPPING:
            self.next_button.setEnabled(not busy and not self.mapping_step.missing_required())
        if step == STEP_PREVIEW:
            reason = self.apply_blocked_reason()
            self.apply_button.setEnabled(not busy and reason is None)
            self.apply_button.setToolTip(reason or "")
            self.preview_step.set_state(busy=busy, has_plan=self.plan is not None, blocked=reason)

    def go_back(self) -> None:
        if self.task is not None:
            return
        if self.step == STEP_PREVIEW:
            self._show_step(STEP_MAPPING)
        elif self.step == STEP_MAPPING:
            self._show_step(STEP_FILE)

    def go_next(self) -> None:
        if self.task is not None or self.step != STEP_MAPPING:
            return
        if self.source is None:
            return
        try:
            check_mapping(self.source.headers, self.mapping_step.mapping())
        except ValidationError as exc:
            self.message.setText(str(exc))
            show_error(self, exc)
            return
        self.start_plan()

    def restart(self) -> None:
        self.source = None
        self.plan = None
        self.result = None
        self.mapping_step.clear()
        self.preview_step.clear()
        self.file_label.clear()
        self.message.clear()
        self._show_step(STEP_FILE)

    # -- background tasks ----------------------------------------------------------------------

    def _set_busy(self, text: str | None) -> None:
        busy = text is not None
        self.busy_label.setText(text or "")
        self.busy_label.setVisible(busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.message.clear()
        self.mapping_step.set_busy(busy)

    def _run(
        self,
        text: str,
        fn: Callable[[Database, Progress], Any],
        on_done: Callable[[Any], None],
        on_cancel: Callable[[], None] | None = None,
    ) -> Task:
        def done(result: Any) -> None:
            task = self.task
            if on_cancel is not None and task is not None and task.progress.cancelled:
                # Finished before it saw the cancel; the clerk asked to stop, and reading or
                # planning left nothing behind, so honour the cancel.
                failed(Cancelled(tr("Dibatalkan; tidak ada yang disimpan.")))
                return
            self.task = None
            self._set_busy(None)
            on_done(result)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            self.task = None
            self._set_busy(None)
            if isinstance(exc, Cancelled):
                self.message.setText(str(exc) or tr("Dibatalkan."))
                if on_cancel is not None:
                    on_cancel()
            else:
                show_error(self, exc)
                if isinstance(exc, MeritError):
                    self.message.setText(str(exc))
            self._update_buttons()
            self.taskFailed.emit(exc)

        self._set_busy(text)
        self.task = self.runner.run(
            fn, on_done=done, on_error=failed, on_progress=self._progress, bulk=True
        )
        self._update_buttons()
        return self.task

    @property
    def busy(self) -> bool:
        return self.task is not None

    # -- step 1: the file ----------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Pilih berkas untuk diimpor"),
            str(paths.home()),
            tr("Lembar kerja (*.xlsx *.xls *.csv);;Semua berkas (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path | str, sheet: str | None = None) -> Task | None:
        """Read ``path`` (its first sheet, or ``sheet``) in the background; the mapping step
        follows when it is read."""
        if self.task is not None:
            return None
        path = Path(path)
        self.file_label.setText(str(path))

        def work(_db: Database, progress: Progress) -> Any:
            return read_source(
                path,
                sheet=sheet,
                progress=lambda done, total: progress.report(
                    done, total, tr("Membaca {name}…", name=path.name)
                ),
                cancelled=lambda: progress.cancelled,
            )

        def cancelled() -> None:
            self._show_step(STEP_FILE)

        self._show_step(STEP_FILE)
        return self._run(tr("Membaca {name}…", name=path.name), work, self._loaded, cancelled)

    def _loaded(self, source: Any) -> None:
        self.source = source
        self.plan = None
        self.mapping_step.show_source(source)
        self._show_step(STEP_MAPPING)
        self.loaded.emit(source)

    # -- step 2: the mapping -------------------------------------------------------------------

    def _mapping_changed(self) -> None:
        missing = self.mapping_step.missing_required()
        self.next_button.setToolTip(self.mapping_step.missing_text(missing) if missing else "")
        self._update_buttons()

    def _sheet_chosen(self, name: str) -> None:
        if self.source is not None:
            self.load_file(self.source.path, sheet=name)

    # -- step 3: the preview -------------------------------------------------------------------

    def start_plan(self) -> Task | None:
        """Check the whole file against the database in the background (writes nothing)."""
        if self.task is not None or self.source is None:
            return None
        source = self.source
        mapping, on_existing = self.mapping_step.mapping(), self.preview_step.on_existing()
        total = len(source.rows)
        actor = self.actor

        def work(db: Database, progress: Progress) -> Any:
            return plan_import(
                db,
                source,
                mapping,
                on_existing=on_existing,
                actor=actor,
                progress=lambda done, n: progress.report(
                    done,
                    n,
                    tr("Memeriksa baris {done} dari {total}…", done=angka(done), total=angka(n)),
                ),
                cancelled=lambda: progress.cancelled,
            )

        return self._run(
            tr("Memeriksa {n} baris…", n=angka(total)), work, self._planned, self._plan_cancelled
        )

    def _plan_cancelled(self) -> None:
        if self.step == STEP_PREVIEW and self.plan is not None:
            # Re-planning for the other choice was cancelled: keep the preview shown, and the
            # choice it was made with.
            self.preview_step.show_existing_choice(self.plan.on_existing)
        else:
            self._show_step(STEP_MAPPING)

    def _planned(self, plan: Any) -> None:
        self.plan = plan
        self.preview_step.show_plan(plan)
        self._show_step(STEP_PREVIEW)
        self.planned.emit(plan)

    def _existing_changed(self) -> None:
        if self.plan is not None and self.plan.on_existing != self.preview_step.on_existing():
            self.start_plan()

    def apply_blocked_reason(self) -> str | None:
        """Why Terapkan is disabled, or None when it may be pressed."""
        plan = self.plan
        if plan is None:
            return tr("Belum ada pratinjau.")
        if not plan.ok:
            return tr(
                "Tidak dapat diterapkan: {n} baris ditolak. Perbaiki baris itu di berkas (lihat "
                "daftar masalah atau simpan laporannya), lalu muat ulang berkasnya.",
                n=angka(plan.counts.get("ditolak", 0)),
            )
        if not plan.counts.get("baru", 0) and not plan.counts.get("berubah", 0):
            return tr("Tidak ada yang perlu diterapkan: semua baris sama atau dilewati.")
        return None

    def choose_report_path(self) -> None:
        if self.plan is None:
            return
        default = paths.exports_dir() / tr(
            "laporan-impor-{name}.xlsx", name=Path(self.plan.source.path).stem
        )
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan laporan pratinjau"), str(default), tr("Buku kerja Excel (*.xlsx)")
        )
        if name:
            path = Path(name)
            self.save_report(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def save_report(self, path: Path) -> Task | None:
        """Write the preview (counts and every problem) to ``path`` in the background."""
        if self.task is not None or self.plan is None:
            return None
        plan, actor = self.plan, self.actor

        def work(db: Database, progress: Progress) -> Path:
            write_import_report(db, actor, ImportReportRequest(plan, path), progress)
            return path

        def done(result: Path) -> None:
            self.message.setText(tr("Laporan disimpan ke {path}", path=result))
            self.reportSaved.emit(result)

        return self._run(tr("Menyimpan laporan…"), work, done)

    # -- step 4: apply -------------------------------------------------------------------------

    def apply(self) -> Task | None:
        """Write the previewed changes in one transaction (all or nothing), in the background."""
        if self.task is not None or self.plan is None:
            return None
        reason = self.apply_blocked_reason()
        if reason is not None:
            show_error(self, ValidationError(reason))
            return None
        plan, actor = self.plan, self.actor

        def work(db: Database, progress: Progress) -> dict[str, int]:
            progress.report(0, 0, tr("Mencadangkan basis data sebelum impor…"))
            before_risky_job(db, "impor")
            return apply_import(
                db,
                plan,
                actor=actor,
                progress=lambda done, n: progress.report(
                    done, n, tr("Menerapkan {done} dari {total}…", done=angka(done), total=angka(n))
                ),
                cancelled=lambda: progress.cancelled,
            )

        return self._run(tr("Menerapkan impor…"), work, self._applied)

    def _applied(self, result: dict[str, int]) -> None:
        self.result = dict(result)
        counts = self.plan.counts if self.plan is not None else {}
        baru = result.get("baru", counts.get("baru", 0))
        berubah = result.get("berubah", counts.get("berubah", 0))
        lines = [
            (tr("Pegawai baru ditambahkan"), baru),
            (tr("Pegawai diperbarui"), berubah),
            (tr("Baris sama (tidak berubah)"), result.get("sama", counts.get("sama", 0))),
            (
                tr("Baris dilewati (NIP sudah ada)"),
                result.get("dilewati", counts.get("dilewati", 0)),
            ),
            (tr("Baris riwayat ditambahkan"), result.get("riwayat", 0)),
            (tr("Unit kerja dibuat"), result.get("unit", 0)),
        ]
        rows = "".join(
            f"<tr><td>{label}</td><td align='right'>&nbsp;&nbsp;<b>{angka(n)}</b></td></tr>"
            for label, n in lines
        )
        self.done_label.setText(
            "<p><b>"
            + tr("Impor selesai: semua perubahan disimpan dalam satu transaksi.")
            + f"</b></p><table>{rows}</table><p>"
            + tr("Daftar pegawai sudah diperbarui.")
            + "</p>"
        )
        self._show_step(STEP_DONE)
        self.applied.emit(self.result)
        self.recordsChanged.emit()

    # -- drag and drop -------------------------------------------------------------------------

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.suffix.lower() in SUFFIXES:
                    return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.task is None and self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is None or self.task is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.load_file(path)
