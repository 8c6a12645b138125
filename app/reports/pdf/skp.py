"""The Dokumen Evaluasi Kinerja Pegawai of one SKP as PDF (reportlab platypus).

The layout follows the form of the PermenPANRB 6/2022 Lampiran: the title and the period, the
identity of the appraised employee beside the pejabat penilai kinerja (and the atasan pejabat
penilai under them), the hasil kerja with indicators, targets, realisations and feedback, the
rating of hasil kerja, the perilaku kerja per BerAKHLAK value with the leader's expectation and
the feedback, the rating of perilaku kerja, the predikat, and the signature lines.

This module receives plain data (:class:`app.models.skp.types.DokumenEvaluasi`) and runs no SQL. All
text is escaped for reportlab's paragraph markup, so names with ``&`` or ``<`` print as typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
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

from app.i18n import tr
from app.models.skp.types import DokumenEvaluasi, Indikator, Orang
from app.reports.pdf import fonts

MARGIN = 1.8 * cm
# The frame of a SimpleDocTemplate keeps 6 pt of padding on each side: tables drawn to the full
# page width minus the margins overflowed it and were centred 6 pt further left than a
# left-aligned table (the atasan pejabat penilai's), so the two did not line up.
FRAME_PADDING = 6
FRAME_WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING
GRID = colors.black
HEAD = colors.HexColor("#E7E6E6")


class _Styles:
    def __init__(self) -> None:
        font = fonts.register()
        self.body = ParagraphStyle("skp-body", fontName=font, fontSize=9.5, leading=11.5)
        self.small = ParagraphStyle("skp-small", parent=self.body, fontSize=8.5, leading=10)
        self.bold = ParagraphStyle("skp-bold", parent=self.body, fontName=fonts.SERIF_BOLD)
        self.head = ParagraphStyle("skp-head", parent=self.bold, alignment=TA_CENTER)
        self.title = ParagraphStyle(
            "skp-title",
            parent=self.body,
            fontName=fonts.SERIF_BOLD,
            fontSize=12.5,
            leading=15,
            alignment=TA_CENTER,
        )
        self.center = ParagraphStyle("skp-center", parent=self.body, alignment=TA_CENTER)


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    lines = str(text or "").splitlines() or [""]
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def _grid_style(*extra: tuple[Any, ...]) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def _identity_rows(person: Orang | None) -> list[tuple[str, str]]:
    p = person
    return [
        (tr("NAMA"), p.nama if p else "-"),
        (tr("NIP"), p.nip if p else "-"),
        (tr("PANGKAT/GOL. RUANG"), (p.golongan or "-") if p else "-"),
        (tr("JABATAN"), (p.jabatan or "-") if p else "-"),
        (tr("UNIT KERJA"), (p.unit or "-") if p else "-"),
    ]


def _identity(dok: DokumenEvaluasi, width: float, st: _Styles) -> list[Any]:
    w_no, w_label = 0.9 * cm, 3.3 * cm
    w_value = width / 2 - w_no - w_label
    rows: list[list[Any]] = [
        [
            _p(tr("NO"), st.head),
            _p(tr("PEGAWAI YANG DINILAI"), st.head),
            "",
            _p(tr("NO"), st.head),
            _p(tr("PEJABAT PENILAI KINERJA"), st.head),
            "",
        ]
    ]
    left, right = _identity_rows(dok.pegawai), _identity_rows(dok.penilai)
    for i, ((la, va), (lb, vb)) in enumerate(zip(left, right, strict=True), start=1):
        rows.append(
            [
                _p(i, st.small),
                _p(la, st.small),
                _p(va, st.body),
                _p(i, st.small),
                _p(lb, st.small),
                _p(vb, st.body),
            ]
        )
    table = Table(rows, colWidths=[w_no, w_label, w_value] * 2)
    table.setStyle(
        _grid_style(
            ("SPAN", (1, 0), (2, 0)),
            ("SPAN", (4, 0), (5, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        )
    )
    atasan = [[_p(tr("NO"), st.head), _p(tr("ATASAN PEJABAT PENILAI KINERJA"), st.head), ""]]
    for i, (label, value) in enumerate(_identity_rows(dok.atasan_penilai), start=1):
        atasan.append([_p(i, st.small), _p(label, st.small), _p(value, st.body)])
    t2 = Table(atasan, colWidths=[w_no, w_label, w_value], hAlign="LEFT")
    t2.setStyle(_grid_style(("SPAN", (1, 0), (2, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEAD)))
    return [table, Spacer(1, 4), t2]


def _hasil_kerja(dok: DokumenEvaluasi, width: float, st: _Styles) -> LongTable:
    widths = [0.9, 3.2, 3.5, 3.5, 1.9, 2.2, 2.5]
    scale = width / (sum(widths) * cm)
    col = [w * cm * scale for w in widths]
    head = [
        _p(tr("NO"), st.head),
        _p(tr("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"), st.head),
        _p(tr("RENCANA HASIL KERJA"), st.head),
        _p(tr("INDIKATOR KINERJA INDIVIDU"), st.head),
        _p(tr("TARGET"), st.head),
        _p(tr("REALISASI"), st.head),
        _p(tr("UMPAN BALIK"), st.head),
    ]
    rows: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), HEAD)]
    for jenis, judul in (("UTAMA", tr("A. UTAMA")), ("TAMBAHAN", tr("B. TAMBAHAN"))):
        group = [h for h in dok.hasil_kerja if h.jenis == jenis]
        rows.append([_p(judul, st.bold), "", "", "", "", "", ""])
        r = len(rows) - 1
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), HEAD)]
        if not group:
            rows.append(["", _p("-", st.body), "", "", "", "", ""])
            continue
        for n, h in enumerate(group, start=1):
            indikator: list[Indikator | None] = [*h.indikator] or [None]
            first = len(rows)
            for i, ind in enumerate(indikator):
                realisasi = ""
                if ind is not None:
                    realisasi = ind.realisasi
                    if ind.bukti:
                        realisasi = tr("{r}\nBukti: {b}", r=realisasi or "-", b=ind.bukti)
                rows.append(
                    [
                        _p(n, st.small) if i == 0 else "",
                        _p(h.hasil_kerja_atasan or "-", st.small) if i == 0 else "",
                        _p(h.uraian, st.body) if i == 0 else "",
                        _p(ind.indikator if ind else "-", st.body),
                        _p(ind.target if ind else "", st.body),
                        _p(realisasi, st.small),
                        _p(h.umpan_balik, st.small) if i == 0 else "",
                    ]
                )
            last = len(rows) - 1
            if last > first:
                for c in (0, 1, 2, 6):
                    style.append(("SPAN", (c, first), (c, last)))
    table = LongTable(rows, colWidths=col, repeatRows=1)
    table.setStyle(_grid_style(*style))
    return table


def _perilaku(dok: DokumenEvaluasi, width: float, st: _Styles) -> LongTable:
    col = [0.9 * cm, width * 0.46 - 0.9 * cm, width * 0.27, width * 0.27]
    rows: list[list[Any]] = [
        [
            _p(tr("NO"), st.head),
            _p(tr("PERILAKU KERJA (BerAKHLAK)"), st.head),
            _p(tr("EKSPEKTASI KHUSUS PIMPINAN"), st.head),
            _p(tr("UMPAN BALIK BERKELANJUTAN"), st.head),
        ]
    ]
    for n, p in enumerate(dok.perilaku, start=1):
        rows.append(
            [
                _p(n, st.small),
                [_p(p.nama, st.bold), _p(p.panduan, st.small)],
                _p(p.ekspektasi, st.body),
                _p(p.umpan_balik, st.body),
            ]
        )
    table = LongTable(rows, colWidths=col, repeatRows=1)
    table.setStyle(_grid_style(("BACKGROUND", (0, 0), (-1, 0), HEAD)))
    return table


def _line(label: str, value: str, width: float, st: _Styles) -> Table:
    t = Table(
        [[_p(label, st.bold), _p(value.upper() or "-", st.bold)]],
        colWidths=[width * 0.45, width * 0.55],
    )
    t.setStyle(_grid_style(("BACKGROUND", (0, 0), (0, 0), HEAD)))
    return t


def _signature(person: Orang | None, title: str, st: _Styles, top: str = "") -> list[Any]:
    return [
        _p(top, st.center),
        _p(title, st.center),
        Spacer(1, 1.6 * cm),
        _p(person.nama if person else "(..............................)", st.head),
        _p(tr("NIP. {nip}", nip=person.nip) if person else tr("NIP."), st.center),
    ]


def _story(dok: DokumenEvaluasi, width: float) -> list[Any]:
    st = _Styles()
    story: list[Any] = [
        _p(tr("DOKUMEN EVALUASI KINERJA PEGAWAI"), st.title),
        _p(tr("PERIODE: TAHUNAN {tahun}", tahun=dok.tahun), st.title),
        Spacer(1, 6),
    ]
    head = Table(
        [
            [
                _p(dok.pemerintah.upper(), st.bold),
                _p(tr("PERIODE PENILAIAN:"), st.bold),
            ],
            [_p(dok.instansi.upper(), st.bold), _p(dok.periode.upper(), st.body)],
        ],
        colWidths=[width * 0.6, width * 0.4],
    )
    head.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story += [head, Spacer(1, 6), *_identity(dok, width, st), Spacer(1, 8)]
    story += [
        _p(tr("HASIL KERJA"), st.bold),
        Spacer(1, 2),
        _hasil_kerja(dok, width, st),
        Spacer(1, 4),
        _line(tr("RATING HASIL KERJA"), dok.rating_hasil, width, st),
        Spacer(1, 8),
        _p(tr("PERILAKU KERJA"), st.bold),
        Spacer(1, 2),
        _perilaku(dok, width, st),
        Spacer(1, 4),
        _line(tr("RATING PERILAKU KERJA"), dok.rating_perilaku, width, st),
        Spacer(1, 4),
        _line(tr("PREDIKAT KINERJA PEGAWAI"), dok.predikat, width, st),
    ]
    if dok.catatan:
        story += [Spacer(1, 4), _p(tr("Catatan pejabat penilai: {c}", c=dok.catatan), st.body)]
    for line in dok.keberatan:
        story += [Spacer(1, 4), _p(line, st.body)]
    place = f"{dok.tempat}, {dok.tanggal}" if dok.tempat else dok.tanggal
    signs = Table(
        [
            [
                _signature(dok.pegawai, tr("Pegawai yang Dinilai,"), st, "\u00a0"),
                _signature(dok.penilai, tr("Pejabat Penilai Kinerja,"), st, place),
            ]
        ],
        colWidths=[width / 2, width / 2],
    )
    signs.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    atasan = Table(
        [
            [
                _signature(
                    dok.atasan_penilai, tr("Atasan Pejabat Penilai Kinerja,"), st, tr("Mengetahui,")
                )
            ]
        ],
        colWidths=[width / 2],
    )
    story += [Spacer(1, 14), KeepTogether([signs, Spacer(1, 10), atasan])]
    return story


def _page_footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(fonts.SERIF, 8)
    canvas.drawRightString(
        doc.pagesize[0] - MARGIN, MARGIN / 2, tr("Halaman {n}", n=canvas.getPageNumber())
    )
    canvas.restoreState()


def render_evaluasi(dok: DokumenEvaluasi, out: str | Path | BinaryIO) -> int:
    """Write the evaluation document to a path or binary stream. Returns the number of pages."""
    fonts.register()
    target = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=tr(
            "Dokumen Evaluasi Kinerja Pegawai {tahun} - {nip}", tahun=dok.tahun, nip=dok.pegawai.nip
        ),
        author=dok.instansi or "Merit",
        creator="Merit",
    )
    width = FRAME_WIDTH
    doc.build(_story(dok, width), onFirstPage=_page_footer, onLaterPages=_page_footer)
    return int(doc.page)
