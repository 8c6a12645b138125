"""The one translation function for every user-visible string, and the interface language.

Source strings are Indonesian. A catalogue for another language (English: ``app/locale/en/``)
maps the Indonesian source string to its translation; when no catalogue is active, or a string is
missing from it, the Indonesian text is used. Placeholders use ``str.format`` names so that a
translation may reorder them.

The interface language is chosen by ``--lang``, else ``MERIT_LANG``, else the saved setting
(:func:`save_language`), else Indonesian. **Documents stay Indonesian** whatever the interface
language: code that writes a decree, a letter or a recap runs inside :func:`bahasa_dokumen`, which
switches :func:`tr`, :func:`tanggal` and :func:`angka` back to Indonesian for the current thread
(a context variable, so a document written in a worker thread leaves the screens alone).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

_catalogue: dict[str, str] = {}
_language = "id"
_dokumen: ContextVar[bool] = ContextVar("merit_bahasa_dokumen", default=False)

#: Interface languages: code -> name (each in its own language, as a chooser shows them).
BAHASA: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
BAWAAN = "id"
ENV_VAR = "MERIT_LANG"
SETTINGS_FILE = "pengaturan.json"

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

P = ParamSpec("P")
R = TypeVar("R")


def set_catalogue(catalogue: Mapping[str, str] | None) -> None:
    """Activate a translation catalogue (``None`` returns to Indonesian)."""
    global _language
    _catalogue.clear()
    if catalogue:
        _catalogue.update(catalogue)
    else:
        _language = BAWAAN


def catalogue_of(code: str) -> dict[str, str]:
    """The catalogue of language ``code`` as shipped (every ``*.json`` of ``app/locale/<code>``,
    merged); empty for Indonesian."""
    if code == BAWAAN:
        return {}
    from importlib import resources  # lazy: English only (not at an Indonesian start)

    merged: dict[str, str] = {}
    folder = resources.files("app.locale").joinpath(code)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def set_language(code: str) -> None:
    """Switch the interface to language ``code`` (one of :data:`BAHASA`)."""
    global _language
    if code not in BAHASA:
        raise ValueError(code)
    set_catalogue(catalogue_of(code))
    _language = code


def current_language() -> str:
    """The interface language now in force (``"id"`` inside :func:`bahasa_dokumen`)."""
    return BAWAAN if _dokumen.get() else _language


def _settings_path(home: Path) -> Path:
    return home / SETTINGS_FILE


def saved_language(home: Path) -> str | None:
    """The language saved in this installation's settings file, if any (a damaged file or an
    unknown code counts as none)."""
    try:
        data = json.loads(_settings_path(home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    code = data.get("bahasa") if isinstance(data, dict) else None
    return code if code in BAHASA else None


def save_language(home: Path, code: str) -> None:
    """Remember ``code`` as the interface language of this installation (used from the next
    start)."""
    if code not in BAHASA:
        raise ValueError(code)
    path = _settings_path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data["bahasa"] = code
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def choose_language(flag: str | None, home: Path | None) -> str:
    """``--lang`` first, then ``MERIT_LANG``, then the saved setting, then Indonesian. An
    unknown code falls through to the next source."""
    for code in (flag, os.environ.get(ENV_VAR), saved_language(home) if home else None):
        if code:
            code = code.strip().lower()[:2]
            if code in BAHASA:
                return code
    return BAWAAN


@contextmanager
def bahasa_dokumen() -> Iterator[None]:
    """Inside: :func:`tr`, :func:`tanggal` and :func:`angka` write Indonesian (documents)."""
    token = _dokumen.set(True)
    try:
        yield
    finally:
        _dokumen.reset(token)


def dokumen(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator: the function writes a document, so runs in :func:`bahasa_dokumen`."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with bahasa_dokumen():
            return fn(*args, **kwargs)

    return wrapper


def tr(text: str, /, **values: object) -> str:
    """Translate ``text`` and fill its ``{name}`` placeholders from ``values``."""
    translated = text if _dokumen.get() else _catalogue.get(text, text)
    return translated.format(**values) if values else translated


def tanggal(value: date | str | None, *, kosong: str = "-") -> str:
    """A date written the Indonesian way: ``22 November 2026`` (no leading zero); in English
    ``22 November 2026`` with English month names."""
    if value is None or value == "":
        return kosong
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value.day} {tr(BULAN[value.month - 1])} {value.year}"


def angka(value: int | float, desimal: int = 0) -> str:
    """A number with the interface language's separators: ``1.234.567`` or ``12,50`` in
    Indonesian (and in documents), ``1,234,567`` or ``12.50`` in English."""
    text = f"{value:,.{desimal}f}"
    if current_language() == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
