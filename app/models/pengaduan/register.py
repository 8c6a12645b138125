"""The register of public complaints (pengaduan masyarakat), migration 22.

A complaint is taken in (channel, subject, unit, category, employees concerned, attachments as
file references), triaged, assigned to an officer, followed up with notes and closed with an
outcome and the reply to the complainant. A complaint triaged as a suspected violation opens a
discipline case (:mod:`app.models.disiplin.kasus`).

The complainant's identity is in ``pengaduan_pelapor``. When the complaint is ANONIM no identity
is kept at all; when it is RAHASIA the identity is returned only to actors holding
``pengaduan.kelola`` for the complaint's unit: the SQL of every read replaces it by NULL for
everyone else (:func:`_identitas_sql`), so a screen, an export or a recap built on these reads
cannot show it. A RAHASIA identity is moreover never stored in the clear: it is sealed for the
installations that handle complaints (:mod:`app.models.pengaduan.segel`, migration 26), so that
a sync package to an installation without that right carries only ciphertext; the reads open it
where this installation is one of the handlers.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.i18n import tanggal, tr
from app.models.access import akses
from app.models.cuti.kalender import read_kalender
from app.models.errors import NotFoundError, ValidationError
from app.models.pengaduan import segel
from app.models.reference.loader import natural_id
from app.models.rules.cuti import Kalender
from app.models.rules.integritas import berlaku_pada, tambah_hari
from app.models.storage.db import Database, utc_now
from app.models.storage.ringkas import UnitTree
from app.models.storage.store import Store, WriteTx

KANAL: dict[str, str] = {
    "SURAT": "Surat",
    "DATANG": "Datang langsung",
    "TELEPON": "Telepon",
    "FORMULIR": "Formulir",
    "MEDSOS": "Media sosial",
    "LAPOR": "SP4N-LAPOR!",
}
IDENTITAS: dict[str, str] = {
    "TERBUKA": "Terbuka",
    "ANONIM": "Anonim",
    "RAHASIA": "Dirahasiakan",
}
TRIASE: dict[str, str] = {
    "TIDAK_LINGKUP": "Bukan kewenangan instansi",
    "TERUSKAN": "Diteruskan ke instansi lain",
    "PERBAIKAN": "Perbaikan layanan",
    "DUGAAN": "Dugaan pelanggaran",
}
BARU, PROSES, SELESAI = "BARU", "PROSES", "SELESAI"
STATUS: dict[str, str] = {BARU: "Baru", PROSES: "Diproses", SELESAI: "Selesai"}
TAHAP: dict[str, str] = {
    "TRIASE": "Triase",
    "TANGGAPAN": "Tanggapan pertama",
    "SELESAI": "Penyelesaian",
}


def label(kamus: dict[str, str], kode: str | None) -> str:
    """The clerk's word for a code of one of the tables above."""
    return tr(kamus[kode]) if kode in kamus else (kode or "")


@dataclass(frozen=True)
class Pelapor:
    nama: str | None = None
    nik: str | None = None
    alamat: str | None = None
    telepon: str | None = None
    email: str | None = None

    @property
    def kosong(self) -> bool:
        return not any((self.nama, self.nik, self.alamat, self.telepon, self.email))


@dataclass(frozen=True)
class PengaduanBaru:
    """What the clerk keys in at intake."""

    tanggal_terima: date
    kanal: str
    perihal: str
    identitas: str = "TERBUKA"
    pelapor: Pelapor = field(default_factory=Pelapor)
    uraian: str | None = None
    unit_id: str | None = None
    layanan: str | None = None
    kategori_kode: str | None = None
    nomor: str | None = None
    pegawai_ids: tuple[str, ...] = ()
    lampiran: tuple[str, ...] = ()  # file paths or URIs, kept as references


