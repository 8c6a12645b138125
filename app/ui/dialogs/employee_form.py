"""The employee form (create and edit) and the "leave service" dialog.

Validation as you type: every change runs the model's rules
(:func:`app.models.pegawai.checks.check_employee`) and shows each problem under its field (red
for an error, amber for a warning). A field shows its problems once it has been touched (or,
when editing, straight away); Simpan shows them all and refuses with a message naming the field.
The screen holds no rule of its own.

Dates are typed in a line edit as ``dd-mm-yyyy`` (also ``26091986``, ``26/09/1986``,
``1986-09-26`` or ``26 September 1986``), with the date read back in words beside it. A clerk
copies dates from an SK or an ID card: eight digits typed without looking up is faster than the
sections and arrows of a QDateEdit, and a line edit can be empty (TMT PNS, tanggal SK), which a
QDateEdit cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tanggal, tr
from app.models.errors import MeritError, ValidationError
from app.models.organisasi.units import unit_options
from app.models.pegawai import checks
from app.models.pegawai import fields as pegawai_fields
from app.models.pegawai import write as registri
from app.models.reference.loader import Referensi
from app.models.rules import pegawai as aturan
from app.models.storage.db import Database
from app.ui.widgets.messages import show_error
from app.ui.widgets.units import UnitTreeCombo

CHECK_DELAY_MS = 150
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
BAD_BORDER = "border: 1px solid #b3261e;"


class DateLineEdit(QLineEdit):
    """A date typed as text; ``hint`` shows how it was read (``26 September 1986``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("hh-bb-tttt"))
        self.setMaxLength(30)
        self.hint = QLabel()
        self.hint.setObjectName("bacaanTanggal")
        self.hint.setStyleSheet("color: palette(mid);")
        self.textChanged.connect(self._read_back)

    def _read_back(self, text: str) -> None:
        if not text.strip():
            self.hint.setText("")
            return
        try:
            self.hint.setText(tanggal(aturan.parse_tanggal(text)))
        except ValueError:
            self.hint.setText("")

    def set_iso(self, value: str | None) -> None:
        if value:
            d = date.fromisoformat(value)
            self.setText(f"{d.day:02d}-{d.month:02d}-{d.year:04d}")
        else:
            self.clear()


def combo_with(options: Iterable[tuple[str, str]], *, empty: str = "—") -> QComboBox:
    """A combo box with an empty first choice (data None) and (code, label) options."""
    combo = QComboBox()
    combo.addItem(empty, None)
    for kode, label in options:
        combo.addItem(label, kode)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    return combo


def set_combo(combo: QComboBox, value: object) -> None:
    if value in (None, ""):
        combo.setCurrentIndex(0)
        return
    index = combo.findData(value)
    if index < 0:  # a stored value outside today's choices stays visible and selectable
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class FieldRow(QWidget):
    """An input with its problem shown underneath."""

    def __init__(self, name: str, editor: QWidget, extra: QWidget | None = None) -> None:
        super().__init__()
        self.name = name
        self.editor = editor
        self.message = QLabel()
        self.message.setObjectName(f"pesan_{name}")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        narrow = editor.maximumWidth() < 1000
        line.addWidget(editor, 0 if narrow else 1)
        if extra is not None:
            line.addWidget(extra)
        if narrow:
            line.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addLayout(line)
        box.addWidget(self.message)

    def show_issues(self, issues: list[aturan.FieldIssue]) -> None:
        if not issues:
            self.message.setVisible(False)
            self.message.clear()
            self.editor.setStyleSheet("")
            self.editor.setToolTip("")
            return
        has_error = any(not i.warning for i in issues)
        text = "\n".join(i.reason or i.message for i in issues)
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if has_error else WARNING_STYLE)
        self.message.setVisible(True)
        self.editor.setToolTip(text)
        self.editor.setStyleSheet(BAD_BORDER if has_error else "")


