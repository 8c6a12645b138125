"""Verification codes and checking issued PDFs against the register."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ByteStringObject, ContentStream, NameObject, TextStringObject
from reportlab.pdfgen import canvas

from app.models.dokumen import naskah as N
from app.models.dokumen import register as R
from app.reports.pdf import batch as B
from app.reports.pdf import decree as D
from app.reports.pdf import decree_samples as S
from app.reports.pdf import pdfium as pdfium_door
from app.reports.pdf import verification as V
from tests.helpers import forgery as F

SECRET = b"rahasia-instalasi-uji"


def entry_for(decree: N.Decree, kind: str = "asli") -> V.RegisterEntry:
    return V.RegisterEntry(
        decree.nomor, decree.tanggal, "kp", kind, tuple(p.nip for p in decree.penerima)
    )


def issue(decree: N.Decree, kind: D.Kind = "asli") -> tuple[bytes, R.RegisterRecord]:
    """Render with a code and record it as the register would."""
    signed = D.with_verification(decree, kind, entry_for(decree, kind), SECRET)
    data = D.render_bytes(signed, kind=kind)
    digests = V.issued_digests(data)
    assert signed.verification is not None
    assert digests.code == signed.verification.code
    assert digests.content_digest == signed.verification.content_digest
    record = R.RegisterRecord(
        code=digests.code,
        pdf_sha256=digests.pdf_sha256,
        text_digest=digests.text_digest,
        content_digest=digests.content_digest,
        nomor=decree.nomor,
    )
    return data, record


def test_code_shape_and_determinism() -> None:
    decree = S.promotion()
    digest = V.content_digest(D.canonical_content(decree, "asli"))
    code = V.verification_code(digest, entry_for(decree), SECRET)
    assert len(code) == 11 and code[5] == "-"
    assert all(c in V.CROCKFORD for c in code.replace("-", ""))
    assert code == V.verification_code(digest, entry_for(decree), SECRET)
    assert code != V.verification_code(digest, entry_for(decree), b"other secret")
    other_entry = replace(entry_for(decree), nomor="800.1.3.2/0159/BKPSDM/2026")
    assert code != V.verification_code(digest, other_entry, SECRET)
    other_content = V.content_digest(
        D.canonical_content(replace(decree, tanggal=date(2026, 3, 26)), "asli")
    )
    assert code != V.verification_code(other_content, entry_for(decree), SECRET)
    with pytest.raises(ValueError):
        V.verification_code(digest, entry_for(decree), b"")


def test_content_digest_depends_on_kind_and_person() -> None:
    decree = S.mass_appointment(3)
    asli = D.canonical_content(decree, "asli")
    assert asli != D.canonical_content(decree, "salinan")
    a, b = (D.petikan(decree, p.nip) for p in decree.penerima[:2])
    assert D.canonical_content(a, "petikan") != D.canonical_content(b, "petikan")
    # The logo's location on this computer is not content.
    assert decree.letterhead is not None
    moved = replace(decree, letterhead=replace(decree.letterhead, logo="/elsewhere/logo.png"))
    assert D.canonical_content(moved, "asli") == asli


@given(st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=10, max_size=10))
def test_normalize_code_accepts_typing_variants(raw: str) -> None:
    code = f"{raw[:5]}-{raw[5:]}"
    assert V.normalize_code(code) == code
    assert V.normalize_code(f" {raw.lower()} ") == code
    typed = code.replace("0", "O").replace("1", "I")
    assert V.normalize_code(typed) == code
    assert V.find_code(f"MERIT VERIFY {code}") == code


def test_normalize_code_rejects_wrong_input() -> None:
    assert V.normalize_code("ABCD-1234") is None
    assert V.normalize_code("ABCDE-1234U") is None  # U is not in Crockford's alphabet
    assert V.find_code("tidak ada kode di sini") is None


def test_original_pdf_is_accepted(tmp_path: Path) -> None:
    data, record = issue(S.promotion())
    path = tmp_path / "sk.pdf"
    path.write_bytes(data)
    result = V.verify_pdf(path, V.records_lookup([record]))
    assert result.status is V.Status.ASLI and result.ok
    assert result.code == record.code
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert record.code in text and "merit verify" not in text
    assert "Keaslian dapat diperiksa dengan kode ini" in " ".join(text.split())


def test_resaved_pdf_with_same_text_is_accepted_as_same_content() -> None:
    data, record = issue(S.promotion())
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Producer": "Printer PDF kantor"})
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue() != data
    result = V.verify_pdf(out.getvalue(), V.records_lookup([record]))
    assert result.status is V.Status.ISI_SAMA and result.ok


def test_rerendered_with_one_changed_name_is_detected() -> None:
    decree = S.promotion()
    _, record = issue(decree)
    signed = D.with_verification(decree, "asli", entry_for(decree), SECRET)
    forged = replace(signed, penerima=(replace(signed.penerima[0], nama="NAMA LAIN"),))
    assert forged.verification == signed.verification  # the forger copies the code
    forged = replace(
        forged,
        diktum=(
            replace(
                forged.diktum[0], rincian=(("Nama", "NAMA LAIN"), *forged.diktum[0].rincian[1:])
            ),
            *forged.diktum[1:],
        ),
    )
    result = V.verify_pdf(D.render_bytes(forged), V.records_lookup([record]))
    assert result.status is V.Status.BERUBAH and not result.ok


@pytest.mark.parametrize("field", ["nomor", "tanggal"])
def test_rerendered_with_changed_number_or_date_is_detected(field: str) -> None:
    decree = S.promotion()
    _, record = issue(decree)
    signed = D.with_verification(decree, "asli", entry_for(decree), SECRET)
    value = "800.1.3.2/9999/BKPSDM/2026" if field == "nomor" else date(2026, 3, 1)
    forged = replace(signed, **{field: value})
    result = V.verify_pdf(D.render_bytes(forged), V.records_lookup([record]))
    assert result.status is V.Status.BERUBAH


def test_one_byte_changed_in_the_page_text_is_detected() -> None:
    data, record = issue(S.promotion())
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[0]
    content = ContentStream(page.get_contents(), writer)
    changed = False
    for operands, operator in content.operations:
        if operator == b"Tj" and not changed:
            raw = bytearray(operands[0].original_bytes)
            if len(raw) > 3:
                raw[2] = raw[3]  # one glyph replaced by its neighbour
                operands[0] = ByteStringObject(bytes(raw))
                changed = True
    assert changed
    page[NameObject("/Contents")] = writer._add_object(content)
    out = io.BytesIO()
    writer.write(out)
    assert PdfReader(out).pages[0].extract_text() != reader.pages[0].extract_text()
    result = V.verify_pdf(out.getvalue(), V.records_lookup([record]))
    assert result.status is V.Status.BERUBAH


def test_code_swapped_in_metadata_is_detected() -> None:
    data, record = issue(S.promotion())
    _, other = issue(S.promotion(nip="199001012015031001", nama="ORANG LAIN"))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata(
        {"/Keywords": TextStringObject(V.keywords(other.code, other.content_digest))}
    )
    out = io.BytesIO()
    writer.write(out)
    result = V.verify_pdf(out.getvalue(), V.records_lookup([record, other]))
    assert result.status is V.Status.BERUBAH


def test_unknown_cancelled_codeless_and_broken_files() -> None:
    data, record = issue(S.promotion())
    assert V.verify_pdf(data, V.records_lookup([])).status is V.Status.TIDAK_TERDAFTAR
    cancelled = replace(record, cancelled=True, cancel_reason="salah tanggal")
    result = V.verify_pdf(data, V.records_lookup([cancelled]))
    assert result.status is V.Status.DIBATALKAN and "salah tanggal" in result.message
    plain = D.render_bytes(S.promotion())
    assert V.verify_pdf(plain, V.records_lookup([record])).status is V.Status.TANPA_KODE
    assert V.verify_pdf(b"bukan pdf", V.records_lookup([record])).status is V.Status.BUKAN_PDF


def test_code_found_in_text_when_metadata_is_stripped() -> None:
    data, record = issue(S.promotion())
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Keywords": ""})
    out = io.BytesIO()
    writer.write(out)
    result = V.verify_pdf(out.getvalue(), V.records_lookup([record]))
    assert result.code == record.code
    assert result.status is V.Status.ISI_SAMA


def test_batch_petikan_each_verifies(tmp_path: Path) -> None:
    decree = S.mass_appointment(3)

    def sign(document: N.Decree, kind: D.Kind) -> N.Decree:
        return D.with_verification(document, kind, entry_for(document, kind), SECRET)

    result = B.render_many([decree], tmp_path / "p", tmp_path / "all.pdf", sign=sign)
    records = []
    for f in result.files:
        digests = V.issued_digests(f.path)
        assert digests.pdf_sha256 == f.pdf_sha256
        assert f.decree.verification is not None
        assert digests.code == f.decree.verification.code
        records.append(R.RegisterRecord(digests.code, digests.pdf_sha256, digests.text_digest))
    assert len({r.code for r in records}) == 3
    lookup = V.records_lookup(records)
    for f in result.files:
        assert V.verify_pdf(f.path, lookup).status is V.Status.ASLI
    # A petikan file carrying the code of another person's petikan does not pass.
    swapped = replace(records[0], text_digest=records[1].text_digest, pdf_sha256="")
    assert (
        V.verify_pdf(result.files[0].path, V.records_lookup([swapped])).status is V.Status.BERUBAH
    )


# -- page fingerprints (issue 12, item 3) ---------------------------------------------------------


def max_cell_difference(a: bytes, b: bytes) -> int:
    """The largest difference of a cell between two files' page fingerprints."""
    left, right = V.page_prints(a), V.page_prints(b)
    assert len(left) == len(right)
    return max(
        max(abs(x - y) for x, y in zip(p.cells, q.cells, strict=True))
        for p, q in zip(left, right, strict=True)
    )


