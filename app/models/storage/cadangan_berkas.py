"""Backup files: where they live, how they are named, listing them, and whose they are.

Backups live in ``<folder of the database>/cadangan/`` with names that sort by time
(``merit-20261122-101500-harian.sqlite3``). Several databases may share that folder (an office
database and a training one side by side), so "the newest backup" of a database is the newest
whose identity (installation id and agency, :func:`read_identity`) is that of the database:
never another database's, which once replaced a 300-employee office database by a 50-employee
training one. The identity of each database is also kept in a small file beside it
(``.<name>.identitas``), for when the database itself can no longer be read. The making and
restoring of backups is in :mod:`app.models.storage.salinan` (with a raw connection) and
:mod:`app.models.storage.cadangan`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
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
    s = match["stamp"]  # STAMP's digits, read without strptime (its import: 3 ms at start)
    try:
        when = datetime(
            int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15])
        )
    except ValueError:
        return None
    return when, match["kind"], int(match["n"] or 1)


def backup_stem(path: Path) -> str | None:
    """The name of the database a backup was made from (``merit`` for
    ``merit-20261122-101500-harian.sqlite3``)."""
    match = _NAME.match(path.name)
    return match["stem"] if match else None


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


def backups_of(db_path: Path | str) -> list[BackupInfo]:
    """The backups in the backup folder of ``db_path`` that are backups of THIS database
    (same installation id, and not another agency), newest first. Empty when the identity of
    the database is unknown (then no backup can be named safely)."""
    ours = identity_of(db_path)
    if ours is None:
        return []
    return [b for b in list_backups(backups_folder(db_path)) if same_database(ours, b.path)]


def latest_backup_of(db_path: Path | str) -> BackupInfo | None:
    """The newest backup of THIS database (see :func:`backups_of`), if there is one."""
    ours = identity_of(db_path)
    if ours is None:
        return None
    for backup in list_backups(backups_folder(db_path)):
        if same_database(ours, backup.path):
            return backup
    return None


# -- identity -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """Whose a database file is: the installation that made it (``lokal_meta.node_id``, copied
    into every backup) and the agency (its name from ``pengaturan``: the schema holds no
    separate agency id)."""

    installation: str | None
    agency: str | None

    def to_json(self) -> str:
        return json.dumps({"instalasi": self.installation, "instansi": self.agency})


def identity_file(db_path: Path | str) -> Path:
    """The small file beside a database that remembers its identity."""
    path = Path(db_path)
    return path.with_name(f".{path.name}.identitas")


def read_identity(path: Path | str) -> Identity | None:
    """The identity stored in the database or backup file at ``path`` (read only); None when
    the file cannot be read as a Merit database."""
    p = Path(path)
    if not p.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        try:
            row = conn.execute("SELECT nilai FROM lokal_meta WHERE kunci = 'node_id'").fetchone()
        except sqlite3.Error:
            return None
        installation = str(row[0]) if row else None
        try:
            found = conn.execute(
                "SELECT nilai FROM pengaturan WHERE kunci = 'nama_instansi' AND deleted = 0"
            ).fetchone()
            agency = str(found[0]) if found and found[0] else None
        except sqlite3.Error:
            agency = None
        return Identity(installation, agency)
    finally:
        conn.close()


def remember_identity(db_path: Path | str, identity: Identity) -> None:
    """Keep ``identity`` in the file beside the database (written only when it changed;
    silently skipped where the folder cannot be written)."""
    target = identity_file(db_path)
    text = identity.to_json()
    with contextlib.suppress(OSError):
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return
        temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)


def recall_identity(db_path: Path | str) -> Identity | None:
    """The identity remembered beside the database, if any."""
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        data = json.loads(identity_file(db_path).read_text(encoding="utf-8"))
        installation, agency = data.get("instalasi"), data.get("instansi")
        if installation is None or isinstance(installation, str):
            return Identity(installation, agency if isinstance(agency, str) else None)
    return None


def identity_of(db_path: Path | str) -> Identity | None:
    """The identity of the database at ``db_path``: read from the file, or (when it cannot be
    read, or reads without an installation id) the one remembered beside it."""
    found = read_identity(db_path)
    if found is not None and found.installation:
        remembered = recall_identity(db_path)
        if (
            found.agency is None
            and remembered is not None
            and remembered.installation == (found.installation)
        ):
            return Identity(found.installation, remembered.agency)
        return found
    remembered = recall_identity(db_path)
    return remembered if remembered is not None and remembered.installation else None


def same_database(ours: Identity, backup: Path | str) -> bool:
    """Is the backup file at ``backup`` a backup of the database whose identity is ``ours``?
    Same installation id, and not another agency where both name theirs."""
    theirs = read_identity(backup)
    if theirs is None or not ours.installation or theirs.installation != ours.installation:
        return False
    return not (
        ours.agency
        and theirs.agency
        and ours.agency.strip().casefold() != theirs.agency.strip().casefold()
    )
