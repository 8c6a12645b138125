"""Keeping the histories of an employee (pangkat, jabatan, pendidikan, diklat, hukuman disiplin,
SKP, KGB): add, change and delete rows, each through :meth:`Store.write` with its checks
(:func:`app.models.pegawai.checks.check_history`) in the same transaction.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from app.i18n import tanggal, tr
from app.models.errors import NotFoundError
from app.models.pegawai.checks import check_history, normalise_history
from app.models.pegawai.fields import check_known_fields, history_kind
from app.models.pegawai.read import live_employee_row
from app.models.reference.loader import Referensi
from app.models.rules.pegawai import Issues, Value, predikat_from_ratings, raise_for
from app.models.storage.db import Database
from app.models.storage.store import Store, WriteTx


def skp_id(pegawai_id: str, tahun: int) -> str:
    """Natural id of an SKP row (one per employee per year), as the demo generator makes it,
    so that two installations entering the same year meet as one row."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"merit:riwayat_skp:{pegawai_id}:{tahun}"))


def history_row(conn: sqlite3.Connection, kind: str, row_id: str) -> dict[str, Any]:
    """A stored history row (for a form's ``load()``). Raises NotFoundError."""
    spec = history_kind(kind)
    cur = conn.execute(f"SELECT * FROM {spec.table} WHERE id = ?", (row_id,))
    row = cur.fetchone()
    if row is None or row["deleted"]:
        raise NotFoundError(tr("Riwayat {judul} ini tidak ditemukan.", judul=spec.title.lower()))
    return dict(row)


def history_summary(kind: str, row: Mapping[str, Any], ref: Referensi) -> str:
    """A short description of a history row, for confirmations ("Pangkat III/b TMT ...")."""
    spec = history_kind(kind)
    parts = [spec.title]
    for f in spec.fields[:3]:
        value = row.get(f.name)
        if value in (None, ""):
            continue
        if f.kind == "date":
            parts.append(tanggal(str(value)))
        elif f.kind == "ref" and f.ref_table:
            parts.append(ref.label(f.ref_table, str(value)))
        else:
            parts.append(str(value))
    return " · ".join(parts)


def upsert_skp(tx: WriteTx, conn: sqlite3.Connection, pegawai_id: str,
                row: dict[str, Value]) -> str:  # fmt: skip
    """Write the SKP row of a year under its natural id (:func:`skp_id`): insert it, or update
    (and undelete) the row of that year. Returns the id."""
    new_id = skp_id(pegawai_id, int(str(row["tahun"])))
    existing = conn.execute("SELECT deleted FROM riwayat_skp WHERE id = ?", (new_id,)).fetchone()
    if existing is None:
        return tx.insert("riwayat_skp", {"id": new_id, "pegawai_id": pegawai_id, **row})
    # The year was recorded before and deleted: the natural id comes back to life.
    tx.update("riwayat_skp", new_id, {**row, "deleted": 0})
    return new_id


def add_history(
    db: Database,
    pegawai_id: str,
    kind: str,
    data: Mapping[str, object],
    *,
    actor: str,
    today: date | None = None,
) -> str:
    """Add a history row to an employee. Returns its id. Raises ValidationError."""
    spec = history_kind(kind)
    check_known_fields(data, [f.name for f in spec.fields], tr("riwayat {judul}", judul=spec.title))
    conn = db.conn
    ref = Referensi.load(conn)
    full = {f.name: data.get(f.name) for f in spec.fields}
    aksi = tr("Menambah riwayat {judul}", judul=spec.title.lower())
    with Store(db).write(aksi, actor=actor) as tx:
        live_employee_row(conn, pegawai_id)
        return insert_history(tx, conn, pegawai_id, spec.name, full, ref=ref, today=today)


def insert_history(
    tx: WriteTx,
    conn: sqlite3.Connection,
    pegawai_id: str,
    kind: str,
    full: Mapping[str, object],
    *,
    ref: Referensi,
    today: date | None = None,
    prefix: str = "",
) -> str:
    """Check and insert a history row inside an open write (``full``: every field of the
    kind). ``prefix`` is put before the field names of the problems raised (a form that shows
    history fields beside the employee's own: ``pangkat.tmt``)."""
    spec = history_kind(kind)
    issues = check_history(conn, pegawai_id, spec.name, full, ref=ref, today=today)
    if prefix:
        issues = [
            replace(i, field=prefix + i.field, related=tuple(prefix + r for r in i.related))
            for i in issues
        ]
    raise_for(issues)
    row = normalise_history(spec, full, ref, Issues({}))
    if spec.name == "skp":
        _fill_predikat(row, ref)
        return upsert_skp(tx, conn, pegawai_id, row)
    return tx.insert(spec.table, {"pegawai_id": pegawai_id, **row})


def _fill_predikat(row: dict[str, Value], ref: Referensi) -> None:
    if not row.get("predikat_kode") and row.get("rating_hasil") and row.get("rating_perilaku"):
        row["predikat_kode"] = predikat_from_ratings(
            ref, str(row["rating_hasil"]), str(row["rating_perilaku"])
        )


def update_history(
    db: Database,
    kind: str,
    row_id: str,
    changes: Mapping[str, object],
    *,
    actor: str,
    today: date | None = None,
) -> list[str]:
    """Change fields of a history row. Returns the changed field names."""
    spec = history_kind(kind)
    check_known_fields(
        changes, [f.name for f in spec.fields], tr("riwayat {judul}", judul=spec.title)
    )
    conn = db.conn
    ref = Referensi.load(conn)
    aksi = tr("Mengubah riwayat {judul}", judul=spec.title.lower())
    with Store(db).write(aksi, actor=actor) as tx:
        current = history_row(conn, spec.name, row_id)
        pegawai_id = str(current["pegawai_id"])
        live_employee_row(conn, pegawai_id)
        stored = {f.name: current.get(f.name) for f in spec.fields}
        merged = {**stored, **changes}
        new = normalise_history(spec, merged, ref, Issues({}))
        if spec.name == "skp":
            _fill_predikat(new, ref)
        changed = [f.name for f in spec.fields if new.get(f.name) != stored.get(f.name)]
        if not changed:
            return []
        issues = check_history(conn, pegawai_id, spec.name, merged, row_id=row_id, ref=ref,
                               today=today)  # fmt: skip
        raise_for(issues, changed)
        if spec.name == "skp" and "tahun" in changed:
            # The id follows the year: the old year's row is deleted, the new year's written.
            tx.delete("riwayat_skp", row_id)
            upsert_skp(tx, conn, pegawai_id, new)
        else:
            tx.update(spec.table, row_id, {k: new.get(k) for k in changed})
        return changed


def delete_history(db: Database, kind: str, row_id: str, *, actor: str) -> None:
    """Soft-delete a history row (replicated as deleted=1)."""
    spec = history_kind(kind)
    aksi = tr("Menghapus riwayat {judul}", judul=spec.title.lower())
    with Store(db).write(aksi, actor=actor) as tx:
        history_row(db.conn, spec.name, row_id)
        tx.delete(spec.table, row_id)
