"""Dates between Python and Qt's date widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
