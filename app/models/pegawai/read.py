"""Employees (PNS and PPPK): searching, listing and the full record with its histories.

The list screens and ``merit employees list`` page through the derived ``pegawai_ringkas`` (see
:mod:`app.models.storage.ringkas`) with full-text search over name and NIP; the detail view and
``merit employees show`` read the replicated records themselves.

Field names of the JSON forms are stable: later commands and imports accept the same names.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.access import akses
from app.models.cuti.berjalan import (
    cuti_berjalan,
    label_cuti,
    periode_tidak_dihitung,
    sql_cuti_berjalan,
)
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import Referensi
from app.models.rules import derivations as d
from app.models.rules.cuti import Rentang, hari_dalam, mulai_bersih
from app.models.rules.gaji import TabelGaji
from app.models.rules.nip import check_nip, normalise_nip
from app.models.storage.db import Database
from app.models.storage.ringkas import UnitTree

# Position groups offered as a filter: code -> (column, value) on pegawai_ringkas.
KELOMPOK_JABATAN: dict[str, tuple[str, str]] = {
    "JPT": ("jenis_jabatan_kode", "JPT"),
    "ADMINISTRATOR": ("jenjang_kode", "ADMINISTRATOR"),
    "PENGAWAS": ("jenjang_kode", "PENGAWAS"),
    "PELAKSANA": ("jenjang_kode", "PELAKSANA"),
    "JF": ("jenis_jabatan_kode", "JF"),
}

SORT_KEYS: dict[str, str] = {
    "nama": "nama_urut",
    "nip": "nip",
    "golongan": "golongan_urutan",
    "jabatan": "jabatan_nama",
    "unit": "opd_nama, unit_nama",
    "status": "status_kepegawaian",
}


@dataclass(frozen=True)
class EmployeeFilter:
    """What the browser and ``employees list`` select. Everything optional."""

    search: str = ""
    unit_id: str | None = None  # a unit and everything under it
    golongan: tuple[str, ...] = ()  # exact golongan codes (empty = all)
    kelompok_jabatan: str | None = None  # a key of KELOMPOK_JABATAN
    status: str | None = None  # CPNS, PNS, PPPK
    kedudukan: str | None = None  # AKTIF, PENSIUN, ... (None = all)
    sort: str = "nama"
    descending: bool = False
    # The reader's scope, set by :func:`scoped_filter` (never by a screen): the root units the
    # reader may see (with their sub-units); None = the whole agency.
    lingkup: tuple[str, ...] | None = None


def scoped_filter(
    db: Database, actor: str, flt: EmployeeFilter, aksi: str = "pegawai.baca"
) -> EmployeeFilter:
    """``flt`` limited to what ``actor`` may read: refused (AccessDenied, audited) without the
    right, or for a unit outside the actor's units; otherwise the filter with the actor's
    units, which the SQL of :func:`search_ids` (and so the list, the count and the export)
    applies. Every employee list shown or written goes through here."""
    if flt.unit_id:
        akses.require(db, actor, aksi, unit_id=flt.unit_id)
    roots = akses.read_roots(db, actor, aksi)
    return replace(flt, lingkup=tuple(sorted(roots)) if roots is not None else None)


_TOKEN = re.compile(r"[\w']+", re.UNICODE)


# JSON field name (as `employees show --format json` and the commands use them) -> column of
# ``pegawai``: the one mapping that editing (registri) and import (impor) share.
PEGAWAI_KOLOM: dict[str, str] = {
    "nip": "nip",
    "nip_lama": "nip_lama",
    "nik": "nik",
    "nama": "nama",
    "gelar_depan": "gelar_depan",
    "gelar_belakang": "gelar_belakang",
    "tempat_lahir": "tempat_lahir",
    "tanggal_lahir": "tanggal_lahir",
    "jenis_kelamin": "jenis_kelamin",
    "agama": "agama_kode",
    "jenis_asn": "jenis_asn",
    "status": "status_kepegawaian",
    "kedudukan": "kedudukan",
    "tmt_cpns": "tmt_cpns",
    "tmt_pns": "tmt_pns",
    "alamat": "alamat",
    "telepon": "telepon",
    "email": "email",
}


def fts_query(text: str) -> str | None:
    """Turn what a clerk types into an FTS5 query: every word as a prefix, all required.

    Digits (a NIP typed with spaces or dots) are joined and matched against the NIP column.
    Returns None when there is nothing to search for.
    """
    text = text.strip()
    if not text:
        return None
    digits = normalise_nip(text)
    if digits.isdigit():
        return f'nip : "{digits}"*'
    terms = []
    for token in _TOKEN.findall(text):
        token = token.replace("'", " ").strip()
        if not token:
            continue
        for part in token.split():
            terms.append(f'"{part}"*')
    return " AND ".join(terms) if terms else None


def _where(conn: sqlite3.Connection, flt: EmployeeFilter) -> tuple[str, list[Any]]:
    clauses = ["r.deleted = 0"]
    params: list[Any] = []
    query = fts_query(flt.search)
    if query:
        clauses.append("r.rowid IN (SELECT rowid FROM pegawai_fts WHERE pegawai_fts MATCH ?)")
        params.append(query)
    if flt.unit_id:
        tree = UnitTree.load(conn)
        if flt.unit_id not in tree.induk:
            raise NotFoundError(tr("Unit organisasi yang dipilih tidak ditemukan."))
        if tree.induk[flt.unit_id] is None:
            clauses.append("r.opd_id = ?")
            params.append(flt.unit_id)
        else:
            units = tree.descendants(flt.unit_id)
            clauses.append(f"r.unit_id IN ({', '.join('?' for _ in units)})")
            params.extend(sorted(units))
    if flt.lingkup is not None:
        clauses.append("r.unit_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(akses.units_under(conn, flt.lingkup)))
    if flt.golongan:
        clauses.append(f"r.golongan_kode IN ({', '.join('?' for _ in flt.golongan)})")
        params.extend(flt.golongan)
    if flt.kelompok_jabatan:
        if flt.kelompok_jabatan not in KELOMPOK_JABATAN:
            raise ValidationError(
                tr(
                    "Kelompok jabatan '{value}' tidak dikenal. Pilih salah satu: {choices}.",
                    value=flt.kelompok_jabatan,
                    choices=", ".join(KELOMPOK_JABATAN),
                ),
                field="kelompok_jabatan",
            )
        column, value = KELOMPOK_JABATAN[flt.kelompok_jabatan]
        clauses.append(f"r.{column} = ?")
        params.append(value)
    if flt.status:
        clauses.append("r.status_kepegawaian = ?")
        params.append(flt.status)
    if flt.kedudukan:
        clauses.append("r.kedudukan = ?")
        params.append(flt.kedudukan)
    return " AND ".join(clauses), params


def _order(flt: EmployeeFilter) -> str:
    if flt.sort not in SORT_KEYS:
        raise ValidationError(
            tr(
                "Urutan '{value}' tidak dikenal. Pilih salah satu: {choices}.",
                value=flt.sort,
                choices=", ".join(SORT_KEYS),
            ),
            field="sort",
        )
    direction = "DESC" if flt.descending else "ASC"
    # Golongan sorts highest first by default, as in the DUK.
    if flt.sort == "golongan":
        direction = "ASC" if flt.descending else "DESC"
    keys = [f"r.{k.strip()} {direction}" for k in SORT_KEYS[flt.sort].split(",")]
    if flt.sort == "golongan":
        # PNS ranks (urutan 1-17) before PPPK golongan (101-117) either way: a PPPK "X" is no
        # rank above IV/e (issue 14 item 4). LIMIT makes this a top-N sort, not a full one.
        keys = ["(r.golongan_urutan >= 100) ASC", *keys]
    return ", ".join([*keys, "r.nama_urut ASC", "r.rowid ASC"])


# A search matching at most this many employees is driven from the full-text index (look up
# each match, then sort them); a broader one walks the table in its sort order instead.
SELECTIVE_MATCHES = 20_000


def is_broad(conn: sqlite3.Connection, flt: EmployeeFilter) -> bool:
    """Does this list hold so many employees that ordering all their keys takes a noticeable
    time (the whole list of a large agency, a single letter, the first digits of a NIP)? The
    browser shows the first screenful of those at once and the rest from the background."""
    query = fts_query(flt.search)
    if query is None:
        size = conn.execute("SELECT max(rowid) FROM pegawai_ringkas").fetchone()[0]
        return bool((size or 0) > SELECTIVE_MATCHES)
    matches = conn.execute(
        "SELECT count(*) FROM pegawai_fts WHERE pegawai_fts MATCH ?", (query,)
    ).fetchone()[0]
    return bool(matches > SELECTIVE_MATCHES)


def search_ids(
    conn: sqlite3.Connection, flt: EmployeeFilter, *, limit: int | None = None
) -> list[int]:
    """The ordered row keys of every employee that matches (cheap: keys only); with ``limit``,
    only the first ones."""
    where, params = _where(conn, flt)
    tail = ""
    if limit is not None:
        tail = " LIMIT ?"
        params = [*params, limit]
    query = fts_query(flt.search)
    if query is not None:
        matches = conn.execute(
            "SELECT count(*) FROM pegawai_fts WHERE pegawai_fts MATCH ?", (query,)
        ).fetchone()[0]
        if matches <= SELECTIVE_MATCHES:
            # SQLite's planner would otherwise scan the name index and probe the match list
            # for each of the 100,000 rows; CROSS JOIN makes the few matches the outer loop.
            where = where.replace(
                "r.rowid IN (SELECT rowid FROM pegawai_fts WHERE pegawai_fts MATCH ?)",
                "pegawai_fts MATCH ?",
            )
            sql = (
                "SELECT r.rowid FROM pegawai_fts CROSS JOIN pegawai_ringkas r "
                f"ON r.rowid = pegawai_fts.rowid WHERE {where} ORDER BY {_order(flt)}{tail}"
            )
            return [row[0] for row in conn.execute(sql, params)]
    sql = f"SELECT r.rowid FROM pegawai_ringkas r WHERE {where} ORDER BY {_order(flt)}{tail}"
    return [row[0] for row in conn.execute(sql, params)]


# The first screenful of a broad search is found by walking the list in display order and testing
# each name/NIP in Python, stopping at the first ``limit`` matches: a one-letter FTS5 prefix query
# merges the doclists of every term with that letter (40-80 ms on 100,000 employees), the walk
# reads a few hundred rows. Only for plain ASCII terms, whose FTS5 unicode61 match is exactly
# "some token of the folded text starts with the term"; anything else takes the FTS5 path.
WALK_ROWS = 500
_PLAIN = re.compile(r"[0-9a-z]+")
_WORD = re.compile(r"[^\W_]+")


def _walk_terms(text: str) -> tuple[bool, list[str]] | None:
    """(NIP only, folded terms) of what was typed, when the walk can match it exactly."""
    text = text.strip()
    digits = normalise_nip(text)
    if digits.isdigit():
        return True, [digits]
    terms = [
        part.lower() for token in _TOKEN.findall(text) for part in token.replace("'", " ").split()
    ]
    if not terms or not all(_PLAIN.fullmatch(t) for t in terms):
        return None
    return False, terms


def _fold(text: str) -> list[str]:
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return _WORD.findall(text.lower())


# Employees on record above which a search's first screenful comes from a walk of the list in
# display order (first_ids) before the full-text index is asked (a one-letter search of a
# 20,000-employee agency: 30 ms p95 through the index, bench/bench_search.py).
WALK_FROM = 2_000


def is_large(conn: sqlite3.Connection) -> bool:
    """More employees on record than a search lists at once without a noticeable wait."""
    size = conn.execute("SELECT max(rowid) FROM pegawai_ringkas").fetchone()[0]
    return bool((size or 0) > WALK_FROM)


def first_ids(
    conn: sqlite3.Connection, flt: EmployeeFilter, limit: int
) -> tuple[list[int], bool] | None:
    """The first ``limit`` keys of the list in display order, found by walking the list's index
    and stopping there, and whether they are the whole list; None when the walk does not find
    them within WALK_ROWS rows (a selective search: :func:`search_ids` is quick for those)."""
    if not flt.search.strip():
        head = search_ids(conn, flt, limit=limit)
        return head, len(head) < limit
    plan = _walk_terms(flt.search)
    if plan is None:
        return None
    nip_only, terms = plan
    where, params = _where(conn, replace(flt, search=""))
    sql = (
        f"SELECT r.rowid, r.nama_lengkap, r.nip FROM pegawai_ringkas r WHERE {where} "
        f"ORDER BY {_order(flt)} LIMIT {WALK_ROWS}"
    )
    ids: list[int] = []
    seen = 0
    for rowid, nama, nip in conn.execute(sql, params):
        seen += 1
        words = _fold(nip or "") if nip_only else _fold(f"{nama or ''} {nip or ''}")
        if all(any(w.startswith(t) for w in words) for t in terms):
            ids.append(rowid)
            if len(ids) == limit:
                return ids, False
    if seen < WALK_ROWS:
        return ids, True  # the whole list was walked
    return None


LIST_FIELDS = (
    "nip",
    "nama",
    "nama_lengkap",
    "jenis_asn",
    "status",
    "kedudukan",
    "jenis_kelamin",
    "tanggal_lahir",
    "golongan",
    "tmt_golongan",
    "jabatan",
    "jenis_jabatan",
    "jenjang_jabatan",
    "tmt_jabatan",
    "unit",
    "opd",
    "pendidikan",
)
_LIST_SQL = (
    "SELECT rowid, pegawai_id, nip, nama, nama_lengkap, jenis_asn, status_kepegawaian, "
    "kedudukan, jenis_kelamin, tanggal_lahir, golongan_kode, tmt_golongan, jabatan_nama, "
    "jenis_jabatan_kode, jenjang_kode, tmt_jabatan, unit_nama, opd_nama, pendidikan_kode, "
    "{cuti} FROM pegawai_ringkas WHERE rowid IN (SELECT value FROM json_each(:ids))"
)


def fetch_rows(
    conn: sqlite3.Connection, rowids: list[int], *, pada: date | None = None
) -> dict[int, dict[str, Any]]:
    """Summary rows by row key, as plain dicts with the LIST_FIELDS names plus ``id`` and
    ``cuti``: the mark of a cuti besar or CLTN running on ``pada`` (default today), in the same
    query."""
    sql = _LIST_SQL.format(cuti=sql_cuti_berjalan("pegawai_ringkas.pegawai_id", ":pada"))
    on = (pada or date.today()).isoformat()
    result: dict[int, dict[str, Any]] = {}
    for start in range(0, len(rowids), 900):
        chunk = rowids[start : start + 900]
        for row in conn.execute(sql, {"ids": json.dumps(chunk), "pada": on}):
            result[row[0]] = {
                "id": row[1],
                **dict(zip(LIST_FIELDS, row[2:-1], strict=True)),
                "cuti": label_cuti(row[-1]),
            }
    return result


def list_employees(
    conn: sqlite3.Connection, flt: EmployeeFilter, limit: int | None = None
) -> list[dict[str, Any]]:
    """Matching employees in order, as dicts with LIST_FIELDS (and labels for golongan)."""
    ids = search_ids(conn, flt)
    if limit is not None:
        ids = ids[:limit]
    ref = Referensi.load(conn)
    rows = fetch_rows(conn, ids)
    out = []
    for rowid in ids:
        row = rows[rowid]
        row["pangkat"] = ref.golongan.get(row["golongan"] or "", {}).get("pangkat")
        out.append(row)
    return out


def count_employees(
    conn: sqlite3.Connection, kedudukan: str | None = None, lingkup: tuple[str, ...] | None = None
) -> int:
    """Employees on record (not deleted), optionally only those of one kedudukan, and only
    those in the units ``lingkup`` (a scoped filter's, see :func:`scoped_filter`)."""
    # Scoped, the count walks the units' index ("+" keeps SQLite off the kedudukan index,
    # which would visit every employee of the agency: 28 ms against 6 ms on 20,000).
    plus = "+" if lingkup is not None else ""
    sql = f"SELECT count(*) FROM pegawai_ringkas WHERE {plus}deleted = 0"
    params: list[Any] = []
    if kedudukan:
        sql += f" AND {plus}kedudukan = ?"
        params.append(kedudukan)
    if lingkup is not None:
        sql += " AND unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(akses.units_under(conn, lingkup)))
    return int(conn.execute(sql, params).fetchone()[0])


# -- the full record ------------------------------------------------------------------------------

RIWAYAT_TABLES = {
    "pangkat": ("riwayat_pangkat", "tmt"),
    "jabatan": ("riwayat_jabatan", "tmt"),
    "pendidikan": ("riwayat_pendidikan", "tahun_lulus"),
    "diklat": ("riwayat_diklat", "tanggal_mulai"),
    "hukuman_disiplin": ("riwayat_hukdis", "tmt_mulai"),
    "skp": ("riwayat_skp", "tahun"),
    "kgb": ("riwayat_kgb", "tmt"),
}


@dataclass
class EmployeeRecord:
    """One employee with derived facts and every history (newest first)."""

    data: dict[str, Any]
    riwayat: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.data["id"])


