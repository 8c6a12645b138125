"""``merit audit verify|list|export``: the audit trail without a screen.

Reading the trail needs ``audit.baca`` (admin and pimpinan); every reading is itself audited,
a refusal too (exit 6). ``verify`` runs the whole check
(:func:`app.models.access.audit_periksa.check_trail`): the hash chain, the signed head, the
change log, the heads peers have seen, and the breaks recorded before. Exit codes: 0 intact and
no break ever recorded; 5 (``ExitCode.INTEGRITY``) something is wrong now (each problem named)
or a break was found and recorded earlier.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import angka, tr
from app.jobs.audit import AuditTrailRequest, write_audit_trail
from app.jobs.progress import NO_PROGRESS
from app.models.access import akses
from app.models.access.audit import AuditFilter, export_rows
from app.models.errors import ValidationError


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--aktor", "--pelaku", metavar="A", help=tr("pelaku (sebagian nama)"))
    p.add_argument("--nip", "--pegawai", metavar="N", help=tr("pegawai: NIP atau sebagian nama"))
    p.add_argument("--record", "--data", metavar="ID", help=tr("id data (rekaman)"))
    p.add_argument("--aksi", "--tindakan", metavar="X", help=tr("tindakan (sebagian teks)"))
    p.add_argument("--dari", type=cli_args.tanggal, metavar="TTTT-BB-HH", help=tr("sejak tanggal"))
    p.add_argument(
        "--sampai", type=cli_args.tanggal, metavar="TTTT-BB-HH", help=tr("sampai tanggal")
    )


def register(sub: Commands) -> None:
    """Add the ``audit`` command to the ``merit`` sub-parsers."""
    p = sub.add_parser("audit", help=tr("jejak audit: periksa keutuhan, cari, ekspor"))
    cmds = p.add_subparsers(dest="audit_command", metavar="PERINTAH", required=True)
    p = cmds.add_parser(
        "verify",
        aliases=["periksa"],
        help=tr("periksa keutuhan jejak audit (keluar 0 utuh, 5 tidak utuh)"),
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_verify)
    p = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar entri audit"))
    _add_filters(p)
    p.add_argument("--limit", type=int, default=100, metavar="N", help=tr("paling banyak N"))
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=cmd_list)
    p = cmds.add_parser("export", aliases=["ekspor"], help=tr("ekspor jejak audit ke .xlsx"))
    _add_filters(p)
    p.add_argument("--out", required=True, type=Path, metavar="BERKAS.xlsx")
    p.set_defaults(handler=cmd_export)


def _filter(args: argparse.Namespace) -> AuditFilter:
    if args.dari and args.sampai and args.dari > args.sampai:
        raise ValidationError(
            tr("Tanggal --dari ({a}) sesudah --sampai ({b}).", a=args.dari, b=args.sampai),
            field="dari",
        )
    return AuditFilter(
        aktor=args.aktor,
        pegawai=args.nip,
        record_id=args.record,
        aksi=args.aksi,
        dari=args.dari,
        sampai=args.sampai,
    )


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    result = akses.verify_audit(ctx.db, ctx.actor)
    if args.format == "json":
        write_json(ctx.out, result.as_json())
    else:
        print(result.message, file=ctx.out)
    return ExitCode.OK if result.utuh else ExitCode.INTEGRITY


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    flt = _filter(args)
    entries = akses.search_audit(db, ctx.actor, flt, limit=max(args.limit, 0))
    if args.format == "json":
        write_json(out, list(export_rows(entries)))
        return ExitCode.OK
    cols = (
        ("no", tr("No"), 6),
        ("waktu", tr("Waktu"), 19),
        ("aktor", tr("Pelaku"), 20),
        ("aksi", tr("Tindakan"), 30),
        ("pegawai", tr("Pegawai"), 30),
        ("keterangan", tr("Keterangan"), 40),
    )
    print("  ".join(f"{t:<{w}}" for _, t, w in cols).rstrip(), file=out)
    for row in export_rows(entries):
        line = "  ".join(f"{clip(_one_line(row[k]), w):<{w}}" for k, _, w in cols)
        print(line.rstrip(), file=out)
    print(tr("{n} entri", n=angka(len(entries))), file=out)
    return ExitCode.OK


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    flt = _filter(args)
    count = write_audit_trail(db, ctx.actor, AuditTrailRequest(flt, args.out), NO_PROGRESS).rows
    print(tr("{n} entri audit diekspor ke {path}", n=angka(count), path=args.out), file=out)
    return ExitCode.OK


def _one_line(value: object) -> str:
    """Table cells on one line: control characters (and line breaks) become spaces."""
    text = "" if value is None else str(value)
    return "".join(" " if (ord(c) < 32 or ord(c) == 127) else c for c in text)
