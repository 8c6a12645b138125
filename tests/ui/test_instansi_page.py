"""The Instansi screen (issue 14 item 1): typed, checked as you type, saved with a success
message that is not red, staying on the screen; a registry signatory shows who it is."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.dokumen import penandatangan
from app.models.storage import instansi
from app.models.storage.db import Database
from app.ui.pages.instansi import HIJAU, MERAH, InstansiPage
from app.ui.tasks import TaskRunner
from tests.helpers.dokumen import pns


def page(qtbot: QtBot, db: Database, runner: TaskRunner) -> InstansiPage:
    p = InstansiPage(db, actor="admin", runner=runner)
    qtbot.addWidget(p)
    p.resize(1100, 900)
    p.show()
    return p


def test_typed_checked_and_saved(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner, tmp_path: Path
) -> None:
    p = page(qtbot, demo_db, demo_runner)
    assert p.edits["ibu_kota"].text() == "Nusa Indah"  # the demo's settings are shown
    assert p.save_button.isEnabled() and p.message.text() == ""

    # A 17-digit NIP for a typed signatory: refused as typed, naming the field.
    box = p.roles["kepala_bkpsdm"]
    box.sumber.setCurrentIndex(box.sumber.findData("LUAR"))
    box.edits["nama"].clear()
    qtbot.keyClicks(box.edits["nama"], "Drs. Uji Coba, M.Si.")
    box.edits["nip"].clear()
    qtbot.keyClicks(box.edits["nip"], "12345678901234567")
    assert not p.save_button.isEnabled()
    assert "kepala_bkpsdm.nip" in p.message.text() and "17 angka" in p.message.text()
    assert p.message.styleSheet() == MERAH
    qtbot.keyClicks(box.edits["nip"], "1")  # 18 digits, but not a valid NIP
    assert not p.save_button.isEnabled()
    box.edits["nip"].clear()
    qtbot.keyClicks(box.edits["nip"], "19680512 199403 1 004")
    assert p.save_button.isEnabled(), p.message.text()

    # A registry signatory: the name and pangkat are shown from the record as the NIP is typed.
    nip = pns(demo_db, 1, "IV/%")[0]
    sekda = p.roles["sekda"]
    sekda.sumber.setCurrentIndex(sekda.sumber.findData("PEGAWAI"))
    sekda.edits["nip"].clear()
    qtbot.keyClicks(sekda.edits["nip"], nip)
    nama = demo_db.conn.execute(
        "SELECT nama_lengkap FROM pegawai_ringkas WHERE nip = ?", (nip,)
    ).fetchone()[0]
    assert nama in sekda.found.text() and sekda.edits["nama"].isReadOnly()

    p.edits["ibu_kota"].clear()
    qtbot.keyClicks(p.edits["ibu_kota"], "Maumere")
    lambang = tmp_path / "lambang.png"
    Image.new("RGB", (90, 90), "green").save(lambang)
    assert p.load_logo_file(str(lambang))
    bad = tmp_path / "bukan.png"
    bad.write_bytes(b"GIF89a" + bytes(64))
    assert not p.load_logo_file(str(bad))
    assert "PNG atau JPEG" in p.message.text() and p.message.styleSheet() == MERAH

    p.grab().save(str(tmp_path / "instansi.png"))
    qtbot.mouseClick(p.save_button, Qt.MouseButton.LeftButton)
    assert p.message.text() == "Pengaturan instansi disimpan."
    assert p.message.styleSheet() == HIJAU  # success is not red
    assert p.isVisible() and p.edits["ibu_kota"].text() == "Maumere"  # stays where it was
    settings = instansi.read_settings(demo_db.conn)
    assert settings["ibu_kota"] == "Maumere"
    assert settings["kepala_bkpsdm.nip"] == "196805121994031004"
    person = penandatangan.get_pejabat(demo_db.conn, "sekda")
    assert person is not None and person.nama == nama and person.sumber == "PEGAWAI"
    logo = instansi.logo_file(demo_db.conn)
    assert logo is not None
    with Image.open(logo) as img:
        assert img.size == (90, 90)


def test_an_empty_agency_name_cannot_be_saved(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    p = page(qtbot, demo_db, demo_runner)
    p.edits["nama_instansi"].clear()
    assert not p.save_button.isEnabled()
    assert "nama_instansi" in p.message.text()
