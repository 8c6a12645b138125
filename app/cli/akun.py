"""``merit akun list | add | passwd | roles``: the accounts of this installation and their roles.

Who the command line acts as (``--user``, or the machine's owner before any account exists) is
decided in :mod:`app.cli.context`. Exit codes: 2 invalid input, 3 account not found, 6 access
refused.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

from app.cli.args import Commands
from app.cli.context import Context, read_password
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import tr
from app.models.access import akun
from app.models.access.akses import Hak, Sesi, nama_unit, peran_dari
from app.models.errors import ValidationError
from app.models.organisasi.units import find_unit
from app.models.pegawai.read import find_pegawai_id


def register(sub: Commands) -> None:
    """Add ``akun`` and its sub-commands to the ``merit`` sub-commands."""
    p = sub.add_parser("akun", help=tr("akun pengguna instalasi ini dan perannya"))
    p.set_defaults(creates_db=True)
    a = p.add_subparsers(dest="akun_command", metavar="PERINTAH", required=True)
    roles_help = tr(
        "peran, boleh berulang: admin, operator, pejabat_penilai, anggota_panitia, "
        "sekretariat_panitia, pimpinan; operator untuk satu unit: operator@UNIT"
    )

    q = a.add_parser("list", aliases=["daftar"], help=tr("daftar akun"))
    q.add_argument("--json", action="store_true", help=tr("keluaran JSON"))
    q.set_defaults(handler=cmd_list)

    q = a.add_parser("add", aliases=["tambah"], help=tr("tambah akun"))
    q.add_argument("nama_pengguna", metavar="NAMA")
    q.add_argument("--nama-lengkap", required=True, metavar="TEKS")
    q.add_argument("--peran", action="append", required=True, metavar="PERAN", help=roles_help)
    q.add_argument("--pegawai", metavar="NIP", help=tr("pegawai yang ditautkan (NIP)"))
    q.add_argument(
        "--new-password-file",
        "--sandi-baru-file",
        type=Path,
        metavar="BERKAS",
        help=tr("kata sandi akun baru dari berkas (baris pertama); tanpa ini: ditanyakan"),
    )
    q.set_defaults(handler=cmd_add)

    q = a.add_parser("passwd", aliases=["sandi"], help=tr("ganti kata sandi"))
    q.add_argument(
        "nama_pengguna",
        metavar="NAMA",
        nargs="?",
        help=tr("akun lain (admin menyetel ulang); tanpa NAMA: kata sandi Anda sendiri"),
    )
    q.add_argument("--new-password-file", "--sandi-baru-file", type=Path, metavar="BERKAS")
    q.set_defaults(handler=cmd_passwd)

    q = a.add_parser("roles", aliases=["peran"], help=tr("ubah peran atau status akun"))
    q.add_argument("nama_pengguna", metavar="NAMA")
    q.add_argument("--peran", action="append", metavar="PERAN", help=roles_help)
    q.add_argument("--pegawai", metavar="NIP", help=tr("tautkan pegawai (NIP); '-' melepas"))
    state = q.add_mutually_exclusive_group()
    state.add_argument("--nonaktif", action="store_true", help=tr("nonaktifkan akun"))
    state.add_argument("--aktif", action="store_true", help=tr("aktifkan kembali akun"))
    q.set_defaults(handler=cmd_roles)


def _hak(conn: sqlite3.Connection, items: list[str]) -> list[Hak]:
    """``--peran`` values: ``peran`` everywhere, ``peran@UNIT`` in one unit."""
    out = []
    for item in items:
        name, _, unit = item.partition("@")
        out.append(Hak(peran_dari(name), find_unit(conn, unit) if unit else ""))
    return out


def _new_password(path: Path | None) -> str:
    first = read_password(path, tr("Kata sandi baru: "))
    if path is None and read_password(None, tr("Ulangi kata sandi baru: ")) != first:
        raise ValidationError(tr("Kedua kata sandi tidak sama."), field="sandi")
    return first


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    rows = akun.list_akun(db, actor=ctx.actor)  # refused (audited) without akun.kelola
    if args.json:
        data = [
            {
                "nama_pengguna": a.nama_pengguna,
                "nama_lengkap": a.nama_lengkap,
                "pegawai_id": a.pegawai_id,
                "aktif": a.aktif,
                "peran": [h.peran.value + (f"@{h.unit_id}" if h.unit_id else "") for h in a.hak],
                "masuk_terakhir": a.masuk_terakhir,
            }
            for a in rows
        ]
        write_json(out, data)
        return ExitCode.OK
    for a in rows:
        roles = ", ".join(
            h.peran.value + (f"@{nama_unit(db.conn, h.unit_id)}" if h.unit_id else "")
            for h in a.hak
        )
        state = "" if a.aktif else tr(" (nonaktif)")
        print(f"{a.nama_pengguna:<20} {a.nama_lengkap:<30} {roles}{state}", file=out)
    print(tr("{n} akun", n=len(rows)), file=out)
    return ExitCode.OK


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    actor = ctx.actor
    pegawai_id = find_pegawai_id(conn, args.pegawai) if args.pegawai else None
    hak = _hak(conn, args.peran)
    password = _new_password(args.new_password_file)
    akun.create_akun(
        db,
        args.nama_pengguna,
        args.nama_lengkap,
        password,
        hak,
        actor=actor,
        pegawai_id=pegawai_id,
    )
    print(tr("Akun {u} dibuat.", u=args.nama_pengguna.strip().lower()), file=ctx.out)
    return ExitCode.OK


def cmd_passwd(ctx: Context, args: argparse.Namespace) -> int:
    """Without NAMA (or with one's own): change one's password; an admin resets another's."""
    db = ctx.db
    actor = ctx.actor
    target = args.nama_pengguna
    own = target is None or (
        isinstance(actor, Sesi) and target.strip().lower() == actor.nama_pengguna
    )
    if own:
        if not isinstance(actor, Sesi) or ctx.password is None:
            raise ValidationError(
                tr("Sebutkan akunnya (merit akun passwd NAMA), atau masuk dengan --user.")
            )
        akun.ganti_sandi(db, actor, ctx.password, _new_password(args.new_password_file))
        print(tr("Kata sandi {u} diganti.", u=actor.nama_pengguna), file=ctx.out)
        return ExitCode.OK
    target_akun = akun.get_akun(db, target)
    akun.setel_ulang_sandi(db, target_akun.id, _new_password(args.new_password_file), actor=actor)
    print(tr("Kata sandi {u} disetel ulang.", u=target_akun.nama_pengguna), file=ctx.out)
    return ExitCode.OK


def cmd_roles(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    target_akun = akun.get_akun(db, args.nama_pengguna)
    changes: dict[str, Any] = {}
    if args.peran:
        changes["hak"] = _hak(conn, args.peran)
    if args.pegawai:
        changes["pegawai_id"] = None if args.pegawai == "-" else find_pegawai_id(conn, args.pegawai)
    if args.nonaktif or args.aktif:
        changes["aktif"] = bool(args.aktif)
    if not changes:
        raise ValidationError(
            tr("Tidak ada yang diubah: beri --peran, --pegawai, --aktif atau --nonaktif.")
        )
    akun.update_akun(db, target_akun.id, actor=ctx.actor, **changes)
    print(tr("Akun {u} diubah.", u=target_akun.nama_pengguna), file=ctx.out)
    return ExitCode.OK
