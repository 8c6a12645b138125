"""The derived per-employee summary (``pegawai_ringkas``) that the browser pages from.

It is local and derived: rebuilt from the replicated records by the rules of
:mod:`app.models.rules.derivations`, after every write (for the employees it touched) and on demand
(``merit check --perbaiki``). It never travels; sync imports refresh it the same way.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.models.reference.loader import Referensi
from app.models.rules import derivations as d

COLUMNS = (
    "pegawai_id",
    "nip",
    "nama",
    "nama_lengkap",
    "nama_urut",
    "jenis_asn",
    "status_kepegawaian",
    "kedudukan",
    "jenis_kelamin",
    "tanggal_lahir",
    "golongan_kode",
    "golongan_urutan",
    "tmt_golongan",
    "jabatan_nama",
    "jenis_jabatan_kode",
    "jenjang_kode",
    "tmt_jabatan",
    "unit_id",
    "unit_nama",
    "opd_id",
    "opd_nama",
    "pendidikan_kode",
    "deleted",
)
_UPSERT = (
    f"INSERT INTO pegawai_ringkas ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in COLUMNS)}) ON CONFLICT (pegawai_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:])
)
CHUNK = 900  # stays under SQLite's default limit of bound parameters

# The derived rows are first put into a scratch table of this connection (temp, no index, no
# trigger), then written by ONE statement that skips the rows already up to date. One statement
# rather than one per row matters because of the FTS triggers: SQLite opens a statement savepoint
# for each statement that fires a trigger, and FTS5 flushes its pending index at every savepoint,
# so a per-row upsert wrote one tiny FTS segment per employee (about 3/4 of the time of a refresh).
_STAGE = "temp.ringkas_baru"
_STAGE_CREATE = f"CREATE TEMP TABLE IF NOT EXISTS ringkas_baru ({', '.join(COLUMNS)})"
_STAGE_INSERT = f"INSERT INTO {_STAGE} VALUES ({', '.join('?' for _ in COLUMNS)})"
_STAGE_WRITE = (
    f"INSERT INTO pegawai_ringkas ({', '.join(COLUMNS)}) "
    f"SELECT {', '.join(f's.{c}' for c in COLUMNS)} FROM {_STAGE} s "
    "WHERE NOT EXISTS (SELECT 1 FROM pegawai_ringkas r WHERE r.pegawai_id = s.pegawai_id AND "
    + " AND ".join(f"r.{c} IS s.{c}" for c in COLUMNS[1:])
    + ") ORDER BY s.rowid ON CONFLICT (pegawai_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:])
)


class UnitTree:
    """The organisation tree in memory (a few thousand units at most)."""

    def __init__(self, rows: Iterable[sqlite3.Row | tuple[Any, ...]]) -> None:
        self.induk: dict[str, str | None] = {}
        self.nama: dict[str, str] = {}
        for row in rows:
            self.induk[row[0]] = row[1]
            self.nama[row[0]] = row[2]

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> UnitTree:
        return cls(conn.execute("SELECT id, induk_id, nama FROM unit_organisasi"))

    def opd(self, unit_id: str | None) -> str | None:
        """The top-level unit (perangkat daerah) that contains ``unit_id``."""
        seen: set[str] = set()
        current = unit_id
        while current is not None and current in self.induk and current not in seen:
            seen.add(current)
            parent = self.induk[current]
            if parent is None:
                return current
            current = parent
        return current

    def descendants(self, unit_id: str) -> set[str]:
        children: dict[str | None, list[str]] = defaultdict(list)
        for child, parent in self.induk.items():
            children[parent].append(child)
        result, stack = {unit_id}, [unit_id]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in result:
                    result.add(child)
                    stack.append(child)
        return result


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# The rules of app.models.rules.derivations (current_pangkat, current_jabatan,
# highest_pendidikan) applied while the rows stream from SQLite, one pass per table and chunk,
# on plain tuples: each keeps, per employee, the first row with the greatest key in the order the
# rows come (as max() did over the rows of that employee). tests/models/test_ringkas_tulis.py
# checks them against those functions.
Pangkat = tuple[str, Any]  # golongan_kode, tmt
Jabatan = tuple[Any, ...]  # id, nama_jabatan, jenis_kode, jenjang_kode, unit_id, tmt, tanggal_sk


def pick_pangkat(
    rows: Iterable[tuple[str, str, Any]], urutan: dict[str, int]
) -> dict[str, Pangkat]:
    """Rows (pegawai_id, golongan_kode, tmt) -> the rank in force per employee."""
    dated: dict[str, tuple[tuple[Any, int], str, Any]] = {}
    undated: dict[str, tuple[int, str, Any]] = {}
    for pid, kode, tmt in rows:
        u = urutan.get(kode or "") or 0
        if tmt:
            key = (tmt, u)
            held = dated.get(pid)
            if held is None or key > held[0]:
                dated[pid] = (key, kode, tmt)
        else:
            top = undated.get(pid)
            if top is None or u > top[0]:
                undated[pid] = (u, kode, tmt)
    result = {pid: (kode, tmt) for pid, (_, kode, tmt) in dated.items()}
    for pid, (u, kode, tmt) in undated.items():
        best = dated.get(pid)
        if best is None or u > best[0][1]:
            result[pid] = (kode, tmt)
    return result


def pick_jabatan(rows: Iterable[tuple[Any, ...]]) -> dict[str, Jabatan]:
    """Rows (pegawai_id, id, nama_jabatan, jenis_kode, jenjang_kode, unit_id, tmt, tanggal_sk)
    -> the position in force per employee (without pegawai_id)."""
    held: dict[str, tuple[tuple[bool, Any, Any, Any], Jabatan]] = {}
    for row in rows:
        pid, rid, tmt, sk = row[0], row[1], row[6], row[7]
        key = (not tmt, tmt or "", sk or "", rid or "")
        top = held.get(pid)
        if top is None or key > top[0]:
            held[pid] = (key, row[1:])
    return {pid: row for pid, (_, row) in held.items()}


def pick_pendidikan(rows: Iterable[tuple[str, str, Any]], urutan: dict[str, int]) -> dict[str, str]:
    """Rows (pegawai_id, tingkat_kode, tahun_lulus) -> the highest education's code per employee."""
    held: dict[str, tuple[tuple[int, Any], str]] = {}
    for pid, kode, tahun in rows:
        key = (urutan.get(kode or "", -1), tahun or 0)
        top = held.get(pid)
        if top is None or key > top[0]:
            held[pid] = (key, kode)
    return {pid: kode for pid, (_, kode) in held.items()}


