"""Test builders (moved from tests/models/test_dokumen.py)."""

from __future__ import annotations

from dataclasses import replace

from app.models.dokumen import core as dk
from app.models.storage.db import Database

SIGNERS = {
    "ttd_nama": "Drs. ADRIANUS F. PARERA, M.Si.",
    "ttd_pangkat": "Pembina Utama Madya (IV/d)",
    "ttd_nip": "196805121994031007",
    "sah_nama": "YOSEPH BENGE, S.Sos., M.M.",
    "sah_pangkat": "Pembina Tingkat I (IV/b)",
    "sah_nip": "197401011998031011",
}


def prepare_db(db: Database) -> None:
    """Seed the templates and fill their signatories (as the admin does once)."""
    dk.seed_templates(db, actor="admin")
    for t in dk.list_templates(db.conn):
        dk.save_template(db, replace(t, **SIGNERS), actor="admin")


def pns(db: Database, n: int, golongan_like: str = "III/%") -> list[str]:
    rows = db.conn.execute(
        "SELECT nip FROM pegawai_ringkas WHERE deleted = 0 AND jenis_asn = 'PNS' "
        "AND status_kepegawaian = 'PNS' AND kedudukan = 'AKTIF' AND golongan_kode LIKE ? "
        "ORDER BY nip LIMIT ?",
        (golongan_like, n),
    )
    nips = [r[0] for r in rows]
    assert len(nips) == n
    return nips
