"""The one write path: change capture for every write, audit, all-or-nothing, and the check
that proves no row was written around it."""

from __future__ import annotations

import json
import sqlite3
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.errors import NotFoundError, ValidationError
from app.models.storage import instansi, ringkas
from app.models.storage import store as storemod
from app.models.storage.changelog import Hlc, next_hlc
from app.models.storage.db import Database
from app.models.storage.store import Store


def _unit(tx: storemod.WriteTx, nama: str = "Dinas Uji") -> str:
    return tx.insert("unit_organisasi", {"nama": nama, "jenis": "OPD"})


def _pegawai(tx: storemod.WriteTx, nip: str = "198609262015051001", nama: str = "Budi") -> str:
    return tx.insert(
        "pegawai",
        {
            "jenis_asn": "PNS",
            "nip": nip,
            "nama": nama,
            "tanggal_lahir": "1986-09-26",
            "jenis_kelamin": "L",
            "status_kepegawaian": "PNS",
            "tmt_cpns": "2015-05-01",
        },
    )


def _batches(db: Database) -> list[dict]:
    rows = db.conn.execute(
        "SELECT origin, seq, hlc, vv, ops, op_count, actor FROM lokal_batch ORDER BY seq"
    ).fetchall()
    return [
        {
            "origin": r[0],
            "seq": r[1],
            "hlc": r[2],
            "vv": json.loads(r[3]),
            "ops": json.loads(zlib.decompress(r[4])),
            "count": r[5],
            "actor": r[6],
        }
        for r in rows
    ]


def test_insert_is_captured_field_by_field_with_origin_seq_and_clock(db: Database) -> None:
    store = Store(db)
    with store.write("uji", actor="operator1") as tx:
        pid = _pegawai(tx)
    [batch] = _batches(db)
    assert batch["origin"] == db.node_id and batch["seq"] == 1
    assert batch["actor"] == "operator1"
    assert batch["vv"] == {}
    [[table, row_id, fields]] = batch["ops"]
    assert (table, row_id) == ("pegawai", pid)
    assert fields["nip"] == "198609262015051001" and fields["deleted"] == 0
    assert "id" not in fields
    audit = db.conn.execute(
        "SELECT aktor, aksi, tabel, record_id, batch_seq FROM lokal_audit"
    ).fetchall()
    assert [tuple(a) for a in audit] == [("operator1", "uji", "pegawai", pid, 1)]


def test_update_records_only_changed_fields_and_noop_writes_nothing(db: Database) -> None:
    store = Store(db)
    with store.write("a") as tx:
        pid = _pegawai(tx)
    with store.write("b") as tx:
        assert tx.update("pegawai", pid, {"nama": "Budi", "telepon": None}) == []
    assert len(_batches(db)) == 1
    assert db.conn.execute("SELECT count(*) FROM lokal_audit").fetchone()[0] == 1
    with store.write("c") as tx:
        assert tx.update("pegawai", pid, {"nama": "Budi Santoso", "telepon": None}) == ["nama"]
    second = _batches(db)[1]
    assert second["seq"] == 2
    assert second["ops"] == [["pegawai", pid, {"nama": "Budi Santoso"}]]
    assert second["vv"] == {db.node_id: 1}


def test_delete_is_a_soft_write_of_the_deleted_flag(db: Database) -> None:
    store = Store(db)
    with store.write("a") as tx:
        pid = _pegawai(tx)
    with store.write("hapus") as tx:
        assert tx.delete("pegawai", pid) is True
        assert tx.delete("pegawai", pid) is False
    assert db.conn.execute("SELECT deleted FROM pegawai WHERE id = ?", (pid,)).fetchone()[0] == 1
    assert _batches(db)[-1]["ops"] == [["pegawai", pid, {"deleted": 1}]]
    summary = db.conn.execute(
        "SELECT deleted FROM pegawai_ringkas WHERE pegawai_id = ?", (pid,)
    ).fetchone()
    assert summary[0] == 1
    with store.write("pulihkan") as tx:
        assert tx.undelete("pegawai", pid)
    assert instansi.check(db).ok


