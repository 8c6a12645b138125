"""Gaji pokok, masa kerja golongan (MKG) on crossing a golongan, and the KGB steps
(asn-rules 10.2, 10.3). Pure functions over the gaji table; no database.

* The table is reference data (``ref_gaji_pokok``, effective-dated): one column per golongan,
  one row per MKG step in whole years. A value holds from its row up to the next row of the
  column; the last row is the top of the table. An MKG below a column's first row (an entrant
  of II/b–II/d, I/b–I/d) is paid the first row [P: practice]. A date for which no table is
  recorded (before PP 5/2024, 1 January 2024) finds no gaji: :class:`TabelGajiBelumLengkap`.
* MKG on crossing a golongan: −6 years from I to II, −5 years from II to III, never below
  0 years 0 months [P]; nothing between III and IV, nothing for PPPK (they have no KP).
* KGB: falls when MKG reaches the next row of the column that raises the gaji (even MKG for
  III/IV, odd for I/b–II/d, as the table has it), up to the top of the table, never on or after
  the TMT pensiun; PPPK too (Perpres 98/2020) [P]. CLTN is not masa kerja (PP 11/2017, cuti
  chapter): a KGB after a CLTN comes later by its days.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.errors import NotFoundError
from app.models.reference.loader import Referensi
from app.models.rules.cuti import Rentang, geser_tmt

# Years taken off the MKG when a promotion crosses from one PNS golongan to the next
# (asn-rules 10.2) [P: BKN data and salary guides]. III -> IV: nothing.
POTONG_MKG_TAHUN: dict[tuple[int, int], int] = {(1, 2): 6, (2, 3): 5}

_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4}


class TabelGajiBelumLengkap(NotFoundError):
    """No gaji pokok recorded for this golongan on this date."""


def golongan_pns(kode: str) -> int | None:
    """The golongan number (1-4) of a PNS code ("III/a" -> 3); None for PPPK or unknown codes."""
    romawi, _, ruang = kode.partition("/")
    return _ROMAWI.get(romawi) if ruang else None


def mkg_setelah_kp(dari: str, ke: str, tahun: int, bulan: int) -> tuple[int, int]:
    """MKG (years, months) in golongan ``ke`` of someone promoted from ``dari`` with MKG
    ``tahun`` years ``bulan`` months: reduced by 6 years from I to II, 5 from II to III (both
    when crossing two), never below 0y0m. Example: II/d 13y0m -> III/a 8y0m."""
    total = max(tahun * 12 + bulan, 0)
    a, b = golongan_pns(dari), golongan_pns(ke)
    if a is not None and b is not None and b > a:
        potong = sum(POTONG_MKG_TAHUN.get((g, g + 1), 0) for g in range(a, b))
        total = max(total - potong * 12, 0)
    tahun_baru, bulan_baru = divmod(total, 12)
    return tahun_baru, bulan_baru


def add_months(value: date, months: int) -> date:
    """The same day ``months`` later (the last day of the month when it has fewer days)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    for day in (value.day, 30, 29, 28):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    raise ValueError(value)  # pragma: no cover - day 28 always exists


@dataclass(frozen=True)
class KolomGaji:
    """One golongan's column of one table: (MKG in years, gaji) by increasing MKG."""

    golongan: str
    berlaku_mulai: date
    berlaku_sampai: date | None
    baris: tuple[tuple[int, int], ...]
    status_fakta: str

    @property
    def langkah(self) -> tuple[int, ...]:
        return tuple(m for m, _ in self.baris)

    @property
    def puncak(self) -> int:
        """The MKG of the top of the table."""
        return self.baris[-1][0]

    def gaji(self, mkg_tahun: int) -> int:
        """The gaji of the highest row at or below ``mkg_tahun`` (the first row below it)."""
        value = self.baris[0][1]
        for mkg, gaji in self.baris:
            if mkg > mkg_tahun:
                break
            value = gaji
        return value


@dataclass(frozen=True)
class Kgb:
    """One KGB: its TMT, the MKG step reached and the gaji of that step (None: no table)."""

    tmt: date
    mkg_tahun: int
    gaji_pokok: int | None