def _live_rows(
    conn: sqlite3.Connection, table: str, columns: str, ids: list[str]
) -> Iterator[tuple[Any, ...]]:
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples
    marks = ", ".join("?" for _ in ids)
    return cur.execute(
        f"SELECT pegawai_id, {columns} FROM {table} WHERE deleted = 0 AND pegawai_id IN ({marks})",
        ids,
    )


def summary_rows(
    conn: sqlite3.Connection, ids: list[str], ref: Referensi, tree: UnitTree
) -> Iterator[tuple[Any, ...]]:
    """Derive the summary rows of the given employees."""
    derive = _Derive(ref, tree)
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        cur = conn.cursor()
        cur.row_factory = None
        pegawai = cur.execute(
            "SELECT id, nip, nama, gelar_depan, gelar_belakang, jenis_asn, status_kepegawaian, "
            f"kedudukan, jenis_kelamin, tanggal_lahir, deleted FROM pegawai WHERE id IN ({marks})",
            chunk,
        ).fetchall()
        pangkat = pick_pangkat(
            _live_rows(conn, "riwayat_pangkat", "golongan_kode, tmt", chunk), derive.gol_urutan
        )
        jabatan = pick_jabatan(
            _live_rows(
                conn,
                "riwayat_jabatan",
                "id, nama_jabatan, jenis_kode, jenjang_kode, unit_id, tmt, tanggal_sk",
                chunk,
            )
        )
        pendidikan = pick_pendidikan(
            _live_rows(conn, "riwayat_pendidikan", "tingkat_kode, tahun_lulus", chunk),
            derive.pend_urutan,
        )
        yield from derive.rows(pegawai, pangkat, jabatan, pendidikan)


