"""Leave (cuti) rules as pure functions: working days of the agency calendar, the cuti tahunan
balance with its carry-over, and the lengths of the other kinds (asn-rules 12; PP 11/2017 jo PP
17/2020; Peraturan BKN 24/2017 jo 7/2021). The numbers come from ``ref_aturan_cuti`` (read by
:mod:`app.models.cuti`), never from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

HARI_KERJA = "HARI_KERJA"
BULAN = "BULAN"


@dataclass(frozen=True)
class Kalender:
    """The agency calendar: a 5- or 6-day week, national holidays and cuti bersama."""

    hari_per_minggu: int = 5
    libur: frozenset[date] = frozenset()
    cuti_bersama: frozenset[date] = frozenset()
    tahun_terisi: frozenset[int] = frozenset()  # years with at least one date keyed in

    def is_hari_kerja(self, d: date) -> bool:
        """A working day: Monday-Friday (or -Saturday), not a holiday or cuti bersama."""
        return (
            d.weekday() < self.hari_per_minggu
            and d not in self.libur
            and (d not in self.cuti_bersama)
        )

    def hari_kerja(self, mulai: date, selesai: date) -> int:
        """Working days from ``mulai`` to ``selesai``, both included (0 when reversed)."""
        n = 0
        d = mulai
        while d <= selesai:
            n += self.is_hari_kerja(d)
            d += timedelta(days=1)
        return n

    def cuti_bersama_kerja(self, tahun: int) -> int:
        """The cuti bersama days of ``tahun`` that fall on a working day of the week."""
        return sum(
            1
            for d in self.cuti_bersama
            if d.year == tahun and d.weekday() < self.hari_per_minggu and d not in self.libur
        )


def tambah_bulan(d: date, bulan: int) -> date:
    """``d`` plus whole months (the 31st becomes the month's last day)."""
    m = d.month - 1 + bulan
    year, month = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)  # pragma: no cover - day 28 always exists


def batas_selesai(mulai: date, bulan: int) -> date:
    """The last day of a leave of at most ``bulan`` calendar months starting on ``mulai``."""
    return tambah_bulan(mulai, bulan) - timedelta(days=1)


def masa_kerja(tmt: date, pada: date) -> tuple[int, int]:
    """Whole (years, months) of service from ``tmt`` to ``pada`` (0, 0 before the TMT)."""
    if pada < tmt:
        return 0, 0
    months = (pada.year - tmt.year) * 12 + pada.month - tmt.month - (pada.day < tmt.day)
    return months // 12, months % 12


# -- the cuti tahunan balance -------------------------------------------------------------------


@dataclass(frozen=True)
class TahunCuti:
    """What the records say of one year's cuti tahunan."""

    hak: int = 0  # the year's own entitlement (0: not yet eligible, or a cuti besar year)
    dipakai: int = 0  # working days of approved cuti tahunan drawing on this year
    ditangguhkan: int = 0  # working days the official postponed (they carry forward)
    penyesuaian: int = 0  # dated corrections (signed)


@dataclass(frozen=True)
class SaldoTahun:
    """The computed cuti tahunan balance of one year."""

    tahun: int
    hak: int
    bawaan: int  # carried over from the years before
    penyesuaian: int
    dipakai: int
    ditangguhkan: int
    bawaan_berikut: int  # what this year carries into the next

    @property
    def tersedia(self) -> int:
        return self.hak + self.bawaan + self.penyesuaian

    @property
    def sisa(self) -> int:
        return self.tersedia - self.dipakai


@dataclass(frozen=True)
class BatasBawaan:
    """The carry-over caps: ``biasa`` days (6: 18 in all), ``dua_tahun`` days when the leave
    was not taken two years running or was postponed by the official (12: 24 in all)."""

    biasa: int = 6
    dua_tahun: int = 12


def hitung_saldo(
    per_tahun: Mapping[int, TahunCuti], dari: int, sampai: int, batas: BatasBawaan
) -> dict[int, SaldoTahun]:
    """The balance of every year from ``dari`` to ``sampai``, carrying unused days forward.

    Peraturan BKN 24/2017: unused days may be used the next year up to 18 working days with the
    current year's (6 carried); not taken two years running, up to 24 (12 carried); days the
    official postponed, up to 24 as well. Nothing is carried before ``dari``.
    """
    out: dict[int, SaldoTahun] = {}
    bawaan = 0
    tak_diambil_sebelumnya = False
    for tahun in range(dari, sampai + 1):
        c = per_tahun.get(tahun, TahunCuti())
        sisa = c.hak + bawaan + c.penyesuaian - c.dipakai
        tak_diambil = c.hak > 0 and c.dipakai == 0
        dua = c.ditangguhkan > 0 or (tak_diambil and tak_diambil_sebelumnya)
        cap = batas.dua_tahun if dua else batas.biasa
        berikut = max(0, min(sisa, cap))
        out[tahun] = SaldoTahun(
            tahun, c.hak, bawaan, c.penyesuaian, c.dipakai, c.ditangguhkan, berikut
        )
        bawaan = berikut
        tak_diambil_sebelumnya = tak_diambil
    return out


