"""The rows of a recap sheet written as SpreadsheetML text, fast, and spliced into the package
that openpyxl writes for everything else (issue 20).

openpyxl keeps the workbook: styles, column widths, frozen panes, merged ranges, the filter,
page set-up, header and footer, print titles. Its per-cell writer (an element tree per cell) is
what made a 100,000-row DUK three times slower than the bare library, so the cells of the
recap sheets are written here as strings instead, the way openpyxl itself writes them
(``inlineStr`` text, numbers as ``%.16g``, dates as serial numbers with the style openpyxl would
give them), with the style ids taken from openpyxl's own style table. The sheet that openpyxl
writes has an empty ``<sheetData>``; :func:`save_with_rows` puts these rows there.

Safety is the same as through openpyxl: text is always a text cell (``inlineStr``), never a
formula, whatever it starts with; characters that XML cannot hold are removed; text is cut at
Excel's 32,767 characters; ``&``, ``<`` and ``>`` are escaped.

:class:`OpenpyxlRows` writes the same rows through openpyxl's cells: the reference that the
tests compare with.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

# What XML 1.0 cannot hold: openpyxl's ILLEGAL_CHARACTERS_RE, plus what it lets through into a
# file Excel then refuses (the non-characters U+FFFE and U+FFFF) or cannot encode at all (a lone
# surrogate).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # or escaped
MAX_TEXT = 32767  # characters per cell (openpyxl cuts at the same length)
_EMPTY_SHEET_DATA = b"<sheetData></sheetData>"
_CHUNK = 1 << 20  # characters gathered before a write; bytes per copy into the package

# A cell: its value and its style (an openpyxl style array), or None for no style.
Sel = tuple[object, Any]


def _space(text: str) -> str:
    """``xml:space`` for text with white space at either end (as openpyxl marks it)."""
    stripped = text.strip()
    return ' xml:space="preserve"' if stripped and stripped != text else ""


def clean(value: str) -> str:
    """Text a cell can hold: characters XML refuses removed, cut at 32,767 characters."""
    if ILLEGAL.search(value):
        value = ILLEGAL.sub("", value)
    return value[:MAX_TEXT]


class Rows(Protocol):
    """Where a sheet's rows go, numbered from 1 in the order they are added."""

    row: int  # the last row written

    def append(self, cells: Sequence[Sel], height: float | None = None) -> None: ...

    def extend(
        self,
        rows: Iterable[Sequence[object]],
        styles: Sequence[Any],
        height: Callable[[Sequence[object]], float | None],
    ) -> int: ...


def _value(value: object) -> object:
    return value.date() if isinstance(value, datetime) else value


