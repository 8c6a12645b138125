"""Storage: creation, pragmas, migrations, version refusal, errors, one connection per thread."""

from __future__ import annotations

import ast
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from app.models.errors import SchemaTooNewError, StorageError
from app.models.reference.data import REFERENCE_TABLES
from app.models.reference.loader import create_reference_tables, ref_id
from app.models.storage import db as dbmod
from app.models.storage.db import Database, migrate_database
from app.models.storage.migrations import steps
from app.models.storage.migrations.steps import LATEST_VERSION, Migration, sql_statements
from app.models.storage.skema import replicated_schema


def test_new_database_is_migrated_with_wal_and_foreign_keys(db: Database) -> None:
    assert db.schema_version == LATEST_VERSION
    conn = db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == dbmod.APPLICATION_ID
    applied = conn.execute("SELECT versi FROM lokal_migrasi ORDER BY versi").fetchall()
    assert [r[0] for r in applied] == [m.version for m in steps.MIGRATIONS]
    # node id is a UUID and stays the same on reopening
    node = db.node_id
    db.close()
    again = Database(db.path)
    assert again.node_id == node
    again.close()


def _typed_rows(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    cur = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
    return [tuple((type(v).__name__, v) for v in row) for row in cur]


def test_frozen_seed_equals_the_reference_data_of_this_version(db: Database) -> None:
    """Migration 1 seeds the reference tables from its own SQL file (frozen), not from
    app.models.reference: at this version both give the same tables and rows, byte for byte."""
    live = sqlite3.connect(":memory:")
    create_reference_tables(live)
    fresh = db.conn
    for table in REFERENCE_TABLES:
        sql = "SELECT sql FROM sqlite_master WHERE name = ?"
        assert (
            fresh.execute(sql, (table.name,)).fetchone()[0]
            == (live.execute(sql, (table.name,)).fetchone()[0])
        )
        rows = _typed_rows(fresh, table.name)
        assert rows == _typed_rows(live, table.name)
        names = ["id", "kode", *(name for name, _ in table.columns), "deleted"]
        expected = [
            [ref_id(table.name, str(r["kode"])), r["kode"], *(r.get(n) for n in names[2:-1]), 0]
            for r in table.rows
        ]
        assert [[v for _, v in row] for row in rows] == expected
    ref_tables = {
        r[0]
        for r in fresh.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'ref\\_%' ESCAPE '\\'"
        )
    }
    assert ref_tables == {t.name for t in REFERENCE_TABLES}
    live.close()


def test_migrations_import_no_live_module() -> None:
    """A migration is frozen: the migrations package imports the standard library and itself."""
    folder = Path(steps.__file__).parent
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or name.startswith(
                    "app.models.storage.migrations"
                ), f"{path.name} imports {name}"


def test_reference_tables_are_seeded_with_natural_ids(db: Database) -> None:
    row = db.conn.execute("SELECT id, pangkat FROM ref_golongan WHERE kode = 'III/b'").fetchone()
    assert row[0] == ref_id("ref_golongan", "III/b")
    assert row[1] == "Penata Muda Tingkat I"


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "baru.sqlite3"
    Database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 3}")
    with pytest.raises(SchemaTooNewError) as info:
        Database(path)
    message = str(info.value)
    assert "lebih baru" in message
    assert str(LATEST_VERSION + 3) in message and "Perbarui Merit" in message


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bukan.sqlite3"
    path.write_bytes(b"ini bukan basis data SQLite sama sekali" * 100)
    with pytest.raises(StorageError) as info:
        Database(path)
    assert "bukan basis data" in str(info.value) or "rusak" in str(info.value)


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE sesuatu (x)")
    with pytest.raises(StorageError, match="bukan basis data Merit"):
        Database(path)


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="tidak ada"):
        Database(tmp_path / "tidak-ada.sqlite3", create=False)


