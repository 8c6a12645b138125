"""``merit`` without a command opens the desktop app without loading the commands (issue 20:
cold start); with a command, the help or the version, the full parser is built as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import build_parser, main, opens_the_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], True),
        (["--db", "x.sqlite3"], True),
        (["--db=x.sqlite3", "--demo"], True),
        (["--lang", "en", "--user", "ani", "--password-file", "p.txt"], True),
        (["--pengguna=ani"], True),
        (["-h"], False),
        (["--help"], False),
        (["--version"], False),
        (["--de"], False),  # an abbreviation: the full parser decides, as before
        (["stats"], False),
        (["--db", "x.sqlite3", "pegawai", "list"], False),
        (["--bogus"], False),  # the full parser complains, as before
    ],
)
def test_which_arguments_open_the_app(argv: list[str], expected: bool) -> None:
    assert opens_the_app(argv) is expected


def test_the_short_parser_reads_the_app_options_as_the_full_one_does(tmp_path: Path) -> None:
    argv = ["--db", str(tmp_path / "a.sqlite3"), "--demo", "--lang", "en", "--user", "ani"]
    short = build_parser(commands=False).parse_args(argv)
    full = build_parser().parse_args(argv)
    assert vars(short) == vars(full)
    assert short.command is None and short.demo and short.db == tmp_path / "a.sqlite3"


def test_commands_and_help_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "pegawai" in capsys.readouterr().out  # the commands are listed
    assert main(["nip", "199001012015031001"]) == 0
    assert "1990" in capsys.readouterr().out  # a command runs


def test_the_desktop_app_starts_without_the_command_modules(tmp_path: Path) -> None:
    code = (
        "import sys, app.cli.main as m\n"
        "def fake(args, package=None):\n"
        "    print(args.db, args.demo, package)\n"
        "    print(sorted(n for n in sys.modules if n.startswith('app.cli.')))\n"
        "    print('argon2' in sys.modules, 'openpyxl' in sys.modules)\n"
        "    return 0\n"
        "m.launch = fake\n"
        f"sys.exit(m.main(['--db', {str(tmp_path / 'c.sqlite3')!r}, '--demo']))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), MERIT_HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    db, modules, heavy = out.stdout.strip().splitlines()
    assert db == f"{tmp_path / 'c.sqlite3'} True None"
    assert modules == "['app.cli.args', 'app.cli.exitcode', 'app.cli.launch', 'app.cli.main']"
    assert heavy == "False False"
