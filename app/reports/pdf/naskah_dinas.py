"""The parts every official document (naskah dinas) shares: the page, the styles, the kop, plain
text lines and grids, the signature lines and the verification QR (reportlab platypus).

Used by the decree engine (:mod:`app.reports.pdf.decree`) and the letter engine
(:mod:`app.reports.pdf.letter`). Margins follow the tata naskah dinas: left 3 cm (binding), right
2 cm, top and bottom 2.5 cm; paper F4 (folio, 215 x 330 mm) as Indonesian offices use it, or A4.

All text is plain text: it is escaped for reportlab's paragraph mini-markup here (:func:`esc`), or
drawn literally, so names with ``<``, ``&`` or apostrophes print as typed. No SQL, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.i18n import tr
from app.models.dokumen.naskah import Letterhead, Signatory, Verification
from app.reports.pdf import fonts
from app.reports.pdf.verification import qr_payload as default_qr_payload

PageSizeName = Literal["F4", "A4"]

#: F4 (folio) as Indonesian offices use it: 215 x 330 mm.
F4 = (215 * mm, 330 * mm)
PAGE_SIZES: dict[str, tuple[float, float]] = {"F4": F4, "A4": A4}

# Margins of the tata naskah dinas: left 3 cm (binding), right 2 cm, top and bottom 2.5 cm.
MARGIN_LEFT = 3.0 * cm
MARGIN_RIGHT = 2.0 * cm
MARGIN_TOP = 2.5 * cm
MARGIN_BOTTOM = 2.5 * cm

FONT_SIZE = 12
# Single line spacing as a word processor sets it for Liberation Serif / Times New Roman
# (1.15 em): 14.5 pt pushed the signature of a one-person petikan onto a second F4 page.
LEADING = 13.8


# -- text helpers ---------------------------------------------------------------------------------

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(text: str) -> str:
    """Plain text made safe for reportlab's paragraph markup; newlines become line breaks."""
    clean = _CONTROL.sub(" ", str(text)).translate(_ESCAPES)
    return clean.replace("\r\n", "\n").replace("\n", "<br/>")


class Styles:
    def __init__(self) -> None:
        # Binary (deflate-only) streams: ASCII85 makes every page 25% larger and, in reportlab's
        # pure-Python encoder, costs more than the layout of a petikan. Process-wide on purpose:
        # every PDF this process writes is Merit's.
        rl_config.useA85 = 0
        f = fonts.register()
        base = ParagraphStyle(
            "sk", fontName=f, fontSize=FONT_SIZE, leading=LEADING, alignment=TA_JUSTIFY
        )
        self.body = base
        self.left = ParagraphStyle("sk-left", base, alignment=TA_LEFT)
        self.center = ParagraphStyle("sk-center", base, alignment=TA_CENTER)
        self.center_bold = ParagraphStyle(
            "sk-cb", base, alignment=TA_CENTER, fontName=fonts.SERIF_BOLD
        )
        self.right_bold = ParagraphStyle(
            "sk-rb", base, alignment=TA_RIGHT, fontName=fonts.SERIF_BOLD
        )
        self.head1 = ParagraphStyle(
            "kop1", base, alignment=TA_CENTER, fontName=fonts.SERIF_BOLD, fontSize=14, leading=17
        )
        self.head2 = ParagraphStyle(
            "kop2", base, alignment=TA_CENTER, fontName=fonts.SERIF_BOLD, fontSize=16, leading=19
        )
        self.address = ParagraphStyle(
            "kop-alamat", base, alignment=TA_CENTER, fontSize=10, leading=12
        )
        self.small = ParagraphStyle("sk-small", base, alignment=TA_LEFT, fontSize=11, leading=13)
        self.tiny = ParagraphStyle("sk-tiny", base, alignment=TA_CENTER, fontSize=7.5, leading=9)
        self.code = ParagraphStyle(
            "sk-code", base, alignment=TA_CENTER, fontName=fonts.SERIF_BOLD, fontSize=10, leading=12
        )
        self.cells: dict[tuple[float, str, bool], ParagraphStyle] = {}

    def cell(self, size: float, align: str, bold: bool = False) -> ParagraphStyle:
        key = (size, align, bold)
        style = self.cells.get(key)
        if style is None:
            style = ParagraphStyle(
                f"cell-{size}-{align}-{bold}",
                self.body,
                fontSize=size,
                leading=size * 1.2,
                fontName=fonts.SERIF_BOLD if bold else fonts.SERIF,
                alignment={"LEFT": TA_LEFT, "CENTER": TA_CENTER, "RIGHT": TA_RIGHT}[align],
            )
            self.cells[key] = style
        return style


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        _styles = Styles()
    return _styles