class OpenpyxlRows:
    """Rows through openpyxl's write-only cells (every cell an openpyxl ``Cell``)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.row = 0

    def _cell(self, value: object, style: Any) -> Cell | None:
        if style is None and value is None:
            return None
        cell = Cell(self.ws, row=1, column=1, style_array=style)
        value = _value(value)
        if isinstance(value, str):
            cell.value = clean(value)
            cell.data_type = "s"  # "=1+1", "+62...", "-", "@x" stay text (formula injection)
        else:
            cell.value = value
        return cell

    def append(self, cells: Sequence[Sel], height: float | None = None) -> None:
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append([self._cell(v, s) for v, s in cells])
        if height is not None:
            del self.ws.row_dimensions[self.row]  # written already; keep memory flat

    def extend(
        self,
        rows: Iterable[Sequence[object]],
        styles: Sequence[Any],
        height: Callable[[Sequence[object]], float | None],
    ) -> int:
        count = 0
        for values in rows:
            count += 1
            self.append(list(zip(values, styles, strict=True)), height(values))
        return count


class XmlRows:
    """Rows written as SpreadsheetML text to a temporary file (``path``), for
    :func:`save_with_rows` to put into the sheet openpyxl writes."""

    def __init__(self, ws: Any, path: Path) -> None:
        self.ws = ws
        self.path = path
        self.row = 0
        # "\n" stays "\n" on Windows too (as openpyxl writes it); closed in close()
        self._out = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._buffer: list[str] = []
        self._size = 0
        self._ids: dict[tuple[int, ...], str] = {}
        self._date_ids: dict[tuple[tuple[int, ...], type], str] = {}
        self._serials: dict[date, str] = {}
        self._epoch = ws.parent.epoch

    # -- styles --------------------------------------------------------------------------
    def _style(self, style: Any) -> str:
        """The ``s`` attribute of a style array: its id in openpyxl's style table."""
        if style is None:
            return ""
        key = tuple(style)
        attr = self._ids.get(key)
        if attr is None:
            sid = Cell(self.ws, row=1, column=1, style_array=style).style_id
            attr = self._ids[key] = f' s="{sid}"' if sid else ""
        return attr

    def _other(self, letter: str, r: int, s: str, style: Any, value: object) -> str:
        """A cell of any type but exactly str, int, float, date, datetime or None, the way
        openpyxl writes it (booleans, decimals, times, durations, subclasses of str, int or
        date); openpyxl's errors for what it cannot write."""
        ref = f"{letter}{r}"
        value = _value(value)
        if isinstance(value, str):  # a str subclass (an enum): its text
            return self._cells(r, [(letter, s, style)], [str.__str__(value)])[0]
        key = (tuple(style) if style is not None else (), type(value))
        cell = Cell(self.ws, row=1, column=1, style_array=style)
        cell.value = value
        kind = cell.data_type
        attr = self._date_ids.get(key)
        if attr is None:
            attr = self._date_ids[key] = f' s="{cell.style_id}"' if cell.has_style else ""
        if kind == "d":
            if getattr(value, "tzinfo", None) is not None:
                raise TypeError("Excel does not support timezones in datetimes.")
            serial = safe_string(to_excel(value, self._epoch))
            return f'<c r="{ref}"{attr} t="n"><v>{serial}</v></c>'
        if kind not in ("n", "b"):  # pragma: no cover - openpyxl refused such values above
            raise ValueError(f"Cannot convert {value!r} to Excel")
        text = safe_string(value)
        if not text:
            return f'<c r="{ref}"{attr} t="{kind}"><v/></c>'
        return f'<c r="{ref}"{attr} t="{kind}"><v>{text}</v></c>'

    def _date(self, ref: str, value: date, style: Any, attr: str) -> str:
        """A date: its serial number, in the style's own format when that shows a date, else
        in openpyxl's default date format (as ``cell.value = date`` would)."""
        serial = self._serials.get(value)
        if serial is None:
            serial = self._serials[value] = safe_string(to_excel(value, self._epoch))
        key = (tuple(style) if style is not None else (), date)
        s = self._date_ids.get(key)
        if s is None:
            cell = Cell(self.ws, row=1, column=1, style_array=style)
            if is_date_format(cell.number_format):
                s = attr
            else:
                cell.value = value  # openpyxl gives it its date format
                s = f' s="{cell.style_id}"'
            self._date_ids[key] = s
        return f'<c r="{ref}"{s} t="n"><v>{serial}</v></c>'

    # -- rows ----------------------------------------------------------------------------
    def _write(self, text: str) -> None:
        self._buffer.append(text)
        self._size += len(text)
        if self._size > _CHUNK:
            self._out.write("".join(self._buffer))
            self._buffer.clear()
            self._size = 0

    def _cells(
        self, r: int, columns: Sequence[tuple[str, str, Any]], values: Sequence[object]
    ) -> list[str]:
        """The ``<c>`` elements of row ``r``; ``columns``: (column letter, ``s`` attribute,
        style array) of each value."""
        parts: list[str] = []
        add = parts.append
        for (letter, s, style), value in zip(columns, values, strict=True):
            kind = type(value)
            if kind is str:
                text: str = value  # type: ignore[assignment]
                if _SPECIAL.search(text):  # rare: characters to remove or escape
                    text = ILLEGAL.sub("", text)[:MAX_TEXT]
                    space = _space(text)
                    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                else:
                    if len(text) > MAX_TEXT:
                        text = text[:MAX_TEXT]
                    space = (
                        _space(text) if text and (text[0].isspace() or text[-1].isspace()) else ""
                    )
                if text:
                    add(f'<c r="{letter}{r}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>')
                else:
                    add(f'<c r="{letter}{r}"{s} t="inlineStr"/>')
            elif value is None:
                if s:
                    add(f'<c r="{letter}{r}"{s}/>')
            elif kind is int and -(10**15) < value < 10**15:  # type: ignore[operator]
                add(f'<c r="{letter}{r}"{s} t="n"><v>{value}</v></c>')
            elif kind is float:
                text = safe_string(value)
                inner = f"<v>{text}</v>" if text else "<v/>"
                add(f'<c r="{letter}{r}"{s} t="n">{inner}</c>')
            elif kind is date:
                add(self._date(f"{letter}{r}", value, style, s))  # type: ignore[arg-type]
            elif kind is datetime:
                add(self._date(f"{letter}{r}", value.date(), style, s))  # type: ignore[attr-defined]
            else:
                add(self._other(letter, r, s, style, value))
        return parts

    @staticmethod
    def _row_start(r: int, height: float | None) -> str:
        if height is None:
            return f'<row r="{r}">'
        return f'<row r="{r}" ht="{float(height)}" customHeight="1">'

    def append(self, cells: Sequence[Sel], height: float | None = None) -> None:
        self.row += 1
        r = self.row
        columns = [
            (get_column_letter(i), self._style(style), style)
            for i, (_, style) in enumerate(cells, start=1)
        ]
        parts = self._cells(r, columns, [value for value, _ in cells])
        if parts or height is not None:
            self._write(self._row_start(r, height) + "".join(parts) + "</row>")

    def extend(
        self,
        rows: Iterable[Sequence[object]],
        styles: Sequence[Any],
        height: Callable[[Sequence[object]], float | None],
    ) -> int:
        letters = [get_column_letter(i) for i in range(1, len(styles) + 1)]
        attrs = [self._style(s) for s in styles]
        columns = list(zip(letters, attrs, styles, strict=True))
        count = 0
        r = self.row
        for values in rows:
            r += 1
            count += 1
            parts = self._cells(r, columns, values)
            self._write(self._row_start(r, height(values)) + "".join(parts) + "</row>")
        self.row = r
        return count

    def close(self) -> None:
        if not self._out.closed:
            self._out.write("".join(self._buffer))
            self._buffer.clear()
            self._out.close()


