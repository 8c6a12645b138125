"""Copying a database with SQLite's online backup API, from a raw connection, and rotating the
copies. Used before a migration (:func:`backup_before_migration`, called while the database is
opened) and by :mod:`app.models.storage.cadangan` for every other backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
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
    backups_folder,
    list_backups,
)
from app.models.storage.faults import storage_error

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


def _clean_temporaries(folder: Path) -> None:
    """Remove temporary files left by a backup that was stopped half-way."""
    if not folder.is_dir():
        return
    for path in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            path.unlink()


def target_name(folder: Path, stem: str, when: datetime, kind: str) -> Path:
    base = f"{stem}-{when.strftime(STAMP)}-{kind}"
    path = folder / f"{base}{SUFFIX}"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}{SUFFIX}"
        n += 1
    return path


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
    _clean_temporaries(folder)
    target = target_name(folder, stem, when, kind)
    temp = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"

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
        os.replace(temp, target)
        fsync(folder)
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise backup_storage_error(exc, folder) from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StorageError(
            tr(
                "Cadangan tidak dapat ditulis ke {path}: {detail}. Periksa ruang disk dan izin "
                "folder.",
                path=folder,
                detail=exc.strerror or exc,
            )
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return BackupInfo(target, when, kind, target.stat().st_size)


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
    rotate(folder, harian=harian, bulanan=bulanan)


def rotate(
    folder: Path | str, *, harian: int = DEFAULT_DAILY, bulanan: int = DEFAULT_MONTHLY
) -> list[Path]:
    """Delete automatic backups beyond the newest of each of the last ``harian`` days and of
    each of the last ``bulanan`` months. Never deletes the newest backup. Returns the deleted."""
    backups = [b for b in list_backups(folder) if b.rotated]
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
