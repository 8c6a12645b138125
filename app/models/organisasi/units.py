"""The organisation: a tree of units (``unit_organisasi``), read and written.

Create, edit, move under another parent (a unit can never move under itself or one of its own
sub-units), order among siblings, and soft delete, refused while the unit still has active
sub-units, positions or people. Every write goes through :class:`app.models.storage.store.Store`;
validation returns or raises messages in Indonesian that name the field
(:mod:`app.models.organisasi.fields`). Positions are :mod:`app.models.organisasi.jabatan`.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.organisasi.fields import (
    MAX_NAMA,
    Issue,
    as_optional,
    as_text,
    parse_int,
    raise_issues,
)
from app.models.organisasi.unit_pilihan import UnitOption as UnitOption  # the pickers' list,
from app.models.organisasi.unit_pilihan import unit_options as unit_options  # re-exported
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


def unit_jenis_options() -> list[tuple[str, str]]:
    """(kode, label) of the unit kinds, for pickers."""
    return [(kode, tr(nama)) for kode, nama in UNIT_JENIS]


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


class LiveUnits:
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
    tree = LiveUnits(conn)
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
    return LiveUnits(conn).path(unit_id)


def sub_units(conn: sqlite3.Connection, unit_id: str) -> list[str]:
    """The unit and every live unit under it."""
    tree = LiveUnits(conn)
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
    nama = as_text(data.nama)
    if not nama:
        issues.append(Issue("nama", tr("Nama unit wajib diisi.")))
    elif len(nama) > MAX_NAMA:
        issues.append(
            Issue("nama", tr("Nama unit terlalu panjang (paling banyak {n} huruf).", n=MAX_NAMA))
        )
    jenis = as_text(data.jenis)
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
    induk = as_optional(data.induk_id)
    if induk is not None:
        tree = LiveUnits(conn)
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
    eselon = as_optional(data.eselon_kode)
    if eselon is not None:
        ref = ref or Referensi.load(conn)
        if eselon not in ref.table("ref_eselon"):
            issues.append(
                Issue("eselon_kode", tr("Eselon '{v}' tidak dikenal, mis. III.a.", v=eselon))
            )
    if data.urutan is not None and as_text(data.urutan) != "":
        _, problem = parse_int(data.urutan, "urutan", minimum=0, maximum=99_999, required=False)
        if problem:
            issues.append(problem)
    return issues


def _unit_values(conn: sqlite3.Connection, data: UnitData, unit_id: str | None) -> dict[str, Value]:
    raise_issues(unit_issues(conn, data, unit_id=unit_id))
    induk = as_optional(data.induk_id)
    urutan: int | None = None
    if data.urutan is not None and as_text(data.urutan) != "":
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
        "kode": as_optional(data.kode),
        "nama": as_text(data.nama),
        "singkatan": as_optional(data.singkatan),
        "jenis": as_text(data.jenis),
        "eselon_kode": as_optional(data.eselon_kode),
        "urutan": urutan,
        "alamat": as_optional(data.alamat),
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
    if data.urutan is None and as_optional(data.induk_id) == current.induk_id:
        data = replace(data, urutan=current.urutan)
    values = _unit_values(conn, data, unit_id)
    moved = values["induk_id"] != current.induk_id
    with Store(db).write(tr("Mengubah unit organisasi"), actor=actor) as tx:
        changed = tx.update("unit_organisasi", unit_id, values)
        if moved or "nama" in changed:
            # The employees of every sub-unit change perangkat daerah (a move) or unit path:
            # let the write path refresh their summary rows too.
            tx.touched.units.update(LiveUnits(conn).descendants(unit_id))
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
    tree = LiveUnits(conn)
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


def data_version(conn: sqlite3.Connection) -> int:
    """A number that grows with every write (the last audit entry), so that a screen can tell
    cheaply whether it must re-read."""
    return int(conn.execute("SELECT coalesce(max(no), 0) FROM lokal_audit").fetchone()[0])


def find_unit(conn: sqlite3.Connection, text: str) -> str:
    """Find a unit by id, kode, singkatan or name (exact, then a unique partial match)."""
    key = text.strip()
    if not key:
        raise ValidationError(tr("Nama unit kosong."), field="unit")
    row = conn.execute(
        "SELECT id FROM unit_organisasi WHERE deleted = 0 AND (id = ? OR kode = ? "
        "OR lower(singkatan) = lower(?) OR lower(nama) = lower(?)) "
        "ORDER BY induk_id IS NOT NULL, nama LIMIT 1",
        (key, key, key, key),
    ).fetchone()
    if row:
        return str(row[0])
    like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT id, nama FROM unit_organisasi WHERE deleted = 0 AND nama LIKE ? ESCAPE '\\' "
        "ORDER BY nama LIMIT 6",
        (like,),
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise NotFoundError(tr("Unit '{unit}' tidak ditemukan.", unit=text))
    names = "; ".join(r[1] for r in rows[:5])
    raise ValidationError(
        tr(
            "Unit '{unit}' cocok dengan beberapa unit: {names}. Tulis lebih lengkap.",
            unit=text,
            names=names,
        ),
        field="unit",
    )