def save_with_rows(wb: Workbook, target: Path, rows: Sequence[XmlRows], workdir: Path) -> None:
    """Save ``wb`` to ``target``, the sheets of ``rows`` (which have no cells of their own in
    ``wb``) given those rows in their empty ``<sheetData>``. ``workdir``: a scratch folder."""
    package = workdir / "openpyxl.xlsx"
    wb.save(package)
    parts = {part.ws.path.lstrip("/"): part for part in rows}
    for done in rows:
        done.close()
    with (
        zipfile.ZipFile(package) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename not in parts:
                out.writestr(info, data)
                continue
            part = parts[info.filename]
            head, found, tail = data.partition(_EMPTY_SHEET_DATA)
            if not found or _EMPTY_SHEET_DATA in tail:  # pragma: no cover - openpyxl changed
                raise RuntimeError(f"{info.filename}: no empty <sheetData> to fill")
            size = os.path.getsize(part.path) + len(data)
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with (
                out.open(entry, "w", force_zip64=size > zipfile.ZIP64_LIMIT // 2) as sink,
                open(part.path, "rb") as cells,
            ):
                sink.write(head)
                sink.write(b"<sheetData>")
                shutil.copyfileobj(cells, sink, _CHUNK)
                sink.write(b"</sheetData>")
                sink.write(tail)


@contextlib.contextmanager
def scratch() -> Any:
    """A scratch folder for the rows and the intermediate package, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="merit-xlsx-") as tmp:
        yield Path(tmp)
