"""Selection for leadership posts: set-up, applicants, screening, committee and ranking.

Seleksi terbuka JPT and the selection for administrator and pengawas posts (asn-rules 6.1,
6.2). The committee scores on their own installations (sealed sheets:
:mod:`app.models.seleksi.lembar`);
this module holds the set-up and the arithmetic.

Ranking rules (all arithmetic in :class:`~decimal.Decimal`, never floats):

* A criterion score ``x`` on its own scale ``min..max`` counts as ``(x - min) / (max - min) *
  100`` (0 at the bottom of the scale, 100 at the top).
* A member's score of a candidate in a stage is the mean of the criteria of that stage.
* A candidate's stage score is the mean over the members who scored that candidate (members
  with a declared conflict of interest and members whose sheet is missing do not count; the
  mean is over those who did score, so uneven numbers of members are fine).
* The total uses only the stages that apply: a stage not held (``dilaksanakan = 0``), with weight
  0, or with no score for the candidate is left out, and the weights of the remaining stages are
  renormalised: ``total = sum(w_s * score_s) / sum(w_s)``. It never divides by a stage that was
  not held, and it stays within 0..100.
* Totals are compared as shown, rounded to two decimals (ROUND_HALF_UP); equal shown totals are
  ties, broken by the selection's rule (:data:`ATURAN_SERI`) and finally by the earlier
  registration number.
* A missing sealed sheet (a scoring member without a sheet for a held stage) blocks the final
  ranking, naming the member and the stage, until the chair's note that the quorum is enough is
  recorded (:func:`catat_kuorum`).
* The ranking proposes the top three to the appointing official (PPK).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.i18n import tanggal, tr
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import Referensi, natural_id
from app.models.rekap.common import kop
from app.models.rules import derivations as d
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

SERATUS = Decimal(100)
DUA_DESIMAL = Decimal("0.01")
USULAN = 3  # the three best go to the PPK (asn-rules 6.1)


# -- decimals ---------------------------------------------------------------------------------


def desimal(value: object, field_name: str, baris: str = "") -> Decimal:
    """A decimal from user input ("12,5" and "12.5" both accepted). Raises ValidationError."""
    text = str(value).strip().replace(",", ".") if value is not None else ""
    try:
        result = Decimal(text)
    except InvalidOperation:
        result = Decimal("NaN")
    if not text or not result.is_finite():
        where = f"{baris}: " if baris else ""
        raise ValidationError(
            tr("{where}{field}: '{v}' bukan angka.", where=where, field=field_name, v=value or ""),
            field=field_name,
        )
    return result


def teks_desimal(value: Decimal) -> str:
    """Canonical text of a decimal for storage ("12.5", "100", "0.25")."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def bulat(value: Decimal) -> Decimal:
    return value.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def skala_100(nilai: Decimal, minimum: Decimal, maksimum: Decimal) -> Decimal:
    """A criterion score on its own scale, scaled to 0..100."""
    return (nilai - minimum) / (maksimum - minimum) * SERATUS


