"""``merit bezetting [--unit U] [--format table|json]``: seats against people in post.

The same function as the Organisasi & Formasi screen
(:func:`app.models.organisasi.bezetting.bezetting_report`).
Without ``--unit``: the whole organisation (a reader of some units: their unit). The report
names the people in post, so it needs ``laporan.baca``. Exit codes: 0 printed, 3 unit not
found, 6 access refused.
"""

from __future__ import annotations

import argparse

from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import angka, tr
from app.models.access.akses import read_unit
from app.models.organisasi import bezetting
from app.models.organisasi.units import find_unit


def register(sub: Commands) -> None:
    """Add ``bezetting`` to the ``merit`` sub-commands."""
    p = sub.add_parser("bezetting", help=tr("kebutuhan, terisi, kosong dan lebih per jabatan"))
    p.add_argument("--unit", metavar="U", help=tr("unit (nama, singkatan, kode atau id)"))
    p.add_argument(
        "--tanpa-sub-unit",
        action="store_true",
        help=tr("hanya jabatan unit itu sendiri, tanpa sub-unitnya"),
    )
    p.add_argument("--kosong", action="store_true", help=tr("hanya jabatan yang masih kosong"))
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=cmd_bezetting)


def cmd_bezetting(ctx: Context, args: argparse.Namespace) -> int:
    conn = ctx.db.conn
    out = ctx.out
    unit_id = find_unit(conn, args.unit) if args.unit else None
    unit_id = read_unit(ctx.db, ctx.actor, "laporan.baca", unit_id)  # refused, or scoped
    report = bezetting.bezetting_report(conn, unit_id, include_sub_units=not args.tanpa_sub_unit)
    rows = [r for r in report.rows if r.kosong > 0] if args.kosong else report.rows
    t = bezetting.total(rows, report.total.unit_nama)
    if args.format == "json":
        write_json(
            out,
            {
                "unit": report.total.unit_nama,
                "unit_id": unit_id,
                "termasuk_sub_unit": report.include_sub_units,
                "jumlah": {
                    "jabatan": t.jabatan,
                    "kebutuhan": t.kebutuhan,
                    "terisi": t.terisi,
                    "kosong": t.kosong,
                    "lebih": t.lebih,
                    "tidak_memenuhi": t.tidak_memenuhi,
                    "tanpa_formasi": len(report.tanpa_formasi),
                },
                "jabatan": [r.as_json() for r in rows],
            },
        )
        return ExitCode.OK
    cols = (
        (tr("Jabatan"), 36, False),
        (tr("Unit"), 28, False),
        (tr("Jenjang"), 14, False),
        (tr("Kelas"), 5, True),
        (tr("Butuh"), 6, True),
        (tr("Isi"), 6, True),
        (tr("Kosong"), 6, True),
        (tr("Lebih"), 6, True),
    )

    def line(values: tuple[object, ...]) -> str:
        cells = []
        for (_, width, right), value in zip(cols, values, strict=True):
            text = clip(value, width)
            cells.append(f"{text:>{width}}" if right else f"{text:<{width}}")
        return "  ".join(cells).rstrip()

    print(line(tuple(title for title, _, _ in cols)), file=out)
    for r in rows:
        print(
            line(
                (
                    r.nama,
                    r.unit_nama,
                    r.jenjang_nama,
                    r.kelas_jabatan or "",
                    angka(r.kebutuhan),
                    angka(r.terisi),
                    angka(r.kosong),
                    angka(r.lebih),
                )
            ),
            file=out,
        )
    print(
        tr(
            "{unit}: {n} jabatan, kebutuhan {k}, terisi {i}, kosong {o}, lebih {l}.",
            unit=report.total.unit_nama,
            n=angka(t.jabatan),
            k=angka(t.kebutuhan),
            i=angka(t.terisi),
            o=angka(t.kosong),
            l=angka(t.lebih),
        ),
        file=out,
    )
    if t.tidak_memenuhi:
        print(
            tr(
                "{n} pemangku belum memenuhi syarat golongan/pendidikan.", n=angka(t.tidak_memenuhi)
            ),
            file=out,
        )
    if report.tanpa_formasi:
        print(
            tr(
                "{n} pegawai aktif tanpa jabatan dalam formasi unit ini.",
                n=angka(len(report.tanpa_formasi)),
            ),
            file=out,
        )
    return ExitCode.OK
