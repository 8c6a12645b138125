"""The installation and its agency: first set-up, names, statistics and the integrity check."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.i18n import tr
from app.models.access import akses
from app.models.errors import ValidationError
from app.models.reference.loader import natural_id
from app.models.storage import changelog, ringkas
from app.models.storage.changelog import batch_hash, decode_ops
from app.models.storage.db import Database
from app.models.storage.faults import translated_errors
from app.models.storage.replika import shown_values
from app.models.storage.skema import replicated_schema
from app.models.storage.store import Store, WriteTx

# Agency settings that belong to the data (replicated): key -> title.
PENGATURAN = {
    "nama_instansi": "Nama instansi",
    "nama_pemerintah": "Nama pemerintah daerah",
    "ibu_kota": "Tempat penetapan (ibu kota)",
}


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute(
        "SELECT nilai FROM pengaturan WHERE kunci = ? AND deleted = 0", (key,)
    ).fetchone()
    return row[0] if row else None


def set_settings(store: Store, values: dict[str, str], *, actor: str) -> None:
    """Write agency settings through the write path (they replicate)."""
    with store.write(tr("Mengubah pengaturan instansi"), actor=actor) as tx:
        write_settings(tx, store.db.conn, values)
    store.db.remember_identity()


def write_settings(tx: WriteTx, conn: sqlite3.Connection, values: dict[str, str]) -> None:
    """Write agency settings inside a write that is already open (one batch with the rest)."""
    unknown = [k for k in values if k not in PENGATURAN]
    if unknown:
        raise ValueError(f"unknown settings {unknown}")
    for key, value in values.items():
        row_id = natural_id("pengaturan", key)
        exists = conn.execute("SELECT 1 FROM pengaturan WHERE id = ?", (row_id,)).fetchone()
        if exists:
            tx.update("pengaturan", row_id, {"nilai": value, "deleted": 0})
        else:
            tx.insert("pengaturan", {"id": row_id, "kunci": key, "nilai": value})


def count_records(conn: sqlite3.Connection) -> tuple[int, int]:
    """How many employees and units the database holds (deleted ones included)."""
    pegawai = int(conn.execute("SELECT count(*) FROM pegawai").fetchone()[0])
    units = int(conn.execute("SELECT count(*) FROM unit_organisasi").fetchone()[0])
    return pegawai, units


def is_set_up(db: Database) -> bool:
    """Has this database been given an agency (by the first-run dialog, `init` or `demo`)?"""
    return get_setting(db.conn, "nama_instansi") is not None


def setup(
    db: Database,
    nama_instansi: str,
    *,
    nama_instalasi: str | None = None,
    actor: str = "sistem",
    nama_pemerintah: str | None = None,
    ibu_kota: str | None = None,
) -> None:
    """First set-up: the agency's name (replicated) and this installation's name (local)."""
    nama_instansi = " ".join(nama_instansi.split())
    if len(nama_instansi) < 3:
        raise ValidationError(
            tr("Nama instansi wajib diisi (sedikitnya 3 huruf)."), field="nama_instansi"
        )
    if len(nama_instansi) > 200:
        raise ValidationError(
            tr("Nama instansi terlalu panjang (paling banyak 200 huruf)."), field="nama_instansi"
        )
    values = {"nama_instansi": nama_instansi}
    if nama_pemerintah:
        values["nama_pemerintah"] = nama_pemerintah
    if ibu_kota:
        values["ibu_kota"] = ibu_kota
    set_settings(Store(db), values, actor=actor)
    db.set_meta("nama_instalasi", (nama_instalasi or nama_instansi).strip())


def installation_name(db: Database) -> str:
    return (
        db.meta("nama_instalasi") or get_setting(db.conn, "nama_instansi") or tr("Instalasi baru")
    )


# -- statistics -----------------------------------------------------------------------------------


def stats(db: Database, *, actor: str = "sistem") -> dict[str, Any]:
    """Counts per table and per kind of record, for `merit stats --json` and the status bar.
    The whole agency's counts: ``actor`` needs ``instansi.baca`` (refused and audited)."""
    akses.require(db, actor, "instansi.baca")
    conn = db.conn
    with translated_errors(db.path):
        tables: dict[str, dict[str, int]] = {}
        for name in replicated_schema(conn):
            total, deleted = conn.execute(
                f"SELECT count(*), coalesce(sum(deleted), 0) FROM {name}"
            ).fetchone()
            tables[name] = {"jumlah": total, "aktif": total - deleted, "dihapus": deleted}
        per_kind: dict[str, dict[str, int]] = {}
        for column, label in (
            ("jenis_asn", "jenis_asn"),
            ("status_kepegawaian", "status"),
            ("kedudukan", "kedudukan"),
            ("jenis_kelamin", "jenis_kelamin"),
            ("jenis_jabatan_kode", "jenis_jabatan"),
        ):
            per_kind[label] = {
                str(k): v
                for k, v in conn.execute(
                    f"SELECT coalesce({column}, '-'), count(*) FROM pegawai_ringkas "
                    f"WHERE deleted = 0 GROUP BY 1 ORDER BY 1"
                )
            }
        batches, ops = changelog.count_log(conn)
        audit = conn.execute("SELECT count(*) FROM lokal_audit").fetchone()[0]
    return {
        "basis_data": str(db.path),
        "versi_skema": db.schema_version,
        "node_id": db.node_id,
        "nama_instalasi": installation_name(db),
        "nama_instansi": get_setting(conn, "nama_instansi"),
        "tabel": tables,
        "pegawai": per_kind,
        "log_perubahan": {"batch": batches, "operasi": ops},
        "audit": audit,
    }


