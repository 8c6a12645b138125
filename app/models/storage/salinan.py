"""Copying a database with SQLite's online backup API, from a raw connection, and rotating the
copies. Used before a migration (:func:`backup_before_migration`, called while the database is
opened) and by :mod:`app.models.storage.cadangan` for every other backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.i18n import tr
from app.models.errors import Cancelled, StorageError
from app.models.storage.cadangan_berkas import (
    DAILY_KEY,
    DEFAULT_DAILY,
    DEFAULT_MONTHLY,
    MONTHLY_KEY,
    SEBELUM_MIGRASI,
    STAMP,
    SUFFIX,
    BackupInfo,
    backup_stem,
    backups_folder,
    list_backups,
)
from app.models.storage.faults import storage_error
from app.models.storage.sementara import clean_stale, temp_path

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT nilai FROM lokal_meta WHERE kunci = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def rotation_settings(conn: sqlite3.Connection) -> tuple[int, int]:
    """(daily, monthly) backups to keep, from ``lokal_meta`` (local to this installation)."""
    values = []
    for key, default in ((DAILY_KEY, DEFAULT_DAILY), (MONTHLY_KEY, DEFAULT_MONTHLY)):
        text = meta(conn, key)
        try:
            values.append(max(1, int(text)) if text else default)
        except ValueError:
            values.append(default)
    return values[0], values[1]


def fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def reserve_name(
    folder: Path, stem: str, when: datetime, kind: str, *, suffix: str = SUFFIX
) -> Path:
    """A new backup name in ``folder`` (``-2``, ``-3`` ... after a name already taken), taken
    at once by creating it empty: two backups in the same second, even in two processes, never
    get the same name. The copy is renamed onto it when whole; an empty file is not a backup
    (:func:`app.models.storage.cadangan_berkas.list_backups` leaves it out)."""
    base = f"{stem}-{when.strftime(STAMP)}-{kind}"
    n = 1
    while True:
        path = folder / (f"{base}{suffix}" if n == 1 else f"{base}-{n}{suffix}")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            n += 1
            continue
        os.close(fd)
        return path


def _drop_placeholder(path: Path | None) -> None:
    """Remove a name reserved by :func:`reserve_name` that never received its copy."""
    if path is None:
        return
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def backup_connection(
    conn: sqlite3.Connection,
    folder: Path | str,
    *,
    stem: str,
    kind: str,
    now: datetime | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> BackupInfo:
    """Copy the database behind ``conn`` into ``folder`` with the online backup API.

    Written under a temporary name, synced, then renamed: the named file is always whole.
    """
    folder = Path(folder)
    when = (now or datetime.now()).replace(microsecond=0)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            tr(
                "Folder cadangan {path} tidak dapat dibuat: {detail}. Pilih folder lain "
                "yang dapat ditulis.",
                path=folder,
                detail=exc.strerror or exc,
            )
        ) from exc
    # Copies a killed backup left; those of a backup still running (here or in another
    # process) stay.
    clean_stale(folder, ".*.tmp")
    target: Path | None = None
    temp = temp_path(folder, f"{stem}-{when.strftime(STAMP)}-{kind}")

    def step(_status: int, remaining: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled(tr("Pencadangan dibatalkan; tidak ada berkas cadangan yang dibuat."))
        if progress is not None:
            progress(total - remaining, total)

    try:
        dst = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.backup(dst, pages=2048, progress=step)
            # A backup stands alone: no -wal beside it, so it can be copied as one file.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        fsync(temp)
        target = reserve_name(folder, stem, when, kind)
        os.replace(temp, target)
        fsync(folder)
    except sqlite3.Error as exc:
        _drop_temporaries(temp, target)
        raise backup_storage_error(exc, folder) from exc
    except OSError as exc:
        _drop_temporaries(temp, target)
        raise StorageError(
            tr(
                "Cadangan tidak dapat ditulis ke {path}: {detail}. Periksa ruang disk dan izin "
                "folder.",
                path=folder,
                detail=exc.strerror or exc,
            )
        ) from exc
    except BaseException:
        _drop_temporaries(temp, target)
        raise
    return BackupInfo(target, when, kind, target.stat().st_size)


def _drop_temporaries(temp: Path, target: Path | None) -> None:
    for extra in ("", "-journal"):
        with contextlib.suppress(OSError):
            temp.with_name(temp.name + extra).unlink()
    _drop_placeholder(target)


def backup_storage_error(exc: sqlite3.Error, folder: Path) -> StorageError:
    text = str(exc).lower()
    if "full" in text:
        return StorageError(
            tr(
                "Disk penuh: cadangan tidak dapat ditulis ke {path}. Kosongkan ruang disk atau "
                "pilih folder lain.",
                path=folder,
            )
        )
    if "readonly" in text or "unable to open" in text:
        return StorageError(
            tr(
                "Folder {path} tidak dapat ditulis. Pilih folder lain untuk cadangan.",
                path=folder,
            )
        )
    return storage_error(exc, folder)


def has_data(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT 1 FROM pengaturan LIMIT 1").fetchone()
    except sqlite3.Error:
        return False
    return row is not None


def backup_before_migration(conn: sqlite3.Connection, path: Path | str, version: int) -> None:
    """Called by :func:`app.models.storage.db.migrate_database` before it upgrades a database that
    holds data."""
    path = Path(path)
    if str(path) == ":memory:" or not has_data(conn):
        return
    folder = backups_folder(path)
    backup_connection(conn, folder, stem=path.stem, kind=SEBELUM_MIGRASI)
    harian, bulanan = rotation_settings(conn)
    rotate(folder, harian=harian, bulanan=bulanan, stem=path.stem)


def rotate(
    folder: Path | str,
    *,
    harian: int = DEFAULT_DAILY,
    bulanan: int = DEFAULT_MONTHLY,
    stem: str | None = None,
) -> list[Path]:
    """Delete automatic backups beyond the newest of each of the last ``harian`` days and of
    each of the last ``bulanan`` months. Never deletes the newest backup. Returns the deleted.

    With ``stem``, only the backups of the database of that name are rotated: another database
    backed up into the same folder keeps its own."""
    backups = [
        b
        for b in list_backups(folder)
        if b.rotated and (stem is None or backup_stem(b.path) == stem)
    ]
    if not backups:
        return []
    keep: set[Path] = {backups[0].path}
    days: list[str] = []
    months: list[str] = []
    for b in backups:  # newest first: the first seen of a day/month is its newest
        day = b.waktu.strftime("%Y-%m-%d")
        month = b.waktu.strftime("%Y-%m")
        if day not in days:
            days.append(day)
            if len(days) <= harian:
                keep.add(b.path)
        if month not in months:
            months.append(month)
            if len(months) <= bulanan:
                keep.add(b.path)
    deleted: list[Path] = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                deleted.append(b.path)
    return deleted
