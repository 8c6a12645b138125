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
from typing import Any

from app.i18n import tanggal, tr
from app.models.reference.loader import Referensi
from app.models.rules.cuti import Rentang as Periode
from app.models.rules.cuti import geser_tanggal, hari_dalam, mulai_bersih
from app.models.rules.derivations import add_years, masa_kerja

TAHUN_DALAM_PANGKAT = 4  # KP reguler, PP 99/2000 jo 12/2002 (asn-rules 5.2) [V]
TAHUN_DALAM_PANGKAT_JF = 2  # KP pilihan jabatan fungsional (asn-rules 5.3) [V/P]
# KP pilihan struktural one step below the eselon range: 1 year in pangkat and 1 year in the
# post (PP 99/2000 jo PP 12/2002; asn-rules 5.3) [V/P]; otherwise 4 years as above (asn-rules
# 5.3; one textbook excerpt gives 2 years at the floor of the range [?]: check PP 99/2000 Ps. 9).
TAHUN_BAWAH_RENTANG = 1
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


def berlaku(row: dict[str, Any], pada: date | None) -> bool:
    """Is an effective-dated reference row (``berlaku_mulai``/``berlaku_sampai``) in force on
    ``pada``? None: the rows still in force (no end date)."""
    sampai = row.get("berlaku_sampai")
    if pada is None:
        return not sampai
    on = pada.isoformat()
    return str(row.get("berlaku_mulai") or "") <= on and (not sampai or str(sampai) >= on)


# The kinds of KP this module decides (asn-rules 5.2, 5.3); the codes of `merit kp eligible`.
JENIS_REGULER = "reguler"
JENIS_STRUKTURAL = "pilihan_struktural"
JENIS_JF = "jf"
JENIS_PILIHAN = "pilihan"  # a proposal of an earlier list whose kind of KP pilihan is not kept

# The clerk's words for the status of a row, and their codes in JSON output.
_STATUS_KODE = {
    STATUS_MEMENUHI: "memenuhi",
    STATUS_VERIFIKASI: "perlu_diverifikasi",
    STATUS_BELUM: "belum_memenuhi",
}


def status_kode(status: str) -> str:
    """``memenuhi``, ``perlu_diverifikasi`` or ``belum_memenuhi`` for a STATUS_* text."""
    return _STATUS_KODE.get(status, status)


def jenis_kp_label(kode: str, *, singkat: bool = False) -> str:
    """The clerk's name of a kind of KP (the code itself when unknown); ``singkat``: the short
    one for a table column."""
    # only the name asked for is translated (the Beranda asks once per row of its lists)
    if kode == JENIS_REGULER:
        return tr("Reguler")
    if kode == JENIS_PILIHAN:
        return tr("Pilihan")
    if kode == JENIS_STRUKTURAL:
        return tr("Struktural") if singkat else tr("Pilihan (jabatan struktural)")
    if kode == JENIS_JF:
        return tr("Pilihan JF") if singkat else tr("Pilihan (jabatan fungsional)")
    return kode


def jenis_kp(
    ref: Referensi, jenis_jabatan: str | None, jenjang: str | None, eselon: str | None
) -> str:
    """The kind of KP of a PNS by their position (asn-rules 5.2, 5.3): a jabatan fungsional
    gets KP by JF, a structural post (one with an eselon, or a managerial level: JPT,
    administrator, pengawas) KP pilihan struktural, anyone else KP reguler."""
    if jenis_jabatan == "JF":
        return JENIS_JF
    if eselon and eselon in ref.table("ref_eselon"):
        return JENIS_STRUKTURAL
    row = ref.jenjang.get(jenjang or "")
    if row is not None and row.get("kelompok") == "MANAJERIAL" and row.get("gol_min_kode"):
        return JENIS_STRUKTURAL
    return JENIS_REGULER


@dataclass(frozen=True)
class Rentang:
    """The pangkat range of a post: lowest and highest golongan, and what it is named after."""

    gol_min: str
    gol_maks: str
    nama: str  # "eselon IV.b" or "jenjang Pengawas"

    def teks(self) -> str:
        return f"{self.nama} ({self.gol_min}–{self.gol_maks})"


def rentang_struktural(ref: Referensi, eselon: str | None, jenjang: str | None) -> Rentang | None:
    """The pangkat range of a structural post: that of its eselon (PP 100/2000 jo PP 13/2002,
    ``ref_eselon``), or of its level when the eselon is not recorded."""
    row = ref.table("ref_eselon").get(eselon or "")
    if row is not None and row.get("gol_min_kode") and row.get("gol_maks_kode"):
        return Rentang(str(row["gol_min_kode"]), str(row["gol_maks_kode"]), f"eselon {eselon}")
    jj = ref.jenjang.get(jenjang or "")
    if jj is not None and jj.get("gol_min_kode") and jj.get("gol_maks_kode"):
        nama = tr("jenjang {j}", j=ref.label("ref_jenjang_jabatan", jenjang))
        return Rentang(str(jj["gol_min_kode"]), str(jj["gol_maks_kode"]), nama)
    return None


