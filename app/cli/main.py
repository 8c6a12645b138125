"""``merit``: the desktop app, and the same jobs without a screen.

Thin by design: parse arguments, call the functions the screens call, print, and exit with an
:class:`~app.cli.exitcode.ExitCode` and an Indonesian message on error. ``merit`` with no command
opens the desktop app (:mod:`app.cli.launch`).

Each command module adds its commands in ``register(sub)`` and attaches its handler with
``set_defaults(handler=...)``: ``handler(ctx, args) -> int`` gets the run's
:class:`~app.cli.context.Context` and the parsed arguments.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from app import __version__, paths
from app.cli.args import Parser
from app.cli.exitcode import ExitCode
from app.cli.launch import launch
from app.crash import write_crash_log
from app.i18n import BAHASA, choose_language, set_language, tr
from app.models.errors import MeritError
from app.models.storage.faults import as_storage_error
from app.models.storage.migrations.steps import LATEST_VERSION

if TYPE_CHECKING:
    from app.cli.context import Handler


def command_modules() -> tuple[ModuleType, ...]:
    """The command groups, in the order ``merit --help`` lists them. Imported when a command (or
    the help) is asked for: ``merit`` alone opens the desktop app without loading them (a third
    of a second, issue 20)."""
    from app.cli import (  # lazy: every command's models and jobs, not for the desktop app
        akun,
        audit,
        beranda,
        cadangan,
        cuti,
        dokumen,
        etik,
        formasi,
        hitung,
        impor,
        instansi,
        integritas,
        kompetensi,
        kp,
        mentor,
        nip,
        pegawai,
        rekap,
        seleksi,
        skp,
        sync,
    )

    return (
        beranda,
        instansi,
        nip,
        pegawai,
        rekap,
        impor,
        formasi,
        dokumen,
        akun,
        audit,
        cadangan,
        skp,
        sync,
        seleksi,
        kp,
        cuti,
        kompetensi,
        mentor,
        integritas,
        etik,
        hitung,
    )


def build_parser(*, commands: bool = True) -> Parser:
    """``merit``'s parser; without ``commands``, only its own options (the desktop app's)."""
    parser = Parser(
        prog="merit",
        description=tr(
            "Merit: kepegawaian ASN untuk BKD/BKPSDM, bekerja tanpa internet. "
            "Tanpa perintah: membuka aplikasi desktop."
        ),
    )
    parser.add_argument(
        "--db",
        metavar="BERKAS",
        type=Path,
        help=tr("berkas basis data (bawaan: {path})", path=paths.default_db()),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=tr(
            "tanpa perintah: bila basis data masih kosong, langsung isi "
            "dengan data demo lalu buka aplikasi"
        ),
    )
    parser.add_argument(
        "--user",
        "--pengguna",
        metavar="NAMA",
        help=tr("masuk sebagai akun ini (wajib bila basis data memakai akun)"),
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="BERKAS",
        help=tr("kata sandi --user dari baris pertama berkas ini (tanpa ini: ditanyakan)"),
    )
    parser.add_argument(
        "--lang",
        choices=sorted(BAHASA),
        help=tr(
            "bahasa antarmuka: id (Indonesia) atau en (Inggris); bawaan: MERIT_LANG, lalu "
            "pilihan yang disimpan, lalu id. Dokumen (SK, rekap) selalu berbahasa Indonesia"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=tr("Merit {v} (skema basis data {s})", v=__version__, s=LATEST_VERSION),
        help=tr("tampilkan versi program lalu keluar"),
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=Parser)
    for module in command_modules():
        module.register(sub)
    return parser


def _lang_flag(argv: Sequence[str]) -> str | None:
    """``--lang X`` / ``--lang=X`` before the parser is built (its help texts are translated)."""
    for i, item in enumerate(argv):
        if item == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if item.startswith("--lang="):
            return item.split("=", 1)[1]
    return None


#: Options of ``merit`` itself that take a value (skipped when looking for a package file).
_VALUED = {"--db", "--user", "--pengguna", "--password-file", "--lang"}
#: Options of ``merit`` itself that the desktop app takes (``--db=X`` style included).
_OWN_FLAGS = _VALUED | {"--demo"}


def package_argument(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """A ``.merit`` package given in place of a command (``merit PAKET.merit``: how the file
    association of the installers opens one) and the arguments without it."""
    items = list(argv)
    i = 0
    while i < len(items):
        item = items[i]
        if item in _VALUED:
            i += 2
        elif item.startswith("-"):
            i += 1
        else:
            if item.lower().endswith(".merit"):
                return item, items[:i] + items[i + 1 :]
            return None, items
    return None, items


def opens_the_app(argv: Sequence[str]) -> bool:
    """No command, no help or version asked (``argv`` without a package file): ``merit``
    opens the desktop app, and its parser need not know the commands."""
    i = 0
    while i < len(argv):
        item = argv[i]
        if item in _VALUED:
            i += 2
        elif item.startswith("-") and item.split("=", 1)[0] in _OWN_FLAGS:
            i += 1
        else:
            return False  # a command, the help, the version, or something to complain about
    return True


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the ``merit`` command. Returns the exit code."""
    out = out or sys.stdout
    given = list(sys.argv[1:] if argv is None else argv)
    set_language(choose_language(_lang_flag(given), paths.home()))
    package, given = package_argument(given)
    args = build_parser(commands=not opens_the_app(given)).parse_args(given)
    if args.command is None:
        return launch(args, package=Path(package) if package else None)
    from app.cli.context import Context  # lazy: accounts (argon2), only for a command

    ctx = Context.from_args(args, out)
    try:
        handler: Handler = args.handler
        return handler(ctx, args)
    except MeritError as exc:
        print(tr("merit: {message}", message=exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(tr("merit: dihentikan."), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (`merit stats | head`): not an error of Merit. Point stdout
        # at nothing so that Python's own flush at exit does not complain either.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK
    except Exception as exc:
        storage = as_storage_error(exc, ctx.path)
        if storage is not None:
            print(tr("merit: {message}", message=storage), file=sys.stderr)
            return storage.exit_code
        log = write_crash_log(exc)
        print(
            tr(
                "merit: terjadi kesalahan tak terduga. Rincian disimpan di {path}. Kirimkan "
                "berkas itu ke admin.",
                path=log,
            ),
            file=sys.stderr,
        )
        return ExitCode.UNEXPECTED
    finally:
        ctx.close()
