"""Leave (cuti, issue 17): working days of the agency calendar, the cuti tahunan balance with its
carry-over (Peraturan BKN 24/2017's own example), the checks of each kind, the recommendation and
decision, cancellation, corrections, the calendar import, rights, and Hypothesis properties."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.cuti import kalender as kal
from app.models.cuti import permohonan as cuti
from app.models.cuti.permohonan import Permohonan
from app.models.cuti.saldo import read_orang, read_saldo, saldo_tahunan
from app.models.errors import AccessDenied, ValidationError
from app.models.rules.cuti import BatasBawaan, Kalender, TahunCuti, hitung_saldo
from tests.helpers.cuti import Kantor, kantor

D = date.fromisoformat
HARI_INI = D("2026-01-05")


@pytest.fixture
def k(tmp_path: Path) -> Kantor:
    office = kantor(tmp_path / "cuti.sqlite3")
    yield office
    office.db.close()


def _ajukan(k: Kantor, pid: str, jenis: str, mulai: str, selesai: str, **kw: object) -> str:
    p = Permohonan(jenis, D(mulai), D(selesai), str(kw.pop("alasan", "Keperluan keluarga")), **kw)  # type: ignore[arg-type]
    return cuti.ajukan(k.db, pid, p, actor="sistem", today=HARI_INI)


def _reasons(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.reasons or [str(exc.value)])


# -- working days ---------------------------------------------------------------------------------


def test_a_request_spanning_a_holiday_and_a_weekend_counts_working_days(k: Kantor) -> None:
    """Thursday 14 May 2026 (holiday) to Tuesday 19 May: the holiday, the cuti bersama on
    Friday and the weekend are not counted; Monday and Tuesday are (5-day week)."""
    cid = _ajukan(k, k.ani, "TAHUNAN", "2026-05-14", "2026-05-19")
    c = cuti.get_cuti(k.db.conn, cid)
    assert (c.lama, c.tahun, c.status) == (2, 2026, "DIAJUKAN")
    assert c.lama_teks == "2 hari kerja"
    kal.set_setelan(k.db, {"cuti_hari_kerja": "6"}, actor="sistem")
    assert kal.read_kalender(k.db.conn).hari_kerja(D("2026-05-14"), D("2026-05-19")) == 3


def test_a_request_without_a_working_day_or_calendar_is_refused(k: Kantor) -> None:
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "TAHUNAN", "2026-05-14", "2026-05-17")
    assert "tidak memuat hari kerja" in _reasons(exc)
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "TAHUNAN", "2028-03-01", "2028-03-03")
    assert "Kalender libur tahun 2028 belum diisi" in _reasons(exc)


# -- the balance -------------------------------------------------------------------------------


def test_carry_over_six_days_then_up_to_24_after_two_years_unused() -> None:
    """Peraturan BKN 24/2017: unused days carry over up to 18 with the current year's (6), and
    up to 24 (12) when the leave was not taken two years running."""
    per = {
        2023: TahunCuti(hak=12, dipakai=12),
        2024: TahunCuti(hak=12),  # not taken
        2025: TahunCuti(hak=12),  # not taken, the second year running
        2026: TahunCuti(hak=12, dipakai=3),
        2027: TahunCuti(hak=12),
    }
    s = hitung_saldo(per, 2023, 2027, BatasBawaan(6, 12))
    assert [(y, s[y].bawaan, s[y].tersedia) for y in s] == [
        (2023, 0, 12),
        (2024, 0, 12),
        (2025, 6, 18),
        (2026, 12, 24),
        (2027, 6, 18),
    ]
    assert s[2026].sisa == 21


def test_the_regulations_example_18_days_after_one_unused_year() -> None:
    """The Perban's example: no cuti tahunan in 2018, a request in 2019 for 2018 and 2019 can be
    given at most 18 working days."""
    s = hitung_saldo(
        {2017: TahunCuti(hak=12, dipakai=12), 2018: TahunCuti(hak=12), 2019: TahunCuti(hak=12)},
        2017,
        2019,
        BatasBawaan(6, 12),
    )
    assert s[2019].tersedia == 18


def test_postponed_leave_carries_up_to_24(k: Kantor) -> None:
    """A cuti tahunan the official postponed in 2025 lets 12 days carry into 2026 even though
    leave was taken in 2024 (so not two years unused)."""
    _ajukan(k, k.ani, "TAHUNAN", "2024-06-03", "2024-06-04")
    for c in cuti.list_cuti(k.db.conn, pegawai_id=k.ani):
        cuti.putuskan(k.db, c.id, "SETUJU", actor="sistem", today=HARI_INI)
    before = read_saldo(k.db.conn, k.ani, 2026).tahunan
    assert (before.bawaan, before.tersedia) == (6, 18)
    cid = _ajukan(k, k.ani, "TAHUNAN", "2025-11-03", "2025-11-14")
    with pytest.raises(ValidationError, match="alasan"):
        cuti.putuskan(k.db, cid, "TUNDA", actor="sistem")
    c = cuti.putuskan(k.db, cid, "TUNDA", catatan="Kepentingan dinas mendesak", actor="sistem")
    assert c.status == "DITANGGUHKAN"
    after = read_saldo(k.db.conn, k.ani, 2026).tahunan
    assert (after.bawaan, after.tersedia) == (12, 24)


def test_no_entitlement_in_the_first_year_of_service(k: Kantor) -> None:
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.budi, "TAHUNAN", "2026-03-02", "2026-03-03")
    assert "Masa kerja pada 2 Maret 2026 baru 0 tahun 6 bulan" in _reasons(exc)
    assert "berhak mulai 1 September 2026" in _reasons(exc)
    _ajukan(k, k.budi, "TAHUNAN", "2026-09-01", "2026-09-02")


def test_cuti_besar_and_tahunan_in_the_same_year(k: Kantor) -> None:
    """No cuti tahunan in a cuti besar year; a cuti besar after tahunan days beyond the carried
    ones were taken would drive that year's balance below zero, so it is refused."""
    besar = _ajukan(k, k.ani, "BESAR", "2026-02-02", "2026-05-01", alasan="Ibadah umrah")
    cuti.putuskan(k.db, besar, "SETUJU", actor="sistem", today=HARI_INI)
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "TAHUNAN", "2026-08-03", "2026-08-04")
    assert "tidak berhak atas cuti tahunan pada tahun yang sama" in _reasons(exc)
    assert read_saldo(k.db.conn, k.ani, 2026).tahunan.hak == 0
    # Dedi took 12 days in 2025 (6 carried into 2026) and 10 in 2026, then asks for a cuti
    # besar the same year: 2026 would have no entitlement of its own, 6 - 10 < 0.
    for mulai, selesai in (("2025-03-03", "2025-03-18"), ("2026-03-02", "2026-03-13")):
        t = _ajukan(k, k.dedi, "TAHUNAN", mulai, selesai)
        cuti.putuskan(k.db, t, "SETUJU", actor="sistem", today=HARI_INI)
    assert read_saldo(k.db.conn, k.dedi, 2026).tahunan.bawaan == 6
    with pytest.raises(ValidationError, match="Saldo cuti tahunan 2026 akan menjadi -4 hari"):
        _ajukan(k, k.dedi, "BESAR", "2026-06-01", "2026-08-31")


