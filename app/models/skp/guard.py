"""The authority around every SKP write: who the actor is (:func:`pelaku_dari`), the refusals
written to the audit trail, and :func:`act`, which runs a change in one write transaction once
:func:`app.models.rules.skp.may` has agreed.

The rights of the SKP follow the relation of the actor to the SKP (the appraiser *of this* SKP,
the operator *of this employee's unit*), which the role x table check of the write path cannot
express: the writes are therefore made under the actor's name as the trusted local system once
``may`` has agreed. A refusal raises :class:`~app.models.errors.AccessDenied` (wrong person) or
:class:`~app.models.errors.ValidationError` (wrong state) and leaves an audit entry.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.access import akses
from app.models.errors import AccessDenied, ValidationError
from app.models.rules.skp import Pelaku, Putusan, SkpInfo, Transisi, may, status_berikut
from app.models.skp.read import skp_info
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store, Value, WriteTx


def pelaku_dari(db: Database, actor: str | Pelaku) -> Pelaku:
    """The :class:`~app.models.rules.skp.Pelaku` of an actor: a signed-in
    :class:`~app.models.access.akses.Sesi` (its roles read afresh, so a role taken away counts at
    once), a plain string (the trusted local system: first run, the command line without
    accounts), or a Pelaku as it is."""
    if isinstance(actor, Pelaku):
        return actor
    if not isinstance(actor, akses.Sesi):
        return Pelaku.system(str(actor))
    aktif, hak = akses.load_hak(db.conn, actor.akun_id)
    if not aktif:
        akses.require(db, actor, "skp.nilai")  # refuses with the "account not active" message
    admin = any(h.peran is akses.Peran.ADMIN for h in hak)
    scope = akses.cakupan(hak, "pegawai.ubah") or frozenset()
    return Pelaku(
        nama=str(actor.nama_pengguna),
        pegawai_id=actor.pegawai_id,
        admin=admin,
        operator_unit=frozenset(scope),
    )


# -- writing helpers ------------------------------------------------------------------------------


class Refused(Exception):
    """Raised inside :func:`act`'s work to refuse with a :class:`~app.models.rules.skp.Putusan`
    (audited, and the transaction rolled back)."""

    def __init__(self, putusan: Putusan) -> None:
        super().__init__(putusan.alasan)
        self.putusan = putusan


def _audit_refusal(
    db: Database, pelaku: Pelaku, aksi: str, message: str, record_id: str | None
) -> None:
    Store(db).record_read(
        tr("Akses ditolak"),
        actor=pelaku.nama,
        tabel="skp",
        record_id=record_id,
        keterangan=f"{aksi}: {message}",
    )


def refused_outside(
    db: Database, pelaku: Pelaku, aksi: str, message: str, record_id: str | None = None
) -> AccessDenied:
    """A refusal outside one SKP's transitions (bulk creation, settings): audited, returned to
    be raised."""
    _audit_refusal(db, pelaku, aksi, message, record_id)
    return AccessDenied(message)


def _raise_refused(db: Database, pelaku: Pelaku, skp_id: str, t: Transisi, p: Putusan) -> None:
    _audit_refusal(db, pelaku, f"skp.{t.value}", p.alasan, skp_id)
    if p.jenis == "status":
        raise ValidationError(p.alasan, field="status")
    raise AccessDenied(p.alasan)


@dataclass
class Act:
    """Inside a write: the SKP as it stands, the actor, the transaction."""

    tx: WriteTx
    conn: sqlite3.Connection
    info: SkpInfo
    pelaku: Pelaku
    now: str
    hari_ini: date


def act(
    db: Database,
    skp_id: str,
    transisi: Transisi,
    actor: str | Pelaku,
    aksi: str,
    work: Callable[[Act], Any],
    *,
    keterangan: str | None = None,
    hari_ini: date | None = None,
) -> Any:
    """Run ``work`` in one write transaction after :func:`~app.models.rules.skp.may` agreed
    (on ``hari_ini``, today when None); refuse (audited) else."""
    pelaku = pelaku_dari(db, actor)
    conn = db.conn
    try:
        with Store(db).write(aksi, actor=pelaku.nama, keterangan=keterangan) as tx:
            info = skp_info(conn, skp_id)
            verdict = may(pelaku, info, transisi, hari_ini or date.today())
            if not verdict:
                raise Refused(verdict)
            return work(Act(tx, conn, info, pelaku, utc_now(), hari_ini or date.today()))
    except Refused as exc:
        _raise_refused(db, pelaku, skp_id, transisi, exc.putusan)
        raise AssertionError("unreachable") from exc


def move(
    a: Act, transisi: Transisi, changes: Mapping[str, Value], catatan: str | None = None
) -> str:
    """Change the state (and other fields) of the SKP and record the transition."""
    ke = status_berikut(a.info.status, transisi)
    a.tx.update("skp", a.info.id, {"status": ke, **changes})
    a.tx.insert(
        "skp_transisi",
        {
            "skp_id": a.info.id,
            "aksi": transisi.value,
            "dari": a.info.status,
            "ke": ke,
            "pelaku": a.pelaku.nama,
            "pelaku_pegawai_id": a.pelaku.pegawai_id,
            "waktu": a.now,
            "catatan": catatan,
        },
    )
    return ke


def skp_label(conn: sqlite3.Connection, skp_id: str) -> str:
    """``2026 <NIP>``: how an SKP is named in the audit trail."""
    row = conn.execute(
        "SELECT s.tahun, coalesce(c.nip, s.pegawai_id) FROM skp s "
        "LEFT JOIN pegawai_ringkas c ON c.pegawai_id = s.pegawai_id WHERE s.id = ?",
        (skp_id,),
    ).fetchone()
    return f"{row[0]} {row[1]}" if row else skp_id


def stripped(value: object) -> str:
    """A form value as text without surrounding spaces (None: empty)."""
    return "" if value is None else str(value).strip()


def check_pegawai(conn: sqlite3.Connection, pegawai_id: str | None, field_name: str) -> None:
    """Refuse an employee id that is not on record (None passes)."""
    if pegawai_id is None:
        return
    row = conn.execute(
        "SELECT 1 FROM pegawai WHERE id = ? AND deleted = 0", (pegawai_id,)
    ).fetchone()
    if row is None:
        raise ValidationError(
            tr("Pegawai untuk {f} tidak ditemukan.", f=field_name), field=field_name
        )


def boleh(
    db: Database, actor: str | Pelaku, skp_id: str, hari_ini: date | None = None
) -> dict[Transisi, Putusan]:
    """Every transition with the verdict for this actor (for the screens' buttons)."""
    pelaku = pelaku_dari(db, actor)
    info = skp_info(db.conn, skp_id)
    return {t: may(pelaku, info, t, hari_ini or date.today()) for t in Transisi}
