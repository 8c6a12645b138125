"""The local tables of sync (migration 4): peers, packages kept aside, open clashes.

All of them are local (``lokal_``) and never travel. :mod:`app.sync` keeps the transport and the
cryptography; the SQL on these tables is here. (The change log and the batches held back for a
missing one are in :mod:`app.models.storage.changelog`; the merge bookkeeping in
:mod:`app.models.storage.replika`.)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.models.storage.db import utc_now

# -- peers ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeerRecord:
    """A known installation, as ``lokal_peer`` holds it."""

    node_id: str
    nama: str
    kunci_tanda: bytes
    kunci_enkripsi: bytes
    dipercaya: bool
    sumber: str  # 'manual' (added by the admin) or 'relay' (learnt from a trusted sender)
    vv_diakui: dict[str, int]  # what the peer acknowledged
    terakhir_terima: str | None
    terakhir_kirim: str | None
    ditambah: str


_PEER_COLUMNS = (
    "node_id, nama, kunci_tanda, kunci_enkripsi, dipercaya, sumber, vv_diakui, "
    "terakhir_terima, terakhir_kirim, ditambah"
)


def _peer(row: Any) -> PeerRecord:
    return PeerRecord(
        row[0],
        row[1],
        bytes(row[2]),
        bytes(row[3]),
        bool(row[4]),
        row[5],
        {str(k): int(v) for k, v in json.loads(row[6]).items()},
        row[7],
        row[8],
        row[9],
    )


def get_peer(conn: sqlite3.Connection, node_id: str) -> PeerRecord | None:
    row = conn.execute(
        f"SELECT {_PEER_COLUMNS} FROM lokal_peer WHERE node_id = ?", (node_id,)
    ).fetchone()
    return _peer(row) if row else None


def list_peers(conn: sqlite3.Connection) -> list[PeerRecord]:
    """Peers added by the admin first, then those learnt through relays; by name."""
    rows = conn.execute(
        f"SELECT {_PEER_COLUMNS} FROM lokal_peer ORDER BY sumber != 'manual', lower(nama), node_id"
    ).fetchall()
    return [_peer(r) for r in rows]


def peer_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Node id -> name of every known peer."""
    return {str(r[0]): str(r[1]) for r in conn.execute("SELECT node_id, nama FROM lokal_peer")}


def create_peer(
    conn: sqlite3.Connection,
    node_id: str,
    nama: str,
    kunci_tanda: bytes,
    kunci_enkripsi: bytes,
    *,
    trusted: bool,
    sumber: str,
) -> None:
    conn.execute(
        "INSERT INTO lokal_peer (node_id, nama, kunci_tanda, kunci_enkripsi, dipercaya, "
        "sumber, ditambah) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (node_id, nama, kunci_tanda, kunci_enkripsi, int(trusted), sumber, utc_now()),
    )


def update_peer(
    conn: sqlite3.Connection, node_id: str, nama: str, *, trusted: bool, sumber: str
) -> None:
    """A known peer seen again: its name follows, trust is only ever added here, and a peer
    added by hand stays 'manual'."""
    conn.execute(
        "UPDATE lokal_peer SET nama = ?, dipercaya = max(dipercaya, ?), "
        "sumber = CASE WHEN ? = 'manual' THEN 'manual' ELSE sumber END WHERE node_id = ?",
        (nama, int(trusted), sumber, node_id),
    )


def set_trusted(conn: sqlite3.Connection, node_id: str, trusted: bool) -> bool:
    """Trust or distrust a peer. False when there is no such peer."""
    cur = conn.execute(
        "UPDATE lokal_peer SET dipercaya = ? WHERE node_id = ?", (int(trusted), node_id)
    )
    return cur.rowcount > 0


def delete_peer(conn: sqlite3.Connection, node_id: str) -> None:
    conn.execute("DELETE FROM lokal_peer WHERE node_id = ?", (node_id,))


