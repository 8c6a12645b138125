"""``merit employees list | show | set | leave | delete`` (alias ``pegawai``).

The same functions as the screens (:mod:`app.models.pegawai.read` and
:mod:`app.models.pegawai.write`), with the same rights: the list holds only the employees the
account may read (an operator of one unit: that unit), ``show`` and the machine-readable lists
(``--format csv|json``) are audited, ``--format csv`` is an export (``pegawai.ekspor``).
Exit codes: 0 done, 1 delete not confirmed at the terminal, 2 invalid input (nothing written),
3 employee or unit not found, 6 access refused.

``delete`` never prompts when its input is not a terminal (scripts): there it needs ``--yes``.
At a terminal without ``--yes`` it asks once.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
from typing import Any, TextIO

from app.cli import args as cli_args
from app.cli.args import Commands, Parser
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import angka, tanggal, tr
from app.models.access.akses import record_access, require
from app.models.errors import ValidationError
from app.models.organisasi.units import find_unit
from app.models.pegawai import read as emp
from app.models.pegawai import write as registri
from app.models.pegawai.ekspor import describe_filter, record_export
from app.models.reference.loader import Referensi
from app.models.rules.nip import format_nip


def register(sub: Commands) -> None:
    """Add ``employees`` and its sub-commands to the ``merit`` sub-commands."""
    p = sub.add_parser("employees", aliases=["pegawai"], help=tr("daftar dan rincian pegawai"))
    cmds = p.add_subparsers(
        dest="employees_command", metavar="PERINTAH", required=True, parser_class=Parser
    )
    p = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar pegawai"))
    p.add_argument("--search", "--cari", default="", metavar="TEKS", help=tr("cari nama atau NIP"))
    p.add_argument("--unit", metavar="U", help=tr("unit (nama, singkatan, kode atau id)"))
    p.add_argument(
        "--golongan", metavar="GOL", help=tr("golongan, mis. III/a, atau kelompok I, II, III, IV")
    )
    p.add_argument(
        "--jabatan",
        metavar="KELOMPOK",
        choices=["JPT", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "JF"],
        help=tr("kelompok jabatan"),
    )
    p.add_argument("--status", choices=["CPNS", "PNS", "PPPK"], help=tr("status kepegawaian"))
    p.add_argument(
        "--kedudukan",
        metavar="K",
        help=tr("AKTIF, PENSIUN, MENINGGAL, PINDAH, BERHENTI (bawaan: semua)"),
    )
    p.add_argument(
        "--sort",
        "--urut",
        default="nama",
        choices=["nama", "nip", "golongan", "jabatan", "unit", "status"],
    )
    p.add_argument(
        "--limit", type=cli_args.bilangan_tak_negatif, metavar="N", help=tr("paling banyak N baris")
    )
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("show", aliases=["lihat"], help=tr("rincian satu pegawai"))
    p.add_argument("nip", metavar="NIP")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_show)

    p = cmds.add_parser(
        "set",
        aliases=["ubah"],
        help=tr("ubah data pokok pegawai: KOLOM=NILAI ..."),
        description=tr(
            "Ubah data pokok pegawai. Nilai kosong (KOLOM=) mengosongkan kolom. Kolom: {kolom}.",
            kolom=", ".join(registri.EMPLOYEE_FIELDS),
        ),
    )
    p.add_argument("nip", metavar="NIP")
    p.add_argument("assignments", nargs="+", metavar="KOLOM=NILAI")
    p.set_defaults(handler=cmd_set)

    p = cmds.add_parser(
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
    p.set_defaults(handler=cmd_leave)

    p = cmds.add_parser(
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
    p.set_defaults(handler=cmd_delete)


# -- reading --------------------------------------------------------------------------------------


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    conn = db.conn
    out = ctx.out
    actor = ctx.actor
    if args.format == "csv":
        require(
            db, actor, "pegawai.ekspor", unit_id=find_unit(conn, args.unit) if args.unit else None
        )
    flt = emp.EmployeeFilter(
        search=args.search,
        unit_id=find_unit(conn, args.unit) if args.unit else None,
        golongan=_golongan_filter(conn, args.golongan),
        kelompok_jabatan=args.jabatan,
        status=args.status,
        kedudukan=args.kedudukan.upper() if args.kedudukan else None,
        sort=args.sort,
    )
    flt = emp.scoped_filter(db, actor, flt)  # refused without the right; the actor's units only
    rows = emp.list_employees(conn, flt, limit=args.limit)
    if args.format == "csv":
        record_export(db, flt, "stdout.csv", len(rows), actor=actor)
    elif args.format == "json":
        record_access(
            db,
            actor,
            tr("Membaca daftar pegawai (JSON)"),
            tabel="pegawai",
            keterangan=tr("{n} pegawai; {filter}", n=len(rows), filter=describe_filter(conn, flt)),
        )
    fields = (*emp.LIST_FIELDS, "pangkat")
    if args.format == "json":
        write_json(out, [{k: r[k] for k in fields} for r in rows])
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fields)
        for r in rows:
            writer.writerow([_csv_safe(r[k]) for k in fields])
    else:
        _print_table(rows, out)
        print(tr("{n} pegawai", n=angka(len(rows))), file=out)
    return ExitCode.OK


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    # Refused (audited) without the right to this employee's details; the read is audited.
    record = emp.read_employee(ctx.db, ctx.actor, args.nip)
    if args.format == "json":
        write_json(ctx.out, emp.record_to_json(record))
    else:
        _print_record(record, ctx.out)
    return ExitCode.OK


def _golongan_filter(conn: sqlite3.Connection, text: str | None) -> tuple[str, ...]:
    """The golongan codes that ``--golongan`` names: one (III/a) or a group (III)."""
    if not text:
        return ()
    ref = Referensi.load(conn)
    value = text.strip()
    if value.upper() in ("I", "II", "III", "IV"):
        return tuple(
            k
            for k, r in ref.golongan.items()
            if r["jenis_asn"] == "PNS" and k.split("/")[0] == value.upper()
        )
    for kode in ref.golongan:
        if kode.casefold() == value.casefold():
            return (kode,)
    raise ValidationError(
        tr("Golongan '{g}' tidak dikenal. Contoh: III/a, IV/b, atau kelompok III.", g=text),
        field="golongan",
    )


def _csv_safe(value: object) -> object:
    """Neutralise spreadsheet formula injection in exported text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _print_table(rows: list[dict[str, Any]], out: TextIO) -> None:
    cols = (
        ("nip", "NIP", 18),
        ("nama_lengkap", tr("Nama"), 34),
        ("golongan", tr("Gol"), 6),
        ("jabatan", tr("Jabatan"), 34),
        ("opd", tr("Unit"), 30),
    )
    print("  ".join(f"{title:<{w}}" for _, title, w in cols).rstrip(), file=out)
    for r in rows:
        print("  ".join(f"{clip(r[k], w):<{w}}" for k, _, w in cols).rstrip(), file=out)