# -- flowables ------------------------------------------------------------------------------------


class DocumentStart(Flowable):
    """Zero-size marker at the top of a document's first page: page numbers restart here (one
    PDF holding many petikan); ``on_start(index, page)`` reports where each document begins."""

    def __init__(self, index: int = 0, on_start: Callable[[int, int], None] | None = None) -> None:
        super().__init__()
        self.index = index
        self.on_start = on_start

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        self.canv._merit_first_page = page
        if self.on_start is not None:
            self.on_start(self.index, page)


def _page_number(canvas: Any, doc: Any) -> None:
    number = canvas.getPageNumber() - getattr(canvas, "_merit_first_page", 1) + 1
    if number >= 2:
        width, height = canvas._pagesize
        canvas.setFont(fonts.SERIF, FONT_SIZE)
        canvas.drawCentredString(width / 2, height - 1.5 * cm, f"- {number} -")


LineItem = tuple[Any, ...]


def _wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by font metrics; a word wider than the line is cut by characters.

    reportlab draws TrueType text without kerning, so a line's width is the sum of its words'
    widths and spaces: each word is measured once.
    """
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            w = stringWidth(word, font, size)
            if not current and w <= width:
                current, used = [word], w
            elif current and used + space + w <= width:
                current.append(word)
                used += space + w
            else:
                if current:
                    lines.append(" ".join(current))
                while w > width and len(word) > 1:
                    cut = len(word) - 1
                    while cut > 1 and stringWidth(word[:cut], font, size) > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                    w = stringWidth(word, font, size)
                current, used = [word], w
        lines.append(" ".join(current))
    return lines


class Lines(Flowable):
    """A stack of plain-text lines drawn with drawString: unjustified text (titles, signature
    blocks, the QR caption) without the cost of a Paragraph's markup parser.

    Items: ``("text", text, font, size, leading, align, underline)``, ``("fit", ...)`` (the
    same, kept on one line and shrunk to the width: a verification code), ``("space", height)``,
    ``("rule", length)``, ``("flow", flowable)``. Text is drawn literally (no markup).
    """

    def __init__(self, items: Sequence[LineItem]) -> None:
        super().__init__()
        self.items = list(items)
        self._laid: list[LineItem] = []
        self.width = 0.0
        self.height = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self._laid and aw == self.width:
            return self.width, self.height
        laid: list[LineItem] = []
        height = 0.0
        for item in self.items:
            if item[0] == "text":
                _, text, font, size, leading, align, underline = item
                for line in _wrap_words(text, font, size, aw):
                    laid.append(("text", line, font, size, leading, align, underline))
                    height += leading
            elif item[0] == "fit":
                # One line whatever the width: a verification code is never cut (a code broken
                # over two lines cannot be typed back); it shrinks to the column instead.
                _, text, font, size, leading, align, underline = item
                natural = stringWidth(text, font, size)
                if natural > aw > 0:
                    size = size * aw / natural
                laid.append(("text", text, font, size, leading, align, underline))
                height += leading
            elif item[0] == "space":
                laid.append(item)
                height += item[1]
            elif item[0] == "rule":
                laid.append(item)
                height += 3
            else:
                w, h = item[1].wrap(aw, ah)
                laid.append(("flow", item[1], w, h))
                height += h
        self._laid = laid
        self.width = aw
        self.height = height
        return aw, height

    def draw(self) -> None:
        canv = self.canv
        y = self.height
        for item in self._laid:
            kind = item[0]
            if kind == "text":
                _, line, font, size, leading, align, underline = item
                y -= leading
                base = y + leading - size
                canv.setFont(font, size)
                if align == "CENTER":
                    canv.drawCentredString(self.width / 2, base, line)
                    x = (self.width - stringWidth(line, font, size)) / 2
                elif align == "RIGHT":
                    canv.drawRightString(self.width, base, line)
                    x = self.width - stringWidth(line, font, size)
                else:
                    canv.drawString(0, base, line)
                    x = 0
                if underline and line:
                    canv.setLineWidth(0.8)
                    canv.line(x, base - 1.8, x + stringWidth(line, font, size), base - 1.8)
            elif kind == "space":
                y -= item[1]
            elif kind == "rule":
                y -= 3
                canv.setLineWidth(0.7)
                canv.line(0, y + 1, min(item[1], self.width), y + 1)
            else:
                _, flowable, w, h = item
                y -= h
                x = (self.width - w) / 2 if getattr(flowable, "hAlign", "LEFT") == "CENTER" else 0
                flowable.drawOn(canv, x, y)


class Grid(Flowable):
    """Rows of plain-text cells in fixed columns, each cell word-wrapped and top-aligned, drawn
    with drawString (rincian "Nama : ...", tembusan "1. ...", the lampiran heading). Splits
    between rows."""

    def __init__(
        self,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float = FONT_SIZE,
        leading: float = LEADING,
        gap: float = 0.0,
    ) -> None:
        super().__init__()
        self.rows = [[_CONTROL.sub(" ", str(c)) for c in row] for row in rows]
        self.widths = list(widths)
        self.size = size
        self.leading = leading
        self.gap = gap
        self._laid: list[list[list[str]]] = []
        self._heights: list[float] = []

    def _layout(self) -> None:
        if self._laid or not self.rows:
            return
        font = fonts.SERIF
        for row in self.rows:
            cells = [
                _wrap_words(c, font, self.size, w - 2)
                for c, w in zip(row, self.widths, strict=True)
            ]
            self._laid.append(cells)
            self._heights.append(max(len(c) for c in cells) * self.leading + self.gap)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._layout()
        self.width = sum(self.widths)
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self._layout()
        used = 0.0
        for i, h in enumerate(self._heights):
            if used + h > ah:
                if i == 0:
                    return []
                kw = {"size": self.size, "leading": self.leading, "gap": self.gap}
                return [
                    Grid(self.rows[:i], self.widths, **kw),
                    Grid(self.rows[i:], self.widths, **kw),
                ]
            used += h
        return [self]

    def draw(self) -> None:
        canv = self.canv
        canv.setFont(fonts.SERIF, self.size)
        y = self.height
        for cells, h in zip(self._laid, self._heights, strict=True):
            x = 0.0
            for lines, w in zip(cells, self.widths, strict=True):
                for n, line in enumerate(lines):
                    canv.drawString(x, y - self.size - n * self.leading, line)
                x += w
            y -= h


def text_item(
    text: str,
    *,
    bold: bool = False,
    size: float = FONT_SIZE,
    leading: float | None = None,
    align: str = "LEFT",
    underline: bool = False,
) -> LineItem:
    font = fonts.SERIF_BOLD if bold else fonts.SERIF
    clean = _CONTROL.sub(" ", str(text)).replace("\r\n", "\n")
    return ("text", clean, font, size, leading or size * LEADING / FONT_SIZE, align, underline)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)


TIGHT = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def letterhead_flowables(lh: Letterhead, width: float) -> list[Flowable]:
    heading = list(lh.heading)[:4]
    items: list[LineItem] = []
    for i, text in enumerate(heading):
        # One line (the office's own name, or the title of a kepala daerah) is printed largest.
        big = i == lh.emphasis % len(heading)
        items.append(text_item(text, bold=True, size=16 if big else 14, align="CENTER"))
    items.extend(text_item(text, size=10, align="CENTER") for text in lh.address)
    lines = Lines(items)
    out: list[Flowable] = []
    logo = Path(lh.logo) if lh.logo else None
    if logo is not None and lh.logo_above:
        out += [_Logo(logo, 2.0 * cm), Spacer(1, 1.5 * mm), lines]
    elif logo is not None:
        side = 2.3 * cm
        table = Table(
            [[_Logo(logo, side), lines, ""]],
            colWidths=[side + 2 * mm, width - 2 * (side + 2 * mm), side + 2 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(table)
    else:
        out.append(lines)
    if lh.rule:
        out.append(_Rule(width))
    out.append(Spacer(1, 4 * mm))
    return out


class _Logo(Flowable):
    """The emblem, drawn by file name so reportlab embeds it once per PDF however many
    documents (petikan) the PDF holds."""

    def __init__(self, path: Path, side: float) -> None:
        super().__init__()
        self.path = str(path)
        self.side = side
        self.hAlign = "CENTER"

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        self.canv.drawImage(
            self.path, 0, 0, self.side, self.side, mask="auto", preserveAspectRatio=True
        )


class _Rule(Flowable):
    """The double rule under a kop: a thick line over a thin one."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 5

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(2.2)
        c.line(0, 4, self.width, 4)
        c.setLineWidth(0.7)
        c.line(0, 0.5, self.width, 0.5)


