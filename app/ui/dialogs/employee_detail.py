"""Detail of one employee: the main data and every history in tabs, with the editing
commands (forms in employee_form.py and history_form.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tanggal, tr
from app.models.access.akses import allowed
from app.models.cuti.permohonan import list_cuti
from app.models.cuti.saldo import read_saldo
from app.models.errors import MeritError
from app.models.kompetensi.mentor import mentor_aktif
from app.models.pegawai import fields as pegawai_fields
from app.models.pegawai import history as riwayat
from app.models.pegawai import write as registri
from app.models.pegawai.read import EmployeeRecord, get_employee, read_employee
from app.models.reference.loader import Referensi
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from app.ui.widgets.messages import show_error

Cell = Callable[[dict[str, Any]], str]


def _date(key: str) -> Cell:
    return lambda r: tanggal(r.get(key), kosong="")


def _text(key: str) -> Cell:
    return lambda r: "" if r.get(key) is None else str(r.get(key))


def _mk(r: dict[str, Any]) -> str:
    if r.get("mk_tahun") is None:
        return ""
    return tr("{t} th {b} bl", t=r["mk_tahun"], b=r.get("mk_bulan") or 0)


def _choice(kind: str, key: str) -> Cell:
    """The label of a coded choice (``KENAIKAN_JENJANG`` -> "Kenaikan jenjang"); a value
    outside today's choices is shown as stored."""
    labels = dict(pegawai_fields.history_kind(kind).field(key).choices)
    return lambda r: "" if r.get(key) is None else labels.get(str(r[key]), str(r[key]))


def _history_specs(ref: Referensi) -> list[tuple[str, str, list[tuple[str, Cell]]]]:
    def label(table: str, key: str) -> Cell:
        return lambda r: ref.label(table, r.get(key))

    return [
        (
            "pangkat",
            tr("Pangkat"),
            [
                (tr("TMT"), _date("tmt")),
                (tr("Gol."), _text("golongan_kode")),
                (tr("Pangkat"), _text("pangkat")),
                (tr("Jenis"), _choice("pangkat", "jenis")),
                (tr("Masa kerja"), _mk),
                (tr("Nomor SK"), _text("nomor_sk")),
                (tr("Tanggal SK"), _date("tanggal_sk")),
            ],
        ),
        (
            "jabatan",
            tr("Jabatan"),
            [
                (tr("TMT"), _date("tmt")),
                (tr("Jabatan"), _text("nama_jabatan")),
                (tr("Jenjang"), label("ref_jenjang_jabatan", "jenjang_kode")),
                (tr("Eselon"), _text("eselon_kode")),
                (tr("Unit"), _text("unit")),
                (tr("Alasan"), _choice("jabatan", "alasan")),
                (tr("Nomor SK"), _text("nomor_sk")),
            ],
        ),
        (
            "pendidikan",
            tr("Pendidikan"),
            [
                (tr("Tingkat"), label("ref_pendidikan", "tingkat_kode")),
                (tr("Jurusan"), _text("jurusan")),
                (tr("Institusi"), _text("institusi")),
                (tr("Tahun lulus"), _text("tahun_lulus")),
                (tr("Nomor ijazah"), _text("nomor_ijazah")),
            ],
        ),
        (
            "diklat",
            tr("Diklat"),
            [
                (tr("Jenis"), _choice("diklat", "jenis")),
                (tr("Nama diklat"), _text("nama")),
                (tr("Penyelenggara"), _text("penyelenggara")),
                (tr("Mulai"), _date("tanggal_mulai")),
                (tr("Selesai"), _date("tanggal_selesai")),
                (tr("JP"), _text("jam_pelajaran")),
                (tr("Nomor sertifikat"), _text("nomor_sertifikat")),
            ],
        ),
        (
            "hukuman_disiplin",
            tr("Hukuman disiplin"),
            [
                (tr("Hukuman"), label("ref_hukuman_disiplin", "hukuman_kode")),
                (
                    tr("Tingkat"),
                    lambda r: ref.label("ref_hukuman_disiplin", r.get("hukuman_kode"), "tingkat"),
                ),
                (tr("Mulai"), _date("tmt_mulai")),
                (tr("Selesai"), _date("tmt_selesai")),
                (tr("Nomor SK"), _text("nomor_sk")),
                (tr("Alasan"), _text("alasan")),
            ],
        ),
        (
            "skp",
            tr("SKP"),
            [
                (tr("Tahun"), _text("tahun")),
                (tr("Hasil kerja"), label("ref_rating", "rating_hasil")),
                (tr("Perilaku kerja"), label("ref_rating", "rating_perilaku")),
                (tr("Predikat"), label("ref_predikat", "predikat_kode")),
                (tr("Pejabat penilai"), _text("penilai_nama")),
            ],
        ),
        (
            "kgb",
            tr("KGB"),
            [
                (tr("TMT"), _date("tmt")),
                (tr("Gol."), _text("golongan_kode")),
                (tr("Masa kerja"), _mk),
                (
                    tr("Gaji pokok"),
                    lambda r: (
                        f"Rp{angka(r['gaji_pokok'])}" if r.get("gaji_pokok") is not None else ""
                    ),
                ),
                (tr("Nomor SK"), _text("nomor_sk")),
                (tr("Tanggal SK"), _date("tanggal_sk")),
            ],
        ),
    ]


