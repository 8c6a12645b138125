"""The Inno Setup script (not compilable here) names files the PyInstaller spec produces: its
[Files] sources live under dist/merit as COLLECT(name="merit") lays them out, and the icon and
version info it and the spec refer to exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "merit.iss"
SPEC = ROOT / "installer" / "merit.spec"


def _files_sources() -> list[str]:
    text = ISS.read_text(encoding="utf-8")
    section = text.split("[Files]", 1)[1].split("\n[", 1)[0]
    return re.findall(r'Source:\s*"([^"]+)"', section)


def test_iss_files_match_pyinstaller_layout() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert 'name="merit"' in spec and "exclude_binaries=True" in spec  # one-folder build
    sources = _files_sources()
    assert sources == ["..\\..\\dist\\merit\\merit.exe", "..\\..\\dist\\merit\\_internal\\*"]
    build = ROOT / "dist" / "merit"
    if build.is_dir():  # after installer/build on this machine: the layout Inno Setup expects
        assert (build / "_internal").is_dir()
        assert (build / "_internal" / "app" / "resources" / "fonts").is_dir()


def test_iss_settings() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text
    assert 'Subkey: "Software\\Classes\\.merit"' in text
    assert "Indonesian.isl" in text and "Default.isl" in text
    assert "{userdesktop}" in text and "{group}" in text
    assert (ISS.parent / "merit.ico").is_file()
    assert (ISS.parent / "version_info.txt").is_file()
