"""Backups and restore. No Qt.

Backups are made with SQLite's online backup API (never by copying the live file), written to
a temporary name and renamed into place, so that a backup file is either whole or absent even
if the machine stops half-way. They live in ``<folder of the database>/cadangan/`` with names
that sort by time::

    merit-20261122-101500-harian.sqlite3
    merit-20261122-143012-sebelum-impor.sqlite3

Automatic backups: daily (the desktop app checks at start and every hour), before every import,
before each migration of a database that holds data, and before a restore. Rotation keeps the
newest backup of each of the last N days that have backups and of each of the last M months
(configurable, defaults 7 and 12), and never deletes the newest backup. Manual backups (to a
USB stick, say) and the copies kept aside by a restore are never rotated.

A restore checks the file first (integrity, that it is a Merit database, a schema not newer than
this Merit, the agency), keeps the current database aside in the backup folder, and swaps the
checked copy in with one atomic rename.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.i18n import tr
from app.models.errors import MeritError, StorageError, ValidationError
from app.models.storage.cadangan_berkas import (
    DAILY_KEY,
    HARIAN,
    MANUAL,
    MONTHLY_KEY,
    ROTATED_KINDS,
    SCHEDULE_HOURS,
    SEBELUM_PEMULIHAN,
    SUFFIX,
    BackupInfo,
    backups_folder,
    latest_backup_of,
    recall_identity,
)
from app.models.storage.db import APPLICATION_ID, Database
from app.models.storage.faults import storage_error
from app.models.storage.migrations.steps import LATEST_VERSION
from app.models.storage.salinan import (
    CancelFn,
    ProgressFn,
    backup_connection,
    backup_storage_error,
    fsync,
    has_data,
    meta,
    reserve_name,
    rotate,
    rotation_settings,
)
from app.models.storage.sementara import check_temp_path, clean_stale, temp_path

Clock = Callable[[], datetime]


class AgencyMismatch(MeritError):
    """The backup belongs to another agency; the user must confirm before it replaces ours."""

    exit_code = 6

    def __init__(self, message: str, *, backup_agency: str | None, current_agency: str | None):
        super().__init__(message)
        self.backup_agency = backup_agency
        self.current_agency = current_agency


# -- settings -------------------------------------------------------------------------------------


def set_rotation_settings(db: Database, *, harian: int, bulanan: int) -> None:
    """Change how many daily and monthly backups are kept (each at least 1)."""
    for name, value in (("harian", harian), ("bulanan", bulanan)):
        if not 1 <= value <= 1000:
            raise ValidationError(
                tr("Jumlah cadangan {name} harus antara 1 dan 1000.", name=name), field=name
            )
    db.set_meta(DAILY_KEY, str(harian))
    db.set_meta(MONTHLY_KEY, str(bulanan))


# -- making a backup ------------------------------------------------------------------------------


def make_backup(
    db: Database,
    *,
    kind: str = MANUAL,
    folder: Path | str | None = None,
    now: datetime | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> BackupInfo:
    """Back up ``db`` now, to ``folder`` (a USB stick, say) or the automatic backup folder.

    Automatic kinds are followed by a rotation of the automatic backup folder.
    """
    target = Path(folder) if folder is not None else backups_folder(db.path)
    info = backup_connection(
        db.conn,
        target,
        stem=db.path.stem,
        kind=kind,
        now=now,
        progress=progress,
        cancelled=cancelled,
    )
    if folder is None and kind in ROTATED_KINDS:
        harian, bulanan = rotation_settings(db.conn)
        rotate(target, harian=harian, bulanan=bulanan, stem=db.path.stem)
    return info


def before_risky_job(
    db: Database, reason: str, *, now: datetime | None = None
) -> BackupInfo | None:
    """An automatic backup before a job that changes much at once (``reason``: ``impor``,
    ``migrasi``, ``pemulihan``). Skipped for a database that holds nothing yet."""
    if not has_data(db.conn):
        return None
    return make_backup(db, kind=f"sebelum-{reason}", now=now)


def backup_due(db_path: Path | str, *, now: datetime | None = None) -> bool:
    """Is a scheduled daily backup due (none yet, or the newest older than 24 hours)?"""
    latest = latest_backup_of(db_path)
    when = now or datetime.now()
    return latest is None or when - latest.waktu >= timedelta(hours=SCHEDULE_HOURS)


def scheduled_backup(db: Database, *, now: datetime | None = None) -> BackupInfo | None:
    """The daily backup, when due (the desktop app calls this at start and every hour)."""
    if not has_data(db.conn) or not backup_due(db.path, now=now):
        return None
    return make_backup(db, kind=HARIAN, now=now)


# -- rotation -------------------------------------------------------------------------------------


# -- restore --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupCheck:
    """What a backup file holds, found by :func:`check_backup`."""

    path: Path
    schema_version: int
    agency: str | None
    installation: str | None
    pegawai: int
    made: str | None  # when the database was first made (UTC ISO)


def _agency(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute(
            "SELECT nilai FROM pengaturan WHERE kunci = 'nama_instansi' AND deleted = 0"
        ).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _inspect(path: Path, shown: Path) -> BackupCheck:
    """Check a database file (a private copy): integrity, Merit's mark, schema version."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise _not_usable(shown, str(exc)) from exc
    try:
        try:
            result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise _not_usable(shown, str(exc)) from exc
        if result != ["ok"]:
            raise ValidationError(
                tr(
                    "Berkas cadangan {path} rusak (pemeriksaan keutuhan gagal: {detail}). "
                    "Pilih cadangan lain.",
                    path=shown,
                    detail="; ".join(result[:3]),
                ),
                field="berkas",
            )
        if app_id != APPLICATION_ID or version < 1:
            raise ValidationError(
                tr("Berkas {path} bukan cadangan basis data Merit.", path=shown), field="berkas"
            )
        if version > LATEST_VERSION:
            raise ValidationError(
                tr(
                    "Cadangan {path} dibuat oleh Merit yang lebih baru (skema {found}); aplikasi "
                    "ini hanya mengenal sampai skema {known}. Perbarui Merit dulu.",
                    path=shown,
                    found=version,
                    known=LATEST_VERSION,
                ),
                field="berkas",
            )
        try:
            pegawai = int(
                conn.execute("SELECT count(*) FROM pegawai WHERE deleted = 0").fetchone()[0]
            )
        except sqlite3.Error:
            pegawai = 0
        return BackupCheck(
            shown,
            version,
            _agency(conn),
            meta(conn, "nama_instalasi"),
            pegawai,
            meta(conn, "dibuat"),
        )
    finally:
        conn.close()


