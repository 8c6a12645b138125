"""The dialogs of the sync screen: adding a peer after the fingerprint check, and a package
passphrase (twice with a minimum length for an export, once for an import)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.models.errors import ValidationError
from app.sync import identity as ident_mod

MIN_PASSPHRASE = 8  # the engine refuses shorter ones too (app/sync/package.py)


def fingerprint_lines(sidik_jari: str, per_line: int = 4) -> str:
    """The fingerprint in groups, ``per_line`` groups to a line, for reading out by phone."""
    groups = sidik_jari.split("-")
    return "\n".join("  ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


def fixed_font(point_size: int, bold: bool = True) -> QFont:
    """The system's fixed-width font, for node ids and fingerprints."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(bold)
    return font


class PeerConfirmDialog(QDialog):
    """A peer's identity before it is added: its fingerprint in big groups, to be compared
    with what the peer reads out. Trusting needs the comparison to be confirmed."""

    def __init__(self, ident: ident_mod.Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogTambahMitra")
        self.setWindowTitle(tr("Tambah mitra sinkronisasi"))
        self.ident = ident
        self.trusted = False

        intro = QLabel(
            tr(
                "Telepon admin di {nama} dan minta dia membacakan sidik jari yang tampil di "
                "halaman Sinkronisasi miliknya. Cocokkan kelompok demi kelompok dengan yang "
                "di bawah ini. Bila satu huruf saja berbeda, jangan percayai berkas ini.",
                nama=ident.nama,
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        name = QLabel(ident.nama)
        name.setObjectName("namaMitra")
        name.setTextFormat(Qt.TextFormat.PlainText)
        node = QLabel(ident.node_id)
        node.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("Nama instalasi"), name)
        form.addRow(tr("Id node"), node)
        self.fingerprint = QLabel(fingerprint_lines(ident.sidik_jari))
        self.fingerprint.setObjectName("sidikJariMitra")
        self.fingerprint.setFont(fixed_font(22))
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet(
            "#sidikJariMitra { background: #f6f8fb; border: 1px solid #c9d3de; "
            "border-radius: 6px; padding: 14px; }"
        )
        self.confirm = QCheckBox(
            tr(
                "Sidik jari di atas sama persis dengan yang dibacakan admin {nama}.",
                nama=ident.nama,
            )
        )
        self.confirm.setObjectName("konfirmasiSidikJari")

        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(
            tr("Tambah dan percayai"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.trust_button.setObjectName("tombolPercayai")
        self.trust_button.setEnabled(False)
        self.add_only_button = buttons.addButton(
            tr("Tambah tanpa dipercaya"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_only_button.setObjectName("tombolTambahSaja")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Batal"))
        self.confirm.toggled.connect(self.trust_button.setEnabled)
        self.trust_button.clicked.connect(lambda: self._finish(True))
        self.add_only_button.clicked.connect(lambda: self._finish(False))
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Sidik jari:")))
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)
        metrics = self.fingerprint.fontMetrics()
        self.fingerprint.setMinimumHeight(metrics.lineSpacing() * 2 + 40)
        self.setMinimumWidth(600)
        self.adjustSize()

    def _finish(self, trusted: bool) -> None:
        self.trusted = trusted and self.confirm.isChecked()
        self.accept()


class PassphraseDialog(QDialog):
    """Asks for a package passphrase: typed twice with a minimum length for an export, once
    for an import."""

    def __init__(self, *, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogKataSandi")
        self.setWindowTitle(tr("Kata sandi paket"))
        self._confirm = confirm
        text = (
            tr(
                "Paket dikunci dengan kata sandi untuk penerima yang belum mengenal instalasi "
                "ini. Sampaikan kata sandinya lewat jalur lain (telepon), jangan bersama "
                "berkasnya. Sedikitnya {n} karakter.",
                n=MIN_PASSPHRASE,
            )
            if confirm
            else tr("Paket ini dikunci dengan kata sandi. Masukkan kata sandi dari pengirimnya.")
        )
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("kataSandi")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("kataSandiUlang")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("masalahKataSandi")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Kata sandi"), self.first)
        if confirm:
            form.addRow(tr("Ulangi kata sandi"), self.second)
        else:
            self.second.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("tombolOkKataSandi")
        self.ok_button.setText(tr("Lanjut"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.adjustSize()

    @property
    def passphrase(self) -> str:
        return self.first.text()

    def check(self) -> None:
        """Raise ValidationError naming what is wrong with the passphrase typed."""
        if not self._confirm:
            if not self.first.text():
                raise ValidationError(tr("Kata sandi belum diisi."), field="kata_sandi")
            return
        if len(self.first.text()) < MIN_PASSPHRASE:
            raise ValidationError(
                tr("Kata sandi terlalu pendek: sedikitnya {n} karakter.", n=MIN_PASSPHRASE),
                field="kata_sandi",
            )
        if self.first.text() != self.second.text():
            raise ValidationError(
                tr("Kedua kata sandi tidak sama; ketik ulang."), field="kata_sandi_ulang"
            )

    def check_and_accept(self) -> None:
        try:
            self.check()
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