def editor_value(editor: QWidget) -> str | None:
    if isinstance(editor, QComboBox):
        data = editor.currentData()
        return None if data is None else str(data)
    if isinstance(editor, QLineEdit):
        return editor.text()
    raise TypeError(type(editor))


def connect_changed(editor: QWidget, slot: Callable[..., None]) -> None:
    """Connect the "user changed it" signal of an input to a bound method. (No lambda that
    holds the dialog: with WA_DeleteOnClose such closures crash PySide at teardown.)"""
    if isinstance(editor, QComboBox):
        editor.currentIndexChanged.connect(slot)
    elif isinstance(editor, QLineEdit):
        editor.textEdited.connect(slot)


class ValidatingForm(QDialog):
    """Shared behaviour: rows by field name, touched fields, delayed checking, Simpan."""

    saved = Signal(str)  # id of the record written

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        self.touched: set[str] = set()
        self.show_all = False
        self._discard_confirmed = False
        self._shown_values: dict[str, str | None] | None = None
        self._discard_button: QAbstractButton | None = None
        self.discard_box: QMessageBox | None = None
        self.issues: list[aturan.FieldIssue] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.refresh_issues)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(tr("Simpan"))
        self.save_button.setObjectName("tombolSimpan")
        self.save_button.setDefault(True)
        cancel = QPushButton(tr("Batal"))
        cancel.setObjectName("tombolBatal")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.try_save)
        cancel.clicked.connect(self.reject)

    def reject(self) -> None:
        """Esc, Batal or closing the window: a form with typed changes asks before they are
        thrown away ("Buang" or back to the form); an untouched form closes at once."""
        if not self.modified() or self._discard_confirmed:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Buang isian?"),
            tr("Isian yang sudah diketik belum disimpan. Tutup dan buang isian ini?"),
            parent=self,
        )
        box.setObjectName("tanyaBuangIsian")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._discard_button = box.addButton(tr("Buang isian"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(tr("Kembali ke isian"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.buttonClicked.connect(self._discard_answered)
        self.discard_box = box
        box.open()

    def _typed(self) -> dict[str, str | None]:
        return {name: editor_value(row.editor) for name, row in self.rows.items()}

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_values is None:  # what the form held when it opened (loaded or empty)
            self._shown_values = self._typed()
        super().showEvent(event)

    def modified(self) -> bool:
        """Whether anything differs from what the form held when it opened."""
        return self._shown_values is not None and self._typed() != self._shown_values

    def _discard_answered(self, button: QAbstractButton) -> None:
        if button is self._discard_button:
            self._discard_confirmed = True
            self.reject()

    def add_row(self, name: str, editor: QWidget, extra: QWidget | None = None) -> FieldRow:
        editor.setObjectName(f"isian_{name}")
        row = FieldRow(name, editor, extra)
        self.rows[name] = row
        editor.setProperty("field", name)
        connect_changed(editor, self._editor_changed)
        return row

    def _editor_changed(self, *_args: object) -> None:
        sender = self.sender()
        if sender is not None:
            self._edited(str(sender.property("field")))

    def _edited(self, name: str) -> None:
        self.touched.add(name)
        self.field_edited(name)
        self._timer.start()

    def field_edited(self, name: str) -> None:
        """Hook for dependent fields (prefill from the NIP, predikat from the ratings)."""

    def values(self) -> dict[str, str | None]:
        return {name: editor_value(row.editor) for name, row in self.rows.items()}

    def compute_issues(self) -> list[aturan.FieldIssue]:
        raise NotImplementedError

    def changed_fields(self) -> list[str] | None:
        """None for a new record (every error blocks), else the changed field names."""
        return None

    def refresh_issues(self) -> None:
        self._timer.stop()
        self.issues = self.compute_issues()
        by_field: dict[str, list[aturan.FieldIssue]] = {}
        for issue in self.issues:
            if issue.field not in self.rows:
                continue
            if self.show_all or issue.field in self.touched or self.touched & set(issue.related):
                by_field.setdefault(issue.field, []).append(issue)
        for name, row in self.rows.items():
            row.show_issues(by_field.get(name, []))
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Messages under the fields take room: grow the window so that nothing overlaps."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def check(self) -> None:
        """Raise ValidationError naming the field when the record cannot be saved."""
        self.show_all = True
        self.refresh_issues()
        bad = aturan.blocking(self.issues, self.changed_fields())
        if bad:
            row = self.rows.get(bad[0].field)
            if row is not None:
                row.editor.setFocus()
            aturan.raise_for(bad)

    def save(self) -> str | None:
        raise NotImplementedError

    def try_save(self) -> None:
        try:
            self.check()
            saved_id = self.save()
        except MeritError as exc:
            self.error_box = show_error(self, exc)
            return
        if saved_id is not None:
            self.saved.emit(saved_id)
        self.accept()


class EmployeeFormDialog(ValidatingForm):
    """Create an employee (``pegawai_id`` None) or edit the main data of one."""

    def __init__(
        self,
        db: Database,
        pegawai_id: str | None = None,
        *,
        actor: str = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formPegawai")
        self.db = db
        self.pegawai_id = pegawai_id
        self.actor = actor
        self.today = today
        self.ref = Referensi.load(db.conn)
        self.loaded: dict[str, str | None] = {}
        self.setWindowTitle(tr("Tambah pegawai") if pegawai_id is None else tr("Ubah data pokok"))
        labels = pegawai_fields.employee_labels()
        options = pegawai_fields.employee_options(self.ref)

        def line(name: str, width: int = 0, placeholder: str = "") -> FieldRow:
            edit = QLineEdit()
            edit.setMaxLength(500 if name == "alamat" else 200)
            if width:
                edit.setMinimumWidth(width)
            if placeholder:
                edit.setPlaceholderText(placeholder)
            return self.add_row(name, edit)

        def date_row(name: str) -> FieldRow:
            edit = DateLineEdit()
            edit.setMaximumWidth(140)
            return self.add_row(name, edit, edit.hint)

        def combo(name: str) -> FieldRow:
            box = combo_with(options[name], empty=tr("— pilih —"))
            return self.add_row(name, box)

        rows_left = [
            line("nip", 200, tr("18 angka")),
            line("nama", 260, tr("tanpa gelar")),
            line("gelar_depan", 0, tr("mis. Dr., Ir.")),
            line("gelar_belakang", 0, tr("mis. S.Kom., M.Si.")),
            line("tempat_lahir"),
            date_row("tanggal_lahir"),
            combo("jenis_kelamin"),
            combo("agama"),
        ]
        rows_right = [
            combo("status"),
            date_row("tmt_cpns"),
            date_row("tmt_pns"),
            line("nik", 200, tr("16 angka (boleh kosong)")),
            line("nip_lama", 0, tr("9 angka (boleh kosong)")),
            line("alamat"),
            line("telepon"),
            line("email"),
        ]
        # Two independent columns: a long message under a field on one side does not push
        # the rows of the other side apart.
        columns = QHBoxLayout()
        columns.setSpacing(18)
        for rows in (rows_left, rows_right):
            grid = QGridLayout()
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(6)
            for i, row in enumerate(rows):
                label = QLabel(labels[row.name] + ":")
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                label.setContentsMargins(0, 4, 0, 0)
                label.setBuddy(row.editor)
                grid.addWidget(label, i, 0)
                grid.addWidget(row, i, 1, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(1, 1)
            grid.setRowStretch(len(rows), 1)
            columns.addLayout(grid, 1)

        first = QHBoxLayout()  # the first history rows of a new employee
        if pegawai_id is None:
            first = self._first_history_rows(labels)

        intro = QLabel(
            tr(
                "Ketik NIP lebih dulu: tanggal lahir, jenis kelamin dan TMT CPNS diisi dari "
                "NIP. Tanggal ditulis hh-bb-tttt."
            )
            if pegawai_id is None
            else tr("Masalah data ditampilkan di bawah isiannya.")
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addLayout(first)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(900, 400 if pegawai_id is not None else 500)
        if pegawai_id is not None:
            self.load()

    def _first_history_rows(self, labels: dict[str, str]) -> QHBoxLayout:
        """Golongan (+TMT), jabatan (+jenis, TMT) and unit of a new employee: written as the
        first pangkat and jabatan history rows, in the same write as the employee."""
        del labels
        conn = self.db.conn
        pangkat = pegawai_fields.history_kind("pangkat")
        jabatan = pegawai_fields.history_kind("jabatan")

        def combo(kind: str, name: str) -> FieldRow:
            options = pegawai_fields.field_options(conn, self.ref, kind, name)
            return self.add_row(f"{kind}.{name}", combo_with(options, empty=tr("— pilih —")))

        def date_row(kind: str, name: str) -> FieldRow:
            edit = DateLineEdit()
            edit.setMaximumWidth(140)
            return self.add_row(f"{kind}.{name}", edit, edit.hint)

        nama = QLineEdit()
        nama.setMaxLength(300)
        nama.setPlaceholderText(tr("mis. Analis Kepegawaian Ahli Pertama"))
        unit = UnitTreeCombo()
        unit.addItem(tr("— pilih unit —"), None)
        for option in unit_options(conn, max_depth=99):
            unit.addItem(("    " * option.depth) + option.nama, option.id)
        unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        unit.setMinimumContentsLength(30)
        left = [
            (pangkat.field("golongan_kode").label, combo("pangkat", "golongan_kode")),
            (pangkat.field("tmt").label, date_row("pangkat", "tmt")),
            (jabatan.field("unit_id").label, self.add_row("jabatan.unit_id", unit)),
        ]
        right = [
            (jabatan.field("nama_jabatan").label, self.add_row("jabatan.nama_jabatan", nama)),
            (jabatan.field("jenis_kode").label, combo("jabatan", "jenis_kode")),
            (jabatan.field("tmt").label, date_row("jabatan", "tmt")),
        ]
        box = QGroupBox(tr("Golongan, jabatan dan unit kerja (riwayat pertama)"))
        box.setObjectName("riwayatAwal")
        columns = QHBoxLayout(box)
        columns.setSpacing(18)
        for rows in (left, right):
            grid = QGridLayout()
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(6)
            for i, (text, row) in enumerate(rows):
                label = QLabel(text + ":")
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                label.setContentsMargins(0, 4, 0, 0)
                label.setBuddy(row.editor)
                grid.addWidget(label, i, 0)
                grid.addWidget(row, i, 1, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(1, 1)
            columns.addLayout(grid, 1)
        outer = QHBoxLayout()
        outer.addWidget(box)
        return outer

    def values(self) -> dict[str, str | None]:
        """The employee's own fields (the first history rows are :meth:`first_history`)."""
        return {k: v for k, v in super().values().items() if "." not in k}

    def first_history(self) -> dict[str, dict[str, object]]:
        """The first pangkat and jabatan rows typed (a kind left empty is not written)."""
        out: dict[str, dict[str, object]] = {}
        for name, value in super().values().items():
            kind, dot, field = name.partition(".")
            if dot and value not in (None, ""):
                out.setdefault(kind, {})[field] = value
        return out

    # -- the form contract: load / check / save ------------------------------------------------

    def load(self) -> None:
        assert self.pegawai_id is not None
        self.loaded = registri.employee_form_data(self.db.conn, self.pegawai_id)
        for name, row in self.rows.items():
            value = self.loaded.get(name)
            editor = row.editor
            if isinstance(editor, DateLineEdit):
                editor.set_iso(value)
            elif isinstance(editor, QComboBox):
                set_combo(editor, value)
            elif isinstance(editor, QLineEdit):
                editor.setText(value or "")
        self.show_all = True
        self.refresh_issues()

    def compute_issues(self) -> list[aturan.FieldIssue]:
        return checks.check_employee(
            self.db.conn, self.values(), pegawai_id=self.pegawai_id, ref=self.ref, today=self.today
        )

    def changes(self) -> dict[str, str | None]:
        """The fields whose cleaned value differs from the loaded record."""
        if self.pegawai_id is None:
            return self.values()
        new, _ = checks.normalise_employee(self.values(), self.ref)
        return {k: self.values()[k] for k in self.rows if new.get(k) != self.loaded.get(k)}

    def changed_fields(self) -> list[str] | None:
        return None if self.pegawai_id is None else list(self.changes())

    def save(self) -> str | None:
        if self.pegawai_id is None:
            return registri.create_employee(
                self.db,
                self.values(),
                actor=self.actor,
                today=self.today,
                first_history=self.first_history(),
            )
        changes = self.changes()
        if changes:
            registri.update_employee(
                self.db, self.pegawai_id, changes, actor=self.actor, today=self.today
            )
        return self.pegawai_id

    # -- helpers -------------------------------------------------------------------------------

    def field_edited(self, name: str) -> None:
        if name != "nip" or self.pegawai_id is not None:
            return
        nip = editor_value(self.rows["nip"].editor) or ""
        for field, value in aturan.nip_defaults(nip, today=self.today).items():
            editor = self.rows[field].editor
            if field in self.touched or editor_value(editor):
                continue
            if isinstance(editor, DateLineEdit):
                editor.set_iso(value)
            elif isinstance(editor, QComboBox):
                set_combo(editor, value)


class LeaveServiceDialog(QDialog):
    """Keluar dari dinas: kedudukan (from ``ref_kedudukan``), TMT and a note for the audit."""

    def __init__(
        self,
        db: Database,
        pegawai_id: str,
        nama: str,
        *,
        actor: str = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialogKeluarDinas")
        self.db = db
        self.pegawai_id = pegawai_id
        self.actor = actor
        self.today = today
        self.setWindowTitle(tr("Keluar dari dinas: {nama}", nama=nama))
        ref = Referensi.load(db.conn)
        intro = QLabel(
            tr(
                "Kedudukan {nama} diubah mulai tanggal TMT. Data dan riwayatnya tetap "
                "tersimpan; ini bukan penghapusan.",
                nama=nama,
            )
        )
        intro.setWordWrap(True)
        self.kedudukan = combo_with(pegawai_fields.kedudukan_options(ref), empty=tr("— pilih —"))
        self.kedudukan.setObjectName("isian_kedudukan")
        self.tmt = DateLineEdit()
        self.tmt.setObjectName("isian_tmt")
        self.keterangan = QLineEdit()
        self.keterangan.setObjectName("isian_keterangan")
        self.keterangan.setPlaceholderText(tr("mis. nomor SK"))
        tmt_line = QHBoxLayout()
        tmt_line.addWidget(self.tmt)
        tmt_line.addWidget(self.tmt.hint, 1)
        form = QFormLayout()
        form.addRow(tr("Kedudukan baru:"), self.kedudukan)
        form.addRow(tr("TMT:"), tmt_line)
        form.addRow(tr("Keterangan:"), self.keterangan)
        buttons = QDialogButtonBox()
        self.ok = QPushButton(tr("Simpan"))
        self.ok.setObjectName("tombolSimpan")
        cancel = QPushButton(tr("Batal"))
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.try_save)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def try_save(self) -> None:
        try:
            if self.kedudukan.currentData() is None:
                raise ValidationError(tr("Kedudukan baru: wajib dipilih."), field="kedudukan")
            registri.leave_service(
                self.db,
                self.pegawai_id,
                str(self.kedudukan.currentData()),
                self.tmt.text(),
                actor=self.actor,
                keterangan=self.keterangan.text().strip() or None,
                today=self.today,
            )
        except MeritError as exc:
            self.error_box = show_error(self, exc)
            return
        self.accept()