def test_an_error_inside_a_write_leaves_nothing_behind(db: Database) -> None:
    store = Store(db)
    with pytest.raises(RuntimeError), store.write("gagal") as tx:
        _pegawai(tx)
        raise RuntimeError("boom")
    for table in ("pegawai", "lokal_batch", "lokal_audit", "lokal_versi", "pegawai_ringkas"):
        assert db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    # the sequence continues without a gap afterwards
    with store.write("ok") as tx:
        _pegawai(tx)
    assert [b["seq"] for b in _batches(db)] == [1]


def test_constraint_violation_becomes_validation_error_and_rolls_back(db: Database) -> None:
    store = Store(db)
    with pytest.raises(ValidationError), store.write("salah") as tx:
        tx.insert(
            "pegawai",
            {
                "jenis_asn": "HONORER",
                "nip": "1",
                "nama": "X",
                "tanggal_lahir": "2000-01-01",
                "jenis_kelamin": "L",
                "status_kepegawaian": "PNS",
            },
        )
    assert db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] == 0


def test_dangling_reference_is_refused_at_commit(db: Database) -> None:
    store = Store(db)
    with pytest.raises(ValidationError), store.write("salah") as tx:
        tx.insert(
            "riwayat_pangkat",
            {"pegawai_id": "tidak-ada", "golongan_kode": "III/a", "tmt": "2020-04-01"},
        )
    assert db.conn.execute("SELECT count(*) FROM riwayat_pangkat").fetchone()[0] == 0


def test_unknown_table_or_column_never_reaches_sql(db: Database) -> None:
    store = Store(db)
    with pytest.raises(ValueError), store.write("x") as tx:
        tx.insert("lokal_meta", {"kunci": "a", "nilai": "b"})
    with pytest.raises(ValueError), store.write("x") as tx:
        tx.insert("pegawai; DROP TABLE pegawai", {"nama": "x"})
    with store.write("x") as tx:
        pid = _pegawai(tx)
    with pytest.raises(ValueError), store.write("x") as tx:
        tx.update("pegawai", pid, {"nama = 'x', nip": "1"})
    with pytest.raises(NotFoundError), store.write("x") as tx:
        tx.update("pegawai", "tidak-ada", {"nama": "x"})


def test_clock_never_goes_back_even_when_the_wall_clock_does(db: Database) -> None:
    now = [1_700_000_000.0]
    store = Store(db, clock=lambda: now[0])
    with store.write("a") as tx:
        pid = _pegawai(tx)
    now[0] -= 365 * 86400  # the laptop's clock jumps a year back
    with store.write("b") as tx:
        tx.update("pegawai", pid, {"nama": "B"})
    now[0] += 2 * 365 * 86400
    with store.write("c") as tx:
        tx.update("pegawai", pid, {"nama": "C"})
    clocks = [Hlc.decode(b["hlc"]) for b in _batches(db)]
    assert (
        clocks[0] < clocks[1] < clocks[2]
        if False
        # dataclass has no ordering
        else (
            (clocks[0].wall, clocks[0].counter)
            < (clocks[1].wall, clocks[1].counter)
            < (clocks[2].wall, clocks[2].counter)
        )
    )
    assert clocks[1].wall == clocks[0].wall and clocks[1].counter == 1


@given(st.lists(st.integers(min_value=0, max_value=2**45), min_size=1, max_size=50))
def test_hlc_is_strictly_increasing_whatever_the_wall_clock(walls: list[int]) -> None:
    last = None
    for wall in walls:
        new = next_hlc(last, wall)
        if last is not None:
            assert (new.wall, new.counter) > (last.wall, last.counter)
            assert new.encode() > last.encode()  # text order equals clock order
        assert new.wall >= wall
        last = new


