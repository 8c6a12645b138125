"""The import preview and apply: validation, comparison with the database, one transaction,
idempotence, presets, the migration that stores them, and the .xlsx report."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import app.models.storage.db as dbmod
from app.models.errors import Cancelled, NotFoundError, ValidationError
from app.models.impor.apply import apply_import
from app.models.impor.compare import HOLDER_UNIT_ID
from app.models.impor.fields import guess_mapping
from app.models.impor.plan import plan_import
from app.models.impor.presets import (
    apply_preset,
    delete_preset,
    get_preset,
    list_presets,
    mapping_by_header,
    save_preset,
)
from app.models.impor.read import read_source
from app.models.impor.result import ImportPlan
from app.models.pegawai import read as emp
from app.models.storage.db import Database
from app.models.storage.migrations import steps as migrations
from app.reports.excel.impor import write_import_report
from tests.helpers.common import TODAY
from tests.helpers.impor import (
    BUDI,
    OFFICE_HEADERS,
    SITI,
    write_csv,
    write_siasn_xlsx,
    write_xlsx,
)

BUDI_NIP = "198001122005011002"
SITI_NIP = "199203152019032001"


def batches(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0])


def table_counts(db: Database) -> dict[str, int]:
    tables = (
        "pegawai",
        "riwayat_pangkat",
        "riwayat_jabatan",
        "riwayat_pendidikan",
        "unit_organisasi",
        "lokal_batch",
        "lokal_audit",
        "pegawai_ringkas",
    )
    return {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def plan_file(db: Database, path: Path, **kwargs: Any) -> ImportPlan:
    source = read_source(path)
    return plan_import(db, source, guess_mapping(source.headers), today=TODAY, **kwargs)


def issues_of(plan: ImportPlan, row: int) -> list[tuple[str, str, str]]:
    return [(i.column, i.reason, i.level) for i in plan.issues if i.row == row]


# --- SIASN into an empty database ------------------------------------------------------------


def test_siasn_export_into_an_empty_database_then_again(db: Database, tmp_path: Path) -> None:
    path = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    plan = plan_file(db, path)
    assert plan.ok
    assert plan.counts == {"baru": 2, "berubah": 0, "sama": 0, "ditolak": 0, "dilewati": 0}
    assert {str(u["nama"]) for u in plan.units} == {
        "Dinas Pendidikan",
        "Seksi Pendataan",
        "Dinas Komunikasi dan Informatika",
        "Bidang Aplikasi Informatika",
    }
    budi_row = plan.rows[0]
    assert budi_row.row == 4 and budi_row.nip == BUDI_NIP and budi_row.nama == "BUDI SANTOSO"
    assert ("UNOR NAMA", "peringatan") in [(c, lvl) for c, _, lvl in issues_of(plan, 4)]
    assert table_counts(db)["pegawai"] == 0  # the preview writes nothing

    progress: list[tuple[int, int]] = []
    result = apply_import(db, plan, actor="uji", progress=lambda a, b: progress.append((a, b)))
    assert result["baru"] == 2 and result["unit"] == 4 and result["riwayat"] == 7
    assert progress[-1] == (2, 2)

    budi = emp.get_employee(db.conn, BUDI_NIP, today=TODAY).data
    assert budi["nama_lengkap"] == "Dr. BUDI SANTOSO, S.T., M.T."
    assert budi["tanggal_lahir"] == "1980-01-12"
    assert budi["jenis_kelamin"] == "L"
    assert budi["nik"] == "5371011201800001"
    assert budi["agama"] == "ISLAM"
    assert (budi["tmt_cpns"], budi["tmt_pns"]) == ("2005-01-01", "2006-06-01")
    assert (budi["golongan"], budi["tmt_golongan"]) == ("III/d", "2019-04-01")
    assert budi["masa_kerja_golongan"] == {"tahun": 21, "bulan": 10}
    assert (budi["jabatan"], budi["jenis_jabatan"], budi["eselon"]) == (
        "Kepala Seksi Pendataan",
        "JA",
        "IV.a",
    )
    assert budi["jenjang_jabatan"] == "PENGAWAS"
    assert (budi["unit"], budi["opd"]) == ("Seksi Pendataan", "Dinas Pendidikan")
    assert (budi["pendidikan"], budi["pendidikan_jurusan"]) == ("S1", "Teknik Sipil")
    record = emp.get_employee(db.conn, BUDI_NIP, today=TODAY)
    assert [(r["golongan_kode"], r["jenis"]) for r in record.riwayat["pangkat"]] == [
        ("III/d", None),
        ("III/a", "CPNS"),
    ]
    siti = emp.get_employee(db.conn, SITI_NIP, today=TODAY).data
    assert (siti["tmt_cpns"], siti["tmt_pns"]) == ("2019-03-01", "2020-05-01")  # serial, date
    assert (siti["jenis_jabatan"], siti["jenjang_jabatan"]) == ("JF", "AHLI_PERTAMA")
    assert siti["agama"] == "KATOLIK" and siti["jenis_kelamin"] == "P"
    # The summary the browser pages from is up to date.
    listed = emp.list_employees(db.conn, emp.EmployeeFilter(search="siti"))
    assert [(r["nip"], r["golongan"], r["opd"]) for r in listed] == [
        (SITI_NIP, "III/a", "Dinas Komunikasi dan Informatika")
    ]
    audit = db.conn.execute("SELECT aktor, aksi FROM lokal_audit").fetchall()
    assert [tuple(a) for a in audit] == [("uji", "Impor data pegawai")]

    # The same file again: everything "sama", and applying writes no batch.
    before = table_counts(db)
    again = plan_file(db, path)
    assert again.counts == {"baru": 0, "berubah": 0, "sama": 2, "ditolak": 0, "dilewati": 0}
    assert again.units == []
    assert all(not r.changes for r in again.rows)
    apply_import(db, again, actor="uji")
    assert table_counts(db) == before


def test_changes_are_field_level_and_empty_cells_erase_nothing(
    db: Database, tmp_path: Path
) -> None:
    apply_import(db, plan_file(db, write_siasn_xlsx(tmp_path / "a.xlsx")), actor="uji")
    newer = {
        **BUDI,
        "GOL_AKHIR_NAMA": "IV/a",
        "TMT_GOLONGAN": "01-04-2023",
        "MK_TAHUN": 18,
        "NIK": "",  # empty: the NIK on record stays
        "GELAR_BELAKANG": "S.T., M.T., M.Eng.",
    }
    plan = plan_file(db, write_siasn_xlsx(tmp_path / "b.xlsx", [newer, SITI]))
    assert plan.counts["berubah"] == 1 and plan.counts["sama"] == 1
    changes = plan.rows[0].changes
    assert changes == {
        "gelar_belakang": ("S.T., M.T.", "S.T., M.T., M.Eng."),
        "golongan": ("III/d", "IV/a"),
        "tmt_golongan": ("2019-04-01", "2023-04-01"),
    }
    before = batches(db)
    apply_import(db, plan, actor="uji")
    assert batches(db) == before + 1
    budi = emp.get_employee(db.conn, BUDI_NIP, today=TODAY)
    assert budi.data["nik"] == "5371011201800001"
    assert budi.data["golongan"] == "IV/a"
    assert len(budi.riwayat["pangkat"]) == 3  # the old rank stays in the history


def test_skip_existing(db: Database, tmp_path: Path) -> None:
    apply_import(db, plan_file(db, write_siasn_xlsx(tmp_path / "a.xlsx", [BUDI])), actor="uji")
    newer = {**BUDI, "GOL_AKHIR_NAMA": "IV/a", "TMT_GOLONGAN": "01-04-2023"}
    plan = plan_file(db, write_siasn_xlsx(tmp_path / "b.xlsx", [newer, SITI]), on_existing="skip")
    assert plan.counts == {"baru": 1, "berubah": 0, "sama": 0, "ditolak": 0, "dilewati": 1}
    apply_import(db, plan, actor="uji")
    assert emp.get_employee(db.conn, BUDI_NIP, today=TODAY).data["golongan"] == "III/d"
    with pytest.raises(ValidationError, match="'update' atau 'skip'"):
        plan_file(db, tmp_path / "b.xlsx", on_existing="replace")


# --- an office sheet into the demo database --------------------------------------------------


def _current(db: Database, nip: str) -> dict[str, Any]:
    return emp.get_employee(db.conn, nip, today=TODAY).data


def test_office_sheet_updates_the_demo_database(demo_db: Database, tmp_path: Path) -> None:
    conn = demo_db.conn
    nips = [
        r[0]
        for r in conn.execute(
            "SELECT p.nip FROM pegawai p JOIN pegawai_ringkas r ON r.pegawai_id = p.id "
            "WHERE p.jenis_asn = 'PNS' AND r.golongan_kode IN ('III/a', 'III/b') "
            "AND r.jabatan_nama IS NOT NULL AND p.telepon IS NOT NULL ORDER BY p.nip LIMIT 2"
        )
    ]
    one, two = (_current(demo_db, nip) for nip in nips)
    lahir = "{2}/{1}/{0}".format(*one["tanggal_lahir"].split("-"))
    headers = [*OFFICE_HEADERS, "TMT Pangkat", "No HP"]

    def row(p: dict[str, Any], gol: str, tmt: str, nip: str | None = None) -> list[object]:
        y, m, d = p["tanggal_lahir"].split("-")
        return [
            1,
            "'" + (nip or p["nip"]),
            p["nama_lengkap"],
            f"{d}/{m}/{y}",
            p["jenis_kelamin"],
            gol,
            p["jabatan"],
            p["unit"],
            p["pendidikan"],
            tmt,
            "",
        ]

    unit_with_positions = one["unit"]
    rows: list[list[object]] = [
        ["DAFTAR URUT PEGAWAI"],
        [],
        headers,
        # one: promoted to III/c (written with the pangkat name), nothing else changes
        row(one, "Penata (III/c)", "01-04-2026"),
        # two: exactly as on record (golongan in another spelling)
        row(
            two,
            f"{two['pangkat']}, {two['golongan']}",
            "{2}-{1}-{0}".format(*two["tmt_golongan"].split("-")),
        ),
        # a new employee: a position that the unit's positions list does not have
        [
            3,
            "199001012015031001",
            "Andi Pratama, S.Kom.",
            "01-01-1990",
            "L",
            "III/a",
            "Pengolah Data Kepegawaian Khusus",
            unit_with_positions,
            "S-1",
            "01-03-2015",
            "+62 812 0000 1111",
        ],
        # a new employee in a unit that does not exist yet, no TMT for the golongan
        [
            4,
            "199105052019032002",
            "Rina Wati",
            "05/05/1991",
            "P",
            "3b",
            "Analis Data",
            "Unit Layanan Baru",
            "S1",
            "",
            "",
        ],
    ]
    assert lahir
    plan = plan_file(demo_db, write_xlsx(tmp_path / "kantor.xlsx", rows))
    assert plan.ok, list(plan.issues)
    status = {r.row: r.status for r in plan.rows}
    assert status == {4: "berubah", 5: "sama", 6: "baru", 7: "baru"}
    assert plan.rows[0].changes == {
        "golongan": (one["golongan"], "III/c"),
        "tmt_golongan": (one["tmt_golongan"], "2026-04-01"),
    }
    six = issues_of(plan, 6)
    assert any("tidak ada di daftar jabatan unit" in reason for _, reason, _ in six)
    seven = issues_of(plan, 7)
    assert any("'Unit Layanan Baru' belum ada" in reason for _, reason, _ in seven)
    assert any("TMT golongan tidak diisi" in reason for _, reason, _ in seven)
    assert all(level == "peringatan" for _, _, level in six + seven)
    assert [u["nama"] for u in plan.units] == ["Unit hasil impor", "Unit Layanan Baru"]

    apply_import(demo_db, plan, actor="uji")
    after = _current(demo_db, one["nip"])
    assert (after["golongan"], after["tmt_golongan"]) == ("III/c", "2026-04-01")
    assert after["telepon"] == one["telepon"]  # the empty cell erased nothing
    andi = _current(demo_db, "199001012015031001")
    assert (andi["gelar_belakang"], andi["nama"]) == ("S.Kom.", "Andi Pratama")
    assert andi["telepon"] == "+62 812 0000 1111"
    assert andi["unit"] == unit_with_positions
    rina = _current(demo_db, "199105052019032002")
    assert (rina["golongan"], rina["tmt_golongan"]) == ("III/b", TODAY.isoformat())
    assert rina["unit"] == "Unit Layanan Baru"
    parent = conn.execute(
        "SELECT induk_id FROM unit_organisasi WHERE nama = 'Unit Layanan Baru'"
    ).fetchone()[0]
    assert parent == HOLDER_UNIT_ID
    again = plan_file(demo_db, tmp_path / "kantor.xlsx")
    assert set(again.counts.items()) >= {("sama", 4), ("ditolak", 0)}


# --- rejected rows ---------------------------------------------------------------------------


def _rejected(db: Database, path: Path) -> ImportPlan:
    before = table_counts(db)
    plan = plan_file(db, path)
    assert not plan.ok
    with pytest.raises(ValidationError, match="baris ditolak"):
        apply_import(db, plan, actor="uji")
    assert table_counts(db) == before  # the database is untouched
    return plan


def test_duplicated_nip_rejects_both_rows(demo_db: Database, tmp_path: Path) -> None:
    dup = {**SITI, "NIP_BARU": "'19800112 200501 1 002", "NAMA": "BUDI S"}
    plan = _rejected(demo_db, write_siasn_xlsx(tmp_path / "dup.xlsx", [BUDI, dup, SITI]))
    assert [r.status for r in plan.rows] == ["ditolak", "ditolak", "baru"]
    assert any("juga ada di baris 5" in reason for _, reason, _ in issues_of(plan, 4))
    assert any("juga ada di baris 4" in reason for _, reason, _ in issues_of(plan, 5))


def test_nip_against_birth_date_and_sex(db: Database, tmp_path: Path) -> None:
    wrong = {**BUDI, "TANGGAL_LAHIR": "12-01-1981", "JENIS_KELAMIN": "F"}
    plan = _rejected(db, write_siasn_xlsx(tmp_path / "beda.xlsx", [wrong]))
    assert (
        "TANGGAL LAHIR",
        "NIP menyatakan lahir 12 Januari 1980, kolom TANGGAL LAHIR berisi 12 Januari 1981.",
        "kesalahan",
    ) in issues_of(plan, 4)
    assert any(
        col == "JENIS KELAMIN" and "NIP (digit 15) menyatakan laki-laki" in reason
        for col, reason, _ in issues_of(plan, 4)
    )


@pytest.mark.parametrize(
    ("change", "column", "fragment"),
    [
        ({"NIK": "53710112018000"}, "NIK", "NIK harus 16 angka"),
        ({"NIP_BARU": "19800112200501100"}, "NIP BARU", "NIP harus 18 angka"),
        ({"NIP_BARU": ""}, "NIP BARU", "NIP kosong"),
        ({"NAMA": ""}, "NAMA", "Nama kosong"),
        ({"TMT_PNS": "01-06-2004"}, "TMT PNS", "TMT CPNS harus lebih dulu"),
        ({"TMT_CPNS": "31-02-2005"}, "TMT CPNS", "bukan tanggal yang ada"),
        ({"TMT_JABATAN": "01-01-1970"}, "TMT JABATAN", "sebelum tanggal lahir"),
        ({"GOL_AKHIR_NAMA": "III/f"}, "GOL AKHIR NAMA", "Golongan 'III/f' tidak dikenal"),
        ({"GOL_AKHIR_NAMA": "IX"}, "GOL AKHIR NAMA", "golongan PPPK, padahal pegawai ini PNS"),
        ({"TINGKAT_PENDIDIKAN_NAMA": "Kursus"}, "TINGKAT PENDIDIKAN NAMA", "tidak dikenal"),
        ({"KEDUDUKAN_HUKUM_NAMA": "Entah"}, "KEDUDUKAN HUKUM NAMA", "tidak dikenal"),
        ({"STATUS_CPNS_PNS": "PPPK"}, "STATUS CPNS PNS", "tidak cocok"),
        ({"MK_BULAN": 14}, "MK BULAN", "di luar batas"),
        ({"NAMA": '=HYPERLINK("http://x","Budi")'}, "NAMA", "Sel berisi rumus"),
        ({"TANGGAL_LAHIR": "=DATE(1980,1,12)"}, "TANGGAL LAHIR", "Sel berisi rumus"),
    ],
)
def test_bad_cells_reject_the_row(
    db: Database, tmp_path: Path, change: dict[str, object], column: str, fragment: str
) -> None:
    plan = _rejected(db, write_siasn_xlsx(tmp_path / "salah.xlsx", [{**BUDI, **change}, SITI]))
    assert [r.status for r in plan.rows] == ["ditolak", "baru"]
    errors = [(c, reason) for c, reason, level in issues_of(plan, 4) if level == "kesalahan"]
    assert any(c == column and fragment in reason for c, reason in errors), errors
    assert plan.counts["ditolak"] == 1


def test_formula_in_csv_is_text_and_rejected(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "rumus.csv",
        [
            ["NIP", "Nama", "Unit Kerja"],
            [BUDI_NIP, "Budi", '=HYPERLINK("http://jahat","Klik")'],
            [SITI_NIP, "Siti", "+62 dan seterusnya"],
        ],
    )
    plan = _rejected(db, path)
    assert [r.status for r in plan.rows] == ["ditolak", "baru"]
    assert any("rumus" in reason for _, reason, _ in issues_of(plan, 2))


def test_warnings_do_not_reject(db: Database, tmp_path: Path) -> None:
    odd = {**BUDI, "AGAMA_NAMA": "Lainnya", "TMT_CPNS": "01-03-2005"}
    plan = plan_file(db, write_siasn_xlsx(tmp_path / "aneh.xlsx", [odd]))
    assert plan.ok
    reasons = [reason for _, reason, level in issues_of(plan, 4) if level == "peringatan"]
    assert any("Agama tidak disimpan" in r for r in reasons)
    assert any("TMT CPNS di NIP" in r for r in reasons)


def test_required_fields_must_be_mapped(db: Database, tmp_path: Path) -> None:
    source = read_source(write_siasn_xlsx(tmp_path / "siasn.xlsx"))
    mapping = guess_mapping(source.headers)
    nama = next(i for i, f in mapping.items() if f == "nama")
    with pytest.raises(ValidationError, match="Kolom wajib belum dipetakan: Nama"):
        plan_import(db, source, {**mapping, nama: None})
    with pytest.raises(ValidationError, match="sama-sama dipetakan"):
        plan_import(db, source, {**mapping, 0: "nama"})


# --- one transaction -------------------------------------------------------------------------


def test_cancel_leaves_nothing(db: Database, tmp_path: Path) -> None:
    path = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    with pytest.raises(Cancelled):
        plan_file(db, path, cancelled=lambda: True)
    plan = plan_file(db, path)
    before = table_counts(db)
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        apply_import(db, plan, actor="uji", cancelled=lambda: next(calls, True))
    assert table_counts(db) == before


def test_a_plan_gone_stale_is_refused_whole(db: Database, tmp_path: Path) -> None:
    path = write_siasn_xlsx(tmp_path / "siasn.xlsx")
    stale = plan_file(db, path)
    apply_import(db, plan_file(db, write_siasn_xlsx(tmp_path / "b.xlsx", [SITI])), actor="x")
    before = table_counts(db)
    with pytest.raises(ValidationError, match="Data berubah sejak pratinjau"):
        apply_import(db, stale, actor="uji")
    assert table_counts(db) == before


def test_reimport_after_deletion_restores_the_rows(db: Database, tmp_path: Path) -> None:
    from app.models.storage.store import Store

    path = write_siasn_xlsx(tmp_path / "siasn.xlsx", [BUDI])
    apply_import(db, plan_file(db, path), actor="uji")
    pid = emp.find_pegawai_id(db.conn, BUDI_NIP)
    with Store(db).write("hapus", actor="uji") as tx:
        tx.delete("pegawai", pid)
    plan = plan_file(db, path)
    assert plan.counts["baru"] == 1
    apply_import(db, plan, actor="uji")
    assert emp.find_pegawai_id(db.conn, BUDI_NIP) == pid
    assert emp.count_employees(db.conn) == 1


# --- presets and migration 2 -----------------------------------------------------------------


def test_presets(db: Database) -> None:
    headers = ["Nomor Pegawai", "Nama Pegawai Lengkap", "Tgl Lahir"]
    assert list_presets(db) == []
    mapping = {0: "nip", 1: "nama", 2: "tanggal_lahir"}
    save_preset(db, "Kantor Camat", mapping_by_header(headers, mapping))
    [preset] = list_presets(db)
    assert preset.name == "Kantor Camat"
    # Case, spacing and column order do not matter.
    moved = ["TGL LAHIR", "nomor  pegawai", "Alamat", "Nama Pegawai Lengkap"]
    assert apply_preset(moved, get_preset(db, "kantor camat")) == {
        0: "tanggal_lahir",
        1: "nip",
        2: None,
        3: "nama",
    }
    save_preset(db, "KANTOR CAMAT", {"NIP": "nip", "Nama": "nama"})  # replaces
    assert [(p.name, p.mapping) for p in list_presets(db)] == [
        ("KANTOR CAMAT", {"NIP": "nip", "Nama": "nama"})
    ]
    with pytest.raises(ValidationError, match="Nama preset wajib"):
        save_preset(db, "  ", {"NIP": "nip"})
    with pytest.raises(ValidationError, match="tidak dikenal: gaji"):
        save_preset(db, "x", {"Gaji": "gaji"})
    with pytest.raises(NotFoundError, match="KANTOR CAMAT"):
        get_preset(db, "Lain")
    assert delete_preset(db, "kantor camat") and list_presets(db) == []


def test_a_version_1_database_is_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS[:1])
        m.setattr(dbmod, "LATEST_VERSION", 1)
        Database(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'lokal_preset_impor'"
        ).fetchone()
    upgraded = Database(path)
    try:
        assert upgraded.schema_version == migrations.LATEST_VERSION
        save_preset(upgraded, "SIASN", {"NIP BARU": "nip", "NAMA": "nama"})
        assert [p.name for p in list_presets(upgraded)] == ["SIASN"]
        applied = upgraded.conn.execute("SELECT versi FROM lokal_migrasi ORDER BY versi")
        assert [r[0] for r in applied] == [m.version for m in migrations.MIGRATIONS]
    finally:
        upgraded.close()


# --- the report ------------------------------------------------------------------------------


def test_import_report_reads_back_and_runs_no_formula(db: Database, tmp_path: Path) -> None:
    bad = {**BUDI, "NAMA": '=HYPERLINK("http://jahat","x")', "TANGGAL_LAHIR": "12-01-1981"}
    plan = plan_file(db, write_siasn_xlsx(tmp_path / "siasn.xlsx", [bad, SITI]))
    out = write_import_report(plan, tmp_path / "laporan.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Masalah", "Perubahan"]
    summary = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(values_only=True) if r and r[0]}
    assert summary["Baru"] == 1 and summary["Ditolak"] == 1
    assert summary["Kesalahan"] == plan.error_count
    problems = list(wb["Masalah"].iter_rows(values_only=True))
    assert problems[0] == ("Baris", "NIP", "Nama", "Kolom", "Nilai", "Alasan", "Tingkat")
    by_column = {r[3]: r for r in problems[1:]}
    assert by_column["TANGGAL LAHIR"][:2] == (4, BUDI_NIP)
    assert "NIP menyatakan lahir" in by_column["TANGGAL LAHIR"][5]
    assert by_column["TANGGAL LAHIR"][6] == "Kesalahan"
    formula_row = by_column["NAMA"]
    assert formula_row[4] == '=HYPERLINK("http://jahat","x")'
    # Stored as a string cell, never as a formula.
    ws = wb["Masalah"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == formula_row[4]]
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)
    changes = list(wb["Perubahan"].iter_rows(values_only=True))
    assert changes[1][:4] == (5, SITI_NIP, "SITI AMINAH", "Baru")
