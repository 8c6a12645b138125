"""Write the audit trail (the entries of one search) to an .xlsx file.

The entries come from :mod:`app.models.access.audit`, the workbook from
:mod:`app.reports.excel.audit`. The export is itself a sensitive read and is written to the
audit trail. Writing is atomic: a cancelled or failed job leaves no file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.i18n import dokumen, tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access import audit
from app.models.access.akses import require
from app.models.storage.db import Database


@dataclass(frozen=True)
class AuditTrailRequest:
    """The entries to write (a search) and where."""

    filter: audit.AuditFilter
    target: Path
    total: int = 0  # entries expected, for progress (0: unknown)


@dataclass(frozen=True)
class AuditTrailResult:
    """The file written and its number of entries."""

    path: Path
    rows: int


@dokumen
def write_audit_trail(
    db: Database, actor: str, request: AuditTrailRequest, progress: Progress = NO_PROGRESS
) -> AuditTrailResult:
    """Write the entries matching ``request.filter``; returns the file and how many entries."""
    from app.reports.excel import audit as ax  # lazy: openpyxl

    flt, path = request.filter, request.target
    require(db, actor, "audit.baca")  # refused (and audited) before anything is written
    n = ax.write_audit_xlsx(
        path,
        audit.export_rows(audit.iter_entries(db.conn, flt)),
        title=tr("Jejak audit"),
        subtitle=audit.describe_filter(flt),
        progress=lambda done: progress.report(done, request.total),
        cancelled=lambda: progress.cancelled,
    )
    audit.record_export(db, flt, path.name, n, actor=actor)
    return AuditTrailResult(path, n)
