-- Migration 15: SKP per PermenPANRB 6/2022 and PP 30/2019 Ps. 59 (asn-rules 4.4, 4.5).
--
-- * The plan is approved by the pejabat penilai (new state `disetujui`, instant in
--   skp.rencana_disetujui); the rating is ditetapkan by the pejabat penilai (no second approval by
--   the atasan); the employee may lodge a keberatan until skp.batas_keberatan (state
--   `keberatan`, one row in skp_keberatan); the atasan pejabat penilai decides it, after which
--   the SKP is `final`. The new states are added to the CHECK of skp.status by steps.py
--   (_m0015, the documented writable_schema procedure for loosening a CHECK). SKPs left in
--   `dinilai` by the old flow (waiting for the atasan's approval) keep their rating and now wait
--   for the penilai's penetapan: nothing is made up for them. An SKP ditetapkan before this
--   migration has no batas_keberatan; the window is then counted from its `ditetapkan` instant.
-- * The expected distribution is one curve per level of capaian kinerja organisasi
--   (ref_kurva_predikat) and the unit's capaian of a year is recorded (skp_capaian_organisasi).
--   skp_kurva (the single agency-wide curve of migration 8) is no longer read; its rows stay so
--   that packages from older installations still import.
-- Frozen copy of the rows of app/models/reference/data.py at this version (ids are UUIDv5 of
-- table and kode, as in migration 1).
ALTER TABLE skp ADD COLUMN rencana_disetujui TEXT;
ALTER TABLE skp ADD COLUMN batas_keberatan TEXT;

-- One keberatan per SKP: id = natural_id('skp_keberatan', skp_id). The rating before (awal) and
-- after (akhir) the atasan's decision; putusan TETAP (rating kept) or UBAH (changed).
CREATE TABLE skp_keberatan (
    id TEXT PRIMARY KEY,
    skp_id TEXT NOT NULL REFERENCES skp (id) DEFERRABLE INITIALLY DEFERRED,
    alasan TEXT NOT NULL,
    tanggal TEXT NOT NULL,          -- the date it was lodged (ISO)
    diajukan TEXT NOT NULL,         -- UTC instant
    pengaju TEXT NOT NULL,          -- user name (the employee, or the operator on their behalf)
    pengaju_pegawai_id TEXT,
    rating_hasil_awal TEXT,
    rating_perilaku_awal TEXT,
    predikat_awal TEXT,
    putusan TEXT CHECK (putusan IN ('TETAP', 'UBAH')),
    rating_hasil_akhir TEXT,
    rating_perilaku_akhir TEXT,
    predikat_akhir TEXT,
    alasan_putusan TEXT,
    tanggal_putusan TEXT,
    diputus TEXT,                   -- UTC instant
    pemutus TEXT,
    pemutus_pegawai_id TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_keberatan_skp ON skp_keberatan (skp_id);

-- The capaian kinerja organisasi of a unit in a year (ref_capaian_organisasi.kode), which picks
-- the curve of ref_kurva_predikat. id = natural_id('skp_capaian_organisasi', unit_id, tahun).
CREATE TABLE skp_capaian_organisasi (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES unit_organisasi (id) DEFERRABLE INITIALLY DEFERRED,
    tahun INTEGER NOT NULL,
    capaian_kode TEXT NOT NULL,
    catatan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_capaian_organisasi_tahun ON skp_capaian_organisasi (tahun, unit_id);

CREATE TABLE ref_tenggat_skp (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, hari INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_tenggat_skp (id, kode, nama, hari, urutan, dasar_hukum, status_fakta, catatan) VALUES ('1dddea8b-3a04-5934-ba98-2911b20f39f9', 'KEBERATAN', 'Masa pengajuan keberatan atas penilaian kinerja', 14, 1, 'PP 30/2019 Ps. 59 ayat (1)', '?', '14 hari menurut modul LAN yang mengutip PP 30/2019 Ps. 59 [P]; apakah hari kalender atau hari kerja, dan dihitung sejak penetapan atau sejak diterima, belum diperiksa dengan teks PP [?]. Merit menghitung hari kalender sejak tanggal penetapan.');
CREATE TABLE ref_capaian_organisasi (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, nama_alternatif TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_capaian_organisasi (id, kode, nama, nama_alternatif, urutan, dasar_hukum, status_fakta, catatan) VALUES ('87acd465-01f1-5898-961e-86d0ca659016', 'ISTIMEWA', 'Istimewa', NULL, 1, 'PermenPANRB 6/2022 Lampiran', 'V', NULL);
INSERT INTO ref_capaian_organisasi (id, kode, nama, nama_alternatif, urutan, dasar_hukum, status_fakta, catatan) VALUES ('f5829696-998e-55de-87cd-48564861f9ed', 'BAIK', 'Baik', NULL, 2, 'PermenPANRB 6/2022 Lampiran', 'V', NULL);
INSERT INTO ref_capaian_organisasi (id, kode, nama, nama_alternatif, urutan, dasar_hukum, status_fakta, catatan) VALUES ('37ea5ecb-d549-5669-af9e-cb46e69f5a0f', 'BUTUH_PERBAIKAN', 'Butuh Perbaikan', 'Cukup', 3, 'PermenPANRB 6/2022 Lampiran', 'V', NULL);
INSERT INTO ref_capaian_organisasi (id, kode, nama, nama_alternatif, urutan, dasar_hukum, status_fakta, catatan) VALUES ('9fddfbc4-ba67-5a72-bb12-d5db311286c2', 'KURANG', 'Kurang', NULL, 4, 'PermenPANRB 6/2022 Lampiran', 'V', NULL);
INSERT INTO ref_capaian_organisasi (id, kode, nama, nama_alternatif, urutan, dasar_hukum, status_fakta, catatan) VALUES ('1d4de5d8-c8f1-5159-9219-33e5e1592dd0', 'SANGAT_KURANG', 'Sangat Kurang', NULL, 5, 'PermenPANRB 6/2022 Lampiran', 'V', NULL);
CREATE TABLE ref_kurva_predikat (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, capaian_kode TEXT, kelompok_predikat TEXT, persen_min INTEGER, persen_maks INTEGER, minimal_orang INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('dc9ab211-1978-5bf9-b5fd-574de8924937', 'ISTIMEWA|1', 'ISTIMEWA', 'SANGAT_BAIK', NULL, 70, NULL, 1, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('22c4db26-086a-5192-a997-e2d775b6aaff', 'BAIK|1', 'BAIK', 'BAIK', NULL, 70, NULL, 2, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('4127dab9-c08e-560d-9c66-398ee9f5d5f6', 'BAIK|2', 'BAIK', 'BUTUH_PERBAIKAN,KURANG', NULL, NULL, 1, 3, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('f1f0335e-d9e7-587a-8240-16501213e717', 'BUTUH_PERBAIKAN|1', 'BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN', 60, NULL, NULL, 4, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('6feefee3-399d-5a4f-b98c-7326913a5fad', 'BUTUH_PERBAIKAN|2', 'BUTUH_PERBAIKAN', 'SANGAT_BAIK', NULL, 10, NULL, 5, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('990ee2b2-5086-557e-87dc-3e1701bed355', 'KURANG|1', 'KURANG', 'KURANG', 60, NULL, NULL, 6, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('081ada6e-87f5-5a98-8d05-e945a9b26391', 'KURANG|2', 'KURANG', 'BUTUH_PERBAIKAN', 10, NULL, NULL, 7, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('0a3ea302-4799-514c-807b-d693df164dbc', 'KURANG|3', 'KURANG', 'SANGAT_BAIK', NULL, 10, NULL, 8, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('c6d5d1b3-1f8f-592d-92ec-89b5a80ec4ec', 'SANGAT_KURANG|1', 'SANGAT_KURANG', 'SANGAT_KURANG', 60, NULL, NULL, 9, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('c8d56b54-5861-5b9a-9013-9ed6c04aa328', 'SANGAT_KURANG|2', 'SANGAT_KURANG', 'KURANG,BUTUH_PERBAIKAN', 10, NULL, NULL, 10, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
INSERT INTO ref_kurva_predikat (id, kode, capaian_kode, kelompok_predikat, persen_min, persen_maks, minimal_orang, urutan, dasar_hukum, status_fakta, catatan) VALUES ('b45f4503-f2f6-58fd-9a55-bc0e5b35c18f', 'SANGAT_KURANG|3', 'SANGAT_KURANG', 'SANGAT_BAIK', NULL, 0, NULL, 11, 'PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]', 'P', 'Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti (disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar.');
