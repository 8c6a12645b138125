"""The Impor data page, driven as a clerk would: a messy SIASN export, a clean one that is
applied, an office sheet that needs its columns mapped (and a preset), and cancelling."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.pegawai import read as emp
from app.models.storage.db import Database
from app.ui.main_window import MainWindow
from app.ui.pages.impor import page as impor_page
from app.ui.pages.impor.page import STEP_DONE, STEP_FILE, STEP_MAPPING, STEP_PREVIEW, ImportPage
from app.ui.tasks import TaskRunner

TIMEOUT = 30000

SIASN = [
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG",
    "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA NAMA", "NIK",
    "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS", "TMT CPNS", "TMT PNS",
    "GOL AWAL NAMA", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN", "MK BULAN",
    "JENIS JABATAN NAMA", "JABATAN NAMA", "TMT JABATAN", "TINGKAT PENDIDIKAN NAMA",
    "PENDIDIKAN NAMA", "TAHUN LULUS", "UNOR NAMA", "UNOR INDUK NAMA", "ESELON NAMA",
]  # fmt: skip


def serial(d: date) -> int:
    """An Excel serial date number, as SIASN exports often carry in unformatted cells."""
    return (d - date(1899, 12, 30)).days


def siasn_row(nip: str, nama: str, lahir: date, cpns: date, **override: Any) -> list[Any]:
    pns = date(cpns.year + 1, cpns.month, 1)
    row: dict[str, Any] = {
        "PNS ID": "A8ACA7" + nip[-6:],
        "NIP BARU": "'" + nip,  # the apostrophe SIASN puts before long numbers
        "NAMA": nama,
        "GELAR BELAKANG": "S.Kom.",
        "TEMPAT LAHIR NAMA": "Kupang",
        "TANGGAL LAHIR": serial(lahir),
        "JENIS KELAMIN": "Laki-laki" if nip[14] == "1" else "Perempuan",
        "AGAMA NAMA": "Katholik",
        "JENIS PEGAWAI NAMA": "PNS Daerah Kab/Kota",
        "KEDUDUKAN HUKUM NAMA": "Aktif",
        "STATUS CPNS PNS": "P",
        "TMT CPNS": serial(cpns),
        "TMT PNS": serial(pns),
        "GOL AWAL NAMA": "III/a",
        "GOL AKHIR NAMA": "Penata Muda (III/a)",
        "TMT GOLONGAN": serial(pns),
        "MK TAHUN": 0,
        "MK BULAN": 0,
        "JENIS JABATAN NAMA": "Jabatan Fungsional Tertentu",
        "JABATAN NAMA": "Analis Kepegawaian Ahli Pertama",
        "TMT JABATAN": serial(date(cpns.year + 2, 1, 1)),
        "TINGKAT PENDIDIKAN NAMA": "S-1/Sarjana",
        "PENDIDIKAN NAMA": "S-1 Teknik Informatika",
        "TAHUN LULUS": lahir.year + 23,
        "UNOR NAMA": "Subbagian Umum dan Kepegawaian",
        "UNOR INDUK NAMA": "Dinas Kesehatan",
    }
    row.update(override)
    return [row.get(h) for h in SIASN]


NEW_PEOPLE = [
    ("198501152010011001", "Yohanes Bria", date(1985, 1, 15), date(2010, 1, 1)),
    ("199003202015032002", "Maria Goreti Seran", date(1990, 3, 20), date(2015, 3, 1)),
    ("198812012014021003", "Petrus Lelo Ndun", date(1988, 12, 1), date(2014, 2, 1)),
]


def write_siasn(path: Path, rows: list[list[Any]]) -> Path:
    """A SIASN export as offices receive it: a title, the header on row 3, empty rows after."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data PNS"
    ws.append(["DAFTAR PEGAWAI NEGERI SIPIL - EKSPOR SIASN"])
    ws.append([])
    ws.append(SIASN)
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append([])
    wb.save(path)
    return path


def clean_siasn(path: Path) -> Path:
    return write_siasn(path, [siasn_row(*p) for p in NEW_PEOPLE])


