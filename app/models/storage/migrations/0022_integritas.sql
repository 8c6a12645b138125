-- Migration 22: integrity and public oversight (issue 16; asn-rules 9).
--
-- * Public complaints (pengaduan masyarakat): the register (pengaduan), the complainant's
--   identity in its own table (pengaduan_pelapor, one row per complaint, id =
--   natural_id('pengaduan_pelapor', pengaduan_id)) so that it can be withheld from readers who
--   may not see it, the employees concerned, attachments as file references, follow-up notes.
--   identitas: TERBUKA (open), ANONIM (no identity kept), RAHASIA (kept, shown only to the
--   roles that handle complaints). triase: TIDAK_LINGKUP, TERUSKAN, PERBAIKAN, DUGAAN.
-- * Discipline cases under PP 94/2021 (disiplin_kasus) with their summonses
--   (disiplin_panggilan, id = natural_id('disiplin_panggilan', kasus_id, ke)). The decision
--   writes the riwayat_hukdis row (riwayat_hukdis_id) that blocks KP and KGB, in the same
--   transaction.
-- * Reference tables: complaint categories, complaint stage deadlines, discipline deadlines,
--   the examiner and authorised official by penalty level. Frozen copy of the rows of
--   app/models/reference/data.py at this version (ids are UUIDv5 of table and kode).
-- * Idempotent (IF NOT EXISTS, INSERT OR IGNORE): a row the admin already keyed in with the same
--   kode is kept, and a file whose version was set back re-applies it without harm.

