"""``merit init | demo | stats | check``: the database itself.

``check`` exits 5 when it finds a problem (``--perbaiki`` rebuilds a stale employee summary).
"""

from __future__ import annotations

import argparse

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import progress, write_json
from app.demo.integritas import tambah_contoh_integritas
from app.demo.tulis import create_demo
from app.i18n import angka, tr
from app.models.errors import MeritError
from app.models.storage import instansi


def register(sub: Commands) -> None:
    """Add ``init``, ``demo``, ``stats`` and ``check`` to the ``merit`` sub-commands."""
    p = sub.add_parser("init", help=tr("buat basis data baru dengan nama instansi"))
    p.add_argument(
        "--nama-instansi",
        required=True,
        metavar="NAMA",
        help=tr("nama instansi, mis. 'BKPSDM Kota Kupang'"),
    )
    p.add_argument(
        "--nama-instalasi", metavar="NAMA", help=tr("nama instalasi ini, mis. 'Laptop Pansel 3'")
    )
    p.set_defaults(handler=cmd_init, creates_db=True)

    p = sub.add_parser("demo", help=tr("isi basis data kosong dengan data demo"))
    p.add_argument(
        "--employees",
        "--pegawai",
        type=cli_args.bilangan_tak_negatif,
        default=2000,
        metavar="N",
        help=tr("jumlah pegawai (bawaan 2000)"),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help=tr("benih acak; seed yang sama menghasilkan data yang sama"),
    )
    p.set_defaults(handler=cmd_demo, creates_db=True)

    p = sub.add_parser("stats", help=tr("jumlah data per tabel dan per jenis"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("check", help=tr("periksa integritas basis data dan log perubahan"))
    p.add_argument(
        "--perbaiki",
        action="store_true",
        help=tr("bangun ulang ringkasan pegawai bila tidak mutakhir"),
    )
    p.set_defaults(handler=cmd_check)


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    if instansi.is_set_up(db):
        raise MeritError(tr("Basis data {path} sudah disiapkan sebelumnya.", path=db.path))
    instansi.setup(db, args.nama_instansi, nama_instalasi=args.nama_instalasi, actor=ctx.actor)
    print(tr("Basis data siap: {path}", path=db.path), file=ctx.out)
    return ExitCode.OK


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    report = progress(
        lambda pct, done, total: tr(
            "  {pct}% ({done} dari {total} pegawai)", pct=pct, done=done, total=total
        )
    )
    result = create_demo(db, args.employees, args.seed, actor=ctx.actor, progress=report)
    tambah_contoh_integritas(db, actor=ctx.actor, seed=args.seed)  # complaints and cases
    print(
        tr(
            "Data demo dibuat di {path}: {n} pegawai, {rows} baris.",
            path=db.path,
            n=angka(result.employees),
            rows=angka(result.rows),
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_stats(ctx: Context, args: argparse.Namespace) -> int:
    data = instansi.stats(ctx.db)
    out = ctx.out
    if args.json:
        write_json(out, data)
        return ExitCode.OK
    print(
        tr("Basis data: {path} (skema {v})", path=data["basis_data"], v=data["versi_skema"]),
        file=out,
    )
    print(tr("Instalasi: {nama}", nama=data["nama_instalasi"]), file=out)
    for name, counts in data["tabel"].items():
        if counts["jumlah"]:
            print(
                f"  {name:<28} {angka(counts['aktif']):>10}"
                + (tr("  ({n} dihapus)", n=counts["dihapus"]) if counts["dihapus"] else ""),
                file=out,
            )
    for kind, counts in data["pegawai"].items():
        print(f"  {kind}: " + ", ".join(f"{k} {angka(v)}" for k, v in counts.items()), file=out)
    log = data["log_perubahan"]
    print(
        tr("Log perubahan: {b} batch, {o} operasi", b=angka(log["batch"]), o=angka(log["operasi"])),
        file=out,
    )
    return ExitCode.OK


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    report = instansi.check(ctx.db, repair_summary=args.perbaiki)
    out = ctx.out
    if report.ok:
        print(
            tr(
                "Basis data baik: {batch} batch log perubahan cocok dengan isi data.",
                batch=angka(report.facts.get("batch", 0)),
            ),
            file=out,
        )
        if report.facts.get("ringkasan_berbeda") and args.perbaiki:
            print(
                tr("Ringkasan {n} pegawai dibangun ulang.", n=report.facts["ringkasan_berbeda"]),
                file=out,
            )
        return ExitCode.OK
    for problem in report.problems:
        print(tr("MASALAH: {p}", p=problem), file=out)
    return ExitCode.INTEGRITY
