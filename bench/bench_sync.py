"""Sync packages: export and import of a full package of the demo database (every employee with
their histories), and of an incremental package of 1,000 changes, beside the bare SQLite inserts
(or updates) of the same rows with ``executemany`` in one transaction, in the same run.

Target: import within 5x of the bare inserts (issue 20). Also printed: package sizes, and the
space the merge bookkeeping takes (``lokal_asal_baris``: one row per record;
``lokal_versi_kolom``: field versions after inserts).

Usage: python bench/bench_sync.py [EMPLOYEES]   (default 100000)
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from common import Timer, demo_database, report


def _copy(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def _table_bytes(conn: sqlite3.Connection, table: str) -> int | None:
    try:
        row = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name = ?", (table,)).fetchone()
    except sqlite3.Error:
        return None
    return int(row[0] or 0)


def _bare_inserts(db_path: Path, source: Path) -> tuple[float, int]:
    """The same rows (final state of every non-reference replicated table) with executemany."""
    from app.models.storage.skema import replicated_schema

    src = sqlite3.connect(source)
    dst = sqlite3.connect(db_path, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    schema = {t: c for t, c in replicated_schema(src).items() if not t.startswith("ref_")}
    data = {t: src.execute(f"SELECT {', '.join(c)} FROM {t}").fetchall() for t, c in schema.items()}
    rows = sum(len(v) for v in data.values())
    with Timer() as t:
        dst.execute("BEGIN")
        dst.execute("PRAGMA defer_foreign_keys = ON")
        for table, columns in schema.items():
            dst.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                data[table],
            )
        dst.execute("COMMIT")
    src.close()
    dst.close()
    return t.seconds, rows


def run(employees: int) -> list[dict]:
    from app.models.storage.db import Database
    from app.models.storage.store import Store
    from app.sync import identity as ident
    from app.sync import importer, package

    results = []
    demo = demo_database(employees)
    with tempfile.TemporaryDirectory(prefix="merit-bench-sync-") as tmp:
        folder = Path(tmp)
        src = Database(_copy(demo, folder / "sumber.sqlite3"))
        ident.ensure_identity(src, "Kantor Sumber")
        empty = Database(folder / "kosong.sqlite3")
        empty.close()
        dst = Database(_copy(folder / "kosong.sqlite3", folder / "tujuan.sqlite3"))
        dst.set_meta("node_id", "00000000-0000-4000-8000-000000000001")
        ident.ensure_identity(dst, "Kantor Tujuan")
        for a, b in ((src, dst), (dst, src)):
            ident.add_peer(a, ident.read_identity(ident.identity_bytes(b)), trusted=True)
        ops = src.conn.execute("SELECT coalesce(sum(op_count), 0) FROM lokal_batch").fetchone()[0]

        full = folder / "penuh.merit"
        with Timer() as t_export:
            exported = package.export_package(src, full, to="Kantor Tujuan", full=True)
        with Timer() as t_import:
            summary = importer.import_package(dst, full)
        bare_path = _copy(folder / "kosong.sqlite3", folder / "polos.sqlite3")
        bare, rows = _bare_inserts(bare_path, demo)
        print(
            f"full package: {exported.batch} batches, {ops:,} operations, {rows:,} rows, "
            f"{exported.ukuran / 2**20:.1f} MiB; applied {summary.batch_baru} batches",
            flush=True,
        )
        results.append(
            report(f"sync export full ({employees:,} employees)", t_export.seconds, bare)
        )
        results.append(
            report(
                f"sync import full ({employees:,} employees)",
                t_import.seconds,
                bare,
                target="target <= 5x",
            )
        )
        asal = _table_bytes(dst.conn, "lokal_asal_baris")
        if asal is not None:
            print(
                f"bookkeeping: lokal_asal_baris {asal / 2**20:.1f} MiB "
                f"({asal / max(rows, 1):.0f} B/row); database "
                f"{dst.path.stat().st_size / 2**20:.0f} MiB",
                flush=True,
            )

        # incremental: the source learns what the target holds, then 1,000 changes
        ack = folder / "ack.merit"
        package.export_package(dst, ack, to="Kantor Sumber")
        importer.import_package(src, ack)
        ids = [r[0] for r in src.conn.execute("SELECT id FROM pegawai ORDER BY id LIMIT 1000")]
        store = Store(src)
        with store.write("bench: 1000 perubahan") as tx:
            for i, pid in enumerate(ids):
                tx.update("pegawai", pid, {"telepon": f"0812{i:08d}"})
        inc = folder / "tambahan.merit"
        with Timer() as t_export_inc:
            inc_result = package.export_package(src, inc, to="Kantor Tujuan")
        with Timer() as t_import_inc:
            inc_summary = importer.import_package(dst, inc)
        bare_conn = sqlite3.connect(bare_path, isolation_level=None)
        with Timer() as t_bare_inc:
            bare_conn.execute("BEGIN")
            bare_conn.executemany(
                "UPDATE pegawai SET telepon = ? WHERE id = ?",
                [(f"0813{i:08d}", pid) for i, pid in enumerate(ids)],
            )
            bare_conn.execute("COMMIT")
        bare_conn.close()
        print(
            f"incremental package: {inc_result.batch} batch(es), {inc_result.operasi:,} "
            f"operations, {inc_result.ukuran / 1024:.1f} KiB; changed "
            f"{inc_summary.rekaman.get('pegawai', {}).get('ubah', 0)} employees",
            flush=True,
        )
        results.append(
            report("sync export 1,000 changes", t_export_inc.seconds, t_bare_inc.seconds)
        )
        results.append(
            report(
                "sync import 1,000 changes",
                t_import_inc.seconds,
                t_bare_inc.seconds,
                target="(bare is a bare UPDATE)",
            )
        )
        src.close()
        dst.close()
        shutil.rmtree(folder, ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("employees", nargs="?", type=int, default=100_000)
    args = parser.parse_args(argv)
    run(args.employees)


if __name__ == "__main__":
    main(sys.argv[1:])
