"""The exchange folder on the sync screen, as an admin uses it: choose the folder, press
"Jalankan sekarang" on one installation and then on the other; each partner's last send and
receive shows; the main window's timer runs the same round."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.models.storage.db import Database
from app.sync import folder as folder_mod
from app.ui.folder_timer import FolderTimer
from app.ui.pages.sinkron.page import SinkronPage
from app.ui.tasks import TaskRunner
from tests.helpers.sync import Node, make_nodes

TIMEOUT = 20_000


@pytest.fixture(autouse=True)
def no_settle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_mod, "SETTLE_SECONDS", 0.0)


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def make_page(qtbot: QtBot, db: Database, runner: TaskRunner) -> SinkronPage:
    page = SinkronPage(db, actor="admin", runner=runner)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    with qtbot.waitSignal(page.folder_box.shown, timeout=TIMEOUT):
        page.show()
    qtbot.waitUntil(lambda: page.folder_box.reading is None, timeout=TIMEOUT)
    return page


def table(page: SinkronPage) -> dict[str, list[str]]:
    t = page.folder_box.table
    return {
        t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, 4)] for r in range(t.rowCount())
    }


def edit(node: Node, nama: str) -> None:
    with node.store.write("uji") as tx:
        tx.insert("unit_organisasi", {"id": str(uuid.uuid4()), "nama": nama, "jenis": "OPD"})


def press_run(qtbot: QtBot, page: SinkronPage) -> folder_mod.RoundResult:
    box = page.folder_box
    with qtbot.waitSignal(box.roundDone, timeout=TIMEOUT) as got:
        click(qtbot, box.run_button)
    qtbot.waitUntil(lambda: box.reading is None and box.run_button.isEnabled(), timeout=TIMEOUT)
    result = got.args[0]
    assert isinstance(result, folder_mod.RoundResult)
    return result


def test_choose_the_folder_run_by_button_and_see_each_partner(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, b = make_nodes(tmp_path, 2)
    shared = tmp_path / "share"
    shared.mkdir()
    pa = make_page(qtbot, a.db, make_runner(a.db))
    pb = make_page(qtbot, b.db, make_runner(b.db))
    box_a = pa.folder_box
    assert "Belum ada folder tukar" in box_a.folder_label.text()
    assert not box_a.run_button.isEnabled() and not box_a.table.isVisible()

    def fake(*_args: object, **_kwargs: object) -> Any:
        return str(shared)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(fake))
    for page in (pa, pb):
        with qtbot.waitSignal(page.folder_box.shown, timeout=TIMEOUT):
            click(qtbot, page.folder_box.choose_button)
        assert str(shared.resolve()) in page.folder_box.folder_label.text()
        assert page.folder_box.run_button.isEnabled()
    assert table(pa) == {"Kantor 1": ["belum pernah", "belum pernah", "0"]}

    edit(a, "Dinas dari A")
    result = press_run(qtbot, pa)
    assert [s.peer_nama for s in result.dikirim] == ["Kantor 1"]
    received, sent, pending = table(pa)["Kantor 1"]
    assert received == "belum pernah" and sent != "belum pernah" and pending == "1"
    assert "Putaran folder tukar" in pa.summary.view.toPlainText()
    assert "Putaran terakhir" in box_a.state_label.text()

    with qtbot.waitSignal(pb.recordsChanged, timeout=TIMEOUT):
        result = press_run(qtbot, pb)
    assert result.diterima == 1
    qtbot.waitUntil(lambda: pb.folder_box.reading is None, timeout=TIMEOUT)
    received, sent, _pending = table(pb)["Kantor 0"]
    assert received != "belum pernah" and sent != "belum pernah"  # and its acknowledgement
    assert (
        b.db.conn.execute(
            "SELECT count(*) FROM unit_organisasi WHERE nama = 'Dinas dari A'"
        ).fetchone()[0]
        == 1
    )
    assert "diterima" in pb.summary.view.toPlainText()

    # a garbage file in A's inbox: the round says it was refused, nothing breaks
    inbox_a = folder_mod.inbox_of(shared.resolve(), folder_mod.ident_mod.own_identity(a.db))
    (inbox_a / "rusak.merit").write_bytes(b"bukan paket")
    result = press_run(qtbot, pa)
    assert {t.berkas: t.hasil for t in result.diambil}["rusak.merit"] == "ditolak"
    qtbot.waitUntil(lambda: "ditolak/" in box_a.state_label.text(), timeout=TIMEOUT)
    assert table(pa)["Kantor 1"][0] != "belum pernah"  # B's acknowledgement arrived
    pa.grab().save(str(tmp_path / "sinkron-folder.png"))

    with qtbot.waitSignal(box_a.shown, timeout=TIMEOUT):
        click(qtbot, box_a.off_button)
    assert "Belum ada folder tukar" in box_a.folder_label.text()


def test_the_window_timer_runs_a_round_only_with_a_folder(
    qtbot: QtBot, tmp_path: Path, make_runner: Callable[[Database], TaskRunner]
) -> None:
    a, _b = make_nodes(tmp_path, 2)
    parent = QObject()
    timer = FolderTimer(a.db, make_runner(a.db), "admin", parent)
    assert timer.tick() is None  # no folder: nothing runs
    shared = tmp_path / "share"
    shared.mkdir()
    folder_mod.set_folder(a.db, shared)
    edit(a, "Dinas dari A")
    with qtbot.waitSignal(timer.roundDone, timeout=TIMEOUT) as got:
        assert timer.tick() is not None
    assert [s.peer_nama for s in got.args[0].dikirim] == ["Kantor 1"]
    qtbot.waitUntil(lambda: timer.task is None, timeout=TIMEOUT)
    shared.rename(tmp_path / "terputus")  # the share went away: reported, not raised
    with qtbot.waitSignal(timer.roundFailed, timeout=TIMEOUT) as failed:
        timer.tick()
    assert "tidak dapat dijangkau" in str(failed.args[0])


def test_the_main_window_runs_rounds_and_tells_the_sync_page(
    qtbot: QtBot, tmp_path: Path, make_runner: Callable[[Database], TaskRunner]
) -> None:
    from app.ui.main_window import MainWindow

    a, b = make_nodes(tmp_path, 2)
    shared = tmp_path / "share"
    shared.mkdir()
    for n in (a, b):
        folder_mod.set_folder(n.db, shared)
    edit(b, "Dinas dari B")
    folder_mod.run_round(b.db, sleep=lambda _s: None, settle=0)
    window = MainWindow(a.db, make_runner(a.db), actor="admin")
    qtbot.addWidget(window)
    assert window.folder_timer.timer.isActive()  # every few minutes, and once soon after start
    page = window.open_page("sinkron")
    assert isinstance(page, SinkronPage)
    with qtbot.waitSignal(page.recordsChanged, timeout=TIMEOUT):
        window.folder_timer.tick()
    qtbot.waitUntil(
        lambda: "1 paket diambil" in window.statusBar().currentMessage(), timeout=TIMEOUT
    )
    qtbot.waitUntil(lambda: page.folder_box.reading is None, timeout=TIMEOUT)
    assert table(page)["Kantor 1"][0] != "belum pernah"
    assert "Putaran folder tukar" in page.summary.view.toPlainText()
