"""The clash screen ("Konflik"): fields changed on two installations without either seeing the
other, and deletions concurrent with an edit.

Each clash shows the record, the field, and every value kept with the installation that wrote
it, who and when, and which value is shown now. Choosing one value (or typing a third) resolves
it; a delete-vs-edit clash offers "Tetap hapus" or "Pulihkan". A resolution is an ordinary
change: it travels in the next package and closes the clash everywhere (app/sync/conflicts.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tanggal, tr
from app.models.access.akses import aksi_tabel, allowed
from app.models.errors import MeritError, ValidationError
from app.models.storage.db import Database
from app.sync import conflicts as cf
from app.ui.pages.base import Page
from app.ui.pages.registry import konflik_title
from app.ui.tasks import TaskRunner
from app.ui.widgets.messages import show_error


def nav_title(count: int) -> str:
    """The sidebar text: "Konflik", or "Konflik (3)" while clashes are open (the same text the
    window shows before the page is built, see the registry)."""
    return konflik_title(count)


def value_text(value: cf.Value) -> str:
    if value is None or value == "":
        return tr("(kosong)")
    return str(value)


def sibling_text(conflict: cf.Conflict, sibling: cf.Sibling) -> str:
    """What one kept value says: the value, or for a delete clash what was done."""
    if conflict.jenis == "hapus":
        if sibling.kolom == "deleted":
            return tr("(dihapus)") if sibling.nilai == 1 else tr("(dipulihkan)")
        return tr(
            "{kolom} = {nilai}",
            kolom=sibling.kolom.replace("_", " "),
            nilai=value_text(sibling.nilai),
        )
    return value_text(sibling.nilai)


def moment_text(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{tanggal(local.date())} {local:%H:%M}"


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    item.setToolTip(text)
    return item


class KonflikPage(Page):
    """Open clashes and their resolution. ``countChanged`` carries the number still open."""

    rights = (("sync.impor",),)

    countChanged = Signal(int)
    resolved = Signal(str)  # the clash id

    def __init__(
        self,
        db: Database,
        *,
        actor: str = "sistem",
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanKonflik")
        self.actor = actor
        self.conflicts: list[cf.Conflict] = []

        title = QLabel(tr("Konflik sinkronisasi"))
        title.setObjectName("judulHalaman")
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            tr(
                "Data yang diubah di dua instalasi tanpa saling tahu. Kedua nilai disimpan; "
                "pilih yang benar (atau ketik nilai lain). Keputusan ikut terkirim pada paket "
                "berikutnya dan menutup konflik ini di semua instalasi."
            )
        )
        intro.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("jumlahKonflik")

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("daftarKonflik")
        self.table.setHorizontalHeaderLabels(
            [tr("Data"), tr("Kolom"), tr("Jenis"), tr("Nilai yang tampil"), tr("Sejak")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.message = QLabel()
        self.message.setObjectName("pesanKonflik")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.refresh()

    def _build_detail(self) -> QGroupBox:
        box = QGroupBox(tr("Rincian konflik"))
        self.detail_title = QLabel()
        self.detail_title.setObjectName("judulKonflik")
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setWordWrap(True)
        bold = QFont(self.detail_title.font())
        bold.setBold(True)
        self.detail_title.setFont(bold)

        self.values = QTableWidget(0, 5)
        self.values.setObjectName("nilaiKonflik")
        self.values.setHorizontalHeaderLabels(
            [tr("Nilai"), tr("Instalasi"), tr("Oleh"), tr("Waktu"), tr("Tampil sekarang")]
        )
        self.values.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.values.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values.verticalHeader().setVisible(False)
        header = self.values.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.values.itemSelectionChanged.connect(self._update_buttons)
        self.values.doubleClicked.connect(lambda _index: self.take_selected())

        self.take_button = QPushButton(tr("Pakai nilai terpilih"))
        self.take_button.setObjectName("pakaiNilai")
        self.take_button.clicked.connect(self.take_selected)
        self.other_edit = QLineEdit()
        self.other_edit.setObjectName("nilaiLain")
        self.other_edit.setPlaceholderText(tr("atau ketik nilai lain…"))
        self.other_edit.returnPressed.connect(self.take_typed)
        self.other_button = QPushButton(tr("Pakai nilai ketikan"))
        self.other_button.setObjectName("pakaiNilaiKetik")
        self.other_button.clicked.connect(self.take_typed)
        self.keep_deleted_button = QPushButton(tr("Tetap hapus"))
        self.keep_deleted_button.setObjectName("tetapHapus")
        self.keep_deleted_button.clicked.connect(lambda: self.resolve_current(cf.HAPUS))
        self.restore_button = QPushButton(tr("Pulihkan"))
        self.restore_button.setObjectName("pulihkan")
        self.restore_button.clicked.connect(lambda: self.resolve_current(cf.PULIHKAN))

        row = QHBoxLayout()
        row.addWidget(self.take_button)
        row.addWidget(self.other_edit, 1)
        row.addWidget(self.other_button)
        row.addWidget(self.keep_deleted_button)
        row.addWidget(self.restore_button)
        row.addStretch(0)  # takes the room only when the text box is hidden
        layout = QVBoxLayout(box)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.values, 1)
        layout.addLayout(row)
        return box

    # -- state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the open clashes again (after an import or a resolution)."""
        selected = self.current()
        self.conflicts = cf.list_conflicts(self.db)
        self.table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            shown = next((s for s in c.nilai if s.tampil), None)
            cells = [
                c.judul,
                c.label_kolom,
                tr("hapus vs ubah") if c.jenis == "hapus" else tr("dua nilai"),
                sibling_text(c, shown) if shown is not None else "-",
                tanggal(c.sejak[:10]) if c.sejak else "-",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, _item(text))
        ids = [c.id for c in self.conflicts]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        elif ids:
            self.table.selectRow(0)
        self._show_selected()
        n = len(self.conflicts)
        self.count_label.setText(
            tr("{n} konflik perlu diputuskan.", n=n) if n else tr("Tidak ada konflik terbuka.")
        )
        self.countChanged.emit(n)
        self.navTitleChanged.emit(nav_title(n))

    def nav_title(self) -> str:
        return nav_title(len(self.conflicts))

    def records_changed(self) -> None:
        self.refresh()  # a sync package may have brought clashes

    def current(self) -> cf.Conflict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def select(self, conflict_id: str) -> None:
        ids = [c.id for c in self.conflicts]
        self.table.selectRow(ids.index(conflict_id))

    def _show_selected(self) -> None:
        c = self.current()
        self.values.setRowCount(0)
        if c is None:
            self.detail_title.setText(tr("Pilih satu konflik di daftar."))
            self._update_buttons()
            return
        self.detail_title.setText(
            tr("{judul} — {kolom}", judul=c.judul, kolom=c.label_kolom)
            if c.jenis == "nilai"
            else tr("{judul} — dihapus di satu instalasi, diubah di instalasi lain.", judul=c.judul)
        )
        self.values.setRowCount(len(c.nilai))
        for row, s in enumerate(c.nilai):
            where = s.origin_nama + (tr(" (instalasi ini)") if s.lokal else "")
            cells = [
                sibling_text(c, s),
                where,
                s.aktor,
                moment_text(s.waktu),
                tr("ya") if s.tampil else "",
            ]
            for col, text in enumerate(cells):
                item = _item(text)
                if s.tampil:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.values.setItem(row, col, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        c = self.current()
        # A clash on a table the actor may not write is shown, but offers no decision.
        may = c is None or allowed(self.actor, aksi_tabel(c.tabel) or f"tabel.{c.tabel}")
        is_value = may and c is not None and c.jenis == "nilai"
        is_delete = may and c is not None and c.jenis == "hapus"
        for w in (self.take_button, self.other_edit, self.other_button):
            w.setVisible(may and not is_delete)
        self.take_button.setEnabled(is_value and bool(self.values.selectedItems()))
        self.other_edit.setEnabled(is_value)
        self.other_button.setEnabled(is_value)
        self.keep_deleted_button.setVisible(is_delete)
        self.restore_button.setVisible(is_delete)

    # -- resolving --------------------------------------------------------------------------

    def take_selected(self) -> None:
        c = self.current()
        rows = self.values.selectionModel().selectedRows()
        if c is None or c.jenis != "nilai" or not rows:
            return
        self.resolve_current(c.nilai[rows[0].row()].nilai)

    def take_typed(self) -> None:
        c = self.current()
        if c is None or c.jenis != "nilai":
            return
        text = self.other_edit.text().strip()
        if not text:
            show_error(
                self, ValidationError(tr("Ketik dulu nilai yang benar."), field="nilai_lain")
            )
            return
        self.resolve_current(text)

    def resolve_current(self, value: cf.Value) -> bool:
        """Resolve the selected clash with ``value`` (one write, done at once)."""
        c = self.current()
        if c is None:
            return False
        try:
            cf.resolve(self.db, c.id, value, actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return False
        self.other_edit.clear()
        if c.jenis == "hapus":
            done = tr("tetap dihapus") if value == cf.HAPUS else tr("dipulihkan")
            self.message.setText(tr("{judul}: {hasil}.", judul=c.judul, hasil=done))
        else:
            self.message.setText(
                tr(
                    "{judul}, {kolom}: dipakai nilai {nilai}. Keputusan ini ikut terkirim pada "
                    "paket berikutnya.",
                    judul=c.judul,
                    kolom=c.label_kolom,
                    nilai=value_text(value),
                )
            )
        self.refresh()
        self.resolved.emit(c.id)
        self.recordsChanged.emit()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # a package may have arrived since the page was last shown
        super().showEvent(event)
