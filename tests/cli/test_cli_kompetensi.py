"""``merit kompetensi ...``, ``merit pelatihan ...`` and ``merit talenta`` from the command
line: from a gap to a completed event, the needs list as .xlsx, refusals with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from app.models.storage.db import Database
from tests.helpers.kompetensi import add_skp, nip, pegawai, with_standards
from tests.helpers.organisasi import Org


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def out_json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_from_gap_to_completed_event(
    db: Database, org: Org, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_standards(db, org)
    add_skp(db, pegawai(db, "Budi"), 2025, "SANGAT_BAIK")
    ani, dewi, budi = nip(db, "Ani"), nip(db, "Dewi"), nip(db, "Budi")
    path = db.path
    db.close()

    assert run(path, "kompetensi", "standar", "Kepala Bidang Layanan", "--format", "json") == 0
    assert out_json(capsys)["standar"] == [
        {"kode": "M.01", "nama": "Integritas", "jenis": "MANAJERIAL", "level": 3}
    ]
    assert run(path, "kompetensi", "standar", "Kepala Dinas", "--salin-dari",
               "Kepala Bidang Layanan", "--set", "M.08=4") == 0  # fmt: skip
    capsys.readouterr()
    assert run(path, "kompetensi", "gap", "--kompetensi", "M.01", "--format", "json") == 0
    gaps = {g["nama"]: g for g in out_json(capsys)}  # type: ignore[union-attr]
    assert (gaps["Dewi"]["gap"], gaps["Dewi"]["kekurangan"]) == (2, 2)
    assert (gaps["Kabid"]["gap"], gaps["Kabid"]["kekurangan"]) == (-1, 0)

    assert run(path, "kompetensi", "kebutuhan", "--tahun", "2026", "--format", "json") == 0
    needs = out_json(capsys)
    assert [(n["nama"], n["kode"], n["jp_kurang"]) for n in needs] == [  # type: ignore[union-attr]
        ("Dewi", "M.01", 20),
        ("Ani", "T.ARS.01", 20),
        ("Ani", "M.01", 20),
    ]
    xlsx = tmp_path / "kebutuhan.xlsx"
    assert run(path, "kompetensi", "kebutuhan", "--tahun", "2026", "--out", str(xlsx)) == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Kebutuhan", "Gap per unit"]
    cells = [c for row in wb["Kebutuhan"].iter_rows(values_only=True) for c in row if c]
    assert "ANALISIS KEBUTUHAN PELATIHAN TAHUN 2026" in cells
    assert "Dewi" in cells and "Pengelolaan Arsip Dinamis" in cells
    capsys.readouterr()

    assert run(path, "pelatihan", "katalog", "--tambah", "Pelatihan Integritas", "--jp", "24",
               "--kompetensi", "M.01") == 0  # fmt: skip
    katalog = capsys.readouterr().out.strip()
    assert run(path, "pelatihan", "acara", "--tambah", katalog, "--mulai", "2026-11-02",
               "--selesai", "2026-11-04") == 0  # fmt: skip
    acara = capsys.readouterr().out.strip()
    assert run(path, "pelatihan", "peserta", acara, "--dari-kebutuhan", "M.01", "--tahun", "2026",
               "--nip", budi, "--format", "json") == 0  # fmt: skip
    peserta = capsys.readouterr().out
    assert "3 peserta ditambahkan" in peserta
    assert run(path, "pelatihan", "selesai", acara, "--sertifikat", f"{ani}=S-1",
               "--tidak-hadir", budi) == 0  # fmt: skip
    assert "riwayat diklat 2 peserta" in capsys.readouterr().out
    assert run(path, "kompetensi", "kebutuhan", "--tahun", "2026", "--format", "json") == 0
    assert {n["nama"]: n["jp_kurang"] for n in out_json(capsys)} == {"Dewi": 0, "Ani": 0}  # type: ignore[union-attr]

    assert run(path, "talenta", "--format", "json") == 0
    data = out_json(capsys)
    cells_by_name = {p["nama"]: p for p in data["pegawai"]}  # type: ignore[index]
    assert (cells_by_name["Budi"]["kinerja"], cells_by_name["Budi"]["potensi"]) == (3, 3)
    assert cells_by_name["Budi"]["kotak"] == 9
    assert data["jumlah_per_kotak"]["9"] == 1  # type: ignore[index]
    assert run(path, "talenta", "--jabatan", "Kepala Bidang Layanan", "--format", "json") == 0
    calon = out_json(capsys)["calon"]  # type: ignore[index]
    assert [(c["nama"], c["kotak"], c["kesiapan"]) for c in calon] == [("Budi", 9, "SIAP")]
    rate = ("--relevansi", "2", "--manfaat", "2", "--pengajar", "4")
    assert run(path, "pelatihan", "evaluasi", acara, "--nip", ani, *rate, "--komentar", "x") == 0
    assert run(path, "pelatihan", "evaluasi", acara, "--nip", budi, "--relevansi", "4",
               "--manfaat", "4", "--pengajar", "4") == 2  # fmt: skip
    assert "tidak hadir" in capsys.readouterr().err
    assert run(path, "pelatihan", "evaluasi-rekap", "--per", "penyelenggara", "--format",
               "json") == 0  # fmt: skip
    assert out_json(capsys) == [
        {"nama": "-", "jawaban": 1, "relevansi": 2.0, "manfaat": 2.0, "pengajar": 4.0,
         "tidak_relevan": 1, "tinjau": True}
    ]  # fmt: skip
    assert run(path, "pelatihan", "acara", "--format", "json") == 0
    assert out_json(capsys)[0]["status"] == "SELESAI"  # type: ignore[index]
    del dewi


def test_refusals_exit_2_and_name_the_argument(
    db: Database, org: Org, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = db.path
    ani = nip(db, "Ani")
    db.close()
    with pytest.raises(SystemExit) as exit_:
        run(path, "kompetensi", "standar", "Kepala Dinas", "--set", "M.01=9")
    assert exit_.value.code == 2
    assert "M.01=9" in capsys.readouterr().err
    assert run(path, "kompetensi", "nilai", ani, "--level", "X.99=2") == 2
    assert "X.99" in capsys.readouterr().err
    assert run(path, "pelatihan", "katalog", "--tambah", "Tanpa JP") == 2
    assert "--jp" in capsys.readouterr().err
    sheet = tmp_path / "ac.csv"
    sheet.write_text(f"NIP;Tanggal;M.01\n{ani};2026-03-01;8\n", encoding="utf-8")
    assert run(path, "kompetensi", "impor", str(sheet), "--simpan") == 2
    assert "Baris 2, kolom M.01" in capsys.readouterr().out
    sheet.write_text(f"NIP;Tanggal;M.01\n{ani};2026-03-01;4\n", encoding="utf-8")
    assert run(path, "kompetensi", "impor", str(sheet), "--simpan", "--format", "json") == 0
    assert out_json(capsys)["disimpan"] is True  # type: ignore[index]
    assert run(path, "kompetensi", "nilai", ani, "--format", "json") == 0
    assert out_json(capsys) == [
        {"kode": "M.01", "nama": "Integritas", "level": 4, "tanggal": "2026-03-01",
         "sumber": "ASSESSMENT_CENTER"}
    ]  # fmt: skip
