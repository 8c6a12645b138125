-- Migration 1: the base schema.
--
-- Two kinds of table:
--   * replicated tables: a text UUID primary key `id` and a `deleted` flag (0/1). Every change to
--     them goes through the one write path (app/models/store.py), which records it as a batch of
--     field-level operations for sync and writes an audit entry. Never write to them directly.
--   * local tables (prefix `lokal_`, plus the derived `pegawai_ringkas` and `pegawai_fts`): state of
--     this installation only (identity, change log, audit, derived caches). They never travel.
--
-- Dates are ISO `YYYY-MM-DD` text, instants UTC ISO text, money integer rupiah.
-- Reference tables (`ref_*`) are created and seeded by app/models/reference.py in this same
-- migration: see that module.

-- ---------------------------------------------------------------------------------------------
-- Local state of this installation

CREATE TABLE lokal_meta (
    kunci TEXT PRIMARY KEY,
    nilai TEXT NOT NULL
);  -- node_id, nama_instalasi, hlc_wall, hlc_counter, dibuat

CREATE TABLE lokal_migrasi (
    versi INTEGER PRIMARY KEY,
    nama TEXT NOT NULL,
    diterapkan TEXT NOT NULL
);

-- The change log: one row per batch (one local transaction, or a part of a very large one).
-- `ops` is zlib-compressed JSON: [[table, row_id, {column: value, ...}], ...]; a deletion is a
-- write of deleted=1. `vv` is the origin's version vector when the batch was made (JSON object
-- node_id -> highest contiguous seq seen). `hash` is SHA-256 over the canonical batch content;
-- `signature` is filled when the origin signs it (sync issue).
CREATE TABLE lokal_batch (
    origin TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    vv TEXT NOT NULL,
    ops BLOB NOT NULL,
    op_count INTEGER NOT NULL,
    hash TEXT NOT NULL,
    signature BLOB,
    schema_version INTEGER NOT NULL,
    actor TEXT NOT NULL,
    diterima TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

-- What this installation has applied, per origin: highest contiguous sequence number.
CREATE TABLE lokal_versi (
    origin TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
);

-- Audit trail: who did what, when. Changes point at their batch, which holds the field detail.
CREATE TABLE lokal_audit (
    no INTEGER PRIMARY KEY,
    waktu TEXT NOT NULL,
    aktor TEXT NOT NULL,
    aksi TEXT NOT NULL,
    tabel TEXT,
    record_id TEXT,
    jumlah INTEGER NOT NULL DEFAULT 0,
    batch_origin TEXT,
    batch_seq INTEGER,
    keterangan TEXT
);
CREATE INDEX lokal_audit_waktu ON lokal_audit (waktu);
CREATE INDEX lokal_audit_record ON lokal_audit (record_id);

-- ---------------------------------------------------------------------------------------------
-- Replicated: agency settings that belong to the data (agency name, city, ...)

CREATE TABLE pengaturan (
    id TEXT PRIMARY KEY,            -- uuid5 of the key, so two installations meet as one row
    kunci TEXT NOT NULL UNIQUE,
    nilai TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);

-- ---------------------------------------------------------------------------------------------
-- Replicated: organisation

CREATE TABLE unit_organisasi (
    id TEXT PRIMARY KEY,
    induk_id TEXT REFERENCES unit_organisasi (id) DEFERRABLE INITIALLY DEFERRED,
    kode TEXT,
    nama TEXT NOT NULL,
    singkatan TEXT,
    jenis TEXT NOT NULL,            -- OPD, SEKRETARIAT, BIDANG, BAGIAN, SUBBAGIAN, SEKSI, UPT,
                                    -- KECAMATAN, KELURAHAN, SEKOLAH, PUSKESMAS
    eselon_kode TEXT,               -- eselon of the head of this unit (legacy, may be null)
    urutan INTEGER NOT NULL DEFAULT 0,
    alamat TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX unit_organisasi_induk ON unit_organisasi (induk_id);

-- A position (jabatan) in a unit with its formation (number of seats).
CREATE TABLE jabatan (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES unit_organisasi (id) DEFERRABLE INITIALLY DEFERRED,
    nama TEXT NOT NULL,
    jenis_kode TEXT NOT NULL,       -- ref_jenis_jabatan.kode: JPT, JA, JF
    jenjang_kode TEXT NOT NULL,     -- ref_jenjang_jabatan.kode: JPT_PRATAMA, ADMINISTRATOR, ...
    eselon_kode TEXT,               -- ref_eselon.kode, structural posts only
    kelas_jabatan INTEGER,          -- 1..17
    kebutuhan INTEGER NOT NULL DEFAULT 1,   -- formation: number of seats
    gol_min_kode TEXT,              -- required minimum golongan (ref_golongan.kode)
    pendidikan_min_kode TEXT,       -- required minimum education (ref_pendidikan.kode)
    atasan_jabatan_id TEXT REFERENCES jabatan (id) DEFERRABLE INITIALLY DEFERRED,
    bup_tahun INTEGER,              -- retirement age override for this JF (e.g. guru 60), else null
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX jabatan_unit ON jabatan (unit_id);

-- ---------------------------------------------------------------------------------------------
-- Replicated: employees (PNS and PPPK) and their histories

CREATE TABLE pegawai (
    id TEXT PRIMARY KEY,
    jenis_asn TEXT NOT NULL CHECK (jenis_asn IN ('PNS', 'PPPK')),
    nip TEXT NOT NULL,              -- 18 digits: NIP (PNS) or NI PPPK
    nip_lama TEXT,                  -- old 9-digit NIP, when known
    nik TEXT,                       -- 16 digits
    nama TEXT NOT NULL,             -- without titles
    gelar_depan TEXT,               -- e.g. "dr.", "Ir.", "Drs."
    gelar_belakang TEXT,            -- e.g. "S.Kom., M.Si."
    tempat_lahir TEXT,
    tanggal_lahir TEXT NOT NULL,
    jenis_kelamin TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
    agama_kode TEXT,                -- ref_agama.kode
    status_kepegawaian TEXT NOT NULL, -- CPNS, PNS, PPPK
    kedudukan TEXT NOT NULL DEFAULT 'AKTIF', -- AKTIF, PENSIUN, MENINGGAL, PINDAH, BERHENTI
    tmt_kedudukan TEXT,
    tmt_cpns TEXT,                  -- PNS; for PPPK: start of the contract
    tmt_pns TEXT,
    alamat TEXT,
    telepon TEXT,
    email TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pegawai_nip ON pegawai (nip);

CREATE TABLE riwayat_pangkat (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    golongan_kode TEXT NOT NULL,    -- ref_golongan.kode: 'III/a' (PNS) or 'IX' (PPPK)
    tmt TEXT NOT NULL,
    jenis TEXT,                     -- CPNS, PNS, REGULER, PILIHAN, PENYESUAIAN_IJAZAH, PPPK, ...
    mk_tahun INTEGER,               -- masa kerja golongan at the TMT
    mk_bulan INTEGER,
    nomor_sk TEXT,
    tanggal_sk TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX riwayat_pangkat_pegawai ON riwayat_pangkat (pegawai_id);

CREATE TABLE riwayat_jabatan (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    jabatan_id TEXT REFERENCES jabatan (id) DEFERRABLE INITIALLY DEFERRED,
    nama_jabatan TEXT NOT NULL,     -- as written on the SK (kept even if the position is renamed)
    jenis_kode TEXT NOT NULL,
    jenjang_kode TEXT,
    eselon_kode TEXT,
    unit_id TEXT REFERENCES unit_organisasi (id) DEFERRABLE INITIALLY DEFERRED,
    tmt TEXT NOT NULL,
    alasan TEXT,                    -- PENGANGKATAN, MUTASI, PROMOSI, PENYETARAAN, ...
    nomor_sk TEXT,
    tanggal_sk TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX riwayat_jabatan_pegawai ON riwayat_jabatan (pegawai_id);

CREATE TABLE riwayat_pendidikan (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    tingkat_kode TEXT NOT NULL,     -- ref_pendidikan.kode
    jurusan TEXT,
    institusi TEXT,
    tahun_lulus INTEGER,
    nomor_ijazah TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX riwayat_pendidikan_pegawai ON riwayat_pendidikan (pegawai_id);

CREATE TABLE riwayat_diklat (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    jenis TEXT NOT NULL,            -- LATSAR, STRUKTURAL, FUNGSIONAL, TEKNIS, SEMINAR, ...
    nama TEXT NOT NULL,
    penyelenggara TEXT,
    tanggal_mulai TEXT,
    tanggal_selesai TEXT,
    jam_pelajaran INTEGER,
    nomor_sertifikat TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX riwayat_diklat_pegawai ON riwayat_diklat (pegawai_id);

CREATE TABLE riwayat_hukdis (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    hukuman_kode TEXT NOT NULL,     -- ref_hukuman_disiplin.kode
    nomor_sk TEXT,
    tanggal_sk TEXT,
    tmt_mulai TEXT NOT NULL,
    tmt_selesai TEXT,
    alasan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX riwayat_hukdis_pegawai ON riwayat_hukdis (pegawai_id);

-- One predikat per employee per year: id = uuid5 of (pegawai_id, tahun), so two installations
-- entering the same year meet as one row.
CREATE TABLE riwayat_skp (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    tahun INTEGER NOT NULL,
    rating_hasil TEXT,              -- ref_rating.kode: ATAS, SESUAI, BAWAH
    rating_perilaku TEXT,
    predikat_kode TEXT NOT NULL,    -- ref_predikat.kode
    penilai_nama TEXT,
    penilai_nip TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX riwayat_skp_pegawai ON riwayat_skp (pegawai_id);

CREATE TABLE riwayat_kgb (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    tmt TEXT NOT NULL,
    golongan_kode TEXT NOT NULL,
    mk_tahun INTEGER,
    mk_bulan INTEGER,
    gaji_pokok INTEGER,             -- rupiah
    nomor_sk TEXT,
    tanggal_sk TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX riwayat_kgb_pegawai ON riwayat_kgb (pegawai_id);

-- ---------------------------------------------------------------------------------------------
-- Derived and local: one row per employee with the current rank, position and unit, kept up to
-- date by the write path after every batch (and rebuilt by `merit check --perbaiki`). The browser
-- pages rows from here; FTS5 indexes name and NIP.

CREATE TABLE pegawai_ringkas (
    rowid INTEGER PRIMARY KEY,
    pegawai_id TEXT NOT NULL UNIQUE,
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    nama_lengkap TEXT NOT NULL,     -- with titles
    nama_urut TEXT NOT NULL,        -- lower-case name for sorting
    jenis_asn TEXT NOT NULL,
    status_kepegawaian TEXT NOT NULL,
    kedudukan TEXT NOT NULL,
    jenis_kelamin TEXT NOT NULL,
    tanggal_lahir TEXT NOT NULL,
    golongan_kode TEXT,
    golongan_urutan INTEGER,
    tmt_golongan TEXT,
    jabatan_nama TEXT,
    jenis_jabatan_kode TEXT,
    jenjang_kode TEXT,
    tmt_jabatan TEXT,
    unit_id TEXT,
    unit_nama TEXT,
    opd_id TEXT,
    opd_nama TEXT,
    pendidikan_kode TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pegawai_ringkas_nama ON pegawai_ringkas (deleted, nama_urut);
CREATE INDEX pegawai_ringkas_nip ON pegawai_ringkas (nip);
CREATE INDEX pegawai_ringkas_opd ON pegawai_ringkas (opd_id, nama_urut);
CREATE INDEX pegawai_ringkas_unit ON pegawai_ringkas (unit_id);
CREATE INDEX pegawai_ringkas_gol ON pegawai_ringkas (golongan_urutan);

CREATE VIRTUAL TABLE pegawai_fts USING fts5 (
    nama_lengkap, nip,
    content = 'pegawai_ringkas', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER pegawai_ringkas_ai AFTER INSERT ON pegawai_ringkas BEGIN
    INSERT INTO pegawai_fts (rowid, nama_lengkap, nip) VALUES (new.rowid, new.nama_lengkap, new.nip);
END;
CREATE TRIGGER pegawai_ringkas_ad AFTER DELETE ON pegawai_ringkas BEGIN
    INSERT INTO pegawai_fts (pegawai_fts, rowid, nama_lengkap, nip)
        VALUES ('delete', old.rowid, old.nama_lengkap, old.nip);
END;
CREATE TRIGGER pegawai_ringkas_au AFTER UPDATE OF nama_lengkap, nip ON pegawai_ringkas BEGIN
    INSERT INTO pegawai_fts (pegawai_fts, rowid, nama_lengkap, nip)
        VALUES ('delete', old.rowid, old.nama_lengkap, old.nip);
    INSERT INTO pegawai_fts (rowid, nama_lengkap, nip) VALUES (new.rowid, new.nama_lengkap, new.nip);
END;
