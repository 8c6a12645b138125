"""Gaji pokok lookup, MKG on crossing golongan and the KGB schedule (asn-rules 10.2, 10.3),
without a database: the table is the seed data a fresh database starts with."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.errors import NotFoundError
from app.models.reference.data import table
from app.models.rules.gaji import (
    Kgb,
    TabelGaji,
    TabelGajiBelumLengkap,
    add_months,
    golongan_pns,
    mkg_setelah_kp,
)

TABEL = TabelGaji(table("ref_gaji_pokok").rows)
GOLONGAN = sorted({str(r["golongan_kode"]) for r in table("ref_gaji_pokok").rows})
HARI_INI = date(2026, 12, 1)


# --- gaji pokok ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("golongan", "mkg", "rupiah"),
    [
        ("I/a", 0, 1_685_700),
        ("I/a", 1, 1_685_700),  # between rows: the row below
        ("I/a", 26, 2_522_600),
        ("I/a", 40, 2_522_600),  # above the top: the top
        ("II/a", 1, 2_218_400),
        ("II/c", 0, 2_485_900),  # below the first row of II/c (MKG 3): the first row
        ("II/d", 13, 3_025_600),
        ("III/a", 8, 3_153_600),
        ("III/d", 21, 4_301_200),
        ("III/d", 22, 4_436_700),
        ("IV/e", 32, 6_373_200),
        ("IX", 0, 3_203_600),
    ],
)
def test_gaji_pokok_from_the_table(golongan: str, mkg: int, rupiah: int) -> None:
    assert TABEL.gaji_pokok(golongan, mkg, HARI_INI) == rupiah


def test_gaji_before_2024_is_missing_with_a_clear_message() -> None:
    with pytest.raises(TabelGajiBelumLengkap) as info:
        TABEL.gaji_pokok("III/a", 8, date(2023, 12, 31))
    assert isinstance(info.value, NotFoundError)
    assert "tabel gaji belum lengkap untuk golongan III/a pada 2023-12-31" in str(info.value)
    assert "PP 15/2019" in str(info.value)
    assert TABEL.cari_gaji("III/a", 8, date(2023, 12, 31)) is None
    with pytest.raises(TabelGajiBelumLengkap, match="golongan X/z"):
        TABEL.gaji_pokok("X/z", 0, HARI_INI)


def test_an_ended_table_is_not_used_after_its_end() -> None:
    rows = [dict(r) for r in table("ref_gaji_pokok").rows if r["golongan_kode"] == "III/a"]
    for r in rows:
        r["berlaku_sampai"] = "2026-12-31"
    newer = [
        {
            **r,
            "berlaku_mulai": "2027-01-01",
            "berlaku_sampai": None,
            "gaji_pokok": 2 * int(r["gaji_pokok"]),
        }  # type: ignore[call-overload]
        for r in rows
    ]
    t = TabelGaji(rows + newer)
    assert t.gaji_pokok("III/a", 0, date(2026, 12, 31)) == 2_785_700
    assert t.gaji_pokok("III/a", 0, date(2027, 1, 1)) == 2 * 2_785_700


# --- MKG on crossing golongan ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("dari", "ke", "mkg", "baru"),
    [
        ("II/d", "III/a", (13, 0), (8, 0)),  # asn-rules 10.2
        ("I/d", "II/a", (10, 4), (4, 4)),
        ("I/d", "II/a", (5, 11), (0, 0)),  # never below 0y0m
        ("I/c", "III/a", (15, 2), (4, 2)),  # crossing two: -6 and -5
        ("III/c", "III/d", (21, 2), (21, 2)),  # same golongan
        ("III/d", "IV/a", (20, 0), (20, 0)),  # III -> IV: nothing
        ("IX", "X", (7, 0), (7, 0)),  # PPPK
    ],
)
def test_mkg_setelah_kp(dari: str, ke: str, mkg: tuple[int, int], baru: tuple[int, int]) -> None:
    assert mkg_setelah_kp(dari, ke, *mkg) == baru


def test_golongan_pns() -> None:
    assert golongan_pns("III/a") == 3
    assert golongan_pns("IX") is None


# --- KGB -------------------------------------------------------------------------------------


def test_kgb_after_a_kp_that_left_mkg_between_steps() -> None:
    """asn-rules 10.3: KP III/c -> III/d TMT 1 December 2026 with MKG 21y2m: the next KGB is
    1 October 2027 at MKG 22 (not 1 December 2028)."""
    found = TABEL.kgb_berikut("III/d", 21 * 12 + 2, date(2026, 12, 1))
    assert found == (Kgb(date(2027, 10, 1), 22, 4_436_700), 1)


def test_kgb_on_odd_steps_in_golongan_ii() -> None:
    jadwal = list(TABEL.jadwal_kgb("II/b", 4 * 12, date(2025, 3, 1)))
    assert [(k.tmt, k.mkg_tahun) for k in jadwal[:2]] == [
        (date(2026, 3, 1), 5),
        (date(2028, 3, 1), 7),
    ]
    assert jadwal[0].gaji_pokok == 2_460_100
    assert jadwal[-1].mkg_tahun == 33  # the top of II/b


def test_no_kgb_past_the_top_of_the_table() -> None:
    assert TABEL.kgb_berikut("III/a", 32 * 12, date(2026, 1, 1)) is None
    assert TABEL.kgb_berikut("I/a", 26 * 12 + 5, date(2026, 1, 1)) is None


def test_no_kgb_on_or_after_tmt_pensiun() -> None:
    assert (
        TABEL.kgb_berikut("III/d", 21 * 12 + 2, date(2026, 12, 1), tmt_pensiun=date(2027, 10, 1))
        is None
    )
    assert TABEL.kgb_berikut(
        "III/d", 21 * 12 + 2, date(2026, 12, 1), tmt_pensiun=date(2027, 10, 2)
    ) == (Kgb(date(2027, 10, 1), 22, 4_436_700), 1)


def test_entrant_below_the_first_row_waits_for_a_raise() -> None:
    """II/c starts at MKG 3 in the table: an entrant with MKG 0 is paid that row, so the first
    KGB is the next row that raises the gaji."""
    found = TABEL.kgb_berikut("II/c", 0, date(2025, 1, 1))
    assert found is not None and found[0].mkg_tahun == 5


def test_pppk_are_entitled() -> None:
    found = TABEL.kgb_berikut("IX", 3 * 12, date(2026, 4, 1))
    assert found == (Kgb(date(2027, 4, 1), 4, 3_408_500), 1)


def test_missing_steps_are_counted() -> None:
    found = TABEL.kgb_berikut("III/b", 2 * 12, date(2020, 1, 1), mulai=date(2027, 1, 1))
    assert found is not None
    kgb, nomor = found
    assert (kgb.tmt, kgb.mkg_tahun, nomor) == (date(2028, 1, 1), 10, 4)


def test_kgb_before_2024_has_steps_but_no_gaji() -> None:
    found = TABEL.kgb_berikut("III/a", 0, date(2019, 1, 1))
    assert found == (Kgb(date(2021, 1, 1), 2, None), 1)


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(date(2026, 12, 1), 10) == date(2027, 10, 1)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)


# --- properties ------------------------------------------------------------------------------

_mkg = st.tuples(st.integers(0, 40), st.integers(0, 11))
_pns = st.sampled_from([g for g in GOLONGAN if "/" in g])


@given(_pns, _pns, _mkg)
def test_mkg_never_negative_and_never_grows(dari: str, ke: str, mkg: tuple[int, int]) -> None:
    tahun, bulan = mkg_setelah_kp(dari, ke, *mkg)
    assert tahun >= 0 and 0 <= bulan <= 11
    assert tahun * 12 + bulan <= mkg[0] * 12 + mkg[1]


_tanggal = st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 1))


@given(st.sampled_from(GOLONGAN), st.integers(0, 40 * 12), _tanggal, _tanggal)
def test_kgb_on_table_steps_before_pensiun(
    golongan: str, mkg: int, pada: date, pensiun: date
) -> None:
    langkah = TABEL.langkah(golongan, pada)
    previous = pada
    gaji = TABEL.gaji_pokok(golongan, mkg // 12, pada)
    for kgb in TABEL.jadwal_kgb(golongan, mkg, pada, tmt_pensiun=pensiun):
        assert kgb.tmt < pensiun
        assert kgb.tmt > previous
        assert kgb.mkg_tahun in langkah and kgb.mkg_tahun * 12 > mkg
        assert kgb.mkg_tahun <= langkah[-1]
        assert kgb.gaji_pokok is not None and kgb.gaji_pokok > gaji
        previous, gaji = kgb.tmt, kgb.gaji_pokok


@given(st.sampled_from(GOLONGAN), st.integers(0, 40), st.integers(0, 40))
def test_gaji_monotonic_in_mkg(golongan: str, a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert TABEL.gaji_pokok(golongan, lo, HARI_INI) <= TABEL.gaji_pokok(golongan, hi, HARI_INI)
