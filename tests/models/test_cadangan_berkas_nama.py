"""Backup names read back (cadangan_berkas.parse_name) as strptime would read their stamp."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.models.storage.cadangan_berkas import STAMP, parse_name


def strptime_or_none(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp, STAMP)
    except ValueError:
        return None


@given(st.datetimes(min_value=datetime(1000, 1, 1)).map(lambda d: d.replace(microsecond=0)))
def test_a_stamp_merit_wrote_reads_back(when: datetime) -> None:
    name = f"merit-{when:%Y%m%d-%H%M%S}-harian-2.sqlite3"
    assert parse_name(Path(name)) == (when, "harian", 2)


@given(st.text("0123456789", min_size=8, max_size=8), st.text("0123456789", min_size=6, max_size=6))
def test_any_digits_read_as_strptime_reads_them(day: str, time: str) -> None:
    parsed = parse_name(Path(f"kantor-{day}-{time}-sebelum-pulih.sqlite3"))
    expected = strptime_or_none(f"{day}-{time}")
    assert (parsed[0] if parsed else None) == expected
    if parsed:
        assert parsed[1:] == ("sebelum-pulih", 1)


def test_an_impossible_date_is_not_a_backup_name() -> None:
    assert parse_name(Path("merit-20261331-101500-harian.sqlite3")) is None
    assert parse_name(Path("merit-20261122-246000-harian.sqlite3")) is None
    assert parse_name(Path("merit.sqlite3")) is None
