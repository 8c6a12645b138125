"""The default decree templates, and their seeding (:func:`seed_templates`).

These are DATA, not rules: the admin edits them per region (Dokumen SK > Templat), and they
replicate. The wording follows the skeleton of asn-rules 11.2-11.4 and real regional SKs; it is
illustrative. Legal citations marked [?] below were not checked against the official text
(JDIH / peraturan.bpk.go.id) and must be confirmed by the region's legal section before use:

* PP 5/2024 as the latest amendment of PP 7/1977 on gaji PNS [?];
* the title of Peraturan BKN 4/2023 ("periodisasi kenaikan pangkat", asn-rules 5.1) [?];
* the classification codes of the number formats (asn-rules 11.5: sub-codes are [?]).

Signatory names are left empty on purpose: the decree takes the agency's person for the role
its jabatan names (pengaturan Instansi, :mod:`app.models.dokumen.penandatangan`), and is refused
while that is not set either, so that no made-up name is ever printed on an official document.
The paper is left empty too (the agency's default).
"""

from __future__ import annotations

import sqlite3

from app.i18n import tr
from app.models.dokumen.templat import DiktumTemplat, KolomLampiran, Templat, template_to_row
from app.models.storage.db import Database
from app.models.storage.store import Store, WriteTx

_UU_ASN = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;"
_UU_PEMDA = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa "
    "kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan "
    "Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi "
    "Undang-Undang;"
)
_PP_GAJI = (  # [?] latest amendment
    "Peraturan Pemerintah Nomor 7 Tahun 1977 tentang Peraturan Gaji Pegawai Negeri Sipil "
    "sebagaimana telah beberapa kali diubah terakhir dengan Peraturan Pemerintah Nomor 5 Tahun "
    "2024;"
)
_PP_KP = (
    "Peraturan Pemerintah Nomor 99 Tahun 2000 tentang Kenaikan Pangkat Pegawai Negeri Sipil "
    "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 12 Tahun 2002;"
)
_PP_MANAJEMEN = (
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
    "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;"
)
_PERBKN_KP = (  # [?] title
    "Peraturan Badan Kepegawaian Negara Nomor 4 Tahun 2023 tentang Periodisasi Kenaikan "
    "Pangkat Pegawai Negeri Sipil;"
)
_BERLAKU = (
    "Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian "
    "hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya."
)
_TEMBUSAN = (
    "Kepala Badan Kepegawaian Negara di Jakarta;",
    "Kepala Kantor Regional Badan Kepegawaian Negara yang bersangkutan;",
    "Inspektur {daerah} di {ibu_kota};",
    "Kepala Badan Pengelolaan Keuangan dan Aset Daerah {daerah} di {ibu_kota};",
    "Pegawai yang bersangkutan;",
    "Arsip.",
)
_KEPALA_BKPSDM = "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"

