"""The Sinkron page shows the agency's roster and the batches held back, with the reason:
an office's package outside its rights is imported by button and the held batch appears."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.sync import package
from app.sync import roster as roster_mod
from app.ui.tasks import TaskRunner
from tests.helpers.roster import exchange, forget_roster, make_agency
from tests.ui.test_sync_pages import import_by_button, make_page

SHOT = Path("/tmp/merit-sinkron-roster.png")


def test_page_shows_roster_and_held_batches(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_runner: Callable[..., TaskRunner],
) -> None:
    ag = make_agency(tmp_path)
    page = make_page(qtbot, ag.bkd.db, make_runner(ag.bkd.db))
    assert "Belum ada roster" in page.roster.head_label.text()
    roster_mod.set_entry(ag.bkd.db, ag.opd.name, "opd", [ag.unit_x])
    roster_mod.set_entry(ag.bkd.db, ag.lain.name, "panitia-seleksi")
    exchange(ag.bkd, ag.opd, tmp_path)
    forget_roster(ag.opd)  # a hostile office
    with ag.opd.store.write("hapus") as tx:
        tx.update("pegawai", ag.pegawai_y, {"deleted": 1})
    with ag.opd.store.write("telepon") as tx:
        tx.update("pegawai", ag.pegawai_x, {"telepon": "0812"})
    out = tmp_path / f"opd-{time.monotonic_ns()}.merit"
    package.export_package(ag.opd.db, out, to=ag.bkd.name)
    [summary] = import_by_button(qtbot, monkeypatch, page, out)
    assert summary.batch_ditahan == 1 and summary.batch_menunggu == 1
    waiting = page.waiting.held_label.text()
    assert "menunggu batch no 1 dari Kantor 1 (batch itu ditahan roster)" in waiting
    assert "ditahan" in page.summary.view.toPlainText()
    table = page.roster.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Kantor 0 (instalasi ini)"] == "root instansi, berwenang penuh"
    assert rows["Kantor 1"].startswith("OPD") and rows["Kantor 2"].startswith("Panitia")
    assert table.item(1, 2).text() in ("Dinas X", "seluruh instansi")
    assert "Versi 2" in page.roster.head_label.text()
    held = page.roster.held_table
    assert held.rowCount() == 1
    assert held.item(0, 0).text() == "Kantor 1"
    assert "Dinas Y" in held.item(0, 3).text() and "198701012010012002" in held.item(0, 3).text()
    QApplication.processEvents()  # the layout follows the new texts before the picture
    page.grab().save(str(SHOT))
    page.runner.wait()


def test_distrust_and_trust_again_from_the_page(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_runner: Callable[..., TaskRunner],
) -> None:
    ag = make_agency(tmp_path)
    page = make_page(qtbot, ag.bkd.db, make_runner(ag.bkd.db))
    page.select_peer(ag.opd.db.node_id)
    qtbot.mouseClick(page.peers.trust_button, Qt.MouseButton.LeftButton)
    assert "diteruskan mitra lain" in page.message.text()
    with ag.opd.store.write("telepon") as tx:
        tx.update("pegawai", ag.pegawai_x, {"telepon": "0812"})
    exchange(ag.opd, ag.lain, tmp_path)
    out = tmp_path / f"lain-{time.monotonic_ns()}.merit"
    package.export_package(ag.lain.db, out, to=ag.bkd.name)
    [summary] = import_by_button(qtbot, monkeypatch, page, out)  # relayed by the other office
    assert summary.batch_ditahan == 1
    assert "tidak dipercaya" in page.roster.held_table.item(0, 3).text()
    page.select_peer(ag.opd.db.node_id)
    qtbot.mouseClick(page.peers.trust_button, Qt.MouseButton.LeftButton)
    assert "1 batch yang ditahan kini diterapkan" in page.message.text()
    assert page.roster.held_table.rowCount() == 0
    tel = ag.bkd.db.conn.execute("SELECT telepon FROM pegawai WHERE id = ?", (ag.pegawai_x,))
    assert tel.fetchone()[0] == "0812"
    page.runner.wait()
