"""Issuing with the KGB template: letters (Surat Pemberitahuan Kenaikan Gaji Berkala)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen import rancangan
from app.models.dokumen import register as register_dokumen
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from tests.helpers.common import TODAY
from tests.helpers.dokumen import issue, pns, prepare_db

PEJABAT_LAMA = "Kepala BKPSDM Kota Nusa Indah"


@pytest.fixture
def sdb(demo_db: Database) -> Database:
    prepare_db(demo_db)
    return demo_db


def kgb(nips: list[str], **nilai: str) -> rancangan.Permintaan:
    values = {"sk_lama_pejabat": PEJABAT_LAMA} | nilai
    return rancangan.Permintaan("KGB", tuple(nips), TODAY, "petikan", nilai=values)


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


def test_issue_kgb_for_two_people_gives_registered_verified_letters(
    sdb: Database, tmp_path: Path
) -> None:
    nips = pns(sdb, 2)
    result = issue(sdb, kgb(nips), tmp_path / "out", actor="admin")
    assert result.nomor == ("800.1.11.13/1/BKPSDM/2026", "800.1.11.13/2/BKPSDM/2026")
    assert [b.path.name for b in result.berkas] == [f"{n}.pdf" for n in nips]
    rows = list(reversed(register_dokumen.list_register(sdb.conn, templat="KGB")))
    assert [r.nomor_urut for r in rows] == [1, 2]
    assert [r.pegawai for r in rows] == [(n,) for n in nips]
    assert all(r.perihal == "Kenaikan Gaji Berkala" and r.kode_verifikasi for r in rows)
    for berkas, nomor, nip in zip(result.berkas, result.nomor, nips, strict=True):
        text = text_of(berkas.path)
        assert "Hal : Kenaikan Gaji Berkala" in text
        assert f"Nomor : {nomor}" in text
        assert f"2. NIP : {format_nip(nip)}" in text
        assert "MEMUTUSKAN" not in text and "Menimbang" not in text
        assert berkas.kode in text
        assert len(PdfReader(berkas.path).pages) == 1
        answer = dokumen_jobs.verify(sdb, "admin", berkas.path)
        assert answer.judul == "ASLI", answer.pesan
        assert answer.register is not None and answer.register.nomor == nomor
    # The combined PDF holds both letters, one page each.
    assert result.gabungan is not None
    combined = text_of(result.gabungan)
    assert combined.count("Hal : Kenaikan Gaji Berkala") == 2
    assert len(PdfReader(result.gabungan).pages) == 2
    # A re-saved letter (same text, other bytes) is told apart from the very file.
    first = result.berkas[0].path
    resaved = tmp_path / "simpan-ulang.pdf"
    resaved.write_bytes(first.read_bytes().replace(b"/Creator (Merit)", b"/Creator (Meri7)"))
    assert dokumen_jobs.verify(sdb, "admin", resaved).judul == "ISI SAMA"


def test_kgb_preview_shows_letters_without_numbers(sdb: Database) -> None:
    nips = pns(sdb, 2)
    data, shown, total = dokumen_jobs.render_preview(sdb, "admin", kgb(nips))
    assert (shown, total) == (2, 2)
    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    )
    assert text.count("Nomor : 800.1.11.13/\u2026/BKPSDM/2026") == 2
    assert register_dokumen.list_register(sdb.conn, templat="KGB") == []
