"""Positions (``jabatan``) and their formation, and who holds them.

A position belongs to one unit and carries its kind, level, eselon (structural posts only),
kelas jabatan (1..17), the number of seats (``kebutuhan``) and the required minimum golongan and
education, all codes of the reference tables. The position an employee holds is the latest
``riwayat_jabatan`` by TMT (:func:`app.models.rules.derivations.current_jabatan`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.organisasi.fields import (
    BUP_MAX,
    BUP_MIN,
    KELAS_MAX,
    KELAS_MIN,
    MAX_KEBUTUHAN,
    MAX_NAMA,
    Issue,
    as_optional,
    as_text,
    parse_int,
    raise_issues,
)
from app.models.organisasi.units import LiveUnits
from app.models.reference.loader import Referensi
from app.models.rules.formasi import is_struktural
from app.models.storage.db import Database
from app.models.storage.store import Store, Value


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


JABATAN_COLUMNS = (
    "id, unit_id, nama, jenis_kode, jenjang_kode, eselon_kode, kelas_jabatan, kebutuhan, "
    "gol_min_kode, pendidikan_min_kode, atasan_jabatan_id, bup_tahun"
)


def jabatan_from_row(row: Iterable[Any]) -> Jabatan:
    """A :class:`Jabatan` from a row of :data:`JABATAN_COLUMNS`."""
    r = list(row)
    return Jabatan(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7] or 0), r[8], r[9], r[10], r[11]
    )


def get_jabatan(conn: sqlite3.Connection, jabatan_id: str) -> Jabatan:
    """One live position; :class:`NotFoundError` when missing or deleted."""
    row = conn.execute(
        f"SELECT {JABATAN_COLUMNS} FROM jabatan WHERE id = ? AND deleted = 0", (jabatan_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Jabatan dengan id {id} tidak ditemukan.", id=jabatan_id))
    return jabatan_from_row(row)


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
    unit_id = as_optional(data.unit_id)
    if (
        unit_id is None
        or not conn.execute(
            "SELECT 1 FROM unit_organisasi WHERE id = ? AND deleted = 0", (unit_id,)
        ).fetchone()
    ):
        issues.append(Issue("unit_id", tr("Unit jabatan tidak ditemukan; pilih unitnya.")))
    nama = as_text(data.nama)
    if not nama:
        issues.append(Issue("nama", tr("Nama jabatan wajib diisi.")))
    elif len(nama) > MAX_NAMA:
        issues.append(
            Issue("nama", tr("Nama jabatan terlalu panjang (paling banyak {n} huruf).", n=MAX_NAMA))
        )
    jenis = as_text(data.jenis_kode)
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
    jenjang = as_text(data.jenjang_kode)
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
    eselon = as_optional(data.eselon_kode)
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
                    v=as_text(data.kebutuhan),
                )
                if as_text(data.kebutuhan)
                else problem.message,
            )
        )
    gol = as_optional(data.gol_min_kode)
    if gol is not None and gol not in ref.golongan:
        issues.append(
            Issue("gol_min_kode", tr("Golongan minimal '{v}' tidak dikenal, mis. III/a.", v=gol))
        )
    pend = as_optional(data.pendidikan_min_kode)
    if pend is not None and pend not in ref.pendidikan:
        issues.append(
            Issue(
                "pendidikan_min_kode",
                tr("Pendidikan minimal '{v}' tidak dikenal, mis. S1.", v=pend),
            )
        )
    atasan = as_optional(data.atasan_jabatan_id)
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
    raise_issues(jabatan_issues(conn, data, jabatan_id=jabatan_id))
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
        "unit_id": as_text(data.unit_id),
        "nama": as_text(data.nama),
        "jenis_kode": as_text(data.jenis_kode),
        "jenjang_kode": as_text(data.jenjang_kode),
        "eselon_kode": as_optional(data.eselon_kode),
        "kelas_jabatan": kelas,
        "kebutuhan": kebutuhan,
        "gol_min_kode": as_optional(data.gol_min_kode),
        "pendidikan_min_kode": as_optional(data.pendidikan_min_kode),
        "atasan_jabatan_id": as_optional(data.atasan_jabatan_id),
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
    holders = holders_by_jabatan(conn, [jab.unit_id]).get(jabatan_id, [])
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


class Ranked(Protocol):
    """What positions are ordered by: a :class:`Jabatan` or a bezetting row."""

    @property
    def jenjang_kode(self) -> str | None: ...
    @property
    def eselon_kode(self) -> str | None: ...
    @property
    def kelas_jabatan(self) -> int | None: ...
    @property
    def nama(self) -> str: ...


def jabatan_sort_key(ref: Referensi, j: Ranked, jabatan_id: str) -> tuple[Any, ...]:
    """Structural posts first (by eselon), then by kelas (highest first), level and name."""
    jenjang = ref.jenjang.get(j.jenjang_kode or "")
    eselon = ref.table("ref_eselon").get(j.eselon_kode or "")
    return (
        0 if is_struktural(ref, j.jenjang_kode) else 1,
        int(eselon["urutan"]) if eselon else 99,
        -(j.kelas_jabatan or 0),
        int(jenjang["urutan"]) if jenjang else 99,
        j.nama.casefold(),
        jabatan_id,
    )


def list_jabatan(conn: sqlite3.Connection, unit_id: str) -> list[Jabatan]:
    """The live positions of one unit (not its sub-units): structural first, then by kelas."""
    ref = Referensi.load(conn)
    rows = [
        jabatan_from_row(r)
        for r in conn.execute(
            f"SELECT {JABATAN_COLUMNS} FROM jabatan WHERE unit_id = ? AND deleted = 0", (unit_id,)
        )
    ]
    return sorted(rows, key=lambda j: jabatan_sort_key(ref, j, j.id))


def atasan_options(
    conn: sqlite3.Connection, unit_id: str, *, exclude: str | None = None
) -> list[tuple[str, str]]:
    """(id, label) of the positions that can be a superior: the structural posts of this unit
    and of the units above it, nearest first."""
    tree = LiveUnits(conn)
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


# The position in force of each employee: the latest riwayat_jabatan by TMT, then SK date, then
# id (the same order as derivations.current_jabatan), looked up through the pegawai index.
_CURRENT_JABATAN = (
    "(SELECT r.jabatan_id FROM riwayat_jabatan r WHERE r.pegawai_id = c.pegawai_id "
    "AND r.deleted = 0 "
    "ORDER BY coalesce(r.tmt, '') = '' DESC, r.tmt DESC, coalesce(r.tanggal_sk, '') DESC, "
    "r.id DESC LIMIT 1)"
)


def holders_by_jabatan(
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
