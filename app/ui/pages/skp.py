"""Kinerja (SKP): the appraisal year at a glance.

* **Kemajuan**: per perangkat daerah (or per unit under the chosen one) how many employees have
  no plan yet, how many SKPs are draft, plan approved, submitted, rated, ditetapkan (a year known
  only from the SKP history counts as ditetapkan), under keberatan, final; each unit's capaian
  kinerja organisasi and the warnings of its curve; the distribution of predikat beside the
  bounds of the curve of the chosen unit, as a bar chart (drawn with QPainter: QtCharts is not
  part of PySide6-Essentials). The admin records the chosen unit's capaian of the year.
* **Daftar SKP**: the employees with their SKP state, filtered by state; open the SKP form,
  create a missing SKP, key in a paper result, bulk-create for the unit, write the rekap .xlsx.

Queries run in the background (one aggregate query each); the page holds no SQL and no rule.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tr
from app.jobs.skp import RekapSkpRequest, write_rekap_xlsx
from app.models.access.akses import allowed, read_roots, read_unit, units_under
from app.models.errors import AccessDenied
from app.models.organisasi.units import unit_options
from app.models.rules.skp import BELUM, SEMUA, Pelaku, status_label
from app.models.skp import bulk, guard, pengaturan
from app.models.skp import progress as skp_progress
from app.models.skp.pengaturan import capaian_options
from app.models.skp.types import HasilMassal, Kemajuan, SkpBaris
from app.models.storage.db import Database
from app.ui.dialogs.skp_form import SkpForm
from app.ui.dialogs.skp_hasil_kertas import HasilKertasDialog
from app.ui.pages.base import Page
from app.ui.table_model import Column, RowsModel
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.messages import show_error

ACTUAL = QColor("#2F6DB5")
EXPECTED = QColor("#BFBFBF")


class PredikatChart(QWidget):
    """Grouped bars per predikat: the share actually given (of the rated SKPs) beside the share
    the agency expects."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grafikPredikat")
        self.labels: list[str] = []
        self.actual: list[float] = []
        self.expected: list[float | None] = []
        self.counts: list[int] = []
        self.setMinimumSize(QSize(360, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], counts: list[int], expected: list[float | None]) -> None:
        total = sum(counts)
        self.labels = labels
        self.counts = counts
        self.actual = [c * 100 / total if total else 0.0 for c in counts]
        self.expected = expected
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        fm = painter.fontMetrics()
        line = fm.height()
        left, top, right, bottom = 36, line + 10, 10, 2 * line + 12
        w = self.width() - left - right
        h = self.height() - top - bottom
        if not self.labels or w <= 0 or h <= 0:
            painter.end()
            return
        highest = max(self.actual + [e for e in self.expected if e is not None])
        top_value = float(min(100, max(10, (int(highest) // 10 + 1) * 10)))
        grid = QPen(QColor("#DDDDDD"))
        text_pen = QPen(self.palette().text().color())
        for step in range(0, int(top_value) + 1, 10 if top_value <= 50 else 20):
            y = top + h - h * step / top_value
            painter.setPen(grid)
            painter.drawLine(left, int(y), left + w, int(y))
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(0, y - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, f"{step}%"
            )
        group = w / len(self.labels)
        bar = group * 0.32
        for i, label in enumerate(self.labels):
            x0 = left + i * group + group * 0.14
            for j, (value, color) in enumerate(
                ((self.actual[i], ACTUAL), (self.expected[i], EXPECTED))
            ):
                if value is None:
                    continue
                bh = h * min(value, top_value) / top_value
                rect = QRectF(x0 + j * (bar + 2), top + h - bh, bar, bh)
                painter.fillRect(rect, color)
                painter.setPen(text_pen)
                painter.drawText(
                    QRectF(rect.x() - 6, rect.y() - line, bar + 12, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    f"{value:.0f}",
                )
            painter.drawText(
                QRectF(left + i * group, top + h + 4, group, 2 * line),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                label,
            )
        # Legend.
        x = left
        for text, color in (
            (tr("Hasil penilaian (%)"), ACTUAL),
            (tr("Batas pola distribusi (%)"), EXPECTED),
        ):
            painter.fillRect(QRectF(x, 3, 12, line - 4), color)
            painter.setPen(text_pen)
            painter.drawText(QRectF(x + 16, 0, 200, line), Qt.AlignmentFlag.AlignLeft, text)
            x += 24 + fm.horizontalAdvance(text)
        painter.end()


def _batas(data: Kemajuan, kode: str) -> float | None:
    """The bound of the curve of the view's capaian for one predikat (None: none)."""
    for rule in data.aturan.get(data.capaian or "", []):
        if rule.predikat == (kode,):
            value = rule.persen_maks if rule.persen_maks is not None else rule.persen_min
            return None if value is None else float(value)
    return None


class SkpListModel(RowsModel[SkpBaris]):
    """The employees of the year with their SKP state (rows from one query)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("NIP"), lambda r: r.nip),
                Column(tr("Nama"), lambda r: r.nama),
                Column(tr("Jabatan"), lambda r: r.jabatan),
                Column(tr("Unit"), lambda r: r.unit),
                Column(tr("Pejabat penilai"), lambda r: r.penilai),
                Column(tr("Status"), _status_text),
                Column(tr("Predikat"), lambda r: r.predikat),
            ],
            parent,
        )


STATUS_FILTER = (
    ("Semua", None),
    ("Belum ada SKP", BELUM),
    ("Draf", "draft"),
    ("Rencana disetujui", "disetujui"),
    ("Diajukan", "diajukan"),
    ("Dinilai", "dinilai"),
    ("Ditetapkan", "ditetapkan"),
    ("Keberatan", "keberatan"),
    ("Final", "final"),
)
PROGRESS_COLUMNS = (
    "Unit",
    "Capaian org.",
    "Peringatan",
    "Pegawai",
    "Belum ada",
    "Draf",
    "Disetujui",
    "Diajukan",
    "Dinilai",
    "Ditetapkan",
    "Keberatan",
    "Final",
)
C_PERINGATAN, C_DITETAPKAN = 2, 9
# States in which a paper result may still be keyed in.
TERBUKA = (BELUM, "draft", "disetujui", "diajukan", "dinilai")


def _status_text(r: SkpBaris) -> str:
    if r.sumber == "riwayat":
        return tr("Ditetapkan (riwayat)")
    return status_label(r.status)


def skp_roots(db: Database, actor: str) -> frozenset[str] | None:
    """The units whose SKPs ``actor`` reads (None: all); an appraiser without ``skp.baca``
    anywhere sees only their own appraisals (an empty set of units)."""
    if not allowed(actor, "skp.baca"):
        return frozenset()
    try:
        return read_roots(db, actor, "skp.baca")
    except AccessDenied:
        return frozenset()


class SkpPage(Page):
    """Kinerja (SKP). ``loaded`` is emitted when progress and list are on screen."""

    rights = (("skp.baca",),)

    loaded = Signal()
    created = Signal(object)  # HasilMassal
    written = Signal(object)  # path of the rekap

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        actor: str | Pelaku = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanSkp")
        self.actor = actor
        self.pelaku = guard.pelaku_dari(db, actor)
        self.form: SkpForm | None = None
        today = today or date.today()

        title = QLabel(tr("Kinerja (SKP)"))
        title.setObjectName("judulHalaman")
        self.tahun = QSpinBox()
        self.tahun.setObjectName("tahunSkp")
        self.tahun.setRange(2000, 2200)
        self.tahun.setGroupSeparatorShown(False)
        self.tahun.setValue(today.year)
        self.unit = QComboBox()
        self.unit.setObjectName("unitSkp")
        roots = None if isinstance(actor, Pelaku) else skp_roots(db, actor)
        if roots is None:
            self.unit.addItem(tr("Seluruh instansi"), None)
            for option in unit_options(db.conn, max_depth=1):
                self.unit.addItem(("    " * option.depth) + option.nama, option.id)
        else:  # a reader of some units is offered only those
            mine = set(units_under(db.conn, roots))
            self.unit.addItem(tr("Semua unit saya"), None)
            for option in unit_options(db.conn, max_depth=99):
                if option.id in mine:
                    self.unit.addItem(("    " * option.depth) + option.nama, option.id)
        self.unit.setMinimumContentsLength(30)
        self.refresh_button = QPushButton(tr("Muat ulang"))
        self.refresh_button.setObjectName("tombolMuatUlangSkp")
        self.bulk_button = QPushButton(tr("Buat SKP yang belum ada"))
        self.bulk_button.setObjectName("tombolBuatMassal")
        # Creating the year's SKPs is the admin's and the operators' (for their units).
        self.bulk_button.setVisible(
            self.pelaku.sistem or self.pelaku.admin or bool(self.pelaku.operator_unit)
        )
        self.rekap_button = QPushButton(tr("Rekap .xlsx…"))
        self.rekap_button.setObjectName("tombolRekapSkp")
        self.capaian = QComboBox()
        self.capaian.setObjectName("capaianOrganisasi")
        self.capaian.addItem(tr("(belum dicatat)"), None)
        for kode, nama in capaian_options(db.conn):
            self.capaian.addItem(nama, kode)
        self.capaian_button = QPushButton(tr("Simpan capaian"))
        self.capaian_button.setObjectName("tombolSimpanCapaian")
        may_set = self.pelaku.sistem or self.pelaku.admin or SEMUA in self.pelaku.operator_unit
        self.capaian_label = QLabel(tr("Capaian kinerja organisasi:"))
        for w in (self.capaian_label, self.capaian, self.capaian_button):
            w.setVisible(may_set)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tahun:")))
        top.addWidget(self.tahun)
        top.addWidget(QLabel(tr("Unit:")))
        top.addWidget(self.unit, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.bulk_button)
        top.addWidget(self.rekap_button)
        capaian_row = QHBoxLayout()
        capaian_row.addWidget(self.capaian_label)
        capaian_row.addWidget(self.capaian)
        capaian_row.addWidget(self.capaian_button)
        capaian_row.addStretch(1)

        # -- progress tab
        self.progress = QTableWidget(0, len(PROGRESS_COLUMNS))
        self.progress.setObjectName("tabelKemajuan")
        self.progress.setHorizontalHeaderLabels([tr(c) for c in PROGRESS_COLUMNS])
        self.progress.verticalHeader().setVisible(False)
        self.progress.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progress.setWordWrap(False)
        self.progress.verticalHeader().setDefaultSectionSize(22)
        progress_header = self.progress.horizontalHeader()
        progress_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        progress_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = PredikatChart()
        self.chart_note = QLabel()
        self.chart_note.setObjectName("catatanDistribusi")
        self.chart_note.setWordWrap(True)
        self.chart_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.chart_note.setMinimumHeight(self.chart_note.fontMetrics().lineSpacing() * 7)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(QLabel(tr("Distribusi predikat (SKP dinilai dan ditetapkan)")))
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.chart_note)
        split = QSplitter()
        split.addWidget(self.progress)
        split.addWidget(chart_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 500])

        # -- list tab
        self.status = QComboBox()
        self.status.setObjectName("filterStatusSkp")
        for label, value in STATUS_FILTER:
            self.status.addItem(tr(label), value)
        self.mine = QCheckBox(tr("Hanya yang saya nilai atau putus keberatannya"))
        self.mine.setObjectName("hanyaSaya")
        self.mine.setVisible(bool(self.pelaku.pegawai_id))
        self.model = SkpListModel(self)
        self.table = QTableView()
        self.table.setObjectName("daftarSkp")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for col, width in enumerate((150, 220, 220, 200, 200, 150, 110)):
            self.table.setColumnWidth(col, width)
        self.open_button = QPushButton(tr("Buka SKP"))
        self.open_button.setObjectName("tombolBukaSkp")
        self.create_button = QPushButton(tr("Buat SKP"))
        self.create_button.setObjectName("tombolBuatSkp")
        self.kertas_button = QPushButton(tr("Catat hasil kertas…"))
        self.kertas_button.setObjectName("tombolHasilKertas")
        self.kertas: HasilKertasDialog | None = None
        self.count_label = QLabel()
        self.count_label.setObjectName("jumlahSkp")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("Status:")))
        filters.addWidget(self.status)
        filters.addWidget(self.mine)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.open_button)
        list_buttons.addWidget(self.create_button)
        list_buttons.addWidget(self.kertas_button)
        list_buttons.addStretch(1)
        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(list_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(split, tr("Kemajuan"))
        self.tabs.addTab(list_tab, tr("Daftar SKP"))
        self.message = QLabel()
        self.message.setObjectName("pesanSkp")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(capaian_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.tahun.valueChanged.connect(self.reload)
        self.unit.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.mine.toggled.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.bulk_button.clicked.connect(self.ask_create_missing)
        self.rekap_button.clicked.connect(self.choose_rekap)
        self.open_button.clicked.connect(self.open_selected)
        self.create_button.clicked.connect(self.create_selected)
        self.kertas_button.clicked.connect(self.open_kertas)
        self.capaian_button.clicked.connect(self.save_capaian)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._loading = False
        self._again = False
        self.data: Kemajuan | None = None
        self._bulk_yes: object = None
        self.bulk_box: QMessageBox | None = None
        self.reload()

    # -- loading --------------------------------------------------------------------------------

    def _request(self) -> tuple[int, str | None, str | None, str | None]:
        penilai = self.pelaku.pegawai_id if self.mine.isChecked() else None
        return self.tahun.value(), self.unit.currentData(), self.status.currentData(), penilai

    def reload(self, *_args: Any) -> None:
        """Load progress and list in the background (a newer request waits for the running one)."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        tahun, unit_id, status, penilai = self._request()
        actor = self.actor

        def work(db: Database, _p: Progress) -> tuple[Kemajuan, list[SkpBaris]]:
            own = getattr(actor, "pegawai_id", None)
            if isinstance(actor, Pelaku) or (penilai is not None and penilai == own):
                unit_id_ = unit_id  # the appraiser's own appraisals, wherever they work
            else:
                # Only the SKPs the actor may read (their units), in SQL; refused otherwise.
                unit_id_ = read_unit(db, actor, "skp.baca", unit_id)
            return (
                skp_progress.kemajuan(db.conn, tahun, unit_id_),
                skp_progress.list_skp(
                    db.conn, tahun, unit_id=unit_id_, status=status, penilai_id=penilai
                ),
            )

        self.message.setText(tr("Memuat…"))
        self.runner.run(work, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[Kemajuan, list[SkpBaris]]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        data, rows = result
        self.data = data
        self._show_progress(data)
        self.model.set_rows(rows)
        self.count_label.setText(tr("{n} pegawai", n=angka(len(rows))))
        t = data.total
        self.message.setText(
            tr(
                "Tahun {tahun}: {n} pegawai; belum ada SKP {b}, draf {d}, rencana disetujui {s}, "
                "diajukan {a}, dinilai {r}, ditetapkan {x} ({h} dari riwayat SKP), keberatan {k}, "
                "final {f}.",
                tahun=data.tahun,
                n=angka(t.pegawai),
                b=angka(t.belum),
                d=angka(t.draft),
                s=angka(t.disetujui),
                a=angka(t.diajukan),
                r=angka(t.dinilai),
                x=angka(t.ditetapkan),
                h=angka(t.dari_riwayat),
                k=angka(t.keberatan),
                f=angka(t.final),
            )
        )
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.message.setText(tr("Data SKP tidak dapat dimuat."))
        show_error(self, exc)

    def _show_progress(self, data: Kemajuan) -> None:
        rows = [*data.baris, data.total]
        self.progress.setRowCount(len(rows))
        for i, b in enumerate(rows):
            counts = (
                b.pegawai, b.belum, b.draft, b.disetujui, b.diajukan, b.dinilai, b.ditetapkan,
                b.keberatan, b.final,
            )  # fmt: skip
            capaian = data.capaian_label.get(b.capaian or "", "-")
            warn = angka(len(b.peringatan)) if b.peringatan else ""
            for c, text in enumerate((b.unit, capaian, warn, *(angka(n) for n in counts))):
                item = QTableWidgetItem(text)
                if c > 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == C_PERINGATAN and b.peringatan:
                    item.setToolTip("\n".join(b.peringatan))
                    item.setForeground(QColor("#B00020"))
                if c == C_DITETAPKAN and b.dari_riwayat:
                    item.setToolTip(
                        tr("{n} di antaranya hanya dari riwayat SKP", n=angka(b.dari_riwayat))
                    )
                if i == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.progress.setItem(i, c, item)
        codes = list(data.predikat_label)
        self.chart.set_data(
            [data.predikat_label[c] for c in codes],
            [data.total.predikat[c] for c in codes],
            [_batas(data, c) for c in codes],
        )
        rated = data.total.dinilai_total
        lines = [
            tr("{n} SKP sudah dinilai.", n=angka(rated))
            if rated
            else tr("Belum ada SKP yang dinilai tahun ini.")
        ]
        if data.capaian:
            lines.append(
                tr("Capaian kinerja organisasi: {c}.", c=data.capaian_label.get(data.capaian, ""))
            )
        else:
            lines.append(tr("Pilih unit yang capaian kinerja organisasinya dicatat untuk melihat "
                            "batas pola distribusinya."))  # fmt: skip
        warned = [b for b in [*data.baris, data.total] if b.peringatan]
        for b in warned[:3]:
            unit = b.unit if b is not data.total else self.unit.currentText().strip()
            lines.append(tr("Peringatan {unit}: {w}", unit=unit, w=" ".join(b.peringatan)))
        if len(warned) > 3:
            lines.append(
                tr("… dan {n} unit lain (lihat kolom Peringatan).", n=angka(len(warned) - 3))
            )
        self.chart_note.setText("\n".join(lines))
        unit_id = self.unit.currentData()
        current = data.total.capaian if unit_id else None
        self.capaian.blockSignals(True)
        self.capaian.setCurrentIndex(max(self.capaian.findData(current), 0))
        self.capaian.blockSignals(False)
        self.capaian.setEnabled(unit_id is not None)
        self.capaian_button.setEnabled(unit_id is not None)

    # -- selection and actions ------------------------------------------------------------------

    def selected(self) -> SkpBaris | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.model.data(rows[0], Qt.ItemDataRole.UserRole)
        return value if isinstance(value, SkpBaris) else None

    def select_nip(self, nip: str) -> bool:
        for i, row in enumerate(self.model.rows):
            if row.nip == nip:
                self.table.selectRow(i)
                return True
        return False

    def _update_buttons(self, *_args: Any) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None and row.skp_id is not None)
        self.create_button.setEnabled(
            row is not None and row.skp_id is None and row.sumber == "skp"
        )
        self.kertas_button.setEnabled(
            row is not None and row.sumber == "skp" and row.status in TERBUKA
        )

    def open_selected(self) -> SkpForm | None:
        row = self.selected()
        if row is None or row.skp_id is None:
            return None
        return self.open_skp(row.skp_id)

    def open_skp(self, skp_id: str, actor: str | Pelaku | None = None) -> SkpForm:
        """Open the SKP form (window-modal, ``open()``); the page reloads when it closes."""
        form = SkpForm(self.db, skp_id, actor=self.actor if actor is None else actor,
                       runner=self.runner, parent=self)  # fmt: skip
        form.finished.connect(lambda _r: self.reload())
        self.form = form
        form.open()
        return form

    def open_kertas(self) -> HasilKertasDialog | None:
        """Key in the paper result of the selected employee (window-modal, ``open()``)."""
        row = self.selected()
        if row is None:
            return None
        dialog = HasilKertasDialog(self.db, row.pegawai_id, row.nama, self.tahun.value(),
                                   actor=self.actor, parent=self)  # fmt: skip
        dialog.saved.connect(lambda _id: self.reload())
        self.kertas = dialog
        dialog.open()
        return dialog

    def save_capaian(self) -> bool:
        """Record the capaian kinerja organisasi of the chosen unit and year."""
        unit_id = self.unit.currentData()
        if unit_id is None:
            return False
        try:
            pengaturan.update_capaian_organisasi(
                self.db, unit_id, self.tahun.value(), self.capaian.currentData(), actor=self.actor
            )
        except Exception as exc:
            show_error(self, exc)
            return False
        self.reload()
        return True

    def create_selected(self) -> str | None:
        row = self.selected()
        if row is None or row.skp_id is not None:
            return None
        try:
            skp_id = bulk.create_skp(self.db, row.pegawai_id, self.tahun.value(), actor=self.actor)
        except Exception as exc:
            show_error(self, exc)
            return None
        self.reload()
        return skp_id

    def ask_create_missing(self) -> QMessageBox:
        """Say how many SKP will be created (for which year and unit) and ask first."""
        n = self.data.total.belum if self.data is not None else 0
        unit = self.unit.currentText().strip()
        box = QMessageBox(self)
        box.setObjectName("tanyaBuatSkp")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(tr("Buat SKP yang belum ada"))
        if n == 0:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(tr("Semua pegawai di {unit} sudah punya SKP {tahun}.", unit=unit,
                           tahun=self.tahun.value()))  # fmt: skip
            box.addButton(tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
        else:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(
                tr("Buat {n} SKP tahun {tahun} untuk pegawai {unit} yang belum punya SKP?",
                   n=angka(n), tahun=self.tahun.value(), unit=unit)
            )  # fmt: skip
            self._bulk_yes = box.addButton(
                tr("Buat {n} SKP", n=angka(n)), QMessageBox.ButtonRole.AcceptRole
            )
            box.setDefaultButton(box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole))
            box.buttonClicked.connect(self._bulk_answered)
        self.bulk_box = box
        box.open()
        return box

    def _bulk_answered(self, button: object) -> None:
        if button is self._bulk_yes:
            self.create_missing()

    def create_missing(self) -> None:
        """Create the missing SKPs of the chosen unit (or the agency) in the background."""
        tahun, unit_id = self.tahun.value(), self.unit.currentData()
        actor = self.actor

        def work(db: Database, progress: Progress) -> HasilMassal:
            return bulk.create_massal(
                db, tahun, actor=actor, unit_id=unit_id,
                progress=lambda done, total: progress.report(done, total),
            )  # fmt: skip

        def done(result: HasilMassal) -> None:
            self.bulk_button.setEnabled(True)
            self.message.setText(
                tr(
                    "{n} SKP dibuat ({c} melanjutkan rencana tahun lalu); {e} sudah ada.",
                    n=angka(result.dibuat),
                    c=angka(result.dilanjutkan),
                    e=angka(result.sudah_ada),
                )
            )
            self.created.emit(result)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.bulk_button.setEnabled(True)
            show_error(self, exc)

        self.bulk_button.setEnabled(False)
        self.message.setText(tr("Membuat SKP…"))
        self.runner.run(work, on_done=done, on_error=failed, bulk=True)

    def choose_rekap(self) -> None:
        default = paths.exports_dir() / tr("rekap-skp-{tahun}.xlsx", tahun=self.tahun.value())
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan rekap SKP"), str(default), tr("Buku kerja Excel (*.xlsx)")
        )
        if name:
            path = Path(name)
            self.write_rekap(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def write_rekap(self, target: Path) -> None:
        """Write the rekap SKP of the chosen year and unit in the background."""
        request = RekapSkpRequest(self.tahun.value(), target, self.unit.currentData())
        actor = self.actor

        def work(db: Database, p: Progress) -> Path:
            write_rekap_xlsx(db, actor, request, p)
            return target

        def done(path: Path) -> None:
            self.rekap_button.setEnabled(True)
            self.message.setText(tr("Rekap SKP ditulis ke {path}.", path=path))
            self.written.emit(path)

        def failed(exc: BaseException) -> None:
            self.rekap_button.setEnabled(True)
            show_error(self, exc)

        self.rekap_button.setEnabled(False)
        self.runner.run(work, on_done=done, on_error=failed, bulk=True)
