"""Units, positions and formations (the number of seats), and the bezetting view.

* The organisation is a tree of units (``unit_organisasi``): create, edit, move under another
  parent (a unit can never move under itself or one of its own sub-units), order among siblings,
  and soft delete, refused while the unit still has active sub-units, positions or people.
* A position (``jabatan``) belongs to one unit and carries its kind, level, eselon (structural
  posts only), kelas jabatan (1..17), the number of seats (``kebutuhan``) and the required minimum
  golongan and education, all codes of the reference tables.
* **Bezetting** (asn-rules 13.2): per position, seats against the active employees whose current
  position (the latest ``riwayat_jabatan`` by TMT,
  :func:`app.models.rules.derivations.current_jabatan`)
  is that position; vacant and excess seats; the holders with a flag when they lack the
  position's minimum golongan or education.

Every write goes through :class:`app.models.storage.store.Store`. Validation returns or raises
messages
in Indonesian that name the field.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import Referensi
from app.models.storage.db import Database
from app.models.storage.store import Store, Value

# Unit kinds as the schema lists them; labels are translated when shown.
UNIT_JENIS: tuple[tuple[str, str], ...] = (
    ("OPD", "Perangkat daerah"),
    ("SEKRETARIAT", "Sekretariat"),
    ("BIDANG", "Bidang"),
    ("BAGIAN", "Bagian"),
    ("SUBBAGIAN", "Subbagian"),
    ("SEKSI", "Seksi"),
    ("UPT", "UPT"),
    ("KECAMATAN", "Kecamatan"),
    ("KELURAHAN", "Kelurahan"),
    ("SEKOLAH", "Sekolah"),
    ("PUSKESMAS", "Puskesmas"),
)

# Field labels used in messages (translated when used).
FIELD_LABELS: dict[str, str] = {
    "nama": "Nama",
    "jenis": "Jenis unit",
    "induk_id": "Unit induk",
    "kode": "Kode",
    "singkatan": "Singkatan",
    "eselon_kode": "Eselon",
    "urutan": "Urutan",
    "alamat": "Alamat",
    "unit_id": "Unit",
    "jenis_kode": "Jenis jabatan",
    "jenjang_kode": "Jenjang",
    "kelas_jabatan": "Kelas jabatan",
    "kebutuhan": "Kebutuhan",
    "gol_min_kode": "Golongan minimal",
    "pendidikan_min_kode": "Pendidikan minimal",
    "atasan_jabatan_id": "Atasan",
    "bup_tahun": "BUP",
}

KELAS_MIN, KELAS_MAX = 1, 17  # kelas jabatan (Perpres on tunjangan kinerja; practice)
BUP_MIN, BUP_MAX = 50, 70
MAX_NAMA = 200
MAX_KEBUTUHAN = 100_000

# D-IV is treated as S-1 and SLTP Kejuruan as SLTP when comparing with a minimum education
# ("sekurang-kurangnya S-1/D-IV", asn-rules 3.4); otherwise the reference order applies.
PENDIDIKAN_SETARA = {"D4": "S1", "SMP_KEJURUAN": "SMP"}

_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def label(field_name: str) -> str:
    """The Indonesian label of a field, for messages and forms."""
    return tr(FIELD_LABELS.get(field_name, field_name))


def unit_jenis_options() -> list[tuple[str, str]]:
    """(kode, label) of the unit kinds, for pickers."""
    return [(kode, tr(nama)) for kode, nama in UNIT_JENIS]


@dataclass(frozen=True)
class Issue:
    """One problem of a form: the field and an Indonesian sentence that names it."""

    field: str
    message: str


def _raise(issues: list[Issue]) -> None:
    if issues:
        raise ValidationError(
            issues[0].message, field=issues[0].field, reasons=[i.message for i in issues]
        )


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _opt(value: object) -> str | None:
    text = _text(value)
    return text or None


def parse_int(
    value: object, field_name: str, *, minimum: int, maximum: int, required: bool
) -> tuple[int | None, Issue | None]:
    """A whole number typed in a form (``"3"``, ``" 12 "``, ``"1.000"``) or a problem naming the
    field. Empty gives None, or a problem when the field is required."""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = _text(value)
        if _THOUSANDS.fullmatch(text):  # "1.000" written the Indonesian way
            text = text.replace(".", "")
        if not text:
            if required:
                return None, Issue(field_name, tr("{f} wajib diisi.", f=label(field_name)))
            return None, None
        try:
            number = int(text)
        except ValueError:
            return None, Issue(
                field_name,
                tr("{f} harus bilangan bulat; tertulis '{v}'.", f=label(field_name), v=text),
            )
    if not minimum <= number <= maximum:
        return None, Issue(
            field_name,
            tr(
                "{f} harus antara {lo} dan {hi}; tertulis {v}.",
                f=label(field_name),
                lo=minimum,
                hi=maximum,
                v=number,
            ),
        )
    return number, None


# =============================================================================================
# Units


@dataclass(frozen=True)
class UnitData:
    """What a form or the CLI gives to create or change a unit."""

    nama: str
    jenis: str
    induk_id: str | None = None
    kode: str | None = None
    singkatan: str | None = None
    eselon_kode: str | None = None
    urutan: int | str | None = None  # None: after the last sibling
    alamat: str | None = None


@dataclass(frozen=True)
class Unit:
    """A stored unit."""

    id: str
    induk_id: str | None
    kode: str | None
    nama: str
    singkatan: str | None
    jenis: str
    eselon_kode: str | None
    urutan: int
    alamat: str | None

    def as_data(self) -> UnitData:
        return UnitData(
            nama=self.nama,
            jenis=self.jenis,
            induk_id=self.induk_id,
            kode=self.kode,
            singkatan=self.singkatan,
            eselon_kode=self.eselon_kode,
            urutan=self.urutan,
            alamat=self.alamat,
        )


@dataclass(frozen=True)
class UnitNode:
    """A unit in tree order, for the tree view and pickers."""

    id: str
    induk_id: str | None
    nama: str
    jenis: str
    kode: str | None
    singkatan: str | None
    urutan: int
    depth: int
    children: int


_UNIT_COLS = "id, induk_id, kode, nama, singkatan, jenis, eselon_kode, urutan, alamat"


def _unit_from_row(row: Iterable[Any]) -> Unit:
    r = list(row)
    return Unit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7] or 0), r[8])


def get_unit(conn: sqlite3.Connection, unit_id: str) -> Unit:
    """One live unit; :class:`NotFoundError` when missing or deleted."""
    row = conn.execute(
        f"SELECT {_UNIT_COLS} FROM unit_organisasi WHERE id = ? AND deleted = 0", (unit_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Unit organisasi dengan id {id} tidak ditemukan.", id=unit_id))
    return _unit_from_row(row)


class _Tree:
    """The live units in memory: parent, children in order, names."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.rows: dict[str, tuple[Any, ...]] = {}
        self.children: dict[str | None, list[str]] = defaultdict(list)
        for row in conn.execute(
            "SELECT id, induk_id, nama, jenis, kode, singkatan, urutan FROM unit_organisasi "
            "WHERE deleted = 0 ORDER BY urutan, nama, id"
        ):
            self.rows[row[0]] = tuple(row)
        for unit_id, row in self.rows.items():
            parent = row[1] if row[1] in self.rows else None
            self.children[parent].append(unit_id)

    def parent(self, unit_id: str) -> str | None:
        parent = self.rows[unit_id][1]
        return parent if parent in self.rows else None

    def descendants(self, unit_id: str) -> list[str]:
        """The unit and everything under it, depth-first in tree order."""
        result: list[str] = []
        stack = [unit_id]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return result

    def order(self) -> list[tuple[str, int]]:
        """Every live unit with its depth, depth-first in tree order."""
        result: list[tuple[str, int]] = []
        stack: list[tuple[str, int]] = [(u, 0) for u in reversed(self.children.get(None, []))]
        while stack:
            current, depth = stack.pop()
            result.append((current, depth))
            stack.extend((c, depth + 1) for c in reversed(self.children.get(current, [])))
        return result

    def path(self, unit_id: str) -> list[str]:
        names: list[str] = []
        current: str | None = unit_id
        seen: set[str] = set()
        while current is not None and current in self.rows and current not in seen:
            seen.add(current)
            names.append(str(self.rows[current][2]))
            current = self.parent(current)
        return list(reversed(names))


