"""``merit sync folder set|show|run``: the exchange folder carried by a file-sync engine
(see :mod:`app.sync.folder`).

* ``set PATH`` (or ``set --off``): the folder, local to this installation (``sync.ekspor`` and
  ``sync.impor``).
* ``show``: the folder, this installation's inbox, and per partner when it last sent and
  received and how many of our packages it has not taken yet (``sync.baca``).
* ``run``: one round, import then export (``sync.impor`` and ``sync.ekspor``). Exit 0 also when
  a file was refused (it is moved to ``ditolak/`` with the reason and listed); exit 1 when the
  folder is not set or cannot be reached.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import tanggal, tr
from app.jobs import sinkron_folder as jobs
from app.models.errors import ValidationError


def register(ss: Commands) -> None:
    """Add ``sync folder`` and its sub-commands under ``merit sync``."""
    q = ss.add_parser(
        "folder",
        help=tr("folder tukar yang dibawa mesin sinkron berkas (share, Syncthing, drive awan)"),
        description=tr(
            "Merit menulis paket untuk setiap mitra ke subfoldernya di folder tukar dan "
            "mengambil paket untuk instalasi ini dari subfoldernya sendiri. Berkas yang sudah "
            "diambil dipindah ke selesai/, yang ditolak ke ditolak/ beserta alasannya."
        ),
    )
    fs = q.add_subparsers(dest="folder_command", metavar="PERINTAH", required=True)
    r = fs.add_parser("set", help=tr("tetapkan folder tukar (atau --off untuk mematikan)"))
    r.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help=tr("folder yang dibawa mesin sinkron berkas, sama di setiap instalasi"),
    )
    r.add_argument("--off", "--mati", dest="off", action="store_true", help=tr("matikan"))
    r.set_defaults(handler=cmd_set)
    r = fs.add_parser("show", help=tr("folder tukar dan kapan tiap mitra terakhir kirim/terima"))
    r.add_argument("--format", choices=["text", "json"], default="text")
    r.set_defaults(handler=cmd_show)
    r = fs.add_parser("run", help=tr("satu putaran: ambil paket masuk, lalu kirim paket baru"))
    r.add_argument("--format", choices=["text", "json"], default="text")
    r.set_defaults(handler=cmd_run)


def waktu(iso: str | None) -> str:
    """A UTC ISO instant in local time, the Indonesian way ("4 Desember 2026 09:05")."""
    if not iso:
        return tr("belum pernah")
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return f"{tanggal(moment.date())} {moment:%H:%M}"


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    if args.off == (args.path is not None):
        raise ValidationError(
            tr("Beri PATH folder tukar, atau --off untuk mematikannya."), field="path"
        )
    if args.path is not None and not args.path.expanduser().is_dir():
        raise ValidationError(
            tr("PATH {path} tidak ada atau bukan folder.", path=args.path), field="path"
        )
    folder = jobs.write_folder_setting(ctx.db, ctx.actor, jobs.FolderSetting(args.path))
    if folder is None:
        print(tr("Folder tukar dimatikan."), file=ctx.out)
    else:
        print(tr("Folder tukar: {path}", path=folder), file=ctx.out)
    return ExitCode.OK


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    info = jobs.read_folder_overview(ctx.db, ctx.actor)
    out = ctx.out
    if args.format == "json":
        write_json(out, info.as_json())
        return ExitCode.OK
    if info.folder is None:
        print(tr("Folder tukar belum ditetapkan (merit sync folder set PATH)."), file=out)
        return ExitCode.OK
    print(tr("Folder tukar: {path}", path=info.folder), file=out)
    if not info.terjangkau:
        print(tr("Folder tidak dapat dijangkau sekarang."), file=out)
    else:
        print(
            tr(
                "Kotak masuk instalasi ini: {path} ({n} paket menunggu)",
                path=info.kotak_masuk,
                n=info.menunggu,
            ),
            file=out,
        )
    print(tr("Putaran terakhir: {t}", t=waktu(info.putaran_terakhir)), file=out)
    if not info.mitra:
        print(tr("Belum ada mitra tepercaya."), file=out)
    for m in info.mitra:
        print(
            tr(
                "{nama}: terakhir terima {t}, terakhir kirim {k}, belum diambil {n} paket "
                "({folder})",
                nama=m.nama,
                t=waktu(m.terakhir_terima),
                k=waktu(m.terakhir_kirim),
                n=m.belum_diambil,
                folder=m.folder or "-",
            ),
            file=out,
        )
    return ExitCode.OK


def cmd_run(ctx: Context, args: argparse.Namespace) -> int:
    result = jobs.run_folder_round(ctx.db, ctx.actor, jobs.RoundRequest())
    if args.format == "json":
        write_json(ctx.out, result.as_json())
    else:
        print(result.text(), file=ctx.out)
    return ExitCode.OK
