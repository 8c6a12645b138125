"""``merit akun ...`` and who the command line acts as.

Who the command line is (decided here, used by every command through ``app.cli._actor``):

* ``--user NAMA`` signs in as that account; the password comes from ``--password-file BERKAS``
  (first line) or is asked for at the terminal. The rights of the account's roles then apply
  to every command, exactly as in the desktop app.
* Without ``--user``, on a database that has **no accounts yet**, the command runs as the
  machine's owner ("cli:<os user>"), the trusted local system: whoever can run it can read the
  database file anyway. This is how an installation is set up and scripted before accounts
  exist (``merit init``, ``merit demo``, ``merit akun add`` for the first admin).
* Without ``--user``, on a database that **has accounts**, every command that opens the database
  is refused (exit code 6) with a message that says to use ``--user``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from app.i18n import tr
from app.models.errors import AccessDenied, ValidationError

# The signed-in account of this run (None: the trusted local system). Reset by ``app.cli.main``.
SESI: Any = None
_LOGIN_PASSWORD: list[str] = []


def reset() -> None:
    global SESI
    SESI = None
    _LOGIN_PASSWORD.clear()


def read_password(path: Path | None, prompt: str) -> str:
    """The first line of ``path``, or typed at the terminal (not echoed)."""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValidationError(
                tr("Berkas kata sandi {path} tidak dapat dibaca: {e}", path=path, e=exc.strerror),
                field="password-file",
            ) from exc
        lines = text.splitlines()
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise ValidationError(
            tr("Kata sandi tidak dapat ditanyakan di sini. Pakai --password-file BERKAS."),
            field="password-file",
        )
    return getpass.getpass(prompt)


def sign_in(args: argparse.Namespace, db: Any) -> None:
    """Decide who this run acts as (see the module docstring). Called when the database opens."""
    global SESI
    from app.models.access import akun

    user = getattr(args, "user", None)
    if user:
        if SESI is not None and SESI.nama_pengguna == user.strip().lower():
            return
        password = read_password(
            getattr(args, "password_file", None), tr("Kata sandi {u}: ", u=user)
        )
        SESI = akun.masuk(db, user, password)
        _LOGIN_PASSWORD[:] = [password]
        return
    if akun.ada_akun(db):
        raise AccessDenied(
            tr(
                "Basis data ini memakai akun pengguna. Jalankan perintah dengan --user NAMA "
                "(kata sandi ditanyakan, atau dibaca dari --password-file BERKAS)."
            )
        )


def register(sub: Any) -> None:
    p = sub.add_parser("akun", help=tr("akun pengguna instalasi ini dan perannya"))
    a = p.add_subparsers(dest="akun_command", metavar="PERINTAH", required=True)
    roles_help = tr(
        "peran, boleh berulang: admin, operator, pejabat_penilai, anggota_panitia, "
        "sekretariat_panitia, pimpinan; operator untuk satu unit: operator@UNIT"
    )

    q = a.add_parser("list", aliases=["daftar"], help=tr("daftar akun"))
    q.add_argument("--json", action="store_true", help=tr("keluaran JSON"))

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

    q = a.add_parser("passwd", aliases=["sandi"], help=tr("ganti kata sandi"))
    q.add_argument(
        "nama_pengguna",
        metavar="NAMA",
        nargs="?",
        help=tr("akun lain (admin menyetel ulang); tanpa NAMA: kata sandi Anda sendiri"),
    )
    q.add_argument("--new-password-file", "--sandi-baru-file", type=Path, metavar="BERKAS")

    q = a.add_parser("roles", aliases=["peran"], help=tr("ubah peran atau status akun"))
    q.add_argument("nama_pengguna", metavar="NAMA")
    q.add_argument("--peran", action="append", metavar="PERAN", help=roles_help)
    q.add_argument("--pegawai", metavar="NIP", help=tr("tautkan pegawai (NIP); '-' melepas"))
    state = q.add_mutually_exclusive_group()
    state.add_argument("--nonaktif", action="store_true", help=tr("nonaktifkan akun"))
    state.add_argument("--aktif", action="store_true", help=tr("aktifkan kembali akun"))


def _hak(conn: Any, items: list[str]) -> list[Any]:
    from app.models.access.akses import Hak, peran_dari
    from app.models.organisasi.units import find_unit

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


def cmd_akun(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.core import _actor, _open
    from app.models.access import akun
    from app.models.access.akses import nama_unit
    from app.models.pegawai.read import find_pegawai_id

    db = _open(args)
    conn = db.conn
    actor = _actor()
    command = args.akun_command
    if command in ("list", "daftar"):
        from app.models.access.akses import require

        require(db, actor, "akun.kelola")
        rows = akun.list_akun(db)
        if args.json:
            data = [
                {
                    "nama_pengguna": a.nama_pengguna,
                    "nama_lengkap": a.nama_lengkap,
                    "pegawai_id": a.pegawai_id,
                    "aktif": a.aktif,
                    "peran": [
                        h.peran.value + (f"@{h.unit_id}" if h.unit_id else "") for h in a.hak
                    ],
                    "masuk_terakhir": a.masuk_terakhir,
                }
                for a in rows
            ]
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
            return 0
        for a in rows:
            roles = ", ".join(
                h.peran.value + (f"@{nama_unit(conn, h.unit_id)}" if h.unit_id else "")
                for h in a.hak
            )
            state = "" if a.aktif else tr(" (nonaktif)")
            print(f"{a.nama_pengguna:<20} {a.nama_lengkap:<30} {roles}{state}", file=out)
        print(tr("{n} akun", n=len(rows)), file=out)
        return 0
    if command in ("add", "tambah"):
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
        print(tr("Akun {u} dibuat.", u=args.nama_pengguna.strip().lower()), file=out)
        return 0
    if command in ("passwd", "sandi"):
        from app.models.access.akses import Sesi

        target = args.nama_pengguna
        own = target is None or (
            isinstance(actor, Sesi) and target.strip().lower() == actor.nama_pengguna
        )
        if own:
            if not isinstance(actor, Sesi):
                raise ValidationError(
                    tr("Sebutkan akunnya (merit akun passwd NAMA), atau masuk dengan --user.")
                )
            akun.ganti_sandi(db, actor, _LOGIN_PASSWORD[0], _new_password(args.new_password_file))
            print(tr("Kata sandi {u} diganti.", u=actor.nama_pengguna), file=out)
            return 0
        target_akun = akun.get_akun(db, target)
        akun.setel_ulang_sandi(
            db, target_akun.id, _new_password(args.new_password_file), actor=actor
        )
        print(tr("Kata sandi {u} disetel ulang.", u=target_akun.nama_pengguna), file=out)
        return 0
    # roles
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
    akun.update_akun(db, target_akun.id, actor=actor, **changes)
    print(tr("Akun {u} diubah.", u=target_akun.nama_pengguna), file=out)
    return 0
