"""Demo data written through the write path: complete, consistent, all or nothing."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from app.demo.tulis import create_demo
from app.models.errors import Cancelled, ValidationError
from app.models.pegawai.read import get_employee
from app.models.reference.loader import Referensi
from app.models.rekap.kgb import kgb_jatuh_tempo
from app.models.rules.gaji import TabelGaji
from app.models.rules.nip import check_nip, cross_check
from app.models.storage import instansi
from app.models.storage.db import Database
from tests.helpers.common import TODAY


def test_demo_database_passes_every_check(demo_db: Database) -> None:
    report = instansi.check(demo_db)
    assert report.ok, report.problems
    assert report.facts["batch"] >= 2


def test_demo_is_believable(demo_db: Database) -> None:
    conn = demo_db.conn
    units = conn.execute("SELECT count(*) FROM unit_organisasi WHERE induk_id IS NULL").fetchone()
    assert 35 <= units[0] <= 60  # about 40 perangkat daerah
    kinds = Counter(r[0] for r in conn.execute("SELECT jenis_asn FROM pegawai"))
    assert kinds["PNS"] > kinds["PPPK"] > 0
    # every employee has a current rank, position and unit derived from the histories
    missing = conn.execute(
        "SELECT count(*) FROM pegawai_ringkas WHERE golongan_kode IS NULL OR jabatan_nama IS NULL "
        "OR opd_id IS NULL"
    ).fetchone()[0]
    assert missing == 0
    for table in ("riwayat_pangkat", "riwayat_jabatan", "riwayat_pendidikan", "riwayat_skp"):
        assert conn.execute(f"SELECT count(DISTINCT pegawai_id) FROM {table}").fetchone()[0] > 250
    assert conn.execute("SELECT count(*) FROM riwayat_hukdis").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM riwayat_kgb").fetchone()[0] > 0


def test_demo_nips_agree_with_the_records(demo_db: Database) -> None:
    rows = demo_db.conn.execute(
        "SELECT nip, jenis_asn, tanggal_lahir, jenis_kelamin, nik, tmt_cpns FROM pegawai"
    ).fetchall()
    assert len({r[0] for r in rows}) == len(rows)
    from datetime import date

    for nip, jenis, lahir, kelamin, nik, tmt in rows:
        result = check_nip(nip, jenis_asn=jenis, today=TODAY)
        assert result.valid, (nip, result.kesalahan)
        assert result.info is not None
        reasons = cross_check(
            result.info,
            tanggal_lahir=date.fromisoformat(lahir),
            jenis_kelamin=kelamin,
            nik=nik,
            tmt_cpns=date.fromisoformat(tmt) if tmt and jenis == "PNS" else None,
        )
        assert reasons == (), (nip, reasons)


def test_demo_refuses_bad_sizes_and_full_databases(db: Database) -> None:
    with pytest.raises(ValidationError, match="antara 0"):
        create_demo(db, -1, 1)
    with pytest.raises(ValidationError, match="antara 0"):
        create_demo(db, 10_000_000, 1)
    create_demo(db, 20, 1, today=TODAY)
    with pytest.raises(ValidationError, match="sudah berisi data"):
        create_demo(db, 20, 1, today=TODAY)


def test_cancelled_demo_leaves_nothing(db: Database) -> None:
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(Cancelled):
        create_demo(db, 3000, 1, today=TODAY, progress=progress, cancelled=lambda: bool(seen))
    assert seen
    for table in ("pegawai", "unit_organisasi", "pengaturan", "lokal_batch", "lokal_audit"):
        assert db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_demo_progress_reaches_the_total(db: Database) -> None:
    seen: list[tuple[int, int]] = []
    result = create_demo(db, 2500, 3, today=TODAY, progress=lambda d, t: seen.append((d, t)))
    assert result.employees == 2500
    assert seen[-1] == (2500, 2500)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_no_structural_holder_is_above_the_range_of_the_eselon(demo_db: Database) -> None:
    """asn-rules 3.2/5.3: the demo gives no holder of a structural post a pangkat above the
    highest of the eselon range (PP 100/2000 jo PP 13/2002), nor below its floor."""
    rows = demo_db.conn.execute(
        "SELECT r.nip, r.golongan_urutan, lo.urutan, hi.urutan, rj.eselon_kode "
        "FROM pegawai_ringkas r JOIN riwayat_jabatan rj ON rj.pegawai_id = r.pegawai_id "
        "AND rj.tmt = r.tmt_jabatan AND rj.deleted = 0 "
        "JOIN ref_eselon e ON e.kode = rj.eselon_kode "
        "JOIN ref_golongan lo ON lo.kode = e.gol_min_kode "
        "JOIN ref_golongan hi ON hi.kode = e.gol_maks_kode "
        "WHERE r.deleted = 0 AND r.kedudukan = 'AKTIF'"
    ).fetchall()
    assert len({r[4] for r in rows}) >= 5 and len(rows) > 50
    assert [tuple(r) for r in rows if not r[2] <= r[1] <= r[3]] == []


def test_demo_kgb_follow_the_gaji_table(demo_db: Database) -> None:
    """issue 13: the KGB history of the demo is on table steps and before the TMT pensiun, and the
    2027 KGB list never passes the top of the table nor the pensiun, and has PPPK."""
    conn = demo_db.conn
    ref = Referensi.load(conn)
    tabel = TabelGaji.dari_referensi(ref)
    pensiun: dict[str, date] = {}
    for (pid,) in conn.execute("SELECT DISTINCT pegawai_id FROM riwayat_kgb WHERE deleted = 0"):
        data = get_employee(conn, pid, ref=ref).data
        pensiun[pid] = date.fromisoformat(data["tmt_pensiun"])
    for pid, tmt, gol, mk in conn.execute(
        "SELECT pegawai_id, tmt, golongan_kode, mk_tahun FROM riwayat_kgb WHERE deleted = 0"
    ):
        assert date.fromisoformat(tmt) < pensiun[pid]
        assert mk in tabel.langkah(gol, date.fromisoformat(tmt))
    rows = kgb_jatuh_tempo(conn, date(2027, 1, 1), date(2027, 12, 31))
    assert rows and any(b.jenis_asn == "PPPK" for b in rows)
    for b in rows:
        assert b.golongan_kode is not None and b.tmt_pensiun is not None
        langkah = tabel.langkah(b.golongan_kode, b.tmt_baru)
        assert b.mk_baru_tahun in langkah and b.mk_baru_bulan == 0
        assert b.tmt_baru < b.tmt_pensiun
        assert b.gaji_pokok == tabel.cari_gaji(b.golongan_kode, b.mk_baru_tahun, b.tmt_baru)


def test_retirement_dates_are_spread(demo_db: Database) -> None:
    """Issue 13 item 10: the demo put everyone whose career would pass the BUP onto the month
    right after it, so whole cohorts retired on one date (98 of ~400 older staff born in one
    month). No birth month now holds more than a small share of the staff within 4 years of BUP."""
    rows = demo_db.conn.execute(
        "SELECT substr(tanggal_lahir, 1, 7), count(*) FROM pegawai_ringkas "
        "WHERE deleted = 0 AND kedudukan = 'AKTIF' AND tanggal_lahir < '1972-12-01' GROUP BY 1"
    ).fetchall()
    total = sum(n for _, n in rows)
    assert total > 20
    assert max(n for _, n in rows) <= max(3, total // 10), sorted(rows, key=lambda r: -r[1])[:3]
