"""``merit init | demo | stats | check | instansi``: the database itself and the agency settings.

``check`` exits 5 when it finds a problem (``--perbaiki`` rebuilds a stale employee summary).

``merit instansi show [--format json]``: the agency settings. JSON: ``pengaturan`` (key ->
value; the logo as ``{"ada", "format", "lebar", "tinggi", "byte"}``), ``judul`` (key -> title),
``penandatangan`` (role -> ``{"nama", "pangkat", "nip", "jabatan", "varian", "sumber"}`` as
printed on a decree, null when not set). ``merit instansi set KEY=VALUE...``: change them
(``logo=FILE`` reads a PNG/JPEG file; ``KEY=`` clears; ``\\n`` in ``alamat_instansi`` starts a
new line). A bad key or value exits 2 naming the key; nothing is written then.
"""

from __future__ import annotations

import argparse
import base64
import io

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import progress, write_json
from app.demo.integritas import tambah_contoh_integritas
from app.demo.tulis import create_demo
from app.i18n import angka, tr
from app.models.dokumen import penandatangan, templat_bawaan
from app.models.errors import MeritError, ValidationError
from app.models.rules.nip import format_nip
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

    p = sub.add_parser(
        "instansi", help=tr("pengaturan instansi: nama, alamat, logo, penandatangan")
    )
    cmds = p.add_subparsers(dest="instansi_command", metavar="PERINTAH", required=True)
    p = cmds.add_parser("show", aliases=["lihat"], help=tr("tampilkan pengaturan instansi"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_instansi_show)
    p = cmds.add_parser("set", aliases=["ubah"], help=tr("ubah pengaturan instansi"))
    p.add_argument(
        "nilai",
        nargs="+",
        metavar="KUNCI=NILAI",
        help=tr("mis. ibu_kota=Maumere kepala_bkpsdm.nip=1970... logo=lambang.png"),
    )
    p.set_defaults(handler=cmd_instansi_set)


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    if instansi.is_set_up(db):
        raise MeritError(tr("Basis data {path} sudah disiapkan sebelumnya.", path=db.path))
    instansi.setup(db, args.nama_instansi, nama_instalasi=args.nama_instalasi, actor=ctx.actor)
    templat_bawaan.seed_templates(db, actor=ctx.actor)
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
    data = instansi.stats(ctx.db, actor=ctx.actor)  # the whole agency's counts: checked
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
    report = instansi.check(ctx.db, repair_summary=args.perbaiki, actor=ctx.actor)
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


def _logo_facts(value: str) -> dict[str, object]:
    if not value:
        return {"ada": False}

    from PIL import Image  # lazy: Pillow, only to describe a logo

    data = base64.b64decode(value.partition(",")[2])
    with Image.open(io.BytesIO(data)) as img:
        return {
            "ada": True,
            "format": img.format,
            "lebar": img.size[0],
            "tinggi": img.size[1],
            "byte": len(data),
        }


def settings_data(ctx: Context) -> dict[str, object]:
    conn = ctx.db.conn
    values: dict[str, object] = dict(instansi.read_settings(conn))
    values["logo"] = _logo_facts(str(values["logo"]))
    people = {}
    for peran, p in penandatangan.list_pejabat(conn).items():
        people[peran] = (
            None
            if p is None
            else {
                "nama": p.nama,
                "pangkat": p.pangkat,
                "nip": p.nip,
                "jabatan": p.jabatan,
                "varian": p.varian,
                "sumber": p.sumber,
            }
        )
    return {
        "pengaturan": values,
        "judul": {k: instansi.setting_title(k) for k in instansi.PENGATURAN},
        "penandatangan": people,
    }


def cmd_instansi_show(ctx: Context, args: argparse.Namespace) -> int:
    data = settings_data(ctx)
    out = ctx.out
    if args.format == "json":
        write_json(out, data)
        return ExitCode.OK
    values = data["pengaturan"]
    assert isinstance(values, dict)
    for key in instansi.PENGATURAN:
        if "." in key and not key.startswith("format_nomor."):
            continue  # the signatories are listed below, as printed
        value = values[key]
        if key == "logo":
            text = (
                tr(
                    "{f} {w}×{h} piksel, {kb} KB",
                    f=value["format"],
                    w=value["lebar"],
                    h=value["tinggi"],
                    kb=max(1, value["byte"] // 1024),
                )
                if value["ada"]
                else "-"
            )
        else:
            text = str(value).replace("\n", " / ") or "-"
        print(f"{key:<32} {text}", file=out)
    print(tr("Penandatangan:"), file=out)
    people = data["penandatangan"]
    assert isinstance(people, dict)
    for peran, title in instansi.PERAN.items():
        p = people[peran]
        if p is None:
            print(f"  {peran:<20} {tr('belum diatur')} ({tr(title)})", file=out)
            continue
        parts = [x for x in (p["varian"], p["jabatan"]) if x]
        line = ", ".join(
            x
            for x in (p["nama"], p["pangkat"], f"NIP {format_nip(p['nip'])}" if p["nip"] else "")
            if x
        )
        jabatan = " ".join(parts)
        print(
            f"  {peran:<20} {line}" + (f" — {jabatan}" if jabatan else "") + f" [{p['sumber']}]",
            file=out,
        )
    return ExitCode.OK


def cmd_instansi_set(ctx: Context, args: argparse.Namespace) -> int:
    values: dict[str, str] = {}
    for item in args.nilai:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ValidationError(
                tr("Argumen '{arg}' harus berbentuk KUNCI=NILAI.", arg=item), field="nilai"
            )
        if key == "logo" and value.strip():
            value = instansi.read_logo(value.strip())
        values[key] = value
    penandatangan.save_settings(ctx.db, values, actor=ctx.actor)
    print(
        tr("Pengaturan instansi disimpan: {keys}.", keys=", ".join(values)),
        file=ctx.out,
    )
    return ExitCode.OK
