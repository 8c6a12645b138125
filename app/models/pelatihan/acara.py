"""Training catalogue and events: an event takes its participants from the training needs
list, and its completion writes every participant's riwayat diklat row (with the event's JP and
the certificate number) in one transaction of the write path (issue 15 item 4).

Completion is all or nothing: every participant still ``TERDAFTAR`` becomes ``LULUS`` and gets
one ``riwayat_diklat`` row whose id is derived from (event, employee), so two installations
completing the same event meet as one row; those marked ``TIDAK_HADIR`` get none. The 20 JP
recap (:mod:`app.models.rekap.diklat`) then counts the event in the year it ended.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.i18n import tanggal, tr
from app.models.access.akses import require
from app.models.errors import NotFoundError, ValidationError
from app.models.impor.normalise import BadValue, parse_date
from app.models.kompetensi.kamus import kompetensi_by_kode
from app.models.reference.loader import natural_id
from app.models.storage.db import Database
from app.models.storage.store import Store

BENTUK = ("KLASIKAL", "NON_KLASIKAL")
JENIS_DIKLAT = ("TEKNIS", "FUNGSIONAL", "STRUKTURAL", "SEMINAR", "LATSAR", "LAINNYA")
RENCANA, SELESAI, BATAL = "RENCANA", "SELESAI", "BATAL"
TERDAFTAR, LULUS, TIDAK_HADIR = "TERDAFTAR", "LULUS", "TIDAK_HADIR"


def bentuk_label(bentuk: str) -> str:
    return {"KLASIKAL": tr("Klasikal"), "NON_KLASIKAL": tr("Non-klasikal")}.get(bentuk, bentuk)


def status_label(status: str) -> str:
    return {
        RENCANA: tr("Rencana"),
        SELESAI: tr("Selesai"),
        BATAL: tr("Batal"),
        TERDAFTAR: tr("Terdaftar"),
        LULUS: tr("Lulus"),
        TIDAK_HADIR: tr("Tidak hadir"),
    }.get(status, status)


# -- catalogue --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Katalog:
    id: str
    nama: str
    bentuk: str
    jenis: str
    penyelenggara: str | None
    jp: int
    kompetensi: tuple[str, ...]
    keterangan: str | None


def _katalog(row: sqlite3.Row | tuple[object, ...]) -> Katalog:
    kodes = tuple(k for k in str(row[6] or "").split(",") if k)
    return Katalog(
        str(row[0]), str(row[1]), str(row[2]), str(row[3]),
        row[4] if row[4] is None else str(row[4]), int(str(row[5])), kodes,
        row[7] if row[7] is None else str(row[7]),
    )  # fmt: skip


_KATALOG_COLS = "id, nama, bentuk, jenis, penyelenggara, jp, kompetensi_kode, keterangan"


def list_katalog(conn: sqlite3.Connection, *, kompetensi: str | None = None) -> list[Katalog]:
    """The catalogue by name (only those addressing ``kompetensi`` when given)."""
    rows = conn.execute(
        f"SELECT {_KATALOG_COLS} FROM pelatihan_katalog WHERE deleted = 0 ORDER BY nama, id"
    )
    items = [_katalog(r) for r in rows]
    if kompetensi is not None:
        items = [k for k in items if kompetensi in k.kompetensi]
    return items


def get_katalog(conn: sqlite3.Connection, katalog_id: str) -> Katalog:
    row = conn.execute(
        f"SELECT {_KATALOG_COLS} FROM pelatihan_katalog WHERE id = ? AND deleted = 0",
        (katalog_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pelatihan di katalog tidak ditemukan."))
    return _katalog(row)


def create_katalog(
    db: Database,
    nama: str,
    *,
    jp: int,
    bentuk: str = "KLASIKAL",
    jenis: str = "TEKNIS",
    penyelenggara: str | None = None,
    kompetensi: Iterable[str] = (),
    keterangan: str | None = None,
    actor: str = "sistem",
) -> str:
    """Add a training to the catalogue. Returns its id."""
    nama = nama.strip()
    problems: list[str] = []
    if not nama:
        problems.append(tr("Nama pelatihan wajib diisi."))
    if bentuk not in BENTUK:
        problems.append(tr("Bentuk '{b}' tidak dikenal: KLASIKAL atau NON_KLASIKAL.", b=bentuk))
    if jenis not in JENIS_DIKLAT:
        problems.append(
            tr("Jenis '{j}' tidak dikenal; pilih {d}.", j=jenis, d=", ".join(JENIS_DIKLAT))
        )
    if not isinstance(jp, int) or jp <= 0 or jp > 1000:
        problems.append(tr("JP harus bilangan bulat 1-1000, bukan {jp}.", jp=jp))
    kamus = kompetensi_by_kode(db.conn)
    kodes = [k.strip() for k in kompetensi if k.strip()]
    problems += [
        tr("Kompetensi {k}: tidak ada di kamus kompetensi.", k=k) for k in kodes if k not in kamus
    ]
    if problems:
        raise ValidationError("\n".join(problems), field="katalog", reasons=problems)
    with Store(db).write(
        tr("Menambah pelatihan {n} ke katalog", n=nama), actor=actor, izin="pelatihan.kelola"
    ) as tx:
        return tx.insert(
            "pelatihan_katalog",
            {
                "nama": nama,
                "bentuk": bentuk,
                "jenis": jenis,
                "penyelenggara": penyelenggara,
                "jp": jp,
                "kompetensi_kode": ",".join(dict.fromkeys(kodes)) or None,
                "keterangan": keterangan,
            },
        )


# -- events -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Acara:
    id: str
    katalog_id: str
    nama: str
    penyelenggara: str | None
    tanggal_mulai: str
    tanggal_selesai: str
    jp: int
    tempat: str | None
    status: str
    peserta: int


_ACARA_SQL = (
    "SELECT a.id, a.katalog_id, a.nama, a.penyelenggara, a.tanggal_mulai, a.tanggal_selesai, "
    "a.jp, a.tempat, a.status, (SELECT count(*) FROM pelatihan_peserta p "
    "WHERE p.acara_id = a.id AND p.deleted = 0) FROM pelatihan_acara a WHERE a.deleted = 0"
)


def list_acara(conn: sqlite3.Connection, *, tahun: int | None = None) -> list[Acara]:
    """Events, newest first (those ending in ``tahun`` when given)."""
    sql = _ACARA_SQL
    params: list[object] = []
    if tahun is not None:
        sql += " AND substr(a.tanggal_selesai, 1, 4) = ?"
        params.append(f"{tahun:04d}")
    rows = conn.execute(sql + " ORDER BY a.tanggal_mulai DESC, a.nama", params)
    return [Acara(*r) for r in rows]


def get_acara(conn: sqlite3.Connection, acara_id: str) -> Acara:
    row = conn.execute(_ACARA_SQL + " AND a.id = ?", (acara_id,)).fetchone()
    if row is None:
        raise NotFoundError(tr("Acara pelatihan tidak ditemukan."))
    return Acara(*row)


def _iso(text: str, field: str, label: str) -> str:
    try:
        return parse_date(text).isoformat()
    except BadValue as exc:
        raise ValidationError(tr("{l}: {e}", l=label, e=exc), field=field) from exc


def create_acara(
    db: Database,
    katalog_id: str,
    tanggal_mulai: str,
    tanggal_selesai: str,
    *,
    nama: str | None = None,
    jp: int | None = None,
    tempat: str | None = None,
    actor: str = "sistem",
) -> str:
    """Plan an event of a catalogue training (its JP unless given). Returns its id."""
    k = get_katalog(db.conn, katalog_id)
    mulai = _iso(tanggal_mulai, "mulai", tr("Tanggal mulai"))
    selesai = _iso(tanggal_selesai, "selesai", tr("Tanggal selesai"))
    if selesai < mulai:
        raise ValidationError(
            tr("Tanggal selesai ({s}) sebelum tanggal mulai ({m}).", s=tanggal(selesai),
               m=tanggal(mulai)),
            field="selesai",
        )  # fmt: skip
    value = k.jp if jp is None else jp
    if value <= 0:
        raise ValidationError(tr("JP harus lebih dari 0."), field="jp")
    with Store(db).write(
        tr("Merencanakan acara pelatihan {n}", n=nama or k.nama),
        actor=actor,
        izin="pelatihan.kelola",
    ) as tx:
        return tx.insert(
            "pelatihan_acara",
            {
                "katalog_id": k.id,
                "nama": (nama or k.nama).strip(),
                "penyelenggara": k.penyelenggara,
                "tanggal_mulai": mulai,
                "tanggal_selesai": selesai,
                "jp": value,
                "tempat": tempat,
                "status": RENCANA,
            },
        )


# -- participants -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Peserta:
    id: str
    pegawai_id: str
    nip: str
    nama: str
    unit_nama: str | None
    kompetensi_kode: str | None
    status: str
    nomor_sertifikat: str | None
    riwayat_diklat_id: str | None


def peserta_id(acara_id: str, pegawai_id: str) -> str:
    return natural_id("pelatihan_peserta", acara_id, pegawai_id)


def riwayat_id(acara_id: str, pegawai_id: str) -> str:
    return natural_id("riwayat_diklat", "pelatihan_acara", acara_id, pegawai_id)


def list_peserta(conn: sqlite3.Connection, acara_id: str) -> list[Peserta]:
    rows = conn.execute(
        "SELECT p.id, p.pegawai_id, r.nip, r.nama_lengkap, r.unit_nama, p.kompetensi_kode, "
        "p.status, p.nomor_sertifikat, p.riwayat_diklat_id FROM pelatihan_peserta p "
        "JOIN pegawai_ringkas r ON r.pegawai_id = p.pegawai_id "
        "WHERE p.acara_id = ? AND p.deleted = 0 ORDER BY r.nama_urut, r.nip",
        (acara_id,),
    )
    return [Peserta(*r) for r in rows]


def _open(conn: sqlite3.Connection, acara_id: str) -> Acara:
    acara = get_acara(conn, acara_id)
    if acara.status != RENCANA:
        raise ValidationError(
            tr(
                "Acara {n} berstatus {s}: peserta tidak dapat diubah lagi.",
                n=acara.nama,
                s=status_label(acara.status),
            ),
            field="acara",
        )
    return acara


def add_peserta(
    db: Database,
    acara_id: str,
    peserta: Mapping[str, str | None],
    *,
    actor: str = "sistem",
) -> int:
    """Add participants (pegawai_id -> the competency need the place is for, or None) to a
    planned event. One already on the list is kept as it is. Returns how many were added."""
    conn = db.conn
    acara = _open(conn, acara_id)
    known = {
        r[0]
        for r in conn.execute(
            "SELECT pegawai_id FROM pegawai_ringkas WHERE deleted = 0 AND pegawai_id IN "
            f"({', '.join('?' for _ in peserta)})",
            list(peserta),
        )
    } if peserta else set()  # fmt: skip
    missing = [p for p in peserta if p not in known]
    if missing:
        raise NotFoundError(tr("{n} pegawai yang dipilih tidak ditemukan.", n=len(missing)))
    current = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT pegawai_id, deleted FROM pelatihan_peserta WHERE acara_id = ?", (acara_id,)
        )
    }
    added = 0
    with Store(db).write(
        tr("Menambah peserta acara pelatihan {n}", n=acara.nama),
        actor=actor,
        izin="pelatihan.kelola",
    ) as tx:
        for pegawai_id, kode in peserta.items():
            pid = peserta_id(acara_id, pegawai_id)
            if pegawai_id in current:
                if current[pegawai_id]:
                    tx.update(
                        "pelatihan_peserta",
                        pid,
                        {"deleted": 0, "status": TERDAFTAR, "kompetensi_kode": kode},
                    )
                    added += 1
                continue
            tx.insert(
                "pelatihan_peserta",
                {
                    "id": pid,
                    "acara_id": acara_id,
                    "pegawai_id": pegawai_id,
                    "kompetensi_kode": kode,
                    "status": TERDAFTAR,
                },
            )
            added += 1
    return added


def remove_peserta(
    db: Database, acara_id: str, pegawai_ids: Iterable[str], *, actor: str = "sistem"
) -> int:
    acara = _open(db.conn, acara_id)
    removed = 0
    with Store(db).write(
        tr("Menghapus peserta acara pelatihan {n}", n=acara.nama),
        actor=actor,
        izin="pelatihan.kelola",
    ) as tx:
        for pegawai_id in pegawai_ids:
            pid = peserta_id(acara_id, pegawai_id)
            if db.conn.execute("SELECT 1 FROM pelatihan_peserta WHERE id = ?", (pid,)).fetchone():
                removed += tx.delete("pelatihan_peserta", pid)
    return removed


def complete_acara(
    db: Database,
    acara_id: str,
    *,
    sertifikat: Mapping[str, str] | None = None,
    tidak_hadir: Iterable[str] = (),
    actor: str = "sistem",
) -> int:
    """Complete an event in ONE write: each participant present becomes LULUS with a riwayat
    diklat row of the event's JP and certificate number (``sertifikat``: pegawai_id ->
    nomor); those in ``tidak_hadir`` are marked and get none; the event becomes SELESAI.
    All or nothing. Returns the number of riwayat diklat rows written."""
    conn = db.conn
    require(db, actor, "pelatihan.kelola")
    acara = _open(conn, acara_id)
    k = get_katalog(conn, acara.katalog_id)
    peserta = [p for p in list_peserta(conn, acara_id) if p.status == TERDAFTAR]
    absent = set(tidak_hadir)
    numbers = dict(sertifikat or {})
    known = {p.pegawai_id for p in peserta}
    problems = [
        tr("Pegawai {p}: bukan peserta terdaftar acara ini.", p=x)
        for x in sorted((absent | set(numbers)) - known)
    ]
    if not peserta:
        problems.append(tr("Acara {n} belum memiliki peserta.", n=acara.nama))
    if problems:
        raise ValidationError("\n".join(problems), field="peserta", reasons=problems)
    written = 0
    with Store(db).write(
        tr("Menyelesaikan acara pelatihan {n}", n=acara.nama),
        actor=actor,
        izin="pelatihan.kelola",
    ) as tx:
        for p in peserta:
            if p.pegawai_id in absent:
                tx.update("pelatihan_peserta", p.id, {"status": TIDAK_HADIR})
                continue
            rid = riwayat_id(acara_id, p.pegawai_id)
            nomor = numbers.get(p.pegawai_id) or p.nomor_sertifikat
            row: dict[str, str | int | None] = {
                "pegawai_id": p.pegawai_id,
                "jenis": k.jenis,
                "nama": acara.nama,
                "penyelenggara": acara.penyelenggara,
                "tanggal_mulai": acara.tanggal_mulai,
                "tanggal_selesai": acara.tanggal_selesai,
                "jam_pelajaran": acara.jp,
                "nomor_sertifikat": nomor,
            }
            if conn.execute("SELECT 1 FROM riwayat_diklat WHERE id = ?", (rid,)).fetchone():
                tx.update("riwayat_diklat", rid, {**row, "deleted": 0})
            else:
                tx.insert("riwayat_diklat", {"id": rid, **row})
            tx.update(
                "pelatihan_peserta",
                p.id,
                {"status": LULUS, "nomor_sertifikat": nomor, "riwayat_diklat_id": rid},
            )
            written += 1
        tx.update("pelatihan_acara", acara_id, {"status": SELESAI})
    return written


def cancel_acara(db: Database, acara_id: str, *, actor: str = "sistem") -> None:
    acara = _open(db.conn, acara_id)
    with Store(db).write(
        tr("Membatalkan acara pelatihan {n}", n=acara.nama), actor=actor, izin="pelatihan.kelola"
    ) as tx:
        tx.update("pelatihan_acara", acara_id, {"status": BATAL})
