"""Keeping employee records: create, change, leave service, delete and restore.

Every write goes through :meth:`Store.write` (one transaction, one batch, one audit entry; the
derived ``pegawai_ringkas`` is refreshed by the write path itself). Validation
(:mod:`app.models.pegawai.checks`) runs inside the same transaction, so a NIP taken by someone
else a moment ago is still seen. Histories are written by :mod:`app.models.pegawai.history`.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Mapping, Sequence
from datetime import date

from app.i18n import tanggal, tr
from app.models.errors import NotFoundError, ValidationError
from app.models.pegawai.checks import check_employee, normalise_employee
from app.models.pegawai.fields import (
    EMPLOYEE_COLUMNS,
    EMPLOYEE_FIELDS,
    check_known_fields,
    history_kind,
    history_tables,
    kedudukan_options,
)
from app.models.pegawai.history import insert_history
from app.models.pegawai.read import employee_row, find_pegawai_id, live_employee_row
from app.models.reference.loader import Referensi
from app.models.rules.pegawai import (
    Issues,
    Value,
    date_or_none,
    jenis_asn_of,
    match_code,
    parse_tanggal,
    raise_for,
)
from app.models.storage.db import Database
from app.models.storage.store import Store


def employee_form_data(conn: sqlite3.Connection, pegawai_id: str) -> dict[str, str | None]:
    """The stored values of an employee in JSON names (for a form's ``load()``)."""
    row = employee_row(conn, pegawai_id)
    return {name: row[column] for name, column in EMPLOYEE_COLUMNS.items()}


def _employee_columns(v: Mapping[str, str | None], ref: Referensi) -> dict[str, Value]:
    cols: dict[str, Value] = {EMPLOYEE_COLUMNS[k]: val for k, val in v.items()}
    if "status" in v:
        cols["jenis_asn"] = jenis_asn_of(v["status"], ref)
    return cols


def create_employee(
    db: Database,
    data: Mapping[str, object],
    *,
    actor: str,
    today: date | None = None,
    first_history: Mapping[str, Mapping[str, object]] | None = None,
) -> str:
    """Record a new employee (active). Returns the new id. Raises ValidationError.

    ``first_history`` (kind -> fields, e.g. ``{"pangkat": {...}, "jabatan": {...}}``) are the
    first history rows (golongan, jabatan with its unit), written in the same write; their
    problems name the field as ``kind.field`` (``pangkat.tmt``)."""
    check_known_fields(data, EMPLOYEE_FIELDS, tr("data pegawai"))
    histories = {}
    for kind, fields in (first_history or {}).items():
        spec = history_kind(kind)
        check_known_fields(fields, [f.name for f in spec.fields],
                           tr("riwayat {judul}", judul=spec.title))  # fmt: skip
        histories[spec.name] = {f.name: fields.get(f.name) for f in spec.fields}
    conn = db.conn
    ref = Referensi.load(conn)
    full = {name: data.get(name) for name in EMPLOYEE_FIELDS}
    with Store(db).write(tr("Menambah pegawai"), actor=actor) as tx:
        issues = check_employee(conn, full, ref=ref, today=today)
        raise_for(issues)
        v, _ = normalise_employee(full, ref)
        row = _employee_columns(v, ref)
        row["kedudukan"] = "AKTIF"
        pegawai_id = tx.insert("pegawai", row)
        for kind, fields in histories.items():
            insert_history(tx, conn, pegawai_id, kind, fields, ref=ref, today=today,
                           prefix=kind + ".")  # fmt: skip
        return pegawai_id


def update_employee(
    db: Database,
    pegawai_id: str,
    changes: Mapping[str, object],
    *,
    actor: str,
    today: date | None = None,
) -> list[str]:
    """Change fields of an employee. Only values that really change are written. Returns the
    JSON names of the changed fields (empty when nothing changed)."""
    check_known_fields(changes, EMPLOYEE_FIELDS, tr("data pegawai"))
    conn = db.conn
    ref = Referensi.load(conn)
    with Store(db).write(tr("Mengubah data pegawai"), actor=actor) as tx:
        current = employee_form_data(conn, pegawai_id)
        if employee_row(conn, pegawai_id)["deleted"]:
            raise NotFoundError(tr("Pegawai ini sudah dihapus; pulihkan dulu bila perlu."))
        merged = {**current, **changes}
        new, _ = normalise_employee(merged, ref)
        changed = [k for k in changes if new.get(k) != current.get(k)]
        if not changed:
            return []
        issues = check_employee(conn, merged, pegawai_id=pegawai_id, ref=ref, today=today)
        raise_for(issues, changed)
        tx.update("pegawai", pegawai_id, _employee_columns({k: new[k] for k in changed}, ref))
        return changed


# -- set FIELD=VALUE (command line) ---------------------------------------------------------------


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["telepon=0812", "nama=Budi Santoso"]`` -> a dict. Raises ValidationError."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lower()
        if not sep or not name:
            raise ValidationError(
                tr("'{item}' bukan KOLOM=NILAI, mis. telepon=081234567890.", item=item),
                field=name or None,
            )
        if name in out:
            raise ValidationError(tr("Kolom {kolom} diisi dua kali.", kolom=name), field=name)
        out[name] = value
    if not out:
        raise ValidationError(tr("Tidak ada kolom yang diubah; tulis KOLOM=NILAI."))
    return out


def set_fields(
    db: Database,
    nip: str,
    assignments: Mapping[str, str],
    *,
    actor: str,
    today: date | None = None,
) -> list[str]:
    """Set fields of the employee with this NIP (``merit employees set``). An empty value
    clears the field. Returns the changed field names. Unknown names list the valid ones."""
    check_known_fields(assignments, EMPLOYEE_FIELDS, tr("data pegawai"))
    pegawai_id = find_pegawai_id(db.conn, nip)
    return update_employee(db, pegawai_id, dict(assignments), actor=actor, today=today)


# -- leaving service, deletion --------------------------------------------------------------------


def _active_kode(ref: Referensi) -> str:
    for kode, row in ref.table("ref_kedudukan").items():
        if row.get("aktif"):
            return kode
    return "AKTIF"


def leave_service(
    db: Database,
    pegawai_id: str,
    kedudukan: str,
    tmt: object,
    *,
    actor: str,
    keterangan: str | None = None,
    today: date | None = None,
) -> None:
    """Record that an employee left service (pensiun, meninggal, pindah, berhenti) from ``tmt``.

    A dated status change: the record and its histories stay. Refused when the employee is not
    active, when the kedudukan is unknown, or when the date is implausible.
    """
    conn = db.conn
    ref = Referensi.load(conn)
    today = today or date.today()
    labels = {"kedudukan": tr("Kedudukan"), "tmt": tr("TMT")}
    issues = Issues(labels)
    options = dict(kedudukan_options(ref))
    kode = match_code({k: {"nama": v} for k, v in options.items()}, str(kedudukan).strip().upper())
    kode = kode or match_code({k: {"nama": v} for k, v in options.items()}, str(kedudukan))
    if kode is None:
        issues.error(
            "kedudukan",
            tr("'{nilai}' tidak dikenal; pilih salah satu: {pilihan}.",
               nilai=kedudukan, pilihan=", ".join(k.lower() for k in options)),
        )  # fmt: skip
    when: date | None = None
    try:
        when = parse_tanggal(tmt)
    except ValueError as exc:
        issues.error("tmt", str(exc))
    with Store(db).write(tr("Mencatat pegawai keluar dari dinas"), actor=actor,
                         keterangan=keterangan) as tx:  # fmt: skip
        row = live_employee_row(conn, pegawai_id)
        if row["kedudukan"] != _active_kode(ref):
            raise ValidationError(
                tr("{nama} sudah tidak aktif ({kedudukan} sejak {tgl}).",
                   nama=row["nama"], kedudukan=ref.label("ref_kedudukan", row["kedudukan"]),
                   tgl=tanggal(row["tmt_kedudukan"])),
                field="kedudukan",
            )  # fmt: skip
        if when is not None:
            if when > today:
                issues.error(
                    "tmt", tr("tidak boleh setelah hari ini; catat pada tanggal berlakunya.")
                )
            start = date_or_none(row["tmt_cpns"]) or date_or_none(row["tanggal_lahir"])
            if start is not None and when < start:
                issues.error("tmt", tr("tidak boleh sebelum {tgl}.", tgl=tanggal(start)))
        raise_for(issues.items)
        assert kode is not None and when is not None
        tx.update("pegawai", pegawai_id, {"kedudukan": kode, "tmt_kedudukan": when.isoformat()})


def reactivate(db: Database, pegawai_id: str, *, actor: str, keterangan: str | None = None) -> None:
    """Undo :func:`leave_service` (recorded by mistake): the employee is active again."""
    conn = db.conn
    ref = Referensi.load(conn)
    with Store(db).write(tr("Mengaktifkan kembali pegawai"), actor=actor,
                         keterangan=keterangan) as tx:  # fmt: skip
        row = live_employee_row(conn, pegawai_id)
        active = _active_kode(ref)
        if row["kedudukan"] == active:
            raise ValidationError(tr("{nama} masih aktif.", nama=row["nama"]), field="kedudukan")
        tx.update("pegawai", pegawai_id, {"kedudukan": active, "tmt_kedudukan": None})


def delete_employee(db: Database, pegawai_id: str, *, actor: str) -> int:
    """Soft-delete a record created by mistake, with its histories (replicated as deleted=1).

    For people who left service use :func:`leave_service`. Returns how many rows were deleted.
    """
    conn = db.conn
    with Store(db).write(tr("Menghapus pegawai"), actor=actor,
                         keterangan=f"pegawai {pegawai_id}") as tx:  # fmt: skip
        live_employee_row(conn, pegawai_id)
        count = 0
        for table in history_tables():
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM {table} WHERE pegawai_id = ? AND deleted = 0 ORDER BY id",
                    (pegawai_id,),
                )
            ]
            for row_id in ids:
                count += tx.delete(table, row_id)
        count += tx.delete("pegawai", pegawai_id)
        return count