def test_cuti_besar_needs_five_years_and_lasts_three_months(k: Kantor) -> None:
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.budi, "BESAR", "2026-10-01", "2026-10-31")
    assert "paling sedikit 5 tahun" in _reasons(exc)
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "BESAR", "2026-02-02", "2026-05-02")
    assert "paling lambat selesai 1 Mei 2026" in _reasons(exc)


def test_overlapping_requests_are_refused(k: Kantor) -> None:
    _ajukan(k, k.ani, "TAHUNAN", "2026-03-02", "2026-03-04")
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "SAKIT", "2026-03-04", "2026-03-05", alasan="Demam", lampiran=("sk.pdf",))
    assert "Bertumpang tindih dengan Cuti tahunan 2 Maret 2026 s.d. 4 Maret 2026" in _reasons(exc)


def test_kind_conditions(k: Kantor) -> None:
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "SAKIT", "2026-03-02", "2026-03-04", alasan="Demam")
    assert "memerlukan lampiran surat keterangan dokter" in _reasons(exc)
    _ajukan(k, k.ani, "SAKIT", "2026-03-02", "2026-03-02", alasan="Demam")  # 1 day: no letter
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "MELAHIRKAN", "2026-07-01", "2026-09-30", anak_ke=4)
    assert "untuk anak ke-4 ajukan cuti besar" in _reasons(exc)
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.dedi, "MELAHIRKAN", "2026-07-01", "2026-09-30", anak_ke=1)
    assert "hanya untuk pegawai perempuan" in _reasons(exc)
    _ajukan(k, k.citra, "MELAHIRKAN", "2026-07-01", "2026-09-30", anak_ke=2)
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.citra, "CLTN", "2026-11-02", "2027-11-01", lampiran=("surat.pdf",))
    assert "tidak berlaku bagi PPPK" in _reasons(exc)
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "BERSAMA", "2026-05-15", "2026-05-15")
    assert "isi tanggalnya di kalender" in _reasons(exc)


