"""Competency and training actions used by the screens and the command line alike (issue 15):
the needs list workbook, the assessment import, the surat tugas and daftar peserta of a training
event, the evaluation import and recap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import angka, dokumen, tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.jobs.rekap import check_target
from app.models.access.akses import require
from app.models.dokumen.rancangan import Permintaan
from app.models.kompetensi import kebutuhan, nilai
from app.models.pelatihan import evaluasi, surat
from app.models.rekap import common
from app.models.storage.db import Database
from app.models.storage.store import Store

if TYPE_CHECKING:
    from app.jobs.dokumen import HasilTerbit


@dataclass(frozen=True)
class KebutuhanRequest:
    target: Path
    tahun: int
    unit_id: str | None = None
    kompetensi: str | None = None
    on: date | None = None


@dokumen
def write_kebutuhan(
    db: Database, actor: str, req: KebutuhanRequest, progress: Progress = NO_PROGRESS
) -> int:
    """Write the training needs list and the gap recap per unit to an .xlsx; return the
    number of needs listed. An export of personal data: audited."""
    from app.reports.excel import kompetensi as kx  # lazy: openpyxl, off the CLI's start

    target = check_target(req.target)
    require(db, actor, "laporan.baca", unit_id=req.unit_id)
    conn = db.conn
    kop = common.kop(conn, req.unit_id, req.on or date.today())
    rows = kebutuhan.kebutuhan_pelatihan(
        conn, req.tahun, unit_id=req.unit_id, kompetensi=req.kompetensi
    )
    rekap = kebutuhan.rekap_gap(conn, unit_id=req.unit_id)
    kx.write_kebutuhan(target, kop, rows, rekap, req.tahun)
    Store(db).record_read(
        tr("Ekspor analisis kebutuhan pelatihan"),
        actor=actor,
        record_id=req.unit_id,
        keterangan=tr("{path}: {n} baris", path=target, n=len(rows)),
    )
    progress.report(len(rows), len(rows))
    return len(rows)


def import_nilai(
    db: Database, actor: str, path: Path, *, simpan: bool, progress: Progress = NO_PROGRESS
) -> nilai.RencanaNilai:
    """Preview an assessment centre's sheet; with ``simpan`` also write it (a sheet with any
    problem is refused whole)."""
    plan = nilai.plan_impor_nilai(db, path, actor=actor)
    if simpan:
        nilai.apply_impor_nilai(db, plan, actor=actor)
    progress.report(len(plan.rows), len(plan.rows))
    return plan


# -- the documents of a training event ------------------------------------------------------------


@dataclass(frozen=True)
class DokumenAcaraRequest:
    """The surat tugas (``surat_tugas=True``) or the daftar peserta of a training event."""

    acara_id: str
    out_dir: Path
    surat_tugas: bool
    tanggal: date | None = None  # the document's date (default: today)


@dokumen
def issue_dokumen_acara(
    db: Database, actor: str, req: DokumenAcaraRequest, progress: Progress = NO_PROGRESS
) -> HasilTerbit:
    """Number, render and register the surat tugas or the daftar peserta of an event through
    the document engine (templates SURAT_TUGAS_PELATIHAN / DAFTAR_PESERTA_PELATIHAN, seeded
    when missing): one PDF for all the participants, with its verification code."""
    from app.jobs import dokumen as dokumen_jobs  # lazy: reportlab, only for the documents

    isi = surat.isi_dokumen(db, req.acara_id, actor=actor, surat_tugas=req.surat_tugas)
    surat.seed_templates(db, actor=actor)
    t = surat.SURAT_TUGAS if req.surat_tugas else surat.DAFTAR_PESERTA
    return dokumen_jobs.issue(
        db,
        actor,
        dokumen_jobs.IssueRequest(
            Permintaan(
                templat=t.kode,
                nips=tuple(p.nip for p in isi.peserta),
                tanggal=req.tanggal or date.today(),
                jenis="asli",
                nilai=isi.nilai,
                nilai_pegawai=isi.nilai_pegawai,
            ),
            req.out_dir,
        ),
        progress,
    )


# -- training evaluation: import and recap --------------------------------------------------------


def import_evaluasi(
    db: Database,
    actor: str,
    path: Path,
    *,
    simpan: bool,
    acara_id: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> evaluasi.RencanaEvaluasi:
    """Preview an evaluation sheet; with ``simpan`` also write it, all or nothing (a sheet
    with any problem is refused whole, naming each row, column and reason)."""
    plan = evaluasi.plan_impor_evaluasi(db, path, acara_id=acara_id, actor=actor)
    if simpan:
        evaluasi.apply_impor_evaluasi(db, plan, actor=actor)
    progress.report(len(plan.rows), len(plan.rows))
    return plan


@dataclass(frozen=True)
class RekapEvaluasiRequest:
    target: Path
    tahun: int | None = None  # the events ending in this year; None: every event


@dokumen
def write_rekap_evaluasi(
    db: Database, actor: str, req: RekapEvaluasiRequest, progress: Progress = NO_PROGRESS
) -> dict[str, int]:
    """Write the evaluation recap per event and per provider to an .xlsx (ratings only, no
    person named); returns the rows per sheet."""
    from app.reports.excel import kompetensi as kx  # lazy: openpyxl, off the CLI's start

    target = check_target(req.target)
    require(db, actor, "laporan.baca")
    conn = db.conn
    per_acara = evaluasi.rekap_per_acara(conn, tahun=req.tahun)
    per_penyelenggara = evaluasi.rekap_per_penyelenggara(conn, tahun=req.tahun)
    periode = (
        tr("Acara yang selesai pada tahun {t}", t=req.tahun)
        if req.tahun
        else tr("Semua acara yang sudah dievaluasi")
    )
    catatan = tr(
        "Skala 1-5 (1 sangat kurang, 5 sangat baik). TINJAU: rata-rata relevansi di bawah {b} "
        "atau sedikitnya {p}% peserta menilai relevansi 1-2; pertimbangkan untuk tidak diulang "
        "atau diganti dalam rencana pelatihan.",
        b=angka(evaluasi.BATAS_RELEVANSI, 1),
        p=angka(evaluasi.BATAS_TIDAK_RELEVAN * 100),
    )
    counts = kx.write_evaluasi(
        target,
        common.kop(conn, None, date.today()),
        per_acara,
        per_penyelenggara,
        periode,
        catatan=(catatan,),
    )
    Store(db).record_read(
        tr("Ekspor rekap evaluasi pelatihan"),
        actor=actor,
        keterangan=tr("{path}: {n} acara", path=target, n=len(per_acara)),
    )
    progress.report(len(per_acara), len(per_acara))
    return counts
