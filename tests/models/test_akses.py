"""Roles and rights: the table of role x action, the operator's unit scope, the appraiser's
subordinates, and that a refusal leaves one audit entry and nothing else."""

from __future__ import annotations

from dataclasses import replace

import pytest
from argon2 import PasswordHasher

from app.models.access import akses, akun
from app.models.access.akses import Hak, Peran, Sesi, allowed, require
from app.models.errors import AccessDenied
from app.models.organisasi.units import Unit, UnitData, get_unit, update_unit
from app.models.pegawai import write as registri
from app.models.pegawai.ekspor import check_export
from app.models.pegawai.read import EmployeeFilter
from app.models.storage.db import Database
from app.models.storage.instansi import set_settings
from app.models.storage.store import Store

SANDI = "kopi pagi di kantor"

ALL_ACTIONS = sorted(akses.AKSI)

# What each role may do (for an employee inside the scope of the role), written out here
# independently of akses.HAK so that a wrong change to the table fails this test.
EXPECTED: dict[Peran, set[str]] = {
    Peran.ADMIN: set(ALL_ACTIONS),
    Peran.OPERATOR: {
        "pegawai.baca",
        "pegawai.baca_rincian",
        "pegawai.ubah",
        "pegawai.hapus",
        "pegawai.impor",
        "pegawai.ekspor",
        "laporan.baca",
        "skp.baca",
        "dokumen.terbitkan",
        "dokumen.baca",
        "organisasi.ubah",
        "instansi.baca",
        "sync.ekspor",
        "sync.ekspor_penuh",
        "sync.impor",
        "sync.baca",
        "kompetensi.ubah",
        "pelatihan.kelola",
        "pengaduan.kelola",  # issue 16: complaints and discipline cases of the unit
        "pengaduan.baca",
        "disiplin.kelola",
    },
    Peran.PEJABAT_PENILAI: {"pegawai.baca", "pegawai.baca_rincian", "skp.baca", "skp.nilai"},
    # No employee records, no sync, no audit: only the selections assigned.
    Peran.ANGGOTA_PANITIA: {"seleksi.nilai", "seleksi.baca"},
    Peran.SEKRETARIAT_PANITIA: {
        "pegawai.baca",
        "pegawai.baca_rincian",
        "seleksi.kelola",
        "seleksi.baca",
        "sync.ekspor",
        "sync.impor",
        "sync.baca",
    },
    Peran.PIMPINAN: {
        "pegawai.baca",
        "pegawai.baca_rincian",
        "pegawai.ekspor",
        "laporan.baca",
        "skp.baca",
        "dokumen.baca",
        "instansi.baca",
        "audit.baca",
        "seleksi.baca",
        "pengaduan.baca",  # issue 16: the register without confidential identities
    },
}
# Leave (issue 17).
EXPECTED[Peran.OPERATOR] |= {"cuti.catat", "cuti.ajukan"}
EXPECTED[Peran.PEJABAT_PENILAI] |= {"cuti.catat", "cuti.rekomendasi"}
EXPECTED[Peran.PIMPINAN] |= {"cuti.catat", "cuti.putus"}

# Administrative actions only the admin has by default (issue 12: a backup holds password
# hashes and the private sync key; a restore replaces accounts; peers and identity decide
# whose packages are believed).
ADMIN_ONLY = {
    "cadangan.buat",
    "cadangan.pulihkan",
    "sync.peer",
    "sync.identitas",
    "akun.kelola",
    "instansi.periksa",
}


def test_administrative_rights_are_the_admins_alone() -> None:
    for peran, actions in EXPECTED.items():
        if peran is not Peran.ADMIN:
            assert not actions & ADMIN_ONLY, peran
    assert {"admin", "pimpinan"} == {p.value for p, a in EXPECTED.items() if "audit.baca" in a}


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def _two_opds(db: Database) -> tuple[tuple[str, str], tuple[str, str]]:
    """(opd_id, pegawai_id) of two employees in two different OPDs."""
    rows = db.conn.execute(
        "SELECT opd_id, min(pegawai_id) FROM pegawai_ringkas WHERE deleted = 0 AND "
        "opd_id IS NOT NULL GROUP BY opd_id ORDER BY count(*) DESC LIMIT 2"
    ).fetchall()
    return (rows[0][0], rows[0][1]), (rows[1][0], rows[1][1])


def _user(
    db: Database, admin: Sesi, name: str, hak: list[Hak], pegawai_id: str | None = None
) -> Sesi:
    akun.create_akun(db, name, name.title(), SANDI, hak, actor=admin, pegawai_id=pegawai_id)
    return akun.masuk(db, name, SANDI)


