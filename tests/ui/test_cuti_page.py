"""The Cuti page driven as a clerk would: key in a holiday, request a cuti tahunan in the form,
see the working days and the balance, have it recommended, change its dates, refuse another
with a reason, and see a refused request explained."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.cuti import permohonan as cuti
from app.models.cuti import surat
from app.models.dokumen import templat
from app.ui.pages.cuti import AjukanDialog, CutiPage, KeputusanDialog
from app.ui.tasks import TaskRunner
from tests.helpers.cuti import Kantor, kantor
from tests.helpers.dokumen import SIGNERS

TODAY = date(2026, 1, 5)


def click_ok(qtbot: QtBot, dialog: AjukanDialog | KeputusanDialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )


def _page(qtbot: QtBot, k: Kantor, runner: TaskRunner) -> CutiPage:
    page = CutiPage(k.db, runner=runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    # the list is read off the UI thread: the page is up before it, saying so
    assert page.loading and page.memuat.isVisible() and not page.table.isEnabled()
    loaded(qtbot, page)
    return page


def loaded(qtbot: QtBot, page: CutiPage) -> None:
    """The list is read in the background: wait until the table is filled."""
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert not page.memuat.isVisible() and page.table.isEnabled()


def _nip(k: Kantor, pid: str) -> str:
    return str(k.db.conn.execute("SELECT nip FROM pegawai WHERE id = ?", (pid,)).fetchone()[0])


def test_request_recommend_change_dates_refuse(
    qtbot: QtBot, tmp_path: Path, make_runner: object
) -> None:
    k = kantor(tmp_path / "cuti.sqlite3")
    page = _page(qtbot, k, make_runner(k.db))  # type: ignore[operator]

    # Calendar tab: key in a holiday on Wednesday 4 March 2026.
    page.tabs.setCurrentIndex(1)
    page.kal_tanggal.setDate(QDate(2026, 3, 4))
    page.kal_jenis.setCurrentIndex(page.kal_jenis.findData("LIBUR"))
    qtbot.keyClicks(page.kal_keterangan, "Libur daerah")
    qtbot.mouseClick(page.tambah_button, Qt.MouseButton.LeftButton)
    assert "Libur daerah" in {
        page.kal_table.item(r, 2).text() for r in range(page.kal_table.rowCount())
    }
    assert "hari kerja" in page.kal_info.text()

    # Request Monday 2 to Friday 6 March: 4 working days (the 4th is a holiday now).
    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(page.ajukan_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AjukanDialog)
    qtbot.keyClicks(dialog.nip, _nip(k, k.ani))
    dialog.jenis.setCurrentIndex(dialog.jenis.findData("TAHUNAN"))
    dialog.mulai.setDate(QDate(2026, 3, 2))
    dialog.selesai.setDate(QDate(2026, 3, 6))
    qtbot.keyClicks(dialog.alasan, "Menghadiri pernikahan adik")
    qtbot.keyClicks(dialog.alamat, "Jl. Kenanga 5, Bandung")
    click_ok(qtbot, dialog)
    loaded(qtbot, page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 6).text() == "4 hari kerja"
    assert page.table.item(0, 7).text() == "Diajukan"
    assert "sisa 24 hari kerja" in page.saldo.text()  # requested, not yet approved

    # The superior recommends; the official moves it to 9-11 March.
    qtbot.mouseClick(page.rekomendasi_button, Qt.MouseButton.LeftButton)
    loaded(qtbot, page)
    assert page.table.item(0, 8).text() == "Setuju"
    qtbot.mouseClick(page.ubah_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, KeputusanDialog) and dialog.mulai and dialog.selesai
    dialog.mulai.setDate(QDate(2026, 3, 9))
    dialog.selesai.setDate(QDate(2026, 3, 11))
    qtbot.keyClicks(dialog.alasan, "Rapat anggaran")
    click_ok(qtbot, dialog)
    loaded(qtbot, page)
    assert page.table.item(0, 7).text() == "Disetujui"
    assert page.table.item(0, 6).text() == "3 hari kerja"
    assert "dipakai 3, sisa 21 hari kerja" in page.saldo.text()

    # The surat izin cuti of the approved leave, issued in the background (signatory filled).
    surat.seed_template(k.db)
    t = templat.get_template(k.db.conn, surat.KODE_TEMPLAT)
    templat.save_template(k.db, replace(t, **SIGNERS), actor="admin")
    assert page.surat_button.isEnabled()
    with qtbot.waitSignal(page.issued, timeout=20000) as blocker:
        page.issue_surat(tmp_path / "surat")
    hasil = blocker.args[0]
    assert hasil.berkas[0].path.exists(), hasil
    assert "Surat izin cuti terbit" in page.info.text()
    assert not page.surat_button.isEnabled()  # issued once
    with qtbot.waitSignal(page.issued, timeout=20000) as blocker:
        page.write_formulir(tmp_path / "formulir.pdf")
    assert (tmp_path / "formulir.pdf").exists() and "Formulir cuti disimpan" in page.info.text()
    with qtbot.waitSignal(page.issued, timeout=20000) as blocker:
        page.write_rekap(tmp_path / "rekap.xlsx")
    assert (tmp_path / "rekap.xlsx").exists()
    page.grab().save(str(tmp_path / "cuti.png"))

    # A request on the same days is refused with the reason in a dialog.
    qtbot.mouseClick(page.ajukan_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AjukanDialog)
    qtbot.keyClicks(dialog.nip, _nip(k, k.ani))
    dialog.mulai.setDate(QDate(2026, 3, 10))
    dialog.selesai.setDate(QDate(2026, 3, 10))
    qtbot.keyClicks(dialog.alasan, "Urusan keluarga")
    click_ok(qtbot, dialog)
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "Bertumpang tindih" in box.text()
    box.close()

    # Another request, refused by the official with a reason.
    cid = cuti.ajukan(
        k.db,
        k.dedi,
        cuti.Permohonan("TAHUNAN", date(2026, 4, 6), date(2026, 4, 7), "Liburan"),
        actor="sistem",
        today=TODAY,
    )
    page.refresh()
    loaded(qtbot, page)
    row = next(r for r, c in enumerate(page.items) if c.id == cid)
    page.select_row(row)
    qtbot.mouseClick(page.tolak_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, KeputusanDialog)
    qtbot.keyClicks(dialog.alasan, "Audit BPK")
    click_ok(qtbot, dialog)
    assert cuti.get_cuti(k.db.conn, cid).status == "DITOLAK"
    k.db.close()


def test_employee_detail_shows_the_balance_and_the_history(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel, QTableWidget

    from app.ui.dialogs.employee_detail import EmployeeDetailDialog

    k = kantor(tmp_path / "cuti.sqlite3")
    cid = cuti.ajukan(
        k.db,
        k.ani,
        cuti.Permohonan("TAHUNAN", date(2026, 3, 2), date(2026, 3, 4), "Keluarga"),
        actor="sistem",
        today=TODAY,
    )
    cuti.putuskan(k.db, cid, "SETUJU", actor="sistem", today=TODAY)
    dialog = EmployeeDetailDialog(k.db, k.ani, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "Cuti (1)"
    label = dialog.findChild(QLabel, "saldoCutiPegawai")
    assert label is not None and "dipakai 3, sisa 21 hari kerja" in label.text()
    table = dialog.findChild(QTableWidget, "riwayat_cuti")
    assert table is not None and table.item(0, 4).text() == "Disetujui"
    k.db.close()


def test_beranda_lists_who_is_on_leave_and_what_waits(
    qtbot: QtBot, tmp_path: Path, make_runner: object
) -> None:
    from app.models.rekap.beranda import beranda_json, read_beranda
    from app.ui.pages.beranda import BerandaPage

    k = kantor(tmp_path / "cuti.sqlite3")
    hari_ini = date(2026, 3, 4)  # a Wednesday
    for pid, mulai, selesai, setuju in (
        (k.ani, date(2026, 3, 2), date(2026, 3, 4), True),  # on leave today
        (k.dedi, date(2026, 3, 6), date(2026, 3, 6), True),  # later this week
        (k.citra, date(2026, 3, 16), date(2026, 3, 17), False),  # waiting for a decision
    ):
        cid = cuti.ajukan(
            k.db, pid, cuti.Permohonan("TAHUNAN", mulai, selesai, "Keluarga"), actor="sistem"
        )
        if setuju:
            cuti.putuskan(k.db, cid, "SETUJU", actor="sistem")
    data = beranda_json(read_beranda(k.db, "sistem", today=hari_ini))["cuti"]
    assert [o["nama"] for o in data["hari_ini"]] == ["Ani Lestari"]
    assert [o["nama"] for o in data["minggu_ini"]] == ["Dedi Kurnia"]
    assert [o["nama"] for o in data["menunggu_keputusan"]] == ["Citra Dewi"]
    assert data["hari_ini"][0]["uraian"] == "Cuti tahunan · 3 hari kerja · s.d. 4 Maret 2026"

    page = BerandaPage(k.db, runner=make_runner(k.db), today=hari_ini)  # type: ignore[operator]
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and not page.progress.isVisible(), timeout=20000)
    assert page.cuti.isVisible()
    assert "1 sedang cuti hari ini, 1 lagi minggu ini, 1 permohonan menunggu" in (
        page.cuti.summary.text()
    )
    assert page.cuti.list.topLevelItemCount() == 3
    k.db.close()
