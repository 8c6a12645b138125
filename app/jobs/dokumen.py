"""Decrees: preview, issue (number, render, register) and verify; the SK of a KP period.

The domain (:mod:`app.models.dokumen`) fills the templates, keeps the numbering register and
answers for codes; the engines (:mod:`app.reports.pdf.batch`, :mod:`app.reports.pdf.verification`)
lay the documents out and compute the codes. These jobs join the two, for the screens and the
command line alike. No Qt here.

Issuing is all or nothing (:func:`issue`): the PDFs are rendered into a staging folder before
the register transaction, with the numbers :func:`app.models.dokumen.penomoran.next_number`
promised; the transaction re-checks them (another writer may have taken them meanwhile: the
batch is then rendered again) and writes every register row at once; only then are the files
moved into place. A validation error, a cancel or a failure consumes no number and leaves no
file behind.
"""

from __future__ import annotations

import base64
import contextlib
import io
import shutil
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from app.i18n import dokumen, tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access import kunci
from app.models.access.akses import require
from app.models.dokumen import penomoran, rancangan, register, templat
from app.models.dokumen.isian import format_nomor, preview_nomor
from app.models.dokumen.naskah import Document, Kind, Letter, SuratTugas
from app.models.dokumen.penomoran import NaskahBerkas, NumbersMoved, Terbitan
from app.models.dokumen.rancangan import Permintaan
from app.models.dokumen.register import RegisterRow
from app.models.dokumen.templat import Templat
from app.models.errors import Cancelled, NotFoundError, ValidationError
from app.models.kp import usulan as kp
from app.models.pegawai.read import find_pegawai_id
from app.models.storage.db import Database
from app.reports.pdf import verification as ver

PREVIEW_LIMIT = 20  # documents laid out in a preview


# -- preview --------------------------------------------------------------------------------------


@dokumen
def render_preview(
    db: Database,
    actor: str,
    req: Permintaan,
    progress: Progress = NO_PROGRESS,
    *,
    limit: int = PREVIEW_LIMIT,
) -> tuple[bytes, int, int]:
    """The first ``limit`` documents of a request as one PDF, numbers not yet given ("…").

    Returns (pdf bytes, documents shown, documents in total). Nothing is written.
    """
    from app.reports.pdf import batch  # lazy: reportlab

    check_issue_rights(db, actor, req)  # the preview shows the records: the same right
    draft = rancangan.prepare(db, req)
    t = draft.templat
    nomor = preview_nomor(t.format_nomor, draft.tanggal)
    decrees = [b(nomor) for b in draft.decrees]
    docs = [doc for _stem, doc in batch.expand(decrees, req.jenis)]
    shown = docs[:limit]
    buffer = io.BytesIO()
    batch.render_combined(shown, buffer, kind=req.jenis, page_size=rancangan.page_size(t))
    return buffer.getvalue(), len(shown), len(docs)


def page_images(data: bytes, scale: float) -> list[bytes]:
    """PNG bytes of every page of a PDF, for the preview and for printing (PDFium is used under
    the lock verification and issuing share: it is not thread-safe)."""
    from app.reports.pdf import pdfium  # lazy: pypdfium2 on first use

    return pdfium.page_images(data, scale)


# -- issue ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueRequest:
    """What to issue (:class:`Permintaan`) and where the files go."""

    permintaan: Permintaan
    out_dir: Path
    today: date | None = None  # the day the records are read as of (default: the decree date)


@dataclass(frozen=True)
class Berkas:
    path: Path
    jenis: str
    nip: str
    kode: str


@dataclass(frozen=True)
class HasilTerbit:
    """What :func:`issue` did: the numbers (register ids), the files and the combined PDF."""

    register_ids: tuple[str, ...]
    nomor: tuple[str, ...]
    berkas: tuple[Berkas, ...]
    gabungan: Path | None


@dataclass(frozen=True)
class _Rendered:
    files: list[tuple[Path, NaskahBerkas]]
    combined: Path


