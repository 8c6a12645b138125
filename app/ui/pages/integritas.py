"""Pengaduan & disiplin: the complaints register (intake, officer, triage, notes, closing) and
the discipline cases (opened from a complaint, summons I/II, examination, decision, appeal).

The rules are in app/models/pengaduan/register.py and app/models/disiplin/kasus.py; this page
only gathers the clerk's input. Each action opens a small form (:class:`FormDialog`, opened
with ``open()`` so that a test can fill and accept it); errors are shown by ``show_error``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import tanggal, tr
from app.models.access import akses
from app.models.disiplin import kasus as dk
from app.models.errors import MeritError, ValidationError
from app.models.etik import kasus as ek
from app.models.pegawai.read import find_pegawai_id
from app.models.pengaduan import lapor
from app.models.pengaduan import register as adu
from app.models.rules import etik as etik_rules
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.dates import pydate, qdate
from app.ui.widgets.messages import show_error


@dataclass(frozen=True)
class Isian:
    """One field of a form: name (the widget's objectName), label, kind and choices."""

    nama: str
    label: str
    jenis: str = "teks"  # teks, panjang, tanggal, pilihan, centang
    pilihan: Sequence[tuple[str, str]] = ()  # (kode, label) for "pilihan"
    awal: Any = None


class FormDialog(QDialog):
    """A small form; :meth:`values` reads it as a dict after it is accepted."""

    def __init__(
        self, title: str, fields: Sequence[Isian], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for f in fields:
            w: QWidget
            if f.jenis == "tanggal":
                d = QDateEdit(qdate(f.awal or today))
                d.setDisplayFormat("dd MMMM yyyy")
                d.setCalendarPopup(True)
                w = d
            elif f.jenis == "pilihan":
                c = QComboBox()
                for kode, label in f.pilihan:
                    c.addItem(label, kode)
                if f.awal is not None and c.findData(f.awal) >= 0:
                    c.setCurrentIndex(c.findData(f.awal))
                w = c
            elif f.jenis == "centang":
                w = QCheckBox()
            elif f.jenis == "panjang":
                p = QPlainTextEdit()
                p.setFixedHeight(70)
                w = p
            else:
                w = QLineEdit(f.awal or "")
            w.setObjectName(f.nama)
            self.widgets[f.nama] = w
            form.addRow(f.label, w)
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

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self.widgets.items():
            if isinstance(w, QDateEdit):
                out[name] = pydate(w.date())
            elif isinstance(w, QComboBox):
                out[name] = w.currentData()
            elif isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText().strip()
            elif isinstance(w, QLineEdit):
                out[name] = w.text().strip()
        return out


def _table(heads: Sequence[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(heads))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(list(heads))
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return t


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.clearSelection()
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnToContents(0)
    table.resizeColumnToContents(1)


class IntegritasPage(Page):
    """Two tabs: Pengaduan masyarakat and Kasus disiplin."""

    rights = (("pengaduan.kelola",), ("pengaduan.baca",), ("disiplin.kelola",))

    # A background job (a letter, the recap) finished: its result, or the error.
    taskFinished = Signal(object)

    def __init__(
        self,
        db: Database,
        *,
        actor: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.actor = actor
        self.today = today
        self.dialog: FormDialog | None = None
        self.aduan: list[adu.Pengaduan] = []
        self.kasus: list[dk.Kasus] = []
        self.saran_absen: dict[str, str] = {}  # case id -> penalty from "Hukuman absen…"

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabIntegritas")
        self.tabs.addTab(self._tab_pengaduan(), tr("Pengaduan masyarakat"))
        self.tabs.addTab(self._tab_kasus(), tr("Kasus disiplin"))
        # A reader of complaints without the right to discipline cases does not see the tab
        # (and the page does not ask for the cases: a refusal would be audited each time).
        self.boleh_kasus = akses.allowed(actor, "disiplin.kelola")
        self.tabs.setTabVisible(1, self.boleh_kasus)
        # Ethics cases (PP 42/2004): handled by the same right as discipline cases.
        self.etik = EtikTab(
            db, actor, today, on_change=self.reload, on_letter=self._sanksi_letter, parent=self
        )
        self.tabs.setTabVisible(self.tabs.addTab(self.etik, tr("Etik")), self.boleh_kasus)
        layout = QVBoxLayout(self)
        title = QLabel(tr("Pengaduan masyarakat dan penegakan disiplin"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.tabs)
        self.status = QLabel()
        self.status.setObjectName("statusIntegritas")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.reload()

    # -- building -------------------------------------------------------------------------------

    def _button(
        self, text: str, name: str, slot: Callable[[], None], row: QHBoxLayout
    ) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def _tab_pengaduan(self) -> QWidget:
        w = QWidget()
        self.tabel_aduan = _table(
            [
                tr("Diterima"),
                tr("Status"),
                tr("Perihal"),
                tr("Pelapor"),
                tr("Unit"),
                tr("Triase"),
                tr("Petugas"),
            ],
            "tabelPengaduan",
        )
        self.tabel_aduan.itemSelectionChanged.connect(self._show_aduan)
        row = QHBoxLayout()
        self._button(tr("Pengaduan baru…"), "tombolPengaduanBaru", self._new_aduan, row)
        self._button(tr("Tugaskan…"), "tombolTugaskan", self._assign, row)
        self._button(tr("Triase…"), "tombolTriase", self._triase, row)
        self._button(tr("Catatan…"), "tombolCatatan", self._note, row)
        self._button(tr("Buka kasus disiplin…"), "tombolBukaKasus", self._open_case, row)
        self._button(tr("Selesaikan…"), "tombolSelesai", self._close, row)
        self._button(tr("Surat jawaban…"), "tombolSuratJawaban", self._reply_letter, row)
        row.addStretch(1)
        self._button(tr("Rekap Excel…"), "tombolRekapPengawasan", self._recap, row)
        self._button(tr("Impor LAPOR!…"), "tombolImporLapor", self._import_lapor, row)
        self.terlambat = QLabel()
        self.terlambat.setObjectName("labelTerlambat")
        self.terlambat.setWordWrap(True)
        self.rincian_aduan = QLabel()
        self.rincian_aduan.setObjectName("rincianPengaduan")
        self.rincian_aduan.setWordWrap(True)
        self.rincian_aduan.setMinimumHeight(110)
        self.rincian_aduan.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(w)
        layout.addLayout(row)
        layout.addWidget(self.terlambat)
        layout.addWidget(self.tabel_aduan, 1)
        layout.addWidget(self.rincian_aduan)
        return w

    def _tab_kasus(self) -> QWidget:
        w = QWidget()
        self.tabel_kasus = _table(
            [
                tr("Dibuka"),
                tr("NIP"),
                tr("Nama"),
                tr("Status"),
                tr("Hukuman"),
                tr("Berlaku"),
                tr("Sampai"),
            ],
            "tabelKasus",
        )
        self.tabel_kasus.itemSelectionChanged.connect(self._show_kasus)
        row = QHBoxLayout()
        self._button(tr("Panggilan…"), "tombolPanggil", self._summon, row)
        self._button(tr("Surat panggilan…"), "tombolSuratPanggilan", self._summons_letter, row)
        self._button(tr("Pemeriksaan…"), "tombolPeriksa", self._examine, row)
        self._button(tr("Putusan…"), "tombolPutus", self._decide, row)
        self._button(tr("SK hukdis…"), "tombolSkHukdis", self._sk_hukdis, row)
        self._button(tr("Diterima…"), "tombolDiterima", self._received, row)
        self._button(tr("Upaya administratif…"), "tombolKeberatan", self._appeal, row)
        self._button(tr("Hasil upaya…"), "tombolHasilKeberatan", self._appeal_result, row)
        self._button(tr("Hukuman absen…"), "tombolSaranAbsen", self._absence, row)
        row.addStretch(1)
        self.rincian_kasus = QLabel()
        self.rincian_kasus.setObjectName("rincianKasus")
        self.rincian_kasus.setWordWrap(True)
        self.rincian_kasus.setMinimumHeight(110)
        self.rincian_kasus.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(w)
        layout.addLayout(row)
        layout.addWidget(self.tabel_kasus, 1)
        layout.addWidget(self.rincian_kasus)
        return w

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.aduan = adu.list_pengaduan(self.db, self.actor)
            late = adu.list_terlambat(self.db, self.actor, self.today())
        except MeritError:
            self.aduan, late = [], []
        _fill(
            self.tabel_aduan,
            [
                (
                    p.tanggal_terima.isoformat(),
                    adu.label(adu.STATUS, p.status),
                    p.perihal,
                    p.pelapor_teks,
                    p.unit_nama or "",
                    adu.label(adu.TRIASE, p.triase),
                    p.petugas or "",
                )
                for p in self.aduan
            ],
        )
        self.terlambat.setText(
            tr("Lewat batas: {n} tahap. ", n=len(late))
            + "; ".join(adu.uraian_terlambat(t) for t in late[:5])
            if late
            else tr("Tidak ada tahap pengaduan yang lewat batas.")
        )
        try:
            self.kasus = dk.list_kasus(self.db, self.actor) if self.boleh_kasus else []
        except MeritError:
            self.kasus = []
        _fill(
            self.tabel_kasus,
            [
                (
                    k.tanggal_mulai.isoformat(),
                    k.nip,
                    k.nama,
                    k.status_label,
                    k.hukuman_nama or "",
                    tanggal(k.tmt_mulai, kosong=""),
                    tanggal(k.tmt_selesai, kosong=""),
                )
                for k in self.kasus
            ],
        )

        if self.boleh_kasus:
            self.etik.reload()

    def records_changed(self) -> None:
        self.reload()

    def _selected_aduan(self) -> adu.Pengaduan | None:
        rows = self.tabel_aduan.selectionModel().selectedRows()
        if not rows:
            show_error(self, MeritError(tr("Pilih satu pengaduan di daftar dulu.")))
            return None
        return self.aduan[rows[0].row()]

    def _selected_kasus(self) -> dk.Kasus | None:
        rows = self.tabel_kasus.selectionModel().selectedRows()
        if not rows:
            show_error(self, MeritError(tr("Pilih satu kasus di daftar dulu.")))
            return None
        return self.kasus[rows[0].row()]

    def _show_aduan(self) -> None:
        rows = self.tabel_aduan.selectionModel().selectedRows()
        if not rows:
            self.rincian_aduan.clear()
            return
        p = adu.get_pengaduan(self.db, self.actor, self.aduan[rows[0].row()].id)
        batas = adu.batas_tahap(self.db.conn, p.tanggal_terima)
        lines = [
            f"<b>{p.perihal}</b> — {adu.label(adu.KANAL, p.kanal)}, {tanggal(p.tanggal_terima)}",
            tr("Pelapor: {p}", p=p.pelapor_teks),
            tr(
                "Batas: triase {a}, tanggapan {b}, selesai {c}",
                a=tanggal(batas.get("TRIASE")),
                b=tanggal(batas.get("TANGGAPAN")),
                c=tanggal(batas.get("SELESAI")),
            ),
        ]
        if p.pegawai:
            lines.append(tr("Pegawai: {d}", d=", ".join(f"{n} ({nip})" for _, nip, n in p.pegawai)))
        lines += [f"{t}: {i}" for t, _w, i in p.catatan[-4:]]
        self.rincian_aduan.setText("<br>".join(lines))

    def _show_kasus(self) -> None:
        rows = self.tabel_kasus.selectionModel().selectedRows()
        if not rows:
            self.rincian_kasus.clear()
            return
        k = dk.get_kasus(self.db, self.actor, self.kasus[rows[0].row()].id)
        lines = [f"<b>{k.nama}</b> ({k.nip}): {k.dugaan}", tr("Status: {s}", s=k.status_label)]
        for p in k.panggilan:
            lines.append(
                tr(
                    "Panggilan {ke}: surat {s}, pemeriksaan {p}",
                    ke=p.ke,
                    s=tanggal(p.tanggal_surat),
                    p=tanggal(p.tanggal_periksa),
                )
            )
        if k.hukuman_nama:
            lines.append(
                tr(
                    "{h}: berlaku {a} s.d. {b}; upaya administratif paling lambat {c}",
                    h=k.hukuman_nama,
                    a=tanggal(k.tmt_mulai),
                    b=tanggal(k.tmt_selesai, kosong=tr("tanpa batas")),
                    c=tanggal(k.batas_keberatan),
                )
            )
        self.rincian_kasus.setText("<br>".join(lines))

    # -- actions --------------------------------------------------------------------------------

    def _ask(
        self, title: str, fields: Sequence[Isian], action: Callable[[dict[str, Any]], object]
    ) -> None:
        dialog = FormDialog(title, fields, self.today(), self)
        dialog.setObjectName("formIntegritas")

        def done() -> None:
            try:
                action(dialog.values())
            except MeritError as exc:
                show_error(self, exc)
                return
            self.reload()

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def _new_aduan(self) -> None:
        units = [("", tr("(belum ditentukan)")), *adu.units(self.db.conn)]
        kategori = [("", tr("(belum dikategorikan)")), *adu.kategori(self.db.conn)]
        fields = [
            Isian("tanggal", tr("Diterima:"), "tanggal"),
            Isian("kanal", tr("Kanal:"), "pilihan", [(k, tr(v)) for k, v in adu.KANAL.items()]),
            Isian("perihal", tr("Perihal:")),
            Isian("uraian", tr("Uraian:"), "panjang"),
            Isian(
                "identitas",
                tr("Identitas pelapor:"),
                "pilihan",
                [(k, tr(v)) for k, v in adu.IDENTITAS.items()],
            ),
            Isian("nama", tr("Nama pelapor:")),
            Isian("telepon", tr("Telepon pelapor:")),
            Isian("unit", tr("Unit yang diadukan:"), "pilihan", units),
            Isian("kategori", tr("Kategori:"), "pilihan", kategori),
            Isian("nip", tr("NIP pegawai yang diadukan:")),
            Isian("lampiran", tr("Berkas lampiran (lokasi):")),
        ]

        def save(v: dict[str, Any]) -> None:
            nips = [n for n in v["nip"].replace(",", " ").split() if n]
            adu.create_pengaduan(
                self.db,
                self.actor,
                adu.PengaduanBaru(
                    tanggal_terima=v["tanggal"],
                    kanal=v["kanal"],
                    perihal=v["perihal"],
                    uraian=v["uraian"] or None,
                    identitas=v["identitas"],
                    pelapor=adu.Pelapor(nama=v["nama"] or None, telepon=v["telepon"] or None),
                    unit_id=v["unit"] or None,
                    kategori_kode=v["kategori"] or None,
                    pegawai_ids=tuple(find_pegawai_id(self.db.conn, n) for n in nips),
                    lampiran=(v["lampiran"],) if v["lampiran"] else (),
                ),
            )

        self._ask(tr("Pengaduan baru"), fields, save)

    def _assign(self) -> None:
        p = self._selected_aduan()
        if p is None:
            return
        self._ask(
            tr("Tugaskan petugas"),
            [Isian("petugas", tr("Petugas:")), Isian("tanggal", tr("Tanggal:"), "tanggal")],
            lambda v: adu.assign_petugas(self.db, self.actor, p.id, v["petugas"], on=v["tanggal"]),
        )

    def _triase(self) -> None:
        p = self._selected_aduan()
        if p is None:
            return
        self._ask(
            tr("Triase pengaduan"),
            [
                Isian(
                    "triase", tr("Hasil:"), "pilihan", [(k, tr(v)) for k, v in adu.TRIASE.items()]
                ),
                Isian("tujuan", tr("Instansi tujuan (bila diteruskan):")),
                Isian("tanggal", tr("Tanggal:"), "tanggal"),
            ],
            lambda v: adu.set_triase(
                self.db,
                self.actor,
                p.id,
                v["triase"],
                on=v["tanggal"],
                instansi_tujuan=v["tujuan"] or None,
            ),
        )

    def _note(self) -> None:
        p = self._selected_aduan()
        if p is None:
            return
        self._ask(
            tr("Catatan tindak lanjut"),
            [
                Isian("isi", tr("Isi:"), "panjang"),
                Isian("tanggapan", tr("Tanggapan pertama kepada pelapor:"), "centang"),
                Isian("tanggal", tr("Tanggal:"), "tanggal"),
            ],
            lambda v: adu.add_catatan(
                self.db, self.actor, p.id, v["isi"], on=v["tanggal"], tanggapan=v["tanggapan"]
            ),
        )

    def _close(self) -> None:
        p = self._selected_aduan()
        if p is None:
            return
        self._ask(
            tr("Selesaikan pengaduan"),
            [
                Isian("hasil", tr("Hasil penanganan:"), "panjang"),
                Isian("jawaban", tr("Jawaban kepada pelapor:"), "panjang"),
                Isian("tanggal", tr("Tanggal selesai:"), "tanggal"),
            ],
            lambda v: adu.close_pengaduan(
                self.db, self.actor, p.id, hasil=v["hasil"], jawaban=v["jawaban"], on=v["tanggal"]
            ),
        )

    def _open_case(self) -> None:
        p = self._selected_aduan()
        if p is None:
            return
        detail = adu.get_pengaduan(self.db, self.actor, p.id)
        pegawai = [(pid, f"{nama} ({nip})") for pid, nip, nama in detail.pegawai]
        if not pegawai:
            show_error(self, MeritError(tr("Pengaduan ini tidak menyebut pegawai yang diadukan.")))
            return
        self._ask(
            tr("Buka kasus disiplin"),
            [
                Isian("pegawai", tr("Pegawai:"), "pilihan", pegawai),
                Isian("dugaan", tr("Dugaan pelanggaran:"), "panjang"),
                Isian(
                    "tingkat",
                    tr("Tingkat dugaan:"),
                    "pilihan",
                    [(t, t.title()) for t in dk.TINGKAT],
                ),
                Isian("tanggal", tr("Tanggal:"), "tanggal"),
            ],
            lambda v: self._create_case(p.id, v),
        )

    def _create_case(self, pengaduan_id: str, v: dict[str, Any]) -> None:
        dk.create_kasus(
            self.db,
            self.actor,
            dk.KasusBaru(v["pegawai"], v["dugaan"], v["tanggal"], v["tingkat"], pengaduan_id),
        )
        self.tabs.setCurrentIndex(1)

    def _summon(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        self._ask(
            tr("Surat panggilan"),
            [
                Isian("ke", tr("Panggilan ke:"), "pilihan", [("1", "I"), ("2", "II")]),
                Isian("surat", tr("Tanggal surat diterima:"), "tanggal"),
                Isian("periksa", tr("Tanggal pemeriksaan:"), "tanggal"),
                Isian("tempat", tr("Tempat:")),
            ],
            lambda v: dk.add_panggilan(
                self.db,
                self.actor,
                k.id,
                int(v["ke"]),
                tanggal_surat=v["surat"],
                tanggal_periksa=v["periksa"],
                tempat=v["tempat"] or None,
            ),
        )

    def _examine(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        self._ask(
            tr("Pemeriksaan (BAP)"),
            [
                Isian("tanggal", tr("Tanggal pemeriksaan:"), "tanggal"),
                Isian("pemeriksa", tr("Pemeriksa:")),
                Isian("tim", tr("Diperiksa oleh tim pemeriksa:"), "centang"),
                Isian("bap", tr("Ringkasan BAP:"), "panjang"),
            ],
            lambda v: dk.record_pemeriksaan(
                self.db,
                self.actor,
                k.id,
                tanggal_periksa=v["tanggal"],
                pemeriksa=v["pemeriksa"],
                bap=v["bap"],
                tim=v["tim"],
            ),
        )

    def _decide(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        hukuman = dk.pilihan_hukuman(self.db.conn)
        self._ask(
            tr("Putusan hukuman disiplin"),
            [
                Isian("hukuman", tr("Hukuman:"), "pilihan", hukuman, self._saran(k.id)),
                Isian("nomor", tr("Nomor SK:")),
                Isian("tanggal_sk", tr("Tanggal SK:"), "tanggal"),
                Isian("diterima", tr("Tanggal diterima pegawai:"), "tanggal"),
            ],
            lambda v: dk.putus(
                self.db,
                self.actor,
                k.id,
                dk.Putusan(v["hukuman"], v["nomor"], v["tanggal_sk"], v["diterima"]),
            ),
        )

    def _appeal(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        self._ask(
            tr("Upaya administratif"),
            [
                Isian(
                    "jenis",
                    tr("Jenis:"),
                    "pilihan",
                    [(a, tr(b)) for a, b in dk.JENIS_KEBERATAN.items()],
                ),
                Isian("tanggal", tr("Tanggal diajukan:"), "tanggal"),
            ],
            lambda v: dk.ajukan_keberatan(self.db, self.actor, k.id, v["jenis"], v["tanggal"]),
        )

    def _appeal_result(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        self._ask(
            tr("Hasil upaya administratif"),
            [
                Isian(
                    "hasil",
                    tr("Hasil:"),
                    "pilihan",
                    [(a, tr(b)) for a, b in dk.HASIL_KEBERATAN.items()],
                ),
                Isian(
                    "hukuman",
                    tr("Hukuman pengganti (bila diubah):"),
                    "pilihan",
                    [("", "-"), *dk.pilihan_hukuman(self.db.conn)],
                ),
                Isian("tanggal", tr("Tanggal:"), "tanggal"),
            ],
            lambda v: dk.putus_keberatan(
                self.db,
                self.actor,
                k.id,
                v["hasil"],
                v["tanggal"],
                hukuman_kode=v["hukuman"] or None,
            ),
        )

    # -- background jobs: letters and the recap --------------------------------------------------

    def _folder(self) -> str:
        return str(paths.exports_dir())

    def _background(
        self, work: Callable[[Database, Progress], Any], describe: Callable[[Any], str]
    ) -> None:
        self.status.setText(tr("Sedang dikerjakan…"))

        def done(result: object) -> None:
            self.status.setText(describe(result))
            self.reload()
            self.taskFinished.emit(result)

        def failed(exc: BaseException) -> None:
            self.status.setText("")
            show_error(self, exc)
            self.taskFinished.emit(exc)

        self.runner.run(work, on_done=done, on_error=failed, bulk=True)

    def _describe_letter(self, result: Any) -> str:
        return tr(
            "Surat nomor {n} terbit: {p}",
            n=", ".join(result.nomor),
            p=", ".join(str(b.path) for b in result.berkas),
        )

    def _sanksi_letter(self, kasus: ek.Kasus) -> None:
        """The written moral sanction of a proven ethics case, in the background."""
        actor = self.actor

        def start(v: dict[str, Any]) -> None:
            from app.jobs import integritas as integritas_jobs  # lazy: 90 ms

            request = integritas_jobs.SanksiMoralRequest(kasus.id, Path(v["folder"]), v["tanggal"])
            self._background(
                lambda db, prog: integritas_jobs.issue_sanksi_moral(db, actor, request, prog),
                self._describe_letter,
            )

        self._ask(
            tr("Keputusan sanksi moral"),
            [
                Isian("folder", tr("Folder:"), awal=self._folder()),
                Isian("tanggal", tr("Tanggal keputusan:"), "tanggal", awal=kasus.tanggal_putus),
            ],
            start,
        )

    def _reply_letter(self) -> None:
        p = self._selected_aduan()
        if p is None:
            return
        actor = self.actor

        def start(v: dict[str, Any]) -> None:
            from app.jobs import integritas as integritas_jobs  # lazy: 90 ms

            request = integritas_jobs.JawabanRequest(p.id, Path(v["folder"]), v["tanggal"])
            self._background(
                lambda db, prog: integritas_jobs.issue_jawaban(db, actor, request, prog),
                self._describe_letter,
            )

        self._ask(
            tr("Surat jawaban kepada pelapor"),
            [
                Isian("folder", tr("Folder:"), awal=self._folder()),
                Isian("tanggal", tr("Tanggal surat:"), "tanggal", awal=p.tanggal_selesai),
            ],
            start,
        )

    def _summons_letter(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        actor = self.actor

        def start(v: dict[str, Any]) -> None:
            from app.jobs import integritas as integritas_jobs  # lazy: 90 ms

            request = integritas_jobs.SuratPanggilanRequest(k.id, int(v["ke"]), Path(v["folder"]))
            self._background(
                lambda db, prog: integritas_jobs.issue_surat_panggilan(db, actor, request, prog),
                self._describe_letter,
            )

        self._ask(
            tr("Surat panggilan"),
            [
                Isian("ke", tr("Panggilan ke:"), "pilihan", [("1", "I"), ("2", "II")]),
                Isian("folder", tr("Folder:"), awal=self._folder()),
            ],
            start,
        )

    def _recap(self) -> None:
        actor = self.actor
        today = self.today()

        def start(v: dict[str, Any]) -> None:
            from app.jobs import pengawasan as pengawasan_jobs  # lazy: openpyxl

            request = pengawasan_jobs.RekapPengawasanRequest(
                v["dari"], v["sampai"], Path(v["berkas"])
            )
            self._background(
                lambda db, prog: pengawasan_jobs.write_rekap_pengawasan(db, actor, request, prog),
                lambda r: tr("Rekap {n} pengaduan ditulis ke {p}", n=r.rekap.jumlah, p=r.path),
            )

        self._ask(
            tr("Rekap pengawasan (tanpa data pribadi)"),
            [
                Isian("dari", tr("Dari:"), "tanggal", awal=date(today.year, 1, 1)),
                Isian("sampai", tr("Sampai:"), "tanggal", awal=today),
                Isian(
                    "berkas",
                    tr("Berkas .xlsx:"),
                    awal=str(paths.exports_dir() / f"rekap_pengawasan_{today.year}.xlsx"),
                ),
            ],
            start,
        )

    def _sk_hukdis(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        actor = self.actor

        def start(v: dict[str, Any]) -> None:
            from app.jobs import integritas as integritas_jobs  # lazy: 90 ms

            request = integritas_jobs.SkHukdisRequest(
                k.id, v["hukuman"], v["tanggal"], Path(v["folder"])
            )
            self._background(
                lambda db, prog: integritas_jobs.issue_sk_hukdis(db, actor, request, prog),
                self._describe_letter,
            )

        self._ask(
            tr("Terbitkan SK hukuman disiplin"),
            [
                Isian(
                    "hukuman",
                    tr("Hukuman:"),
                    "pilihan",
                    dk.pilihan_hukuman(self.db.conn),
                    self._saran(k.id),
                ),
                Isian("tanggal", tr("Tanggal SK:"), "tanggal"),
                Isian("folder", tr("Folder:"), awal=self._folder()),
            ],
            start,
        )

    def _received(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return
        self._ask(
            tr("Keputusan diterima pegawai"),
            [Isian("tanggal", tr("Tanggal diterima:"), "tanggal")],
            lambda v: dk.terima_keputusan(self.db, self.actor, k.id, v["tanggal"]),
        )

    # -- SP4N-LAPOR! import and the absence table (issue 16) ------------------------------------

    def _import_lapor(self) -> None:
        """Choose a LAPOR! export, read and check it in the background, show the preview."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Pilih ekspor SP4N-LAPOR!"),
            self._folder(),
            tr("Lembar kerja (*.xlsx *.csv)"),
        )
        if path:
            self.import_lapor_file(path)

    def import_lapor_file(self, path: str) -> None:
        actor = self.actor

        def preview(plan: object) -> None:
            self.status.setText("")
            assert isinstance(plan, lapor.RencanaLapor)
            self.preview = LaporPreview(plan, self)
            self.preview.accepted.connect(lambda: self._write_lapor(plan.path))
            self.preview.open()
            self.taskFinished.emit(plan)

        def failed(exc: BaseException) -> None:
            self.status.setText("")
            show_error(self, exc)
            self.taskFinished.emit(exc)

        self.status.setText(tr("Membaca {f}…", f=Path(path).name))
        self.runner.run(
            lambda db, _p: lapor.rencana(db, actor, path),
            on_done=preview,
            on_error=failed,
            bulk=True,
        )

    def _write_lapor(self, path: Path) -> None:
        actor = self.actor
        self._background(
            lambda db, _p: lapor.impor(db, actor, path),
            lambda h: tr("{n} laporan SP4N-LAPOR! disimpan.", n=h.ditulis),
        )

    def _saran(self, kasus_id: str) -> str | None:
        """The penalty suggested by "Hukuman absen…" for this case, offered by the decision
        forms."""
        return self.saran_absen.get(kasus_id)

    def _absence(self) -> None:
        k = self._selected_kasus()
        if k is None:
            return

        def show(v: dict[str, Any]) -> None:
            saran = dk.saran_alpa_pegawai(
                self.db, self.actor, k.pegawai_id, int(v["hari"] or 0), int(v["berturut"] or 0)
            )
            if saran.hukuman_kode is None:
                text = tr("Belum ada hukuman untuk {n} hari.", n=v["hari"])
            else:
                h = dk.hukuman(self.db.conn, saran.hukuman_kode)
                text = tr(
                    "Saran hukuman: {nama} (tingkat {t}), dasar {pasal}.",
                    nama=h["nama"],
                    t=str(h["tingkat"]).lower(),
                    pasal=saran.pasal,
                )
            self.status.setText(text)
            if saran.hukuman_kode:
                self.saran_absen[k.id] = saran.hukuman_kode

        def checked(v: dict[str, Any]) -> None:
            for name in ("hari", "berturut"):
                if v[name] and not str(v[name]).isdigit():
                    raise ValidationError(
                        tr("{f}: isi dengan bilangan bulat, bukan '{v}'.", f=name, v=v[name]),
                        field=name,
                    )
            show(v)

        self._ask(
            tr("Hukuman karena tidak masuk kerja (PP 94/2021)"),
            [
                Isian("hari", tr("Hari kerja tidak masuk tanpa alasan sah (setahun):")),
                Isian("berturut", tr("Di antaranya berturut-turut:"), awal="0"),
            ],
            checked,
        )


class LaporPreview(QDialog):
    """The rows of a LAPOR! export with their fate and reasons; import only when none is
    wrong."""

    def __init__(self, plan: lapor.RencanaLapor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pratinjauLapor")
        self.setWindowTitle(tr("Pratinjau impor SP4N-LAPOR!"))
        self.resize(820, 460)
        status = {
            lapor.BARU: tr("Baru"),
            lapor.ADA: tr("Sudah ada"),
            lapor.SALAH: tr("Salah"),
        }
        self.tabel = QTableWidget(len(plan.baris), 7)
        self.tabel.setObjectName("tabelPratinjauLapor")
        self.tabel.setHorizontalHeaderLabels(
            [
                tr("Baris"),
                tr("Nomor tiket"),
                tr("Tanggal"),
                tr("Judul"),
                tr("Identitas"),
                tr("Status"),
                tr("Alasan / catatan"),
            ]
        )
        self.tabel.verticalHeader().hide()
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        for r, b in enumerate(plan.baris):
            d = b.data
            cells = [
                str(b.baris),
                b.tiket or "",
                tanggal(d.tanggal_terima) if d else "",
                d.perihal if d else "",
                adu.IDENTITAS.get(d.identitas, d.identitas) if d else "",
                status[b.status],
                " ".join(b.alasan + b.catatan),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.tabel.setItem(r, c, item)
        self.tabel.setWordWrap(True)
        self.tabel.resizeColumnsToContents()
        self.tabel.setColumnWidth(6, 380)  # the width it stretches to in the dialog
        self.tabel.resizeRowsToContents()
        self.tabel.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.ringkas = QLabel(
            tr(
                "{f}: {b} baru, {a} sudah ada, {s} salah.",
                f=plan.path.name,
                b=len(plan.baru),
                a=len(plan.ada),
                s=len(plan.salah),
            )
            + (
                " " + tr("Perbaiki baris yang salah lalu impor lagi: tidak ada yang disimpan.")
                if plan.salah
                else ""
            )
        )
        self.ringkas.setObjectName("ringkasLapor")
        self.ringkas.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Impor {n} laporan", n=len(plan.baru)))
        ok.setEnabled(bool(plan.baru) and not plan.salah)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Tutup"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.ringkas)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(buttons)


# -- Etik tab: code-of-ethics cases under PP 42/2004 (rules in app/models/etik/kasus.py and
# app/models/rules/etik.py) ---------------------------------------------------------------------


class EtikTab(QWidget):
    """The list of ethics cases, the selected case's detail, and its actions."""

    def __init__(
        self,
        db: Database,
        actor: str,
        today: Callable[[], date],
        *,
        on_change: Callable[[], None],
        on_letter: Callable[[ek.Kasus], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.today, self.on_change = db, actor, today, on_change
        self.on_letter = on_letter
        self.kasus: list[ek.Kasus] = []
        self.dialog: FormDialog | None = None
        self.tabel = _table(
            [tr("Dibuka"), tr("NIP"), tr("Nama"), tr("Status"), tr("Temuan"), tr("Sanksi moral")],
            "tabelEtik",
        )
        self.tabel.itemSelectionChanged.connect(self._show)
        row = QHBoxLayout()
        for text, name, slot in (
            (tr("Kasus etik baru…"), "tombolEtikBaru", self._new),
            (tr("Majelis…"), "tombolEtikMajelis", self._majelis),
            (tr("Sidang…"), "tombolEtikSidang", self._sidang),
            (tr("Putusan…"), "tombolEtikPutus", self._putus),
            (tr("Surat sanksi moral…"), "tombolEtikSurat", self._surat),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        self.rincian = QLabel()
        self.rincian.setObjectName("rincianEtik")
        self.rincian.setWordWrap(True)
        self.rincian.setMinimumHeight(130)
        self.rincian.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(self.rincian)

    def reload(self) -> None:
        try:
            self.kasus = ek.list_kasus(self.db, self.actor)
        except MeritError:
            self.kasus = []
        _fill(
            self.tabel,
            [
                (
                    k.tanggal_mulai.isoformat(),
                    k.nip,
                    k.nama,
                    k.status_label,
                    tr(etik_rules.TEMUAN[k.temuan]) if k.temuan else "",
                    k.sanksi_label,
                )
                for k in self.kasus
            ],
        )
        self.tabel.resizeColumnToContents(5)

    def _selected(self) -> ek.Kasus | None:
        rows = self.tabel.selectionModel().selectedRows()
        if not rows:
            show_error(self, MeritError(tr("Pilih satu kasus kode etik di daftar dulu.")))
            return None
        return self.kasus[rows[0].row()]

    def _show(self) -> None:
        rows = self.tabel.selectionModel().selectedRows()
        if not rows:
            self.rincian.clear()
            return
        k = ek.get_kasus(self.db, self.actor, self.kasus[rows[0].row()].id)
        lines = [f"<b>{k.nama}</b> ({k.nip}): {k.dugaan}", tr("Status: {s}", s=k.status_label)]
        if k.majelis:
            lines.append(
                tr("Majelis: ")
                + "; ".join(f"{tr(etik_rules.PERAN_MAJELIS[a.peran])} {a.nama}" for a in k.majelis)
            )
        for s in k.sidang:
            hadir = tr("hadir") if s.hadir else tr("tidak hadir")
            lines.append(tr("Sidang {t} ({h}): {r}", t=tanggal(s.tanggal), h=hadir, r=s.ringkasan))
        if k.temuan:
            lines.append(
                tr(
                    "Putusan {t}: {h}",
                    t=tanggal(k.tanggal_putus),
                    h=tr(etik_rules.TEMUAN[k.temuan]),
                )
                + (f" — {', '.join(k.pasal)}; {k.sanksi_label}" if k.pasal else "")
            )
        if k.disiplin_kasus_id:
            lines.append(tr("Diteruskan ke kasus disiplin {id}.", id=k.disiplin_kasus_id[:8]))
        self.rincian.setText("<br>".join(lines))

    def _ask(
        self, title: str, fields: Sequence[Isian], action: Callable[[dict[str, Any]], object]
    ) -> None:
        dialog = FormDialog(title, fields, self.today(), self)
        dialog.setObjectName("formEtik")

        def done() -> None:
            try:
                action(dialog.values())
            except MeritError as exc:
                show_error(self, exc)
                return
            self.on_change()

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def _new(self) -> None:
        def act(v: dict[str, Any]) -> None:
            ek.create_kasus(
                self.db,
                self.actor,
                ek.KasusBaru(find_pegawai_id(self.db.conn, v["nip"]), v["dugaan"], v["tanggal"]),
            )

        self._ask(
            tr("Kasus kode etik baru"),
            [
                Isian("nip", tr("NIP terperiksa:")),
                Isian("dugaan", tr("Dugaan pelanggaran:"), "panjang"),
                Isian("tanggal", tr("Dibuka:"), "tanggal"),
            ],
            act,
        )

    def _majelis(self) -> None:
        k = self._selected()
        if k is None:
            return

        def act(v: dict[str, Any]) -> None:
            conn = self.db.conn
            anggota = [
                (find_pegawai_id(conn, v["ketua"]), etik_rules.KETUA),
                (find_pegawai_id(conn, v["sekretaris"]), etik_rules.SEKRETARIS),
                *(
                    (find_pegawai_id(conn, n.strip()), etik_rules.ANGGOTA)
                    for n in v["anggota"].split(",")
                    if n.strip()
                ),
            ]
            ek.set_majelis(self.db, self.actor, k.id, anggota)

        self._ask(
            tr("Majelis kode etik"),
            [
                Isian("ketua", tr("NIP ketua:")),
                Isian("sekretaris", tr("NIP sekretaris:")),
                Isian("anggota", tr("NIP anggota (pisahkan dengan koma):")),
            ],
            act,
        )

    def _sidang(self) -> None:
        k = self._selected()
        if k is None:
            return
        self._ask(
            tr("Sidang majelis kode etik"),
            [
                Isian("tanggal", tr("Tanggal sidang:"), "tanggal"),
                Isian("tidak_hadir", tr("Terperiksa tidak hadir:"), "centang"),
                Isian("ringkasan", tr("Ringkasan:"), "panjang"),
            ],
            lambda v: ek.add_sidang(
                self.db,
                self.actor,
                k.id,
                tanggal=v["tanggal"],
                hadir=not v["tidak_hadir"],
                ringkasan=v["ringkasan"],
            ),
        )

    def _putus(self) -> None:
        k = self._selected()
        if k is None:
            return
        pasal = ek.list_pasal(self.db)

        def act(v: dict[str, Any]) -> None:
            ek.putus(
                self.db,
                self.actor,
                k.id,
                ek.Putusan(
                    temuan=v["temuan"],
                    tanggal=v["tanggal"],
                    pasal=(v["pasal"],) if v["pasal"] else (),
                    sanksi=v["sanksi"] or None,
                    pertimbangan=v["pertimbangan"],
                    rekomendasi_disiplin=v["rekomendasi"],
                ),
            )

        self._ask(
            tr("Putusan majelis kode etik"),
            [
                Isian("temuan", tr("Temuan:"), "pilihan", list(etik_rules.TEMUAN.items())),
                Isian("tanggal", tr("Tanggal putusan:"), "tanggal"),
                Isian(
                    "pasal",
                    tr("Butir dilanggar:"),
                    "pilihan",
                    [("", tr("(tidak ada)"))] + [(p.kode, f"{p.kode}: {p.isi}") for p in pasal],
                ),
                Isian(
                    "sanksi",
                    tr("Sanksi moral:"),
                    "pilihan",
                    [("", tr("(tidak ada)")), *etik_rules.SANKSI_MORAL.items()],
                ),
                Isian("pertimbangan", tr("Pertimbangan:"), "panjang"),
                Isian("rekomendasi", tr("Rekomendasikan kasus disiplin:"), "centang"),
            ],
            act,
        )

    def _surat(self) -> None:
        k = self._selected()
        if k is not None:
            self.on_letter(k)
