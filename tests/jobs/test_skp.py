"""The SKP export jobs (app/jobs/skp.py) as the screens and the command line call them: the rekap
workbook with the states named as the screen names them, its audit entry, and the evaluation
document."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from app.jobs.skp import EvaluasiRequest, RekapSkpRequest, write_evaluasi_pdf, write_rekap_xlsx
from app.models.skp import bulk, read
from app.models.storage.db import Database
from tests.helpers.dokumen import Steps
from tests.helpers.skp import build_org, build_people


def test_rekap_job_writes_the_states_by_name_and_audits_the_export(
    db: Database, tmp_path: Path
) -> None:
    org = build_org(db)
    people = build_people(org)
    bulk.create_massal(db, 2026, actor=people.admin, unit_id=org.bidang)  # not the Kadis
    target = tmp_path / "rekap.xlsx"
    steps = Steps()
    request = RekapSkpRequest(2026, target, org.dinas)
    n = write_rekap_xlsx(db, people.operator, request, steps)
    assert n == 5 and steps.seen == [(5, 5)]
    sheet = load_workbook(target)["Rekap SKP"]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert values.count("Draf") == 4 and values.count("Belum ada SKP") == 1
    audit = db.conn.execute(
        "SELECT aktor, keterangan FROM lokal_audit WHERE aksi = 'Ekspor rekap SKP 2026'"
    ).fetchall()
    assert [tuple(r) for r in audit] == [("op_dinas", f"{target}: 5 pegawai")]


def test_evaluation_job_writes_the_document(db: Database, tmp_path: Path) -> None:
    org = build_org(db)
    skp_id = bulk.create_skp(db, org.ani, 2026, actor="sistem")
    target = tmp_path / "evaluasi.pdf"
    pages = write_evaluasi_pdf(db, "sistem", EvaluasiRequest(skp_id, target))
    reader = PdfReader(target)
    assert pages == len(reader.pages) >= 1
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in text
    assert read.get_skp(db.conn, skp_id).pegawai.nip in text
