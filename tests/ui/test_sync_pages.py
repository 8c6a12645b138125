"""The sync and clash screens, driven as an admin would: two installations set up through the
screens (names, identity files exchanged, fingerprints confirmed), packages exported to a folder
and imported by button or by dropping the file, a clash resolved on one side and the resolution
carried back, a passphrase package, and refused packages that change nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.demo.tulis import create_demo
from app.models.pegawai import write as registri
from app.models.storage.db import Database
from app.sync import conflicts as cf
from app.sync import identity as ident
from app.sync import importer
from app.ui.dialogs.sinkron import PassphraseDialog, PeerConfirmDialog
from app.ui.pages.konflik import KonflikPage, nav_title
from app.ui.pages.sinkron.page import SinkronPage
from app.ui.tasks import TaskRunner
from tests.helpers.sync import file_state, fresh_database

TIMEOUT = 20_000
NAME_A = "BKPSDM Kota Kupang"
NAME_B = "Laptop Pansel 3"


# -- set-up ---------------------------------------------------------------------------------------


@pytest.fixture
def dbs(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Installation A with a small demo agency, installation B empty."""
    a = fresh_database(tmp_path / "a.sqlite3")
    create_demo(a, 6, seed=3, today=date(2026, 11, 22))
    b = fresh_database(tmp_path / "b.sqlite3")
    yield a, b
    a.close()
    b.close()


def make_page(qtbot: QtBot, db: Database, runner: TaskRunner) -> SinkronPage:
    page = SinkronPage(db, actor="admin", runner=runner)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    return page


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: Path) -> None:
    """The next file dialog of kind ``name`` answers ``value``."""

    def fake(*_args: object, **_kwargs: object) -> Any:
        if name == "getExistingDirectory":
            return str(value)
        return str(value), ""

    monkeypatch.setattr(QFileDialog, name, staticmethod(fake))


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def set_name(qtbot: QtBot, page: SinkronPage, name: str) -> None:
    page.identity.name_edit.clear()
    qtbot.keyClicks(page.identity.name_edit, name)
    click(qtbot, page.identity.save_name_button)
    assert page.identity.name_edit.text() == name


def add_peer_through_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: SinkronPage, identity_file: Path
) -> None:
    answer(monkeypatch, "getOpenFileName", identity_file)
    click(qtbot, page.peers.add_button)
    dialog = page.dialog
    assert isinstance(dialog, PeerConfirmDialog) and dialog.isVisible()
    expected = ident.read_identity_file(identity_file).sidik_jari
    shown = dialog.fingerprint.text()
    assert shown.split() == expected.split("-")  # 8 groups, in order, on two lines
    assert shown.count("\n") == 1
    assert not dialog.trust_button.isEnabled()  # not before the admin confirms the match
    click(qtbot, dialog.confirm)
    click(qtbot, dialog.trust_button)
    assert not dialog.isVisible()


def two_linked(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    a: Database,
    b: Database,
    make_runner: Callable[[Database], TaskRunner],
) -> tuple[SinkronPage, SinkronPage]:
    """Both pages named, identity files exchanged, each peer trusted after the fingerprint."""
    pa, pb = make_page(qtbot, a, make_runner(a)), make_page(qtbot, b, make_runner(b))
    set_name(qtbot, pa, NAME_A)
    set_name(qtbot, pb, NAME_B)
    files = {}
    for page, key in ((pa, "a"), (pb, "b")):
        answer(monkeypatch, "getSaveFileName", tmp_path / f"identitas-{key}.json")
        click(qtbot, page.identity.export_identity_button)
        files[key] = tmp_path / f"identitas-{key}.json"
        assert files[key].exists()
    add_peer_through_dialog(qtbot, monkeypatch, pa, files["b"])
    add_peer_through_dialog(qtbot, monkeypatch, pb, files["a"])
    for page, other in ((pa, NAME_B), (pb, NAME_A)):
        assert page.peers.table.rowCount() == 1
        assert page.peers.table.item(0, 0).text() == other
        assert page.peers.table.item(0, 2).text() == "Ya"
    return pa, pb


