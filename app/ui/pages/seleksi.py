"""Seleksi jabatan: the secretariat's page for a selection (applicants with the screening,
committee and scoring packages, sealed sheets and the ranking, the documents of each stage
and of the final ranking, and the SK Pengangkatan for the PPK's choice).

"Buat seleksi…" opens :class:`app.ui.dialogs.seleksi_form.SeleksiFormDialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import tr
from app.jobs import seleksi as seleksi_jobs
from app.models.access.akses import allowed
from app.models.errors import MeritError
from app.models.pegawai.read import find_pegawai_id
from app.models.rules import seleksi as rules_seleksi
from app.models.seleksi import lembar as lb
from app.models.seleksi import panitia, pelamar, peringkat, saran, seleksi
from app.models.storage.db import Database
from app.ui.dialogs.seleksi_form import SeleksiFormDialog
from app.ui.dialogs.sk_pengangkatan import SkPengangkatanDialog
from app.ui.pages.base import Page
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.messages import show_error


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _koma(text: str) -> str:
    """A decimal the Indonesian way: 82,98."""
    return text.replace(".", ",")


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class SeleksiPage(Page):
    """The secretariat's work on one selection at a time."""

    rights = (("seleksi.kelola",), ("seleksi.baca", "laporan.baca"))

    imported = Signal(object)  # HasilImporLembar

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        actor: str = "sistem",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanSeleksi")
        self.actor = actor
        self.task: Task | None = None
        self.info: seleksi.SeleksiInfo | None = None
        self.pelamar: list[pelamar.Pelamar] = []
        self.hasil: peringkat.Peringkat | None = None
        kelola = allowed(actor, "seleksi.kelola")

        title = QLabel(tr("Seleksi Jabatan"))
        title.setObjectName("judulHalaman")
        self.pilih = QComboBox()
        self.pilih.setObjectName("pilihSeleksi")
        self.ringkas = QLabel()
        self.ringkas.setObjectName("ringkasSeleksi")
        self.ringkas.setWordWrap(True)
        self.buat = QPushButton(tr("Buat seleksi…"))
        self.buat.setObjectName("tombolBuatSeleksi")
        self.form: SeleksiFormDialog | None = None
        self.sk_dialog: SkPengangkatanDialog | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Seleksi:")))
        top.addWidget(self.pilih, 1)
        if kelola:
            top.addWidget(self.buat)

        # applicants
        self.tabel_pelamar = _table(
            [
                tr("No."),
                tr("Nama"),
                tr("NIP"),
                tr("Asal"),
                tr("Hasil"),
                tr("Keterangan"),
                tr("Talent pool"),
            ],
            "tabelPelamar",
        )
        self.nip = QLineEdit()
        self.nip.setObjectName("nipPelamar")
        self.nip.setPlaceholderText(tr("NIP pelamar internal"))
        self.tambah = QPushButton(tr("Daftarkan"))
        self.tambah.setObjectName("tombolDaftarkan")
        self.alasan = QLineEdit()
        self.alasan.setObjectName("alasanKeputusan")
        self.alasan.setPlaceholderText(tr("Alasan keputusan sekretariat"))
        self.luluskan = QPushButton(tr("Luluskan"))
        self.luluskan.setObjectName("tombolLuluskan")
        self.gagalkan = QPushButton(tr("Tidak luluskan"))
        self.gagalkan.setObjectName("tombolGagalkan")
        row1 = QHBoxLayout()
        row1.addWidget(self.nip)
        row1.addWidget(self.tambah)
        row1.addSpacing(16)
        row1.addWidget(self.alasan, 1)
        row1.addWidget(self.luluskan)
        row1.addWidget(self.gagalkan)
        tab1 = QWidget()
        v1 = QVBoxLayout(tab1)
        v1.addWidget(self.tabel_pelamar, 1)
        if kelola:
            v1.addLayout(row1)

        # the talent pool's successors of the post: a suggestion beside the list, never a filter
        self.saran: saran.SaranTalenta | None = None
        self.saran_task: Task | None = None
        self.tabel_saran = _table(
            [
                tr("Peringkat"),
                tr("Nama"),
                tr("NIP"),
                tr("Jabatan sekarang"),
                tr("Kotak"),
                tr("Kesiapan"),
                tr("Catatan"),
                tr("Status"),
            ],
            "tabelSaranTalenta",
        )
        self.tabel_saran.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.saran_info = QLabel()
        self.saran_info.setObjectName("infoSaranTalenta")
        self.saran_info.setWordWrap(True)
        self.tambah_saran = QPushButton(tr("Daftarkan yang dipilih sebagai pelamar"))
        self.tambah_saran.setObjectName("tombolTambahSaran")
        self.kotak_saran = QGroupBox(tr("Saran dari talent pool (bukan penyaring)"))
        self.kotak_saran.setObjectName("kotakSaranTalenta")
        vs = QVBoxLayout(self.kotak_saran)
        vs.addWidget(self.saran_info)
        vs.addWidget(self.tabel_saran, 1)
        rs = QHBoxLayout()
        rs.addStretch(1)
        rs.addWidget(self.tambah_saran)
        vs.addLayout(rs)
        if kelola:
            v1.addWidget(self.kotak_saran, 1)
        self.kotak_saran.setVisible(kelola)

        # committee
        self.tabel_panitia = _table(
            [tr("Nama"), tr("Peran"), tr("Menilai"), tr("Lembar masuk"), tr("Konflik")],
            "tabelPanitia",
        )
        self.paket = QPushButton(tr("Tulis paket penilaian…"))
        self.paket.setObjectName("tombolPaket")
        self.konflik_calon = QComboBox()
        self.konflik_calon.setObjectName("pilihKandidatKonflik")
        self.konflik_alasan = QLineEdit()
        self.konflik_alasan.setObjectName("alasanKonflik")
        self.konflik_alasan.setPlaceholderText(tr("Alasan konflik kepentingan"))
        self.konflik = QPushButton(tr("Catat konflik"))
        self.konflik.setObjectName("tombolKonflik")
        row2 = QHBoxLayout()
        row2.addWidget(self.paket)
        row2.addSpacing(16)
        row2.addWidget(QLabel(tr("Konflik dengan:")))
        row2.addWidget(self.konflik_calon)
        row2.addWidget(self.konflik_alasan, 1)
        row2.addWidget(self.konflik)
        tab2 = QWidget()
        v2 = QVBoxLayout(tab2)
        v2.addWidget(self.tabel_panitia, 1)
        if kelola:
            v2.addLayout(row2)

        # sheets and ranking
        self.impor = QPushButton(tr("Masukkan lembar nilai…"))
        self.impor.setObjectName("tombolImporLembar")
        self.kurang = QLabel()
        self.kurang.setObjectName("lembarKurang")
        self.kurang.setWordWrap(True)
        self.kuorum = QLineEdit()
        self.kuorum.setObjectName("catatanKuorum")
        self.kuorum.setPlaceholderText(tr("Catatan ketua: kuorum sudah cukup karena …"))
        self.kuorum_button = QPushButton(tr("Catat keputusan ketua"))
        self.kuorum_button.setObjectName("tombolKuorum")
        self.tabel_peringkat = _table([], "tabelPeringkat")
        self.usulan = QLabel()
        self.usulan.setObjectName("usulanPpk")
        self.usulan.setWordWrap(True)
        self.aturan = QLabel()
        self.aturan.setWordWrap(True)
        row3 = QHBoxLayout()
        row3.addWidget(self.impor)
        row3.addWidget(self.kuorum, 1)
        row3.addWidget(self.kuorum_button)
        self.rekap = QPushButton(tr("Rekap nilai (.xlsx)…"))
        self.rekap.setObjectName("tombolRekapNilai")
        row3.addWidget(self.rekap)
        self.dokumen = QComboBox()
        self.dokumen.setObjectName("pilihDokumen")
        self.dokumen.addItem(tr("Berita acara peringkat akhir"), "berita_acara")
        self.dokumen.addItem(tr("Pengumuman hasil seleksi"), "pengumuman")
        self.dokumen_button = QPushButton(tr("Simpan PDF…"))
        self.dokumen_button.setObjectName("tombolDokumen")
        self.sk_button = QPushButton(tr("Terbitkan SK pengangkatan…"))
        self.sk_button.setObjectName("tombolSkPengangkatan")
        row4 = QHBoxLayout()
        row4.addWidget(QLabel(tr("Dokumen:")))
        row4.addWidget(self.dokumen)
        row4.addWidget(self.dokumen_button)
        row4.addStretch(1)
        if kelola:
            row4.addWidget(self.sk_button)
        tab3 = QWidget()
        v3 = QVBoxLayout(tab3)
        if kelola:
            v3.addLayout(row3)
        v3.addWidget(self.kurang)
        v3.addWidget(self.tabel_peringkat, 1)
        v3.addWidget(self.usulan)
        v3.addWidget(self.aturan)
        v3.addLayout(row4)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabSeleksi")
        self.tabs.addTab(tab1, tr("Pelamar && seleksi administrasi"))
        self.tabs.addTab(tab2, tr("Panitia && paket penilaian"))
        self.tabs.addTab(tab3, tr("Lembar nilai && peringkat"))
        self.status = QLabel()
        self.status.setObjectName("statusSeleksi")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.ringkas)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.pilih.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tambah.clicked.connect(self.add_internal)
        self.tambah_saran.clicked.connect(self.add_suggested)
        self.nip.returnPressed.connect(self.add_internal)
        self.luluskan.clicked.connect(lambda: self.decide(True))
        self.gagalkan.clicked.connect(lambda: self.decide(False))
        self.paket.clicked.connect(self.choose_package_target)
        self.konflik.clicked.connect(self.declare_conflict)
        self.impor.clicked.connect(self.choose_sheet)
        self.kuorum_button.clicked.connect(self.record_quorum)
        self.rekap.clicked.connect(self.choose_recap_target)
        self.dokumen_button.clicked.connect(self.choose_document_target)
        self.buat.clicked.connect(self.open_create)
        self.sk_button.clicked.connect(self.open_sk)
        self.reload()

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.pilih.currentData()
        self.pilih.blockSignals(True)
        self.pilih.clear()
        for s in seleksi.list_seleksi(self.db.conn):
            self.pilih.addItem(f"{s.judul} ({s.pelamar} {tr('pelamar')})", s.id)
        if current is not None and self.pilih.findData(current) >= 0:
            self.pilih.setCurrentIndex(self.pilih.findData(current))
        self.pilih.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        sid = self.pilih.currentData()
        if not sid:
            self.info = None
            self.ringkas.setText(tr("Belum ada seleksi. Tekan “Buat seleksi…” untuk membuatnya."))
            self.tabs.setEnabled(False)
            return
        self.tabs.setEnabled(True)
        conn = self.db.conn
        info = self.info = seleksi.get_seleksi(conn, sid)
        self.pelamar = pelamar.list_pelamar(conn, sid)
        tahap = ", ".join(
            f"{t.nama} {_koma(rules_seleksi.teks_desimal(t.bobot))}%"
            + ("" if t.dilaksanakan else tr(" (tidak dilaksanakan)"))
            for t in info.tahap
        )
        self.ringkas.setText(
            tr(
                "{jenis} \u2013 jabatan {j}. Tahap: {t}.",
                jenis=tr(seleksi.JENIS[info.jenis]),
                j=info.nama_jabatan,
                t=tahap,
            )
        )
        _fill(
            self.tabel_pelamar,
            [
                [
                    str(p.nomor),
                    p.nama,
                    p.nip or "",
                    tr("Eksternal") if p.eksternal else tr("Internal"),
                    (tr("Lulus") if p.lulus else tr("Tidak lulus"))
                    + (tr(" (keputusan sekretariat)") if p.override_lulus is not None else ""),
                    (p.override_alasan or "")
                    if p.override_lulus is not None
                    else "; ".join(p.alasan_gagal) or tr("Memenuhi semua syarat"),
                    p.tanda_talenta,
                ]
                for p in self.pelamar
            ],
        )
        self._load_suggestion(sid)
        kurang = panitia.lembar_kurang(conn, info)
        konflik = panitia.konflik(conn, sid)
        dinilai = [t for t in info.tahap if t.dinilai and t.bobot > 0]
        belum: dict[str, list[str]] = {}
        for k in kurang:
            belum.setdefault(k.anggota_id, []).append(k.tahap_id)
        _fill(
            self.tabel_panitia,
            [
                [
                    a.nama,
                    tr(seleksi.PERAN_PANITIA[a.peran]),
                    tr("Ya") if a.menilai else tr("Tidak"),
                    f"{len(dinilai) - len(belum.get(a.id, []))}/{len(dinilai)}"
                    if a.menilai
                    else "\u2013",
                    str(sum(1 for x, _ in konflik if x == a.id)),
                ]
                for a in info.panitia
            ],
        )
        self.konflik_calon.clear()
        for p in self.pelamar:
            self.konflik_calon.addItem(f"{p.nomor}. {p.nama}", p.id)
        self.kuorum.setText(info.kuorum_catatan or "")
        self._documents(info)
        self._ranking()

    def _documents(self, info: seleksi.SeleksiInfo) -> None:
        """The documents on offer: the final ones and the berita acara of each scored stage."""
        current = self.dokumen.currentData()
        self.dokumen.clear()
        self.dokumen.addItem(tr("Berita acara peringkat akhir"), "berita_acara")
        self.dokumen.addItem(tr("Pengumuman hasil seleksi"), "pengumuman")
        for t in info.tahap:
            if t.dinilai:
                self.dokumen.addItem(tr("Berita acara tahap {t}", t=t.nama), f"tahap:{t.id}")
        index = self.dokumen.findData(current)
        self.dokumen.setCurrentIndex(max(index, 0))

    def _ranking(self) -> None:
        info = self.info
        assert info is not None
        hasil = self.hasil = peringkat.get_peringkat(self.db.conn, info.id, sementara=True)
        tahap = [t for t in info.tahap if t.id in hasil.bobot_efektif]
        self.tabel_peringkat.setColumnCount(4 + len(tahap))
        self.tabel_peringkat.setHorizontalHeaderLabels(
            [tr("Peringkat"), tr("No."), tr("Nama")]
            + [
                tr(
                    "{t} ({w}%)",
                    t=t.nama,
                    w=_koma(
                        rules_seleksi.teks_desimal(rules_seleksi.bulat(hasil.bobot_efektif[t.id]))
                    ),
                )
                for t in tahap
            ]
            + [tr("Nilai akhir")]
        )

        def num(v: Decimal | None) -> str:
            return (
                _koma(rules_seleksi.teks_desimal(rules_seleksi.bulat(v)))
                if v is not None
                else "\u2013"
            )

        _fill(
            self.tabel_peringkat,
            [
                [str(b.peringkat or "\u2013"), str(b.nomor), b.nama]
                + [num(b.nilai_tahap.get(t.id)) for t in tahap]
                + [num(b.total)]
                for b in hasil.baris
            ],
        )
        if hasil.kurang and not info.kuorum_catatan:
            self.kurang.setText(
                tr(
                    "SEMENTARA \u2013 peringkat akhir belum dapat disusun. Lembar belum "
                    "masuk: {d}.",
                    d="; ".join(k.teks() for k in hasil.kurang),
                )
            )
        elif hasil.kurang:
            self.kurang.setText(
                tr(
                    "Lembar belum masuk: {d}. Ketua panitia ({k}) mencatat kuorum cukup: {c}",
                    d="; ".join(k.teks() for k in hasil.kurang),
                    k=info.kuorum_oleh,
                    c=info.kuorum_catatan,
                )
            )
        else:
            self.kurang.setText(tr("Semua lembar nilai tersegel sudah masuk."))
        self.usulan.setText(
            tr("Usulan kepada PPK: {d}", d=", ".join(b.nama for b in hasil.usulan))
            if hasil.usulan
            else ""
        )
        self.aturan.setText(
            tr(
                "Nilai akhir dihitung hanya dari tahap yang dilaksanakan (bobot dinormalkan). "
                "Nilai sama: {a}.",
                a=tr(seleksi.ATURAN_SERI.get(info.aturan_seri, info.aturan_seri)),
            )
        )

    # -- actions ---------------------------------------------------------------------------------

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except MeritError as exc:
            show_error(self, exc)
            return False
        self.reload()
        return True

    def _selected(self, table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def add_internal(self) -> None:
        if self.info is None or not self.nip.text().strip():
            return
        sid = self.info.id

        def act() -> None:
            pid = find_pegawai_id(self.db.conn, self.nip.text().strip())
            pelamar.create_pelamar_internal(self.db, sid, pid, actor=self.actor)

        if self._run(act):
            self.nip.clear()
            self.status.setText(tr("Pelamar didaftarkan."))

    def _load_suggestion(self, sid: str) -> Task | None:
        """Read the talent pool's suggestion off the UI thread (it ranks the whole pool)."""
        if not allowed(self.actor, "seleksi.kelola"):
            return None  # the suggestion is the secretariat's; the mark on applicants is for all
        actor = self.actor
        self.saran_info.setText(tr("Membaca saran talent pool…"))
        self.tambah_saran.setEnabled(False)

        def work(db: Database, _progress: Progress) -> saran.SaranTalenta:
            return saran.saran_talenta(db, sid, actor=actor)

        def failed(exc: BaseException) -> None:
            self.saran_task = None
            self.saran_info.setText(tr("Saran talent pool tidak dapat dibaca."))
            show_error(self, exc)

        self.saran_task = self.runner.run(work, on_done=self._show_suggestion, on_error=failed)
        return self.saran_task

    def _show_suggestion(self, result: saran.SaranTalenta) -> None:
        self.saran_task = None
        if self.info is None or result.seleksi_id != self.info.id:
            return  # another selection was chosen meanwhile
        self.saran = result
        if result.alasan_kosong:
            self.saran_info.setText(result.alasan_kosong)
        else:
            self.saran_info.setText(
                tr(
                    "Calon suksesor {j} menurut kotak talenta, berperingkat. Pilih lalu "
                    "daftarkan; pelamar dari jalur lain tetap ada dan semua pelamar diperiksa "
                    "syarat yang sama. Panitia melihat tanda “dari talent pool”.",
                    j=result.nama_jabatan,
                )
            )
        _fill(
            self.tabel_saran,
            [
                [
                    str(x.calon.peringkat),
                    x.calon.nama,
                    x.calon.nip,
                    x.calon.jabatan_nama or "",
                    str(x.calon.kotak),
                    x.calon.kesiapan_nama,
                    "; ".join(x.calon.catatan),
                    tr("Terdaftar, nomor {n}", n=x.nomor_pelamar)
                    if x.nomor_pelamar is not None
                    else tr("Belum terdaftar"),
                ]
                for x in result.calon
            ],
        )
        self.tabel_saran.clearSelection()
        self.tambah_saran.setEnabled(any(x.nomor_pelamar is None for x in result.calon))

    def add_suggested(self) -> None:
        """Register the chosen suggested successors in one write."""
        if self.info is None or self.saran is None:
            return
        rows = sorted(i.row() for i in self.tabel_saran.selectionModel().selectedRows())
        chosen = [self.saran.calon[r].calon.pegawai_id for r in rows]
        if not chosen:
            self.status.setText(tr("Pilih calon dari talent pool dulu."))
            return
        sid = self.info.id
        if self._run(lambda: saran.tambah_dari_talenta(self.db, sid, chosen, actor=self.actor)):
            self.status.setText(tr("{n} pelamar dari talent pool didaftarkan.", n=len(chosen)))

    def decide(self, lulus: bool) -> None:
        row = self._selected(self.tabel_pelamar)
        if row is None:
            self.status.setText(tr("Pilih pelamar dulu."))
            return
        p = self.pelamar[row]
        if self._run(
            lambda: pelamar.putuskan_pelamar(
                self.db, p.id, lulus, self.alasan.text(), actor=self.actor
            )
        ):
            self.alasan.clear()
            self.status.setText(tr("Keputusan sekretariat untuk {n} dicatat.", n=p.nama))

    def _member(self) -> seleksi.Anggota | None:
        row = self._selected(self.tabel_panitia)
        if row is None or self.info is None:
            self.status.setText(tr("Pilih anggota panitia dulu."))
            return None
        return self.info.panitia[row]

    def choose_package_target(self) -> None:
        a = self._member()
        if a is None:
            return
        default = paths.exports_dir() / f"paket-penilaian-{a.nama}.json"
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan paket penilaian"), str(default), tr("Paket (*.json)")
        )
        if name:
            self.write_package(a.nama, Path(name))

    def write_package(self, anggota: str, target: Path) -> None:
        if self.info is None:
            return
        sid = self.info.id
        if self._run(
            lambda: lb.write_paket_anggota(self.db, sid, anggota, target, actor=self.actor)
        ):
            self.status.setText(tr("Paket penilaian {a} ditulis ke {p}.", a=anggota, p=target))

    def declare_conflict(self) -> None:
        a = self._member()
        pid = self.konflik_calon.currentData()
        if a is None or self.info is None or pid is None:
            return
        sid = self.info.id
        if self._run(
            lambda: panitia.nyatakan_konflik(
                self.db, sid, a.id, pid, self.konflik_alasan.text(), actor=self.actor
            )
        ):
            self.konflik_alasan.clear()
            self.status.setText(tr("Konflik kepentingan {a} dicatat.", a=a.nama))

    def choose_sheet(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Masukkan lembar nilai"), str(paths.exports_dir()), tr("Lembar (*.json)")
        )
        if name:
            self.import_sheet(Path(name))

    def import_sheet(self, path: Path) -> Task | None:
        """Import a sealed sheet in the background."""
        if self.task is not None:
            return None
        actor = self.actor

        def work(db: Database, _progress: Progress) -> lb.HasilImporLembar:
            return lb.impor_lembar(db, path, actor=actor)

        self.impor.setEnabled(False)
        self.status.setText(tr("Memeriksa lembar nilai…"))
        self.task = self.runner.run(work, on_done=self._imported, on_error=self._failed)
        return self.task

    def _imported(self, res: lb.HasilImporLembar) -> None:
        self.task = None
        self.impor.setEnabled(True)
        self.reload()
        self.status.setText(res.teks())
        self.imported.emit(res)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.impor.setEnabled(True)
        self.status.setText(tr("Lembar nilai tidak dimasukkan."))
        show_error(self, exc)

    def record_quorum(self) -> None:
        if self.info is None:
            return
        sid = self.info.id
        if self._run(
            lambda: panitia.catat_kuorum(self.db, sid, self.kuorum.text(), actor=self.actor)
        ):
            self.status.setText(tr("Catatan ketua panitia disimpan."))

    def choose_recap_target(self) -> None:
        if self.info is None:
            return
        default = paths.exports_dir() / tr("rekap-nilai-seleksi.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan rekap nilai"), str(default), tr("Buku kerja Excel (*.xlsx)")
        )
        if name:
            self.write_recap(Path(name))

    def write_recap(self, target: Path) -> Task | None:
        """Write the score recap in the background."""
        if self.info is None or self.task is not None:
            return None
        sid, actor = self.info.id, self.actor

        def work(db: Database, _progress: Progress) -> Path:
            seleksi_jobs.write_rekap_nilai(db, actor, seleksi_jobs.RekapNilaiRequest(sid, target))
            return target

        def done(path: Path) -> None:
            self.task = None
            self.status.setText(tr("Rekap nilai ditulis ke {p}.", p=path))

        self.status.setText(tr("Menulis rekap nilai…"))
        self.task = self.runner.run(work, on_done=done, on_error=self._failed, bulk=True)
        return self.task

    def choose_document_target(self) -> None:
        if self.info is None:
            return
        default = paths.exports_dir() / f"{self.dokumen.currentData()}-seleksi.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Simpan dokumen"), str(default), tr("Dokumen PDF (*.pdf)")
        )
        if name:
            pilihan = str(self.dokumen.currentData())
            if pilihan.startswith("tahap:"):
                self.write_document("berita_acara", Path(name), tahap_id=pilihan[6:])
            else:
                self.write_document(pilihan, Path(name))

    def write_document(
        self, jenis: str, target: Path, *, tahap_id: str | None = None
    ) -> Task | None:
        """Write the berita acara of the final ranking or of one stage (``tahap_id``), or the
        announcement, in the background."""
        if self.info is None or self.task is not None:
            return None
        sid, actor = self.info.id, self.actor

        def work(db: Database, _progress: Progress) -> Path:
            seleksi_jobs.write_dokumen(
                db, actor, seleksi_jobs.DokumenRequest(sid, jenis, target, tahap_id)
            )
            return target

        def done(path: Path) -> None:
            self.task = None
            self.status.setText(tr("Dokumen ditulis ke {p}.", p=path))

        self.status.setText(tr("Menulis dokumen…"))
        self.task = self.runner.run(work, on_done=done, on_error=self._failed, bulk=True)
        return self.task

    # -- creating a selection, and the SK after the PPK's choice ----------------------------------

    def open_create(self) -> SeleksiFormDialog:
        """Open the set-up dialog (window-modal); the page shows the new selection when saved."""
        form = self.form = SeleksiFormDialog(self.db, self.runner, actor=self.actor, parent=self)
        form.saved.connect(self._created)
        form.open()
        return form

    def _created(self, seleksi_id: str) -> None:
        self.reload()
        index = self.pilih.findData(seleksi_id)
        if index >= 0:
            self.pilih.setCurrentIndex(index)
        self.status.setText(tr("Seleksi dibuat."))

    def open_sk(self) -> SkPengangkatanDialog | None:
        """Ask for the PPK's choice among the proposed three, then issue the SK."""
        if self.info is None:
            return None
        try:
            usulan = peringkat.get_peringkat(self.db.conn, self.info.id).usulan
        except MeritError as exc:  # the final ranking is not there yet
            show_error(self, exc)
            return None
        dialog = self.sk_dialog = SkPengangkatanDialog(usulan, parent=self)
        dialog.accepted.connect(lambda: self.issue_sk(*dialog.values()))
        dialog.open()
        return dialog

    def issue_sk(
        self, pelamar_id: str, tanggal: date, tmt: date, jenis: str, out_dir: Path
    ) -> Task | None:
        """Issue the SK Pengangkatan dalam Jabatan in the background."""
        if self.info is None or self.task is not None:
            return None
        sid, actor = self.info.id, self.actor

        def work(db: Database, _progress: Progress) -> object:
            request = seleksi_jobs.SkPengangkatanRequest(
                sid, pelamar_id, out_dir, tanggal, tmt, jenis
            )
            return seleksi_jobs.issue_sk_pengangkatan(db, actor, request)

        def done(hasil: object) -> None:
            self.task = None
            nomor = ", ".join(getattr(hasil, "nomor", ()))
            self.status.setText(
                tr("SK pengangkatan nomor {n} diterbitkan ke {p}.", n=nomor, p=out_dir)
            )

        def failed(exc: BaseException) -> None:
            self.task = None
            self.status.setText(tr("SK pengangkatan tidak diterbitkan."))
            show_error(self, exc)

        self.status.setText(tr("Menerbitkan SK pengangkatan…"))
        self.task = self.runner.run(work, on_done=done, on_error=failed, bulk=True)
        return self.task
