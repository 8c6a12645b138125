"""Import limits checked before python-calamine allocates: the declared size of a sheet, the
reach of its cells (the rectangle calamine allocates) and the number of cells, the size of a
sheet part from the zip directory; a .csv held to the same rows and cells.

The hostile workbooks are read in a child process with a memory limit: before the limits, a
5 KB file with one cell at XFD1048576 made calamine ask for 512 GiB and abort the process
(exit 134), which would take the test run with it.
"""

from __future__ import annotations

import base64
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models.impor import read
from app.models.impor.read import MAX_CELLS, MAX_ROWS, UnreadableFile, read_source
from tests.helpers.impor import (
    RAW_HEAD,
    make_declared_million_rows,
    make_far_cell,
    make_far_rows_without_references,
    make_long_csv,
    write_raw_xlsx,
)
from tests.helpers.kill import ROOT

_READ = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
from app.models.impor.read import UnreadableFile, read_source
try:
    table = read_source(sys.argv[1])
except UnreadableFile as exc:
    print("DITOLAK", exc)
else:
    print("DIBACA", len(table.rows))
"""


def read_in_child(path: Path) -> tuple[int, str]:
    """``read_source(path)`` in a child process limited to 3 GiB: (exit code, output)."""
    proc = subprocess.run(
        [sys.executable, "-c", _READ, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "RUST_BACKTRACE": "0"},
        timeout=300,
    )
    return proc.returncode, proc.stdout + proc.stderr[-500:]


def _cell(ref: str, value: int = 1) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def test_a_5_kb_file_with_one_cell_at_xfd1048576_is_refused_not_fatal(tmp_path: Path) -> None:
    path = make_far_cell(tmp_path)
    assert path.stat().st_size < 5 * 1024
    code, out = read_in_child(path)
    assert code == 0, out
    assert out.startswith("DITOLAK Berkas sel-jauh.xlsx: lembar kerja 'Pegawai' terlalu besar")
    assert "baris 1.048.576 dan kolom XFD" in out
    assert "batasnya 250.000 baris, 1.024 kolom dan 16.777.216 sel per lembar kerja" in out


@pytest.mark.parametrize(
    ("name", "rows_xml", "says"),
    [
        ("huruf-kecil", '<row r="3"><c r="xfd1048576"><v>1</v></c></row>', "kolom XFD"),
        ("dolar", '<row r="3"><c r="$XFD$1048576"><v>1</v></c></row>', "kolom XFD"),
        ("nol-depan", '<row r="3"><c r="XFD01048576"><v>1</v></c></row>', "kolom XFD"),
        ("petik-tunggal", "<row r=\"3\"><c r='XFD1048576'><v>1</v></c></row>", "kolom XFD"),
        ("r-di-belakang", '<row r="3"><c s="0" r="XFD1048576"><v>1</v></c></row>', "kolom XFD"),
        ("kosong-berformat", '<row r="3"><c r="XFD1048576" s="1"/></row>', "kolom XFD"),
        ("awalan", '<x:row r="3"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>', "kolom XFD"),
        ("baris-sejuta", '<row r="1048576"><c><v>1</v></c></row>', "baris 1.048.576"),
        ("400-ribu-baris", '<row r="400000"><c r="AQ400000"><v>1</v></c></row>', "400.000"),
    ],
)
def test_cells_far_away_in_any_spelling_are_refused(
    name: str, rows_xml: str, says: str, tmp_path: Path
) -> None:
    path = write_raw_xlsx(tmp_path / f"{name}.xlsx", RAW_HEAD + rows_xml)
    code, out = read_in_child(path)
    assert code == 0, out
    assert out.startswith(f"DITOLAK Berkas {name}.xlsx"), out
    assert says in out


@pytest.mark.parametrize(
    ("megabytes", "says"),
    [(3, "sampai baris 1.048.576 dan kolom XFD"), (8, "mencurigakan (XML tanpa akhir tag")],
)
def test_a_cell_tag_over_several_chunks_is_not_missed(
    megabytes: int, says: str, tmp_path: Path
) -> None:
    """A cell whose tag spans chunks is read whole (3 MB of attribute); a tag longer than
    4 MB is refused as such (a cell holds 32,767 characters)."""
    noise = random.Random(1).randbytes(megabytes * 1024 * 1024 * 5 // 8)
    body = (
        RAW_HEAD
        + f'<row r="3"><c r="XFD1048576" a="{base64.b32encode(noise).decode()}"><v>1</v></c>'
        + "</row>"
    )
    with pytest.raises(UnreadableFile) as caught:
        read_source(write_raw_xlsx(tmp_path / "tag-panjang.xlsx", body))
    assert says in str(caught.value)


def test_a_declared_million_rows_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_source(make_declared_million_rows(tmp_path))
    message = str(caught.value)
    assert "sejuta-baris.xlsx" in message and "tercatat A1:AQ1048576" in message
    assert "1.048.576 baris × 43 kolom" in message and "batasnya 250.000 baris" in message


def test_far_rows_without_references_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"baris 1\.000\.000"):
        read_source(make_far_rows_without_references(tmp_path))


def test_a_far_cell_in_the_middle_of_a_long_sheet_is_found(tmp_path: Path) -> None:
    """Several chunks of 1 MiB, read on the fast path; a cell of a later chunk reaches column
    ZZ (allowed alone) on row 20,000, and the rows go on: rows x 702 passes MAX_CELLS."""
    rows = [RAW_HEAD]
    for r in range(3, 30_001):
        cells = _cell(f"A{r}", r) + _cell(f"B{r}", r) + _cell(f"C{r}", r)
        if r == 20_000:
            cells += _cell(f"ZZ{r}")
        rows.append(f'<row r="{r}">{cells}</row>')
    path = write_raw_xlsx(tmp_path / "panjang.xlsx", "".join(rows))
    with pytest.raises(UnreadableFile) as caught:
        read_source(path)
    # Refused as soon as the rectangle passes the limit (row 23,900 x column 702 and on).
    assert re.search(r"sampai baris 2\d\.\d{3} dan kolom ZZ", str(caught.value))
    # The same sheet without that cell is read.
    rows[20_000 - 2] = rows[20_000 - 2].replace(_cell("ZZ20000"), "")
    table = read_source(write_raw_xlsx(tmp_path / "baik.xlsx", "".join(rows)))
    assert len(table.rows) == 29_999 and len(table.headers) == 3


def test_a_wide_sheet_within_the_limits_is_read(tmp_path: Path) -> None:
    header = "".join(
        f'<c r="{read._column_letter(i)}1" t="inlineStr"><is><t>K{i}</t></is></c>'
        for i in range(2, 300)
    )
    body = RAW_HEAD.replace('<c r="B1"', header + '<c r="B1"', 1)
    table = read_source(write_raw_xlsx(tmp_path / "lebar.xlsx", body, dimension="A1:KN2"))
    assert len(table.rows) == 1


def test_a_sheet_part_larger_than_the_limit_is_refused_from_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_raw_xlsx(tmp_path / "besar.xlsx", RAW_HEAD)
    monkeypatch.setattr(read, "MAX_PART_BYTES", 100)
    with pytest.raises(UnreadableFile) as caught:
        read_source(path)
    assert "besar.xlsx: lembar kerja 'Pegawai' terlalu besar" in str(caught.value)
    assert "per lembar kerja" in str(caught.value)


def test_a_csv_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_source(make_long_csv(tmp_path))
    assert "panjang.csv" in str(caught.value)
    assert "lebih dari 250.000 baris" in str(caught.value)
    assert read_source(make_long_csv(tmp_path, rows=MAX_ROWS - 1)).rows


def test_a_csv_with_too_many_cells_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "MAX_CELLS", 100)
    path = tmp_path / "lebar.csv"
    path.write_text("NIP;Nama\n" + "1;2\n" * 60, encoding="utf-8")
    with pytest.raises(UnreadableFile, match="lebih dari 100 sel"):
        read_source(path)
    assert MAX_CELLS == 65_536 * 256


# --- the scan measures what calamine would allocate -------------------------------------------


@st.composite
def _sheets(draw: st.DrawFn) -> tuple[str, int, int, int]:
    """Sheet XML with random cells (some without a reference, some in other spellings)."""
    rows = sorted(draw(st.sets(st.integers(1, 400), min_size=1, max_size=40)))
    parts, max_row, max_col, cells = [], 0, 0, 0
    for r in rows:
        cols = sorted(draw(st.sets(st.integers(1, 800), min_size=1, max_size=8)))
        spelled = draw(st.sampled_from(["r", "none", "quote", "late"]))
        row_cells, col = [], 0
        for c in cols:
            ref = f"{read._column_letter(c - 1)}{r}"
            if spelled == "none":
                col += 1
                row_cells.append("<c><v>1</v></c>")
            else:
                col = c
                attr = {"r": f'r="{ref}"', "quote": f"r='{ref}'", "late": f's="1" r="{ref}"'}
                row_cells.append(f"<c {attr[spelled]}><v>1</v></c>")
            max_col = max(max_col, col)
        cells += len(cols)
        max_row = r
        parts.append(f'<row r="{r}">{"".join(row_cells)}</row>')
    return "".join(parts), max_row, max_col, cells


@settings(max_examples=60, deadline=None)
@given(sheet=_sheets(), seed=st.integers(0, 1000))
def test_the_scan_finds_the_reach_of_the_cells_whatever_the_chunks(
    sheet: tuple[str, int, int, int], seed: int
) -> None:
    body, max_row, max_col, cells = sheet
    data = f"<worksheet><sheetData>{body}</sheetData></worksheet>".encode()
    scan = read._SheetScan(Path("x.xlsx"), zipfile.ZipFile.__new__(zipfile.ZipFile), "p")
    rnd = random.Random(seed)
    at = 0
    while at < len(data):
        size = rnd.randint(1, 300)
        scan.feed(data[at : at + size])
        at += size
    scan.finish()
    assert (scan.max_row, scan.max_col, scan.cells) == (max_row, max_col, cells)


def test_a_row_opened_in_a_block_without_cells_restarts_the_column() -> None:
    """Found by the property above (seed 538): ``</row><row r="101">`` alone in a block left
    the column of the previous row's last cell (AB), so the next cell without a reference was
    counted in column AC."""
    scan = read._SheetScan(Path("x.xlsx"), zipfile.ZipFile.__new__(zipfile.ZipFile), "p")
    for part in (
        b'<worksheet><sheetData><row r="100"><c r="AB100"><v>1</v></c>',
        b'</row><row r="101">',
        b"<c><v>1</v></c></row></sheetData></worksheet>",
    ):
        scan.feed(part)
    scan.finish()
    assert (scan.max_row, scan.max_col, scan.cells) == (101, 28, 2)