def find_pegawai_id(conn: sqlite3.Connection, key: str) -> str:
    """Find an employee by NIP (any spelling) or id. Raises NotFoundError."""
    nip = normalise_nip(key)
    row = (
        conn.execute(
            "SELECT id FROM pegawai WHERE nip = ? AND deleted = 0 ORDER BY id LIMIT 1", (nip,)
        ).fetchone()
        or conn.execute("SELECT id FROM pegawai WHERE id = ?", (key,)).fetchone()
    )
    if row is None:
        digits = key.replace(" ", "").replace(".", "")
        if digits.isdigit():
            check = check_nip(key)
            if not check.valid:
                # Not a NIP at all: say why, rather than "not found" (issue 14 item 4).
                raise ValidationError(
                    tr(
                        "NIP {nip} tidak sah: {alasan}",
                        nip=key,
                        alasan="; ".join(check.kesalahan),
                    ),
                    field="nip",
                )
        raise NotFoundError(tr("Pegawai dengan NIP {nip} tidak ditemukan.", nip=key))
    return str(row[0])


def employee_row(conn: sqlite3.Connection, pegawai_id: str) -> sqlite3.Row:
    """The stored ``pegawai`` row, deleted or not. Raises NotFoundError."""
    row = conn.execute("SELECT * FROM pegawai WHERE id = ?", (pegawai_id,)).fetchone()
    if row is None:
        raise NotFoundError(tr("Pegawai dengan id {id} tidak ditemukan.", id=pegawai_id))
    return row


