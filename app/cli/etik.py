"""``merit etik ...``: code-of-ethics cases under PP 42/2004 (issue 16, item 3).

* ``merit etik kasus --nip NIP --dugaan T [--pengaduan ID] [--tanggal D]``: open a case; prints
  its id.
* ``merit etik majelis ID --ketua NIP --sekretaris NIP --anggota NIP [--anggota NIP ...]``: set
  the Majelis Kode Etik (no member lower in rank than the accused).
* ``merit etik sidang ID --tanggal D --ringkasan T [--tidak-hadir]``: record a hearing.
* ``merit etik putus ID --temuan TERBUKTI|TIDAK_TERBUKTI --tanggal D [--pasal KODE ...]
  [--sanksi TERTUTUP|TERBUKA] [--pertimbangan T] [--rekomendasi-disiplin]``: the finding;
  prints the id of the discipline case it opened, if any.
* ``merit etik list [--status S] [--format json]``, ``merit etik show ID [--format json]``.
  JSON: ``id``, ``nip``, ``nama``, ``pengaduan_id``, ``dugaan``, ``tanggal_mulai``, ``status``,
  ``temuan``, ``pasal``, ``sanksi``, ``tanggal_putus``, ``disiplin_kasus_id``, ``majelis``
  (``nip``, ``nama``, ``peran``), ``sidang`` (``tanggal``, ``hadir``, ``ringkasan``).
* ``merit etik surat ID --out DIR [--tanggal D]``: the written moral sanction (Keputusan, through
  the decree engine) of a proven case; prints its number and file.
* ``merit etik kode``: the points of the code of ethics with their source;
  ``merit etik ubah-kode KODE --kelompok K --isi T [--dasar T]``: add or change a point (admin).

Exit codes: 2 invalid input, 3 not found, 6 access refused.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import tanggal, tr
from app.jobs import integritas as integritas_jobs
from app.models.etik import kasus as ek
from app.models.pegawai.read import find_pegawai_id
from app.models.pengaduan import register as adu
from app.models.rules import etik as rules


def _tanggal(p: argparse.ArgumentParser, name: str = "--tanggal", **kw: Any) -> None:
    p.add_argument(name, type=cli_args.tanggal, metavar="TTTT-BB-HH", **kw)


def register(sub: Commands) -> None:
    """Add ``etik`` to the ``merit`` sub-commands."""
    p = sub.add_parser("etik", help=tr("kasus kode etik PNS (PP 42/2004)"))
    cmds = p.add_subparsers(dest="etik_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("kasus", help=tr("buka kasus kode etik"))
    p.add_argument("--nip", required=True)
    p.add_argument("--dugaan", required=True)
    p.add_argument("--pengaduan", metavar="ID")
    _tanggal(p)
    p.set_defaults(handler=cmd_kasus)

    p = cmds.add_parser("majelis", help=tr("tetapkan majelis kode etik"))
    p.add_argument("id")
    p.add_argument("--ketua", required=True, metavar="NIP")
    p.add_argument("--sekretaris", required=True, metavar="NIP")
    p.add_argument("--anggota", required=True, action="append", metavar="NIP")
    p.set_defaults(handler=cmd_majelis)

    p = cmds.add_parser("sidang", help=tr("catat sidang majelis"))
    p.add_argument("id")
    _tanggal(p, required=True)
    p.add_argument("--ringkasan", required=True)
    p.add_argument("--tidak-hadir", action="store_true", help=tr("terperiksa tidak hadir"))
    p.set_defaults(handler=cmd_sidang)

    p = cmds.add_parser("putus", help=tr("catat putusan majelis dan sanksi moral"))
    p.add_argument("id")
    p.add_argument("--temuan", required=True, type=str.upper, choices=list(rules.TEMUAN))
    _tanggal(p, required=True)
    p.add_argument("--pasal", action="append", default=[], metavar="KODE")
    p.add_argument("--sanksi", type=str.upper, choices=list(rules.SANKSI_MORAL))
    p.add_argument("--pertimbangan")
    p.add_argument("--rekomendasi-disiplin", action="store_true")
    p.set_defaults(handler=cmd_putus)

    p = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar kasus kode etik"))
    p.add_argument("--status", type=str.upper, choices=list(ek.STATUS))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("show", aliases=["lihat"], help=tr("rincian satu kasus kode etik"))
    p.add_argument("id")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_show)

    p = cmds.add_parser("surat", help=tr("terbitkan keputusan sanksi moral"))
    p.add_argument("id")
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    _tanggal(p)
    p.set_defaults(handler=cmd_surat)

    p = cmds.add_parser("kode", help=tr("butir kode etik instansi"))
    p.set_defaults(handler=cmd_kode)

    p = cmds.add_parser("ubah-kode", help=tr("tambah atau ubah satu butir kode etik (admin)"))
    p.add_argument("kode")
    p.add_argument("--kelompok", required=True)
    p.add_argument("--isi", required=True)
    p.add_argument("--dasar", help=tr("dasar hukum atau sumber butir"))
    p.set_defaults(handler=cmd_ubah_kode)


def _json(k: ek.Kasus) -> dict[str, Any]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "id": k.id,
        "nip": k.nip,
        "nama": k.nama,
        "pengaduan_id": k.pengaduan_id,
        "dugaan": k.dugaan,
        "tanggal_mulai": iso(k.tanggal_mulai),
        "status": k.status,
        "temuan": k.temuan,
        "pasal": list(k.pasal),
        "sanksi": k.sanksi,
        "tanggal_putus": iso(k.tanggal_putus),
        "disiplin_kasus_id": k.disiplin_kasus_id,
        "majelis": [{"nip": a.nip, "nama": a.nama, "peran": a.peran} for a in k.majelis],
        "sidang": [
            {"tanggal": iso(s.tanggal), "hadir": s.hadir, "ringkasan": s.ringkasan}
            for s in k.sidang
        ],
    }


def _id(ctx: Context, ref: str) -> str:
    return ek.get_kasus(ctx.db, ctx.actor, ref).id


def cmd_kasus(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    aduan = adu.find_pengaduan(db, ctx.actor, args.pengaduan).id if args.pengaduan else None
    kid = ek.create_kasus(
        db,
        ctx.actor,
        ek.KasusBaru(
            pegawai_id=find_pegawai_id(db.conn, args.nip),
            dugaan=args.dugaan,
            tanggal_mulai=args.tanggal or date.today(),
            pengaduan_id=aduan,
        ),
    )
    ctx.out.write(kid + "\n")
    return ExitCode.OK


def cmd_majelis(ctx: Context, args: argparse.Namespace) -> int:
    kid = _id(ctx, args.id)
    conn = ctx.db.conn
    anggota = [
        (find_pegawai_id(conn, args.ketua), rules.KETUA),
        (find_pegawai_id(conn, args.sekretaris), rules.SEKRETARIS),
        *((find_pegawai_id(conn, n), rules.ANGGOTA) for n in args.anggota),
    ]
    ek.set_majelis(ctx.db, ctx.actor, kid, anggota)
    ctx.out.write(tr("Majelis kode etik ditetapkan ({n} orang).", n=len(anggota)) + "\n")
    return ExitCode.OK


def cmd_sidang(ctx: Context, args: argparse.Namespace) -> int:
    kid = _id(ctx, args.id)
    sid = ek.add_sidang(
        ctx.db,
        ctx.actor,
        kid,
        tanggal=args.tanggal,
        hadir=not args.tidak_hadir,
        ringkasan=args.ringkasan,
    )
    ctx.out.write(sid + "\n")
    return ExitCode.OK


def cmd_putus(ctx: Context, args: argparse.Namespace) -> int:
    kid = _id(ctx, args.id)
    did = ek.putus(
        ctx.db,
        ctx.actor,
        kid,
        ek.Putusan(
            temuan=args.temuan,
            tanggal=args.tanggal,
            pasal=tuple(args.pasal),
            sanksi=args.sanksi,
            pertimbangan=args.pertimbangan,
            rekomendasi_disiplin=args.rekomendasi_disiplin,
        ),
    )
    ctx.out.write(tr("Putusan majelis kode etik dicatat.") + "\n")
    if did:
        ctx.out.write(tr("Kasus disiplin dibuka: {id}", id=did) + "\n")
    return ExitCode.OK


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = ek.list_kasus(ctx.db, ctx.actor, status=args.status)
    if args.format == "json":
        write_json(ctx.out, [_json(k) for k in rows])
        return ExitCode.OK
    for k in rows:
        ctx.out.write(
            f"{k.id[:8]}  {k.nip}  {clip(k.nama, 24):<24}  {k.status_label:<16} "
            f"{tr(rules.TEMUAN[k.temuan]) if k.temuan else '-'}  {k.sanksi_label}\n"
        )
    ctx.out.write(tr("{n} kasus.", n=len(rows)) + "\n")
    return ExitCode.OK


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    k = ek.get_kasus(ctx.db, ctx.actor, args.id)
    if args.format == "json":
        write_json(ctx.out, _json(k))
        return ExitCode.OK
    out = ctx.out
    out.write(f"{tr('Kasus kode etik')} {k.id}\n")
    out.write(f"{tr('Terperiksa')}: {k.nama} ({k.nip})\n")
    out.write(f"{tr('Dugaan')}: {k.dugaan}\n")
    out.write(f"{tr('Dibuka')}: {tanggal(k.tanggal_mulai)}  {tr('Status')}: {k.status_label}\n")
    for a in k.majelis:
        out.write(f"  {tr(rules.PERAN_MAJELIS[a.peran]):<11} {a.nama} ({a.nip})\n")
    for s in k.sidang:
        hadir = tr("hadir") if s.hadir else tr("tidak hadir")
        out.write(f"  {tr('Sidang')} {tanggal(s.tanggal)} ({hadir}): {s.ringkasan}\n")
    if k.temuan:
        out.write(f"{tr('Temuan')}: {tr(rules.TEMUAN[k.temuan])} {', '.join(k.pasal)}\n")
        if k.sanksi:
            out.write(f"{tr('Sanksi moral')}: {k.sanksi_label}\n")
        if k.disiplin_kasus_id:
            out.write(f"{tr('Kasus disiplin')}: {k.disiplin_kasus_id}\n")
    return ExitCode.OK


def cmd_ubah_kode(ctx: Context, args: argparse.Namespace) -> int:
    ek.simpan_pasal(ctx.db, ctx.actor, args.kode, args.kelompok, args.isi, args.dasar)
    ctx.out.write(tr("Butir kode etik {k} disimpan.", k=args.kode.upper()) + "\n")
    return ExitCode.OK


def cmd_kode(ctx: Context, args: argparse.Namespace) -> int:
    for p in ek.list_pasal(ctx.db):
        ctx.out.write(f"{p.kode:<14} {clip(p.isi, 70):<70}  {p.dasar_hukum or ''}\n")
    return ExitCode.OK


def cmd_surat(ctx: Context, args: argparse.Namespace) -> int:
    hasil = integritas_jobs.issue_sanksi_moral(
        ctx.db,
        ctx.actor,
        integritas_jobs.SanksiMoralRequest(_id(ctx, args.id), args.out, args.tanggal),
    )
    for nomor, berkas in zip(hasil.nomor, hasil.berkas, strict=True):
        ctx.out.write(f"{nomor}  {berkas.path}\n")
    return ExitCode.OK
