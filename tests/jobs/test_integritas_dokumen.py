"""The surat panggilan and the reply to the complainant through the decree engine: numbered,
registered, linked to the case or complaint, and their text read back with pypdf."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.jobs import integritas as jobs
from app.models.disiplin import kasus as dk
from app.models.errors import ValidationError
from app.models.pengaduan import register as adu
from tests.helpers.dokumen import prepare_db
from tests.helpers.integritas import complaint
from tests.helpers.pegawai import Orang, add, make_db


@pytest.fixture
def kantor(tmp_path: Path) -> Any:
    db, units = make_db(tmp_path / "k.sqlite3")
    orang = Orang("Ani Loket", golongan="III/b", tmt_golongan="2023-04-01")
    add(db, units, [orang])
    prepare_db(db)
    yield db, units, orang
    db.close()


def _text(path: Path) -> str:
    text = " ".join((page.extract_text() or "") for page in PdfReader(path).pages)
    return " ".join(text.split())


def test_surat_panggilan_is_issued_and_linked(kantor: Any, tmp_path: Path) -> None:
    db, _units, orang = kantor
    pid = str(db.conn.execute("SELECT id FROM pegawai").fetchone()[0])
    kid = dk.create_kasus(db, "sistem", dk.KasusBaru(pid, "Tidak masuk kerja", date(2026, 3, 2)))
    dk.add_panggilan(
        db,
        "sistem",
        kid,
        1,
        tanggal_surat=date(2026, 3, 9),
        tanggal_periksa=date(2026, 3, 18),
        tempat="Ruang rapat BKPSDM",
    )
    with pytest.raises(ValidationError, match="ke-2"):
        jobs.issue_surat_panggilan(db, "sistem", jobs.SuratPanggilanRequest(kid, 2, tmp_path))
    hasil = jobs.issue_surat_panggilan(
        db, "sistem", jobs.SuratPanggilanRequest(kid, 1, tmp_path / "surat")
    )
    assert len(hasil.berkas) == 1
    text = _text(hasil.berkas[0].path)
    for expected in (
        "Panggilan I",
        "Ani Loket",
        orang.nip[:8],
        "Rabu, 18 Maret 2026",
        "Ruang rapat BKPSDM",
        "Tidak masuk kerja",
        hasil.nomor[0],
    ):
        assert expected in text, expected
    k = dk.get_kasus(db, "sistem", kid)
    assert k.panggilan[0].register_id == hasil.register_ids[0]


def test_reply_letter_to_the_complainant(kantor: Any, tmp_path: Path) -> None:
    db, units, _orang = kantor
    pid = complaint(db, units["dinas"], nama="Siti Pelapor")
    with pytest.raises(ValidationError, match="Selesaikan pengaduan"):
        jobs.issue_jawaban(db, "sistem", jobs.JawabanRequest(pid, tmp_path))
    adu.set_triase(db, "sistem", pid, "PERBAIKAN", on=date(2026, 3, 3))
    adu.close_pengaduan(
        db,
        "sistem",
        pid,
        hasil="Loket dibenahi",
        jawaban="Petugas telah ditegur",
        on=date(2026, 3, 20),
    )
    hasil = jobs.issue_jawaban(db, "sistem", jobs.JawabanRequest(pid, tmp_path / "jawab"))
    text = _text(hasil.berkas[0].path)
    for expected in ("Siti Pelapor", "Loket dibenahi", "Petugas telah ditegur", "2 Maret 2026"):
        assert expected in text, expected
    assert adu.get_pengaduan(db, "sistem", pid).register_id == hasil.register_ids[0]
    anonim = complaint(db, units["dinas"], identitas="ANONIM")
    adu.set_triase(db, "sistem", anonim, "PERBAIKAN", on=date(2026, 3, 3))
    adu.close_pengaduan(db, "sistem", anonim, hasil="x", jawaban="y", on=date(2026, 3, 4))
    with pytest.raises(ValidationError, match="anonim"):
        jobs.issue_jawaban(db, "sistem", jobs.JawabanRequest(anonim, tmp_path))


def test_sk_hukdis_then_receipt_writes_the_penalty(kantor: Any, tmp_path: Path) -> None:
    db, _units, _orang = kantor
    pid = str(db.conn.execute("SELECT id FROM pegawai").fetchone()[0])
    kid = dk.create_kasus(db, "sistem", dk.KasusBaru(pid, "Pungutan liar", date(2026, 3, 2)))
    with pytest.raises(ValidationError, match="belum dipanggil"):
        jobs.issue_sk_hukdis(
            db,
            "sistem",
            jobs.SkHukdisRequest(kid, "POTONGAN_TPP_9", date(2026, 4, 1), tmp_path),
        )
    assert db.conn.execute("SELECT count(*) FROM register_dokumen").fetchone()[0] == 0
    dk.add_panggilan(
        db, "sistem", kid, 1, tanggal_surat=date(2026, 3, 9), tanggal_periksa=date(2026, 3, 18)
    )
    dk.record_pemeriksaan(
        db, "sistem", kid, tanggal_periksa=date(2026, 3, 18), pemeriksa="Kabid", bap="Mengaku"
    )
    hasil = jobs.issue_sk_hukdis(
        db,
        "sistem",
        jobs.SkHukdisRequest(kid, "POTONGAN_TPP_9", date(2026, 4, 1), tmp_path / "sk"),
    )
    text = _text(hasil.berkas[0].path)
    assert "pemotongan tunjangan kinerja sebesar 25% selama 9 bulan" in text
    assert "Pungutan liar" in text and hasil.nomor[0] in text
    k = dk.get_kasus(db, "sistem", kid)
    assert (k.status, k.nomor_sk, k.register_id) == (
        "DIPUTUS",
        hasil.nomor[0],
        hasil.register_ids[0],
    )
    assert k.riwayat_hukdis_id is None and k.tmt_mulai is None  # not received yet
    with pytest.raises(ValidationError, match="tanggal keputusan diterima"):
        dk.ajukan_keberatan(db, "sistem", kid, "KEBERATAN", date(2026, 4, 5))
    rid = dk.terima_keputusan(db, "sistem", kid, date(2026, 4, 6))
    row = db.conn.execute(
        "SELECT nomor_sk, tmt_mulai, tmt_selesai FROM riwayat_hukdis WHERE id = ?", (rid,)
    ).fetchone()
    assert tuple(row) == (hasil.nomor[0], "2026-04-20", "2027-01-19")
    with pytest.raises(ValidationError, match="sudah dicatat"):
        dk.terima_keputusan(db, "sistem", kid, date(2026, 4, 7))
