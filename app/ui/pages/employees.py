"""The employee browser: search as you type, filters, sorting, and the detail view."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tr
from app.models.access.akses import allowed
from app.models.errors import Cancelled, MeritError
from app.models.pegawai import read as emp
from app.models.reference.loader import Referensi
from app.models.storage.db import Database
from app.ui.employee_model import EmployeeTableModel
from app.ui.pages.base import Page
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error
from app.ui.widgets.units import UnitTreeCombo, add_choices, unit_choices

if TYPE_CHECKING:
    from app.ui.dialogs.employee_detail import EmployeeDetailDialog

SEARCH_DELAY_MS = 120


class EmployeesPage(Page):
    """List of employees, paged from SQL. Enter or double-click opens the detail view."""

    rights = (("pegawai.baca",),)

    detailOpened = Signal(object)  # the dialog, for tests and the main window
    formOpened = Signal(object)  # the new-employee form, for tests

    exported = Signal(object)  # (path, rows) when an export is written

    def __init__(
        self,
        db: Database,
        *,
        actor: str = "sistem",
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.actor = actor
        self.export_task: Task | None = None
        self.setObjectName("halamanPegawai")

        title = QLabel(tr("Data Pegawai"))
        title.setObjectName("judulHalaman")

        self.search = QLineEdit()
        self.search.setObjectName("cariPegawai")
        self.search.setPlaceholderText(tr("Cari nama atau NIP… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)

        self.unit = UnitTreeCombo()
        self.unit.setObjectName("filterUnit")
        self.unit.setToolTip(tr("Pilih unit: ketik sebagian nama untuk menyaring pohon unit"))
        self.golongan = QComboBox()
        self.golongan.setObjectName("filterGolongan")
        self.jabatan = QComboBox()
        self.jabatan.setObjectName("filterJabatan")
        self.status = QComboBox()
        self.status.setObjectName("filterStatus")
        self.kedudukan = QComboBox()
        self.kedudukan.setObjectName("filterKedudukan")
        self._fill_filters()

        self.count = QLabel()
        self.count.setObjectName("jumlahPegawai")
        self.reset = QPushButton(tr("Hapus filter"))
        self.open_button = QPushButton(tr("Lihat rincian"))
        self.open_button.setObjectName("lihatRincian")
        self.open_button.setEnabled(False)
        self.add_button = QPushButton(tr("Tambah pegawai…"))
        self.add_button.setObjectName("tambahPegawai")
        self.add_button.clicked.connect(self.add_employee)
        self.add_button.setVisible(allowed(actor, "pegawai.ubah"))

        self.model = EmployeeTableModel(db, self, runner=self.runner)
        self.table = QTableView()
        self.table.setObjectName("tabelPegawai")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 260, 60, 260, 200, 220, 70)):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # header clicks sort in SQL (model.sort)
        header.sortIndicatorChanged.connect(self._sort_changed)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        # Unit names are long: a fixed width, the list opens wider. The others show in full.
        self.unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit.setMinimumContentsLength(18)
        filters.addWidget(self.unit)
        for combo in (self.golongan, self.jabatan, self.status, self.kedudukan):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo)
        filters.addWidget(self.reset)

        self.export_button = QPushButton(tr("Ekspor .xlsx…"))
        self.export_button.setObjectName("eksporXlsx")
        self.export_button.setToolTip(tr("Simpan daftar ini (dengan filternya) sebagai .xlsx"))
        self.export_button.clicked.connect(self.export_xlsx)
        self.export_button.setVisible(allowed(actor, "pegawai.ekspor"))
        self.export_progress = QProgressBar()
        self.export_progress.setObjectName("kemajuanEkspor")
        self.export_progress.setMaximumWidth(180)
        self.export_progress.hide()
        self.export_cancel = QPushButton(tr("Batal"))
        self.export_cancel.setObjectName("batalEkspor")
        self.export_cancel.hide()
        self.export_cancel.clicked.connect(self.cancel_export)
        self.export_status = QLabel()
        self.export_status.setObjectName("statusEkspor")

        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.export_status)
        bottom.addWidget(self.export_progress)
        bottom.addWidget(self.export_cancel)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.search.installEventFilter(self)  # Down goes to the results, Enter opens one
        for combo in (self.unit, self.golongan, self.jabatan, self.status, self.kedudukan):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.reset.clicked.connect(self.clear_filters)
        self.model.countChanged.connect(self._show_count)
        self.model.searching.connect(self._show_searching)
        self.model.on_error = partial(show_error, self)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.open_button.clicked.connect(self.open_selected)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

        self.apply_filter()

    # -- filters -------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        conn = self.db.conn
        ref = Referensi.load(conn)
        # A reader limited to some units is offered only those (the list holds nothing else).
        # Thousands of units at 100,000 employees: read in the background, the chooser says so
        # until then (its first entry, all units, is the same: the list does not change).
        self.units_loading = True
        self.unit.addItem(tr("Memuat unit…"), None)
        self.unit.setEnabled(False)
        actor = self.actor

        def units(db: Database, _p: Progress) -> list[tuple[str, str | None]]:
            return unit_choices(db, actor, "pegawai.baca", max_depth=99)

        self.runner.run(units, on_done=self._units_loaded, on_error=self._units_failed)
        self.golongan.addItem(tr("Semua golongan"), ())
        pns = [k for k, r in ref.golongan.items() if r["jenis_asn"] == "PNS"]
        for group in ("IV", "III", "II", "I"):
            codes = tuple(k for k in pns if k.split("/")[0] == group)
            self.golongan.addItem(tr("Golongan {g}", g=group), codes)
        for kode in reversed(pns):
            self.golongan.addItem("    " + kode, (kode,))
        pppk = tuple(k for k, r in ref.golongan.items() if r["jenis_asn"] == "PPPK")
        self.golongan.addItem(tr("Golongan PPPK"), pppk)
        self.jabatan.addItem(tr("Semua jenis jabatan"), None)
        for kode, label in (
            ("JPT", tr("Pimpinan tinggi (JPT)")),
            ("ADMINISTRATOR", tr("Administrator")),
            ("PENGAWAS", tr("Pengawas")),
            ("PELAKSANA", tr("Pelaksana")),
            ("JF", tr("Fungsional")),
        ):
            self.jabatan.addItem(label, kode)
        self.status.addItem(tr("Semua status"), None)
        for kode in ("PNS", "CPNS", "PPPK"):
            self.status.addItem(kode, kode)
        for kedudukan, label in (
            (None, tr("Semua kedudukan")),
            ("AKTIF", tr("Aktif")),
            ("PENSIUN", tr("Pensiun")),
            ("MENINGGAL", tr("Meninggal")),
            ("PINDAH", tr("Pindah instansi")),
            ("BERHENTI", tr("Berhenti")),
        ):
            self.kedudukan.addItem(label, kedudukan)
        self.kedudukan.setCurrentIndex(1)  # a clerk works with the active employees first

    def _units_loaded(self, choices: list[tuple[str, str | None]]) -> None:
        self.unit.blockSignals(True)  # the first entry stays "all": nothing to read again
        self.unit.clear()
        add_choices(self.unit, choices)
        self.unit.setCurrentIndex(0)
        self.unit.blockSignals(False)
        self.unit.setEnabled(True)
        self.units_loading = False

    def _units_failed(self, exc: BaseException) -> None:
        self.unit.setItemText(0, tr("Semua unit"))  # the list itself is read as before
        self.unit.setEnabled(True)
        self.units_loading = False
        show_error(self, exc)

    def current_filter(self) -> emp.EmployeeFilter:
        """The filter as chosen on screen, limited to what the actor may read (the domain
        refuses, audited, a unit outside the actor's units)."""
        old = self.model.filter
        flt = emp.EmployeeFilter(
            search=self.search.text(),
            unit_id=self.unit.currentData(),
            golongan=tuple(self.golongan.currentData() or ()),
            kelompok_jabatan=self.jabatan.currentData(),
            status=self.status.currentData(),
            kedudukan=self.kedudukan.currentData(),
            sort=old.sort,
            descending=old.descending,
        )
        return emp.scoped_filter(self.db, self.actor, flt)

    def apply_filter(self) -> None:
        self._timer.stop()
        try:
            self.model.set_filter(self.current_filter())
        except MeritError as exc:
            show_error(self, exc)
        self._selection_changed()

    def clear_filters(self) -> None:
        for combo in (self.unit, self.golongan, self.jabatan, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.kedudukan.blockSignals(True)
        self.kedudukan.setCurrentIndex(1)
        self.kedudukan.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter()

    def _sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):
            # This column has no sort of its own: show the indicator where the sort really is.
            current = self.model.sort_column()
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.filter.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    def _show_searching(self, busy: bool) -> None:
        if busy:
            self.count.setText(tr("Mencari…"))

    def _show_count(self, n: int) -> None:
        flt = self.model.filter
        total = emp.count_employees(self.db.conn, flt.kedudukan, flt.lingkup)
        if n == total:
            self.count.setText(tr("{n} pegawai", n=angka(n)))
        else:
            self.count.setText(tr("{n} dari {total} pegawai", n=angka(n), total=angka(total)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box, Down moves to the first row of the results and Enter opens the
        selected person (the first one found when none is selected)."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                if self._timer.isActive():
                    self.apply_filter()
                self.focus_results()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.apply_filter()
                rows = self.table.selectionModel().selectedRows()
                if rows:
                    self.open_row(rows[0].row())
                elif self.model.rowCount() > 0:
                    self.table.selectRow(0)
                    self.open_row(0)
                return True
        return super().eventFilter(watched, event)

    def focus_results(self) -> None:
        """Focus the table on its current row (the first row when none is current)."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        current = self.table.currentIndex()
        if not current.isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())

    # -- detail --------------------------------------------------------------------------------

    def _selection_changed(self, *_args: object) -> None:
        self.open_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0].row())

    def open_row(self, row: int) -> EmployeeDetailDialog | None:
        pegawai_id = self.model.pegawai_id(row)
        if pegawai_id is None:
            return None
        try:
            from app.ui.dialogs.employee_detail import (  # lazy: not at start-up (15 ms)
                EmployeeDetailDialog,
            )

            dialog = EmployeeDetailDialog(self.db, pegawai_id, actor=self.actor, parent=self)
        except MeritError as exc:
            show_error(self, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.refresh)  # edits, leaving service, deletion
        dialog.open()
        self.detailOpened.emit(dialog)
        return dialog

    def add_employee(self) -> QWidget:
        """Open the new-employee form; the list refreshes when it is saved."""
        from app.ui.dialogs.employee_form import EmployeeFormDialog  # lazy: not at start-up (15 ms)

        form = EmployeeFormDialog(self.db, actor=self.actor, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._employee_added)
        form.open()
        self.formOpened.emit(form)
        return form

    def _employee_added(self, _pegawai_id: str) -> None:
        self.refresh()
        self.export_status.setText(tr("Pegawai baru tersimpan."))
        self.export_status.setToolTip("")

    def refresh(self) -> None:
        self.model.refresh()

    def records_changed(self) -> None:
        self.apply_filter()

    # -- export --------------------------------------------------------------------------------

    def export_xlsx(self) -> None:
        """Ask for a file name, then export the list as shown (filter and order)."""
        default = paths.exports_dir() / tr("daftar-pegawai.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Ekspor daftar pegawai"), str(default), tr("Buku kerja Excel (*.xlsx)")
        )
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def export_to(self, path: Path) -> Task | None:
        """Write the current list to ``path`` in the background, with progress and cancel."""
        if self.export_task is not None:
            return None
        flt, actor, total = self.model.filter, self.actor, self.model.rowCount()

        def work(db: Database, progress: Progress) -> tuple[Path, int]:
            from app.jobs.pegawai import (  # lazy: not at start-up (10 ms)
                EmployeeListRequest,
                write_employee_list,
            )

            request = EmployeeListRequest(flt, path, total)
            result = write_employee_list(db, actor, request, progress)
            return result.path, result.rows

        self.export_button.setEnabled(False)
        self.export_progress.setRange(0, max(total, 1))
        self.export_progress.setValue(0)
        self.export_progress.show()
        self.export_cancel.show()
        self.export_status.setText(tr("Mengekspor…"))
        self.export_task = self.runner.run(
            work,
            on_done=self._export_done,
            on_error=self._export_failed,
            on_progress=self._export_progress,
            bulk=True,
        )
        return self.export_task

    def _export_progress(self, done: int, total: int, _text: str) -> None:
        self.export_progress.setRange(0, max(total, done, 1))
        self.export_progress.setValue(done)

    def cancel_export(self) -> None:
        if self.export_task is not None:
            self.export_task.progress.cancel()
            self.export_status.setText(tr("Membatalkan…"))

    def _export_finished(self) -> None:
        self.export_task = None
        self.export_button.setEnabled(True)
        self.export_progress.hide()
        self.export_cancel.hide()

    def _export_done(self, result: Any) -> None:
        self._export_finished()
        path, n = result
        self.export_status.setText(
            tr("{n} pegawai diekspor ke {name}", n=angka(n), name=Path(path).name)
        )
        self.export_status.setToolTip(str(path))
        self.exported.emit(result)

    def _export_failed(self, exc: BaseException) -> None:
        self._export_finished()
        if isinstance(exc, Cancelled):
            self.export_status.setText(tr("Ekspor dibatalkan."))
            return
        self.export_status.setText("")
        show_error(self, exc)
