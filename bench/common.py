"""Shared helpers of the benchmarks: a cached 100k demo database and figure printing.

The code measured is the tree this file is in, or the one named by the environment variable
``MERIT_BENCH_CODE`` (a code root, e.g. an older revision extracted by ``before_after.py``): its
``app`` is imported first, subprocesses get it on ``PYTHONPATH`` (``env_offscreen``), and its
demo databases are kept apart from this tree's (an older schema cannot open a newer database,
and newer code would migrate an older one).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CODE = Path(os.environ.get("MERIT_BENCH_CODE") or ROOT).resolve()  # the code measured
sys.path.insert(0, str(CODE))
TODAY = date(2026, 11, 22)


def demo_path(employees: int, seed: int = 1) -> Path:
    """Where the demo of ``CODE`` is kept: bench/out/demo-N-S.sqlite3 for this tree's code,
    bench/out/demo-<code root's name>-N-S.sqlite3 for another."""
    tag = "" if CODE == ROOT else f"{CODE.name}-"
    return OUT / f"demo-{tag}{employees}-{seed}.sqlite3"


def demo_database(employees: int, seed: int = 1) -> Path:
    """A demo database of the given size, made once and kept in bench/out/. When made here, its
    size (page_count * page_size) and the time taken are written beside it (``.json``) before
    anything else opens it: the size of a fresh demo."""
    from app.demo.tulis import create_demo
    from app.models.storage.db import Database

    OUT.mkdir(parents=True, exist_ok=True)
    path = demo_path(employees, seed)
    if path.exists():
        with sqlite3.connect(path) as conn:
            if conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == employees:
                return path
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    fresh_path(path).unlink(missing_ok=True)
    with Timer() as t:
        db = Database(path)
        create_demo(db, employees, seed, today=TODAY)
        db.close()
    fresh_path(path).write_text(
        json.dumps({"employees": employees, "seconds": t.seconds, **database_size(path)})
    )
    return path


def fresh_path(demo: Path) -> Path:
    return demo.with_suffix(".json")


def database_size(path: Path) -> dict[str, int]:
    """page_count * page_size of a closed database (its WAL checkpointed), and its free pages."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    conn.close()
    return {"bytes": pages * size, "free_bytes": free * size}


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


def report(name: str, ours: float, bare: float, *, unit: str = "s", target: str = "") -> dict:
    ratio = ours / bare if bare else float("inf")
    scale = 1000 if unit == "ms" else 1
    line = (
        f"{name:<44} merit {ours * scale:9.2f} {unit}   bare {bare * scale:9.2f} {unit}   "
        f"ratio {ratio:5.2f}x   {target}"
    )
    print(line, flush=True)
    return {"name": name, "merit": ours, "bare": bare, "ratio": ratio, "target": target}


def env_offscreen() -> dict[str, str]:
    """The environment of a subprocess: offscreen Qt, and ``CODE`` first on its path."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    rest = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(CODE) + (os.pathsep + rest if rest else "")
    return env
