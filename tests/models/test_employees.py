"""Searching, filtering and sorting employees, and the full record."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.pegawai import read as emp
from app.models.reference.data import golongan_order
from app.models.storage.db import Database
from tests.helpers.common import TODAY


def test_fts_query_from_what_a_clerk_types() -> None:
    assert emp.fts_query("") is None
    assert emp.fts_query("   ") is None
    assert emp.fts_query("siti ami") == '"siti"* AND "ami"*'
    assert emp.fts_query("1986 0926") == 'nip : "19860926"*'
    assert emp.fts_query("'19860926") == 'nip : "19860926"*'
    assert emp.fts_query("Ma'ruf") == '"Ma"* AND "ruf"*'


@given(st.text(max_size=40))
def test_any_typed_text_is_a_safe_query(text: str) -> None:
    import sqlite3

    query = emp.fts_query(text)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5 (nama_lengkap, nip)")
    if query is not None:
        conn.execute("SELECT * FROM f WHERE f MATCH ?", (query,)).fetchall()


def test_search_filter_sort(demo_db: Database) -> None:
    conn = demo_db.conn
    everyone = emp.list_employees(conn, emp.EmployeeFilter())
    assert len(everyone) == 300
    by_gol = emp.list_employees(conn, emp.EmployeeFilter(sort="golongan"))
    orders = [golongan_order(r["golongan"]) for r in by_gol]
    # Highest rank first, as in the DUK; the PNS ranks (IV/e ... I/a) before the PPPK golongan
    # (XVII ... I): a PPPK "X" is no rank above IV/e (issue 14 item 4).
    assert orders == sorted(orders, key=lambda o: (o >= 100, -o))
    assert any(o >= 100 for o in orders) and orders[0] < 100
    upward = [
        golongan_order(r["golongan"])
        for r in emp.list_employees(conn, emp.EmployeeFilter(sort="golongan", descending=True))
    ]
    assert upward == sorted(upward, key=lambda o: (o >= 100, o))
    by_nip = emp.list_employees(conn, emp.EmployeeFilter(sort="nip", descending=True))
    assert [r["nip"] for r in by_nip] == sorted((r["nip"] for r in by_nip), reverse=True)
    pppk = emp.list_employees(conn, emp.EmployeeFilter(status="PPPK"))
    assert pppk and all(r["jenis_asn"] == "PPPK" for r in pppk)
    struktural = emp.list_employees(conn, emp.EmployeeFilter(kelompok_jabatan="PENGAWAS"))
    assert struktural and all(r["jenjang_jabatan"] == "PENGAWAS" for r in struktural)


def test_unit_filter_includes_sub_units(demo_db: Database) -> None:
    from app.models.organisasi.units import unit_options

    conn = demo_db.conn
    options = unit_options(conn, max_depth=1)
    top = next(o for o in options if o.depth == 0)
    rows = emp.list_employees(conn, emp.EmployeeFilter(unit_id=top.id))
    assert rows and all(r["opd"] == top.nama for r in rows)
    subs = [o for o in options if o.depth == 1]
    sub = next(o for o in subs if emp.list_employees(conn, emp.EmployeeFilter(unit_id=o.id)))
    inside = emp.list_employees(conn, emp.EmployeeFilter(unit_id=sub.id))
    parent = emp.list_employees(
        conn, emp.EmployeeFilter(unit_id=emp.UnitTree.load(conn).opd(sub.id))
    )
    assert {r["nip"] for r in inside} <= {r["nip"] for r in parent}


def test_full_record_derives_from_histories(demo_db: Database) -> None:
    conn = demo_db.conn
    nip = conn.execute("SELECT nip FROM pegawai WHERE jenis_asn = 'PNS' LIMIT 1").fetchone()[0]
    record = emp.get_employee(conn, nip, today=TODAY)
    d = record.data
    newest = max(record.riwayat["pangkat"], key=lambda r: r["tmt"])
    assert d["golongan"] == newest["golongan_kode"] and d["tmt_golongan"] == newest["tmt"]
    assert d["jabatan"] == max(record.riwayat["jabatan"], key=lambda r: r["tmt"])["nama_jabatan"]
    assert d["tanggal_pensiun"][8:] == "01"
    assert d["masa_kerja"]["tahun"] >= 0
    assert emp.get_employee(conn, " '" + nip[:8] + " " + nip[8:], today=TODAY).id == record.id


def test_both_search_plans_give_the_same_ordered_result(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The selective plan (from the index) and the broad plan (table order) must agree."""
    conn = demo_db.conn
    filters = [
        emp.EmployeeFilter(search=text, kedudukan=kedudukan, sort=sort, descending=desc)
        for text in ("a", "su", "19", "198", "nur a", "zzz")
        for kedudukan in (None, "AKTIF")
        for sort, desc in (("nama", False), ("golongan", False), ("nip", True))
    ]
    monkeypatch.setattr(emp, "SELECTIVE_MATCHES", 10**9)
    selective = [emp.search_ids(conn, f) for f in filters]
    monkeypatch.setattr(emp, "SELECTIVE_MATCHES", -1)
    broad = [emp.search_ids(conn, f) for f in filters]
    assert selective == broad
    assert any(len(ids) > 10 for ids in broad)


