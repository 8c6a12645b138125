"""Step 3 of the import: the preview.

The counts of new, changed, unchanged, rejected and skipped rows, the choice of what to do with
NIPs already on record, the rows (all or only those with a problem) and every problem with its
row, column, value and reason.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tr
from app.models.impor.plan import ImportPlan
from app.ui.pages.impor.models import IssuesModel, PlanRowsModel, status_labels

COUNT_COLOURS = {"baru": "#23733a", "berubah": "#8a5a00", "ditolak": "#b3261e"}


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


class PreviewStep(QWidget):
    """The preview of a plan (:meth:`show_plan`). ``existingChanged`` follows the clerk's choice
    for NIPs already on record (the page plans again); ``reportRequested`` asks for the report."""

    existingChanged = Signal()
    reportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        counts = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        for column, (key, label) in enumerate(status_labels().items()):
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
        self.update_choice.toggled.connect(lambda _checked: self.existingChanged.emit())
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
        self.report_button.clicked.connect(self.reportRequested)
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

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.units_label)
        layout.addWidget(self.apply_reason)

    def _only_problems_changed(self, only: bool) -> None:
        self.rows_model.set_only_problems(only)

    def on_existing(self) -> str:
        return "skip" if self.skip_choice.isChecked() else "update"

    def show_existing_choice(self, on_existing: str) -> None:
        self.update_choice.blockSignals(True)
        self.update_choice.setChecked(on_existing != "skip")
        self.skip_choice.setChecked(on_existing == "skip")
        self.update_choice.blockSignals(False)

    def show_plan(self, plan: ImportPlan) -> None:
        for key, label in self.count_labels.items():
            n = plan.counts.get(key, 0)
            label.setText(angka(n))
            label.setStyleSheet(
                f"color: {COUNT_COLOURS[key]};" if n and key in COUNT_COLOURS else ""
            )
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
        self.show_existing_choice(plan.on_existing)

    def clear(self) -> None:
        self.rows_model.set_plan(None)
        self.issues_model.set_plan(None)

    def set_state(self, *, busy: bool, has_plan: bool, blocked: str | None) -> None:
        """Enable what may be used now; ``blocked`` says why Terapkan may not be pressed."""
        self.apply_reason.setText(blocked or "")
        self.report_button.setEnabled(not busy and has_plan)
        self.update_choice.setEnabled(not busy)
        self.skip_choice.setEnabled(not busy)
