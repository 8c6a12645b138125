"""Backup files: where they live, how they are named, and listing them (no database).

Backups live in ``<folder of the database>/cadangan/`` with names that sort by time
(``merit-20261122-101500-harian.sqlite3``). The making and restoring of backups is in
:mod:`app.models.storage.salinan` (with a raw connection) and :mod:`app.models.storage.cadangan`.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FOLDER_NAME = "cadangan"


SUFFIX = ".sqlite3"


STAMP = "%Y%m%d-%H%M%S"


DEFAULT_DAILY = 7


DEFAULT_MONTHLY = 12


DAILY_KEY = "cadangan_harian"


MONTHLY_KEY = "cadangan_bulanan"


SCHEDULE_HOURS = 24


HARIAN = "harian"


MANUAL = "manual"


SEBELUM_IMPOR = "sebelum-impor"


SEBELUM_MIGRASI = "sebelum-migrasi"


SEBELUM_PEMULIHAN = "sebelum-pemulihan"


ROTATED_KINDS = frozenset({HARIAN, SEBELUM_IMPOR, SEBELUM_MIGRASI})


_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z]+(?:-[a-z]+)*)(?:-(?P<n>\d+))?"
    + re.escape(SUFFIX)
    + "$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file."""

    path: Path
    waktu: datetime  # local time, from the name
    kind: str
    size: int

    @property
    def rotated(self) -> bool:
        return self.kind in ROTATED_KINDS


def backups_folder(db_path: Path | str) -> Path:
    """Where the automatic backups of the database at ``db_path`` go."""
    return Path(db_path).parent / FOLDER_NAME


def parse_name(path: Path) -> tuple[datetime, str, int] | None:
    """(time, kind, counter) from a backup's name; None for a name Merit did not give."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        when = datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return None
    return when, match["kind"], int(match["n"] or 1)


def list_backups(folder: Path | str) -> list[BackupInfo]:
    """The backup files in ``folder``, newest first (files not named by Merit are left out)."""
    folder = Path(folder)
    found: list[tuple[datetime, int, BackupInfo]] = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        parsed = parse_name(path)
        if parsed is None or not path.is_file():
            continue
        with contextlib.suppress(OSError):
            size = path.stat().st_size
            if size == 0:  # a name reserved by a backup still being written
                continue
            info = BackupInfo(path, parsed[0], parsed[1], size)
            found.append((parsed[0], parsed[2], info))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [item[2] for item in found]


def latest_backup(db_path: Path | str) -> BackupInfo | None:
    """The newest backup of the database at ``db_path`` (any kind), if there is one."""
    backups = list_backups(backups_folder(db_path))
    return backups[0] if backups else None