def _not_usable(path: Path, detail: str) -> ValidationError:
    return ValidationError(
        tr(
            "Berkas {path} tidak dapat dibaca sebagai basis data Merit ({detail}). Pilih berkas "
            "cadangan lain.",
            path=path,
            detail=detail,
        ),
        field="berkas",
    )


def _copy_in(source: Path, temp: Path) -> None:
    """A consistent private copy of ``source`` at ``temp`` (the online backup API reads the
    source as SQLite sees it, its -wal included)."""
    if not source.is_file():
        raise ValidationError(
            tr("Berkas cadangan {path} tidak ada atau bukan berkas.", path=source), field="berkas"
        )
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(temp, isolation_level=None)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if "full" in str(exc).lower():
            raise backup_storage_error(exc, temp.parent) from exc
        raise _not_usable(source, str(exc)) from exc


def check_backup(path: Path | str) -> BackupCheck:
    """Check a backup file without changing anything; raises ValidationError when unusable."""
    source = Path(path)
    temp = check_temp_path()
    try:
        _copy_in(source, temp)
        return _inspect(temp, source)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def current_agency(db_path: Path | str) -> str | None:
    """The agency of the database at ``db_path``; when the file cannot be read (damaged), the
    agency remembered beside it (None when neither is known)."""
    path = Path(db_path)
    remembered = recall_identity(path)
    fallback = remembered.agency if remembered is not None else None
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return fallback
    try:
        try:
            conn.execute("SELECT 1 FROM pengaturan LIMIT 1").fetchone()
        except sqlite3.Error:
            return fallback
        return _agency(conn) or fallback
    finally:
        conn.close()


