"""``merit sync ...``: identity, peers, package export and import, clashes, status.

Each sub-command needs its right (``sync.baca`` to look, ``sync.peer`` for peers,
``sync.identitas`` to rename, ``sync.ekspor`` / ``sync.ekspor_penuh`` / ``sync.impor``); the
administrative ones are audited, refusals too.

Exit codes: 0 done; 2 refused package or invalid input; 3 unknown peer or clash; 6 access
refused; 1 other expected errors (with an Indonesian message).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import angka, tr
from app.models.access.akses import require
from app.models.errors import ValidationError
from app.sync import conflicts as cf
from app.sync import identity as ident
from app.sync import importer, package, status


def register(sub: Commands) -> None:
    """Add ``sync`` and its sub-commands to the ``merit`` commands."""
    p = sub.add_parser("sync", aliases=["sinkron"], help=tr("sinkronisasi lewat berkas paket"))
    p.set_defaults(creates_db=True)
    ss = p.add_subparsers(dest="sync_command", metavar="PERINTAH", required=True)

    q = ss.add_parser("id", help=tr("identitas instalasi ini (dan ganti namanya)"))
    q.add_argument("--name", "--nama", dest="name", metavar="NAMA")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_id)

    q = ss.add_parser("id-export", help=tr("tulis berkas identitas publik instalasi ini"))
    q.add_argument("out", type=Path, metavar="BERKAS")
    q.set_defaults(handler=cmd_id_export)

    q = ss.add_parser("peer-add", help=tr("tambahkan peer dari berkas identitasnya"))
    q.add_argument("file", type=Path, metavar="BERKAS")
    q.add_argument("--trust", action="store_true", help=tr("percayai tanpa bertanya"))
    q.set_defaults(handler=cmd_peer_add)

    q = ss.add_parser("peers", help=tr("daftar peer"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_peers)

    q = ss.add_parser("export", help=tr("tulis paket untuk peer"))
    target = q.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", metavar="PEER", help=tr("nama atau id node peer"))
    target.add_argument("--all", action="store_true", help=tr("semua peer tepercaya, lengkap"))
    q.add_argument("--out", required=True, type=Path, metavar="BERKAS")
    q.add_argument("--full", action="store_true", help=tr("lengkap, bukan hanya yang baru"))
    q.add_argument("--passphrase-file", type=Path, metavar="BERKAS")
    q.set_defaults(handler=cmd_export)

    q = ss.add_parser("import", help=tr("terapkan paket dari peer"))
    q.add_argument("file", type=Path, metavar="BERKAS")
    q.add_argument("--passphrase-file", type=Path, metavar="BERKAS")
    q.set_defaults(handler=cmd_import)

    q = ss.add_parser("retry", help=tr("terapkan paket yang ditunda setelah Merit diperbarui"))
    q.add_argument("--passphrase-file", type=Path, metavar="BERKAS")
    q.set_defaults(handler=cmd_retry)

    q = ss.add_parser("conflicts", help=tr("daftar bentrokan"))
    q.add_argument("--format", choices=["text", "json"], default="text")
    q.set_defaults(handler=cmd_conflicts)

    q = ss.add_parser("resolve", help=tr("putuskan satu bentrokan"))
    q.add_argument("id", metavar="ID")
    how = q.add_mutually_exclusive_group(required=True)
    how.add_argument("--take", metavar="NILAI", help=tr("nilai yang dipakai (atau hapus/pulihkan)"))
    how.add_argument("--keep", choices=["local", "remote"])
    q.set_defaults(handler=cmd_resolve)

    q = ss.add_parser("status", help=tr("keadaan sinkronisasi"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_status)


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            tr("Berkas kata sandi {path} tidak dapat dibaca.", path=path), field="passphrase"
        ) from exc
    return text.rstrip("\r\n")


def cmd_id(ctx: Context, args: argparse.Namespace) -> int:
    """This installation's identity (``--name``: rename it first)."""
    out = ctx.out
    if args.name is None:
        require(ctx.db, ctx.actor, "sync.baca")
    me = ident.ensure_identity(ctx.db, args.name, actor=ctx.actor)
    if args.json:
        write_json(out, {**me.public_dict(), "sidik_jari": me.sidik_jari})
    else:
        print(tr("Instalasi: {nama}", nama=me.nama), file=out)
        print(tr("Id node: {id}", id=me.node_id), file=out)
        print(tr("Sidik jari: {fp}", fp=me.sidik_jari), file=out)
    return ExitCode.OK


