"""The home screen's figures (app/models/rekap/beranda.py) against direct SQL counts and the
recap lists they come from, the windows of 1/3/12 months, backups, sync, and the actor's
rights and unit scope."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st

from app.models.access import akses, akun
from app.models.access.akses import Hak, Lingkup, Peran, Sesi
from app.models.errors import AccessDenied
from app.models.rekap import kgb, kp, pensiun
from app.models.rekap.beranda import (
    JANGKA_BULAN,
    akhir_jangka,
    beranda_json,
    read_beranda,
    tambah_bulan,
)
from app.models.skp.bulk import create_massal
from app.models.storage import cadangan
from app.models.storage.db import Database
from app.models.storage.sinkron import create_peer, write_received
from tests.helpers.common import TODAY

SANDI = "kopi pagi di kantor"
NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def _scalar(db: Database, sql: str, *params: object) -> int:
    return int(db.conn.execute(sql, params).fetchone()[0] or 0)


ACTIVE = (
    "FROM pegawai_ringkas r JOIN ref_kedudukan k ON k.kode = r.kedudukan AND k.aktif = 1 "
    "AND k.deleted = 0 WHERE r.deleted = 0"
)


def test_months_are_added_the_calendar_way() -> None:
    assert tambah_bulan(date(2026, 11, 22), 1) == date(2026, 12, 22)
    assert tambah_bulan(date(2026, 11, 22), 3) == date(2027, 2, 22)
    assert tambah_bulan(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert tambah_bulan(date(2026, 11, 30), 12) == date(2027, 11, 30)
    assert akhir_jangka(date(2026, 11, 22), 1) == date(2026, 12, 21)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(0, 36))
def test_a_window_ends_the_day_before_the_same_day_months_later(day: date, n: int) -> None:
    end = tambah_bulan(day, n)
    assert (end.year * 12 + end.month) - (day.year * 12 + day.month) == n
    assert end.day == day.day or (end.day < day.day and (end + timedelta(days=1)).day == 1)
    assert akhir_jangka(day, n + 1) >= akhir_jangka(day, n)


def test_counts_match_direct_sql(demo_db: Database) -> None:
    b = read_beranda(demo_db, "sistem", today=TODAY, now=NOW)
    assert b.pegawai is not None
    assert b.pegawai.pns == _scalar(demo_db, f"SELECT count(*) {ACTIVE} AND r.jenis_asn = 'PNS'")
    assert b.pegawai.pppk == _scalar(demo_db, f"SELECT count(*) {ACTIVE} AND r.jenis_asn = 'PPPK'")
    assert b.pegawai.cpns == _scalar(
        demo_db, f"SELECT count(*) {ACTIVE} AND r.status_kepegawaian = 'CPNS'"
    )
    # the demo has people who left service: they are not counted
    assert b.pegawai.jumlah < _scalar(demo_db, "SELECT count(*) FROM pegawai WHERE deleted = 0")
    # below 20 JP this year: the JP of each active PNS summed straight from the history
    below = _scalar(
        demo_db,
        f"SELECT count(*) {ACTIVE} AND r.jenis_asn = 'PNS' AND (SELECT "
        "COALESCE(sum(d.jam_pelajaran), 0) FROM riwayat_diklat d WHERE d.pegawai_id = "
        "r.pegawai_id AND d.deleted = 0 AND COALESCE(d.tanggal_selesai, d.tanggal_mulai) "
        "BETWEEN '2026-01-01' AND '2026-12-31') < 20",
    )
    assert b.diklat is not None and len(b.diklat.di_bawah) == below > 0
    assert b.diklat.pegawai == b.pegawai.pns
    jp = [int(o.uraian.split()[0]) for o in b.diklat.di_bawah]
    assert jp == sorted(jp) and all(n < 20 for n in jp)


def test_due_lists_by_window_are_the_recap_lists(demo_db: Database) -> None:
    b = read_beranda(demo_db, "sistem", today=TODAY, now=NOW)
    assert b.jangka is not None and [j.bulan for j in b.jangka] == list(JANGKA_BULAN)
    conn = demo_db.conn
    previous: dict[str, set[str]] = {"kgb": set(), "pensiun": set()}
    for j in b.jangka:
        assert j.sampai == tambah_bulan(TODAY, j.bulan) - timedelta(days=1)
        expected_kgb = kgb.kgb_jatuh_tempo(conn, TODAY, j.sampai)
        assert {o.pegawai_id for o in j.kgb} == {r.pegawai_id for r in expected_kgb}
        assert len(j.kgb) == len(expected_kgb)
        dates = [o.tanggal for o in j.kgb]
        assert dates == sorted(dates) and all(d and TODAY <= d <= j.sampai for d in dates)
        expected_pensiun = [
            r for r in pensiun.pensiun(conn, TODAY, tahun=1) if r.tmt_pensiun <= j.sampai
        ]
        assert {o.pegawai_id for o in j.pensiun} == {r.pegawai_id for r in expected_pensiun}
        # a longer window holds everything of a shorter one
        assert previous["kgb"] <= {o.pegawai_id for o in j.kgb}
        assert previous["pensiun"] <= {o.pegawai_id for o in j.pensiun}
        previous = {
            "kgb": {o.pegawai_id for o in j.kgb},
            "pensiun": {o.pegawai_id for o in j.pensiun},
        }
        # KP: the list of the last period in the window (monthly periods since October 2025)
        assert j.periode_kp == kp.periode_kp_terakhir(conn, j.sampai)
        assert j.periode_kp is not None and TODAY < j.periode_kp <= j.sampai
        nominatif = kp.nominatif_kp(conn, j.periode_kp)
        assert {o.pegawai_id for o in j.kp} == {r.pegawai_id for r in nominatif.baris}
        assert j.kp_memenuhi == sum(1 for r in nominatif.baris if r.status_kode == "memenuhi")
    one = b.jangka_bulan(1)
    assert one is not None and one.periode_kp == date(2026, 12, 1)  # the coming period
    twelve = b.jangka_bulan(12)
    assert twelve is not None and len(twelve.kgb) > len(one.kgb) > 0
    assert len(twelve.pensiun) > 0


def test_skp_progress_of_the_year_matches_direct_sql(demo_db: Database) -> None:
    opd = demo_db.conn.execute(
        "SELECT opd_id FROM pegawai_ringkas WHERE opd_id IS NOT NULL GROUP BY opd_id "
        "ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    made = create_massal(demo_db, 2026, actor="sistem", unit_id=opd)
    assert made.dibuat > 2
    # a few further along (set directly: only the counting is under test here)
    ids = [r[0] for r in demo_db.conn.execute("SELECT id FROM skp ORDER BY id LIMIT 3")]
    demo_db.conn.execute("UPDATE skp SET status = 'ditetapkan' WHERE id = ?", (ids[0],))
    demo_db.conn.execute("UPDATE skp SET status = 'dinilai' WHERE id IN (?, ?)", ids[1:])
    demo_db.conn.commit()
    b = read_beranda(demo_db, "sistem", today=TODAY, now=NOW)
    assert b.skp is not None and b.pegawai is not None
    s = b.skp
    assert s.tahun == 2026 and s.pegawai == b.pegawai.jumlah
    assert (s.ditetapkan, s.dinilai) == (1, 2)
    assert s.direncanakan == _scalar(
        demo_db, "SELECT count(*) FROM skp WHERE tahun = 2026 AND deleted = 0"
    )
    assert s.draft == _scalar(demo_db, "SELECT count(*) FROM skp WHERE status = 'draft'")
    assert s.belum == s.pegawai - s.direncanakan


def test_backup_state_and_its_warning(demo_db: Database) -> None:
    none_yet = read_beranda(demo_db, "sistem", today=TODAY, now=NOW).cadangan
    assert none_yet is not None and none_yet.terakhir is None
    assert none_yet.peringatan is not None and "Belum ada cadangan" in none_yet.peringatan
    cadangan.make_backup(demo_db, kind="harian", now=NOW - timedelta(days=8))
    old = read_beranda(demo_db, "sistem", today=TODAY, now=NOW).cadangan
    assert old is not None and old.umur_hari == 8
    assert old.peringatan is not None and "8 hari" in old.peringatan
    cadangan.make_backup(demo_db, kind="manual", now=NOW - timedelta(days=2))
    fresh = read_beranda(demo_db, "sistem", today=TODAY, now=NOW).cadangan
    assert fresh is not None and fresh.peringatan is None and fresh.umur_hari == 2
    assert fresh.terakhir == (NOW - timedelta(days=2)).replace(microsecond=0)


def test_clashes_and_last_sync_per_peer(demo_db: Database) -> None:
    conn = demo_db.conn
    create_peer(conn, "node-b", "Laptop Bidang Mutasi", b"k" * 32, b"e" * 32, trusted=True,
                sumber="manual")  # fmt: skip
    create_peer(conn, "node-c", "BKD Provinsi", b"l" * 32, b"f" * 32, trusted=True,
                sumber="manual")  # fmt: skip
    write_received(conn, "node-b", {})
    pid = conn.execute("SELECT id FROM pegawai LIMIT 1").fetchone()[0]
    conn.execute(
        "INSERT INTO lokal_konflik (id, tabel, row_id, kolom, jenis, sejak) VALUES "
        "('k1', 'pegawai', ?, 'telepon', 'nilai', '2026-11-20T01:00:00Z')",
        (pid,),
    )
    conn.commit()
    b = read_beranda(demo_db, "sistem", today=TODAY, now=NOW)
    assert b.sinkron is not None
    assert b.sinkron.konflik == _scalar(demo_db, "SELECT count(*) FROM lokal_konflik") == 1
    peers = {p.nama: p for p in b.sinkron.peer}
    assert set(peers) == {"Laptop Bidang Mutasi", "BKD Provinsi"}
    assert peers["Laptop Bidang Mutasi"].terakhir_terima is not None
    assert peers["BKD Provinsi"].terakhir_terima is None


def test_json_is_plain_and_complete(demo_db: Database) -> None:
    data = beranda_json(read_beranda(demo_db, "sistem", today=TODAY, now=NOW))
    assert set(data) == {
        "tanggal",
        "unit",
        "pegawai_aktif",
        "jatuh_tempo",
        "melewati_bup",
        "skp",
        "diklat",
        "sinkron",
        "cadangan",
        "cuti",
        "pengaduan",  # issue 16
    }
    assert data["pengaduan"] == {"terbuka": 0, "terlambat": []}
    person = data["jatuh_tempo"][2]["kgb"][0]
    assert set(person) >= {"pegawai_id", "nip", "nama", "tanggal", "uraian", "status"}
    assert person["status"] in {"memenuhi", "perlu_diverifikasi", "belum_memenuhi"}


# -- rights ------------------------------------------------------------------------------------


def _user(
    db: Database, admin: Sesi, name: str, hak: list[Hak], pegawai_id: str | None = None
) -> Sesi:
    akun.create_akun(db, name, name.title(), SANDI, hak, actor=admin, pegawai_id=pegawai_id)
    return akun.masuk(db, name, SANDI)


def _audit(db: Database) -> int:
    return _scalar(db, "SELECT count(*) FROM lokal_audit WHERE aksi = 'Akses ditolak'")


def test_parts_follow_the_rights_of_the_actor(demo_db: Database) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    everything = read_beranda(demo_db, admin, today=TODAY, now=NOW)
    assert None not in (everything.pegawai, everything.sinkron, everything.cadangan)
    # A head of office reads the recaps, not the sync state nor the backups.
    head = _user(demo_db, admin, "kepala", [Hak(Peran.PIMPINAN)])
    b = read_beranda(demo_db, head, today=TODAY, now=NOW)
    assert b.pegawai == everything.pegawai and b.sinkron is None and b.cadangan is None
    # An appraiser has no recap right: the employee figures are left out, not refused.
    pid = demo_db.conn.execute("SELECT pegawai_id FROM pegawai_ringkas LIMIT 1").fetchone()[0]
    before = _audit(demo_db)
    appraiser = _user(demo_db, admin, "penilai", [Hak(Peran.PEJABAT_PENILAI)], pegawai_id=pid)
    b = read_beranda(demo_db, appraiser, today=TODAY, now=NOW)
    assert (b.pegawai, b.jangka, b.skp, b.diklat, b.lewat_bup) == (None,) * 5
    assert _audit(demo_db) == before  # the home page is not an attempt at something refused
    assert beranda_json(b)["pegawai_aktif"] is None


def test_a_unit_limited_reader_sees_only_the_unit(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The operator's recap right limited to the units of the role (as the authorization work
    # in progress makes it): the figures are those of the unit.
    monkeypatch.setitem(akses.HAK[Peran.OPERATOR], "laporan.baca", Lingkup.UNIT)
    conn = demo_db.conn
    opd_a, opd_b = (
        r[0]
        for r in conn.execute(
            "SELECT opd_id FROM pegawai_ringkas WHERE opd_id IS NOT NULL GROUP BY opd_id "
            "ORDER BY count(*) DESC LIMIT 2"
        )
    )
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    op = _user(demo_db, admin, "operator.a", [Hak(Peran.OPERATOR, opd_a)])
    b = read_beranda(demo_db, op, today=TODAY, now=NOW)
    assert b.pegawai is not None
    assert b.pegawai.jumlah == _scalar(demo_db, f"SELECT count(*) {ACTIVE} AND r.opd_id = ?", opd_a)
    nama_a = conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (opd_a,)).fetchone()[0]
    assert b.unit_nama == nama_a
    in_a = {
        r[0]
        for r in conn.execute("SELECT pegawai_id FROM pegawai_ringkas WHERE opd_id = ?", (opd_a,))
    }
    assert b.jangka is not None
    people = [o for j in b.jangka for o in (*j.kgb, *j.pensiun, *j.kp)]
    assert people and all(o.pegawai_id in in_a for o in people)
    assert b.diklat is not None and all(o.pegawai_id in in_a for o in b.diklat.di_bawah)
    # Another unit asked for by name: refused, as for the recap sheets.
    with pytest.raises(AccessDenied):
        read_beranda(demo_db, op, unit_id=opd_b, today=TODAY, now=NOW)
    # Two units: both counted.
    op2 = _user(
        demo_db, admin, "operator.ab", [Hak(Peran.OPERATOR, opd_a), Hak(Peran.OPERATOR, opd_b)]
    )
    both = read_beranda(demo_db, op2, today=TODAY, now=NOW)
    assert both.pegawai is not None
    assert both.pegawai.jumlah == _scalar(
        demo_db, f"SELECT count(*) {ACTIVE} AND r.opd_id IN (?, ?)", opd_a, opd_b
    )


def test_people_past_their_bup_still_active_are_flagged(demo_db: Database) -> None:
    conn = demo_db.conn
    assert read_beranda(demo_db, "sistem", today=TODAY, now=NOW).lewat_bup == ()
    # A position whose own BUP (an override of the level's age) its holder, 55 years old on
    # the day, already passed: set directly, only the finding is under test.
    row = conn.execute(
        "SELECT r.pegawai_id, rj.jabatan_id FROM pegawai_ringkas r JOIN riwayat_jabatan rj "
        "ON rj.pegawai_id = r.pegawai_id AND rj.deleted = 0 AND rj.tmt = r.tmt_jabatan "
        "WHERE r.jenis_asn = 'PNS' AND r.kedudukan = 'AKTIF' AND rj.jabatan_id IS NOT NULL "
        "AND r.tanggal_lahir BETWEEN '1970-01-01' AND '1971-06-30' AND (SELECT count(*) FROM "
        "riwayat_jabatan x WHERE x.jabatan_id = rj.jabatan_id AND x.deleted = 0) = 1 LIMIT 1"
    ).fetchone()
    assert row is not None
    conn.execute("UPDATE jabatan SET bup_tahun = 54 WHERE id = ?", (row[1],))
    conn.commit()
    b = read_beranda(demo_db, "sistem", today=TODAY, now=NOW)
    assert b.lewat_bup is not None and [o.pegawai_id for o in b.lewat_bup] == [row[0]]
    assert b.lewat_bup[0].tanggal is not None and b.lewat_bup[0].tanggal < TODAY
    assert "BUP 54 tahun" in b.lewat_bup[0].uraian


def test_open_and_overdue_complaints_without_the_complainant(demo_db: Database) -> None:
    """Issue 16: the home page counts open complaints and lists the stages past their
    deadline, never the complainant's name."""
    from app.models.pengaduan import register as adu
    from tests.helpers.integritas import complaint

    complaint(demo_db, None, on=TODAY - timedelta(days=20), nama="Warga Rahasia")
    b = read_beranda(demo_db, "sistem", today=TODAY, now=NOW)
    assert b.pengaduan is not None and b.pengaduan.terbuka == 1
    assert [t.split(" ")[0] for t in b.pengaduan.terlambat] == ["Triase", "Tanggapan"]
    assert "Warga Rahasia" not in repr(b.pengaduan)
    assert adu.list_pengaduan(demo_db, "sistem")[0].pelapor is not None