def batas_atasan(ref: Referensi, jenis: str, pada: date | None) -> dict[str, Any] | None:
    """The row of ``ref_batas_atasan_kp`` in force for a kind of KP on the period date, when it
    caps the new pangkat at the direct superior's (None: no cap then)."""
    for row in ref.table("ref_batas_atasan_kp").values():
        if row.get("jenis_kp") == jenis and berlaku(row, pada):
            return row if str(row.get("batas_atasan") or "0").strip() == "1" else None
    return None


@dataclass(frozen=True)
class CalonKp:
    """What the KP conditions look at for one PNS on a KP period date."""

    golongan_kode: str
    golongan_baru: str | None  # the next rank (None: already at the top)
    jenis_jabatan_kode: str | None
    jenjang_kode: str | None
    pendidikan_kode: str | None
    skp: tuple[tuple[int, str | None, int | None], ...]  # (tahun, predikat kode, its urutan)
    hukuman_disiplin: bool  # a penalty that blocks KP runs on the period date
    atasan: tuple[str, int | None, str] | None = None  # direct superior: golongan, urutan, nama
    periode: date | None = None  # the KP period (rules in force on that date)
    eselon_kode: str | None = None  # eselon of the current post (structural posts)
    tmt_golongan: date | None = None  # None: the caller has checked the time in rank
    tmt_jabatan: date | None = None  # TMT of the current post (None: not recorded)
    # approved leave not counted as service (CLTN): the time in pangkat leaves it out
    tidak_dihitung: tuple[Periode, ...] = ()


@dataclass(frozen=True)
class SyaratKp:
    """The answer of :func:`check_kp`: the kind of KP (``JENIS_*``), the status, the reasons,
    whether the next rank is above the ceiling of that kind (diploma, eselon range or JF level),
    whether the time in pangkat the kind asks for is met, and that ceiling."""

    jenis_kp: str
    status: str  # STATUS_MEMENUHI, STATUS_VERIFIKASI or STATUS_BELUM
    keterangan: tuple[str, ...]
    melebihi_batas: bool
    masa_cukup: bool = True
    batas_pangkat: str | None = None

    @property
    def jenis_kp_label(self) -> str:
        return jenis_kp_label(self.jenis_kp)


def _masa_teks(mulai: date, pada: date) -> str:
    tahun, bulan = masa_kerja(mulai, pada)
    return tr("{t} tahun {b} bulan", t=tahun, b=bulan)


def _masa_cukup(calon: CalonKp, tahun: int) -> tuple[bool, int]:
    """Has ``calon`` the ``tahun`` years in pangkat on the period date (True when either date
    is not given), and the CLTN days between the TMT and the period date."""
    tmt, periode = calon.tmt_golongan, calon.periode
    if tmt is None or periode is None:
        return True, 0
    # CLTN is not masa kerja (PP 11/2017, cuti chapter): the time in pangkat is reached later
    # by its days.
    cltn = calon.tidak_dihitung
    hari = hari_dalam(cltn, tmt, periode) if cltn else 0
    if hari == 0 and tmt <= add_years(periode, -tahun):
        return True, 0
    if hari and geser_tanggal(add_years(tmt, tahun), cltn, sejak=tmt) <= periode:
        return True, hari
    return False, hari


def saring_kp(ref: Referensi, calon: CalonKp) -> tuple[bool, bool]:
    """``(masa_cukup, melebihi_batas)`` of :func:`check_kp` without its reasons: what a list
    that leaves out those above the ceiling needs to know first (most candidates of a period
    are left out, and their reasons are never shown). Tested equal to check_kp's."""
    gol, baru, jenjang = calon.golongan_kode, calon.golongan_baru, calon.jenjang_kode
    jenis = jenis_kp(ref, calon.jenis_jabatan_kode, jenjang, calon.eselon_kode)
    if jenis == JENIS_STRUKTURAL:
        rentang = rentang_struktural(ref, calon.eselon_kode, jenjang)
        urut = ref.golongan_urutan(gol)
        lo = ref.golongan_urutan(rentang.gol_min) if rentang else None
        if rentang is None or urut is None or lo is None:
            return _masa_cukup(calon, TAHUN_DALAM_PANGKAT)[0], False
        tahun = TAHUN_BAWAH_RENTANG if urut == lo - 1 else TAHUN_DALAM_PANGKAT
        return _masa_cukup(calon, tahun)[0], _di_atas(ref, baru, rentang.gol_maks)
    if jenis == JENIS_JF:
        jj = ref.jenjang.get(jenjang or "")
        melebihi = jj is not None and _di_atas(ref, baru, jj.get("gol_maks_kode"))
        return _masa_cukup(calon, TAHUN_DALAM_PANGKAT_JF)[0], melebihi
    pend = ref.pendidikan.get(calon.pendidikan_kode or "")
    melebihi = pend is not None and _di_atas(ref, baru, pend.get("gol_maks_kode"))
    return _masa_cukup(calon, TAHUN_DALAM_PANGKAT)[0], melebihi


