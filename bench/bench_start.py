"""Cold start to a usable main window on a 100,000-employee database, in a fresh process,
beside a bare QApplication showing an empty QMainWindow. Target: within 3x of the bare window.

"Usable" means: the main window is shown, the first screenful of the employee table is
painted, and the event loop has run once. The full list of keys (and the count under the table)
arrives from a background thread a moment later; that time is reported too.

``bench_start.py [DB [EMPLOYEES]]``: a copy of a demo (default: bench/out's, of EMPLOYEES,
100,000 unless given).

Both are measured idle and "under load": while another CPU-bound process runs (a busy loop in a
subprocess, standing for an import or a sync in another window), each against the bare window
under the same load. The snippets run with compiled bytecode (as an installed Merit does: the
wheel and the frozen build ship .pyc), even when PYTHONDONTWRITEBYTECODE is set in the shell.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from common import CODE, demo_database, env_offscreen, report

BARE = r"""
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 780); w.show()
app.processEvents(); w.grab()
print(time.perf_counter() - t0)
"""

MERIT = r"""
import sys, time; t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from app.ui.application import make_app
from app.models.storage.db import Database
from app.ui.main_window import MainWindow
app = make_app()
db = Database({path!r})
w = MainWindow(db); w.show()
app.processEvents(); w.grab()
assert w.employees.model.rowCount() >= 100  # the first screenful is painted
usable = time.perf_counter() - t0
while not w.employees.model.complete:  # every key known and the count shown
    app.processEvents(); time.sleep(0.0005)
assert w.employees.model.rowCount() > {least}
print(time.perf_counter() - t0)
print(usable, flush=True)
import os; os._exit(0)  # not waiting for the Beranda's background read to end
"""


BUSY = "import time\nend = time.time() + 600\nwhile time.time() < end: sum(range(1000))"


def env_compiled() -> dict[str, str]:
    env = env_offscreen()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_both(code: str) -> tuple[float, float]:
    """(usable, complete) seconds printed by the snippet."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env_compiled(),
        check=True,
        timeout=300,
    )
    lines = out.stdout.strip().splitlines()
    return float(lines[-1]), float(lines[-2])


def timed(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env_compiled(),
        check=True,
        timeout=300,
    )
    return float(out.stdout.strip().splitlines()[-1])


def measure(merit: str, label: str, size: str = "100k") -> list[dict]:
    # interleaved, so that each pair sees the same load (other jobs on a shared machine)
    bare: list[float] = []
    ours: list[tuple[float, float]] = []
    for _ in range(7):
        bare.append(timed(BARE))
        ours.append(timed_both(merit))
    return [
        report(
            f"cold start to usable window, {size}{label} (median)",
            statistics.median(u for u, _ in ours),
            statistics.median(bare),
            target="target <= 3x",
        ),
        report(
            f"cold start to full count, {size}{label} (median)",
            statistics.median(c for _, c in ours),
            statistics.median(bare),
            target="(the rest of the keys come from the background)",
        ),
    ]


def main(path: Path | None = None, employees: int = 100_000) -> list[dict]:
    """``path``: a copy of a demo of ``employees`` (default: the one made in bench/out/)."""
    path = path or demo_database(employees)
    size = "100k" if employees == 100_000 else f"{employees:,}"
    merit = MERIT.format(root=str(CODE), path=str(path), least=int(employees * 0.9))
    timed(BARE), timed_both(merit)  # warm the OS file cache once (and write the bytecode)
    results = measure(merit, "", size)
    busy = subprocess.Popen([sys.executable, "-c", BUSY])
    try:
        timed(BARE)  # the busy loop is running
        results += measure(merit, ", under load", size)
    finally:
        busy.kill()
        busy.wait()
    return results


if __name__ == "__main__":
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else None,
        int(sys.argv[2]) if len(sys.argv) > 2 else 100_000,
    )