def test_failed_migration_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.sqlite3"
    Database(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE setengah_jadi (x)")
        conn.execute("INSERT INTO tabel_yang_tidak_ada VALUES (1)")

    bad = (*steps.MIGRATIONS, Migration(LATEST_VERSION + 1, "rusak", broken))
    monkeypatch.setattr(dbmod, "MIGRATIONS", bad)
    monkeypatch.setattr(dbmod, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(sqlite3.OperationalError):
        Database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "setengah_jadi" not in names


def test_a_new_migration_applies_once_and_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.sqlite3"
    Database(path).close()
    calls = []

    def add_column(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("ALTER TABLE pegawai ADD COLUMN catatan TEXT")

    new = (*steps.MIGRATIONS, Migration(LATEST_VERSION + 1, "catatan", add_column))
    monkeypatch.setattr(dbmod, "MIGRATIONS", new)
    monkeypatch.setattr(dbmod, "LATEST_VERSION", LATEST_VERSION + 1)
    first = Database(path)
    assert first.schema_version == LATEST_VERSION + 1
    first.close()
    with sqlite3.connect(path) as conn:
        assert migrate_database(conn, path) == LATEST_VERSION + 1
    assert calls == [1]


def test_each_thread_has_its_own_connection(db: Database) -> None:
    main = db.conn
    seen: list[sqlite3.Connection] = []

    def work() -> None:
        seen.append(db.conn)
        seen.append(db.conn)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen[0] is seen[1]
    assert seen[0] is not main


def test_sql_statements_keeps_triggers_whole() -> None:
    script = """
    -- a comment
    CREATE TABLE a (x);
    CREATE TRIGGER t AFTER INSERT ON a BEGIN
        INSERT INTO a VALUES (1);
        INSERT INTO a VALUES (2);
    END;
    """
    statements = list(sql_statements(script))
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(ValueError):
        list(sql_statements("CREATE TABLE b (x"))


def test_locked_database_becomes_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "kunci.sqlite3"
    database = Database(path)
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    database.conn.execute("PRAGMA busy_timeout = 0")
    try:
        with pytest.raises(StorageError, match="sedang dipakai"):
            database.set_meta("x", "y")
    finally:
        other.execute("ROLLBACK")
        other.close()
        database.close()


_TABLES_22 = (
    "ref_kategori_pengaduan",
    "ref_tenggat_pengaduan",
    "ref_tenggat_disiplin",
    "ref_pejabat_hukdis",
)
_TABLES_26 = ("ref_alpa_berturut",)


def _database_at(path: Path, version: int, monkeypatch: pytest.MonkeyPatch) -> Database:
    """A database made by the release whose last migration was ``version``."""
    with monkeypatch.context() as m:
        m.setattr(dbmod, "MIGRATIONS", tuple(x for x in steps.MIGRATIONS if x.version <= version))
        m.setattr(dbmod, "LATEST_VERSION", version)
        return Database(path)


def test_migration_11_brings_the_monthly_kp_periods_to_an_older_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database made before Peraturan BKN 4/2025 was in the reference data gets the monthly
    periods on upgrade; a row the admin already keyed in with the same kode is kept, not
    duplicated, and a closing date the admin set is not overwritten."""
    path = tmp_path / "lama.sqlite3"
    db = _database_at(path, 12, monkeypatch)
    conn = db.conn
    conn.execute("DELETE FROM ref_periode_kp WHERE berlaku_mulai = '2025-10-01' AND bulan > 1")
    conn.execute(
        "UPDATE ref_periode_kp SET catatan = 'diisi admin' WHERE kode = '2025-10-01|1'"
    )  # as if the admin had keyed in January before the upgrade
    conn.execute(
        "UPDATE ref_periode_kp SET berlaku_sampai = NULL "
        "WHERE berlaku_mulai = '2024-01-01' AND bulan != 12"
    )
    conn.execute(
        "UPDATE ref_periode_kp SET berlaku_sampai = '2025-12-31' "
        "WHERE berlaku_mulai = '2024-01-01' AND bulan = 12"
    )
    conn.execute("DROP TABLE ref_ujian_dinas")  # migration 12, not yet there at version 10
    conn.execute("DELETE FROM lokal_migrasi WHERE versi >= 11")
    conn.execute("PRAGMA user_version = 10")
    db.close()
    again = Database(path)
    rows = again.conn.execute(
        "SELECT kode, berlaku_sampai, catatan FROM ref_periode_kp ORDER BY kode"
    ).fetchall()
    by_kode = {r[0]: (r[1], r[2]) for r in rows}
    assert again.schema_version == LATEST_VERSION
    assert len(rows) == 2 + 6 + 12
    assert by_kode["2025-10-01|1"][1] == "diisi admin"
    assert by_kode["2024-01-01|2"][0] == "2025-09-30"
    assert by_kode["2024-01-01|12"][0] == "2025-12-31"  # the admin's date stays
    again.close()


def test_migration_13_lets_a_history_row_go_without_tmt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version-12 database keeps every riwayat_pangkat/riwayat_jabatan row and index through
    the rebuild, and then accepts a row without TMT (an import without one)."""
    path = tmp_path / "v12.sqlite3"
    db = _database_at(path, 12, monkeypatch)
    conn = db.conn
    conn.execute(
        "INSERT INTO pegawai (id, nip, nama, jenis_asn, tanggal_lahir, jenis_kelamin, "
        "status_kepegawaian) VALUES ('p1', '1', 'A', 'PNS', '1990-01-01', 'P', 'PNS')"
    )
    conn.execute(
        "INSERT INTO riwayat_pangkat (id, pegawai_id, golongan_kode, tmt, mk_tahun) "
        "VALUES ('r1', 'p1', 'III/a', '2019-03-01', 0)"
    )
    before = conn.execute("SELECT * FROM riwayat_pangkat ORDER BY id").fetchall()
    conn.commit()
    db.close()
    again = Database(path)
    conn = again.conn
    assert again.schema_version == LATEST_VERSION
    assert conn.execute("SELECT * FROM riwayat_pangkat ORDER BY id").fetchall() == before
    conn.execute(
        "INSERT INTO riwayat_pangkat (id, pegawai_id, golongan_kode, tmt) "
        "VALUES ('r2', 'p1', 'III/b', NULL)"
    )
    conn.execute(
        "INSERT INTO riwayat_jabatan (id, pegawai_id, nama_jabatan, jenis_kode, tmt) "
        "VALUES ('j1', 'p1', 'Analis', 'JF', NULL)"
    )
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(riwayat_jabatan)")}
    assert "riwayat_jabatan_pegawai" in indexes
    again.close()


def test_migration_14_adds_the_superior_cap_of_kp_to_an_older_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database at version 13 gets ref_batas_atasan_kp on upgrade, with the rows of this
    version, and the KP rule reads it."""
    path = tmp_path / "v13.sqlite3"
    _database_at(path, 13, monkeypatch).close()
    again = Database(path)
    rows = again.conn.execute(
        "SELECT kode, batas_atasan, berlaku_mulai, berlaku_sampai FROM ref_batas_atasan_kp "
        "ORDER BY urutan"
    ).fetchall()
    assert again.schema_version == LATEST_VERSION
    assert [tuple(r) for r in rows] == [
        ("reguler|1900-01-01", 1, "1900-01-01", "2025-05-19"),
        ("reguler|2025-05-20", 0, "2025-05-20", None),
        ("jf|1900-01-01", 0, "1900-01-01", None),
    ]


def test_migration_15_brings_the_gaji_table_to_an_older_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database made before the gaji table existed gets ref_gaji_pokok on upgrade, with the
    same rows and ids as a new database (PP 5/2024 for PNS, the PPPK table marked [?])."""
    with Database(tmp_path / "baru.sqlite3") as new:
        fresh = _typed_rows(new.conn, "ref_gaji_pokok")
    path = tmp_path / "lama.sqlite3"
    _database_at(path, 14, monkeypatch).close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    assert _typed_rows(again.conn, "ref_gaji_pokok") == fresh
    row = again.conn.execute(
        "SELECT id, gaji_pokok, status_fakta FROM ref_gaji_pokok WHERE kode = '2024-01-01|III/a|8'"
    ).fetchone()
    assert tuple(row) == (ref_id("ref_gaji_pokok", "2024-01-01|III/a|8"), 3_153_600, "P")
    pppk = again.conn.execute(
        "SELECT COUNT(*) FROM ref_gaji_pokok WHERE status_fakta = '?' AND golongan_kode = 'IX'"
    ).fetchone()[0]
    assert pppk == 17
    again.close()


def test_migration_16_keeps_old_skps_and_widens_the_states(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SKP left 'dinilai' by the old flow (waiting for the atasan's approval) keeps its
    rating and now waits for the penilai's penetapan; an SKP ditetapkan before gets its
    keberatan window counted from its penetapan; the new states are accepted, others still not;
    the reference tables of the curve and the keberatan days arrive."""
    from app.models.reference import loader
    from app.models.rules.skp import Pelaku
    from app.models.skp import read, workflow
    from app.models.storage.store import Store
    from tests.helpers.skp import build_org

    path = tmp_path / "skp-lama.sqlite3"
    old = _database_at(path, 15, monkeypatch)
    new_tables = (
        "ref_tenggat_skp",
        "ref_capaian_organisasi",
        "ref_kurva_predikat",
        "ref_kompetensi",  # migration 20
        "ref_kotak_talenta",
        "ref_talenta_kinerja",
        "ref_kesiapan_suksesi",
        "ref_aturan_cuti",  # migration 21
        *_TABLES_22,  # migration 22
        *_TABLES_26,  # migration 26
        "ref_majelis_etik",  # migration 30
    )
    monkeypatch.setattr(
        loader, "REFERENCE_TABLES", tuple(t for t in REFERENCE_TABLES if t.name not in new_tables)
    )
    org = build_org(old)
    with Store(old).write("uji") as tx:
        for pid, status, ditetapkan in (
            (org.ani, "dinilai", None),
            (org.budi, "ditetapkan", "2026-01-10T03:00:00Z"),
        ):
            tx.insert(
                "skp",
                {
                    "id": read.skp_id_for(pid, 2025),
                    "pegawai_id": pid,
                    "tahun": 2025,
                    "penilai_id": org.kabid,
                    "atasan_penilai_id": org.kadis,
                    "status": status,
                    "rating_hasil": "SESUAI",
                    "rating_perilaku": "SESUAI",
                    "predikat_kode": "BAIK",
                    "terkunci": int(status == "ditetapkan"),
                    "ditetapkan": ditetapkan,
                },
            )
    columns = [r[1] for r in old.conn.execute("PRAGMA table_info(skp)")]
    assert "rencana_disetujui" not in columns
    old.close()
    monkeypatch.undo()

    db = Database(path)
    conn = db.conn
    assert db.schema_version == LATEST_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    ani = read.skp_info(conn, read.skp_id_for(org.ani, 2025))
    budi = read.skp_info(conn, read.skp_id_for(org.budi, 2025))
    assert (ani.status, ani.terkunci, ani.batas_keberatan) == ("dinilai", False, None)
    assert (budi.status, budi.batas_keberatan) == ("ditetapkan", "2026-01-24")
    assert [r[0] for r in conn.execute("SELECT hari FROM ref_tenggat_skp")] == [14]
    assert conn.execute("SELECT count(*) FROM ref_kurva_predikat").fetchone()[0] == 11
    # The old 'dinilai' SKP is ditetapkan by the penilai now, not by the atasan.
    workflow.tetapkan(db, ani.id, actor=Pelaku("kabid", pegawai_id=org.kabid))
    assert read.skp_info(conn, ani.id).status == "ditetapkan"
    with Store(db).write("uji") as tx:
        tx.update("skp", budi.id, {"status": "keberatan"})
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute("UPDATE skp SET status = 'lain' WHERE id = ?", (budi.id,))
    db.close()


def test_migration_17_adds_page_fingerprints_and_keeps_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database from before page fingerprints gets the two columns of naskah_dokumen, empty
    for the files issued before (verified by their text, see tests/jobs/test_dokumen_verify.py),
    and the write path replicates them (they are part of the replicated schema)."""
    path = tmp_path / "lama.sqlite3"
    db = _database_at(path, 16, monkeypatch)
    conn = db.conn
    conn.execute(
        "INSERT INTO register_dokumen (id, templat_kode, tahun, nomor_urut, nomor, tanggal, "
        "perihal, instalasi, diterbitkan_oleh, diterbitkan_pada) VALUES "
        "('r1', 'SK_KP', 2025, 1, '1/2025', '2025-04-01', 'KP', 'n', 'admin', '2025-04-01')"
    )
    conn.execute(
        "INSERT INTO naskah_dokumen (id, register_id, jenis, kode_verifikasi, content_digest, "
        "pdf_sha256, text_digest, nama_berkas, dibuat) VALUES "
        "('n1', 'r1', 'petikan', 'AAAAA-AAAAA', 'c', 'p', 't', 'x.pdf', '2025-04-01')"
    )
    conn.commit()
    db.close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    row = again.conn.execute(
        "SELECT kode_verifikasi, sidik_halaman, tanda_terbit FROM naskah_dokumen"
    ).fetchone()
    assert tuple(row) == ("AAAAA-AAAAA", None, None)
    columns = replicated_schema(again.conn)["naskah_dokumen"]
    assert "sidik_halaman" in columns and "tanda_terbit" in columns
    again.close()


def test_migration_20_brings_the_competency_tables_to_an_older_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database at version 19 gets the competency library, the 9-box and the empty
    competency and training tables on upgrade, with the same reference rows and ids as a new
    database; its employees stay as they were."""
    with Database(tmp_path / "baru.sqlite3") as new:
        fresh = {
            t: _typed_rows(new.conn, t)
            for t in (
                "ref_kompetensi",
                "ref_kotak_talenta",
                "ref_talenta_kinerja",
                "ref_kesiapan_suksesi",
            )
        }
    path = tmp_path / "lama.sqlite3"
    db = _database_at(path, 19, monkeypatch)
    db.conn.execute(
        "INSERT INTO pegawai (id, nip, nama, jenis_asn, tanggal_lahir, jenis_kelamin, "
        "status_kepegawaian) VALUES ('p1', '1', 'A', 'PNS', '1990-01-01', 'P', 'PNS')"
    )
    db.conn.commit()
    db.close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    for name, rows in fresh.items():
        assert _typed_rows(again.conn, name) == rows
    row = again.conn.execute(
        "SELECT id, nama, jenis FROM ref_kompetensi WHERE kode = 'M.08'"
    ).fetchone()
    assert tuple(row) == (ref_id("ref_kompetensi", "M.08"), "Pengambilan Keputusan", "MANAJERIAL")
    box = again.conn.execute(
        "SELECT nomor FROM ref_kotak_talenta WHERE kinerja = 3 AND potensi = 3"
    ).fetchone()[0]
    assert box == 9
    schema = replicated_schema(again.conn)
    for table in ("kompetensi_standar", "kompetensi_nilai", "pelatihan_peserta"):
        assert table in schema
    assert again.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 1


def test_migration_21_brings_leave_to_an_older_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database at version 20 gets the leave rules (same rows and ids as a new database) and
    the replicated leave tables on upgrade."""
    with Database(tmp_path / "baru.sqlite3") as new:
        fresh = _typed_rows(new.conn, "ref_aturan_cuti")
    path = tmp_path / "lama.sqlite3"
    _database_at(path, 20, monkeypatch).close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    assert _typed_rows(again.conn, "ref_aturan_cuti") == fresh
    row = again.conn.execute(
        "SELECT id, hak_hari FROM ref_aturan_cuti WHERE kode = 'TAHUNAN|PNS|1900-01-01'"
    ).fetchone()
    assert tuple(row) == (ref_id("ref_aturan_cuti", "TAHUNAN|PNS|1900-01-01"), 12)
    schema = replicated_schema(again.conn)
    assert {"cuti", "cuti_kalender", "cuti_penyesuaian"} <= set(schema)


def test_migration_22_adds_complaints_discipline_cases_and_their_deadlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of version 21 gets the complaint and discipline tables and the four
    reference tables on upgrade, its history rows untouched, and they replicate."""
    from app.models.reference import loader

    path = tmp_path / "lama23.sqlite3"
    monkeypatch.setattr(
        loader,
        "REFERENCE_TABLES",
        tuple(t for t in REFERENCE_TABLES if t.name not in (*_TABLES_22, *_TABLES_26)),
    )
    old = _database_at(path, 21, monkeypatch)
    assert "pengaduan" not in replicated_schema(old.conn)
    old.close()
    monkeypatch.undo()
    db = Database(path)
    conn = db.conn
    assert db.schema_version == LATEST_VERSION
    schema = replicated_schema(conn)
    for name in (
        "pengaduan",
        "pengaduan_pelapor",
        "pengaduan_pegawai",
        "pengaduan_lampiran",
        "pengaduan_catatan",
        "disiplin_kasus",
        "disiplin_panggilan",
        *_TABLES_22,
    ):
        assert name in schema, name
    rows = dict(conn.execute("SELECT kode, hari FROM ref_tenggat_disiplin").fetchall())
    assert rows["PANGGILAN_I"] == 7 and rows["BERLAKU"] == 15
    assert conn.execute("SELECT count(*) FROM ref_kategori_pengaduan").fetchone()[0] == 7
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Idempotent: an admin's edit survives a re-application (a file set back to version 21).
    conn.execute("UPDATE ref_tenggat_pengaduan SET hari = 2 WHERE tahap = 'TRIASE'")
    conn.execute("DELETE FROM lokal_migrasi WHERE versi >= 22")
    conn.execute("PRAGMA user_version = 21")
    db.close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    hari = again.conn.execute(
        "SELECT hari FROM ref_tenggat_pengaduan WHERE tahap = 'TRIASE'"
    ).fetchone()[0]
    assert hari == 2
    again.close()


def test_migration_23_seals_room_for_the_confidential_complainant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of version 22 keeps its complainants and gets ``pengaduan_pelapor.sandi``
    (replicated); a file set back to version 22 re-applies it without harm."""
    path = tmp_path / "lama23.sqlite3"
    old = _database_at(path, 22, monkeypatch)
    assert "sandi" not in replicated_schema(old.conn)["pengaduan_pelapor"]
    old.conn.execute(
        "INSERT INTO pengaduan (id, tanggal_terima, kanal, perihal) "
        "VALUES ('p1', '2026-01-05', 'SURAT', 'Antrean')"
    )
    old.conn.execute(
        "INSERT INTO pengaduan_pelapor (id, pengaduan_id, nama) VALUES ('l1', 'p1', 'Warga')"
    )
    old.close()
    db = Database(path)
    assert db.schema_version == LATEST_VERSION
    assert "sandi" in replicated_schema(db.conn)["pengaduan_pelapor"]
    row = db.conn.execute("SELECT nama, sandi FROM pengaduan_pelapor WHERE id = 'l1'").fetchone()
    assert tuple(row) == ("Warga", None)
    db.conn.execute("DELETE FROM lokal_migrasi WHERE versi >= 23")
    db.conn.execute("PRAGMA user_version = 22")
    db.close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    again.close()


def test_migration_24_marks_no_old_applicant_as_from_the_talent_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Applicants registered before version 24 keep their row and are not from the pool."""
    path = tmp_path / "v22.sqlite3"
    db = _database_at(path, 22, monkeypatch)
    conn = db.conn
    conn.execute(
        "INSERT INTO seleksi (id, judul, nama_jabatan, jenis) "
        "VALUES ('s1', 'Seleksi', 'Kepala Bidang', 'PENGAWAS')"
    )
    conn.execute(
        "INSERT INTO seleksi_pelamar (id, seleksi_id, nomor, nama) VALUES ('a1', 's1', 1, 'Ani')"
    )
    conn.commit()
    db.close()
    again = Database(path)
    assert again.schema_version == LATEST_VERSION
    row = again.conn.execute(
        "SELECT nama, dari_talenta, talenta_peringkat, talenta_kotak, talenta_kesiapan "
        "FROM seleksi_pelamar WHERE id = 'a1'"
    ).fetchone()
    assert tuple(row) == ("Ani", 0, None, None, None)
    again.close()


def test_migration_25_adds_the_mentoring_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of version 22 gets the two mentoring tables on upgrade, replicated, with
    its employees untouched."""
    path = tmp_path / "lama22.sqlite3"
    old = _database_at(path, 22, monkeypatch)
    assert "kompetensi_mentor" not in replicated_schema(old.conn)
    pegawai_before = old.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0]
    old.close()
    monkeypatch.undo()
    db = Database(path)
    assert db.schema_version == LATEST_VERSION
    schema = replicated_schema(db.conn)
    assert "mentor_id" in schema["kompetensi_mentor"]
    assert "tindak_lanjut" in schema["kompetensi_mentor_pertemuan"]
    assert db.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0] == pegawai_before
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_upgrade_to_26_adds_the_absence_in_a_row_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of version 22 gets ref_alpa_berturut on upgrade; an admin's edit of it
    survives a re-application."""
    from app.models.reference import loader

    path = tmp_path / "lama26.sqlite3"
    monkeypatch.setattr(
        loader, "REFERENCE_TABLES", tuple(t for t in REFERENCE_TABLES if t.name not in _TABLES_26)
    )
    old = _database_at(path, 22, monkeypatch)
    n = old.conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'ref_alpa_berturut'"
    ).fetchone()[0]
    assert n == 0
    old.close()
    monkeypatch.undo()
    db = Database(path)
    conn = db.conn
    assert db.schema_version == LATEST_VERSION
    assert "ref_alpa_berturut" in replicated_schema(conn)
    row = conn.execute("SELECT hari, hukuman_kode, berlaku_mulai FROM ref_alpa_berturut").fetchone()
    assert tuple(row) == (10, "PDHTAPS", "2021-09-14")
    conn.execute("UPDATE ref_alpa_berturut SET hari = 11")
    conn.execute("DELETE FROM lokal_migrasi WHERE versi >= 23")
    conn.execute("PRAGMA user_version = 22")
    db.close()
    db = Database(path)
    assert db.conn.execute("SELECT hari FROM ref_alpa_berturut").fetchone()[0] == 11
    db.close()


def test_migration_27_adds_ethics_cases_and_the_default_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of version 22 gets the ethics tables on upgrade; they replicate; the default
    code is seeded once and an admin's edit of a point survives a re-application."""
    path = tmp_path / "lama27.sqlite3"
    old = _database_at(path, 22, monkeypatch)
    assert "etik_kasus" not in replicated_schema(old.conn)
    old.close()
    db = Database(path)
    conn = db.conn
    assert db.schema_version == LATEST_VERSION
    schema = replicated_schema(conn)
    for name in ("etik_pasal", "etik_kasus", "etik_majelis", "etik_sidang"):
        assert name in schema, name
    # The default code is written through the write path on first use, not by the migration.
    assert conn.execute("SELECT count(*) FROM etik_pasal").fetchone()[0] == 0
    from app.models.etik import kasus as ek

    assert len(ek.list_pasal(db)) == 14
    conn.execute("UPDATE etik_pasal SET isi = 'Diubah admin' WHERE kode = 'DIRI_1'")
    conn.execute("DELETE FROM lokal_migrasi WHERE versi >= 23")
    conn.execute("PRAGMA user_version = 22")
    db.close()
    again = Database(path)
    isi = again.conn.execute("SELECT isi FROM etik_pasal WHERE kode = 'DIRI_1'").fetchone()[0]
    assert isi == "Diubah admin"
    assert again.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    again.close()


def test_migration_28_keeps_the_creators_of_rows_compact_and_sync_working(
    tmp_path: Path,
) -> None:
    """Two installations that already synced, upgraded from version 27: every creator of a row
    is kept (UUID ids as 16 bytes, other ids as text, tables as numbers), and what needs them
    still works: a concurrent creation of the same row (a clash on both sides, the same one),
    an edit of a row created elsewhere."""
    from app.models.storage import replika
    from app.sync import importer, package
    from tests.helpers.migrations import rewind
    from tests.helpers.sync import Node, make_nodes
    from tests.sync.asal_lama import as_before_migration_28

    def exchange(src: Node, dst: Node) -> importer.ImportSummary:
        out = tmp_path / f"{src.name}-{dst.name}-{len(list(tmp_path.iterdir()))}.merit"
        package.export_package(src.db, out, to=dst.name)
        return importer.import_package(dst.db, out, clock=dst.clock_fn)

    a, b = make_nodes(tmp_path, 2)
    natural = "pengaturan-uji"  # not a UUID: kept as text
    with a.store.write("buat") as tx:
        unit = tx.insert("unit_organisasi", {"nama": "Dinas A", "jenis": "OPD"})
        tx.insert("pengaturan", {"id": natural, "kunci": "uji", "nilai": "dari A"})
    b.offset[0] = 5.0
    with b.store.write("buat") as tx:  # the same row, created without seeing A's
        tx.insert("pengaturan", {"id": natural, "kunci": "uji", "nilai": "dari B"})
    assert exchange(a, b).konflik_baru == 1

    nodes = []
    for node in (a, b):
        conn = node.db.conn
        creators = "SELECT row_id, tabel, node, seq FROM lokal_asal_baris"
        before = sorted((tuple(r) for r in conn.execute(creators)), key=repr)
        assert as_before_migration_28(conn) == len(before)
        assert (
            conn.execute(
                "SELECT count(*) FROM lokal_asal_baris "
                "WHERE row_id = ? AND tabel = 'unit_organisasi'",
                (unit,),
            ).fetchone()[0]
            == 1
        )  # the old form: text
        rewind(conn, 27)
        path = node.db.path
        node.db.close()
        db = Database(path)  # migration 28
        assert db.schema_version == LATEST_VERSION
        after = sorted((tuple(r) for r in db.conn.execute(creators)), key=repr)
        assert after == before
        kinds = "SELECT DISTINCT typeof(row_id) FROM lokal_asal_baris"
        types = {str(r[0]) for r in db.conn.execute(kinds)}
        # (B's own creation of the natural row became field versions when A's arrived)
        assert types == ({"blob", "text"} if node is a else {"blob"})
        nodes.append(Node(node.name, db, node.offset))
    a, b = nodes
    key = (replika.row_key(unit), replika.table_key("unit_organisasi"))
    creators = [
        n.db.conn.execute(
            "SELECT node, seq FROM lokal_asal_baris WHERE row_id = ? AND tabel = ?", key
        ).fetchone()
        for n in (a, b)
    ]
    assert all(c is not None for c in creators)

    # B's creation reaches A: A finds its own creating write by the text id and keeps both
    assert exchange(b, a).konflik_baru == 1
    with b.store.write("ubah") as tx:
        tx.update("unit_organisasi", unit, {"nama": "Dinas A (diubah di B)"})
    exchange(b, a)
    exchange(a, b)
    for n in (a, b):
        conn = n.db.conn
        assert (
            conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (unit,)).fetchone()[0]
            == "Dinas A (diubah di B)"
        )
    shown = [
        n.db.conn.execute("SELECT nilai FROM pengaturan WHERE id = ?", (natural,)).fetchone()[0]
        for n in (a, b)
    ]
    assert shown[0] == shown[1]
    clashes = [
        n.db.conn.execute("SELECT id, kolom FROM lokal_konflik ORDER BY id").fetchall()
        for n in (a, b)
    ]
    assert clashes[0] == clashes[1] and len(clashes[0]) == 1
    for n in (a, b):
        n.db.close()


def test_migration_29_corrects_the_cltn_note_unless_an_administrator_edited_it(
    tmp_path: Path,
) -> None:
    from tests.helpers.migrations import rewind

    row = ref_id("ref_aturan_cuti", "CLTN|PNS|1900-01-01")
    old = (
        "Setelah 5 tahun, paling lama 3 tahun ditambah 1 tahun [V]. Masa CLTN tidak dihitung "
        "masa kerja sehingga menggeser KGB, KP dan pensiun [?]; persetujuan BKN [?]. "
        "berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan."
    )
    notes = {}
    for case, before in (("lama", old), ("diubah", "Catatan instansi sendiri.")):
        db = Database(tmp_path / f"{case}.sqlite3")
        conn = db.conn
        conn.execute("UPDATE ref_aturan_cuti SET catatan = ? WHERE id = ?", (before, row))
        rewind(conn, 28)
        path = db.path
        db.close()
        db = Database(path)  # migration 29
        assert db.schema_version == LATEST_VERSION
        sql = "SELECT catatan FROM ref_aturan_cuti WHERE id = ?"
        notes[case] = db.conn.execute(sql, (row,)).fetchone()[0]
        db.close()
    assert "TMT pensiun (BUP menurut usia) tidak bergeser" in notes["lama"]
    assert "pensiun [?]" not in notes["lama"] and notes["lama"].endswith("tanggal peraturan.")
    assert notes["diubah"] == "Catatan instansi sendiri."


def test_migration_30_brings_the_majelis_rule_to_an_older_database(tmp_path: Path) -> None:
    from tests.helpers.migrations import rewind

    db = Database(tmp_path / "lama.sqlite3")
    conn = db.conn
    rewind(conn, 29)
    gone = "SELECT count(*) FROM sqlite_master WHERE name = 'ref_majelis_etik'"
    assert conn.execute(gone).fetchone()[0] == 0
    path = db.path
    db.close()
    db = Database(path)  # migration 30
    assert db.schema_version == LATEST_VERSION
    row = db.conn.execute(
        "SELECT anggota_min, pangkat_tidak_lebih_rendah, dasar_hukum, status_fakta "
        "FROM ref_majelis_etik WHERE kode = '1900-01-01'"
    ).fetchone()
    assert tuple(row) == (1, 1, "PP 42/2004 Ps. 18 dan 19", "?")
    db.close()
