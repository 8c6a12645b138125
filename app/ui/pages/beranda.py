"""Beranda: the first page. What the office should see first, each item a way in.

The figures come from :func:`app.models.rekap.beranda.read_beranda` (the same as
``merit beranda``), loaded in the background through the window's runner. A card's button opens
the page that deals with it (``openPage``: the window switches to that page and hands it the
target, see :meth:`app.ui.pages.base.Page.open_target`); a person in a list opens the employee
detail dialog.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tanggal, tr
from app.models.errors import MeritError
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import Progress, TaskRunner
from app.ui.widgets.messages import show_error

if TYPE_CHECKING:
    from app.models.rekap.beranda import Beranda, OrangBeranda

SHOWN = 200  # people listed per card; the rest are in the page the card opens
PEGAWAI_ROLE = Qt.ItemDataRole.UserRole
WARNING_STYLE = "color: #a15c00; font-weight: bold;"
JANGKA_AWAL = 3  # the window shown first, months (the choices come with the data)


def waktu_text(iso: str | None) -> str:
    """A UTC ISO instant in local time, the Indonesian way ("23 November 2026 14:05")."""
    if not iso:
        return tr("belum pernah")
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return f"{tanggal(moment.date())} {moment:%H:%M}"


class Tile(QGroupBox):
    """A figure: title, a big number, a line under it, and the button that opens its page."""

    def __init__(self, name: str, title: str, button: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"kartu{name}")
        self.number = QLabel("–")
        self.number.setObjectName(f"angka{name}")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName(f"rincian{name}")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # room for three lines: a wrapped label does not ask for its height in a row of tiles
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3 + 4)
        self.button = QPushButton(button)
        self.button.setObjectName(f"buka{name}")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.detail, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)

    def set(self, number: str, detail: str, *, warning: bool = False) -> None:
        self.number.setText(number)
        self.detail.setText(detail)
        self.detail.setStyleSheet(WARNING_STYLE if warning else "")


class PeopleCard(QGroupBox):
    """A list of people with their date and what is due; a person opens their record."""

    def __init__(self, name: str, title: str, button: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"kartu{name}")
        self.summary = QLabel()
        self.summary.setObjectName(f"ringkasan{name}")
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName(f"daftar{name}")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHeaderLabels([tr("Nama"), tr("Tanggal"), tr("Keterangan")])
        self.list.setToolTip(tr("Klik dua kali (atau Enter) untuk membuka data pegawai."))
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.list.setColumnWidth(0, 210)
        self.list.setColumnWidth(1, 115)
        self.list.setMinimumHeight(170)
        self.more = QLabel()
        self.more.setObjectName(f"lainnya{name}")
        self.button = QPushButton(button)
        self.button.setObjectName(f"buka{name}")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.more, 1)
        row.addWidget(self.button)
        layout.addLayout(row)

    def fill(self, summary: str, people: tuple[OrangBeranda, ...], empty: str) -> None:
        self.summary.setText(summary)
        self.list.clear()
        items = []
        for o in people[:SHOWN]:
            note = f"{o.status_label} · {o.uraian}" if o.status_label else o.uraian
            item = QTreeWidgetItem([o.nama, tanggal(o.tanggal, kosong=""), note])
            item.setData(0, PEGAWAI_ROLE, o.pegawai_id)
            item.setToolTip(0, f"{o.nama}\nNIP {o.nip}\n{o.unit or ''}".strip())
            item.setToolTip(2, note)
            items.append(item)
        if not items:
            placeholder = QTreeWidgetItem([empty, "", ""])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            items.append(placeholder)
        self.list.addTopLevelItems(items)
        rest = len(people) - SHOWN
        self.more.setText(tr("… dan {n} lainnya", n=angka(rest)) if rest > 0 else "")


class BerandaPage(Page):
    """The home screen. ``openPage(key, target)``: the window shows page ``key`` at ``target``;
    ``loaded``: the figures are on screen; ``detailOpened``: an employee's record was opened."""

    openPage = Signal(str, object)
    loaded = Signal()
    detailOpened = Signal(object)

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
        self.setObjectName("halamanBeranda")
        self.actor = actor
        self.today = today
        self.data: Beranda | None = None
        self._request = 0
        from app.ui.pages.registry import visible_pages  # lazy: the registry loads this page

        self.pages = {p.key for p in visible_pages(actor)}  # the pages the cards may open

        title = QLabel(tr("Beranda"))
        title.setObjectName("judulHalaman")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("keadaanBeranda")
        self.jangka = QComboBox()
        self.jangka.setObjectName("pilihJangka")
        # filled when the data arrives: as wide as its texts then, not as when first shown empty
        self.jangka.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # The windows are those of the data (app.models.rekap.beranda, imported by the
        # background read, not at start-up: 60-120 ms); filled when it arrives.
        self.jangka.setEnabled(False)
        self.reload_button = QPushButton(tr("Muat ulang"))
        self.reload_button.setObjectName("tombolMuatUlangBeranda")
        self.progress = QProgressBar()
        self.progress.setObjectName("memuatBeranda")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("statusBeranda")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        top.addWidget(QLabel(tr("Jatuh tempo dalam:")))
        top.addWidget(self.jangka)
        top.addWidget(self.progress)
        top.addWidget(self.reload_button)

        # -- the figures
        self.pegawai = Tile("Pegawai", tr("Pegawai aktif"), tr("Daftar pegawai ›"))
        self.skp = Tile("Skp", tr("Kinerja (SKP) tahun ini"), tr("Buka Kinerja ›"))
        self.konflik = Tile("Konflik", tr("Konflik sinkronisasi"), tr("Selesaikan ›"))
        self.cadangan = Tile("Cadangan", tr("Cadangan terakhir"), tr("Cadangkan…"))
        self.pengaduan = Tile("Pengaduan", tr("Pengaduan masyarakat terbuka"), tr("Buka ›"))
        tiles = QHBoxLayout()
        for tile in (self.pegawai, self.skp, self.pengaduan, self.konflik, self.cadangan):
            tiles.addWidget(tile, 1)

        # -- the lists
        self.kgb = PeopleCard("Kgb", tr("Kenaikan gaji berkala (KGB)"), tr("Rekap KGB ›"))
        self.pensiun = PeopleCard("Pensiun", tr("Pensiun (mencapai BUP)"), tr("Rekap pensiun ›"))
        self.kp = PeopleCard("Kp", tr("Kenaikan pangkat (KP)"), tr("Buka Kenaikan pangkat ›"))
        self.diklat = PeopleCard("Diklat", tr("Diklat di bawah 20 JP"), tr("Rekap diklat ›"))
        for card in (self.kp, self.diklat):  # one period for all / no date
            card.list.setColumnHidden(1, True)
        grid = QGridLayout()
        grid.addWidget(self.kgb, 0, 0)
        grid.addWidget(self.pensiun, 0, 1)
        grid.addWidget(self.kp, 1, 0)
        grid.addWidget(self.diklat, 1, 1)
        self.cuti = PeopleCard(
            "Cuti", tr("Cuti: hari ini, minggu ini, menunggu keputusan"), tr("Buka Cuti ›")
        )
        grid.addWidget(self.cuti, 2, 0)

        self.lewat_bup = QLabel()
        self.lewat_bup.setObjectName("peringatanBup")
        self.lewat_bup.setWordWrap(True)
        self.lewat_bup.setStyleSheet(WARNING_STYLE)
        self.lewat_bup.hide()

        self.sinkron = QGroupBox(tr("Sinkronisasi terakhir per peer"))
        self.sinkron.setObjectName("kartuSinkron")
        self.peers = QTreeWidget()
        self.peers.setObjectName("daftarPeer")
        self.peers.setRootIsDecorated(False)
        self.peers.setHeaderLabels([tr("Peer"), tr("Terakhir diterima"), tr("Terakhir dikirim")])
        self.peers.setColumnWidth(0, 260)
        self.peers.setColumnWidth(1, 200)
        self.peers.setMaximumHeight(130)
        self.sinkron_button = QPushButton(tr("Buka Sinkronisasi ›"))
        self.sinkron_button.setObjectName("bukaSinkron")
        sync_layout = QVBoxLayout(self.sinkron)
        sync_layout.addWidget(self.peers)
        sync_row = QHBoxLayout()
        sync_row.addStretch(1)
        sync_row.addWidget(self.sinkron_button)
        sync_layout.addLayout(sync_row)

        self.no_rights = QLabel(
            tr(
                "Ringkasan kepegawaian (jatuh tempo, SKP, diklat) hanya tampil untuk pengguna "
                "yang berhak melihat rekap dan laporan."
            )
        )
        self.no_rights.setObjectName("tanpaHakLaporan")
        self.no_rights.setWordWrap(True)
        self.no_rights.hide()

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(tiles)
        body_layout.addWidget(self.lewat_bup)
        body_layout.addWidget(self.no_rights)
        body_layout.addLayout(grid, 1)
        body_layout.addWidget(self.sinkron)
        body_layout.addStretch(0)  # takes the room when the cards are not shown
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

        # -- ways in
        self.reload_button.clicked.connect(self.reload)
        self.jangka.currentIndexChanged.connect(lambda _i: self._show())
        self._link(self.pegawai.button, "employees")
        self._link(self.skp.button, "skp")
        self._link(self.konflik.button, "konflik")
        self._link(self.cadangan.button, "cadangan")
        self._link(self.kgb.button, "rekap", "kgb")
        self._link(self.pensiun.button, "rekap", "pensiun")
        self._link(self.diklat.button, "rekap", "diklat")
        self.kp.button.clicked.connect(self._open_kp)
        self._link(self.sinkron_button, "sinkron")
        self._link(self.pengaduan.button, "integritas")
        self.kp.button.setVisible("kp" in self.pages)
        self._link(self.cuti.button, "cuti")
        for card in (self.kgb, self.pensiun, self.kp, self.diklat, self.cuti):
            card.list.itemActivated.connect(self._person_activated)
        self._set_visible(None)
        self.progress.show()
        self.reload_button.setEnabled(False)
        self.status.setText(tr("Memuat ringkasan…"))
        # Read once the page is on screen (see paintEvent): the window's first paint does not
        # share the CPU (the GIL) with the read.
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self.data is None and self._request == 0:  # not read yet
                QTimer.singleShot(0, self, self.reload)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the figures again in the background (the newest request wins)."""
        self._request += 1
        request, actor, today = self._request, self.actor, self.today

        def work(db: Database, _p: Progress) -> Beranda:
            from app.models.rekap.beranda import read_beranda  # lazy: off the UI thread

            return read_beranda(db, actor, today=today)

        self.progress.show()
        self.reload_button.setEnabled(False)
        self.status.setText(tr("Memuat ringkasan…"))
        self.runner.run(
            work,
            on_done=lambda data: self._loaded(request, data),
            on_error=lambda exc: self._failed(request, exc),
        )

    def _loaded(self, request: int, data: Beranda) -> None:
        if request != self._request:
            return
        self.data = data
        self._fill_jangka(data)
        self.progress.hide()
        self.reload_button.setEnabled(True)
        self.status.setText("")
        self._show()
        self.loaded.emit()

    def _failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self.progress.hide()
        self.reload_button.setEnabled(True)
        self.status.setText(tr("Ringkasan tidak dapat dimuat."))
        show_error(self, exc)

    def records_changed(self) -> None:
        self.reload()

    # -- showing -------------------------------------------------------------------------------

    def _set_visible(self, data: Beranda | None) -> None:
        laporan = data is not None and data.pegawai is not None
        for w in (self.pegawai, self.skp, self.kgb, self.pensiun, self.kp, self.diklat, self.cuti):
            w.setVisible(data is None or laporan)
        self.no_rights.setVisible(data is not None and not laporan)
        self.jangka.setEnabled(laporan and self.jangka.count() > 0)
        self.konflik.setVisible(data is not None and data.sinkron is not None)
        self.sinkron.setVisible(data is not None and data.sinkron is not None)
        self.cadangan.setVisible(data is not None and data.cadangan is not None)
        self.pengaduan.setVisible(data is not None and data.pengaduan is not None)

    def _fill_jangka(self, data: Beranda) -> None:
        """The windows of ``data`` in the chooser, the one chosen kept (first: 3 months)."""
        windows = [j.bulan for j in data.jangka or ()]
        have = [self.jangka.itemData(i) for i in range(self.jangka.count())]
        if windows == have:
            return
        chosen = self.jangka.currentData()
        self.jangka.blockSignals(True)
        self.jangka.clear()
        for n in windows:
            self.jangka.addItem(tr("{n} bulan ke depan", n=n), n)
        index = self.jangka.findData(chosen if chosen in windows else JANGKA_AWAL)
        self.jangka.setCurrentIndex(max(index, 0))
        self.jangka.blockSignals(False)

    def current_jangka(self) -> int:
        value = self.jangka.currentData()
        return JANGKA_AWAL if value is None else int(value)

    def _show(self) -> None:
        data = self.data
        self._set_visible(data)
        if data is None:
            return
        if data.pegawai is None:
            self.subtitle.setText(tr("Keadaan per {t}", t=tanggal(data.tanggal)))
        else:
            where = data.unit_nama or tr("seluruh instansi")
            self.subtitle.setText(tr("Keadaan per {t} · {u}", t=tanggal(data.tanggal), u=where))
        if data.pegawai is not None:
            p = data.pegawai
            self.pegawai.set(
                angka(p.jumlah),
                tr(
                    "PNS {pns} (termasuk CPNS {cpns}) · PPPK {pppk}",
                    pns=angka(p.pns),
                    cpns=angka(p.cpns),
                    pppk=angka(p.pppk),
                ),
            )
        if data.skp is not None:
            s = data.skp
            self.skp.set(
                tr("{a} / {b}", a=angka(s.ditetapkan), b=angka(s.pegawai)),
                tr(
                    "SKP {tahun} ditetapkan. Direncanakan {rencana}, diajukan {diajukan}, "
                    "dinilai {dinilai}; belum ada SKP {belum}.",
                    tahun=s.tahun,
                    rencana=angka(s.direncanakan),
                    diajukan=angka(s.diajukan),
                    dinilai=angka(s.dinilai),
                    belum=angka(s.belum),
                ),
            )
        if data.sinkron is not None:
            n = data.sinkron.konflik
            self.konflik.set(
                angka(n),
                tr("konflik menunggu keputusan") if n else tr("Tidak ada konflik terbuka."),
                warning=n > 0,
            )
            self.peers.clear()
            for peer in data.sinkron.peer:
                self.peers.addTopLevelItem(
                    QTreeWidgetItem(
                        [
                            peer.nama,
                            waktu_text(peer.terakhir_terima),
                            waktu_text(peer.terakhir_kirim),
                        ]
                    )
                )
            if not data.sinkron.peer:
                empty = QTreeWidgetItem([tr("Belum ada peer sinkronisasi."), "", ""])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                self.peers.addTopLevelItem(empty)
        if data.cadangan is not None:
            c = data.cadangan
            if c.terakhir is None:
                self.cadangan.set(tr("Belum ada"), c.peringatan or "", warning=True)
            else:
                self.cadangan.set(
                    tanggal(c.terakhir.date()),
                    c.peringatan
                    or tr(
                        "pukul {jam}, {n} hari yang lalu",
                        jam=f"{c.terakhir:%H:%M}",
                        n=angka(c.umur_hari or 0),
                    ),
                    warning=c.peringatan is not None,
                )
        if data.lewat_bup:
            self.lewat_bup.setText(
                tr(
                    "{n} pegawai sudah melewati TMT pensiun tetapi masih tercatat aktif: "
                    "periksa kedudukannya (mis. {nama}).",
                    n=angka(len(data.lewat_bup)),
                    nama=data.lewat_bup[0].nama,
                )
            )
        self.lewat_bup.setVisible(bool(data.lewat_bup))
        if data.pengaduan is not None:
            late = data.pengaduan.terlambat
            self.pengaduan.set(
                angka(data.pengaduan.terbuka),
                tr("{n} tahap lewat batas, a.l. {d}", n=angka(len(late)), d=late[0])
                if late
                else tr("Tidak ada tahap yang lewat batas."),
                warning=bool(late),
            )
        self._show_lists(data)

    def _show_cuti(self, data: Beranda) -> None:
        c = data.cuti
        self.cuti.setVisible(c is not None)
        if c is None:
            return
        self.cuti.fill(
            tr(
                "{a} sedang cuti hari ini, {b} lagi minggu ini, {c} permohonan menunggu keputusan",
                a=angka(len(c.hari_ini)),
                b=angka(len(c.minggu_ini)),
                c=angka(len(c.menunggu)),
            ),
            c.hari_ini + c.minggu_ini + c.menunggu,
            tr("Tidak ada yang cuti minggu ini dan tidak ada permohonan menunggu."),
        )

    def _show_lists(self, data: Beranda) -> None:
        self._show_cuti(data)
        j = data.jangka_bulan(self.current_jangka())
        if j is None:
            return
        until = tanggal(j.sampai)
        self.kgb.fill(
            tr("{n} pegawai, TMT KGB sampai {t}", n=angka(len(j.kgb)), t=until),
            j.kgb,
            tr("Tidak ada KGB dalam jangka ini."),
        )
        self.pensiun.fill(
            tr("{n} pegawai, TMT pensiun sampai {t}", n=angka(len(j.pensiun)), t=until),
            j.pensiun,
            tr("Tidak ada yang pensiun dalam jangka ini."),
        )
        if j.periode_kp is None:
            self.kp.fill(
                tr("Tidak ada periode KP sampai {t}.", t=until),
                (),
                tr("Tidak ada periode KP dalam jangka ini."),
            )
        else:
            self.kp.fill(
                tr(
                    "Periode {p}: {n} calon, {m} memenuhi syarat",
                    p=tanggal(j.periode_kp),
                    n=angka(len(j.kp)),
                    m=angka(j.kp_memenuhi),
                ),
                j.kp,
                tr("Tidak ada calon KP pada periode ini."),
            )
        if data.diklat is not None:
            d = data.diklat
            self.diklat.fill(
                tr(
                    "Tahun {tahun}: {n} dari {total} PNS belum mencapai {target} JP",
                    tahun=d.tahun,
                    n=angka(len(d.di_bawah)),
                    total=angka(d.pegawai),
                    target=d.target,
                ),
                d.di_bawah,
                tr("Semua PNS sudah mencapai {target} JP.", target=d.target),
            )

    # -- ways in -------------------------------------------------------------------------------

    def _link(self, button: QPushButton, key: str, target: object = None) -> None:
        # the backup dialog is the window's (menu Berkas), not a page
        button.setVisible(key in self.pages or key == "cadangan")
        button.clicked.connect(lambda: self.openPage.emit(key, target))

    def _open_kp(self) -> None:
        j = self.data.jangka_bulan(self.current_jangka()) if self.data else None
        self.openPage.emit("kp", j.periode_kp if j else None)

    def _person_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        pegawai_id = item.data(0, PEGAWAI_ROLE)
        if pegawai_id:
            self.open_pegawai(str(pegawai_id))

    def open_pegawai(self, pegawai_id: str) -> QWidget | None:
        """Open the employee detail dialog of ``pegawai_id``."""
        from app.ui.dialogs.employee_detail import (  # lazy: not at start-up (15 ms)
            EmployeeDetailDialog,
        )

        try:
            dialog = EmployeeDetailDialog(self.db, pegawai_id, actor=self.actor, parent=self)
        except MeritError as exc:
            show_error(self, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.reload)
        dialog.open()
        self.detailOpened.emit(dialog)
        return dialog

    def card_items(self, card: PeopleCard) -> list[QTreeWidgetItem]:
        """The person rows of a card (for tests and keyboard users)."""
        out = []
        for i in range(card.list.topLevelItemCount()):
            item = card.list.topLevelItem(i)
            if item is not None and item.data(0, PEGAWAI_ROLE):
                out.append(item)
        return out
