"""Temporary files of backups and restores: named per process, cleaned when stale.

A backup is written to ``.<name>.<host>-<pid>-<random>.tmp`` beside its final name and a restore
copies the backup to ``.<database>.pulih-<host>-<pid>-<random>.tmp`` beside the database. The
process id in the name lets another process (a second Merit, a ``merit`` command) tell a file
that is still being written from one that a killed process left behind: a file is stale when its
process is gone (on this computer), when its name carries no process id (an older Merit), or
when it has not been written to for :data:`STALE_AFTER` (a process id can be reused, and a
folder on a network share is seen by other computers). Stale files are removed when a database
is opened (:func:`clean_leftovers`) and before each backup; a file of a live process never is.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from app.models.storage.cadangan_berkas import SUFFIX, backups_folder, parse_name

STALE_AFTER = 6 * 3600  # seconds without a write after which any temporary file is stale
PLACEHOLDER_STALE_AFTER = 24 * 3600  # an empty reserved backup name (see salinan.reserve_name)
CHECK_PREFIX = "merit-periksa-"

_OWNER = re.compile(r"[.-](?P<host>[0-9a-f]{6})-(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")


@functools.cache
def host_tag() -> str:
    """This computer's tag in temporary names: six hex digits of its host name's hash."""
    # Imported when a name is made or a stray file is judged, not at every start (issue 20).
    import hashlib  # lazy: OpenSSL, not at start-up
    import socket  # lazy: not at start-up

    name = socket.gethostname() or "localhost"
    return hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:6]


def owner_tag() -> str:
    """``<host>-<pid>-<random>``: what a temporary name carries to say whose it is."""
    import uuid  # lazy: not at start-up (uuid imports platform)

    return f"{host_tag()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def temp_path(folder: Path, base: str) -> Path:
    """A hidden temporary file name in ``folder`` for ``base``, owned by this process."""
    return folder / f".{base}.{owner_tag()}.tmp"


def check_temp_path() -> Path:
    """Where :func:`app.models.storage.cadangan.check_backup` copies a file to look at it."""
    return Path(tempfile.gettempdir()) / f"{CHECK_PREFIX}{owner_tag()}.tmp"


def process_alive(pid: int) -> bool:
    """Is process ``pid`` running on this computer? (True when it cannot be told.)"""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return True
    return True


def _windows_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes  # lazy: Windows only

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def is_stale(path: Path, *, now: float | None = None) -> bool:
    """Was the temporary file at ``path`` left behind (see the module text)?"""
    try:
        age = (now if now is not None else time.time()) - path.stat().st_mtime
    except OSError:
        return False  # gone already
    if age > STALE_AFTER:
        return True
    match = _OWNER.search(path.name)
    if match is None:
        return True  # named by an older Merit, which wrote no process id
    if match["host"] != host_tag():
        return False  # another computer's: only its age tells
    return not process_alive(int(match["pid"]))


def clean_stale(folder: Path, pattern: str, *, now: float | None = None) -> list[Path]:
    """Remove the stale temporary files in ``folder`` matching ``pattern``; returns them."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.glob(pattern):
        if path.is_file() and is_stale(path, now=now):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def clean_placeholders(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove empty reserved backup names older than :data:`PLACEHOLDER_STALE_AFTER` (a
    backup killed after it reserved its name and before it renamed the copy onto it)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    moment = now if now is not None else time.time()
    for path in folder.glob(f"*{SUFFIX}"):
        if parse_name(path) is None:
            continue
        with contextlib.suppress(OSError):
            stat = path.stat()
            if stat.st_size == 0 and moment - stat.st_mtime > PLACEHOLDER_STALE_AFTER:
                path.unlink()
                removed.append(path)
    return removed


def clean_leftovers(db_path: Path | str, *, now: float | None = None) -> list[Path]:
    """At start: remove what killed backups and restores of the database at ``db_path`` left:
    restore copies beside it, backup copies and reserved names in its backup folder, and the
    copies a backup check made in the system's temporary folder."""
    path = Path(db_path)
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        removed += clean_stale(path.parent, f".{path.name}.pulih*.tmp", now=now)
        folder = backups_folder(path)
        removed += clean_stale(folder, ".*.tmp", now=now)
        removed += clean_placeholders(folder, now=now)
        removed += clean_stale(Path(tempfile.gettempdir()), f"{CHECK_PREFIX}*.tmp", now=now)
    return removed
