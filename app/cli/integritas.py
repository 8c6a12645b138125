"""``merit pengaduan ...``, ``merit disiplin ...`` and ``merit pengawasan ...`` (issue 16).

* ``merit pengaduan add --perihal T --kanal K [--tanggal D] [--identitas TERBUKA|ANONIM|RAHASIA]
  [--nama N --nik N --telepon T --email E --alamat A] [--unit U] [--kategori K] [--layanan L]
  [--nip NIP...] [--lampiran BERKAS...] [--nomor X] [--uraian T]``: take in a complaint; prints
  its id.
* ``merit pengaduan list [--status S] [--dari D] [--sampai D] [--unit U] [--terlambat]
  [--format json]``; ``merit pengaduan show ID [--format json]``. JSON rows: ``id``, ``nomor``,
  ``tanggal_terima``, ``kanal``, ``identitas``, ``pelapor`` (null when withheld or anonymous),
  ``perihal``, ``unit``, ``kategori``, ``status``, ``triase``, ``petugas``, ``tanggal_selesai``;
  with ``--terlambat``: ``id``, ``perihal``, ``tahap``, ``batas``, ``hari_lewat``.
* ``merit pengaduan assign ID --petugas P``, ``triase ID --hasil H [--tujuan I]``,
  ``note ID --isi T [--tanggapan]``, ``close ID --hasil T --jawaban T``, ``lampiran ID BERKAS``
  (each with ``--tanggal D``, default today).
* ``merit disiplin kasus --nip NIP --dugaan T [--tingkat L] [--pengaduan ID] [--tanggal D]``,
  ``list``, ``show ID``, ``panggil ID --ke 1|2 --surat D --periksa D [--tempat T]``,
  ``periksa ID --tanggal D --pemeriksa T --bap T [--tim]``, ``putus ID --hukuman K --nomor-sk X
  --tanggal-sk D [--diterima D] [--pejabat T]`` (an SK made elsewhere), ``sk ID --hukuman K
  --tanggal D --out DIR [--diterima D]`` (the SK hukuman disiplin through the decree engine, then
  the decision with its number), ``terima ID --tanggal D`` (receipt: the penalty's dates and the
  riwayat_hukdis row that blocks KP/KGB), ``keberatan ID --jenis KEBERATAN|BANDING
  --tanggal D``, ``hasil-keberatan ID --hasil TETAP|UBAH|BATAL --tanggal D [--hukuman K]``,
  ``tutup ID --alasan T``, ``alpa --hari N``, ``surat-panggilan ID --ke 1|2 --out DIR`` (the
  letter through the decree engine; prints number and file).
* ``merit pengaduan jawab ID --out DIR [--tanggal D]``: the reply letter to the complainant of a
  closed complaint (not for an anonymous one).
* ``merit pengaduan segel-ulang``: seal the confidential complainants this installation can
  open again for the installations that handle complaints now (after the roster gave another
  installation the kind ``integritas``); prints how many (app/models/pengaduan/segel.py).
* ``merit pengawasan rekap --dari D --sampai D --out F.xlsx``: the oversight recap (no personal
  data); ``merit pengawasan publik --tahun Y --out F.pdf``: the same figures of a year as a PDF
  an office can publish.

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
from app.jobs import pengawasan as pengawasan_jobs
from app.models.disiplin import kasus as dk
from app.models.organisasi.units import find_unit
from app.models.pegawai.read import find_pegawai_id
from app.models.pengaduan import lapor
from app.models.pengaduan import register as adu


def register(sub: Commands) -> None:
    """Add ``pengaduan``, ``disiplin`` and ``pengawasan`` to the ``merit`` sub-commands."""
    _register_pengaduan(sub)
    _register_disiplin(sub)
    p = sub.add_parser("pengawasan", help=tr("rekap pengaduan dan disiplin tanpa data pribadi"))
    cmds = p.add_subparsers(dest="pengawasan_command", metavar="PERINTAH", required=True)
    p = cmds.add_parser("rekap", help=tr("rekap pengawasan periode sebagai .xlsx"))
    p.add_argument("--dari", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p.add_argument("--sampai", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS.xlsx")
    p.set_defaults(handler=cmd_rekap)
    p = cmds.add_parser(
        "publik", help=tr("ringkasan publik setahun sebagai PDF (tanpa data pribadi)")
    )
    p.add_argument("--tahun", type=cli_args.tahun, required=True)
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS.pdf")
    p.set_defaults(handler=cmd_publik)


def _tanggal(p: argparse.ArgumentParser, name: str = "--tanggal", **kw: Any) -> None:
    p.add_argument(name, type=cli_args.tanggal, metavar="TTTT-BB-HH", **kw)


def _register_pengaduan(sub: Commands) -> None:
    p = sub.add_parser("pengaduan", help=tr("pengaduan masyarakat"))
    cmds = p.add_subparsers(dest="pengaduan_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("import", aliases=["impor"], help=tr("impor ekspor SP4N-LAPOR!"))
    p.add_argument("file", type=Path)
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="KOLOM=JUDUL",
        help=tr('ganti pemetaan kolom, mis. tiket="No. Tiket" (berulang)'),
    )
    p.add_argument("--dry-run", action="store_true", help=tr("periksa saja, tidak menyimpan"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_import)

    p = cmds.add_parser("add", aliases=["tambah"], help=tr("catat pengaduan baru"))
    p.add_argument("--perihal", required=True)
    p.add_argument("--kanal", required=True, type=str.upper, choices=list(adu.KANAL))
    _tanggal(p)
    p.add_argument("--identitas", type=str.upper, choices=list(adu.IDENTITAS), default="TERBUKA")
    for name in ("--nama", "--nik", "--telepon", "--email", "--alamat"):
        p.add_argument(name)
    p.add_argument("--unit", metavar="U")
    p.add_argument("--kategori", type=str.upper)
    p.add_argument("--layanan")
    p.add_argument("--uraian")
    p.add_argument("--nomor")
    p.add_argument("--nip", nargs="+", action="extend", default=[], metavar="NIP")
    p.add_argument("--lampiran", nargs="+", action="extend", default=[], metavar="BERKAS")
    p.set_defaults(handler=cmd_add)

    p = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar pengaduan"))
    p.add_argument("--status", type=str.upper, choices=list(adu.STATUS))
    _tanggal(p, "--dari")
    _tanggal(p, "--sampai")
    p.add_argument("--unit", metavar="U")
    p.add_argument("--terlambat", action="store_true", help=tr("hanya tahap yang lewat batas"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("show", aliases=["lihat"], help=tr("rincian satu pengaduan"))
    p.add_argument("id")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_show)

    p = cmds.add_parser("assign", aliases=["tugaskan"], help=tr("tugaskan petugas"))
    p.add_argument("id")
    p.add_argument("--petugas", required=True)
    _tanggal(p)
    p.set_defaults(handler=cmd_assign)

    p = cmds.add_parser("triase", help=tr("catat hasil triase"))
    p.add_argument("id")
    p.add_argument("--hasil", required=True, type=str.upper, choices=list(adu.TRIASE))
    p.add_argument("--tujuan", help=tr("instansi tujuan bila diteruskan"))
    p.add_argument("--catatan")
    _tanggal(p)
    p.set_defaults(handler=cmd_triase)

    p = cmds.add_parser("note", aliases=["catat"], help=tr("catat tindak lanjut"))
    p.add_argument("id")
    p.add_argument("--isi", required=True)
    p.add_argument("--tanggapan", action="store_true", help=tr("ini tanggapan pertama"))
    _tanggal(p)
    p.set_defaults(handler=cmd_note)

    p = cmds.add_parser("lampiran", help=tr("tambah rujukan berkas lampiran"))
    p.add_argument("id")
    p.add_argument("berkas")
    p.set_defaults(handler=cmd_lampiran)

    p = cmds.add_parser("jawab", help=tr("terbitkan surat jawaban kepada pelapor"))
    p.add_argument("id")
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    _tanggal(p)
    p.set_defaults(handler=cmd_jawab)

    p = cmds.add_parser(
        "segel-ulang", help=tr("segel ulang identitas pelapor rahasia untuk instalasi penangan")
    )
    p.set_defaults(handler=cmd_segel_ulang)

    p = cmds.add_parser("close", aliases=["selesai"], help=tr("tutup dengan hasil dan jawaban"))
    p.add_argument("id")
    p.add_argument("--hasil", required=True)
    p.add_argument("--jawaban", required=True)
    _tanggal(p)
    p.set_defaults(handler=cmd_close)


def _register_disiplin(sub: Commands) -> None:
    p = sub.add_parser("disiplin", help=tr("kasus disiplin PNS (PP 94/2021)"))
    cmds = p.add_subparsers(dest="disiplin_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("kasus", help=tr("buka kasus disiplin"))
    p.add_argument("--nip", required=True)
    p.add_argument("--dugaan", required=True)
    p.add_argument("--tingkat", type=str.upper, choices=list(dk.TINGKAT))
    p.add_argument("--pengaduan", metavar="ID")
    _tanggal(p)
    p.set_defaults(handler=cmd_kasus)

    p = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar kasus disiplin"))
    p.add_argument("--nip")
    p.add_argument("--status", type=str.upper, choices=list(dk.STATUS))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_kasus_list)

    p = cmds.add_parser("show", aliases=["lihat"], help=tr("rincian satu kasus"))
    p.add_argument("id")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_kasus_show)

    p = cmds.add_parser("panggil", help=tr("catat surat panggilan I/II"))
    p.add_argument("id")
    p.add_argument("--ke", type=int, choices=(1, 2), required=True)
    _tanggal(p, "--surat", required=True)
    _tanggal(p, "--periksa", required=True)
    p.add_argument("--tempat")
    p.set_defaults(handler=cmd_panggil)

    p = cmds.add_parser("surat-panggilan", help=tr("terbitkan surat panggilan I/II"))
    p.add_argument("id")
    p.add_argument("--ke", type=int, choices=(1, 2), required=True)
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    p.set_defaults(handler=cmd_surat_panggilan)

    p = cmds.add_parser("periksa", help=tr("catat pemeriksaan (BAP)"))
    p.add_argument("id")
    _tanggal(p, required=True)
    p.add_argument("--pemeriksa", required=True)
    p.add_argument("--bap", required=True)
    p.add_argument("--tim", action="store_true", help=tr("diperiksa oleh tim pemeriksa"))
    p.set_defaults(handler=cmd_periksa)

    p = cmds.add_parser("putus", help=tr("catat keputusan hukuman disiplin"))
    p.add_argument("id")
    p.add_argument("--hukuman", required=True, type=str.upper)
    p.add_argument("--nomor-sk", required=True)
    _tanggal(p, "--tanggal-sk", required=True)
    _tanggal(p, "--diterima")
    p.add_argument("--pejabat")
    p.set_defaults(handler=cmd_putus)

    p = cmds.add_parser("sk", help=tr("terbitkan SK hukuman disiplin dan catat putusannya"))
    p.add_argument("id")
    p.add_argument("--hukuman", required=True, type=str.upper)
    _tanggal(p, required=True)
    _tanggal(p, "--diterima")
    p.add_argument("--pejabat")
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    p.set_defaults(handler=cmd_sk)

    p = cmds.add_parser("terima", help=tr("catat tanggal keputusan diterima pegawai"))
    p.add_argument("id")
    _tanggal(p, required=True)
    p.set_defaults(handler=cmd_terima)

    p = cmds.add_parser("keberatan", help=tr("catat upaya administratif"))
    p.add_argument("id")
    p.add_argument("--jenis", type=str.upper, choices=list(dk.JENIS_KEBERATAN), required=True)
    _tanggal(p, required=True)
    p.set_defaults(handler=cmd_keberatan)

    p = cmds.add_parser("hasil-keberatan", help=tr("catat hasil upaya administratif"))
    p.add_argument("id")
    p.add_argument("--hasil", type=str.upper, choices=list(dk.HASIL_KEBERATAN), required=True)
    _tanggal(p, required=True)
    p.add_argument("--hukuman", type=str.upper)
    p.set_defaults(handler=cmd_hasil_keberatan)

    p = cmds.add_parser("tutup", help=tr("tutup kasus tanpa hukuman"))
    p.add_argument("id")
    p.add_argument("--alasan", required=True)
    p.set_defaults(handler=cmd_tutup)

    p = cmds.add_parser("alpa", help=tr("hukuman menurut jumlah hari tidak masuk tanpa alasan"))
    p.add_argument("--hari", type=cli_args.bilangan_tak_negatif, required=True)
    p.set_defaults(handler=cmd_alpa)

    p = cmds.add_parser(
        "absen", help=tr("saran hukuman bagi pegawai menurut jumlah hari tidak masuk tanpa alasan")
    )
    p.add_argument("nip")
    p.add_argument("--hari", type=cli_args.bilangan_tak_negatif, required=True)
    p.add_argument("--berturut", type=cli_args.bilangan_tak_negatif, default=0)
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_absen)


# -- pengaduan -----------------------------------------------------------------------------------


def _today(value: date | None) -> date:
    return value or date.today()


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    hasil = lapor.impor(ctx.db, ctx.actor, args.file, lapor.parse_peta(args.map), coba=args.dry_run)
    plan = hasil.rencana
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "kolom": plan.kolom,
                "baru": len(plan.baru),
                "sudah_ada": len(plan.ada),
                "ditulis": hasil.ditulis,
                "baris": [
                    {"baris": b.baris, "tiket": b.tiket, "status": b.status, "catatan": b.catatan}
                    for b in plan.baris
                ],
            },
        )
        return ExitCode.OK
    for b in plan.baris:
        extra = f" ({'; '.join(b.catatan)})" if b.catatan else ""
        ctx.out.write(f"{b.baris}\t{b.tiket}\t{b.status}{extra}\n")
    ctx.out.write(
        tr(
            "{b} laporan baru, {a} sudah ada, {w} disimpan.",
            b=len(plan.baru),
            a=len(plan.ada),
            w=hasil.ditulis,
        )
        + "\n"
    )
    return ExitCode.OK


def _json_pengaduan(p: adu.Pengaduan) -> dict[str, Any]:
    return {
        "id": p.id,
        "nomor": p.nomor,
        "tanggal_terima": p.tanggal_terima.isoformat(),
        "kanal": p.kanal,
        "identitas": p.identitas,
        "pelapor": p.pelapor.__dict__ if p.pelapor else None,
        "perihal": p.perihal,
        "unit": p.unit_nama,
        "kategori": p.kategori_kode,
        "status": p.status,
        "triase": p.triase,
        "petugas": p.petugas,
        "tanggal_tanggapan": p.tanggal_tanggapan.isoformat() if p.tanggal_tanggapan else None,
        "tanggal_selesai": p.tanggal_selesai.isoformat() if p.tanggal_selesai else None,
    }


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    data = adu.PengaduanBaru(
        tanggal_terima=_today(args.tanggal),
        kanal=args.kanal,
        perihal=args.perihal,
        identitas=args.identitas,
        pelapor=adu.Pelapor(args.nama, args.nik, args.alamat, args.telepon, args.email),
        uraian=args.uraian,
        unit_id=find_unit(conn, args.unit) if args.unit else None,
        layanan=args.layanan,
        kategori_kode=args.kategori,
        nomor=args.nomor,
        pegawai_ids=tuple(find_pegawai_id(conn, n) for n in args.nip),
        lampiran=tuple(args.lampiran),
    )
    ctx.out.write(adu.create_pengaduan(db, ctx.actor, data) + "\n")
    return ExitCode.OK


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    out = ctx.out
    if args.terlambat:
        late = adu.list_terlambat(db, ctx.actor, _today(args.sampai))
        if args.format == "json":
            write_json(
                out,
                [
                    {
                        "id": t.pengaduan_id,
                        "nomor": t.nomor,
                        "perihal": t.perihal,
                        "tahap": t.tahap,
                        "batas": t.batas.isoformat(),
                        "hari_lewat": t.hari_lewat,
                        "petugas": t.petugas,
                    }
                    for t in late
                ],
            )
            return ExitCode.OK
        for t in late:
            out.write(f"{t.pengaduan_id[:8]}  {adu.uraian_terlambat(t)}\n")
        out.write(tr("{n} tahap lewat batas.", n=len(late)) + "\n")
        return ExitCode.OK
    rows = adu.list_pengaduan(
        db,
        ctx.actor,
        status=args.status,
        dari=args.dari,
        sampai=args.sampai,
        unit_id=find_unit(db.conn, args.unit) if args.unit else None,
    )
    if args.format == "json":
        write_json(out, [_json_pengaduan(p) for p in rows])
        return ExitCode.OK
    for p in rows:
        out.write(
            f"{p.id[:8]}  {p.tanggal_terima.isoformat()}  {adu.label(adu.STATUS, p.status):<9} "
            f"{clip(p.perihal, 40):<40}  {clip(p.pelapor_teks, 20)}\n"
        )
    out.write(tr("{n} pengaduan.", n=len(rows)) + "\n")
    return ExitCode.OK


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    p = adu.find_pengaduan(ctx.db, ctx.actor, args.id)
    out = ctx.out
    if args.format == "json":
        data = _json_pengaduan(p)
        data.update(
            {
                "uraian": p.uraian,
                "hasil": p.hasil,
                "jawaban": p.jawaban,
                "pegawai": [{"nip": nip, "nama": nama} for _pid, nip, nama in p.pegawai],
                "lampiran": [{"nama": n, "lokasi": lok} for n, lok in p.lampiran],
                "catatan": [{"tanggal": t, "penulis": w, "isi": i} for t, w, i in p.catatan],
                "kasus": list(p.kasus_ids),
                "batas": {
                    k: v.isoformat()
                    for k, v in adu.batas_tahap(ctx.db.conn, p.tanggal_terima).items()
                },
            }
        )
        write_json(out, data)
        return ExitCode.OK
    lines = [
        (tr("Id"), p.id),
        (tr("Diterima"), tanggal(p.tanggal_terima)),
        (tr("Kanal"), adu.label(adu.KANAL, p.kanal)),
        (tr("Pelapor"), p.pelapor_teks),
        (tr("Perihal"), p.perihal),
        (tr("Unit"), p.unit_nama or "-"),
        (tr("Kategori"), p.kategori_nama or "-"),
        (tr("Status"), adu.label(adu.STATUS, p.status)),
        (tr("Triase"), adu.label(adu.TRIASE, p.triase) or "-"),
        (tr("Petugas"), p.petugas or "-"),
        (tr("Hasil"), p.hasil or "-"),
    ]
    for k, v in lines:
        out.write(f"{k:<10}: {v}\n")
    for t, w, i in p.catatan:
        out.write(f"  {t} {w}: {i}\n")
    return ExitCode.OK


def _id(ctx: Context, ref: str) -> str:
    return adu.find_pengaduan(ctx.db, ctx.actor, ref).id


def cmd_assign(ctx: Context, args: argparse.Namespace) -> int:
    adu.assign_petugas(ctx.db, ctx.actor, _id(ctx, args.id), args.petugas, on=_today(args.tanggal))
    ctx.out.write(tr("Petugas ditugaskan.") + "\n")
    return ExitCode.OK


def cmd_triase(ctx: Context, args: argparse.Namespace) -> int:
    adu.set_triase(
        ctx.db,
        ctx.actor,
        _id(ctx, args.id),
        args.hasil,
        on=_today(args.tanggal),
        instansi_tujuan=args.tujuan,
        catatan=args.catatan,
    )
    ctx.out.write(tr("Triase dicatat.") + "\n")
    return ExitCode.OK


def cmd_note(ctx: Context, args: argparse.Namespace) -> int:
    adu.add_catatan(
        ctx.db,
        ctx.actor,
        _id(ctx, args.id),
        args.isi,
        on=_today(args.tanggal),
        tanggapan=args.tanggapan,
    )
    ctx.out.write(tr("Catatan disimpan.") + "\n")
    return ExitCode.OK


def cmd_lampiran(ctx: Context, args: argparse.Namespace) -> int:
    adu.add_lampiran(ctx.db, ctx.actor, _id(ctx, args.id), args.berkas)
    ctx.out.write(tr("Lampiran dicatat.") + "\n")
    return ExitCode.OK


def cmd_segel_ulang(ctx: Context, args: argparse.Namespace) -> int:
    n = adu.segel_ulang(ctx.db, ctx.actor)
    ctx.out.write(tr("{n} identitas pelapor rahasia disegel ulang.", n=n) + "\n")
    return ExitCode.OK


def cmd_close(ctx: Context, args: argparse.Namespace) -> int:
    adu.close_pengaduan(
        ctx.db,
        ctx.actor,
        _id(ctx, args.id),
        hasil=args.hasil,
        jawaban=args.jawaban,
        on=_today(args.tanggal),
    )
    ctx.out.write(tr("Pengaduan selesai.") + "\n")
    return ExitCode.OK


def cmd_jawab(ctx: Context, args: argparse.Namespace) -> int:
    from app.jobs import integritas as jobs  # lazy: reportlab (the decree engine)

    hasil = jobs.issue_jawaban(
        ctx.db, ctx.actor, jobs.JawabanRequest(_id(ctx, args.id), args.out, args.tanggal)
    )
    for b in hasil.berkas:
        ctx.out.write(f"{hasil.nomor[0]}  {b.path}\n")
    return ExitCode.OK


# -- disiplin ------------------------------------------------------------------------------------


def _json_kasus(k: dk.Kasus) -> dict[str, Any]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "id": k.id,
        "nip": k.nip,
        "nama": k.nama,
        "pengaduan_id": k.pengaduan_id,
        "dugaan": k.dugaan,
        "tanggal_mulai": iso(k.tanggal_mulai),
        "tingkat_dugaan": k.tingkat_dugaan,
        "status": k.status,
        "hukuman": k.hukuman_kode,
        "tingkat": k.hukuman_tingkat,
        "pejabat": k.pejabat,
        "nomor_sk": k.nomor_sk,
        "tmt_mulai": iso(k.tmt_mulai),
        "tmt_selesai": iso(k.tmt_selesai),
        "batas_keberatan": iso(k.batas_keberatan),
        "keberatan": k.keberatan_jenis,
        "hasil_keberatan": k.keberatan_hasil,
        "panggilan": [
            {
                "ke": p.ke,
                "tanggal_surat": iso(p.tanggal_surat),
                "tanggal_periksa": iso(p.tanggal_periksa),
                "hadir": p.hadir,
            }
            for p in k.panggilan
        ],
    }


def _kasus_id(ctx: Context, ref: str) -> str:
    return dk.get_kasus(ctx.db, ctx.actor, ref).id


def cmd_kasus(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    aduan = adu.find_pengaduan(db, ctx.actor, args.pengaduan).id if args.pengaduan else None
    kid = dk.create_kasus(
        db,
        ctx.actor,
        dk.KasusBaru(
            pegawai_id=find_pegawai_id(db.conn, args.nip),
            dugaan=args.dugaan,
            tanggal_mulai=_today(args.tanggal),
            tingkat_dugaan=args.tingkat,
            pengaduan_id=aduan,
        ),
    )
    ctx.out.write(kid + "\n")
    return ExitCode.OK


def cmd_kasus_list(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    pid = find_pegawai_id(db.conn, args.nip) if args.nip else None
    rows = dk.list_kasus(db, ctx.actor, pegawai_id=pid, status=args.status)
    if args.format == "json":
        write_json(ctx.out, [_json_kasus(k) for k in rows])
        return ExitCode.OK
    for k in rows:
        ctx.out.write(
            f"{k.id[:8]}  {k.nip}  {clip(k.nama, 24):<24}  {k.status_label:<20} "
            f"{k.hukuman_kode or '-'}  {k.tmt_mulai or ''} {k.tmt_selesai or ''}\n"
        )
    ctx.out.write(tr("{n} kasus.", n=len(rows)) + "\n")
    return ExitCode.OK


def cmd_kasus_show(ctx: Context, args: argparse.Namespace) -> int:
    k = dk.get_kasus(ctx.db, ctx.actor, args.id)
    if args.format == "json":
        write_json(ctx.out, _json_kasus(k))
        return ExitCode.OK
    for key, value in _json_kasus(k).items():
        if key != "panggilan":
            ctx.out.write(f"{key:<16}: {'-' if value is None else value}\n")
    for p in k.panggilan:
        ctx.out.write(
            tr(
                "  Panggilan {ke}: surat {s}, pemeriksaan {p}",
                ke=p.ke,
                s=tanggal(p.tanggal_surat),
                p=tanggal(p.tanggal_periksa),
            )
            + "\n"
        )
    return ExitCode.OK


def cmd_panggil(ctx: Context, args: argparse.Namespace) -> int:
    dk.add_panggilan(
        ctx.db,
        ctx.actor,
        _kasus_id(ctx, args.id),
        args.ke,
        tanggal_surat=args.surat,
        tanggal_periksa=args.periksa,
        tempat=args.tempat,
    )
    ctx.out.write(tr("Panggilan {ke} dicatat.", ke=args.ke) + "\n")
    return ExitCode.OK


def cmd_surat_panggilan(ctx: Context, args: argparse.Namespace) -> int:
    from app.jobs import integritas as jobs  # lazy: reportlab (the decree engine)

    hasil = jobs.issue_surat_panggilan(
        ctx.db, ctx.actor, jobs.SuratPanggilanRequest(_kasus_id(ctx, args.id), args.ke, args.out)
    )
    for b in hasil.berkas:
        ctx.out.write(f"{hasil.nomor[0]}  {b.path}\n")
    return ExitCode.OK


def cmd_periksa(ctx: Context, args: argparse.Namespace) -> int:
    dk.record_pemeriksaan(
        ctx.db,
        ctx.actor,
        _kasus_id(ctx, args.id),
        tanggal_periksa=args.tanggal,
        pemeriksa=args.pemeriksa,
        bap=args.bap,
        tim=args.tim,
    )
    ctx.out.write(tr("Pemeriksaan dicatat.") + "\n")
    return ExitCode.OK


def cmd_putus(ctx: Context, args: argparse.Namespace) -> int:
    kid = _kasus_id(ctx, args.id)
    dk.putus(
        ctx.db,
        ctx.actor,
        kid,
        dk.Putusan(args.hukuman, args.nomor_sk, args.tanggal_sk, args.diterima, args.pejabat),
    )
    _write_effect(ctx, kid)
    return ExitCode.OK


def _write_effect(ctx: Context, kid: str) -> None:
    k = dk.get_kasus(ctx.db, ctx.actor, kid)
    if k.tmt_mulai is None:
        ctx.out.write(
            tr(
                "Putusan {n} dicatat; catat tanggal diterima pegawai (merit disiplin terima) "
                "agar masa hukumannya tercatat.",
                n=k.nomor_sk,
            )
            + "\n"
        )
        return
    ctx.out.write(
        tr(
            "Hukuman {h} berlaku {a} s.d. {b}; upaya administratif paling lambat {c}.",
            h=k.hukuman_nama,
            a=tanggal(k.tmt_mulai),
            b=tanggal(k.tmt_selesai, kosong=tr("tanpa batas")),
            c=tanggal(k.batas_keberatan),
        )
        + "\n"
    )


def cmd_sk(ctx: Context, args: argparse.Namespace) -> int:
    from app.jobs import integritas as jobs  # lazy: reportlab (the decree engine)

    kid = _kasus_id(ctx, args.id)
    hasil = jobs.issue_sk_hukdis(
        ctx.db,
        ctx.actor,
        jobs.SkHukdisRequest(
            kid, args.hukuman, args.tanggal, args.out, args.diterima, args.pejabat
        ),
    )
    for b in hasil.berkas:
        ctx.out.write(f"{hasil.nomor[0]}  {b.path}\n")
    _write_effect(ctx, kid)
    return ExitCode.OK


def cmd_terima(ctx: Context, args: argparse.Namespace) -> int:
    kid = _kasus_id(ctx, args.id)
    dk.terima_keputusan(ctx.db, ctx.actor, kid, args.tanggal)
    _write_effect(ctx, kid)
    return ExitCode.OK


def cmd_keberatan(ctx: Context, args: argparse.Namespace) -> int:
    dk.ajukan_keberatan(ctx.db, ctx.actor, _kasus_id(ctx, args.id), args.jenis, args.tanggal)
    ctx.out.write(tr("Upaya administratif dicatat.") + "\n")
    return ExitCode.OK


def cmd_hasil_keberatan(ctx: Context, args: argparse.Namespace) -> int:
    dk.putus_keberatan(
        ctx.db,
        ctx.actor,
        _kasus_id(ctx, args.id),
        args.hasil,
        args.tanggal,
        hukuman_kode=args.hukuman,
    )
    ctx.out.write(tr("Hasil upaya administratif dicatat.") + "\n")
    return ExitCode.OK


def cmd_tutup(ctx: Context, args: argparse.Namespace) -> int:
    dk.tutup(ctx.db, ctx.actor, _kasus_id(ctx, args.id), args.alasan)
    ctx.out.write(tr("Kasus ditutup.") + "\n")
    return ExitCode.OK


def cmd_alpa(ctx: Context, args: argparse.Namespace) -> int:
    kode = dk.hukuman_alpa(ctx.db.conn, args.hari)
    if kode is None:
        ctx.out.write(tr("Belum ada hukuman untuk {n} hari.", n=args.hari) + "\n")
    else:
        ctx.out.write(f"{kode}: {dk.hukuman(ctx.db.conn, kode)['nama']}\n")
    return ExitCode.OK


def cmd_absen(ctx: Context, args: argparse.Namespace) -> int:
    pid = find_pegawai_id(ctx.db.conn, args.nip)
    saran = dk.saran_alpa_pegawai(ctx.db, ctx.actor, pid, args.hari, args.berturut)
    h = dk.hukuman(ctx.db.conn, saran.hukuman_kode) if saran.hukuman_kode else None
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "nip": args.nip,
                "hari": args.hari,
                "berturut": args.berturut,
                "hukuman_kode": saran.hukuman_kode,
                "hukuman": h["nama"] if h else None,
                "tingkat": h["tingkat"] if h else None,
                "pasal": saran.pasal,
                "aturan_berturut": saran.berturut,
            },
        )
    elif h is None:
        ctx.out.write(tr("Belum ada hukuman untuk {n} hari.", n=args.hari) + "\n")
    else:
        ctx.out.write(f"{h['tingkat']} {saran.hukuman_kode}: {h['nama']} ({saran.pasal})\n")
    return ExitCode.OK


# -- pengawasan ----------------------------------------------------------------------------------


def cmd_rekap(ctx: Context, args: argparse.Namespace) -> int:
    hasil = pengawasan_jobs.write_rekap_pengawasan(
        ctx.db,
        ctx.actor,
        pengawasan_jobs.RekapPengawasanRequest(args.dari, args.sampai, args.out),
    )
    ctx.out.write(
        tr(
            "Rekap {n} pengaduan ({s} selesai) ditulis ke {p}.",
            n=hasil.rekap.jumlah,
            s=hasil.rekap.selesai,
            p=hasil.path,
        )
        + "\n"
    )
    return ExitCode.OK


def cmd_publik(ctx: Context, args: argparse.Namespace) -> int:
    hasil = pengawasan_jobs.write_ringkasan_publik(
        ctx.db, ctx.actor, pengawasan_jobs.RingkasanPublikRequest(args.tahun, args.out)
    )
    ctx.out.write(
        tr("Ringkasan publik {n} pengaduan ditulis ke {p}.", n=hasil.rekap.jumlah, p=hasil.path)
        + "\n"
    )
    return ExitCode.OK
