"""The import preview as an .xlsx file: counts, then one row per problem and per change.

Receives plain data (an :class:`~app.models.impor.result.ImportPlan`: ``counts`` and ``rows``
whose items have ``row``, ``nip``, ``nama``, ``status``, ``changes`` and ``issues``); runs no
SQL. Cells come from the clerk's own file, so text that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``) is stored as a string with Excel's quote prefix: opening the report
never runs anything. Written in write-only mode to a temporary file that replaces the target
only when complete.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.i18n import tanggal, tr
from app.models.impor.result import ImportPlan
from app.reports.excel.common import clean_text, guard_text, save_atomically

STATUS_LABELS = {
    "baru": "Baru",
    "berubah": "Berubah",
    "sama": "Sama (tidak berubah)",
    "ditolak": "Ditolak",
    "dilewati": "Dilewati (NIP sudah ada)",
}
LEVEL_LABELS = {"kesalahan": "Kesalahan", "peringatan": "Peringatan"}


def _text(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _cell(ws: WriteOnlyWorksheet, value: object, *, bold: bool = False) -> WriteOnlyCell:
    """A cell whose text can never become a formula."""
    cell = guard_text(WriteOnlyCell(ws, value=clean_text(_text(value))))
    if bold:
        cell.font = Font(bold=True)
    return cell


def _header(ws: WriteOnlyWorksheet, titles: Iterable[str], widths: Sequence[float]) -> None:
    fill = PatternFill("solid", fgColor="DDE6F0")
    for index, width in enumerate(widths):
        ws.column_dimensions[chr(65 + index)].width = width
    cells = []
    for title in titles:
        cell = _cell(ws, title, bold=True)
        cell.fill = fill
        cells.append(cell)
    ws.freeze_panes = "A2"
    ws.append(cells)


def write_import_report(plan_data: ImportPlan, path: Path | str) -> Path:
    """Write the preview of an import to ``path`` (.xlsx): a summary sheet with the counts,
    a sheet with every problem (baris, NIP, nama, kolom, nilai, alasan, tingkat) and a sheet
    with every change to an existing employee. Returns the path written."""
    target = Path(path)
    wb = Workbook(write_only=True)

    ws = wb.create_sheet(tr("Ringkasan"))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 60
    ws.append([_cell(ws, tr("Pratinjau impor data pegawai"), bold=True)])
    source = getattr(plan_data, "source", None)
    if source is not None:
        ws.append([_cell(ws, tr("Berkas")), _cell(ws, str(getattr(source, "path", "")))])
        sheet = getattr(source, "sheet", None)
        if sheet:
            ws.append([_cell(ws, tr("Lembar kerja")), _cell(ws, sheet)])
    today = getattr(plan_data, "today", None)
    ws.append([_cell(ws, tr("Tanggal")), _cell(ws, tanggal(today or date.today()))])
    ws.append([])
    ws.append([_cell(ws, tr("Status baris"), bold=True), _cell(ws, tr("Jumlah"), bold=True)])
    for key, label in STATUS_LABELS.items():
        ws.append([_cell(ws, tr(label)), int(plan_data.counts.get(key, 0))])
    issues = [i for r in plan_data.rows for i in r.issues]
    ws.append([])
    ws.append(
        [
            _cell(ws, tr("Kesalahan")),
            sum(1 for i in issues if i.level == "kesalahan"),
        ]
    )
    ws.append(
        [
            _cell(ws, tr("Peringatan")),
            sum(1 for i in issues if i.level == "peringatan"),
        ]
    )

    by_row = {r.row: r for r in plan_data.rows}
    ws = wb.create_sheet(tr("Masalah"))
    _header(
        ws,
        [tr("Baris"), "NIP", tr("Nama"), tr("Kolom"), tr("Nilai"), tr("Alasan"), tr("Tingkat")],
        [8, 22, 30, 24, 26, 80, 12],
    )
    for issue in sorted(issues, key=lambda i: (i.row, i.level != "kesalahan")):
        owner = by_row.get(issue.row)
        ws.append(
            [
                issue.row,
                _cell(ws, owner.nip if owner else ""),
                _cell(ws, owner.nama if owner else ""),
                _cell(ws, issue.column),
                _cell(ws, issue.value),
                _cell(ws, issue.reason),
                _cell(ws, tr(LEVEL_LABELS.get(issue.level, issue.level))),
            ]
        )

    ws = wb.create_sheet(tr("Perubahan"))
    _header(
        ws,
        [tr("Baris"), "NIP", tr("Nama"), tr("Status"), tr("Bidang"), tr("Lama"), tr("Baru")],
        [8, 22, 30, 12, 18, 34, 34],
    )
    for r in plan_data.rows:
        if r.status not in ("baru", "berubah"):
            continue
        if r.status == "baru":
            ws.append(
                [
                    r.row,
                    _cell(ws, r.nip),
                    _cell(ws, r.nama),
                    _cell(ws, tr(STATUS_LABELS["baru"])),
                ]
            )
            continue
        for name, (old, new) in r.changes.items():
            ws.append(
                [
                    r.row,
                    _cell(ws, r.nip),
                    _cell(ws, r.nama),
                    _cell(ws, tr(STATUS_LABELS["berubah"])),
                    _cell(ws, name),
                    _cell(ws, old),
                    _cell(ws, new),
                ]
            )
    wb.properties.title = tr("Pratinjau impor data pegawai")
    wb.properties.creator = "Merit"
    save_atomically(wb, target)
    return target
