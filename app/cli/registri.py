"""``merit employees set | leave | delete``: editing employee records from the command line.

The same functions as the screens (:mod:`app.models.pegawai.write`). Exit codes: 0 done, 2 invalid
input (nothing written), 3 employee not found.

``delete`` never prompts when its input is not a terminal (scripts): there it needs ``--yes``.
At a terminal without ``--yes`` it asks once.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from app.i18n import tanggal, tr
from app.models.errors import ValidationError
from app.models.pegawai.fields import EMPLOYEE_FIELDS

COMMANDS = ("set", "ubah", "leave", "keluar", "delete", "hapus")


def add_parsers(emp_sub: Any) -> None:
    """Add the editing sub-commands to the ``employees`` parser."""
    p = emp_sub.add_parser(
        "set",
        aliases=["ubah"],
        help=tr("ubah data pokok pegawai: KOLOM=NILAI ..."),
        description=tr(
            "Ubah data pokok pegawai. Nilai kosong (KOLOM=) mengosongkan kolom. Kolom: {kolom}.",
            kolom=", ".join(EMPLOYEE_FIELDS),
        ),
    )
    p.add_argument("nip", metavar="NIP")
    p.add_argument("assignments", nargs="+", metavar="KOLOM=NILAI")

    p = emp_sub.add_parser(
        "leave",
        aliases=["keluar"],
        help=tr("catat pegawai keluar dari dinas (pensiun, meninggal, pindah, berhenti)"),
    )
    p.add_argument("nip", metavar="NIP")
    p.add_argument(
        "--status",
        "--kedudukan",
        required=True,
        metavar="KEDUDUKAN",
        help=tr("pensiun, meninggal, pindah atau berhenti (dari tabel referensi kedudukan)"),
    )
    p.add_argument("--date", "--tmt", required=True, metavar="TTTT-BB-HH", help=tr("TMT"))
    p.add_argument("--keterangan", metavar="TEKS", help=tr("catatan untuk jejak audit"))

    p = emp_sub.add_parser(
        "delete",
        aliases=["hapus"],
        help=tr("hapus data pegawai yang dibuat karena keliru (bukan untuk pegawai yang keluar)"),
    )
    p.add_argument("nip", metavar="NIP")
    p.add_argument(
        "--yes",
        "--ya",
        action="store_true",
        help=tr("tanpa konfirmasi (wajib bila tidak dijalankan di terminal)"),
    )


def run(args: argparse.Namespace, db: Any, actor: str, out: TextIO) -> int:
    """Run one editing sub-command. Raises MeritError on refusal."""
    from app.models.pegawai import write as registri
    from app.models.pegawai.read import find_pegawai_id, get_employee
    from app.models.reference.loader import Referensi

    command = args.employees_command
    if command in ("set", "ubah"):
        assignments = registri.parse_assignments(args.assignments)
        changed = registri.set_fields(db, args.nip, assignments, actor=actor)
        if changed:
            print(tr("Diubah: {kolom}.", kolom=", ".join(changed)), file=out)
        else:
            print(tr("Tidak ada perubahan."), file=out)
        return 0
    pegawai_id = find_pegawai_id(db.conn, args.nip)
    record = get_employee(db.conn, pegawai_id)
    nama = record.data["nama_lengkap"]
    if command in ("leave", "keluar"):
        registri.leave_service(
            db, pegawai_id, args.status, args.date, actor=actor, keterangan=args.keterangan
        )
        data = get_employee(db.conn, pegawai_id).data
        ref = Referensi.load(db.conn)
        print(
            tr(
                "{nama}: kedudukan {kedudukan} sejak {tgl}.",
                nama=nama,
                kedudukan=ref.label("ref_kedudukan", data["kedudukan"]).lower(),
                tgl=tanggal(data["tmt_kedudukan"]),
            ),
            file=out,
        )
        return 0
    # delete
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError(
                tr(
                    "Menghapus {nama} perlu konfirmasi: tambahkan --yes. Untuk pegawai yang "
                    "pensiun, meninggal, pindah atau berhenti gunakan `merit employees leave`.",
                    nama=nama,
                ),
                field="yes",
            )
        answer = input(
            tr(
                "Hapus {nama} (NIP {nip}) beserta riwayatnya? Hanya untuk data yang dibuat "
                "karena keliru. [y/T] ",
                nama=nama,
                nip=record.data["nip"],
            )
        )
        if answer.strip().lower() not in ("y", "ya", "yes"):
            print(tr("Dibatalkan; tidak ada yang dihapus."), file=out)
            return 1
    count = registri.delete_employee(db, pegawai_id, actor=actor)
    print(tr("{nama} dihapus ({n} baris ditandai terhapus).", nama=nama, n=count), file=out)
    return 0
