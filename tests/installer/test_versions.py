"""One version everywhere: pyproject.toml (the wheel), ``app.__version__`` (``merit --version``,
Tentang Merit), the Inno Setup script (the installer's name and the upgrade in place) and the
Windows version resource of the frozen executable; the resource's string table is in the
language its translation entry names (Indonesian, 0x0421)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_the_same_everywhere() -> None:
    version = app.__version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == version
    iss = (ROOT / "installer" / "windows" / "merit.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{version}"' in iss
    info = (ROOT / "installer" / "windows" / "version_info.txt").read_text(encoding="utf-8")
    assert f"StringStruct('FileVersion', '{version}')" in info
    assert f"StringStruct('ProductVersion', '{version}')" in info
    parts = [int(n) for n in version.split(".")]
    numbers = "(" + ",".join(str(n) for n in parts + [0] * (4 - len(parts))) + ")"
    compact = info.replace(" ", "")
    assert f"filevers={numbers}" in compact and f"prodvers={numbers}" in compact


def test_version_resource_language_matches_its_translation() -> None:
    info = (ROOT / "installer" / "windows" / "version_info.txt").read_text(encoding="utf-8")
    (table,) = re.findall(r"StringTable\('([0-9A-Fa-f]{8})'", info)
    (language, codepage) = re.findall(
        r"VarStruct\('Translation', \[(0x[0-9A-Fa-f]+), (\d+)\]\)", info
    )[0]
    assert int(table[:4], 16) == int(language, 16) == 0x0421  # Indonesian
    assert int(table[4:], 16) == int(codepage) == 1200  # Unicode