SK_KP = Templat(
    kode="SK_KP",
    nama="Kenaikan Pangkat (per orang)",
    bentuk="PERORANGAN",
    pejabat="{kepala_daerah}",
    tentang="Kenaikan Pangkat Pegawai Negeri Sipil",
    format_nomor="800.1.3.2/{nomor}/BKPSDM/{tahun}",
    menimbang=(
        "bahwa Pegawai Negeri Sipil yang namanya tersebut dalam Diktum KESATU Keputusan ini "
        "telah memenuhi syarat untuk dinaikkan pangkatnya setingkat lebih tinggi;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan {sebutan_kepala_daerah} tentang Kenaikan Pangkat Pegawai Negeri Sipil;",
    ),
    mengingat=(_UU_ASN, _PP_GAJI, _PP_KP, _PP_MANAJEMEN, _PERBKN_KP),
    memperhatikan=(
        "Pertimbangan Teknis Badan Kepegawaian Negara Nomor {pertek_nomor} tanggal "
        "{pertek_tanggal};",
    ),
    diktum=(
        DiktumTemplat(
            "Menaikkan pangkat Pegawai Negeri Sipil:",
            (
                ("Nama", "{nama_lengkap}"),
                ("NIP", "{nip}"),
                ("Tempat, tanggal lahir", "{tempat_tanggal_lahir}"),
                ("Pangkat/gol. ruang lama", "{pangkat_golongan} TMT {tmt_golongan}"),
                ("Masa kerja golongan lama", "{masa_kerja_lama} (TMT {tmt_gaji_lama})"),
                ("Jabatan", "{jabatan}"),
                ("Unit kerja", "{unit}"),
            ),
            "menjadi {pangkat_golongan_baru} terhitung mulai tanggal {tmt} dengan masa kerja "
            "golongan {masa_kerja} dan gaji pokok {gaji_pokok} ({gaji_pokok_terbilang}).",
        ),
        DiktumTemplat(
            "Kepada Pegawai Negeri Sipil sebagaimana dimaksud dalam Diktum KESATU diberikan "
            "penghasilan sesuai dengan ketentuan peraturan perundang-undangan."
        ),
        DiktumTemplat(_BERLAKU),
    ),
    tembusan=_TEMBUSAN,
    kop="KEPALA_DAERAH",
    ttd_jabatan="SEKRETARIS DAERAH",
    ttd_varian="a.n.",
    ttd_atas_nama="{kepala_daerah}",
    sah_jabatan=_KEPALA_BKPSDM,
    alamat_penerima="{unit}",
    tmt_bawaan="PERIODE_KP",
)

_KOLOM_DASAR = (
    KolomLampiran("NO", "{no}.", 0.5, rata="CENTER"),
    KolomLampiran("NAMA / NIP", "{nama_lengkap}\nNIP. {nip}", 2.4),
    KolomLampiran("PANGKAT / GOL. RUANG", "{pangkat_golongan}", 1.6),
)

SK_JABATAN = Templat(
    kode="SK_JABATAN",
    nama="Pengangkatan dalam Jabatan (kolektif)",
    bentuk="KOLEKTIF",
    pejabat="{kepala_daerah}",
    tentang="Pengangkatan Pegawai Negeri Sipil dalam Jabatan",
    format_nomor="800.1.3.3/{nomor}/BKPSDM/{tahun}",
    menimbang=(
        "bahwa dalam rangka meningkatkan kinerja dan efektivitas penyelenggaraan pemerintahan "
        "daerah, perlu mengangkat Pegawai Negeri Sipil dalam jabatan;",
        "bahwa Pegawai Negeri Sipil yang namanya tercantum dalam Lampiran Keputusan ini "
        "dipandang telah memenuhi syarat untuk diangkat dalam jabatan;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        "menetapkan Keputusan {sebutan_kepala_daerah} tentang Pengangkatan Pegawai Negeri Sipil "
        "dalam Jabatan;",
    ),
    mengingat=(_UU_PEMDA, _UU_ASN, _PP_MANAJEMEN),
    diktum=(
        DiktumTemplat(
            "Mengangkat Pegawai Negeri Sipil yang namanya tercantum dalam kolom (2) Lampiran "
            "Keputusan ini dalam jabatan sebagaimana tercantum dalam kolom (5) dan unit kerja "
            "dalam kolom (6), yang merupakan bagian tidak terpisahkan dari Keputusan ini."
        ),
        DiktumTemplat(
            "Kepada Pegawai Negeri Sipil sebagaimana dimaksud dalam Diktum KESATU diberikan hak "
            "keuangan dan fasilitas sesuai dengan ketentuan peraturan perundang-undangan."
        ),
        DiktumTemplat(_BERLAKU),
    ),
    tembusan=_TEMBUSAN,
    kop="KEPALA_DAERAH",
    ttd_jabatan="{kepala_daerah}",
    sah_jabatan=_KEPALA_BKPSDM,
    lampiran_judul=("DAFTAR PEGAWAI NEGERI SIPIL YANG DIANGKAT DALAM JABATAN",),
    lampiran_kolom=(
        *_KOLOM_DASAR,
        KolomLampiran("LAMA", "{jabatan}\n{unit}", 2.2, grup="JABATAN"),
        KolomLampiran("BARU", "{jabatan_baru}", 2.0, grup="JABATAN"),
        KolomLampiran("UNIT KERJA BARU", "{unit_baru}", 2.0),
        KolomLampiran("KET.", "", 0.7),
    ),
    lampiran_mendatar=True,
    alamat_penerima="{unit_baru}",
)

