"""The letter (surat dinas) engine: :class:`~app.models.dokumen.naskah.Letter` in, PDF out
(reportlab platypus).

Used for the "Surat Pemberitahuan Kenaikan Gaji Berkala" (asn-rules 10.3, 11.1: a letter of the
agency head, tata naskah dinas of Permendagri 1/2023): the kop, "Nomor / Sifat / Lampiran / Hal"
on the left with place and date on the right, "Yth. ... di ...", the opening sentence, numbered
data lines (with unnumbered sub-lines and sentences between them), the closing sentence kept
together with the signature block, the verification QR and code, and the tembusan.

The kop, the signature lines and the QR are shared with decrees
(:mod:`app.reports.pdf.naskah_dinas`); a letter also goes through the batch functions
(:mod:`app.reports.pdf.batch`), which dispatch on the document type. All text is plain text: it
is drawn literally or escaped, so names with ``<``, ``&`` or apostrophes print as typed. No SQL,
no Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, Spacer, Table

from app.i18n import tanggal, tr
from app.models.dokumen.naskah import DataLine, Letter, Verification
from app.reports.pdf import fonts
from app.reports.pdf.naskah_dinas import (
    FONT_SIZE,
    TIGHT,
    DocumentStart,
    Grid,
    Lines,
    PageSizeName,
    doc_template,
    frame_width,
    letterhead_flowables,
    page_dimensions,
    para,
    qr_block,
    signature_lines,
    styles,
    text_item,
)
from app.reports.pdf.verification import RegisterEntry, canonical_json, content_digest, keywords
from app.reports.pdf.verification import qr_payload as default_qr_payload
from app.reports.pdf.verification import verification_code as make_code

# -- canonical content and verification ----------------------------------------------------------


def canonical_content(letter: Letter) -> bytes:
    """Canonical bytes of what the letter prints (for the content digest and the code)."""
    d = replace(letter, verification=None)
    if d.letterhead is not None:
        d = replace(d, letterhead=replace(d.letterhead, logo=None))
    return canonical_json({"jenis": "surat", "naskah": d})


def with_verification(letter: Letter, entry: RegisterEntry, secret: bytes) -> Letter:
    """The letter with its verification code (content digest + register entry + secret)."""
    digest = content_digest(canonical_content(letter))
    code = make_code(digest, entry, secret)
    return replace(letter, verification=Verification(code, digest, default_qr_payload(code)))


# -- layout ---------------------------------------------------------------------------------------

_NUM_W = 0.8 * cm
_SUB_INDENT = 0.3 * cm
_COLON_W = 0.4 * cm
_KEY_W = 2.3 * cm  # "Lampiran" column of the heading
# Data lines a little tighter than body text: a KGB letter with its tembusan fits one F4 page.
_LINE_LEADING = 13.8


def _heading(letter: Letter, width: float) -> list[Flowable]:
    """Nomor / Sifat / Lampiran / Hal on the left, place and date on the right, then Yth."""
    right_w = 6.5 * cm
    left_w = width - right_w
    grid = Grid(
        [
            (tr("Nomor"), ":", letter.nomor),
            (tr("Sifat"), ":", letter.sifat),
            (tr("Lampiran"), ":", letter.lampiran),
            (tr("Hal"), ":", letter.hal),
        ],
        [_KEY_W, _COLON_W, left_w - _KEY_W - _COLON_W - 0.3 * cm],
        leading=_LINE_LEADING,
    )
    place = Lines(
        [
            text_item(
                tr("{tempat}, {tanggal}", tempat=letter.tempat, tanggal=tanggal(letter.tanggal))
            )
        ]
    )
    top = Table([[grid, place]], colWidths=[left_w, right_w])
    top.setStyle(TIGHT)
    out: list[Flowable] = [top]
    if letter.kepada:
        lines = [text_item(tr("Yth. {kepada}", kepada=letter.kepada[0]))]
        lines += [text_item(line) for line in letter.kepada[1:]]
        out += [Spacer(1, 2.5 * mm), Lines(lines)]
    out.append(Spacer(1, 2.5 * mm))
    return out


def _data_lines(lines: Sequence[DataLine], width: float) -> list[Flowable]:
    """Runs of numbered/sub lines as plain-text grids (colons aligned), sentences between."""
    st = styles()
    widths = [stringWidth(x.label, fonts.SERIF, FONT_SIZE) for x in lines if x.kind == "item"]
    widths += [
        stringWidth(x.label, fonts.SERIF, FONT_SIZE) + _SUB_INDENT
        for x in lines
        if x.kind == "sub" and x.value
    ]
    label_w = min(max(max(widths, default=0.0) + 8, 4.5 * cm), width * 0.52)
    value_w = width - _NUM_W - label_w - _COLON_W
    out: list[Flowable] = []
    number = 0
    for line in lines:
        if line.kind == "text":
            out += [Spacer(1, 1 * mm), para(line.label, st.body), Spacer(1, 1 * mm)]
            continue
        if line.kind == "sub":
            indent = _NUM_W + _SUB_INDENT
            if line.value:
                row, cols = (
                    ["", line.label, ":", line.value],
                    [indent, label_w - _SUB_INDENT, _COLON_W, value_w],
                )
            else:
                row, cols = ["", line.label], [indent, width - indent]
        else:
            number += 1
            row, cols = (
                [f"{number}.", line.label, ":", line.value],
                [_NUM_W, label_w, _COLON_W, value_w],
            )
        out.append(Grid([row], cols, leading=_LINE_LEADING))
    return out


def _signature(letter: Letter, width: float) -> Table:
    """Signature on the right, the verification QR and code on the left."""
    side_w = 9.2 * cm  # the agency head's title on two lines
    qr_w = 4.5 * cm
    # The decree's signature lines, with a little less room for the wet signature (1.8 cm).
    lines = [
        ("space", 1.8 * cm) if item[0] == "space" else item
        for item in signature_lines(letter.penandatangan, signed_copy=False)
    ]
    right = Lines(lines)
    left: Flowable | str = ""
    if letter.verification is not None:
        left = Lines([("space", 0.8 * cm), *qr_block(letter.verification)])
    table = Table([[left, "", right]], colWidths=[qr_w, width - qr_w - side_w, side_w])
    table.setStyle(TIGHT)
    return table


def _tembusan(letter: Letter, width: float) -> list[Flowable]:
    if not letter.tembusan:
        return []
    grid = Grid(
        [(f"{i}.", t) for i, t in enumerate(letter.tembusan, 1)],
        [0.7 * cm, width - 0.7 * cm],
        size=10.5,
        leading=12.5,
    )
    heading = Lines([text_item(tr("Tembusan:"), size=10.5)])
    return [Spacer(1, 3 * mm), KeepTogether([heading, grid])]


def letter_flowables(letter: Letter, width: float) -> list[Flowable]:
    """The flowables of one letter (without page-template switches)."""
    st = styles()
    out: list[Flowable] = []
    if letter.letterhead is not None:
        out.extend(letterhead_flowables(letter.letterhead, width))
    out.extend(_heading(letter, width))
    if letter.pembuka:
        out += [para(letter.pembuka, st.body), Spacer(1, 1 * mm)]
    out.extend(_data_lines(letter.rincian, width))
    closing: list[Flowable] = [Spacer(1, 2 * mm)]
    if letter.penutup:
        closing.append(para(letter.penutup, st.body))
    closing += [Spacer(1, 3 * mm), _signature(letter, width)]
    # The closing sentence travels with the signature: a signature never opens a page alone.
    out.append(KeepTogether(closing))
    out.extend(_tembusan(letter, width))
    return out


def letter_story(
    letter: Letter, size: tuple[float, float], start: DocumentStart | None = None
) -> list[Flowable]:
    """The flowables of one letter on a fresh portrait page (used by the decree batches)."""
    return [
        NextPageTemplate("portrait"),
        start or DocumentStart(),
        *letter_flowables(letter, frame_width(size)),
    ]


def letter_info(letter: Letter) -> dict[str, str]:
    """PDF metadata: title, subject, and the verification keywords."""
    info = {
        "title": tr("Surat Nomor {nomor}", nomor=letter.nomor),
        "subject": tr("Hal: {hal}", hal=letter.hal),
        "author": letter.penandatangan.jabatan,
    }
    if letter.verification is not None:
        info["keywords"] = keywords(letter.verification.code, letter.verification.content_digest)
    return info


def render_letter(
    letter: Letter,
    out: str | Path | BinaryIO,
    *,
    page_size: PageSizeName | tuple[float, float] = "F4",
) -> int:
    """Write one letter as PDF to a path or binary stream. Returns the number of pages."""
    size = page_dimensions(page_size)
    doc = doc_template(out, size, **letter_info(letter))
    doc.build(letter_story(letter, size))
    return int(doc.page)


def render_letter_bytes(
    letter: Letter, *, page_size: PageSizeName | tuple[float, float] = "F4"
) -> bytes:
    """:func:`render_letter` into memory."""
    buffer = io.BytesIO()
    render_letter(letter, buffer, page_size=page_size)
    return buffer.getvalue()
