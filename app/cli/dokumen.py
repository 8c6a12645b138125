"""``merit sk`` and ``merit verify``: issue decrees, list and cancel register entries, verify.

* ``merit sk TEMPLAT --nip NIP... [--out DIR] [--petikan|--salinan] [--tanggal TTTT-BB-HH]
  [--nilai KUNCI=NILAI] [--nilai NIP:KUNCI=NILAI]`` issues and writes the PDFs.
* ``merit sk register [--tahun T] [--filter-templat K] [--status S] [--cari TEKS]
  [--format table|json]``
* ``merit sk cancel NOMOR --alasan TEKS [--filter-templat K]``
* ``merit sk templat`` lists the templates; ``merit sk penomoran [--ambil]`` shows or takes
  the numbering role.
* ``merit verify BERKAS.pdf|KODE`` prints ASLI / ISI SAMA / BERUBAH (with the page) /
  DIBATALKAN / PALSU / TIDAK TERDAFTAR with the register entry (:data:`VERIFY_EPILOG`).

Exit codes: 0 done (verify: genuine), 2 invalid input (verify: not a readable PDF), 3 not found;
verify: 10 BERUBAH, 11 DIBATALKAN, 12 TIDAK TERDAFTAR / TANPA KODE / PENERBIT TIDAK DIKENAL,
13 PALSU.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context, Handler
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import angka, tanggal, tr
from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen import penomoran, rancangan, templat, templat_bawaan
from app.models.dokumen import register as register_dokumen
from app.models.errors import ValidationError

VERIFY_EPILOG = tr(
    """hasil dan kode keluar:
  0   ASLI        berkas persis sama (byte demi byte) dengan yang diterbitkan
  0   ISI SAMA    berkas disimpan ulang; setiap halaman tampil sama dan teksnya sama
                  (dokumen lama tanpa sidik tampilan: hanya isi teks diperiksa, disebutkan)
  0   TERDAFTAR   kode yang diketik terdaftar; cocokkan data register dengan kertasnya
  10  BERUBAH     ada halaman yang tampil atau terbaca lain; halamannya disebutkan
  11  DIBATALKAN  naskah terdaftar tetapi telah dibatalkan
  12  TIDAK TERDAFTAR / TANPA KODE  tidak ada yang dapat dibandingkan di register ini
  12  PENERBIT TIDAK DIKENAL  ditandatangani instalasi yang tidak dipercaya di sini
  13  PALSU       entri register tidak sah (kode bukan buatan kunci instansi, atau tanda
                  tangan instalasi penerbit tidak cocok)
  2   BUKAN PDF   berkas tidak dapat dibaca; 3: berkas tidak ada"""
)

#: Exit code of ``merit verify`` per result (see VERIFY_EPILOG and README "Verifikasi SK").
VERIFY_EXIT: dict[str, ExitCode] = {
    "asli": ExitCode.OK,
    "isi_sama": ExitCode.OK,
    "terdaftar": ExitCode.OK,
    "berubah": ExitCode.VERIFY_CHANGED,
    "dibatalkan": ExitCode.VERIFY_CANCELLED,
    "tidak_terdaftar": ExitCode.VERIFY_UNKNOWN,
    "tanpa_kode": ExitCode.VERIFY_UNKNOWN,
    "palsu": ExitCode.VERIFY_FORGED,
    "tidak_dikenal": ExitCode.VERIFY_UNKNOWN,
    "bukan_pdf": ExitCode.INVALID,
}


def register(sub: Commands) -> None:
    """Add ``sk`` and ``verify`` to the ``merit`` sub-commands."""
    p = sub.add_parser(
        "sk",
        help=tr("terbitkan SK (petikan/salinan), register nomor, pembatalan"),
        description=tr(
            "merit sk TEMPLAT --nip NIP...: terbitkan. merit sk register: daftar nomor. "
            "merit sk cancel NOMOR --alasan TEKS: batalkan. merit sk templat: daftar templat."
        ),
    )
    p.add_argument("templat", metavar="TEMPLAT|register|cancel|templat|penomoran")
    p.add_argument("nomor", nargs="?", metavar="NOMOR", help=tr("cancel: nomor dokumen"))
    p.add_argument("--nip", nargs="+", default=[], metavar="NIP", help=tr("pegawai, berurutan"))
    p.add_argument("--out", type=Path, metavar="FOLDER", help=tr("folder keluaran (bawaan: .)"))
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--petikan", dest="jenis", action="store_const", const="petikan")
    kind.add_argument("--salinan", dest="jenis", action="store_const", const="salinan")
    kind.add_argument("--asli", dest="jenis", action="store_const", const="asli")
    p.add_argument(
        "--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH", help=tr("tanggal penetapan")
    )
    p.add_argument(
        "--nilai",
        action="append",
        default=[],
        metavar="[NIP:]KUNCI=NILAI",
        help=tr("nilai isian, mis. gaji_pokok=4699300 atau 1985...:jabatan_baru=Analis SDM"),
    )
    p.add_argument("--tahun", type=int, metavar="TTTT", help=tr("register: tahun"))
    p.add_argument("--status", choices=["TERBIT", "BATAL"], help=tr("register: status"))
    p.add_argument("--cari", default="", metavar="TEKS", help=tr("register: cari nomor/nama/NIP"))
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--alasan", metavar="TEKS", help=tr("cancel: alasan pembatalan"))
    p.add_argument("--filter-templat", dest="filter_templat", metavar="KODE", help=tr("templat"))
    p.add_argument("--ambil", action="store_true", help=tr("penomoran: pindahkan ke instalasi ini"))
    p.set_defaults(handler=cmd_sk)

    p = sub.add_parser(
        "verify",
        aliases=["verifikasi"],
        help=tr("periksa keaslian SK dari berkas PDF atau kodenya"),
        description=tr(
            "Periksa naskah SK terbitan Merit: berkas PDF (per orang atau gabungan) atau kode\n"
            "verifikasinya. Entri register diperiksa dulu (kode HMAC dengan kunci verifikasi\n"
            "instansi, tanda tangan instalasi penerbit); lalu setiap halaman digambar dan\n"
            "dibandingkan dengan sidik tampilan yang disimpan saat terbit."
        ),
        epilog=VERIFY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("sumber", metavar="BERKAS.pdf|KODE")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_verify)


def _parse_nilai(items: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """``KUNCI=NILAI`` (everyone) and ``NIP:KUNCI=NILAI`` (one person)."""
    umum: dict[str, str] = {}
    per: dict[str, dict[str, str]] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError(
                tr("--nilai '{item}' harus berbentuk KUNCI=NILAI atau NIP:KUNCI=NILAI.", item=item),
                field="nilai",
            )
        nip, colon, name = key.partition(":")
        if colon:
            per.setdefault(nip.strip(), {})[name.strip()] = value.strip()
        else:
            umum[key.strip()] = value.strip()
    return umum, per


def cmd_sk(ctx: Context, args: argparse.Namespace) -> int:
    """``merit sk TEMPLAT ...`` issues; ``register``, ``cancel``, ``templat`` and ``penomoran``
    in the place of TEMPLAT do those instead."""
    db = ctx.db
    # The built-in templates are the system's own defaults (written once, as the system): a
    # reader who may not change settings can still list the templates and the register.
    templat_bawaan.seed_templates(db, actor="sistem")
    action = SK_ACTIONS.get(args.templat.lower(), _sk_issue)
    return action(ctx, args)


def _sk_register(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    rows = register_dokumen.read_register(
        db,
        ctx.actor,
        tahun=args.tahun,
        templat=args.filter_templat,
        status=args.status,
        search=args.cari,
    )
    if args.format == "json":
        write_json(out, [r.to_json() for r in rows])
        return ExitCode.OK
    print(f"{tr('NOMOR'):<30} {tr('TANGGAL'):<18} {tr('STATUS'):<7} {tr('PEGAWAI')}", file=out)
    for r in rows:
        names = r.nama_pegawai if len(r.pegawai) <= 1 else tr("{n} pegawai", n=len(r.pegawai))
        print(f"{r.nomor:<30} {tanggal(r.tanggal):<18} {r.status:<7} {names}", file=out)
        if r.batal:
            print("    " + tr("dibatalkan: {alasan}", alasan=r.alasan_batal), file=out)
    print(tr("{n} dokumen", n=angka(len(rows))), file=out)
    return ExitCode.OK


def _sk_cancel(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    if not args.nomor:
        raise ValidationError(tr("Sebutkan nomor dokumen yang dibatalkan."), field="nomor")
    if not args.alasan:
        raise ValidationError(tr("Alasan pembatalan wajib diisi (--alasan)."), field="alasan")
    row = register_dokumen.cancel(
        db, args.nomor, args.alasan, actor=ctx.actor, templat=args.filter_templat
    )
    print(
        tr("Dokumen {nomor} dibatalkan: {alasan}", nomor=row.nomor, alasan=row.alasan_batal),
        file=ctx.out,
    )
    return ExitCode.OK


def _sk_templat(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    for t in templat.list_templates(db.conn):
        need = ", ".join(templat.needed_inputs(t)) or "-"
        print(f"{t.kode:<12} {t.bentuk:<11} {t.nama}  ({tr('isian')}: {need})", file=ctx.out)
    return ExitCode.OK


def _sk_penomoran(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    if args.ambil:
        penomoran.take_numbering(db, actor=ctx.actor)
    holder = penomoran.numbering_installation(db.conn)
    if holder is None:
        print(
            tr("Penomoran belum dipegang instalasi mana pun (diambil saat terbit pertama)."),
            file=out,
        )
    elif holder == db.node_id:
        print(tr("Penomoran dokumen dipegang instalasi ini ({node}).", node=holder[:8]), file=out)
    else:
        print(tr("Penomoran dokumen dipegang instalasi lain ({node}).", node=holder[:8]), file=out)
    return ExitCode.OK


def _sk_issue(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    if not args.nip:
        raise ValidationError(tr("Sebutkan pegawai dengan --nip NIP..."), field="nip")
    umum, per = _parse_nilai(args.nilai)
    req = rancangan.Permintaan(
        templat=args.templat.upper(),
        nips=tuple(args.nip),
        tanggal=args.tanggal or date.today(),
        jenis=args.jenis or "petikan",
        nilai=umum,
        nilai_pegawai=per,
    )
    result = dokumen_jobs.issue(
        db, ctx.actor, dokumen_jobs.IssueRequest(req, args.out or Path("."))
    )
    for nomor in result.nomor:
        print(tr("Terbit: {nomor}", nomor=nomor), file=out)
    for f in result.berkas:
        print(f"  {f.path}  {tr('kode')} {f.kode}", file=out)
    print(tr("Gabungan: {path}", path=result.gabungan), file=out)
    return ExitCode.OK


# What ``merit sk WORD`` does when WORD is not a template code.
SK_ACTIONS: dict[str, Handler] = {
    "register": _sk_register,
    "daftar": _sk_register,
    "cancel": _sk_cancel,
    "batal": _sk_cancel,
    "templat": _sk_templat,
    "penomoran": _sk_penomoran,
}


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    result = dokumen_jobs.verify(db, ctx.actor, args.sumber)
    reg = result.register
    code = VERIFY_EXIT.get(str(result.status), ExitCode.FAILED)
    if args.format == "json":
        write_json(
            out,
            {
                "status": str(result.status),
                "hasil": result.judul,
                "pesan": result.pesan,
                "kode": result.kode,
                "asli": result.ok,
                "halaman": result.halaman,
                "dokumen": result.dokumen,
                "hanya_teks": result.hanya_teks,
                "kode_keluar": int(code),
                "jenis": result.jenis,
                "nip": result.nip,
                "register": reg.to_json() if reg else None,
            },
        )
    else:
        print(result.judul, file=out)
        print(result.pesan, file=out)
        if reg is not None:
            lines = (
                (tr("Nomor"), reg.nomor),
                (tr("Tanggal"), tanggal(reg.tanggal)),
                (tr("Perihal"), reg.perihal),
                (tr("Pegawai"), reg.nama_pegawai),
                (tr("Naskah"), f"{result.jenis} {result.nip}".strip()),
                (tr("Status"), reg.status + (f" ({reg.alasan_batal})" if reg.batal else "")),
            )
            for label, value in lines:
                print(f"  {label:<9} {value}", file=out)
    return code
