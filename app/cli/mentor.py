"""``merit mentor ...``: mentoring pairs, their meetings and the suggested mentor of a new
CPNS (issue 15 item 6; :mod:`app.models.kompetensi.mentor`).

* ``merit mentor tambah NIP_MENTEE [--mentor NIP] --tujuan T [--mulai D] [--selesai D]``: pair
  (without ``--mentor``: the suggested mentor); prints the pair's id.
* ``merit mentor list [--status aktif|selesai|batal] [--unit U] [--format json]`` (JSON: list
  of ``id``, ``mentee_nip``, ``mentee_nama``, ``mentor_nip``, ``mentor_nama``, ``unit``,
  ``mulai``, ``selesai``, ``tujuan``, ``status`` AKTIF | SELESAI | BATAL, ``jumlah_pertemuan``).
* ``merit mentor show ID [--format json]`` (JSON: the fields of ``list`` and ``catatan`` and
  ``pertemuan``: list of ``id``, ``tanggal``, ``topik``, ``catatan``, ``tindak_lanjut``).
* ``merit mentor catat ID --topik T [--tanggal D] [--catatan T] [--tindak-lanjut T]``.
* ``merit mentor selesai ID [--tanggal D] [--batal] [--catatan T]``.
* ``merit mentor saran [--unit U] [--format json]``: each new CPNS (status CPNS, or TMT CPNS
  within the last year) without an active mentor and the suggested mentor (JSON: list of
  ``mentee_nip``, ``mentee_nama``, ``unit``, ``mentor_nip``, ``mentor_nama``,
  ``mentor_golongan``, ``jumlah_mentee`` (null where nobody fits)).

Exit codes: 0 done, 2 invalid input (names the argument), 3 not found, 6 access refused.
"""

from __future__ import annotations

import argparse
from datetime import date

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import tanggal, tr
from app.models.errors import ValidationError
from app.models.kompetensi import mentor
from app.models.organisasi.units import find_unit
from app.models.pegawai.read import find_pegawai_id

_JSON_HELP = tr(
    "Daftar JSON: id, mentee_nip, mentee_nama, mentor_nip, mentor_nama, unit, mulai, selesai, "
    "tujuan, status (AKTIF|SELESAI|BATAL), jumlah_pertemuan; show menambah catatan dan "
    "pertemuan (id, tanggal, topik, catatan, tindak_lanjut)"
)


