"""The agency calendar: working week, national holidays and cuti bersama per year (replicated
table ``cuti_kalender``, one row per date) and the leave settings (``pengaturan`` rows)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.i18n import tr
from app.models.access.akses import require
from app.models.errors import ValidationError
from app.models.reference.loader import natural_id
from app.models.rules.cuti import Kalender
from app.models.storage.db import Database
from app.models.storage.store import Store, WriteTx

JENIS_TANGGAL = {"LIBUR": "Libur nasional", "CUTI_BERSAMA": "Cuti bersama"}

# Leave settings of the agency (replicated in ``pengaturan``): key -> (title, default).
SETELAN = {
    "cuti_hari_kerja": ("Hari kerja per minggu (5 atau 6)", "5"),
    # Whether cuti bersama reduces the cuti tahunan entitlement [?]: the default is the value of
    # ref_aturan_cuti BERSAMA (0); an agency that applies it sets 1 here.
    "cuti_bersama_kurangi_tahunan": ("Cuti bersama mengurangi hak cuti tahunan [?] (0/1)", ""),
}


@dataclass(frozen=True)
class TanggalKalender:
    tanggal: date
    jenis: str
    keterangan: str


def get_setelan(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute(
        "SELECT nilai FROM pengaturan WHERE kunci = ? AND deleted = 0", (key,)
    ).fetchone()
    return str(row[0]) if row and row[0] not in (None, "") else SETELAN[key][1]


def write_setelan(tx: WriteTx, conn: sqlite3.Connection, key: str, value: str) -> None:
    if key not in SETELAN:
        raise ValueError(f"unknown leave setting {key!r}")
    if key == "cuti_hari_kerja" and value not in ("5", "6"):
        raise ValidationError(
            tr("Hari kerja per minggu harus 5 atau 6, bukan '{v}'.", v=value), field=key
        )
    if key == "cuti_bersama_kurangi_tahunan" and value not in ("", "0", "1"):
        raise ValidationError(
            tr("Pengaturan cuti bersama harus 0 atau 1, bukan '{v}'.", v=value), field=key
        )
    row_id = natural_id("pengaturan", key)
    if conn.execute("SELECT 1 FROM pengaturan WHERE id = ?", (row_id,)).fetchone():
        tx.update("pengaturan", row_id, {"nilai": value, "deleted": 0})
    else:
        tx.insert("pengaturan", {"id": row_id, "kunci": key, "nilai": value})


def set_setelan(db: Database, values: dict[str, str], *, actor: str) -> None:
    """Write leave settings (admin: instansi.ubah)."""
    require(db, actor, "instansi.ubah")
    with Store(db).write(tr("Mengubah pengaturan cuti"), actor=actor) as tx:
        for key, value in values.items():
            write_setelan(tx, db.conn, key, value)


def hari_per_minggu(conn: sqlite3.Connection) -> int:
    return 6 if get_setelan(conn, "cuti_hari_kerja") == "6" else 5


def read_kalender(conn: sqlite3.Connection) -> Kalender:
    """The whole calendar (a few dozen rows a year)."""
    libur: set[date] = set()
    bersama: set[date] = set()
    for tanggal, jenis in conn.execute(
        "SELECT tanggal, jenis FROM cuti_kalender WHERE deleted = 0"
    ):
        (bersama if jenis == "CUTI_BERSAMA" else libur).add(date.fromisoformat(tanggal))
    return Kalender(
        hari_per_minggu(conn),
        frozenset(libur),
        frozenset(bersama),
        frozenset(d.year for d in libur | bersama),
    )


def list_tanggal(conn: sqlite3.Connection, tahun: int | None = None) -> list[TanggalKalender]:
    sql = "SELECT tanggal, jenis, coalesce(keterangan, '') FROM cuti_kalender WHERE deleted = 0"
    params: tuple[object, ...] = ()
    if tahun is not None:
        sql += " AND substr(tanggal, 1, 4) = ?"
        params = (f"{tahun:04d}",)
    rows = conn.execute(sql + " ORDER BY tanggal", params).fetchall()
    return [TanggalKalender(date.fromisoformat(r[0]), r[1], r[2]) for r in rows]


def _jenis(text: str, where: str) -> str:
    key = text.strip().upper().replace(" ", "_")
    if key in ("", "LIBUR", "LIBUR_NASIONAL", "HARI_LIBUR"):
        return "LIBUR"
    if key in ("CUTI_BERSAMA", "BERSAMA", "CB"):
        return "CUTI_BERSAMA"
    raise ValidationError(
        tr(
            "{where}: jenis '{j}' tidak dikenal; tulis 'libur' atau 'cuti bersama'.",
            where=where,
            j=text,
        ),
        field="jenis",
    )


def _tanggal(text: str, where: str) -> date:
    value = text.strip()[:10]
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    parts = value.replace("/", "-").split("-")
    if len(parts) == 3 and len(parts[2]) == 4:
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            pass
    raise ValidationError(
        tr(
            "{where}: tanggal '{t}' tidak sah; tulis TTTT-BB-HH atau HH-BB-TTTT.",
            where=where,
            t=text,
        ),
        field="tanggal",
    )


def write_tanggal(
    db: Database, items: Iterable[TanggalKalender], *, actor: str, hapus: bool = False
) -> int:
    """Key in (or with ``hapus`` take out) dates of the calendar. Returns how many changed."""
    require(db, actor, "instansi.ubah")
    conn = db.conn
    n = 0
    aksi = tr("Menghapus tanggal kalender cuti") if hapus else tr("Mengisi kalender cuti")
    with Store(db).write(aksi, actor=actor) as tx:
        for item in items:
            row_id = natural_id("cuti_kalender", item.tanggal.isoformat())
            exists = conn.execute("SELECT 1 FROM cuti_kalender WHERE id = ?", (row_id,)).fetchone()
            if hapus:
                n += bool(exists) and tx.delete("cuti_kalender", row_id)
            elif exists:
                n += bool(
                    tx.update(
                        "cuti_kalender",
                        row_id,
                        {"jenis": item.jenis, "keterangan": item.keterangan, "deleted": 0},
                    )
                )
            else:
                tx.insert(
                    "cuti_kalender",
                    {
                        "id": row_id,
                        "tanggal": item.tanggal.isoformat(),
                        "jenis": item.jenis,
                        "keterangan": item.keterangan,
                    },
                )
                n += 1
    return n


def read_kalender_file(path: Path | str) -> list[TanggalKalender]:
    """The dates of a .csv/.xlsx file with the columns tanggal, jenis (libur / cuti bersama)
    and keterangan, read by the import engine (same size and safety limits). A bad row
    refuses the whole file, naming the row."""
    from app.models.impor.read import read_source  # lazy: the reader pulls calamine in

    table = read_source(path)
    headers = [h.strip().casefold() for h in table.headers]

    def column(*names: str) -> int | None:
        for name in names:
            if name in headers:
                return headers.index(name)
        return None

    c_tanggal = column("tanggal", "tgl", "date")
    c_jenis = column("jenis", "jenis libur")
    c_ket = column("keterangan", "nama", "uraian")
    if c_tanggal is None:
        raise ValidationError(
            tr("Berkas {f}: kolom 'tanggal' tidak ditemukan di baris judul.", f=Path(path).name),
            field="tanggal",
        )
    out: list[TanggalKalender] = []
    problems: list[str] = []
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        where = tr("Baris {n}", n=number)

        def cell(i: int | None, r: list[str | None] = row) -> str:
            return (r[i] or "") if i is not None and i < len(r) else ""

        try:
            out.append(
                TanggalKalender(
                    _tanggal(cell(c_tanggal), where),
                    _jenis(cell(c_jenis), where),
                    cell(c_ket).strip(),
                )
            )
        except ValidationError as exc:
            problems.append(str(exc))
    if problems:
        raise ValidationError(
            tr("Kalender tidak diimpor: {p}", p="; ".join(problems[:10])),
            field="berkas",
            reasons=problems,
        )
    if not out:
        raise ValidationError(
            tr("Berkas {f} tidak berisi tanggal.", f=Path(path).name), field="berkas"
        )
    return out


def import_kalender(db: Database, path: Path | str, *, actor: str) -> int:
    """Read a calendar file and key its dates in, all or nothing. Returns the dates written."""
    require(db, actor, "instansi.ubah")
    return write_tanggal(db, read_kalender_file(path), actor=actor)
