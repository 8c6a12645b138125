"""The Kinerja (SKP) page and the SKP form, driven as the people of an appraisal year would:
the operator plans, the appraiser approves the plan, the operator submits, a colleague gives
feedback, the appraiser rates and ditetapkan (locked), the employee lodges a keberatan, the
appraiser's superior decides it (final); the wrong person sees no button and is refused anyway;
a paper result is keyed in and a unit's capaian kinerja organisasi recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.models.pegawai import history
from app.models.rules.skp import BELUM, Pelaku
from app.models.skp import bulk, pengaturan, read, workflow, write
from app.models.skp.types import HasilKerjaData, HasilMassal, IndikatorData
from app.models.storage.db import Database
from app.ui.dialogs import skp_form as sf
from app.ui.pages.skp import PROGRESS_COLUMNS, SkpListModel, SkpPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY
from tests.helpers.skp import Org, People, build_org, build_people

PLAN = [HasilKerjaData("Arsip tertata", indikator=[IndikatorData("Berkas", "1.000 berkas")])]


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
    assert page.progress.item(page.progress.rowCount() - 1, 4).text() == "6"  # type: ignore[union-attr]

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
    assert visible(form) == {"simpan", "pdf", "tutup"}  # the plan waits for the penilai
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
    close(qtbot, page, form)

    # The appraiser approves the plan at the start of the year.
    form = open_form(qtbot, page, skp_id, people.penilai)
    assert visible(form) == {"simpan", "setujui", "pdf", "tutup"}
    qtbot.mouseClick(form.buttons["setujui"], Qt.MouseButton.LeftButton)
    assert "Rencana disetujui" in form.header.text()
    assert visible(form) == {"kembalikan", "pdf", "tutup"}
    close(qtbot, page, form)

    # The operator submits the realisation.
    form = open_form(qtbot, page, skp_id, people.operator)
    assert visible(form) == {"simpan", "ajukan", "pdf", "tutup"}
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
    close(qtbot, page, form)

    # No routine second approval: the appraiser's superior has nothing to do.
    form = open_form(qtbot, page, skp_id, people.atasan)
    assert visible(form) == {"pdf", "tutup"}
    close(qtbot, page, form)

    # The appraiser ditetapkan: locked, the keberatan window opens.
    form = open_form(qtbot, page, skp_id, people.penilai)
    assert visible(form) == {"nilai", "kembalikan", "tetapkan", "pdf", "tutup"}
    qtbot.mouseClick(form.buttons["tetapkan"], Qt.MouseButton.LeftButton)
    assert "Ditetapkan — terkunci; keberatan dapat diajukan sampai" in form.header.text()
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

    # The operator can no longer change anything, but may object on the employee's behalf.
    form = open_form(qtbot, page, skp_id, people.operator)
    assert visible(form) == {"keberatan", "pdf", "tutup"}
    assert not form.plan.item(0, sf.C_TARGET).flags() & Qt.ItemFlag.ItemIsEditable  # type: ignore[union-attr]
    close(qtbot, page, form)

    # The employee lodges a keberatan (refused without the reasons).
    form = open_form(qtbot, page, skp_id, people.pemilik)
    assert visible(form) == {"keberatan", "pdf", "tutup"}
    qtbot.mouseClick(form.buttons["keberatan"], Qt.MouseButton.LeftButton)
    box = error_box(qtbot, form)
    assert "alasan keberatan" in box.text()
    box.accept()
    qtbot.keyClicks(form.catatan, "Perilaku kolaboratif tidak dinilai")
    qtbot.mouseClick(form.buttons["keberatan"], Qt.MouseButton.LeftButton)
    assert "Status: Keberatan" in form.header.text()
    assert "Perilaku kolaboratif tidak dinilai" in form.keberatan_info.text()
    assert "Menunggu putusan" in form.keberatan_info.text()
    assert visible(form) == {"pdf", "tutup"}
    close(qtbot, page, form)
    assert page.data.total.keberatan == 1

    # Only the appraiser's superior decides it.
    for who in (people.penilai, people.admin, people.operator):
        form = open_form(qtbot, page, skp_id, who)
        assert "putus" not in visible(form)
        close(qtbot, page, form)
    form = open_form(qtbot, page, skp_id, people.atasan)
    assert visible(form) == {"putus", "pdf", "tutup"}
    form.tabs.setCurrentIndex(2)
    assert form.rating_hasil.isEnabled()
    form.rating_hasil.setCurrentIndex(form.rating_hasil.findData("ATAS"))
    form.rating_perilaku.setCurrentIndex(form.rating_perilaku.findData("SESUAI"))
    qtbot.keyClicks(form.catatan, "Perilaku sesuai ekspektasi, bukan di atas")
    form.grab().save(str(tmp_path / "form-keberatan.png"))
    qtbot.mouseClick(form.buttons["putus"], Qt.MouseButton.LeftButton)
    assert "Status: Final" in form.header.text()
    assert "penilaian diubah, predikat Baik" in form.keberatan_info.text()
    assert visible(form) == {"pdf", "tutup"}
    form.grab().save(str(tmp_path / "form-final.png"))
    with qtbot.waitSignal(form.pdf_written, timeout=20000):
        form.write_pdf(tmp_path / "evaluasi-final.pdf")
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "evaluasi-final.pdf").pages
    )
    assert "Keberatan pegawai (" in text and "Perilaku kolaboratif tidak dinilai" in text
    assert "Putusan atasan pejabat penilai" in text and "penilaian diubah, predikat Baik" in text
    close(qtbot, page, form)

    # Final: nobody changes it, not even the admin.
    form = open_form(qtbot, page, skp_id, people.admin)
    assert visible(form) == {"pdf", "tutup"}
    close(qtbot, page, form)
    assert [r.aksi for r in read.get_skp(db.conn, skp_id).riwayat] == [
        "setujui_rencana",
        "ajukan",
        "nilai",
        "tetapkan",
        "keberatan",
        "putus_keberatan",
    ]
    assert page.data.total.final == 1 and page.data.total.predikat["BAIK"] == 1


def test_the_model_refuses_even_when_the_screen_is_bypassed(
    qtbot: QtBot, db: Database, org: Org, people: People, runner: TaskRunner
) -> None:
    skp_id = bulk.create_skp(db, org.ani, TODAY.year, actor="sistem")
    write.update_rencana(db, skp_id, PLAN, actor="sistem")
    workflow.setujui_rencana(db, skp_id, actor="sistem")
    page = make_page(qtbot, db, runner, people.orang)
    form = open_form(qtbot, page, skp_id, people.orang)
    assert visible(form) == {"pdf", "tutup"}
    form.submit()  # as if the button were there
    box = error_box(qtbot, form)
    assert box.text().startswith("Akses ditolak: lain tidak berhak mengajukan SKP ini.")
    box.accept()
    assert read.skp_info(db.conn, skp_id).status == "disetujui"
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
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    box = page.bulk_box  # asks first, saying how many
    assert box is not None and "Buat 5 SKP tahun 2026" in box.text()
    yes = next(b for b in box.buttons() if b.text() == "Buat 5 SKP")
    with qtbot.waitSignal(page.created, timeout=20000) as blocker:
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
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


def test_history_rows_paper_results_and_the_curve_on_the_page(
    qtbot: QtBot, db: Database, org: Org, people: People, tmp_path: Path, runner: TaskRunner
) -> None:
    """The year's predikat known only from the history counts as ditetapkan (not 'belum ada
    SKP'); the operator keys in a paper result; the admin records the unit's capaian and the
    curve warns."""
    year = TODAY.year
    for pid in (org.ani, org.budi, org.kabid):
        history.add_history(db, pid, "skp", {"tahun": year, "predikat_kode": "BAIK"}, actor="x")
    page = make_page(qtbot, db, runner, people.operator)
    assert (page.data.total.belum, page.data.total.ditetapkan) == (3, 3)
    assert "ditetapkan 3 (3 dari riwayat SKP)" in page.message.text()
    assert not page.capaian.isVisibleTo(page)  # an operator of one unit does not set it
    page.tabs.setCurrentIndex(1)
    assert page.select_nip(nip_of(db, org.ani))
    status = page.model.index(page.table.currentIndex().row(), 5)
    assert page.model.data(status) == "Ditetapkan (riwayat)"
    assert not page.kertas_button.isEnabled() and not page.create_button.isEnabled()

    # A paper result for the Staf, appraised by the Kabid.
    assert page.select_nip(nip_of(db, org.staf))
    assert page.kertas_button.isEnabled()
    qtbot.mouseClick(page.kertas_button, Qt.MouseButton.LeftButton)
    dialog = page.kertas
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.hasil.setCurrentIndex(dialog.hasil.findData("BAWAH"))
    dialog.perilaku.setCurrentIndex(dialog.perilaku.findData("SESUAI"))
    assert dialog.hasil_predikat.text() == "Butuh Perbaikan"
    qtbot.keyClicks(dialog.penilai, nip_of(db, org.kabid))
    dialog.grab().save(str(tmp_path / "hasil-kertas.png"))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)  # fmt: skip
    assert page.data.total.ditetapkan == 4 and page.data.total.predikat["BUTUH_PERBAIKAN"] == 1
    info = read.skp_info(db.conn, read.skp_id_for(org.staf, year))
    assert (info.status, info.penilai_id) == ("ditetapkan", org.kabid)

    # The admin records the Dinas' capaian "Baik"; the curve warns (no block).
    admin = make_page(qtbot, db, runner, people.admin)
    assert admin.capaian.isVisibleTo(admin) and not admin.capaian_button.isEnabled()
    with qtbot.waitSignal(admin.loaded, timeout=10000):
        admin.unit.setCurrentIndex(admin.unit.findData(org.dinas))
    admin.capaian.setCurrentIndex(admin.capaian.findData("BAIK"))
    with qtbot.waitSignal(admin.loaded, timeout=10000):
        qtbot.mouseClick(admin.capaian_button, Qt.MouseButton.LeftButton)
    assert pengaturan.capaian_organisasi(db.conn, year) == {org.dinas: "BAIK"}
    assert admin.data.capaian == "BAIK"
    assert admin.chart.expected == [None, 70.0, None, None, None]
    assert "Capaian kinerja organisasi: Baik." in admin.chart_note.text()
    assert "Peringatan Dinas Arsip: Baik 75% (3 dari 4)" in admin.chart_note.text()
    admin.grab().save(str(tmp_path / "halaman-unit.png"))
    with qtbot.waitSignal(admin.loaded, timeout=10000):
        admin.unit.setCurrentIndex(0)
    dinas_row = next(
        i for i in range(admin.progress.rowCount())
        if admin.progress.item(i, 0).text() == "Dinas Arsip"  # type: ignore[union-attr]
    )  # fmt: skip
    assert admin.progress.item(dinas_row, 1).text() == "Baik"  # type: ignore[union-attr]
    warn = admin.progress.item(dinas_row, PROGRESS_COLUMNS.index("Peringatan"))
    assert warn is not None and warn.text() == "1" and "paling banyak 70%" in warn.toolTip()
    assert "Peringatan Dinas Arsip" in admin.chart_note.text()
    admin.grab().save(str(tmp_path / "halaman-skp.png"))