def messy_siasn(path: Path) -> Path:
    rows = [siasn_row(*p) for p in NEW_PEOPLE]
    rows.append(  # file row 7: a date that does not exist
        siasn_row(
            "197001011995031001",
            "Salah Tanggal",
            date(1970, 1, 1),
            date(1995, 3, 1),
            **{"TANGGAL LAHIR": "31-02-1970"},
        )
    )
    rows.append(  # file row 8: a NIP of 17 digits
        siasn_row("19800101200501100", "NIP Pendek", date(1980, 1, 1), date(2005, 1, 1))
    )
    return write_siasn(path, rows)


def page_for(qtbot: QtBot, db: Database, runner: TaskRunner) -> ImportPage:
    page = ImportPage(db, actor="operator1", runner=runner)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def load(qtbot: QtBot, page: ImportPage, path: Path) -> Any:
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT) as blocker:
        page.load_file(path)
        assert page.busy and page.progress.isVisible()  # read in the background
    return blocker.args[0]


def go_to_preview(qtbot: QtBot, page: ImportPage) -> Any:
    assert page.next_button.isEnabled()
    with qtbot.waitSignal(page.planned, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.step == STEP_PREVIEW
    return blocker.args[0]


def counts_shown(page: ImportPage) -> dict[str, str]:
    return {key: label.text() for key, label in page.preview_step.count_labels.items()}


def database_state(db: Database) -> tuple[int, int, int]:
    conn = db.conn
    return (
        conn.execute("SELECT count(*) FROM pegawai").fetchone()[0],
        conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0],
        conn.execute("SELECT count(*) FROM riwayat_pangkat").fetchone()[0],
    )


