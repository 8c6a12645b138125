"""Read-only detail of one employee: the main data and every history in tabs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tanggal, tr
from app.models.db import Database
from app.models.employees import EmployeeRecord, get_employee
from app.models.nip import format_nip
from app.models.reference import Referensi
from app.models.store import Store

Cell = Callable[[dict[str, Any]], str]


def _date(key: str) -> Cell:
    return lambda r: tanggal(r.get(key), kosong="")


def _text(key: str) -> Cell:
    return lambda r: "" if r.get(key) is None else str(r.get(key))


def _mk(r: dict[str, Any]) -> str:
    if r.get("mk_tahun") is None:
        return ""
    return tr("{t} th {b} bl", t=r["mk_tahun"], b=r.get("mk_bulan") or 0)


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
                (tr("Jenis"), _text("jenis")),
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
                (tr("Alasan"), _text("alasan")),
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
                (tr("Jenis"), _text("jenis")),
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
    """Opening it is a sensitive read and is recorded in the audit trail."""

    def __init__(
        self, db: Database, pegawai_id: str, *, actor: str = "sistem", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rincianPegawai")
        self.db = db
        self.ref = Referensi.load(db.conn)
        self.record: EmployeeRecord = get_employee(db.conn, pegawai_id, ref=self.ref)
        Store(db).record_read(
            tr("Membuka rincian pegawai"), actor=actor, tabel="pegawai", record_id=pegawai_id
        )
        d = self.record.data
        self.setWindowTitle(tr("Rincian pegawai: {nama}", nama=d["nama_lengkap"]))
        self.resize(980, 640)

        heading = QLabel(
            f"<b style='font-size:15pt'>{_esc(d['nama_lengkap'])}</b><br>"
            f"NIP {_esc(format_nip(d['nip']))} · {_esc(d['status'])}"
            + (f" · {_esc(self.ref.golongan_label(d['golongan']))}" if d["golongan"] else "")
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setObjectName("judulRincian")
        sub = QLabel(_esc(" — ".join(x for x in (d["jabatan"], d["unit"], d["opd"]) if x)))
        sub.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabRiwayat")
        self.tabs.addTab(self._main_tab(), tr("Data pokok"))
        self.history_tables: dict[str, QTableWidget] = {}
        for key, title, columns in _history_specs(self.ref):
            rows = self.record.riwayat.get(key, [])
            table = self._history_table(rows, columns)
            table.setObjectName(f"riwayat_{key}")
            self.history_tables[key] = table
            self.tabs.addTab(table, f"{title} ({len(rows)})")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Tutup"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(sub)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

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
