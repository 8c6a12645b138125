"""Rules of employee records that need no database: field problems, dates as clerks type them,
codes from names, what a NIP says, the pangkat sequence and the SKP predikat.

Validation returns every problem at once as :class:`FieldIssue` (an Indonesian message that
names the field by its label; warnings do not block). Saving raises :class:`ValidationError`
for the blocking ones (:func:`raise_for`). On an *update* only problems that involve a changed
field block, so an old imperfect record never stops a clerk from correcting its telephone
number; the screen still shows the old problems.

Rules and sources (``shared/domain/asn-rules.md``); the checks against the database are in
:mod:`app.models.pegawai.checks`:

* NIP / NI PPPK and NIK: :mod:`app.models.rules.nip` (1.1-1.3). A NIK that disagrees with the NIP is
  a warning only: the population register is itself often wrong [P].
* Age at TMT CPNS below 18 is a warning only (1.1 rule 6: old and converted records break it);
  below 14 or above 70 is taken as a typing error.
* CPNS probation lasts at least one year (PP 11/2017): a TMT PNS less than a year after the
  TMT CPNS is a warning only.
* Golongan sequence: a pangkat never goes down with a later TMT, and the same golongan is not
  recorded twice. PNS golongan for PNS/CPNS, PPPK golongan for PPPK (2.1, 2.3).
* SKP: one predikat per year; rating hasil and perilaku give the predikat through the matrix
  of ``ref_matriks_predikat`` (4.2).
* Codes (golongan, agama, pendidikan, hukuman disiplin, predikat, kedudukan, jenis/jenjang
  jabatan, eselon) are read from the reference tables, never hard-coded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import BULAN, tanggal, tr
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rules.nip import parse_nip

# Plausibility bounds (software choices, see the module docstring).
USIA_CPNS_MINIMAL = 14  # below: a typing error
USIA_CPNS_WAJAR = 18  # below: warning (asn-rules 1.1 rule 6)
USIA_CPNS_MAKSIMAL = 70  # above: a typing error
MASA_PERCOBAAN_HARI = 365  # CPNS probation, PP 11/2017 jo PP 17/2020 (warning only)
HARI_KE_DEPAN = 366  # a TMT may be set up to a year ahead (SK signed before the TMT)


Value = str | int | None


# -- issues ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldIssue:
    """One problem of one field. ``message`` names the field by its label; ``reason`` does not
    (for a label shown next to the field). ``related`` lists other fields the rule involves."""

    field: str
    message: str
    reason: str = ""
    warning: bool = False
    related: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field, *self.related)


class Issues:
    """Collects the problems of one form, naming each field by its label."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.labels = labels
        self.items: list[FieldIssue] = []

    def _add(self, name: str, reason: str, warning: bool, related: tuple[str, ...]) -> None:
        label = self.labels.get(name, name)
        self.items.append(
            FieldIssue(
                name, tr("{label}: {alasan}", label=label, alasan=reason), reason, warning, related
            )
        )

    def error(self, name: str, reason: str, *related: str) -> None:
        self._add(name, reason, False, related)

    def warn(self, name: str, reason: str, *related: str) -> None:
        self._add(name, reason, True, related)

    def has_error(self, name: str) -> bool:
        return any(i.field == name and not i.warning for i in self.items)


def errors(issues: Iterable[FieldIssue]) -> list[FieldIssue]:
    """The problems that are errors (not warnings)."""
    return [i for i in issues if not i.warning]


def blocking(
    issues: Iterable[FieldIssue], changed: Iterable[str] | None = None
) -> list[FieldIssue]:
    """The errors that refuse a save: all of them for a new record, and for an update those
    that involve a changed field (``changed``)."""
    if changed is None:
        return errors(issues)
    names = set(changed)
    return [i for i in errors(issues) if names.intersection(i.fields)]


def raise_for(issues: Iterable[FieldIssue], changed: Iterable[str] | None = None) -> None:
    """Raise :class:`ValidationError` naming every blocking field, or return."""
    bad = blocking(issues, changed)
    if not bad:
        return
    lines = [i.message for i in bad]
    raise ValidationError(
        tr("Data belum dapat disimpan:") + "\n" + "\n".join(f"- {line}" for line in lines),
        field=bad[0].field,
        reasons=lines,
    )


