"""Write the import preview (counts, every problem and every change) to an .xlsx file.

The preview is an :class:`~app.models.impor.result.ImportPlan` made by
:func:`app.models.impor.plan.plan_import`; the workbook comes from :mod:`app.reports.excel.impor`.
Writing reads nothing from the database and is not audited (the file holds what the clerk's own
file holds); it is atomic: a failed write leaves no file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.i18n import dokumen
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.impor.result import ImportPlan
from app.models.storage.db import Database


@dataclass(frozen=True)
class ImportReportRequest:
    """The preview to write and where."""

    plan: ImportPlan
    target: Path


@dokumen
def write_import_report(
    db: Database, actor: str, request: ImportReportRequest, progress: Progress = NO_PROGRESS
) -> Path:
    """Write the report to ``request.target``; returns the path."""
    from app.reports.excel import impor as ix  # lazy: openpyxl

    return ix.write_import_report(request.plan, request.target)
