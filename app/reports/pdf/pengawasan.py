"""The public summary of complaints and discipline (no personal data): a title block, then each
table of the oversight recap, as a PDF an office can publish. Takes plain data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.i18n import angka, tr
from app.reports.pdf import fonts

MARGIN = 2 * cm


def _cell(value: Any, style: ParagraphStyle) -> Paragraph:
    if isinstance(value, float):
        text = angka(value, 1)
    elif isinstance(value, int):
        text = angka(value)
    else:
        text = "-" if value is None else str(value)
    return Paragraph(escape(text), style)


def render_ringkasan_publik(
    out: Path,
    *,
    judul: str,
    subjudul: Sequence[str],
    bagian: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]],
    catatan: str,
) -> int:
    """Write the summary to ``out``; returns the number of pages."""
    font = fonts.register()
    body = ParagraphStyle("pub-body", fontName=font, fontSize=10, leading=12.5)
    bold = ParagraphStyle("pub-bold", parent=body, fontName=fonts.SERIF_BOLD)
    title = ParagraphStyle("pub-title", parent=bold, fontSize=13, leading=16, alignment=TA_CENTER)
    center = ParagraphStyle("pub-center", parent=body, alignment=TA_CENTER)
    width = A4[0] - 2 * MARGIN
    story: list[Any] = [Paragraph(escape(judul), title)]
    story += [Paragraph(escape(line), center) for line in subjudul]
    story.append(Spacer(1, 12))
    for head, cols, rows in bagian:
        data = [[_cell(c, bold) for c in cols]]
        data += [[_cell(v, body) for v in row] for row in rows] or [
            [_cell(tr("(tidak ada)"), body), *[_cell("", body) for _ in cols[1:]]]
        ]
        first = width * (0.55 if len(cols) <= 2 else 0.4)
        rest = (width - first) / max(len(cols) - 1, 1)
        table = Table(data, colWidths=[first, *[rest] * (len(cols) - 1)], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E7E6E6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(KeepTogether([Paragraph(escape(head), bold), Spacer(1, 4), table]))
        story.append(Spacer(1, 10))
    story.append(Paragraph(escape(catatan), body))
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=judul,
        creator="Merit",
    )
    doc.build(story)
    return int(doc.page)
