"""Step 2 of the import: map the file's columns to Merit's fields.

SIASN exports are recognised and mapped by themselves; other sheets get a guess the clerk
corrects (one combo per column, with a sample value, a date read the way it will be imported,
and the required fields ticked off). The mapping can be kept as a named preset; a workbook with
several sheets offers the choice of sheet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tanggal, tr
from app.models.errors import MeritError
from app.models.impor.fields import FIELDS, detect_siasn, guess_mapping
from app.models.impor.normalise import parse_date
from app.models.impor.presets import Preset, apply_preset, list_presets, save_preset
from app.models.impor.read import SourceTable
from app.models.storage.db import Database
from app.ui.pages.impor.models import GREEN, GREY, RED, field_labels
from app.ui.widgets.messages import show_error

SAMPLE_ROWS = 30  # rows looked at for a column's sample value
DATE_FIELDS = frozenset({"tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_golongan", "tmt_jabatan"})


class MappingStep(QWidget):
    """The column mapping of the file read (:meth:`show_source`). ``changed`` follows every
    change of the mapping; ``sheetChosen`` asks for another sheet of the workbook to be read;
    ``noticed`` carries a line for the page's message."""

    changed = Signal()
    sheetChosen = Signal(str)
    noticed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.source: SourceTable | None = None
        self.combos: list[QComboBox] = []
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.format_label)
        layout.addWidget(self.source_label)
        layout.addLayout(presets)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.required_label)

    def show_source(self, source: SourceTable) -> None:
        """Show a file just read: the format recognised, its sheets, and the mapping guessed
        (or the chosen preset's)."""
        self.source = source
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

    def clear(self) -> None:
        self.source = None

    def set_busy(self, busy: bool) -> None:
        self.mapping_table.setEnabled(not busy)
        self.preset_combo.setEnabled(not busy)
        self.save_preset_button.setEnabled(not busy)

    def _fill_mapping(self, source: SourceTable, mapping: dict[int, str | None]) -> None:
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
    def _sample(source: SourceTable, column: int) -> str:
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

    def missing_text(self, missing: list[str]) -> str:
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
            text += "<br><span style='color:#b3261e'>" + self.missing_text(missing) + "</span>"
        if duplicated:
            labels = field_labels()
            text += (
                "<br><span style='color:#b3261e'>"
                + tr(
                    "Lebih dari satu kolom dipetakan ke: {fields}.",
                    fields=", ".join(labels.get(f, f) for f in sorted(duplicated)),
                )
                + "</span>"
            )
        self.required_label.setText(text)
        self.changed.emit()

    # -- presets and sheets ------------------------------------------------------------------

    def _sheet_chosen(self, _index: int) -> None:
        name = self.sheet_combo.currentText()
        if self.source is not None and name and name != self.source.sheet:
            self.sheetChosen.emit(name)

    def _fill_presets(self) -> None:
        current = self.preset_combo.currentText() if self.preset_combo.currentIndex() > 0 else None
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(tr("(tanpa preset)"), None)
        try:
            presets = list_presets(self.db)
        except MeritError as exc:
            presets = []
            self.noticed.emit(str(exc))
        for preset in presets:
            self.preset_combo.addItem(preset.name, preset)
        if current:
            self.preset_combo.setCurrentIndex(max(self.preset_combo.findText(current), 0))
        self.preset_combo.blockSignals(False)

    def selected_preset(self) -> Preset | None:
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
        self.noticed.emit(tr("Preset \u201c{name}\u201d disimpan.", name=name.strip()))
        return True
