"""What a job is handed to report progress and to learn that the user cancelled.

A screen passes its background task's progress (:class:`app.ui.tasks.Progress` has this shape);
the command line passes :data:`NO_PROGRESS` (or its own reporter). Jobs never touch a widget.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Progress reports out, cancellation in."""

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps are finished (``text``: what is being done)."""

    @property
    def cancelled(self) -> bool:
        """True once the user asked to stop; the job then raises :class:`Cancelled`."""


class NoProgress:
    """Reports nowhere and is never cancelled (a job run from the command line)."""

    def report(self, done: int, total: int, text: str = "") -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


NO_PROGRESS = NoProgress()
