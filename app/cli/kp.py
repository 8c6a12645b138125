"""``merit kp ...``: kenaikan pangkat (promotion in rank) per period.

* ``merit kp eligible --period YYYY-MM [--unit U] [--semua] [--format json]``: who is due, and
  why not. JSON rows: ``nip``, ``jenis_kp`` (reguler, pilihan_struktural, jf), ``golongan``,
  ``golongan_baru``, ``status`` (memenuhi, perlu_diverifikasi, belum_memenuhi), ``alasan``
  (list; ``keterangan`` is the same list, kept for older scripts), ``status_label``,
  ``jenis_kp_label``, ``eselon``, ``batas_pangkat``. ``--semua`` also lists those whose next
  rank is above the ceiling of their diploma, eselon range or JF level.
* ``merit kp propose --period P --nip N...``, ``merit kp withdraw --period P --nip N...
  --alasan T``, ``merit kp pertek --period P --nip N... --nomor X --tanggal D``,
  ``merit kp issue --period P --nip N... --out DIR [--tanggal D] [--nilai [NIP:]gaji_pokok=...]``,
  ``merit kp status --period P [--unit U] [--format json]``: the proposals
  (:mod:`app.models.kp.usulan`).

Exit codes: 2 invalid input, 3 not found, 6 access refused.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import tr
from app.jobs import dokumen as dokumen_jobs
from app.models.access.akses import read_unit
from app.models.errors import ValidationError
from app.models.kp import usulan as kp
from app.models.organisasi.units import find_unit
from app.models.rekap.kp import nominatif_kp, periode_kp


def register(sub: Commands) -> None:
    """Add ``kp`` to the ``merit`` sub-commands."""
    p = sub.add_parser("kp", help=tr("kenaikan pangkat per periode"))
    cmds = p.add_subparsers(dest="kp_command", metavar="PERINTAH", required=True)

    def period(p: argparse.ArgumentParser) -> None:
        p.add_argument("--period", "--periode", dest="periode", required=True, metavar="TTTT-BB")

    def nips(p: argparse.ArgumentParser) -> None:
        p.add_argument("--nip", nargs="+", action="extend", required=True, metavar="NIP")

    p = cmds.add_parser("eligible", aliases=["memenuhi"], help=tr("daftar calon KP periode"))
    period(p)
    p.add_argument("--unit", metavar="U")
    p.add_argument(
        "--semua",
        action="store_true",
        help=tr("sertakan yang pangkat barunya melebihi batas ijazah, eselon atau jenjang JF"),
    )
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_eligible)

    p = cmds.add_parser("propose", aliases=["usulkan"], help=tr("usulkan kenaikan pangkat"))
    period(p)
    nips(p)
    p.set_defaults(handler=cmd_propose)

    p = cmds.add_parser("withdraw", aliases=["batalkan"], help=tr("batalkan usulan KP"))
    period(p)
    nips(p)
    p.add_argument("--alasan", required=True)
    p.set_defaults(handler=cmd_withdraw)

    p = cmds.add_parser("pertek", help=tr("catat pertek BKN"))
    period(p)
    nips(p)
    p.add_argument("--nomor", required=True)
    p.add_argument("--tanggal", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p.set_defaults(handler=cmd_pertek)

    p = cmds.add_parser("issue", aliases=["terbitkan"], help=tr("terbitkan SK KP petikan"))
    period(p)
    nips(p)
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--nilai", action="append", default=[], metavar="[NIP:]NAMA=NILAI")
    p.set_defaults(handler=cmd_issue)

    p = cmds.add_parser("status", help=tr("daftar KP periode dengan status usulan"))
    period(p)
    p.add_argument("--unit", metavar="U")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_status)


def cmd_eligible(ctx: Context, args: argparse.Namespace) -> int:
    """The nominative list of the period: who meets the conditions, who should be checked."""
    db = ctx.db
    out = ctx.out
    conn = db.conn
    unit_id = find_unit(conn, args.unit) if args.unit else None
    unit_id = read_unit(db, ctx.actor, "laporan.baca", unit_id)  # refused, or scoped
    periode = periode_kp(conn, args.periode)
    hasil = nominatif_kp(conn, periode, unit_id=unit_id, termasuk_melebihi_batas=args.semua)
    if args.format == "json":
        write_json(
            out,
            {
                "periode": periode.isoformat(),
                "melebihi_batas": hasil.melebihi_batas,
                "pegawai": [
                    {
                        "nomor": b.nomor,
                        "nip": b.nip,
                        "nama": b.nama_lengkap,
                        "golongan": b.golongan_kode,
                        "golongan_baru": b.golongan_baru,
                        "tmt_golongan": b.tmt_golongan.isoformat(),
                        "masa_tahun": b.masa_tahun,
                        "masa_bulan": b.masa_bulan,
                        "jenis_kp": b.jenis_kp,
                        "jenis_kp_label": b.jenis_kp_label,
                        "eselon": b.eselon_kode,
                        "batas_pangkat": b.batas_pangkat,
                        "status": b.status_kode,
                        "status_label": b.status,
                        "alasan": list(b.keterangan),
                        "keterangan": list(b.keterangan),
                    }
                    for b in hasil.baris
                ],
            },
        )
        return ExitCode.OK
    for b in hasil.baris:
        note = "; ".join(b.keterangan)
        out.write(
            f"{b.nomor:>4}. {b.nip}  {b.nama_lengkap}  {b.golongan_kode} -> {b.golongan_baru}  "
            f"{b.jenis_kp_label}  [{b.status}] {note}\n"
        )
    out.write(tr("{n} pegawai.", n=len(hasil.baris)) + "\n")
    return ExitCode.OK


# -- proposals ------------------------------------------------------------------------------------


def cmd_propose(ctx: Context, args: argparse.Namespace) -> int:
    ids = kp.usulkan(ctx.db, args.periode, args.nip, actor=ctx.actor)
    ctx.out.write(tr("{n} pegawai diusulkan.", n=len(ids)) + "\n")
    return ExitCode.OK


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    n = kp.batalkan_usulan(ctx.db, args.periode, args.nip, alasan=args.alasan, actor=ctx.actor)
    ctx.out.write(tr("{n} usulan dibatalkan.", n=n) + "\n")
    return ExitCode.OK


def cmd_pertek(ctx: Context, args: argparse.Namespace) -> int:
    """Record BKN's technical consideration (pertek) for the proposals."""
    n = kp.catat_pertek(ctx.db, args.periode, args.nip, args.nomor, args.tanggal, actor=ctx.actor)
    ctx.out.write(tr("Pertek dicatat untuk {n} usulan.", n=n) + "\n")
    return ExitCode.OK


