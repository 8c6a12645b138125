"""Normalise what real spreadsheets contain into Merit's codes. Pure functions, no database.

Every parser takes the cell text and returns the normalised value, or raises
:class:`BadValue` with an Indonesian reason. Codes are looked up in the reference tables
(:class:`~app.models.reference.loader.Referensi`) where they exist, so that an agency that edits a
reference table is followed; the aliases below only add the spellings seen in files
(SIASN exports and office sheets).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from app.i18n import BULAN, tr
from app.models.reference.data import REFERENCE_TABLES
from app.models.reference.loader import Referensi


class BadValue(ValueError):
    """A cell value that cannot be read; ``str()`` is the Indonesian reason."""


def default_referensi() -> Referensi:
    """The reference tables as seeded (for use without a database, e.g. in tests)."""
    return _default_referensi()


@lru_cache(maxsize=1)
def _default_referensi() -> Referensi:
    return Referensi({t.name: {str(r["kode"]): dict(r) for r in t.rows} for t in REFERENCE_TABLES})


# --- text ------------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
# Cells that mean "nothing here" in office sheets.
EMPTY_TEXTS = frozenset({"", "-", "--", "---", ".", "NULL", "NONE", "N/A", "#N/A", "NAN"})
# A formula: "=..." always; "+", "-", "@" only when a function call or cell reference follows
# (so that "+62 812..." and "-" stay plain text).
_FORMULA = re.compile(
    r"^(?:=.*|[+\-@]\s*(?:[A-Za-z_][A-Za-z0-9_.]*\s*\(|\$?[A-Za-z]{1,3}\$?[0-9]+\b).*)$",
    re.DOTALL,
)


def clean_text(value: str | None) -> str | None:
    """Trim and collapse whitespace; placeholders such as ``-`` become None."""
    if value is None:
        return None
    text = " ".join(value.split())  # every Unicode space, NBSP included
    if len(text) <= 4 and text.upper() in EMPTY_TEXTS:
        return None
    return text


def looks_like_formula(text: str) -> bool:
    """True for cell text that a spreadsheet would run as a formula (``=SUM(A1)``,
    ``@HYPERLINK(...)``, ``+A1``). Merit never evaluates it."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "=+-@":
        return False
    return bool(_FORMULA.match(stripped))


# --- dates -----------------------------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug absorbed)
_EXCEL_MAX = 2_958_465  # 9999-12-31

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(BULAN, start=1):
    _MONTHS[_name.upper()] = _i
    _MONTHS[_name.upper()[:3]] = _i
for _i, _name in enumerate(
    (
        "JANUARY",
        "FEBRUARY",
        "MARCH",
        "APRIL",
        "MAY",
        "JUNE",
        "JULY",
        "AUGUST",
        "SEPTEMBER",
        "OCTOBER",
        "NOVEMBER",
        "DECEMBER",
    ),
    start=1,
):
    _MONTHS[_name] = _i
    _MONTHS[_name[:3]] = _i
_MONTHS.update(
    {
        "PEB": 2,
        "PEBRUARI": 2,
        "FEBR": 2,
        "SEPT": 9,
        "NOP": 11,
        "NOPEMBER": 11,
        "AGT": 8,
        "AGU": 8,
        "AGS": 8,
        "AGST": 8,
        "AGUST": 8,
        "OKTO": 10,
    }
)

_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_DMY_SHORT = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$")
_NAMED = re.compile(r"^(\d{1,2})[\s\-/.]+([A-Za-z]+)\.?[\s\-/.,]+(\d{4})$")
_SERIAL = re.compile(r"^\d{1,7}(?:\.\d+)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(
            tr("'{nilai}' bukan tanggal yang ada (hari atau bulan di luar batas).", nilai=text)
        ) from None


