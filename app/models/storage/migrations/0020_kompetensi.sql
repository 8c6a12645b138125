-- Migration 20: competency standards, assessments, training needs and training events
-- (asn-rules 6.3, 7, 8; issue 15 items 1-4 and 7).
--
-- Reference data (frozen copy of app/models/reference/data.py at this version; ids are UUIDv5
-- of table and kode, as in migration 1): the competency library of PermenPANRB 38/2017
-- (ref_kompetensi; the agency adds its technical competencies as rows with jenis TEKNIS), the
-- 9-box of PermenPANRB 3/2020 (ref_kotak_talenta), the kinerja axis from the SKP predikat
-- (ref_talenta_kinerja) and the successor readiness thresholds (ref_kesiapan_suksesi).
-- New tables: plain INSERTs, no admin edit can exist yet.
--
-- Replicated tables (text id + deleted flag, written only through the write path; rules in
-- app/models/kompetensi/):
--   kompetensi_standar  required level 1-5 per jabatan per competency;
--                       id = natural_id('kompetensi_standar', jabatan_id, kompetensi_kode)
--   kompetensi_nilai    an assessed level per employee per competency, with date and source;
--                       id = natural_id('kompetensi_nilai', pegawai_id, kode, tanggal, sumber)
--   kompetensi_potensi  the potential (1 rendah, 2 menengah, 3 tinggi) and its score;
--                       id = natural_id('kompetensi_potensi', pegawai_id, tanggal, sumber)
--   pelatihan_katalog   the training catalogue (classical or not, provider, JP, competencies)
--   pelatihan_acara     a training event: dates, JP, status RENCANA -> SELESAI (or BATAL)
--   pelatihan_peserta   a participant of an event; completion links the riwayat_diklat row;
--                       id = natural_id('pelatihan_peserta', acara_id, pegawai_id)
--   pelatihan_evaluasi  a participant's feedback on an event (at the end of this file)