@dataclass(frozen=True)
class RestoreResult:
    check: BackupCheck
    aside: Path | None  # the database that was in place, kept in the backup folder


def _keep_aside(db_path: Path, when: datetime) -> Path | None:
    """Copy the current database into the backup folder before it is replaced."""
    if not db_path.exists():
        return None
    folder = backups_folder(db_path)
    try:
        conn = sqlite3.connect(db_path, isolation_level=None, timeout=2.0)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return backup_connection(
                conn, folder, stem=db_path.stem, kind=SEBELUM_PEMULIHAN, now=when
            ).path
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise storage_error(exc, db_path) from exc
        return _copy_bytes_aside(db_path, folder, when)
    except (sqlite3.DatabaseError, StorageError):
        return _copy_bytes_aside(db_path, folder, when)


def _copy_bytes_aside(db_path: Path, folder: Path, when: datetime) -> Path:
    """Keep the bytes of a database that SQLite cannot read (corrupt, or not one at all)."""
    folder.mkdir(parents=True, exist_ok=True)
    # Copied under a temporary name first: a copy cut short is never taken for a whole one.
    temp = temp_path(folder, f"{db_path.stem}-rusak")
    try:
        shutil.copyfile(db_path, temp)
        target = reserve_name(
            folder, db_path.stem, when, SEBELUM_PEMULIHAN, suffix=f"{SUFFIX}.rusak"
        )
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    for extra in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + extra)
        if side.exists():
            shutil.copyfile(side, target.with_name(target.name + extra))
            side.unlink()
    return target


def restore(
    db_path: Path | str,
    backup: Path | str,
    *,
    confirm_other_agency: bool = False,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` with the backup file ``backup``.

    Close every connection to ``db_path`` first. The backup is copied and checked; a backup
    of another agency raises :class:`AgencyMismatch` unless ``confirm_other_agency``. The
    current database is kept aside in the backup folder, then the checked copy replaces it in
    one atomic rename: after a crash at any moment the file is the old database or the new one.
    """
    db_path = Path(db_path)
    source = Path(backup)
    when = (now or datetime.now()).replace(microsecond=0)
    if source.resolve() == db_path.resolve():
        raise ValidationError(
            tr("Berkas cadangan tidak boleh basis data yang sedang dipakai."), field="berkas"
        )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Named with this process's id: a restore killed half-way leaves a copy (as big as the
    # backup) that the next start removes (sementara.clean_leftovers).
    temp = temp_path(db_path.parent, f"{db_path.name}.pulih")
    clean_stale(db_path.parent, f".{db_path.name}.pulih*.tmp")
    try:
        _copy_in(source, temp)
        check = _inspect(temp, source)
        ours = current_agency(db_path)
        if (
            ours is not None
            and check.agency is not None
            and ours.casefold() != check.agency.casefold()
            and not confirm_other_agency
        ):
            raise AgencyMismatch(
                tr(
                    "Cadangan {path} milik instansi '{theirs}', sedangkan basis data ini milik "
                    "'{ours}'. Pulihkan hanya bila Anda yakin (konfirmasi diperlukan).",
                    path=source.name,
                    theirs=check.agency,
                    ours=ours,
                ),
                backup_agency=check.agency,
                current_agency=ours,
            )
        aside = _keep_aside(db_path, when)
        for extra in ("-wal", "-shm"):
            if db_path.with_name(db_path.name + extra).exists():
                # The last connection removes these when it closes: someone still has it open.
                raise StorageError(
                    tr(
                        "Basis data {path} masih dibuka oleh program lain. Tutup Merit yang "
                        "lain (dan perintah merit yang berjalan), lalu coba lagi.",
                        path=db_path,
                    )
                )
        fsync(temp)
        os.replace(temp, db_path)
        fsync(db_path.parent)
        return RestoreResult(check, aside)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
