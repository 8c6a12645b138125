"""The import's fast paths give what the general functions give (issue 20)."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.impor import normalise as n
from app.models.impor.bulk import collector_paused
from app.models.impor.compare import natural_id as fast_natural_id
from app.models.impor.rows import Row
from app.models.reference.loader import natural_id

_part = st.one_of(st.text(max_size=30), st.integers(), st.none(), st.dates())


@given(st.lists(_part, min_size=1, max_size=5))
def test_natural_id_same_as_loader(parts: list[object]) -> None:
    assert fast_natural_id(*parts) == natural_id(*parts)


_cell = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(["-", " n/a ", "=SUM(A1)", "+62 812", "@A1", "-A1", "\u00a0x\u00a0 y", "nan"]),
)


@given(st.lists(_cell, min_size=0, max_size=4))
def test_row_text_same_as_clean_text(cells: list[str | None]) -> None:
    names = ["nama", "alamat", "telepon", "email", "jabatan"]  # the last one beyond the cells
    by_field = {name: i for i, name in enumerate(names)}
    row = Row(7, cells, by_field, [f"K{i}" for i in range(len(names))])
    for name in names:
        expected = n.clean_text(row.raw(name))
        formula = expected is not None and n.looks_like_formula(expected)
        assert row.text(name) == (None if formula else expected)
        assert (name in row.formulas) == formula
    assert len(row.issues) == len(row.formulas)


def test_collector_paused_and_resumed() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outermost block resumes it
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()