def check_kp(ref: Referensi, calon: CalonKp) -> SyaratKp:
    """The KP conditions of one candidate (asn-rules 5.2, 5.3), with the reasons in Indonesian.

    The kind follows the post (:func:`jenis_kp`). Checked: the time in pangkat of that kind on
    the period date (reguler 4 years; jabatan fungsional 2 years; structural 4 years, or 1 year
    in pangkat and 1 year in the post when the pangkat is one step below the eselon range),
    performance at least Baik in the years given, a discipline penalty that blocks KP
    (``ref_hukuman_disiplin.menghambat_kp_kgb``), the ceiling of the kind (diploma for reguler,
    ``ref_pendidikan.gol_maks_kode``; the eselon range for structural posts; the JF level range),
    the direct superior's pangkat where ``ref_batas_atasan_kp`` caps it on the period date, and
    the ujian dinas of the two crossings that have one (:func:`ujian_dinas`).
    """
    predikat = ref.table("ref_predikat")
    baik = int(predikat["BAIK"]["urutan"]) if "BAIK" in predikat else 2
    gol, baru, jenjang = calon.golongan_kode, calon.golongan_baru, calon.jenjang_kode
    periode = calon.periode
    tolak: list[str] = []  # reasons that hold the KP back ("belum memenuhi"): shown first
    notes: list[str] = []  # what is to be verified
    belum = verif = melebihi = False
    masa_cukup = True
    jenis = jenis_kp(ref, calon.jenis_jabatan_kode, jenjang, calon.eselon_kode)
    jf = jenis == JENIS_JF
    batas_pangkat: str | None = None

    def cek_masa(tahun: int) -> None:
        nonlocal masa_cukup, belum
        tmt = calon.tmt_golongan
        cukup, hari = _masa_cukup(calon, tahun)
        if cukup or tmt is None or periode is None:
            return
        cltn = calon.tidak_dihitung
        masa_cukup, belum = False, True
        tolak.append(
            tr(
                "Baru {masa} dalam pangkat {g}; perlu sedikitnya {n} tahun",
                masa=_masa_teks(mulai_bersih(tmt, periode, cltn), periode),
                g=gol,
                n=tahun,
            )
            + (tr(" ({n} hari CLTN tidak dihitung)", n=hari) if hari else "")
        )

    if jenis == JENIS_STRUKTURAL:
        rentang = rentang_struktural(ref, calon.eselon_kode, jenjang)
        urut = ref.golongan_urutan(gol)
        lo = ref.golongan_urutan(rentang.gol_min) if rentang else None
        if rentang is None or urut is None or lo is None:
            notes.append(
                tr("Rentang pangkat jabatan struktural tidak diketahui (perlu diverifikasi)")
            )
            verif = True
            cek_masa(TAHUN_DALAM_PANGKAT)
        else:
            batas_pangkat = rentang.gol_maks
            if calon.eselon_kode not in ref.table("ref_eselon"):
                notes.append(
                    tr(
                        "Eselon jabatan belum tercatat; dipakai rentang {r} (perlu diverifikasi)",
                        r=rentang.teks(),
                    )
                )
                verif = True
            if urut == lo - 1:
                # One step below the range: 1 year in pangkat and 1 year in the post
                # (PP 99/2000 jo PP 12/2002; asn-rules 5.3).
                cek_masa(TAHUN_BAWAH_RENTANG)
                tmt_jab = calon.tmt_jabatan
                if tmt_jab is None:
                    notes.append(
                        tr(
                            "TMT jabatan belum tercatat: satu tingkat di bawah rentang {r} perlu "
                            "sedikitnya 1 tahun dalam jabatan (perlu diverifikasi)",
                            r=rentang.teks(),
                        )
                    )
                    verif = True
                elif periode is not None and tmt_jab > add_years(periode, -TAHUN_BAWAH_RENTANG):
                    tolak.append(
                        tr(
                            "Baru {masa} dalam jabatan (TMT {t}); satu tingkat di bawah "
                            "rentang {r} perlu sedikitnya 1 tahun dalam jabatan",
                            masa=_masa_teks(tmt_jab, periode),
                            t=tanggal(tmt_jab),
                            r=rentang.teks(),
                        )
                    )
                    belum = True
            else:
                cek_masa(TAHUN_DALAM_PANGKAT)
                if urut < lo - 1:
                    notes.append(
                        tr(
                            "Pangkat {g} lebih dari satu tingkat di bawah rentang {r} "
                            "(perlu diverifikasi)",
                            g=gol,
                            r=rentang.teks(),
                        )
                    )
                    verif = True
            if _di_atas(ref, baru, rentang.gol_maks):
                # Never above the highest pangkat of the eselon range (asn-rules 5.3).
                tolak.append(
                    tr(
                        "Melebihi rentang pangkat {r}: pangkat baru {b}, sedangkan KP pilihan "
                        "struktural paling tinggi {g}",
                        b=baru,
                        r=rentang.teks(),
                        g=rentang.gol_maks,
                    )
                )
                belum = melebihi = True
    elif jf:
        cek_masa(TAHUN_DALAM_PANGKAT_JF)
    else:
        cek_masa(TAHUN_DALAM_PANGKAT)
    for th, kode, urutan in calon.skp:
        if kode is None:
            notes.append(tr("SKP {tahun} belum tercatat", tahun=th))
            verif = True
        elif urutan is None or int(urutan) > baik:
            tolak.append(
                tr("Predikat SKP {tahun}: {p}", tahun=th, p=ref.label("ref_predikat", kode))
            )
            belum = True
    if calon.hukuman_disiplin:
        tolak.append(tr("Sedang menjalani hukuman disiplin yang menunda KP"))
        belum = True
    if jf:
        notes.append(tr("Angka kredit belum diperiksa (perlu diverifikasi)"))
        verif = True
        jj = ref.jenjang.get(jenjang or "")
        maks = jj.get("gol_maks_kode") if jj else None
        batas_pangkat = str(maks) if maks else None
        if jj is None:
            notes.append(tr("Jenjang jabatan fungsional belum tercatat (perlu diverifikasi)"))
            verif = True
        elif _di_atas(ref, baru, maks):
            # The JF level range caps the KP: a higher pangkat needs a higher jenjang first.
            tolak.append(
                tr(
                    "Melebihi rentang pangkat jenjang {j} ({lo}–{g}): perlu naik jenjang "
                    "jabatan dahulu",
                    j=ref.label("ref_jenjang_jabatan", jenjang),
                    lo=jj.get("gol_min_kode") or "-",
                    g=maks,
                )
            )
            belum = melebihi = True
    elif jenis == JENIS_REGULER:
        pend = ref.pendidikan.get(calon.pendidikan_kode or "")
        maks = pend.get("gol_maks_kode") if pend else None
        batas_pangkat = str(maks) if maks else None
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
                tolak.append(text)
                belum = True
    # "Not higher than the pangkat of the direct superior": for the kinds and dates where
    # ref_batas_atasan_kp says so (KP reguler until 19 May 2025; asn-rules 5.2).
    # (the rule in force is looked up only for someone with a superior and a next rank)
    cap = batas_atasan(ref, jenis, periode) if baru and calon.atasan is not None else None
    if cap is not None and calon.atasan is not None:
        sup_gol, sup_urutan, sup_nama = calon.atasan
        baru_urutan = ref.golongan_urutan(baru)
        if sup_urutan is not None and baru_urutan is not None and baru_urutan > sup_urutan:
            tolak.append(
                tr(
                    "Pangkat baru {g} melebihi pangkat atasan langsung {nama} ({ga}); "
                    "tidak boleh menurut {dasar}",
                    g=baru,
                    nama=sup_nama,
                    ga=sup_gol,
                    dasar=cap.get("dasar_hukum") or "ref_batas_atasan_kp",
                )
            )
            belum = True
    ujian = ujian_dinas(ref, gol, baru, calon.pendidikan_kode, jf=jf, pada=periode)
    if ujian is not None:
        notes.append(ujian)
        verif = True
    status = STATUS_BELUM if belum else STATUS_VERIFIKASI if verif else STATUS_MEMENUHI
    return SyaratKp(jenis, status, (*tolak, *notes), melebihi, masa_cukup, batas_pangkat)


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
    for row in ref.table("ref_ujian_dinas").values():
        if (row["gol_dari_kode"], row["gol_ke_kode"]) != (gol, baru) or not berlaku(row, pada):
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
