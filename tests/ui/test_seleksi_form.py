"""Setting up a selection on screen as the secretariat would (stages, weights that must add up
to 100, rubric, committee picked from the registry), and the documents the page now offers:
the berita acara of one stage and the SK Pengangkatan for the PPK's choice."""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from app.models.seleksi import lembar as lb
from app.models.seleksi import pelamar, seleksi
from app.models.storage.db import Database
from app.ui.dialogs.seleksi_form import (
    ERROR_STYLE,
    OK_STYLE,
    TAB_PANITIA,
    TAB_TAHAP,
    SeleksiFormDialog,
)
from app.ui.pages.seleksi import SeleksiPage
from app.ui.tasks import TaskRunner
from tests.helpers.seleksi import ACTOR, ACUAN

SHOTS = os.environ.get("MERIT_SHOTS")


def type_cell(qtbot: QtBot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Double-click-style editing: open the cell's editor, type, press Enter."""
    item = table.item(row, col)
    assert item is not None
    table.setCurrentCell(row, col)
    table.editItem(item)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes the editor through a queued call
    qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState, timeout=2000)
    assert item.text() == text


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def pick_employee(qtbot: QtBot, form: SeleksiFormDialog, search: str, pegawai_id: str) -> None:
    form.cari.clear()
    qtbot.keyClicks(form.cari, search)
    combo = form.hasil_cari
    index = next(i for i in range(combo.count()) if combo.itemData(i)[0] == pegawai_id)
    combo.setCurrentIndex(index)
    qtbot.mouseClick(form.tambah_pegawai, Qt.MouseButton.LeftButton)


