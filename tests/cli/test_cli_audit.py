"""``merit audit verify|list|export``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from app.models.storage.db import Database
from app.models.storage.store import Store


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_verify_ok_then_broken_names_entry(db: Database) -> None:
    for i in range(4):
        Store(db).record_read(f"baca {i}", actor="a")
    code, out = _run("--db", str(db.path), "audit", "verify")
    assert code == 0 and "utuh: 4 entri" in out
    db.conn.execute("DROP TRIGGER lokal_audit_tanpa_hapus")
    db.conn.execute("DELETE FROM lokal_audit WHERE no = 2")
    code, out = _run("--db", str(db.path), "audit", "verify")
    assert code == 5 and "no 2 hilang" in out


def test_list_filters_and_json(demo_db: Database) -> None:
    pid, nip = demo_db.conn.execute("SELECT id, nip FROM pegawai LIMIT 1").fetchone()
    with Store(demo_db).write("Mengubah telepon", actor="budi") as tx:
        tx.update("pegawai", pid, {"telepon": "0811\x07222"})
    base = ("--db", str(demo_db.path), "audit", "list")
    code, out = _run(*base, "--nip", nip, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["aksi"] == "Mengubah telepon" and nip in rows[0]["pegawai"]
    code, out = _run(*base, "--aktor", "budi")
    assert code == 0 and "Mengubah telepon" in out and "1 entri" in out
    assert "\x07" not in out
    code, out = _run(*base, "--aksi", "tidak ada", "--dari", "2026-01-01", "--sampai", "2026-01-02")
    assert "0 entri" in out


def test_list_refuses_bad_dates(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(db.path), "audit", "list", "--dari", "22/11/2026"])
    assert "tidak sah" in capsys.readouterr().err
    # both ways of writing a date are accepted (issue 13: TTTT-BB-HH or HH-BB-TTTT)
    assert main(["--db", str(db.path), "audit", "list", "--dari", "22-11-2026"]) == 0
    code = main(
        ["--db", str(db.path), "audit", "list", "--dari", "2026-02-01", "--sampai", "2026-01-01"]
    )
    assert code == 2


def test_export_writes_xlsx_and_is_audited(demo_db: Database, tmp_path: Path) -> None:
    out_file = tmp_path / "audit.xlsx"
    code, out = _run("--db", str(demo_db.path), "audit", "export", "--out", str(out_file))
    assert code == 0 and "diekspor" in out
    ws = load_workbook(out_file).active
    assert ws is not None and ws.cell(4, 4).value == "Membuat data demo"
    code, out = _run("--db", str(demo_db.path), "audit", "list", "--limit", "1")
    assert "Mengekspor jejak audit" in out
