"""The exchange folder's rounds while the app runs (app/sync/folder.py): one soon after start,
then every :data:`app.sync.folder_setting.INTERVAL_MINUTES` minutes, in the background (the window's
TaskRunner, bulk pool: never beside another export, import or backup of this window). Nothing
happens when no folder is set or the signed-in user may not import and export. A failed round
(the share went away) is reported by signal; the next round tries again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.models.access.akses import allowed
from app.models.storage.db import Database
from app.sync import folder_setting
from app.ui.tasks import Progress, Task, TaskRunner

if TYPE_CHECKING:
    from app.sync.folder import RoundResult

START_DELAY_MS = 20_000  # after the window is up and the daily backup is checked


class FolderTimer(QObject):
    """Runs a round of the exchange folder on start and on a timer."""

    roundDone = Signal(object)  # RoundResult
    roundFailed = Signal(object)  # the exception

    def __init__(self, db: Database, runner: TaskRunner, actor: str, parent: QObject) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.actor = actor
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(folder_setting.INTERVAL_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self.tick)

    @property
    def may_run(self) -> bool:
        return allowed(self.actor, "sync.impor") and allowed(self.actor, "sync.ekspor")

    def start(self) -> None:
        if not self.may_run:
            return
        self.timer.start()
        QTimer.singleShot(START_DELAY_MS, self, self.tick)

    def tick(self) -> Task | None:
        """Start a round unless one is running or no folder is set (a local read)."""
        if self.task is not None or not self.may_run or folder_setting.get_folder(self.db) is None:
            return None
        actor = self.actor

        def work(db: Database, progress: Progress) -> RoundResult:
            from app.jobs import sinkron_folder as jobs  # lazy: PyNaCl, not at start-up

            return jobs.run_folder_round(db, actor, jobs.RoundRequest(), progress)

        self.task = self.runner.run(work, on_done=self._done, on_error=self._failed, bulk=True)
        return self.task

    def _done(self, result: RoundResult) -> None:
        self.task = None
        self.roundDone.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.roundFailed.emit(exc)
