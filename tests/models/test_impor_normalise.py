"""Normalising what real files contain: dates, NIPs, golongan, names with titles and codes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.i18n import BULAN
from app.models.impor import normalise as n
from app.models.impor.fields import guess_field, header_key
from app.models.reference.data import REF_ESELON, REF_GOLONGAN
from app.models.rules.derivations import nama_lengkap
from app.models.rules.nip import normalise_nip

REF = n.default_referensi()

# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1980-01-12", date(1980, 1, 12)),
        ("1980-01-12 00:00:00", date(1980, 1, 12)),
        ("1980-01-12T00:00:00", date(1980, 1, 12)),
        ("12-01-1980", date(1980, 1, 12)),
        ("12/01/1980", date(1980, 1, 12)),
        ("12.01.1980", date(1980, 1, 12)),
        ("3/4/1980", date(1980, 4, 3)),  # day first, as in Indonesia
        ("12 Januari 1980", date(1980, 1, 12)),
        ("12 januari 1980", date(1980, 1, 12)),
        ("12 Jan 1980", date(1980, 1, 12)),
        ("12-Jan-1980", date(1980, 1, 12)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("17 Agt 1945", date(1945, 8, 17)),
        ("17 Agu 1945", date(1945, 8, 17)),
        ("17 Aug 1945", date(1945, 8, 17)),
        ("25 Des 1990", date(1990, 12, 25)),
        ("25 Dec 1990", date(1990, 12, 25)),
        ("1 Mei 2000", date(2000, 5, 1)),
        ("10 Okt. 2001", date(2001, 10, 10)),
        ("29232", date(1980, 1, 12)),  # Excel serial number
        ("29232.0", date(1980, 1, 12)),
        ("29232.75", date(1980, 1, 12)),
        ("19800112", date(1980, 1, 12)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert n.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31-02-1980", "bukan tanggal yang ada"),
        ("12-13-1980", "bukan tanggal yang ada"),
        ("12-01-80", "hanya 2 angka"),
        ("1980", "hanya berisi tahun"),
        ("12 Foo 1980", "Nama bulan 'Foo'"),
        ("kemarin", "bukan tanggal yang dikenali"),
        ("", "bukan tanggal yang dikenali"),
    ],
)
def test_parse_date_refuses(text: str, reason: str) -> None:
    with pytest.raises(n.BadValue, match=reason):
        n.parse_date(text)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)))
def test_every_written_form_of_a_date_reads_back(value: date) -> None:
    serial = (value - n.EXCEL_EPOCH).days
    forms = [
        value.isoformat(),
        value.strftime("%d-%m-%Y"),
        value.strftime("%d/%m/%Y"),
        f"{value.day}/{value.month}/{value.year}",
        f"{value.day} {BULAN[value.month - 1]} {value.year}",
        f"{value.day} {BULAN[value.month - 1][:3]} {value.year}",
        f"{value.day:02d}-{BULAN[value.month - 1][:3].upper()}-{value.year}",
        n.cell_text(datetime(value.year, value.month, value.day)) or "",
    ]
    # A 4-digit number in 1900-2100 is read as a year (refused), not as a serial of 1905-1927.
    if not 1900 <= serial <= 2100:
        forms.append(str(serial))
    for form in forms:
        assert n.parse_date(form) == value, form


def test_cell_text() -> None:
    assert n.cell_text(None) is None
    assert n.cell_text("") is None
    assert n.cell_text(14.0) == "14"
    assert n.cell_text(1.5) == "1.5"
    assert n.cell_text(True) == "1"
    assert n.cell_text(date(1980, 1, 12)) == "1980-01-12"
    assert n.cell_text(datetime(1980, 1, 12)) == "1980-01-12"
    assert n.cell_text(datetime(1980, 1, 12, 7, 30)) == "1980-01-12 07:30:00"
    # An 18-digit NIP typed as a number has lost its last digits: keep Excel's form so that the
    # NIP check says so, instead of inventing digits.
    assert n.cell_text(198001122005011002.0) == "1.98001122005011e+17"
    assert normalise_nip(n.cell_text(198001122005011002.0) or "") == "1.98001122005011e+17"


# --- NIP -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "198001122005011002",
        "'198001122005011002",
        "’198001122005011002",
        " 19800112 200501 1 002 ",
        "19800112.200501.1.002",
        "NIP. 19800112 200501 1 002",
        "19800112\u00a0200501\u00a01\u00a0002",
    ],
)
def test_nip_spellings(text: str) -> None:
    assert normalise_nip(text) == "198001122005011002"


@given(
    st.text(alphabet="0123456789", min_size=18, max_size=18),
    st.lists(st.sampled_from([" ", ".", "-", "\u00a0"]), min_size=0, max_size=17),
    st.booleans(),
)
def test_nip_noise_is_removed(digits: str, seps: list[str], apostrophe: bool) -> None:
    noisy = "".join(d + (seps[i] if i < len(seps) else "") for i, d in enumerate(digits))
    assert normalise_nip(("'" if apostrophe else "") + noisy) == digits


# --- golongan and eselon ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("III/a", "III/a"),
        ("III/A", "III/a"),
        ("iii/a", "III/a"),
        ("3a", "III/a"),
        ("3/a", "III/a"),
        ("3 A", "III/a"),
        ("III a", "III/a"),
        ("IIIa", "III/a"),
        ("III.b", "III/b"),
        ("III-b", "III/b"),
        ("Penata Muda (III/a)", "III/a"),
        ("Penata Muda Tingkat I, III/b", "III/b"),
        ("Pembina Tk. I (IV/b)", "IV/b"),
        ("Penata Muda Tingkat I", "III/b"),
        ("Pembina Tk. I", "IV/b"),
        ("Juru", "I/c"),
        ("IV/e", "IV/e"),
        ("IX", "IX"),
        ("9", "IX"),
        ("Golongan IX", "IX"),
        ("XVII", "XVII"),
        ("v", "V"),
    ],
)
def test_parse_golongan(text: str, kode: str) -> None:
    assert n.parse_golongan(text, REF) == kode


@pytest.mark.parametrize("text", ["IV/f", "I/e", "5a", "XVIII", "18", "Kepala", "III/"])
def test_parse_golongan_refuses(text: str) -> None:
    with pytest.raises(n.BadValue, match="Golongan"):
        n.parse_golongan(text, REF)


@given(
    st.sampled_from([str(r["kode"]) for r in REF_GOLONGAN.rows if r["ruang"]]),
    st.sampled_from(["{r}/{x}", "{r}/{X}", "{r}{x}", "{r} {x}", "{r}.{x}", "{d}{x}", "{d}/{X}",
                     "{p} ({r}/{x})", "{p}, {r}/{x}"]),
)  # fmt: skip
def test_every_pns_golongan_in_every_spelling(kode: str, form: str) -> None:
    roman, ruang = kode.split("/")
    digit = str(["I", "II", "III", "IV"].index(roman) + 1)
    pangkat = str(REF.golongan[kode]["pangkat"])
    text = form.format(r=roman, x=ruang, X=ruang.upper(), d=digit, p=pangkat)
    assert n.parse_golongan(text, REF) == kode


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("II.b", "II.b"),
        ("IIb", "II.b"),
        ("II/B", "II.b"),
        ("2b", "II.b"),
        ("Eselon IV.a", "IV.a"),
        ("IV.A", "IV.a"),
        ("V", "V"),
        ("Non Eselon", None),
        ("non-eselon", None),
    ],
)
def test_parse_eselon(text: str, kode: str | None) -> None:
    assert n.parse_eselon(text, REF) == kode


def test_every_eselon_code_reads_back() -> None:
    for row in REF_ESELON.rows:
        assert n.parse_eselon(str(row["kode"]), REF) == row["kode"]
    with pytest.raises(n.BadValue, match="Eselon"):
        n.parse_eselon("VI.c", REF)


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Ir. Budi Santoso, S.T., M.T.", ("Dr. Ir.", "Budi Santoso", "S.T., M.T.")),
        ("BUDI SANTOSO, SE", (None, "BUDI SANTOSO", "SE")),
        ("Budi Santoso, SE, MM", (None, "Budi Santoso", "SE, MM")),
        ("dr. Siti Aminah, M.Kes.", ("dr.", "Siti Aminah", "M.Kes.")),
        ("Drs. H. Ahmad Yani, M.Si", ("Drs. H.", "Ahmad Yani", "M.Si")),
        ("Hj. Nurhayati, S.Pd.I", ("Hj.", "Nurhayati", "S.Pd.I")),
        ("Prof. Dr. Andi Wijaya, Ph.D.", ("Prof. Dr.", "Andi Wijaya", "Ph.D.")),
        ("Ns. Maria Goreti, S.Kep", ("Ns.", "Maria Goreti", "S.Kep")),
        ("Budi Santoso S.Kom", (None, "Budi Santoso", "S.Kom")),
        ("  Budi   Santoso  ", (None, "Budi Santoso", None)),
        ("Sumarno, A.Md.Kep.", (None, "Sumarno", "A.Md.Kep.")),
        ("Dr", (None, "Dr", None)),  # a lone word is a name, not a title
        ("Santoso, Budi", (None, "Santoso, Budi", None)),  # not titles after the comma
        ("H Ahmad", (None, "H Ahmad", None)),  # an initial without a dot stays in the name
    ],
)
def test_split_name(text: str, expected: tuple[str | None, str, str | None]) -> None:
    assert n.split_name(text) == expected


_NAMES = st.lists(
    st.text(alphabet="ABCDEFGHIJKLMNOPRSTUWYabcdefghijklmnoprstuwy", min_size=3, max_size=10)
    .map(str.capitalize)
    .filter(lambda w: w.casefold() not in {"drs", "dra", "drg", "drh", "apt", "kh", "prof"}),
    min_size=1,
    max_size=4,
).map(" ".join)


@given(
    st.sampled_from([None, "Dr.", "dr.", "Drs.", "Ir.", "Dr. Ir.", "Prof. Dr.", "H.", "Hj."]),
    _NAMES,
    st.sampled_from([None, "S.T.", "S.E., M.M.", "S.Kom.", "M.Si.", "S.Pd.I", "A.Md."]),
)
def test_split_name_reverses_nama_lengkap(
    depan: str | None, nama: str, belakang: str | None
) -> None:
    assert n.split_name(nama_lengkap(nama, depan, belakang)) == (depan, nama, belakang)


def test_split_name_refuses_titles_only() -> None:
    with pytest.raises(n.BadValue):
        n.split_name(" , ")


# --- codes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("L", "L"), ("l", "L"), ("Laki-laki", "L"), ("LAKI - LAKI", "L"), ("Pria", "L"),
        ("M", "L"), ("Male", "L"), ("1", "L"),
        ("P", "P"), ("Perempuan", "P"), ("WANITA", "P"), ("F", "P"), ("2", "P"),
    ],
)  # fmt: skip
def test_parse_jenis_kelamin(text: str, kode: str) -> None:
    assert n.parse_jenis_kelamin(text) == kode


def test_parse_jenis_kelamin_refuses() -> None:
    with pytest.raises(n.BadValue, match="isi L"):
        n.parse_jenis_kelamin("X")


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("Islam", "ISLAM"), ("ISLAM", "ISLAM"), ("Kristen", "KRISTEN"),
        ("Kristen Protestan", "KRISTEN"), ("Protestan", "KRISTEN"), ("Katolik", "KATOLIK"),
        ("Katholik", "KATOLIK"), ("Hindu", "HINDU"), ("Budha", "BUDDHA"), ("Buddha", "BUDDHA"),
        ("Konghucu", "KONGHUCU"), ("Khonghucu", "KONGHUCU"),
        ("Kepercayaan terhadap Tuhan YME", "KEPERCAYAAN"),
    ],
)  # fmt: skip
def test_parse_agama(text: str, kode: str) -> None:
    assert n.parse_agama(text, REF) == kode


def test_parse_agama_refuses() -> None:
    with pytest.raises(n.BadValue, match="Agama 'Lainnya' tidak dikenal"):
        n.parse_agama("Lainnya", REF)


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("SD", "SD"), ("SLTP", "SMP"), ("SMP", "SMP"), ("SLTP Kejuruan", "SMP_KEJURUAN"),
        ("SLTA", "SLTA"), ("SMA", "SLTA"), ("SMK", "SLTA"), ("SMU", "SLTA"),
        ("D-I", "D1"), ("D II", "D2"), ("D-III", "D3"), ("D3", "D3"), ("DIII", "D3"),
        ("Diploma III", "D3"), ("Sarjana Muda", "D3"), ("D-IV", "D4"), ("Diploma IV", "D4"),
        ("S1", "S1"), ("S-1", "S1"), ("S-1/Sarjana", "S1"), ("Strata 1", "S1"),
        ("Strata I", "S1"), ("Sarjana", "S1"), ("S1 Teknik Sipil", "S1"),
        ("S-2", "S2"), ("Magister", "S2"), ("S-3/Doktor", "S3"), ("Doktor", "S3"),
        ("Profesi", "PROFESI"), ("Dokter", "PROFESI"), ("SGPLB", "SGPLB"),
        ("S-1 / Sarjana", "S1"), ("D-III / Sarjana Muda / Akademi / Bakaloreat", "D3"),
    ],
)  # fmt: skip
def test_parse_pendidikan(text: str, kode: str) -> None:
    assert n.parse_pendidikan(text, REF) == kode


def test_every_pendidikan_code_and_name_reads_back() -> None:
    for kode, row in REF.pendidikan.items():
        assert n.parse_pendidikan(kode, REF) == kode
        assert n.parse_pendidikan(str(row["nama"]), REF) == kode
    with pytest.raises(n.BadValue, match="Tingkat pendidikan"):
        n.parse_pendidikan("Kursus menjahit", REF)


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("Aktif", "AKTIF"), ("AKTIF", "AKTIF"), ("CLTN", "AKTIF"), ("Tugas Belajar", "AKTIF"),
        ("Masa Persiapan Pensiun", "AKTIF"), ("Pemberhentian Sementara", "AKTIF"),
        ("Pensiun", "PENSIUN"), ("Meninggal", "MENINGGAL"), ("Meninggal dunia", "MENINGGAL"),
        ("Wafat", "MENINGGAL"), ("Pindah Instansi", "PINDAH"), ("Diberhentikan", "BERHENTI"),
        ("Pemberhentian Tidak Dengan Hormat", "BERHENTI"),
    ],
)  # fmt: skip
def test_parse_kedudukan(text: str, kode: str) -> None:
    assert n.parse_kedudukan(text, REF) == kode


def test_parse_kedudukan_refuses() -> None:
    with pytest.raises(n.BadValue, match="Kedudukan"):
        n.parse_kedudukan("Entah", REF)


@pytest.mark.parametrize(
    ("text", "jenis", "status"),
    [
        ("PNS Daerah Kab/Kota", "PNS", "PNS"),
        ("PNS Pusat DPK", "PNS", "PNS"),
        ("CPNS", "PNS", "CPNS"),
        ("PPPK", "PPPK", "PPPK"),
        ("Pegawai Pemerintah dengan Perjanjian Kerja", "PPPK", "PPPK"),
    ],
)
def test_jenis_asn_and_status(text: str, jenis: str, status: str) -> None:
    assert n.parse_jenis_asn(text) == jenis
    assert n.parse_status(text) == status


def test_siasn_status_letters() -> None:
    assert n.parse_status("P") == "PNS"
    assert n.parse_status("C") == "CPNS"
    with pytest.raises(n.BadValue):
        n.parse_status("Honorer")
    with pytest.raises(n.BadValue):
        n.parse_jenis_asn("Honorer")


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("Jabatan Struktural", n.STRUKTURAL),
        ("Jabatan Fungsional Tertentu", "JF"),
        ("Jabatan Fungsional Umum", "JA"),
        ("Jabatan Pelaksana", "JA"),
        ("Jabatan Administrasi", "JA"),
        ("Jabatan Pimpinan Tinggi", "JPT"),
        ("Fungsional", "JF"),
        ("JF", "JF"),
    ],
)
def test_parse_jenis_jabatan(text: str, kode: str) -> None:
    assert n.parse_jenis_jabatan(text, REF) == kode


def test_jenjang_from_position_name() -> None:
    assert n.jenjang_from_name("Analis Kepegawaian Ahli Muda", REF) == "AHLI_MUDA"
    assert n.jenjang_from_name("Pranata Komputer Terampil", REF) == "TERAMPIL"
    assert n.jenjang_from_name("Kepala Seksi Pendataan", REF) is None


# --- text and formulas -----------------------------------------------------------------------


def test_clean_text_and_placeholders() -> None:
    assert n.clean_text("  Budi \u00a0 Santoso ") == "Budi Santoso"
    for empty in ("", " ", "-", "--", "NULL", "#N/A", None):
        assert n.clean_text(empty) is None


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+2", True),
        ('=HYPERLINK("http://x","klik")', True),
        ("@SUM(A1:A3)", True),
        ("+A1", True),
        ("-B2*3", True),
        ("=cmd|' /C calc'!A0", True),
        ("+62 812 3456 7890", False),
        ("-", False),
        ("Budi - Santoso", False),
        ("@budi", False),
    ],
)
def test_looks_like_formula(text: str, formula: bool) -> None:
    assert n.looks_like_formula(text) is formula


def test_header_keys() -> None:
    assert header_key(" Gol/Ruang ") == "GOL RUANG"
    assert guess_field("Tgl. Lahir") == "tanggal_lahir"
    assert guess_field("TMT Gol. Ruang") == "tmt_golongan"
    assert guess_field("NIP/NI PPPK") == "nip"
    assert guess_field("Nama Jabatan") == "jabatan"
    assert guess_field("No.") is None


def test_serial_dates_near_the_epoch() -> None:
    assert n.parse_date("1") == date(1899, 12, 31)
    assert n.parse_date("61") == n.EXCEL_EPOCH + timedelta(days=61)
