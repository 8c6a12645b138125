-- A rank or position imported without its TMT is recorded without one (to be completed), never
-- stamped with the import date (issue 13, item 10): riwayat_pangkat.tmt and riwayat_jabatan.tmt
-- become nullable. SQLite cannot drop NOT NULL in place, so both tables are rebuilt with the
-- same columns, rows and indexes.
CREATE TABLE riwayat_pangkat_baru (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    golongan_kode TEXT NOT NULL,
    tmt TEXT,
    jenis TEXT,
    mk_tahun INTEGER,
    mk_bulan INTEGER,
    nomor_sk TEXT,
    tanggal_sk TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
INSERT INTO riwayat_pangkat_baru (id, pegawai_id, golongan_kode, tmt, jenis, mk_tahun, mk_bulan, nomor_sk, tanggal_sk, deleted)
    SELECT id, pegawai_id, golongan_kode, tmt, jenis, mk_tahun, mk_bulan, nomor_sk, tanggal_sk, deleted FROM riwayat_pangkat;
DROP TABLE riwayat_pangkat;
ALTER TABLE riwayat_pangkat_baru RENAME TO riwayat_pangkat;
CREATE INDEX riwayat_pangkat_pegawai ON riwayat_pangkat (pegawai_id);

CREATE TABLE riwayat_jabatan_baru (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    jabatan_id TEXT REFERENCES jabatan (id) DEFERRABLE INITIALLY DEFERRED,
    nama_jabatan TEXT NOT NULL,
    jenis_kode TEXT NOT NULL,
    jenjang_kode TEXT,
    eselon_kode TEXT,
    unit_id TEXT REFERENCES unit_organisasi (id) DEFERRABLE INITIALLY DEFERRED,
    tmt TEXT,
    alasan TEXT,
    nomor_sk TEXT,
    tanggal_sk TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
INSERT INTO riwayat_jabatan_baru (id, pegawai_id, jabatan_id, nama_jabatan, jenis_kode, jenjang_kode, eselon_kode, unit_id, tmt, alasan, nomor_sk, tanggal_sk, deleted)
    SELECT id, pegawai_id, jabatan_id, nama_jabatan, jenis_kode, jenjang_kode, eselon_kode, unit_id, tmt, alasan, nomor_sk, tanggal_sk, deleted FROM riwayat_jabatan;
DROP TABLE riwayat_jabatan;
ALTER TABLE riwayat_jabatan_baru RENAME TO riwayat_jabatan;
CREATE INDEX riwayat_jabatan_pegawai ON riwayat_jabatan (pegawai_id);
