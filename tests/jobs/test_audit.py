"""The audit trail export job, as the screen and ``merit audit export`` run it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app.jobs.audit import AuditTrailRequest, write_audit_trail
from app.jobs.progress import NO_PROGRESS
from app.models.access import audit
from app.models.errors import Cancelled
from app.models.storage.db import Database
from app.models.storage.store import Store


class Cancelling:
    def report(self, done: int, total: int, text: str = "") -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return True


def test_writes_the_entries_of_the_search_and_audits_the_export(
    db: Database, tmp_path: Path
) -> None:
    for n in range(3):
        with Store(db).write(f"Uji {n}", actor="uji") as tx:
            tx.insert("pengaturan", {"kunci": f"k{n}", "nilai": "v"})
    flt = audit.AuditFilter(aksi="Uji")
    result = write_audit_trail(db, "uji", AuditTrailRequest(flt, tmp_path / "a.xlsx"), NO_PROGRESS)
    assert result.rows == 3
    ws = openpyxl.load_workbook(result.path).active
    assert ws is not None and ws.max_row == 3 + 3  # title, filter, header, three entries
    last = audit.search(db.conn, audit.AuditFilter(aksi="Mengekspor jejak audit"), limit=5)
    assert len(last) == 1 and "3 entri" in str(last[0].keterangan)


def test_cancelled_leaves_no_file(db: Database, tmp_path: Path) -> None:
    with Store(db).write("Uji", actor="uji") as tx:
        tx.insert("pengaturan", {"kunci": "k", "nilai": "v"})
    with pytest.raises(Cancelled):
        write_audit_trail(
            db, "uji", AuditTrailRequest(audit.AuditFilter(), tmp_path / "a.xlsx"), Cancelling()
        )
    assert list(tmp_path.glob("*.xlsx*")) == []
