"""Signing in as a clerk does: the first admin, a wrong then right password, the user in the
status bar, "Keluar akun" back to the login, the lockout message, and the accounts screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.models.access import akun
from app.models.access.akses import Hak, Peran, Sesi
from app.models.storage.db import Database
from app.ui.dialogs.login import FirstAdminDialog, LoginDialog, SessionFlow
from app.ui.main_window import MainWindow
from app.ui.pages.akun import AkunForm, AkunPage
from app.ui.tasks import TaskRunner

SANDI = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


class Clock:
    now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


WINDOWS: list[QWidget] = []
FLOWS: list[SessionFlow] = []


@pytest.fixture(autouse=True)
def close_windows() -> Iterator[None]:
    """The flow deletes a window on sign-out; close the ones still alive at the end."""
    yield
    while FLOWS:
        dialog = FLOWS.pop().dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()
    while WINDOWS:
        window = WINDOWS.pop()
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()


def _flow(qtbot: QtBot, db: Database, clock: Clock | None = None) -> SessionFlow:
    def make(sesi: Sesi) -> QWidget:
        window = MainWindow(db, actor=sesi)
        WINDOWS.append(window)
        return window

    flow = SessionFlow(db, make, clock=clock or Clock())
    flow.start()
    FLOWS.append(flow)
    return flow


def _sign_in(qtbot: QtBot, dialog: LoginDialog, user: str, password: str) -> None:
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, user)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_wrong_then_right_password_shows_the_user_then_sign_out(
    qtbot: QtBot, demo_db: Database
) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin BKPSDM", SANDI)
    akun.create_akun(demo_db, "budi", "Budi Santoso", "hujan turun deras", [Peran.PIMPINAN],
                   actor=admin)  # fmt: skip
    flow = _flow(qtbot, demo_db)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    _sign_in(qtbot, dialog, "budi", "bukan sandinya")
    assert dialog.message.text() == "Nama pengguna atau kata sandi salah."
    assert dialog.isVisible() and dialog.password.text() == ""
    with qtbot.waitSignal(flow.window_opened) as opened:
        _sign_in(qtbot, dialog, "budi", "hujan turun deras")
    window = opened.args[0]
    assert isinstance(window, MainWindow)
    assert "Budi Santoso (budi)" in window.user_label.text()
    assert "Pimpinan" in window.user_label.text()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Akun pengguna" not in titles and "Impor data" not in titles  # not for pimpinan
    # Keluar akun: the window closes and the login comes back.
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: isinstance(flow.dialog, LoginDialog) and flow.dialog.isVisible())
    assert not window.isVisible()
    assert flow.window is None
    # The admin signs in on the same flow and sees the accounts screen.
    with qtbot.waitSignal(flow.window_opened) as opened:
        _sign_in(qtbot, flow.dialog, "admin", SANDI)
    titles = [opened.args[0].nav.item(i).text() for i in range(opened.args[0].nav.count())]
    assert "Akun pengguna" in titles and "Impor data" in titles
    actions = [r[0] for r in demo_db.conn.execute("SELECT aksi FROM lokal_audit")]
    assert "Keluar" in actions and actions.count("Masuk") == 2


def test_lockout_message_in_the_dialog(qtbot: QtBot, db: Database) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    clock = Clock()
    flow = _flow(qtbot, db, clock)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    for _ in range(5):
        _sign_in(qtbot, dialog, "admin", "salah salah salah")
    assert "dikunci selama 30 detik" in dialog.message.text()
    _sign_in(qtbot, dialog, "admin", SANDI)  # right password, still locked
    assert "coba lagi dalam 30 detik" in dialog.message.text()
    assert dialog.isVisible()
    clock.now += 31
    with qtbot.waitSignal(flow.window_opened):
        _sign_in(qtbot, dialog, "admin", SANDI)


def test_closing_the_login_ends_the_flow(qtbot: QtBot, db: Database) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    flow = _flow(qtbot, db)
    with qtbot.waitSignal(flow.finished):
        flow.dialog.reject()  # type: ignore[union-attr]


def test_first_admin_on_a_new_installation(qtbot: QtBot, db: Database) -> None:
    flow = _flow(qtbot, db)
    dialog = flow.dialog
    assert isinstance(dialog, FirstAdminDialog)
    qtbot.keyClicks(dialog.full_name, "Siti Rahmawati")
    qtbot.keyClicks(dialog.password, "pendek")
    qtbot.keyClicks(dialog.repeat, "pendek")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "paling sedikit 10 karakter" in dialog.message.text()
    for field in (dialog.password, dialog.repeat):
        field.clear()
    qtbot.keyClicks(dialog.password, SANDI)
    qtbot.keyClicks(dialog.repeat, SANDI + "x")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Kedua kata sandi tidak sama."
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, SANDI)
    with qtbot.waitSignal(flow.window_opened) as opened:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "Siti Rahmawati (admin)" in opened.args[0].user_label.text()
    assert akun.get_akun(db, "admin").peran == (Peran.ADMIN,)


def test_accounts_page_add_reset_deactivate(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    page = AkunPage(demo_db, actor=admin, runner=demo_runner)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    assert page.table.rowCount() == 1
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    form = page.dialog
    assert isinstance(form, AkunForm)
    qtbot.keyClicks(form.user, "op.dik")
    qtbot.keyClicks(form.full_name, "Operator Pendidikan")
    qtbot.keyClicks(form.password, "hujan turun deras")
    form.role_checks[Peran.OPERATOR].setChecked(True)
    first_unit = form.units.item(0)
    first_unit.setCheckState(Qt.CheckState.Checked)
    unit_id = first_unit.data(Qt.ItemDataRole.UserRole)
    assert form.grab().save(str(tmp_path / "form_akun.png"))
    with qtbot.waitSignal(form.finished):
        form.save()
    assert page.table.rowCount() == 2
    created = akun.get_akun(demo_db, "op.dik")
    assert created.hak == (Hak(Peran.OPERATOR, unit_id),)
    assert "Operator kepegawaian (" in page.table.item(1, 2).text()
    # Deactivate, then reset the password.
    page.select("op.dik")
    assert page.active_button.text() == "Nonaktifkan"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert not akun.get_akun(demo_db, "op.dik").aktif
    assert page.active_button.text() == "Aktifkan"
    assert page.table.item(1, 3).text() == "nonaktif"
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    reset = page.dialog
    assert reset is not None
    reset.setTextValue("sandi sementara 2026")  # type: ignore[attr-defined]
    with qtbot.waitSignal(reset.finished):
        reset.done(QDialog.DialogCode.Accepted)
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert akun.masuk(demo_db, "op.dik", "sandi sementara 2026").nama_pengguna == "op.dik"
    # The admin cannot deactivate themself from here.
    page.select("admin")
    assert not page.active_button.isEnabled()
    assert page.grab().save(str(tmp_path / "akun.png"))


def test_signing_in_after_a_cut_warns_and_records_it_first(qtbot: QtBot, db: Database) -> None:
    """Issue 12, item 4: the check runs before the sign-in entry; the user gets in, a warning
    box says what was found, and the finding is its own entry before "Masuk"."""
    akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    for _ in range(4):
        akun.keluar(db, akun.sesi_untuk(db, "admin"))  # a few entries to cut
    db.conn.execute("DROP TRIGGER lokal_audit_tanpa_hapus")
    db.conn.execute("DELETE FROM lokal_audit WHERE no > 2")
    flow = _flow(qtbot, db)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    with qtbot.waitSignal(flow.window_opened) as opened:
        _sign_in(qtbot, dialog, "admin", SANDI)
    window = opened.args[0]
    box = window.findChild(QMessageBox, "peringatanJejak")
    assert box is not None and box.isVisible()
    assert "terpotong" in box.informativeText()
    box.grab().save("/tmp/peringatan-jejak.png")
    box.close()
    rows = db.conn.execute("SELECT aksi FROM lokal_audit WHERE no > 2 ORDER BY no").fetchall()
    assert [r[0] for r in rows] == ["Jejak audit tidak utuh", "Masuk"]


def test_signing_in_on_an_intact_trail_shows_no_warning(qtbot: QtBot, db: Database) -> None:
    akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    flow = _flow(qtbot, db)
    with qtbot.waitSignal(flow.window_opened) as opened:
        _sign_in(qtbot, flow.dialog, "admin", SANDI)  # type: ignore[arg-type]
    assert opened.args[0].findChild(QMessageBox, "peringatanJejak") is None
