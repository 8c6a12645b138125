"""Excel recaps read back with openpyxl: titles, merged headers, formats, print set-up, and
text that looks like a formula staying text."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.models.rekap.common import KopLaporan
from app.models.rekap.diklat import DiklatBaris
from app.models.rekap.duk import DukBaris
from app.models.rekap.kgb import KgbBaris
from app.models.rekap.kp import KpBaris, NominatifKp
from app.models.rekap.pensiun import PensiunBaris
from app.models.rekap.tabel import Kategori, Rekap, RekapBaris
from app.reports.excel import rekap as rx

KOP = KopLaporan("BKPSDM Kota Uji", None, date(2026, 11, 22))
KOP_TTD = KopLaporan(
    "BKPSDM Kota Uji",
    None,
    date(2026, 11, 22),
    tempat="Nusa Indah",
    ttd_jabatan="KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
    ttd_nama="YOSEPH BENGE, S.Sos., M.M.",
    ttd_nip="19740101 199803 1 011",
)
NASTY = ['=HYPERLINK("http://x","klik")', "+6281234", "-", "@SUM(A1:A2)", "=1+1"]


def duk_row(nomor: int, nama: str, nip: str = "198001012005011001") -> DukBaris:
    return DukBaris(
        nomor=nomor,
        pegawai_id=f"id{nomor}",
        nip=nip,
        nama_lengkap=nama,
        golongan_kode="III/d",
        golongan_urutan=12,
        pangkat="Penata Tingkat I",
        tmt_golongan=date(2019, 4, 1),
        jabatan_nama="Kepala Seksi & Pelayanan <Umum>",
        jabatan_tingkat=6,
        tmt_jabatan=date(2016, 1, 2),
        mk_golongan_bulan=10 * 12 + 7,
        diklat_nama="Pelatihan Kepemimpinan Pengawas",
        diklat_tingkat=1,
        diklat_tanggal=date(2012, 5, 1),
        diklat_jp=274,
        pendidikan_kode="S1",
        pendidikan_nama="S-1 / Sarjana",
        pendidikan_urutan=10,
        pendidikan_jurusan="Ilmu Pemerintahan",
        pendidikan_tahun=2003,
        tanggal_lahir=date(1980, 1, 1),
        usia=46,
        unit_nama="Seksi Pelayanan",
        opd_nama="Dinas Kesehatan",
    )


def _rows(n: int) -> Iterator[DukBaris]:
    for i in range(1, n + 1):
        yield duk_row(i, f"Pegawai {i}", nip=f"{198001012005011000 + i}")


PAPER_INCHES = {"9": (11.69, 8.27), "14": (13.0, 8.5)}  # landscape width, height


def effective_font(ws: Any, size: float = 9) -> float:
    """The font size on paper when the sheet is fitted to the page width: Excel's column of
    width w is about 7w + 5 pixels at 96 dpi."""
    from openpyxl.utils import get_column_letter

    width_px = sum(
        ws.column_dimensions[get_column_letter(i)].width * 7 + 5
        for i in range(1, ws.max_column + 1)
    )
    paper = PAPER_INCHES[str(ws.page_setup.paperSize)][0]
    printable = (paper - ws.page_margins.left - ws.page_margins.right) * 96
    return size * min(1.0, printable / width_px)


@pytest.mark.parametrize(("kertas", "code"), [("A4", "9"), ("F4", "14")])
def test_duk_sheet_as_a_clerk_prints_it(tmp_path: Path, kertas: str, code: str) -> None:
    path = tmp_path / "duk.xlsx"
    n = rx.write_duk(path, KOP_TTD, _rows(40), kertas=kertas)
    assert n == 40
    wb = load_workbook(path)
    assert wb.sheetnames == ["DUK", "DUK Rincian"]
    ws = wb["DUK"]
    # title rows, merged across the printed form (16 columns: A..P)
    assert ws["A1"].value == "BKPSDM KOTA UJI"
    assert ws["A2"].value == "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL"
    assert ws["A3"].value == "Keadaan per 22 November 2026"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:P1", "A2:P2", "A3:P3"} <= merged
    # the columns of the form of SE BAKN 03/SE/1980, group headers merged across
    assert {"D5:E5", "F5:G5", "H5:I5", "J5:L5", "M5:N5"} <= merged
    assert {"A5:A6", "B5:B6", "C5:C6", "O5:O6", "P5:P6"} <= merged
    groups = [ws.cell(5, c).value for c in (4, 6, 8, 10, 13, 15)]
    assert groups == ["Pangkat", "Jabatan", "Masa Kerja", "Latihan Jabatan", "Pendidikan",
                      "Tanggal Lahir"]  # fmt: skip
    assert (ws["D6"].value, ws["E6"].value) == ("Gol.", "TMT")
    # first data row, with real types and formats; the NIP grouped 8-6-1-3 as printed
    assert ws["A7"].value == 1 and ws["A7"].number_format == "0"
    nip = ws["C7"]
    assert nip.value == "19800101 200501 1 001" and nip.data_type == "s"
    assert nip.number_format == "@"
    tmt = ws["E7"]
    assert tmt.value == datetime(2019, 4, 1) and tmt.number_format == "DD-MM-YYYY"
    assert ws["G7"].value == datetime(2016, 1, 2)
    assert (ws["H7"].value, ws["I7"].value) == (10, 7)
    assert ws["F7"].value == "Kepala Seksi & Pelayanan <Umum>"
    assert (ws["L7"].value, ws["M7"].value, ws["N7"].value) == (274, "S1", 2003)
    # numbers stand off the next column's text: "274" | "S1", "7" | "Pelatihan..."
    for ref in ("H7", "I7", "L7", "N7"):
        cell = ws[ref]
        assert cell.alignment.horizontal == "right" and cell.alignment.indent >= 1, ref
    assert ws["C7"].border.left.style == "thin" and ws["P7"].border.bottom.style == "thin"
    assert ws["D5"].font.b
    assert ws["A46"].value == 40 and ws["A47"].value is None
    # frozen header, filter over the header row and data, print set-up
    assert ws.freeze_panes == "A7"
    assert ws.auto_filter.ref == "A6:P46"
    assert ws.print_title_rows == "$5:$6"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == code
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert "&P" in ws.oddFooter.center.text
    # readable on paper: 9 pt data fitted to the width prints at 8 pt or more (was ~6 pt)
    assert ws["B7"].font.sz == 9
    assert effective_font(ws) >= 8.0
    # the training name wraps: "Pelatihan / Kepemimpinan / Pengawas" in 12 units of width
    assert ws.row_dimensions[7].height == 3 * rx.LINE_HEIGHT + 2
    # the rest of the columns on the second sheet, same numbers, also readable
    rest = wb["DUK Rincian"]
    header = [rest.cell(6, c).value for c in range(1, rest.max_column + 1)]
    assert header == ["No.", "Nama", "NIP", "Pangkat", "Pendidikan", "Jurusan", "Usia",
                      "Unit Kerja", "Perangkat Daerah"]  # fmt: skip
    first = [rest.cell(7, c).value for c in range(1, rest.max_column + 1)]
    assert first == [1, "Pegawai 1", "19800101 200501 1 001", "Penata Tingkat I",
                     "S-1 / Sarjana", "Ilmu Pemerintahan", 46, "Seksi Pelayanan",
                     "Dinas Kesehatan"]  # fmt: skip
    assert rest.max_row == 46 and effective_font(rest) >= 8.0


def test_duk_ends_with_place_date_and_the_kepala_signature(tmp_path: Path) -> None:
    path = tmp_path / "duk.xlsx"
    rx.write_duk(path, KOP_TTD, _rows(3))
    ws = load_workbook(path)["DUK"]
    below = {
        ws.cell(r, c).value: (r, c)
        for r in range(10, ws.max_row + 1)
        for c in range(1, ws.max_column + 1)
        if ws.cell(r, c).value
    }
    place = below["Nusa Indah, 22 November 2026"]
    office = below["KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA,"]
    name = below["YOSEPH BENGE, S.Sos., M.M."]
    nip = below["NIP. 19740101 199803 1 011"]
    assert place[0] < office[0] < name[0] - 2 and nip[0] == name[0] + 1  # room to sign
    assert place[1] == office[1] == name[1] == nip[1] > ws.max_column // 2  # on the right
    assert ws.cell(*name).font.b and ws.cell(*office).alignment.wrap_text
    merged = {str(r) for r in ws.merged_cells.ranges}
    col = ws.cell(*name).column_letter
    assert f"{col}{name[0]}:P{name[0]}" in merged


def test_duk_without_a_known_kepala_leaves_lines_to_fill(tmp_path: Path) -> None:
    path = tmp_path / "duk.xlsx"
    rx.write_duk(path, KOP, _rows(2))
    ws = load_workbook(path)["DUK"]
    texts = [c.value for row in ws.iter_rows(min_row=9) for c in row if isinstance(c.value, str)]
    assert any(t.startswith("......") and t.endswith("22 November 2026") for t in texts)
    assert "NIP. " + "." * 40 in texts and "." * 40 in texts


def test_rows_with_long_text_are_made_taller(tmp_path: Path) -> None:
    path = tmp_path / "tinggi.xlsx"
    long_name = "Prof. Dr. " + "Nama Yang Sangat Panjang Sekali " * 3 + "M.Si."
    rx.write_duk(path, KOP, [duk_row(1, long_name), duk_row(2, "Pendek")])
    ws = load_workbook(path)["DUK"]
    assert ws["B7"].value == long_name and ws["B7"].alignment.wrap_text
    assert ws.row_dimensions[7].height >= 4 * rx.LINE_HEIGHT
    assert ws.row_dimensions[8].height == 3 * rx.LINE_HEIGHT + 2  # the training name


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "suntik.xlsx"
    rows = [duk_row(i, text) for i, text in enumerate(NASTY, start=1)]
    rx.write_duk(path, KopLaporan("=cmd|' /C calc'!A0", "@unit", date(2026, 1, 1)), rows)
    ws = load_workbook(path)["DUK"]
    assert ws["A1"].value == "=CMD|' /C CALC'!A0" and ws["A1"].data_type == "s"
    for i, text in enumerate(NASTY):
        cell = ws.cell(row=8 + i, column=2)  # the unit line adds a title row
        assert cell.value == text and cell.data_type == "s"
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "kontrol.xlsx"
    rx.write_duk(path, KOP, [duk_row(1, "Nama\x07 Aneh\x00")])
    assert load_workbook(path)["DUK"]["B7"].value == "Nama Aneh"


def test_rekap_sheet_has_merged_category_headers_and_totals(tmp_path: Path) -> None:
    table = Rekap(
        dimensi="golongan",
        judul="Rekapitulasi Pegawai per Golongan",
        kategori=[Kategori("III", "III"), Kategori("IV", "IV"), Kategori("PPPK", "PPPK")],
        baris=[
            RekapBaris("u1", "Dinas A", {("III", "L"): 3, ("III", "P"): 2, ("PPPK", "P"): 4}),
            RekapBaris("u2", "Dinas B", {("IV", "L"): 1}),
        ],
    )
    by_sex = Rekap(
        dimensi="jenis_kelamin",
        judul="Rekapitulasi Pegawai per Jenis Kelamin",
        kategori=[Kategori("L", "Laki-laki"), Kategori("P", "Perempuan")],
        baris=[RekapBaris("u1", "Dinas A", {("L", "L"): 5, ("P", "P"): 6})],
        pisah_jk=False,
    )
    path = tmp_path / "rekap.xlsx"
    counts = rx.write_rekap(path, KOP, [table, by_sex], kertas="F4")
    assert counts == {"Golongan": 2, "Jenis Kelamin": 1}
    wb = load_workbook(path)
    ws = wb["Golongan"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # No, Unit, III(L,P), IV(L,P), PPPK(L,P), Jumlah(L,P,Total) = 11 columns (A..K)
    assert {"A1:K1", "C5:D5", "E5:F5", "G5:H5", "I5:K5", "A5:A6", "B5:B6"} <= merged
    assert [ws.cell(row=5, column=c).value for c in (3, 5, 7, 9)] == ["III", "IV", "PPPK", "Jumlah"]
    assert [c.value for c in ws[7]] == [1, "Dinas A", 3, 2, 0, 0, 0, 4, 3, 6, 9]
    assert [c.value for c in ws[8]] == [2, "Dinas B", 0, 0, 1, 0, 0, 0, 1, 0, 1]
    total = [c.value for c in ws[9]]
    assert total == [None, "JUMLAH", 3, 2, 1, 0, 0, 4, 4, 6, 10]
    assert ws["K9"].font.b and ws["K7"].number_format == "0"
    assert ws.auto_filter.ref == "A6:K8"
    assert str(ws.page_setup.paperSize) == "14"
    flat = wb["Jenis Kelamin"]
    assert [c.value for c in flat[5]] == ["No.", "Unit Kerja", "Laki-laki", "Perempuan", "Jumlah"]
    assert [c.value for c in flat[6]] == [1, "Dinas A", 5, 6, 11]
    assert flat.freeze_panes == "A6" and flat.print_title_rows == "$5:$5"


def test_kp_kgb_pensiun_diklat_sheets(tmp_path: Path) -> None:
    kp = KpBaris(
        nomor=1,
        pegawai_id="p",
        nip="198001012005011001",
        nama_lengkap="-Nama Berawalan Minus",
        golongan_kode="III/b",
        pangkat="Penata Muda Tingkat I",
        tmt_golongan=date(2023, 4, 1),
        masa_tahun=4,
        masa_bulan=0,
        golongan_baru="III/c",
        pangkat_baru="Penata",
        jenis_kp="reguler",
        jabatan_nama="Analis",
        unit_nama="Bidang",
        pendidikan_kode="S1",
        status="Perlu diverifikasi",
        keterangan=("SKP 2026 belum tercatat", "lain"),
    )
    kop = KopLaporan("BKPSDM Kota Uji", "Dinas Kesehatan", date(2026, 11, 22))
    sheet = rx.lembar_kp(kop, NominatifKp(date(2027, 4, 1), [kp], 7))
    kgb = KgbBaris(
        1,
        "p",
        "198001012005011001",
        "Nama",
        "III/b",
        "Penata Muda Tingkat I",
        "KGB",
        date(2025, 3, 1),
        10,
        0,
        date(2027, 3, 1),
        12,
        0,
        "Analis",
        "Bidang",
        "Memenuhi syarat",
        (),
        gaji_pokok=3_497_300,
    )
    pensiun = PensiunBaris(
        1,
        "p",
        "196703152005011001",
        "Nama",
        "IV/b",
        "Pembina Tingkat I",
        "Kepala",
        "JPT_PRATAMA",
        "Dinas",
        "Dinas",
        date(1967, 3, 15),
        60,
        date(2027, 4, 1),
        (),
    )
    diklat = DiklatBaris(
        1, "p", "198001012005011001", "Nama", "III/b", "Analis", "Bidang", "Dinas", 1, 8, 20
    )
    path = tmp_path / "daftar.xlsx"
    rx.write_workbook(
        path,
        kop,
        [
            sheet,
            rx.lembar_kgb(kop, [kgb], date(2027, 1, 1), date(2027, 12, 31)),
            rx.lembar_pensiun(kop, [pensiun], kop.tanggal, date(2031, 11, 22), "catatan"),
            rx.lembar_diklat(kop, [diklat], 2026),
        ],
    )
    wb = load_workbook(path)
    assert wb.sheetnames == ["KP", "KGB", "Pensiun", "Diklat"]
    ws = wb["KP"]
    assert ws["A3"].value == "Unit kerja: Dinas Kesehatan"
    assert ws["A4"].value == "Periode 1 April 2027"
    assert ws["B8"].value == "-Nama Berawalan Minus" and ws["B8"].data_type == "s"
    assert ws["O8"].value == "SKP 2026 belum tercatat; lain"
    notes = [ws.cell(row=r, column=1).value for r in range(9, 14)]
    assert any(n and "7 pegawai tidak dicantumkan" in n for n in notes)
    assert ws.print_title_rows == "$6:$7" and ws.freeze_panes == "A8"
    ws = wb["KGB"]
    assert ws["A4"].value == "TMT 1 Januari 2027 s.d. 31 Desember 2027"
    assert ws["J8"].value == datetime(2027, 3, 1) and ws["J8"].number_format == "DD-MM-YYYY"
    assert (ws["M7"].value, ws["M8"].value, ws["N8"].value) == ("Gaji Pokok", 3_497_300, "PNS")
    ws = wb["Pensiun"]
    assert (ws["J8"].value, ws["K8"].value, ws["L8"].value) == (60, datetime(2027, 4, 1), 2027)
    ws = wb["Diklat"]
    assert ws["A2"].value == "REKAPITULASI JAM PELAJARAN PENGEMBANGAN KOMPETENSI TAHUN 2026"
    assert [ws.cell(row=8, column=c).value for c in range(7, 12)] == [
        1,
        8,
        20,
        12,
        "Belum tercapai",
    ]


def test_a_failed_write_leaves_no_file_behind(tmp_path: Path) -> None:
    def broken() -> Iterator[DukBaris]:
        yield duk_row(1, "satu")
        raise RuntimeError("putus")

    path = tmp_path / "gagal.xlsx"
    with pytest.raises(RuntimeError):
        rx.write_duk(path, KOP, broken())
    assert list(tmp_path.iterdir()) == []


def test_long_unit_name_rows_of_the_rekap_are_two_lines_high(tmp_path: Path) -> None:
    kategori = [Kategori("I", "I"), Kategori("II", "II")]
    rows = [
        RekapBaris("u1", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", {}),
        RekapBaris("u2", "Dinas Sosial", {}),
    ]
    path = tmp_path / "rekap.xlsx"
    rx.write_rekap(
        path, KOP, [Rekap("golongan", "Rekapitulasi Pegawai per Golongan", kategori, rows)]
    )
    ws = load_workbook(path).active
    found = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1)}
    long_row = found["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"]
    assert ws.row_dimensions[long_row].height == 2 * rx.LINE_HEIGHT + 2
    assert ws.row_dimensions[found["Dinas Sosial"]].height is None
