"""Export of the employee list as it is shown (same filter, same order) for a spreadsheet.

The rows come from :mod:`app.models.pegawai.read` (the summary table, paged by key) so that the file
holds exactly what the browser lists. Writing the file is :mod:`app.reports.excel.pegawai`'s
job; exporting personal data is audited as a sensitive read (:func:`record_export`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.models.access.akses import require
from app.models.pegawai import read as emp
from app.models.reference.loader import Referensi
from app.models.storage.db import Database
from app.models.storage.ringkas import UnitTree
from app.models.storage.store import Store

# Rows fetched from SQL at a time while the file is written.
CHUNK = 500


def _headers() -> list[tuple[str, str]]:
    """(field, column title) of each exported column, in order."""
    return [
        ("nip", tr("NIP")),
        ("nama_lengkap", tr("Nama")),
        ("jenis_kelamin", tr("Jenis kelamin")),
        ("tanggal_lahir", tr("Tanggal lahir")),
        ("jenis_asn", tr("Jenis ASN")),
        ("status", tr("Status kepegawaian")),
        ("kedudukan", tr("Kedudukan")),
        ("golongan", tr("Golongan")),
        ("pangkat", tr("Pangkat")),
        ("tmt_golongan", tr("TMT golongan")),
        ("jabatan", tr("Jabatan")),
        ("jenis_jabatan", tr("Jenis jabatan")),
        ("tmt_jabatan", tr("TMT jabatan")),
        ("unit", tr("Unit kerja")),
        ("opd", tr("Perangkat daerah")),
        ("pendidikan", tr("Pendidikan")),
    ]


DATE_FIELDS = frozenset({"tanggal_lahir", "tmt_golongan", "tmt_jabatan"})


def _as_date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def employee_export_rows(
    conn: sqlite3.Connection, flt: emp.EmployeeFilter
) -> tuple[list[str], Iterator[list[Any]]]:
    """Column titles and the rows of every employee matching ``flt``, in the list's order.

    Codes become the labels a reader expects (``L``/``P`` -> Laki-laki/Perempuan, kedudukan,
    jenis jabatan and pendidikan names, the pangkat of the golongan); dates are :class:`date`
    values. The keys are selected at once (cheap); the rows are read lazily, a chunk at a time,
    on the same connection, so consume the iterator in the thread that owns ``conn``.
    """
    columns = _headers()
    ids = emp.search_ids(conn, flt)
    ref = Referensi.load(conn)

    def labels(row: dict[str, Any]) -> list[Any]:
        values = dict(row)
        values["pangkat"] = ref.golongan.get(row.get("golongan") or "", {}).get("pangkat")
        jk = row.get("jenis_kelamin")
        values["jenis_kelamin"] = {"L": tr("Laki-laki"), "P": tr("Perempuan")}.get(jk or "", jk)
        values["kedudukan"] = ref.label("ref_kedudukan", row.get("kedudukan"))
        values["jenis_jabatan"] = ref.label("ref_jenis_jabatan", row.get("jenis_jabatan"))
        values["pendidikan"] = ref.label("ref_pendidikan", row.get("pendidikan"))
        out: list[Any] = []
        for name, _title in columns:
            value = values.get(name)
            if name in DATE_FIELDS:
                value = _as_date(value)
            elif value == "":
                value = None
            out.append(value)
        return out

    def rows() -> Iterator[list[Any]]:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            fetched = emp.fetch_rows(conn, chunk)
            for rowid in chunk:
                row = fetched.get(rowid)
                if row is not None:  # deleted meanwhile: leave it out
                    yield labels(row)

    return [title for _name, title in columns], rows()


def employee_export_count(conn: sqlite3.Connection, flt: emp.EmployeeFilter) -> int:
    """How many rows :func:`employee_export_rows` yields (for a progress bar)."""
    return len(emp.search_ids(conn, flt))


def describe_filter(conn: sqlite3.Connection, flt: emp.EmployeeFilter) -> str:
    """The filter in words, for the file's subtitle and the audit trail."""
    parts: list[str] = []
    if flt.search.strip():
        parts.append(tr("pencarian \u201c{text}\u201d", text=flt.search.strip()))
    if flt.unit_id:
        nama = UnitTree.load(conn).nama.get(flt.unit_id, flt.unit_id)
        parts.append(tr("unit {nama}", nama=nama))
    if flt.golongan:
        if len(flt.golongan) <= 4:
            parts.append(tr("golongan {kode}", kode=", ".join(flt.golongan)))
        else:
            parts.append(tr("{n} golongan", n=len(flt.golongan)))
    if flt.kelompok_jabatan:
        parts.append(tr("jabatan {kelompok}", kelompok=flt.kelompok_jabatan))
    if flt.status:
        parts.append(tr("status {status}", status=flt.status))
    if flt.kedudukan:
        ref = Referensi.load(conn)
        parts.append(tr("kedudukan {nama}", nama=ref.label("ref_kedudukan", flt.kedudukan).lower()))
    if not parts:
        return tr("Semua pegawai")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def check_export(db: Database, flt: emp.EmployeeFilter, *, actor: str) -> None:
    """Refuse (AccessDenied, audited) an export the signed-in user may not make. Call it
    before writing the file."""
    require(db, actor, "pegawai.ekspor", unit_id=flt.unit_id)


def record_export(
    db: Database, flt: emp.EmployeeFilter, path: Path | str, count: int, *, actor: str
) -> None:
    """Audit the export of personal data (a sensitive read: who, when, which list, where)."""
    check_export(db, flt, actor=actor)
    Store(db).record_read(
        tr("Mengekspor daftar pegawai"),
        actor=actor,
        tabel="pegawai",
        keterangan=tr(
            "{n} pegawai; {filter}; ke {path}",
            n=count,
            filter=describe_filter(db.conn, flt),
            path=Path(path).name,
        ),
    )