def live_employee_row(conn: sqlite3.Connection, pegawai_id: str) -> sqlite3.Row:
    """The stored ``pegawai`` row of an employee not deleted. Raises NotFoundError."""
    row = employee_row(conn, pegawai_id)
    if row["deleted"]:
        raise NotFoundError(
            tr("Pegawai {nama} sudah dihapus; pulihkan dulu bila perlu.", nama=row["nama"])
        )
    return row


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur]


def get_employee(
    conn: sqlite3.Connection, key: str, *, today: date | None = None, ref: Referensi | None = None
) -> EmployeeRecord:
    """The full record of one employee with derived rank, position, masa kerja and BUP."""
    today = today or date.today()
    ref = ref or Referensi.load(conn)
    pid = find_pegawai_id(conn, key)
    p = _rows(conn, "SELECT * FROM pegawai WHERE id = ?", (pid,))[0]
    riwayat: dict[str, list[dict[str, Any]]] = {}
    for name, (table, order) in RIWAYAT_TABLES.items():
        rows = _rows(
            conn,
            f"SELECT * FROM {table} WHERE pegawai_id = ? AND deleted = 0 ORDER BY {order} DESC, id",
            (pid,),
        )
        for row in rows:
            row.pop("deleted", None)
            row.pop("pegawai_id", None)
        riwayat[name] = rows
    tree = UnitTree.load(conn)
    pk = d.current_pangkat(riwayat["pangkat"], ref.golongan_urutan)
    jb = d.current_jabatan(riwayat["jabatan"])
    pd = d.highest_pendidikan(riwayat["pendidikan"], ref.pendidikan_urutan)
    for row in riwayat["jabatan"]:
        row["unit"] = tree.nama.get(row.get("unit_id") or "")
    for row in riwayat["pangkat"]:
        row["pangkat"] = ref.golongan.get(row["golongan_kode"], {}).get("pangkat")
    jabatan_row = None
    if jb and jb.get("jabatan_id"):
        jabatan_row = conn.execute(
            "SELECT bup_tahun FROM jabatan WHERE id = ?", (jb["jabatan_id"],)
        ).fetchone()
    lahir = date.fromisoformat(p["tanggal_lahir"])
    bup = d.bup_usia(
        jb["jenjang_kode"] if jb else None, ref.jenjang, jabatan_row[0] if jabatan_row else None
    )
    # CLTN is not masa kerja (PP 11/2017, cuti chapter): its days leave the MK golongan after
    # the last SK pangkat, the masa kerja since the TMT CPNS and the next KGB; the BUP (an age)
    # and so the TMT pensiun do not move.
    cltn = periode_tidak_dihitung(conn, [pid]).get(pid, [])
    mkg = None
    if pk is not None and pk.get("tmt"):
        tmt_pk = date.fromisoformat(pk["tmt"])
        mkg = d.masa_kerja_golongan(
            {**pk, "tmt": mulai_bersih(tmt_pk, today, cltn).isoformat()}, today
        )
    mk = None
    if p.get("tmt_cpns"):
        tmt_cpns = date.fromisoformat(p["tmt_cpns"])
        mk = d.masa_kerja(mulai_bersih(tmt_cpns, today, cltn), today)
    tmt_pensiun = d.tanggal_pensiun(lahir, bup)
    gaji_pokok, kgb_berikut = _gaji_dan_kgb(ref, pk, riwayat["kgb"], today, tmt_pensiun, cltn)
    unit_id = jb["unit_id"] if jb else None
    opd_id = tree.opd(unit_id)
    data: dict[str, Any] = {
        "id": pid,
        "nip": p["nip"],
        "nip_lama": p["nip_lama"],
        "nama": p["nama"],
        "gelar_depan": p["gelar_depan"],
        "gelar_belakang": p["gelar_belakang"],
        "nama_lengkap": d.nama_lengkap(p["nama"], p["gelar_depan"], p["gelar_belakang"]),
        "tempat_lahir": p["tempat_lahir"],
        "tanggal_lahir": p["tanggal_lahir"],
        "usia": d.usia(lahir, today),
        "jenis_kelamin": p["jenis_kelamin"],
        "nik": p["nik"],
        "agama": p["agama_kode"],
        "jenis_asn": p["jenis_asn"],
        "status": p["status_kepegawaian"],
        "kedudukan": p["kedudukan"],
        "tmt_kedudukan": p["tmt_kedudukan"],
        "tmt_cpns": p["tmt_cpns"],
        "tmt_pns": p["tmt_pns"],
        "golongan": pk["golongan_kode"] if pk else None,
        "pangkat": ref.golongan.get(pk["golongan_kode"], {}).get("pangkat") if pk else None,
        "tmt_golongan": pk["tmt"] if pk else None,
        "masa_kerja_golongan": {"tahun": mkg[0], "bulan": mkg[1]} if mkg else None,
        "masa_kerja": {"tahun": mk[0], "bulan": mk[1]} if mk else None,
        "jabatan": jb["nama_jabatan"] if jb else None,
        "jenis_jabatan": jb["jenis_kode"] if jb else None,
        "jenjang_jabatan": jb["jenjang_kode"] if jb else None,
        "eselon": jb["eselon_kode"] if jb else None,
        "tmt_jabatan": jb["tmt"] if jb else None,
        "unit": tree.nama.get(unit_id or ""),
        "opd": tree.nama.get(opd_id or ""),
        "pendidikan": pd["tingkat_kode"] if pd else None,
        "pendidikan_jurusan": pd.get("jurusan") if pd else None,
        "mkg_tahun": mkg[0] if mkg else None,
        "mkg_bulan": mkg[1] if mkg else None,
        "gaji_pokok": gaji_pokok,
        "kgb_berikut": kgb_berikut.isoformat() if kgb_berikut else None,
        "bup": bup,
        "tanggal_pensiun": tmt_pensiun.isoformat(),
        "tmt_pensiun": tmt_pensiun.isoformat(),
        "alamat": p["alamat"],
        "telepon": p["telepon"],
        "email": p["email"],
        "cuti": cuti_berjalan(conn, pid, today),
        "hari_tidak_dihitung": hari_dalam(cltn, date.min, today),
    }
    return EmployeeRecord(data, riwayat)