@dataclass(frozen=True)
class Pengaduan:
    """One complaint as an actor may see it (``pelapor`` None: withheld or anonymous)."""

    id: str
    nomor: str | None
    tanggal_terima: date
    kanal: str
    identitas: str
    perihal: str
    uraian: str | None
    unit_id: str | None
    unit_nama: str | None
    layanan: str | None
    kategori_kode: str | None
    kategori_nama: str | None
    status: str
    triase: str | None
    tanggal_triase: date | None
    instansi_tujuan: str | None
    petugas: str | None
    tanggal_tanggapan: date | None
    hasil: str | None
    jawaban: str | None
    tanggal_selesai: date | None
    register_id: str | None
    pelapor: Pelapor | None
    pegawai: tuple[tuple[str, str, str], ...] = ()  # (pegawai_id, nip, nama)
    lampiran: tuple[tuple[str, str], ...] = ()  # (nama, lokasi)
    catatan: tuple[tuple[str, str, str], ...] = ()  # (tanggal, penulis, isi)
    kasus_ids: tuple[str, ...] = ()

    @property
    def pelapor_teks(self) -> str:
        """What a screen shows for the complainant."""
        if self.identitas == "ANONIM":
            return tr("(anonim)")
        if self.pelapor is None:
            return tr("(dirahasiakan)")
        return self.pelapor.nama or ""


@dataclass(frozen=True)
class Terlambat:
    """A stage of an open complaint past its deadline (or due today)."""

    pengaduan_id: str
    nomor: str | None
    perihal: str
    tahap: str
    batas: date
    hari_lewat: int
    petugas: str | None


# -- who sees what (in SQL) ---------------------------------------------------------------------


def _cakupan(db: Database, actor: str, aksi: str) -> frozenset[str] | None:
    """The units (with their sub-units) ``actor`` holds ``aksi`` for; None = everywhere, an
    empty set = nowhere."""
    if not isinstance(actor, akses.Sesi):
        return None
    conn = db.conn
    aktif, hak = akses.load_hak(conn, actor.akun_id)
    if not aktif:
        return frozenset()
    own = akses.pegawai_unit(conn, actor.pegawai_id) if actor.pegawai_id else None
    scope = akses.cakupan(hak, aksi, pegawai_unit=own)
    if scope is None:
        return frozenset()
    if akses.SEMUA in scope:
        return None
    tree = UnitTree.load(conn)
    units: set[str] = set()
    for root in scope:
        units |= tree.descendants(root)
    return frozenset(units)


def _in_units(column: str, units: frozenset[str] | None) -> tuple[str, list[Any]]:
    """SQL true when ``column`` is one of ``units`` (None: always)."""
    if units is None:
        return "1", []
    if not units:
        return "0", []
    ordered = sorted(units)
    return f"{column} IN ({', '.join('?' for _ in ordered)})", list(ordered)


def _identitas_sql(db: Database, actor: str) -> tuple[str, list[Any]]:
    """SQL (over ``p``) true when the complainant's identity may be shown to ``actor``: an open
    complaint, or a confidential one in a unit where ``actor`` handles complaints."""
    where, params = _in_units("p.unit_id", _cakupan(db, actor, "pengaduan.kelola"))
    return f"(p.identitas = 'TERBUKA' OR (p.identitas = 'RAHASIA' AND {where}))", params


def _baca_sql(db: Database, actor: str) -> tuple[str, list[Any]]:
    """SQL (over ``p``) restricting the register to what ``actor`` may read; refuses (audited)
    an actor with neither reading nor handling rights."""
    kelola = _cakupan(db, actor, "pengaduan.kelola")
    baca = _cakupan(db, actor, "pengaduan.baca")
    if kelola is None or baca is None:
        return "1", []
    units = kelola | baca
    if not units:
        akses.require(db, actor, "pengaduan.baca")  # raises, with the audit entry
    return _in_units("p.unit_id", units)


def can_handle(db: Database, actor: str, unit_id: str | None) -> bool:
    """Whether ``actor`` handles complaints of ``unit_id`` (for screens to offer actions)."""
    units = _cakupan(db, actor, "pengaduan.kelola")
    return units is None or (unit_id is not None and unit_id in units)


# -- reading -----------------------------------------------------------------------------------

