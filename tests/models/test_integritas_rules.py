"""The date arithmetic of complaints and discipline cases (asn-rules 9), without a database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.reference.data import table
from app.models.rules import integritas as r
from app.models.rules.cuti import Kalender

ALPA = [dict(row) for row in table("ref_alpa_hukdis").rows]
BERTURUT = dict(table("ref_alpa_berturut").rows[0])


def test_working_days_skip_the_weekend() -> None:
    friday = date(2026, 3, 6)
    assert r.tambah_hari_kerja(friday, 1) == date(2026, 3, 9)  # Monday
    assert r.tambah_hari_kerja(friday, 0) == friday
    assert r.tambah_hari_kerja(date(2026, 3, 2), 7) == date(2026, 3, 11)  # Mon + 7 = Wed next
    assert r.hari_kerja_antara(date(2026, 3, 2), date(2026, 3, 11)) == 7


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    n=st.integers(min_value=0, max_value=400),
)
def test_adding_working_days_and_counting_them_agree(start: date, n: int) -> None:
    end = r.tambah_hari_kerja(start, n)
    assert r.hari_kerja_antara(start, end) == n
    assert n == 0 or r.is_hari_kerja(end)
    assert end - start <= timedelta(days=n * 7 // 5 + 3)


def test_summons_one_needs_seven_working_days_before_the_examination() -> None:
    """PP 94/2021 Ps. 27: a summons delivered Monday 2 March 2026 can set an examination on
    Wednesday 11 March at the earliest (7 working days), not on Tuesday 10 March."""
    surat = date(2026, 3, 2)
    assert r.check_panggilan(1, surat, date(2026, 3, 11)) == []
    reasons = r.check_panggilan(1, surat, date(2026, 3, 10))
    assert len(reasons) == 1 and "7 hari kerja" in reasons[0] and "11 Maret 2026" in reasons[0]
    assert r.check_panggilan(1, surat, surat)  # the same day is never enough


def test_summons_two_within_seven_working_days_of_the_first_examination() -> None:
    first = date(2026, 3, 11)  # Wednesday
    ok = r.check_panggilan(2, date(2026, 3, 20), date(2026, 3, 25), periksa_pertama=first)
    assert ok == []  # Friday 20 March is the 7th working day after 11 March
    late = r.check_panggilan(2, date(2026, 3, 23), date(2026, 3, 25), periksa_pertama=first)
    assert late and "20 Maret 2026" in late[0]
    assert r.check_panggilan(2, date(2026, 3, 12), date(2026, 3, 13), periksa_pertama=None)


def test_penalty_dates_from_receipt() -> None:
    """Receipt on 1 December 2026: in force on the 15th day (15 December) and a 12-month
    penalty ends on 14 December 2027; a ringan penalty is served on its day; dismissal has no
    end."""
    mulai = r.tmt_berlaku(date(2026, 12, 1))
    assert mulai == date(2026, 12, 15)
    assert r.tmt_selesai(mulai, 12, "SEDANG") == date(2027, 12, 14)
    assert r.tmt_selesai(mulai, 6, "SEDANG") == date(2027, 6, 14)
    assert r.tmt_selesai(mulai, None, "RINGAN") == mulai
    assert r.tmt_selesai(mulai, None, "BERAT") is None


@given(
    mulai=st.dates(min_value=date(2021, 1, 1), max_value=date(2040, 12, 31)),
    bulan=st.sampled_from([6, 9, 12]),
)
def test_a_penalty_lasts_its_months_exactly(mulai: date, bulan: int) -> None:
    selesai = r.tmt_selesai(mulai, bulan, "SEDANG")
    assert selesai is not None and mulai < selesai
    nxt = selesai + timedelta(days=1)  # the day after is the same day-of-month N months on
    assert (nxt.year * 12 + nxt.month) - (mulai.year * 12 + mulai.month) == bulan


def test_absence_table_of_pp_94_2021() -> None:
    """PP 94/2021 Ps. 9-11 (asn-rules 9.2): the boundaries of the table."""
    expected = {
        2: None,
        3: "TEGURAN_LISAN",
        4: "TEGURAN_TERTULIS",
        6: "TEGURAN_TERTULIS",
        7: "PERNYATAAN_TIDAK_PUAS",
        10: "PERNYATAAN_TIDAK_PUAS",
        11: "POTONGAN_TPP_6",
        14: "POTONGAN_TPP_9",
        17: "POTONGAN_TPP_12",
        20: "POTONGAN_TPP_12",
        21: "PENURUNAN_JABATAN",
        25: "PEMBEBASAN_JABATAN",
        27: "PEMBEBASAN_JABATAN",
        28: "PDHTAPS",
        200: "PDHTAPS",
    }
    for days, kode in expected.items():
        assert r.hukuman_alpa(days, ALPA) == kode, days


URUTAN = {str(row["kode"]): int(str(row["urutan"])) for row in table("ref_hukuman_disiplin").rows}


@given(a=st.integers(min_value=0, max_value=60), b=st.integers(min_value=0, max_value=60))
def test_more_absence_never_means_a_lighter_penalty(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    k_lo, k_hi = r.hukuman_alpa(lo, ALPA), r.hukuman_alpa(hi, ALPA)
    assert k_lo is None or (k_hi is not None and URUTAN[k_lo] <= URUTAN[k_hi])


# -- working days of the leave calendar (holidays, cuti bersama, 5/6-day week) ------------------

NYEPI = date(2026, 3, 19)  # Thursday
BERSAMA = date(2026, 3, 20)  # Friday
KAL5 = Kalender(5, frozenset({NYEPI}), frozenset({BERSAMA}), frozenset({2026}))
KAL6 = Kalender(6, frozenset({NYEPI}), frozenset({BERSAMA}), frozenset({2026}))


def test_deadlines_in_working_days_skip_weekend_holiday_and_cuti_bersama() -> None:
    """Monday 16 March 2026 + 7 working days: Thursday 19 (holiday), Friday 20 (cuti bersama)
    and the weekend are skipped, so Friday 27 March; without the calendar Wednesday 25."""
    senin = date(2026, 3, 16)
    cases = [
        (senin, 1, None, date(2026, 3, 17)),
        (senin, 3, None, date(2026, 3, 19)),
        (senin, 3, KAL5, date(2026, 3, 23)),
        (senin, 7, None, date(2026, 3, 25)),
        (senin, 7, KAL5, date(2026, 3, 27)),
        (senin, 7, KAL6, date(2026, 3, 26)),  # Saturday 21 is a working day
        (date(2026, 3, 18), 1, KAL5, date(2026, 3, 23)),
        (NYEPI, 0, KAL5, NYEPI),
    ]
    for start, n, kal, expected in cases:
        assert r.tambah_hari_kerja(start, n, kal) == expected, (start, n, kal)
        assert r.tambah_hari(start, n, hari_kerja=True, kalender=kal) == expected
    assert r.tambah_hari(senin, 7, hari_kerja=False, kalender=KAL5) == date(2026, 3, 23)


def test_summons_one_counts_the_holidays_of_the_calendar() -> None:
    surat = date(2026, 3, 16)
    assert r.check_panggilan(1, surat, date(2026, 3, 25)) == []
    reasons = r.check_panggilan(1, surat, date(2026, 3, 25), kalender=KAL5)
    assert len(reasons) == 1 and "27 Maret 2026" in reasons[0]
    assert r.check_panggilan(1, surat, date(2026, 3, 27), kalender=KAL5) == []


_holidays = st.frozensets(
    st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)), max_size=40
)


@given(
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 6, 30)),
    a=st.integers(min_value=0, max_value=60),
    b=st.integers(min_value=0, max_value=60),
    week=st.sampled_from([5, 6]),
    libur=_holidays,
    bersama=_holidays,
)
def test_calendar_deadline_is_after_start_monotone_and_a_working_day(
    start: date, a: int, b: int, week: int, libur: frozenset[date], bersama: frozenset[date]
) -> None:
    kal = Kalender(week, libur, bersama, frozenset({2026, 2027}))
    lo, hi = sorted((a, b))
    d_lo, d_hi = r.tambah_hari_kerja(start, lo, kal), r.tambah_hari_kerja(start, hi, kal)
    assert start <= d_lo <= d_hi
    assert lo == hi or d_lo < d_hi
    assert hi == 0 or kal.is_hari_kerja(d_hi)
    assert kal.hari_kerja(start + timedelta(days=1), d_hi) == hi
    assert d_hi >= r.tambah_hari_kerja(start, hi) or week == 6


# -- absence: cumulative table and 10 working days in a row ------------------------------------


def test_absence_suggestion_at_every_boundary() -> None:
    cases = [
        (0, 0, None, False),
        (2, 2, None, False),
        (3, 3, "TEGURAN_LISAN", False),
        (9, 9, "PERNYATAAN_TIDAK_PUAS", False),
        (10, 9, "PERNYATAAN_TIDAK_PUAS", False),
        (10, 10, "PDHTAPS", True),
        (12, 3, "POTONGAN_TPP_6", False),
        (12, 10, "PDHTAPS", True),
        (27, 9, "PEMBEBASAN_JABATAN", False),
        (28, 0, "PDHTAPS", False),
    ]
    for hari, berturut, kode, rule in cases:
        s = r.saran_alpa(hari, ALPA, berturut=berturut, aturan_berturut=BERTURUT)
        assert (s.hukuman_kode, s.berturut) == (kode, rule), (hari, berturut)
        assert s.pasal.startswith("PP 94/2021 Ps.")
    assert r.saran_alpa(12, ALPA, berturut=10).hukuman_kode == "POTONGAN_TPP_6"  # no such rule
    with pytest.raises(ValueError):
        r.saran_alpa(5, ALPA, berturut=6)
    with pytest.raises(ValueError):
        r.saran_alpa(-1, ALPA)


@given(
    a=st.integers(min_value=0, max_value=60),
    b=st.integers(min_value=0, max_value=60),
    ba=st.integers(min_value=0, max_value=60),
    bb=st.integers(min_value=0, max_value=60),
)
def test_absence_suggestion_is_monotone_in_both_counts(a: int, b: int, ba: int, bb: int) -> None:
    lo, hi = sorted((a, b))
    blo, bhi = sorted((min(ba, lo), min(bb, hi)))
    k_lo = r.saran_alpa(lo, ALPA, berturut=blo, aturan_berturut=BERTURUT).hukuman_kode
    k_hi = r.saran_alpa(hi, ALPA, berturut=bhi, aturan_berturut=BERTURUT).hukuman_kode
    assert k_lo is None or (k_hi is not None and URUTAN[k_lo] <= URUTAN[k_hi])