def write_received(conn: sqlite3.Connection, node_id: str, vv_diakui: Mapping[str, int]) -> None:
    """A package from the peer was applied: what it acknowledged, and when."""
    conn.execute(
        "UPDATE lokal_peer SET vv_diakui = ?, terakhir_terima = ? WHERE node_id = ?",
        (json.dumps(dict(vv_diakui), sort_keys=True), utc_now(), node_id),
    )


def write_sent(conn: sqlite3.Connection, node_ids: Iterable[str]) -> None:
    """A package for these peers was written now."""
    now = utc_now()
    conn.executemany(
        "UPDATE lokal_peer SET terakhir_kirim = ? WHERE node_id = ?",
        [(now, node_id) for node_id in node_ids],
    )


# -- packages kept aside --------------------------------------------------------------------------


@dataclass(frozen=True)
class DeferredPackage:
    """A package from a newer schema, kept aside until Merit is upgraded."""

    no: int
    berkas: str
    pengirim: str
    pengirim_nama: str
    versi_skema: int
    sandi: bool
    diterima: str


def list_deferred(conn: sqlite3.Connection) -> list[DeferredPackage]:
    return [
        DeferredPackage(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6])
        for r in conn.execute(
            "SELECT no, berkas, pengirim, pengirim_nama, versi_skema, sandi, diterima "
            "FROM lokal_paket_tunda ORDER BY no"
        )
    ]


def is_deferred(conn: sqlite3.Connection, berkas: str) -> bool:
    row = conn.execute("SELECT 1 FROM lokal_paket_tunda WHERE berkas = ?", (berkas,)).fetchone()
    return row is not None


def create_deferred(
    conn: sqlite3.Connection,
    berkas: str,
    pengirim: str,
    pengirim_nama: str,
    versi_skema: int,
    sandi: bool,
) -> None:
    conn.execute(
        "INSERT INTO lokal_paket_tunda (berkas, pengirim, pengirim_nama, versi_skema, sandi, "
        "diterima) VALUES (?, ?, ?, ?, ?, ?)",
        (berkas, pengirim, pengirim_nama, versi_skema, int(sandi), utc_now()),
    )


def delete_deferred(conn: sqlite3.Connection, no: int) -> None:
    conn.execute("DELETE FROM lokal_paket_tunda WHERE no = ?", (no,))


# -- clashes --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictRecord:
    """An open clash, as ``lokal_konflik`` holds it (``kolom`` "*": a delete clash)."""

    id: str
    tabel: str
    row_id: str
    kolom: str
    jenis: str  # "nilai" | "hapus"
    sejak: str


_CONFLICT_COLUMNS = "id, tabel, row_id, kolom, jenis, sejak"


def list_conflicts(conn: sqlite3.Connection) -> list[ConflictRecord]:
    """Every open clash, oldest first."""
    return [
        ConflictRecord(*r)
        for r in conn.execute(
            f"SELECT {_CONFLICT_COLUMNS} FROM lokal_konflik ORDER BY sejak, id"
        ).fetchall()
    ]


def get_conflict(conn: sqlite3.Connection, conflict_id: str) -> ConflictRecord | None:
    row = conn.execute(
        f"SELECT {_CONFLICT_COLUMNS} FROM lokal_konflik WHERE id = ?", (conflict_id,)
    ).fetchone()
    return ConflictRecord(*row) if row else None


def count_conflicts(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM lokal_konflik").fetchone()[0])


def get_title_values(
    conn: sqlite3.Connection, table: str, row_id: str, columns: Iterable[str]
) -> list[str]:
    """The non-empty values of a record's title ``columns`` (checked against the replicated
    schema by the caller), and an employee's NIP after them."""
    names = list(columns)
    if not names:
        return []
    row = conn.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        return []
    parts = [str(v) for v in row if v not in (None, "")]
    if table == "pegawai":
        nip = conn.execute("SELECT nip FROM pegawai WHERE id = ?", (row_id,)).fetchone()
        if nip:
            parts.append(str(nip[0]))
    return parts