def summary_rows_given(
    pegawai: list[tuple[Any, ...]],
    pangkat: Iterable[tuple[Any, Any, Any]],
    jabatan: Iterable[tuple[Any, ...]],
    pendidikan: Iterable[tuple[Any, Any, Any]],
    ref: Referensi,
    tree: UnitTree,
) -> Iterator[tuple[Any, ...]]:
    """:func:`summary_rows` of rows given instead of read back: the caller holds, for each
    employee of ``pegawai``, every live row of the three histories, as the tuples of
    summary_rows's queries with the values SQLite would return (an import's newly inserted
    employees, issue 20: the rows it has just written need not be read again)."""
    derive = _Derive(ref, tree)
    return derive.rows(
        pegawai,
        pick_pangkat(pangkat, derive.gol_urutan),
        pick_jabatan(jabatan),
        pick_pendidikan(pendidikan, derive.pend_urutan),
    )


class _Derive:
    """The summary rows of employees from their rows and what the histories give (one
    derivation for rows read and rows given)."""

    def __init__(self, ref: Referensi, tree: UnitTree) -> None:
        self.gol_urutan = {k: int(r["urutan"]) for k, r in ref.golongan.items()}
        self.pend_urutan = {k: int(r["urutan"]) for k, r in ref.pendidikan.items()}
        self.tree = tree
        self.opd_of: dict[str | None, str | None] = {}

    def rows(
        self,
        pegawai: list[tuple[Any, ...]],
        pangkat: dict[str, Pangkat],
        jabatan: dict[str, Jabatan],
        pendidikan: dict[str, str],
    ) -> Iterator[tuple[Any, ...]]:
        gol_urutan, tree, opd_of = self.gol_urutan, self.tree, self.opd_of
        nama_unit = tree.nama
        nama_lengkap = d.nama_lengkap
        for pid, nip, nama, depan, belakang, asn, status, kedudukan, jk, lahir, deleted in pegawai:
            pk = pangkat.get(pid)
            jb = jabatan.get(pid)
            unit_id = jb[4] if jb else None
            if unit_id in opd_of:
                opd_id = opd_of[unit_id]
            else:
                opd_id = opd_of[unit_id] = tree.opd(unit_id)
            yield (
                pid,
                nip,
                nama,
                nama_lengkap(nama, depan, belakang),
                nama.casefold(),
                asn,
                status,
                kedudukan,
                jk,
                lahir,
                pk[0] if pk else None,
                gol_urutan.get(pk[0] or "") if pk else None,
                pk[1] if pk else None,
                jb[1] if jb else None,
                jb[2] if jb else None,
                jb[3] if jb else None,
                jb[5] if jb else None,
                unit_id,
                nama_unit.get(unit_id or ""),
                opd_id,
                nama_unit.get(opd_id or ""),
                pendidikan.get(pid),
                deleted,
            )


def refresh(
    conn: sqlite3.Connection,
    ids: Iterable[str],
    *,
    ref: Referensi | None = None,
    tree: UnitTree | None = None,
) -> int:
    """Bring the summary of these employees up to date. Returns how many rows were written."""
    id_list = sorted(set(ids))
    if not id_list:
        return 0
    ref = ref or Referensi.load(conn)
    tree = tree or UnitTree.load(conn)
    rows = list(summary_rows(conn, id_list, ref, tree))
    write_rows(conn, rows)
    return len(rows)


