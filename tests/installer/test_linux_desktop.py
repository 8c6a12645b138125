"""installer/linux/install-desktop, shipped in the Linux tarball: the menu entry it writes starts
the unpacked merit by its full path (the tarball's merit is not on PATH, so the bare ``merit``
of merit.desktop would start nothing), with the file as its argument, and it installs the icon
and the .merit MIME type for the current user."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"


def test_install_desktop_points_the_menu_entry_at_the_unpacked_merit(tmp_path: Path) -> None:
    folder = tmp_path / "opt dir" / "merit"  # a space in the path, as under a user's folder
    folder.mkdir(parents=True)
    for name in ("merit.desktop", "merit.png", "merit-mime.xml", "install-desktop"):
        shutil.copy2(LINUX / name, folder / name)
    (folder / "merit").write_text("#!/bin/sh\n", encoding="utf-8")
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"} | {"HOME": str(home)}
    done = subprocess.run(
        [str(folder / "install-desktop")], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    data = home / ".local" / "share"
    entry = (data / "applications" / "merit.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/merit" %f\n' in entry
    assert "MimeType=application/x-merit-package;" in entry and "Icon=merit" in entry
    icon = data / "icons" / "hicolor" / "256x256" / "apps" / "merit.png"
    assert icon.read_bytes() == (LINUX / "merit.png").read_bytes()
    mime = (data / "mime" / "packages" / "merit.xml").read_text(encoding="utf-8")
    assert 'type="application/x-merit-package"' in mime and '<glob pattern="*.merit"/>' in mime


def test_the_build_puts_it_in_the_tarball() -> None:
    build = (ROOT / "installer" / "build").read_text(encoding="utf-8")
    assert "installer/linux/install-desktop dist/merit/" in build
    assert os.access(LINUX / "install-desktop", os.X_OK)
