"""The agency's settings of the appraisal: the expected predikat distribution (``skp_kurva``)
and the periods of a year with their periodic evaluations (``skp_periode``), read and set."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.reference.loader import natural_id
from app.models.rules.skp import KURVA_AWAL, SEMUA, Pelaku, Periode, periode_rows
from app.models.skp.guard import pelaku_dari, refused_outside
from app.models.storage.db import Database
from app.models.storage.store import Store, Value

# -- expected distribution ----------------------------------------------------------------------


def kurva(conn: sqlite3.Connection) -> dict[str, int]:
    """The expected distribution: predikat kode -> percent, in the order of ``ref_predikat``."""
    rows = conn.execute(
        "SELECT p.kode, k.persen FROM ref_predikat p "
        "LEFT JOIN skp_kurva k ON k.predikat_kode = p.kode AND k.deleted = 0 "
        "WHERE p.deleted = 0 ORDER BY p.urutan"
    ).fetchall()
    if all(r[1] is None for r in rows):
        default = dict(KURVA_AWAL)
        return {str(r[0]): default.get(str(r[0]), 0) for r in rows}
    return {str(r[0]): int(r[1] or 0) for r in rows}


def update_kurva(db: Database, persen: Mapping[str, int], *, actor: str | Pelaku) -> None:
    """Set the expected distribution (admin). The percentages must add up to 100."""
    pelaku = pelaku_dari(db, actor)
    if not (pelaku.sistem or pelaku.admin):
        raise refused_outside(
            db,
            pelaku,
            "skp.kurva",
            tr("Akses ditolak: hanya admin yang dapat mengubah pola distribusi predikat."),
        )
    conn = db.conn
    known = kurva(conn)
    bad = [k for k in persen if k not in known]
    if bad:
        raise ValidationError(tr("Predikat {k} tidak dikenal.", k=", ".join(bad)), field="kurva")
    values = {**known, **{k: int(v) for k, v in persen.items()}}
    if any(v < 0 or v > 100 for v in values.values()) or sum(values.values()) != 100:
        raise ValidationError(
            tr(
                "Pola distribusi harus berjumlah 100% (sekarang {n}%), tiap predikat 0-100%.",
                n=sum(values.values()),
            ),
            field="kurva",
        )
    with Store(db).write(tr("Mengubah pola distribusi predikat SKP"), actor=pelaku.nama) as tx:
        for kode, value in values.items():
            row_id = natural_id("skp_kurva", kode)
            if conn.execute("SELECT 1 FROM skp_kurva WHERE id = ?", (row_id,)).fetchone():
                tx.update("skp_kurva", row_id, {"persen": value, "deleted": 0})
            else:
                tx.insert("skp_kurva", {"id": row_id, "predikat_kode": kode, "persen": value})


# -- periods ------------------------------------------------------------------------------------


def pola_periodik(conn: sqlite3.Connection, tahun: int) -> str:
    """The agency's choice for the year (else the latest earlier year's, else quarterly)."""
    row = conn.execute(
        "SELECT pola_periodik FROM skp_periode WHERE jenis = 'TAHUNAN' AND deleted = 0 "
        "AND tahun <= ? AND pola_periodik IS NOT NULL ORDER BY tahun DESC LIMIT 1",
        (tahun,),
    ).fetchone()
    return str(row[0]) if row else "TRIWULANAN"


def list_periode(conn: sqlite3.Connection, tahun: int) -> list[Periode]:
    """The stored periods of a year (annual first), or the default ones when none are stored."""
    rows = conn.execute(
        "SELECT tahun, jenis, ke, mulai, selesai FROM skp_periode WHERE tahun = ? AND deleted = 0 "
        "ORDER BY jenis <> 'TAHUNAN', ke",
        (tahun,),
    ).fetchall()
    if not rows:
        return periode_rows(tahun, pola_periodik(conn, tahun))
    return [Periode(int(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4])) for r in rows]


def update_periode(db: Database, tahun: int, pola: str, *, actor: str | Pelaku) -> list[Periode]:
    """Set the appraisal period of a year and its periodic evaluations (monthly or quarterly).
    Periods of the other pattern are deleted. Admin or operator for the whole agency."""
    pelaku = pelaku_dari(db, actor)
    if not (pelaku.sistem or pelaku.admin or SEMUA in pelaku.operator_unit):
        raise refused_outside(
            db,
            pelaku,
            "skp.periode",
            tr("Akses ditolak: periode SKP diatur oleh admin atau operator seluruh instansi."),
        )
    wanted = periode_rows(tahun, pola.strip().upper())
    conn = db.conn
    with Store(db).write(tr("Mengatur periode SKP {tahun}", tahun=tahun), actor=pelaku.nama) as tx:
        keep: set[str] = set()
        for p in wanted:
            row_id = natural_id("skp_periode", tahun, p.jenis, p.ke)
            keep.add(row_id)
            values: dict[str, Value] = {
                "tahun": tahun,
                "jenis": p.jenis,
                "ke": p.ke,
                "mulai": p.mulai,
                "selesai": p.selesai,
                "pola_periodik": pola.strip().upper() if p.jenis == "TAHUNAN" else None,
            }
            if conn.execute("SELECT 1 FROM skp_periode WHERE id = ?", (row_id,)).fetchone():
                tx.update("skp_periode", row_id, {**values, "deleted": 0})
            else:
                tx.insert("skp_periode", {"id": row_id, **values})
        for (row_id,) in conn.execute(
            "SELECT id FROM skp_periode WHERE tahun = ? AND deleted = 0", (tahun,)
        ).fetchall():
            if row_id not in keep:
                tx.delete("skp_periode", row_id)
    return wanted