def test_windows_equal_the_lists_computed_one_period_at_a_time(demo_db: Database) -> None:
    # the KP lists of the windows come from one pass over the (up to three) periods and each
    # person's KGB/pensiun line is built once: every line must be that of the separate lists
    from app.models.rekap.beranda import _kgb_orang, _kp_orang, _pensiun_orang
    from app.models.rules.kp import STATUS_MEMENUHI

    conn = demo_db.conn
    unit = conn.execute(
        "SELECT unit_id FROM pegawai_ringkas WHERE unit_id IS NOT NULL GROUP BY unit_id "
        "ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    for unit_id in (None, unit):
        b = read_beranda(demo_db, "sistem", unit_id=unit_id, today=TODAY, now=NOW)
        assert b.jangka is not None
        kgb_all = kgb.kgb_jatuh_tempo(conn, TODAY, b.jangka[-1].sampai, unit_id=unit_id)
        kgb_all.sort(key=lambda r: (r.tmt_baru, r.nama_lengkap.casefold(), r.nip))
        pensiun_all = sorted(
            pensiun.pensiun(conn, TODAY, tahun=1, unit_id=unit_id),
            key=lambda r: (r.tmt_pensiun, r.nama_lengkap.casefold(), r.nip),
        )
        for j in b.jangka:
            assert j.kgb == tuple(_kgb_orang(r) for r in kgb_all if r.tmt_baru <= j.sampai)
            assert j.pensiun == tuple(
                _pensiun_orang(r) for r in pensiun_all if r.tmt_pensiun <= j.sampai
            )
            assert j.periode_kp is not None
            rows = list(kp.nominatif_kp(conn, j.periode_kp, unit_id=unit_id).baris)
            rows.sort(key=lambda r: (r.status != STATUS_MEMENUHI, r.nama_lengkap.casefold()))
            assert j.kp == tuple(_kp_orang(r, j.periode_kp) for r in rows)
            assert unit_id is not None or j.kp
