"""The training needs list and the gap recap as a printable workbook (issue 15 items 3, 8),
in the layout of the other recap sheets (:mod:`app.reports.excel.rekap`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.i18n import angka, tanggal, tr
from app.models.kompetensi.kebutuhan import Kebutuhan, RekapGap
from app.models.pelatihan.evaluasi import RekapAcara, RekapEvaluasi, RekapPenyelenggara
from app.models.rekap.common import KopLaporan
from app.reports.excel.rekap import Kolom, Lembar, write_workbook


def _subjudul(kop: KopLaporan) -> list[str]:
    lines = [tr("Unit kerja: {unit}", unit=kop.unit)] if kop.unit else []
    lines.append(tr("Keadaan per {t}", t=tanggal(kop.tanggal)))
    return lines


def _persen(value: float | None) -> str:
    return "" if value is None else angka(value, 1)


def lembar_kebutuhan(kop: KopLaporan, rows: Sequence[Kebutuhan], tahun: int) -> Lembar:
    grup = tr("Kompetensi")
    jp = tr("JP {t}", t=tahun)
    kolom = (
        Kolom(tr("Peringkat"), 9, "nomor"),
        Kolom(tr("Nama"), 28),
        Kolom(tr("NIP"), 20, "nip"),
        Kolom(tr("Jabatan"), 28),
        Kolom(tr("Unit Kerja"), 26),
        Kolom(tr("Kode"), 9, grup=grup),
        Kolom(tr("Kompetensi"), 26, grup=grup),
        Kolom(tr("Standar"), 8, "angka", grup=grup),
        Kolom(tr("Dimiliki"), 8, "angka", grup=grup),
        Kolom(tr("Kurang"), 8, "angka", grup=grup),
        Kolom(tr("Jumlah pegawai sama"), 10, "angka"),
        Kolom(tr("JP tercapai"), 9, "angka", grup=jp),
        Kolom(tr("Kurang JP"), 9, "angka", grup=jp),
    )
    values = [
        (
            r.peringkat,
            r.nama,
            r.nip,
            r.jabatan_nama,
            r.unit_nama,
            r.kompetensi_kode,
            r.kompetensi_nama,
            r.standar,
            r.dimiliki,
            r.kekurangan,
            r.jumlah_sama,
            r.jp_tahun_ini,
            r.jp_kurang,
        )
        for r in rows
    ]
    return Lembar(
        nama="Kebutuhan",
        judul=[
            tr("ANALISIS KEBUTUHAN PELATIHAN TAHUN {t}", t=tahun),
            *_subjudul(kop),
        ],
        kolom=kolom,
        baris=values,
        catatan=(
            tr(
                "Kurang = level standar jabatan dikurangi level hasil penilaian terakhir "
                "(PermenPANRB 38/2017; PP 11/2017 Ps. 206). Urutan: kekurangan terbesar, lalu "
                "kompetensi yang dibutuhkan paling banyak pegawai."
            ),
            tr(
                "Kurang JP: jam pelajaran yang masih dibutuhkan untuk mencapai 20 JP tahun ini "
                "(PP 11/2017 Ps. 203 ayat 4); kosong untuk PPPK."
            ),
        ),
    )


def lembar_gap(kop: KopLaporan, rows: Sequence[RekapGap]) -> Lembar:
    kolom = (
        Kolom(tr("Unit Kerja"), 34),
        Kolom(tr("Pegawai dengan standar"), 12, "angka"),
        Kolom(tr("Sudah dinilai"), 10, "angka"),
        Kolom(tr("Pegawai kurang"), 10, "angka"),
        Kolom(tr("Kompetensi kurang"), 11, "angka"),
        Kolom(tr("Jumlah kekurangan level"), 12, "angka"),
        Kolom(tr("JPM rata-rata (%)"), 11),
    )
    values = [
        (
            r.nama,
            r.pegawai,
            r.dinilai,
            r.pegawai_kurang,
            r.kompetensi_kurang,
            r.total_kekurangan,
            _persen(r.jpm_rata),
        )
        for r in rows[:-1]
    ]
    total = rows[-1]
    return Lembar(
        nama="Gap per unit",
        judul=[tr("REKAPITULASI KESENJANGAN KOMPETENSI PER UNIT KERJA"), *_subjudul(kop)],
        kolom=kolom,
        baris=values,
        total=(
            tr("Jumlah"),
            total.pegawai,
            total.dinilai,
            total.pegawai_kurang,
            total.kompetensi_kurang,
            total.total_kekurangan,
            _persen(total.jpm_rata),
        ),
        catatan=(
            tr(
                "JPM (Job Person Match) = jumlah level dimiliki / jumlah level standar x 100% "
                "(rumus aplikasi asesmen [P])."
            ),
        ),
    )


def write_kebutuhan(
    path: Path, kop: KopLaporan, rows: Sequence[Kebutuhan], rekap: Sequence[RekapGap], tahun: int
) -> dict[str, int]:
    return write_workbook(path, kop, [lembar_kebutuhan(kop, rows, tahun), lembar_gap(kop, rekap)])


# -- training evaluation per event and per provider (issue 15 items 5, 8) -------------------------


def _tinjau(r: RekapEvaluasi) -> str:
    if not r.tinjau:
        return ""
    return tr("TINJAU: dirasa tidak relevan ({n} dari {m} peserta)", n=r.tidak_relevan,
              m=r.jawaban)  # fmt: skip


def lembar_evaluasi_acara(
    kop: KopLaporan, rows: Sequence[RekapAcara], periode: str, catatan: Sequence[str] = ()
) -> Lembar:
    nilai = tr("Rata-rata nilai (1-5)")
    return Lembar(
        nama=tr("Per acara"),
        judul=(tr("REKAP EVALUASI PELATIHAN PER ACARA"), periode),
        kolom=(
            Kolom(tr("No."), 5, "nomor"),
            Kolom(tr("Acara pelatihan"), 32),
            Kolom(tr("Penyelenggara"), 22),
            Kolom(tr("Mulai"), 11, "tanggal"),
            Kolom(tr("Selesai"), 11, "tanggal"),
            Kolom(tr("Peserta"), 8, "angka"),
            Kolom(tr("Jawaban"), 8, "angka"),
            Kolom(tr("Relevansi"), 10, "desimal", grup=nilai),
            Kolom(tr("Manfaat"), 9, "desimal", grup=nilai),
            Kolom(tr("Pengajar"), 9, "desimal", grup=nilai),
            Kolom(tr("Relevansi 1-2"), 10, "angka"),
            Kolom(tr("Keterangan"), 30),
        ),
        baris=[
            (
                i,
                r.nama,
                r.penyelenggara or "-",
                date.fromisoformat(r.tanggal_mulai),
                date.fromisoformat(r.tanggal_selesai),
                r.peserta,
                r.jawaban,
                r.relevansi,
                r.manfaat,
                r.pengajar,
                r.tidak_relevan,
                _tinjau(r),
            )
            for i, r in enumerate(rows, 1)
        ],
        catatan=tuple(catatan),
    )


def lembar_evaluasi_penyelenggara(
    kop: KopLaporan, rows: Sequence[RekapPenyelenggara], periode: str, catatan: Sequence[str] = ()
) -> Lembar:
    nilai = tr("Rata-rata nilai (1-5)")
    return Lembar(
        nama=tr("Per penyelenggara"),
        judul=(tr("REKAP EVALUASI PELATIHAN PER PENYELENGGARA"), periode),
        kolom=(
            Kolom(tr("No."), 5, "nomor"),
            Kolom(tr("Penyelenggara"), 32),
            Kolom(tr("Acara"), 8, "angka"),
            Kolom(tr("Jawaban"), 8, "angka"),
            Kolom(tr("Relevansi"), 10, "desimal", grup=nilai),
            Kolom(tr("Manfaat"), 9, "desimal", grup=nilai),
            Kolom(tr("Pengajar"), 9, "desimal", grup=nilai),
            Kolom(tr("Relevansi 1-2"), 10, "angka"),
            Kolom(tr("Keterangan"), 34),
        ),
        baris=[
            (
                i,
                r.nama,
                r.acara,
                r.jawaban,
                r.relevansi,
                r.manfaat,
                r.pengajar,
                r.tidak_relevan,
                _tinjau(r),
            )
            for i, r in enumerate(rows, 1)
        ],
        catatan=tuple(catatan),
    )


def write_evaluasi(
    path: Path,
    kop: KopLaporan,
    per_acara: Sequence[RekapAcara],
    per_penyelenggara: Sequence[RekapPenyelenggara],
    periode: str,
    *,
    catatan: Sequence[str] = (),
) -> dict[str, int]:
    """The evaluation recap: a sheet per event and one per provider, each ready to print."""
    return write_workbook(
        path,
        kop,
        [
            lembar_evaluasi_acara(kop, per_acara, periode, catatan),
            lembar_evaluasi_penyelenggara(kop, per_penyelenggara, periode, catatan),
        ],
    )
