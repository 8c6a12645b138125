"""Derived facts: current rank and position from the histories, masa kerja, BUP."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.models.reference.data import golongan_order, table
from app.models.rules import derivations as d

JENJANG = {row["kode"]: row for row in table("ref_jenjang_jabatan").rows}


def order(kode: str) -> int:
    return golongan_order(kode)


def test_current_pangkat_is_the_latest_tmt_not_the_latest_entry() -> None:
    rows = [
        {"id": "1", "golongan_kode": "III/a", "tmt": "2010-04-01"},
        {"id": "3", "golongan_kode": "III/c", "tmt": "2018-10-01"},
        {"id": "2", "golongan_kode": "III/b", "tmt": "2014-04-01"},
    ]
    assert d.current_pangkat(rows, order)["golongan_kode"] == "III/c"


def test_current_pangkat_ignores_deleted_rows_and_prefers_higher_on_same_tmt() -> None:
    rows = [
        {"golongan_kode": "III/d", "tmt": "2022-04-01", "deleted": 1},
        {"golongan_kode": "III/b", "tmt": "2020-04-01"},
        {"golongan_kode": "III/c", "tmt": "2020-04-01"},
    ]
    assert d.current_pangkat(rows, order)["golongan_kode"] == "III/c"
    assert d.current_pangkat([], order) is None


def test_an_imported_rank_without_tmt_is_current_only_when_higher() -> None:
    """A golongan imported without TMT (issue 13, item 10) is the rank in force when it is
    higher than the latest dated one (a pangkat only rises); a later dated KP supersedes it."""
    cpns = {"id": "1", "golongan_kode": "III/a", "tmt": "2019-03-01"}
    undated = {"id": "2", "golongan_kode": "III/b", "tmt": None}
    assert d.current_pangkat([cpns, undated], order) is undated
    assert d.current_pangkat([undated], order) is undated
    kp = {"id": "3", "golongan_kode": "III/c", "tmt": "2027-04-01"}
    assert d.current_pangkat([cpns, undated, kp], order) is kp
    assert d.masa_kerja_golongan(undated, date(2026, 12, 4)) is None


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["II/a", "II/c", "III/a", "III/b", "III/c", "IV/a"]),
            st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_current_pangkat_is_never_below_a_dated_rank_in_force(
    entries: list[tuple[str, date | None]],
) -> None:
    rows = [
        {"id": str(i), "golongan_kode": g, "tmt": t.isoformat() if t else None}
        for i, (g, t) in enumerate(entries)
    ]
    current = d.current_pangkat(rows, order)
    assert current is not None
    dated = [r for r in rows if r["tmt"]]
    if dated:
        latest = max(dated, key=lambda r: (r["tmt"], order(r["golongan_kode"])))
        assert order(current["golongan_kode"]) >= order(latest["golongan_kode"])
    else:
        assert order(current["golongan_kode"]) == max(order(g) for g, _ in entries)


def test_a_position_imported_without_tmt_is_the_position_held_now() -> None:
    jabatan = [
        {"id": "a", "tmt": "2015-01-01", "nama_jabatan": "Pelaksana"},
        {"id": "b", "tmt": None, "nama_jabatan": "Analis SDM Aparatur"},
    ]
    assert d.current_jabatan(jabatan)["nama_jabatan"] == "Analis SDM Aparatur"


def test_current_jabatan_and_highest_education() -> None:
    jabatan = [
        {"id": "a", "tmt": "2015-01-01", "nama_jabatan": "Pelaksana"},
        {"id": "b", "tmt": "2021-03-01", "nama_jabatan": "Kepala Seksi"},
        {"id": "c", "tmt": "2023-01-01", "nama_jabatan": "Dihapus", "deleted": 1},
    ]
    assert d.current_jabatan(jabatan)["nama_jabatan"] == "Kepala Seksi"
    pend = {row["kode"]: row["urutan"] for row in table("ref_pendidikan").rows}
    rows = [
        {"tingkat_kode": "S2", "tahun_lulus": 2015},
        {"tingkat_kode": "S1", "tahun_lulus": 2020},
    ]
    assert d.highest_pendidikan(rows, lambda k: pend[k])["tingkat_kode"] == "S2"


def test_masa_kerja_counts_whole_months() -> None:
    assert d.masa_kerja(date(2015, 5, 1), date(2026, 11, 22)) == (11, 6)
    assert d.masa_kerja(date(2015, 5, 23), date(2026, 11, 22)) == (11, 5)
    assert d.masa_kerja(date(2020, 1, 1), date(2019, 1, 1)) == (0, 0)
    assert d.masa_kerja(date(2020, 1, 1), date(2020, 1, 1), tambah_tahun=3, tambah_bulan=11) == (
        3,
        11,
    )
    assert d.masa_kerja_golongan(
        {"tmt": "2022-04-01", "mk_tahun": 8, "mk_bulan": 6}, date(2026, 11, 22)
    ) == (13, 1)
    assert d.masa_kerja_golongan(None, date(2026, 1, 1)) is None


@given(
    st.dates(date(1950, 1, 1), date(2040, 1, 1)),
    st.dates(date(1950, 1, 1), date(2060, 1, 1)),
    st.integers(0, 40),
    st.integers(0, 11),
)
def test_masa_kerja_properties(start: date, on: date, years: int, months: int) -> None:
    y, m = d.masa_kerja(start, on, tambah_tahun=years, tambah_bulan=months)
    assert 0 <= m < 12
    assert y * 12 + m == max(d.months_between(start, on) + years * 12 + months, 0)
    # never more than the calendar allows
    if on >= start:
        assert d.months_between(start, on) <= (on.year - start.year) * 12 + on.month - start.month


def test_bup_per_level_and_override() -> None:
    assert d.bup_usia("PELAKSANA", JENJANG) == 58
    assert d.bup_usia("ADMINISTRATOR", JENJANG) == 58
    assert d.bup_usia("JPT_PRATAMA", JENJANG) == 60
    assert d.bup_usia("AHLI_MADYA", JENJANG) == 60
    assert d.bup_usia("AHLI_UTAMA", JENJANG) == 65
    assert d.bup_usia("AHLI_PERTAMA", JENJANG, override=60) == 60  # guru
    assert d.bup_usia(None, JENJANG) == 58


def test_tanggal_pensiun_is_the_first_of_the_next_month() -> None:
    assert d.tanggal_pensiun(date(1968, 5, 15), 58) == date(2026, 6, 1)
    assert d.tanggal_pensiun(date(1968, 5, 1), 58) == date(2026, 6, 1)
    assert d.tanggal_pensiun(date(1966, 12, 31), 60) == date(2027, 1, 1)
    assert d.tanggal_pensiun(date(1964, 2, 29), 58) == date(2022, 3, 1)


@given(st.dates(date(1940, 1, 1), date(2008, 12, 31)), st.sampled_from([58, 60, 65]))
def test_pension_falls_after_the_birthday_and_within_a_month(lahir: date, bup: int) -> None:
    tmt = d.tanggal_pensiun(lahir, bup)
    assert tmt.day == 1
    assert d.usia(lahir, tmt) == bup  # reached the age, not yet the next one
    assert (tmt.year * 12 + tmt.month) - ((lahir.year + bup) * 12 + lahir.month) == 1


def test_usia_and_nama_lengkap() -> None:
    assert d.usia(date(1986, 9, 26), date(2026, 9, 25)) == 39
    assert d.usia(date(1986, 9, 26), date(2026, 9, 26)) == 40
    assert d.nama_lengkap("Siti Aminah", "dr.", "M.Kes.") == "dr. Siti Aminah, M.Kes."
    assert d.nama_lengkap(" Budi ", None, "") == "Budi"