def parse_date(text: str) -> date:
    """A date from what spreadsheets contain: ISO ``yyyy-mm-dd`` (as Merit writes dates read
    from Excel cells), ``dd-mm-yyyy``, ``dd/mm/yyyy``, ``dd.mm.yyyy``, ``12 Januari 1980``
    (also ``12 Jan 1980``, ``12-Agt-1980``, English month names), an Excel serial number
    (``29232``), or ``yyyymmdd``. Day before month: ``03/04/1980`` is 3 April."""
    s = text.strip()
    if m := _ISO.match(s):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), s)
    if m := _DMY.match(s):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), s)
    if m := _NAMED.match(s):
        month = _MONTHS.get(m[2].upper())
        if month is None:
            raise BadValue(
                tr("Nama bulan '{bulan}' pada '{nilai}' tidak dikenal.", bulan=m[2], nilai=s)
            )
        return _make_date(int(m[3]), month, int(m[1]), s)
    if m := _COMPACT.match(s):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), s)
    if _SERIAL.match(s):
        number = float(s)
        whole = int(number)
        if re.fullmatch(r"\d{4}", s) and 1900 <= whole <= 2100:
            raise BadValue(
                tr(
                    "'{nilai}' hanya berisi tahun; isi tanggal lengkap, misalnya 12-01-1980.",
                    nilai=s,
                )
            )
        if 1 <= whole <= _EXCEL_MAX:
            return EXCEL_EPOCH + timedelta(days=whole)
    if _DMY_SHORT.match(s):
        raise BadValue(
            tr("Tahun pada '{nilai}' hanya 2 angka; tulis 4 angka, misalnya 12-01-1980.", nilai=s)
        )
    raise BadValue(
        tr(
            "'{nilai}' bukan tanggal yang dikenali; tulis dd-mm-yyyy, misalnya 12-01-1980.",
            nilai=s,
        )
    )


