"""Dokumen SK: issue decrees (with preview and print), the numbering register, the templates and
verification. Every rule and query is in :mod:`app.models.dokumen` and the jobs of
:mod:`app.jobs.dokumen`; long work runs as tasks.

The preview draws PDF pages with pypdfium2 (PDFium, a small wheel), because Qt's own PDF module
(QtPdf) is not in PySide6-Essentials: it comes only with PySide6-Addons (about 400 MB unpacked).
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import tanggal, tr
from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen import isian, rancangan, templat, templat_bawaan
from app.models.dokumen import register as register_dokumen
from app.models.errors import Cancelled, MeritError, ValidationError
from app.models.pegawai import read as emp
from app.models.storage.db import Database
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error

JENIS_LABEL = {"petikan": "Petikan", "salinan": "Salinan", "asli": "Asli"}
PREVIEW_SCALE = 0.8  # 72 dpi x 0.8: an F4 page is about 490 x 750 px


def pdf_page_images(data: bytes, scale: float = PREVIEW_SCALE) -> list[bytes]:
    """PNG bytes of every page of a PDF (runs in a task; no Qt)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out: list[bytes] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            image = page.render(scale=scale).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            out.append(buffer.getvalue())
            page.close()
    finally:
        doc.close()
    return out


class CancelDialog(QDialog):
    """Asks the reason of a cancellation (opened with open(); tests answer it)."""

    def __init__(self, nomor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogBatal")
        self.setWindowTitle(tr("Batalkan dokumen"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Batalkan dokumen nomor {nomor}?", nomor=nomor)))
        self.alasan = QLineEdit()
        self.alasan.setObjectName("alasanBatal")
        self.alasan.setPlaceholderText(tr("Alasan pembatalan (wajib)"))
        layout.addWidget(self.alasan)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Batalkan dokumen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Tutup"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class DokumenPage(QWidget):
    issued = Signal(object)  # dokumen_jobs.HasilTerbit

    def __init__(
        self, db: Database, *, runner: TaskRunner | None = None, actor: str = "sistem"
    ) -> None:
        super().__init__()
        self.setObjectName("halamanDokumen")
        self.db = db
        self.actor = actor
        self.runner = runner or TaskRunner(db.path, self)
        self.task: Task | None = None
        self.last_pdf: bytes | None = None
        self.last_result: dokumen_jobs.HasilTerbit | None = None
        templat_bawaan.seed_templates(db, actor=actor)

        title = QLabel(tr("Dokumen SK"))
        title.setObjectName("judulHalaman")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_issue_tab(), tr("Terbitkan"))
        self.tabs.addTab(self._build_register_tab(), tr("Register"))
        self.tabs.addTab(self._build_template_tab(), tr("Templat"))
        self.tabs.addTab(self._build_verify_tab(), tr("Verifikasi"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.load_templates()

    # -- Terbitkan --------------------------------------------------------------------------

    def _build_issue_tab(self) -> QWidget:
        tab = QWidget()
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
        form = QFormLayout()
        form.addRow(tr("Templat"), self.templat_combo)
        form.addRow(tr("Tanggal penetapan"), self.tanggal_edit)
        form.addRow(tr("Naskah"), self.jenis_combo)
        form.addRow(tr("TMT"), self.tmt_edit)
        form.addRow(tr("Folder keluaran"), out_row)

        self.cari_edit = QLineEdit()
        self.cari_edit.setObjectName("cariPegawai")
        self.cari_edit.setPlaceholderText(tr("Cari NIP atau nama pegawai, lalu Enter"))
        self.cari_edit.returnPressed.connect(self.search)
        self.hasil_list = QListWidget()
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
        picker.addLayout(left, 2)
        picker.addLayout(mid)
        picker.addLayout(right, 3)

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
        grid = QHBoxLayout(tab)
        grid.addLayout(left_col, 3)
        grid.addWidget(self.preview_scroll, 2)
        return tab

    def load_templates(self) -> None:
        current = self.templat_combo.currentData()
        self.templates = {t.kode: t for t in templat.list_templates(self.db.conn)}
        for combo in (self.templat_combo, self.edit_combo):
            combo.blockSignals(True)
            combo.clear()
            for t in self.templates.values():
                combo.addItem(f"{t.kode} — {t.nama}", t.kode)
            combo.blockSignals(False)
        # The SK KP is what clerks print most: offered first.
        want = current or "SK_KP"
        self.templat_combo.setCurrentIndex(max(0, self.templat_combo.findData(want)))
        self._template_chosen()
        self.load_template_form()

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

    def search(self) -> None:
        text = self.cari_edit.text()
        flt = emp.EmployeeFilter(search=text, kedudukan="AKTIF")

        def work(db: Database, _p: Progress) -> list[tuple[str, str]]:
            return [
                (r["nip"], r["nama_lengkap"]) for r in emp.list_employees(db.conn, flt, limit=200)
            ]

        self.runner.run(work, on_done=self._show_results, on_error=self._error)

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
            for c, key in enumerate(getattr(self, "input_keys", []), start=2):
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
        self.load_register()
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
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.last_pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = pdf_page_images(self.last_pdf, scale=printer.resolution() / 72.0 / 2)
        painter = QPainter(printer)
        try:
            for i, png in enumerate(pages):
                if i:
                    printer.newPage()
                image = QImage.fromData(png)
                rect = painter.viewport()
                size = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(0, 0, image.scaled(size))
        finally:
            painter.end()

    # -- Register -----------------------------------------------------------------------------

    def _build_register_tab(self) -> QWidget:
        tab = QWidget()
        self.reg_tahun = QSpinBox()
        self.reg_tahun.setRange(0, 2200)
        self.reg_tahun.setSpecialValueText(tr("Semua"))
        self.reg_tahun.setValue(date.today().year)
        self.reg_status = QComboBox()
        self.reg_status.addItem(tr("Semua status"), "")
        self.reg_status.addItem(tr("Terbit"), register_dokumen.STATUS_TERBIT)
        self.reg_status.addItem(tr("Batal"), register_dokumen.STATUS_BATAL)
        self.reg_cari = QLineEdit()
        self.reg_cari.setPlaceholderText(tr("Cari nomor, perihal, nama atau NIP"))
        self.reg_cari.returnPressed.connect(self.load_register)
        muat = QPushButton(tr("Tampilkan"))
        muat.clicked.connect(self.load_register)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tahun")))
        top.addWidget(self.reg_tahun)
        top.addWidget(self.reg_status)
        top.addWidget(self.reg_cari, 1)
        top.addWidget(muat)
        self.register_table = QTableWidget(0, 6)
        self.register_table.setObjectName("tabelRegister")
        self.register_table.setHorizontalHeaderLabels(
            [
                tr("Nomor"),
                tr("Tanggal"),
                tr("Perihal"),
                tr("Pegawai"),
                tr("Status"),
                tr("Keterangan"),
            ]
        )
        self.register_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register_table.horizontalHeader().setStretchLastSection(True)
        self.batalkan_button = QPushButton(tr("Batalkan…"))
        self.batalkan_button.clicked.connect(self.ask_cancel)
        self.cek_button = QPushButton(tr("Verifikasi kode"))
        self.cek_button.clicked.connect(self._verify_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.batalkan_button)
        bottom.addWidget(self.cek_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.register_table, 1)
        layout.addLayout(bottom)
        self.register_rows: list[register_dokumen.RegisterRow] = []
        return tab

    def load_register(self) -> None:
        rows = register_dokumen.list_register(
            self.db.conn,
            tahun=self.reg_tahun.value() or None,
            status=self.reg_status.currentData() or None,
            search=self.reg_cari.text(),
            limit=5000,
        )
        self.register_rows = rows
        table = self.register_table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            people = (
                row.nama_pegawai if len(row.pegawai) <= 1 else tr("{n} pegawai", n=len(row.pegawai))
            )
            cells = (
                row.nomor,
                tanggal(row.tanggal),
                row.perihal,
                people,
                tr("Batal") if row.batal else tr("Terbit"),
                row.alasan_batal,
            )
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _selected_register(self) -> register_dokumen.RegisterRow | None:
        rows = {i.row() for i in self.register_table.selectedIndexes()}
        if not rows:
            return None
        return self.register_rows[min(rows)]

    def ask_cancel(self) -> CancelDialog | None:
        row = self._selected_register()
        if row is None:
            self.status.setText(tr("Pilih dokumen di register dulu."))
            return None
        dialog = CancelDialog(row.nomor, self)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            try:
                register_dokumen.cancel(self.db, row.id, dialog.alasan.text(), actor=self.actor)
            except MeritError as exc:
                show_error(self, exc)
                return
            self.load_register()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _verify_selected(self) -> None:
        row = self._selected_register()
        if row is None:
            return
        code = row.kode_verifikasi
        self.verify_edit.setText(code or row.nomor)
        self.tabs.setCurrentIndex(3)
        if code:
            self.verify()

    # -- Templat --------------------------------------------------------------------------------

    def _build_template_tab(self) -> QWidget:
        tab = QWidget()
        self.edit_combo = QComboBox()
        self.edit_combo.currentIndexChanged.connect(self.load_template_form)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        single = ("nama", "judul", "pejabat", "tentang", "format_nomor", "alamat_penerima")
        lists = ("menimbang", "mengingat", "memperhatikan", "diktum", "tembusan")
        signer = ("ttd_jabatan", "ttd_nama", "ttd_pangkat", "ttd_nip", "ttd_atas_nama",
                  "sah_jabatan", "sah_nama", "sah_pangkat", "sah_nip")  # fmt: skip
        form = QFormLayout()
        form.addRow(tr("Templat"), self.edit_combo)
        self.bentuk_combo = QComboBox()
        self.bentuk_combo.setObjectName("bentukTemplat")
        for kode, label in (
            ("PERORANGAN", tr("Keputusan, satu per orang")),
            ("KOLEKTIF", tr("Keputusan bersama dengan lampiran")),
            ("SURAT", tr("Surat dinas, satu per orang")),
        ):
            if kode in templat.BENTUK:
                self.bentuk_combo.addItem(label, kode)
        self.bentuk_combo.currentIndexChanged.connect(self.check_template_form)
        form.addRow(tr("Bentuk"), self.bentuk_combo)
        for name in single:
            edit = QLineEdit()
            self.fields[name] = edit
            form.addRow(tr(templat.JUDUL_FIELD[name]), edit)
        sig_box = QGroupBox(tr("Penandatangan dan pengesah"))
        sig_form = QFormLayout(sig_box)
        self.ttd_varian = QComboBox()
        for v in templat.VARIAN:
            self.ttd_varian.addItem(v or tr("(langsung)"), v)
        sig_form.addRow(tr("Varian"), self.ttd_varian)
        for name in signer:
            edit = QLineEdit()
            self.fields[name] = edit
            sig_form.addRow(tr(templat.JUDUL_FIELD[name]), edit)
        texts = QGridLayout()
        hints = {
            "menimbang": tr("satu butir per baris"),
            "mengingat": tr("satu butir per baris"),
            "memperhatikan": tr("satu butir per baris"),
            "tembusan": tr("satu butir per baris"),
            "diktum": tr("baris kosong antar diktum; '- Label: isi' untuk rincian"),
        }
        for i, name in enumerate(lists):
            area = QPlainTextEdit()
            area.setObjectName(f"templat_{name}")
            self.fields[name] = area
            box = QVBoxLayout()
            box.addWidget(QLabel(f"{tr(templat.JUDUL_FIELD[name])} ({hints[name]})"))
            box.addWidget(area)
            texts.addLayout(box, i // 2, i % 2)
        for widget in self.fields.values():
            widget.textChanged.connect(self.check_template_form)
        self.templat_pesan = QLabel()
        self.templat_pesan.setObjectName("pesanTemplat")
        self.templat_pesan.setWordWrap(True)
        self.templat_pesan.setStyleSheet("color: #a00;")
        self.isian_label = QLabel(
            tr("Isian yang dikenal: ") + ", ".join("{" + k + "}" for k in isian.PLACEHOLDER)
        )
        self.isian_label.setWordWrap(True)
        self.simpan_templat_button = QPushButton(tr("Simpan templat"))
        self.simpan_templat_button.clicked.connect(self.save_template)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(sig_box, 1)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(top)
        layout.addLayout(texts, 1)
        layout.addWidget(self.isian_label)
        layout.addWidget(self.templat_pesan)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.simpan_templat_button)
        layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(tab)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return tab

    def load_template_form(self) -> None:
        t = (
            self.templates.get(self.edit_combo.currentData() or "")
            if hasattr(self, "templates")
            else None
        )
        if t is None:
            return
        self._loading = True
        for name, edit in self.fields.items():
            if name == "diktum":
                value = templat.diktum_to_text(t.diktum)
            elif name in ("menimbang", "mengingat", "memperhatikan", "tembusan"):
                value = "\n".join(getattr(t, name))
            else:
                value = str(getattr(t, name))
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            else:
                edit.setText(value)
        self.ttd_varian.setCurrentIndex(max(0, self.ttd_varian.findData(t.ttd_varian)))
        self.bentuk_combo.setCurrentIndex(max(0, self.bentuk_combo.findData(t.bentuk)))
        self._loading = False
        self.check_template_form()

    def template_from_form(self) -> templat.Templat | None:
        t = self.templates.get(self.edit_combo.currentData() or "")
        if t is None:
            return None
        values: dict[str, Any] = {}
        for name, edit in self.fields.items():
            text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            if name == "diktum":
                values[name] = templat.text_to_diktum(text)
            elif name in ("menimbang", "mengingat", "memperhatikan", "tembusan"):
                values[name] = templat.lines_to_list(text)
            else:
                values[name] = text.strip()
        values["ttd_varian"] = self.ttd_varian.currentData()
        values["bentuk"] = self.bentuk_combo.currentData() or t.bentuk
        return replace(t, **values)

    def check_template_form(self) -> list[isian.Masalah]:
        if getattr(self, "_loading", False):
            return []
        t = self.template_from_form()
        problems = templat.check_template(t) if t else []
        self.templat_pesan.setText("\n".join(p.message for p in problems))
        self.simpan_templat_button.setEnabled(not problems)
        return problems

    def save_template(self) -> None:
        t = self.template_from_form()
        if t is None:
            return
        try:
            templat.save_template(self.db, t, actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.load_templates()
        self.templat_pesan.setText(tr("Templat {kode} disimpan.", kode=t.kode))

    # -- Verifikasi -----------------------------------------------------------------------------

    def _build_verify_tab(self) -> QWidget:
        tab = QWidget()
        self.verify_edit = QLineEdit()
        self.verify_edit.setObjectName("kodeVerifikasi")
        self.verify_edit.setPlaceholderText(
            tr("Ketik kode verifikasi (mis. 7KQ2M-XW9RT) atau pilih berkas PDF")
        )
        self.verify_edit.returnPressed.connect(self.verify)
        pick = QPushButton(tr("Pilih PDF…"))
        pick.clicked.connect(self._choose_pdf)
        check = QPushButton(tr("Periksa"))
        check.clicked.connect(self.verify)
        row = QHBoxLayout()
        row.addWidget(self.verify_edit, 1)
        row.addWidget(pick)
        row.addWidget(check)
        self.verify_title = QLabel()
        self.verify_title.setObjectName("hasilVerifikasi")
        font = self.verify_title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.verify_title.setFont(font)
        self.verify_text = QLabel()
        self.verify_text.setWordWrap(True)
        self.verify_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.verify_title)
        layout.addWidget(self.verify_text)
        layout.addStretch(1)
        return tab

    def _choose_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Pilih PDF"), "", tr("PDF (*.pdf)"))
        if path:
            self.verify_edit.setText(path)
            self.verify()

    def verify(self) -> None:
        source = self.verify_edit.text().strip()
        if not source:
            return
        actor = self.actor

        def work(db: Database, _p: Progress) -> dokumen_jobs.Verifikasi:
            return dokumen_jobs.verify(db, actor, source)

        self.verify_title.setText(tr("Memeriksa…"))
        self.runner.run(work, on_done=self._show_verification, on_error=self._verify_error)

    def _verify_error(self, exc: BaseException) -> None:
        self.verify_title.setText("")
        show_error(self, exc)

    def _show_verification(self, result: dokumen_jobs.Verifikasi) -> None:
        color = "#070" if result.ok else "#a00"
        self.verify_title.setStyleSheet(f"color: {color};")
        self.verify_title.setText(result.judul)
        lines = [result.pesan]
        reg = result.register
        if reg is not None:
            lines += [
                "",
                tr("Nomor: {v}", v=reg.nomor),
                tr("Tanggal: {v}", v=tanggal(reg.tanggal)),
                tr("Perihal: {v}", v=reg.perihal),
                tr("Pegawai: {v}", v=reg.nama_pegawai),
                tr("Naskah: {v}", v=f"{result.jenis} {result.nip}".strip()),
                tr("Status register: {v}", v=reg.status)
                + (f" — {reg.alasan_batal}" if reg.batal else ""),
            ]
        self.verify_text.setText("\n".join(lines))

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.load_register()
