"""The import preview: every row validated, normalised and compared with the database.

:func:`plan_import` reads only. Each row becomes a :class:`RowResult` with a status
(``baru``, ``berubah``, ``sama``, ``ditolak``, ``dilewati``), the field-level changes and
every problem found (:class:`Issue`: row, column, value, reason, level). A row with an error
(``kesalahan``) is rejected; warnings (``peringatan``) do not reject. What the row would write
is prepared here too, so that :func:`app.models.impor.apply.apply_import` only writes.

Decisions (see also the module docs of ``apply``):

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

import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.i18n import tanggal, tr
from app.models.errors import Cancelled, ValidationError
from app.models.impor import normalise as n
from app.models.impor.fields import FIELD_BY_NAME, REQUIRED_FIELDS
from app.models.impor.read import SourceTable
from app.models.pegawai.read import PEGAWAI_KOLOM
from app.models.reference.loader import Referensi, natural_id
from app.models.rules import derivations as d
from app.models.rules.nip import (
    USIA_MAKSIMAL,
    check_nik,
    check_nip,
    cross_check,
    normalise_nip,
)
from app.models.storage.db import Database

KESALAHAN = "kesalahan"
PERINGATAN = "peringatan"

BARU = "baru"
BERUBAH = "berubah"
SAMA = "sama"
DITOLAK = "ditolak"
DILEWATI = "dilewati"
STATUSES = (BARU, BERUBAH, SAMA, DITOLAK, DILEWATI)
ON_EXISTING = ("update", "skip")

CHUNK = 900
PROGRESS_EVERY = 1000
USIA_MINIMAL = 18

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
DATE_FIELDS = ("tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_golongan", "tmt_jabatan")
HOLDER_UNIT_ID = natural_id("unit_organisasi", "impor")

Value = str | int | float | None


@dataclass(frozen=True)
class Issue:
    """One problem in one cell (or row) of the file."""

    row: int  # file row number
    column: str  # header text (or field label)
    value: str
    reason: str  # Indonesian
    level: str  # "kesalahan" | "peringatan"


@dataclass
class RowResult:
    """The preview of one row and what applying it would write."""

    row: int
    nip: str
    nama: str
    status: str = ""
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    pegawai_id: str | None = None
    # Columns to insert (status baru) or change (berubah) in ``pegawai``.
    pegawai: dict[str, Value] = field(default_factory=dict)
    # History rows to add: (table, row with its natural id).
    riwayat: list[tuple[str, dict[str, Value]]] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == KESALAHAN]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level == PERINGATAN]


@dataclass
class ImportPlan:
    """The preview of a whole file."""

    source: SourceTable
    mapping: dict[int, str | None]
    on_existing: str
    rows: list[RowResult]
    counts: dict[str, int]
    units: list[dict[str, Value]] = field(default_factory=list)  # units to create
    today: date = field(default_factory=date.today)

    @property
    def ok(self) -> bool:
        """True when no row is rejected."""
        return self.counts.get(DITOLAK, 0) == 0

    @property
    def issues(self) -> Iterator[Issue]:
        for row in self.rows:
            yield from row.issues

    @property
    def warning_count(self) -> int:
        return sum(1 for i in self.issues if i.level == PERINGATAN)

    @property
    def error_count(self) -> int:
        return sum(1 for i in self.issues if i.level == KESALAHAN)


# --- mapping -------------------------------------------------------------------------------


def check_mapping(headers: list[str], mapping: dict[int, str | None]) -> dict[str, int]:
    """Field -> column index; raises ValidationError for unknown or doubly mapped fields and
    for required fields that no column maps to."""
    by_field: dict[str, int] = {}
    for index, name in sorted(mapping.items()):
        if not name:
            continue
        if name not in FIELD_BY_NAME:
            raise ValidationError(tr("Bidang impor '{name}' tidak dikenal.", name=name), field=name)
        if not 0 <= index < len(headers):
            raise ValidationError(tr("Kolom {n} tidak ada di berkas.", n=index + 1), field=name)
        if name in by_field:
            raise ValidationError(
                tr(
                    "Kolom '{a}' dan '{b}' sama-sama dipetakan ke {label}; pilih salah satu.",
                    a=headers[by_field[name]],
                    b=headers[index],
                    label=FIELD_BY_NAME[name].label,
                ),
                field=name,
            )
        by_field[name] = index
    missing = [FIELD_BY_NAME[f].label for f in REQUIRED_FIELDS if f not in by_field]
    if missing:
        raise ValidationError(
            tr(
                "Kolom wajib belum dipetakan: {fields}. Pilih kolom berkas untuk bidang itu.",
                fields=", ".join(missing),
            ),
            field="mapping",
            reasons=[tr("{f} belum dipetakan.", f=m) for m in missing],
        )
    return by_field


# --- the database as it is -------------------------------------------------------------------


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    for row in cur:
        yield dict(zip(cols, row, strict=True))


@dataclass
class _Existing:
    pegawai: dict[str, dict[str, Any]] = field(default_factory=dict)  # nip -> row
    pangkat: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    jabatan: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    pendidikan: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))


def _load_existing(conn: sqlite3.Connection, nips: list[str]) -> _Existing:
    ex = _Existing()
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


def name_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


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


class _Units:
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


class _Positions:
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


# --- one row ---------------------------------------------------------------------------------


class _Row:
    """Collects the cells, parsed values and issues of one row."""

    def __init__(
        self,
        number: int,
        cells: list[str | None],
        by_field: dict[str, int],
        headers: list[str],
        memo: dict[tuple[str, str], Any] | None = None,
    ) -> None:
        self.memo = memo if memo is not None else {}
        self.number = number
        self.cells = cells
        self.by_field = by_field
        self.headers = headers
        self.issues: list[Issue] = []
        self.data: dict[str, Any] = {}
        self._texts: dict[str, str | None] = {}
        self.formulas: set[str] = set()

    def column(self, name: str) -> str:
        index = self.by_field.get(name)
        if index is None:
            return FIELD_BY_NAME[name].label
        return self.headers[index]

    def raw(self, name: str) -> str | None:
        index = self.by_field.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def text(self, name: str) -> str | None:
        """The cleaned cell text; a formula is reported (once) and treated as empty."""
        if name in self._texts:
            return self._texts[name]
        value = n.clean_text(self.raw(name))
        self._texts[name] = value
        if value is not None and n.looks_like_formula(value):
            self._texts[name] = None
            self.formulas.add(name)
            self.error(
                name,
                value,
                tr(
                    "Sel berisi rumus; Merit tidak menjalankan rumus. Ganti dengan nilainya "
                    "(salin, lalu Tempel Khusus > Nilai)."
                ),
            )
            return None
        return value

    def error(self, name: str, value: object, reason: str) -> None:
        self.issues.append(Issue(self.number, self.column(name), _show(value), reason, KESALAHAN))

    def warn(self, name: str, value: object, reason: str) -> None:
        self.issues.append(Issue(self.number, self.column(name), _show(value), reason, PERINGATAN))

    def parse(self, name: str, parser: Callable[[str], Any]) -> Any:
        """The cell parsed by ``parser``; a BadValue becomes an error of this row. Results are
        shared between rows (files repeat the same golongan, dates and names of levels)."""
        value = self.text(name)
        if value is None:
            return None
        key = (name, value)
        result = self.memo.get(key, _MISSING)
        if result is _MISSING:
            try:
                result = parser(value)
            except n.BadValue as exc:
                result = exc
            self.memo[key] = result
        if isinstance(result, n.BadValue):
            self.error(name, value, str(result))
            return None
        return result

    @property
    def has_errors(self) -> bool:
        return any(i.level == KESALAHAN for i in self.issues)


_MISSING = object()


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _split_ttl(text: str) -> tuple[str | None, str | None]:
    """ "Kupang, 12-01-1980" -> ("Kupang", "12-01-1980")."""
    if "," in text:
        tempat, _, tgl = text.rpartition(",")
        return tempat.strip() or None, tgl.strip() or None
    m = re.match(r"^(.*?)[\s/]+(\d.*)$", text)
    if m:
        return m[1].strip() or None, m[2].strip()
    return text.strip() or None, None


class _Planner:
    def __init__(
        self,
        conn: sqlite3.Connection,
        source: SourceTable,
        by_field: dict[str, int],
        on_existing: str,
        today: date,
    ) -> None:
        self.conn = conn
        self.source = source
        self.by_field = by_field
        self.on_existing = on_existing
        self.today = today
        self.ref = Referensi.load(conn)
        self.units = _Units(conn)
        self.positions = _Positions(conn)
        self.split_titles = not ({"gelar_depan", "gelar_belakang"} & set(by_field))
        ref = self.ref
        self.parsers: dict[str, Callable[[str], Any]] = {
            "jenis_kelamin": n.parse_jenis_kelamin,
            "jenis_asn": n.parse_jenis_asn,
            "status": n.parse_status,
            "kedudukan": lambda t: n.parse_kedudukan(t, ref),
            "golongan_awal": lambda t: n.parse_golongan(t, ref),
            "golongan": lambda t: n.parse_golongan(t, ref),
            "eselon": lambda t: n.parse_eselon(t, ref) or "",
            "jenis_jabatan": lambda t: n.parse_jenis_jabatan(t, ref),
            "pendidikan": lambda t: n.parse_pendidikan(t, ref),
            "mk_tahun": lambda t: n.parse_int(t, 0, 60),
            "mk_bulan": lambda t: n.parse_int(t, 0, 11),
            "tahun_lulus": lambda t: n.parse_int(t, 1900, self.today.year),
        }

    # -- parsing -------------------------------------------------------------------------------

    def normalise(self, r: _Row) -> None:
        ref, data = self.ref, r.data
        data["nip"] = normalise_nip(r.text("nip") or "")
        nama = r.text("nama")
        if nama:
            try:
                if self.split_titles:
                    depan, nama_saja, belakang = n.split_name(nama)
                    data["nama"] = nama_saja
                    data["gelar_depan"], data["gelar_belakang"] = depan, belakang
                else:
                    data["nama"] = n.clean_name(nama)
            except n.BadValue as exc:
                r.error("nama", nama, str(exc))
        for name in (
            "gelar_depan",
            "gelar_belakang",
            "tempat_lahir",
            "alamat",
            "telepon",
            "jabatan",
            "unit",
            "unit_induk",
            "pendidikan_nama",
            "institusi",
        ):
            value = r.text(name)
            if value is not None:
                data[name] = value
        ttl = r.text("tempat_tanggal_lahir")
        if ttl:
            tempat, tgl = _split_ttl(ttl)
            if tempat and "tempat_lahir" not in data:
                data["tempat_lahir"] = tempat
            if tgl and r.text("tanggal_lahir") is None:
                try:
                    data["tanggal_lahir"] = n.parse_date(tgl)
                except n.BadValue as exc:
                    r.error("tempat_tanggal_lahir", ttl, str(exc))
        for name in DATE_FIELDS:
            value = r.parse(name, n.parse_date)
            if value is not None:
                data[name] = value
        for name, parser in self.parsers.items():
            value = r.parse(name, parser)
            if value is not None and value != "":
                data[name] = value
        agama = r.text("agama")
        if agama:
            kode = r.memo.get(("agama", agama), _MISSING)
            if kode is _MISSING:
                try:
                    kode = n.parse_agama(agama, ref)
                except n.BadValue as exc:
                    kode = exc
                r.memo[("agama", agama)] = kode
            if isinstance(kode, n.BadValue):
                r.warn("agama", agama, str(kode) + " " + tr("Agama tidak disimpan."))
            else:
                data["agama"] = kode
        email = r.text("email")
        if email:
            if n.looks_like_email(email):
                data["email"] = email
            else:
                r.warn("email", email, tr("Bukan alamat email; tidak disimpan."))
        nik = r.text("nik")
        if nik:
            info, errors = check_nik(nik)
            if info is None:
                r.error("nik", nik, " ".join(errors))
            else:
                data["nik"] = info.nik
        nip_lama = r.text("nip_lama")
        if nip_lama:
            data["nip_lama"] = normalise_nip(nip_lama)

    # -- rules ---------------------------------------------------------------------------------

    def check(self, r: _Row) -> None:
        data, today = r.data, self.today
        nip_text = r.text("nip") or ""
        if not data["nip"]:
            if "nip" not in r.formulas:
                r.error("nip", nip_text, tr("NIP kosong."))
            return
        jenis_hint = data.get("jenis_asn")
        if jenis_hint is None and data.get("status"):
            jenis_hint = "PPPK" if data["status"] == "PPPK" else "PNS"
        result = check_nip(data["nip"], jenis_asn=jenis_hint, today=today)
        for reason in result.kesalahan:
            r.error("nip", nip_text, reason)
        for reason in result.peringatan:
            r.warn("nip", nip_text, reason)
        info = result.info
        if info is not None:
            lahir = data.get("tanggal_lahir")
            if lahir is not None and lahir != info.tanggal_lahir:
                r.error(
                    "tanggal_lahir",
                    lahir,
                    tr(
                        "NIP menyatakan lahir {nip}, kolom {kolom} berisi {data}.",
                        nip=tanggal(info.tanggal_lahir),
                        kolom=r.column("tanggal_lahir")
                        if "tanggal_lahir" in self.by_field
                        else r.column("tempat_tanggal_lahir"),
                        data=tanggal(lahir),
                    ),
                )
            data.setdefault("tanggal_lahir", info.tanggal_lahir)
            kelamin = data.get("jenis_kelamin")
            if kelamin is not None and kelamin != info.jenis_kelamin:
                r.error(
                    "jenis_kelamin",
                    r.text("jenis_kelamin"),
                    tr(
                        "NIP (digit 15) menyatakan {nip}, kolom {kolom} berisi {data}.",
                        nip=tr("laki-laki") if info.jenis_kelamin == "L" else tr("perempuan"),
                        kolom=r.column("jenis_kelamin"),
                        data=tr("laki-laki") if kelamin == "L" else tr("perempuan"),
                    ),
                )
            data.setdefault("jenis_kelamin", info.jenis_kelamin)
            data.setdefault("jenis_asn", info.jenis_asn)
            if data.get("tmt_cpns") is not None:
                for reason in cross_check(info, tmt_cpns=data["tmt_cpns"]):
                    r.warn("tmt_cpns", data["tmt_cpns"], reason)
            if data.get("nik"):
                for reason in cross_check(info, nik=data["nik"]):
                    r.warn("nik", data["nik"], reason)
        jenis = data.get("jenis_asn")
        status = data.get("status")
        if status is not None and jenis is not None and (jenis == "PPPK") != (status == "PPPK"):
            r.error(
                "status",
                status,
                tr(
                    "Status {status} tidak cocok dengan jenis pegawai {jenis}.",
                    status=status,
                    jenis=jenis,
                ),
            )
        for name in ("golongan", "golongan_awal"):
            kode = data.get(name)
            if kode and jenis:
                gol_jenis = self.ref.golongan.get(kode, {}).get("jenis_asn")
                if gol_jenis and gol_jenis != jenis:
                    r.error(
                        name,
                        kode,
                        tr(
                            "Golongan {kode} adalah golongan {gol}, padahal pegawai ini {jenis}.",
                            kode=kode,
                            gol=gol_jenis,
                            jenis=jenis,
                        ),
                    )
        self.check_dates(r)

    def check_dates(self, r: _Row) -> None:
        data, today = r.data, self.today
        lahir: date | None = data.get("tanggal_lahir")
        if lahir is not None:
            if lahir > today:
                r.error(
                    "tanggal_lahir",
                    lahir,
                    tr("Tanggal lahir {t} masih di masa depan.", t=tanggal(lahir)),
                )
            elif d.usia(lahir, today) > USIA_MAKSIMAL:
                r.error(
                    "tanggal_lahir",
                    lahir,
                    tr(
                        "Tanggal lahir {t} lebih dari {n} tahun yang lalu.",
                        t=tanggal(lahir),
                        n=USIA_MAKSIMAL,
                    ),
                )
            elif d.usia(lahir, today) < USIA_MINIMAL:
                r.warn(
                    "tanggal_lahir",
                    lahir,
                    tr(
                        "Pegawai baru berusia {n} tahun; periksa tanggal lahir.",
                        n=d.usia(lahir, today),
                    ),
                )
        labels = {
            "tmt_cpns": tr("TMT CPNS"),
            "tmt_pns": tr("TMT PNS"),
            "tmt_golongan": tr("TMT golongan"),
            "tmt_jabatan": tr("TMT jabatan"),
        }
        for name, label in labels.items():
            tmt: date | None = data.get(name)
            if tmt is None:
                continue
            if lahir is not None and tmt <= lahir:
                r.error(
                    name,
                    tmt,
                    tr(
                        "{label} {t} tidak mungkin sebelum tanggal lahir {lahir}.",
                        label=label,
                        t=tanggal(tmt),
                        lahir=tanggal(lahir),
                    ),
                )
            elif tmt > today + timedelta(days=366):
                r.warn(
                    name,
                    tmt,
                    tr("{label} {t} lebih dari setahun ke depan.", label=label, t=tanggal(tmt)),
                )
        cpns, pns = data.get("tmt_cpns"), data.get("tmt_pns")
        if cpns is not None and pns is not None and cpns > pns:
            r.error(
                "tmt_pns",
                pns,
                tr(
                    "TMT PNS {pns} lebih awal dari TMT CPNS {cpns}; TMT CPNS harus lebih dulu.",
                    pns=tanggal(pns),
                    cpns=tanggal(cpns),
                ),
            )
        gol_tmt = data.get("tmt_golongan")
        if cpns is not None and gol_tmt is not None and gol_tmt < cpns:
            r.warn(
                "tmt_golongan",
                gol_tmt,
                tr(
                    "TMT golongan {g} lebih awal dari TMT CPNS {c}.",
                    g=tanggal(gol_tmt),
                    c=tanggal(cpns),
                ),
            )
        tahun = data.get("tahun_lulus")
        if tahun is not None and lahir is not None and tahun < lahir.year + 5:
            r.error(
                "tahun_lulus",
                tahun,
                tr("Tahun lulus {t} terlalu dekat dengan tahun lahir {l}.", t=tahun, l=lahir.year),
            )

    # -- what to write ---------------------------------------------------------------------

    def jabatan_row(self, r: _Row, pegawai_id: str) -> dict[str, Value] | None:
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
            jenis = "JF" if n.jenjang_from_name(nama, self.ref) else "JA"
        if jenis == "JF" and jenjang is None:
            jenjang = n.jenjang_from_name(nama, self.ref)
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

    def build(self, r: _Row, existing: dict[str, Any] | None, ex: _Existing) -> RowResult:
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
        today_iso = self.today.isoformat()
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
            if tmt_text is None and (current_pk is None or current_pk["golongan_kode"] != gol):
                tmt_text = today_iso
                r.warn(
                    "golongan",
                    gol,
                    tr(
                        "TMT golongan tidak diisi; golongan {g} dicatat dengan TMT tanggal "
                        "impor ({t}). Perbaiki TMT-nya kemudian.",
                        g=gol,
                        t=tanggal(self.today),
                    ),
                )
            if tmt_text is not None and (gol, tmt_text) not in pk_keys:
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
            if tmt_text is None:
                same = current_jb is not None and name_key(current_jb["nama_jabatan"]) == key_name
                if not same:
                    tmt_text = today_iso
                    r.warn(
                        "jabatan",
                        jabatan["nama_jabatan"],
                        tr(
                            "TMT jabatan tidak diisi; jabatan dicatat dengan TMT tanggal impor "
                            "({t}). Perbaiki TMT-nya kemudian.",
                            t=tanggal(self.today),
                        ),
                    )
            if tmt_text is not None and (tmt_text, key_name) not in keys:
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


# --- the plan --------------------------------------------------------------------------------


def plan_import(
    db: Database,
    source: SourceTable,
    mapping: dict[int, str | None],
    *,
    on_existing: str = "update",
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Validate every row and compare it with the database. Reads only; writes nothing.

    ``on_existing``: ``"update"`` brings existing employees (same NIP) up to date, ``"skip"``
    leaves them as they are (status ``dilewati``). Raises ValidationError when a required
    field is not mapped and :class:`Cancelled` when ``cancelled()`` becomes true.
    """
    if on_existing not in ON_EXISTING:
        raise ValidationError(
            tr(
                "Pilihan untuk NIP yang sudah ada harus 'update' atau 'skip', bukan '{v}'.",
                v=on_existing,
            ),
            field="on_existing",
        )
    by_field = check_mapping(source.headers, mapping)
    today = today or date.today()
    conn = db.conn
    planner = _Planner(conn, source, by_field, on_existing, today)
    total = len(source.rows)

    # Pass 1: normalise and check each row on its own.
    memo: dict[tuple[str, str], Any] = {}
    parsed: list[_Row] = []
    for index, (cells, number) in enumerate(zip(source.rows, source.row_numbers, strict=True)):
        if index % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled(tr("Pratinjau impor dibatalkan; tidak ada yang disimpan."))
            if progress is not None:
                progress(index // 2, total)
        r = _Row(number, cells, by_field, source.headers, memo)
        planner.normalise(r)
        planner.check(r)
        parsed.append(r)

    # The same NIP twice in one file: both rows are rejected, each naming the other.
    rows_by_nip: dict[str, list[int]] = defaultdict(list)
    for r in parsed:
        if r.data.get("nip"):
            rows_by_nip[r.data["nip"]].append(r.number)
    for r in parsed:
        others = [x for x in rows_by_nip.get(r.data.get("nip", ""), []) if x != r.number]
        if others:
            r.error(
                "nip",
                r.text("nip") or r.data["nip"],
                tr(
                    "NIP {nip} juga ada di baris {baris}; satu NIP hanya boleh satu baris. "
                    "Hapus atau perbaiki salah satunya.",
                    nip=r.data["nip"],
                    baris=", ".join(str(x) for x in others),
                ),
            )

    # Pass 2: compare with the database.
    ex = _load_existing(conn, sorted(rows_by_nip))
    results: list[RowResult] = []
    for index, r in enumerate(parsed):
        if index % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled(tr("Pratinjau impor dibatalkan; tidak ada yang disimpan."))
            if progress is not None:
                progress((total + index) // 2, total)
        existing = ex.pegawai.get(r.data.get("nip", ""))
        if existing is not None and on_existing == "skip" and len(rows_by_nip[r.data["nip"]]) == 1:
            results.append(
                RowResult(
                    r.number, r.data["nip"], existing["nama"], DILEWATI, pegawai_id=existing["id"]
                )
            )
            continue
        results.append(planner.build(r, existing, ex))
    if progress is not None:
        progress(total, total)
    counts = dict.fromkeys(STATUSES, 0)
    for res in results:
        counts[res.status] += 1
    return ImportPlan(
        source=source,
        mapping=dict(mapping),
        on_existing=on_existing,
        rows=results,
        counts=counts,
        units=planner.units.new_units(),
        today=today,
    )
