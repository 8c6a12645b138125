"""Every page of the sidebar under every role, against the table of expected allow/deny kept
as test data (tests/data/page_matrix.csv): the sidebar of a signed-in account lists exactly the
pages the table allows, every page listed opens (its data read through the domain's checks,
with the account's scope), and every page declares the rights the registry lists for it."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.access import akun
from app.models.storage.db import Database
from app.ui.main_window import MainWindow
from app.ui.pages.registry import PAGES, visible_pages
from app.ui.tasks import TaskRunner
from tests.helpers.role_matrix import CHEAP_HASHER, PAGE_MATRIX, ROLES, SANDI, World, build_world


def page_rows() -> dict[str, dict[str, str]]:
    with PAGE_MATRIX.open(encoding="utf-8", newline="") as fh:
        return {row["page"]: row for row in csv.DictReader(fh)}


MATRIX = page_rows()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(akun, "hasher", CHEAP_HASHER)
        yield build_world(tmp_path_factory.mktemp("dunia"))


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun, "hasher", CHEAP_HASHER)


def test_every_page_has_a_row_and_declares_its_rights() -> None:
    assert set(MATRIX) == {spec.key for spec in PAGES}
    for row in MATRIX.values():
        assert {row[r] for r in ROLES} <= {"allow", "deny"}, row
    for spec in PAGES:
        assert spec.load().rights == spec.rights, spec.key


@pytest.mark.parametrize("role", list(ROLES))
def test_pages_under_role(qtbot: QtBot, world: World, tmp_path: Path, role: str) -> None:
    db = Database(world.copy_to(tmp_path))
    runner = TaskRunner(db.path)
    try:
        sesi = akun.masuk(db, role, SANDI)
        expected = [key for key, row in MATRIX.items() if row[role] == "allow"]
        assert [spec.key for spec in visible_pages(sesi)] == expected
        window = MainWindow(db, runner, actor=sesi)
        qtbot.addWidget(window)
        assert window.nav.count() == len(expected)
        for i, key in enumerate(expected):
            window.nav.setCurrentRow(i)  # builds the page with the account's rights
            assert getattr(window, key) is window.pages.currentWidget(), key
        runner.wait()
        qtbot.wait(50)  # the background loads report back
        # Opening what the sidebar offers never runs into a refusal: the screens only show
        # what the domain allows.
        refused = db.conn.execute(
            "SELECT keterangan FROM lokal_audit WHERE aksi = 'Akses ditolak'"
        ).fetchall()
        assert [r[0] for r in refused] == []
        window.close()
    finally:
        runner.wait()
        db.close()
