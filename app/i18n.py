"""The one translation function for every user-visible string.

Source strings are Indonesian. A catalogue for another language (say English) maps the
Indonesian source string to its translation; when no catalogue is active, or a string is
missing from it, the Indonesian text is used. Placeholders use ``str.format`` names so that a
translation may reorder them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

_catalogue: dict[str, str] = {}

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def set_catalogue(catalogue: Mapping[str, str] | None) -> None:
    """Activate a translation catalogue (``None`` returns to Indonesian)."""
    _catalogue.clear()
    if catalogue:
        _catalogue.update(catalogue)


def tr(text: str, /, **values: object) -> str:
    """Translate ``text`` and fill its ``{name}`` placeholders from ``values``."""
    translated = _catalogue.get(text, text)
    return translated.format(**values) if values else translated


def tanggal(value: date | str | None, *, kosong: str = "-") -> str:
    """A date written the Indonesian way: ``22 November 2026`` (no leading zero)."""
    if value is None or value == "":
        return kosong
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value.day} {tr(BULAN[value.month - 1])} {value.year}"


def angka(value: int | float, desimal: int = 0) -> str:
    """A number with Indonesian separators: ``1.234.567`` or ``12,50``."""
    text = f"{value:,.{desimal}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
