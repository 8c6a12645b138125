"""Applying an import plan: one transaction through the write path, all or nothing.

New units first (parents before children), then new employees, changed employees and the
history rows, in chunks; the derived summary (``pegawai_ringkas``) is refreshed per chunk
inside the same transaction. Cancelling, or any error, rolls everything back.

The plan was made earlier (the clerk looked at the preview in between), so inside the
transaction the rows are checked again where the database may have changed: a "new" NIP that
now exists refuses the whole import (make the preview again), and a history row or unit whose
id already exists is not inserted twice (a deleted one is restored).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from app.i18n import tr
from app.models.access.akses import read_roots
from app.models.errors import Cancelled, ValidationError
from app.models.impor.bulk import collector_paused
from app.models.impor.result import BARU, BERUBAH, CHUNK, DITOLAK, ImportPlan, RowResult, Value
from app.models.reference.loader import Referensi
from app.models.storage import ringkas
from app.models.storage.db import Database
from app.models.storage.store import Store, WriteTx

# The employee's fields the summary is derived from, in ringkas.summary_rows's order.
_SUMMARY_FIELDS = itemgetter(*ringkas.SUMMARY_SOURCE)

APPLY_CHUNK = 2000


def _existing_ids(conn: sqlite3.Connection, table: str, ids: list[str]) -> dict[str, int]:
    """id -> deleted flag of the rows of ``table`` that already exist."""
    found: dict[str, int] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for row_id, deleted in conn.execute(
            f"SELECT id, deleted FROM {table} WHERE id IN ({marks})", chunk
        ):
            found[row_id] = int(deleted)
    return found


def _insert(
    tx: WriteTx, conn: sqlite3.Connection, table: str, rows: list[dict[str, Value]]
) -> tuple[int, list[dict[str, Value]]]:
    """Insert rows whose id is new; restore (undelete and update) those deleted earlier;
    leave live ones alone. Returns how many rows were written, and the rows inserted new."""
    if not rows:
        return 0, []
    existing = _existing_ids(conn, table, [str(r["id"]) for r in rows])
    fresh = [r for r in rows if r["id"] not in existing]
    written = tx.insert_many(table, fresh) if fresh else 0
    for row in rows:
        row_id = str(row["id"])
        if existing.get(row_id) == 1:
            changes = {k: v for k, v in row.items() if k != "id"}
            tx.update(table, row_id, {**changes, "deleted": 0})
            written += 1
    return written, fresh


def _texts(*values: Value) -> bool:
    return all(v is None or v.__class__ is str for v in values)


class _NewSummaries:
    """The summary rows of the employees an import has just inserted, derived from the rows
    in hand rather than read back (issue 20): an employee whose row and every history row were
    inserted new here has no other row (the histories' pegawai_id is a foreign key), so the
    rows written are all there is. Any other employee (changed, restored, a history row that
    was already there, a value of another type than SQLite would return) is left to the write
    path's refresh, which reads it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.ref = Referensi.load(conn)
        self.tree = ringkas.UnitTree.load(conn)  # after the import's units are written

    def write(
        self,
        tx: WriteTx,
        conn: sqlite3.Connection,
        pegawai: list[dict[str, Value]],
        fresh: dict[str, list[dict[str, Value]]],
        not_fresh: list[dict[str, Value]],
    ) -> None:
        given = {
            p["id"]: p for p in pegawai if _texts(*_SUMMARY_FIELDS(p)) and p.get("deleted", 0) == 0
        }
        for row in not_fresh:
            given.pop(row["pegawai_id"], None)
        pangkat = [
            (r["pegawai_id"], r["golongan_kode"], r["tmt"])
            for r in fresh.get("riwayat_pangkat", [])
            if r["pegawai_id"] in given
        ]
        jabatan = [
            (
                r["pegawai_id"],
                r["id"],
                r["nama_jabatan"],
                r["jenis_kode"],
                r["jenjang_kode"],
                r["unit_id"],
                r["tmt"],
                r.get("tanggal_sk"),
            )
            for r in fresh.get("riwayat_jabatan", [])
            if r["pegawai_id"] in given
        ]
        pendidikan = [
            (r["pegawai_id"], r["tingkat_kode"], r["tahun_lulus"])
            for r in fresh.get("riwayat_pendidikan", [])
            if r["pegawai_id"] in given
        ]
        odd = {
            row[0] for row in (*pangkat, *jabatan) if not _texts(*row) or row[0] not in given
        } | {
            row[0]
            for row in pendidikan
            if not _texts(row[0], row[1]) or not (row[2] is None or row[2].__class__ is int)
        }
        for pid in odd:
            given.pop(pid, None)
        if not given:
            return
        rows = sorted(
            ringkas.summary_rows_given(
                [(*_SUMMARY_FIELDS(p), 0) for p in given.values()],
                (r for r in pangkat if r[0] in given),
                (r for r in jabatan if r[0] in given),
                (r for r in pendidikan if r[0] in given),
                self.ref,
                self.tree,
            )
        )  # in the order refresh() writes them: by id
        ringkas.write_rows(conn, rows)
        tx.touched.summary_pegawai.difference_update(given)


def _nips_present(conn: sqlite3.Connection, nips: list[str]) -> list[str]:
    found: list[str] = []
    for start in range(0, len(nips), CHUNK):
        chunk = nips[start : start + CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.extend(
            r[0]
            for r in conn.execute(
                f"SELECT nip FROM pegawai WHERE deleted = 0 AND nip IN ({marks})", chunk
            )
        )
    return found


def _chunks(rows: list[RowResult]) -> Iterable[list[RowResult]]:
    for start in range(0, len(rows), APPLY_CHUNK):
        yield rows[start : start + APPLY_CHUNK]


@collector_paused()
def apply_import(
    db: Database,
    plan: ImportPlan,
    *,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write the plan in one transaction. Refuses a plan with rejected rows.

    Returns counts: ``baru``, ``berubah``, ``sama``, ``dilewati`` (employees), ``unit``
    (units created) and ``riwayat`` (history rows added). A plan with nothing to write opens no
    transaction and writes no batch.
    """
    if not plan.ok:
        raise ValidationError(
            tr(
                "Impor tidak dijalankan: {n} baris ditolak. Perbaiki berkasnya (lihat "
                "pratinjau), lalu impor lagi; tidak ada yang disimpan.",
                n=plan.counts.get(DITOLAK, 0),
            ),
            field="berkas",
        )
    work = [r for r in plan.rows if r.status in (BARU, BERUBAH)]
    result = {
        "baru": plan.counts.get("baru", 0),
        "berubah": plan.counts.get("berubah", 0),
        "sama": plan.counts.get("sama", 0),
        "dilewati": plan.counts.get("dilewati", 0),
        "unit": 0,
        "riwayat": 0,
    }
    if not work:
        return result
    conn = db.conn
    total = len(work)
    store = Store(db)
    keterangan = tr(
        "{file}: {baru} baru, {ubah} berubah",
        file=plan.source.path.name,
        baru=result["baru"],
        ubah=result["berubah"],
    )
    # The right to import at all (refused, audited, without it); an operator of one unit
    # imports for that unit only: the write path checks every employee and every unit written
    # against the actor's units, so a row of another unit refuses the whole import.
    read_roots(db, actor, "pegawai.impor")
    with store.write(tr("Impor data pegawai"), actor=actor, keterangan=keterangan) as tx:
        tx.compress_in_background()
        new_nips = [str(r.pegawai["nip"]) for r in work if r.status == BARU]
        present = _nips_present(conn, new_nips)
        if present:
            raise ValidationError(
                tr(
                    "Data berubah sejak pratinjau dibuat: NIP {nips} kini sudah ada. Buat "
                    "pratinjau lagi; tidak ada yang disimpan.",
                    nips=", ".join(present[:5]) + (" …" if len(present) > 5 else ""),
                ),
                field="nip",
            )
        needed_units = _used_units(plan)
        units = [u for u in plan.units if u["id"] in needed_units]
        result["unit"] = _insert(tx, conn, "unit_organisasi", units)[0]
        summaries = _NewSummaries(conn)
        done = 0
        for chunk in _chunks(work):
            if cancelled is not None and cancelled():
                raise Cancelled(tr("Impor dibatalkan; tidak ada yang disimpan."))
            _, new_pegawai = _insert(
                tx, conn, "pegawai", [r.pegawai for r in chunk if r.status == BARU]
            )
            for r in chunk:
                if r.status == BERUBAH and r.pegawai:
                    assert r.pegawai_id is not None
                    tx.update("pegawai", r.pegawai_id, r.pegawai)
            by_table: dict[str, list[dict[str, Value]]] = {}
            for r in chunk:
                for table, row in r.riwayat:
                    by_table.setdefault(table, []).append(row)
            fresh: dict[str, list[dict[str, Value]]] = {}
            not_fresh: list[dict[str, Value]] = []
            for table in ("riwayat_pendidikan", "riwayat_pangkat", "riwayat_jabatan"):
                rows = by_table.pop(table, [])
                written, fresh[table] = _insert(tx, conn, table, rows)
                result["riwayat"] += written
                if len(fresh[table]) != len(rows):
                    fresh_ids = {r["id"] for r in fresh[table]}
                    not_fresh.extend(r for r in rows if r["id"] not in fresh_ids)
            for table, rows in by_table.items():  # pragma: no cover - no other tables today
                result["riwayat"] += _insert(tx, conn, table, rows)[0]
            summaries.write(tx, conn, new_pegawai, fresh, not_fresh)
            tx.refresh_derived()
            done += len(chunk)
            if progress is not None:
                progress(done, total)
        if cancelled is not None and cancelled():
            raise Cancelled(tr("Impor dibatalkan; tidak ada yang disimpan."))
    return result


def _used_units(plan: ImportPlan) -> set[Any]:
    """The planned units that a written history row uses, with their parents."""
    used: set[Any] = set()
    for r in plan.rows:
        if r.status not in (BARU, BERUBAH):
            continue
        for table, row in r.riwayat:
            if table == "riwayat_jabatan" and row.get("unit_id"):
                used.add(row["unit_id"])
    parents = {u["id"]: u.get("induk_id") for u in plan.units}
    stack = list(used)
    while stack:
        parent = parents.get(stack.pop())
        if parent and parent not in used:
            used.add(parent)
            stack.append(parent)
    return used
