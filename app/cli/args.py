"""Argument types shared by the ``merit`` command modules, with Indonesian messages."""

from __future__ import annotations

import argparse
from datetime import date

from app.i18n import tr


def tanggal(text: str) -> date:
    """A date written TTTT-BB-HH."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr(
                "tanggal '{text}' tidak sah: bukan tanggal yang ditulis TTTT-BB-HH, "
                "mis. 2026-11-22",
                text=text,
            )
        ) from None


def tahun(text: str) -> int:
    """A year of four digits."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1900 <= value <= 2200:
        raise argparse.ArgumentTypeError(
            tr("tahun '{text}' tidak sah; tulis empat angka, mis. 2027", text=text)
        )
    return value


def bilangan_tak_negatif(text: str) -> int:
    """A whole number, zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{text}' bukan bilangan bulat", text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(tr("'{text}' tidak boleh negatif", text=text))
    return value
