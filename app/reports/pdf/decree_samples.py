"""Sample decrees for previews, tests and the benchmark (illustrative wording, see asn-rules 11.2).

The real texts come from the templates the admin edits; these only show the engine's shape.
"""

from __future__ import annotations

from datetime import date

from app.models.dokumen.naskah import (
    Column,
    Decree,
    Dictum,
    Lampiran,
    LampiranRow,
    Letterhead,
    Penerima,
    Signatory,
)
from app.paths import resources_dir

SEKDA = Signatory(
    jabatan="SEKRETARIS DAERAH",
    nama="Drs. ADRIANUS F. PARERA, M.Si.",
    pangkat="Pembina Utama Madya (IV/d)",
    nip="196805121994031007",
    varian="a.n.",
    atas_nama="BUPATI SIKKA",
)
BUPATI = Signatory(jabatan="BUPATI SIKKA", nama="JUVENTUS PRIMA YORIS KAGO")
KEPALA_BKPSDM = Signatory(
    jabatan="KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
    nama="YOSEPH BENGE, S.Sos., M.M.",
    pangkat="Pembina Tingkat I (IV/b)",
    nip="197401011998031011",
    varian="a.n.",
    atas_nama="BUPATI SIKKA",
)


def letterhead_bupati() -> Letterhead:
    return Letterhead(
        heading=("BUPATI SIKKA", "PROVINSI NUSA TENGGARA TIMUR"),
        logo=resources_dir() / "logo-placeholder.png",
        logo_above=True,
        rule=False,
        emphasis=0,
    )