def cmd_id_export(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    require(db, ctx.actor, "sync.baca")
    path = ident.export_identity(db, args.out)
    me = ident.own_identity(db)
    print(tr("Identitas ditulis ke {path}", path=path), file=ctx.out)
    print(tr("Sidik jari: {fp}", fp=me.sidik_jari), file=ctx.out)
    return ExitCode.OK


def cmd_peer_add(ctx: Context, args: argparse.Namespace) -> int:
    """Add a peer from its identity file once its fingerprint is confirmed (exit 1: it was
    not)."""
    db = ctx.db
    out = ctx.out
    require(db, ctx.actor, "sync.peer")  # before any question (checked again when added)
    found = ident.read_identity_file(args.file)
    print(tr("Peer: {nama}", nama=found.nama), file=out)
    print(tr("Id node: {id}", id=found.node_id), file=out)
    print(tr("Sidik jari: {fp}", fp=found.sidik_jari), file=out)
    if not args.trust:
        if not sys.stdin.isatty():
            raise ValidationError(
                tr(
                    "Sidik jari harus dikonfirmasi. Jalankan di terminal, atau pakai --trust "
                    "setelah mencocokkan sidik jari dengan pemilik peer."
                ),
                field="trust",
            )
        answer = input(tr("Apakah sidik jari sama dengan yang dibacakan peer? [y/T] "))
        if answer.strip().lower() not in ("y", "ya"):
            print(tr("Peer tidak ditambahkan."), file=out)
            return ExitCode.FAILED
    ident.add_peer(db, found, trusted=True, actor=ctx.actor)
    print(tr("Peer {nama} ditambahkan dan dipercaya.", nama=found.nama), file=out)
    return ExitCode.OK


def cmd_peers(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    require(db, ctx.actor, "sync.baca")
    peers = ident.list_peers(db)
    if args.json:
        write_json(out, status.sync_status(db).as_json()["peer"], ensure_ascii=True)
        return ExitCode.OK
    if not peers:
        print(tr("Belum ada peer."), file=out)
    for p in peers:
        flag = tr("dipercaya") if p.dipercaya else tr("tidak dipercaya")
        print(f"{p.nama}\t{p.node_id}\t{p.sidik_jari}\t{flag}\t{p.sumber}", file=out)
    return ExitCode.OK


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    """Write a package for one peer (``--to``) or for every trusted peer (``--all``)."""
    result = package.export_package(
        ctx.db,
        args.out,
        to=args.to,
        all_peers=args.all,
        full=args.full or args.all,
        passphrase=_passphrase(args.passphrase_file),
        actor=ctx.actor,
    )
    print(
        tr(
            "Paket ditulis ke {path}: {n} batch, {ops} operasi, {size} bita.",
            path=result.path,
            n=angka(result.batch),
            ops=angka(result.operasi),
            size=angka(result.ukuran),
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    summary = importer.import_package(
        ctx.db,
        args.file,
        passphrase=_passphrase(args.passphrase_file),
        actor=ctx.actor,
    )
    print(summary.text(), file=ctx.out)
    return ExitCode.OK


def cmd_retry(ctx: Context, args: argparse.Namespace) -> int:
    """Apply the packages put aside until this Merit was updated."""
    results = importer.retry_deferred(
        ctx.db, passphrase=_passphrase(args.passphrase_file), actor=ctx.actor
    )
    if not results:
        print(tr("Tidak ada paket tertunda yang dapat diterapkan sekarang."), file=ctx.out)
    for summary in results:
        print(summary.text(), file=ctx.out)
    return ExitCode.OK


def cmd_conflicts(ctx: Context, args: argparse.Namespace) -> int:
    out = ctx.out
    require(ctx.db, ctx.actor, "sync.impor")  # the clashing values are the records' own
    items = cf.list_conflicts(ctx.db)
    if args.format == "json":
        print(cf.as_json(items), file=out)
        return ExitCode.OK
    if not items:
        print(tr("Tidak ada bentrokan."), file=out)
    for c in items:
        print(f"[{c.id}] {c.judul}: {c.label_kolom}", file=out)
        for s in c.nilai:
            mark = "*" if s.tampil else " "
            value = s.nilai if c.jenis == "nilai" else f"{s.kolom}={s.nilai}"
            print(
                f"  {mark} {value!r}  ({s.origin_nama}, {s.aktor}, {s.waktu:%Y-%m-%d %H:%M} UTC)",
                file=out,
            )
    return ExitCode.OK


def cmd_resolve(ctx: Context, args: argparse.Namespace) -> int:
    """Decide one clash: keep one side (``--keep``) or take a value (``--take``)."""
    db = ctx.db
    require(db, ctx.actor, "sync.impor")
    if args.keep:
        cf.resolve_keep(db, args.id, args.keep, actor=ctx.actor)
    else:
        cf.resolve(db, args.id, args.take, actor=ctx.actor)
    print(tr("Bentrokan {id} diputuskan.", id=args.id), file=ctx.out)
    return ExitCode.OK


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    out = ctx.out
    require(ctx.db, ctx.actor, "sync.baca")
    info = status.sync_status(ctx.db)
    if args.json:
        write_json(out, info.as_json())
        return ExitCode.OK
    print(
        tr("Instalasi: {nama} ({id})", nama=info.identitas.nama, id=info.identitas.node_id),
        file=out,
    )
    for p in info.peers:
        print(
            tr(
                "{nama}: menunggu dikirim {n} batch; terakhir terima {t}, kirim {k}",
                nama=p.peer.nama,
                n=angka(p.menunggu_batch),
                t=p.peer.terakhir_terima or "-",
                k=p.peer.terakhir_kirim or "-",
            ),
            file=out,
        )
    print(
        tr(
            "Bentrokan {k}; batch tertahan {t}; paket tertunda {d}.",
            k=info.konflik,
            t=len(info.tertahan),
            d=info.tertunda,
        ),
        file=out,
    )
    return ExitCode.OK
