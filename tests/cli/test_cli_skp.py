"""``merit skp``: create, plan, submit, rate, approve, status (table and JSON), the documents,
exit codes and Indonesian messages, and the rights when signed in as the wrong account."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli.main import main
from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.reference.loader import natural_id
from app.models.storage.db import Database
from tests.helpers.skp import Org, build_org


@pytest.fixture
def org(db: Database) -> Org:
    return build_org(db)


def nip(db: Database, pegawai_id: str) -> str:
    return str(db.conn.execute("SELECT nip FROM pegawai WHERE id = ?", (pegawai_id,)).fetchone()[0])


def run(db: Database, *argv: str) -> int:
    return main(["--db", str(db.path), "skp", *argv])


def test_a_year_from_the_command_line(
    db: Database, org: Org, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ani = nip(db, org.ani)
    assert run(db, "create", "--year", "2026", "--unit", "Dinas Arsip") == 0
    assert "SKP 2026: 5 dibuat (0 melanjutkan rencana tahun lalu), 0 sudah ada." in (
        capsys.readouterr().out
    )
    assert run(db, "rate", ani, "--year", "2026", "--hasil", "atas", "--perilaku", "atas") == 2
    assert "berstatus Draf; menilai hanya" in capsys.readouterr().err
    assert run(db, "submit", ani, "--year", "2026") == 2
    assert "sedikitnya satu rencana hasil kerja" in capsys.readouterr().err
    hasil = "Tertatanya arsip|Jumlah berkas|1.000 berkas"
    assert run(db, "plan", ani, "--year", "2026", "--hasil", hasil) == 0
    assert run(db, "submit", ani, "--year", "2026") == 0
    assert run(db, "rate", ani, "--year", "2026", "--hasil", "sesuai", "--perilaku", "bawah") == 0
    assert "predikat Kurang/Misconduct" in capsys.readouterr().out
    assert run(db, "approve", ani, "--year", "2026") == 0
    assert "ditetapkan dan terkunci" in capsys.readouterr().out
    assert run(db, "rate", ani, "--year", "2026", "--hasil", "atas", "--perilaku", "atas") == 2
    assert "terkunci" in capsys.readouterr().err

    assert run(db, "status", "--year", "2026", "--format", "json") == 0
    rows = {r["nip"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[ani]["status"] == "ditetapkan" and rows[ani]["predikat"] == "KURANG"
    assert rows[nip(db, org.budi)]["status"] == "draft"
    assert rows[nip(db, org.orang_lain)] == {
        "nip": nip(db, org.orang_lain),
        "nama": "Orang Lain",
        "unit": "Dinas Lain",
        "status": "belum",
        "predikat": None,
        "penilai": None,
    }
    assert run(db, "status", "--year", "2026") == 0
    table = capsys.readouterr().out
    assert "Ditetapkan" in table and "Kurang/Misconduct" in table
    assert "Jumlah 6: belum ada 1, draf 4, diajukan 0, dinilai 0, ditetapkan 1." in table

    pdf = tmp_path / "ani.pdf"
    assert run(db, "pdf", ani, "--year", "2026", "--out", str(pdf)) == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in text and "KURANG/MISCONDUCT" in text
    xlsx = tmp_path / "rekap.xlsx"
    assert run(db, "rekap", "--year", "2026", "--out", str(xlsx)) == 0
    sheet = load_workbook(xlsx)["Rekap SKP"]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert ani in values and "Kurang/Misconduct" in values
    audited = db.conn.execute(
        "SELECT count(*) FROM lokal_audit WHERE aksi = 'Ekspor rekap SKP 2026'"
    ).fetchone()[0]
    assert audited == 1  # an export of personal data is written to the audit trail

    assert run(db, "reopen", ani, "--year", "2026", "--catatan", "Keberatan") == 0
    assert run(db, "return", ani, "--year", "2026", "--catatan", "Ulangi penilaian") == 0
    assert "status sekarang Diajukan" in capsys.readouterr().out
    # Every SKP write went through the write path: the integrity check agrees.
    assert main(["--db", str(db.path), "check"]) == 0


def test_errors_have_exit_codes_and_messages(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "approve", nip(db, org.ani), "--year", "2026") == 3
    assert "belum punya SKP tahun 2026" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        run(db, "plan", nip(db, org.ani), "--year", "1800", "--hasil", "a|b|c")
    assert exc.value.code == 2
    assert "tahun '1800' tidak sah" in capsys.readouterr().err
    run(db, "create", "--year", "2026")
    capsys.readouterr()
    assert run(db, "plan", nip(db, org.ani), "--year", "2026", "--hasil", "tanpa pemisah") == 2
    assert "tulis tiga bagian dipisah '|'" in capsys.readouterr().err
    assert run(db, "create", "--year", "2026", "--unit", "Tidak Ada") == 3


def test_signed_in_as_the_wrong_account_is_refused(
    db: Database,
    org: Org,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    akun.create_akun(db, "admin", "Admin", "sandi-rahasia-1", [Peran.ADMIN], actor="sistem")
    akun.create_akun(
        db, "opdinas", "Operator", "sandi-rahasia-2", [Hak(Peran.OPERATOR, org.dinas)],
        actor="sistem",
    )  # fmt: skip
    secret = tmp_path / "sandi.txt"
    secret.write_text("sandi-rahasia-2\n")
    base = ["--db", str(db.path), "--user", "opdinas", "--password-file", str(secret), "skp"]
    assert main([*base, "create", "--year", "2026"]) == 6
    assert "membuat SKP untuk seluruh instansi" in capsys.readouterr().err
    assert main([*base, "create", "--year", "2026", "--unit", "Dinas Arsip"]) == 0
    ani = nip(db, org.ani)
    assert main([*base, "plan", ani, "--year", "2026", "--hasil", "a|b|c"]) == 0
    assert main([*base, "submit", ani, "--year", "2026"]) == 0
    assert (
        main([*base, "rate", ani, "--year", "2026", "--hasil", "atas", "--perilaku", "atas"]) == 6
    )
    assert "opdinas tidak berhak menilai SKP ini" in capsys.readouterr().err
    skp_id = natural_id("skp", org.ani, 2026)
    assert db.conn.execute("SELECT status FROM skp WHERE id = ?", (skp_id,)).fetchone()[0] == (
        "diajukan"
    )
