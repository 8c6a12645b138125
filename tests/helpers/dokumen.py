"""Test builders for decrees: templates ready to issue, employees to issue for, and issuing
through the job as the screens and the command line do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen import templat, templat_bawaan
from app.models.dokumen.rancangan import Permintaan
from app.models.storage.db import Database

SIGNERS = {
    "ttd_nama": "Drs. ADRIANUS F. PARERA, M.Si.",
    "ttd_pangkat": "Pembina Utama Madya (IV/d)",
    "ttd_nip": "196805121994031007",
    "sah_nama": "YOSEPH BENGE, S.Sos., M.M.",
    "sah_pangkat": "Pembina Tingkat I (IV/b)",
    "sah_nip": "197401011998031011",
}


#: A free decree with the texts of the SK KP, for tests of the decree engine itself: the SK KP
#: proper is issued only from its proposal (app.jobs.dokumen.issue_sk_kp).
UJI = "SK_UJI"


def prepare_db(db: Database) -> None:
    """Seed the templates and fill their signatories (as the admin does once), plus
    :data:`UJI`, a copy of the SK KP that is not a kenaikan pangkat decree."""
    templat_bawaan.seed_templates(db, actor="admin")
    for t in templat.list_templates(db.conn):
        templat.save_template(db, replace(t, **SIGNERS), actor="admin")
    kp = templat.get_template(db.conn, "SK_KP")
    uji = replace(
        kp, kode=UJI, nama="Uji mesin SK (teks SK KP)", tmt_bawaan="TANGGAL", memperhatikan=()
    )
    templat.save_template(db, uji, actor="admin")


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


@dataclass
class Steps:
    """A job's progress in a test: records each report; cancelled once ``stop()`` says so."""

    stop: Callable[[], bool] = field(default=lambda: False)
    seen: list[tuple[int, int]] = field(default_factory=list)

    def report(self, done: int, total: int, text: str = "") -> None:
        self.seen.append((done, total))

    @property
    def cancelled(self) -> bool:
        return self.stop()


def issue(
    db: Database,
    req: Permintaan,
    out: Path,
    *,
    actor: str = "sistem",
    progress: Steps | None = None,
) -> dokumen_jobs.HasilTerbit:
    """Issue a request into ``out`` through the job."""
    request = dokumen_jobs.IssueRequest(req, Path(out))
    return dokumen_jobs.issue(db, actor, request, progress or Steps())
