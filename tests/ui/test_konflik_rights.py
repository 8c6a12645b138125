"""A clash on a table the signed-in account may not write is listed, but offers no decision
(the buttons are not shown; the domain would refuse it anyway)."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pytestqt.qtbot import QtBot

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.pegawai import write as registri
from app.models.storage.instansi import setup
from app.sync import importer, package
from app.ui.pages.konflik import KonflikPage
from app.ui.tasks import TaskRunner
from tests.helpers.skp import build_org
from tests.helpers.sync import Node, make_nodes

SANDI = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def _send(src: Node, dst: Node, path: Path) -> None:
    package.export_package(src.db, path, to=dst.name)
    importer.import_package(dst.db, path, clock=dst.clock_fn)


def test_clash_on_employees_offers_no_decision_to_the_secretariat(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a, b = make_nodes(tmp_path, 2)
    setup(a.db, "BKPSDM Kota Uji", actor="uji")
    org = build_org(a.db)
    _send(a, b, tmp_path / "awal.paket")
    registri.update_employee(a.db, org.ani, {"telepon": "0380-111"}, actor="ani")
    registri.update_employee(b.db, org.ani, {"telepon": "0812-222"}, actor="budi")
    _send(a, b, tmp_path / "ke-b.paket")
    admin = akun.create_admin_pertama(b.db, "admin", "Admin", SANDI)
    akun.create_akun(
        b.db, "sekretariat", "Sekretariat", SANDI, [Hak(Peran.SEKRETARIAT_PANITIA)], actor=admin
    )
    for who, may in (("sekretariat", False), ("admin", True)):
        runner = TaskRunner(b.db.path)
        page = KonflikPage(b.db, runner=runner, actor=akun.masuk(b.db, who, SANDI))
        qtbot.addWidget(page)
        page.show()
        assert page.table.rowCount() == 1
        page.table.selectRow(0)
        assert page.other_button.isVisible() is may, who
        assert page.take_button.isVisible() is may, who
        page.close()
        runner.wait()