def _gaji_dan_kgb(
    ref: Referensi,
    pangkat: dict[str, Any] | None,
    kgb: list[dict[str, Any]],
    today: date,
    tmt_pensiun: date,
    tidak_dihitung: Sequence[Rentang] = (),
) -> tuple[int | None, date | None]:
    """The gaji pokok today (table in force today at the golongan and the MKG of today) and the
    next KGB on or after today: the next step of the table above the MKG of the last KGB or KP
    (the later one), before the TMT pensiun (asn-rules 10.3). None where the records or the
    table cannot tell."""
    if pangkat is None or not pangkat.get("tmt") or pangkat.get("mk_tahun") is None:
        return None, None
    gol = str(pangkat["golongan_kode"])
    tmt = date.fromisoformat(pangkat["tmt"])
    mk = int(pangkat["mk_tahun"]) * 12 + int(pangkat.get("mk_bulan") or 0)
    for row in kgb:  # newest first
        if row.get("tmt") and row["tmt"] > pangkat["tmt"] and row.get("mk_tahun") is not None:
            tmt = date.fromisoformat(row["tmt"])
            mk = int(row["mk_tahun"]) * 12 + int(row.get("mk_bulan") or 0)
            break
    tabel = TabelGaji.dari_referensi(ref)
    mkg_today = (
        d.masa_kerja(mulai_bersih(tmt, today, tidak_dihitung), today, tambah_bulan=mk)[0]
        if today >= tmt
        else mk // 12
    )
    gaji = tabel.cari_gaji(gol, mkg_today, max(today, tmt))
    found = tabel.kgb_berikut(
        gol, mk, tmt, mulai=today, tmt_pensiun=tmt_pensiun, tidak_dihitung=tidak_dihitung
    )
    return gaji, found[0].tmt if found else None


def read_employee(
    db: Database,
    actor: str,
    key: str,
    *,
    today: date | None = None,
    ref: Referensi | None = None,
) -> EmployeeRecord:
    """The full record (NIK, address, birth date, histories) for ``actor``: refused (audited)
    without the right to this employee's personal details; the read itself is audited."""
    pid = find_pegawai_id(db.conn, key)
    akses.require(db, actor, "pegawai.baca_rincian", pegawai_id=pid)
    record = get_employee(db.conn, pid, today=today, ref=ref)
    akses.record_access(
        db,
        actor,
        tr("Membuka rincian pegawai"),
        tabel="pegawai",
        record_id=pid,
        keterangan=tr(
            "{nama} (NIP {nip})", nama=record.data["nama_lengkap"], nip=record.data["nip"]
        ),
    )
    return record


def record_to_json(record: EmployeeRecord) -> dict[str, Any]:
    """The stable JSON form of ``employees show``: the fields plus ``riwayat``."""
    return {**record.data, "riwayat": record.riwayat}
