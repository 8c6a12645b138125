"""``merit akun add | list | passwd | roles`` and who the command line acts as:
the machine's owner before any account exists, then only ``--user`` with a password."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.cli.main import main
from app.models.access import akun
from app.models.organisasi.units import UnitData, create_unit
from app.models.pegawai import write as registri
from app.models.storage.db import Database

NIP = "198609262015051001"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def secret(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "kantor.sqlite3"
    assert run("--db", str(file), "init", "--nama-instansi", "BKPSDM Kota Kupang")[0] == 0
    with Database(file) as db:
        registri.create_employee(
            db,
            {"nip": NIP, "nama": "Budi Santoso", "tanggal_lahir": "1986-09-26",
             "jenis_kelamin": "L", "status": "PNS", "tmt_cpns": "2015-05-01"},
            actor="uji",
        )  # fmt: skip
    return file


def test_owner_creates_the_first_admin_then_user_is_required(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(path)
    admin_pw = secret(tmp_path, "admin.txt", "kopi pagi di kantor")
    # No accounts yet: the machine's owner may run commands (and must make an admin first).
    code, _ = run("--db", db, "akun", "add", "budi", "--nama-lengkap", "Budi",
                  "--peran", "operator", "--new-password-file", admin_pw)  # fmt: skip
    assert code == 2
    assert "Akun pertama harus admin" in capsys.readouterr().err
    code, out = run("--db", db, "akun", "add", "admin", "--nama-lengkap", "Admin BKPSDM",
                    "--peran", "admin", "--new-password-file", admin_pw)  # fmt: skip
    assert (code, out.strip()) == (0, "Akun admin dibuat.")
    # Now every command needs --user.
    code, _ = run("--db", db, "pegawai", "list")
    assert code == 6
    assert "--user NAMA" in capsys.readouterr().err
    code, out = run("--db", db, "--user", "admin", "--password-file", admin_pw, "pegawai", "list")
    assert code == 0 and "Budi Santoso" in out
    wrong = secret(tmp_path, "salah.txt", "bukan sandinya")
    code, _ = run("--db", db, "--user", "admin", "--password-file", wrong, "pegawai", "list")
    assert code == 6
    assert "Nama pengguna atau kata sandi salah." in capsys.readouterr().err


def _with_admin(path: Path, tmp_path: Path) -> list[str]:
    pw = secret(tmp_path, "admin.txt", "kopi pagi di kantor")
    code, _ = run("--db", str(path), "akun", "add", "admin", "--nama-lengkap", "Admin",
                  "--peran", "admin", "--new-password-file", pw)  # fmt: skip
    assert code == 0
    return ["--db", str(path), "--user", "admin", "--password-file", pw]


def test_add_list_roles_and_rights(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_admin = _with_admin(path, tmp_path)
    pw = secret(tmp_path, "ani.txt", "teh manis sore hari")
    code, _ = run(*as_admin, "akun", "add", "ani", "--nama-lengkap", "Ani Lestari",
                  "--peran", "pimpinan", "--pegawai", NIP, "--new-password-file", pw)  # fmt: skip
    assert code == 0
    code, out = run(*as_admin, "akun", "list", "--json")
    data = {row["nama_pengguna"]: row for row in json.loads(out)}
    assert data["ani"]["peran"] == ["pimpinan"] and data["ani"]["pegawai_id"]
    assert "hash" not in out and "argon2" not in out
    as_ani = ["--db", str(path), "--user", "ani", "--password-file", pw]
    # Pimpinan reads but changes nothing, and manages no accounts.
    assert run(*as_ani, "pegawai", "show", NIP)[0] == 0
    code, _ = run(*as_ani, "pegawai", "set", NIP, "telepon=081234567890")
    assert code == 6
    assert "tidak berhak mengubah data pegawai" in capsys.readouterr().err
    assert run(*as_ani, "akun", "list")[0] == 6
    # Made operator, she may.
    code, out = run(*as_admin, "akun", "roles", "ani", "--peran", "operator")
    assert (code, out.strip()) == (0, "Akun ani diubah.")
    assert run(*as_ani, "pegawai", "set", NIP, "telepon=081234567890")[0] == 0
    # Deactivated, she cannot sign in.
    assert run(*as_admin, "akun", "roles", "ani", "--nonaktif")[0] == 0
    assert run(*as_ani, "pegawai", "list")[0] == 6
    assert "dinonaktifkan" in capsys.readouterr().err
    code, out = run(*as_admin, "akun", "list")
    assert "ani" in out and "(nonaktif)" in out and "2 akun" in out


def test_operator_for_one_unit_by_name(path: Path, tmp_path: Path) -> None:
    as_admin = _with_admin(path, tmp_path)
    with Database(path) as db:
        create_unit(db, UnitData(nama="Dinas Pendidikan", jenis="OPD"), actor="uji")
    pw = secret(tmp_path, "op.txt", "sandi operator dik")
    code, _ = run(*as_admin, "akun", "add", "op.dik", "--nama-lengkap", "Operator Dik",
                  "--peran", "operator@Dinas Pendidikan", "--new-password-file", pw)  # fmt: skip
    assert code == 0
    code, out = run(*as_admin, "akun", "list")
    assert "operator@Dinas Pendidikan" in out


def test_passwd_own_and_reset_by_admin(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_admin = _with_admin(path, tmp_path)
    pw = secret(tmp_path, "budi.txt", "hujan turun deras sekali")
    run(*as_admin, "akun", "add", "budi", "--nama-lengkap", "Budi", "--peran", "operator",
        "--new-password-file", pw)  # fmt: skip
    new = secret(tmp_path, "baru.txt", "pelangi setelah hujan")
    as_budi = ["--db", str(path), "--user", "budi", "--password-file", pw]
    code, out = run(*as_budi, "akun", "passwd", "--new-password-file", new)
    assert (code, out.strip()) == (0, "Kata sandi budi diganti.")
    assert run(*as_budi, "pegawai", "list")[0] == 6  # the old one no longer works
    as_budi_new = ["--db", str(path), "--user", "budi", "--password-file", new]
    assert run(*as_budi_new, "pegawai", "list")[0] == 0
    # Budi may not reset the admin's password; the admin may reset Budi's.
    assert run(*as_budi_new, "akun", "passwd", "admin", "--new-password-file", new)[0] == 6
    short = secret(tmp_path, "pendek.txt", "pendek")
    code, _ = run(*as_admin, "akun", "passwd", "budi", "--new-password-file", short)
    assert code == 2
    assert "paling sedikit 10 karakter" in capsys.readouterr().err
    code, out = run(*as_admin, "akun", "passwd", "budi", "--new-password-file", pw)
    assert (code, out.strip()) == (0, "Kata sandi budi disetel ulang.")


def test_unknown_role_is_refused(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pw = secret(tmp_path, "admin.txt", "kopi pagi di kantor")
    code, _ = run("--db", str(path), "akun", "add", "admin", "--nama-lengkap", "Admin",
                  "--peran", "raja", "--new-password-file", pw)  # fmt: skip
    assert code == 2
    assert "Peran 'raja' tidak dikenal" in capsys.readouterr().err
