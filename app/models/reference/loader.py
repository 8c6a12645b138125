"""Reference tables of the regulations: creation, seeding and reading.

The data itself is in :mod:`app.models.reference.data`. Migration 1 creates one ``ref_*`` table
per entry and seeds it; row ids are UUIDv5 of (table, kode), so every installation seeds the
same ids and an edit made anywhere meets the same row everywhere. Edits after seeding go through
the write path like any other replicated record.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.models.reference.data import REFERENCE_TABLES, RefTable

NAMESPACE = uuid.UUID("6f0b7a52-3f7e-4b8a-9a51-5d2c0e4f1a10")  # Merit's own UUIDv5 namespace


def natural_id(*parts: object) -> str:
    """A UUIDv5 id derived from a natural key, so that installations creating the same logical
    record independently meet as one row."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def ref_id(table: str, kode: str) -> str:
    return natural_id(table, kode)


def _ddl(table: RefTable) -> str:
    cols = "".join(f", {name} {sqltype}" for name, sqltype in table.columns)
    return (
        f"CREATE TABLE {table.name} (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE{cols}, "
        "deleted INTEGER NOT NULL DEFAULT 0)"
    )


def create_reference_tables(conn: sqlite3.Connection) -> None:
    """Create and seed every reference table (called inside migration 1's transaction)."""
    for table in REFERENCE_TABLES:
        conn.execute(_ddl(table))
        names = ["id", "kode", *(name for name, _ in table.columns)]
        sql = (
            f"INSERT INTO {table.name} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' for _ in names)})"
        )
        conn.executemany(
            sql,
            (
                [
                    ref_id(table.name, str(row["kode"])),
                    row["kode"],
                    *(row.get(name) for name, _ in table.columns),
                ]
                for row in table.rows
            ),
        )


@dataclass
class Referensi:
    """The reference tables as read from one database (they are editable, so read, not assumed).

    Each attribute maps ``kode`` to the row as a dict, in ``urutan`` order.
    """

    tables: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Referensi:
        tables: dict[str, dict[str, dict[str, Any]]] = {}
        for table in REFERENCE_TABLES:
            cur = conn.execute(
                f"SELECT * FROM {table.name} WHERE deleted = 0 ORDER BY urutan, kode"
            )
            cols = [d[0] for d in cur.description]
            tables[table.name] = {row[1]: dict(zip(cols, row, strict=True)) for row in cur}
        return cls(tables)

    def table(self, name: str) -> dict[str, dict[str, Any]]:
        return self.tables[name]

    @property
    def golongan(self) -> dict[str, dict[str, Any]]:
        return self.tables["ref_golongan"]

    @property
    def pendidikan(self) -> dict[str, dict[str, Any]]:
        return self.tables["ref_pendidikan"]

    @property
    def jenjang(self) -> dict[str, dict[str, Any]]:
        return self.tables["ref_jenjang_jabatan"]

    def label(self, table: str, kode: str | None, column: str = "nama") -> str:
        """Display label of a code, or the code itself when unknown (never raises)."""
        if not kode:
            return ""
        row = self.tables.get(table, {}).get(kode)
        if row is None:
            return kode
        return str(row.get(column) or kode)

    def golongan_label(self, kode: str | None) -> str:
        """``Penata Muda Tingkat I (III/b)`` for PNS; the bare code for PPPK."""
        if not kode:
            return ""
        row = self.golongan.get(kode)
        if row and row.get("pangkat"):
            return f"{row['pangkat']} ({kode})"
        return kode

    def golongan_urutan(self, kode: str | None) -> int | None:
        row = self.golongan.get(kode or "")
        return int(row["urutan"]) if row else None

    def pendidikan_urutan(self, kode: str | None) -> int:
        row = self.pendidikan.get(kode or "")
        return int(row["urutan"]) if row else -1
