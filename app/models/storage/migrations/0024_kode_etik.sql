-- Migration 24: code-of-ethics cases (kode etik PNS, PP 42/2004; asn-rules 9).
--
-- * etik_pasal: the agency's code of ethics as data (points grouped as PP 42/2004 Ps. 8-12 and
--   the agency's own code), editable by the admin; seeded below (id = natural_id('etik_pasal',
--   kode)), each with its source; [?] marks wording not verified against the gazette text.
-- * etik_kasus: one case (from a complaint, pengaduan_id, or opened directly); its finding
--   (TERBUKTI / TIDAK_TERBUKTI, pasal kodes breached), the moral sanction (TERTUTUP / TERBUKA,
--   PP 42/2004 Ps. 15 [?]), the decision letter, and the discipline case it recommended.
-- * etik_majelis: the members of the case's Majelis Kode Etik (KETUA, SEKRETARIS, ANGGOTA),
--   id = natural_id('etik_majelis', kasus_id, pegawai_id).
-- * etik_sidang: the hearings (date, attendance of the accused, summary).
-- * Idempotent (IF NOT EXISTS, INSERT OR IGNORE).

CREATE TABLE IF NOT EXISTS etik_pasal (
    id TEXT PRIMARY KEY,
    kode TEXT NOT NULL,
    kelompok TEXT NOT NULL,
    isi TEXT NOT NULL,
    urutan INTEGER,
    dasar_hukum TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS etik_pasal_kode ON etik_pasal (kode);

CREATE TABLE IF NOT EXISTS etik_kasus (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    pengaduan_id TEXT REFERENCES pengaduan (id) DEFERRABLE INITIALLY DEFERRED,
    dugaan TEXT NOT NULL,
    tanggal_mulai TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'DIBUKA',  -- DIBUKA, SIDANG, DIPUTUS, SELESAI
    temuan TEXT,                    -- TERBUKTI, TIDAK_TERBUKTI
    pasal TEXT,                     -- etik_pasal kodes breached, comma separated
    pertimbangan TEXT,
    sanksi TEXT,                    -- TERTUTUP, TERBUKA
    tanggal_putus TEXT,
    rekomendasi_disiplin INTEGER NOT NULL DEFAULT 0,
    disiplin_kasus_id TEXT REFERENCES disiplin_kasus (id) DEFERRABLE INITIALLY DEFERRED,
    nomor_surat TEXT,
    register_id TEXT REFERENCES register_dokumen (id) DEFERRABLE INITIALLY DEFERRED,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS etik_kasus_pegawai ON etik_kasus (pegawai_id);

CREATE TABLE IF NOT EXISTS etik_majelis (
    id TEXT PRIMARY KEY,
    kasus_id TEXT NOT NULL REFERENCES etik_kasus (id) DEFERRABLE INITIALLY DEFERRED,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    peran TEXT NOT NULL,            -- KETUA, SEKRETARIS, ANGGOTA
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS etik_majelis_kasus ON etik_majelis (kasus_id);

CREATE TABLE IF NOT EXISTS etik_sidang (
    id TEXT PRIMARY KEY,
    kasus_id TEXT NOT NULL REFERENCES etik_kasus (id) DEFERRABLE INITIALLY DEFERRED,
    tanggal TEXT NOT NULL,
    hadir INTEGER NOT NULL DEFAULT 1,   -- the accused attended
    ringkasan TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS etik_sidang_kasus ON etik_sidang (kasus_id);

INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('f29faab2-b879-5e4a-8b22-36f4b3f711c2', 'NEGARA_1', 'Bernegara', 'Melaksanakan sepenuhnya Pancasila dan UUD 1945.', 1, 'PP 42/2004 Ps. 8 huruf a [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('4e6857be-b4bd-542f-8404-7e3ee02f7890', 'NEGARA_2', 'Bernegara', 'Menjadi perekat dan pemersatu bangsa dalam NKRI.', 2, 'PP 42/2004 Ps. 8 huruf c [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('ca7039aa-69cb-5d06-8055-d3fda6be99d2', 'NEGARA_3', 'Bernegara', 'Netral dari pengaruh golongan dan partai politik dalam pelayanan.', 3, 'PP 42/2004 Ps. 8 huruf d [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('54ae88bb-e192-573b-afb5-1346f0a09cc7', 'ORGANISASI_1', 'Berorganisasi', 'Melaksanakan tugas dan wewenang sesuai ketentuan yang berlaku.', 4, 'PP 42/2004 Ps. 9 huruf a [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('f16082e6-dee8-5c27-b68c-14868e5ca4ad', 'ORGANISASI_2', 'Berorganisasi', 'Menjaga informasi yang bersifat rahasia.', 5, 'PP 42/2004 Ps. 9 huruf b [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('96a1738c-ee1b-552e-ac27-a9acf52b51a6', 'ORGANISASI_3', 'Berorganisasi', 'Menciptakan dan memelihara suasana kerja yang kondusif.', 6, 'PP 42/2004 Ps. 9 [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('5d55fe75-f671-51b1-a0eb-75a95fb5bc2b', 'MASYARAKAT_1', 'Bermasyarakat', 'Memberikan pelayanan dengan empati, hormat, santun, tanpa pamrih dan tanpa paksaan.', 7, 'PP 42/2004 Ps. 10 huruf b [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('974e5d76-15b4-5ef9-9c8e-048927682f24', 'MASYARAKAT_2', 'Bermasyarakat', 'Memberikan pelayanan secara cepat, tepat, terbuka dan adil serta tidak diskriminatif.', 8, 'PP 42/2004 Ps. 10 huruf c [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('a0942222-9046-5932-8e4b-84be910ca877', 'DIRI_1', 'Terhadap diri sendiri', 'Jujur dan terbuka serta tidak memberikan informasi yang tidak benar.', 9, 'PP 42/2004 Ps. 11 huruf a [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('d21382f5-69fd-53ba-bc37-9276dc6ddfca', 'DIRI_2', 'Terhadap diri sendiri', 'Menghindari konflik kepentingan pribadi, kelompok maupun golongan.', 10, 'PP 42/2004 Ps. 11 huruf d [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('66e8c0a9-84df-5693-b670-2e3a223d159f', 'SESAMA_1', 'Terhadap sesama PNS', 'Saling menghormati sesama warga negara yang memeluk agama/kepercayaan yang berlainan.', 11, 'PP 42/2004 Ps. 12 huruf a [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('d6752ccc-6d87-5381-a85d-4eed980027a6', 'SESAMA_2', 'Terhadap sesama PNS', 'Menghargai perbedaan pendapat dan menjaga kerja sama yang kooperatif.', 12, 'PP 42/2004 Ps. 12 [?]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('94112746-66d2-56a0-8674-37914527003e', 'INSTANSI_1', 'Kode etik instansi', 'Tidak menerima imbalan atau hadiah dalam bentuk apa pun terkait layanan kepegawaian.', 13, 'Contoh kode etik instansi (Perkada, disusun admin) [P]');
INSERT OR IGNORE INTO etik_pasal (id, kode, kelompok, isi, urutan, dasar_hukum) VALUES ('4bd0f2aa-93c6-5c38-9182-93855222af66', 'INSTANSI_2', 'Kode etik instansi', 'Menggunakan media sosial secara bijak dan tidak merendahkan martabat instansi.', 14, 'Contoh kode etik instansi (Perkada, disusun admin) [P]');
