"""Kompetensi & pelatihan: the standard of a position (edit, copy from a similar one, fill
the jenjang's default), the training needs list (tick people, plan an event for them, export
the list to Excel), the events (complete one: every participant's riwayat diklat and JP in one
write) and the talent box (9 cells with their people). Rules in app/models/kompetensi/ and
app/models/pelatihan/."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tanggal, tr
from app.jobs import kompetensi as jobs
from app.models.errors import MeritError
from app.models.kompetensi import kamus, kebutuhan, mentor, nilai, standar, suksesi, talenta
from app.models.pelatihan import acara as pel
from app.models.pelatihan import evaluasi
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.pages.kompetensi_grafik import GrafikTab
from app.ui.tasks import TaskRunner
from app.ui.widgets.dates import pydate, qdate
from app.ui.widgets.messages import show_error


def _item(value: object, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class StandarTab(QWidget):
    """The required level of every competency of the library for one position."""

    def __init__(self, page: KompetensiPage) -> None:
        super().__init__()
        self.page = page
        self.jabatan = QComboBox()
        self.jabatan.setObjectName("jabatanStandar")
        self.sumber = QComboBox()
        self.sumber.setObjectName("jabatanSumber")
        self.table = _table([tr("Kode"), tr("Kompetensi"), tr("Jenis"), tr("Level")], "standar")
        self.simpan = QPushButton(tr("Simpan standar"))
        self.simpan.setObjectName("simpanStandar")
        self.salin = QPushButton(tr("Salin dari jabatan ini"))
        self.salin.setObjectName("salinStandar")
        self.bawaan = QPushButton(tr("Isi level bawaan jenjang"))
        self.bawaan.setObjectName("bawaanStandar")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Jabatan:")))
        top.addWidget(self.jabatan, 1)
        copy = QHBoxLayout()
        copy.addWidget(QLabel(tr("Jabatan serupa:")))
        copy.addWidget(self.sumber, 1)
        copy.addWidget(self.salin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.bawaan)
        buttons.addStretch(1)
        buttons.addWidget(self.simpan)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(copy)
        layout.addWidget(
            QLabel(tr("Level 1-5 per kompetensi (0 = tidak dipersyaratkan); PermenPANRB 38/2017."))
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.spins: dict[str, QSpinBox] = {}
        self.jabatan.currentIndexChanged.connect(self.load)
        self.simpan.clicked.connect(self.save)
        self.salin.clicked.connect(self.copy)
        self.bawaan.clicked.connect(self.fill_default)

    def fill_jabatan(self) -> None:
        rows = self.page.jabatan_list()
        for combo in (self.jabatan, self.sumber):
            combo.blockSignals(True)
            combo.clear()
            for jid, label in rows:
                combo.addItem(label, jid)
            combo.blockSignals(False)
        self.load()

    def load(self) -> None:
        jid = self.jabatan.currentData()
        items = kamus.list_kompetensi(self.page.db.conn)
        current = (
            {s.kompetensi_kode: s.level for s in standar.list_standar(self.page.db.conn, jid)}
            if jid
            else {}
        )
        if [k.kode for k in items] == list(self.spins):  # same library: only the values
            for kode, spin in self.spins.items():
                spin.setValue(current.get(kode, 0))
            return
        self.table.setRowCount(len(items))
        self.spins = {}
        for r, k in enumerate(items):
            self.table.setItem(r, 0, _item(k.kode))
            self.table.setItem(r, 1, _item(k.nama))
            self.table.setItem(r, 2, _item(kamus.jenis_label(k.jenis)))
            spin = QSpinBox()
            spin.setRange(0, 5)
            spin.setObjectName(f"level_{k.kode}")
            spin.setValue(current.get(k.kode, 0))
            self.table.setCellWidget(r, 3, spin)
            self.spins[k.kode] = spin

    def save(self) -> None:
        jid = self.jabatan.currentData()
        if not jid:
            return
        levels: dict[str, int | None] = {
            kode: (spin.value() or None) for kode, spin in self.spins.items()
        }
        try:
            standar.set_standar(self.page.db, jid, levels, actor=self.page.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.page.status.setText(tr("Standar {j} disimpan.", j=self.jabatan.currentText()))
        self.load()
        self.page.refresh_needs()

    def copy(self) -> None:
        source, target = self.sumber.currentData(), self.jabatan.currentData()
        if not source or not target or source == target:
            return
        try:
            standar.copy_standar(self.page.db, source, target, actor=self.page.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.page.status.setText(tr("Standar disalin dari {j}.", j=self.sumber.currentText()))
        self.load()
        self.page.refresh_needs()

    def fill_default(self) -> None:
        jid = self.jabatan.currentData()
        if not jid:
            return
        for kode, level in standar.standar_bawaan(self.page.db.conn, jid).items():
            if kode in self.spins:
                self.spins[kode].setValue(level)


class KebutuhanTab(QWidget):
    """The training needs list; tick people and plan an event for them."""

    HEADERS: ClassVar[list[str]] = [
        "",
        "Peringkat",
        "NIP",
        "Nama",
        "Unit kerja",
        "Kompetensi",
        "Standar",
        "Dimiliki",
        "Kurang",
        "Pegawai sama",
        "Kurang JP",
    ]

    def __init__(self, page: KompetensiPage) -> None:
        super().__init__()
        self.page = page
        self.tahun = QSpinBox()
        self.tahun.setObjectName("tahunKebutuhan")
        self.tahun.setRange(2000, 2100)
        self.tahun.setValue(page.today.year)
        self.kompetensi = QComboBox()
        self.kompetensi.setObjectName("kompetensiKebutuhan")
        self.table = _table([tr(h) for h in self.HEADERS], "kebutuhan")
        self.katalog = QComboBox()
        self.katalog.setObjectName("katalogAcara")
        self.mulai = QDateEdit(qdate(page.today))
        self.mulai.setObjectName("mulaiAcara")
        self.mulai.setDisplayFormat("dd-MM-yyyy")
        self.selesai = QDateEdit(qdate(page.today))
        self.selesai.setObjectName("selesaiAcara")
        self.selesai.setDisplayFormat("dd-MM-yyyy")
        self.buat = QPushButton(tr("Buat acara untuk yang dicentang"))
        self.buat.setObjectName("buatAcara")
        self.ekspor = QPushButton(tr("Ekspor Excel..."))
        self.ekspor.setObjectName("eksporKebutuhan")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("Tahun:")))
        filters.addWidget(self.tahun)
        filters.addWidget(QLabel(tr("Kompetensi:")))
        filters.addWidget(self.kompetensi, 1)
        filters.addWidget(self.ekspor)
        plan = QHBoxLayout()
        plan.addWidget(QLabel(tr("Pelatihan:")))
        plan.addWidget(self.katalog, 1)
        plan.addWidget(QLabel(tr("Mulai:")))
        plan.addWidget(self.mulai)
        plan.addWidget(QLabel(tr("Selesai:")))
        plan.addWidget(self.selesai)
        plan.addWidget(self.buat)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(plan)
        self.rows: list[kebutuhan.Kebutuhan] = []
        self.tahun.valueChanged.connect(self.load)
        self.kompetensi.currentIndexChanged.connect(self.load)
        self.buat.clicked.connect(self.create_event)
        self.ekspor.clicked.connect(self.export)

    def fill_filters(self) -> None:
        self.kompetensi.blockSignals(True)
        self.kompetensi.clear()
        self.kompetensi.addItem(tr("Semua kompetensi"), None)
        for k in kamus.list_kompetensi(self.page.db.conn):
            self.kompetensi.addItem(f"{k.kode} {k.nama}", k.kode)
        self.kompetensi.blockSignals(False)
        self.fill_katalog()
        self.load()

    def fill_katalog(self) -> None:
        self.katalog.clear()
        for k in pel.list_katalog(self.page.db.conn):
            self.katalog.addItem(f"{k.nama} ({k.jp} JP)", k.id)

    def load(self) -> None:
        """Read the needs list in the background (a second on 20,000 employees)."""
        tahun, kode = self.tahun.value(), self.kompetensi.currentData()
        self.page.background(
            "kebutuhan",
            lambda db: kebutuhan.kebutuhan_pelatihan(db.conn, tahun, kompetensi=kode),
            self.show_rows,
        )

    def show_rows(self, rows: list[kebutuhan.Kebutuhan]) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for r, n in enumerate(self.rows):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(r, 0, check)
            values = (
                n.peringkat,
                n.nip,
                n.nama,
                n.unit_nama,
                f"{n.kompetensi_kode} {n.kompetensi_nama}",
                n.standar,
                n.dimiliki,
                n.kekurangan,
                n.jumlah_sama,
                n.jp_kurang,
            )
            for c, v in enumerate(values, start=1):
                self.table.setItem(r, c, _item(v, align_right=isinstance(v, int)))

    def checked(self) -> list[kebutuhan.Kebutuhan]:
        chosen = []
        for r, n in enumerate(self.rows):
            item = self.table.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                chosen.append(n)
        return chosen

    def create_event(self) -> None:
        chosen = self.checked()
        katalog = self.katalog.currentData()
        if not chosen or not katalog:
            QMessageBox.information(
                self, tr("Buat acara"), tr("Centang pegawai dan pilih pelatihan dari katalog.")
            )
            return
        try:
            acara_id = pel.create_acara(
                self.page.db,
                katalog,
                pydate(self.mulai.date()).isoformat(),
                pydate(self.selesai.date()).isoformat(),
                actor=self.page.actor,
            )
            pel.add_peserta(
                self.page.db,
                acara_id,
                {n.pegawai_id: n.kompetensi_kode for n in chosen},
                actor=self.page.actor,
            )
        except MeritError as exc:
            show_error(self, exc)
            return
        self.page.status.setText(tr("Acara dibuat dengan {n} peserta.", n=len(chosen)))
        self.page.acara_tab.load(select=acara_id)
        self.page.tabs.setCurrentWidget(self.page.acara_tab)

    def export(self) -> None:
        start = str(paths.exports_dir() / f"kebutuhan-pelatihan-{self.tahun.value()}.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, tr("Simpan kebutuhan pelatihan"), start,
                                              "Excel (*.xlsx)")  # fmt: skip
        if name:
            self.export_to(Path(name))

    def export_to(self, target: Path) -> None:
        request = jobs.KebutuhanRequest(
            target, self.tahun.value(), kompetensi=self.kompetensi.currentData()
        )
        actor = self.page.actor
        self.ekspor.setEnabled(False)

        def done(n: object) -> None:
            self.ekspor.setEnabled(True)
            self.page.status.setText(tr("Ditulis ke {p}: {n} baris.", p=target, n=n))

        def failed(exc: BaseException) -> None:
            self.ekspor.setEnabled(True)
            show_error(self, exc)

        self.page.runner.run(
            lambda db, progress: jobs.write_kebutuhan(db, actor, request, progress),
            on_done=done,
            on_error=failed,
            bulk=True,
        )


class NilaiTab(QWidget):
    """Assessment results from an assessment centre's sheet: choose the file, read the
    preview (every problem with its row and column), then save all rows or none."""

    def __init__(self, page: KompetensiPage) -> None:
        super().__init__()
        self.page = page
        self.pilih = QPushButton(tr("Pilih berkas hasil assessment (.xlsx/.csv)..."))
        self.pilih.setObjectName("pilihBerkasNilai")
        self.berkas = QLabel(tr("Belum ada berkas."))
        self.berkas.setObjectName("berkasNilai")
        self.table = _table(
            [tr("Baris"), tr("NIP"), tr("Nama"), tr("Tanggal"), tr("Level"), tr("Potensi")],
            "pratinjauNilai",
        )
        self.masalah = QLabel()
        self.masalah.setObjectName("masalahNilai")
        self.masalah.setWordWrap(True)
        self.masalah.setStyleSheet("color: #a00000;")
        self.simpan = QPushButton(tr("Simpan semua baris"))
        self.simpan.setObjectName("simpanNilai")
        self.simpan.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.pilih)
        top.addWidget(self.berkas, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "Satu baris per pegawai: NIP, Tanggal, lalu satu kolom per kompetensi (kode "
                    "seperti M.01 atau nama seperti Integritas); boleh juga Sumber, Penilai, "
                    "Potensi (1-3 atau rendah/menengah/tinggi) dan Skor potensi."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.masalah)
        layout.addWidget(self.simpan)
        self.plan: nilai.RencanaNilai | None = None
        self.pilih.clicked.connect(self.choose)
        self.simpan.clicked.connect(self.save)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Pilih berkas hasil assessment"), "", "Excel/CSV (*.xlsx *.xls *.csv)"
        )
        if name:
            self.preview(Path(name))

    def preview(self, path: Path) -> None:
        """Read and check the sheet in the background; show the rows and the problems."""
        actor = self.page.actor
        self.pilih.setEnabled(False)
        self.simpan.setEnabled(False)
        self.berkas.setText(tr("Membaca {p}...", p=path))

        def failed(exc: BaseException) -> None:
            self.pilih.setEnabled(True)
            self.plan = None
            self.berkas.setText(tr("Belum ada berkas."))
            show_error(self, exc)

        self.page.runner.run(
            lambda db, progress: jobs.import_nilai(db, actor, path, simpan=False),
            on_done=lambda plan: self.show_plan(path, plan),
            on_error=failed,
            bulk=True,
        )

    def show_plan(self, path: Path, plan: nilai.RencanaNilai) -> None:
        self.pilih.setEnabled(True)
        self.plan = plan
        self.berkas.setText(str(path))
        self.table.setRowCount(len(plan.rows))
        for r, row in enumerate(plan.rows):
            p = row.penilaian
            levels = ", ".join(f"{k}={v}" for k, v in p.levels.items())
            potensi = nilai.POTENSI_NAMA.get(p.potensi or 0, "")
            for c, v in enumerate((row.baris, row.nip, row.nama, tanggal(p.tanggal), levels,
                                   potensi)):  # fmt: skip
                self.table.setItem(r, c, _item(v))
        if plan.problems:
            shown = plan.problems[:15]
            more = len(plan.problems) - len(shown)
            text = "\n".join(shown) + (tr("\n... dan {n} masalah lain.", n=more) if more else "")
            self.masalah.setText(
                tr("Berkas belum dapat disimpan ({n} masalah):", n=len(plan.problems))
                + "\n" + text
            )  # fmt: skip
        else:
            self.masalah.setText("")
        self.simpan.setEnabled(plan.ok)

    def save(self) -> None:
        """Write the previewed rows (all or none) in the background."""
        plan, actor = self.plan, self.page.actor
        if plan is None:
            return
        self.simpan.setEnabled(False)
        self.pilih.setEnabled(False)

        def done(n: object) -> None:
            self.pilih.setEnabled(True)
            self.plan = None
            self.page.status.setText(tr("Hasil penilaian disimpan: {n} nilai.", n=n))
            self.page.refresh_needs()
            self.page.recordsChanged.emit()

        def failed(exc: BaseException) -> None:
            self.pilih.setEnabled(True)
            self.simpan.setEnabled(True)
            show_error(self, exc)

        self.page.runner.run(
            lambda db, progress: nilai.apply_impor_nilai(db, plan, actor=actor),
            on_done=done,
            on_error=failed,
            bulk=True,
        )


class AcaraTab(QWidget):
    """Training events and their participants; completing an event."""

    def __init__(self, page: KompetensiPage) -> None:
        super().__init__()
        self.page = page
        self.acara = _table(
            [tr("Acara"), tr("Mulai"), tr("Selesai"), tr("JP"), tr("Status"), tr("Peserta")],
            "acara",
        )
        self.peserta = _table(
            [tr("NIP"), tr("Nama"), tr("Unit kerja"), tr("Kompetensi"), tr("Status"),
             tr("Nomor sertifikat")],
            "peserta",
        )  # fmt: skip
        self.selesai = QPushButton(tr("Selesaikan acara (tulis riwayat diklat dan JP)"))
        self.selesai.setObjectName("selesaikanAcara")
        layout = QVBoxLayout(self)
        layout.addWidget(self.acara, 1)
        layout.addWidget(QLabel(tr("Peserta:")))
        layout.addWidget(self.peserta, 1)
        self.evaluasi = QLabel()
        self.evaluasi.setObjectName("hasilEvaluasi")
        layout.addWidget(self.evaluasi)
        layout.addWidget(self.selesai)
        self.items: list[pel.Acara] = []
        self.acara.itemSelectionChanged.connect(self.load_peserta)
        self.selesai.clicked.connect(self.complete)
        self.confirm: QMessageBox | None = None
        self.dokumen = AcaraDokumen(self)
        layout.addWidget(self.dokumen)

    def load(self, select: str | None = None) -> None:
        self.items = pel.list_acara(self.page.db.conn)
        self.acara.setRowCount(len(self.items))
        for r, a in enumerate(self.items):
            values = (a.nama, tanggal(a.tanggal_mulai), tanggal(a.tanggal_selesai), a.jp,
                      pel.status_label(a.status), a.peserta)  # fmt: skip
            for c, v in enumerate(values):
                self.acara.setItem(r, c, _item(v))
            if a.id == select:
                self.acara.selectRow(r)
        if select is None and self.items:
            self.acara.selectRow(0)
        self.load_peserta()

    def current(self) -> pel.Acara | None:
        rows = self.acara.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def load_peserta(self) -> None:
        acara = self.current()
        rows = pel.list_peserta(self.page.db.conn, acara.id) if acara else []
        self.peserta.setRowCount(len(rows))
        for r, p in enumerate(rows):
            values = (p.nip, p.nama, p.unit_nama, p.kompetensi_kode, pel.status_label(p.status),
                      p.nomor_sertifikat)  # fmt: skip
            for c, v in enumerate(values):
                self.peserta.setItem(r, c, _item(v))
        self.selesai.setEnabled(acara is not None and acara.status == pel.RENCANA)
        self.evaluasi.setText(self._evaluasi_text(acara))
        self.dokumen.update_buttons(acara, bool(rows))

    def _evaluasi_text(self, acara: pel.Acara | None) -> str:
        if acara is None or acara.status != pel.SELESAI:
            return ""
        try:
            r = evaluasi.get_evaluasi_acara(self.page.db.conn, acara.id)
        except MeritError:
            return tr("Evaluasi peserta: belum ada.")
        text = tr(
            "Evaluasi peserta ({n} jawaban): relevansi {r}, manfaat {m}, pengajar {p} (skala "
            "1-5); {t} merasa tidak relevan.",
            n=r.jawaban,
            r=angka(r.relevansi, 2),
            m=angka(r.manfaat, 2),
            p=angka(r.pengajar, 2),
            t=r.tidak_relevan,
        )
        return text + (tr(" Perlu ditinjau sebelum direncanakan lagi.") if r.tinjau else "")

    def complete(self) -> None:
        acara = self.current()
        if acara is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Selesaikan acara"),
            tr(
                "Selesaikan {n}? Riwayat diklat {jp} JP ditulis untuk setiap peserta terdaftar.",
                n=acara.nama,
                jp=acara.jp,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("konfirmasiSelesai")
        box.finished.connect(lambda result: self._answer(acara.id, result))
        self.confirm = box
        box.open()

    def _answer(self, acara_id: str, result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        try:
            n = pel.complete_acara(self.page.db, acara_id, actor=self.page.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.page.status.setText(tr("Acara selesai: riwayat diklat {n} peserta ditulis.", n=n))
        self.load(select=acara_id)
        self.page.refresh_needs()
        self.page.recordsChanged.emit()


class TalentaTab(QWidget):
    """The 9-box: kinerja rows (di atas on top) × potensi columns, each cell its box number,
    how many and who."""

    def __init__(self, page: KompetensiPage) -> None:
        super().__init__()
        self.page = page
        grid = QGridLayout()
        self.cells: dict[tuple[int, int], QLabel] = {}
        for c, label in enumerate((tr("Potensi rendah"), tr("Potensi menengah"),
                                   tr("Potensi tinggi")), start=1):  # fmt: skip
            grid.addWidget(QLabel(f"<b>{label}</b>"), 0, c, Qt.AlignmentFlag.AlignCenter)
        for r, (kinerja, label) in enumerate(
            ((3, tr("Kinerja di atas ekspektasi")), (2, tr("Kinerja sesuai ekspektasi")),
             (1, tr("Kinerja di bawah ekspektasi"))), start=1,
        ):  # fmt: skip
            grid.addWidget(QLabel(f"<b>{label}</b>"), r, 0)
            for potensi in (1, 2, 3):
                cell = QLabel()
                cell.setObjectName(f"kotak_{kinerja}_{potensi}")
                cell.setWordWrap(True)
                cell.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                cell.setMinimumSize(220, 80)
                cell.setFrameShape(QLabel.Shape.Box)
                grid.addWidget(cell, r, potensi)
                self.cells[(kinerja, potensi)] = cell
        self.catatan = QLabel()
        self.kunci = QComboBox()
        self.kunci.setObjectName("jabatanKunci")
        self.calon = _table(
            [tr("Peringkat"), tr("NIP"), tr("Nama"), tr("Jabatan sekarang"), tr("Kotak"),
             tr("JPM (%)"), tr("Kurang level"), tr("Kesiapan"), tr("Catatan")],
            "calonSuksesor",
        )  # fmt: skip
        pick = QHBoxLayout()
        pick.addWidget(QLabel(tr("Calon suksesor jabatan kunci:")))
        pick.addWidget(self.kunci, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.catatan)
        layout.addLayout(pick)
        layout.addWidget(self.calon, 1)
        self.kunci.currentIndexChanged.connect(self.load_calon)

    def load_calon(self) -> None:
        jid = self.kunci.currentData()
        if not jid:
            self.show_calon([])
            return
        self.page.background("calon", lambda db: suksesi.list_calon(db.conn, jid), self.show_calon)

    def show_calon(self, rows: list[suksesi.Calon]) -> None:
        self.calon.setRowCount(len(rows))
        for r, c in enumerate(rows):
            for col, v in enumerate(_calon_values(c)):
                self.calon.setItem(r, col, _item(v))

    def load(self) -> None:
        """Read the boxes and the key posts in the background."""

        def read(db: Database) -> tuple[object, ...]:
            conn = db.conn
            return (
                talenta.list_kotak(conn),
                talenta.list_talenta(conn),
                suksesi.list_jabatan_kunci(conn),
            )

        self.page.background("talenta", read, self.show_boxes)

    def show_boxes(
        self,
        data: tuple[
            dict[tuple[int, int], talenta.Kotak],
            list[talenta.Talenta],
            list[suksesi.JabatanKunci],
        ],
    ) -> None:
        boxes, rows, posts = data
        for (kinerja, potensi), cell in self.cells.items():
            box = boxes.get((kinerja, potensi))
            people = [r.nama for r in rows if (r.kinerja, r.potensi) == (kinerja, potensi)]
            pool = box is not None and box.kelompok_suksesi
            colour = "#d8f0d8" if pool else "#f4f4f4"
            cell.setStyleSheet(f"background: {colour}; padding: 4px;")
            shown = ", ".join(people[:8]) + (" …" if len(people) > 8 else "")
            cell.setText(
                f"<b>{tr('Kotak')} {box.nomor if box else '?'}</b> — {len(people)} "
                f"{tr('orang')}<br>{shown}"
            )
        current = self.kunci.currentData()
        self.kunci.blockSignals(True)
        self.kunci.clear()
        for post in posts:
            holders = ", ".join(post.pemangku) or tr("lowong")
            self.kunci.addItem(f"{post.nama} — {post.unit_nama} ({holders})", post.id)
        index = self.kunci.findData(current)
        self.kunci.setCurrentIndex(max(index, 0))
        self.kunci.blockSignals(False)
        self.load_calon()
        tanpa = sum(1 for r in rows if r.kotak is None)
        self.catatan.setText(
            tr(
                "Kotak 7-9 (hijau): kelompok rencana suksesi (PermenPANRB 3/2020). {n} pegawai "
                "belum masuk kotak (belum ada predikat SKP atau hasil potensi).",
                n=tanpa,
            )
        )


class MentorTab(QWidget):
    """Mentoring (issue 15 item 6): the pairs, a form to pair (the suggested mentor of the
    chosen mentee pre-filled), the meetings of the chosen pair, closing it."""

    def __init__(self, page: KompetensiPage) -> None:
        super().__init__()
        self.page = page
        self.pasangan = _table(
            [tr("Mentee"), tr("Mentor"), tr("Unit kerja"), tr("Mulai"), tr("Selesai"),
             tr("Status"), tr("Pertemuan"), tr("Tujuan")],
            "pasanganMentor",
        )  # fmt: skip
        self.mentee = QComboBox()
        self.mentee.setObjectName("mentee")
        self.mentor = QComboBox()
        self.mentor.setObjectName("mentor")
        for combo in (self.mentee, self.mentor):
            # Long names and units must not widen the page.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(30)
        self.saran = QLabel()
        self.saran.setObjectName("saranMentor")
        self.tujuan = QLineEdit()
        self.tujuan.setObjectName("tujuanMentoring")
        self.tujuan.setPlaceholderText(tr("mis. memahami tata naskah dinas dan SKP"))
        self.mulai = QDateEdit(qdate(page.today))
        self.mulai.setCalendarPopup(True)
        self.mulai.setObjectName("mulaiMentoring")
        self.pasangkan = QPushButton(tr("Pasangkan"))
        self.pasangkan.setObjectName("pasangkan")
        form = QGridLayout()
        form.addWidget(QLabel(tr("Mentee:")), 0, 0)
        form.addWidget(self.mentee, 0, 1)
        form.addWidget(QLabel(tr("Mentor:")), 0, 2)
        form.addWidget(self.mentor, 0, 3)
        form.addWidget(self.saran, 1, 1, 1, 3)
        form.addWidget(QLabel(tr("Tujuan:")), 2, 0)
        form.addWidget(self.tujuan, 2, 1)
        form.addWidget(QLabel(tr("Mulai:")), 2, 2)
        form.addWidget(self.mulai, 2, 3)
        form.addWidget(self.pasangkan, 2, 4)

        self.pertemuan = _table(
            [tr("Tanggal"), tr("Topik"), tr("Catatan"), tr("Tindak lanjut")], "pertemuanMentor"
        )
        self.tanggal = QDateEdit(qdate(page.today))
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setObjectName("tanggalPertemuan")
        self.topik = QLineEdit()
        self.topik.setObjectName("topikPertemuan")
        self.topik.setPlaceholderText(tr("Topik"))
        self.catatan = QLineEdit()
        self.catatan.setObjectName("catatanPertemuan")
        self.catatan.setPlaceholderText(tr("Catatan"))
        self.tindak = QLineEdit()
        self.tindak.setObjectName("tindakLanjut")
        self.tindak.setPlaceholderText(tr("Tindak lanjut"))
        self.catat = QPushButton(tr("Catat pertemuan"))
        self.catat.setObjectName("catatPertemuan")
        self.tutup = QPushButton(tr("Selesaikan pasangan"))
        self.tutup.setObjectName("selesaikanPasangan")
        meet = QHBoxLayout()
        for w in (self.tanggal, self.topik, self.catatan, self.tindak, self.catat, self.tutup):
            meet.addWidget(w)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pasangan, 2)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Pertemuan pasangan terpilih:")))
        layout.addWidget(self.pertemuan, 1)
        layout.addLayout(meet)
        self.items: list[mentor.Pasangan] = []
        self.pasangan.itemSelectionChanged.connect(self.load_pertemuan)
        self.mentee.currentIndexChanged.connect(self.suggest)
        self.pasangkan.clicked.connect(self.pair)
        self.catat.clicked.connect(self.add_meeting)
        self.tutup.clicked.connect(self.close_pair)

    def load(self, select: str | None = None) -> None:
        """Read the pairs and the people off the UI thread (a large agency has thousands)."""
        actor, today = self.page.actor, self.page.today

        def read(db: Database) -> tuple[Any, ...]:
            try:
                return (
                    mentor.list_pasangan(db, actor=actor),
                    mentor.pilihan_pegawai(db, pada=today, actor=actor),
                )
            except MeritError:
                return [], []

        self.page.background(
            "mentor", read, lambda result: self.show_rows(result[0], result[1], select)
        )

    def show_rows(
        self, items: list[mentor.Pasangan], people: list[mentor.Pilihan], select: str | None
    ) -> None:
        self.items = items
        self.pasangan.setRowCount(len(self.items))
        for r, p in enumerate(self.items):
            values = (p.mentee_nama, p.mentor_nama, p.unit_nama, tanggal(p.mulai),
                      tanggal(p.selesai) if p.selesai else "", mentor.status_label(p.status),
                      p.jumlah_pertemuan, p.tujuan)  # fmt: skip
            for c, v in enumerate(values):
                self.pasangan.setItem(r, c, _item(v))
            if p.id == select:
                self.pasangan.selectRow(r)
        busy = {p.mentee_id for p in self.items if p.status == "AKTIF"}
        keep = self.mentee.currentData()
        self.mentee.blockSignals(True)
        self.mentee.clear()
        self.mentor.clear()
        self.mentor.addItem(tr("(pilih mentor)"), None)
        for x in people:
            label = f"{x.nama} ({x.golongan or '-'}, {x.unit_nama or '-'})"
            if x.pegawai_id not in busy:
                self.mentee.addItem((tr("CPNS baru: ") if x.cpns_baru else "") + label,
                                    x.pegawai_id)  # fmt: skip
            if not x.cpns_baru:
                self.mentor.addItem(label, x.pegawai_id)
        index = self.mentee.findData(keep)
        self.mentee.setCurrentIndex(max(index, 0))
        self.mentee.blockSignals(False)
        self.suggest()
        self.load_pertemuan()

    def suggest(self) -> None:
        """Pre-fill the suggested mentor of the chosen mentee."""
        mentee_id = self.mentee.currentData()
        if not mentee_id:
            self.mentor.setCurrentIndex(0)
            self.saran.setText("")
            return
        try:
            pick = mentor.saran_untuk(self.page.db, mentee_id, actor=self.page.actor)
        except MeritError:
            pick = None
        if pick is None:
            self.mentor.setCurrentIndex(0)
            self.saran.setText(tr("Tidak ada mentor yang disarankan: pilih sendiri."))
            return
        index = self.mentor.findData(pick.pegawai_id)
        if index >= 0:
            self.mentor.setCurrentIndex(index)
        self.saran.setText(
            tr(
                "Disarankan: {n} (unit yang sama, golongan lebih tinggi, {k} mentee aktif).",
                n=pick.nama,
                k=pick.jumlah_mentee,
            )
        )

    def current(self) -> mentor.Pasangan | None:
        rows = self.pasangan.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def load_pertemuan(self) -> None:
        p = self.current()
        meetings: tuple[mentor.Pertemuan, ...] = ()
        if p is not None:
            try:
                meetings = mentor.get_pasangan(self.page.db, p.id, actor=self.page.actor).pertemuan
            except MeritError as exc:
                show_error(self, exc)
        self.pertemuan.setRowCount(len(meetings))
        for r, m in enumerate(meetings):
            for c, v in enumerate((tanggal(m.tanggal), m.topik, m.catatan, m.tindak_lanjut)):
                self.pertemuan.setItem(r, c, _item(v))
        active = p is not None and p.status == "AKTIF"
        self.catat.setEnabled(active)
        self.tutup.setEnabled(active)

    def pair(self) -> None:
        try:
            pid = mentor.tambah_pasangan(
                self.page.db,
                self.mentee.currentData() or "",
                self.mentor.currentData() or "",
                pydate(self.mulai.date()),
                self.tujuan.text(),
                actor=self.page.actor,
            )
        except MeritError as exc:
            show_error(self, exc)
            return
        self.tujuan.clear()
        self.page.status.setText(tr("Pasangan mentoring dicatat."))
        self.load(select=pid)

    def add_meeting(self) -> None:
        p = self.current()
        if p is None:
            return
        try:
            mentor.catat_pertemuan(
                self.page.db,
                p.id,
                pydate(self.tanggal.date()),
                self.topik.text(),
                catatan=self.catatan.text(),
                tindak_lanjut=self.tindak.text(),
                actor=self.page.actor,
            )
        except MeritError as exc:
            show_error(self, exc)
            return
        for w in (self.topik, self.catatan, self.tindak):
            w.clear()
        self.page.status.setText(tr("Pertemuan dicatat."))
        self.load(select=p.id)

    def close_pair(self) -> None:
        p = self.current()
        if p is None:
            return
        try:
            mentor.tutup_pasangan(
                self.page.db, p.id, pydate(self.tanggal.date()), actor=self.page.actor
            )
        except MeritError as exc:
            show_error(self, exc)
            return
        self.page.status.setText(tr("Pasangan mentoring selesai."))
        self.load(select=p.id)


def _calon_values(c: suksesi.Calon) -> tuple[object, ...]:
    return (
        c.peringkat,
        c.nip,
        c.nama,
        c.jabatan_nama,
        c.kotak,
        "" if c.jpm is None else angka(c.jpm, 1),
        c.kekurangan,
        c.kesiapan_nama,
        "; ".join(c.catatan),
    )


class KompetensiPage(Page):
    rights = (("kompetensi.ubah",), ("pelatihan.kelola",))
    """Kompetensi & pelatihan."""

    def __init__(
        self, db: Database, *, actor: str = "sistem", runner: TaskRunner, today: date | None = None
    ) -> None:
        super().__init__(db, runner=runner)
        self.actor = actor
        self.today = today or date.today()
        self._generation: dict[str, int] = {}
        self._pending = 0
        self.tabs = QTabWidget()
        self.standar_tab = StandarTab(self)
        self.kebutuhan_tab = KebutuhanTab(self)
        self.acara_tab = AcaraTab(self)
        self.talenta_tab = TalentaTab(self)
        self.nilai_tab = NilaiTab(self)
        self.mentor_tab = MentorTab(self)
        self.tabs.addTab(self.standar_tab, tr("Standar jabatan"))
        self.tabs.addTab(self.nilai_tab, tr("Hasil penilaian"))
        self.tabs.addTab(self.kebutuhan_tab, tr("Kebutuhan pelatihan"))
        self.tabs.addTab(self.acara_tab, tr("Acara pelatihan"))
        self.tabs.addTab(self.talenta_tab, tr("Kotak talenta"))
        self.grafik_tab = GrafikTab(self)
        self.tabs.addTab(self.grafik_tab, tr("Grafik"))
        self.tabs.addTab(self.mentor_tab, tr("Mentoring"))
        self.status = QLabel()
        self.status.setObjectName("statusKompetensi")
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{tr('Kompetensi & Pelatihan')}</h2>")
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.reload()

    def background(
        self, key: str, read: Callable[[Database], Any], show: Callable[[Any], None]
    ) -> None:
        """Run ``read`` on the runner's connection; ``show`` its result unless a newer read of
        the same ``key`` was started meanwhile."""
        self._generation[key] = generation = self._generation.get(key, 0) + 1
        self._pending += 1

        def done(result: object) -> None:
            self._pending -= 1
            if self._generation.get(key) == generation:
                show(result)

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            show_error(self, exc)

        self.runner.run(lambda db, progress: read(db), on_done=done, on_error=failed)

    def busy(self) -> bool:
        """Whether a background read has not reported back yet (tests wait on it)."""
        return self._pending > 0

    def jabatan_list(self) -> list[tuple[str, str]]:
        return standar.list_jabatan(self.db.conn)

    def reload(self) -> None:
        self.standar_tab.fill_jabatan()
        self.kebutuhan_tab.fill_filters()
        self.acara_tab.load()
        self.talenta_tab.load()
        self.grafik_tab.load()
        self.mentor_tab.load()

    def refresh_needs(self) -> None:
        self.kebutuhan_tab.load()
        self.talenta_tab.load()
        self.grafik_tab.load()

    def records_changed(self) -> None:
        self.reload()


class AcaraDokumen(QWidget):
    """Below the event view: the surat tugas and the daftar peserta of the selected event
    (numbered PDFs through the document engine), the import of the participants' evaluation
    forms (preview, then all rows or none) and the evaluation recap per event and provider."""

    def __init__(self, tab: AcaraTab) -> None:
        super().__init__()
        self.tab = tab
        self.page = tab.page
        self.surat_tugas = QPushButton(tr("Surat tugas (PDF)..."))
        self.surat_tugas.setObjectName("suratTugasAcara")
        self.daftar = QPushButton(tr("Daftar peserta (PDF)..."))
        self.daftar.setObjectName("daftarPesertaAcara")
        self.impor = QPushButton(tr("Impor evaluasi (.xlsx/.csv)..."))
        self.impor.setObjectName("imporEvaluasi")
        self.rekap = QPushButton(tr("Rekap evaluasi (Excel)..."))
        self.rekap.setObjectName("rekapEvaluasi")
        row = QHBoxLayout()
        for button in (self.surat_tugas, self.daftar, self.impor, self.rekap):
            row.addWidget(button)
        row.addStretch(1)
        self.pratinjau = _table(
            [tr("Baris"), tr("NIP"), tr("Nama"), tr("Acara"), tr("Relevansi"), tr("Manfaat"),
             tr("Pengajar"), tr("Komentar")],
            "pratinjauEvaluasi",
        )  # fmt: skip
        self.pratinjau.setMaximumHeight(140)
        self.masalah = QLabel()
        self.masalah.setObjectName("masalahEvaluasi")
        self.masalah.setWordWrap(True)
        self.simpan = QPushButton(tr("Simpan semua evaluasi"))
        self.simpan.setObjectName("simpanEvaluasi")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.pratinjau)
        layout.addWidget(self.masalah)
        layout.addWidget(self.simpan)
        self.show_preview(False)
        self.plan: evaluasi.RencanaEvaluasi | None = None
        self.surat_tugas.clicked.connect(lambda: self.choose_folder(True))
        self.daftar.clicked.connect(lambda: self.choose_folder(False))
        self.impor.clicked.connect(self.choose_sheet)
        self.rekap.clicked.connect(self.choose_rekap)
        self.simpan.clicked.connect(self.save)

    def show_preview(self, shown: bool) -> None:
        for widget in (self.pratinjau, self.masalah, self.simpan):
            widget.setVisible(shown)

    def update_buttons(self, acara: pel.Acara | None, has_people: bool) -> None:
        ok = acara is not None and acara.status != pel.BATAL and has_people
        self.surat_tugas.setEnabled(ok)
        self.daftar.setEnabled(ok)

    # -- the documents

    def choose_folder(self, surat_tugas: bool) -> None:
        name = QFileDialog.getExistingDirectory(
            self, tr("Folder untuk dokumen"), str(paths.exports_dir())
        )
        if name:
            self.issue_to(Path(name), surat_tugas=surat_tugas)

    def issue_to(self, folder: Path, *, surat_tugas: bool) -> None:
        """Issue the selected event's surat tugas or daftar peserta in the background."""
        acara = self.tab.current()
        if acara is None:
            return
        actor = self.page.actor
        request = jobs.DokumenAcaraRequest(acara.id, folder, surat_tugas)
        buttons = (self.surat_tugas, self.daftar)
        for b in buttons:
            b.setEnabled(False)

        def done(hasil: Any) -> None:
            for b in buttons:
                b.setEnabled(True)
            self.page.status.setText(
                tr(
                    "{j} terbit: nomor {n}, kode verifikasi {k}, berkas {p}",
                    j=tr("Surat tugas") if surat_tugas else tr("Daftar peserta"),
                    n=hasil.nomor[0],
                    k=hasil.berkas[0].kode,
                    p=hasil.berkas[0].path,
                )
            )

        def failed(exc: BaseException) -> None:
            for b in buttons:
                b.setEnabled(True)
            show_error(self, exc)

        self.page.runner.run(
            lambda db, progress: jobs.issue_dokumen_acara(db, actor, request, progress),
            on_done=done,
            on_error=failed,
            bulk=True,
        )

    # -- evaluation import

    def choose_sheet(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Pilih berkas evaluasi"), "", "Excel/CSV (*.xlsx *.xls *.csv)"
        )
        if name:
            self.preview(Path(name))

    def preview(self, path: Path) -> None:
        """Read and check the sheet in the background (rows without an Acara column are for
        the selected event); show the rows and every problem."""
        actor = self.page.actor
        acara = self.tab.current()
        acara_id = acara.id if acara is not None else None
        self.impor.setEnabled(False)
        self.simpan.setEnabled(False)
        self.page.status.setText(tr("Membaca {p}...", p=path))

        def failed(exc: BaseException) -> None:
            self.impor.setEnabled(True)
            self.plan = None
            self.page.status.setText("")
            show_error(self, exc)

        self.page.runner.run(
            lambda db, progress: jobs.import_evaluasi(
                db, actor, path, simpan=False, acara_id=acara_id
            ),
            on_done=lambda plan: self.show_plan(path, plan),
            on_error=failed,
            bulk=True,
        )

    def show_plan(self, path: Path, plan: evaluasi.RencanaEvaluasi) -> None:
        self.impor.setEnabled(True)
        self.plan = plan
        self.show_preview(True)
        self.page.status.setText(str(path))
        self.pratinjau.setRowCount(len(plan.rows))
        for r, row in enumerate(plan.rows):
            j = row.jawaban
            values = (row.baris, row.nip, row.nama, row.acara_nama, j.relevansi, j.manfaat,
                      j.pengajar, j.komentar)  # fmt: skip
            for c, v in enumerate(values):
                self.pratinjau.setItem(r, c, _item(v))
        self.masalah.setStyleSheet("color: #a00000;" if plan.problems else "")
        if plan.problems:
            shown = plan.problems[:12]
            more = len(plan.problems) - len(shown)
            text = "\n".join(shown) + (tr("\n... dan {n} masalah lain.", n=more) if more else "")
            self.masalah.setText(
                tr("Berkas belum dapat disimpan ({n} masalah):", n=len(plan.problems))
                + "\n" + text
            )  # fmt: skip
        else:
            self.masalah.setText(tr("{n} baris siap disimpan.", n=len(plan.rows)))
        self.simpan.setEnabled(plan.ok)

    def save(self) -> None:
        """Write the previewed rows (all or none) in the background."""
        plan, actor = self.plan, self.page.actor
        if plan is None:
            return
        self.simpan.setEnabled(False)
        self.impor.setEnabled(False)
        acara = self.tab.current()

        def done(n: object) -> None:
            self.impor.setEnabled(True)
            self.plan = None
            self.show_preview(False)
            self.page.status.setText(tr("Evaluasi disimpan: {n} jawaban.", n=n))
            self.tab.load(select=acara.id if acara else None)

        def failed(exc: BaseException) -> None:
            self.impor.setEnabled(True)
            self.simpan.setEnabled(True)
            show_error(self, exc)

        self.page.runner.run(
            lambda db, progress: evaluasi.apply_impor_evaluasi(db, plan, actor=actor),
            on_done=done,
            on_error=failed,
            bulk=True,
        )

    # -- the recap

    def choose_rekap(self) -> None:
        start = str(paths.exports_dir() / f"rekap-evaluasi-pelatihan-{self.page.today.year}.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan rekap evaluasi"), start, "Excel (*.xlsx)"
        )
        if name:
            self.rekap_to(Path(name))

    def rekap_to(self, target: Path, tahun: int | None = None) -> None:
        request = jobs.RekapEvaluasiRequest(target, tahun)
        actor = self.page.actor
        self.rekap.setEnabled(False)

        def done(counts: Any) -> None:
            self.rekap.setEnabled(True)
            self.page.status.setText(
                tr("Rekap evaluasi ditulis ke {p}: {n} acara.", p=target,
                   n=counts.get(tr("Per acara"), 0))
            )  # fmt: skip

        def failed(exc: BaseException) -> None:
            self.rekap.setEnabled(True)
            show_error(self, exc)

        self.page.runner.run(
            lambda db, progress: jobs.write_rekap_evaluasi(db, actor, request, progress),
            on_done=done,
            on_error=failed,
            bulk=True,
        )
