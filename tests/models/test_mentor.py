"""Mentoring (issue 15 item 6): the new-CPNS and suggested-mentor rules, pairs, meetings,
closing, rights and the suggestion on a database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied, NotFoundError, ValidationError
from app.models.kompetensi import mentor
from app.models.rules.mentor import Calon, cpns_baru, layak_mentor, saran_mentor
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.kompetensi import pegawai
from tests.helpers.organisasi import Org, add_person

TODAY = date(2026, 12, 4)

# -- rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "tmt", "expected"),
    [
        ("CPNS", None, True),
        ("CPNS", date(2020, 1, 1), True),
        ("PNS", TODAY - timedelta(days=365), True),
        ("PNS", TODAY - timedelta(days=366), False),
        ("PNS", TODAY, True),
        ("PNS", TODAY + timedelta(days=1), False),  # a TMT in the future: not yet
        ("PNS", None, False),
        ("PPPK", TODAY, False),
    ],
)
def test_new_cpns(status: str, tmt: date | None, expected: bool) -> None:
    assert cpns_baru(status, tmt, TODAY) is expected


calon = st.builds(
    Calon,
    pegawai_id=st.sampled_from(["a", "b", "c", "d", "e", "f"]),
    nama=st.sampled_from(["Ani", "Budi", "Citra"]),
    unit_id=st.sampled_from(["u1", "u2", None]),
    status_kepegawaian=st.sampled_from(["CPNS", "PNS", "PPPK"]),
    kedudukan=st.sampled_from(["AKTIF", "PENSIUN", "MENINGGAL", "BERHENTI"]),
    golongan_urutan=st.one_of(st.none(), st.integers(1, 17)),
    jumlah_mentee=st.integers(0, 5),
)


@given(mentee=calon, semua=st.lists(calon, max_size=12))
def test_suggested_mentor_is_a_senior_active_pns_of_the_same_unit_with_fewest_mentees(
    mentee: Calon, semua: list[Calon]
) -> None:
    pick = saran_mentor(mentee, semua)
    fit = [c for c in semua if layak_mentor(mentee, c)]
    if pick is None:
        assert fit == []
        return
    assert pick.pegawai_id != mentee.pegawai_id
    assert pick.unit_id == mentee.unit_id is not None
    assert pick.kedudukan == "AKTIF" and pick.status_kepegawaian == "PNS"
    assert pick.golongan_urutan is not None
    if mentee.golongan_urutan is not None:
        assert pick.golongan_urutan > mentee.golongan_urutan
    assert pick.jumlah_mentee == min(c.jumlah_mentee for c in fit)


def test_suggestion_prefers_fewer_mentees_then_the_higher_rank() -> None:
    mentee = Calon("m", "Mentee", "u1", "CPNS", "AKTIF", 9)
    busy = Calon("a", "Agus", "u1", "PNS", "AKTIF", 14, jumlah_mentee=2)
    free_low = Calon("b", "Bambang", "u1", "PNS", "AKTIF", 10)
    free_high = Calon("c", "Citra", "u1", "PNS", "AKTIF", 12)
    equal = Calon("d", "Dian", "u1", "PNS", "AKTIF", 9)
    other_unit = Calon("e", "Eko", "u2", "PNS", "AKTIF", 16)
    retired = Calon("f", "Fajar", "u1", "PNS", "PENSIUN", 16)
    assert saran_mentor(mentee, [busy, free_low, free_high]) == free_high
    assert saran_mentor(mentee, [busy, free_low]) == free_low
    assert saran_mentor(mentee, [busy]) == busy
    assert saran_mentor(mentee, [equal, other_unit, retired, mentee]) is None


# -- the model --------------------------------------------------------------------------------


def _cpns(db: Database, org: Org, nama: str = "Citra") -> str:
    pid = add_person(db, nama, golongan="III/a", jabatan=[(org.analis, org.bidang, "2026-03-01")])
    with Store(db).write("uji") as tx:
        tx.update("pegawai", pid, {"status_kepegawaian": "CPNS", "tmt_cpns": "2026-03-01"})
    return pid


def test_pair_meet_and_close(db: Database, org: Org) -> None:
    citra = _cpns(db, org)
    kabid = pegawai(db, "Kabid")
    pid = mentor.tambah_pasangan(db, citra, kabid, "2026-03-10", "Memahami tata naskah dinas")
    mentor.catat_pertemuan(
        db, pid, "2026-04-01", "Tata naskah", catatan="Latihan nota dinas", tindak_lanjut="Draf"
    )
    p = mentor.get_pasangan(db, pid)
    assert (p.mentee_nama, p.mentor_nama, p.status, p.jumlah_pertemuan) == (
        "Citra",
        "Kabid",
        "AKTIF",
        1,
    )
    assert p.pertemuan[0].tindak_lanjut == "Draf"
    assert mentor.mentor_aktif(db.conn, citra) == "Kabid"
    with pytest.raises(ValidationError, match="sudah punya mentor aktif"):
        mentor.tambah_pasangan(db, citra, pegawai(db, "Dewi"), "2026-03-10", "Lagi")
    with pytest.raises(ValidationError, match="sebelum mentoring dimulai"):
        mentor.catat_pertemuan(db, pid, "2026-03-01", "Terlalu awal")
    mentor.tutup_pasangan(db, pid, "2026-09-10", catatan="Tujuan tercapai")
    p = mentor.get_pasangan(db, pid)
    assert (p.status, p.selesai) == ("SELESAI", "2026-09-10")
    assert mentor.mentor_aktif(db.conn, citra) is None
    with pytest.raises(ValidationError, match="tidak dapat dicatat"):
        mentor.catat_pertemuan(db, pid, "2026-10-01", "Setelah selesai")
    with pytest.raises(ValidationError, match="sudah berstatus"):
        mentor.tutup_pasangan(db, pid, "2026-10-01")


def test_bad_pairs_are_refused_and_nothing_is_written(db: Database, org: Org) -> None:
    citra = _cpns(db, org)
    fajar = pegawai(db, "Fajar")
    kabid = pegawai(db, "Kabid")
    before = db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0]
    with pytest.raises(ValidationError, match="Pilih mentor"):
        mentor.tambah_pasangan(db, citra, "", "2026-03-10", "x")
    with pytest.raises(ValidationError, match="orang yang sama"):
        mentor.tambah_pasangan(db, citra, citra, "2026-03-10", "x")
    with pytest.raises(ValidationError, match="tidak aktif"):
        mentor.tambah_pasangan(db, citra, fajar, "2026-03-10", "x")
    with pytest.raises(ValidationError, match="Tujuan"):
        mentor.tambah_pasangan(db, citra, kabid, "2026-03-10", "  ")
    with pytest.raises(ValidationError, match="sebelum tanggal mulai"):
        mentor.tambah_pasangan(db, citra, kabid, "2026-03-10", "x", selesai="2026-01-01")
    with pytest.raises(ValidationError, match="Tanggal mulai"):
        mentor.tambah_pasangan(db, citra, kabid, "kemarin", "x")
    with pytest.raises(NotFoundError):
        mentor.catat_pertemuan(db, "tidak-ada", "2026-04-01", "x")
    assert db.conn.execute("SELECT count(*) FROM kompetensi_mentor").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] == before


def test_suggestions_for_new_cpns_spread_over_mentors(db: Database, org: Org) -> None:
    citra = _cpns(db, org, "Citra")
    dodi = _cpns(db, org, "Dodi")
    rows = mentor.saran(db, pada=TODAY)
    by_name = {r.mentee_nama: r for r in rows}
    assert set(by_name) == {"Citra", "Dodi"}  # the PNS of long standing get none
    # Bidang: Kabid III/c and Dewi III/b outrank III/a; Fajar is retired, Budi II/d lower.
    picks = {by_name["Citra"].mentor_nama, by_name["Dodi"].mentor_nama}
    assert picks == {"Kabid", "Dewi"}
    assert by_name["Citra"].mentor_nama == "Kabid"  # first: the higher rank
    mentor.tambah_pasangan(db, citra, pegawai(db, "Kabid"), "2026-03-10", "Orientasi")
    rows = mentor.saran(db, pada=TODAY)
    assert [r.mentee_id for r in rows] == [dodi]
    assert rows[0].mentor_nama == "Dewi"  # Kabid now has a mentee
    suggested = mentor.saran_untuk(db, dodi)
    assert suggested is not None and suggested.nama == "Dewi"


@pytest.fixture
def users(db: Database, org: Org, monkeypatch: pytest.MonkeyPatch) -> dict[str, akun.Sesi]:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    admin = akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    out = {"admin": admin}
    for name, hak in (
        ("opbidang", [Hak(Peran.OPERATOR, org.bidang)]),
        ("opseksi", [Hak(Peran.OPERATOR, org.seksi)]),
        ("pimpinan", [Hak(Peran.PIMPINAN)]),
    ):
        akun.create_akun(db, name, name.title(), "kopi pagi di kantor", hak, actor=admin)
        out[name] = akun.masuk(db, name, "kopi pagi di kantor")
    return out


def test_rights_are_unit_scoped(db: Database, org: Org, users: dict[str, akun.Sesi]) -> None:
    citra = _cpns(db, org)
    kabid = pegawai(db, "Kabid")
    eka = pegawai(db, "Eka")  # in the seksi
    with pytest.raises(AccessDenied):
        mentor.tambah_pasangan(db, citra, kabid, "2026-03-10", "x", actor=users["opseksi"])
    with pytest.raises(AccessDenied):
        mentor.tambah_pasangan(db, citra, kabid, "2026-03-10", "x", actor=users["pimpinan"])
    pid = mentor.tambah_pasangan(db, citra, kabid, "2026-03-10", "x", actor=users["opbidang"])
    assert [p.id for p in mentor.list_pasangan(db, actor=users["opbidang"])] == [pid]
    assert mentor.list_pasangan(db, actor=users["opseksi"]) == []
    with pytest.raises(NotFoundError):
        mentor.get_pasangan(db, pid, actor=users["opseksi"])
    with pytest.raises(AccessDenied):
        mentor.catat_pertemuan(db, pid, "2026-04-01", "x", actor=users["opseksi"])
    with pytest.raises(AccessDenied):
        mentor.tutup_pasangan(db, pid, "2026-04-01", actor=users["opseksi"])
    assert len(mentor.list_pasangan(db, actor=users["pimpinan"])) == 1
    # The seksi operator cannot take a mentor from the bidang for Eka either.
    with pytest.raises(AccessDenied):
        mentor.tambah_pasangan(db, eka, kabid, "2026-03-10", "x", actor=users["opseksi"])
    assert mentor.get_pasangan(db, pid).status == "AKTIF"
