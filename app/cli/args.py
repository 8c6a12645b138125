"""The argument parser of ``merit`` and the argument types shared by the command modules, with
Indonesian messages (argparse's own strings included)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from typing import NoReturn, TypeAlias

from app.cli.exitcode import ExitCode
from app.i18n import BULAN, tr

# argparse's own messages, in Indonesian (argparse looks its strings up through ``argparse._``).
_ARGPARSE_ID = {
    "usage: ": "pemakaian: ",
    "options": "pilihan",
    "positional arguments": "argumen",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen wajib belum diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "expected one argument": "perlu satu nilai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan %(option)s taksa: bisa %(matches)s"
    ),
}


def _argparse_tr(text: str) -> str:
    return tr(_ARGPARSE_ID.get(text, text))


argparse._ = _argparse_tr  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are Indonesian and exit with ExitCode.INVALID."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            ExitCode.INVALID, tr("{prog}: kesalahan: {message}\n", prog=self.prog, message=message)
        )


# What ``add_subparsers`` returns: each command module's ``register`` adds its commands to it.
Commands: TypeAlias = "argparse._SubParsersAction[Parser]"


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def tanggal(text: str) -> date:
    """A date written TTTT-BB-HH (``2026-11-22``) or HH-BB-TTTT (``22-11-2026``): the one date
    parser of every ``merit`` command."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        year, month, day = (int(x) for x in match.groups())
    elif match := _DMY.match(value):
        day, month, year = (int(x) for x in match.groups())
    else:
        year = month = day = 0
    try:
        return date(year, month, day)
    except ValueError:
        if match and 1 <= month <= 12 and year >= 1:
            # The form is right but the day does not exist (e.g. 30 February): say so.
            import calendar  # lazy: a wrong date only (not when merit opens the app)

            last = calendar.monthrange(year, month)[1]
            raise argparse.ArgumentTypeError(
                tr(
                    "tanggal '{text}' tidak ada: {bulan} {tahun} hanya sampai tanggal {akhir}",
                    text=text,
                    bulan=tr(BULAN[month - 1]),
                    tahun=year,
                    akhir=last,
                )
            ) from None
        raise argparse.ArgumentTypeError(
            tr(
                "tanggal '{text}' tidak sah: tulis TTTT-BB-HH atau HH-BB-TTTT, "
                "mis. 2026-11-22 atau 22-11-2026",
                text=text,
            )
        ) from None


def tahun(text: str) -> int:
    """A year of four digits."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1900 <= value <= 2200:
        raise argparse.ArgumentTypeError(
            tr("tahun '{text}' tidak sah; tulis empat angka, mis. 2027", text=text)
        )
    return value


def bilangan_tak_negatif(text: str) -> int:
    """A whole number, zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{text}' bukan bilangan bulat", text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(tr("'{text}' tidak boleh negatif", text=text))
    return value


def add_format_text_json(p: argparse.ArgumentParser) -> None:
    """``--format text|json`` (default text)."""
    p.add_argument("--format", choices=("text", "json"), default="text", help=tr("format keluaran"))
