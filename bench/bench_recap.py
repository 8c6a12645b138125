"""The DUK of the 100,000-employee demo to Excel vs bare openpyxl writing the same cells.

Target: Merit's DUK export (SQL query with the asn-rules 13.1 order, derivations, both sheets:
titles, merged headers, borders, formats and print set-up by openpyxl, the cells streamed as
SpreadsheetML text by app/reports/excel/sheetdata.py) within 1.3x of openpyxl write-only
writing the same cells from values already in memory, in the same run: issue 20 takes the
cells without styles as the floor; the styled floor is printed beside it (two variants: cells
styled the documented way, ``cell.font = ...`` per cell, and cells given a copy of a prepared
style array, the fastest way we know; the faster one counts).

The demo database is opened read-only (no migration of the shared file in bench/out/).
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import tempfile
from copy import copy
from pathlib import Path
from typing import Any

from common import TODAY, Timer, demo_database, report


def _values(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    from app.models.rekap import duk
    from app.reports.excel import rekap as rx

    return list(rx.duk_values(duk.duk(conn, on=TODAY)))


def _styles() -> dict[str, dict[str, Any]]:
    from openpyxl.styles import Alignment, Border, Font, Side

    side = Side(style="thin", color="000000")
    border = Border(left=side, right=side, top=side, bottom=side)
    font = Font(name="Arial", size=9)
    base = {"font": font, "border": border}
    return {
        "teks": {**base, "alignment": Alignment(vertical="top", wrap_text=True)},
        "nip": {
            **base,
            "alignment": Alignment(vertical="top", wrap_text=True),
            "number_format": "@",
        },
        "tanggal": {
            **base,
            "alignment": Alignment(vertical="top", horizontal="center"),
            "number_format": "DD-MM-YYYY",
        },
        "angka": {
            **base,
            "alignment": Alignment(vertical="top", horizontal="right"),
            "number_format": "0",
        },
        "nomor": {
            **base,
            "alignment": Alignment(vertical="top", horizontal="center"),
            "number_format": "0",
        },
    }


def bare_plain(path: Path, values: list[tuple[object, ...]]) -> float:
    """openpyxl write-only writing the same cells without any style (issue 20's floor)."""
    from openpyxl import Workbook

    from app.reports.excel.rekap import duk_kolom

    kolom = duk_kolom()
    with Timer() as t:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("DUK")
        for text in ("BKPSDM", "DAFTAR URUT KEPANGKATAN", "Keadaan per ..."):
            ws.append([text])
        ws.append([])
        ws.append([k.grup or k.judul for k in kolom])
        ws.append([k.judul for k in kolom])
        for row in values:
            ws.append(row)
        wb.save(path)
    return t.seconds


def bare_write(path: Path, values: list[tuple[object, ...]], *, fast: bool) -> float:
    """openpyxl write-only: the same title, header and data cells with the same styles."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    from app.reports.excel.rekap import duk_kolom

    kolom = duk_kolom()
    styles = _styles()
    with Timer() as t:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("DUK")
        for i, k in enumerate(kolom, start=1):
            ws.column_dimensions[get_column_letter(i)].width = k.lebar
        ws.freeze_panes = "A7"
        ws.print_title_rows = "5:6"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        for text in ("BKPSDM", "DAFTAR URUT KEPANGKATAN", "Keadaan per ..."):
            ws.append([text])
        ws.append([])
        ws.append([k.grup or k.judul for k in kolom])
        ws.append([k.judul for k in kolom])
        kinds = [styles[k.jenis] for k in kolom]
        templates = []
        for kind in kinds:
            cell = WriteOnlyCell(ws)
            for name, value in kind.items():
                setattr(cell, name, value)
            templates.append(cell._style)
        for row in values:
            cells = []
            for value, kind, template in zip(row, kinds, templates, strict=True):
                cell = WriteOnlyCell(ws, value)
                if fast:
                    cell._style = copy(template)
                else:
                    for name, style in kind.items():
                        setattr(cell, name, style)
                if isinstance(value, str):
                    cell.data_type = "s"
                cells.append(cell)
            ws.append(cells)
        ws.auto_filter.ref = f"A6:T{6 + len(values)}"
        wb.save(path)
    return t.seconds


def run(employees: int, *, styled: bool = True) -> list[dict]:
    """The figures: against the unstyled floor (issue 20), then (``styled``) the styled one."""
    from app.models.rekap import duk
    from app.models.rekap.common import kop as kop_laporan
    from app.reports.excel import rekap as rx

    source = demo_database(employees)
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    conn.execute("PRAGMA cache_size = -65536")
    with Timer() as q:
        values = _values(conn)  # also warms the page cache for the timed run
    with tempfile.TemporaryDirectory() as tmp:
        kop = kop_laporan(conn, None, TODAY)
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with Timer() as ours:  # as `merit export duk`: the query streamed once per sheet
            n = rx.write_duk(Path(tmp) / "duk.xlsx", kop, lambda: duk.duk(conn, on=TODAY))
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = (Path(tmp) / "duk.xlsx").stat().st_size
        with Timer() as held:  # the query once, its rows held for both sheets
            rx.write_duk(Path(tmp) / "duk-held.xlsx", kop, duk.duk(conn, on=TODAY))
        if styled:
            plain = bare_write(Path(tmp) / "bare-a.xlsx", values, fast=False)
            fast = bare_write(Path(tmp) / "bare-b.xlsx", values, fast=True)
        else:
            plain = fast = float("nan")
        unstyled = bare_plain(Path(tmp) / "bare-c.xlsx", values)
    conn.close()
    cells = n * len(rx.duk_kolom())
    print(
        f"  ({employees:,} employees in the database, {n:,} in the DUK, {cells:,} cells, "
        f"file {size / 1e6:.1f} MB; query + derivations alone {q.seconds:.2f} s; "
        f"Merit with the query once and its rows held {held.seconds:.2f} s; "
        + (
            f"bare styled per attribute {plain:.2f} s, bare with style arrays {fast:.2f} s; "
            if styled
            else ""
        )
        + f"peak RSS grew {(rss1 - rss0) / 1024:.0f} MB during the export)"
    )
    results = [
        report(
            f"DUK xlsx vs unstyled cells, {employees:,}",
            ours.seconds,
            unstyled,
            target="target <= 1.3x (issue 20)",
        )
    ]
    if styled:
        results.append(
            report(
                f"DUK xlsx, {employees:,} employees",
                ours.seconds,
                min(plain, fast),
                target="target <= 1.3x",
            )
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size)


if __name__ == "__main__":
    main()
