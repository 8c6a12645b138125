"""``merit import employees FILE``: the spreadsheet import without a screen.

Exit codes: 0 when applied (or a dry run without rejected rows), 2 when rows were rejected and
nothing was applied, 1 when the file cannot be read at all.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import progress
from app.i18n import angka, tr
from app.jobs.impor import ImportReportRequest, write_import_report
from app.jobs.progress import NO_PROGRESS
from app.models.access.akses import read_roots
from app.models.impor.apply import apply_import
from app.models.impor.fields import FIELD_BY_NAME, detect_siasn, guess_mapping
from app.models.impor.plan import plan_import
from app.models.impor.presets import apply_preset, get_preset
from app.models.impor.read import read_source
from app.models.storage.cadangan import before_risky_job

MAX_ISSUES_SHOWN = 50


def register(sub: Commands) -> None:
    """Add the ``import`` command to the ``merit`` sub-parsers."""
    imp = sub.add_parser("import", aliases=["impor"], help=tr("impor data dari lembar kerja"))
    imp_sub = imp.add_subparsers(dest="import_command", metavar="PERINTAH", required=True)
    p = imp_sub.add_parser(
        "employees",
        aliases=["pegawai"],
        help=tr("impor pegawai dari ekspor SIASN atau lembar kerja kantor (.xlsx, .xls, .csv)"),
    )
    p.add_argument("file", metavar="BERKAS", type=Path)
    p.add_argument(
        "--dry-run",
        "--uji",
        action="store_true",
        help=tr("hanya pratinjau: periksa dan hitung, tanpa menyimpan"),
    )
    p.add_argument("--preset", metavar="NAMA", help=tr("pakai preset pemetaan kolom bernama"))
    p.add_argument(
        "--sheet",
        "--lembar",
        metavar="NAMA",
        help=tr("lembar kerja yang dibaca (bawaan: otomatis)"),
    )
    p.add_argument(
        "--on-existing",
        choices=["update", "skip"],
        default="update",
        help=tr("NIP yang sudah ada: perbarui (update, bawaan) atau lewati (skip)"),
    )
    p.add_argument(
        "--report",
        "--laporan",
        metavar="OUT.xlsx",
        type=Path,
        help=tr("simpan pratinjau (jumlah, masalah, perubahan) sebagai .xlsx"),
    )
    p.set_defaults(handler=cmd_import, creates_db=True)


def _progress(label: str) -> Callable[[int, int], None]:
    return progress(lambda pct, _done, _total: tr("  {label}: {pct}%", label=label, pct=pct))


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    """Read, preview and (unless ``--dry-run`` or rows are rejected) apply an import."""
    out = ctx.out
    if ctx.path.exists():  # refused before the file is read (checked again in the domain)
        read_roots(ctx.db, ctx.actor, "pegawai.impor")
    source = read_source(args.file, sheet=args.sheet, progress=_progress(tr("membaca")))
    db = ctx.db
    if args.preset:
        preset = get_preset(db, args.preset)
        mapping = apply_preset(source.headers, preset)
        how = tr("preset '{name}'", name=preset.name)
    else:
        mapping = guess_mapping(source.headers)
        how = tr("ekspor SIASN") if detect_siasn(source.headers) else tr("tebakan dari judul kolom")
    where = f"{source.path.name}" + (f" [{source.sheet}]" if source.sheet else "")
    print(
        tr(
            "Berkas {file}: {n} baris data, judul kolom di baris {h}; pemetaan: {how}.",
            file=where,
            n=angka(len(source.rows)),
            h=source.header_row,
            how=how,
        ),
        file=out,
    )
    mapped = [
        f"{source.headers[i]} → {FIELD_BY_NAME[f].label}" for i, f in sorted(mapping.items()) if f
    ]
    print(tr("Kolom dipakai: {cols}", cols="; ".join(mapped) or "-"), file=out)
    plan = plan_import(
        db,
        source,
        mapping,
        on_existing=args.on_existing,
        progress=_progress(tr("memeriksa")),
        actor=ctx.actor,
    )
    c = plan.counts
    print(
        tr(
            "Pratinjau: {baru} baru, {berubah} berubah, {sama} sama, {ditolak} ditolak, "
            "{dilewati} dilewati; {k} kesalahan, {p} peringatan.",
            baru=angka(c["baru"]),
            berubah=angka(c["berubah"]),
            sama=angka(c["sama"]),
            ditolak=angka(c["ditolak"]),
            dilewati=angka(c["dilewati"]),
            k=angka(plan.error_count),
            p=angka(plan.warning_count),
        ),
        file=out,
    )
    if plan.units:
        print(
            tr(
                "Unit baru yang akan dibuat: {units}",
                units="; ".join(str(u["nama"]) for u in plan.units),
            ),
            file=out,
        )
    issues = sorted(plan.issues, key=lambda i: (i.level != "kesalahan", i.row))
    for issue in issues[:MAX_ISSUES_SHOWN]:
        level = tr("KESALAHAN") if issue.level == "kesalahan" else tr("peringatan")
        value = f" '{issue.value}'" if issue.value else ""
        print(
            tr(
                "  Baris {row}, kolom {col}{value}: {reason} [{level}]",
                row=issue.row,
                col=issue.column,
                value=value,
                reason=issue.reason,
                level=level,
            ),
            file=out,
        )
    if len(issues) > MAX_ISSUES_SHOWN:
        print(
            tr(
                "  … dan {n} masalah lain (simpan semuanya dengan --report OUT.xlsx).",
                n=angka(len(issues) - MAX_ISSUES_SHOWN),
            ),
            file=out,
        )
    if args.report:
        write_import_report(db, ctx.actor, ImportReportRequest(plan, args.report), NO_PROGRESS)
        print(tr("Laporan pratinjau disimpan: {path}", path=args.report), file=out)
    if not plan.ok:
        print(
            tr(
                "Tidak ada yang disimpan: {n} baris ditolak. Perbaiki berkasnya lalu impor lagi.",
                n=angka(c["ditolak"]),
            ),
            file=out,
        )
        return ExitCode.INVALID
    if args.dry_run:
        print(tr("Uji coba (--dry-run): tidak ada yang disimpan."), file=out)
        return ExitCode.OK
    backup = before_risky_job(db, "impor")
    if backup is not None:
        print(tr("Cadangan sebelum impor: {path}", path=backup.path), file=out)
    result = apply_import(db, plan, actor=ctx.actor, progress=_progress(tr("menyimpan")))
    print(
        tr(
            "Disimpan: {baru} pegawai baru, {berubah} diperbarui, {riwayat} baris riwayat, "
            "{unit} unit baru.",
            baru=angka(result["baru"]),
            berubah=angka(result["berubah"]),
            riwayat=angka(result["riwayat"]),
            unit=angka(result["unit"]),
        ),
        file=out,
    )
    return ExitCode.OK
