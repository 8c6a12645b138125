"""The decree (SK / Keputusan) engine: :class:`~app.models.dokumen.naskah.Decree` in, PDF out
(reportlab platypus).

Layout follows the skeleton of a Keputusan Kepala Daerah (Permendagri 80/2015 jo 120/2018; see
``shared/domain/asn-rules.md`` 11.2-11.4): letterhead, title block, Menimbang / Mengingat /
Memperhatikan with a label column and a colon column, MEMUTUSKAN, Menetapkan, the dictums
(KESATU, KEDUA, ...), "Ditetapkan di ... pada tanggal ...", the signature block, tembusan, and a
lampiran on its own pages whose table header repeats on every page. The page, the kop, the
signature lines and the QR are shared with letters (:mod:`app.reports.pdf.naskah_dinas`); many
documents at once: :mod:`app.reports.pdf.batch`.

Page numbers are written "- 2 -" at the top centre from page 2 on, as the Permendagri 80/2015
format for produk hukum daerah and the offices' own SKs do. ("Halaman x dari y" would need the
total, i.e. two layout passes, doubling the time of a 1,000-petikan batch, for a style the
offices do not use.)

All text is plain text, escaped for reportlab's paragraph mini-markup, so names with ``<``, ``&``
or apostrophes print literally. Nothing in this module runs SQL or touches Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.i18n import tanggal, tr
from app.models.dokumen.naskah import Decree, Dictum, Lampiran, Verification
from app.reports.pdf import fonts
from app.reports.pdf.naskah_dinas import (
    FONT_SIZE,
    LEADING,
    TIGHT,
    DocumentStart,
    Grid,
    LineItem,
    Lines,
    PageSizeName,
    doc_template,
    esc,
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

Kind = Literal["asli", "salinan", "petikan"]


# -- numbering words ------------------------------------------------------------------------------

_SATUAN = (
    "", "SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN",
    "SEPULUH", "SEBELAS",
)  # fmt: skip


def _words(n: int) -> str:
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} BELAS"
    tens, unit = divmod(n, 10)
    return f"{_SATUAN[tens]} PULUH" + (f" {_SATUAN[unit]}" if unit else "")


def dictum_label(index: int, gaya: str = "KESATU") -> str:
    """KESATU, KEDUA, ..., KESEBELAS, KEDUA BELAS (``index`` from 1; PERTAMA style too)."""
    if not 1 <= index <= 99:
        raise ValueError("dictum index out of range")
    if index == 1:
        return "PERTAMA" if gaya == "PERTAMA" else "KESATU"
    return "KE" + _words(index)


def dictum_labels(decree: Decree) -> list[str]:
    return [d.label or dictum_label(i, decree.gaya_diktum) for i, d in enumerate(decree.diktum, 1)]


# -- petikan / salinan / canonical content --------------------------------------------------------


def petikan(decree: Decree, nip: str) -> Decree:
    """The decree as it appears in the petikan of one person: only their dictums and row.

    Dictum labels keep their numbering of the original decree.
    """
    person = [p for p in decree.penerima if p.nip == nip]
    if not person:
        raise ValueError(f"NIP {nip} is not among the people of this decree")
    labels = dictum_labels(decree)
    diktum = [
        replace(d, label=label)
        for d, label in zip(decree.diktum, labels, strict=True)
        if d.nip in ("", nip)
    ]
    lampiran = decree.lampiran
    if lampiran is not None:
        rows = [r for r in lampiran.rows if r.nip == nip]
        lampiran = replace(lampiran, rows=rows) if rows else None
    return replace(decree, diktum=diktum, lampiran=lampiran, penerima=person[:1], verification=None)


def canonical_content(decree: Decree, kind: Kind) -> bytes:
    """Canonical bytes of what the document prints (for the content digest and the code)."""
    d = replace(decree, verification=None)
    if kind == "petikan":
        d = replace(d, menimbang=("dst.",), mengingat=("dst.",), memperhatikan=())
    if d.letterhead is not None:
        d = replace(d, letterhead=replace(d.letterhead, logo=None))
    return canonical_json({"jenis": kind, "naskah": d, "label": dictum_labels(d)})


def with_verification(decree: Decree, kind: Kind, entry: RegisterEntry, secret: bytes) -> Decree:
    """The decree with its verification code (content digest + register entry + secret)."""
    digest = content_digest(canonical_content(decree, kind))
    code = make_code(digest, entry, secret)
    return replace(decree, verification=Verification(code, digest, default_qr_payload(code)))


# -- layout ---------------------------------------------------------------------------------------

_LABEL_W = 3.0 * cm
_COLON_W = 0.5 * cm
_MARK_W = 0.7 * cm


def _labelled_list(label: str, items: Sequence[str], marks: Sequence[str], width: float) -> Table:
    """``Label : a. text`` rows with hanging indents (Menimbang, Mengingat, ...); without marks
    (a single item, or "dst." in a petikan) the text starts right after the colon."""
    st = styles()
    marked = any(marks)
    rows = []
    for i, (mark, text) in enumerate(zip(marks, items, strict=True)):
        head = [label if i == 0 else "", ":" if i == 0 else ""]
        rows.append([*head, mark, para(text, st.body)] if marked else [*head, para(text, st.body)])
    mark_w = [_MARK_W] if marked else []
    rest = width - _LABEL_W - _COLON_W - sum(mark_w)
    table = Table(rows, colWidths=[_LABEL_W, _COLON_W, *mark_w, rest], splitInRow=1)
    table.setStyle(_LIST_STYLE)
    return table


def _dictum_table(rows: list[list[Any]], width: float) -> Table:
    table = Table(rows, colWidths=[_LABEL_W, _COLON_W, width - _LABEL_W - _COLON_W], splitInRow=1)
    table.setStyle(_LIST_STYLE)
    return table


_LIST_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        # reportlab draws a plain-string cell from its baseline; nudge it to sit on the
        # paragraph's first line.
    ]
)


def _signature_block(
    decree: Decree,
    kind: Kind,
    width: float,
    *,
    extras: bool = True,
    addressee: Sequence[LineItem] = (),
) -> list[Flowable]:
    """The signature on the right, as one table kept together with the last dictum.

    In an asli the QR sits to the left of the signature. In a copy (salinan, petikan) the
    authentication block ("Untuk petikan yang sah" and its official) stands on the left, level
    with "Ditetapkan di", the QR between them, and a petikan's addressee under the
    QR and the signature: stacked under the signature, they made a one-person petikan spill onto
    a second F4 page."""
    ditetapkan: list[LineItem] = [
        text_item(tr("Ditetapkan di {tempat}", tempat=decree.tempat)),
        text_item(tr("pada tanggal {tanggal}", tanggal=tanggal(decree.tanggal))),
        ("rule", 7.0 * cm),
        ("space", 2 * mm),
    ]
    right = [*ditetapkan, *signature_lines(decree.penandatangan, signed_copy=kind != "asli")]
    verification = decree.verification if extras else None
    auth = _authentication(decree, kind) if extras else []
    if auth:
        side_w = 7.2 * cm
        qr_w = 2.5 * cm
        # The QR starts on the row of the signatory's office line.
        offset = sum(Lines([item]).wrap(side_w, 1e6)[1] for item in ditetapkan)
        middle: Flowable | str = ""
        if verification is not None:
            qr = qr_block(verification, 2.1 * cm, small=True)
            middle = Lines([("space", offset), *qr])
        rows: list[list[Any]] = [[Lines(auth), middle, Lines(right)]]
        # Padding around the QR column keeps its code a word of its own in the text layer
        # (verification finds the codes of a combined PDF there).
        style = [
            ("SPAN", (0, 0), (0, -1)),
            ("LEFTPADDING", (1, 0), (1, 0), 3),
            ("RIGHTPADDING", (1, 0), (1, 0), 3),
        ]
        if addressee:
            # The addressee goes under the QR and the signature, beside the (taller)
            # authentication block.
            rows.append(["", Lines([("space", 3 * mm), *addressee]), ""])
            style.append(("SPAN", (1, 1), (2, 1)))
        sig = Table(rows, colWidths=[width - side_w - qr_w, qr_w, side_w])
        sig.setStyle(TableStyle(style, parent=TIGHT))
        return [sig]
    side_w = 8.2 * cm
    qr_w = 5.0 * cm
    left: Flowable | str = ""
    if verification is not None:
        left = Lines([("space", 2.5 * cm), *qr_block(verification)])
    sig = Table([[left, "", Lines(right)]], colWidths=[qr_w, width - qr_w - side_w, side_w])
    sig.setStyle(TIGHT)
    return [sig]


def _authentication(decree: Decree, kind: Kind) -> list[LineItem]:
    """The "untuk petikan yang sah" / "salinan sesuai dengan aslinya" block and its official."""
    if kind == "asli" or decree.pengesah is None:
        return []
    if kind == "petikan":
        sentence = tr("Untuk petikan yang sah")
    else:
        sentence = tr("Salinan sesuai dengan aslinya")
    return [text_item(sentence), *signature_lines(decree.pengesah, signed_copy=False)]


def _title_block(decree: Decree, kind: Kind) -> list[Flowable]:
    items: list[LineItem] = []
    if kind == "petikan":
        items.append(text_item(tr("PETIKAN"), bold=True, align="CENTER"))
    items += [
        text_item(f"{decree.judul} {decree.pejabat}", bold=True, align="CENTER"),
        text_item(tr("NOMOR {nomor}", nomor=decree.nomor), bold=True, align="CENTER"),
        ("space", 2 * mm),
        text_item(tr("TENTANG"), bold=True, align="CENTER"),
        text_item(decree.tentang.upper(), bold=True, align="CENTER"),
        ("space", 3 * mm),
    ]
    if decree.dengan_rahmat:
        items.append(text_item(tr("DENGAN RAHMAT TUHAN YANG MAHA ESA"), bold=True, align="CENTER"))
        items.append(("space", 2 * mm))
    items += [text_item(f"{decree.pejabat},", bold=True, align="CENTER"), ("space", 3 * mm)]
    return [Lines(items)]


def _letters(n: int) -> list[str]:
    out = []
    for i in range(n):
        q, r = divmod(i, 26)
        out.append((chr(97 + q - 1) if q else "") + chr(97 + r) + ".")
    return out


def _considerations(decree: Decree, kind: Kind, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    sections = (
        (tr("Menimbang"), decree.menimbang, _letters),
        (tr("Mengingat"), decree.mengingat, lambda n: [f"{i}." for i in range(1, n + 1)]),
        (tr("Memperhatikan"), decree.memperhatikan, lambda n: [f"{i}." for i in range(1, n + 1)]),
    )
    for label, items, marks in sections:
        if not items:
            continue
        # A petikan shortens Menimbang and Mengingat to "dst." (asn-rules 11.4) but keeps
        # Memperhatikan, which names this person's pertek/PAK.
        if kind == "petikan" and items is not decree.memperhatikan:
            out.append(_labelled_list(label, [tr("dst.")], [""], width))
        elif len(items) == 1:
            out.append(_labelled_list(label, list(items), [""], width))
        else:
            out.append(_labelled_list(label, list(items), marks(len(items)), width))
        if kind != "petikan":  # a petikan's one-line "dst." rows need no gap between them
            out.append(Spacer(1, 2 * mm))
    if kind == "petikan" and out:
        out.append(Spacer(1, 2 * mm))
    return out


def _dictum_cell(d: Dictum, width: float) -> list[Flowable] | Paragraph:
    st = styles()
    if not d.rincian and not d.penutup:
        return para(d.text, st.body)
    parts: list[Flowable] = [para(d.text, st.body)]
    if d.rincian:
        longest = max(stringWidth(k, fonts.SERIF, FONT_SIZE) for k, _ in d.rincian)
        key_w = min(longest + 6, width * 0.4)
        grid = Grid(
            [(k, ":", v) for k, v in d.rincian], [key_w, 0.4 * cm, width - key_w - 0.4 * cm]
        )
        parts += [Spacer(1, 1 * mm), grid, Spacer(1, 1 * mm)]
    if d.penutup:
        parts.append(para(d.penutup, st.body))
    return parts


def _operative(decree: Decree, kind: Kind, width: float) -> list[Flowable]:
    """MEMUTUSKAN, Menetapkan, dictums, and the signature kept together with the last dictum."""
    st = styles()
    text_w = width - _LABEL_W - _COLON_W
    out: list[Flowable] = [
        Lines([text_item(tr("MEMUTUSKAN:"), bold=True, align="CENTER"), ("space", 2 * mm)])
    ]
    menetapkan = (
        decree.menetapkan or f"{decree.judul} {decree.pejabat} TENTANG {decree.tentang.upper()}."
    )
    out.append(_dictum_table([[tr("Menetapkan"), ":", para(menetapkan, st.body)]], width))
    labels = dictum_labels(decree)
    rows = [
        [label, ":", _dictum_cell(d, text_w)]
        for d, label in zip(decree.diktum, labels, strict=True)
    ]
    closing: list[Flowable] = []
    if rows:
        if len(rows) > 1:
            out.append(_dictum_table(rows[:-1], width))
        closing.append(_dictum_table(rows[-1:], width))
    addressee = _addressee(decree, kind)
    closing += [Spacer(1, 4 * mm), *_signature_block(decree, kind, width, addressee=addressee)]
    if addressee and decree.pengesah is None:  # no authentication block to stand beside
        closing += [Spacer(1, 6 * mm), Lines(addressee)]
    # The last dictum travels with the signature: a signature never opens a page alone.
    out.append(KeepTogether(closing))
    return out


def _addressee(decree: Decree, kind: Kind) -> list[LineItem]:
    """To whom a petikan goes (under its signature)."""
    if kind != "petikan" or not decree.penerima:
        return []
    p = decree.penerima[0]
    return [
        text_item(tr("Petikan Keputusan ini disampaikan kepada Yth.:"), size=11),
        text_item(tr("Saudara {nama}", nama=p.nama), size=11),
        text_item(tr("di {tempat}", tempat=p.tempat or tr("Tempat")), size=11),
    ]


def _closing_lists(decree: Decree, kind: Kind, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    if decree.tembusan and kind != "petikan":
        grid = Grid(
            [(f"{i}.", t) for i, t in enumerate(decree.tembusan, 1)],
            [0.7 * cm, width - 0.7 * cm],
            size=11,
            leading=13,
            gap=1,
        )
        heading = Lines([text_item(tr("Tembusan Keputusan ini disampaikan kepada Yth.:"), size=11)])
        out += [Spacer(1, 8 * mm), KeepTogether([heading, grid])]
    return out


def _lampiran_heading(decree: Decree, width: float) -> Table:
    st = styles()
    block_w = min(9.5 * cm, width * 0.6)
    key_w = 2.3 * cm
    rows = [
        [para(tr("LAMPIRAN"), st.small), ":", para(f"{decree.judul} {decree.pejabat}", st.small)],
        [para(tr("NOMOR"), st.small), ":", para(decree.nomor, st.small)],
        [para(tr("TANGGAL"), st.small), ":", para(tanggal(decree.tanggal).upper(), st.small)],
        [para(tr("TENTANG"), st.small), ":", para(decree.tentang.upper(), st.small)],
    ]
    inner = Table(rows, colWidths=[key_w, 0.35 * cm, block_w - key_w - 0.35 * cm])
    inner.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
                ("FONTSIZE", (0, 0), (-1, -1), 11),
                ("LEADING", (0, 0), (-1, -1), 13),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    outer = Table([["", inner]], colWidths=[width - block_w, block_w])
    outer.setStyle(TIGHT)
    return outer


def _lampiran_table(lamp: Lampiran, width: float) -> LongTable:
    st = styles()
    cols = list(lamp.columns)
    n = len(cols)
    total = sum(c.width for c in cols) or 1.0
    widths = [width * c.width / total for c in cols]
    size = lamp.font_size
    head_style = st.cell(size, "CENTER", bold=True)
    grouped = any(c.group for c in cols)
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), size),
    ]
    data: list[list[Any]] = []
    if grouped:
        top: list[Any] = []
        bottom: list[Any] = []
        i = 0
        while i < n:
            group = cols[i].group
            if not group:
                top.append(Paragraph(esc(cols[i].title), head_style))
                bottom.append("")
                style.append(("SPAN", (i, 0), (i, 1)))
                i += 1
                continue
            j = i
            while j + 1 < n and cols[j + 1].group == group:
                j += 1
            top.append(Paragraph(esc(group), head_style))
            top.extend([""] * (j - i))
            bottom.extend(Paragraph(esc(c.title), head_style) for c in cols[i : j + 1])
            if j > i:
                style.append(("SPAN", (i, 0), (j, 0)))
            i = j + 1
        data.extend([top, bottom])
    else:
        data.append([Paragraph(esc(c.title), head_style) for c in cols])
    header_rows = len(data)
    if lamp.number_row:
        data.append([f"({i})" for i in range(1, n + 1)])
        style.append(("ALIGN", (0, header_rows), (-1, header_rows), "CENTER"))
        style.append(("FONTSIZE", (0, header_rows), (-1, header_rows), size - 1.5))
        style.append(("TOPPADDING", (0, header_rows), (-1, header_rows), 0))
        style.append(("BOTTOMPADDING", (0, header_rows), (-1, header_rows), 1.5))
        header_rows += 1
    style.append(("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"))
    style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.92, 0.92, 0.92)))
    cell_styles = [st.cell(size, c.align) for c in cols]
    for row in lamp.rows:
        cells = list(row.cells)[:n] + [""] * max(0, n - len(row.cells))
        data.append([Paragraph(esc(text), cs) for text, cs in zip(cells, cell_styles, strict=True)])
    table = LongTable(data, colWidths=widths, repeatRows=header_rows, splitInRow=1)
    table.setStyle(TableStyle(style))
    return table


def _lampiran(decree: Decree, kind: Kind, width: float) -> list[Flowable]:
    lamp = decree.lampiran
    if lamp is None:
        return []
    st = styles()
    out: list[Flowable] = [_lampiran_heading(decree, width), Spacer(1, 6 * mm)]
    if kind == "petikan":
        out.insert(0, para(tr("PETIKAN"), st.right_bold))
    for line in lamp.title:
        out.append(para(line, st.center_bold))
    if lamp.title:
        out.append(Spacer(1, 4 * mm))
    out.append(_lampiran_table(lamp, width))
    if lamp.signature:
        out.append(
            KeepTogether([Spacer(1, 6 * mm), *_signature_block(decree, kind, width, extras=False)])
        )
    return out


# -- documents ------------------------------------------------------------------------------------


def decree_story(
    decree: Decree, kind: Kind, size: tuple[float, float], start: DocumentStart | None = None
) -> list[Flowable]:
    """The flowables of one decree, starting on a fresh portrait page."""
    st = styles()
    width = frame_width(size)
    story: list[Flowable] = [NextPageTemplate("portrait"), start or DocumentStart()]
    if kind == "salinan":
        story.append(para(tr("SALINAN"), st.right_bold))
    if decree.letterhead is not None:
        story.extend(letterhead_flowables(decree.letterhead, width))
    story.extend(_title_block(decree, kind))
    story.extend(_considerations(decree, kind, width))
    story.extend(_operative(decree, kind, width))
    story.extend(_closing_lists(decree, kind, width))
    if decree.lampiran is not None and decree.lampiran.rows:
        wide = decree.lampiran.landscape
        lamp_width = frame_width(landscape(size)) if wide else width
        story.append(NextPageTemplate("landscape" if wide else "portrait"))
        story.append(PageBreak())
        story.extend(_lampiran(decree, kind, lamp_width))
    return story


def decree_info(decree: Decree, kind: Kind) -> dict[str, str]:
    """PDF metadata: title, subject, author, and the verification keywords."""
    info = {
        "title": f"{decree.judul} {decree.pejabat} NOMOR {decree.nomor}",
        "subject": f"TENTANG {decree.tentang.upper()} ({kind})",
        "author": decree.pejabat,
    }
    if decree.verification is not None:
        info["keywords"] = keywords(decree.verification.code, decree.verification.content_digest)
    return info


def render_decree(
    decree: Decree,
    out: str | Path | BinaryIO,
    *,
    kind: Kind = "asli",
    page_size: PageSizeName | tuple[float, float] = "F4",
) -> int:
    """Write one decree (asli, salinan, or petikan) as PDF to a path or binary stream.

    For ``kind="petikan"`` pass a decree already restricted with :func:`petikan`; a decree with
    several people is restricted to its first person. Returns the number of pages.
    """
    if kind == "petikan" and len(decree.penerima) > 1:
        decree = petikan(decree, decree.penerima[0].nip)
    size = page_dimensions(page_size)
    doc = doc_template(out, size, **decree_info(decree, kind))
    doc.build(decree_story(decree, kind, size))
    return int(doc.page)


def render_bytes(
    decree: Decree, *, kind: Kind = "asli", page_size: PageSizeName | tuple[float, float] = "F4"
) -> bytes:
    """:func:`render_decree` into memory."""
    buffer = io.BytesIO()
    render_decree(decree, buffer, kind=kind, page_size=page_size)
    return buffer.getvalue()
