"""The shape of ``merit``: every command has a handler, every expected error ends with a
documented exit code, and the command line starts without the heavy libraries."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import app
from app.cli.exitcode import ExitCode
from app.cli.main import build_parser, main
from app.models.errors import MeritError
from app.ui import application


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for action in subs:
        for name, child in action.choices.items():
            yield from _leaves(child, (*path, name))


def test_every_command_has_a_handler() -> None:
    leaves = list(_leaves(build_parser()))
    assert len(leaves) > 60
    for path, parser in leaves:
        assert callable(parser.get_default("handler")), " ".join(path)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_expected_error_ends_with_a_documented_exit_code() -> None:
    for info in pkgutil.walk_packages(app.__path__, "app."):
        if not info.name.startswith(("app.ui", "app.__main__")):
            importlib.import_module(info.name)
    errors = [MeritError, *_subclasses(MeritError)]
    assert len(errors) > 10
    for cls in errors:
        assert cls.exit_code in set(ExitCode), cls


@pytest.mark.parametrize("argv", [["--help"], ["sk", "--help"]])
def test_the_command_line_starts_without_heavy_libraries(argv: list[str]) -> None:
    """``merit --help`` (and the parser of every command) loads no PDF, Excel or Qt library:
    those load when a command needs them."""
    code = (
        "import sys\n"
        "from app.cli.main import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "heavy = ('reportlab', 'openpyxl', 'pypdf', 'pypdfium2', 'PySide6')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_without_a_command_merit_opens_the_desktop_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path | None, bool, Path | None]] = []

    def fake_run_app(
        db_path: Path | None = None, *, demo: bool = False, package: Path | None = None
    ) -> int:
        calls.append((db_path, demo, package))
        return 0

    monkeypatch.setattr(application, "run_app", fake_run_app)
    assert main(["--db", str(tmp_path / "m.sqlite3"), "--demo"]) == 0
    assert calls == [(tmp_path / "m.sqlite3", True, None)]
    # a .merit package instead of a command (the installers' file association)
    assert main(["--db", str(tmp_path / "m.sqlite3"), str(tmp_path / "p.merit")]) == 0
    assert calls[-1] == (tmp_path / "m.sqlite3", False, tmp_path / "p.merit")
