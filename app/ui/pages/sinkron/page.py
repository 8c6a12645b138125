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

The boxes are in sections.py and the dialogs in app/ui/dialogs/sinkron.py. Every export and
import runs in the background (app/ui/tasks.py, bulk pool) with progress and cancel; the rules
and all the SQL live in app/sync.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.i18n import angka, tr
from app.models.access.akses import allowed
from app.models.errors import Cancelled, MeritError
from app.models.storage.db import Database
from app.sync import identity as ident_mod
from app.sync import importer, package
from app.sync.folder import RoundResult
from app.sync.status import SyncStatus, sync_status
from app.ui.dialogs.sinkron import PassphraseDialog, PeerConfirmDialog
from app.ui.pages.base import Page
from app.ui.pages.sinkron.folder import FolderBox
from app.ui.pages.sinkron.sections import (
    IdentityBox,
    IncomingBox,
    PeersBox,
    RosterBox,
    SummaryBox,
    WaitingBox,
)
from app.ui.tasks import Progress, Task, TaskRunner
from app.ui.widgets.busy import BusyMixin
from app.ui.widgets.messages import show_error

PACKAGE_SUFFIX = ".merit"
SETTINGS_FOLDER = "sinkron/folder"


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


def _cancellable(progress: Progress, text: str) -> Callable[[int, int], None]:
    """A progress callback for the engine that stops the work when the clerk cancels: the
    exception unwinds the engine's transaction (nothing is written)."""

    def report(done: int, total: int) -> None:
        if progress.cancelled and done < total:
            raise Cancelled(tr("Dibatalkan; tidak ada yang diubah."))
        progress.report(done, total, text)

    return report