def qr_modules(payload: str) -> list[list[bool]]:
    """The dark modules of the QR code of ``payload`` (error correction M, mask pattern 0).

    reportlab's encoder is used directly: its QrCodeWidget builds one validated shape per module
    and tries all eight masks, which made the QR cost more than the rest of a petikan. Any mask
    decodes; the mask search only tunes contrast, which a code this small does not need.
    """
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    return [list(row) for row in qr.modules]


class _QrCode(Flowable):
    """A QR code drawn as one filled path (dark runs of each row merged), with a quiet zone."""

    QUIET = 2  # modules of white border (the paper around it adds the rest)

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.modules = qr_modules(payload)
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        # One path in module units under a scaling transform, written as literal PDF operators:
        # about 170 rectangles through canvas.rect cost more than the whole text of a petikan.
        count = len(self.modules)
        box = self.size / (count + 2 * self.QUIET)
        ops: list[str] = []
        for r, row in enumerate(self.modules):
            y = count - 1 - r
            c = 0
            while c < count:
                if row[c]:
                    start = c
                    while c < count and row[c]:
                        c += 1
                    ops.append(f"{start} {y} {c - start} 1 re")
                else:
                    c += 1
        canv = self.canv
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.transform(box, 0, 0, box, self.QUIET * box, self.QUIET * box)
        canv.addLiteral("\n".join(ops) + "\nf")
        canv.restoreState()


