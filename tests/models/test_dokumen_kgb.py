"""The KGB template issues letters (Surat Pemberitahuan Kenaikan Gaji Berkala), not decrees."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from app.i18n import tanggal
from app.models.dokumen import rancangan, templat
from app.models.dokumen.naskah import Letter
from app.models.dokumen.nilai import default_tmt
from app.models.errors import ValidationError
from app.models.pegawai.read import get_employee
from app.models.reference.loader import Referensi
from app.models.rules.derivations import masa_kerja
from app.models.rules.gaji import TabelGaji
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from tests.helpers.common import TODAY
from tests.helpers.dokumen import pns, prepare_db

PEJABAT_LAMA = "Kepala BKPSDM Kota Nusa Indah"


@pytest.fixture
def sdb(demo_db: Database) -> Database:
    prepare_db(demo_db)
    return demo_db


def kgb(nips: list[str], **nilai: str) -> rancangan.Permintaan:
    values = {"sk_lama_pejabat": PEJABAT_LAMA} | nilai
    return rancangan.Permintaan("KGB", tuple(nips), TODAY, "petikan", nilai=values)


def test_kgb_template_is_a_letter_template(sdb: Database) -> None:
    t = templat.get_template(sdb.conn, "KGB")
    assert t.bentuk == "SURAT" and t.surat and not t.kolektif
    assert templat.check_template(t) == []
    # The clerk is asked for what the records cannot know.
    assert templat.needed_inputs(t) == ["gaji_pokok", "gaji_pokok_lama", "sk_lama_pejabat"]
    with pytest.raises(
        ValidationError, match="Bentuk harus PERORANGAN, KOLEKTIF, SURAT atau TUGAS"
    ):
        templat.save_template(sdb, replace(t, bentuk="BROSUR"))


def test_letter_is_filled_from_the_records(sdb: Database) -> None:
    nip = pns(sdb, 1, "III/c")[0]
    letter = rancangan.prepare(sdb, kgb([nip])).decrees[0]("800.1.11.13/5/BKPSDM/2026")
    assert isinstance(letter, Letter)
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
    assert values["NIP"] == format_nip(nip)
    assert values["a. oleh pejabat"] == PEJABAT_LAMA
    assert values["c. nomor"] == last["nomor_sk"]
    # looked up in the table (PP 5/2024), in figures and in words
    assert re.fullmatch(r"Rp\d\.\d{3}\.\d{3},00 \([a-z ]+ rupiah\)", values["Gaji pokok baru"])
    # the next KGB is the next step of the gaji table after this one, before the pensiun
    tmt = default_tmt(sdb.conn, templat.get_template(sdb.conn, "KGB"), TODAY, rec)
    assert values["Mulai tanggal"] == tanggal(tmt)
    mk = masa_kerja(date.fromisoformat(last["tmt"]), tmt, tambah_tahun=last["mk_tahun"])
    tabel = TabelGaji.dari_referensi(Referensi.load(sdb.conn))
    pensiun = date.fromisoformat(rec.data["tanggal_pensiun"])
    nxt = tabel.kgb_berikut(rec.data["golongan"], mk[0] * 12 + mk[1], tmt, tmt_pensiun=pensiun)
    assert values["Kenaikan gaji berkala berikutnya"] == (
        tanggal(nxt[0].tmt) if nxt else "tidak ada lagi"
    )
    if nxt:
        assert nxt[0].tmt < pensiun and nxt[0].mkg_tahun in tabel.langkah("III/c", tmt)
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
    req = rancangan.Permintaan("KGB", (nip,), TODAY, "petikan")
    with pytest.raises(ValidationError, match=r"\(sk_lama_pejabat\) belum ada") as err:
        rancangan.prepare(sdb, req)
    assert nip in str(err.value)