# -- integrity check ------------------------------------------------------------------------------


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(
    db: Database, *, repair_summary: bool = False, limit: int = 20, actor: str = "sistem"
) -> CheckReport:
    """Integrity of the database file and of the change log (``actor`` needs
    ``instansi.periksa``, refused and audited otherwise).

    * SQLite's own integrity and foreign-key checks;
    * the change log: sequence numbers of every origin without gaps, each batch's hash;
    * every replicated row equals the replay of the change log over the seed data, so that no
      row was written around the write path (what sync could not carry);
    * the derived summary equals what the rules derive (repairable).
    """
    akses.require(db, actor, "instansi.periksa")
    report = CheckReport()
    conn = db.conn
    problems = report.problems
    with translated_errors(db.path):
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            problems.extend(tr("Integritas berkas: {detail}", detail=r) for r in result)
        for row in conn.execute("PRAGMA foreign_key_check").fetchmany(limit):
            problems.append(
                tr(
                    "Kunci asing tidak cocok: tabel {table} baris {rowid} menunjuk "
                    "{parent} yang tidak ada.",
                    table=row[0],
                    rowid=row[1],
                    parent=row[2],
                )
            )
        _check_log(conn, report, limit)
        wrong = ringkas.differences(conn)
        report.facts["ringkasan_berbeda"] = len(wrong)
        if wrong:
            if repair_summary:
                conn.execute("BEGIN IMMEDIATE")
                ringkas.rebuild(conn)
                conn.execute("COMMIT")
            else:
                problems.append(
                    tr(
                        "Ringkasan pegawai tidak mutakhir untuk {n} pegawai; jalankan "
                        "`merit check --perbaiki`.",
                        n=len(wrong),
                    )
                )
    return report


def _check_log(conn: sqlite3.Connection, report: CheckReport, limit: int) -> None:
    problems = report.problems
    schema = replicated_schema(conn)
    expected: dict[tuple[str, str], dict[str, Any]] = {}
    last_seq: dict[str, int] = {}
    order: list[tuple[str, str, int]] = []
    batches = 0
    for origin, seq, hlc, vv, blob, digest, schema_version in changelog.read_log(conn):
        batches += 1
        if seq != last_seq.get(origin, 0) + 1:
            problems.append(
                tr(
                    "Log perubahan: nomor urut {origin} melompat dari {a} ke {b}.",
                    origin=origin,
                    a=last_seq.get(origin, 0),
                    b=seq,
                )
            )
        last_seq[origin] = seq
        raw, ops = decode_ops(blob)
        if batch_hash(origin, seq, hlc, json.loads(vv), schema_version, raw) != digest:
            problems.append(
                tr(
                    "Log perubahan: isi batch {origin}/{seq} tidak cocok dengan hash-nya.",
                    origin=origin,
                    seq=seq,
                )
            )
        order.append((hlc, origin, seq))
        for table, row_id, fields in ops:
            expected.setdefault((table, row_id), {}).update(fields)
    report.facts["batch"] = batches
    # Where two installations wrote a field without seeing each other, the merge decides
    # (app/models/storage/replika.py), not the order of the log.
    for key, fields in shown_values(conn).items():
        if key in expected:
            expected[key].update(fields)
    versi = changelog.read_versions(conn)
    if versi != last_seq:
        problems.append(tr("Log perubahan: catatan versi tidak cocok dengan isi log."))
    # Every replicated row must be the replay of the log (tables seeded by migration hold rows
    # with no log entry: those are compared only where the log touched them).
    mismatches = Counter[str]()
    for table, cols in schema.items():
        cur = conn.execute(f"SELECT {', '.join(cols)} FROM {table}")
        seeded = table.startswith("ref_")
        for row in cur:
            values = dict(zip(cols, row, strict=True))
            want = expected.pop((table, values["id"]), None)
            if want is None:
                if not seeded:
                    mismatches[table] += 1
                    if mismatches[table] <= 3:
                        problems.append(
                            tr(
                                "Baris {table} {id} tidak ada di log perubahan (ditulis di luar "
                                "jalur tulis).",
                                table=table,
                                id=values["id"],
                            )
                        )
                continue
            for col, value in want.items():
                if values.get(col) != value:
                    mismatches[table] += 1
                    if mismatches[table] <= 3:
                        problems.append(
                            tr(
                                "Baris {table} {id} kolom {col} berbeda dari log perubahan.",
                                table=table,
                                id=values["id"],
                                col=col,
                            )
                        )
                    break
    for table, row_id in list(expected)[:limit]:
        problems.append(
            tr(
                "Log perubahan menyebut {table} {id} yang tidak ada di basis data.",
                table=table,
                id=row_id,
            )
        )
    report.facts["baris_tidak_cocok"] = sum(mismatches.values()) + len(expected)