SK_MUTASI = Templat(
    kode="SK_MUTASI",
    nama="Mutasi / Pemindahan (kolektif)",
    bentuk="KOLEKTIF",
    pejabat="{kepala_daerah}",
    tentang="Pemindahan Pegawai Negeri Sipil",
    format_nomor="800.1.3.1/{nomor}/BKPSDM/{tahun}",
    menimbang=(
        "bahwa dalam rangka pembinaan karier dan pemerataan Pegawai Negeri Sipil di lingkungan "
        "Pemerintah {daerah}, perlu melakukan pemindahan Pegawai Negeri Sipil;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan {sebutan_kepala_daerah} tentang Pemindahan Pegawai Negeri Sipil;",
    ),
    mengingat=(_UU_PEMDA, _UU_ASN, _PP_MANAJEMEN),
    diktum=(
        DiktumTemplat(
            "Memindahkan Pegawai Negeri Sipil yang namanya tercantum dalam kolom (2) Lampiran "
            "Keputusan ini dari unit kerja lama sebagaimana tercantum dalam kolom (4) ke unit "
            "kerja baru sebagaimana tercantum dalam kolom (5)."
        ),
        DiktumTemplat(
            "Pegawai Negeri Sipil sebagaimana dimaksud dalam Diktum KESATU wajib melaksanakan "
            "tugas pada unit kerja yang baru paling lambat 14 (empat belas) hari sejak tanggal "
            "Keputusan ini ditetapkan."
        ),
        DiktumTemplat(_BERLAKU),
    ),
    tembusan=_TEMBUSAN,
    kop="KEPALA_DAERAH",
    ttd_jabatan="{kepala_daerah}",
    sah_jabatan=_KEPALA_BKPSDM,
    lampiran_judul=("DAFTAR PEGAWAI NEGERI SIPIL YANG DIPINDAHKAN",),
    lampiran_kolom=(
        *_KOLOM_DASAR,
        KolomLampiran("LAMA", "{jabatan}\n{unit}", 2.4, grup="JABATAN / UNIT KERJA"),
        KolomLampiran("BARU", "{jabatan_baru}\n{unit_baru}", 2.4, grup="JABATAN / UNIT KERJA"),
        KolomLampiran("KET.", "", 0.7),
    ),
    lampiran_mendatar=True,
    alamat_penerima="{unit_baru}",
)

