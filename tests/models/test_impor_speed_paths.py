"""The import's fast paths give what the general functions give (issue 20)."""

from __future__ import annotations

import gc
import re
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.access import audit
from app.models.impor import apply as apply_module
from app.models.impor import normalise as n
from app.models.impor import read
from app.models.impor.apply import apply_import
from app.models.impor.bulk import collector_paused
from app.models.impor.compare import natural_id as fast_natural_id
from app.models.impor.fields import guess_mapping
from app.models.impor.plan import plan_import
from app.models.impor.read import read_source
from app.models.impor.rows import Row
from app.models.reference.loader import natural_id
from app.models.storage import changelog, ringkas
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.common import TODAY
from tests.helpers.impor import write_siasn_xlsx

_part = st.one_of(st.text(max_size=30), st.integers(), st.none(), st.dates())


@given(st.lists(_part, min_size=1, max_size=5))
def test_natural_id_same_as_loader(parts: list[object]) -> None:
    assert fast_natural_id(*parts) == natural_id(*parts)


_cell = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(["-", " n/a ", "=SUM(A1)", "+62 812", "@A1", "-A1", "\u00a0x\u00a0 y", "nan"]),
)


@given(st.lists(_cell, min_size=0, max_size=4))
def test_row_text_same_as_clean_text(cells: list[str | None]) -> None:
    names = ["nama", "alamat", "telepon", "email", "jabatan"]  # the last one beyond the cells
    by_field = {name: i for i, name in enumerate(names)}
    row = Row(7, cells, by_field, [f"K{i}" for i in range(len(names))])
    for name in names:
        expected = n.clean_text(row.raw(name))
        formula = expected is not None and n.looks_like_formula(expected)
        assert row.text(name) == (None if formula else expected)
        assert (name in row.formulas) == formula
    assert len(row.issues) == len(row.formulas)


def test_collector_paused_and_resumed() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outermost block resumes it
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def _audited_pegawai(db: Database) -> set[str]:
    no = db.conn.execute("SELECT max(no) FROM lokal_audit").fetchone()[0]
    return {
        r[0]
        for r in db.conn.execute(
            "SELECT pegawai_id FROM lokal_audit_pegawai WHERE audit_no = ?", (no,)
        )
    }


def test_audit_employees_of_a_write_same_as_from_the_log(db: Database, tmp_path: Path) -> None:
    """The write path sorts each batch's operations as it writes them; the audit entry names
    the employees audit.pegawai_in_batches finds by decoding the batches again."""
    path = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    source = read_source(path)
    plan = plan_import(db, source, guess_mapping(source.headers), today=TODAY)
    apply_import(db, plan, actor="sistem")
    first = _audited_pegawai(db)
    assert first  # the import's employees
    batches = [tuple(r) for r in db.conn.execute("SELECT origin, seq FROM lokal_batch")]
    assert first == audit.pegawai_in_batches(db.conn, batches)

    # A history row changed without its pegawai_id (looked up), a unit, a new employee.
    pangkat_id, pegawai_id = db.conn.execute(
        "SELECT id, pegawai_id FROM riwayat_pangkat LIMIT 1"
    ).fetchone()
    store = Store(db)
    with store.write("uji", actor="sistem") as tx:
        tx.update("riwayat_pangkat", pangkat_id, {"mk_tahun": 7})
        tx.insert("unit_organisasi", {"nama": "Bagian Uji", "jenis": "BAGIAN"})
        baru = tx.insert(
            "pegawai",
            {**plan.rows[0].pegawai, "id": None, "nip": "199001012015031001", "nik": None},
        )
    assert _audited_pegawai(db) == {pegawai_id, baru}
    assert _audited_pegawai(db) == audit.pegawai_in_batches(db.conn, list(tx.changes.batches))


def _written(db: Database) -> dict[str, object]:
    conn = db.conn
    ops = [op for b in Store(db).batches() for op in b.ops]
    tables = {
        t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}"))
        for t in (
            "pegawai",
            "riwayat_pangkat",
            "riwayat_jabatan",
            "riwayat_pendidikan",
            "unit_organisasi",
            "pegawai_ringkas",
        )
    }
    audit_rows = [
        (r[0], r[1], r[2], r[3])
        for r in conn.execute("SELECT aksi, tabel, jumlah, keterangan FROM lokal_audit")
    ]
    return {
        "ops": ops,
        "tables": tables,
        "audit": audit_rows,
        "audit_pegawai": _audited_pegawai(db),
        "fts": conn.execute("SELECT count(*) FROM pegawai_fts").fetchone()[0],
    }


