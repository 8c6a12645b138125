"""The cost of the leave mark and the CLTN shift in the lists (issue 17, item 5).

On a 20,000-employee demo (``merit demo --employees 20000``; or the path given as the first
argument), with the demo's year of leave and again with 200,000 extra approved leave rows
(10 a person, 2,000 of them cuti besar or CLTN; written with plain SQL into a scratch copy):

* the employee list: the keys of the active employees plus the rows of the first page
  (200 rows), and every row in pages of 200 (what the export and a full scroll do);
* the KGB list of one year, the KP list of one period and the pensiun list of 5 years.

"Before" is the same code with the leave mark (subquery) and the CLTN periods switched off,
"after" is the code as it is. Best of 5 runs each.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from common import OUT, demo_database

PAGE = 200


def best(fn: Callable[[], Any], n: int = 5) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def more_leave(path: Path) -> Path:
    """A copy of ``path`` with 10 approved leave rows a person (scratch data for timing)."""
    copy = OUT / "cuti_list_20k_more.sqlite3"
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy)
    ids = [r[0] for r in conn.execute("SELECT id FROM pegawai WHERE deleted = 0")]
    rows = []
    start = date(2017, 1, 2)
    for i, pid in enumerate(ids):
        for k in range(10):
            mulai = start + timedelta(days=180 * k + i % 90)
            jenis, lama = "TAHUNAN", 3
            if k == 9 and i % 10 == 0:
                jenis, lama = ("CLTN", 365) if i % 20 == 0 else ("BESAR", 90)
                mulai = date(2026, 6, 1)
            selesai = mulai + timedelta(days=lama - 1)
            rows.append(
                (
                    str(uuid.uuid4()),
                    pid,
                    jenis,
                    mulai.isoformat(),
                    selesai.isoformat(),
                    lama,
                    mulai.year,
                    mulai.isoformat(),
                    "DISETUJUI",
                )
            )
    conn.executemany(
        "INSERT INTO cuti (id, pegawai_id, jenis_kode, tanggal_mulai, tanggal_selesai, lama, "
        "tahun, tanggal_usul, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    return copy


def measure(path: Path, label: str) -> None:
    from app.models.cuti import berjalan
    from app.models.pegawai import read as emp
    from app.models.rekap import kgb as rekap_kgb
    from app.models.rekap import kp as rekap_kp
    from app.models.rekap import pensiun as rekap_pensiun
    from app.models.storage.db import Database

    db = Database(path)
    conn = db.conn
    pada = date(2026, 12, 4)
    n_cuti = conn.execute("SELECT count(*) FROM cuti").fetchone()[0]
    flt = emp.EmployeeFilter(kedudukan="AKTIF")

    def first_page() -> None:
        ids = emp.search_ids(conn, flt)
        emp.fetch_rows(conn, ids[:PAGE], pada=pada)

    def all_rows() -> None:
        ids = emp.search_ids(conn, flt)
        for s in range(0, len(ids), PAGE):
            emp.fetch_rows(conn, ids[s : s + PAGE], pada=pada)

    def kgb() -> None:
        rekap_kgb.kgb_jatuh_tempo(conn, date(2027, 1, 1), date(2027, 12, 31), pada=pada)

    def kp() -> None:
        rekap_kp.nominatif_kp(conn, date(2027, 4, 1))

    def pensiun() -> None:
        rekap_pensiun.pensiun(conn, date(2027, 1, 1), pada=pada)

    cases = {
        "daftar pegawai: kunci + 200 baris pertama": first_page,
        "daftar pegawai: semua baris per 200": all_rows,
        "daftar KGB 2027": kgb,
        "daftar KP periode April 2027": kp,
        "daftar pensiun 5 tahun": pensiun,
    }
    modules = (emp, rekap_kgb, rekap_kp, rekap_pensiun)
    saved = [
        (m, m.__dict__.get("sql_cuti_berjalan"), m.__dict__.get("periode_tidak_dihitung"))
        for m in modules
    ]

    def switch_off() -> None:
        for m, _s, p in saved:
            if "sql_cuti_berjalan" in m.__dict__:
                m.sql_cuti_berjalan = lambda *_a: "NULL"  # type: ignore[attr-defined]
            if p is not None:
                m.periode_tidak_dihitung = lambda *_a: {}  # type: ignore[attr-defined]

    def switch_on() -> None:
        for m, s, p in saved:
            if s is not None:
                m.sql_cuti_berjalan = s  # type: ignore[attr-defined]
            if p is not None:
                m.periode_tidak_dihitung = p  # type: ignore[attr-defined]

    print(f"\n{label}: {n_cuti} baris cuti")
    for name, fn in cases.items():
        switch_off()
        before = best(fn)
        switch_on()
        after = best(fn)
        print(f"  {name:44s} sebelum {before * 1000:8.1f} ms   sesudah {after * 1000:8.1f} ms")
    marked = sum(
        1 for r in emp.fetch_rows(conn, emp.search_ids(conn, flt), pada=pada).values() if r["cuti"]
    )
    print(f"  ditandai cuti besar/CLTN pada {pada}: {marked} pegawai")
    assert berjalan.JENIS_DITANDAI
    db.close()


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else demo_database(20_000)
    measure(path, "demo 20.000 pegawai")
    measure(more_leave(path), "demo 20.000 pegawai + 200.000 baris cuti")


if __name__ == "__main__":
    main()
