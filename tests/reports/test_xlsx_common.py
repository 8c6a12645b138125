"""Shared xlsx safety: text never becomes a formula, control characters never break the file,
and a failed save leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from app.models.errors import MeritError
from app.reports.excel.common import FORMULA_STARTS, clean_text, guard_text, save_atomically


def write(path: Path, values: list[object]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    ws.append([guard_text(WriteOnlyCell(ws, value=clean_text(v))) for v in values])
    save_atomically(wb, path)


def test_formula_like_text_is_written_as_text(tmp_path: Path) -> None:
    values = ["=1+1", "+62 812", "-5", "@SUM(A1)", '=HYPERLINK("http://x","klik")', "Budi", 7]
    write(tmp_path / "a.xlsx", values)
    row = next(load_workbook(tmp_path / "a.xlsx").active.iter_rows())
    assert [c.value for c in row] == values
    assert [c.data_type for c in row[:6]] == ["s"] * 6
    assert all(c.quotePrefix for c in row[:5]) and not row[5].quotePrefix


@given(st.text(max_size=60))
def test_any_text_survives_cleaning(text: str) -> None:
    cleaned = clean_text(text)
    assert isinstance(cleaned, str) and len(cleaned) <= len(text)
    assert all(ord(ch) >= 32 or ch in "\t\n\r" for ch in cleaned)
    if text[:1] in FORMULA_STARTS and cleaned[:1] in FORMULA_STARTS:
        cell = guard_text(WriteOnlyCell(Workbook().active, value=cleaned))
        assert cell.data_type == "s" and cell.quotePrefix


def test_control_characters_and_huge_text(tmp_path: Path) -> None:
    write(tmp_path / "b.xlsx", ["A\x00B\x07C\u202eD", "x" * 40000])
    row = next(load_workbook(tmp_path / "b.xlsx").active.iter_rows())
    assert row[0].value == "ABC\u202eD"
    assert len(row[1].value) == 32767 and row[1].value.endswith("…")


def test_unwritable_target_gives_a_message_and_no_file(tmp_path: Path) -> None:
    target = tmp_path / "tidak-ada" / "c.xlsx"
    with pytest.raises(MeritError, match="tidak dapat ditulis"):
        write(target, ["x"])
    assert not target.parent.exists() or list(target.parent.iterdir()) == []
