"""The audit trail: hash chain, append-only triggers, tamper detection, search, migration."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.models.access import audit
from app.models.storage import db as dbmod
from app.models.storage.db import Database
from app.models.storage.instansi import setup
from app.models.storage.migrations.steps import MIGRATIONS
from app.models.storage.store import Store


def _entries(db: Database, n: int = 5) -> None:
    store = Store(db)
    for i in range(n):
        store.record_read(f"Baca {i}", actor=f"op{i % 2}", tabel="pegawai", record_id=f"p{i}")


def _drop_triggers(conn: sqlite3.Connection) -> None:
    for name in ("lokal_audit_tanpa_ubah", "lokal_audit_tanpa_hapus", "lokal_audit_wajib_sidik"):
        conn.execute(f"DROP TRIGGER {name}")


def test_every_write_and_read_is_chained(demo_db: Database) -> None:
    conn = demo_db.conn
    pid = conn.execute("SELECT id FROM pegawai LIMIT 1").fetchone()[0]
    with Store(demo_db).write("Mengubah telepon", actor="op") as tx:
        tx.update("pegawai", pid, {"telepon": "0812000"})
    Store(demo_db).record_read(
        "Membuka rincian pegawai", actor="op", tabel="pegawai", record_id=pid
    )
    rows = conn.execute("SELECT no, prev_hash, hash FROM lokal_audit ORDER BY no").fetchall()
    assert all(r["hash"] and len(r["hash"]) == 64 for r in rows)
    for before, after in itertools.pairwise(rows):
        assert after["prev_hash"] == before["hash"]
    assert rows[0]["prev_hash"] == audit.GENESIS
    check = audit.verify_chain(conn)
    assert check.ok and check.count == len(rows)


def test_triggers_refuse_update_and_delete_and_unchained_insert(db: Database) -> None:
    _entries(db, 3)
    with pytest.raises(sqlite3.IntegrityError, match="hanya dapat ditambah"):
        db.conn.execute("UPDATE lokal_audit SET aktor = 'x' WHERE no = 2")
    with pytest.raises(sqlite3.IntegrityError, match="hanya dapat ditambah"):
        db.conn.execute("DELETE FROM lokal_audit WHERE no = 2")
    with pytest.raises(sqlite3.IntegrityError, match=r"audit\.append"):
        db.conn.execute("INSERT INTO lokal_audit (waktu, aktor, aksi) VALUES ('t', 'a', 'b')")
    assert audit.verify_chain(db.conn).ok


def test_edited_entry_is_named(db: Database) -> None:
    _entries(db, 5)
    _drop_triggers(db.conn)
    db.conn.execute("UPDATE lokal_audit SET aktor = 'orang lain' WHERE no = 3")
    check = audit.verify_chain(db.conn)
    assert not check.ok
    assert (check.entry_no, check.kind) == (3, "diubah")
    assert "no 3" in check.message


def test_edited_entry_with_recomputed_hash_is_found(db: Database) -> None:
    _entries(db, 5)
    _drop_triggers(db.conn)
    row = dict(db.conn.execute("SELECT * FROM lokal_audit WHERE no = 2").fetchone())
    row["aksi"] = "Tidak pernah terjadi"
    new_hash = audit.entry_hash(row, row["prev_hash"])
    db.conn.execute(
        "UPDATE lokal_audit SET aksi = ?, hash = ? WHERE no = 2", (row["aksi"], new_hash)
    )
    check = audit.verify_chain(db.conn)
    assert (check.ok, check.entry_no, check.kind) == (False, 2, "diubah")


def test_removed_entry_is_named(db: Database) -> None:
    _entries(db, 5)
    _drop_triggers(db.conn)
    db.conn.execute("DELETE FROM lokal_audit WHERE no = 3")
    check = audit.verify_chain(db.conn)
    assert (check.ok, check.entry_no, check.kind) == (False, 3, "hilang")
    assert "no 3 hilang" in check.message


def test_removed_last_entry_is_found(db: Database) -> None:
    _entries(db, 5)
    _drop_triggers(db.conn)
    db.conn.execute("DELETE FROM lokal_audit WHERE no = 5")
    check = audit.verify_chain(db.conn)
    assert (check.ok, check.entry_no, check.kind) == (False, 5, "hilang")


def test_inserted_entry_is_named(db: Database) -> None:
    _entries(db, 5)
    _drop_triggers(db.conn)
    # Slip an entry in as no 3 (renumbering the later ones), with a well-formed hash.
    for no in (5, 4, 3):
        db.conn.execute("UPDATE lokal_audit SET no = no + 1 WHERE no = ?", (no,))
    prev = db.conn.execute("SELECT hash FROM lokal_audit WHERE no = 2").fetchone()[0]
    fake = {
        "no": 3,
        "waktu": "2026-01-01T00:00:00Z",
        "aktor": "penyusup",
        "aksi": "Palsu",
        "tabel": None,
        "record_id": None,
        "jumlah": 0,
        "batch_origin": None,
        "batch_seq": None,
        "keterangan": None,
    }
    db.conn.execute(
        "INSERT INTO lokal_audit (no, waktu, aktor, aksi, jumlah, prev_hash, hash) "
        "VALUES (3, ?, 'penyusup', 'Palsu', 0, ?, ?)",
        (fake["waktu"], prev, audit.entry_hash(fake, prev)),
    )
    check = audit.verify_chain(db.conn)
    assert (check.ok, check.entry_no, check.kind) == (False, 3, "disisipkan")


def test_entry_appended_outside_merit_is_found(db: Database) -> None:
    _entries(db, 2)
    _drop_triggers(db.conn)
    db.conn.execute(
        "INSERT INTO lokal_audit (no, waktu, aktor, aksi, jumlah, prev_hash, hash) "
        "VALUES (3, 't', 'x', 'y', 0, 'a', 'b')"
    )
    check = audit.verify_chain(db.conn)
    assert (check.ok, check.entry_no) == (False, 3)


def test_search_filters(demo_db: Database) -> None:
    conn = demo_db.conn
    row = conn.execute("SELECT id, nip, nama FROM pegawai ORDER BY nip LIMIT 1").fetchone()
    other = conn.execute("SELECT id FROM pegawai ORDER BY nip DESC LIMIT 1").fetchone()[0]
    store = Store(demo_db)
    with store.write("Mengubah telepon", actor="budi") as tx:
        tx.update("pegawai", row["id"], {"telepon": "0811111"})
    hist = conn.execute(
        "SELECT id FROM riwayat_pangkat WHERE pegawai_id = ? LIMIT 1", (row["id"],)
    ).fetchone()[0]
    with store.write("Memperbaiki riwayat pangkat", actor="ani") as tx:
        tx.update("riwayat_pangkat", hist, {"nomor_sk": "SK-UJI/1"})
    store.record_read("Membuka rincian pegawai", actor="ani", tabel="pegawai", record_id=other)

    by_nip = audit.search(conn, pegawai=row["nip"])
    assert {e.aksi for e in by_nip} >= {"Mengubah telepon", "Memperbaiki riwayat pangkat"}
    assert all(e.aksi != "Membuka rincian pegawai" for e in by_nip)
    assert by_nip[0].pegawai is not None and row["nip"] in by_nip[0].pegawai
    by_name = audit.search(conn, pegawai=row["nama"])
    assert {e.no for e in by_nip} <= {e.no for e in by_name}
    assert [e.aksi for e in audit.search(conn, aktor="budi")] == ["Mengubah telepon"]
    assert [e.aktor for e in audit.search(conn, aksi="riwayat pangkat")] == ["ani"]
    # by record: the read of it, and the demo creation that wrote it
    assert [e.aksi for e in audit.search(conn, record_id=other)] == [
        "Membuka rincian pegawai",
        "Membuat data demo",
    ]
    assert audit.search(conn, pegawai="999999999999999999") == []
    today = date.today()
    assert len(audit.search(conn, dari=today, sampai=today, limit=None)) >= 4
    assert audit.search(conn, sampai=date(2000, 1, 1)) == []
    page1 = audit.search(conn, limit=2, offset=0)
    page2 = audit.search(conn, limit=2, offset=2)
    assert page1[0].no > page1[1].no > page2[0].no

    change = audit.search(conn, aktor="budi")[0]
    changes, total = audit.entry_changes(conn, change)
    assert total == 1
    assert changes[0].tabel == "pegawai" and changes[0].fields == {"telepon": "0811111"}


def test_migration_chains_existing_entries(tmp_path: Path) -> None:
    """A database made before migration 6 gets its entries chained and the triggers."""
    path = tmp_path / "lama.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    old = tuple(m for m in MIGRATIONS if m.version < 6)
    original = dbmod.MIGRATIONS
    dbmod.MIGRATIONS = old
    try:
        dbmod.migrate_database(conn, path)
    finally:
        dbmod.MIGRATIONS = original
    for i in range(3):
        conn.execute(
            "INSERT INTO lokal_audit (waktu, aktor, aksi, jumlah) VALUES (?, 'lama', ?, 0)",
            (f"2025-01-0{i + 1}T00:00:00Z", f"aksi {i}"),
        )
    conn.execute("INSERT INTO pengaturan (id, kunci, nilai) VALUES ('x', 'nama_instansi', 'BKD')")
    conn.close()

    db = Database(path)
    try:
        assert db.schema_version >= 6
        check = audit.verify_chain(db.conn)
        assert check.ok and check.count == 3
        with pytest.raises(sqlite3.IntegrityError):
            db.conn.execute("DELETE FROM lokal_audit")
        Store(db).record_read("baru", actor="a")
        assert audit.verify_chain(db.conn).count == 4
        # a backup was made before the upgrade
        assert list((tmp_path / "cadangan").glob("lama-*-sebelum-migrasi.sqlite3"))
    finally:
        db.close()


def test_export_rows_and_record(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from app.reports.excel.audit import write_audit_xlsx

    setup(db, "BKD Uji")
    Store(db).record_read('=HYPERLINK("x")', actor="a\x01b", keterangan="<b>&</b>")
    flt = audit.AuditFilter()
    out = tmp_path / "audit.xlsx"
    n = write_audit_xlsx(out, audit.export_rows(audit.iter_entries(db.conn, flt)), title="Jejak")
    audit.record_export(db, flt, out.name, n, actor="a")
    ws = load_workbook(out).active
    assert ws is not None
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert len(values) == 2
    assert values[0][3] == '=HYPERLINK("x")'  # text, not a formula
    assert ws.cell(4, 4).data_type == "s"
    assert values[0][2] == "ab"
    assert audit.search(db.conn, aksi="Mengekspor jejak audit")[0].keterangan.startswith("2 entri")
    assert audit.verify_chain(db.conn).ok
