"""The Kinerja (SKP) page and the SKP form, driven as the people of an appraisal year would:
the operator plans and submits, a colleague gives feedback, the appraiser rates, the superior
approves (locked), the admin reopens; the wrong person sees no button and is refused anyway."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.models.rules.skp import BELUM, Pelaku
from app.models.skp import bulk, read
from app.models.skp.types import HasilMassal
from app.models.storage.db import Database
from app.ui.dialogs import skp_form as sf
from app.ui.pages.skp import SkpListModel, SkpPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY
from tests.helpers.skp import Org, People, build_org, build_people


@pytest.fixture
def org(db: Database) -> Org:
    return build_org(db)


@pytest.fixture
def people(org: Org) -> People:
    return build_people(org)


def make_page(qtbot: QtBot, db: Database, runner: TaskRunner, actor: Pelaku) -> SkpPage:
    page = SkpPage(db, runner=runner, actor=actor, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: not page._loading, timeout=10000)
    return page


def reload(qtbot: QtBot, page: SkpPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()


def nip_of(db: Database, pegawai_id: str) -> str:
    return str(read.orang(db.conn, pegawai_id).nip)  # type: ignore[union-attr]


def type_cell(qtbot: QtBot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Double-click-like editing: open the cell's editor, type, press Enter."""
    item = table.item(row, col)
    assert item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable, (row, col)
    table.setCurrentCell(row, col)
    table.editItem(item)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editors, "no editor opened"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits by a queued call
    qtbot.waitUntil(lambda: table.item(row, col).text() == text)  # type: ignore[union-attr]


def visible(form: sf.SkpForm) -> set[str]:
    return {k for k, b in form.buttons.items() if b.isVisibleTo(form)}


def open_form(qtbot: QtBot, page: SkpPage, skp_id: str, actor: Pelaku) -> sf.SkpForm:
    form = page.open_skp(skp_id, actor=actor)
    qtbot.waitUntil(form.isVisible)
    return form


def close(qtbot: QtBot, page: SkpPage, form: sf.SkpForm) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(form.buttons["tutup"], Qt.MouseButton.LeftButton)


def error_box(qtbot: QtBot, parent: QWidget) -> QMessageBox:
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "pesanKesalahan") is not None)
    box = parent.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None
    return box


def perilaku_row(form: sf.SkpForm, kode: str) -> int:
    for row in range(form.perilaku.rowCount()):
        if form.perilaku.item(row, sf.P_NILAI).data(sf.ID_ROLE) == kode:  # type: ignore[union-attr]
            return row
    raise AssertionError(kode)


