"""SQLite's environment errors (locked, read-only, full, corrupt) as messages a clerk can act on.

A message that tells the clerk to restore names the newest backup of THIS database (same
installation id and agency, :func:`app.models.storage.cadangan_berkas.latest_backup_of`), never
the newest file of a backup folder that other databases share.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.i18n import tr
from app.models.errors import StorageError
from app.models.storage.cadangan_berkas import backups_folder, latest_backup_of, list_backups


def _backup_hint(path: Path | str) -> str:
    """Where the newest backup of this database is, for messages that tell the clerk to
    restore it."""
    try:
        latest = latest_backup_of(path)
        folder = backups_folder(path)
        others = latest is None and bool(list_backups(folder))
    except Exception:  # a hint must never hide the real error
        return ""
    if others:
        return tr(
            " Cadangan di {folder} bukan cadangan basis data ini (milik basis data, instalasi "
            "atau instansi lain), atau basis data ini tidak dapat dikenali lagi: jangan "
            "pulihkan dari sana tanpa memeriksa instansi dan jumlah pegawainya; hubungi admin "
            "(mungkin ada cadangan di flashdisk).",
            folder=folder,
        )
    if latest is None:
        return tr(
            " Belum ada cadangan di {folder}; hubungi admin (mungkin ada cadangan di flashdisk).",
            folder=folder,
        )
    return tr(
        " Cadangan terbaru: {backup}. Pulihkan lewat menu Berkas → Pulihkan dari cadangan…, "
        "atau perintah `merit restore {backup}`.",
        backup=latest.path,
    )


def storage_error(exc: sqlite3.Error, path: Path | str) -> StorageError:
    """Translate an environment error of SQLite into a message a clerk can act on."""
    text = str(exc).lower()
    code = (getattr(exc, "sqlite_errorname", "") or "").upper()
    if "locked" in text or "BUSY" in code or "LOCKED" in code:
        msg = tr(
            "Basis data {path} sedang dipakai proses lain (Merit yang lain, atau perintah merit "
            "yang masih berjalan, misalnya impor). Tunggu sampai selesai, lalu coba lagi; Tutup "
            "Merit yang lain bila tidak dipakai. Tidak ada yang tersimpan setengah.",
            path=path,
        )
    elif "readonly" in text or "read-only" in text or "READONLY" in code:
        msg = tr(
            "Basis data {path} tidak dapat ditulis (hanya-baca). Periksa izin berkas dan "
            "foldernya, atau salin berkas ke folder yang dapat ditulis lalu buka dari sana.",
            path=path,
        )
    elif "full" in text or "FULL" in code:
        msg = tr(
            "Disk penuh: perubahan ke {path} tidak dapat disimpan, dan tidak ada yang tersimpan "
            "setengah. Kosongkan ruang disk (pindahkan cadangan lama atau berkas lain ke media "
            "lain), lalu ulangi.",
            path=path,
        )
    elif "not a database" in text or "file is not" in text or "NOTADB" in code:
        msg = tr(
            "Berkas {path} bukan basis data Merit atau rusak berat.", path=path
        ) + _backup_hint(path)
    elif "malformed" in text or "corrupt" in text or "CORRUPT" in code:
        msg = tr(
            "Basis data {path} rusak. Jangan teruskan bekerja dengan berkas ini; pulihkan dari "
            "cadangan.",
            path=path,
        ) + _backup_hint(path)
    elif "disk i/o" in text or "IOERR" in code:
        msg = tr(
            "Gagal membaca atau menulis {path} (kesalahan disk). Periksa disk atau flashdisk "
            "tempat berkas itu, lalu coba lagi; bila berulang, pulihkan dari cadangan.",
            path=path,
        ) + _backup_hint(path)
    elif ("unable to open" in text or "CANTOPEN" in code) and _not_writable(path):
        msg = tr(
            "Basis data {path} tidak dapat ditulis (hanya-baca): berkas atau foldernya tidak "
            "mengizinkan perubahan. Periksa izin berkas dan foldernya, atau salin berkas ke "
            "folder yang dapat ditulis lalu buka dari sana.",
            path=path,
        )
    elif "unable to open" in text or "CANTOPEN" in code:
        msg = tr(
            "Basis data {path} tidak dapat dibuka. Periksa bahwa foldernya ada dan dapat ditulis.",
            path=path,
        )
    else:
        msg = tr("Kesalahan basis data pada {path}: {detail}", path=path, detail=exc)
    return StorageError(msg)


def _not_writable(path: Path | str) -> bool:
    p = Path(path)
    return p.exists() and not (os.access(p, os.W_OK) and os.access(p.parent, os.W_OK))


def as_storage_error(exc: BaseException, path: Path | str) -> StorageError | None:
    """The clerk's message for an SQLite environment error that escaped (a corrupt page met
    in the middle of a query, say); None for anything else, which is a bug."""
    if isinstance(exc, StorageError):
        return exc
    if (
        isinstance(exc, ENVIRONMENT_ERRORS)
        and not isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError)
        and _is_environment_error(exc)
    ):
        return storage_error(exc, path)
    return None


ENVIRONMENT_ERRORS = (sqlite3.OperationalError, sqlite3.DatabaseError)


@contextlib.contextmanager
def translated_errors(path: Path | str) -> Iterator[None]:
    """Re-raise SQLite environment errors as :class:`StorageError`."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.ProgrammingError:
        raise
    except ENVIRONMENT_ERRORS as exc:
        if _is_environment_error(exc):
            raise storage_error(exc, path) from exc
        raise


def _is_environment_error(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(
        (
            "SQLITE_BUSY",
            "SQLITE_LOCKED",
            "SQLITE_READONLY",
            "SQLITE_FULL",
            "SQLITE_IOERR",
            "SQLITE_CORRUPT",
            "SQLITE_NOTADB",
            "SQLITE_CANTOPEN",
            "SQLITE_PERM",
        )
    ):
        return True
    text = str(exc).lower()
    return any(
        k in text
        for k in (
            "locked",
            "readonly",
            "disk is full",
            "not a database",
            "malformed",
            "unable to open",
            "disk i/o",
        )
    )
