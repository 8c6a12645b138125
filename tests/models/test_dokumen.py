"""SK documents in the domain: templates and placeholders, filling from the records."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from app.models.dokumen import isian, naskah, rancangan, templat, templat_bawaan
from app.models.errors import NotFoundError, ValidationError
from app.models.pegawai.read import get_employee
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from tests.helpers.common import TODAY
from tests.helpers.dokumen import pns, prepare_db


@pytest.fixture
def sdb(demo_db: Database) -> Database:
    prepare_db(demo_db)
    return demo_db


def kp(
    nips: list[str], *, jenis: naskah.Kind = "petikan", on: date = TODAY
) -> rancangan.Permintaan:
    return rancangan.Permintaan("SK_KP", tuple(nips), on, jenis)


# -- templates and placeholders ---------------------------------------------------------------


def test_seeded_templates_are_valid_and_seeding_is_idempotent(
    demo_db: Database, db: Database
) -> None:
    assert templat_bawaan.seed_templates(db) == 8
    assert templat_bawaan.seed_templates(db) == 0
    assert templat_bawaan.seed_templates(demo_db) == 0  # the demo seeds them (issue 14)
    kodes = [t.kode for t in templat.list_templates(demo_db.conn)]
    assert kodes == [
        "JAWABAN_PENGADUAN",
        "KGB",
        "PANGGILAN_DISIPLIN",
        "SANKSI_MORAL",
        "SK_HUKDIS",
        "SK_JABATAN",
        "SK_KP",
        "SK_MUTASI",
    ]
    for t in templat.list_templates(demo_db.conn):
        assert templat.check_template(t) == []
        assert templat.template_from_row(templat.template_to_row(t) | {"id": t.id}) == t
    # Same ids on every installation: derived from the code.
    assert templat.get_template(demo_db.conn, "sk_kp").id == templat.template_id("SK_KP")


def test_unknown_placeholder_is_refused_naming_field_and_placeholder(sdb: Database) -> None:
    t = templat.get_template(sdb.conn, "SK_KP")
    bad = replace(t, menimbang=(*t.menimbang, "bahwa {nama_lengkapp} telah memenuhi syarat;"))
    with pytest.raises(ValidationError) as err:
        templat.save_template(sdb, bad)
    assert "Menimbang butir 3" in str(err.value)
    assert "{nama_lengkapp}" in str(err.value)
    assert templat.get_template(sdb.conn, "SK_KP") == t  # nothing written
    problems = isian.check_text("Nomor {nomor}/{tahun}/{x}", "Format nomor", isian.FORMAT_NOMOR)
    assert [p.placeholder for p in problems] == ["x"]
    assert isian.check_text("tanpa {penutup", "Tentang")[0].message.startswith("Tentang: tanda")
    # A person placeholder outside the lampiran of a collective template is refused.
    jab = templat.get_template(sdb.conn, "SK_JABATAN")
    with pytest.raises(ValidationError, match=r"\{nip\} adalah data per pegawai"):
        templat.save_template(sdb, replace(jab, tentang="Pengangkatan {nip}"))
    with pytest.raises(ValidationError, match="harus memuat"):
        templat.save_template(sdb, replace(t, format_nomor="800/BKPSDM/{tahun}"))


def test_diktum_text_round_trip() -> None:
    items = (
        templat.DiktumTemplat(
            "Menaikkan pangkat:",
            (("Nama", "{nama_lengkap}"), ("NIP", "{nip}")),
            "menjadi {pangkat_baru}.",
        ),
        templat.DiktumTemplat("Keputusan ini mulai berlaku pada tanggal ditetapkan."),
    )
    assert templat.text_to_diktum(templat.diktum_to_text(items)) == items


def test_terbilang_and_rupiah() -> None:
    assert isian.terbilang(4699300) == (
        "empat juta enam ratus sembilan puluh sembilan ribu tiga ratus"
    )
    assert isian.terbilang(1_115_011) == "satu juta seratus lima belas ribu sebelas"
    assert isian.terbilang(0) == "nol"
    assert isian.rupiah(4699300) == "Rp4.699.300,00"


def test_placeholders_filled_from_the_records(sdb: Database) -> None:
    nip = pns(sdb, 1, "III/c")[0]
    pertek = {"pertek_nomor": "PK-2026-77", "pertek_tanggal": "2026-10-20"}
    draft = rancangan.prepare(sdb, replace(kp([nip], jenis="asli"), nilai_pegawai={nip: pertek}))
    decree = draft.decrees[0]("800.1.3.2/9/BKPSDM/2026")
    # The pertek BKN is cited (issue 13 item 9), with its date written out.
    assert decree.memperhatikan == (
        "Pertimbangan Teknis Badan Kepegawaian Negara Nomor PK-2026-77 tanggal 20 Oktober 2026;",
    )
    rincian = dict(decree.diktum[0].rincian)
    assert " bulan (TMT " in rincian["Masa kerja golongan lama"]
    rec = get_employee(sdb.conn, nip, today=TODAY).data
    assert rincian["Nama"] == rec["nama_lengkap"]
    assert rincian["NIP"] == format_nip(nip) == f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert rincian["Pangkat/gol. ruang lama"].startswith("Penata (III/c) TMT ")
    # The KP period of the decree's month: every month is a period since October 2025
    # (Peraturan BKN 4/2025), so a decree of 22 November 2026 takes TMT 1 November 2026.
    assert "menjadi Penata Tingkat I (III/d) terhitung mulai tanggal 1 November 2026" in (
        decree.diktum[0].penutup
    )
    # the gaji pokok is the table's (PP 5/2024) for III/d at the new MKG, in figures and words
    penutup = decree.diktum[0].penutup
    assert re.search(r"dan gaji pokok Rp\d\.\d{3}\.\d{3},00 \([a-z ]+ rupiah\)\.$", penutup)
    assert decree.pejabat == "WALI KOTA NUSA INDAH"
    assert decree.tempat == "Nusa Indah"
    assert any("Keputusan Wali Kota tentang" in m for m in decree.menimbang)


def test_missing_value_is_refused_naming_nip_and_placeholder(sdb: Database) -> None:
    nip = pns(sdb, 1)[0]
    # the gaji is looked up in the table; before PP 5/2024 there is none, so it must be given
    req = rancangan.Permintaan("SK_KP", (nip,), TODAY, nilai={"tmt": "2023-10-01"})
    with pytest.raises(ValidationError) as err:
        rancangan.prepare(sdb, req)
    assert f"NIP {nip}" in str(err.value) and "Gaji pokok baru (gaji_pokok)" in str(err.value)
    with pytest.raises(ValidationError, match="golongan baru 'X/z'"):
        rancangan.prepare(
            sdb, replace(kp([nip]), nilai={"gaji_pokok": "1", "golongan_baru": "X/z"})
        )
    with pytest.raises(ValidationError, match="tidak dikenal"):
        rancangan.prepare(sdb, replace(kp([nip]), nilai={"gaji_pokok": "1", "gajii": "2"}))
    # a typed gaji over the table's is refused, naming the table's value (issue 13 item 9)
    with pytest.raises(ValidationError, match="tidak sesuai tabel gaji") as typed:
        rancangan.prepare(sdb, replace(kp([nip]), nilai={"gaji_pokok": "1"}))
    assert f"NIP {nip}" in str(typed.value) and "Rp1,00" in str(typed.value)
    with pytest.raises(NotFoundError):
        rancangan.prepare(sdb, kp(["199901012020011999"]))
    with pytest.raises(ValidationError, match="lebih dari sekali"):
        rancangan.prepare(sdb, kp([nip, nip]))
