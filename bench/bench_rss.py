"""Peak memory (RSS) of single commands on the 100,000-employee demo (issue 20: < 1 GB each).

Each command runs in a fresh process on its own copy of the demo database (so that one that
writes, like ``check`` migrating or ``beranda`` caching, does not change the next one's start),
and that process reports its own peak resident set size (``ru_maxrss``). The floor is a bare
Python process that opens the same database with ``sqlite3`` and reads one count: what any
command pays before doing its work.

    .venv/bin/python bench/bench_rss.py [DB]      # DB: a 100k demo (default: bench/out's)

The sync commands' memory is printed by ``bench_sync.py`` (its import runs in this process's
sibling); the SIASN import's by ``bench_import.py``. Unix only (``resource``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import CODE, demo_database, env_offscreen

GOAL_MB = 1024

# In the child: run ``python -m app ARGS`` in-process, then print the peak RSS in KiB.
_CHILD = """
import resource, runpy, sys
sys.argv = ["merit", *sys.argv[1:]]
try:
    runpy.run_module("app", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""

_BARE = """
import resource, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM pegawai").fetchone()
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def commands(out: Path) -> list[list[str]]:
    return [
        ["stats"],
        ["check"],
        ["employees", "list", "--limit", "50"],
        ["employees", "list", "--search", "a", "--format", "csv"],
        ["beranda"],
        ["audit", "verify"],
        ["export", "duk", "--out", str(out / "duk.xlsx")],
        ["export", "bezetting", "--out", str(out / "bezetting.xlsx")],
        ["export", "rekap", "--out", str(out / "rekap.xlsx")],
        ["export", "pensiun", "--out", str(out / "pensiun.xlsx")],
    ]


def _peak_mb(script: str, args: list[str]) -> tuple[float, int, str]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=CODE,  # `python -c` puts the working folder first: the code measured
        env=env_offscreen(),
        capture_output=True,
        text=True,
        check=False,
    )
    peak = 0
    for line in done.stderr.splitlines():
        if line.startswith("PEAK "):
            peak = int(line.split()[1])
    return peak / 1024, done.returncode, (done.stderr.strip().splitlines() or [""])[-2:][0]


def run(db: Path) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="merit-rss-") as tmp:
        work = Path(tmp)
        copy = work / "demo.sqlite3"
        shutil.copyfile(db, copy)
        # The first open may migrate the copy: do it once, outside the figures.
        _peak_mb(_CHILD, ["--db", str(copy), "stats"])
        bare, _, _ = _peak_mb(_BARE, [str(copy)])
        print(f"{'bare: sqlite3 opens the database':<52} {bare:8.1f} MB", flush=True)
        for args in commands(work):
            mb, code, last = _peak_mb(_CHILD, ["--db", str(copy), *args])
            name = "merit " + " ".join(a if "/" not in a else Path(a).name for a in args)
            verdict = "ok" if mb < GOAL_MB else "OVER 1 GB"
            note = "" if code == 0 else f"  (exit {code}: {last[:60]})"
            print(
                f"{name:<52} {mb:8.1f} MB   ratio {mb / bare:6.1f}x   {verdict}{note}",
                flush=True,
            )
            rows.append({"name": name, "mb": mb, "bare": bare, "code": code})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", type=Path, help="a 100k demo database (not changed)")
    args = parser.parse_args()
    run(args.db or demo_database(100_000))


if __name__ == "__main__":
    main()
