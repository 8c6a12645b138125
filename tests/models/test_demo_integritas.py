"""The demo's complaints and discipline cases: believable, through the domain, one decided
case blocking KP/KGB for its months."""

from __future__ import annotations

from datetime import date

from app.demo.integritas import tambah_contoh_integritas
from app.models.disiplin import kasus as dk
from app.models.pengaduan import register as adu
from app.models.storage.db import Database
from tests.helpers.common import TODAY


def test_demo_complaints_and_cases(demo_db: Database) -> None:
    assert tambah_contoh_integritas(demo_db, today=TODAY) == 8
    rows = adu.list_pengaduan(demo_db, "sistem")
    assert len(rows) == 8 and {p.status for p in rows} == {"BARU", "PROSES", "SELESAI"}
    assert {p.identitas for p in rows} == {"TERBUKA", "RAHASIA", "ANONIM"}
    assert adu.list_terlambat(demo_db, "sistem", TODAY)  # the newest waits for its triage
    cases = dk.list_kasus(demo_db, "sistem")
    assert sorted(k.status for k in cases) == ["DIPANGGIL", "DIPUTUS"]
    decided = next(k for k in cases if k.status == "DIPUTUS")
    assert decided.riwayat_hukdis_id and decided.tmt_mulai and decided.tmt_selesai
    assert decided.tmt_selesai > decided.tmt_mulai > date(2025, 1, 1)
    from app.models.etik import kasus as ek

    etik = sorted(ek.list_kasus(demo_db, "sistem"), key=lambda k: k.tanggal_mulai)
    assert [(k.status, k.temuan, k.sanksi) for k in etik] == [
        ("DIPUTUS", "TERBUKTI", "TERTUTUP"),
        ("DIPUTUS", "TIDAK_TERBUKTI", None),
        ("SIDANG", None, None),
    ]
    assert etik[0].pengaduan_id is not None
    for k in etik:
        full = ek.get_kasus(demo_db, "sistem", k.id)
        assert len(full.majelis) == 3 and len(full.sidang) == 1
