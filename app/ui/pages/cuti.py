"""Cuti: the leave requests of the agency with the computed balance of the person selected, the
clerk's request form, the superior's consideration, the official's decision (approve, change the
dates, postpone, refuse), cancellation; and the agency calendar (working week, holidays and cuti
bersama, keyed in or imported). The rules are in app/models/cuti and app/models/rules/cuti.py;
this page only shows and forwards.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tanggal, tr
from app.models.access.akses import allowed
from app.models.cuti import kalender as kal
from app.models.cuti import permohonan as cuti
from app.models.cuti.permohonan import Cuti, Permohonan
from app.models.cuti.saldo import jenis_list, read_saldo
from app.models.errors import MeritError
from app.models.pegawai.read import find_pegawai_id
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.dates import pydate, qdate
from app.ui.widgets.messages import show_error


def kolom() -> list[str]:
    return [
        tr("NIP"),
        tr("Nama"),
        tr("Unit"),
        tr("Jenis cuti"),
        tr("Mulai"),
        tr("Selesai"),
        tr("Lama"),
        tr("Status"),
        tr("Pertimbangan atasan"),
        tr("Catatan keputusan"),
    ]


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _date_edit(d: date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(d))
    edit.setObjectName(name)
    edit.setDisplayFormat("dd MMMM yyyy")
    edit.setCalendarPopup(True)
    return edit


class AjukanDialog(QDialog):
    """The request form (Peraturan BKN 24/2017 annex: kind, dates, reason, address)."""

    def __init__(self, db: Database, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Ajukan cuti"))
        self.setMinimumWidth(520)
        self.nip = QLineEdit()
        self.nip.setObjectName("nipCuti")
        self.nip.setPlaceholderText(tr("NIP / NI PPPK"))
        self.jenis = QComboBox()
        self.jenis.setObjectName("jenisCuti")
        for kode, nama in jenis_list(db.conn):
            if kode != "BERSAMA":
                self.jenis.addItem(nama, kode)
        self.mulai = _date_edit(today, "mulaiCuti")
        self.selesai = _date_edit(today, "selesaiCuti")
        self.alasan = QLineEdit()
        self.alasan.setObjectName("alasanCuti")
        self.alamat = QLineEdit()
        self.alamat.setObjectName("alamatCuti")
        self.lampiran = QLineEdit()
        self.lampiran.setObjectName("lampiranCuti")
        self.lampiran.setPlaceholderText(tr("nama berkas surat keterangan, pisahkan dengan ;"))
        self.anak_ke = QSpinBox()
        self.anak_ke.setObjectName("anakKe")
        self.anak_ke.setRange(0, 20)
        self.anak_ke.setSpecialValueText("-")
        form = QFormLayout()
        form.addRow(tr("NIP:"), self.nip)
        form.addRow(tr("Jenis cuti:"), self.jenis)
        form.addRow(tr("Mulai:"), self.mulai)
        form.addRow(tr("Sampai dengan:"), self.selesai)
        form.addRow(tr("Alasan:"), self.alasan)
        form.addRow(tr("Alamat selama cuti:"), self.alamat)
        form.addRow(tr("Lampiran:"), self.lampiran)
        form.addRow(tr("Anak ke (melahirkan):"), self.anak_ke)
        self.buttons = _buttons(self, tr("Ajukan"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def permohonan(self) -> Permohonan:
        return Permohonan(
            str(self.jenis.currentData()),
            pydate(self.mulai.date()),
            pydate(self.selesai.date()),
            self.alasan.text(),
            self.alamat.text(),
            tuple(x.strip() for x in self.lampiran.text().split(";") if x.strip()),
            self.anak_ke.value() or None,
        )


class KeputusanDialog(QDialog):
    """The reason of a decision (and the new dates when the official changes them)."""

    def __init__(
        self, judul: str, c: Cuti, *, ubah: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self.setMinimumWidth(460)
        self.alasan = QLineEdit()
        self.alasan.setObjectName("alasanKeputusan")
        form = QFormLayout()
        form.addRow(
            QLabel(
                tr(
                    "{nama}: {jenis} {m} s.d. {s}",
                    nama=c.nama,
                    jenis=c.jenis_nama,
                    m=tanggal(c.mulai),
                    s=tanggal(c.selesai),
                )
            )
        )
        self.mulai: QDateEdit | None = None
        self.selesai: QDateEdit | None = None
        if ubah:
            self.mulai = _date_edit(c.mulai, "mulaiBaru")
            self.selesai = _date_edit(c.selesai, "selesaiBaru")
            form.addRow(tr("Mulai baru:"), self.mulai)
            form.addRow(tr("Selesai baru:"), self.selesai)
        form.addRow(tr("Alasan:"), self.alasan)
        self.buttons = _buttons(self, tr("Simpan"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)


class CutiPage(Page):
    """Requests and decisions on one tab, the calendar on the other."""

    rights = (("cuti.ajukan",), ("cuti.rekomendasi",), ("cuti.putus",))

    loaded = Signal()
    issued = Signal(object)  # the job's result (a surat or the recap) or the error

    def __init__(
        self,
        db: Database,
        *,
        actor: str = "sistem",
        runner: TaskRunner,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.actor = actor
        self.today = today or date.today()
        self.items: list[Cuti] = []
        self.loading = False  # the list is being read in the background
        self._request = 0
        self._keep: str | None = None  # the request to select once the list is read
        self.dialog: QDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_requests(), tr("Permohonan"))
        self.tabs.addTab(self._build_calendar(), tr("Kalender"))
        layout = QVBoxLayout(self)
        title = QLabel(tr("Cuti pegawai"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.tabs)
        self.refresh()
        self.refresh_calendar()

    # -- requests -------------------------------------------------------------------------------

    def _build_requests(self) -> QWidget:
        box = QWidget()
        self.status = QComboBox()
        self.status.setObjectName("statusCuti")
        self.status.addItem(tr("Semua status"), "")
        for key, label in cuti.STATUS.items():
            self.status.addItem(tr(label), key)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tahun = QSpinBox()
        self.tahun.setObjectName("tahunCuti")
        self.tahun.setRange(1990, 2200)
        self.tahun.setValue(self.today.year)
        self.tahun.valueChanged.connect(lambda _v: self.refresh())
        self.ajukan_button = QPushButton(tr("Ajukan cuti…"))
        self.ajukan_button.setObjectName("ajukanCuti")
        self.ajukan_button.clicked.connect(self.open_ajukan)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tahun:")))
        top.addWidget(self.tahun)
        top.addWidget(QLabel(tr("Status:")))
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.ajukan_button)

        self.table = QTableWidget(0, len(kolom()))
        self.table.setObjectName("tabelCuti")
        self.table.setHorizontalHeaderLabels(kolom())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # sized from the first rows, not from every one of thousands of requests a year
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_selected)

        self.saldo = QLabel(tr("Pilih satu baris untuk melihat saldo cuti pegawai itu."))
        self.saldo.setObjectName("saldoCuti")
        self.saldo.setWordWrap(True)
        self.saldo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        actions = QHBoxLayout()
        self.rekomendasi_button = self._action(tr("Atasan: setuju"), "rekomendasiSetuju")
        self.rekomendasi_button.clicked.connect(self.recommend)
        self.setuju_button = self._action(tr("Setujui"), "setujuiCuti")
        self.setuju_button.clicked.connect(lambda: self.decide("SETUJU"))
        self.ubah_button = self._action(tr("Ubah tanggal…"), "ubahCuti")
        self.ubah_button.clicked.connect(lambda: self.decide("UBAH"))
        self.tunda_button = self._action(tr("Tangguhkan…"), "tundaCuti")
        self.tunda_button.clicked.connect(lambda: self.decide("TUNDA"))
        self.tolak_button = self._action(tr("Tolak…"), "tolakCuti")
        self.tolak_button.clicked.connect(lambda: self.decide("TOLAK"))
        self.batal_button = self._action(tr("Batalkan cuti"), "batalkanCuti")
        self.batal_button.clicked.connect(self.cancel)
        self.surat_button = self._action(tr("Terbitkan surat izin…"), "terbitkanSurat")
        self.surat_button.clicked.connect(lambda: self.issue_surat())
        self.formulir_button = self._action(tr("Formulir (.pdf)…"), "formulirCuti")
        self.formulir_button.clicked.connect(lambda: self.write_formulir())
        self.rekap_button = QPushButton(tr("Rekap bulan ini (.xlsx)…"))
        self.rekap_button.setObjectName("rekapCuti")
        self.rekap_button.clicked.connect(lambda: self.write_rekap())
        for b in (
            self.rekomendasi_button,
            self.setuju_button,
            self.ubah_button,
            self.tunda_button,
            self.tolak_button,
            self.batal_button,
            self.surat_button,
            self.formulir_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.rekap_button)
        self.surat_button.setVisible(allowed(self.actor, "dokumen.terbitkan"))
        self.rekap_button.setVisible(allowed(self.actor, "laporan.baca"))
        self.info = QLabel()
        self.info.setObjectName("infoCuti")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rekomendasi_button.setVisible(allowed(self.actor, "cuti.rekomendasi"))
        for b in (self.setuju_button, self.ubah_button, self.tunda_button, self.tolak_button):
            b.setVisible(allowed(self.actor, "cuti.putus"))
        self.ajukan_button.setVisible(allowed(self.actor, "cuti.ajukan"))
        self.batal_button.setVisible(allowed(self.actor, "cuti.ajukan"))

        self.memuat = QLabel(tr("Memuat daftar cuti…"))
        self.memuat.setObjectName("memuatCuti")
        self.memuat.hide()
        top.insertWidget(top.count() - 2, self.memuat)

        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.saldo)
        layout.addWidget(self.info)
        return box

    def _action(self, text: str, name: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setEnabled(False)
        return b

    def refresh(self, keep: str | None = None) -> None:
        """Read the list again in the background (the newest request wins); ``keep``: the
        request to select once it is shown. ``loaded`` says that the table is filled."""
        self._request += 1
        request, actor, y = self._request, self.actor, self.tahun.value()
        status = str(self.status.currentData() or "") or None
        self._keep = keep
        self.loading = True
        self.memuat.show()
        self.table.setEnabled(False)

        def work(db: Database, _p: Progress) -> list[Cuti]:
            return cuti.daftar_cuti(
                db, actor, status=status, dari=date(y, 1, 1), sampai=date(y, 12, 31)
            )

        self.runner.run(
            work,
            on_done=lambda items: self._loaded(request, items),
            on_error=lambda exc: self._load_failed(request, exc),
        )

    def _load_failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self.loading = False
        self.memuat.hide()
        self.table.setEnabled(True)
        show_error(self, exc)

    def _loaded(self, request: int, items: list[Cuti]) -> None:
        if request != self._request:
            return
        self.items = items
        self.table.setUpdatesEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(self.items))
        for r, c in enumerate(self.items):
            values = [
                c.nip,
                c.nama,
                c.unit_nama,
                c.jenis_nama,
                tanggal(c.mulai),
                tanggal(c.selesai),
                c.lama_teks,
                c.status_label,
                {"SETUJU": tr("Setuju"), "TUNDA": tr("Ditunda"), "TOLAK": tr("Tidak setuju")}.get(
                    c.rekomendasi or "", "-"
                ),
                c.keputusan_catatan or "",
            ]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(value))
        self.table.setUpdatesEnabled(True)
        self.table.setEnabled(True)
        self.loading = False
        self.memuat.hide()
        keep, self._keep = self._keep, None
        if keep:
            for r, c in enumerate(self.items):
                if c.id == keep:
                    self.select_row(r)
        self.show_selected()
        self.loaded.emit()

    def selected(self) -> Cuti | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def show_selected(self) -> None:
        c = self.selected()
        waiting = c is not None and c.status == "DIAJUKAN"
        for b in (
            self.rekomendasi_button,
            self.setuju_button,
            self.ubah_button,
            self.tunda_button,
            self.tolak_button,
        ):
            b.setEnabled(waiting)
        self.batal_button.setEnabled(
            c is not None and c.status in cuti.AKTIF and self.today < c.mulai
        )
        self.surat_button.setEnabled(
            c is not None and c.status == "DISETUJUI" and not c.register_id
        )
        self.formulir_button.setEnabled(c is not None)
        if c is None:
            self.saldo.setText(tr("Pilih satu baris untuk melihat saldo cuti pegawai itu."))
            return
        s = read_saldo(self.db.conn, c.pegawai_id, self.tahun.value()).tahunan
        self.saldo.setText(
            tr(
                "{nama} ({nip}) — cuti tahunan {y}: hak {h}, bawaan {b}, penyesuaian {p}, "
                "dipakai {d}, sisa {s} hari kerja.",
                nama=c.nama,
                nip=c.nip,
                y=self.tahun.value(),
                h=s.hak,
                b=s.bawaan,
                p=s.penyesuaian,
                d=s.dipakai,
                s=s.sisa,
            )
        )

    def _after_write(self, keep: str | None = None) -> None:
        self.refresh(keep)  # ``keep`` is selected again once the list is read
        self.recordsChanged.emit()

    def open_ajukan(self) -> None:
        dialog = AjukanDialog(self.db, self.today, self)
        dialog.accepted.connect(lambda: self._submit(dialog))
        self.dialog = dialog
        dialog.open()

    def _submit(self, dialog: AjukanDialog) -> None:
        try:
            pid = find_pegawai_id(self.db.conn, dialog.nip.text())
            cid = cuti.ajukan(self.db, pid, dialog.permohonan(), actor=self.actor, today=self.today)
        except MeritError as exc:
            show_error(self, exc)
            return
        self._after_write(cid)

    def recommend(self) -> None:
        c = self.selected()
        if c is None:
            return
        try:
            cuti.rekomendasikan(self.db, c.id, "SETUJU", actor=self.actor, today=self.today)
        except MeritError as exc:
            show_error(self, exc)
            return
        self._after_write(c.id)

    def decide(self, keputusan: str) -> None:
        c = self.selected()
        if c is None:
            return
        if keputusan == "SETUJU":
            self._decide(c, keputusan, "", None, None)
            return
        judul = {
            "UBAH": tr("Setujui dengan perubahan tanggal"),
            "TUNDA": tr("Tangguhkan cuti"),
            "TOLAK": tr("Tolak cuti"),
        }[keputusan]
        dialog = KeputusanDialog(judul, c, ubah=keputusan == "UBAH", parent=self)

        def accepted() -> None:
            mulai = pydate(dialog.mulai.date()) if dialog.mulai else None
            selesai = pydate(dialog.selesai.date()) if dialog.selesai else None
            self._decide(c, keputusan, dialog.alasan.text(), mulai, selesai)

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    def _decide(
        self, c: Cuti, keputusan: str, alasan: str, mulai: date | None, selesai: date | None
    ) -> None:
        try:
            cuti.putuskan(
                self.db,
                c.id,
                keputusan,
                catatan=alasan,
                mulai=mulai,
                selesai=selesai,
                actor=self.actor,
                today=self.today,
            )
        except MeritError as exc:
            show_error(self, exc)
            return
        self._after_write(c.id)

    def cancel(self) -> None:
        c = self.selected()
        if c is None:
            return
        try:
            cuti.batalkan(self.db, c.id, actor=self.actor, today=self.today)
        except MeritError as exc:
            show_error(self, exc)
            return
        self._after_write(c.id)

    def issue_surat(self, folder: Path | None = None) -> None:
        """Issue the surat izin cuti of the selected approved leave, in the background."""
        c = self.selected()
        if c is None:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, tr("Folder surat izin cuti"))
            if not chosen:
                return
            folder = Path(chosen)
        actor, today, cid = self.actor, self.today, c.id

        def work(db: Database, p: Progress) -> object:
            from app.jobs import cuti as cuti_jobs  # lazy: reportlab, when a surat is issued

            request = cuti_jobs.SuratCutiRequest(cid, folder, today)
            return cuti_jobs.issue_surat_cuti(db, actor, request, p)

        self.surat_button.setEnabled(False)
        self.info.setText(tr("Menerbitkan surat izin cuti…"))
        self.runner.run(work, on_done=self._surat_done, on_error=self._job_error, bulk=True)

    def _surat_done(self, hasil: object) -> None:
        from app.jobs.dokumen import HasilTerbit  # lazy: loaded by the job already

        assert isinstance(hasil, HasilTerbit)
        path = hasil.berkas[0].path if hasil.berkas else ""
        self.info.setText(
            tr("Surat izin cuti terbit: {n}, berkas {p}", n=", ".join(hasil.nomor), p=path)
        )
        current = self.selected()
        self._after_write(current.id if current else None)
        self.issued.emit(hasil)

    def _job_error(self, exc: BaseException) -> None:
        self.info.setText("")
        self.show_selected()
        show_error(self, exc)
        self.issued.emit(exc)

    def write_formulir(self, target: Path | None = None) -> None:
        """The request form of the selected leave as PDF, in the background."""
        c = self.selected()
        if c is None:
            return
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("Simpan formulir cuti"), f"formulir_cuti_{c.nip}.pdf", tr("PDF (*.pdf)")
            )
            if not chosen:
                return
            target = Path(chosen)
        actor, cid, path = self.actor, c.id, target

        def work(db: Database, _p: Progress) -> object:
            from app.jobs import cuti as cuti_jobs  # lazy: reportlab, when a form is written

            return cuti_jobs.write_formulir(db, actor, cid, path)

        def done(result: object) -> None:
            self.info.setText(tr("Formulir cuti disimpan: {p}", p=result))
            self.issued.emit(result)

        self.runner.run(work, on_done=done, on_error=self._job_error, bulk=True)

    def write_rekap(self, target: Path | None = None) -> None:
        """The month's recap and the year's balances as .xlsx, in the background."""
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("Simpan rekap cuti"), "rekap_cuti.xlsx", tr("Excel (*.xlsx)")
            )
            if not chosen:
                return
            target = Path(chosen)
        actor = self.actor
        bulan = self.today.month if self.tahun.value() == self.today.year else 12
        from app.jobs import cuti as cuti_jobs  # lazy: openpyxl, when a recap is written

        request = cuti_jobs.RekapCutiRequest(target, self.tahun.value(), bulan)

        def work(db: Database, p: Progress) -> object:
            return cuti_jobs.write_rekap_cuti(db, actor, request, p)

        def done(counts: object) -> None:
            self.info.setText(tr("Rekap cuti disimpan: {p}", p=target))
            self.issued.emit(counts)

        self.info.setText(tr("Menyusun rekap cuti…"))
        self.runner.run(work, on_done=done, on_error=self._job_error, bulk=True)

    # -- calendar -------------------------------------------------------------------------------

    def _build_calendar(self) -> QWidget:
        box = QWidget()
        self.kal_tahun = QSpinBox()
        self.kal_tahun.setObjectName("tahunKalender")
        self.kal_tahun.setRange(1990, 2200)
        self.kal_tahun.setValue(self.today.year)
        self.kal_tahun.valueChanged.connect(self.refresh_calendar)
        self.hari_kerja = QComboBox()
        self.hari_kerja.setObjectName("hariKerja")
        self.hari_kerja.addItem(tr("5 hari (Senin–Jumat)"), "5")
        self.hari_kerja.addItem(tr("6 hari (Senin–Sabtu)"), "6")
        self.hari_kerja.setCurrentIndex(1 if kal.hari_per_minggu(self.db.conn) == 6 else 0)
        self.hari_kerja.activated.connect(self.save_week)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tahun:")))
        top.addWidget(self.kal_tahun)
        top.addWidget(QLabel(tr("Hari kerja per minggu:")))
        top.addWidget(self.hari_kerja)
        top.addStretch(1)
        self.impor_button = QPushButton(tr("Impor .csv/.xlsx…"))
        self.impor_button.setObjectName("imporKalender")
        self.impor_button.clicked.connect(lambda: self.import_file())
        top.addWidget(self.impor_button)

        self.kal_table = QTableWidget(0, 3)
        self.kal_table.setObjectName("tabelKalender")
        self.kal_table.setHorizontalHeaderLabels([tr("Tanggal"), tr("Jenis"), tr("Keterangan")])
        self.kal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kal_table.verticalHeader().setVisible(False)
        self.kal_table.horizontalHeader().setStretchLastSection(True)

        self.kal_tanggal = _date_edit(self.today, "tanggalKalender")
        self.kal_jenis = QComboBox()
        self.kal_jenis.setObjectName("jenisKalender")
        for key, label in kal.JENIS_TANGGAL.items():
            self.kal_jenis.addItem(tr(label), key)
        self.kal_keterangan = QLineEdit()
        self.kal_keterangan.setObjectName("keteranganKalender")
        self.kal_keterangan.setPlaceholderText(tr("mis. Hari Raya Idulfitri"))
        self.tambah_button = QPushButton(tr("Tambah"))
        self.tambah_button.setObjectName("tambahKalender")
        self.tambah_button.clicked.connect(self.add_date)
        self.hapus_button = QPushButton(tr("Hapus yang dipilih"))
        self.hapus_button.setObjectName("hapusKalender")
        self.hapus_button.clicked.connect(self.remove_dates)
        add = QHBoxLayout()
        add.addWidget(self.kal_tanggal)
        add.addWidget(self.kal_jenis)
        add.addWidget(self.kal_keterangan, 1)
        add.addWidget(self.tambah_button)
        add.addWidget(self.hapus_button)
        editable = allowed(self.actor, "instansi.ubah")
        for w in (self.impor_button, self.tambah_button, self.hapus_button, self.hari_kerja):
            w.setEnabled(editable)
        self.kal_info = QLabel()
        self.kal_info.setObjectName("infoKalender")
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.kal_table, 1)
        layout.addLayout(add)
        layout.addWidget(self.kal_info)
        return box

    def refresh_calendar(self) -> None:
        y = self.kal_tahun.value()
        rows = kal.list_tanggal(self.db.conn, y)
        self.kal_rows = rows
        self.kal_table.setRowCount(len(rows))
        for r, t in enumerate(rows):
            self.kal_table.setItem(r, 0, QTableWidgetItem(tanggal(t.tanggal)))
            self.kal_table.setItem(r, 1, QTableWidgetItem(tr(kal.JENIS_TANGGAL[t.jenis])))
            self.kal_table.setItem(r, 2, QTableWidgetItem(t.keterangan))
        self.kal_table.resizeColumnsToContents()
        self.kal_table.horizontalHeader().setStretchLastSection(True)
        k = kal.read_kalender(self.db.conn)
        kerja = k.hari_kerja(date(y, 1, 1), date(y, 12, 31))
        self.kal_info.setText(
            tr("Tahun {y}: {n} tanggal, {k} hari kerja.", y=y, n=len(rows), k=kerja)
            if rows
            else tr(
                "Kalender tahun {y} belum diisi: cuti tahunan tahun itu belum dapat diajukan.",
                y=y,
            )
        )

    def _calendar_written(self) -> None:
        self.refresh_calendar()
        self.refresh()
        self.recordsChanged.emit()

    def add_date(self) -> None:
        item = kal.TanggalKalender(
            pydate(self.kal_tanggal.date()),
            str(self.kal_jenis.currentData()),
            self.kal_keterangan.text().strip(),
        )
        try:
            kal.write_tanggal(self.db, [item], actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.kal_keterangan.clear()
        self._calendar_written()

    def remove_dates(self) -> None:
        rows = sorted({i.row() for i in self.kal_table.selectionModel().selectedRows()})
        items = [self.kal_rows[r] for r in rows if r < len(self.kal_rows)]
        if not items:
            return
        try:
            kal.write_tanggal(self.db, items, actor=self.actor, hapus=True)
        except MeritError as exc:
            show_error(self, exc)
            return
        self._calendar_written()

    def save_week(self) -> None:
        try:
            kal.set_setelan(
                self.db, {"cuti_hari_kerja": str(self.hari_kerja.currentData())}, actor=self.actor
            )
        except MeritError as exc:
            show_error(self, exc)
            return
        self._calendar_written()

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Impor kalender"), "", tr("Lembar kerja (*.csv *.xlsx *.xls)")
            )
        if not path:
            return
        try:
            n = kal.import_kalender(self.db, Path(path), actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.kal_info.setText(tr("{n} tanggal diimpor.", n=n))
        self._calendar_written()

    def records_changed(self) -> None:
        self.refresh()
