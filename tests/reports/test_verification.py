"""Verification codes and checking issued PDFs against the register."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ByteStringObject, ContentStream, NameObject, TextStringObject

from app.models.dokumen import naskah as N
from app.models.dokumen import register as R
from app.reports.pdf import batch as B
from app.reports.pdf import decree as D
from app.reports.pdf import decree_samples as S
from app.reports.pdf import verification as V

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
    assert record.code in text and f"merit verify {record.code}" in text


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