def test_create_selection_through_the_form(
    qtbot: QtBot, demo_db: Database, make_runner: Callable[[Database], TaskRunner]
) -> None:
    db = demo_db
    jab = db.conn.execute(
        "SELECT id, unit_id, nama FROM jabatan WHERE deleted = 0 AND jenjang_kode = "
        "'ADMINISTRATOR' ORDER BY nama LIMIT 1"
    ).fetchone()
    people = db.conn.execute(
        "SELECT pegawai_id, nip, nama FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = "
        "'AKTIF' ORDER BY nip LIMIT 2"
    ).fetchall()
    page = SeleksiPage(db, runner=make_runner(db), actor=ACTOR)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    assert page.pilih.count() == 0
    assert "Buat seleksi" in page.ringkas.text()
    assert "merit selection" not in page.ringkas.text()

    qtbot.mouseClick(page.buat, Qt.MouseButton.LeftButton)
    form = page.form
    assert form is not None and form.isVisible()
    qtbot.keyClicks(form.judul, "Seleksi Administrator Sekretariat 2026")
    form.unit.setCurrentIndex(form.unit.findData(jab[1]))
    form.jabatan.setCurrentIndex(form.jabatan.findData(jab[0]))
    assert form.nama_jabatan.text() == jab[2]
    assert form.jenis.currentData() == "ADMINISTRATOR"  # follows the post's level
    form.acuan.setDate(QDate(ACUAN.year, ACUAN.month, ACUAN.day))
    form.usia_maks.setValue(56)
    form.tahun_jabatan.setValue(2)

    # stages: 30 + 30 + 30 = 90, shown in red
    form.tabs.setCurrentIndex(TAB_TAHAP)
    t = form.tabel_tahap
    for i, nama in enumerate(("Rekam jejak", "Makalah", "Wawancara")):
        qtbot.mouseClick(form.tambah_tahap, Qt.MouseButton.LeftButton)
        type_cell(qtbot, t, i, 0, nama)
        type_cell(qtbot, t, i, 1, "30")
        assert form.judul_kriteria.text() == f"Kriteria penilaian tahap {nama}:"
        qtbot.mouseClick(form.tambah_kriteria, Qt.MouseButton.LeftButton)
        type_cell(qtbot, form.tabel_kriteria, 0, 0, f"Nilai {nama}")
        if nama == "Wawancara":  # a second criterion with its own scale, first typed wrong
            qtbot.mouseClick(form.tambah_kriteria, Qt.MouseButton.LeftButton)
            type_cell(qtbot, form.tabel_kriteria, 1, 0, "Komunikasi")
            type_cell(qtbot, form.tabel_kriteria, 1, 1, "4")
            type_cell(qtbot, form.tabel_kriteria, 1, 2, "4")
            assert "skala terendah harus lebih kecil" in form.pesan_tahap.text()
            type_cell(qtbot, form.tabel_kriteria, 1, 1, "1,5")
            assert "skala" not in form.pesan_tahap.text()
    assert t.item(2, 3).text() == "2"  # type: ignore[union-attr]
    assert form.jumlah_bobot.text() == "Jumlah bobot: 90 (harus 100)"
    assert form.jumlah_bobot.styleSheet() == ERROR_STYLE
    # stage 1's rubric is still there after looking at the others
    t.setCurrentCell(0, 0)
    assert form.tabel_kriteria.item(0, 0).text() == "Nilai Rekam jejak"  # type: ignore[union-attr]

    # committee: none yet
    assert "Panitia belum diisi" in form.pesan_panitia.text()
    form.tabs.setCurrentIndex(TAB_PANITIA)
    pick_employee(qtbot, form, people[0][1], people[0][0])  # by NIP: becomes the chair
    pick_employee(qtbot, form, people[1][2], people[1][0])  # by name
    form.role_combo(1).setCurrentIndex(form.role_combo(1).findData("SEKRETARIS"))
    qtbot.mouseClick(form.tambah_luar, Qt.MouseButton.LeftButton)
    type_cell(qtbot, form.tabel_panitia, 2, 0, "Prof. Citra Lestari")
    assert [p.peran for p in form.panitia_baru()] == ["KETUA", "SEKRETARIS", "ANGGOTA"]
    assert form.pesan_panitia.text() == ""

    # Simpan refuses naming the weights, and goes to that tab
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "bobot" in form.status.text()
    assert "Jumlah bobot tahap harus 100; sekarang 90" in form.status.text()
    assert form.tabs.currentIndex() == TAB_TAHAP
    assert seleksi.list_seleksi(db.conn) == []

    # 40 fixes it
    type_cell(qtbot, t, 2, 1, "40")
    assert form.jumlah_bobot.text() == "Jumlah bobot: 100 \u2713"
    assert form.jumlah_bobot.styleSheet() == OK_STYLE
    if SHOTS:
        form.grab().save(f"{SHOTS}/seleksi_form_tahap.png")
        form.tabs.setCurrentIndex(TAB_PANITIA)
        form.grab().save(f"{SHOTS}/seleksi_form_panitia.png")
        form.tabs.setCurrentIndex(0)
        form.grab().save(f"{SHOTS}/seleksi_form_umum.png")
    with qtbot.waitSignal(form.saved, timeout=10000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)

    sid = saved.args[0]
    assert page.pilih.currentData() == sid
    assert page.pilih.currentText() == "Seleksi Administrator Sekretariat 2026 (0 pelamar)"
    assert page.status.text() == "Seleksi dibuat."
    info = seleksi.get_seleksi(db.conn, sid)
    assert info.jabatan_id == jab[0] and info.jenis == "ADMINISTRATOR"
    assert info.tanggal_acuan == ACUAN
    assert info.syarat.usia_maks == 56 and info.syarat.tahun_jabatan == 2
    assert info.syarat.tahun_pangkat is None
    assert [(x.nama, x.bobot) for x in info.tahap] == [
        ("Rekam jejak", 30),
        ("Makalah", 30),
        ("Wawancara", 40),
    ]
    k = info.tahap[2].kriteria
    assert [(c.nama, c.skala_min, c.skala_maks) for c in k] == [
        ("Nilai Wawancara", 1, 5),
        ("Komunikasi", Decimal("1.5"), 4),
    ]
    panitia = {a.nama: a for a in info.panitia}
    assert panitia["Prof. Citra Lestari"].pegawai_id is None
    assert panitia["Prof. Citra Lestari"].unsur == "EKSTERNAL"
    assert info.ketua.pegawai_id == people[0][0] and info.ketua.menilai
    sekretaris = next(a for a in info.panitia if a.peran == "SEKRETARIS")
    assert sekretaris.pegawai_id == people[1][0] and not sekretaris.menilai


