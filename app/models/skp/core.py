"""SKP: the performance appraisal of PermenPANRB 6/2022 (asn-rules.md section 4), from the plan
to the locked predikat.

The year's SKP of an employee moves through four states::

    draft --ajukan--> diajukan --nilai--> dinilai --tetapkan--> ditetapkan (terkunci)
      ^                  |  ^                 |                     |
      +---kembalikan-----+  +---kembalikan----+                     |
                            dinilai <-------- buka kembali ---------+  (admin, recorded)

* **draft**: the employee's operator (or the employee) writes the plan (rencana hasil kerja with
  indicators and targets, optionally supporting a result of the superior's SKP), the realisation
  and its evidence; the appraiser may add the expected behaviours (BerAKHLAK).
* **diajukan**: submitted; the appraiser rates hasil kerja and perilaku kerja with feedback per
  BerAKHLAK value, having read the peer feedback (rekan kerja) requested from colleagues, or
  returns it for correction.
* **dinilai**: rated; the appraiser's superior approves (ditetapkan) or returns it to the
  appraiser.
* **ditetapkan**: approved and locked; the predikat lands in the employee's SKP history
  (``riwayat_skp``, same natural id as :func:`app.models.pegawai.history.skp_id`) where
  promotion, KGB and the talent box read it. Only the admin can reopen it, with a recorded reason.

Who may act is decided here, not in the screens: :func:`may` (pure: an actor, an SKP, a
transition) says yes or no with the reason in Indonesian; every transition function calls it
inside its write transaction, raises :class:`~app.models.errors.AccessDenied` (wrong person) or
:class:`~app.models.errors.ValidationError` (wrong state) and leaves an audit entry of the
refusal. The rights of the SKP follow the relation of the actor to the SKP (the appraiser *of
this* SKP, the operator *of this employee's unit*), which the role x table check of the write
path cannot express: the writes are therefore made under the actor's name as the trusted local
system once :func:`may` has agreed.

The predikat follows the matrix of asn-rules 4.2 read from ``ref_matriks_predikat``
(:func:`predikat`, reusing :func:`app.models.rules.pegawai.predikat_from_ratings`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from app.i18n import tanggal, tr
from app.models.errors import AccessDenied, NotFoundError, ValidationError
from app.models.organisasi.units import sub_units
from app.models.pegawai.history import upsert_skp
from app.models.reference.loader import Referensi, natural_id
from app.models.rules.pegawai import predikat_from_ratings
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store, Value, WriteTx

# -- states and transitions --------------------------------------------------------------------


class Status(StrEnum):
    DRAFT = "draft"
    DIAJUKAN = "diajukan"
    DINILAI = "dinilai"
    DITETAPKAN = "ditetapkan"

    @property
    def label(self) -> str:
        return status_label(self.value)


BELUM = "belum"  # in lists and progress: an active employee with no SKP for the year


def status_label(status: str | None) -> str:
    return {
        "draft": tr("Draf"),
        "diajukan": tr("Diajukan"),
        "dinilai": tr("Dinilai"),
        "ditetapkan": tr("Ditetapkan"),
        BELUM: tr("Belum ada SKP"),
    }.get(status or BELUM, status or "")


class Transisi(StrEnum):
    """Everything that can be done to an SKP; the state changes and the edits alike."""

    UBAH_RENCANA = "ubah_rencana"
    REALISASI = "realisasi"
    GANTI_PENILAI = "ganti_penilai"
    MINTA_REKAN = "minta_rekan"
    JAWAB_REKAN = "jawab_rekan"
    NILAI_PERIODIK = "nilai_periodik"
    AJUKAN = "ajukan"
    NILAI = "nilai"
    KEMBALIKAN = "kembalikan"
    TETAPKAN = "tetapkan"
    BUKA_KEMBALI = "buka_kembali"

    @property
    def label(self) -> str:
        return {
            Transisi.UBAH_RENCANA: tr("mengubah rencana"),
            Transisi.REALISASI: tr("mengisi realisasi"),
            Transisi.GANTI_PENILAI: tr("mengganti pejabat penilai"),
            Transisi.MINTA_REKAN: tr("meminta umpan balik rekan kerja"),
            Transisi.JAWAB_REKAN: tr("mengisi umpan balik rekan kerja"),
            Transisi.NILAI_PERIODIK: tr("mengisi evaluasi periodik"),
            Transisi.AJUKAN: tr("mengajukan"),
            Transisi.NILAI: tr("menilai"),
            Transisi.KEMBALIKAN: tr("mengembalikan"),
            Transisi.TETAPKAN: tr("menetapkan"),
            Transisi.BUKA_KEMBALI: tr("membuka kembali"),
        }[self]


class Pihak(StrEnum):
    """How an actor stands to one SKP."""

    SISTEM = "sistem"  # the trusted local system (a plain string actor): everything
    ADMIN = "admin"
    OPERATOR = "operator"  # operator kepegawaian whose units cover the employee (or admin)
    PEMILIK = "pemilik"  # the appraised employee
    PENILAI = "penilai"  # pejabat penilai kinerja of this SKP
    ATASAN = "atasan"  # atasan pejabat penilai of this SKP
    REKAN = "rekan"  # a colleague asked for peer feedback

    @property
    def label(self) -> str:
        return {
            Pihak.SISTEM: tr("sistem"),
            Pihak.ADMIN: tr("admin"),
            Pihak.OPERATOR: tr("operator kepegawaian unit pegawai"),
            Pihak.PEMILIK: tr("pegawai yang dinilai"),
            Pihak.PENILAI: tr("pejabat penilai"),
            Pihak.ATASAN: tr("atasan pejabat penilai"),
            Pihak.REKAN: tr("rekan kerja yang diminta"),
        }[self]


_D, _A, _N, _T = Status.DRAFT, Status.DIAJUKAN, Status.DINILAI, Status.DITETAPKAN

# transition -> (states in which it may happen, who may do it). KEMBALIKAN is refined in may().
ATURAN: dict[Transisi, tuple[frozenset[str], frozenset[Pihak]]] = {
    Transisi.UBAH_RENCANA: (
        frozenset({_D}),
        frozenset({Pihak.OPERATOR, Pihak.PEMILIK, Pihak.PENILAI}),
    ),
    Transisi.REALISASI: (frozenset({_D}), frozenset({Pihak.OPERATOR, Pihak.PEMILIK})),
    Transisi.GANTI_PENILAI: (frozenset({_D, _A}), frozenset({Pihak.OPERATOR})),
    Transisi.MINTA_REKAN: (
        frozenset({_D, _A}),
        frozenset({Pihak.OPERATOR, Pihak.PEMILIK, Pihak.PENILAI}),
    ),
    Transisi.JAWAB_REKAN: (frozenset({_D, _A}), frozenset({Pihak.REKAN, Pihak.OPERATOR})),
    Transisi.NILAI_PERIODIK: (frozenset({_D, _A, _N}), frozenset({Pihak.PENILAI})),
    Transisi.AJUKAN: (frozenset({_D}), frozenset({Pihak.OPERATOR, Pihak.PEMILIK})),
    Transisi.NILAI: (frozenset({_A, _N}), frozenset({Pihak.PENILAI})),
    Transisi.KEMBALIKAN: (frozenset({_A, _N}), frozenset({Pihak.PENILAI, Pihak.ATASAN})),
    Transisi.TETAPKAN: (frozenset({_N}), frozenset({Pihak.ATASAN})),
    Transisi.BUKA_KEMBALI: (frozenset({_T}), frozenset({Pihak.ADMIN})),
}

# Transitions that change the state, and to which state.
PERPINDAHAN = (
    Transisi.AJUKAN,
    Transisi.NILAI,
    Transisi.KEMBALIKAN,
    Transisi.TETAPKAN,
    Transisi.BUKA_KEMBALI,
)


def status_berikut(status: str, transisi: Transisi) -> str:
    """The state after ``transisi`` from ``status`` (the same state for edits)."""
    if transisi is Transisi.AJUKAN:
        return _A
    if transisi is Transisi.NILAI:
        return _N
    if transisi is Transisi.KEMBALIKAN:
        return _D if status == _A else _A
    if transisi is Transisi.TETAPKAN:
        return _T
    if transisi is Transisi.BUKA_KEMBALI:
        return _N
    return status


# -- the actor --------------------------------------------------------------------------------

SEMUA = "*"


@dataclass(frozen=True)
class Pelaku:
    """Who acts on an SKP: a name for the trail, the linked employee, and what the accounts
    module grants (admin; the units where the person is operator kepegawaian, ``{"*"}`` = the
    whole agency). ``sistem``: the trusted local system (plain string actors)."""

    nama: str
    pegawai_id: str | None = None
    admin: bool = False
    operator_unit: frozenset[str] = frozenset()
    sistem: bool = False

    @classmethod
    def system(cls, nama: str = "sistem") -> Pelaku:
        return cls(nama, sistem=True)


def pelaku_dari(db: Database, actor: str | Pelaku) -> Pelaku:
    """The :class:`Pelaku` of an actor: a signed-in :class:`~app.models.access.akses.Sesi` (its
    roles
    read afresh, so a role taken away counts at once), a plain string (the trusted local system:
    first run, the command line without accounts), or a Pelaku as it is."""
    if isinstance(actor, Pelaku):
        return actor
    from app.models.access import akses

    if not isinstance(actor, akses.Sesi):
        return Pelaku.system(str(actor))
    aktif, hak = akses.load_hak(db.conn, actor.akun_id)
    if not aktif:
        akses.require(db, actor, "skp.nilai")  # refuses with the "account not active" message
    admin = any(h.peran is akses.Peran.ADMIN for h in hak)
    scope = akses.cakupan(hak, "pegawai.ubah") or frozenset()
    return Pelaku(
        nama=str(actor.nama_pengguna),
        pegawai_id=actor.pegawai_id,
        admin=admin,
        operator_unit=frozenset(scope),
    )


# -- the SKP as the rules see it ----------------------------------------------------------------


@dataclass(frozen=True)
class SkpInfo:
    """What :func:`may` needs to know about an SKP."""

    id: str
    pegawai_id: str
    tahun: int
    status: str
    terkunci: bool
    penilai_id: str | None
    atasan_penilai_id: str | None
    unit_path: frozenset[str] = frozenset()  # the employee's unit and every unit above it
    rekan_ids: frozenset[str] = frozenset()


def pihak(pelaku: Pelaku, skp: SkpInfo) -> set[Pihak]:
    """Every capacity in which ``pelaku`` stands to ``skp``."""
    result: set[Pihak] = set()
    if pelaku.sistem:
        return set(Pihak)
    if pelaku.admin:
        result |= {Pihak.ADMIN, Pihak.OPERATOR}
    if SEMUA in pelaku.operator_unit or pelaku.operator_unit & skp.unit_path:
        result.add(Pihak.OPERATOR)
    me = pelaku.pegawai_id
    if me:
        if me == skp.pegawai_id:
            result.add(Pihak.PEMILIK)
        else:  # nobody rates or approves their own SKP
            if me == skp.penilai_id:
                result.add(Pihak.PENILAI)
            if me == skp.atasan_penilai_id:
                result.add(Pihak.ATASAN)
            if me in skp.rekan_ids:
                result.add(Pihak.REKAN)
    return result


@dataclass(frozen=True)
class Putusan:
    """The answer of :func:`may`: allowed or not, and why not (Indonesian).

    ``jenis`` is ``"peran"`` when the person may not do it, ``"status"`` when nobody may in this
    state (or the SKP is locked). Truthy when allowed.
    """

    boleh: bool
    alasan: str = ""
    jenis: str = ""

    def __bool__(self) -> bool:
        return self.boleh


def _siapa(who: Iterable[Pihak]) -> str:
    return tr(" atau ").join(p.label for p in sorted(who, key=list(Pihak).index))


def may(pelaku: Pelaku, skp: SkpInfo, transisi: Transisi) -> Putusan:
    """May ``pelaku`` do ``transisi`` on ``skp`` now? (Pure: no database.)"""
    states, who = ATURAN[transisi]
    if skp.terkunci and transisi is not Transisi.BUKA_KEMBALI:
        return Putusan(
            False,
            tr(
                "SKP tahun {tahun} sudah ditetapkan dan terkunci; tidak dapat {aksi}. "
                "Minta admin membukanya kembali bila memang perlu diubah.",
                tahun=skp.tahun,
                aksi=transisi.label,
            ),
            "status",
        )
    if skp.status not in states:
        allowed = ", ".join(status_label(s) for s in Status if s in states)
        return Putusan(
            False,
            tr(
                "SKP ini berstatus {status}; {aksi} hanya dapat dilakukan pada SKP berstatus "
                "{boleh}.",
                status=status_label(skp.status),
                aksi=transisi.label,
                boleh=allowed,
            ),
            "status",
        )
    if transisi is Transisi.KEMBALIKAN:
        # diajukan -> draft: the appraiser; dinilai -> diajukan: the appraiser's superior (or
        # the appraiser withdrawing the rating).
        who = frozenset({Pihak.PENILAI}) if skp.status == _A else who
    mine = pihak(pelaku, skp)
    if Pihak.SISTEM in mine or mine & who:
        return Putusan(True)
    if (
        pelaku.pegawai_id
        and pelaku.pegawai_id == skp.pegawai_id
        and who
        & {
            Pihak.PENILAI,
            Pihak.ATASAN,
        }
    ):
        return Putusan(
            False,
            tr("Akses ditolak: {nama} tidak dapat {aksi} SKP miliknya sendiri.",
               nama=pelaku.nama, aksi=transisi.label),
            "peran",
        )  # fmt: skip
    return Putusan(
        False,
        tr(
            "Akses ditolak: {nama} tidak berhak {aksi} SKP ini. Yang berhak: {siapa}.",
            nama=pelaku.nama,
            aksi=transisi.label,
            siapa=_siapa(who),
        ),
        "peran",
    )


# -- the predikat rule --------------------------------------------------------------------------

RATING = ("ATAS", "SESUAI", "BAWAH")


def rating_kode(text: str | None, field_name: str = "rating") -> str:
    """A rating code from ``atas``/``ATAS``/``Di Atas Ekspektasi``... Raises ValidationError."""
    key = (text or "").strip().upper().replace(" ", "_")
    aliases = {
        "ATAS": "ATAS",
        "DI_ATAS_EKSPEKTASI": "ATAS",
        "SESUAI": "SESUAI",
        "SESUAI_EKSPEKTASI": "SESUAI",
        "BAWAH": "BAWAH",
        "DI_BAWAH_EKSPEKTASI": "BAWAH",
    }
    if key not in aliases:
        raise ValidationError(
            tr("Rating '{r}' tidak dikenal; pilih atas, sesuai, atau bawah.", r=text or ""),
            field=field_name,
        )
    return aliases[key]


def predikat(ref: Referensi, rating_hasil: str, rating_perilaku: str) -> str:
    """The predikat kinerja for two ratings, read from the matrix of asn-rules 4.2
    (``ref_matriks_predikat``). Raises ValidationError for an unknown rating."""
    hasil = rating_kode(rating_hasil, "rating_hasil")
    perilaku = rating_kode(rating_perilaku, "rating_perilaku")
    kode = predikat_from_ratings(ref, hasil, perilaku)
    if kode is None:
        raise ValidationError(
            tr(
                "Matriks predikat tidak punya sel untuk hasil '{h}' dan perilaku '{p}'; periksa "
                "tabel referensi matriks predikat.",
                h=hasil,
                p=perilaku,
            ),
            field="rating_hasil",
        )
    return kode


# -- expected distribution ----------------------------------------------------------------------

# The default expected distribution, until the admin sets one (stored in skp_kurva): the
# pattern for an organisation rated "Baik" (asn-rules 4.5 [P]).
KURVA_AWAL: tuple[tuple[str, int], ...] = (
    ("SANGAT_BAIK", 10),
    ("BAIK", 70),
    ("BUTUH_PERBAIKAN", 15),
    ("KURANG", 5),
    ("SANGAT_KURANG", 0),
)


def kurva(conn: sqlite3.Connection) -> dict[str, int]:
    """The expected distribution: predikat kode -> percent, in the order of ``ref_predikat``."""
    rows = conn.execute(
        "SELECT p.kode, k.persen FROM ref_predikat p "
        "LEFT JOIN skp_kurva k ON k.predikat_kode = p.kode AND k.deleted = 0 "
        "WHERE p.deleted = 0 ORDER BY p.urutan"
    ).fetchall()
    if all(r[1] is None for r in rows):
        default = dict(KURVA_AWAL)
        return {str(r[0]): default.get(str(r[0]), 0) for r in rows}
    return {str(r[0]): int(r[1] or 0) for r in rows}


def atur_kurva(db: Database, persen: Mapping[str, int], *, actor: str | Pelaku) -> None:
    """Set the expected distribution (admin). The percentages must add up to 100."""
    pelaku = pelaku_dari(db, actor)
    if not (pelaku.sistem or pelaku.admin):
        raise _refused_outside(
            db,
            pelaku,
            "skp.kurva",
            tr("Akses ditolak: hanya admin yang dapat mengubah pola distribusi predikat."),
        )
    conn = db.conn
    known = kurva(conn)
    bad = [k for k in persen if k not in known]
    if bad:
        raise ValidationError(tr("Predikat {k} tidak dikenal.", k=", ".join(bad)), field="kurva")
    values = {**known, **{k: int(v) for k, v in persen.items()}}
    if any(v < 0 or v > 100 for v in values.values()) or sum(values.values()) != 100:
        raise ValidationError(
            tr(
                "Pola distribusi harus berjumlah 100% (sekarang {n}%), tiap predikat 0-100%.",
                n=sum(values.values()),
            ),
            field="kurva",
        )
    with Store(db).write(tr("Mengubah pola distribusi predikat SKP"), actor=pelaku.nama) as tx:
        for kode, value in values.items():
            row_id = natural_id("skp_kurva", kode)
            if conn.execute("SELECT 1 FROM skp_kurva WHERE id = ?", (row_id,)).fetchone():
                tx.update("skp_kurva", row_id, {"persen": value, "deleted": 0})
            else:
                tx.insert("skp_kurva", {"id": row_id, "predikat_kode": kode, "persen": value})


# -- periods ------------------------------------------------------------------------------------

POLA = ("TRIWULANAN", "BULANAN")


@dataclass(frozen=True)
class Periode:
    tahun: int
    jenis: str  # TAHUNAN, TRIWULAN, BULAN
    ke: int
    mulai: str
    selesai: str

    @property
    def nama(self) -> str:
        if self.jenis == "TAHUNAN":
            return tr("Tahunan {tahun}", tahun=self.tahun)
        if self.jenis == "TRIWULAN":
            roman = ("I", "II", "III", "IV")[self.ke - 1]
            return tr("Triwulan {r} {tahun}", r=roman, tahun=self.tahun)
        from app.i18n import BULAN

        return f"{tr(BULAN[self.ke - 1])} {self.tahun}"


def _end_of_month(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def periode_rows(tahun: int, pola: str) -> list[Periode]:
    """The annual period and the periodic evaluations of a year (the SKP covers 1 January to
    31 December, asn-rules 4.1)."""
    if pola not in POLA:
        raise ValidationError(
            tr(
                "Pola evaluasi periodik '{p}' tidak dikenal; pilih TRIWULANAN atau BULANAN.", p=pola
            ),
            field="pola_periodik",
        )
    rows = [Periode(tahun, "TAHUNAN", 0, f"{tahun}-01-01", f"{tahun}-12-31")]
    if pola == "TRIWULANAN":
        for q in range(1, 5):
            end = _end_of_month(tahun, q * 3)
            rows.append(
                Periode(tahun, "TRIWULAN", q, f"{tahun}-{q * 3 - 2:02d}-01", end.isoformat())
            )
    else:
        for m in range(1, 13):
            end = _end_of_month(tahun, m)
            rows.append(Periode(tahun, "BULAN", m, f"{tahun}-{m:02d}-01", end.isoformat()))
    return rows


def pola_periodik(conn: sqlite3.Connection, tahun: int) -> str:
    """The agency's choice for the year (else the latest earlier year's, else quarterly)."""
    row = conn.execute(
        "SELECT pola_periodik FROM skp_periode WHERE jenis = 'TAHUNAN' AND deleted = 0 "
        "AND tahun <= ? AND pola_periodik IS NOT NULL ORDER BY tahun DESC LIMIT 1",
        (tahun,),
    ).fetchone()
    return str(row[0]) if row else "TRIWULANAN"


def daftar_periode(conn: sqlite3.Connection, tahun: int) -> list[Periode]:
    """The stored periods of a year (annual first), or the default ones when none are stored."""
    rows = conn.execute(
        "SELECT tahun, jenis, ke, mulai, selesai FROM skp_periode WHERE tahun = ? AND deleted = 0 "
        "ORDER BY jenis <> 'TAHUNAN', ke",
        (tahun,),
    ).fetchall()
    if not rows:
        return periode_rows(tahun, pola_periodik(conn, tahun))
    return [Periode(int(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4])) for r in rows]


def atur_periode(db: Database, tahun: int, pola: str, *, actor: str | Pelaku) -> list[Periode]:
    """Set the appraisal period of a year and its periodic evaluations (monthly or quarterly).
    Periods of the other pattern are deleted. Admin or operator for the whole agency."""
    pelaku = pelaku_dari(db, actor)
    if not (pelaku.sistem or pelaku.admin or SEMUA in pelaku.operator_unit):
        raise _refused_outside(
            db,
            pelaku,
            "skp.periode",
            tr("Akses ditolak: periode SKP diatur oleh admin atau operator seluruh instansi."),
        )
    wanted = periode_rows(tahun, pola.strip().upper())
    conn = db.conn
    with Store(db).write(tr("Mengatur periode SKP {tahun}", tahun=tahun), actor=pelaku.nama) as tx:
        keep: set[str] = set()
        for p in wanted:
            row_id = natural_id("skp_periode", tahun, p.jenis, p.ke)
            keep.add(row_id)
            values: dict[str, Value] = {
                "tahun": tahun,
                "jenis": p.jenis,
                "ke": p.ke,
                "mulai": p.mulai,
                "selesai": p.selesai,
                "pola_periodik": pola.strip().upper() if p.jenis == "TAHUNAN" else None,
            }
            if conn.execute("SELECT 1 FROM skp_periode WHERE id = ?", (row_id,)).fetchone():
                tx.update("skp_periode", row_id, {**values, "deleted": 0})
            else:
                tx.insert("skp_periode", {"id": row_id, **values})
        for (row_id,) in conn.execute(
            "SELECT id FROM skp_periode WHERE tahun = ? AND deleted = 0", (tahun,)
        ).fetchall():
            if row_id not in keep:
                tx.delete("skp_periode", row_id)
    return wanted


# -- reading ------------------------------------------------------------------------------------


def skp_id_for(pegawai_id: str, tahun: int) -> str:
    """Natural id of the SKP of an employee in a year (two installations meet as one row)."""
    return natural_id("skp", pegawai_id, tahun)


@dataclass(frozen=True)
class Orang:
    """A person on an SKP form: the appraised employee, the appraiser, the superior."""

    pegawai_id: str
    nip: str
    nama: str  # with titles
    jabatan: str
    unit: str
    golongan: str  # "Penata (III/c)"


@dataclass(frozen=True)
class Indikator:
    id: str
    indikator: str
    target: str
    realisasi: str
    bukti: str


@dataclass(frozen=True)
class HasilKerja:
    id: str
    jenis: str  # UTAMA, TAMBAHAN
    uraian: str
    hasil_kerja_atasan_id: str | None
    hasil_kerja_atasan: str  # its text, for display
    umpan_balik: str
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True)
class Perilaku:
    nilai_kode: str
    nama: str
    panduan: str
    ekspektasi: str
    umpan_balik: str
    rekan: tuple[tuple[str, str], ...] = ()  # (colleague's name, text) of the answered ones


@dataclass(frozen=True)
class Rekan:
    pegawai_id: str
    nama: str
    nip: str
    dijawab: bool


@dataclass(frozen=True)
class RiwayatStatus:
    aksi: str
    dari: str
    ke: str
    pelaku: str
    waktu: str
    catatan: str


@dataclass(frozen=True)
class Evaluasi:
    jenis: str
    ke: int
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat_kode: str | None
    catatan: str


@dataclass(frozen=True)
class Skp:
    """One SKP with everything the form and the document show."""

    info: SkpInfo
    pegawai: Orang
    penilai: Orang | None
    atasan_penilai: Orang | None
    nama_jabatan: str
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat_kode: str | None
    catatan_penilai: str
    ditetapkan: str | None
    hasil_kerja: tuple[HasilKerja, ...]
    perilaku: tuple[Perilaku, ...]
    rekan: tuple[Rekan, ...]
    riwayat: tuple[RiwayatStatus, ...]
    evaluasi: tuple[Evaluasi, ...]

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def status(self) -> str:
        return self.info.status

    @property
    def tahun(self) -> int:
        return self.info.tahun


def _unit_path(conn: sqlite3.Connection, unit_id: str | None) -> frozenset[str]:
    if not unit_id:
        return frozenset()
    rows = conn.execute(
        "WITH RECURSIVE t(id, induk) AS ("
        " SELECT id, induk_id FROM unit_organisasi WHERE id = ?"
        " UNION SELECT u.id, u.induk_id FROM unit_organisasi u JOIN t ON u.id = t.induk"
        ") SELECT id FROM t",
        (unit_id,),
    ).fetchall()
    return frozenset({unit_id, *(str(r[0]) for r in rows)})


def _row(conn: sqlite3.Connection, skp_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM skp WHERE id = ? AND deleted = 0", (skp_id,)).fetchone()
    if row is None:
        raise NotFoundError(tr("SKP dengan id {id} tidak ditemukan.", id=skp_id))
    return row


def skp_info(conn: sqlite3.Connection, skp_id: str) -> SkpInfo:
    """The state, people and unit of an SKP (for :func:`may`). Raises NotFoundError."""
    row = _row(conn, skp_id)
    unit = conn.execute(
        "SELECT unit_id FROM pegawai_ringkas WHERE pegawai_id = ?", (row["pegawai_id"],)
    ).fetchone()
    rekan = conn.execute(
        "SELECT DISTINCT rekan_id FROM skp_umpan_balik_rekan WHERE skp_id = ? AND deleted = 0",
        (skp_id,),
    ).fetchall()
    return SkpInfo(
        id=str(row["id"]),
        pegawai_id=str(row["pegawai_id"]),
        tahun=int(row["tahun"]),
        status=str(row["status"]),
        terkunci=bool(row["terkunci"]),
        penilai_id=row["penilai_id"],
        atasan_penilai_id=row["atasan_penilai_id"],
        unit_path=_unit_path(conn, (unit[0] if unit else None) or row["unit_id"]),
        rekan_ids=frozenset(str(r[0]) for r in rekan),
    )


def orang(
    conn: sqlite3.Connection, pegawai_id: str | None, ref: Referensi | None = None
) -> Orang | None:
    """A person's name, NIP, current position, unit and rank (from the employee summary)."""
    if not pegawai_id:
        return None
    row = conn.execute(
        "SELECT nip, nama_lengkap, jabatan_nama, unit_nama, golongan_kode FROM pegawai_ringkas "
        "WHERE pegawai_id = ?",
        (pegawai_id,),
    ).fetchone()
    if row is None:
        return None
    ref = ref or Referensi.load(conn)
    return Orang(
        pegawai_id=pegawai_id,
        nip=str(row[0]),
        nama=str(row[1]),
        jabatan=str(row[2] or ""),
        unit=str(row[3] or ""),
        golongan=ref.golongan_label(row[4]),
    )


