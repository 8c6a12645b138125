"""The audit trail: who did what, when, to which record. Append-only and hash-chained.

Every entry (a change from the one write path, or a sensitive read such as opening a person's
full record or exporting) is appended by :func:`append`. Each entry carries ``prev_hash``, the
``hash`` of the entry before it, and its own ``hash`` = SHA-256 over its canonical content plus
``prev_hash``. SQLite triggers (migration 6) refuse UPDATE and DELETE on ``lokal_audit`` and
refuse an INSERT without a hash, and ``lokal_meta.audit_kepala`` remembers the number and hash of
the newest entry, signed with the installation's key on every append
(:mod:`app.models.access.audit_kepala`), so that :func:`verify_chain` finds an entry that was
edited, removed, inserted or cut off the end with another tool.

The key is in the same file: someone who takes it out can rewrite the chain after the edited
entry and sign a new head. What they cannot undo is what the change log and other installations
have seen; the whole check, with those, is :mod:`app.models.access.audit_periksa`.

``lokal_audit_pegawai`` lists, for each entry, the employees it touched (directly or through
their history rows), so that the trail can be searched by person.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app.i18n import tanggal, tr
from app.models.access import audit_kepala
from app.models.storage import changelog
from app.models.storage.db import Database, utc_now
from app.models.storage.faults import translated_errors

GENESIS = "0" * 64
HEAD_KEY = "audit_kepala"
ENTRY_FIELDS = (
    "no",
    "waktu",
    "aktor",
    "aksi",
    "tabel",
    "record_id",
    "jumlah",
    "batch_origin",
    "batch_seq",
    "keterangan",
)


def entry_hash(entry: dict[str, Any], prev_hash: str) -> str:
    """SHA-256 over the canonical content of an entry and the hash of the entry before it."""
    content = {k: entry.get(k) for k in ENTRY_FIELDS}
    canonical = changelog.canonical_json(content)
    return hashlib.sha256(canonical + b"\n" + prev_hash.encode()).hexdigest()


def _head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT no, hash FROM lokal_audit ORDER BY no DESC LIMIT 1").fetchone()
    if row is None:
        return 0, GENESIS
    return int(row[0]), str(row[1] or GENESIS)


def append(
    conn: sqlite3.Connection,
    *,
    aktor: str,
    aksi: str,
    tabel: str | None = None,
    record_id: str | None = None,
    jumlah: int = 0,
    batch_origin: str | None = None,
    batch_seq: int | None = None,
    keterangan: str | None = None,
    pegawai_ids: Iterable[str] = (),
    waktu: str | None = None,
) -> int:
    """Append one entry to the chain; returns its number.

    Call inside a write transaction (``BEGIN IMMEDIATE``), so that no other writer appends
    between reading the newest hash and writing the new entry.
    """
    last_no, prev_hash = _head(conn)
    entry: dict[str, Any] = {
        "no": last_no + 1,
        "waktu": waktu or utc_now(),
        "aktor": aktor,
        "aksi": aksi,
        "tabel": tabel,
        "record_id": record_id,
        "jumlah": int(jumlah),
        "batch_origin": batch_origin,
        "batch_seq": batch_seq,
        "keterangan": keterangan,
    }
    digest = entry_hash(entry, prev_hash)
    conn.execute(
        f"INSERT INTO lokal_audit ({', '.join(ENTRY_FIELDS)}, prev_hash, hash) "
        f"VALUES ({', '.join('?' for _ in ENTRY_FIELDS)}, ?, ?)",
        [*(entry[k] for k in ENTRY_FIELDS), prev_hash, digest],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO lokal_audit_pegawai (pegawai_id, audit_no) VALUES (?, ?)",
        ((pid, entry["no"]) for pid in sorted(set(pegawai_ids))),
    )
    audit_kepala.write_head(conn, entry["no"], digest)  # signed with the installation key
    return int(entry["no"])


def pegawai_in_batches(conn: sqlite3.Connection, batches: Sequence[tuple[str, int]]) -> set[str]:
    """The employees touched by the operations of these batches (rows of ``pegawai`` and of
    tables with a ``pegawai_id`` column)."""
    found: set[str] = set()
    lookups: dict[str, set[str]] = {}
    for origin, seq in batches:
        logged = changelog.get_ops(conn, origin, seq)
        if logged is None:
            continue
        pegawai_in_ops(logged[1], found, lookups)
    return found | pegawai_of_rows(conn, lookups)


def pegawai_in_ops(
    ops: Iterable[Sequence[Any]], found: set[str], lookups: dict[str, set[str]]
) -> None:
    """Sort operations for :func:`pegawai_in_batches`: the employees they name go to ``found``;
    rows whose employee must be looked up go to ``lookups`` (table -> row ids), for
    :func:`pegawai_of_rows`. The write path calls it with a batch's operations as it writes them
    (decoding the batches again cost a 100,000-row import 4 s)."""
    for table, row_id, fields in ops:
        if table == "pegawai":
            found.add(str(row_id))
        elif isinstance(fields, dict) and fields.get("pegawai_id"):
            found.add(str(fields["pegawai_id"]))
        elif not str(table).startswith(("ref_", "unit_", "jabatan", "pengaturan")):
            lookups.setdefault(str(table), set()).add(str(row_id))


def pegawai_of_rows(conn: sqlite3.Connection, lookups: dict[str, set[str]]) -> set[str]:
    """The employees of these rows (table -> row ids) of tables with a ``pegawai_id`` column."""
    found: set[str] = set()
    if lookups:
        with_pegawai = pegawai_tables(conn)
        for table, ids in lookups.items():
            if table not in with_pegawai:
                continue
            id_list = sorted(ids)
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                for (pid,) in conn.execute(
                    f"SELECT pegawai_id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ):
                    if pid:
                        found.add(str(pid))
    return found


def pegawai_tables(conn: sqlite3.Connection) -> frozenset[str]:
    """Replicated tables with a ``pegawai_id`` column."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'lokal_%' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return frozenset(
        n
        for n in names
        if any(c[1] == "pegawai_id" for c in conn.execute(f"PRAGMA table_info({n})"))
    )