def test_large_transactions_are_cut_into_gapless_batches(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storemod, "MAX_ROWS_PER_BATCH", 10)
    store = Store(db)
    with store.write("banyak") as tx:
        unit = _unit(tx)
        tx.insert_many(
            "jabatan",
            [
                {
                    "unit_id": unit,
                    "nama": f"Jabatan {i}",
                    "jenis_kode": "JA",
                    "jenjang_kode": "PELAKSANA",
                }
                for i in range(35)
            ],
        )
    batches = _batches(db)
    assert [b["seq"] for b in batches] == [1, 2, 3, 4]
    assert sum(b["count"] for b in batches) == 36
    assert batches[3]["vv"] == {db.node_id: 3}
    assert instansi.check(db).ok


def test_summary_follows_the_histories(db: Database) -> None:
    store = Store(db)
    with store.write("a") as tx:
        unit = _unit(tx, "Dinas Kesehatan")
        pid = _pegawai(tx)
        tx.insert(
            "riwayat_pangkat", {"pegawai_id": pid, "golongan_kode": "III/a", "tmt": "2015-05-01"}
        )
        tx.insert(
            "riwayat_jabatan",
            {
                "pegawai_id": pid,
                "nama_jabatan": "Perawat Ahli Pertama",
                "jenis_kode": "JF",
                "unit_id": unit,
                "tmt": "2016-01-01",
            },
        )
    row = db.conn.execute(
        "SELECT golongan_kode, jabatan_nama, opd_nama FROM pegawai_ringkas"
    ).fetchone()
    assert tuple(row) == ("III/a", "Perawat Ahli Pertama", "Dinas Kesehatan")
    with store.write("kp") as tx:
        tx.insert(
            "riwayat_pangkat", {"pegawai_id": pid, "golongan_kode": "III/b", "tmt": "2019-04-01"}
        )
    assert db.conn.execute("SELECT golongan_kode FROM pegawai_ringkas").fetchone()[0] == "III/b"
    with store.write("ganti nama unit") as tx:
        tx.update("unit_organisasi", unit, {"nama": "Dinas Kesehatan Kota"})
    assert (
        db.conn.execute("SELECT opd_nama FROM pegawai_ringkas").fetchone()[0]
        == "Dinas Kesehatan Kota"
    )
    assert instansi.check(db).ok


def test_check_finds_writes_around_the_write_path(db: Database) -> None:
    store = Store(db)
    with store.write("a") as tx:
        pid = _pegawai(tx)
    assert instansi.check(db).ok
    db.conn.execute("UPDATE pegawai SET nama = 'Diam-diam' WHERE id = ?", (pid,))
    report = instansi.check(db)
    assert not report.ok
    assert any("berbeda dari log" in p for p in report.problems)


def test_check_finds_a_row_with_no_history_in_the_log(db: Database) -> None:
    db.conn.execute("INSERT INTO unit_organisasi (id, nama, jenis) VALUES ('x', 'Siluman', 'OPD')")
    report = instansi.check(db)
    assert any("tidak ada di log" in p for p in report.problems)


def test_check_finds_a_tampered_batch(db: Database) -> None:
    store = Store(db)
    with store.write("a") as tx:
        _pegawai(tx)
    blob = db.conn.execute("SELECT ops FROM lokal_batch").fetchone()[0]
    ops = json.loads(zlib.decompress(blob))
    ops[0][2]["nama"] = "Palsu"
    db.conn.execute("UPDATE lokal_batch SET ops = ?", (zlib.compress(json.dumps(ops).encode()),))
    db.conn.execute("UPDATE pegawai SET nama = 'Palsu'")
    report = instansi.check(db)
    assert any("hash" in p for p in report.problems)


def test_check_finds_a_gap_in_the_sequence(db: Database) -> None:
    store = Store(db)
    for name in ("a", "b", "c"):
        with store.write(name) as tx:
            _pegawai(tx, nama=name)
    db.conn.execute("DELETE FROM lokal_batch WHERE seq = 2")
    report = instansi.check(db)
    assert any("melompat" in p for p in report.problems)


