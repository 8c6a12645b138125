"""The date arithmetic of complaints and discipline cases (asn-rules 9), without a database.

The numbers of days are reference data (``ref_tenggat_pengaduan``, ``ref_tenggat_disiplin``,
``ref_hukuman_disiplin``, ``ref_alpa_hukdis``), passed in by the caller. A working day is Monday
to Friday unless the caller passes the agency calendar (:class:`app.models.rules.cuti.Kalender`:
5- or 6-day week, national holidays, cuti bersama), which the models layer reads from the leave
calendar; then a deadline in working days skips the holidays too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.i18n import tanggal, tr
from app.models.rules.cuti import Kalender
from app.models.rules.gaji import add_months


def is_hari_kerja(value: date, kalender: Kalender | None = None) -> bool:
    """Monday to Friday, or a working day of ``kalender`` (week, holidays, cuti bersama)."""
    if kalender is not None:
        return kalender.is_hari_kerja(value)
    return value.weekday() < 5


def tambah_hari_kerja(value: date, days: int, kalender: Kalender | None = None) -> date:
    """The working day ``days`` working days after ``value`` (``value`` itself when 0)."""
    if days < 0:
        raise ValueError("days must not be negative")
    if kalender is not None and kalender.hari_per_minggu < 1:
        raise ValueError("a calendar without working days")
    current = value
    left = days
    while left:
        current += timedelta(days=1)
        if is_hari_kerja(current, kalender):
            left -= 1
    return current


def hari_kerja_antara(mulai: date, sampai: date) -> int:
    """Working days after ``mulai`` up to and including ``sampai`` (0 when not later)."""
    if sampai <= mulai:
        return 0
    full_weeks, rest = divmod((sampai - mulai).days, 7)
    count = full_weeks * 5
    current = mulai + timedelta(days=full_weeks * 7)
    for _ in range(rest):
        current += timedelta(days=1)
        if is_hari_kerja(current):
            count += 1
    return count


def tambah_hari(
    value: date, days: int, *, hari_kerja: bool, kalender: Kalender | None = None
) -> date:
    """``days`` working days (``hari_kerja``, by ``kalender`` when given) or calendar days after
    ``value``."""
    if hari_kerja:
        return tambah_hari_kerja(value, days, kalender)
    return value + timedelta(days=days)


# -- summons (PP 94/2021 Ps. 27 [P]) -----------------------------------------------------------


def check_panggilan(
    ke: int,
    tanggal_surat: date,
    tanggal_periksa: date,
    *,
    hari: int = 7,
    periksa_pertama: date | None = None,
    kalender: Kalender | None = None,
) -> list[str]:
    """The reasons a summons breaks the rule (empty: it keeps it).

    Summons I reaches the employee at least ``hari`` working days before the examination it
    sets. Summons II, when the employee did not come to the first, is sent at most ``hari``
    working days after the date of the first examination and sets a later date.
    """
    reasons: list[str] = []
    if ke not in (1, 2):
        return [tr("Panggilan ke-{ke} tidak dikenal: hanya panggilan I dan II.", ke=ke)]
    if tanggal_periksa <= tanggal_surat:
        reasons.append(
            tr(
                "Tanggal pemeriksaan {p} harus sesudah tanggal surat panggilan {s}.",
                p=tanggal(tanggal_periksa),
                s=tanggal(tanggal_surat),
            )
        )
    if ke == 1:
        paling_awal = tambah_hari_kerja(tanggal_surat, hari, kalender)
        if tanggal_periksa < paling_awal:
            reasons.append(
                tr(
                    "Surat panggilan I harus diterima paling lambat {n} hari kerja sebelum "
                    "pemeriksaan: dengan surat tanggal {s}, pemeriksaan paling cepat {p} "
                    "(PP 94/2021 Ps. 27).",
                    n=hari,
                    s=tanggal(tanggal_surat),
                    p=tanggal(paling_awal),
                )
            )
        return reasons
    if periksa_pertama is None:
        reasons.append(tr("Panggilan II memerlukan panggilan I lebih dulu."))
        return reasons
    paling_lambat = tambah_hari_kerja(periksa_pertama, hari, kalender)
    if tanggal_surat < periksa_pertama or tanggal_surat > paling_lambat:
        reasons.append(
            tr(
                "Surat panggilan II dibuat paling lama {n} hari kerja sejak tanggal pemeriksaan "
                "panggilan I ({p1}): antara {p1} dan {batas} (PP 94/2021 Ps. 27).",
                n=hari,
                p1=tanggal(periksa_pertama),
                batas=tanggal(paling_lambat),
            )
        )
    return reasons


# -- effects of the decision --------------------------------------------------------------------


def tmt_berlaku(diterima: date, *, hari_ke: int = 15) -> date:
    """The day the penalty takes effect: the ``hari_ke``-th day counting the day of receipt as
    day 1 (asn-rules 9.3 [V]; the counting [?])."""
    return diterima + timedelta(days=hari_ke - 1)


def tmt_selesai(mulai: date, durasi_bulan: int | None, tingkat: str) -> date | None:
    """The last day of a penalty: ``durasi_bulan`` months from ``mulai`` less one day; a ringan
    penalty is served on its day; a berat penalty without a duration (dismissal) has no end."""
    if durasi_bulan:
        return add_months(mulai, durasi_bulan) - timedelta(days=1)
    if tingkat == "RINGAN":
        return mulai
    return None


def hukuman_alpa(hari: int, tabel: Iterable[Mapping[str, Any]]) -> str | None:
    """The penalty for ``hari`` cumulative working days of unexcused absence in a year, from the
    rows of ``ref_alpa_hukdis`` (PP 94/2021 Ps. 9-11); None below the first row."""
    for row in tabel:
        lo = int(row["hari_min"])
        hi = row.get("hari_maks")
        if hari >= lo and (hi is None or hari <= int(hi)):
            return str(row["hukuman_kode"])
    return None


ALPA_KUMULATIF_PASAL = "PP 94/2021 Ps. 9-11"


@dataclass(frozen=True)
class SaranAlpa:
    """The penalty suggested for an absence count and the rule that gives it."""

    hukuman_kode: str | None
    pasal: str
    berturut: bool  # True when the 10-day-in-a-row rule decides


def saran_alpa(
    hari: int,
    tabel: Iterable[Mapping[str, Any]],
    *,
    berturut: int = 0,
    aturan_berturut: Mapping[str, Any] | None = None,
) -> SaranAlpa:
    """The penalty for ``hari`` cumulative working days of unexcused absence in a year, of which
    ``berturut`` (at most ``hari``) in a row: the row of ``ref_alpa_berturut`` in force
    (``aturan_berturut``: 10 working days in a row -> PDHTAPS) when reached, otherwise the
    cumulative table (``ref_alpa_hukdis``)."""
    if hari < 0 or berturut < 0:
        raise ValueError("days must not be negative")
    if berturut > hari:
        raise ValueError("days in a row cannot exceed the total")
    if aturan_berturut is not None and berturut >= int(aturan_berturut["hari"]):
        pasal = str(aturan_berturut["dasar_hukum"])
        if aturan_berturut.get("status_fakta") == "?":
            pasal += " [?]"
        return SaranAlpa(str(aturan_berturut["hukuman_kode"]), pasal, True)
    return SaranAlpa(hukuman_alpa(hari, tabel), ALPA_KUMULATIF_PASAL, False)


def berlaku_pada(
    rows: Iterable[Mapping[str, Any]], on: date, *, key: str = "kode"
) -> dict[str, Mapping[str, Any]]:
    """The rows of an effective-dated table in force ``on`` (``berlaku_mulai`` <= on <=
    ``berlaku_sampai``), by ``key``."""
    result: dict[str, Mapping[str, Any]] = {}
    text = on.isoformat()
    for row in rows:
        mulai = row.get("berlaku_mulai") or "0000"
        sampai = row.get("berlaku_sampai") or "9999"
        if mulai <= text <= sampai:
            result[str(row[key])] = row
    return result
