"""``merit backup [--out DIR]``, ``merit backup list`` and ``merit restore FILE [--yes]``.

A restore replaces the database file: run it while the desktop app is closed. Exit codes:
0 done, 2 the file is not a usable backup, 4 storage problem (in use, disk full), 6 the backup
belongs to another agency and was not confirmed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from app.i18n import angka, tr


def register(sub: Any) -> None:
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


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return tr("{v} MB", v=angka(n / 1024 / 1024, 1))
    return tr("{v} KB", v=angka(max(n, 1) / 1024, 1))


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from app import paths
    from app.cli.core import _open
    from app.models.storage import cadangan

    if args.action in ("list", "daftar"):
        path = args.db or paths.default_db()
        backups = cadangan.list_backups(cadangan.backups_folder(path))
        if not backups:
            print(
                tr("Belum ada cadangan di {folder}.", folder=cadangan.backups_folder(path)),
                file=out,
            )
            return 0
        for b in backups:
            print(
                f"{b.waktu:%Y-%m-%d %H:%M:%S}  {b.kind:<18} {_size(b.size):>10}  {b.path}",
                file=out,
            )
        print(tr("{n} cadangan", n=angka(len(backups))), file=out)
        return 0
    db = _open(args, create=False)
    info = cadangan.make_backup(db, kind=cadangan.MANUAL, folder=args.out, progress=_progress())
    print(tr("Cadangan dibuat: {path} ({size})", path=info.path, size=_size(info.size)), file=out)
    return 0


def _progress() -> Any:
    last = [-1]

    def report(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct // 10 != last[0] and sys.stderr.isatty():
            last[0] = pct // 10
            print(tr("  mencadangkan: {pct}%", pct=pct), file=sys.stderr)

    return report


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from app import paths
    from app.models.storage import cadangan

    path = Path(args.db or paths.default_db())
    confirm = bool(args.yes)
    try:
        result = cadangan.restore(path, args.file, confirm_other_agency=confirm)
    except cadangan.AgencyMismatch as exc:
        if confirm or not sys.stdin.isatty():
            raise
        print(str(exc), file=out)
        answer = input(tr("Tetap pulihkan? Ketik 'ya' untuk lanjut: "))
        if answer.strip().lower() not in ("ya", "y", "yes"):
            print(tr("Dibatalkan; basis data tidak diubah."), file=out)
            return 6
        result = cadangan.restore(path, args.file, confirm_other_agency=True)
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
    return 0
