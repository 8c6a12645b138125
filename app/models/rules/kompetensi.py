"""Competency arithmetic without database: gap, shortfall, JPM and the 9-box cell.

* gap = required level − held level (issue 15 item 3); positive: the person lacks that many
  levels; zero or negative: the standard is met. The shortfall (``kekurangan``) is the positive
  part, the quantity the training needs list ranks by.
* JPM (Job Person Match) = sum of held levels ÷ sum of required levels × 100 (asn-rules 7.3, [P]).
* 9-box (PermenPANRB 3/2020, asn-rules 6.3): kinerja 1-3 from the last two SKP predikat (each
  mapped by ``ref_talenta_kinerja``), combined as the mean rounded down [?: application's
  reading, noted in the reference table], × potensi 1-3; the box number comes from
  ``ref_kotak_talenta``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

LEVEL_MIN = 1
LEVEL_MAX = 5


def gap(required: int, held: int) -> int:
    """Required level − held level (positive: lacking)."""
    return required - held


def kekurangan(required: int, held: int) -> int:
    """How many levels are lacking: never negative, 0 when the standard is met."""
    return max(gap(required, held), 0)


def jpm(pairs: Iterable[tuple[int, int]]) -> float | None:
    """Job Person Match in percent from (required, held) pairs; None without a standard."""
    total_required = 0
    total_held = 0
    for required, held in pairs:
        total_required += required
        total_held += held
    if total_required <= 0:
        return None
    return round(total_held * 100 / total_required, 1)


def kinerja_talenta(levels: Iterable[int]) -> int | None:
    """The kinerja axis (1-3) from the levels of the last (up to two) SKP predikat, newest
    first: their mean rounded down; None without any."""
    taken = [int(v) for v in list(levels)[:2]]
    if not taken:
        return None
    return max(1, min(3, sum(taken) // len(taken)))


def nomor_kotak(kinerja: int, potensi: int, boxes: Mapping[tuple[int, int], int]) -> int:
    """The box number of (kinerja, potensi) in the table read from ``ref_kotak_talenta``."""
    return boxes[(kinerja, potensi)]
