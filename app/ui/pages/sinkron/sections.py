"""The boxes of the sync screen, each showing its part of the sync status: this installation's
identity, the peers (with the export buttons for the chosen one), the package drop target,
the summary of the last import, and what is held back. The page wires their buttons to its
actions (app/ui/pages/sinkron/page.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.i18n import angka, tanggal, tr
from app.sync import identity as ident_mod
from app.sync.importer import DeferredPackage
from app.sync.roster import EntriView, RosterView
from app.sync.status import PeerStatus, SyncStatus
from app.ui.dialogs.sinkron import fingerprint_lines, fixed_font
from app.ui.widgets.drop_area import drop_area

SHOWN = 8  # held batches and deferred packages listed by name


def waktu_text(iso: str | None) -> str:
    """A UTC ISO instant in local time, the Indonesian way ("23 November 2026 14:05")."""
    if not iso:
        return tr("belum pernah")
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return f"{tanggal(moment.date())} {moment:%H:%M}"


def _item(text: str, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class IdentityBox(QGroupBox):
    """This installation: its name (editable), node id and fingerprint."""

    def __init__(self) -> None:
        super().__init__(tr("Instalasi ini"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("namaInstalasi")
        self.name_edit.setMaxLength(ident_mod.MAX_NAME)
        self.save_name_button = QPushButton(tr("Simpan nama"))
        self.save_name_button.setObjectName("simpanNama")
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name_button)
        self.node_label = QLabel()
        self.node_label.setObjectName("idNode")
        self.node_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("sidikJari")
        self.fingerprint_label.setFont(fixed_font(14))
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_identity_button = QPushButton(tr("Simpan identitas publik…"))
        self.export_identity_button.setObjectName("simpanIdentitas")
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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)

    def show_identity(self, identitas: ident_mod.Identity) -> None:
        if not self.name_edit.hasFocus():
            self.name_edit.setText(identitas.nama)
        self.node_label.setText(identitas.node_id)
        self.fingerprint_label.setText(fingerprint_lines(identitas.sidik_jari))


class PeersBox(QGroupBox):
    """The peers: name, fingerprint, trusted, last package received and sent, what waits to
    go; the buttons for the peer chosen, and the passphrase export."""

    def __init__(self) -> None:
        super().__init__(tr("Mitra sinkronisasi"))
        self.peer_ids: list[str] = []
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("daftarMitra")
        self.table.setHorizontalHeaderLabels(
            [
                tr("Nama"),
                tr("Sidik jari"),
                tr("Dipercaya"),
                tr("Terakhir diterima"),
                tr("Terakhir dikirim"),
                tr("Menunggu dikirim"),
            ]
        )
        waiting_header = self.table.horizontalHeaderItem(5)
        if waiting_header is not None:
            waiting_header.setToolTip(
                tr(
                    "Batch yang belum diakui mitra. Angka ini turun setelah mitra mengirim "
                    "paket balik, bukan saat paket dibuat di sini."
                )
            )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(120)  # three peers stay visible beside the roster
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.add_button = QPushButton(tr("Tambah mitra…"))
        self.add_button.setObjectName("tambahMitra")
        self.trust_button = QPushButton(tr("Percayai"))
        self.trust_button.setObjectName("percayaiMitra")
        self.remove_button = QPushButton(tr("Hapus mitra"))
        self.remove_button.setObjectName("hapusMitra")
        peer_row = QHBoxLayout()
        peer_row.addWidget(self.add_button)
        peer_row.addWidget(self.trust_button)
        peer_row.addWidget(self.remove_button)
        peer_row.addStretch(1)
        peer_row.addWidget(QLabel(tr("Untuk mitra terpilih:")))

        self.export_button = QPushButton(tr("Ekspor paket…"))
        self.export_button.setObjectName("eksporPaket")
        self.export_button.setToolTip(
            tr("Hanya perubahan yang belum diakui mitra terpilih (paket kecil).")
        )
        self.export_full_button = QPushButton(tr("Ekspor penuh…"))
        self.export_full_button.setObjectName("eksporPenuh")
        self.export_full_button.setToolTip(tr("Semua data, untuk mitra terpilih."))
        self.export_pass_button = QPushButton(tr("Ekspor dengan kata sandi…"))
        self.export_pass_button.setObjectName("eksporKataSandi")
        self.export_pass_button.setToolTip(
            tr("Paket penuh untuk penerima yang belum mengenal kunci instalasi ini.")
        )
        peer_row.addWidget(self.export_button)
        peer_row.addWidget(self.export_full_button)
        peer_row.addSpacing(16)
        peer_row.addWidget(self.export_pass_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(peer_row)

    def show_peers(self, peers: list[PeerStatus]) -> None:
        """Fill the table; the peer chosen stays chosen (or the first one is)."""
        selected = self.selected_peer_id()
        self.table.setRowCount(len(peers))
        self.peer_ids = []
        for row, ps in enumerate(peers):
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
                self.table.setItem(row, col, cell)
        if selected in self.peer_ids:
            self.table.selectRow(self.peer_ids.index(selected))
        elif self.peer_ids and not self.table.selectedItems():
            self.table.selectRow(0)

    def selected_peer_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.peer_ids):
            return None
        return self.peer_ids[rows[0].row()]

    def select_peer(self, node_id: str) -> None:
        self.table.selectRow(self.peer_ids.index(node_id))


class IncomingBox(QGroupBox):
    """Where a package comes in: the drop target (the page takes the drop) and a button."""

    def __init__(self) -> None:
        super().__init__(tr("Terima paket"))
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
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_area, 1)
        layout.addLayout(row)


class SummaryBox(QGroupBox):
    """What the last import brought, in Indonesian."""

    def __init__(self) -> None:
        super().__init__(tr("Ringkasan impor terakhir"))
        self.view = QPlainTextEdit()
        self.view.setObjectName("ringkasanImpor")
        self.view.setReadOnly(True)
        self.view.setPlaceholderText(tr("Belum ada paket yang diimpor sejak Merit dibuka."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)


class WaitingBox(QGroupBox):
    """Batches held back for a missing one, and packages kept aside for a newer Merit."""

    def __init__(self) -> None:
        super().__init__(tr("Tertahan"))
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
        # A box layout gives the wrapped labels the height their width needs.
        deferred_row = QHBoxLayout()
        deferred_row.addWidget(self.deferred_label, 1)
        deferred_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.held_label)
        layout.addLayout(deferred_row)
        layout.addStretch(1)

    def show_waiting(self, status: SyncStatus, deferred: list[DeferredPackage]) -> None:
        if status.tertahan:
            lines = [
                tr(
                    "{n} batch tertahan menunggu batch yang belum tiba:",
                    n=angka(len(status.tertahan)),
                )
            ]
            names = {ps.peer.node_id: ps.peer.nama for ps in status.peers}
            names[status.identitas.node_id] = status.identitas.nama
            for held in status.tertahan[:SHOWN]:
                origin, _, seq = held.menunggu.rpartition("/")
                text = tr(
                    "• batch no {seq} dari {asal}, menunggu batch no {no} dari {dari}",
                    asal=held.origin_nama,
                    seq=held.seq,
                    no=seq,
                    dari=names.get(origin, origin[:8]),
                )
                if held.ditahan:
                    text += tr(" (batch itu ditahan roster)")
                lines.append(text)
            if len(status.tertahan) > SHOWN:
                lines.append(tr("… dan {n} lagi", n=angka(len(status.tertahan) - SHOWN)))
            self.held_label.setText("\n".join(lines))
        else:
            self.held_label.setText(tr("Tidak ada batch yang tertahan."))
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
                for d in deferred[:SHOWN]
            ]
            self.deferred_label.setText("\n".join(lines))
        else:
            self.deferred_label.setText(tr("Tidak ada paket yang menunggu pembaruan Merit."))
        self.retry_button.setVisible(bool(deferred))


class RosterBox(QGroupBox):
    """The agency's roster (who may write what, signed by the root) and the batches held back
    because their origin may not write them, each with its reason. The roster is changed on
    the root with ``merit sync roster set``."""

    def __init__(self) -> None:
        super().__init__(tr("Roster instansi dan batch ditahan"))
        self.head_label = QLabel()
        self.head_label.setObjectName("kepalaRoster")
        self.head_label.setWordWrap(True)
        self.head_label.setTextFormat(Qt.TextFormat.PlainText)
        self.table = _table("daftarRoster", [tr("Instalasi"), tr("Boleh menulis"), tr("Unit")])
        self.held_label = QLabel()
        self.held_label.setObjectName("judulDitahan")
        self.held_label.setTextFormat(Qt.TextFormat.PlainText)
        self.held_table = _table(
            "daftarDitahan", [tr("Dari"), tr("Batch"), tr("Diterima"), tr("Alasan ditahan")]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.head_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.held_label)
        layout.addWidget(self.held_table, 1)

    def show_roster(self, view: RosterView | None) -> None:
        if view is None or view.versi is None:
            self.head_label.setText(
                tr(
                    "Belum ada roster: setiap mitra tepercaya boleh menulis semua data. Root "
                    "instansi (BKD) menetapkannya dengan `merit sync roster set`."
                )
            )
            self.head_label.setStyleSheet("color: #9a3412;")
            entries: tuple[EntriView, ...] = ()
        else:
            self.head_label.setText(
                tr(
                    "Versi {v}, ditandatangani root {root}. Batch dari instalasi lain hanya "
                    "diterapkan bila masuk haknya.",
                    v=view.versi,
                    root=view.root_nama,
                )
            )
            self.head_label.setStyleSheet("")
            entries = view.entri
        rows = [
            (
                e.nama + (tr(" (instalasi ini)") if e.ini else ""),
                e.judul,
                ", ".join(e.unit) or tr("seluruh instansi"),
                e.node_id,
            )
            for e in entries
        ]
        rows += [
            (nama, tr("dikeluarkan dari instansi"), "-", node_id)
            for node_id, nama in (view.dicabut if view else ())
        ]
        self.table.setRowCount(len(rows))
        for row, (nama, izin, unit, node_id) in enumerate(rows):
            self.table.setItem(row, 0, _item(nama, node_id))
            self.table.setItem(row, 1, _item(izin))
            self.table.setItem(row, 2, _item(unit))
        held = view.ditahan if view else ()
        self.held_label.setText(
            tr("{n} batch ditahan, tidak diterapkan:", n=angka(len(held)))
            if held
            else tr("Tidak ada batch yang ditahan.")
        )
        self.held_table.setRowCount(len(held))
        for row, h in enumerate(held):
            self.held_table.setItem(row, 0, _item(h.origin_nama, h.origin))
            self.held_table.setItem(row, 1, _item(tr("no {n}", n=h.seq)))
            self.held_table.setItem(row, 2, _item(waktu_text(h.diterima)))
            self.held_table.setItem(row, 3, _item(h.alasan, h.alasan))


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setMinimumHeight(70)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