def _audit_count(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM lokal_audit").fetchone()[0])


@pytest.mark.parametrize("peran", list(Peran), ids=lambda p: p.value)
def test_role_by_action_table(demo_db: Database, peran: Peran) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    (_, inside), _ = _two_opds(demo_db)
    user = _user(demo_db, admin, "uji", [Hak(peran)], pegawai_id=inside)
    allowed_now, refused = set(), set()
    for aksi in ALL_ACTIONS:
        try:
            require(demo_db, user, aksi, pegawai_id=inside)
            allowed_now.add(aksi)
        except AccessDenied as exc:
            assert "Akses ditolak" in str(exc) and akses.label_aksi(aksi) in str(exc)
            refused.add(aksi)
        # The screens' view (snapshot of roles) agrees with the model.
        assert allowed(user, aksi) == (aksi in allowed_now), aksi
    assert allowed_now == EXPECTED[peran]
    assert refused == set(ALL_ACTIONS) - EXPECTED[peran]


def test_plain_string_actor_is_the_trusted_system(db: Database) -> None:
    for aksi in ALL_ACTIONS:
        require(db, "cli:pemilik", aksi)
        assert allowed("sistem", aksi)


def test_operator_limited_to_a_unit(demo_db: Database) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    (opd_a, in_a), (_, in_b) = _two_opds(demo_db)
    op = _user(demo_db, admin, "operator.a", [Hak(Peran.OPERATOR, opd_a)])
    # Inside the unit (employee in a sub-unit of the OPD): allowed.
    registri.update_employee(demo_db, in_a, {"telepon": "081234567890"}, actor=op)
    require(demo_db, op, "pegawai.baca_rincian", pegawai_id=in_a)
    check_export(demo_db, EmployeeFilter(unit_id=opd_a), actor=op)
    # Outside: refused, with a message naming the units.
    with pytest.raises(AccessDenied, match="hanya berhak mengubah data pegawai untuk unit"):
        registri.update_employee(demo_db, in_b, {"telepon": "081234567890"}, actor=op)
    with pytest.raises(AccessDenied):
        require(demo_db, op, "pegawai.baca_rincian", pegawai_id=in_b)
    with pytest.raises(AccessDenied, match="tidak untuk seluruh instansi"):
        check_export(demo_db, EmployeeFilter(), actor=op)
    with pytest.raises(AccessDenied):
        registri.delete_employee(demo_db, in_b, actor=op)
    # The organisation and the agency settings are whole-agency matters.
    unit = get_unit(demo_db.conn, opd_a)
    with pytest.raises(AccessDenied, match="unit organisasi"):
        update_unit(demo_db, opd_a, _rename(unit), actor=op)
    with pytest.raises(AccessDenied):
        set_settings(Store(demo_db), {"nama_instansi": "BKPSDM Lain"}, actor=op)
    # The whole-agency operator may.
    whole = _user(demo_db, admin, "operator.semua", [Hak(Peran.OPERATOR)])
    registri.update_employee(demo_db, in_b, {"telepon": "081234567891"}, actor=whole)
    update_unit(demo_db, opd_a, _rename(unit), actor=whole)


def _rename(unit: Unit) -> UnitData:
    return replace(unit.as_data(), nama=unit.nama + " Baru")


def test_operator_cannot_move_an_employee_out_of_scope(demo_db: Database) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    (opd_a, in_a), (opd_b, _) = _two_opds(demo_db)
    op = _user(demo_db, admin, "operator.a", [Hak(Peran.OPERATOR, opd_a)])
    row = demo_db.conn.execute(
        "SELECT id FROM riwayat_jabatan WHERE pegawai_id = ? AND deleted = 0 LIMIT 1", (in_a,)
    ).fetchone()
    with pytest.raises(AccessDenied), Store(demo_db).write("pindah", actor=op) as tx:
        tx.update("riwayat_jabatan", row[0], {"unit_id": opd_b})


def test_appraiser_reads_subordinates_only(demo_db: Database) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    (_, in_a), (_, in_b) = _two_opds(demo_db)
    penilai = _user(demo_db, admin, "penilai", [Hak(Peran.PEJABAT_PENILAI)], pegawai_id=in_a)
    require(demo_db, penilai, "skp.nilai", pegawai_id=in_a)
    with pytest.raises(AccessDenied):
        require(demo_db, penilai, "skp.nilai", pegawai_id=in_b)
    # The list is limited to the unit of the appraiser's own position (and its sub-units).
    unit_a = akses.pegawai_unit(demo_db.conn, in_a)
    assert akses.read_roots(demo_db, penilai, "pegawai.baca") == {unit_a}
    assert akses.read_unit(demo_db, penilai, "pegawai.baca") == unit_a
    # Without a linked employee the appraiser has no one to appraise.
    alone = _user(demo_db, admin, "penilai.lain", [Hak(Peran.PEJABAT_PENILAI)])
    with pytest.raises(AccessDenied):
        require(demo_db, alone, "skp.nilai", pegawai_id=in_a)


def test_refusal_writes_one_audit_entry_and_nothing_else(demo_db: Database) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    (_, in_a), _ = _two_opds(demo_db)
    boss = _user(demo_db, admin, "pimpinan", [Hak(Peran.PIMPINAN)])
    conn = demo_db.conn
    before_audit = _audit_count(demo_db)
    before_batches = conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0]
    before_row = dict(conn.execute("SELECT * FROM pegawai WHERE id = ?", (in_a,)).fetchone())
    with pytest.raises(AccessDenied) as info:
        registri.update_employee(demo_db, in_a, {"telepon": "0800000000"}, actor=boss)
    assert "pimpinan (Pimpinan) tidak berhak mengubah data pegawai" in str(info.value)
    assert info.value.exit_code == 6
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] == before_batches
    assert dict(conn.execute("SELECT * FROM pegawai WHERE id = ?", (in_a,)).fetchone()) == (
        before_row
    )
    assert _audit_count(demo_db) == before_audit + 1
    last = conn.execute(
        "SELECT aktor, aksi, keterangan FROM lokal_audit ORDER BY no DESC LIMIT 1"
    ).fetchone()
    assert (last[0], last[1]) == ("pimpinan", "Akses ditolak")
    assert last[2].startswith("pegawai.ubah:")