def test_cancel_writes_nothing(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    form = SeleksiFormDialog(db, runner, actor=ACTOR)
    qtbot.addWidget(form)
    form.show()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.status.text() == "Belum dapat disimpan. Judul seleksi wajib diisi."
    assert form.tabs.currentIndex() == 0
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert seleksi.list_seleksi(db.conn) == []


@pytest.fixture
def ranked(demo_db: Database, tmp_path: Path) -> tuple[Database, str, list[str], list[str]]:
    """A scored administrator selection with a final ranking (as tests/models/test_seleksi)."""
    from tests.helpers.dokumen import prepare_db

    db = demo_db
    prepare_db(db)
    jab = db.conn.execute(
        "SELECT j.id FROM jabatan j WHERE j.deleted = 0 AND j.jenjang_kode = 'ADMINISTRATOR' "
        "LIMIT 1"
    ).fetchone()
    sid = seleksi.create_seleksi(
        db,
        judul="Seleksi Administrator 2026",
        jenis="ADMINISTRATOR",
        jabatan_id=jab[0],
        tahap=[
            seleksi.TahapBaru("Administrasi", 0),
            seleksi.TahapBaru("Wawancara", 100, [seleksi.KriteriaBaru("Nilai", 0, 100)]),
        ],
        panitia=[
            seleksi.PanitiaBaru("Ani Wijaya", "KETUA"),
            seleksi.PanitiaBaru("Sari", "SEKRETARIS"),
        ],
        syarat=seleksi.Syarat(predikat_baik=False, bebas_hukdis=False),
        tanggal_acuan=ACUAN,
        actor=ACTOR,
    )
    rows = db.conn.execute(
        "SELECT pegawai_id, nip FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = 'AKTIF' "
        "AND status_kepegawaian = 'PNS' AND golongan_kode LIKE 'III/%' ORDER BY nip LIMIT 4"
    ).fetchall()
    ids = [pelamar.create_pelamar_internal(db, sid, r[0], actor=ACTOR) for r in rows]
    member = Database(tmp_path / "ani.sqlite3")
    try:
        paket = lb.write_paket_anggota(db, sid, "Ani Wijaya", tmp_path / "p.json")
        kerja = lb.buka_paket(member, paket)
        k = kerja.tahap[0].kriteria[0]
        by_id = {c.id: c for c in kerja.kandidat}
        for pid, value in zip(ids, ("70", "90", "80", "60"), strict=True):
            lb.isi_nilai(member, kerja.paket_id, by_id[pid].id, k.id, value)
        sheet = lb.kunci_dan_kirim(member, kerja.paket_id, tmp_path / "l.json")
    finally:
        member.close()
    lb.impor_lembar(db, sheet, actor=ACTOR)
    return db, sid, ids, [r[1] for r in rows]


def test_stage_minutes_and_sk_from_the_page(
    qtbot: QtBot,
    ranked: tuple[Database, str, list[str], list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_runner: Callable[[Database], TaskRunner],
) -> None:
    db, sid, ids, nips = ranked
    page = SeleksiPage(db, runner=make_runner(db), actor=ACTOR)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    page.tabs.setCurrentIndex(2)
    items = [page.dokumen.itemText(i) for i in range(page.dokumen.count())]
    # only scored stages have minutes of their own (Administrasi has no rubric)
    assert items == [
        "Berita acara peringkat akhir",
        "Pengumuman hasil seleksi",
        "Berita acara tahap Wawancara",
    ]
    names = [page.pelamar[i].nama for i in range(4)]

    # the berita acara of the Wawancara stage, through the save dialog
    target = tmp_path / "ba-wawancara.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Dokumen PDF (*.pdf)")
    )
    page.dokumen.setCurrentIndex(2)
    qtbot.mouseClick(page.dokumen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=15000)
    assert page.status.text() == f"Dokumen ditulis ke {target}."
    text = pdf_text(target)
    assert "BERITA ACARA PENILAIAN TAHAP WAWANCARA" in text
    assert "Ani Wijaya" in text and "Sari" in text  # every member's signature line
    flat = " ".join(text.split())
    table = flat[flat.find("Nilai Tahap") :]  # a name may also be a word above ("Wawan")
    order = [table.find(names[i]) for i in (1, 2, 0, 3)]  # 90, 80, 70, 60
    assert all(x >= 0 for x in order) and order == sorted(order)
    assert "90" in flat and "ADMINISTRASI" not in flat

    # SK Pengangkatan for the first proposed candidate
    assert page.usulan.text() == f"Usulan kepada PPK: {names[1]}, {names[2]}, {names[0]}"
    qtbot.mouseClick(page.sk_button, Qt.MouseButton.LeftButton)
    dialog = page.sk_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.calon.itemText(i) for i in range(dialog.calon.count())] == [
        f"1. {names[1]}",
        f"2. {names[2]}",
        f"3. {names[0]}",
    ]
    assert dialog.calon.currentData() == ids[1]
    dialog.tanggal.setDate(QDate(2026, 11, 1))
    dialog.tmt.setDate(QDate(2026, 12, 1))
    out = tmp_path / "sk"
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(out))
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/seleksi_sk_dialog.png")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.task is not None
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)
    assert page.status.text() == (
        f"SK pengangkatan nomor 800.1.3.3/1/BKPSDM/2026 diterbitkan ke {out}."
    )
    pdfs = sorted(out.rglob("*.pdf"))
    assert pdfs
    sk = " ".join(pdf_text(pdfs[0]).split())
    assert seleksi.get_seleksi(db.conn, sid).nama_jabatan in sk
    assert nips[1] in sk.replace(" ", "")
    if SHOTS:
        page.grab().save(f"{SHOTS}/seleksi_page_sk.png")


def test_sk_refused_before_the_final_ranking(
    qtbot: QtBot, db: Database, make_runner: Callable[[Database], TaskRunner]
) -> None:
    from tests.helpers.seleksi import make_selection

    make_selection(db)
    page = SeleksiPage(db, runner=make_runner(db), actor=ACTOR)
    qtbot.addWidget(page)
    page.show()
    # no sheets yet: the final ranking is refused, named, and no dialog opens
    qtbot.mouseClick(page.sk_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox, "pesanKesalahan")
    assert box is not None
    assert box.text().startswith("Peringkat akhir belum dapat disusun")
    assert "Budi Santoso (tahap Rekam jejak)" in box.text()
    assert page.sk_dialog is None