def cell_text(value: Any) -> str | None:
    """A cell value as read by a spreadsheet library, as text (None when empty).

    Dates become ISO text; integral numbers lose their ``.0``; a number too long for a double
    (an 18-digit NIP typed as a number) keeps Excel's rounded scientific form, so that the NIP
    check can say its last digits are lost.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer():
            if abs(value) < 2**53:
                return str(int(value))
            return repr(value)
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- numbers ---------------------------------------------------------------------------------


def parse_int(text: str, lo: int, hi: int) -> int:
    """A whole number between ``lo`` and ``hi`` (``"5"``, ``"5.0"``, ``"05"``)."""
    s = text.strip()
    m = re.fullmatch(r"(\d+)(?:[.,]0+)?", s)
    if not m:
        raise BadValue(tr("'{nilai}' bukan bilangan bulat.", nilai=s))
    value = int(m[1])
    if not lo <= value <= hi:
        raise BadValue(tr("{nilai} di luar batas {lo}–{hi}.", nilai=value, lo=lo, hi=hi))
    return value


# --- names and titles ------------------------------------------------------------------------

# Titles written before the name (academic, professional, religious).
_FRONT = re.compile(r"^(?:prof|dr|drs|dra|drg|drh|ir|h|hj|kh|ns|apt|bd|ners)\.?$", re.IGNORECASE)
_FRONT_NEEDS_DOT = frozenset({"H", "BD"})
# Titles written after the name: "S.T.", "M.Kes", "A.Md.Kep", "S.Pd.I", "Sp.PD", "M.M.".
_BACK_DOTTED = re.compile(r"^[A-Za-z]{1,5}\.(?:\s?[A-Za-z]{1,6}\.?)*$")
_BACK_PLAIN = frozenset(
    {
        "SE",
        "SH",
        "ST",
        "SP",
        "SS",
        "SIP",
        "SKM",
        "SPD",
        "SPDI",
        "SAG",
        "SKOM",
        "SSOS",
        "SSI",
        "SKED",
        "SKEP",
        "SFARM",
        "SHUT",
        "STP",
        "SPT",
        "SKG",
        "SIKOM",
        "STR",
        "SAN",
        "SAK",
        "SPSI",
        "STH",
        "SHI",
        "SSTP",
        "SIAN",
        "SPI",
        "SPDSD",
        "MM",
        "MSI",
        "MPD",
        "MH",
        "MT",
        "MKES",
        "MKM",
        "MAP",
        "MAG",
        "MKOM",
        "MPH",
        "MSC",
        "MA",
        "MBA",
        "AMD",
        "AMKEP",
        "AMKEB",
        "AMG",
        "AMAK",
        "AMF",
        "AMKG",
        "AMRO",
        "AMPD",
        "BSC",
        "LLM",
        "PHD",
        "SPOG",
        "SPA",
        "SPPD",
        "SPB",
        "DR",
        "MPA",
        "MSN",
        "MKEP",
        "MFARM",
        "MSTAT",
        "MEC",
        "MEC DEV",
    }
)


def _is_back_title(token: str) -> bool:
    t = token.strip().rstrip(",")
    if not t:
        return False
    plain = re.sub(r"[.\s]", "", t).upper()
    if plain in _BACK_PLAIN:
        return True
    return bool(_BACK_DOTTED.fullmatch(t)) and any(c.isupper() for c in t)


def _is_front_title(token: str) -> bool:
    if not _FRONT.match(token):
        return False
    bare = token.rstrip(".").upper()
    return not (bare in _FRONT_NEEDS_DOT and not token.endswith("."))


def split_name(text: str) -> tuple[str | None, str, str | None]:
    """``(gelar_depan, nama, gelar_belakang)`` from a name written with its titles.

    ``"Dr. Ir. Budi Santoso, S.T., M.T."`` -> ``("Dr. Ir.", "Budi Santoso", "S.T., M.T.")``;
    ``"BUDI SANTOSO, SE"`` -> ``(None, "BUDI SANTOSO", "SE")``. Titles keep the spelling of the
    file; the name keeps its case. Raises :class:`BadValue` when no name is left.
    """
    s = _SPACES.sub(" ", text).strip().strip(",").strip()
    back: list[str] = []
    head, sep, tail = s.partition(",")
    if sep:
        parts = [p.strip() for p in tail.split(",") if p.strip()]
        if parts and all(_is_back_title(w) for p in parts for w in p.split()):
            back = parts
            s = head.strip()
    words = s.split(" ")
    # Titles after the name without a comma: "Budi Santoso S.Kom"; only dotted ones, so that
    # a surname such as "Se" is not mistaken for a title.
    trailing: list[str] = []
    while len(words) > 1 and _BACK_DOTTED.fullmatch(words[-1]) and "." in words[-1]:
        trailing.insert(0, words.pop())
    front: list[str] = []
    while len(words) > 1 and _is_front_title(words[0]):
        front.append(words.pop(0))
    nama = " ".join(words).strip().strip(",").strip()
    if not nama:
        raise BadValue(tr("Nama kosong setelah gelar dipisahkan: '{nilai}'.", nilai=text))
    gelar_belakang = ", ".join([*trailing, *back]) or None
    return (" ".join(front) or None, nama, gelar_belakang)


def clean_name(text: str) -> str:
    """A name without splitting titles (when the file has its own title columns)."""
    nama = _SPACES.sub(" ", text).strip().strip(",").strip()
    if not nama:
        raise BadValue(tr("Nama kosong."))
    return nama


# --- codes -----------------------------------------------------------------------------------


_NOT_KEY = re.compile(r"[^A-Z0-9]")


def _key(text: str) -> str:
    return _NOT_KEY.sub("", text.upper())


_SEX: dict[str, str] = {
    **dict.fromkeys(("L", "LK", "LAKILAKI", "LAKI", "LAKI2", "PRIA", "M", "MALE", "1"), "L"),
    **dict.fromkeys(("P", "PR", "PEREMPUAN", "WANITA", "F", "FEMALE", "W", "2"), "P"),
}


def parse_jenis_kelamin(text: str) -> str:
    """``L`` or ``P`` from L/P, Laki-laki, Pria, Perempuan, Wanita, M/F, or SIASN's 1/2."""
    kode = _SEX.get(_key(text))
    if kode is None:
        raise BadValue(
            tr(
                "Jenis kelamin '{nilai}' tidak dikenal; isi L (laki-laki) atau P (perempuan).",
                nilai=text,
            )
        )
    return kode


_AGAMA_ALIAS = {
    "PROTESTAN": "KRISTEN",
    "KRISTENPROTESTAN": "KRISTEN",
    "KATHOLIK": "KATOLIK",
    "KRISTENKATOLIK": "KATOLIK",
    "KATOLIKROMA": "KATOLIK",
    "BUDHA": "BUDDHA",
    "BUDA": "BUDDHA",
    "KHONGHUCU": "KONGHUCU",
    "KONGHUCHU": "KONGHUCU",
    "KHONGHUCHU": "KONGHUCU",
    "PENGHAYATKEPERCAYAAN": "KEPERCAYAAN",
    "ALIRANKEPERCAYAAN": "KEPERCAYAAN",
}


def _lookup(text: str, table: dict[str, dict[str, Any]], aliases: dict[str, str]) -> str | None:
    key = _key(text)
    for kode, row in table.items():
        if key in (_key(kode), _key(str(row.get("nama") or ""))):
            return kode
    alias = aliases.get(key)
    if alias is not None and alias in table:
        return alias
    return None


