"""Write one recap workbook (DUK, bezetting, rekap, KP, KGB, pensiun, diklat).

The lists come from :mod:`app.models.rekap` (and :mod:`app.models.organisasi.bezetting` for
bezetting), the workbook from :mod:`app.reports.excel.rekap`. Writing is atomic (a temporary
file replaced at the end), so a cancelled or failed job leaves no file. An export of personal
data is a sensitive read and is written to the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from app.i18n import dokumen, tr
from app.jobs.progress import NO_PROGRESS, Progress
from app.models.access.akses import read_unit
from app.models.errors import Cancelled, ValidationError
from app.models.organisasi.bezetting import bezetting_report
from app.models.rekap import common, diklat, duk, kgb, kp, pensiun, tabel
from app.models.rules.derivations import add_years
from app.models.storage.db import Database
from app.models.storage.store import Store

JENIS = ("duk", "bezetting", "rekap", "kp", "kgb", "pensiun", "diklat")
TAHUN_PENSIUN = 5  # retirements listed ahead (asn-rules 13.2: BUP projection)
PROGRESS_EVERY = 500

T = TypeVar("T")


def jenis_labels() -> dict[str, str]:
    """What each kind is called on screen."""
    return {
        "duk": tr("Daftar Urut Kepangkatan (DUK)"),
        "bezetting": tr("Bezetting per unit"),
        "rekap": tr("Rekap golongan, pendidikan, jenis kelamin, status, jabatan"),
        "kp": tr("Nominatif kenaikan pangkat (periode KP)"),
        "kgb": tr("Kenaikan gaji berkala jatuh tempo (setahun)"),
        "pensiun": tr("Pensiun lima tahun ke depan"),
        "diklat": tr("Jam pelajaran diklat per pegawai (target 20 JP)"),
    }


@dataclass(frozen=True)
class RecapRequest:
    jenis: str
    target: Path
    unit_id: str | None = None
    on: date | None = None  # state as of (default: today)
    periode: str | None = None  # KP period "YYYY-MM" (default: the next one)
    tahun: int | None = None  # KGB / diklat year (default: the year of ``on``)
    kertas: str = "A4"
    semua: bool = False  # KP: also those above their education / level ceiling


def check_target(path: Path) -> Path:
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


def _watch(rows: Iterable[T], progress: Progress) -> Iterator[T]:
    for n, row in enumerate(rows, 1):
        if n % PROGRESS_EVERY == 0:
            if progress.cancelled:
                raise Cancelled(tr("Penulisan rekap dibatalkan; tidak ada berkas yang ditulis."))
            progress.report(n, 0)
        yield row


@dokumen
def write_recap(
    db: Database, actor: str, req: RecapRequest, progress: Progress = NO_PROGRESS
) -> int:
    """Write the workbook; return the number of rows. Raises Cancelled when cancelled (the total
    is not known until the end, so progress reports rows done with a total of 0)."""
    from app.reports.excel import rekap as rx  # lazy: openpyxl, off the command line's start

    if req.jenis not in JENIS:
        raise ValidationError(
            tr(
                "Jenis rekap '{value}' tidak dikenal. Pilih salah satu: {choices}.",
                value=req.jenis,
                choices=", ".join(JENIS),
            ),
            field="jenis",
        )
    target = check_target(req.target)
    # Refused (audited) without laporan.baca; a reader of some units gets only theirs, in SQL.
    req = replace(req, unit_id=read_unit(db, actor, "laporan.baca", req.unit_id))
    conn = db.conn
    on = req.on or date.today()
    kop = common.kop(conn, req.unit_id, on)
    kertas = req.kertas
    jenis = req.jenis

    def watch(rows: Iterable[T]) -> Iterator[T]:
        return _watch(rows, progress)

    if jenis == "duk":
        # Two sheets (the printed form, then the rest): the query is streamed once for each.
        n = rx.write_duk(
            target,
            kop,
            lambda: watch(duk.duk(conn, on=on, unit_id=req.unit_id)),
            kertas=kertas,
        )
    elif jenis == "bezetting":
        report = bezetting_report(conn, req.unit_id)
        n = rx.write_workbook(target, kop, [rx.lembar_bezetting(kop, report)], kertas=kertas)[
            "Bezetting"
        ]
    elif jenis == "rekap":
        rekaps = []
        for dimensi in tabel.DIMENSI_REKAP:
            if progress.cancelled:
                raise Cancelled(tr("Penulisan rekap dibatalkan; tidak ada berkas yang ditulis."))
            rekaps.append(tabel.rekap(conn, dimensi, unit_id=req.unit_id))
        n = sum(rx.write_rekap(target, kop, rekaps, kertas=kertas).values())
    elif jenis == "kp":
        periode = (
            kp.periode_kp(conn, req.periode) if req.periode else kp.periode_kp_berikutnya(conn, on)
        )
        data = kp.nominatif_kp(
            conn, periode, unit_id=req.unit_id, termasuk_melebihi_batas=req.semua
        )
        n = rx.write_workbook(target, kop, [rx.lembar_kp(kop, data)], kertas=kertas)["KP"]
    elif jenis == "kgb":
        tahun = req.tahun or on.year
        mulai, sampai = date(tahun, 1, 1), date(tahun, 12, 31)
        rows = kgb.kgb_jatuh_tempo(conn, mulai, sampai, unit_id=req.unit_id)
        n = rx.write_workbook(
            target, kop, [rx.lembar_kgb(kop, rows, mulai, sampai)], kertas=kertas
        )["KGB"]
    elif jenis == "pensiun":
        sampai = add_years(on, TAHUN_PENSIUN)
        rows_p = pensiun.pensiun(conn, on, tahun=TAHUN_PENSIUN, unit_id=req.unit_id)
        sheet = rx.lembar_pensiun(kop, rows_p, on, sampai, pensiun.catatan_pensiun())
        n = rx.write_workbook(target, kop, [sheet], kertas=kertas)["Pensiun"]
    else:  # diklat
        tahun = req.tahun or on.year
        rows_d = watch(diklat.jam_pelajaran(conn, tahun, unit_id=req.unit_id))
        n = rx.write_workbook(target, kop, [rx.lembar_diklat(kop, rows_d, tahun)], kertas=kertas)[
            "Diklat"
        ]
    Store(db).record_read(
        tr("Ekspor rekap {jenis}", jenis=jenis),
        actor=actor,
        record_id=req.unit_id,
        keterangan=tr("{path}: {n} baris", path=target, n=n),
    )
    progress.report(n, 0)
    return n