def unit_tree(conn: sqlite3.Connection) -> list[UnitNode]:
    """Every live unit, depth-first in tree order (siblings by ``urutan``, then name)."""
    tree = _Tree(conn)
    nodes = []
    for unit_id, depth in tree.order():
        row = tree.rows[unit_id]
        nodes.append(
            UnitNode(
                id=row[0],
                induk_id=tree.parent(unit_id),
                nama=row[2],
                jenis=row[3],
                kode=row[4],
                singkatan=row[5],
                urutan=int(row[6] or 0),
                depth=depth,
                children=len(tree.children.get(unit_id, [])),
            )
        )
    return nodes


def unit_path(conn: sqlite3.Connection, unit_id: str) -> list[str]:
    """Names from the top-level unit down to this one."""
    return _Tree(conn).path(unit_id)


def sub_units(conn: sqlite3.Connection, unit_id: str) -> list[str]:
    """The unit and every live unit under it."""
    tree = _Tree(conn)
    if unit_id not in tree.rows:
        raise NotFoundError(tr("Unit organisasi dengan id {id} tidak ditemukan.", id=unit_id))
    return tree.descendants(unit_id)


def unit_issues(
    conn: sqlite3.Connection,
    data: UnitData,
    *,
    unit_id: str | None = None,
    ref: Referensi | None = None,
) -> list[Issue]:
    """Every problem of a unit form, each naming its field (empty list: can be saved)."""
    issues: list[Issue] = []
    nama = _text(data.nama)
    if not nama:
        issues.append(Issue("nama", tr("Nama unit wajib diisi.")))
    elif len(nama) > MAX_NAMA:
        issues.append(
            Issue("nama", tr("Nama unit terlalu panjang (paling banyak {n} huruf).", n=MAX_NAMA))
        )
    jenis = _text(data.jenis)
    if jenis not in dict(UNIT_JENIS):
        issues.append(
            Issue(
                "jenis",
                tr(
                    "Jenis unit '{v}' tidak dikenal. Pilih salah satu: {choices}.",
                    v=jenis,
                    choices=", ".join(k for k, _ in UNIT_JENIS),
                ),
            )
        )
    induk = _opt(data.induk_id)
    if induk is not None:
        tree = _Tree(conn)
        if induk not in tree.rows:
            issues.append(Issue("induk_id", tr("Unit induk yang dipilih tidak ditemukan.")))
        elif unit_id is not None and unit_id in tree.rows and induk in tree.descendants(unit_id):
            issues.append(
                Issue(
                    "induk_id",
                    tr(
                        "Unit induk tidak boleh unit ini sendiri atau salah satu sub-unitnya "
                        "({nama}).",
                        nama=tree.rows[induk][2],
                    ),
                )
            )
    eselon = _opt(data.eselon_kode)
    if eselon is not None:
        ref = ref or Referensi.load(conn)
        if eselon not in ref.table("ref_eselon"):
            issues.append(
                Issue("eselon_kode", tr("Eselon '{v}' tidak dikenal, mis. III.a.", v=eselon))
            )
    if data.urutan is not None and _text(data.urutan) != "":
        _, problem = parse_int(data.urutan, "urutan", minimum=0, maximum=99_999, required=False)
        if problem:
            issues.append(problem)
    return issues