def letterhead_bkpsdm() -> Letterhead:
    return Letterhead(
        heading=(
            "PEMERINTAH KABUPATEN SIKKA",
            "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        ),
        address=(
            "Jalan El Tari Nomor 5, Maumere 86111, Telepon (0382) 21234",
            "Pos-el: bkpsdm@sikkakab.go.id, Laman: bkpsdm.sikkakab.go.id",
        ),
        logo=resources_dir() / "logo-placeholder.png",
    )


def person(i: int) -> tuple[str, str]:
    """A deterministic (nip, nama) for row ``i``."""
    born = f"19{80 + i % 20:02d}{1 + i % 12:02d}{1 + i % 28:02d}"
    nip = f"{born}20{10 + i % 10:02d}0{1 + i % 9}1{i % 1000:03d}"
    names = ("MARIA IMAKULATA", "YOHANES DE BRITO", "FRANSISKUS X. DA SILVA", "SITI NURHALIZA")
    return nip, f"{names[i % len(names)]} {i + 1}, S.Pd."


LAMPIRAN_COLUMNS = (
    Column("NO", 0.6, align="CENTER"),
    Column("NAMA / NIP", 2.5),
    Column("PANGKAT / GOL. RUANG", 1.5),
    Column("LAMA", 1.9, group="JABATAN"),
    Column("BARU", 1.9, group="JABATAN"),
    Column("UNIT KERJA", 1.6),
    Column("KET.", 0.7),
)


def mass_appointment(rows: int = 25, *, landscape: bool = False) -> Decree:
    """SK Pengangkatan dalam Jabatan Fungsional (mass, with a lampiran of old and new posts)."""
    people = [person(i) for i in range(rows)]
    table_rows = [
        LampiranRow(
            (
                f"{i + 1}.",
                f"{nama}\nNIP. {nip}",
                "Penata Muda Tingkat I (III/b)",
                "Pengadministrasi Perkantoran pada Subbagian Umum dan Kepegawaian",
                "Pranata Komputer Ahli Pertama",
                "Dinas Komunikasi dan Informatika",
                "",
            ),
            nip=nip,
        )
        for i, (nip, nama) in enumerate(people)
    ]
    return Decree(
        pejabat="BUPATI SIKKA",
        nomor="800.1.3.2/412/BKPSDM/2026",
        tentang="Pengangkatan Pegawai Negeri Sipil dalam Jabatan Fungsional melalui Penyesuaian",
        tanggal=date(2026, 11, 22),
        tempat="Maumere",
        penandatangan=BUPATI,
        menimbang=(
            "bahwa dalam rangka meningkatkan kapasitas organisasi dan penyederhanaan birokrasi, "
            "perlu mengangkat Pegawai Negeri Sipil dalam Jabatan Fungsional melalui "
            "penyesuaian/inpassing;",
            "bahwa Pegawai Negeri Sipil yang namanya tercantum dalam Lampiran Keputusan ini telah "
            "memenuhi syarat untuk diangkat dalam Jabatan Fungsional;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
            "menetapkan Keputusan Bupati tentang Pengangkatan Pegawai Negeri Sipil dalam Jabatan "
            "Fungsional melalui Penyesuaian;",
        ),
        mengingat=(
            "Undang-Undang Nomor 69 Tahun 1958 tentang Pembentukan Daerah-daerah Tingkat II dalam "
            "Wilayah Daerah-daerah Tingkat I Bali, Nusa Tenggara Barat dan Nusa Tenggara Timur;",
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah "
            "beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023;",
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
            "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
            "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;",
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 1 "
            "Tahun 2023 tentang Jabatan Fungsional;",
        ),
        diktum=(
            Dictum(
                "Mengangkat Pegawai Negeri Sipil yang namanya tercantum dalam kolom (2) Lampiran "
                "Keputusan ini dalam Jabatan Fungsional sebagaimana tercantum dalam kolom (5), "
                "yang merupakan bagian tidak terpisahkan dari Keputusan ini."
            ),
            Dictum(
                "Kepada Pegawai Negeri Sipil sebagaimana dimaksud dalam Diktum KESATU diberikan "
                "tunjangan jabatan fungsional sesuai dengan ketentuan peraturan perundang-undangan."
            ),
            Dictum(
                "Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di "
                "kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya."
            ),
        ),
        tembusan=(
            "Kepala Badan Kepegawaian Negara di Jakarta;",
            "Kepala Kantor Regional X Badan Kepegawaian Negara di Denpasar;",
            "Inspektur Kabupaten Sikka di Maumere;",
            "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Sikka di Maumere;",
            "Pegawai yang bersangkutan;",
            "Arsip.",
        ),
        letterhead=letterhead_bupati(),
        lampiran=Lampiran(
            columns=LAMPIRAN_COLUMNS,
            rows=table_rows,
            title=(
                "DAFTAR PEGAWAI NEGERI SIPIL YANG DIANGKAT DALAM JABATAN FUNGSIONAL",
                "MELALUI PENYESUAIAN",
            ),
            landscape=landscape,
        ),
        penerima=tuple(Penerima(nip, nama, "Maumere") for nip, nama in people),
        pengesah=KEPALA_BKPSDM,
    )


def promotion(
    nip: str = "198503172010012015", nama: str = "MARIA IMAKULATA DA GOMEZ, S.Pd."
) -> Decree:
    """SK Kenaikan Pangkat of one person (the data in the dictum)."""
    return Decree(
        pejabat="BUPATI SIKKA",
        nomor="800.1.3.2/0158/BKPSDM/2026",
        tentang="Kenaikan Pangkat Pegawai Negeri Sipil",
        tanggal=date(2026, 3, 25),
        tempat="Maumere",
        penandatangan=SEKDA,
        menimbang=(
            "bahwa Pegawai Negeri Sipil yang namanya tersebut dalam Diktum KESATU telah memenuhi "
            "syarat untuk dinaikkan pangkatnya setingkat lebih tinggi;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
            "Keputusan Bupati tentang Kenaikan Pangkat Pegawai Negeri Sipil;",
        ),
        mengingat=(
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
            "Peraturan Pemerintah Nomor 99 Tahun 2000 tentang Kenaikan Pangkat Pegawai Negeri "
            "Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 12 Tahun 2002;",
            "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
            "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;",
        ),
        memperhatikan=(
            "Persetujuan Teknis Kepala Kantor Regional X Badan Kepegawaian Negara Nomor "
            "PT-12345/KR.X/2026 tanggal 2 Maret 2026.",
        ),
        diktum=(
            Dictum(
                "Menaikkan pangkat Pegawai Negeri Sipil:",
                rincian=(
                    ("Nama", nama),
                    ("NIP", nip),
                    ("Tempat, tanggal lahir", "Maumere, 17 Maret 1985"),
                    ("Pangkat/gol. ruang lama", "Penata (III/c) TMT 1 April 2022"),
                    ("Jabatan", "Guru Ahli Muda pada SMP Negeri 1 Maumere"),
                    ("Masa kerja golongan", "16 tahun 0 bulan"),
                ),
                penutup="menjadi Penata Tingkat I (III/d) terhitung mulai tanggal 1 April 2026 "
                "dengan gaji pokok Rp4.699.300,00 (empat juta enam ratus sembilan puluh sembilan "
                "ribu tiga ratus rupiah).",
                nip=nip,
            ),
            Dictum(
                "Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di "
                "kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya."
            ),
        ),
        tembusan=(
            "Kepala Badan Kepegawaian Negara di Jakarta;",
            "Kepala Kantor Regional X Badan Kepegawaian Negara di Denpasar;",
            "Pegawai yang bersangkutan;",
            "Arsip.",
        ),
        letterhead=letterhead_bupati(),
        penerima=(Penerima(nip, nama, "SMP Negeri 1 Maumere"),),
        pengesah=KEPALA_BKPSDM,
    )
