"""How much room text takes in a printed sheet: lines of wrapped text in a column, measured
with Arial's own character widths (reportlab's Helvetica carries the same metrics, and so does
Liberation Sans, LibreOffice's stand-in for Arial).

Spreadsheet programs do not all re-measure a row's height when they open a file, so a sheet
whose text wraps sets its rows' heights from these counts. Excel's column width is used (a unit
is 7 pixels of the default Calibri 11, 0.75 point a pixel); LibreOffice draws columns slightly
wider, so there a row may keep a little room to spare, never too little.
"""

from __future__ import annotations

import functools
from itertools import repeat

from reportlab.pdfbase.pdfmetrics import stringWidth

LINE_HEIGHT = 11.5  # points per line of Arial 9 pt
# Wrapped lines are counted with Arial's own character widths: reportlab's Helvetica carries
# the same metrics (Liberation Sans, LibreOffice's stand-in for Arial, too).
METRIC_FONT = "Helvetica"
WIDEST = 1.02  # no character of Helvetica/Arial is wider than this many em ('@' is 1.015)


def text_points(width: float) -> float:
    """Points of text one line of a column ``width`` units wide holds: a unit is 7 pixels of
    the workbook's default font (Calibri 11) plus 5 pixels of the column, of which a cell's
    padding and grid line take about 6; 0.75 point a pixel."""
    return max((width * 7 - 1) * 0.75, 1.0)


def _em_widths() -> dict[str, float]:
    """Advance widths of Helvetica (= Arial) in thousandths of an em, for Latin-1."""
    return {chr(c): stringWidth(chr(c), METRIC_FONT, 1000) for c in range(32, 256)}


_EM = _em_widths()
_UNKNOWN = 1000.0  # a character outside Latin-1 counts as a wide one: never too few lines


@functools.lru_cache(maxsize=16_384)
def _word(word: str) -> float:
    """Width of a word in thousandths of an em (names and offices repeat their words)."""
    return sum(map(_EM.get, word, repeat(_UNKNOWN)))


def _paragraph_lines(paragraph: str, limit: float) -> int:
    """Lines of one paragraph wrapped greedily at spaces within ``limit`` thousandths of an em,
    as Excel and LibreOffice wrap; a word wider than a line is broken between characters."""
    widths = list(map(_word, paragraph.split(" ")))
    space = _EM[" "]
    if sum(widths) + space * (len(widths) - 1) <= limit:
        return 1
    lines = 1
    used = -1.0  # nothing on the line yet
    for w in widths:
        if w > limit:  # broken: it starts a line of its own and runs over whole lines
            pieces = -(-w // limit)
            lines += int(pieces) - (1 if used < 0 else 0)
            used = w - (pieces - 1) * limit
        elif used < 0:
            used = w
        elif used + space + w <= limit:
            used += space + w
        else:
            lines += 1
            used = w
    return lines


@functools.lru_cache(maxsize=65_536)
def wrapped_lines(text: str, points: float, size: float = 9.0) -> int:
    """Lines ``text`` takes when wrapped at word boundaries (as Excel and LibreOffice do) in
    ``points`` of width, in Arial ``size`` pt. Text too short to reach the edge even in its
    widest characters is one line without measuring. Offices, ranks and positions repeat
    from row to row: the answer is kept for the next."""
    if len(text) * size * WIDEST <= points and "\n" not in text:
        return 1
    limit = points * 1000 / size
    return sum(_paragraph_lines(p, limit) for p in text.split("\n"))


def text_width(text: str, size: float = 9.0) -> float:
    """Points ``text`` takes on one line in Arial ``size`` pt (its longest line)."""
    space = _EM[" "]
    widest = 0.0
    for line in text.split("\n"):
        words = line.split(" ")
        widest = max(widest, sum(map(_word, words)) + space * (len(words) - 1))
    return widest * size / 1000


def width_units(points: float) -> float:
    """The column width (Excel's units) whose line holds ``points`` of text: the inverse of
    :func:`text_points`."""
    return (points / 0.75 + 1) / 7
