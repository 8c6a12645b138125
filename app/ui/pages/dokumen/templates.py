"""Dokumen SK, tab Templat: edit a template (its form, texts, signatories) with the problems shown
as you type; save it through the write path. A signatory left empty is the agency's (page
Instansi) for the role its jabatan names."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.models.dokumen import isian, penandatangan, templat
from app.models.errors import MeritError
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from app.ui.widgets.messages import show_error

MERAH = "color: #b00020;"  # problems
HIJAU = "color: #1b5e20;"  # done


class TemplateTab(QWidget):
    """The template editor. ``saved`` follows a template saved (the page reads them again)."""

    saved = Signal()

    def __init__(self, db: Database, actor: str) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.templates: dict[str, templat.Templat] = {}
        self._loading = False
        self.edit_combo = QComboBox()
        self.edit_combo.currentIndexChanged.connect(self.load_template_form)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        single = ("nama", "judul", "pejabat", "tentang", "format_nomor", "alamat_penerima")
        lists = ("menimbang", "mengingat", "memperhatikan", "diktum", "tembusan")
        signer = ("ttd_jabatan", "ttd_nama", "ttd_pangkat", "ttd_nip", "ttd_atas_nama",
                  "sah_jabatan", "sah_nama", "sah_pangkat", "sah_nip")  # fmt: skip
        form = QFormLayout()
        form.addRow(tr("Templat"), self.edit_combo)
        self.bentuk_combo = QComboBox()
        self.bentuk_combo.setObjectName("bentukTemplat")
        for kode, label in (
            ("PERORANGAN", tr("Keputusan, satu per orang")),
            ("KOLEKTIF", tr("Keputusan bersama dengan lampiran")),
            ("SURAT", tr("Surat dinas, satu per orang")),
            ("TUGAS", tr("Surat tugas atau daftar, satu untuk semua orang")),
        ):
            if kode in templat.BENTUK:
                self.bentuk_combo.addItem(label, kode)
        self.bentuk_combo.currentIndexChanged.connect(self.check_template_form)
        form.addRow(tr("Bentuk"), self.bentuk_combo)
        for name in single:
            edit = QLineEdit()
            self.fields[name] = edit
            form.addRow(tr(templat.JUDUL_FIELD[name]), edit)
        sig_box = QGroupBox(tr("Penandatangan dan pengesah"))
        sig_form = QFormLayout(sig_box)
        sig_note = QLabel(
            tr(
                "Nama kosong: memakai penandatangan yang diatur di halaman Instansi "
                "menurut jabatannya."
            )
        )
        sig_note.setWordWrap(True)
        sig_note.setStyleSheet("color: palette(mid);")
        sig_form.addRow(sig_note)
        self.ttd_varian = QComboBox()
        for v in templat.VARIAN:
            self.ttd_varian.addItem(v or tr("(langsung)"), v)
        sig_form.addRow(tr("Varian"), self.ttd_varian)
        for name in signer:
            edit = QLineEdit()
            self.fields[name] = edit
            sig_form.addRow(tr(templat.JUDUL_FIELD[name]), edit)
        texts = QGridLayout()
        hints = {
            "menimbang": tr("satu butir per baris"),
            "mengingat": tr("satu butir per baris"),
            "memperhatikan": tr("satu butir per baris"),
            "tembusan": tr("satu butir per baris"),
            "diktum": tr("baris kosong antar diktum; '- Label: isi' untuk rincian"),
        }
        for i, name in enumerate(lists):
            area = QPlainTextEdit()
            area.setObjectName(f"templat_{name}")
            self.fields[name] = area
            box = QVBoxLayout()
            box.addWidget(QLabel(f"{tr(templat.JUDUL_FIELD[name])} ({hints[name]})"))
            box.addWidget(area)
            texts.addLayout(box, i // 2, i % 2)
        for widget in self.fields.values():
            widget.textChanged.connect(self.check_template_form)
        self.templat_pesan = QLabel()
        self.templat_pesan.setObjectName("pesanTemplat")
        self.templat_pesan.setWordWrap(True)
        self.templat_pesan.setStyleSheet(MERAH)
        self.isian_label = QLabel(
            tr("Isian yang dikenal: ") + ", ".join("{" + k + "}" for k in isian.PLACEHOLDER)
        )
        self.isian_label.setWordWrap(True)
        self.simpan_templat_button = QPushButton(tr("Simpan templat"))
        self.simpan_templat_button.clicked.connect(self.save_template)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(sig_box, 1)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(top)
        layout.addLayout(texts, 1)
        layout.addWidget(self.isian_label)
        layout.addWidget(self.templat_pesan)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.simpan_templat_button)
        layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def load_template_form(self) -> None:
        t = self.templates.get(self.edit_combo.currentData() or "")
        if t is None:
            return
        self._loading = True
        for name, edit in self.fields.items():
            if name == "diktum":
                value = templat.diktum_to_text(t.diktum)
            elif name in ("menimbang", "mengingat", "memperhatikan", "tembusan"):
                value = "\n".join(getattr(t, name))
            else:
                value = str(getattr(t, name))
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            else:
                edit.setText(value)
        self._show_agency_signatories(t)
        self.ttd_varian.setCurrentIndex(max(0, self.ttd_varian.findData(t.ttd_varian)))
        self.bentuk_combo.setCurrentIndex(max(0, self.bentuk_combo.findData(t.bentuk)))
        self._loading = False
        self.check_template_form()

    def _show_agency_signatories(self, t: templat.Templat) -> None:
        """An empty signatory field shows, greyed, what the agency's settings will print."""
        try:
            filled = penandatangan.apply_settings(self.db.conn, t)
        except MeritError:
            filled = t
        for prefix in ("ttd", "sah"):
            for name in ("nama", "pangkat", "nip"):
                key = f"{prefix}_{name}"
                value = "" if getattr(t, key) else str(getattr(filled, key))
                if name == "nip":
                    value = format_nip(value) if value else ""
                edit = self.fields[key]
                edit.setPlaceholderText(tr("dari Instansi: {v}", v=value) if value else "")

    def template_from_form(self) -> templat.Templat | None:
        t = self.templates.get(self.edit_combo.currentData() or "")
        if t is None:
            return None
        values: dict[str, Any] = {}
        for name, edit in self.fields.items():
            text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            if name == "diktum":
                values[name] = templat.text_to_diktum(text)
            elif name in ("menimbang", "mengingat", "memperhatikan", "tembusan"):
                values[name] = templat.lines_to_list(text)
            else:
                values[name] = text.strip()
        values["ttd_varian"] = self.ttd_varian.currentData()
        values["bentuk"] = self.bentuk_combo.currentData() or t.bentuk
        return replace(t, **values)

    def check_template_form(self) -> list[isian.Masalah]:
        if self._loading:
            return []
        t = self.template_from_form()
        problems = templat.check_template(t) if t else []
        self.templat_pesan.setStyleSheet(MERAH)
        self.templat_pesan.setText("\n".join(p.message for p in problems))
        self.simpan_templat_button.setEnabled(not problems)
        return problems

    def save_template(self) -> None:
        t = self.template_from_form()
        if t is None:
            return
        try:
            templat.save_template(self.db, t, actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.saved.emit()  # the page reads the templates again; this one stays shown
        self.templat_pesan.setStyleSheet(HIJAU)
        self.templat_pesan.setText(tr("Templat {kode} disimpan.", kode=t.kode))

    def set_templates(self, templates: dict[str, templat.Templat]) -> None:
        """Offer ``templates`` for editing (the first one shown)."""
        current = self.edit_combo.currentData()
        self.templates = templates
        self.edit_combo.blockSignals(True)
        self.edit_combo.clear()
        for t in templates.values():
            self.edit_combo.addItem(f"{t.kode} — {t.nama}", t.kode)
        self.edit_combo.setCurrentIndex(max(0, self.edit_combo.findData(current)))
        self.edit_combo.blockSignals(False)
        self.load_template_form()
