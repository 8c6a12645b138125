"""Competency standards per position (``kompetensi_standar``): the required level 1-5 of each
competency for a jabatan (asn-rules 7.2), editable, copied from a similar position, or filled
with the default level of the post's jenjang (``ref_jenjang_jabatan.standar_kompetensi`` [?])
for the managerial and socio-cultural competencies."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.kompetensi.kamus import kompetensi_by_kode
from app.models.reference.loader import natural_id
from app.models.rules.kompetensi import LEVEL_MAX, LEVEL_MIN
from app.models.storage.db import Database
from app.models.storage.store import Store


@dataclass(frozen=True)
class Standar:
    kompetensi_kode: str
    nama: str
    jenis: str
    level: int


def standar_id(jabatan_id: str, kode: str) -> str:
    return natural_id("kompetensi_standar", jabatan_id, kode)


def _jabatan(conn: sqlite3.Connection, jabatan_id: str) -> tuple[str, str]:
    row = conn.execute(
        "SELECT nama, jenjang_kode FROM jabatan WHERE id = ? AND deleted = 0", (jabatan_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Jabatan yang dipilih tidak ditemukan."))
    return str(row[0]), str(row[1])


def find_jabatan(conn: sqlite3.Connection, text: str) -> str:
    """The id of a jabatan named by its id or its exact name (one match), else NotFoundError."""
    rows = conn.execute(
        "SELECT id FROM jabatan WHERE deleted = 0 AND (id = ? OR nama = ? COLLATE NOCASE)",
        (text, text),
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise NotFoundError(tr("Jabatan '{j}' tidak ditemukan.", j=text))
    raise ValidationError(
        tr("Ada {n} jabatan bernama '{j}': sebutkan id jabatannya.", n=len(rows), j=text),
        field="jabatan",
    )


def list_jabatan(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, "Nama jabatan — Unit") of every position, by name, for choosing one."""
    rows = conn.execute(
        "SELECT j.id, j.nama || ' — ' || u.nama FROM jabatan j "
        "JOIN unit_organisasi u ON u.id = j.unit_id WHERE j.deleted = 0 ORDER BY j.nama, u.nama"
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def list_level_jenjang(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """(jabatan_id, default level of its jenjang, unit name) of every position whose jenjang
    has a default level (``ref_jenjang_jabatan.standar_kompetensi`` [?]), by id."""
    rows = conn.execute(
        "SELECT j.id, r.standar_kompetensi, u.nama FROM jabatan j "
        "JOIN ref_jenjang_jabatan r ON r.kode = j.jenjang_kode "
        "JOIN unit_organisasi u ON u.id = j.unit_id "
        "WHERE j.deleted = 0 AND r.standar_kompetensi IS NOT NULL ORDER BY j.id"
    )
    return [(str(r[0]), int(r[1]), str(r[2])) for r in rows]


def list_standar(conn: sqlite3.Connection, jabatan_id: str) -> list[Standar]:
    """The standard of a position, in the library's order."""
    kamus = kompetensi_by_kode(conn)
    rows = conn.execute(
        "SELECT kompetensi_kode, level FROM kompetensi_standar "
        "WHERE jabatan_id = ? AND deleted = 0",
        (jabatan_id,),
    ).fetchall()
    order = {k: i for i, k in enumerate(kamus)}
    result = [
        Standar(
            r[0],
            kamus[r[0]].nama if r[0] in kamus else r[0],
            kamus[r[0]].jenis if r[0] in kamus else "",
            int(r[1]),
        )
        for r in rows
    ]
    return sorted(result, key=lambda s: (order.get(s.kompetensi_kode, 10**6), s.kompetensi_kode))


def check_levels(conn: sqlite3.Connection, levels: Mapping[str, int | None]) -> dict[str, int]:
    """The levels with every kode known and every level 1-5 (None: remove). Raises with the
    competency and the reason."""
    kamus = kompetensi_by_kode(conn)
    problems: list[str] = []
    clean: dict[str, int] = {}
    for kode, level in levels.items():
        if kode not in kamus:
            problems.append(tr("Kompetensi {k}: tidak ada di kamus kompetensi.", k=kode))
        elif level is not None and not (LEVEL_MIN <= int(level) <= LEVEL_MAX):
            problems.append(tr("Kompetensi {k}: level {v} di luar rentang 1-5.", k=kode, v=level))
        elif level is not None:
            clean[kode] = int(level)
    if problems:
        raise ValidationError("\n".join(problems), field="level", reasons=problems)
    return clean


def set_standar(
    db: Database,
    jabatan_id: str,
    levels: Mapping[str, int | None],
    *,
    replace: bool = False,
    actor: str = "sistem",
) -> int:
    """Set required levels of a position (None removes one; ``replace``: the given levels become
    the whole standard). All or nothing. Returns the number of rows written."""
    conn = db.conn
    nama, _ = _jabatan(conn, jabatan_id)
    clean = check_levels(conn, levels)
    removed = {k for k, v in levels.items() if v is None}
    current = {
        r[0]: (r[1], int(r[2]))
        for r in conn.execute(
            "SELECT kompetensi_kode, deleted, level FROM kompetensi_standar WHERE jabatan_id = ?",
            (jabatan_id,),
        )
    }
    if replace:
        removed |= {k for k, (deleted, _) in current.items() if not deleted and k not in clean}
    written = 0
    with Store(db).write(tr("Mengubah standar kompetensi jabatan {j}", j=nama), actor=actor) as tx:
        for kode, level in clean.items():
            sid = standar_id(jabatan_id, kode)
            if kode in current:
                written += bool(
                    tx.update("kompetensi_standar", sid, {"level": level, "deleted": 0})
                )
            else:
                tx.insert(
                    "kompetensi_standar",
                    {"id": sid, "jabatan_id": jabatan_id, "kompetensi_kode": kode, "level": level},
                )
                written += 1
        for kode in removed:
            if kode in current:
                written += tx.delete("kompetensi_standar", standar_id(jabatan_id, kode))
    return written


def copy_standar(
    db: Database, dari_jabatan_id: str, ke_jabatan_id: str, *, actor: str = "sistem"
) -> int:
    """Copy the standard of a similar position onto another (replacing its standard)."""
    source = list_standar(db.conn, dari_jabatan_id)
    _jabatan(db.conn, ke_jabatan_id)
    if not source:
        nama, _ = _jabatan(db.conn, dari_jabatan_id)
        raise ValidationError(
            tr("Jabatan {j} belum memiliki standar kompetensi untuk disalin.", j=nama),
            field="dari",
        )
    return set_standar(
        db, ke_jabatan_id, {s.kompetensi_kode: s.level for s in source}, replace=True, actor=actor
    )


def standar_bawaan(conn: sqlite3.Connection, jabatan_id: str) -> dict[str, int]:
    """The default standard of a position: every managerial and socio-cultural competency at
    the level its jenjang gives (``ref_jenjang_jabatan.standar_kompetensi`` [?]); empty when
    the jenjang has none."""
    _, jenjang = _jabatan(conn, jabatan_id)
    row = conn.execute(
        "SELECT standar_kompetensi FROM ref_jenjang_jabatan WHERE kode = ? AND deleted = 0",
        (jenjang,),
    ).fetchone()
    if row is None or row[0] is None:
        return {}
    level = int(row[0])
    return {
        k.kode: level
        for k in kompetensi_by_kode(conn).values()
        if k.jenis in ("MANAJERIAL", "SOSIAL_KULTURAL")
    }
