"""The SKP exports, one job each, called by the screens (:mod:`app.ui.pages.skp`,
:mod:`app.ui.dialogs.skp_form`) and by ``merit skp rekap`` / ``merit skp pdf`` alike.

* :func:`write_rekap_xlsx`: the rekap SKP of a year (every employee's state and predikat, the
  progress and the predikat distribution per unit) as .xlsx. An export of personal data is a
  sensitive read and is written to the audit trail under the actor's name.
* :func:`write_evaluasi_pdf`: the Dokumen Evaluasi Kinerja Pegawai of one SKP as PDF.

The writers (openpyxl, reportlab) are imported when a job runs, not when a screen opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.i18n import dokumen, tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access.akses import read_unit
from app.models.rekap import common
from app.models.rules.skp import Pelaku, status_labels
from app.models.skp import progress as skp_progress
from app.models.skp.dokumen import dokumen_evaluasi
from app.models.skp.guard import pelaku_dari
from app.models.skp.read import check_read
from app.models.storage.db import Database
from app.models.storage.store import Store


@dataclass(frozen=True)
class RekapSkpRequest:
    """The rekap SKP of a year, of one unit (with its sub-units) or of the whole agency."""

    tahun: int
    target: Path
    unit_id: str | None = None


@dataclass(frozen=True)
class EvaluasiRequest:
    """The evaluation document of one SKP."""

    skp_id: str
    target: Path


@dokumen
def write_rekap_xlsx(
    db: Database,
    actor: str | Pelaku,
    request: RekapSkpRequest,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Write the rekap SKP workbook and record the export in the audit trail (``actor``: a
    session, a plain name or a :class:`~app.models.rules.skp.Pelaku`). Returns the number of
    employees listed."""
    from app.reports.excel import skp as xlsx  # lazy: openpyxl

    conn = db.conn
    tahun, unit_id, target = request.tahun, request.unit_id, request.target
    if not isinstance(actor, Pelaku):
        # Refused (audited) without skp.baca; a reader of some units gets only theirs, in SQL.
        unit_id = read_unit(db, actor, "skp.baca", unit_id)
    kop = common.kop(conn, unit_id, date.today())
    rows = skp_progress.list_skp(conn, tahun, unit_id=unit_id)
    data = skp_progress.kemajuan(conn, tahun, unit_id)
    xlsx.write_rekap_skp(target, kop, tahun, rows, data, status_label=status_labels())
    Store(db).record_read(
        tr("Ekspor rekap SKP {tahun}", tahun=tahun),
        actor=pelaku_dari(db, actor).nama,
        record_id=unit_id,
        keterangan=tr("{path}: {n} pegawai", path=target, n=len(rows)),
    )
    progress.report(len(rows), len(rows))
    return len(rows)


@dokumen
def write_evaluasi_pdf(
    db: Database,
    actor: str | Pelaku,
    request: EvaluasiRequest,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Write the evaluation document of one SKP. Returns the number of pages.

    Only for a reader of this SKP (:func:`app.models.skp.read.check_read`: refused and audited
    otherwise); a person's document is personal data, so writing it is audited."""
    from app.reports.pdf import skp as pdf  # lazy: reportlab

    if not isinstance(actor, Pelaku):
        check_read(db, actor, request.skp_id)
    dok = dokumen_evaluasi(db.conn, request.skp_id)
    pages = pdf.render_evaluasi(dok, request.target)
    Store(db).record_read(
        tr("Dokumen evaluasi kinerja {tahun}", tahun=dok.tahun),
        actor=pelaku_dari(db, actor).nama,
        tabel="pegawai",
        record_id=dok.pegawai.pegawai_id,
        keterangan=tr("{path}: {nama}", path=request.target.name, nama=dok.pegawai.nama),
    )
    progress.report(pages, pages)
    return pages
