"""The sync screen ("Sinkronisasi"): this installation's identity, its peers, packages out and in.

* Identity: the installation's name (editable), node id and fingerprint; "Simpan identitas
  publik…" writes the small public identity file a peer adds.
* Peers: name, fingerprint, trusted, last package received and sent, what waits to go.
  "Tambah mitra…" reads a peer's identity file and shows its fingerprint in big groups; the admin
  compares them with what the peer reads out by phone before trusting it.
* Export: for the chosen peer (only what it has not acknowledged, or everything), or with a
  passphrase for a recipient that does not know this installation yet.
* Import: a button or a package file dropped on the page; the passphrase is asked when the
  package is locked with one. The Indonesian summary of what arrived is shown.
* Batches held back for a missing one, and packages kept aside for a newer Merit ("Coba lagi").

Every export and import runs in the background (app/ui/tasks.py, bulk pool) with progress and
cancel; the rules and all the SQL live in app/sync.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tanggal, tr
from app.models.access.akses import allowed
from app.models.errors import Cancelled, MeritError, ValidationError
from app.models.storage.db import Database
from app.sync import identity as ident_mod
from app.sync import importer, package
from app.sync.status import SyncStatus, sync_status
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.busy import BusyMixin
from app.ui.widgets.drop_area import drop_area
from app.ui.widgets.messages import show_error

PACKAGE_SUFFIX = ".merit"
MIN_PASSPHRASE = 8  # the engine refuses shorter ones too (app/sync/package.py)
SETTINGS_FOLDER = "sinkron/folder"


def waktu_text(iso: str | None) -> str:
    """A UTC ISO instant in local time, the Indonesian way ("23 November 2026 14:05")."""
    if not iso:
        return tr("belum pernah")
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return f"{tanggal(moment.date())} {moment:%H:%M}"


def fingerprint_lines(sidik_jari: str, per_line: int = 4) -> str:
    """The fingerprint in groups, ``per_line`` groups to a line, for reading out by phone."""
    groups = sidik_jari.split("-")
    return "\n".join("  ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


def needs_passphrase(path: Path) -> bool:
    """Whether a package file is locked with a passphrase (its header says so). Anything
    unreadable answers False: the import then refuses it with the engine's own message."""
    head = len(package.MAGIC)
    try:
        with open(path, "rb") as handle:
            data = handle.read(head + 2)
    except OSError:
        return False
    return (
        len(data) == head + 2
        and data[:head] == package.MAGIC
        and data[head + 1] == package.MODE_PASSPHRASE
    )


def _fixed_font(point_size: int, bold: bool = True) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(bold)
    return font


def _cancellable(progress: Progress, text: str) -> Callable[[int, int], None]:
    """A progress callback for the engine that stops the work when the clerk cancels: the
    exception unwinds the engine's transaction (nothing is written)."""

    def report(done: int, total: int) -> None:
        if progress.cancelled and done < total:
            raise Cancelled(tr("Dibatalkan; tidak ada yang diubah."))
        progress.report(done, total, text)

    return report


# -- dialogs --------------------------------------------------------------------------------------