# -- verifying ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditCheck:
    """Result of :func:`verify_chain`. ``entry_no`` names the first entry found wrong."""

    ok: bool
    count: int
    entry_no: int | None = None
    kind: str | None = None  # diubah, hilang, disisipkan, ujung
    message: str = ""


def _rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    cur = conn.execute(
        f"SELECT {', '.join(ENTRY_FIELDS)}, prev_hash, hash FROM lokal_audit ORDER BY no"
    )
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row, strict=True))


def verify_chain(conn: sqlite3.Connection) -> AuditCheck:
    """Walk the chain from the first entry; report the first entry that was edited, removed
    or inserted, or an end that was cut off (against the head row, unsigned). The whole check,
    with the signed head, the change log and what peers have seen, is
    :func:`app.models.access.audit_periksa.check_trail`."""
    broken, count, prev = walk_chain(conn)
    if broken is not None:
        return broken
    head = conn.execute("SELECT nilai FROM lokal_meta WHERE kunci = ?", (HEAD_KEY,)).fetchone()
    if head is not None:
        head_no_text, _, head_hash = str(head[0]).partition(":")
        head_no = int(head_no_text)
        last_no = int(prev["no"]) if prev else 0
        if last_no < head_no:
            missing = str(head_no) if head_no - last_no == 1 else f"{last_no + 1}–{head_no}"
            return _broken(count, last_no + 1, "hilang", missing=missing)
        if last_no > head_no:
            return _broken(count, head_no + 1, "disisipkan")
        if prev is not None and prev["hash"] != head_hash:
            return _broken(count, last_no, "diubah")
    return AuditCheck(
        True,
        count,
        message=tr("Jejak audit utuh: {n} entri, rantai sidik cocok.", n=count),
    )


