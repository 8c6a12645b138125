"""What an installation may write: the kinds of change of the agency's roster, as data.

The roster (``app/sync/roster.py``, signed by the agency's root installation) gives each
installation a list of *kinds* (:data:`JENIS`, each a group of replicated tables) and
optionally the units it is limited to. Every batch that arrives by sync is checked against the
roster entry of its origin (:func:`check_batch`), and this installation's own writes against its
own entry (:func:`check_local`, called by the write path), so that an office cannot write what the
others would refuse.

Unit scope: for the kinds marked ``unit`` an entry limited to units may write only employees
whose position in force (the latest live ``riwayat_jabatan``) is in one of its units or their
sub-units (an employee with no position yet belongs to no unit and may be written, as for a
unit operator), and every ``unit_id`` it writes must be in scope. The other kinds reach the
whole agency and cannot be limited to units.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.i18n import tr
from app.models.access.akses import in_scope, nama_unit
from app.models.errors import AccessDenied
from app.models.rules import derivations as d
from app.models.storage.roster import RosterData, parse_body


@dataclass(frozen=True)
class JenisIzin:
    """One kind of change: the tables it covers (names, or prefixes ending in ``_``)."""

    kode: str
    judul: str
    tabel: tuple[str, ...]
    unit: bool  # may be limited to units


# The kinds of change, in the order they are shown. Every replicated table belongs to exactly one
# (tests/models/access/test_wewenang.py checks it against the schema): a module that adds a
# replicated table adds it here. The first match wins, so exact names come before prefixes.
JENIS: tuple[JenisIzin, ...] = (
    JenisIzin("pegawai", "data pegawai dan riwayatnya", ("pegawai", "riwayat_"), True),
    JenisIzin("organisasi", "unit organisasi dan jabatan", ("unit_organisasi", "jabatan"), True),
    JenisIzin("referensi", "tabel referensi peraturan", ("ref_", "skp_kurva"), False),
    JenisIzin(
        "register", "register dan naskah dokumen SK", ("register_dokumen", "naskah_dokumen"), False
    ),
    JenisIzin(
        "pengaturan",
        "pengaturan instansi, templat dokumen, periode SKP",
        ("pengaturan", "templat_dokumen", "skp_periode"),
        False,
    ),
    JenisIzin("skp", "penilaian kinerja (SKP)", ("skp", "skp_"), True),
    JenisIzin("seleksi", "seleksi jabatan", ("seleksi", "seleksi_"), False),
    JenisIzin("kp", "usulan kenaikan pangkat", ("kp_usulan",), True),
    # Not limited to units yet (their rows reach the employee through several tables): an OPD
    # installation writes none of these; the BKD (bkd-penuh) writes all.
    JenisIzin("cuti", "cuti dan kalender cuti", ("cuti", "cuti_"), False),
    JenisIzin(
        "kompetensi",
        "standar, penilaian kompetensi dan pelatihan",
        ("kompetensi_", "pelatihan_"),
        False,
    ),
    JenisIzin(
        "integritas",
        "pengaduan masyarakat dan kasus disiplin",
        ("pengaduan", "pengaduan_", "disiplin_", "etik_"),
        False,
    ),
)
KODE_JENIS = tuple(j.kode for j in JENIS)
_BY_KODE = {j.kode: j for j in JENIS}

# Presets: name -> (title, kinds). "opd" is meant with --unit.
PRESET: dict[str, tuple[str, tuple[str, ...]]] = {
    "bkd-penuh": ("BKD penuh: semua jenis perubahan di seluruh instansi", KODE_JENIS),
    "opd": ("OPD: pegawai, SKP dan usulan KP unitnya sendiri", ("pegawai", "skp", "kp")),
    "panitia-seleksi": ("Panitia seleksi: hanya data seleksi jabatan", ("seleksi",)),
    "baca-saja": ("Baca saja: tidak boleh menulis apa pun", ()),
}

# Child tables of an SKP: the column that leads to the parent, and the parent table.
_PARENT: dict[str, tuple[str, str]] = {
    "skp_hasil_kerja": ("skp_id", "skp"),
    "skp_perilaku": ("skp_id", "skp"),
    "skp_evaluasi": ("skp_id", "skp"),
    "skp_transisi": ("skp_id", "skp"),
    "skp_umpan_balik_rekan": ("skp_id", "skp"),
    "skp_indikator": ("hasil_kerja_id", "skp_hasil_kerja"),
}


def jenis_tabel(table: str) -> str | None:
    """The kind of change a write to ``table`` is (None: a table no kind covers)."""
    for jenis in JENIS:
        for name in jenis.tabel:
            if table == name or (name.endswith("_") and table.startswith(name)):
                return jenis.kode
    return None


def judul_jenis(kode: str) -> str:
    jenis = _BY_KODE.get(kode)
    return tr(jenis.judul) if jenis else kode


def parse_izin(text: str) -> tuple[str | None, tuple[str, ...]]:
    """``--izin``: a preset name, or kinds and presets joined by ``+`` or ``,``
    ("opd+seleksi"). Returns (the preset when only one was named, kinds). Raises ValueError
    naming what is unknown."""
    text = text.strip().lower()
    if text in PRESET:
        return text, PRESET[text][1]
    tokens = [k.strip() for k in text.replace(",", "+").split("+") if k.strip()]
    unknown = [k for k in tokens if k not in _BY_KODE and k not in PRESET]
    if unknown or not tokens:
        raise ValueError(", ".join(unknown) or text)
    kinds: set[str] = set()
    for token in tokens:
        kinds.update(PRESET[token][1] if token in PRESET else (token,))
    return None, tuple(k for k in KODE_JENIS if k in kinds)


def check_entry(izin: Iterable[str], units: Sequence[str]) -> str | None:
    """Why an entry is not valid (None: valid): unknown kinds, or unit limits on a kind that
    reaches the whole agency."""
    for kode in izin:
        jenis = _BY_KODE.get(kode)
        if jenis is None:
            return tr("jenis izin '{kode}' tidak dikenal", kode=kode)
        if units and not jenis.unit:
            return tr(
                "izin {jenis} berlaku untuk seluruh instansi dan tidak dapat dibatasi unit",
                jenis=kode,
            )
    return None


@dataclass(frozen=True)
class Wewenang:
    """What one installation may write: kinds and (empty: whole agency) units."""

    izin: frozenset[str]
    unit: frozenset[str]

    @classmethod
    def of(cls, izin: Iterable[str], unit: Iterable[str] = ()) -> Wewenang:
        return cls(frozenset(izin), frozenset(unit))

    @property
    def penuh(self) -> bool:
        return not self.unit and self.izin >= frozenset(KODE_JENIS)


def _current_unit(conn: sqlite3.Connection, pegawai_id: str) -> str | None:
    """The unit of the employee's position in force, read from the history itself (the derived
    summary lags behind within one import)."""
    rows = [
        {"id": r[0], "unit_id": r[1], "tmt": r[2], "tanggal_sk": r[3], "deleted": r[4]}
        for r in conn.execute(
            "SELECT id, unit_id, tmt, tanggal_sk, deleted FROM riwayat_jabatan "
            "WHERE pegawai_id = ?",
            (pegawai_id,),
        )
    ]
    current = d.current_jabatan(rows)
    return str(current["unit_id"]) if current and current.get("unit_id") else None


def _column(conn: sqlite3.Connection, table: str, row_id: str, column: str) -> Any:
    # ``table`` and ``column`` come from _PARENT or the fixed names below, never from a package.
    row = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else None


def _pegawai_of(
    conn: sqlite3.Connection,
    table: str,
    row_id: str,
    fields: Mapping[str, Any],
    batch_rows: Mapping[tuple[str, str], Mapping[str, Any]],
) -> str | None:
    """The employee a row belongs to (from the batch itself first, then the database)."""

    def value(tbl: str, rid: str, column: str) -> Any:
        written = batch_rows.get((tbl, rid), {})
        if column in written:
            return written[column]
        return _column(conn, tbl, rid, column)

    if table == "pegawai":
        return row_id
    if table in _PARENT:
        column, parent = _PARENT[table]
        parent_id = fields.get(column) or _column(conn, table, row_id, column)
        if parent_id is None:
            return None
        return _pegawai_of(
            conn, parent, str(parent_id), batch_rows.get((parent, str(parent_id)), {}), batch_rows
        )
    if table.startswith(("riwayat_", "skp", "kp_")):
        pid = fields.get("pegawai_id") or value(table, row_id, "pegawai_id")
        return str(pid) if pid else None
    return None


def check_batch(
    conn: sqlite3.Connection, wewenang: Wewenang, ops: Sequence[Sequence[Any]]
) -> str | None:
    """Why a batch ``[table, row_id, fields]`` is outside ``wewenang`` (None: it is inside).
    The reason is an Indonesian sentence naming the table, the record and what is missing."""
    if wewenang.penuh:
        return None
    scope = wewenang.unit
    batch_rows: dict[tuple[str, str], dict[str, Any]] = {}
    for table, row_id, fields in ops:
        batch_rows.setdefault((str(table), str(row_id)), {}).update(fields)
    pegawai_checked: set[str] = set()
    inside: dict[str, bool] = {}

    def unit_ok(unit: str) -> bool:
        if unit not in inside:
            inside[unit] = in_scope(conn, scope, unit)
        return inside[unit]

    for table, row_id, fields in ops:
        table, row_id = str(table), str(row_id)
        kode = jenis_tabel(table)
        if kode is None or kode not in wewenang.izin:
            return tr(
                "menulis {tabel} ({jenis}) {id} tanpa izin itu",
                tabel=table,
                jenis=judul_jenis(kode) if kode else tr("tabel tanpa jenis izin"),
                id=row_id,
            )
        if not scope or not _BY_KODE[kode].unit:
            continue
        units: list[str] = []
        if fields.get("unit_id"):
            units.append(str(fields["unit_id"]))
        if table == "unit_organisasi":
            # an existing unit must be in scope; a new one (and a unit moved) must be placed
            # under a unit in scope
            if _column(conn, "unit_organisasi", row_id, "id") is not None:
                units.append(row_id)
            elif not fields.get("induk_id"):
                return tr(
                    "membuat unit {id} di tingkat teratas, di luar unitnya",
                    id=fields.get("nama") or row_id,
                )
            if fields.get("induk_id"):
                units.append(str(fields["induk_id"]))
        if table == "jabatan" and not fields.get("unit_id"):
            unit = _column(conn, "jabatan", row_id, "unit_id")
            if unit:
                units.append(str(unit))
        for unit in units:
            if not unit_ok(unit):
                return tr(
                    "menulis {tabel} {id} untuk unit {unit} di luar unitnya",
                    tabel=table,
                    id=row_id,
                    unit=nama_unit(conn, unit),
                )
        pid = _pegawai_of(conn, table, row_id, fields, batch_rows)
        if pid is None or pid in pegawai_checked:
            continue
        pegawai_checked.add(pid)
        current = _current_unit(conn, pid)
        if current is not None and not unit_ok(current):
            nip = _column(conn, "pegawai", pid, "nip")
            return tr(
                "mengubah pegawai {nip} ({tabel}) milik unit {unit}, di luar unitnya",
                nip=nip or pid,
                tabel=table,
                unit=nama_unit(conn, current),
            )
    return None


# -- who may write what: an origin under the roster -----------------------------------------------


@dataclass(frozen=True)
class Putusan:
    """Why a batch is not applied: ``jenis`` 'wewenang' (outside its origin's rights; applied
    once the roster allows it) or 'dicabut' (its origin was removed or distrusted)."""

    jenis: str
    alasan: str


def judge(
    conn: sqlite3.Connection,
    roster: RosterData | None,
    removed: Mapping[str, tuple[str, str]],
    origin: str,
    ops: Sequence[Sequence[Any]],
) -> Putusan | None:
    """Whether a batch of ``origin`` may be applied here (None) or must be held back.

    ``removed``: the installations removed or distrusted here (node id -> name, reason).
    Without a roster every origin may write everything (as before the roster existed)."""
    if origin in removed:
        nama, alasan = removed[origin]
        return Putusan(
            "dicabut",
            tr(
                "instalasi asal {nama} {alasan} di sini; batchnya ditolak", nama=nama, alasan=alasan
            ),
        )
    if roster is None or origin == roster.root[0]:
        return None
    if roster.is_removed(origin):
        nama = next((n for o, n in roster.dicabut if o == origin), origin)
        return Putusan(
            "dicabut",
            tr(
                "instalasi asal {nama} dikeluarkan dari roster instansi (versi {v})",
                nama=nama,
                v=roster.versi,
            ),
        )
    entry = roster.get(origin)
    if entry is None:
        return Putusan(
            "wewenang",
            tr(
                "instalasi asal {id} tidak terdaftar di roster instansi (versi {v})",
                id=origin,
                v=roster.versi,
            ),
        )
    reason = check_batch(conn, Wewenang.of(entry.izin, entry.unit), ops)
    if reason is None:
        return None
    return Putusan(
        "wewenang",
        tr("{nama} {alasan} (roster versi {v})", nama=entry.nama, alasan=reason, v=roster.versi),
    )


_PARSED: dict[str, RosterData] = {}


def check_local(conn: sqlite3.Connection, node_id: str, ops: Sequence[Sequence[Any]]) -> None:
    """This installation's own writes against its roster entry (the write path calls it): a
    write the other installations would hold back is refused here, before it is made."""
    try:
        row = conn.execute("SELECT isi FROM lokal_roster WHERE no = 1").fetchone()
    except sqlite3.OperationalError:
        # A database still at a schema before migration 19 (a migration's own data step, or a
        # test building an older database): no roster yet, nothing to check.
        return
    if row is None:
        return
    text = str(row[0])
    if text not in _PARSED:
        _PARSED.clear()
        _PARSED[text] = parse_body(json.loads(text))
    putusan = judge(conn, _PARSED[text], {}, node_id, ops)
    if putusan is not None:
        raise AccessDenied(
            tr(
                "Instalasi ini tidak berwenang: {alasan}. Instalasi lain akan menahan perubahan "
                "ini; minta root instansi (BKD) mengubah roster.",
                alasan=putusan.alasan,
            )
        )
