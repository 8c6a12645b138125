"""Selection arithmetic (pure): decimals from input, scaling to 0..100, means, weighted totals.

All arithmetic in :class:`~decimal.Decimal`, never floats (asn-rules 6.1, 6.2; the ranking rules
are in :mod:`app.models.seleksi.peringkat`):

* A criterion score ``x`` on its own scale ``min..max`` counts as ``(x - min) / (max - min) *
  100`` (0 at the bottom of the scale, 100 at the top): :func:`skala_100`.
* The total uses only the stages that apply (with a score and a positive weight), the weights
  renormalised over them: ``total = sum(w_s * score_s) / sum(w_s)`` (:func:`total_berbobot`). It
  never divides by a stage that was not held, and it stays within 0..100.
* Totals are compared as shown, rounded to two decimals, ROUND_HALF_UP (:func:`bulat`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.i18n import tr
from app.models.errors import ValidationError

SERATUS = Decimal(100)
DUA_DESIMAL = Decimal("0.01")
USULAN = 3  # the three best go to the PPK (asn-rules 6.1)


def desimal(value: object, field_name: str, baris: str = "") -> Decimal:
    """A decimal from user input ("12,5" and "12.5" both accepted). Raises ValidationError."""
    text = str(value).strip().replace(",", ".") if value is not None else ""
    try:
        result = Decimal(text)
    except InvalidOperation:
        result = Decimal("NaN")
    if not text or not result.is_finite():
        where = f"{baris}: " if baris else ""
        raise ValidationError(
            tr("{where}{field}: '{v}' bukan angka.", where=where, field=field_name, v=value or ""),
            field=field_name,
        )
    return result


def teks_desimal(value: Decimal) -> str:
    """Canonical text of a decimal for storage ("12.5", "100", "0.25")."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def bulat(value: Decimal) -> Decimal:
    """Rounded to two decimals, half up (how totals are shown and compared)."""
    return value.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def skala_100(nilai: Decimal, minimum: Decimal, maksimum: Decimal) -> Decimal:
    """A criterion score on its own scale, scaled to 0..100."""
    return (nilai - minimum) / (maksimum - minimum) * SERATUS


def rata(values: Sequence[Decimal]) -> Decimal:
    """The mean."""
    return sum(values, Decimal(0)) / Decimal(len(values))


def total_berbobot(skor: Mapping[str, Decimal], bobot: Mapping[str, Decimal]) -> Decimal | None:
    """The weighted total over the stages that have a score and a positive weight, weights
    renormalised over those stages; None when no stage applies."""
    used = [s for s in skor if bobot.get(s, Decimal(0)) > 0]
    denom = sum((bobot[s] for s in used), Decimal(0))
    if not used or denom == 0:
        return None
    return sum((bobot[s] * skor[s] for s in used), Decimal(0)) / denom
