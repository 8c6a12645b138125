"""The formulir permintaan dan pemberian cuti as PDF (reportlab platypus), from plain data
(:class:`app.models.cuti.formulir.FormulirCuti`); no SQL. Text is escaped for reportlab."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.i18n import tr
from app.models.cuti.formulir import FormulirCuti
from app.reports.pdf import fonts

MARGIN = 1.8 * cm
HEAD = colors.HexColor("#E7E6E6")


def _styles() -> dict[str, ParagraphStyle]:
    font = fonts.register()
    body = ParagraphStyle("cuti-body", fontName=font, fontSize=9.5, leading=11.5)
    return {
        "body": body,
        "bold": ParagraphStyle("cuti-bold", parent=body, fontName=fonts.SERIF_BOLD),
        "title": ParagraphStyle(
            "cuti-title",
            parent=body,
            fontName=fonts.SERIF_BOLD,
            fontSize=12,
            leading=15,
            alignment=TA_CENTER,
        ),
        "center": ParagraphStyle("cuti-center", parent=body, alignment=TA_CENTER),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _grid(data: list[list[Any]], widths: list[float], head: bool = True) -> Table:
    table = Table(data, colWidths=widths)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if head:
        style += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEAD)]
    table.setStyle(TableStyle(style))
    return table


def _choices(title: str, chosen: str | None, note: str, w: float, st: dict[str, Any]) -> Table:
    labels = {
        "SETUJU": tr("DISETUJUI"),
        "UBAH": tr("PERUBAHAN"),
        "TUNDA": tr("DITANGGUHKAN"),
        "TOLAK": tr("TIDAK DISETUJUI"),
    }
    row = [_p(text + (" (X)" if k == chosen else ""), st["center"]) for k, text in labels.items()]
    data = [[_p(title, st["bold"]), "", "", ""], row, [_p(note or " ", st["body"]), "", "", ""]]
    table = _grid(data, [w / 4] * 4)
    table.setStyle(TableStyle([("SPAN", (0, 2), (-1, 2))]))
    return table


def render_formulir(f: FormulirCuti, out: str | Path | BinaryIO) -> int:
    """Write the form; returns the number of pages."""
    st = _styles()
    doc = SimpleDocTemplate(
        str(out) if isinstance(out, (str, Path)) else out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=tr("Formulir permintaan dan pemberian cuti"),
    )
    w = A4[0] - 2 * MARGIN
    story: list[Any] = [
        _p(f"{f.tempat}, {f.tanggal}" if f.tempat else f.tanggal, st["body"]),
        _p(tr("Kepada Yth. Pejabat yang berwenang memberikan cuti"), st["body"]),
        _p(f.instansi, st["body"]),
        Spacer(1, 8),
        _p(tr("FORMULIR PERMINTAAN DAN PEMBERIAN CUTI"), st["title"]),
        Spacer(1, 8),
    ]
    i = [
        [_p(tr("I. DATA PEGAWAI"), st["bold"]), "", "", ""],
        [_p(tr("Nama"), st["body"]), _p(f.nama, st["body"]), _p(tr("NIP"), st["body"]),
         _p(f.nip, st["body"])],
        [_p(tr("Jabatan"), st["body"]), _p(f.jabatan, st["body"]),
         _p(tr("Masa kerja"), st["body"]), _p(f.masa_kerja, st["body"])],
        [_p(tr("Unit kerja"), st["body"]), _p(f.unit, st["body"]), "", ""],
    ]  # fmt: skip
    t1 = _grid(i, [w * 0.15, w * 0.4, w * 0.15, w * 0.3])
    t1.setStyle(TableStyle([("SPAN", (1, 3), (-1, 3))]))
    jenis_rows: list[list[Any]] = [[_p(tr("II. JENIS CUTI YANG DIAMBIL"), st["bold"]), "", "", ""]]
    pairs = list(f.jenis)
    for a in range(0, len(pairs), 2):
        row: list[Any] = []
        for kode_nama in pairs[a : a + 2]:
            _kode, nama, ticked = kode_nama
            row += [_p(nama, st["body"]), _p("X" if ticked else "", st["bold"])]
        while len(row) < 4:
            row.append("")
        jenis_rows.append(row)
    t2 = _grid(jenis_rows, [w * 0.4, w * 0.1, w * 0.4, w * 0.1])
    t3 = _grid([[_p(tr("III. ALASAN CUTI"), st["bold"])], [_p(f.alasan, st["body"])]], [w])
    t4 = _grid(
        [
            [_p(tr("IV. LAMANYA CUTI"), st["bold"]), "", ""],
            [
                _p(tr("Selama {l}", l=f.lama), st["body"]),
                _p(tr("mulai tanggal {m}", m=f.mulai), st["body"]),
                _p(tr("s.d. {s}", s=f.selesai), st["body"]),
            ],
        ],
        [w / 3] * 3,
    )
    v: list[list[Any]] = [[_p(tr("V. CATATAN CUTI TAHUNAN"), st["bold"]), "", ""]]
    v.append([_p(tr("Tahun"), st["bold"]), _p(tr("Sisa"), st["bold"]), _p(tr("Keterangan"),
              st["bold"])])  # fmt: skip
    for n, (tahun, sisa) in zip(("N-2", "N-1", "N"), f.sisa_tahunan, strict=True):
        v.append([_p(f"{n} ({tahun})", st["body"]), _p(tr("{s} hari", s=sisa), st["body"]), ""])
    t5 = _grid(v, [w * 0.3, w * 0.2, w * 0.5])
    lampiran = "; ".join(f.lampiran) if f.lampiran else "-"
    t6 = _grid(
        [
            [_p(tr("VI. ALAMAT SELAMA MENJALANKAN CUTI"), st["bold"]), ""],
            [_p(f.alamat + "\n" + tr("Lampiran: {l}", l=lampiran), st["body"]),
             _p(tr("Hormat saya,") + "\n\n\n" + f"{f.nama}\nNIP {f.nip}", st["body"])],
        ],
        [w * 0.6, w * 0.4],
    )  # fmt: skip
    t7 = _choices(
        tr("VII. PERTIMBANGAN ATASAN LANGSUNG"), f.rekomendasi, f.rekomendasi_catatan, w, st
    )
    t8 = _choices(
        tr("VIII. KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI"),
        f.keputusan,
        f.keputusan_catatan,
        w,
        st,
    )
    for table in (t1, t2, t3, t4, t5, t6, t7, t8):
        story += [table, Spacer(1, 6)]
    doc.build(story)
    return int(doc.page)
