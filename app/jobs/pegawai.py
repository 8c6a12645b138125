"""Write the employee list as it is shown (same filter, same order) to an .xlsx file.

The rows come from :mod:`app.models.pegawai.ekspor`, the workbook from
:mod:`app.reports.excel.pegawai`. The export of personal data is refused (and audited) for a
user without the right, before anything is written, and audited as a sensitive read once the
file is complete. Writing is atomic: a cancelled or failed job leaves no file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.i18n import dokumen, tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.pegawai.ekspor import (
    check_export,
    describe_filter,
    employee_export_count,
    employee_export_rows,
    record_export,
)
from app.models.pegawai.read import EmployeeFilter, scoped_filter
from app.models.storage.db import Database
from app.models.storage.instansi import get_setting


@dataclass(frozen=True)
class EmployeeListRequest:
    """The list to write (filter and order as shown) and where."""

    filter: EmployeeFilter
    target: Path
    total: int | None = None  # rows expected, for progress (default: counted)


@dataclass(frozen=True)
class EmployeeListResult:
    """The file written and its number of rows."""

    path: Path
    rows: int


@dokumen
def write_employee_list(
    db: Database, actor: str, request: EmployeeListRequest, progress: Progress = NO_PROGRESS
) -> EmployeeListResult:
    """Write the list to ``request.target``; returns the file and the number of rows. Raises
    AccessDenied before writing anything, Cancelled (and leaves no file) when cancelled."""
    from app.reports.excel import pegawai as px  # lazy: openpyxl

    path = request.target
    check_export(db, request.filter, actor=actor)  # refused before anything is written
    # Only the employees the actor may export (an operator of one unit: that unit), in SQL.
    flt = scoped_filter(db, actor, request.filter, "pegawai.ekspor")
    total = request.total if request.total is not None else employee_export_count(db.conn, flt)
    agency = get_setting(db.conn, "nama_instansi") or ""
    title = tr("Daftar Pegawai {instansi}", instansi=agency).strip()
    headers, rows = employee_export_rows(db.conn, flt)
    n = px.write_employee_list(
        path,
        title,
        headers,
        rows,
        subtitle=describe_filter(db.conn, flt),
        progress=lambda done: progress.report(done, total),
        cancelled=lambda: progress.cancelled,
    )
    record_export(db, flt, path, n, actor=actor)
    return EmployeeListResult(path, n)
