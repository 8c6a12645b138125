"""Mentoring rules without database (issue 15 item 6): who is a new CPNS and whom to suggest
as their mentor.

* A *new CPNS* is someone whose status is still CPNS, or whose TMT CPNS lies within the last
  year (:data:`MASA_BARU_HARI` days up to and including today) - the probation year of PP 11/2017
  [P: the year, here counted as 365 days].
* The *suggested mentor* (:func:`saran_mentor`) is an active PNS of the same unit whose rank
  (golongan order) is higher than the mentee's, never the mentee themselves, never a CPNS,
  PPPK, retired or otherwise inactive person. Among those, the one with the fewest current
  (AKTIF) mentees; then the higher rank; then the name and id, so that the choice is stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

MASA_BARU_HARI = 365


def cpns_baru(status_kepegawaian: str, tmt_cpns: date | None, pada: date) -> bool:
    """True for a CPNS, or for a PNS whose TMT CPNS is within the last year up to ``pada``."""
    if status_kepegawaian == "CPNS":
        return True
    if status_kepegawaian != "PNS" or tmt_cpns is None:
        return False
    return pada - timedelta(days=MASA_BARU_HARI) <= tmt_cpns <= pada


@dataclass(frozen=True)
class Calon:
    """A person as the mentor rule sees them."""

    pegawai_id: str
    nama: str
    unit_id: str | None
    status_kepegawaian: str  # CPNS, PNS, PPPK
    kedudukan: str  # AKTIF, PENSIUN, ...
    golongan_urutan: int | None  # the rank order (higher = more senior); None: unknown
    jumlah_mentee: int = 0  # current (AKTIF) mentees


def layak_mentor(mentee: Calon, calon: Calon) -> bool:
    """Whether ``calon`` may be suggested as the mentor of ``mentee``."""
    return (
        calon.pegawai_id != mentee.pegawai_id
        and calon.kedudukan == "AKTIF"
        and calon.status_kepegawaian == "PNS"
        and mentee.unit_id is not None
        and calon.unit_id == mentee.unit_id
        and calon.golongan_urutan is not None
        and (mentee.golongan_urutan is None or calon.golongan_urutan > mentee.golongan_urutan)
    )


def saran_mentor(mentee: Calon, semua: Iterable[Calon]) -> Calon | None:
    """The suggested mentor of ``mentee`` among ``semua`` (None: nobody fits)."""
    fit = [c for c in semua if layak_mentor(mentee, c)]
    if not fit:
        return None
    return min(
        fit, key=lambda c: (c.jumlah_mentee, -(c.golongan_urutan or 0), c.nama, c.pegawai_id)
    )
