"""The position form: kind, level, eselon, kelas, seats and minimum requirements of a jabatan.

Pickers offer only what fits (levels of the chosen kind, eselon of the chosen level); numbers
are typed and checked as you type by :func:`app.models.organisasi.jabatan.jabatan_issues`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.i18n import tr
from app.models.organisasi import fields as org_fields
from app.models.organisasi import jabatan, units
from app.models.storage.db import Database
from app.ui.dialogs.unit_form import FormDialog
from app.ui.tasks import Progress, TaskRunner


class JabatanFormDialog(FormDialog):
    """Create a position in ``unit_id`` or edit one (``jabatan_id``)."""

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        *,
        unit_id: str,
        jabatan_id: str | None = None,
        actor: str = "sistem",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner, actor=actor, parent=parent)
        self.setObjectName("dialogJabatan")
        self.jabatan_id = jabatan_id
        self.unit_id = unit_id
        unit = units.get_unit(db.conn, unit_id)
        self.setWindowTitle(
            tr("Ubah jabatan — {unit}", unit=unit.nama)
            if jabatan_id
            else tr("Tambah jabatan — {unit}", unit=unit.nama)
        )
        ref = self.ref

        self.nama = QLineEdit()
        self.nama.setMaxLength(org_fields.MAX_NAMA)
        self.nama.setPlaceholderText(tr("mis. Analis Kebijakan Ahli Pertama"))
        self.jenis = QComboBox()
        self.fill_combo(
            self.jenis,
            [(k, f"{r['nama']} ({k})") for k, r in ref.table("ref_jenis_jabatan").items()],
        )
        self.jenjang = QComboBox()
        self.eselon = QComboBox()
        self.kelas = QLineEdit()
        self.kelas.setPlaceholderText(tr("1 sampai 17"))
        self.kebutuhan = QLineEdit()
        self.kebutuhan.setPlaceholderText(tr("jumlah kursi, 0 atau lebih"))
        self.gol_min = QComboBox()
        self.fill_combo(
            self.gol_min,
            [(k, ref.golongan_label(k)) for k in ref.golongan],
            empty=tr("—"),
        )
        self.pendidikan_min = QComboBox()
        self.fill_combo(
            self.pendidikan_min,
            [(k, str(r["nama"])) for k, r in ref.pendidikan.items()],
            empty=tr("—"),
        )
        self.atasan = QComboBox()
        self.atasan.setMaxVisibleItems(20)
        options: list[tuple[Any, str]] = list(
            jabatan.atasan_options(db.conn, unit_id, exclude=jabatan_id)
        )
        self.fill_combo(self.atasan, options, empty=tr("—"))
        self.bup = QLineEdit()
        self.bup.setPlaceholderText(tr("kosong: menurut jenjang"))

        self.add_field("nama", tr("Nama jabatan:"), self.nama)
        self.add_field("jenis_kode", tr("Jenis jabatan:"), self.jenis)
        self.add_field("jenjang_kode", tr("Jenjang:"), self.jenjang)
        self.add_field("eselon_kode", tr("Eselon:"), self.eselon)
        self.add_field("kelas_jabatan", tr("Kelas jabatan:"), self.kelas)
        self.add_field("kebutuhan", tr("Kebutuhan (kursi):"), self.kebutuhan)
        self.add_field("gol_min_kode", tr("Golongan minimal:"), self.gol_min)
        self.add_field("pendidikan_min_kode", tr("Pendidikan minimal:"), self.pendidikan_min)
        self.add_field("atasan_jabatan_id", tr("Atasan langsung:"), self.atasan)
        self.add_field("bup_tahun", tr("BUP khusus (tahun):"), self.bup)
        self.load()

    # -- dependent pickers ---------------------------------------------------------------------

    def _refill_jenjang(self) -> None:
        self.fill_combo(self.jenjang, jabatan.jenjang_options(self.ref, self.jenis.currentData()))

    def _refill_eselon(self) -> None:
        options: list[tuple[Any, str]] = list(
            jabatan.eselon_options(self.ref, self.jenjang.currentData())
        )
        self.fill_combo(self.eselon, options, empty=tr("—"))
        self.eselon.setEnabled(bool(options))

    def on_field_changed(self, name: str) -> None:
        if name == "jenis_kode":
            self._refill_jenjang()
            self._refill_eselon()
            self._default_gol_min()
        elif name == "jenjang_kode":
            self._refill_eselon()
            self._default_gol_min()

    def _default_gol_min(self) -> None:
        """Offer the level's lowest golongan as the minimum while the clerk has not chosen."""
        if "gol_min_kode" in self._touched:
            return
        row = self.ref.jenjang.get(self.jenjang.currentData() or "")
        self.gol_min.blockSignals(True)
        self.select(self.gol_min, row.get("gol_min_kode") if row else None)
        self.gol_min.blockSignals(False)

    # -- load / data ---------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the widgets from the stored position, or defaults for a new one."""
        if self.jabatan_id is None:
            self.select(self.jenis, "JF")
            self._refill_jenjang()
            self._refill_eselon()
            self._default_gol_min()
            self.kebutuhan.setText("1")
        else:
            jab = jabatan.get_jabatan(self.db.conn, self.jabatan_id)
            self.nama.setText(jab.nama)
            self.select(self.jenis, jab.jenis_kode)
            self._refill_jenjang()
            self.select(self.jenjang, jab.jenjang_kode)
            self._refill_eselon()
            self.select(self.eselon, jab.eselon_kode)
            self.kelas.setText("" if jab.kelas_jabatan is None else str(jab.kelas_jabatan))
            self.kebutuhan.setText(str(jab.kebutuhan))
            self.select(self.gol_min, jab.gol_min_kode)
            self.select(self.pendidikan_min, jab.pendidikan_min_kode)
            self.select(self.atasan, jab.atasan_jabatan_id)
            self.bup.setText("" if jab.bup_tahun is None else str(jab.bup_tahun))
        self._touched.clear()
        self.revalidate()

    def data(self) -> jabatan.JabatanData:
        return jabatan.JabatanData(
            unit_id=self.unit_id,
            nama=self.nama.text(),
            jenis_kode=self.jenis.currentData() or "",
            jenjang_kode=self.jenjang.currentData() or "",
            eselon_kode=self.eselon.currentData(),
            kelas_jabatan=self.kelas.text(),
            kebutuhan=self.kebutuhan.text(),
            gol_min_kode=self.gol_min.currentData(),
            pendidikan_min_kode=self.pendidikan_min.currentData(),
            atasan_jabatan_id=self.atasan.currentData(),
            bup_tahun=self.bup.text(),
        )

    def issues(self) -> list[org_fields.Issue]:
        return jabatan.jabatan_issues(
            self.db.conn, self.data(), jabatan_id=self.jabatan_id, ref=self.ref
        )

    def work(self) -> Callable[[Database, Progress], str]:
        data, jabatan_id, actor = self.data(), self.jabatan_id, self.actor

        def run(db: Database, _progress: Progress) -> str:
            if jabatan_id is None:
                return jabatan.create_jabatan(db, data, actor=actor)
            jabatan.update_jabatan(db, jabatan_id, data, actor=actor)
            return jabatan_id

        return run
