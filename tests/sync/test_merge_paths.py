"""The faster merge of issue 20 leaves the same database as the per-row merge it replaced.

One package is imported two ways into two copies of the same database: as Merit does it now
(operations checked once and decoded again without the checks, inserts grouped, one pass over a
table for many row ids), and through the per-row path of before (kept here as the reference:
every batch's operations checked again when applied, each row counted and classified one by one,
row ids looked up in chunks). Every table is compared afterwards: replicated rows, field
versions, creators, clashes, the change log, versions, the summary, the full-text index and the
audit's employees; and the import's own summary.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from app.models.storage import replika
from app.models.storage.db import Database
from app.models.storage.ringkas import affects_summary
from app.models.storage.skema import schema_of
from app.sync import identity as ident
from app.sync import importer, package, verify
from tests.helpers.common import copy_database
from tests.helpers.sync import Node, fresh_database

# Columns that hold the moment of writing (two imports a second apart differ there only) and
# what is derived from it (the audit chain's hashes and the signed head).
_TIMES = {"diterima", "sejak", "waktu", "terakhir_terima", "terakhir_kirim", "prev_hash", "hash"}
_SKIP_TABLES = {"lokal_meta", "lokal_audit_kepala_peer"}


def _reference_apply_table(
    self: replika.Applier,
    batch: Any,
    table: str,
    items: list[tuple[str, dict[str, replika.Value]]],
) -> None:
    """The per-row merge of a table's rows of one batch, as it was before issue 20."""
    conn = self.conn
    columns = self.schema[table]
    touched = self.stats.touched.setdefault(table, set())
    existing: dict[str, sqlite3.Row] = {}
    ids = [row_id for row_id, _ in items]
    for chunk in replika._chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({marks})", list(chunk)
        ):
            existing[row[0]] = row
    inserts: dict[tuple[str, ...], list[list[replika.Value]]] = {}
    no = replika.node_no(conn, batch.origin, self._nodes)
    creators: list[tuple[str, str, int, int]] = []
    summary_touched = self.stats.summary_touched.setdefault(table, set())
    for row_id, fields in items:
        touched.add(row_id)
        if affects_summary(table, fields):
            summary_touched.add(row_id)
        current = existing.get(row_id)
        if current is None:
            data = {"id": row_id, **{k: v for k, v in fields.items() if k != "id"}}
            inserts.setdefault(tuple(data), []).append(list(data.values()))
            creators.append((row_id, table, no, batch.seq))
            self.stats.count(table, "baru")
        else:
            self._update_row(batch, table, columns, current, fields)
    for keys, params in inserts.items():
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(keys)}) VALUES ({', '.join('?' for _ in keys)})",
            params,
        )
    self._record_creators(creators)


def _reference_apply(self: replika.Applier, batch: Any) -> None:
    """A batch's rows by table, as before issue 20."""
    rows = replika.collapse(batch.ops)
    by_table: dict[str, list[tuple[str, dict[str, replika.Value]]]] = {}
    for (table, row_id), fields in rows.items():
        by_table.setdefault(table, []).append((row_id, fields))
    for table, items in by_table.items():
        self._apply_table(batch, table, items)


def _use_reference_path(monkeypatch: pytest.MonkeyPatch, db: Database) -> None:
    schema = schema_of(db)
    monkeypatch.setattr(replika.Applier, "apply", _reference_apply)
    monkeypatch.setattr(replika.Applier, "_apply_table", _reference_apply_table)
    monkeypatch.setattr(
        importer,
        "decode_trusted_ops",
        lambda blob: verify.decode_checked_ops(blob, schema, None, "batch")[1],
    )
    monkeypatch.setattr(replika, "SCAN_AT", 10**9)


