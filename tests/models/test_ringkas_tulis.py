"""The summary refresh (rules applied while the rows stream, staged rows written by one
statement, unchanged rows skipped) stores exactly what the former derivation (per employee, with
the functions of app.models.rules.derivations, kept here as the reference) and per-row upsert of
every derived row stored: the same summary rows (rowids included) and the same FTS index, over a
varied demo with stale, missing and changed summary rows; the streaming rules agree with those
functions (Hypothesis)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.models.reference.loader import Referensi
from app.models.rules import derivations as d
from app.models.storage import ringkas
from tests.helpers.common import copy_database


def _rows_by_pegawai(
    conn: sqlite3.Connection, table: str, columns: str, ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    result: dict[str, list[dict[str, Any]]] = defaultdict(list)
    marks = ", ".join("?" for _ in ids)
    cur = conn.execute(
        f"SELECT pegawai_id, {columns} FROM {table} WHERE deleted = 0 AND pegawai_id IN ({marks})",
        ids,
    )
    names = [c.strip() for c in columns.split(",")]
    for row in cur:
        result[row[0]].append(dict(zip(names, row[1:], strict=True)))
    return result


def _reference_rows(
    conn: sqlite3.Connection, ids: list[str], ref: Referensi, tree: ringkas.UnitTree
) -> Iterator[tuple[Any, ...]]:
    """The former ringkas.summary_rows: per employee, with the derivation functions."""
    gol_urutan = ref.golongan_urutan
    pend_urutan = ref.pendidikan_urutan
    for start in range(0, len(ids), ringkas.CHUNK):
        chunk = ids[start : start + ringkas.CHUNK]
        marks = ", ".join("?" for _ in chunk)
        pegawai = conn.execute(
            "SELECT id, nip, nama, gelar_depan, gelar_belakang, jenis_asn, status_kepegawaian, "
            f"kedudukan, jenis_kelamin, tanggal_lahir, deleted FROM pegawai WHERE id IN ({marks})",
            chunk,
        ).fetchall()
        pangkat = _rows_by_pegawai(conn, "riwayat_pangkat", "id, golongan_kode, tmt", chunk)
        jabatan = _rows_by_pegawai(
            conn,
            "riwayat_jabatan",
            "id, nama_jabatan, jenis_kode, jenjang_kode, unit_id, tmt, tanggal_sk",
            chunk,
        )
        pendidikan = _rows_by_pegawai(
            conn, "riwayat_pendidikan", "tingkat_kode, tahun_lulus", chunk
        )
        for p in pegawai:
            pid = p[0]
            pk = d.current_pangkat(pangkat.get(pid, []), gol_urutan)
            jb = d.current_jabatan(jabatan.get(pid, []))
            pd = d.highest_pendidikan(pendidikan.get(pid, []), pend_urutan)
            unit_id = jb["unit_id"] if jb else None
            opd_id = tree.opd(unit_id)
            yield (
                pid,
                p[1],
                p[2],
                d.nama_lengkap(p[2], p[3], p[4]),
                p[2].casefold(),
                p[5],
                p[6],
                p[7],
                p[8],
                p[9],
                pk["golongan_kode"] if pk else None,
                gol_urutan(pk["golongan_kode"]) if pk else None,
                pk["tmt"] if pk else None,
                jb["nama_jabatan"] if jb else None,
                jb["jenis_kode"] if jb else None,
                jb["jenjang_kode"] if jb else None,
                jb["tmt"] if jb else None,
                unit_id,
                tree.nama.get(unit_id or ""),
                opd_id,
                tree.nama.get(opd_id or ""),
                pd["tingkat_kode"] if pd else None,
                p[10],
            )


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
    """The former refresh: per-employee derivation, one upsert statement per derived row."""
    ref = Referensi.load(conn)
    tree = ringkas.UnitTree.load(conn)
    rows = list(_reference_rows(conn, sorted(set(ids)), ref, tree))
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


# Few values, so that ties (same TMT, same golongan, same year) and unknown codes are common.
_GOLONGAN = {"III/a": 9, "III/b": 10, "IV/a": 13, "IX": 9, "Z": 0}
_PENDIDIKAN = {"SMA": 3, "S1": 7, "D4": 7, "S2": 8, "X": 0}
_PIDS = st.sampled_from(["p1", "p2", "p3"])
_TMT = st.sampled_from([None, "", "2010-01-01", "2015-04-01", "2015-04-01", "2020-10-01"])


@given(
    st.lists(
        st.tuples(_PIDS, st.sampled_from([*_GOLONGAN, "?", "", "IV/a"]), _TMT),
        max_size=12,
    )
)
def test_pick_pangkat_follows_current_pangkat(rows: list[tuple[str, str, Any]]) -> None:
    picked = ringkas.pick_pangkat(rows, _GOLONGAN)
    for pid in {r[0] for r in rows}:
        mine = [
            {"n": n, "golongan_kode": k, "tmt": t} for n, (p, k, t) in enumerate(rows) if p == pid
        ]
        best = d.current_pangkat(mine, lambda k: _GOLONGAN.get(k or ""))
        assert best is not None
        assert picked[pid] == (best["golongan_kode"], best["tmt"])
        # the very row, not only an equal one (the tmt of an undated row: None or "")
        assert picked[pid][1] is best["tmt"]
    assert set(picked) == {r[0] for r in rows}


@given(
    st.lists(
        st.tuples(
            _PIDS,
            st.sampled_from([None, "", "a", "b"]),
            st.sampled_from(["Analis", "Kepala", None]),
            _TMT,
            st.sampled_from([None, "", "2015-03-01", "2015-05-01"]),
        ),
        max_size=12,
    )
)
def test_pick_jabatan_follows_current_jabatan(rows: list[tuple[Any, ...]]) -> None:
    full = [
        (pid, rid, nama, f"J{n}", None, f"u{n}", tmt, sk)
        for n, (pid, rid, nama, tmt, sk) in enumerate(rows)
    ]
    picked = ringkas.pick_jabatan(full)
    names = ("id", "nama_jabatan", "jenis_kode", "jenjang_kode", "unit_id", "tmt", "tanggal_sk")
    for pid in {r[0] for r in full}:
        mine = [dict(zip(names, r[1:], strict=True)) for r in full if r[0] == pid]
        best = d.current_jabatan(mine)
        assert best is not None
        assert picked[pid] == tuple(best[c] for c in names)
    assert set(picked) == {r[0] for r in full}


@given(
    st.lists(
        st.tuples(
            _PIDS,
            st.sampled_from([*_PENDIDIKAN, "?"]),
            st.sampled_from([None, 0, 1999, 2005, 2005]),
        ),
        max_size=12,
    )
)
def test_pick_pendidikan_follows_highest_pendidikan(rows: list[tuple[str, str, Any]]) -> None:
    tagged = [(pid, kode, tahun) for pid, kode, tahun in rows]
    picked = ringkas.pick_pendidikan(tagged, _PENDIDIKAN)
    for pid in {r[0] for r in tagged}:
        mine = [{"tingkat_kode": k, "tahun_lulus": t} for p, k, t in tagged if p == pid]
        best = d.highest_pendidikan(mine, lambda k: _PENDIDIKAN.get(k or "", -1))
        assert best is not None
        assert picked[pid] == best["tingkat_kode"]
