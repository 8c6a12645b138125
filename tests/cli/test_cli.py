"""The command line: every command, its output formats and its errors (Indonesian, non-zero)."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.storage.db import Database
from app.models.storage.migrations.steps import LATEST_VERSION

NIP = "198609262015051001"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_init_then_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "baru.sqlite3"
    code, out = run("--db", str(path), "init", "--nama-instansi", "BKPSDM Kota Kupang")
    assert code == 0 and "siap" in out
    code, out = run("--db", str(path), "stats", "--json")
    data = json.loads(out)
    assert data["nama_instansi"] == "BKPSDM Kota Kupang"
    assert data["versi_skema"] == LATEST_VERSION
    assert data["tabel"]["pengaturan"]["aktif"] == 1
    assert data["tabel"]["ref_golongan"]["jumlah"] == 34
    # a second init is refused
    code, _ = run("--db", str(path), "init", "--nama-instansi", "Lain")
    assert code != 0
    assert "sudah disiapkan" in capsys.readouterr().err


def test_init_refuses_an_empty_agency_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("--db", str(tmp_path / "x.sqlite3"), "init", "--nama-instansi", " ")
    assert code == 2
    assert "Nama instansi wajib diisi" in capsys.readouterr().err


def test_demo_is_deterministic_and_refuses_a_full_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert run("--db", str(a), "demo", "--employees", "120", "--seed", "5")[0] == 0
    assert run("--db", str(b), "demo", "--employees", "120", "--seed", "5")[0] == 0
    rows = []
    for path in (a, b):
        with sqlite3.connect(path) as conn:
            rows.append(
                conn.execute(
                    "SELECT id, nip, nama, tanggal_lahir FROM pegawai ORDER BY id"
                ).fetchall()
            )
    assert rows[0] == rows[1] and len(rows[0]) == 120
    code, _ = run("--db", str(a), "demo", "--employees", "10")
    assert code != 0
    assert "sudah berisi data" in capsys.readouterr().err


def test_stats_text_and_json_counts(demo_db: Database) -> None:
    code, out = run("--db", str(demo_db.path), "stats", "--json")
    data = json.loads(out)
    assert data["tabel"]["pegawai"]["aktif"] == 300
    assert sum(data["pegawai"]["jenis_asn"].values()) == 300
    assert data["log_perubahan"]["batch"] >= 1
    code, out = run("--db", str(demo_db.path), "stats")
    assert code == 0 and "pegawai" in out and "Log perubahan" in out


def test_check_passes_on_demo_and_fails_on_tampering(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("--db", str(demo_db.path), "check")
    assert code == 0, out
    assert "baik" in out
    demo_db.conn.execute("UPDATE pegawai SET nama = 'Palsu' WHERE rowid = 1")
    code, out = run("--db", str(demo_db.path), "check")
    assert code == 5
    assert "MASALAH" in out


def test_check_repairs_a_stale_summary(demo_db: Database) -> None:
    demo_db.conn.execute("UPDATE pegawai_ringkas SET golongan_kode = 'I/a' WHERE rowid = 3")
    code, out = run("--db", str(demo_db.path), "check")
    assert code == 5 and "--perbaiki" in out
    code, out = run("--db", str(demo_db.path), "check", "--perbaiki")
    assert code == 0 and "dibangun ulang" in out
    assert run("--db", str(demo_db.path), "check")[0] == 0


def test_nip_describes_a_valid_number() -> None:
    code, out = run("nip", "'1986 0926 2015 05 1 001")
    assert code == 0
    assert "26 September 1986" in out and "Mei 2015" in out and "Laki-laki" in out
    code, out = run("nip", NIP, "--json")
    data = json.loads(out)
    assert data["valid"] and data["tanggal_lahir"] == "1986-09-26"
    assert data["tmt_cpns"] == "2015-05-01" and data["jenis_kelamin"] == "L"


def test_nip_explains_why_a_number_is_invalid(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("nip", "198613262015053000")
    assert code == 2
    err = capsys.readouterr().err
    assert "tidak sah" in err
    assert "1–8" in err or "1-8" in err
    assert "15" in err and "16" in err
    code, out = run("nip", "12345", "--json")
    assert code == 2 and json.loads(out)["valid"] is False


def test_employees_list_formats_and_filters(demo_db: Database) -> None:
    path = str(demo_db.path)
    code, out = run("--db", path, "employees", "list", "--format", "json")
    everyone = json.loads(out)
    assert code == 0 and len(everyone) == 300
    assert set(everyone[0]) >= {"nip", "nama", "golongan", "pangkat", "jabatan", "unit"}
    names = [r["nama"].casefold() for r in everyone]
    assert names == sorted(names)
    target = everyone[10]
    first_word = target["nama"].split()[0]
    code, out = run(
        "--db", path, "employees", "list", "--search", first_word[:4], "--format", "json"
    )
    found = json.loads(out)
    assert target["nip"] in {r["nip"] for r in found}
    assert all(first_word[:4].casefold() in r["nama_lengkap"].casefold() for r in found)
    code, out = run(
        "--db", path, "employees", "list", "--search", target["nip"][:8], "--format", "json"
    )
    assert all(r["nip"].startswith(target["nip"][:8]) for r in json.loads(out))
    code, out = run("--db", path, "employees", "list", "--status", "PPPK", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["status"] == "PPPK" for r in rows)
    code, out = run("--db", path, "employees", "list", "--golongan", "IV", "--format", "json")
    assert all(r["golongan"].startswith("IV/") for r in json.loads(out))
    code, out = run("--db", path, "employees", "list", "--jabatan", "JF", "--format", "json")
    assert all(r["jenis_jabatan"] == "JF" for r in json.loads(out))
    opd = target["opd"]
    code, out = run("--db", path, "employees", "list", "--unit", opd, "--format", "json")
    assert json.loads(out) and all(r["opd"] == opd for r in json.loads(out))
    code, out = run("--db", path, "employees", "list", "--limit", "5")
    assert code == 0 and out.strip().splitlines()[-1] == "5 pegawai"


def test_employees_list_errors_are_indonesian(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(demo_db.path)
    assert run("--db", path, "employees", "list", "--unit", "Dinas Tidak Ada Sama Sekali")[0] != 0
    assert "tidak ditemukan" in capsys.readouterr().err
    assert run("--db", path, "employees", "list", "--golongan", "V/z")[0] == 2
    assert "tidak dikenal" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        run("--db", path, "employees", "list", "--format", "xml")
    assert info.value.code == 2
    assert "pilihan" in capsys.readouterr().err


def test_employees_show_json_has_stable_fields_and_histories(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(demo_db.path)
    nip = demo_db.conn.execute(
        "SELECT nip FROM pegawai WHERE jenis_asn = 'PNS' LIMIT 1"
    ).fetchone()[0]
    code, out = run("--db", path, "employees", "show", nip, "--format", "json")
    data = json.loads(out)
    for field in (
        "nip",
        "nama",
        "gelar_depan",
        "gelar_belakang",
        "tempat_lahir",
        "tanggal_lahir",
        "jenis_kelamin",
        "nik",
        "agama",
        "status",
        "tmt_cpns",
        "golongan",
        "pangkat",
        "tmt_golongan",
        "jabatan",
        "jenis_jabatan",
        "tmt_jabatan",
        "unit",
        "pendidikan",
        "bup",
        "tanggal_pensiun",
        "masa_kerja_golongan",
    ):
        assert field in data, field
    assert data["nip"] == nip
    assert set(data["riwayat"]) == {
        "pangkat",
        "jabatan",
        "pendidikan",
        "diklat",
        "hukuman_disiplin",
        "skp",
        "kgb",
    }
    assert data["riwayat"]["pangkat"][0]["golongan_kode"] == data["golongan"]
    code, out = run("--db", path, "employees", "show", nip)
    assert code == 0 and "Masa kerja golongan" in out
    assert run("--db", path, "employees", "show", "199001012020011999")[0] == 3
    assert "tidak ditemukan" in capsys.readouterr().err


def test_commands_on_a_missing_database_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("--db", str(tmp_path / "tidak.sqlite3"), "stats")
    assert code == 1
    assert "belum ada" in capsys.readouterr().err
    assert not (tmp_path / "tidak.sqlite3").exists()


def test_newer_database_is_refused_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "baru.sqlite3"
    Database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    assert run("--db", str(path), "stats")[0] == 4
    assert "lebih baru" in capsys.readouterr().err


def test_unknown_argument_message_is_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run("stats", "--tidak-ada")
    err = capsys.readouterr().err
    assert "kesalahan" in err and "tidak dikenal" in err


def test_console_entry_point_runs_as_module(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "nip", NIP],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "26 September 1986" in result.stdout


def test_a_command_leaves_the_database_closed(tmp_path: Path) -> None:
    """Run inside another program (or a test), a command closes what it opened: no -wal/-shm
    files stay behind, so a restore right after it is not refused as "still open"."""
    path = tmp_path / "merit.sqlite3"
    assert (
        main(["--db", str(path), "init", "--nama-instansi", "BKPSDM Uji"], out=io.StringIO()) == 0
    )
    gc.disable()  # closing must not depend on the garbage collector
    try:
        assert main(["--db", str(path), "stats"], out=io.StringIO()) == 0
        assert not path.with_name(path.name + "-wal").exists()
        assert not path.with_name(path.name + "-shm").exists()
    finally:
        gc.enable()


def test_output_cut_short_by_the_reader_is_not_a_crash(tmp_path: Path) -> None:
    """`merit employees list | head -1`: the pipe closes early; no crash log, no traceback."""
    home = tmp_path / "rumah"
    env = {**os.environ, "MERIT_HOME": str(home)}
    subprocess.run(
        [sys.executable, "-m", "app", "demo", "--employees", "900", "--seed", "2"],
        env=env,
        check=True,
        capture_output=True,
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "employees", "list", "--format", "csv"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away after one line
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert b"Traceback" not in err and b"kesalahan tak terduga" not in err
    assert not (home / "log").exists() or not list((home / "log").iterdir())


def test_rough_edges_of_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14 item 4: a number that is no NIP is said to be no NIP (not "not found"); a date
    that does not exist is said not to exist; the help is Indonesian."""
    db = tmp_path / "kantor.sqlite3"
    assert main(["--db", str(db), "init", "--nama-instansi", "BKPSDM Kota Uji"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "employees", "show", "123"]) == 2
    err = capsys.readouterr().err
    assert "NIP 123 tidak sah" in err and "18 angka" in err and "tidak ditemukan" not in err
    assert main(["--db", str(db), "employees", "show", "199001012015031009"]) == 3
    assert "tidak ditemukan" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(db), "hitung", "pensiun", "--lahir", "2026-02-30", "--bup", "58"])
    assert stop.value.code == 2
    assert "Februari 2026 hanya sampai tanggal 28" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "tampilkan versi program" in text and "show program's version" not in text
    with pytest.raises(SystemExit):
        main(["sync", "--help"])
    assert "instalasi mitra" in capsys.readouterr().out
