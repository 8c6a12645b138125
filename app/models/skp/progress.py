"""The SKPs of a year across the agency: the progress per unit with the predikat distribution,
and the list of employees with their SKP state. One aggregate query each over the employee
summary (``pegawai_ringkas``), never one per employee."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.i18n import tr
from app.models.organisasi.units import sub_units
from app.models.rules.skp import BELUM
from app.models.skp.pengaturan import kurva
from app.models.skp.types import Kemajuan, KemajuanBaris, SkpBaris


def kemajuan(conn: sqlite3.Connection, tahun: int, unit_id: str | None = None) -> Kemajuan:
    """Progress of a year per perangkat daerah (or per unit under ``unit_id``): one aggregate
    query over the employee summary and the SKPs."""
    codes = [
        str(r[0])
        for r in conn.execute("SELECT kode FROM ref_predikat WHERE deleted = 0 ORDER BY urutan")
    ]
    labels = {
        str(r[0]): str(r[1])
        for r in conn.execute("SELECT kode, nama FROM ref_predikat WHERE deleted = 0")
    }
    group = "c.opd_id" if unit_id is None else "c.unit_id"
    name = "c.opd_nama" if unit_id is None else "c.unit_nama"
    pred_cols = "".join(
        ", sum(s.status IN ('dinilai', 'ditetapkan') AND s.predikat_kode = ?)" for _ in codes
    )
    sql = (
        f"SELECT {group}, max({name}), count(*), sum(s.id IS NULL), sum(s.status = 'draft'), "
        "sum(s.status = 'diajukan'), sum(s.status = 'dinilai'), sum(s.status = 'ditetapkan')"
        f"{pred_cols} FROM pegawai_ringkas c "
        "LEFT JOIN skp s ON s.pegawai_id = c.pegawai_id AND s.tahun = ? AND s.deleted = 0 "
        "WHERE +c.deleted = 0 AND (c.kedudukan = 'AKTIF' OR s.id IS NOT NULL)"
    )
    params: list[Any] = [*codes, tahun]
    if unit_id is not None:
        sql += " AND c.unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sub_units(conn, unit_id)))
    sql += f" GROUP BY {group} ORDER BY {group} IS NULL, max({name})"
    baris: list[KemajuanBaris] = []
    for r in conn.execute(sql, params):
        counts = [int(x or 0) for x in r[2:]]
        baris.append(
            KemajuanBaris(
                unit_id=r[0],
                unit=str(r[1] or tr("(tanpa unit)")),
                pegawai=counts[0],
                belum=counts[1],
                draft=counts[2],
                diajukan=counts[3],
                dinilai=counts[4],
                ditetapkan=counts[5],
                predikat=dict(zip(codes, counts[6:], strict=True)),
            )
        )
    total = KemajuanBaris(
        unit_id=unit_id,
        unit=tr("Jumlah"),
        pegawai=sum(b.pegawai for b in baris),
        belum=sum(b.belum for b in baris),
        draft=sum(b.draft for b in baris),
        diajukan=sum(b.diajukan for b in baris),
        dinilai=sum(b.dinilai for b in baris),
        ditetapkan=sum(b.ditetapkan for b in baris),
        predikat={c: sum(b.predikat[c] for b in baris) for c in codes},
    )
    return Kemajuan(tahun, baris, total, kurva(conn), {c: labels[c] for c in codes})


def list_skp(
    conn: sqlite3.Connection,
    tahun: int,
    *,
    unit_id: str | None = None,
    status: str | None = None,
    penilai_id: str | None = None,
) -> list[SkpBaris]:
    """Employees with their SKP state for a year (``status`` BELUM: those without a plan;
    ``penilai_id``: the SKPs this person appraises or approves). One query."""
    sql = (
        "SELECT c.pegawai_id, s.id, c.nip, c.nama_lengkap, coalesce(s.nama_jabatan, "
        "c.jabatan_nama, ''), coalesce(c.unit_nama, ''), coalesce(s.status, ?), s.predikat_kode, "
        "coalesce(p.nama, ''), coalesce(n.nama_lengkap, ''), s.rating_hasil, s.rating_perilaku "
        "FROM pegawai_ringkas c "
        "LEFT JOIN skp s ON s.pegawai_id = c.pegawai_id AND s.tahun = ? AND s.deleted = 0 "
        "LEFT JOIN ref_predikat p ON p.kode = s.predikat_kode "
        "LEFT JOIN pegawai_ringkas n ON n.pegawai_id = s.penilai_id "
        "WHERE +c.deleted = 0 AND (c.kedudukan = 'AKTIF' OR s.id IS NOT NULL)"
    )
    params: list[Any] = [BELUM, tahun]
    if unit_id is not None:
        sql += " AND c.unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sub_units(conn, unit_id)))
    if status == BELUM:
        sql += " AND s.id IS NULL"
    elif status:
        sql += " AND s.status = ?"
        params.append(status)
    if penilai_id:
        sql += " AND (s.penilai_id = ? OR s.atasan_penilai_id = ?)"
        params += [penilai_id, penilai_id]
    sql += " ORDER BY c.unit_nama, c.nama_urut, c.nip"
    return [
        SkpBaris(
            str(r[0]),
            r[1],
            str(r[2]),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            str(r[6]),
            r[7],
            str(r[8]),
            str(r[9]),
            r[10],
            r[11],
        )
        for r in conn.execute(sql, params)
    ]