def _deleted_together(conn: sqlite3.Connection, pegawai_id: str) -> set[tuple[str, str]] | None:
    """The (table, id) rows soft-deleted with the employee, from the batch of the deletion
    recorded on this installation; None when it is not found (deleted elsewhere)."""
    audit = conn.execute(
        "SELECT batch_origin, batch_seq FROM lokal_audit WHERE keterangan LIKE ? "
        "AND batch_origin IS NOT NULL ORDER BY no DESC LIMIT 1",
        (f"pegawai {pegawai_id}%",),
    ).fetchone()
    if audit is None:
        return None
    rows: set[tuple[str, str]] = set()
    found = False
    for (blob,) in conn.execute(
        "SELECT ops FROM lokal_batch WHERE origin = ? AND seq >= ? ORDER BY seq LIMIT 50",
        (audit[0], audit[1]),
    ):
        for table, row_id, fields in json.loads(zlib.decompress(blob)):
            if fields.get("deleted") == 1 and len(fields) == 1:
                rows.add((table, row_id))
                if table == "pegawai" and row_id == pegawai_id:
                    found = True
        if found:
            return rows
    return None


def undelete_employee(db: Database, pegawai_id: str, *, actor: str) -> int:
    """Restore an employee deleted by :func:`delete_employee`, with the histories deleted at
    the same time (all deleted histories when the deletion came from another installation)."""
    conn = db.conn
    with Store(db).write(tr("Memulihkan pegawai"), actor=actor) as tx:
        row = employee_row(conn, pegawai_id)
        if not row["deleted"]:
            raise ValidationError(tr("{nama} tidak dalam keadaan terhapus.", nama=row["nama"]))
        other = conn.execute(
            "SELECT nama FROM pegawai WHERE nip = ? AND deleted = 0 AND id != ?",
            (row["nip"], pegawai_id),
        ).fetchone()
        if other is not None:
            raise ValidationError(
                tr("NIP {nip} sekarang dipakai oleh {nama}; pegawai ini tidak dapat dipulihkan.",
                   nip=row["nip"], nama=other[0]),
                field="nip",
            )  # fmt: skip
        together = _deleted_together(conn, pegawai_id)
        count = int(tx.undelete("pegawai", pegawai_id))
        for table in history_tables():
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM {table} WHERE pegawai_id = ? AND deleted = 1 ORDER BY id",
                    (pegawai_id,),
                )
            ]
            for row_id in ids:
                if together is None or (table, row_id) in together:
                    count += tx.undelete(table, row_id)
        return count
