"""Dokumen SK, tab Verifikasi: check a verification code or a PDF against the register.

The answers are those of ``merit verify`` (:func:`app.jobs.dokumen.verify`): ASLI, ISI SAMA,
BERUBAH with the page that differs, DIBATALKAN, PALSU, TIDAK TERDAFTAR."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tanggal, tr
from app.jobs import dokumen as dokumen_jobs
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from app.ui.pages.dokumen.issue import JENIS_LABEL
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.messages import show_error


class VerifyTab(QWidget):
    """Type a code (or pick a PDF) and see what the register says about it."""

    def __init__(self, runner: TaskRunner, actor: str = "sistem") -> None:
        super().__init__()
        self.runner = runner
        self.actor = actor
        self.verify_edit = QLineEdit()
        self.verify_edit.setObjectName("kodeVerifikasi")
        self.verify_edit.setPlaceholderText(
            tr("Ketik kode verifikasi (mis. 7KQ2M-XW9RT) atau pilih berkas PDF")
        )
        self.verify_edit.returnPressed.connect(self.verify)
        pick = QPushButton(tr("Pilih PDF…"))
        pick.clicked.connect(self._choose_pdf)
        check = QPushButton(tr("Periksa"))
        check.clicked.connect(self.verify)
        row = QHBoxLayout()
        row.addWidget(self.verify_edit, 1)
        row.addWidget(pick)
        row.addWidget(check)
        self.verify_title = QLabel()
        self.verify_title.setObjectName("hasilVerifikasi")
        font = self.verify_title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.verify_title.setFont(font)
        self.verify_text = QLabel()
        self.verify_text.setWordWrap(True)
        self.verify_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.verify_title)
        layout.addWidget(self.verify_text)
        layout.addStretch(1)

    def _choose_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Pilih PDF"), "", tr("PDF (*.pdf)"))
        if path:
            self.verify_edit.setText(path)
            self.verify()

    def verify(self) -> None:
        source = self.verify_edit.text().strip()
        if not source:
            return

        actor = self.actor

        def work(db: Database, _p: Progress) -> dokumen_jobs.Verifikasi:
            return dokumen_jobs.verify(db, actor, source)

        self.verify_title.setText(tr("Memeriksa…"))
        self.runner.run(work, on_done=self._show_verification, on_error=self._verify_error)

    def _verify_error(self, exc: BaseException) -> None:
        self.verify_title.setText("")
        show_error(self, exc)

    def _show_verification(self, result: dokumen_jobs.Verifikasi) -> None:
        color = "#070" if result.ok else "#a00"
        self.verify_title.setStyleSheet(f"color: {color};")
        title = result.judul
        if result.halaman is not None:
            title += " — " + tr("halaman {n}", n=result.halaman)
        self.verify_title.setText(title)
        lines = [result.pesan]
        if result.dokumen > 1:
            lines.append(tr("Naskah dalam berkas: {n}", n=result.dokumen))
        reg = result.register
        if reg is not None:
            jenis = tr(JENIS_LABEL.get(result.jenis or "", result.jenis or ""))
            nip = format_nip(result.nip) if result.nip else ""
            naskah = f"{jenis} {nip}".strip()
            lines += [
                "",
                tr("Nomor: {v}", v=reg.nomor),
                tr("Tanggal: {v}", v=tanggal(reg.tanggal)),
                tr("Perihal: {v}", v=reg.perihal),
                tr("Pegawai: {v}", v=reg.nama_pegawai),
                tr("Naskah: {v}", v=naskah),
                tr("Status register: {v}", v=tr("Batal") if reg.batal else tr("Terbit"))
                + (f" — {reg.alasan_batal}" if reg.batal else ""),
            ]
        self.verify_text.setText("\n".join(lines))