def export_from(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    page: SinkronPage,
    folder: Path,
    *,
    full: bool = False,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    answer(monkeypatch, "getExistingDirectory", folder)
    button = page.peers.export_full_button if full else page.peers.export_button
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT) as blocker:
        click(qtbot, button)
        assert page.task is not None and page.progress.isVisible()  # in the background
    path: Path = blocker.args[0].path
    assert path.parent == folder and path.exists()
    return path


def import_by_button(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: SinkronPage, path: Path
) -> list[importer.ImportSummary]:
    answer(monkeypatch, "getOpenFileName", path)
    with qtbot.waitSignal(page.imported, timeout=TIMEOUT) as blocker:
        click(qtbot, page.incoming.import_button)
    summaries: list[importer.ImportSummary] = blocker.args[0]
    return summaries


_KEEP: list[QMimeData] = []


def drop_events(path: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(40, 40), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    drop = QDropEvent(
        QPointF(40, 40), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    _KEEP.append(mime)  # the events do not own their mime data
    return enter, drop


def drop_file(qtbot: QtBot, page: SinkronPage, path: Path) -> list[importer.ImportSummary]:
    enter, drop = drop_events(path)
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(page.imported, timeout=TIMEOUT) as blocker:
        page.dropEvent(drop)
    summaries: list[importer.ImportSummary] = blocker.args[0]
    return summaries


def telepon(db: Database, pid: str) -> str:
    return str(db.conn.execute("SELECT telepon FROM pegawai WHERE id = ?", (pid,)).fetchone()[0])


def first_employee(db: Database) -> str:
    return str(db.conn.execute("SELECT id FROM pegawai ORDER BY nip LIMIT 1").fetchone()[0])


def error_box(page: QWidget) -> QMessageBox:
    boxes = [b for b in page.findChildren(QMessageBox, "pesanKesalahan") if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


# -- the whole round ------------------------------------------------------------------------------


def test_two_installations_exchange_and_resolve_a_clash(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, b = dbs
    pa, pb = two_linked(qtbot, monkeypatch, tmp_path, a, b, make_runner)
    assert pa.identity.fingerprint_label.text().split() == ident.own_identity(a).sidik_jari.split(
        "-"
    )
    assert "batch" in pa.peers.table.item(0, 5).text()  # the demo agency waits to go to B

    # A edits an employee, exports for B; B takes the package by dropping it on the page.
    pid = first_employee(a)
    registri.update_employee(a, pid, {"telepon": "0380-111222"}, actor="ani")
    package_ab = export_from(qtbot, monkeypatch, pa, tmp_path / "flashdisk")
    assert package_ab.name.startswith("merit-bkpsdm-kota-kupang-laptop-pansel-3-")
    assert package_ab.suffix == ".merit"
    assert pa.peers.table.item(0, 4).text() != "belum pernah"  # last sent
    assert "Paket disimpan" in pa.message.text()

    summaries = drop_file(qtbot, pb, package_ab)
    assert telepon(b, pid) == "0380-111222"
    shown = pb.summary.view.toPlainText()
    assert f"Paket dari {NAME_A} diterima." in shown
    assert "pegawai: 6 baru" in shown
    assert shown.endswith(summaries[0].lines()[-1])
    assert pb.peers.table.item(0, 3).text() != "belum pernah"  # last received

    # Both change the same field without seeing each other, then exchange.
    registri.update_employee(a, pid, {"telepon": "0380-555111"}, actor="ani")
    registri.update_employee(b, pid, {"telepon": "0812-777222"}, actor="budi")
    to_b = export_from(qtbot, monkeypatch, pa, tmp_path / "ke-b")
    to_a = export_from(qtbot, monkeypatch, pb, tmp_path / "ke-a")
    summary_b = import_by_button(qtbot, monkeypatch, pb, to_b)[0]
    summary_a = import_by_button(qtbot, monkeypatch, pa, to_a)[0]
    assert summary_b.konflik_baru == 1 and summary_a.konflik_baru == 1
    assert "1 bentrokan baru" in pb.summary.view.toPlainText()

    kb, ka = (
        KonflikPage(b, runner=make_runner(b), actor="budi"),
        KonflikPage(a, runner=make_runner(a), actor="ani"),
    )
    for page in (kb, ka):
        qtbot.addWidget(page)
        page.resize(1100, 640)
        page.show()
    counts: list[int] = []
    kb.countChanged.connect(counts.append)
    assert kb.table.rowCount() == 1 and nav_title(len(kb.conflicts)) == "Konflik (1)"
    assert kb.table.item(0, 1).text() == "telepon"
    values = {
        kb.values.item(r, 0).text(): kb.values.item(r, 1).text()
        for r in range(kb.values.rowCount())
    }
    assert values == {"0380-555111": NAME_A, "0812-777222": f"{NAME_B} (instalasi ini)"}
    who = {kb.values.item(r, 2).text() for r in range(kb.values.rowCount())}
    assert who == {"ani", "budi"}
    shown_now = [kb.values.item(r, 0).text() for r in range(2) if kb.values.item(r, 4).text()]
    assert len(shown_now) == 1 and telepon(b, pid) == shown_now[0]

    # B chooses A's value.
    row_a = next(r for r in range(2) if kb.values.item(r, 0).text() == "0380-555111")
    rect = kb.values.visualRect(kb.values.model().index(row_a, 0))
    qtbot.mouseClick(kb.values.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(qtbot, kb.take_button)
    assert kb.table.rowCount() == 0 and counts[-1] == 0
    assert "Tidak ada konflik" in kb.count_label.text()
    assert telepon(b, pid) == "0380-555111"
    assert ka.table.rowCount() == 1  # A does not know yet

    # The resolution travels back: A's clash closes, both show the chosen value.
    pb.refresh()
    back = export_from(qtbot, monkeypatch, pb, tmp_path / "kembali")
    import_by_button(qtbot, monkeypatch, pa, back)
    ka.refresh()
    assert ka.table.rowCount() == 0
    assert cf.list_conflicts(a) == [] and cf.list_conflicts(b) == []
    assert telepon(a, pid) == telepon(b, pid) == "0380-555111"

    # Importing the same package again changes nothing and says so.
    again = drop_file(qtbot, pa, back)[0]
    assert again.batch_baru == 0 and "Tidak ada yang baru" in pa.summary.view.toPlainText()
    pa.runner.wait()
    pb.runner.wait()


def test_full_export_and_a_delete_clash_restored(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, b = dbs
    pa, pb = two_linked(qtbot, monkeypatch, tmp_path, a, b, make_runner)
    drop_file(qtbot, pb, export_from(qtbot, monkeypatch, pa, tmp_path / "1", full=True))
    pid = first_employee(a)
    registri.delete_employee(a, pid, actor="ani")
    registri.update_employee(b, pid, {"telepon": "0812-9999"}, actor="budi")
    drop_file(qtbot, pb, export_from(qtbot, monkeypatch, pa, tmp_path / "2"))
    kb = KonflikPage(b, runner=make_runner(b), actor="budi")
    qtbot.addWidget(kb)
    kb.show()
    assert kb.table.rowCount() == 1 and kb.table.item(0, 2).text() == "hapus vs ubah"
    texts = {kb.values.item(r, 0).text() for r in range(kb.values.rowCount())}
    assert texts == {"(dihapus)", "telepon = 0812-9999"}
    assert kb.restore_button.isVisible() and kb.keep_deleted_button.isVisible()
    assert not kb.take_button.isVisible()
    click(qtbot, kb.restore_button)
    assert kb.table.rowCount() == 0
    row = b.conn.execute("SELECT deleted, telepon FROM pegawai WHERE id = ?", (pid,)).fetchone()
    assert tuple(row) == (0, "0812-9999")
    pa.runner.wait()
    pb.runner.wait()


# -- passphrase -----------------------------------------------------------------------------------


def test_passphrase_package(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, b = dbs
    pa, pb = make_page(qtbot, a, make_runner(a)), make_page(qtbot, b, make_runner(b))
    set_name(qtbot, pa, NAME_A)
    # B knows A (it must trust the sender); A does not know B yet.
    ident.add_peer(b, ident.read_identity(ident.identity_bytes(a)), trusted=True)
    pb.refresh()
    assert not pa.peers.export_button.isEnabled()  # no peer chosen: only the passphrase export

    click(qtbot, pa.peers.export_pass_button)
    dialog = pa.dialog
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.first, "pendek")
    qtbot.keyClicks(dialog.second, "pendek")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "terlalu pendek" in dialog.problem.text()
    dialog.first.clear()
    dialog.second.clear()
    qtbot.keyClicks(dialog.first, "kopi tubruk manis")
    qtbot.keyClicks(dialog.second, "kopi tubruk pahit")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "tidak sama" in dialog.problem.text()
    dialog.second.clear()
    qtbot.keyClicks(dialog.second, "kopi tubruk manis")
    folder = tmp_path / "sandi"
    folder.mkdir()
    answer(monkeypatch, "getExistingDirectory", folder)
    with qtbot.waitSignal(pa.exported, timeout=TIMEOUT) as blocker:
        click(qtbot, dialog.ok_button)
    path: Path = blocker.args[0].path
    assert path.name.startswith("merit-bkpsdm-kota-kupang-semua-")

    # A wrong passphrase is refused with the engine's message; nothing changes.
    before = file_state(b.path)
    enter, drop = drop_events(path)
    pb.dragEnterEvent(enter)
    pb.dropEvent(drop)
    asked = pb.dialog
    assert isinstance(asked, PassphraseDialog) and asked.isVisible()
    assert not asked.second.isVisible()  # asked once on import
    qtbot.keyClicks(asked.first, "salah sekali")
    with qtbot.waitSignal(pb.taskFailed, timeout=TIMEOUT):
        click(qtbot, asked.ok_button)
    box = error_box(pb)
    assert "kata sandi salah" in box.text()
    box.close()
    assert file_state(b.path) == before

    # The right one.
    answer(monkeypatch, "getOpenFileName", path)
    click(qtbot, pb.incoming.import_button)
    asked = pb.dialog
    assert isinstance(asked, PassphraseDialog)
    qtbot.keyClicks(asked.first, "kopi tubruk manis")
    with qtbot.waitSignal(pb.imported, timeout=TIMEOUT):
        qtbot.keyClick(asked.first, Qt.Key.Key_Return)
    assert b.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 6
    assert f"Paket dari {NAME_A} diterima." in pb.summary.view.toPlainText()
    pa.runner.wait()
    pb.runner.wait()


# -- refusals -------------------------------------------------------------------------------------


def test_tampered_and_untrusted_packages_are_refused_and_change_nothing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, b = dbs
    pa, pb = two_linked(qtbot, monkeypatch, tmp_path, a, b, make_runner)
    good = export_from(qtbot, monkeypatch, pa, tmp_path / "asli")
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "rusak.merit"
    bad.write_bytes(bytes(data))
    pb.refresh()
    before = file_state(b.path)

    enter, drop = drop_events(bad)
    pb.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(pb.taskFailed, timeout=TIMEOUT):
        pb.dropEvent(drop)
    box = error_box(pb)
    assert box.text().startswith("Paket ditolak")
    assert pb.message.text() == box.text()
    box.close()
    assert file_state(b.path) == before
    assert b.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 0
    assert pb.summary.view.toPlainText() == ""

    # Untrusting A (the admin's button): its good package is refused too.
    pb.select_peer(ident.own_identity(a).node_id)
    assert pb.peers.trust_button.text() == "Cabut kepercayaan"
    click(qtbot, pb.peers.trust_button)
    assert pb.peers.table.item(0, 2).text() == "Belum"
    before = file_state(b.path)
    answer(monkeypatch, "getOpenFileName", good)
    with qtbot.waitSignal(pb.taskFailed, timeout=TIMEOUT):
        click(qtbot, pb.incoming.import_button)
    box = error_box(pb)
    assert "belum dikenal atau belum dipercaya" in box.text()
    box.close()
    assert file_state(b.path) == before

    # Trusted again, it imports.
    click(qtbot, pb.peers.trust_button)
    assert drop_file(qtbot, pb, good)[0].batch_baru >= 1
    pa.runner.wait()
    pb.runner.wait()


def test_drop_target_takes_only_one_package_file(
    qtbot: QtBot,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    _a, b = dbs
    pb = make_page(qtbot, b, make_runner(b))
    for name in ("foto.jpg", "data.xlsx"):
        enter, _drop = drop_events(tmp_path / name)
        pb.dragEnterEvent(enter)
        assert not enter.isAccepted()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "1.merit")), QUrl.fromLocalFile("/x/2.merit")])
    assert pb.dropped_package(mime) is None
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "Paket.MERIT"))])
    assert pb.dropped_package(mime) == tmp_path / "Paket.MERIT"