class TabelGaji:
    """The gaji table as recorded (``ref_gaji_pokok`` rows), with lookups by date."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        grouped: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
        for row in rows:
            if row.get("deleted"):
                continue
            key = (str(row["golongan_kode"]), str(row["berlaku_mulai"]))
            grouped.setdefault(key, []).append(row)
        self._kolom: dict[str, list[KolomGaji]] = {}
        for (golongan, mulai), items in grouped.items():
            sampai = {str(r["berlaku_sampai"]) for r in items if r.get("berlaku_sampai")}
            baris = sorted((int(r["mkg_tahun"]), int(r["gaji_pokok"])) for r in items)
            status = "?" if any(r.get("status_fakta") == "?" for r in items) else "P"
            self._kolom.setdefault(golongan, []).append(
                KolomGaji(
                    golongan,
                    date.fromisoformat(mulai),
                    date.fromisoformat(min(sampai)) if sampai else None,
                    tuple(baris),
                    status,
                )
            )
        for columns in self._kolom.values():
            columns.sort(key=lambda k: k.berlaku_mulai)

    @classmethod
    def dari_referensi(cls, ref: Referensi) -> TabelGaji:
        """From the reference tables of a database (the rows as the admin left them)."""
        return cls(ref.table("ref_gaji_pokok").values())

    def kolom(self, golongan: str, pada: date) -> KolomGaji | None:
        """The column of ``golongan`` in force on ``pada``, or None."""
        found = None
        for k in self._kolom.get(golongan, []):
            if k.berlaku_mulai <= pada and (k.berlaku_sampai is None or pada <= k.berlaku_sampai):
                found = k
        return found

    def _kolom_langkah(self, golongan: str, pada: date) -> KolomGaji | None:
        """The column whose steps apply on ``pada``: the one in force, else the earliest one
        (the MKG rows have not changed since PP 15/2019, only the amounts) [P]."""
        found = self.kolom(golongan, pada)
        if found is None and self._kolom.get(golongan):
            found = self._kolom[golongan][0]
        return found

    def cari_gaji(self, golongan: str, mkg_tahun: int, pada: date) -> int | None:
        """Gaji pokok of (golongan, MKG in whole years) on ``pada``; None when not recorded."""
        k = self.kolom(golongan, pada)
        return k.gaji(mkg_tahun) if k else None

    def gaji_pokok(self, golongan: str, mkg_tahun: int, pada: date) -> int:
        """Gaji pokok of (golongan, MKG in whole years) on ``pada``.

        Raises :class:`TabelGajiBelumLengkap` naming the golongan and date when not recorded.
        """
        value = self.cari_gaji(golongan, mkg_tahun, pada)
        if value is None:
            raise TabelGajiBelumLengkap(self.pesan_belum_lengkap(golongan, pada))
        return value

    def pesan_belum_lengkap(self, golongan: str, pada: date) -> str:
        earliest = min((k[0].berlaku_mulai for k in self._kolom.values() if k), default=None)
        if earliest is not None and pada < earliest:
            return tr(
                "tabel gaji belum lengkap untuk golongan {g} pada {t}: tabel sebelum "
                "{mulai} (PP 15/2019) belum dimasukkan",
                g=golongan,
                t=pada.isoformat(),
                mulai=earliest.isoformat(),
            )
        return tr(
            "tabel gaji belum lengkap untuk golongan {g} pada {t}", g=golongan, t=pada.isoformat()
        )

    def langkah(self, golongan: str, pada: date) -> tuple[int, ...]:
        """The MKG steps of the column (empty when the golongan has no column at all)."""
        k = self._kolom_langkah(golongan, pada)
        return k.langkah if k else ()

    def jadwal_kgb(
        self,
        golongan: str,
        mkg_bulan: int,
        pada: date,
        *,
        tmt_pensiun: date | None = None,
        tidak_dihitung: Sequence[Rentang] = (),
    ) -> Iterator[Kgb]:
        """The KGBs after ``pada`` of someone with MKG ``mkg_bulan`` (in months) on ``pada``
        who stays in ``golongan``: each row of the column above the current MKG that raises the
        gaji, up to the top of the table, and none on or after ``tmt_pensiun``. Leave periods
        ``tidak_dihitung`` after ``pada`` (CLTN) are no MK golongan: each TMT moves later by
        their days, to the 1st of a month (:func:`~app.models.rules.cuti.geser_tmt`)."""
        k = self._kolom_langkah(golongan, pada)
        if k is None:
            return
        mkg_bulan = max(mkg_bulan, 0)
        sekarang = k.gaji(mkg_bulan // 12)
        for mkg, gaji in k.baris:
            if mkg * 12 <= mkg_bulan or gaji <= sekarang:
                continue
            tmt = add_months(pada, mkg * 12 - mkg_bulan)
            if tidak_dihitung:  # without CLTN nothing moves
                tmt = geser_tmt(tmt, tidak_dihitung, sejak=pada)
            if tmt_pensiun is not None and tmt >= tmt_pensiun:
                return
            sekarang = gaji
            yield Kgb(tmt, mkg, self.cari_gaji(golongan, mkg, tmt))

    def kgb_berikut(
        self,
        golongan: str,
        mkg_bulan: int,
        pada: date,
        *,
        mulai: date | None = None,
        tmt_pensiun: date | None = None,
        tidak_dihitung: Sequence[Rentang] = (),
    ) -> tuple[Kgb, int] | None:
        """The first KGB on or after ``mulai`` (default: after ``pada``) and its rank in the
        schedule from ``pada`` (more than 1: earlier steps not on record); None when no KGB is
        due any more (top of the table, or pensiun first)."""
        for nomor, kgb in enumerate(
            self.jadwal_kgb(
                golongan, mkg_bulan, pada, tmt_pensiun=tmt_pensiun, tidak_dihitung=tidak_dihitung
            ),
            start=1,
        ):
            if mulai is None or kgb.tmt >= mulai:
                return kgb, nomor
        return None
