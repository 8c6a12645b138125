"""What a job reports to while it works, and asks whether to stop.

A screen passes its task's progress (:class:`app.ui.tasks.Progress` fits); the command line passes
None. No Qt here.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Progress of a job: ``report(done, total)`` as it goes; ``cancelled`` once the user
    stopped it (the job then raises :class:`app.models.errors.Cancelled`)."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...
