"""The rules of the SKP (PermenPANRB 6/2022, asn-rules.md section 4) without a database: the
states and the transitions, who may take them, the predikat matrix, the periodic evaluations.

The year's SKP of an employee moves through four states::

    draft --ajukan--> diajukan --nilai--> dinilai --tetapkan--> ditetapkan (terkunci)
      ^                  |  ^                 |                     |
      +---kembalikan-----+  +---kembalikan----+                     |
                            dinilai <-------- buka kembali ---------+  (admin, recorded)

:func:`may` (an actor, an SKP, a transition) says yes or no with the reason in Indonesian; the
write functions of :mod:`app.models.skp` call it inside their write transaction. The rights
follow the relation of the actor to the SKP (the appraiser *of this* SKP, the operator *of this
employee's unit*), see :class:`Pihak`.

The predikat follows the matrix of asn-rules 4.2 read from ``ref_matriks_predikat``
(:func:`predikat`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.i18n import BULAN, tr
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rules.pegawai import predikat_from_ratings

# -- states and transitions --------------------------------------------------------------------


class Status(StrEnum):
    """The states of an SKP (their labels: :func:`status_label`)."""

    DRAFT = "draft"
    DIAJUKAN = "diajukan"
    DINILAI = "dinilai"
    DITETAPKAN = "ditetapkan"


BELUM = "belum"  # in lists and progress: an active employee with no SKP for the year


def status_labels() -> dict[str, str]:
    """What each state is called on screen and on paper (``BELUM``: no SKP yet)."""
    return {
        "draft": tr("Draf"),
        "diajukan": tr("Diajukan"),
        "dinilai": tr("Dinilai"),
        "ditetapkan": tr("Ditetapkan"),
        BELUM: tr("Belum ada SKP"),
    }


def status_label(status: str | None) -> str:
    """The label of one state (:func:`status_labels`); an unknown state as it is."""
    return status_labels().get(status or BELUM, status or "")


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
    (``ref_matriks_predikat``, keyed ``HASIL|PERILAKU``). Raises ValidationError for an unknown
    rating."""
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
