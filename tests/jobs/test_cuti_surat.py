"""The surat izin cuti through the document engine: issued for an approved leave only, numbered
in the register, linked to the record, read back with pypdf, verifiable; refused twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.jobs import cuti as cuti_jobs
from app.jobs import dokumen as dokumen_jobs
from app.models.cuti import permohonan as cuti
from app.models.cuti import surat
from app.models.dokumen import templat
from app.models.errors import ValidationError
from tests.helpers.cuti import kantor
from tests.helpers.dokumen import SIGNERS, prepare_db


def test_surat_izin_cuti_is_issued_read_back_and_verified(tmp_path: Path) -> None:
    k = kantor(tmp_path / "cuti.sqlite3")
    db = k.db
    prepare_db(db)
    surat.seed_template(db)
    t = templat.get_template(db.conn, surat.KODE_TEMPLAT)
    templat.save_template(db, replace(t, **SIGNERS), actor="admin")
    cid = cuti.ajukan(
        db,
        k.ani,
        cuti.Permohonan(
            "TAHUNAN", date(2026, 5, 11), date(2026, 5, 19), "Pulang kampung", "Jl. Mawar 1, Ende"
        ),
        actor="sistem",
        today=date(2026, 5, 1),
    )
    out = tmp_path / "surat"
    request = cuti_jobs.SuratCutiRequest(cid, out, date(2026, 5, 4))
    with pytest.raises(ValidationError, match="hanya untuk cuti yang disetujui"):
        cuti_jobs.issue_surat_cuti(db, "sistem", request)
    cuti.putuskan(db, cid, "SETUJU", actor="sistem", today=date(2026, 5, 4))
    hasil = cuti_jobs.issue_surat_cuti(db, "sistem", request)
    assert len(hasil.nomor) == 1 and hasil.nomor[0].startswith("800.1.11/")
    assert cuti.get_cuti(db.conn, cid).register_id == hasil.register_ids[0]
    pdf = hasil.berkas[0].path
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    flat = " ".join(text.split())
    for expected in (
        "Izin cuti tahunan",
        "Diberikan cuti tahunan untuk tahun 2026",
        "Ani Lestari",
        # 11-19 May 2026: 14 (holiday) and 15 (cuti bersama) and the weekend are not counted.
        "selama 5 (lima) hari kerja",
        "11 Mei 2026 sampai dengan tanggal 19 Mei 2026",
        "Jl. Mawar 1, Ende",
        "wajib menyerahkan pekerjaannya",
        hasil.nomor[0],
    ):
        assert expected in flat, expected
    check = dokumen_jobs.verify(db, "sistem", pdf)
    assert check.ok and check.judul == "ASLI", check
    with pytest.raises(ValidationError, match="sudah terbit"):
        cuti_jobs.issue_surat_cuti(db, "sistem", request)
    db.close()


def test_formulir_permintaan_cuti_read_back(tmp_path: Path) -> None:
    """The request form: the kind ticked, the balances of N-2, N-1 and N, the superior's and
    the official's boxes."""
    k = kantor(tmp_path / "cuti.sqlite3")
    cid = cuti.ajukan(
        k.db,
        k.ani,
        cuti.Permohonan(
            "TAHUNAN", date(2026, 5, 11), date(2026, 5, 19), "Pulang kampung", "Jl. Mawar 1, Ende"
        ),
        actor="sistem",
        today=date(2026, 5, 1),
    )
    cuti.rekomendasikan(k.db, cid, "SETUJU", actor="sistem")
    cuti.putuskan(k.db, cid, "SETUJU", actor="sistem")
    out = cuti_jobs.write_formulir(k.db, "sistem", cid, tmp_path / "formulir.pdf")
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    for expected in (
        "FORMULIR PERMINTAAN DAN PEMBERIAN CUTI",
        "I. DATA PEGAWAI",
        "Ani Lestari",
        "11 tahun 2 bulan",
        "Cuti tahunan X",
        "Selama 5 hari kerja",
        "N-2 (2024) 24 hari",
        "N (2026) 19 hari",
        "Jl. Mawar 1, Ende",
        "VIII. KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI",
        "DISETUJUI (X)",
    ):
        assert expected in flat, (expected, flat)
    with pytest.raises(ValidationError, match=r"\.pdf"):
        cuti_jobs.write_formulir(k.db, "sistem", cid, tmp_path / "formulir.docx")
    k.db.close()
