"""The "Etik" tab of the integrity page: code-of-ethics cases under PP 42/2004 (open, majelis,
hearing, finding with moral sanction). The rules are in app/models/etik/kasus.py and
app/models/rules/etik.py; this tab only gathers the clerk's input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import tanggal, tr
from app.models.errors import MeritError
from app.models.etik import kasus as ek
from app.models.pegawai.read import find_pegawai_id
from app.models.rules import etik as rules
from app.models.storage.db import Database
from app.ui.pages.integritas import FormDialog, Isian, _fill, _table
from app.ui.widgets.messages import show_error


class EtikTab(QWidget):
    """The list of ethics cases, the selected case's detail, and its actions."""

    def __init__(
        self,
        db: Database,
        actor: str,
        today: Callable[[], date],
        *,
        on_change: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.today, self.on_change = db, actor, today, on_change
        self.kasus: list[ek.Kasus] = []
        self.dialog: FormDialog | None = None
        self.tabel = _table(
            [tr("Dibuka"), tr("NIP"), tr("Nama"), tr("Status"), tr("Temuan"), tr("Sanksi moral")],
            "tabelEtik",
        )
        self.tabel.itemSelectionChanged.connect(self._show)
        row = QHBoxLayout()
        for text, name, slot in (
            (tr("Kasus etik baru…"), "tombolEtikBaru", self._new),
            (tr("Majelis…"), "tombolEtikMajelis", self._majelis),
            (tr("Sidang…"), "tombolEtikSidang", self._sidang),
            (tr("Putusan…"), "tombolEtikPutus", self._putus),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        self.rincian = QLabel()
        self.rincian.setObjectName("rincianEtik")
        self.rincian.setWordWrap(True)
        self.rincian.setMinimumHeight(130)
        self.rincian.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(self.rincian)

    def reload(self) -> None:
        try:
            self.kasus = ek.list_kasus(self.db, self.actor)
        except MeritError:
            self.kasus = []
        _fill(
            self.tabel,
            [
                (
                    k.tanggal_mulai.isoformat(),
                    k.nip,
                    k.nama,
                    k.status_label,
                    tr(rules.TEMUAN[k.temuan]) if k.temuan else "",
                    k.sanksi_label,
                )
                for k in self.kasus
            ],
        )
        self.tabel.resizeColumnToContents(5)

    def _selected(self) -> ek.Kasus | None:
        rows = self.tabel.selectionModel().selectedRows()
        if not rows:
            show_error(self, MeritError(tr("Pilih satu kasus kode etik di daftar dulu.")))
            return None
        return self.kasus[rows[0].row()]

    def _show(self) -> None:
        rows = self.tabel.selectionModel().selectedRows()
        if not rows:
            self.rincian.clear()
            return
        k = ek.get_kasus(self.db, self.actor, self.kasus[rows[0].row()].id)
        lines = [f"<b>{k.nama}</b> ({k.nip}): {k.dugaan}", tr("Status: {s}", s=k.status_label)]
        if k.majelis:
            lines.append(
                tr("Majelis: ")
                + "; ".join(f"{tr(rules.PERAN_MAJELIS[a.peran])} {a.nama}" for a in k.majelis)
            )
        for s in k.sidang:
            hadir = tr("hadir") if s.hadir else tr("tidak hadir")
            lines.append(tr("Sidang {t} ({h}): {r}", t=tanggal(s.tanggal), h=hadir, r=s.ringkasan))
        if k.temuan:
            lines.append(
                tr("Putusan {t}: {h}", t=tanggal(k.tanggal_putus), h=tr(rules.TEMUAN[k.temuan]))
                + (f" — {', '.join(k.pasal)}; {k.sanksi_label}" if k.pasal else "")
            )
        if k.disiplin_kasus_id:
            lines.append(tr("Diteruskan ke kasus disiplin {id}.", id=k.disiplin_kasus_id[:8]))
        self.rincian.setText("<br>".join(lines))

    def _ask(
        self, title: str, fields: Sequence[Isian], action: Callable[[dict[str, Any]], object]
    ) -> None:
        dialog = FormDialog(title, fields, self.today(), self)
        dialog.setObjectName("formEtik")

        def done() -> None:
            try:
                action(dialog.values())
            except MeritError as exc:
                show_error(self, exc)
                return
            self.on_change()

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def _new(self) -> None:
        def act(v: dict[str, Any]) -> None:
            ek.create_kasus(
                self.db,
                self.actor,
                ek.KasusBaru(find_pegawai_id(self.db.conn, v["nip"]), v["dugaan"], v["tanggal"]),
            )

        self._ask(
            tr("Kasus kode etik baru"),
            [
                Isian("nip", tr("NIP terperiksa:")),
                Isian("dugaan", tr("Dugaan pelanggaran:"), "panjang"),
                Isian("tanggal", tr("Dibuka:"), "tanggal"),
            ],
            act,
        )

    def _majelis(self) -> None:
        k = self._selected()
        if k is None:
            return

        def act(v: dict[str, Any]) -> None:
            conn = self.db.conn
            anggota = [
                (find_pegawai_id(conn, v["ketua"]), rules.KETUA),
                (find_pegawai_id(conn, v["sekretaris"]), rules.SEKRETARIS),
                *(
                    (find_pegawai_id(conn, n.strip()), rules.ANGGOTA)
                    for n in v["anggota"].split(",")
                    if n.strip()
                ),
            ]
            ek.set_majelis(self.db, self.actor, k.id, anggota)

        self._ask(
            tr("Majelis kode etik"),
            [
                Isian("ketua", tr("NIP ketua:")),
                Isian("sekretaris", tr("NIP sekretaris:")),
                Isian("anggota", tr("NIP anggota (pisahkan dengan koma):")),
            ],
            act,
        )

    def _sidang(self) -> None:
        k = self._selected()
        if k is None:
            return
        self._ask(
            tr("Sidang majelis kode etik"),
            [
                Isian("tanggal", tr("Tanggal sidang:"), "tanggal"),
                Isian("tidak_hadir", tr("Terperiksa tidak hadir:"), "centang"),
                Isian("ringkasan", tr("Ringkasan:"), "panjang"),
            ],
            lambda v: ek.add_sidang(
                self.db,
                self.actor,
                k.id,
                tanggal=v["tanggal"],
                hadir=not v["tidak_hadir"],
                ringkasan=v["ringkasan"],
            ),
        )

    def _putus(self) -> None:
        k = self._selected()
        if k is None:
            return
        pasal = ek.list_pasal(self.db)

        def act(v: dict[str, Any]) -> None:
            ek.putus(
                self.db,
                self.actor,
                k.id,
                ek.Putusan(
                    temuan=v["temuan"],
                    tanggal=v["tanggal"],
                    pasal=(v["pasal"],) if v["pasal"] else (),
                    sanksi=v["sanksi"] or None,
                    pertimbangan=v["pertimbangan"],
                    rekomendasi_disiplin=v["rekomendasi"],
                ),
            )

        self._ask(
            tr("Putusan majelis kode etik"),
            [
                Isian("temuan", tr("Temuan:"), "pilihan", list(rules.TEMUAN.items())),
                Isian("tanggal", tr("Tanggal putusan:"), "tanggal"),
                Isian(
                    "pasal",
                    tr("Butir dilanggar:"),
                    "pilihan",
                    [("", tr("(tidak ada)"))] + [(p.kode, f"{p.kode}: {p.isi}") for p in pasal],
                ),
                Isian(
                    "sanksi",
                    tr("Sanksi moral:"),
                    "pilihan",
                    [("", tr("(tidak ada)")), *rules.SANKSI_MORAL.items()],
                ),
                Isian("pertimbangan", tr("Pertimbangan:"), "panjang"),
                Isian("rekomendasi", tr("Rekomendasikan kasus disiplin:"), "centang"),
            ],
            act,
        )