# -- workflow ---------------------------------------------------------------------------------


def test_recommend_decide_change_refuse_cancel(k: Kantor) -> None:
    a = _ajukan(k, k.ani, "TAHUNAN", "2026-03-02", "2026-03-06", alamat="Jl. Melati 3, Bogor")
    cuti.rekomendasikan(k.db, a, "SETUJU", actor="atasan", today=HARI_INI)
    c = cuti.putuskan(
        k.db,
        a,
        "UBAH",
        catatan="Rapat anggaran 2 Maret",
        mulai=D("2026-03-09"),
        selesai=D("2026-03-11"),
        actor="kepala",
        today=HARI_INI,
    )
    assert (c.status, c.lama, c.usul_mulai, c.rekomendasi) == (
        "DISETUJUI",
        3,
        D("2026-03-02"),
        "SETUJU",
    )
    with pytest.raises(ValidationError, match="berstatus disetujui"):
        cuti.putuskan(k.db, a, "TOLAK", catatan="x", actor="kepala")
    assert read_saldo(k.db.conn, k.ani, 2026).tahunan.dipakai == 3
    with pytest.raises(ValidationError, match="sudah dimulai"):
        cuti.batalkan(k.db, a, actor="sistem", today=D("2026-03-09"))
    cuti.batalkan(k.db, a, actor="sistem", alasan="Sakit", today=D("2026-03-01"))
    assert cuti.get_cuti(k.db.conn, a).status == "DIBATALKAN"
    assert read_saldo(k.db.conn, k.ani, 2026).tahunan.dipakai == 0
    b = _ajukan(k, k.ani, "ALASAN_PENTING", "2026-04-06", "2026-04-08", lampiran=("sk.pdf",))
    with pytest.raises(ValidationError, match="memerlukan alasan"):
        cuti.putuskan(k.db, b, "TOLAK", actor="kepala")
    assert cuti.putuskan(k.db, b, "TOLAK", catatan="Tidak ada", actor="kepala").status == "DITOLAK"


def test_balance_is_checked_against_approved_and_pending(k: Kantor) -> None:
    """Ani has 24 days in 2026 (never took leave); 20 asked, then 5 more are refused."""
    assert read_saldo(k.db.conn, k.ani, 2026).tahunan.tersedia == 24
    _ajukan(k, k.ani, "TAHUNAN", "2026-06-01", "2026-06-26")  # 20 working days
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.ani, "TAHUNAN", "2026-07-06", "2026-07-10")
    assert "Sisa cuti tahunan 2026 hanya 4 hari kerja" in _reasons(exc)


def test_correction_is_dated_with_a_reason_and_never_negative(k: Kantor) -> None:
    with pytest.raises(ValidationError, match="Alasan"):
        cuti.koreksi_saldo(k.db, k.budi, 2026, 2, "", actor="sistem")
    with pytest.raises(ValidationError, match="menjadi"):
        cuti.koreksi_saldo(k.db, k.budi, 2026, -30, "Salah hitung", actor="sistem")
    cuti.koreksi_saldo(
        k.db, k.ani, 2026, -2, "Cuti 2025 tercatat manual", actor="sistem", tanggal_koreksi=HARI_INI
    )
    s = read_saldo(k.db.conn, k.ani, 2026).tahunan
    assert (s.penyesuaian, s.tersedia) == (-2, 22)


