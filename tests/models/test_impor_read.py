"""Reading import files: .xlsx, .xls, .csv, header rows, and every hostile file refused safely.

The file builders are in :mod:`tests.helpers.impor` (shared with the plan and CLI tests).
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from app.models.errors import Cancelled, ValidationError
from app.models.impor.fields import detect_siasn, guess_mapping
from app.models.impor.read import MAX_FILE_BYTES, UnreadableFile, detect_delimiter, read_source
from tests.helpers.impor import (
    DATA,
    OFFICE_HEADERS,
    make_empty,
    make_headers_only,
    make_huge,
    make_password_protected,
    make_renamed_png,
    make_truncated,
    make_xml_bomb,
    make_zip_bomb,
    write_csv,
    write_siasn_xlsx,
    write_xlsx,
)

# --- reading ---------------------------------------------------------------------------------


def test_messy_siasn_xlsx_is_read_with_header_on_row_3(tmp_path: Path) -> None:
    src = read_source(write_siasn_xlsx(tmp_path / "siasn.xlsx"))
    assert src.kind == "xlsx"
    assert src.sheet == "Data"
    assert src.header_row == 3
    assert src.headers[:4] == ["PNS ID", "NIP BARU", "NIP LAMA", "NAMA"]
    assert src.row_numbers == [4, 5]  # the trailing empty rows are gone
    assert len(src.rows) == 2
    budi = dict(zip(src.headers, src.rows[0], strict=True))
    assert budi["NIP BARU"] == "'198001122005011002"
    assert budi["NIP LAMA"] is None
    assert budi["MK TAHUN"] == "14"
    siti = dict(zip(src.headers, src.rows[1], strict=True))
    assert siti["TANGGAL LAHIR"] == "1992-03-15"  # a real date cell becomes ISO text
    assert siti["TMT CPNS"] == "43525"  # a bare serial number stays a number
    assert siti["TMT PNS"] == "2020-05-01"
    assert detect_siasn(src.headers)
    mapping = guess_mapping(src.headers)
    by_header = {src.headers[i]: f for i, f in mapping.items()}
    assert by_header["NIP BARU"] == "nip"
    assert by_header["GOL AKHIR NAMA"] == "golongan"
    assert by_header["GOL AWAL NAMA"] == "golongan_awal"
    assert by_header["UNOR NAMA"] == "unit"
    assert by_header["PNS ID"] is None and by_header["AGAMA ID"] is None


def test_office_headers_are_guessed() -> None:
    headers = [*OFFICE_HEADERS, "Tempat/Tgl Lahir", "Gol/Ruang", "TMT Pangkat", "NIK KTP"]
    mapping = guess_mapping(headers)
    named = {headers[i]: f for i, f in mapping.items()}
    assert named == {
        "No": None,
        "NIP": "nip",
        "Nama Lengkap": "nama",
        "Tgl Lahir": "tanggal_lahir",
        "L/P": "jenis_kelamin",
        "Pangkat/Gol": "golongan",
        "Jabatan": "jabatan",
        "Unit Kerja": "unit",
        "Pendidikan Terakhir": "pendidikan",
        "Tempat/Tgl Lahir": "tempat_tanggal_lahir",
        "Gol/Ruang": None,  # golongan is already taken by the first column that names it
        "TMT Pangkat": "tmt_golongan",
        "NIK KTP": "nik",
    }
    assert not detect_siasn(headers)


def test_the_sheet_with_the_data_is_chosen(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "Petunjuk"
    notes.append(["Isi data pegawai di lembar berikutnya."])
    data = wb.create_sheet("Pegawai")
    data.append(OFFICE_HEADERS)
    data.append([1, "198001122005011002", "Budi", "12/01/1980", "L", "III/d", "Lurah", "X", "S1"])
    path = tmp_path / "dua-lembar.xlsx"
    wb.save(path)
    src = read_source(path)
    assert src.sheet == "Pegawai"
    assert src.sheets == ["Petunjuk", "Pegawai"]
    assert read_source(path, sheet="Pegawai").rows == src.rows
    with pytest.raises(ValidationError, match="Lembar kerja 'Gaji' tidak ada"):
        read_source(path, sheet="Gaji")


def test_xls_file_is_read() -> None:
    # tests/data/pegawai_kantor.xls: a small BIFF8 file (written once with xlwt), header on
    # row 3 under a title line, one date cell and one date as text.
    src = read_source(DATA / "pegawai_kantor.xls")
    assert src.kind == "xls"
    assert src.header_row == 3
    assert src.headers[1:4] == ["NIP", "Nama Lengkap", "Tgl Lahir"]
    assert src.rows[0][1:4] == ["198001122005011002", "Drs. Budi Santoso, M.Si.", "1980-01-12"]
    assert src.rows[1][3] == "15/03/1992"
    assert src.row_numbers == [4, 5]


@pytest.mark.parametrize("delimiter", ["|", ";", ","])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_csv_delimiter_and_encoding_are_detected(
    tmp_path: Path, delimiter: str, encoding: str
) -> None:
    rows: list[list[object]] = [
        ["Daftar pegawai"],
        OFFICE_HEADERS,
        [1, "'198001122005011002", "Drs. Budi Santoso, M.Si.", "12-01-1980", "L", "III/d",
         "Camat", "Kecamatan Maju", "S2"],
        [2, "19920315 201903 2 001", "Désirée Söhné; S.E.", "15/03/1992", "P", "3a",
         "Pranata Komputer", "Kecamatan Maju", "S1"],
        [],
    ]  # fmt: skip
    src = read_source(
        write_csv(tmp_path / "pegawai.csv", rows, delimiter=delimiter, encoding=encoding)
    )
    assert src.kind == "csv"
    assert src.delimiter == delimiter
    assert src.header_row == 2
    assert src.headers == OFFICE_HEADERS
    assert src.row_numbers == [3, 4]
    assert src.rows[0][2] == "Drs. Budi Santoso, M.Si."
    assert src.rows[1][2] == "Désirée Söhné; S.E."


def test_delimiter_detection_prefers_the_consistent_split() -> None:
    assert detect_delimiter("a;b;c\n1;2,5;3\n4;5;6\n") == ";"
    assert detect_delimiter("a|b\n1|x, y\n") == "|"
    assert detect_delimiter("a,b,c\n1,2,3\n") == ","


def test_formula_cells_are_never_evaluated(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "rumus.xlsx",
        [
            ["NIP", "Nama", "Tgl Lahir"],
            ["198001122005011002", '=CONCATENATE("Bu","di")', "12-01-1980"],
            ["199203152019032001", "Siti", "=DATE(1992,3,15)"],
        ],
    )
    src = read_source(path)
    assert src.rows[0][1] == '=CONCATENATE("Bu","di")'
    assert src.rows[1][2] == "=DATE(1992,3,15)"
    assert src.formula_cells == 2
    csv_src = read_source(
        write_csv(
            tmp_path / "rumus.csv",
            [["NIP", "Nama"], ["198001122005011002", '=HYPERLINK("http://x","klik")']],
        )
    )
    assert csv_src.rows[0][1] == '=HYPERLINK("http://x","klik")'  # text, kept as written


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    seen: list[tuple[int, int]] = []
    read_source(path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(Cancelled):
        read_source(path, cancelled=lambda: True)


# --- hostile and broken files ------------------------------------------------------------


def refused(path: Path, *fragments: str) -> str:
    with pytest.raises(UnreadableFile) as info:
        read_source(path)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    assert info.value.exit_code == 1
    return message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    refused(tmp_path / "tidak-ada.xlsx", "tidak ditemukan")
    refused(tmp_path, "folder")


def test_empty_file(tmp_path: Path) -> None:
    refused(make_empty(tmp_path), "kosong")
    (tmp_path / "kosong.csv").write_text("\n\n  \n", encoding="utf-8")
    refused(tmp_path / "kosong.csv", "kosong")


def test_file_of_200_mb_is_refused_quickly(tmp_path: Path) -> None:
    for name in ("besar.xlsx", "besar.csv"):
        path = make_huge(tmp_path, name)
        start = time.perf_counter()
        refused(path, "terlalu besar", "200 MB", "batasnya 100 MB")
        assert time.perf_counter() - start < 0.5
    assert MAX_FILE_BYTES == 100 * 1024 * 1024


def test_truncated_xlsx(tmp_path: Path) -> None:
    refused(make_truncated(tmp_path), "rusak atau terpotong")


def test_non_spreadsheet_renamed_xlsx(tmp_path: Path) -> None:
    refused(make_renamed_png(tmp_path), "bukan lembar kerja Excel")
    text = tmp_path / "catatan.xlsx"
    text.write_text("ini hanya catatan, bukan lembar kerja", encoding="utf-8")
    refused(text, "bukan lembar kerja Excel")
    docx = tmp_path / "surat.xlsx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    refused(docx, "bukan lembar kerja Excel")
    binary_csv = tmp_path / "data.csv"
    binary_csv.write_bytes(b"\x00\x01\x02NIP;Nama\x00")
    refused(binary_csv, "bukan lembar kerja")


def test_password_protected_xlsx(tmp_path: Path) -> None:
    refused(make_password_protected(tmp_path), "dilindungi kata sandi")


def test_zip_bomb_inside_xlsx(tmp_path: Path) -> None:
    path = make_zip_bomb(tmp_path)
    assert path.stat().st_size < 1024 * 1024
    start = time.perf_counter()
    refused(path, "mencurigakan", "mengembang")
    assert time.perf_counter() - start < 1.0


def test_xml_entity_bomb_inside_xlsx(tmp_path: Path) -> None:
    refused(make_xml_bomb(tmp_path), "mencurigakan", "DOCTYPE")


def test_sheet_without_data(tmp_path: Path) -> None:
    refused(make_headers_only(tmp_path), "tidak berisi baris data")
    empty = tmp_path / "lembar-kosong.xlsx"
    openpyxl.Workbook().save(empty)
    refused(empty, "tidak berisi data")
    refused(write_csv(tmp_path / "judul.csv", [OFFICE_HEADERS]), "tidak berisi baris data")
