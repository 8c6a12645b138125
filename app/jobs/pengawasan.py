"""The oversight recap as an .xlsx file: figures of complaints and discipline cases of a period,
without personal data (:mod:`app.models.pengaduan.rekap`, :mod:`app.reports.excel.pengawasan`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.i18n import angka, dokumen, tanggal, tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.errors import ValidationError
from app.models.pengaduan.rekap import RekapPengawasan, rekap_pengawasan
from app.models.rekap.common import kop
from app.models.storage.db import Database


@dataclass(frozen=True)
class RekapPengawasanRequest:
    dari: date
    sampai: date
    target: Path


@dataclass(frozen=True)
class RekapPengawasanResult:
    path: Path
    rekap: RekapPengawasan


@dokumen
def write_rekap_pengawasan(
    db: Database,
    actor: str,
    request: RekapPengawasanRequest,
    progress: Progress = NO_PROGRESS,
) -> RekapPengawasanResult:
    """Compute the recap of the period and write it to ``request.target`` (.xlsx)."""
    if request.target.suffix.lower() != ".xlsx":
        raise ValidationError(
            tr("Berkas rekap harus berakhiran .xlsx: {p}", p=request.target), field="out"
        )
    progress.report(0, 2, tr("Menghitung rekap pengawasan"))
    rekap = rekap_pengawasan(db, actor, request.dari, request.sampai)
    head = kop(db.conn, None, request.sampai)
    progress.report(1, 2, tr("Menulis berkas"))
    from app.reports.excel.pengawasan import write_pengawasan_xlsx  # lazy: openpyxl is heavy

    path = write_pengawasan_xlsx(
        request.target,
        judul=tr("Rekap pengaduan masyarakat dan penegakan disiplin"),
        subjudul=(
            head.instansi,
            tr("Periode {a} s.d. {b}", a=tanggal(request.dari), b=tanggal(request.sampai)),
            tr(
                "Pengaduan diterima: {n}; selesai: {s} ({p}%)",
                n=rekap.jumlah,
                s=rekap.selesai,
                p=angka(rekap.persen_selesai, 1),
            ),
        ),
        bagian=[(b.judul, b.kolom, b.baris) for b in rekap.bagian],
    )
    progress.report(2, 2, tr("Selesai"))
    return RekapPengawasanResult(path, rekap)


@dataclass(frozen=True)
class RingkasanPublikRequest:
    tahun: int
    target: Path


@dokumen
def write_ringkasan_publik(
    db: Database,
    actor: str,
    request: RingkasanPublikRequest,
    progress: Progress = NO_PROGRESS,
) -> RekapPengawasanResult:
    """The public summary of a year as a PDF: the same figures as the recap, which carry no
    name, NIP, NIK or complainant, so that the office can publish it."""
    if request.target.suffix.lower() != ".pdf":
        raise ValidationError(
            tr("Berkas ringkasan publik harus berakhiran .pdf: {p}", p=request.target),
            field="out",
        )
    dari, sampai = date(request.tahun, 1, 1), date(request.tahun, 12, 31)
    progress.report(0, 2, tr("Menghitung ringkasan publik"))
    rekap = rekap_pengawasan(db, actor, dari, sampai)
    head = kop(db.conn, None, sampai)
    progress.report(1, 2, tr("Menulis berkas"))
    from app.reports.pdf.pengawasan import render_ringkasan_publik  # lazy: reportlab is heavy

    render_ringkasan_publik(
        request.target,
        judul=tr("Ringkasan Publik Pengaduan Masyarakat dan Penegakan Disiplin"),
        subjudul=(
            head.instansi,
            tr("Tahun {t}", t=request.tahun),
            tr(
                "Pengaduan diterima: {n}; selesai: {s} ({p}%)",
                n=rekap.jumlah,
                s=rekap.selesai,
                p=angka(rekap.persen_selesai, 1),
            ),
        ),
        bagian=[(b.judul, b.kolom, b.baris) for b in rekap.bagian],
        catatan=tr(
            "Ringkasan ini hanya memuat angka: tidak memuat nama, NIP, NIK, atau identitas "
            "pelapor. Pengaduan dengan hasil triase 'Perbaikan layanan' adalah perbaikan yang "
            "dilakukan atas pengaduan masyarakat."
        ),
    )
    progress.report(2, 2, tr("Selesai"))
    return RekapPengawasanResult(request.target, rekap)
