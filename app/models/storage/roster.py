"""The local tables of the roster (migration 19): the roster held here, the batches held back
because their origin may not write them, and the installations removed or distrusted here.

All of them are local (``lokal_``). The roster's body is kept as the canonical JSON that its root
signed (:mod:`app.sync.roster` signs and checks it); :func:`parse_body` reads it into
:class:`RosterData` without any cryptography, so that the write path can check this
installation's own writes against its entry (:mod:`app.models.access.wewenang`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.models.storage.changelog import RemoteBatch, canonical_json
from app.models.storage.db import utc_now

ROSTER_FORMAT = "merit-roster"
ROSTER_VERSION = 1

# lokal_meta keys
META_INSTANSI = "instansi_id"  # the agency this installation belongs to
META_ROOT_HARAPAN = "roster_root_harapan"  # the root the first roster must come from (migration)
META_WARISAN = "roster_warisan"  # JSON list: nodes given full rights by the first roster


@dataclass(frozen=True)
class Entri:
    """One installation of the roster: its keys, name and what it may write."""

    node_id: str
    nama: str
    kunci_tanda: str  # base64
    kunci_enkripsi: str  # base64
    izin: tuple[str, ...]
    unit: tuple[str, ...]
    preset: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "node_id": self.node_id,
            "nama": self.nama,
            "kunci_tanda": self.kunci_tanda,
            "kunci_enkripsi": self.kunci_enkripsi,
            "izin": list(self.izin),
            "unit": list(self.unit),
            "preset": self.preset,
        }


@dataclass(frozen=True)
class SerahTerima:
    """A hand-over of the root role, signed by the root handing over."""

    versi: int
    node_id: str
    kunci_tanda: str  # base64, of the new root
    tanda_tangan: str  # base64, by the previous root

    def as_dict(self) -> dict[str, Any]:
        return {
            "versi": self.versi,
            "node_id": self.node_id,
            "kunci_tanda": self.kunci_tanda,
            "tanda_tangan": self.tanda_tangan,
        }


@dataclass(frozen=True)
class RosterData:
    """A roster body (what the root signs)."""

    instansi_id: str
    versi: int
    root_awal: tuple[str, str]  # (node id, base64 signing key) of the root that created it
    serah_terima: tuple[SerahTerima, ...]
    entri: tuple[Entri, ...]
    dicabut: tuple[tuple[str, str], ...]  # (node id, name) removed from the agency
    dibuat: str

    @property
    def root(self) -> tuple[str, str]:
        """(node id, base64 signing key) of the root now: the last hand-over's, or the first."""
        if self.serah_terima:
            last = self.serah_terima[-1]
            return last.node_id, last.kunci_tanda
        return self.root_awal

    def get(self, node_id: str) -> Entri | None:
        for entry in self.entri:
            if entry.node_id == node_id:
                return entry
        return None

    def is_removed(self, node_id: str) -> bool:
        return any(n == node_id for n, _ in self.dicabut)

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": ROSTER_FORMAT,
            "versi_format": ROSTER_VERSION,
            "instansi_id": self.instansi_id,
            "versi": self.versi,
            "root_awal": {"node_id": self.root_awal[0], "kunci_tanda": self.root_awal[1]},
            "serah_terima": [s.as_dict() for s in self.serah_terima],
            "entri": [e.as_dict() for e in self.entri],
            "dicabut": [{"node_id": n, "nama": m} for n, m in self.dicabut],
            "dibuat": self.dibuat,
        }

    def body(self) -> bytes:
        """The canonical bytes the root signs."""
        return canonical_json(self.as_dict())


def _str(value: Any, name: str, limit: int = 200) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= limit:
        raise ValueError(name)
    return value