def parse_agama(text: str, ref: Referensi) -> str:
    """A ``ref_agama`` code from Islam, Kristen/Protestan, Katolik/Katholik, Budha, ..."""
    table = ref.table("ref_agama")
    kode = _lookup(text, table, _AGAMA_ALIAS)
    if kode is None and _key(text).startswith("KEPERCAYAAN") and "KEPERCAYAAN" in table:
        kode = "KEPERCAYAAN"
    if kode is None:
        raise BadValue(
            tr(
                "Agama '{nilai}' tidak dikenal; pilihan: {pilihan}.",
                nilai=text,
                pilihan=", ".join(str(r["nama"]) for r in table.values()),
            )
        )
    return kode


_PENDIDIKAN_ALIAS: dict[str, str] = {
    **dict.fromkeys(("SD", "SEKOLAHDASAR", "MI", "SDSEDERAJAT"), "SD"),
    **dict.fromkeys(("SMP", "SLTP", "MTS", "SMPSEDERAJAT", "SLTPSEDERAJAT", "SLTPUMUM"), "SMP"),
    **dict.fromkeys(("SLTPKEJURUAN", "SMPKEJURUAN"), "SMP_KEJURUAN"),
    **dict.fromkeys(
        (
            "SLTA",
            "SMA",
            "SMU",
            "SMK",
            "STM",
            "SMEA",
            "MA",
            "SPK",
            "SPG",
            "SLTASEDERAJAT",
            "SMASEDERAJAT",
            "SLTAKEJURUAN",
            "SLTAUMUM",
            "SMAK",
            "SMF",
            "SMKK",
            "SPMA",
        ),
        "SLTA",
    ),
    **dict.fromkeys(("D1", "DI", "DIPLOMAI", "DIPLOMA1", "DIPLOMASATU"), "D1"),
    **dict.fromkeys(("D2", "DII", "DIPLOMAII", "DIPLOMA2", "DIPLOMADUA"), "D2"),
    **dict.fromkeys(
        (
            "D3",
            "DIII",
            "DIPLOMAIII",
            "DIPLOMA3",
            "DIPLOMATIGA",
            "SARJANAMUDA",
            "AKADEMI",
            "BAKALOREAT",
            "SM",
        ),
        "D3",
    ),
    **dict.fromkeys(("D4", "DIV", "DIPLOMAIV", "DIPLOMA4", "DIPLOMAEMPAT", "SARJANATERAPAN"), "D4"),
    **dict.fromkeys(("S1", "SI", "STRATA1", "STRATAI", "STRATASATU", "SARJANA"), "S1"),
    **dict.fromkeys(
        (
            "PROFESI",
            "DOKTER",
            "APOTEKER",
            "NERS",
            "PROFESIDOKTER",
            "PROFESINERS",
            "PROFESIAPOTEKER",
        ),
        "PROFESI",
    ),
    **dict.fromkeys(
        (
            "S2",
            "SII",
            "STRATA2",
            "STRATAII",
            "STRATADUA",
            "MAGISTER",
            "PASCASARJANA",
            "MASTER",
            "SPESIALIS",
            "SPESIALIS1",
        ),
        "S2",
    ),
    **dict.fromkeys(
        ("S3", "SIII", "STRATA3", "STRATAIII", "STRATATIGA", "DOKTOR", "DOKTORAL"), "S3"
    ),
}


def parse_pendidikan(text: str, ref: Referensi) -> str:
    """A ``ref_pendidikan`` code from SLTA, SMA, D-III, D3, S1, S-1, Strata 1, S-1/Sarjana, ..."""
    table = ref.pendidikan
    aliases: dict[str, str] = {}
    for kode, row in table.items():
        for part in str(row.get("nama") or "").split("/"):
            aliases.setdefault(_key(part), kode)
    aliases.update({k: v for k, v in _PENDIDIKAN_ALIAS.items() if v in table})
    candidates = [text, *re.split(r"[/,(]", text), text.strip().split(" ")[0]]
    for candidate in candidates:
        key = _key(candidate)
        if not key:
            continue
        if key in {_key(k) for k in table}:
            return next(k for k in table if _key(k) == key)
        if key in aliases:
            return aliases[key]
    raise BadValue(
        tr(
            "Tingkat pendidikan '{nilai}' tidak dikenal; contoh: SD, SMP, SLTA, D-III, S-1, S-2.",
            nilai=text,
        )
    )


_ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)
_GOL_PNS = re.compile(r"(?<![A-Z0-9])(IV|III|II|I|[1-4])\s*[/.\-]?\s*([A-E])(?![A-Z0-9])")
_GOL_WORD = re.compile(r"^(?:GOLONGAN|GOL\.?|GOL/RUANG)\s*", re.IGNORECASE)


def parse_golongan(text: str, ref: Referensi) -> str:
    """A ``ref_golongan`` code: ``III/a`` from ``III/a``, ``III/A``, ``3a``, ``3/a``, ``III a``,
    ``III.b``, ``Penata Muda (III/a)``, ``Pembina Tk. I (IV/b)`` or the pangkat name alone;
    PPPK ``IX`` from ``IX``, ``9`` or ``Golongan IX``."""
    table = ref.golongan
    upper = _SPACES.sub(" ", text.upper()).strip()
    matches = list(_GOL_PNS.finditer(upper))
    if matches:
        roman, ruang = matches[-1].group(1), matches[-1].group(2)
        if roman.isdigit():
            roman = _ROMAN[int(roman) - 1]
        kode = f"{roman}/{ruang.lower()}"
        if kode in table:
            return kode
        raise BadValue(tr("Golongan '{nilai}' tidak ada (dibaca {kode}).", nilai=text, kode=kode))
    bare = _GOL_WORD.sub("", upper).strip()
    if bare.isdigit() and 1 <= int(bare) <= len(_ROMAN):
        bare = _ROMAN[int(bare) - 1]
    for kode, row in table.items():
        if row.get("ruang") is None and kode.upper() == bare:
            return kode
    pangkat = re.sub(r"\bTK\b\.?", "TINGKAT", upper).replace(".", "").strip()
    pangkat = _SPACES.sub(" ", pangkat)
    for kode, row in table.items():
        if row.get("pangkat") and str(row["pangkat"]).upper() == pangkat:
            return kode
    raise BadValue(
        tr(
            "Golongan '{nilai}' tidak dikenal; tulis misalnya III/a (PNS) atau IX (PPPK).",
            nilai=text,
        )
    )


_ESELON = re.compile(r"^(IV|III|II|I|V|[1-5])\s*[./\-]?\s*([AB])?$")


def parse_eselon(text: str, ref: Referensi) -> str | None:
    """A ``ref_eselon`` code (``II.b``, ``IV.a``, ``V``) from ``II.b``, ``IIb``, ``II/B``,
    ``2b``, ``Eselon IV.a``; None for ``Non Eselon``."""
    table = ref.table("ref_eselon")
    upper = _SPACES.sub(" ", text.upper()).strip()
    if _key(upper) in ("NONESELON", "NONSTRUKTURAL", "TIDAKADA", "0"):
        return None
    upper = re.sub(r"^ESELON\s*", "", upper).strip()
    m = _ESELON.match(upper)
    if m:
        roman = m[1] if not m[1].isdigit() else _ROMAN[int(m[1]) - 1]
        kode = roman + (f".{m[2].lower()}" if m[2] else "")
        if kode in table:
            return kode
    raise BadValue(tr("Eselon '{nilai}' tidak dikenal; contoh: II.b, III.a, IV.a.", nilai=text))


def parse_jenis_asn(text: str) -> str:
    """``PNS`` or ``PPPK`` from SIASN's JENIS PEGAWAI NAMA (``PNS Daerah Kab/Kota``,
    ``PPPK``, ``CPNS``) or an office sheet."""
    key = _key(text)
    if "PPPK" in key or "PERJANJIANKERJA" in key:
        return "PPPK"
    if "PNS" in key or "PEGAWAINEGERI" in key or key in ("ASN",):
        return "PNS"
    raise BadValue(tr("Jenis pegawai '{nilai}' tidak dikenal; isi PNS atau PPPK.", nilai=text))


def parse_status(text: str) -> str:
    """``CPNS``, ``PNS`` or ``PPPK`` (SIASN writes ``C``/``P`` in STATUS CPNS PNS)."""
    key = _key(text)
    if key in ("C", "CPNS", "CALONPNS", "CALONPEGAWAINEGERISIPIL"):
        return "CPNS"
    if key in ("P", "PNS", "PEGAWAINEGERISIPIL"):
        return "PNS"
    if "PPPK" in key or "PERJANJIANKERJA" in key:
        return "PPPK"
    if key.startswith("CPNS"):
        return "CPNS"
    if key.startswith("PNS"):
        return "PNS"
    raise BadValue(tr("Status '{nilai}' tidak dikenal; isi CPNS, PNS atau PPPK.", nilai=text))