def test_identity_file_of_own_installation_or_garbage_is_refused(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, _b = dbs
    pa = make_page(qtbot, a, make_runner(a))
    own = tmp_path / "sendiri.json"
    ident.export_identity(a, own)
    answer(monkeypatch, "getOpenFileName", own)
    click(qtbot, pa.peers.add_button)
    box = error_box(pa)
    assert "instalasi ini sendiri" in box.text()
    box.close()
    garbage = tmp_path / "sampah.json"
    garbage.write_text('{"format": "lain"}')
    assert pa.open_peer_file(garbage) is None
    box = error_box(pa)
    assert "bukan berkas identitas Merit" in box.text()
    box.close()
    assert pa.peers.table.rowCount() == 0
    # A name that is too short is refused with the engine's message.
    pa.identity.name_edit.clear()
    qtbot.keyClicks(pa.identity.name_edit, "X")
    click(qtbot, pa.identity.save_name_button)
    box = error_box(pa)
    assert "Nama instalasi" in box.text()
    box.close()


# -- a package from a newer Merit -----------------------------------------------------------------


def test_package_from_newer_schema_waits_and_applies_after_upgrade(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, b = dbs
    pa, pb = two_linked(qtbot, monkeypatch, tmp_path, a, b, make_runner)
    path = export_from(qtbot, monkeypatch, pa, tmp_path / "baru")
    current = b.schema_version
    monkeypatch.setattr(importer, "local_schema_version", lambda _db: current - 1)
    summary = drop_file(qtbot, pb, path)[0]
    assert summary.ditunda
    assert "lebih baru" in pb.summary.view.toPlainText()
    assert (
        pb.waiting.retry_button.isVisible()
        and "1 paket disimpan" in pb.waiting.deferred_label.text()
    )
    assert b.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 0

    monkeypatch.setattr(importer, "local_schema_version", lambda _db: current)  # "upgraded"
    with qtbot.waitSignal(pb.imported, timeout=TIMEOUT) as blocker:
        click(qtbot, pb.waiting.retry_button)
    assert len(blocker.args[0]) == 1 and not blocker.args[0][0].ditunda
    assert b.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 6
    assert not pb.waiting.retry_button.isVisible()
    pa.runner.wait()
    pb.runner.wait()


# -- cancel ---------------------------------------------------------------------------------------


def test_cancel_during_import_writes_nothing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    a, b = dbs
    pa, pb = two_linked(qtbot, monkeypatch, tmp_path, a, b, make_runner)
    for i in range(45):  # enough batches for the engine to report progress
        registri.update_employee(a, first_employee(a), {"telepon": f"0380-{i:04}"}, actor="ani")
    path = export_from(qtbot, monkeypatch, pa, tmp_path / "banyak")
    pb.refresh()
    before = file_state(b.path)
    # The clerk presses Batal while the package is being checked; the engine's first progress
    # report (while applying) stops the import inside its transaction.
    clicked = threading.Event()
    check = importer.check_package

    def slow_check(*args: Any, **kwargs: Any) -> Any:
        clicked.wait(10)
        return check(*args, **kwargs)

    monkeypatch.setattr(importer, "check_package", slow_check)
    with qtbot.waitSignal(pb.taskFailed, timeout=TIMEOUT) as blocker:
        pb.start_import(path, None)
        assert pb.cancel_button.isVisible()
        click(qtbot, pb.cancel_button)
        assert pb.busy_label.text() == "Membatalkan…"
        clicked.set()
    assert "Dibatalkan" in str(blocker.args[0])
    assert "Dibatalkan" in pb.message.text()
    assert pb.findChild(QMessageBox, "pesanKesalahan") is None
    assert file_state(b.path) == before
    pa.runner.wait()
    pb.runner.wait()


# -- the main window ------------------------------------------------------------------------------


def test_main_window_offers_sync_and_counts_clashes(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    from argon2 import PasswordHasher

    from app.models.access import akun
    from app.models.access.akses import Peran
    from app.ui.main_window import MainWindow

    a, b = dbs
    pa, pb = two_linked(qtbot, monkeypatch, tmp_path, a, b, make_runner)
    drop_file(qtbot, pb, export_from(qtbot, monkeypatch, pa, tmp_path / "awal"))
    pid = first_employee(a)
    registri.update_employee(a, pid, {"telepon": "0380-555111"}, actor="ani")
    registri.update_employee(b, pid, {"telepon": "0812-777222"}, actor="budi")
    gone = a.conn.execute("SELECT id FROM pegawai ORDER BY nip DESC LIMIT 1").fetchone()[0]
    registri.delete_employee(a, gone, actor="ani")
    package = export_from(qtbot, monkeypatch, pa, tmp_path / "bentrok")

    window = MainWindow(b, runner=make_runner(b), actor="sistem")
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[-2:] == ["Sinkronisasi", "Konflik"]
    window.nav.setCurrentRow(window.nav.count() - 2)
    assert window.pages.currentWidget() is window.sinkron
    qtbot.waitUntil(lambda: window.employees.model.rowCount() == 6, timeout=TIMEOUT)

    drop_file(qtbot, window.sinkron, package)
    qtbot.waitUntil(lambda: window.employees.model.rowCount() == 5, timeout=TIMEOUT)
    assert window.nav.item(window.nav.count() - 1).text() == "Konflik (1)"
    assert "konflik" not in window.__dict__  # counted without building the page
    fresh = MainWindow(b, runner=make_runner(b), actor="sistem")
    qtbot.addWidget(fresh)
    assert fresh.nav.item(fresh.nav.count() - 1).text() == "Konflik (1)"  # at start, too
    assert "konflik" not in fresh.__dict__
    window.nav.setCurrentRow(window.nav.count() - 1)
    page = window.konflik
    assert window.nav.item(window.nav.count() - 1).text() == "Konflik (1)"
    row_b = next(r for r in range(2) if page.values.item(r, 0).text() == "0812-777222")
    page.values.selectRow(row_b)
    click(qtbot, page.take_button)
    assert window.nav.item(window.nav.count() - 1).text() == "Konflik"
    assert telepon(b, pid) == "0812-777222"
    set_name(qtbot, window.sinkron, "Laptop Pansel 4")
    assert window.installation_label.text() == "Instalasi: Laptop Pansel 4"
    window.runner.wait()

    # A head of office (no sync rights) is not offered either page.
    monkeypatch.setattr(akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    admin = akun.create_admin_pertama(b, "admin", "Admin BKPSDM", "kopi pagi di kantor")
    akun.create_akun(b, "kepala", "Kepala", "hujan turun deras", [Peran.PIMPINAN], actor=admin)
    pimpinan = akun.masuk(b, "kepala", "hujan turun deras")
    other = MainWindow(b, runner=make_runner(b), actor=pimpinan)
    qtbot.addWidget(other)
    titles = [other.nav.item(i).text() for i in range(other.nav.count())]
    assert "Sinkronisasi" not in titles and not any(t.startswith("Konflik") for t in titles)
    as_admin = MainWindow(b, runner=make_runner(b), actor=admin)
    qtbot.addWidget(as_admin)
    assert as_admin.nav.item(as_admin.nav.count() - 2).text() == "Sinkronisasi"
    pa.runner.wait()
    pb.runner.wait()


def test_batches_waiting_for_a_missing_one_are_listed(
    qtbot: QtBot, tmp_path: Path, make_runner: Callable[[Database], TaskRunner]
) -> None:
    import json

    from app.sync import package
    from tests.helpers.sync import make_nodes

    a, b, c = (n.db for n in make_nodes(tmp_path, 3))
    create_demo(a, 3, seed=5, today=date(2026, 11, 22))
    importer.import_package(c, package.export_package(a, tmp_path / "1.merit", to="Kantor 2").path)
    registri.update_employee(c, first_employee(c), {"telepon": "0380-123456"}, actor="cici")
    # C believes B already has A's batch, so it sends only its own, which depends on it.
    # (all of A's batches: the demo may write more than one)
    from app.models.storage import changelog

    seq_a = changelog.read_versions(a.conn)[a.node_id]
    c.conn.execute(
        "UPDATE lokal_peer SET vv_diakui = ? WHERE nama = 'Kantor 1'",
        (json.dumps({a.node_id: seq_a}),),
    )
    path = package.export_package(c, tmp_path / "2.merit", to="Kantor 1").path
    pb = make_page(qtbot, b, make_runner(b))
    summary = drop_file(qtbot, pb, path)[0]
    assert summary.batch_menunggu == 1
    assert pb.waiting.held_label.text().splitlines() == [
        "1 batch tertahan menunggu batch yang belum tiba:",
        "• batch no 1 dari Kantor 2, menunggu batch no 1 dari Kantor 0",
    ]
    pb.runner.wait()
    for db in (a, b, c):
        db.close()


def test_import_showing_a_peer_trail_cut_short_warns_on_the_page(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dbs: tuple[Database, Database],
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    """Issue 12, item 4: B once saw A's audit head far beyond where A's trail is now (as after
    A's file was rolled back): A's next package is imported, and the page says so."""
    from app.models.access import audit_kepala
    from app.models.access.audit_kepala import SignedHead

    a, b = dbs
    pa, pb = two_linked(qtbot, monkeypatch, tmp_path, a, b, make_runner)
    key = audit_kepala.existing_key(a.conn)
    assert key is not None
    seen = SignedHead(a.node_id, 999, "cd" * 32, b"")
    seen = SignedHead(
        seen.asal,
        seen.urutan,
        seen.hash,
        key.sign(audit_kepala.head_message(seen.asal, seen.urutan, seen.hash)).signature,
    )
    audit_kepala.write_known_head(b.conn, seen, a.node_id)
    package = export_from(qtbot, monkeypatch, pa, tmp_path / "keluar")
    pb.refresh()
    summaries = drop_file(qtbot, pb, package)
    assert summaries[0].batch_baru >= 1  # the data still comes in
    assert "Peringatan: jejak audit tidak utuh" in pb.message.text()
    text = pb.summary.view.toPlainText()
    assert f"Jejak audit {NAME_A} lebih pendek dari yang pernah dilihat di sini: urutan 999" in text
    pb.grab().save("/tmp/sinkron-jejak.png")
    pa.runner.wait()
    pb.runner.wait()
