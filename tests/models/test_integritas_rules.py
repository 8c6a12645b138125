"""The date arithmetic of complaints and discipline cases (asn-rules 9), without a database."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.models.reference.data import table
from app.models.rules import integritas as r

ALPA = [dict(row) for row in table("ref_alpa_hukdis").rows]


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
