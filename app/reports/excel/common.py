"""What every .xlsx writer of Merit shares: text that cannot become a formula, text the format
can hold, and saving through a temporary file so that a failed or cancelled write leaves no half
file behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.i18n import tr
from app.models.errors import MeritError

# A cell whose text starts with one of these would be read as a formula (formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MAX_CELL_TEXT = 32767


def clean_text(value: Any) -> Any:
    """Text a worksheet can hold: control characters that the .xlsx format refuses removed, and
    cut to Excel's limit of 32,767 characters per cell. Other values pass unchanged."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > MAX_CELL_TEXT:
        value = value[: MAX_CELL_TEXT - 1] + "…"
    return value


def guard_text(cell: WriteOnlyCell) -> WriteOnlyCell:
    """Keep text that looks like a formula (``=``, ``+``, ``-``, ``@``) as plain text.

    A name or address typed as ``=HYPERLINK(...)`` must not become a live formula in the
    reader's spreadsheet: the cell is stored as a string and marked with Excel's quote prefix,
    so that even editing it in Excel keeps it text.
    """
    value = cell.value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def temporary_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.sementara")


def save_atomically(wb: Workbook, target: Path, save: Callable[[Path], None] | None = None) -> None:
    """Save ``wb`` to a temporary file beside ``target`` and move it into place when complete;
    ``save(path)`` writes the file when ``wb.save`` alone does not (rows spliced in).

    Raises MeritError (in Indonesian, saying what to do) when the file cannot be written.
    """
    temp = temporary_path(target)
    try:
        (save or wb.save)(temp)
        os.replace(temp, target)
    except OSError as exc:
        discard_sheets(wb)
        raise MeritError(
            tr(
                "Berkas {path} tidak dapat ditulis: {detail}. Pilih folder lain atau tutup "
                "berkas itu bila sedang dibuka di Excel.",
                path=target,
                detail=exc.strerror or exc,
            )
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def discard_sheets(wb: Workbook) -> None:
    """Close the write-only sheets of a workbook that will not be saved, and remove their
    temporary files (otherwise their writers fail later, when garbage-collected)."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if getattr(ws, "closed", True) or writer is None:
            continue
        with contextlib.suppress(Exception):
            ws.close()
        with contextlib.suppress(Exception):
            writer.cleanup()
