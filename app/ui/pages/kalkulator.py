"""Kalkulator kepegawaian: the clerk's calculator on one screen (gaji pokok, MKG after a KP, the
next KGB, TMT pensiun, ujian dinas). Every answer comes from :mod:`app.models.kalkulator`, the
same functions as ``merit hitung``; the page only reads the inputs and shows the result or the
refusal (naming the field)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import angka, tanggal, tr
from app.models import kalkulator as k
from app.models.errors import MeritError, ValidationError
from app.models.reference.loader import Referensi
from app.models.rules.pegawai import parse_tanggal
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.tasks import TaskRunner

_LABEL = {
    "golongan": "Golongan",
    "dari": "Dari golongan",
    "ke": "Ke golongan",
    "mkg": "Masa kerja golongan",
    "pendidikan": "Pendidikan",
    "bup": "BUP",
    "tanggal": "Tanggal",
    "tmt": "TMT terakhir",
    "tmt_pensiun": "TMT pensiun",
    "lahir": "Tanggal lahir",
}


def _rupiah(value: int | None) -> str:
    return f"Rp{angka(value)}" if value is not None else "-"


class KalkulatorPage(Page):
    """Five small calculators, each with its inputs, a Hitung button and a result line."""

    def __init__(
        self,
        db: Database,
        *,
        actor: str = "sistem",
        runner: TaskRunner,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.actor = actor
        self.today = today or date.today()
        ref = Referensi.load(db.conn)
        self._golongan = list(ref.golongan)
        self._pendidikan = [(kode, ref.label("ref_pendidikan", kode)) for kode in ref.pendidikan]
        self.results: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        title = QLabel(tr("Kalkulator kepegawaian"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        hint = QLabel(
            tr(
                "Tanggal ditulis HH-BB-TTTT atau TTTT-BB-HH; masa kerja T-B (tahun-bulan). "
                "Tabel gaji dan ujian dinas diambil dari data referensi."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        grid = QGridLayout()
        layout.addLayout(grid)
        grid.addWidget(self._gaji_box(), 0, 0)
        grid.addWidget(self._mkg_box(), 0, 1)
        grid.addWidget(self._kgb_box(), 1, 0)
        grid.addWidget(self._pensiun_box(), 1, 1)
        grid.addWidget(self._ujian_box(), 2, 0, 1, 2)
        layout.addStretch(1)

    # -- building ---------------------------------------------------------------------------

    def _combo(self, items: list[str], current: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.addItems(items)
        box.setCurrentText(current)
        return box

    def _box(
        self, key: str, judul: str, rows: list[tuple[str, QWidget]], run: Callable[[], str]
    ) -> QGroupBox:
        box = QGroupBox(tr(judul))
        form = QFormLayout(box)
        for label, widget in rows:
            form.addRow(tr(label) + ":", widget)
        button = QPushButton(tr("Hitung"))
        result = QLabel("")
        result.setWordWrap(True)
        result.setObjectName(f"hasil_{key}")
        result.setMinimumHeight(result.fontMetrics().lineSpacing() * 3 + 4)
        form.addRow(button)
        form.addRow(result)
        self.results[key] = result
        self.buttons[key] = button
        button.clicked.connect(lambda: self._compute(key, run))
        return box

    def _gaji_box(self) -> QGroupBox:
        self.gaji_golongan = self._combo(self._golongan, "III/a")
        self.gaji_mkg = QLineEdit("0-0")
        self.gaji_tanggal = QLineEdit(self.today.strftime("%d-%m-%Y"))
        return self._box(
            "gaji",
            "Gaji pokok",
            [
                ("Golongan", self.gaji_golongan),
                ("Masa kerja golongan", self.gaji_mkg),
                ("Tanggal", self.gaji_tanggal),
            ],
            self._hitung_gaji,
        )

    def _mkg_box(self) -> QGroupBox:
        self.mkg_dari = self._combo(self._golongan, "II/d")
        self.mkg_ke = self._combo(self._golongan, "III/a")
        self.mkg_mkg = QLineEdit("0-0")
        return self._box(
            "mkg",
            "Masa kerja golongan sesudah kenaikan pangkat",
            [
                ("Dari golongan", self.mkg_dari),
                ("Ke golongan", self.mkg_ke),
                ("Masa kerja golongan", self.mkg_mkg),
            ],
            self._hitung_mkg,
        )

    def _kgb_box(self) -> QGroupBox:
        self.kgb_golongan = self._combo(self._golongan, "III/a")
        self.kgb_mkg = QLineEdit("0-0")
        self.kgb_tmt = QLineEdit(self.today.strftime("%d-%m-%Y"))
        self.kgb_pensiun = QLineEdit("")
        self.kgb_pensiun.setPlaceholderText(tr("boleh kosong"))
        return self._box(
            "kgb",
            "KGB berikutnya",
            [
                ("Golongan", self.kgb_golongan),
                ("Masa kerja golongan", self.kgb_mkg),
                ("TMT terakhir", self.kgb_tmt),
                ("TMT pensiun", self.kgb_pensiun),
            ],
            self._hitung_kgb,
        )

    def _pensiun_box(self) -> QGroupBox:
        self.pensiun_lahir = QLineEdit("")
        self.pensiun_bup = QSpinBox()
        self.pensiun_bup.setRange(k.BUP_MIN, k.BUP_MAKS)
        self.pensiun_bup.setValue(58)
        return self._box(
            "pensiun",
            "TMT pensiun",
            [("Tanggal lahir", self.pensiun_lahir), ("BUP", self.pensiun_bup)],
            self._hitung_pensiun,
        )

    def _ujian_box(self) -> QGroupBox:
        self.ujian_dari = self._combo(self._golongan, "II/d")
        self.ujian_ke = self._combo(self._golongan, "III/a")
        self.ujian_pendidikan = QComboBox()
        for kode, nama in self._pendidikan:
            self.ujian_pendidikan.addItem(nama, kode)
        self.ujian_pendidikan.setCurrentIndex(max(self.ujian_pendidikan.findData("SLTA"), 0))
        self.ujian_jf = QCheckBox(tr("Pemegang jabatan fungsional"))
        return self._box(
            "ujian",
            "Ujian dinas kenaikan pangkat",
            [
                ("Dari golongan", self.ujian_dari),
                ("Ke golongan", self.ujian_ke),
                ("Pendidikan", self.ujian_pendidikan),
                ("Jabatan", self.ujian_jf),
            ],
            self._hitung_ujian,
        )

    # -- computing --------------------------------------------------------------------------

    def _compute(self, key: str, run: Callable[[], str]) -> None:
        label = self.results[key]
        try:
            text = run()
        except ValidationError as exc:
            field = tr(_LABEL.get(exc.field or "", exc.field or ""))
            label.setStyleSheet("color: #b00020;")
            label.setText(f"{field}: {exc}" if field else str(exc))
            return
        except MeritError as exc:
            label.setStyleSheet("color: #b00020;")
            label.setText(str(exc))
            return
        label.setStyleSheet("")
        label.setText(text)

    @staticmethod
    def _date(widget: QLineEdit, field: str, *, optional: bool = False) -> date | None:
        text = widget.text().strip()
        if optional and not text:
            return None
        try:
            return parse_tanggal(text)
        except ValueError as exc:
            raise ValidationError(str(exc), field=field) from None

    def _hitung_gaji(self) -> str:
        mkg = k.parse_mkg(self.gaji_mkg.text())
        on = self._date(self.gaji_tanggal, "tanggal")
        assert on is not None
        h = k.hitung_gaji(self.db.conn, self.gaji_golongan.currentText(), mkg, on)
        text = tr(
            "Gaji pokok {r} ({g}, MKG {t} tahun, {d})",
            r=_rupiah(h.gaji_pokok),
            g=h.golongan,
            t=h.mkg_tahun,
            d=tanggal(on),
        )
        dasar = tr("Dasar: {x}", x=h.dasar_hukum)
        if not h.pasti:
            dasar += " " + tr("(tabel belum pasti [?])")
        return f"{text}\n{dasar}"

    def _hitung_mkg(self) -> str:
        mkg = k.parse_mkg(self.mkg_mkg.text())
        tahun, bulan = k.hitung_mkg(
            self.db.conn, self.mkg_dari.currentText(), self.mkg_ke.currentText(), mkg
        )
        return tr("MKG baru: {t} tahun {b} bulan", t=tahun, b=bulan)

    def _hitung_kgb(self) -> str:
        mkg = k.parse_mkg(self.kgb_mkg.text())
        tmt = self._date(self.kgb_tmt, "tmt")
        assert tmt is not None
        pensiun = self._date(self.kgb_pensiun, "tmt_pensiun", optional=True)
        h = k.hitung_kgb(self.db.conn, self.kgb_golongan.currentText(), mkg, tmt, pensiun)
        if h.tmt_kgb is None:
            return tr("Tidak ada KGB lagi: {a}", a=h.alasan)
        return tr(
            "KGB berikutnya {d}: MKG {t} tahun, gaji pokok {r} ({a})",
            d=tanggal(h.tmt_kgb),
            t=h.mkg_tahun,
            r=_rupiah(h.gaji_pokok),
            a=h.alasan,
        )

    def _hitung_pensiun(self) -> str:
        lahir = self._date(self.pensiun_lahir, "lahir")
        assert lahir is not None
        tmt = k.hitung_pensiun(lahir, self.pensiun_bup.value())
        return tr("TMT pensiun: {d}", d=tanggal(tmt))

    def _hitung_ujian(self) -> str:
        h = k.hitung_ujian_dinas(
            self.db.conn,
            self.ujian_dari.currentText(),
            self.ujian_ke.currentText(),
            str(self.ujian_pendidikan.currentData()),
            jf=self.ujian_jf.isChecked(),
            pada=self.today,
        )
        kata = tr("Perlu ujian dinas") if h.perlu else tr("Tidak perlu ujian dinas")
        if h.perlu and h.tingkat:
            kata += " " + tr("tingkat {t}", t="I" * h.tingkat)
        return f"{kata}: {h.alasan}"
