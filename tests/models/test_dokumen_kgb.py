"""The KGB template issues letters (Surat Pemberitahuan Kenaikan Gaji Berkala), not decrees."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.models.dokumen import core as dk
from app.models.errors import ValidationError
from app.models.pegawai.read import get_employee
from app.models.storage.db import Database
from app.reports.pdf import letter as L
from tests.helpers.common import TODAY
from tests.helpers.dokumen import pns, prepare_db

PEJABAT_LAMA = "Kepala BKPSDM Kota Nusa Indah"


@pytest.fixture
def sdb(demo_db: Database) -> Database:
    prepare_db(demo_db)
    return demo_db


def kgb(nips: list[str], **nilai: str) -> dk.Permintaan:
    values = {"gaji_pokok": "4.869.600", "sk_lama_pejabat": PEJABAT_LAMA} | nilai
    return dk.Permintaan("KGB", tuple(nips), TODAY, "petikan", nilai=values)


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


def test_kgb_template_is_a_letter_template(sdb: Database) -> None:
    t = dk.get_template(sdb.conn, "KGB")
    assert t.bentuk == "SURAT" and t.surat and not t.kolektif
    assert dk.check_template(t) == []
    # The clerk is asked for what the records cannot know.
    assert dk.needed_inputs(t) == ["gaji_pokok", "gaji_pokok_lama", "sk_lama_pejabat"]
    with pytest.raises(ValidationError, match="Bentuk harus PERORANGAN, KOLEKTIF atau SURAT"):
        dk.save_template(sdb, replace(t, bentuk="BROSUR"))


def test_letter_is_filled_from_the_records(sdb: Database) -> None:
    nip = pns(sdb, 1, "III/c")[0]
    letter = dk.prepare(sdb, kgb([nip])).decrees[0]("800.1.11.13/5/BKPSDM/2026")
    assert isinstance(letter, L.Letter)
    rec = get_employee(sdb.conn, nip, today=TODAY)
    last = max(rec.riwayat["kgb"] + rec.riwayat["pangkat"], key=lambda r: r["tmt"])
    items = [x for x in letter.rincian if x.kind == "item"]
    assert [x.label for x in items] == [
        "Nama", "NIP", "Pangkat/golongan ruang", "Jabatan", "Unit kerja", "Gaji pokok lama",
        "Gaji pokok baru", "Berdasarkan masa kerja", "Dalam golongan ruang", "Mulai tanggal",
        "Kenaikan gaji berkala berikutnya",
    ]  # fmt: skip
    values = {x.label: x.value for x in letter.rincian}
    assert values["Nama"] == rec.data["nama_lengkap"]
    assert values["NIP"] == nip
    assert values["a. oleh pejabat"] == PEJABAT_LAMA
    assert values["c. nomor"] == last["nomor_sk"]
    assert values["Gaji pokok baru"] == (
        "Rp4.869.600,00 (empat juta delapan ratus enam puluh sembilan ribu enam ratus rupiah)"
    )
    mulai = values["Mulai tanggal"]
    tahun = int(mulai.split()[-1])
    assert values["Kenaikan gaji berkala berikutnya"] == mulai.replace(str(tahun), str(tahun + 2))
    assert [x.label for x in letter.rincian if x.kind == "text"] == [
        "diberikan kenaikan gaji berkala hingga memperoleh:"
    ]
    assert letter.pembuka.startswith("Dengan ini diberitahukan")
    assert letter.penutup.startswith("Diharapkan agar")
    assert letter.kepada == (
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kota Nusa Indah",
        "di Tempat",
    )
    assert letter.hal == "Kenaikan Gaji Berkala"


def test_missing_former_official_is_refused_by_name(sdb: Database) -> None:
    nip = pns(sdb, 1)[0]
    req = dk.Permintaan("KGB", (nip,), TODAY, "petikan", nilai={"gaji_pokok": "4.869.600"})
    with pytest.raises(ValidationError, match=r"\{sk_lama_pejabat\}") as err:
        dk.prepare(sdb, req)
    assert nip in str(err.value)


def test_issue_kgb_for_two_people_gives_registered_verified_letters(
    sdb: Database, tmp_path: Path
) -> None:
    nips = pns(sdb, 2)
    result = dk.issue(sdb, kgb(nips), tmp_path / "out", actor="admin")
    assert result.nomor == ("800.1.11.13/1/BKPSDM/2026", "800.1.11.13/2/BKPSDM/2026")
    assert [b.path.name for b in result.berkas] == [f"{n}.pdf" for n in nips]
    rows = list(reversed(dk.list_register(sdb.conn, templat="KGB")))
    assert [r.nomor_urut for r in rows] == [1, 2]
    assert [r.pegawai for r in rows] == [(n,) for n in nips]
    assert all(r.perihal == "Kenaikan Gaji Berkala" and r.kode_verifikasi for r in rows)
    for berkas, nomor, nip in zip(result.berkas, result.nomor, nips, strict=True):
        text = text_of(berkas.path)
        assert "Hal : Kenaikan Gaji Berkala" in text
        assert f"Nomor : {nomor}" in text
        assert f"2. NIP : {nip}" in text
        assert "MEMUTUSKAN" not in text and "Menimbang" not in text
        assert berkas.kode in text
        assert len(PdfReader(berkas.path).pages) == 1
        answer = dk.verify(sdb.conn, berkas.path)
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
    assert dk.verify(sdb.conn, resaved).judul == "ISI SAMA"


def test_kgb_preview_shows_letters_without_numbers(sdb: Database) -> None:
    nips = pns(sdb, 2)
    data, shown, total = dk.preview_pdf(sdb, kgb(nips))
    assert (shown, total) == (2, 2)
    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    )
    assert text.count("Nomor : 800.1.11.13/\u2026/BKPSDM/2026") == 2
    assert dk.list_register(sdb.conn, templat="KGB") == []