def register(sub: Commands) -> None:
    """Add ``mentor`` to the ``merit`` sub-commands."""
    p = sub.add_parser("mentor", help=tr("mentoring: pasangan mentor, pertemuan, saran mentor"))
    cmds = p.add_subparsers(dest="mentor_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("tambah", help=tr("pasangkan mentor dengan mentee"))
    p.add_argument("nip", metavar="NIP_MENTEE")
    p.add_argument("--mentor", metavar="NIP", help=tr("tanpa ini: mentor yang disarankan"))
    p.add_argument("--tujuan", required=True)
    p.add_argument("--mulai", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--selesai", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.set_defaults(handler=cmd_tambah)

    p = cmds.add_parser("list", help=tr("daftar pasangan mentoring"), epilog=_JSON_HELP)
    p.add_argument("--status", choices=("aktif", "selesai", "batal"))
    p.add_argument("--unit", metavar="UNIT")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("show", help=tr("satu pasangan dan pertemuannya"), epilog=_JSON_HELP)
    p.add_argument("id", metavar="ID")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_show)

    p = cmds.add_parser("catat", help=tr("catat pertemuan mentoring"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--topik", required=True)
    p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--catatan")
    p.add_argument("--tindak-lanjut")
    p.set_defaults(handler=cmd_catat)

    p = cmds.add_parser("selesai", help=tr("tutup pasangan (selesai atau batal)"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--batal", action="store_true")
    p.add_argument("--catatan")
    p.set_defaults(handler=cmd_selesai)

    p = cmds.add_parser(
        "saran",
        help=tr("CPNS baru tanpa mentor dan mentor yang disarankan"),
        epilog=tr(
            "Daftar JSON: mentee_nip, mentee_nama, unit, mentor_nip, mentor_nama, "
            "mentor_golongan, jumlah_mentee (null bila tidak ada yang memenuhi)"
        ),
    )
    p.add_argument("--unit", metavar="UNIT")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_saran)


def _row(p: mentor.Pasangan) -> dict[str, object]:
    return {
        "id": p.id,
        "mentee_nip": p.mentee_nip,
        "mentee_nama": p.mentee_nama,
        "mentor_nip": p.mentor_nip,
        "mentor_nama": p.mentor_nama,
        "unit": p.unit_nama,
        "mulai": p.mulai,
        "selesai": p.selesai,
        "tujuan": p.tujuan,
        "status": p.status,
        "jumlah_pertemuan": p.jumlah_pertemuan,
    }


def cmd_tambah(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    mentee_id = find_pegawai_id(db.conn, args.nip)
    if args.mentor:
        mentor_id = find_pegawai_id(db.conn, args.mentor)
    else:
        pick = mentor.saran_untuk(db, mentee_id, actor=ctx.actor)
        if pick is None:
            raise ValidationError(
                tr(
                    "--mentor: tidak ada pegawai aktif di unit yang sama dengan golongan lebih "
                    "tinggi untuk disarankan; sebutkan NIP mentor."
                ),
                field="mentor",
            )
        mentor_id = pick.pegawai_id
    pid = mentor.tambah_pasangan(
        db,
        mentee_id,
        mentor_id,
        args.mulai or date.today(),
        args.tujuan,
        selesai=args.selesai,
        actor=ctx.actor,
    )
    print(pid, file=ctx.out)
    return ExitCode.OK


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    unit_id = find_unit(db.conn, args.unit) if args.unit else None
    status = args.status.upper() if args.status else None
    rows = mentor.list_pasangan(db, status=status, unit_id=unit_id, actor=ctx.actor)
    if args.format == "json":
        write_json(ctx.out, [_row(p) for p in rows])
        return ExitCode.OK
    for p in rows:
        print(
            f"{p.id[:8]}  {clip(p.mentee_nama, 26):<26} {clip(p.mentor_nama, 26):<26} "
            f"{tanggal(p.mulai):<18} {mentor.status_label(p.status):<8} "
            f"{p.jumlah_pertemuan} {tr('pertemuan')}",
            file=ctx.out,
        )
    if not rows:
        print(tr("Belum ada pasangan mentoring."), file=ctx.out)
    return ExitCode.OK


def _find(ctx: Context, key: str) -> mentor.Pasangan:
    """A pair by its id or the first characters of it (as the list shows)."""
    if len(key) < 36:
        ids = [p.id for p in mentor.list_pasangan(ctx.db, actor=ctx.actor) if p.id.startswith(key)]
        if len(ids) == 1:
            key = ids[0]
    return mentor.get_pasangan(ctx.db, key, actor=ctx.actor)


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    p = _find(ctx, args.id)
    if args.format == "json":
        write_json(
            ctx.out,
            {
                **_row(p),
                "catatan": p.catatan,
                "pertemuan": [
                    {
                        "id": m.id,
                        "tanggal": m.tanggal,
                        "topik": m.topik,
                        "catatan": m.catatan,
                        "tindak_lanjut": m.tindak_lanjut,
                    }
                    for m in p.pertemuan
                ],
            },
        )
        return ExitCode.OK
    print(tr("Mentee : {n} ({i})", n=p.mentee_nama, i=p.mentee_nip), file=ctx.out)
    print(tr("Mentor : {n} ({i})", n=p.mentor_nama, i=p.mentor_nip), file=ctx.out)
    print(tr("Periode: {m} s.d. {s}", m=tanggal(p.mulai), s=tanggal(p.selesai) if p.selesai
             else "-"), file=ctx.out)  # fmt: skip
    print(tr("Tujuan : {t}", t=p.tujuan), file=ctx.out)
    print(tr("Status : {s}", s=mentor.status_label(p.status)), file=ctx.out)
    for m in p.pertemuan:
        print(f"- {tanggal(m.tanggal)}: {m.topik}", file=ctx.out)
        if m.catatan:
            print(f"    {m.catatan}", file=ctx.out)
        if m.tindak_lanjut:
            print(tr("    Tindak lanjut: {t}", t=m.tindak_lanjut), file=ctx.out)
    return ExitCode.OK


def cmd_catat(ctx: Context, args: argparse.Namespace) -> int:
    mentor.periksa_hak_ubah(ctx.db, ctx.actor)
    p = _find(ctx, args.id)
    mentor.catat_pertemuan(
        ctx.db,
        p.id,
        args.tanggal or date.today(),
        args.topik,
        catatan=args.catatan,
        tindak_lanjut=args.tindak_lanjut,
        actor=ctx.actor,
    )
    print(tr("Pertemuan dicatat."), file=ctx.out)
    return ExitCode.OK


def cmd_selesai(ctx: Context, args: argparse.Namespace) -> int:
    mentor.periksa_hak_ubah(ctx.db, ctx.actor)
    p = _find(ctx, args.id)
    mentor.tutup_pasangan(
        ctx.db,
        p.id,
        args.tanggal or date.today(),
        batal=args.batal,
        catatan=args.catatan,
        actor=ctx.actor,
    )
    print(tr("Pasangan mentoring dibatalkan.") if args.batal else
          tr("Pasangan mentoring selesai."), file=ctx.out)  # fmt: skip
    return ExitCode.OK


def cmd_saran(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    unit_id = find_unit(db.conn, args.unit) if args.unit else None
    rows = mentor.saran(db, unit_id=unit_id, actor=ctx.actor)
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "mentee_nip": s.mentee_nip,
                    "mentee_nama": s.mentee_nama,
                    "unit": s.unit_nama,
                    "mentor_nip": s.mentor_nip,
                    "mentor_nama": s.mentor_nama,
                    "mentor_golongan": s.mentor_golongan,
                    "jumlah_mentee": s.jumlah_mentee,
                }
                for s in rows
            ],
        )
        return ExitCode.OK
    for s in rows:
        saran = f"{s.mentor_nama} ({s.mentor_golongan})" if s.mentor_nama else tr("tidak ada calon")
        print(f"{clip(s.mentee_nama, 28):<28} {clip(s.unit_nama or '-', 24):<24} {saran}",
              file=ctx.out)  # fmt: skip
    if not rows:
        print(tr("Tidak ada CPNS baru tanpa mentor."), file=ctx.out)
    return ExitCode.OK
