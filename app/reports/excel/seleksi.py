"""The score recap of a selection (.xlsx): every sealed score per member and stage, and the
ranking. Plain data in (:func:`app.models.seleksi.peringkat.rekap_nilai`), no SQL here."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from app.i18n import tr
from app.models.rekap.common import KopLaporan
from app.models.seleksi.peringkat import Peringkat, RekapTahap
from app.reports.excel.rekap import Kolom, Lembar, write_workbook

_DUA_DESIMAL = Decimal("0.01")


def _num(value: Decimal | None, rounded: bool = True) -> str:
    """A score as the sheet shows it: Indonesian decimal comma, without trailing zeros; rounded
    to two decimals, half up, as the ranking compares totals (``rounded``)."""
    if value is None:
        return "\u2013"
    if rounded:
        value = value.quantize(_DUA_DESIMAL, rounding=ROUND_HALF_UP)
    text = format(value.normalize(), "f")
    return ("0" if text in ("-0", "") else text).replace(".", ",")


def lembar_rekap_nilai(
    path: Path | str, kop: KopLaporan, hasil: Peringkat, tahap: Sequence[RekapTahap]
) -> dict[str, int]:
    info = hasil.seleksi
    judul = [
        tr("REKAPITULASI NILAI {j}", j=info.judul.upper()),
        tr("Jabatan: {j}", j=info.nama_jabatan),
    ]
    sheets: list[Lembar] = []
    for rt in tahap:
        t = rt.tahap
        kolom = [
            Kolom(tr("No."), 5, "nomor"),
            Kolom(tr("Anggota Panitia"), 24),
            Kolom(tr("No. Daftar"), 7),
            Kolom(tr("Kandidat"), 28),
        ]
        kolom += [
            Kolom(
                tr(
                    "{k} ({lo}\u2013{hi})",
                    k=k.nama,
                    lo=_num(k.skala_min, False),
                    hi=_num(k.skala_maks, False),
                ),
                12,
                grup=tr("Nilai per kriteria"),
            )
            for k in t.kriteria
        ]
        kolom.append(Kolom(tr("Nilai (0\u2013100)"), 11))
        rows = [
            [i, b.anggota, b.nomor, b.kandidat]
            + (
                [tr("konflik kepentingan")] * len(b.nilai)
                if b.konflik
                else [_num(v, False) for v in b.nilai]
            )
            + [_num(b.skor) if not b.konflik else "\u2013"]
            for i, b in enumerate(rt.baris, start=1)
        ]
        sheets.append(
            Lembar(
                nama=tr("Tahap {n}", n=t.urutan),
                judul=[*judul, tr("Tahap {t} (bobot {w}%)", t=t.nama, w=_num(t.bobot, False))],
                kolom=kolom,
                baris=rows,
                catatan=[
                    tr(
                        "Nilai kriteria diubah ke 0\u2013100 menurut skalanya sendiri: "
                        "(nilai \u2212 terendah) / (tertinggi \u2212 terendah) \u00d7 100; nilai "
                        "tahap = rata-rata kriteria."
                    )
                ],
            )
        )
    held = [t for t in info.tahap if t.id in hasil.bobot_efektif]
    kolom = [Kolom(tr("Peringkat"), 9, "nomor"), Kolom(tr("No. Daftar"), 7), Kolom(tr("Nama"), 30)]
    kolom += [
        Kolom(
            tr("{t} ({w}%)", t=t.nama, w=_num(hasil.bobot_efektif[t.id])),
            13,
            grup=tr("Nilai tahap"),
        )
        for t in held
    ]
    kolom.append(Kolom(tr("Nilai Akhir"), 11))
    catatan = [
        tr(
            "Nilai akhir hanya dari tahap yang dilaksanakan; bobot dinormalkan atas tahap itu. "
            "Nilai sama: {a}.",
            a=hasil.uraian_seri,
        )
    ]
    if not hasil.final:
        catatan.insert(
            0,
            tr(
                "SEMENTARA: lembar belum masuk dari {d}.",
                d="; ".join(k.teks() for k in hasil.kurang),
            ),
        )
    elif info.kuorum_catatan:
        catatan.insert(
            0, tr("Catatan ketua panitia ({k}): {c}", k=info.kuorum_oleh, c=info.kuorum_catatan)
        )
    sheets.append(
        Lembar(
            nama=tr("Peringkat"),
            judul=[*judul, tr("Peringkat akhir")],
            kolom=kolom,
            baris=[
                [b.peringkat or "\u2013", b.nomor, b.nama]
                + [_num(b.nilai_tahap.get(t.id)) for t in held]
                + [_num(b.total)]
                for b in hasil.baris
            ],
            catatan=catatan,
        )
    )
    return write_workbook(path, kop, sheets)
