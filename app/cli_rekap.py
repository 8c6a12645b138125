"""``merit export duk|bezetting|rekap|kp|kgb|pensiun|diklat --out FILE.xlsx``: recap sheets.

The same functions as the screens: the lists come from :mod:`app.models.rekap` (and
:mod:`app.models.formasi` for bezetting), the workbook from :mod:`app.reports.recap_xlsx`.
An export of personal data is a sensitive read and is written to the audit trail.

Exit codes: 0 written, 2 invalid input (bad date, period or file name), 3 unit not found.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from app.i18n import angka, tr
from app.models.errors import ValidationError

JENIS = ("duk", "bezetting", "rekap", "kp", "kgb", "pensiun", "diklat")
TAHUN_PENSIUN = 5  # retirements listed ahead (asn-rules 13.2: BUP projection)


def _tanggal(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("tanggal '{text}' tidak sah; tulis sebagai TTTT-BB-HH, mis. 2026-11-22", text=text)
        ) from None


def _tahun(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1900 <= value <= 2200:
        raise argparse.ArgumentTypeError(
            tr("tahun '{text}' tidak sah; tulis empat angka, mis. 2027", text=text)
        )
    return value


def register(sub: Any) -> None:
    """Add ``export`` to the ``merit`` sub-commands."""
    p = sub.add_parser(
        "export",
        aliases=["ekspor"],
        help=tr("tulis rekap Excel: DUK, bezetting, rekap, KP, KGB, pensiun, diklat"),
    )
    p.add_argument("jenis", choices=JENIS, metavar="JENIS", help=" | ".join(JENIS))
    p.add_argument("--out", required=True, type=Path, metavar="BERKAS.xlsx")
    p.add_argument("--unit", metavar="U", help=tr("unit (nama, singkatan, kode atau id)"))
    p.add_argument(
        "--tanggal",
        type=_tanggal,
        metavar="TTTT-BB-HH",
        help=tr("tanggal keadaan (bawaan: hari ini)"),
    )
    p.add_argument(
        "--periode",
        metavar="TTTT-BB",
        help=tr("periode KP, mis. 2027-04 (bawaan: periode berikutnya)"),
    )
    p.add_argument(
        "--tahun",
        type=_tahun,
        metavar="TTTT",
        help=tr("tahun KGB atau diklat (bawaan: tahun dari --tanggal)"),
    )
    p.add_argument(
        "--kertas", choices=["A4", "F4"], default="A4", help=tr("ukuran kertas (bawaan A4)")
    )
    p.add_argument(
        "--semua",
        action="store_true",
        help=tr("kp: cantumkan juga yang melebihi batas pangkat ijazah/jenjang"),
    )


def _check_out(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(
            tr("Berkas keluaran harus berakhiran .xlsx, bukan '{name}'.", name=path.name),
            field="out",
        )
    if not path.parent.is_dir():
        raise ValidationError(
            tr("Folder {path} tidak ada. Buat dulu foldernya.", path=path.parent), field="out"
        )
    return path


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Write the requested recap; print where and how many rows."""
    from app.cli import _actor, _open
    from app.models import rekap as rk
    from app.models.organisasi import find_unit
    from app.models.store import Store
    from app.reports import recap_xlsx as rx

    target = _check_out(args.out)
    db = _open(args, create=False)
    conn = db.conn
    unit_id = find_unit(conn, args.unit) if args.unit else None
    on: date = args.tanggal or date.today()
    kop = rk.kop(conn, unit_id, on)
    kertas = args.kertas
    jenis = args.jenis
    if jenis == "duk":
        n = rx.tulis_duk(target, kop, rk.duk(conn, on=on, unit_id=unit_id), kertas=kertas)
    elif jenis == "bezetting":
        from app.models.formasi import bezetting_report

        report = bezetting_report(conn, unit_id)
        n = rx.tulis_buku(target, kop, [rx.lembar_bezetting(kop, report)], kertas=kertas)[
            "Bezetting"
        ]
    elif jenis == "rekap":
        rekaps = [rk.rekap(conn, d, unit_id=unit_id) for d in rk.DIMENSI_REKAP]
        n = sum(rx.tulis_rekap(target, kop, rekaps, kertas=kertas).values())
    elif jenis == "kp":
        periode = (
            rk.periode_kp(conn, args.periode)
            if args.periode
            else rk.periode_kp_berikutnya(conn, on)
        )
        data = rk.nominatif_kp(conn, periode, unit_id=unit_id, termasuk_melebihi_batas=args.semua)
        n = rx.tulis_buku(target, kop, [rx.lembar_kp(kop, data)], kertas=kertas)["KP"]
    elif jenis == "kgb":
        tahun = args.tahun or on.year
        mulai, sampai = date(tahun, 1, 1), date(tahun, 12, 31)
        rows = rk.kgb_jatuh_tempo(conn, mulai, sampai, unit_id=unit_id)
        n = rx.tulis_buku(target, kop, [rx.lembar_kgb(kop, rows, mulai, sampai)], kertas=kertas)[
            "KGB"
        ]
    elif jenis == "pensiun":
        sampai = rk.tambah_tahun(on, TAHUN_PENSIUN)
        rows_p = rk.pensiun(conn, on, tahun=TAHUN_PENSIUN, unit_id=unit_id)
        sheet = rx.lembar_pensiun(kop, rows_p, on, sampai, rk.catatan_pensiun())
        n = rx.tulis_buku(target, kop, [sheet], kertas=kertas)["Pensiun"]
    else:  # diklat
        tahun = args.tahun or on.year
        rows_d = rk.jam_pelajaran(conn, tahun, unit_id=unit_id)
        n = rx.tulis_buku(target, kop, [rx.lembar_diklat(kop, rows_d, tahun)], kertas=kertas)[
            "Diklat"
        ]
    Store(db).record_read(
        tr("Ekspor rekap {jenis}", jenis=jenis),
        actor=_actor(),
        record_id=unit_id,
        keterangan=tr("{path}: {n} baris", path=target, n=n),
    )
    print(
        tr("Rekap {jenis} ditulis ke {path}: {n} baris.", jenis=jenis, path=target, n=angka(n)),
        file=out,
    )
    return 0