def _unit_values(conn: sqlite3.Connection, data: UnitData, unit_id: str | None) -> dict[str, Value]:
    _raise(unit_issues(conn, data, unit_id=unit_id))
    induk = _opt(data.induk_id)
    urutan: int | None = None
    if data.urutan is not None and _text(data.urutan) != "":
        urutan, _ = parse_int(data.urutan, "urutan", minimum=0, maximum=99_999, required=False)
    if urutan is None:
        row = conn.execute(
            "SELECT coalesce(max(urutan), 0) FROM unit_organisasi WHERE deleted = 0 AND "
            "induk_id IS ? AND id IS NOT ?",
            (induk, unit_id),
        ).fetchone()
        urutan = int(row[0]) + 1
    return {
        "induk_id": induk,
        "kode": _opt(data.kode),
        "nama": _text(data.nama),
        "singkatan": _opt(data.singkatan),
        "jenis": _text(data.jenis),
        "eselon_kode": _opt(data.eselon_kode),
        "urutan": urutan,
        "alamat": _opt(data.alamat),
    }


def create_unit(db: Database, data: UnitData, *, actor: str = "sistem") -> str:
    """Add a unit; returns its id. :class:`ValidationError` names the field on bad input."""
    values = _unit_values(db.conn, data, None)
    with Store(db).write(tr("Menambah unit organisasi"), actor=actor) as tx:
        return tx.insert("unit_organisasi", values)


def update_unit(db: Database, unit_id: str, data: UnitData, *, actor: str = "sistem") -> list[str]:
    """Change a unit (name, kind, parent, order, ...). Moving it under one of its own sub-units
    is refused. Returns the names of the fields that changed."""
    conn = db.conn
    current = get_unit(conn, unit_id)
    if data.urutan is None and _opt(data.induk_id) == current.induk_id:
        data = replace(data, urutan=current.urutan)
    values = _unit_values(conn, data, unit_id)
    moved = values["induk_id"] != current.induk_id
    with Store(db).write(tr("Mengubah unit organisasi"), actor=actor) as tx:
        changed = tx.update("unit_organisasi", unit_id, values)
        if moved or "nama" in changed:
            # The employees of every sub-unit change perangkat daerah (a move) or unit path:
            # let the write path refresh their summary rows too.
            tx.touched.units.update(_Tree(conn).descendants(unit_id))
    return changed


def move_unit(
    db: Database, unit_id: str, induk_id: str | None, *, actor: str = "sistem"
) -> list[str]:
    """Put a unit (with everything under it) under another parent, after its last child."""
    current = get_unit(db.conn, unit_id)
    data = replace(current.as_data(), induk_id=induk_id, urutan=None)
    if induk_id == current.induk_id:
        return []
    return update_unit(db, unit_id, data, actor=actor)


def shift_unit(db: Database, unit_id: str, step: int, *, actor: str = "sistem") -> bool:
    """Move a unit up (step < 0) or down (step > 0) among its siblings; renumbers ``urutan``
    of the siblings 1..n. Returns False when it is already first or last."""
    conn = db.conn
    tree = _Tree(conn)
    if unit_id not in tree.rows:
        raise NotFoundError(tr("Unit organisasi dengan id {id} tidak ditemukan.", id=unit_id))
    siblings = list(tree.children[tree.parent(unit_id)])
    index = siblings.index(unit_id)
    target = index + (1 if step > 0 else -1)
    if step == 0 or not 0 <= target < len(siblings):
        return False
    siblings[index], siblings[target] = siblings[target], siblings[index]
    with Store(db).write(tr("Mengubah urutan unit organisasi"), actor=actor) as tx:
        for number, sibling in enumerate(siblings, start=1):
            tx.update("unit_organisasi", sibling, {"urutan": number})
    return True


def unit_delete_blockers(conn: sqlite3.Connection, unit_id: str) -> list[str]:
    """Why a unit cannot be deleted now (empty: it can)."""
    get_unit(conn, unit_id)
    reasons = []
    subs = conn.execute(
        "SELECT count(*) FROM unit_organisasi WHERE induk_id = ? AND deleted = 0", (unit_id,)
    ).fetchone()[0]
    if subs:
        reasons.append(tr("masih memiliki {n} sub-unit aktif", n=subs))
    positions = conn.execute(
        "SELECT count(*) FROM jabatan WHERE unit_id = ? AND deleted = 0", (unit_id,)
    ).fetchone()[0]
    if positions:
        reasons.append(tr("masih memiliki {n} jabatan", n=positions))
    people = conn.execute(
        "SELECT count(*) FROM pegawai_ringkas WHERE unit_id = ? AND deleted = 0 "
        "AND kedudukan = 'AKTIF'",
        (unit_id,),
    ).fetchone()[0]
    if people:
        reasons.append(tr("masih ditempati {n} pegawai aktif", n=people))
    return reasons


