"""``merit hitung gaji|mkg|kgb|pensiun|ujian-dinas``: the clerk's calculator from the command
line, with the regulation's own examples (asn-rules 10.1-10.3, 5.2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.models.storage.db import Database


@pytest.fixture
def path(db: Database) -> Path:
    p = db.path
    db.close()
    return p


def run_json(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    capsys.readouterr()
    assert main(["--db", str(path), "hitung", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def refused(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(path), "hitung", *argv])
    return int(str(exit_info.value.code)), capsys.readouterr().err


def test_gaji(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        path, capsys, "gaji", "--golongan", "III/a", "--mkg", "8", "--tanggal", "2026-12-01"
    )
    assert data["gaji_pokok"] == 3_153_600 and data["pasti"] is True
    assert "PP 5/2024" in data["dasar_hukum"]
    # dd-mm-yyyy too, lower-case golongan, months ignored by the whole-year table
    data = run_json(
        path, capsys, "gaji", "--golongan", "iv/e", "--mkg", "32-5", "--tanggal", "01-12-2026"
    )
    assert (data["golongan"], data["gaji_pokok"], data["mkg_bulan"]) == ("IV/e", 6_373_200, 5)
    data = run_json(path, capsys, "gaji", "--golongan", "IX", "--mkg", "0")
    assert data["gaji_pokok"] == 3_203_600 and data["pasti"] is False  # PPPK table [?]
    assert (
        main(
            [
                "--db",
                str(path),
                "hitung",
                "gaji",
                "--golongan",
                "III/a",
                "--mkg",
                "8",
                "--tanggal",
                "2023-05-01",
            ]
        )
        == 3
    )
    assert (
        "tabel gaji belum lengkap untuk golongan III/a pada 2023-05-01" in capsys.readouterr().err
    )


def test_mkg(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(path, capsys, "mkg", "--dari", "II/d", "--ke", "III/a", "--mkg", "13-0")
    assert data == {"mkg_tahun": 8, "mkg_bulan": 0}
    data = run_json(path, capsys, "mkg", "--dari", "I/d", "--ke", "II/a", "--mkg", "4-7")
    assert data == {"mkg_tahun": 0, "mkg_bulan": 0}


def test_kgb(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("kgb", "--golongan", "III/d", "--mkg", "21-2", "--tmt", "2026-12-01")
    data = run_json(path, capsys, *args)
    assert (data["tmt_kgb"], data["mkg_tahun"], data["gaji_pokok"]) == ("2027-10-01", 22, 4_436_700)
    data = run_json(path, capsys, *args, "--tmt-pensiun", "01-10-2027")
    assert (data["tmt_kgb"], data["mkg_tahun"], data["gaji_pokok"]) == (None, None, None)
    data = run_json(
        path, capsys, "kgb", "--golongan", "III/a", "--mkg", "32-0", "--tmt", "2026-12-01"
    )
    assert data["tmt_kgb"] is None and "puncak" in data["alasan"]


def test_pensiun(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(path, capsys, "pensiun", "--lahir", "1969-04-15", "--bup", "58") == {
        "tmt_pensiun": "2027-05-01"
    }
    assert run_json(path, capsys, "pensiun", "--lahir", "31-12-1966", "--bup", "60") == {
        "tmt_pensiun": "2027-01-01"
    }


def test_ujian_dinas(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        path, capsys, "ujian-dinas", "--dari", "II/d", "--ke", "III/a", "--pendidikan", "SLTA"
    )
    assert (data["perlu"], data["tingkat"]) == (True, 1)
    data = run_json(
        path, capsys, "ujian-dinas", "--dari", "II/d", "--ke", "III/a", "--pendidikan", "S1"
    )
    assert (data["perlu"], data["tingkat"]) == (False, 1) and "S-1" in data["alasan"]
    data = run_json(
        path, capsys, "ujian-dinas", "--dari", "III/d", "--ke", "IV/a", "--pendidikan", "S1"
    )
    assert (data["perlu"], data["tingkat"]) == (True, 2)
    data = run_json(
        path, capsys, "ujian-dinas", "--dari", "III/d", "--ke", "IV/a", "--pendidikan", "S1", "--jf"
    )
    assert (data["perlu"], data["tingkat"]) == (False, 2)
    data = run_json(
        path, capsys, "ujian-dinas", "--dari", "I/d", "--ke", "II/a", "--pendidikan", "SLTA"
    )
    assert (data["perlu"], data["tingkat"]) == (False, None)


@pytest.mark.parametrize(
    ("argv", "argumen"),
    [
        (("gaji", "--golongan", "III/z", "--mkg", "8"), "--golongan"),
        (("mkg", "--dari", "II/d", "--ke", "IX", "--mkg", "3"), "--ke"),
        (
            ("ujian-dinas", "--dari", "II/d", "--ke", "III/a", "--pendidikan", "SMA+"),
            "--pendidikan",
        ),
        (("pensiun", "--lahir", "1969-04-15", "--bup", "99"), "--bup"),
    ],
)
def test_bad_values_exit_2_naming_the_argument(
    path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], argumen: str
) -> None:
    capsys.readouterr()
    assert main(["--db", str(path), "hitung", *argv]) == 2
    assert f"argumen {argumen}:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "argumen"),
    [
        (("gaji", "--golongan", "III/a", "--mkg", "8-12"), "--mkg"),
        (("gaji", "--golongan", "III/a", "--mkg", "delapan"), "--mkg"),
        (("kgb", "--golongan", "III/a", "--mkg", "8", "--tmt", "2026-13-01"), "--tmt"),
        (("pensiun", "--lahir", "1969/04/15", "--bup", "58"), "--lahir"),
        (("pensiun", "--lahir", "1969-04-15", "--bup", "-1"), "--bup"),
    ],
)
def test_bad_syntax_exits_2_naming_the_argument(
    path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], argumen: str
) -> None:
    code, err = refused(path, capsys, *argv)
    assert code == 2 and f"argumen {argumen}:" in err
