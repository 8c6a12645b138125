"""The employee list export job: the same file, refusal and audit entry from screen and CLI."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app.jobs.pegawai import EmployeeListRequest, write_employee_list
from app.jobs.progress import NO_PROGRESS
from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied, Cancelled
from app.models.pegawai.ekspor import employee_export_count
from app.models.pegawai.read import EmployeeFilter
from app.models.storage.db import Database
from app.reports.excel.pegawai import HEADER_ROW

SANDI = "kopi pagi di kantor"


class Recorder:
    """A progress that remembers its reports and cancels after ``stop_after`` questions."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.asked = 0
        self.stop_after = stop_after

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total))

    @property
    def cancelled(self) -> bool:
        self.asked += 1
        return self.stop_after is not None and self.asked > self.stop_after


def _exports(db: Database) -> int:
    return int(
        db.conn.execute(
            "SELECT count(*) FROM lokal_audit WHERE aksi = 'Mengekspor daftar pegawai'"
        ).fetchone()[0]
    )


def test_writes_the_filtered_list_and_audits_it(demo_db: Database, tmp_path: Path) -> None:
    flt = EmployeeFilter(status="PNS")
    progress = Recorder()
    result = write_employee_list(
        demo_db, "sistem", EmployeeListRequest(flt, tmp_path / "pns.xlsx"), progress
    )
    expected = employee_export_count(demo_db.conn, flt)
    assert result.path == tmp_path / "pns.xlsx" and result.rows == expected
    ws = openpyxl.load_workbook(result.path).active
    assert ws is not None and ws.max_row == HEADER_ROW + expected
    assert progress.reports[-1] == (expected, expected)  # counted when the caller gives no total
    assert _exports(demo_db) == 1


def test_refused_before_anything_is_written(demo_db: Database, tmp_path: Path) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    opd = demo_db.conn.execute(
        "SELECT opd_id FROM pegawai_ringkas WHERE opd_id IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    akun.create_akun(
        demo_db, "operator", "Operator", SANDI, [Hak(Peran.OPERATOR, opd)], actor=admin
    )
    operator = akun.masuk(demo_db, "operator", SANDI)
    target = tmp_path / "semua.xlsx"
    with pytest.raises(AccessDenied):
        write_employee_list(demo_db, operator, EmployeeListRequest(EmployeeFilter(), target),
                            NO_PROGRESS)  # fmt: skip
    assert not target.exists() and _exports(demo_db) == 0
    own = write_employee_list(
        demo_db, operator, EmployeeListRequest(EmployeeFilter(unit_id=opd), target), NO_PROGRESS
    )
    assert own.rows > 0 and _exports(demo_db) == 1


def test_cancelled_leaves_no_file_and_no_audit(demo_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "batal.xlsx"
    with pytest.raises(Cancelled):
        write_employee_list(
            demo_db, "sistem", EmployeeListRequest(EmployeeFilter(), target), Recorder(0)
        )
    assert list(tmp_path.glob("*.xlsx*")) == [] and _exports(demo_db) == 0