# KGB: the "Surat Pemberitahuan Kenaikan Gaji Berkala", a LETTER (surat dinas) of the agency head
# (asn-rules 10.3, 11.1), not a Keputusan: bentuk SURAT (see dokumen._letter_builder for the fields
# a letter uses). The first dictum block opens the letter and holds data lines 1-6 (with the
# sub-lines about the last decree on the salary), the second holds lines 7-11, the third closes.
_PP_GAJI_TEKS = _PP_GAJI.rstrip(";")
KGB = Templat(
    kode="KGB",
    nama="Surat Pemberitahuan Kenaikan Gaji Berkala (per orang)",
    bentuk="SURAT",
    judul="SURAT",
    pejabat="{kepala_instansi}",
    tentang="Kenaikan Gaji Berkala",
    format_nomor="800.1.11.13/{nomor}/BKPSDM/{tahun}",
    diktum=(
        DiktumTemplat(
            "Dengan ini diberitahukan bahwa berhubung dengan telah dipenuhinya masa kerja dan "
            "syarat-syarat lainnya kepada:",
            (
                ("Nama", "{nama_lengkap}"),
                ("NIP", "{nip}"),
                ("Pangkat/golongan ruang", "{pangkat_golongan}"),
                ("Jabatan", "{jabatan}"),
                ("Unit kerja", "{unit}"),
                ("Gaji pokok lama", "{gaji_pokok_lama}"),
                ("(atas dasar surat keputusan terakhir tentang gaji/pangkat yang ditetapkan)", ""),
                ("a. oleh pejabat", "{sk_lama_pejabat}"),
                ("b. tanggal", "{sk_lama_tanggal}"),
                ("c. nomor", "{sk_lama_nomor}"),
                ("d. tanggal mulai berlakunya gaji tersebut", "{tmt_gaji_lama}"),
                ("e. masa kerja golongan pada tanggal tersebut", "{masa_kerja_lama}"),
            ),
        ),
        DiktumTemplat(
            "diberikan kenaikan gaji berkala hingga memperoleh:",
            (
                ("Gaji pokok baru", "{gaji_pokok} ({gaji_pokok_terbilang})"),
                ("Berdasarkan masa kerja", "{masa_kerja}"),
                ("Dalam golongan ruang", "{pangkat_golongan_baru}"),
                ("Mulai tanggal", "{tmt}"),
                ("Kenaikan gaji berkala berikutnya", "{kgb_berikutnya}"),
            ),
        ),
        DiktumTemplat(
            "Diharapkan agar sesuai dengan "
            + _PP_GAJI_TEKS
            + ", kepada pegawai tersebut dapat dibayarkan penghasilannya berdasarkan gaji pokok "
            "yang baru."
        ),
    ),
    tembusan=(
        "Kepala Badan Kepegawaian Negara di Jakarta;",
        "Kepala PT Taspen (Persero) yang bersangkutan;",
        "Inspektur {daerah} di {ibu_kota};",
        "Pegawai yang bersangkutan;",
        "Arsip.",
    ),
    kop="INSTANSI",
    dengan_rahmat=False,
    ttd_jabatan=_KEPALA_BKPSDM,
    sah_jabatan="SEKRETARIS",
    alamat_penerima="Kepala Badan Pengelolaan Keuangan dan Aset Daerah {daerah} di Tempat",
    tmt_bawaan="KGB",
)

# Discipline (PP 94/2021 Ps. 27, asn-rules 9.3): the written summons of the direct superior, a
# LETTER about one employee; the values of the case come from app/jobs/integritas.py. The
# classification code of the number format is [?] (asn-rules 11.5).
PANGGILAN_DISIPLIN = Templat(
    kode="PANGGILAN_DISIPLIN",
    nama="Surat Panggilan Pemeriksaan Disiplin (per orang)",
    bentuk="SURAT",
    judul="SURAT",
    pejabat="{kepala_instansi}",
    tentang="Panggilan {panggilan_ke}",
    format_nomor="800.1.6.4/{nomor}/BKPSDM/{tahun}",
    diktum=(
        DiktumTemplat(
            "Untuk kepentingan pemeriksaan dugaan pelanggaran disiplin, dengan ini diminta "
            "kehadiran Saudara:",
            (
                ("Nama", "{nama_lengkap}"),
                ("NIP", "{nip}"),
                ("Pangkat/golongan ruang", "{pangkat_golongan}"),
                ("Jabatan", "{jabatan}"),
                ("Unit kerja", "{unit}"),
            ),
        ),
        DiktumTemplat(
            "untuk menghadap kepada:",
            (
                ("Pemeriksa", "{pemeriksa_disiplin}"),
                ("Hari, tanggal", "{tanggal_periksa}"),
                ("Tempat", "{tempat_periksa}"),
            ),
        ),
        DiktumTemplat(
            "untuk diperiksa sehubungan dengan dugaan pelanggaran disiplin, yaitu "
            "{dugaan_pelanggaran}. Demikian untuk dilaksanakan."
        ),
    ),
    tembusan=("Pejabat yang berwenang menghukum;", "Arsip."),
    kop="INSTANSI",
    dengan_rahmat=False,
    ttd_jabatan="ATASAN LANGSUNG",
    alamat_penerima="Saudara {nama_lengkap} di Tempat",
)

