"""Signing in: the first admin on a new installation, the login dialog, and the flow that
opens the main window for the signed-in user and returns to the login after "Keluar akun"."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.models.access import akun
from app.models.access.akses import Sesi
from app.models.access.audit_periksa import TrailCheck
from app.models.errors import AccessDenied, MeritError, ValidationError
from app.models.storage.db import Database
from app.models.storage.instansi_baca import get_setting
from app.ui.widgets.messages import show_error


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


class LoginDialog(QDialog):
    """Username and password. Accepted with :attr:`sesi` set (and :attr:`jejak`, the check of
    the audit trail made before the sign-in entry); errors show in the dialog."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialogMasuk")
        self.db = db
        self.clock = clock
        self.sesi: Sesi | None = None
        self.jejak: TrailCheck | None = None
        self.setWindowTitle(tr("Masuk ke Merit"))
        self.setMinimumWidth(420)

        agency = get_setting(db.conn, "nama_instansi") or ""
        title = QLabel(f"<b>{tr('Merit')}</b>" + (f"<br>{_escape(agency)}" if agency else ""))
        title.setTextFormat(Qt.TextFormat.RichText)
        self.user = QLineEdit()
        self.user.setObjectName("namaPengguna")
        self.user.setMaxLength(32)
        self.password = _password_field("kataSandi")
        form = QFormLayout()
        form.addRow(tr("Nama pengguna:"), self.user)
        form.addRow(tr("Kata sandi:"), self.password)

        self.message = QLabel()
        self.message.setObjectName("pesanMasuk")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setMinimumHeight(36)

        buttons = QDialogButtonBox()
        self.ok = QPushButton(tr("Masuk"))
        self.ok.setObjectName("tombolMasuk")
        self.ok.setDefault(True)
        cancel = QPushButton(tr("Tutup"))
        cancel.setObjectName("tombolTutup")
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.try_sign_in)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.user.setFocus()

    def try_sign_in(self) -> None:
        try:
            signed_in = akun.masuk_diperiksa(
                self.db, self.user.text(), self.password.text(), clock=self.clock
            )
        except AccessDenied as exc:
            self.message.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except MeritError as exc:
            show_error(self, exc)
            return
        self.sesi, self.jejak = signed_in.sesi, signed_in.jejak
        self.message.clear()
        self.accept()


def warn_broken_trail(parent: QWidget, check: TrailCheck) -> QMessageBox:
    """Signing in found the audit trail broken: the user is in (nobody is locked out), and a
    warning box over the main window says what was found and that it was recorded."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Jejak audit tidak utuh"),
        tr(
            "Pemeriksaan sebelum masuk menemukan jejak audit tidak utuh. Temuan ini sudah "
            "dicatat di jejak audit; laporkan ke admin dan periksa di halaman Jejak audit "
            "(Periksa keutuhan)."
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("peringatanJejak")
    box.setInformativeText("\n".join(m.pesan for m in check.masalah))
    box.open()
    return box


class FirstAdminDialog(QDialog):
    """First run (or the first start after accounts came): create the admin account."""

    def __init__(self, db: Database, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogAdminPertama")
        self.db = db
        self.sesi: Sesi | None = None
        self.setWindowTitle(tr("Buat akun admin"))
        self.setMinimumWidth(480)
        intro = QLabel(
            tr(
                "Merit memakai akun pengguna. Buat dulu akun admin instalasi ini: admin "
                "mengelola akun lain dan perannya. Kata sandi paling sedikit {n} karakter; "
                "simpan di tempat aman, karena tidak dapat dipulihkan.",
                n=akun.PANJANG_MINIMAL,
            )
        )
        intro.setWordWrap(True)
        self.user = QLineEdit("admin")
        self.user.setObjectName("namaPengguna")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("namaLengkap")
        self.full_name.setPlaceholderText(tr("mis. Siti Rahmawati, S.Kom."))
        self.password = _password_field("kataSandi")
        self.repeat = _password_field("ulangiSandi")
        form = QFormLayout()
        form.addRow(tr("Nama pengguna:"), self.user)
        form.addRow(tr("Nama lengkap:"), self.full_name)
        form.addRow(tr("Kata sandi:"), self.password)
        form.addRow(tr("Ulangi kata sandi:"), self.repeat)
        self.message = QLabel()
        self.message.setObjectName("pesanAdmin")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox()
        self.ok = QPushButton(tr("Buat akun"))
        self.ok.setObjectName("tombolBuat")
        self.ok.setDefault(True)
        cancel = QPushButton(tr("Batal"))
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.create_admin)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.full_name.setFocus()

    def create_admin(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(tr("Kedua kata sandi tidak sama."))
            self.repeat.setFocus()
            return
        try:
            self.sesi = akun.create_admin_pertama(
                self.db, self.user.text(), self.full_name.text(), self.password.text()
            )
        except ValidationError as exc:
            self.message.setText(str(exc))
            return
        except MeritError as exc:
            show_error(self, exc)
            return
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SessionFlow(QObject):
    """Who is signed in, from the start of the app to its end.

    :meth:`start` asks for the first admin (no accounts yet) or for a login, then opens the main
    window for that user; "Keluar akun" in the window closes it and asks for a login again.
    ``finished`` is emitted when the user closes the login instead (the app then ends).
    """

    finished = Signal()
    window_opened = Signal(object)

    def __init__(
        self,
        db: Database,
        make_window: Callable[[Sesi], QWidget],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.db = db
        self.make_window = make_window
        self.clock = clock
        self.window: QWidget | None = None
        self.dialog: QDialog | None = None

    def start(self) -> None:
        if akun.ada_akun(self.db):
            self.show_login()
            return
        dialog = FirstAdminDialog(self.db)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()

    def show_login(self) -> None:
        dialog = LoginDialog(self.db, clock=self.clock)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()

    def _done(self, dialog: LoginDialog | FirstAdminDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        if dialog.result() != QDialog.DialogCode.Accepted or dialog.sesi is None:
            self.finished.emit()
            return
        window = self.make_window(dialog.sesi)
        self.window = window
        signed_out = getattr(window, "signed_out", None)
        if signed_out is not None:
            signed_out.connect(self._signed_out)
        window.show()
        check = getattr(dialog, "jejak", None)
        if check is not None and not check.ok:
            warn_broken_trail(window, check)
        self.window_opened.emit(window)

    def _signed_out(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            sesi = getattr(window, "actor", None)
            if isinstance(sesi, Sesi):
                akun.keluar(self.db, sesi)
            window.deleteLater()
        self.show_login()