_SELECT = """
SELECT p.id, p.nomor, p.tanggal_terima, p.kanal, p.identitas, p.perihal, p.uraian, p.unit_id,
       u.nama, p.layanan, p.kategori_kode, k.nama, p.status, p.triase, p.tanggal_triase,
       p.instansi_tujuan, p.petugas, p.tanggal_tanggapan, p.hasil, p.jawaban, p.tanggal_selesai,
       p.register_id,
       CASE WHEN {boleh} THEN pl.nama END, CASE WHEN {boleh} THEN pl.nik END,
       CASE WHEN {boleh} THEN pl.alamat END, CASE WHEN {boleh} THEN pl.telepon END,
       CASE WHEN {boleh} THEN pl.email END, {boleh} AND pl.id IS NOT NULL,
       CASE WHEN {boleh} THEN pl.sandi END
FROM pengaduan p
LEFT JOIN unit_organisasi u ON u.id = p.unit_id
LEFT JOIN ref_kategori_pengaduan k ON k.kode = p.kategori_kode
LEFT JOIN pengaduan_pelapor pl ON pl.pengaduan_id = p.id AND pl.deleted = 0
WHERE p.deleted = 0 AND {baca}
"""


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class _Pembuka:
    """Opens the sealed identities of one read (the private key is loaded once)."""

    def __init__(self, db: Database) -> None:
        self.node_id = db.node_id
        self.key = segel.kunci_buka(db)

    def pelapor(self, row: Sequence[Any]) -> Pelapor | None:
        if not row[27]:
            return None
        if row[28] is None:
            return Pelapor(*row[22:27])
        # Sealed: shown only where this installation is one of the handlers.
        data = segel.buka_dengan(self.node_id, self.key, str(row[28]))
        return Pelapor(**data) if data is not None else None


def _pengaduan(row: Sequence[Any], pembuka: _Pembuka) -> Pengaduan:
    pelapor = pembuka.pelapor(row)
    return Pengaduan(
        id=row[0],
        nomor=row[1],
        tanggal_terima=date.fromisoformat(row[2]),
        kanal=row[3],
        identitas=row[4],
        perihal=row[5],
        uraian=row[6],
        unit_id=row[7],
        unit_nama=row[8],
        layanan=row[9],
        kategori_kode=row[10],
        kategori_nama=row[11],
        status=row[12],
        triase=row[13],
        tanggal_triase=_d(row[14]),
        instansi_tujuan=row[15],
        petugas=row[16],
        tanggal_tanggapan=_d(row[17]),
        hasil=row[18],
        jawaban=row[19],
        tanggal_selesai=_d(row[20]),
        register_id=row[21],
        pelapor=pelapor,
    )


def list_pengaduan(
    db: Database,
    actor: str,
    *,
    status: str | None = None,
    dari: date | None = None,
    sampai: date | None = None,
    unit_id: str | None = None,
    kategori_kode: str | None = None,
) -> list[Pengaduan]:
    """The complaints ``actor`` may read, newest first (identity withheld where it must be)."""
    boleh, p_boleh = _identitas_sql(db, actor)
    baca, p_baca = _baca_sql(db, actor)
    sql = _SELECT.format(boleh=boleh, baca=baca)
    params: list[Any] = [*p_boleh * 7, *p_baca]
    if status:
        sql += " AND p.status = ?"
        params.append(status)
    if dari:
        sql += " AND p.tanggal_terima >= ?"
        params.append(dari.isoformat())
    if sampai:
        sql += " AND p.tanggal_terima <= ?"
        params.append(sampai.isoformat())
    if unit_id:
        units = sorted(UnitTree.load(db.conn).descendants(unit_id))
        sql += f" AND p.unit_id IN ({', '.join('?' for _ in units)})"
        params.extend(units)
    if kategori_kode:
        sql += " AND p.kategori_kode = ?"
        params.append(kategori_kode)
    sql += " ORDER BY p.tanggal_terima DESC, p.id"
    pembuka = _Pembuka(db)
    return [_pengaduan(r, pembuka) for r in db.conn.execute(sql, params)]