def _print_record(record: emp.EmployeeRecord, out: TextIO) -> None:
    d = record.data
    mkg = d["masa_kerja_golongan"]
    lines = [
        (tr("Nama"), d["nama_lengkap"]),
        ("NIP", format_nip(d["nip"])),
        (tr("Tempat, tanggal lahir"), f"{d['tempat_lahir'] or '-'}, {tanggal(d['tanggal_lahir'])}"),
        (tr("Jenis kelamin"), tr("Laki-laki") if d["jenis_kelamin"] == "L" else tr("Perempuan")),
        (tr("Status"), f"{d['status']} ({d['kedudukan']})"),
        (tr("TMT CPNS"), tanggal(d["tmt_cpns"])),
        (tr("Pangkat/golongan"), f"{d['pangkat'] or ''} ({d['golongan'] or '-'})".strip()),
        (tr("TMT golongan"), tanggal(d["tmt_golongan"])),
        (
            tr("Masa kerja golongan"),
            tr("{t} tahun {b} bulan", t=mkg["tahun"], b=mkg["bulan"]) if mkg else "-",
        ),
        (
            tr("Gaji pokok"),
            f"Rp{angka(d['gaji_pokok'])}" if d.get("gaji_pokok") is not None else "-",
        ),
        (tr("KGB berikutnya"), tanggal(d.get("kgb_berikut"))),
        (tr("Jabatan"), d["jabatan"] or "-"),
        (tr("Unit"), d["unit"] or "-"),
        (tr("Perangkat daerah"), d["opd"] or "-"),
        (tr("Pendidikan"), d["pendidikan"] or "-"),
        (tr("BUP / TMT pensiun"), f"{d['bup']} {tr('tahun')} / {tanggal(d['tanggal_pensiun'])}"),
    ]
    for label, value in lines:
        print(f"{label:<22} {value}", file=out)
    for name, rows in record.riwayat.items():
        print(tr("Riwayat {name}: {n} baris", name=name.replace("_", " "), n=len(rows)), file=out)


# -- editing --------------------------------------------------------------------------------------


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    assignments = registri.parse_assignments(args.assignments)
    changed = registri.set_fields(db, args.nip, assignments, actor=ctx.actor)
    if changed:
        print(tr("Diubah: {kolom}.", kolom=", ".join(changed)), file=ctx.out)
    else:
        print(tr("Tidak ada perubahan."), file=ctx.out)
    return ExitCode.OK


def cmd_leave(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    pegawai_id = emp.find_pegawai_id(db.conn, args.nip)
    require(db, ctx.actor, "pegawai.ubah", pegawai_id=pegawai_id)  # before reading the record
    nama = emp.get_employee(db.conn, pegawai_id).data["nama_lengkap"]
    registri.leave_service(
        db, pegawai_id, args.status, args.date, actor=ctx.actor, keterangan=args.keterangan
    )
    data = emp.get_employee(db.conn, pegawai_id).data
    ref = Referensi.load(db.conn)
    print(
        tr(
            "{nama}: kedudukan {kedudukan} sejak {tgl}.",
            nama=nama,
            kedudukan=ref.label("ref_kedudukan", data["kedudukan"]).lower(),
            tgl=tanggal(data["tmt_kedudukan"]),
        ),
        file=ctx.out,
    )
    return ExitCode.OK


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    pegawai_id = emp.find_pegawai_id(db.conn, args.nip)
    require(db, ctx.actor, "pegawai.hapus", pegawai_id=pegawai_id)  # before any question
    record = emp.get_employee(db.conn, pegawai_id)
    nama = record.data["nama_lengkap"]
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
            print(tr("Dibatalkan; tidak ada yang dihapus."), file=ctx.out)
            return ExitCode.FAILED
    count = registri.delete_employee(db, pegawai_id, actor=ctx.actor)
    print(tr("{nama} dihapus ({n} baris ditandai terhapus).", nama=nama, n=count), file=ctx.out)
    return ExitCode.OK
