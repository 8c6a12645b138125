"""Numbering of decrees: who may number, the next number, and entering a numbered batch.

Numbers run per template per year, 1, 2, 3 ... without gaps or duplicates (cancelled numbers stay
taken). The number is allocated (max + 1) inside the same ``Store.write`` transaction that writes
the register rows (:func:`register_batch`); the PDFs are rendered before that transaction with
the numbers :func:`next_number` promised, and the allocation is re-checked inside it: if another
writer took the numbers meanwhile, :class:`NumbersMoved` is raised and the caller renders the
batch again (:func:`app.jobs.dokumen.issue`). A cancelled or failed batch consumes no number.

Only the installation named in the agency setting ``instalasi_penomoran`` may number (the first
installation that issues takes the role; :func:`take_numbering` moves it). The verification codes
are made with the agency secret ``kunci_verifikasi``, a replicated setting created by the
numbering installation with its first batch.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date

from app.i18n import tr
from app.models.dokumen.naskah import Document, Kind, Letter
from app.models.dokumen.register import STATUS_TERBIT
from app.models.errors import ValidationError
from app.models.reference.loader import natural_id
from app.models.storage.db import Database, utc_now
from app.models.storage.instansi import get_setting
from app.models.storage.store import Store, WriteTx

# Agency settings (replicated, table pengaturan) used here.
SETTING_PENOMORAN = "instalasi_penomoran"  # node id of the one installation that numbers
SETTING_KUNCI = "kunci_verifikasi"  # hex secret of the verification codes


def numbering_installation(conn: sqlite3.Connection) -> str | None:
    """Node id of the installation allowed to number decrees (None: not chosen yet)."""
    return get_setting(conn, SETTING_PENOMORAN)


def check_numbering_allowed(db: Database) -> None:
    """Refuse when another installation of the agency is the numbering one.

    Two offline installations numbering the same template would hand out the same numbers;
    one installation numbers, the others prepare and verify.
    """
    holder = numbering_installation(db.conn)
    if holder and holder != db.node_id:
        raise ValidationError(
            tr(
                "Instalasi ini tidak berwenang memberi nomor dokumen: penomoran dipegang oleh "
                "instalasi {node}. Terbitkan dari instalasi itu, atau minta admin memindahkan "
                "penomoran ke sini (merit sk penomoran --ambil).",
                node=holder[:8],
            ),
            field="penomoran",
        )


def set_setting(tx: WriteTx, conn: sqlite3.Connection, key: str, value: str) -> None:
    """Write an agency setting (table ``pengaturan``) inside a write."""
    row_id = natural_id("pengaturan", key)
    if conn.execute("SELECT 1 FROM pengaturan WHERE id = ?", (row_id,)).fetchone():
        tx.update("pengaturan", row_id, {"nilai": value, "deleted": 0})
    else:
        tx.insert("pengaturan", {"id": row_id, "kunci": key, "nilai": value})


def take_numbering(db: Database, *, actor: str = "sistem") -> None:
    """Make this installation the numbering one (admin; after the old one is retired)."""
    with Store(db).write(tr("Memindahkan penomoran dokumen ke instalasi ini"), actor=actor) as tx:
        set_setting(tx, db.conn, SETTING_PENOMORAN, db.node_id)


def verification_secret(conn: sqlite3.Connection) -> bytes | None:
    """The agency secret of the verification codes (None: no document issued yet)."""
    value = get_setting(conn, SETTING_KUNCI)
    return bytes.fromhex(value) if value else None


def new_verification_secret() -> bytes:
    """A fresh secret, stored with the first batch that uses it (:attr:`Terbitan.kunci_baru`)."""
    return secrets.token_bytes(32)


def next_number(conn: sqlite3.Connection, kode: str, tahun: int) -> int:
    """The next number of a template in a year (cancelled numbers stay taken)."""
    row = conn.execute(
        "SELECT max(nomor_urut) FROM register_dokumen WHERE templat_kode = ? AND tahun = ? "
        "AND deleted = 0",
        (kode, tahun),
    ).fetchone()
    return int(row[0] or 0) + 1


class NumbersMoved(Exception):
    """Another writer took the numbers a batch was rendered with (render it again)."""


@dataclass(frozen=True)
class NaskahBerkas:
    """One issued file: what the register keeps of it (``naskah_dokumen``)."""

    nomor: str  # the number of the document the file belongs to
    nip: str  # the person of the file (or the number, for a collective asli/salinan)
    nama_berkas: str
    kode: str  # verification code
    content_digest: str
    pdf_sha256: str
    text_digest: str
    sidik_halaman: str = ""  # page fingerprints (app.reports.pdf.verification.encode_prints)
    tanda_terbit: str = ""  # this installation's signature of the facts (base64 Ed25519)


def naskah_nip(jenis: str, nip: str, nips: tuple[str, ...] | list[str]) -> str | None:
    """The person a file's register row names: the petikan's person, or the one person of a
    decree about one person; None for a collective asli/salinan."""
    return nip if jenis == "petikan" or len(nips) == 1 else None


@dataclass(frozen=True)
class Terbitan:
    """A rendered batch, to enter in the register under the numbers ``start``, ``start + 1``, ..."""

    templat: str  # template code
    jenis: Kind
    tanggal: date
    start: int
    nomor: tuple[str, ...]  # the formatted numbers, one per document
    dokumen: tuple[Document, ...]
    naskah: tuple[str, ...]  # canonical JSON of each document (without its kop)
    penerima: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (nips, names) per document
    berkas: tuple[NaskahBerkas, ...]
    kunci_baru: bytes | None = None  # the verification secret made for this batch, if new


def register_batch(db: Database, batch: Terbitan, *, actor: str) -> list[str]:
    """Enter a rendered batch in the register in one write (right ``dokumen.terbitkan``);
    returns the register ids. Raises :class:`NumbersMoved` when the numbers are no longer the
    next ones (or the secret was created meanwhile): nothing is written then."""
    conn = db.conn
    now = utc_now()
    by_nomor: dict[str, list[NaskahBerkas]] = {}
    for f in batch.berkas:
        by_nomor.setdefault(f.nomor, []).append(f)
    ids: list[str] = []
    # The recipients' one unit (a unit operator issues for their unit; the rights per employee
    # were checked before rendering, app/jobs/dokumen.py); several units: the whole agency's.
    units = {
        r[0]
        for nips, _names in batch.penerima
        for nip in nips
        for r in conn.execute(
            "SELECT unit_id FROM pegawai_ringkas WHERE nip = ? AND deleted = 0", (nip,)
        )
    }
    with Store(db).write(
        tr("Menerbitkan {n} dokumen {kode}", n=len(batch.dokumen), kode=batch.templat),
        actor=actor,
        izin="dokumen.terbitkan",
        unit_id=next(iter(units)) if len(units) == 1 and None not in units else None,
    ) as tx:
        check_numbering_allowed(db)
        if next_number(conn, batch.templat, batch.tanggal.year) != batch.start:
            raise NumbersMoved
        if numbering_installation(conn) is None:
            set_setting(tx, conn, SETTING_PENOMORAN, db.node_id)
        if batch.kunci_baru is not None:
            if verification_secret(conn) is not None:  # created meanwhile: wrong key in files
                raise NumbersMoved
            set_setting(tx, conn, SETTING_KUNCI, batch.kunci_baru.hex())
        for i, (doc, nomor, naskah, (nips, names)) in enumerate(
            zip(batch.dokumen, batch.nomor, batch.naskah, batch.penerima, strict=True)
        ):
            files = by_nomor.get(nomor, [])
            single = files[0] if len(files) == 1 else None
            reg_id = str(uuid.uuid4())
            tx.insert(
                "register_dokumen",
                {
                    "id": reg_id,
                    "templat_kode": batch.templat,
                    "tahun": batch.tanggal.year,
                    "nomor_urut": batch.start + i,
                    "nomor": nomor,
                    "tanggal": batch.tanggal.isoformat(),
                    "perihal": doc.hal if isinstance(doc, Letter) else doc.tentang,
                    "pegawai": json.dumps(list(nips)),
                    "nama_pegawai": "; ".join(names),
                    "status": STATUS_TERBIT,
                    "jenis": batch.jenis,
                    "kode_verifikasi": single.kode if single else None,
                    "pdf_sha256": single.pdf_sha256 if single else None,
                    "text_digest": single.text_digest if single else None,
                    "content_digest": single.content_digest if single else None,
                    "naskah": naskah,
                    "instalasi": db.node_id,
                    "diterbitkan_oleh": str(actor),
                    "diterbitkan_pada": now,
                },
            )
            for f in files:
                tx.insert(
                    "naskah_dokumen",
                    {
                        "register_id": reg_id,
                        "jenis": batch.jenis,
                        "nip": naskah_nip(batch.jenis, f.nip, nips),
                        "kode_verifikasi": f.kode,
                        "content_digest": f.content_digest,
                        "pdf_sha256": f.pdf_sha256,
                        "text_digest": f.text_digest,
                        "sidik_halaman": f.sidik_halaman or None,
                        "tanda_terbit": f.tanda_terbit or None,
                        "nama_berkas": f.nama_berkas,
                        "dibuat": now,
                    },
                )
            ids.append(reg_id)
    return ids
