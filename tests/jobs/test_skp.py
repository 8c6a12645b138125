"""The SKP export jobs (app/jobs/skp.py) as the screens and the command line call them: the rekap
workbook with the states named as the screen names them, its audit entry, and the evaluation
document."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from app.jobs.skp import EvaluasiRequest, RekapSkpRequest, write_evaluasi_pdf, write_rekap_xlsx
from app.models.skp import bulk, read
from app.models.skp.dokumen import dokumen_evaluasi
from app.models.storage.db import Database
from app.models.storage.store import Store
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
    assert read.get_skp(db.conn, skp_id).pegawai.nip in text.replace(" ", "")  # printed 8-6-1-3


def test_evaluation_document_names_the_perangkat_daerah_and_aligns_the_atasan_table(
    db: Database, tmp_path: Path
) -> None:
    """Issue 14 item 3: the document named the agency (BKPSDM) where the employee's perangkat
    daerah belongs, and the table of the atasan pejabat penilai did not line up with the
    tables above it."""
    import pypdfium2 as pdfium

    from app.models.rules.nip import format_nip
    from app.models.storage import instansi

    instansi.set_settings(
        Store(db),
        {
            "nama_instansi": "Badan Kepegawaian dan Pengembangan SDM",
            "nama_pemerintah": "Pemerintah Kota Uji",
        },
        actor="admin",
    )
    org = build_org(db)
    skp_id = bulk.create_skp(db, org.staf, 2026, actor="sistem")
    dok = dokumen_evaluasi(db.conn, skp_id)
    assert dok.instansi == "Dinas Arsip"  # the OPD of Seksi Data, not the BKPSDM
    target = tmp_path / "evaluasi.pdf"
    write_evaluasi_pdf(db, "sistem", EvaluasiRequest(skp_id, target))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "DINAS ARSIP" in text and "BADAN KEPEGAWAIAN" not in text
    assert "PEMERINTAH KOTA UJI" in text
    # The atasan table lines up with the left half of the identity table above it: its labels
    # and values start where the employee's do (they stood 6 pt to the right).
    textpage = pdfium.PdfDocument(str(target))[0].get_textpage()

    def lefts(word: str) -> list[float]:
        searcher = textpage.search(word, match_case=True, match_whole_word=True)
        found = []
        while (hit := searcher.get_next()) is not None:
            found.append(round(textpage.get_charbox(hit[0])[0], 1))
        return found

    nama = lefts("NAMA")  # pegawai, penilai, atasan
    assert len(nama) == 3 and abs(nama[2] - nama[0]) < 0.5, nama
    kabid, kadis = lefts("Kabid")[0], lefts("Kadis")[0]
    staf = lefts("Staf")[0]
    assert abs(kadis - staf) < 0.5 and kabid > staf + 100
    assert format_nip(read.get_skp(db.conn, skp_id).pegawai.nip) in text  # NIP grouped
