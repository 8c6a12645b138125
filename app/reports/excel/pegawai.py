"""The employee list as an .xlsx file a clerk can sort, filter and print.

Receives plain rows (see :func:`app.models.pegawai.ekspor.employee_export_rows`); runs no SQL.
openpyxl makes the workbook (styles, widths, frozen panes, filter, page set-up); the rows are
written as SpreadsheetML text and spliced into the sheet (:mod:`app.reports.excel.sheetdata`,
as the recap sheets are: 100,000 rows stay within memory and take a fraction of openpyxl's
per-cell time), to a temporary file that replaces the target only when complete (a cancelled
or failed export leaves no half file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.i18n import tr
from app.models.errors import Cancelled
from app.reports.excel.common import FORMULA_STARTS, clean_text, save_atomically
from app.reports.excel.sheetdata import XmlRows, save_with_rows, scratch
from app.reports.excel.ukuran import (
    LINE_HEIGHT,
    WIDEST,
    text_points,
    text_width,
    width_units,
    wrapped_lines,
)

HEADER_ROW = 3  # row 1: title, row 2: subtitle (the filter), row 3: column titles
SAMPLE_ROWS = 200  # rows looked at to size the columns
MIN_WIDTH, MAX_WIDTH = 6, 32  # longer text wraps inside its column
DATE_FORMAT = "dd-mm-yyyy"
PROGRESS_EVERY = 500
FONT_SIZE = 9.0  # Arial, as the recap sheets
# Printed landscape on A4 with 0.4" side margins: 11.69" - 0.8" = 784 points, in column units.
PAGE_UNITS = width_units(784)
SMALLEST_PRINT = 7.5  # points: below this the list is printed two pages wide
MARGIN = 0.4  # inches, left and right


def _text_points(value: Any) -> float:
    """Points a value takes on one line in Arial 9 pt (a date as dd-mm-yyyy)."""
    if value is None:
        return 0.0
    if isinstance(value, date | datetime):
        return text_width("00-00-0000", FONT_SIZE)
    return text_width(str(value), FONT_SIZE)


def column_widths(headers: Sequence[str], sample: Sequence[Sequence[Any]]) -> list[float]:
    """A width per column from the first rows (in Arial 9 pt), wide enough for the longest word
    of its title (titles wrap), within sensible bounds: longer text wraps in its column."""
    widths = []
    for index, title in enumerate(headers):
        words = [text_width(w, FONT_SIZE) * 1.1 for w in title.split()]  # bold
        points = max(
            [*words, *(_text_points(row[index]) for row in sample if index < len(row))],
            default=0.0,
        )
        units = width_units(points) + 0.5
        widths.append(round(min(MAX_WIDTH, max(MIN_WIDTH, units)), 1))
    return widths


def pages_wide(widths: Sequence[float]) -> int:
    """Pages the list is printed across: one when it fits at a readable size, else two (with
    the NIP and name columns repeated on each)."""
    total = sum(widths)
    return 1 if FONT_SIZE * min(1.0, PAGE_UNITS / total) >= SMALLEST_PRINT else 2


def write_employee_list(
    path: Path | str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    subtitle: str | None = None,
    text_columns: Sequence[int] = (0,),
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``rows`` under ``headers`` to ``path`` (.xlsx). Returns the number of rows.

    Header row bold, frozen (with the first two columns) and with an autofilter; columns sized
    from their content; ``text_columns`` (the NIP, by default column 0) stored as text so that
    Excel neither rounds 18 digits nor drops leading zeros; dates as real dates; text that would
    start a formula kept as text (and quote-prefixed, so that editing it in Excel keeps it
    text). Printed landscape, fitted to the page width, with the header row repeated on every
    page. ``progress(n)`` is called every few hundred rows; ``cancelled()`` returning True stops
    with :class:`Cancelled` and leaves no file.
    """
    target = Path(path)
    rows_iter = iter(rows)
    sample = [list(r) for r in islice(rows_iter, SAMPLE_ROWS)]
    text_cols = set(text_columns)

    wb = Workbook()
    ws = wb.active
    ws.title = tr("Daftar pegawai")
    last_col = get_column_letter(max(len(headers), 1))
    widths = column_widths(headers, sample)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    across = pages_wide(widths)
    if across > 1 and len(headers) > 2:
        ws.print_title_cols = "A:B"  # NIP and name on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = across
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = MARGIN
    ws.print_options.gridLines = True
    ws.oddHeader.center.text = clean_text(title).replace("&", "&&")[:200]
    ws.oddFooter.right.text = tr("Halaman &P dari &N")

    def style(**attrs: Any) -> Any:
        cell = Cell(ws, row=1, column=1)
        for name, value in attrs.items():
            setattr(cell, name, value)
        return cell._style

    # (plain, quote-prefixed) style of a text column, of a date, of any other value
    body = Font(name="Arial", size=FONT_SIZE)
    wrap = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    text_style = (
        style(font=body, alignment=top, number_format="@"),
        style(font=body, alignment=top, number_format="@", quotePrefix=True),
    )
    date_style = style(font=body, alignment=top, number_format=DATE_FORMAT)
    other_style = (
        style(font=body, alignment=wrap),
        style(font=body, alignment=wrap, quotePrefix=True),
    )
    header_style = style(
        font=Font(name="Arial", size=FONT_SIZE, bold=True),
        fill=PatternFill("solid", fgColor="DDE6F0"),
        alignment=Alignment(vertical="top", wrap_text=True),
    )
    wrapping = [(i, text_points(w)) for i, w in enumerate(widths) if i not in text_cols]

    def height(values: Sequence[Any]) -> float | None:
        lines = 1
        for i, points in wrapping:
            value = values[i] if i < len(values) else None
            if isinstance(value, str) and len(value) * FONT_SIZE * WIDEST > points:
                lines = max(lines, wrapped_lines(value, points, FONT_SIZE))
        return LINE_HEIGHT * lines + 2 if lines > 1 else None

    def guarded(value: Any, styles: tuple[Any, Any]) -> tuple[Any, Any]:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return value, styles[1]
        return value, styles[0]

    def cells(values: Sequence[Any]) -> list[tuple[Any, Any]]:
        out = []
        for index, value in enumerate(values):
            if index in text_cols:
                if value is not None and not isinstance(value, str):
                    value = str(value)
                out.append(guarded(clean_text(value), text_style))
            elif isinstance(value, date | datetime):
                out.append((value, date_style))
            else:
                out.append(guarded(clean_text(value), other_style))
        return out

    count = 0
    with scratch() as work:
        out = XmlRows(ws, work / "rows.xml")
        try:
            out.append(
                [
                    guarded(
                        clean_text(title), (style(font=Font(name="Arial", bold=True, size=13)),) * 2
                    )
                ]
            )
            if subtitle:
                out.append(
                    [
                        guarded(
                            clean_text(subtitle),
                            (style(font=Font(name="Arial", italic=True, size=FONT_SIZE)),) * 2,
                        )
                    ]
                )
            else:
                out.append([])
            heads = [(clean_text(text), header_style) for text in headers]
            out.append(heads, height([*headers]) if headers else None)
            for values in _chain(sample, rows_iter):
                if cancelled is not None and count % PROGRESS_EVERY == 0 and cancelled():
                    raise Cancelled(tr("Ekspor dibatalkan; tidak ada berkas yang ditulis."))
                out.append(cells(values), height(values))
                count += 1
                if progress is not None and count % PROGRESS_EVERY == 0:
                    progress(count)
        finally:
            out.close()
        last_row = HEADER_ROW + max(count, 1)
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last_row}"
        wb.properties.title = clean_text(title)[:250]
        wb.properties.creator = "Merit"
        save_atomically(wb, target, lambda temp: save_with_rows(wb, temp, [out], work))
    if progress is not None:
        progress(count)
    return count


def _chain(first: list[list[Any]], rest: Iterable[Sequence[Any]]) -> Iterable[Sequence[Any]]:
    yield from first
    yield from rest
