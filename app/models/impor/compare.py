"""The import rows compared with the database: which employees exist, what changes, which
history rows and units a row adds.

Decisions (see also :mod:`app.models.impor.apply`):

* Empty cells never erase data; only what a row carries is compared.
* History rows are added only when the row brings something the history does not already
  hold: a pangkat (golongan + TMT), a jabatan (TMT + name) or an education level (tingkat +
  year). Importing the same file twice therefore changes nothing the second time.
* A golongan or jabatan without its TMT, for an employee whose current one differs, is recorded
  with the import date as TMT and a warning, so that an office sheet without TMT columns still
  gives every employee a rank and a unit; the clerk corrects the TMT later.
* Ids are UUIDv5 of natural keys (``pegawai`` + NIP, history + employee + key), so that two
  installations importing the same file meet as the same rows when they sync.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.i18n import tanggal, tr
from app.models.impor import normalise as n
from app.models.impor.result import BARU, BERUBAH, CHUNK, DITOLAK, SAMA, RowResult, Value
from app.models.impor.rows import Row
from app.models.pegawai.read import PEGAWAI_KOLOM
from app.models.reference.loader import NAMESPACE, Referensi
from app.models.rules import derivations as d
from app.models.rules.nip import check_nip

# Import field -> pegawai column (the registry's mapping).
PEGAWAI_FIELDS: dict[str, str] = PEGAWAI_KOLOM
PEGAWAI_COLUMNS = (
    "id",
    "jenis_asn",
    "nip",
    "nip_lama",
    "nik",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "agama_kode",
    "status_kepegawaian",
    "kedudukan",
    "tmt_kedudukan",
    "tmt_cpns",
    "tmt_pns",
    "alamat",
    "telepon",
    "email",
)


_NAMESPACE_BYTES = NAMESPACE.bytes
_sha1 = hashlib.sha1


def natural_id(*parts: object) -> str:
    """:func:`app.models.reference.loader.natural_id` (UUIDv5 of the natural key), the same
    text computed without a ``uuid.UUID`` object: an import makes five of them a row."""
    h = bytearray(
        _sha1(
            _NAMESPACE_BYTES + ":".join(map(str, parts)).encode(), usedforsecurity=False
        ).digest()[:16]
    )
    h[6] = (h[6] & 0x0F) | 0x50  # version 5
    h[8] = (h[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


HOLDER_UNIT_ID = natural_id("unit_organisasi", "impor")


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    for row in cur:
        yield dict(zip(cols, row, strict=True))


@dataclass
class Existing:
    """The stored employees of the file (by NIP) and their pangkat, jabatan and education rows."""

    pegawai: dict[str, dict[str, Any]] = field(default_factory=dict)  # nip -> row
    pangkat: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    jabatan: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    pendidikan: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))


def load_existing(conn: sqlite3.Connection, nips: list[str]) -> Existing:
    """The employees with these NIPs and their histories, a chunk of ids at a time."""
    ex = Existing()
    for chunk in _chunks(nips):
        marks = ", ".join("?" for _ in chunk)
        cur = conn.execute(
            f"SELECT * FROM pegawai WHERE deleted = 0 AND nip IN ({marks}) ORDER BY id", chunk
        )
        for row in _dicts(cur):
            ex.pegawai.setdefault(row["nip"], row)
    ids = [row["id"] for row in ex.pegawai.values()]
    for table, target, cols in (
        ("riwayat_pangkat", ex.pangkat, "golongan_kode, tmt"),
        ("riwayat_jabatan", ex.jabatan, "id, nama_jabatan, unit_id, tmt, tanggal_sk"),
        ("riwayat_pendidikan", ex.pendidikan, "tingkat_kode, tahun_lulus"),
    ):
        for chunk in _chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            cur = conn.execute(
                f"SELECT pegawai_id, {cols} FROM {table} "
                f"WHERE deleted = 0 AND pegawai_id IN ({marks})",
                chunk,
            )
            for row in _dicts(cur):
                target[row["pegawai_id"]].append(row)
    return ex


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """A name compared without case and extra spaces (remembered: a file repeats its unit and
    position names on many rows)."""
    return _SPACES.sub(" ", text).strip().casefold()


_SPACES = re.compile(r"\s+")


_UNIT_KINDS = (
    ("SUB BAGIAN", "SUBBAGIAN"),
    ("SUBBAGIAN", "SUBBAGIAN"),
    ("SUBBAG", "SUBBAGIAN"),
    ("SEKRETARIAT", "SEKRETARIAT"),
    ("BAGIAN", "BAGIAN"),
    ("BIDANG", "BIDANG"),
    ("SEKSI", "SEKSI"),
    ("UPTD", "UPT"),
    ("UPT", "UPT"),
    ("KECAMATAN", "KECAMATAN"),
    ("KELURAHAN", "KELURAHAN"),
    ("PUSKESMAS", "PUSKESMAS"),
    ("SEKOLAH", "SEKOLAH"),
    ("SD ", "SEKOLAH"),
    ("SDN", "SEKOLAH"),
    ("SMP", "SEKOLAH"),
    ("TK ", "SEKOLAH"),
)


def _unit_kind(nama: str) -> str:
    upper = nama.upper() + " "
    for prefix, kind in _UNIT_KINDS:
        if upper.startswith(prefix):
            return kind
    return "BIDANG"


class Units:
    """Finds units by name and plans the ones to create.

    A unit named in the file that does not exist is created: under its parent when the file
    names one (``UNOR INDUK NAMA`` / OPD column; the parent is found by name or created as a
    top-level unit), otherwise under one top-level unit "Unit hasil impor", from where the
    clerk moves it to its place in the unit screen. Names are compared without case and extra
    spaces. New units get UUIDv5 ids of their parent and name, so that a second import (here
    or on another installation) finds the same units.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.nama: dict[str, str] = {}
        self.induk: dict[str, str | None] = {}
        self.children: dict[str | None, list[str]] = defaultdict(list)
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for uid, induk, nama in conn.execute(
            "SELECT id, induk_id, nama FROM unit_organisasi WHERE deleted = 0 "
            "ORDER BY induk_id IS NOT NULL, urutan, nama"
        ):
            self._index(uid, induk, nama)
        self.planned: dict[str, dict[str, Value]] = {}
        self.warned: set[str] = set()
        self._memo: dict[tuple[str | None, str | None], tuple[str | None, str | None]] = {}

    def _index(self, uid: str, induk: str | None, nama: str) -> None:
        self.nama[uid] = nama
        self.induk[uid] = induk
        self.children[induk].append(uid)
        self.by_name[name_key(nama)].append(uid)

    def _below(self, parent: str, key: str) -> str | None:
        """The unit called ``key`` under ``parent`` (at any depth), nearest level first."""
        level = [parent]
        seen = {parent}
        while level:
            nxt: list[str] = []
            for uid in level:
                for child in self.children.get(uid, []):
                    if child in seen:
                        continue
                    if name_key(self.nama[child]) == key:
                        return child
                    seen.add(child)
                    nxt.append(child)
            level = nxt
        return None

    def _plan(self, nama: str, induk_id: str | None, kind: str, urutan: int = 0) -> str:
        uid = natural_id("unit_organisasi", "impor", induk_id or "", name_key(nama))
        if uid not in self.planned and uid not in self.nama:
            self.planned[uid] = {
                "id": uid,
                "induk_id": induk_id,
                "kode": None,
                "nama": nama,
                "singkatan": None,
                "jenis": kind,
                "eselon_kode": None,
                "urutan": urutan,
                "alamat": None,
            }
            self._index(uid, induk_id, nama)
        return uid

    def _top(self, nama: str) -> str:
        found = self.by_name.get(name_key(nama), [])
        return found[0] if found else self._plan(nama, None, "OPD")

    def holder(self) -> str:
        if HOLDER_UNIT_ID in self.nama:
            return HOLDER_UNIT_ID
        self.planned[HOLDER_UNIT_ID] = {
            "id": HOLDER_UNIT_ID,
            "induk_id": None,
            "kode": None,
            "nama": tr("Unit hasil impor"),
            "singkatan": None,
            "jenis": "OPD",
            "eselon_kode": None,
            "urutan": 9999,
            "alamat": None,
        }
        self._index(HOLDER_UNIT_ID, None, tr("Unit hasil impor"))
        return HOLDER_UNIT_ID

    def label(self, uid: str | None) -> str:
        return self.nama.get(uid or "", "")

    def resolve(self, nama: str | None, induk: str | None) -> tuple[str | None, str | None]:
        """(unit id, warning) for a unit name and its parent's name (either may be None).

        The warning (a unit will be created) is given once per new unit."""
        memo_key = (nama and name_key(nama), induk and name_key(induk))
        if memo_key in self._memo:
            return self._memo[memo_key][0], None
        uid = self._resolve(nama, induk)
        warning = None
        if uid is not None and uid in self.planned and uid not in self.warned:
            self.warned.add(uid)
            parent = self.induk.get(uid)
            warning = (
                tr(
                    "Unit '{unit}' belum ada; akan dibuat di bawah '{induk}' (berlaku juga "
                    "untuk baris lain dengan unit yang sama).",
                    unit=self.label(uid),
                    induk=self.label(parent),
                )
                if parent
                else tr(
                    "Unit '{unit}' belum ada; akan dibuat sebagai unit teratas.",
                    unit=self.label(uid),
                )
            )
        self._memo[memo_key] = (uid, None)
        return uid, warning

    def _resolve(self, nama: str | None, induk: str | None) -> str | None:
        if not nama:
            return self._top(induk) if induk else None
        key = name_key(nama)
        if induk and name_key(induk) != key:
            parent = self._top(induk)
            return self._below(parent, key) or self._plan(nama, parent, _unit_kind(nama))
        existing = self.by_name.get(key, [])
        if existing:
            return existing[0]
        if induk:  # unit and parent carry the same name: a top-level unit
            return self._top(nama)
        return self._plan(nama, self.holder(), _unit_kind(nama))

    def new_units(self) -> list[dict[str, Value]]:
        """The units to create, parents first."""
        ordered: list[dict[str, Value]] = []
        done: set[str] = set()

        def add(uid: str) -> None:
            if uid in done or uid not in self.planned:
                return
            parent = self.planned[uid].get("induk_id")
            if isinstance(parent, str):
                add(parent)
            done.add(uid)
            ordered.append(self.planned[uid])

        for uid in list(self.planned):
            add(uid)
        return ordered


