"""`merit sk` and `merit verify` end to end on a demo database."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.dokumen import register as register_dokumen
from app.models.storage.db import Database
from tests.helpers import forgery
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
        "--tanggal", "2026-11-22",
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
    assert code == 11 and text.startswith("DIBATALKAN") and "Gaji pokok salah" in text

    code, text = run("--db", str(db), "verify", "ZZZZZ-ZZZZZ")
    assert code == 12 and text.startswith("TIDAK TERDAFTAR")
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
    assert code == 2 and f"NIP {nips[0]}" in err and "Gaji pokok baru (gaji_pokok)" in err
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


def test_verify_exit_codes_for_forged_combined_and_forged_register(
    ready: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: a forged name added as an annotation is BERUBAH (exit 10) naming the page; the
    combined PDF Merit wrote verifies (exit 0); the help lists the exit codes."""
    db, nips = ready
    out_dir = tmp_path / "sk"
    code, _ = run(
        "--db", str(db), "sk", "SK_UJI", "--nip", *nips, "--out", str(out_dir),
        "--tanggal", "2026-11-22",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    first = out_dir / f"{nips[0]}.pdf"
    data = first.read_bytes()
    database = Database(db)
    name = register_dokumen.list_register(database.conn, search=nips[0])[0].nama_pegawai
    database.close()
    forged = tmp_path / "palsu.pdf"
    forged.write_bytes(forgery.annotation_forgery(data, name, "ANTONIUS NGGADAS"))
    code, text = run("--db", str(db), "verify", str(forged))
    assert code == 10 and text.startswith("BERUBAH\nHalaman 1 BERBEDA"), text
    code, text = run("--db", str(db), "verify", str(forged), "--format", "json")
    body = json.loads(text)
    assert code == 10 and body["status"] == "berubah" and body["halaman"] == 1
    assert body["kode_keluar"] == 10 and body["asli"] is False
    [combined] = out_dir.glob("gabungan_*.pdf")
    code, text = run("--db", str(db), "verify", str(combined), "--format", "json")
    body = json.loads(text)
    assert code == 0 and body["hasil"] == "ISI SAMA" and body["dokumen"] == 2
    not_pdf = tmp_path / "rusak.pdf"
    not_pdf.write_bytes(b"bukan pdf")
    code, text = run("--db", str(db), "verify", str(not_pdf))
    assert code == 2 and text.startswith("BUKAN PDF")
    with pytest.raises(SystemExit) as exit_info:
        run("verify", "--help")
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    for line in ("0   ASLI", "10  BERUBAH", "11  DIBATALKAN", "12  TIDAK TERDAFTAR", "13  PALSU"):
        assert line in shown
