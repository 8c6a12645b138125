"""Leave not counted as service (CLTN, PP 11/2017 cuti chapter): the pure date shift used by
the KGB schedule, the KP eligibility and the masa kerja, by table and by property."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.rules.cuti import (
    Rentang,
    awal_bulan_berikut,
    gabung,
    geser_tanggal,
    geser_tmt,
    hari_dalam,
)

D = date.fromisoformat
R = Rentang


@pytest.mark.parametrize(
    ("tanggal", "periode", "sejak", "hasil"),
    [
        # no period: unchanged
        ("2027-10-01", [], None, "2027-10-01"),
        # a year of CLTN before the date: one year (365 days) later
        ("2027-10-01", [R(D("2025-01-01"), D("2025-12-31"))], None, "2028-09-30"),
        # a leap year of CLTN: 366 days
        ("2027-10-01", [R(D("2024-01-01"), D("2024-12-31"))], None, "2028-10-01"),
        # a CLTN starting on the date itself moves nothing: the service was complete
        ("2027-10-01", [R(D("2027-10-01"), D("2028-09-30"))], None, "2027-10-01"),
        # a CLTN running over the date: all of it counts (the service resumes after it)
        ("2027-10-01", [R(D("2027-09-01"), D("2027-09-30"))], None, "2027-10-31"),
        ("2027-10-01", [R(D("2027-09-30"), D("2027-10-10"))], None, "2027-10-12"),
        # a period after the date is reached only through the shift of an earlier one
        (
            "2027-10-01",
            [R(D("2027-01-01"), D("2027-01-31")), R(D("2027-10-15"), D("2027-10-20"))],
            None,
            "2027-11-07",
        ),
        # overlapping periods count their days once
        (
            "2027-10-01",
            [R(D("2026-01-01"), D("2026-01-10")), R(D("2026-01-05"), D("2026-01-20"))],
            None,
            "2027-10-21",
        ),
        # before ``sejak`` nothing counts (the MKG written on the SK already left it out)
        ("2027-10-01", [R(D("2024-06-01"), D("2025-05-31"))], D("2025-06-01"), "2027-10-01"),
        ("2027-10-01", [R(D("2025-05-01"), D("2025-06-30"))], D("2025-06-01"), "2027-10-31"),
    ],
)
def test_geser_tanggal_table(
    tanggal: str, periode: list[Rentang], sejak: date | None, hasil: str
) -> None:
    assert geser_tanggal(D(tanggal), periode, sejak=sejak) == D(hasil)


def test_geser_tmt_brings_a_moved_tmt_to_the_first_of_a_month() -> None:
    year = [R(D("2025-01-01"), D("2025-12-31"))]
    assert geser_tmt(D("2027-10-01"), year) == D("2028-10-01")
    assert geser_tmt(D("2027-10-01"), []) == D("2027-10-01")
    # unmoved dates are left as they are, even off the 1st
    assert geser_tmt(D("2027-10-15"), []) == D("2027-10-15")
    assert awal_bulan_berikut(D("2027-12-02")) == D("2028-01-01")
    assert awal_bulan_berikut(D("2027-12-01")) == D("2027-12-01")


def test_gabung_and_hari_dalam() -> None:
    p = [R(D("2026-01-05"), D("2026-01-20")), R(D("2026-01-01"), D("2026-01-10"))]
    p.append(R(D("2026-01-21"), D("2026-01-22")))  # touching: merged
    p.append(R(D("2026-02-10"), D("2026-02-01")))  # reversed: dropped
    assert gabung(p) == [R(D("2026-01-01"), D("2026-01-22"))]
    assert hari_dalam(p, D("2026-01-01"), D("2026-02-01")) == 22
    assert hari_dalam(p, D("2026-01-10"), D("2026-01-12")) == 2
    assert hari_dalam(p, D("2026-03-01"), D("2026-04-01")) == 0


_HARI = st.dates(min_value=D("2000-01-01"), max_value=D("2040-12-31"))
_PERIODE = st.builds(
    lambda a, n: R(a, a + timedelta(days=n)), _HARI, st.integers(min_value=0, max_value=1500)
)


@given(tanggal=_HARI, periode=st.lists(_PERIODE, max_size=5), sejak=st.none() | _HARI)
def test_geser_never_earlier_and_shift_equals_days_not_counted(
    tanggal: date, periode: list[Rentang], sejak: date | None
) -> None:
    hasil = geser_tanggal(tanggal, periode, sejak=sejak)
    assert hasil >= tanggal
    dari = sejak if sejak is not None else date.min
    assert (hasil - tanggal).days == hari_dalam(periode, dari, hasil)
    # the moved date is a fixed point: moving the result again with the periods that already
    # moved it adds nothing new beyond what it counts
    assert geser_tanggal(tanggal, [*periode, *periode], sejak=sejak) == hasil
    tmt = geser_tmt(tanggal, periode, sejak=sejak)
    assert tmt >= hasil and (tmt == tanggal or tmt.day == 1)


@given(tanggal=_HARI, sejak=st.none() | _HARI)
def test_geser_is_the_identity_without_periods(tanggal: date, sejak: date | None) -> None:
    assert geser_tanggal(tanggal, [], sejak=sejak) == tanggal
    assert geser_tmt(tanggal, [], sejak=sejak) == tanggal


@given(a=_HARI, b=_HARI, periode=st.lists(_PERIODE, max_size=4))
def test_geser_keeps_the_order_of_dates(a: date, b: date, periode: list[Rentang]) -> None:
    lo, hi = min(a, b), max(a, b)
    assert geser_tanggal(lo, periode) <= geser_tanggal(hi, periode)
