"""``merit sync ...``: identity, peers, package export and import, clashes, status, the
agency's roster (``roster show|set|remove``) and its root (``root show|handover``).

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

from app.cli import sync_folder
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import angka, tr
from app.models.access import wewenang
from app.models.access.akses import require
from app.models.errors import ValidationError
from app.models.organisasi.units import find_unit
from app.sync import conflicts as cf
from app.sync import identity as ident
from app.sync import importer, package, status
from app.sync import roster as roster_mod


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

    q = ss.add_parser(
        "peer-add", help=tr("tambahkan instalasi mitra (peer) dari berkas identitasnya")
    )
    q.add_argument("file", type=Path, metavar="BERKAS")
    q.add_argument("--trust", action="store_true", help=tr("percayai tanpa bertanya"))
    q.set_defaults(handler=cmd_peer_add)

    q = ss.add_parser("peers", help=tr("daftar instalasi mitra (peer)"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_peers)

    q = ss.add_parser("export", help=tr("tulis paket untuk instalasi mitra"))
    target = q.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", metavar="PEER", help=tr("nama atau id node instalasi mitra"))
    target.add_argument(
        "--all", action="store_true", help=tr("semua instalasi mitra tepercaya, lengkap")
    )
    q.add_argument("--out", required=True, type=Path, metavar="BERKAS")
    q.add_argument("--full", action="store_true", help=tr("lengkap, bukan hanya yang baru"))
    q.add_argument("--passphrase-file", type=Path, metavar="BERKAS")
    q.set_defaults(handler=cmd_export)

    q = ss.add_parser("import", help=tr("terapkan paket dari instalasi mitra"))
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

    _register_roster(ss)
    sync_folder.register(ss)


def _izin_help() -> str:
    lines = [tr("Preset:")]
    lines += [f"  {k:<16} {tr(v[0])}" for k, v in wewenang.PRESET.items()]
    lines.append(tr("Jenis perubahan (gabungkan dengan +, mis. opd+organisasi):"))
    lines += [f"  {j.kode:<16} {tr(j.judul)}" for j in wewenang.JENIS]
    lines.append(tr("Hanya pegawai, organisasi, skp dan kp yang dapat dibatasi dengan --unit."))
    lines.append(
        tr('Contoh: merit sync roster set "Dinas Kesehatan" --izin opd --unit "Dinas Kesehatan"')
    )
    return "\n".join(lines)


def _register_roster(ss: Commands) -> None:
    rd = argparse.RawDescriptionHelpFormatter
    q = ss.add_parser(
        "roster",
        help=tr("roster instansi: instalasi anggota dan apa yang boleh ditulis masing-masing"),
        description=tr(
            "Roster ditandatangani oleh instalasi root instansi (yang membuat instansi) dan "
            "ikut di setiap paket. Setiap batch yang masuk diperiksa terhadap hak instalasi "
            "asalnya; yang di luar haknya ditahan dan didaftar, tidak diterapkan."
        ),
    )
    rs = q.add_subparsers(dest="roster_command", metavar="PERINTAH", required=True)
    r = rs.add_parser("show", help=tr("tampilkan roster dan batch yang ditahan"))
    r.add_argument("--format", choices=["text", "json"], default="text")
    r.set_defaults(handler=cmd_roster_show)
    r = rs.add_parser(
        "set",
        help=tr("tetapkan hak satu instalasi (hanya di root)"),
        description=_izin_help(),
        formatter_class=rd,
    )
    r.add_argument("instalasi", metavar="INSTALASI", help=tr("nama atau id node instalasi mitra"))
    r.add_argument(
        "--izin",
        required=True,
        metavar="PRESET|JENIS",
        help=tr("preset atau jenis perubahan (lihat di atas)"),
    )
    r.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="U",
        help=tr("batasi ke unit ini dan sub-unitnya (boleh berulang)"),
    )
    r.set_defaults(handler=cmd_roster_set)
    r = rs.add_parser("remove", help=tr("keluarkan instalasi dari instansi (hanya di root)"))
    r.add_argument("instalasi", metavar="INSTALASI")
    r.set_defaults(handler=cmd_roster_remove)

    q = ss.add_parser(
        "root",
        help=tr("instalasi root instansi dan serah terimanya"),
        description=tr(
            "Root menandatangani roster. `root handover INSTALASI --yes` menandatangani serah "
            "terima kepada instalasi lain di roster; kirim paket kepadanya sesudahnya. Setelah "
            "itu hanya root baru yang dapat mengubah roster."
        ),
    )
    rs = q.add_subparsers(dest="root_command", metavar="PERINTAH", required=True)
    r = rs.add_parser("show", help=tr("siapa root instansi"))
    r.set_defaults(handler=cmd_root_show)
    r = rs.add_parser("handover", help=tr("serahkan peran root kepada instalasi lain"))
    r.add_argument("instalasi", metavar="INSTALASI")
    r.add_argument("--yes", action="store_true", help=tr("serahkan tanpa bertanya"))
    r.set_defaults(handler=cmd_root_handover)


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
    if info.roster is not None:
        if info.roster.versi is None:
            print(tr("Belum ada roster instansi."), file=out)
        else:
            print(
                tr(
                    "Roster versi {v} (root {root}); batch ditahan roster {n}.",
                    v=info.roster.versi,
                    root=info.roster.root_nama,
                    n=len(info.roster.ditahan),
                ),
                file=out,
            )
    return ExitCode.OK


# -- roster and root ------------------------------------------------------------------------------


def cmd_roster_show(ctx: Context, args: argparse.Namespace) -> int:
    """The roster held here and the batches it holds back."""
    require(ctx.db, ctx.actor, "sync.baca")
    out = ctx.out
    view = roster_mod.overview(ctx.db)
    if args.format == "json":
        write_json(out, view.as_json())
        return ExitCode.OK
    if view.versi is None:
        print(
            tr(
                "Belum ada roster: setiap peer tepercaya boleh menulis semua data. Tetapkan "
                "roster di instalasi root (BKD) dengan `merit sync roster set`."
            ),
            file=out,
        )
    else:
        print(
            tr(
                "Roster versi {v}, instansi {id}; root: {root}.",
                v=view.versi,
                id=view.instansi_id,
                root=view.root_nama,
            ),
            file=out,
        )
        for e in view.entri:
            unit = tr(" (unit: {u})", u=", ".join(e.unit)) if e.unit else ""
            mark = tr(" [instalasi ini]") if e.ini else ""
            print(f"  {e.nama}\t{e.node_id}\t{e.judul}{unit}{mark}", file=out)
        for node_id, nama in view.dicabut:
            print(tr("  {nama}\t{id}\tdikeluarkan", nama=nama, id=node_id), file=out)
    if view.ditahan:
        print(tr("Batch ditahan ({n}):", n=angka(len(view.ditahan))), file=out)
        for h in view.ditahan:
            print(f"  {h.origin_nama} #{h.seq}: {h.alasan}", file=out)
    return ExitCode.OK


def cmd_roster_set(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    units = [find_unit(db.conn, u) for u in args.unit]
    data = roster_mod.set_entry(db, args.instalasi, args.izin, units, actor=ctx.actor)
    print(
        tr(
            "Roster versi {v} ditandatangani. Kirim paket ke peer agar berlaku di sana.",
            v=data.versi,
        ),
        file=ctx.out,
    )
    released = importer.reconsider_held(db, actor=ctx.actor)
    if released is not None and released.batch_baru:
        print(
            tr(
                "{n} batch yang ditahan kini masuk wewenang asalnya dan diterapkan.",
                n=angka(released.batch_baru),
            ),
            file=ctx.out,
        )
    return ExitCode.OK


def cmd_roster_remove(ctx: Context, args: argparse.Namespace) -> int:
    data = roster_mod.remove_entry(ctx.db, args.instalasi, actor=ctx.actor)
    print(
        tr(
            "Instalasi dikeluarkan; roster versi {v} ditandatangani. Batch instalasi itu akan "
            "ditolak di setiap instalasi yang menerima roster ini.",
            v=data.versi,
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_root_show(ctx: Context, args: argparse.Namespace) -> int:
    require(ctx.db, ctx.actor, "sync.baca")
    view = roster_mod.overview(ctx.db)
    if view.versi is None:
        expected = view.root_id
        print(
            tr("Belum ada roster; root yang diharapkan: {id}.", id=expected)
            if expected
            else tr("Belum ada roster dan belum ada root."),
            file=ctx.out,
        )
        return ExitCode.OK
    this = tr(" (instalasi ini)") if view.root_id == ctx.db.node_id else ""
    print(
        tr("Root instansi: {nama} ({id}){ini}", nama=view.root_nama, id=view.root_id, ini=this),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_root_handover(ctx: Context, args: argparse.Namespace) -> int:
    """Hand the root role over (asks first, unless ``--yes``)."""
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError(
                tr("Serah terima root harus dikonfirmasi: jalankan di terminal, atau pakai --yes."),
                field="yes",
            )
        answer = input(tr("Serahkan peran root kepada {i}? [y/T] ", i=args.instalasi))
        if answer.strip().lower() not in ("y", "ya"):
            print(tr("Peran root tidak diserahkan."), file=ctx.out)
            return ExitCode.FAILED
    data = roster_mod.handover(ctx.db, args.instalasi, actor=ctx.actor)
    print(
        tr(
            "Peran root diserahkan (roster versi {v}). Kirim paket kepada root baru; setelah itu "
            "hanya root baru yang dapat mengubah roster.",
            v=data.versi,
        ),
        file=ctx.out,
    )
    return ExitCode.OK
