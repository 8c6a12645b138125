"""Setting up a selection (seleksi jabatan) on screen.

:class:`SeleksiFormDialog` gathers what ``merit selection create`` takes: title, kind, the post
(picked from the positions), the requirements, the stages with their weights and the rubric of
each stage (a stage list and, for the chosen stage, its criteria), the committee (employees
picked by NIP or name, or people from outside), the tie rule and the reference date. It checks
as you type with the model's own rules (:mod:`app.models.seleksi.seleksi`): the running sum of the
weights stays red until it is exactly 100. "Simpan" refuses with the first problem, naming the
field, and otherwise hands everything to :func:`app.models.seleksi.seleksi.create_seleksi` off the
UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
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

from app.i18n import tr
from app.models.errors import MeritError, ValidationError
from app.models.organisasi import jabatan, units
from app.models.pegawai.read import EmployeeFilter, list_employees, scoped_filter
from app.models.reference.loader import Referensi
from app.models.rules import formasi as aturan_formasi
from app.models.rules import seleksi as rules_seleksi
from app.models.seleksi import seleksi
from app.models.storage.db import Database
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.dates import pydate, qdate
from app.ui.widgets.messages import show_error

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1b6e20;"
UNSUR: dict[str, str] = {"INTERNAL": "Internal", "EKSTERNAL": "Eksternal"}
PEGAWAI_ROLE = Qt.ItemDataRole.UserRole


def _koma(value: Decimal) -> str:
    return rules_seleksi.teks_desimal(value).replace(".", ",")


def _table(headers: Sequence[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(list(headers))
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return t


@dataclass(frozen=True)
class Masalah:
    """A problem in the form: the field it concerns, the tab it is on, and the message."""

    field: str
    tab: int
    message: str


TAB_UMUM, TAB_TAHAP, TAB_PANITIA = 0, 1, 2


class SeleksiFormDialog(QDialog):
    """Create a selection. Emits ``saved`` with the new id."""

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        *,
        actor: str = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialogSeleksi")
        self.setWindowTitle(tr("Buat seleksi jabatan"))
        self.db = db
        self.runner = runner
        self.actor = actor
        self.ref = Referensi.load(db.conn)
        self._busy = False
        self._show_all = False
        self._loading = False
        self._kriteria: list[list[list[str]]] = []  # per stage row: [nama, min, maks]
        self._kriteria_row: int | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabFormSeleksi")
        self.tabs.addTab(self._build_umum(today or date.today()), tr("Jabatan && syarat"))
        self.tabs.addTab(self._build_tahap(), tr("Tahap && rubrik"))
        self.tabs.addTab(self._build_panitia(), tr("Panitia"))

        self.status = QLabel()
        self.status.setObjectName("statusForm")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.save_button = QPushButton(tr("Simpan"))
        self.save_button.setObjectName("tombolSimpan")
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(tr("Batal"))
        self.cancel_button.setObjectName("tombolBatal")
        self.cancel_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 620)
        self.revalidate()

    # -- building ------------------------------------------------------------------------------

    def _build_umum(self, today: date) -> QWidget:
        self.judul = QLineEdit()
        self.judul.setObjectName("isian_judul")
        self.judul.setPlaceholderText(tr("mis. Seleksi Terbuka Kepala Dinas Pendidikan 2026"))
        self.jenis = QComboBox()
        self.jenis.setObjectName("isian_jenis")
        for key, label in seleksi.JENIS.items():
            self.jenis.addItem(tr(label), key)
        self.unit = QComboBox()
        self.unit.setObjectName("isian_unit")
        self.unit.setMaxVisibleItems(20)
        self.unit.addItem(tr("— pilih unit —"), None)
        for node in units.unit_tree(self.db.conn):
            self.unit.addItem("    " * node.depth + node.nama, node.id)
        self.jabatan = QComboBox()
        self.jabatan.setObjectName("isian_jabatan")
        self.jabatan.addItem(tr("— tanpa jabatan terdaftar —"), None)
        self.nama_jabatan = QLineEdit()
        self.nama_jabatan.setObjectName("isian_nama_jabatan")
        self.nama_jabatan.setPlaceholderText(tr("nama jabatan yang diisi"))
        self.acuan = QDateEdit(qdate(today))
        self.acuan.setObjectName("isian_tanggal_acuan")
        self.acuan.setCalendarPopup(True)
        self.acuan.setDisplayFormat("dd-MM-yyyy")
        self.aturan = QComboBox()
        self.aturan.setObjectName("isian_aturan_seri")
        for key, label in seleksi.ATURAN_SERI.items():
            self.aturan.addItem(tr(label), key)
        self.min_pelamar = QSpinBox()
        self.min_pelamar.setObjectName("isian_min_pelamar")
        self.min_pelamar.setRange(1, 99)
        self.min_pelamar.setValue(3)

        self.golongan_min = QComboBox()
        self.golongan_min.setObjectName("isian_golongan_min")
        self.golongan_min.addItem(tr("— tidak disyaratkan —"), None)
        for k in self.ref.golongan:
            self.golongan_min.addItem(self.ref.golongan_label(k), k)
        self.pendidikan_min = QComboBox()
        self.pendidikan_min.setObjectName("isian_pendidikan_min")
        self.pendidikan_min.addItem(tr("— tidak disyaratkan —"), None)
        for k, r in self.ref.pendidikan.items():
            self.pendidikan_min.addItem(str(r["nama"]), k)

        def tahun(name: str, suffix: str) -> QSpinBox:
            box = QSpinBox()
            box.setObjectName(f"isian_{name}")
            box.setRange(0, 80)
            box.setSpecialValueText(tr("— tidak disyaratkan —"))
            box.setSuffix(suffix)
            return box

        self.tahun_jabatan = tahun("tahun_jabatan", tr(" tahun"))
        self.tahun_pangkat = tahun("tahun_pangkat", tr(" tahun"))
        self.usia_maks = tahun("usia_maks", tr(" tahun"))
        self.predikat_baik = QCheckBox(tr("Predikat kinerja paling rendah Baik dua tahun terakhir"))
        self.predikat_baik.setObjectName("isian_predikat_baik")
        self.predikat_baik.setChecked(True)
        self.bebas_hukdis = QCheckBox(tr("Tidak sedang menjalani hukuman disiplin"))
        self.bebas_hukdis.setObjectName("isian_bebas_hukdis")
        self.bebas_hukdis.setChecked(True)

        self.pesan_umum = QLabel()
        self.pesan_umum.setObjectName("pesanUmum")
        self.pesan_umum.setWordWrap(True)
        self.pesan_umum.setStyleSheet(ERROR_STYLE)

        form = QFormLayout()
        form.addRow(tr("Judul seleksi:"), self.judul)
        form.addRow(tr("Jenis seleksi:"), self.jenis)
        form.addRow(tr("Unit organisasi:"), self.unit)
        form.addRow(tr("Jabatan yang diisi:"), self.jabatan)
        form.addRow(tr("Nama jabatan:"), self.nama_jabatan)
        form.addRow(tr("Tanggal acuan syarat:"), self.acuan)
        form.addRow(tr("Nilai sama:"), self.aturan)
        form.addRow(tr("Pelamar paling sedikit:"), self.min_pelamar)
        syarat = QGroupBox(tr("Syarat"))
        sf = QFormLayout(syarat)
        sf.addRow(tr("Golongan paling rendah:"), self.golongan_min)
        sf.addRow(tr("Pendidikan paling rendah:"), self.pendidikan_min)
        sf.addRow(tr("Lama dalam jabatan:"), self.tahun_jabatan)
        sf.addRow(tr("Lama dalam pangkat:"), self.tahun_pangkat)
        sf.addRow(tr("Usia paling tinggi:"), self.usia_maks)
        sf.addRow("", self.predikat_baik)
        sf.addRow("", self.bebas_hukdis)
        tab = QWidget()
        v = QVBoxLayout(tab)
        v.addLayout(form)
        v.addWidget(syarat)
        v.addWidget(self.pesan_umum)
        v.addStretch(1)

        self.judul.textChanged.connect(lambda _t: self.revalidate())
        self.nama_jabatan.textChanged.connect(lambda _t: self.revalidate())
        self.unit.currentIndexChanged.connect(lambda _i: self._unit_chosen())
        self.jabatan.currentIndexChanged.connect(lambda _i: self._jabatan_chosen())
        return tab

    def _build_tahap(self) -> QWidget:
        self.tabel_tahap = _table(
            [tr("Nama tahap"), tr("Bobot (%)"), tr("Dilaksanakan"), tr("Kriteria")],
            "tabelTahap",
        )
        self.tambah_tahap = QPushButton(tr("Tambah tahap"))
        self.tambah_tahap.setObjectName("tombolTambahTahap")
        self.hapus_tahap = QPushButton(tr("Hapus tahap"))
        self.hapus_tahap.setObjectName("tombolHapusTahap")
        self.jumlah_bobot = QLabel()
        self.jumlah_bobot.setObjectName("jumlahBobot")
        self.judul_kriteria = QLabel()
        self.judul_kriteria.setObjectName("judulKriteria")
        self.tabel_kriteria = _table(
            [tr("Kriteria penilaian"), tr("Skala terendah"), tr("Skala tertinggi")],
            "tabelKriteria",
        )
        self.tambah_kriteria = QPushButton(tr("Tambah kriteria"))
        self.tambah_kriteria.setObjectName("tombolTambahKriteria")
        self.hapus_kriteria = QPushButton(tr("Hapus kriteria"))
        self.hapus_kriteria.setObjectName("tombolHapusKriteria")
        self.pesan_tahap = QLabel()
        self.pesan_tahap.setObjectName("pesanTahap")
        self.pesan_tahap.setWordWrap(True)
        self.pesan_tahap.setStyleSheet(ERROR_STYLE)

        row1 = QHBoxLayout()
        row1.addWidget(self.tambah_tahap)
        row1.addWidget(self.hapus_tahap)
        row1.addStretch(1)
        row1.addWidget(self.jumlah_bobot)
        row2 = QHBoxLayout()
        row2.addWidget(self.tambah_kriteria)
        row2.addWidget(self.hapus_kriteria)
        row2.addStretch(1)
        tab = QWidget()
        v = QVBoxLayout(tab)
        v.addWidget(QLabel(tr("Tahap seleksi (jumlah bobot harus 100; desimal boleh):")))
        v.addWidget(self.tabel_tahap, 3)
        v.addLayout(row1)
        v.addWidget(self.judul_kriteria)
        v.addWidget(self.tabel_kriteria, 2)
        v.addLayout(row2)
        v.addWidget(self.pesan_tahap)

        self.tambah_tahap.clicked.connect(self.add_stage)
        self.hapus_tahap.clicked.connect(self.remove_stage)
        self.tambah_kriteria.clicked.connect(self.add_criterion)
        self.hapus_kriteria.clicked.connect(self.remove_criterion)
        self.tabel_tahap.itemChanged.connect(self._stage_edited)
        self.tabel_tahap.currentCellChanged.connect(
            lambda row, _c, _pr, _pc: self._show_criteria(row)
        )
        self.tabel_kriteria.itemChanged.connect(self._criterion_edited)
        self._show_criteria(-1)
        return tab

    def _build_panitia(self) -> QWidget:
        self.cari = QLineEdit()
        self.cari.setObjectName("cariPegawai")
        self.cari.setPlaceholderText(tr("NIP atau nama pegawai (paling sedikit 3 huruf)"))
        self.hasil_cari = QComboBox()
        self.hasil_cari.setObjectName("hasilCariPegawai")
        self.hasil_cari.setMinimumWidth(320)
        self.tambah_pegawai = QPushButton(tr("Tambah pegawai"))
        self.tambah_pegawai.setObjectName("tombolTambahPegawai")
        self.tambah_luar = QPushButton(tr("Tambah orang luar"))
        self.tambah_luar.setObjectName("tombolTambahLuar")
        self.tambah_luar.setToolTip(tr("Anggota dari luar instansi: nama diketik di tabel"))
        self.hapus_anggota = QPushButton(tr("Hapus anggota"))
        self.hapus_anggota.setObjectName("tombolHapusAnggota")
        self.tabel_panitia = _table(
            [tr("Nama"), tr("NIP"), tr("Peran"), tr("Unsur")], "tabelPanitiaForm"
        )
        self.pesan_panitia = QLabel()
        self.pesan_panitia.setObjectName("pesanPanitia")
        self.pesan_panitia.setWordWrap(True)
        self.pesan_panitia.setStyleSheet(ERROR_STYLE)
        row1 = QHBoxLayout()
        row1.addWidget(self.cari, 1)
        row1.addWidget(self.hasil_cari, 1)
        row1.addWidget(self.tambah_pegawai)
        row2 = QHBoxLayout()
        row2.addWidget(self.tambah_luar)
        row2.addWidget(self.hapus_anggota)
        row2.addStretch(1)
        tab = QWidget()
        v = QVBoxLayout(tab)
        v.addWidget(QLabel(tr("Ketua, sekretaris (tidak menilai) dan anggota panitia:")))
        v.addLayout(row1)
        v.addWidget(self.tabel_panitia, 1)
        v.addLayout(row2)
        v.addWidget(self.pesan_panitia)
        self.cari.textChanged.connect(self._search)
        self.cari.returnPressed.connect(self.add_employee)
        self.tambah_pegawai.clicked.connect(self.add_employee)
        self.tambah_luar.clicked.connect(lambda: self.add_member(""))
        self.hapus_anggota.clicked.connect(self.remove_member)
        self.tabel_panitia.itemChanged.connect(lambda _i: self.revalidate())
        return tab

    # -- the post ------------------------------------------------------------------------------

    def _unit_chosen(self) -> None:
        unit_id = self.unit.currentData()
        self.jabatan.blockSignals(True)
        self.jabatan.clear()
        self.jabatan.addItem(tr("— tanpa jabatan terdaftar —"), None)
        if unit_id:
            for j in jabatan.list_jabatan(self.db.conn, unit_id):
                if aturan_formasi.is_struktural(self.ref, j.jenjang_kode):
                    self.jabatan.addItem(j.nama, j.id)
        self.jabatan.blockSignals(False)
        self._jabatan_chosen()

    def _jabatan_chosen(self) -> None:
        jabatan_id = self.jabatan.currentData()
        if jabatan_id:
            j = jabatan.get_jabatan(self.db.conn, jabatan_id)
            self.nama_jabatan.setText(j.nama)
            # the post's own minimum requirements are the natural start
            for combo, kode in (
                (self.golongan_min, j.gol_min_kode),
                (self.pendidikan_min, j.pendidikan_min_kode),
            ):
                if kode and combo.currentData() is None and combo.findData(kode) >= 0:
                    combo.setCurrentIndex(combo.findData(kode))
            jenis = {"ADMINISTRATOR": "ADMINISTRATOR", "PENGAWAS": "PENGAWAS"}.get(
                j.jenjang_kode, "JPT_TERBUKA"
            )
            self.jenis.setCurrentIndex(self.jenis.findData(jenis))
        self.revalidate()

    # -- stages and rubric ---------------------------------------------------------------------

    def add_stage(self, nama: str = "", bobot: str = "") -> int:
        """Append a stage row (selected); returns its row."""
        t = self.tabel_tahap
        row = t.rowCount()
        self._loading = True
        t.insertRow(row)
        t.setItem(row, 0, QTableWidgetItem(nama))
        t.setItem(row, 1, QTableWidgetItem(bobot))
        held = QTableWidgetItem(tr("Ya"))
        held.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        held.setCheckState(Qt.CheckState.Checked)
        t.setItem(row, 2, held)
        count = QTableWidgetItem("0")
        count.setFlags(Qt.ItemFlag.ItemIsEnabled)
        t.setItem(row, 3, count)
        self._kriteria.append([])
        self._loading = False
        t.setCurrentCell(row, 0)
        self.revalidate()
        return row

    def remove_stage(self) -> None:
        row = self.tabel_tahap.currentRow()
        if row < 0:
            return
        self._kriteria_row = None
        del self._kriteria[row]
        self.tabel_tahap.removeRow(row)
        self._show_criteria(self.tabel_tahap.currentRow())
        self.revalidate()

    def _stage_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == 2:
            self._loading = True
            item.setText(tr("Ya") if item.checkState() == Qt.CheckState.Checked else tr("Tidak"))
            self._loading = False
        if item.column() == 0 and item.row() == self._kriteria_row:
            self._title_criteria()
        self.revalidate()

    def _title_criteria(self) -> None:
        row = self._kriteria_row
        if row is None:
            self.judul_kriteria.setText(tr("Pilih tahap untuk mengisi kriteria penilaiannya."))
            return
        item = self.tabel_tahap.item(row, 0)
        nama = item.text().strip() if item else ""
        self.judul_kriteria.setText(
            tr("Kriteria penilaian tahap {n}:", n=nama or tr("ke-{i}", i=row + 1))
        )

    def _show_criteria(self, row: int) -> None:
        self._kriteria_row = row if 0 <= row < len(self._kriteria) else None
        self._loading = True
        t = self.tabel_kriteria
        t.setRowCount(0)
        if self._kriteria_row is not None:
            for values in self._kriteria[self._kriteria_row]:
                r = t.rowCount()
                t.insertRow(r)
                for c, value in enumerate(values):
                    t.setItem(r, c, QTableWidgetItem(value))
        self._loading = False
        enabled = self._kriteria_row is not None
        for w in (t, self.tambah_kriteria, self.hapus_kriteria):
            w.setEnabled(enabled)
        self._title_criteria()

    def add_criterion(self, nama: str = "", lo: str = "1", hi: str = "5") -> int:
        """Append a criterion to the chosen stage; returns its row in the criteria table."""
        if self._kriteria_row is None:
            return -1
        self._kriteria[self._kriteria_row].append([nama, lo, hi])
        self._show_criteria(self._kriteria_row)
        row = self.tabel_kriteria.rowCount() - 1
        self.tabel_kriteria.setCurrentCell(row, 0)
        self._sync_criteria()
        return row

    def remove_criterion(self) -> None:
        row = self.tabel_kriteria.currentRow()
        if self._kriteria_row is None or row < 0:
            return
        self.tabel_kriteria.removeRow(row)
        self._sync_criteria()

    def _criterion_edited(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._sync_criteria()

    def _sync_criteria(self) -> None:
        """The criteria table back into the chosen stage."""
        if self._kriteria_row is None:
            return
        t = self.tabel_kriteria
        self._kriteria[self._kriteria_row] = [
            [(t.item(r, c).text() if t.item(r, c) else "") for c in range(3)]  # type: ignore[union-attr]
            for r in range(t.rowCount())
        ]
        count = self.tabel_tahap.item(self._kriteria_row, 3)
        if count is not None:
            self._loading = True
            count.setText(str(len(self._kriteria[self._kriteria_row])))
            self._loading = False
        self.revalidate()

    def _cell(self, table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text() if item is not None else ""

    def tahap_baru(self) -> list[seleksi.TahapBaru]:
        t = self.tabel_tahap
        out = []
        for r in range(t.rowCount()):
            held = t.item(r, 2)
            out.append(
                seleksi.TahapBaru(
                    nama=self._cell(t, r, 0),
                    bobot=self._cell(t, r, 1),
                    kriteria=[seleksi.KriteriaBaru(k[0], k[1], k[2]) for k in self._kriteria[r]],
                    dilaksanakan=held is not None and held.checkState() == Qt.CheckState.Checked,
                )
            )
        return out

    def jumlah(self) -> Decimal | None:
        """The running sum of the weights typed so far; None while one is not a number."""
        total = Decimal(0)
        for r in range(self.tabel_tahap.rowCount()):
            text = self._cell(self.tabel_tahap, r, 1)
            if not text.strip():
                continue
            try:
                total += rules_seleksi.desimal(text, tr("bobot"))
            except ValidationError:
                return None
        return total

    # -- committee -----------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.hasil_cari.clear()
        text = text.strip()
        if len(text) < 3:
            return
        try:
            flt = scoped_filter(self.db, self.actor, EmployeeFilter(search=text, kedudukan="AKTIF"))
            rows = list_employees(self.db.conn, flt, limit=20)
        except MeritError:
            return
        for r in rows:
            self.hasil_cari.addItem(
                f"{r['nip']} \u2013 {r['nama_lengkap'] or r['nama']}",
                (r["id"], r["nip"], r["nama_lengkap"] or r["nama"]),
            )

    def add_employee(self) -> None:
        data = self.hasil_cari.currentData()
        if not data:
            self.pesan_panitia.setText(tr("Cari pegawai dengan NIP atau nama dulu."))
            return
        pegawai_id, nip, nama = data
        for r in range(self.tabel_panitia.rowCount()):
            item = self.tabel_panitia.item(r, 0)
            if item is not None and item.data(PEGAWAI_ROLE) == pegawai_id:
                self.pesan_panitia.setText(tr("{n} sudah ada dalam panitia.", n=nama))
                return
        self.add_member(nama, pegawai_id=pegawai_id, nip=nip)
        self.cari.clear()

    def add_member(
        self, nama: str, *, pegawai_id: str | None = None, nip: str = "", peran: str = ""
    ) -> int:
        """Append a committee row; the first one becomes the chair. Returns its row."""
        t = self.tabel_panitia
        if not peran:
            peran = "KETUA" if not any(p.peran == "KETUA" for p in self.panitia_baru()) else ""
            peran = peran or "ANGGOTA"
        row = t.rowCount()
        self._loading = True
        t.insertRow(row)
        name_item = QTableWidgetItem(nama)
        name_item.setData(PEGAWAI_ROLE, pegawai_id)
        if pegawai_id:
            name_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        t.setItem(row, 0, name_item)
        nip_item = QTableWidgetItem(nip)
        nip_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        t.setItem(row, 1, nip_item)
        role = QComboBox()
        role.setObjectName("pilihPeran")
        for key, label in seleksi.PERAN_PANITIA.items():
            role.addItem(tr(label), key)
        role.setCurrentIndex(role.findData(peran))
        role.currentIndexChanged.connect(lambda _i: self.revalidate())
        t.setCellWidget(row, 2, role)
        unsur = QComboBox()
        unsur.setObjectName("pilihUnsur")
        for key, label in UNSUR.items():
            unsur.addItem(tr(label), key)
        unsur.setCurrentIndex(unsur.findData("INTERNAL" if pegawai_id else "EKSTERNAL"))
        t.setCellWidget(row, 3, unsur)
        self._loading = False
        t.setCurrentCell(row, 0)
        self.pesan_panitia.setText("")
        self.revalidate()
        return row

    def remove_member(self) -> None:
        row = self.tabel_panitia.currentRow()
        if row >= 0:
            self.tabel_panitia.removeRow(row)
            self.revalidate()

    def role_combo(self, row: int) -> QComboBox:
        widget = self.tabel_panitia.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def panitia_baru(self) -> list[seleksi.PanitiaBaru]:
        t = self.tabel_panitia
        out = []
        for r in range(t.rowCount()):
            item = t.item(r, 0)
            role, unsur = t.cellWidget(r, 2), t.cellWidget(r, 3)
            if not isinstance(role, QComboBox) or not isinstance(unsur, QComboBox):
                continue
            out.append(
                seleksi.PanitiaBaru(
                    nama=item.text() if item else "",
                    peran=str(role.currentData()),
                    unsur=str(unsur.currentData()),
                    pegawai_id=item.data(PEGAWAI_ROLE) if item else None,
                )
            )
        return out

    # -- checking ------------------------------------------------------------------------------

    def syarat(self) -> seleksi.Syarat:
        return seleksi.Syarat(
            golongan_min=self.golongan_min.currentData(),
            pendidikan_min=self.pendidikan_min.currentData(),
            tahun_jabatan=self.tahun_jabatan.value() or None,
            tahun_pangkat=self.tahun_pangkat.value() or None,
            usia_maks=self.usia_maks.value() or None,
            predikat_baik=self.predikat_baik.isChecked(),
            bebas_hukdis=self.bebas_hukdis.isChecked(),
        )

    def masalah(self) -> list[Masalah]:
        """Every problem the model's rules find, first per tab (in tab order)."""
        out: list[Masalah] = []
        if not " ".join(self.judul.text().split()):
            out.append(Masalah("judul", TAB_UMUM, tr("Judul seleksi wajib diisi.")))
        if not self.jabatan.currentData() and not self.nama_jabatan.text().strip():
            out.append(
                Masalah(
                    "jabatan",
                    TAB_UMUM,
                    tr("Jabatan yang diisi wajib disebut: pilih dari daftar atau ketik namanya."),
                )
            )
        try:
            # the model's own checks (the same ones create_seleksi runs before writing)
            seleksi.check_tahap(self.tahap_baru())
        except ValidationError as exc:
            out.append(Masalah(exc.field or "tahap", TAB_TAHAP, str(exc)))
        panitia = self.panitia_baru()
        if not panitia:
            out.append(
                Masalah(
                    "panitia",
                    TAB_PANITIA,
                    tr("Panitia belum diisi: tambahkan paling sedikit satu anggota (ketua)."),
                )
            )
        else:
            try:
                seleksi.check_panitia(panitia)
            except ValidationError as exc:
                out.append(Masalah("panitia", TAB_PANITIA, str(exc)))
        return out

    def revalidate(self) -> list[Masalah]:
        if self._loading:
            return []
        total = self.jumlah()
        if total is None:
            self.jumlah_bobot.setText(tr("Jumlah bobot: ada bobot yang bukan angka"))
            self.jumlah_bobot.setStyleSheet(ERROR_STYLE)
        elif total == rules_seleksi.SERATUS:
            self.jumlah_bobot.setText(tr("Jumlah bobot: {t} \u2713", t=_koma(total)))
            self.jumlah_bobot.setStyleSheet(OK_STYLE)
        else:
            self.jumlah_bobot.setText(tr("Jumlah bobot: {t} (harus 100)", t=_koma(total)))
            self.jumlah_bobot.setStyleSheet(ERROR_STYLE)
        issues = self.masalah()
        for tab, label in (
            (TAB_UMUM, self.pesan_umum),
            (TAB_TAHAP, self.pesan_tahap),
            (TAB_PANITIA, self.pesan_panitia),
        ):
            first = next((m.message for m in issues if m.tab == tab), "")
            # quiet on an untouched form until the first save attempt
            label.setText(first if self._show_all or tab != TAB_UMUM else "")
        if not issues:
            self.status.setText("")
        return issues

    def save(self) -> None:
        if self._busy:
            return
        self._show_all = True
        issues = self.revalidate()
        if issues:
            first = issues[0]
            self.tabs.setCurrentIndex(first.tab)
            self.status.setText(tr("Belum dapat disimpan. {m}", m=first.message))
            return
        args = {
            "judul": self.judul.text(),
            "jenis": str(self.jenis.currentData()),
            "tahap": self.tahap_baru(),
            "panitia": self.panitia_baru(),
            "jabatan_id": self.jabatan.currentData(),
            "nama_jabatan": self.nama_jabatan.text().strip() or None,
            "syarat": self.syarat(),
            "tanggal_acuan": pydate(self.acuan.date()),
            "aturan_seri": str(self.aturan.currentData()),
            "min_pelamar": self.min_pelamar.value(),
        }
        actor = self.actor

        def work(db: Database, _progress: Progress) -> str:
            return seleksi.create_seleksi(db, actor=actor, **args)

        self._set_busy(True)
        self.status.setText(tr("Menyimpan…"))
        self.runner.run(work, on_done=self._done, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _done(self, seleksi_id: object) -> None:
        self._set_busy(False)
        self.status.setText("")
        self.saved.emit(str(seleksi_id))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(str(exc) if isinstance(exc, MeritError) else "")
        show_error(self, exc)

    def reject(self) -> None:
        if not self._busy:  # a save in progress finishes first
            super().reject()