def test_first_page_equals_the_head_of_the_full_ordered_result(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first screenful (LIMIT, walked in display order) is the first 50 of the whole list,
    for narrow and broad searches, each sort and both plans (issue 20)."""
    conn = demo_db.conn
    for threshold in (10**9, -1):
        monkeypatch.setattr(emp, "SELECTIVE_MATCHES", threshold)
        for text in ("", "a", "s", "su", "1", "19", "nur a", "zzz"):
            for kedudukan in (None, "AKTIF"):
                for sort, desc in (("nama", False), ("golongan", False), ("nip", True)):
                    flt = emp.EmployeeFilter(
                        search=text, kedudukan=kedudukan, sort=sort, descending=desc
                    )
                    full = emp.search_ids(conn, flt)
                    assert emp.search_ids(conn, flt, limit=50) == full[:50], (text, sort)
    assert len(emp.search_ids(conn, emp.EmployeeFilter(search="a"), limit=50)) == 50


def test_default_list_keys_come_from_a_covering_index(demo_db: Database) -> None:
    flt = emp.EmployeeFilter(kedudukan="AKTIF")
    where, params = emp._where(demo_db.conn, flt)
    plan = demo_db.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT r.rowid FROM pegawai_ringkas r WHERE {where} "
        f"ORDER BY {emp._order(flt)}",
        params,
    ).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "COVERING INDEX pegawai_ringkas_kedudukan_nama" in details
    assert "TEMP B-TREE FOR ORDER BY" not in details  # at most ties are sorted


def test_walked_first_screenful_equals_the_full_search(demo_db: Database) -> None:
    """The first screenful found by walking the list in display order (no FTS5) is the head of
    the FTS5 result, or the whole of it when the walk reaches the end (issue 20)."""
    conn = demo_db.conn
    texts = ("", "a", "s", "Su", "nur a", "ma'ruf", "1", "19", "1986 0", "zzz", "é", "nur-a")
    for text in texts:
        for kedudukan in (None, "AKTIF"):
            for sort, desc in (("nama", False), ("golongan", False), ("nip", True)):
                flt = emp.EmployeeFilter(
                    search=text, kedudukan=kedudukan, sort=sort, descending=desc
                )
                full = emp.search_ids(conn, flt)
                first = emp.first_ids(conn, flt, 50)
                if first is None:
                    assert text in ("é", "nur-a"), text  # not plain: the FTS5 path
                    continue
                ids, whole = first
                assert ids == (full if whole else full[:50]), (text, kedudukan, sort)
                assert whole == (len(full) < 50) or (whole and len(full) == 50)


def test_a_short_walk_gives_up_rather_than_guess(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the walk does not find the screenful within WALK_ROWS rows it says so (None), and
    what it does return is still the head of the full result."""
    conn = demo_db.conn
    monkeypatch.setattr(emp, "WALK_ROWS", 20)
    results = []
    for text in ("a", "su", "nur a", "19", "zzz"):
        flt = emp.EmployeeFilter(search=text)
        first = emp.first_ids(conn, flt, 10)
        results.append(first)
        if first is not None:
            assert first[0] == emp.search_ids(conn, flt)[:10] and not first[1]
    assert None in results  # "zzz" and the rarer terms
    assert any(r is not None for r in results)  # "a" fills 10 rows within 20
