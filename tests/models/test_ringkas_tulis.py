"""The summary refresh (staged, one statement, unchanged rows skipped) stores exactly what the
former per-row upsert of every derived row stored: the same summary rows (rowids included) and
the same FTS index, over a varied demo with stale, missing and changed summary rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.models.reference.loader import Referensi
from app.models.storage import ringkas
from tests.helpers.common import copy_database


def _stir(conn: sqlite3.Connection) -> list[str]:
    """Make the stored summary stale in varied ways, and change some of what it derives from."""
    ids = [r[0] for r in conn.execute("SELECT id FROM pegawai ORDER BY id")]
    conn.execute("BEGIN")
    conn.execute(
        "DELETE FROM pegawai_ringkas WHERE pegawai_id IN (SELECT id FROM pegawai "
        "ORDER BY id LIMIT 20)"
    )
    conn.execute("UPDATE pegawai_ringkas SET nama_lengkap = 'Nama Lama' WHERE rowid % 7 = 1")
    conn.execute("UPDATE pegawai_ringkas SET nip = '1' || nip WHERE rowid % 11 = 2")
    conn.execute(
        "UPDATE pegawai_ringkas SET unit_nama = NULL, golongan_urutan = 99 WHERE rowid % 5 = 3"
    )
    conn.execute("UPDATE pegawai_ringkas SET opd_id = 'x' WHERE rowid % 13 = 4")
    conn.execute(
        "UPDATE pegawai SET gelar_depan = 'dr.', nama = nama || ' Putri' WHERE rowid % 9 = 5"
    )
    conn.execute("UPDATE pegawai SET deleted = 1 WHERE rowid % 17 = 6")
    conn.execute("UPDATE riwayat_pangkat SET tmt = NULL WHERE rowid % 10 = 1")
    conn.execute("UPDATE riwayat_jabatan SET deleted = 1 WHERE rowid % 8 = 2")
    conn.execute("DELETE FROM riwayat_pendidikan WHERE rowid % 6 = 3")
    conn.execute("COMMIT")
    return ids


def _old_refresh(conn: sqlite3.Connection, ids: list[str]) -> None:
    """The former write: one upsert statement per derived row."""
    ref = Referensi.load(conn)
    tree = ringkas.UnitTree.load(conn)
    rows = list(ringkas.summary_rows(conn, sorted(set(ids)), ref, tree))
    conn.executemany(ringkas._UPSERT, rows)


def _stored(conn: sqlite3.Connection) -> dict[str, Any]:
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_kata "
        "USING fts5vocab(main, pegawai_fts, instance)"
    )
    conn.execute("INSERT INTO pegawai_fts (pegawai_fts) VALUES ('integrity-check')")
    return {
        "rows": [
            tuple(r) for r in conn.execute("SELECT rowid, * FROM pegawai_ringkas ORDER BY rowid")
        ],
        "fts": sorted(tuple(r) for r in conn.execute("SELECT * FROM temp.fts_kata")),
        "match": [
            tuple(r)
            for r in conn.execute(
                "SELECT rowid FROM pegawai_fts WHERE pegawai_fts MATCH 'Putri' ORDER BY rowid"
            )
        ],
    }


def test_refresh_stores_what_the_per_row_upsert_stored(demo_file: Path, tmp_path: Path) -> None:
    old = sqlite3.connect(copy_database(demo_file, tmp_path / "old.sqlite3"), isolation_level=None)
    new = sqlite3.connect(copy_database(demo_file, tmp_path / "new.sqlite3"), isolation_level=None)
    ids = _stir(old)
    assert _stir(new) == ids
    for subset in (ids[:50], ids[::3], ids):  # part, scattered, then everything
        old.execute("BEGIN")
        _old_refresh(old, subset)
        old.execute("COMMIT")
        new.execute("BEGIN")
        assert ringkas.refresh(new, subset) == len(set(subset))
        new.execute("COMMIT")
        assert _stored(new) == _stored(old)
    assert _stored(new)["match"]  # the renamed employees are found by their new name
    assert new.execute("SELECT count(*) FROM temp.ringkas_baru").fetchone()[0] == 0
    old.close()
    new.close()


def test_refresh_of_unchanged_rows_leaves_them_and_their_fts_alone(demo_db: Any) -> None:
    conn = demo_db.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM pegawai")]
    conn.execute("BEGIN")
    before = conn.total_changes
    ringkas.refresh(conn, ids)
    assert conn.total_changes - before == 2 * len(ids)  # staged and cleared, nothing written
    conn.execute("COMMIT")
    assert ringkas.differences(conn) == []
