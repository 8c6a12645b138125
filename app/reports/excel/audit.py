"""The audit trail as an .xlsx file. Receives plain rows (see
:func:`app.models.access.audit.export_rows`); runs no SQL.

Written in openpyxl's write-only mode to a temporary file that replaces the target only when
complete. Text never becomes a formula and control characters the format refuses are removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.i18n import tr
from app.models.errors import Cancelled
from app.reports.excel.common import clean_text, discard_sheets, guard_text, save_atomically

PROGRESS_EVERY = 500


def columns() -> list[tuple[str, str, float]]:
    """(key, title, width) of each column."""
    return [
        ("no", tr("No"), 8),
        ("waktu", tr("Waktu"), 20),
        ("aktor", tr("Pelaku"), 22),
        ("aksi", tr("Tindakan"), 34),
        ("pegawai", tr("Pegawai"), 36),
        ("tabel", tr("Tabel"), 18),
        ("record_id", tr("Id data"), 38),
        ("jumlah", tr("Jumlah data"), 12),
        ("keterangan", tr("Keterangan"), 60),
    ]


def _cell(ws: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=clean_text(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return guard_text(cell)


def write_audit_xlsx(
    path: Path | str,
    rows: Iterable[Mapping[str, Any]],
    *,
    title: str,
    subtitle: str | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the audit rows to ``path``; returns how many were written."""
    target = Path(path)
    cols = columns()
    wb = Workbook(write_only=True)
    ws: WriteOnlyWorksheet = wb.create_sheet(tr("Jejak audit"))
    for index, (_key, _title, width) in enumerate(cols):
        ws.column_dimensions[chr(65 + index)].width = width
    ws.freeze_panes = "A4"
    head = _cell(ws, title)
    head.font = Font(bold=True, size=13)
    ws.append([head])
    ws.append([_cell(ws, subtitle)] if subtitle else [])
    fill = PatternFill("solid", fgColor="DDE6F0")
    header = []
    for _key, text, _width in cols:
        cell = _cell(ws, text)
        cell.font = Font(bold=True)
        cell.fill = fill
        header.append(cell)
    ws.append(header)
    count = 0
    try:
        for row in rows:
            if cancelled is not None and count % PROGRESS_EVERY == 0 and cancelled():
                raise Cancelled(tr("Ekspor dibatalkan; tidak ada berkas yang ditulis."))
            ws.append([_cell(ws, row.get(key)) for key, _t, _w in cols])
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
        ws.auto_filter.ref = f"A3:{chr(64 + len(cols))}{3 + max(count, 1)}"
        wb.properties.creator = "Merit"
        save_atomically(wb, target)
    finally:
        discard_sheets(wb)
    return count