# Kedudukan hukum in SIASN -> Merit's kedudukan. Leave (CLTN), study leave, MPP and temporary
# suspension keep the employee in service (ref_kedudukan: CLTN is recorded as leave).
_KEDUDUKAN_AKTIF = (
    "AKTIF",
    "CLTN",
    "TUGASBELAJAR",
    "MASAPERSIAPANPENSIUN",
    "MPP",
    "PEMBERHENTIANSEMENTARA",
    "UANGTUNGGU",
    "PENERIMAUANGTUNGGU",
    "PERPANJANGAN",
    "HUKUMANDISIPLIN",
    "DIPEKERJAKAN",
    "DIPERBANTUKAN",
    "TUGASNEGARA",
)
_KEDUDUKAN_LAIN = (
    ("MENINGGAL", "MENINGGAL"),
    ("WAFAT", "MENINGGAL"),
    ("TEWAS", "MENINGGAL"),
    ("PENSIUN", "PENSIUN"),
    ("PINDAH", "PINDAH"),
    ("MUTASIKELUAR", "PINDAH"),
    ("BERHENTI", "BERHENTI"),
    ("PEMBERHENTIAN", "BERHENTI"),
    ("PHK", "BERHENTI"),
    ("PTDH", "BERHENTI"),
)


def parse_kedudukan(text: str, ref: Referensi) -> str:
    """A ``ref_kedudukan`` code from SIASN's KEDUDUKAN HUKUM NAMA or an office sheet."""
    table = ref.table("ref_kedudukan")
    kode = _lookup(text, table, {})
    if kode is not None:
        return kode
    key = _key(text)
    if any(key.startswith(k) for k in _KEDUDUKAN_AKTIF) and "AKTIF" in table:
        return "AKTIF"
    for word, kode in _KEDUDUKAN_LAIN:
        if word in key and kode in table:
            return kode
    raise BadValue(
        tr(
            "Kedudukan '{nilai}' tidak dikenal; pilihan: {pilihan}.",
            nilai=text,
            pilihan=", ".join(str(r["nama"]) for r in table.values()),
        )
    )


STRUKTURAL = "STRUKTURAL"  # an old-style kind that the eselon resolves to JPT or JA


def parse_jenis_jabatan(text: str, ref: Referensi) -> str:
    """``JPT``, ``JA``, ``JF`` (ref_jenis_jabatan) or ``STRUKTURAL`` (resolved by the eselon)
    from SIASN's JENIS JABATAN NAMA (``Jabatan Struktural``, ``Jabatan Fungsional Tertentu``,
    ``Jabatan Fungsional Umum``, ``Jabatan Pelaksana``) or an office sheet."""
    table = ref.table("ref_jenis_jabatan")
    kode = _lookup(text, table, {})
    if kode is not None:
        return kode
    key = _key(text)
    if "PIMPINANTINGGI" in key or key == "JPT":
        return "JPT"
    if "FUNGSIONALUMUM" in key or "PELAKSANA" in key or "ADMINISTRASI" in key:
        return "JA"
    if "FUNGSIONAL" in key or key in ("JFT", "JFU"):
        return "JF" if key != "JFU" else "JA"
    if "STRUKTURAL" in key:
        return STRUKTURAL
    raise BadValue(
        tr(
            "Jenis jabatan '{nilai}' tidak dikenal; contoh: Struktural, Fungsional, Pelaksana.",
            nilai=text,
        )
    )


def jenjang_from_name(nama_jabatan: str, ref: Referensi) -> str | None:
    """The JF level written in a position name (``Analis Kepegawaian Ahli Muda`` ->
    ``AHLI_MUDA``), from ``ref_jenjang_jabatan``; None when none is named."""
    lowered = " " + _SPACES.sub(" ", nama_jabatan.upper()) + " "
    for kode, row in ref.jenjang.items():
        if row.get("jenis_kode") != "JF":
            continue
        if f" {str(row['nama']).upper()} " in lowered:
            return kode
    return None


def looks_like_email(text: str) -> bool:
    return bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text))