def find_skp(conn: sqlite3.Connection, key: str, tahun: int) -> str:
    """The SKP id of an employee (NIP or id) in a year. Raises NotFoundError."""
    from app.models.pegawai.read import find_pegawai_id

    pegawai_id = find_pegawai_id(conn, key)
    skp_id = skp_id_for(pegawai_id, tahun)
    row = conn.execute("SELECT 1 FROM skp WHERE id = ? AND deleted = 0", (skp_id,)).fetchone()
    if row is None:
        raise NotFoundError(
            tr("Pegawai {nip} belum punya SKP tahun {tahun}. Buat dulu.", nip=key, tahun=tahun)
        )
    return skp_id


def get_skp(conn: sqlite3.Connection, skp_id: str, ref: Referensi | None = None) -> Skp:
    """One SKP with its results, indicators, behaviours, peers and history."""
    ref = ref or Referensi.load(conn)
    info = skp_info(conn, skp_id)
    row = _row(conn, skp_id)
    pegawai = orang(conn, info.pegawai_id, ref)
    if pegawai is None:
        raise NotFoundError(tr("Pegawai SKP ini tidak ditemukan."))
    hk_rows = conn.execute(
        "SELECT h.id, h.jenis, h.uraian, h.hasil_kerja_atasan_id, coalesce(a.uraian, ''), "
        "coalesce(h.umpan_balik, '') FROM skp_hasil_kerja h "
        "LEFT JOIN skp_hasil_kerja a ON a.id = h.hasil_kerja_atasan_id "
        "WHERE h.skp_id = ? AND h.deleted = 0 ORDER BY h.jenis <> 'UTAMA', h.urutan, h.rowid",
        (skp_id,),
    ).fetchall()
    indikator: dict[str, list[Indikator]] = defaultdict(list)
    for r in conn.execute(
        "SELECT i.hasil_kerja_id, i.id, i.indikator, coalesce(i.target, ''), "
        "coalesce(i.realisasi, ''), coalesce(i.bukti, '') FROM skp_indikator i "
        "JOIN skp_hasil_kerja h ON h.id = i.hasil_kerja_id "
        "WHERE h.skp_id = ? AND i.deleted = 0 ORDER BY i.urutan, i.rowid",
        (skp_id,),
    ):
        indikator[str(r[0])].append(Indikator(*(str(x) for x in r[1:])))
    hasil = tuple(
        HasilKerja(
            id=str(r[0]),
            jenis=str(r[1]),
            uraian=str(r[2]),
            hasil_kerja_atasan_id=r[3],
            hasil_kerja_atasan=str(r[4]),
            umpan_balik=str(r[5]),
            indikator=tuple(indikator.get(str(r[0]), [])),
        )
        for r in hk_rows
    )
    stored = {
        str(r[0]): (str(r[1] or ""), str(r[2] or ""))
        for r in conn.execute(
            "SELECT nilai_kode, ekspektasi, umpan_balik FROM skp_perilaku "
            "WHERE skp_id = ? AND deleted = 0",
            (skp_id,),
        )
    }
    answers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rekan: dict[str, Rekan] = {}
    for r in conn.execute(
        "SELECT u.rekan_id, u.nilai_kode, coalesce(u.umpan_balik, ''), u.dijawab, "
        "coalesce(c.nama_lengkap, u.rekan_id), coalesce(c.nip, '') "
        "FROM skp_umpan_balik_rekan u LEFT JOIN pegawai_ringkas c ON c.pegawai_id = u.rekan_id "
        "WHERE u.skp_id = ? AND u.deleted = 0 ORDER BY c.nama_urut, u.rekan_id",
        (skp_id,),
    ):
        rid = str(r[0])
        done = bool(r[3]) or rekan.get(rid, Rekan(rid, "", "", False)).dijawab
        rekan[rid] = Rekan(rid, str(r[4]), str(r[5]), done)
        if r[2]:
            answers[str(r[1])].append((str(r[4]), str(r[2])))
    perilaku = tuple(
        Perilaku(
            nilai_kode=kode,
            nama=str(v.get("nama") or kode),
            panduan=str(v.get("panduan") or ""),
            ekspektasi=stored.get(kode, ("", ""))[0],
            umpan_balik=stored.get(kode, ("", ""))[1],
            rekan=tuple(answers.get(kode, [])),
        )
        for kode, v in ref.table("ref_nilai_berakhlak").items()
    )
    riwayat = tuple(
        RiwayatStatus(*(str(x or "") for x in r))
        for r in conn.execute(
            "SELECT aksi, dari, ke, pelaku, waktu, catatan FROM skp_transisi "
            "WHERE skp_id = ? AND deleted = 0 ORDER BY waktu, rowid",
            (skp_id,),
        )
    )
    evaluasi = tuple(
        Evaluasi(str(r[0]), int(r[1]), r[2], r[3], r[4], str(r[5] or ""))
        for r in conn.execute(
            "SELECT jenis, ke, rating_hasil, rating_perilaku, predikat_kode, catatan "
            "FROM skp_evaluasi WHERE skp_id = ? AND deleted = 0 ORDER BY jenis, ke",
            (skp_id,),
        )
    )
    return Skp(
        info=info,
        pegawai=pegawai,
        penilai=orang(conn, info.penilai_id, ref),
        atasan_penilai=orang(conn, info.atasan_penilai_id, ref),
        nama_jabatan=str(row["nama_jabatan"] or pegawai.jabatan),
        rating_hasil=row["rating_hasil"],
        rating_perilaku=row["rating_perilaku"],
        predikat_kode=row["predikat_kode"],
        catatan_penilai=str(row["catatan_penilai"] or ""),
        ditetapkan=row["ditetapkan"],
        hasil_kerja=hasil,
        perilaku=perilaku,
        rekan=tuple(rekan.values()),
        riwayat=riwayat,
        evaluasi=evaluasi,
    )


