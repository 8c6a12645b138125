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
    assert run(db, "setujui", ani, "--year", "2026") == 2
    assert "sedikitnya satu rencana hasil kerja" in capsys.readouterr().err
    hasil = "Tertatanya arsip|Jumlah berkas|1.000 berkas"
    assert run(db, "plan", ani, "--year", "2026", "--hasil", hasil) == 0
    assert run(db, "submit", ani, "--year", "2026") == 2
    assert "berstatus Draf; mengajukan hanya" in capsys.readouterr().err
    assert run(db, "setujui", ani, "--year", "2026") == 0
    assert "Rencana SKP" in capsys.readouterr().out
    assert run(db, "submit", ani, "--year", "2026") == 0
    assert run(db, "rate", ani, "--year", "2026", "--hasil", "sesuai", "--perilaku", "bawah") == 0
    assert "predikat Kurang/Misconduct" in capsys.readouterr().out
    assert run(db, "approve", ani, "--year", "2026") == 0
    assert "ditetapkan dan terkunci; keberatan dapat diajukan sampai" in capsys.readouterr().out
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
        "rating_hasil": None,
        "rating_perilaku": None,
        "penilai": None,
        "sumber": "skp",
        "batas_keberatan": None,
    }
    assert run(db, "status", "--year", "2026") == 0
    table = capsys.readouterr().out
    assert "Ditetapkan" in table and "Kurang/Misconduct" in table
    assert (
        "Jumlah 6: belum ada 1, draf 4, rencana disetujui 0, diajukan 0, dinilai 0, ditetapkan 1 "
        "(0 dari riwayat SKP), keberatan 0, final 0." in table
    )

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
    assert main([*base, "setujui", ani, "--year", "2026"]) == 6
    assert "opdinas tidak berhak menyetujui rencana SKP ini" in capsys.readouterr().err
    akun.create_akun(db, "kabid", "Kabid", "sandi-rahasia-3", [Peran.PEJABAT_PENILAI],
                     actor="sistem", pegawai_id=org.kabid)  # fmt: skip
    secret.write_text("sandi-rahasia-3\n")
    as_kabid = [*base[:3], "kabid", *base[4:]]
    assert main([*as_kabid, "setujui", ani, "--year", "2026"]) == 0
    secret.write_text("sandi-rahasia-2\n")
    assert main([*base, "submit", ani, "--year", "2026"]) == 0
    assert (
        main([*base, "rate", ani, "--year", "2026", "--hasil", "atas", "--perilaku", "atas"]) == 6
    )
    assert "opdinas tidak berhak menilai SKP ini" in capsys.readouterr().err
    skp_id = natural_id("skp", org.ani, 2026)
    assert db.conn.execute("SELECT status FROM skp WHERE id = ?", (skp_id,)).fetchone()[0] == (
        "diajukan"
    )


PASSWORDS = {
    "kabid": "sandi-rahasia-31",
    "kadis": "sandi-rahasia-32",
    "admin": "sandi-rahasia-33",
    "opdinas": "sandi-rahasia-34",
}


