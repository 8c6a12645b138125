"""A selection: its set-up (stages and rubric, committee, requirements) and reading it back.

Seleksi terbuka JPT and the selection for administrator and pengawas posts (asn-rules 6.1,
6.2). A selection is created whole in one write (:func:`create_seleksi`): the stage weights must
add up to 100 and a weighted stage needs criteria, each with its own scale; the committee has
exactly one chair.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import Referensi
from app.models.rules.seleksi import (
    SERATUS,
    desimal,
    teks_desimal,
)
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store

JENIS: dict[str, str] = {
    "JPT_TERBUKA": "Seleksi terbuka JPT",
    "ADMINISTRATOR": "Seleksi jabatan administrator",
    "PENGAWAS": "Seleksi jabatan pengawas",
}

PERAN_PANITIA: dict[str, str] = {
    "KETUA": "Ketua",
    "SEKRETARIS": "Sekretaris",
    "ANGGOTA": "Anggota",
}

# Tie-break rules (the selection's ``aturan_seri``). Every rule ends with the registration number.
ATURAN_SERI: dict[str, str] = {
    "bobot": (
        "Nilai tahap berbobot terbesar lebih dulu (bobot sama: urutan tahap), lalu nomor "
        "pendaftaran terkecil"
    ),
    "tahap_akhir": "Nilai tahap terakhir yang dilaksanakan lebih dulu, mundur ke tahap awal, "
    "lalu nomor pendaftaran terkecil",
    "nomor": "Nomor pendaftaran terkecil",
}


@dataclass(frozen=True)
class Syarat:
    """Requirements of a selection; None / False = not required."""

    golongan_min: str | None = None
    pendidikan_min: str | None = None
    tahun_jabatan: int | None = None
    tahun_pangkat: int | None = None
    usia_maks: int | None = None
    predikat_baik: bool = True
    bebas_hukdis: bool = True


@dataclass(frozen=True)
class KriteriaBaru:
    nama: str
    skala_min: object = 1
    skala_maks: object = 5


@dataclass(frozen=True)
class TahapBaru:
    nama: str
    bobot: object
    kriteria: Sequence[KriteriaBaru] = ()
    tanggal: date | None = None
    dilaksanakan: bool = True


@dataclass(frozen=True)
class PanitiaBaru:
    nama: str
    peran: str = "ANGGOTA"
    unsur: str | None = None
    pegawai_id: str | None = None
    menilai: bool | None = None  # None: the chair and the members score, the secretary not
    kunci_tanda: str | None = None


def _syarat_row(conn: sqlite3.Connection, s: Syarat) -> dict[str, Any]:
    ref = Referensi.load(conn)
    if s.golongan_min and s.golongan_min not in ref.golongan:
        raise ValidationError(
            tr("Syarat golongan: '{g}' tidak dikenal.", g=s.golongan_min), field="golongan_min"
        )
    if s.pendidikan_min and s.pendidikan_min not in ref.pendidikan:
        raise ValidationError(
            tr("Syarat pendidikan: '{p}' tidak dikenal.", p=s.pendidikan_min),
            field="pendidikan_min",
        )
    for name, value in (
        ("tahun_jabatan", s.tahun_jabatan),
        ("tahun_pangkat", s.tahun_pangkat),
        ("usia_maks", s.usia_maks),
    ):
        if value is not None and not 0 <= value <= 80:
            raise ValidationError(
                tr("Syarat {f}: {v} di luar rentang 0 sampai 80.", f=name, v=value), field=name
            )
    return {
        "syarat_golongan_min": s.golongan_min or None,
        "syarat_pendidikan_min": s.pendidikan_min or None,
        "syarat_tahun_jabatan": s.tahun_jabatan,
        "syarat_tahun_pangkat": s.tahun_pangkat,
        "syarat_usia_maks": s.usia_maks,
        "syarat_predikat_baik": int(s.predikat_baik),
        "syarat_bebas_hukdis": int(s.bebas_hukdis),
    }


def check_tahap(tahap: Sequence[TahapBaru]) -> list[tuple[TahapBaru, Decimal, list[Any]]]:
    if not tahap:
        raise ValidationError(tr("Seleksi harus punya paling sedikit satu tahap."), field="tahap")
    checked: list[tuple[TahapBaru, Decimal, list[Any]]] = []
    names: set[str] = set()
    for i, t in enumerate(tahap, start=1):
        baris = tr("Tahap {n}", n=i)
        nama = " ".join(t.nama.split())
        if not nama:
            raise ValidationError(tr("{b}: nama tahap wajib diisi.", b=baris), field="nama")
        if nama.casefold() in names:
            raise ValidationError(tr("{b}: nama tahap '{n}' ganda.", b=baris, n=nama), field="nama")
        names.add(nama.casefold())
        bobot = desimal(t.bobot, tr("bobot"), baris)
        if bobot < 0 or bobot > SERATUS:
            raise ValidationError(
                tr("{b} ({n}): bobot {w} harus 0 sampai 100.", b=baris, n=nama, w=t.bobot),
                field="bobot",
            )
        if bobot > 0 and not t.kriteria:
            raise ValidationError(
                tr("{b} ({n}): tahap berbobot harus punya kriteria penilaian.", b=baris, n=nama),
                field="kriteria",
            )
        kriteria = []
        for j, k in enumerate(t.kriteria, start=1):
            kb = tr("{b} ({n}), kriteria {j}", b=baris, n=nama, j=j)
            knama = " ".join(k.nama.split())
            if not knama:
                raise ValidationError(tr("{b}: nama kriteria wajib diisi.", b=kb), field="nama")
            lo = desimal(k.skala_min, tr("skala terendah"), kb)
            hi = desimal(k.skala_maks, tr("skala tertinggi"), kb)
            if lo >= hi:
                raise ValidationError(
                    tr("{b}: skala terendah harus lebih kecil dari skala tertinggi.", b=kb),
                    field="skala",
                )
            kriteria.append((knama, lo, hi))
        checked.append((t, bobot, kriteria))
    total = sum((b for _, b, _ in checked), Decimal(0))
    if total != SERATUS:
        raise ValidationError(
            tr(
                "Jumlah bobot tahap harus 100; sekarang {total}.",
                total=teks_desimal(total),
            ),
            field="bobot",
        )
    return checked


def check_panitia(panitia: Sequence[PanitiaBaru]) -> None:
    ketua = [p for p in panitia if p.peran == "KETUA"]
    if len(ketua) != 1:
        raise ValidationError(tr("Panitia harus punya tepat satu ketua."), field="panitia")
    if sum(p.peran == "SEKRETARIS" for p in panitia) > 1:
        raise ValidationError(tr("Panitia hanya boleh punya satu sekretaris."), field="panitia")
    names: set[str] = set()
    for i, p in enumerate(panitia, start=1):
        if p.peran not in PERAN_PANITIA:
            raise ValidationError(
                tr("Panitia {n}: peran '{p}' tidak dikenal.", n=i, p=p.peran), field="peran"
            )
        nama = " ".join(p.nama.split())
        if not nama:
            raise ValidationError(tr("Panitia {n}: nama wajib diisi.", n=i), field="nama")
        if nama.casefold() in names:
            raise ValidationError(tr("Panitia {n}: nama '{x}' ganda.", n=i, x=nama), field="nama")
        names.add(nama.casefold())


def create_seleksi(
    db: Database,
    *,
    judul: str,
    jenis: str,
    tahap: Sequence[TahapBaru],
    panitia: Sequence[PanitiaBaru],
    jabatan_id: str | None = None,
    nama_jabatan: str | None = None,
    syarat: Syarat | None = None,
    tanggal_acuan: date | None = None,
    pendaftaran: tuple[date, date] | None = None,
    aturan_seri: str = "bobot",
    min_pelamar: int = 3,
    actor: str,
) -> str:
    """Create a selection with its stages, rubric and committee in one write. Returns its id."""
    conn = db.conn
    if jenis not in JENIS:
        raise ValidationError(
            tr("Jenis seleksi '{j}' tidak dikenal. Pilih: {d}.", j=jenis, d=", ".join(JENIS)),
            field="jenis",
        )
    if aturan_seri not in ATURAN_SERI:
        raise ValidationError(
            tr(
                "Aturan nilai sama '{a}' tidak dikenal. Pilih: {d}.",
                a=aturan_seri,
                d=", ".join(ATURAN_SERI),
            ),
            field="aturan_seri",
        )
    judul = " ".join(judul.split())
    if not judul:
        raise ValidationError(tr("Judul seleksi wajib diisi."), field="judul")
    if jabatan_id:
        row = conn.execute(
            "SELECT nama FROM jabatan WHERE id = ? AND deleted = 0", (jabatan_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(tr("Jabatan {id} tidak ditemukan.", id=jabatan_id))
        nama_jabatan = nama_jabatan or str(row[0])
    if not nama_jabatan:
        raise ValidationError(tr("Jabatan yang diisi wajib disebut."), field="jabatan")
    syarat_row = _syarat_row(conn, syarat or Syarat())
    checked = check_tahap(tahap)
    check_panitia(panitia)
    seleksi_id = str(uuid.uuid4())
    with Store(db).write(
        tr("Membuat seleksi {j}", j=judul), actor=actor, izin="seleksi.kelola"
    ) as tx:
        tx.insert(
            "seleksi",
            {
                "id": seleksi_id,
                "judul": judul,
                "jabatan_id": jabatan_id,
                "nama_jabatan": nama_jabatan,
                "jenis": jenis,
                "status": "persiapan",
                **syarat_row,
                "tanggal_acuan": (tanggal_acuan or date.today()).isoformat(),
                "pendaftaran_mulai": pendaftaran[0].isoformat() if pendaftaran else None,
                "pendaftaran_selesai": pendaftaran[1].isoformat() if pendaftaran else None,
                "aturan_seri": aturan_seri,
                "min_pelamar": min_pelamar,
                "dibuat": utc_now(),
            },
        )
        for i, (t, bobot, kriteria) in enumerate(checked, start=1):
            tahap_id = tx.insert(
                "seleksi_tahap",
                {
                    "seleksi_id": seleksi_id,
                    "urutan": i,
                    "nama": " ".join(t.nama.split()),
                    "bobot": teks_desimal(bobot),
                    "dilaksanakan": int(t.dilaksanakan),
                    "tanggal": t.tanggal.isoformat() if t.tanggal else None,
                },
            )
            for j, (knama, lo, hi) in enumerate(kriteria, start=1):
                tx.insert(
                    "seleksi_kriteria",
                    {
                        "seleksi_id": seleksi_id,
                        "tahap_id": tahap_id,
                        "urutan": j,
                        "nama": knama,
                        "skala_min": teks_desimal(lo),
                        "skala_maks": teks_desimal(hi),
                    },
                )
        for p in panitia:
            menilai = p.menilai if p.menilai is not None else p.peran != "SEKRETARIS"
            tx.insert(
                "seleksi_panitia",
                {
                    "seleksi_id": seleksi_id,
                    "nama": " ".join(p.nama.split()),
                    "peran": p.peran,
                    "unsur": p.unsur,
                    "pegawai_id": p.pegawai_id,
                    "menilai": int(menilai),
                    "kunci_tanda": p.kunci_tanda,
                },
            )
    return seleksi_id


def update_syarat(db: Database, seleksi_id: str, syarat: Syarat, *, actor: str) -> None:
    """Change the requirements (screening is recomputed whenever it is read)."""
    info = get_seleksi(db.conn, seleksi_id)
    row = _syarat_row(db.conn, syarat)
    with Store(db).write(
        tr("Mengubah syarat seleksi {j}", j=info.judul), actor=actor, izin="seleksi.kelola"
    ) as tx:
        tx.update("seleksi", seleksi_id, row)


# -- reading the set-up -------------------------------------------------------------------------


@dataclass(frozen=True)
class Kriteria:
    id: str
    tahap_id: str
    urutan: int
    nama: str
    skala_min: Decimal
    skala_maks: Decimal


@dataclass(frozen=True)
class Tahap:
    id: str
    urutan: int
    nama: str
    bobot: Decimal
    dilaksanakan: bool
    tanggal: date | None
    kriteria: tuple[Kriteria, ...]

    @property
    def dinilai(self) -> bool:
        """Scored by the committee: held, with criteria."""
        return self.dilaksanakan and bool(self.kriteria)


@dataclass(frozen=True)
class Anggota:
    id: str
    nama: str
    peran: str
    unsur: str | None
    pegawai_id: str | None
    menilai: bool
    kunci_tanda: str | None


@dataclass(frozen=True)
class SeleksiInfo:
    id: str
    judul: str
    jabatan_id: str | None
    nama_jabatan: str
    jenis: str
    status: str
    syarat: Syarat
    tanggal_acuan: date
    aturan_seri: str
    min_pelamar: int
    kuorum_catatan: str | None
    kuorum_oleh: str | None
    tahap: tuple[Tahap, ...]
    panitia: tuple[Anggota, ...]

    @property
    def ketua(self) -> Anggota:
        return next(a for a in self.panitia if a.peran == "KETUA")

    def anggota(self, ref: str) -> Anggota:
        """A committee member by id or name (case-insensitive). NotFoundError."""
        key = " ".join(ref.split()).casefold()
        for a in self.panitia:
            if a.id == ref or a.nama.casefold() == key:
                return a
        raise NotFoundError(
            tr("Anggota panitia '{r}' tidak ada dalam seleksi {j}.", r=ref, j=self.judul)
        )

    def tahap_by_id(self, tahap_id: str) -> Tahap:
        return next(t for t in self.tahap if t.id == tahap_id)


def find_seleksi(conn: sqlite3.Connection, ref: str) -> str:
    """A selection id from its id, an id prefix (>= 4) or its exact title. NotFoundError."""
    rows = conn.execute(
        "SELECT id FROM seleksi WHERE deleted = 0 AND (id = ? OR (length(?) >= 4 AND id LIKE ?) "
        "OR lower(judul) = lower(?))",
        (ref, ref, ref + "%", ref),
    ).fetchall()
    if len(rows) != 1:
        raise NotFoundError(tr("Seleksi '{r}' tidak ditemukan.", r=ref))
    return str(rows[0][0])


def get_seleksi(conn: sqlite3.Connection, seleksi_id: str) -> SeleksiInfo:
    row = conn.execute(
        "SELECT * FROM seleksi WHERE id = ? AND deleted = 0", (seleksi_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Seleksi {id} tidak ditemukan.", id=seleksi_id))
    r = dict(row)
    kriteria: dict[str, list[Kriteria]] = {}
    for k in conn.execute(
        "SELECT id, tahap_id, urutan, nama, skala_min, skala_maks FROM seleksi_kriteria "
        "WHERE seleksi_id = ? AND deleted = 0 ORDER BY urutan, id",
        (seleksi_id,),
    ):
        kriteria.setdefault(k[1], []).append(
            Kriteria(k[0], k[1], int(k[2]), k[3], Decimal(k[4]), Decimal(k[5]))
        )
    tahap = tuple(
        Tahap(
            t[0],
            int(t[1]),
            t[2],
            Decimal(t[3]),
            bool(t[4]),
            date.fromisoformat(t[5]) if t[5] else None,
            tuple(kriteria.get(t[0], ())),
        )
        for t in conn.execute(
            "SELECT id, urutan, nama, bobot, dilaksanakan, tanggal FROM seleksi_tahap "
            "WHERE seleksi_id = ? AND deleted = 0 ORDER BY urutan, id",
            (seleksi_id,),
        )
    )
    urut_peran = {"KETUA": 0, "SEKRETARIS": 1, "ANGGOTA": 2}
    panitia = sorted(
        (
            Anggota(p[0], p[1], p[2], p[3], p[4], bool(p[5]), p[6])
            for p in conn.execute(
                "SELECT id, nama, peran, unsur, pegawai_id, menilai, kunci_tanda "
                "FROM seleksi_panitia WHERE seleksi_id = ? AND deleted = 0",
                (seleksi_id,),
            )
        ),
        key=lambda a: (urut_peran.get(a.peran, 3), a.nama.casefold()),
    )
    return SeleksiInfo(
        id=r["id"],
        judul=r["judul"],
        jabatan_id=r["jabatan_id"],
        nama_jabatan=r["nama_jabatan"],
        jenis=r["jenis"],
        status=r["status"],
        syarat=Syarat(
            r["syarat_golongan_min"],
            r["syarat_pendidikan_min"],
            r["syarat_tahun_jabatan"],
            r["syarat_tahun_pangkat"],
            r["syarat_usia_maks"],
            bool(r["syarat_predikat_baik"]),
            bool(r["syarat_bebas_hukdis"]),
        ),
        tanggal_acuan=date.fromisoformat(r["tanggal_acuan"]),
        aturan_seri=r["aturan_seri"],
        min_pelamar=int(r["min_pelamar"]),
        kuorum_catatan=r["kuorum_catatan"],
        kuorum_oleh=r["kuorum_oleh"],
        tahap=tahap,
        panitia=tuple(panitia),
    )


@dataclass(frozen=True)
class SeleksiBaris:
    id: str
    judul: str
    nama_jabatan: str
    jenis: str
    status: str
    pelamar: int


def list_seleksi(conn: sqlite3.Connection) -> list[SeleksiBaris]:
    return [
        SeleksiBaris(r[0], r[1], r[2], r[3], r[4], int(r[5]))
        for r in conn.execute(
            "SELECT s.id, s.judul, s.nama_jabatan, s.jenis, s.status, "
            "(SELECT count(*) FROM seleksi_pelamar p WHERE p.seleksi_id = s.id AND p.deleted = 0)"
            " FROM seleksi s WHERE s.deleted = 0 ORDER BY s.dibuat DESC, s.judul"
        )
    ]