def delete_unit(db: Database, unit_id: str, *, actor: str = "sistem") -> None:
    """Soft-delete a unit; refused while it has active sub-units, positions or people."""
    unit = get_unit(db.conn, unit_id)
    reasons = unit_delete_blockers(db.conn, unit_id)
    if reasons:
        raise ValidationError(
            tr(
                "Unit '{nama}' tidak dapat dihapus: {reasons}. Pindahkan atau hapus dulu.",
                nama=unit.nama,
                reasons="; ".join(reasons),
            ),
            field="unit_id",
            reasons=reasons,
        )
    with Store(db).write(tr("Menghapus unit organisasi"), actor=actor) as tx:
        tx.delete("unit_organisasi", unit_id)


# =============================================================================================
# Positions


@dataclass(frozen=True)
class JabatanData:
    """What a form or the CLI gives to create or change a position. Numbers may be text as
    typed; they are checked and converted."""

    unit_id: str
    nama: str
    jenis_kode: str
    jenjang_kode: str
    eselon_kode: str | None = None
    kelas_jabatan: int | str | None = None
    kebutuhan: int | str = 1
    gol_min_kode: str | None = None
    pendidikan_min_kode: str | None = None
    atasan_jabatan_id: str | None = None
    bup_tahun: int | str | None = None


@dataclass(frozen=True)
class Jabatan:
    """A stored position."""

    id: str
    unit_id: str
    nama: str
    jenis_kode: str
    jenjang_kode: str
    eselon_kode: str | None
    kelas_jabatan: int | None
    kebutuhan: int
    gol_min_kode: str | None
    pendidikan_min_kode: str | None
    atasan_jabatan_id: str | None
    bup_tahun: int | None

    def as_data(self) -> JabatanData:
        return JabatanData(
            unit_id=self.unit_id,
            nama=self.nama,
            jenis_kode=self.jenis_kode,
            jenjang_kode=self.jenjang_kode,
            eselon_kode=self.eselon_kode,
            kelas_jabatan=self.kelas_jabatan,
            kebutuhan=self.kebutuhan,
            gol_min_kode=self.gol_min_kode,
            pendidikan_min_kode=self.pendidikan_min_kode,
            atasan_jabatan_id=self.atasan_jabatan_id,
            bup_tahun=self.bup_tahun,
        )


_JAB_COLS = (
    "id, unit_id, nama, jenis_kode, jenjang_kode, eselon_kode, kelas_jabatan, kebutuhan, "
    "gol_min_kode, pendidikan_min_kode, atasan_jabatan_id, bup_tahun"
)


def _jabatan_from_row(row: Iterable[Any]) -> Jabatan:
    r = list(row)
    return Jabatan(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7] or 0), r[8], r[9], r[10], r[11]
    )


