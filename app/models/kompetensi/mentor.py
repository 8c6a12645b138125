"""Mentoring (issue 15 item 6): mentor-mentee pairs with their period, goals and meeting
notes, and the suggested mentor of a new CPNS (:mod:`app.models.rules.mentor`).

Rights: writing needs ``kompetensi.ubah`` for the mentee *and* the mentor (a unit operator
pairs people of their units only; the write path checks the mentee's unit on each row, the
model checks the mentor's). Reading needs ``pegawai.baca``; a reader limited to some units sees
the pairs whose mentee or mentor is in those units (the scope is applied in SQL).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date

from app.i18n import tr
from app.models.access.akses import read_roots, require, units_under
from app.models.errors import NotFoundError, ValidationError
from app.models.impor.normalise import BadValue, parse_date
from app.models.rules.mentor import Calon, cpns_baru, saran_mentor
from app.models.storage.db import Database
from app.models.storage.store import Store

STATUS = ("AKTIF", "SELESAI", "BATAL")


def status_label(status: str) -> str:
    return {"AKTIF": tr("Aktif"), "SELESAI": tr("Selesai"), "BATAL": tr("Batal")}.get(
        status, status
    )


@dataclass(frozen=True)
class Pertemuan:
    id: str
    tanggal: str
    topik: str
    catatan: str | None
    tindak_lanjut: str | None


@dataclass(frozen=True)
class Pasangan:
    id: str
    mentee_id: str
    mentee_nip: str
    mentee_nama: str
    mentor_id: str
    mentor_nip: str
    mentor_nama: str
    unit_nama: str | None
    mulai: str
    selesai: str | None
    tujuan: str
    status: str
    catatan: str | None
    jumlah_pertemuan: int
    pertemuan: tuple[Pertemuan, ...] = ()


def _day(value: date | str | None, field: str, label: str) -> str:
    text = value.isoformat() if isinstance(value, date) else (value or "")
    try:
        return parse_date(text).isoformat()
    except BadValue as exc:
        raise ValidationError(tr("{l}: {e}", l=label, e=exc), field=field) from exc


def _person(conn: sqlite3.Connection, pegawai_id: str, label: str) -> sqlite3.Row | tuple:
    row = conn.execute(
        "SELECT pegawai_id, nama_lengkap, unit_id, status_kepegawaian, kedudukan, "
        "golongan_urutan FROM pegawai_ringkas WHERE pegawai_id = ? AND deleted = 0",
        (pegawai_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("{l} yang dipilih tidak ditemukan.", l=label))
    return row


def tambah_pasangan(
    db: Database,
    mentee_id: str,
    mentor_id: str,
    mulai: date | str,
    tujuan: str,
    *,
    selesai: date | str | None = None,
    actor: str = "sistem",
) -> str:
    """Pair a mentor with a mentee; returns the pair's id. Refuses the same person twice, an
    inactive mentor, a mentee who already has an active mentor, an end before the start."""
    conn = db.conn
    if not mentee_id:
        raise ValidationError(tr("Pilih mentee."), field="mentee")
    if not mentor_id:
        raise ValidationError(tr("Pilih mentor."), field="mentor")
    mentee = _person(conn, mentee_id, tr("Mentee"))
    mentor = _person(conn, mentor_id, tr("Mentor"))
    require(db, actor, "kompetensi.ubah", pegawai_id=mentee_id)
    require(db, actor, "kompetensi.ubah", pegawai_id=mentor_id)
    if mentee_id == mentor_id:
        raise ValidationError(tr("Mentor dan mentee tidak boleh orang yang sama."), field="mentor")
    if mentor[4] != "AKTIF":
        raise ValidationError(
            tr("{n} tidak aktif dan tidak dapat menjadi mentor.", n=mentor[1]), field="mentor"
        )
    tujuan = (tujuan or "").strip()
    if not tujuan:
        raise ValidationError(tr("Tujuan mentoring wajib diisi."), field="tujuan")
    day = _day(mulai, "mulai", tr("Tanggal mulai"))
    end = _day(selesai, "selesai", tr("Tanggal selesai")) if selesai else None
    if end is not None and end < day:
        raise ValidationError(
            tr("Tanggal selesai {s} sebelum tanggal mulai {m}.", s=end, m=day), field="selesai"
        )
    if conn.execute(
        "SELECT 1 FROM kompetensi_mentor WHERE pegawai_id = ? AND status = 'AKTIF' AND deleted = 0",
        (mentee_id,),
    ).fetchone():
        raise ValidationError(
            tr("{n} sudah punya mentor aktif; selesaikan dulu pasangan itu.", n=mentee[1]),
            field="mentee",
        )
    with Store(db).write(
        tr("Memasangkan mentor {m} dengan {n}", m=mentor[1], n=mentee[1]), actor=actor
    ) as tx:
        return tx.insert(
            "kompetensi_mentor",
            {
                "pegawai_id": mentee_id,
                "mentor_id": mentor_id,
                "mulai": day,
                "selesai": end,
                "tujuan": tujuan,
                "status": "AKTIF",
            },
        )


def _pair_row(conn: sqlite3.Connection, pasangan_id: str) -> tuple:
    row = conn.execute(
        "SELECT id, pegawai_id, mentor_id, mulai, status FROM kompetensi_mentor "
        "WHERE id = ? AND deleted = 0",
        (pasangan_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pasangan mentoring '{i}' tidak ditemukan.", i=pasangan_id))
    return tuple(row)


def periksa_hak_ubah(db: Database, actor: str) -> None:
    """Refuse (audited) an actor who may change mentoring nowhere."""
    read_roots(db, actor, "kompetensi.ubah")


def catat_pertemuan(
    db: Database,
    pasangan_id: str,
    tanggal: date | str,
    topik: str,
    *,
    catatan: str | None = None,
    tindak_lanjut: str | None = None,
    actor: str = "sistem",
) -> str:
    """Record a meeting of an active pair; returns its id."""
    conn = db.conn
    read_roots(db, actor, "kompetensi.ubah")  # the right somewhere, before "not found"
    _pid, mentee_id, _mentor, mulai, status = _pair_row(conn, pasangan_id)
    require(db, actor, "kompetensi.ubah", pegawai_id=mentee_id)
    if status != "AKTIF":
        raise ValidationError(
            tr(
                "Pasangan ini berstatus {s}; pertemuan tidak dapat dicatat.", s=status_label(status)
            ),
            field="pasangan",
        )
    topik = (topik or "").strip()
    if not topik:
        raise ValidationError(tr("Topik pertemuan wajib diisi."), field="topik")
    day = _day(tanggal, "tanggal", tr("Tanggal pertemuan"))
    if day < mulai:
        raise ValidationError(
            tr("Tanggal pertemuan {t} sebelum mentoring dimulai ({m}).", t=day, m=mulai),
            field="tanggal",
        )
    with Store(db).write(tr("Mencatat pertemuan mentoring"), actor=actor) as tx:
        return tx.insert(
            "kompetensi_mentor_pertemuan",
            {
                "mentor_pasangan_id": pasangan_id,
                "pegawai_id": mentee_id,
                "tanggal": day,
                "topik": topik,
                "catatan": (catatan or "").strip() or None,
                "tindak_lanjut": (tindak_lanjut or "").strip() or None,
            },
        )


def tutup_pasangan(
    db: Database,
    pasangan_id: str,
    tanggal: date | str,
    *,
    batal: bool = False,
    catatan: str | None = None,
    actor: str = "sistem",
) -> None:
    """Close an active pair as SELESAI (or BATAL) on ``tanggal``."""
    conn = db.conn
    read_roots(db, actor, "kompetensi.ubah")  # the right somewhere, before "not found"
    _pid, mentee_id, _mentor, mulai, status = _pair_row(conn, pasangan_id)
    require(db, actor, "kompetensi.ubah", pegawai_id=mentee_id)
    if status != "AKTIF":
        raise ValidationError(
            tr("Pasangan ini sudah berstatus {s}.", s=status_label(status)), field="pasangan"
        )
    day = _day(tanggal, "selesai", tr("Tanggal selesai"))
    if day < mulai:
        raise ValidationError(
            tr("Tanggal selesai {s} sebelum tanggal mulai {m}.", s=day, m=mulai), field="selesai"
        )
    with Store(db).write(tr("Menutup pasangan mentoring"), actor=actor) as tx:
        tx.update(
            "kompetensi_mentor",
            pasangan_id,
            {
                "status": "BATAL" if batal else "SELESAI",
                "selesai": day,
                "catatan": (catatan or "").strip() or None,
            },
        )


# -- reading ----------------------------------------------------------------------------------

_SELECT = (
    "SELECT m.id, m.pegawai_id, e.nip, e.nama_lengkap, m.mentor_id, r.nip, r.nama_lengkap,"
    " e.unit_nama, m.mulai, m.selesai, m.tujuan, m.status, m.catatan,"
    " (SELECT count(*) FROM kompetensi_mentor_pertemuan p"
    "  WHERE p.mentor_pasangan_id = m.id AND p.deleted = 0)"
    " FROM kompetensi_mentor m"
    " JOIN pegawai_ringkas e ON e.pegawai_id = m.pegawai_id"
    " JOIN pegawai_ringkas r ON r.pegawai_id = m.mentor_id"
    " WHERE m.deleted = 0"
)


def _scope_sql(db: Database, actor: str) -> tuple[str, list[str]]:
    roots = read_roots(db, actor, "pegawai.baca")
    if roots is None:
        return "", []
    units = units_under(db.conn, roots)
    marks = ", ".join("?" for _ in units) or "NULL"
    return f" AND (e.unit_id IN ({marks}) OR r.unit_id IN ({marks}))", [*units, *units]


def list_pasangan(
    db: Database,
    *,
    status: str | None = None,
    unit_id: str | None = None,
    actor: str = "sistem",
) -> list[Pasangan]:
    """The pairs the actor may read (active first, then by start date, newest first)."""
    where, params = _scope_sql(db, actor)
    sql = _SELECT + where
    if status is not None:
        sql += " AND m.status = ?"
        params.append(status)
    if unit_id is not None:
        units = units_under(db.conn, [unit_id])
        marks = ", ".join("?" for _ in units)
        sql += f" AND e.unit_id IN ({marks})"
        params.extend(units)
    sql += " ORDER BY m.status != 'AKTIF', m.mulai DESC, e.nama_urut, m.id"
    return [_pasangan(r) for r in db.conn.execute(sql, params)]


def _pasangan(r: tuple, pertemuan: tuple[Pertemuan, ...] = ()) -> Pasangan:
    return Pasangan(
        id=r[0],
        mentee_id=r[1],
        mentee_nip=r[2],
        mentee_nama=r[3],
        mentor_id=r[4],
        mentor_nip=r[5],
        mentor_nama=r[6],
        unit_nama=r[7],
        mulai=r[8],
        selesai=r[9],
        tujuan=r[10],
        status=r[11],
        catatan=r[12],
        jumlah_pertemuan=int(r[13]),
        pertemuan=pertemuan,
    )


def get_pasangan(db: Database, pasangan_id: str, *, actor: str = "sistem") -> Pasangan:
    """One pair with its meetings (oldest first)."""
    where, params = _scope_sql(db, actor)
    row = db.conn.execute(_SELECT + " AND m.id = ?" + where, [pasangan_id, *params]).fetchone()
    if row is None:
        # Same answer whether it does not exist or is outside the reader's units.
        raise NotFoundError(tr("Pasangan mentoring '{i}' tidak ditemukan.", i=pasangan_id))
    meetings = tuple(
        Pertemuan(*m)
        for m in db.conn.execute(
            "SELECT id, tanggal, topik, catatan, tindak_lanjut FROM kompetensi_mentor_pertemuan "
            "WHERE mentor_pasangan_id = ? AND deleted = 0 ORDER BY tanggal, id",
            (pasangan_id,),
        )
    )
    return _pasangan(tuple(row), meetings)


def mentor_aktif(conn: sqlite3.Connection, pegawai_id: str) -> str | None:
    """The name of a person's current mentor (None: none)."""
    row = conn.execute(
        "SELECT r.nama_lengkap FROM kompetensi_mentor m JOIN pegawai_ringkas r "
        "ON r.pegawai_id = m.mentor_id WHERE m.pegawai_id = ? AND m.status = 'AKTIF' "
        "AND m.deleted = 0 ORDER BY m.mulai DESC LIMIT 1",
        (pegawai_id,),
    ).fetchone()
    return str(row[0]) if row else None


