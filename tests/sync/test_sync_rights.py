"""Exporting and importing packages needs the sync rights of the signed-in user."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied
from app.sync import importer, package
from tests.helpers.sync import make_nodes

SANDI = "kata-sandi-panjang"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_a_reader_can_neither_export_nor_import(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    admin_a = akun.create_admin_pertama(a.db, "admin", "Admin", SANDI)
    akun.create_akun(a.db, "kepala", "Kepala", SANDI, [Hak(Peran.PIMPINAN)], actor=admin_a)
    reader_a = akun.masuk(a.db, "kepala", SANDI)
    with pytest.raises(AccessDenied):
        package.export_package(a.db, tmp_path, to="Kantor 1", full=True, actor=reader_a)
    assert not list(tmp_path.glob("*.merit"))
    made = package.export_package(a.db, tmp_path, to="Kantor 1", full=True, actor=admin_a)

    admin_b = akun.create_admin_pertama(b.db, "admin", "Admin", SANDI)
    akun.create_akun(b.db, "kepala", "Kepala", SANDI, [Hak(Peran.PIMPINAN)], actor=admin_b)
    reader_b = akun.masuk(b.db, "kepala", SANDI)
    before = b.db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0]
    with pytest.raises(AccessDenied):
        importer.import_package(b.db, made.path, actor=reader_b)
    assert b.db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] == before
    summary = importer.import_package(b.db, made.path, actor=admin_b)
    assert summary.pengirim == a.db.meta("node_id")