def test_import_writes_what_row_by_row_inserts_write(tmp_path: Path) -> None:
    """apply_import (bulk inserts per chunk) against the same plan written one tx.insert at a
    time in the same order: the same rows, operations, summary, FTS and audit."""
    path = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    bulk = Database(tmp_path / "bulk.sqlite3")
    source = read_source(path)
    plan = plan_import(bulk, source, guess_mapping(source.headers), today=TODAY)
    assert plan.ok
    apply_import(bulk, plan, actor="sistem")

    single = Database(tmp_path / "single.sqlite3")
    keterangan = [r[0] for r in bulk.conn.execute("SELECT keterangan FROM lokal_audit")][-1]
    with Store(single).write(
        "Impor data pegawai", actor="sistem", keterangan=keterangan.split("; ")[0]
    ) as tx:
        for unit in plan.units:
            tx.insert("unit_organisasi", unit)
        work = [r for r in plan.rows if r.pegawai]
        for r in work:
            tx.insert("pegawai", r.pegawai)
        for table in ("riwayat_pendidikan", "riwayat_pangkat", "riwayat_jabatan"):
            for r in work:
                for t, row in r.riwayat:
                    if t == table:
                        tx.insert(t, row)
    a, b = _written(bulk), _written(single)
    assert a["ops"] and a["ops"] == b["ops"]
    assert a["tables"] == b["tables"]
    assert a["audit_pegawai"] == b["audit_pegawai"]
    assert a["fts"] == b["fts"] == len(work)
    assert a["audit"][-1] == b["audit"][-1]
    bulk.close()
    single.close()


def _log_rows(db: Database) -> list[tuple[object, ...]]:
    return [
        tuple(r)
        for r in db.conn.execute(
            "SELECT origin, seq, hlc, vv, ops, op_count, hash, signature, schema_version, actor "
            "FROM lokal_batch ORDER BY origin, seq"
        )
    ]


def _bulk_write(db: Database, background: bool, fail: bool = False) -> None:
    store = Store(db, clock=lambda: 1_800_000_000.0)
    with store.write("uji", actor="sistem") as tx:
        if background:
            tx.compress_in_background()
        tx.insert_many(
            "unit_organisasi",
            [{"id": f"u{i:05d}", "nama": f"Unit {i}", "jenis": "BIDANG"} for i in range(12_000)],
        )
        tx.update("unit_organisasi", "u00001", {"nama": "Unit satu"})
        if fail:
            raise RuntimeError("gagal di tengah")