# -- dates ----------------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DMY_PENDEK = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})")
_DIGITS8 = re.compile(r"(\d{2})(\d{2})(\d{4})")
_TEKS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    english = (
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    )  # fmt: skip
    for number, (nama, eng) in enumerate(zip(BULAN, english, strict=True), start=1):
        for word in (nama.casefold(), eng):
            names[word] = number
            names[word[:3]] = number
    names.update({"agt": 8, "agu": 8, "peb": 2, "nop": 11, "sept": 9})
    return names


_BULAN_KE = _month_names()


def parse_tanggal(value: object) -> date:
    """A date as a clerk types it: ``26-09-1986``, ``26/09/1986``, ``26.09.1986``, ``26091986``,
    ``1986-09-26`` or ``26 September 1986``. Raises ``ValueError`` with an Indonesian reason."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = (int(x) for x in match.groups())
    elif (match := _DMY.fullmatch(text)) or (match := _DIGITS8.fullmatch(text)):
        day, month, year = (int(x) for x in match.groups())
    elif match := _TEKS.fullmatch(text):
        month_no = _BULAN_KE.get(match.group(2).casefold())
        if month_no is None:
            raise ValueError(tr("nama bulan '{bulan}' tidak dikenal.", bulan=match.group(2)))
        day, month, year = int(match.group(1)), month_no, int(match.group(3))
    elif _DMY_PENDEK.fullmatch(text):
        raise ValueError(tr("tulis tahun dengan 4 angka, mis. 26-09-1986."))
    else:
        raise ValueError(
            tr("'{nilai}' bukan tanggal; tulis hh-bb-tttt, mis. 26-09-1986.", nilai=text[:30])
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(tr("'{nilai}' bukan tanggal yang ada.", nilai=text[:30])) from None


def clean_text(value: object) -> str | None:
    """Text as typed, with doubled and surrounding spaces removed; empty gives None."""
    if value is None:
        return None
    # Doubled and surrounding spaces (pasted text) are never meaningful in these fields.
    text = " ".join(str(value).split())
    return text or None


def match_code(table: Mapping[str, Mapping[str, Any]], value: str) -> str | None:
    """A reference code from its code or name, case-insensitively."""
    if value in table:
        return value
    folded = value.casefold()
    for kode, row in table.items():
        if kode.casefold() == folded or str(row.get("nama") or "").casefold() == folded:
            return kode
    return None


def parse_jenis_kelamin(value: str) -> str | None:
    """``L`` or ``P`` for the ways a clerk writes a sex (L, laki-laki, pria, 1 ...), else None."""
    kode = value.strip().upper().replace(" ", "-")
    if kode in ("L", "LAKI-LAKI", "PRIA", "1"):
        return "L"
    if kode in ("P", "PEREMPUAN", "WANITA", "2"):
        return "P"
    return None


def jenis_asn_of(status: str | None, ref: Referensi) -> str | None:
    """PNS or PPPK for a status code, from ``ref_status_kepegawaian``."""
    row = ref.table("ref_status_kepegawaian").get(status or "")
    return str(row["jenis_asn"]) if row and row.get("jenis_asn") else None


def date_or_none(value: str | None) -> date | None:
    """An ISO date, or None when empty or not a date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def nip_defaults(nip: str, *, today: date | None = None) -> dict[str, str]:
    """What a valid NIP says (birth date, sex, TMT CPNS, status), to prefill a new form."""
    try:
        info = parse_nip(nip, today=today)
    except ValidationError:
        return {}
    out = {"tanggal_lahir": info.tanggal_lahir.isoformat(), "jenis_kelamin": info.jenis_kelamin}
    if info.tmt_cpns is not None:
        out["tmt_cpns"] = info.tmt_cpns.isoformat()
    else:
        out["status"] = "PPPK"
    return out