def get_jabatan(conn: sqlite3.Connection, jabatan_id: str) -> Jabatan:
    row = conn.execute(
        f"SELECT {_JAB_COLS} FROM jabatan WHERE id = ? AND deleted = 0", (jabatan_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Jabatan dengan id {id} tidak ditemukan.", id=jabatan_id))
    return _jabatan_from_row(row)


def is_struktural(ref: Referensi, jenjang_kode: str | None) -> bool:
    """Managerial posts (JPT, administrator, pengawas: UU 20/2023) are the ones with eselon."""
    row = ref.jenjang.get(jenjang_kode or "")
    return bool(row and row.get("kelompok") == "MANAJERIAL")


def jenjang_options(ref: Referensi, jenis_kode: str | None) -> list[tuple[str, str]]:
    """(kode, nama) of the levels of a position kind (all levels when kind is empty)."""
    return [
        (k, str(r["nama"]))
        for k, r in ref.jenjang.items()
        if not jenis_kode or r["jenis_kode"] == jenis_kode
    ]


def eselon_options(ref: Referensi, jenjang_kode: str | None) -> list[tuple[str, str]]:
    """(kode, nama) of the eselon that fit a level; empty for non-structural levels."""
    if not is_struktural(ref, jenjang_kode):
        return []
    return [
        (k, str(r["nama"]))
        for k, r in ref.table("ref_eselon").items()
        if r["jenjang_kode"] == jenjang_kode
    ]


def jabatan_issues(
    conn: sqlite3.Connection,
    data: JabatanData,
    *,
    jabatan_id: str | None = None,
    ref: Referensi | None = None,
) -> list[Issue]:
    """Every problem of a position form, each naming its field (empty list: can be saved)."""
    ref = ref or Referensi.load(conn)
    issues: list[Issue] = []
    unit_id = _opt(data.unit_id)
    if (
        unit_id is None
        or not conn.execute(
            "SELECT 1 FROM unit_organisasi WHERE id = ? AND deleted = 0", (unit_id,)
        ).fetchone()
    ):
        issues.append(Issue("unit_id", tr("Unit jabatan tidak ditemukan; pilih unitnya.")))
    nama = _text(data.nama)
    if not nama:
        issues.append(Issue("nama", tr("Nama jabatan wajib diisi.")))
    elif len(nama) > MAX_NAMA:
        issues.append(
            Issue("nama", tr("Nama jabatan terlalu panjang (paling banyak {n} huruf).", n=MAX_NAMA))
        )
    jenis = _text(data.jenis_kode)
    jenis_table = ref.table("ref_jenis_jabatan")
    if jenis not in jenis_table:
        issues.append(
            Issue(
                "jenis_kode",
                tr(
                    "Jenis jabatan '{v}' tidak dikenal. Pilih salah satu: {choices}.",
                    v=jenis,
                    choices=", ".join(jenis_table),
                ),
            )
        )
    jenjang = _text(data.jenjang_kode)
    jenjang_row = ref.jenjang.get(jenjang)
    if jenjang_row is None:
        issues.append(Issue("jenjang_kode", tr("Jenjang jabatan '{v}' tidak dikenal.", v=jenjang)))
    elif jenis in jenis_table and jenjang_row["jenis_kode"] != jenis:
        issues.append(
            Issue(
                "jenjang_kode",
                tr(
                    "Jenjang {jenjang} bukan jenjang {jenis}; pilih salah satu: {choices}.",
                    jenjang=jenjang_row["nama"],
                    jenis=jenis_table[jenis]["nama"],
                    choices=", ".join(n for _, n in jenjang_options(ref, jenis)),
                ),
            )
        )
    eselon = _opt(data.eselon_kode)
    if eselon is not None and jenjang_row is not None:
        eselon_row = ref.table("ref_eselon").get(eselon)
        if not is_struktural(ref, jenjang):
            issues.append(
                Issue(
                    "eselon_kode",
                    tr(
                        "Eselon hanya untuk jabatan struktural (JPT, administrator, pengawas); "
                        "kosongkan untuk jenjang {jenjang}.",
                        jenjang=jenjang_row["nama"],
                    ),
                )
            )
        elif eselon_row is None:
            issues.append(Issue("eselon_kode", tr("Eselon '{v}' tidak dikenal.", v=eselon)))
        elif eselon_row["jenjang_kode"] != jenjang:
            issues.append(
                Issue(
                    "eselon_kode",
                    tr(
                        "Eselon {eselon} setara {setara}, bukan {jenjang}; pilih {choices}.",
                        eselon=eselon,
                        setara=ref.label("ref_jenjang_jabatan", eselon_row["jenjang_kode"]),
                        jenjang=jenjang_row["nama"],
                        choices=" / ".join(k for k, _ in eselon_options(ref, jenjang)),
                    ),
                )
            )
    _, problem = parse_int(
        data.kelas_jabatan, "kelas_jabatan", minimum=KELAS_MIN, maximum=KELAS_MAX, required=False
    )
    if problem:
        issues.append(problem)
    _, problem = parse_int(
        data.kebutuhan, "kebutuhan", minimum=0, maximum=MAX_KEBUTUHAN, required=True
    )
    if problem:
        # The usual mistake is a negative or fractional count: say what is expected.
        issues.append(
            Issue(
                "kebutuhan",
                tr(
                    "Kebutuhan (jumlah kursi) harus bilangan bulat 0 atau lebih; tertulis '{v}'.",
                    v=_text(data.kebutuhan),
                )
                if _text(data.kebutuhan)
                else problem.message,
            )
        )
    gol = _opt(data.gol_min_kode)
    if gol is not None and gol not in ref.golongan:
        issues.append(
            Issue("gol_min_kode", tr("Golongan minimal '{v}' tidak dikenal, mis. III/a.", v=gol))
        )
    pend = _opt(data.pendidikan_min_kode)
    if pend is not None and pend not in ref.pendidikan:
        issues.append(
            Issue(
                "pendidikan_min_kode",
                tr("Pendidikan minimal '{v}' tidak dikenal, mis. S1.", v=pend),
            )
        )
    atasan = _opt(data.atasan_jabatan_id)
    if atasan is not None:
        issue = _atasan_issue(conn, atasan, jabatan_id)
        if issue:
            issues.append(issue)
    _, problem = parse_int(
        data.bup_tahun, "bup_tahun", minimum=BUP_MIN, maximum=BUP_MAX, required=False
    )
    if problem:
        issues.append(problem)
    return issues


def _atasan_issue(conn: sqlite3.Connection, atasan: str, jabatan_id: str | None) -> Issue | None:
    if atasan == jabatan_id:
        return Issue("atasan_jabatan_id", tr("Atasan tidak boleh jabatan ini sendiri."))
    current: str | None = atasan
    seen: set[str] = set()
    while current is not None and current not in seen:
        seen.add(current)
        row = conn.execute(
            "SELECT atasan_jabatan_id, deleted FROM jabatan WHERE id = ?", (current,)
        ).fetchone()
        if row is None or (current == atasan and row[1]):
            return Issue("atasan_jabatan_id", tr("Jabatan atasan yang dipilih tidak ditemukan."))
        current = row[0]
        if jabatan_id is not None and current == jabatan_id:
            return Issue(
                "atasan_jabatan_id",
                tr("Atasan tidak boleh bawahan dari jabatan ini (rantai atasan berputar)."),
            )
    return None


def _jabatan_values(
    conn: sqlite3.Connection, data: JabatanData, jabatan_id: str | None
) -> dict[str, Value]:
    _raise(jabatan_issues(conn, data, jabatan_id=jabatan_id))
    kelas, _ = parse_int(
        data.kelas_jabatan, "kelas_jabatan", minimum=KELAS_MIN, maximum=KELAS_MAX, required=False
    )
    kebutuhan, _ = parse_int(
        data.kebutuhan, "kebutuhan", minimum=0, maximum=MAX_KEBUTUHAN, required=True
    )
    bup, _ = parse_int(
        data.bup_tahun, "bup_tahun", minimum=BUP_MIN, maximum=BUP_MAX, required=False
    )
    return {
        "unit_id": _text(data.unit_id),
        "nama": _text(data.nama),
        "jenis_kode": _text(data.jenis_kode),
        "jenjang_kode": _text(data.jenjang_kode),
        "eselon_kode": _opt(data.eselon_kode),
        "kelas_jabatan": kelas,
        "kebutuhan": kebutuhan,
        "gol_min_kode": _opt(data.gol_min_kode),
        "pendidikan_min_kode": _opt(data.pendidikan_min_kode),
        "atasan_jabatan_id": _opt(data.atasan_jabatan_id),
        "bup_tahun": bup,
    }


def create_jabatan(db: Database, data: JabatanData, *, actor: str = "sistem") -> str:
    """Add a position with its formation; returns its id."""
    values = _jabatan_values(db.conn, data, None)
    with Store(db).write(tr("Menambah jabatan"), actor=actor) as tx:
        return tx.insert("jabatan", values)


def update_jabatan(
    db: Database, jabatan_id: str, data: JabatanData, *, actor: str = "sistem"
) -> list[str]:
    """Change a position (or its number of seats). Returns the fields that changed."""
    get_jabatan(db.conn, jabatan_id)
    values = _jabatan_values(db.conn, data, jabatan_id)
    with Store(db).write(tr("Mengubah jabatan"), actor=actor) as tx:
        return tx.update("jabatan", jabatan_id, values)


def delete_jabatan(db: Database, jabatan_id: str, *, actor: str = "sistem") -> None:
    """Soft-delete a position; refused while active employees hold it or it is the superior
    of other positions."""
    conn = db.conn
    jab = get_jabatan(conn, jabatan_id)
    holders = _holders(conn, [jab.unit_id]).get(jabatan_id, [])
    reasons = []
    if holders:
        reasons.append(tr("masih dipangku {n} pegawai aktif", n=len(holders)))
    subordinates = conn.execute(
        "SELECT count(*) FROM jabatan WHERE atasan_jabatan_id = ? AND deleted = 0", (jabatan_id,)
    ).fetchone()[0]
    if subordinates:
        reasons.append(tr("masih menjadi atasan {n} jabatan lain", n=subordinates))
    if reasons:
        raise ValidationError(
            tr(
                "Jabatan '{nama}' tidak dapat dihapus: {reasons}.",
                nama=jab.nama,
                reasons="; ".join(reasons),
            ),
            field="jabatan_id",
            reasons=reasons,
        )
    with Store(db).write(tr("Menghapus jabatan"), actor=actor) as tx:
        tx.delete("jabatan", jabatan_id)


def _jabatan_sort_key(ref: Referensi, j: Jabatan | BezettingRow) -> tuple[Any, ...]:
    jenjang = ref.jenjang.get(j.jenjang_kode or "")
    eselon = ref.table("ref_eselon").get(j.eselon_kode or "")
    return (
        0 if is_struktural(ref, j.jenjang_kode) else 1,
        int(eselon["urutan"]) if eselon else 99,
        -(j.kelas_jabatan or 0),
        int(jenjang["urutan"]) if jenjang else 99,
        j.nama.casefold(),
        j.id if isinstance(j, Jabatan) else j.jabatan_id,
    )


def list_jabatan(conn: sqlite3.Connection, unit_id: str) -> list[Jabatan]:
    """The live positions of one unit (not its sub-units): structural first, then by kelas."""
    ref = Referensi.load(conn)
    rows = [
        _jabatan_from_row(r)
        for r in conn.execute(
            f"SELECT {_JAB_COLS} FROM jabatan WHERE unit_id = ? AND deleted = 0", (unit_id,)
        )
    ]
    return sorted(rows, key=lambda j: _jabatan_sort_key(ref, j))


def atasan_options(
    conn: sqlite3.Connection, unit_id: str, *, exclude: str | None = None
) -> list[tuple[str, str]]:
    """(id, label) of the positions that can be a superior: the structural posts of this unit
    and of the units above it, nearest first."""
    tree = _Tree(conn)
    chain: list[str] = []
    current: str | None = unit_id if unit_id in tree.rows else None
    while current is not None and current not in chain:
        chain.append(current)
        current = tree.parent(current)
    if not chain:
        return []
    ref = Referensi.load(conn)
    options: list[tuple[str, str]] = []
    for unit in chain:
        positions = [
            j
            for j in list_jabatan(conn, unit)
            if j.id != exclude and is_struktural(ref, j.jenjang_kode)
        ]
        for j in positions:
            options.append((j.id, f"{j.nama} — {tree.rows[unit][2]}"))
    return options


# =============================================================================================
# Bezetting


class Pemangku(NamedTuple):
    """An active employee holding a position, with what they lack for it (if anything).

    A named tuple: a big perangkat daerah has tens of thousands of them."""

    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    pendidikan_kode: str | None
    jenis_asn: str
    kekurangan: tuple[str, ...] = ()

    @property
    def memenuhi(self) -> bool:
        """True when the holder meets the minimum golongan and education (as far as known)."""
        return not self.kekurangan


@dataclass(frozen=True)
class BezettingRow:
    """One position: seats, holders, vacant and excess seats."""

    jabatan_id: str
    nama: str
    unit_id: str
    unit_nama: str
    jenis_kode: str
    jenjang_kode: str
    jenjang_nama: str
    eselon_kode: str | None
    kelas_jabatan: int | None
    kebutuhan: int
    gol_min_kode: str | None
    pendidikan_min_kode: str | None
    pemangku: tuple[Pemangku, ...] = ()

    @property
    def terisi(self) -> int:
        return len(self.pemangku)

    @property
    def kosong(self) -> int:
        return max(self.kebutuhan - self.terisi, 0)

    @property
    def lebih(self) -> int:
        return max(self.terisi - self.kebutuhan, 0)

    @property
    def selisih(self) -> int:
        """Bezetting minus kebutuhan: + excess, − shortage (asn-rules 13.2)."""
        return self.terisi - self.kebutuhan

    @property
    def tidak_memenuhi(self) -> int:
        return sum(1 for p in self.pemangku if not p.memenuhi)

    def as_json(self) -> dict[str, Any]:
        return {
            "jabatan_id": self.jabatan_id,
            "jabatan": self.nama,
            "unit_id": self.unit_id,
            "unit": self.unit_nama,
            "jenis": self.jenis_kode,
            "jenjang": self.jenjang_kode,
            "eselon": self.eselon_kode,
            "kelas": self.kelas_jabatan,
            "kebutuhan": self.kebutuhan,
            "terisi": self.terisi,
            "kosong": self.kosong,
            "lebih": self.lebih,
            "gol_min": self.gol_min_kode,
            "pendidikan_min": self.pendidikan_min_kode,
            "pemangku": [
                {
                    "nip": p.nip,
                    "nama": p.nama_lengkap,
                    "golongan": p.golongan_kode,
                    "pendidikan": p.pendidikan_kode,
                    "memenuhi": p.memenuhi,
                    "kekurangan": list(p.kekurangan),
                }
                for p in self.pemangku
            ],
        }


@dataclass(frozen=True)
class BezettingTotal:
    """Sums over positions (of one unit, or of everything shown)."""

    unit_id: str | None
    unit_nama: str
    jabatan: int = 0
    kebutuhan: int = 0
    terisi: int = 0
    kosong: int = 0
    lebih: int = 0
    tidak_memenuhi: int = 0


@dataclass(frozen=True)
class BezettingReport:
    """What the bezetting screen shows: rows, totals per unit, the grand total, and the active
    employees of these units whose current position is none of these positions."""

    unit_id: str | None
    include_sub_units: bool
    rows: list[BezettingRow]
    per_unit: list[BezettingTotal]
    total: BezettingTotal
    tanpa_formasi: list[Pemangku] = field(default_factory=list)


def kekurangan(
    ref: Referensi,
    *,
    gol_min_kode: str | None,
    pendidikan_min_kode: str | None,
    golongan_kode: str | None,
    pendidikan_kode: str | None,
) -> tuple[str, ...]:
    """What a holder lacks for a position: golongan below the minimum, education below the
    minimum. Unknown values are not counted against the holder. PPPK golongan (I..XVII) are
    not compared with a PNS golongan minimum (different scales)."""
    reasons: list[str] = []
    if gol_min_kode and golongan_kode:
        need = ref.golongan.get(gol_min_kode)
        have = ref.golongan.get(golongan_kode)
        if (
            need is not None
            and have is not None
            and need["jenis_asn"] == have["jenis_asn"]
            and int(have["urutan"]) < int(need["urutan"])
        ):
            reasons.append(
                tr("golongan {have} di bawah minimal {need}", have=golongan_kode, need=gol_min_kode)
            )
    if pendidikan_min_kode and pendidikan_kode:
        need_p = ref.pendidikan.get(PENDIDIKAN_SETARA.get(pendidikan_min_kode, pendidikan_min_kode))
        have_p = ref.pendidikan.get(PENDIDIKAN_SETARA.get(pendidikan_kode, pendidikan_kode))
        if need_p and have_p and int(have_p["urutan"]) < int(need_p["urutan"]):
            reasons.append(
                tr(
                    "pendidikan {have} di bawah minimal {need}",
                    have=ref.label("ref_pendidikan", pendidikan_kode),
                    need=ref.label("ref_pendidikan", pendidikan_min_kode),
                )
            )
    return tuple(reasons)


# The position in force of each employee: the latest riwayat_jabatan by TMT, then SK date, then
# id (the same order as derivations.current_jabatan), looked up through the pegawai index.
_CURRENT_JABATAN = (
    "(SELECT r.jabatan_id FROM riwayat_jabatan r WHERE r.pegawai_id = c.pegawai_id "
    "AND r.deleted = 0 AND r.tmt IS NOT NULL AND r.tmt <> '' "
    "ORDER BY r.tmt DESC, coalesce(r.tanggal_sk, '') DESC, r.id DESC LIMIT 1)"
)


def _holders(
    conn: sqlite3.Connection, unit_ids: list[str] | None
) -> dict[str | None, list[tuple[Any, ...]]]:
    """Active employees of these units (all units when None), grouped by the id of their
    current position. One query; the employee's unit is the unit of that current position."""
    sql = (
        "SELECT c.pegawai_id, c.nip, c.nama_lengkap, c.golongan_kode, c.pendidikan_kode, "
        f"c.jenis_asn, {_CURRENT_JABATAN} AS jabatan_id FROM pegawai_ringkas c "
        "WHERE +c.deleted = 0 AND c.kedudukan = 'AKTIF'"  # "+": use the unit index
    )
    params: list[Any] = []
    if unit_ids is None:
        sql += " AND c.unit_id IS NOT NULL"
    else:
        sql += " AND c.unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(unit_ids))
    sql += " ORDER BY c.golongan_urutan DESC, c.nama_urut, c.nip"
    grouped: dict[str | None, list[tuple[Any, ...]]] = defaultdict(list)
    for row in conn.execute(sql, params):
        grouped[row[6]].append(tuple(row))
    return grouped


def bezetting_report(
    conn: sqlite3.Connection, unit_id: str | None, *, include_sub_units: bool = True
) -> BezettingReport:
    """Bezetting of a unit (with its sub-units unless told otherwise), or of the whole
    organisation when ``unit_id`` is None. Two queries, whatever the size."""
    tree = _Tree(conn)
    if unit_id is not None and unit_id not in tree.rows:
        raise NotFoundError(tr("Unit organisasi dengan id {id} tidak ditemukan.", id=unit_id))
    ref = Referensi.load(conn)
    order = {u: i for i, (u, _) in enumerate(tree.order())}
    if unit_id is None:
        units: list[str] | None = None
        pos_sql = f"SELECT {_JAB_COLS} FROM jabatan WHERE deleted = 0"
        pos_params: list[Any] = []
    else:
        units = tree.descendants(unit_id) if include_sub_units else [unit_id]
        pos_sql = (
            f"SELECT {_JAB_COLS} FROM jabatan WHERE deleted = 0 "
            "AND unit_id IN (SELECT value FROM json_each(?))"
        )
        pos_params = [json.dumps(units)]
    positions = [
        j
        for j in (_jabatan_from_row(r) for r in conn.execute(pos_sql, pos_params))
        if j.unit_id in tree.rows
    ]
    holders = _holders(conn, units)

    lacks: dict[tuple[Any, ...], tuple[str, ...]] = {}

    def pemangku(raw: tuple[Any, ...], j: Jabatan | None) -> Pemangku:
        if j is None:
            return Pemangku(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5])
        key = (j.gol_min_kode, j.pendidikan_min_kode, raw[3], raw[4])
        reasons = lacks.get(key)
        if reasons is None:
            reasons = lacks[key] = kekurangan(
                ref,
                gol_min_kode=j.gol_min_kode,
                pendidikan_min_kode=j.pendidikan_min_kode,
                golongan_kode=raw[3],
                pendidikan_kode=raw[4],
            )
        return Pemangku(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], reasons)

    rows = [
        BezettingRow(
            jabatan_id=j.id,
            nama=j.nama,
            unit_id=j.unit_id,
            unit_nama=str(tree.rows[j.unit_id][2]),
            jenis_kode=j.jenis_kode,
            jenjang_kode=j.jenjang_kode,
            jenjang_nama=ref.label("ref_jenjang_jabatan", j.jenjang_kode),
            eselon_kode=j.eselon_kode,
            kelas_jabatan=j.kelas_jabatan,
            kebutuhan=j.kebutuhan,
            gol_min_kode=j.gol_min_kode,
            pendidikan_min_kode=j.pendidikan_min_kode,
            pemangku=tuple(pemangku(raw, j) for raw in holders.get(j.id, ())),
        )
        for j in positions
    ]
    rows.sort(key=lambda r: (order.get(r.unit_id, len(order)), *_jabatan_sort_key(ref, r)))
    known = {j.id for j in positions}
    others = [
        pemangku(raw, None)
        for jabatan_id, group in holders.items()
        if jabatan_id not in known
        for raw in group
    ]
    per_unit = totals_per_unit(rows)
    label_all = tr("Seluruh organisasi") if unit_id is None else str(tree.rows[unit_id][2])
    return BezettingReport(
        unit_id=unit_id,
        include_sub_units=include_sub_units,
        rows=rows,
        per_unit=per_unit,
        total=_sum(rows, unit_id, label_all),
        tanpa_formasi=others,
    )


