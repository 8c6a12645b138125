"""The talent pool's suggestion on the selection page: read off the UI thread, ranked, added in
one action, and the applicants from the pool marked for everyone who reads the list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.models.seleksi import lembar as lb
from app.models.seleksi import pelamar, saran
from app.models.storage.db import Database
from app.ui.pages.penilaian_panitia import PenilaianPanitiaPage
from app.ui.pages.seleksi import SeleksiPage
from app.ui.tasks import TaskRunner
from tests.helpers.kompetensi import pegawai, with_successors
from tests.helpers.organisasi import Org
from tests.helpers.seleksi import ACTOR, make_selection


def cells(table: QTableWidget, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def click_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_secretariat_adds_the_suggested_successors_and_the_mark_shows(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner
) -> None:
    with_successors(db, org)
    sid = make_selection(
        db,
        judul="Seleksi Kepala Bidang Layanan",
        jenis="ADMINISTRATOR",
        jabatan_id=org.kabid,
        nama_jabatan=None,
    )
    pelamar.create_pelamar_internal(db, sid, pegawai(db, "Dewi"), actor=ACTOR)
    page = SeleksiPage(db, runner=runner, actor=ACTOR)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: page.saran is not None, timeout=10000)
    s = page.tabel_saran
    assert cells(s, 0) == ["1", "2"]
    assert cells(s, 1) == ["Budi", "Ani"]
    assert cells(s, 4) == ["9", "8"]
    assert cells(s, 5) == ["Siap sekarang", "Siap 1-2 tahun"]
    assert cells(s, 7) == ["Belum terdaftar", "Belum terdaftar"]
    assert cells(page.tabel_pelamar, 1) == ["Dewi"]
    click_row(qtbot, s, 0)
    click_row(qtbot, s, 1)
    qtbot.mouseClick(page.tambah_saran, Qt.MouseButton.LeftButton)
    # never a filter: Dewi stays; the pool's two follow, marked
    assert cells(page.tabel_pelamar, 1) == ["Dewi", "Budi", "Ani"]
    marks = cells(page.tabel_pelamar, 6)
    assert marks[0] == ""
    assert marks[1] == "dari talent pool (peringkat 1, kotak 9, Siap sekarang)"
    assert marks[2].startswith("dari talent pool (peringkat 2, kotak 8")
    qtbot.waitUntil(lambda: cells(page.tabel_saran, 7)[0] == "Terdaftar, nomor 2", timeout=10000)
    assert not page.tambah_saran.isEnabled()
    page.grab().save("/tmp/seleksi_talenta.png")


def test_a_selection_without_a_post_says_why_there_is_no_suggestion(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    make_selection(db)
    page = SeleksiPage(db, runner=runner, actor=ACTOR)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.saran is not None, timeout=10000)
    assert page.tabel_saran.rowCount() == 0
    assert "tidak terhubung ke jabatan" in page.saran_info.text()
    assert not page.tambah_saran.isEnabled()


def test_the_committee_member_sees_the_mark_in_the_scoring_package(
    qtbot: QtBot,
    db: Database,
    org: Org,
    tmp_path: Path,
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    with_successors(db, org)
    sid = make_selection(
        db,
        judul="Seleksi Kepala Bidang Layanan",
        jenis="ADMINISTRATOR",
        jabatan_id=org.kabid,
        nama_jabatan=None,
    )
    dewi = pelamar.create_pelamar_internal(db, sid, pegawai(db, "Dewi"), actor=ACTOR)
    [budi] = saran.tambah_dari_talenta(db, sid, [pegawai(db, "Budi")], actor=ACTOR)
    for pid in (dewi, budi):  # both let through the screening, to be scored
        pelamar.putuskan_pelamar(db, pid, True, "memenuhi syarat khusus", actor=ACTOR)
    paket = lb.write_paket_anggota(db, sid, "Budi Santoso", tmp_path / "paket.json")
    member = Database(tmp_path / "laptop.sqlite3")
    try:
        page = PenilaianPanitiaPage(member, runner=make_runner(member))
        qtbot.addWidget(page)
        page.show()
        page.open_package(paket)
        assert page.calon.text() == "1. Dewi" and not page.asal.isVisible()
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert page.calon.text() == "2. Budi"
        assert page.asal.isVisible()
        assert page.asal.text() == "dari talent pool (peringkat 1, kotak 9, Siap sekarang)"
        page.resize(900, 500)
        page.grab().save("/tmp/panitia_talenta.png")
    finally:
        member.close()
