"""The audit trail's signed head (issue 12, item 4): the cost of an append (hash chain, employee
index, signed head) beside a bare INSERT of the same row, and the time of the whole check
(``merit audit verify``) and of the quick check run before every sign-in, on a 100,000-entry
trail."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from common import Timer, report


def run(entries: int) -> None:
    from app.models.access import audit, audit_periksa
    from app.models.storage.db import Database

    folder = Path(tempfile.mkdtemp(prefix="merit-bench-audit-"))
    db = Database(folder / "audit.sqlite3")
    conn = db.conn
    with Timer() as ours:
        conn.execute("BEGIN IMMEDIATE")
        for i in range(entries):
            audit.append(conn, aktor="operator", aksi="Membuka rincian pegawai", record_id=f"p{i}")
        conn.execute("COMMIT")
    bare_conn = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    bare_conn.execute(
        "CREATE TABLE t (no INTEGER PRIMARY KEY, waktu TEXT, aktor TEXT, aksi TEXT, "
        "record_id TEXT, prev_hash TEXT, hash TEXT)"
    )
    with Timer() as bare:
        bare_conn.execute("BEGIN")
        for i in range(entries):
            bare_conn.execute(
                "INSERT INTO t (waktu, aktor, aksi, record_id, prev_hash, hash) "
                "VALUES ('2026-11-22T00:00:00Z', 'operator', 'Membuka rincian pegawai', ?, "
                "'0', '0')",
                (f"p{i}",),
            )
        bare_conn.execute("COMMIT")
    report(f"audit append x{entries:,} (per entry)", ours.seconds / entries,
           bare.seconds / entries, unit="ms", target="information")  # fmt: skip
    with Timer() as full:
        check = audit_periksa.check_trail(conn)
    assert check.utuh, check.message
    with Timer() as quick:
        check = audit_periksa.check_trail(conn, full=False)
    assert check.ok
    print(f"audit verify (whole check), {entries:,} entries: {full.seconds:.2f} s", flush=True)
    print(f"quick check before sign-in, {entries:,} entries: {quick.seconds * 1000:.1f} ms")
    db.close()
    bare_conn.close()


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
