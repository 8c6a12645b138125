"""The bundled serif font family of the decrees, registered once with reportlab.

Liberation Serif (SIL Open Font License 1.1, see
``app/resources/fonts/LICENSE-LiberationSerif.txt``)
has the same metrics as Times New Roman, the face Indonesian offices type their decrees in, so a
Merit decree breaks its lines where the office's own Word template would. The fonts are bundled
under ``app/resources/fonts``; system fonts are never used.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resources_dir

#: The family name to use in ``ParagraphStyle(fontName=...)``; ``<b>`` and ``<i>`` pick the
#: matching face through the family mapping.
SERIF = "MeritSerif"
SERIF_BOLD = "MeritSerif-Bold"
SERIF_ITALIC = "MeritSerif-Italic"
SERIF_BOLD_ITALIC = "MeritSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    """The folder of the bundled TTF files."""
    return resources_dir() / "fonts"


def register() -> str:
    """Register the serif family with reportlab (idempotent, thread-safe); return its name."""
    global _registered
    if _registered:
        return SERIF
    with _lock:
        if _registered:
            return SERIF
        folder = fonts_dir()
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        addMapping(SERIF, 0, 1, SERIF_ITALIC)
        addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
        pdfmetrics.registerFontFamily(
            SERIF,
            normal=SERIF,
            bold=SERIF_BOLD,
            italic=SERIF_ITALIC,
            boldItalic=SERIF_BOLD_ITALIC,
        )
        _registered = True
    return SERIF
