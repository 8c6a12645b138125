"""Hostile input: markup, very long strings, control characters and right-to-left marks in names
and fields do not break the employee browser, the detail dialog, the audit screen or the .xlsx
exports; exports never emit formulas from data; the import refuses folders and devices."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from app.models.storage.db import Database
from app.models.storage.store import Store
from app.ui.tasks import TaskRunner

TODAY = date(2026, 11, 22)
MARKUP = "<b>Budi</b> & <i>Siti</i> <script>alert(1)</script>"
RTL = "\u202eitiS\u202c \u200fعلي\u200f"
CONTROL = "Ani\x00\x01\x07\x1b[31m\x7f Putri"
LONG = "Panjang" * 1500  # 10,500 characters
FORMULA = '=HYPERLINK("http://contoh.invalid","klik")'


@pytest.fixture
def hostile_id(demo_db: Database) -> str:
    pid = demo_db.conn.execute("SELECT id FROM pegawai ORDER BY nip LIMIT 1").fetchone()[0]
    with Store(demo_db).write("Data uji", actor="uji") as tx:
        tx.update(
            "pegawai",
            pid,
            {
                "nama": f"{MARKUP} {RTL} {CONTROL}",
                "gelar_belakang": FORMULA,
                "alamat": LONG,
                "tempat_lahir": "-1+1",
                "email": "@SUM(A1:A9)",
            },
        )
    return str(pid)


def test_browser_and_detail_render(
    qtbot: QtBot, demo_db: Database, hostile_id: str, demo_runner: TaskRunner
) -> None:
    from app.ui.dialogs.employee_detail import EmployeeDetailDialog
    from app.ui.pages.employees import EmployeesPage

    page = EmployeesPage(demo_db, actor="uji", runner=demo_runner)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.keyClicks(page.search, "Budi")
    qtbot.wait(400)
    assert not page.grab().isNull()
    dialog = EmployeeDetailDialog(demo_db, hostile_id, actor="uji", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.grab().isNull()
    dialog.close()
    demo_runner.wait()


def test_audit_screen_renders_hostile_entries(
    qtbot: QtBot, demo_db: Database, hostile_id: str, demo_runner: TaskRunner
) -> None:
    from app.ui.pages.audit import AuditPage

    Store(demo_db).record_read(MARKUP + CONTROL, actor=RTL, keterangan=LONG)
    page = AuditPage(demo_db, actor="uji", runner=demo_runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    cell = page.model.data(page.model.index(0, 3))
    assert "\x07" not in cell and "<b>Budi</b>" in cell
    assert len(page.model.data(page.model.index(0, 5))) <= 300
    assert not page.grab().isNull()
    dialog = page.open_entry(0)
    assert dialog is not None and not dialog.grab().isNull()
    dialog.close()
    demo_runner.wait()


def test_employee_export_has_no_formulas_and_survives_control_chars(
    demo_db: Database, hostile_id: str, tmp_path: Path
) -> None:
    from app.models.pegawai import read as emp
    from app.models.pegawai.ekspor import employee_export_rows
    from app.reports.excel.pegawai import write_employee_list

    headers, rows = employee_export_rows(demo_db.conn, emp.EmployeeFilter())
    out = tmp_path / "pegawai.xlsx"
    write_employee_list(out, "Daftar\x01\x07 uji", headers, rows, subtitle=MARKUP)
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    found = False
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type != "f", cell.value
                assert "\x07" not in cell.value and "\x00" not in cell.value
                if "Putri" in cell.value:  # the name: control characters gone, text kept
                    found = True
                    assert "<b>Budi</b>" in cell.value and "Ani" in cell.value
    assert found


def test_import_report_survives_hostile_cells(demo_db: Database, tmp_path: Path) -> None:
    from app.models.impor.fields import guess_mapping
    from app.models.impor.plan import plan_import
    from app.models.impor.read import read_source
    from app.reports.excel.impor import write_import_report

    src = tmp_path / "impor.csv"
    src.write_text(
        "NIP;Nama;Tanggal Lahir;Jenis Kelamin;Golongan;TMT Golongan;Alamat\n"
        f"199001012020121001;{MARKUP} {RTL};1990-01-01;L;III/a;2020-12-01;{LONG}\n"
        f"12345;{FORMULA};bukan tanggal;X;Z;?;{CONTROL.replace(chr(0), '')}\n",
        encoding="utf-8",
    )
    source = read_source(src)
    plan = plan_import(demo_db, source, guess_mapping(source.headers), today=TODAY)
    out = tmp_path / "laporan.xlsx"
    write_import_report(plan, out)
    wb = load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.value)


@pytest.mark.parametrize("target", ["folder", "/dev/null", "/dev/zero"])
def test_import_refuses_folders_and_devices(target: str, tmp_path: Path) -> None:
    from app.models.impor.read import UnreadableFile, read_source

    path = tmp_path if target == "folder" else Path(target)
    if not path.exists():
        pytest.skip(f"{target} not on this system")
    with pytest.raises(UnreadableFile):
        read_source(path)