def test_background_compression_stores_the_same_log(tmp_path: Path) -> None:
    """The import's change log compressed on a worker thread: the same rows, bytes and hashes
    (several batches, written in order), readable and verifiable as before; an error in the
    block rolls the batches back and stops the worker."""
    first = Database(tmp_path / "a.sqlite3")
    first.close()
    shutil.copy(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")  # the same node id
    plain, background = Database(tmp_path / "a.sqlite3"), Database(tmp_path / "b.sqlite3")
    before = _log_rows(background)
    with pytest.raises(RuntimeError):
        _bulk_write(background, background=True, fail=True)
    assert _log_rows(background) == before
    assert not any(t.name.startswith("merit-log") for t in threading.enumerate())
    _bulk_write(plain, background=False)
    _bulk_write(background, background=True)
    rows = _log_rows(background)
    assert len(rows) - len(before) == 3  # 12,001 operations: three batches
    assert rows == _log_rows(plain)
    for batch in Store(background).batches():
        raw = changelog.canonical_json(batch.ops)
        assert (
            changelog.batch_hash(
                batch.origin, batch.seq, batch.hlc, batch.vv, batch.schema_version, raw
            )
            == batch.hash
        )
    assert not any(t.name.startswith("merit-log") for t in threading.enumerate())
    plain.close()
    background.close()


_date_cell = st.one_of(
    st.none(),
    st.sampled_from(
        ["12-01-1980", " 12-01-1980 ", "1980-01-12", "31/02/1980", "-", "=TODAY()", "x", ""]
    ),
    st.dates().map(lambda d: d.strftime("%d-%m-%Y")),
    st.text(max_size=10),
)


@given(st.lists(st.lists(_date_cell, min_size=2, max_size=2), min_size=1, max_size=6))
def test_row_parse_remembered_same_as_fresh(rows: list[list[str | None]]) -> None:
    """parse() remembers cells as written across rows: each row gives the values, issues,
    texts and formulas it gives parsed alone, with nothing remembered."""
    by_field = {"tanggal_lahir": 0, "tmt_cpns": 1}
    headers = ["TGL LAHIR", "TMT CPNS"]
    shared: dict[tuple[str, ...], object] = {}
    for number, cells in enumerate(rows * 2, start=2):  # every row twice: the second remembered
        remembered = Row(number, cells, by_field, headers, shared)
        alone = Row(number, cells, by_field, headers, {})
        for name in ("tanggal_lahir", "tmt_cpns", "tmt_pns"):  # tmt_pns not mapped
            assert remembered.parse(name, n.parse_date) == alone.parse(name, n.parse_date)
            assert remembered.text(name) == alone.text(name)
        assert remembered.issues == alone.issues
        assert remembered.formulas == alone.formulas


def _beyond_backtracking(row: int, col: int) -> re.Pattern[bytes]:
    """The pattern of read._beyond as first written (plain quantifiers)."""
    return re.compile(
        (
            f'<c r="(?:[^A-Z]|(?:{read._greater_letters(col)})[0-9]'
            f'|[A-Z]+(?:[^A-Z0-9]|0|(?:{read._greater_number(row)})"|[0-9]+[^0-9"]))'
        ).encode()
    )


@given(
    st.integers(0, 300_000),
    st.integers(0, 20_000),
    st.lists(st.text(alphabet='ABQRZaz$0129"> ', max_size=9), min_size=1, max_size=4),
)
def test_beyond_possessive_same_as_backtracking(row: int, col: int, refs: list[str]) -> None:
    block = "".join(f'<c r="{ref}" t="s"><v>1</v></c>' for ref in refs).encode()
    fast = read._beyond(row, col).search(block)
    slow = _beyond_backtracking(row, col).search(block)
    assert (fast and fast.span()) == (slow and slow.span())


def _summary_and_fts(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = db.conn
    summary = [tuple(r) for r in conn.execute("SELECT * FROM pegawai_ringkas ORDER BY rowid")]
    fts = [tuple(r) for r in conn.execute("SELECT rowid, * FROM pegawai_fts ORDER BY rowid")]
    return summary, fts


def test_new_employees_summary_from_rows_in_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary of the employees an import inserts, derived from the rows in hand: the same
    summary rows (in the same order) and FTS as the write path's refresh that reads them back,
    and what the rules derive from the database (ringkas.differences); then a second import of
    changed rows (read back: they are not new)."""
    path = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    derived: list[tuple[object, ...]] = []
    original = ringkas.summary_rows_given

    def spy(*args: object, **kwargs: object) -> object:
        rows = list(original(*args, **kwargs))  # type: ignore[arg-type]
        derived.extend(rows)
        return iter(rows)

    monkeypatch.setattr(ringkas, "summary_rows_given", spy)
    in_hand = Database(tmp_path / "in_hand.sqlite3")
    source = read_source(path)
    apply_import(
        in_hand,
        plan_import(in_hand, source, guess_mapping(source.headers), today=TODAY),
        actor="sistem",
    )
    assert (
        derived
        and len(derived) == in_hand.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0]
    )
    assert ringkas.differences(in_hand.conn) == []

    monkeypatch.setattr(apply_module._NewSummaries, "write", lambda *a, **k: None)
    read_back = Database(tmp_path / "read_back.sqlite3")
    apply_import(
        read_back,
        plan_import(read_back, source, guess_mapping(source.headers), today=TODAY),
        actor="sistem",
    )
    assert _summary_and_fts(in_hand) == _summary_and_fts(read_back)
    in_hand.close()
    read_back.close()
