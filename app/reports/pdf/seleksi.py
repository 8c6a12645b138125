"""Selection documents as PDF (reportlab platypus): the berita acara of a stage and of the final
ranking (with every committee member's name and a signature line), and the announcement of the
results. Plain data in (:class:`~app.models.seleksi.dokumen.DokumenSeleksi`, built by
:func:`app.models.seleksi.dokumen.dokumen_seleksi`), no SQL here;
all text escaped for reportlab's paragraph markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.i18n import tanggal, tr
from app.models.seleksi.dokumen import DokumenSeleksi
from app.reports.pdf import fonts

MARGIN = 2 * cm
HEAD = colors.HexColor("#E7E6E6")


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    lines = str(text or "").splitlines() or [""]
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def _story(dok: DokumenSeleksi, width: float) -> list[Any]:
    font = fonts.register()
    body = ParagraphStyle("sel-body", fontName=font, fontSize=10.5, leading=14)
    just = ParagraphStyle("sel-just", parent=body, alignment=TA_JUSTIFY)
    small = ParagraphStyle("sel-small", parent=body, fontSize=9, leading=11)
    head = ParagraphStyle("sel-head", parent=small, fontName=fonts.SERIF_BOLD, alignment=TA_CENTER)
    center = ParagraphStyle("sel-center", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle(
        "sel-title", parent=center, fontName=fonts.SERIF_BOLD, fontSize=12.5, leading=16
    )
    story: list[Any] = [
        _p(dok.instansi.upper(), center),
        Spacer(1, 0.3 * cm),
        _p(dok.judul.upper(), title),
        _p(dok.subjudul, center),
        Spacer(1, 0.5 * cm),
    ]
    for text in dok.paragraf:
        story += [_p(text, just), Spacer(1, 0.2 * cm)]
    if dok.kolom:
        weights = list(dok.lebar) or [1.0] * len(dok.kolom)
        unit = width / sum(weights)
        table = LongTable(
            [[_p(k, head) for k in dok.kolom]] + [[_p(c, small) for c in r] for r in dok.baris],
            colWidths=[w * unit for w in weights],
            repeatRows=1,
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [Spacer(1, 0.2 * cm), table, Spacer(1, 0.3 * cm)]
    for text in dok.catatan:
        story += [_p(text, small), Spacer(1, 0.1 * cm)]
    story += [
        Spacer(1, 0.4 * cm),
        _p(tr("{tempat}, {tgl}", tempat=dok.tempat, tgl=tanggal(dok.tanggal)), body),
    ]
    if dok.penanda:
        rows = [
            [
                _p(tr("No."), head),
                _p(tr("Nama"), head),
                _p(tr("Jabatan dalam panitia"), head),
                _p(tr("Tanda tangan"), head),
            ]
        ]
        for i, s in enumerate(dok.penanda, start=1):
            rows.append([_p(str(i), small), _p(s.nama, small), _p(s.peran, small), _p("", small)])
        sig = Table(
            rows,
            colWidths=[1.2 * cm, width * 0.38, width * 0.27, None],
            rowHeights=[None] + [1.3 * cm] * len(dok.penanda),
        )
        sig.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story.append(KeepTogether([Spacer(1, 0.3 * cm), _p(tr("Panitia Seleksi:"), body), sig]))
    return story


def _footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(fonts.SERIF, 8)
    canvas.drawRightString(
        doc.pagesize[0] - MARGIN, MARGIN / 2, tr("Halaman {n}", n=canvas.getPageNumber())
    )
    canvas.restoreState()


def render_dokumen(dok: DokumenSeleksi, out: str | Path | BinaryIO) -> int:
    """Write the document to a path or a binary stream. Returns the number of pages."""
    fonts.register()
    doc = SimpleDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=dok.judul,
        author=dok.instansi or "Merit",
        creator="Merit",
    )
    doc.build(_story(dok, A4[0] - 2 * MARGIN), onFirstPage=_footer, onLaterPages=_footer)
    return int(doc.page)
