"""Instansi: the agency settings (names, address, logo, paper, number formats) and the people who
sign the decrees, checked as you type and saved through the write path (they replicate).

The decree templates refer to these (:mod:`app.models.dokumen.penandatangan`): a template whose
signatory is empty uses the person set here for the role its jabatan names.
"""

from __future__ import annotations

import base64

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
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
from app.models.dokumen import penandatangan
from app.models.errors import MeritError, ValidationError
from app.models.rules.nip import format_nip
from app.models.storage import instansi
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import TaskRunner
from app.ui.widgets.messages import show_error

MERAH = "color: #b00020;"
HIJAU = "color: #1b5e20;"
_TEKS = ("nama_instansi", "singkatan_instansi", "nama_pemerintah", "ibu_kota")


class RoleBox(QGroupBox):
    """One signatory: from the registry (by NIP) or typed, with jabatan and Plt./Plh."""

    def __init__(self, peran: str) -> None:
        super().__init__(tr(instansi.PERAN[peran]))
        self.peran = peran
        self.setObjectName(f"peran_{peran}")
        self.sumber = QComboBox()
        self.sumber.setObjectName(f"{peran}.sumber")
        self.sumber.addItem(tr("(belum diatur)"), "")
        self.sumber.addItem(tr("Dari data pegawai (NIP)"), "PEGAWAI")
        self.sumber.addItem(tr("Di luar data pegawai"), "LUAR")
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(tr("Sumber"), self.sumber)
        for field, label in (
            ("nip", tr("NIP")),
            ("nama", tr("Nama (dengan gelar)")),
            ("pangkat", tr("Pangkat/golongan")),
            ("jabatan", tr("Jabatan")),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"{peran}.{field}")
            self.edits[field] = edit
            form.addRow(label, edit)
        if peran == "kepala_daerah":
            self.edits["nip"].setPlaceholderText(tr("kepala daerah: tanpa NIP"))
        self.varian = QComboBox()
        self.varian.setObjectName(f"{peran}.varian")
        for v in instansi.VARIAN_PERAN:
            self.varian.addItem(v or tr("(definitif)"), v)
        form.addRow(tr("Pelaksana"), self.varian)
        self.found = QLabel()
        self.found.setObjectName(f"{peran}.ditemukan")
        self.found.setWordWrap(True)
        self.found.setStyleSheet("color: palette(mid);")
        form.addRow(self.found)
        self.sumber.currentIndexChanged.connect(self._sumber_changed)

    def _sumber_changed(self) -> None:
        registry = self.sumber.currentData() == "PEGAWAI"
        for field in ("nama", "pangkat"):
            self.edits[field].setReadOnly(registry)
            if registry:
                self.edits[field].setPlaceholderText(tr("diambil dari data pegawai"))
            else:
                self.edits[field].setPlaceholderText("")

    def load(self, values: dict[str, str]) -> None:
        p = self.peran
        self.sumber.setCurrentIndex(max(0, self.sumber.findData(values.get(f"{p}.sumber", ""))))
        for field, edit in self.edits.items():
            edit.setText(values.get(f"{p}.{field}", ""))
        self.varian.setCurrentIndex(max(0, self.varian.findData(values.get(f"{p}.varian", ""))))
        self._sumber_changed()

    def values(self) -> dict[str, str]:
        p = self.peran
        out = {f"{p}.{field}": edit.text() for field, edit in self.edits.items()}
        out[f"{p}.sumber"] = self.sumber.currentData() or ""
        out[f"{p}.varian"] = self.varian.currentData() or ""
        if out[f"{p}.sumber"] == "PEGAWAI":  # read from the record when the decree is issued
            out[f"{p}.nama"] = ""
            out[f"{p}.pangkat"] = ""
        return out


