"""One harness for the kill tests: a child process does a write, it is stopped with SIGKILL at a
random moment, and the database, reopened, must be in one of the complete states: the one before
the write or the one after it (a kill that lands after COMMIT leaves the write done, which is
complete too).

The child is a Python script (``python -c``) run with this checkout on its path. It prints one
line when the job starts (after its imports and the opening of the database), so that the delay
of the kill is measured from the start of the job, not from the start of the interpreter.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

ROOT = Path(__file__).resolve().parents[2]

S = TypeVar("S")


@dataclass(frozen=True)
class Run:
    """One run of a child: its exit code, its output (first line included), and the seconds
    from the start of the job (its first line) to the end of the process."""

    returncode: int
    output: str
    seconds: float

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL


def run_child(
    script: str, *args: str, kill_after: float | None = None, timeout: float = 300.0
) -> Run:
    """Run ``script``; with ``kill_after``, SIGKILL it that many seconds after its first line of
    output. Without, it must succeed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    started = time.monotonic()
    if kill_after is not None and first:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=timeout)
    seconds = time.monotonic() - started
    if kill_after is None:
        assert proc.returncode == 0, err
    return Run(proc.returncode, first + out, seconds)


def start_child(script: str, *args: str) -> subprocess.Popen[str]:
    """Start ``script`` (``python -c``) with this checkout on its path; the caller reads its
    output lines and ends it (``communicate``)."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


# A backup of the database argv[1] (at the time argv[3], ISO) that stops after its first step
# (its temporary copy written, not yet renamed), prints "mulai", and goes on when the file
# argv[2] appears; then prints the backup's path.
PAUSED_BACKUP = """
import sys, time
from datetime import datetime
from pathlib import Path
from app.models.storage import cadangan
from app.models.storage.db import Database
db = Database(sys.argv[1])
go = Path(sys.argv[2])
state = {"first": True}
def progress(done, total):
    if state["first"]:
        state["first"] = False
        print("mulai", flush=True)
        while not go.exists():
            time.sleep(0.02)
info = cadangan.make_backup(db, now=datetime.fromisoformat(sys.argv[3]), progress=progress)
print(info.path, flush=True)
db.close()
"""


def job_seconds(script: str, *args: str) -> float:
    """How long the job of ``script`` takes here, run whole (to spread the kills over it)."""
    return run_child(script, *args).seconds


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the database at ``path`` (``"ok"`` when whole)."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@dataclass(frozen=True)
class Trial(Generic[S]):
    """One kill: when it was sent, what the child did, the state found afterwards."""

    attempt: int
    delay: float
    run: Run
    state: S


def kill_at_random_moments(
    script: str,
    *,
    args: Callable[[int], Sequence[str]],
    delays: Sequence[float],
    state: Callable[[int], S],
    before: S,
    after: S,
    restore: Callable[[], None] | None = None,
) -> list[Trial[S]]:
    """Run the write of ``script`` once per delay and kill it then; after each kill the
    database must be in the state ``before`` or ``after`` (``state(attempt)`` reads it,
    reopening the database). When a run leaves ``after``, ``restore`` brings back the state
    before and the kills go on; without ``restore`` they stop there.

    Fails unless at least one kill landed before the write was complete (else nothing was
    tested). Returns the trials.
    """
    trials: list[Trial[S]] = []
    for attempt, delay in enumerate(delays):
        run = run_child(script, *args(attempt), kill_after=delay)
        assert run.killed or run.returncode == 0, run  # killed, or it finished first
        found = state(attempt)
        assert found in (before, after), (attempt, delay, run, found)
        trials.append(Trial(attempt, delay, run, found))
        if found == after:
            if restore is None:
                break
            restore()
    assert any(t.run.killed and t.state == before for t in trials), (
        "no kill landed before the write was complete",
        trials,
    )
    return trials