def bezetting(
    conn: sqlite3.Connection, unit_id: str, *, include_sub_units: bool = True
) -> list[BezettingRow]:
    """Bezetting per position of a unit (and its sub-units unless told otherwise)."""
    return bezetting_report(conn, unit_id, include_sub_units=include_sub_units).rows


def vacancies(conn: sqlite3.Connection, unit_id: str | None = None) -> list[BezettingRow]:
    """Positions with vacant seats, in a unit and its sub-units or in the whole organisation."""
    return [r for r in bezetting_report(conn, unit_id).rows if r.kosong > 0]


def _sum(rows: Iterable[BezettingRow], unit_id: str | None, nama: str) -> BezettingTotal:
    items = list(rows)
    return BezettingTotal(
        unit_id=unit_id,
        unit_nama=nama,
        jabatan=len(items),
        kebutuhan=sum(r.kebutuhan for r in items),
        terisi=sum(r.terisi for r in items),
        kosong=sum(r.kosong for r in items),
        lebih=sum(r.lebih for r in items),
        tidak_memenuhi=sum(r.tidak_memenuhi for r in items),
    )


def totals_per_unit(rows: Iterable[BezettingRow]) -> list[BezettingTotal]:
    """Sums per unit, in the order the units first appear in ``rows``."""
    groups: dict[str, list[BezettingRow]] = {}
    for r in rows:
        groups.setdefault(r.unit_id, []).append(r)
    return [_sum(items, unit, items[0].unit_nama) for unit, items in groups.items()]


def total(rows: Iterable[BezettingRow], nama: str = "") -> BezettingTotal:
    """Sums over the given rows (for a filtered view)."""
    return _sum(rows, None, nama)


def unit_counts(conn: sqlite3.Connection) -> Mapping[str, int]:
    """Active employees per unit (the unit of their current position)."""
    return {
        row[0]: int(row[1])
        for row in conn.execute(
            "SELECT unit_id, count(*) FROM pegawai_ringkas NOT INDEXED "
            "WHERE deleted = 0 AND kedudukan = 'AKTIF' AND unit_id IS NOT NULL GROUP BY unit_id"
        )
    }


def data_version(conn: sqlite3.Connection) -> int:
    """A number that grows with every write (the last audit entry), so that a screen can tell
    cheaply whether it must re-read."""
    return int(conn.execute("SELECT coalesce(max(no), 0) FROM lokal_audit").fetchone()[0])
