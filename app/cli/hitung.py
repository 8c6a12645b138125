"""``merit hitung gaji|mkg|kgb|pensiun|ujian-dinas``: the clerk's calculator.

The same functions as the "Kalkulator kepegawaian" screen (:mod:`app.models.kalkulator`): the
gaji table and the ujian dinas rows are this database's reference data. Dates are written
TTTT-BB-HH or HH-BB-TTTT; masa kerja T-B (years-months).

Exit codes: 0 computed, 2 a bad argument (named), 3 no gaji table for that golongan and date.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import angka, tanggal, tr
from app.models import kalkulator as k
from app.models.cuti.berjalan import periode_pegawai
from app.models.errors import ValidationError

# the model's field -> the argument the user typed
_ARGUMEN = {
    "golongan": "--golongan",
    "dari": "--dari",
    "ke": "--ke",
    "mkg": "--mkg",
    "pendidikan": "--pendidikan",
    "bup": "--bup",
}


def _mkg(text: str) -> tuple[int, int]:
    try:
        return k.parse_mkg(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: Commands) -> None:
    """Add ``hitung`` to the ``merit`` sub-commands."""
    p = sub.add_parser(
        "hitung",
        help=tr("kalkulator: gaji pokok, MKG, KGB berikutnya, TMT pensiun, ujian dinas"),
    )
    hs = p.add_subparsers(dest="hitung", metavar="HITUNG", required=True)

    g = hs.add_parser("gaji", help=tr("gaji pokok menurut golongan dan masa kerja golongan"))
    g.add_argument("--golongan", required=True, metavar="G", help=tr("mis. III/a atau IX"))
    g.add_argument("--mkg", required=True, type=_mkg, metavar="T[-B]")
    g.add_argument(
        "--tanggal", type=cli_args.tanggal, metavar="TANGGAL", help=tr("bawaan: hari ini")
    )
    cli_args.add_format_text_json(g)
    g.set_defaults(handler=cmd_gaji)

    m = hs.add_parser("mkg", help=tr("masa kerja golongan sesudah kenaikan pangkat"))
    m.add_argument("--dari", required=True, metavar="G")
    m.add_argument("--ke", required=True, metavar="G")
    m.add_argument("--mkg", required=True, type=_mkg, metavar="T-B")
    cli_args.add_format_text_json(m)
    m.set_defaults(handler=cmd_mkg)

    b = hs.add_parser("kgb", help=tr("kenaikan gaji berkala berikutnya"))
    b.add_argument("--golongan", required=True, metavar="G")
    b.add_argument("--mkg", required=True, type=_mkg, metavar="T-B")
    b.add_argument(
        "--tmt",
        required=True,
        type=cli_args.tanggal,
        metavar="TANGGAL",
        help=tr("TMT KGB atau KP terakhir, saat MKG sebesar --mkg"),
    )
    b.add_argument("--tmt-pensiun", type=cli_args.tanggal, metavar="TANGGAL")
    b.add_argument(
        "--nip",
        metavar="NIP",
        help=tr("pegawai yang CLTN-nya (tidak dihitung masa kerja) menggeser KGB"),
    )
    cli_args.add_format_text_json(b)
    b.set_defaults(handler=cmd_kgb)

    n = hs.add_parser("pensiun", help=tr("TMT pensiun dari tanggal lahir dan BUP"))
    n.add_argument("--lahir", required=True, type=cli_args.tanggal, metavar="TANGGAL")
    n.add_argument("--bup", required=True, type=cli_args.bilangan_tak_negatif, metavar="N")
    cli_args.add_format_text_json(n)
    n.set_defaults(handler=cmd_pensiun)

    u = hs.add_parser("ujian-dinas", help=tr("perlu tidaknya ujian dinas kenaikan pangkat"))
    u.add_argument("--dari", required=True, metavar="G")
    u.add_argument("--ke", required=True, metavar="G")
    u.add_argument("--pendidikan", required=True, metavar="P", help=tr("mis. SLTA, S1, S2"))
    u.add_argument("--jf", action="store_true", help=tr("pemegang jabatan fungsional"))
    cli_args.add_format_text_json(u)
    u.set_defaults(handler=cmd_ujian_dinas)


def _run(fn: Callable[[], Any]) -> Any:
    """Run a calculation; a refused input names the argument the user typed."""
    try:
        return fn()
    except ValidationError as exc:
        arg = _ARGUMEN.get(exc.field or "", "")
        message = tr("argumen {a}: {m}", a=arg, m=str(exc)) if arg else str(exc)
        raise ValidationError(message, field=exc.field) from None


def _print(ctx: Context, args: argparse.Namespace, data: dict[str, Any], text: list[str]) -> int:
    if args.format == "json":
        write_json(ctx.out, data)
    else:
        for line in text:
            print(line, file=ctx.out)
    return ExitCode.OK


def rupiah_teks(value: int) -> str:
    return f"Rp{angka(value)}"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def cmd_gaji(ctx: Context, args: argparse.Namespace) -> int:
    on = args.tanggal or date.today()
    h = _run(lambda: k.hitung_gaji(ctx.db.conn, args.golongan, args.mkg, on))
    data = {
        "golongan": h.golongan,
        "mkg_tahun": h.mkg_tahun,
        "mkg_bulan": h.mkg_bulan,
        "tanggal": on.isoformat(),
        "gaji_pokok": h.gaji_pokok,
        "dasar_hukum": h.dasar_hukum,
        "pasti": h.pasti,
    }
    text = [
        tr(
            "Gaji pokok {g}, MKG {t} tahun {b} bulan, pada {d}: {r}",
            g=h.golongan,
            t=h.mkg_tahun,
            b=h.mkg_bulan,
            d=tanggal(on),
            r=rupiah_teks(h.gaji_pokok),
        ),
        tr("Dasar: {x}", x=h.dasar_hukum) + ("" if h.pasti else " " + tr("(belum pasti [?])")),
    ]
    return _print(ctx, args, data, text)


def cmd_mkg(ctx: Context, args: argparse.Namespace) -> int:
    tahun, bulan = _run(lambda: k.hitung_mkg(ctx.db.conn, args.dari, args.ke, args.mkg))
    data = {"mkg_tahun": tahun, "mkg_bulan": bulan}
    text = [
        tr(
            "MKG di {ke}: {t} tahun {b} bulan (dari {dari} {t0} tahun {b0} bulan)",
            ke=args.ke,
            t=tahun,
            b=bulan,
            dari=args.dari,
            t0=args.mkg[0],
            b0=args.mkg[1],
        )
    ]
    return _print(ctx, args, data, text)


def cmd_kgb(ctx: Context, args: argparse.Namespace) -> int:
    # --nip: that person's CLTN (read only with the right to the employee)
    cltn = periode_pegawai(ctx.db, ctx.actor, args.nip) if args.nip else []
    h = _run(
        lambda: k.hitung_kgb(
            ctx.db.conn, args.golongan, args.mkg, args.tmt, args.tmt_pensiun, tidak_dihitung=cltn
        )
    )
    data = {
        "tmt_kgb": _iso(h.tmt_kgb),
        "mkg_tahun": h.mkg_tahun,
        "gaji_pokok": h.gaji_pokok,
        "alasan": h.alasan,
        "hari_tidak_dihitung": h.hari_tidak_dihitung,
    }
    if h.tmt_kgb is None:
        text = [tr("Tidak ada KGB lagi: {a}", a=h.alasan)]
    else:
        text = [
            tr(
                "KGB berikutnya {d}: MKG {t} tahun, gaji pokok {r}",
                d=tanggal(h.tmt_kgb),
                t=h.mkg_tahun,
                r=rupiah_teks(h.gaji_pokok) if h.gaji_pokok is not None else "-",
            )
        ]
        if h.alasan != tr("MKG mencapai {n} tahun", n=h.mkg_tahun):
            text.append(h.alasan)
    return _print(ctx, args, data, text)


def cmd_pensiun(ctx: Context, args: argparse.Namespace) -> int:
    tmt = _run(lambda: k.hitung_pensiun(args.lahir, args.bup))
    data = {"tmt_pensiun": tmt.isoformat()}
    return _print(ctx, args, data, [tr("TMT pensiun: {d}", d=tanggal(tmt))])


def cmd_ujian_dinas(ctx: Context, args: argparse.Namespace) -> int:
    h = _run(
        lambda: k.hitung_ujian_dinas(ctx.db.conn, args.dari, args.ke, args.pendidikan, jf=args.jf)
    )
    data = {"perlu": h.perlu, "tingkat": h.tingkat, "alasan": h.alasan}
    kata = tr("Perlu ujian dinas") if h.perlu else tr("Tidak perlu ujian dinas")
    tingkat = f" {tr('tingkat')} {'I' * h.tingkat}" if h.tingkat and h.perlu else ""
    return _print(ctx, args, data, [f"{kata}{tingkat}: {h.alasan}"])
