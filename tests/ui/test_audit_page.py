"""The audit screen, driven as a clerk would: search by NIP, open an entry, check the chain,
export and read the file back. Also the backup dialog."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.models.access import audit
from app.models.storage import salinan
from app.models.storage.db import Database
from app.models.storage.store import Store
from app.ui.dialogs.cadangan import CadanganDialog
from app.ui.pages.audit import AuditPage, AuditTableModel
from app.ui.tasks import TaskRunner


def _page(qtbot: QtBot, db: Database, runner: TaskRunner) -> tuple[AuditPage, TaskRunner]:
    page = AuditPage(db, actor="admin", runner=runner)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page, runner


def _change_one(db: Database) -> tuple[str, str]:
    pid, nip = db.conn.execute("SELECT id, nip FROM pegawai ORDER BY nip LIMIT 1").fetchone()
    with Store(db).write("Mengubah data pegawai", actor="operator1") as tx:
        tx.update("pegawai", pid, {"telepon": "0812-3456", "alamat": "Jl. <b>Mawar</b> & 5"})
    return pid, nip


def test_model_passes_qt_model_tester(qtmodeltester: object, demo_db: Database) -> None:
    _change_one(demo_db)
    model = AuditTableModel(demo_db)
    model.set_filter(audit.AuditFilter())
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_search_by_nip_and_open_entry(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    pid, nip = _change_one(demo_db)
    Store(demo_db).record_read(
        "Membuka rincian pegawai", actor="pimpinan", tabel="pegawai", record_id=pid
    )
    other = demo_db.conn.execute("SELECT id FROM pegawai WHERE id != ? LIMIT 1", (pid,)).fetchone()
    Store(demo_db).record_read(
        "Membuka rincian pegawai", actor="ani", tabel="pegawai", record_id=other[0]
    )
    page, runner = _page(qtbot, demo_db, demo_runner)
    all_rows = page.model.rowCount()
    qtbot.keyClicks(page.pegawai_edit, nip)
    qtbot.keyClick(page.pegawai_edit, Qt.Key.Key_Return)
    rows = page.model.rowCount()
    assert 0 < rows < all_rows
    actions = [page.model.data(page.model.index(r, 3)) for r in range(rows)]
    assert actions[:2] == ["Membuka rincian pegawai", "Mengubah data pegawai"]
    assert nip in page.model.data(page.model.index(0, 4))
    assert page.count_label.text() == f"{rows} entri"

    # open the change: its field operations are shown
    rect = page.table.visualRect(page.model.index(1, 3))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.changes.toPlainText()
    assert "Telepon: " in text and "→ 0812-3456" in text and "<b>Mawar</b>" in text
    assert pid not in text  # the person by name, not by id
    assert dialog.change_count == 1
    dialog.grab()
    dialog.close()

    # by action and date range
    page.clear_filter()
    qtbot.keyClicks(page.aksi_edit, "Membuka")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2  # the two reads
    qtbot.keyClicks(page.aktor_edit, "ani")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    page.use_dates.setChecked(True)
    page.dari_edit.setDate(QDate(2000, 1, 1))
    page.sampai_edit.setDate(QDate(2000, 1, 31))
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    runner.wait()


def test_verify_button_shows_result(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    for i in range(3):
        Store(db).record_read(f"baca {i}", actor="a")
    page, runner = _page(qtbot, db, runner)
    with qtbot.waitSignal(page.verified, timeout=10000) as blocker:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].ok
    assert "utuh" in page.status.text()
    # tamper, check again: the entry is named
    for name in ("lokal_audit_tanpa_ubah",):
        db.conn.execute(f"DROP TRIGGER {name}")
    db.conn.execute("UPDATE lokal_audit SET aktor = 'x' WHERE no = 2")
    with qtbot.waitSignal(page.verified, timeout=10000) as blocker:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert not blocker.args[0].ok
    assert "TIDAK UTUH" in page.status.text()
    box = page.findChild(QMessageBox, "hasilPeriksa")
    assert box is not None and "no 2" in box.text()
    box.close()
    runner.wait()


def test_export_is_read_back_and_audited(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    _pid, nip = _change_one(demo_db)
    page, runner = _page(qtbot, demo_db, demo_runner)
    qtbot.keyClicks(page.pegawai_edit, nip)
    qtbot.keyClick(page.pegawai_edit, Qt.Key.Key_Return)
    shown = page.model.rowCount()
    out = tmp_path / "audit.xlsx"
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export_to(out)
    ws = load_workbook(out).active
    assert ws is not None
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    assert len(rows) == shown
    assert rows[0][3] == "Mengubah data pegawai" and nip in rows[0][4]
    assert "diekspor" in page.status.text()
    last = audit.search(demo_db.conn, limit=1)[0]
    assert last.aksi == "Mengekspor jejak audit" and last.aktor == "admin"
    runner.wait()


def test_backup_dialog_backs_up_and_asks_before_restore(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    dialog = CadanganDialog(demo_db, demo_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    with qtbot.waitSignal(dialog.backedUp, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    info = blocker.args[0]
    assert info.path.exists() and dialog.table.rowCount() == 1
    assert "Cadangan dibuat" in dialog.status.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    with qtbot.waitSignal(dialog.backedUp, timeout=20000) as blocker:
        dialog.backup_to(usb)
    assert blocker.args[0].path.parent == usb

    dialog.daily_spin.setValue(3)
    dialog.monthly_spin.setValue(2)
    dialog.save_rotation()
    assert salinan.rotation_settings(demo_db.conn) == (3, 2)

    dialog.table.selectRow(0)
    dialog.restore_selected()
    qtbot.waitUntil(lambda: hasattr(dialog, "confirm_box"), timeout=10000)
    box = dialog.confirm_box
    assert "Pegawai: 300" in box.text()
    with qtbot.waitSignal(dialog.restoreConfirmed) as confirmed:
        box.buttons()[0].click()
    assert confirmed.args[0] == info.path
    demo_runner.wait()


def test_verify_button_names_a_cut_chained_over(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    """Issue 12, item 4: the page runs the whole check: a cut whose writes are in the change
    log is named even after Merit appended new entries over it."""
    store = Store(db)
    for i in range(4):
        with store.write(f"Membuat unit {i}", actor="op") as tx:
            tx.insert("unit_organisasi", {"nama": f"Dinas {i}", "jenis": "OPD"})
    db.conn.execute("DROP TRIGGER lokal_audit_tanpa_hapus")
    db.conn.execute("DELETE FROM lokal_audit WHERE no > 2")
    db.conn.execute("DELETE FROM lokal_meta WHERE kunci LIKE 'audit_kepala%'")
    store.record_read("Membuka rincian", actor="op")  # chained over the cut by Merit
    page, runner = _page(qtbot, db, runner)
    with qtbot.waitSignal(page.verified, timeout=10000) as blocker:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert not blocker.args[0].utuh
    assert page.status.text() == "Jejak audit TIDAK UTUH: 1 temuan (rinciannya di kotak pesan)."
    box = page.findChild(QMessageBox, "hasilPeriksa")
    assert box is not None and "Perubahan no 3–4" in box.text()
    page.grab().save("/tmp/audit-page-cut.png")
    box.grab().save("/tmp/audit-page-box.png")
    box.close()
    runner.wait()
