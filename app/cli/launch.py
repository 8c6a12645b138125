"""``merit`` without a command: open the desktop app.

The one module of :mod:`app.cli` that imports :mod:`app.ui` (tests/test_architecture.py knows
it), and only when it opens the app, so that a command never loads Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def launch(args: argparse.Namespace, package: Path | None = None) -> int:
    """Open the desktop app on ``--db`` (``--demo``: fill an empty database first); with
    ``package`` (a ``.merit`` file opened from the file manager), import it once signed in.
    Return the exit code of the app."""
    from app.ui.application import run_app  # lazy: PySide6

    return run_app(args.db, demo=args.demo, package=package)
