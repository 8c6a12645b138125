"""The SKPs of a year across the agency: the progress per unit with the predikat distribution
checked against the unit's curve, and the list of employees with their SKP state. One aggregate
query each over the employee summary (``pegawai_ringkas``), never one per employee.

A year that is known only from the employee's SKP history (``riwayat_skp``: imported from a
spreadsheet, typed in the history tab, made by the demo) counts as ditetapkan with the predikat
of that row: the page and ``merit skp status`` no longer report such employees as having no
SKP."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.organisasi.units import sub_units
from app.models.rules.skp import BELUM, batas_keberatan, check_distribusi
from app.models.skp.pengaturan import aturan_kurva, capaian_organisasi
from app.models.skp.read import hari_keberatan
from app.models.skp.types import Kemajuan, KemajuanBaris, SkpBaris

# The states in which an SKP carries a predikat that counts in the distribution.
DINILAI_KE_ATAS = ("dinilai", "ditetapkan", "keberatan", "final")
STATES = ("draft", "disetujui", "diajukan", "dinilai", "ditetapkan", "keberatan", "final")


# The effective state and predikat of an employee's year: the SKP's, else the history row's
# (counted as ditetapkan), else none.
_ST = (
    "(CASE WHEN s.id IS NOT NULL THEN s.status WHEN r.id IS NOT NULL THEN 'ditetapkan' "
    "ELSE 'belum' END)"
)
_PRED = "(CASE WHEN s.id IS NOT NULL THEN s.predikat_kode ELSE r.predikat_kode END)"


def _from(unit_filter: bool, joins: str = "") -> str:
    """Every employee of the year (active, or with an SKP or a history row of the year), with
    the SKP ``s`` and, when there is none, the history row ``r``. Parameters: tahun, tahun,
    [units json]. One history row per employee and year (its id is natural, as the KP list of
    :mod:`app.models.rekap.kp` also assumes)."""
    where = " AND c.unit_id IN (SELECT value FROM json_each(?))" if unit_filter else ""
    return (
        " FROM pegawai_ringkas c"
        " LEFT JOIN skp s ON s.pegawai_id = c.pegawai_id AND s.tahun = ? AND s.deleted = 0"
        " LEFT JOIN riwayat_skp r ON s.id IS NULL AND r.pegawai_id = c.pegawai_id"
        f" AND r.tahun = ? AND r.deleted = 0{joins}"
        f" WHERE +c.deleted = 0{where}"
        " AND (c.kedudukan = 'AKTIF' OR s.id IS NOT NULL OR r.id IS NOT NULL)"
    )


def kemajuan(conn: sqlite3.Connection, tahun: int, unit_id: str | None = None) -> Kemajuan:
    """Progress of a year per perangkat daerah (or per unit under ``unit_id``): one aggregate
    query over the employee summary, the SKPs and the SKP history. Each unit whose capaian
    kinerja organisasi of the year is recorded is checked against its curve (a warning)."""
    codes = [
        str(r[0])
        for r in conn.execute("SELECT kode FROM ref_predikat WHERE deleted = 0 ORDER BY urutan")
    ]
    labels = {
        str(r[0]): str(r[1])
        for r in conn.execute("SELECT kode, nama FROM ref_predikat WHERE deleted = 0")
    }
    capaian_labels = {
        str(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT kode, nama FROM ref_capaian_organisasi WHERE deleted = 0 ORDER BY urutan"
        )
    }
    group = "opd_id" if unit_id is None else "unit_id"
    name = "opd_nama" if unit_id is None else "unit_nama"
    in_list = ", ".join(f"'{s}'" for s in DINILAI_KE_ATAS)
    pred_cols = "".join(f", sum(st IN ({in_list}) AND pred = ?)" for _ in codes)
    state_cols = "".join(f", sum(st = '{s}')" for s in STATES)
    # LIMIT -1 keeps the inner query a co-routine (not flattened into the aggregate), so that
    # the state and predikat of a row are worked out once, not once per sum.
    sql = (
        f"SELECT grp, max(nama), count(*), sum(st = '{BELUM}'){state_cols},"
        " sum(skp_id IS NULL AND riwayat_id IS NOT NULL)"
        f"{pred_cols} FROM (SELECT c.{group} AS grp, c.{name} AS nama, {_ST} AS st,"
        f" {_PRED} AS pred, s.id AS skp_id, r.id AS riwayat_id{_from(unit_id is not None)}"
        " LIMIT -1) GROUP BY grp ORDER BY grp IS NULL, max(nama)"
    )
    params: list[Any] = [*codes, tahun, tahun]
    if unit_id is not None:
        params.append(json.dumps(sub_units(conn, unit_id)))
    aturan = aturan_kurva(conn)
    capaian = capaian_organisasi(conn, tahun)
    baris: list[KemajuanBaris] = []
    for r in conn.execute(sql, params):
        counts = [int(x or 0) for x in r[2:]]
        predikat = dict(zip(codes, counts[10:], strict=True))
        # The agency view checks each perangkat daerah (its row covers its sub-units); inside a
        # unit only the total is checked, the rows being the members of each unit directly.
        level = capaian.get(str(r[0])) if r[0] and unit_id is None else None
        baris.append(
            _baris(r[0], str(r[1] or tr("(tanpa unit)")), counts, predikat, level, aturan, labels)
        )
    level = capaian.get(unit_id) if unit_id else None
    sums = [sum(b_counts) for b_counts in zip(*(_counts(b) for b in baris), strict=True)] or [
        0
    ] * 10
    predikat = {c: sum(b.predikat[c] for b in baris) for c in codes}
    total = _baris(unit_id, tr("Jumlah"), sums, predikat, level, aturan, labels)
    return Kemajuan(tahun, baris, total, aturan, {c: labels[c] for c in codes}, capaian_labels)


def _counts(b: KemajuanBaris) -> list[int]:
    return [
        b.pegawai, b.belum, b.draft, b.disetujui, b.diajukan, b.dinilai, b.ditetapkan,
        b.keberatan, b.final, b.dari_riwayat,
    ]  # fmt: skip


def _baris(
    unit_id: str | None,
    unit: str,
    counts: list[int],
    predikat: dict[str, int],
    capaian: str | None,
    aturan: dict[str, Any],
    labels: dict[str, str],
) -> KemajuanBaris:
    pegawai, belum, draft, disetujui, diajukan, dinilai, ditetapkan, keberatan, final, riwayat = (
        counts[:10]
    )
    warnings = tuple(check_distribusi(aturan.get(capaian, []), predikat, labels)) if capaian else ()
    return KemajuanBaris(
        unit_id=unit_id,
        unit=unit,
        pegawai=pegawai,
        belum=belum,
        draft=draft,
        diajukan=diajukan,
        dinilai=dinilai,
        ditetapkan=ditetapkan,
        predikat=predikat,
        disetujui=disetujui,
        keberatan=keberatan,
        final=final,
        dari_riwayat=riwayat,
        capaian=capaian,
        peringatan=warnings,
    )


def list_skp(
    conn: sqlite3.Connection,
    tahun: int,
    *,
    unit_id: str | None = None,
    status: str | None = None,
    penilai_id: str | None = None,
) -> list[SkpBaris]:
    """Employees with their SKP state for a year (``status`` BELUM: those with neither an SKP
    nor a history row; ``ditetapkan`` includes the years known only from the history;
    ``penilai_id``: the SKPs this person appraises or decides the keberatan of). One query."""
    sql = (
        "SELECT c.pegawai_id, s.id, c.nip, c.nama_lengkap,"
        " coalesce(s.nama_jabatan, c.jabatan_nama, ''), coalesce(c.unit_nama, ''),"
        f" {_ST}, {_PRED}, coalesce(p.nama, ''),"
        " coalesce(n.nama_lengkap, r.penilai_nama, ''), coalesce(s.rating_hasil, r.rating_hasil),"
        " coalesce(s.rating_perilaku, r.rating_perilaku), r.id IS NOT NULL, s.batas_keberatan,"
        " s.ditetapkan"
    )
    sql += _from(
        unit_id is not None,
        f" LEFT JOIN ref_predikat p ON p.kode = {_PRED}"
        " LEFT JOIN pegawai_ringkas n ON n.pegawai_id = s.penilai_id",
    )
    params: list[Any] = [tahun, tahun]
    if unit_id is not None:
        params.append(json.dumps(sub_units(conn, unit_id)))
    if status:
        sql += f" AND {_ST} = ?"
        params.append(status)
    if penilai_id:
        sql += " AND (s.penilai_id = ? OR s.atasan_penilai_id = ?)"
        params += [penilai_id, penilai_id]
    sql += " ORDER BY c.unit_nama, c.nama_urut, c.nip"
    days: int | None = None
    rows: list[SkpBaris] = []
    for r in conn.execute(sql, params):
        batas = r[13]
        if batas is None and r[6] == "ditetapkan" and r[14]:
            days = hari_keberatan(conn) if days is None else days
            batas = batas_keberatan(date.fromisoformat(str(r[14])[:10]), days).isoformat()
        rows.append(
            SkpBaris(
                pegawai_id=str(r[0]),
                skp_id=r[1],
                nip=str(r[2]),
                nama=str(r[3]),
                jabatan=str(r[4]),
                unit=str(r[5]),
                status=str(r[6]),
                predikat_kode=r[7],
                predikat=str(r[8]),
                penilai=str(r[9]),
                rating_hasil=r[10],
                rating_perilaku=r[11],
                sumber="riwayat" if r[12] else "skp",
                batas_keberatan=batas,
            )
        )
    return rows