def test_calendar_import_from_csv(k: Kantor, tmp_path: Path) -> None:
    f = tmp_path / "kalender.csv"
    f.write_text(
        "tanggal;jenis;keterangan\n2028-01-01;libur;Tahun Baru\n02-01-2028;cuti bersama;CB\n",
        encoding="utf-8",
    )
    assert kal.import_kalender(k.db, f, actor="sistem") == 2
    rows = kal.list_tanggal(k.db.conn, 2028)
    assert [(r.tanggal, r.jenis) for r in rows] == [
        (D("2028-01-01"), "LIBUR"),
        (D("2028-01-02"), "CUTI_BERSAMA"),
    ]
    bad = tmp_path / "salah.csv"
    bad.write_text("tanggal;jenis\n2028-02-30;libur\n2028-03-01;pesta\n", encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        kal.import_kalender(k.db, bad, actor="sistem")
    assert "Baris 2" in _reasons(exc) and "Baris 3" in _reasons(exc)
    assert len(kal.list_tanggal(k.db.conn, 2028)) == 2


def test_cuti_bersama_reduces_the_entitlement_only_when_set(k: Kantor) -> None:
    orang = read_orang(k.db.conn, k.dedi)
    assert saldo_tahunan(k.db.conn, orang, 2026)[2026].hak == 12
    kal.set_setelan(k.db, {"cuti_bersama_kurangi_tahunan": "1"}, actor="sistem")
    assert saldo_tahunan(k.db.conn, orang, 2026)[2026].hak == 11
    assert saldo_tahunan(k.db.conn, orang, 2025)[2025].hak == 11


# -- rights -----------------------------------------------------------------------------------


def test_rights_are_checked_in_the_domain(k: Kantor, monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    sandi = "kopi pagi di kantor"
    admin = akun.create_admin_pertama(k.db, "admin", "Admin", sandi)
    akun.create_akun(
        k.db, "operator", "Operator", sandi, [Hak(Peran.OPERATOR, k.units["badan"])], actor=admin
    )
    akun.create_akun(k.db, "kepala", "Kepala", sandi, [Hak(Peran.PIMPINAN)], actor=admin)
    op = akun.sesi_untuk(k.db, "operator")
    kepala = akun.sesi_untuk(k.db, "kepala")
    p = Permohonan("TAHUNAN", D("2026-03-02"), D("2026-03-03"), "Urusan keluarga")
    with pytest.raises(AccessDenied):
        cuti.ajukan(k.db, k.ani, p, actor=op)  # Ani is in the other OPD
    cid = cuti.ajukan(k.db, k.dedi, p, actor=op)
    with pytest.raises(AccessDenied):
        cuti.putuskan(k.db, cid, "SETUJU", actor=op)
    assert cuti.putuskan(k.db, cid, "SETUJU", actor=kepala).status == "DISETUJUI"
    assert [c.id for c in cuti.daftar_cuti(k.db, op)] == [cid]
    akun.create_akun(k.db, "panitia", "Panitia", sandi, [Hak(Peran.ANGGOTA_PANITIA)], actor=admin)
    with pytest.raises(AccessDenied):
        cuti.daftar_cuti(k.db, akun.sesi_untuk(k.db, "panitia"))


# -- properties -------------------------------------------------------------------------------

_STEP = st.tuples(
    st.sampled_from(["ajukan", "setuju", "tunda", "tolak", "batal", "koreksi", "besar"]),
    st.integers(2024, 2027),
    st.integers(1, 330),
    st.integers(0, 20),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(_STEP, min_size=1, max_size=12))
def test_balance_never_negative_through_any_sequence(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int, int, int]]
) -> None:
    office = kantor(tmp_path_factory.mktemp("h") / "cuti.sqlite3")
    db = office.db
    try:
        for action, tahun, day, length in steps:
            mulai = date(tahun, 1, 1) + timedelta(days=day)
            pending = cuti.list_cuti(db.conn, pegawai_id=office.dedi, status="DIAJUKAN")
            try:
                if action == "ajukan":
                    _ajukan(
                        office,
                        office.dedi,
                        "TAHUNAN",
                        mulai.isoformat(),
                        (mulai + timedelta(days=length)).isoformat(),
                    )
                elif action == "besar":
                    _ajukan(
                        office,
                        office.dedi,
                        "BESAR",
                        mulai.isoformat(),
                        (mulai + timedelta(days=length * 4)).isoformat(),
                    )
                elif action in ("setuju", "tunda", "tolak") and pending:
                    key = {"setuju": "SETUJU", "tunda": "TUNDA", "tolak": "TOLAK"}[action]
                    cuti.putuskan(
                        db, pending[day % len(pending)].id, key, catatan="uji", actor="sistem"
                    )
                elif action == "batal":
                    rows = cuti.list_cuti(db.conn, pegawai_id=office.dedi)
                    if rows:
                        cuti.batalkan(
                            db, rows[day % len(rows)].id, actor="sistem", today=date(2023, 12, 1)
                        )
                elif action == "koreksi":
                    cuti.koreksi_saldo(
                        db, office.dedi, tahun, length - 10 or 1, "uji", actor="sistem"
                    )
            except ValidationError:
                pass
            saldo = saldo_tahunan(db.conn, read_orang(db.conn, office.dedi), 2027)
            for s in saldo.values():
                assert s.sisa >= 0, (s, steps)
                assert s.bawaan_berikut <= 12
    finally:
        db.close()