def hasil_kerja_atasan(conn: sqlite3.Connection, skp_id: str) -> list[tuple[str, str]]:
    """(id, text) of the results in the appraiser's SKP of the same year, which this SKP's
    results may support ("rencana hasil kerja pimpinan yang diintervensi")."""
    row = _row(conn, skp_id)
    if not row["penilai_id"]:
        return []
    atasan_skp = skp_id_for(str(row["penilai_id"]), int(row["tahun"]))
    return [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT id, uraian FROM skp_hasil_kerja WHERE skp_id = ? AND deleted = 0 "
            "ORDER BY jenis <> 'UTAMA', urutan, rowid",
            (atasan_skp,),
        )
    ]


# -- the appraiser from the position tree -------------------------------------------------------

_CURRENT_POSITIONS = (
    "SELECT pegawai_id, jabatan_id, nama_jabatan, unit_id FROM ("
    " SELECT r.pegawai_id, r.jabatan_id, r.nama_jabatan, r.unit_id, row_number() OVER ("
    "  PARTITION BY r.pegawai_id ORDER BY r.tmt DESC, coalesce(r.tanggal_sk, '') DESC, r.id DESC"
    " ) AS n FROM riwayat_jabatan r WHERE r.deleted = 0 AND r.tmt IS NOT NULL AND r.tmt <> ''"
    ") WHERE n = 1"
)


