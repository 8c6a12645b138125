"""Every ``merit`` command under every role, against the table of expected allow/deny kept as
test data (tests/data/role_matrix.csv), not in code.

* The command tree is walked from the argument parser: a new command without a row in the
  table fails :func:`test_every_command_has_a_row` (and a row for a command that no longer
  exists fails it too).
* ``deny``: the command ends with exit code 6 (ExitCode.DENIED) and says "Akses ditolak", and
  the refusal is in the audit trail.
* ``allow``: the command is not refused; it ends with one of the row's ``ok`` exit codes
  (0 unless the row says otherwise: ``sk cancel`` of a number never issued is 3, say).

Each case runs on its own copy of the world (tests/helpers/role_matrix.py).
"""

from __future__ import annotations

import argparse
import csv
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.exitcode import ExitCode
from app.cli.main import build_parser
from app.models.access import akun
from app.models.storage.db import Database
from tests.helpers.role_matrix import CHEAP_HASHER, CLI_MATRIX, ROLES, World, build_world, run_as


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Iterator[str]:
    """Every leaf command of the parser ("employees list", "sk", ...), aliases left out."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield " ".join(prefix)
        return
    seen: set[int] = set()
    for name, sub in subs[0].choices.items():
        if id(sub) in seen:  # an alias: the same parser under another name
            continue
        seen.add(id(sub))
        yield from command_paths(sub, (*prefix, name))


def matrix_rows() -> list[dict[str, str]]:
    with CLI_MATRIX.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


ROWS = matrix_rows()
CASES = [
    pytest.param(row, role, id=f"{row['args'].split(' --')[0]}-{role}")
    for row in ROWS
    for role in ROLES
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(akun, "hasher", CHEAP_HASHER)
        yield build_world(tmp_path_factory.mktemp("dunia"))


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun, "hasher", CHEAP_HASHER)


def test_every_command_has_a_row() -> None:
    commands = set(command_paths(build_parser()))
    in_matrix = {row["command"] for row in ROWS}
    assert commands - in_matrix == set(), "commands without a row in tests/data/role_matrix.csv"
    assert in_matrix - commands == set(), "rows for commands that do not exist"
    for row in ROWS:
        assert row["args"].startswith(row["command"].split()[0]), row
        assert set(row) >= {"command", "args", "ok", *ROLES}, row
        assert {row[r] for r in ROLES} <= {"allow", "deny"}, row


def _refusals(db: Path) -> int:
    with Database(db) as d:
        return int(
            d.conn.execute(
                "SELECT count(*) FROM lokal_audit WHERE aksi = 'Akses ditolak'"
            ).fetchone()[0]
        )


@pytest.mark.parametrize(("row", "role"), CASES)
def test_command_under_role(world: World, tmp_path: Path, row: dict[str, str], role: str) -> None:
    db = world.copy_to(tmp_path)
    values = {**world.values, "tmp": str(tmp_path)}
    argv = shlex.split(row["args"].format(**values))
    before = _refusals(db)
    code, out, err = run_as(db, role, argv, Path(world.values["password"]))
    expected = row[role]
    where = f"{row['args']} as {role}: exit {code}\n{err}{out[:300]}"
    if expected == "deny":
        assert code == ExitCode.DENIED, where
        assert "Akses ditolak" in err, where
        if db.exists():
            assert _refusals(db) > before, f"refusal not audited: {where}"
    else:
        assert "Akses ditolak" not in err, where
        assert code in {int(c) for c in row["ok"].split(";")}, where
