"""Work off the UI thread, in the spirit of Anki's operations.

``runner.run(fn, on_done=..., on_error=...)`` runs ``fn(db, progress)`` in a pool thread with a
fresh database handle of its own; ``fn`` returns plain data and never touches a widget. Results,
errors and progress come back to the UI thread by signal. Bulk jobs (demo data, imports, batch
PDFs, sync, backups) use the bulk pool so that they never starve the small queries that keep the
screen alive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.models.storage.db import Database


class Progress:
    """Handed to a task: report progress, and ask whether the user cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Task(QRunnable):
    def __init__(self, db_path: Path, fn: Callable[[Database, Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self._db_path = db_path
        self._fn = fn

    def run(self) -> None:
        db = None
        try:
            db = Database(self._db_path, create=False, migrate=False)
            result = self._fn(db, self.progress)
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            if db is not None:
                db.close()


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they report back."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.small_pool = QThreadPool(self)
        self.small_pool.setMaxThreadCount(2)
        self.bulk_pool = QThreadPool(self)
        self.bulk_pool.setMaxThreadCount(1)
        self._running: set[Task] = set()

    def run(
        self,
        fn: Callable[[Database, Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        bulk: bool = False,
    ) -> Task:
        task = Task(self.db_path, fn)
        self._running.add(task)

        def finished(_value: object = None) -> None:
            self._running.discard(task)

        if on_done:
            task.signals.done.connect(on_done)
        if on_error:
            task.signals.failed.connect(on_error)
        if on_progress:
            task.signals.progress.connect(on_progress)
        task.signals.done.connect(finished)
        task.signals.failed.connect(finished)
        (self.bulk_pool if bulk else self.small_pool).start(task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for every pool to finish (used at exit and in tests)."""
        ok = self.small_pool.waitForDone(msecs)
        return self.bulk_pool.waitForDone(msecs) and ok