def check_pangkat_sequence(
    v: Mapping[str, Value],
    tmt: date | None,
    others: list[dict[str, Any]],
    ref: Referensi,
    issues: Issues,
) -> None:
    """PP 99/2000: pangkat only rises. With a later TMT the golongan must be higher; the same
    golongan is not recorded twice; two pangkat on one TMT contradict each other."""
    gol = v.get("golongan_kode")
    urutan = ref.golongan_urutan(str(gol or ""))
    if urutan is None:
        return
    for other in sorted(others, key=lambda r: (r["tmt"] or "", r["golongan_kode"])):
        o_urutan = ref.golongan_urutan(other["golongan_kode"])
        o_tmt = date_or_none(other["tmt"])
        if o_urutan is None:
            continue
        if issues.has_error("golongan_kode") or issues.has_error("tmt"):
            break  # one conflict is enough to explain the refusal
        where = tr("{gol} TMT {tgl}", gol=other["golongan_kode"], tgl=tanggal(o_tmt))
        if o_urutan == urutan:
            issues.error("golongan_kode", tr("sudah tercatat ({ada}).", ada=where), "tmt")
        elif tmt is None or o_tmt is None:
            continue
        elif o_tmt == tmt:
            issues.error("tmt", tr("sudah ada pangkat lain dengan TMT sama ({ada}).", ada=where),
                         "golongan_kode")  # fmt: skip
        elif o_tmt < tmt and o_urutan > urutan:
            issues.error(
                "golongan_kode",
                tr("{gol} lebih rendah dari pangkat sebelumnya ({ada}); pangkat tidak turun.",
                   gol=gol, ada=where),
                "tmt",
            )  # fmt: skip
        elif o_tmt > tmt and o_urutan < urutan:
            issues.error(
                "golongan_kode",
                tr("{gol} lebih tinggi dari pangkat sesudahnya ({ada}); periksa TMT.",
                   gol=gol, ada=where),
                "tmt",
            )  # fmt: skip


def predikat_from_ratings(ref: Referensi, hasil: str, perilaku: str) -> str | None:
    """The predikat for two ratings, from ``ref_matriks_predikat`` (PermenPANRB 6/2022)."""
    row = ref.table("ref_matriks_predikat").get(f"{hasil}|{perilaku}")
    return str(row["predikat_kode"]) if row else None


def check_skp(
    v: dict[str, Value],
    bad: set[str],
    others: list[dict[str, Any]],
    ref: Referensi,
    issues: Issues,
    tmt_cpns: date | None,
    today: date,
) -> None:
    """One SKP row: its year (not ahead, not before the TMT CPNS, not twice) and its predikat
    against the two ratings (PermenPANRB 6/2022). Fills the predikat from the ratings when empty."""
    tahun = v.get("tahun")
    if isinstance(tahun, int) and "tahun" not in bad:
        if tahun > today.year:
            issues.error("tahun", tr("tidak boleh setelah tahun ini."))
        elif tmt_cpns is not None and tahun < tmt_cpns.year:
            issues.error("tahun", tr("sebelum TMT CPNS/awal kontrak ({tahun}).",
                                     tahun=tmt_cpns.year))  # fmt: skip
        if any(int(o["tahun"]) == tahun for o in others):
            issues.error("tahun", tr("SKP tahun {tahun} sudah tercatat; ubah yang ada.",
                                     tahun=tahun))  # fmt: skip
    hasil, perilaku = v.get("rating_hasil"), v.get("rating_perilaku")
    predikat = v.get("predikat_kode")
    if hasil and perilaku and not {"rating_hasil", "rating_perilaku"} & bad:
        derived = predikat_from_ratings(ref, str(hasil), str(perilaku))
        if derived and not predikat and "predikat_kode" not in bad:
            v["predikat_kode"] = derived
        elif derived and predikat and predikat != derived:
            issues.error(
                "predikat_kode",
                tr("menurut matriks predikat, hasil '{h}' dan perilaku '{p}' memberi '{d}'.",
                   h=ref.label("ref_rating", str(hasil)), p=ref.label("ref_rating", str(perilaku)),
                   d=ref.label("ref_predikat", derived)),
                "rating_hasil", "rating_perilaku",
            )  # fmt: skip
    elif bool(hasil) != bool(perilaku):
        missing = "rating_perilaku" if hasil else "rating_hasil"
        issues.error(missing, tr("isi kedua rating, atau kosongkan keduanya."))
    if not v.get("predikat_kode") and "predikat_kode" not in bad:
        issues.error("predikat_kode", tr("wajib diisi (atau isi kedua rating)."))
