"""``merit skp ...``: the SKP appraisal without a screen.

* ``merit skp create --year Y [--unit U]``: draft SKPs for every active employee without one
  (plan carried forward from last year when the position is unchanged).
* ``merit skp plan NIP --year Y --hasil "rencana|indikator|target" [...]``: add results.
* ``merit skp submit NIP --year Y``; ``merit skp rate NIP --year Y --hasil atas|sesuai|bawah
  --perilaku atas|sesuai|bawah``; ``merit skp approve NIP --year Y``; ``merit skp return`` and
  ``merit skp reopen`` with ``--catatan``.
* ``merit skp status --year Y [--unit U] [--format json]``: state and predikat per employee.
* ``merit skp pdf NIP --year Y --out F.pdf``; ``merit skp rekap --year Y --out F.xlsx``.

The same functions as the screens (:mod:`app.models.skp`, the exports in :mod:`app.jobs.skp`),
with the same rights: with accounts, ``--user`` must be the appraiser to rate, the appraiser's
superior to approve, the admin to reopen. Exit codes: 2 invalid input or wrong state, 3 not
found, 6 access refused.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from app.cli import args as cli_args
from app.i18n import angka, tr
from app.jobs.skp import EvaluasiRequest, RekapSkpRequest, write_evaluasi_pdf, write_rekap_xlsx
from app.models.rules.skp import status_label
from app.models.skp import bulk, workflow
from app.models.skp import progress as skp_progress
from app.models.skp import read as skp_read
from app.models.skp import write as skp_write
from app.models.skp.types import HasilKerjaData, IndikatorData

RATINGS = ("atas", "sesuai", "bawah")


def register(sub: Any) -> None:
    """Add ``skp`` to the ``merit`` sub-commands."""
    skp = sub.add_parser("skp", aliases=["kinerja"], help=tr("penilaian kinerja (SKP)"))
    cmds = skp.add_subparsers(
        dest="skp_command", metavar="PERINTAH", required=True, parser_class=type(skp)
    )

    def year(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--year", "--tahun", dest="tahun", type=cli_args.tahun, required=True, metavar="Y"
        )

    p = cmds.add_parser("create", aliases=["buat"], help=tr("buat SKP draf secara massal"))
    year(p)
    p.add_argument("--unit", metavar="U", help=tr("unit (dengan sub-unitnya); bawaan: semua"))

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

    p = cmds.add_parser("submit", aliases=["ajukan"], help=tr("ajukan SKP untuk dinilai"))
    p.add_argument("nip", metavar="NIP")
    year(p)

    p = cmds.add_parser("rate", aliases=["nilai"], help=tr("nilai SKP (pejabat penilai)"))
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument("--hasil", required=True, choices=RATINGS, help=tr("rating hasil kerja"))
    p.add_argument("--perilaku", required=True, choices=RATINGS, help=tr("rating perilaku kerja"))
    p.add_argument("--catatan", metavar="TEKS", help=tr("catatan pejabat penilai"))

    p = cmds.add_parser("approve", aliases=["tetapkan"], help=tr("tetapkan dan kunci SKP"))
    p.add_argument("nip", metavar="NIP")
    year(p)

    for name, alias, text in (
        ("return", "kembalikan", tr("kembalikan SKP untuk diperbaiki")),
        ("reopen", "buka", tr("buka kembali SKP yang sudah ditetapkan (admin)")),
    ):
        p = cmds.add_parser(name, aliases=[alias], help=text)
        p.add_argument("nip", metavar="NIP")
        year(p)
        p.add_argument("--catatan", required=True, metavar="TEKS", help=tr("alasan"))

    p = cmds.add_parser("status", help=tr("status dan predikat SKP per pegawai"))
    year(p)
    p.add_argument("--unit", metavar="U", help=tr("unit (dengan sub-unitnya)"))
    p.add_argument("--format", choices=["table", "json"], default="table")

    p = cmds.add_parser("pdf", help=tr("tulis Dokumen Evaluasi Kinerja Pegawai (.pdf)"))
    p.add_argument("nip", metavar="NIP")
    year(p)
    p.add_argument("--out", required=True, type=Path, metavar="BERKAS.pdf")

    p = cmds.add_parser("rekap", help=tr("tulis rekap SKP (.xlsx)"))
    year(p)
    p.add_argument("--unit", metavar="U", help=tr("unit (dengan sub-unitnya)"))
    p.add_argument("--out", required=True, type=Path, metavar="BERKAS.xlsx")


def _parse_hasil(texts: list[str]) -> list[Any]:
    from app.models.errors import ValidationError

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


def cmd_skp(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.core import _actor, _open

    db = _open(args, create=False)
    conn = db.conn
    command = args.skp_command
    actor = _actor()
    unit_id = None
    if getattr(args, "unit", None):
        from app.models.organisasi.units import find_unit

        unit_id = find_unit(conn, args.unit)

    if command in ("create", "buat"):
        result = bulk.create_massal(db, args.tahun, actor=actor, unit_id=unit_id)
        print(
            tr(
                "SKP {tahun}: {n} dibuat ({c} melanjutkan rencana tahun lalu), {e} sudah ada.",
                tahun=args.tahun,
                n=angka(result.dibuat),
                c=angka(result.dilanjutkan),
                e=angka(result.sudah_ada),
            ),
            file=out,
        )
        return 0
    if command == "status":
        rows = skp_progress.list_skp(conn, args.tahun, unit_id=unit_id)
        if args.format == "json":
            data = [
                {
                    "nip": r.nip,
                    "nama": r.nama,
                    "unit": r.unit,
                    "status": r.status,
                    "predikat": r.predikat_kode,
                    "penilai": r.penilai or None,
                }
                for r in rows
            ]
            json.dump(data, out, ensure_ascii=False, indent=1)
            print(file=out)
            return 0
        from app.cli.core import _clip

        for r in rows:
            print(
                f"{r.nip:<18}  {_clip(r.nama, 32):<32}  {status_label(r.status):<13}  "
                f"{r.predikat or '-'}",
                file=out,
            )
        total = skp_progress.kemajuan(conn, args.tahun, unit_id).total
        print(
            tr(
                "Jumlah {n}: belum ada {b}, draf {d}, diajukan {a}, dinilai {r}, ditetapkan {t}.",
                n=angka(total.pegawai),
                b=angka(total.belum),
                d=angka(total.draft),
                a=angka(total.diajukan),
                r=angka(total.dinilai),
                t=angka(total.ditetapkan),
            ),
            file=out,
        )
        return 0
    if command == "rekap":
        n = write_rekap_xlsx(db, actor, RekapSkpRequest(args.tahun, args.out, unit_id))
        print(
            tr("Rekap SKP ditulis ke {path}: {n} pegawai.", path=args.out, n=angka(n)),
            file=out,
        )
        return 0

    skp_id = skp_read.find_skp(conn, args.nip, args.tahun)
    if command in ("plan", "rencana"):
        current = skp_read.rencana_data(skp_read.get_skp(conn, skp_id))
        skp_write.update_rencana(db, skp_id, [*current, *_parse_hasil(args.hasil)], actor=actor)
        print(tr("Rencana hasil kerja disimpan ({n} baru).", n=len(args.hasil)), file=out)
    elif command in ("submit", "ajukan"):
        workflow.ajukan(db, skp_id, actor=actor)
        print(tr("SKP {nip} tahun {tahun} diajukan.", nip=args.nip, tahun=args.tahun), file=out)
    elif command in ("rate", "nilai"):
        kode = workflow.nilai(
            db, skp_id, args.hasil, args.perilaku, actor=actor, catatan=args.catatan
        )
        from app.models.reference.loader import Referensi

        label = Referensi.load(conn).label("ref_predikat", kode)
        print(tr("SKP {nip} dinilai: predikat {p}.", nip=args.nip, p=label), file=out)
    elif command in ("approve", "tetapkan"):
        workflow.tetapkan(db, skp_id, actor=actor)
        print(
            tr("SKP {nip} tahun {tahun} ditetapkan dan terkunci.", nip=args.nip, tahun=args.tahun),
            file=out,
        )
    elif command in ("return", "kembalikan"):
        state = workflow.kembalikan(db, skp_id, args.catatan, actor=actor)
        print(
            tr(
                "SKP {nip} dikembalikan; status sekarang {s}.",
                nip=args.nip,
                s=status_label(state),
            ),
            file=out,
        )
    elif command in ("reopen", "buka"):
        workflow.buka_kembali(db, skp_id, args.catatan, actor=actor)
        print(
            tr("SKP {nip} tahun {tahun} dibuka kembali.", nip=args.nip, tahun=args.tahun), file=out
        )
    elif command == "pdf":
        pages = write_evaluasi_pdf(db, actor, EvaluasiRequest(skp_id, args.out))
        print(
            tr("Dokumen evaluasi ditulis ke {path} ({n} halaman).", path=args.out, n=pages),
            file=out,
        )
    return 0
