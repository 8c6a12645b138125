"""Backups made and restored by a person: the right checked, the act audited.

A backup holds everything (password hashes, the installation's private sync key, every
employee's personal data); a restore replaces the whole database, accounts included. Both
need their right (:data:`app.models.access.akses.HAK`: ``cadangan.buat`` and
``cadangan.pulihkan``, the admin's by default), and both leave an audit entry, a refusal too.
The automatic backups (daily, before an import or a migration) are the system's own and are
not made through here. The screens and ``merit backup`` / ``merit restore`` call these jobs.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from app.i18n import tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access.akses import record_access, require
from app.models.errors import MeritError
from app.models.storage import cadangan
from app.models.storage.db import Database


@dataclass(frozen=True)
class BackupRequest:
    """Where to write the backup (None: the automatic backup folder)."""

    folder: Path | None = None


def write_backup(
    db: Database, actor: str, request: BackupRequest, progress: Progress = NO_PROGRESS
) -> cadangan.BackupInfo:
    """Back up the database now (refused, audited, without ``cadangan.buat``); audited."""
    require(db, actor, "cadangan.buat")
    info = cadangan.make_backup(
        db,
        kind=cadangan.MANUAL,
        folder=request.folder,
        progress=lambda done, total: progress.report(done, total),
        cancelled=lambda: progress.cancelled,
    )
    record_access(db, actor, tr("Membuat cadangan"), keterangan=str(info.path))
    return info


@dataclass(frozen=True)
class RestoreRequest:
    """The backup file to restore, and whether a backup of another agency was confirmed."""

    backup: Path
    confirm_other_agency: bool = False


def restore_backup(
    db: Database, actor: str, request: RestoreRequest, progress: Progress = NO_PROGRESS
) -> cadangan.RestoreResult:
    """Replace the database of ``db`` with a backup.

    Refused (AccessDenied, audited) without ``cadangan.pulihkan``. Otherwise the request is
    audited in the database being replaced (which is kept aside), ``db`` is **closed** (the file
    is swapped under it), the backup restored, and the restored database records who restored
    it and from which file.
    """
    require(db, actor, "cadangan.pulihkan")
    record_access(
        db, actor, tr("Memulihkan cadangan"), keterangan=tr("dari {file}", file=request.backup)
    )
    path = db.path
    db.close()
    return _restore(path, actor, request)


def restore_unreadable(
    db_path: Path, actor: str, request: RestoreRequest, progress: Progress = NO_PROGRESS
) -> cadangan.RestoreResult:
    """Restore over a database file that cannot be opened at all (damaged, not a database):
    there is no account to sign in with and nothing readable to protect; whoever can replace
    the file can do so anyway. The restored database records the restore."""
    return _restore(db_path, actor, request)


def _restore(db_path: Path, actor: str, request: RestoreRequest) -> cadangan.RestoreResult:
    result = cadangan.restore(
        db_path, request.backup, confirm_other_agency=request.confirm_other_agency
    )
    # Best effort: the restore is done; a restored file that cannot take the entry (a schema
    # too new, a full disk) is reported when it is next opened.
    with contextlib.suppress(MeritError, OSError), Database(db_path) as restored:
        record_access(
            restored,
            str(actor),
            tr("Basis data dipulihkan dari cadangan"),
            keterangan=tr("dari {file}", file=request.backup),
        )
    return result
