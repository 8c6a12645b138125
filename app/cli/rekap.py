"""``merit export duk|bezetting|rekap|kp|kgb|pensiun|diklat --out FILE.xlsx``: recap sheets.

The same job as the screens (:func:`app.jobs.rekap.write_recap`): the lists come from
:mod:`app.models.rekap` (and :mod:`app.models.organisasi.bezetting` for bezetting), the workbook
from :mod:`app.reports.excel.rekap`. An export of personal data is a sensitive read and is
written to the audit trail.

Exit codes: 0 written, 2 invalid input (bad date, period or file name), 3 unit not found.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.i18n import angka, tr
from app.jobs.rekap import JENIS, RecapRequest, check_target, write_recap
from app.models.organisasi.units import find_unit


def register(sub: Commands) -> None:
    """Add ``export`` to the ``merit`` sub-commands."""
    p = sub.add_parser(
        "export",
        aliases=["ekspor"],
        help=tr("tulis rekap Excel: DUK, bezetting, rekap, KP, KGB, pensiun, diklat"),
    )
    p.add_argument("jenis", choices=JENIS, metavar="JENIS", help=" | ".join(JENIS))
    p.add_argument("--out", required=True, type=Path, metavar="BERKAS.xlsx")
    p.add_argument("--unit", metavar="U", help=tr("unit (nama, singkatan, kode atau id)"))
    p.add_argument(
        "--tanggal",
        type=cli_args.tanggal,
        metavar="TTTT-BB-HH",
        help=tr("tanggal keadaan (bawaan: hari ini)"),
    )
    p.add_argument(
        "--periode",
        metavar="TTTT-BB",
        help=tr("periode KP, mis. 2027-04 (bawaan: periode berikutnya)"),
    )
    p.add_argument(
        "--tahun",
        type=cli_args.tahun,
        metavar="TTTT",
        help=tr("tahun KGB atau diklat (bawaan: tahun dari --tanggal)"),
    )
    p.add_argument(
        "--kertas", choices=["A4", "F4"], default="A4", help=tr("ukuran kertas (bawaan A4)")
    )
    p.add_argument(
        "--semua",
        action="store_true",
        help=tr("kp: cantumkan juga yang melebihi batas pangkat ijazah/jenjang"),
    )
    p.set_defaults(handler=cmd_export)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    """Write the requested recap; print where and how many rows."""
    target = check_target(args.out)
    db = ctx.db
    unit_id = find_unit(db.conn, args.unit) if args.unit else None
    jenis = args.jenis
    request = RecapRequest(
        jenis=jenis,
        target=target,
        unit_id=unit_id,
        on=args.tanggal,
        periode=args.periode,
        tahun=args.tahun,
        kertas=args.kertas,
        semua=args.semua,
    )
    n = write_recap(db, ctx.actor, request)
    print(
        tr("Rekap {jenis} ditulis ke {path}: {n} baris.", jenis=jenis, path=target, n=angka(n)),
        file=ctx.out,
    )
    return ExitCode.OK
