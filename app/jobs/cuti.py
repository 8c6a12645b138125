"""Leave documents: the surat izin cuti of an approved leave, through the document engine
(numbered in the register, verifiable), and the monthly recap of who is on leave per unit.
Used by the Cuti page and ``merit cuti`` alike. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.jobs import dokumen as dokumen_jobs
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.cuti import surat
from app.models.dokumen.rancangan import Permintaan
from app.models.storage.db import Database


@dataclass(frozen=True)
class SuratCutiRequest:
    cuti_id: str
    out_dir: Path
    tanggal: date  # the letter's date


def issue_surat_cuti(
    db: Database, actor: str, request: SuratCutiRequest, progress: Progress = NO_PROGRESS
) -> dokumen_jobs.HasilTerbit:
    """Issue the surat izin cuti of an approved leave (template IZIN_CUTI, seeded when missing)
    and link it to the leave record. If the link cannot be written, the letter just issued is
    cancelled in the register and its files removed (as for the SK KP)."""
    c = surat.check_surat(db, request.cuti_id, actor=actor)
    surat.seed_template(db, actor=actor)
    permintaan = Permintaan(
        templat=surat.KODE_TEMPLAT,
        nips=(c.nip,),
        tanggal=request.tanggal,
        jenis="asli",
        nilai_pegawai={c.nip: surat.nilai_surat(c)},
    )
    terbit = dokumen_jobs.issue(
        db, actor, dokumen_jobs.IssueRequest(permintaan, request.out_dir), progress
    )
    try:
        surat.record_surat(db, c.id, terbit.register_ids[0], actor=actor)
    except BaseException as exc:
        dokumen_jobs._undo_issue(db, terbit, actor, exc)
        raise
    return terbit
