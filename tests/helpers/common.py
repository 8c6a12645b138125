"""Test builders (moved from tests/conftest.py)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 22)


def copy_database(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target