@given(
    per=st.dictionaries(
        st.integers(2015, 2030),
        st.builds(
            TahunCuti,
            hak=st.sampled_from([0, 12]),
            dipakai=st.integers(0, 24),
            ditangguhkan=st.sampled_from([0, 0, 3]),
            penyesuaian=st.integers(-3, 3),
        ),
    )
)
def test_carried_days_never_exceed_the_cap(per: dict[int, TahunCuti]) -> None:
    s = hitung_saldo(per, 2015, 2031, BatasBawaan(6, 12))
    for tahun, row in s.items():
        assert 0 <= row.bawaan <= 12
        prev = s.get(tahun - 1)
        if prev is not None and prev.ditangguhkan == 0 and (prev.dipakai or not prev.hak):
            assert row.bawaan <= 6  # 24 in all only after two unused years or a postponement
        assert row.bawaan_berikut == max(0, min(row.sisa, 12 if row.bawaan_berikut > 6 else 6))


@given(
    mulai=st.dates(date(2026, 1, 1), date(2026, 12, 31)),
    panjang=st.integers(0, 60),
    libur=st.sets(st.dates(date(2026, 1, 1), date(2026, 12, 31)), max_size=20),
    enam=st.booleans(),
)
def test_working_days_follow_the_calendar(
    mulai: date, panjang: int, libur: set[date], enam: bool
) -> None:
    """The count equals the days that are working days; splitting a range adds up; a holiday
    keyed in on a working day inside the range takes away exactly one."""
    k = Kalender(6 if enam else 5, frozenset(libur), frozenset(), frozenset({2026}))
    selesai = mulai + timedelta(days=panjang)
    n = k.hari_kerja(mulai, selesai)
    days = [mulai + timedelta(days=i) for i in range(panjang + 1)]
    assert n == sum(1 for d in days if d.weekday() < k.hari_per_minggu and d not in libur)
    tengah = mulai + timedelta(days=panjang // 2)
    assert n == k.hari_kerja(mulai, tengah) + k.hari_kerja(tengah + timedelta(days=1), selesai)
    kerja = [d for d in days if k.is_hari_kerja(d)]
    if kerja:
        more = Kalender(
            k.hari_per_minggu, frozenset(libur | {kerja[0]}), frozenset(), k.tahun_terisi
        )
        assert more.hari_kerja(mulai, selesai) == n - 1


def test_demo_has_a_believable_year_of_leave(demo_db: object) -> None:
    """The demo's leave passes the rules: several kinds, no balance below zero, no overlap."""
    from app.models.storage.db import Database

    assert isinstance(demo_db, Database)
    conn = demo_db.conn
    kinds = {r[0] for r in conn.execute("SELECT DISTINCT jenis_kode FROM cuti")}
    assert {"TAHUNAN", "SAKIT"} <= kinds
    people = [r[0] for r in conn.execute("SELECT DISTINCT pegawai_id FROM cuti")]
    assert len(people) > 50
    tahun = int(conn.execute("SELECT max(tahun) FROM cuti").fetchone()[0])
    assert kal.list_tanggal(conn, tahun)
    for pid in people:
        orang = read_orang(conn, pid)
        for s in saldo_tahunan(conn, orang, tahun).values():
            assert s.sisa >= 0, (orang.nip, s)
        rows = [c for c in cuti.list_cuti(conn, pegawai_id=pid) if c.status in cuti.AKTIF]
        for a in rows:
            for b in rows:
                assert a.id == b.id or a.selesai < b.mulai or b.selesai < a.mulai


def test_calendar_import_from_xlsx(k: Kantor, tmp_path: Path) -> None:
    """An .xlsx goes through the import engine's reader (same limits); Excel dates arrive as
    ISO text."""
    from datetime import datetime

    from tests.helpers.impor import write_xlsx

    f = write_xlsx(
        tmp_path / "kalender.xlsx",
        [
            ["Tanggal", "Jenis", "Keterangan"],
            [datetime(2028, 8, 17), "Libur", "Hari Kemerdekaan"],
            ["2028-12-26", "Cuti Bersama", "Natal"],
        ],
    )
    assert kal.import_kalender(k.db, f, actor="sistem") == 2
    assert [(r.tanggal, r.jenis) for r in kal.list_tanggal(k.db.conn, 2028)] == [
        (D("2028-08-17"), "LIBUR"),
        (D("2028-12-26"), "CUTI_BERSAMA"),
    ]


def test_return_to_duty_counts_the_working_days_late(k: Kantor) -> None:
    cid = _ajukan(k, k.ani, "TAHUNAN", "2026-03-02", "2026-03-04")
    with pytest.raises(ValidationError, match="berstatus diajukan"):
        cuti.catat_kembali(k.db, cid, D("2026-03-05"), actor="sistem", today=D("2026-03-10"))
    cuti.putuskan(k.db, cid, "SETUJU", actor="sistem", today=HARI_INI)
    with pytest.raises(ValidationError, match="tidak di masa depan"):
        cuti.catat_kembali(k.db, cid, D("2026-03-12"), actor="sistem", today=D("2026-03-10"))
    # Back on Tuesday 10 March: Thursday 5, Friday 6 and Monday 9 were working days missed.
    late = cuti.catat_kembali(k.db, cid, D("2026-03-10"), actor="sistem", today=D("2026-03-10"))
    assert late == 3
    assert cuti.get_cuti(k.db.conn, cid).kembali == D("2026-03-10")
    assert (
        cuti.catat_kembali(k.db, cid, D("2026-03-05"), actor="sistem", today=D("2026-03-10")) == 0
    )


def test_cltn_after_five_years_is_not_counted_as_service(k: Kantor) -> None:
    """CLTN: after 5 years, at most 3 years plus 1; its days are data for the masa kerja
    (ref_aturan_cuti.masa_kerja_dihitung = 0, [?])."""
    from app.models.cuti.saldo import hari_tidak_dihitung

    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.budi, "CLTN", "2026-10-01", "2027-09-30", lampiran=("surat.pdf",))
    assert "paling sedikit 5 tahun" in _reasons(exc)
    with pytest.raises(ValidationError) as exc:
        _ajukan(k, k.dedi, "CLTN", "2026-10-01", "2030-10-01", lampiran=("surat.pdf",))
    assert "paling lama 48 bulan" in _reasons(exc)
    cid = _ajukan(k, k.dedi, "CLTN", "2026-10-01", "2027-09-30", lampiran=("surat.pdf",))
    cuti.putuskan(k.db, cid, "SETUJU", actor="sistem", today=HARI_INI)
    assert hari_tidak_dihitung(k.db.conn, k.dedi, D("2026-12-31")) == 92
    assert hari_tidak_dihitung(k.db.conn, k.dedi, D("2028-01-01")) == 365
    assert hari_tidak_dihitung(k.db.conn, k.ani, D("2028-01-01")) == 0