# -- suggestion -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Saran:
    mentee_id: str
    mentee_nip: str
    mentee_nama: str
    unit_nama: str | None
    cpns_baru: bool
    mentor_id: str | None
    mentor_nip: str | None
    mentor_nama: str | None
    mentor_golongan: str | None
    jumlah_mentee: int | None


def _calon(conn: sqlite3.Connection, where: str, params: list[str]) -> list[Calon]:
    counts = dict(
        conn.execute(
            "SELECT mentor_id, count(*) FROM kompetensi_mentor WHERE status = 'AKTIF' "
            "AND deleted = 0 GROUP BY mentor_id"
        ).fetchall()
    )
    rows = conn.execute(
        "SELECT pegawai_id, nama_lengkap, unit_id, status_kepegawaian, kedudukan, "
        f"golongan_urutan FROM pegawai_ringkas WHERE deleted = 0 {where}",
        params,
    )
    return [
        Calon(r[0], r[1], r[2], r[3], r[4], r[5], jumlah_mentee=int(counts.get(r[0], 0)))
        for r in rows
    ]


def saran(
    db: Database, *, unit_id: str | None = None, pada: date | None = None, actor: str = "sistem"
) -> list[Saran]:
    """Each new CPNS without an active mentor (in the actor's units, or ``unit_id``) and the
    suggested mentor from their unit. Suggestions made in one call spread over mentors: each
    suggestion counts as a mentee of that mentor for the next."""
    conn = db.conn
    today = pada or date.today()
    roots = read_roots(db, actor, "pegawai.baca")
    scope: list[str] | None = units_under(conn, roots) if roots is not None else None
    if unit_id is not None:
        wanted = units_under(conn, [unit_id])
        scope = [u for u in wanted if scope is None or u in scope]
    where = ""
    params: list[str] = []
    if scope is not None:
        where = f" AND e.unit_id IN ({', '.join('?' for _ in scope) or 'NULL'})"
        params = list(scope)
    rows = conn.execute(
        "SELECT e.pegawai_id, e.nip, e.nama_lengkap, e.unit_id, e.unit_nama, "
        "e.status_kepegawaian, p.tmt_cpns, e.golongan_urutan FROM pegawai_ringkas e "
        "JOIN pegawai p ON p.id = e.pegawai_id WHERE e.deleted = 0 AND e.kedudukan = 'AKTIF' "
        "AND e.status_kepegawaian IN ('CPNS', 'PNS') AND NOT EXISTS (SELECT 1 FROM "
        "kompetensi_mentor m WHERE m.pegawai_id = e.pegawai_id AND m.status = 'AKTIF' "
        f"AND m.deleted = 0){where} ORDER BY e.unit_nama, e.nama_urut",
        params,
    ).fetchall()
    result: list[Saran] = []
    pool: dict[str, list[Calon]] = {}
    golongan = dict(conn.execute("SELECT pegawai_id, golongan_kode FROM pegawai_ringkas"))
    nips: dict[str, str] = {}
    for pid, nip, nama, unit, unit_nama, status, tmt, gol in rows:
        try:
            tmt_day = date.fromisoformat(tmt) if tmt else None
        except ValueError:
            tmt_day = None
        if not cpns_baru(status, tmt_day, today):
            continue
        if unit not in pool:
            pool[unit] = _calon(conn, "AND unit_id = ?", [unit]) if unit else []
        mentee = Calon(pid, nama, unit, status, "AKTIF", gol)
        pick = saran_mentor(mentee, pool[unit])
        if pick is not None:
            pool[unit] = [
                replace(c, jumlah_mentee=c.jumlah_mentee + 1)
                if c.pegawai_id == pick.pegawai_id
                else c
                for c in pool[unit]
            ]
            if pick.pegawai_id not in nips:
                nips[pick.pegawai_id] = conn.execute(
                    "SELECT nip FROM pegawai_ringkas WHERE pegawai_id = ?", (pick.pegawai_id,)
                ).fetchone()[0]
        result.append(
            Saran(
                mentee_id=pid,
                mentee_nip=nip,
                mentee_nama=nama,
                unit_nama=unit_nama,
                cpns_baru=True,
                mentor_id=pick.pegawai_id if pick else None,
                mentor_nip=nips.get(pick.pegawai_id) if pick else None,
                mentor_nama=pick.nama if pick else None,
                mentor_golongan=golongan.get(pick.pegawai_id) if pick else None,
                jumlah_mentee=pick.jumlah_mentee if pick else None,
            )
        )
    return result


