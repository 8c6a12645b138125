"""``merit cuti ...`` from the command line: calendar, balance, request, decision, cancel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.helpers.cuti import kantor


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def test_cuti_from_request_to_decision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = kantor(tmp_path / "cuti.sqlite3")
    ani = k.db.conn.execute("SELECT nip FROM pegawai WHERE id = ?", (k.ani,)).fetchone()[0]
    path = k.db.path
    k.db.close()
    capsys.readouterr()

    csv = tmp_path / "libur2027.csv"
    csv.write_text(
        "tanggal,jenis,keterangan\n2027-03-22,libur,Hari Raya Nyepi\n"
        "2027-03-23,cuti bersama,Cuti bersama Nyepi\n",
        encoding="utf-8",
    )
    assert run(path, "cuti", "kalender", "import", str(csv)) == 0
    assert "2 tanggal kalender disimpan" in capsys.readouterr().out
    assert run(path, "cuti", "kalender", "list", "--tahun", "2027", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["jenis"] for t in data["tanggal"]] == ["LIBUR", "LIBUR", "CUTI_BERSAMA"]

    assert run(path, "cuti", "saldo", ani, "--tahun", "2027", "--format", "json") == 0
    saldo = json.loads(capsys.readouterr().out)
    assert (saldo["tahunan_hak"], saldo["tahunan_bawaan"], saldo["tahunan_sisa"]) == (12, 12, 24)
    assert saldo["besar_tersedia"] is True

    base = ("cuti", "ajukan", ani, "--jenis", "tahunan", "--alasan", "Pulang kampung")
    assert run(path, *base, "--dari", "2027-03-19", "--sampai", "2027-03-26") == 0
    cid = capsys.readouterr().out.splitlines()[0]
    # Fri 19, Mon 22 (holiday), Tue 23 (cuti bersama), Wed-Fri 24-26: 4 working days.
    assert run(path, "cuti", "list", "--status", "diajukan", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)["cuti"]
    assert [(r["id"], r["lama"]) for r in rows] == [(cid, 4)]

    assert run(path, *base, "--dari", "2027-03-25", "--sampai", "2027-03-29") == 2
    assert "Bertumpang tindih" in capsys.readouterr().err
    bad = ("--dari", "2027-03-01", "--sampai", "2027-03-02", "--alasan", "x")
    with pytest.raises(SystemExit) as info:
        run(path, "cuti", "ajukan", ani, "--jenis", "libur", *bad)
    assert info.value.code == 2
    assert "--jenis 'libur' tidak dikenal" in capsys.readouterr().err

    assert run(path, "cuti", "rekomendasi", cid[:8], "--setuju") == 0
    assert run(path, "cuti", "putus", cid, "--tolak") == 2
    assert "memerlukan alasan" in capsys.readouterr().err
    assert run(path, "cuti", "putus", cid, "--setuju") == 0
    assert "[Disetujui]" in capsys.readouterr().out
    assert run(path, "cuti", "saldo", ani, "--tahun", "2027", "--format", "json") == 0
    saldo = json.loads(capsys.readouterr().out)
    assert (saldo["tahunan_dipakai"], saldo["tahunan_sisa"]) == (4, 20)
    assert saldo["riwayat"][0]["status"] == "DISETUJUI"

    assert (
        run(
            path,
            "cuti",
            "koreksi",
            ani,
            "--tahun",
            "2027",
            "--hari",
            "-1",
            "--alasan",
            "Cuti 2026 dicatat manual",
        )
        == 0
    )
    assert run(path, "cuti", "batal", cid) == 0
    assert "Cuti dibatalkan" in capsys.readouterr().out
    assert run(path, "cuti", "saldo", ani, "--tahun", "2027", "--format", "json") == 0
    saldo = json.loads(capsys.readouterr().out)
    assert (saldo["tahunan_dipakai"], saldo["tahunan_sisa"]) == (0, 23)
    assert run(path, "cuti", "batal", "tidak-ada-id") == 3


def test_cuti_surat_needs_an_approved_leave_and_a_signatory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    k = kantor(tmp_path / "cuti.sqlite3")
    ani = k.db.conn.execute("SELECT nip FROM pegawai WHERE id = ?", (k.ani,)).fetchone()[0]
    path = k.db.path
    k.db.close()
    capsys.readouterr()
    ajukan = ("cuti", "ajukan", ani, "--jenis", "tahunan", "--alasan", "Keluarga")
    assert run(path, *ajukan, "--dari", "2027-02-01", "--sampai", "2027-02-02") == 0
    cid = capsys.readouterr().out.splitlines()[0]
    out = str(tmp_path / "surat")
    assert run(path, "cuti", "surat", cid, "--out", out) == 2
    assert "hanya untuk cuti yang disetujui" in capsys.readouterr().err
    assert run(path, "cuti", "putus", cid, "--setuju") == 0
    assert run(path, "cuti", "surat", cid, "--out", out) == 2
    assert "belum diatur" in capsys.readouterr().err


def test_cuti_rekap_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The monthly recap lists the approved leave of the month per unit; the balances sheet
    lists every active employee with the computed balance (read back with openpyxl)."""
    from openpyxl import load_workbook

    k = kantor(tmp_path / "cuti.sqlite3")
    ani = k.db.conn.execute("SELECT nip FROM pegawai WHERE id = ?", (k.ani,)).fetchone()[0]
    path = k.db.path
    k.db.close()
    capsys.readouterr()
    ajukan = ("cuti", "ajukan", ani, "--jenis", "tahunan", "--alasan", "Keluarga")
    assert run(path, *ajukan, "--dari", "2027-02-01", "--sampai", "2027-02-03") == 0
    cid = capsys.readouterr().out.splitlines()[0]
    assert run(path, "cuti", "putus", cid, "--setuju") == 0
    out = tmp_path / "rekap.xlsx"
    assert run(path, "cuti", "rekap", "--tahun", "2027", "--bulan", "2", "--out", str(out)) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Cuti 02-2027", "Saldo 2027"]
    bulan = [
        [c for c in r if c is not None] for r in wb["Cuti 02-2027"].iter_rows(values_only=True)
    ]
    flat = [v for r in bulan for v in r]
    assert "Ani Lestari" in flat and "Cuti tahunan" in flat and "3 hari kerja" in flat
    saldo = {
        r[2]: r[5:11]
        for r in wb["Saldo 2027"].iter_rows(values_only=True)
        if r[2] in ("Ani Lestari", "Budi Santoso")
    }
    assert saldo["Ani Lestari"] == (12, 12, 0, 24, 3, 21)
    # Entitled from 1 September 2026 (one year after his TMT), unused: 6 carried into 2027.
    assert saldo["Budi Santoso"] == (12, 6, 0, 18, 0, 18)