def resaved_by(data: bytes, how: str) -> bytes:
    if how == "pdfium":
        pdf = pdfium.PdfDocument(data)
        out = io.BytesIO()
        pdf.save(out)
        pdf.close()
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if how == "recompress":
        for page in writer.pages:
            page.replace_contents(page.get_contents())
            page.compress_content_streams(level=1)
        writer.compress_identical_objects()
    writer.add_metadata({"/Producer": "lain"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("how", ["pypdf", "recompress", "pdfium"])
def test_resaving_changes_no_cell(how: str) -> None:
    data, _ = issue(S.promotion(), "petikan")
    copy = resaved_by(data, how)
    assert copy != data
    assert max_cell_difference(data, copy) == 0


NAME = "MARIA IMAKULATA DA GOMEZ"
NIP = "198503172010012015"


@pytest.mark.parametrize(
    "forge",
    [
        lambda d: F.annotation_forgery(d, NAME, "ANTONIUS NGGADAS"),
        lambda d: F.overlay_forgery(d, NAME, "ANTONIUS NGGADAS"),
        lambda d: F.picture_forgery(d, NAME, "ANTONIUS NGGADAS"),
        lambda d: F.overlay_forgery(d, NIP, NIP[:-1] + "6"),  # one digit of the NIP
    ],
    ids=["anotasi", "gambar_tumpang", "halaman_gambar", "satu_digit_nip"],
)
def test_forgeries_change_a_cell_well_beyond_the_tolerance(forge: Any) -> None:
    """The figures behind CELL_TOLERANCE: every forgery moves some cell by at least twice it."""
    data, _ = issue(S.promotion(), "petikan")
    assert max_cell_difference(data, forge(data)) >= 2 * V.CELL_TOLERANCE


@pytest.mark.parametrize("dpi", [150, 300, 600])
def test_a_picture_of_the_genuine_pages_is_not_the_document(dpi: int) -> None:
    """Pages replaced by pictures of themselves, unchanged, with the text invisible on top:
    resampling alone moves edges beyond the tolerance (measured 79 to 85)."""
    data, _ = issue(S.promotion(), "petikan")
    copy = F.picture_forgery(data, NIP, NIP, dpi=dpi)
    assert V.text_digest(copy) == V.text_digest(data)
    assert max_cell_difference(data, copy) > 1.5 * V.CELL_TOLERANCE


def test_a_line_of_8pt_text_is_beyond_the_tolerance() -> None:
    data, _ = issue(S.promotion(), "petikan")
    reader = PdfReader(io.BytesIO(data))
    last = len(reader.pages) - 1
    box = reader.pages[last].mediabox
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(float(box.width), float(box.height)))
    c.setFont("Times-Roman", 8)
    c.drawString(300, 300, "Tidak berlaku")
    c.save()
    writer = PdfWriter(clone_from=reader)
    writer.pages[last].merge_page(PdfReader(buffer).pages[0])
    out = io.BytesIO()
    writer.write(out)
    assert max_cell_difference(data, out.getvalue()) >= 2 * V.CELL_TOLERANCE
    record = replace(issue(S.promotion(), "petikan")[1], halaman=V.issued_digests(data).page_prints)
    result = V.verify_pdf(out.getvalue(), V.records_lookup([record]))
    assert result.status is V.Status.BERUBAH and result.page == last + 1


def test_page_print_comparison() -> None:
    white, black = 255 // V.GREY_STEP, 0
    a = V.PagePrint(2, 1, bytes([white, black]))
    assert not a.differs(
        V.PagePrint(2, 1, bytes([white - V.CELL_TOLERANCE, black + V.CELL_TOLERANCE]))
    )
    assert a.differs(V.PagePrint(2, 1, bytes([white - V.CELL_TOLERANCE - 1, black])))
    assert a.differs(V.PagePrint(1, 2, bytes([white, black])))  # another page size
    assert max(V.page_prints(issue(S.promotion())[0])[0].cells) == white


# -- the code is checked against the register entry (issue 12, item 2) ----------------------------


def full_record(decree: N.Decree, kind: D.Kind = "petikan") -> tuple[bytes, R.RegisterRecord]:
    data, record = issue(decree, kind)
    nips = tuple(p.nip for p in decree.penerima)
    return data, replace(
        record,
        tanggal=decree.tanggal.isoformat(),
        templat="kp",
        jenis=kind,
        nip=nips[0] if len(nips) == 1 else "",
        pegawai=nips,
    )


def test_code_matches_its_register_facts_only() -> None:
    _, record = full_record(S.promotion())
    assert V.code_matches(record, SECRET)
    assert not V.code_matches(record, b"kunci instansi lain")
    assert not V.code_matches(record, None)


@given(
    field=st.sampled_from(["nomor", "tanggal", "templat", "jenis", "content_digest", "nip"]),
    value=st.text(alphabet="0123456789abcdef-/", min_size=1, max_size=20),
)
def test_any_changed_register_fact_breaks_the_code(field: str, value: str) -> None:
    record = promotion_record()
    if field == "tanggal":
        value = "2030-01-01"
    if value == getattr(record, field):
        return
    changed = replace(record, **{field: value})
    if field == "nip":  # the code was made for the decree's people; an extra NIP adds nothing
        changed = replace(changed, pegawai=(value,))
    assert not V.code_matches(changed, SECRET)


@cache
def promotion_record() -> R.RegisterRecord:
    return full_record(S.promotion())[1]


def test_an_entry_that_does_not_check_is_palsu_even_for_the_same_bytes() -> None:
    data, record = full_record(S.promotion())
    result = V.verify_pdf(data, V.records_lookup([record]), V.hmac_check(SECRET))
    assert result.status is V.Status.ASLI
    forged = replace(record, nomor="800.1.3.2/9999/BKPSDM/2026")
    result = V.verify_pdf(data, V.records_lookup([forged]), V.hmac_check(SECRET))
    assert result.status is V.Status.PALSU and not result.ok


def test_grid_size_is_known_before_drawing() -> None:
    data, _ = issue(S.promotion(), "petikan")
    with V.PageRenderer(data) as pages:
        for index in range(len(pages)):
            drawn = pages.render(index)
            assert pages.grid_size(index) == (drawn.columns, drawn.rows)


def test_files_put_together_by_another_tool_verify_document_by_document() -> None:
    """Two petikan appended by pypdf keep the first file's metadata (its code): the file is
    still checked as two documents, each against its own entry."""
    first, a = issue(S.promotion(), "petikan")
    second, b = issue(S.promotion(nip="199001012015031001", nama="ORANG LAIN"), "petikan")
    a = replace(a, halaman=V.issued_digests(first).page_prints)
    b = replace(b, halaman=V.issued_digests(second).page_prints)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(first)))
    writer.append(PdfReader(io.BytesIO(second)))
    writer.add_metadata(PdfReader(io.BytesIO(first)).metadata or {})
    out = io.BytesIO()
    writer.write(out)
    result = V.verify_pdf(out.getvalue(), V.records_lookup([a, b]))
    assert result.status is V.Status.ISI_SAMA and len(result.records) == 2


