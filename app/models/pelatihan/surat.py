"""The documents of a training event through the document engine (issue 15 item 4): the surat
tugas assigning the participants to attend and the daftar peserta, each a template of bentuk
TUGAS (one document for all the participants), numbered in the register and verifiable like
any decree.

The wording follows the surat tugas of tata naskah dinas (Permendagri 1/2023: "Dasar",
"MENUGASKAN", "Kepada", "Untuk"); the legal basis and the classification code of the number
formats are [?] (asn-rules 11.5): the admin edits both templates (Dokumen SK > Templat) and must
set the signatory before the first document. Who takes part is the event's list; the surat
tugas names those still registered or passed (not those marked absent).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import angka, tanggal, tr
from app.models.access.akses import require
from app.models.dokumen.templat import DiktumTemplat, KolomLampiran, Templat, template_to_row
from app.models.errors import ValidationError
from app.models.pelatihan.acara import (
    BATAL,
    TIDAK_HADIR,
    Acara,
    Peserta,
    bentuk_label,
    get_acara,
    get_katalog,
    list_peserta,
    status_label,
)
from app.models.storage.db import Database
from app.models.storage.store import Store

_KEPALA = "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
_PP_MANAJEMEN = (
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
    "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;"
)

SURAT_TUGAS = Templat(
    kode="SURAT_TUGAS_PELATIHAN",
    nama="Surat tugas mengikuti pelatihan",
    bentuk="TUGAS",
    judul="SURAT TUGAS",
    pejabat="{kepala_instansi}",
    tentang="Penugasan mengikuti {nama_pelatihan}",
    format_nomor="800.1.6/{nomor}/ST-DIKLAT/{tahun}",  # [?] classification sub-code
    mengingat=(
        _PP_MANAJEMEN,
        "Rencana pengembangan kompetensi pegawai {nama_instansi} tahun {tahun}.",
    ),
    menetapkan="MENUGASKAN:",
    diktum=(
        DiktumTemplat(
            "Mengikuti {nama_pelatihan} ({jp_pelatihan} JP) yang diselenggarakan oleh "
            "{penyelenggara_pelatihan} pada tanggal {tanggal_pelatihan} bertempat di "
            "{tempat_pelatihan};"
        ),
        DiktumTemplat(
            "Melaporkan hasil pelaksanaan tugas kepada atasan langsung paling lambat 7 (tujuh) "
            "hari kerja setelah pelatihan selesai;"
        ),
        DiktumTemplat(
            "Melaksanakan tugas ini dengan penuh tanggung jawab.",
            penutup="Demikian surat tugas ini dibuat untuk dilaksanakan sebagaimana mestinya.",
        ),
    ),
    tembusan=("Kepala perangkat daerah peserta;", "Arsip."),
    kop="INSTANSI",
    dengan_rahmat=False,
    ttd_jabatan=_KEPALA,
    lampiran_judul=("DAFTAR PEGAWAI YANG DITUGASKAN MENGIKUTI", "{nama_pelatihan}"),
    lampiran_kolom=(
        KolomLampiran("No.", "{no}", 0.55, rata="CENTER"),
        KolomLampiran("Nama", "{nama_lengkap}", 2.3),
        KolomLampiran("NIP", "{nip}", 2.45),
        KolomLampiran("Pangkat/Gol.", "{pangkat_golongan}", 1.8),
        KolomLampiran("Jabatan", "{jabatan}", 2.1),
        KolomLampiran("Unit kerja", "{unit}", 2.0),
    ),
    alamat_penerima="{unit}",
)

DAFTAR_PESERTA = Templat(
    kode="DAFTAR_PESERTA_PELATIHAN",
    nama="Daftar peserta pelatihan",
    bentuk="TUGAS",
    judul="DAFTAR PESERTA PELATIHAN",
    pejabat="{kepala_instansi}",
    tentang="Daftar peserta {nama_pelatihan}",
    format_nomor="800.1.6/{nomor}/DP-DIKLAT/{tahun}",  # [?] classification sub-code
    diktum=(
        DiktumTemplat(
            "Pelatihan:",
            (
                ("Nama pelatihan", "{nama_pelatihan}"),
                ("Tanggal", "{tanggal_pelatihan}"),
                ("Penyelenggara", "{penyelenggara_pelatihan}"),
                ("Tempat", "{tempat_pelatihan}"),
                ("Bentuk", "{bentuk_pelatihan}"),
                ("Jumlah jam pelajaran", "{jp_pelatihan} JP"),
                ("Jumlah peserta", "{jumlah_peserta} orang"),
            ),
        ),
    ),
    kop="INSTANSI",
    dengan_rahmat=False,
    ttd_jabatan=_KEPALA,
    lampiran_kolom=(
        KolomLampiran("No.", "{no}", 0.5, rata="CENTER"),
        KolomLampiran("Nama / NIP", "{nama_lengkap}\n{nip}", 2.5),
        KolomLampiran("Gol.", "{golongan}", 0.55, rata="CENTER"),
        KolomLampiran("Jabatan", "{jabatan}", 2.15),
        KolomLampiran("Unit kerja", "{unit}", 2.15),
        KolomLampiran("Nomor sertifikat / keterangan", "{nomor_sertifikat}", 1.6),
    ),
    alamat_penerima="{unit}",
)

TEMPLATES = (SURAT_TUGAS, DAFTAR_PESERTA)


def seed_templates(db: Database, *, actor: str = "sistem") -> int:
    """Add the two templates when missing (idempotent). Returns how many were added."""
    have = {r[0] for r in db.conn.execute("SELECT kode FROM templat_dokumen")}
    missing = [t for t in TEMPLATES if t.kode not in have]
    if not missing:
        return 0
    with Store(db).write(tr("Menyiapkan templat surat tugas pelatihan"), actor=actor) as tx:
        for t in missing:
            tx.insert("templat_dokumen", template_to_row(t))
    return len(missing)


def rentang_tanggal(mulai: str, selesai: str) -> str:
    """'2 Maret 2026' or '2 s.d. 4 Maret 2026' / '30 Maret s.d. 2 April 2026'."""
    if mulai == selesai:
        return tanggal(mulai)
    a, b = tanggal(mulai).split(" "), tanggal(selesai).split(" ")
    if a[2] == b[2] and a[1] == b[1]:
        return f"{a[0]} s.d. {tanggal(selesai)}"
    if a[2] == b[2]:
        return f"{a[0]} {a[1]} s.d. {tanggal(selesai)}"
    return f"{tanggal(mulai)} s.d. {tanggal(selesai)}"


@dataclass(frozen=True)
class IsiDokumen:
    """What the documents of an event are filled with: the people (NIP order of the list)
    and the values of the event and of each person."""

    acara: Acara
    peserta: tuple[Peserta, ...]
    nilai: dict[str, str]
    nilai_pegawai: dict[str, dict[str, str]]


def isi_dokumen(db: Database, acara_id: str, *, actor: str, surat_tugas: bool) -> IsiDokumen:
    """The values of an event's surat tugas (``surat_tugas``) or daftar peserta. Refused for a
    cancelled event and one without participants; the surat tugas leaves out those marked
    absent. Needs ``pelatihan.kelola`` (the documents name people)."""
    require(db, actor, "pelatihan.kelola")
    conn = db.conn
    acara = get_acara(conn, acara_id)
    if acara.status == BATAL:
        raise ValidationError(
            tr("Acara {n} dibatalkan: tidak ada dokumen yang dibuat.", n=acara.nama),
            field="acara",
        )
    peserta = tuple(
        p for p in list_peserta(conn, acara_id) if not (surat_tugas and p.status == TIDAK_HADIR)
    )
    if not peserta:
        raise ValidationError(
            tr("Acara {n} belum memiliki peserta; tambahkan peserta dulu.", n=acara.nama),
            field="peserta",
        )
    k = get_katalog(conn, acara.katalog_id)
    nilai = {
        "nama_pelatihan": acara.nama,
        "tanggal_pelatihan": rentang_tanggal(acara.tanggal_mulai, acara.tanggal_selesai),
        "penyelenggara_pelatihan": acara.penyelenggara or "-",
        "tempat_pelatihan": acara.tempat or "-",
        "jp_pelatihan": angka(acara.jp),
        "bentuk_pelatihan": bentuk_label(k.bentuk),
        "jumlah_peserta": angka(len(peserta)),
    }
    per = {
        p.nip: {
            "nomor_sertifikat": p.nomor_sertifikat
            or (status_label(p.status) if p.status == TIDAK_HADIR else "-"),
            "status_peserta": status_label(p.status),
        }
        for p in peserta
    }
    return IsiDokumen(acara, peserta, nilai, per)
