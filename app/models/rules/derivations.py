"""Rules that derive facts from an employee's histories. Pure functions, no database.

* Current rank, position and education come from the histories, never from a stored "current"
  field: the latest pangkat by TMT, the latest jabatan by TMT, the highest education.
* Masa kerja is counted in whole years and months.
* BUP (batas usia pensiun): UU 20/2023 Ps. 55 and PP 11/2017 Ps. 239; the age per position level
  is reference data (``ref_jenjang_jabatan.bup_tahun``), overridable per position (e.g. guru 60).
  The pension TMT is the 1st of the month after the month in which the BUP age is reached
  (practice, asn-rules 10.1 [?]).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

Row = Mapping[str, Any]
R = TypeVar("R", bound=Row)

DEFAULT_BUP = 58  # UU 20/2023 Ps. 55: administrator, pengawas, pelaksana; used when level unknown


def add_years(value: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def _live(rows: Iterable[R]) -> list[R]:
    return [r for r in rows if not r.get("deleted")]


def current_pangkat(rows: Iterable[R], golongan_urutan: Callable[[str], int | None]) -> R | None:
    """The rank in force: the latest TMT; on the same TMT, the higher golongan.

    A row without TMT (imported without one, to be completed) is in force when its golongan is
    higher than that of the latest dated row: a pangkat only rises (PP 99/2000), so the higher
    golongan is the later one.
    """
    live = _live(rows)
    dated = [r for r in live if r.get("tmt")]
    undated = [r for r in live if not r.get("tmt")]
    best = (
        max(dated, key=lambda r: (r["tmt"], golongan_urutan(r["golongan_kode"]) or 0))
        if dated
        else None
    )
    if undated:
        top = max(undated, key=lambda r: golongan_urutan(r["golongan_kode"]) or 0)
        if best is None or (golongan_urutan(top["golongan_kode"]) or 0) > (
            golongan_urutan(best["golongan_kode"]) or 0
        ):
            return top
    return best


def current_jabatan(rows: Iterable[R]) -> R | None:
    """The position in force: the latest TMT (ties: the later SK date, then the id).

    A row without TMT (imported as the position held now, its TMT still to be completed) is
    in force; the SQL of the lists orders the same way (``tmt IS NULL DESC, tmt DESC``).
    """
    live = _live(rows)
    if not live:
        return None
    return max(
        live,
        key=lambda r: (
            not r.get("tmt"),
            r.get("tmt") or "",
            r.get("tanggal_sk") or "",
            r.get("id") or "",
        ),
    )


def highest_pendidikan(rows: Iterable[R], urutan: Callable[[str], int]) -> R | None:
    """The highest education (ties: the later graduation year)."""
    live = _live(rows)
    if not live:
        return None
    return max(live, key=lambda r: (urutan(r["tingkat_kode"]), r.get("tahun_lulus") or 0))


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 when end is before start)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def masa_kerja(
    start: date, on: date, *, tambah_tahun: int = 0, tambah_bulan: int = 0
) -> tuple[int, int]:
    """Masa kerja (years, months) from ``start`` to ``on``, plus a carried-over masa kerja
    (e.g. the MK golongan written on the last SK pangkat)."""
    total = months_between(start, on) + tambah_tahun * 12 + tambah_bulan
    return divmod(max(total, 0), 12)


def masa_kerja_golongan(pangkat: Row | None, on: date) -> tuple[int, int] | None:
    """MK golongan on a date: the MK written on the latest SK pangkat plus the time since its TMT.

    None when the employee has no pangkat history.
    """
    if pangkat is None or not pangkat.get("tmt"):
        return None
    return masa_kerja(
        date.fromisoformat(pangkat["tmt"]),
        on,
        tambah_tahun=int(pangkat.get("mk_tahun") or 0),
        tambah_bulan=int(pangkat.get("mk_bulan") or 0),
    )


def bup_usia(
    jenjang_kode: str | None, jenjang: Mapping[str, Row], override: int | None = None
) -> int:
    """Retirement age for a position level (reference data), or the position's own override."""
    if override:
        return int(override)
    row = jenjang.get(jenjang_kode or "")
    if row and row.get("bup_tahun"):
        return int(row["bup_tahun"])
    return DEFAULT_BUP


def tanggal_pensiun(tanggal_lahir: date, bup: int) -> date:
    """TMT pensiun: the 1st of the month after the month in which the BUP age is reached."""
    year = tanggal_lahir.year + bup
    month = tanggal_lahir.month + 1
    if month == 13:
        year, month = year + 1, 1
    return date(year, month, 1)


def usia(tanggal_lahir: date, on: date) -> int:
    """Age in whole years on a date."""
    return (
        on.year
        - tanggal_lahir.year
        - ((on.month, on.day) < (tanggal_lahir.month, tanggal_lahir.day))
    )


def nama_lengkap(nama: str, gelar_depan: str | None, gelar_belakang: str | None) -> str:
    """Name with titles as written on documents: ``dr. Siti Aminah, M.Kes.``."""
    text = nama.strip()
    if gelar_depan and gelar_depan.strip():
        text = f"{gelar_depan.strip()} {text}"
    if gelar_belakang and gelar_belakang.strip():
        text = f"{text}, {gelar_belakang.strip()}"
    return text
