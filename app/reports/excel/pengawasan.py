"""The oversight recap as a workbook: one sheet, a title block, then each table of the recap
(:class:`app.models.pengaduan.rekap.RekapPengawasan`, given as plain data)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from app.i18n import tr
from app.reports.excel.common import clean_text, guard_text, save_atomically


def write_pengawasan_xlsx(
    target: Path,
    *,
    judul: str,
    subjudul: Sequence[str],
    bagian: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]],
) -> Path:
    """Write the recap to ``target`` (atomically). ``bagian``: (title, heads, rows)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(tr("Rekap pengawasan"))
    ws.column_dimensions["A"].width = 44
    for col in "BCD":
        ws.column_dimensions[col].width = 18
    bold = Font(bold=True)

    def cell(value: Any, *, tebal: bool = False) -> WriteOnlyCell:
        c = guard_text(WriteOnlyCell(ws, value=clean_text(value)))
        if tebal:
            c.font = bold
        return c

    ws.append([cell(judul, tebal=True)])
    for line in subjudul:
        ws.append([cell(line)])
    for title, heads, rows in bagian:
        ws.append([])
        ws.append([cell(title, tebal=True)])
        ws.append([cell(h, tebal=True) for h in heads])
        if not rows:
            ws.append([cell(tr("(tidak ada)"))])
        for row in rows:
            ws.append([cell(v) for v in row])
    save_atomically(wb, target)
    return target
