"""For pages that run one background task at a time, shown with a status label, a progress bar
and a cancel button (the import and sync pages)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from app.i18n import tr
from app.ui.tasks import Task


class BusyMixin:
    """Progress and cancel for a page with ``task``, ``progress``, ``busy_label`` and
    ``cancel_button`` (mixed into a QWidget subclass)."""

    task: Task | None
    progress: QProgressBar
    busy_label: QLabel
    cancel_button: QPushButton

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, max(total, done))
            self.progress.setValue(done)
        if text:
            self.busy_label.setText(text)

    def cancel_task(self) -> None:
        """Ask the running task to stop; the page says so until it has."""
        if self.task is not None:
            self.task.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.busy_label.setText(tr("Membatalkan…"))
