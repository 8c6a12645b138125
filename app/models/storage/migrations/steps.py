"""The numbered schema migrations, in order.

Each migration runs in one transaction (see :func:`app.models.storage.db.migrate_database`) and is
recorded in ``lokal_migrasi``; ``PRAGMA user_version`` holds the schema version. Never edit a
released migration: add a new one. A migration is frozen: it reads only the files of this package
(SQL, and the frozen Python of :mod:`~app.models.storage.migrations.m0006_audit`), never a live
module, so that a database made today and one made from an old release end up the same.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def sql_statements(script: str) -> Iterator[str]:
    """Split an SQL script into complete statements (triggers included).

    ``executescript`` would commit the migration's transaction first, so statements are run one
    by one inside it instead.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer[:80]!r}")


def read_sql_file(name: str) -> str:
    """A migration's frozen SQL, read when it is applied."""
    from importlib import resources  # lazy: not at start-up when no migration is due

    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def run_sql_file(conn: sqlite3.Connection, name: str) -> None:
    script = read_sql_file(name)
    for statement in sql_statements(script):
        conn.execute(statement)


def _m0001(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0001_dasar.sql")
    run_sql_file(conn, "0001_referensi.sql")


def _m0002(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0002_impor.sql")


def _m0003(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0003_indeks_daftar.sql")


def _m0004(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0004_sinkron.sql")


def _m0005(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0005_akun.sql")


def _m0006(conn: sqlite3.Connection) -> None:
    from app.models.storage.migrations import m0006_audit  # lazy: only while migrating (4 ms)

    m0006_audit.apply(conn)


def _m0007(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0007_dokumen.sql")


def _m0008(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0008_skp.sql")


def _m0009(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0009_seleksi.sql")


def _m0010(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0010_kp.sql")


def _m0011(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0011_periode_kp_bulanan.sql")


def _m0012(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0012_ujian_dinas.sql")


def _m0013(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0013_riwayat_tanpa_tmt.sql")


def _m0014(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0014_batas_atasan_kp.sql")


def _m0015(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0015_gaji_pokok.sql")


# The CHECK of skp.status as migration 8 wrote it, and as migration 16 widens it.
_SKP_STATUS_8 = "CHECK (status IN ('draft', 'diajukan', 'dinilai', 'ditetapkan'))"
_SKP_STATUS_16 = (
    "CHECK (status IN ('draft', 'disetujui', 'diajukan', 'dinilai', 'ditetapkan', "
    "'keberatan', 'final'))"
)


def _m0016(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0016_skp_keberatan.sql")
    # Widening a CHECK: SQLite's documented procedure (lang_altertable.html, "making other kinds
    # of table schema changes") edits the stored CREATE TABLE and bumps schema_version. A copy
    # of the table would break the deferred foreign keys of the tables that point at skp.
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        changed = conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' "
            "AND name = 'skp' AND instr(sql, ?) > 0",
            (_SKP_STATUS_8, _SKP_STATUS_16, _SKP_STATUS_8),
        ).rowcount
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    if changed != 1:
        raise RuntimeError("migration 16: the CHECK of skp.status was not found")
    bad = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if bad != "ok":
        raise RuntimeError(f"migration 16: integrity check failed: {bad}")


def _m0017(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0017_sidik_halaman.sql")


def _m0018(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0018_kepala_audit.sql")


def _m0019(conn: sqlite3.Connection) -> None:
    from app.models.storage.migrations import m0019_roster  # lazy: only while migrating

    m0019_roster.apply(conn)


def _m0020(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0020_kompetensi.sql")


def _m0021(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0021_cuti.sql")


def _m0022(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0022_integritas.sql")


def _m0023(conn: sqlite3.Connection) -> None:
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(pengaduan_pelapor)")}
    if "sandi" not in columns:
        run_sql_file(conn, "0023_pelapor_tersegel.sql")


def _m0024(conn: sqlite3.Connection) -> None:
    # Only ADD COLUMNs; a column already there (a file set back to an older version and
    # upgraded again) is left alone, so that the step can be re-applied.
    have = {str(r[1]) for r in conn.execute("PRAGMA table_info(seleksi_pelamar)")}
    name = "0024_seleksi_talenta.sql"
    script = read_sql_file(name)
    for statement in sql_statements(script):
        column = statement.split("ADD COLUMN", 1)[1].split()[0]
        if column not in have:
            conn.execute(statement)


def _m0025(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0025_mentoring.sql")


def _m0026(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0026_alpa_berturut.sql")


def _m0027(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0027_kode_etik.sql")


def _m0029(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0029_catatan_cltn.sql")


def _m0030(conn: sqlite3.Connection) -> None:
    run_sql_file(conn, "0030_majelis_etik.sql")


def _m0028(conn: sqlite3.Connection) -> None:
    from app.models.storage.migrations import m0028_asal  # lazy: only while migrating

    m0028_asal.apply(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "skema dasar: pegawai, riwayat, organisasi, referensi, log perubahan", _m0001),
    Migration(2, "preset pemetaan kolom impor", _m0002),
    Migration(3, "indeks daftar pegawai aktif menurut nama", _m0003),
    Migration(4, "sinkronisasi: identitas, peer, versi kolom, konflik", _m0004),
    Migration(5, "akun lokal, peran dan status masuk", _m0005),
    Migration(6, "jejak audit berantai sidik (hash), hanya-tambah", _m0006),
    Migration(7, "dokumen SK: templat, register penomoran, naskah terbit", _m0007),
    Migration(8, "kinerja: SKP, periode, hasil kerja, perilaku, umpan balik rekan", _m0008),
    Migration(9, "seleksi jabatan: tahap, rubrik, panitia, pelamar, lembar nilai tersegel", _m0009),
    Migration(10, "kenaikan pangkat: usulan, pertek dan SK per periode", _m0010),
    Migration(11, "periode kenaikan pangkat setiap bulan sejak 1 Oktober 2025", _m0011),
    Migration(12, "referensi ujian dinas kenaikan pangkat", _m0012),
    Migration(13, "riwayat pangkat dan jabatan boleh tanpa TMT (dilengkapi kemudian)", _m0013),
    Migration(14, "batas pangkat atasan langsung KP menurut tanggal berlaku", _m0014),
    Migration(
        15, "referensi gaji pokok PNS (PP 5/2024) dan PPPK menurut masa kerja golongan", _m0015
    ),
    Migration(
        16, "SKP: persetujuan rencana, penetapan penilai, keberatan, kurva per capaian", _m0016
    ),
    Migration(17, "sidik tampilan halaman dan tanda instalasi penerbit naskah SK", _m0017),
    Migration(18, "kepala jejak audit bertanda tangan dan kepala yang dilihat peer", _m0018),
    Migration(19, "roster instansi: wewenang tiap instalasi, batch ditahan, peer dicabut", _m0019),
    Migration(
        20, "kompetensi: kamus, standar jabatan, penilaian, pelatihan, kotak talenta", _m0020
    ),
    Migration(21, "cuti: aturan hak cuti, kalender instansi, permohonan dan penyesuaian", _m0021),
    Migration(
        22, "pengaduan masyarakat, kasus disiplin PP 94/2021 dan referensi tenggatnya", _m0022
    ),
    Migration(23, "identitas pelapor rahasia tersegel untuk instalasi penangan", _m0023),
    Migration(24, "pelamar seleksi yang ditambahkan dari talent pool", _m0024),
    Migration(25, "mentoring: pasangan mentor dan mentee, pertemuan", _m0025),
    Migration(26, "referensi hukuman tidak masuk kerja berturut-turut (PP 94/2021)", _m0026),
    Migration(27, "kasus kode etik: kode etik instansi, majelis, sidang, sanksi moral", _m0027),
    Migration(28, "pencatatan pembuat baris sinkronisasi dalam bentuk ringkas", _m0028),
    Migration(29, "catatan referensi CLTN: tidak menggeser TMT pensiun", _m0029),
    Migration(30, "referensi susunan majelis kode etik (PP 42/2004)", _m0030),
)
LATEST_VERSION = MIGRATIONS[-1].version
