"""Wrapped lines of text in a printed sheet's column, counted with Arial's character widths
(app/reports/excel/ukuran.py): against the text's own width, and line for line against
reportlab's word wrap with the same metrics."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports.excel import ukuran as u

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,-'()"


def words(longest: int) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.text(alphabet=LETTERS, min_size=1, max_size=longest), min_size=1, max_size=25
    )


def test_wrapped_lines_follow_the_font_not_the_character_count() -> None:
    points = u.text_points(40)  # the Unit Kerja column of the rekap sheets
    # 54 characters each; the old count (1.35 a unit: 54 a line) put both on one line, but in
    # Arial 9 pt the first is wider than the column (it printed over the next row)
    wide = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    assert stringWidth(wide, "Helvetica", 9) > points
    assert u.wrapped_lines(wide, points) == 2
    narrow = "iiiiiiiiii iiiiiiiiii iiiiiiiiii iiiiiiiiii iiiiiiiiii"
    assert u.wrapped_lines(narrow, points) == 1
    assert u.wrapped_lines("Dinas Sosial", points) == 1
    assert u.wrapped_lines("Baris satu\nBaris dua", points) == 2
    wraps = "Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga"
    assert u.wrapped_lines(wraps, points) == 2


def test_text_width_and_column_units() -> None:
    assert math.isclose(u.text_width("Dinas Sosial"), stringWidth("Dinas Sosial", "Helvetica", 9))
    longest = stringWidth("baris yang lebih panjang", "Helvetica", 10)
    assert math.isclose(u.text_width("pendek\nbaris yang lebih panjang", 10), longest)
    for width in (6, 19.5, 40):
        assert math.isclose(u.width_units(u.text_points(width)), width)


@given(words(14), st.floats(min_value=8, max_value=60))
def test_wrapped_lines_never_count_fewer_lines_than_the_text_needs(
    parts: list[str], width: float
) -> None:
    text = " ".join(parts)
    points = u.text_points(width)
    lines = u.wrapped_lines(text, points)
    # the words' width over the column's is a floor on the lines (the space where a line
    # breaks takes no room); a line is never started for nothing: at most one per word, or
    # the pieces of a word wider than the column
    inked = sum(stringWidth(w, "Helvetica", 9) for w in parts)
    assert lines >= math.ceil((inked - 1e-6) / points)
    pieces = [max(math.ceil(stringWidth(w, "Helvetica", 9) / points), 1) for w in parts]
    assert lines <= sum(pieces)


@given(words(9), st.floats(min_value=12, max_value=60))
def test_wrapped_lines_agree_with_reportlabs_word_wrap(parts: list[str], width: float) -> None:
    # reportlab wraps a paragraph greedily at spaces with the same font metrics; where every
    # word fits on a line the two must agree line for line
    text = " ".join(parts)
    points = u.text_points(width)
    assert u.wrapped_lines(text, points) == len(simpleSplit(text, "Helvetica", 9, points))
