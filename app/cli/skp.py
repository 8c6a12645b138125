"""``merit skp ...``: the SKP appraisal without a screen.

* ``merit skp create --year Y [--unit U]``: draft SKPs for every active employee without one
  (plan carried forward from last year when the position is unchanged).
* ``merit skp plan NIP --year Y --hasil "rencana|indikator|target" [...]``: add results.
* ``merit skp setujui NIP --year Y``: the pejabat penilai approves the plan.
* ``merit skp submit NIP --year Y``; ``merit skp rate NIP --year Y --hasil atas|sesuai|bawah
  --perilaku atas|sesuai|bawah``; ``merit skp approve NIP --year Y`` (penetapan by the pejabat
  penilai); ``merit skp return`` and ``merit skp reopen`` with ``--catatan``.
* ``merit skp keberatan NIP --year Y --alasan TEKS``: the employee (or the operator on their
  behalf) objects within the window after penetapan; ``merit skp putus-keberatan NIP --year Y
  --hasil R --perilaku R --alasan TEKS``: the atasan pejabat penilai decides, final.
* ``merit skp catat-hasil NIP --year Y (--hasil R --perilaku R | --predikat P) [--penilai NIP]``:
  key in a result made on paper; it counts as ditetapkan.
* ``merit skp capaian-organisasi --year Y --unit U --capaian C``: the unit's capaian kinerja
  organisasi, which picks the curve its predikat distribution is checked against.
* ``merit skp status --year Y [--unit U] [--format json]``: state and predikat per employee
  (a year known only from the SKP history counts as ditetapkan, ``sumber`` ``riwayat``).
* ``merit skp pdf NIP --year Y --out F.pdf``; ``merit skp rekap --year Y --out F.xlsx``.

The same functions as the screens (:mod:`app.models.skp`, the jobs of :mod:`app.jobs.skp`), with
the same rights: with accounts, ``--user`` must be the appraiser to approve the plan, rate and
ditetapkan, the appraiser's superior to decide a keberatan, the admin to reopen. Exit codes: 2
invalid input or wrong state, 3 not found, 6 access refused.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import angka, tanggal, tr
from app.jobs.skp import EvaluasiRequest, RekapSkpRequest, write_evaluasi_pdf, write_rekap_xlsx
from app.models.access.akses import read_unit
from app.models.errors import ValidationError
from app.models.organisasi.units import find_unit
from app.models.pegawai.read import find_pegawai_id
from app.models.reference.loader import Referensi
from app.models.rules.skp import status_label
from app.models.skp import bulk, pengaturan, workflow
from app.models.skp import progress as skp_progress
from app.models.skp import read as skp_read
from app.models.skp import write as skp_write
from app.models.skp.types import HasilKerjaData, IndikatorData

RATINGS = ("atas", "sesuai", "bawah")


def register(sub: Commands) -> None:
    """Add ``skp`` to the ``merit`` sub-commands."""
    p = sub.add_parser("skp", aliases=["kinerja"], help=tr("penilaian kinerja (SKP)"))
    cmds = p.add_subparsers(dest="skp_command", metavar="PERINTAH", required=True)

    def year(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--year", "--tahun", dest="tahun", type=cli_args.tahun, required=True, metavar="Y"
        )

    p = cmds.add_parser("create", aliases=["buat"], help=tr("buat SKP draf secara massal"))
    year(p)
    p.add_argument("--unit", metavar="U", help=tr("unit (dengan sub-unitnya); bawaan: semua"))
    p.set_defaults(handler=cmd_create)

    p = cmds.add_parser("plan", aliases=["rencana"], help=tr("tambah rencana hasil kerja"))
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument(
        "--hasil",
        action="append",
        required=True,
        metavar="RENCANA|INDIKATOR|TARGET",
        help=tr("satu hasil kerja dengan satu indikator dan targetnya (boleh berulang)"),
    )
    p.set_defaults(handler=cmd_plan)

    p = cmds.add_parser(
        "setujui", aliases=["setujui-rencana"], help=tr("setujui rencana SKP (pejabat penilai)")
    )
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.set_defaults(handler=cmd_setujui)

    p = cmds.add_parser("submit", aliases=["ajukan"], help=tr("ajukan SKP untuk dinilai"))
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.set_defaults(handler=cmd_submit)

    p = cmds.add_parser("rate", aliases=["nilai"], help=tr("nilai SKP (pejabat penilai)"))
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument("--hasil", required=True, choices=RATINGS, help=tr("rating hasil kerja"))
    p.add_argument("--perilaku", required=True, choices=RATINGS, help=tr("rating perilaku kerja"))
    p.add_argument("--catatan", metavar="TEKS", help=tr("catatan pejabat penilai"))
    p.set_defaults(handler=cmd_rate)

    p = cmds.add_parser(
        "approve", aliases=["tetapkan"], help=tr("tetapkan dan kunci SKP (pejabat penilai)")
    )
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.set_defaults(handler=cmd_approve)

    p = cmds.add_parser(
        "keberatan", help=tr("ajukan keberatan atas SKP yang ditetapkan (pegawai atau operatornya)")
    )
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument("--alasan", required=True, metavar="TEKS", help=tr("alasan keberatan"))
    p.set_defaults(handler=cmd_keberatan)

    p = cmds.add_parser(
        "putus-keberatan", help=tr("putus keberatan SKP (atasan pejabat penilai); final")
    )
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument("--hasil", required=True, choices=RATINGS, help=tr("rating hasil kerja"))
    p.add_argument("--perilaku", required=True, choices=RATINGS, help=tr("rating perilaku kerja"))
    p.add_argument("--alasan", required=True, metavar="TEKS", help=tr("alasan putusan"))
    p.set_defaults(handler=cmd_putus_keberatan)

    p = cmds.add_parser(
        "catat-hasil", help=tr("catat hasil penilaian SKP kertas; dihitung sebagai ditetapkan")
    )
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument("--hasil", choices=RATINGS, help=tr("rating hasil kerja"))
    p.add_argument("--perilaku", choices=RATINGS, help=tr("rating perilaku kerja"))
    p.add_argument("--predikat", metavar="P", help=tr("predikat, bila kertas hanya memuatnya"))
    p.add_argument("--penilai", metavar="NIP", help=tr("NIP pejabat penilai (pegawai tercatat)"))
    p.add_argument("--penilai-nama", metavar="TEKS", help=tr("nama pejabat penilai tak tercatat"))
    p.add_argument("--penilai-nip", metavar="NIP", help=tr("NIP pejabat penilai tak tercatat"))
    p.add_argument(
        "--tanggal", type=cli_args.tanggal, metavar="D", help=tr("tanggal penetapan di kertas")
    )
    p.add_argument("--catatan", metavar="TEKS", help=tr("catatan"))
    p.set_defaults(handler=cmd_catat_hasil)

    p = cmds.add_parser(
        "capaian-organisasi", help=tr("catat capaian kinerja organisasi sebuah unit per tahun")
    )
    year(p)
    p.add_argument("--unit", required=True, metavar="U", help=tr("unit (perangkat daerah)"))
    p.add_argument(
        "--capaian",
        required=True,
        metavar="C",
        help=tr("istimewa, baik, butuh_perbaikan, kurang, sangat_kurang, atau hapus"),
    )
    p.set_defaults(handler=cmd_capaian)

    for name, alias, text, handler in (
        ("return", "kembalikan", tr("kembalikan SKP untuk diperbaiki"), cmd_return),
        ("reopen", "buka", tr("buka kembali SKP yang sudah ditetapkan (admin)"), cmd_reopen),
    ):
        p = cmds.add_parser(name, aliases=[alias], help=text)
        p.add_argument("nip", metavar="NIP")
        year(p)
        p.add_argument("--catatan", required=True, metavar="TEKS", help=tr("alasan"))
        p.set_defaults(handler=handler)

    p = cmds.add_parser("status", help=tr("status dan predikat SKP per pegawai"))
    year(p)
    p.add_argument("--unit", metavar="U", help=tr("unit (dengan sub-unitnya)"))
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=cmd_status)

    p = cmds.add_parser("pdf", help=tr("tulis Dokumen Evaluasi Kinerja Pegawai (.pdf)"))
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument("--out", required=True, type=Path, metavar="BERKAS.pdf")
    p.set_defaults(handler=cmd_pdf)

    p = cmds.add_parser("rekap", help=tr("tulis rekap SKP (.xlsx)"))
    year(p)
    p.add_argument("--unit", metavar="U", help=tr("unit (dengan sub-unitnya)"))
    p.add_argument("--out", required=True, type=Path, metavar="BERKAS.xlsx")
    p.set_defaults(handler=cmd_rekap)


def _parse_hasil(texts: list[str]) -> list[HasilKerjaData]:
    result = []
    for n, text in enumerate(texts, start=1):
        parts = [p.strip() for p in text.split("|")]
        if len(parts) != 3 or not all(parts):
            raise ValidationError(
                tr(
                    "--hasil ke-{n} ('{t}'): tulis tiga bagian dipisah '|': rencana hasil kerja, "
                    "indikator, target.",
                    n=n,
                    t=text,
                ),
                field="hasil",
            )
        result.append(HasilKerjaData(parts[0], indikator=[IndikatorData(parts[1], parts[2])]))
    return result


def _unit_id(ctx: Context, args: argparse.Namespace) -> str | None:
    return find_unit(ctx.db.conn, args.unit) if args.unit else None


def _skp_id(ctx: Context, args: argparse.Namespace) -> str:
    return skp_read.find_skp(ctx.db.conn, args.nip, args.tahun)


# -- the year's SKPs ------------------------------------------------------------------------------


def cmd_create(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    unit_id = _unit_id(ctx, args)
    result = bulk.create_massal(db, args.tahun, actor=ctx.actor, unit_id=unit_id)
    print(
        tr(
            "SKP {tahun}: {n} dibuat ({c} melanjutkan rencana tahun lalu), {e} sudah ada.",
            tahun=args.tahun,
            n=angka(result.dibuat),
            c=angka(result.dilanjutkan),
            e=angka(result.sudah_ada),
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    conn = ctx.db.conn
    out = ctx.out
    # Refused (audited) without skp.baca; a reader of some units gets only theirs.
    unit_id = read_unit(ctx.db, ctx.actor, "skp.baca", _unit_id(ctx, args))
    rows = skp_progress.list_skp(conn, args.tahun, unit_id=unit_id)
    if args.format == "json":
        data = [
            {
                "nip": r.nip,
                "nama": r.nama,
                "unit": r.unit,
                "status": r.status,
                "predikat": r.predikat_kode,
                "rating_hasil": r.rating_hasil,
                "rating_perilaku": r.rating_perilaku,
                "penilai": r.penilai or None,
                "sumber": r.sumber,
                "batas_keberatan": r.batas_keberatan,
            }
            for r in rows
        ]
        write_json(out, data, indent=1)
        return ExitCode.OK
    for r in rows:
        print(
            f"{r.nip:<18}  {clip(r.nama, 32):<32}  {status_label(r.status):<13}  "
            f"{r.predikat or '-'}",
            file=out,
        )
    total = skp_progress.kemajuan(conn, args.tahun, unit_id).total
    print(
        tr(
            "Jumlah {n}: belum ada {b}, draf {d}, rencana disetujui {s}, diajukan {a}, dinilai "
            "{r}, ditetapkan {t} ({h} dari riwayat SKP), keberatan {k}, final {f}.",
            n=angka(total.pegawai),
            b=angka(total.belum),
            d=angka(total.draft),
            s=angka(total.disetujui),
            a=angka(total.diajukan),
            r=angka(total.dinilai),
            t=angka(total.ditetapkan),
            h=angka(total.dari_riwayat),
            k=angka(total.keberatan),
            f=angka(total.final),
        ),
        file=out,
    )
    return ExitCode.OK


def cmd_rekap(ctx: Context, args: argparse.Namespace) -> int:
    unit_id = _unit_id(ctx, args)
    n = write_rekap_xlsx(ctx.db, ctx.actor, RekapSkpRequest(args.tahun, args.out, unit_id))
    print(
        tr("Rekap SKP ditulis ke {path}: {n} pegawai.", path=args.out, n=angka(n)),
        file=ctx.out,
    )
    return ExitCode.OK


# -- one employee's SKP ---------------------------------------------------------------------------


def cmd_plan(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    skp_id = _skp_id(ctx, args)
    current = skp_read.rencana_data(skp_read.get_skp(db.conn, skp_id))
    skp_write.update_rencana(db, skp_id, [*current, *_parse_hasil(args.hasil)], actor=ctx.actor)
    print(tr("Rencana hasil kerja disimpan ({n} baru).", n=len(args.hasil)), file=ctx.out)
    return ExitCode.OK


def cmd_setujui(ctx: Context, args: argparse.Namespace) -> int:
    workflow.setujui_rencana(ctx.db, _skp_id(ctx, args), actor=ctx.actor)
    print(
        tr("Rencana SKP {nip} tahun {tahun} disetujui.", nip=args.nip, tahun=args.tahun),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_submit(ctx: Context, args: argparse.Namespace) -> int:
    workflow.ajukan(ctx.db, _skp_id(ctx, args), actor=ctx.actor)
    print(tr("SKP {nip} tahun {tahun} diajukan.", nip=args.nip, tahun=args.tahun), file=ctx.out)
    return ExitCode.OK


def cmd_rate(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    skp_id = _skp_id(ctx, args)
    kode = workflow.nilai(
        db, skp_id, args.hasil, args.perilaku, actor=ctx.actor, catatan=args.catatan
    )
    label = Referensi.load(db.conn).label("ref_predikat", kode)
    print(tr("SKP {nip} dinilai: predikat {p}.", nip=args.nip, p=label), file=ctx.out)
    return ExitCode.OK


def cmd_approve(ctx: Context, args: argparse.Namespace) -> int:
    batas = workflow.tetapkan(ctx.db, _skp_id(ctx, args), actor=ctx.actor)
    print(
        tr(
            "SKP {nip} tahun {tahun} ditetapkan dan terkunci; keberatan dapat diajukan sampai "
            "{batas}.",
            nip=args.nip,
            tahun=args.tahun,
            batas=tanggal(batas),
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_keberatan(ctx: Context, args: argparse.Namespace) -> int:
    workflow.ajukan_keberatan(ctx.db, _skp_id(ctx, args), args.alasan, actor=ctx.actor)
    print(
        tr(
            "Keberatan atas SKP {nip} tahun {tahun} diajukan; menunggu putusan atasan pejabat "
            "penilai.",
            nip=args.nip,
            tahun=args.tahun,
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_putus_keberatan(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    kode = workflow.putus_keberatan(
        db, _skp_id(ctx, args), args.hasil, args.perilaku, args.alasan, actor=ctx.actor
    )
    label = Referensi.load(db.conn).label("ref_predikat", kode)
    print(
        tr(
            "Keberatan atas SKP {nip} tahun {tahun} diputus: predikat {p}; SKP final.",
            nip=args.nip,
            tahun=args.tahun,
            p=label,
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_catat_hasil(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    pegawai_id = find_pegawai_id(conn, args.nip)
    penilai_id = find_pegawai_id(conn, args.penilai) if args.penilai else None
    if args.penilai and (args.penilai_nama or args.penilai_nip):
        raise ValidationError(
            tr("--penilai tidak dapat digabung dengan --penilai-nama atau --penilai-nip."),
            field="penilai",
        )
    skp_id = workflow.catat_hasil(
        db,
        pegawai_id,
        args.tahun,
        actor=ctx.actor,
        rating_hasil=args.hasil,
        rating_perilaku=args.perilaku,
        predikat_kode=args.predikat,
        penilai_id=penilai_id,
        penilai_nama=args.penilai_nama,
        penilai_nip=args.penilai_nip,
        tanggal_penetapan=args.tanggal,
        catatan=args.catatan,
    )
    row = skp_read.get_skp(conn, skp_id)
    label = Referensi.load(conn).label("ref_predikat", row.predikat_kode)
    print(
        tr(
            "Hasil SKP {nip} tahun {tahun} dicatat: predikat {p}, ditetapkan.",
            nip=args.nip,
            tahun=args.tahun,
            p=label,
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_capaian(ctx: Context, args: argparse.Namespace) -> int:
    unit_id = find_unit(ctx.db.conn, args.unit)
    value = None if args.capaian.strip().lower() == "hapus" else args.capaian
    pengaturan.update_capaian_organisasi(ctx.db, unit_id, args.tahun, value, actor=ctx.actor)
    print(
        tr(
            "Capaian kinerja organisasi {unit} tahun {tahun}: {c}.",
            unit=args.unit,
            tahun=args.tahun,
            c=value or tr("dihapus"),
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_return(ctx: Context, args: argparse.Namespace) -> int:
    state = workflow.kembalikan(ctx.db, _skp_id(ctx, args), args.catatan, actor=ctx.actor)
    print(
        tr("SKP {nip} dikembalikan; status sekarang {s}.", nip=args.nip, s=status_label(state)),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_reopen(ctx: Context, args: argparse.Namespace) -> int:
    workflow.buka_kembali(ctx.db, _skp_id(ctx, args), args.catatan, actor=ctx.actor)
    print(
        tr("SKP {nip} tahun {tahun} dibuka kembali.", nip=args.nip, tahun=args.tahun), file=ctx.out
    )
    return ExitCode.OK


def cmd_pdf(ctx: Context, args: argparse.Namespace) -> int:
    skp_id = _skp_id(ctx, args)
    pages = write_evaluasi_pdf(ctx.db, ctx.actor, EvaluasiRequest(skp_id, args.out))
    print(
        tr("Dokumen evaluasi ditulis ke {path} ({n} halaman).", path=args.out, n=pages),
        file=ctx.out,
    )
    return ExitCode.OK
