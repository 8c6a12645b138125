"""Export of the employee list: the rows (model) and the .xlsx file (report), without Qt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.models.errors import Cancelled
from app.models.pegawai import read as emp
from app.models.pegawai.ekspor import (
    describe_filter,
    employee_export_count,
    employee_export_rows,
    record_export,
)
from app.models.storage.db import Database
from app.reports.excel.pegawai import HEADER_ROW, write_employee_list


def test_rows_follow_the_filter_and_order_of_the_list(demo_db: Database) -> None:
    flt = emp.EmployeeFilter(status="PNS", kedudukan="AKTIF", sort="golongan")
    headers, rows = employee_export_rows(demo_db.conn, flt)
    exported = list(rows)
    listed = emp.list_employees(demo_db.conn, flt)
    assert headers[:2] == ["NIP", "Nama"]
    assert len(headers) == len(exported[0])
    assert [r[0] for r in exported] == [r["nip"] for r in listed]
    assert [r[1] for r in exported] == [r["nama_lengkap"] for r in listed]
    assert len(exported) == employee_export_count(demo_db.conn, flt)
    column = {h: i for i, h in enumerate(headers)}
    assert {r[column["Status kepegawaian"]] for r in exported} == {"PNS"}
    assert {r[column["Kedudukan"]] for r in exported} == {"Aktif"}
    assert {r[column["Jenis kelamin"]] for r in exported} <= {"Laki-laki", "Perempuan"}
    first, first_listed = exported[0], listed[0]
    assert first[column["Golongan"]] == first_listed["golongan"]
    assert first[column["Pangkat"]] == first_listed["pangkat"]
    assert first[column["Tanggal lahir"]] == date.fromisoformat(first_listed["tanggal_lahir"])
    assert isinstance(first[column["TMT golongan"]], date)


def test_rows_of_a_search_and_of_nothing(demo_db: Database) -> None:
    someone = emp.list_employees(demo_db.conn, emp.EmployeeFilter(), limit=1)[0]
    _, rows = employee_export_rows(demo_db.conn, emp.EmployeeFilter(search=someone["nip"]))
    assert [r[0] for r in rows] == [someone["nip"]]
    _, rows = employee_export_rows(demo_db.conn, emp.EmployeeFilter(search="zzzqqqxx"))
    assert list(rows) == []


def test_filter_described_in_words(demo_db: Database) -> None:
    assert describe_filter(demo_db.conn, emp.EmployeeFilter()) == "Semua pegawai"
    text = describe_filter(
        demo_db.conn,
        emp.EmployeeFilter(search="budi", golongan=("III/a",), status="PNS", kedudukan="AKTIF"),
    )
    assert text == "Pencarian \u201cbudi\u201d; golongan III/a; status PNS; kedudukan aktif"


def test_export_is_audited_as_a_sensitive_read(demo_db: Database, tmp_path: Path) -> None:
    batches = demo_db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0]
    record_export(
        demo_db, emp.EmployeeFilter(status="PPPK"), tmp_path / "x.xlsx", 12, actor="operator1"
    )
    row = demo_db.conn.execute(
        "SELECT aktor, aksi, tabel, jumlah, keterangan FROM lokal_audit ORDER BY rowid DESC"
    ).fetchone()
    assert tuple(row)[:4] == ("operator1", "Mengekspor daftar pegawai", "pegawai", 0)
    assert "12 pegawai" in row[4] and "Status PPPK" in row[4] and "x.xlsx" in row[4]
    assert demo_db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] == batches


def test_written_file_reads_back_with_its_layout(demo_db: Database, tmp_path: Path) -> None:
    flt = emp.EmployeeFilter(kedudukan="AKTIF")
    headers, rows = employee_export_rows(demo_db.conn, flt)
    expected = list(employee_export_rows(demo_db.conn, flt)[1])
    seen: list[int] = []
    path = tmp_path / "daftar.xlsx"
    n = write_employee_list(
        path, "Daftar Pegawai", headers, rows, subtitle="Semua", progress=seen.append
    )
    assert n == len(expected) and seen[-1] == n
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "Daftar Pegawai" and ws["A2"].value == "Semua"
    assert [c.value for c in ws[HEADER_ROW]] == headers
    assert all(c.font.b for c in ws[HEADER_ROW])
    assert ws.freeze_panes == f"C{HEADER_ROW + 1}"
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:P{HEADER_ROW + n}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert ws.page_setup.orientation == "landscape"
    # sixteen columns do not fit one A4 page at a readable size: two pages across, NIP and
    # name repeated (one page across printed the list at 3-4 pt)
    assert ws.page_setup.fitToWidth == 2 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_cols == "$A:$B"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["H"].width  # nama > golongan
    body = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [r[0] for r in body] == [r[0] for r in expected]
    assert ws.cell(HEADER_ROW + 1, 1).data_type == "s"  # NIP as text
    assert ws.cell(HEADER_ROW + 1, 1).number_format == "@"
    assert body[0][3].date() == expected[0][3]  # a real date
    assert not list(tmp_path.glob(".*sementara"))


def test_nip_stays_text_and_formulas_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "jahat.xlsx"
    rows = [
        [199001012020121001, '=HYPERLINK("http://x","klik")', "+62 812", "-", "@SUM(A1)"],
        ["012345678901234567", "Budi", None, "biasa", date(1990, 1, 1)],
    ]
    write_employee_list(path, "=judul", ["NIP", "Nama", "Telepon", "Catatan", "Lain"], rows)
    ws = openpyxl.load_workbook(path).active
    r = HEADER_ROW + 1
    assert ws.cell(r, 1).value == "199001012020121001" and ws.cell(r, 1).data_type == "s"
    assert ws.cell(r + 1, 1).value == "012345678901234567"
    for col in (2, 3, 4, 5):
        cell = ws.cell(r, col)
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    assert ws.cell(r, 2).value.startswith("=HYPERLINK")
    assert ws["A1"].data_type == "s"
    assert not ws.cell(r + 1, 2).quotePrefix


def test_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "batal.xlsx"
    rows = ([str(i), f"Pegawai {i}"] for i in range(5000))
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        write_employee_list(path, "T", ["NIP", "Nama"], rows, cancelled=lambda: next(calls) >= 3)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_gives_a_clear_message(tmp_path: Path) -> None:
    from app.models.errors import MeritError

    target = tmp_path / "tidak-ada" / "daftar.xlsx"
    with pytest.raises(MeritError, match="tidak dapat ditulis"):
        write_employee_list(target, "T", ["NIP"], [["1"]])


def test_dates_numbers_and_characters_excel_refuses(tmp_path: Path) -> None:
    # the rows are written as SpreadsheetML text: a date keeps the dd-mm-yyyy format, a number
    # stays a number without it, and characters XML cannot hold (a lone surrogate, U+FFFF, a
    # control character) are removed instead of breaking the file
    path = tmp_path / "jenis.xlsx"
    rows = [["1", "Budi\ud800 \uffff\x07Santoso", date(1990, 1, 31), 42, None, "A & B <c>"]]
    write_employee_list(path, "Daftar", ["NIP", "Nama", "Lahir", "Angka", "Kosong", "Teks"], rows)
    ws = openpyxl.load_workbook(path).active
    r = HEADER_ROW + 1
    assert ws.cell(r, 2).value == "Budi Santoso"
    assert ws.cell(r, 3).value.date() == date(1990, 1, 31)
    assert ws.cell(r, 3).number_format == "dd-mm-yyyy"
    assert ws.cell(r, 4).value == 42 and ws.cell(r, 4).number_format == "General"
    assert ws.cell(r, 5).value is None and ws.cell(r, 6).value == "A & B <c>"


def test_a_wide_list_prints_readably_two_pages_across(tmp_path: Path) -> None:
    # sixteen columns fitted to one A4 page printed at 3-4 pt; now long text wraps in its
    # column (the row made taller for it), and a list still too wide for one page at a
    # readable size is printed two pages across with NIP and name repeated on each
    from app.reports.excel import pegawai as px
    from app.reports.excel.ukuran import LINE_HEIGHT

    long_office = "Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk"
    headers = [f"Kolom {i}" for i in range(16)]
    rows = [
        ["199001012020121001", "Budi Santoso", *["Teks yang agak panjang"] * 13, long_office],
        ["199001012020121002", "Ani", *["pendek"] * 14],
    ]
    path = tmp_path / "lebar.xlsx"
    write_employee_list(path, "Daftar", headers, rows)
    ws = openpyxl.load_workbook(path).active
    assert ws.page_setup.fitToWidth == 2 and ws.print_title_cols == "$A:$B"
    assert ws.page_margins.left == px.MARGIN
    widths = [ws.column_dimensions[chr(ord("A") + i)].width for i in range(16)]
    assert max(widths) <= px.MAX_WIDTH
    r = HEADER_ROW + 1
    assert ws.cell(r, 16).alignment.wrap_text and ws.cell(r, 16).font.name == "Arial"
    assert ws.row_dimensions[r].height == 3 * LINE_HEIGHT + 2  # the office wraps in 32 units
    assert ws.row_dimensions[r + 1].height is None
    # a narrow list stays on one page across
    narrow = tmp_path / "sempit.xlsx"
    write_employee_list(narrow, "Daftar", ["NIP", "Nama"], [r[:2] for r in rows])
    ws2 = openpyxl.load_workbook(narrow).active
    assert ws2.page_setup.fitToWidth == 1 and not ws2.print_title_cols