@dataclass
class Positions:
    """Current positions of every active employee, the holders of each position and the
    position tree (``jabatan.atasan_jabatan_id``): what the default appraiser is derived from."""

    jabatan_of: dict[str, tuple[str | None, str, str | None]]  # pegawai -> (jabatan, name, unit)
    holders: dict[str, list[str]]  # jabatan -> active holders (by golongan desc, name)
    atasan_of: dict[str, str | None]  # jabatan -> atasan jabatan

    @classmethod
    def load(cls, conn: sqlite3.Connection, pegawai_ids: Iterable[str] | None = None) -> Positions:
        active = {
            str(r[0]): i
            for i, r in enumerate(
                conn.execute(
                    "SELECT pegawai_id FROM pegawai_ringkas WHERE deleted = 0 AND "
                    "kedudukan = 'AKTIF' ORDER BY golongan_urutan DESC, nama_urut, nip"
                )
            )
        }
        jabatan_of: dict[str, tuple[str | None, str, str | None]] = {}
        holders: dict[str, list[str]] = defaultdict(list)
        for r in conn.execute(_CURRENT_POSITIONS):
            pid = str(r[0])
            jabatan_of[pid] = (r[1], str(r[2] or ""), r[3])
            if r[1] and pid in active:
                holders[str(r[1])].append(pid)
        for ids in holders.values():
            ids.sort(key=lambda p: active[p])
        atasan_of = {
            str(r[0]): r[1]
            for r in conn.execute("SELECT id, atasan_jabatan_id FROM jabatan WHERE deleted = 0")
        }
        return cls(jabatan_of, holders, atasan_of)

    def superior(self, pegawai_id: str | None) -> str | None:
        """The holder of the nearest occupied position above the employee's position (a vacant
        superior position passes the appraisal up the tree)."""
        if not pegawai_id:
            return None
        jabatan = self.jabatan_of.get(pegawai_id, (None, "", None))[0]
        seen: set[str] = set()
        current = self.atasan_of.get(jabatan) if jabatan else None
        while current and current not in seen:
            seen.add(current)
            for holder in self.holders.get(current, []):
                if holder != pegawai_id:
                    return holder
            current = self.atasan_of.get(current)
        return None


def atasan_langsung(conn: sqlite3.Connection, pegawai_id: str) -> tuple[str | None, str | None]:
    """The default (pejabat penilai, atasan pejabat penilai) of an employee: the holder of the
    superior position in the position tree, and that person's own superior."""
    pos = Positions.load(conn)
    penilai = pos.superior(pegawai_id)
    return penilai, pos.superior(penilai)


# -- writing helpers ------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, putusan: Putusan) -> None:
        super().__init__(putusan.alasan)
        self.putusan = putusan


def _audit_refusal(
    db: Database, pelaku: Pelaku, aksi: str, message: str, record_id: str | None
) -> None:
    Store(db).record_read(
        tr("Akses ditolak"),
        actor=pelaku.nama,
        tabel="skp",
        record_id=record_id,
        keterangan=f"{aksi}: {message}",
    )


def _refused_outside(
    db: Database, pelaku: Pelaku, aksi: str, message: str, record_id: str | None = None
) -> AccessDenied:
    _audit_refusal(db, pelaku, aksi, message, record_id)
    return AccessDenied(message)


def _raise_refused(db: Database, pelaku: Pelaku, skp_id: str, t: Transisi, p: Putusan) -> None:
    _audit_refusal(db, pelaku, f"skp.{t.value}", p.alasan, skp_id)
    if p.jenis == "status":
        raise ValidationError(p.alasan, field="status")
    raise AccessDenied(p.alasan)


@dataclass
class _Act:
    """Inside a write: the SKP as it stands, the actor, the transaction."""

    tx: WriteTx
    conn: sqlite3.Connection
    info: SkpInfo
    pelaku: Pelaku
    now: str


def _act(
    db: Database,
    skp_id: str,
    transisi: Transisi,
    actor: str | Pelaku,
    aksi: str,
    work: Callable[[_Act], Any],
    *,
    keterangan: str | None = None,
) -> Any:
    """Run ``work`` in one write transaction after :func:`may` agreed; refuse (audited) else."""
    pelaku = pelaku_dari(db, actor)
    conn = db.conn
    try:
        with Store(db).write(aksi, actor=pelaku.nama, keterangan=keterangan) as tx:
            info = skp_info(conn, skp_id)
            verdict = may(pelaku, info, transisi)
            if not verdict:
                raise _Refused(verdict)
            return work(_Act(tx, conn, info, pelaku, utc_now()))
    except _Refused as exc:
        _raise_refused(db, pelaku, skp_id, transisi, exc.putusan)
        raise AssertionError("unreachable") from exc


def _move(
    a: _Act, transisi: Transisi, changes: Mapping[str, Value], catatan: str | None = None
) -> str:
    """Change the state (and other fields) of the SKP and record the transition."""
    ke = status_berikut(a.info.status, transisi)
    a.tx.update("skp", a.info.id, {"status": ke, **changes})
    a.tx.insert(
        "skp_transisi",
        {
            "skp_id": a.info.id,
            "aksi": transisi.value,
            "dari": a.info.status,
            "ke": ke,
            "pelaku": a.pelaku.nama,
            "pelaku_pegawai_id": a.pelaku.pegawai_id,
            "waktu": a.now,
            "catatan": catatan,
        },
    )
    return ke


def _label(conn: sqlite3.Connection, skp_id: str) -> str:
    row = conn.execute(
        "SELECT s.tahun, coalesce(c.nip, s.pegawai_id) FROM skp s "
        "LEFT JOIN pegawai_ringkas c ON c.pegawai_id = s.pegawai_id WHERE s.id = ?",
        (skp_id,),
    ).fetchone()
    return f"{row[0]} {row[1]}" if row else skp_id


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _check_pegawai(conn: sqlite3.Connection, pegawai_id: str | None, field_name: str) -> None:
    if pegawai_id is None:
        return
    row = conn.execute(
        "SELECT 1 FROM pegawai WHERE id = ? AND deleted = 0", (pegawai_id,)
    ).fetchone()
    if row is None:
        raise ValidationError(
            tr("Pegawai untuk {f} tidak ditemukan.", f=field_name), field=field_name
        )


