"""``merit pelatihan surat-tugas|peserta-pdf|evaluasi-impor|evaluasi-rekap --out`` on the
demo: the documents numbered and read back, the evaluation sheet previewed then saved, the
recap written; a bad sheet exits 2 and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli.main import main
from app.models.rules.nip import format_nip
from app.models.storage.db import Database
from tests.helpers.dokumen import pns


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def test_documents_import_and_recap(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nips = pns(demo_db, 3)
    path = demo_db.path
    demo_db.close()
    capsys.readouterr()
    assert run(path, "pelatihan", "katalog", "--tambah", "Pelatihan Jaringan Komputer", "--jp",
               "16", "--penyelenggara", "Dinas Kominfo Uji") == 0  # fmt: skip
    katalog = capsys.readouterr().out.strip()
    assert run(path, "pelatihan", "acara", "--tambah", katalog, "--mulai", "2026-11-02",
               "--selesai", "2026-11-03", "--tempat", "Lab Komputer") == 0  # fmt: skip
    acara = capsys.readouterr().out.strip()
    assert run(path, "pelatihan", "peserta", acara, "--nip", *nips) == 0
    capsys.readouterr()

    assert run(path, "pelatihan", "surat-tugas", acara, "--out", str(tmp_path / "st"),
               "--tanggal", "2026-10-26", "--format", "json") == 0  # fmt: skip
    st = json.loads(capsys.readouterr().out)
    text = " ".join((PdfReader(st["berkas"]).pages[0].extract_text() or "").split())
    assert "SURAT TUGAS" in text and st["nomor"] in text and st["kode_verifikasi"] in text
    assert all(format_nip(n) in text for n in nips)
    assert run(path, "pelatihan", "peserta-pdf", acara, "--out", str(tmp_path / "dp")) == 0
    lines = capsys.readouterr().out.splitlines()
    pdf = Path(lines[0].split("  ", 1)[1])
    dp = " ".join((PdfReader(pdf).pages[0].extract_text() or "").split())
    assert "DAFTAR PESERTA PELATIHAN" in dp and lines[1].split(": ")[1] in dp

    assert run(path, "pelatihan", "selesai", acara) == 0
    sheet = tmp_path / "evaluasi.csv"
    sheet.write_text(
        "NIP;Relevansi;Manfaat;Pengajar;Komentar\n"
        + "".join(f"{n};{i + 1};3;4;\n" for i, n in enumerate(nips)),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(path, "pelatihan", "evaluasi-impor", str(sheet), "--acara", acara,
               "--format", "json") == 0  # fmt: skip
    preview = json.loads(capsys.readouterr().out)
    assert len(preview["baris"]) == 3 and preview["disimpan"] is False
    bad = tmp_path / "buruk.csv"
    bad.write_text(f"NIP;Relevansi;Manfaat;Pengajar\n{nips[0]};7;3;=1+1\n", encoding="utf-8")
    assert run(path, "pelatihan", "evaluasi-impor", str(bad), "--acara", acara,
               "--simpan") == 2  # fmt: skip
    out = capsys.readouterr().out
    assert "Baris 2, kolom Pengajar: berisi rumus" in out and "belum disimpan" in out
    assert run(path, "pelatihan", "evaluasi-impor", str(sheet), "--acara", acara,
               "--simpan") == 0  # fmt: skip
    assert "disimpan." in capsys.readouterr().out
    xlsx = tmp_path / "rekap.xlsx"
    assert run(path, "pelatihan", "evaluasi-rekap", "--tahun", "2026", "--out", str(xlsx)) == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Per acara", "Per penyelenggara"]
    rows = [r for r in wb["Per acara"].iter_rows(values_only=True)]
    ours = next(r for r in rows if "Pelatihan Jaringan Komputer" in r)
    assert 2.0 in ours and any(str(v).startswith("TINJAU") for v in ours if v)
