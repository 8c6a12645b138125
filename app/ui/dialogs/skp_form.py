"""The SKP form: plan (rencana hasil kerja with indicators and targets, expected behaviours),
realisation with evidence, rating with feedback per BerAKHLAK value and the peer feedback, the
state history, and the buttons of the transitions the current actor may take.

Who may do what is decided by :func:`app.models.rules.skp.may` (buttons hidden, cells read-only
when not allowed); the model enforces it again on every call. The writes are single small
transactions of one SKP and run directly; the PDF is written in the background.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
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
from app.jobs.skp import EvaluasiRequest, write_evaluasi_pdf
from app.models.errors import MeritError, ValidationError
from app.models.pegawai.read import find_pegawai_id
from app.models.reference.loader import Referensi
from app.models.rules.skp import Pelaku, Transisi, predikat, status_label
from app.models.skp import guard, workflow
from app.models.skp import read as skp_read
from app.models.skp import write as skp_write
from app.models.skp.types import HasilKerja, HasilKerjaData, Indikator, IndikatorData
from app.models.storage.db import Database
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.messages import show_error

T = Transisi
ID_ROLE = Qt.ItemDataRole.UserRole

# Columns of the plan table: one row per indicator; consecutive rows with the same result text
# and kind belong to one result.
C_HASIL, C_JENIS, C_ATASAN, C_INDIKATOR, C_TARGET, C_REALISASI, C_BUKTI = range(7)
PLAN_COLUMNS = (
    "Rencana hasil kerja",
    "Jenis",
    "Mendukung hasil kerja atasan",
    "Indikator kinerja",
    "Target",
    "Realisasi",
    "Bukti / catatan",
)
P_NILAI, P_EKSPEKTASI, P_UMPAN_BALIK, P_REKAN, P_SAYA = range(5)


def _item(text: str, *, editable: bool, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    if data is not None:
        item.setData(ID_ROLE, data)
    return item


class SkpForm(QDialog):
    """One SKP. ``changed`` is emitted after every successful write."""

    changed = Signal(str)
    pdf_written = Signal(object)  # path

    def __init__(
        self,
        db: Database,
        skp_id: str,
        *,
        actor: str | Pelaku = "sistem",
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formSkp")
        self.db = db
        self.skp_id = skp_id
        self.actor = actor
        self.runner = runner
        self.pelaku = guard.pelaku_dari(db, actor)
        self.ref = Referensi.load(db.conn)
        self.resize(1100, 700)

        self.header = QLabel()
        self.header.setObjectName("kepalaSkp")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setMinimumHeight(self.header.fontMetrics().lineSpacing() * 3 + 4)

        # -- penilai
        self.penilai_nip = QLineEdit()
        self.penilai_nip.setObjectName("nipPenilai")
        self.penilai_nip.setPlaceholderText(tr("NIP pejabat penilai baru"))
        self.ganti_button = QPushButton(tr("Ganti pejabat penilai"))
        self.ganti_button.setObjectName("tombolGantiPenilai")
        penilai_row = QHBoxLayout()
        penilai_row.addWidget(self.penilai_nip)
        penilai_row.addWidget(self.ganti_button)
        penilai_row.addStretch(1)

        # -- plan and realisation
        self.plan = QTableWidget(0, len(PLAN_COLUMNS))
        self.plan.setObjectName("tabelRencana")
        self.plan.setHorizontalHeaderLabels([tr(c) for c in PLAN_COLUMNS])
        self.plan.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan.verticalHeader().setVisible(False)
        header = self.plan.horizontalHeader()
        for col, width in enumerate((230, 80, 170, 200, 100, 110, 150)):
            self.plan.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.add_row_button = QPushButton(tr("Tambah indikator"))
        self.add_row_button.setObjectName("tombolTambahBaris")
        self.del_row_button = QPushButton(tr("Hapus baris"))
        self.del_row_button.setObjectName("tombolHapusBaris")
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.add_row_button)
        plan_buttons.addWidget(self.del_row_button)
        plan_buttons.addStretch(1)
        hint = QLabel(
            tr(
                "Satu baris satu indikator. Baris berurutan dengan rencana hasil kerja dan jenis "
                "yang sama menjadi satu hasil kerja. Jenis: UTAMA atau TAMBAHAN."
            )
        )
        hint.setWordWrap(True)
        plan_tab = QWidget()
        plan_layout = QVBoxLayout(plan_tab)
        plan_layout.addWidget(hint)
        plan_layout.addWidget(self.plan, 1)
        plan_layout.addLayout(plan_buttons)

        # -- behaviour
        self.perilaku = QTableWidget(0, 5)
        self.perilaku.setObjectName("tabelPerilaku")
        self.perilaku.setHorizontalHeaderLabels(
            [
                tr("Nilai BerAKHLAK"),
                tr("Ekspektasi khusus pimpinan"),
                tr("Umpan balik pejabat penilai"),
                tr("Umpan balik rekan kerja"),
                tr("Umpan balik Anda (rekan)"),
            ]
        )
        self.perilaku.verticalHeader().setVisible(False)
        for col, width in enumerate((170, 240, 240, 260, 200)):
            self.perilaku.setColumnWidth(col, width)
        self.perilaku.horizontalHeader().setStretchLastSection(True)
        self.perilaku.setWordWrap(True)

        # -- rating and peers
        self.rating_hasil = QComboBox()
        self.rating_hasil.setObjectName("ratingHasil")
        self.rating_perilaku = QComboBox()
        self.rating_perilaku.setObjectName("ratingPerilaku")
        for combo in (self.rating_hasil, self.rating_perilaku):
            combo.addItem(tr("(belum dinilai)"), None)
            for kode, row in self.ref.table("ref_rating").items():
                combo.addItem(str(row["nama"]), kode)
        self.predikat_label = QLabel()
        self.predikat_label.setObjectName("labelPredikat")
        self.catatan_penilai = QPlainTextEdit()
        self.catatan_penilai.setObjectName("catatanPenilai")
        self.catatan_penilai.setMaximumHeight(70)
        self.keberatan_info = QLabel()
        self.keberatan_info.setObjectName("infoKeberatan")
        self.keberatan_info.setWordWrap(True)
        self.keberatan_info.setTextFormat(Qt.TextFormat.PlainText)
        self.rekan_nip = QLineEdit()
        self.rekan_nip.setObjectName("nipRekan")
        self.rekan_nip.setPlaceholderText(tr("NIP rekan kerja"))
        self.minta_button = QPushButton(tr("Minta umpan balik"))
        self.minta_button.setObjectName("tombolMintaRekan")
        # No button of the form fires on Enter: Enter in a cell or a line of the plan
        # ("Mendukung hasil kerja atasan") must not change the appraiser or ask a peer.
        for button in (
            self.ganti_button,
            self.add_row_button,
            self.del_row_button,
            self.minta_button,
        ):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.rating_note = QLabel()
        self.rating_note.setObjectName("catatanRating")
        self.rating_note.setWordWrap(True)
        self.rating_note.setStyleSheet("color: palette(mid);")
        self.rekan_list = QListWidget()
        self.rekan_list.setObjectName("daftarRekan")
        self.rekan_list.setMaximumHeight(110)
        rekan_row = QHBoxLayout()
        rekan_row.addWidget(self.rekan_nip)
        rekan_row.addWidget(self.minta_button)
        rekan_row.addStretch(1)
        rating_tab = QWidget()
        rating_outer = QVBoxLayout(rating_tab)
        rating_form = QFormLayout()
        rating_outer.addLayout(rating_form)
        rating_outer.addStretch(1)
        rating_form.addRow(tr("Rating hasil kerja:"), self.rating_hasil)
        rating_form.addRow(tr("Rating perilaku kerja:"), self.rating_perilaku)
        rating_form.addRow("", self.rating_note)
        rating_form.addRow(tr("Predikat kinerja:"), self.predikat_label)
        rating_form.addRow(tr("Catatan pejabat penilai:"), self.catatan_penilai)
        rating_form.addRow(tr("Keberatan:"), self.keberatan_info)
        rating_form.addRow(tr("Rekan kerja:"), rekan_row)
        rating_form.addRow("", self.rekan_list)

        # -- history
        self.riwayat = QTableWidget(0, 5)
        self.riwayat.setObjectName("tabelRiwayatStatus")
        self.riwayat.setHorizontalHeaderLabels(
            [tr("Waktu (UTC)"), tr("Tindakan"), tr("Dari → ke"), tr("Oleh"), tr("Catatan")]
        )
        self.riwayat.verticalHeader().setVisible(False)
        self.riwayat.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.riwayat.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.tabs = QTabWidget()
        self.tabs.addTab(plan_tab, tr("Rencana && realisasi"))
        self.tabs.addTab(self.perilaku, tr("Perilaku kerja"))
        self.tabs.addTab(rating_tab, tr("Penilaian"))
        self.tabs.addTab(self.riwayat, tr("Riwayat status"))

        # -- actions
        self.catatan = QLineEdit()
        self.catatan.setObjectName("catatanTindakan")
        self.catatan.setPlaceholderText(
            tr("Catatan/alasan (kembalikan, keberatan, putusan keberatan, buka kembali)")
        )
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text in (
            ("simpan", tr("Simpan")),
            ("setujui", tr("Setujui rencana")),
            ("ajukan", tr("Ajukan")),
            ("nilai", tr("Simpan penilaian")),
            ("kembalikan", tr("Kembalikan")),
            ("tetapkan", tr("Tetapkan")),
            ("keberatan", tr("Ajukan keberatan")),
            ("putus", tr("Putus keberatan")),
            ("buka", tr("Buka kembali")),
            ("pdf", tr("Cetak PDF…")),
            ("tutup", tr("Tutup")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"tombol_{key}")
            button.setAutoDefault(False)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.insertStretch(9, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(penilai_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.catatan)
        self.status = QLabel()
        self.status.setObjectName("statusSkp")
        layout.addWidget(self.status)
        layout.addLayout(actions)

        self.add_row_button.clicked.connect(self.add_row)
        self.del_row_button.clicked.connect(self.delete_row)
        self.ganti_button.clicked.connect(self.change_appraiser)
        self.minta_button.clicked.connect(self.request_peer)
        self.rating_hasil.currentIndexChanged.connect(self._show_predikat)
        self.rating_perilaku.currentIndexChanged.connect(self._show_predikat)
        self.buttons["simpan"].clicked.connect(self.save)
        self.buttons["setujui"].clicked.connect(self.approve_plan)
        self.buttons["ajukan"].clicked.connect(self.submit)
        self.buttons["keberatan"].clicked.connect(self.object_to)
        self.buttons["putus"].clicked.connect(self.decide)
        self.buttons["nilai"].clicked.connect(self.rate)
        self.buttons["kembalikan"].clicked.connect(self.send_back)
        self.buttons["tetapkan"].clicked.connect(self.approve)
        self.buttons["buka"].clicked.connect(self.reopen)
        self.buttons["pdf"].clicked.connect(self.choose_pdf)
        self.buttons["tutup"].clicked.connect(self.accept)
        self.load()

    # -- load ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill every widget from the stored SKP and the actor's rights."""
        self.record = skp_read.get_skp(self.db.conn, self.skp_id, self.ref)
        self.rights = guard.boleh(self.db, self.pelaku, self.skp_id)
        r = self.record
        self.setWindowTitle(tr("SKP {tahun} — {nama}", tahun=r.tahun, nama=r.pegawai.nama))
        penilai = r.penilai.nama if r.penilai else tr("(belum ada)")
        atasan = r.atasan_penilai.nama if r.atasan_penilai else tr("(belum ada)")
        lock = tr(" — terkunci") if r.info.terkunci else ""
        if r.status == "ditetapkan" and r.info.batas_keberatan:
            lock += tr("; keberatan dapat diajukan sampai {t}", t=tanggal(r.info.batas_keberatan))
        text = tr(
            "{nama} (NIP {nip}) — {jabatan}\nPejabat penilai: {penilai}; atasan pejabat "
            "penilai: {atasan}\nStatus: {status}{lock}",
            nama=r.pegawai.nama,
            nip=r.pegawai.nip,
            jabatan=r.nama_jabatan,
            penilai=penilai,
            atasan=atasan,
            status=status_label(r.status),
            lock=lock,
        )
        k = r.keberatan
        keberatan = ""
        if k is not None:
            keberatan = tr("{t} oleh {o}: {a}", t=tanggal(k.tanggal), o=k.pengaju, a=k.alasan)
            if k.putusan:
                keberatan += "\n" + tr(
                    "Putusan atasan pejabat penilai {t} ({o}): penilaian {p}, predikat {pr}. "
                    "Alasan: {a}",
                    t=tanggal(k.tanggal_putusan),
                    o=k.pemutus,
                    p=tr("diubah") if k.putusan == "UBAH" else tr("tetap"),
                    pr=self.ref.label("ref_predikat", k.predikat_akhir),
                    a=k.alasan_putusan,
                )
            else:
                keberatan += "\n" + tr("Menunggu putusan atasan pejabat penilai.")
        self.keberatan_info.setText(keberatan or tr("-"))
        self.header.setText(text)
        can_plan = bool(self.rights[T.UBAH_RENCANA])
        can_real = bool(self.rights[T.REALISASI])
        can_rate = bool(self.rights[T.NILAI])
        can_decide = bool(self.rights[T.PUTUS_KEBERATAN])
        self._fill_plan(can_plan, can_real)
        self._fill_perilaku(can_plan, can_rate)
        for combo, value in (
            (self.rating_hasil, r.rating_hasil),
            (self.rating_perilaku, r.rating_perilaku),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.setEnabled(can_rate or can_decide)
        # Grey rating fields say why: who may rate, and when.
        why = (
            ""
            if can_rate or can_decide
            else tr(
                "Rating diisi oleh pejabat penilai ({penilai}) setelah SKP diajukan; atasan "
                "pejabat penilai ({atasan}) hanya memutus keberatan. Status sekarang: {status}.",
                penilai=penilai,
                atasan=atasan,
                status=status_label(r.status),
            )
        )
        self.rating_note.setText(why)
        self.rating_note.setVisible(bool(why))
        for combo in (self.rating_hasil, self.rating_perilaku):
            combo.setToolTip(why)
        self.catatan_penilai.setPlainText(r.catatan_penilai)
        self.catatan_penilai.setReadOnly(not can_rate)
        self._show_predikat()
        self.rekan_list.clear()
        for rekan in r.rekan:
            state = tr("sudah mengisi") if rekan.dijawab else tr("belum mengisi")
            self.rekan_list.addItem(f"{rekan.nama} ({rekan.nip}) — {state}")
        self.riwayat.setRowCount(len(r.riwayat))
        for i, h in enumerate(r.riwayat):
            values = (
                h.waktu[:16].replace("T", " "),
                T(h.aksi).label if h.aksi in T._value2member_map_ else h.aksi,
                f"{status_label(h.dari)} → {status_label(h.ke)}",
                h.pelaku,
                h.catatan,
            )
            for c, v in enumerate(values):
                self.riwayat.setItem(i, c, _item(v, editable=False))
        self.riwayat.resizeColumnsToContents()
        # Buttons of what this actor may do now.
        for widget, allowed in (
            (self.penilai_nip, self.rights[T.GANTI_PENILAI]),
            (self.ganti_button, self.rights[T.GANTI_PENILAI]),
            (self.add_row_button, can_plan),
            (self.del_row_button, can_plan),
            (self.rekan_nip, self.rights[T.MINTA_REKAN]),
            (self.minta_button, self.rights[T.MINTA_REKAN]),
            (self.buttons["simpan"], can_plan or can_real or self._answers_as_peer()),
            (self.buttons["setujui"], self.rights[T.SETUJUI_RENCANA]),
            (self.buttons["ajukan"], self.rights[T.AJUKAN]),
            (self.buttons["nilai"], can_rate),
            (self.buttons["kembalikan"], self.rights[T.KEMBALIKAN]),
            (self.buttons["tetapkan"], self.rights[T.TETAPKAN]),
            (self.buttons["keberatan"], self.rights[T.KEBERATAN]),
            (self.buttons["putus"], can_decide),
            (self.buttons["buka"], self.rights[T.BUKA_KEMBALI]),
            (
                self.catatan,
                self.rights[T.KEMBALIKAN]
                or self.rights[T.BUKA_KEMBALI]
                or self.rights[T.KEBERATAN]
                or can_decide,
            ),
        ):
            widget.setVisible(bool(allowed))

    def _answers_as_peer(self) -> bool:
        me = self.pelaku.pegawai_id
        return bool(me and me in self.record.info.rekan_ids and self.rights[T.JAWAB_REKAN])

    def _fill_plan(self, can_plan: bool, can_real: bool) -> None:
        rows: list[tuple[HasilKerja, Indikator | None]] = []
        for h in self.record.hasil_kerja:
            rows += [(h, i) for i in h.indikator] or [(h, None)]
        self.plan.setRowCount(0)
        for h, ind in rows:
            self._append_row(
                h.uraian,
                h.jenis,
                h.hasil_kerja_atasan,
                ind,
                can_plan=can_plan,
                can_real=can_real,
                hk_id=h.id,
                link=h.hasil_kerja_atasan_id,
            )
        self.plan.resizeRowsToContents()

    def _append_row(
        self,
        uraian: str,
        jenis: str,
        atasan: str,
        ind: Indikator | None,
        *,
        can_plan: bool,
        can_real: bool,
        hk_id: str | None = None,
        link: str | None = None,
    ) -> int:
        row = self.plan.rowCount()
        self.plan.insertRow(row)
        self.plan.setItem(row, C_HASIL, _item(uraian, editable=can_plan, data=hk_id))
        self.plan.setItem(row, C_JENIS, _item(jenis, editable=can_plan))
        self.plan.setItem(row, C_ATASAN, _item(atasan, editable=False, data=link))
        self.plan.setItem(
            row,
            C_INDIKATOR,
            _item(ind.indikator if ind else "", editable=can_plan, data=ind.id if ind else None),
        )
        self.plan.setItem(row, C_TARGET, _item(ind.target if ind else "", editable=can_plan))
        self.plan.setItem(row, C_REALISASI, _item(ind.realisasi if ind else "", editable=can_real))
        self.plan.setItem(row, C_BUKTI, _item(ind.bukti if ind else "", editable=can_real))
        return row

    def _fill_perilaku(self, can_plan: bool, can_rate: bool) -> None:
        peer = self._answers_as_peer()
        mine = self._my_answers() if peer else {}
        self.perilaku.setRowCount(len(self.record.perilaku))
        for i, p in enumerate(self.record.perilaku):
            name = _item(p.nama, editable=False, data=p.nilai_kode)
            name.setToolTip(p.panduan)
            self.perilaku.setItem(i, P_NILAI, name)
            self.perilaku.setItem(i, P_EKSPEKTASI, _item(p.ekspektasi, editable=can_plan))
            self.perilaku.setItem(i, P_UMPAN_BALIK, _item(p.umpan_balik, editable=can_rate))
            rekan = "\n".join(f"{nama}: {text}" for nama, text in p.rekan)
            self.perilaku.setItem(i, P_REKAN, _item(rekan, editable=False))
            self.perilaku.setItem(i, P_SAYA, _item(mine.get(p.nilai_kode, ""), editable=peer))
        self.perilaku.setColumnHidden(P_SAYA, not peer)
        self.perilaku.resizeRowsToContents()

    def _my_answers(self) -> dict[str, str]:
        me = next((r.nama for r in self.record.rekan if r.pegawai_id == self.pelaku.pegawai_id), "")
        answers: dict[str, str] = {}
        for p in self.record.perilaku:
            for nama, text in p.rekan:
                if nama == me:
                    answers[p.nilai_kode] = text
        return answers

    def _show_predikat(self, *_args: Any) -> None:
        hasil, perilaku = self.rating_hasil.currentData(), self.rating_perilaku.currentData()
        if hasil and perilaku:
            kode = predikat(self.ref, hasil, perilaku)
            self.predikat_label.setText(self.ref.label("ref_predikat", kode))
        else:
            self.predikat_label.setText(tr("-"))

    # -- reading the widgets --------------------------------------------------------------------

    def _cell(self, table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item is not None else ""

    def rencana(self) -> list[HasilKerjaData]:
        """The plan as the table holds it (consecutive rows of one result grouped)."""
        result: list[HasilKerjaData] = []
        for row in range(self.plan.rowCount()):
            uraian = self._cell(self.plan, row, C_HASIL)
            jenis = self._cell(self.plan, row, C_JENIS).upper() or "UTAMA"
            hk_item = self.plan.item(row, C_HASIL)
            link_item = self.plan.item(row, C_ATASAN)
            hk_id = hk_item.data(ID_ROLE) if hk_item is not None else None
            indikator = self._cell(self.plan, row, C_INDIKATOR)
            if not (uraian or indikator):
                continue
            if not result or (result[-1].uraian, result[-1].jenis) != (uraian, jenis):
                result.append(
                    HasilKerjaData(
                        uraian,
                        jenis,
                        hasil_kerja_atasan_id=link_item.data(ID_ROLE) if link_item else None,
                        id=hk_id,
                    )
                )
            if indikator or self._cell(self.plan, row, C_TARGET):
                ind_item = self.plan.item(row, C_INDIKATOR)
                result[-1].indikator.append(
                    IndikatorData(
                        indikator,
                        self._cell(self.plan, row, C_TARGET),
                        self._cell(self.plan, row, C_REALISASI),
                        self._cell(self.plan, row, C_BUKTI),
                        id=ind_item.data(ID_ROLE) if ind_item is not None else None,
                    )
                )
        return result

    def _column(self, col: int) -> dict[str, str]:
        values: dict[str, str] = {}
        for row in range(self.perilaku.rowCount()):
            item = self.perilaku.item(row, P_NILAI)
            if item is not None:
                values[str(item.data(ID_ROLE))] = self._cell(self.perilaku, row, col)
        return values

    # -- actions --------------------------------------------------------------------------------

    def add_row(self) -> int:
        """A new indicator row (under the selected result, or a new result)."""
        current = self.plan.currentRow()
        uraian, jenis = "", "UTAMA"
        if current >= 0:
            uraian = self._cell(self.plan, current, C_HASIL)
            jenis = self._cell(self.plan, current, C_JENIS) or "UTAMA"
        row = self._append_row(uraian, jenis, "", None, can_plan=True,
                               can_real=bool(self.rights[T.REALISASI]))  # fmt: skip
        self.plan.setCurrentCell(row, C_HASIL if not uraian else C_INDIKATOR)
        return row

    def delete_row(self) -> None:
        row = self.plan.currentRow()
        if row >= 0:
            self.plan.removeRow(row)

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> bool:
        try:
            fn(self.db, self.skp_id, *args, actor=self.actor, **kwargs)
        except MeritError as exc:
            show_error(self, exc)
            self.load()
            return False
        self.load()
        self.status.setText(tr("Tersimpan."))
        self.changed.emit(self.skp_id)
        return True

    def _save_plan(self) -> bool:
        """Write the plan (or only the realisation) and a peer's answers, when allowed."""
        try:
            if self.rights[T.UBAH_RENCANA]:
                skp_write.update_rencana(
                    self.db,
                    self.skp_id,
                    self.rencana(),
                    self._column(P_EKSPEKTASI),
                    actor=self.actor,
                )
            elif self.rights[T.REALISASI]:
                values = {
                    ind.id: (ind.realisasi, ind.bukti)
                    for h in self.rencana()
                    for ind in h.indikator
                    if ind.id
                }
                skp_write.isi_realisasi(self.db, self.skp_id, values, actor=self.actor)
            if self._answers_as_peer() and self.pelaku.pegawai_id:
                answers = {k: v for k, v in self._column(P_SAYA).items() if v}
                if answers:
                    skp_write.isi_umpan_balik_rekan(
                        self.db, self.skp_id, self.pelaku.pegawai_id, answers, actor=self.actor
                    )
        except MeritError as exc:
            show_error(self, exc)
            return False
        return True

    def save(self) -> bool:
        ok = self._save_plan()
        if ok:
            self.load()
            self.changed.emit(self.skp_id)
        return ok

    def approve_plan(self) -> bool:
        """The pejabat penilai approves the plan (saving the table first)."""
        if self.rights[T.UBAH_RENCANA] and not self._save_plan():
            return False
        return self._run(workflow.setujui_rencana)

    def object_to(self) -> bool:
        """Lodge a keberatan with the reasons typed in the note field."""
        return self._run(workflow.ajukan_keberatan, self.catatan.text())

    def decide(self) -> bool:
        """The atasan pejabat penilai decides the keberatan with the chosen ratings."""
        hasil, perilaku = self.rating_hasil.currentData(), self.rating_perilaku.currentData()
        if not (hasil and perilaku):
            show_error(
                self,
                ValidationError(
                    tr("Pilih rating hasil kerja dan rating perilaku kerja putusan dulu."),
                    field="rating_hasil",
                ),
            )
            return False
        return self._run(workflow.putus_keberatan, hasil, perilaku, self.catatan.text())

    def submit(self) -> bool:
        if (self.rights[T.UBAH_RENCANA] or self.rights[T.REALISASI]) and not self._save_plan():
            return False
        return self._run(workflow.ajukan)

    def rate(self) -> bool:
        hasil, perilaku = self.rating_hasil.currentData(), self.rating_perilaku.currentData()
        if not (hasil and perilaku):
            show_error(
                self,
                ValidationError(
                    tr("Pilih rating hasil kerja dan rating perilaku kerja dulu."),
                    field="rating_hasil",
                ),
            )
            return False
        feedback = {k: v for k, v in self._column(P_UMPAN_BALIK).items() if v}
        return self._run(
            workflow.nilai,
            hasil,
            perilaku,
            umpan_balik=feedback,
            catatan=self.catatan_penilai.toPlainText(),
        )

    def send_back(self) -> bool:
        return self._run(workflow.kembalikan, self.catatan.text())

    def approve(self) -> bool:
        return self._run(workflow.tetapkan)

    def reopen(self) -> bool:
        return self._run(workflow.buka_kembali, self.catatan.text())

    def _pegawai_by_nip(self, text: str) -> str | None:
        try:
            return find_pegawai_id(self.db.conn, text.strip())
        except MeritError as exc:
            show_error(self, exc)
            return None

    def change_appraiser(self) -> bool:
        pid = self._pegawai_by_nip(self.penilai_nip.text())
        if pid is None:
            return False
        ok = self._run(skp_write.ganti_penilai, pid)
        if ok:
            self.penilai_nip.clear()
        return ok

    def request_peer(self) -> bool:
        pid = self._pegawai_by_nip(self.rekan_nip.text())
        if pid is None:
            return False
        ok = self._run(skp_write.minta_umpan_balik, [pid])
        if ok:
            self.rekan_nip.clear()
        return ok

    # -- the document ---------------------------------------------------------------------------

    def choose_pdf(self) -> None:
        default = paths.exports_dir() / tr(
            "evaluasi-kinerja-{tahun}-{nip}.pdf",
            tahun=self.record.tahun,
            nip=self.record.pegawai.nip,
        )
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan dokumen evaluasi"), str(default), tr("Dokumen PDF (*.pdf)")
        )
        if name:
            path = Path(name)
            self.write_pdf(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def write_pdf(self, target: Path) -> None:
        """Write the Dokumen Evaluasi Kinerja Pegawai in the background."""
        request, actor = EvaluasiRequest(self.skp_id, target), self.actor

        def work(db: Database, p: Progress) -> Path:
            write_evaluasi_pdf(db, actor, request, p)
            return target

        self.buttons["pdf"].setEnabled(False)

        def done(path: Path) -> None:
            self.buttons["pdf"].setEnabled(True)
            self.pdf_written.emit(path)

        def failed(exc: BaseException) -> None:
            self.buttons["pdf"].setEnabled(True)
            show_error(self, exc)

        self.runner.run(work, on_done=done, on_error=failed, bulk=True)
