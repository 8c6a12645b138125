"""The exchange folder's setting, light enough to be read at start-up (no PyNaCl): where the
folder is (local to this installation, ``lokal_meta``) and how often the app runs a round.
The folder's logic is in :mod:`app.sync.folder`."""

from __future__ import annotations

from pathlib import Path

from app.models.storage.db import Database

META_FOLDER = "folder_tukar"
INTERVAL_MINUTES = 5  # how often the desktop app runs a round


def get_folder(db: Database) -> Path | None:
    """The exchange folder of this installation (None: not set)."""
    value = db.meta(META_FOLDER)
    return Path(value) if value else None
