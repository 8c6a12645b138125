"""Search keystroke latency on 100,000 employees (``bench_search.py [EMPLOYEES]``).

One keystroke in the browser = the model's query (ordered keys of every match) plus the rows of
the first visible page. Measured through the real Qt model, beside the bare-library figure: the
same FTS5 match and first page with plain ``sqlite3``. Target: under 30 ms a keystroke.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import demo_database, report

TYPED = [
    "s",
    "si",
    "sit",
    "siti",
    "b",
    "bu",
    "bud",
    "budi",
    "1",
    "19",
    "198",
    "1986",
    "ma",
    "mar",
    "nur",
    "nur a",
    "wa",
    "way",
    "ahm",
    "ahmad",
    "dw",
    "dwi",
    "r",
    "ri",
    "rin",
    "putu",
    "kad",
    "i made",
    "ni",
    "2",
]


def main(employees: int = 100_000) -> list[dict]:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from app.models.pegawai import read as emp
    from app.models.storage.db import Database
    from app.ui.employee_model import EmployeeTableModel
    from app.ui.tasks import TaskRunner

    path = demo_database(employees)
    app = QApplication.instance() or QApplication([])
    db = Database(path)
    runner = TaskRunner(db.path)
    model = EmployeeTableModel(db, runner=runner)  # as the browser has it
    model.set_filter(emp.EmployeeFilter(kedudukan="AKTIF"))
    while not model.complete:
        app.processEvents()
    ours: list[float] = []  # keystroke -> first screenful painted (the UI thread's share)
    full: list[float] = []  # keystroke -> every key known and the count shown
    for _ in range(3):
        for text in TYPED:
            start = time.perf_counter()
            model.set_filter(emp.EmployeeFilter(search=text, kedudukan="AKTIF"))
            for row in range(min(30, model.rowCount())):  # the first screenful is painted
                model.data(model.index(row, 1, QModelIndex()))
            ours.append(time.perf_counter() - start)
            while not model.complete:
                app.processEvents()
                time.sleep(0.0005)
            full.append(time.perf_counter() - start)
    runner.wait()
    bare: list[float] = []
    conn = sqlite3.connect(path)
    for _ in range(3):
        for text in TYPED:
            query = emp.fts_query(text)
            start = time.perf_counter()
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT rowid FROM pegawai_ringkas WHERE deleted = 0 "
                    "AND kedudukan = 'AKTIF' AND rowid IN "
                    "(SELECT rowid FROM pegawai_fts WHERE pegawai_fts MATCH ?) "
                    "ORDER BY nama_urut",
                    (query,),
                )
            ]
            page = ids[:30]
            conn.execute(
                f"SELECT * FROM pegawai_ringkas WHERE rowid IN ({', '.join('?' for _ in page)})",
                page,
            ).fetchall()
            bare.append(time.perf_counter() - start)
    db.close()
    del app
    size = "100k" if employees == 100_000 else f"{employees:,}"
    results = []
    for label, fn in (
        ("median", statistics.median),
        ("p95", lambda xs: sorted(xs)[int(0.95 * len(xs)) - 1]),
        ("max", max),
    ):
        results.append(
            report(
                f"search keystroke to first rows, {size} ({label})",
                fn(ours),
                fn(bare),
                unit="ms",
                target="target < 30 ms",
            )
        )
        results.append(
            report(
                f"search keystroke to full result, {size} ({label})",
                fn(full),
                fn(bare),
                unit="ms",
                target="(background for broad searches)",
            )
        )
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
