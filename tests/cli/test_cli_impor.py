"""``merit import employees``: counts in Indonesian, exit codes 0 / 2 / 1, dry run, report,
presets and skip."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from app.cli.main import main
from app.models.impor.presets import save_preset
from app.models.storage.db import Database
from app.models.storage.instansi import setup
from tests.helpers.impor import (
    BAD_FILES,
    BUDI,
    SITI,
    write_csv,
    write_siasn_xlsx,
)
from tests.helpers.kill import PAUSED_BACKUP, start_child


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("SELECT count(*) FROM pegawai").fetchone()[0],
            conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0],
            conn.execute("SELECT count(*) FROM riwayat_pangkat").fetchone()[0],
        )


def test_dry_run_then_apply_then_again(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    xlsx = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    code, out = run("--db", str(db), "import", "employees", str(xlsx), "--dry-run")
    assert code == 0
    assert "judul kolom di baris 3; pemetaan: ekspor SIASN" in out
    assert "Pratinjau: 2 baru, 0 berubah, 0 sama, 0 ditolak, 0 dilewati" in out
    assert "Uji coba (--dry-run): tidak ada yang disimpan." in out
    assert counts(db) == (0, 0, 0)

    code, out = run("--db", str(db), "import", "employees", str(xlsx))
    assert code == 0
    assert "Disimpan: 2 pegawai baru, 0 diperbarui, 7 baris riwayat, 4 unit baru." in out
    applied = counts(db)
    assert applied[0] == 2

    code, out = run("--db", str(db), "impor", "pegawai", str(xlsx))
    assert code == 0
    assert "0 baru, 0 berubah, 2 sama" in out
    assert counts(db) == applied  # nothing written the second time


def test_rejected_rows_exit_2_and_write_nothing(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    Database(db).close()
    dup = {**SITI, "NIP_BARU": BUDI["NIP_BARU"]}
    wrong = {**SITI, "NIP_BARU": "199203152019032002", "TANGGAL_LAHIR": "16-03-1992"}
    xlsx = write_siasn_xlsx(tmp_path / "salah.xlsx", [BUDI, dup, wrong])
    report = tmp_path / "laporan.xlsx"
    code, out = run("--db", str(db), "import", "employees", str(xlsx), "--report", str(report))
    assert code == 2
    assert "0 baru, 0 berubah, 0 sama, 3 ditolak" in out
    assert "Baris 4, kolom NIP BARU" in out and "juga ada di baris 5" in out
    assert "NIP menyatakan lahir 15 Maret 1992, kolom TANGGAL LAHIR berisi 16 Maret 1992" in out
    assert "Tidak ada yang disimpan: 3 baris ditolak." in out
    assert counts(db) == (0, 0, 0)
    wb = openpyxl.load_workbook(report)
    problems = list(wb["Masalah"].iter_rows(values_only=True))
    assert len(problems) > 3 and problems[1][0] == 4


def test_unreadable_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "m.sqlite3"
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(write_siasn_xlsx(tmp_path / "a.xlsx").read_bytes()[:700])
    code, _ = run("--db", str(db), "import", "employees", str(broken))
    assert code == 1
    assert "rusak atau terpotong" in capsys.readouterr().err
    code, _ = run("--db", str(db), "import", "employees", str(tmp_path / "tidak-ada.csv"))
    assert code == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    assert not db.exists()  # an unreadable file does not even create the database


def test_preset_and_skip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "m.sqlite3"
    csv_path = write_csv(
        tmp_path / "kantor.csv",
        [
            ["Nomor Pegawai", "Nama Pegawai Lengkap", "Kelahiran"],
            ["'198001122005011002", "Budi Santoso, S.T.", "12 Januari 1980"],
            ["'199203152019032001", "Siti Aminah", "15 Mar 1992"],
        ],
        delimiter="|",
    )
    code, _ = run("--db", str(db_path), "import", "employees", str(csv_path))
    assert code == 2  # NIP and nama cannot be guessed from these headers
    assert "Kolom wajib belum dipetakan" in capsys.readouterr().err
    db = Database(db_path)
    save_preset(
        db,
        "Kantor",
        {"Nomor Pegawai": "nip", "Nama Pegawai Lengkap": "nama", "Kelahiran": "tanggal_lahir"},
    )
    db.close()
    code, out = run(
        "--db", str(db_path), "import", "employees", str(csv_path), "--preset", "kantor"
    )
    assert code == 0, out
    assert "pemetaan: preset 'Kantor'" in out and "2 baru" in out
    code, _ = run("--db", str(db_path), "import", "employees", str(csv_path), "--preset", "x")
    assert code == 3
    assert "Preset impor 'x' tidak ada" in capsys.readouterr().err

    changed = write_csv(
        tmp_path / "ubah.csv",
        [["NIP", "Nama"], ["198001122005011002", "Budi Santoso Baru"]],
        delimiter=",",
    )
    code, out = run(
        "--db", str(db_path), "import", "employees", str(changed), "--on-existing", "skip"
    )
    assert code == 0 and "1 dilewati" in out
    code, out = run("--db", str(db_path), "import", "employees", str(changed))
    assert code == 0 and "1 berubah" in out
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(
            "SELECT nama FROM pegawai WHERE nip = '198001122005011002'"
        ).fetchone() == ("Budi Santoso Baru",)


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_every_bad_file_is_refused_and_the_database_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db = tmp_path / "m.sqlite3"
    good = write_siasn_xlsx(tmp_path / "awal.xlsx", [BUDI])
    assert run("--db", str(db), "import", "employees", str(good))[0] == 0
    capsys.readouterr()
    before = counts(db)
    folder = tmp_path / "buruk"
    folder.mkdir()
    make, fragments = BAD_FILES[kind]
    code, out = run("--db", str(db), "import", "employees", str(make(folder)))
    err = capsys.readouterr().err
    assert code == 1
    for fragment in fragments:
        assert fragment in err
    assert "Disimpan" not in out
    assert counts(db) == before  # pegawai, lokal_batch and riwayat_pangkat unchanged


def test_two_imports_at_once_never_report_a_disk_error(tmp_path: Path) -> None:
    """Issue 12: two imports at once, one failed with "kesalahan disk ... pulihkan dari
    cadangan" (its backup's temporary copy removed by the other's). Here an import (with its
    backup before) runs while another process is in the middle of its backup: both finish."""
    path = tmp_path / "merit.sqlite3"
    db = Database(path)
    setup(db, "BKPSDM Kota Uji")
    db.close()
    xlsx = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    go = tmp_path / "lanjut"
    child = start_child(PAUSED_BACKUP, str(path), str(go), "2026-11-22T09:00:00")
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "mulai"
        out = io.StringIO()
        code = main(["--db", str(path), "import", "employees", str(xlsx)], out=out)
        go.touch()
        child_out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=60)
    assert code == 0, out.getvalue()
    assert "kesalahan disk" not in out.getvalue()
    assert child.returncode == 0, err
    assert Path(child_out.strip().splitlines()[-1]).is_file()
    assert counts(path)[0] == 2