# The decision (PP 94/2021; asn-rules 9.3): a Keputusan about one employee, issued by the
# official authorised for the level (ref_pejabat_hukdis [?]); the penalty takes effect on the
# 15th day after receipt. Legal wording illustrative; the classification code is [?].
SK_HUKDIS = Templat(
    kode="SK_HUKDIS",
    nama="Keputusan Penjatuhan Hukuman Disiplin (per orang)",
    bentuk="PERORANGAN",
    pejabat="{kepala_daerah}",
    tentang="Penjatuhan Hukuman Disiplin",
    format_nomor="800.1.6.4/{nomor}/SK-HD/{tahun}",
    menimbang=(
        "bahwa berdasarkan hasil pemeriksaan, Pegawai Negeri Sipil yang namanya tersebut dalam "
        "Diktum KESATU Keputusan ini terbukti melakukan pelanggaran disiplin, yaitu "
        "{dugaan_pelanggaran};",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan tentang Penjatuhan Hukuman Disiplin;",
    ),
    mengingat=(
        _UU_ASN,
        _PP_MANAJEMEN,
        "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil;",
        "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022 tentang Peraturan Pelaksanaan "
        "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil;",
    ),
    diktum=(
        DiktumTemplat(
            "Menjatuhkan hukuman disiplin berupa {hukuman_disiplin} kepada:",
            (
                ("Nama", "{nama_lengkap}"),
                ("NIP", "{nip}"),
                ("Pangkat/golongan ruang", "{pangkat_golongan}"),
                ("Jabatan", "{jabatan}"),
                ("Unit kerja", "{unit}"),
            ),
        ),
        DiktumTemplat(
            "Hukuman disiplin sebagaimana dimaksud dalam Diktum KESATU mulai berlaku pada hari "
            "ke-15 (lima belas) terhitung sejak Keputusan ini diterima oleh yang bersangkutan."
        ),
        DiktumTemplat("Keputusan ini mulai berlaku pada tanggal ditetapkan."),
    ),
    tembusan=(
        "Kepala Badan Kepegawaian Negara di Jakarta;",
        "Inspektur {daerah} di {ibu_kota};",
        "Pegawai yang bersangkutan;",
        "Arsip.",
    ),
    kop="KEPALA_DAERAH",
    ttd_jabatan="{kepala_daerah}",
    sah_jabatan=_KEPALA_BKPSDM,
    alamat_penerima="{unit}",
)

# Public complaints: the reply to the complainant (Perpres 76/2013), a LETTER to someone who is
# not an employee (Permintaan.tanpa_pegawai); the values come from the complaint.
JAWABAN_PENGADUAN = Templat(
    kode="JAWABAN_PENGADUAN",
    nama="Surat Jawaban Pengaduan Masyarakat",
    bentuk="SURAT",
    judul="SURAT",
    pejabat="{kepala_instansi}",
    tentang="Jawaban atas pengaduan {perihal_pengaduan}",
    format_nomor="000.9/{nomor}/BKPSDM/{tahun}",
    diktum=(
        DiktumTemplat(
            "Menindaklanjuti pengaduan Saudara yang kami terima pada tanggal "
            "{tanggal_pengaduan} (nomor register {nomor_pengaduan}), bersama ini kami "
            "sampaikan:",
            (
                ("Hasil penanganan", "{hasil_pengaduan}"),
                ("Tanggapan", "{jawaban_pengaduan}"),
            ),
        ),
        DiktumTemplat(
            "Demikian kami sampaikan. Atas perhatian dan peran serta Saudara dalam pengawasan "
            "pelayanan publik, kami ucapkan terima kasih."
        ),
    ),
    tembusan=("Arsip.",),
    kop="INSTANSI",
    dengan_rahmat=False,
    ttd_jabatan=_KEPALA_BKPSDM,
    alamat_penerima="Saudara {nama_pelapor} di {alamat_pelapor}",
)