def test_refused_explicit_action_before_any_work(db: Database) -> None:
    admin = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    boss = _user(db, admin, "pimpinan", [Hak(Peran.PIMPINAN)])
    ran = []
    with pytest.raises(AccessDenied, match="mengimpor data pegawai"):  # noqa: SIM117
        with Store(db).write("impor", actor=boss, izin="pegawai.impor"):
            ran.append(1)
    assert ran == []


def test_tables_need_their_action_and_unmapped_tables_need_admin(db: Database) -> None:
    admin = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    op = _user(db, admin, "operator", [Hak(Peran.OPERATOR)])
    with pytest.raises(AccessDenied, match="mengubah tabel referensi"):  # noqa: SIM117
        with Store(db).write("ref", actor=op) as tx:
            tx.insert("ref_agama", {"kode": "9", "nama": "Lain"})
    # A replicated table that a later module adds, not yet in TABEL_AKSI: admin only.
    db.conn.execute(
        "CREATE TABLE contoh (id TEXT PRIMARY KEY, nilai TEXT, deleted INTEGER NOT NULL DEFAULT 0)"
    )
    with pytest.raises(AccessDenied, match="mengubah data contoh"):  # noqa: SIM117
        with Store(db).write("contoh", actor=op) as tx:
            tx.insert("contoh", {"nilai": "a"})
    with Store(db).write("contoh", actor=admin) as tx:
        tx.insert("contoh", {"nilai": "a"})


def test_role_names_are_parsed() -> None:
    assert akses.peran_dari("Pejabat penilai") is Peran.PEJABAT_PENILAI
    assert akses.peran_dari("OPERATOR") is Peran.OPERATOR
    with pytest.raises(Exception, match="tidak dikenal"):
        akses.peran_dari("raja")


def test_screens_entry_points_are_enforced_in_the_model(demo_db: Database, tmp_path) -> None:
    """The recap job, the detail view and the list export refuse a user without the right,
    whichever screen or command calls them, and write nothing."""
    from app.jobs.rekap import RecapRequest, write_recap

    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    (opd_a, _), (_, in_b) = _two_opds(demo_db)
    panitia = _user(demo_db, admin, "panitia", [Hak(Peran.ANGGOTA_PANITIA)])
    target = tmp_path / "duk.xlsx"
    with pytest.raises(AccessDenied):
        write_recap(demo_db, panitia, RecapRequest("duk", target))
    assert not target.exists()
    op = _user(demo_db, admin, "operator.a", [Hak(Peran.OPERATOR, opd_a)])
    assert write_recap(demo_db, op, RecapRequest("duk", target, unit_id=opd_a)) >= 0
    with pytest.raises(AccessDenied):
        require(demo_db, op, "pegawai.baca_rincian", pegawai_id=in_b)  # the detail view's check
    with pytest.raises(AccessDenied):
        check_export(demo_db, EmployeeFilter(), actor=op)  # the list export's check
