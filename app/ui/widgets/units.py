"""The unit chooser of a list or report: only the units the actor may read.

A reader whose right reaches the whole agency gets "all units" (None) and the perangkat
daerah with their first level; a reader limited to some units (an operator of one unit, an
appraiser) gets "all my units" (None: the domain limits the read to them, in SQL) and those
units with everything below them. The domain refuses any other unit anyway.

:class:`UnitTreeCombo` shows the same choices as a tree with a filter line (an agency has
hundreds of units): typing narrows the tree to the matching units and their parents, Down
moves into the tree, Enter or a click chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.models.access.akses import allowed, read_roots, units_under
from app.models.organisasi.unit_pilihan import unit_options
from app.models.storage.db import Database

INDENT = "    "
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def fill_units(
    combo: QComboBox,
    db: Database,
    actor: str,
    aksi: str,
    *,
    all_label: str | None = None,
    max_depth: int = 1,
) -> None:
    """Fill ``combo`` (data: unit id, None for all) with the units ``actor`` may read for
    ``aksi``, indented by depth. An actor without the right gets only the "all" entry (its
    page is not shown)."""
    add_choices(combo, unit_choices(db, actor, aksi, all_label=all_label, max_depth=max_depth))


def add_choices(combo: QComboBox, choices: list[tuple[str, str | None]]) -> None:
    for text, unit_id in choices:
        combo.addItem(text, unit_id)


def unit_choices(
    db: Database,
    actor: str,
    aksi: str,
    *,
    all_label: str | None = None,
    max_depth: int = 1,
) -> list[tuple[str, str | None]]:
    """The entries of :func:`fill_units` as (text, unit id) pairs, without a widget: a page
    may read them in the background (thousands of units at 100,000 employees)."""
    conn = db.conn
    roots = read_roots(db, actor, aksi) if allowed(actor, aksi) else frozenset()
    if roots is None:
        out: list[tuple[str, str | None]] = [(all_label or tr("Semua unit"), None)]
        for option in unit_options(conn, max_depth=max_depth):
            out.append(((INDENT * option.depth) + option.nama, option.id))
        return out
    mine = set(units_under(conn, roots))
    out = [(tr("Semua unit saya"), None)]
    for option in unit_options(conn, max_depth=99):
        if option.id in mine:
            out.append(((INDENT * option.depth) + option.nama, option.id))
    return out


class _UnitFilter(QSortFilterProxyModel):
    """Case-insensitive match on the unit name; a match keeps its parents (recursive)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setAutoAcceptChildRows(True)


class UnitPopup(QFrame):
    """The popup of :class:`UnitTreeCombo`: a filter line above the tree of units."""

    def __init__(self, combo: UnitTreeCombo) -> None:
        super().__init__(combo, Qt.WindowType.Popup)
        self.combo = combo
        self.setObjectName("popupUnit")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.filter = QLineEdit()
        self.filter.setObjectName("saringUnit")
        self.filter.setPlaceholderText(tr("Ketik untuk menyaring unit…"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = _UnitFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setObjectName("pohonUnit")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)
        self.tree.activated.connect(self._chosen)
        self.tree.clicked.connect(self._chosen)

    def rebuild(self) -> None:
        """The tree from the combo's indented items (tree order, depth from the indent)."""
        self.model.clear()
        stack: list[tuple[int, QStandardItem]] = []
        for i in range(self.combo.count()):
            text = self.combo.itemText(i)
            name = text.lstrip(" ")
            depth = (len(text) - len(name)) // len(INDENT)
            item = QStandardItem(name)
            item.setData(i, ID_ROLE)
            item.setToolTip(name)
            if i == 0:  # "all units" stays on top, outside the tree
                self.model.appendRow(item)
                continue
            while stack and stack[-1][0] >= depth:
                stack.pop()
            (stack[-1][1] if stack else self.model.invisibleRootItem()).appendRow(item)
            stack.append((depth, item))

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()
            self._select_first_match(text.strip().casefold())
        else:
            self.tree.collapseAll()

    def _select_first_match(self, word: str) -> None:
        def walk(parent: QModelIndex) -> QModelIndex | None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if word in str(index.data()).casefold():
                    return index
                found = walk(index)
                if found is not None:
                    return found
            return None

        found = walk(QModelIndex())
        if found is not None:
            self.tree.setCurrentIndex(found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown):
                self.tree.setFocus()
                if not self.tree.currentIndex().isValid():
                    self.tree.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._chosen(self.tree.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # closes without changing the choice
            self.hide()
            self.combo.setFocus()
            return
        super().keyPressEvent(event)

    def _chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.combo.setCurrentIndex(int(index.data(ID_ROLE)))
        self.hide()
        self.combo.setFocus()

    def choose_text(self, text: str) -> None:
        """Type ``text`` into the filter and choose the first match (for tests, as Enter)."""
        self.filter.setText(text)
        self._chosen(self.tree.currentIndex())

    def open_below(self) -> None:
        self.rebuild()
        self.filter.clear()
        current = self.model.match(
            self.model.index(0, 0),
            ID_ROLE,
            self.combo.currentIndex(),
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if current:
            self.tree.setCurrentIndex(self.proxy.mapFromSource(current[0]))
        self.tree.collapseAll()
        if current:
            self.tree.scrollTo(self.proxy.mapFromSource(current[0]))
        width = max(self.combo.width(), 460)
        self.resize(width, 420)
        pos = self.combo.mapToGlobal(self.combo.rect().bottomLeft())
        self.move(pos)
        self.show()
        self.filter.setFocus()


class UnitTreeCombo(QComboBox):
    """A unit filter that holds its units as combo items (data: unit id) but opens as a
    searchable tree (:class:`UnitPopup`) instead of a flat list of hundreds of names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.popup = UnitPopup(self)

    def showPopup(self) -> None:
        self.popup.open_below()

    def hidePopup(self) -> None:
        self.popup.hide()
        super().hidePopup()
