"""The event view's documents and evaluations driven as a clerk would: issue the surat tugas
and the daftar peserta of the selected event, preview an evaluation sheet that is refused,
then a good one, save it and see the result; write the recap. Screenshot taken offscreen."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.pelatihan import acara as pel
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from app.ui.pages.kompetensi import KompetensiPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY
from tests.helpers.dokumen import pns


def _event(db: Database, nips: list[str]) -> str:
    k = pel.create_katalog(db, "Pelatihan Jaringan Komputer", jp=16, penyelenggara="Kominfo Uji")
    aid = pel.create_acara(db, k, "2026-11-02", "2026-11-03", tempat="Lab Komputer")
    ids = {
        str(db.conn.execute("SELECT pegawai_id FROM pegawai_ringkas WHERE nip = ?", (n,))
            .fetchone()[0]): None
        for n in nips
    }  # fmt: skip
    pel.add_peserta(db, aid, ids)
    return aid


def test_event_documents_and_evaluation_import(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner, tmp_path: Path
) -> None:
    db = demo_db
    nips = pns(db, 3)
    aid = _event(db, nips)
    page = KompetensiPage(db, runner=demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 820)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10000)
    page.tabs.setCurrentWidget(page.acara_tab)
    tab = page.acara_tab
    tab.load(select=aid)
    box = tab.dokumen
    assert box.surat_tugas.isEnabled() and box.daftar.isEnabled()
    assert box.simpan.isHidden()

    box.issue_to(tmp_path / "st", surat_tugas=True)
    qtbot.waitUntil(lambda: "Surat tugas terbit" in page.status.text(), timeout=20000)
    pdf = next((tmp_path / "st").glob("800*.pdf"))
    text = " ".join((PdfReader(pdf).pages[0].extract_text() or "").split())
    assert "SURAT TUGAS" in text and all(format_nip(n) in text for n in nips)
    assert page.status.text().split("kode verifikasi ")[1].split(",")[0] in text
    box.issue_to(tmp_path / "dp", surat_tugas=False)
    qtbot.waitUntil(lambda: "Daftar peserta terbit" in page.status.text(), timeout=20000)

    # Complete the event (as a clerk: the button and the confirmation).
    qtbot.mouseClick(tab.selesai, Qt.MouseButton.LeftButton)
    confirm = tab.confirm
    assert confirm is not None
    with qtbot.waitSignal(confirm.finished, timeout=5000):
        qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Acara selesai" in page.status.text(), timeout=10000)

    bad = tmp_path / "buruk.csv"
    bad.write_text(f"NIP;Relevansi;Manfaat;Pengajar\n{nips[0]};8;3;3\n", encoding="utf-8")
    box.preview(bad)
    qtbot.waitUntil(lambda: box.plan is not None, timeout=10000)
    assert not box.masalah.isHidden()
    assert "Baris 2, kolom Relevansi: 8 di luar batas 1–5." in box.masalah.text()
    assert not box.simpan.isEnabled()

    good = tmp_path / "evaluasi.csv"
    good.write_text(
        "NIP;Relevansi;Manfaat;Pengajar;Komentar\n"
        f"{nips[0]};1;2;4;tidak terpakai\n{nips[1]};2;2;3;\n{nips[2]};2;3;4;\n",
        encoding="utf-8",
    )
    box.preview(good)
    qtbot.waitUntil(lambda: box.simpan.isEnabled(), timeout=10000)
    assert box.pratinjau.rowCount() == 3
    assert box.pratinjau.item(0, 3).text() == "Pelatihan Jaringan Komputer"
    page.grab().save(str(tmp_path / "acara-evaluasi.png"))
    qtbot.mouseClick(box.simpan, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Evaluasi disimpan: 3" in page.status.text(), timeout=10000)
    assert "Perlu ditinjau" in tab.evaluasi.text()

    target = tmp_path / "rekap.xlsx"
    box.rekap_to(target)
    qtbot.waitUntil(lambda: "Rekap evaluasi ditulis" in page.status.text(), timeout=10000)
    rows = list(load_workbook(target)["Per acara"].iter_rows(values_only=True))
    ours = next(r for r in rows if "Pelatihan Jaringan Komputer" in r)
    assert any(str(v).startswith("TINJAU") for v in ours if v)