def _state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    conn = db.conn
    out: dict[str, list[tuple[Any, ...]]] = {}
    tables = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'pegawai_fts%' ORDER BY name"
        )
    ]
    for table in tables:
        if table in _SKIP_TABLES:
            continue
        names = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
        kept = [n for n in names if n not in _TIMES] or names
        rows = conn.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()
        out[table] = sorted((tuple(r) for r in rows), key=repr)
    # the full-text index: what it finds, and that it agrees with its content table
    out["fts"] = sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT r.pegawai_id, f.rowid FROM pegawai_fts f "
            "JOIN pegawai_ringkas r ON r.rowid = f.rowid WHERE pegawai_fts MATCH 'a* OR 1*'"
        )
    )
    conn.execute("INSERT INTO pegawai_fts (pegawai_fts, rank) VALUES ('integrity-check', 1)")
    return out


def _node(path: Path, name: str) -> Node:
    db = Database(path)
    ident.ensure_identity(db, name)
    return Node(name, db)


def _trust(*nodes: Node) -> None:
    for a in nodes:
        for b in nodes:
            if a is not b and ident.get_peer(a.db, b.db.node_id) is None:
                ident.add_peer(a.db, ident.read_identity(ident.identity_bytes(b.db)), trusted=True)


def _import_both_ways(
    monkeypatch: pytest.MonkeyPatch, target: Node, pkg: Path, folder: Path, *, scan: bool
) -> importer.ImportSummary:
    """Import ``pkg`` into two copies of ``target``'s database and compare them."""
    target.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    states, summaries = [], []
    for way in ("baru", "lama"):
        db = Database(copy_database(target.db.path, folder / f"{way}-{pkg.stem}.sqlite3"))
        with monkeypatch.context() as m:
            if way == "lama":
                _use_reference_path(m, db)
            elif scan:
                m.setattr(replika, "SCAN_AT", 0)  # the one-pass lookup even for a small demo
            summary = importer.import_package(db, pkg, clock=target.clock_fn)
        summaries.append(summary.lines())
        states.append(_state(db))
        db.close()
    assert summaries[0] == summaries[1]
    assert states[0].keys() == states[1].keys()
    for table in states[0]:
        assert states[0][table] == states[1][table], table
    return summary