def test_an_appraisal_year_end_to_end_through_the_screens(
    qtbot: QtBot, db: Database, org: Org, people: People, tmp_path: Path, runner: TaskRunner
) -> None:
    page = make_page(qtbot, db, runner, people.operator)
    assert page.data.total.belum == 6
    assert page.progress.item(page.progress.rowCount() - 1, 2).text() == "6"  # type: ignore[union-attr]

    # The operator creates Ani's SKP from the list of those without a plan.
    page.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.status.setCurrentIndex(page.status.findData(BELUM))
    assert page.select_nip(nip_of(db, org.ani))
    assert page.create_button.isEnabled() and not page.open_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.status.setCurrentIndex(page.status.findData("draft"))
    assert page.select_nip(nip_of(db, org.ani))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    form = page.form
    assert form is not None
    qtbot.waitUntil(form.isVisible)
    skp_id = form.skp_id
    assert visible(form) == {"simpan", "ajukan", "pdf", "tutup"}
    assert "Kabid" in form.header.text() and "Draf" in form.header.text()

    # Plan: two indicators of one result, realisation with evidence, an expectation.
    qtbot.mouseClick(form.add_row_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, form.plan, 0, sf.C_HASIL, "Tertatanya arsip dinamis")
    type_cell(qtbot, form.plan, 0, sf.C_INDIKATOR, "Jumlah berkas ditata")
    type_cell(qtbot, form.plan, 0, sf.C_TARGET, "1.000 berkas")
    type_cell(qtbot, form.plan, 0, sf.C_REALISASI, "1.100 berkas")
    type_cell(qtbot, form.plan, 0, sf.C_BUKTI, "Berita acara")
    qtbot.mouseClick(form.add_row_button, Qt.MouseButton.LeftButton)  # under the same result
    assert form.plan.item(1, sf.C_HASIL).text() == "Tertatanya arsip dinamis"  # type: ignore[union-attr]
    type_cell(qtbot, form.plan, 1, sf.C_INDIKATOR, "Ketepatan waktu")
    type_cell(qtbot, form.plan, 1, sf.C_TARGET, "Desember")
    form.tabs.setCurrentIndex(1)
    type_cell(
        qtbot, form.perilaku, perilaku_row(form, "AKUNTABEL"), sf.P_EKSPEKTASI, "Lapor tepat waktu"
    )
    qtbot.mouseClick(form.buttons["simpan"], Qt.MouseButton.LeftButton)
    record = read.get_skp(db.conn, skp_id)
    assert [(h.uraian, len(h.indikator)) for h in record.hasil_kerja] == [
        ("Tertatanya arsip dinamis", 2)
    ]
    assert record.hasil_kerja[0].indikator[0].bukti == "Berita acara"

    # Peer feedback requested from Budi, then submitted.
    form.tabs.setCurrentIndex(2)
    qtbot.keyClicks(form.rekan_nip, nip_of(db, org.budi))
    qtbot.mouseClick(form.minta_button, Qt.MouseButton.LeftButton)
    assert form.rekan_list.count() == 1 and "belum mengisi" in form.rekan_list.item(0).text()
    qtbot.mouseClick(form.buttons["ajukan"], Qt.MouseButton.LeftButton)
    assert "Diajukan" in form.header.text()
    assert visible(form) == {"pdf", "tutup"}  # the operator's part is done
    close(qtbot, page, form)

    # Budi answers as a colleague.
    form = open_form(qtbot, page, skp_id, people.rekan)
    assert not form.perilaku.isColumnHidden(sf.P_SAYA)
    form.tabs.setCurrentIndex(1)
    type_cell(qtbot, form.perilaku, perilaku_row(form, "HARMONIS"), sf.P_SAYA, "Suka menolong")
    qtbot.mouseClick(form.buttons["simpan"], Qt.MouseButton.LeftButton)
    close(qtbot, page, form)

    # The appraiser reads the feedback, rates, gives feedback per value.
    form = open_form(qtbot, page, skp_id, people.penilai)
    assert visible(form) == {"nilai", "kembalikan", "pdf", "tutup"}
    assert form.perilaku.isColumnHidden(sf.P_SAYA)
    row = perilaku_row(form, "HARMONIS")
    assert form.perilaku.item(row, sf.P_REKAN).text() == "Budi: Suka menolong"  # type: ignore[union-attr]
    form.tabs.setCurrentIndex(1)
    type_cell(qtbot, form.perilaku, perilaku_row(form, "AKUNTABEL"), sf.P_UMPAN_BALIK, "Konsisten")
    form.tabs.setCurrentIndex(2)
    form.rating_hasil.setCurrentIndex(form.rating_hasil.findData("ATAS"))
    form.rating_perilaku.setCurrentIndex(form.rating_perilaku.findData("ATAS"))
    assert form.predikat_label.text() == "Sangat Baik"
    qtbot.mouseClick(form.buttons["nilai"], Qt.MouseButton.LeftButton)
    assert "Dinilai" in form.header.text()
    assert "tetapkan" not in visible(form)
    close(qtbot, page, form)

    # The appraiser's superior approves: locked.
    form = open_form(qtbot, page, skp_id, people.atasan)
    assert visible(form) == {"kembalikan", "tetapkan", "pdf", "tutup"}
    qtbot.mouseClick(form.buttons["tetapkan"], Qt.MouseButton.LeftButton)
    assert "Ditetapkan — terkunci" in form.header.text()
    assert visible(form) == {"pdf", "tutup"}
    with qtbot.waitSignal(form.pdf_written, timeout=20000):
        form.write_pdf(tmp_path / "evaluasi.pdf")
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "evaluasi.pdf").pages
    )
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in text
    assert "Tertatanya arsip dinamis" in text and "Konsisten" in text
    assert "SANGAT BAIK" in text
    close(qtbot, page, form)
    assert page.data.total.ditetapkan == 1
    assert page.data.total.predikat["SANGAT_BAIK"] == 1
    assert page.chart.counts == [1, 0, 0, 0, 0]

    # The operator can no longer change anything.
    form = open_form(qtbot, page, skp_id, people.operator)
    assert visible(form) == {"pdf", "tutup"}
    assert not form.plan.item(0, sf.C_TARGET).flags() & Qt.ItemFlag.ItemIsEditable  # type: ignore[union-attr]
    close(qtbot, page, form)

    # The admin reopens, with the reason (refused without one).
    form = open_form(qtbot, page, skp_id, people.admin)
    assert visible(form) >= {"buka"}
    qtbot.mouseClick(form.buttons["buka"], Qt.MouseButton.LeftButton)
    box = error_box(qtbot, form)
    assert "alasan" in box.text()
    box.accept()
    qtbot.keyClicks(form.catatan, "Keberatan pegawai dikabulkan")
    qtbot.mouseClick(form.buttons["buka"], Qt.MouseButton.LeftButton)
    assert "Dinilai" in form.header.text() and "terkunci" not in form.header.text()
    assert [r.aksi for r in read.get_skp(db.conn, skp_id).riwayat] == [
        "ajukan",
        "nilai",
        "tetapkan",
        "buka_kembali",
    ]
    close(qtbot, page, form)


