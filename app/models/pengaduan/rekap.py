"""The oversight recap: complaints and discipline cases of a period in figures, with no personal
data (no name, NIP, NIK or complainant): counts per category, channel, unit and stage, the days
to the first response and to closing, the share resolved, cases and penalties by level,
ethics cases by stage and outcome."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.access import akses
from app.models.disiplin.kasus import STATUS as STATUS_KASUS
from app.models.errors import ValidationError
from app.models.etik.kasus import STATUS as STATUS_ETIK
from app.models.pengaduan import register as adu
from app.models.rules.etik import SANKSI_MORAL
from app.models.rules.etik import TEMUAN as TEMUAN_ETIK
from app.models.storage.db import Database


@dataclass(frozen=True)
class Bagian:
    """One table of the recap: a title, the column heads and the rows."""

    judul: str
    kolom: tuple[str, ...]
    baris: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class RekapPengawasan:
    dari: date
    sampai: date
    jumlah: int
    selesai: int
    bagian: tuple[Bagian, ...]

    @property
    def persen_selesai(self) -> float:
        return round(100 * self.selesai / self.jumlah, 1) if self.jumlah else 0.0


def _hari(pairs: list[tuple[date, date | None]]) -> tuple[int, float | None, float | None]:
    days = [(b - a).days for a, b in pairs if b is not None]
    if not days:
        return 0, None, None
    return len(days), round(statistics.mean(days), 1), float(statistics.median(days))


def _hitung(keys: list[str]) -> tuple[tuple[Any, ...], ...]:
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def rekap_pengawasan(db: Database, actor: str, dari: date, sampai: date) -> RekapPengawasan:
    """The figures of complaints received from ``dari`` to ``sampai`` (inclusive) that
    ``actor`` may read, and of the discipline cases opened in that period."""
    if sampai < dari:
        raise ValidationError(tr("Tanggal akhir lebih awal dari tanggal awal."), field="sampai")
    akses.require(db, actor, "laporan.baca")
    rows = adu.list_pengaduan(db, actor, dari=dari, sampai=sampai)
    tanpa = tr("(tanpa unit)")
    bagian = [
        Bagian(
            tr("Pengaduan menurut kategori"),
            (tr("Kategori"), tr("Jumlah")),
            _hitung([p.kategori_nama or tr("(belum dikategorikan)") for p in rows]),
        ),
        Bagian(
            tr("Pengaduan menurut kanal"),
            (tr("Kanal"), tr("Jumlah")),
            _hitung([adu.label(adu.KANAL, p.kanal) for p in rows]),
        ),
        Bagian(
            tr("Pengaduan menurut unit"),
            (tr("Unit"), tr("Jumlah")),
            _hitung([p.unit_nama or tanpa for p in rows]),
        ),
        Bagian(
            tr("Pengaduan menurut tahap"),
            (tr("Tahap"), tr("Jumlah")),
            _hitung([adu.label(adu.STATUS, p.status) for p in rows]),
        ),
        Bagian(
            tr("Hasil triase"),
            (tr("Triase"), tr("Jumlah")),
            _hitung([adu.label(adu.TRIASE, p.triase) or tr("(belum ditriase)") for p in rows]),
        ),
    ]
    n1, mean1, med1 = _hari([(p.tanggal_terima, p.tanggal_tanggapan) for p in rows])
    n2, mean2, med2 = _hari([(p.tanggal_terima, p.tanggal_selesai) for p in rows])
    bagian.append(
        Bagian(
            tr("Waktu penanganan (hari kalender sejak diterima)"),
            (tr("Ukuran"), tr("Jumlah pengaduan"), tr("Rata-rata"), tr("Median")),
            (
                (tr("Sampai tanggapan pertama"), n1, mean1, med1),
                (tr("Sampai selesai"), n2, mean2, med2),
            ),
        )
    )
    kasus = db.conn.execute(
        "SELECT k.status, h.tingkat FROM disiplin_kasus k "
        "LEFT JOIN ref_hukuman_disiplin h ON h.kode = k.hukuman_kode "
        "WHERE k.deleted = 0 AND k.tanggal_mulai BETWEEN ? AND ?",
        (dari.isoformat(), sampai.isoformat()),
    ).fetchall()
    bagian.append(
        Bagian(
            tr("Kasus disiplin dibuka menurut tahap"),
            (tr("Tahap"), tr("Jumlah")),
            _hitung([tr(STATUS_KASUS.get(r[0], r[0])) for r in kasus]),
        )
    )
    bagian.append(
        Bagian(
            tr("Hukuman disiplin menurut tingkat"),
            (tr("Tingkat"), tr("Jumlah")),
            _hitung([str(r[1]).title() for r in kasus if r[1]]),
        )
    )
    # Ethics cases (PP 42/2004, migration 24): counts of stage and outcome only, no names.
    etik = db.conn.execute(
        "SELECT status, temuan, sanksi, disiplin_kasus_id IS NOT NULL FROM etik_kasus "
        "WHERE deleted = 0 AND tanggal_mulai BETWEEN ? AND ?",
        (dari.isoformat(), sampai.isoformat()),
    ).fetchall()
    bagian.append(
        Bagian(
            tr("Kasus kode etik dibuka menurut tahap"),
            (tr("Tahap"), tr("Jumlah")),
            _hitung([tr(STATUS_ETIK.get(r[0], r[0])) for r in etik]),
        )
    )
    hasil: list[str] = []
    for _status, temuan, sanksi, ke_disiplin in etik:
        if temuan:
            hasil.append(tr(TEMUAN_ETIK.get(temuan, temuan)))
        if sanksi:
            hasil.append(tr("Sanksi moral: {s}", s=tr(SANKSI_MORAL.get(sanksi, sanksi)).lower()))
        if ke_disiplin:
            hasil.append(tr("Diteruskan ke kasus disiplin"))
    bagian.append(Bagian(tr("Putusan kode etik"), (tr("Putusan"), tr("Jumlah")), _hitung(hasil)))
    selesai = sum(1 for p in rows if p.status == adu.SELESAI)
    return RekapPengawasan(dari, sampai, len(rows), selesai, tuple(bagian))