def _int(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value < 2**53:
        raise ValueError(name)
    return value


def parse_body(value: Any) -> RosterData:
    """A roster body from its JSON value; ValueError naming the field that is not valid (no
    signature is checked here)."""
    if not isinstance(value, dict) or value.get("format") != ROSTER_FORMAT:
        raise ValueError("format")
    if value.get("versi_format") != ROSTER_VERSION:
        raise ValueError("versi_format")
    awal = value.get("root_awal")
    if not isinstance(awal, dict):
        raise ValueError("root_awal")
    handovers = value.get("serah_terima")
    entries = value.get("entri")
    removed = value.get("dicabut")
    if not isinstance(handovers, list) or not isinstance(entries, list):
        raise ValueError("entri")
    if len(handovers) > 10_000:
        raise ValueError("serah_terima")
    if not isinstance(removed, list) or len(entries) > 10_000 or len(removed) > 10_000:
        raise ValueError("dicabut")
    result_entries = []
    seen: set[str] = set()
    for item in entries:
        if not isinstance(item, dict):
            raise ValueError("entri")
        izin, unit = item.get("izin"), item.get("unit")
        if not isinstance(izin, list) or not all(isinstance(k, str) for k in izin):
            raise ValueError("izin")
        if not isinstance(unit, list) or not all(isinstance(u, str) for u in unit):
            raise ValueError("unit")
        preset = item.get("preset")
        if preset is not None and not isinstance(preset, str):
            raise ValueError("preset")
        node_id = _str(item.get("node_id"), "node_id", 36)
        if node_id in seen:
            raise ValueError("node_id")
        seen.add(node_id)
        result_entries.append(
            Entri(
                node_id,
                _str(item.get("nama"), "nama"),
                _str(item.get("kunci_tanda"), "kunci_tanda", 64),
                _str(item.get("kunci_enkripsi"), "kunci_enkripsi", 64),
                tuple(izin),
                tuple(unit),
                preset,
            )
        )
    result_handovers = []
    for item in handovers:
        if not isinstance(item, dict):
            raise ValueError("serah_terima")
        result_handovers.append(
            SerahTerima(
                _int(item.get("versi"), "serah_terima"),
                _str(item.get("node_id"), "serah_terima", 36),
                _str(item.get("kunci_tanda"), "serah_terima", 64),
                _str(item.get("tanda_tangan"), "serah_terima", 128),
            )
        )
    result_removed = []
    for item in removed:
        if not isinstance(item, dict):
            raise ValueError("dicabut")
        result_removed.append(
            (_str(item.get("node_id"), "dicabut", 36), _str(item.get("nama"), "dicabut"))
        )
    return RosterData(
        _str(value.get("instansi_id"), "instansi_id", 36),
        _int(value.get("versi"), "versi"),
        (
            _str(awal.get("node_id"), "root_awal", 36),
            _str(awal.get("kunci_tanda"), "root_awal", 64),
        ),
        tuple(result_handovers),
        tuple(result_entries),
        tuple(result_removed),
        _str(value.get("dibuat"), "dibuat", 40),
    )


# -- the roster held here -------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredRoster:
    data: RosterData
    tanda_tangan: bytes | None  # None: this installation's own roster, signed before it leaves
    diterima: str


def read_roster(conn: sqlite3.Connection) -> StoredRoster | None:
    row = conn.execute(
        "SELECT isi, tanda_tangan, diterima FROM lokal_roster WHERE no = 1"
    ).fetchone()
    if row is None:
        return None
    return StoredRoster(
        parse_body(json.loads(row[0])), bytes(row[1]) if row[1] is not None else None, row[2]
    )


def write_roster(conn: sqlite3.Connection, data: RosterData, tanda_tangan: bytes | None) -> None:
    """Replace the roster held here."""
    conn.execute(
        "INSERT INTO lokal_roster (no, instansi_id, versi, isi, tanda_tangan, diterima) "
        "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (no) DO UPDATE SET "
        "instansi_id = excluded.instansi_id, versi = excluded.versi, isi = excluded.isi, "
        "tanda_tangan = excluded.tanda_tangan, diterima = excluded.diterima",
        (data.instansi_id, data.versi, data.body().decode(), tanda_tangan, utc_now()),
    )


def forget_warisan(conn: sqlite3.Connection) -> None:
    """The first roster of an upgraded agency was made: the note of migration 19 goes."""
    conn.execute("DELETE FROM lokal_meta WHERE kunci = ?", (META_WARISAN,))


def write_signature(conn: sqlite3.Connection, versi: int, tanda_tangan: bytes) -> None:
    conn.execute(
        "UPDATE lokal_roster SET tanda_tangan = ? WHERE no = 1 AND versi = ?", (tanda_tangan, versi)
    )


# -- batches held back by the roster --------------------------------------------------------------

_HELD_COLUMNS = (
    "origin, seq, hlc, vv, ops, op_count, hash, signature, schema_version, actor, alasan, jenis"
)


@dataclass(frozen=True)
class HeldBatch:
    """A batch not applied because its origin may not write it (``jenis`` 'wewenang'), or
    because its origin was removed or distrusted here (``jenis`` 'dicabut')."""

    batch: RemoteBatch
    alasan: str
    jenis: str
    diterima: str


def list_held(conn: sqlite3.Connection) -> list[HeldBatch]:
    """Every batch held back, by origin and number."""
    return [
        HeldBatch(
            RemoteBatch(
                r[0],
                r[1],
                r[2],
                json.loads(r[3]),
                [],
                bytes(r[4]),
                r[6],
                bytes(r[7]),
                r[8],
                r[9],
                r[5],
            ),
            r[10],
            r[11],
            r[12],
        )
        for r in conn.execute(
            f"SELECT {_HELD_COLUMNS}, diterima FROM lokal_batch_tahan ORDER BY origin, seq"
        )
    ]


def count_held(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM lokal_batch_tahan").fetchone()[0])


def hold(conn: sqlite3.Connection, batch: RemoteBatch, alasan: str, jenis: str) -> None:
    """Hold a batch back (again: the reason is brought up to date, the first arrival kept)."""
    conn.execute(
        f"INSERT INTO lokal_batch_tahan ({_HELD_COLUMNS}, diterima) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (origin, seq) DO UPDATE SET alasan = excluded.alasan, jenis = excluded.jenis",
        (
            batch.origin,
            batch.seq,
            batch.hlc,
            canonical_json(batch.vv).decode(),
            batch.ops_blob,
            batch.op_count,
            batch.hash,
            batch.signature,
            batch.schema_version,
            batch.actor,
            alasan,
            jenis,
            utc_now(),
        ),
    )


def release(conn: sqlite3.Connection, keys: Iterable[tuple[str, int]]) -> None:
    conn.executemany(
        "DELETE FROM lokal_batch_tahan WHERE origin = ? AND seq = ?", [tuple(k) for k in keys]
    )


# -- installations removed or distrusted here -----------------------------------------------------


def list_removed(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Node id -> (name, reason) of the installations removed or distrusted here."""
    return {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in conn.execute("SELECT node_id, nama, alasan FROM lokal_peer_dicabut")
    }


def is_removed(conn: sqlite3.Connection, node_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM lokal_peer_dicabut WHERE node_id = ?", (node_id,)).fetchone()
    return row is not None


def mark_removed(conn: sqlite3.Connection, node_id: str, nama: str, alasan: str) -> None:
    conn.execute(
        "INSERT INTO lokal_peer_dicabut (node_id, nama, alasan, sejak) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (node_id) DO UPDATE SET alasan = excluded.alasan",
        (node_id, nama, alasan, utc_now()),
    )


def unmark_removed(conn: sqlite3.Connection, node_id: str) -> None:
    conn.execute("DELETE FROM lokal_peer_dicabut WHERE node_id = ?", (node_id,))
