"""The demo's mentoring pairs: each a new CPNS with the mentor the rule allows (same unit,
higher golongan, active PNS), meetings within the pair's period."""

from __future__ import annotations

from app.models.kompetensi import mentor
from app.models.storage.db import Database


def test_demo_pairs_follow_the_rule(demo_db: Database) -> None:
    conn = demo_db.conn
    pairs = mentor.list_pasangan(demo_db)
    assert pairs, "the demo has mentoring pairs"
    for p in pairs:
        mentee = conn.execute(
            "SELECT unit_id, golongan_urutan FROM pegawai_ringkas WHERE pegawai_id = ?",
            (p.mentee_id,),
        ).fetchone()
        boss = conn.execute(
            "SELECT unit_id, golongan_urutan, status_kepegawaian, kedudukan FROM pegawai_ringkas "
            "WHERE pegawai_id = ?",
            (p.mentor_id,),
        ).fetchone()
        assert boss[0] == mentee[0] and boss[2] == "PNS" and boss[3] == "AKTIF"
        assert mentee[1] is None or boss[1] > mentee[1]
        full = mentor.get_pasangan(demo_db, p.id)
        assert full.jumlah_pertemuan == len(full.pertemuan)
        assert all(m.tanggal >= p.mulai for m in full.pertemuan)
    # Each mentor has at most a few mentees: the suggestion spreads them.
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p.mentor_id] = counts.get(p.mentor_id, 0) + 1
    assert max(counts.values()) <= 3
