"""The fast cell writer of the recap sheets (cells as SpreadsheetML text, spliced into
openpyxl's package) gives the same workbook as every cell through openpyxl: values, types,
formats, fonts, borders, fills, alignment, merged ranges, row heights, column widths, print
set-up, read back with openpyxl; and every part of the file is well-formed XML."""

from __future__ import annotations

import copy
import math
import tempfile
import zipfile
from datetime import date, datetime
from decimal import Decimal
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.styles.proxy import StyleProxy
from openpyxl.xml.functions import tostring

from app.models.organisasi.bezetting import BezettingReport, BezettingRow, BezettingTotal
from app.models.rekap.common import KopLaporan
from app.models.rekap.tabel import Kategori, Rekap, RekapBaris
from app.reports.excel import rekap as rx
from app.reports.excel.sheetdata import ILLEGAL, MAX_TEXT
from tests.reports.test_recap_xlsx import KOP, KOP_TTD, NASTY, duk_row

CELL_ATTRS = ("value", "data_type", "number_format", "font", "border", "fill", "alignment")
CELL_ATTRS += ("protection", "quotePrefix")


def _same(a: object, b: object) -> bool:
    if isinstance(a, StyleProxy) and isinstance(b, StyleProxy):
        return bool(copy.copy(a) == copy.copy(b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def assert_same_workbook(fast: Path, slow: Path) -> None:
    """Everything a reader sees, compared sheet by sheet and cell by cell."""
    a, b = load_workbook(fast), load_workbook(slow)
    assert a.sheetnames == b.sheetnames
    assert sorted(a.defined_names) == sorted(b.defined_names)
    for name in a.sheetnames:
        x, y = a[name], b[name]
        assert (x.max_row, x.max_column) == (y.max_row, y.max_column), name
        for row_x, row_y in zip(x.iter_rows(), y.iter_rows(), strict=True):
            for cx, cy in zip(row_x, row_y, strict=True):
                for attr in CELL_ATTRS:
                    va, vb = getattr(cx, attr), getattr(cy, attr)
                    assert _same(va, vb), (name, cx.coordinate, attr, va, vb)
        assert {str(r) for r in x.merged_cells.ranges} == {str(r) for r in y.merged_cells.ranges}
        rows = set(x.row_dimensions) | set(y.row_dimensions)
        for r in rows:
            dx, dy = x.row_dimensions[r], y.row_dimensions[r]
            assert (dx.height, dx.customHeight) == (dy.height, dy.customHeight), (name, r)
        cols = set(x.column_dimensions) | set(y.column_dimensions)
        assert {c: x.column_dimensions[c].width for c in cols} == {
            c: y.column_dimensions[c].width for c in cols
        }
        assert x.freeze_panes == y.freeze_panes
        assert (x.print_title_rows, x.print_title_cols) == (y.print_title_rows, y.print_title_cols)
        assert x.print_area == y.print_area
        assert x.page_setup == y.page_setup
        assert x.sheet_properties == y.sheet_properties
        assert x.page_margins == y.page_margins
        assert x.print_options == y.print_options
        assert tostring(x.HeaderFooter.to_tree()) == tostring(y.HeaderFooter.to_tree())
        assert x.oddFooter.center.text == y.oddFooter.center.text
        assert x.auto_filter.ref == y.auto_filter.ref
        assert x.sheet_view == y.sheet_view


def assert_well_formed(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(z.read(name))  # raises on a malformed part


def both_ways(tmp: Path, kop: KopLaporan, sheets: Any, **kw: Any) -> tuple[Path, Path]:
    """Write the sheets made by ``sheets()`` fast and through openpyxl."""
    fast, slow = tmp / "fast.xlsx", tmp / "slow.xlsx"
    n_fast = rx.write_workbook(fast, kop, sheets(), **kw)
    n_slow = rx.write_workbook(slow, kop, sheets(), through_openpyxl=True, **kw)
    assert n_fast == n_slow
    assert_well_formed(fast)
    return fast, slow


def test_duk_is_the_same_both_ways(tmp_path: Path) -> None:
    long_name = "Prof. Dr. " + "Nama Yang Sangat Panjang Sekali " * 3 + "M.Si."
    names = [
        *NASTY,
        long_name,
        "Nama\x07 Aneh\x00",
        "  spasi di tepi  ",
        "baris\nbaru",
        "Tanda & < > \" ' ;",
        "",
        "x" * (MAX_TEXT + 5),
        "non\ufffekarakter\uffff",
        "Pegawai biasa",
    ]
    rows = [duk_row(i, name) for i, name in enumerate(names, start=1)]
    kop = KopLaporan("=cmd|' /C calc'!A0 & <b>", "@unit", date(2026, 1, 1))
    for k, kertas in ((kop, "A4"), (KOP_TTD, "F4")):

        def sheets(k: KopLaporan = k) -> list[rx.Lembar]:
            return [rx.lembar_duk(k, rows), rx.lembar_duk_rincian(k, rows)]

        fast, slow = both_ways(tmp_path, k, sheets, kertas=kertas)
        assert_same_workbook(fast, slow)
    ws = load_workbook(fast)["DUK"]
    assert ws.row_dimensions[7 + names.index(long_name)].height >= 4 * rx.LINE_HEIGHT
    assert len(ws.cell(7 + names.index("x" * (MAX_TEXT + 5)), 2).value) == MAX_TEXT
    assert ws.cell(7 + names.index("non\ufffekarakter\uffff"), 2).value == "nonkarakter"


def test_other_recap_sheets_are_the_same_both_ways(tmp_path: Path) -> None:
    table = Rekap(
        dimensi="golongan",
        judul="Rekapitulasi Pegawai per Golongan",
        kategori=[Kategori("III", "III"), Kategori("IV", "IV")],
        baris=[
            RekapBaris("u1", "Dinas & A", {("III", "L"): 3, ("III", "P"): 2}),
            RekapBaris("u2", "=Dinas B", {("IV", "L"): 1}),
        ],
    )
    row = BezettingRow(
        "j1", "Analis <Kebijakan>", "u1", "Bidang & Seksi", "JF", "AHLI_PERTAMA", "Ahli Pertama",
        None, 9, 3, "III/a", "S1",
    )  # fmt: skip
    bezetting = BezettingReport(
        None, True, [row], [], BezettingTotal(None, "Semua", 1, 3, 0, 3, 0, 0)
    )

    def sheets() -> list[rx.Lembar]:
        return [
            rx.lembar_rekap(KOP, table, "Golongan"),
            rx.lembar_bezetting(KOP, bezetting),
        ]

    fast, slow = both_ways(tmp_path, KOP, sheets, kertas="F4")
    assert_same_workbook(fast, slow)


class Jenis(StrEnum):
    PNS = "PNS"
    RUMUS = "=1+1"


class Angka(IntEnum):
    TIGA = 3


class Waktu(datetime):
    """A subclass of datetime (as some libraries give)."""


KINDS = st.sampled_from(rx.JENIS_KOLOM)
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(
        [*NASTY, " ", " a ", "\t", "a\r\nb", "a\ud800b", "&amp;", "]]>", "<![CDATA[x]]>"]
    ),
)
VALUE = st.one_of(
    st.none(),
    TEXT,
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.decimals(allow_nan=False, places=3, min_value=-(10**6), max_value=10**6).map(Decimal),
    st.sampled_from([*Jenis, *Angka]),  # enums: subclasses of str and int
    st.times(),
    st.datetimes(min_value=datetime(1900, 1, 1)).map(lambda d: Waktu(*d.timetuple()[:6])),
)
DATE = st.one_of(
    st.none(),
    TEXT,
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
)


@st.composite
def lembar(draw: st.DrawFn) -> rx.Lembar:
    kinds = draw(st.lists(KINDS, min_size=1, max_size=6))
    groups = draw(st.lists(st.sampled_from([None, "G1", "G2"]), min_size=len(kinds)))
    kolom = [
        rx.Kolom(f"K{i}", draw(st.floats(4, 30)), kind, groups[i]) for i, kind in enumerate(kinds)
    ]
    # a number in a date column would read back as a date (a warning when out of range)
    row = st.tuples(*(DATE if k == "tanggal" else VALUE for k in kinds))
    rows = draw(st.lists(row, max_size=8))
    total = draw(st.none() | st.lists(VALUE, min_size=len(kolom), max_size=len(kolom)))
    return rx.Lembar(
        nama=draw(st.text("abc[]:*? \x01", min_size=1, max_size=40)),
        judul=draw(st.lists(TEXT, max_size=3)),
        kolom=kolom,
        baris=rows,
        total=total,
        catatan=draw(st.lists(TEXT, max_size=2)),
        tanda_tangan=draw(st.booleans()),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets=st.lists(lembar(), min_size=1, max_size=2, unique_by=lambda s: s.nama))
def test_any_sheet_is_the_same_both_ways(sheets: list[rx.Lembar]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fast, slow = both_ways(Path(tmp), KOP_TTD, lambda: sheets)
        assert_same_workbook(fast, slow)


def test_text_is_never_a_formula_and_xml_is_escaped(tmp_path: Path) -> None:
    kolom = [rx.Kolom("A", 10), rx.Kolom("B", 10, "angka")]
    rows = [[text, i] for i, text in enumerate([*NASTY, "a & <b>", "]]>"])]
    sheet = rx.Lembar(nama="X", judul=["J"], kolom=kolom, baris=rows)
    path = tmp_path / "x.xlsx"
    rx.write_workbook(path, KOP, [sheet])
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert "a &amp; &lt;b&gt;" in xml
    ws = load_workbook(path)["X"]
    got = [(ws.cell(r, 1).value, ws.cell(r, 1).data_type) for r in range(5, 5 + len(rows))]
    assert got == [(text, "s") for text, _ in rows]


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_the_illegal_pattern_covers_openpyxl_s(text: str) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cleaned = ILLEGAL.sub("", text)
    assert not ILLEGAL_CHARACTERS_RE.search(cleaned)
    assert "\ufffe" not in cleaned and "\uffff" not in cleaned


@given(
    st.one_of(
        st.text("0123456789", min_size=18, max_size=18),
        st.text("0123456789\u0661\u0662\uff11 '.-NIP:", max_size=24),
        st.text(max_size=24),
    )
)
def test_duk_nip_as_printed_is_format_nip(nip: str) -> None:
    from app.models.rules.nip import format_nip

    assert duk_row(1, "x", nip=nip).nip_cetak == format_nip(nip)


def test_a_failed_write_leaves_no_scratch_files(tmp_path: Path, monkeypatch: Any) -> None:
    scratch_dir = tmp_path / "tmp"
    scratch_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch_dir))

    def broken() -> Any:
        yield duk_row(1, "satu")
        raise RuntimeError("putus")

    target = tmp_path / "out" / "gagal.xlsx"
    target.parent.mkdir()
    with pytest.raises(RuntimeError):  # in the middle of the rows
        rx.write_workbook(
            target, KOP, [rx.lembar_duk(KOP, [duk_row(1, "a")]), rx.lembar_duk(KOP, broken())]
        )
    assert list(scratch_dir.iterdir()) == [] and list(target.parent.iterdir()) == []
    rx.write_duk(target, KOP, [duk_row(1, "satu")])
    assert list(scratch_dir.iterdir()) == [] and [p.name for p in target.parent.iterdir()] == [
        "gagal.xlsx"
    ]