@dokumen
def issue(
    db: Database, actor: str, request: IssueRequest, progress: Progress = NO_PROGRESS
) -> HasilTerbit:
    """Number, render and register the decrees of a request; write one PDF per person (named
    by NIP; a collective asli/salinan by its number) plus one combined PDF into the folder.

    All or nothing: on a validation error, a cancel (:class:`Cancelled`) or a failure no number
    is consumed and no file is left behind.

    An SK kenaikan pangkat is refused here: it is issued from its proposal
    (:func:`issue_sk_kp`), which checks eligibility, the pertek and an SK already issued, and
    writes the new rank in the same step.
    """
    t = templat.get_template(db.conn, request.permintaan.templat)
    if t.kenaikan_pangkat:
        raise ValidationError(
            tr(
                "Templat {kode} adalah SK kenaikan pangkat: terbitkan dari halaman Kenaikan "
                "Pangkat (atau merit kp issue) untuk usulan yang sudah mendapat pertek BKN, "
                "agar syarat, SK ganda dan riwayat pangkat diperiksa dan dicatat sekaligus.",
                kode=t.kode,
            ),
            field="templat",
        )
    return _issue(db, actor, request, progress)


@dokumen
def _issue(db: Database, actor: str, request: IssueRequest, progress: Progress) -> HasilTerbit:
    """:func:`issue` without the refusal of an SK kenaikan pangkat (used by
    :func:`issue_sk_kp`, which checked the proposals)."""
    req = request.permintaan
    conn = db.conn
    check_issue_rights(db, actor, req)
    penomoran.check_numbering_allowed(db)
    draft = rancangan.prepare(db, req, today=request.today)
    t = draft.templat
    folder = Path(request.out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(
            tr("Folder {path} tidak dapat dibuat: {e}", path=folder, e=exc.strerror or exc),
            field="out",
        ) from exc
    tahun = draft.tanggal.year
    secret = penomoran.verification_secret(conn)
    new_secret = secret is None
    if secret is None:
        secret = penomoran.new_verification_secret()
    for _attempt in range(3):
        start = penomoran.next_number(conn, t.kode, tahun)
        numbers = [
            format_nomor(t.format_nomor, start + i, draft.tanggal)
            for i in range(len(draft.decrees))
        ]
        decrees = [b(n) for b, n in zip(draft.decrees, numbers, strict=True)]
        staging = folder / f".merit-terbit-{uuid.uuid4().hex[:12]}"
        try:
            result = _render(t, decrees, req.jenis, staging, secret, progress)
            nips_of = {n: p[0] for n, p in zip(numbers, draft.penerima, strict=True)}
            signed = [
                replace(
                    f,
                    tanda_terbit=_sign_facts(
                        db, t.kode, req.jenis, draft.tanggal, f, nips_of.get(f.nomor, ())
                    ),
                )
                for _path, f in result.files
            ]
            batch = Terbitan(
                templat=t.kode,
                jenis=req.jenis,
                tanggal=draft.tanggal,
                start=start,
                nomor=tuple(numbers),
                dokumen=tuple(decrees),
                naskah=tuple(
                    ver.canonical_json(replace(d, letterhead=None)).decode("utf-8") for d in decrees
                ),
                penerima=draft.penerima,
                berkas=tuple(signed),
                kunci_baru=secret if new_secret else None,
            )
            try:
                ids = penomoran.register_batch(db, batch, actor=actor)
            except NumbersMoved:
                continue
            first, last = start, start + len(numbers) - 1
            span = f"{first:04d}" if first == last else f"{first:04d}-{last:04d}"
            name = f"gabungan_{t.kode}_{tahun}_{span}.pdf"
            return _publish(folder, result, ids, numbers, name, req.jenis)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    raise ValidationError(tr("Nomor dokumen sedang dipakai penerbitan lain; coba lagi."))


def check_issue_rights(db: Database, actor: str, req: Permintaan) -> None:
    """Refuse (AccessDenied, audited) before anything is prepared an actor who may not issue
    decrees for these employees (a unit operator: their unit's)."""
    ids = []
    for nip in req.nips:
        try:
            ids.append(find_pegawai_id(db.conn, nip))
        except NotFoundError:
            continue  # reported, with the others, by the preparation
    if not ids:
        require(db, actor, "dokumen.terbitkan")
    for pid in ids:
        require(db, actor, "dokumen.terbitkan", pegawai_id=pid)


@dokumen
def _render(
    t: Templat,
    decrees: list[Document],
    kind: Kind,
    staging: Path,
    secret: bytes,
    progress: Progress,
) -> _Rendered:
    from app.reports.pdf import batch, decree, letter, surat_tugas  # lazy: reportlab

    def sign(doc: Document, k: Kind) -> Document:
        entry = ver.RegisterEntry(
            nomor=doc.nomor,
            tanggal=doc.tanggal,
            template=t.kode,
            jenis=k,
            nips=tuple(p.nip for p in doc.penerima),
        )
        if isinstance(doc, Letter):
            return letter.with_verification(doc, entry, secret)
        if isinstance(doc, SuratTugas):
            return surat_tugas.with_verification(doc, entry, secret)
        return decree.with_verification(doc, k, entry, secret)

    def stopped() -> bool:
        return progress.cancelled

    total = len(batch.expand(decrees, kind))

    # Two phases: layout (render_many) and reading each file back for its text digest.
    def layout_progress(done: int, _total: int) -> None:
        progress.report(done, 2 * total)

    combined = staging / "gabungan.pdf"
    rendered = batch.render_many(
        decrees,
        staging / "berkas",
        combined,
        kind=kind,
        page_size=rancangan.page_size(t),
        sign=sign,
        progress=layout_progress,
        cancelled=stopped,
    )
    if rendered.cancelled:
        raise Cancelled(tr("Penerbitan dibatalkan; tidak ada nomor yang terpakai."))
    files: list[tuple[Path, NaskahBerkas]] = []
    for i, bf in enumerate(rendered.files, 1):
        if stopped():
            raise Cancelled(tr("Penerbitan dibatalkan; tidak ada nomor yang terpakai."))
        dg = ver.issued_digests(bf.path)
        files.append(
            (
                bf.path,
                NaskahBerkas(
                    nomor=bf.decree.nomor,
                    nip=bf.nip,
                    nama_berkas=bf.path.name,
                    kode=dg.code,
                    content_digest=dg.content_digest,
                    pdf_sha256=dg.pdf_sha256,
                    text_digest=dg.text_digest,
                    sidik_halaman=dg.page_prints,
                ),
            )
        )
        progress.report(total + i, 2 * total)
    return _Rendered(files, combined)


def _facts(
    node_id: str,
    templat: str,
    jenis: str,
    tanggal: date,
    f: NaskahBerkas,
    nips: tuple[str, ...],
) -> register.RegisterRecord:
    """The register record of one issued file as :func:`app.models.dokumen.register.lookup`
    will read it back (the facts the issuing installation signs)."""
    return register.RegisterRecord(
        code=f.kode,
        pdf_sha256=f.pdf_sha256,
        text_digest=f.text_digest,
        content_digest=f.content_digest,
        nomor=f.nomor,
        tanggal=tanggal.isoformat(),
        templat=templat,
        jenis=jenis,
        nip=penomoran.naskah_nip(jenis, f.nip, nips) or "",
        pegawai=tuple(nips),
        instalasi=node_id,
        halaman=f.sidik_halaman,
    )


@dokumen
def _sign_facts(
    db: Database, templat: str, jenis: str, tanggal: date, f: NaskahBerkas, nips: tuple[str, ...]
) -> str:
    record = _facts(db.node_id, templat, jenis, tanggal, f, nips)
    signed = kunci.signing_key(db).sign(ver.signed_facts(record))
    return base64.b64encode(signed.signature).decode("ascii")


def _publish(
    folder: Path,
    result: _Rendered,
    ids: list[str],
    numbers: list[str],
    name: str,
    jenis: str,
) -> HasilTerbit:
    """Move the files from the staging folder into place (never over an existing file)."""

    def free(path: Path) -> Path:
        if not path.exists():
            return path
        n = 2
        while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
            n += 1
        return candidate

    berkas: list[Berkas] = []
    for path, f in result.files:
        target = free(folder / path.name)
        shutil.move(str(path), target)
        berkas.append(Berkas(target, jenis, f.nip, f.kode))
    combined = free(folder / name)
    shutil.move(str(result.combined), combined)
    return HasilTerbit(tuple(ids), tuple(numbers), tuple(berkas), combined)


# -- verify ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verifikasi:
    """The answer for a file or a typed code, in words."""

    status: str  # a verification.Status value, or "terdaftar" for a code checked alone
    judul: str  # ASLI, ISI SAMA, BERUBAH, DIBATALKAN, PALSU, TIDAK TERDAFTAR, ... (JUDUL_STATUS)
    pesan: str
    kode: str | None
    register: RegisterRow | None = None
    jenis: str = ""
    nip: str = ""
    halaman: int | None = None  # BERUBAH: the first page (1-based) that differs
    dokumen: int = 0  # documents found in the file (a combined PDF: several)
    hanya_teks: bool = False  # issued before page fingerprints: only the text was compared

    @property
    def ok(self) -> bool:
        """True when the document is genuine (the file unchanged, or the code registered, its
        register entry checked, and not cancelled)."""
        return self.status in (ver.Status.ASLI, ver.Status.ISI_SAMA, "terdaftar")


JUDUL_STATUS: dict[str, str] = {
    ver.Status.ASLI: "ASLI",
    ver.Status.ISI_SAMA: "ISI SAMA",
    ver.Status.BERUBAH: "BERUBAH",
    ver.Status.DIBATALKAN: "DIBATALKAN",
    ver.Status.PALSU: "PALSU",
    ver.Status.TIDAK_DIKENAL: "PENERBIT TIDAK DIKENAL",
    ver.Status.TIDAK_TERDAFTAR: "TIDAK TERDAFTAR",
    ver.Status.TANPA_KODE: "TANPA KODE",
    ver.Status.BUKAN_PDF: "BUKAN PDF",
    "terdaftar": "TERDAFTAR",
}


@dokumen
def _canonical(code: str) -> str:
    return ver.normalize_code(code) or code


def record_check(db: Database) -> ver.RecordCheck:
    """Whether a register entry may be trusted, asked before it is used: its code must be the
    HMAC of its facts under the agency secret (``kunci_verifikasi``, shared by every
    installation of the agency through sync), and the facts must carry the signature of the
    installation that issued them (this one, or a peer the admin trusts)."""
    import nacl.exceptions  # lazy: only when verifying
    import nacl.signing  # lazy: only when verifying

    hmac_ok = ver.hmac_check(penomoran.verification_secret(db.conn))

    def check(record: register.RegisterRecord) -> tuple[ver.Status, str] | None:
        refused = hmac_ok(record)
        if refused is not None:
            return refused
        if not record.tanda:
            if record.halaman:  # written by a version that always signs: the signature was cut
                return ver.Status.PALSU, tr(
                    "Entri register kode {kode} tidak bertanda tangan instalasi penerbit. "
                    "Naskah ini PALSU.",
                    kode=record.code,
                )
            return None  # issued before signatures (text compared only; the answer says so)
        key = kunci.issuer_verify_key(db, record.instalasi)
        if key is None:
            return ver.Status.TIDAK_DIKENAL, tr(
                "Kode {kode} diterbitkan oleh instalasi {node} yang tidak dikenal atau tidak "
                "dipercaya di sini, sehingga keasliannya tidak dapat dipastikan. Periksa di "
                "instalasi penerbit, atau minta admin menambahkan instalasi itu sebagai mitra "
                "tepercaya (setelah mencocokkan sidik jarinya).",
                kode=record.code,
                node=record.instalasi[:8],
            )
        try:
            nacl.signing.VerifyKey(key).verify(
                ver.signed_facts(record), base64.b64decode(record.tanda)
            )
        except (nacl.exceptions.BadSignatureError, ValueError):
            return ver.Status.PALSU, tr(
                "Tanda tangan instalasi penerbit pada entri register kode {kode} tidak cocok "
                "(entri diubah setelah terbit). Naskah ini PALSU.",
                kode=record.code,
            )
        return None

    return check


def verify(
    db: Database, actor: str, source: str | Path | bytes, progress: Progress = NO_PROGRESS
) -> Verifikasi:
    """Verify a PDF (path or bytes) or a typed code against the register. Anyone may check a
    document: no right is needed (``actor`` is who asks)."""
    conn = db.conn
    check = record_check(db)
    if (
        isinstance(source, bytes)
        or Path(str(source)).suffix.lower() == ".pdf"
        or Path(str(source)).is_file()
    ):
        if not isinstance(source, bytes) and not Path(str(source)).is_file():
            raise NotFoundError(tr("Berkas {path} tidak ada.", path=source))
        result = ver.verify_pdf(
            source if isinstance(source, bytes) else Path(str(source)),
            lambda c: register.lookup(conn, _canonical(c)),
            check,
        )
        extra = (
            register.register_of_code(conn, _canonical(result.record.code))
            if result.record is not None
            else None
        )
        return Verifikasi(
            result.status,
            tr(JUDUL_STATUS[result.status]),
            result.message,
            result.code,
            extra[0] if extra else None,
            extra[1] if extra else "",
            extra[2] if extra else "",
            halaman=result.page,
            dokumen=len(result.records),
            hanya_teks=result.text_only,
        )
    text = str(source)
    code = ver.find_code(text)
    if code is None:
        raise ValidationError(
            tr("'{text}' bukan kode verifikasi (10 huruf/angka, mis. 7KQ2M-XW9RT).", text=text),
            field="kode",
        )
    record = register.lookup(conn, _canonical(code))
    if record is None:
        return Verifikasi(
            ver.Status.TIDAK_TERDAFTAR,
            tr("TIDAK TERDAFTAR"),
            tr("Kode {kode} tidak terdaftar di register naskah ini.", kode=code),
            code,
        )
    refused = check(record)
    if refused is not None:
        status, reason = refused
        return Verifikasi(status, tr(JUDUL_STATUS[status]), reason, code)
    reg, jenis, nip = register.register_of_code(conn, _canonical(code)) or (None, "", "")
    if record.cancelled:
        return Verifikasi(
            ver.Status.DIBATALKAN,
            tr("DIBATALKAN"),
            tr(
                "Naskah dengan kode {kode} telah dibatalkan: {alasan}",
                kode=code,
                alasan=record.cancel_reason,
            ),
            code,
            reg,
            jenis,
            nip,
        )
    return Verifikasi(
        "terdaftar",
        tr("TERDAFTAR"),
        tr(
            "Kode {kode} terdaftar. Cocokkan nomor, tanggal dan nama di kertas dengan data "
            "register di bawah ini.",
            kode=code,
        ),
        code,
        reg,
        jenis,
        nip,
        dokumen=1,
    )


# -- the SK of a KP period ------------------------------------------------------------------------


@dataclass(frozen=True)
class SkKpRequest:
    """The SK Kenaikan Pangkat of proposals with a pertek (see :func:`issue_sk_kp`)."""

    periode: str | date
    nips: tuple[str, ...]
    out_dir: Path
    tanggal: date  # the decree date
    nilai: Mapping[str, str] = field(default_factory=dict)
    nilai_pegawai: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    today: date | None = None


@dataclass(frozen=True)
class HasilKp:
    """What :func:`issue_sk_kp` did: the SK (as :func:`issue` returns them) and the new
    riwayat_pangkat ids by NIP."""

    terbit: HasilTerbit
    riwayat: dict[str, str]


@dokumen
def issue_sk_kp(
    db: Database, actor: str, request: SkKpRequest, progress: Progress = NO_PROGRESS
) -> HasilKp:
    """Issue the SK Kenaikan Pangkat petikan of proposals with a pertek, in one batch; write the
    new rank into riwayat_pangkat and mark the proposals TERBIT
    (:func:`app.models.kp.usulan.check_sk_kp`, :func:`app.models.kp.usulan.record_sk_kp`).
    ``nilai``/``nilai_pegawai`` are the values the records cannot give (``gaji_pokok`` at least;
    see :func:`app.models.dokumen.templat.needed_inputs`).

    All or nothing as far as SQLite allows: the SK are issued in their own transaction, the new
    riwayat_pangkat rows and the TERBIT marks in one more. Those rows are checked *before* the
    SK is issued, so the second step fails only on a storage error or a concurrent change; if
    it does, the SK just issued are cancelled in the register (their numbers stay used, marked
    BATAL with the reason), their files are removed, and the error is raised.
    """
    today = request.today or date.today()
    rencana = kp.check_sk_kp(
        db,
        request.periode,
        request.nips,
        tanggal=request.tanggal,
        nilai=request.nilai,
        nilai_pegawai=request.nilai_pegawai,
        actor=actor,
        today=today,
    )
    terbit = _issue(db, actor, IssueRequest(rencana.permintaan, request.out_dir, today), progress)
    nomor_of = kp.nomor_per_nip(db.conn, terbit.register_ids, terbit.nomor)
    try:
        riwayat = kp.record_sk_kp(
            db, rencana, nomor_of, tanggal=request.tanggal, actor=actor, today=today
        )
    except BaseException as exc:
        _undo_issue(db, terbit, actor, exc)
        raise
    return HasilKp(terbit, riwayat)


def _undo_issue(db: Database, terbit: HasilTerbit, actor: str, exc: BaseException) -> None:
    """Cancel SK that were numbered but whose rank could not be recorded, and remove their
    files, so that no valid-looking decree stays without its riwayat."""
    alasan = tr(
        "Riwayat pangkat tidak dapat dicatat ({e}); SK dibatalkan otomatis.",
        e=str(exc) or type(exc).__name__,
    )
    for reg_id in terbit.register_ids:
        # Best effort: if the database itself failed, this fails too, and the register keeps
        # the SK as issued; the first error is the one the clerk sees.
        with contextlib.suppress(Exception):
            register.cancel(db, reg_id, alasan, actor=actor)
    for path in [b.path for b in terbit.berkas] + ([terbit.gabungan] if terbit.gabungan else []):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
