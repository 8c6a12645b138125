"""The screens show what the domain allows (issue 12): a unit operator's employee list and
unit chooser hold only their unit; a reader who may not change employees sees no editing
command; a committee member has neither the Pegawai nor the SKP page; opening a record is
audited."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.access import akun
from app.models.storage.db import Database
from app.ui.dialogs.employee_detail import EmployeeDetailDialog
from app.ui.pages.employees import EmployeesPage
from app.ui.pages.registry import visible_pages
from app.ui.tasks import TaskRunner
from tests.helpers.role_matrix import CHEAP_HASHER, SANDI, World, build_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(akun, "hasher", CHEAP_HASHER)
        yield build_world(tmp_path_factory.mktemp("dunia"))


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun, "hasher", CHEAP_HASHER)


@pytest.fixture
def wdb(world: World, tmp_path: Path) -> Iterator[Database]:
    db = Database(world.copy_to(tmp_path))
    yield db
    db.close()


def _names(page: EmployeesPage) -> set[str]:
    return {str(page.model.row_data(i)["nama"]) for i in range(page.model.rowCount())}


def test_unit_operator_sees_their_unit_only(qtbot: QtBot, wdb: Database) -> None:
    runner = TaskRunner(wdb.path)
    sesi = akun.masuk(wdb, "operator_unit", SANDI)
    page = EmployeesPage(wdb, actor=sesi, runner=runner)
    qtbot.addWidget(page)
    page.show()
    assert "Orang Lain" not in _names(page) and "Ani" in _names(page)
    assert page.count.text() == "5 pegawai"  # the count is theirs too, not "5 dari 6"
    qtbot.waitUntil(lambda: not page.units_loading, timeout=20000)  # read in the background
    units = [page.unit.itemText(i).strip() for i in range(page.unit.count())]
    assert units[0] == "Semua unit saya" and "Dinas Lain" not in units
    assert {"Dinas Arsip", "Bidang Layanan", "Seksi Data"} <= set(units)
    # Typing the other unit's employee finds nothing.
    qtbot.keyClicks(page.search, "Orang")
    page.apply_filter()
    assert page.model.rowCount() == 0
    assert page.add_button.isVisible() and page.export_button.isVisible()
    runner.wait()


def test_reader_sees_no_editing_command_and_the_opening_is_audited(
    qtbot: QtBot, wdb: Database
) -> None:
    runner = TaskRunner(wdb.path)
    sesi = akun.masuk(wdb, "pimpinan", SANDI)
    page = EmployeesPage(wdb, actor=sesi, runner=runner)
    qtbot.addWidget(page)
    page.show()
    assert not page.add_button.isVisible()  # not refused after a filled form: not offered
    assert page.export_button.isVisible()
    page.table.setFocus()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.detailOpened, timeout=3000) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog: EmployeeDetailDialog = blocker.args[0]
    for button in (dialog.edit_button, dialog.leave_button, dialog.delete_button):
        assert not button.isVisible()
    assert not any(b.isVisible() for bs in dialog.history_buttons.values() for b in bs)
    row = wdb.conn.execute(
        "SELECT aktor, record_id FROM lokal_audit WHERE aksi = 'Membuka rincian pegawai'"
    ).fetchone()
    assert tuple(row) == ("pimpinan", dialog.pegawai_id)
    dialog.close()
    runner.wait()


def test_committee_member_has_no_employee_or_skp_page(wdb: Database) -> None:
    sesi = akun.masuk(wdb, "anggota_panitia", SANDI)
    assert [p.key for p in visible_pages(sesi)] == ["beranda", "kalkulator", "penilaian"]


def test_backup_menu_is_the_admins_but_the_daily_backup_runs_for_everyone(
    qtbot: QtBot, wdb: Database
) -> None:
    from PySide6.QtGui import QAction

    from app.ui.main_window import MainWindow

    for role, menu in (("pimpinan", False), ("admin", True)):
        runner = TaskRunner(wdb.path)
        window = MainWindow(wdb, runner, actor=akun.masuk(wdb, role, SANDI))
        qtbot.addWidget(window)
        names = {a.objectName() for a in window.findChildren(QAction)}
        assert ("aksiCadangkan" in names) is menu and ("aksiPulihkan" in names) is menu, role
        assert window.backup_timer.isActive(), role
        window.close()
        runner.wait()
