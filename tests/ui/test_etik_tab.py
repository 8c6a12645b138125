"""The Etik tab driven as a clerk would: open an ethics case, set a majelis (a member lower in
rank is refused with a message), record a hearing, decide with a moral sanction and a
recommended discipline case; a head of office does not see the tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.etik import kasus as ek
from app.ui.pages.integritas import EtikTab, IntegritasPage
from app.ui.tasks import TaskRunner
from tests.helpers.dokumen import prepare_db
from tests.helpers.pegawai import Orang, add, make_db

TODAY = date(2026, 3, 2)
SANDI = "kopi pagi di kantor"


@pytest.fixture
def kantor(tmp_path: Path) -> Any:
    db, units = make_db(tmp_path / "k.sqlite3")
    people = [
        Orang("Terperiksa Loket", golongan="III/b"),
        Orang("Kepala Bidang", golongan="IV/a"),
        Orang("Kasubbag Umum", golongan="III/d"),
        Orang("Analis Senior", golongan="III/c"),
        Orang("Pengadministrasi", golongan="II/b"),
    ]
    add(db, units, people)
    prepare_db(db)
    yield db, units, {o.nama: o.nip for o in people}
    db.close()


def _page(qtbot: QtBot, db: Any, actor: str = "sistem") -> IntegritasPage:
    page = IntegritasPage(db, actor=actor, runner=TaskRunner(db.path), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _fill(qtbot: QtBot, tab: EtikTab, values: dict[str, Any]) -> None:
    dialog = tab.dialog
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
        elif bool(value) != w.isChecked():  # type: ignore[attr-defined]
            w.setFocus()
            qtbot.keyClick(w, Qt.Key.Key_Space)  # a label-less box: the space bar ticks it
            assert w.isChecked() == bool(value)  # type: ignore[attr-defined]
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _click(qtbot: QtBot, tab: EtikTab, name: str) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_clerk_runs_an_ethics_case_from_opening_to_decision(
    qtbot: QtBot, kantor: Any, tmp_path: Path
) -> None:
    db, _units, nip = kantor
    page = _page(qtbot, db)
    tab = page.etik
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Etik"
    _click(qtbot, tab, "tombolEtikBaru")
    _fill(
        qtbot,
        tab,
        {
            "nip": nip["Terperiksa Loket"],
            "dugaan": "Membentak pemohon di loket",
            "tanggal": date(2026, 3, 2),
        },
    )
    assert tab.tabel.rowCount() == 1 and tab.tabel.item(0, 3).text() == "Dibuka"
    tab.tabel.selectRow(0)
    _click(qtbot, tab, "tombolEtikMajelis")
    _fill(
        qtbot,
        tab,
        {
            "ketua": nip["Kepala Bidang"],
            "sekretaris": nip["Kasubbag Umum"],
            "anggota": f"{nip['Analis Senior']}, {nip['Pengadministrasi']}",
        },
    )
    box = tab.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "Pengadministrasi lebih rendah" in box.text()
    box.close()
    tab.tabel.selectRow(0)
    _click(qtbot, tab, "tombolEtikMajelis")
    _fill(
        qtbot,
        tab,
        {
            "ketua": nip["Kepala Bidang"],
            "sekretaris": nip["Kasubbag Umum"],
            "anggota": nip["Analis Senior"],
        },
    )
    tab.tabel.selectRow(0)
    _click(qtbot, tab, "tombolEtikSidang")
    _fill(qtbot, tab, {"tanggal": date(2026, 3, 9), "ringkasan": "Mengakui dan meminta maaf"})
    tab.tabel.selectRow(0)
    assert "(hadir): Mengakui" in tab.rincian.text()
    tab.tabel.selectRow(0)
    _click(qtbot, tab, "tombolEtikPutus")
    _fill(
        qtbot,
        tab,
        {
            "temuan": "TERBUKTI",
            "tanggal": date(2026, 3, 10),
            "pasal": "MASYARAKAT_1",
            "sanksi": "TERBUKA",
            "pertimbangan": "Dilakukan di depan pemohon lain",
            "rekomendasi": True,
        },
    )
    assert tab.tabel.item(0, 3).text() == "Diputus"
    assert tab.tabel.item(0, 5).text() == "Pernyataan secara terbuka"
    tab.tabel.selectRow(0)
    text = tab.rincian.text()
    assert "Ketua Kepala Bidang" in text and "Mengakui dan meminta maaf" in text
    assert "Diteruskan ke kasus disiplin" in text
    # The recommended discipline case is on the discipline tab too.
    assert page.tabel_kasus.rowCount() == 1
    (kasus,) = ek.list_kasus(db, "sistem")
    assert kasus.disiplin_kasus_id is not None and kasus.pasal == ("MASYARAKAT_1",)
    page.grab().save("/tmp/etik_tab.png")
    # The written moral sanction, through the decree engine, in the background.
    tab.tabel.selectRow(0)
    _click(qtbot, tab, "tombolEtikSurat")
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    folder = dialog.widgets["folder"]
    assert isinstance(folder, QLineEdit)
    folder.clear()
    qtbot.keyClicks(folder, str(tmp_path / "sm"))
    with qtbot.waitSignal(page.taskFinished, timeout=20000) as blocker:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert not isinstance(blocker.args[0], BaseException), blocker.args[0]
    assert "SM-KE/2026" in page.status.text()
    assert list((tmp_path / "sm").glob("*.pdf"))


def test_head_of_office_does_not_see_the_ethics_tab(
    qtbot: QtBot, kantor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _units, _nip = kantor
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    admin = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    akun.create_akun(db, "pimpinan", "Pimpinan", SANDI, [Hak(Peran.PIMPINAN)], actor=admin)
    page = _page(qtbot, db, akun.masuk(db, "pimpinan", SANDI))
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.etik))
    assert page.etik.tabel.rowCount() == 0
