"""Organisasi & Formasi: the unit tree, the positions of a unit, and its bezetting.

The tree is loaded whole (a few thousand units take a few tens of milliseconds). Positions of
one unit are read directly (one indexed query); the bezetting, which may cover a perangkat
daerah of tens of thousands of employees, and every write run as background tasks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tr
from app.models.access.akses import allowed, read_roots, read_unit, units_under
from app.models.errors import MeritError
from app.models.organisasi import bezetting, jabatan, units
from app.models.reference.loader import Referensi
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from app.ui.dialogs.jabatan_form import JabatanFormDialog
from app.ui.dialogs.unit_form import UnitFormDialog
from app.ui.pages.base import Page
from app.ui.table_model import RIGHT, Column, RowsModel
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.messages import show_error

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_NAMES_IN_CELL = 4
UNIT_COLUMN = 7  # of the bezetting table, hidden when sub-units are not included
VACANT_BRUSH = QBrush(QColor("#fff4d6"))
EXCESS_BRUSH = QBrush(QColor("#fde2e0"))


def _table(name: str, model: QAbstractTableModel, widths: Sequence[int]) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def _names(row: bezetting.BezettingRow) -> str:
    names = [p.nama_lengkap + ("" if p.memenuhi else " ⚠") for p in row.pemangku]
    if len(names) > MAX_NAMES_IN_CELL:
        rest = len(names) - MAX_NAMES_IN_CELL
        return "; ".join(names[:MAX_NAMES_IN_CELL]) + tr(" … dan {n} lainnya", n=angka(rest))
    return "; ".join(names)


class OrganisasiPage(Page):
    """Unit tree on the left; positions and bezetting of the selected unit on the right."""

    rights = (("organisasi.ubah",), ("laporan.baca",))

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        actor: str = "sistem",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanOrganisasi")
        self.actor = actor
        self.ref = Referensi.load(db.conn)
        self.unit_id: str | None = None
        self.report: bezetting.BezettingReport | None = None
        self._generation = 0
        self._bezetting_stale = True
        self._shown_once = False
        self._version = -1
        self._jenis_label = dict(units.unit_jenis_options())

        title = QLabel(tr("Organisasi & Formasi"))
        title.setObjectName("judulHalaman")

        # -- left: the unit tree ---------------------------------------------------------------
        self.tree_model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.tree_model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setObjectName("pohonUnit")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_search = QLineEdit()
        self.unit_search.setObjectName("cariUnit")
        self.unit_search.setPlaceholderText(tr("Cari unit…"))
        self.unit_search.setClearButtonEnabled(True)
        self.add_unit_button = QPushButton(tr("Tambah unit"))
        self.add_unit_button.setObjectName("tambahUnit")
        self.edit_unit_button = QPushButton(tr("Ubah"))
        self.edit_unit_button.setObjectName("ubahUnit")
        self.delete_unit_button = QPushButton(tr("Hapus"))
        self.delete_unit_button.setObjectName("hapusUnit")
        self.up_button = QPushButton("▲")
        self.up_button.setObjectName("unitNaik")
        self.up_button.setToolTip(tr("Pindahkan ke atas di antara unit setingkat"))
        self.down_button = QPushButton("▼")
        self.down_button.setObjectName("unitTurun")
        self.down_button.setToolTip(tr("Pindahkan ke bawah di antara unit setingkat"))
        for small in (self.up_button, self.down_button):
            small.setFixedWidth(32)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.unit_search)
        left_layout.addWidget(self.tree, 1)
        unit_buttons = QHBoxLayout()
        for button in (
            self.add_unit_button,
            self.edit_unit_button,
            self.delete_unit_button,
            self.up_button,
            self.down_button,
        ):
            unit_buttons.addWidget(button)
        unit_buttons.addStretch(1)
        left_layout.addLayout(unit_buttons)

        # -- right: header and tabs ------------------------------------------------------------
        self.unit_title = QLabel()
        self.unit_title.setObjectName("judulUnit")
        self.unit_title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.unit_title.setWordWrap(True)
        self.unit_info = QLabel()
        self.unit_info.setObjectName("infoUnit")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabUnit")

        # Positions tab
        self.jabatan_model: RowsModel[jabatan.Jabatan] = RowsModel(
            [
                Column(tr("Jabatan"), lambda j: j.nama),
                Column(tr("Jenis"), lambda j: j.jenis_kode),
                Column(
                    tr("Jenjang"), lambda j: self.ref.label("ref_jenjang_jabatan", j.jenjang_kode)
                ),
                Column(tr("Eselon"), lambda j: j.eselon_kode or ""),
                Column(tr("Kelas"), lambda j: j.kelas_jabatan, RIGHT),
                Column(tr("Kebutuhan"), lambda j: j.kebutuhan, RIGHT),
                Column(tr("Gol. min."), lambda j: j.gol_min_kode or ""),
                Column(tr("Pend. min."), lambda j: j.pendidikan_min_kode or ""),
            ],
            self,
        )
        self.jabatan_table = _table(
            "tabelJabatan", self.jabatan_model, (280, 45, 110, 55, 45, 75, 75, 80)
        )
        self.add_jabatan_button = QPushButton(tr("Tambah jabatan"))
        self.add_jabatan_button.setObjectName("tambahJabatan")
        self.edit_jabatan_button = QPushButton(tr("Ubah"))
        self.edit_jabatan_button.setObjectName("ubahJabatan")
        self.delete_jabatan_button = QPushButton(tr("Hapus"))
        self.delete_jabatan_button.setObjectName("hapusJabatan")
        # Changing the organisation is the whole-agency operator's and the admin's: the others
        # do not see the commands at all.
        may_edit = allowed(actor, "organisasi.ubah")
        for button in (
            self.add_unit_button,
            self.edit_unit_button,
            self.delete_unit_button,
            self.up_button,
            self.down_button,
            self.add_jabatan_button,
            self.edit_jabatan_button,
            self.delete_jabatan_button,
        ):
            button.setVisible(may_edit)
        # The bezetting names the people in post: only for the units the actor may read.
        self._bezetting_units: set[str] | None = None
        if not allowed(actor, "laporan.baca"):
            self._bezetting_units = set()
        else:
            roots = read_roots(db, actor, "laporan.baca")
            if roots is not None:
                self._bezetting_units = set(units_under(db.conn, roots))
        jabatan_tab = QWidget()
        jabatan_layout = QVBoxLayout(jabatan_tab)
        jabatan_layout.addWidget(self.jabatan_table, 1)
        jabatan_buttons = QHBoxLayout()
        jabatan_buttons.addWidget(self.add_jabatan_button)
        jabatan_buttons.addWidget(self.edit_jabatan_button)
        jabatan_buttons.addWidget(self.delete_jabatan_button)
        jabatan_buttons.addStretch(1)
        jabatan_layout.addLayout(jabatan_buttons)
        self.tabs.addTab(jabatan_tab, tr("Jabatan"))

        # Bezetting tab
        self.include_sub = QCheckBox(tr("termasuk sub-unit"))
        self.include_sub.setObjectName("termasukSubUnit")
        self.include_sub.setChecked(True)
        self.only_vacant = QCheckBox(tr("hanya yang kosong"))
        self.only_vacant.setObjectName("hanyaKosong")
        self.summary = QLabel()
        self.summary.setObjectName("ringkasanBezetting")
        self.summary.setWordWrap(True)
        self.bezetting_model: RowsModel[bezetting.BezettingRow] = RowsModel(
            [
                Column(tr("Jabatan"), lambda r: r.nama),
                Column(tr("Jenis / jenjang"), lambda r: f"{r.jenis_kode} · {r.jenjang_nama}"),
                Column(tr("Kelas"), lambda r: r.kelas_jabatan, RIGHT),
                Column(tr("Kebutuhan"), lambda r: r.kebutuhan, RIGHT),
                Column(tr("Terisi"), lambda r: r.terisi, RIGHT),
                Column(tr("Kosong"), lambda r: r.kosong, RIGHT),
                Column(tr("Lebih"), lambda r: r.lebih, RIGHT),
                Column(tr("Unit"), lambda r: r.unit_nama),
                Column(tr("Pemangku"), _names),
            ],
            self,
            background=lambda r: EXCESS_BRUSH if r.lebih else VACANT_BRUSH if r.kosong else None,
            row_tooltip=self._bezetting_tooltip,
        )
        self.bezetting_table = _table(
            "tabelBezetting",
            self.bezetting_model,
            (230, 140, 45, 75, 50, 55, 45, 170, 260),
        )
        self.holders_title = QLabel(tr("Pilih jabatan untuk melihat pemangkunya."))
        self.holders_title.setObjectName("judulPemangku")
        self.holders_model: RowsModel[bezetting.Pemangku] = RowsModel(
            [
                Column(tr("Nama"), lambda p: p.nama_lengkap),
                Column("NIP", lambda p: format_nip(p.nip)),
                Column(tr("Golongan"), lambda p: p.golongan_kode or "-"),
                Column(
                    tr("Pendidikan"),
                    lambda p: self.ref.label("ref_pendidikan", p.pendidikan_kode) or "-",
                ),
                Column(
                    tr("Syarat jabatan"),
                    lambda p: tr("memenuhi") if p.memenuhi else "⚠ " + "; ".join(p.kekurangan),
                ),
            ],
            self,
        )
        self.holders_table = _table("tabelPemangku", self.holders_model, (230, 160, 65, 150))
        holders = QWidget()
        holders_layout = QVBoxLayout(holders)
        holders_layout.setContentsMargins(0, 0, 0, 0)
        holders_layout.addWidget(self.holders_title)
        holders_layout.addWidget(self.holders_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.bezetting_table)
        split.addWidget(holders)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        bezetting_tab = QWidget()
        bezetting_layout = QVBoxLayout(bezetting_tab)
        options = QHBoxLayout()
        options.addWidget(self.include_sub)
        options.addWidget(self.only_vacant)
        options.addStretch(1)
        bezetting_layout.addLayout(options)
        bezetting_layout.addWidget(self.summary)
        bezetting_layout.addWidget(split, 1)
        self.tabs.addTab(bezetting_tab, tr("Bezetting"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.unit_title)
        right_layout.addWidget(self.unit_info)
        right_layout.addWidget(self.tabs, 1)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setObjectName("pemisahOrganisasi")
        body.addWidget(left)
        body.addWidget(right)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 3)
        body.setSizes([260, 840])

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body, 1)

        self.tree.selectionModel().selectionChanged.connect(self._unit_selected)
        self.tree.doubleClicked.connect(lambda _i: self.edit_unit())
        self.unit_search.textChanged.connect(self._filter_units)
        self.add_unit_button.clicked.connect(self.add_unit)
        self.edit_unit_button.clicked.connect(self.edit_unit)
        self.delete_unit_button.clicked.connect(self.delete_unit)
        self.up_button.clicked.connect(lambda: self.shift_unit(-1))
        self.down_button.clicked.connect(lambda: self.shift_unit(1))
        self.add_jabatan_button.clicked.connect(self.add_jabatan)
        self.edit_jabatan_button.clicked.connect(self.edit_jabatan)
        self.delete_jabatan_button.clicked.connect(self.delete_jabatan)
        self.jabatan_table.doubleClicked.connect(lambda _i: self.edit_jabatan())
        self.jabatan_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.include_sub.toggled.connect(self._reload_bezetting)
        self.only_vacant.toggled.connect(self._show_bezetting)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.bezetting_table.selectionModel().selectionChanged.connect(self._show_holders)

        # The tree is built when the page is first shown, not at start-up (thousands of units).
        self._show_unit()

    # -- tree --------------------------------------------------------------------------------

    def load_tree(self, select: str | None = None) -> None:
        """(Re)build the tree from the model layer; keep or set the selection."""
        select = select or self.unit_id
        self._version = units.data_version(self.db.conn)
        nodes = units.unit_tree(self.db.conn)
        self.tree_model.clear()
        items: dict[str, QStandardItem] = {}
        root = self.tree_model.invisibleRootItem()
        for node in nodes:
            item = QStandardItem(node.nama)
            item.setData(node.id, UNIT_ID_ROLE)
            item.setToolTip(
                " · ".join(
                    x for x in (self._jenis_label.get(node.jenis, node.jenis), node.kode) if x
                )
            )
            item.setEditable(False)
            parent = items.get(node.induk_id) if node.induk_id else None
            (parent or root).appendRow(item)
            items[node.id] = item
        self._items = items
        if select and select in items:
            self.select_unit(select)
        else:
            self.unit_id = None
            self._show_unit()

    def select_unit(self, unit_id: str) -> bool:
        """Select a unit in the tree (expanding its parents). False when not shown."""
        item = self._items.get(unit_id)
        if item is None:
            return False
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _filter_units(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if not text.strip():
            return
        # Open the branches that lead to matches (a bounded number, to stay quick).
        budget = [300]

        def expand(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if budget[0] <= 0:
                    return
                if self.proxy.rowCount(index):
                    budget[0] -= 1
                    self.tree.expand(index)
                    expand(index)

        expand(QModelIndex())

    def _unit_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.unit_id = indexes[0].data(UNIT_ID_ROLE) if indexes else None
        self._show_unit()

    def _show_unit(self) -> None:
        has_unit = self.unit_id is not None
        for widget in (
            self.edit_unit_button,
            self.delete_unit_button,
            self.up_button,
            self.down_button,
            self.tabs,
        ):
            widget.setEnabled(has_unit)
        if self.unit_id is None:
            self.unit_title.setText(tr("Pilih unit di sebelah kiri."))
            self.unit_info.setText("")
            self.jabatan_model.set_rows([])
            self.bezetting_model.set_rows([])
            self.holders_model.set_rows([])
            self.summary.setText("")
            self._update_buttons()
            return
        try:
            unit = units.get_unit(self.db.conn, self.unit_id)
            path = units.unit_path(self.db.conn, self.unit_id)
            positions = jabatan.list_jabatan(self.db.conn, self.unit_id)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.unit_title.setText(" › ".join(path))
        details = [self._jenis_label.get(unit.jenis, unit.jenis)]
        if unit.kode:
            details.append(tr("kode {kode}", kode=unit.kode))
        if unit.eselon_kode:
            details.append(tr("eselon {e}", e=unit.eselon_kode))
        details.append(tr("{n} jabatan", n=angka(len(positions))))
        self.unit_info.setText(" · ".join(details))
        self.jabatan_model.set_rows(positions)
        self._update_buttons()
        self._bezetting_stale = True
        if self.tabs.currentIndex() == 1:
            self._reload_bezetting()

    def _update_buttons(self, *_args: object) -> None:
        chosen = bool(self.jabatan_table.selectionModel().selectedRows())
        self.add_jabatan_button.setEnabled(self.unit_id is not None)
        self.edit_jabatan_button.setEnabled(chosen)
        self.delete_jabatan_button.setEnabled(chosen)

    def selected_jabatan(self) -> jabatan.Jabatan | None:
        rows = self.jabatan_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.jabatan_model.rows[rows[0].row()]

    # -- unit actions ------------------------------------------------------------------------

    def add_unit(self) -> UnitFormDialog:
        dialog = UnitFormDialog(
            self.db, self.runner, induk_id=self.unit_id, actor=self.actor, parent=self
        )
        dialog.saved.connect(self._unit_saved)
        dialog.open()
        return dialog

    def edit_unit(self) -> UnitFormDialog | None:
        if self.unit_id is None:
            return None
        dialog = UnitFormDialog(
            self.db, self.runner, unit_id=self.unit_id, actor=self.actor, parent=self
        )
        dialog.saved.connect(self._unit_saved)
        dialog.open()
        return dialog

    def _unit_saved(self, unit_id: str) -> None:
        self.load_tree(select=unit_id)

    def delete_unit(self) -> QMessageBox | None:
        if self.unit_id is None:
            return None
        unit_id = self.unit_id
        try:
            unit = units.get_unit(self.db.conn, unit_id)
            blockers = units.unit_delete_blockers(self.db.conn, unit_id)
        except MeritError as exc:
            show_error(self, exc)
            return None
        if blockers:
            return show_error(
                self,
                MeritError(
                    tr(
                        "Unit '{nama}' tidak dapat dihapus: {reasons}. Pindahkan atau hapus dulu.",
                        nama=unit.nama,
                        reasons="; ".join(blockers),
                    )
                ),
            )
        parent = units.get_unit(self.db.conn, unit_id).induk_id

        def work(db: Database, _p: Progress) -> None:
            units.delete_unit(db, unit_id, actor=self.actor)

        return self._confirm(
            tr("Hapus unit '{nama}'?", nama=unit.nama),
            lambda: self._run_write(work, lambda: self.load_tree(select=parent)),
        )

    def shift_unit(self, step: int) -> None:
        if self.unit_id is None:
            return
        unit_id = self.unit_id

        def work(db: Database, _p: Progress) -> bool:
            return units.shift_unit(db, unit_id, step, actor=self.actor)

        self._run_write(work, lambda: self.load_tree(select=unit_id))

    # -- position actions --------------------------------------------------------------------

    def add_jabatan(self) -> JabatanFormDialog | None:
        if self.unit_id is None:
            return None
        dialog = JabatanFormDialog(
            self.db, self.runner, unit_id=self.unit_id, actor=self.actor, parent=self
        )
        dialog.saved.connect(self._jabatan_saved)
        dialog.open()
        return dialog

    def edit_jabatan(self) -> JabatanFormDialog | None:
        jab = self.selected_jabatan()
        if jab is None:
            return None
        dialog = JabatanFormDialog(
            self.db,
            self.runner,
            unit_id=jab.unit_id,
            jabatan_id=jab.id,
            actor=self.actor,
            parent=self,
        )
        dialog.saved.connect(self._jabatan_saved)
        dialog.open()
        return dialog

    def _jabatan_saved(self, jabatan_id: str) -> None:
        self._show_unit()
        for row, jab in enumerate(self.jabatan_model.rows):
            if jab.id == jabatan_id:
                self.jabatan_table.selectRow(row)

    def delete_jabatan(self) -> QMessageBox | None:
        jab = self.selected_jabatan()
        if jab is None:
            return None
        jabatan_id = jab.id

        def work(db: Database, _p: Progress) -> None:
            jabatan.delete_jabatan(db, jabatan_id, actor=self.actor)

        return self._confirm(
            tr("Hapus jabatan '{nama}'?", nama=jab.nama),
            lambda: self._run_write(work, self._show_unit),
        )

    # -- helpers -----------------------------------------------------------------------------

    def _confirm(self, question: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Konfirmasi"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("konfirmasiHapus")
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Hapus"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Batal"))
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes.value:
                then()

        box.finished.connect(answered)
        box.open()
        return box

    def _run_write(
        self, work: Callable[[Database, Progress], Any], then: Callable[[], None]
    ) -> None:
        self.setEnabled(False)

        def done(_result: object) -> None:
            self.setEnabled(True)
            then()

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            show_error(self, exc)

        self.runner.run(work, on_done=done, on_error=failed, bulk=True)

    # -- bezetting ---------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self._bezetting_stale:
            self._reload_bezetting()

    def _reload_bezetting(self, *_args: object) -> None:
        """Compute the bezetting of the selected unit in the background."""
        self._generation += 1
        generation = self._generation
        unit_id = self.unit_id
        self._bezetting_stale = False
        if unit_id is None:
            return
        include = self.include_sub.isChecked()
        if self._bezetting_units is not None and unit_id not in self._bezetting_units:
            self.summary.setText(
                tr("Bezetting unit ini tidak termasuk unit yang boleh Anda lihat.")
            )
            return
        self.summary.setText(tr("Menghitung bezetting…"))
        actor = self.actor

        def work(db: Database, _p: Progress) -> bezetting.BezettingReport:
            unit = read_unit(db, actor, "laporan.baca", unit_id)  # checked in the domain
            return bezetting.bezetting_report(db.conn, unit, include_sub_units=include)

        def done(report: bezetting.BezettingReport) -> None:
            if generation == self._generation:
                self.report = report
                self._show_bezetting()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.summary.setText("")
                show_error(self, exc)

        self.runner.run(work, on_done=done, on_error=failed)

    def _show_bezetting(self, *_args: object) -> None:
        report = self.report
        if report is None:
            return
        rows = (
            [r for r in report.rows if r.kosong > 0]
            if self.only_vacant.isChecked()
            else report.rows
        )
        self.bezetting_model.set_rows(rows)
        self.bezetting_table.setColumnHidden(UNIT_COLUMN, not report.include_sub_units)
        self.holders_model.set_rows([])
        self.holders_title.setText(tr("Pilih jabatan untuk melihat pemangkunya."))
        t = bezetting.total(rows)
        parts = [
            tr("{n} jabatan", n=angka(t.jabatan)),
            tr("kebutuhan {n}", n=angka(t.kebutuhan)),
            tr("terisi {n}", n=angka(t.terisi)),
            tr("kosong {n}", n=angka(t.kosong)),
            tr("lebih {n}", n=angka(t.lebih)),
        ]
        if t.tidak_memenuhi:
            parts.append(tr("{n} pemangku belum memenuhi syarat ⚠", n=angka(t.tidak_memenuhi)))
        if report.tanpa_formasi:
            parts.append(
                tr(
                    "{n} pegawai aktif tanpa jabatan dalam formasi",
                    n=angka(len(report.tanpa_formasi)),
                )
            )
        text = tr("Jumlah: ") + " · ".join(parts)
        if len(rows) != len(report.rows):
            text += tr(
                " (menampilkan {n} dari {total} jabatan)",
                n=angka(len(rows)),
                total=angka(len(report.rows)),
            )
        self.summary.setText(text)

    def _bezetting_tooltip(self, row: bezetting.BezettingRow) -> str:
        lines = [row.nama, f"{row.unit_nama}"]
        if row.gol_min_kode or row.pendidikan_min_kode:
            lines.append(
                tr(
                    "Syarat minimal: golongan {g}, pendidikan {p}",
                    g=row.gol_min_kode or "-",
                    p=self.ref.label("ref_pendidikan", row.pendidikan_min_kode) or "-",
                )
            )
        return "\n".join(lines)

    def _show_holders(self, *_args: object) -> None:
        rows = self.bezetting_table.selectionModel().selectedRows()
        if not rows:
            self.holders_model.set_rows([])
            return
        row = self.bezetting_model.rows[rows[0].row()]
        self.holders_model.set_rows(row.pemangku)
        self.holders_title.setText(
            tr(
                "Pemangku {jabatan} ({unit}): {n} dari {k} kursi",
                jabatan=row.nama,
                unit=row.unit_nama,
                n=angka(row.terisi),
                k=angka(row.kebutuhan),
            )
        )

    def refresh(self) -> None:
        """Re-read everything (after imports or edits made elsewhere)."""
        self.load_tree()

    def showEvent(self, event: QShowEvent) -> None:
        # Coming back to the page: other pages (import, employee edits) may have changed the
        # units, positions or holders in the meantime.
        if not self._shown_once or units.data_version(self.db.conn) != self._version:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)
