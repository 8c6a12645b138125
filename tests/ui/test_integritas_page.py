"""Pengaduan & disiplin driven as a clerk would: take a complaint in, triage it as a suspected
violation, open a case from it, summon (the 7-day rule refuses a date too early), examine,
decide, and see the penalty's dates; a head of office never sees a confidential complainant."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from app.models.disiplin import kasus as dk
from app.models.pengaduan import register as adu
from app.ui.pages.integritas import IntegritasPage
from app.ui.tasks import TaskRunner
from tests.helpers.dokumen import prepare_db
from tests.helpers.integritas import complaint
from tests.helpers.pegawai import Orang, add, make_db

TODAY = date(2026, 3, 2)


@pytest.fixture
def kantor(tmp_path: Path) -> Any:
    db, units = make_db(tmp_path / "k.sqlite3")
    orang = Orang("Ani Loket", golongan="III/b", tmt_golongan="2023-04-01")
    add(db, units, [orang])
    yield db, units, orang
    db.close()


def _page(qtbot: QtBot, db: Any, actor: str = "sistem") -> IntegritasPage:
    page = IntegritasPage(db, actor=actor, runner=TaskRunner(db.path), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _fill(qtbot: QtBot, page: IntegritasPage, values: dict[str, Any]) -> None:
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    for name, value in values.items():
        w = dialog.widgets[name]
        if isinstance(w, QLineEdit):
            w.clear()
            qtbot.keyClicks(w, value)
        elif isinstance(w, QPlainTextEdit):
            qtbot.keyClicks(w, value)
        elif isinstance(w, QDateEdit):
            w.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            assert index >= 0, (name, value)
            w.setCurrentIndex(index)
        else:
            if bool(value) != w.isChecked():  # type: ignore[attr-defined]
                qtbot.mouseClick(w, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _click(qtbot: QtBot, page: IntegritasPage, name: str) -> None:
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _select(page: IntegritasPage, table: str, row: int = 0) -> None:
    getattr(page, table).selectRow(row)


def test_complaint_to_case_to_decision(qtbot: QtBot, kantor: Any) -> None:
    db, units, orang = kantor
    page = _page(qtbot, db)
    _click(qtbot, page, "tombolPengaduanBaru")
    _fill(
        qtbot,
        page,
        {
            "tanggal": TODAY,
            "kanal": "DATANG",
            "perihal": "Diminta uang di loket",
            "identitas": "RAHASIA",
            "nama": "Warga Rahasia",
            "unit": units["dinas"],
            "kategori": "PUNGLI",
            "nip": orang.nip,
        },
    )
    assert page.tabel_aduan.rowCount() == 1
    assert page.tabel_aduan.item(0, 3).text() == "Warga Rahasia"
    _select(page, "tabel_aduan")
    assert "Ani Loket" in page.rincian_aduan.text() and "5 Maret 2026" in page.rincian_aduan.text()
    _click(qtbot, page, "tombolTriase")
    _fill(qtbot, page, {"triase": "DUGAAN", "tanggal": date(2026, 3, 3)})
    _select(page, "tabel_aduan")
    _click(qtbot, page, "tombolBukaKasus")
    _fill(
        qtbot,
        page,
        {"dugaan": "Pungutan liar di loket", "tingkat": "SEDANG", "tanggal": date(2026, 3, 4)},
    )
    assert page.tabs.currentIndex() == 1 and page.tabel_kasus.rowCount() == 1
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolPanggil")
    _fill(qtbot, page, {"ke": "1", "surat": date(2026, 3, 9), "periksa": date(2026, 3, 10)})
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "7 hari kerja" in box.text()
    box.close()
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolPanggil")
    _fill(qtbot, page, {"ke": "1", "surat": date(2026, 3, 9), "periksa": date(2026, 3, 18)})
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolPeriksa")
    _fill(
        qtbot, page, {"tanggal": date(2026, 3, 18), "pemeriksa": "Kepala Bidang", "bap": "Mengakui"}
    )
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolPutus")
    _fill(
        qtbot,
        page,
        {
            "hukuman": "POTONGAN_TPP_12",
            "nomor": "800/1/2026",
            "tanggal_sk": date(2026, 11, 20),
            "diterima": date(2026, 12, 1),
        },
    )
    assert page.tabel_kasus.item(0, 5).text() == "15 Desember 2026"
    assert page.tabel_kasus.item(0, 6).text() == "14 Desember 2027"
    _select(page, "tabel_kasus")
    assert "21 Desember 2026" in page.rincian_kasus.text()
    page.grab().save(str(Path("/tmp") / "integritas_kasus.png"))
    k = dk.list_kasus(db, "sistem")[0]
    assert k.riwayat_hukdis_id is not None
    page.tabs.setCurrentIndex(0)
    _select(page, "tabel_aduan")
    _click(qtbot, page, "tombolSelesai")
    _fill(
        qtbot, page, {"hasil": "Terbukti", "jawaban": "Terima kasih", "tanggal": date(2026, 12, 2)}
    )
    assert adu.list_pengaduan(db, "sistem")[0].status == "SELESAI"
    page.grab().save(str(Path("/tmp") / "integritas_aduan.png"))


def test_letters_and_recap_from_the_page(qtbot: QtBot, kantor: Any, tmp_path: Path) -> None:
    db, units, _orang = kantor
    prepare_db(db)
    pid = complaint(db, units["dinas"], pegawai_ids=(_pid(db),), nama="Siti Pelapor")
    adu.set_triase(db, "sistem", pid, "DUGAAN", on=date(2026, 3, 3))
    adu.close_pengaduan(
        db, "sistem", pid, hasil="Ditindak", jawaban="Terima kasih", on=date(2026, 3, 20)
    )
    kid = dk.create_kasus(
        db, "sistem", dk.KasusBaru(_pid(db), "Pungli", date(2026, 3, 4), None, pid)
    )
    dk.add_panggilan(
        db, "sistem", kid, 1, tanggal_surat=date(2026, 3, 9), tanggal_periksa=date(2026, 3, 18)
    )
    page = _page(qtbot, db)
    _select(page, "tabel_aduan")
    _click(qtbot, page, "tombolSuratJawaban")
    with qtbot.waitSignal(page.taskFinished, timeout=20000) as blocker:
        _fill(qtbot, page, {"folder": str(tmp_path / "jawab")})
    assert not isinstance(blocker.args[0], BaseException), blocker.args[0]
    assert "000.9/1/BKPSDM/2026" in page.status.text()
    page.tabs.setCurrentIndex(1)
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolSuratPanggilan")
    with qtbot.waitSignal(page.taskFinished, timeout=20000) as blocker:
        _fill(qtbot, page, {"ke": "1", "folder": str(tmp_path / "panggil")})
    assert "800.1.6.4/1/BKPSDM/2026" in page.status.text()
    assert dk.get_kasus(db, "sistem", kid).panggilan[0].register_id
    dk.record_pemeriksaan(
        db, "sistem", kid, tanggal_periksa=date(2026, 3, 18), pemeriksa="Kabid", bap="Mengaku"
    )
    page.reload()
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolSkHukdis")
    with qtbot.waitSignal(page.taskFinished, timeout=20000):
        _fill(
            qtbot,
            page,
            {"hukuman": "POTONGAN_TPP_6", "tanggal": date(2026, 4, 1), "folder": str(tmp_path)},
        )
    assert "800.1.6.4/1/SK-HD/2026" in page.status.text()
    assert (
        page.tabel_kasus.item(0, 3).text() == "Diputus" and page.tabel_kasus.item(0, 5).text() == ""
    )
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolDiterima")
    _fill(qtbot, page, {"tanggal": date(2026, 4, 6)})
    assert page.tabel_kasus.item(0, 5).text() == "20 April 2026"  # the 15th day
    assert page.tabel_kasus.item(0, 6).text() == "19 Oktober 2026"  # 6 months
    page.tabs.setCurrentIndex(0)
    target = tmp_path / "rekap.xlsx"
    _click(qtbot, page, "tombolRekapPengawasan")
    with qtbot.waitSignal(page.taskFinished, timeout=20000):
        _fill(
            qtbot,
            page,
            {"dari": date(2026, 1, 1), "sampai": date(2026, 12, 31), "berkas": str(target)},
        )
    assert target.exists() and "Rekap 1 pengaduan" in page.status.text()
    page.runner.wait()


def _pid(db: Any) -> str:
    return str(db.conn.execute("SELECT id FROM pegawai").fetchone()[0])


def test_head_of_office_sees_no_confidential_complainant(
    qtbot: QtBot, kantor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argon2 import PasswordHasher

    from app.models.access import akun
    from app.models.access.akses import Hak, Peran

    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    db, units, _orang = kantor
    complaint(db, units["dinas"], nama="Warga Rahasia")
    admin = akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    akun.create_akun(
        db, "kepala", "Kepala", "kopi pagi di kantor", [Hak(Peran.PIMPINAN)], actor=admin
    )
    kepala = akun.masuk(db, "kepala", "kopi pagi di kantor")
    page = _page(qtbot, db, kepala)
    assert page.tabel_aduan.rowCount() == 1
    assert page.tabel_aduan.item(0, 3).text() == "(dirahasiakan)"
    _select(page, "tabel_aduan")
    assert "Warga Rahasia" not in page.rincian_aduan.text()
    assert page.tabel_kasus.rowCount() == 0  # cases are for the handling roles only


def test_lapor_import_with_preview(
    qtbot: QtBot, kantor: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.helpers.impor import write_csv, write_xlsx

    db, _units, _orang = kantor
    head = ["Nomor Tiket", "Tanggal Laporan", "Judul", "Nama Pelapor", "Anonim"]
    good = write_xlsx(
        tmp_path / "lapor.xlsx",
        [
            head,
            ["LPR-7", "2026-03-02", "Antrian panjang", "Warga", "Ya"],
            ["LPR-8", "2026-03-03", "Loket tutup", "Warga Dua", "Tidak"],
        ],
    )
    bad = write_csv(tmp_path / "salah.csv", [head, ["LPR-9", "kemarin", "X", None, "Tidak"]])
    page = _page(qtbot, db)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    with qtbot.waitSignal(page.taskFinished, timeout=20000):
        _click(qtbot, page, "tombolImporLapor")
    preview = page.preview
    assert preview.isVisible()
    assert "1 salah" in preview.ringkas.text()
    assert "Tanggal laporan" in preview.tabel.item(0, 6).text()
    assert not preview.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    preview.reject()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    with qtbot.waitSignal(page.taskFinished, timeout=20000):
        _click(qtbot, page, "tombolImporLapor")
    preview = page.preview
    assert preview.tabel.rowCount() == 2 and preview.tabel.item(1, 1).text() == "LPR-8"
    assert preview.tabel.item(0, 4).text() == "Anonim"
    preview.grab().save("/tmp/lapor_pratinjau.png")
    ok = preview.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and ok.text() == "Impor 2 laporan"
    with qtbot.waitSignal(page.taskFinished, timeout=20000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "2 laporan SP4N-LAPOR! disimpan" in page.status.text()
    assert page.tabel_aduan.rowCount() == 2
    assert sorted(p.identitas for p in adu.list_pengaduan(db, "sistem")) == ["ANONIM", "TERBUKA"]


def test_absence_suggestion_from_the_case_tab(qtbot: QtBot, kantor: Any) -> None:
    db, _units, _orang = kantor
    pid = str(db.conn.execute("SELECT id FROM pegawai").fetchone()[0])
    dk.create_kasus(db, "sistem", dk.KasusBaru(pid, "Tidak masuk kerja", TODAY, "SEDANG"))
    page = _page(qtbot, db)
    page.tabs.setCurrentIndex(1)
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolSaranAbsen")
    _fill(qtbot, page, {"hari": "12", "berturut": "3"})
    assert "tingkat sedang" in page.status.text() and "Ps. 9-11" in page.status.text()
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolSaranAbsen")
    _fill(qtbot, page, {"hari": "12", "berturut": "10"})
    assert "tingkat berat" in page.status.text() and "Ps. 11" in page.status.text()
    # the decision form offers the suggested penalty
    _select(page, "tabel_kasus")
    _click(qtbot, page, "tombolPutus")
    assert page.dialog is not None
    assert page.dialog.widgets["hukuman"].currentData() == "PDHTAPS"  # type: ignore[attr-defined]
    page.dialog.reject()
