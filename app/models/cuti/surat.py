"""The surat izin cuti as an editable template of the document engine (one template, the kind of
leave as a value), the values a leave record gives it, and the link from the record to the
register entry of its letter.

The wording follows the surat izin cuti of Peraturan BKN 24/2017's annexes (Anak Lampiran
I.b-I.g: "Diberikan cuti ... kepada Pegawai Negeri Sipil: nama, NIP, pangkat/golongan ruang,
jabatan, satuan organisasi, selama ..., terhitung mulai tanggal ... s.d. ..., dengan ketentuan
sebagai berikut: a. sebelum menjalankan cuti wajib menyerahkan pekerjaannya kepada atasan
langsungnya ...; b. setelah selesai menjalankan cuti wajib melaporkan diri ...") [P: the text as
quoted by regional BKD pages; the annex layout itself is approximated by the engine's surat
dinas]. The classification code of the number format is [?] (asn-rules 11.5); the admin edits
the template (Dokumen SK > Templat) and must fill in the signatory before the first letter.
"""

from __future__ import annotations

import sqlite3

from app.i18n import tanggal, tr
from app.models.access.akses import require
from app.models.cuti.permohonan import Cuti, get_cuti
from app.models.dokumen.isian import terbilang
from app.models.dokumen.templat import DiktumTemplat, Templat, template_to_row
from app.models.errors import ValidationError
from app.models.rules.cuti import HARI_KERJA
from app.models.storage.db import Database
from app.models.storage.store import Store

KODE_TEMPLAT = "IZIN_CUTI"

IZIN_CUTI = Templat(
    kode=KODE_TEMPLAT,
    nama="Surat izin cuti (per orang, semua jenis cuti)",
    bentuk="SURAT",
    judul="SURAT IZIN CUTI",
    pejabat="{kepala_instansi}",
    tentang="Izin {jenis_cuti}",
    format_nomor="800.1.11/{nomor}/CUTI/{tahun}",  # [?] classification sub-code
    diktum=(
        DiktumTemplat(
            "Diberikan {jenis_cuti} untuk tahun {tahun_cuti} kepada Pegawai Aparatur Sipil Negara:",
            (
                ("Nama", "{nama_lengkap}"),
                ("NIP", "{nip}"),
                ("Pangkat/golongan ruang", "{pangkat_golongan}"),
                ("Jabatan", "{jabatan}"),
                ("Satuan organisasi", "{unit}"),
            ),
            "selama {lama_cuti}, terhitung mulai tanggal {tanggal_mulai_cuti} sampai dengan "
            "tanggal {tanggal_selesai_cuti}, dengan alamat selama menjalankan cuti {alamat_cuti}, "
            "dengan ketentuan sebagai berikut:",
        ),
        DiktumTemplat(
            "a. Sebelum menjalankan cuti wajib menyerahkan pekerjaannya kepada atasan langsungnya "
            "atau pejabat lain yang ditentukan.",
            (),
            "b. Setelah selesai menjalankan cuti wajib melaporkan diri kepada atasan langsungnya "
            "dan bekerja kembali sebagaimana biasa.",
        ),
        DiktumTemplat(
            "Demikian surat izin cuti ini dibuat untuk dapat digunakan sebagaimana mestinya."
        ),
    ),
    tembusan=("Atasan langsung yang bersangkutan;", "Pegawai yang bersangkutan;", "Arsip."),
    kop="INSTANSI",
    dengan_rahmat=False,
    ttd_jabatan="KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
    alamat_penerima="Sdr. {nama_lengkap} di Tempat",
)


def seed_template(db: Database, *, actor: str = "sistem") -> bool:
    """Add the surat izin cuti template when it is missing (idempotent)."""
    conn = db.conn
    if conn.execute("SELECT 1 FROM templat_dokumen WHERE kode = ?", (KODE_TEMPLAT,)).fetchone():
        return False
    with Store(db).write(tr("Menyiapkan templat surat izin cuti"), actor=actor) as tx:
        tx.insert("templat_dokumen", template_to_row(IZIN_CUTI))
    return True


def lama_teks(c: Cuti) -> str:
    """'3 (tiga) hari kerja' / '90 (sembilan puluh) hari'."""
    unit = tr("hari kerja") if c.satuan == HARI_KERJA else tr("hari")
    return f"{c.lama} ({terbilang(c.lama)}) {unit}"


def nilai_surat(c: Cuti) -> dict[str, str]:
    """The leave values of the letter's placeholders."""
    return {
        "jenis_cuti": c.jenis_nama.lower(),
        "tahun_cuti": str(c.tahun),
        "lama_cuti": lama_teks(c),
        "tanggal_mulai_cuti": tanggal(c.mulai),
        "tanggal_selesai_cuti": tanggal(c.selesai),
        "alamat_cuti": c.alamat or "-",
        "alasan_cuti": c.alasan or "-",
    }


def check_surat(db: Database, cuti_id: str, *, actor: str) -> Cuti:
    """The approved leave a letter may be issued for (refused: not approved, already issued)."""
    require(db, actor, "dokumen.terbitkan")
    c = get_cuti(db.conn, cuti_id)
    require(db, actor, "cuti.ajukan", pegawai_id=c.pegawai_id)
    if c.status != "DISETUJUI":
        raise ValidationError(
            tr(
                "Surat izin cuti hanya untuk cuti yang disetujui; cuti {nip} {m} berstatus {s}.",
                nip=c.nip,
                m=tanggal(c.mulai),
                s=c.status_label.lower(),
            ),
            field="status",
        )
    if c.register_id and _registered(db.conn, c.register_id):
        raise ValidationError(
            tr(
                "Surat izin cuti {nip} {m} sudah terbit; batalkan dulu di register bila "
                "perlu diterbitkan ulang.",
                nip=c.nip,
                m=tanggal(c.mulai),
            ),
            field="register",
        )
    return c


def _registered(conn: sqlite3.Connection, register_id: str) -> bool:
    row = conn.execute(
        "SELECT status FROM register_dokumen WHERE id = ? AND deleted = 0", (register_id,)
    ).fetchone()
    return bool(row) and row[0] != "BATAL"


def record_surat(db: Database, cuti_id: str, register_id: str, *, actor: str) -> None:
    with Store(db).write(tr("Mencatat surat izin cuti"), actor=actor) as tx:
        tx.update("cuti", cuti_id, {"register_id": register_id})