class Positions:
    """The positions list (``jabatan``) by unit and name."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.by_unit: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for row in _dicts(
            conn.execute(
                "SELECT id, unit_id, nama, jenis_kode, jenjang_kode, eselon_kode FROM jabatan "
                "WHERE deleted = 0"
            )
        ):
            self.by_unit[row["unit_id"]].setdefault(name_key(row["nama"]), row)

    def find(self, unit_id: str | None, nama: str) -> tuple[dict[str, Any] | None, bool]:
        """(position, the unit has a positions list)."""
        if unit_id is None:
            return None, False
        positions = self.by_unit.get(unit_id)
        if not positions:
            return None, False
        return positions.get(name_key(nama)), True


class Comparer:
    """Compares checked rows with the database and prepares what applying them would write:
    the ``pegawai`` columns, the history rows and the units to create."""

    def __init__(self, conn: sqlite3.Connection, ref: Referensi, today: date) -> None:
        self.today = today
        self.ref = ref
        self.units = Units(conn)
        self.positions = Positions(conn)
        self._jenjang: dict[str, str | None] = {}

    def _jenjang_from_name(self, nama: str) -> str | None:
        """:func:`n.jenjang_from_name`, remembered per name for the file."""
        if nama not in self._jenjang:
            self._jenjang[nama] = n.jenjang_from_name(nama, self.ref)
        return self._jenjang[nama]

    # -- what to write ---------------------------------------------------------------------

    def jabatan_row(self, r: Row, pegawai_id: str) -> dict[str, Value] | None:
        data = r.data
        nama = data.get("jabatan")
        unit_id, warning = self.units.resolve(data.get("unit"), data.get("unit_induk"))
        if warning:
            r.warn(
                "unit" if data.get("unit") else "unit_induk",
                data.get("unit") or data.get("unit_induk"),
                warning,
            )
        if not nama:
            if unit_id is not None:
                r.warn(
                    "unit",
                    data.get("unit") or data.get("unit_induk"),
                    tr("Unit tanpa nama jabatan tidak dicatat; petakan kolom jabatan."),
                )
            return None
        eselon = data.get("eselon")
        jenis = data.get("jenis_jabatan")
        jenjang: str | None = None
        position, has_list = self.positions.find(unit_id, nama)
        if position is not None:
            jenis = jenis if jenis in ("JPT", "JA", "JF") else position["jenis_kode"]
            jenjang = position["jenjang_kode"]
            eselon = eselon or position["eselon_kode"]
        elif has_list:
            r.warn(
                "jabatan",
                nama,
                tr(
                    "Jabatan '{nama}' tidak ada di daftar jabatan unit '{unit}'; dicatat di "
                    "riwayat dengan namanya saja.",
                    nama=nama,
                    unit=self.units.label(unit_id),
                ),
            )
        if eselon:
            jenjang = jenjang or self.ref.table("ref_eselon").get(eselon, {}).get("jenjang_kode")
            if jenis not in ("JPT", "JA") and jenjang:
                jenis = self.ref.jenjang.get(jenjang, {}).get("jenis_kode") or jenis
        if jenis == n.STRUKTURAL:
            jenis = "JA"
        if jenis is None:
            jenis = "JF" if self._jenjang_from_name(nama) else "JA"
        if jenis == "JF" and jenjang is None:
            jenjang = self._jenjang_from_name(nama)
        if jenis == "JA" and jenjang is None and not eselon and not _looks_managerial(nama):
            jenjang = "PELAKSANA"
        return {
            "jabatan_id": position["id"] if position else None,
            "nama_jabatan": nama,
            "jenis_kode": jenis,
            "jenjang_kode": jenjang,
            "eselon_kode": eselon or None,
            "unit_id": unit_id,
            "pegawai_id": pegawai_id,
        }

    def build(self, r: Row, existing: dict[str, Any] | None, ex: Existing) -> RowResult:
        data = r.data
        result = RowResult(r.number, data.get("nip", ""), data.get("nama") or "")
        if existing is not None:
            result.nama = result.nama or existing["nama"]
        if existing is None and not data.get("nama") and "nama" not in r.formulas:
            r.error("nama", "", tr("Nama kosong; pegawai baru wajib bernama."))
        pegawai_id = existing["id"] if existing else natural_id("pegawai", data.get("nip", ""))
        result.pegawai_id = pegawai_id
        jabatan = self.jabatan_row(r, pegawai_id)
        result.issues = r.issues
        if r.has_errors:
            result.status = DITOLAK
            return result
        values: dict[str, Value] = {}
        for name, column in PEGAWAI_FIELDS.items():
            value = data.get(name)
            if value is None or value == "":
                continue
            values[column] = value.isoformat() if isinstance(value, date) else value
        if (
            "tmt_cpns" not in values
            and data.get("jenis_asn") != "PPPK"
            and not (existing is not None and existing["tmt_cpns"])
        ):
            # A PNS NIP carries the TMT CPNS (digits 9-14, the 1st of that month; asn-rules 1.1).
            nip_info = check_nip(str(data.get("nip") or "")).info
            if nip_info is not None and nip_info.tmt_cpns is not None:
                values["tmt_cpns"] = nip_info.tmt_cpns.isoformat()
                r.warn(
                    "tmt_cpns",
                    "",
                    tr(
                        "TMT CPNS tidak diisi; diambil dari NIP: {t}.",
                        t=tanggal(nip_info.tmt_cpns),
                    ),
                )
        pangkat_rows = ex.pangkat.get(pegawai_id, []) if existing else []
        jabatan_rows = ex.jabatan.get(pegawai_id, []) if existing else []
        pendidikan_rows = ex.pendidikan.get(pegawai_id, []) if existing else []
        riwayat: list[tuple[str, dict[str, Value]]] = []
        planned: set[str] = set()

        def add(table: str, row: dict[str, Value], key: tuple[object, ...]) -> None:
            row_id = natural_id(table, pegawai_id, *key)
            if row_id in planned:
                return
            planned.add(row_id)
            riwayat.append((table, {"id": row_id, **row}))

        current_pk = d.current_pangkat(pangkat_rows, self.ref.golongan_urutan)
        pk_keys = {(p["golongan_kode"], p["tmt"]) for p in pangkat_rows}
        tmt_cpns = values.get("tmt_cpns")
        awal = data.get("golongan_awal")
        if awal and isinstance(tmt_cpns, str) and (awal, tmt_cpns) not in pk_keys:
            add(
                "riwayat_pangkat",
                {
                    "pegawai_id": pegawai_id,
                    "golongan_kode": awal,
                    "tmt": tmt_cpns,
                    "jenis": "PPPK" if data.get("jenis_asn") == "PPPK" else "CPNS",
                    "mk_tahun": 0,
                    "mk_bulan": 0,
                },
                (awal, tmt_cpns),
            )
        gol = data.get("golongan")
        if gol:
            tmt_gol = data.get("tmt_golongan")
            tmt_text = tmt_gol.isoformat() if tmt_gol else None
            undated = tmt_text is None and (
                current_pk is None or current_pk["golongan_kode"] != gol
            )
            if undated:
                # Never stamped with the import date: the rank is recorded without TMT and
                # listed, to be completed from the SK (issue 13, item 10).
                r.warn(
                    "tmt_golongan",
                    "",
                    tr(
                        "TMT golongan tidak diisi; golongan {g} dicatat tanpa TMT. Lengkapi "
                        "TMT-nya dari SK pangkat (masa kerja, KP dan KGB belum dapat dihitung).",
                        g=gol,
                    ),
                )
            if (undated or tmt_text is not None) and (gol, tmt_text) not in pk_keys:
                same_as_awal = awal == gol and tmt_text == tmt_cpns
                add(
                    "riwayat_pangkat",
                    {
                        "pegawai_id": pegawai_id,
                        "golongan_kode": gol,
                        "tmt": tmt_text,
                        "jenis": (
                            "PPPK"
                            if data.get("jenis_asn") == "PPPK"
                            else "CPNS"
                            if same_as_awal
                            else None
                        ),
                        "mk_tahun": data.get("mk_tahun"),
                        "mk_bulan": data.get("mk_bulan"),
                    },
                    (gol, tmt_text),
                )
                if existing is not None:
                    result.changes["golongan"] = (
                        current_pk["golongan_kode"] if current_pk else None,
                        gol,
                    )
                    result.changes["tmt_golongan"] = (
                        current_pk["tmt"] if current_pk else None,
                        tmt_text,
                    )
        if jabatan is not None:
            tmt_jab = data.get("tmt_jabatan")
            tmt_text = tmt_jab.isoformat() if tmt_jab else None
            current_jb = d.current_jabatan(jabatan_rows)
            keys = {(j["tmt"], name_key(j["nama_jabatan"])) for j in jabatan_rows}
            key_name = name_key(str(jabatan["nama_jabatan"]))
            undated_jb = False
            if tmt_text is None:
                same = current_jb is not None and name_key(current_jb["nama_jabatan"]) == key_name
                if not same:
                    undated_jb = True
                    r.warn(
                        "tmt_jabatan",
                        "",
                        tr(
                            "TMT jabatan tidak diisi; jabatan {j} dicatat tanpa TMT. Lengkapi "
                            "TMT-nya dari SK jabatan.",
                            j=jabatan["nama_jabatan"],
                        ),
                    )
            if (undated_jb or tmt_text is not None) and (tmt_text, key_name) not in keys:
                add("riwayat_jabatan", {**jabatan, "tmt": tmt_text}, (tmt_text, key_name))
                if existing is not None:
                    result.changes["jabatan"] = (
                        current_jb["nama_jabatan"] if current_jb else None,
                        jabatan["nama_jabatan"],
                    )
                    result.changes["tmt_jabatan"] = (
                        current_jb["tmt"] if current_jb else None,
                        tmt_text,
                    )
                    old_unit = current_jb.get("unit_id") if current_jb else None
                    if old_unit != jabatan["unit_id"]:
                        result.changes["unit"] = (
                            self.units.label(old_unit) or None,
                            self.units.label(
                                jabatan["unit_id"] if isinstance(jabatan["unit_id"], str) else None
                            )
                            or None,
                        )
        tingkat = data.get("pendidikan")
        if tingkat:
            tahun = data.get("tahun_lulus")
            have = any(
                p["tingkat_kode"] == tingkat
                and (tahun is None or p["tahun_lulus"] is None or p["tahun_lulus"] == tahun)
                for p in pendidikan_rows
            )
            if not have:
                add(
                    "riwayat_pendidikan",
                    {
                        "pegawai_id": pegawai_id,
                        "tingkat_kode": tingkat,
                        "jurusan": data.get("pendidikan_nama"),
                        "institusi": data.get("institusi"),
                        "tahun_lulus": tahun,
                    },
                    (tingkat, tahun or ""),
                )
                if existing is not None:
                    best = d.highest_pendidikan(pendidikan_rows, self.ref.pendidikan_urutan)
                    result.changes["pendidikan"] = (best["tingkat_kode"] if best else None, tingkat)
        result.riwayat = riwayat
        result.issues = r.issues
        if existing is None:
            row: dict[str, Value] = dict.fromkeys(PEGAWAI_COLUMNS)
            row.update(values)
            row["id"] = pegawai_id
            jenis = row.get("jenis_asn") or "PNS"
            row["jenis_asn"] = jenis
            row["status_kepegawaian"] = row.get("status_kepegawaian") or (
                "PPPK" if jenis == "PPPK" else "PNS"
            )
            row["kedudukan"] = row.get("kedudukan") or "AKTIF"
            result.pegawai = row
            result.status = BARU
            return result
        updates: dict[str, Value] = {}
        reverse = {column: name for name, column in PEGAWAI_FIELDS.items()}
        for column, value in values.items():
            old = existing.get(column)
            if old != value:
                updates[column] = value
                result.changes[reverse[column]] = (old, value)
        # Keep the fields of the file first, then the histories, in a stable order.
        result.changes = dict(
            sorted(result.changes.items(), key=lambda kv: _FIELD_ORDER.get(kv[0], 999))
        )
        result.pegawai = updates
        result.status = BERUBAH if updates or riwayat else SAMA
        return result


_FIELD_ORDER = {
    name: i
    for i, name in enumerate(
        [
            *PEGAWAI_FIELDS,
            "golongan",
            "tmt_golongan",
            "jabatan",
            "tmt_jabatan",
            "unit",
            "pendidikan",
        ]
    )
}
_MANAGERIAL = re.compile(
    r"^(KEPALA|SEKRETARIS|CAMAT|LURAH|INSPEKTUR|ASISTEN|KABAG|KABID|KASI|KASUBAG|DIREKTUR)\b",
    re.IGNORECASE,
)


def _looks_managerial(nama: str) -> bool:
    return bool(_MANAGERIAL.match(nama.strip()))
