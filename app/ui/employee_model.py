"""The employee table: holds the ordered keys of the current query and fetches rows as they are
painted, a page at a time, with a small cache. Sorting and filtering happen in SQL."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from app.i18n import tr
from app.models.pegawai import read as emp
from app.models.storage.db import Database
from app.ui.tasks import Progress, TaskRunner


def _search_task(flt: emp.EmployeeFilter, db: Database, _progress: Progress) -> list[int]:
    return emp.search_ids(db.conn, flt)


PAGE = 200
FIRST_SCREEN = 100  # rows shown before the background search of a broad list ends
MAX_PAGES = 30

Index = QModelIndex | QPersistentModelIndex


def _columns() -> list[tuple[str, str, str | None]]:
    """(field, title, sort key) of each column."""
    return [
        ("nip", tr("NIP"), "nip"),
        ("nama_lengkap", tr("Nama"), "nama"),
        ("golongan", tr("Gol."), "golongan"),
        ("jabatan", tr("Jabatan"), "jabatan"),
        ("unit", tr("Unit kerja"), None),
        ("opd", tr("Perangkat daerah"), "unit"),
        ("status", tr("Status"), "status"),
        # a cuti besar or CLTN running today, from the same row query (issue 17)
        ("cuti", tr("Sedang cuti"), None),
    ]


class EmployeeTableModel(QAbstractTableModel):
    """Rows of ``pegawai_ringkas`` for an :class:`EmployeeFilter`."""

    countChanged = Signal(int)
    searching = Signal(bool)  # a broad search runs in the background

    def __init__(
        self, db: Database, parent: Any = None, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._generation = 0
        self.complete = True  # False while only the first screenful of a broad list is shown
        self._columns = _columns()
        self._filter = emp.EmployeeFilter()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, dict[str, Any]]] = OrderedDict()
        self.on_error: Callable[[Exception], object] | None = None  # shows the error
        self.pada: date | None = None  # the day the leave mark is for (None: today)

    # -- query ---------------------------------------------------------------------------------

    @property
    def filter(self) -> emp.EmployeeFilter:
        return self._filter

    def set_filter(self, flt: emp.EmployeeFilter) -> None:
        """Run the query (keys only) and reset the view.

        A broad list (tens of thousands of employees) is shown in two steps when the model has a
        task runner: the first screenful at once, and all the keys from the background (the
        count says "Mencari…" meanwhile); an older query that finishes late is dropped.
        """
        self._generation += 1
        generation = self._generation
        if self._runner is not None:
            # The first screenful from a walk of the list in display order (a broad search);
            # the full list and its count follow from the background (issue 20).
            large = emp.is_large(self._db.conn)
            first = emp.first_ids(self._db.conn, flt, FIRST_SCREEN) if large else None
            if first is not None and first[1]:
                self._show_keys(flt, first[0])
                return
            if first is None and large:
                # a search the walk could not serve: the first screenful from FTS5 (top-N)
                ids = emp.search_ids(self._db.conn, flt, limit=FIRST_SCREEN)
                first = (ids, len(ids) < FIRST_SCREEN)
                if first[1]:
                    self._show_keys(flt, ids)
                    return
            if first is None and not emp.is_broad(self._db.conn, flt):
                self._show_keys(flt, emp.search_ids(self._db.conn, flt))
                return
            if first is None:
                first = (emp.search_ids(self._db.conn, flt, limit=PAGE), False)
            self._show_keys(flt, first[0], complete=False)
            # Started from the event loop, after the first screenful is painted: a search thread
            # started at once would share the interpreter with the painting.
            QTimer.singleShot(0, partial(self._search_all, generation, flt))
            return
        self._show_keys(flt, emp.search_ids(self._db.conn, flt))

    def _search_all(self, generation: int, flt: emp.EmployeeFilter) -> None:
        if generation != self._generation or self._runner is None:
            return  # the clerk typed on: a newer search replaced this one
        self._runner.run(
            partial(_search_task, flt),
            on_done=partial(self._keys_arrived, generation, flt),
            on_error=partial(self._search_failed, generation),
        )

    def _keys_arrived(self, generation: int, flt: emp.EmployeeFilter, ids: list[int]) -> None:
        if generation == self._generation:
            self._show_keys(flt, ids)

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.searching.emit(False)
            if self.on_error is not None and isinstance(exc, Exception):
                self.on_error(exc)

    def _show_keys(self, flt: emp.EmployeeFilter, ids: list[int], *, complete: bool = True) -> None:
        self.beginResetModel()
        self._filter = flt
        self._ids = ids
        self._pages.clear()
        self.endResetModel()
        self.complete = complete
        if complete:
            self.searching.emit(False)
            self.countChanged.emit(len(ids))
        else:
            self.searching.emit(True)

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def pegawai_id(self, row: int) -> str | None:
        record = self._row(row)
        return record["id"] if record else None

    def row_data(self, row: int) -> dict[str, Any] | None:
        return self._row(row)

    def _row(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            keys = self._ids[page_no * PAGE : (page_no + 1) * PAGE]
            page = emp.fetch_rows(self._db.conn, keys, pada=self.pada)
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._columns):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        record = self._row(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return record["id"]
        value = record.get(self._columns[index.column()][0])
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section][1]
            return None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column][2]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._filter.sort, self._filter.descending):
            return
        self.set_filter(replace(self._filter, sort=key, descending=descending))

    def sort_column(self) -> int:
        for column, (_field, _title, key) in enumerate(self._columns):
            if key == self._filter.sort:
                return column
        return 1

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column][2] is not None
