"""A person on cuti besar or CLTN is shown as such in the employee list (the "Sedang cuti"
column) and in the employee detail header, with the CLTN days left out of the masa kerja
(issue 17, item 5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.models.cuti import permohonan as cuti
from app.models.cuti.permohonan import Permohonan
from app.models.pegawai import read as emp
from app.models.storage.db import Database
from app.ui.dialogs.employee_detail import EmployeeDetailDialog
from app.ui.employee_model import EmployeeTableModel
from tests.helpers.pegawai import Orang, add, make_db

D = date.fromisoformat


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    db, units = make_db(tmp_path / "tanda.sqlite3")
    add(db, units, [Orang("Ani Lestari", jk="P"), Orang("Dedi Kurnia")])
    dedi = db.conn.execute("SELECT id FROM pegawai WHERE nama = 'Dedi Kurnia'").fetchone()[0]
    p = Permohonan("CLTN", D("2026-02-01"), D("2027-01-31"), "Ikut suami", lampiran=("a.pdf",))
    cid = cuti.ajukan(db, dedi, p, actor="sistem", today=D("2026-01-05"))
    cuti.putuskan(db, cid, "SETUJU", actor="sistem", today=D("2026-01-05"))
    yield db
    db.close()


def test_list_column_and_detail_header_show_the_cltn(qtbot: QtBot, db: Database) -> None:
    model = EmployeeTableModel(db)
    model.pada = D("2026-06-01")
    model.set_filter(emp.EmployeeFilter(sort="nama"))
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    col = titles.index("Sedang cuti")
    shown = {
        model.data(model.index(r, 1, QModelIndex())): model.data(model.index(r, col, QModelIndex()))
        for r in range(model.rowCount())
    }
    assert shown == {"Ani Lestari": "", "Dedi Kurnia": "CLTN s.d. 31 Januari 2027"}
    model.pada = D("2027-02-01")
    model.refresh()
    assert all(model.data(model.index(r, col, QModelIndex())) == "" for r in range(2))

    dedi = db.conn.execute("SELECT id FROM pegawai WHERE nama = 'Dedi Kurnia'").fetchone()[0]
    dialog = EmployeeDetailDialog(db, dedi, today=D("2026-06-01"))
    qtbot.addWidget(dialog)
    dialog.resize(980, 640)
    dialog.show()
    heading = dialog.findChild(QLabel, "judulRincian")
    assert "CLTN s.d. 31 Januari 2027" in heading.text()
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "120 hari CLTN" in labels  # 1 February - 31 May 2026
    dialog.grab().save("/tmp/cltn_rincian.png")