# A random program of writes: after it, the database equals the replay of its change log.
_write_op = st.one_of(
    st.tuples(st.just("insert"), st.text(min_size=1, max_size=12)),
    st.tuples(st.just("update"), st.integers(0, 20), st.text(max_size=12)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("undelete"), st.integers(0, 20)),
    st.tuples(st.just("fail"), st.text(min_size=1, max_size=5)),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(_write_op, min_size=1, max_size=5), min_size=1, max_size=8))
def test_every_write_is_in_the_log(
    tmp_path_factory: pytest.TempPathFactory, program: list[list[tuple]]
) -> None:
    database = Database(tmp_path_factory.mktemp("prop") / "p.sqlite3")
    store = Store(database)
    units: list[str] = []
    expected_batches = 0
    try:
        for transaction in program:
            fails = any(op[0] == "fail" for op in transaction)
            wrote = False
            try:
                with store.write("program") as tx:
                    for op in transaction:
                        if op[0] == "insert":
                            units.append(
                                tx.insert("unit_organisasi", {"nama": op[1], "jenis": "OPD"})
                            )
                            wrote = True
                        elif op[0] == "update" and units:
                            wrote |= bool(
                                tx.update(
                                    "unit_organisasi", units[op[1] % len(units)], {"nama": op[2]}
                                )
                            )
                        elif op[0] == "delete" and units:
                            wrote |= tx.delete("unit_organisasi", units[op[1] % len(units)])
                        elif op[0] == "undelete" and units:
                            wrote |= tx.undelete("unit_organisasi", units[op[1] % len(units)])
                        elif op[0] == "fail":
                            raise KeyError(op[1])
            except KeyError:
                units = [
                    u
                    for u in units
                    if database.conn.execute(
                        "SELECT 1 FROM unit_organisasi WHERE id = ?", (u,)
                    ).fetchone()
                ]
            if wrote and not fails:
                expected_batches += 1
        report = instansi.check(database)
        assert report.ok, report.problems
        seqs = [r[0] for r in database.conn.execute("SELECT seq FROM lokal_batch ORDER BY seq")]
        assert seqs == list(range(1, expected_batches + 1))
    finally:
        database.close()


def test_sqlite_row_values_roundtrip_types(db: Database) -> None:
    store = Store(db)
    with store.write("a") as tx:
        pid = _pegawai(tx)
        tx.insert(
            "riwayat_kgb",
            {
                "pegawai_id": pid,
                "tmt": "2020-01-01",
                "golongan_kode": "III/a",
                "gaji_pokok": 3_000_000,
                "mk_tahun": 4,
                "mk_bulan": 0,
            },
        )
    assert instansi.check(db).ok
    assert isinstance(db.conn, sqlite3.Connection)


