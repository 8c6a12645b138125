"""Forged copies of an issued PDF, made the way a forger with ordinary tools would (issue 12):
a white box and a new value added as annotations, an overlaid picture merged onto the page, and
the page replaced by a picture of a changed page with an invisible copy of the genuine text.

Each keeps the genuine file's metadata (code and content digest) and text, so a check that reads
only the text cannot tell them from the genuine document."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Rectangle
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, StreamObject
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF units


def find_text(data: bytes, text: str) -> tuple[int, Box]:
    """(page index, box) of the first place ``text`` is printed."""
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            searcher = textpage.search(text)
            found = searcher.get_next()
            if found is not None:
                start, count = found
                boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
                return index, (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
    finally:
        pdf.close()
    raise AssertionError(f"{text!r} is not printed in the PDF")


def _written(writer: PdfWriter, metadata: dict[str, str]) -> bytes:
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _metadata(reader: PdfReader) -> dict[str, str]:
    return {str(k): str(v) for k, v in (reader.metadata or {}).items()}


def annotation_forgery(data: bytes, old: str, new: str) -> bytes:
    """A white Square annotation over ``old`` and a FreeText annotation saying ``new``, with an
    appearance stream so that every viewer draws it."""
    index, (x0, y0, x1, y1) = find_text(data, old)
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    rect = (x0 - 2, y0 - 2, x1 + 40, y1 + 2)
    white = Rectangle(rect=rect, interior_color="ffffff")
    white[NameObject("/C")] = ArrayObject([FloatObject(1), FloatObject(1), FloatObject(1)])
    writer.add_annotation(index, white)
    size = y1 - y0 + 1
    text = FreeText(
        text=new,
        rect=rect,
        font="Times-Roman",
        font_size=f"{size:.0f}pt",
        font_color="000000",
        border_color=None,
        background_color="ffffff",
    )
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    appearance = StreamObject()
    ops = f"1 g 0 0 {width:.2f} {height:.2f} re f 0 g BT /F1 {size:.1f} Tf 2 3 Td ({new}) Tj ET"
    appearance.set_data(ops.encode("latin-1"))
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Times-Roman"),
        }
    )
    appearance.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, width, height)]),
            NameObject("/Resources"): DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
            ),
        }
    )
    text[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(appearance)})
    writer.add_annotation(index, text)
    return _written(writer, _metadata(reader))


def overlay_forgery(data: bytes, old: str, new: str, *, dpi: int = 200) -> bytes:
    """A picture of ``new`` on white, drawn over ``old`` with reportlab and merged onto the page
    with pypdf (no text is added: the page text stays the genuine one)."""
    index, (x0, y0, x1, y1) = find_text(data, old)
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[index]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    box_w, box_h = x1 - x0 + 40, y1 - y0 + 4
    scale = dpi / 72
    patch = Image.new("RGB", (round(box_w * scale), round(box_h * scale)), "white")
    ImageDraw.Draw(patch).text((0, 2 * scale), new, fill="black", font_size=(y1 - y0) * scale)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(width, height))
    c.drawImage(ImageReader(patch), x0 - 1, y0 - 2, box_w, box_h)
    c.save()
    writer = PdfWriter(clone_from=reader)
    writer.pages[index].merge_page(PdfReader(buffer).pages[0])
    return _written(writer, _metadata(reader))


def picture_forgery(data: bytes, old: str, new: str, *, dpi: int = 150) -> bytes:
    """Every page replaced by a picture of it (``old`` painted over with ``new`` on its page),
    with the genuine text of each page written invisibly (render mode 3) on top. With
    ``new == old`` nothing is painted: a picture of the genuine pages."""
    index, (x0, y0, x1, y1) = find_text(data, old)
    reader = PdfReader(io.BytesIO(data))
    pdf = pdfium.PdfDocument(data)
    scale = dpi / 72
    buffer = io.BytesIO()
    first = reader.pages[0]
    c = canvas.Canvas(buffer, pagesize=(float(first.mediabox.width), float(first.mediabox.height)))
    for number, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        c.setPageSize((width, height))
        image: Image.Image = pdf[number].render(scale=scale).to_pil().convert("RGB")
        if number == index and new != old:
            draw = ImageDraw.Draw(image)
            box = (x0 * scale, (height - y1) * scale, (x1 + 40) * scale, (height - y0) * scale)
            draw.rectangle(box, fill="white")
            draw.text((box[0], box[1]), new, fill="black", font_size=(y1 - y0) * scale)
        c.drawImage(ImageReader(image), 0, 0, width, height)
        text = c.beginText(40, height - 40)
        text.setTextRenderMode(3)
        text.setFont("Times-Roman", 8)
        for line in (page.extract_text() or "").splitlines():
            text.textLine(line)
        c.drawText(text)
        c.showPage()
    c.setKeywords(_metadata(reader).get("/Keywords", ""))
    c.save()
    pdf.close()
    return buffer.getvalue()
