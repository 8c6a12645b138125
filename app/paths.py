"""Where Merit keeps its data, backups, logs and exports. The one place that decides.

Order of precedence:
1. ``MERIT_HOME`` environment variable: everything lives under that folder;
2. portable mode: a file named ``merit-portable`` next to the executable (an installation on a
   USB stick keeps its data beside itself);
3. the platform's per-user data folder (platformdirs), e.g. ``%LOCALAPPDATA%\\Merit`` on Windows
   and ``~/.local/share/merit`` on Linux.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Merit"
DB_FILENAME = "merit.sqlite3"


def home() -> Path:
    """The root folder of this installation's data."""
    env = os.environ.get("MERIT_HOME")
    if env:
        return Path(env).expanduser()
    exe_dir = Path(sys.executable).resolve().parent
    if getattr(sys, "frozen", False) and (exe_dir / "merit-portable").exists():
        return exe_dir / "data"
    return Path(platformdirs.user_data_dir(APP_NAME.lower(), appauthor=False))


def default_db() -> Path:
    return home() / DB_FILENAME


def logs_dir() -> Path:
    return home() / "log"


def backups_dir() -> Path:
    return home() / "cadangan"


def exports_dir() -> Path:
    return home() / "ekspor"


def resources_dir() -> Path:
    """Bundled resources (fonts, icons), also inside a frozen build."""
    # Inside the package (app/resources), so that a wheel or a frozen build carries them: a
    # PyInstaller bundle keeps the same app/resources layout under its _internal folder.
    return Path(__file__).resolve().parent / "resources"
