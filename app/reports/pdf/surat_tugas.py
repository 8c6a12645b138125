"""The surat tugas engine: :class:`~app.models.dokumen.naskah.SuratTugas` in, PDF out.

Two shapes of the same document (tata naskah dinas, Permendagri 1/2023): a surat tugas (kop,
"SURAT TUGAS / NOMOR ...", "Dasar :", "MENUGASKAN:", "Kepada :" with each person's name, NIP,
rank and position inline, or "daftar nama terlampir" with the people on a lampiran page when they
are many, "Untuk :", place and date, the signature with the verification QR to its left, the
tembusan), and a list such as the daftar peserta of a training event (the title, the data lines
of the event, the table of people, the signature). The kop, the signature lines, the lampiran
table and the QR are those of the decrees and letters. All text is plain text. No SQL, no Qt.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.i18n import tanggal, tr
from app.models.dokumen.naskah import Lampiran, SuratTugas, Verification
from app.reports.pdf import fonts
from app.reports.pdf.decree import _labelled_list, _lampiran_table
from app.reports.pdf.naskah_dinas import (
    FONT_SIZE,
    LEADING,
    TIGHT,
    DocumentStart,
    Grid,
    LineItem,
    Lines,
    esc,
    frame_width,
    letterhead_flowables,
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


def canonical_content(doc: SuratTugas) -> bytes:
    """Canonical bytes of what the document prints (for the content digest and the code)."""
    d = replace(doc, verification=None)
    if d.letterhead is not None:
        d = replace(d, letterhead=replace(d.letterhead, logo=None))
    return canonical_json({"jenis": "surat_tugas", "naskah": d})


def with_verification(doc: SuratTugas, entry: RegisterEntry, secret: bytes) -> SuratTugas:
    """The document with its verification code (content digest + register entry + secret)."""
    digest = content_digest(canonical_content(doc))
    code = make_code(digest, entry, secret)
    return replace(doc, verification=Verification(code, digest, default_qr_payload(code)))


# -- layout ---------------------------------------------------------------------------------------

_LABEL_W = 3.0 * cm  # as the decree's Menimbang column
_COLON_W = 0.5 * cm
_MARK_W = 0.7 * cm

_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
)


def _numbered(items: list[str]) -> list[str]:
    return [f"{i}." for i in range(1, len(items) + 1)] if len(items) > 1 else [""]


def _title(doc: SuratTugas) -> list[Flowable]:
    items: list[LineItem] = [
        text_item(doc.judul.upper(), bold=True, align="CENTER", underline=True),
        text_item(tr("NOMOR {nomor}", nomor=doc.nomor), align="CENTER"),
        ("space", 4 * mm),
    ]
    return [Lines(items)]


def _kepada(doc: SuratTugas, width: float) -> Table:
    """``Kepada : 1. Nama : ...`` with each person's lines under their number."""
    st = styles()
    key_w = 3.6 * cm
    rest = width - _LABEL_W - _COLON_W - _MARK_W - key_w - _COLON_W
    rows: list[list[Any]] = []
    # Tighter than the lists around it: three people and the tembusan fit one F4 page.
    style: list[tuple[Any, ...]] = [("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    many = len(doc.kepada) > 1
    for i, person in enumerate(doc.kepada):
        for j, (label, value) in enumerate(person):
            first = i == 0 and j == 0
            mark = f"{i + 1}." if many and j == 0 else ""
            rows.append(
                [
                    tr("Kepada") if first else "",
                    ":" if first else "",
                    mark,
                    label,
                    ":",
                    para(value, st.left),
                ]
            )
        if i + 1 < len(doc.kepada):
            style.append(("BOTTOMPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 5))
    table = Table(
        rows, colWidths=[_LABEL_W, _COLON_W, _MARK_W, key_w, _COLON_W, rest], splitInRow=1
    )
    table.setStyle(TableStyle(style, parent=_STYLE))
    return table


def _signature(doc: SuratTugas, width: float, *, qr: bool = True) -> Table:
    """Place and date and the signature on the right; the verification QR and code left."""
    side_w = 9.4 * cm  # the agency head's title on two lines
    qr_w = 4.5 * cm
    right: list[LineItem] = [
        text_item(tr("{tempat}, {tanggal}", tempat=doc.tempat, tanggal=tanggal(doc.tanggal))),
        ("space", 1 * mm),
        *[
            ("space", 1.4 * cm) if item[0] == "space" else item
            for item in signature_lines(doc.penandatangan, signed_copy=False)
        ],
    ]
    left: Flowable | str = ""
    if qr and doc.verification is not None:
        left = Lines([("space", 0.6 * cm), *qr_block(doc.verification)])
    table = Table([[left, "", Lines(right)]], colWidths=[qr_w, width - qr_w - side_w, side_w])
    table.setStyle(TIGHT)
    return table


def _lampiran_heading(doc: SuratTugas, width: float) -> Table:
    st = styles()
    block_w = min(9.5 * cm, width * 0.6)
    key_w = 2.3 * cm
    rows = [
        [para(tr("LAMPIRAN"), st.small), ":", para(doc.judul.upper(), st.small)],
        [para(tr("NOMOR"), st.small), ":", para(doc.nomor, st.small)],
        [para(tr("TANGGAL"), st.small), ":", para(tanggal(doc.tanggal).upper(), st.small)],
    ]
    inner = Table(rows, colWidths=[key_w, 0.35 * cm, block_w - key_w - 0.35 * cm])
    inner.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 11)], parent=_STYLE))
    outer = Table([["", inner]], colWidths=[width - block_w, block_w])
    outer.setStyle(TIGHT)
    return outer


