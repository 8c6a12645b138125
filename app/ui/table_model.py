"""Read-only table models declared by their columns.

The small tables of the pages (positions and bezetting of a unit, the SKP list, the import
preview, the audit trail) differ only in their columns: each column is a :class:`Column` (header,
value getter, alignment, format, tooltip) and the model is :class:`RowsModel` over a list of
records, or a :class:`ColumnModel` subclass that fetches its rows itself (the paged audit
trail). The big paged employee table has its own model (app/ui/employee_model.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.i18n import angka

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def cell_text(value: object) -> str:
    """How a cell shows a value unless its column says otherwise: whole numbers the Indonesian
    way (1.250), nothing for None, anything else as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return angka(value)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, the value of a record, and how the value is shown."""

    header: str
    value: Callable[[T], object]
    align: Qt.AlignmentFlag | None = None  # None: Qt's default (left)
    format: Callable[[Any], str] = cell_text
    tooltip: Callable[[T], str | None] | None = None  # a tooltip of this column's own


class ColumnModel(QAbstractTableModel, Generic[T]):
    """A read-only table of records, one column per :class:`Column`.

    Subclasses say how many rows there are and where a row comes from (:meth:`row_count`,
    :meth:`row_at`). ``background`` colours a whole row; ``row_tooltip`` gives a row's tooltip;
    with ``text_tooltips`` a cell without either shows its text as tooltip (long cells are cut
    in the table). ``Qt.UserRole`` gives the record itself.
    """

    def __init__(
        self,
        columns: Sequence[Column[T]],
        parent: QObject | None = None,
        *,
        background: Callable[[T], QBrush | None] | None = None,
        row_tooltip: Callable[[T], str | None] | None = None,
        text_tooltips: bool = False,
        numbered: bool = False,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.background = background
        self.row_tooltip = row_tooltip
        self.text_tooltips = text_tooltips
        self.numbered = numbered  # row numbers in the vertical header

    def row_count(self) -> int:
        raise NotImplementedError

    def row_at(self, row: int) -> T | None:
        raise NotImplementedError

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        if not 0 <= index.row() < self.row_count():
            return None
        record = self.row_at(index.row())
        if record is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.format(column.value(record))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(record)
            if self.row_tooltip is not None:
                return self.row_tooltip(record)
            return column.format(column.value(record)) if self.text_tooltips else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align.value)
        if role == Qt.ItemDataRole.BackgroundRole and self.background is not None:
            return self.background(record)
        if role == Qt.ItemDataRole.UserRole:
            return record
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1) if self.numbered else None


class RowsModel(ColumnModel[T]):
    """A table over a small list of records, all held (positions of a unit, holders, the SKP
    list of a year, the rows of an import preview)."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        parent: QObject | None = None,
        *,
        background: Callable[[T], QBrush | None] | None = None,
        row_tooltip: Callable[[T], str | None] | None = None,
        text_tooltips: bool = False,
    ) -> None:
        super().__init__(
            columns,
            parent,
            background=background,
            row_tooltip=row_tooltip,
            text_tooltips=text_tooltips,
        )
        self.rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
