"""Every resource file ships: the package data patterns of ``app`` in pyproject.toml cover each
file under ``app/resources`` (a new kind of file, e.g. an ``.svg`` icon or a subfolder, would
otherwise be missing from the wheel and the sdist while the source tree works), and nothing is
left in the old top-level ``resources/`` folder, which no build carries."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_file_under_app_resources_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["app"]
    app_dir = ROOT / "app"
    shipped = {p for pattern in patterns for p in app_dir.glob(pattern) if p.is_file()}
    present = {
        p
        for p in (app_dir / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    missing = sorted(str(p.relative_to(ROOT)) for p in present - shipped)
    assert not missing, f"add to [tool.setuptools.package-data] app in pyproject.toml: {missing}"
    assert (app_dir / "resources" / "fonts" / "LiberationSerif-Regular.ttf") in shipped


def test_no_resources_left_outside_the_package() -> None:
    old = ROOT / "resources"
    stray = sorted(str(p.relative_to(ROOT)) for p in old.rglob("*")) if old.exists() else []
    assert not stray, f"move these to app/resources (resources_dir() reads only there): {stray}"
