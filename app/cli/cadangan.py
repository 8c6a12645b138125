"""``merit backup [--out DIR]``, ``merit backup list`` and ``merit restore FILE [--yes]``.

A restore replaces the database file: run it while the desktop app is closed. Both need a
right (``cadangan.buat``, ``cadangan.pulihkan``: the admin's) once the database has accounts:
``--user`` is asked for, as for every command, and the act is audited. Only a database file
that cannot be opened at all (damaged) is restored without signing in. Exit codes:
0 done, 2 the file is not a usable backup, 4 storage problem (in use, disk full), 6 access
refused, or the backup belongs to another agency and was not confirmed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import JobProgress, progress
from app.i18n import angka, tr
from app.jobs.cadangan import (
    BackupRequest,
    RestoreRequest,
    restore_backup,
    restore_unreadable,
    write_backup,
)
from app.jobs.progress import NO_PROGRESS
from app.models.access.akses import require
from app.models.errors import StorageError
from app.models.storage import cadangan, cadangan_berkas


def register(sub: Commands) -> None:
    """Add ``backup`` and ``restore`` to the ``merit`` sub-parsers."""
    p = sub.add_parser(
        "backup",
        aliases=["cadangkan"],
        help=tr("buat cadangan basis data sekarang, atau tampilkan daftar cadangan"),
    )
    p.add_argument(
        "action",
        nargs="?",
        choices=["list", "daftar"],
        metavar="list",
        help=tr("'list': daftar cadangan otomatis, terbaru di atas"),
    )
    p.add_argument(
        "--out",
        "--ke",
        type=Path,
        metavar="FOLDER",
        help=tr("folder tujuan, mis. flashdisk (bawaan: folder cadangan otomatis)"),
    )
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser(
        "restore",
        aliases=["pulihkan"],
        help=tr("pulihkan basis data dari berkas cadangan (tutup aplikasi desktop dulu)"),
    )
    p.add_argument("file", type=Path, metavar="BERKAS")
    p.add_argument(
        "--yes",
        "--ya",
        action="store_true",
        help=tr("setujui pemulihan walau cadangan milik instansi lain"),
    )
    p.set_defaults(handler=cmd_restore)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return tr("{v} MB", v=angka(n / 1024 / 1024, 1))
    return tr("{v} KB", v=angka(max(n, 1) / 1024, 1))


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    """``backup``: make one now; ``backup list``: the automatic backups, newest first."""
    out = ctx.out
    if args.action in ("list", "daftar"):
        require(ctx.db, ctx.actor, "cadangan.buat")
        folder = cadangan.backups_folder(ctx.path)
        backups = cadangan_berkas.list_backups(folder)
        if not backups:
            print(tr("Belum ada cadangan di {folder}.", folder=folder), file=out)
            return ExitCode.OK
        for b in backups:
            print(
                f"{b.waktu:%Y-%m-%d %H:%M:%S}  {b.kind:<18} {_size(b.size):>10}  {b.path}",
                file=out,
            )
        print(tr("{n} cadangan", n=angka(len(backups))), file=out)
        return ExitCode.OK
    report = progress(lambda pct, _done, _total: tr("  mencadangkan: {pct}%", pct=pct))
    info = write_backup(ctx.db, ctx.actor, BackupRequest(args.out), JobProgress(report))
    print(tr("Cadangan dibuat: {path} ({size})", path=info.path, size=_size(info.size)), file=out)
    return ExitCode.OK


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    """Replace the database file (never opened here) with a backup."""
    out = ctx.out
    confirm = bool(args.yes)

    def run(confirmed: bool) -> cadangan.RestoreResult:
        request = RestoreRequest(args.file, confirm_other_agency=confirmed)
        if not ctx.path.exists():
            return restore_unreadable(ctx.path, ctx.actor_name(), request)
        try:
            db = ctx.db  # signs in (``--user``) when the database has accounts
        except StorageError:
            # Damaged beyond opening: no account can be checked, nothing in it can be read.
            return restore_unreadable(ctx.path, ctx.actor_name(), request)
        try:
            return restore_backup(db, ctx.actor, request, NO_PROGRESS)
        finally:
            ctx.close()

    try:
        result = run(confirm)
    except cadangan.AgencyMismatch as exc:
        if confirm or not sys.stdin.isatty():
            raise
        print(str(exc), file=out)
        answer = input(tr("Tetap pulihkan? Ketik 'ya' untuk lanjut: "))
        if answer.strip().lower() not in ("ya", "y", "yes"):
            print(tr("Dibatalkan; basis data tidak diubah."), file=out)
            return ExitCode.DENIED
        result = run(True)
    check = result.check
    print(
        tr(
            "Dipulihkan dari {file}: instansi {agency}, {n} pegawai, skema {v}.",
            file=args.file,
            agency=check.agency or "-",
            n=angka(check.pegawai),
            v=check.schema_version,
        ),
        file=out,
    )
    if result.aside is not None:
        print(tr("Basis data sebelumnya disimpan di {path}", path=result.aside), file=out)
    return ExitCode.OK
