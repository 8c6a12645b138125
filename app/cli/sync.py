"""``merit sync ...``: identity, peers, package export and import, clashes, status.

Exit codes: 0 done; 2 refused package or invalid input; 3 unknown peer or clash; 1 other
expected errors (with an Indonesian message).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from app.i18n import angka, tr
from app.models.errors import MeritError, ValidationError


def register(sub: Any) -> None:
    """Add ``sync`` and its sub-commands to the ``merit`` commands."""
    p = sub.add_parser("sync", aliases=["sinkron"], help=tr("sinkronisasi lewat berkas paket"))
    ss = p.add_subparsers(dest="sync_command", metavar="PERINTAH", required=True)

    q = ss.add_parser("id", help=tr("identitas instalasi ini (dan ganti namanya)"))
    q.add_argument("--name", "--nama", dest="name", metavar="NAMA")
    q.add_argument("--json", action="store_true")

    q = ss.add_parser("id-export", help=tr("tulis berkas identitas publik instalasi ini"))
    q.add_argument("out", type=Path, metavar="BERKAS")

    q = ss.add_parser("peer-add", help=tr("tambahkan peer dari berkas identitasnya"))
    q.add_argument("file", type=Path, metavar="BERKAS")
    q.add_argument("--trust", action="store_true", help=tr("percayai tanpa bertanya"))

    q = ss.add_parser("peers", help=tr("daftar peer"))
    q.add_argument("--json", action="store_true")

    q = ss.add_parser("export", help=tr("tulis paket untuk peer"))
    target = q.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", metavar="PEER", help=tr("nama atau id node peer"))
    target.add_argument("--all", action="store_true", help=tr("semua peer tepercaya, lengkap"))
    q.add_argument("--out", required=True, type=Path, metavar="BERKAS")
    q.add_argument("--full", action="store_true", help=tr("lengkap, bukan hanya yang baru"))
    q.add_argument("--passphrase-file", type=Path, metavar="BERKAS")

    q = ss.add_parser("import", help=tr("terapkan paket dari peer"))
    q.add_argument("file", type=Path, metavar="BERKAS")
    q.add_argument("--passphrase-file", type=Path, metavar="BERKAS")

    q = ss.add_parser("retry", help=tr("terapkan paket yang ditunda setelah Merit diperbarui"))
    q.add_argument("--passphrase-file", type=Path, metavar="BERKAS")

    q = ss.add_parser("conflicts", help=tr("daftar bentrokan"))
    q.add_argument("--format", choices=["text", "json"], default="text")

    q = ss.add_parser("resolve", help=tr("putuskan satu bentrokan"))
    q.add_argument("id", metavar="ID")
    how = q.add_mutually_exclusive_group(required=True)
    how.add_argument("--take", metavar="NILAI", help=tr("nilai yang dipakai (atau hapus/pulihkan)"))
    how.add_argument("--keep", choices=["local", "remote"])

    q = ss.add_parser("status", help=tr("keadaan sinkronisasi"))
    q.add_argument("--json", action="store_true")


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


def _actor_text(actor: Any) -> str:
    return actor if isinstance(actor, str) else str(getattr(actor, "nama_pengguna", actor))


def cmd_sync(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli import core as cli
    from app.sync import conflicts as cf
    from app.sync import identity as ident
    from app.sync import importer, package, status

    db = cli._open(args)
    command = args.sync_command
    if command == "id":
        me = ident.ensure_identity(db, args.name)
        if args.json:
            body = {**me.public_dict(), "sidik_jari": me.sidik_jari}
            print(json.dumps(body, ensure_ascii=False, indent=2), file=out)
        else:
            print(tr("Instalasi: {nama}", nama=me.nama), file=out)
            print(tr("Id node: {id}", id=me.node_id), file=out)
            print(tr("Sidik jari: {fp}", fp=me.sidik_jari), file=out)
        return 0
    if command == "id-export":
        path = ident.export_identity(db, args.out)
        me = ident.own_identity(db)
        print(tr("Identitas ditulis ke {path}", path=path), file=out)
        print(tr("Sidik jari: {fp}", fp=me.sidik_jari), file=out)
        return 0
    if command == "peer-add":
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
                return 1
        ident.add_peer(db, found, trusted=True)
        print(tr("Peer {nama} ditambahkan dan dipercaya.", nama=found.nama), file=out)
        return 0
    if command == "peers":
        peers = ident.list_peers(db)
        if args.json:
            print(json.dumps(status.sync_status(db).as_json()["peer"], indent=2), file=out)
            return 0
        if not peers:
            print(tr("Belum ada peer."), file=out)
        for p in peers:
            flag = tr("dipercaya") if p.dipercaya else tr("tidak dipercaya")
            print(f"{p.nama}\t{p.node_id}\t{p.sidik_jari}\t{flag}\t{p.sumber}", file=out)
        return 0
    if command == "export":
        result = package.export_package(
            db,
            args.out,
            to=args.to,
            all_peers=args.all,
            full=args.full or args.all,
            passphrase=_passphrase(args.passphrase_file),
            actor=_actor_text(cli._actor()),
        )
        print(
            tr(
                "Paket ditulis ke {path}: {n} batch, {ops} operasi, {size} bita.",
                path=result.path,
                n=angka(result.batch),
                ops=angka(result.operasi),
                size=angka(result.ukuran),
            ),
            file=out,
        )
        return 0
    if command == "import":
        summary = importer.import_package(
            db,
            args.file,
            passphrase=_passphrase(args.passphrase_file),
            actor=_actor_text(cli._actor()),
        )
        print(summary.text(), file=out)
        return 0
    if command == "retry":
        results = importer.retry_deferred(
            db, passphrase=_passphrase(args.passphrase_file), actor=_actor_text(cli._actor())
        )
        if not results:
            print(tr("Tidak ada paket tertunda yang dapat diterapkan sekarang."), file=out)
        for summary in results:
            print(summary.text(), file=out)
        return 0
    if command == "conflicts":
        items = cf.list_conflicts(db)
        if args.format == "json":
            print(cf.as_json(items), file=out)
            return 0
        if not items:
            print(tr("Tidak ada bentrokan."), file=out)
        for c in items:
            print(f"[{c.id}] {c.judul}: {c.label_kolom}", file=out)
            for s in c.nilai:
                mark = "*" if s.tampil else " "
                value = s.nilai if c.jenis == "nilai" else f"{s.kolom}={s.nilai}"
                print(
                    f"  {mark} {value!r}  ({s.origin_nama}, {s.aktor}, "
                    f"{s.waktu:%Y-%m-%d %H:%M} UTC)",
                    file=out,
                )
        return 0
    if command == "resolve":
        if args.keep:
            cf.resolve_keep(db, args.id, args.keep, actor=cli._actor())
        else:
            cf.resolve(db, args.id, args.take, actor=cli._actor())
        print(tr("Bentrokan {id} diputuskan.", id=args.id), file=out)
        return 0
    if command == "status":
        info = status.sync_status(db)
        if args.json:
            print(json.dumps(info.as_json(), ensure_ascii=False, indent=2), file=out)
            return 0
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
        return 0
    raise MeritError(tr("Perintah sync tidak dikenal."))
