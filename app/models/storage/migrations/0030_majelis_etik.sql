-- Migration 30: the composition of a Majelis Kode Etik (PP 42/2004) as reference data
-- (ref_majelis_etik, frozen copy of app/models/reference/data.py at this version; the id is the
-- UUIDv5 of the table and kode): one chair, one secretary, at least anggota_min members, none
-- lower in rank than the PNS examined while pangkat_tidak_lebih_rendah is 1. It was a rule in
-- app/models/rules/etik.py. INSERT OR IGNORE: an admin's edit survives a re-run.
CREATE TABLE IF NOT EXISTS ref_majelis_etik (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, anggota_min INTEGER, pangkat_tidak_lebih_rendah INTEGER, berlaku_mulai TEXT, berlaku_sampai TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT OR IGNORE INTO ref_majelis_etik (id, kode, anggota_min, pangkat_tidak_lebih_rendah, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('d1b54a3c-2185-54d3-9b41-b0090f452a6b', '1900-01-01', 1, 1, '1900-01-01', NULL, 1, 'PP 42/2004 Ps. 18 dan 19', '?', 'Satu ketua, satu sekretaris dan sekurang-kurangnya satu anggota (Ps. 18 [?]); pangkat dan jabatan anggota tidak boleh lebih rendah dari PNS yang diperiksa (Ps. 19 [?]). berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
