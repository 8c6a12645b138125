"""Unit x category cross tables (asn-rules 13.2): golongan, pendidikan, jenis kelamin, status
and jenis jabatan, with a male/female split and totals, counted by one ``GROUP BY``."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rekap.common import aktif_clause, unit_clause

# Columns of the cross tables (asn-rules 13.2): dimension -> title.
DIMENSI_REKAP: dict[str, str] = {
    "golongan": "Rekapitulasi Pegawai per Golongan",
    "pendidikan": "Rekapitulasi Pegawai per Tingkat Pendidikan",
    "jenis_kelamin": "Rekapitulasi Pegawai per Jenis Kelamin",
    "status": "Rekapitulasi Pegawai per Status Kepegawaian",
    "jabatan": "Rekapitulasi Pegawai per Jenis Jabatan",
}

TIDAK_TERCATAT = "-"  # category of employees whose value is not on record


@dataclass(frozen=True)
class Kategori:
    kode: str
    label: str


@dataclass
class RekapBaris:
    """One unit of a cross table: counts by (category, jenis kelamin)."""

    unit_id: str | None
    nama: str
    jumlah: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, kategori: str | None = None, jk: str | None = None) -> int:
        """How many in a category and of a jenis kelamin (None: any)."""
        return sum(
            n
            for (k, j), n in self.jumlah.items()
            if (kategori is None or k == kategori) and (jk is None or j == jk)
        )


@dataclass
class Rekap:
    """A unit × category cross table with a male/female split (``pisah_jk``) and totals."""

    dimensi: str
    judul: str
    kategori: list[Kategori]
    baris: list[RekapBaris]
    pisah_jk: bool = True

    def total(self, kategori: str | None = None, jk: str | None = None) -> int:
        return sum(b.count(kategori, jk) for b in self.baris)


def _label_pendidikan(nama: str) -> str:
    label = nama.split(" / ")[0]
    return label.split(" (")[0].strip()


def _dimensi(ref: Referensi, dimensi: str) -> tuple[str, list[Kategori]]:
    """SQL expression giving the category of ``r`` (pegawai_ringkas), and the categories."""
    if dimensi == "golongan":
        groups: dict[int, str] = {}
        for kode, row in ref.golongan.items():
            if row["jenis_asn"] == "PNS":
                groups.setdefault(int(row["golongan"]), kode.split("/")[0])
        kats = [Kategori(groups[g], groups[g]) for g in sorted(groups)]
        kats.append(Kategori("PPPK", "PPPK"))
        expr = (
            "CASE WHEN r.jenis_asn = 'PPPK' THEN 'PPPK' ELSE "
            "(SELECT substr(g.kode, 1, instr(g.kode, '/') - 1) FROM ref_golongan g "
            "WHERE g.kode = r.golongan_kode AND g.jenis_asn = 'PNS') END"
        )
        return expr, kats
    if dimensi == "pendidikan":
        kats = [Kategori(k, _label_pendidikan(str(r["nama"]))) for k, r in ref.pendidikan.items()]
        return "r.pendidikan_kode", kats
    if dimensi == "jenis_kelamin":
        return "r.jenis_kelamin", [Kategori("L", tr("Laki-laki")), Kategori("P", tr("Perempuan"))]
    if dimensi == "status":
        kats = [Kategori(k, k) for k in ref.table("ref_status_kepegawaian")]
        return "r.status_kepegawaian", kats
    if dimensi == "jabatan":
        kats = [
            Kategori("JPT", tr("JPT")),
            Kategori("ADMINISTRATOR", tr("Administrator")),
            Kategori("PENGAWAS", tr("Pengawas")),
            Kategori("JF", tr("Fungsional")),
            Kategori("PELAKSANA", tr("Pelaksana")),
        ]
        expr = (
            "CASE WHEN r.jenis_jabatan_kode IN ('JPT', 'JF') THEN r.jenis_jabatan_kode "
            "WHEN r.jenjang_kode IN ('ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA') "
            "THEN r.jenjang_kode END"
        )
        return expr, kats
    raise ValidationError(
        tr(
            "Jenis rekap '{value}' tidak dikenal. Pilih salah satu: {choices}.",
            value=dimensi,
            choices=", ".join(DIMENSI_REKAP),
        ),
        field="dimensi",
    )


def _baris_unit(
    conn: sqlite3.Connection, unit_id: str | None
) -> tuple[list[tuple[str | None, str]], dict[str, str | None]]:
    """Rows of a cross table and the row of every unit: the perangkat daerah (no unit given),
    or the unit itself and its direct sub-units (each with everything under it)."""
    children: dict[str | None, list[tuple[str, str]]] = defaultdict(list)
    parent: dict[str, str | None] = {}
    for row in conn.execute(
        "SELECT id, induk_id, nama FROM unit_organisasi WHERE deleted = 0 ORDER BY urutan, nama"
    ):
        children[row[1]].append((row[0], row[2]))
        parent[row[0]] = row[1]
    top: list[tuple[str | None, str]] = []
    if unit_id is None:
        top = [(u, n) for u, n in children[None]]
        roots = [u for u, _ in children[None]]
    else:
        nama = conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (unit_id,)).fetchone()
        top = [(unit_id, nama[0] if nama else unit_id)]
        top += [(u, n) for u, n in children[unit_id]]
        roots = [u for u, _ in children[unit_id]]
    owner: dict[str, str | None] = {}
    if unit_id is not None:
        owner[unit_id] = unit_id
    for root in roots:
        stack = [root]
        while stack:
            u = stack.pop()
            if u in owner and u != root:
                continue
            owner[u] = root
            stack.extend(c for c, _ in children.get(u, []))
    return top, owner


def rekap(conn: sqlite3.Connection, dimensi: str, *, unit_id: str | None = None) -> Rekap:
    """A cross table of active employees (PNS, CPNS and PPPK): rows are the perangkat daerah
    (or, for one unit, the unit itself and its sub-units), columns the categories of
    ``dimensi`` (a key of :data:`DIMENSI_REKAP`), each split into L/P, with totals.

    Counted by one ``GROUP BY`` in SQL; categories and labels come from the reference tables.
    """
    ref = Referensi.load(conn)
    expr, kategori = _dimensi(ref, dimensi)
    unit_sql, unit_params = unit_clause(conn, unit_id)
    top, owner = _baris_unit(conn, unit_id)
    rows: dict[str | None, RekapBaris] = {u: RekapBaris(u, n) for u, n in top}
    known = {k.kode for k in kategori}
    extra = False
    for unit, kat, jk, n in conn.execute(
        f"SELECT r.unit_id, {expr}, r.jenis_kelamin, count(*) FROM pegawai_ringkas r "
        f"WHERE {aktif_clause()}{unit_sql} GROUP BY 1, 2, 3",
        unit_params,
    ):
        key = owner.get(unit) if unit is not None else None
        if key not in rows:
            rows[key] = RekapBaris(None, tr("Tanpa unit kerja"))
        if kat not in known:
            kat, extra = TIDAK_TERCATAT, True
        cell = (str(kat), str(jk))
        rows[key].jumlah[cell] = rows[key].jumlah.get(cell, 0) + int(n)
    if extra:
        kategori.append(Kategori(TIDAK_TERCATAT, tr("Tidak tercatat")))
    if dimensi == "pendidikan":  # too many levels for one page: keep those in use
        used = {k for b in rows.values() for (k, _) in b.jumlah}
        kategori = [k for k in kategori if k.kode in used]
    return Rekap(
        dimensi=dimensi,
        judul=tr(DIMENSI_REKAP[dimensi]),
        kategori=kategori,
        baris=list(rows.values()),
        pisah_jk=dimensi != "jenis_kelamin",
    )
