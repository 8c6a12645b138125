"""``merit selection`` and ``merit kp eligible`` from the command line: a small selection with
two member installations, packages back and forth, the blocked and then final ranking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.storage.db import Database


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def out_of(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_selection_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sek = tmp_path / "sekretariat.sqlite3"
    Database(sek).close()
    assert (
        run(
            sek,
            "selection",
            "create",
            "--judul",
            "Seleksi Kabid Mutasi",
            "--jenis",
            "ADMINISTRATOR",
            "--nama-jabatan",
            "Kepala Bidang Mutasi",
            "--tahap",
            "Administrasi:0",
            "--tahap",
            "Makalah:40",
            "--tahap",
            "Wawancara:60",
            "--tahap",
            "Asesmen:0:tidak",
            "--kriteria",
            "Makalah:Isi:0:100",
            "--kriteria",
            "Wawancara:Visi:1:5",
            "--ketua",
            "Ani",
            "--anggota",
            "Budi",
            "--usia-maks",
            "56",
            "--tanggal-acuan",
            "2026-11-01",
        )
        == 0
    )
    sid = out_of(capsys).strip()
    for nama, lahir in (("Umar", "1975-01-01"), ("Yosef", "1960-01-01"), ("Maria", "1980-02-02")):
        assert (
            run(
                sek,
                "selection",
                "add-applicant",
                sid,
                "--nama",
                nama,
                "--lahir",
                lahir,
                "--predikat",
                "BAIK,BAIK",
            )
            == 0
        )
    capsys.readouterr()
    assert run(sek, "selection", "applicants", sid, "--format", "json") == 0
    pelamar = json.loads(out_of(capsys))
    assert [(p["nama"], p["lulus"]) for p in pelamar] == [
        ("Umar", True),
        ("Yosef", False),
        ("Maria", True),
    ]
    assert pelamar[1]["syarat"][0]["alasan"] == "Usia 66 tahun (melebihi)"

    sheets = {}
    for nama, scores in (
        ("Ani", {1: ("80", "4"), 3: ("60", "5")}),
        ("Budi", {1: ("70", "3"), 3: ("90", "2")}),
    ):
        member = tmp_path / f"{nama}.sqlite3"
        Database(member).close()
        paket = tmp_path / f"paket-{nama}.json"
        assert (
            run(sek, "selection", "member-package", sid, "--member", nama, "--out", str(paket)) == 0
        )
        capsys.readouterr()
        assert run(member, "selection", "open-package", str(paket)) == 0
        paket_id = out_of(capsys).split()[1]
        for nomor, (isi, visi) in scores.items():
            assert (
                run(
                    member,
                    "selection",
                    "score",
                    paket_id[:8],
                    "--nomor",
                    str(nomor),
                    "--kriteria",
                    "isi",
                    "--nilai",
                    isi,
                )
                == 0
            )
            assert (
                run(
                    member,
                    "selection",
                    "score",
                    paket_id[:8],
                    "--nomor",
                    str(nomor),
                    "--kriteria",
                    "Visi",
                    "--nilai",
                    visi,
                )
                == 0
            )
        assert (
            run(
                member,
                "selection",
                "score",
                paket_id[:8],
                "--nomor",
                "1",
                "--kriteria",
                "Visi",
                "--nilai",
                "9",
            )
            == 2
        )
        assert "di luar skala 1 sampai 5" in capsys.readouterr().err
        sheets[nama] = tmp_path / f"lembar-{nama}.json"
        assert run(member, "selection", "seal", paket_id[:8], "--out", str(sheets[nama])) == 0

    assert run(sek, "selection", "import-sheet", str(sheets["Ani"])) == 0
    assert run(sek, "selection", "ranking", sid, "--format", "json") == 2
    assert "Budi (tahap Makalah)" in capsys.readouterr().err
    assert run(sek, "selection", "import-sheet", str(sheets["Budi"])) == 0
    capsys.readouterr()
    assert run(sek, "selection", "ranking", sid, "--format", "json") == 0
    data = json.loads(out_of(capsys))
    # Umar: makalah (80+70)/2 = 75, wawancara (75+50)/2 = 62.5 -> 0.4*75 + 0.6*62.5 = 67.5
    # Maria: makalah (60+90)/2 = 75, wawancara (100+25)/2 = 62.5 -> 67.5: tie; the heavier
    # stage (wawancara) is equal too, then makalah, then registration number: Umar first
    assert [(r["nama"], r["total"]) for r in data["peringkat"]] == [
        ("Umar", "67.5"),
        ("Maria", "67.5"),
    ]
    assert data["final"] is True and data["usulan"] == ["Umar", "Maria"]
    assert data["bobot_efektif"] == {"Makalah": "40", "Wawancara": "60"}
    assert run(sek, "selection", "recap", sid, "--out", str(tmp_path / "r.xlsx")) == 0
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    pdf = tmp_path / "ba.pdf"
    assert run(sek, "selection", "document", sid, "--tahap", "makalah", "--out", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_kp_eligible(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    path = demo_db.path
    assert run(path, "kp", "eligible", "--period", "2027-04", "--format", "json") == 0
    data = json.loads(out_of(capsys))
    assert data["periode"] == "2027-04-01"
    assert data["pegawai"], "the demo has employees due for KP"
    first = data["pegawai"][0]
    assert {"nip", "golongan", "golongan_baru", "status", "keterangan"} <= set(first)
    assert run(path, "kp", "eligible", "--period", "2025-09") == 2  # no period that month
    assert "bukan periode kenaikan pangkat" in capsys.readouterr().err
