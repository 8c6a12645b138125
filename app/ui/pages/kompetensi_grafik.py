"""The "Grafik" tab of the competency page (issue 15 item 8): JP per person against 20 per
unit, competency gaps per unit, the 9-box counts (a click on a cell lists its people) and the
training evaluation per event. The figures come from
:func:`app.models.kompetensi.grafik.grafik_kompetensi`, read off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tr
from app.models.errors import MeritError
from app.models.kompetensi.grafik import GrafikKompetensi, grafik_kompetensi, unit_laporan
from app.models.storage.db import Database
from app.ui.tasks import Progress
from app.ui.widgets.grafik import WARNA, BarChart, KotakTalentaGrid, Seri

if TYPE_CHECKING:
    from app.ui.pages.kompetensi import KompetensiPage


BATAS = 15  # bars (categories) per chart at most


class GrafikTab(QWidget):
    """Four charts of the agency for one year."""

    def __init__(self, page: KompetensiPage) -> None:
        super().__init__()
        self.page = page
        self.data: GrafikKompetensi | None = None
        self.pending = False  # a read has not reported back yet (tests wait on it)
        self.generation = 0
        self.tahun = QSpinBox()
        self.tahun.setObjectName("tahunGrafik")
        self.tahun.setRange(2000, 2100)
        self.tahun.setValue(page.today.year)
        self.jp = BarChart(
            tr("JP pelatihan per pegawai PNS terhadap target 20 JP, per OPD"),
            tr("Jumlah pegawai"),
            tr("OPD"),
        )
        self.jp.setObjectName("grafikJp")
        self.gap = BarChart(
            tr("Kesenjangan kompetensi per unit"),
            tr("Jumlah pegawai"),
            tr("Unit kerja"),
        )
        self.gap.setObjectName("grafikGap")
        self.evaluasi = BarChart(
            tr("Evaluasi pelatihan per acara (rata-rata skala 1-5)"),
            tr("Rata-rata nilai peserta"),
            tr("Acara"),
        )
        self.evaluasi.setObjectName("grafikEvaluasi")
        self.kotak = KotakTalentaGrid()
        self.kotak.setObjectName("grafikKotak")
        self.kotak_judul = QLabel(f"<b>{tr('Jumlah pegawai per kotak talenta')}</b>")
        self.kotak_info = QLabel()
        self.kotak_info.setObjectName("infoKotakGrafik")
        self.kotak_info.setWordWrap(True)
        self.orang = QTableWidget(0, 3)
        self.orang.setObjectName("orangKotak")
        self.orang.setHorizontalHeaderLabels([tr("NIP"), tr("Nama"), tr("Unit kerja")])
        self.orang.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orang.verticalHeader().hide()
        self.orang.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.orang.setMinimumHeight(160)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tahun:")))
        top.addWidget(self.tahun)
        top.addStretch(1)
        inner = QWidget()
        grid = QGridLayout(inner)
        top_align = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.jp, 0, 0, top_align)
        grid.addWidget(self.gap, 0, 1, top_align)
        box = QVBoxLayout()
        box.addWidget(self.kotak_judul)
        box.addWidget(self.kotak, 1)
        box.addWidget(self.kotak_info)
        box.addWidget(self.orang)
        grid.addLayout(box, 1, 0)
        grid.addWidget(self.evaluasi, 1, 1, top_align)
        for col in (0, 1):
            grid.setColumnStretch(col, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.tahun.valueChanged.connect(self.load)
        self.kotak.dipilih.connect(self.show_cell)

    def load(self) -> None:
        """Read the figures in the background (the 9-box walks every employee)."""
        tahun, actor = self.tahun.value(), self.page.actor
        unit_id = unit_laporan(actor)
        self.generation += 1
        generation = self.generation

        def work(db: Database, _progress: Progress) -> GrafikKompetensi:
            return grafik_kompetensi(db, tahun, actor=actor, unit_id=unit_id)

        def done(data: GrafikKompetensi) -> None:
            if generation == self.generation:
                self.pending = False
                self.show_data(data)

        def failed(exc: BaseException) -> None:
            if generation != self.generation:
                return
            self.pending = False
            if not isinstance(exc, MeritError):
                raise exc  # a bug: to the crash handler
            self.show_refusal(str(exc))

        self.pending = True
        self.page.runner.run(work, on_done=done, on_error=failed)

    def show_refusal(self, reason: str) -> None:
        """A refused or failed read: every chart says why it is empty."""
        self.data = None
        for chart in (self.jp, self.gap, self.evaluasi):
            chart.set_data([], [], alasan_kosong=reason)
        self.kotak.set_data({}, {}, set(), alasan_kosong=reason)
        self.kotak_info.setText(reason)
        self.orang.setRowCount(0)

    def show_data(self, data: GrafikKompetensi) -> None:
        self.data = data
        # Many units make a bar chart unreadable: the ones with the most people below the
        # target / with a gap are shown, and the title says how many of how many.
        jp = sorted(data.jp, key=lambda u: (-u.belum, u.unit))[:BATAS]
        self.jp.judul = tr("JP pelatihan per pegawai PNS terhadap target {n} JP, per OPD",
                           n=data.target_jp)  # fmt: skip
        if len(data.jp) > BATAS:
            self.jp.judul += tr(
                "\n{k} dari {m} OPD: yang paling banyak pegawai di bawah target",
                k=BATAS,
                m=len(data.jp),
            )
        self.jp.set_data(
            [u.unit for u in jp],
            [
                Seri(
                    tr("Mencapai {n} JP", n=data.target_jp), tuple(u.tercapai for u in jp), WARNA[0]
                ),
                Seri(tr("Di bawah {n} JP", n=data.target_jp), tuple(u.belum for u in jp), WARNA[1]),
            ],
            alasan_kosong=tr(
                "Tidak ada pegawai PNS aktif, sehingga JP tahun {t} tidak dihitung.", t=data.tahun
            ),
        )
        assessed = [g for g in data.gap if g.dinilai]
        gap = sorted(assessed, key=lambda g: (-g.pegawai_kurang, g.unit))[:BATAS]
        self.gap.judul = tr("Kesenjangan kompetensi per unit")
        if len(assessed) > BATAS:
            self.gap.judul += tr(
                "\n{k} dari {m} unit: yang paling banyak pegawai dengan kesenjangan",
                k=BATAS,
                m=len(assessed),
            )
        self.gap.set_data(
            [g.unit for g in gap],
            [
                Seri(tr("Pegawai dinilai"), tuple(g.dinilai for g in gap), WARNA[2]),
                Seri(
                    tr("Pegawai dengan kesenjangan"), tuple(g.pegawai_kurang for g in gap), WARNA[1]
                ),
            ],
            alasan_kosong=tr(
                "Belum ada pegawai yang dinilai pada jabatan yang memiliki standar kompetensi; "
                "isi standar jabatan dan hasil penilaian dahulu."
            ),
        )
        ev = data.evaluasi
        self.evaluasi.set_data(
            [e.acara + (tr(" — tinjau") if e.tinjau else "") for e in ev],
            [
                Seri(tr("Relevansi"), tuple(e.relevansi for e in ev), WARNA[2]),
                Seri(tr("Kemanfaatan"), tuple(e.manfaat for e in ev), WARNA[3]),
            ],
            maks=5,
            teks_nilai=lambda v: angka(v, 1),
            alasan_kosong=tr("Belum ada evaluasi peserta untuk acara pelatihan mana pun."),
        )
        cells = {(c.kinerja, c.potensi): c for c in data.kotak}
        self.kotak.set_data(
            {k: len(c.orang) for k, c in cells.items()},
            {k: c.nomor for k, c in cells.items()},
            {k for k, c in cells.items() if c.suksesi},
            alasan_kosong=tr(
                "Belum ada pegawai dalam kotak talenta: perlu predikat SKP dan hasil potensi."
            ),
        )
        self.kotak_info.setText(
            tr(
                "Hijau: kotak 7-9 (kelompok rencana suksesi). {n} pegawai belum masuk kotak "
                "(belum ada predikat SKP atau hasil potensi). Klik kotak untuk melihat orangnya.",
                n=data.tanpa_kotak,
            )
        )
        if self.kotak.pilihan is not None:
            self.show_cell(*self.kotak.pilihan)

    def show_cell(self, kinerja: int, potensi: int) -> None:
        """List the people of the clicked cell."""
        if self.data is None:
            return
        cell = next(c for c in self.data.kotak if (c.kinerja, c.potensi) == (kinerja, potensi))
        self.orang.setRowCount(len(cell.orang))
        for r, (nip, nama, unit) in enumerate(cell.orang):
            for c, value in enumerate((nip, nama, unit or "")):
                self.orang.setItem(r, c, QTableWidgetItem(value))
        self.kotak_info.setText(
            tr(
                "Kotak {k} ({nama}): {n} pegawai.",
                k=cell.nomor if cell.nomor is not None else "?",
                nama=cell.nama or "-",
                n=len(cell.orang),
            )
        )