class SinkronPage(BusyMixin, Page):
    """The sync screen. Signals report what the background work did, for the main window and
    for tests."""

    rights = (("sync.baca",),)

    imported = Signal(object)  # list[ImportSummary] (one, or those applied by "Coba lagi")
    exported = Signal(object)  # ExportResult
    taskFailed = Signal(object)  # the exception (Cancelled included)
    identityChanged = Signal(str)  # the new installation name
    refreshed = Signal(object)  # SyncStatus

    def __init__(
        self,
        db: Database,
        *,
        actor: str = "sistem",
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanSinkron")
        self.actor = actor
        self.task: Task | None = None
        self.status: SyncStatus | None = None
        self.dialog: QDialog | None = None
        self.last_summary: list[importer.ImportSummary] = []
        self.may_export = allowed(actor, "sync.ekspor")
        self.may_export_full = allowed(actor, "sync.ekspor_penuh")
        self.may_import = allowed(actor, "sync.impor")
        self.may_manage_peers = allowed(actor, "sync.peer")
        self.may_rename = allowed(actor, "sync.identitas")
        self.setAcceptDrops(self.may_import)

        title = QLabel(tr("Sinkronisasi"))
        title.setObjectName("judulHalaman")
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)

        self.identity = IdentityBox()
        self.identity.name_edit.returnPressed.connect(self.save_name)
        self.identity.save_name_button.clicked.connect(self.save_name)
        self.identity.export_identity_button.clicked.connect(self.choose_identity_file)
        self.peers = PeersBox()
        self.peers.table.itemSelectionChanged.connect(self._update_buttons)
        self.peers.add_button.clicked.connect(self.choose_peer_file)
        self.peers.trust_button.clicked.connect(self.toggle_trust)
        self.peers.remove_button.clicked.connect(self.remove_selected)
        self.peers.export_button.clicked.connect(lambda: self.choose_export(full=False))
        self.peers.export_full_button.clicked.connect(lambda: self.choose_export(full=True))
        self.peers.export_pass_button.clicked.connect(self.choose_passphrase_export)
        self.incoming = IncomingBox()
        self.incoming.import_button.clicked.connect(self.choose_import)
        self.summary = SummaryBox()
        self.waiting = WaitingBox()
        self.waiting.retry_button.clicked.connect(self.retry_deferred)
        self.roster = RosterBox()
        self.folder_box = FolderBox(db, actor=actor, runner=runner)
        self.folder_box.roundDone.connect(self.folder_round_done)

        # identity | package in;  peers (full width: fingerprints are long);
        # summary over waiting | roster and batches held back
        top = QHBoxLayout()
        top.addWidget(self.identity, 3)
        top.addWidget(self.incoming, 2)
        top.addWidget(self.folder_box, 4)
        left = QVBoxLayout()
        left.addWidget(self.summary, 3)
        left.addWidget(self.waiting, 2)
        below = QHBoxLayout()
        below.addLayout(left, 2)
        below.addWidget(self.roster, 3)
        columns = QVBoxLayout()
        columns.addLayout(top)
        columns.addWidget(self.peers, 3)
        columns.addLayout(below, 4)

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

        # What a role may not use is not shown (the domain refuses it anyway).
        for widget, may in (
            (self.peers.add_button, self.may_manage_peers),
            (self.peers.trust_button, self.may_manage_peers),
            (self.peers.remove_button, self.may_manage_peers),
            (self.identity.save_name_button, self.may_rename),
            (self.peers.export_button, self.may_export),
            (self.peers.export_full_button, self.may_export_full),
            (self.peers.export_pass_button, self.may_export_full),
            (self.incoming.import_button, self.may_import),
            (self.waiting.retry_button, self.may_import),
        ):
            widget.setVisible(may)
        self.identity.name_edit.setReadOnly(not self.may_rename)

        self._set_busy(None)
        self.refresh()

    # -- showing the state ------------------------------------------------------------------

    def refresh(self) -> None:
        """Fill the identity, the peers and what is held from the sync status (a few quick
        reads; the slow work is export and import, which run in the background)."""
        status = sync_status(self.db)
        self.status = status
        self.identity.show_identity(status.identitas)
        self.peers.show_peers(status.peers)
        self.waiting.show_waiting(status, importer.deferred_packages(self.db))
        self.roster.show_roster(status.roster)
        self.folder_box.refresh()
        self._update_buttons()
        self.refreshed.emit(status)

    def folder_round_done(self, result: RoundResult) -> None:
        """A round of the exchange folder ended (this page's button or the main window's
        timer): its summary below, the page read again, other pages told of new records."""
        self.folder_box.last_result = result
        self.summary.view.setPlainText(result.text())
        self.message.setText(result.lines()[0])
        if self.task is None:
            self.refresh()
        if result.diterima:
            self.recordsChanged.emit()

    def records_changed(self) -> None:
        self.refresh()  # a resolved clash travels in the next package

    def selected_peer_id(self) -> str | None:
        return self.peers.selected_peer_id()

    def select_peer(self, node_id: str) -> None:
        self.peers.select_peer(node_id)

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
        peers = self.peers
        peers.trust_button.setText(
            tr("Cabut kepercayaan") if peer is not None and peer.dipercaya else tr("Percayai")
        )
        peers.trust_button.setEnabled(idle and peer is not None)
        peers.remove_button.setEnabled(idle and peer is not None)
        peers.add_button.setEnabled(idle)
        self.identity.save_name_button.setEnabled(idle)
        peers.export_button.setEnabled(idle and self.may_export and peer is not None)
        peers.export_full_button.setEnabled(idle and self.may_export_full and peer is not None)
        peers.export_pass_button.setEnabled(idle and self.may_export_full)
        self.incoming.import_button.setEnabled(idle and self.may_import)
        self.waiting.retry_button.setEnabled(idle and self.may_import)

    # -- identity ---------------------------------------------------------------------------

    def save_name(self) -> None:
        if not self.may_rename:
            return
        try:
            ident = ident_mod.ensure_identity(
                self.db, self.identity.name_edit.text(), actor=self.actor
            )
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
            ident_mod.add_peer(self.db, ident, trusted=trusted, actor=self.actor)
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
            ident_mod.set_trusted(self.db, peer.node_id, not peer.dipercaya, actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return
        self.message.setText(
            tr(
                "Kepercayaan untuk {nama} dicabut: batch darinya ditolak, juga yang diteruskan "
                "mitra lain.",
                nama=peer.nama,
            )
            if peer.dipercaya
            else tr("{nama} kini dipercaya.", nama=peer.nama) + self._reconsider_held()
        )
        self.refresh()

    def _reconsider_held(self) -> str:
        """Apply the batches held back that are now allowed; a sentence saying so, or ''."""
        if not self.may_import:
            return ""
        try:
            result = importer.reconsider_held(self.db, actor=self.actor)
        except MeritError as exc:
            show_error(self, exc)
            return ""
        if result is None or not result.batch_baru:
            return ""
        return " " + tr("{n} batch yang ditahan kini diterapkan.", n=angka(result.batch_baru))

    def remove_selected(self) -> None:
        peer = self._selected_peer()
        if peer is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Hapus mitra"),
            tr(
                "Hapus {nama} dari daftar mitra? Paket darinya, juga batchnya yang diteruskan "
                "mitra lain, akan ditolak sampai berkas identitasnya ditambahkan lagi. Data "
                "yang sudah diterima tetap ada.",
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
            ident_mod.remove_peer(self.db, peer.node_id, actor=self.actor)
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
            self.summary.view.setPlainText("\n".join(lines))
            self.message.setText(summaries[-1].lines()[0])
            if any(s.jejak_audit for s in summaries):
                # A trail shorter than, or different from, what a peer has seen: say it on the
                # page, not only in the summary below.
                self.message.setText(
                    summaries[-1].lines()[0]
                    + " "
                    + tr("Peringatan: jejak audit tidak utuh, lihat ringkasan.")
                )
        else:
            self.message.setText(tr("Belum ada paket tertunda yang dapat diterapkan."))
        self.imported.emit(summaries)
        self.recordsChanged.emit()

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
