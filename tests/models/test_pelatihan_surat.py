"""The values the event documents are filled with: the date range written the Indonesian way,
the participants' certificate or absence (issue 15 item 4)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.i18n import tanggal
from app.models.pelatihan.surat import rentang_tanggal


def test_date_range_examples() -> None:
    assert rentang_tanggal("2026-03-02", "2026-03-02") == "2 Maret 2026"
    assert rentang_tanggal("2026-03-02", "2026-03-05") == "2 s.d. 5 Maret 2026"
    assert rentang_tanggal("2026-03-30", "2026-04-02") == "30 Maret s.d. 2 April 2026"
    assert rentang_tanggal("2026-12-30", "2027-01-02") == "30 Desember 2026 s.d. 2 Januari 2027"


@given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(0, 400))
def test_date_range_names_both_ends(start: date, days: int) -> None:
    end = start + timedelta(days=days)
    text = rentang_tanggal(start.isoformat(), end.isoformat())
    assert text.endswith(tanggal(end))
    assert text.startswith(f"{start.day} ")
    assert ("s.d." in text) == (days > 0)
    # The start's month and year are written unless the end's already say them.
    if start.month != end.month or start.year != end.year:
        assert tanggal(start).split(" ")[1] in text.split("s.d.")[0]
    if start.year != end.year:
        assert text.split(" s.d. ")[0] == tanggal(start)
