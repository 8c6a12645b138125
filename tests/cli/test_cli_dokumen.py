"""`merit sk` and `merit verify` end to end on a demo database."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.storage.db import Database
from tests.helpers.dokumen import pns, prepare_db


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


@pytest.fixture
def ready(demo_db: Database) -> tuple[Path, list[str]]:
    prepare_db(demo_db)
    nips = pns(demo_db, 2)
    path = demo_db.path
    demo_db.close()
    return path, nips


def test_issue_verify_register_cancel(
    ready: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, nips = ready
    out_dir = tmp_path / "sk"
    code, text = run(
        "--db", str(db), "sk", "SK_UJI", "--nip", *nips, "--out", str(out_dir),
        "--tanggal", "2026-11-22", "--nilai", "gaji_pokok=4699300",
        "--nilai", f"{nips[1]}:gaji_pokok=4800000",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "Terbit: 800.1.3.2/1/BKPSDM/2026" in text and "Terbit: 800.1.3.2/2/BKPSDM/2026" in text
    first = out_dir / f"{nips[0]}.pdf"
    assert first.is_file()

    code, text = run("--db", str(db), "verify", str(first))
    assert code == 0 and text.startswith("ASLI\n") and "800.1.3.2/1/BKPSDM/2026" in text

    code, text = run("--db", str(db), "sk", "register", "--tahun", "2026", "--format", "json")
    rows = json.loads(text)
    assert code == 0 and [r["nomor_urut"] for r in rows] == [2, 1]
    kode = rows[0]["kode_verifikasi"]
    code, text = run("--db", str(db), "verify", kode)
    assert code == 0 and text.startswith("TERDAFTAR")

    code, text = run(
        "--db", str(db), "sk", "cancel", "800.1.3.2/2/BKPSDM/2026", "--alasan", "Gaji pokok salah"
    )
    assert code == 0 and "dibatalkan" in text
    code, text = run("--db", str(db), "verify", str(out_dir / f"{nips[1]}.pdf"))
    assert code == 1 and text.startswith("DIBATALKAN") and "Gaji pokok salah" in text

    code, text = run("--db", str(db), "verify", "ZZZZZ-ZZZZZ")
    assert code == 1 and text.startswith("TIDAK TERDAFTAR")
    code, text = run("--db", str(db), "sk", "register")
    assert "dibatalkan: Gaji pokok salah" in text and "2 dokumen" in text


def test_errors_exit_non_zero_with_a_message(
    ready: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, nips = ready
    code, _ = run("--db", str(db), "sk", "SK_TIDAK_ADA", "--nip", nips[0], "--out", str(tmp_path))
    assert code == 3 and "Templat dokumen SK_TIDAK_ADA tidak ada" in capsys.readouterr().err
    # the gaji is looked up in the table; before PP 5/2024 there is none: it must be given
    sk_kp = ("--db", str(db), "sk", "SK_UJI", "--nip", nips[0], "--out", str(tmp_path))
    code, _ = run(*sk_kp, "--nilai", "tmt=2023-10-01")
    err = capsys.readouterr().err
    assert code == 2 and f"NIP {nips[0]}" in err and "{gaji_pokok}" in err
    # An SK KP is issued from its proposal (merit kp issue), never as a free decree.
    code, _ = run(
        "--db", str(db), "sk", "SK_KP", "--nip", nips[0], "--out", str(tmp_path),
        "--nilai", "gaji_pokok=4699300",
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "SK kenaikan pangkat" in err and "merit kp issue" in err
    assert not list(tmp_path.glob("*.pdf"))
    code, _ = run("--db", str(db), "sk", "cancel", "800.1.3.2/9/BKPSDM/2026", "--alasan", "x")
    assert code == 2  # reason too short
    code, text = run("--db", str(db), "sk", "templat")
    assert code == 0 and "SK_KP" in text and "gaji_pokok" in text
    code, text = run("--db", str(db), "sk", "penomoran")
    assert code == 0 and "belum dipegang" in text