def cmd_issue(ctx: Context, args: argparse.Namespace) -> int:
    """Issue the SK KP (petikan) of the proposals with a pertek; print their numbers."""
    db = ctx.db
    nilai, per = _parse_nilai(args.nilai)
    request = dokumen_jobs.SkKpRequest(
        args.periode,
        tuple(args.nip),
        args.out,
        args.tanggal or date.today(),
        nilai=nilai,
        nilai_pegawai=per,
    )
    hasil = dokumen_jobs.issue_sk_kp(db, ctx.actor, request)
    for nomor in hasil.terbit.nomor:
        ctx.out.write(nomor + "\n")
    ctx.out.write(tr("{n} SK kenaikan pangkat terbit.", n=len(hasil.terbit.nomor)) + "\n")
    return ExitCode.OK


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    """The period's list with the state of each proposal."""
    db = ctx.db
    out = ctx.out
    unit_id = find_unit(db.conn, args.unit) if args.unit else None
    unit_id = read_unit(db, ctx.actor, "laporan.baca", unit_id)  # refused, or scoped
    items = kp.list_periode(db.conn, args.periode, unit_id=unit_id)
    if args.format == "json":
        write_json(
            out,
            {
                "periode": args.periode,
                "pegawai": [
                    {
                        "nip": i.nip,
                        "nama": i.nama_lengkap,
                        "golongan": i.golongan_kode,
                        "golongan_baru": i.golongan_baru,
                        "jenis_kp": i.jenis_kp,
                        "syarat": i.syarat,
                        "keterangan": list(i.keterangan),
                        "usulan": i.status_usulan,
                        "nomor_pertek": i.usulan.nomor_pertek if i.usulan else None,
                        "nomor_sk": i.usulan.nomor_sk if i.usulan else None,
                    }
                    for i in items
                ],
            },
        )
        return ExitCode.OK
    for i in items:
        state = kp.status_label(i.status_usulan) or "-"
        out.write(
            f"{i.nip}  {i.nama_lengkap}  {i.golongan_kode} -> {i.golongan_baru}  "
            f"[{i.syarat or '-'}] [{state}]\n"
        )
    out.write(tr("{n} pegawai.", n=len(items)) + "\n")
    return ExitCode.OK


def _parse_nilai(items: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """``NAMA=NILAI`` for everyone, ``NIP:NAMA=NILAI`` for one person."""
    common: dict[str, str] = {}
    per: dict[str, dict[str, str]] = {}
    for text in items:
        head, sep, value = text.partition("=")
        if not sep or not head.strip():
            raise ValidationError(
                tr("--nilai '{t}' tidak sah; tulis NIP:nama=nilai atau nama=nilai.", t=text),
                field="nilai",
            )
        nip, colon, name = head.rpartition(":")
        target = per.setdefault(nip.strip(), {}) if colon else common
        target[name.strip()] = value.strip()
    return common, per
