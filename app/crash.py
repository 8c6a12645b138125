"""The one crash handler: unexpected errors are written to a log file whose place is shown.

Never a raw traceback in a dialog, never a silent failure.
"""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path

from app import __version__, paths


def write_crash_log(exc: BaseException) -> Path:
    """Write the traceback and facts about the machine to a new log file; return its path."""
    import platform  # lazy: only when a crash is written (not at every start, issue 20)

    folder = paths.logs_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path.cwd()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    path.write_text(
        f"Merit {__version__}\nPython {sys.version}\n{platform.platform()}\n"
        f"{datetime.now().isoformat()}\n\n{text}",
        encoding="utf-8",
    )
    return path