def saran_untuk(db: Database, mentee_id: str, *, actor: str = "sistem") -> Calon | None:
    """The suggested mentor of one person (whether or not a new CPNS): for the pairing form."""
    conn = db.conn
    require(db, actor, "pegawai.baca", pegawai_id=mentee_id)
    row = _person(conn, mentee_id, tr("Mentee"))
    mentee = Calon(row[0], row[1], row[2], row[3], row[4], row[5])
    if mentee.unit_id is None:
        return None
    return saran_mentor(mentee, _calon(conn, "AND unit_id = ?", [mentee.unit_id]))


@dataclass(frozen=True)
class Pilihan:
    pegawai_id: str
    nip: str
    nama: str
    golongan: str | None
    unit_nama: str | None
    cpns_baru: bool


def pilihan_pegawai(
    db: Database, *, pada: date | None = None, actor: str = "sistem"
) -> list[Pilihan]:
    """The active PNS and CPNS the actor may read, new CPNS first (for the pairing form)."""
    conn = db.conn
    today = pada or date.today()
    roots = read_roots(db, actor, "pegawai.baca")
    where, params = "", []
    if roots is not None:
        units = units_under(conn, roots)
        where = f" AND e.unit_id IN ({', '.join('?' for _ in units) or 'NULL'})"
        params = list(units)
    out: list[Pilihan] = []
    for pid, nip, nama, gol, unit, status, tmt in conn.execute(
        "SELECT e.pegawai_id, e.nip, e.nama_lengkap, e.golongan_kode, e.unit_nama, "
        "e.status_kepegawaian, p.tmt_cpns FROM pegawai_ringkas e JOIN pegawai p "
        "ON p.id = e.pegawai_id WHERE e.deleted = 0 AND e.kedudukan = 'AKTIF' "
        f"AND e.status_kepegawaian IN ('CPNS', 'PNS'){where} ORDER BY e.nama_urut",
        params,
    ):
        try:
            tmt_day = date.fromisoformat(tmt) if tmt else None
        except ValueError:
            tmt_day = None
        out.append(Pilihan(pid, nip, nama, gol, unit, cpns_baru(status, tmt_day, today)))
    out.sort(key=lambda p: not p.cpns_baru)
    return out


def semua_calon(conn: sqlite3.Connection) -> list[tuple[Calon, date | None]]:
    """Every employee as the mentor rule sees them, with the TMT CPNS (for the demo, which
    pairs before any account exists), by unit and name."""
    out: list[tuple[Calon, date | None]] = []
    for pid, nama, unit, status, kedudukan, gol, tmt in conn.execute(
        "SELECT e.pegawai_id, e.nama_lengkap, e.unit_id, e.status_kepegawaian, e.kedudukan, "
        "e.golongan_urutan, p.tmt_cpns FROM pegawai_ringkas e JOIN pegawai p "
        "ON p.id = e.pegawai_id WHERE e.deleted = 0 ORDER BY e.unit_id, e.nama_urut"
    ):
        try:
            tmt_day = date.fromisoformat(tmt) if tmt else None
        except ValueError:
            tmt_day = None
        out.append((Calon(pid, nama, unit, status, kedudukan, gol), tmt_day))
    return out
