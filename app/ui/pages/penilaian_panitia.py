"""Penilaian panitia: the committee member's scoring screen, on the member's own installation.

One candidate at a time; each criterion of each stage has a score field (checked against its
scale) and a note. Every field is saved as soon as it is left (autosave, local drafts that never
leave this installation). Enter moves to the next field, Page Down / Page Up (or Alt+Right /
Alt+Left) to the next / previous candidate. "Kunci dan kirim" seals the sheet (signed with this
installation's key, read-only from then on) and writes the file for the secretariat.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import tr
from app.models.errors import MeritError, ValidationError
from app.models.rules import seleksi as rules_seleksi
from app.models.seleksi import lembar as lb
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error


def _koma(value: Decimal) -> str:
    """A decimal the Indonesian way (3,5); input accepts both 3,5 and 3.5."""
    return rules_seleksi.teks_desimal(value).replace(".", ",")


class PenilaianPanitiaPage(Page):
    """Open a scoring package, score candidate by candidate, seal and send."""

    rights = (("seleksi.nilai",),)

    sealed = Signal(object)  # Path of the sheet written

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        actor: str = "sistem",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanPenilaianPanitia")
        self.actor = actor
        self.task: Task | None = None
        self.kerja: lb.LembarKerja | None = None
        self.index = 0
        self.fields: dict[str, tuple[QLineEdit, QLineEdit, QLabel]] = {}  # kriteria_id -> ...

        title = QLabel(tr("Penilaian Panitia Seleksi"))
        title.setObjectName("judulHalaman")
        self.paket = QComboBox()
        self.paket.setObjectName("pilihPaket")
        self.open_button = QPushButton(tr("Buka paket penilaian…"))
        self.open_button.setObjectName("tombolBukaPaket")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Paket:")))
        top.addWidget(self.paket, 1)
        top.addWidget(self.open_button)

        self.info = QLabel()
        self.info.setObjectName("infoPaket")
        self.info.setWordWrap(True)
        self.calon = QLabel()
        self.calon.setObjectName("namaKandidat")
        font = self.calon.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.calon.setFont(font)
        self.asal = QLabel()
        self.asal.setObjectName("asalKandidat")  # "dari talent pool (...)", for transparency
        self.asal.setVisible(False)
        self.posisi = QLabel()
        self.posisi.setObjectName("posisiKandidat")
        self.konflik = QLabel(
            tr("Anda menyatakan konflik kepentingan dengan kandidat ini; Anda tidak menilainya.")
        )
        self.konflik.setObjectName("pesanKonflik")
        self.konflik.setStyleSheet("color: #8a4b00;")
        self.konflik.setWordWrap(True)
        self.konflik.hide()

        self.form_host = QWidget()
        self.form_layout = QVBoxLayout(self.form_host)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)

        self.prev_button = QPushButton(tr("‹ Sebelumnya"))
        self.prev_button.setObjectName("tombolSebelumnya")
        self.next_button = QPushButton(tr("Berikutnya ›"))
        self.next_button.setObjectName("tombolBerikutnya")
        self.progress = QLabel()
        self.progress.setObjectName("kemajuanNilai")
        self.seal_button = QPushButton(tr("Kunci dan kirim…"))
        self.seal_button.setObjectName("tombolKunciKirim")
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.progress, 1)
        nav.addWidget(self.seal_button)
        self.status = QLabel()
        self.status.setObjectName("statusPenilaian")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.info)
        head = QHBoxLayout()
        head.addWidget(self.calon)
        head.addWidget(self.asal)
        head.addStretch(1)
        head.addWidget(self.posisi)
        layout.addLayout(head)
        layout.addWidget(self.konflik)
        layout.addWidget(scroll, 1)
        layout.addLayout(nav)
        layout.addWidget(self.status)

        self.open_button.clicked.connect(self.choose_package)
        self.paket.currentIndexChanged.connect(self._paket_changed)
        self.prev_button.clicked.connect(lambda: self.show_candidate(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_candidate(self.index + 1))
        self.seal_button.clicked.connect(self.ask_seal)
        self.reload_packages()

    # -- packages ------------------------------------------------------------------------------

    def reload_packages(self, select: str | None = None) -> None:
        self.paket.blockSignals(True)
        self.paket.clear()
        for k in lb.list_paket(self.db.conn):
            label = f"{k.judul} \u2013 {k.anggota}"
            if k.terkunci:
                label += " " + tr("(terkunci)")
            self.paket.addItem(label, k.paket_id)
        self.paket.blockSignals(False)
        if select is not None:
            self.paket.setCurrentIndex(max(self.paket.findData(select), 0))
        self._paket_changed()

    def choose_package(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Buka paket penilaian"), str(paths.exports_dir()), tr("Paket (*.json)")
        )
        if name:
            self.open_package(Path(name))

    def open_package(self, path: Path) -> None:
        try:
            kerja = lb.buka_paket(self.db, path, actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.reload_packages(select=kerja.paket_id)

    def _paket_changed(self, *_args: object) -> None:
        paket_id = self.paket.currentData()
        self.kerja = lb.lembar_kerja(self.db.conn, paket_id) if paket_id else None
        self.index = 0
        self._render()

    # -- the candidate form ----------------------------------------------------------------------

    def _render(self) -> None:
        while self.form_layout.count():
            item = self.form_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.fields = {}
        kerja = self.kerja
        has = kerja is not None and bool(kerja.kandidat)
        for w in (self.prev_button, self.next_button, self.seal_button):
            w.setEnabled(has)
        if kerja is None or not kerja.kandidat:
            self.info.setText(tr("Belum ada paket penilaian. Buka paket dari sekretariat panitia."))
            self.calon.setText("")
            self.posisi.setText("")
            self.konflik.hide()
            self.progress.setText("")
            return
        self.info.setText(
            tr(
                "{j} \u2013 jabatan {p}. Penilai: {a}. Nilai Anda tidak terlihat oleh anggota "
                "lain; sekretariat melihatnya setelah lembar dikunci.",
                j=kerja.judul,
                p=kerja.nama_jabatan,
                a=kerja.anggota,
            )
        )
        self.index = max(0, min(self.index, len(kerja.kandidat) - 1))
        calon = kerja.kandidat[self.index]
        self.calon.setText(f"{calon.nomor}. {calon.nama}")
        self.asal.setText(calon.asal)
        self.asal.setVisible(bool(calon.asal))
        self.posisi.setText(tr("Kandidat {i} dari {n}", i=self.index + 1, n=len(kerja.kandidat)))
        self.konflik.setVisible(calon.konflik)
        first: QLineEdit | None = None
        for t in kerja.tahap:
            box = QGroupBox(tr("Tahap {t}", t=t.nama))
            grid = QGridLayout(box)
            grid.addWidget(QLabel(tr("Kriteria")), 0, 0)
            grid.addWidget(QLabel(tr("Nilai")), 0, 1)
            grid.addWidget(QLabel(tr("Catatan")), 0, 2)
            for row, k in enumerate(t.kriteria, start=1):
                draf = kerja.draf.get((calon.id, k.id))
                lo, hi = (_koma(k.skala_min), _koma(k.skala_maks))
                grid.addWidget(QLabel(tr("{k} ({lo}\u2013{hi})", k=k.nama, lo=lo, hi=hi)), row, 0)
                nilai = QLineEdit(_koma(draf.nilai) if draf and draf.nilai is not None else "")
                nilai.setObjectName(f"nilai_{k.id}")
                nilai.setPlaceholderText(f"{lo}\u2013{hi}")
                nilai.setMaximumWidth(110)
                catatan = QLineEdit(draf.catatan or "" if draf else "")
                catatan.setObjectName(f"catatan_{k.id}")
                pesan = QLabel()
                pesan.setStyleSheet("color: #b00020;")
                pesan.setObjectName(f"pesan_{k.id}")
                grid.addWidget(nilai, row, 1)
                grid.addWidget(catatan, row, 2)
                grid.addWidget(pesan, row, 3)
                readonly = kerja.terkunci or calon.konflik
                nilai.setReadOnly(readonly)
                catatan.setReadOnly(readonly)
                nilai.setEnabled(not calon.konflik)
                catatan.setEnabled(not calon.konflik)
                self.fields[k.id] = (nilai, catatan, pesan)
                for edit in (nilai, catatan):
                    edit.installEventFilter(self)
                    edit.editingFinished.connect(lambda kid=k.id: self.save_field(kid))
                    edit.returnPressed.connect(self.focusNextChild)
                if first is None and not readonly:
                    first = nilai
            grid.setColumnMinimumWidth(0, 220)
            grid.setColumnStretch(2, 1)
            self.form_layout.addWidget(box)
        self.form_layout.addStretch(1)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(kerja.kandidat) - 1)
        self.seal_button.setEnabled(True)
        self._update_progress()
        if first is not None and self.isVisible():
            first.setFocus()

    def _navigate(self, event: QKeyEvent) -> bool:
        """Page Down / Alt+Right: next candidate; Page Up / Alt+Left: previous one."""
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            self.show_candidate(self.index + 1)
        elif key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.show_candidate(self.index - 1)
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._navigate(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the score fields sit in a scroll area that would eat Page Up / Page Down
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._navigate(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def show_candidate(self, index: int) -> None:
        if self.kerja is None or not 0 <= index < len(self.kerja.kandidat):
            return
        self.save_all()
        self.index = index
        self._render()

    def save_field(self, kriteria_id: str) -> bool:
        """Autosave one criterion of the shown candidate. False (and a message) when refused."""
        kerja = self.kerja
        if kerja is None or kriteria_id not in self.fields or kerja.terkunci:
            return False
        calon = kerja.kandidat[self.index]
        if calon.konflik:
            return False
        nilai, catatan, pesan = self.fields[kriteria_id]
        draf = kerja.draf.get((calon.id, kriteria_id))
        old = (
            _koma(draf.nilai) if draf and draf.nilai is not None else "",
            (draf.catatan or "") if draf else "",
        )
        if (nilai.text().strip(), catatan.text().strip()) == old:
            pesan.setText("")
            return True
        try:
            lb.isi_nilai(
                self.db,
                kerja.paket_id,
                calon.id,
                kriteria_id,
                nilai.text(),
                catatan.text(),
                actor=self.actor,
            )
        except ValidationError as exc:
            pesan.setText(str(exc))
            nilai.setStyleSheet("border: 1px solid #b00020;")
            return False
        except MeritError as exc:
            show_error(self, exc)
            return False
        pesan.setText("")
        nilai.setStyleSheet("")
        self.kerja = lb.lembar_kerja(self.db.conn, kerja.paket_id)
        self.status.setText(tr("Tersimpan otomatis."))
        self._update_progress()
        return True

    def save_all(self) -> None:
        for kid in list(self.fields):
            self.save_field(kid)

    def _update_progress(self) -> None:
        kerja = self.kerja
        if kerja is None:
            return
        if kerja.terkunci:
            self.progress.setText(
                tr("Lembar sudah dikunci dan dikirim ({w}); hanya dapat dibaca.", w=kerja.disegel)
            )
            self.seal_button.setText(tr("Tulis ulang berkas lembar…"))
            return
        self.seal_button.setText(tr("Kunci dan kirim…"))
        kosong = len(kerja.belum_diisi())
        self.progress.setText(
            tr("Semua nilai sudah diisi.") if not kosong else tr("{n} nilai belum diisi.", n=kosong)
        )

    # -- sealing ---------------------------------------------------------------------------------

    def ask_seal(self) -> None:
        if self.kerja is None:
            return
        self.save_all()
        if self.kerja.terkunci:
            self.choose_target()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Kunci dan kirim"),
            tr(
                "Setelah dikunci, nilai tidak dapat diubah lagi. Lembar ditandatangani instalasi "
                "ini dan disimpan sebagai berkas untuk sekretariat. Lanjutkan?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("tanyaKunci")
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Kunci dan kirim"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Batal"))
        box.finished.connect(
            lambda code: self.choose_target() if code == QMessageBox.StandardButton.Yes else None
        )
        self.confirm_box = box
        box.open()

    def choose_target(self) -> None:
        if self.kerja is None:
            return
        default = paths.exports_dir() / f"lembar-nilai-{self.kerja.anggota}.json"
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan lembar nilai"), str(default), tr("Lembar nilai (*.json)")
        )
        if name:
            self.seal_to(Path(name))

    def seal_to(self, target: Path) -> Task | None:
        """Seal (if not yet) and write the sheet file in the background."""
        if self.kerja is None or self.task is not None:
            return None
        paket_id, actor = self.kerja.paket_id, self.actor

        def work(db: Database, _progress: Progress) -> Path:
            return lb.kunci_dan_kirim(db, paket_id, target, actor=actor)

        self.seal_button.setEnabled(False)
        self.status.setText(tr("Mengunci lembar…"))
        self.task = self.runner.run(work, on_done=self._sealed, on_error=self._failed)
        return self.task

    def _sealed(self, path: Path) -> None:
        self.task = None
        assert self.kerja is not None
        self.reload_packages(select=self.kerja.paket_id)
        self.status.setText(
            tr("Lembar dikunci dan ditulis ke {p}. Serahkan berkas itu ke sekretariat.", p=path)
        )
        self.sealed.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.seal_button.setEnabled(True)
        self.status.setText(tr("Lembar belum dikunci."))
        show_error(self, exc)
