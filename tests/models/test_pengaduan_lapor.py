"""Import of a SP4N-LAPOR! export (.xlsx/.csv): column preset and overrides, per-row reasons,
all-or-nothing writes, the ticket as external key, anonymous/confidential flags, hostile files."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.models.errors import ValidationError
from app.models.pengaduan import lapor
from app.models.pengaduan import register as adu
from tests.helpers.impor import BAD_FILES, write_csv, write_xlsx
from tests.helpers.pegawai import make_db

HEADERS: list[object] = [
    "ID Laporan", "Tanggal Laporan", "Judul", "Isi Laporan", "Kategori", "Instansi Tujuan",
    "Status", "Sumber", "Nama Pelapor", "Anonim", "Rahasia",
]  # fmt: skip
ROWS: list[list[object]] = [
    ["LPR-001", "2026-03-02", "Pungli di loket", "Diminta uang", "Pungutan liar atau gratifikasi",
     "Dinas Kependudukan", "Diproses", "Website", "Warga Terbuka", "Tidak", "Tidak"],
    ["LPR-002", "03/03/2026", "Pegawai tidak ada", "Kantor kosong", "DISIPLIN", "BKPSDM",
     "Baru", "Aplikasi", "Warga Anonim", "Ya", "Tidak"],
    ["LPR-003", "04-03-2026", "Layanan lambat", None, "Tidak dikenal", None, None, "SMS",
     "Warga Rahasia", "Tidak", "Ya"],
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Any:
    database, _units = make_db(tmp_path / "kantor.sqlite3")
    yield database
    database.close()


def _count(db: Any) -> int:
    return int(db.conn.execute("SELECT count(*) FROM pengaduan").fetchone()[0])


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_import_writes_once_and_keeps_flags(db: Any, tmp_path: Path, kind: str) -> None:
    rows: list[list[object]] = [["Ekspor SP4N-LAPOR! Maret 2026"], HEADERS, *ROWS]
    path = (
        write_xlsx(tmp_path / "lapor.xlsx", rows)
        if kind == "xlsx"
        else write_csv(tmp_path / "lapor.csv", [HEADERS, *ROWS])
    )
    plan = lapor.rencana(db, "sistem", path)
    assert plan.baris[0].baris == (3 if kind == "xlsx" else 2)  # the file row, title counted
    assert [b.status for b in plan.baris] == [lapor.BARU] * 3
    assert plan.kolom["tiket"] == "ID Laporan"
    assert "Lainnya" in plan.baris[2].catatan[0]
    assert _count(db) == 0  # the plan writes nothing

    hasil = lapor.impor(db, "sistem", path)
    assert hasil.ditulis == 3 and _count(db) == 3
    by_nomor = {p.nomor: p for p in adu.list_pengaduan(db, "sistem")}
    assert by_nomor["LPR-001"].kanal == "LAPOR"
    assert by_nomor["LPR-001"].kategori_kode == "PUNGLI"
    assert by_nomor["LPR-002"].identitas == "ANONIM"
    assert by_nomor["LPR-003"].identitas == "RAHASIA"
    rows = db.conn.execute("SELECT nama, sandi IS NOT NULL FROM pengaduan_pelapor ORDER BY 2")
    # The anonymous name is gone; the confidential one is sealed (never in the clear, not in
    # the change log a package carries), the open one kept as it is.
    assert [tuple(r) for r in rows] == [("Warga Terbuka", 0), (None, 1)]
    logged = [str(r) for r in db.conn.execute("SELECT * FROM lokal_audit")] + [
        zlib.decompress(r[0]).decode() for r in db.conn.execute("SELECT ops FROM lokal_batch")
    ]
    assert "Warga Terbuka" in "".join(logged)  # the search reads the operations
    assert not [x for x in logged if "Warga Anonim" in x or "Warga Rahasia" in x]
    assert by_nomor["LPR-003"].pelapor_teks == "Warga Rahasia"  # a handler reads it
    assert by_nomor["LPR-003"].kategori_kode == "LAINNYA"

    again = lapor.impor(db, "sistem", path)
    assert again.ditulis == 0 and [b.status for b in again.rencana.baris] == [lapor.ADA] * 3
    assert _count(db) == 3


def test_bad_rows_name_row_field_and_reason_and_nothing_is_written(db: Any, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        HEADERS,
        ROWS[0],
        ["LPR-001", "2026-03-05", "Duplikat", None, None, None, None, None, None, "Tidak", "Tidak"],
        [None, "31-02-2026", None, None, None, None, None, None, None, "mungkin", None],
        ["LPR-009", "2026-03-06", "=HYPERLINK(\"http://x\")", None, None, None, None, None, None,
         None, None],
    ]  # fmt: skip
    path = write_csv(tmp_path / "salah.csv", rows)
    with pytest.raises(ValidationError) as info:
        lapor.impor(db, "sistem", path)
    reasons = info.value.reasons
    assert "Baris 3: Nomor tiket: LPR-001 sudah ada di baris 2." in reasons
    assert "Baris 4: Nomor tiket: wajib diisi." in reasons
    assert any(r.startswith("Baris 4: Tanggal laporan:") for r in reasons)
    assert "Baris 4: Judul: wajib diisi." in reasons
    assert "Baris 4: Anonim: 'mungkin' bukan Ya/Tidak." in reasons
    assert "Baris 5: Judul: berisi rumus; rumus tidak diterima." in reasons
    assert "Baris 5: Judul: wajib diisi." not in reasons  # one reason per field
    assert "tidak ada yang disimpan" in str(info.value)
    assert _count(db) == 0  # the good first row was not written either


def test_columns_by_override_and_a_foreign_file_refused(db: Any, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "lain.csv",
        [["No. Tiket", "Tgl Masuk", "Pokok"], ["T-1", "2026-03-02", "Jalan rusak"]],
    )
    with pytest.raises(ValidationError, match="kolom Tanggal laporan, Judul tidak") as info:
        lapor.rencana(db, "sistem", path)
    assert "No. Tiket" in str(info.value)
    peta = lapor.parse_peta(["tanggal=Tgl Masuk", "judul=Pokok"])
    assert lapor.impor(db, "sistem", path, peta).ditulis == 1
    with pytest.raises(ValidationError, match="tidak dikenal"):
        lapor.parse_peta(["pelapor=Nama"])
    with pytest.raises(ValidationError, match="kolom=Judul"):
        lapor.parse_peta(["tiket"])


def test_dry_run_writes_nothing(db: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "lapor.csv", [HEADERS, *ROWS])
    assert lapor.impor(db, "sistem", path, coba=True).ditulis == 0
    assert _count(db) == 0


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_hostile_files_are_refused(db: Any, tmp_path: Path, name: str) -> None:
    make, phrases = BAD_FILES[name]
    maker: Callable[[Path], Path] = make
    path = maker(tmp_path)
    with pytest.raises(ValidationError) as info:
        lapor.impor(db, "sistem", path)
    if name != "tanpa data":
        for phrase in phrases:
            assert phrase in str(info.value)
    assert _count(db) == 0
