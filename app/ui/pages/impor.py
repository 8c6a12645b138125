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
:mod:`app.models.impor`; this page only shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tanggal, tr
from app.jobs.impor import ImportReportRequest, write_import_report
from app.models.errors import Cancelled, MeritError, ValidationError
from app.models.impor.apply import apply_import
from app.models.impor.fields import FIELDS, detect_siasn, guess_mapping
from app.models.impor.normalise import parse_date
from app.models.impor.plan import check_mapping, plan_import
from app.models.impor.presets import apply_preset, list_presets, save_preset
from app.models.impor.read import read_source
from app.models.storage.db import Database
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.busy import BusyMixin
from app.ui.widgets.drop_area import drop_area
from app.ui.widgets.messages import show_error

SUFFIXES = (".xlsx", ".xls", ".csv")
STEP_FILE, STEP_MAPPING, STEP_PREVIEW, STEP_DONE = range(4)
SAMPLE_ROWS = 30  # rows looked at for a column's sample value
DATE_FIELDS = frozenset({"tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_golongan", "tmt_jabatan"})

Index = QModelIndex | QPersistentModelIndex

RED = QColor("#fde2e1")
AMBER = QColor("#fff4d6")
GREEN = QColor("#e3f4e1")
GREY = QColor("#777777")


def _status_labels() -> dict[str, str]:
    return {
        "baru": tr("Baru"),
        "berubah": tr("Berubah"),
        "sama": tr("Sama"),
        "ditolak": tr("Ditolak"),
        "dilewati": tr("Dilewati"),
    }


def _level_labels() -> dict[str, str]:
    return {"kesalahan": tr("Kesalahan"), "peringatan": tr("Peringatan")}


def _field_labels() -> dict[str, str]:
    return {f.name: f.label for f in FIELDS}


# -- table models of the preview ---------------------------------------------------------------


