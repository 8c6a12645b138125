"""Selection files: the score recap (.xlsx), the berita acara and announcement (PDF), and the SK
Pengangkatan of the candidate the PPK chose.

The data comes from :mod:`app.models.seleksi`, the files from :mod:`app.reports.excel.seleksi`,
:mod:`app.reports.pdf.seleksi` and the decree engine (:func:`app.jobs.dokumen.issue`). Each
export is a sensitive read and is written to the audit trail. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.i18n import dokumen, tr
from app.jobs import dokumen as dokumen_jobs
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access.akses import require
from app.models.rekap.common import kop
from app.models.seleksi.dokumen import check_sk_pengangkatan, dokumen_seleksi
from app.models.seleksi.peringkat import rekap_nilai
from app.models.storage.db import Database
from app.models.storage.store import Store


@dataclass(frozen=True)
class RekapNilaiRequest:
    seleksi_id: str
    path: Path


@dokumen
def write_rekap_nilai(
    db: Database, actor: str, request: RekapNilaiRequest, progress: Progress = NO_PROGRESS
) -> dict[str, int]:
    """Write the score recap (.xlsx): one sheet per stage, and the ranking (provisional while a
    sealed sheet is missing). Returns the rows per sheet."""
    from app.reports.excel import seleksi as seleksi_xlsx  # lazy: openpyxl

    require(db, actor, "seleksi.baca")
    conn = db.conn
    hasil, tahap = rekap_nilai(conn, request.seleksi_id)
    counts = seleksi_xlsx.lembar_rekap_nilai(
        request.path, kop(conn, None, date.today()), hasil, tahap
    )
    Store(db).record_read(
        tr("Rekap nilai seleksi {j}", j=hasil.seleksi.judul),
        actor=str(actor),
        tabel="seleksi",
        record_id=request.seleksi_id,
    )
    return counts


@dataclass(frozen=True)
class DokumenRequest:
    """A selection document: ``berita_acara`` (of the stage ``tahap_id``, or of the final
    ranking) or ``pengumuman`` (see :func:`app.models.seleksi.dokumen.dokumen_seleksi`)."""

    seleksi_id: str
    jenis: str
    path: Path
    tahap_id: str | None = None
    on: date | None = None


@dokumen
def write_dokumen(
    db: Database, actor: str, request: DokumenRequest, progress: Progress = NO_PROGRESS
) -> int:
    """Write a selection document as PDF. Returns the number of pages."""
    from app.reports.pdf import seleksi as seleksi_pdf  # lazy: reportlab

    require(db, actor, "seleksi.baca")
    dok = dokumen_seleksi(
        db.conn, request.seleksi_id, request.jenis, tahap_id=request.tahap_id, on=request.on
    )
    pages = seleksi_pdf.render_dokumen(dok, Path(request.path))
    Store(db).record_read(
        tr("Dokumen seleksi: {j}", j=dok.judul),
        actor=str(actor),
        tabel="seleksi",
        record_id=request.seleksi_id,
    )
    return pages


@dataclass(frozen=True)
class SkPengangkatanRequest:
    seleksi_id: str
    pelamar_id: str
    out_dir: Path
    tanggal: date  # the decree date
    tmt: date
    jenis: str = "petikan"


@dokumen
def issue_sk_pengangkatan(
    db: Database, actor: str, request: SkPengangkatanRequest, progress: Progress = NO_PROGRESS
) -> dokumen_jobs.HasilTerbit:
    """Issue the SK Pengangkatan dalam Jabatan (template SK_JABATAN, through the decree engine:
    numbered, registered, verifiable) for the candidate the PPK chose among the three proposed.
    Refused (audited) first for an actor who may not issue decrees."""
    require(db, actor, "dokumen.terbitkan")
    req = check_sk_pengangkatan(
        db.conn,
        request.seleksi_id,
        request.pelamar_id,
        tanggal=request.tanggal,
        tmt=request.tmt,
        jenis=request.jenis,
    )
    return dokumen_jobs.issue(db, actor, dokumen_jobs.IssueRequest(req, request.out_dir), progress)
