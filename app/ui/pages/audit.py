"""The audit trail screen: search by person, record, action and date range; a paged table; the
detail of an entry (for a change, its field operations); export to .xlsx; chain check.

No SQL here: every query is a function of :mod:`app.models.access.audit`.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tanggal, tr
from app.jobs.audit import AuditTrailRequest, write_audit_trail
from app.models.access import akses, audit, audit_periksa
from app.models.errors import Cancelled
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.table_model import Column, ColumnModel
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.dates import pydate
from app.ui.widgets.messages import show_error

PAGE = 200
MAX_PAGES = 20


def _one_line(text: str, limit: int = 300) -> str:
    """Table cells on one line and of bounded length (control characters become spaces)."""
    clean = "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def waktu_text(entry: audit.AuditEntry) -> str:
    local = entry.waktu_lokal
    return f"{tanggal(local.date())} {local:%H:%M:%S}"


def _text_column(header: str, field: str) -> Column[audit.AuditEntry]:
    """A free-text field: one line of 300 characters in the cell, 2000 in the tooltip."""

    def text(e: audit.AuditEntry) -> str:
        value = getattr(e, field)
        return "" if value is None else str(value)

    return Column(
        header,
        text,
        format=_one_line,
        tooltip=lambda e: _one_line(text(e), 2000),
    )


class AuditTableModel(ColumnModel[audit.AuditEntry]):
    """Entries of the current search: holds their numbers, fetches rows a page at a time."""

    countChanged = Signal(int)

    def __init__(
        self, db: Database, parent: QObject | None = None, *, actor: str = "sistem"
    ) -> None:
        super().__init__(
            [
                Column(tr("No"), lambda e: str(e.no)),
                Column(tr("Waktu"), waktu_text),
                _text_column(tr("Pelaku"), "aktor"),
                _text_column(tr("Tindakan"), "aksi"),
                _text_column(tr("Pegawai"), "pegawai"),
                _text_column(tr("Keterangan"), "keterangan"),
            ],
            parent,
            text_tooltips=True,
            numbered=True,
        )
        self._db = db
        self._actor = actor
        self._filter = audit.AuditFilter()
        self._numbers: list[int] = []
        self._pages: OrderedDict[int, dict[int, audit.AuditEntry]] = OrderedDict()

    @property
    def filter(self) -> audit.AuditFilter:
        return self._filter

    def set_filter(self, flt: audit.AuditFilter) -> None:
        numbers = akses.audit_numbers(self._db, self._actor, flt)  # refused without audit.baca
        self.beginResetModel()
        self._filter = flt
        self._numbers = numbers
        self._pages.clear()
        self.endResetModel()
        self.countChanged.emit(len(numbers))

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def entry(self, row: int) -> audit.AuditEntry | None:
        if not 0 <= row < len(self._numbers):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = audit.fetch_entries(
                self._db.conn, self._numbers[page_no * PAGE : (page_no + 1) * PAGE]
            )
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._numbers[row])

    def row_count(self) -> int:
        return len(self._numbers)

    def row_at(self, row: int) -> audit.AuditEntry | None:
        return self.entry(row)


class AuditEntryDialog(QDialog):
    """One entry in full; for a change, the field operations it wrote."""

    def __init__(self, db: Database, entry: audit.AuditEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rincianAudit")
        self.setWindowTitle(tr("Entri audit no {no}", no=entry.no))
        self.resize(760, 520)
        form = QFormLayout()
        rows = [
            (tr("No"), str(entry.no)),
            (tr("Waktu"), waktu_text(entry)),
            (tr("Pelaku"), entry.aktor),
            (tr("Tindakan"), entry.aksi),
            (tr("Pegawai"), entry.pegawai or "-"),
            (tr("Tabel"), entry.tabel or "-"),
            (tr("Jumlah data"), angka(entry.jumlah)),
        ]
        for label, value in rows:
            field = QLabel(_one_line(value, 500))
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(label, field)
        self.keterangan = QPlainTextEdit(entry.keterangan or "")
        self.keterangan.setObjectName("keteranganAudit")
        self.keterangan.setReadOnly(True)
        self.keterangan.setMaximumHeight(80)
        form.addRow(tr("Keterangan"), self.keterangan)

        self.changes = QPlainTextEdit()
        self.changes.setObjectName("perubahanAudit")
        self.changes.setReadOnly(True)
        changes, total = audit.entry_changes(db.conn, entry)
        lines = []
        for c in audit.readable_changes(db.conn, entry, changes):
            lines.append(c.judul + (" " + tr("(baru)") if c.baru else ""))
            for label, old, new in c.fields:
                lines.append(f"    {label}: {new}" if c.baru else f"    {label}: {old} → {new}")
        if total > len(changes):
            lines.append(tr("… dan {n} operasi lain", n=angka(total - len(changes))))
        self.changes.setPlainText(
            "\n".join(lines) if lines else tr("Entri ini tidak mengubah data (pembacaan).")
        )
        self.change_count = total

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Perubahan per kolom ({n} operasi):", n=angka(total))))
        layout.addWidget(self.changes, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AuditPage(Page):
    """Search and read the audit trail."""

    rights = (("audit.baca",),)

    exported = Signal(object)
    verified = Signal(object)

    def __init__(
        self, db: Database, *, actor: str, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanAudit")
        self.actor = actor
        self.task: Task | None = None
        self.dialog: AuditEntryDialog | None = None

        self.pegawai_edit = QLineEdit()
        self.pegawai_edit.setObjectName("cariPegawai")
        self.pegawai_edit.setPlaceholderText(tr("NIP atau nama pegawai"))
        self.record_edit = QLineEdit()
        self.record_edit.setObjectName("cariData")
        self.record_edit.setPlaceholderText(tr("id data"))
        self.aktor_edit = QLineEdit()
        self.aktor_edit.setObjectName("cariPelaku")
        self.aktor_edit.setPlaceholderText(tr("pelaku"))
        self.aksi_edit = QLineEdit()
        self.aksi_edit.setObjectName("cariTindakan")
        self.aksi_edit.setPlaceholderText(tr("mis. Impor, Membuka rincian"))
        today = QDate.currentDate()
        self.use_dates = QCheckBox(tr("Rentang tanggal"))
        self.use_dates.setObjectName("pakaiTanggal")
        self.dari_edit = QDateEdit(today.addMonths(-1))
        self.dari_edit.setObjectName("dari")
        self.sampai_edit = QDateEdit(today)
        self.sampai_edit.setObjectName("sampai")
        for edit in (self.dari_edit, self.sampai_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.dari_edit.setEnabled)
        self.use_dates.toggled.connect(self.sampai_edit.setEnabled)
        self.search_button = QPushButton(tr("Cari"))
        self.search_button.setObjectName("tombolCari")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.apply_filter)
        self.clear_button = QPushButton(tr("Kosongkan"))
        self.clear_button.clicked.connect(self.clear_filter)
        for line in (self.pegawai_edit, self.record_edit, self.aktor_edit, self.aksi_edit):
            line.returnPressed.connect(self.apply_filter)
            line.setClearButtonEnabled(True)

        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Pegawai")), 0, 0)
        grid.addWidget(self.pegawai_edit, 0, 1)
        grid.addWidget(QLabel(tr("Data")), 0, 2)
        grid.addWidget(self.record_edit, 0, 3)
        grid.addWidget(QLabel(tr("Pelaku")), 0, 4)
        grid.addWidget(self.aktor_edit, 0, 5)
        grid.addWidget(QLabel(tr("Tindakan")), 1, 0)
        grid.addWidget(self.aksi_edit, 1, 1)
        grid.addWidget(self.use_dates, 1, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.dari_edit)
        dates.addWidget(QLabel(tr("s.d.")))
        dates.addWidget(self.sampai_edit)
        grid.addLayout(dates, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.clear_button)
        grid.addLayout(buttons, 1, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 1)

        self.model = AuditTableModel(db, self, actor=actor)
        self.table = QTableView()
        self.table.setObjectName("tabelAudit")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for column, width in enumerate((60, 205, 150, 230, 240)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_entry(index.row()))

        self.count_label = QLabel()
        self.count_label.setObjectName("jumlahAudit")
        self.model.countChanged.connect(
            lambda n: self.count_label.setText(tr("{n} entri", n=angka(n)))
        )
        self.open_button = QPushButton(tr("Lihat rincian"))
        self.open_button.setObjectName("tombolRincian")
        self.open_button.clicked.connect(self._open_selected)
        self.export_button = QPushButton(tr("Ekspor .xlsx…"))
        self.export_button.setObjectName("tombolEksporAudit")
        self.export_button.clicked.connect(self.export_xlsx)
        self.verify_button = QPushButton(tr("Periksa keutuhan"))
        self.verify_button.setObjectName("tombolPeriksa")
        self.verify_button.clicked.connect(self.verify)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("statusAudit")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.verify_button)

        title = QLabel(tr("Jejak audit"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._loaded = False

    def showEvent(self, event: Any) -> None:
        if not self._loaded:
            self._loaded = True
            self.apply_filter()
            # The searches typed afterwards are not audited one by one: opening the trail is.
            akses.record_access(self.db, self.actor, tr("Membaca jejak audit"))
        super().showEvent(event)

    # -- search --------------------------------------------------------------------------------

    def current_filter(self) -> audit.AuditFilter:
        def text(edit: QLineEdit) -> str | None:
            value = edit.text().strip()
            return value or None

        dari: date | None = None
        sampai: date | None = None
        if self.use_dates.isChecked():
            dari = pydate(self.dari_edit.date())
            sampai = pydate(self.sampai_edit.date())
        return audit.AuditFilter(
            aktor=text(self.aktor_edit),
            record_id=text(self.record_edit),
            pegawai=text(self.pegawai_edit),
            aksi=text(self.aksi_edit),
            dari=dari,
            sampai=sampai,
        )

    def apply_filter(self) -> None:
        self._loaded = True
        try:
            self.model.set_filter(self.current_filter())
        except Exception as exc:
            show_error(self, exc)

    def clear_filter(self) -> None:
        for edit in (self.pegawai_edit, self.record_edit, self.aktor_edit, self.aksi_edit):
            edit.clear()
        self.use_dates.setChecked(False)
        self.apply_filter()

    # -- detail --------------------------------------------------------------------------------

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.open_entry(rows[0].row() if rows else 0)

    def open_entry(self, row: int) -> AuditEntryDialog | None:
        entry = self.model.entry(row)
        if entry is None:
            return None
        self.dialog = AuditEntryDialog(self.db, entry, self)
        self.dialog.open()
        return self.dialog

    # -- export and check -------------------------------------------------------------------------

    def export_xlsx(self) -> None:
        default = paths.exports_dir() / tr("jejak-audit.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Ekspor jejak audit"), str(default), tr("Buku kerja Excel (*.xlsx)")
        )
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def export_to(self, path: Path) -> Task | None:
        """Write the entries of the current search to ``path`` in the background."""
        if self.task is not None:
            return None
        flt, actor, total = self.model.filter, self.actor, self.model.rowCount()

        def work(db: Database, progress: Progress) -> tuple[Path, int]:
            result = write_audit_trail(db, actor, AuditTrailRequest(flt, path, total), progress)
            return result.path, result.rows

        def done(result: tuple[Path, int]) -> None:
            self._finished()
            self.status.setText(
                tr("{n} entri diekspor ke {name}", n=angka(result[1]), name=result[0].name)
            )
            self.status.setToolTip(str(result[0]))
            self.model.refresh()
            self.exported.emit(result)

        self._start(tr("Mengekspor…"), work, done, max(total, 1))
        return self.task

    def verify(self) -> Task | None:
        """Run the whole check of the trail in the background (chain, signed head, change log,
        heads peers have seen, breaks recorded before) and show the result."""
        if self.task is not None:
            return None

        actor = self.actor

        def work(db: Database, _progress: Progress) -> audit_periksa.TrailCheck:
            return akses.verify_audit(db, actor)

        def done(result: audit_periksa.TrailCheck) -> None:
            self._finished()
            if result.utuh:
                summary = result.lines()[0]
            elif result.ok:
                summary = tr(
                    "Rantai kini cocok, tetapi kerusakan pernah ditemukan dan dicatat ({n}).",
                    n=len(result.tercatat),
                )
            else:
                summary = tr(
                    "Jejak audit TIDAK UTUH: {n} temuan (rinciannya di kotak pesan).",
                    n=len(result.masalah),
                )
            self.status.setText(summary)
            self.status.setToolTip(result.message)
            self.status.setStyleSheet("" if result.utuh else "color: #b3261e; font-weight: bold;")
            if not result.utuh:
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    tr("Jejak audit tidak utuh"),
                    result.message,
                    parent=self,
                )
                box.setObjectName("hasilPeriksa")
                box.open()
            self.verified.emit(result)

        self._start(tr("Memeriksa rantai sidik…"), work, done, 0)
        return self.task

    def _start(self, text: str, work: Any, on_done: Any, total: int) -> None:
        self.export_button.setEnabled(False)
        self.verify_button.setEnabled(False)
        self.progress.setRange(0, total)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(text)

        def failed(exc: BaseException) -> None:
            self._finished()
            if isinstance(exc, Cancelled):
                self.status.setText(tr("Dibatalkan."))
                return
            self.status.setText("")
            show_error(self, exc)

        self.task = self.runner.run(
            work,
            on_done=on_done,
            on_error=failed,
            on_progress=self._progress,
            bulk=True,
        )

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, done, 1))
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.verify_button.setEnabled(True)
        self.progress.hide()
