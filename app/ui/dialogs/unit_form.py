"""The unit form (create, edit, move under another parent), and the small form base that the
position form shares: validation as you type with the message under the field, and a save that
refuses while a field is wrong and otherwise runs off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.models.errors import MeritError
from app.models.organisasi import fields as org_fields
from app.models.organisasi import units
from app.models.reference.loader import Referensi
from app.models.storage.db import Database
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.messages import show_error

ERROR_STYLE = "color: #b3261e;"


class FormDialog(QDialog):
    """Fields with a message under each; ``issues()`` comes from the model layer."""

    saved = Signal(str)  # id of the record written

    def __init__(
        self, db: Database, runner: TaskRunner, *, actor: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.actor = actor
        self.ref = Referensi.load(db.conn)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._busy = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status = QLabel()
        self.status.setObjectName("statusForm")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.save_button = QPushButton(tr("Simpan"))
        self.save_button.setObjectName("tombolSimpan")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Batal"))
        self.cancel_button.setObjectName("tombolBatal")
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog grows when messages appear under the fields instead of squeezing them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    # -- fields --------------------------------------------------------------------------------

    def add_field(self, name: str, title: str, widget: QWidget) -> None:
        widget.setObjectName(f"isian_{name}")
        error = QLabel()
        error.setObjectName(f"pesan_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setVisible(False)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(title, box)
        self.fields[name] = widget
        self.errors[name] = error
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _t, n=name: self._changed(n))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, n=name: self._changed(n))

    @staticmethod
    def fill_combo(
        combo: QComboBox, options: list[tuple[Any, str]], *, empty: str | None = None
    ) -> None:
        """Refill a picker, keeping the chosen value when it is still offered."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if empty is not None:
            combo.addItem(empty, None)
        for value, text in options:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    @staticmethod
    def select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self.on_field_changed(name)
        self.revalidate()

    def on_field_changed(self, name: str) -> None:
        """Hook: a field changed (e.g. refill a dependent picker)."""

    # -- contract: issues() and work() ---------------------------------------------------------

    def issues(self) -> list[org_fields.Issue]:
        raise NotImplementedError

    def work(self) -> Callable[[Database, Progress], str]:
        raise NotImplementedError

    def revalidate(self) -> list[org_fields.Issue]:
        """Show each field's first problem under it (fields not yet touched stay quiet until
        the first save attempt)."""
        issues = self.issues()
        first: dict[str, str] = {}
        for issue in issues:
            first.setdefault(issue.field, issue.message)
        for name, label in self.errors.items():
            message = first.get(name)
            shown = message is not None and (self._show_all or name in self._touched)
            label.setText(message or "")
            label.setVisible(shown)
        unplaced = [i for i in issues if i.field not in self.errors]
        if self._show_all and unplaced:
            self.status.setText(unplaced[0].message)
        elif not issues:
            self.status.setText("")
        return issues

    def save(self) -> None:
        if self._busy:
            return
        self._show_all = True
        issues = self.revalidate()
        if issues:
            self.status.setText(tr("Belum dapat disimpan. {message}", message=issues[0].message))
            widget = self.fields.get(issues[0].field)
            if widget is not None:
                widget.setFocus()
            return
        self._set_busy(True)
        self.status.setText(tr("Menyimpan…"))
        self.runner.run(self.work(), on_done=self._done, on_error=self._failed, bulk=True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _done(self, record_id: object) -> None:
        self._set_busy(False)
        self.status.setText("")
        self.saved.emit(str(record_id or ""))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(str(exc) if isinstance(exc, MeritError) else "")
        show_error(self, exc)

    def reject(self) -> None:
        if not self._busy:  # a save in progress finishes first
            super().reject()


class UnitFormDialog(FormDialog):
    """Create a unit (under ``induk_id``) or edit one (``unit_id``), including its parent."""

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        *,
        unit_id: str | None = None,
        induk_id: str | None = None,
        actor: str = "sistem",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner, actor=actor, parent=parent)
        self.setObjectName("dialogUnit")
        self.unit_id = unit_id
        self.setWindowTitle(tr("Ubah unit organisasi") if unit_id else tr("Tambah unit organisasi"))

        self.nama = QLineEdit()
        self.nama.setMaxLength(org_fields.MAX_NAMA)
        self.singkatan = QLineEdit()
        self.kode = QLineEdit()
        self.jenis = QComboBox()
        self.fill_combo(self.jenis, units.unit_jenis_options())
        self.induk = QComboBox()
        self.induk.setMaxVisibleItems(20)
        options: list[tuple[Any, str]] = [
            (n.id, "    " * n.depth + n.nama) for n in units.unit_tree(db.conn)
        ]
        self.fill_combo(self.induk, options, empty=tr("(tingkat teratas: perangkat daerah)"))
        self.eselon = QComboBox()
        self.fill_combo(
            self.eselon,
            [(k, str(r["nama"])) for k, r in self.ref.table("ref_eselon").items()],
            empty=tr("—"),
        )
        self.urutan = QLineEdit()
        self.urutan.setPlaceholderText(tr("kosong: di akhir"))
        self.alamat = QLineEdit()

        self.add_field("nama", tr("Nama unit:"), self.nama)
        self.add_field("singkatan", tr("Singkatan:"), self.singkatan)
        self.add_field("kode", tr("Kode:"), self.kode)
        self.add_field("jenis", tr("Jenis unit:"), self.jenis)
        self.add_field("induk_id", tr("Unit induk:"), self.induk)
        self.add_field("eselon_kode", tr("Eselon kepala unit:"), self.eselon)
        self.add_field("urutan", tr("Urutan:"), self.urutan)
        self.add_field("alamat", tr("Alamat:"), self.alamat)
        self.load(induk_id)

    def load(self, induk_id: str | None) -> None:
        """Fill the widgets from the stored unit, or defaults for a new one."""
        if self.unit_id is None:
            self.select(self.induk, induk_id)
            self.select(self.jenis, "OPD" if induk_id is None else "BIDANG")
        else:
            unit = units.get_unit(self.db.conn, self.unit_id)
            self.nama.setText(unit.nama)
            self.singkatan.setText(unit.singkatan or "")
            self.kode.setText(unit.kode or "")
            self.select(self.jenis, unit.jenis)
            self.select(self.induk, unit.induk_id)
            self.select(self.eselon, unit.eselon_kode)
            self.urutan.setText(str(unit.urutan))
            self.alamat.setText(unit.alamat or "")
        self._touched.clear()
        self.revalidate()

    def data(self) -> units.UnitData:
        return units.UnitData(
            nama=self.nama.text(),
            jenis=self.jenis.currentData() or "",
            induk_id=self.induk.currentData(),
            kode=self.kode.text(),
            singkatan=self.singkatan.text(),
            eselon_kode=self.eselon.currentData(),
            urutan=self.urutan.text() or None,
            alamat=self.alamat.text(),
        )

    def issues(self) -> list[org_fields.Issue]:
        return units.unit_issues(self.db.conn, self.data(), unit_id=self.unit_id, ref=self.ref)

    def work(self) -> Callable[[Database, Progress], str]:
        data, unit_id, actor = self.data(), self.unit_id, self.actor

        def run(db: Database, _progress: Progress) -> str:
            if unit_id is None:
                return units.create_unit(db, data, actor=actor)
            units.update_unit(db, unit_id, data, actor=actor)
            return unit_id

        return run
