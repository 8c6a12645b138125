"""Verification codes of issued decrees, and checking a PDF against the register. Pure functions.

How it works (the register itself lives in ``app/models``; this module only computes):

1. **Content digest.** The printed content of one document (asli, salinan, or the petikan of
   one person) is written as canonical JSON (:func:`canonical_json`) and hashed with SHA-256.
2. **Code.** HMAC-SHA-256 keyed with the agency secret over the content digest and the
   register entry (number, date, template, kind, people's NIPs), cut to 50 bits and written as
   10 Crockford base32 characters with a dash: ``7KQ2M-XW9RT``. Without the secret nobody can
   make a code that matches other content; the code is short enough to type from paper.
3. **On the page** the QR carries the code and the code is printed under it; the PDF metadata
   carries the code and the content digest (``/Keywords``: ``merit-kode=... merit-isi=...``).
4. **At issue** the register stores, per code, the SHA-256 of the exact PDF bytes, a digest of
   the PDF's normalised extracted text (:func:`issued_digests`) and a **fingerprint of every
   page as it renders** (:func:`page_prints`): pdfium draws the page, annotations and form
   fields included, in grey at 50 dpi; the mean grey of every 3x3-pixel cell (about 1.5 mm) is
   kept, in 16 levels. The byte hash says "this very file". Re-saving an unchanged file (a mail
   client, pypdf, a rewrite by pdfium) changes the bytes but not a single cell; a white box, an
   annotation, an overlaid picture, a line of 8 pt text or a page replaced by a picture of
   itself changes some cell by more than :data:`CELL_TOLERANCE` (see there for the figures).
5. **Verify** (:func:`verify_pdf`): find the code (metadata, else the page text), look the code
   up in the register (a function supplied by the caller, returning
   :class:`app.models.dokumen.register.RegisterRecord`), check that the register entry's code is
   the HMAC of its own facts under the agency secret (:func:`code_matches`; an entry someone
   wrote without the secret is PALSU), and compare: ASLI for the same bytes; ISI SAMA when every
   page renders as issued and the text is the same; otherwise BERUBAH, naming the page. A file
   holding several documents (the combined PDF Merit writes for printing) is checked document by
   document, each against its own register entry, in the order their codes appear. Documents
   issued before page fingerprints existed are compared by their text only, and the answer says
   so.

A paper decree is checked by its code alone (``merit verify KODE``): the register shows the
number, date and names so the reader compares them with the paper.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import io
import json
import math
import re
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from app.i18n import tr
from app.models.dokumen.register import RegisterRecord
from app.reports.pdf.pdfium import LOCK as PDFIUM_LOCK

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 10
KEYWORD_CODE = "merit-kode"
KEYWORD_DIGEST = "merit-isi"
TEXT_METHOD = "pypdf-nfkc-nows-1"

_CODE_RE = re.compile(r"\b([0-9A-HJKMNP-TV-Z]{5})-([0-9A-HJKMNP-TV-Z]{5})\b")
_KEYWORD_RE = re.compile(r"(merit-kode|merit-isi)=([0-9A-Za-z-]+)")
_WS_RE = re.compile(r"\s+")
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class RegisterEntry:
    """The register facts the code is bound to (besides the content)."""

    nomor: str
    tanggal: date
    template: str
    jenis: str  # "asli" | "salinan" | "petikan"
    nips: tuple[str, ...] = ()  # people of this document (petikan: the one person)

    def canonical(self) -> bytes:
        return canonical_json(self)


@dataclass(frozen=True)
class IssuedDigests:
    """What the register stores for one issued PDF, keyed by ``code``."""

    code: str
    content_digest: str  # SHA-256 hex of the canonical content (also in the PDF metadata)
    pdf_sha256: str  # SHA-256 hex of the exact file bytes
    text_digest: str  # SHA-256 hex of the normalised extracted text (see TEXT_METHOD)
    page_prints: str = ""  # encode_prints() of the pages as they render (see RENDER_METHOD)


class Status(StrEnum):
    ASLI = "asli"  # the very file that was issued (byte-identical)
    ISI_SAMA = "isi_sama"  # re-saved file: every page renders as issued, text unchanged
    BERUBAH = "berubah"  # a page, the text or the code differs from what was issued
    DIBATALKAN = "dibatalkan"  # issued, then cancelled in the register
    PALSU = "palsu"  # the register entry does not check (HMAC / issuer's signature)
    TIDAK_DIKENAL = "tidak_dikenal"  # signed by an installation not known (trusted) here
    TIDAK_TERDAFTAR = "tidak_terdaftar"  # the code is not in this register
    TANPA_KODE = "tanpa_kode"  # no Merit code found in the file
    BUKAN_PDF = "bukan_pdf"  # unreadable file


@dataclass(frozen=True)
class VerificationResult:
    status: Status
    code: str | None
    message: str
    record: RegisterRecord | None = None
    pdf_sha256: str = ""
    text_digest: str = ""
    page: int | None = None  # BERUBAH: the first page (1-based) that differs
    records: tuple[RegisterRecord, ...] = ()  # every document found (a combined file: several)
    text_only: bool = False  # a document issued before page fingerprints: text compared only

    @property
    def ok(self) -> bool:
        """True when the document is genuine and unchanged (every page as issued)."""
        return self.status in (Status.ASLI, Status.ISI_SAMA)


# -- canonical content and code ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, Path):
        return value.name
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def canonical_json(value: Any) -> bytes:
    """Canonical bytes of plain data/dataclasses: sorted keys, NFC text, compact UTF-8 JSON."""
    return json.dumps(
        _plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def content_digest(canonical: bytes) -> str:
    """SHA-256 hex of canonical content."""
    return hashlib.sha256(canonical).hexdigest()


def _base32(data: bytes, chars: int) -> str:
    number = int.from_bytes(data, "big")
    bits = len(data) * 8
    number >>= bits - chars * 5
    out = []
    for _ in range(chars):
        out.append(CROCKFORD[number & 31])
        number >>= 5
    return "".join(reversed(out))


def verification_code(digest: str, entry: RegisterEntry, secret: bytes) -> str:
    """The 10-character code (``XXXXX-XXXXX``) bound to content digest, entry and secret."""
    if not secret:
        raise ValueError("installation secret must not be empty")
    mac = hmac.new(secret, digest.encode("ascii") + b"\n" + entry.canonical(), hashlib.sha256)
    raw = _base32(mac.digest(), CODE_CHARS)
    return f"{raw[:5]}-{raw[5:]}"


def normalize_code(text: str) -> str | None:
    """A typed code in canonical form (case, spaces, dash, O/0 and I/L/1 forgiven), or None."""
    cleaned = re.sub(r"[\s\-]", "", text.strip().upper()).translate(_CONFUSABLE)
    if len(cleaned) != CODE_CHARS or any(c not in CROCKFORD for c in cleaned):
        return None
    return f"{cleaned[:5]}-{cleaned[5:]}"


def find_code(text: str) -> str | None:
    """The first Merit code written in a text (a scanned QR, a pasted line), or None."""
    for match in _CODE_RE.finditer(text.upper()):
        return f"{match.group(1)}-{match.group(2)}"
    return normalize_code(text)


def qr_payload(code: str) -> str:
    """What the QR encodes: the command that checks the document."""
    return f"MERIT {code}"


def keywords(code: str, digest: str) -> str:
    """The PDF ``/Keywords`` value that records code and content digest."""
    return f"{KEYWORD_CODE}={code} {KEYWORD_DIGEST}={digest}"


# -- reading a PDF -------------------------------------------------------------------------------

PdfSource = str | Path | bytes | BinaryIO


def _read_bytes(source: PdfSource) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    return source.read()


def normalised_text(text: str) -> str:
    """Text as the digest sees it: NFKC, every whitespace removed."""
    return _WS_RE.sub("", unicodedata.normalize("NFKC", text))


def _extract(data: bytes) -> tuple[list[str], dict[str, str]]:
    """The text of each page and the document information."""
    from pypdf import PdfReader  # lazy: pypdf

    reader = PdfReader(io.BytesIO(data))
    texts = [page.extract_text() or "" for page in reader.pages]
    info: dict[str, str] = {}
    if reader.metadata is not None:
        info = {str(k): str(v) for k, v in reader.metadata.items()}
    return texts, info


def text_digest_of_text(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


def text_digest(source: PdfSource) -> str:
    """SHA-256 hex of the normalised text pypdf extracts from the PDF."""
    texts, _ = _extract(_read_bytes(source))
    return text_digest_of_text("\n".join(texts))


def _metadata_values(info: dict[str, str]) -> dict[str, str]:
    return dict(_KEYWORD_RE.findall(info.get("/Keywords", "")))


# -- page fingerprints ---------------------------------------------------------------------------

RENDER_METHOD = "pdfium-abu-50dpi-sel3-v1"
RENDER_DPI = 50  # low: a 2-page petikan renders in a few ms (bench: issue a batch)
CELL_PX = 3  # one cell = 3x3 pixels at 50 dpi, about 1.5 mm: a glyph of 8 pt spans two or three
GREY_STEP = 16  # a cell keeps its mean grey in 16 levels (0..15): half the register's bytes
#: A page renders "the same" when no cell's level differs by more than this (2 levels: a mean
#: grey difference of 33 to 47 of 255, depending on where the two greys fall in their levels).
#: Measured on a petikan (tests/reports/test_verification.py), as mean grey of 255: re-saving
#: with pypdf, recompressing its streams or a rewrite by pdfium: 0; a white box with a name as
#: annotations 126, a picture of a name merged onto the page 110, one NIP digit changed in an
#: overlaid picture 89, a line of 8 pt text added 106, a 2 mm black picture 191, the page
#: replaced by a 300 dpi picture of itself 79 to 85: 5 or 6 levels each. The margin is for
#: another PDFium drawing anti-aliased edges a little differently: PDFium 6462 (pypdfium2 4.30,
#: the oldest pyproject allows) and 8149 (pypdfium2 5.15) give the same greys to the last bit
#: on Linux [?: Windows/macOS builds not compared].
CELL_TOLERANCE = 2


@dataclass(frozen=True)
class PagePrint:
    """One page as it renders: size in cells and the grey level (0..15) of each cell, row by
    row."""

    columns: int
    rows: int
    cells: bytes

    def differs(self, other: PagePrint) -> bool:
        """True when the two pages do not render the same (another size, or a cell beyond the
        tolerance)."""
        if (self.columns, self.rows) != (other.columns, other.rows):
            return True
        return any(
            abs(a - b) > CELL_TOLERANCE for a, b in zip(self.cells, other.cells, strict=True)
        )


def _grid_size(width_pt: float, height_pt: float) -> tuple[int, int]:
    """Cells of a page of this size (pypdfium2 sizes the bitmap with ``ceil``)."""
    scale = RENDER_DPI / 72
    return (
        max(1, math.ceil(width_pt * scale) // CELL_PX),
        max(1, math.ceil(height_pt * scale) // CELL_PX),
    )


class PageRenderer:
    """Pages of one PDF drawn on demand (a page is drawn only when it is compared, and a page
    of another size is not drawn at all). Use as a context manager."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2 as pdfium  # lazy: pdfium

        self._lock = PDFIUM_LOCK  # PDFium is not thread-safe
        self._lock.acquire()
        try:
            self._pdf = pdfium.PdfDocument(data)
            self._pdf.init_forms()
        except BaseException:
            self._lock.release()
            raise

    def __enter__(self) -> PageRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._pdf.close()
        finally:
            self._lock.release()

    def __len__(self) -> int:
        return len(self._pdf)

    def grid_size(self, index: int) -> tuple[int, int]:
        page = self._pdf[index]
        try:
            return _grid_size(page.get_width(), page.get_height())
        finally:
            page.close()

    def render(self, index: int) -> PagePrint:
        """One page drawn as a viewer shows it (annotations and form fields included)."""
        from PIL import Image  # lazy: Pillow

        page = self._pdf[index]
        try:
            bitmap = page.render(
                scale=RENDER_DPI / 72, grayscale=True, may_draw_forms=True, draw_annots=True
            )
            image = bitmap.to_pil().convert("L")
        finally:
            page.close()
        columns = max(1, image.width // CELL_PX)
        rows = max(1, image.height // CELL_PX)
        small = image.resize((columns, rows), Image.Resampling.BOX)
        levels = small.point(lambda grey: grey // GREY_STEP)
        return PagePrint(columns, rows, levels.tobytes())

    def matches(self, index: int, expected: PagePrint) -> bool:
        """True when page ``index`` renders as ``expected``."""
        if self.grid_size(index) != (expected.columns, expected.rows):
            return False
        return not self.render(index).differs(expected)


def page_prints(data: bytes) -> list[PagePrint]:
    """Render every page and keep its cell greys. Raises on a file pdfium cannot open."""
    with PageRenderer(data) as pages:
        return [pages.render(i) for i in range(len(pages))]


def encode_prints(prints: Sequence[PagePrint]) -> str:
    """The page fingerprints as the register stores them (JSON, cells zlib + base64)."""
    return json.dumps(
        {
            "metode": RENDER_METHOD,
            "halaman": [
                [p.columns, p.rows, base64.b64encode(zlib.compress(p.cells, 6)).decode("ascii")]
                for p in prints
            ],
        },
        separators=(",", ":"),
    )


def decode_prints(text: str) -> list[PagePrint] | None:
    """Page fingerprints from the register (None: none stored, or made by another method)."""
    if not text:
        return None
    try:
        body = json.loads(text)
        if body.get("metode") != RENDER_METHOD:
            return None
        prints = []
        for columns, rows, cells in body["halaman"]:
            raw = zlib.decompress(base64.b64decode(cells))
            if len(raw) != int(columns) * int(rows):
                return None
            prints.append(PagePrint(int(columns), int(rows), raw))
        return prints
    except (ValueError, KeyError, TypeError, zlib.error):
        return None


def issued_digests(source: PdfSource) -> IssuedDigests:
    """Digests to store in the register right after a PDF is written."""
    data = _read_bytes(source)
    texts, info = _extract(data)
    text = "\n".join(texts)
    values = _metadata_values(info)
    code = values.get(KEYWORD_CODE) or find_code(text) or ""
    return IssuedDigests(
        code=code,
        content_digest=values.get(KEYWORD_DIGEST, ""),
        pdf_sha256=hashlib.sha256(data).hexdigest(),
        text_digest=text_digest_of_text(text),
        page_prints=encode_prints(page_prints(data)),
    )


# -- checking the register entry -------------------------------------------------------------------


def code_matches(record: RegisterRecord, secret: bytes | None) -> bool:
    """True when the record's code is the HMAC, under the agency secret, of the record's own
    content digest and register facts (number, date, template, kind, NIPs). An entry written
    by someone without the secret (a forged package, an edited database) does not match."""
    if not secret or not record.content_digest or not record.tanggal:
        return False
    try:
        tanggal = date.fromisoformat(record.tanggal)
    except ValueError:
        return False
    # The NIPs the code was made with: the petikan's person, else every person of the decree.
    candidates = {tuple(record.pegawai)}
    if record.nip:
        candidates.add((record.nip,))
    for nips in candidates:
        entry = RegisterEntry(record.nomor, tanggal, record.templat, record.jenis, nips)
        expected = verification_code(record.content_digest, entry, secret)
        if hmac.compare_digest(expected, record.code):
            return True
    return False


def signed_facts(record: RegisterRecord) -> bytes:
    """What the issuing installation signs for one issued file (every fact verification uses)."""
    return canonical_json(
        {
            "kode": record.code,
            "content_digest": record.content_digest,
            "pdf_sha256": record.pdf_sha256,
            "text_digest": record.text_digest,
            "sidik_halaman": record.halaman,
            "nomor": record.nomor,
            "tanggal": record.tanggal,
            "templat": record.templat,
            "jenis": record.jenis,
            "nip": record.nip,
            "pegawai": list(record.pegawai),
            "instalasi": record.instalasi,
        }
    )


#: ``check(record)``: None when the entry may be trusted, else (PALSU or TIDAK_DIKENAL, the
#: reason in Indonesian).
RecordCheck = Callable[[RegisterRecord], tuple[Status, str] | None]


def hmac_check(secret: bytes | None) -> RecordCheck:
    """The check of :func:`code_matches` as a :data:`RecordCheck`."""

    def check(record: RegisterRecord) -> tuple[Status, str] | None:
        if code_matches(record, secret):
            return None
        return Status.PALSU, tr(
            "Kode {kode} tidak sah: kode itu bukan buatan kunci verifikasi instansi untuk data "
            "register ini (entri register disisipkan atau diubah). Naskah ini PALSU.",
            kode=record.code,
        )

    return check


# -- verifying a file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    code: str
    record: RegisterRecord


def _codes_in_order(texts: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for text in texts:
        for a, b in _CODE_RE.findall(text.upper()):
            code = f"{a}-{b}"
            if code not in seen:
                seen.append(code)
    return seen


def verify_pdf(
    source: PdfSource,
    lookup: Callable[[str], RegisterRecord | None],
    check: RecordCheck | None = None,
) -> VerificationResult:
    """Tell whether a PDF is a genuine, unchanged Merit document (or a file of several).

    ``lookup(code)`` returns the register's record for a code, or None when unknown;
    ``check(record)`` says whether the record may be trusted (see :func:`hmac_check`) and is
    asked before anything else is read from it.
    """
    try:
        data = _read_bytes(source)
        texts, info = _extract(data)
    except Exception:  # pypdf raises many kinds of errors for broken files
        return VerificationResult(
            Status.BUKAN_PDF, None, tr("Berkas tidak dapat dibaca sebagai PDF.")
        )
    pdf_sha = hashlib.sha256(data).hexdigest()
    text = "\n".join(texts)
    digest = text_digest_of_text(text)
    values = _metadata_values(info)
    meta_code = normalize_code(values.get(KEYWORD_CODE, "")) if values else None
    text_codes = _codes_in_order(texts)
    # One document (its code in the metadata), or several: the combined PDF Merit writes has
    # no code in its metadata; files put together by another tool may keep the first file's.
    several = meta_code is not None and meta_code in text_codes and len(text_codes) > 1
    codes = text_codes if several or meta_code is None else [meta_code]
    code = codes[0] if codes else None

    def result(
        status: Status,
        message: str,
        record: RegisterRecord | None = None,
        **more: Any,
    ) -> VerificationResult:
        return VerificationResult(status, code, message, record, pdf_sha, digest, **more)

    if code is None:
        return result(Status.TANPA_KODE, tr("Tidak ditemukan kode verifikasi Merit di berkas ini."))
    found: list[_Found] = []
    for c in codes:
        record = lookup(c)
        if record is None:
            return VerificationResult(
                Status.TIDAK_TERDAFTAR,
                c,
                tr("Kode {kode} tidak terdaftar di register naskah ini.", kode=c),
                None,
                pdf_sha,
                digest,
            )
        refused = check(record) if check is not None else None
        if refused is not None:
            return VerificationResult(refused[0], c, refused[1], record, pdf_sha, digest)
        if record.cancelled:
            return VerificationResult(
                Status.DIBATALKAN,
                c,
                tr(
                    "Naskah dengan kode {kode} telah dibatalkan: {alasan}",
                    kode=c,
                    alasan=record.cancel_reason,
                ),
                record,
                pdf_sha,
                digest,
            )
        found.append(_Found(c, record))
    first = found[0].record
    records = tuple(f.record for f in found)
    if meta_code is not None and not several:
        if first.pdf_sha256 and pdf_sha == first.pdf_sha256:
            return result(
                Status.ASLI,
                tr("Berkas ini persis sama dengan naskah yang diterbitkan."),
                first,
                records=records,
            )
        if (text_codes and meta_code not in text_codes) or (
            first.content_digest
            and values.get(KEYWORD_DIGEST)
            and values[KEYWORD_DIGEST] != first.content_digest
        ):
            return result(
                Status.BERUBAH,
                tr(
                    "Isi berkas ini BERBEDA dari naskah yang diterbitkan dengan kode {kode}: "
                    "kode atau sidik isi di metadata tidak cocok dengan halamannya.",
                    kode=code,
                ),
                first,
                records=records,
            )
    return _compare_pages(data, texts, found, result)


def _compare_pages(
    data: bytes,
    texts: Sequence[str],
    found: Sequence[_Found],
    result: Callable[..., VerificationResult],
) -> VerificationResult:
    """Walk the pages: each document's pages, in the order of the codes, must render (and read)
    as issued; no page may be left over."""
    first = found[0].record
    records = tuple(f.record for f in found)
    pos = 0
    text_only = False

    def changed(page: int, why: str, record: RegisterRecord) -> VerificationResult:
        return result(
            Status.BERUBAH,
            tr(
                "Halaman {halaman} BERBEDA dari naskah yang diterbitkan dengan kode {kode}: "
                "{sebab}.",
                halaman=page,
                kode=record.code,
                sebab=why,
            ),
            first,
            page=page,
            records=records,
            text_only=text_only,
        )

    renderer: PageRenderer | None = None
    try:
        for item in found:
            record = item.record
            issued = decode_prints(record.halaman)
            if issued is None:
                # Issued before page fingerprints: the smallest run of pages whose text is the
                # issued text.
                text_only = True
                for end in range(pos + 1, len(texts) + 1):
                    if text_digest_of_text("\n".join(texts[pos:end])) == record.text_digest:
                        pos = end
                        break
                else:
                    return changed(pos + 1, tr("isi teksnya lain"), record)
                continue
            for offset, expected in enumerate(issued):
                page = pos + offset
                if page >= len(texts):
                    return changed(page + 1, tr("halaman itu tidak ada di berkas ini"), record)
                if renderer is None:
                    try:
                        renderer = PageRenderer(data)
                    except Exception:  # pdfium refuses what it cannot draw
                        return result(
                            Status.BUKAN_PDF, tr("Halaman berkas ini tidak dapat digambar.")
                        )
                if not renderer.matches(page, expected):
                    return changed(
                        page + 1, tr("tampilannya lain (ada yang ditambah atau diganti)"), record
                    )
            end = pos + len(issued)
            if text_digest_of_text("\n".join(texts[pos:end])) != record.text_digest:
                return changed(pos + 1, tr("isi teksnya lain"), record)
            pos = end
    finally:
        if renderer is not None:
            renderer.__exit__()
    if pos < len(texts):
        return changed(pos + 1, tr("halaman tambahan yang tidak diterbitkan"), found[-1].record)
    note = " " + tr("(dokumen lama: hanya isi teks diperiksa)") if text_only else ""
    if len(found) > 1:
        message = tr(
            "Gabungan {n} naskah: setiap halaman sama dengan naskah yang diterbitkan.",
            n=len(found),
        )
    elif text_only:
        message = tr(
            "Isi teks sama dengan naskah yang diterbitkan; berkasnya telah disimpan ulang."
        )
    else:
        message = tr(
            "Setiap halaman tampil sama dengan naskah yang diterbitkan; berkasnya telah disimpan "
            "ulang."
        )
    return result(Status.ISI_SAMA, message + note, first, records=records, text_only=text_only)


def records_lookup(records: Sequence[RegisterRecord]) -> Callable[[str], RegisterRecord | None]:
    """A lookup over records in memory (tests, small tools)."""
    by_code = {r.code: r for r in records}
    return by_code.get
