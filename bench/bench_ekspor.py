"""The employee list of the demo to Excel (the Pegawai page's "Ekspor", every employee) vs bare
openpyxl write-only writing the same rows, in the same run.

Merit: the job as the page runs it (the right checked, the list read in its order a chunk at a
time, labels, the workbook made by openpyxl with widths, styles, filter and print set-up, the
rows streamed as SpreadsheetML text with their heights, saved atomically, audited). Floor: the
same rows, already in memory, written with openpyxl's write-only worksheet without styles (as
issue 20's DUK floor). Target: within 1.3x, as the DUK.

Usage: python bench/bench_ekspor.py [--sizes 100000]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
from pathlib import Path

from common import Timer, demo_database, report


def _rows(path: Path) -> tuple[list[str], list[list[object]]]:
    from app.models.pegawai.ekspor import employee_export_rows
    from app.models.pegawai.read import EmployeeFilter

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    headers, rows = employee_export_rows(conn, EmployeeFilter())
    held = [list(r) for r in rows]
    conn.close()
    return headers, held


def _bare(target: Path, headers: list[str], rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Daftar pegawai")
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(target)


def run(employees: int) -> dict:
    from app.jobs.pegawai import EmployeeListRequest, write_employee_list
    from app.models.pegawai.read import EmployeeFilter
    from app.models.storage.db import Database

    demo = demo_database(employees)
    with tempfile.TemporaryDirectory(prefix="merit-bench-ekspor-") as tmp:
        folder = Path(tmp)
        copy = folder / "demo.sqlite3"
        shutil.copyfile(demo, copy)
        headers, rows = _rows(copy)
        with Timer() as bare:
            _bare(folder / "polos.xlsx", headers, rows)
        db = Database(copy)
        request = EmployeeListRequest(EmployeeFilter(), folder / "merit.xlsx")
        with Timer() as ours:
            result = write_employee_list(db, "sistem", request)
        db.close()
        assert result.rows == len(rows), (result.rows, len(rows))
        return report(
            f"employee list export ({len(rows):,} rows x {len(headers)})",
            ours.seconds,
            bare.seconds,
            target="target <= 1.3x",
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size)


if __name__ == "__main__":
    main()
