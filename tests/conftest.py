"""Test set-up: offscreen Qt before Qt is imported, a fresh data folder per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from app.models.storage.db import Database
from tests.helpers.common import TODAY, copy_database

# Fixtures shared across folders (the builders themselves are plain functions in tests/helpers).
pytest_plugins = ["tests.helpers.organisasi"]


@pytest.fixture(autouse=True)
def merit_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "merit-home"
    monkeypatch.setenv("MERIT_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return home


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "uji.sqlite3")
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made once per test session (300 employees, seed 7). Copy before writing."""
    from app.demo.tulis import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database(path)
    create_demo(database, 300, seed=7, today=TODAY)
    database.close()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the session's demo database."""
    database = Database(copy_database(demo_file, tmp_path / "demo.sqlite3"))
    yield database
    database.close()
