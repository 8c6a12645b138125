"""Kenaikan pangkat (KP, asn-rules 5) and kenaikan gaji berkala (KGB, asn-rules 10.3) without a
database: the time in rank, the conditions of one candidate for a KP period with the reasons,
and the next KGB date.

The list of a period (:func:`app.models.rekap.kp.nominatif_kp`) finds the candidates in SQL and
asks :func:`check_kp` about each; what the records cannot show (angka kredit, ujian dinas) or
what comes from uncertain reference rows is marked "Perlu diverifikasi".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.i18n import tr
from app.models.reference.loader import Referensi
from app.models.rules.derivations import add_years

TAHUN_DALAM_PANGKAT = 4  # KP reguler, PP 99/2000 jo 12/2002 (asn-rules 5.2) [V]
TAHUN_DALAM_PANGKAT_JF = 2  # KP pilihan jabatan fungsional (asn-rules 5.3) [V/P]
TAHUN_KGB = 2  # PP 7/1977 Ps. 11-13 (asn-rules 10.3) [P]: every 2 years

# What the lists say about one person (KP and KGB alike).
STATUS_MEMENUHI = "Memenuhi syarat"
STATUS_VERIFIKASI = "Perlu diverifikasi"
STATUS_BELUM = "Belum memenuhi"


def kgb_berikutnya(dasar: date, mulai: date) -> tuple[date, int]:
    """The first KGB date on or after ``mulai`` in the 2-year steps from ``dasar`` (TMT of the
    last KGB or KP), and how many steps that is (more than 1: steps not on record)."""
    steps = 1
    due = add_years(dasar, TAHUN_KGB)
    while due < mulai:
        steps += 1
        due = add_years(dasar, TAHUN_KGB * steps)
    return due, steps


def _di_atas(ref: Referensi, kode: str | None, batas: str | None) -> bool:
    """Is golongan ``kode`` above the ceiling ``batas`` (False when either is unknown)?"""
    a, b = ref.golongan_urutan(kode), ref.golongan_urutan(batas)
    return a is not None and b is not None and a > b


@dataclass(frozen=True)
class CalonKp:
    """What the KP conditions look at for one PNS who has the time in rank on the period date."""

    golongan_kode: str
    golongan_baru: str | None  # the next rank (None: already at the top)
    jenis_jabatan_kode: str | None
    jenjang_kode: str | None
    pendidikan_kode: str | None
    skp: tuple[tuple[int, str | None, int | None], ...]  # (tahun, predikat kode, its urutan)
    hukuman_disiplin: bool  # a penalty that blocks KP runs on the period date
    atasan: tuple[str, int | None, str] | None = None  # direct superior: golongan, urutan, nama
    periode: date | None = None  # the KP period (rules in force on that date)


@dataclass(frozen=True)
class SyaratKp:
    """The answer of :func:`check_kp`: the kind of KP, the status, the reasons, and whether the
    next rank is above the ceiling of the diploma or of the JF level."""

    jenis_kp: str
    status: str  # STATUS_MEMENUHI, STATUS_VERIFIKASI or STATUS_BELUM
    keterangan: tuple[str, ...]
    melebihi_batas: bool


def check_kp(ref: Referensi, calon: CalonKp) -> SyaratKp:
    """The KP conditions of one candidate (asn-rules 5.2, 5.3), with the reasons in Indonesian.

    Checked: performance at least Baik in the years given, a discipline penalty that blocks KP
    (``ref_hukuman_disiplin.menghambat_kp_kgb``), the new pangkat not above the direct
    superior's (outside jabatan fungsional), the ceiling for the diploma
    (``ref_pendidikan.gol_maks_kode``) or for the JF level, and the ujian dinas of the two
    crossings that have one (:func:`ujian_dinas`).
    """
    predikat = ref.table("ref_predikat")
    baik = int(predikat["BAIK"]["urutan"]) if "BAIK" in predikat else 2
    gol, baru, jenjang = calon.golongan_kode, calon.golongan_baru, calon.jenjang_kode
    notes: list[str] = []
    belum = verif = melebihi = False
    jf = calon.jenis_jabatan_kode == "JF"
    jenis_kp = tr("Pilihan (jabatan fungsional)") if jf else tr("Reguler")
    for th, kode, urutan in calon.skp:
        if kode is None:
            notes.append(tr("SKP {tahun} belum tercatat", tahun=th))
            verif = True
        elif urutan is None or int(urutan) > baik:
            notes.append(
                tr("Predikat SKP {tahun}: {p}", tahun=th, p=ref.label("ref_predikat", kode))
            )
            belum = True
    if calon.hukuman_disiplin:
        notes.append(tr("Sedang menjalani hukuman disiplin yang menunda KP"))
        belum = True
    if jf:
        notes.append(tr("Angka kredit belum diperiksa (perlu diverifikasi)"))
        verif = True
        jj = ref.jenjang.get(jenjang or "")
        maks = jj.get("gol_maks_kode") if jj else None
        if _di_atas(ref, baru, maks):
            notes.append(
                tr(
                    "Melebihi rentang pangkat jenjang {j} ({g}) (perlu diverifikasi)",
                    j=ref.label("ref_jenjang_jabatan", jenjang),
                    g=maks,
                )
            )
            verif = melebihi = True
    else:
        pend = ref.pendidikan.get(calon.pendidikan_kode or "")
        maks = pend.get("gol_maks_kode") if pend else None
        if pend is None:
            notes.append(tr("Pendidikan belum tercatat"))
            verif = True
        elif _di_atas(ref, baru, maks):
            text = tr(
                "Melebihi batas pangkat ijazah {p} ({g})",
                p=ref.label("ref_pendidikan", calon.pendidikan_kode),
                g=maks,
            )
            melebihi = True
            if pend.get("status_fakta") == "?":
                notes.append(text + " " + tr("(perlu diverifikasi)"))
                verif = True
            else:
                notes.append(text)
                belum = True
    # "Not higher than the pangkat of the direct superior" (asn-rules 5.2, 5.3); a JF may
    # exceed it.
    if baru and calon.atasan is not None and not jf:
        sup_gol, sup_urutan, sup_nama = calon.atasan
        baru_urutan = ref.golongan_urutan(baru)
        if sup_urutan is not None and baru_urutan is not None and baru_urutan > sup_urutan:
            notes.append(
                tr(
                    "Pangkat baru {g} melebihi pangkat atasan langsung {nama} ({ga})",
                    g=baru,
                    nama=sup_nama,
                    ga=sup_gol,
                )
            )
            belum = True
    ujian = ujian_dinas(ref, gol, baru, calon.pendidikan_kode, jf=jf, pada=calon.periode)
    if ujian is not None:
        notes.append(ujian)
        verif = True
    status = STATUS_BELUM if belum else STATUS_VERIFIKASI if verif else STATUS_MEMENUHI
    return SyaratKp(jenis_kp, status, tuple(notes), melebihi)


def ujian_dinas(
    ref: Referensi,
    gol: str,
    baru: str | None,
    pendidikan: str | None,
    *,
    jf: bool,
    pada: date | None = None,
) -> str | None:
    """The reason to show when the promotion from ``gol`` to ``baru`` needs the ujian dinas, or
    None. The crossings and exemptions are the rows of ``ref_ujian_dinas`` in force on ``pada``
    (the KP period; None: the rows still in force). The leadership training that also exempts is
    not in the records, so the reason stays "perlu diverifikasi"."""
    on = pada.isoformat() if pada else None
    for row in ref.table("ref_ujian_dinas").values():
        if (row["gol_dari_kode"], row["gol_ke_kode"]) != (gol, baru):
            continue
        sampai = row["berlaku_sampai"]
        if (on is None and sampai) or (
            on is not None and (str(row["berlaku_mulai"]) > on or (sampai and str(sampai) < on))
        ):
            continue
        bebas = {k.strip() for k in str(row["pendidikan_bebas"] or "").split(",") if k.strip()}
        periksa = {k.strip() for k in str(row["pendidikan_periksa"] or "").split(",") if k.strip()}
        if (jf and row["bebas_jf"]) or (pendidikan or "") in bebas:
            return None
        # an edited row with an odd tingkat must not break the KP list: anything but 2 is I
        nama = tr("tingkat II") if str(row["tingkat"]).strip() == "2" else tr("tingkat I")
        if (pendidikan or "") in periksa:
            return tr(
                "Naik golongan: ujian dinas {u} tidak perlu bila ijazah dokter atau apoteker "
                "(perlu diverifikasi)",
                u=nama,
            )
        return (
            tr(
                "Naik golongan: perlu lulus ujian dinas {u}, kecuali lulus pelatihan kepemimpinan "
                "yang setara atau penyesuaian ijazah (UKPPI)",
                u=nama,
            )
            + " "
            + tr("(perlu diverifikasi)")
        )
    return None