class InstansiPage(Page):
    """The agency settings screen (admin: right ``instansi.ubah``)."""

    rights = (("instansi.ubah",),)

    def __init__(self, db: Database, *, actor: str, runner: TaskRunner) -> None:
        super().__init__(db, runner=runner)
        self.setObjectName("halamanInstansi")
        self.actor = actor
        self._loading = False
        self.logo_value = ""

        self.edits: dict[str, QLineEdit] = {}
        agency = QGroupBox(tr("Instansi"))
        form = QFormLayout(agency)
        for key in _TEKS:
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setMaxLength(300)
            self.edits[key] = edit
            form.addRow(tr(instansi.PENGATURAN[key]), edit)
        self.edits["nama_instansi"].setPlaceholderText(
            tr("mis. Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
        )
        self.edits["singkatan_instansi"].setPlaceholderText(tr("mis. BKPSDM"))
        self.edits["nama_pemerintah"].setPlaceholderText(tr("mis. Pemerintah Kabupaten Sikka"))
        self.edits["ibu_kota"].setPlaceholderText(tr("mis. Maumere"))
        self.alamat = QPlainTextEdit()
        self.alamat.setObjectName("alamat_instansi")
        self.alamat.setPlaceholderText(tr("alamat, telepon, pos-el: satu baris per baris kop"))
        self.alamat.setFixedHeight(64)
        form.addRow(tr(instansi.PENGATURAN["alamat_instansi"]), self.alamat)
        self.kertas = QComboBox()
        self.kertas.setObjectName("ukuran_kertas")
        self.kertas.addItem(tr("F4 (folio, 215 × 330 mm)"), "F4")
        self.kertas.addItem(tr("A4 (210 × 297 mm)"), "A4")
        form.addRow(tr(instansi.PENGATURAN["ukuran_kertas"]), self.kertas)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("pratinjauLogo")
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid);")
        self.logo_button = QPushButton(tr("Pilih berkas…"))
        self.logo_button.setObjectName("pilihLogo")
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_clear = QPushButton(tr("Hapus logo"))
        self.logo_clear.clicked.connect(lambda: self.set_logo(""))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.logo_clear)
        hint = QLabel(tr("PNG atau JPEG, paling besar 512 KB"))
        hint.setStyleSheet("color: palette(mid);")
        logo_buttons.addWidget(hint)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        form.addRow(tr(instansi.PENGATURAN["logo"]), logo_row)

        numbers = QGroupBox(tr("Format nomor (kosong: format di templat)"))
        nform = QFormLayout(numbers)
        for kode in instansi.FORMAT_NOMOR_TEMPLAT:
            key = f"format_nomor.{kode}"
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(tr("mis. 800.1.3.2/{nomor}/BKPSDM/{tahun}"))
            self.edits[key] = edit
            nform.addRow(kode, edit)

        self.roles = {peran: RoleBox(peran) for peran in instansi.PERAN}
        people = QGroupBox(tr("Penandatangan dan pengesah SK"))
        grid = QGridLayout(people)
        note = QLabel(
            tr(
                "Templat SK yang nama penandatangannya kosong memakai orang di sini menurut "
                "jabatannya (Bupati/Wali Kota, Sekretaris Daerah, Kepala atau Sekretaris BKPSDM)."
            )
        )
        note.setWordWrap(True)
        grid.addWidget(note, 0, 0, 1, 2)
        for i, box in enumerate(self.roles.values()):
            grid.addWidget(box, 1 + i // 2, i % 2)

        self.message = QLabel()
        self.message.setObjectName("pesanInstansi")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(tr("Simpan pengaturan"))
        self.save_button.setObjectName("simpanInstansi")
        self.save_button.clicked.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(agency, 3)
        top.addWidget(numbers, 2)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        title = QLabel(tr("Pengaturan instansi"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(people)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(bottom)

        for edit in self.edits.values():
            edit.textChanged.connect(self.check_form)
        self.alamat.textChanged.connect(self.check_form)
        self.kertas.currentIndexChanged.connect(self.check_form)
        for box in self.roles.values():
            box.sumber.currentIndexChanged.connect(self.check_form)
            box.varian.currentIndexChanged.connect(self.check_form)
            for edit in box.edits.values():
                edit.textChanged.connect(self.check_form)
        self.load()

    # -- reading and checking ------------------------------------------------------------------

    def load(self) -> None:
        values = instansi.read_settings(self.db.conn)
        self._loading = True
        for key, edit in self.edits.items():
            edit.setText(values.get(key, ""))
        self.alamat.setPlainText(values.get("alamat_instansi", ""))
        self.kertas.setCurrentIndex(max(0, self.kertas.findData(values.get("ukuran_kertas"))))
        for box in self.roles.values():
            box.load(values)
        self._loading = False
        self.set_logo(values.get("logo", ""), check=False)
        self.check_form()
        self.message.clear()

    def values(self) -> dict[str, str]:
        out = {key: edit.text() for key, edit in self.edits.items()}
        out["alamat_instansi"] = self.alamat.toPlainText()
        out["ukuran_kertas"] = self.kertas.currentData() or "F4"
        out["logo"] = self.logo_value
        for box in self.roles.values():
            out |= box.values()
        return out

    def problems(self) -> list[str]:
        """Every problem of the form now (empty: it can be saved)."""
        out: list[str] = []
        values = self.values()
        checked: dict[str, str] = {}
        for key, value in values.items():
            if key == "logo":
                checked[key] = value
                continue
            try:
                checked[key] = instansi.check_setting(key, value)
            except ValidationError as exc:
                out.append(str(exc))
        for peran, box in self.roles.items():
            box.found.clear()
            if checked.get(f"{peran}.sumber") != "PEGAWAI":
                continue
            nip = checked.get(f"{peran}.nip", "")
            if not nip:
                out.append(tr("{peran}: isi NIP pegawai.", peran=tr(instansi.PERAN[peran])))
                continue
            try:
                person = penandatangan.get_pejabat(self.db.conn, peran, settings=checked)
            except MeritError as exc:
                out.append(str(exc))
                continue
            if person is not None:
                box.found.setText(
                    tr(
                        "Dari data pegawai: {nama}, {pangkat}, NIP {nip}",
                        nama=person.nama,
                        pangkat=person.pangkat or "-",
                        nip=format_nip(person.nip),
                    )
                )
        if not out:
            try:
                penandatangan.check_signatories(self.db.conn, checked)
            except MeritError as exc:
                out.append(str(exc))
        return out

    def check_form(self) -> list[str]:
        if self._loading:
            return []
        problems = self.problems()
        self.save_button.setEnabled(not problems)
        if problems:
            self.message.setStyleSheet(MERAH)
            self.message.setText("\n".join(problems[:3]))
        else:
            self.message.clear()
        return problems

    # -- the logo --------------------------------------------------------------------------------

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Pilih lambang daerah"), "", tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo_file(path)

    def load_logo_file(self, path: str) -> bool:
        try:
            value = instansi.read_logo(path)
        except ValidationError as exc:
            self.message.setStyleSheet(MERAH)
            self.message.setText(str(exc))
            return False
        self.set_logo(value)
        return True

    def set_logo(self, value: str, *, check: bool = True) -> None:
        self.logo_value = value
        pixmap = QPixmap()
        if value.startswith("data:"):
            pixmap.loadFromData(base64.b64decode(value.partition(",")[2]))
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(tr("(tidak ada)"))
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    68,
                    68,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.logo_clear.setEnabled(bool(value))
        if check:
            self.check_form()

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self.check_form():
            return
        try:
            penandatangan.save_settings(self.db, self.values(), actor=self.actor)
        except ValidationError as exc:
            self.message.setStyleSheet(MERAH)
            self.message.setText(str(exc))
            return
        except MeritError as exc:
            show_error(self, exc)
            return
        self.recordsChanged.emit()
        self.message.setStyleSheet(HIJAU)
        self.message.setText(tr("Pengaturan instansi disimpan."))

    def records_changed(self) -> None:
        self.load()
