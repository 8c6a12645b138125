"""Dokumen SK, tab Terbitkan: choose a template and people, fill the values the template asks per
person, preview (no number is taken), issue in the background with progress and cancel, and
print."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import tr
from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen import isian, rancangan, templat
from app.models.errors import Cancelled, MeritError, ValidationError
from app.models.pegawai import read as emp
from app.models.storage.db import Database
from app.ui.pages.dokumen.pdf_view import pdf_page_images, print_pdf
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error

SEARCH_DELAY_MS = 250
JENIS_LABEL = {"petikan": "Petikan", "salinan": "Salinan", "asli": "Asli"}


class IssueTab(QWidget):
    """Issue decrees. ``issued`` carries the :class:`~app.jobs.dokumen.HasilTerbit` of a finished
    issue."""

    issued = Signal(object)

    def __init__(self, db: Database, runner: TaskRunner, actor: str) -> None:
        super().__init__()
        self.db = db
        self.runner = runner
        self.actor = actor
        self.task: Task | None = None
        self.last_pdf: bytes | None = None
        self.last_result: dokumen_jobs.HasilTerbit | None = None
        self.templates: dict[str, templat.Templat] = {}
        self.input_keys: list[str] = []
        self.templat_combo = QComboBox()
        self.templat_combo.setObjectName("pilihTemplat")
        self.templat_combo.currentIndexChanged.connect(self._template_chosen)
        self.tanggal_edit = QDateEdit(QDate.currentDate())
        self.tanggal_edit.setCalendarPopup(True)
        self.tanggal_edit.setDisplayFormat("dd-MM-yyyy")
        self.jenis_combo = QComboBox()
        for key, label in JENIS_LABEL.items():
            self.jenis_combo.addItem(tr(label), key)
        self.tmt_edit = QLineEdit()
        self.tmt_edit.setPlaceholderText(tr("bawaan templat (TTTT-BB-HH)"))
        self.out_edit = QLineEdit(str(paths.exports_dir() / "sk"))
        out_button = QPushButton(tr("Pilih…"))
        out_button.clicked.connect(self._choose_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(out_button)
        self.kp_note = QLabel(
            tr(
                "SK kenaikan pangkat diterbitkan dari halaman Kenaikan Pangkat, dari usulan "
                "yang sudah mendapat pertek BKN (riwayat pangkat tercatat sekaligus)."
            )
        )
        self.kp_note.setObjectName("catatanSkKp")
        self.kp_note.setWordWrap(True)
        self.kp_note.setStyleSheet("color: palette(mid);")
        form = QFormLayout()
        form.addRow(tr("Templat"), self.templat_combo)
        form.addRow("", self.kp_note)
        form.addRow(tr("Tanggal penetapan"), self.tanggal_edit)
        form.addRow(tr("Naskah"), self.jenis_combo)
        form.addRow(tr("TMT"), self.tmt_edit)
        form.addRow(tr("Folder keluaran"), out_row)

        self.cari_edit = QLineEdit()
        self.cari_edit.setObjectName("cariPegawai")
        self.cari_edit.setPlaceholderText(tr("Cari NIP atau nama pegawai"))
        self.cari_edit.setClearButtonEnabled(True)
        self.cari_edit.returnPressed.connect(self.search)
        # Search as you type, once the typing pauses (each search runs in the background).
        self._search_generation = 0
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_typed)
        self.cari_edit.textChanged.connect(self._search_timer.start)
        self.hasil_list = QListWidget()
        self.hasil_list.setObjectName("hasilCari")
        self.hasil_list.setMinimumWidth(400)  # "NIP  name, with titles" fits
        self.hasil_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.hasil_list.itemDoubleClicked.connect(lambda _item: self.add_selected())
        self.tambah_button = QPushButton(tr("Tambah ›"))
        self.tambah_button.clicked.connect(self.add_selected)
        self.tambah_semua_button = QPushButton(tr("Tambah semua hasil"))
        self.tambah_semua_button.clicked.connect(self.add_all)
        self.hapus_button = QPushButton(tr("‹ Hapus"))
        self.hapus_button.clicked.connect(self.remove_selected)
        self.dipilih_table = QTableWidget(0, 2)
        self.dipilih_table.setObjectName("pegawaiDipilih")
        self.dipilih_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dipilih_table.horizontalHeader().setStretchLastSection(True)
        self.dipilih_label = QLabel()

        left = QVBoxLayout()
        left.addWidget(self.cari_edit)
        left.addWidget(self.hasil_list, 1)
        mid = QVBoxLayout()
        mid.addStretch(1)
        for button in (self.tambah_button, self.tambah_semua_button, self.hapus_button):
            mid.addWidget(button)
        mid.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.dipilih_label)
        right.addWidget(self.dipilih_table, 1)
        picker = QHBoxLayout()
        picker.addLayout(left, 1)
        picker.addLayout(mid)
        picker.addLayout(right, 1)

        self.pratinjau_button = QPushButton(tr("Pratinjau"))
        self.pratinjau_button.clicked.connect(self.preview)
        self.terbitkan_button = QPushButton(tr("Terbitkan"))
        self.terbitkan_button.setObjectName("tombolTerbitkan")
        self.terbitkan_button.clicked.connect(self.issue)
        self.cetak_button = QPushButton(tr("Cetak…"))
        self.cetak_button.setEnabled(False)
        self.cetak_button.clicked.connect(self.print_pdf)
        self.batal_button = QPushButton(tr("Hentikan"))
        self.batal_button.setEnabled(False)
        self.batal_button.clicked.connect(self.cancel_task)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("statusTerbit")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.pratinjau_button, self.terbitkan_button, self.cetak_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.batal_button)

        self.preview_host = QWidget()
        self.preview_layout = QVBoxLayout(self.preview_host)
        self.preview_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setWidget(self.preview_host)
        self.preview_scroll.setMinimumWidth(420)
        self.preview_pages: list[QLabel] = []
        self.preview_info = QLabel(tr("Pratinjau muncul di sini."))
        self.preview_layout.addWidget(self.preview_info)

        left_col = QVBoxLayout()
        left_col.addLayout(form)
        left_col.addLayout(picker, 1)
        left_col.addLayout(buttons)
        left_col.addWidget(self.status)
        grid = QHBoxLayout(self)
        grid.addLayout(left_col, 2)
        grid.addWidget(self.preview_scroll, 1)

    def set_templates(self, templates: dict[str, templat.Templat]) -> None:
        """Offer ``templates`` except the SK kenaikan pangkat (issued from the KP page, from
        its proposal); the one chosen stays chosen."""
        current = self.templat_combo.currentData()
        self.templates = {k: t for k, t in templates.items() if not t.kenaikan_pangkat}
        self.templat_combo.blockSignals(True)
        self.templat_combo.clear()
        for t in self.templates.values():
            # People read the name; the code (SK_JABATAN) stays in the tooltip for the admin.
            self.templat_combo.addItem(t.nama or t.kode, t.kode)
            index = self.templat_combo.count() - 1
            self.templat_combo.setItemData(index, t.kode, Qt.ItemDataRole.ToolTipRole)
        self.templat_combo.blockSignals(False)
        self.kp_note.setVisible(len(self.templates) < len(templates))
        self.templat_combo.setCurrentIndex(max(0, self.templat_combo.findData(current)))
        self._template_chosen()

    @property
    def template(self) -> templat.Templat | None:
        return self.templates.get(self.templat_combo.currentData() or "")

    def _template_chosen(self) -> None:
        t = self.template
        inputs = templat.needed_inputs(t) if t else []
        self.input_keys = inputs
        rows = self._selected_people()
        self.dipilih_table.setColumnCount(2 + len(inputs))
        self.dipilih_table.setHorizontalHeaderLabels(
            ["NIP", tr("Nama"), *(tr(isian.ISIAN[k]) for k in inputs)]
        )
        self.dipilih_table.setRowCount(0)
        for nip, nama, _values in rows:
            self._append_person(nip, nama)
        self.dipilih_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.dipilih_table.setColumnWidth(0, 150)
        self.dipilih_table.setColumnWidth(1, 200)

    def _search_typed(self) -> None:
        if self.cari_edit.text().strip():
            self.search()
        else:
            self.hasil_list.clear()

    def search(self) -> None:
        self._search_timer.stop()
        text = self.cari_edit.text()
        flt = emp.EmployeeFilter(search=text, kedudukan="AKTIF")
        actor = self.actor

        def work(db: Database, _p: Progress) -> list[tuple[str, str]]:
            flt_ = emp.scoped_filter(db, actor, flt)  # only the employees the actor may read
            return [
                (r["nip"], r["nama_lengkap"]) for r in emp.list_employees(db.conn, flt_, limit=200)
            ]

        self._search_generation += 1
        self.runner.run(
            work,
            on_done=partial(self._show_results_of, self._search_generation),
            on_error=self._error,
        )

    def _show_results_of(self, generation: int, rows: list[tuple[str, str]]) -> None:
        if generation == self._search_generation:  # a late answer to older typing is dropped
            self._show_results(rows)

    def _show_results(self, rows: list[tuple[str, str]]) -> None:
        self.hasil_list.clear()
        for nip, nama in rows:
            item = QListWidgetItem(f"{nip}  {nama}")
            item.setData(Qt.ItemDataRole.UserRole, (nip, nama))
            self.hasil_list.addItem(item)
        self.status.setText(tr("{n} pegawai ditemukan.", n=len(rows)))

    def _selected_people(self) -> list[tuple[str, str, dict[str, str]]]:
        out = []
        table = self.dipilih_table
        for r in range(table.rowCount()):
            nip_item, nama_item = table.item(r, 0), table.item(r, 1)
            if nip_item is None or nama_item is None:
                continue
            values = {}
            for c, key in enumerate(self.input_keys, start=2):
                item = table.item(r, c)
                if item is not None and item.text().strip():
                    values[key] = item.text().strip()
            out.append((nip_item.text(), nama_item.text(), values))
        return out

    def _append_person(self, nip: str, nama: str) -> None:
        if any(p[0] == nip for p in self._selected_people()):
            return
        table = self.dipilih_table
        row = table.rowCount()
        table.insertRow(row)
        for col, text in ((0, nip), (1, nama)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, col, item)
        for col in range(2, table.columnCount()):
            table.setItem(row, col, QTableWidgetItem(""))
        self.dipilih_label.setText(tr("{n} pegawai dipilih", n=table.rowCount()))

    def add_selected(self) -> None:
        for item in self.hasil_list.selectedItems():
            nip, nama = item.data(Qt.ItemDataRole.UserRole)
            self._append_person(nip, nama)

    def add_all(self) -> None:
        for i in range(self.hasil_list.count()):
            nip, nama = self.hasil_list.item(i).data(Qt.ItemDataRole.UserRole)
            self._append_person(nip, nama)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.dipilih_table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.dipilih_table.removeRow(r)
        self.dipilih_label.setText(tr("{n} pegawai dipilih", n=self.dipilih_table.rowCount()))

    def set_input(self, nip: str, key: str, value: str) -> None:
        """Fill one cell of the values table (what a clerk types there)."""
        col = 2 + self.input_keys.index(key)
        for r in range(self.dipilih_table.rowCount()):
            item = self.dipilih_table.item(r, 0)
            cell = self.dipilih_table.item(r, col)
            if item is not None and cell is not None and item.text() == nip:
                cell.setText(value)

    def request(self) -> rancangan.Permintaan:
        t = self.template
        if t is None:
            raise ValidationError(tr("Pilih templat dokumen."), field="templat")
        people = self._selected_people()
        nilai = {"tmt": self.tmt_edit.text().strip()} if self.tmt_edit.text().strip() else {}
        return rancangan.Permintaan(
            templat=t.kode,
            nips=tuple(p[0] for p in people),
            tanggal=date.fromisoformat(self.tanggal_edit.date().toString(Qt.DateFormat.ISODate)),
            jenis=self.jenis_combo.currentData(),
            nilai=nilai,
            nilai_pegawai={nip: values for nip, _nama, values in people},
        )

    def _busy(self, busy: bool, text: str = "") -> None:
        for button in (self.pratinjau_button, self.terbitkan_button):
            button.setEnabled(not busy)
        self.batal_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        if text:
            self.status.setText(text)

    def preview(self) -> None:
        try:
            req = self.request()
        except MeritError as exc:
            show_error(self, exc)
            return

        actor = self.actor

        def work(db: Database, _p: Progress) -> tuple[bytes, int, int, list[bytes]]:
            data, shown, total = dokumen_jobs.render_preview(db, actor, req)
            return data, shown, total, pdf_page_images(data)

        self._busy(True, tr("Menyusun pratinjau…"))
        self.task = self.runner.run(work, on_done=self._show_preview, on_error=self._error)

    def _show_preview(self, result: tuple[bytes, int, int, list[bytes]]) -> None:
        data, shown, total, pages = result
        self._busy(False)
        self.last_pdf = data
        self.cetak_button.setEnabled(True)
        for label in self.preview_pages:
            label.deleteLater()
        self.preview_pages = []
        more = tr(" (pratinjau {a} dari {b} naskah)", a=shown, b=total) if shown < total else ""
        self.preview_info.setText(tr("{n} halaman", n=len(pages)) + more)
        for png in pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(QImage.fromData(png)))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.preview_layout.addWidget(label)
            self.preview_pages.append(label)
        self.status.setText(tr("Pratinjau siap; nomor belum diberikan (…)."))

    def issue(self) -> None:
        try:
            req = self.request()
        except MeritError as exc:
            show_error(self, exc)
            return
        out = Path(self.out_edit.text().strip() or ".")
        actor = self.actor

        def work(db: Database, p: Progress) -> dokumen_jobs.HasilTerbit:
            return dokumen_jobs.issue(db, actor, dokumen_jobs.IssueRequest(req, out), p)

        self._busy(True, tr("Menerbitkan…"))
        self.task = self.runner.run(
            work,
            on_done=self._issued,
            on_error=self._error,
            on_progress=self._progress,
            bulk=True,
        )

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _issued(self, result: dokumen_jobs.HasilTerbit) -> None:
        self._busy(False)
        self.last_result = result
        if result.gabungan is not None:
            self.last_pdf = result.gabungan.read_bytes()
            self.cetak_button.setEnabled(True)
        first, last = result.nomor[0], result.nomor[-1]
        span = first if first == last else f"{first} s.d. {last}"
        self.status.setText(
            tr(
                "Terbit {n} dokumen: {span}. {f} berkas di {folder}.",
                n=len(result.nomor),
                span=span,
                f=len(result.berkas),
                folder=result.gabungan.parent if result.gabungan else "",
            )
        )
        self.issued.emit(result)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.progress.cancel()
            self.status.setText(tr("Menghentikan…"))

    def _error(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(str(exc))
            return
        self.status.setText(str(exc) if isinstance(exc, MeritError) else "")
        show_error(self, exc)

    def _choose_out(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder keluaran"), self.out_edit.text())
        if folder:
            self.out_edit.setText(folder)

    def print_pdf(self) -> None:
        """Print the last preview or issued PDF through the print dialog."""
        if self.last_pdf is None:
            return
        print_pdf(self.last_pdf, self)
