"""The register of issued documents (table ``register_dokumen``, replicated) and its look-ups.

Each numbered decree or letter has one entry (its number, date, subject, people and the canonical
text); each issued file has one row in ``naskah_dokumen`` with its verification code, digests,
page fingerprints (``sidik_halaman``, migration 17) and the issuing installation's signature of
them (``tanda_terbit``), so any installation of the agency answers for a file or a code offline
(:func:`app.jobs.dokumen.verify`). A cancelled entry keeps
its number, with the reason. Numbering and entering a batch: :mod:`app.models.dokumen.penomoran`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.access.akses import require
from app.models.errors import NotFoundError, ValidationError
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store

STATUS_TERBIT = "TERBIT"
STATUS_BATAL = "BATAL"


@dataclass(frozen=True)
class RegisterRow:
    id: str
    templat_kode: str
    tahun: int
    nomor_urut: int
    nomor: str
    tanggal: date
    perihal: str
    pegawai: tuple[str, ...]
    nama_pegawai: str
    status: str
    alasan_batal: str
    jenis: str
    kode_verifikasi: str
    diterbitkan_oleh: str
    diterbitkan_pada: str

    @property
    def batal(self) -> bool:
        return self.status == STATUS_BATAL

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "templat": self.templat_kode,
            "tahun": self.tahun,
            "nomor_urut": self.nomor_urut,
            "nomor": self.nomor,
            "tanggal": self.tanggal.isoformat(),
            "perihal": self.perihal,
            "pegawai": list(self.pegawai),
            "nama_pegawai": self.nama_pegawai,
            "status": self.status,
            "alasan_batal": self.alasan_batal,
            "jenis": self.jenis,
            "kode_verifikasi": self.kode_verifikasi,
            "diterbitkan_oleh": self.diterbitkan_oleh,
            "diterbitkan_pada": self.diterbitkan_pada,
        }


_REG_COLS = (
    "id, templat_kode, tahun, nomor_urut, nomor, tanggal, perihal, pegawai, nama_pegawai, status, "
    "alasan_batal, jenis, kode_verifikasi, diterbitkan_oleh, diterbitkan_pada"
)


def _reg(row: Sequence[Any]) -> RegisterRow:
    return RegisterRow(
        id=row[0],
        templat_kode=row[1],
        tahun=int(row[2]),
        nomor_urut=int(row[3]),
        nomor=row[4],
        tanggal=date.fromisoformat(row[5]),
        perihal=row[6],
        pegawai=tuple(json.loads(row[7] or "[]")),
        nama_pegawai=row[8] or "",
        status=row[9],
        alasan_batal=row[10] or "",
        jenis=row[11] or "",
        kode_verifikasi=row[12] or "",
        diterbitkan_oleh=row[13] or "",
        diterbitkan_pada=row[14] or "",
    )


def read_register(
    db: Database,
    actor: str,
    *,
    tahun: int | None = None,
    templat: str | None = None,
    status: str | None = None,
    search: str = "",
    limit: int | None = None,
) -> list[RegisterRow]:
    """:func:`list_register` for ``actor``: the register names every person a decree was
    issued to, so it needs ``dokumen.baca`` (refused and audited otherwise)."""
    require(db, actor, "dokumen.baca")
    return list_register(
        db.conn, tahun=tahun, templat=templat, status=status, search=search, limit=limit
    )


def list_register(
    conn: sqlite3.Connection,
    *,
    tahun: int | None = None,
    templat: str | None = None,
    status: str | None = None,
    search: str = "",
    limit: int | None = None,
) -> list[RegisterRow]:
    """The register, newest first, filtered by year, template, status and a search over
    number, subject, names and NIPs."""
    clauses = ["deleted = 0"]
    params: list[Any] = []
    if tahun is not None:
        clauses.append("tahun = ?")
        params.append(tahun)
    if templat:
        clauses.append("templat_kode = ?")
        params.append(templat.upper())
    if status:
        if status.upper() not in (STATUS_TERBIT, STATUS_BATAL):
            raise ValidationError(tr("Status harus TERBIT atau BATAL."), field="status")
        clauses.append("status = ?")
        params.append(status.upper())
    for word in search.split():
        like = f"%{word.replace('%', '').replace('_', '')}%"
        clauses.append("(nomor LIKE ? OR perihal LIKE ? OR nama_pegawai LIKE ? OR pegawai LIKE ?)")
        params += [like, like, like, like]
    sql = (
        f"SELECT {_REG_COLS} FROM register_dokumen WHERE {' AND '.join(clauses)} "
        "ORDER BY tahun DESC, templat_kode, nomor_urut DESC"
        + (f" LIMIT {int(limit)}" if limit else "")
    )
    return [_reg(r) for r in conn.execute(sql, params)]


def get_register(conn: sqlite3.Connection, key: str, *, templat: str | None = None) -> RegisterRow:
    """A register entry by its id or its formatted number (``templat`` settles a number that
    two templates share)."""
    row = conn.execute(f"SELECT {_REG_COLS} FROM register_dokumen WHERE id = ?", (key,)).fetchone()
    if row is not None:
        return _reg(row)
    sql = f"SELECT {_REG_COLS} FROM register_dokumen WHERE nomor = ? AND deleted = 0"
    params: list[Any] = [key.strip()]
    if templat:
        sql += " AND templat_kode = ?"
        params.append(templat.upper())
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        raise NotFoundError(tr("Nomor {nomor} tidak ada di register dokumen.", nomor=key))
    if len(rows) > 1:
        raise ValidationError(
            tr(
                "Nomor {nomor} tercatat lebih dari sekali ({templat}); sebutkan templatnya.",
                nomor=key,
                templat=", ".join(sorted({r[1] for r in rows})),
            ),
            field="nomor",
        )
    return _reg(rows[0])


def cancel(
    db: Database, key: str, alasan: str, *, actor: str = "sistem", templat: str | None = None
) -> RegisterRow:
    """Cancel an issued decree: it keeps its entry and number, with the reason. Refused
    (audited) first for an actor who may not issue decrees for the whole agency."""
    require(db, actor, "dokumen.terbitkan")
    alasan = " ".join(alasan.split())
    if len(alasan) < 5:
        raise ValidationError(
            tr("Alasan pembatalan wajib diisi (sedikitnya 5 huruf)."), field="alasan"
        )
    row = get_register(db.conn, key, templat=templat)
    if row.batal:
        raise ValidationError(
            tr(
                "Dokumen {nomor} sudah dibatalkan: {alasan}",
                nomor=row.nomor,
                alasan=row.alasan_batal,
            ),
            field="nomor",
        )
    with Store(db).write(
        tr("Membatalkan dokumen {nomor}", nomor=row.nomor), actor=actor, izin="dokumen.terbitkan"
    ) as tx:
        tx.update(
            "register_dokumen",
            row.id,
            {
                "status": STATUS_BATAL,
                "alasan_batal": alasan,
                "dibatalkan_pada": utc_now(),
                "dibatalkan_oleh": str(actor),
            },
        )
    return get_register(db.conn, row.id)


def nomor_ganda(conn: sqlite3.Connection) -> list[tuple[str, int, int, int]]:
    """(template, year, number, count) that occur more than once: only possible when two
    installations numbered offline (the numbering rule was bypassed)."""
    rows = conn.execute(
        "SELECT templat_kode, tahun, nomor_urut, count(*) FROM register_dokumen WHERE deleted = 0 "
        "GROUP BY 1, 2, 3 HAVING count(*) > 1 ORDER BY 1, 2, 3"
    )
    return [(r[0], int(r[1]), int(r[2]), int(r[3])) for r in rows]


# -- verification codes -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRecord:
    """What the register says about a verification code (for
    :func:`app.reports.pdf.verification.verify_pdf`): the file's digests, and the register facts
    its code was made from (so the code can be checked against them)."""

    code: str
    pdf_sha256: str
    text_digest: str
    content_digest: str = ""
    nomor: str = ""
    cancelled: bool = False
    cancel_reason: str = ""
    tanggal: str = ""  # ISO date of the decree
    templat: str = ""
    jenis: str = ""  # asli, salinan, petikan
    nip: str = ""  # the file's person (petikan), if any
    pegawai: tuple[str, ...] = ()  # the people of the register entry, in order
    instalasi: str = ""  # node id of the installation that issued it
    halaman: str = ""  # page fingerprints (app.reports.pdf.verification.encode_prints); "": old
    tanda: str = ""  # the issuing installation's signature of the facts (base64); "": old


def lookup(conn: sqlite3.Connection, code: str) -> RegisterRecord | None:
    """The register's record of a verification code (in its canonical form ``XXXXX-XXXXX``)."""
    row = conn.execute(
        "SELECT n.kode_verifikasi, n.pdf_sha256, n.text_digest, n.content_digest, r.nomor, "
        "r.status, r.alasan_batal, r.tanggal, r.templat_kode, n.jenis, n.nip, r.pegawai, "
        "r.instalasi, n.sidik_halaman, n.tanda_terbit FROM naskah_dokumen n "
        "JOIN register_dokumen r ON r.id = n.register_id "
        "WHERE n.kode_verifikasi = ? AND n.deleted = 0 AND r.deleted = 0",
        (code,),
    ).fetchone()
    if row is None:
        return None
    try:
        pegawai = tuple(str(n) for n in json.loads(row[11] or "[]"))
    except (ValueError, TypeError):
        pegawai = ()
    return RegisterRecord(
        code=row[0],
        pdf_sha256=row[1],
        text_digest=row[2],
        content_digest=row[3] or "",
        nomor=row[4],
        cancelled=row[5] == STATUS_BATAL,
        cancel_reason=row[6] or "",
        tanggal=row[7] or "",
        templat=row[8] or "",
        jenis=row[9] or "",
        nip=row[10] or "",
        pegawai=pegawai,
        instalasi=row[12] or "",
        halaman=row[13] or "",
        tanda=row[14] or "",
    )


def register_of_code(conn: sqlite3.Connection, code: str) -> tuple[RegisterRow, str, str] | None:
    """(register entry, kind, NIP) of a verification code (in its canonical form)."""
    row = conn.execute(
        "SELECT register_id, jenis, coalesce(nip, '') FROM naskah_dokumen "
        "WHERE kode_verifikasi = ? AND deleted = 0",
        (code,),
    ).fetchone()
    if row is None:
        return None
    return get_register(conn, row[0]), row[1], row[2]
