"""1,000 petikan SK Kenaikan Pangkat through Merit beside bare reportlab, in the same run.

Merit: ``render_many`` lays out 1,000 petikan (2 pages each: letterhead, title block, dst.,
dictums with the person's data, signature, authentication block, QR code and verification code)
as one combined PDF and cuts it into 1,000 per-person files named by NIP.

Bare reportlab, same texts and the same registered TTF fonts, one combined PDF only:
- ``platypus``: a SimpleDocTemplate with every text as a justified Paragraph, a PageBreak per
  person (no tables, no QR, no per-person files);
- ``canvas``: every text wrapped with ``simpleSplit`` and drawn with ``canvas.drawString``.

Target: Merit within 1.5x of bare platypus producing the same files (the combined PDF and one
file per person, each built on its own); the combined-only bare figure is printed for
information. The register digests (pypdf text extraction of every
file, and the page fingerprints: every page rendered by pdfium at 50 dpi, needed by
``merit verify``) are timed on their own line, the fingerprints alone per page too.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import report

N = 1_000
SECRET = b"bench-secret"


def petikan_texts(decree: object) -> list[str]:
    """The texts of one petikan in reading order (what bare reportlab draws)."""
    from app.i18n import tanggal
    from app.models.dokumen.naskah import Decree
    from app.reports.pdf import decree as D
    from app.reports.pdf.naskah_dinas import signatory_lines

    assert isinstance(decree, Decree)
    out: list[str] = []
    if decree.letterhead is not None:
        out.extend(decree.letterhead.heading)
    out += [
        "PETIKAN",
        f"KEPUTUSAN {decree.pejabat}",
        f"NOMOR {decree.nomor}",
        "TENTANG",
        decree.tentang.upper(),
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        f"{decree.pejabat},",
        "Menimbang : dst.",
        "Mengingat : dst.",
        "Memperhatikan : dst.",
        "MEMUTUSKAN:",
        f"Menetapkan : KEPUTUSAN {decree.pejabat} TENTANG {decree.tentang.upper()}.",
    ]
    for label, d in zip(D.dictum_labels(decree), decree.diktum, strict=True):
        out.append(f"{label} : {d.text}")
        out.extend(f"{k} : {v}" for k, v in d.rincian)
        if d.penutup:
            out.append(d.penutup)
    sig = decree.penandatangan
    out += [f"Ditetapkan di {decree.tempat}", f"pada tanggal {tanggal(decree.tanggal)}"]
    out += [*signatory_lines(sig), "ttd.", sig.nama, sig.pangkat, f"NIP. {sig.nip}"]
    if decree.pengesah is not None:
        p = decree.pengesah
        out += ["Untuk petikan yang sah", *signatory_lines(p), p.nama, p.pangkat, f"NIP. {p.nip}"]
    person = decree.penerima[0]
    out += ["Petikan Keputusan ini disampaikan kepada Yth.:", f"Saudara {person.nama}"]
    return [t for t in out if t]


def bare_platypus(texts: list[list[str]], out: io.BytesIO) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from app.reports.pdf import fonts
    from app.reports.pdf.naskah_dinas import F4

    style = ParagraphStyle("b", fontName=fonts.register(), fontSize=12, leading=14.5)
    style.alignment = TA_JUSTIFY
    doc = SimpleDocTemplate(
        out, pagesize=F4, leftMargin=3 * cm, rightMargin=2 * cm, topMargin=2.5 * cm
    )
    story = []
    for i, lines in enumerate(texts):
        if i:
            story.append(PageBreak())
        story.extend(Paragraph(escape(t), style) for t in lines)
    doc.build(story)


def bare_platypus_files(texts: list[list[str]], folder: Path) -> None:
    """The same deliverable as ``render_many`` with bare platypus: a combined PDF and one PDF
    per person."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "gabungan.pdf", "wb") as combined:
        buf = io.BytesIO()
        bare_platypus(texts, buf)
        combined.write(buf.getvalue())
    for i, lines in enumerate(texts):
        buf = io.BytesIO()
        bare_platypus([lines], buf)
        (folder / f"{i:05d}.pdf").write_bytes(buf.getvalue())


