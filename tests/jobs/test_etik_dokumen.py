"""The written moral sanction of an ethics case through the decree engine: refused for an
unproven case, numbered, registered, linked to the case, its text read back with pypdf."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.jobs import integritas as jobs
from app.models.errors import ValidationError
from app.models.etik import kasus as ek
from tests.helpers.dokumen import prepare_db
from tests.helpers.pegawai import Orang, add, make_db


@pytest.fixture
def kantor(tmp_path: Path) -> Any:
    db, units = make_db(tmp_path / "k.sqlite3")
    people = [
        Orang("Ani Loket", golongan="III/b"),
        Orang("Kepala Bidang", golongan="IV/a"),
        Orang("Kasubbag", golongan="III/d"),
        Orang("Analis", golongan="III/c"),
    ]
    add(db, units, people)
    prepare_db(db)
    ids = {str(r[1]): str(r[0]) for r in db.conn.execute("SELECT id, nama FROM pegawai")}
    yield db, ids, people[0]
    db.close()


def _decided(db: Any, ids: dict[str, str], temuan: str) -> str:
    kid = ek.create_kasus(
        db, "sistem", ek.KasusBaru(ids["Ani Loket"], "Membentak pemohon", date(2026, 3, 2))
    )
    majelis = [(ids["Kepala Bidang"], "KETUA"), (ids["Kasubbag"], "SEKRETARIS")]
    ek.set_majelis(db, "sistem", kid, [*majelis, (ids["Analis"], "ANGGOTA")])
    ek.add_sidang(db, "sistem", kid, tanggal=date(2026, 3, 9), hadir=True, ringkasan="Mengaku")
    if temuan == "TERBUKTI":
        putusan = ek.Putusan(temuan, date(2026, 3, 10), ("MASYARAKAT_1",), "TERTUTUP")
    else:
        putusan = ek.Putusan(temuan, date(2026, 3, 10))
    ek.putus(db, "sistem", kid, putusan)
    return kid


def test_moral_sanction_letter_is_issued_and_linked(kantor: Any, tmp_path: Path) -> None:
    db, ids, orang = kantor
    lepas = _decided(db, ids, "TIDAK_TERBUKTI")
    with pytest.raises(ValidationError, match="terbukti"):
        jobs.issue_sanksi_moral(db, "sistem", jobs.SanksiMoralRequest(lepas, tmp_path / "x"))
    kid = _decided(db, ids, "TERBUKTI")
    hasil = jobs.issue_sanksi_moral(db, "sistem", jobs.SanksiMoralRequest(kid, tmp_path / "sm"))
    pdf = hasil.berkas[0].path
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    for expected in (
        "Sanksi Moral",
        "pernyataan secara tertutup",
        "Ani Loket",
        orang.nip[:8],
        "Peraturan Pemerintah Nomor 42 Tahun 2004",
        "santun, tanpa pamrih",  # the breached point in its words
        "10 Maret 2026",
        hasil.nomor[0],
    ):
        assert expected in text, expected
    assert "MASYARAKAT_1" not in text  # not Merit's internal code, in a decree
    row = db.conn.execute(
        "SELECT nomor_surat, register_id FROM etik_kasus WHERE id = ?", (kid,)
    ).fetchone()
    assert tuple(row) == (hasil.nomor[0], hasil.register_ids[0])
    assert "SM-KE/2026" in hasil.nomor[0]
    import pypdfium2

    pypdfium2.PdfDocument(str(pdf))[0].render(scale=1.3).to_pil().save("/tmp/etik_surat.png")
