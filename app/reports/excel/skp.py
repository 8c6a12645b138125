"""The rekap SKP of a year as .xlsx (through :func:`app.reports.excel.rekap.write_workbook`): one
sheet with every employee's SKP state and predikat, one with the progress and the predikat
distribution per unit with the warnings of the curve of each unit's capaian kinerja
organisasi. Plain data in (the labels of the states too), no SQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from app.i18n import tanggal, tr
from app.models.rekap.common import KopLaporan
from app.models.skp.types import Kemajuan, KemajuanBaris, SkpBaris
from app.reports.excel.rekap import Kolom, Lembar, write_workbook


def lembar_daftar(
    kop: KopLaporan, tahun: int, rows: Sequence[SkpBaris], status_label: Mapping[str, str]
) -> Lembar:
    """Every employee with the SKP state (``status_label``: state -> its label) and predikat."""
    kolom = (
        Kolom(tr("No."), 5, "nomor"),
        Kolom(tr("NIP"), 20, "nip"),
        Kolom(tr("Nama"), 30),
        Kolom(tr("Jabatan"), 30),
        Kolom(tr("Unit Kerja"), 28),
        Kolom(tr("Pejabat Penilai"), 26),
        Kolom(tr("Status"), 12),
        Kolom(tr("Predikat"), 16),
    )
    values = [
        [
            i,
            r.nip,
            r.nama,
            r.jabatan,
            r.unit,
            r.penilai,
            status_label.get(r.status, r.status),
            r.predikat,
        ]
        for i, r in enumerate(rows, start=1)
    ]
    judul = [tr("REKAP SKP TAHUN {tahun}", tahun=tahun)]
    if kop.unit:
        judul.append(tr("Unit kerja: {unit}", unit=kop.unit))
    judul.append(tr("Keadaan per {tanggal}", tanggal=tanggal(kop.tanggal)))
    return Lembar(nama=tr("Rekap SKP"), judul=judul, kolom=kolom, baris=values)


def lembar_kemajuan(kop: KopLaporan, data: Kemajuan) -> Lembar:
    """The progress per unit and the predikat distribution beside the expected one."""
    status = tr("Status SKP")
    pred = tr("Predikat (dinilai/ditetapkan)")
    kolom: list[Kolom] = [
        Kolom(tr("No."), 5, "nomor"),
        Kolom(tr("Unit Kerja"), 36),
        Kolom(tr("Capaian Organisasi"), 16),
        Kolom(tr("Pegawai"), 9, "angka"),
        Kolom(tr("Belum ada"), 9, "angka", grup=status),
        Kolom(tr("Draf"), 8, "angka", grup=status),
        Kolom(tr("Rencana disetujui"), 10, "angka", grup=status),
        Kolom(tr("Diajukan"), 9, "angka", grup=status),
        Kolom(tr("Dinilai"), 8, "angka", grup=status),
        Kolom(tr("Ditetapkan"), 10, "angka", grup=status),
        Kolom(tr("Keberatan"), 10, "angka", grup=status),
        Kolom(tr("Final"), 8, "angka", grup=status),
    ]
    kolom += [Kolom(label, 11, "angka", grup=pred) for label in data.predikat_label.values()]

    def line(b: KemajuanBaris) -> list[object]:
        return [
            data.capaian_label.get(b.capaian or "", "-"),
            b.pegawai,
            b.belum,
            b.draft,
            b.disetujui,
            b.diajukan,
            b.dinilai,
            b.ditetapkan,
            b.keberatan,
            b.final,
            *(b.predikat[k] for k in data.predikat_label),
        ]

    rows = [[i, b.unit, *line(b)] for i, b in enumerate(data.baris, start=1)]
    total = [None, tr("JUMLAH"), *line(data.total)]
    rated = data.total.dinilai_total
    actual = ", ".join(
        f"{label} {data.total.predikat[k] * 100 / rated:.0f}%" if rated else f"{label} -"
        for k, label in data.predikat_label.items()
    )
    warnings = [
        tr("{unit} (capaian {c}): {w}", unit=b.unit, c=data.capaian_label.get(b.capaian or "", ""),
           w=" ".join(b.peringatan))
        for b in [*data.baris, data.total]
        if b.peringatan
    ]  # fmt: skip
    riwayat = data.total.dari_riwayat
    return Lembar(
        nama=tr("Kemajuan dan Distribusi"),
        judul=[
            tr("KEMAJUAN SKP DAN DISTRIBUSI PREDIKAT TAHUN {tahun}", tahun=data.tahun),
            *([tr("Unit kerja: {unit}", unit=kop.unit)] if kop.unit else []),
            tr("Keadaan per {tanggal}", tanggal=tanggal(kop.tanggal)),
        ],
        kolom=kolom,
        baris=rows,
        total=total,
        catatan=(
            tr("Distribusi predikat: {a}.", a=actual),
            *(
                [
                    tr(
                        "Ditetapkan termasuk {n} pegawai yang predikatnya hanya tercatat di "
                        "riwayat SKP.",
                        n=riwayat,
                    )
                ]
                if riwayat
                else []
            ),
            *(
                [tr("Peringatan pola distribusi menurut capaian kinerja organisasi:"), *warnings]
                if warnings
                else [
                    tr(
                        "Tidak ada peringatan pola distribusi (unit yang capaian kinerja "
                        "organisasinya tercatat)."
                    )
                ]
            ),
        ),
    )


def write_rekap_skp(
    path: Path | str,
    kop: KopLaporan,
    tahun: int,
    rows: Sequence[SkpBaris],
    data: Kemajuan,
    *,
    status_label: Mapping[str, str],
    kertas: str = "A4",
) -> dict[str, int]:
    """Write the rekap SKP workbook. Returns the number of data rows per sheet."""
    sheets = [lembar_daftar(kop, tahun, rows, status_label), lembar_kemajuan(kop, data)]
    return write_workbook(path, kop, sheets, kertas=kertas)
