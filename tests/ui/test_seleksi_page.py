"""The secretariat's selection page, driven as the secretariat would: applicants and the
screening (with an override and its reason), conflicts, packages out, sealed sheets in (a
tampered one refused), the missing sheet named, the chair's quorum note and the ranking."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import nacl.public
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from app.models.seleksi import lembar as lb
from app.models.seleksi import pelamar
from app.models.storage.db import Database
from app.sync.identity import box_key, own_identity
from app.ui.pages.seleksi import SeleksiPage
from app.ui.tasks import TaskRunner
from tests.helpers.seleksi import ACTOR, SKOR, make_applicant, make_selection, score_sheet


@pytest.fixture
def members(tmp_path: Path) -> Iterator[dict[str, Database]]:
    dbs = {n: Database(tmp_path / f"m{i}.sqlite3") for i, n in enumerate(SKOR)}
    yield dbs
    for d in dbs.values():
        d.close()


def cells(table: QTableWidget, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def select_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_secretariat_page(
    qtbot: QtBot, db: Database, members: dict[str, Database], tmp_path: Path, runner: TaskRunner
) -> None:
    sid = make_selection(db)
    for label in ("P1", "P2", "P3"):
        pelamar.create_pelamar_eksternal(
            db, sid, make_applicant(label, date(1975, 1, 1)), actor=ACTOR
        )
    pelamar.create_pelamar_eksternal(db, sid, make_applicant("P4", date(1960, 1, 1)), actor=ACTOR)

    page = SeleksiPage(db, runner=runner, actor=ACTOR)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    assert "Seleksi Terbuka Kepala Dinas Pendidikan 2026" in page.pilih.currentText()
    t = page.tabel_pelamar
    assert cells(t, 1) == ["P1", "P2", "P3", "P4"]
    assert cells(t, 4)[3] == "Tidak lulus"
    assert cells(t, 5)[3] == "Usia 66 tahun (melebihi)"

    # override without a reason: refused with a message; with one: recorded
    select_row(qtbot, t, 3)
    qtbot.mouseClick(page.luluskan, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "Alasan keputusan sekretariat wajib diisi" in box.text()
    box.close()
    box.setParent(None)  # type: ignore[call-overload]
    select_row(qtbot, t, 3)
    qtbot.keyClicks(page.alasan, "Putusan rapat pansel")
    qtbot.mouseClick(page.gagalkan, Qt.MouseButton.LeftButton)
    assert cells(page.tabel_pelamar, 4)[3] == "Tidak lulus (keputusan sekretariat)"
    assert cells(page.tabel_pelamar, 5)[3] == "Putusan rapat pansel"

    # conflict of Budi with P2, through the committee tab
    page.tabs.setCurrentIndex(1)
    names = cells(page.tabel_panitia, 0)
    assert names == ["Ani Wijaya", "Sari Dewi", "Budi Santoso", "Citra Lestari"]
    select_row(qtbot, page.tabel_panitia, 2)
    page.konflik_calon.setCurrentIndex(1)
    qtbot.keyClicks(page.konflik_alasan, "Saudara ipar")
    qtbot.mouseClick(page.konflik, Qt.MouseButton.LeftButton)
    assert cells(page.tabel_panitia, 4) == ["0", "0", "1", "0"]

    # packages out, sheets back
    sheets = {}
    for nama, mdb in members.items():
        paket = tmp_path / f"paket-{nama}.json"
        page.write_package(nama, paket)
        kerja = score_sheet(mdb, paket, nama)
        sheets[nama] = lb.kunci_dan_kirim(mdb, kerja.paket_id, tmp_path / f"l-{nama}.json")
    assert cells(page.tabel_panitia, 3) == ["0/3", "\u2013", "0/3", "0/3"]
    page.tabs.setCurrentIndex(2)
    for nama in ("Ani Wijaya", "Budi Santoso"):
        with qtbot.waitSignal(page.imported, timeout=10000):
            page.import_sheet(sheets[nama])
    assert "Lembar belum masuk: Citra Lestari (tahap Rekam jejak)" in page.kurang.text()
    assert page.kurang.text().startswith("SEMENTARA")
    assert page.usulan.text() == ""

    # tampered sheet: refused, shown
    raw = json.loads(sheets["Citra Lestari"].read_text())
    inner = json.loads(nacl.public.SealedBox(box_key(db)).decrypt(base64.b64decode(raw["data"])))
    inner["isi"]["nilai"][0]["nilai"] = "1"
    pub = nacl.public.SealedBox(nacl.public.PublicKey(own_identity(db).kunci_enkripsi))
    raw["data"] = base64.b64encode(pub.encrypt(json.dumps(inner).encode())).decode()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw))
    page.import_sheet(bad)
    qtbot.waitUntil(lambda: page.task is None, timeout=10000)
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "telah diubah setelah dikunci" in box.text()
    assert page.status.text() == "Lembar nilai tidak dimasukkan."
    box.close()
    box.setParent(None)  # type: ignore[call-overload]

    # the chair's quorum note makes the ranking final
    page.write_document("berita_acara", tmp_path / "ba.pdf")  # refused while a sheet is missing
    qtbot.waitUntil(lambda: page.task is None, timeout=10000)
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "Citra Lestari" in box.text()
    box.close()
    box.setParent(None)  # type: ignore[call-overload]
    assert not (tmp_path / "ba.pdf").exists()
    qtbot.keyClicks(page.kuorum, "Dua penilai cukup")
    qtbot.mouseClick(page.kuorum_button, Qt.MouseButton.LeftButton)
    assert "Ketua panitia (Ani Wijaya) mencatat kuorum cukup" in page.kurang.text()
    assert page.usulan.text().startswith("Usulan kepada PPK:")
    page.kuorum.clear()
    qtbot.mouseClick(page.kuorum_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(page.imported, timeout=10000):
        page.import_sheet(sheets["Citra Lestari"])
    assert page.kurang.text() == "Semua lembar nilai tersegel sudah masuk."
    r = page.tabel_peringkat
    headers = [r.horizontalHeaderItem(c).text() for c in range(r.columnCount())]  # type: ignore[union-attr]
    assert headers == [
        "Peringkat",
        "No.",
        "Nama",
        "Rekam jejak (20%)",
        "Makalah (32%)",
        "Wawancara (48%)",
        "Nilai akhir",
    ]
    assert cells(r, 2) == ["P2", "P1", "P3"]
    assert cells(r, 6) == ["82,98", "79,1", "67,75"]
    assert page.usulan.text() == "Usulan kepada PPK: P2, P1, P3"
    page.write_recap(tmp_path / "rekap.xlsx")
    qtbot.waitUntil(lambda: page.task is None, timeout=10000)
    assert page.status.text().startswith("Rekap nilai ditulis ke")
    assert (tmp_path / "rekap.xlsx").exists()
    page.write_document("pengumuman", tmp_path / "pengumuman.pdf")
    qtbot.waitUntil(lambda: page.task is None, timeout=10000)
    assert (tmp_path / "pengumuman.pdf").read_bytes().startswith(b"%PDF")
    import os

    if os.environ.get("MERIT_SHOTS"):
        qtbot.wait(50)
        page.grab().save(os.environ["MERIT_SHOTS"] + "/seleksi.png")


def test_sidebar_by_role(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, runner: TaskRunner
) -> None:
    from argon2 import PasswordHasher

    from app.models.access import akun
    from app.models.access.akses import Peran
    from app.ui.main_window import MainWindow

    monkeypatch.setattr(akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    admin = akun.create_admin_pertama(db, "admin", "Admin BKPSDM", "kopi pagi di kantor")
    for user, peran in (
        ("ani", Peran.ANGGOTA_PANITIA),
        ("sari", Peran.SEKRETARIAT_PANITIA),
        ("opr", Peran.OPERATOR),
    ):
        akun.create_akun(db, user, user.title(), "hujan turun deras", [peran], actor=admin)

    def titles(user: str) -> list[str]:
        sandi = "kopi pagi di kantor" if user == "admin" else "hujan turun deras"
        sesi = akun.masuk(db, user, sandi)
        window = MainWindow(db, runner=runner, actor=sesi)
        qtbot.addWidget(window)
        return [window.nav.item(i).text() for i in range(window.nav.count())]

    assert {"Seleksi jabatan", "Penilaian panitia"} <= set(titles("admin"))
    ani, sari, op = titles("ani"), titles("sari"), titles("opr")
    assert "Penilaian panitia" in ani and "Seleksi jabatan" not in ani
    assert "Seleksi jabatan" in sari and "Penilaian panitia" not in sari
    assert "Seleksi jabatan" not in op and "Penilaian panitia" not in op