def get_pengaduan(db: Database, actor: str, pengaduan_id: str) -> Pengaduan:
    """One complaint with its employees, attachments, notes and cases. NotFoundError when it
    does not exist or ``actor`` may not read it."""
    boleh, p_boleh = _identitas_sql(db, actor)
    baca, p_baca = _baca_sql(db, actor)
    sql = _SELECT.format(boleh=boleh, baca=baca) + " AND p.id = ?"
    row = db.conn.execute(sql, [*p_boleh * 7, *p_baca, pengaduan_id]).fetchone()
    if row is None:
        raise NotFoundError(tr("Pengaduan {id} tidak ditemukan.", id=pengaduan_id))
    base = _pengaduan(row, _Pembuka(db))
    conn = db.conn
    if base.identitas == "RAHASIA" and base.pelapor is not None:
        # Opening a confidential complainant's identity is a sensitive read: audited.
        Store(db).record_read(
            tr("Membuka identitas pelapor yang dirahasiakan"),
            actor=actor,
            tabel="pengaduan_pelapor",
            record_id=pengaduan_id,
        )
    pegawai = tuple(
        (r[0], r[1] or "", r[2] or "")
        for r in conn.execute(
            "SELECT pp.pegawai_id, p.nip, p.nama FROM pengaduan_pegawai pp "
            "JOIN pegawai p ON p.id = pp.pegawai_id "
            "WHERE pp.pengaduan_id = ? AND pp.deleted = 0 ORDER BY p.nama",
            (pengaduan_id,),
        )
    )
    lampiran = tuple(
        (r[0], r[1])
        for r in conn.execute(
            "SELECT nama, lokasi FROM pengaduan_lampiran WHERE pengaduan_id = ? AND deleted = 0 "
            "ORDER BY nama",
            (pengaduan_id,),
        )
    )
    catatan = tuple(
        (r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT tanggal, penulis, isi FROM pengaduan_catatan WHERE pengaduan_id = ? "
            "AND deleted = 0 ORDER BY tanggal, dicatat",
            (pengaduan_id,),
        )
    )
    kasus = tuple(
        r[0]
        for r in conn.execute(
            "SELECT id FROM disiplin_kasus WHERE pengaduan_id = ? AND deleted = 0 "
            "ORDER BY tanggal_mulai",
            (pengaduan_id,),
        )
    )
    return Pengaduan(
        **{
            **base.__dict__,
            "pegawai": pegawai,
            "lampiran": lampiran,
            "catatan": catatan,
            "kasus_ids": kasus,
        }
    )


def find_pengaduan(db: Database, actor: str, ref: str) -> Pengaduan:
    """A complaint by its id, its number or a unique id prefix (for the CLI)."""
    row = db.conn.execute(
        "SELECT id FROM pengaduan WHERE deleted = 0 AND (id = ? OR nomor = ?)", (ref, ref)
    ).fetchone()
    if row is None and len(ref) >= 6:
        rows = db.conn.execute(
            "SELECT id FROM pengaduan WHERE deleted = 0 AND id LIKE ?", (ref + "%",)
        ).fetchall()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise NotFoundError(tr("Pengaduan '{r}' tidak ditemukan.", r=ref))
    return get_pengaduan(db, actor, str(row[0]))


# -- writing -------------------------------------------------------------------------------------


def _require_kelola(db: Database, actor: str, unit_id: str | None) -> None:
    akses.require(db, actor, "pengaduan.kelola", unit_id=unit_id)


