"""Test builders for spreadsheet imports: SIASN and office files, and every hostile or broken
file (moved from tests/models/test_impor_read.py)."""

from __future__ import annotations

import csv
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl

DATA = Path(__file__).resolve().parent.parent / "data"

SIASN_HEADERS = [
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG",
    "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID",
    "AGAMA NAMA", "NIK", "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID",
    "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS", "TMT CPNS", "TMT PNS", "GOL AWAL ID",
    "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN", "MK BULAN",
    "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA", "TMT JABATAN",
    "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID", "PENDIDIKAN NAMA",
    "TAHUN LULUS", "UNOR ID", "UNOR NAMA", "UNOR INDUK ID", "UNOR INDUK NAMA", "ESELON ID",
    "ESELON NAMA",
]  # fmt: skip


def siasn_row(**values: object) -> list[object]:
    """One SIASN row: every column empty unless given (by header, spaces as underscores)."""
    return [values.get(h.replace(" ", "_"), "") for h in SIASN_HEADERS]


# Two employees as a messy SIASN export writes them: NIPs with an apostrophe, dates as text,
# as real date cells and as bare serial numbers.
BUDI = dict(
    PNS_ID="A8ACA7D0",
    NIP_BARU="'198001122005011002",
    NAMA="BUDI SANTOSO",
    GELAR_DEPAN="Dr.",
    GELAR_BELAKANG="S.T., M.T.",
    TEMPAT_LAHIR_NAMA="KUPANG",
    TANGGAL_LAHIR="12-01-1980",
    JENIS_KELAMIN="M",
    AGAMA_ID=1,
    AGAMA_NAMA="Islam",
    NIK="'5371011201800001",
    JENIS_PEGAWAI_NAMA="PNS Daerah Kab/Kota",
    KEDUDUKAN_HUKUM_NAMA="Aktif",
    STATUS_CPNS_PNS="P",
    TMT_CPNS="01-01-2005",
    TMT_PNS="01-06-2006",
    GOL_AWAL_NAMA="III/a",
    GOL_AKHIR_NAMA="III/d",
    TMT_GOLONGAN="01-04-2019",
    MK_TAHUN=14,
    MK_BULAN=3,
    JENIS_JABATAN_NAMA="Jabatan Struktural",
    JABATAN_NAMA="Kepala Seksi Pendataan",
    TMT_JABATAN="02-01-2020",
    TINGKAT_PENDIDIKAN_NAMA="S-1/Sarjana",
    PENDIDIKAN_NAMA="Teknik Sipil",
    TAHUN_LULUS=2003,
    UNOR_NAMA="Seksi Pendataan",
    UNOR_INDUK_NAMA="Dinas Pendidikan",
    ESELON_NAMA="IV.a",
)
SITI = dict(
    PNS_ID="B1C2",
    NIP_BARU="199203152019032001",
    NAMA="SITI AMINAH",
    GELAR_BELAKANG="S.Kom",
    TEMPAT_LAHIR_NAMA="ENDE",
    TANGGAL_LAHIR=date(1992, 3, 15),
    JENIS_KELAMIN="F",
    AGAMA_NAMA="Katholik",
    JENIS_PEGAWAI_NAMA="PNS Daerah Kab/Kota",
    KEDUDUKAN_HUKUM_NAMA="Aktif",
    STATUS_CPNS_PNS="P",
    TMT_CPNS=43525,  # Excel serial number of 2019-03-01
    TMT_PNS=datetime(2020, 5, 1),
    GOL_AWAL_NAMA="III/a",
    GOL_AKHIR_NAMA="III/a",
    TMT_GOLONGAN=43525,
    MK_TAHUN=0,
    MK_BULAN=0,
    JENIS_JABATAN_NAMA="Jabatan Fungsional Tertentu",
    JABATAN_NAMA="Pranata Komputer Ahli Pertama",
    TMT_JABATAN="01-03-2020",
    TINGKAT_PENDIDIKAN_NAMA="S-1/Sarjana",
    PENDIDIKAN_NAMA="Informatika",
    TAHUN_LULUS=2014,
    UNOR_NAMA="Bidang Aplikasi Informatika",
    UNOR_INDUK_NAMA="Dinas Komunikasi dan Informatika",
)


def write_xlsx(path: Path, rows: list[list[object]], *, title: str = "Data") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_siasn_xlsx(path: Path, people: list[dict[str, object]] | None = None) -> Path:
    """A messy SIASN export: title lines, header on row 3, trailing empty rows."""
    people = [BUDI, SITI] if people is None else people
    rows: list[list[object]] = [["DATA PNS - SIASN BKN"], ["Diunduh 01-11-2026"], SIASN_HEADERS]
    rows += [siasn_row(**p) for p in people]
    rows += [[None] * 5, [""] * 3]
    return write_xlsx(path, rows)