class PeerConfirmDialog(QDialog):
    """A peer's identity before it is added: its fingerprint in big groups, to be compared
    with what the peer reads out. Trusting needs the comparison to be confirmed."""

    def __init__(self, ident: ident_mod.Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogTambahMitra")
        self.setWindowTitle(tr("Tambah mitra sinkronisasi"))
        self.ident = ident
        self.trusted = False

        intro = QLabel(
            tr(
                "Telepon admin di {nama} dan minta dia membacakan sidik jari yang tampil di "
                "halaman Sinkronisasi miliknya. Cocokkan kelompok demi kelompok dengan yang "
                "di bawah ini. Bila satu huruf saja berbeda, jangan percayai berkas ini.",
                nama=ident.nama,
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        name = QLabel(ident.nama)
        name.setObjectName("namaMitra")
        name.setTextFormat(Qt.TextFormat.PlainText)
        node = QLabel(ident.node_id)
        node.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("Nama instalasi"), name)
        form.addRow(tr("Id node"), node)
        self.fingerprint = QLabel(fingerprint_lines(ident.sidik_jari))
        self.fingerprint.setObjectName("sidikJariMitra")
        self.fingerprint.setFont(_fixed_font(22))
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet(
            "#sidikJariMitra { background: #f6f8fb; border: 1px solid #c9d3de; "
            "border-radius: 6px; padding: 14px; }"
        )
        self.confirm = QCheckBox(
            tr(
                "Sidik jari di atas sama persis dengan yang dibacakan admin {nama}.",
                nama=ident.nama,
            )
        )
        self.confirm.setObjectName("konfirmasiSidikJari")

        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(
            tr("Tambah dan percayai"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.trust_button.setObjectName("tombolPercayai")
        self.trust_button.setEnabled(False)
        self.add_only_button = buttons.addButton(
            tr("Tambah tanpa dipercaya"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_only_button.setObjectName("tombolTambahSaja")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Batal"))
        self.confirm.toggled.connect(self.trust_button.setEnabled)
        self.trust_button.clicked.connect(lambda: self._finish(True))
        self.add_only_button.clicked.connect(lambda: self._finish(False))
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Sidik jari:")))
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)
        metrics = self.fingerprint.fontMetrics()
        self.fingerprint.setMinimumHeight(metrics.lineSpacing() * 2 + 40)
        self.setMinimumWidth(600)
        self.adjustSize()

    def _finish(self, trusted: bool) -> None:
        self.trusted = trusted and self.confirm.isChecked()
        self.accept()


class PassphraseDialog(QDialog):
    """Asks for a package passphrase: typed twice with a minimum length for an export, once
    for an import."""

    def __init__(self, *, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogKataSandi")
        self.setWindowTitle(tr("Kata sandi paket"))
        self._confirm = confirm
        text = (
            tr(
                "Paket dikunci dengan kata sandi untuk penerima yang belum mengenal instalasi "
                "ini. Sampaikan kata sandinya lewat jalur lain (telepon), jangan bersama "
                "berkasnya. Sedikitnya {n} karakter.",
                n=MIN_PASSPHRASE,
            )
            if confirm
            else tr("Paket ini dikunci dengan kata sandi. Masukkan kata sandi dari pengirimnya.")
        )
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("kataSandi")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("kataSandiUlang")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("masalahKataSandi")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Kata sandi"), self.first)
        if confirm:
            form.addRow(tr("Ulangi kata sandi"), self.second)
        else:
            self.second.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("tombolOkKataSandi")
        self.ok_button.setText(tr("Lanjut"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.adjustSize()

    @property
    def passphrase(self) -> str:
        return self.first.text()

    def check(self) -> None:
        """Raise ValidationError naming what is wrong with the passphrase typed."""
        if not self._confirm:
            if not self.first.text():
                raise ValidationError(tr("Kata sandi belum diisi."), field="kata_sandi")
            return
        if len(self.first.text()) < MIN_PASSPHRASE:
            raise ValidationError(
                tr("Kata sandi terlalu pendek: sedikitnya {n} karakter.", n=MIN_PASSPHRASE),
                field="kata_sandi",
            )
        if self.first.text() != self.second.text():
            raise ValidationError(
                tr("Kedua kata sandi tidak sama; ketik ulang."), field="kata_sandi_ulang"
            )

    def check_and_accept(self) -> None:
        try:
            self.check()
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()


# -- the page -------------------------------------------------------------------------------------


def _item(text: str, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class SinkronPage(BusyMixin, QWidget):
    """The sync screen. Signals report what the background work did, for the main window and
    for tests."""

    imported = Signal(object)  # list[ImportSummary] (one, or those applied by "Coba lagi")
    exported = Signal(object)  # ExportResult
    taskFailed = Signal(object)  # the exception (Cancelled included)
    identityChanged = Signal(str)  # the new installation name
    refreshed = Signal(object)  # SyncStatus

    def __init__(
        self, db: Database, *, actor: str = "sistem", runner: TaskRunner | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("halamanSinkron")
        self.db = db
        self.actor = actor
        self.runner = runner or TaskRunner(db.path, self)
        self.task: Task | None = None
        self.status: SyncStatus | None = None
        self.peer_ids: list[str] = []
        self.dialog: QDialog | None = None
        self.last_summary: list[importer.ImportSummary] = []
        self.may_export = allowed(actor, "sync.ekspor")
        self.may_import = allowed(actor, "sync.impor")
        self.setAcceptDrops(self.may_import)

        title = QLabel(tr("Sinkronisasi"))
        title.setObjectName("judulHalaman")
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)

        # identity | package in;  peers (full width: fingerprints are long);  summary | held
        top = QHBoxLayout()
        top.addWidget(self._build_identity(), 3)
        top.addWidget(self._build_import(), 2)
        below = QHBoxLayout()
        below.addWidget(self._build_summary(), 3)
        below.addWidget(self._build_waiting(), 2)
        columns = QVBoxLayout()
        columns.addLayout(top)
        columns.addWidget(self._build_peers(), 3)
        columns.addLayout(below, 2)

        self.busy_label = QLabel()
        self.busy_label.setObjectName("statusTugas")
        self.progress = QProgressBar()
        self.progress.setObjectName("kemajuanSinkron")
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton(tr("Batal"))
        self.cancel_button.setObjectName("batalTugas")
        self.cancel_button.clicked.connect(self.cancel_task)
        self.message = QLabel()
        self.message.setObjectName("pesanSinkron")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_label)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.message, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self._set_busy(None)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_identity(self) -> QGroupBox:
        box = QGroupBox(tr("Instalasi ini"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("namaInstalasi")
        self.name_edit.setMaxLength(ident_mod.MAX_NAME)
        self.name_edit.returnPressed.connect(self.save_name)
        self.save_name_button = QPushButton(tr("Simpan nama"))
        self.save_name_button.setObjectName("simpanNama")
        self.save_name_button.clicked.connect(self.save_name)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name_button)
        self.node_label = QLabel()
        self.node_label.setObjectName("idNode")
        self.node_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("sidikJari")
        self.fingerprint_label.setFont(_fixed_font(14))
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_identity_button = QPushButton(tr("Simpan identitas publik…"))
        self.export_identity_button.setObjectName("simpanIdentitas")
        self.export_identity_button.clicked.connect(self.choose_identity_file)
        form = QFormLayout()
        form.addRow(tr("Nama"), name_row)
        form.addRow(tr("Id node"), self.node_label)
        form.addRow(tr("Sidik jari"), self.fingerprint_label)
        row = QHBoxLayout()
        hint = QLabel(
            tr(
                "Kirim berkas identitas publik ke mitra, lalu bacakan sidik jari ini lewat "
                "telepon. Kunci rahasia tidak pernah keluar dari instalasi ini."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #44505e;")
        row.addWidget(hint, 1)
        row.addWidget(self.export_identity_button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        return box

    def _build_peers(self) -> QGroupBox:
        box = QGroupBox(tr("Mitra sinkronisasi"))
        self.peers_table = QTableWidget(0, 6)
        self.peers_table.setObjectName("daftarMitra")
        self.peers_table.setHorizontalHeaderLabels(
            [
                tr("Nama"),
                tr("Sidik jari"),
                tr("Dipercaya"),
                tr("Terakhir diterima"),
                tr("Terakhir dikirim"),
                tr("Menunggu dikirim"),
            ]
        )
        waiting_header = self.peers_table.horizontalHeaderItem(5)
        if waiting_header is not None:
            waiting_header.setToolTip(
                tr(
                    "Batch yang belum diakui mitra. Angka ini turun setelah mitra mengirim "
                    "paket balik, bukan saat paket dibuat di sini."
                )
            )
        self.peers_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peers_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peers_table.verticalHeader().setVisible(False)
        self.peers_table.setWordWrap(False)
        header = self.peers_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.peers_table.itemSelectionChanged.connect(self._update_buttons)

        self.add_peer_button = QPushButton(tr("Tambah mitra…"))
        self.add_peer_button.setObjectName("tambahMitra")
        self.add_peer_button.clicked.connect(self.choose_peer_file)
        self.trust_button = QPushButton(tr("Percayai"))
        self.trust_button.setObjectName("percayaiMitra")
        self.trust_button.clicked.connect(self.toggle_trust)
        self.remove_button = QPushButton(tr("Hapus mitra"))
        self.remove_button.setObjectName("hapusMitra")
        self.remove_button.clicked.connect(self.remove_selected)
        peer_row = QHBoxLayout()
        peer_row.addWidget(self.add_peer_button)
        peer_row.addWidget(self.trust_button)
        peer_row.addWidget(self.remove_button)
        peer_row.addStretch(1)
        peer_row.addWidget(QLabel(tr("Untuk mitra terpilih:")))

        self.export_button = QPushButton(tr("Ekspor paket…"))
        self.export_button.setObjectName("eksporPaket")
        self.export_button.setToolTip(
            tr("Hanya perubahan yang belum diakui mitra terpilih (paket kecil).")
        )
        self.export_button.clicked.connect(lambda: self.choose_export(full=False))
        self.export_full_button = QPushButton(tr("Ekspor penuh…"))
        self.export_full_button.setObjectName("eksporPenuh")
        self.export_full_button.setToolTip(tr("Semua data, untuk mitra terpilih."))
        self.export_full_button.clicked.connect(lambda: self.choose_export(full=True))
        self.export_pass_button = QPushButton(tr("Ekspor dengan kata sandi…"))
        self.export_pass_button.setObjectName("eksporKataSandi")
        self.export_pass_button.setToolTip(
            tr("Paket penuh untuk penerima yang belum mengenal kunci instalasi ini.")
        )
        self.export_pass_button.clicked.connect(self.choose_passphrase_export)
        peer_row.addWidget(self.export_button)
        peer_row.addWidget(self.export_full_button)
        peer_row.addSpacing(16)
        peer_row.addWidget(self.export_pass_button)

        layout = QVBoxLayout(box)
        layout.addWidget(self.peers_table, 1)
        layout.addLayout(peer_row)
        return box

    def _build_import(self) -> QGroupBox:
        box = QGroupBox(tr("Terima paket"))
        self.drop_area = drop_area(
            tr(
                "Tarik berkas paket (.merit) ke sini untuk mengimpornya,\n"
                "atau pilih dengan tombol di bawah."
            ),
            "areaTarikPaket",
            min_height=90,
            padding=12,
        )
        self.import_button = QPushButton(tr("Impor paket…"))
        self.import_button.setObjectName("imporPaket")
        self.import_button.clicked.connect(self.choose_import)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.drop_area, 1)
        layout.addLayout(row)
        return box

    def _build_summary(self) -> QGroupBox:
        box = QGroupBox(tr("Ringkasan impor terakhir"))
        self.summary_view = QPlainTextEdit()
        self.summary_view.setObjectName("ringkasanImpor")
        self.summary_view.setReadOnly(True)
        self.summary_view.setPlaceholderText(tr("Belum ada paket yang diimpor sejak Merit dibuka."))
        layout = QVBoxLayout(box)
        layout.addWidget(self.summary_view)
        return box

    def _build_waiting(self) -> QGroupBox:
        box = QGroupBox(tr("Tertahan"))
        self.held_label = QLabel()
        self.held_label.setObjectName("batchTertahan")
        self.held_label.setWordWrap(True)
        self.held_label.setTextFormat(Qt.TextFormat.PlainText)
        self.deferred_label = QLabel()
        self.deferred_label.setObjectName("paketTertunda")
        self.deferred_label.setWordWrap(True)
        self.deferred_label.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(tr("Coba lagi"))
        self.retry_button.setObjectName("cobaLagi")
        self.retry_button.setToolTip(
            tr("Terapkan paket yang disimpan menunggu pembaruan Merit, bila kini sudah bisa.")
        )
        self.retry_button.clicked.connect(self.retry_deferred)
        grid = QGridLayout(box)
        grid.addWidget(self.held_label, 0, 0, 1, 2)
        grid.addWidget(self.deferred_label, 1, 0)
        grid.addWidget(self.retry_button, 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(2, 1)
        return box

    # -- showing the state ------------------------------------------------------------------

    def refresh(self) -> None:
        """Fill the identity, the peers and what is held from the sync status (a few quick
        reads; the slow work is export and import, which run in the background)."""
        status = sync_status(self.db)
        self.status = status
        if not self.name_edit.hasFocus():
            self.name_edit.setText(status.identitas.nama)
        self.node_label.setText(status.identitas.node_id)
        self.fingerprint_label.setText(fingerprint_lines(status.identitas.sidik_jari))

        selected = self.selected_peer_id()
        self.peers_table.setRowCount(len(status.peers))
        self.peer_ids = []
        for row, ps in enumerate(status.peers):
            peer = ps.peer
            self.peer_ids.append(peer.node_id)
            trusted = tr("Ya") if peer.dipercaya else tr("Belum")
            if peer.sumber != "manual":
                trusted += tr(" (dikenal lewat relai)")
            waiting = (
                tr(
                    "{b} batch / {o} operasi",
                    b=angka(ps.menunggu_batch),
                    o=angka(ps.menunggu_operasi),
                )
                if ps.menunggu_batch
                else tr("tidak ada")
            )
            cells = [
                _item(peer.nama, peer.node_id),
                _item(peer.sidik_jari),
                _item(trusted),
                _item(waktu_text(peer.terakhir_terima)),
                _item(waktu_text(peer.terakhir_kirim)),
                _item(waiting),
            ]
            if not peer.dipercaya:
                for cell in cells:
                    cell.setForeground(Qt.GlobalColor.darkGray)
            for col, cell in enumerate(cells):
                self.peers_table.setItem(row, col, cell)
        if selected in self.peer_ids:
            self.peers_table.selectRow(self.peer_ids.index(selected))
        elif self.peer_ids and not self.peers_table.selectedItems():
            self.peers_table.selectRow(0)

        if status.tertahan:
            lines = [
                tr(
                    "{n} batch tertahan menunggu batch yang belum tiba:",
                    n=angka(len(status.tertahan)),
                )
            ]
            names = {ps.peer.node_id: ps.peer.nama for ps in status.peers}
            names[status.identitas.node_id] = status.identitas.nama
            for held in status.tertahan[:8]:
                origin, _, seq = held.menunggu.rpartition("/")
                lines.append(
                    tr(
                        "• batch no {seq} dari {asal}, menunggu batch no {no} dari {dari}",
                        asal=held.origin_nama,
                        seq=held.seq,
                        no=seq,
                        dari=names.get(origin, origin[:8]),
                    )
                )
            if len(status.tertahan) > 8:
                lines.append(tr("… dan {n} lagi", n=angka(len(status.tertahan) - 8)))
            self.held_label.setText("\n".join(lines))
        else:
            self.held_label.setText(tr("Tidak ada batch yang tertahan."))
        deferred = importer.deferred_packages(self.db)
        if deferred:
            lines = [
                tr(
                    "{n} paket disimpan karena dibuat Merit yang lebih baru; perbarui Merit lalu "
                    "tekan Coba lagi:",
                    n=angka(len(deferred)),
                )
            ]
            lines += [
                tr(
                    "• dari {nama}, skema {v}, diterima {waktu}",
                    nama=d.pengirim_nama,
                    v=d.versi_skema,
                    waktu=waktu_text(d.diterima),
                )
                for d in deferred[:8]
            ]
            self.deferred_label.setText("\n".join(lines))
        else:
            self.deferred_label.setText(tr("Tidak ada paket yang menunggu pembaruan Merit."))
        self.retry_button.setVisible(bool(deferred))
        self._update_buttons()
        self.refreshed.emit(status)

    def selected_peer_id(self) -> str | None:
        rows = self.peers_table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.peer_ids):
            return None
        return self.peer_ids[rows[0].row()]

    def select_peer(self, node_id: str) -> None:
        self.peers_table.selectRow(self.peer_ids.index(node_id))

    def _selected_peer(self) -> ident_mod.Peer | None:
        node_id = self.selected_peer_id()
        if self.status is None or node_id is None:
            return None
        for ps in self.status.peers:
            if ps.peer.node_id == node_id:
                return ps.peer
        return None

    def _update_buttons(self) -> None:
        idle = self.task is None
        peer = self._selected_peer()
        self.trust_button.setText(
            tr("Cabut kepercayaan") if peer is not None and peer.dipercaya else tr("Percayai")
        )
        self.trust_button.setEnabled(idle and peer is not None)
        self.remove_button.setEnabled(idle and peer is not None)
        self.add_peer_button.setEnabled(idle)
        self.save_name_button.setEnabled(idle)
        self.export_button.setEnabled(idle and self.may_export and peer is not None)
        self.export_full_button.setEnabled(idle and self.may_export and peer is not None)
        self.export_pass_button.setEnabled(idle and self.may_export)
        self.import_button.setEnabled(idle and self.may_import)
        self.retry_button.setEnabled(idle and self.may_import)

    # -- identity ---------------------------------------------------------------------------

    def save_name(self) -> None:
        try:
            ident = ident_mod.ensure_identity(self.db, self.name_edit.text())
        except MeritError as exc:
            show_error(self, exc)
            return
        self.message.setText(tr("Nama instalasi disimpan: {nama}.", nama=ident.nama))
        self.identityChanged.emit(ident.nama)
        self.refresh()

    def _start_folder(self) -> str:
        folder = QSettings().value(SETTINGS_FOLDER)
        if isinstance(folder, str) and Path(folder).is_dir():
            return folder
        return str(paths.home())

    def _remember_folder(self, folder: Path) -> None:
        QSettings().setValue(SETTINGS_FOLDER, str(folder))

    def choose_identity_file(self) -> None:
        suggested = Path(self._start_folder()) / (
            f"identitas-{package.slug(ident_mod.own_identity(self.db).nama)}.json"
        )
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Simpan identitas publik"),
            str(suggested),
            tr("Identitas Merit (*.json)"),
        )
        if name:
            self.save_identity(Path(name))

    def save_identity(self, path: Path) -> Path | None:
        """Write the public identity file (a few hundred bytes: done at once)."""
        try:
            written = ident_mod.export_identity(self.db, path)
        except MeritError as exc:
            show_error(self, exc)
            return None
        self._remember_folder(written.parent)
        self.message.setText(
            tr(
                "Identitas publik disimpan di {path}. Kirimkan ke mitra dan bacakan sidik "
                "jarinya lewat telepon.",
                path=written,
            )
        )
        return written

    # -- peers ------------------------------------------------------------------------------

    def choose_peer_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Pilih berkas identitas mitra"),
            self._start_folder(),
            tr("Identitas Merit (*.json);;Semua berkas (*)"),
        )
        if name:
            self.open_peer_file(Path(name))

    def open_peer_file(self, path: Path) -> PeerConfirmDialog | None:
        """Read a peer's identity file and ask for the fingerprint check (dialog opened with
        ``open()``; the peer is added when it is accepted)."""
        try:
            ident = ident_mod.read_identity_file(path)
            if ident.node_id == self.db.node_id:
                raise ident_mod.IdentityError(
                    tr("Itu identitas instalasi ini sendiri, bukan mitra.")
                )
        except MeritError as exc:
            show_error(self, exc)
            return None
        dialog = PeerConfirmDialog(ident, self)
        dialog.accepted.connect(lambda: self._add_peer(dialog.ident, dialog.trusted))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _add_peer(self, ident: ident_mod.Identity, trusted: bool) -> None:
        try:
            ident_mod.add_peer(self.db, ident, trusted=trusted)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.message.setText(
            tr("Mitra {nama} ditambahkan dan dipercaya.", nama=ident.nama)
            if trusted
            else tr(
                "Mitra {nama} ditambahkan, belum dipercaya: paket darinya ditolak sampai "
                "dipercaya.",
                nama=ident.nama,
            )
        )
        self.refresh()
        self.select_peer(ident.node_id)

    def toggle_trust(self) -> None:
        peer = self._selected_peer()
        if peer is None:
            return
        try:
            ident_mod.set_trusted(self.db, peer.node_id, not peer.dipercaya)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.message.setText(
            tr("Kepercayaan untuk {nama} dicabut.", nama=peer.nama)
            if peer.dipercaya
            else tr("{nama} kini dipercaya.", nama=peer.nama)
        )
        self.refresh()

    def remove_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        peer = self._selected_peer()
        if peer is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Hapus mitra"),
            tr(
                "Hapus {nama} dari daftar mitra? Paket darinya akan ditolak sampai berkas "
                "identitasnya ditambahkan lagi. Data yang sudah diterima tetap ada.",
                nama=peer.nama,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("konfirmasiHapusMitra")
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Hapus"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Batal"))
        box.accepted.connect(lambda: self._remove(peer))
        self.dialog = box
        box.open()

    def _remove(self, peer: ident_mod.Peer) -> None:
        try:
            ident_mod.remove_peer(self.db, peer.node_id)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.message.setText(tr("Mitra {nama} dihapus.", nama=peer.nama))
        self.refresh()

    # -- export -----------------------------------------------------------------------------

    def _choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self, tr("Pilih folder untuk menyimpan paket"), self._start_folder()
        )
        return Path(name) if name else None

    def choose_export(self, *, full: bool) -> None:
        peer = self._selected_peer()
        if peer is None:
            return
        folder = self._choose_folder()
        if folder is not None:
            self.export_to(folder, peer.node_id, full=full)

    def choose_passphrase_export(self) -> PassphraseDialog:
        dialog = PassphraseDialog(confirm=True, parent=self)

        def accepted() -> None:
            folder = self._choose_folder()
            if folder is not None:
                self.export_to(folder, None, passphrase=dialog.passphrase)

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_to(
        self,
        folder: Path,
        to: str | None,
        *,
        full: bool = False,
        passphrase: str | None = None,
    ) -> Task | None:
        """Write a package into ``folder`` (default file name) in the background: for peer
        ``to`` (incremental unless ``full``), or with ``passphrase`` for anyone."""
        if self.task is not None:
            return None
        self._remember_folder(folder)
        text = tr("Menyusun paket…")
        actor = self.actor

        def work(db: Database, progress: Progress) -> package.ExportResult:
            return package.export_package(
                db,
                folder,
                to=to,
                full=full,
                passphrase=passphrase,
                progress=_cancellable(progress, text),
                actor=actor,
            )

        def done(result: package.ExportResult) -> None:
            self.message.setText(
                tr(
                    "Paket disimpan: {path} ({b} batch, {o} operasi, {kb} KB{penuh}). Serahkan "
                    "berkas ini ke mitra.",
                    path=result.path,
                    b=angka(result.batch),
                    o=angka(result.operasi),
                    kb=angka(max(1, round(result.ukuran / 1024))),
                    penuh=tr(", penuh") if result.penuh else "",
                )
            )
            self.exported.emit(result)

        return self._run(text, work, done)

    # -- import -----------------------------------------------------------------------------

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Pilih paket untuk diimpor"),
            self._start_folder(),
            tr("Paket Merit (*.merit);;Semua berkas (*)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> PassphraseDialog | Task | None:
        """Import ``path``: ask for the passphrase first when the package has one."""
        if self.task is not None:
            return None
        if needs_passphrase(path):
            dialog = PassphraseDialog(confirm=False, parent=self)
            dialog.accepted.connect(lambda: self.start_import(path, dialog.passphrase))
            self.dialog = dialog
            dialog.open()
            return dialog
        return self.start_import(path, None)

    def start_import(self, path: Path, passphrase: str | None) -> Task | None:
        if self.task is not None:
            return None
        text = tr("Mengimpor {name}…", name=path.name)
        actor = self.actor

        def work(db: Database, progress: Progress) -> list[importer.ImportSummary]:
            return [
                importer.import_package(
                    db,
                    path,
                    passphrase=passphrase,
                    progress=_cancellable(progress, text),
                    actor=actor,
                )
            ]

        return self._run(text, work, self._imported)

    def retry_deferred(self) -> PassphraseDialog | Task | None:
        """Apply the packages kept aside for a newer Merit, when this one can now."""
        if self.task is not None:
            return None
        deferred = importer.deferred_packages(self.db)
        if any(d.sandi for d in deferred):
            dialog = PassphraseDialog(confirm=False, parent=self)
            dialog.accepted.connect(lambda: self._start_retry(dialog.passphrase))
            self.dialog = dialog
            dialog.open()
            return dialog
        return self._start_retry(None)

    def _start_retry(self, passphrase: str | None) -> Task | None:
        if self.task is not None:
            return None
        actor = self.actor

        def work(db: Database, _progress: Progress) -> list[importer.ImportSummary]:
            return importer.retry_deferred(db, passphrase=passphrase, actor=actor)

        return self._run(tr("Menerapkan paket yang tertunda…"), work, self._imported)

    def _imported(self, summaries: list[importer.ImportSummary]) -> None:
        self.last_summary = summaries
        if summaries:
            lines: list[str] = []
            for summary in summaries:
                if lines:
                    lines.append("")
                lines.append(tr("Berkas: {name}", name=summary.berkas))
                lines.extend(summary.lines())
            self.summary_view.setPlainText("\n".join(lines))
            self.message.setText(summaries[-1].lines()[0])
        else:
            self.message.setText(tr("Belum ada paket tertunda yang dapat diterapkan."))
        self.imported.emit(summaries)

    def showEvent(self, event: QShowEvent) -> None:
        if self.task is None:
            self.refresh()  # local edits since the page was last shown wait to go too
        super().showEvent(event)

    # -- drop target ------------------------------------------------------------------------

    @staticmethod
    def dropped_package(mime: QMimeData) -> Path | None:
        """The one local .merit file in dragged data, or None."""
        if not mime.hasUrls():
            return None
        urls = [u for u in mime.urls() if u.isLocalFile()]
        if len(urls) != 1:
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() == PACKAGE_SUFFIX else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.may_import and self.task is None and self.dropped_package(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.dropped_package(event.mimeData())
        if path is None or self.task is not None or not self.may_import:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_file(path)

    # -- background tasks -------------------------------------------------------------------

    def _set_busy(self, text: str | None) -> None:
        busy = text is not None
        self.busy_label.setText(text or "")
        self.busy_label.setVisible(busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.message.clear()

    def _run(
        self,
        text: str,
        fn: Callable[[Database, Progress], Any],
        on_done: Callable[[Any], None],
    ) -> Task:
        def done(result: Any) -> None:
            self.task = None
            self._set_busy(None)
            self.refresh()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._set_busy(None)
            self.refresh()
            if isinstance(exc, Cancelled):
                self.message.setText(str(exc))
            else:
                if isinstance(exc, MeritError):
                    self.message.setText(str(exc))
                show_error(self, exc)
            self.taskFailed.emit(exc)

        self._set_busy(text)
        self.task = self.runner.run(
            fn, on_done=done, on_error=failed, on_progress=self._progress, bulk=True
        )
        self._update_buttons()
        return self.task
