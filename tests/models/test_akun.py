"""Accounts: Argon2id hashes, minimum length, lockout with a growing delay, password change,
first admin, and nothing of an account in the replicated data."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.models.access import akun
from app.models.access.akses import Hak, Peran, Sesi
from app.models.access.akun import AkunTerkunci
from app.models.errors import AccessDenied, ValidationError
from app.models.storage.db import Database
from app.models.storage.skema import replicated_schema
from app.models.storage.store import Store

SANDI = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with small parameters, so that the tests stay fast (the type is unchanged)."""
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def admin(db: Database) -> Iterator[Sesi]:
    yield akun.create_admin_pertama(db, "admin", "Admin BKPSDM", SANDI)


def _hash(db: Database, name: str) -> str:
    row = db.conn.execute(
        "SELECT hash_sandi FROM lokal_akun WHERE nama_pengguna = ?", (name,)
    ).fetchone()
    return str(row[0])


def test_password_is_hashed_with_argon2id_default_parameters(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(akun, "hasher", PasswordHasher())  # the real parameters
    akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    digest = _hash(db, "admin")
    assert digest.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert SANDI not in digest
    assert akun.masuk(db, "admin", SANDI).nama_pengguna == "admin"


def test_minimum_length_is_refused_with_a_clear_message(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        akun.create_admin_pertama(db, "admin", "Admin", "pendek123")
    assert info.value.field == "sandi"
    assert "paling sedikit 10 karakter" in str(info.value)
    assert not akun.ada_akun(db)
    akun.check_sandi("x" * 10)  # exactly the minimum is fine


def test_password_may_not_contain_the_username(db: Database) -> None:
    with pytest.raises(ValidationError, match="nama pengguna"):
        akun.create_admin_pertama(db, "sitirahma", "Siti", "sitirahma2026")


def test_username_rules(db: Database, admin: Sesi) -> None:
    with pytest.raises(ValidationError) as info:
        akun.create_akun(db, "a b", "Budi", SANDI, [Peran.OPERATOR], actor=admin)
    assert info.value.field == "nama_pengguna"
    akun.create_akun(db, " Budi.S ", "Budi", SANDI, [Peran.OPERATOR], actor=admin)
    with pytest.raises(ValidationError, match="sudah dipakai"):
        akun.create_akun(db, "budi.s", "Budi Lain", SANDI, [Peran.OPERATOR], actor=admin)
    assert akun.masuk(db, "BUDI.S", SANDI).nama_pengguna == "budi.s"


def test_first_account_is_the_admin_and_only_once(db: Database) -> None:
    with pytest.raises(ValidationError, match="Akun pertama harus admin"):
        akun.create_akun(db, "budi", "Budi", SANDI, [Peran.OPERATOR], actor="sistem")
    sesi = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    assert sesi.is_admin() and akun.ada_akun(db)
    with pytest.raises(AccessDenied):
        akun.create_admin_pertama(db, "admin2", "Admin Dua", SANDI)


def test_wrong_user_and_wrong_password_give_the_same_message(db: Database, admin: Sesi) -> None:
    with pytest.raises(AccessDenied) as a:
        akun.masuk(db, "tidakada", SANDI)
    with pytest.raises(AccessDenied) as b:
        akun.masuk(db, "admin", "salah sekali ini")
    assert str(a.value) == str(b.value) == "Nama pengguna atau kata sandi salah."


def test_lockout_grows_and_survives_a_restart(db: Database, admin: Sesi, tmp_path: Path) -> None:
    clock = Clock()
    for n in range(1, 5):
        with pytest.raises(AccessDenied) as info:
            akun.masuk(db, "admin", "salah salah salah", clock=clock)
        assert not isinstance(info.value, AkunTerkunci), n
    assert "Sisa 1 percobaan" in str(info.value)
    with pytest.raises(AkunTerkunci) as locked:
        akun.masuk(db, "admin", "salah salah salah", clock=clock)
    assert locked.value.detik == 30
    assert "30 detik" in str(locked.value)
    # During the lock even the right password is refused.
    clock.now += 29
    with pytest.raises(AkunTerkunci, match="coba lagi dalam 1 detik"):
        akun.masuk(db, "admin", SANDI, clock=clock)
    # The lock is in the database: a new Database object (a restart) still sees it.
    reopened = Database(db.path)
    with pytest.raises(AkunTerkunci):
        akun.masuk(reopened, "admin", SANDI, clock=clock)
    reopened.close()
    # After the lock, another failure doubles the delay: 60 s, then 120 s.
    clock.now += 1
    with pytest.raises(AkunTerkunci) as again:
        akun.masuk(db, "admin", "masih salah juga", clock=clock)
    assert again.value.detik == 60
    clock.now += 60
    with pytest.raises(AkunTerkunci) as third:
        akun.masuk(db, "admin", "masih salah juga", clock=clock)
    assert third.value.detik == 120
    clock.now += 120
    assert akun.masuk(db, "admin", SANDI, clock=clock).is_admin()
    row = db.conn.execute("SELECT gagal, kunci_sampai FROM lokal_akun").fetchone()
    assert tuple(row) == (0, None)


def test_lock_delay_is_capped() -> None:
    assert [akun.jeda_kunci(n) for n in (4, 5, 6, 7)] == [0, 30, 60, 120]
    assert akun.jeda_kunci(50) == akun.JEDA_MAKSIMAL == 3600


def test_change_own_password_needs_the_old_one(db: Database, admin: Sesi) -> None:
    with pytest.raises(ValidationError, match="Kata sandi lama salah"):
        akun.ganti_sandi(db, admin, "bukan sandi lama", "sandi baru yang panjang")
    with pytest.raises(ValidationError, match="paling sedikit"):
        akun.ganti_sandi(db, admin, SANDI, "pendek")
    akun.ganti_sandi(db, admin, SANDI, "sandi baru yang panjang")
    with pytest.raises(AccessDenied):
        akun.masuk(db, "admin", SANDI)
    assert akun.masuk(db, "admin", "sandi baru yang panjang")


def test_admin_resets_another_password_and_lifts_the_lock(db: Database, admin: Sesi) -> None:
    budi_id = akun.create_akun(db, "budi", "Budi", SANDI, [Peran.OPERATOR], actor=admin)
    clock = Clock()
    for _ in range(5):
        with pytest.raises(AccessDenied):
            akun.masuk(db, "budi", "lupa sandinya", clock=clock)
    budi = akun.sesi_untuk(db, "budi")
    with pytest.raises(AccessDenied, match="tidak berhak mengelola akun"):
        akun.setel_ulang_sandi(db, admin.akun_id, "sandi admin dicuri", actor=budi)
    akun.setel_ulang_sandi(db, budi_id, "sandi sementara 2026", actor=admin)
    assert akun.masuk(db, "budi", "sandi sementara 2026", clock=clock)


def test_deactivated_account_cannot_sign_in_or_act(db: Database, admin: Sesi) -> None:
    budi_id = akun.create_akun(db, "budi", "Budi", SANDI, [Peran.OPERATOR], actor=admin)
    budi = akun.masuk(db, "budi", SANDI)
    akun.update_akun(db, budi_id, aktif=False, actor=admin)
    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        akun.masuk(db, "budi", SANDI)
    # A session opened before the deactivation is refused at its next action.
    with (
        pytest.raises(AccessDenied, match="tidak aktif lagi"),
        Store(db).write("x", actor=budi) as tx,
    ):
        tx.insert("pengaturan", {"kunci": "x", "nilai": "y"})


def test_last_active_admin_stays(db: Database, admin: Sesi) -> None:
    with pytest.raises(ValidationError, match="satu-satunya admin"):
        akun.update_akun(db, admin.akun_id, aktif=False, actor=admin)
    with pytest.raises(ValidationError, match="satu-satunya admin"):
        akun.update_akun(db, admin.akun_id, hak=[Peran.OPERATOR], actor=admin)
    other = akun.create_akun(db, "admin2", "Admin Dua", SANDI, [Peran.ADMIN], actor=admin)
    akun.update_akun(db, admin.akun_id, hak=[Peran.PIMPINAN], actor=admin)
    assert akun.get_akun(db, admin.akun_id).peran == (Peran.PIMPINAN,)
    assert akun.get_akun(db, other).peran == (Peran.ADMIN,)


def test_roles_with_units_are_normalised(demo_db: Database) -> None:
    admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
    units = [r[0] for r in demo_db.conn.execute("SELECT id FROM unit_organisasi LIMIT 2")]
    akun_id = akun.create_akun(
        demo_db,
        "ani",
        "Ani",
        SANDI,
        [Hak(Peran.OPERATOR, units[0]), Hak(Peran.OPERATOR, units[1]), Peran.PIMPINAN],
        actor=admin,
    )
    assert set(akun.get_akun(demo_db, akun_id).hak) == {
        Hak(Peran.OPERATOR, units[0]),
        Hak(Peran.OPERATOR, units[1]),
        Hak(Peran.PIMPINAN, ""),
    }
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        akun.update_akun(demo_db, akun_id, hak=[Hak(Peran.OPERATOR, "tidak-ada")], actor=admin)


def test_nothing_of_an_account_reaches_replicated_data(db: Database) -> None:
    """Usernames' hashes, passwords and login state stay in lokal_ tables: not in any
    replicated table, not in the operations of the change log that sync carries."""
    admin = akun.create_admin_pertama(db, "rahasia.admin", "Nama Lengkap Unik Sekali", SANDI)
    akun.create_akun(db, "operator.unik", "Operator Unik", SANDI, [Peran.OPERATOR], actor=admin)
    with pytest.raises(AccessDenied):
        akun.masuk(db, "operator.unik", "salah salah salah")
    session = akun.masuk(db, "rahasia.admin", SANDI)
    with Store(db).write("ubah", actor=session) as tx:  # a change by a signed-in user
        tx.insert("pengaturan", {"kunci": "nama_instansi", "nilai": "BKPSDM Uji"})
    secrets = [
        SANDI,
        _hash(db, "rahasia.admin"),
        _hash(db, "operator.unik"),
        "argon2",
        "Nama Lengkap Unik Sekali",
        "Operator Unik",
        "operator.unik",
    ]
    conn = db.conn
    for table in replicated_schema(conn):
        for row in conn.execute(f"SELECT * FROM {table}"):
            text = "|".join(str(v) for v in row)
            for secret in secrets:
                assert secret not in text, (table, secret)
    for (ops,) in conn.execute("SELECT ops FROM lokal_batch"):
        text = zlib.decompress(ops).decode()
        for secret in [*secrets, "rahasia.admin"]:
            assert secret not in text, secret
    account_tables = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if "akun" in r[0]
    }
    assert account_tables == {"lokal_akun", "lokal_akun_peran"}


def test_sign_in_and_account_changes_are_audited(db: Database, admin: Sesi) -> None:
    akun.create_akun(db, "budi", "Budi", SANDI, [Peran.OPERATOR], actor=admin)
    with pytest.raises(AccessDenied):
        akun.masuk(db, "budi", "salah salah salah")
    akun.masuk(db, "budi", SANDI)
    rows = db.conn.execute("SELECT aktor, aksi, keterangan FROM lokal_audit").fetchall()
    actions = [(r[0], r[1]) for r in rows]
    assert ("pemasangan", "Menambah akun") in actions
    assert ("admin", "Menambah akun") in actions
    assert ("budi", "Gagal masuk") in actions
    assert ("budi", "Masuk") in actions
    assert not any(SANDI in (r[2] or "") for r in rows)
