"""Verification codes of issued decrees, and checking a PDF against the register. Pure functions.

How it works (the register itself lives in ``app/models``; this module only computes):

1. **Content digest.** The printed content of one document (asli, salinan, or the petikan of
   one person) is written as canonical JSON (:func:`canonical_json`) and hashed with SHA-256.
2. **Code.** HMAC-SHA-256 keyed with the installation secret over the content digest and the
   register entry (number, date, template, kind, people's NIPs), cut to 50 bits and written as
   10 Crockford base32 characters with a dash: ``7KQ2M-XW9RT``. Without the secret nobody can
   make a code that matches other content; the code is short enough to type from paper.
3. **On the page** the QR carries the code and the code is printed under it; the PDF metadata
   carries the code and the content digest (``/Keywords``: ``merit-kode=... merit-isi=...``).
4. **At issue** the register stores, per code, BOTH the SHA-256 of the exact PDF bytes and a
   digest of the PDF's normalised extracted text (:func:`issued_digests`). The byte hash says
   "this very file"; it breaks when a mail client or a "print to PDF" re-saves an unchanged
   file. The text digest survives such re-saving yet changes when a name, number or date is
   edited (text is extracted with pypdf, Unicode NFKC, all whitespace removed, so it depends on
   the characters and their order, not on line breaks or spacing). Checking both gives an
   exact answer when the file is untouched and a sound one when it was only re-saved.
5. **Verify** (:func:`verify_pdf`): find the code (metadata, else the page text), look the code
   up in the register (a function supplied by the caller, returning
   :class:`app.models.dokumen.register.RegisterRecord`), and compare.

A paper decree is checked by its code alone (``merit verify KODE``): the register shows the
number, date and names so the reader compares them with the paper.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import io
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from app.i18n import tr
from app.models.dokumen.register import RegisterRecord

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


class Status(StrEnum):
    ASLI = "asli"  # the very file that was issued (byte-identical)
    ISI_SAMA = "isi_sama"  # re-saved file, text unchanged
    BERUBAH = "berubah"  # text or code differs from what was issued
    DIBATALKAN = "dibatalkan"  # issued, then cancelled in the register
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

    @property
    def ok(self) -> bool:
        """True when the document is genuine and its text unchanged."""
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


def _extract(data: bytes) -> tuple[str, dict[str, str]]:
    from pypdf import PdfReader  # lazy: pypdf

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    info: dict[str, str] = {}
    if reader.metadata is not None:
        info = {str(k): str(v) for k, v in reader.metadata.items()}
    return text, info


def text_digest_of_text(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


def text_digest(source: PdfSource) -> str:
    """SHA-256 hex of the normalised text pypdf extracts from the PDF."""
    text, _ = _extract(_read_bytes(source))
    return text_digest_of_text(text)


def _metadata_values(info: dict[str, str]) -> dict[str, str]:
    return dict(_KEYWORD_RE.findall(info.get("/Keywords", "")))


def issued_digests(source: PdfSource) -> IssuedDigests:
    """Digests to store in the register right after a PDF is written."""
    data = _read_bytes(source)
    text, info = _extract(data)
    values = _metadata_values(info)
    code = values.get(KEYWORD_CODE) or find_code(text) or ""
    return IssuedDigests(
        code=code,
        content_digest=values.get(KEYWORD_DIGEST, ""),
        pdf_sha256=hashlib.sha256(data).hexdigest(),
        text_digest=text_digest_of_text(text),
    )


def verify_pdf(
    source: PdfSource, lookup: Callable[[str], RegisterRecord | None]
) -> VerificationResult:
    """Tell whether a PDF is a genuine, unchanged Merit document.

    ``lookup(code)`` returns the register's record for a code, or None when unknown.
    """
    try:
        data = _read_bytes(source)
        text, info = _extract(data)
    except Exception:  # pypdf raises many kinds of errors for broken files
        return VerificationResult(
            Status.BUKAN_PDF, None, tr("Berkas tidak dapat dibaca sebagai PDF.")
        )
    pdf_sha = hashlib.sha256(data).hexdigest()
    digest = text_digest_of_text(text)
    values = _metadata_values(info)
    meta_code = normalize_code(values.get(KEYWORD_CODE, "")) if values else None
    text_codes = {f"{a}-{b}" for a, b in _CODE_RE.findall(text)}
    code = meta_code or (sorted(text_codes)[0] if text_codes else None)

    def result(status: Status, message: str, record: RegisterRecord | None = None) -> Any:
        return VerificationResult(status, code, message, record, pdf_sha, digest)

    if code is None:
        return result(Status.TANPA_KODE, tr("Tidak ditemukan kode verifikasi Merit di berkas ini."))
    record = lookup(code)
    if record is None:
        return result(
            Status.TIDAK_TERDAFTAR,
            tr("Kode {kode} tidak terdaftar di register naskah ini.", kode=code),
        )
    if record.cancelled:
        return result(
            Status.DIBATALKAN,
            tr(
                "Naskah dengan kode {kode} telah dibatalkan: {alasan}",
                kode=code,
                alasan=record.cancel_reason,
            ),
            record,
        )
    if record.pdf_sha256 and pdf_sha == record.pdf_sha256:
        return result(
            Status.ASLI, tr("Berkas ini persis sama dengan naskah yang diterbitkan."), record
        )
    changed = (
        digest != record.text_digest
        or (meta_code is not None and text_codes and meta_code not in text_codes)
        or (
            record.content_digest
            and values.get(KEYWORD_DIGEST)
            and values[KEYWORD_DIGEST] != record.content_digest
        )
    )
    if changed:
        return result(
            Status.BERUBAH,
            tr(
                "Isi berkas ini BERBEDA dari naskah yang diterbitkan dengan kode {kode}.", kode=code
            ),
            record,
        )
    return result(
        Status.ISI_SAMA,
        tr("Isi teks sama dengan naskah yang diterbitkan; berkasnya telah disimpan ulang."),
        record,
    )


def records_lookup(records: Sequence[RegisterRecord]) -> Callable[[str], RegisterRecord | None]:
    """A lookup over records in memory (tests, small tools)."""
    by_code = {r.code: r for r in records}
    return by_code.get