# Code of ethics (PP 42/2004 Ps. 15-16 [?]): the moral sanction is made in writing and stated by
# the Pejabat Pembina Kepegawaian, closed or open; the values come from the ethics case.
SANKSI_MORAL = Templat(
    kode="SANKSI_MORAL",
    nama="Keputusan Sanksi Moral Pelanggaran Kode Etik (per orang)",
    bentuk="PERORANGAN",
    pejabat="{kepala_daerah}",
    tentang="Penjatuhan Sanksi Moral atas Pelanggaran Kode Etik Pegawai Negeri Sipil",
    format_nomor="800.1.6.5/{nomor}/SM-KE/{tahun}",
    menimbang=(
        "bahwa berdasarkan putusan Majelis Kode Etik tanggal {tanggal_putusan}, Pegawai Negeri "
        "Sipil yang namanya tersebut dalam Diktum KESATU Keputusan ini terbukti melanggar kode "
        "etik, yaitu {dugaan_pelanggaran};",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan tentang Penjatuhan Sanksi Moral;",
    ),
    mengingat=(
        _UU_ASN,
        _PP_MANAJEMEN,
        "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik "
        "Pegawai Negeri Sipil;",
    ),
    diktum=(
        DiktumTemplat(
            "Menjatuhkan sanksi moral berupa {sanksi_moral} kepada:",
            (
                ("Nama", "{nama_lengkap}"),
                ("NIP", "{nip}"),
                ("Pangkat/golongan ruang", "{pangkat_golongan}"),
                ("Jabatan", "{jabatan}"),
                ("Unit kerja", "{unit}"),
            ),
        ),
        DiktumTemplat("Butir kode etik yang dilanggar: {butir_kode_etik}."),
        DiktumTemplat("Keputusan ini mulai berlaku pada tanggal ditetapkan."),
    ),
    tembusan=("Inspektur {daerah} di {ibu_kota};", "Pegawai yang bersangkutan;", "Arsip."),
    kop="KEPALA_DAERAH",
    ttd_jabatan="{kepala_daerah}",
    sah_jabatan=_KEPALA_BKPSDM,
    alamat_penerima="{unit}",
)

DEFAULT_TEMPLATES: tuple[Templat, ...] = (
    SK_KP,
    SK_JABATAN,
    SK_MUTASI,
    KGB,
    PANGGILAN_DISIPLIN,
    SK_HUKDIS,
    JAWABAN_PENGADUAN,
    SANKSI_MORAL,
)


def seed_templates(db: Database, *, actor: str = "sistem") -> int:
    """Add the default templates that are missing (idempotent). Returns how many were added.

    Ids derive from the codes, so installations that seed independently meet as one row.
    """
    if not _missing(db.conn):
        return 0
    with Store(db).write(tr("Menyiapkan templat dokumen bawaan"), actor=actor) as tx:
        return write_templates(tx, db.conn)


def _missing(conn: sqlite3.Connection) -> list[Templat]:
    have = {r[0] for r in conn.execute("SELECT kode FROM templat_dokumen")}
    return [t for t in DEFAULT_TEMPLATES if t.kode not in have]


def write_templates(tx: WriteTx, conn: sqlite3.Connection) -> int:
    """Add the missing default templates inside a write already open (the demo's)."""
    missing = _missing(conn)
    for t in missing:
        tx.insert("templat_dokumen", template_to_row(t))
    return len(missing)
