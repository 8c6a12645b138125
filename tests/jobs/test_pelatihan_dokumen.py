"""The surat tugas and the daftar peserta of a training event through the document engine:
numbered in the register, one PDF for all the participants, read back with pypdf (names, NIPs
grouped 8-6-1-3, number, verification code), verifiable; a surat tugas for many people puts
them on a lampiran page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.jobs import dokumen as dokumen_jobs
from app.jobs import kompetensi as jobs
from app.models.dokumen import templat
from app.models.errors import ValidationError
from app.models.pelatihan import acara as pel
from app.models.pelatihan import surat
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from tests.helpers.dokumen import SIGNERS, pns


def _text(path: Path) -> str:
    text = " ".join((page.extract_text() or "") for page in PdfReader(path).pages)
    return " ".join(text.split())


def _event(db: Database, nips: list[str]) -> str:
    k = pel.create_katalog(db, "Pelatihan Arsip Digital", jp=32, penyelenggara="BPSDM Provinsi NTT")
    aid = pel.create_acara(db, k, "2026-03-02", "2026-03-05", tempat="Aula BPSDM, Kupang")
    ids = {
        str(r[0]): None
        for n in nips
        for r in db.conn.execute("SELECT pegawai_id FROM pegawai_ringkas WHERE nip = ?", (n,))
    }
    pel.add_peserta(db, aid, ids)
    return aid


def _signers(db: Database) -> None:
    surat.seed_templates(db, actor="admin")
    for t in surat.TEMPLATES:
        saved = templat.get_template(db.conn, t.kode)
        templat.save_template(db, replace(saved, **SIGNERS), actor="admin")


def _names(db: Database, nips: list[str]) -> list[str]:
    return [
        str(db.conn.execute("SELECT nama_lengkap FROM pegawai_ringkas WHERE nip = ?", (n,))
            .fetchone()[0])
        for n in nips
    ]  # fmt: skip


def test_surat_tugas_names_few_people_inline(demo_db: Database, tmp_path: Path) -> None:
    db = demo_db
    _signers(db)
    nips = pns(db, 3)
    aid = _event(db, nips)
    hasil = jobs.issue_dokumen_acara(
        db, "sistem", jobs.DokumenAcaraRequest(aid, tmp_path / "st", True, date(2026, 2, 20))
    )
    assert len(hasil.berkas) == 1 and hasil.nomor[0].startswith("800.1.6/")
    pdf = hasil.berkas[0].path
    assert len(PdfReader(pdf).pages) == 1
    flat = _text(pdf)
    for expected in (
        "SURAT TUGAS",
        hasil.nomor[0],
        "MENUGASKAN",
        "Kepada",
        "Untuk",
        "Pelatihan Arsip Digital (32 JP)",
        "2 s.d. 5 Maret 2026",
        "Aula BPSDM, Kupang",
        "BPSDM Provinsi NTT",
        hasil.berkas[0].kode,
        *_names(db, nips),
        *(format_nip(n) for n in nips),
    ):
        assert expected in flat, expected
    check = dokumen_jobs.verify(db, "sistem", pdf)
    assert check.ok and check.judul == "ASLI", check


def test_surat_tugas_for_many_puts_the_list_on_a_lampiran(
    demo_db: Database, tmp_path: Path
) -> None:
    db = demo_db
    _signers(db)
    nips = pns(db, 12)
    aid = _event(db, nips)
    hasil = jobs.issue_dokumen_acara(
        db, "sistem", jobs.DokumenAcaraRequest(aid, tmp_path / "st", True, date(2026, 2, 20))
    )
    reader = PdfReader(hasil.berkas[0].path)
    assert len(reader.pages) == 2
    first = " ".join((reader.pages[0].extract_text() or "").split())
    lamp = " ".join((reader.pages[1].extract_text() or "").split())
    assert "terlampir" in first and hasil.berkas[0].kode in first
    assert "LAMPIRAN" in lamp and hasil.nomor[0] in lamp
    for n, name in zip(nips, _names(db, nips), strict=True):
        assert format_nip(n) in lamp and name in lamp


def test_daftar_peserta_with_certificates(demo_db: Database, tmp_path: Path) -> None:
    db = demo_db
    _signers(db)
    nips = pns(db, 12)  # a dozen people and the signature on one F4 page
    aid = _event(db, nips)
    ids = {
        n: str(db.conn.execute("SELECT pegawai_id FROM pegawai_ringkas WHERE nip = ?", (n,))
               .fetchone()[0])
        for n in nips
    }  # fmt: skip
    pel.complete_acara(
        db, aid, sertifikat={ids[nips[0]]: "SERT-0001/2026"}, tidak_hadir=[ids[nips[1]]]
    )
    hasil = jobs.issue_dokumen_acara(
        db, "sistem", jobs.DokumenAcaraRequest(aid, tmp_path / "dp", False, date(2026, 3, 6))
    )
    pdf = hasil.berkas[0].path
    assert len(PdfReader(pdf).pages) == 1
    flat = _text(pdf)
    for expected in (
        "DAFTAR PESERTA PELATIHAN",
        hasil.nomor[0],
        "Pelatihan Arsip Digital",
        "32 JP",
        "12 orang",
        "SERT-0001/2026",
        hasil.berkas[0].kode,
        *_names(db, nips),
        *(format_nip(n) for n in nips),
    ):
        assert expected in flat, expected
    # The surat tugas leaves out the participant marked absent.
    st = jobs.issue_dokumen_acara(
        db, "sistem", jobs.DokumenAcaraRequest(aid, tmp_path / "st", True, date(2026, 3, 6))
    )
    assert format_nip(nips[1]) not in _text(st.berkas[0].path)


def test_refused_without_participants_or_for_a_cancelled_event(
    demo_db: Database, tmp_path: Path
) -> None:
    db = demo_db
    _signers(db)
    aid = _event(db, [])
    req = jobs.DokumenAcaraRequest(aid, tmp_path / "x", True)
    with pytest.raises(ValidationError, match="belum memiliki peserta"):
        jobs.issue_dokumen_acara(db, "sistem", req)
    pel.cancel_acara(db, aid)
    with pytest.raises(ValidationError, match="dibatalkan"):
        jobs.issue_dokumen_acara(db, "sistem", req)
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())