class EmployeeDetailDialog(QDialog):
    """Opening it is a sensitive read and is recorded in the audit trail.

    Editing: "Ubah data pokok", per history tab "Tambah", "Ubah", "Hapus", and "Keluar dari
    dinas..." / "Hapus pegawai...". The dialog reloads after each change and emits
    ``changed`` so that the list behind it refreshes.
    """

    changed = Signal()
    subdialogOpened = Signal(object)  # a form, confirmation or message box (for tests)
    tabs: QTabWidget  # built again on every reload, on the tab that was shown

    def __init__(
        self,
        db: Database,
        pegawai_id: str,
        *,
        actor: str = "sistem",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rincianPegawai")
        self.db = db
        self.pegawai_id = pegawai_id
        self.actor = actor
        self.today = today
        self.ref = Referensi.load(db.conn)
        # Refused (and audited) without the right; the read itself is audited.
        self.record: EmployeeRecord = read_employee(
            db, actor, pegawai_id, ref=self.ref, today=today
        )
        self.resize(980, 640)

        self.edit_button = QPushButton(tr("Ubah data pokok"))
        self.edit_button.setObjectName("ubahDataPokok")
        self.edit_button.clicked.connect(self.edit_main)
        self.leave_button = QPushButton(tr("Keluar dari dinas…"))
        self.leave_button.setObjectName("keluarDinas")
        self.leave_button.clicked.connect(self.leave_service)
        self.delete_button = QPushButton(tr("Hapus pegawai…"))
        self.delete_button.setObjectName("hapusPegawai")
        self.delete_button.clicked.connect(self.delete_employee)
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.reject)
        for button in (self.edit_button, self.leave_button, self.delete_button):
            button.setAutoDefault(False)  # Enter closes, as before; it never edits
        # A reader who may not change employees does not see the editing commands at all.
        self.may_edit = allowed(actor, "pegawai.ubah")
        self.edit_button.setVisible(self.may_edit)
        self.leave_button.setVisible(self.may_edit)
        self.delete_button.setVisible(allowed(actor, "pegawai.hapus"))
        close.setDefault(True)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.leave_button)
        actions.addWidget(self.delete_button)
        self.status = QLabel()
        self.status.setObjectName("statusRincian")
        actions.addWidget(self.status, 1)
        actions.addWidget(close)

        self._layout = QVBoxLayout(self)
        self.body = QWidget()
        self._layout.addWidget(self.body, 1)
        self._layout.addLayout(actions)
        self._build_body()

    def _build_body(self) -> None:
        d = self.record.data
        self.setWindowTitle(tr("Rincian pegawai: {nama}", nama=d["nama_lengkap"]))
        heading = QLabel(
            f"<b style='font-size:15pt'>{_esc(d['nama_lengkap'])}</b><br>"
            f"NIP {_esc(format_nip(d['nip']))} · {_esc(d['status'])}"
            + (f" · {_esc(self.ref.golongan_label(d['golongan']))}" if d["golongan"] else "")
            + (
                f" · <b>{_esc(self.ref.label('ref_kedudukan', d['kedudukan']))}</b>"
                if d["kedudukan"] != "AKTIF"
                else ""
            )
            # on cuti besar or CLTN today (issue 17): the clerk sees it before anything else
            + (f" · <b style='color:#9a5b00'>{_esc(d['cuti'])}</b>" if d.get("cuti") else "")
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setObjectName("judulRincian")
        sub = QLabel(_esc(" — ".join(x for x in (d["jabatan"], d["unit"], d["opd"]) if x)))
        sub.setWordWrap(True)

        current = self.tabs.currentIndex() if hasattr(self, "tabs") else 0
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabRiwayat")
        self.tabs.addTab(self._main_tab(), tr("Data pokok"))
        self.history_tables: dict[str, QTableWidget] = {}
        self.history_buttons: dict[str, tuple[QPushButton, QPushButton, QPushButton]] = {}
        for key, title, columns in _history_specs(self.ref):
            rows = self.record.riwayat.get(key, [])
            table = self._history_table(rows, columns)
            table.setObjectName(f"riwayat_{key}")
            self.history_tables[key] = table
            self.tabs.addTab(self._history_page(key, table), f"{title} ({len(rows)})")
        self.tabs.addTab(*self._cuti_tab())
        self.tabs.setCurrentIndex(current)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(sub)
        layout.addWidget(self.tabs, 1)
        self._layout.replaceWidget(self.body, body)
        self.body.hide()
        self.body.setParent(None)
        self.body.deleteLater()
        self.body = body
        active = d["kedudukan"] == "AKTIF"
        self.leave_button.setEnabled(active)
        self.leave_button.setToolTip("" if active else tr("Pegawai ini sudah tidak aktif."))

    def _cuti_tab(self) -> tuple[QWidget, str]:
        """The computed leave balance of this year and the leave history (issue 17)."""
        tahun = (self.today or date.today()).year
        conn = self.db.conn
        s = read_saldo(conn, self.pegawai_id, tahun)
        t = s.tahunan
        info = QLabel(
            tr(
                "Cuti tahunan {y}: hak {h}, bawaan {b}, penyesuaian {p}, dipakai {d}, sisa {s} "
                "hari kerja. Cuti besar: {besar}.",
                y=tahun,
                h=t.hak,
                b=t.bawaan,
                p=t.penyesuaian,
                d=t.dipakai,
                s=t.sisa,
                besar=tr("dapat diambil") if s.besar_tersedia else tr("belum/tidak tersedia"),
            )
        )
        info.setObjectName("saldoCutiPegawai")
        info.setWordWrap(True)
        rows = list_cuti(conn, pegawai_id=self.pegawai_id)
        table = QTableWidget(len(rows), 5)
        table.setObjectName("riwayat_cuti")
        table.setHorizontalHeaderLabels(
            [tr("Jenis cuti"), tr("Mulai"), tr("Selesai"), tr("Lama"), tr("Status")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for r, c in enumerate(rows):
            values = (c.jenis_nama, tanggal(c.mulai), tanggal(c.selesai), c.lama_teks)
            for col, value in enumerate((*values, c.status_label)):
                table.setItem(r, col, QTableWidgetItem(value))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(info)
        layout.addWidget(table, 1)
        return page, f"{tr('Cuti')} ({len(rows)})"

    def _history_page(self, key: str, table: QTableWidget) -> QWidget:
        page = QWidget()
        add = QPushButton(tr("Tambah"))
        add.setObjectName(f"tambah_{key}")
        edit = QPushButton(tr("Ubah"))
        edit.setObjectName(f"ubah_{key}")
        remove = QPushButton(tr("Hapus"))
        remove.setObjectName(f"hapus_{key}")
        # Bound methods and the sender's "riwayat" property, not lambdas holding the dialog
        # (it is deleted on close; such closures crash PySide at teardown).
        for widget in (add, edit, remove, table):
            widget.setProperty("riwayat", key)
        add.clicked.connect(self._add_clicked)
        edit.clicked.connect(self._edit_clicked)
        remove.clicked.connect(self._remove_clicked)
        table.doubleClicked.connect(self._edit_clicked)
        table.itemSelectionChanged.connect(self._selection_changed)
        for button in (add, edit, remove):
            button.setAutoDefault(False)
        self.history_buttons[key] = (add, edit, remove)
        for button in (add, edit, remove):
            button.setVisible(self.may_edit)
        self._update_buttons(key)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        return page

    def _sender_key(self) -> str:
        sender = self.sender()
        return str(sender.property("riwayat")) if sender is not None else ""

    def _add_clicked(self) -> None:
        self.edit_history(self._sender_key(), None)

    def _edit_clicked(self, *_args: object) -> None:
        key = self._sender_key()
        self.edit_history(key, self._selected_row(key))

    def _remove_clicked(self) -> None:
        key = self._sender_key()
        self.delete_history(key, self._selected_row(key))

    def _selection_changed(self) -> None:
        self._update_buttons(self._sender_key())

    def _update_buttons(self, key: str) -> None:
        if key not in self.history_buttons:
            return
        _add, edit, remove = self.history_buttons[key]
        has = self._selected_row(key) is not None
        edit.setEnabled(has)
        remove.setEnabled(has)

    def _selected_row(self, key: str) -> str | None:
        table = self.history_tables[key]
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        records = self.record.riwayat.get(key, [])
        return str(records[row]["id"]) if 0 <= row < len(records) else None

    # -- editing -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the record again and rebuild the view (after every change)."""
        try:
            self.record = get_employee(
                self.db.conn, self.pegawai_id, ref=self.ref, today=self.today
            )
        except MeritError as exc:  # deleted meanwhile
            show_error(self, exc)
            self.reject()
            return
        self._build_body()

    def _after_change(self, *_args: object) -> None:
        self.reload()
        self.status.setText(tr("Perubahan tersimpan."))
        self.changed.emit()

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.open()
        self.subdialogOpened.emit(dialog)
        return dialog

    def edit_main(self) -> QDialog:
        from app.ui.dialogs.employee_form import EmployeeFormDialog  # lazy: not at start-up (15 ms)

        form = EmployeeFormDialog(
            self.db, self.pegawai_id, actor=self.actor, today=self.today, parent=self
        )
        return self._open(form, self._after_change)

    def edit_history(self, key: str, row_id: str | None) -> QDialog | None:
        from app.ui.dialogs.history_form import HistoryFormDialog  # lazy: not at start-up (15 ms)

        try:
            form = HistoryFormDialog(
                self.db, self.pegawai_id, key, row_id, actor=self.actor, today=self.today,
                parent=self,
            )  # fmt: skip
        except MeritError as exc:
            show_error(self, exc)
            return None
        return self._open(form, self._after_change)

    def _confirm(self, title: str, text: str, yes: str, on_yes: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName("konfirmasi")
        ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cast(QPushButton, box.buttons()[-1]))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._on_confirm = on_yes
        self._confirm_button = ok
        box.buttonClicked.connect(self._confirm_clicked)
        box.open()
        self.confirm_box = box
        self.subdialogOpened.emit(box)
        return box

    def _confirm_clicked(self, button: object) -> None:
        if button is self._confirm_button:
            self._on_confirm()

    def delete_history(self, key: str, row_id: str | None) -> QMessageBox | None:
        if row_id is None:
            return None
        row = next(r for r in self.record.riwayat[key] if r["id"] == row_id)

        def do() -> None:
            try:
                riwayat.delete_history(self.db, key, row_id, actor=self.actor)
            except MeritError as exc:
                show_error(self, exc)
                return
            self._after_change()

        return self._confirm(
            tr("Hapus riwayat"),
            tr(
                "Hapus riwayat ini?\n\n{ringkas}",
                ringkas=riwayat.history_summary(key, row, self.ref),
            ),
            tr("Hapus"),
            do,
        )

    def leave_service(self) -> QDialog:
        from app.ui.dialogs.employee_form import LeaveServiceDialog  # lazy: not at start-up (15 ms)

        dialog = LeaveServiceDialog(
            self.db,
            self.pegawai_id,
            self.record.data["nama_lengkap"],
            actor=self.actor,
            today=self.today,
            parent=self,
        )
        return self._open(dialog, self._after_change)

    def delete_employee(self) -> QMessageBox:
        nama = self.record.data["nama_lengkap"]

        def do() -> None:
            try:
                registri.delete_employee(self.db, self.pegawai_id, actor=self.actor)
            except MeritError as exc:
                show_error(self, exc)
                return
            self.changed.emit()
            self.accept()

        return self._confirm(
            tr("Hapus pegawai"),
            tr(
                "Hapus data {nama} beserta seluruh riwayatnya?\n\nHapus hanya untuk data yang "
                "dibuat karena keliru (salah orang, tercatat dua kali). Pegawai yang pensiun, "
                'meninggal, pindah atau berhenti dicatat dengan "Keluar dari dinas…" agar '
                "riwayatnya tetap ada.",
                nama=nama,
            ),
            tr("Hapus pegawai"),
            do,
        )

    def _main_tab(self) -> QWidget:
        d = self.record.data
        ref = self.ref
        widget = QWidget()
        form = QFormLayout(widget)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        mkg = d["masa_kerja_golongan"]
        mk = d["masa_kerja"]
        rows = [
            (tr("NIP"), format_nip(d["nip"])),
            (tr("NIP lama"), d["nip_lama"] or "-"),
            (tr("NIK"), d["nik"] or "-"),
            (tr("Nama"), d["nama"]),
            (
                tr("Gelar depan / belakang"),
                f"{d['gelar_depan'] or '-'} / {d['gelar_belakang'] or '-'}",
            ),
            (
                tr("Tempat, tanggal lahir"),
                f"{d['tempat_lahir'] or '-'}, {tanggal(d['tanggal_lahir'])} "
                + tr("({n} tahun)", n=d["usia"]),
            ),
            (
                tr("Jenis kelamin"),
                tr("Laki-laki") if d["jenis_kelamin"] == "L" else tr("Perempuan"),
            ),
            (tr("Agama"), ref.label("ref_agama", d["agama"]) or "-"),
            (tr("Alamat"), d.get("alamat") or "-"),
            (tr("Telepon"), d.get("telepon") or "-"),
            (tr("Email"), d.get("email") or "-"),
            (tr("Jenis ASN / status"), f"{d['jenis_asn']} / {d['status']}"),
            (
                tr("Kedudukan"),
                ref.label("ref_kedudukan", d["kedudukan"])
                + (f" ({tanggal(d['tmt_kedudukan'])})" if d["tmt_kedudukan"] else ""),
            ),
            (tr("TMT CPNS / PNS"), f"{tanggal(d['tmt_cpns'])} / {tanggal(d['tmt_pns'])}"),
            (tr("Pangkat/golongan"), ref.golongan_label(d["golongan"]) or "-"),
            (tr("TMT golongan"), tanggal(d["tmt_golongan"])),
            (
                tr("Masa kerja golongan"),
                tr("{t} tahun {b} bulan", t=mkg["tahun"], b=mkg["bulan"]) if mkg else "-",
            ),
            (
                tr("Masa kerja keseluruhan"),
                tr("{t} tahun {b} bulan", t=mk["tahun"], b=mk["bulan"]) if mk else "-",
            ),
            *(
                [
                    (
                        tr("Tidak dihitung masa kerja"),
                        tr("{n} hari CLTN", n=angka(d["hari_tidak_dihitung"])),
                    )
                ]
                if d.get("hari_tidak_dihitung")
                else []
            ),
            (
                tr("Gaji pokok (tabel gaji)"),
                f"Rp{angka(d['gaji_pokok'])}" if d.get("gaji_pokok") is not None else "-",
            ),
            (
                tr("KGB berikutnya"),
                tanggal(d["kgb_berikut"])
                if d.get("kgb_berikut")
                else tr("tidak ada (puncak tabel gaji atau pensiun)")
                if d.get("gaji_pokok") is not None
                else "-",
            ),
            (tr("Jabatan"), d["jabatan"] or "-"),
            (
                tr("Jenjang / eselon"),
                " / ".join(
                    x
                    for x in (ref.label("ref_jenjang_jabatan", d["jenjang_jabatan"]), d["eselon"])
                    if x
                )
                or "-",
            ),
            (tr("TMT jabatan"), tanggal(d["tmt_jabatan"])),
            (tr("Unit kerja"), d["unit"] or "-"),
            (tr("Perangkat daerah"), d["opd"] or "-"),
            (
                tr("Pendidikan tertinggi"),
                " ".join(
                    x
                    for x in (ref.label("ref_pendidikan", d["pendidikan"]), d["pendidikan_jurusan"])
                    if x
                )
                or "-",
            ),
            (
                tr("Batas usia pensiun"),
                tr("{n} tahun, TMT pensiun {tgl}", n=d["bup"], tgl=tanggal(d["tanggal_pensiun"])),
            ),
        ]
        nama_mentor = mentor_aktif(self.db.conn, self.pegawai_id)
        if nama_mentor:
            rows.append((tr("Mentor"), nama_mentor))
        for label, value in rows:
            value_label = QLabel(str(value))
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value_label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label + ":", value_label)
        return widget

    @staticmethod
    def _history_table(rows: list[dict[str, Any]], columns: list[tuple[str, Cell]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(columns))
        table.setHorizontalHeaderLabels([title for title, _ in columns])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, (_title, cell) in enumerate(columns):
                table.setItem(r, c, QTableWidgetItem(cell(row)))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        return table


def _esc(text: object) -> str:
    return str(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
