-- Migration 21: leave (cuti), issue 17 (asn-rules 12). The rules of each kind as reference data
-- (ref_aturan_cuti, frozen copy of app/models/reference/data.py at this version; ids are UUIDv5
-- of table and kode, as in migration 1), the agency calendar, the requests with their
-- recommendation and decision, and dated corrections of a balance. Balances are never stored:
-- app/models/cuti computes them from these rows.
--
-- Replicated (text id + deleted flag, written only through the write path).
-- cuti_kalender: one row per date, id = natural_id('cuti_kalender', tanggal), so that two
-- installations keying in the same holiday meet as one row. jenis LIBUR (national holiday) or
-- CUTI_BERSAMA.
-- cuti: status DIAJUKAN -> DISETUJUI | DITANGGUHKAN | DITOLAK; DIAJUKAN/DISETUJUI -> DIBATALKAN
-- (before the start). lama = working days (satuan HARI_KERJA) or calendar days, counted when
-- the request was made or its dates changed; tahun = the year whose balance it draws on.
-- cuti_penyesuaian: a dated correction (signed days) of one year's cuti tahunan, with a reason.

CREATE TABLE cuti_kalender (
    id TEXT PRIMARY KEY,
    tanggal TEXT NOT NULL,          -- ISO date
    jenis TEXT NOT NULL CHECK (jenis IN ('LIBUR', 'CUTI_BERSAMA')),
    keterangan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cuti_kalender_tanggal ON cuti_kalender (tanggal);

CREATE TABLE cuti (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    jenis_kode TEXT NOT NULL,       -- ref_jenis_cuti.kode
    tanggal_mulai TEXT NOT NULL,
    tanggal_selesai TEXT NOT NULL,
    lama INTEGER NOT NULL,          -- working days or calendar days, see above
    tahun INTEGER NOT NULL,
    alasan TEXT,
    alamat TEXT,                    -- address during the leave
    lampiran TEXT,                  -- file references, one a line
    anak_ke INTEGER,                -- cuti melahirkan
    tanggal_usul TEXT NOT NULL,     -- ISO date of the request
    status TEXT NOT NULL DEFAULT 'DIAJUKAN'
        CHECK (status IN ('DIAJUKAN', 'DISETUJUI', 'DITANGGUHKAN', 'DITOLAK', 'DIBATALKAN')),
    rekomendasi TEXT CHECK (rekomendasi IN ('SETUJU', 'TOLAK', 'TUNDA')),
    rekomendasi_oleh TEXT,
    rekomendasi_tanggal TEXT,
    rekomendasi_catatan TEXT,
    keputusan_oleh TEXT,
    keputusan_tanggal TEXT,
    keputusan_catatan TEXT,         -- the reason of a refusal, postponement or change of dates
    usul_mulai TEXT,                -- the dates first asked for, when the official changed them
    usul_selesai TEXT,
    register_id TEXT REFERENCES register_dokumen (id) DEFERRABLE INITIALLY DEFERRED,
    kembali_tanggal TEXT,           -- the day the employee reported back to duty
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cuti_pegawai ON cuti (pegawai_id, tanggal_mulai);
CREATE INDEX cuti_status ON cuti (status, tanggal_mulai);

CREATE TABLE cuti_penyesuaian (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    jenis_kode TEXT NOT NULL DEFAULT 'TAHUNAN',
    tahun INTEGER NOT NULL,
    hari INTEGER NOT NULL,          -- days added (+) or taken away (-)
    tanggal TEXT NOT NULL,
    alasan TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cuti_penyesuaian_pegawai ON cuti_penyesuaian (pegawai_id, tahun);

CREATE TABLE ref_aturan_cuti (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, jenis_cuti_kode TEXT, jenis_asn TEXT, berlaku_mulai TEXT, berlaku_sampai TEXT, satuan TEXT, masa_kerja_min_tahun INTEGER, hak_hari INTEGER, lama_min INTEGER, lama_maks INTEGER, bawaan_maks INTEGER, bawaan_maks_dua_tahun INTEGER, anak_maks INTEGER, lampiran_lebih_dari INTEGER, kurangi_hak_tahunan INTEGER, masa_kerja_dihitung INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('7c1294e8-b81f-57a5-814f-057e28a3a000', 'TAHUNAN|PNS|1900-01-01', 'TAHUNAN', 'PNS', '1900-01-01', NULL, 'HARI_KERJA', 1, 12, 1, NULL, 6, 12, NULL, NULL, NULL, 1, 1, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', 'P', '12 hari kerja, paling sedikit 1 hari [V]. Bawaan 6 hari (jumlah 18) dan 12 hari bila 2 tahun berturut-turut tidak diambil atau ditangguhkan (jumlah 24) [P]. Tahun cuti besar: tidak berhak cuti tahunan [P]; sisa bawaan tetap dibawa [?]. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('8133f35a-6bc2-5347-861c-91a7efc0fe1c', 'BESAR|PNS|1900-01-01', 'BESAR', 'PNS', '1900-01-01', NULL, 'BULAN', 5, NULL, NULL, 3, NULL, NULL, NULL, NULL, NULL, 1, 2, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', 'P', 'Setelah 5 tahun terus-menerus, paling lama 3 bulan [V]. Ibadah haji pertama boleh sebelum 5 tahun (diputuskan manual) [P]. Cuti tahunan yang sudah diambil pada tahun yang sama tidak dikembalikan [?]. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('043190f5-e3c1-5c3d-ad5e-4e987bcc9f78', 'SAKIT|PNS|1900-01-01', 'SAKIT', 'PNS', '1900-01-01', NULL, 'BULAN', 0, NULL, NULL, 18, NULL, NULL, NULL, 1, NULL, 1, 3, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', 'P', '1 hari: memberi tahu atasan; lebih: surat dokter; lebih dari 14 hari: dokter pemerintah [V]. Paling lama 1 tahun ditambah 6 bulan [V]. Gugur kandungan 1,5 bulan [P] tidak dihitung terpisah. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('023d11e4-e302-50fd-a94d-d6dc7d335bb8', 'MELAHIRKAN|PNS|1900-01-01', 'MELAHIRKAN', 'PNS', '1900-01-01', NULL, 'BULAN', 0, NULL, NULL, 3, NULL, NULL, 3, NULL, NULL, 1, 4, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', 'V', 'Anak ke-1 sampai ke-3, 3 bulan; anak ke-4 dan seterusnya memakai cuti besar. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('226d0ac7-e676-5a10-9f2b-fa1cfb5225a6', 'ALASAN_PENTING|PNS|1900-01-01', 'ALASAN_PENTING', 'PNS', '1900-01-01', NULL, 'BULAN', 0, NULL, NULL, 1, NULL, NULL, NULL, 0, NULL, 1, 5, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', 'P', 'Paling lama 1 bulan [V]. Surat keterangan pendukung selalu diminta [?]. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('3b336820-1ca5-5b48-bd2f-855f629be08b', 'BERSAMA|PNS|1900-01-01', 'BERSAMA', 'PNS', '1900-01-01', NULL, 'HARI_KERJA', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 6, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', '?', 'Tanggal ditetapkan tiap tahun (kalender instansi). Apakah cuti bersama mengurangi hak cuti tahunan [?]: bawaan 0 (tidak), dapat diubah di pengaturan cuti. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('af4077f9-33db-5e8d-983a-85c975876f5c', 'CLTN|PNS|1900-01-01', 'CLTN', 'PNS', '1900-01-01', NULL, 'BULAN', 5, NULL, NULL, 48, NULL, NULL, NULL, 0, NULL, 0, 7, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', 'P', 'Setelah 5 tahun, paling lama 3 tahun ditambah 1 tahun [V]. Masa CLTN tidak dihitung masa kerja sehingga menggeser KGB, KP dan pensiun [?]; persetujuan BKN [?]. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('069ebefe-94f5-5d33-b721-8b891ee31323', 'TAHUNAN|PPPK|1900-01-01', 'TAHUNAN', 'PPPK', '1900-01-01', NULL, 'HARI_KERJA', 1, 12, 1, NULL, 0, 0, NULL, NULL, NULL, 1, 11, 'PP 49/2018 (bab cuti PPPK)', '?', 'PPPK: 12 hari kerja setelah 1 tahun kontrak [?]; penangguhan sisa cuti [?] (bawaan 0). berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('df05c8f7-9be5-5906-84e6-656467ed8e47', 'SAKIT|PPPK|1900-01-01', 'SAKIT', 'PPPK', '1900-01-01', NULL, 'BULAN', 0, NULL, NULL, 12, NULL, NULL, NULL, 1, NULL, 1, 12, 'PP 49/2018 (bab cuti PPPK)', '?', 'PPPK: lamanya cuti sakit [?] (dipakai 1 tahun). berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('96ab0c7f-fdf0-5a09-ae88-4db88e32cef9', 'MELAHIRKAN|PPPK|1900-01-01', 'MELAHIRKAN', 'PPPK', '1900-01-01', NULL, 'BULAN', 0, NULL, NULL, 3, NULL, NULL, 3, NULL, NULL, 1, 13, 'PP 49/2018 (bab cuti PPPK)', '?', 'PPPK: 3 bulan, anak ke-1 sampai ke-3 [?]. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
INSERT INTO ref_aturan_cuti (id, kode, jenis_cuti_kode, jenis_asn, berlaku_mulai, berlaku_sampai, satuan, masa_kerja_min_tahun, hak_hari, lama_min, lama_maks, bawaan_maks, bawaan_maks_dua_tahun, anak_maks, lampiran_lebih_dari, kurangi_hak_tahunan, masa_kerja_dihitung, urutan, dasar_hukum, status_fakta, catatan) VALUES ('49703748-631c-5a0a-95eb-0616d9d9e0e4', 'BERSAMA|PPPK|1900-01-01', 'BERSAMA', 'PPPK', '1900-01-01', NULL, 'HARI_KERJA', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 14, 'PP 49/2018 (bab cuti PPPK)', '?', 'PPPK: cuti bersama sama dengan PNS [?]. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.');