# -- planning -------------------------------------------------------------------------------------


def buat_skp(
    db: Database,
    pegawai_id: str,
    tahun: int,
    *,
    actor: str | Pelaku,
    penilai_id: str | None = None,
    atasan_penilai_id: str | None = None,
) -> str:
    """Create the (draft) SKP of one employee for a year, with the appraiser derived from the
    position tree unless given, carrying last year's plan forward when the position is the
    same. Returns its id. Refused when it exists already."""
    pelaku = pelaku_dari(db, actor)
    conn = db.conn
    _check_pegawai(conn, pegawai_id, "pegawai")
    unit = conn.execute(
        "SELECT unit_id FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai_id,)
    ).fetchone()
    probe = SkpInfo(
        id="",
        pegawai_id=pegawai_id,
        tahun=tahun,
        status=_D,
        terkunci=False,
        penilai_id=None,
        atasan_penilai_id=None,
        unit_path=_unit_path(conn, unit[0] if unit else None),
    )
    verdict = may(pelaku, probe, Transisi.AJUKAN)  # who may plan and submit may create
    if not verdict:
        raise _refused_outside(
            db, pelaku, "skp.buat", verdict.alasan.replace(Transisi.AJUKAN.label, tr("membuat"))
        )
    result = _create(
        db,
        tahun,
        [pegawai_id],
        pelaku,
        aksi=tr("Membuat SKP {tahun}", tahun=tahun),
        penilai={pegawai_id: (penilai_id, atasan_penilai_id)} if penilai_id else None,
    )
    if not result.dibuat:
        raise ValidationError(
            tr("Pegawai ini sudah punya SKP tahun {tahun}.", tahun=tahun), field="tahun"
        )
    return skp_id_for(pegawai_id, tahun)


@dataclass(frozen=True)
class HasilMassal:
    """What a bulk creation did."""

    dibuat: int  # new SKPs
    dilanjutkan: int  # of which the plan was carried forward from last year
    sudah_ada: int  # employees who had an SKP already


