"""The table of bench/before_after.py: each side's figure beside its floor, the goal judged on
the current code's figure, a side that failed shown as such."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def ba() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("before_after", BENCH / "before_after.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCH))


def test_goal_on_the_ratio_at_most_and_on_the_figure_strictly_below(ba: ModuleType) -> None:
    at_limit = ba.row("import", 10.0, 2.0, "s", "<= 5x", "ratio", 5.0)
    over = ba.row("import", 10.2, 2.0, "s", "<= 5x", "ratio", 5.0)
    assert ba.met(at_limit) == "yes"
    assert ba.met(over) == "no"
    rss = ba.row("rss", 1024.0, 15.0, "MB", "< 1 GB", "merit", 1024, strict=True)
    assert ba.met(rss) == "no"
    rss["merit"] = 1023.0
    assert ba.met(rss) == "yes"
    size = ba.row("size", 2.9, None, "KB", "<= 3 KB", "merit", 3.0)
    assert ba.met(size) == "yes"
    assert ba.cell(size) == "2.90 KB, no floor"


def test_table_pairs_the_sides_by_row_and_judges_the_after_side(ba: ModuleType) -> None:
    goal = ("ms", "< 30 ms", "merit", 0.03)
    search_before = ba.row("search p95", 0.0923, 0.0897, *goal, strict=True)
    search_after = ba.row("search p95", 0.0188, 0.0780, *goal, strict=True)
    idle = ba.row("start idle", 0.23, 0.08, "s", "<= 3x", "ratio", 3.0)
    sides = {
        "before": {
            "search": {"rows": [search_before], "error": None},
            "start": {"rows": [], "error": "exit 1"},
        },
        "after": {
            "search": {"rows": [search_after], "error": None},
            "start": {"rows": [idle], "error": None},
        },
    }
    lines = ba.table(sides, ["start", "search"]).splitlines()
    assert lines[0].startswith("| workload | before (merit, floor, ratio) | after")
    assert lines[2] == "| start idle | failed: exit 1 | 0.230 s, 0.080 s, 2.88x | <= 3x | yes |"
    assert lines[3] == (
        "| search p95 | 92.3 ms, 89.7 ms, 1.03x | 18.8 ms, 78.0 ms, 0.24x | < 30 ms | yes |"
    )
    assert len(lines) == 4


def test_a_workload_that_failed_on_both_sides_still_has_its_line(ba: ModuleType) -> None:
    sides = {
        "before": {"duk": {"rows": [], "error": "exit 2"}},
        "after": {"duk": {"rows": [], "error": "exit 3"}},
    }
    lines = ba.table(sides, ["duk"]).splitlines()
    assert lines[2] == "| duk | failed: exit 2 | failed: exit 3 |  | ? |"