def test_fast_merge_gives_the_same_database_as_the_per_row_merge(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _node(copy_database(demo_file, tmp_path / "a.sqlite3"), "Kantor A")
    b_db = fresh_database(tmp_path / "b.sqlite3")
    ident.ensure_identity(b_db, "Kantor B")
    b = Node("Kantor B", b_db)
    _trust(a, b)

    # 1. a full package into a fresh installation: inserts, and changes of rows that earlier
    # batches of the same package inserted
    early = [str(r[0]) for r in a.db.conn.execute("SELECT id FROM pegawai ORDER BY id LIMIT 3")]
    with a.store.write("perbaikan") as tx:
        tx.update("pegawai", early[0], {"nama": "Nama Diperbaiki", "telepon": "0811"})
        tx.update("pegawai", early[0], {"telepon": "0811 2"})  # the same row twice
        tx.update("pegawai", early[1], {"deleted": 1})
    with a.store.write("perbaikan lagi") as tx:
        tx.update("pegawai", early[0], {"nama": "Nama Diperbaiki Lagi"})
        tx.update("pegawai", early[2], {"telepon": "0812"})
    full = tmp_path / "penuh.merit"
    package.export_package(a.db, full, to=b.name, full=True)
    first = _import_both_ways(monkeypatch, b, full, tmp_path, scan=True)
    # rows inserted and then changed by later batches of the same package were compared too
    assert any(c["ubah"] for c in first.rekaman.values())
    importer.import_package(b.db, full, clock=b.clock_fn)

    # 2. concurrent edits on both sides: updates, clashes, a delete against an edit, new rows
    unit = str(
        a.db.conn.execute(
            "SELECT unit_id FROM riwayat_jabatan GROUP BY unit_id ORDER BY count(*), unit_id"
        ).fetchone()[0]
    )
    pegawai = [  # none of them in that unit: their summaries change only by their own rows
        str(r[0])
        for r in a.db.conn.execute(
            "SELECT pegawai_id FROM pegawai_ringkas WHERE unit_id IS NOT ? AND opd_id IS NOT ? "
            "ORDER BY pegawai_id LIMIT 6",
            (unit, unit),
        )
    ]
    riwayat = [
        str(r[0]) for r in a.db.conn.execute("SELECT id FROM riwayat_pangkat ORDER BY id LIMIT 2")
    ]
    a.offset[0] = 10.0
    with a.store.write("edit A") as tx:
        tx.update("pegawai", pegawai[0], {"nama": "Nama Dari A"})
        tx.update("pegawai", pegawai[1], {"telepon": "081100000001"})
        tx.update("riwayat_pangkat", riwayat[0], {"nomor_sk": "SK-A/1"})
    b.offset[0] = 20.0
    with b.store.write("edit B") as tx:
        tx.update("pegawai", pegawai[0], {"nama": "Nama Dari B"})  # a clash on nama
        tx.update("pegawai", pegawai[2], {"nama": "Hanya B", "telepon": "0822"})
        tx.update("pegawai", pegawai[3], {"deleted": 1})
        tx.delete("riwayat_pangkat", riwayat[0])  # a delete against A's edit
        tx.insert("unit_organisasi", {"nama": "Bidang Baru dari B", "jenis": "bidang"})
        tx.insert(  # a newer rank: that employee's summary changes
            "riwayat_pangkat",
            {"pegawai_id": pegawai[5], "golongan_kode": "IV/e", "tmt": "2026-10-01"},
        )
        # the summaries of that unit's employees change
        tx.update("unit_organisasi", unit, {"nama": "Unit Berganti Nama"})
    with b.store.write("edit B lagi") as tx:
        tx.update("pegawai", pegawai[2], {"nama": "Hanya B kedua"})

    back = tmp_path / "balik.merit"
    package.export_package(b.db, back, to=a.name)
    _import_both_ways(monkeypatch, a, back, tmp_path, scan=False)
    _import_both_ways(monkeypatch, a, back, tmp_path, scan=True)
    summary = importer.import_package(a.db, back, clock=a.clock_fn)
    # the comparison above did cover clashes and a summary changed by a history
    assert summary.konflik_baru >= 2
    assert (
        a.db.conn.execute(
            "SELECT golongan_kode FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai[5],)
        ).fetchone()[0]
        == "IV/e"
    )
    a.db.close()
    b.db.close()


def test_one_pass_lookup_finds_the_same_employees(demo_db: Database) -> None:
    conn = demo_db.conn
    for table in ("riwayat_pangkat", "riwayat_jabatan", "pegawai", "unit_organisasi"):
        ids = {str(r[0]) for r in conn.execute(f"SELECT id FROM {table} LIMIT 500")}
        ids.add("tidak-ada")
        chunked = replika._pegawai_of(conn, table, ids)
        old, replika.SCAN_AT = replika.SCAN_AT, 0
        try:
            scanned = replika._pegawai_of(conn, table, ids)
        finally:
            replika.SCAN_AT = old
        assert scanned == chunked
        assert chunked or table == "unit_organisasi"


def test_creator_keys_are_compact_and_never_shared(db: Database) -> None:
    """Migration 28's keys: no two tables of the schema share a number; only a UUID in its
    canonical text becomes bytes (so two ids never meet in one key)."""
    names = [str(r[0]) for r in db.conn.execute("SELECT name FROM sqlite_master")]
    assert len({replika.table_key(n) for n in names}) == len(set(names))
    uid = "0b3a7c1e-5d2f-4e6a-9b8c-1d2e3f4a5b6c"
    assert replika.row_key(uid) == bytes.fromhex(uid.replace("-", ""))
    for other in (uid.upper(), uid.replace("-", ""), f" {uid}"[:36], "pengaturan-uji", uid + "x"):
        assert replika.row_key(other) == other
    many = [uid, "pengaturan-uji", uid.upper(), f"{uid}\n{uid}"[:64], ""]
    assert replika.row_keys(many) == [replika.row_key(r) for r in many]
    uuids = [str(uuid.uuid4()) for _ in range(50)]
    assert replika.row_keys(uuids) == [replika.row_key(r) for r in uuids]
    assert all(isinstance(k, bytes) and len(k) == 16 for k in replika.row_keys(uuids))