def test_summary_is_refreshed_only_when_its_inputs_change(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed: list[set[str]] = []
    real = ringkas.refresh

    def spy(conn: sqlite3.Connection, ids: object, **kw: object) -> int:
        refreshed.append(set(ids))  # type: ignore[call-overload]
        return real(conn, refreshed[-1], **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ringkas, "refresh", spy)
    pid = demo_db.conn.execute("SELECT id FROM pegawai LIMIT 1").fetchone()[0]
    store = Store(demo_db)
    with store.write("telepon", actor="uji") as tx:
        tx.update("pegawai", pid, {"telepon": "081299990000"})
    assert refreshed[-1] == set()
    with store.write("nama", actor="uji") as tx:
        tx.update("pegawai", pid, {"nama": "Nama Baru Sekali"})
    assert refreshed[-1] == {pid}
    row = demo_db.conn.execute(
        "SELECT nama FROM pegawai_ringkas WHERE pegawai_id = ?", (pid,)
    ).fetchone()
    assert row[0] == "Nama Baru Sekali"
    assert instansi.check(demo_db).ok  # the summary still equals what the rules derive


def test_write_leaves_a_summary_of_what_it_wrote(db: Database) -> None:
    store = Store(db)
    with store.write("tambah") as tx:
        unit = _unit(tx)
        other = _unit(tx, "Dinas Lain")
        pid = _pegawai(tx)
        assert tx.changes == storemod.Changes()  # filled when the transaction commits
    first = tx.changes
    assert first.tables == ("pegawai", "unit_organisasi")
    assert first.counts == {("unit_organisasi", "baru"): 2, ("pegawai", "baru"): 1}
    assert first.records == 3
    assert first.batches == ((db.node_id, 1),)
    with store.write("ubah") as tx:
        tx.update("unit_organisasi", unit, {"nama": "Dinas Baru"})
        tx.delete("unit_organisasi", other)
        tx.update("pegawai", pid, {"nama": "Budi"})  # unchanged: not written
    assert tx.changes.counts == {("unit_organisasi", "ubah"): 1, ("unit_organisasi", "hapus"): 1}
    assert tx.changes.tables == ("unit_organisasi",) and tx.changes.records == 2
    assert tx.changes.batches == ((db.node_id, 2),)
    with pytest.raises(RuntimeError), store.write("gagal") as tx:
        _unit(tx, "Tidak jadi")
        raise RuntimeError("batal")
    assert tx.changes == storemod.Changes()  # rolled back: nothing written


def test_check_compares_the_last_write_of_each_field(db: Database) -> None:
    """The replay keeps the fields of the insert that no later write changed (issue 20's
    compact replay merges writes per row)."""
    store = Store(db)
    with store.write("a") as tx:
        pid = _pegawai(tx)
    with store.write("b") as tx:
        tx.update("pegawai", pid, {"nama": "Budi Santoso"})
    assert instansi.check(db).ok
    db.conn.execute("UPDATE pegawai SET nip = '198609262015051002' WHERE id = ?", (pid,))
    report = instansi.check(db)
    assert any("kolom nip berbeda dari log" in p for p in report.problems)
    db.conn.execute("UPDATE pegawai SET nip = '198609262015051001', nama = 'Budi' WHERE id = ?",
                    (pid,))  # fmt: skip
    report = instansi.check(db)
    assert any("kolom nama berbeda dari log" in p for p in report.problems)


def test_check_finds_a_row_removed_around_the_write_path(db: Database) -> None:
    store = Store(db)
    with store.write("a") as tx:
        uid = tx.insert("unit_organisasi", {"nama": "Bagian Umum", "jenis": "OPD"})
    assert instansi.check(db).ok
    db.conn.execute("DELETE FROM unit_organisasi WHERE id = ?", (uid,))
    report = instansi.check(db)
    assert any(f"unit_organisasi {uid} yang tidak ada di basis data" in p for p in report.problems)
    assert report.facts["baris_tidak_cocok"] == 1


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.binary(max_size=4),
)


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["pegawai", "unit_organisasi"]),
            st.sampled_from(["a", "b", "c"]),
            st.dictionaries(st.sampled_from(["x", "y", "z", "nama"]), _VALUES, max_size=3),
        ),
        max_size=30,
    )
)
def test_compact_replay_equals_the_plain_replay(
    ops: list[tuple[str, str, dict[str, object]]],
) -> None:
    plain: dict[tuple[str, str], dict[str, object]] = {}
    replay = instansi._Replay()
    for table, row_id, fields in ops:
        plain.setdefault((table, row_id), {}).update(fields)
        replay.update(table, row_id, fields)
    assert sorted(replay.left()) == sorted(plain)
    for (table, row_id), fields in plain.items():
        assert (table, row_id) in replay
        got = replay.pop(table, row_id)
        assert got == fields
        assert got is not None
        assert [type(v) for v in got.values()] == [type(v) for v in fields.values()]
    assert replay.left() == []
