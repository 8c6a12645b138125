"""``merit pengaduan ...``, ``merit disiplin ...``, ``merit pengawasan rekap`` end to end: a
complaint from intake to reply, a case opened from it, the decision blocking KP, the recap."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli.main import main
from app.models.rekap.kp import nominatif_kp
from app.models.rules.kp import STATUS_BELUM
from app.models.storage.db import Database
from tests.helpers.dokumen import prepare_db
from tests.helpers.pegawai import Orang, add, make_db


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def _out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out.strip()


def test_complaint_to_case_to_penalty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, units = make_db(tmp_path / "k.sqlite3")
    orang = Orang(
        "Ani Loket", golongan="III/b", tmt_golongan="2023-04-01", skp={2026: "BAIK", 2025: "BAIK"}
    )
    add(db, units, [orang])
    path = db.path
    db.close()
    capsys.readouterr()

    with pytest.raises(SystemExit) as info:
        run(path, "pengaduan", "add", "--perihal", "Pungli", "--kanal", "merpati")
    assert info.value.code == 2 and "--kanal" in capsys.readouterr().err
    assert (
        run(
            path,
            "pengaduan",
            "add",
            "--perihal",
            "Diminta uang di loket",
            "--kanal",
            "surat",
            "--tanggal",
            "2026-03-02",
            "--identitas",
            "rahasia",
            "--nama",
            "Warga Rahasia",
            "--nik",
            "3201010101010001",
            "--unit",
            "Dinas Kesehatan",
            "--kategori",
            "pungli",
            "--nip",
            orang.nip,
        )
        == 0
    )
    aduan = _out(capsys)
    assert run(path, "pengaduan", "list", "--format", "json") == 0
    rows = json.loads(_out(capsys))
    assert rows[0]["id"] == aduan and rows[0]["pelapor"]["nama"] == "Warga Rahasia"
    assert (
        run(path, "pengaduan", "list", "--terlambat", "--sampai", "2026-03-10", "--format", "json")
        == 0
    )
    assert [t["tahap"] for t in json.loads(_out(capsys))] == ["TRIASE", "TANGGAPAN"]
    assert (
        run(path, "pengaduan", "assign", aduan[:8], "--petugas", "rina", "--tanggal", "2026-03-03")
        == 0
    )
    assert (
        run(path, "pengaduan", "triase", aduan, "--hasil", "dugaan", "--tanggal", "2026-03-04") == 0
    )
    assert (
        run(
            path,
            "disiplin",
            "kasus",
            "--nip",
            orang.nip,
            "--dugaan",
            "Pungutan di loket",
            "--tingkat",
            "sedang",
            "--pengaduan",
            aduan,
            "--tanggal",
            "2026-03-05",
        )
        == 0
    )
    kasus = _out(capsys).splitlines()[-1]
    assert (
        run(
            path,
            "disiplin",
            "panggil",
            kasus,
            "--ke",
            "1",
            "--surat",
            "2026-03-09",
            "--periksa",
            "2026-03-10",
        )
        == 2
    )
    assert "7 hari kerja" in capsys.readouterr().err
    assert (
        run(
            path,
            "disiplin",
            "panggil",
            kasus,
            "--ke",
            "1",
            "--surat",
            "2026-03-09",
            "--periksa",
            "2026-03-18",
        )
        == 0
    )
    assert (
        run(
            path,
            "disiplin",
            "periksa",
            kasus,
            "--tanggal",
            "2026-03-18",
            "--pemeriksa",
            "Kabid",
            "--bap",
            "Mengakui",
        )
        == 0
    )
    assert (
        run(
            path,
            "disiplin",
            "putus",
            kasus,
            "--hukuman",
            "potongan_tpp_12",
            "--nomor-sk",
            "800/1/2026",
            "--tanggal-sk",
            "2026-11-20",
            "--diterima",
            "2026-12-01",
        )
        == 0
    )
    assert "15 Desember 2026" in _out(capsys)
    assert run(path, "disiplin", "show", kasus, "--format", "json") == 0
    data = json.loads(_out(capsys))
    assert (data["tmt_mulai"], data["tmt_selesai"]) == ("2026-12-15", "2027-12-14")
    assert (
        run(
            path,
            "pengaduan",
            "close",
            aduan,
            "--hasil",
            "Terbukti, dijatuhi hukuman",
            "--jawaban",
            "Terima kasih atas laporan Anda",
            "--tanggal",
            "2026-12-02",
        )
        == 0
    )
    again = Database(path)
    baris = {b.nip: b for b in nominatif_kp(again.conn, date(2027, 4, 1)).baris}
    assert baris[orang.nip].status == STATUS_BELUM
    again.close()

    out = tmp_path / "rekap.xlsx"
    assert (
        run(
            path,
            "pengawasan",
            "rekap",
            "--dari",
            "2026-01-01",
            "--sampai",
            "2026-12-31",
            "--out",
            str(out),
        )
        == 0
    )
    text = "\n".join(
        str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c
    )
    assert "Pungutan liar atau gratifikasi" in text and "Sedang" in text
    assert "Warga Rahasia" not in text and orang.nip not in text and "Ani Loket" not in text
    assert "3201010101010001" not in text  # the complainant's NIK
    prep = Database(path)
    prepare_db(prep)
    prep.close()
    assert run(path, "pengaduan", "jawab", aduan, "--out", str(tmp_path / "jawab")) == 0
    assert "000.9/1/BKPSDM/2026" in _out(capsys)
    assert (
        run(path, "disiplin", "surat-panggilan", kasus, "--ke", "1", "--out", str(tmp_path / "s"))
        == 0
    )
    assert "800.1.6.4/1/BKPSDM/2026" in _out(capsys)
    # A second case decided with an SK through the decree engine, then received.
    assert (
        run(
            path,
            "disiplin",
            "kasus",
            "--nip",
            orang.nip,
            "--dugaan",
            "Alpa 12 hari",
            "--tanggal",
            "2026-12-03",
        )
        == 0
    )
    kedua = _out(capsys).splitlines()[-1]
    assert (
        run(
            path,
            "disiplin",
            "panggil",
            kedua,
            "--ke",
            "1",
            "--surat",
            "2026-12-07",
            "--periksa",
            "2026-12-16",
        )
        == 0
    )
    assert (
        run(
            path,
            "disiplin",
            "periksa",
            kedua,
            "--tanggal",
            "2026-12-16",
            "--pemeriksa",
            "Kabid",
            "--bap",
            "Mengakui",
        )
        == 0
    )
    capsys.readouterr()
    assert (
        run(
            path,
            "disiplin",
            "sk",
            kedua,
            "--hukuman",
            "teguran_tertulis",
            "--tanggal",
            "2026-12-18",
            "--out",
            str(tmp_path / "sk"),
        )
        == 0
    )
    assert "800.1.6.4/1/SK-HD/2026" in _out(capsys)
    assert run(path, "disiplin", "terima", kedua, "--tanggal", "2026-12-21") == 0
    assert "4 Januari 2027" in _out(capsys)
    pdf = tmp_path / "publik.pdf"
    assert run(path, "pengawasan", "publik", "--tahun", "2026", "--out", str(pdf)) == 0
    public = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert "Ringkasan Publik" in public and "Pungutan liar atau gratifikasi" in public
    for secret in ("Warga Rahasia", orang.nip, "Ani Loket", "3201010101010001"):
        assert secret not in public
    assert run(path, "disiplin", "alpa", "--hari", "12") == 0
    assert "POTONGAN_TPP_6" in _out(capsys)


def test_absence_suggestion_for_an_employee_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, units = make_db(tmp_path / "a.sqlite3")
    add(db, units, [Orang("Budi Alpa", golongan="III/a", tmt_golongan="2022-04-01")])
    nip = str(db.conn.execute("SELECT nip FROM pegawai").fetchone()[0])
    path = db.path
    db.close()
    capsys.readouterr()
    assert run(path, "disiplin", "absen", nip, "--hari", "12", "--format", "json") == 0
    data = json.loads(_out(capsys))
    assert (data["hukuman_kode"], data["tingkat"], data["aturan_berturut"]) == (
        "POTONGAN_TPP_6",
        "SEDANG",
        False,
    )
    assert data["pasal"] == "PP 94/2021 Ps. 9-11"
    assert (
        run(path, "disiplin", "absen", nip, "--hari", "12", "--berturut", "10", "--format", "json")
        == 0
    )
    data = json.loads(_out(capsys))
    assert (data["hukuman_kode"], data["tingkat"], data["aturan_berturut"]) == (
        "PDHTAPS",
        "BERAT",
        True,
    )
    assert run(path, "disiplin", "absen", nip, "--hari", "2") == 0
    assert "Belum ada hukuman" in _out(capsys)
    assert run(path, "disiplin", "absen", nip, "--hari", "3", "--berturut", "4") != 0
    assert "berturut" in capsys.readouterr().err


def test_lapor_import_dry_run_then_write_then_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.impor import write_csv

    db, _units = make_db(tmp_path / "l.sqlite3")
    path = db.path
    db.close()
    sheet = write_csv(
        tmp_path / "lapor.csv",
        [
            ["Nomor Tiket", "Tanggal Laporan", "Judul", "Nama Pelapor", "Anonim"],
            ["LPR-1", "2026-03-02", "Antrian panjang", "Warga", "Ya"],
            ["LPR-2", "2026-03-03", "Loket tutup", "Warga Dua", "Tidak"],
        ],
    )
    capsys.readouterr()
    assert run(path, "pengaduan", "import", str(sheet), "--dry-run", "--format", "json") == 0
    data = json.loads(_out(capsys))
    assert (data["baru"], data["ditulis"]) == (2, 0)
    assert run(path, "pengaduan", "import", str(sheet)) == 0
    assert "2 laporan baru, 0 sudah ada, 2 disimpan." in _out(capsys)
    assert run(path, "pengaduan", "import", str(sheet), "--format", "json") == 0
    data = json.loads(_out(capsys))
    assert (data["baru"], data["sudah_ada"], data["ditulis"]) == (0, 2, 0)
    bad = write_csv(
        tmp_path / "bad.csv", [["Nomor Tiket", "Tanggal Laporan", "Judul"], ["X", "", "J"]]
    )
    assert run(path, "pengaduan", "import", str(bad)) == 2
    assert "Baris 2: Tanggal laporan: wajib diisi." in capsys.readouterr().err
    assert run(path, "pengaduan", "import", str(bad), "--map", "judul") == 2
