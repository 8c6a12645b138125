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


def summary_rows(
    conn: sqlite3.Connection, ids: list[str], ref: Referensi, tree: UnitTree
) -> Iterator[tuple[Any, ...]]:
    """Derive the summary rows of the given employees."""
    gol_urutan = ref.golongan_urutan
    pend_urutan = ref.pendidikan_urutan
    for chunk in _chunks(ids):
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
SUMMARY_PEGAWAI_COLUMNS = frozenset(
    {
        "nip",
        "nama",
        "gelar_depan",
        "gelar_belakang",
        "jenis_asn",
        "status_kepegawaian",
        "kedudukan",
        "jenis_kelamin",
        "tanggal_lahir",
        "deleted",
    }
)
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
