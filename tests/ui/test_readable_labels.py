"""Screens show people labels, not codes (issue 14, item 4): history tabs of the detail view,
contact data, the audit detail as old → new, the Dokumen template list and its messages."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.models.access import audit
from app.models.dokumen import isian
from app.models.errors import ValidationError
from app.models.pegawai import write as registri
from app.models.storage.db import Database
from app.ui.dialogs.employee_detail import EmployeeDetailDialog
from app.ui.pages.audit import AuditEntryDialog
from app.ui.pages.dokumen.page import DokumenPage
from app.ui.tasks import TaskRunner
from tests.helpers.common import TODAY

CODE = re.compile(r"\b[A-Z]+_[A-Z_]+\b")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _cells(dialog: EmployeeDetailDialog, key: str, header: str) -> list[str]:
    table = dialog.history_tables[key]
    col = next(
        c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == header
    )
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_detail_history_tabs_show_labels_and_contact_data(qtbot: QtBot, demo_db: Database) -> None:
    conn = demo_db.conn
    pid = conn.execute(
        "SELECT p.pegawai_id FROM riwayat_pangkat p JOIN riwayat_jabatan j "
        "ON j.pegawai_id = p.pegawai_id AND j.deleted = 0 AND j.alasan IS NOT NULL "
        "WHERE p.deleted = 0 AND p.jenis = 'REGULER' LIMIT 1"
    ).fetchone()[0]
    registri.update_employee(
        demo_db, pid, {"telepon": "081234567890", "email": "budi@contoh.go.id"}, actor="uji"
    )
    dialog = EmployeeDetailDialog(demo_db, pid, actor="uji", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    jenis = _cells(dialog, "pangkat", "Jenis")
    assert "Reguler" in jenis and "REGULER" not in jenis
    alasan = [a for a in _cells(dialog, "jabatan", "Alasan") if a]
    assert alasan and not any(CODE.search(a) or a.isupper() for a in alasan)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "081234567890" in texts and "budi@contoh.go.id" in texts


def test_audit_detail_shows_old_and_new_values_by_name(qtbot: QtBot, demo_db: Database) -> None:
    pid, nama = demo_db.conn.execute(
        "SELECT id, nama FROM pegawai WHERE telepon IS NOT NULL LIMIT 1"
    ).fetchone()
    old = demo_db.conn.execute("SELECT telepon FROM pegawai WHERE id = ?", (pid,)).fetchone()[0]
    registri.update_employee(demo_db, pid, {"telepon": "0899-111-222"}, actor="uji")
    newest = max(audit.search_numbers(demo_db.conn, audit.AuditFilter()))
    entry = audit.fetch_entries(demo_db.conn, [newest])[newest]
    dialog = AuditEntryDialog(demo_db, entry)
    qtbot.addWidget(dialog)
    text = dialog.changes.toPlainText()
    assert f"Telepon: {old} → 0899-111-222" in text
    assert nama in text and not UUID.search(text)


def test_dokumen_templates_are_named_not_coded(
    qtbot: QtBot, demo_db: Database, demo_runner: TaskRunner
) -> None:
    page = DokumenPage(demo_db, runner=demo_runner)
    qtbot.addWidget(page)
    combo = page.issue_tab.templat_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names and not any(CODE.search(n) for n in names)


def test_a_missing_value_is_named_by_its_label() -> None:
    with pytest.raises(ValidationError) as caught:
        isian.fill("gaji {gaji_pokok}", {}, "Isi", nip="198609262015051001")
    message = str(caught.value)
    assert "Gaji pokok baru" in message and "{" not in message
