"""Kenaikan pangkat: the list of a KP period with the reasons per person, and the clerk's
three steps on the ticked rows: Usulkan, Catat pertek (BKN), Terbitkan SK (petikan, in the
background with progress and cancel). The rules are in app/models/kp/usulan.py,
app/models/rekap/kp.py and app/models/rules/kp.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import tanggal, tr
from app.jobs import dokumen as dokumen_jobs
from app.models.access.akses import read_unit
from app.models.errors import Cancelled, MeritError, ValidationError
from app.models.kp import usulan as kp
from app.models.rekap.kp import periode_kp_berikutnya, periode_kp_terakhir
from app.models.rules.kp import STATUS_BELUM, STATUS_MEMENUHI, STATUS_VERIFIKASI
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.dates import pydate, qdate
from app.ui.widgets.messages import show_error


def kolom() -> list[str]:
    return [
        "",
        tr("NIP"),
        tr("Nama"),
        tr("Gol."),
        tr("Gol. baru"),
        tr("Jenis KP"),
        tr("Syarat"),
        tr("Keterangan"),
        tr("Usulan"),
        tr("Pertek BKN"),
        tr("Nomor SK"),
    ]


def periode_pilihan(db: Database, today: date, n: int = 6) -> list[date]:
    """The period just passed (its SK may still be under way) and the next ones."""
    first = periode_kp_terakhir(db.conn, today)
    out: list[date] = [] if first is None else [first]
    on = first or today
    while len(out) < n:
        try:
            on = periode_kp_berikutnya(db.conn, on)
        except ValidationError:
            break
        out.append(on)
    return out


class PertekDialog(QDialog):
    """Nomor and tanggal of the BKN technical approval (pertek)."""

    def __init__(self, n: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Catat pertek BKN"))
        self.setMinimumWidth(420)
        self.nomor = QLineEdit()
        self.nomor.setObjectName("nomorPertek")
        self.nomor.setPlaceholderText(tr("mis. AK-23001000123"))
        self.tanggal = QDateEdit(qdate(today))
        self.tanggal.setObjectName("tanggalPertek")
        self.tanggal.setDisplayFormat("dd MMMM yyyy")
        self.tanggal.setCalendarPopup(True)
        form = QFormLayout()
        form.addRow(QLabel(tr("Pertek untuk {n} pegawai yang dicentang.", n=n)))
        form.addRow(tr("Nomor pertek:"), self.nomor)
        form.addRow(tr("Tanggal pertek:"), self.tanggal)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class TerbitDialog(QDialog):
    """Decree date, output folder and, only where the salary table has none, the new gaji
    pokok of a person. Terbitkan does not close it: the page issues, and the dialog closes
    when the SK are issued or stays open with the problem."""

    submitted = Signal()

    def __init__(
        self, people: list[kp.KpItem], today: date, folder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Terbitkan SK kenaikan pangkat"))
        self.resize(780, 420)
        self.people = people
        self.tanggal = QDateEdit(qdate(today))
        self.tanggal.setObjectName("tanggalSk")
        self.tanggal.setDisplayFormat("dd MMMM yyyy")
        self.tanggal.setCalendarPopup(True)
        self.folder = QLineEdit(folder)
        self.folder.setObjectName("folderSk")
        browse = QPushButton(tr("Pilih…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.gaji = QTableWidget(len(people), 3)
        self.gaji.setObjectName("tabelGaji")
        self.gaji.setHorizontalHeaderLabels(
            [tr("NIP"), tr("Nama"), tr("Gaji pokok baru (Rp), boleh kosong")]
        )
        header = self.gaji.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.gaji.verticalHeader().hide()
        for r, item in enumerate(people):
            for c, text in enumerate((item.nip, item.nama_lengkap)):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.gaji.setItem(r, c, cell)
            self.gaji.setItem(r, 2, QTableWidgetItem(""))
        form = QFormLayout()
        form.addRow(tr("Tanggal SK:"), self.tanggal)
        form.addRow(tr("Folder keluaran:"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Terbitkan {n} SK", n=len(people)))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        note = QLabel(
            tr(
                "Gaji pokok baru diambil dari tabel gaji menurut golongan baru dan masa kerja. "
                "Biarkan kolom gaji kosong; isi hanya bila tabel gaji tidak memuatnya."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        self.problem = QLabel()
        self.problem.setObjectName("masalahTerbit")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "SK petikan untuk {n} pegawai; nomor diberikan saat terbit.",
                    n=len(people),
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.gaji, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        self.problem.hide()
        self.set_busy(True)
        self.submitted.emit()

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(
            tr("Menerbitkan…") if busy else tr("Terbitkan {n} SK", n=len(self.people))
        )

    def show_problem(self, text: str) -> None:
        """The issue failed: say why and stay open, with everything typed kept."""
        self.set_busy(False)
        self.problem.setText(text)
        self.problem.show()

    def set_gaji(self, row: int, text: str) -> None:
        item = self.gaji.item(row, 2)
        if item is not None:
            item.setText(text)

    def nilai_pegawai(self) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for r, person in enumerate(self.people):
            item = self.gaji.item(r, 2)
            text = item.text().strip() if item is not None else ""
            if text:
                out[person.nip] = {"gaji_pokok": text}
        return out

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder keluaran"), self.folder.text())
        if folder:
            self.folder.setText(folder)


class KpPage(Page):
    """The KP list of a period and the proposal / pertek / SK steps."""

    rights = (("dokumen.terbitkan", "laporan.baca"),)

    changed = Signal()  # a proposal, pertek or SK was written
    loaded = Signal()

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        actor: str = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanKp")
        self.actor = actor
        self.today = today or date.today()
        self.items: list[kp.KpItem] = []
        self.task: Task | None = None
        self.pertek_dialog: PertekDialog | None = None
        self.terbit_dialog: TerbitDialog | None = None
        self._terbit_nips: list[str] = []
        self.last_result: dokumen_jobs.HasilKp | None = None

        title = QLabel(tr("Kenaikan pangkat"))
        title.setObjectName("judulHalaman")
        intro = QLabel(
            tr(
                "Daftar PNS yang jatuh tempo kenaikan pangkat pada periode terpilih, dengan alasan "
                "per orang. Centang, lalu Usulkan, catat pertek BKN, dan terbitkan SK petikan; "
                "pangkat baru masuk ke riwayat pangkat."
            )
        )
        intro.setWordWrap(True)

        self.periode = QComboBox()
        self.periode.setObjectName("pilihPeriodeKp")
        for p in periode_pilihan(db, self.today):
            self.periode.addItem(tanggal(p), kp.periode_teks(p))
        self.tampil = QComboBox()
        self.tampil.setObjectName("saringKp")
        self.tampil.addItem(tr("Semua (memenuhi dan hampir)"), "semua")
        self.tampil.addItem(tr("Dapat diusulkan"), "dapat")
        self.tampil.addItem(tr("Sudah diusulkan"), "usul")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Periode (TMT):")))
        top.addWidget(self.periode)
        top.addSpacing(16)
        top.addWidget(QLabel(tr("Tampilkan:")))
        top.addWidget(self.tampil)
        top.addStretch(1)

        headers = kolom()
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("tabelKp")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((28, 150, 210, 45, 70, 170, 120, 330, 100, 210, 190)):
            self.table.setColumnWidth(col, width)

        self.usul_button = QPushButton(tr("Usulkan"))
        self.usul_button.setObjectName("tombolUsulkan")
        self.pertek_button = QPushButton(tr("Catat pertek…"))
        self.pertek_button.setObjectName("tombolPertek")
        self.terbit_button = QPushButton(tr("Terbitkan SK…"))
        self.terbit_button.setObjectName("tombolTerbitKp")
        self.cancel_button = QPushButton(tr("Hentikan"))
        self.cancel_button.setObjectName("tombolHentikanKp")
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.count = QLabel()
        buttons = QHBoxLayout()
        for w in (self.usul_button, self.pertek_button, self.terbit_button, self.cancel_button):
            buttons.addWidget(w)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.count)
        self.status = QLabel()
        self.status.setObjectName("statusKp")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.periode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tampil.currentIndexChanged.connect(lambda _i: self._fill())
        self.usul_button.clicked.connect(self.propose)
        self.pertek_button.clicked.connect(self.open_pertek)
        self.terbit_button.clicked.connect(self.open_terbit)
        self.cancel_button.clicked.connect(self.cancel_task)
        self.refresh()

    # -- list --------------------------------------------------------------------------------

    def open_target(self, target: object) -> None:
        """Choose the KP period ``target`` (a date), added to the choices when beyond them."""
        if not isinstance(target, date):
            return
        text = kp.periode_teks(target)
        index = self.periode.findData(text)
        if index < 0:
            self.periode.addItem(tanggal(target), text)
            index = self.periode.count() - 1
        self.periode.setCurrentIndex(index)

    def current_periode(self) -> str | None:
        data = self.periode.currentData()
        return str(data) if data else None

    def refresh(self, message: str = "") -> None:
        """Load the list of the chosen period in the background (then show ``message``)."""
        periode = self.current_periode()
        if periode is None:
            return

        actor = self.actor

        def work(db: Database, _p: Progress) -> list[kp.KpItem]:
            unit_id = read_unit(db, actor, "laporan.baca")  # a unit operator: their unit only
            return kp.list_periode(db.conn, periode, unit_id=unit_id)

        self.status.setText(tr("Memuat daftar…"))
        self.runner.run(
            work, on_done=lambda items: self._loaded(periode, items, message), on_error=self._error
        )

    def _loaded(self, periode: str, items: list[kp.KpItem], message: str) -> None:
        if periode != self.current_periode():
            return  # another period was chosen meanwhile
        self.items = items
        self._fill()
        self.status.setText(message)
        self.loaded.emit()

    def visible_items(self) -> list[kp.KpItem]:
        mode = self.tampil.currentData()
        if mode == "dapat":
            return [
                i
                for i in self.items
                if i.syarat in (STATUS_MEMENUHI, STATUS_VERIFIKASI)
                and i.status_usulan in (None, kp.BATAL)
            ]
        if mode == "usul":
            return [i for i in self.items if i.status_usulan not in (None, kp.BATAL)]
        return list(self.items)

    def _fill(self) -> None:
        shown = self.visible_items()
        self.table.setRowCount(len(shown))
        for r, i in enumerate(shown):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, i.nip)
            self.table.setItem(r, 0, check)
            u = i.usulan
            pertek = ""
            if u is not None and u.nomor_pertek:
                pertek = u.nomor_pertek
                if u.tanggal_pertek:
                    pertek += f" ({tanggal(u.tanggal_pertek)})"
            values = (
                i.nip,
                i.nama_lengkap,
                i.golongan_kode,
                i.golongan_baru or "",
                i.jenis_kp_singkat,
                i.syarat or "",
                "; ".join(i.keterangan),
                kp.status_label(i.status_usulan),
                pertek,
                (u.nomor_sk or "") if u else "",
            )
            for c, text in enumerate(values, 1):
                cell = QTableWidgetItem(text)
                if c == 5:
                    cell.setToolTip(i.jenis_kp_label)
                if c == 7:
                    cell.setToolTip("\n".join(i.keterangan))
                if c == 6 and i.syarat == STATUS_BELUM:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, cell)
        self.count.setText(tr("{n} dari {m} pegawai", n=len(shown), m=len(self.items)))

    def checked_nips(self) -> list[str]:
        out: list[str] = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _need_checked(self) -> list[str] | None:
        nips = self.checked_nips()
        if not nips:
            show_error(self, ValidationError(tr("Centang dulu pegawai yang akan diproses.")))
            return None
        return nips

    # -- steps -------------------------------------------------------------------------------

    def _run_write(self, fn: Any, message: str) -> None:
        def done(_result: object) -> None:
            self.changed.emit()
            self.refresh(message)

        self.runner.run(fn, on_done=done, on_error=self._error)

    def propose(self) -> None:
        nips = self._need_checked()
        periode = self.current_periode()
        if nips is None or periode is None:
            return
        actor = self.actor

        def work(db: Database, _p: Progress) -> list[str]:
            return kp.usulkan(db, periode, nips, actor=actor)

        self._run_write(work, tr("{n} pegawai diusulkan.", n=len(nips)))

    def open_pertek(self) -> None:
        nips = self._need_checked()
        if nips is None:
            return
        dialog = PertekDialog(len(nips), self.today, self)
        dialog.finished.connect(lambda code: self._pertek_finished(dialog, nips, code))
        self.pertek_dialog = dialog
        dialog.open()

    def _pertek_finished(self, dialog: PertekDialog, nips: list[str], code: int) -> None:
        self.pertek_dialog = None
        dialog.deleteLater()
        periode = self.current_periode()
        if code != QDialog.DialogCode.Accepted or periode is None:
            return
        nomor = dialog.nomor.text()
        when = pydate(dialog.tanggal.date())
        actor, today = self.actor, self.today

        def work(db: Database, _p: Progress) -> int:
            return kp.catat_pertek(db, periode, nips, nomor, when, actor=actor, today=today)

        self._run_write(work, tr("Pertek dicatat untuk {n} usulan.", n=len(nips)))

    def open_terbit(self) -> None:
        nips = self._need_checked()
        if nips is None:
            return
        people = [i for i in self.items if i.nip in nips]
        folder = str(paths.exports_dir() / "sk-kp")
        dialog = TerbitDialog(people, self.today, folder, self)
        dialog.submitted.connect(self._terbit_submitted)
        dialog.finished.connect(self._terbit_closed)
        self.terbit_dialog = dialog
        self._terbit_nips = nips
        dialog.open()

    def _terbit_closed(self, _code: int) -> None:
        dialog = self.terbit_dialog
        self.terbit_dialog = None
        if dialog is not None:
            dialog.deleteLater()

    def _terbit_submitted(self) -> None:
        dialog, nips = self.terbit_dialog, self._terbit_nips
        periode = self.current_periode()
        if dialog is None or periode is None:
            return
        out = Path(dialog.folder.text().strip() or ".")
        when = pydate(dialog.tanggal.date())
        nilai = dialog.nilai_pegawai()
        actor, today = self.actor, self.today

        def work(db: Database, p: Progress) -> dokumen_jobs.HasilKp:
            request = dokumen_jobs.SkKpRequest(
                periode, tuple(nips), out, when, nilai_pegawai=nilai, today=today
            )
            return dokumen_jobs.issue_sk_kp(db, actor, request, p)

        self._busy(True)
        self.status.setText(tr("Menerbitkan SK…"))
        self.task = self.runner.run(
            work,
            on_done=self._terbit_done,
            on_error=self._terbit_failed,
            on_progress=self._progress,
            bulk=True,
        )

    def _terbit_done(self, result: dokumen_jobs.HasilKp) -> None:
        if self.terbit_dialog is not None:
            self.terbit_dialog.accept()
        self._issued(result)

    def _terbit_failed(self, exc: BaseException) -> None:
        """An error keeps the dialog open with the message (what was typed stays)."""
        dialog = self.terbit_dialog
        if dialog is None or isinstance(exc, Cancelled) or not isinstance(exc, MeritError):
            if dialog is not None:
                dialog.set_busy(False)
            self._task_error(exc)
            return
        self.task = None
        self._busy(False)
        self.status.setText(tr("SK belum terbit; lihat pesannya."))
        dialog.show_problem(str(exc))

    def _busy(self, busy: bool) -> None:
        for w in (self.usul_button, self.pertek_button, self.terbit_button, self.periode):
            w.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.progress.cancel()
            self.status.setText(tr("Menghentikan…"))

    def _issued(self, result: dokumen_jobs.HasilKp) -> None:
        self.task = None
        self._busy(False)
        self.last_result = result
        t = result.terbit
        first, last = t.nomor[0], t.nomor[-1]
        span = first if first == last else tr("{a} s.d. {b}", a=first, b=last)
        folder = t.gabungan.parent if t.gabungan else ""
        message = tr(
            "Terbit {n} SK: {span}. Berkas di {folder}.", n=len(t.nomor), span=span, folder=folder
        )
        self.status.setText(message)
        self.changed.emit()
        self.refresh(message)

    def _task_error(self, exc: BaseException) -> None:
        self.task = None
        self._busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(str(exc))
            return
        self._error(exc)

    def _error(self, exc: BaseException) -> None:
        self.status.setText(str(exc) if isinstance(exc, MeritError) else "")
        show_error(self, exc)