class PlanRowsModel(QAbstractTableModel):
    """The rows of an :class:`ImportPlan`, optionally only those with a problem."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._shown: list[Any] = []
        self._only_problems = False
        self._titles = [tr("Baris"), tr("NIP"), tr("Nama"), tr("Status"), tr("Keterangan")]

    def set_plan(self, plan: Any | None) -> None:
        self.beginResetModel()
        self._rows = list(plan.rows) if plan is not None else []
        self._apply_filter()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        self.beginResetModel()
        self._only_problems = only
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        if self._only_problems:
            self._shown = [r for r in self._rows if r.status == "ditolak" or r.issues]
        else:
            self._shown = self._rows

    def row_result(self, row: int) -> Any:
        return self._shown[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        r = self._shown[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(r.row)
            if column == 1:
                return r.nip or ""
            if column == 2:
                return r.nama or ""
            if column == 3:
                return _status_labels().get(r.status, r.status)
            if column == 4:
                return describe_row(r)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.status == "ditolak":
                return QBrush(RED)
            if any(i.level == "peringatan" for i in r.issues):
                return QBrush(AMBER)
            if r.status == "baru":
                return QBrush(GREEN)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._titles[section] if 0 <= section < len(self._titles) else None


def describe_row(r: Any) -> str:
    """What the Keterangan column says about one row."""
    problems = [i.reason for i in r.issues if i.level == "kesalahan"]
    warnings = [i.reason for i in r.issues if i.level != "kesalahan"]
    if problems:
        return "; ".join(problems)
    parts: list[str] = []
    if r.status == "berubah" and r.changes:
        labels = _field_labels()
        names = ", ".join(labels.get(k, k) for k in r.changes)
        parts.append(tr("Berubah: {fields}", fields=names))
    elif r.status == "dilewati":
        parts.append(tr("NIP sudah ada; dilewati"))
    parts.extend(warnings)
    return "; ".join(parts)


class IssuesModel(QAbstractTableModel):
    """Every problem of a plan: row, column, value, reason, level."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issues: list[Any] = []
        self._titles = [tr("Baris"), tr("Tingkat"), tr("Kolom"), tr("Nilai"), tr("Alasan")]

    def set_plan(self, plan: Any | None) -> None:
        self.beginResetModel()
        self._issues = (
            sorted(
                (i for r in plan.rows for i in r.issues),
                key=lambda i: (i.level != "kesalahan", i.row),
            )
            if plan is not None
            else []
        )
        self.endResetModel()

    def issue(self, row: int) -> Any:
        return self._issues[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        i = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [str(i.row), _level_labels().get(i.level, ""), i.column, i.value, i.reason]
            return values[index.column()] or ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(RED if i.level == "kesalahan" else AMBER)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._titles[section] if 0 <= section < len(self._titles) else None


def _table_view(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    return view


# -- the page ----------------------------------------------------------------------------------


class ImportPage(BusyMixin, QWidget):
    """The import wizard. ``applied`` is emitted (with the counts) after a successful apply."""

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
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("halamanImpor")
        self.db = db
        self.actor = actor
        self.runner = runner or TaskRunner(db.path, self)
        self.task: Task | None = None
        self.source: Any | None = None
        self.plan: Any | None = None
        self.result: dict[str, int] | None = None
        self.combos: list[QComboBox] = []
        self.setAcceptDrops(True)

        title = QLabel(tr("Impor data pegawai"))
        title.setObjectName("judulHalaman")
        self.steps_label = QLabel()
        self.steps_label.setObjectName("langkahImpor")

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_file_step())
        self.stack.addWidget(self._build_mapping_step())
        self.stack.addWidget(self._build_preview_step())
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

    def _build_mapping_step(self) -> QWidget:
        page = QWidget()
        self.format_label = QLabel()
        self.format_label.setObjectName("formatBerkas")
        font = QFont(self.format_label.font())
        font.setBold(True)
        self.format_label.setFont(font)
        self.source_label = QLabel()
        self.source_label.setObjectName("keteranganBerkas")
        self.source_label.setWordWrap(True)

        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("pilihPreset")
        self.preset_combo.setMinimumContentsLength(18)
        self.preset_combo.activated.connect(self._preset_chosen)
        self.save_preset_button = QPushButton(tr("Simpan sebagai preset…"))
        self.save_preset_button.setObjectName("simpanPreset")
        self.save_preset_button.clicked.connect(self.ask_preset_name)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("pilihLembar")
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.sheet_caption = QLabel(tr("Lembar kerja:"))
        presets = QHBoxLayout()
        presets.addWidget(self.sheet_caption)
        presets.addWidget(self.sheet_combo)
        presets.addWidget(QLabel(tr("Preset pemetaan:")))
        presets.addWidget(self.preset_combo)
        presets.addWidget(self.save_preset_button)
        presets.addStretch(1)

        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("tabelPemetaan")
        self.mapping_table.setHorizontalHeaderLabels(
            [tr("Kolom di berkas"), tr("Contoh isi"), tr("Dipetakan ke")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.verticalHeader().setDefaultSectionSize(28)
        self.mapping_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.mapping_table.setColumnWidth(0, 260)
        self.mapping_table.setColumnWidth(2, 300)

        self.required_label = QLabel()
        self.required_label.setObjectName("kolomWajib")
        self.required_label.setWordWrap(True)
        self.required_label.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(page)
        layout.addWidget(self.format_label)
        layout.addWidget(self.source_label)
        layout.addLayout(presets)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.required_label)
        return page

    def _build_preview_step(self) -> QWidget:
        page = QWidget()
        counts = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        for column, (key, label) in enumerate(_status_labels().items()):
            number = QLabel("0")
            number.setObjectName(f"jumlah_{key}")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            big = QFont(number.font())
            big.setPointSize(big.pointSize() + 6)
            big.setBold(True)
            number.setFont(big)
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counts.addWidget(number, 0, column)
            counts.addWidget(caption, 1, column)
            self.count_labels[key] = number
        count_box = QGroupBox(tr("Ringkasan"))
        count_box.setLayout(counts)

        existing = QGroupBox(tr("NIP yang sudah ada di Merit"))
        self.update_choice = QRadioButton(tr("Perbarui datanya dengan isi berkas"))
        self.update_choice.setObjectName("pilihPerbarui")
        self.skip_choice = QRadioButton(tr("Lewati (biarkan data di Merit)"))
        self.skip_choice.setObjectName("pilihLewati")
        self.existing_group = QButtonGroup(self)
        self.existing_group.addButton(self.update_choice)
        self.existing_group.addButton(self.skip_choice)
        self.update_choice.setChecked(True)
        self.update_choice.toggled.connect(self._existing_changed)
        choice = QVBoxLayout(existing)
        choice.addWidget(self.update_choice)
        choice.addWidget(self.skip_choice)

        top = QHBoxLayout()
        top.addWidget(count_box, 3)
        top.addWidget(existing, 2)

        self.only_problems = QCheckBox(tr("Tampilkan hanya baris bermasalah"))
        self.only_problems.setObjectName("hanyaBermasalah")
        self.only_problems.toggled.connect(self._only_problems_changed)
        self.report_button = QPushButton(tr("Simpan laporan (.xlsx)…"))
        self.report_button.setObjectName("simpanLaporan")
        self.report_button.clicked.connect(self.choose_report_path)
        tools = QHBoxLayout()
        tools.addWidget(self.only_problems)
        tools.addStretch(1)
        tools.addWidget(self.report_button)

        self.rows_model = PlanRowsModel(self)
        self.rows_view = _table_view(self.rows_model, "tabelBaris")
        for column, width in enumerate((60, 170, 240, 90)):
            self.rows_view.setColumnWidth(column, width)
        self.issues_model = IssuesModel(self)
        self.issues_view = _table_view(self.issues_model, "tabelMasalah")
        for column, width in enumerate((60, 100, 180, 220)):
            self.issues_view.setColumnWidth(column, width)
        self.issues_title = QLabel()
        self.issues_title.setObjectName("judulMasalah")
        issues = QWidget()
        issues_layout = QVBoxLayout(issues)
        issues_layout.setContentsMargins(0, 4, 0, 0)
        issues_layout.addWidget(self.issues_title)
        issues_layout.addWidget(self.issues_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.rows_view)
        splitter.addWidget(issues)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.units_label = QLabel()
        self.units_label.setObjectName("unitBaru")
        self.units_label.setWordWrap(True)
        self.apply_reason = QLabel()
        self.apply_reason.setObjectName("alasanTerapkan")
        self.apply_reason.setStyleSheet("color: #b3261e;")
        self.apply_reason.setWordWrap(True)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.units_label)
        layout.addWidget(self.apply_reason)
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
            self.next_button.setEnabled(not busy and not self.missing_required())
        if step == STEP_PREVIEW:
            reason = self.apply_blocked_reason()
            self.apply_button.setEnabled(not busy and reason is None)
            self.apply_button.setToolTip(reason or "")
            self.apply_reason.setText(reason or "")
            self.report_button.setEnabled(not busy and self.plan is not None)
            self.update_choice.setEnabled(not busy)
            self.skip_choice.setEnabled(not busy)

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
            check_mapping(self.source.headers, self.mapping())
        except ValidationError as exc:
            self.message.setText(str(exc))
            show_error(self, exc)
            return
        self.start_plan()

    def restart(self) -> None:
        self.source = None
        self.plan = None
        self.result = None
        self.rows_model.set_plan(None)
        self.issues_model.set_plan(None)
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
        self.mapping_table.setEnabled(not busy)
        self.preset_combo.setEnabled(not busy)
        self.save_preset_button.setEnabled(not busy)

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
        self._fill_presets()
        mapping = guess_mapping(source.headers)
        preset = self.selected_preset()
        if preset is not None:
            mapping = apply_preset(source.headers, preset)
        self._fill_mapping(source, mapping)
        sheets = list(getattr(source, "sheets", []) or [])
        self.sheet_combo.clear()
        self.sheet_combo.addItems(sheets)
        if source.sheet in sheets:
            self.sheet_combo.setCurrentIndex(sheets.index(source.sheet))
        self.sheet_combo.setVisible(len(sheets) > 1)
        self.sheet_caption.setVisible(len(sheets) > 1)
        siasn = detect_siasn(source.headers)
        self.format_label.setText(tr("Ekspor SIASN dikenali") if siasn else tr("Pemetaan kolom"))
        where = tr("lembar {sheet}, ", sheet=source.sheet) if source.sheet else ""
        self.source_label.setText(
            tr(
                "{name}: {where}judul kolom di baris {header}, {n} baris data. "
                "Periksa pemetaan setiap kolom, lalu tekan Lanjut.",
                name=Path(source.path).name,
                where=where,
                header=source.header_row,
                n=angka(len(source.rows)),
            )
        )
        self._show_step(STEP_MAPPING)
        self.loaded.emit(source)

    # -- step 2: the mapping -------------------------------------------------------------------

    def _fill_mapping(self, source: Any, mapping: dict[int, str | None]) -> None:
        table = self.mapping_table
        table.setRowCount(0)
        table.setRowCount(len(source.headers))
        self.combos = []
        for column, header in enumerate(source.headers):
            head = QTableWidgetItem(header or tr("(tanpa judul)"))
            table.setItem(column, 0, head)
            sample = QTableWidgetItem(self._sample(source, column))
            sample.setData(Qt.ItemDataRole.UserRole, sample.text())
            sample.setForeground(QBrush(GREY))
            table.setItem(column, 1, sample)
            combo = QComboBox()
            combo.setObjectName(f"petakan_{column}")
            combo.addItem(tr("(abaikan)"), None)
            for f in FIELDS:
                combo.addItem(f"{f.label} *" if f.required else f.label, f.name)
            target = mapping.get(column)
            combo.setCurrentIndex(max(combo.findData(target), 0) if target else 0)
            combo.currentIndexChanged.connect(self._mapping_changed)
            table.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        self._mapping_changed()

    @staticmethod
    def _sample(source: Any, column: int) -> str:
        for row in source.rows[:SAMPLE_ROWS]:
            if column < len(row) and row[column] not in (None, ""):
                return str(row[column])
        return ""

    def _show_sample(self, column: int, field: str | None) -> None:
        """The sample value; for a date column also the date it is read as (a serial number
        such as 31062 says nothing to a clerk; 15 Januari 1985 does)."""
        item = self.mapping_table.item(column, 1)
        if item is None:
            return
        raw = str(item.data(Qt.ItemDataRole.UserRole) or "")
        text = raw
        if field in DATE_FIELDS and raw:
            try:
                text = f"{raw}  →  {tanggal(parse_date(raw))}"
            except ValueError:
                text = raw
        if item.text() != text:
            item.setText(text)

    def mapping(self) -> dict[int, str | None]:
        """Column index -> field name (None = ignored), as the combos say."""
        return {column: combo.currentData() for column, combo in enumerate(self.combos)}

    def set_mapping(self, column: int, field: str | None) -> None:
        """Choose the target of one column (as a clerk picks it in the combo)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field) if field else 0)

    def missing_required(self) -> list[str]:
        """Labels of the required fields no column is mapped to."""
        chosen = set(self.mapping().values())
        return [f.label for f in FIELDS if f.required and f.name not in chosen]

    def duplicated_fields(self) -> set[str]:
        seen: dict[str, int] = {}
        for field in self.mapping().values():
            if field:
                seen[field] = seen.get(field, 0) + 1
        return {f for f, n in seen.items() if n > 1}

    def _missing_text(self, missing: list[str]) -> str:
        return tr(
            "Kolom wajib belum dipetakan: {fields}. Pilih kolom berkas yang berisi data itu.",
            fields=", ".join(missing),
        )

    def _mapping_changed(self, *_args: object) -> None:
        duplicated = self.duplicated_fields()
        for column, combo in enumerate(self.combos):
            field = combo.currentData()
            item = self.mapping_table.item(column, 0)
            if item is None:
                continue
            self._show_sample(column, field)
            if field in duplicated:
                item.setBackground(QBrush(RED))
                item.setToolTip(tr("Lebih dari satu kolom dipetakan ke bidang yang sama."))
            elif field is None:
                item.setBackground(QBrush())
                item.setForeground(QBrush(GREY))
                item.setToolTip(tr("Kolom ini diabaikan."))
            else:
                item.setBackground(QBrush(GREEN))
                item.setForeground(QBrush())
                item.setToolTip("")
        missing = self.missing_required()
        chosen = set(self.mapping().values())
        marks = []
        for f in FIELDS:
            if not f.required:
                continue
            if f.name in chosen:
                marks.append(f"<span style='color:#23733a'>✔ {f.label}</span>")
            else:
                marks.append(f"<span style='color:#b3261e'><b>✘ {f.label}</b></span>")
        text = tr("Kolom wajib (*): {fields}", fields="&nbsp;&nbsp;".join(marks))
        if missing:
            text += "<br><span style='color:#b3261e'>" + self._missing_text(missing) + "</span>"
        if duplicated:
            labels = _field_labels()
            text += (
                "<br><span style='color:#b3261e'>"
                + tr(
                    "Lebih dari satu kolom dipetakan ke: {fields}.",
                    fields=", ".join(labels.get(f, f) for f in sorted(duplicated)),
                )
                + "</span>"
            )
        self.required_label.setText(text)
        self.next_button.setToolTip(self._missing_text(missing) if missing else "")
        self._update_buttons()

    # -- presets -------------------------------------------------------------------------------

    def _sheet_chosen(self, _index: int) -> None:
        name = self.sheet_combo.currentText()
        if self.source is not None and name and name != self.source.sheet:
            self.load_file(self.source.path, sheet=name)

    def _fill_presets(self) -> None:
        current = self.preset_combo.currentText() if self.preset_combo.currentIndex() > 0 else None
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(tr("(tanpa preset)"), None)
        try:
            presets = list_presets(self.db)
        except MeritError as exc:
            presets = []
            self.message.setText(str(exc))
        for preset in presets:
            self.preset_combo.addItem(preset.name, preset)
        if current:
            self.preset_combo.setCurrentIndex(max(self.preset_combo.findText(current), 0))
        self.preset_combo.blockSignals(False)

    def selected_preset(self) -> Any | None:
        return self.preset_combo.currentData()

    def choose_preset(self, name: str) -> None:
        """Pick a saved preset by name and apply it to the columns."""
        index = self.preset_combo.findText(name)
        if index < 0:
            raise ValueError(name)
        self.preset_combo.setCurrentIndex(index)
        self._preset_chosen(index)

    def _preset_chosen(self, _index: int) -> None:
        preset = self.selected_preset()
        if self.source is None:
            return
        if preset is None:
            mapping = guess_mapping(self.source.headers)
        else:
            mapping = apply_preset(self.source.headers, preset)
        for column, combo in enumerate(self.combos):
            combo.blockSignals(True)
            target = mapping.get(column)
            combo.setCurrentIndex(max(combo.findData(target), 0) if target else 0)
            combo.blockSignals(False)
        self._mapping_changed()

    def ask_preset_name(self) -> QInputDialog:
        """Ask for the preset's name (window-modal, answered through ``finished``)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("dialogNamaPreset")
        dialog.setWindowTitle(tr("Simpan preset pemetaan"))
        dialog.setLabelText(tr("Nama preset (mis. \u201cRekap OPD Dinas Kesehatan\u201d):"))
        dialog.setOkButtonText(tr("Simpan"))
        dialog.setCancelButtonText(tr("Batal"))
        if self.preset_combo.currentIndex() > 0:
            dialog.setTextValue(self.preset_combo.currentText())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.save_preset)
        dialog.open()
        return dialog

    def save_preset(self, name: str) -> bool:
        """Save the current mapping under ``name``; the preset combo then shows it."""
        if self.source is None:
            return False
        by_header = {
            self.source.headers[column]: field
            for column, field in self.mapping().items()
            if field and self.source.headers[column]
        }
        try:
            save_preset(self.db, name.strip(), by_header)
        except MeritError as exc:
            show_error(self, exc)
            return False
        self.preset_combo.setCurrentIndex(0)
        self._fill_presets()
        self.preset_combo.setCurrentIndex(max(self.preset_combo.findText(name.strip()), 0))
        self.message.setText(tr("Preset \u201c{name}\u201d disimpan.", name=name.strip()))
        return True

    # -- step 3: the preview -------------------------------------------------------------------

    def on_existing(self) -> str:
        return "skip" if self.skip_choice.isChecked() else "update"

    def start_plan(self) -> Task | None:
        """Check the whole file against the database in the background (writes nothing)."""
        if self.task is not None or self.source is None:
            return None
        source, mapping, on_existing = self.source, self.mapping(), self.on_existing()
        total = len(source.rows)

        def work(db: Database, progress: Progress) -> Any:
            return plan_import(
                db,
                source,
                mapping,
                on_existing=on_existing,
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
            self._show_existing_choice(self.plan.on_existing)
        else:
            self._show_step(STEP_MAPPING)

    def _show_existing_choice(self, on_existing: str) -> None:
        self.update_choice.blockSignals(True)
        self.update_choice.setChecked(on_existing != "skip")
        self.skip_choice.setChecked(on_existing == "skip")
        self.update_choice.blockSignals(False)

    def _planned(self, plan: Any) -> None:
        self.plan = plan
        colours = {"baru": "#23733a", "berubah": "#8a5a00", "ditolak": "#b3261e"}
        for key, label in self.count_labels.items():
            n = plan.counts.get(key, 0)
            label.setText(angka(n))
            label.setStyleSheet(f"color: {colours[key]};" if n and key in colours else "")
        self.rows_model.set_plan(plan)
        self.issues_model.set_plan(plan)
        errors = sum(1 for r in plan.rows for i in r.issues if i.level == "kesalahan")
        warnings = sum(1 for r in plan.rows for i in r.issues if i.level != "kesalahan")
        self.issues_title.setText(
            tr(
                "Masalah: {errors} kesalahan, {warnings} peringatan",
                errors=angka(errors),
                warnings=angka(warnings),
            )
        )
        units = [str(u.get("nama")) for u in getattr(plan, "units", [])]
        self.units_label.setVisible(bool(units))
        self.units_label.setText(
            tr(
                "{n} unit kerja belum ada dan akan dibuat: {names}",
                n=angka(len(units)),
                names=", ".join(units[:8]) + (" …" if len(units) > 8 else ""),
            )
            if units
            else ""
        )
        self._show_existing_choice(plan.on_existing)
        self._show_step(STEP_PREVIEW)
        self.planned.emit(plan)

    def _existing_changed(self, _checked: bool) -> None:
        if self.plan is not None and self.plan.on_existing != self.on_existing():
            self.start_plan()

    def _only_problems_changed(self, only: bool) -> None:
        self.rows_model.set_only_problems(only)

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
            from app.models.storage.cadangan import before_risky_job

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