#: The last rows of a list travel with the signature, so that it never opens a page alone.
EKOR = 1


def _table_parts(lamp: Lampiran, width: float) -> tuple[Flowable | None, Flowable]:
    """The table of people as (the head with its repeated header, the last :data:`EKOR`
    row(s) without a header): the tail is kept together with the signature below it. When all
    fits on one page, the two print as one table."""
    if len(lamp.rows) <= EKOR:
        return None, _lampiran_table(lamp, width)
    head = _lampiran_table(replace(lamp, rows=lamp.rows[:-EKOR]), width)
    st = styles()
    cols = list(lamp.columns)
    total = sum(c.width for c in cols) or 1.0
    cell_styles = [st.cell(lamp.font_size, c.align) for c in cols]
    data = [
        [
            Paragraph(esc(text), cs)
            for text, cs in zip(
                list(row.cells)[: len(cols)] + [""] * max(0, len(cols) - len(row.cells)),
                cell_styles,
                strict=True,
            )
        ]
        for row in lamp.rows[-EKOR:]
    ]
    tail = Table(data, colWidths=[width * c.width / total for c in cols])
    tail.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return head, tail


def _tembusan(doc: SuratTugas, width: float) -> list[Flowable]:
    if not doc.tembusan:
        return []
    small = [text_item(f"{i}. {t}", size=10, leading=11.5) for i, t in enumerate(doc.tembusan, 1)]
    heading = text_item(tr("Tembusan:"), size=10, leading=11.5)
    return [Spacer(1, 1 * mm), KeepTogether([Lines([heading, *small])])]


def surat_tugas_flowables(doc: SuratTugas, width: float) -> list[Flowable]:
    """The flowables of one document (the lampiran page included, without page templates)."""
    st = styles()
    out: list[Flowable] = []
    if doc.letterhead is not None:
        out.extend(letterhead_flowables(doc.letterhead, width))
    out.extend(_title(doc))
    if doc.pembuka:
        out += [para(doc.pembuka, st.body), Spacer(1, 1.5 * mm)]
    if doc.rincian:
        # Unnumbered and a little tighter than a letter's data lines: a list of a dozen
        # people fits one F4 page with its signature.
        label_w = max(stringWidth(x.label, fonts.SERIF, FONT_SIZE) for x in doc.rincian) + 8
        grid = Grid(
            [(x.label, ":", x.value) for x in doc.rincian],
            [label_w, 0.4 * cm, width - label_w - 0.4 * cm],
            leading=12.5,
        )
        out += [grid, Spacer(1, 2 * mm)]
    if doc.dasar:
        items = list(doc.dasar)
        out += [_labelled_list(tr("Dasar"), items, _numbered(items), width), Spacer(1, 2 * mm)]
    lampiran = doc.perintah and doc.tabel is not None and doc.tabel.rows
    if doc.perintah:
        out += [para(doc.perintah, st.center_bold), Spacer(1, 2 * mm)]
        if doc.kepada:
            out.append(_kepada(doc, width))
        else:
            out.append(
                _labelled_list(
                    tr("Kepada"), [tr("Daftar nama sebagaimana terlampir.")], [""], width
                )
            )
        out.append(Spacer(1, 2 * mm))
        if doc.untuk:
            items = list(doc.untuk)
            out.append(_labelled_list(tr("Untuk"), items, _numbered(items), width))
    tail: list[Flowable] = []
    if not doc.perintah and doc.tabel is not None:
        head, last = _table_parts(doc.tabel, width)
        out += [Spacer(1, 1 * mm), *([head] if head is not None else [])]
        tail = [last]
    closing: list[Flowable] = [*tail, Spacer(1, 2 * mm)]
    if doc.penutup:
        closing += [para(doc.penutup, st.body), Spacer(1, 2 * mm)]
    closing.append(_signature(doc, width))
    # The closing sentence travels with the signature: a signature never opens a page alone.
    out.append(KeepTogether(closing))
    out.extend(_tembusan(doc, width))
    if lampiran and doc.tabel is not None:
        out += [PageBreak(), _lampiran_heading(doc, width), Spacer(1, 6 * mm)]
        for line in doc.tabel.title:
            out.append(para(line, st.center_bold))
        if doc.tabel.title:
            out.append(Spacer(1, 4 * mm))
        out.append(_lampiran_table(doc.tabel, width))
        if doc.tabel.signature:
            out.append(KeepTogether([Spacer(1, 6 * mm), _signature(doc, width, qr=False)]))
    return out


def surat_tugas_story(
    doc: SuratTugas, size: tuple[float, float], start: DocumentStart | None = None
) -> list[Flowable]:
    """The flowables of one document on a fresh portrait page (used by the batches)."""
    return [
        NextPageTemplate("portrait"),
        start or DocumentStart(),
        *surat_tugas_flowables(doc, frame_width(size)),
    ]


def surat_tugas_info(doc: SuratTugas) -> dict[str, str]:
    """PDF metadata: title, subject, and the verification keywords."""
    info = {
        "title": f"{doc.judul} NOMOR {doc.nomor}",
        "subject": doc.tentang or doc.judul,
        "author": doc.penandatangan.jabatan,
    }
    if doc.verification is not None:
        info["keywords"] = keywords(doc.verification.code, doc.verification.content_digest)
    return info
