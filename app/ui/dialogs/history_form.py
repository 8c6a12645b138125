"""The form of one history row (pangkat, jabatan, pendidikan, diklat, hukuman disiplin, SKP,
KGB), built from the field descriptions of :func:`app.models.pegawai.fields.history_kind`.

Validation as you type with the model's rules (:func:`app.models.pegawai.checks.check_history`):
golongan sequence, TMT order, one SKP per year, and so on. Choices come from the reference tables.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.i18n import tr
from app.models.pegawai import checks
from app.models.pegawai import fields as pegawai_fields
from app.models.pegawai import history as riwayat
from app.models.pegawai import write as registri
from app.models.reference.loader import Referensi
from app.models.rules import pegawai as aturan
from app.models.storage.db import Database
from app.ui.dialogs.employee_form import (
    DateLineEdit,
    ValidatingForm,
    combo_with,
    editor_value,
    set_combo,
)


class HistoryFormDialog(ValidatingForm):
    """Add (``row_id`` None) or change one history row of an employee."""

    def __init__(
        self,
        db: Database,
        pegawai_id: str,
        kind: str,
        row_id: str | None = None,
        *,
        actor: str = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = pegawai_fields.history_kind(kind)
        self.setObjectName(f"formRiwayat_{self.spec.name}")
        self.db = db
        self.pegawai_id = pegawai_id
        self.row_id = row_id
        self.actor = actor
        self.today = today
        self.ref = Referensi.load(db.conn)
        self.loaded: dict[str, object] = {}
        jenis_asn = registri.employee_form_data(db.conn, pegawai_id)["status"]
        jenis_asn = aturan.jenis_asn_of(jenis_asn, self.ref)
        title = self.spec.title.lower()
        self.setWindowTitle(
            tr("Tambah riwayat {judul}", judul=title)
            if row_id is None
            else tr("Ubah riwayat {judul}", judul=title)
        )
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for f in self.spec.fields:
            if f.kind in ("ref", "choice", "unit"):
                options = pegawai_fields.field_options(
                    db.conn, self.ref, self.spec.name, f.name, jenis_asn=jenis_asn
                )
                editor: QWidget = combo_with(options, empty=tr("— pilih —"))
                if f.kind == "unit":
                    editor.setMinimumContentsLength(40)  # type: ignore[attr-defined]
                row = self.add_row(f.name, editor)
            elif f.kind == "date":
                edit = DateLineEdit()
                edit.setMaximumWidth(140)
                row = self.add_row(f.name, edit, edit.hint)
            else:
                line = QLineEdit()
                line.setMaxLength(300)
                if f.kind == "int":
                    line.setMaximumWidth(140)
                row = self.add_row(f.name, line)
            label = QLabel(f.label + (" *" if f.required else "") + ":")
            label.setBuddy(row.editor)
            form.addRow(label, row)
        note = QLabel(tr("* wajib diisi. Tanggal ditulis hh-bb-tttt."))
        note.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        if row_id is not None:
            self.load()

    def load(self) -> None:
        assert self.row_id is not None
        self.loaded = riwayat.history_row(self.db.conn, self.spec.name, self.row_id)
        for name, row in self.rows.items():
            value = self.loaded.get(name)
            editor = row.editor
            if isinstance(editor, DateLineEdit):
                editor.set_iso(str(value) if value else None)
            elif isinstance(editor, QComboBox):
                set_combo(editor, value)
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
        self.show_all = True
        self.refresh_issues()

    def compute_issues(self) -> list[aturan.FieldIssue]:
        return checks.check_history(
            self.db.conn,
            self.pegawai_id,
            self.spec.name,
            self.values(),
            row_id=self.row_id,
            ref=self.ref,
            today=self.today,
        )

    def changes(self) -> dict[str, str | None]:
        values = self.values()
        if self.row_id is None:
            return values
        out = {}
        for name, value in values.items():
            stored = self.loaded.get(name)
            stored_text = "" if stored is None else str(stored)
            if isinstance(self.rows[name].editor, DateLineEdit):
                try:
                    value_iso = aturan.parse_tanggal(value).isoformat() if value else ""
                except ValueError:
                    value_iso = value or ""
                if value_iso != stored_text:
                    out[name] = value
            elif (value or "").strip() != stored_text:
                out[name] = value
        return out

    def changed_fields(self) -> list[str] | None:
        return None if self.row_id is None else list(self.changes())

    def save(self) -> str | None:
        if self.row_id is None:
            return riwayat.add_history(
                self.db,
                self.pegawai_id,
                self.spec.name,
                self.values(),
                actor=self.actor,
                today=self.today,
            )
        changes = self.changes()
        if changes:
            riwayat.update_history(
                self.db, self.spec.name, self.row_id, changes, actor=self.actor, today=self.today
            )
        return self.row_id

    def field_edited(self, name: str) -> None:
        # SKP: the predikat follows from the two ratings (matrix of ref_matriks_predikat).
        if self.spec.name != "skp" or name not in ("rating_hasil", "rating_perilaku"):
            return
        hasil = editor_value(self.rows["rating_hasil"].editor)
        perilaku = editor_value(self.rows["rating_perilaku"].editor)
        if hasil and perilaku:
            derived = aturan.predikat_from_ratings(self.ref, hasil, perilaku)
            combo = self.rows["predikat_kode"].editor
            if derived and isinstance(combo, QComboBox):
                set_combo(combo, derived)