def rata(values: Sequence[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / Decimal(len(values))


def total_berbobot(skor: Mapping[str, Decimal], bobot: Mapping[str, Decimal]) -> Decimal | None:
    """The weighted total over the stages that have a score and a positive weight, weights
    renormalised over those stages; None when no stage applies."""
    used = [s for s in skor if bobot.get(s, Decimal(0)) > 0]
    denom = sum((bobot[s] for s in used), Decimal(0))
    if not used or denom == 0:
        return None
    return sum((bobot[s] * skor[s] for s in used), Decimal(0)) / denom


# -- set-up -------------------------------------------------------------------------------------


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


def periksa_tahap(tahap: Sequence[TahapBaru]) -> list[tuple[TahapBaru, Decimal, list[Any]]]:
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


def periksa_panitia(panitia: Sequence[PanitiaBaru]) -> None:
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


def buat_seleksi(
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
    checked = periksa_tahap(tahap)
    periksa_panitia(panitia)
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


def ubah_syarat(db: Database, seleksi_id: str, syarat: Syarat, *, actor: str) -> None:
    """Change the requirements (screening is recomputed whenever it is read)."""
    info = get_seleksi(db.conn, seleksi_id)
    row = _syarat_row(db.conn, syarat)
    with Store(db).write(
        tr("Mengubah syarat seleksi {j}", j=info.judul), actor=actor, izin="seleksi.kelola"
    ) as tx:
        tx.update("seleksi", seleksi_id, row)


def atur_tahap(db: Database, tahap_id: str, *, dilaksanakan: bool, actor: str) -> None:
    """Mark a stage as held or not held (a stage not held is left out of the total)."""
    row = db.conn.execute(
        "SELECT nama FROM seleksi_tahap WHERE id = ? AND deleted = 0", (tahap_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Tahap {id} tidak ditemukan.", id=tahap_id))
    with Store(db).write(
        tr("Mengubah pelaksanaan tahap {n}", n=row[0]), actor=actor, izin="seleksi.kelola"
    ) as tx:
        tx.update("seleksi_tahap", tahap_id, {"dilaksanakan": int(dilaksanakan)})


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


def daftar_seleksi(conn: sqlite3.Connection) -> list[SeleksiBaris]:
    return [
        SeleksiBaris(r[0], r[1], r[2], r[3], r[4], int(r[5]))
        for r in conn.execute(
            "SELECT s.id, s.judul, s.nama_jabatan, s.jenis, s.status, "
            "(SELECT count(*) FROM seleksi_pelamar p WHERE p.seleksi_id = s.id AND p.deleted = 0)"
            " FROM seleksi s WHERE s.deleted = 0 ORDER BY s.dibuat DESC, s.judul"
        )
    ]


# -- applicants and screening -------------------------------------------------------------------


@dataclass(frozen=True)
class PelamarEksternal:
    """An applicant from outside the registry, entered by hand."""

    nama: str
    nip: str | None = None
    instansi_asal: str | None = None
    golongan_kode: str | None = None
    pendidikan_kode: str | None = None
    tanggal_lahir: date | None = None
    tmt_jabatan: date | None = None
    tmt_golongan: date | None = None
    predikat_1: str | None = None  # last year
    predikat_2: str | None = None  # the year before
    hukdis_berlaku: bool = False


def _next_nomor(conn: sqlite3.Connection, seleksi_id: str) -> int:
    row = conn.execute(
        "SELECT coalesce(max(nomor), 0) FROM seleksi_pelamar WHERE seleksi_id = ?", (seleksi_id,)
    ).fetchone()
    return int(row[0]) + 1


def tambah_pelamar_internal(db: Database, seleksi_id: str, pegawai_id: str, *, actor: str) -> str:
    """Register an employee from the registry. Returns the applicant id."""
    conn = db.conn
    info = get_seleksi(conn, seleksi_id)
    row = conn.execute(
        "SELECT nama_lengkap, nip FROM pegawai_ringkas WHERE pegawai_id = ? AND deleted = 0",
        (pegawai_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pegawai {id} tidak ditemukan.", id=pegawai_id))
    dup = conn.execute(
        "SELECT 1 FROM seleksi_pelamar WHERE seleksi_id = ? AND pegawai_id = ? AND deleted = 0",
        (seleksi_id, pegawai_id),
    ).fetchone()
    if dup:
        raise ValidationError(
            tr("{n} sudah terdaftar dalam seleksi {j}.", n=row[0], j=info.judul), field="pegawai"
        )
    with Store(db).write(
        tr("Mendaftarkan pelamar {n}", n=row[0]), actor=actor, izin="seleksi.kelola"
    ) as tx:
        return tx.insert(
            "seleksi_pelamar",
            {
                "seleksi_id": seleksi_id,
                "nomor": _next_nomor(conn, seleksi_id),
                "pegawai_id": pegawai_id,
                "nama": row[0],
                "nip": row[1],
            },
        )


def tambah_pelamar_eksternal(
    db: Database, seleksi_id: str, data: PelamarEksternal, *, actor: str
) -> str:
    """Register an applicant from outside the registry. Returns the applicant id."""
    conn = db.conn
    get_seleksi(conn, seleksi_id)
    nama = " ".join(data.nama.split())
    if not nama:
        raise ValidationError(tr("Nama pelamar wajib diisi."), field="nama")
    ref = Referensi.load(conn)
    if data.golongan_kode and data.golongan_kode not in ref.golongan:
        raise ValidationError(
            tr("Pelamar {n}: golongan '{g}' tidak dikenal.", n=nama, g=data.golongan_kode),
            field="golongan_kode",
        )
    if data.pendidikan_kode and data.pendidikan_kode not in ref.pendidikan:
        raise ValidationError(
            tr("Pelamar {n}: pendidikan '{p}' tidak dikenal.", n=nama, p=data.pendidikan_kode),
            field="pendidikan_kode",
        )
    predikat = ref.table("ref_predikat")
    for name, value in (("predikat_1", data.predikat_1), ("predikat_2", data.predikat_2)):
        if value and value not in predikat:
            raise ValidationError(
                tr("Pelamar {n}: predikat '{p}' tidak dikenal.", n=nama, p=value), field=name
            )

    def iso(v: date | None) -> str | None:
        return v.isoformat() if v else None

    with Store(db).write(
        tr("Mendaftarkan pelamar {n}", n=nama), actor=actor, izin="seleksi.kelola"
    ) as tx:
        return tx.insert(
            "seleksi_pelamar",
            {
                "seleksi_id": seleksi_id,
                "nomor": _next_nomor(conn, seleksi_id),
                "pegawai_id": None,
                "nama": nama,
                "nip": data.nip,
                "instansi_asal": data.instansi_asal,
                "golongan_kode": data.golongan_kode,
                "pendidikan_kode": data.pendidikan_kode,
                "tanggal_lahir": iso(data.tanggal_lahir),
                "tmt_jabatan": iso(data.tmt_jabatan),
                "tmt_golongan": iso(data.tmt_golongan),
                "predikat_1": data.predikat_1,
                "predikat_2": data.predikat_2,
                "hukdis_berlaku": int(data.hukdis_berlaku),
            },
        )


@dataclass(frozen=True)
class HasilSyarat:
    kode: str  # golongan, pendidikan, masa_jabatan, masa_pangkat, usia, predikat, hukdis
    nama: str
    lulus: bool
    alasan: str


@dataclass(frozen=True)
class Pelamar:
    id: str
    nomor: int
    nama: str
    nip: str | None
    pegawai_id: str | None
    instansi_asal: str | None
    syarat: tuple[HasilSyarat, ...]
    lulus_syarat: bool  # what the requirements say
    override_lulus: bool | None
    override_alasan: str | None
    override_oleh: str | None

    @property
    def eksternal(self) -> bool:
        return self.pegawai_id is None

    @property
    def lulus(self) -> bool:
        """Passes the administrative screening (the secretariat's override wins)."""
        return self.override_lulus if self.override_lulus is not None else self.lulus_syarat

    @property
    def alasan_gagal(self) -> list[str]:
        return [h.alasan for h in self.syarat if not h.lulus]


def _data_pelamar(conn: sqlite3.Connection, row: Mapping[str, Any], on: date) -> dict[str, Any]:
    """The facts screened: from the registry (internal) or as entered (external)."""
    if row["pegawai_id"] is None:
        return {
            "golongan": row["golongan_kode"],
            "pendidikan": row["pendidikan_kode"],
            "lahir": row["tanggal_lahir"],
            "tmt_jabatan": row["tmt_jabatan"],
            "tmt_golongan": row["tmt_golongan"],
            "predikat": {on.year - 1: row["predikat_1"], on.year - 2: row["predikat_2"]},
            "hukdis": bool(row["hukdis_berlaku"]),
        }
    pid = row["pegawai_id"]
    r = conn.execute(
        "SELECT golongan_kode, pendidikan_kode, tanggal_lahir, tmt_jabatan, tmt_golongan "
        "FROM pegawai_ringkas WHERE pegawai_id = ?",
        (pid,),
    ).fetchone()
    predikat = {
        int(t): k
        for t, k in conn.execute(
            "SELECT tahun, predikat_kode FROM riwayat_skp WHERE pegawai_id = ? AND deleted = 0 "
            "AND tahun IN (?, ?)",
            (pid, on.year - 1, on.year - 2),
        )
    }
    hukdis = conn.execute(
        "SELECT 1 FROM riwayat_hukdis WHERE pegawai_id = ? AND deleted = 0 AND tmt_mulai <= ? "
        "AND (tmt_selesai IS NULL OR tmt_selesai >= ?)",
        (pid, on.isoformat(), on.isoformat()),
    ).fetchone()
    return {
        "golongan": r[0] if r else None,
        "pendidikan": r[1] if r else None,
        "lahir": r[2] if r else None,
        "tmt_jabatan": r[3] if r else None,
        "tmt_golongan": r[4] if r else None,
        "predikat": {
            on.year - 1: predikat.get(on.year - 1),
            on.year - 2: predikat.get(on.year - 2),
        },
        "hukdis": hukdis is not None,
    }


def saring(ref: Referensi, syarat: Syarat, data: Mapping[str, Any], on: date) -> list[HasilSyarat]:
    """Run the requirements on one applicant's facts (pure). Missing data fails, saying so."""
    out: list[HasilSyarat] = []

    def add(kode: str, nama: str, lulus: bool, alasan: str) -> None:
        out.append(HasilSyarat(kode, nama, lulus, alasan))

    if syarat.golongan_min:
        gol = data.get("golongan")
        need = ref.golongan_urutan(syarat.golongan_min) or 0
        have = ref.golongan_urutan(gol)
        nama = tr("Golongan paling rendah {g}", g=syarat.golongan_min)
        if have is None:
            add("golongan", nama, False, tr("Golongan belum tercatat"))
        else:
            ok = have >= need
            add(
                "golongan",
                nama,
                ok,
                tr("Golongan {g}", g=gol)
                if ok
                else tr("Golongan {g} di bawah {m}", g=gol, m=syarat.golongan_min),
            )
    if syarat.pendidikan_min:
        pend = data.get("pendidikan")
        nama = tr(
            "Pendidikan paling rendah {p}", p=ref.label("ref_pendidikan", syarat.pendidikan_min)
        )
        if not pend or pend not in ref.pendidikan:
            add("pendidikan", nama, False, tr("Pendidikan belum tercatat"))
        else:
            ok = ref.pendidikan_urutan(pend) >= ref.pendidikan_urutan(syarat.pendidikan_min)
            label = ref.label("ref_pendidikan", pend)
            add(
                "pendidikan",
                nama,
                ok,
                tr("Pendidikan {p}", p=label)
                if ok
                else tr("Pendidikan {p} di bawah syarat", p=label),
            )
    for kode, key, years, nama_fmt in (
        (
            "masa_jabatan",
            "tmt_jabatan",
            syarat.tahun_jabatan,
            "Paling sedikit {n} tahun dalam jabatan",
        ),
        (
            "masa_pangkat",
            "tmt_golongan",
            syarat.tahun_pangkat,
            "Paling sedikit {n} tahun dalam pangkat",
        ),
    ):
        if not years:
            continue
        nama = tr(nama_fmt, n=years)
        tmt = data.get(key)
        if not tmt:
            add(kode, nama, False, tr("TMT belum tercatat"))
            continue
        th, bl = d.masa_kerja(date.fromisoformat(str(tmt)), on)
        ok = th >= years
        add(kode, nama, ok, tr("{t} tahun {b} bulan", t=th, b=bl) + ("" if ok else tr(" (kurang)")))
    if syarat.usia_maks:
        nama = tr("Usia paling tinggi {n} tahun", n=syarat.usia_maks)
        lahir = data.get("lahir")
        if not lahir:
            add("usia", nama, False, tr("Tanggal lahir belum tercatat"))
        else:
            umur = d.usia(date.fromisoformat(str(lahir)), on)
            ok = umur <= syarat.usia_maks
            add("usia", nama, ok, tr("Usia {u} tahun", u=umur) + ("" if ok else tr(" (melebihi)")))
    if syarat.predikat_baik:
        predikat = ref.table("ref_predikat")
        baik = int(predikat["BAIK"]["urutan"]) if "BAIK" in predikat else 2
        nama = tr("Predikat kinerja paling rendah Baik dua tahun terakhir")
        alasan: list[str] = []
        ok = True
        for tahun, kode in sorted(dict(data.get("predikat") or {}).items(), reverse=True):
            if not kode:
                alasan.append(tr("{t}: belum tercatat", t=tahun))
                ok = False
            else:
                row = predikat.get(kode)
                if row is None or int(row["urutan"]) > baik:
                    ok = False
                alasan.append(f"{tahun}: {ref.label('ref_predikat', kode)}")
        add("predikat", nama, ok, "; ".join(alasan))
    if syarat.bebas_hukdis:
        nama = tr("Tidak sedang menjalani hukuman disiplin")
        kena = bool(data.get("hukdis"))
        add(
            "hukdis",
            nama,
            not kena,
            tr("Sedang menjalani hukuman disiplin") if kena else tr("Tidak ada hukuman berlaku"),
        )
    return out


def daftar_pelamar(conn: sqlite3.Connection, seleksi_id: str) -> list[Pelamar]:
    """The applicants with their screening results, in registration order."""
    info = get_seleksi(conn, seleksi_id)
    ref = Referensi.load(conn)
    cur = conn.execute(
        "SELECT * FROM seleksi_pelamar WHERE seleksi_id = ? AND deleted = 0 ORDER BY nomor",
        (seleksi_id,),
    )
    cols = [c[0] for c in cur.description]
    out = []
    for raw in cur.fetchall():
        row = dict(zip(cols, raw, strict=True))
        hasil = saring(
            ref, info.syarat, _data_pelamar(conn, row, info.tanggal_acuan), info.tanggal_acuan
        )
        out.append(
            Pelamar(
                id=row["id"],
                nomor=int(row["nomor"]),
                nama=row["nama"],
                nip=row["nip"],
                pegawai_id=row["pegawai_id"],
                instansi_asal=row["instansi_asal"],
                syarat=tuple(hasil),
                lulus_syarat=all(h.lulus for h in hasil),
                override_lulus=None
                if row["override_lulus"] is None
                else bool(row["override_lulus"]),
                override_alasan=row["override_alasan"],
                override_oleh=row["override_oleh"],
            )
        )
    return out


def kandidat(conn: sqlite3.Connection, seleksi_id: str) -> list[Pelamar]:
    """The applicants who passed the administrative screening (or were let through)."""
    return [p for p in daftar_pelamar(conn, seleksi_id) if p.lulus]


def putuskan_pelamar(
    db: Database, pelamar_id: str, lulus: bool | None, alasan: str, *, actor: str
) -> None:
    """The secretariat's override of the screening, with its reason (None: back to the rules)."""
    alasan = " ".join(alasan.split())
    if lulus is not None and len(alasan) < 5:
        raise ValidationError(
            tr("Alasan keputusan sekretariat wajib diisi (paling sedikit 5 huruf)."),
            field="alasan",
        )
    row = db.conn.execute(
        "SELECT nama FROM seleksi_pelamar WHERE id = ? AND deleted = 0", (pelamar_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pelamar {id} tidak ditemukan.", id=pelamar_id))
    with Store(db).write(
        tr("Keputusan seleksi administrasi {n}", n=row[0]),
        actor=actor,
        izin="seleksi.kelola",
        keterangan=alasan or None,
    ) as tx:
        tx.update(
            "seleksi_pelamar",
            pelamar_id,
            {
                "override_lulus": None if lulus is None else int(lulus),
                "override_alasan": alasan if lulus is not None else None,
                "override_oleh": str(actor) if lulus is not None else None,
                "override_waktu": utc_now() if lulus is not None else None,
            },
        )


# -- conflicts of interest ----------------------------------------------------------------------


def konflik_id(seleksi_id: str, anggota_id: str, pelamar_id: str) -> str:
    return natural_id("konflik", seleksi_id, anggota_id, pelamar_id)


def nyatakan_konflik(
    db: Database, seleksi_id: str, anggota_id: str, pelamar_id: str, alasan: str, *, actor: str
) -> None:
    """A member declares a conflict of interest with a candidate (cannot score them)."""
    info = get_seleksi(db.conn, seleksi_id)
    anggota = info.anggota(anggota_id)
    alasan = " ".join(alasan.split())
    if not alasan:
        raise ValidationError(tr("Alasan konflik kepentingan wajib diisi."), field="alasan")
    nama = _nama_pelamar(db.conn, seleksi_id, pelamar_id)
    kid = konflik_id(seleksi_id, anggota.id, pelamar_id)
    with Store(db).write(
        tr("Konflik kepentingan {a} dengan {p}", a=anggota.nama, p=nama),
        actor=actor,
        izin="seleksi.kelola",
    ) as tx:
        exists = db.conn.execute("SELECT 1 FROM seleksi_konflik WHERE id = ?", (kid,)).fetchone()
        if exists:
            tx.update("seleksi_konflik", kid, {"alasan": alasan, "deleted": 0})
        else:
            tx.insert(
                "seleksi_konflik",
                {
                    "id": kid,
                    "seleksi_id": seleksi_id,
                    "anggota_id": anggota.id,
                    "pelamar_id": pelamar_id,
                    "alasan": alasan,
                },
            )


def konflik(conn: sqlite3.Connection, seleksi_id: str) -> set[tuple[str, str]]:
    """(anggota_id, pelamar_id) pairs with a declared conflict."""
    return {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT anggota_id, pelamar_id FROM seleksi_konflik WHERE seleksi_id = ? "
            "AND deleted = 0",
            (seleksi_id,),
        )
    }


def _nama_pelamar(conn: sqlite3.Connection, seleksi_id: str, pelamar_id: str) -> str:
    row = conn.execute(
        "SELECT nama FROM seleksi_pelamar WHERE id = ? AND seleksi_id = ? AND deleted = 0",
        (pelamar_id, seleksi_id),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pelamar {id} tidak ditemukan.", id=pelamar_id))
    return str(row[0])


# -- quorum -------------------------------------------------------------------------------------


def catat_kuorum(db: Database, seleksi_id: str, catatan: str, *, actor: str) -> None:
    """Record the chair's note that the sealed sheets in hand are enough (missing sheets no
    longer block the final ranking). The note names the chair; empty text withdraws it."""
    info = get_seleksi(db.conn, seleksi_id)
    catatan = " ".join(catatan.split())
    with Store(db).write(
        tr("Catatan kuorum ketua panitia seleksi {j}", j=info.judul),
        actor=actor,
        izin="seleksi.kelola",
    ) as tx:
        tx.update(
            "seleksi",
            seleksi_id,
            {
                "kuorum_catatan": catatan or None,
                "kuorum_oleh": info.ketua.nama if catatan else None,
                "kuorum_waktu": utc_now() if catatan else None,
            },
        )


# -- ranking ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LembarKurang:
    anggota_id: str
    anggota: str
    tahap_id: str
    tahap: str

    def teks(self) -> str:
        return tr("{a} (tahap {t})", a=self.anggota, t=self.tahap)


class LembarBelumLengkap(ValidationError):
    """The final ranking is refused while a required sealed sheet is missing."""

    def __init__(self, kurang: Sequence[LembarKurang]) -> None:
        super().__init__(
            tr(
                "Peringkat akhir belum dapat disusun: lembar nilai tersegel belum masuk dari "
                "{daftar}. Masukkan lembarnya, atau ketua panitia mencatat bahwa kuorum sudah "
                "cukup.",
                daftar="; ".join(k.teks() for k in kurang),
            ),
            field="lembar",
        )
        self.kurang = list(kurang)


@dataclass(frozen=True)
class BarisPeringkat:
    peringkat: int
    pelamar_id: str
    nomor: int
    nama: str
    nip: str | None
    nilai_tahap: dict[str, Decimal | None]  # tahap_id -> stage score (0..100) or None
    penilai_tahap: dict[str, int]  # tahap_id -> how many members scored
    total: Decimal | None  # exact
    catatan: tuple[str, ...]

    @property
    def total_tampil(self) -> Decimal | None:
        return bulat(self.total) if self.total is not None else None


@dataclass(frozen=True)
class Peringkat:
    seleksi: SeleksiInfo
    baris: list[BarisPeringkat]
    bobot_efektif: dict[str, Decimal]  # tahap_id -> renormalised weight (percent) of held stages
    kurang: list[LembarKurang]
    final: bool  # no missing sheet, or the chair's quorum note
    aturan_seri: str

    @property
    def usulan(self) -> list[BarisPeringkat]:
        """The top three (proposed to the PPK); empty while not final."""
        if not self.final:
            return []
        return [b for b in self.baris if b.total is not None][:USULAN]


def lembar_kurang(conn: sqlite3.Connection, info: SeleksiInfo) -> list[LembarKurang]:
    """Scoring members without a sealed sheet for a held, scored stage."""
    have = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT anggota_id, tahap_id FROM seleksi_lembar WHERE seleksi_id = ? AND deleted = 0",
            (info.id,),
        )
    }
    return [
        LembarKurang(a.id, a.nama, t.id, t.nama)
        for t in info.tahap
        if t.dinilai and t.bobot > 0
        for a in info.panitia
        if a.menilai and (a.id, t.id) not in have
    ]


def _kunci_seri(aturan: str, tahap: Sequence[Tahap], bobot: Mapping[str, Decimal]) -> list[str]:
    """Stage ids in the order they break ties."""
    held = [t for t in tahap if t.dinilai and bobot.get(t.id, Decimal(0)) > 0]
    if aturan == "bobot":
        return [t.id for t in sorted(held, key=lambda t: (-bobot[t.id], t.urutan))]
    if aturan == "tahap_akhir":
        return [t.id for t in sorted(held, key=lambda t: -t.urutan)]
    return []


def susun_peringkat(
    info: SeleksiInfo,
    pelamar: Sequence[Pelamar],
    nilai: Mapping[tuple[str, str, str], Decimal],
    lembar: set[tuple[str, str]],
    konflik_set: set[tuple[str, str]],
    kurang: Sequence[LembarKurang],
) -> Peringkat:
    """The ranking from the scores (pure).

    ``nilai``: (anggota_id, pelamar_id, kriteria_id) -> score on the criterion's scale, from
    sealed sheets; ``lembar``: (anggota_id, tahap_id) of the sealed sheets in hand.
    """
    bobot = {t.id: t.bobot for t in info.tahap if t.dinilai and t.bobot > 0}
    held_total = sum(bobot.values(), Decimal(0))
    efektif = {k: v / held_total * SERATUS for k, v in bobot.items()} if held_total else {}
    rows: list[BarisPeringkat] = []
    for p in pelamar:
        per_tahap: dict[str, Decimal | None] = {}
        jumlah: dict[str, int] = {}
        notes: list[str] = []
        for t in info.tahap:
            if not t.dinilai:
                continue
            scores = []
            for a in info.panitia:
                if not a.menilai or (a.id, t.id) not in lembar or (a.id, p.id) in konflik_set:
                    continue
                vals = [nilai.get((a.id, p.id, k.id)) for k in t.kriteria]
                if any(v is None for v in vals):
                    continue
                scores.append(
                    rata(
                        [
                            skala_100(v, k.skala_min, k.skala_maks)
                            for v, k in zip(vals, t.kriteria, strict=True)
                            if v is not None
                        ]
                    )
                )
            jumlah[t.id] = len(scores)
            per_tahap[t.id] = rata(scores) if scores else None
            if not scores and t.id in bobot:
                notes.append(tr("Belum ada nilai tahap {t}", t=t.nama))
        skor = {k: v for k, v in per_tahap.items() if v is not None}
        rows.append(
            BarisPeringkat(
                0,
                p.id,
                p.nomor,
                p.nama,
                p.nip,
                per_tahap,
                jumlah,
                total_berbobot(skor, bobot),
                tuple(notes),
            )
        )
    urutan_seri = _kunci_seri(info.aturan_seri, info.tahap, bobot)

    def key(b: BarisPeringkat) -> tuple[Any, ...]:
        shown = b.total_tampil
        return (
            shown is None,
            -(shown or Decimal(0)),
            *(-(b.nilai_tahap.get(t) or Decimal(-1)) for t in urutan_seri),
            b.nomor,
        )

    rows.sort(key=key)
    ranked = [
        BarisPeringkat(
            i if b.total is not None else 0,
            b.pelamar_id,
            b.nomor,
            b.nama,
            b.nip,
            b.nilai_tahap,
            b.penilai_tahap,
            b.total,
            b.catatan,
        )
        for i, b in enumerate(rows, start=1)
    ]
    final = not kurang or bool(info.kuorum_catatan)
    return Peringkat(info, ranked, efektif, list(kurang), final, info.aturan_seri)


def nilai_tersegel(
    conn: sqlite3.Connection, seleksi_id: str
) -> dict[tuple[str, str, str], Decimal]:
    return {
        (r[0], r[1], r[2]): Decimal(r[3])
        for r in conn.execute(
            "SELECT n.anggota_id, n.pelamar_id, n.kriteria_id, n.nilai FROM seleksi_nilai n "
            "JOIN seleksi_kriteria k ON k.id = n.kriteria_id "
            "JOIN seleksi_lembar l ON l.seleksi_id = n.seleksi_id "
            " AND l.anggota_id = n.anggota_id AND l.tahap_id = k.tahap_id AND l.deleted = 0 "
            "WHERE n.seleksi_id = ? AND n.deleted = 0",
            (seleksi_id,),
        )
    }


def peringkat(conn: sqlite3.Connection, seleksi_id: str, *, sementara: bool = False) -> Peringkat:
    """The ranking of a selection. Refuses (:class:`LembarBelumLengkap`, naming the missing
    sheets) while a required sheet is missing and the chair has not recorded that the quorum
    is enough, unless ``sementara`` (a provisional view, marked not final)."""
    info = get_seleksi(conn, seleksi_id)
    kurang = lembar_kurang(conn, info)
    if kurang and not info.kuorum_catatan and not sementara:
        raise LembarBelumLengkap(kurang)
    lembar = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT anggota_id, tahap_id FROM seleksi_lembar WHERE seleksi_id = ? AND deleted = 0",
            (seleksi_id,),
        )
    }
    return susun_peringkat(
        info,
        kandidat(conn, seleksi_id),
        nilai_tersegel(conn, seleksi_id),
        lembar,
        konflik(conn, seleksi_id),
        kurang,
    )


def peringkat_json(hasil: Peringkat) -> dict[str, Any]:
    info = hasil.seleksi
    tahap = {t.id: t for t in info.tahap}

    def num(v: Decimal | None) -> str | None:
        return teks_desimal(bulat(v)) if v is not None else None

    return {
        "seleksi_id": info.id,
        "judul": info.judul,
        "jabatan": info.nama_jabatan,
        "final": hasil.final,
        "aturan_seri": hasil.aturan_seri,
        "aturan_seri_uraian": tr(ATURAN_SERI.get(hasil.aturan_seri, "")),
        "kuorum_catatan": info.kuorum_catatan,
        "lembar_kurang": [{"anggota": k.anggota, "tahap": k.tahap} for k in hasil.kurang],
        "bobot_efektif": {tahap[k].nama: num(v) for k, v in hasil.bobot_efektif.items()},
        "peringkat": [
            {
                "peringkat": b.peringkat,
                "nomor": b.nomor,
                "nama": b.nama,
                "nip": b.nip,
                "total": num(b.total),
                "nilai_tahap": {tahap[k].nama: num(v) for k, v in b.nilai_tahap.items()},
                "penilai_tahap": {tahap[k].nama: n for k, n in b.penilai_tahap.items()},
                "catatan": list(b.catatan),
            }
            for b in hasil.baris
        ],
        "usulan": [b.nama for b in hasil.usulan],
    }


def pelamar_json(p: Pelamar) -> dict[str, Any]:
    return {
        "id": p.id,
        "nomor": p.nomor,
        "nama": p.nama,
        "nip": p.nip,
        "eksternal": p.eksternal,
        "instansi_asal": p.instansi_asal,
        "lulus": p.lulus,
        "lulus_syarat": p.lulus_syarat,
        "override": p.override_lulus,
        "override_alasan": p.override_alasan,
        "override_oleh": p.override_oleh,
        "syarat": [
            {"kode": h.kode, "syarat": h.nama, "lulus": h.lulus, "alasan": h.alasan}
            for h in p.syarat
        ],
    }


# -- score recap per member and stage (.xlsx) ---------------------------------------------------


@dataclass(frozen=True)
class BarisRekapNilai:
    anggota: str
    nomor: int
    kandidat: str
    nilai: tuple[Decimal | None, ...]  # per criterion of the stage, on its own scale
    skor: Decimal | None  # the member's stage score, 0..100
    konflik: bool


@dataclass(frozen=True)
class RekapTahap:
    tahap: Tahap
    baris: list[BarisRekapNilai]


def rekap_nilai(conn: sqlite3.Connection, seleksi_id: str) -> tuple[Peringkat, list[RekapTahap]]:
    """Every sealed score per member and stage, and the (provisional if need be) ranking."""
    hasil = peringkat(conn, seleksi_id, sementara=True)
    info = hasil.seleksi
    nilai = nilai_tersegel(conn, seleksi_id)
    konflik_set = konflik(conn, seleksi_id)
    calon = kandidat(conn, seleksi_id)
    out = []
    for t in info.tahap:
        if not t.dinilai:
            continue
        rows = []
        for a in info.panitia:
            if not a.menilai:
                continue
            for p in calon:
                vals = tuple(nilai.get((a.id, p.id, k.id)) for k in t.kriteria)
                done = [v for v in vals if v is not None]
                skor = (
                    rata(
                        [
                            skala_100(v, k.skala_min, k.skala_maks)
                            for v, k in zip(vals, t.kriteria, strict=True)
                            if v is not None
                        ]
                    )
                    if len(done) == len(vals)
                    else None
                )
                rows.append(
                    BarisRekapNilai(
                        a.nama, p.nomor, p.nama, vals, skor, (a.id, p.id) in konflik_set
                    )
                )
        out.append(RekapTahap(t, rows))
    return hasil, out


def tulis_rekap_nilai(
    db: Database, seleksi_id: str, path: Path | str, *, actor: str = "sistem"
) -> dict[str, int]:
    """Write the score recap (.xlsx): one sheet per stage, and the ranking."""
    from app.models.access.akses import require
    from app.reports.excel.seleksi import lembar_rekap_nilai

    require(db, actor, "seleksi.baca")
    conn = db.conn
    hasil, tahap = rekap_nilai(conn, seleksi_id)
    counts = lembar_rekap_nilai(path, kop(conn, None, date.today()), hasil, tahap)
    Store(db).record_read(
        tr("Rekap nilai seleksi {j}", j=hasil.seleksi.judul),
        actor=str(actor),
        tabel="seleksi",
        record_id=seleksi_id,
    )
    return counts


# -- documents (berita acara, announcement) -----------------------------------------------------


def _penanda(info: SeleksiInfo) -> list[Any]:
    from app.reports.pdf.seleksi import Penanda

    return [Penanda(a.nama, tr(PERAN_PANITIA[a.peran])) for a in info.panitia]


def dokumen_seleksi(
    conn: sqlite3.Connection,
    seleksi_id: str,
    jenis: str,
    *,
    tahap_id: str | None = None,
    on: date | None = None,
) -> Any:
    """The plain data of a selection document (app/reports/pdf/seleksi.py DokumenSeleksi).

    ``jenis``: ``berita_acara`` (of the stage ``tahap_id``, or of the final ranking) or
    ``pengumuman`` (the announcement of the results). The final documents need the final
    ranking (refused while a sheet is missing without the chair's quorum note); a stage's
    berita acara needs every sheet of that stage.
    """
    from app.models.storage.instansi import get_setting
    from app.reports.pdf.seleksi import DokumenSeleksi

    on = on or date.today()
    instansi = get_setting(conn, "nama_instansi") or tr("Instansi belum diisi")
    tempat = get_setting(conn, "ibu_kota") or "........"
    if jenis not in ("berita_acara", "pengumuman"):
        raise ValidationError(tr("Jenis dokumen '{j}' tidak dikenal.", j=jenis), field="jenis")
    hasil = peringkat(conn, seleksi_id, sementara=tahap_id is not None)
    info = hasil.seleksi
    sub = tr("{j} \u2013 jabatan {p}", j=info.judul, p=info.nama_jabatan)

    def num(v: Decimal | None) -> str:
        return teks_desimal(bulat(v)).replace(".", ",") if v is not None else "\u2013"

    if tahap_id is not None:
        t = next((x for x in info.tahap if x.id == tahap_id), None)
        if t is None:
            raise NotFoundError(tr("Tahap {id} tidak ditemukan.", id=tahap_id))
        kurang = [k for k in hasil.kurang if k.tahap_id == tahap_id]
        if kurang and not info.kuorum_catatan:
            raise LembarBelumLengkap(kurang)
        rows = sorted(
            hasil.baris,
            key=lambda b: (
                b.nilai_tahap.get(t.id) is None,
                -(b.nilai_tahap.get(t.id) or 0),
                b.nomor,
            ),
        )
        return DokumenSeleksi(
            instansi=instansi,
            judul=tr("Berita Acara Penilaian Tahap {t}", t=t.nama),
            subjudul=sub,
            tanggal=on,
            tempat=tempat,
            paragraf=[
                tr(
                    "Pada hari ini, {tgl}, Panitia Seleksi telah melaksanakan penilaian tahap "
                    "{t} terhadap {n} kandidat yang lulus seleksi administrasi, dengan hasil "
                    "sebagai berikut (nilai 0\u2013100, rata-rata anggota panitia yang "
                    "menilai):",
                    tgl=tanggal(on),
                    t=t.nama,
                    n=len(hasil.baris),
                )
            ],
            kolom=[
                tr("No."),
                tr("No. Daftar"),
                tr("Nama Kandidat"),
                tr("Jumlah Penilai"),
                tr("Nilai Tahap"),
            ],
            lebar=[0.6, 1, 4, 1.4, 1.4],
            baris=[
                [
                    str(i),
                    str(b.nomor),
                    b.nama,
                    str(b.penilai_tahap.get(t.id, 0)),
                    num(b.nilai_tahap.get(t.id)),
                ]
                for i, b in enumerate(rows, start=1)
            ],
            penanda=_penanda(info),
        )
    held = [x for x in info.tahap if x.id in hasil.bobot_efektif]
    catatan = [
        tr(
            "Nilai akhir dihitung dari tahap yang dilaksanakan saja: {d}. Nilai sama: {a}.",
            d=", ".join(f"{x.nama} {num(hasil.bobot_efektif[x.id])}%" for x in held),
            a=tr(ATURAN_SERI.get(info.aturan_seri, info.aturan_seri)),
        )
    ]
    if info.kuorum_catatan:
        catatan.append(
            tr("Catatan ketua panitia ({k}): {c}", k=info.kuorum_oleh, c=info.kuorum_catatan)
        )
    usulan = hasil.usulan
    if jenis == "pengumuman":
        return DokumenSeleksi(
            instansi=instansi,
            judul=tr("Pengumuman Hasil Seleksi"),
            subjudul=sub,
            tanggal=on,
            tempat=tempat,
            paragraf=[
                tr(
                    "Berdasarkan hasil seluruh tahapan seleksi, Panitia Seleksi mengumumkan "
                    "{n} kandidat terbaik yang diusulkan kepada Pejabat Pembina Kepegawaian "
                    "untuk dipilih satu orang:",
                    n=len(usulan),
                ),
            ],
            kolom=[tr("Peringkat"), tr("No. Daftar"), tr("Nama")],
            lebar=[1, 1, 5],
            baris=[[str(b.peringkat), str(b.nomor), b.nama] for b in usulan],
            catatan=[
                tr("Keputusan panitia seleksi bersifat final dan tidak dapat diganggu gugat.")
            ],
            penanda=[p for p in _penanda(info) if p.peran == tr("Ketua")],
        )
    return DokumenSeleksi(
        instansi=instansi,
        judul=tr("Berita Acara Penetapan Peringkat Akhir"),
        subjudul=sub,
        tanggal=on,
        tempat=tempat,
        paragraf=[
            tr(
                "Pada hari ini, {tgl}, Panitia Seleksi menetapkan peringkat akhir dari lembar "
                "nilai tersegel seluruh anggota penilai sebagai berikut, dan mengusulkan tiga "
                "kandidat terbaik kepada Pejabat Pembina Kepegawaian: {u}.",
                tgl=tanggal(on),
                u=", ".join(b.nama for b in usulan) or "\u2013",
            )
        ],
        kolom=[tr("Peringkat"), tr("No. Daftar"), tr("Nama")]
        + [x.nama for x in held]
        + [tr("Nilai Akhir")],
        lebar=[1.4, 1, 3.5] + [1.3] * len(held) + [1.3],
        baris=[
            [str(b.peringkat or "\u2013"), str(b.nomor), b.nama]
            + [num(b.nilai_tahap.get(x.id)) for x in held]
            + [num(b.total)]
            for b in hasil.baris
        ],
        catatan=catatan,
        penanda=_penanda(info),
    )


def tulis_dokumen(
    db: Database,
    seleksi_id: str,
    jenis: str,
    path: Path | str,
    *,
    tahap_id: str | None = None,
    on: date | None = None,
    actor: str = "sistem",
) -> int:
    """Write a selection document as PDF (see :func:`dokumen_seleksi`). Returns the pages."""
    from app.models.access.akses import require
    from app.reports.pdf.seleksi import render_dokumen

    require(db, actor, "seleksi.baca")
    dok = dokumen_seleksi(db.conn, seleksi_id, jenis, tahap_id=tahap_id, on=on)
    pages = render_dokumen(dok, Path(path))
    Store(db).record_read(
        tr("Dokumen seleksi: {j}", j=dok.judul),
        actor=str(actor),
        tabel="seleksi",
        record_id=seleksi_id,
    )
    return pages


# -- after the PPK's choice: the SK Pengangkatan dalam Jabatan ----------------------------------


def terbitkan_sk_pengangkatan(
    db: Database,
    seleksi_id: str,
    pelamar_id: str,
    out_dir: Path | str,
    *,
    tanggal: date,
    tmt: date,
    jenis: str = "petikan",
    actor: str = "sistem",
) -> Any:
    """Issue the SK Pengangkatan dalam Jabatan (template SK_JABATAN, through the decree engine:
    numbered, registered, verifiable) for the candidate the PPK chose among the three proposed.
    Returns :class:`app.models.dokumen.core.HasilTerbit`."""
    from app.models.dokumen import core as dk

    conn = db.conn
    hasil = peringkat(conn, seleksi_id)
    info = hasil.seleksi
    chosen = next((b for b in hasil.usulan if b.pelamar_id == pelamar_id), None)
    if chosen is None:
        raise ValidationError(
            tr("Pelamar ini tidak termasuk tiga besar yang diusulkan kepada PPK."), field="pelamar"
        )
    row = conn.execute(
        "SELECT p.nip, p.pegawai_id FROM seleksi_pelamar p WHERE p.id = ?", (pelamar_id,)
    ).fetchone()
    if row is None or row[1] is None:
        raise ValidationError(
            tr(
                "{n} bukan pegawai instansi ini; SK pengangkatannya diterbitkan setelah "
                "datanya masuk ke data pegawai.",
                n=chosen.nama,
            ),
            field="pelamar",
        )
    unit = ""
    if info.jabatan_id:
        u = conn.execute(
            "SELECT u.nama FROM jabatan j JOIN unit_organisasi u ON u.id = j.unit_id "
            "WHERE j.id = ?",
            (info.jabatan_id,),
        ).fetchone()
        unit = str(u[0]) if u else ""
    req = dk.Permintaan(
        templat="SK_JABATAN",
        nips=(str(row[0]),),
        tanggal=tanggal,
        jenis=jenis,  # type: ignore[arg-type]
        nilai={"jabatan_baru": info.nama_jabatan, "unit_baru": unit, "tmt": tmt.isoformat()},
    )
    return dk.issue(db, req, out_dir, actor=actor)