def buat_massal(
    db: Database,
    tahun: int,
    *,
    actor: str | Pelaku,
    unit_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> HasilMassal:
    """Create draft SKPs for every active employee of a unit (with its sub-units) or of the
    whole agency who has none for the year; last year's plan is carried forward when the
    position is unchanged, the appraiser derived from the position tree. One transaction."""
    pelaku = pelaku_dari(db, actor)
    conn = db.conn
    if unit_id is not None:
        units: list[str] | None = sub_units(conn, unit_id)
    else:
        units = None
    allowed = pelaku.sistem or pelaku.admin or SEMUA in pelaku.operator_unit
    if not allowed and unit_id is not None:
        allowed = bool(pelaku.operator_unit & _unit_path(conn, unit_id))
    if not allowed:
        raise _refused_outside(
            db,
            pelaku,
            "skp.buat_massal",
            tr(
                "Akses ditolak: {nama} tidak berhak membuat SKP untuk {lingkup}; yang berhak "
                "operator kepegawaian unit itu atau admin.",
                nama=pelaku.nama,
                lingkup=tr("unit ini") if unit_id else tr("seluruh instansi"),
            ),
            unit_id,
        )
    sql = "SELECT pegawai_id FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = 'AKTIF'"
    params: list[Any] = []
    if units is not None:
        sql += " AND unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(units))
    ids = [str(r[0]) for r in conn.execute(sql + " ORDER BY unit_id, nama_urut", params)]
    return _create(
        db,
        tahun,
        ids,
        pelaku,
        aksi=tr("Membuat SKP {tahun} secara massal", tahun=tahun),
        progress=progress,
    )


def _create(
    db: Database,
    tahun: int,
    pegawai_ids: list[str],
    pelaku: Pelaku,
    *,
    aksi: str,
    penilai: Mapping[str, tuple[str | None, str | None]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> HasilMassal:
    conn = db.conn
    now = utc_now()
    with Store(db).write(aksi, actor=pelaku.nama) as tx:
        existing = {
            str(r[0]) for r in conn.execute("SELECT pegawai_id FROM skp WHERE tahun = ?", (tahun,))
        }
        todo = [p for p in pegawai_ids if p not in existing]
        pos = Positions.load(conn)
        # Last year's SKPs of these employees: carried forward when the position is the same.
        last = {
            str(r[0]): (str(r[1]), r[2])
            for r in conn.execute(
                "SELECT pegawai_id, id, jabatan_id FROM skp WHERE tahun = ? AND deleted = 0",
                (tahun - 1,),
            )
        }
        carry: dict[str, str] = {}  # new skp id -> old skp id
        rows: list[dict[str, Value]] = []
        for n, pid in enumerate(todo, start=1):
            jabatan_id, nama_jabatan, unit = pos.jabatan_of.get(pid, (None, "", None))
            if penilai and pid in penilai:
                penilai_id, atasan_id = penilai[pid]
                _check_pegawai(conn, penilai_id, "penilai")
                _check_pegawai(conn, atasan_id, "atasan_penilai")
                if atasan_id is None:
                    atasan_id = pos.superior(penilai_id)
            else:
                penilai_id = pos.superior(pid)
                atasan_id = pos.superior(penilai_id)
            new_id = skp_id_for(pid, tahun)
            rows.append(
                {
                    "id": new_id,
                    "pegawai_id": pid,
                    "tahun": tahun,
                    "jabatan_id": jabatan_id,
                    "nama_jabatan": nama_jabatan or None,
                    "unit_id": unit,
                    "penilai_id": penilai_id,
                    "atasan_penilai_id": atasan_id,
                    "status": _D,
                    "terkunci": 0,
                    "dibuat": now,
                }
            )
            old = last.get(pid)
            if old and jabatan_id and old[1] == jabatan_id:
                carry[new_id] = old[0]
            if progress and n % 1000 == 0:
                progress(n, len(todo))
        tx.insert_many("skp", rows)
        carried = _carry_forward(tx, conn, carry)
        if progress:
            progress(len(todo), len(todo))
    return HasilMassal(len(todo), carried, len(pegawai_ids) - len(todo))


def _carry_forward(tx: WriteTx, conn: sqlite3.Connection, carry: Mapping[str, str]) -> int:
    """Copy results, indicators (targets, not realisations) and expected behaviours of last
    year's SKPs. Ids derive from the source rows, so two installations doing the same carry
    meet as one row. Links to last year's superior results are not carried (they belong to
    last year's SKP of the superior). Returns how many new SKPs received something."""
    if not carry:
        return 0
    old_to_new = {old: new for new, old in carry.items()}
    olds = json.dumps(list(old_to_new))
    hk_rows: list[dict[str, Value]] = []
    hk_map: dict[str, str] = {}
    for r in conn.execute(
        "SELECT id, skp_id, urutan, jenis, uraian FROM skp_hasil_kerja "
        "WHERE skp_id IN (SELECT value FROM json_each(?)) AND deleted = 0",
        (olds,),
    ):
        new_skp = old_to_new[str(r[1])]
        new_id = natural_id("skp_hasil_kerja", new_skp, r[0])
        hk_map[str(r[0])] = new_id
        hk_rows.append(
            {"id": new_id, "skp_id": new_skp, "urutan": r[2], "jenis": r[3], "uraian": r[4]}
        )
    tx.insert_many("skp_hasil_kerja", hk_rows)
    ind_rows: list[dict[str, Value]] = []
    for r in conn.execute(
        "SELECT i.id, i.hasil_kerja_id, i.urutan, i.indikator, i.target FROM skp_indikator i "
        "JOIN skp_hasil_kerja h ON h.id = i.hasil_kerja_id "
        "WHERE h.skp_id IN (SELECT value FROM json_each(?)) AND i.deleted = 0 AND h.deleted = 0",
        (olds,),
    ):
        new_hk = hk_map[str(r[1])]
        ind_rows.append(
            {
                "id": natural_id("skp_indikator", new_hk, r[0]),
                "hasil_kerja_id": new_hk,
                "urutan": r[2],
                "indikator": r[3],
                "target": r[4],
            }
        )
    tx.insert_many("skp_indikator", ind_rows)
    per_rows: list[dict[str, Value]] = []
    for r in conn.execute(
        "SELECT skp_id, nilai_kode, ekspektasi FROM skp_perilaku "
        "WHERE skp_id IN (SELECT value FROM json_each(?)) AND deleted = 0 "
        "AND coalesce(ekspektasi, '') <> ''",
        (olds,),
    ):
        new_skp = old_to_new[str(r[0])]
        per_rows.append(
            {
                "id": natural_id("skp_perilaku", new_skp, r[1]),
                "skp_id": new_skp,
                "nilai_kode": r[1],
                "ekspektasi": r[2],
            }
        )
    tx.insert_many("skp_perilaku", per_rows)
    return len({r["skp_id"] for r in hk_rows} | {r["skp_id"] for r in per_rows})


def ganti_penilai(
    db: Database,
    skp_id: str,
    penilai_id: str | None,
    atasan_penilai_id: str | None = None,
    *,
    actor: str | Pelaku,
) -> None:
    """Change the appraiser (and the appraiser's superior; derived from the tree when None)."""

    def work(a: _Act) -> None:
        _check_pegawai(a.conn, penilai_id, "penilai")
        _check_pegawai(a.conn, atasan_penilai_id, "atasan_penilai")
        if penilai_id == a.info.pegawai_id or atasan_penilai_id == a.info.pegawai_id:
            raise ValidationError(
                tr("Pegawai tidak dapat menjadi pejabat penilai SKP-nya sendiri."),
                field="penilai",
            )
        atasan = atasan_penilai_id
        if atasan is None and penilai_id:
            atasan = Positions.load(a.conn).superior(penilai_id)
        if atasan is not None and atasan == penilai_id:
            raise ValidationError(
                tr("Atasan pejabat penilai harus orang lain daripada pejabat penilai."),
                field="atasan_penilai",
            )
        a.tx.update("skp", skp_id, {"penilai_id": penilai_id, "atasan_penilai_id": atasan})

    _act(db, skp_id, Transisi.GANTI_PENILAI, actor,
         tr("Mengganti pejabat penilai SKP {x}", x=_label(db.conn, skp_id)), work)  # fmt: skip


@dataclass
class IndikatorData:
    """An indicator as a form hands it over (``id`` None: new)."""

    indikator: str
    target: str = ""
    realisasi: str = ""
    bukti: str = ""
    id: str | None = None


@dataclass
class HasilKerjaData:
    """A result as a form hands it over (``id`` None: new)."""

    uraian: str
    jenis: str = "UTAMA"
    indikator: list[IndikatorData] = field(default_factory=list)
    hasil_kerja_atasan_id: str | None = None
    id: str | None = None


def rencana_data(skp: Skp) -> list[HasilKerjaData]:
    """The stored plan as form data (for editing and saving back)."""
    return [
        HasilKerjaData(
            uraian=h.uraian,
            jenis=h.jenis,
            hasil_kerja_atasan_id=h.hasil_kerja_atasan_id,
            id=h.id,
            indikator=[
                IndikatorData(i.indikator, i.target, i.realisasi, i.bukti, i.id)
                for i in h.indikator
            ],
        )
        for h in skp.hasil_kerja
    ]


def _check_rencana(
    conn: sqlite3.Connection, info: SkpInfo, rencana: Sequence[HasilKerjaData]
) -> None:
    reasons: list[str] = []
    allowed_links = {i for i, _ in hasil_kerja_atasan(conn, info.id)}
    for n, hk in enumerate(rencana, start=1):
        if not _text(hk.uraian):
            reasons.append(tr("Hasil kerja {n}: rencana hasil kerja wajib diisi.", n=n))
        if hk.jenis not in ("UTAMA", "TAMBAHAN"):
            reasons.append(tr("Hasil kerja {n}: jenis harus UTAMA atau TAMBAHAN.", n=n))
        if hk.hasil_kerja_atasan_id and hk.hasil_kerja_atasan_id not in allowed_links:
            reasons.append(
                tr(
                    "Hasil kerja {n}: hasil kerja atasan yang didukung tidak ada di SKP pejabat "
                    "penilai tahun ini.",
                    n=n,
                )
            )
        for m, ind in enumerate(hk.indikator, start=1):
            if not _text(ind.indikator):
                reasons.append(
                    tr("Hasil kerja {n}, indikator {m}: uraian indikator wajib diisi.", n=n, m=m)
                )
    if reasons:
        raise ValidationError(reasons[0], field="hasil_kerja", reasons=reasons)


def simpan_rencana(
    db: Database,
    skp_id: str,
    rencana: Sequence[HasilKerjaData],
    perilaku: Mapping[str, str] | None = None,
    *,
    actor: str | Pelaku,
) -> None:
    """Save the plan as the form holds it: results and indicators (with targets, realisations
    and evidence), the expected behaviour per BerAKHLAK value. Rows left out are deleted. Only
    in draft; the appraiser may change the plan, the realisation is the employee's side."""

    def work(a: _Act) -> None:
        conn, tx = a.conn, a.tx
        _check_rencana(conn, a.info, rencana)
        kinds = pihak(a.pelaku, a.info)
        may_realise = bool(kinds & {Pihak.SISTEM, Pihak.OPERATOR, Pihak.PEMILIK})
        old_hk = {
            str(r[0]): dict(r)
            for r in conn.execute(
                "SELECT id, urutan, jenis, uraian, hasil_kerja_atasan_id FROM skp_hasil_kerja "
                "WHERE skp_id = ? AND deleted = 0",
                (skp_id,),
            )
        }
        old_ind = {
            str(r[0]): dict(r)
            for r in conn.execute(
                "SELECT i.id, i.hasil_kerja_id, i.urutan, i.indikator, i.target, i.realisasi, "
                "i.bukti FROM skp_indikator i JOIN skp_hasil_kerja h ON h.id = i.hasil_kerja_id "
                "WHERE h.skp_id = ? AND i.deleted = 0",
                (skp_id,),
            )
        }
        kept_hk: set[str] = set()
        kept_ind: set[str] = set()
        for n, hk in enumerate(rencana, start=1):
            values: dict[str, Value] = {
                "urutan": n,
                "jenis": hk.jenis,
                "uraian": _text(hk.uraian),
                "hasil_kerja_atasan_id": hk.hasil_kerja_atasan_id or None,
            }
            if hk.id and hk.id in old_hk:
                hk_id = hk.id
                tx.update("skp_hasil_kerja", hk_id, values)
            else:
                hk_id = tx.insert("skp_hasil_kerja", {"skp_id": skp_id, **values})
            kept_hk.add(hk_id)
            for m, ind in enumerate(hk.indikator, start=1):
                iv: dict[str, Value] = {
                    "hasil_kerja_id": hk_id,
                    "urutan": m,
                    "indikator": _text(ind.indikator),
                    "target": _text(ind.target) or None,
                }
                old = old_ind.get(ind.id or "")
                realised = {
                    "realisasi": _text(ind.realisasi) or None,
                    "bukti": _text(ind.bukti) or None,
                }
                if may_realise:
                    iv.update(realised)
                elif (old is None and any(realised.values())) or (
                    old is not None
                    and (old["realisasi"] or None, old["bukti"] or None)
                    != (realised["realisasi"], realised["bukti"])
                ):
                    raise _Refused(
                        Putusan(
                            False,
                            tr(
                                "Akses ditolak: realisasi dan bukti diisi oleh pegawai atau "
                                "operatornya, bukan oleh {nama}.",
                                nama=a.pelaku.nama,
                            ),
                            "peran",
                        )
                    )
                if old is not None:
                    tx.update("skp_indikator", str(ind.id), iv)
                    kept_ind.add(str(ind.id))
                else:
                    kept_ind.add(tx.insert("skp_indikator", iv))
        for ind_id in old_ind:
            if ind_id not in kept_ind:
                tx.delete("skp_indikator", ind_id)
        for hk_id in old_hk:
            if hk_id not in kept_hk:
                tx.delete("skp_hasil_kerja", hk_id)
        if perilaku is not None:
            _write_perilaku(tx, conn, skp_id, "ekspektasi", perilaku)

    _act(db, skp_id, Transisi.UBAH_RENCANA, actor,
         tr("Menyimpan rencana SKP {x}", x=_label(db.conn, skp_id)), work)  # fmt: skip


def _write_perilaku(
    tx: WriteTx, conn: sqlite3.Connection, skp_id: str, column: str, texts: Mapping[str, str]
) -> None:
    known = {
        str(r[0]) for r in conn.execute("SELECT kode FROM ref_nilai_berakhlak WHERE deleted = 0")
    }
    bad = [k for k in texts if k not in known]
    if bad:
        raise ValidationError(
            tr("Nilai BerAKHLAK {k} tidak dikenal.", k=", ".join(bad)), field="perilaku"
        )
    for kode, text in texts.items():
        row_id = natural_id("skp_perilaku", skp_id, kode)
        value = _text(text) or None
        if conn.execute("SELECT 1 FROM skp_perilaku WHERE id = ?", (row_id,)).fetchone():
            tx.update("skp_perilaku", row_id, {column: value, "deleted": 0})
        elif value:
            tx.insert(
                "skp_perilaku",
                {"id": row_id, "skp_id": skp_id, "nilai_kode": kode, column: value},
            )


def isi_realisasi(
    db: Database,
    skp_id: str,
    realisasi: Mapping[str, tuple[str, str]],
    *,
    actor: str | Pelaku,
) -> None:
    """Record the realisation and the evidence note per indicator (indicator id ->
    (realisasi, bukti)). In draft, by the employee or the operator."""

    def work(a: _Act) -> None:
        own = {
            str(r[0])
            for r in a.conn.execute(
                "SELECT i.id FROM skp_indikator i JOIN skp_hasil_kerja h "
                "ON h.id = i.hasil_kerja_id WHERE h.skp_id = ? AND i.deleted = 0",
                (skp_id,),
            )
        }
        for ind_id, (value, bukti) in realisasi.items():
            if ind_id not in own:
                raise ValidationError(
                    tr("Indikator {id} bukan bagian SKP ini.", id=ind_id), field="realisasi"
                )
            a.tx.update(
                "skp_indikator",
                ind_id,
                {"realisasi": _text(value) or None, "bukti": _text(bukti) or None},
            )

    _act(db, skp_id, Transisi.REALISASI, actor,
         tr("Mengisi realisasi SKP {x}", x=_label(db.conn, skp_id)), work)  # fmt: skip


# -- peer feedback --------------------------------------------------------------------------------


def minta_umpan_balik(
    db: Database, skp_id: str, rekan_ids: Sequence[str], *, actor: str | Pelaku
) -> int:
    """Ask colleagues for feedback on the employee's behaviour (one row per value, empty until
    answered). Returns how many colleagues were newly asked."""

    def work(a: _Act) -> int:
        values = [
            str(r[0])
            for r in a.conn.execute(
                "SELECT kode FROM ref_nilai_berakhlak WHERE deleted = 0 ORDER BY urutan"
            )
        ]
        added = 0
        for rid in dict.fromkeys(rekan_ids):
            _check_pegawai(a.conn, rid, "rekan")
            if rid in (a.info.pegawai_id, a.info.penilai_id):
                raise ValidationError(
                    tr("Rekan kerja harus orang lain daripada pegawai dan pejabat penilainya."),
                    field="rekan",
                )
            if rid in a.info.rekan_ids:
                continue
            added += 1
            a.tx.insert_many(
                "skp_umpan_balik_rekan",
                [
                    {
                        "id": natural_id("skp_umpan_balik_rekan", skp_id, rid, kode),
                        "skp_id": skp_id,
                        "rekan_id": rid,
                        "nilai_kode": kode,
                        "diminta": a.now,
                    }
                    for kode in values
                ],
            )
        return added

    result: int = _act(db, skp_id, Transisi.MINTA_REKAN, actor,
                       tr("Meminta umpan balik rekan untuk SKP {x}", x=_label(db.conn, skp_id)),
                       work)  # fmt: skip
    return result


def isi_umpan_balik_rekan(
    db: Database,
    skp_id: str,
    rekan_id: str,
    umpan_balik: Mapping[str, str],
    *,
    actor: str | Pelaku,
) -> None:
    """A colleague's answer, text per BerAKHLAK value (by the colleague, or the operator typing
    a paper answer)."""
    pelaku = pelaku_dari(db, actor)

    def work(a: _Act) -> None:
        if rekan_id not in a.info.rekan_ids:
            raise ValidationError(
                tr("Rekan ini tidak diminta memberi umpan balik untuk SKP ini."), field="rekan"
            )
        kinds = pihak(a.pelaku, a.info)
        if not (kinds & {Pihak.SISTEM, Pihak.OPERATOR}) and a.pelaku.pegawai_id != rekan_id:
            raise _Refused(
                Putusan(
                    False,
                    tr("Akses ditolak: {nama} hanya dapat mengisi umpan baliknya sendiri.",
                       nama=a.pelaku.nama),
                    "peran",
                )
            )  # fmt: skip
        for kode, text in umpan_balik.items():
            row_id = natural_id("skp_umpan_balik_rekan", skp_id, rekan_id, kode)
            if not a.conn.execute(
                "SELECT 1 FROM skp_umpan_balik_rekan WHERE id = ?", (row_id,)
            ).fetchone():
                raise ValidationError(
                    tr("Nilai BerAKHLAK {k} tidak dikenal.", k=kode), field="umpan_balik"
                )
            a.tx.update(
                "skp_umpan_balik_rekan",
                row_id,
                {"umpan_balik": _text(text) or None, "dijawab": a.now},
            )

    aksi = tr("Mengisi umpan balik rekan untuk SKP {x}", x=_label(db.conn, skp_id))
    _act(db, skp_id, Transisi.JAWAB_REKAN, pelaku, aksi, work)


# -- the state changes ----------------------------------------------------------------------------


def ajukan(db: Database, skp_id: str, *, actor: str | Pelaku) -> None:
    """Submit the SKP for rating (draft -> diajukan). It needs at least one result with an
    indicator and a target."""

    def work(a: _Act) -> None:
        row = a.conn.execute(
            "SELECT count(*) FROM skp_indikator i JOIN skp_hasil_kerja h "
            "ON h.id = i.hasil_kerja_id WHERE h.skp_id = ? AND h.deleted = 0 AND i.deleted = 0 "
            "AND coalesce(i.target, '') <> ''",
            (skp_id,),
        ).fetchone()
        if not row[0]:
            raise ValidationError(
                tr(
                    "SKP belum dapat diajukan: isi dulu sedikitnya satu rencana hasil kerja "
                    "dengan indikator dan targetnya."
                ),
                field="hasil_kerja",
            )
        if not a.info.penilai_id:
            raise ValidationError(
                tr("SKP belum dapat diajukan: pejabat penilai belum ditentukan."),
                field="penilai",
            )
        _move(a, Transisi.AJUKAN, {"diajukan": a.now})

    _act(db, skp_id, Transisi.AJUKAN, actor,
         tr("Mengajukan SKP {x}", x=_label(db.conn, skp_id)), work)  # fmt: skip


def nilai(
    db: Database,
    skp_id: str,
    rating_hasil: str,
    rating_perilaku: str,
    *,
    actor: str | Pelaku,
    umpan_balik: Mapping[str, str] | None = None,
    umpan_balik_hasil: Mapping[str, str] | None = None,
    catatan: str | None = None,
) -> str:
    """The appraiser's rating (diajukan -> dinilai; a rated SKP may be rated again): ratings of
    hasil kerja and perilaku kerja, feedback per BerAKHLAK value and per result. Returns the
    predikat kode from the matrix."""
    ref = Referensi.load(db.conn)
    hasil = rating_kode(rating_hasil, "rating_hasil")
    perilaku = rating_kode(rating_perilaku, "rating_perilaku")
    kode = predikat(ref, hasil, perilaku)

    def work(a: _Act) -> None:
        changes: dict[str, Value] = {
            "rating_hasil": hasil,
            "rating_perilaku": perilaku,
            "predikat_kode": kode,
            "dinilai": a.now,
        }
        if catatan is not None:
            changes["catatan_penilai"] = _text(catatan) or None
        if umpan_balik:
            _write_perilaku(a.tx, a.conn, skp_id, "umpan_balik", umpan_balik)
        if umpan_balik_hasil:
            own = {
                str(r[0])
                for r in a.conn.execute(
                    "SELECT id FROM skp_hasil_kerja WHERE skp_id = ? AND deleted = 0", (skp_id,)
                )
            }
            for hk_id, text in umpan_balik_hasil.items():
                if hk_id not in own:
                    raise ValidationError(
                        tr("Hasil kerja {id} bukan bagian SKP ini.", id=hk_id), field="umpan_balik"
                    )
                a.tx.update("skp_hasil_kerja", hk_id, {"umpan_balik": _text(text) or None})
        note = tr("predikat {p}", p=ref.label("ref_predikat", kode))
        _move(a, Transisi.NILAI, changes, note)

    _act(db, skp_id, Transisi.NILAI, actor,
         tr("Menilai SKP {x}", x=_label(db.conn, skp_id)), work)  # fmt: skip
    return kode


def _need_note(catatan: str | None, what: str) -> str:
    text = _text(catatan)
    if not text:
        raise ValidationError(
            tr("Tulis alasan {what} pada kolom catatan.", what=what), field="catatan"
        )
    return text


def kembalikan(db: Database, skp_id: str, catatan: str, *, actor: str | Pelaku) -> str:
    """Return for correction, with the reason: diajukan -> draft (the appraiser), dinilai ->
    diajukan (the appraiser's superior, or the appraiser). Returns the new state."""
    note = _need_note(catatan, tr("pengembalian"))

    def work(a: _Act) -> str:
        return _move(a, Transisi.KEMBALIKAN, {}, note)

    result: str = _act(db, skp_id, Transisi.KEMBALIKAN, actor,
                       tr("Mengembalikan SKP {x} untuk diperbaiki", x=_label(db.conn, skp_id)),
                       work, keterangan=note)  # fmt: skip
    return result


def tetapkan(db: Database, skp_id: str, *, actor: str | Pelaku) -> None:
    """Approve and lock the SKP (dinilai -> ditetapkan, by the appraiser's superior). The
    annual predikat lands in the employee's SKP history (``riwayat_skp``, natural id of
    :func:`app.models.pegawai.history.skp_id`, merging with an imported or typed row of that
    year)."""

    def work(a: _Act) -> None:
        row = _row(a.conn, skp_id)
        if not (row["rating_hasil"] and row["rating_perilaku"] and row["predikat_kode"]):
            raise ValidationError(tr("SKP belum dinilai lengkap."), field="rating_hasil")
        penilai = orang(a.conn, row["penilai_id"])
        _move(a, Transisi.TETAPKAN, {"terkunci": 1, "ditetapkan": a.now})
        upsert_skp(
            a.tx,
            a.conn,
            a.info.pegawai_id,
            {
                "tahun": a.info.tahun,
                "rating_hasil": row["rating_hasil"],
                "rating_perilaku": row["rating_perilaku"],
                "predikat_kode": row["predikat_kode"],
                "penilai_nama": penilai.nama if penilai else None,
                "penilai_nip": penilai.nip if penilai else None,
            },
        )

    _act(db, skp_id, Transisi.TETAPKAN, actor,
         tr("Menetapkan SKP {x}", x=_label(db.conn, skp_id)), work)  # fmt: skip


def buka_kembali(db: Database, skp_id: str, catatan: str, *, actor: str | Pelaku) -> None:
    """Reopen an approved SKP (ditetapkan -> dinilai, unlocked), by the admin, with the reason.
    The predikat already in the SKP history stays until the SKP is approved again."""
    note = _need_note(catatan, tr("membuka kembali"))

    def work(a: _Act) -> None:
        _move(a, Transisi.BUKA_KEMBALI, {"terkunci": 0}, note)

    _act(db, skp_id, Transisi.BUKA_KEMBALI, actor,
         tr("Membuka kembali SKP {x}", x=_label(db.conn, skp_id)), work,
         keterangan=note)  # fmt: skip


def nilai_periodik(
    db: Database,
    skp_id: str,
    ke: int,
    rating_hasil: str,
    rating_perilaku: str,
    *,
    actor: str | Pelaku,
    catatan: str | None = None,
) -> str:
    """A periodic (monthly or quarterly, as the year's period says) evaluation by the
    appraiser. Returns its predikat."""
    conn = db.conn
    tahun = int(_row(conn, skp_id)["tahun"])
    pola = pola_periodik(conn, tahun)
    jenis, last = ("TRIWULAN", 4) if pola == "TRIWULANAN" else ("BULAN", 12)
    if not 1 <= ke <= last:
        raise ValidationError(
            tr(
                "Periode ke-{ke} tidak ada; pola {pola} punya 1 sampai {n}.",
                ke=ke,
                pola=pola,
                n=last,
            ),
            field="ke",
        )
    ref = Referensi.load(conn)
    kode = predikat(ref, rating_hasil, rating_perilaku)

    def work(a: _Act) -> None:
        row_id = natural_id("skp_evaluasi", skp_id, jenis, ke)
        values: dict[str, Value] = {
            "rating_hasil": rating_kode(rating_hasil),
            "rating_perilaku": rating_kode(rating_perilaku),
            "predikat_kode": kode,
            "catatan": _text(catatan) or None,
        }
        if a.conn.execute("SELECT 1 FROM skp_evaluasi WHERE id = ?", (row_id,)).fetchone():
            a.tx.update("skp_evaluasi", row_id, {**values, "deleted": 0})
        else:
            a.tx.insert(
                "skp_evaluasi", {"id": row_id, "skp_id": skp_id, "jenis": jenis, "ke": ke, **values}
            )

    _act(db, skp_id, Transisi.NILAI_PERIODIK, actor,
         tr("Evaluasi periodik SKP {x}", x=_label(conn, skp_id)), work)  # fmt: skip
    return kode


def boleh(db: Database, actor: str | Pelaku, skp_id: str) -> dict[Transisi, Putusan]:
    """Every transition with the verdict for this actor (for the screens' buttons)."""
    pelaku = pelaku_dari(db, actor)
    info = skp_info(db.conn, skp_id)
    return {t: may(pelaku, info, t) for t in Transisi}


# -- progress -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KemajuanBaris:
    """Progress of one unit (or the agency): how many in each state, and the predikat of the
    rated ones (dinilai and ditetapkan)."""

    unit_id: str | None
    unit: str
    pegawai: int
    belum: int
    draft: int
    diajukan: int
    dinilai: int
    ditetapkan: int
    predikat: dict[str, int]

    @property
    def dinilai_total(self) -> int:
        return sum(self.predikat.values())


@dataclass(frozen=True)
class Kemajuan:
    tahun: int
    baris: list[KemajuanBaris]
    total: KemajuanBaris
    kurva: dict[str, int]  # expected percent per predikat
    predikat_label: dict[str, str]


def kemajuan(conn: sqlite3.Connection, tahun: int, unit_id: str | None = None) -> Kemajuan:
    """Progress of a year per perangkat daerah (or per unit under ``unit_id``): one aggregate
    query over the employee summary and the SKPs."""
    codes = [
        str(r[0])
        for r in conn.execute("SELECT kode FROM ref_predikat WHERE deleted = 0 ORDER BY urutan")
    ]
    labels = {
        str(r[0]): str(r[1])
        for r in conn.execute("SELECT kode, nama FROM ref_predikat WHERE deleted = 0")
    }
    group = "c.opd_id" if unit_id is None else "c.unit_id"
    name = "c.opd_nama" if unit_id is None else "c.unit_nama"
    pred_cols = "".join(
        ", sum(s.status IN ('dinilai', 'ditetapkan') AND s.predikat_kode = ?)" for _ in codes
    )
    sql = (
        f"SELECT {group}, max({name}), count(*), sum(s.id IS NULL), sum(s.status = 'draft'), "
        "sum(s.status = 'diajukan'), sum(s.status = 'dinilai'), sum(s.status = 'ditetapkan')"
        f"{pred_cols} FROM pegawai_ringkas c "
        "LEFT JOIN skp s ON s.pegawai_id = c.pegawai_id AND s.tahun = ? AND s.deleted = 0 "
        "WHERE +c.deleted = 0 AND (c.kedudukan = 'AKTIF' OR s.id IS NOT NULL)"
    )
    params: list[Any] = [*codes, tahun]
    if unit_id is not None:
        sql += " AND c.unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sub_units(conn, unit_id)))
    sql += f" GROUP BY {group} ORDER BY {group} IS NULL, max({name})"
    baris: list[KemajuanBaris] = []
    for r in conn.execute(sql, params):
        counts = [int(x or 0) for x in r[2:]]
        baris.append(
            KemajuanBaris(
                unit_id=r[0],
                unit=str(r[1] or tr("(tanpa unit)")),
                pegawai=counts[0],
                belum=counts[1],
                draft=counts[2],
                diajukan=counts[3],
                dinilai=counts[4],
                ditetapkan=counts[5],
                predikat=dict(zip(codes, counts[6:], strict=True)),
            )
        )
    total = KemajuanBaris(
        unit_id=unit_id,
        unit=tr("Jumlah"),
        pegawai=sum(b.pegawai for b in baris),
        belum=sum(b.belum for b in baris),
        draft=sum(b.draft for b in baris),
        diajukan=sum(b.diajukan for b in baris),
        dinilai=sum(b.dinilai for b in baris),
        ditetapkan=sum(b.ditetapkan for b in baris),
        predikat={c: sum(b.predikat[c] for b in baris) for c in codes},
    )
    return Kemajuan(tahun, baris, total, kurva(conn), {c: labels[c] for c in codes})


@dataclass(frozen=True)
class SkpBaris:
    """One employee in the SKP list (``skp_id`` None: no SKP for the year)."""

    pegawai_id: str
    skp_id: str | None
    nip: str
    nama: str
    jabatan: str
    unit: str
    status: str  # draft ... ditetapkan, or BELUM
    predikat_kode: str | None
    predikat: str
    penilai: str
    rating_hasil: str | None = None
    rating_perilaku: str | None = None


def daftar(
    conn: sqlite3.Connection,
    tahun: int,
    *,
    unit_id: str | None = None,
    status: str | None = None,
    penilai_id: str | None = None,
) -> list[SkpBaris]:
    """Employees with their SKP state for a year (``status`` BELUM: those without a plan;
    ``penilai_id``: the SKPs this person appraises or approves). One query."""
    sql = (
        "SELECT c.pegawai_id, s.id, c.nip, c.nama_lengkap, coalesce(s.nama_jabatan, "
        "c.jabatan_nama, ''), coalesce(c.unit_nama, ''), coalesce(s.status, ?), s.predikat_kode, "
        "coalesce(p.nama, ''), coalesce(n.nama_lengkap, ''), s.rating_hasil, s.rating_perilaku "
        "FROM pegawai_ringkas c "
        "LEFT JOIN skp s ON s.pegawai_id = c.pegawai_id AND s.tahun = ? AND s.deleted = 0 "
        "LEFT JOIN ref_predikat p ON p.kode = s.predikat_kode "
        "LEFT JOIN pegawai_ringkas n ON n.pegawai_id = s.penilai_id "
        "WHERE +c.deleted = 0 AND (c.kedudukan = 'AKTIF' OR s.id IS NOT NULL)"
    )
    params: list[Any] = [BELUM, tahun]
    if unit_id is not None:
        sql += " AND c.unit_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sub_units(conn, unit_id)))
    if status == BELUM:
        sql += " AND s.id IS NULL"
    elif status:
        sql += " AND s.status = ?"
        params.append(status)
    if penilai_id:
        sql += " AND (s.penilai_id = ? OR s.atasan_penilai_id = ?)"
        params += [penilai_id, penilai_id]
    sql += " ORDER BY c.unit_nama, c.nama_urut, c.nip"
    return [
        SkpBaris(
            str(r[0]),
            r[1],
            str(r[2]),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            str(r[6]),
            r[7],
            str(r[8]),
            str(r[9]),
            r[10],
            r[11],
        )
        for r in conn.execute(sql, params)
    ]


# -- documents ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DokumenEvaluasi:
    """Plain data of the Dokumen Evaluasi Kinerja Pegawai (PermenPANRB 6/2022 Lampiran)."""

    instansi: str
    pemerintah: str
    tahun: int
    periode: str  # "1 Januari s.d. 31 Desember 2026"
    pegawai: Orang
    penilai: Orang | None
    atasan_penilai: Orang | None
    hasil_kerja: tuple[HasilKerja, ...]
    perilaku: tuple[Perilaku, ...]
    rating_hasil: str  # labels
    rating_perilaku: str
    predikat: str
    catatan: str
    status: str
    tempat: str
    tanggal: str  # written the Indonesian way


def dokumen_evaluasi(
    conn: sqlite3.Connection, skp_id: str, *, today: date | None = None
) -> DokumenEvaluasi:
    """The data of the evaluation document of one SKP."""
    from app.models.storage.instansi import get_setting

    ref = Referensi.load(conn)
    skp = get_skp(conn, skp_id, ref)
    when = date.fromisoformat(skp.ditetapkan[:10]) if skp.ditetapkan else (today or date.today())
    return DokumenEvaluasi(
        instansi=get_setting(conn, "nama_instansi") or "",
        pemerintah=get_setting(conn, "nama_pemerintah") or "",
        tahun=skp.tahun,
        periode=tr(
            "{a} s.d. {b}", a=tanggal(date(skp.tahun, 1, 1)), b=tanggal(date(skp.tahun, 12, 31))
        ),
        pegawai=skp.pegawai,
        penilai=skp.penilai,
        atasan_penilai=skp.atasan_penilai,
        hasil_kerja=skp.hasil_kerja,
        perilaku=skp.perilaku,
        rating_hasil=ref.label("ref_rating", skp.rating_hasil),
        rating_perilaku=ref.label("ref_rating", skp.rating_perilaku),
        predikat=ref.label("ref_predikat", skp.predikat_kode),
        catatan=skp.catatan_penilai,
        status=status_label(skp.status),
        tempat=get_setting(conn, "ibu_kota") or "",
        tanggal=tanggal(when),
    )


def catat_ekspor_rekap(
    db: Database, tahun: int, unit_id: str | None, path: Any, n: int, *, actor: Any
) -> None:
    """An export of the rekap SKP is a read of personal data: written to the audit trail.
    ``actor`` as everywhere in this module: a session, a plain name or a :class:`Pelaku`."""
    Store(db).record_read(
        tr("Ekspor rekap SKP {tahun}", tahun=tahun),
        actor=pelaku_dari(db, actor).nama,
        record_id=unit_id,
        keterangan=tr("{path}: {n} pegawai", path=path, n=n),
    )


def rekap_data(
    conn: sqlite3.Connection, tahun: int, unit_id: str | None, *, today: date | None = None
) -> tuple[Any, list[SkpBaris], Kemajuan]:
    """What the rekap SKP workbook needs: the title block, the employee rows, the progress."""
    from app.models.rekap.core import kop

    return (
        kop(conn, unit_id, today or date.today()),
        daftar(conn, tahun, unit_id=unit_id),
        kemajuan(conn, tahun, unit_id),
    )


__all__ = [
    "ATURAN",
    "BELUM",
    "KURVA_AWAL",
    "DokumenEvaluasi",
    "HasilKerjaData",
    "HasilMassal",
    "IndikatorData",
    "Kemajuan",
    "KemajuanBaris",
    "Pelaku",
    "Pihak",
    "Putusan",
    "Skp",
    "SkpBaris",
    "SkpInfo",
    "Status",
    "Transisi",
    "ajukan",
    "atasan_langsung",
    "atur_kurva",
    "atur_periode",
    "boleh",
    "buat_massal",
    "buat_skp",
    "buka_kembali",
    "daftar",
    "daftar_periode",
    "dokumen_evaluasi",
    "find_skp",
    "ganti_penilai",
    "get_skp",
    "isi_realisasi",
    "isi_umpan_balik_rekan",
    "kemajuan",
    "kembalikan",
    "kurva",
    "may",
    "minta_umpan_balik",
    "nilai",
    "nilai_periodik",
    "pelaku_dari",
    "predikat",
    "rekap_data",
    "simpan_rencana",
    "skp_id_for",
    "tetapkan",
]