def write_rows(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Store derived summary rows (in ``COLUMNS`` order): insert the new, update the changed,
    leave the rows already equal untouched (so their FTS entries are not rewritten either).
    The stored rows and FTS content are those of an upsert of every row (``_UPSERT``)."""
    if not rows:
        return
    conn.execute(_STAGE_CREATE)
    conn.execute(f"DELETE FROM {_STAGE}")
    try:
        conn.executemany(_STAGE_INSERT, rows)
        conn.execute(_STAGE_WRITE)
    finally:
        conn.execute(f"DELETE FROM {_STAGE}")


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every summary row (after reference edits, or to repair)."""
    ids = [row[0] for row in conn.execute("SELECT id FROM pegawai")]
    conn.execute("DELETE FROM pegawai_ringkas WHERE pegawai_id NOT IN (SELECT id FROM pegawai)")
    return refresh(conn, ids)


# What the summary is derived from (see summary_rows): these columns of ``pegawai`` and these
# histories. A change to anything else (a phone number, an SKP or a diklat row) leaves every
# summary row as it is, so the write path and sync imports need not refresh for it.
SUMMARY_SOURCE = (  # in the order summary_rows reads them (then ``deleted``)
    "id",
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jenis_asn",
    "status_kepegawaian",
    "kedudukan",
    "jenis_kelamin",
    "tanggal_lahir",
)
SUMMARY_PEGAWAI_COLUMNS = frozenset({*SUMMARY_SOURCE[1:], "deleted"})
SUMMARY_HISTORIES = frozenset({"riwayat_pangkat", "riwayat_jabatan", "riwayat_pendidikan"})


def affects_summary(table: str, fields: Iterable[str]) -> bool:
    """Can a change of ``fields`` of a row of ``table`` change an employee's summary?"""
    if table == "pegawai":
        return not SUMMARY_PEGAWAI_COLUMNS.isdisjoint(fields)
    return table in SUMMARY_HISTORIES


@dataclass
class Touched:
    """What a write (or a sync import) touched, for the summary: the employees (``pegawai``),
    those of them whose summary may change (``summary_pegawai``; a phone number changes none),
    the units and positions (their employees' unit names change), and whether a reference table
    changed (everything is recomputed)."""

    pegawai: set[str] = field(default_factory=set)
    summary_pegawai: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    reference: bool = False


def refresh_after_write(conn: sqlite3.Connection, touched: Touched) -> None:
    """Called by the write path and the sync import inside their transaction."""
    if touched.reference:
        rebuild(conn)
        return
    ids = set(touched.summary_pegawai)
    if touched.units:
        units = sorted(touched.units)
        for chunk in _chunks(units):
            marks = ", ".join("?" for _ in chunk)
            ids.update(
                r[0]
                for r in conn.execute(
                    f"SELECT pegawai_id FROM pegawai_ringkas WHERE unit_id IN ({marks}) "
                    f"OR opd_id IN ({marks})",
                    [*chunk, *chunk],
                )
            )
            ids.update(
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT pegawai_id FROM riwayat_jabatan "
                    f"WHERE jabatan_id IN ({marks}) OR unit_id IN ({marks})",
                    [*chunk, *chunk],
                )
            )
    refresh(conn, ids)


def differences(conn: sqlite3.Connection) -> list[str]:
    """Employees whose stored summary differs from what the rules derive now (for `check`)."""
    ref = Referensi.load(conn)
    tree = UnitTree.load(conn)
    ids = [row[0] for row in conn.execute("SELECT id FROM pegawai")]
    stored = {
        row[0]: tuple(row)
        for row in conn.execute(f"SELECT {', '.join(COLUMNS)} FROM pegawai_ringkas")
    }
    wrong = [row[0] for row in summary_rows(conn, ids, ref, tree) if stored.get(row[0]) != row]
    wrong.extend(sorted(set(stored) - set(ids)))
    return wrong
