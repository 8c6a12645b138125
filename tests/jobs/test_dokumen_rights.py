"""Who may issue decrees: the rights are checked per employee before anything is prepared or
numbered; an operator of one unit issues for the employees of that unit (once the installation
holds the numbering), never for another unit's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.models.access import akses, akun
from app.models.access.akses import Hak, Peran
from app.models.dokumen import rancangan
from app.models.dokumen import register as register_dokumen
from app.models.errors import AccessDenied
from app.models.storage.db import Database
from tests.helpers.dokumen import issue, prepare_db

TODAY = date(2026, 11, 22)
SANDI = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def _two_opds(db: Database) -> tuple[tuple[str, str], tuple[str, str]]:
    """(opd_id, nip) of a PNS III/x in each of two OPDs."""
    rows = db.conn.execute(
        "SELECT opd_id, min(nip) FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = 'AKTIF' "
        "AND status_kepegawaian = 'PNS' AND golongan_kode LIKE 'III/%' AND opd_id IS NOT NULL "
        "GROUP BY opd_id ORDER BY count(*) DESC LIMIT 2"
    ).fetchall()
    return (rows[0][0], rows[0][1]), (rows[1][0], rows[1][1])


def kp(nip: str) -> rancangan.Permintaan:
    return rancangan.Permintaan("SK_UJI", (nip,), TODAY, "petikan")


def test_unit_operator_issues_for_their_unit_only(demo_db: Database, tmp_path: Path) -> None:
    prepare_db(demo_db)
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    (opd_a, nip_a), (_opd_b, nip_b) = _two_opds(demo_db)
    akun.create_akun(
        demo_db, "op.a", "Operator A", SANDI, [Hak(Peran.OPERATOR, opd_a)], actor=admin
    )
    op = akun.masuk(demo_db, "op.a", SANDI)
    issue(demo_db, kp(nip_a), tmp_path / "pertama", actor=admin)  # takes the numbering
    # Another unit's employee: refused before anything is prepared, numbered or written.
    with pytest.raises(AccessDenied, match="Akses ditolak"):
        issue(demo_db, kp(nip_b), tmp_path / "lain", actor=op)
    assert not (tmp_path / "lain").exists()
    assert len(register_dokumen.list_register(demo_db.conn)) == 1
    # Their own unit's: issued and numbered.
    result = issue(demo_db, kp(nip_a), tmp_path / "sendiri", actor=op)
    assert len(result.nomor) == 1 and result.berkas[0].path.exists()
    assert akses.allowed(op, "dokumen.terbitkan")