def write_csv(
    path: Path, rows: list[list[object]], *, delimiter: str = ";", encoding: str = "utf-8-sig"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


OFFICE_HEADERS = [
    "No", "NIP", "Nama Lengkap", "Tgl Lahir", "L/P", "Pangkat/Gol", "Jabatan", "Unit Kerja",
    "Pendidikan Terakhir",
]  # fmt: skip


def make_empty(folder: Path) -> Path:
    path = folder / "kosong.xlsx"
    path.write_bytes(b"")
    return path


def make_huge(folder: Path, name: str = "besar.xlsx") -> Path:
    path = folder / name
    with path.open("wb") as fh:  # sparse: costs no disk
        fh.truncate(200 * 1024 * 1024)
    return path


def make_truncated(folder: Path) -> Path:
    whole = write_siasn_xlsx(folder / "utuh.xlsx").read_bytes()
    path = folder / "terpotong.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def make_renamed_png(folder: Path) -> Path:
    path = folder / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


def make_password_protected(folder: Path) -> Path:
    """Excel stores an encrypted .xlsx as an OLE compound file with an EncryptedPackage
    stream; this is the shape of one (header, directory entries), without real content."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    directory += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 50
    path = folder / "rahasia.xlsx"
    path.write_bytes(header + b"\x00" * 4096 + directory + b"\x11" * 2048)
    return path


def make_zip_bomb(folder: Path) -> Path:
    path = folder / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as part:
            block = b" " * (1 << 20)
            for _ in range(40):  # 40 MB of spaces: compresses about 1000 times
                part.write(block)
    return path


def make_xml_bomb(folder: Path) -> Path:
    """A real workbook whose sheet XML declares "billion laughs" entities."""
    good = write_siasn_xlsx(folder / "baik.xlsx")
    bomb = folder / "xml-bom.xlsx"
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                declaration, _, body = text.partition("?>")
                body = body.replace("BUDI SANTOSO", "&lol9;")
                data = f"{declaration}?><!DOCTYPE worksheet [{entities}]>{body}".encode()
            dst.writestr(info, data)
    return bomb


def make_headers_only(folder: Path) -> Path:
    return write_xlsx(folder / "judul-saja.xlsx", [OFFICE_HEADERS])


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/'
    'workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    'sheet1.xml"/></Relationships>'
)
# Two lines every raw sheet starts with: a header and one employee.
RAW_HEAD = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is>'
    '<t>Nama</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>198001122005011002'
    '</t></is></c><c r="B2" t="inlineStr"><is><t>Budi Santoso</t></is></c></row>'
)


def write_raw_xlsx(path: Path, rows_xml: str, *, dimension: str | None = None) -> Path:
    """An .xlsx whose sheet XML is written by hand (``rows_xml`` inside ``<sheetData>``), for
    files no spreadsheet program would write: cells far away, lying dimensions."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
        f'org/spreadsheetml/2006/main">{dim}<sheetData>{rows_xml}</sheetData></worksheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def make_far_cell(folder: Path) -> Path:
    """5 KB: one cell at XFD1048576 (calamine would ask for 512 GiB and abort the process)."""
    return write_raw_xlsx(
        folder / "sel-jauh.xlsx", RAW_HEAD + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )


def make_declared_million_rows(folder: Path) -> Path:
    return write_raw_xlsx(folder / "sejuta-baris.xlsx", RAW_HEAD, dimension="A1:AQ1048576")


def make_far_rows_without_references(folder: Path) -> Path:
    """Cells that name no place: calamine puts them after the row of the tag before."""
    body = RAW_HEAD + '<row r="1000000"><c><v>1</v></c><c><v>2</v></c></row>'
    return write_raw_xlsx(folder / "tanpa-referensi.xlsx", body)


def make_long_csv(folder: Path, rows: int = 250_001) -> Path:
    path = folder / "panjang.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("NIP;Nama\n")
        for i in range(rows):
            fh.write(f"{i};x\n")
    return path


# Every hostile or broken file of the issue, with what its message must say.
BAD_FILES = {
    "kosong": (make_empty, ("kosong",)),
    "200 MB": (make_huge, ("terlalu besar", "200 MB", "batasnya 100 MB")),
    "terpotong": (make_truncated, ("rusak atau terpotong",)),
    "bukan lembar kerja": (make_renamed_png, ("bukan lembar kerja Excel",)),
    "kata sandi": (make_password_protected, ("dilindungi kata sandi",)),
    "bom zip": (make_zip_bomb, ("mencurigakan", "mengembang")),
    "bom XML": (make_xml_bomb, ("mencurigakan", "DOCTYPE")),
    "tanpa data": (make_headers_only, ("tidak berisi baris data",)),
    "sel di XFD1048576": (
        make_far_cell,
        ("sel-jauh.xlsx", "'Pegawai' terlalu besar", "kolom XFD", "batasnya 250.000 baris"),
    ),
    "tercatat sejuta baris": (
        make_declared_million_rows,
        ("sejuta-baris.xlsx", "tercatat A1:AQ1048576", "1.048.576 baris"),
    ),
    "sel tanpa referensi": (make_far_rows_without_references, ("baris 1.000.000",)),
    "CSV terlalu panjang": (make_long_csv, ("panjang.csv", "lebih dari 250.000 baris")),
}
