"""``merit PAKET.merit``: what the installers' file association runs (Windows registry command,
Linux .desktop ``Exec``) opens the desktop app and imports the package on the Sinkronisasi page
once signed in, instead of failing on an unknown command (silently, in the windowed build).
The window side: tests/ui/test_open_package.py."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from app.cli import main as cli_main
from app.cli.main import package_argument

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "package", "rest"),
    [
        (["paket.merit"], "paket.merit", []),
        (["C:\\Users\\a\\Unduhan\\KANTOR.MERIT"], "C:\\Users\\a\\Unduhan\\KANTOR.MERIT", []),
        (
            ["--db", "x.sqlite3", "--lang", "en", "p.merit"],
            "p.merit",
            ["--db", "x.sqlite3", "--lang", "en"],
        ),
        (["--demo", "p.merit"], "p.merit", ["--demo"]),
        # a .merit file as the value of an option or of a command is not a package to open
        (["--db", "lain.merit"], None, ["--db", "lain.merit"]),
        (["sync", "export", "--out", "p.merit"], None, ["sync", "export", "--out", "p.merit"]),
        (["sync", "import", "p.merit"], None, ["sync", "import", "p.merit"]),
        ([], None, []),
    ],
)
def test_package_argument(argv: list[str], package: str | None, rest: list[str]) -> None:
    assert package_argument(argv) == (package, rest)


def test_merit_with_a_package_opens_the_app_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[argparse.Namespace, Path | None]] = []

    def fake_launch(args: argparse.Namespace, package: Path | None = None) -> int:
        seen.append((args, package))
        return 0

    monkeypatch.setattr(cli_main, "launch", fake_launch)
    db = tmp_path / "kantor.sqlite3"
    assert cli_main.main(["--db", str(db), str(tmp_path / "dari-dinas.merit")]) == 0
    ((args, package),) = seen
    assert args.db == db and args.command is None
    assert package == tmp_path / "dari-dinas.merit"


def test_the_installers_pass_the_file_as_the_only_argument() -> None:
    iss = (ROOT / "installer" / "windows" / "merit.iss").read_text(encoding="utf-8")
    assert 'ValueData: """{app}\\merit.exe"" ""%1"""' in iss
    desktop = (ROOT / "installer" / "linux" / "merit.desktop").read_text(encoding="utf-8")
    assert "Exec=merit %f\n" in desktop
    assert package_argument(["/home/a/paket.merit"]) == ("/home/a/paket.merit", [])
