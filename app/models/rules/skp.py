"""The rules of the SKP (PermenPANRB 6/2022, asn-rules.md section 4) without a database: the
states and the transitions, who may take them, the predikat matrix, the periodic evaluations.

The year's SKP of an employee moves through these states (PermenPANRB 6/2022 Ps. 14 and PP 30/2019
Ps. 59, asn-rules 4.4)::

    draft --setujui_rencana--> disetujui --ajukan--> diajukan --nilai--> dinilai
      ^   (pejabat penilai)     |   ^   (pegawai/op.)   |   ^  (penilai)    |
      +------kembalikan---------+   +----kembalikan-----+   +-kembalikan----+
                                                                          | tetapkan (penilai)
                                                                          v
          final <--putus_keberatan-- keberatan <--keberatan-- ditetapkan (terkunci)
    (terkunci)  (atasan pejabat      (pegawai/operator, within the   |
                 penilai)             days of ref_tenggat_skp)       +--buka kembali--> dinilai
                                                                         (admin, recorded)

The pejabat penilai approves the plan at the start and ditetapkan the rating: there is no
routine second approval. The atasan pejabat penilai acts only on a keberatan, and the decision
is final: nothing changes a final SKP. ``catat_hasil`` keys in a paper result (an operator),
which counts as ditetapkan. A database from before this rule keeps its ``dinilai`` SKPs (rated,
waiting for the old approval): they now wait for the penilai's penetapan.

:func:`may` (an actor, an SKP, a transition) says yes or no with the reason in Indonesian; the
write functions of :mod:`app.models.skp` call it inside their write transaction. The rights
follow the relation of the actor to the SKP (the appraiser *of this* SKP, the operator *of this
employee's unit*), see :class:`Pihak`.

The predikat follows the matrix of asn-rules 4.2 read from ``ref_matriks_predikat``
(:func:`predikat`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.i18n import BULAN, angka, tanggal, tr
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rules.pegawai import predikat_from_ratings

# -- states and transitions --------------------------------------------------------------------


class Status(StrEnum):
    """The states of an SKP (their labels: :func:`status_label`)."""

    DRAFT = "draft"
    DISETUJUI = "disetujui"  # the plan approved by the pejabat penilai
    DIAJUKAN = "diajukan"
    DINILAI = "dinilai"
    DITETAPKAN = "ditetapkan"
    KEBERATAN = "keberatan"  # a keberatan lodged, waiting for the atasan pejabat penilai
    FINAL = "final"  # the keberatan decided: final (PP 30/2019 Ps. 59(4))


BELUM = "belum"  # in lists and progress: an active employee with no SKP for the year


def status_labels() -> dict[str, str]:
    """What each state is called on screen and on paper (``BELUM``: no SKP yet)."""
    return {
        "draft": tr("Draf"),
        "disetujui": tr("Rencana disetujui"),
        "diajukan": tr("Diajukan"),
        "dinilai": tr("Dinilai"),
        "ditetapkan": tr("Ditetapkan"),
        "keberatan": tr("Keberatan"),
        "final": tr("Final"),
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
    SETUJUI_RENCANA = "setujui_rencana"
    AJUKAN = "ajukan"
    NILAI = "nilai"
    KEMBALIKAN = "kembalikan"
    TETAPKAN = "tetapkan"
    KEBERATAN = "keberatan"
    PUTUS_KEBERATAN = "putus_keberatan"
    CATAT_HASIL = "catat_hasil"
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
            Transisi.SETUJUI_RENCANA: tr("menyetujui rencana"),
            Transisi.AJUKAN: tr("mengajukan"),
            Transisi.NILAI: tr("menilai"),
            Transisi.KEMBALIKAN: tr("mengembalikan"),
            Transisi.TETAPKAN: tr("menetapkan"),
            Transisi.KEBERATAN: tr("mengajukan keberatan atas"),
            Transisi.PUTUS_KEBERATAN: tr("memutus keberatan atas"),
            Transisi.CATAT_HASIL: tr("mencatat hasil penilaian kertas untuk"),
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


_D, _S, _A, _N, _T = (
    Status.DRAFT,
    Status.DISETUJUI,
    Status.DIAJUKAN,
    Status.DINILAI,
    Status.DITETAPKAN,
)
_K, _F = Status.KEBERATAN, Status.FINAL

# transition -> (states in which it may happen, who may do it). KEMBALIKAN is refined in may().
ATURAN: dict[Transisi, tuple[frozenset[str], frozenset[Pihak]]] = {
    Transisi.UBAH_RENCANA: (
        frozenset({_D}),
        frozenset({Pihak.OPERATOR, Pihak.PEMILIK, Pihak.PENILAI}),
    ),
    Transisi.REALISASI: (frozenset({_D, _S}), frozenset({Pihak.OPERATOR, Pihak.PEMILIK})),
    Transisi.GANTI_PENILAI: (frozenset({_D, _S, _A}), frozenset({Pihak.OPERATOR})),
    Transisi.MINTA_REKAN: (
        frozenset({_D, _S, _A}),
        frozenset({Pihak.OPERATOR, Pihak.PEMILIK, Pihak.PENILAI}),
    ),
    Transisi.JAWAB_REKAN: (frozenset({_D, _S, _A}), frozenset({Pihak.REKAN, Pihak.OPERATOR})),
    Transisi.NILAI_PERIODIK: (frozenset({_D, _S, _A, _N}), frozenset({Pihak.PENILAI})),
    Transisi.SETUJUI_RENCANA: (frozenset({_D}), frozenset({Pihak.PENILAI})),
    Transisi.AJUKAN: (frozenset({_S}), frozenset({Pihak.OPERATOR, Pihak.PEMILIK})),
    Transisi.NILAI: (frozenset({_A, _N}), frozenset({Pihak.PENILAI})),
    Transisi.KEMBALIKAN: (frozenset({_S, _A, _N}), frozenset({Pihak.PENILAI})),
    Transisi.TETAPKAN: (frozenset({_N}), frozenset({Pihak.PENILAI})),
    Transisi.KEBERATAN: (frozenset({_T}), frozenset({Pihak.PEMILIK, Pihak.OPERATOR})),
    Transisi.PUTUS_KEBERATAN: (frozenset({_K}), frozenset({Pihak.ATASAN})),
    Transisi.CATAT_HASIL: (frozenset({BELUM, _D, _S, _A, _N}), frozenset({Pihak.OPERATOR})),
    Transisi.BUKA_KEMBALI: (frozenset({_T}), frozenset({Pihak.ADMIN})),
}

# Transitions that may be taken on a locked (terkunci) SKP: the keberatan and its decision,
# and the admin's recorded reopening of a ditetapkan one. Nothing is taken on a final SKP.
PADA_TERKUNCI = frozenset({Transisi.KEBERATAN, Transisi.PUTUS_KEBERATAN, Transisi.BUKA_KEMBALI})

# Transitions that change the state, and to which state.
PERPINDAHAN = (
    Transisi.SETUJUI_RENCANA,
    Transisi.AJUKAN,
    Transisi.NILAI,
    Transisi.KEMBALIKAN,
    Transisi.TETAPKAN,
    Transisi.KEBERATAN,
    Transisi.PUTUS_KEBERATAN,
    Transisi.CATAT_HASIL,
    Transisi.BUKA_KEMBALI,
)

_KEMBALI_KE: dict[str, str] = {_S: _D, _A: _S, _N: _A}


def status_berikut(status: str, transisi: Transisi) -> str:
    """The state after ``transisi`` from ``status`` (the same state for edits)."""
    if transisi is Transisi.KEMBALIKAN:
        return _KEMBALI_KE.get(status, status)
    return {
        Transisi.SETUJUI_RENCANA: _S,
        Transisi.AJUKAN: _A,
        Transisi.NILAI: _N,
        Transisi.TETAPKAN: _T,
        Transisi.KEBERATAN: _K,
        Transisi.PUTUS_KEBERATAN: _F,
        Transisi.CATAT_HASIL: _T,
        Transisi.BUKA_KEMBALI: _N,
    }.get(transisi, status)


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
    batas_keberatan: str | None = None  # last day to lodge a keberatan (ISO), once ditetapkan


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


def may(pelaku: Pelaku, skp: SkpInfo, transisi: Transisi, hari_ini: date | None = None) -> Putusan:
    """May ``pelaku`` do ``transisi`` on ``skp`` now? (Pure: no database.) ``hari_ini`` is the
    date a keberatan is lodged on (the window of :func:`keberatan_terbuka`); None: not checked."""
    states, who = ATURAN[transisi]
    if skp.status == _F:
        return Putusan(
            False,
            tr(
                "SKP tahun {tahun} sudah final setelah keberatan diputus atasan pejabat penilai; "
                "tidak dapat {aksi}.",
                tahun=skp.tahun,
                aksi=transisi.label,
            ),
            "status",
        )
    if skp.terkunci and transisi is Transisi.CATAT_HASIL:
        return Putusan(False, _salah_status(skp, transisi, states), "status")
    if skp.terkunci and transisi not in PADA_TERKUNCI:
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
        return Putusan(False, _salah_status(skp, transisi, states), "status")
    if (
        transisi is Transisi.KEBERATAN
        and hari_ini is not None
        and not keberatan_terbuka(skp.batas_keberatan, hari_ini)
    ):
        return Putusan(
            False,
            tr(
                "Masa keberatan SKP tahun {tahun} sudah berakhir pada {batas}; keberatan tidak "
                "dapat diajukan lagi.",
                tahun=skp.tahun,
                batas=tanggal(skp.batas_keberatan),
            ),
            "status",
        )
    mine = pihak(pelaku, skp)
    if Pihak.SISTEM in mine or mine & who:
        return Putusan(True)
    if (
        pelaku.pegawai_id
        and pelaku.pegawai_id == skp.pegawai_id
        and who & {Pihak.PENILAI, Pihak.ATASAN}
    ):
        return Putusan(
            False,
            tr("Akses ditolak: {nama} tidak dapat {aksi} SKP miliknya sendiri.",
               nama=pelaku.nama, aksi=transisi.label),
            "peran",
        )  # fmt: skip
    alasan = tr(
        "Akses ditolak: {nama} tidak berhak {aksi} SKP ini. Yang berhak: {siapa}.",
        nama=pelaku.nama,
        aksi=transisi.label,
        siapa=_siapa(who),
    )
    if transisi is Transisi.PUTUS_KEBERATAN:
        alasan += " " + tr("Keberatan hanya diputus oleh atasan pejabat penilai SKP ini.")
    return Putusan(False, alasan, "peran")


def _salah_status(skp: SkpInfo, transisi: Transisi, states: frozenset[str]) -> str:
    if transisi is Transisi.KEBERATAN and skp.status in (_D, _S, _A, _N):
        return tr(
            "SKP tahun {tahun} belum ditetapkan pejabat penilai (status {status}); keberatan "
            "baru dapat diajukan setelah penetapan.",
            tahun=skp.tahun,
            status=status_label(skp.status),
        )
    if transisi is Transisi.KEBERATAN and skp.status == _K:
        return tr(
            "Keberatan atas SKP tahun {tahun} sudah diajukan dan menunggu putusan atasan "
            "pejabat penilai; keberatan hanya sekali.",
            tahun=skp.tahun,
        )
    if transisi is Transisi.PUTUS_KEBERATAN:
        return tr(
            "SKP tahun {tahun} berstatus {status}; tidak ada keberatan yang menunggu putusan.",
            tahun=skp.tahun,
            status=status_label(skp.status),
        )
    if transisi is Transisi.CATAT_HASIL:
        return tr(
            "SKP tahun {tahun} sudah berstatus {status}; hasil penilaian tidak dapat dicatat "
            "ulang.",
            tahun=skp.tahun,
            status=status_label(skp.status),
        )
    allowed = ", ".join(status_label(s) for s in Status if s in states)
    return tr(
        "SKP ini berstatus {status}; {aksi} hanya dapat dilakukan pada SKP berstatus {boleh}.",
        status=status_label(skp.status),
        aksi=transisi.label,
        boleh=allowed,
    )


# -- keberatan ----------------------------------------------------------------------------------


def batas_keberatan(ditetapkan: date, hari: int) -> date:
    """The last day a keberatan may be lodged: ``hari`` days after the penetapan (PP 30/2019
    Ps. 59(1): 14 days; calendar days and counting from the penetapan are [?], see
    ``ref_tenggat_skp``)."""
    return ditetapkan + timedelta(days=hari)


def keberatan_terbuka(batas: str | None, hari_ini: date) -> bool:
    """Is the keberatan window open on ``hari_ini``? (No recorded end: closed.)"""
    return bool(batas) and hari_ini <= date.fromisoformat(str(batas)[:10])


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


@dataclass(frozen=True)
class AturanKurva:
    """One rule of the pola distribusi for a level of capaian kinerja organisasi
    (``ref_kurva_predikat``, asn-rules 4.5 [P]): the share of the employees rated with one of
    ``predikat`` is at least ``persen_min`` and at most ``persen_maks``, and at least
    ``minimal_orang`` of them."""

    capaian: str
    predikat: tuple[str, ...]
    persen_min: int | None = None
    persen_maks: int | None = None
    minimal_orang: int | None = None


def check_distribusi(
    aturan: Sequence[AturanKurva],
    jumlah: Mapping[str, int],
    label: Mapping[str, str],
) -> list[str]:
    """The rules of the curve a distribution (predikat kode -> number of employees) breaks, as
    Indonesian sentences. A warning, never a refusal (asn-rules 4.5). Empty distribution: none."""
    total = sum(jumlah.values())
    if not total:
        return []
    warnings: list[str] = []
    for a in aturan:
        n = sum(jumlah.get(k, 0) for k in a.predikat)
        nama = tr(" dan/atau ").join(label.get(k, k) for k in a.predikat)
        share = n * 100 / total
        if a.persen_min is not None and share < a.persen_min:
            warnings.append(
                tr(
                    "{nama} {p}% ({n} dari {t}); pola distribusi meminta sedikitnya {m}%.",
                    nama=nama, p=angka(share), n=angka(n), t=angka(total), m=a.persen_min,
                )
            )  # fmt: skip
        if a.persen_maks is not None and share > a.persen_maks:
            warnings.append(
                tr(
                    "{nama} {p}% ({n} dari {t}); pola distribusi membolehkan paling banyak {m}%.",
                    nama=nama, p=angka(share), n=angka(n), t=angka(total), m=a.persen_maks,
                )
            )  # fmt: skip
        if a.minimal_orang is not None and n < a.minimal_orang:
            warnings.append(
                tr(
                    "Belum ada pegawai berpredikat {nama}; pola distribusi meminta sedikitnya "
                    "{m} orang.",
                    nama=nama,
                    m=a.minimal_orang,
                )
            )
    return warnings


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