def test_the_model_refuses_even_when_the_screen_is_bypassed(
    qtbot: QtBot, db: Database, org: Org, people: People, runner: TaskRunner
) -> None:
    skp_id = bulk.create_skp(db, org.ani, TODAY.year, actor="sistem")
    page = make_page(qtbot, db, runner, people.orang)
    form = open_form(qtbot, page, skp_id, people.orang)
    assert visible(form) == {"pdf", "tutup"}
    form.submit()  # as if the button were there
    box = error_box(qtbot, form)
    assert box.text().startswith("Akses ditolak: lain tidak berhak mengajukan SKP ini.")
    box.accept()
    assert read.skp_info(db.conn, skp_id).status == "draft"
    close(qtbot, page, form)


def test_bulk_creation_and_rekap_from_the_page(
    qtbot: QtBot,
    db: Database,
    org: Org,
    people: People,
    tmp_path: Path,
    qtmodeltester: object,
    runner: TaskRunner,
) -> None:
    page = make_page(qtbot, db, runner, people.admin)
    page.unit.setCurrentIndex(page.unit.findData(org.dinas))
    qtbot.waitUntil(lambda: not page._loading, timeout=10000)
    with qtbot.waitSignal(page.created, timeout=20000) as blocker:
        qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == HasilMassal(dibuat=5, dilanjutkan=0, sudah_ada=0)
    qtbot.waitUntil(lambda: not page._loading and page.data.total.draft == 5, timeout=10000)
    assert {b.unit for b in page.data.baris} == {"Dinas Arsip", "Bidang Layanan", "Seksi Data"}
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert isinstance(page.model, SkpListModel) and len(page.model.rows) == 5
    target = tmp_path / "rekap-skp.xlsx"
    with qtbot.waitSignal(page.written, timeout=20000):
        page.write_rekap(target)
    wb = load_workbook(target)
    assert wb.sheetnames == ["Rekap SKP", "Kemajuan dan Distribusi"]
    texts = [str(c.value) for row in wb["Rekap SKP"].iter_rows() for c in row if c.value]
    assert any("REKAP SKP TAHUN 2026" in t for t in texts)
    assert "Ani" in texts and texts.count("Draf") == 5
