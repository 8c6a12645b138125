"""The signed head of the audit trail and the whole check (issue 12, item 4): what someone
holding the file can no longer do quietly."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

import nacl.signing
import pytest
from argon2 import PasswordHasher
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models.access import akun, audit, audit_kepala, audit_periksa, kunci
from app.models.storage.db import Database
from app.models.storage.store import Store


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def _writes(db: Database, n: int, *, start: int = 0) -> None:
    store = Store(db)
    for i in range(start, start + n):
        with store.write(f"Membuat unit {i}", actor="operator") as tx:
            tx.insert("unit_organisasi", {"nama": f"Dinas {i}", "jenis": "OPD"})
        store.record_read(f"Membuka {i}", actor="operator")


def _unguard(db: Database) -> None:
    for name in ("lokal_audit_tanpa_ubah", "lokal_audit_tanpa_hapus"):
        db.conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def _kinds(db: Database) -> set[str]:
    return {m.jenis for m in audit_periksa.check_trail(db.conn).masalah}


def test_every_append_signs_the_head_with_the_installation_key(db: Database) -> None:
    _writes(db, 2)
    head = audit_kepala.own_signed_head(db.conn)
    assert head is not None and head.asal == db.node_id and head.urutan == 4
    public = base64.b64decode(kunci.public_identity(db)["kunci_tanda"])
    assert audit_kepala.signature_ok(public, head)
    last = db.conn.execute("SELECT hash FROM lokal_audit WHERE no = 4").fetchone()[0]
    assert head.hash == last
    check = audit_periksa.check_trail(db.conn)
    assert check.utuh and check.count == 4 and check.message.startswith("Jejak audit utuh")


def test_a_fresh_installation_without_entries_is_intact(db: Database) -> None:
    assert audit_periksa.check_trail(db.conn).utuh
    assert audit_periksa.check_trail(db.conn, full=False).ok


def test_whole_trail_and_head_deleted_with_own_writes_in_the_change_log(db: Database) -> None:
    _writes(db, 3)
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit")
    db.conn.execute("DELETE FROM lokal_meta WHERE kunci LIKE 'audit_kepala%'")
    check = audit_periksa.check_trail(db.conn)
    assert [m.jenis for m in check.masalah] == ["kosong"]
    assert "3 perubahan dari instalasi ini" in check.masalah[0].pesan
    assert not audit_periksa.check_trail(db.conn, full=False).ok


def test_whole_trail_deleted_on_an_installation_with_accounts_only(db: Database) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit")
    db.conn.execute("DELETE FROM lokal_meta WHERE kunci LIKE 'audit_kepala%'")
    check = audit_periksa.check_trail(db.conn)
    assert [m.jenis for m in check.masalah] == ["kosong"]
    assert "akun pengguna" in check.masalah[0].pesan


def test_empty_trail_with_a_known_head(db: Database) -> None:
    _writes(db, 2)
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit")
    check = audit_periksa.check_trail(db.conn)
    assert "kosong" in {m.jenis for m in check.masalah}
    assert any("kepalanya mencatat 4 entri" in m.pesan for m in check.masalah)


def test_missing_head_with_entries(db: Database) -> None:
    _writes(db, 2)
    db.conn.execute("DELETE FROM lokal_meta WHERE kunci LIKE 'audit_kepala%'")
    assert _kinds(db) == {"kepala_hilang"}


def test_tail_cut_and_head_moved_needs_the_key(db: Database) -> None:
    _writes(db, 4)
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit WHERE no > 3")
    last = db.conn.execute("SELECT hash FROM lokal_audit WHERE no = 3").fetchone()[0]
    db.conn.execute("UPDATE lokal_meta SET nilai = ? WHERE kunci = 'audit_kepala'", (f"3:{last}",))
    kinds = _kinds(db)
    # The old signature does not cover the moved head; the writes 3 and 4 lost their entries.
    assert kinds == {"tanda", "tak_tercatat"}


def test_head_signed_with_another_key_is_refused(db: Database) -> None:
    """A forged head signature: someone signs the moved head with a key of their own."""
    _writes(db, 3)
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit WHERE no > 4")
    last = db.conn.execute("SELECT hash FROM lokal_audit WHERE no = 4").fetchone()[0]
    other = nacl.signing.SigningKey.generate()
    sig = other.sign(audit_kepala.head_message(db.node_id, 4, last)).signature
    db.conn.executemany(
        "UPDATE lokal_meta SET nilai = ? WHERE kunci = ?",
        [(f"4:{last}", "audit_kepala"), (base64.b64encode(sig).decode(), "audit_kepala_tanda")],
    )
    check = audit_periksa.check_trail(db.conn)
    assert {m.jenis for m in check.masalah} == {"tanda", "tak_tercatat"}
    assert "Tanda tangan kepala jejak audit" in check.message


def test_a_cut_chained_over_by_merit_is_found_in_the_change_log(db: Database) -> None:
    """Re-chaining: entries of writes cut off, then new entries appended by Merit itself (which
    signs a consistent head): the writes without an entry give it away."""
    _writes(db, 5)
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit WHERE no > 4")
    db.conn.execute("DELETE FROM lokal_meta WHERE kunci LIKE 'audit_kepala%'")
    _writes(db, 2, start=10)  # appended by Merit: chain and signed head are consistent again
    assert audit.verify_chain(db.conn).ok  # the old check saw nothing
    check = audit_periksa.check_trail(db.conn)
    assert [m.jenis for m in check.masalah] == ["tak_tercatat"]
    assert "Perubahan no 3–5" in check.masalah[0].pesan
    assert "sebelum entri no 5" in check.masalah[0].pesan


def test_a_cut_of_reads_only_is_found_by_the_signed_head(db: Database) -> None:
    _writes(db, 3)
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit WHERE no = 6")  # the last entry: a read
    check = audit_periksa.check_trail(db.conn)
    assert [m.jenis for m in check.masalah] == ["terpotong"]
    assert check.masalah[0].pesan == (
        "Jejak audit terpotong: kepala mencatat 6 entri, kini hanya sampai no 5; entri no 6 hilang."
    )


def test_sign_in_records_the_break_first_and_once(db: Database) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    _writes(db, 3)
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit WHERE no > 5")  # two writes' entries cut
    signed_in = akun.masuk_diperiksa(db, "admin", "kopi pagi di kantor")
    assert signed_in.sesi.nama_pengguna == "admin"
    assert {m.jenis for m in signed_in.jejak.masalah} == {"terpotong", "tak_tercatat"}
    rows = db.conn.execute("SELECT aksi, keterangan FROM lokal_audit WHERE no > 5").fetchall()
    assert [r[0] for r in rows] == ["Jejak audit tidak utuh", "Masuk"]
    assert rows[0][1].startswith("Ditemukan sebelum masuk: Jejak audit terpotong")
    # The chain is consistent again, but the check names the recorded break...
    check = audit_periksa.check_trail(db.conn)
    assert {m.jenis for m in check.masalah} == {"tak_tercatat"}
    assert [r.no for r in check.tercatat] == [6]
    # ...and the next sign-in does not write the same finding again.
    again = akun.masuk_diperiksa(db, "admin", "kopi pagi di kantor")
    assert not again.jejak.ok
    actions = [r[0] for r in db.conn.execute("SELECT aksi FROM lokal_audit WHERE no > 5")]
    assert actions == ["Jejak audit tidak utuh", "Masuk", "Masuk"]


def test_a_recorded_break_keeps_verify_failing_after_the_trail_is_consistent(
    db: Database,
) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    for _ in range(3):
        akun.keluar(db, akun.sesi_untuk(db, "admin"))
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit WHERE no = 4")  # a read: no change log trace
    akun.masuk_diperiksa(db, "admin", "kopi pagi di kantor")
    check = audit_periksa.check_trail(db.conn)
    assert check.ok and not check.utuh
    assert "kerusakan pernah ditemukan" in check.message
    assert check.as_json()["tercatat"][0]["no"] == 4


def test_migration_18_marks_an_older_head_and_the_next_entry_signs_it(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite3"
    db = Database(path)
    _writes(db, 2)
    conn = db.conn
    # As the file was at schema 17: no signature, no table of heads seen by peers.
    conn.execute("DELETE FROM lokal_meta WHERE kunci = 'audit_kepala_tanda'")
    conn.execute("DROP TABLE lokal_audit_kepala_peer")
    conn.execute("DELETE FROM lokal_migrasi WHERE versi >= 18")  # later ones re-apply
    conn.execute("PRAGMA user_version = 17")
    db.close()
    again = Database(path)
    head = audit_kepala.read_head(again.conn)
    assert head is not None and head.legacy
    check = audit_periksa.check_trail(again.conn)
    assert check.utuh and check.catatan and "sebelum kepala ditandatangani" in check.catatan[0]
    assert audit_kepala.own_signed_head(again.conn) is None  # nothing unsigned travels
    Store(again).record_read("Membuka", actor="a")
    head = audit_kepala.read_head(again.conn)
    assert head is not None and not head.legacy
    assert audit_periksa.check_trail(again.conn).message.startswith("Jejak audit utuh")
    # A legacy marker that does not name the current head is no signature.
    again.conn.execute(
        "UPDATE lokal_meta SET nilai = 'lama:1:xyz' WHERE kunci = 'audit_kepala_tanda'"
    )
    assert _kinds(again) == {"tanda"}
    again.close()


def test_the_check_before_sign_in_never_locks_out(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")

    def broken(*_a: object, **_k: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(audit_periksa, "check_trail", broken)
    signed_in = akun.masuk_diperiksa(db, "admin", "kopi pagi di kantor")
    assert signed_in.sesi.nama_pengguna == "admin"
    assert [m.jenis for m in signed_in.jejak.masalah] == ["pemeriksaan"]


def test_first_admin_after_accounts_and_entries_were_deleted_records_the_cut(
    db: Database,
) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    for _ in range(3):
        akun.keluar(db, akun.sesi_untuk(db, "admin"))
    _unguard(db)
    db.conn.execute("DELETE FROM lokal_audit WHERE no > 2")
    db.conn.execute("DELETE FROM lokal_akun_peran")
    db.conn.execute("DELETE FROM lokal_akun")
    akun.create_admin_pertama(db, "baru", "Admin Baru", "teh sore di kantor")
    actions = [r[0] for r in db.conn.execute("SELECT aksi FROM lokal_audit WHERE no > 2")]
    assert actions == ["Jejak audit tidak utuh", "Menambah akun"]
    assert not audit_periksa.check_trail(db.conn).utuh


# -- the change-log bound, as a property ----------------------------------------------------------

# A transaction of the write path: (records, batches), 1 <= batches <= records; None: a read.
_tx = st.one_of(
    st.none(),
    st.integers(min_value=1, max_value=8).flatmap(
        lambda j: st.tuples(st.just(j), st.integers(min_value=1, max_value=j))
    ),
)


def _trail(txs: list[tuple[int, int] | None]) -> tuple[list[tuple[int, int, int, int]], int]:
    """Entries (no, batch_seq, jumlah, batches) of own writes, and the batches written."""
    entries = []
    seq = 1
    for no, tx in enumerate(txs, start=1):
        if tx is None:
            continue
        jumlah, batches = tx
        entries.append((no, seq, jumlah, batches))
        seq += batches
    return entries, seq - 1


@settings(max_examples=300)
@given(st.lists(_tx, max_size=30))
def test_an_intact_trail_never_shows_a_gap(txs: list[tuple[int, int] | None]) -> None:
    entries, written = _trail(txs)
    own = [(no, seq, jumlah) for no, seq, jumlah, _ in entries]
    assert audit_periksa._coverage_problem(own, written) is None


@settings(max_examples=300)
@given(st.lists(_tx, min_size=1, max_size=30), st.data())
def test_cut_writes_beyond_the_slack_are_always_found(
    txs: list[tuple[int, int] | None], data: st.DataObject
) -> None:
    """Entries first..last cut out (their batches stay in the change log): found whenever the
    cut batches exceed what the entry before the cut could cover (records - batches)."""
    entries, written = _trail(txs)
    if not entries:
        return
    first = data.draw(st.integers(min_value=0, max_value=len(entries) - 1))
    last = data.draw(st.integers(min_value=first, max_value=len(entries) - 1))
    cut_batches = sum(b for _, _, _, b in entries[first : last + 1])
    kept = entries[:first] + entries[last + 1 :]
    slack = 0 if first == 0 else entries[first - 1][2] - entries[first - 1][3]
    found = audit_periksa._coverage_problem([e[:3] for e in kept], written)
    if cut_batches > slack:
        assert found is not None and found.jenis == "tak_tercatat"


def test_an_entry_appended_outside_merit_is_named(db: Database) -> None:
    _writes(db, 1)
    prev = db.conn.execute("SELECT hash FROM lokal_audit WHERE no = 2").fetchone()[0]
    fake = {k: None for k in audit.ENTRY_FIELDS} | {"no": 3, "waktu": "t", "aktor": "x"}
    fake |= {"aksi": "Palsu", "jumlah": 0}
    db.conn.execute(
        "INSERT INTO lokal_audit (no, waktu, aktor, aksi, jumlah, prev_hash, hash) "
        "VALUES (3, 't', 'x', 'Palsu', 0, ?, ?)",
        (prev, audit.entry_hash(fake, prev)),
    )
    check = audit_periksa.check_trail(db.conn)
    assert [m.pesan for m in check.masalah] == [
        "Entri no 3 ditambahkan di luar Merit (kepala jejak mencatat 2 entri)."
    ]
