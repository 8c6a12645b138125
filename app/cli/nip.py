"""``merit nip NIP [--json]``: what a NIP / NI PPPK says, or why it is not valid.

Needs no database. Exit codes: 0 valid, 2 not valid.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import tr
from app.models.errors import ValidationError
from app.models.rules.nip import check_nip, describe_nip


def register(sub: Commands) -> None:
    """Add ``nip`` to the ``merit`` sub-commands."""
    p = sub.add_parser("nip", help=tr("uraikan isi NIP / NI PPPK, atau sebab tidak sah"))
    p.add_argument("nip", metavar="NIP")
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(handler=cmd_nip)


def cmd_nip(ctx: Context, args: argparse.Namespace) -> int:
    result = check_nip(args.nip)
    if args.json:
        info = result.info
        data: dict[str, Any] = {
            "nip": result.nip,
            "valid": result.valid,
            "kesalahan": list(result.kesalahan),
            "peringatan": list(result.peringatan),
        }
        if info:
            data.update(
                {
                    "jenis_asn": info.jenis_asn,
                    "tanggal_lahir": info.tanggal_lahir.isoformat(),
                    "jenis_kelamin": info.jenis_kelamin,
                    "nomor_urut": info.nomor_urut,
                    "tmt_cpns": info.tmt_cpns.isoformat() if info.tmt_cpns else None,
                    "tahun_pengangkatan": info.tahun_pengangkatan,
                    "kontrak_ke": info.kontrak_ke,
                }
            )
        write_json(ctx.out, data)
        return ExitCode.OK if result.valid else ExitCode.INVALID
    if not result.valid:
        raise ValidationError(
            tr("NIP {nip} tidak sah:", nip=args.nip)
            + "\n"
            + "\n".join(f"  - {r}" for r in result.kesalahan),
            field="nip",
            reasons=list(result.kesalahan),
        )
    for label, value in describe_nip(args.nip):  # warnings come last, labelled
        print(f"{label:<24} {value}", file=ctx.out)
    return ExitCode.OK
