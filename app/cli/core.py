"""``merit``: the desktop app, and the same jobs without a screen.

Thin by design: parse arguments, call the functions the screens call, print, and exit non-zero
with an Indonesian message on error. ``merit`` with no command opens the desktop app.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from app import __version__, paths
from app.cli import args as cli_args
from app.cli import impor as cli_impor
from app.i18n import angka, tanggal, tr
from app.models.errors import MeritError, ValidationError

EXIT_UNEXPECTED = 70

# argparse's own messages, in Indonesian (argparse looks its strings up through ``argparse._``).
_ARGPARSE_ID = {
    "usage: ": "pemakaian: ",
    "options": "pilihan",
    "positional arguments": "argumen",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen wajib belum diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "expected one argument": "perlu satu nilai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan %(option)s taksa: bisa %(matches)s"
    ),
}


def _argparse_tr(text: str) -> str:
    return tr(_ARGPARSE_ID.get(text, text))


argparse._ = _argparse_tr  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, tr("{prog}: kesalahan: {message}\n", prog=self.prog, message=message))


def build_parser() -> Parser:
    parser = Parser(
        prog="merit",
        description=tr(
            "Merit: kepegawaian ASN untuk BKD/BKPSDM, bekerja tanpa internet. "
            "Tanpa perintah: membuka aplikasi desktop."
        ),
    )
    parser.add_argument(
        "--db",
        metavar="BERKAS",
        type=Path,
        help=tr("berkas basis data (bawaan: {path})", path=paths.default_db()),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=tr(
            "tanpa perintah: bila basis data masih kosong, langsung isi "
            "dengan data demo lalu buka aplikasi"
        ),
    )
    parser.add_argument(
        "--user",
        "--pengguna",
        metavar="NAMA",
        help=tr("masuk sebagai akun ini (wajib bila basis data memakai akun)"),
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="BERKAS",
        help=tr("kata sandi --user dari baris pertama berkas ini (tanpa ini: ditanyakan)"),
    )
    parser.add_argument("--version", action="version", version=f"Merit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=Parser)

    p = sub.add_parser("init", help=tr("buat basis data baru dengan nama instansi"))
    p.add_argument(
        "--nama-instansi",
        required=True,
        metavar="NAMA",
        help=tr("nama instansi, mis. 'BKPSDM Kota Kupang'"),
    )
    p.add_argument(
        "--nama-instalasi", metavar="NAMA", help=tr("nama instalasi ini, mis. 'Laptop Pansel 3'")
    )

    p = sub.add_parser("demo", help=tr("isi basis data kosong dengan data demo"))
    p.add_argument(
        "--employees",
        "--pegawai",
        type=cli_args.bilangan_tak_negatif,
        default=2000,
        metavar="N",
        help=tr("jumlah pegawai (bawaan 2000)"),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help=tr("benih acak; seed yang sama menghasilkan data yang sama"),
    )

    p = sub.add_parser("stats", help=tr("jumlah data per tabel dan per jenis"))
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))

    p = sub.add_parser("check", help=tr("periksa integritas basis data dan log perubahan"))
    p.add_argument(
        "--perbaiki",
        action="store_true",
        help=tr("bangun ulang ringkasan pegawai bila tidak mutakhir"),
    )

    p = sub.add_parser("nip", help=tr("uraikan isi NIP / NI PPPK, atau sebab tidak sah"))
    p.add_argument("nip", metavar="NIP")
    p.add_argument("--json", action="store_true", help=tr("keluaran JSON"))

    emp = sub.add_parser("employees", aliases=["pegawai"], help=tr("daftar dan rincian pegawai"))
    emp_sub = emp.add_subparsers(
        dest="employees_command", metavar="PERINTAH", required=True, parser_class=Parser
    )
    p = emp_sub.add_parser("list", aliases=["daftar"], help=tr("daftar pegawai"))
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
    p = emp_sub.add_parser("show", aliases=["lihat"], help=tr("rincian satu pegawai"))
    p.add_argument("nip", metavar="NIP")
    p.add_argument("--format", choices=["text", "json"], default="text")
    from app.cli import registri as cli_registri

    cli_registri.add_parsers(emp_sub)
    from app.cli import rekap as cli_rekap

    cli_rekap.register(sub)
    cli_impor.register(sub)
    from app.cli import formasi as cli_formasi

    cli_formasi.register(sub)
    from app.cli import dokumen as cli_dokumen

    cli_dokumen.register(sub)
    from app.cli import akun as cli_akun

    cli_akun.register(sub)
    from app.cli import audit as cli_audit
    from app.cli import cadangan as cli_cadangan

    cli_audit.register(sub)
    cli_cadangan.register(sub)
    from app.cli import skp as cli_skp

    cli_skp.register(sub)
    from app.cli import sync as cli_sync

    cli_sync.register(sub)
    from app.cli import seleksi as cli_seleksi

    cli_seleksi.register(sub)
    return parser


# -- commands -------------------------------------------------------------------------------------


def _open(args: argparse.Namespace, *, create: bool = True) -> Any:
    from app.models.storage.db import Database

    path = args.db or paths.default_db()
    if not create and not Path(path).exists():
        raise MeritError(
            tr(
                "Basis data {path} belum ada. Buat dulu dengan `merit init` atau `merit demo`.",
                path=path,
            )
        )
    db = Database(path)
    _OPENED.append(db)  # closed when the command ends (see main)
    from app.cli import akun as cli_akun

    cli_akun.sign_in(args, db)  # --user, or the machine's owner when there are no accounts
    return db


# Databases opened by the running command: closed when it ends, so that the file is left with
# no connection (and no -wal/-shm files) even when main() runs inside another program or a test.
_OPENED: list[Any] = []


def _close_opened() -> None:
    while _OPENED:
        _OPENED.pop().close()


def _actor() -> str:
    """Who this run acts as: the signed-in account (a Sesi, see app/cli/akun.py) or the
    machine's owner ("cli:<os user>", trusted) when the database has no accounts."""
    from app.cli import akun as cli_akun

    if cli_akun.SESI is not None:
        return cli_akun.SESI  # type: ignore[no-any-return]
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from app.models.storage.instansi import is_set_up, setup

    db = _open(args)
    if is_set_up(db):
        raise MeritError(tr("Basis data {path} sudah disiapkan sebelumnya.", path=db.path))
    setup(db, args.nama_instansi, nama_instalasi=args.nama_instalasi, actor=_actor())
    print(tr("Basis data siap: {path}", path=db.path), file=out)
    return 0


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from app.demo.tulis import create_demo

    db = _open(args)
    last = [-1]

    def progress(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct // 10 != last[0] and sys.stderr.isatty():
            last[0] = pct // 10
            print(
                tr("  {pct}% ({done} dari {total} pegawai)", pct=pct, done=done, total=total),
                file=sys.stderr,
            )

    result = create_demo(db, args.employees, args.seed, actor=_actor(), progress=progress)
    print(
        tr(
            "Data demo dibuat di {path}: {n} pegawai, {rows} baris.",
            path=db.path,
            n=angka(result.employees),
            rows=angka(result.rows),
        ),
        file=out,
    )
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from app.models.storage.instansi import stats

    data = stats(_open(args, create=False))
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(
        tr("Basis data: {path} (skema {v})", path=data["basis_data"], v=data["versi_skema"]),
        file=out,
    )
    print(tr("Instalasi: {nama}", nama=data["nama_instalasi"]), file=out)
    for name, counts in data["tabel"].items():
        if counts["jumlah"]:
            print(
                f"  {name:<28} {angka(counts['aktif']):>10}"
                + (tr("  ({n} dihapus)", n=counts["dihapus"]) if counts["dihapus"] else ""),
                file=out,
            )
    for kind, counts in data["pegawai"].items():
        print(f"  {kind}: " + ", ".join(f"{k} {angka(v)}" for k, v in counts.items()), file=out)
    log = data["log_perubahan"]
    print(
        tr("Log perubahan: {b} batch, {o} operasi", b=angka(log["batch"]), o=angka(log["operasi"])),
        file=out,
    )
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from app.models.storage.instansi import check

    db = _open(args, create=False)
    report = check(db, repair_summary=args.perbaiki)
    if report.ok:
        print(
            tr(
                "Basis data baik: {batch} batch log perubahan cocok dengan isi data.",
                batch=angka(report.facts.get("batch", 0)),
            ),
            file=out,
        )
        if report.facts.get("ringkasan_berbeda") and args.perbaiki:
            print(
                tr("Ringkasan {n} pegawai dibangun ulang.", n=report.facts["ringkasan_berbeda"]),
                file=out,
            )
        return 0
    for problem in report.problems:
        print(tr("MASALAH: {p}", p=problem), file=out)
    return 5


def cmd_nip(args: argparse.Namespace, out: TextIO) -> int:
    from app.models.rules.nip import check_nip, describe_nip

    result = check_nip(args.nip)
    if args.json:
        info = result.info
        data: dict[str, Any] = {
            "nip": result.nip,
            "valid": result.valid,
            "kesalahan": list(result.kesalahan),
            "peringatan": list(result.peringatan),
        }
        if info:
            data.update(
                {
                    "jenis_asn": info.jenis_asn,
                    "tanggal_lahir": info.tanggal_lahir.isoformat(),
                    "jenis_kelamin": info.jenis_kelamin,
                    "nomor_urut": info.nomor_urut,
                    "tmt_cpns": info.tmt_cpns.isoformat() if info.tmt_cpns else None,
                    "tahun_pengangkatan": info.tahun_pengangkatan,
                    "kontrak_ke": info.kontrak_ke,
                }
            )
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0 if result.valid else 2
    if not result.valid:
        raise ValidationError(
            tr("NIP {nip} tidak sah:", nip=args.nip)
            + "\n"
            + "\n".join(f"  - {r}" for r in result.kesalahan),
            field="nip",
            reasons=list(result.kesalahan),
        )
    for label, value in describe_nip(args.nip):  # warnings come last, labelled
        print(f"{label:<24} {value}", file=out)
    return 0


def _golongan_filter(conn: Any, text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    from app.models.reference.loader import Referensi

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


def cmd_employees(args: argparse.Namespace, out: TextIO) -> int:
    from app.models.pegawai import read as emp

    db = _open(args, create=False)
    conn = db.conn
    from app.cli import registri as cli_registri

    if args.employees_command in cli_registri.COMMANDS:
        return cli_registri.run(args, db, _actor(), out)
    from app.models.access.akses import require

    if args.employees_command in ("show", "lihat"):
        require(
            db, _actor(), "pegawai.baca_rincian", pegawai_id=emp.find_pegawai_id(conn, args.nip)
        )
        record = emp.get_employee(conn, args.nip)
        if args.format == "json":
            json.dump(emp.record_to_json(record), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            _print_record(record, out)
        return 0
    from app.models.organisasi.units import find_unit

    require(db, _actor(), "pegawai.baca")
    flt = emp.EmployeeFilter(
        search=args.search,
        unit_id=find_unit(conn, args.unit) if args.unit else None,
        golongan=_golongan_filter(conn, args.golongan),
        kelompok_jabatan=args.jabatan,
        status=args.status,
        kedudukan=args.kedudukan.upper() if args.kedudukan else None,
        sort=args.sort,
    )
    rows = emp.list_employees(conn, flt, limit=args.limit)
    if args.format == "json":
        json.dump(
            [{k: r[k] for k in (*emp.LIST_FIELDS, "pangkat")} for r in rows],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*emp.LIST_FIELDS, "pangkat"])
        for r in rows:
            writer.writerow([_csv_safe(r[k]) for k in (*emp.LIST_FIELDS, "pangkat")])
    else:
        _print_table(rows, out)
        print(tr("{n} pegawai", n=angka(len(rows))), file=out)
    return 0


def _csv_safe(value: object) -> object:
    """Neutralise spreadsheet formula injection in exported text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _clip(text: object, width: int) -> str:
    s = "" if text is None else str(text)
    return s if len(s) <= width else s[: width - 1] + "…"


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
        print("  ".join(f"{_clip(r[k], w):<{w}}" for k, _, w in cols).rstrip(), file=out)


def _print_record(record: Any, out: TextIO) -> None:
    from app.models.rules.nip import format_nip

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


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.rekap import cmd_export

    return cmd_export(args, out)


def _cmd_bezetting(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.formasi import cmd_bezetting

    return cmd_bezetting(args, out)


def _lazy(module: str, name: str) -> Any:
    import importlib

    return getattr(importlib.import_module(f"app.{module}"), name)


def _cmd_akun(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.akun import cmd_akun

    return cmd_akun(args, out)


# -- entry ----------------------------------------------------------------------------------------

COMMANDS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "stats": cmd_stats,
    "check": cmd_check,
    "nip": cmd_nip,
    "employees": cmd_employees,
    "pegawai": cmd_employees,
    "export": _cmd_export,
    "ekspor": _cmd_export,
    "bezetting": _cmd_bezetting,
    "import": cli_impor.cmd_import,
    "impor": cli_impor.cmd_import,
    "akun": _cmd_akun,
    "audit": lambda args, out: _lazy("cli.audit", "cmd_audit")(args, out),
    "backup": lambda args, out: _lazy("cli.cadangan", "cmd_backup")(args, out),
    "cadangkan": lambda args, out: _lazy("cli.cadangan", "cmd_backup")(args, out),
    "restore": lambda args, out: _lazy("cli.cadangan", "cmd_restore")(args, out),
    "pulihkan": lambda args, out: _lazy("cli.cadangan", "cmd_restore")(args, out),
    "skp": lambda args, out: _lazy("cli.skp", "cmd_skp")(args, out),
    "kinerja": lambda args, out: _lazy("cli.skp", "cmd_skp")(args, out),
    "sk": lambda args, out: _lazy("cli.dokumen", "cmd_sk")(args, out),
    "verify": lambda args, out: _lazy("cli.dokumen", "cmd_verify")(args, out),
    "verifikasi": lambda args, out: _lazy("cli.dokumen", "cmd_verify")(args, out),
    "sync": lambda args, out: _lazy("cli.sync", "cmd_sync")(args, out),
    "sinkron": lambda args, out: _lazy("cli.sync", "cmd_sync")(args, out),
    "selection": lambda args, out: _lazy("cli.seleksi", "cmd_selection")(args, out),
    "seleksi": lambda args, out: _lazy("cli.seleksi", "cmd_selection")(args, out),
    "kp": lambda args, out: _lazy("cli.seleksi", "cmd_kp")(args, out),
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the ``merit`` command. Returns the exit code."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.cli import akun as cli_akun

    cli_akun.reset()
    if args.command is None:
        from app.ui.application import run_app

        return run_app(args.db, demo=args.demo)
    try:
        return COMMANDS[args.command](args, out)
    except MeritError as exc:
        print(tr("merit: {message}", message=exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(tr("merit: dihentikan."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`merit stats | head`): not an error of Merit. Point stdout
        # at nothing so that Python's own flush at exit does not complain either.
        import os

        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from app.models.storage.db import as_storage_error

        storage = as_storage_error(exc, args.db or paths.default_db())
        if storage is not None:
            print(tr("merit: {message}", message=storage), file=sys.stderr)
            return storage.exit_code
        from app.crash import write_crash_log

        log = write_crash_log(exc)
        print(
            tr(
                "merit: terjadi kesalahan tak terduga. Rincian disimpan di {path}. Kirimkan "
                "berkas itu ke admin.",
                path=log,
            ),
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    finally:
        _close_opened()
