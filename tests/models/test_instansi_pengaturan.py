"""Agency settings (issue 14 item 1): round trip through the write path, validation naming the
key, the logo held as checked data, signatories from the registry, and templates that use them."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from app.models.dokumen import penandatangan, rancangan, templat
from app.models.dokumen.templat_bawaan import DEFAULT_TEMPLATES
from app.models.errors import ValidationError
from app.models.rules.nip import check_nip
from app.models.storage import instansi
from app.models.storage.db import Database
from tests.helpers.common import TODAY
from tests.helpers.dokumen import pns


def png(w: int = 64, h: int = 64, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (w, h), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def holder(db: Database, jabatan: str) -> str:
    nip = penandatangan.find_holder(db.conn, jabatan)
    assert nip is not None
    return nip


def test_settings_round_trip_through_the_write_path(db: Database) -> None:
    instansi.setup(db, "BKPSDM Kabupaten Uji")
    values = {
        "nama_pemerintah": "Pemerintah  Kabupaten Uji ",
        "alamat_instansi": "Jalan Merdeka 1\\nTelepon (0380) 1",
        "ukuran_kertas": "a4",
        "kepala_bkpsdm.sumber": "luar",
        "kepala_bkpsdm.nama": "Drs. Uji Coba, M.Si.",
        "kepala_bkpsdm.nip": "19680512 199403 1 004",
        "kepala_bkpsdm.varian": "plt",
        "format_nomor.KGB": "800.1.11.13/{nomor}/{bulan_romawi}/{tahun}",
    }
    saved = penandatangan.save_settings(db, values, actor="admin")
    assert saved["nama_pemerintah"] == "Pemerintah Kabupaten Uji"
    assert saved["alamat_instansi"] == "Jalan Merdeka 1\nTelepon (0380) 1"
    assert saved["ukuran_kertas"] == "A4"
    assert saved["kepala_bkpsdm.sumber"] == "LUAR"
    assert saved["kepala_bkpsdm.nip"] == "196805121994031004"
    assert saved["kepala_bkpsdm.varian"] == "Plt."
    assert instansi.read_settings(db.conn) == saved
    # Written through the write path: the change log replays to the same rows.
    report = instansi.check(db)
    assert report.ok, report.problems
    person = penandatangan.get_pejabat(db.conn, "kepala_bkpsdm")
    assert person is not None and person.nama == "Drs. Uji Coba, M.Si."
    assert person.varian == "Plt." and person.sumber == "LUAR"
    # Saving the same values again writes nothing.
    batches = instansi.check(db).facts["batch"]
    penandatangan.save_settings(db, values, actor="admin")
    assert instansi.check(db).facts["batch"] == batches


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("kepala_bkpsdm.nip", "12345678901234567", ["kepala_bkpsdm.nip", "18 angka", "17"]),
        ("sekda.varian", "a.n.", ["sekda.varian", "Plt."]),
        ("sekda.sumber", "BKN", ["sekda.sumber", "PEGAWAI atau LUAR"]),
        ("ukuran_kertas", "B5", ["ukuran_kertas", "F4 atau A4"]),
        ("format_nomor.SK_KP", "800/{tahun}", ["format_nomor.SK_KP", "{nomor}"]),
        ("format_nomor.SK_KP", "800/{nomor}/{gaji}", ["format_nomor.SK_KP", "gaji"]),
        ("nama_instansi", "x", ["nama_instansi", "3 huruf"]),
        ("ibu_kota", "a\x00b", ["ibu_kota", "kendali"]),
        ("warna", "merah", ["warna", "tidak dikenal"]),
    ],
)
def test_a_bad_value_is_refused_naming_the_key(key: str, value: str, words: list[str]) -> None:
    with pytest.raises(ValidationError) as err:
        instansi.check_setting(key, value)
    assert err.value.field == key
    for word in words:
        assert word in str(err.value)


def test_logo_is_stored_as_data_and_given_to_the_pdf_as_a_file(
    db: Database, tmp_path: Path
) -> None:
    instansi.setup(db, "BKPSDM Kabupaten Uji")
    jpeg = tmp_path / "lambang.jpg"
    jpeg.write_bytes(png(120, 150, "JPEG"))
    value = instansi.read_logo(jpeg)
    assert value.startswith("data:image/png;base64,")  # re-encoded: nothing hostile survives
    penandatangan.save_settings(db, {"logo": value}, actor="admin")
    path = instansi.logo_file(db.conn)
    assert path is not None and path.is_file()
    with Image.open(path) as img:
        assert img.format == "PNG" and img.size == (120, 150)
    # The setting is the data itself, so it travels with sync (not a path on this computer).
    stored = instansi.get_setting(db.conn, "logo") or ""
    assert base64.b64decode(stored.partition(",")[2]) == path.read_bytes()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_hostile_or_wrong_logo_files_are_refused(tmp_path: Path) -> None:
    # A decompression bomb: a small file that claims 60000 × 60000 pixels.
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + _png_chunk(b"IEND", b"")
    )
    cases = {
        "bom.png": (bomb, "piksel"),
        "rusak.png": (png()[:60], "tidak dapat dibaca"),
        "gif.png": (b"GIF89a" + b"\x00" * 100, "PNG atau JPEG"),
        "svg.png": (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "PNG atau JPEG"),
        "besar.png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * (instansi.LOGO_MAKS_BYTE + 1), "besar"),
        "kecil.png": (png(8, 8), "piksel"),
    }
    for name, (data, word) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ValidationError) as err:
            instansi.read_logo(path)
        assert err.value.field == "logo", name
        assert word in str(err.value), (name, str(err.value))
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        instansi.read_logo(tmp_path / "tidak-ada.png")
    with pytest.raises(ValidationError, match="logo"):
        instansi.check_setting("logo", "/etc/passwd")


def test_signatory_from_the_registry_takes_name_pangkat_and_nip_from_the_record(
    demo_db: Database,
) -> None:
    nip = pns(demo_db, 1, "IV/%")[0]
    penandatangan.save_settings(
        demo_db,
        {"sekda.sumber": "PEGAWAI", "sekda.nip": nip, "sekda.nama": ""},
        actor="admin",
    )
    person = penandatangan.get_pejabat(demo_db.conn, "sekda")
    row = demo_db.conn.execute(
        "SELECT nama_lengkap, golongan_kode FROM pegawai_ringkas WHERE nip = ?", (nip,)
    ).fetchone()
    assert person is not None and person.sumber == "PEGAWAI"
    assert person.nama == row[0] and person.nip == nip
    assert person.pangkat.endswith(f"({row[1]})") and len(person.pangkat) > 8
    # A NIP that is valid but not in the registry is refused, naming the key.
    with pytest.raises(ValidationError) as err:
        penandatangan.save_settings(
            demo_db, {"sekda.sumber": "PEGAWAI", "sekda.nip": "196805121994031004"}
        )
    assert err.value.field == "sekda.nip" and "tidak ada di data pegawai" in str(err.value)
    with pytest.raises(ValidationError) as err:
        penandatangan.save_settings(demo_db, {"sekda.sumber": "LUAR", "sekda.nama": ""})
    assert err.value.field == "sekda.nama"


def test_the_demo_fills_signatories_that_pass_the_nip_check(demo_db: Database) -> None:
    people = penandatangan.list_pejabat(demo_db.conn)
    assert all(p is not None for p in people.values())
    for peran, p in people.items():
        assert p is not None
        if peran != "kepala_daerah":
            assert check_nip(p.nip).valid, (peran, p.nip)
    # The demo's own Sekda and BKPSDM heads where it holds them, fictional people otherwise.
    assert any(p is not None and p.sumber == "PEGAWAI" for p in people.values())
    settings = instansi.read_settings(demo_db.conn)
    assert settings["logo"].startswith("data:image/png;base64,")
    assert settings["singkatan_instansi"] and settings["ibu_kota"]
    assert {t.kode for t in templat.list_templates(demo_db.conn)} >= {
        t.kode for t in DEFAULT_TEMPLATES
    }


def test_a_template_with_an_empty_signatory_uses_the_agency_s(demo_db: Database) -> None:
    t = templat.get_template(demo_db.conn, "KGB")
    assert not t.ttd_nama and not t.sah_nama and not t.ukuran_kertas
    filled = penandatangan.apply_settings(demo_db.conn, t)
    kepala = penandatangan.get_pejabat(demo_db.conn, "kepala_bkpsdm")
    sekretaris = penandatangan.get_pejabat(demo_db.conn, "sekretaris_bkpsdm")
    assert kepala is not None and sekretaris is not None
    assert (filled.ttd_nama, filled.ttd_nip) == (kepala.nama, kepala.nip)
    assert (filled.sah_nama, filled.sah_nip) == (sekretaris.nama, sekretaris.nip)
    assert filled.ukuran_kertas == "F4"
    # SK KP: signed by the Sekda on behalf of the kepala daerah.
    kp = penandatangan.apply_settings(demo_db.conn, templat.get_template(demo_db.conn, "SK_KP"))
    sekda = penandatangan.get_pejabat(demo_db.conn, "sekda")
    assert sekda is not None and kp.ttd_nama == sekda.nama and kp.ttd_varian == "a.n."
    # A name typed in the template wins; a number format in the settings replaces the template's.
    penandatangan.save_settings(
        demo_db, {"format_nomor.KGB": "KGB/{nomor}/{tahun}", "ukuran_kertas": "A4"}
    )
    own = replace(t, ttd_nama="Nama Di Templat", ttd_nip="")
    filled = penandatangan.apply_settings(demo_db.conn, own)
    assert filled.ttd_nama == "Nama Di Templat" and filled.ttd_nip == ""
    assert filled.format_nomor == "KGB/{nomor}/{tahun}" and filled.ukuran_kertas == "A4"
    nip = pns(demo_db, 1)[0]
    draft = rancangan.prepare(
        demo_db,
        rancangan.Permintaan(
            "KGB", (nip,), TODAY, "petikan", nilai={"sk_lama_pejabat": "Wali Kota"}
        ),
    )
    letter = draft.decrees[0]("KGB/1/2026")
    assert letter.penandatangan.nama == kepala.nama
    assert rancangan.page_size(draft.templat) == "A4"


def test_without_settings_the_refusal_says_where_to_set_them(db: Database) -> None:
    from app.models.dokumen.templat_bawaan import seed_templates

    instansi.setup(db, "BKPSDM Kabupaten Uji")
    seed_templates(db)
    t = templat.get_template(db.conn, "KGB")
    message = penandatangan.missing_signatory(t, "ttd")
    assert "Kepala BKPSDM" in message and "merit instansi set kepala_bkpsdm" in message


def test_a_17_digit_nip_in_a_template_is_refused() -> None:
    t = replace(DEFAULT_TEMPLATES[0], sah_nama="Uji", sah_nip="12345678901234567")
    problems = templat.check_template(t)
    assert [p.field for p in problems] == ["sah_nip"]
    assert "17 angka" in problems[0].message and "NIP pengesah" in problems[0].message
