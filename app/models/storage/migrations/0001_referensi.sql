-- Migration 1 (second part): the reference tables of the regulations and their seed rows, as
-- app/models/reference/data.py held them when this migration was released (generated once from
-- it; frozen). Row ids are UUIDv5 of (table, kode) in Merit's namespace, so that every
-- installation seeds the same ids. Later changes to the reference data go in a new migration.


CREATE TABLE ref_golongan (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, jenis_asn TEXT, golongan INTEGER, ruang TEXT, pangkat TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_golongan (id, kode, jenis_asn, golongan, ruang, pangkat, urutan, dasar_hukum, status_fakta, catatan) VALUES
('219a991c-dd90-5d9c-967f-3973be4f6753', 'I/a', 'PNS', 1, 'a', 'Juru Muda', 1, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('fba5b4ea-2a31-5cd6-921d-afa01a838dd9', 'I/b', 'PNS', 1, 'b', 'Juru Muda Tingkat I', 2, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('caf6372e-a24c-53dd-b164-60384201c86e', 'I/c', 'PNS', 1, 'c', 'Juru', 3, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('7552f3de-b878-5473-8cd4-0319814e78c0', 'I/d', 'PNS', 1, 'd', 'Juru Tingkat I', 4, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('c02ac413-8211-523e-9664-249ceace318a', 'II/a', 'PNS', 2, 'a', 'Pengatur Muda', 5, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('c43c8487-417d-5d87-ac8a-e71e04256ba2', 'II/b', 'PNS', 2, 'b', 'Pengatur Muda Tingkat I', 6, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('ce56e5bc-8265-5fd4-896c-008afe5f6d1f', 'II/c', 'PNS', 2, 'c', 'Pengatur', 7, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('57c30980-abe5-52eb-9730-9727a9410d37', 'II/d', 'PNS', 2, 'd', 'Pengatur Tingkat I', 8, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('e0e4bee1-7ee7-59db-9164-a87e115be217', 'III/a', 'PNS', 3, 'a', 'Penata Muda', 9, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('cfb931fe-e86c-50f5-9eb6-3ac10fb5389f', 'III/b', 'PNS', 3, 'b', 'Penata Muda Tingkat I', 10, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('e76cad9a-9c4f-5f4c-a882-5ab7730bbb42', 'III/c', 'PNS', 3, 'c', 'Penata', 11, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('5031b835-144f-52e5-b50e-9b24c96d45e8', 'III/d', 'PNS', 3, 'd', 'Penata Tingkat I', 12, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('1d55e347-d17d-576c-859d-3c2c87908b6e', 'IV/a', 'PNS', 4, 'a', 'Pembina', 13, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('1f545798-e6fb-5afa-ae65-579e3c30b6e6', 'IV/b', 'PNS', 4, 'b', 'Pembina Tingkat I', 14, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('098c1525-5d37-5ca2-b815-d7629cf5357e', 'IV/c', 'PNS', 4, 'c', 'Pembina Utama Muda', 15, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('2581faaa-6000-53e6-a20e-39dcb86023ca', 'IV/d', 'PNS', 4, 'd', 'Pembina Utama Madya', 16, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('4892b8de-e38c-5030-a55c-af0a9fcb543c', 'IV/e', 'PNS', 4, 'e', 'Pembina Utama', 17, 'PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002', 'V', NULL),
('bb5c535c-3711-5dfb-8747-f1a7328ddb95', 'I', 'PPPK', 1, NULL, NULL, 101, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('d44f05f8-c194-53fe-ac8d-839fca6e85b5', 'II', 'PPPK', 2, NULL, NULL, 102, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('1bb63bb4-1ef7-5a97-a9c5-e1f41a52ce6b', 'III', 'PPPK', 3, NULL, NULL, 103, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('c6e07af5-1cf5-5965-8f39-fe4ef3a6cdbb', 'IV', 'PPPK', 4, NULL, NULL, 104, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('3e862536-b440-5311-8a51-e2cf4888adf0', 'V', 'PPPK', 5, NULL, NULL, 105, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('328dc772-9209-58a3-9ba5-f435aa774455', 'VI', 'PPPK', 6, NULL, NULL, 106, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('d8d27d92-0ad7-590a-b9b9-204ab964c227', 'VII', 'PPPK', 7, NULL, NULL, 107, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('dc1dc098-b8d6-5684-830d-f51fd19e2465', 'VIII', 'PPPK', 8, NULL, NULL, 108, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('1e7209a1-fadc-5ff4-85f4-ccdb7fbee8dc', 'IX', 'PPPK', 9, NULL, NULL, 109, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('4fbe6f6f-edfb-53e7-9b09-43a44c6a4b22', 'X', 'PPPK', 10, NULL, NULL, 110, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('d46ebafa-0ed6-5bb1-8b9c-2e4e37d9d430', 'XI', 'PPPK', 11, NULL, NULL, 111, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('659469c3-71c2-5873-b2aa-56712ee18085', 'XII', 'PPPK', 12, NULL, NULL, 112, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('c2d10326-f251-5f02-989e-a6b65e733dff', 'XIII', 'PPPK', 13, NULL, NULL, 113, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('b91e0acd-adea-5b05-9d16-68db14f27ca2', 'XIV', 'PPPK', 14, NULL, NULL, 114, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('b0d3b94d-646f-562d-aae9-a9ebc57a071f', 'XV', 'PPPK', 15, NULL, NULL, 115, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('fd3528c6-67ee-58bb-8fb6-896da8270142', 'XVI', 'PPPK', 16, NULL, NULL, 116, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].'),
('a6f0caab-8e83-5303-b0ad-7d1bf2f54e47', 'XVII', 'PPPK', 17, NULL, NULL, 117, 'Perpres 98/2020', 'P', 'PPPK tidak memiliki pangkat dan tidak naik pangkat [P].');

CREATE TABLE ref_pendidikan (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, gol_awal_kode TEXT, gol_maks_kode TEXT, gol_awal_pppk_kode TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_pendidikan (id, kode, nama, gol_awal_kode, gol_maks_kode, gol_awal_pppk_kode, urutan, dasar_hukum, status_fakta, catatan) VALUES
('b5439754-e960-51f4-80fd-fe49e22973dd', 'SD', 'SD', 'I/a', 'II/a', 'I', 1, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('f38512b4-c00b-5df3-96ab-572076978746', 'SMP', 'SLTP / SMP', 'I/c', 'II/c', 'IV', 2, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('5b7c7d5e-632f-51d8-9e17-2d512fc645bd', 'SMP_KEJURUAN', 'SLTP Kejuruan', 'I/c', 'II/d', NULL, 3, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode tidak tercantum dalam daftar yang diketahui [?]: isi setelah memeriksa aturan formasi PPPK.'),
('199a7156-73e9-586e-b856-87fb345ebe4b', 'SLTA', 'SLTA / SMA / SMK', 'II/a', 'III/b', 'V', 4, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('8a9b91ad-5e6a-5522-ad91-b860c5f79f7a', 'D1', 'D-I', 'II/a', 'III/b', 'V', 5, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('f022662d-c07a-5a0b-b5bd-112bbc8e6ee3', 'D2', 'D-II', 'II/b', 'III/b', 'VI', 6, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('83640675-651a-59ef-8afa-2b33b14d1fd4', 'SGPLB', 'SGPLB', 'II/b', 'III/c', NULL, 7, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode tidak tercantum dalam daftar yang diketahui [?]: isi setelah memeriksa aturan formasi PPPK.'),
('84a0d4f5-8f56-56c3-9d75-cf7d78ac64e7', 'D3', 'D-III / Sarjana Muda / Akademi / Bakaloreat', 'II/c', 'III/c', 'VII', 8, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('9ede26c7-285a-59d5-9a44-c2ddd9b102a4', 'D4', 'D-IV', 'III/a', 'III/d', 'IX', 9, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('ad5570a8-388f-5fc3-b8dd-6d276055669f', 'S1', 'S-1 / Sarjana', 'III/a', 'III/d', 'IX', 10, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('a52cdaad-d990-51b9-8d1c-81848ac33d1c', 'PROFESI', 'Profesi (Dokter / Apoteker / Ners)', 'III/b', 'IV/a', NULL, 11, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'Tabel PP 99/2000 menyebut Dokter dan Apoteker (setara S-2); Ners tidak disebut dan dalam praktik formasi sering diangkat III/a [?]: periksa. gol_awal_pppk_kode tidak tercantum dalam daftar yang diketahui [?]: isi setelah memeriksa aturan formasi PPPK.'),
('2a17bb20-f2ec-5e1e-ba11-4f5a3965cbfd', 'S2', 'S-2 / Magister', 'III/b', 'IV/a', 'X', 12, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.'),
('6b8b92e7-af4b-523d-a7ba-0937b9cee9de', 'S3', 'S-3 / Doktor', 'III/c', 'IV/b', 'XI', 13, 'PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002', '?', 'gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK.');

CREATE TABLE ref_jenis_jabatan (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_jenis_jabatan (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES
('cbd1b6f7-248b-5bf2-a9b1-36201c3c75e8', 'JPT', 'Jabatan Pimpinan Tinggi', 1, 'UU 5/2014 Ps. 13-19; UU 20/2023', 'V', NULL),
('82a4720d-1965-5bd8-8470-03bad9f9379c', 'JA', 'Jabatan Administrasi', 2, 'UU 5/2014 Ps. 13-19; UU 20/2023', 'V', NULL),
('9c0e0170-8b9d-5339-ab04-40e02eb0257e', 'JF', 'Jabatan Fungsional', 3, 'UU 5/2014 Ps. 13-19; UU 20/2023', 'V', NULL);

CREATE TABLE ref_jenjang_jabatan (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, jenis_kode TEXT, kategori_jf TEXT, kelompok TEXT, tingkat INTEGER, gol_min_kode TEXT, gol_maks_kode TEXT, bup_tahun INTEGER, ak_koefisien REAL, standar_kompetensi INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_jenjang_jabatan (id, kode, nama, jenis_kode, kategori_jf, kelompok, tingkat, gol_min_kode, gol_maks_kode, bup_tahun, ak_koefisien, standar_kompetensi, urutan, dasar_hukum, status_fakta, catatan) VALUES
('ed283276-d1d4-50c6-a032-a4fa3bb18469', 'JPT_UTAMA', 'JPT Utama', 'JPT', NULL, 'MANAJERIAL', 10, 'IV/d', 'IV/e', 60, NULL, 5, 1, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PP 100/2000 jo PP 13/2002; PermenPANRB 38/2017', '?', 'Rentang pangkat dari eselon I.a. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('b7b6827b-aa86-562a-b29d-b41b1bbe2ae1', 'JPT_MADYA', 'JPT Madya', 'JPT', NULL, 'MANAJERIAL', 9, 'IV/c', 'IV/e', 60, NULL, 5, 2, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PP 100/2000 jo PP 13/2002; PermenPANRB 38/2017', '?', 'Rentang pangkat dari eselon I.a/I.b. Standar 5 (sebagian kompetensi 4). standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('90718016-b955-51b3-bd99-227f08d5dccf', 'JPT_PRATAMA', 'JPT Pratama', 'JPT', NULL, 'MANAJERIAL', 8, 'IV/b', 'IV/d', 60, NULL, 4, 3, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PP 100/2000 jo PP 13/2002; PermenPANRB 38/2017', '?', 'Rentang pangkat dari eselon II.a/II.b. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('220866e8-7ebd-5c0f-baa5-ebc9606d7196', 'ADMINISTRATOR', 'Administrator', 'JA', NULL, 'MANAJERIAL', 7, 'III/d', 'IV/b', 58, NULL, 3, 4, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PP 100/2000 jo PP 13/2002; PermenPANRB 38/2017', '?', 'Rentang pangkat dari eselon III.a/III.b. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('6c5f1752-013f-55ff-92d3-22b2be04d836', 'PENGAWAS', 'Pengawas', 'JA', NULL, 'MANAJERIAL', 6, 'III/b', 'III/d', 58, NULL, 2, 5, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PP 100/2000 jo PP 13/2002; PermenPANRB 38/2017', '?', 'Rentang pangkat dari eselon IV.a/IV.b. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('7ca93943-095b-58fb-8b58-e993d1ddccc8', 'PELAKSANA', 'Pelaksana', 'JA', NULL, 'NON_MANAJERIAL', 1, NULL, NULL, 58, NULL, 1, 6, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PP 100/2000 jo PP 13/2002; PermenPANRB 38/2017', '?', 'Pelaksana tidak memiliki rentang pangkat (eselon V sudah dihapus). standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('67182c29-eaef-5ec1-9db4-7742226db5d8', 'AHLI_UTAMA', 'Ahli Utama', 'JF', 'KEAHLIAN', 'NON_MANAJERIAL', 8, 'IV/d', 'IV/e', 65, 50.0, NULL, 7, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'standar_kompetensi tidak tercantum untuk Ahli Utama (dikosongkan). BUP 65; JF tertentu dapat berbeda. Rentang pangkat JF [P]. ak_koefisien [?]: periksa Lampiran Peraturan BKN 3/2023. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('4c5e115c-1363-5cb2-86f9-6d8093535ccb', 'AHLI_MADYA', 'Ahli Madya', 'JF', 'KEAHLIAN', 'NON_MANAJERIAL', 7, 'IV/a', 'IV/c', 60, 37.5, 3, 8, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'BUP 60; JF tertentu dapat berbeda (mis. guru, dosen). Rentang pangkat JF [P]. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('622a1882-cf10-5fb8-97ba-b022563b87ae', 'AHLI_MUDA', 'Ahli Muda', 'JF', 'KEAHLIAN', 'NON_MANAJERIAL', 6, 'III/c', 'III/d', 58, 25.0, 2, 9, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'BUP 58; JF tertentu dapat berbeda (mis. guru 60 [?]). Rentang pangkat JF [P]. ak_koefisien [?]: periksa Lampiran Peraturan BKN 3/2023. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('019b3d75-de33-55b2-9d13-786baebe0d3d', 'AHLI_PERTAMA', 'Ahli Pertama', 'JF', 'KEAHLIAN', 'NON_MANAJERIAL', 5, 'III/a', 'III/b', 58, 12.5, 1, 10, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'BUP 58; JF tertentu dapat berbeda (mis. guru 60 [?]). Rentang pangkat JF [P]. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('6da61c95-2512-5781-bba0-478856034cc7', 'PENYELIA', 'Penyelia', 'JF', 'KETERAMPILAN', 'NON_MANAJERIAL', 5, 'III/c', 'III/d', 58, 25.0, 1, 11, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'standar_kompetensi mungkin 2 [?]. Rentang pangkat JF [P]. ak_koefisien [?]: periksa Lampiran Peraturan BKN 3/2023. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('ef5104fc-471e-5324-b2b6-e363f551eb1c', 'MAHIR', 'Mahir', 'JF', 'KETERAMPILAN', 'NON_MANAJERIAL', 4, 'III/a', 'III/b', 58, 12.5, 1, 12, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'Rentang pangkat JF [P]. ak_koefisien [?]: periksa Lampiran Peraturan BKN 3/2023. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('ed1d9a5d-d949-53cb-9623-b3e82c378685', 'TERAMPIL', 'Terampil', 'JF', 'KETERAMPILAN', 'NON_MANAJERIAL', 3, 'II/b', 'II/d', 58, 5.0, 1, 13, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'Rentang pangkat JF [P]. ak_koefisien [?]: periksa Lampiran Peraturan BKN 3/2023. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.'),
('bbd831d3-912d-5c60-ae3f-4ded1772d5b7', 'PEMULA', 'Pemula', 'JF', 'KETERAMPILAN', 'NON_MANAJERIAL', 2, 'II/a', 'II/a', 58, 3.75, 1, 14, 'UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017', '?', 'Rentang pangkat JF [P]. ak_koefisien [?]: periksa Lampiran Peraturan BKN 3/2023. standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017. tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah.');

CREATE TABLE ref_eselon (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, jenjang_kode TEXT, gol_min_kode TEXT, gol_maks_kode TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_eselon (id, kode, nama, jenjang_kode, gol_min_kode, gol_maks_kode, urutan, dasar_hukum, status_fakta, catatan) VALUES
('efce8180-0ef2-5171-a6e5-eb0ae2b488dc', 'I.a', 'Eselon I.a', 'JPT_MADYA', 'IV/d', 'IV/e', 1, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V]. Eselon I.a setara JPT Madya; khusus kepala LPNK setara JPT Utama (UU 5/2014 Ps. 131).'),
('a18657b2-d007-53c4-bb67-963413cf8d17', 'I.b', 'Eselon I.b', 'JPT_MADYA', 'IV/c', 'IV/e', 2, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V].'),
('51f974bf-bfe0-513d-a582-c799034450b6', 'II.a', 'Eselon II.a', 'JPT_PRATAMA', 'IV/c', 'IV/d', 3, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V].'),
('22a72a5a-ed0b-544d-8f72-045b26961d79', 'II.b', 'Eselon II.b', 'JPT_PRATAMA', 'IV/b', 'IV/c', 4, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V].'),
('7eee5bac-504c-5467-9377-9401367e8435', 'III.a', 'Eselon III.a', 'ADMINISTRATOR', 'IV/a', 'IV/b', 5, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V].'),
('be44ce57-0745-5cba-8daf-78654ec5a63d', 'III.b', 'Eselon III.b', 'ADMINISTRATOR', 'III/d', 'IV/a', 6, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V].'),
('ebfe5737-07b4-5212-bfa9-03bcfae4d940', 'IV.a', 'Eselon IV.a', 'PENGAWAS', 'III/c', 'III/d', 7, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V].'),
('e799a52c-9969-5e05-846c-627828a52bdb', 'IV.b', 'Eselon IV.b', 'PENGAWAS', 'III/b', 'III/c', 8, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V].'),
('f4aca577-4b3e-5347-9620-646e2d6192d6', 'V', 'Eselon V', 'PELAKSANA', 'III/a', 'III/b', 9, 'UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002', 'P', 'Kesetaraan jabatan [P]; rentang pangkat [V]. Eselon V sudah dihapus; disimpan untuk riwayat.');

CREATE TABLE ref_agama (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_agama (id, kode, nama, urutan, dasar_hukum, status_fakta, catatan) VALUES
('f778f174-11f9-5cda-b193-5bef7f975e92', 'ISLAM', 'Islam', 1, 'UU 1/PNPS/1965 Penjelasan Ps. 1; UU 23/2006 jo UU 24/2013', 'P', 'Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil).'),
('a5b0df4c-ef69-5a0f-9c90-3ecb94741a87', 'KRISTEN', 'Kristen', 2, 'UU 1/PNPS/1965 Penjelasan Ps. 1; UU 23/2006 jo UU 24/2013', 'P', 'Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil).'),
('6739ab77-35db-5919-8a3b-672c9ff11f8a', 'KATOLIK', 'Katolik', 3, 'UU 1/PNPS/1965 Penjelasan Ps. 1; UU 23/2006 jo UU 24/2013', 'P', 'Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil).'),
('27e6f2e5-5b7e-5d55-ad15-ade6c320b499', 'HINDU', 'Hindu', 4, 'UU 1/PNPS/1965 Penjelasan Ps. 1; UU 23/2006 jo UU 24/2013', 'P', 'Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil).'),
('fffe51e3-809d-56fc-885a-ef170807f1ae', 'BUDDHA', 'Buddha', 5, 'UU 1/PNPS/1965 Penjelasan Ps. 1; UU 23/2006 jo UU 24/2013', 'P', 'Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil).'),
('42f84c6d-d695-5455-8371-fa81c361aa9f', 'KONGHUCU', 'Konghucu', 6, 'UU 1/PNPS/1965 Penjelasan Ps. 1; UU 23/2006 jo UU 24/2013', 'P', 'Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil).'),
('8f409b40-a059-51ad-964b-697852a52440', 'KEPERCAYAAN', 'Kepercayaan terhadap Tuhan YME', 7, 'Putusan MK 97/PUU-XIV/2016; UU 23/2006 jo UU 24/2013', 'P', 'Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil).');

CREATE TABLE ref_rating (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, nilai INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_rating (id, kode, nama, nilai, urutan, dasar_hukum, status_fakta, catatan) VALUES
('659b6caf-4563-5b9c-b5ba-a4cf8512e5b6', 'ATAS', 'Di Atas Ekspektasi', 3, 1, 'PermenPANRB 6/2022', 'V', NULL),
('2a07913d-30ba-5705-8af2-b5a243fb8d43', 'SESUAI', 'Sesuai Ekspektasi', 2, 2, 'PermenPANRB 6/2022', 'V', NULL),
('1d2b77ff-c111-5412-84e4-1ec024773db3', 'BAWAH', 'Di Bawah Ekspektasi', 1, 3, 'PermenPANRB 6/2022', 'V', NULL);

CREATE TABLE ref_predikat (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, nama_alternatif TEXT, ak_persen INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_predikat (id, kode, nama, nama_alternatif, ak_persen, urutan, dasar_hukum, status_fakta, catatan) VALUES
('c8743e0f-ce31-5ca6-a56a-793b751e583a', 'SANGAT_BAIK', 'Sangat Baik', NULL, 150, 1, 'PermenPANRB 6/2022; Peraturan BKN 3/2023', 'V', NULL),
('5dabb54b-721a-5055-940f-ab2a44c01db3', 'BAIK', 'Baik', NULL, 100, 2, 'PermenPANRB 6/2022; Peraturan BKN 3/2023', 'V', NULL),
('5525907d-9341-5a76-bb9d-cd4ca9991298', 'BUTUH_PERBAIKAN', 'Butuh Perbaikan', 'Cukup', 75, 3, 'PermenPANRB 6/2022; Peraturan BKN 3/2023', 'V', NULL),
('6d0fb1c3-7ae8-5f48-8835-c311db62ed78', 'KURANG', 'Kurang/Misconduct', NULL, 50, 4, 'PermenPANRB 6/2022; Peraturan BKN 3/2023', 'V', NULL),
('4addb803-7c2a-59e2-87da-153b59773c43', 'SANGAT_KURANG', 'Sangat Kurang', NULL, 25, 5, 'PermenPANRB 6/2022; Peraturan BKN 3/2023', 'V', NULL);

CREATE TABLE ref_matriks_predikat (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, rating_hasil TEXT, rating_perilaku TEXT, predikat_kode TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_matriks_predikat (id, kode, rating_hasil, rating_perilaku, predikat_kode, urutan, dasar_hukum, status_fakta, catatan) VALUES
('e87b3ce8-771a-56e3-996a-021ace49a136', 'ATAS|BAWAH', 'ATAS', 'BAWAH', 'KURANG', 1, 'PermenPANRB 6/2022', 'V', NULL),
('f7b55440-7a3c-564b-8feb-494c7653f6a8', 'ATAS|SESUAI', 'ATAS', 'SESUAI', 'BAIK', 2, 'PermenPANRB 6/2022', 'V', NULL),
('58789a3b-e45f-5e74-9357-5e6de388a849', 'ATAS|ATAS', 'ATAS', 'ATAS', 'SANGAT_BAIK', 3, 'PermenPANRB 6/2022', 'V', NULL),
('be4cf7b7-5a5b-5339-9c77-9c72f6f63a90', 'SESUAI|BAWAH', 'SESUAI', 'BAWAH', 'KURANG', 4, 'PermenPANRB 6/2022', 'V', NULL),
('86996c42-bc11-528f-9579-02d6b0caf244', 'SESUAI|SESUAI', 'SESUAI', 'SESUAI', 'BAIK', 5, 'PermenPANRB 6/2022', 'V', NULL),
('53151440-9ac2-51df-b257-35194addf630', 'SESUAI|ATAS', 'SESUAI', 'ATAS', 'BAIK', 6, 'PermenPANRB 6/2022', 'V', NULL),
('4a6f1ce9-c210-55c5-b42d-0b8c837c2c87', 'BAWAH|BAWAH', 'BAWAH', 'BAWAH', 'SANGAT_KURANG', 7, 'PermenPANRB 6/2022', 'V', NULL),
('819e203b-412b-5d30-8c83-c11336bcd2c7', 'BAWAH|SESUAI', 'BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN', 8, 'PermenPANRB 6/2022', 'V', NULL),
('922207d5-c26c-59e2-954d-88e42b4d52a6', 'BAWAH|ATAS', 'BAWAH', 'ATAS', 'BUTUH_PERBAIKAN', 9, 'PermenPANRB 6/2022', 'V', NULL);

CREATE TABLE ref_nilai_berakhlak (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, panduan TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_nilai_berakhlak (id, kode, nama, panduan, urutan, dasar_hukum, status_fakta, catatan) VALUES
('3241a417-b3dd-5439-af4a-1076ec750fdd', 'BERORIENTASI_PELAYANAN', 'Berorientasi Pelayanan', 'Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan dapat diandalkan; terus-menerus melakukan perbaikan.', 1, 'SE MenPANRB 20/2021; PermenPANRB 6/2022', 'V', NULL),
('9d1d43cd-af09-52fd-8ed6-2bf4ddc73bb7', 'AKUNTABEL', 'Akuntabel', 'Bekerja dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas; memakai kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien; tidak menyalahgunakan kewenangan jabatan.', 2, 'SE MenPANRB 20/2021; PermenPANRB 6/2022', 'V', NULL),
('9bad376a-ceaf-566e-8415-2c1b9c5c2522', 'KOMPETEN', 'Kompeten', 'Terus meningkatkan kompetensi diri untuk menjawab tantangan yang berubah; membantu orang lain belajar; menyelesaikan tugas dengan mutu terbaik.', 3, 'SE MenPANRB 20/2021; PermenPANRB 6/2022', 'V', NULL),
('6ca9961b-e18b-53fc-9018-7a75b8423c81', 'HARMONIS', 'Harmonis', 'Menghargai setiap orang apa pun latar belakangnya; suka menolong orang lain; menjaga suasana kerja yang kondusif.', 4, 'SE MenPANRB 20/2021; PermenPANRB 6/2022', '?', 'Rumusan panduan perilaku belum diperiksa dengan teks SE [?].'),
('d49a6daf-6386-5234-8a45-658f7b0ee200', 'LOYAL', 'Loyal', 'Memegang teguh Pancasila, UUD 1945, NKRI, dan pemerintahan yang sah; menjaga nama baik sesama ASN, pimpinan, instansi, dan negara; menjaga rahasia jabatan dan negara.', 5, 'SE MenPANRB 20/2021; PermenPANRB 6/2022', '?', 'Rumusan panduan perilaku belum diperiksa dengan teks SE [?].'),
('25bd6aa2-769f-5c7d-9002-e9f48344acdc', 'ADAPTIF', 'Adaptif', 'Cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan mengembangkan kreativitas; bertindak proaktif.', 6, 'SE MenPANRB 20/2021; PermenPANRB 6/2022', '?', 'Rumusan panduan perilaku belum diperiksa dengan teks SE [?].'),
('fb107333-17f6-53be-bb13-a6ddf67fbabc', 'KOLABORATIF', 'Kolaboratif', 'Bersedia bekerja sama secara terbuka; memberi kesempatan kepada berbagai pihak untuk berkontribusi; menggerakkan berbagai sumber daya untuk tujuan bersama.', 7, 'SE MenPANRB 20/2021; PermenPANRB 6/2022', '?', 'Rumusan panduan perilaku belum diperiksa dengan teks SE [?].');

CREATE TABLE ref_hukuman_disiplin (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, tingkat TEXT, durasi_bulan INTEGER, potongan_persen INTEGER, menghambat_kp_kgb INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_hukuman_disiplin (id, kode, nama, tingkat, durasi_bulan, potongan_persen, menghambat_kp_kgb, urutan, dasar_hukum, status_fakta, catatan) VALUES
('6422cdbb-b2de-5d6b-890b-bb90646733c3', 'TEGURAN_LISAN', 'Teguran lisan', 'RINGAN', NULL, NULL, 0, 1, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan.'),
('dcfc9299-3865-511b-80a6-ca6b2e216970', 'TEGURAN_TERTULIS', 'Teguran tertulis', 'RINGAN', NULL, NULL, 0, 2, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan.'),
('f3bccdab-53fc-534c-b21b-f37a21c6d00a', 'PERNYATAAN_TIDAK_PUAS', 'Pernyataan tidak puas secara tertulis', 'RINGAN', NULL, NULL, 0, 3, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan.'),
('b3250eff-94ab-56f4-9c28-9e79815c2c6b', 'POTONGAN_TPP_6', 'Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan', 'SEDANG', 6, 25, 1, 4, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan. Di pemerintah daerah ''tunjangan kinerja'' biasanya berarti TPP [?].'),
('fc641b96-e835-55a3-94df-032acc0b0cc1', 'POTONGAN_TPP_9', 'Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan', 'SEDANG', 9, 25, 1, 5, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan. Di pemerintah daerah ''tunjangan kinerja'' biasanya berarti TPP [?].'),
('0ef9c3eb-febb-5945-9aaa-70448a6c12bc', 'POTONGAN_TPP_12', 'Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan', 'SEDANG', 12, 25, 1, 6, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan. Di pemerintah daerah ''tunjangan kinerja'' biasanya berarti TPP [?].'),
('259db5fa-843e-5bee-b7a3-d42c1229c03b', 'PENURUNAN_JABATAN', 'Penurunan jabatan setingkat lebih rendah selama 12 bulan', 'BERAT', 12, NULL, 1, 7, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan.'),
('03a58ae2-6602-5aa7-9947-0d74e5c7473e', 'PEMBEBASAN_JABATAN', 'Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan', 'BERAT', 12, NULL, 1, 8, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan.'),
('6e7ed00d-08c8-5329-9ab7-0411ee37e9b2', 'PDHTAPS', 'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS', 'BERAT', NULL, NULL, 1, 9, 'PP 94/2021 Ps. 8; Peraturan BKN 6/2022', 'P', 'menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan.');

CREATE TABLE ref_alpa_hukdis (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, hari_min INTEGER, hari_maks INTEGER, hukuman_kode TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_alpa_hukdis (id, kode, hari_min, hari_maks, hukuman_kode, urutan, dasar_hukum, status_fakta, catatan) VALUES
('b18ad404-f97d-5775-8dd2-b8ab41eb0304', '3-3', 3, 3, 'TEGURAN_LISAN', 1, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('2e12ca6a-a56c-5dd2-ac22-2332b6ead9c2', '4-6', 4, 6, 'TEGURAN_TERTULIS', 2, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('e5139014-957d-5f1b-ad2d-5d4a87ba423d', '7-10', 7, 10, 'PERNYATAAN_TIDAK_PUAS', 3, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('5611d610-e01f-5fdb-9cf8-f0e4d888f1b0', '11-13', 11, 13, 'POTONGAN_TPP_6', 4, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('e075b50d-325b-51fb-b235-c92f60534b42', '14-16', 14, 16, 'POTONGAN_TPP_9', 5, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('b1c1c7db-d187-598c-a82e-3b497fc00f77', '17-20', 17, 20, 'POTONGAN_TPP_12', 6, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('36767c2b-3ed5-5f02-9f6c-0802c0ab0245', '21-24', 21, 24, 'PENURUNAN_JABATAN', 7, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('85081ea2-c046-5d37-81ba-a9bda9833017', '25-27', 25, 27, 'PEMBEBASAN_JABATAN', 8, 'PP 94/2021 Ps. 9-11', 'V', NULL),
('b022b11a-6076-5e07-afdd-b6033d5f6551', '28-', 28, NULL, 'PDHTAPS', 9, 'PP 94/2021 Ps. 9-11', 'V', 'Terpisah dari tabel ini: 10 hari kerja berturut-turut tanpa alasan sah juga PDHTAPS (PP 94/2021 Ps. 15 ayat 2; Peraturan BKN 6/2022 Ps. 12).');

CREATE TABLE ref_jenis_cuti (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, lama_maks TEXT, lama_maks_hari INTEGER, syarat TEXT, berlaku_pppk INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_jenis_cuti (id, kode, nama, lama_maks, lama_maks_hari, syarat, berlaku_pppk, urutan, dasar_hukum, status_fakta, catatan) VALUES
('ed4f79bc-6d4a-5305-8bac-cb28f933110c', 'TAHUNAN', 'Cuti tahunan', '12 hari kerja per tahun', 12, 'PNS dan CPNS yang telah bekerja paling singkat 1 tahun secara terus-menerus. Paling sedikit 1 hari per permohonan. Sisa cuti dapat ditangguhkan paling banyak 6 hari ke tahun berikutnya; jika tidak diambil 2 tahun berturut-turut, paling banyak 24 hari termasuk cuti tahun berjalan.', 1, 1, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021; PP 49/2018', '?', 'Penangguhan sisa cuti [P]; pengurangan hak karena cuti bersama [?]. berlaku_pppk [?]: periksa PP 49/2018.'),
('61db9a0f-44cc-51c3-a037-61fcbaae45bd', 'BESAR', 'Cuti besar', 'Paling lama 3 bulan', NULL, 'Telah bekerja paling singkat 5 tahun secara terus-menerus (ibadah haji pertama dapat lebih awal). Menerima penghasilan penuh. Tidak berhak cuti tahunan pada tahun yang sama.', 0, 2, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', '?', 'berlaku_pppk [?]: periksa PP 49/2018.'),
('5d2ef78c-9b75-588b-a8ad-506de24804cf', 'SAKIT', 'Cuti sakit', 'Paling lama 1 tahun, dapat ditambah paling lama 6 bulan', NULL, 'Sakit 1 hari: memberi tahu atasan. Sampai 14 hari: surat keterangan dokter. Lebih dari 14 hari: surat keterangan dokter pemerintah. Setelah perpanjangan, diputuskan oleh tim penguji kesehatan. Gugur kandungan: paling lama 1,5 bulan.', 1, 3, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021; PP 49/2018', '?', 'Cuti gugur kandungan 1,5 bulan [P]. berlaku_pppk [?]: periksa PP 49/2018.'),
('6c38a58f-3211-59ee-af30-7a947deaa328', 'MELAHIRKAN', 'Cuti melahirkan', '3 bulan', NULL, 'Untuk kelahiran anak pertama sampai dengan ketiga. Kelahiran anak keempat dan seterusnya memakai cuti besar.', 1, 4, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021; PP 49/2018', '?', 'berlaku_pppk [?]: periksa PP 49/2018.'),
('78f5e2a4-6798-5c8e-a489-037a7b9833ef', 'ALASAN_PENTING', 'Cuti karena alasan penting', 'Paling lama 1 bulan', NULL, 'Anggota keluarga inti sakit keras atau meninggal dunia, melangsungkan perkawinan, istri melahirkan dengan operasi sesar, rumah tertimpa bencana, dan alasan penting lain. Lamanya ditetapkan oleh pejabat yang berwenang.', 0, 5, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', '?', 'berlaku_pppk [?]: periksa PP 49/2018.'),
('3c236f41-90f0-5b3a-aecf-1261f89a2836', 'BERSAMA', 'Cuti bersama', 'Ditetapkan setiap tahun oleh Pemerintah', NULL, 'Berlaku untuk semua pegawai.', 1, 6, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021; PP 49/2018', '?', 'Rincian cuti bersama [?]. berlaku_pppk [?]: periksa PP 49/2018.'),
('586dc8f4-c460-5ced-a7c6-6a0b0f6035db', 'CLTN', 'Cuti di luar tanggungan negara', 'Paling lama 3 tahun, dapat diperpanjang paling lama 1 tahun', NULL, 'Telah bekerja paling singkat 5 tahun, karena alasan pribadi yang mendesak. Tanpa penghasilan.', 0, 7, 'PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021', '?', 'Masa CLTN tidak dihitung sebagai masa kerja [?]; keterlibatan BKN [?]. berlaku_pppk [?]: periksa PP 49/2018.');

CREATE TABLE ref_periode_kp (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, bulan INTEGER, berlaku_mulai TEXT, berlaku_sampai TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_periode_kp (id, kode, bulan, berlaku_mulai, berlaku_sampai, urutan, dasar_hukum, status_fakta, catatan) VALUES
('4ec09777-0fb2-5390-ada7-d2d6b1ca8487', '1900-01-01|4', 4, '1900-01-01', '2023-12-31', 1, 'PP 99/2000 jo PP 12/2002', 'V', 'berlaku_mulai 1900-01-01 adalah batas bawah teknis agar riwayat lama tetap sah, bukan tanggal peraturan.'),
('bb65a715-8ccd-5912-b496-188114590672', '1900-01-01|10', 10, '1900-01-01', '2023-12-31', 2, 'PP 99/2000 jo PP 12/2002', 'V', 'berlaku_mulai 1900-01-01 adalah batas bawah teknis agar riwayat lama tetap sah, bukan tanggal peraturan.'),
('195bbb29-0015-5ec2-9e35-80a64be08a32', '2024-01-01|2', 2, '2024-01-01', NULL, 3, 'Peraturan BKN 4/2023 Ps. 2', 'V', 'Tidak berlaku untuk KP anumerta dan KP pengabdian.'),
('c6cb278b-0082-5d16-a9fd-f416d06b794f', '2024-01-01|4', 4, '2024-01-01', NULL, 4, 'Peraturan BKN 4/2023 Ps. 2', 'V', 'Tidak berlaku untuk KP anumerta dan KP pengabdian.'),
('a7f722be-90eb-5a69-88e1-6105e010bab2', '2024-01-01|6', 6, '2024-01-01', NULL, 5, 'Peraturan BKN 4/2023 Ps. 2', 'V', 'Tidak berlaku untuk KP anumerta dan KP pengabdian.'),
('01cd244d-05b9-59cb-a447-c38c06f2b4d7', '2024-01-01|8', 8, '2024-01-01', NULL, 6, 'Peraturan BKN 4/2023 Ps. 2', 'V', 'Tidak berlaku untuk KP anumerta dan KP pengabdian.'),
('3c02c275-ac14-5b52-b89b-6d7e75fea69b', '2024-01-01|10', 10, '2024-01-01', NULL, 7, 'Peraturan BKN 4/2023 Ps. 2', 'V', 'Tidak berlaku untuk KP anumerta dan KP pengabdian.'),
('55194e66-512f-515e-b255-dfd1ead7342e', '2024-01-01|12', 12, '2024-01-01', NULL, 8, 'Peraturan BKN 4/2023 Ps. 2', 'V', 'Tidak berlaku untuk KP anumerta dan KP pengabdian.');

CREATE TABLE ref_status_kepegawaian (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, jenis_asn TEXT, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_status_kepegawaian (id, kode, nama, jenis_asn, urutan, dasar_hukum, status_fakta, catatan) VALUES
('37c33e75-5b71-5a5f-9c16-cea1d733151f', 'CPNS', 'Calon Pegawai Negeri Sipil', 'PNS', 1, 'UU 20/2023; PP 11/2017 jo PP 17/2020', 'V', NULL),
('b5cd2770-439f-5804-b299-5e4ed8cdfce8', 'PNS', 'Pegawai Negeri Sipil', 'PNS', 2, 'UU 20/2023; PP 11/2017 jo PP 17/2020', 'V', NULL),
('6fe74b5f-b87c-5804-ac37-9cc582b21285', 'PPPK', 'Pegawai Pemerintah dengan Perjanjian Kerja', 'PPPK', 3, 'UU 20/2023; PP 49/2018', 'V', 'PPPK paruh waktu belum dibedakan; tambahkan baris bila diperlukan.');

CREATE TABLE ref_kedudukan (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, nama TEXT, aktif INTEGER, urutan INTEGER, dasar_hukum TEXT, status_fakta TEXT, catatan TEXT, deleted INTEGER NOT NULL DEFAULT 0);
INSERT INTO ref_kedudukan (id, kode, nama, aktif, urutan, dasar_hukum, status_fakta, catatan) VALUES
('1a01699c-0ba8-53c1-ac2c-7f5709ecef00', 'AKTIF', 'Aktif', 1, 1, 'UU 20/2023; PP 11/2017 jo PP 17/2020; PP 15/1979', 'P', 'Klasifikasi aplikasi; CLTN dicatat sebagai cuti, bukan kedudukan.'),
('6bfc7a96-49cf-52d4-bd6f-a8a2fb2a3204', 'PENSIUN', 'Pensiun', 0, 2, 'UU 20/2023; PP 11/2017 jo PP 17/2020; PP 15/1979', 'P', 'Klasifikasi aplikasi; CLTN dicatat sebagai cuti, bukan kedudukan.'),
('4b567ad3-ab3f-5024-b1a7-4de6cc3eacbb', 'MENINGGAL', 'Meninggal dunia', 0, 3, 'UU 20/2023; PP 11/2017 jo PP 17/2020; PP 15/1979', 'P', 'Klasifikasi aplikasi; CLTN dicatat sebagai cuti, bukan kedudukan.'),
('860b3e7c-8e7e-5fdf-8ca9-07526ce8f5c7', 'PINDAH', 'Pindah instansi', 0, 4, 'UU 20/2023; PP 11/2017 jo PP 17/2020; PP 15/1979', 'P', 'Klasifikasi aplikasi; CLTN dicatat sebagai cuti, bukan kedudukan.'),
('2266832c-54c3-5365-a9f7-e2becf7901e4', 'BERHENTI', 'Diberhentikan', 0, 5, 'UU 20/2023; PP 11/2017 jo PP 17/2020; PP 15/1979', 'P', 'Klasifikasi aplikasi; CLTN dicatat sebagai cuti, bukan kedudukan.');