def tahun_negatif(saldo: Mapping[int, SaldoTahun], dari: int) -> list[SaldoTahun]:
    """The years from ``dari`` on whose balance would be below zero."""
    return [s for t, s in sorted(saldo.items()) if t >= dari and s.sisa < 0]


# -- overlap ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rentang:
    mulai: date
    selesai: date
    label: str = field(default="", compare=False)

    def bertumpuk(self, other: Rentang) -> bool:
        return self.mulai <= other.selesai and other.mulai <= self.selesai


def tumpang_tindih(baru: Rentang, lain: Iterable[Rentang]) -> list[Rentang]:
    """The ranges of ``lain`` that share at least one day with ``baru``."""
    return [r for r in lain if baru.bertumpuk(r)]


# -- leave not counted as service (CLTN) -------------------------------------------------------


def gabung(periode: Iterable[Rentang]) -> list[Rentang]:
    """The ranges merged where they overlap or touch, in date order (reversed ones dropped)."""
    out: list[Rentang] = []
    for r in sorted((r for r in periode if r.mulai <= r.selesai), key=lambda r: r.mulai):
        if out and r.mulai <= out[-1].selesai + timedelta(days=1):
            if r.selesai > out[-1].selesai:
                out[-1] = Rentang(out[-1].mulai, r.selesai, out[-1].label)
        else:
            out.append(r)
    return out


def hari_dalam(periode: Iterable[Rentang], dari: date, sampai: date) -> int:
    """Days of ``periode`` (counted once where ranges overlap) from ``dari`` up to, not
    including, ``sampai``."""
    total = 0
    for r in gabung(periode):
        a, b = max(r.mulai, dari), min(r.selesai, sampai - timedelta(days=1))
        total += max(0, (b - a).days + 1)
    return total


def geser_tanggal(
    tanggal: date, periode_tidak_dihitung: Iterable[Rentang], *, sejak: date | None = None
) -> date:
    """The date a span of service counted from ``sejak`` ends when the days of
    ``periode_tidak_dihitung`` (on or after ``sejak``) do not count: ``tanggal`` moved later by
    the days of those periods that fall before the moved date.

    PP 11/2017 (cuti chapter): the time on cuti di luar tanggungan negara is not counted as masa
    kerja PNS, so the day a masa kerja is reached (KGB, KP) comes later by the CLTN days. A
    period that starts on or after the date moves nothing; the result is never earlier, and
    ``result - tanggal`` equals the days of the periods in ``[sejak, result)``.
    """
    ranges = [
        Rentang(max(r.mulai, sejak), r.selesai) if sejak is not None else r
        for r in periode_tidak_dihitung
    ]
    hasil = tanggal
    for r in gabung(ranges):
        if r.mulai >= hasil:
            break
        hasil += timedelta(days=(r.selesai - r.mulai).days + 1)
    return hasil


def awal_bulan_berikut(d: date) -> date:
    """``d`` when it is the 1st of a month, else the 1st of the next month (a TMT of KGB and
    KP is always the 1st)."""
    if d.day == 1:
        return d
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def geser_tmt(
    tmt: date, periode_tidak_dihitung: Iterable[Rentang], *, sejak: date | None = None
) -> date:
    """A KGB/KP TMT moved by :func:`geser_tanggal` and, when it moved, brought to the 1st of
    a month."""
    hasil = geser_tanggal(tmt, periode_tidak_dihitung, sejak=sejak)
    return tmt if hasil == tmt else awal_bulan_berikut(hasil)


def mulai_bersih(mulai: date, sampai: date, periode_tidak_dihitung: Iterable[Rentang]) -> date:
    """The start of a span of service moved later by the days not counted between ``mulai`` and
    ``sampai``: ``masa_kerja(mulai_bersih(...), sampai)`` is the service without the CLTN."""
    return mulai + timedelta(days=hari_dalam(periode_tidak_dihitung, mulai, sampai))
