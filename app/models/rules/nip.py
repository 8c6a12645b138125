"""NIP (PNS), NI PPPK and NIK: normalise, validate, decode, format and cross-check.

Pure functions, no database and no Qt. The layouts and rules come from
``shared/domain/asn-rules.md`` section 1:

* NIP PNS, 18 digits (Perka BKN 22/2007 and 43/2007): ``YYYYMMDD`` birth date, ``YYYYMM``
  TMT CPNS, sex ``1``/``2``, sequence ``001``-``999``. There is no check digit.
* NI PPPK, 18 digits [P]: ``YYYYMMDD`` birth date, ``YYYY`` year of appointment, ``2`` (PPPK
  marker), contract number, sex, sequence. Position 13 tells the two apart: the first digit of
  a month (``0``/``1``) in a NIP, ``2`` in an NI PPPK.
* NIK, 16 digits (Dukcapil) [P]: ``PP KK CC DDMMYY SSSS``; women have 40 added to the day.

Every message is an Indonesian sentence that names the digits (positions) that are wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.i18n import BULAN, tanggal, tr
from app.models.errors import ValidationError
from app.models.rules.derivations import add_years

PNS = "PNS"
PPPK = "PPPK"

NIP_PANJANG = 18
NIK_PANJANG = 16

# The first PPPK were appointed in 2019 (PP 49/2018). Earlier years are suspicious, not
# impossible to find in messy data, so they only warn.
PPPK_TAHUN_PERTAMA = 2019

# PP 11/2017 sets the CPNS application age at 18-35 [?]; old and converted records break it,
# so an earlier TMT CPNS is a warning only (asn-rules 1.1 rule 6).
USIA_MINIMAL_CPNS = 18

# A birth date this many years before today is taken as a typing error.
USIA_MAKSIMAL = 100

_ANGKA = frozenset("0123456789")
_APOSTROF = "'‘’`´"
# Separators seen in spreadsheets: spaces (any Unicode space, including NBSP), dots, hyphens
# and their typographic cousins, and invisible characters pasted from web pages.
_PEMISAH = re.compile(r"[\s.\-‐‑‒–—\u200b\u200c\u200d\u2060\ufeff]+")
_AWALAN_NIP = re.compile(r"nip\s*[.:]*\s*", re.IGNORECASE)
_AWALAN_NIK = re.compile(r"nik\s*[.:]*\s*", re.IGNORECASE)
# Excel shows a long number as a float ("1.98609262015051e+17", or "1,98609E+17" in an
# Indonesian locale); the last digits are gone for good.
_ANGKA_ILMIAH = re.compile(r"[0-9]+(?:[.,][0-9]*)?[eE]\+?[0-9]+")


@dataclass(frozen=True)
class NipInfo:
    """What an 18-digit NIP or NI PPPK says about its holder."""

    nip: str  # normalised, 18 digits
    jenis_asn: str  # "PNS" or "PPPK"
    tanggal_lahir: date
    jenis_kelamin: str  # "L" or "P"
    nomor_urut: int  # digits 16-18
    tmt_cpns: date | None  # PNS: 1st of the month in digits 9-14; None for PPPK
    tahun_pengangkatan: int | None  # PPPK: digits 9-12; None for PNS
    kontrak_ke: int | None  # PPPK: digit 14 [P], opaque for paruh waktu; None for PNS
    peringatan: tuple[str, ...]  # soft warnings


@dataclass(frozen=True)
class NipCheck:
    """The result of :func:`check_nip`: every hard error and every warning found."""

    nip: str  # normalised input (may be invalid)
    valid: bool
    info: NipInfo | None
    kesalahan: tuple[str, ...]
    peringatan: tuple[str, ...]


@dataclass(frozen=True)
class NikInfo:
    """What a 16-digit NIK says about its holder."""

    nik: str
    kode_provinsi: str  # 2 digits
    kode_kabkota: str  # 4 digits (province + kab/kota)
    kode_kecamatan: str  # 6 digits (province + kab/kota + kecamatan)
    tanggal_lahir_ddmmyy: str  # as written, with the +40 removed for women
    hari: int
    bulan: int
    tahun2: int  # 2-digit year
    jenis_kelamin: str  # "L", or "P" when the written day is above 40
    nomor_urut: str  # 4 digits


# --- small helpers ---------------------------------------------------------------------------


def _angka_semua(text: str) -> bool:
    """True when ``text`` is non-empty and made of ASCII digits only."""
    return bool(text) and all(c in _ANGKA for c in text)


def _tanggal_dari(tahun: int, bulan: int, hari: int) -> date | None:
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        return None


def _bulan_tahun(nilai: date) -> str:
    return f"{tr(BULAN[nilai.month - 1])} {nilai.year}"


def _kelamin(kode: str) -> str:
    return tr("Laki-laki") if kode == "L" else tr("Perempuan")


def _tanda(chars: list[str]) -> str:
    """Quote the distinct characters of ``chars`` for a message (at most five)."""
    unik = list(dict.fromkeys(chars))
    teks = ", ".join(f"'{c}'" if c.isprintable() else repr(c) for c in unik[:5])
    return teks + (", …" if len(unik) > 5 else "")


def _ringkas(text: str, batas: int = 30) -> str:
    return text if len(text) <= batas else text[: batas - 1] + "…"


def _bersihkan(text: str, awalan: re.Pattern[str]) -> str:
    """Strip apostrophes, a label prefix and separators; keep an Excel float as it is."""
    s = text.strip()
    while True:
        sebelum = s
        s = s.lstrip(_APOSTROF).strip()
        m = awalan.match(s)
        if m:
            s = s[m.end() :].strip()
        if s == sebelum:
            break
    if _ANGKA_ILMIAH.fullmatch(s):
        return s
    return _PEMISAH.sub("", s)


def _jenis_asn(jenis_asn: str | None) -> str | None:
    if jenis_asn is None:
        return None
    kode = jenis_asn.strip().upper()
    if kode in (PNS, "CPNS"):
        return PNS
    if kode.startswith(PPPK):  # "PPPK", "PPPK PARUH WAKTU"
        return PPPK
    raise ValueError(f"jenis_asn must be 'PNS' or 'PPPK', not {jenis_asn!r}")


def _kode_kelamin(nilai: str) -> str | None:
    kode = nilai.strip().upper().replace(" ", "-")
    if kode in ("L", "LAKI-LAKI", "PRIA", "1"):
        return "L"
    if kode in ("P", "PEREMPUAN", "WANITA", "2"):
        return "P"
    return None


# --- NIP and NI PPPK ------------------------------------------------------------------------


def normalise_nip(text: str) -> str:
    """The NIP in ``text`` as bare characters, without what spreadsheets add.

    Strips surrounding whitespace, a leading apostrophe (Excel's text marker), a ``NIP``,
    ``NIP.`` or ``NIP:`` prefix, and spaces, dots and hyphens inside. An Excel float such as
    ``1.98609262015051e+17`` has lost its last digits and is returned as it is, so that
    :func:`check_nip` can say so. Never raises; the result may still be invalid.
    """
    return _bersihkan(text, _AWALAN_NIP)


def check_nip(text: str, *, jenis_asn: str | None = None, today: date | None = None) -> NipCheck:
    """Validate a NIP (PNS) or NI PPPK and collect every error and warning (asn-rules 1.1, 1.2).

    The kind is read from digit 13 (``0``/``1``: PNS, ``2``: PPPK) unless ``jenis_asn`` is
    given, in which case the number is checked as that kind and a number of the other kind
    is an error. Never raises on any ``text``; ``jenis_asn`` other than PNS/CPNS/PPPK is a
    programming error (``ValueError``).
    """
    hari_ini = today or date.today()
    diminta = _jenis_asn(jenis_asn)
    nip = normalise_nip(text)
    kesalahan: list[str] = []
    peringatan: list[str] = []

    def hasil() -> NipCheck:
        return NipCheck(nip, False, None, tuple(kesalahan), tuple(peringatan))

    if not nip:
        kesalahan.append(tr("NIP belum diisi."))
        return hasil()
    if _ANGKA_ILMIAH.fullmatch(nip):
        kesalahan.append(
            tr(
                "NIP tertulis sebagai angka ilmiah '{nilai}' (Excel membulatkan angka panjang), "
                "sehingga digit terakhirnya hilang. Ketik ulang NIP sebagai teks, misalnya "
                "diawali tanda petik (').",
                nilai=_ringkas(nip),
            )
        )
        return hasil()
    bukan_angka = [(i, c) for i, c in enumerate(nip, start=1) if c not in _ANGKA]
    if len(nip) != NIP_PANJANG:
        if bukan_angka:
            kesalahan.append(
                tr(
                    "NIP hanya boleh berisi angka, bukan {tanda}.",
                    tanda=_tanda([c for _, c in bukan_angka]),
                )
            )
        kesalahan.append(
            tr(
                "NIP harus 18 angka; yang diisi {jumlah} angka.",
                jumlah=len(nip) - len(bukan_angka),
            )
        )
        return hasil()
    if bukan_angka:
        kesalahan.append(
            tr(
                "NIP hanya boleh berisi angka; {daftar}.",
                daftar=", ".join(
                    tr("digit {posisi} berisi {tanda}", posisi=i, tanda=_tanda([c]))
                    for i, c in bukan_angka
                ),
            )
        )

    # Digits 1-8: birth date (rule 2).
    lahir: date | None = None
    bagian = nip[0:8]
    if _angka_semua(bagian):
        lahir = _tanggal_dari(int(bagian[:4]), int(bagian[4:6]), int(bagian[6:]))
        if lahir is None:
            kesalahan.append(
                tr("Digit 1–8 (tanggal lahir) '{nilai}' bukan tanggal yang ada.", nilai=bagian)
            )
        elif lahir > hari_ini:
            kesalahan.append(
                tr(
                    "Digit 1–8 (tanggal lahir) '{nilai}' = {tanggal} masih di masa depan.",
                    nilai=bagian,
                    tanggal=tanggal(lahir),
                )
            )
        elif lahir < add_years(hari_ini, -USIA_MAKSIMAL):
            kesalahan.append(
                tr(
                    "Digit 1–8 (tanggal lahir) '{nilai}' = {tanggal} lebih dari {usia} tahun "
                    "yang lalu.",
                    nilai=bagian,
                    tanggal=tanggal(lahir),
                    usia=USIA_MAKSIMAL,
                )
            )

    # Digit 13: PNS or PPPK.
    d13 = nip[12]
    jenis: str | None
    if diminta is not None:
        jenis = diminta
        if diminta == PNS and d13 == "2":
            kesalahan.append(
                tr(
                    "Digit 13 bernilai '2', tanda NI PPPK, padahal pegawai ini PNS; pada NIP PNS "
                    "digit 13–14 adalah bulan TMT CPNS (01–12)."
                )
            )
        elif diminta == PPPK and d13 in _ANGKA and d13 != "2":
            kesalahan.append(
                tr(
                    "Digit 13 (tanda NI PPPK) harus 2, bukan '{nilai}'; nomor ini berbentuk NIP "
                    "PNS, padahal pegawai ini PPPK.",
                    nilai=d13,
                )
            )
    elif d13 in "01":
        jenis = PNS
    elif d13 == "2":
        jenis = PPPK
    else:
        jenis = None
        if d13 in _ANGKA:
            kesalahan.append(
                tr(
                    "Digit 13 '{nilai}' tidak dikenal: pada NIP PNS digit 13–14 adalah bulan "
                    "TMT CPNS (01–12), pada NI PPPK digit 13 selalu 2.",
                    nilai=d13,
                )
            )

    tmt_cpns: date | None = None
    tahun_pengangkatan: int | None = None
    kontrak_ke: int | None = None

    if jenis == PNS:
        # Digits 9-14: TMT CPNS, year and month (rule 3); the day is always the 1st.
        bagian = nip[8:14]
        if _angka_semua(bagian):
            tahun, bulan = int(bagian[:4]), int(bagian[4:])
            if not 1 <= bulan <= 12:
                kesalahan.append(
                    tr(
                        "Digit 9–14 (TMT CPNS) '{nilai}' bukan tahun-bulan yang ada: bulan "
                        "(digit 13–14) harus 01–12, bukan '{bulan}'.",
                        nilai=bagian,
                        bulan=bagian[4:],
                    )
                )
            if tahun == 0:
                kesalahan.append(
                    tr(
                        "Digit 9–14 (TMT CPNS) '{nilai}' bukan tahun-bulan yang ada: tahun "
                        "(digit 9–12) tidak boleh 0000.",
                        nilai=bagian,
                    )
                )
            if tahun > 0 and 1 <= bulan <= 12:
                tmt_cpns = date(tahun, bulan, 1)
                if lahir is not None and tmt_cpns < lahir:
                    kesalahan.append(
                        tr(
                            "Digit 9–14 (TMT CPNS {tmt}) lebih awal dari tanggal lahir di "
                            "digit 1–8 ({lahir}).",
                            tmt=_bulan_tahun(tmt_cpns),
                            lahir=tanggal(lahir),
                        )
                    )
                elif lahir is not None and tmt_cpns < add_years(lahir, USIA_MINIMAL_CPNS):
                    peringatan.append(
                        tr(
                            "TMT CPNS {tmt} (digit 9–14) sebelum pegawai berusia {usia} tahun "
                            "(lahir {lahir}); periksa kembali NIP dan SK CPNS.",
                            tmt=_bulan_tahun(tmt_cpns),
                            usia=USIA_MINIMAL_CPNS,
                            lahir=tanggal(lahir),
                        )
                    )
                if tmt_cpns > hari_ini:
                    peringatan.append(
                        tr(
                            "TMT CPNS {tmt} (digit 9–14) masih di masa depan.",
                            tmt=_bulan_tahun(tmt_cpns),
                        )
                    )
    elif jenis == PPPK:
        # Digits 9-12: year of appointment; digit 14: which contract [P] (opaque for paruh
        # waktu, so it is not checked).
        bagian = nip[8:12]
        if _angka_semua(bagian):
            tahun_pengangkatan = int(bagian)
            if lahir is not None and tahun_pengangkatan < lahir.year:
                kesalahan.append(
                    tr(
                        "Digit 9–12 (tahun pengangkatan PPPK) '{nilai}' lebih awal dari tahun "
                        "lahir di digit 1–8 ({tahun_lahir}).",
                        nilai=bagian,
                        tahun_lahir=lahir.year,
                    )
                )
            elif lahir is not None and tahun_pengangkatan < lahir.year + USIA_MINIMAL_CPNS:
                peringatan.append(
                    tr(
                        "Tahun pengangkatan PPPK {tahun} (digit 9–12) sebelum pegawai berusia "
                        "{usia} tahun (lahir {lahir}); periksa kembali NI PPPK.",
                        tahun=bagian,
                        usia=USIA_MINIMAL_CPNS,
                        lahir=tanggal(lahir),
                    )
                )
            if tahun_pengangkatan < PPPK_TAHUN_PERTAMA:
                peringatan.append(
                    tr(
                        "Tahun pengangkatan PPPK {tahun} (digit 9–12) sebelum {pertama}, tahun "
                        "PPPK pertama kali diangkat; periksa kembali NI PPPK.",
                        tahun=bagian,
                        pertama=PPPK_TAHUN_PERTAMA,
                    )
                )
            elif tahun_pengangkatan > hari_ini.year + 1:
                peringatan.append(
                    tr(
                        "Tahun pengangkatan PPPK {tahun} (digit 9–12) lebih dari setahun ke "
                        "depan; periksa kembali NI PPPK.",
                        tahun=bagian,
                    )
                )
        if nip[13] in _ANGKA:
            kontrak_ke = int(nip[13])

    # Digit 15: sex (rule 4).
    d15 = nip[14]
    if d15 in _ANGKA and d15 not in "12":
        kesalahan.append(tr("Digit 15 (jenis kelamin) harus 1 atau 2, bukan '{nilai}'.", nilai=d15))

    # Digits 16-18: sequence (rule 5).
    if nip[15:18] == "000":
        kesalahan.append(tr("Digit 16–18 (nomor urut) tidak boleh 000; nomor urut mulai 001."))

    if kesalahan or lahir is None or jenis is None:
        return hasil()
    info = NipInfo(
        nip=nip,
        jenis_asn=jenis,
        tanggal_lahir=lahir,
        jenis_kelamin="L" if d15 == "1" else "P",
        nomor_urut=int(nip[15:18]),
        tmt_cpns=tmt_cpns,
        tahun_pengangkatan=tahun_pengangkatan,
        kontrak_ke=kontrak_ke,
        peringatan=tuple(peringatan),
    )
    return NipCheck(nip, True, info, (), tuple(peringatan))


def parse_nip(text: str, *, jenis_asn: str | None = None, today: date | None = None) -> NipInfo:
    """Decode a NIP or NI PPPK; raise :class:`ValidationError` listing every error if invalid."""
    periksa = check_nip(text, jenis_asn=jenis_asn, today=today)
    if periksa.info is None:
        alasan = periksa.kesalahan[0]
        if periksa.nip:
            pesan = tr("NIP {nip} tidak sah: {alasan}", nip=_ringkas(periksa.nip), alasan=alasan)
        else:
            pesan = tr("NIP tidak sah: {alasan}", alasan=alasan)
        raise ValidationError(pesan, field="nip", reasons=list(periksa.kesalahan))
    return periksa.info


def format_nip(nip: str) -> str:
    """The NIP grouped 8-6-1-3 as printed: ``19860926 201505 1 001`` (NI PPPK likewise).

    ``nip`` is normalised first; when that does not give 18 digits the input is returned
    unchanged.
    """
    n = normalise_nip(nip)
    if len(n) != NIP_PANJANG or not _angka_semua(n):
        return nip
    return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}"


def describe_nip(text: str, *, today: date | None = None) -> list[tuple[str, str]]:
    """Label/value pairs for ``merit nip NIP``; raises :class:`ValidationError` if invalid.

    Each warning follows as a ``Peringatan`` pair.
    """
    info = parse_nip(text, today=today)
    baris: list[tuple[str, str]] = [
        (tr("NIP"), info.nip),
        (tr("Jenis"), info.jenis_asn),
        (tr("Tanggal lahir"), tanggal(info.tanggal_lahir)),
    ]
    if info.tmt_cpns is not None:
        baris.append((tr("TMT CPNS"), tanggal(info.tmt_cpns)))
    if info.tahun_pengangkatan is not None:
        baris.append((tr("Tahun pengangkatan PPPK"), str(info.tahun_pengangkatan)))
    baris += [
        (tr("Jenis kelamin"), _kelamin(info.jenis_kelamin)),
        (tr("Nomor urut"), f"{info.nomor_urut:03d}"),
        (tr("Format cetak"), format_nip(info.nip)),
    ]
    baris += [(tr("Peringatan"), p) for p in info.peringatan]
    return baris


# --- NIK ------------------------------------------------------------------------------------


def normalise_nik(text: str) -> str:
    """The NIK in ``text`` as bare characters (same cleaning as :func:`normalise_nip`,
    with a ``NIK`` prefix). Never raises."""
    return _bersihkan(text, _AWALAN_NIK)


def check_nik(text: str) -> tuple[NikInfo | None, tuple[str, ...]]:
    """Validate and decode a NIK: ``(info, ())`` when valid, ``(None, errors)`` otherwise.

    Checks (asn-rules 1.3): 16 digits; province code 11-99; day 01-31, or 41-71 for women;
    month 01-12; the day and month exist in some year (29 February allowed); sequence not
    0000. Never raises.
    """
    nik = normalise_nik(text)
    kesalahan: list[str] = []
    if not nik:
        return None, (tr("NIK belum diisi."),)
    if _ANGKA_ILMIAH.fullmatch(nik):
        return None, (
            tr(
                "NIK tertulis sebagai angka ilmiah '{nilai}' (Excel membulatkan angka panjang), "
                "sehingga digit terakhirnya hilang. Ketik ulang NIK sebagai teks, misalnya "
                "diawali tanda petik (').",
                nilai=_ringkas(nik),
            ),
        )
    bukan_angka = [c for c in nik if c not in _ANGKA]
    if bukan_angka:
        kesalahan.append(
            tr("NIK hanya boleh berisi angka, bukan {tanda}.", tanda=_tanda(bukan_angka))
        )
    if len(nik) != NIK_PANJANG:
        kesalahan.append(
            tr(
                "NIK harus 16 angka; yang diisi {jumlah} angka.",
                jumlah=len(nik) - len(bukan_angka),
            )
        )
    if kesalahan:
        return None, tuple(kesalahan)

    provinsi = nik[0:2]
    if int(provinsi) < 11:
        kesalahan.append(tr("Digit 1–2 NIK (kode provinsi) '{nilai}' harus 11–99.", nilai=provinsi))
    hari_tertulis, bulan = int(nik[6:8]), int(nik[8:10])
    hari = hari_tertulis - 40 if hari_tertulis > 40 else hari_tertulis
    hari_ok = 1 <= hari_tertulis <= 31 or 41 <= hari_tertulis <= 71
    if not hari_ok:
        kesalahan.append(
            tr(
                "Digit 7–8 NIK (tanggal lahir) '{nilai}' harus 01–31 (laki-laki) atau 41–71 "
                "(perempuan: tanggal ditambah 40).",
                nilai=nik[6:8],
            )
        )
    if not 1 <= bulan <= 12:
        kesalahan.append(tr("Digit 9–10 NIK (bulan lahir) '{nilai}' harus 01–12.", nilai=nik[8:10]))
    elif hari_ok and _tanggal_dari(2000, bulan, hari) is None:  # 2000 is a leap year
        kesalahan.append(
            tr(
                "Digit 7–10 NIK (tanggal dan bulan lahir) '{nilai}' bukan tanggal yang ada.",
                nilai=nik[6:10],
            )
        )
    if nik[12:16] == "0000":
        kesalahan.append(tr("Digit 13–16 NIK (nomor urut) tidak boleh 0000."))
    if kesalahan:
        return None, tuple(kesalahan)
    tahun2 = int(nik[10:12])
    return (
        NikInfo(
            nik=nik,
            kode_provinsi=provinsi,
            kode_kabkota=nik[0:4],
            kode_kecamatan=nik[0:6],
            tanggal_lahir_ddmmyy=f"{hari:02d}{bulan:02d}{tahun2:02d}",
            hari=hari,
            bulan=bulan,
            tahun2=tahun2,
            jenis_kelamin="P" if hari_tertulis > 40 else "L",
            nomor_urut=nik[12:16],
        ),
        (),
    )


# --- cross-check ----------------------------------------------------------------------------


def cross_check(
    info: NipInfo,
    *,
    tanggal_lahir: date | None = None,
    jenis_kelamin: str | None = None,
    nik: str | None = None,
    tmt_cpns: date | None = None,
    nik_info: NikInfo | None = None,
) -> tuple[str, ...]:
    """Every mismatch between the NIP and the personnel record (asn-rules 1.1 rule 7, 1.3).

    Only the fields given are compared. ``tmt_cpns`` is compared by year and month and only
    for a PNS. An invalid NIK gives its own errors. ``nik_info``: what :func:`check_nik`
    already gave for a valid ``nik`` (not worked out again). An empty tuple means consistent.
    """
    alasan: list[str] = []
    if tanggal_lahir is not None and tanggal_lahir != info.tanggal_lahir:
        alasan.append(
            tr(
                "Tanggal lahir di NIP (digit 1–8: {nip}) berbeda dengan tanggal lahir di data "
                "pegawai ({data}).",
                nip=tanggal(info.tanggal_lahir),
                data=tanggal(tanggal_lahir),
            )
        )
    if jenis_kelamin is not None:
        kode = _kode_kelamin(jenis_kelamin)
        if kode is None:
            alasan.append(
                tr(
                    "Jenis kelamin di data pegawai '{nilai}' tidak dikenal; isi L atau P.",
                    nilai=jenis_kelamin,
                )
            )
        elif kode != info.jenis_kelamin:
            alasan.append(
                tr(
                    "Jenis kelamin di NIP (digit 15: {nip}) berbeda dengan data pegawai ({data}).",
                    nip=_kelamin(info.jenis_kelamin),
                    data=_kelamin(kode),
                )
            )
    if (
        tmt_cpns is not None
        and info.tmt_cpns is not None
        and (tmt_cpns.year, tmt_cpns.month) != (info.tmt_cpns.year, info.tmt_cpns.month)
    ):
        alasan.append(
            tr(
                "TMT CPNS di NIP (digit 9–14: {nip}) berbeda dengan TMT CPNS di data pegawai "
                "({data}).",
                nip=_bulan_tahun(info.tmt_cpns),
                data=tanggal(tmt_cpns),
            )
        )
    if nik is not None or nik_info is not None:
        kesalahan_nik: tuple[str, ...] = ()
        if nik_info is None:
            nik_info, kesalahan_nik = check_nik(nik or "")
        if nik_info is None:
            alasan.extend(kesalahan_nik)
        else:
            lahir = info.tanggal_lahir
            dari_nip = f"{lahir.day:02d}{lahir.month:02d}{lahir.year % 100:02d}"
            if nik_info.tanggal_lahir_ddmmyy != dari_nip:
                alasan.append(
                    tr(
                        "Tanggal lahir di NIK (digit 7–12: {nik}) berbeda dengan tanggal lahir "
                        "di NIP ({tanggal}, seharusnya {nip} di NIK).",
                        nik=nik_info.tanggal_lahir_ddmmyy,
                        tanggal=tanggal(lahir),
                        nip=dari_nip,
                    )
                )
            if nik_info.jenis_kelamin != info.jenis_kelamin:
                alasan.append(
                    tr(
                        "Jenis kelamin di NIK ({nik}: tanggal lahir tertulis '{hari}') berbeda "
                        "dengan NIP (digit 15: {nip}); di NIK tanggal lahir perempuan "
                        "ditambah 40.",
                        nik=_kelamin(nik_info.jenis_kelamin),
                        hari=nik_info.nik[6:8],
                        nip=_kelamin(info.jenis_kelamin),
                    )
                )
    return tuple(alasan)
