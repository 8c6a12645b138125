"""The exchange folder (:mod:`app.sync.folder`) as user actions, for the Sinkronisasi page, the
main window's timer and ``merit sync folder set|show|run``.

Rights: setting the folder needs ``sync.ekspor`` and ``sync.impor``, a round too (checked in
:mod:`app.sync.folder`); looking needs ``sync.baca``. Refusals are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access.akses import require
from app.models.storage.db import Database
from app.sync import folder as folder_mod


@dataclass(frozen=True)
class FolderSetting:
    """The exchange folder to use (None: switch it off)."""

    folder: Path | None


def write_folder_setting(
    db: Database, actor: str, request: FolderSetting, progress: Progress = NO_PROGRESS
) -> Path | None:
    """Set or switch off the exchange folder (local to this installation); audited."""
    return folder_mod.set_folder(db, request.folder, actor=actor)


@dataclass(frozen=True)
class FolderLook:
    """Nothing to choose: the whole picture."""


def read_folder_overview(
    db: Database, actor: str, request: FolderLook = FolderLook(), progress: Progress = NO_PROGRESS
) -> folder_mod.FolderOverview:
    """The folder, this installation's inbox and each partner's last send and receive."""
    require(db, actor, "sync.baca")
    return folder_mod.overview(db)


@dataclass(frozen=True)
class RoundRequest:
    """One round; ``settle``: seconds between the two looks at a file (None: the default)."""

    settle: float | None = None


def run_folder_round(
    db: Database,
    actor: str,
    request: RoundRequest = RoundRequest(),
    progress: Progress = NO_PROGRESS,
) -> folder_mod.RoundResult:
    """Import what waits in the inbox, then write a package for each partner with news."""
    progress.report(0, 1)
    result = folder_mod.run_round(db, actor=actor, settle=request.settle)
    progress.report(1, 1)
    return result
