"""The one-pass check of a batch's operations (``verify._ops_valid``, issue 20) accepts exactly
what the step-by-step check that names the reason (``verify._refuse_ops``) accepts, and a batch
it refuses is refused with that reason."""

from __future__ import annotations

import json
import zlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync import verify

SCHEMA: dict[str, tuple[str, ...]] = {
    "pegawai": ("id", "nama", "nip", "deleted"),
    "unit_organisasi": ("id", "nama", "induk_id"),
}

_names = st.sampled_from(["nama", "nip", "deleted", "induk_id", "id", "tidak_ada", "Nama", "x y"])
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
)
_values = st.one_of(
    _scalars,
    st.lists(_scalars, max_size=2),
    st.dictionaries(st.text(max_size=2), _scalars, max_size=2),
)
_ops = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["pegawai", "unit_organisasi", "lokal_peer", "Pegawai", ""]),
            st.one_of(st.text(min_size=0, max_size=3), st.just("x" * 65), st.integers()),
            st.dictionaries(_names, _values, max_size=3),
        ).map(list),
        st.lists(st.text(max_size=2), max_size=4),
        _scalars,
    ),
    max_size=4,
)


def _step_by_step(raw: bytes, schema: Any, expected: int | None) -> str | None:
    try:
        verify._refuse_ops(raw, schema, expected, "batch 1")
    except verify.PackageRefused as exc:
        return str(exc)
    return None


def _one_pass(raw: bytes, schema: Any, expected: int | None) -> str | None:
    try:
        verify.decode_checked_ops(zlib.compress(raw), schema, expected, "batch 1")
    except verify.PackageRefused as exc:
        return str(exc)
    return None


@settings(max_examples=400, deadline=None)
@given(
    ops=st.one_of(_ops, _scalars, st.dictionaries(st.text(max_size=2), _scalars, max_size=2)),
    with_schema=st.booleans(),
    expected=st.one_of(st.none(), st.integers(min_value=0, max_value=4)),
)
def test_one_pass_accepts_and_refuses_as_the_step_by_step_check(
    ops: Any, with_schema: bool, expected: int | None
) -> None:
    raw = json.dumps(ops).encode()
    schema = SCHEMA if with_schema else None
    assert _one_pass(raw, schema, expected) == _step_by_step(raw, schema, expected)


@pytest.mark.parametrize(
    "raw",
    [
        b'[["pegawai", "a", {"nama": [[[[1]]]]}]]',  # deeper than four levels
        b"[" * 50_000 + b"]" * 50_000,  # deeper than the parser goes
        b'[["pegawai", "a", {"nama": NaN}]]',
        b'[["pegawai", "a", {"nama": 1e999}]]',  # a float that overflows to infinity
        b'[["pegawai", "a", {"nama": "\xff"}]]',  # not UTF-8
        b'[["pegawai", "a", {"nama": 9223372036854775808}]]',  # one past the largest integer
        b'[["pegawai", "a", {"nama": true}]]',
        b'[["pegawai", "a", {"id": "b"}]]',
        b'[["pegawai", "", {"nama": "b"}]]',
        b"[1,",
    ],
)
def test_hostile_operations_are_refused_with_a_reason(raw: bytes) -> None:
    reason = _one_pass(raw, SCHEMA, None)
    assert reason is not None and reason.startswith("Paket ditolak: batch 1")
    assert reason == _step_by_step(raw, SCHEMA, None)


def test_text_over_the_limit_is_refused_and_at_the_limit_accepted() -> None:
    at = json.dumps([["pegawai", "a", {"nama": "x" * verify.MAX_TEXT}]]).encode()
    over = json.dumps([["pegawai", "a", {"nama": "x" * (verify.MAX_TEXT + 1)}]]).encode()
    assert _one_pass(at, SCHEMA, 1) is None
    assert "nilai kolom nama" in str(_one_pass(over, SCHEMA, 1))
    assert _one_pass(over, SCHEMA, 1) == _step_by_step(over, SCHEMA, 1)


def test_trusted_decoding_gives_the_checked_operations() -> None:
    ops = [["pegawai", "a", {"nama": "Ani", "deleted": 0}], ["unit_organisasi", "u", {}]]
    blob = zlib.compress(json.dumps(ops).encode())
    assert verify.decode_trusted_ops(blob) == verify.decode_checked_ops(blob, SCHEMA, 2, "b")[1]
