"""The agency's settings of the appraisal: the pola distribusi per level of capaian kinerja
organisasi (``ref_kurva_predikat``) with the capaian of each unit per year
(``skp_capaian_organisasi``), and the periods of a year with their periodic evaluations
(``skp_periode``), read and set."""

from __future__ import annotations

import sqlite3

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.reference.loader import natural_id
from app.models.rules.skp import SEMUA, AturanKurva, Pelaku, Periode, periode_rows
from app.models.skp.guard import pelaku_dari, refused_outside
from app.models.storage.db import Database
from app.models.storage.store import Store, Value

# -- expected distribution ----------------------------------------------------------------------


def aturan_kurva(conn: sqlite3.Connection) -> dict[str, list[AturanKurva]]:
    """The pola distribusi: capaian kinerja organisasi kode -> its rules (``ref_kurva_predikat``,
    editable reference data), every level present (an empty list when it has no rule)."""
    result: dict[str, list[AturanKurva]] = {
        str(r[0]): []
        for r in conn.execute(
            "SELECT kode FROM ref_capaian_organisasi WHERE deleted = 0 ORDER BY urutan"
        )
    }
    for r in conn.execute(
        "SELECT capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang "
        "FROM ref_kurva_predikat WHERE deleted = 0 ORDER BY urutan, kode"
    ):
        group = tuple(k.strip() for k in str(r[1] or "").split(",") if k.strip())
        result.setdefault(str(r[0]), []).append(AturanKurva(str(r[0]), group, r[2], r[3], r[4]))
    return result


def capaian_options(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kode, nama) of the levels of capaian kinerja organisasi, for a chooser."""
    return [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT kode, nama FROM ref_capaian_organisasi WHERE deleted = 0 ORDER BY urutan"
        )
    ]


def capaian_organisasi(conn: sqlite3.Connection, tahun: int) -> dict[str, str]:
    """The recorded capaian kinerja organisasi of a year: unit id -> ref_capaian_organisasi kode."""
    return {
        str(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT unit_id, capaian_kode FROM skp_capaian_organisasi WHERE tahun = ? "
            "AND deleted = 0",
            (tahun,),
        )
    }


def update_capaian_organisasi(
    db: Database,
    unit_id: str,
    tahun: int,
    capaian: str | None,
    *,
    actor: str | Pelaku,
    catatan: str | None = None,
) -> None:
    """Record the capaian kinerja organisasi of a unit in a year (None: remove it), which picks
    the curve the unit's predikat are checked against (asn-rules 4.5). Admin or operator for
    the whole agency."""
    pelaku = pelaku_dari(db, actor)
    if not (pelaku.sistem or pelaku.admin or SEMUA in pelaku.operator_unit):
        raise refused_outside(
            db,
            pelaku,
            "skp.capaian_organisasi",
            tr(
                "Akses ditolak: capaian kinerja organisasi dicatat oleh admin atau operator "
                "seluruh instansi."
            ),
            unit_id,
        )
    conn = db.conn
    kode = (capaian or "").strip().upper().replace(" ", "_") or None
    known = [
        str(r[0])
        for r in conn.execute(
            "SELECT kode FROM ref_capaian_organisasi WHERE deleted = 0 ORDER BY urutan"
        )
    ]
    if kode is not None and kode not in known:
        raise ValidationError(
            tr(
                "Capaian kinerja organisasi '{c}' tidak dikenal; pilih salah satu: {daftar}.",
                c=capaian,
                daftar=", ".join(known),
            ),
            field="capaian",
        )
    if not conn.execute(
        "SELECT 1 FROM unit_organisasi WHERE id = ? AND deleted = 0", (unit_id,)
    ).fetchone():
        raise ValidationError(tr("Unit organisasi tidak ditemukan."), field="unit")
    row_id = natural_id("skp_capaian_organisasi", unit_id, tahun)
    aksi = tr("Mencatat capaian kinerja organisasi {tahun}", tahun=tahun)
    with Store(db).write(aksi, actor=pelaku.nama) as tx:
        exists = conn.execute(
            "SELECT 1 FROM skp_capaian_organisasi WHERE id = ?", (row_id,)
        ).fetchone()
        if kode is None:
            if exists:
                tx.delete("skp_capaian_organisasi", row_id)
            return
        values: dict[str, Value] = {"capaian_kode": kode, "catatan": catatan or None}
        if exists:
            tx.update("skp_capaian_organisasi", row_id, {**values, "deleted": 0})
        else:
            tx.insert(
                "skp_capaian_organisasi",
                {"id": row_id, "unit_id": unit_id, "tahun": tahun, **values},
            )


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
