"""Test builders (moved from tests/models/test_kp.py)."""

from __future__ import annotations

from datetime import date

from app.models.kp import usulan as kp
from app.models.rules.kp import STATUS_MEMENUHI, STATUS_VERIFIKASI
from app.models.storage.db import Database

PERIODE = "2026-12"


TMT = date(2026, 12, 1)


def rows(db: Database, status: str) -> list[kp.KpItem]:
    return [i for i in kp.list_periode(db.conn, PERIODE) if i.syarat == status]


def two_due(db: Database) -> list[kp.KpItem]:
    """Two people due in the period whose next rank is within their diploma's ceiling."""
    items = [
        i
        for i in rows(db, STATUS_VERIFIKASI) + rows(db, STATUS_MEMENUHI)
        if not any("Melebihi" in k for k in i.keterangan)
    ]
    assert len(items) >= 2
    return items[:2]
