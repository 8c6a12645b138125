"""The import report job: the preview written as .xlsx, the same from screen and CLI."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from app.jobs.impor import ImportReportRequest, write_import_report
from app.jobs.progress import NO_PROGRESS
from app.models.impor.fields import guess_mapping
from app.models.impor.plan import plan_import
from app.models.impor.read import read_source
from app.models.storage.db import Database
from tests.helpers.common import TODAY
from tests.helpers.impor import write_siasn_xlsx


def test_writes_the_preview(db: Database, tmp_path: Path) -> None:
    source = read_source(write_siasn_xlsx(tmp_path / "siasn.xlsx"))
    plan = plan_import(db, source, guess_mapping(source.headers), today=TODAY)
    target = tmp_path / "laporan.xlsx"
    path = write_import_report(db, "uji", ImportReportRequest(plan, target), NO_PROGRESS)
    assert path == target
    sheets = openpyxl.load_workbook(target).sheetnames
    assert len(sheets) >= 1
