"""The letters of complaints and discipline cases through the decree engine
(:mod:`app.jobs.dokumen`): the surat panggilan of a case (template PANGGILAN_DISIPLIN, about the
employee) and the reply to the complainant (template JAWABAN_PENGADUAN, a letter to someone who
is not an employee). Each is numbered, rendered, registered and verifiable like any decree, and
the register entry is linked to the summons or the complaint."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from app.i18n import dokumen, tanggal, tr
from app.jobs import dokumen as dokumen_jobs
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.disiplin import kasus as dk
from app.models.dokumen import templat_bawaan
from app.models.dokumen.rancangan import Permintaan
from app.models.errors import ValidationError
from app.models.etik import kasus as ek
from app.models.pengaduan import register as adu
from app.models.storage.db import Database

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True)
class SuratPanggilanRequest:
    kasus_id: str
    ke: int
    out_dir: Path


@dataclass(frozen=True)
class SkHukdisRequest:
    kasus_id: str
    hukuman_kode: str
    tanggal_sk: date
    out_dir: Path
    tanggal_diterima: date | None = None  # when already known (else: terima_keputusan later)
    pejabat: str | None = None


@dataclass(frozen=True)
class JawabanRequest:
    pengaduan_id: str
    out_dir: Path
    tanggal: date | None = None  # the letter's date (default: the complaint's closing date)


def _hari_tanggal(d: date) -> str:
    return f"{tr(HARI[d.weekday()])}, {tanggal(d)}"


@dokumen
def issue_surat_panggilan(
    db: Database, actor: str, request: SuratPanggilanRequest, progress: Progress = NO_PROGRESS
) -> dokumen_jobs.HasilTerbit:
    """Issue the surat panggilan I or II of a case (dated the day the summons is delivered)."""
    kasus = dk.get_kasus(db, actor, request.kasus_id)
    panggilan = next((p for p in kasus.panggilan if p.ke == request.ke), None)
    if panggilan is None:
        raise ValidationError(
            tr("Panggilan ke-{ke} belum dicatat untuk kasus ini.", ke=request.ke), field="ke"
        )
    templat_bawaan.seed_templates(db)
    hasil = dokumen_jobs.issue(
        db,
        actor,
        dokumen_jobs.IssueRequest(
            Permintaan(
                templat=templat_bawaan.PANGGILAN_DISIPLIN.kode,
                nips=(kasus.nip,),
                tanggal=panggilan.tanggal_surat,
                jenis="asli",
                nilai={
                    "panggilan_ke": "I" if request.ke == 1 else "II",
                    "tanggal_periksa": _hari_tanggal(panggilan.tanggal_periksa),
                    "tempat_periksa": panggilan.tempat or tr("Kantor unit kerja"),
                    "pemeriksa_disiplin": kasus.pemeriksa or tr("Atasan langsung"),
                    "dugaan_pelanggaran": kasus.dugaan,
                },
            ),
            request.out_dir,
        ),
        progress,
    )
    dk.set_panggilan_register(db, actor, kasus.id, request.ke, hasil.register_ids[0])
    return hasil


@dokumen
def issue_sk_hukdis(
    db: Database, actor: str, request: SkHukdisRequest, progress: Progress = NO_PROGRESS
) -> dokumen_jobs.HasilTerbit:
    """Issue the SK hukuman disiplin of a case and record the decision with the SK's number
    (checked before a number is taken; the history row follows when the receipt is known)."""
    putusan = dk.Putusan(
        request.hukuman_kode,
        "-",  # the number is taken below
        request.tanggal_sk,
        request.tanggal_diterima,
        request.pejabat,
    )
    kasus = dk.check_putus(db, actor, request.kasus_id, putusan)
    nama = str(dk.hukuman(db.conn, request.hukuman_kode)["nama"])
    templat_bawaan.seed_templates(db)
    hasil = dokumen_jobs.issue(
        db,
        actor,
        dokumen_jobs.IssueRequest(
            Permintaan(
                templat=templat_bawaan.SK_HUKDIS.kode,
                nips=(kasus.nip,),
                tanggal=request.tanggal_sk,
                jenis="asli",
                nilai={
                    "hukuman_disiplin": nama[:1].lower() + nama[1:],
                    "dugaan_pelanggaran": kasus.dugaan,
                },
            ),
            request.out_dir,
        ),
        progress,
    )
    dk.putus(
        db,
        actor,
        kasus.id,
        replace(putusan, nomor_sk=hasil.nomor[0]),
        register_id=hasil.register_ids[0],
    )
    return hasil


@dokumen
def issue_jawaban(
    db: Database, actor: str, request: JawabanRequest, progress: Progress = NO_PROGRESS
) -> dokumen_jobs.HasilTerbit:
    """Issue the reply letter to the complainant of a closed complaint. Refused for an
    anonymous complaint (nobody to write to) and for an actor who may not see the identity."""
    aduan = adu.get_pengaduan(db, actor, request.pengaduan_id)
    if aduan.identitas == "ANONIM":
        raise ValidationError(
            tr("Pengaduan anonim tidak dapat dijawab dengan surat: tidak ada alamat pelapor."),
            field="identitas",
        )
    if aduan.pelapor is None or not aduan.pelapor.nama:
        raise ValidationError(
            tr("Nama pelapor tidak tersedia untuk Anda; surat jawaban dibuat oleh penangannya."),
            field="pelapor",
        )
    if aduan.status != adu.SELESAI or not aduan.jawaban or not aduan.hasil:
        raise ValidationError(
            tr("Selesaikan pengaduan dulu (hasil dan jawaban), lalu terbitkan surat jawabannya."),
            field="status",
        )
    on = request.tanggal or aduan.tanggal_selesai or date.today()
    templat_bawaan.seed_templates(db)
    hasil = dokumen_jobs.issue(
        db,
        actor,
        dokumen_jobs.IssueRequest(
            Permintaan(
                templat=templat_bawaan.JAWABAN_PENGADUAN.kode,
                nips=(),
                tanggal=on,
                jenis="asli",
                tanpa_pegawai=True,
                nilai={
                    "nama_pelapor": aduan.pelapor.nama,
                    "alamat_pelapor": aduan.pelapor.alamat or tr("Tempat"),
                    "nomor_pengaduan": aduan.nomor or aduan.id[:8],
                    "tanggal_pengaduan": tanggal(aduan.tanggal_terima),
                    "perihal_pengaduan": aduan.perihal,
                    "hasil_pengaduan": aduan.hasil,
                    "jawaban_pengaduan": aduan.jawaban,
                },
            ),
            request.out_dir,
        ),
        progress,
    )
    adu.set_register(db, actor, aduan.id, hasil.register_ids[0])
    return hasil


@dataclass(frozen=True)
class SanksiMoralRequest:
    kasus_id: str
    out_dir: Path
    tanggal: date | None = None  # the decision's date (default: the majelis's finding)


@dokumen
def issue_sanksi_moral(
    db: Database, actor: str, request: SanksiMoralRequest, progress: Progress = NO_PROGRESS
) -> dokumen_jobs.HasilTerbit:
    """Issue the written moral sanction of a proven ethics case (template SANKSI_MORAL) and link
    its number and register entry to the case."""
    kasus = ek.check_surat(db, actor, request.kasus_id)
    butir = {p.kode: p.isi for p in ek.list_pasal(db)}
    sanksi = kasus.sanksi_label
    templat_bawaan.seed_templates(db)
    hasil = dokumen_jobs.issue(
        db,
        actor,
        dokumen_jobs.IssueRequest(
            Permintaan(
                templat=templat_bawaan.SANKSI_MORAL.kode,
                nips=(kasus.nip,),
                tanggal=request.tanggal or kasus.tanggal_putus or date.today(),
                jenis="asli",
                nilai={
                    "sanksi_moral": sanksi[:1].lower() + sanksi[1:],
                    "dugaan_pelanggaran": kasus.dugaan[:1].lower() + kasus.dugaan[1:],
                    "tanggal_putusan": tanggal(kasus.tanggal_putus),
                    # The points' words, not Merit's internal codes (a decree an official signs).
                    "butir_kode_etik": "; ".join(butir.get(k, k).rstrip(".") for k in kasus.pasal),
                },
            ),
            request.out_dir,
        ),
        progress,
    )
    ek.set_surat(db, actor, kasus.id, hasil.nomor[0], hasil.register_ids[0])
    return hasil
