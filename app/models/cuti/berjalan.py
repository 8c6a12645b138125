"""What a leave means outside the leave screens (issue 17, item 5): who is on a long leave
(cuti besar or CLTN) on a date, as one correlated subquery the lists add to their own SQL, and
the approved leave periods not counted as service (``ref_aturan_cuti.masa_kerja_dihitung = 0``:
CLTN) that move the KGB, KP and masa kerja computations
(:func:`app.models.rules.cuti.geser_tanggal`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta

from app.i18n import tanggal, tr
from app.models.access.akses import require
from app.models.errors import NotFoundError
from app.models.rules.cuti import Rentang
from app.models.storage.db import Database

# The kinds a list marks: long leaves during which the person is away for months.
JENIS_DITANDAI = ("BESAR", "CLTN")


def sql_cuti_berjalan(pegawai_id: str, pada: str) -> str:
    """A scalar subquery giving ``"<jenis>|<tanggal_selesai>"`` of the approved cuti besar or
    CLTN of the employee ``pegawai_id`` (an SQL expression) running on ``pada`` (a named or
    ``?`` parameter), or NULL. Uses the index ``cuti_pegawai (pegawai_id, tanggal_mulai)``."""
    kinds = ", ".join(f"'{k}'" for k in JENIS_DITANDAI)
    return (
        "(SELECT cb.jenis_kode || '|' || cb.tanggal_selesai FROM cuti cb "
        f"WHERE cb.pegawai_id = {pegawai_id} AND cb.tanggal_mulai <= {pada} "
        # "+": not the status index (every approved row), the person's index instead
        f"AND cb.tanggal_selesai >= {pada} AND +cb.deleted = 0 AND +cb.status = 'DISETUJUI' "
        f"AND cb.jenis_kode IN ({kinds}) "
        f"AND (cb.kembali_tanggal IS NULL OR cb.kembali_tanggal > {pada}) "
        "ORDER BY cb.tanggal_mulai DESC LIMIT 1)"
    )


def label_cuti(value: str | None) -> str | None:
    """The mark a list shows for a value of :func:`sql_cuti_berjalan`: "Cuti besar s.d. 12 Maret
    2027", "CLTN s.d. 30 September 2027"; None when not on such a leave."""
    if not value:
        return None
    jenis, _, selesai = value.partition("|")
    nama = {"BESAR": tr("Cuti besar"), "CLTN": tr("CLTN")}.get(jenis, jenis)
    return tr("{jenis} s.d. {t}", jenis=nama, t=tanggal(selesai))


def cuti_berjalan(conn: sqlite3.Connection, pegawai_id: str, pada: date) -> str | None:
    """The mark of one employee on ``pada`` (the employee detail header)."""
    row = conn.execute(
        f"SELECT {sql_cuti_berjalan(':pid', ':pada')}",
        {"pid": pegawai_id, "pada": pada.isoformat()},
    ).fetchone()
    return label_cuti(row[0] if row else None)


def periode_tidak_dihitung(
    conn: sqlite3.Connection, pegawai_ids: Iterable[str] | None = None
) -> dict[str, list[Rentang]]:
    """The approved leave periods not counted as service, by employee (all employees when
    ``pegawai_ids`` is None), from the rule in force on each leave's first day. A leave ended
    early by a return to duty stops the day before that return. One query."""
    # From the few rule rows not counted (CROSS JOIN keeps that order): one pass over the
    # leave rows of those kinds instead of a look-up of the rules for every leave row.
    sql = (
        "SELECT c.pegawai_id, c.tanggal_mulai, c.tanggal_selesai, c.kembali_tanggal, c.jenis_kode "
        "FROM ref_aturan_cuti a CROSS JOIN cuti c CROSS JOIN pegawai p "
        "WHERE a.deleted = 0 AND coalesce(a.masa_kerja_dihitung, 1) = 0 "
        "AND c.jenis_kode = a.jenis_cuti_kode AND c.deleted = 0 AND c.status = 'DISETUJUI' "
        "AND a.berlaku_mulai <= c.tanggal_mulai "
        "AND (a.berlaku_sampai IS NULL OR a.berlaku_sampai >= c.tanggal_mulai) "
        "AND p.id = c.pegawai_id AND p.jenis_asn = a.jenis_asn"
    )
    params: list[str] = []
    if pegawai_ids is not None:
        # a few people: their own leave rows through the index cuti_pegawai
        sql = sql.replace(
            "FROM ref_aturan_cuti a CROSS JOIN cuti c CROSS JOIN pegawai p",
            "FROM cuti c JOIN ref_aturan_cuti a JOIN pegawai p",
        ).replace("c.status =", "+c.status =")  # "+": not the status index
        sql += " AND c.pegawai_id IN (SELECT value FROM json_each(?))"
        params = [json.dumps(list(pegawai_ids))]
    out: dict[str, list[Rentang]] = {}
    for pid, mulai, selesai, kembali, jenis in conn.execute(sql, params):
        akhir = date.fromisoformat(selesai)
        if kembali and date.fromisoformat(kembali) <= akhir:
            akhir = date.fromisoformat(kembali) - timedelta(days=1)
        out.setdefault(str(pid), []).append(Rentang(date.fromisoformat(mulai), akhir, str(jenis)))
    return out


def periode_pegawai(db: Database, actor: str, nip: str) -> list[Rentang]:
    """The leave periods not counted as service of the employee with ``nip`` (the calculator's
    ``--nip``), for an actor allowed to read that employee (refused and audited otherwise)."""
    row = db.conn.execute(
        "SELECT id FROM pegawai WHERE nip = ? AND deleted = 0 ORDER BY id LIMIT 1",
        (nip.replace(" ", ""),),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pegawai dengan NIP {nip} tidak ditemukan.", nip=nip))
    pid = str(row[0])
    require(db, actor, "pegawai.baca", pegawai_id=pid)
    return periode_tidak_dihitung(db.conn, [pid]).get(pid, [])
