"""``merit cuti ...``: leave (issue 17; :mod:`app.models.cuti`).

* ``merit cuti kalender import FILE`` (.csv/.xlsx with tanggal, jenis, keterangan),
  ``kalender tambah TANGGAL [--jenis libur|cuti-bersama] [--keterangan T]``,
  ``kalender hapus TANGGAL``, ``kalender list [--tahun Y] [--format json]``,
  ``kalender atur [--hari-kerja 5|6] [--bersama-kurangi 0|1]``.
* ``merit cuti saldo NIP [--tahun Y] [--format json]``: JSON ``tahunan_hak``,
  ``tahunan_bawaan``, ``tahunan_penyesuaian``, ``tahunan_tersedia``, ``tahunan_dipakai``,
  ``tahunan_ditangguhkan``, ``tahunan_sisa``, ``tahunan_bawaan_berikut``, ``besar_tersedia``,
  ``besar_sejak``, ``cltn_sejak``, ``sakit_hari``, ``melahirkan_dipakai``, ``riwayat``.
* ``merit cuti ajukan NIP --jenis J --dari D --sampai D --alasan T [--alamat A]
  [--lampiran F...] [--anak-ke N]``: prints the id.
* ``merit cuti rekomendasi ID --setuju|--tunda|--tolak [--catatan T]`` (direct superior),
  ``merit cuti putus ID --setuju|--ubah --dari D --sampai D|--tunda|--tolak [--alasan T]``
  (authorised official), ``merit cuti batal ID [--alasan T]``.
* ``merit cuti surat ID --out DIR [--tanggal D]``: the surat izin cuti of an approved leave
  (template IZIN_CUTI of the document engine; its signatory must be filled in first).
* ``merit cuti rekap --tahun Y --bulan M [--unit U] --out FILE.xlsx``: who is on leave in the
  month per unit, and the cuti tahunan balances of the year.
* ``merit cuti formulir ID --out FILE.pdf``: the request form (Anak Lampiran I.b).
* ``merit cuti kembali ID [--tanggal D]``: the day the employee reported back to duty.
* ``merit cuti koreksi NIP --tahun Y --hari N --alasan T``: a dated correction of a balance.
* ``merit cuti list [--unit U] [--status S] [--nip N] [--tahun Y] [--format json]``.

Exit codes: 2 invalid input or a refused request (with every reason), 3 not found, 6 access
refused.
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
from app.cli.output import write_json
from app.i18n import tanggal, tr
from app.models.access.akses import require
from app.models.cuti import kalender as kal
from app.models.cuti import permohonan as cuti
from app.models.cuti.permohonan import Cuti, Permohonan
from app.models.cuti.saldo import hari_tidak_dihitung, read_saldo
from app.models.errors import ValidationError
from app.models.organisasi.units import find_unit
from app.models.pegawai.read import find_pegawai_id

JENIS = ("TAHUNAN", "BESAR", "SAKIT", "MELAHIRKAN", "ALASAN_PENTING", "CLTN")


def _jenis(text: str) -> str:
    key = text.strip().upper().replace("-", "_").replace(" ", "_")
    key = {"PENTING": "ALASAN_PENTING", "CAP": "ALASAN_PENTING"}.get(key, key)
    if key not in JENIS:
        raise argparse.ArgumentTypeError(
            tr(
                "--jenis '{t}' tidak dikenal; pilih salah satu: {d}",
                t=text,
                d=", ".join(j.lower().replace("_", "-") for j in JENIS),
            )
        )
    return key


def _jenis_tanggal(text: str) -> str:
    key = text.strip().upper().replace("-", "_").replace(" ", "_")
    if key not in kal.JENIS_TANGGAL:
        raise argparse.ArgumentTypeError(
            tr("--jenis '{t}' tidak dikenal; pilih libur atau cuti-bersama", t=text)
        )
    return key


def _hari(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("--hari '{t}' bukan bilangan bulat (boleh negatif)", t=text)
        ) from None


def register(sub: Commands) -> None:
    """Add ``cuti`` to the ``merit`` sub-commands."""
    p = sub.add_parser("cuti", help=tr("cuti pegawai: kalender, saldo, permohonan, keputusan"))
    cmds = p.add_subparsers(dest="cuti_command", metavar="PERINTAH", required=True)

    k = cmds.add_parser("kalender", help=tr("kalender hari libur dan cuti bersama"))
    kc = k.add_subparsers(dest="kalender_command", metavar="PERINTAH", required=True)
    q = kc.add_parser("import", aliases=["impor"], help=tr("impor kalender dari .csv/.xlsx"))
    q.add_argument("file", type=Path, metavar="FILE")
    q.set_defaults(handler=cmd_kalender_import)
    q = kc.add_parser("tambah", help=tr("tambah tanggal libur atau cuti bersama"))
    q.add_argument("tanggal", type=cli_args.tanggal, metavar="TANGGAL")
    q.add_argument("--jenis", type=_jenis_tanggal, default="LIBUR")
    q.add_argument("--keterangan", default="")
    q.set_defaults(handler=cmd_kalender_tambah)
    q = kc.add_parser("hapus", help=tr("hapus tanggal dari kalender"))
    q.add_argument("tanggal", type=cli_args.tanggal, metavar="TANGGAL")
    q.set_defaults(handler=cmd_kalender_hapus)
    q = kc.add_parser("list", aliases=["daftar"], help=tr("daftar tanggal kalender"))
    q.add_argument("--tahun", type=cli_args.tahun)
    cli_args.add_format_text_json(q)
    q.set_defaults(handler=cmd_kalender_list)
    q = kc.add_parser("atur", help=tr("hari kerja per minggu; cuti bersama mengurangi hak"))
    q.add_argument("--hari-kerja", choices=("5", "6"))
    q.add_argument("--bersama-kurangi", choices=("0", "1"))
    q.set_defaults(handler=cmd_kalender_atur)

    q = cmds.add_parser("saldo", help=tr("saldo dan riwayat cuti seorang pegawai"))
    q.add_argument("nip", metavar="NIP")
    q.add_argument("--tahun", type=cli_args.tahun)
    cli_args.add_format_text_json(q)
    q.set_defaults(handler=cmd_saldo)

    q = cmds.add_parser("ajukan", help=tr("catat permohonan cuti"))
    q.add_argument("nip", metavar="NIP")
    q.add_argument("--jenis", type=_jenis, required=True)
    q.add_argument("--dari", type=cli_args.tanggal, required=True, metavar="TANGGAL")
    q.add_argument("--sampai", type=cli_args.tanggal, required=True, metavar="TANGGAL")
    q.add_argument("--alasan", required=True)
    q.add_argument("--alamat", default="", help=tr("alamat selama menjalankan cuti"))
    q.add_argument("--lampiran", nargs="+", action="extend", default=[], metavar="BERKAS")
    q.add_argument("--anak-ke", type=cli_args.bilangan_tak_negatif)
    q.set_defaults(handler=cmd_ajukan)

    q = cmds.add_parser("rekomendasi", help=tr("pertimbangan atasan langsung"))
    q.add_argument("id", metavar="ID")
    g = q.add_mutually_exclusive_group(required=True)
    for flag in ("setuju", "tunda", "tolak"):
        g.add_argument(f"--{flag}", dest="pilihan", action="store_const", const=flag.upper())
    q.add_argument("--catatan", default="")
    q.set_defaults(handler=cmd_rekomendasi)

    q = cmds.add_parser("putus", help=tr("keputusan pejabat yang berwenang"))
    q.add_argument("id", metavar="ID")
    g = q.add_mutually_exclusive_group(required=True)
    for flag in ("setuju", "ubah", "tunda", "tolak"):
        g.add_argument(f"--{flag}", dest="pilihan", action="store_const", const=flag.upper())
    q.add_argument("--alasan", default="")
    q.add_argument("--dari", type=cli_args.tanggal, metavar="TANGGAL")
    q.add_argument("--sampai", type=cli_args.tanggal, metavar="TANGGAL")
    q.set_defaults(handler=cmd_putus)

    q = cmds.add_parser("batal", help=tr("batalkan cuti sebelum tanggal mulai"))
    q.add_argument("id", metavar="ID")
    q.add_argument("--alasan", default="")
    q.set_defaults(handler=cmd_batal)

    q = cmds.add_parser("surat", help=tr("terbitkan surat izin cuti (cuti yang disetujui)"))
    q.add_argument("id", metavar="ID")
    q.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    q.add_argument("--tanggal", type=cli_args.tanggal, metavar="TANGGAL")
    q.set_defaults(handler=cmd_surat)

    q = cmds.add_parser("rekap", help=tr("rekap cuti sebulan per unit dan saldo setahun (.xlsx)"))
    q.add_argument("--tahun", type=cli_args.tahun, required=True)
    q.add_argument("--bulan", type=int, choices=range(1, 13), metavar="1-12", required=True)
    q.add_argument("--unit", metavar="U")
    q.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    q.set_defaults(handler=cmd_rekap)

    q = cmds.add_parser("formulir", help=tr("formulir permintaan dan pemberian cuti (.pdf)"))
    q.add_argument("id", metavar="ID")
    q.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    q.set_defaults(handler=cmd_formulir)

    q = cmds.add_parser("kembali", help=tr("catat tanggal kembali bekerja setelah cuti"))
    q.add_argument("id", metavar="ID")
    q.add_argument("--tanggal", type=cli_args.tanggal, metavar="TANGGAL")
    q.set_defaults(handler=cmd_kembali)

    q = cmds.add_parser("koreksi", help=tr("penyesuaian saldo cuti tahunan, dengan alasan"))
    q.add_argument("nip", metavar="NIP")
    q.add_argument("--tahun", type=cli_args.tahun, required=True)
    q.add_argument("--hari", type=_hari, required=True)
    q.add_argument("--alasan", required=True)
    q.set_defaults(handler=cmd_koreksi)

    q = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar cuti"))
    q.add_argument("--unit", metavar="U")
    q.add_argument("--status", type=str.upper, choices=tuple(cuti.STATUS), metavar="STATUS")
    q.add_argument("--nip", metavar="NIP")
    q.add_argument("--tahun", type=cli_args.tahun)
    cli_args.add_format_text_json(q)
    q.set_defaults(handler=cmd_list)


# -- calendar ------------------------------------------------------------------------------------


def cmd_kalender_import(ctx: Context, args: argparse.Namespace) -> int:
    n = kal.import_kalender(ctx.db, args.file, actor=ctx.actor)
    ctx.out.write(tr("{n} tanggal kalender disimpan.", n=n) + "\n")
    return ExitCode.OK


def cmd_kalender_tambah(ctx: Context, args: argparse.Namespace) -> int:
    item = kal.TanggalKalender(args.tanggal, args.jenis, args.keterangan)
    kal.write_tanggal(ctx.db, [item], actor=ctx.actor)
    ctx.out.write(
        tr("{t}: {j} disimpan.", t=tanggal(args.tanggal), j=tr(kal.JENIS_TANGGAL[args.jenis]))
        + "\n"
    )
    return ExitCode.OK


def cmd_kalender_hapus(ctx: Context, args: argparse.Namespace) -> int:
    item = kal.TanggalKalender(args.tanggal, "LIBUR", "")
    n = kal.write_tanggal(ctx.db, [item], actor=ctx.actor, hapus=True)
    if not n:
        raise ValidationError(
            tr("{t} tidak ada di kalender.", t=tanggal(args.tanggal)), field="tanggal"
        )
    ctx.out.write(tr("{t} dihapus dari kalender.", t=tanggal(args.tanggal)) + "\n")
    return ExitCode.OK


def cmd_kalender_list(ctx: Context, args: argparse.Namespace) -> int:
    conn = ctx.db.conn
    rows = kal.list_tanggal(conn, args.tahun)
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "hari_kerja_per_minggu": kal.hari_per_minggu(conn),
                "cuti_bersama_kurangi_tahunan": kal.get_setelan(
                    conn, "cuti_bersama_kurangi_tahunan"
                )
                or None,
                "tanggal": [
                    {"tanggal": r.tanggal.isoformat(), "jenis": r.jenis, "keterangan": r.keterangan}
                    for r in rows
                ],
            },
        )
        return ExitCode.OK
    for r in rows:
        ctx.out.write(
            f"{r.tanggal.isoformat()}  {tr(kal.JENIS_TANGGAL[r.jenis]):<14} {r.keterangan}\n"
        )
    ctx.out.write(tr("{n} tanggal.", n=len(rows)) + "\n")
    return ExitCode.OK


def cmd_kalender_atur(ctx: Context, args: argparse.Namespace) -> int:
    values = {}
    if args.hari_kerja:
        values["cuti_hari_kerja"] = args.hari_kerja
    if args.bersama_kurangi:
        values["cuti_bersama_kurangi_tahunan"] = args.bersama_kurangi
    if not values:
        raise ValidationError(
            tr("Sebutkan --hari-kerja atau --bersama-kurangi."), field="hari-kerja"
        )
    kal.set_setelan(ctx.db, values, actor=ctx.actor)
    ctx.out.write(tr("Pengaturan cuti disimpan.") + "\n")
    return ExitCode.OK


# -- balances and requests -----------------------------------------------------------------------


def cmd_saldo(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    pid = find_pegawai_id(conn, args.nip)
    require(db, ctx.actor, "pegawai.baca", pegawai_id=pid)
    tahun = args.tahun or date.today().year
    s = read_saldo(conn, pid, tahun)
    t = s.tahunan
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "nip": s.orang.nip,
                "nama": s.orang.nama,
                "jenis_asn": s.orang.jenis_asn,
                "tahun": tahun,
                "tahunan_hak": t.hak,
                "tahunan_bawaan": t.bawaan,
                "tahunan_penyesuaian": t.penyesuaian,
                "tahunan_tersedia": t.tersedia,
                "tahunan_dipakai": t.dipakai,
                "tahunan_ditangguhkan": t.ditangguhkan,
                "tahunan_sisa": t.sisa,
                "tahunan_bawaan_berikut": t.bawaan_berikut,
                "besar_tersedia": s.besar_tersedia,
                "besar_sejak": s.besar_sejak.isoformat() if s.besar_sejak else None,
                "cltn_sejak": s.cltn_sejak.isoformat() if s.cltn_sejak else None,
                "hari_tidak_dihitung_masa_kerja": hari_tidak_dihitung(
                    conn, pid, date(tahun, 12, 31)
                ),
                "sakit_hari": s.sakit_hari,
                "melahirkan_dipakai": s.melahirkan_dipakai,
                "riwayat": [_json(c) for c in cuti.list_cuti(conn, pegawai_id=pid)],
            },
        )
        return ExitCode.OK
    out = ctx.out
    out.write(f"{s.orang.nip}  {s.orang.nama}  ({s.orang.jenis_asn})\n")
    out.write(
        tr(
            "Cuti tahunan {y}: hak {h}, bawaan {b}, penyesuaian {p}, tersedia {t}, dipakai {d}, "
            "sisa {s} hari kerja.",
            y=tahun,
            h=t.hak,
            b=t.bawaan,
            p=t.penyesuaian,
            t=t.tersedia,
            d=t.dipakai,
            s=t.sisa,
        )
        + "\n"
    )
    besar = tr("ya") if s.besar_tersedia else tr("tidak")
    out.write(
        tr("Cuti besar dapat diambil: {b} (berhak sejak {d}).", b=besar, d=tanggal(s.besar_sejak))
        + "\n"
    )
    for c in cuti.list_cuti(conn, pegawai_id=pid):
        out.write(_line(c))
    return ExitCode.OK


def _json(c: Cuti) -> dict[str, Any]:
    return {
        "id": c.id,
        "nip": c.nip,
        "nama": c.nama,
        "unit": c.unit_nama,
        "jenis": c.jenis,
        "jenis_nama": c.jenis_nama,
        "dari": c.mulai.isoformat(),
        "sampai": c.selesai.isoformat(),
        "lama": c.lama,
        "satuan": c.satuan,
        "tahun": c.tahun,
        "status": c.status,
        "alasan": c.alasan,
        "alamat": c.alamat,
        "lampiran": list(c.lampiran),
        "rekomendasi": c.rekomendasi,
        "keputusan_catatan": c.keputusan_catatan,
        "usul_dari": c.usul_mulai.isoformat() if c.usul_mulai else None,
        "usul_sampai": c.usul_selesai.isoformat() if c.usul_selesai else None,
        "kembali": c.kembali.isoformat() if c.kembali else None,
    }


def _line(c: Cuti) -> str:
    return (
        f"{c.id[:8]}  {c.nip}  {c.nama}  {c.jenis_nama}  {c.mulai.isoformat()} s.d. "
        f"{c.selesai.isoformat()}  {c.lama_teks}  [{c.status_label}]\n"
    )


def cmd_ajukan(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    pid = find_pegawai_id(db.conn, args.nip)
    p = Permohonan(
        args.jenis,
        args.dari,
        args.sampai,
        args.alasan,
        args.alamat,
        tuple(args.lampiran),
        args.anak_ke,
    )
    cid = cuti.ajukan(db, pid, p, actor=ctx.actor)
    c = cuti.get_cuti(db.conn, cid)
    ctx.out.write(cid + "\n")
    ctx.out.write(tr("Permohonan {j} {l} dicatat.", j=c.jenis_nama, l=c.lama_teks) + "\n")
    return ExitCode.OK


def cmd_rekomendasi(ctx: Context, args: argparse.Namespace) -> int:
    cuti.rekomendasikan(ctx.db, args.id, args.pilihan, catatan=args.catatan, actor=ctx.actor)
    ctx.out.write(tr("Pertimbangan atasan dicatat.") + "\n")
    return ExitCode.OK


def cmd_putus(ctx: Context, args: argparse.Namespace) -> int:
    if args.pilihan == "UBAH" and (args.dari is None or args.sampai is None):
        raise ValidationError(tr("--ubah memerlukan --dari dan --sampai."), field="dari")
    c = cuti.putuskan(
        ctx.db,
        args.id,
        args.pilihan,
        catatan=args.alasan,
        mulai=args.dari,
        selesai=args.sampai,
        actor=ctx.actor,
    )
    ctx.out.write(_line(c))
    return ExitCode.OK


def cmd_batal(ctx: Context, args: argparse.Namespace) -> int:
    cuti.batalkan(ctx.db, args.id, actor=ctx.actor, alasan=args.alasan)
    ctx.out.write(tr("Cuti dibatalkan.") + "\n")
    return ExitCode.OK


def cmd_surat(ctx: Context, args: argparse.Namespace) -> int:
    from app.jobs import cuti as cuti_jobs  # lazy: reportlab and openpyxl, only for this command

    request = cuti_jobs.SuratCutiRequest(args.id, args.out, args.tanggal or date.today())
    hasil = cuti_jobs.issue_surat_cuti(ctx.db, ctx.actor, request)
    for nomor, berkas in zip(hasil.nomor, hasil.berkas, strict=False):
        ctx.out.write(f"{nomor}  {berkas.path}\n")
    ctx.out.write(tr("Surat izin cuti terbit.") + "\n")
    return ExitCode.OK


def cmd_rekap(ctx: Context, args: argparse.Namespace) -> int:
    from app.jobs import cuti as cuti_jobs  # lazy: openpyxl, only for this command

    unit_id = find_unit(ctx.db.conn, args.unit) if args.unit else None
    request = cuti_jobs.RekapCutiRequest(args.out, args.tahun, args.bulan, unit_id)
    counts = cuti_jobs.write_rekap_cuti(ctx.db, ctx.actor, request)
    for sheet, n in counts.items():
        ctx.out.write(tr("{s}: {n} baris", s=sheet, n=n) + "\n")
    ctx.out.write(str(args.out) + "\n")
    return ExitCode.OK


def cmd_formulir(ctx: Context, args: argparse.Namespace) -> int:
    from app.jobs import cuti as cuti_jobs  # lazy: reportlab, only for this command

    path = cuti_jobs.write_formulir(ctx.db, ctx.actor, args.id, args.out)
    ctx.out.write(str(path) + "\n")
    return ExitCode.OK


def cmd_kembali(ctx: Context, args: argparse.Namespace) -> int:
    pada = args.tanggal or date.today()
    late = cuti.catat_kembali(ctx.db, args.id, pada, actor=ctx.actor)
    c = cuti.get_cuti(ctx.db.conn, args.id)
    ctx.out.write(tr("Kembali bekerja {t} dicatat.", t=tanggal(pada)) + "\n")
    if late:
        ctx.out.write(
            tr(
                "Perhatian: cuti berakhir {s}; {n} hari kerja tanpa keterangan sesudahnya.",
                s=tanggal(c.selesai),
                n=late,
            )
            + "\n"
        )
    return ExitCode.OK


def cmd_koreksi(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    pid = find_pegawai_id(db.conn, args.nip)
    cuti.koreksi_saldo(db, pid, args.tahun, args.hari, args.alasan, actor=ctx.actor)
    ctx.out.write(tr("Penyesuaian saldo dicatat.") + "\n")
    return ExitCode.OK


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    unit_id = find_unit(conn, args.unit) if args.unit else None
    pid = find_pegawai_id(conn, args.nip) if args.nip else None
    dari = date(args.tahun, 1, 1) if args.tahun else None
    sampai = date(args.tahun, 12, 31) if args.tahun else None
    rows = cuti.daftar_cuti(
        db, ctx.actor, unit_id=unit_id, status=args.status, pegawai_id=pid, dari=dari, sampai=sampai
    )
    if args.format == "json":
        write_json(ctx.out, {"cuti": [_json(c) for c in rows]})
        return ExitCode.OK
    for c in rows:
        ctx.out.write(_line(c))
    ctx.out.write(tr("{n} cuti.", n=len(rows)) + "\n")
    return ExitCode.OK
