"""The dashed box a file can be dropped on (import page, sync page)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel


def drop_area(text: str, object_name: str, *, min_height: int, padding: int) -> QLabel:
    """A label drawn as a drop target; the page itself accepts the drop."""
    area = QLabel(text)
    area.setObjectName(object_name)
    area.setAlignment(Qt.AlignmentFlag.AlignCenter)
    area.setWordWrap(True)
    area.setFrameShape(QFrame.Shape.StyledPanel)
    area.setMinimumHeight(min_height)
    area.setStyleSheet(
        f"#{object_name} {{ border: 2px dashed #9aa9bb; border-radius: 8px; color: #44505e; "
        f"background: #f6f8fb; padding: {padding}px; }}"
    )
    return area