def test_keberatan_and_its_decision_from_the_command_line(
    db: Database,
    org: Org,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The employee objects, only the atasan pejabat penilai decides; refusals name the reason
    and the exit code says which kind."""
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    akun.create_akun(db, "admin", "Admin", PASSWORDS["admin"], [Peran.ADMIN], actor="sistem")
    for name, peran, pid in (
        ("kabid", Peran.PEJABAT_PENILAI, org.kabid),
        ("kadis", Peran.PEJABAT_PENILAI, org.kadis),
    ):
        akun.create_akun(db, name, name, PASSWORDS[name], [peran], actor="sistem",
                         pegawai_id=pid)  # fmt: skip
    akun.create_akun(
        db, "opdinas", "Operator", PASSWORDS["opdinas"], [Peran.OPERATOR], actor="sistem"
    )

    def as_user(name: str, *argv: str) -> int:
        secret = tmp_path / f"{name}.txt"
        secret.write_text(PASSWORDS[name] + "\n")
        return main(["--db", str(db.path), "--user", name, "--password-file", str(secret), "skp",
                     *argv])  # fmt: skip

    ani = nip(db, org.ani)
    year = ("--year", "2026")
    assert as_user("opdinas", "create", *year) == 0
    assert as_user("opdinas", "keberatan", ani, *year, "--alasan", "x") == 2
    assert "belum ditetapkan pejabat penilai (status Draf)" in capsys.readouterr().err
    assert as_user("opdinas", "plan", ani, *year, "--hasil", "a|b|c") == 0
    assert as_user("kabid", "setujui", ani, *year) == 0
    assert as_user("opdinas", "submit", ani, *year) == 0
    assert as_user("kabid", "rate", ani, *year, "--hasil", "bawah", "--perilaku", "sesuai") == 0
    assert as_user("kadis", "approve", ani, *year) == 6
    assert "Yang berhak: pejabat penilai" in capsys.readouterr().err
    assert as_user("kabid", "approve", ani, *year) == 0
    capsys.readouterr()
    assert as_user("kabid", "keberatan", ani, *year, "--alasan", "x") == 6
    assert "tidak berhak mengajukan keberatan atas SKP ini" in capsys.readouterr().err
    assert as_user("opdinas", "keberatan", ani, *year, "--alasan", "Realisasi 110% diabaikan") == 0
    assert "menunggu putusan atasan pejabat penilai" in capsys.readouterr().out
    assert as_user("opdinas", "keberatan", ani, *year, "--alasan", "lagi") == 2
    assert "keberatan hanya sekali" in capsys.readouterr().err
    decide = ("putus-keberatan", ani, *year, "--hasil", "sesuai", "--perilaku", "sesuai")
    for who in ("kabid", "admin"):
        assert as_user(who, *decide, "--alasan", "x") == 6
        assert "Keberatan hanya diputus oleh atasan pejabat penilai" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        as_user("kadis", "putus-keberatan", ani, *year, "--hasil", "luar", "--perilaku",
                "sesuai", "--alasan", "x")  # fmt: skip
    assert exc.value.code == 2 and "--hasil" in capsys.readouterr().err
    assert as_user("kadis", *decide, "--alasan", "Bukti realisasi lengkap") == 0
    assert "predikat Baik; SKP final" in capsys.readouterr().out
    assert as_user("kadis", *decide, "--alasan", "ulang") == 2
    assert "sudah final" in capsys.readouterr().err
    assert as_user("opdinas", "status", *year, "--format", "json") == 0
    row = {r["nip"]: r for r in json.loads(capsys.readouterr().out)}[ani]
    assert (row["status"], row["predikat"], row["rating_hasil"]) == ("final", "BAIK", "SESUAI")


def test_paper_results_history_rows_and_capaian_from_the_command_line(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.models.pegawai import history

    history.add_history(db, org.budi, "skp", {"tahun": 2025, "predikat_kode": "BAIK"}, actor="x")
    staf, kabid = nip(db, org.staf), nip(db, org.kabid)
    year = ("--year", "2025")
    assert run(db, "catat-hasil", staf, *year, "--hasil", "atas") == 2
    assert "bersama-sama" in capsys.readouterr().err
    assert run(db, "catat-hasil", staf, *year, "--hasil", "atas", "--perilaku", "sesuai",
               "--predikat", "sangat_baik") == 2  # fmt: skip
    assert "menurut matriks predikatnya Baik" in capsys.readouterr().err
    assert run(db, "catat-hasil", staf, *year, "--hasil", "atas", "--perilaku", "atas",
               "--penilai", kabid, "--tanggal", "2026-01-15") == 0  # fmt: skip
    assert "predikat Sangat Baik, ditetapkan" in capsys.readouterr().out
    assert run(db, "catat-hasil", staf, *year, "--predikat", "baik") == 2
    assert "tidak dapat dicatat ulang" in capsys.readouterr().err
    assert run(db, "keberatan", staf, *year, "--alasan", "terlambat") == 2
    assert "Masa keberatan SKP tahun 2025 sudah berakhir pada 29 Januari 2026" in (
        capsys.readouterr().err
    )
    assert run(db, "status", *year, "--format", "json") == 0
    rows = {r["nama"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["Budi"]["status"], rows["Budi"]["sumber"], rows["Budi"]["predikat"]) == (
        "ditetapkan",
        "riwayat",
        "BAIK",
    )
    assert (rows["Staf"]["status"], rows["Staf"]["batas_keberatan"]) == ("ditetapkan", "2026-01-29")
    assert run(db, "status", *year) == 0
    assert "ditetapkan 2 (1 dari riwayat SKP)" in capsys.readouterr().out
    assert run(db, "capaian-organisasi", *year, "--unit", "Dinas Arsip", "--capaian", "hebat") == 2
    assert "'hebat' tidak dikenal" in capsys.readouterr().err
    assert run(db, "capaian-organisasi", *year, "--unit", "Dinas Arsip", "--capaian", "baik") == 0
    assert "Capaian kinerja organisasi Dinas Arsip tahun 2025: baik." in capsys.readouterr().out
    out = Path(db.path).with_name("rekap.xlsx")
    assert run(db, "rekap", *year, "--out", str(out)) == 0
    notes = [c.value for row in load_workbook(out)["Kemajuan dan Distribusi"].iter_rows()
             for c in row if isinstance(c.value, str)]  # fmt: skip
    assert any("Belum ada pegawai berpredikat Butuh Perbaikan" in v for v in notes)
    assert any("1 pegawai yang predikatnya hanya tercatat di riwayat SKP" in v for v in notes)