CREATE TABLE ref_kompetensi (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, jenis TEXT, uraian TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('f684a887-d685-5785-b1c8-3f528549d3df', 'M.01', 'Integritas', 'MANAJERIAL', 'Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi.', 1, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('c3cbce32-bad2-504a-bc58-1963f891d585', 'M.02', 'Kerja Sama', 'MANAJERIAL', 'Kemampuan menjalin, membina dan mempertahankan hubungan kerja yang efektif.', 2, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('05ca4d35-a6b6-549e-9041-59a3976ac622', 'M.03', 'Komunikasi', 'MANAJERIAL', 'Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis dan meyakinkan.', 3, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('4598229b-b1cb-583b-b210-9a0fc9ba369a', 'M.04', 'Orientasi pada Hasil', 'MANAJERIAL', 'Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas.', 4, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('277e3e5e-b893-5db2-bb26-6e722ad6ba2a', 'M.05', 'Pelayanan Publik', 'MANAJERIAL', 'Kemampuan melaksanakan tugas pemerintahan dan pelayanan publik secara profesional.', 5, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('972fcbb0-cfdd-53fe-a3ad-ab5e78c6b8ca', 'M.06', 'Pengembangan Diri dan Orang Lain', 'MANAJERIAL', 'Kemampuan meningkatkan pengetahuan dan keterampilan diri dan orang lain.', 6, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('1a4f4691-d93f-5549-970d-89320bf2f604', 'M.07', 'Mengelola Perubahan', 'MANAJERIAL', 'Kemampuan menyesuaikan diri dan mengelola perubahan organisasi.', 7, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('a3620554-e5b6-5e88-946f-4d2bac06ced5', 'M.08', 'Pengambilan Keputusan', 'MANAJERIAL', 'Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri.', 8, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P].');
INSERT INTO ref_kompetensi (id, kode, nama, jenis, uraian, urutan, dasar_hukum, status_fakta, catatan) VALUES ('45d7d22f-8a44-5b30-938e-a909e50a6f0d', 'SK.01', 'Perekat Bangsa', 'SOSIAL_KULTURAL', 'Kemampuan mempromosikan sikap toleransi, keterbukaan dan peka terhadap perbedaan.', 9, 'PermenPANRB 38/2017 Lampiran', 'P', 'Nama [V]; kode SK.01 adalah kode aplikasi ini [P].');
CREATE TABLE ref_kotak_talenta (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, kinerja INTEGER, potensi INTEGER, nomor INTEGER, nama TEXT, tindak_lanjut TEXT, kelompok_suksesi INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('ad503dd6-3524-57e3-a749-6e60652283c0', 'K1P1', 1, 1, 1, 'Kinerja di bawah ekspektasi, potensi rendah', 'Konseling; pertimbangkan penempatan lain', 0, 1, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('01afa8c3-3c99-5ae2-8c6b-b0bdab328a33', 'K1P2', 1, 2, 3, 'Kinerja di bawah ekspektasi, potensi menengah', 'Konseling dan pengembangan kinerja', 0, 3, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('d2296afe-9443-52c7-9f69-9597d542958e', 'K1P3', 1, 3, 6, 'Kinerja di bawah ekspektasi, potensi tinggi', 'Pembinaan kinerja; rotasi', 0, 6, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('e7a06cdc-00dd-5c7d-933a-1752394596a6', 'K2P1', 2, 1, 2, 'Kinerja sesuai ekspektasi, potensi rendah', 'Pengembangan kompetensi', 0, 2, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('8f5ec253-790c-5bd4-9231-892c1dca26fd', 'K2P2', 2, 2, 5, 'Kinerja sesuai ekspektasi, potensi menengah', 'Pengembangan kompetensi; rotasi', 0, 5, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('a8b77ba3-4b75-5780-b88d-5d5200e661e6', 'K2P3', 2, 3, 8, 'Kinerja sesuai ekspektasi, potensi tinggi', 'Kelompok rencana suksesi; pengembangan', 1, 8, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('ff49ab4c-089a-56e3-a2dd-b00082144c02', 'K3P1', 3, 1, 4, 'Kinerja di atas ekspektasi, potensi rendah', 'Pertahankan di jabatan; pengembangan potensi', 0, 4, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('c75fa94d-0064-5a31-af7b-3991062c2597', 'K3P2', 3, 2, 7, 'Kinerja di atas ekspektasi, potensi menengah', 'Kelompok rencana suksesi; pengembangan', 1, 7, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
INSERT INTO ref_kotak_talenta (id, kode, kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi, urutan, dasar_hukum, status_fakta, catatan) VALUES ('6768acc6-bf6d-5d41-8d09-97df65976c3a', 'K3P3', 3, 3, 9, 'Kinerja di atas ekspektasi, potensi tinggi', 'Prioritas utama kelompok rencana suksesi', 1, 9, 'PermenPANRB 3/2020 Lampiran', '?', 'Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?].');
CREATE TABLE ref_talenta_kinerja (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, predikat_kode TEXT, kinerja INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_talenta_kinerja (id, kode, predikat_kode, kinerja, urutan, dasar_hukum, status_fakta, catatan) VALUES ('7d171674-4ca7-5010-bdc3-28c0ad157c8a', 'SANGAT_BAIK', 'SANGAT_BAIK', 3, 1, 'PermenPANRB 3/2020; PermenPANRB 6/2022', '?', 'Pemetaan predikat ke sumbu kinerja dan cara menggabungkan dua predikat terakhir (rata-rata dibulatkan ke bawah) adalah tafsiran aplikasi [?].');
INSERT INTO ref_talenta_kinerja (id, kode, predikat_kode, kinerja, urutan, dasar_hukum, status_fakta, catatan) VALUES ('84b36c17-a924-566a-ab60-169ff998baee', 'BAIK', 'BAIK', 2, 2, 'PermenPANRB 3/2020; PermenPANRB 6/2022', '?', 'Pemetaan predikat ke sumbu kinerja dan cara menggabungkan dua predikat terakhir (rata-rata dibulatkan ke bawah) adalah tafsiran aplikasi [?].');
INSERT INTO ref_talenta_kinerja (id, kode, predikat_kode, kinerja, urutan, dasar_hukum, status_fakta, catatan) VALUES ('414c5ec9-fb00-52ea-8060-0aa479dac605', 'BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN', 1, 3, 'PermenPANRB 3/2020; PermenPANRB 6/2022', '?', 'Pemetaan predikat ke sumbu kinerja dan cara menggabungkan dua predikat terakhir (rata-rata dibulatkan ke bawah) adalah tafsiran aplikasi [?].');
INSERT INTO ref_talenta_kinerja (id, kode, predikat_kode, kinerja, urutan, dasar_hukum, status_fakta, catatan) VALUES ('dec233db-9476-55c6-bad4-66553d7f2bbf', 'KURANG', 'KURANG', 1, 4, 'PermenPANRB 3/2020; PermenPANRB 6/2022', '?', 'Pemetaan predikat ke sumbu kinerja dan cara menggabungkan dua predikat terakhir (rata-rata dibulatkan ke bawah) adalah tafsiran aplikasi [?].');
INSERT INTO ref_talenta_kinerja (id, kode, predikat_kode, kinerja, urutan, dasar_hukum, status_fakta, catatan) VALUES ('b0f66b01-e1b4-5589-9e4d-d20860eaf674', 'SANGAT_KURANG', 'SANGAT_KURANG', 1, 5, 'PermenPANRB 3/2020; PermenPANRB 6/2022', '?', 'Pemetaan predikat ke sumbu kinerja dan cara menggabungkan dua predikat terakhir (rata-rata dibulatkan ke bawah) adalah tafsiran aplikasi [?].');
CREATE TABLE ref_kesiapan_suksesi (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, maks_kekurangan INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_kesiapan_suksesi (id, kode, nama, maks_kekurangan, urutan, dasar_hukum, status_fakta, catatan) VALUES ('3648e0ce-5c87-5548-831c-106fa155ee6a', 'SIAP', 'Siap sekarang', 0, 1, 'PermenPANRB 3/2020 Lampiran', '?', 'Ambang kekurangan level adalah pilihan aplikasi [?]; sesuaikan dengan kebijakan manajemen talenta instansi.');
INSERT INTO ref_kesiapan_suksesi (id, kode, nama, maks_kekurangan, urutan, dasar_hukum, status_fakta, catatan) VALUES ('8b477fc3-cb58-5381-8b19-f30ad258a9f5', 'SATU_DUA_TAHUN', 'Siap 1-2 tahun', 4, 2, 'PermenPANRB 3/2020 Lampiran', '?', 'Ambang kekurangan level adalah pilihan aplikasi [?]; sesuaikan dengan kebijakan manajemen talenta instansi.');

CREATE TABLE kompetensi_standar (
    id TEXT PRIMARY KEY,
    jabatan_id TEXT NOT NULL REFERENCES jabatan (id) DEFERRABLE INITIALLY DEFERRED,
    kompetensi_kode TEXT NOT NULL,  -- ref_kompetensi.kode
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kompetensi_standar_jabatan ON kompetensi_standar (jabatan_id);

CREATE TABLE kompetensi_nilai (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    kompetensi_kode TEXT NOT NULL,  -- ref_kompetensi.kode
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    tanggal TEXT NOT NULL,          -- ISO date of the assessment
    sumber TEXT NOT NULL CHECK (sumber IN ('ASSESSMENT_CENTER', 'UJI_KOMPETENSI', 'ATASAN')),
    penilai TEXT,                   -- the assessment centre or the superior
    catatan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kompetensi_nilai_pegawai ON kompetensi_nilai (pegawai_id, kompetensi_kode);

CREATE TABLE kompetensi_potensi (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    tanggal TEXT NOT NULL,
    sumber TEXT NOT NULL CHECK (sumber IN ('ASSESSMENT_CENTER', 'UJI_KOMPETENSI', 'ATASAN')),
    potensi INTEGER NOT NULL CHECK (potensi BETWEEN 1 AND 3),
    skor REAL,                      -- the centre's score as reported, if any
    penilai TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kompetensi_potensi_pegawai ON kompetensi_potensi (pegawai_id);

CREATE TABLE pelatihan_katalog (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    bentuk TEXT NOT NULL CHECK (bentuk IN ('KLASIKAL', 'NON_KLASIKAL')),
    jenis TEXT NOT NULL,            -- riwayat_diklat.jenis: TEKNIS, FUNGSIONAL, STRUKTURAL, ...
    penyelenggara TEXT,
    jp INTEGER NOT NULL CHECK (jp > 0),
    kompetensi_kode TEXT,           -- ref_kompetensi.kode addressed, comma-separated
    keterangan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pelatihan_acara (
    id TEXT PRIMARY KEY,
    katalog_id TEXT NOT NULL REFERENCES pelatihan_katalog (id) DEFERRABLE INITIALLY DEFERRED,
    nama TEXT NOT NULL,
    penyelenggara TEXT,
    tanggal_mulai TEXT NOT NULL,
    tanggal_selesai TEXT NOT NULL,
    jp INTEGER NOT NULL CHECK (jp > 0),
    tempat TEXT,
    status TEXT NOT NULL DEFAULT 'RENCANA' CHECK (status IN ('RENCANA', 'SELESAI', 'BATAL')),
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pelatihan_acara_tanggal ON pelatihan_acara (tanggal_mulai);

CREATE TABLE pelatihan_peserta (
    id TEXT PRIMARY KEY,
    acara_id TEXT NOT NULL REFERENCES pelatihan_acara (id) DEFERRABLE INITIALLY DEFERRED,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    kompetensi_kode TEXT,           -- the need (gap) the place was given for
    status TEXT NOT NULL DEFAULT 'TERDAFTAR'
        CHECK (status IN ('TERDAFTAR', 'LULUS', 'TIDAK_HADIR')),
    nomor_sertifikat TEXT,
    riwayat_diklat_id TEXT REFERENCES riwayat_diklat (id) DEFERRABLE INITIALLY DEFERRED,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pelatihan_peserta_acara ON pelatihan_peserta (acara_id);
CREATE INDEX pelatihan_peserta_pegawai ON pelatihan_peserta (pegawai_id);

-- Feedback of a participant on an event (Kirkpatrick level 1): relevance to their work,
-- usefulness and the trainer, each 1-5, and free text.
-- id = natural_id('pelatihan_evaluasi', acara_id, pegawai_id)
CREATE TABLE pelatihan_evaluasi (
    id TEXT PRIMARY KEY,
    acara_id TEXT NOT NULL REFERENCES pelatihan_acara (id) DEFERRABLE INITIALLY DEFERRED,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    relevansi INTEGER NOT NULL CHECK (relevansi BETWEEN 1 AND 5),
    manfaat INTEGER NOT NULL CHECK (manfaat BETWEEN 1 AND 5),
    pengajar INTEGER NOT NULL CHECK (pengajar BETWEEN 1 AND 5),
    komentar TEXT,
    tanggal TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pelatihan_evaluasi_acara ON pelatihan_evaluasi (acara_id);