#: How a reader checks the code, printed under it: a sentence, not a command line (an official
#: document is read by people who have never seen a terminal).
VERIFY_SENTENCE = "Keaslian dapat diperiksa dengan kode ini pada aplikasi Merit BKPSDM"


def qr_block(v: Verification, size: float = 2.5 * cm, *, small: bool = False) -> list[LineItem]:
    """The verification QR with its code and one sentence on how to check it, as line items
    (``small``: for a narrow column beside two signatures)."""
    return [
        ("flow", _QrCode(v.qr_payload or default_qr_payload(v.code), size)),
        ("fit", *text_item(v.code, bold=True, size=8 if small else 10, align="CENTER")[1:]),
        text_item(
            tr(VERIFY_SENTENCE) + ".", size=6.5 if small else 7.5, align="CENTER", leading=None
        ),
    ]


def signature_lines(sig: Signatory, *, signed_copy: bool) -> list[LineItem]:
    """Office lines, the signature space (or "ttd." in a copy), name, pangkat, NIP."""
    out: list[LineItem] = [text_item(line) for line in signatory_lines(sig)]
    if signed_copy:
        out += [("space", 3 * mm), text_item(tr("ttd.")), ("space", 3 * mm)]
    else:
        out.append(("space", 2.2 * cm))
    # A delegated official's name is underlined; a kepala daerah shows no NIP (asn-rules 11.2).
    out.append(text_item(sig.nama, bold=True, underline=bool(sig.nip)))
    if sig.pangkat:
        out.append(text_item(sig.pangkat))
    if sig.nip:
        out.append(text_item(tr("NIP. {nip}", nip=sig.nip)))
    return out


def signatory_lines(sig: Signatory) -> list[str]:
    """The office lines above the signature space (the last ends with a comma)."""
    out: list[str] = []
    if sig.varian == "a.n.":
        out.append(f"a.n. {sig.atas_nama}".rstrip() + ",")
        out.append(sig.jabatan)
    elif sig.varian in ("Plt.", "Plh."):
        out.append(f"{sig.varian} {sig.jabatan}")
    else:
        out.append(sig.jabatan)
    out[-1] = out[-1].rstrip(",") + ","
    return out


# -- pages ----------------------------------------------------------------------------------------


def page_dimensions(page_size: PageSizeName | tuple[float, float]) -> tuple[float, float]:
    """Width and height in points of a named paper size (or of the given pair)."""
    if isinstance(page_size, str):
        return PAGE_SIZES[page_size]
    return page_size


def frame_width(size: tuple[float, float]) -> float:
    """The text width of a page of that size, within the margins."""
    return size[0] - MARGIN_LEFT - MARGIN_RIGHT


def doc_template(
    out: str | Path | BinaryIO, size: tuple[float, float], **info: str
) -> BaseDocTemplate:
    """A document with a portrait and a landscape page template; ``info``: PDF metadata."""
    doc = BaseDocTemplate(
        out if isinstance(out, str) else (str(out) if isinstance(out, Path) else out),
        pagesize=size,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        **({"creator": "Merit"} | info),
    )

    def template(name: str, page: tuple[float, float]) -> PageTemplate:
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            page[0] - MARGIN_LEFT - MARGIN_RIGHT,
            page[1] - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        return PageTemplate(name, [frame], onPageEnd=_page_number, pagesize=page)

    doc.addPageTemplates([template("portrait", size), template("landscape", landscape(size))])
    return doc