def _check_baru(conn: sqlite3.Connection, data: PengaduanBaru) -> None:
    problems: list[tuple[str, str]] = []
    if data.kanal not in KANAL:
        problems.append(
            (
                "kanal",
                tr("Kanal '{k}' tidak dikenal: {daftar}.", k=data.kanal, daftar=", ".join(KANAL)),
            )
        )
    if data.identitas not in IDENTITAS:
        problems.append(
            (
                "identitas",
                tr(
                    "Identitas '{k}' tidak dikenal: {daftar}.",
                    k=data.identitas,
                    daftar=", ".join(IDENTITAS),
                ),
            )
        )
    if not data.perihal.strip():
        problems.append(("perihal", tr("Perihal pengaduan wajib diisi.")))
    if data.identitas == "ANONIM" and not data.pelapor.kosong:
        problems.append(
            (
                "identitas",
                tr("Pengaduan anonim tidak menyimpan identitas pelapor: kosongkan data pelapor."),
            )
        )
    if data.kategori_kode:
        ok = conn.execute(
            "SELECT 1 FROM ref_kategori_pengaduan WHERE kode = ? AND deleted = 0",
            (data.kategori_kode,),
        ).fetchone()
        if ok is None:
            problems.append(
                ("kategori", tr("Kategori '{k}' tidak ada di referensi.", k=data.kategori_kode))
            )
    if data.unit_id:
        ok = conn.execute("SELECT 1 FROM unit_organisasi WHERE id = ?", (data.unit_id,)).fetchone()
        if ok is None:
            problems.append(("unit", tr("Unit organisasi {u} tidak ditemukan.", u=data.unit_id)))
    for pid in data.pegawai_ids:
        ok = conn.execute("SELECT 1 FROM pegawai WHERE id = ? AND deleted = 0", (pid,)).fetchone()
        if ok is None:
            problems.append(("pegawai", tr("Pegawai {p} tidak ditemukan.", p=pid)))
    if data.pelapor.nik and not (data.pelapor.nik.isdigit() and len(data.pelapor.nik) == 16):
        problems.append(("nik", tr("NIK pelapor harus 16 angka.")))
    if problems:
        raise ValidationError(
            tr("Pengaduan tidak disimpan: {alasan}", alasan=" ".join(m for _, m in problems)),
            field=problems[0][0],
            reasons=[m for _, m in problems],
        )


def _lampiran_row(pengaduan_id: str, lokasi: str) -> dict[str, Any]:
    path = Path(lokasi)
    digest = None
    if path.is_file():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return {
        "pengaduan_id": pengaduan_id,
        "nama": path.name or lokasi,
        "lokasi": lokasi,
        "sha256": digest,
    }


def create_pengaduan(db: Database, actor: str, data: PengaduanBaru) -> str:
    """Take in a complaint. Returns its id."""
    _require_kelola(db, actor, data.unit_id)
    _check_baru(db.conn, data)
    with Store(db).write(tr("Mencatat pengaduan masyarakat"), actor=actor) as tx:
        return insert_pengaduan(tx, data, identitas=identitas_pelapor(db, data))


def identitas_pelapor(db: Database, data: PengaduanBaru) -> dict[str, Any]:
    """The complainant columns as stored: in the clear for an open complaint, sealed for the
    handling installations only when confidential (never in the clear in any package)."""
    identitas: dict[str, Any] = dict(data.pelapor.__dict__)
    if data.identitas == "RAHASIA":
        return {"sandi": segel.tutup(db, identitas)}
    return identitas


def insert_pengaduan(
    tx: WriteTx,
    data: PengaduanBaru,
    *,
    identitas: dict[str, Any],
    row_id: str | None = None,
) -> str:
    """Write a checked complaint (:func:`_check_baru`) inside ``tx``; ``identitas`` from
    :func:`identitas_pelapor` (sealed when confidential); ``row_id`` for a complaint whose id
    comes from an external key (a SP4N-LAPOR! ticket)."""
    pid = tx.insert(
        "pengaduan",
        {
            **({"id": row_id} if row_id else {}),
            "nomor": data.nomor,
            "tanggal_terima": data.tanggal_terima.isoformat(),
            "kanal": data.kanal,
            "identitas": data.identitas,
            "perihal": data.perihal.strip(),
            "uraian": data.uraian,
            "unit_id": data.unit_id,
            "layanan": data.layanan,
            "kategori_kode": data.kategori_kode,
            "status": BARU,
        },
    )
    if data.identitas != "ANONIM" and not data.pelapor.kosong:
        tx.insert(
            "pengaduan_pelapor",
            {
                "id": natural_id("pengaduan_pelapor", pid),
                "pengaduan_id": pid,
                **identitas,
            },
        )
    for peg in dict.fromkeys(data.pegawai_ids):
        tx.insert(
            "pengaduan_pegawai",
            {
                "id": natural_id("pengaduan_pegawai", pid, peg),
                "pengaduan_id": pid,
                "pegawai_id": peg,
            },
        )
    for lokasi in data.lampiran:
        tx.insert("pengaduan_lampiran", _lampiran_row(pid, lokasi))
    return pid