def walk_chain(
    conn: sqlite3.Connection,
) -> tuple[AuditCheck | None, int, dict[str, Any] | None]:
    """Walk the chain from the first entry: (the first entry that was edited, removed or
    inserted, or None; entries walked; the newest entry)."""
    prev: dict[str, Any] | None = None
    count = 0
    for entry in _rows(conn):
        count += 1
        no = int(entry["no"])
        expected_no = 1 if prev is None else int(prev["no"]) + 1
        expected_prev = GENESIS if prev is None else str(prev["hash"])
        self_ok = entry["hash"] == entry_hash(entry, str(entry["prev_hash"] or ""))
        link_ok = entry["prev_hash"] == expected_prev
        if no != expected_no:
            missing = expected_no if no - expected_no == 1 else f"{expected_no}–{no - 1}"
            return _broken(count, expected_no, "hilang", missing=missing), count, prev
        if not link_ok and prev is not None and entry["prev_hash"] == prev["prev_hash"]:
            # This entry links to what the one before it links to: that one was slipped in.
            return _broken(count, int(prev["no"]), "disisipkan"), count, prev
        if not self_ok:
            return _broken(count, no, "diubah"), count, prev
        if not link_ok:
            # This entry is intact but does not follow the one before: that one was changed
            # (its hash recomputed) or an entry between them was removed and the rest renumbered.
            return _broken(count, max(no - 1, 1), "diubah"), count, prev
        prev = entry
    return None, count, prev


def _broken(count: int, no: int, kind: str, *, missing: object = None) -> AuditCheck:
    if kind == "hilang":
        message = tr(
            "Jejak audit tidak utuh: entri no {missing} hilang (dihapus di luar Merit).",
            missing=missing,
        )
    elif kind == "disisipkan":
        message = tr(
            "Jejak audit tidak utuh: entri no {no} disisipkan di luar Merit.",
            no=no,
        )
    else:
        message = tr(
            "Jejak audit tidak utuh: entri no {no} telah diubah di luar Merit.",
            no=no,
        )
    return AuditCheck(False, count, entry_no=no, kind=kind, message=message)


# -- searching ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """What the audit screen and ``merit audit list`` search by. Dates are local calendar
    days (``dari`` and ``sampai`` inclusive)."""

    aktor: str | None = None
    record_id: str | None = None
    pegawai: str | None = None  # NIP or (part of) a name
    aksi: str | None = None  # part of the action text
    dari: date | None = None
    sampai: date | None = None


@dataclass(frozen=True)
class AuditEntry:
    no: int
    waktu: str
    aktor: str
    aksi: str
    tabel: str | None
    record_id: str | None
    jumlah: int
    batch_origin: str | None
    batch_seq: int | None
    keterangan: str | None
    pegawai: str | None = None  # "NIP nama" when the entry is about one employee

    @property
    def waktu_lokal(self) -> datetime:
        """The instant in this computer's time zone."""
        return datetime.fromisoformat(self.waktu.replace("Z", "+00:00")).astimezone()


def _utc_bound(day: date, *, end: bool) -> str:
    """The UTC instant at which a local calendar day starts (or, with ``end``, ends)."""
    local = datetime.combine(day + timedelta(days=1) if end else day, time.min).astimezone()
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _pegawai_ids(conn: sqlite3.Connection, text: str) -> list[str]:
    key = "".join(text.split())
    if key.isdigit():
        rows = conn.execute("SELECT id FROM pegawai WHERE nip = ? OR nik = ?", (key, key))
    else:
        pattern = "%" + " ".join(text.split()).replace("%", "").replace("_", "") + "%"
        rows = conn.execute("SELECT id FROM pegawai WHERE nama LIKE ? LIMIT 200", (pattern,))
    return [str(r[0]) for r in rows]