CREATE TABLE IF NOT EXISTS pengaduan (
    id TEXT PRIMARY KEY,
    nomor TEXT,                     -- the register number the clerk gives (free text)
    tanggal_terima TEXT NOT NULL,   -- ISO date
    kanal TEXT NOT NULL,            -- SURAT, DATANG, TELEPON, FORMULIR, MEDSOS, LAPOR
    identitas TEXT NOT NULL DEFAULT 'TERBUKA',
    perihal TEXT NOT NULL,
    uraian TEXT,
    unit_id TEXT REFERENCES unit_organisasi (id) DEFERRABLE INITIALLY DEFERRED,
    layanan TEXT,
    kategori_kode TEXT,             -- ref_kategori_pengaduan.kode
    status TEXT NOT NULL DEFAULT 'BARU',  -- BARU, PROSES, SELESAI
    triase TEXT,
    tanggal_triase TEXT,
    instansi_tujuan TEXT,           -- when forwarded to another agency
    petugas TEXT,                   -- the officer assigned (user name)
    tanggal_tugas TEXT,
    tanggal_tanggapan TEXT,         -- first response to the complainant
    hasil TEXT,                     -- outcome
    jawaban TEXT,                   -- the reply to the complainant
    tanggal_selesai TEXT,
    register_id TEXT REFERENCES register_dokumen (id) DEFERRABLE INITIALLY DEFERRED,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pengaduan_terima ON pengaduan (tanggal_terima);
CREATE INDEX IF NOT EXISTS pengaduan_unit ON pengaduan (unit_id, status);

CREATE TABLE IF NOT EXISTS pengaduan_pelapor (
    id TEXT PRIMARY KEY,
    pengaduan_id TEXT NOT NULL REFERENCES pengaduan (id) DEFERRABLE INITIALLY DEFERRED,
    nama TEXT,
    nik TEXT,
    alamat TEXT,
    telepon TEXT,
    email TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pengaduan_pelapor_aduan ON pengaduan_pelapor (pengaduan_id);

CREATE TABLE IF NOT EXISTS pengaduan_pegawai (
    id TEXT PRIMARY KEY,            -- natural_id('pengaduan_pegawai', pengaduan_id, pegawai_id)
    pengaduan_id TEXT NOT NULL REFERENCES pengaduan (id) DEFERRABLE INITIALLY DEFERRED,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pengaduan_pegawai_aduan ON pengaduan_pegawai (pengaduan_id);

CREATE TABLE IF NOT EXISTS pengaduan_lampiran (
    id TEXT PRIMARY KEY,
    pengaduan_id TEXT NOT NULL REFERENCES pengaduan (id) DEFERRABLE INITIALLY DEFERRED,
    nama TEXT NOT NULL,
    lokasi TEXT NOT NULL,           -- a file reference (path or URI), the file is not copied
    sha256 TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pengaduan_lampiran_aduan ON pengaduan_lampiran (pengaduan_id);

CREATE TABLE IF NOT EXISTS pengaduan_catatan (
    id TEXT PRIMARY KEY,
    pengaduan_id TEXT NOT NULL REFERENCES pengaduan (id) DEFERRABLE INITIALLY DEFERRED,
    tanggal TEXT NOT NULL,          -- ISO date
    dicatat TEXT NOT NULL,          -- UTC instant
    penulis TEXT NOT NULL,
    isi TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pengaduan_catatan_aduan ON pengaduan_catatan (pengaduan_id);

CREATE TABLE IF NOT EXISTS disiplin_kasus (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    pengaduan_id TEXT REFERENCES pengaduan (id) DEFERRABLE INITIALLY DEFERRED,
    dugaan TEXT NOT NULL,           -- the suspected violation
    tanggal_mulai TEXT NOT NULL,    -- ISO date the case was opened
    tingkat_dugaan TEXT,            -- RINGAN, SEDANG, BERAT (suspected level)
    status TEXT NOT NULL DEFAULT 'DIBUKA',  -- DIBUKA, DIPANGGIL, DIPERIKSA, DIPUTUS, KEBERATAN, SELESAI, DITUTUP
    tanggal_periksa TEXT,
    pemeriksa TEXT,                 -- the examining official or the team
    bap TEXT,                       -- summary of the berita acara pemeriksaan
    hukuman_kode TEXT,              -- ref_hukuman_disiplin.kode of the decision
    pejabat TEXT,                   -- the authorised official who decided
    nomor_sk TEXT,
    tanggal_sk TEXT,
    tanggal_diterima TEXT,          -- receipt of the decision by the employee
    tmt_mulai TEXT,
    tmt_selesai TEXT,
    batas_keberatan TEXT,
    keberatan_jenis TEXT,           -- KEBERATAN or BANDING
    keberatan_tanggal TEXT,
    keberatan_hasil TEXT,           -- TETAP, UBAH, BATAL
    keberatan_tanggal_putus TEXT,
    riwayat_hukdis_id TEXT REFERENCES riwayat_hukdis (id) DEFERRABLE INITIALLY DEFERRED,
    register_id TEXT REFERENCES register_dokumen (id) DEFERRABLE INITIALLY DEFERRED,
    catatan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS disiplin_kasus_pegawai ON disiplin_kasus (pegawai_id);
CREATE INDEX IF NOT EXISTS disiplin_kasus_aduan ON disiplin_kasus (pengaduan_id);

CREATE TABLE IF NOT EXISTS disiplin_panggilan (
    id TEXT PRIMARY KEY,
    kasus_id TEXT NOT NULL REFERENCES disiplin_kasus (id) DEFERRABLE INITIALLY DEFERRED,
    ke INTEGER NOT NULL,            -- 1 or 2
    tanggal_surat TEXT NOT NULL,    -- ISO date the summons is delivered
    tanggal_periksa TEXT NOT NULL,  -- ISO date of the examination it sets
    tempat TEXT,
    hadir INTEGER,                  -- NULL not yet known, 1 came, 0 absent
    register_id TEXT REFERENCES register_dokumen (id) DEFERRABLE INITIALLY DEFERRED,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS disiplin_panggilan_kasus ON disiplin_panggilan (kasus_id);

CREATE TABLE IF NOT EXISTS ref_kategori_pengaduan (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT OR IGNORE INTO ref_kategori_pengaduan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES ('a730f5a5-139e-5daf-abc3-d1c7eaf38fb9', 'PELAYANAN', 'Kualitas pelayanan', 1, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. Admin boleh mengubah atau menambah.');
INSERT OR IGNORE INTO ref_kategori_pengaduan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES ('1da63b4e-0b3f-55d8-97e3-6f1459380013', 'PERILAKU', 'Perilaku atau etika pegawai', 2, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. Admin boleh mengubah atau menambah.');
INSERT OR IGNORE INTO ref_kategori_pengaduan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES ('bbe7e1e6-e22a-5ec1-8ee8-61934c9d9275', 'DISIPLIN', 'Disiplin dan kehadiran pegawai', 3, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. Admin boleh mengubah atau menambah.');
INSERT OR IGNORE INTO ref_kategori_pengaduan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES ('02e33045-871f-516d-9e06-58a12acfaf3a', 'PUNGLI', 'Pungutan liar atau gratifikasi', 4, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. Admin boleh mengubah atau menambah.');
INSERT OR IGNORE INTO ref_kategori_pengaduan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES ('3a862bea-d86f-5a5d-b22a-a393816c9610', 'WEWENANG', 'Penyalahgunaan wewenang', 5, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. Admin boleh mengubah atau menambah.');
INSERT OR IGNORE INTO ref_kategori_pengaduan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES ('379f2e5d-93ac-539f-a330-f3d7e1d86407', 'ADMINISTRASI', 'Administrasi kepegawaian', 6, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. Admin boleh mengubah atau menambah.');
INSERT OR IGNORE INTO ref_kategori_pengaduan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES ('c94867d7-c639-56a7-85a2-089e9dccd52f', 'LAINNYA', 'Lainnya', 7, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. Admin boleh mengubah atau menambah.');
CREATE TABLE IF NOT EXISTS ref_tenggat_pengaduan (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, tahap TEXT, nama TEXT, hari INTEGER, hari_kerja INTEGER, berlaku_mulai TEXT, berlaku_sampai TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT OR IGNORE INTO ref_tenggat_pengaduan (id, kode, tahap, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('e4c217db-a4fa-5672-b0c7-a6a7a0bd51cf', '2018-01-01|TRIASE', 'TRIASE', 'Verifikasi dan triase sejak diterima', 3, 1, '2018-01-01', NULL, 1, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', '?', 'Angka dari ringkasan sekunder, belum diperiksa dengan teks Perpres 76/2013 dan PermenPANRB 62/2018 [?]. Hari kerja = Senin-Jumat; hari libur nasional belum dihitung.');
INSERT OR IGNORE INTO ref_tenggat_pengaduan (id, kode, tahap, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('03970b55-1204-5f72-bd5a-8d78d1086221', '2018-01-01|TANGGAPAN', 'TANGGAPAN', 'Tanggapan pertama kepada pelapor sejak diterima', 5, 1, '2018-01-01', NULL, 2, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', '?', 'Angka dari ringkasan sekunder, belum diperiksa dengan teks Perpres 76/2013 dan PermenPANRB 62/2018 [?]. Hari kerja = Senin-Jumat; hari libur nasional belum dihitung.');
INSERT OR IGNORE INTO ref_tenggat_pengaduan (id, kode, tahap, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('7d5f27dc-baf9-5228-8300-7e0ae51f403d', '2018-01-01|SELESAI', 'SELESAI', 'Penyelesaian dan jawaban akhir sejak diterima', 60, 0, '2018-01-01', NULL, 3, 'Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)', 'P', 'Perpres 76/2013: selesai paling lambat 60 hari sejak berkas pengaduan lengkap (ringkasan sekunder, pasal belum dikutip) [P]; Merit menghitung hari kalender sejak pengaduan diterima.');
CREATE TABLE IF NOT EXISTS ref_tenggat_disiplin (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, hari INTEGER, hari_kerja INTEGER, berlaku_mulai TEXT, berlaku_sampai TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT OR IGNORE INTO ref_tenggat_disiplin (id, kode, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('fcda5166-b50a-5675-89e3-5826438ff861', 'PANGGILAN_I', 'Surat panggilan I paling lambat sebelum tanggal pemeriksaan', 7, 1, '2021-09-14', NULL, 1, 'PP 94/2021 Ps. 27 ayat (2)', 'P', 'Bunyi pasal mengikuti PP 53/2010 Ps. 23 [P]; periksa teks PP 94/2021.');
INSERT OR IGNORE INTO ref_tenggat_disiplin (id, kode, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('960d5b91-8acf-5b3c-b948-8a3fd59bb053', 'PANGGILAN_II', 'Pemeriksaan panggilan II paling lama sejak tanggal pemeriksaan panggilan I', 7, 1, '2021-09-14', NULL, 2, 'PP 94/2021 Ps. 27 ayat (3)', 'P', 'Bunyi pasal mengikuti PP 53/2010 Ps. 23 [P]; periksa teks PP 94/2021.');
INSERT OR IGNORE INTO ref_tenggat_disiplin (id, kode, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('ea826f9b-7032-5c52-9854-f4ca738b1036', 'SERAH', 'Penyampaian keputusan hukuman disiplin sejak ditetapkan', 14, 1, '2021-09-14', NULL, 3, 'PP 94/2021 (penyampaian keputusan)', 'P', 'asn-rules 9.3 [P]; pasal belum dikutip.');
INSERT OR IGNORE INTO ref_tenggat_disiplin (id, kode, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('1644c7cb-0041-5ec7-aab7-a9af5ad33196', 'BERLAKU', 'Hukuman berlaku pada hari ke-15 sejak keputusan diterima', 15, 0, '2021-09-14', NULL, 4, 'PP 94/2021 (mulai berlakunya keputusan)', '?', 'Hari ke-15 [V]; apakah tanggal diterima dihitung hari ke-1 [?]. Merit: tanggal diterima + 14 hari.');
INSERT OR IGNORE INTO ref_tenggat_disiplin (id, kode, nama, hari, hari_kerja, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES ('be2b9f55-29a7-5462-938f-dec30e3b9993', 'KEBERATAN', 'Masa pengajuan upaya administratif sejak keputusan diterima', 14, 1, '2021-09-14', NULL, 5, 'PP 94/2021 (upaya administratif)', '?', '14 hari kerja menurut sumber sekunder [?]; pasal belum diperiksa.');
CREATE TABLE IF NOT EXISTS ref_pejabat_hukdis (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, tingkat TEXT, pemeriksa TEXT, tim_pemeriksa INTEGER, pejabat TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT OR IGNORE INTO ref_pejabat_hukdis (id, kode, tingkat, pemeriksa, tim_pemeriksa, pejabat, urutan, dasar_hukum, status_fakta, catatan) VALUES ('fcdf616d-02e2-5df2-bc22-4c79260fcc89', 'RINGAN', 'RINGAN', 'Atasan langsung', 0, 'Pejabat administrator atau pengawas atasan PNS yang bersangkutan', 1, 'PP 94/2021 Ps. 18-25; Peraturan BKN 6/2022', '?', 'Pejabat menurut jabatan PNS yang diperiksa belum diperiksa per pasal [?].');
INSERT OR IGNORE INTO ref_pejabat_hukdis (id, kode, tingkat, pemeriksa, tim_pemeriksa, pejabat, urutan, dasar_hukum, status_fakta, catatan) VALUES ('a1daf63b-2724-5733-baea-4db48457936e', 'SEDANG', 'SEDANG', 'Atasan langsung atau tim pemeriksa', 1, 'Pejabat pimpinan tinggi pratama (kepala perangkat daerah)', 2, 'PP 94/2021 Ps. 18-25; Peraturan BKN 6/2022', '?', 'Tim pemeriksa boleh untuk sedang [V]; pejabat yang berwenang [?].');
INSERT OR IGNORE INTO ref_pejabat_hukdis (id, kode, tingkat, pemeriksa, tim_pemeriksa, pejabat, urutan, dasar_hukum, status_fakta, catatan) VALUES ('01438710-08a8-541e-a29f-61874327132a', 'BERAT', 'BERAT', 'Tim pemeriksa (atasan langsung, unsur kepegawaian, unsur pengawasan)', 2, 'Pejabat Pembina Kepegawaian (bupati/wali kota/gubernur)', 3, 'PP 94/2021 Ps. 18-25; Peraturan BKN 6/2022', '?', 'Tim pemeriksa wajib untuk berat [V]; pejabat yang berwenang [?].');