def check_baru(conn: sqlite3.Connection, data: PengaduanBaru) -> None:
    """Refuse (ValidationError with the reasons) a complaint that cannot be taken in."""
    _check_baru(conn, data)


def _current(db: Database, pengaduan_id: str) -> sqlite3.Row | tuple[Any, ...]:
    row = db.conn.execute(
        "SELECT unit_id, status, triase, tanggal_terima FROM pengaduan WHERE id = ? "
        "AND deleted = 0",
        (pengaduan_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pengaduan {id} tidak ditemukan.", id=pengaduan_id))
    return row


def _open(db: Database, actor: str, pengaduan_id: str) -> tuple[Any, ...]:
    row = tuple(_current(db, pengaduan_id))
    _require_kelola(db, actor, row[0])
    if row[1] == SELESAI:
        raise ValidationError(
            tr("Pengaduan {id} sudah selesai; tidak dapat diubah lagi.", id=pengaduan_id),
            field="status",
        )
    return row


def _note(tx: Any, pengaduan_id: str, actor: str, on: date, isi: str) -> None:
    tx.insert(
        "pengaduan_catatan",
        {
            "pengaduan_id": pengaduan_id,
            "tanggal": on.isoformat(),
            "dicatat": utc_now(),
            "penulis": str(actor),
            "isi": isi,
        },
    )


def assign_petugas(db: Database, actor: str, pengaduan_id: str, petugas: str, *, on: date) -> None:
    """Assign the officer who handles the complaint."""
    _open(db, actor, pengaduan_id)
    if not petugas.strip():
        raise ValidationError(tr("Nama petugas wajib diisi."), field="petugas")
    with Store(db).write(tr("Menugaskan petugas pengaduan"), actor=actor) as tx:
        tx.update(
            "pengaduan",
            pengaduan_id,
            {"petugas": petugas.strip(), "tanggal_tugas": on.isoformat(), "status": PROSES},
        )
        _note(tx, pengaduan_id, actor, on, tr("Ditugaskan kepada {p}.", p=petugas.strip()))


def set_triase(
    db: Database,
    actor: str,
    pengaduan_id: str,
    triase: str,
    *,
    on: date,
    instansi_tujuan: str | None = None,
    catatan: str | None = None,
) -> None:
    """Record the triage outcome. A suspected violation (DUGAAN) is followed by opening a
    discipline case (:func:`app.models.disiplin.kasus.create_kasus` with ``pengaduan_id``)."""
    row = _open(db, actor, pengaduan_id)
    if triase not in TRIASE:
        raise ValidationError(
            tr("Hasil triase '{t}' tidak dikenal: {daftar}.", t=triase, daftar=", ".join(TRIASE)),
            field="triase",
        )
    if triase == "TERUSKAN" and not (instansi_tujuan or "").strip():
        raise ValidationError(
            tr("Pengaduan yang diteruskan harus menyebut instansi tujuannya."),
            field="instansi_tujuan",
        )
    if on < date.fromisoformat(row[3]):
        raise ValidationError(
            tr("Tanggal triase tidak boleh sebelum tanggal pengaduan diterima."), field="tanggal"
        )
    with Store(db).write(tr("Mencatat triase pengaduan"), actor=actor) as tx:
        tx.update(
            "pengaduan",
            pengaduan_id,
            {
                "triase": triase,
                "tanggal_triase": on.isoformat(),
                "instansi_tujuan": instansi_tujuan,
                "status": PROSES,
            },
        )
        text = tr("Triase: {t}.", t=label(TRIASE, triase))
        _note(tx, pengaduan_id, actor, on, f"{text} {catatan}" if catatan else text)


def add_catatan(
    db: Database,
    actor: str,
    pengaduan_id: str,
    isi: str,
    *,
    on: date,
    tanggapan: bool = False,
) -> None:
    """A follow-up note; ``tanggapan``: it is the first response given to the complainant."""
    _open(db, actor, pengaduan_id)
    if not isi.strip():
        raise ValidationError(tr("Isi catatan wajib diisi."), field="isi")
    with Store(db).write(tr("Mencatat tindak lanjut pengaduan"), actor=actor) as tx:
        _note(tx, pengaduan_id, actor, on, isi.strip())
        changes: dict[str, Any] = {"status": PROSES}
        if tanggapan:
            current = db.conn.execute(
                "SELECT tanggal_tanggapan FROM pengaduan WHERE id = ?", (pengaduan_id,)
            ).fetchone()[0]
            if not current:
                changes["tanggal_tanggapan"] = on.isoformat()
        tx.update("pengaduan", pengaduan_id, changes)


def add_lampiran(db: Database, actor: str, pengaduan_id: str, lokasi: str) -> None:
    """Keep a reference to an attachment file (the file itself is not copied)."""
    _open(db, actor, pengaduan_id)
    with Store(db).write(tr("Menambah lampiran pengaduan"), actor=actor) as tx:
        tx.insert("pengaduan_lampiran", _lampiran_row(pengaduan_id, lokasi))


def close_pengaduan(
    db: Database,
    actor: str,
    pengaduan_id: str,
    *,
    hasil: str,
    jawaban: str,
    on: date,
    register_id: str | None = None,
) -> None:
    """Close a complaint with its outcome and the reply to the complainant."""
    row = _open(db, actor, pengaduan_id)
    problems = []
    if not hasil.strip():
        problems.append(("hasil", tr("Hasil penanganan wajib diisi.")))
    if not jawaban.strip():
        problems.append(("jawaban", tr("Jawaban kepada pelapor wajib diisi.")))
    if row[2] is None:
        problems.append(("triase", tr("Pengaduan belum ditriase.")))
    if on < date.fromisoformat(row[3]):
        problems.append(("tanggal", tr("Tanggal selesai tidak boleh sebelum tanggal diterima.")))
    if problems:
        raise ValidationError(
            tr("Pengaduan tidak dapat ditutup: {a}", a=" ".join(m for _, m in problems)),
            field=problems[0][0],
            reasons=[m for _, m in problems],
        )
    with Store(db).write(tr("Menutup pengaduan"), actor=actor) as tx:
        current = db.conn.execute(
            "SELECT tanggal_tanggapan FROM pengaduan WHERE id = ?", (pengaduan_id,)
        ).fetchone()[0]
        tx.update(
            "pengaduan",
            pengaduan_id,
            {
                "hasil": hasil.strip(),
                "jawaban": jawaban.strip(),
                "tanggal_selesai": on.isoformat(),
                "tanggal_tanggapan": current or on.isoformat(),
                "status": SELESAI,
                **({"register_id": register_id} if register_id else {}),
            },
        )
        _note(tx, pengaduan_id, actor, on, tr("Selesai: {h}", h=hasil.strip()))


def segel_ulang(db: Database, actor: str) -> int:
    """Seal again, for the handlers of now (:func:`segel.penerima`), every confidential
    complainant ``actor`` handles whose envelope names other installations (the roster changed)
    or that is still in the clear (written before migration 26). One write that travels; an
    envelope this installation cannot open is left to a handler that can. Returns how many
    were sealed again."""
    handled = _cakupan(db, actor, "pengaduan.kelola")
    if handled is not None and not handled:
        akses.require(db, actor, "pengaduan.kelola")  # raises, with the audit entry
    keys = segel.penerima(db)
    pembuka = _Pembuka(db)
    changes: list[tuple[str, dict[str, str | None]]] = []
    for row in db.conn.execute(
        "SELECT pl.id, p.unit_id, pl.nama, pl.nik, pl.alamat, pl.telepon, pl.email, pl.sandi "
        "FROM pengaduan_pelapor pl JOIN pengaduan p ON p.id = pl.pengaduan_id "
        "WHERE pl.deleted = 0 AND p.deleted = 0 AND p.identitas = 'RAHASIA' ORDER BY pl.id"
    ):
        if handled is not None and row[1] not in handled:
            continue
        if row[7] is None:
            if not any(row[2:7]):
                continue
            identitas: dict[str, str | None] | None = dict(zip(segel.KOLOM, row[2:7], strict=True))
        elif segel.penerima_segel(str(row[7])) == frozenset(keys):
            continue
        else:
            identitas = segel.buka_dengan(pembuka.node_id, pembuka.key, str(row[7]))
        if identitas is not None:
            changes.append((str(row[0]), identitas))
    if changes:
        with Store(db).write(tr("Menyegel ulang identitas pelapor rahasia"), actor=actor) as tx:
            for row_id, identitas in changes:
                tx.update(
                    "pengaduan_pelapor",
                    row_id,
                    {"sandi": segel.tutup_untuk(keys, identitas), **dict.fromkeys(segel.KOLOM)},
                )
    return len(changes)


def set_register(db: Database, actor: str, pengaduan_id: str, register_id: str) -> None:
    """Link the reply letter issued through the document engine."""
    row = tuple(_current(db, pengaduan_id))
    _require_kelola(db, actor, row[0])
    with Store(db).write(tr("Mencatat surat jawaban pengaduan"), actor=actor) as tx:
        tx.update("pengaduan", pengaduan_id, {"register_id": register_id})


# -- deadlines -----------------------------------------------------------------------------------


def _tenggat(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    cur = conn.execute(
        "SELECT tahap, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan "
        "FROM ref_tenggat_pengaduan WHERE deleted = 0 ORDER BY urutan"
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur]


def batas_tahap(
    conn: sqlite3.Connection, tanggal_terima: date, kalender: Kalender | None = None
) -> dict[str, date]:
    """The deadline of each stage of a complaint received on ``tanggal_terima``; working days
    skip the weekend, national holidays and cuti bersama of the leave calendar."""
    rows = berlaku_pada(_tenggat(conn), tanggal_terima, key="tahap")
    kalender = kalender or read_kalender(conn)
    return {
        tahap: tambah_hari(
            tanggal_terima, int(r["hari"]), hari_kerja=bool(r["hari_kerja"]), kalender=kalender
        )
        for tahap, r in rows.items()
    }


def list_terlambat(db: Database, actor: str, on: date) -> list[Terlambat]:
    """The stages of open complaints whose deadline is ``on`` or earlier and not met."""
    result: list[Terlambat] = []
    kalender = read_kalender(db.conn)
    for p in list_pengaduan(db, actor):
        if p.status == SELESAI:
            continue
        done = {
            "TRIASE": p.tanggal_triase,
            "TANGGAPAN": p.tanggal_tanggapan,
            "SELESAI": p.tanggal_selesai,
        }
        for tahap, batas in batas_tahap(db.conn, p.tanggal_terima, kalender).items():
            if done.get(tahap) is None and batas <= on:
                result.append(
                    Terlambat(p.id, p.nomor, p.perihal, tahap, batas, (on - batas).days, p.petugas)
                )
    result.sort(key=lambda t: (t.batas, t.pengaduan_id))
    return result


def uraian_terlambat(t: Terlambat) -> str:
    """One line for the home page."""
    return tr(
        "{tahap} pengaduan '{perihal}' lewat batas {batas}",
        tahap=label(TAHAP, t.tahap),
        perihal=t.perihal,
        batas=tanggal(t.batas),
    )


def pegawai_ids(db: Database, pengaduan_id: str) -> list[str]:
    return [
        r[0]
        for r in db.conn.execute(
            "SELECT pegawai_id FROM pengaduan_pegawai WHERE pengaduan_id = ? AND deleted = 0",
            (pengaduan_id,),
        )
    ]


def pegawai_dengan_unit(conn: sqlite3.Connection, limit: int) -> list[tuple[str, str]]:
    """(pegawai_id, unit_id) of active PNS with a unit, by NIP: whom a complaint may concern
    (the demo picks from these)."""
    return [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT pegawai_id, unit_id FROM pegawai_ringkas WHERE deleted = 0 "
            "AND unit_id IS NOT NULL AND jenis_asn = 'PNS' AND status_kepegawaian = 'PNS' "
            "ORDER BY nip LIMIT ?",
            (limit,),
        )
    ]


def kategori(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kode, nama) of the complaint categories."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT kode, nama FROM ref_kategori_pengaduan WHERE deleted = 0 ORDER BY urutan"
        )
    ]


def units(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, nama) of the units, for choosing the unit concerned."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT id, nama FROM unit_organisasi WHERE deleted = 0 ORDER BY nama"
        )
    ]
