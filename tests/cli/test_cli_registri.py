"""``merit employees set | leave | delete``: output, exit codes (0 ok, 2 invalid, 3 not found)
and that nothing is written when a command is refused."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.pegawai import history as riwayat
from app.models.pegawai import write as registri
from app.models.pegawai.read import get_employee
from app.models.storage.db import Database

NIP = "198609262015051001"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "kantor.sqlite3"
    assert run("--db", str(file), "init", "--nama-instansi", "BKPSDM Kota Kupang")[0] == 0
    with Database(file) as db:
        pid = registri.create_employee(
            db,
            {"nip": NIP, "nama": "Budi Santoso", "tanggal_lahir": "1986-09-26",
             "jenis_kelamin": "L", "status": "PNS", "tmt_cpns": "2015-05-01",
             "tmt_pns": "2016-06-01"},
            actor="uji",
        )  # fmt: skip
        riwayat.add_history(
            db, pid, "pangkat", {"golongan_kode": "III/a", "tmt": "2015-05-01"}, actor="uji"
        )
    return file


def record(path: Path) -> dict:
    with Database(path) as db:
        return get_employee(db.conn, NIP).data


def batches(path: Path) -> int:
    with Database(path) as db:
        return int(db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0])


def test_set_changes_fields_by_their_json_names(path: Path) -> None:
    code, out = run(
        "--db", str(path), "employees", "set", "19860926 201505 1 001",
        "telepon=0812-3456-7890", "gelar_depan=Ir.", "tanggal_lahir=26-09-1986",
    )  # fmt: skip
    assert code == 0
    assert out.strip() == "Diubah: telepon, gelar_depan."
    data = record(path)
    assert (data["telepon"], data["nama_lengkap"]) == ("0812-3456-7890", "Ir. Budi Santoso")
    code, out = run("--db", str(path), "employees", "set", NIP, "telepon=0812-3456-7890")
    assert (code, out.strip()) == (0, "Tidak ada perubahan.")
    assert run("--db", str(path), "employees", "set", NIP, "gelar_depan=")[0] == 0
    assert record(path)["gelar_depan"] is None


def test_set_refuses_with_exit_2_and_writes_nothing(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = batches(path)
    code, _ = run("--db", str(path), "employees", "set", NIP, "hobi=catur")
    err = capsys.readouterr().err
    assert code == 2 and "Kolom hobi tidak dikenal" in err and "tmt_cpns" in err
    code, _ = run("--db", str(path), "employees", "set", NIP, "email=budi", "telepon=0812345")
    err = capsys.readouterr().err
    assert code == 2 and "Email:" in err
    code, _ = run("--db", str(path), "employees", "set", NIP, "jenis_kelamin=P")
    assert code == 2 and "Jenis kelamin di NIP" in capsys.readouterr().err
    code, _ = run("--db", str(path), "employees", "set", NIP, "telepon")
    assert code == 2 and "KOLOM=NILAI" in capsys.readouterr().err
    assert batches(path) == before
    assert record(path)["telepon"] is None


def test_unknown_nip_exits_3(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["set", "199001012019032001", "telepon=0812345678"],
        ["leave", "199001012019032001", "--status", "pensiun", "--date", "2026-01-01"],
        ["delete", "199001012019032001", "--yes"],
    ):
        code, _ = run("--db", str(path), "employees", *argv)
        assert code == 3
        assert "tidak ditemukan" in capsys.readouterr().err


def test_leave_records_a_dated_status_change(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("--db", str(path), "employees", "leave", NIP, "--status", "cuti",
                  "--date", "2024-01-01")  # fmt: skip
    assert code == 2 and "pensiun, meninggal, pindah, berhenti" in capsys.readouterr().err
    code, _ = run("--db", str(path), "employees", "leave", NIP, "--status", "pensiun",
                  "--date", "2099-01-01")  # fmt: skip
    assert code == 2 and "setelah hari ini" in capsys.readouterr().err
    code, out = run("--db", str(path), "employees", "leave", NIP, "--status", "pindah",
                    "--date", "2024-03-01", "--keterangan", "SK 800/12")  # fmt: skip
    assert (
        code == 0 and out.strip() == "Budi Santoso: kedudukan pindah instansi sejak 1 Maret 2024."
    )
    data = record(path)
    assert (data["kedudukan"], data["tmt_kedudukan"]) == ("PINDAH", "2024-03-01")
    code, out = run("--db", str(path), "employees", "list", "--kedudukan", "pindah",
                    "--format", "csv")  # fmt: skip
    assert NIP in out  # still on record, with its history
    code, _ = run("--db", str(path), "employees", "leave", NIP, "--status", "pensiun",
                  "--date", "2024-04-01")  # fmt: skip
    assert code == 2 and "sudah tidak aktif" in capsys.readouterr().err


def test_delete_needs_yes_when_not_at_a_terminal(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _ = run("--db", str(path), "employees", "delete", NIP)
    assert code == 2 and "--yes" in capsys.readouterr().err
    assert record(path)["nama"] == "Budi Santoso"
    code, out = run("--db", str(path), "employees", "delete", NIP, "--yes")
    assert code == 0 and "2 baris ditandai terhapus" in out
    code, out = run("--db", str(path), "employees", "list", "--format", "csv")
    assert NIP not in out
    with Database(path) as db:
        assert db.conn.execute("SELECT deleted FROM pegawai").fetchone()[0] == 1


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_delete_asks_once_at_a_terminal(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Tty())
    answers = iter(["t", "y"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    code, out = run("--db", str(path), "employees", "delete", NIP)
    assert code == 1 and "Dibatalkan" in out
    code, out = run("--db", str(path), "employees", "delete", NIP)
    assert code == 0 and "dihapus" in out