def _where(conn: sqlite3.Connection, flt: AuditFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.aktor:
        clauses.append("a.aktor LIKE ?")
        params.append(f"%{flt.aktor.strip()}%")
    if flt.aksi:
        clauses.append("a.aksi LIKE ?")
        params.append(f"%{flt.aksi.strip()}%")
    if flt.record_id:
        rid = flt.record_id.strip()
        clauses.append(
            "(a.record_id = ? OR a.no IN (SELECT audit_no FROM lokal_audit_pegawai "
            "WHERE pegawai_id = ?))"
        )
        params += [rid, rid]
    if flt.pegawai and flt.pegawai.strip():
        ids = _pegawai_ids(conn, flt.pegawai)
        if not ids:
            return "WHERE 0", []
        marks = ", ".join("?" * len(ids))
        clauses.append(
            f"(a.record_id IN ({marks}) OR a.no IN (SELECT audit_no FROM lokal_audit_pegawai "
            f"WHERE pegawai_id IN ({marks})))"
        )
        params += ids + ids
    if flt.dari:
        clauses.append("a.waktu >= ?")
        params.append(_utc_bound(flt.dari, end=False))
    if flt.sampai:
        clauses.append("a.waktu < ?")
        params.append(_utc_bound(flt.sampai, end=True))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def search_numbers(conn: sqlite3.Connection, flt: AuditFilter) -> list[int]:
    """The numbers of matching entries, newest first (the screen pages rows from these)."""
    where, params = _where(conn, flt)
    return [
        int(r[0])
        for r in conn.execute(f"SELECT a.no FROM lokal_audit a {where} ORDER BY a.no DESC", params)
    ]


def fetch_entries(conn: sqlite3.Connection, numbers: Sequence[int]) -> dict[int, AuditEntry]:
    """Entries by number, each with the employee it is about (when it is about one)."""
    if not numbers:
        return {}
    marks = ", ".join("?" * len(numbers))
    cur = conn.execute(
        f"SELECT a.no, a.waktu, a.aktor, a.aksi, a.tabel, a.record_id, a.jumlah, "
        f"a.batch_origin, a.batch_seq, a.keterangan, "
        f"(SELECT p.nip || ' ' || p.nama FROM pegawai p WHERE p.id = coalesce("
        f"  CASE WHEN a.tabel = 'pegawai' THEN a.record_id END,"
        f"  (SELECT min(x.pegawai_id) FROM lokal_audit_pegawai x WHERE x.audit_no = a.no"
        f"   HAVING count(*) = 1))) "
        f"FROM lokal_audit a WHERE a.no IN ({marks})",
        list(numbers),
    )
    return {int(r[0]): AuditEntry(*r) for r in cur}


def search(
    conn: sqlite3.Connection,
    flt: AuditFilter | None = None,
    *,
    limit: int | None = 200,
    offset: int = 0,
    **criteria: Any,
) -> list[AuditEntry]:
    """Entries matching ``flt`` (or keyword criteria: ``aktor``, ``record_id``, ``pegawai``,
    ``aksi``, ``dari``, ``sampai``), newest first."""
    flt = flt or AuditFilter(**criteria)
    where, params = _where(conn, flt)
    sql = f"SELECT a.no FROM lokal_audit a {where} ORDER BY a.no DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    numbers = [int(r[0]) for r in conn.execute(sql, params)]
    by_no = fetch_entries(conn, numbers)
    return [by_no[n] for n in numbers]


def iter_entries(
    conn: sqlite3.Connection, flt: AuditFilter | None = None, *, chunk: int = 1000
) -> Iterator[AuditEntry]:
    """Every matching entry, newest first, fetched a chunk at a time (for exports)."""
    numbers = search_numbers(conn, flt or AuditFilter())
    for start in range(0, len(numbers), chunk):
        part = numbers[start : start + chunk]
        by_no = fetch_entries(conn, part)
        for n in part:
            yield by_no[n]


@dataclass(frozen=True)
class FieldChange:
    tabel: str
    record_id: str
    fields: dict[str, Any]


def entry_changes(
    conn: sqlite3.Connection, entry: AuditEntry, *, limit: int = 500
) -> tuple[list[FieldChange], int]:
    """The field operations of the change an entry records (its batches, in order), at most
    ``limit`` of them, and how many there are in all."""
    if entry.batch_origin is None or entry.batch_seq is None:
        return [], 0
    # A transaction cut into several batches has consecutive numbers; the next audit entry of
    # this origin starts after the last of them.
    nxt = conn.execute(
        "SELECT min(batch_seq) FROM lokal_audit WHERE batch_origin = ? AND batch_seq > ?",
        (entry.batch_origin, entry.batch_seq),
    ).fetchone()[0]
    changes: list[FieldChange] = []
    total = 0
    for ops in changelog.read_ops_from(conn, entry.batch_origin, entry.batch_seq, nxt):
        for table, row_id, fields in ops:
            total += 1
            if len(changes) < limit:
                changes.append(FieldChange(str(table), str(row_id), dict(fields)))
        if nxt is None and total >= entry.jumlah:
            break
    return changes, total


def export_rows(entries: Iterable[AuditEntry]) -> Iterator[dict[str, Any]]:
    """Plain rows for the .xlsx export (app/reports/excel/audit.py)."""
    for e in entries:
        yield {
            "no": e.no,
            "waktu": e.waktu_lokal.strftime("%Y-%m-%d %H:%M:%S"),
            "aktor": e.aktor,
            "aksi": e.aksi,
            "pegawai": e.pegawai or "",
            "tabel": e.tabel or "",
            "record_id": e.record_id or "",
            "jumlah": e.jumlah,
            "keterangan": e.keterangan or "",
        }


# -- exporting ------------------------------------------------------------------------------------


def describe_filter(flt: AuditFilter) -> str:
    """The search in words (the export's subtitle and its audit entry)."""
    parts = []
    if flt.pegawai:
        parts.append(tr("pegawai '{v}'", v=flt.pegawai))
    if flt.record_id:
        parts.append(tr("data {v}", v=flt.record_id))
    if flt.aktor:
        parts.append(tr("pelaku '{v}'", v=flt.aktor))
    if flt.aksi:
        parts.append(tr("tindakan '{v}'", v=flt.aksi))
    if flt.dari:
        parts.append(tr("sejak {d}", d=tanggal(flt.dari)))
    if flt.sampai:
        parts.append(tr("sampai {d}", d=tanggal(flt.sampai)))
    return "; ".join(parts) if parts else tr("semua entri")


def record_read(
    db: Database,
    aksi: str,
    *,
    actor: str,
    tabel: str | None = None,
    record_id: str | None = None,
    keterangan: str | None = None,
) -> None:
    """Audit a sensitive read (opening a full record, exporting) or a refusal: no data changes.
    Inside the caller's transaction when there is one, else in its own."""
    conn = db.conn
    own = not conn.in_transaction
    with translated_errors(db.path):
        if own:
            conn.execute("BEGIN IMMEDIATE")
        try:
            append(
                conn,
                aktor=actor,
                aksi=aksi,
                tabel=tabel,
                record_id=record_id,
                keterangan=keterangan,
                pegawai_ids=[record_id] if tabel == "pegawai" and record_id else (),
            )
            if own:
                conn.execute("COMMIT")
        except BaseException:
            if own and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def record_export(db: Database, flt: AuditFilter, path: str, count: int, *, actor: str) -> None:
    """The export of the trail is itself a sensitive read: audit it."""
    record_read(
        db,
        tr("Mengekspor jejak audit"),
        actor=actor,
        keterangan=tr(
            "{n} entri; {filter}; ke {path}", n=count, filter=describe_filter(flt), path=path
        ),
    )


# -- the change of an entry, readable -------------------------------------------------------------

UNKNOWN = object()  # an old value not found in the change log held here
_SCAN_LIMIT = 20_000  # batches looked back for old values


@dataclass(frozen=True)
class ReadableChange:
    """One row written by an entry, for people: what it is ("Riwayat jabatan · Budi Santoso")
    and each field as (label, old text, new text); ``baru`` when the row was created."""

    judul: str
    baru: bool
    fields: list[tuple[str, str, str]]


def _old_values(
    conn: sqlite3.Connection, entry: AuditEntry, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The values each (table, row) had before this entry, newest write first, from the
    batches held here (by clock order); a field never written before is absent."""
    found: dict[tuple[str, str], dict[str, Any]] = {key: {} for key in wanted}
    here = conn.execute(
        "SELECT hlc FROM lokal_batch WHERE origin = ? AND seq = ?",
        (entry.batch_origin, entry.batch_seq),
    ).fetchone()
    if here is None or not wanted:
        return found
    cur = conn.execute(
        "SELECT ops FROM lokal_batch WHERE hlc < ? ORDER BY hlc DESC LIMIT ?",
        (here[0], _SCAN_LIMIT),
    )
    for (blob,) in cur:
        _raw, ops = changelog.decode_ops(blob)
        for table, row_id, fields in reversed(ops):
            known = found.get((str(table), str(row_id)))
            if known is None:
                continue
            for name, value in fields.items():
                known.setdefault(name, value)
    return found


def _names(conn: sqlite3.Connection) -> Any:
    """A function naming an id: an employee by name and NIP, a unit by name (else the id)."""
    cache: dict[tuple[str, str], str] = {}

    def name(kind: str, value: str) -> str:
        key = (kind, value)
        if key not in cache:
            if kind == "pegawai":
                row = conn.execute(
                    "SELECT nama, nip FROM pegawai WHERE id = ?", (value,)
                ).fetchone()
                cache[key] = f"{row[0]} ({row[1]})" if row else value
            else:
                row = conn.execute(
                    "SELECT nama FROM unit_organisasi WHERE id = ?", (value,)
                ).fetchone()
                cache[key] = str(row[0]) if row else value
        return cache[key]

    return name


_ID_FIELDS = {"pegawai_id": "pegawai", "unit_id": "unit", "induk_id": "unit", "opd_id": "unit"}


def readable_changes(
    conn: sqlite3.Connection, entry: AuditEntry, changes: Sequence[FieldChange]
) -> list[ReadableChange]:
    """The field operations of an entry as people read them: the row named by its employee
    (not its id), each field by its label, as old → new, ids of people and units by name."""
    from app.models.pegawai import fields as pegawai_fields  # lazy: avoids an import cycle

    name = _names(conn)
    old = _old_values(conn, entry, {(c.tabel, c.record_id) for c in changes})
    history = set(pegawai_fields.history_tables())
    out: list[ReadableChange] = []

    def text(field: str, value: Any) -> str:
        if value is UNKNOWN:
            return "?"
        if value is None or value == "":
            return "—"
        if field in _ID_FIELDS:
            return name(_ID_FIELDS[field], str(value))
        return str(value)

    for c in changes:
        labels: dict[str, str] = {}
        if c.tabel == "pegawai":
            by_name = pegawai_fields.employee_labels()
            labels = {col: by_name[k] for k, col in pegawai_fields.EMPLOYEE_COLUMNS.items()}
            judul = tr("Pegawai · {nama}", nama=name("pegawai", c.record_id))
        elif c.tabel in history:
            spec = pegawai_fields.history_kind(c.tabel)
            labels = spec.labels()
            row = conn.execute(
                f"SELECT pegawai_id FROM {c.tabel} WHERE id = ?", (c.record_id,)
            ).fetchone()
            who = name("pegawai", str(row[0])) if row else c.record_id
            judul = tr("Riwayat {judul} · {nama}", judul=spec.title.lower(), nama=who)
        elif c.tabel == "unit_organisasi":
            judul = tr("Unit · {nama}", nama=name("unit", c.record_id))
        else:
            judul = f"{c.tabel} · {c.record_id}"
        before = old.get((c.tabel, c.record_id), {})
        baru = not before
        fields = []
        for field, value in sorted(c.fields.items()):
            if field == "id" or (field == "pegawai_id" and c.tabel in history):
                continue
            previous = before.get(field, None if baru else UNKNOWN)
            label = tr("Dihapus") if field == "deleted" else labels.get(field, field)
            fields.append((label, text(field, previous), text(field, value)))
        out.append(ReadableChange(judul, baru, fields))
    return out
