"""Small helpers the command modules share to print: table cells, JSON, progress."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TextIO


def clip(text: object, width: int) -> str:
    """``text`` cut to ``width`` characters (the last one an ellipsis when cut)."""
    s = "" if text is None else str(text)
    return s if len(s) <= width else s[: width - 1] + "…"


def write_json(out: TextIO, data: object, *, indent: int = 2, ensure_ascii: bool = False) -> None:
    """``data`` as indented JSON and a line break."""
    json.dump(data, out, ensure_ascii=ensure_ascii, indent=indent)
    out.write("\n")


def progress(message: Callable[[int, int, int], str]) -> Callable[[int, int], None]:
    """A progress callback ``(done, total)`` that prints ``message(pct, done, total)`` to a
    terminal's stderr at every tenth of the way (and nothing when stderr is not a terminal)."""
    last = [-1]

    def report(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct // 10 != last[0] and sys.stderr.isatty():
            last[0] = pct // 10
            print(message(pct, done, total), file=sys.stderr)

    return report


class JobProgress:
    """A job's progress (:class:`app.jobs.progress.Progress`) reported through a callback made
    by :func:`progress`; never cancelled."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report

    def report(self, done: int, total: int, text: str = "") -> None:
        self._report(done, total)

    @property
    def cancelled(self) -> bool:
        return False
