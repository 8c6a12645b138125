"""What every recap list shares: the title block of a sheet, the SQL restricting
``pegawai_ringkas`` (alias ``r``) to the active employees of a unit, and small converters."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tanggal, tr
from app.models.dokumen.penandatangan import get_pejabat
from app.models.errors import NotFoundError
from app.models.reference.loader import Referensi
from app.models.rules.nip import format_nip
from app.models.storage.instansi import get_setting
from app.models.storage.ringkas import UnitTree


@dataclass(frozen=True)
class KopLaporan:
    """What the title rows of every sheet say, and who signs a sheet that is signed (DUK):
    the place, the Kepala's office line, name and NIP (already grouped 8-6-1-3); empty when
    not known, and the sheet leaves a line to fill in by hand."""

    instansi: str
    unit: str | None
    tanggal: date
    tempat: str = ""
    ttd_jabatan: str = ""
    ttd_nama: str = ""
    ttd_nip: str = ""


def kop(conn: sqlite3.Connection, unit_id: str | None, on: date) -> KopLaporan:
    """Agency name (from the agency settings), the unit's name, the date of the recap and the
    Kepala who signs it (agency settings, else the pengesah of the SK templates)."""
    instansi = get_setting(conn, "nama_instansi") or tr("Instansi belum diisi")
    unit = None
    if unit_id:
        row = conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (unit_id,)).fetchone()
        unit = row[0] if row else None
    jabatan, nama, nip = _kepala(conn)
    return KopLaporan(
        instansi,
        unit,
        on,
        tempat=get_setting(conn, "ibu_kota") or "",
        ttd_jabatan=jabatan or (tr("KEPALA {instansi}", instansi=instansi.upper())),
        ttd_nama=nama,
        ttd_nip=format_nip(nip) if nip else "",
    )


def _kepala(conn: sqlite3.Connection) -> tuple[str, str, str]:
    """(office line, name, NIP) of the Kepala: the agency's Kepala BKPSDM (agency settings,
    :func:`app.models.dokumen.penandatangan.get_pejabat`), else the official who authenticates
    petikan and salinan in the SK templates when that is the Kepala, else empty."""
    kepala = get_pejabat(conn, "kepala_bkpsdm")
    jabatan = kepala.jabatan if kepala is not None else ""
    if kepala is not None and kepala.nama:
        return jabatan, kepala.nama, kepala.nip
    # Only a pengesah who is the Kepala (a Sekretaris may authenticate some templates).
    row = conn.execute(
        "SELECT sah_jabatan, sah_nama, sah_nip FROM templat_dokumen "
        "WHERE deleted = 0 AND trim(sah_nama) != '' AND upper(trim(sah_jabatan)) LIKE 'KEPALA%' "
        "ORDER BY kode LIMIT 1"
    ).fetchone()
    if row is None:
        return jabatan, "", ""
    return (jabatan or str(row[0] or "")), str(row[1]), str(row[2] or "")


def aktif_clause(alias: str = "r") -> str:
    """SQL keeping the employees still in service (reference data: ``ref_kedudukan.aktif``)."""
    return (
        f"+{alias}.deleted = 0 AND {alias}.kedudukan IN "
        "(SELECT kode FROM ref_kedudukan WHERE aktif = 1 AND deleted = 0)"
    )


def unit_clause(conn: sqlite3.Connection, unit_id: str | None) -> tuple[str, list[Any]]:
    """SQL restricting ``r`` (pegawai_ringkas) to a unit and everything under it."""
    if not unit_id:
        return "", []
    tree = UnitTree.load(conn)
    if unit_id not in tree.induk:
        raise NotFoundError(tr("Unit organisasi yang dipilih tidak ditemukan."))
    if tree.induk[unit_id] is None:
        return " AND r.opd_id = ?", [unit_id]
    units = sorted(tree.descendants(unit_id))
    return f" AND r.unit_id IN ({', '.join('?' for _ in units)})", units


def unit_clause_named(conn: sqlite3.Connection, unit_id: str | None) -> tuple[str, dict[str, Any]]:
    """:func:`unit_clause` with named parameters (``:u0``, ``:u1``...), for queries that name
    theirs."""
    unit_sql, unit_params = unit_clause(conn, unit_id)
    params: dict[str, Any] = {}
    for i, value in enumerate(unit_params):
        unit_sql = unit_sql.replace("?", f":u{i}", 1)
        params[f"u{i}"] = value
    return unit_sql, params


def parse_date(value: str | None) -> date | None:
    """An ISO date column (empty: None)."""
    return date.fromisoformat(value) if value else None


def pangkat_nama(ref: Referensi, kode: str | None) -> str | None:
    """The pangkat name of a golongan (None when unknown)."""
    row = ref.golongan.get(kode or "")
    return str(row["pangkat"]) if row and row.get("pangkat") else None


def keterangan_tanggal(on: date) -> str:
    """ "Keadaan per 22 November 2026"."""
    return tr("Keadaan per {tanggal}", tanggal=tanggal(on))
