"""``merit export``: files written, audit entry, exit codes and Indonesian messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from app.models.storage.db import Database


def run(demo_db: Database, *argv: str) -> int:
    return main(["--db", str(demo_db.path), "export", *argv])


@pytest.mark.parametrize(
    ("jenis", "extra", "sheets"),
    [
        ("duk", [], ["DUK", "DUK Rincian"]),
        ("rekap", [], ["Golongan", "Pendidikan", "Jenis Kelamin", "Status", "Jenis Jabatan"]),
        ("kp", ["--periode", "2027-04"], ["KP"]),
        ("kgb", ["--tahun", "2027"], ["KGB"]),
        ("pensiun", [], ["Pensiun"]),
        ("diklat", ["--tahun", "2026"], ["Diklat"]),
        ("bezetting", [], ["Bezetting"]),
    ],
)
def test_each_export_writes_a_workbook(
    demo_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    jenis: str,
    extra: list[str],
    sheets: list[str],
) -> None:
    out = tmp_path / f"{jenis}.xlsx"
    assert run(demo_db, jenis, "--out", str(out), "--tanggal", "2026-11-22", *extra) == 0
    printed = capsys.readouterr().out
    assert f"Rekap {jenis} ditulis ke {out}" in printed
    wb = load_workbook(out)
    assert wb.sheetnames == sheets
    assert wb[sheets[0]]["A1"].value.startswith("BADAN KEPEGAWAIAN")
    audit = demo_db.conn.execute(
        "SELECT aksi, keterangan FROM lokal_audit WHERE aksi = ?", (f"Ekspor rekap {jenis}",)
    ).fetchall()
    assert len(audit) == 1 and str(out) in audit[0][1]
    assert not list(tmp_path.glob(".*.tmp.xlsx"))


def test_duk_of_one_unit_on_f4(demo_db: Database, tmp_path: Path) -> None:
    unit = demo_db.conn.execute(
        "SELECT opd_nama, count(*) FROM pegawai_ringkas WHERE jenis_asn = 'PNS' "
        "AND status_kepegawaian = 'PNS' AND kedudukan = 'AKTIF' GROUP BY opd_id "
        "ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    out = tmp_path / "duk.xlsx"
    args = [
        "duk",
        "--out",
        str(out),
        "--unit",
        unit[0],
        "--kertas",
        "F4",
        "--tanggal",
        "2026-11-22",
    ]
    assert run(demo_db, *args) == 0
    ws = load_workbook(out)["DUK"]
    assert ws["A3"].value == f"Unit kerja: {unit[0]}"
    assert str(ws.page_setup.paperSize) == "14"
    assert ws.cell(row=8 + unit[1] - 1, column=1).value == unit[1]
    assert ws.cell(row=8 + unit[1], column=1).value is None


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["duk", "--unit", "Dinas Antah Berantah"], 3, "tidak ditemukan"),
        (
            ["duk", "--tanggal", "2026-02-30"],
            2,
            "tanggal '2026-02-30' tidak ada: Februari 2026 hanya sampai tanggal 28",
        ),
        (["kgb", "--tahun", "dua ribu"], 2, "tahun 'dua ribu' tidak sah"),
        (["kp", "--periode", "2025-09"], 2, "bukan periode kenaikan pangkat"),
        (["kp", "--periode", "April"], 2, "tidak sah"),
        (["laporan"], 2, "tidak dikenal"),
    ],
)
def test_bad_arguments_exit_non_zero_in_indonesian(
    demo_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    message: str,
) -> None:
    out = tmp_path / "x.xlsx"
    try:
        got = run(demo_db, *argv, "--out", str(out))
    except SystemExit as exc:  # argparse refuses the value itself
        got = int(exc.code or 0)
    assert got == code
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_output_must_be_xlsx_in_an_existing_folder(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(demo_db, "duk", "--out", str(tmp_path / "duk.csv")) == 2
    assert "harus berakhiran .xlsx" in capsys.readouterr().err
    assert run(demo_db, "duk", "--out", str(tmp_path / "tidak" / "ada.xlsx")) == 2
    assert "tidak ada" in capsys.readouterr().err


def test_missing_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(tmp_path / "kosong.sqlite3"), "export", "duk", "--out", "x.xlsx"])
    assert code == 1 and "belum ada" in capsys.readouterr().err


def test_duk_export_is_signed_by_the_kepala_of_the_agency(
    demo_db: Database, tmp_path: Path
) -> None:
    """Issue 14 item 3: the DUK had no place, date or signature block and printed NIPs
    unspaced; the Kepala comes from the agency settings (the demo's Kepala BKPSDM)."""
    from app.models.dokumen.penandatangan import get_pejabat
    from app.models.rules.nip import format_nip

    kepala = get_pejabat(demo_db.conn, "kepala_bkpsdm")
    assert kepala is not None
    out = tmp_path / "duk.xlsx"
    assert run(demo_db, "duk", "--out", str(out), "--tanggal", "2026-11-22") == 0
    ws = load_workbook(out)["DUK"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert kepala.nama in texts
    assert f"NIP. {format_nip(kepala.nip)}" in texts
    assert any(t.endswith(", 22 November 2026") and not t.startswith(".") for t in texts)
    assert any(t.upper().startswith("KEPALA ") and t.endswith(",") for t in texts)
    nip = ws["C7"].value
    assert len(nip) == 21 and nip[8] == " " and nip[15] == " " and nip[17] == " "