def bare_canvas(texts: list[list[str]], out: io.BytesIO) -> None:
    from reportlab.lib.units import cm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.pdf import fonts
    from app.reports.pdf.naskah_dinas import F4

    font = fonts.register()
    width, height = F4
    canvas = Canvas(out, pagesize=F4)
    for lines in texts:
        y = height - 2.5 * cm
        canvas.setFont(font, 12)
        for text in lines:
            for line in simpleSplit(text, font, 12, width - 5 * cm):
                if y < 2.5 * cm:
                    canvas.showPage()
                    canvas.setFont(font, 12)
                    y = height - 2.5 * cm
                canvas.drawString(3 * cm, y, line)
                y -= 14.5
        canvas.showPage()
    canvas.save()


def main(n: int = N) -> list[dict]:
    from app.models.dokumen.naskah import Decree
    from app.reports.pdf import batch as B
    from app.reports.pdf import decree as D
    from app.reports.pdf import decree_samples as S
    from app.reports.pdf import verification as V

    decrees = [S.promotion(*S.person(i)) for i in range(n)]
    texts = [petikan_texts(D.petikan(d, d.penerima[0].nip)) for d in decrees]

    def sign(document: Decree, kind: D.Kind) -> Decree:
        entry = V.RegisterEntry(
            document.nomor, document.tanggal, "kp", kind, tuple(p.nip for p in document.penerima)
        )
        return D.with_verification(document, kind, entry, SECRET)

    # Warm-up: fonts, styles, imports.
    D.render_bytes(decrees[0], kind="petikan")
    bare_platypus(texts[:2], io.BytesIO())
    bare_canvas(texts[:2], io.BytesIO())

    tmp = Path(tempfile.mkdtemp(prefix="merit-bench-sk-"))
    try:
        t0 = time.perf_counter()
        result = B.render_many(decrees, tmp / "petikan", tmp / "gabungan.pdf", sign=sign)
        merit = time.perf_counter() - t0
        pages = sum(f.pages for f in result.files)

        signed = [sign(d, "petikan") for _stem, d in B.expand(decrees, "petikan")]
        t0 = time.perf_counter()
        B.render_combined(signed, io.BytesIO())
        layout = time.perf_counter() - t0

        t0 = time.perf_counter()
        platypus_buf = io.BytesIO()
        bare_platypus(texts, platypus_buf)
        platypus = time.perf_counter() - t0

        t0 = time.perf_counter()
        bare_platypus_files(texts, tmp / "polos")
        platypus_files = time.perf_counter() - t0

        t0 = time.perf_counter()
        canvas_buf = io.BytesIO()
        bare_canvas(texts, canvas_buf)
        canvas = time.perf_counter() - t0

        t0 = time.perf_counter()
        for f in result.files:
            V.issued_digests(f.path)
        digests = time.perf_counter() - t0

        t0 = time.perf_counter()
        for f in result.files:
            V.page_prints(f.path.read_bytes())
        prints = time.perf_counter() - t0
        assert result.combined is not None
        size = result.combined.stat().st_size
        per_file = sum(f.path.stat().st_size for f in result.files) / len(result.files)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"{n} petikan, {pages} pages; combined PDF {size / 1e6:.1f} MB, "
        f"per-person file {per_file / 1e3:.0f} kB",
        flush=True,
    )
    print(
        f"page fingerprints (pdfium, {V.RENDER_DPI} dpi): {prints / pages * 1e3:.1f} ms per page, "
        f"{prints:.1f} s for the batch; all register digests {digests:.1f} s "
        f"(layout and files {merit:.1f} s)",
        flush=True,
    )
    figures = [
        report(
            f"{n} petikan: render_many vs bare platypus, same files",
            merit,
            platypus_files,
            target="<= 1.5x",
        ),
        report(
            f"{n} petikan: render_many vs bare platypus, combined only",
            merit,
            platypus,
            target="(info)",
        ),
        report(
            f"{n} petikan: layout only (combined) vs platypus", layout, platypus, target="(info)"
        ),
        report(f"{n} petikan: render_many vs bare canvas", merit, canvas, target="(info)"),
        report(
            f"{n} petikan: + register digests vs bare platypus",
            merit + digests,
            platypus,
            target="(info)",
        ),
    ]
    return figures


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else N)
