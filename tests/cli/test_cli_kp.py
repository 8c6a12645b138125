"""``merit kp propose|pertek|issue|status|withdraw`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.models.reference.data import golongan_order as order
from app.models.rules.kp import STATUS_BELUM
from app.models.storage.db import Database
from tests.helpers.dokumen import prepare_db
from tests.helpers.kp import PERIODE, TMT, rows, two_due


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def status(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert run(db, "kp", "status", "--period", PERIODE, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    return {p["nip"]: p for p in data["pegawai"]}


def test_kp_propose_pertek_issue_status(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prepare_db(demo_db)
    a, b = (i.nip for i in two_due(demo_db))
    belum = rows(demo_db, STATUS_BELUM)[0].nip
    path = demo_db.path
    demo_db.close()

    assert run(path, "kp", "propose", "--period", PERIODE, "--nip", belum) == 2
    assert "belum memenuhi syarat" in capsys.readouterr().err
    assert run(path, "kp", "propose", "--period", PERIODE, "--nip", a, b) == 0
    assert "2 pegawai diusulkan" in capsys.readouterr().out
    assert status(path, capsys)[a]["usulan"] == "USUL"

    args = ("--nomor", "PT-7/BKN/2026", "--tanggal", "2026-11-20")
    blank = ("--nomor", " ", "--tanggal", "2026-11-20")
    assert run(path, "kp", "pertek", "--period", PERIODE, "--nip", b, *blank) == 2
    assert "Nomor pertek" in capsys.readouterr().err
    assert run(path, "kp", "pertek", "--period", PERIODE, "--nip", a, b, *args) == 0
    assert "2 usulan" in capsys.readouterr().out
    assert run(path, "kp", "withdraw", "--period", PERIODE, "--nip", b, "--alasan", "mutasi") == 0
    capsys.readouterr()

    out = tmp_path / "sk"
    issue = ("kp", "issue", "--period", PERIODE, "--out", str(out), "--tanggal", "2026-11-22")
    assert run(path, *issue, "--nip", b, "--nilai", f"{b}:gaji_pokok=4.699.300") == 2
    assert "belum diusulkan" in capsys.readouterr().err
    assert run(path, *issue, "--nip", a, "--nilai", "gaji_pokok") == 2
    capsys.readouterr()
    assert run(path, *issue, "--nip", a, "--nilai", f"{a}:gaji_pokok=1") == 2
    assert "tidak sesuai tabel gaji" in capsys.readouterr().err  # looked up, not typed
    assert run(path, *issue, "--nip", a) == 0
    text = capsys.readouterr().out
    assert "1 SK kenaikan pangkat terbit" in text
    nomor = text.splitlines()[0]
    assert list(out.glob(f"{a}*.pdf"))

    state = status(path, capsys)
    assert state[a]["usulan"] == "TERBIT" and state[a]["nomor_sk"] == nomor
    assert state[b]["usulan"] == "BATAL"
    assert run(path, *issue, "--nip", a, "--nilai", "gaji_pokok=1") == 2
    assert "sudah terbit" in capsys.readouterr().err

    db = Database(path)
    try:
        new = db.conn.execute(
            "SELECT golongan_kode, nomor_sk FROM riwayat_pangkat r JOIN pegawai p "
            "ON p.id = r.pegawai_id WHERE p.nip = ? AND r.tmt = ? AND r.deleted = 0",
            (a, TMT.isoformat()),
        ).fetchall()
    finally:
        db.close()
    assert [tuple(r) for r in new] == [(state[a]["golongan_baru"], nomor)]
    assert run(path, "kp", "status", "--period", PERIODE) == 0
    assert "SK terbit" in capsys.readouterr().out


def eligible(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert run(db, "kp", "eligible", *argv, "--format", "json") == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["pegawai"]
    return rows


def test_kp_eligible_json_and_no_structural_holder_above_the_range(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """`merit kp eligible` on a fresh demo (issue 13): rows carry the kind, the status code and
    the reasons; no structural holder is eligible above the eselon range, and with --semua
    those at the top of it are listed "belum_memenuhi" with the range named."""
    path = demo_db.path
    demo_db.close()
    for periode in ("2026-12", "2027-04"):
        rows = eligible(path, capsys, "--period", periode)
        assert rows
        for row in rows:
            assert {"nip", "jenis_kp", "golongan", "golongan_baru", "status", "alasan"} <= set(row)
            assert row["jenis_kp"] in ("reguler", "pilihan_struktural", "jf")
            assert row["status"] in ("memenuhi", "perlu_diverifikasi", "belum_memenuhi")
            assert isinstance(row["alasan"], list) and row["keterangan"] == row["alasan"]
            assert order(row["golongan_baru"]) <= order(row["batas_pangkat"]), row
            if row["status"] != "memenuhi":
                assert row["alasan"], row
        semua = eligible(path, capsys, "--period", periode, "--semua")
        struktural = [r for r in semua if r["jenis_kp"] == "pilihan_struktural"]
        assert struktural and all(r["eselon"] for r in struktural)
        above = [r for r in struktural if order(r["golongan_baru"]) > order(r["batas_pangkat"])]
        assert above, "the demo has structural holders at the top of their range"
        for row in above:
            assert row["status"] == "belum_memenuhi"
            assert any(f"rentang pangkat eselon {row['eselon']} (" in a for a in row["alasan"])
    assert run(path, "kp", "eligible", "--period", "2025-09") == 2
    err = capsys.readouterr().err
    assert "bukan periode kenaikan pangkat" in err and "Peraturan BKN 4/2023" in err
