"""The TaskRunner a page is built with: the main window makes one and hands it to every page;
a test makes one per database with these fixtures, and waits for its tasks at the end."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from app.models.storage.db import Database
from app.ui.tasks import TaskRunner


@pytest.fixture
def make_runner() -> Iterator[Callable[[Database], TaskRunner]]:
    """Make the runner of a database; every runner made is waited for after the test."""
    made: list[TaskRunner] = []

    def make(database: Database) -> TaskRunner:
        runner = TaskRunner(database.path)
        made.append(runner)
        return runner

    yield make
    for runner in made:
        runner.wait()


@pytest.fixture
def runner(db: Database, make_runner: Callable[[Database], TaskRunner]) -> TaskRunner:
    """The runner of the ``db`` fixture."""
    return make_runner(db)


@pytest.fixture
def demo_runner(demo_db: Database, make_runner: Callable[[Database], TaskRunner]) -> TaskRunner:
    """The runner of the ``demo_db`` fixture."""
    return make_runner(demo_db)
