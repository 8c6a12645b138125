"""``merit kompetensi ...``, ``merit pelatihan ...`` and ``merit talenta``: competency
standards, assessments, gaps, the training needs list, training events and the talent box
(issue 15; :mod:`app.models.kompetensi`, :mod:`app.models.pelatihan`).

* ``merit kompetensi kamus [--tambah KODE --nama NAMA] [--format json]``: the library
  (JSON: list of ``kode``, ``nama``, ``jenis``).
* ``merit kompetensi standar JABATAN [--set KODE=LEVEL ...] [--hapus KODE ...]
  [--salin-dari JABATAN] [--bawaan] [--format json]``: show or edit a position's standard
  (JSON: ``jabatan_id``, ``standar``: list of ``kode``, ``nama``, ``jenis``, ``level``).
* ``merit kompetensi nilai NIP [--tanggal D --level KODE=LEVEL ... --potensi 1-3 --skor X
  --sumber assessment_center|uji_kompetensi|atasan --penilai T] [--format json]``: show or
  record an assessment (JSON: list of ``kode``, ``nama``, ``level``, ``tanggal``, ``sumber``).
* ``merit kompetensi impor BERKAS [--simpan] [--format json]``: preview (and write) an
  assessment centre's sheet (JSON: ``baris``, ``masalah``, ``kolom_kompetensi``, ``disimpan``).
* ``merit kompetensi gap [--unit U] [--nip NIP] [--kompetensi K] [--format json]``: gaps per
  person (JSON rows: ``nip``, ``nama``, ``unit``, ``jabatan``, ``kode``, ``standar``,
  ``dimiliki`` (null: not assessed), ``gap`` = standar − dimiliki, ``kekurangan`` = max(gap,0)).
* ``merit kompetensi kebutuhan [--tahun T] [--unit U] [--kompetensi K] [--out F.xlsx]
  [--format json]``: the training needs list (JSON rows: ``peringkat``, ``nip``, ``nama``,
  ``kode``, ``standar``, ``dimiliki``, ``kekurangan``, ``jumlah_sama``, ``jp_tahun_ini``,
  ``jp_kurang``).
* ``merit pelatihan katalog [--tambah NAMA --jp N [--bentuk] [--jenis] [--penyelenggara]
  [--kompetensi K ...]] [--format json]``.
* ``merit pelatihan acara [--tambah KATALOG_ID --mulai D --selesai D [--nama] [--tempat]]
  [--tahun T] [--format json]``.
* ``merit pelatihan peserta ACARA_ID [--nip NIP ...] [--dari-kebutuhan KODE [--unit U]
  [--tahun T]] [--hapus NIP ...] [--format json]``.
* ``merit pelatihan selesai ACARA_ID [--sertifikat NIP=NOMOR ...] [--tidak-hadir NIP ...]``:
  completion in one write (riwayat diklat and JP of every participant).
* ``merit pelatihan evaluasi ACARA_ID --nip NIP --relevansi 1-5 --manfaat 1-5 --pengajar 1-5
  [--komentar T]``; ``merit pelatihan evaluasi-rekap [--per acara|penyelenggara]
  [--format json]`` (JSON rows: ``nama``, ``jawaban``, ``relevansi``, ``manfaat``,
  ``pengajar``, ``tidak_relevan``, ``tinjau``: felt irrelevant by many).
* ``merit pelatihan evaluasi-rekap --out F.xlsx [--tahun T]``: the printable recap per event
  and per provider; ``merit pelatihan evaluasi-impor BERKAS [--acara ACARA_ID] [--simpan]
  [--format json]``: preview (and write, all or nothing) an evaluation sheet with columns NIP,
  Acara, Relevansi, Manfaat, Pengajar, Komentar (JSON: ``baris`` with ``baris``, ``nip``,
  ``nama``, ``acara_id``, ``acara``, ``relevansi``, ``manfaat``, ``pengajar``, ``komentar``;
  ``masalah``; ``disimpan``).
* ``merit pelatihan surat-tugas ACARA_ID --out FOLDER [--tanggal D] [--format json]`` and
  ``merit pelatihan peserta-pdf ACARA_ID --out FOLDER ...``: the surat tugas and the daftar
  peserta through the document engine, numbered and verifiable (JSON: ``nomor``,
  ``kode_verifikasi``, ``berkas``).
* ``merit talenta [--unit U] [--format json]``: each person's cell: ``kinerja`` 1-3,
  ``potensi`` 1-3, ``kotak`` 1-9 and ``nama_kotak`` (null where an axis is missing), and
  ``jumlah_per_kotak``. ``merit talenta --jabatan J``: the ranked successors of a key post
  (JSON ``calon``: ``peringkat``, ``nip``, ``nama``, ``kotak``, ``jpm``, ``kekurangan``,
  ``kesiapan`` SIAP | SATU_DUA_TAHUN | LEBIH_2_TAHUN, ``catatan``).

Exit codes: 0 done, 2 invalid input (names the argument), 3 not found, 6 access refused.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import angka, tanggal, tr
from app.jobs import kompetensi as jobs
from app.models.access.akses import require
from app.models.errors import ValidationError
from app.models.kompetensi import kamus, kebutuhan, nilai, standar, suksesi, talenta
from app.models.organisasi.units import find_unit
from app.models.pegawai.read import find_pegawai_id
from app.models.pelatihan import acara as pel
from app.models.pelatihan import evaluasi


def _level(text: str) -> tuple[str, int]:
    kode, sep, value = text.partition("=")
    if not sep or not value.strip().isdigit() or not 1 <= int(value) <= 5:
        raise argparse.ArgumentTypeError(
            tr("'{t}' tidak sah: tulis KODE=LEVEL dengan level 1-5, mis. M.01=3", t=text)
        )
    return kode.strip().upper(), int(value)


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError(
            tr("'{t}' tidak sah: tulis NIP=NOMOR, mis. 198001012005011001=SERT-01", t=text)
        )
    return key.strip(), value.strip()


def _potensi(text: str) -> int:
    if text not in ("1", "2", "3"):
        raise argparse.ArgumentTypeError(tr("potensi '{t}' tidak sah: tulis 1, 2 atau 3", t=text))
    return int(text)


def _skala(text: str) -> int:
    if text not in ("1", "2", "3", "4", "5"):
        raise argparse.ArgumentTypeError(tr("nilai '{t}' tidak sah: tulis 1 sampai 5", t=text))
    return int(text)


def register(sub: Commands) -> None:
    """Add ``kompetensi``, ``pelatihan`` and ``talenta`` to the ``merit`` sub-commands."""
    p = sub.add_parser("kompetensi", help=tr("standar, penilaian, gap dan kebutuhan pelatihan"))
    cmds = p.add_subparsers(dest="kompetensi_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("kamus", help=tr("kamus kompetensi; tambah kompetensi teknis"))
    p.add_argument("--tambah", metavar="KODE")
    p.add_argument("--nama")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_kamus)

    p = cmds.add_parser("standar", help=tr("standar kompetensi jabatan"))
    p.add_argument("jabatan", metavar="JABATAN", help=tr("id atau nama jabatan"))
    p.add_argument("--set", type=_level, nargs="+", action="extend", default=[], metavar="K=L")
    p.add_argument("--hapus", nargs="+", action="extend", default=[], metavar="KODE")
    p.add_argument("--salin-dari", metavar="JABATAN")
    p.add_argument("--bawaan", action="store_true", help=tr("isi level bawaan jenjang"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_standar)

    p = cmds.add_parser("nilai", help=tr("hasil penilaian kompetensi pegawai"))
    p.add_argument("nip", metavar="NIP")
    p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--level", type=_level, nargs="+", action="extend", default=[], metavar="K=L")
    p.add_argument("--potensi", type=_potensi, metavar="1-3")
    p.add_argument("--skor", type=float)
    p.add_argument(
        "--sumber",
        choices=("assessment_center", "uji_kompetensi", "atasan"),
        default="assessment_center",
    )
    p.add_argument("--penilai")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_nilai)

    p = cmds.add_parser("impor", help=tr("impor hasil assessment center (.xlsx/.csv)"))
    p.add_argument("berkas", type=Path, metavar="BERKAS")
    p.add_argument("--simpan", action="store_true", help=tr("simpan (tanpa ini: pratinjau)"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_impor)

    p = cmds.add_parser("gap", help=tr("kesenjangan kompetensi per pegawai"))
    p.add_argument("--unit", metavar="U")
    p.add_argument("--nip", metavar="NIP")
    p.add_argument("--kompetensi", metavar="KODE")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_gap)

    p = cmds.add_parser("kebutuhan", help=tr("analisis kebutuhan pelatihan"))
    p.add_argument("--tahun", type=cli_args.tahun, metavar="TTTT")
    p.add_argument("--unit", metavar="U")
    p.add_argument("--kompetensi", metavar="KODE")
    p.add_argument("--out", type=Path, metavar="BERKAS.xlsx")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_kebutuhan)

    p = sub.add_parser("pelatihan", help=tr("katalog, acara, peserta dan penyelesaian pelatihan"))
    cmds = p.add_subparsers(dest="pelatihan_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("katalog", help=tr("katalog pelatihan"))
    p.add_argument("--tambah", metavar="NAMA")
    p.add_argument("--jp", type=cli_args.bilangan_tak_negatif)
    p.add_argument("--bentuk", choices=pel.BENTUK, default="KLASIKAL")
    p.add_argument("--jenis", choices=pel.JENIS_DIKLAT, default="TEKNIS")
    p.add_argument("--penyelenggara")
    p.add_argument("--kompetensi", nargs="+", action="extend", default=[], metavar="KODE")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_katalog)

    p = cmds.add_parser("acara", help=tr("acara pelatihan"))
    p.add_argument("--tambah", metavar="KATALOG_ID")
    p.add_argument("--mulai", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--selesai", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--nama")
    p.add_argument("--tempat")
    p.add_argument("--tahun", type=cli_args.tahun, metavar="TTTT")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_acara)

    p = cmds.add_parser("peserta", help=tr("peserta acara pelatihan"))
    p.add_argument("acara", metavar="ACARA_ID")
    p.add_argument("--nip", nargs="+", action="extend", default=[], metavar="NIP")
    p.add_argument("--dari-kebutuhan", metavar="KODE")
    p.add_argument("--unit", metavar="U")
    p.add_argument("--tahun", type=cli_args.tahun, metavar="TTTT")
    p.add_argument("--hapus", nargs="+", action="extend", default=[], metavar="NIP")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_peserta)

    p = cmds.add_parser("selesai", help=tr("selesaikan acara: tulis riwayat diklat dan JP"))
    p.add_argument("acara", metavar="ACARA_ID")
    p.add_argument("--sertifikat", type=_pair, nargs="+", action="extend", default=[])
    p.add_argument("--tidak-hadir", nargs="+", action="extend", default=[], metavar="NIP")
    p.set_defaults(handler=cmd_selesai)

    p = cmds.add_parser("evaluasi", help=tr("catat evaluasi peserta (skala 1-5)"))
    p.add_argument("acara", metavar="ACARA_ID")
    p.add_argument("--nip", required=True, metavar="NIP")
    for name in ("relevansi", "manfaat", "pengajar"):
        p.add_argument(f"--{name}", type=_skala, required=True, metavar="1-5")
    p.add_argument("--komentar")
    p.set_defaults(handler=cmd_evaluasi)

    p = cmds.add_parser("evaluasi-rekap", help=tr("hasil evaluasi per acara atau penyelenggara"))
    p.add_argument("--per", choices=("acara", "penyelenggara"), default="acara")
    p.add_argument("--tahun", type=cli_args.tahun, metavar="TTTT", help=tr("acara selesai tahun"))
    p.add_argument("--out", type=Path, metavar="BERKAS.xlsx", help=tr("tulis rekap ke Excel"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_evaluasi_rekap)

    p = cmds.add_parser("evaluasi-impor", help=tr("impor evaluasi peserta (.xlsx/.csv)"))
    p.add_argument("berkas", type=Path, metavar="BERKAS")
    p.add_argument("--acara", metavar="ACARA_ID", help=tr("acara baris bila tanpa kolom Acara"))
    p.add_argument("--simpan", action="store_true", help=tr("simpan (tanpa ini: pratinjau)"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_evaluasi_impor)

    for name, tugas, keterangan in (
        ("surat-tugas", True, tr("terbitkan surat tugas peserta acara (PDF bernomor)")),
        ("peserta-pdf", False, tr("terbitkan daftar peserta acara (PDF bernomor)")),
    ):
        p = cmds.add_parser(name, help=keterangan)
        p.add_argument("acara", metavar="ACARA_ID")
        p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
        p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
        cli_args.add_format_text_json(p)
        p.set_defaults(handler=cmd_dokumen_acara, surat_tugas=tugas)

    p = sub.add_parser("talenta", help=tr("kotak talenta (9 kotak) per unit; calon suksesor"))
    p.add_argument("--unit", metavar="U")
    p.add_argument(
        "--jabatan", metavar="JABATAN", help=tr("calon suksesor jabatan kunci ini (id atau nama)")
    )
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_talenta)


def _bad(ctx: Context, message: str) -> int:
    """Refuse a missing companion argument (exit 2, the message names it)."""
    raise ValidationError(message, field="argumen")


def cmd_kamus(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    if args.tambah:
        if not args.nama:
            return _bad(ctx, tr("--nama wajib diisi bersama --tambah."))
        kode = kamus.create_kompetensi(db, args.tambah, args.nama, actor=ctx.actor)
        print(tr("Kompetensi teknis {k} ditambahkan.", k=kode), file=ctx.out)
        return ExitCode.OK
    items = kamus.list_kompetensi(db.conn)
    if args.format == "json":
        write_json(ctx.out, [{"kode": k.kode, "nama": k.nama, "jenis": k.jenis} for k in items])
    else:
        for k in items:
            print(f"{k.kode:<10} {clip(k.nama, 40):<40} {kamus.jenis_label(k.jenis)}", file=ctx.out)
    return ExitCode.OK


def cmd_standar(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    jabatan_id = standar.find_jabatan(conn, args.jabatan)
    if args.salin_dari:
        n = standar.copy_standar(
            db, standar.find_jabatan(conn, args.salin_dari), jabatan_id, actor=ctx.actor
        )
        print(tr("Standar disalin: {n} kompetensi.", n=n), file=ctx.out)
    if args.bawaan:
        standar.set_standar(
            db, jabatan_id, standar.standar_bawaan(conn, jabatan_id), actor=ctx.actor
        )
    if args.set or args.hapus:
        levels: dict[str, int | None] = dict(args.set)
        levels.update(dict.fromkeys((k.upper() for k in args.hapus), None))
        standar.set_standar(db, jabatan_id, levels, actor=ctx.actor)
    rows = standar.list_standar(conn, jabatan_id)
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "jabatan_id": jabatan_id,
                "standar": [
                    {"kode": s.kompetensi_kode, "nama": s.nama, "jenis": s.jenis, "level": s.level}
                    for s in rows
                ],
            },
        )
    else:
        if not rows:
            print(tr("Jabatan ini belum memiliki standar kompetensi."), file=ctx.out)
        for s in rows:
            print(f"{s.kompetensi_kode:<10} {clip(s.nama, 40):<40} {s.level}", file=ctx.out)
    return ExitCode.OK


def cmd_nilai(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    pid = find_pegawai_id(db.conn, args.nip)
    if args.level or args.potensi is not None:
        nilai.record_nilai(
            db,
            pid,
            args.tanggal or date.today(),
            dict(args.level),
            sumber=args.sumber.upper(),
            potensi=args.potensi,
            skor=args.skor,
            penilai=args.penilai,
            actor=ctx.actor,
        )
        print(tr("Hasil penilaian dicatat."), file=ctx.out)
    require(db, ctx.actor, "pegawai.baca", pegawai_id=pid)
    rows = nilai.list_nilai(db.conn, pid)
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "kode": r.kompetensi_kode,
                    "nama": r.nama,
                    "level": r.level,
                    "tanggal": r.tanggal,
                    "sumber": r.sumber,
                }
                for r in rows
            ],
        )
    else:
        for r in rows:
            print(
                f"{tanggal(r.tanggal):<18} {r.kompetensi_kode:<10} {clip(r.nama, 34):<34} "
                f"{r.level}  {nilai.sumber_label(r.sumber)}",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_impor(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    plan = jobs.import_nilai(db, ctx.actor, args.berkas, simpan=False)
    saved = False
    if args.simpan and not plan.problems:
        jobs.import_nilai(db, ctx.actor, args.berkas, simpan=True)
        saved = True
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "baris": [
                    {
                        "baris": r.baris,
                        "nip": r.nip,
                        "nama": r.nama,
                        "tanggal": r.penilaian.tanggal,
                        "sumber": r.penilaian.sumber,
                        "level": r.penilaian.levels,
                        "potensi": r.penilaian.potensi,
                    }
                    for r in plan.rows
                ],
                "masalah": plan.problems,
                "kolom_kompetensi": plan.kolom_kompetensi,
                "disimpan": saved,
            },
        )
    else:
        for problem in plan.problems:
            print(problem, file=ctx.out)
        print(
            tr(
                "{n} baris terbaca, {m} masalah; {s}",
                n=angka(len(plan.rows)),
                m=angka(len(plan.problems)),
                s=tr("disimpan.") if saved else tr("belum disimpan (pakai --simpan)."),
            ),
            file=ctx.out,
        )
    return ExitCode.INVALID if plan.problems else ExitCode.OK


def cmd_gap(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    unit_id = find_unit(conn, args.unit) if args.unit else None
    pid = find_pegawai_id(conn, args.nip) if args.nip else None
    require(db, ctx.actor, "laporan.baca", unit_id=unit_id)
    rows = kebutuhan.list_gap(conn, unit_id=unit_id, pegawai_id=pid, kompetensi=args.kompetensi)
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "nip": r.nip,
                    "nama": r.nama,
                    "unit": r.unit_nama,
                    "jabatan": r.jabatan_nama,
                    "kode": r.kompetensi_kode,
                    "standar": r.standar,
                    "dimiliki": r.dimiliki,
                    "gap": r.gap,
                    "kekurangan": r.kekurangan,
                }
                for r in rows
            ],
        )
    else:
        for r in rows:
            held = "-" if r.dimiliki is None else str(r.dimiliki)
            print(
                f"{r.nip:<19} {clip(r.nama, 26):<26} {r.kompetensi_kode:<10} "
                f"{r.standar} {held:>2} {'' if r.gap is None else r.gap:>3}",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_kebutuhan(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    unit_id = find_unit(conn, args.unit) if args.unit else None
    tahun = args.tahun or date.today().year
    if args.out:
        n = jobs.write_kebutuhan(
            db,
            ctx.actor,
            jobs.KebutuhanRequest(args.out, tahun, unit_id=unit_id, kompetensi=args.kompetensi),
        )
        print(tr("Kebutuhan pelatihan ditulis ke {p}: {n} baris.", p=args.out, n=n), file=ctx.out)
        return ExitCode.OK
    require(db, ctx.actor, "laporan.baca", unit_id=unit_id)
    rows = kebutuhan.kebutuhan_pelatihan(conn, tahun, unit_id=unit_id, kompetensi=args.kompetensi)
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "peringkat": r.peringkat,
                    "pegawai_id": r.pegawai_id,
                    "nip": r.nip,
                    "nama": r.nama,
                    "unit": r.unit_nama,
                    "kode": r.kompetensi_kode,
                    "standar": r.standar,
                    "dimiliki": r.dimiliki,
                    "kekurangan": r.kekurangan,
                    "jumlah_sama": r.jumlah_sama,
                    "jp_tahun_ini": r.jp_tahun_ini,
                    "jp_kurang": r.jp_kurang,
                }
                for r in rows
            ],
        )
    else:
        for r in rows:
            jp = "" if r.jp_kurang is None else r.jp_kurang
            print(
                f"{r.peringkat:>4} {r.nip:<19} {clip(r.nama, 26):<26} {r.kompetensi_kode:<10} "
                f"-{r.kekurangan} ({r.jumlah_sama}) JP kurang {jp}",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_katalog(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    if args.tambah:
        if not args.jp:
            return _bad(ctx, tr("--jp wajib diisi (lebih dari 0) bersama --tambah."))
        kid = pel.create_katalog(
            db,
            args.tambah,
            jp=args.jp,
            bentuk=args.bentuk,
            jenis=args.jenis,
            penyelenggara=args.penyelenggara,
            kompetensi=[k.upper() for k in args.kompetensi],
            actor=ctx.actor,
        )
        print(kid, file=ctx.out)
        return ExitCode.OK
    items = pel.list_katalog(db.conn)
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "id": k.id,
                    "nama": k.nama,
                    "bentuk": k.bentuk,
                    "jenis": k.jenis,
                    "penyelenggara": k.penyelenggara,
                    "jp": k.jp,
                    "kompetensi": list(k.kompetensi),
                }
                for k in items
            ],
        )
    else:
        for k in items:
            print(
                f"{k.id}  {clip(k.nama, 40):<40} {k.jp:>4} JP  {','.join(k.kompetensi)}",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_acara(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    if args.tambah:
        if not args.mulai or not args.selesai:
            return _bad(ctx, tr("--mulai dan --selesai wajib diisi bersama --tambah."))
        aid = pel.create_acara(
            db,
            args.tambah,
            args.mulai.isoformat(),
            args.selesai.isoformat(),
            nama=args.nama,
            tempat=args.tempat,
            actor=ctx.actor,
        )
        print(aid, file=ctx.out)
        return ExitCode.OK
    items = pel.list_acara(db.conn, tahun=args.tahun)
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "id": a.id,
                    "nama": a.nama,
                    "mulai": a.tanggal_mulai,
                    "selesai": a.tanggal_selesai,
                    "jp": a.jp,
                    "status": a.status,
                    "peserta": a.peserta,
                }
                for a in items
            ],
        )
    else:
        for a in items:
            print(
                f"{a.id}  {clip(a.nama, 34):<34} {a.tanggal_mulai} {a.jp:>4} JP "
                f"{pel.status_label(a.status):<8} {a.peserta} peserta",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_peserta(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    require(db, ctx.actor, "pelatihan.kelola")  # the participants are named people
    conn = db.conn
    acara_id = pel.get_acara(conn, args.acara).id
    wanted: dict[str, str | None] = {}
    if args.dari_kebutuhan:
        unit_id = find_unit(conn, args.unit) if args.unit else None
        tahun = args.tahun or date.today().year
        for r in kebutuhan.kebutuhan_pelatihan(
            conn, tahun, unit_id=unit_id, kompetensi=args.dari_kebutuhan.upper()
        ):
            wanted[r.pegawai_id] = r.kompetensi_kode
    for nip in args.nip:
        wanted.setdefault(find_pegawai_id(conn, nip), None)
    if wanted:
        n = pel.add_peserta(db, acara_id, wanted, actor=ctx.actor)
        print(tr("{n} peserta ditambahkan.", n=n), file=ctx.out)
    if args.hapus:
        pel.remove_peserta(
            db, acara_id, [find_pegawai_id(conn, n) for n in args.hapus], actor=ctx.actor
        )
    rows = pel.list_peserta(conn, acara_id)
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "nip": p.nip,
                    "nama": p.nama,
                    "unit": p.unit_nama,
                    "kode": p.kompetensi_kode,
                    "status": p.status,
                    "nomor_sertifikat": p.nomor_sertifikat,
                }
                for p in rows
            ],
        )
    else:
        for p in rows:
            print(
                f"{p.nip:<19} {clip(p.nama, 28):<28} {p.kompetensi_kode or '-':<10} "
                f"{pel.status_label(p.status)}",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_selesai(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    sertifikat = {find_pegawai_id(conn, nip): nomor for nip, nomor in args.sertifikat}
    absent = [find_pegawai_id(conn, nip) for nip in args.tidak_hadir]
    n = pel.complete_acara(
        db, args.acara, sertifikat=sertifikat, tidak_hadir=absent, actor=ctx.actor
    )
    print(tr("Acara selesai: riwayat diklat {n} peserta ditulis.", n=n), file=ctx.out)
    return ExitCode.OK


def cmd_talenta(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    unit_id = find_unit(conn, args.unit) if args.unit else None
    require(db, ctx.actor, "laporan.baca", unit_id=unit_id)
    if args.jabatan:
        return _suksesi(ctx, args, standar.find_jabatan(conn, args.jabatan))
    rows = talenta.list_talenta(conn, unit_id=unit_id)
    counts = talenta.count_kotak(rows)
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "pegawai": [
                    {
                        "nip": r.nip,
                        "nama": r.nama,
                        "unit": r.unit_nama,
                        "predikat": list(r.predikat),
                        "kinerja": r.kinerja,
                        "potensi": r.potensi,
                        "kotak": r.kotak,
                        "nama_kotak": r.nama_kotak,
                    }
                    for r in rows
                ],
                "jumlah_per_kotak": {str(k): v for k, v in counts.items()},
            },
        )
    else:
        for r in rows:
            box = "-" if r.kotak is None else str(r.kotak)
            print(
                f"{r.nip:<19} {clip(r.nama, 30):<30} {box:>2}  {r.nama_kotak or ''}", file=ctx.out
            )
    return ExitCode.OK


def _suksesi(ctx: Context, args: argparse.Namespace, jabatan_id: str) -> int:
    calon = suksesi.list_calon(ctx.db.conn, jabatan_id)
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "jabatan_id": jabatan_id,
                "calon": [
                    {
                        "peringkat": c.peringkat,
                        "nip": c.nip,
                        "nama": c.nama,
                        "jabatan": c.jabatan_nama,
                        "kotak": c.kotak,
                        "jpm": c.jpm,
                        "kekurangan": c.kekurangan,
                        "kesiapan": c.kesiapan,
                        "catatan": list(c.catatan),
                    }
                    for c in calon
                ],
            },
        )
    else:
        if not calon:
            print(tr("Belum ada calon suksesor (standar atau kelompok talenta kosong)."),
                  file=ctx.out)  # fmt: skip
        for c in calon:
            print(
                f"{c.peringkat:>3} {c.nip:<19} {clip(c.nama, 28):<28} {tr('Kotak')} {c.kotak} "
                f"{c.kesiapan_nama}  {'; '.join(c.catatan)}",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_evaluasi(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    require(db, ctx.actor, "pelatihan.kelola")
    pid = find_pegawai_id(db.conn, args.nip)
    evaluasi.record_evaluasi(
        db,
        args.acara,
        [evaluasi.Jawaban(pid, args.relevansi, args.manfaat, args.pengajar, args.komentar)],
        actor=ctx.actor,
    )
    print(tr("Evaluasi dicatat."), file=ctx.out)
    return ExitCode.OK


def cmd_evaluasi_rekap(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    if args.out:
        counts = jobs.write_rekap_evaluasi(
            db, ctx.actor, jobs.RekapEvaluasiRequest(args.out, args.tahun)
        )
        for sheet, n in counts.items():
            print(tr("{s}: {n} baris", s=sheet, n=n), file=ctx.out)
        print(str(args.out), file=ctx.out)
        return ExitCode.OK
    require(db, ctx.actor, "laporan.baca")
    rows: list[evaluasi.RekapEvaluasi] = (
        list(evaluasi.rekap_per_acara(db.conn, tahun=args.tahun))
        if args.tahun and args.per == "acara"
        else list(evaluasi.rekap_per_penyelenggara(db.conn, tahun=args.tahun))
        if args.tahun
        else evaluasi.rekap_evaluasi(db.conn, per=args.per)
    )
    if args.format == "json":
        write_json(
            ctx.out,
            [
                {
                    "nama": r.nama,
                    "jawaban": r.jawaban,
                    "relevansi": r.relevansi,
                    "manfaat": r.manfaat,
                    "pengajar": r.pengajar,
                    "tidak_relevan": r.tidak_relevan,
                    "tinjau": r.tinjau,
                }
                for r in rows
            ],
        )
    else:
        for r in rows:
            flag = tr("TINJAU") if r.tinjau else ""
            print(
                f"{clip(r.nama, 44):<44} {r.jawaban:>4} {r.relevansi:>5} {r.manfaat:>5} "
                f"{r.pengajar:>5} {flag}",
                file=ctx.out,
            )
    return ExitCode.OK


def cmd_evaluasi_impor(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    plan = jobs.import_evaluasi(db, ctx.actor, args.berkas, simpan=False, acara_id=args.acara)
    saved = False
    if args.simpan and plan.ok:
        jobs.import_evaluasi(db, ctx.actor, args.berkas, simpan=True, acara_id=args.acara)
        saved = True
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "baris": [
                    {
                        "baris": r.baris,
                        "nip": r.nip,
                        "nama": r.nama,
                        "acara_id": r.acara_id,
                        "acara": r.acara_nama,
                        "relevansi": r.jawaban.relevansi,
                        "manfaat": r.jawaban.manfaat,
                        "pengajar": r.jawaban.pengajar,
                        "komentar": r.jawaban.komentar,
                    }
                    for r in plan.rows
                ],
                "masalah": plan.problems,
                "disimpan": saved,
            },
        )
    else:
        for problem in plan.problems:
            print(problem, file=ctx.out)
        print(
            tr(
                "{n} baris terbaca, {m} masalah; {s}",
                n=angka(len(plan.rows)),
                m=angka(len(plan.problems)),
                s=tr("disimpan.") if saved else tr("belum disimpan (pakai --simpan)."),
            ),
            file=ctx.out,
        )
    return ExitCode.INVALID if plan.problems else ExitCode.OK


def cmd_dokumen_acara(ctx: Context, args: argparse.Namespace) -> int:
    hasil = jobs.issue_dokumen_acara(
        ctx.db,
        ctx.actor,
        jobs.DokumenAcaraRequest(args.acara, args.out, args.surat_tugas, args.tanggal),
    )
    if args.format == "json":
        write_json(
            ctx.out,
            {
                "nomor": hasil.nomor[0],
                "kode_verifikasi": hasil.berkas[0].kode,
                "berkas": str(hasil.berkas[0].path),
            },
        )
    else:
        print(f"{hasil.nomor[0]}  {hasil.berkas[0].path}", file=ctx.out)
        print(tr("Kode verifikasi: {k}", k=hasil.berkas[0].kode), file=ctx.out)
    return ExitCode.OK
