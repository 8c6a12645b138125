"""Accounts of this installation (admins only): list, add, roles and units, password reset,
deactivate. The rules are in :mod:`app.models.access.akun`; the model refuses what a user may not
do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tanggal, tr
from app.models.access import akun
from app.models.access.akses import Hak, Peran, Sesi, allowed, nama_unit
from app.models.access.akun import Akun
from app.models.errors import MeritError, ValidationError
from app.models.organisasi.units import unit_options
from app.models.pegawai.read import find_pegawai_id
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import TaskRunner
from app.ui.widgets.messages import show_error


class AkunForm(QDialog):
    """Add an account (with its first password) or change one's name, employee and roles."""

    def __init__(
        self, db: Database, actor: str, existing: Akun | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formAkun")
        self.db, self.actor, self.existing = db, actor, existing
        self.setWindowTitle(tr("Ubah akun") if existing else tr("Tambah akun"))
        self.setMinimumWidth(520)
        self.user = QLineEdit(existing.nama_pengguna if existing else "")
        self.user.setObjectName("namaPengguna")
        self.user.setEnabled(existing is None)
        self.full_name = QLineEdit(existing.nama_lengkap if existing else "")
        self.full_name.setObjectName("namaLengkap")
        self.nip = QLineEdit(existing.pegawai_nip or "" if existing else "")
        self.nip.setObjectName("nipPegawai")
        self.nip.setPlaceholderText(tr("NIP pegawai yang memakai akun ini (boleh kosong)"))
        self.password = QLineEdit()
        self.password.setObjectName("kataSandi")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(tr("Nama pengguna:"), self.user)
        form.addRow(tr("Nama lengkap:"), self.full_name)
        form.addRow(tr("Pegawai:"), self.nip)
        if existing is None:
            form.addRow(tr("Kata sandi awal:"), self.password)

        roles_box = QGroupBox(tr("Peran"))
        roles_layout = QVBoxLayout(roles_box)
        have = existing.peran if existing else ()
        self.role_checks: dict[Peran, QCheckBox] = {}
        for p in Peran:
            box = QCheckBox(p.label)
            box.setObjectName(f"peran_{p.value}")
            box.setChecked(p in have)
            roles_layout.addWidget(box)
            self.role_checks[p] = box
        self.units = QListWidget()
        self.units.setObjectName("unitOperator")
        self.units.setMaximumHeight(140)
        chosen = {h.unit_id for h in (existing.hak if existing else ()) if h.unit_id}
        for option in unit_options(db.conn, max_depth=1):
            item = QListWidgetItem("    " * option.depth + option.nama, self.units)
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = option.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        roles_layout.addWidget(
            QLabel(tr("Operator hanya untuk unit ini (tanpa centang: seluruh instansi):"))
        )
        roles_layout.addWidget(self.units)
        operator = self.role_checks[Peran.OPERATOR]
        operator.toggled.connect(self.units.setEnabled)
        self.units.setEnabled(operator.isChecked())

        self.message = QLabel()
        self.message.setObjectName("pesanForm")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(roles_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def hak(self) -> list[Hak]:
        units = [
            str(self.units.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.units.count())
            if self.units.item(i).checkState() == Qt.CheckState.Checked
        ]
        out: list[Hak] = []
        for p, box in self.role_checks.items():
            if not box.isChecked():
                continue
            if p is Peran.OPERATOR and units:
                out.extend(Hak(p, u) for u in units)
            else:
                out.append(Hak(p))
        return out

    def save(self) -> None:
        try:
            nip = self.nip.text().strip()
            pegawai_id = find_pegawai_id(self.db.conn, nip) if nip else None
            if self.existing is None:
                akun.create_akun(
                    self.db,
                    self.user.text(),
                    self.full_name.text(),
                    self.password.text(),
                    self.hak(),
                    actor=self.actor,
                    pegawai_id=pegawai_id,
                )
            else:
                akun.update_akun(
                    self.db,
                    self.existing.id,
                    actor=self.actor,
                    nama_lengkap=self.full_name.text(),
                    hak=self.hak(),
                    pegawai_id=pegawai_id,  # an emptied field unlinks the employee
                )
        except ValidationError as exc:
            self.message.setText(str(exc))
            return
        except MeritError as exc:
            show_error(self, exc)
            return
        self.accept()


class AkunPage(Page):
    """The accounts screen. Shown in the sidebar for admins only."""

    rights = (("akun.kelola",),)

    COLUMNS = ("nama_pengguna", "nama_lengkap", "peran", "status", "masuk")

    def __init__(
        self, db: Database, *, actor: str, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanAkun")
        self.actor = actor
        self.accounts: list[Akun] = []
        title = QLabel(f"<h2>{tr('Akun pengguna')}</h2>")
        note = QLabel(
            tr(
                "Akun, kata sandi dan status masuk hanya ada di instalasi ini; tidak ikut "
                "sinkronisasi. Peran menentukan apa yang boleh dilakukan setiap pengguna."
            )
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("tabelAkun")
        self.table.setHorizontalHeaderLabels(
            [
                tr("Nama pengguna"),
                tr("Nama lengkap"),
                tr("Peran"),
                tr("Status"),
                tr("Masuk terakhir"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit())

        self.add_button = QPushButton(tr("Tambah akun…"))
        self.add_button.setObjectName("tombolTambahAkun")
        self.edit_button = QPushButton(tr("Ubah peran…"))
        self.edit_button.setObjectName("tombolUbahAkun")
        self.reset_button = QPushButton(tr("Setel ulang kata sandi…"))
        self.reset_button.setObjectName("tombolSetelSandi")
        self.active_button = QPushButton(tr("Nonaktifkan"))
        self.active_button.setObjectName("tombolAktif")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        may = allowed(actor, "akun.kelola")
        for b in (self.add_button, self.edit_button, self.reset_button, self.active_button):
            b.setVisible(may)
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.reset_button, self.active_button):
            row.addWidget(b)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.dialog: QDialog | None = None
        self.load()

    def load(self) -> None:
        conn = self.db.conn
        self.accounts = akun.list_akun(self.db, actor=self.actor)
        self.table.setRowCount(len(self.accounts))
        for r, a in enumerate(self.accounts):
            units: dict[Peran, list[str]] = {}
            for h in a.hak:
                units.setdefault(h.peran, [])
                if h.unit_id:
                    units[h.peran].append(nama_unit(conn, h.unit_id))
            roles = ", ".join(
                p.label + (f" ({'; '.join(names)})" if names else "") for p, names in units.items()
            )
            values = [
                a.nama_pengguna,
                a.nama_lengkap,
                roles,
                tr("aktif") if a.aktif else tr("nonaktif"),
                tanggal(a.masuk_terakhir[:10]) if a.masuk_terakhir else "-",
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self._selection_changed()

    def selected(self) -> Akun | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def select(self, nama_pengguna: str) -> None:
        for r, a in enumerate(self.accounts):
            if a.nama_pengguna == nama_pengguna:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        current = self.selected()
        for b in (self.edit_button, self.reset_button, self.active_button):
            b.setEnabled(current is not None)
        if current is not None:
            self.active_button.setText(tr("Nonaktifkan") if current.aktif else tr("Aktifkan"))
            own = isinstance(self.actor, Sesi) and current.id == self.actor.akun_id
            self.active_button.setEnabled(not own)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._dialog_done)
        dialog.open()

    def _dialog_done(self, result: int) -> None:
        self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.load()

    def add(self) -> None:
        self._open(AkunForm(self.db, self.actor, parent=self))

    def edit(self) -> None:
        current = self.selected()
        if current is not None:
            self._open(AkunForm(self.db, self.actor, current, parent=self))

    def reset_password(self) -> None:
        current = self.selected()
        if current is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("dialogSetelSandi")
        dialog.setWindowTitle(tr("Setel ulang kata sandi"))
        dialog.setLabelText(
            tr(
                "Kata sandi baru untuk {u} (paling sedikit {n} karakter). Sampaikan kepada "
                "pemiliknya; ia dapat menggantinya sendiri.",
                u=current.nama_pengguna,
                n=akun.PANJANG_MINIMAL,
            )
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText(tr("Simpan"))
        dialog.setCancelButtonText(tr("Batal"))

        def done(result: int) -> None:
            self.dialog = None
            if result != QDialog.DialogCode.Accepted:
                return
            try:
                akun.setel_ulang_sandi(self.db, current.id, dialog.textValue(), actor=self.actor)
            except MeritError as exc:
                show_error(self, exc)
                return
            self.load()

        self.dialog = dialog
        dialog.finished.connect(done)
        dialog.open()

    def toggle_active(self) -> None:
        current = self.selected()
        if current is None:
            return
        try:
            akun.update_akun(self.db, current.id, aktif=not current.aktif, actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.load()
        self.select(current.nama_pengguna)