def test_pdfium_is_used_by_one_thread_at_a_time() -> None:
    """Issuing, verifying, the preview and printing may run in different threads; PDFium is not
    thread-safe, so each use holds the one lock and the results stay the same."""
    data, _ = issue(S.promotion(), "petikan")
    expected = V.page_prints(data)
    images = pdfium_door.page_images(data, 0.5)
    with ThreadPoolExecutor(max_workers=4) as pool:
        prints = list(pool.map(lambda _: V.page_prints(data), range(6)))
        pictures = list(pool.map(lambda _: pdfium_door.page_images(data, 0.5), range(6)))
    assert all(p == expected for p in prints)
    assert all(p == images for p in pictures)


def test_a_wide_verification_code_stays_on_one_line_in_the_narrow_qr_column() -> None:
    """A code of wide letters (W, M, H, Y) was cut by characters in the 2.5 cm QR column of a
    petikan ("YRYEH-WX6W" / "M"), so it could not be typed back (seen as a flaky test in CI)."""
    from reportlab.lib.units import cm

    from app.models.dokumen.naskah import Verification
    from app.reports.pdf import fonts
    from app.reports.pdf import naskah_dinas as nd

    fonts.register()
    for code in ("YRYEH-WX6WM", "WWWWW-MMMMM", "PVT0C-R1WJT"):
        items = nd.qr_block(Verification(code=code, content_digest="0" * 64), 2.1 * cm, small=True)
        lines = nd.Lines([i for i in items if i[0] != "flow"])
        lines.wrap(2.5 * cm - 6, 1e6)
        texts = [item[1] for item in lines._laid if item[0] == "text"]
        assert texts[0] == code
