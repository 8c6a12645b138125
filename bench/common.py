"""Shared helpers of the benchmarks: a cached 100k demo database and figure printing."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))
TODAY = date(2026, 11, 22)


def demo_database(employees: int, seed: int = 1) -> Path:
    """A demo database of the given size, made once and kept in bench/out/."""
    from app.demo.tulis import create_demo
    from app.models.storage.db import Database

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"demo-{employees}-{seed}.sqlite3"
    if path.exists():
        with sqlite3.connect(path) as conn:
            if conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == employees:
                return path
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    db = Database(path)
    create_demo(db, employees, seed, today=TODAY)
    db.close()
    return path


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
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env