def answer_file_dialog(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> None:
    def fake(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, name, staticmethod(fake))


# -- a messy SIASN export: preview, problems, report -------------------------------------------


def test_messy_siasn_export_preview_names_row_column_and_reason(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    before = database_state(demo_db)
    page = page_for(qtbot, demo_db, demo_runner)
    path = messy_siasn(tmp_path / "ekspor siasn.xlsx")
    answer_file_dialog(monkeypatch, "getOpenFileName", path)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    source = blocker.args[0]
    assert source.header_row == 3 and source.row_numbers[0] == 4

    # Mapping step: recognised as SIASN, everything mapped, dates shown as dates.
    assert page.step == STEP_MAPPING
    assert page.mapping_step.format_label.text() == "Ekspor SIASN dikenali"
    assert "judul kolom di baris 3, 5 baris data" in page.mapping_step.source_label.text()
    mapping = page.mapping_step.mapping()
    assert mapping[SIASN.index("NIP BARU")] == "nip"
    assert mapping[SIASN.index("PNS ID")] is None
    assert page.mapping_step.missing_required() == []
    lahir = page.mapping_step.mapping_table.item(SIASN.index("TANGGAL LAHIR"), 1).text()
    assert lahir == f"{serial(date(1985, 1, 15))}  →  15 Januari 1985"

    plan = go_to_preview(qtbot, page)
    assert counts_shown(page) == {
        "baru": "3",
        "berubah": "0",
        "sama": "0",
        "ditolak": "2",
        "dilewati": "0",
    }
    assert plan.counts["ditolak"] == 2
    # The row table shows every row; the filter keeps only those with problems.
    assert page.preview_step.rows_model.rowCount() == 5
    statuses = {
        page.preview_step.rows_model.index(r, 0).data(): page.preview_step.rows_model.index(
            r, 3
        ).data()
        for r in range(page.preview_step.rows_model.rowCount())
    }
    assert statuses == {"4": "Baru", "5": "Baru", "6": "Baru", "7": "Ditolak", "8": "Ditolak"}
    page.preview_step.only_problems.click()
    shown = {
        page.preview_step.rows_model.index(r, 0).data()
        for r in range(page.preview_step.rows_model.rowCount())
    }
    assert {"7", "8"} <= shown
    page.preview_step.only_problems.click()
    assert page.preview_step.rows_model.rowCount() == 5
    # The issue list names row, column, value and reason.
    issues = [
        [page.preview_step.issues_model.index(r, c).data() for c in range(5)]
        for r in range(page.preview_step.issues_model.rowCount())
    ]
    assert issues[0][:2] == ["7", "Kesalahan"]  # errors first
    date_issue = next(i for i in issues if i[0] == "7" and i[2] == "TANGGAL LAHIR")
    assert date_issue[3] == "31-02-1970" and "bukan tanggal yang ada" in date_issue[4]
    nip_issue = next(i for i in issues if i[0] == "8" and i[2] == "NIP BARU")
    assert "18 angka" in nip_issue[4]
    assert page.preview_step.issues_title.text().startswith("Masalah: 2 kesalahan")

    # Rejected rows: Terapkan is disabled and says why.
    assert not page.apply_button.isEnabled()
    assert "2 baris ditolak" in page.preview_step.apply_reason.text()
    assert page.preview_step.apply_reason.isVisible()

    # Save the report and read it back.
    report = tmp_path / "laporan impor.xlsx"
    answer_file_dialog(monkeypatch, "getSaveFileName", report.with_suffix(""))
    with qtbot.waitSignal(page.reportSaved, timeout=TIMEOUT):
        qtbot.mouseClick(page.preview_step.report_button, Qt.MouseButton.LeftButton)
    assert report.exists()
    wb = openpyxl.load_workbook(report)
    cells = [
        [str(c) if c is not None else "" for c in row]
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
    ]
    flat = [" | ".join(row) for row in cells]
    assert any("31-02-1970" in line and "TANGGAL LAHIR" in line and "7" in line for line in flat)
    assert any("19800101200501100" in line and "18 angka" in line for line in flat)
    assert "laporan impor.xlsx" in page.message.text()

    assert database_state(demo_db) == before  # a preview writes nothing
    page.runner.wait()


# -- a clean SIASN export, applied from the main window ------------------------------------------


def test_clean_export_applied_shows_in_the_employee_list(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    window = MainWindow(demo_db, actor="operator1")
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:3] == ["Beranda", "Pegawai", "Impor data"]
    window.nav.setCurrentRow(2)
    page = window.importer
    assert window.pages.currentWidget() is page
    employees_before = window.employees.model.rowCount()

    path = clean_siasn(tmp_path / "siasn.xlsx")
    load(qtbot, page, path)
    go_to_preview(qtbot, page)
    assert counts_shown(page)["baru"] == "3" and counts_shown(page)["ditolak"] == "0"
    assert page.apply_button.isEnabled() and page.preview_step.apply_reason.text() == ""

    # Skipping existing NIPs re-plans (nothing exists yet, so the counts stay).
    with qtbot.waitSignal(page.planned, timeout=TIMEOUT) as blocker:
        page.preview_step.skip_choice.click()
    assert blocker.args[0].on_existing == "skip"
    with qtbot.waitSignal(page.planned, timeout=TIMEOUT):
        page.preview_step.update_choice.click()

    with qtbot.waitSignal(page.applied, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert result["baru"] == 3
    assert page.step == STEP_DONE
    done_text = page.done_label.text()
    assert "Impor selesai" in done_text and "Pegawai baru ditambahkan" in done_text
    assert "<b>3</b>" in done_text

    # The employee list refreshed by itself.
    assert window.employees.model.rowCount() == employees_before + 3
    listed = {
        window.employees.model.row_data(i)["nip"] for i in range(window.employees.model.rowCount())
    }
    assert {p[0] for p in NEW_PEOPLE} <= listed
    found = emp.list_employees(demo_db.conn, emp.EmployeeFilter(search="Yohanes Bria"))
    assert [r["nip"] for r in found] == ["198501152010011001"]
    assert found[0]["golongan"] == "III/a" and found[0]["tanggal_lahir"] == "1985-01-15"
    audit = demo_db.conn.execute(
        "SELECT aktor FROM lokal_audit WHERE aksi = 'Impor data pegawai'"
    ).fetchall()
    assert [a[0] for a in audit] == ["operator1"]

    # The same file again: everything is "sama" and there is nothing to apply.
    qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    assert page.step == STEP_FILE
    load(qtbot, page, path)
    go_to_preview(qtbot, page)
    assert counts_shown(page)["sama"] == "3" and counts_shown(page)["baru"] == "0"
    assert not page.apply_button.isEnabled()
    assert "Tidak ada yang perlu diterapkan" in page.preview_step.apply_reason.text()
    window.runner.wait()
    window.close()


def test_existing_nip_update_or_skip(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    someone = emp.list_employees(demo_db.conn, emp.EmployeeFilter(), limit=1)[0]
    record = emp.get_employee(demo_db.conn, someone["id"])
    path = tmp_path / "kantor.csv"
    path.write_text(
        f"NIP;Nama;Alamat\n{record.data['nip']};{record.data['nama']};Jl. Eltari No. 9, Kupang\n",
        encoding="utf-8",
    )
    page = page_for(qtbot, demo_db, demo_runner)
    load(qtbot, page, path)
    assert page.mapping_step.format_label.text() == "Pemetaan kolom"
    go_to_preview(qtbot, page)
    assert counts_shown(page)["berubah"] == "1"
    assert page.preview_step.rows_model.index(0, 4).data().startswith("Berubah: Alamat")
    with qtbot.waitSignal(page.planned, timeout=TIMEOUT):
        qtbot.mouseClick(
            page.preview_step.skip_choice,
            Qt.MouseButton.LeftButton,
            pos=QPoint(8, page.preview_step.skip_choice.height() // 2),
        )
    assert counts_shown(page)["dilewati"] == "1" and counts_shown(page)["berubah"] == "0"
    assert not page.apply_button.isEnabled()
    with qtbot.waitSignal(page.planned, timeout=TIMEOUT):
        page.preview_step.update_choice.click()
    with qtbot.waitSignal(page.applied, timeout=TIMEOUT):
        qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert emp.get_employee(demo_db.conn, someone["id"]).data["alamat"] == (
        "Jl. Eltari No. 9, Kupang"
    )
    page.runner.wait()


# -- an office sheet: mapping, presets -----------------------------------------------------------


def write_office_sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(["REKAP PEGAWAI DINAS KESEHATAN"])
    ws.append(["No.", "Nomor Pegawai", "Nama Pegawai", "Tgl. Lhr", "Gol/Ruang", "Ket."])
    ws.append([1, "198501152010011001", "Yohanes Bria, S.Kom.", "15-01-1985", "III/a", "baru"])
    ws.append([2, "199003202015032002", "Maria Goreti Seran", "20/03/1990", "3a", ""])
    wb.save(path)
    return path


def test_office_sheet_mapping_and_preset(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    path = write_office_sheet(tmp_path / "rekap kantor.xlsx")
    page = page_for(qtbot, demo_db, demo_runner)
    load(qtbot, page, path)
    assert page.mapping_step.format_label.text() == "Pemetaan kolom"
    headers = [
        page.mapping_step.mapping_table.item(r, 0).text()
        for r in range(page.mapping_step.mapping_table.rowCount())
    ]
    assert headers == ["No.", "Nomor Pegawai", "Nama Pegawai", "Tgl. Lhr", "Gol/Ruang", "Ket."]
    mapping = page.mapping_step.mapping()
    assert mapping[2] == "nama" and mapping[3] == "tanggal_lahir" and mapping[4] == "golongan"
    # "Nomor Pegawai" is not recognised: the NIP is missing and blocks Lanjut, by name.
    assert mapping[1] is None
    assert page.mapping_step.missing_required() == ["NIP / NI PPPK"]
    assert not page.next_button.isEnabled()
    assert "Kolom wajib belum dipetakan: NIP / NI PPPK" in page.mapping_step.required_label.text()
    page.go_next()  # even if forced, nothing happens without the NIP
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and "NIP / NI PPPK" in box.text()
    box.accept()
    assert page.step == STEP_MAPPING

    # The clerk picks the field in the combo of that column.
    combo = page.mapping_step.combos[1]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("nip"))
    assert page.next_button.isEnabled() and page.mapping_step.missing_required() == []
    assert "✔ NIP / NI PPPK" in page.mapping_step.required_label.text()
    # Two columns for one field are flagged.
    page.mapping_step.set_mapping(5, "nama")
    assert page.mapping_step.duplicated_fields() == {"nama"}
    page.mapping_step.set_mapping(5, None)

    # Save the mapping as a preset (the name dialog is answered like a clerk would).
    qtbot.mouseClick(page.mapping_step.save_preset_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(QInputDialog, "dialogNamaPreset")
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("Rekap Dinas Kesehatan")
    dialog.accept()
    assert page.mapping_step.preset_combo.currentText() == "Rekap Dinas Kesehatan"
    expected = page.mapping_step.mapping()

    # Reloading the file with that preset chosen maps the same.
    page.go_back()
    load(qtbot, page, path)
    assert page.mapping_step.mapping() == expected

    # A fresh page: the guess misses the NIP again until the preset is chosen.
    other = page_for(qtbot, demo_db, demo_runner)
    load(qtbot, other, path)
    assert other.mapping_step.mapping()[1] is None
    other.mapping_step.choose_preset("Rekap Dinas Kesehatan")
    assert other.mapping_step.mapping() == expected

    plan = go_to_preview(qtbot, page)
    assert plan.counts["baru"] == 2 and plan.ok
    page.runner.wait()
    other.runner.wait()


def test_workbook_with_several_sheets_lets_the_clerk_pick_one(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    path = write_office_sheet(tmp_path / "dua lembar.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("SIASN")
    ws.append(SIASN)
    ws.append(siasn_row(*NEW_PEOPLE[0]))
    wb.save(path)
    page = page_for(qtbot, demo_db, demo_runner)
    source = load(qtbot, page, path)
    assert source.sheet == "Rekap" and page.mapping_step.format_label.text() == "Pemetaan kolom"
    assert page.mapping_step.sheet_combo.isVisible()
    assert [
        page.mapping_step.sheet_combo.itemText(i)
        for i in range(page.mapping_step.sheet_combo.count())
    ] == [
        "Rekap",
        "SIASN",
    ]
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT) as blocker:
        page.mapping_step.sheet_combo.setCurrentIndex(1)
        page.mapping_step.sheet_combo.activated.emit(1)
    assert blocker.args[0].sheet == "SIASN"
    assert page.mapping_step.format_label.text() == "Ekspor SIASN dikenali"
    page.runner.wait()


def test_dropping_a_file_on_the_page_loads_it(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    path = clean_siasn(tmp_path / "tarik.xlsx")
    page = page_for(qtbot, demo_db, demo_runner)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    wrong = QMimeData()
    wrong.setUrls([QUrl.fromLocalFile(str(tmp_path / "foto.jpg"))])
    refused = QDragEnterEvent(
        QPoint(50, 50), actions, wrong, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.dragEnterEvent(refused)
    assert not refused.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.dropEvent(drop)
    assert page.step == STEP_MAPPING and page.file_label.text() == str(path)
    page.runner.wait()


def test_unreadable_file_is_explained(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_bytes(b"ini bukan lembar kerja sama sekali")
    page = page_for(qtbot, demo_db, demo_runner)
    with qtbot.waitSignal(page.taskFailed, timeout=TIMEOUT):
        page.load_file(path)
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None and box.text()
    assert page.step == STEP_FILE and not page.busy
    box.accept()
    page.runner.wait()


# -- cancelling ----------------------------------------------------------------------------------


def gate_progress(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> tuple[threading.Event, threading.Event]:
    """Wrap the engine function ``name`` so that its first progress report waits for the test
    (which presses Batal meanwhile): the cancel then lands while the real work is running."""
    reached, release = threading.Event(), threading.Event()
    real: Callable[..., Any] = getattr(impor_page, name)

    def gated(*args: Any, progress: Callable[[int, int], None], **kwargs: Any) -> Any:
        def report(done: int, total: int) -> None:
            progress(done, total)
            reached.set()
            release.wait(10)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(impor_page, name, gated)
    return reached, release


def test_cancel_while_reading_leaves_everything_as_it_was(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    before = database_state(demo_db)
    path = tmp_path / "besar.csv"  # long enough for the reader to look at the cancel again
    lines = [f"19850115201001{i % 2 + 1}{i:03d};Pegawai {i}" for i in range(12000)]
    path.write_text("NIP;Nama\n" + "\n".join(lines) + "\n", encoding="utf-8")
    page = page_for(qtbot, demo_db, demo_runner)
    reached, release = gate_progress(monkeypatch, "read_source")
    with qtbot.waitSignal(page.taskFailed, timeout=TIMEOUT) as blocker:
        page.load_file(path)
        assert reached.wait(10)
        assert page.cancel_button.isVisible()
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert str(blocker.args[0]).startswith("Pembacaan berkas dibatalkan")
    assert page.step == STEP_FILE and page.source is None and not page.busy
    assert "dibatalkan" in page.message.text()
    assert page.findChild(QMessageBox, "pesanKesalahan") is None  # a cancel is no error
    assert database_state(demo_db) == before
    page.runner.wait()


def test_cancel_while_planning_leaves_everything_as_it_was(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    before = database_state(demo_db)
    path = clean_siasn(tmp_path / "siasn.xlsx")
    page = page_for(qtbot, demo_db, demo_runner)
    load(qtbot, page, path)
    reached, release = gate_progress(monkeypatch, "plan_import")
    with qtbot.waitSignal(page.taskFailed, timeout=TIMEOUT):
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert reached.wait(10)
        assert not page.next_button.isEnabled() and not page.back_button.isEnabled()
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert page.step == STEP_MAPPING and page.plan is None and not page.busy
    assert "dibatalkan" in page.message.text()
    assert page.next_button.isEnabled()
    assert database_state(demo_db) == before
    # The clerk tries again and gets the preview.
    monkeypatch.undo()
    go_to_preview(qtbot, page)
    assert database_state(demo_db) == before
    page.runner.wait()


def test_cancel_while_re_planning_keeps_the_preview_and_its_choice(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    page = page_for(qtbot, demo_db, demo_runner)
    load(qtbot, page, clean_siasn(tmp_path / "siasn.xlsx"))
    plan = go_to_preview(qtbot, page)
    reached, release = gate_progress(monkeypatch, "plan_import")
    with qtbot.waitSignal(page.taskFailed, timeout=TIMEOUT):
        page.preview_step.skip_choice.click()
        assert reached.wait(10)
        assert not page.apply_button.isEnabled()  # not while it plans again
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert page.step == STEP_PREVIEW and page.plan is plan
    assert (
        page.preview_step.update_choice.isChecked()
        and not page.preview_step.skip_choice.isChecked()
    )
    assert counts_shown(page)["baru"] == "3" and page.apply_button.isEnabled()
    page.runner.wait()


def test_cancel_while_applying_writes_nothing(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_runner: TaskRunner,
) -> None:
    before = database_state(demo_db)
    page = page_for(qtbot, demo_db, demo_runner)
    load(qtbot, page, clean_siasn(tmp_path / "siasn.xlsx"))
    go_to_preview(qtbot, page)
    reached, release = gate_progress(monkeypatch, "apply_import")
    with qtbot.waitSignal(page.taskFailed, timeout=TIMEOUT):
        qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
        assert reached.wait(10)
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert page.step == STEP_PREVIEW and page.result is None
    assert "dibatalkan" in page.message.text()
    assert database_state(demo_db) == before
    page.runner.wait()


# -- how it looks --------------------------------------------------------------------------------


def test_each_step_renders(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, demo_runner: TaskRunner
) -> None:
    page = page_for(qtbot, demo_db, demo_runner)
    shots = tmp_path / "layar"
    shots.mkdir()

    def shot(name: str) -> None:
        image = page.grab()
        assert not image.isNull() and image.width() >= 1000
        assert image.save(str(shots / f"{name}.png"))

    shot("1-berkas")
    load(qtbot, page, messy_siasn(tmp_path / "siasn.xlsx"))
    shot("2-pemetaan")
    go_to_preview(qtbot, page)
    shot("3-pratinjau")
    page.restart()
    load(qtbot, page, clean_siasn(tmp_path / "bersih.xlsx"))
    go_to_preview(qtbot, page)
    with qtbot.waitSignal(page.applied, timeout=TIMEOUT):
        page.apply()
    shot("4-selesai")
    assert len(list(shots.glob("*.png"))) == 4
    page.runner.wait()
