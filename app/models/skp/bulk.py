"""Creating SKPs: one employee's, or every active employee's of a unit or the agency in one
transaction, with the appraiser derived from the position tree and last year's plan carried
forward when the position is unchanged."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.organisasi.units import sub_units
from app.models.reference.loader import natural_id
from app.models.rules.skp import SEMUA, Pelaku, SkpInfo, Status, Transisi, may
from app.models.skp.guard import check_pegawai, pelaku_dari, refused_outside
from app.models.skp.penilai import Positions
from app.models.skp.read import skp_id_for, unit_path
from app.models.skp.types import HasilMassal
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store, Value, WriteTx


def create_skp(
    db: Database,
    pegawai_id: str,
    tahun: int,
    *,
    actor: str | Pelaku,
    penilai_id: str | None = None,
    atasan_penilai_id: str | None = None,
) -> str:
    """Create the (draft) SKP of one employee for a year, with the appraiser derived from the
    position tree unless given, carrying last year's plan forward when the position is the
    same. Returns its id. Refused when it exists already."""
    pelaku = pelaku_dari(db, actor)
    conn = db.conn
    check_pegawai(conn, pegawai_id, "pegawai")
    unit = conn.execute(
        "SELECT unit_id FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai_id,)
    ).fetchone()
    probe = SkpInfo(
        id="",
        pegawai_id=pegawai_id,
        tahun=tahun,
        status=Status.DISETUJUI,  # the state in which AJUKAN is asked
        terkunci=False,
        penilai_id=None,
        atasan_penilai_id=None,
        unit_path=unit_path(conn, unit[0] if unit else None),
    )
    verdict = may(pelaku, probe, Transisi.AJUKAN)  # who may plan and submit may create
    if not verdict:
        raise refused_outside(
            db, pelaku, "skp.buat", verdict.alasan.replace(Transisi.AJUKAN.label, tr("membuat"))
        )
    result = _create(
        db,
        tahun,
        [pegawai_id],
        pelaku,
        aksi=tr("Membuat SKP {tahun}", tahun=tahun),
        penilai={pegawai_id: (penilai_id, atasan_penilai_id)} if penilai_id else None,
    )
    if not result.dibuat:
        raise ValidationError(
            tr("Pegawai ini sudah punya SKP tahun {tahun}.", tahun=tahun), field="tahun"
        )
    return skp_id_for(pegawai_id, tahun)


def create_massal(
    db: Database,
    tahun: int,
    *,
    actor: str | Pelaku,
    unit_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> HasilMassal:
    """Create draft SKPs for every active employee of a unit (with its sub-units) or of the
    whole agency who has none for the year; last year's plan is carried forward when the
    position is unchanged, the appraiser derived from the position tree. One transaction."""
    pelaku = pelaku_dari(db, actor)
    conn = db.conn
    if unit_id is not None:
        units: list[str] | None = sub_units(conn, unit_id)
    else:
        units = None
    allowed = pelaku.sistem or pelaku.admin or SEMUA in pelaku.operator_unit
    if not allowed and unit_id is not None:
        allowed = bool(pelaku.operator_unit & unit_path(conn, unit_id))
    if not allowed:
        raise refused_outside(
            db,
            pelaku,
            "skp.buat_massal",
            tr(
                "Akses ditolak: {nama} tidak berhak membuat SKP untuk {lingkup}; yang berhak "
                "operator kepegawaian unit itu atau admin.",
                nama=pelaku.nama,
                lingkup=tr("unit ini") if unit_id else tr("seluruh instansi"),
            ),
            unit_id,
        )
    sql = "SELECT pegawai_id FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = 'AKTIF'"
    params: list[Any] = []
    if units is not None:
        sql += " AND unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(units))
    ids = [str(r[0]) for r in conn.execute(sql + " ORDER BY unit_id, nama_urut", params)]
    return _create(
        db,
        tahun,
        ids,
        pelaku,
        aksi=tr("Membuat SKP {tahun} secara massal", tahun=tahun),
        progress=progress,
    )


def _create(
    db: Database,
    tahun: int,
    pegawai_ids: list[str],
    pelaku: Pelaku,
    *,
    aksi: str,
    penilai: Mapping[str, tuple[str | None, str | None]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> HasilMassal:
    conn = db.conn
    now = utc_now()
    with Store(db).write(aksi, actor=pelaku.nama) as tx:
        existing = {
            str(r[0]) for r in conn.execute("SELECT pegawai_id FROM skp WHERE tahun = ?", (tahun,))
        }
        todo = [p for p in pegawai_ids if p not in existing]
        pos = Positions.load(conn)
        # Last year's SKPs of these employees: carried forward when the position is the same.
        last = {
            str(r[0]): (str(r[1]), r[2])
            for r in conn.execute(
                "SELECT pegawai_id, id, jabatan_id FROM skp WHERE tahun = ? AND deleted = 0",
                (tahun - 1,),
            )
        }
        carry: dict[str, str] = {}  # new skp id -> old skp id
        rows: list[dict[str, Value]] = []
        for n, pid in enumerate(todo, start=1):
            jabatan_id, nama_jabatan, unit = pos.jabatan_of.get(pid, (None, "", None))
            if penilai and pid in penilai:
                penilai_id, atasan_id = penilai[pid]
                check_pegawai(conn, penilai_id, "penilai")
                check_pegawai(conn, atasan_id, "atasan_penilai")
                if atasan_id is None:
                    atasan_id = pos.superior(penilai_id)
            else:
                penilai_id = pos.superior(pid)
                atasan_id = pos.superior(penilai_id)
            new_id = skp_id_for(pid, tahun)
            rows.append(
                {
                    "id": new_id,
                    "pegawai_id": pid,
                    "tahun": tahun,
                    "jabatan_id": jabatan_id,
                    "nama_jabatan": nama_jabatan or None,
                    "unit_id": unit,
                    "penilai_id": penilai_id,
                    "atasan_penilai_id": atasan_id,
                    "status": Status.DRAFT,
                    "terkunci": 0,
                    "dibuat": now,
                }
            )
            old = last.get(pid)
            if old and jabatan_id and old[1] == jabatan_id:
                carry[new_id] = old[0]
            if progress and n % 1000 == 0:
                progress(n, len(todo))
        tx.insert_many("skp", rows)
        carried = _carry_forward(tx, conn, carry)
        if progress:
            progress(len(todo), len(todo))
    return HasilMassal(len(todo), carried, len(pegawai_ids) - len(todo))


def _carry_forward(tx: WriteTx, conn: sqlite3.Connection, carry: Mapping[str, str]) -> int:
    """Copy results, indicators (targets, not realisations) and expected behaviours of last
    year's SKPs. Ids derive from the source rows, so two installations doing the same carry
    meet as one row. Links to last year's superior results are not carried (they belong to
    last year's SKP of the superior). Returns how many new SKPs received something."""
    if not carry:
        return 0
    old_to_new = {old: new for new, old in carry.items()}
    olds = json.dumps(list(old_to_new))
    hk_rows: list[dict[str, Value]] = []
    hk_map: dict[str, str] = {}
    for r in conn.execute(
        "SELECT id, skp_id, urutan, jenis, uraian FROM skp_hasil_kerja "
        "WHERE skp_id IN (SELECT value FROM json_each(?)) AND deleted = 0",
        (olds,),
    ):
        new_skp = old_to_new[str(r[1])]
        new_id = natural_id("skp_hasil_kerja", new_skp, r[0])
        hk_map[str(r[0])] = new_id
        hk_rows.append(
            {"id": new_id, "skp_id": new_skp, "urutan": r[2], "jenis": r[3], "uraian": r[4]}
        )
    tx.insert_many("skp_hasil_kerja", hk_rows)
    ind_rows: list[dict[str, Value]] = []
    for r in conn.execute(
        "SELECT i.id, i.hasil_kerja_id, i.urutan, i.indikator, i.target FROM skp_indikator i "
        "JOIN skp_hasil_kerja h ON h.id = i.hasil_kerja_id "
        "WHERE h.skp_id IN (SELECT value FROM json_each(?)) AND i.deleted = 0 AND h.deleted = 0",
        (olds,),
    ):
        new_hk = hk_map[str(r[1])]
        ind_rows.append(
            {
                "id": natural_id("skp_indikator", new_hk, r[0]),
                "hasil_kerja_id": new_hk,
                "urutan": r[2],
                "indikator": r[3],
                "target": r[4],
            }
        )
    tx.insert_many("skp_indikator", ind_rows)
    per_rows: list[dict[str, Value]] = []
    for r in conn.execute(
        "SELECT skp_id, nilai_kode, ekspektasi FROM skp_perilaku "
        "WHERE skp_id IN (SELECT value FROM json_each(?)) AND deleted = 0 "
        "AND coalesce(ekspektasi, '') <> ''",
        (olds,),
    ):
        new_skp = old_to_new[str(r[0])]
        per_rows.append(
            {
                "id": natural_id("skp_perilaku", new_skp, r[1]),
                "skp_id": new_skp,
                "nilai_kode": r[1],
                "ekspektasi": r[2],
            }
        )
    tx.insert_many("skp_perilaku", per_rows)
    return len({r["skp_id"] for r in hk_rows} | {r["skp_id"] for r in per_rows})
