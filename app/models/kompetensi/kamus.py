"""The competency library (``ref_kompetensi``, PermenPANRB 38/2017) and its extension by the
agency with technical competencies."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.reference.loader import ref_id
from app.models.storage.db import Database
from app.models.storage.store import Store

JENIS = ("MANAJERIAL", "SOSIAL_KULTURAL", "TEKNIS")
_KODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]{0,19}$")


def jenis_label(jenis: str) -> str:
    return {
        "MANAJERIAL": tr("Manajerial"),
        "SOSIAL_KULTURAL": tr("Sosial kultural"),
        "TEKNIS": tr("Teknis"),
    }.get(jenis, jenis)


@dataclass(frozen=True)
class Kompetensi:
    kode: str
    nama: str
    jenis: str
    uraian: str | None
    urutan: int


def list_kompetensi(conn: sqlite3.Connection) -> list[Kompetensi]:
    """Every competency of the library, managerial first, then socio-cultural, then technical."""
    rows = conn.execute(
        "SELECT kode, nama, jenis, uraian, urutan FROM ref_kompetensi WHERE deleted = 0 "
        "ORDER BY CASE jenis WHEN 'MANAJERIAL' THEN 0 WHEN 'SOSIAL_KULTURAL' THEN 1 ELSE 2 END, "
        "urutan, kode"
    )
    return [Kompetensi(r[0], r[1], r[2], r[3], int(r[4] or 0)) for r in rows]


def kompetensi_by_kode(conn: sqlite3.Connection) -> dict[str, Kompetensi]:
    return {k.kode: k for k in list_kompetensi(conn)}


def create_kompetensi(
    db: Database, kode: str, nama: str, *, uraian: str | None = None, actor: str = "sistem"
) -> str:
    """Add a technical competency of the agency to the library. Returns its kode."""
    kode = kode.strip().upper()
    nama = nama.strip()
    if not _KODE.match(kode):
        raise ValidationError(
            tr(
                "Kode kompetensi '{k}' tidak sah: gunakan huruf besar, angka, titik atau "
                "tanda hubung (paling banyak 20 karakter), misalnya T.KES.01.",
                k=kode,
            ),
            field="kode",
        )
    if not nama:
        raise ValidationError(tr("Nama kompetensi wajib diisi."), field="nama")
    conn = db.conn
    row = conn.execute("SELECT deleted FROM ref_kompetensi WHERE kode = ?", (kode,)).fetchone()
    if row is not None and not row[0]:
        raise ValidationError(tr("Kode kompetensi {k} sudah ada di kamus.", k=kode), field="kode")
    urutan = conn.execute("SELECT COALESCE(MAX(urutan), 0) + 1 FROM ref_kompetensi").fetchone()[0]
    values: dict[str, str | int | None] = {
        "nama": nama,
        "jenis": "TEKNIS",
        "uraian": uraian,
        "urutan": int(urutan),
        "dasar_hukum": tr("Ditetapkan instansi"),
        "status_fakta": "V",
        "catatan": None,
    }
    rid = ref_id("ref_kompetensi", kode)
    with Store(db).write(
        tr("Menambah kompetensi teknis {k}", k=kode), actor=actor, izin="referensi.ubah"
    ) as tx:
        if row is not None:
            tx.update("ref_kompetensi", rid, {**values, "deleted": 0})
        else:
            tx.insert("ref_kompetensi", {"id": rid, "kode": kode, **values})
    return kode
