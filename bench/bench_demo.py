"""Demo generation through the one write path vs bare sqlite3 executemany of the same rows.

Target: Merit's demo generation (generating rows, the write path with change capture and audit,
the derived summary and FTS index) within 5x of inserting the same rows with plain
``sqlite3.executemany`` into the same schema in one transaction.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from common import TODAY, Timer, report


def bare_inserts(rows_by_table: list[dict[str, list[dict]]], path: Path) -> float:
    from app.models.storage.db import Database

    Database(path).close()  # the same schema, created outside the timing
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    with Timer() as t:
        conn.execute("BEGIN")
        for chunk in rows_by_table:
            for table, rows in chunk.items():
                if not rows:
                    continue
                cols = list(rows[0])
                sql = (
                    f"INSERT INTO {table} ({', '.join(cols)}) "
                    f"VALUES ({', '.join('?' for _ in cols)})"
                )
                conn.executemany(sql, ([r[c] for c in cols] for r in rows))
        conn.execute("COMMIT")
    conn.close()
    return t.seconds


def run(employees: int) -> dict:
    from app.demo.gen import generate
    from app.demo.tulis import create_demo
    from app.models.storage.db import Database

    with tempfile.TemporaryDirectory() as tmp:
        with Timer() as gen:
            chunks = [c.rows for c in generate(employees, 1, today=TODAY)]
        nrows = sum(len(r) for c in chunks for r in c.values())
        bare = bare_inserts(chunks, Path(tmp) / "bare.sqlite3")
        del chunks
        db = Database(Path(tmp) / "merit.sqlite3")
        with Timer() as ours:
            create_demo(db, employees, 1, today=TODAY)
        size = (Path(tmp) / "merit.sqlite3").stat().st_size
        db.close()
    print(
        f"  ({employees:,} pegawai, {nrows:,} rows; row generation alone {gen.seconds:.2f} s; "
        f"database {size / 1e6:.0f} MB)"
    )
    return report(
        f"demo generation {employees:,} employees", ours.seconds, bare, target="target <= 5x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size)


if __name__ == "__main__":
    main()
