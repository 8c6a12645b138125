"""Who may import: an operator of one unit previews and applies an import for the employees of
their unit; a row of another unit's employee refuses the whole import (nothing written, the
refusal audited); a role without the right is refused before the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied
from app.models.impor.apply import apply_import
from app.models.impor.fields import guess_mapping
from app.models.impor.plan import plan_import
from app.models.impor.read import read_source
from app.models.storage.db import Database
from tests.helpers.common import TODAY
from tests.helpers.impor import write_csv

SANDI = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def _person(db: Database, opd_id: str) -> list[object]:
    row = db.conn.execute(
        "SELECT p.nip, p.nama, p.tanggal_lahir, p.jenis_kelamin FROM pegawai p "
        "JOIN pegawai_ringkas r ON r.pegawai_id = p.id "
        "WHERE r.opd_id = ? AND p.deleted = 0 ORDER BY p.nip LIMIT 1",
        (opd_id,),
    ).fetchone()
    return [row[0], row[1] + " Baru", row[2], row[3]]


def _plan(db: Database, path: Path, actor: str):  # type: ignore[no-untyped-def]
    source = read_source(path)
    return plan_import(db, source, guess_mapping(source.headers), today=TODAY, actor=actor)


def test_unit_operator_imports_for_their_unit_only(demo_db: Database, tmp_path: Path) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    opd_a, opd_b = (
        r[0]
        for r in demo_db.conn.execute(
            "SELECT opd_id FROM pegawai_ringkas WHERE opd_id IS NOT NULL AND deleted = 0 "
            "GROUP BY opd_id ORDER BY count(*) DESC LIMIT 2"
        )
    )
    akun.create_akun(
        demo_db, "op.a", "Operator A", SANDI, [Hak(Peran.OPERATOR, opd_a)], actor=admin
    )
    akun.create_akun(demo_db, "pimpinan", "Pimpinan", SANDI, [Hak(Peran.PIMPINAN)], actor=admin)
    op = akun.masuk(demo_db, "op.a", SANDI)
    header = ["NIP", "Nama", "Tanggal Lahir", "Jenis Kelamin"]
    own = write_csv(tmp_path / "sendiri.csv", [header, _person(demo_db, opd_a)])
    plan = _plan(demo_db, own, op)
    assert plan.ok and plan.counts["berubah"] == 1
    assert apply_import(demo_db, plan, actor=op)["berubah"] == 1
    other = write_csv(tmp_path / "lain.csv", [header, _person(demo_db, opd_b)])
    plan = _plan(demo_db, other, op)
    before = demo_db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0]
    with pytest.raises(AccessDenied, match="Akses ditolak"):
        apply_import(demo_db, plan, actor=op)
    assert demo_db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] == before
    with pytest.raises(AccessDenied, match="tidak berhak mengimpor"):
        _plan(demo_db, own, akun.masuk(demo_db, "pimpinan", SANDI))
