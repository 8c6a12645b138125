"""Leave documents: the surat izin cuti of an approved leave, through the document engine
(numbered in the register, verifiable), and the monthly recap of who is on leave per unit.
Used by the Cuti page and ``merit cuti`` alike. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app.i18n import dokumen, tanggal, tr
from app.jobs import dokumen as dokumen_jobs
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access.akses import require
from app.models.cuti import permohonan, surat
from app.models.cuti.formulir import read_formulir
from app.models.cuti.saldo import list_saldo
from app.models.dokumen.rancangan import Permintaan
from app.models.errors import Cancelled, ValidationError
from app.models.rekap.common import kop
from app.models.rules.cuti import tambah_bulan
from app.models.storage.db import Database
from app.models.storage.store import Store
from app.reports.excel import rekap as rx
from app.reports.pdf.cuti import render_formulir


@dataclass(frozen=True)
class SuratCutiRequest:
    cuti_id: str
    out_dir: Path
    tanggal: date  # the letter's date


@dokumen
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


# -- the recap ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RekapCutiRequest:
    """The monthly recap of who is on leave per unit, and the balances of the year."""

    target: Path
    tahun: int
    bulan: int
    unit_id: str | None = None


@dokumen
def write_rekap_cuti(
    db: Database, actor: str, req: RekapCutiRequest, progress: Progress = NO_PROGRESS
) -> dict[str, int]:
    """Write the recap workbook (sheets "Cuti <bulan>" and "Saldo <tahun>"); rows per sheet."""
    require(db, actor, "laporan.baca", unit_id=req.unit_id)
    if req.target.suffix.lower() != ".xlsx":
        raise ValidationError(
            tr("Berkas rekap harus berakhiran .xlsx: {p}", p=req.target), field="target"
        )
    if not 1 <= req.bulan <= 12:
        raise ValidationError(tr("Bulan harus 1 sampai 12."), field="bulan")
    conn = db.conn
    awal = date(req.tahun, req.bulan, 1)
    akhir = tambah_bulan(awal, 1) - timedelta(days=1)
    header = kop(conn, req.unit_id, date.today())
    sedang = permohonan.sedang_cuti(conn, awal, akhir, unit_id=req.unit_id)
    bulan_teks = tanggal(awal).split(" ", 1)[1]
    lembar_bulan = rx.Lembar(
        nama=tr("Cuti {b}", b=awal.strftime("%m-%Y")),
        judul=(tr("REKAP PEGAWAI YANG MENJALANKAN CUTI"), tr("Bulan {b}", b=bulan_teks)),
        kolom=(
            rx.Kolom(tr("No."), 6, "nomor"),
            rx.Kolom(tr("Unit kerja"), 28),
            rx.Kolom(tr("Nama"), 26),
            rx.Kolom(tr("NIP"), 19, "nip"),
            rx.Kolom(tr("Jenis cuti"), 20),
            rx.Kolom(tr("Mulai"), 12, "tanggal"),
            rx.Kolom(tr("Selesai"), 12, "tanggal"),
            rx.Kolom(tr("Lama"), 14),
        ),
        baris=[
            (i, c.unit_nama, c.nama, c.nip, c.jenis_nama, c.mulai, c.selesai, c.lama_teks)
            for i, c in enumerate(sedang, 1)
        ],
    )

    def saldo_rows() -> list[tuple[object, ...]]:
        out: list[tuple[object, ...]] = []
        for i, b in enumerate(list_saldo(conn, req.tahun, unit_id=req.unit_id), 1):
            if progress.cancelled:
                raise Cancelled(tr("Rekap cuti dibatalkan; tidak ada berkas yang ditulis."))
            if i % 200 == 0:
                progress.report(i, 0)
            s = b.saldo
            out.append(
                (i, b.unit, b.nama, b.nip, b.jenis_asn, s.hak, s.bawaan, s.penyesuaian,
                 s.tersedia, s.dipakai, s.sisa)
            )  # fmt: skip
        return out

    lembar_saldo = rx.Lembar(
        nama=tr("Saldo {t}", t=req.tahun),
        judul=(tr("SALDO CUTI TAHUNAN"), tr("Tahun {t}", t=req.tahun)),
        kolom=(
            rx.Kolom(tr("No."), 6, "nomor"),
            rx.Kolom(tr("Unit kerja"), 28),
            rx.Kolom(tr("Nama"), 26),
            rx.Kolom(tr("NIP"), 19, "nip"),
            rx.Kolom(tr("ASN"), 7),
            rx.Kolom(tr("Hak"), 7, "angka", grup=tr("Hari kerja")),
            rx.Kolom(tr("Bawaan"), 8, "angka", grup=tr("Hari kerja")),
            rx.Kolom(tr("Penyesuaian"), 11, "angka", grup=tr("Hari kerja")),
            rx.Kolom(tr("Tersedia"), 9, "angka", grup=tr("Hari kerja")),
            rx.Kolom(tr("Dipakai"), 8, "angka", grup=tr("Hari kerja")),
            rx.Kolom(tr("Sisa"), 7, "angka", grup=tr("Hari kerja")),
        ),
        baris=saldo_rows(),
        catatan=(
            tr(
                "Saldo dihitung dari catatan cuti (PP 11/2017; Peraturan BKN 24/2017): bawaan "
                "paling banyak 6 hari, atau 12 bila 2 tahun berturut-turut tidak diambil atau "
                "ditangguhkan."
            ),
        ),
    )
    counts = rx.write_workbook(req.target, header, [lembar_bulan, lembar_saldo])
    Store(db).record_read(
        tr("Ekspor rekap cuti"),
        actor=actor,
        record_id=req.unit_id,
        keterangan=tr("{path}: {n} baris", path=req.target, n=sum(counts.values())),
    )
    return counts


@dokumen
def write_formulir(db: Database, actor: str, cuti_id: str, target: Path) -> Path:
    """The formulir permintaan dan pemberian cuti of one request as PDF (not numbered: it is
    the request, not a decision)."""
    if target.suffix.lower() != ".pdf":
        raise ValidationError(
            tr("Berkas formulir harus berakhiran .pdf: {p}", p=target), field="out"
        )
    render_formulir(read_formulir(db, cuti_id, actor=actor), target)
    return target
