-- Migration 9: selection for leadership posts (seleksi terbuka JPT, administrator, pengawas),
-- committee scoring on the members' own installations (asn-rules 6; design/sync.md "Committee
-- scoring"). The rules are in app/models/seleksi.py, the sealed sheets in app/models/lembar.py.
--
-- Replicated tables (text id + deleted flag, written only through the write path). Rows two
-- installations could create for the same logical record have UUIDv5 ids of their natural key
-- (app/models/reference.natural_id): a score is natural_id('nilai', seleksi, anggota, kandidat,
-- kriteria), a sealed sheet natural_id('lembar', seleksi, anggota, tahap), a conflict
-- declaration natural_id('konflik', seleksi, anggota, kandidat). Decimal numbers (weights,
-- scales, scores) are stored as TEXT in canonical decimal form, never as floats.

CREATE TABLE seleksi (
    id TEXT PRIMARY KEY,
    judul TEXT NOT NULL,
    jabatan_id TEXT REFERENCES jabatan (id) DEFERRABLE INITIALLY DEFERRED,
    nama_jabatan TEXT NOT NULL,     -- as announced (kept if the position is renamed)
    jenis TEXT NOT NULL CHECK (jenis IN ('JPT_TERBUKA', 'ADMINISTRATOR', 'PENGAWAS')),
    status TEXT NOT NULL DEFAULT 'persiapan'
        CHECK (status IN ('persiapan', 'pendaftaran', 'penilaian', 'selesai', 'batal')),
    -- requirements (NULL / 0 = not required); each editable per selection
    syarat_golongan_min TEXT,       -- ref_golongan.kode
    syarat_pendidikan_min TEXT,     -- ref_pendidikan.kode
    syarat_tahun_jabatan INTEGER,   -- years in the current position
    syarat_tahun_pangkat INTEGER,   -- years in the current rank
    syarat_usia_maks INTEGER,       -- age on the reference date, at most
    syarat_predikat_baik INTEGER NOT NULL DEFAULT 1,  -- predikat >= Baik the last two years
    syarat_bebas_hukdis INTEGER NOT NULL DEFAULT 1,   -- no discipline penalty in force
    tanggal_acuan TEXT,             -- the date the requirements are checked on (ISO)
    pendaftaran_mulai TEXT,
    pendaftaran_selesai TEXT,
    aturan_seri TEXT NOT NULL DEFAULT 'bobot',  -- tie-break rule, see seleksi.ATURAN_SERI
    min_pelamar INTEGER NOT NULL DEFAULT 3,
    kuorum_catatan TEXT,            -- the chair's note that the sheets in hand are enough
    kuorum_oleh TEXT,
    kuorum_waktu TEXT,
    dibuat TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE seleksi_tahap (
    id TEXT PRIMARY KEY,
    seleksi_id TEXT NOT NULL REFERENCES seleksi (id) DEFERRABLE INITIALLY DEFERRED,
    urutan INTEGER NOT NULL,
    nama TEXT NOT NULL,
    bobot TEXT NOT NULL,            -- percent, decimal text; all stages of a selection sum to 100
    dilaksanakan INTEGER NOT NULL DEFAULT 1,  -- 0: the stage was not held (weights renormalised)
    tanggal TEXT,                   -- schedule (ISO date)
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seleksi_tahap_seleksi ON seleksi_tahap (seleksi_id, urutan);

CREATE TABLE seleksi_kriteria (
    id TEXT PRIMARY KEY,
    seleksi_id TEXT NOT NULL REFERENCES seleksi (id) DEFERRABLE INITIALLY DEFERRED,
    tahap_id TEXT NOT NULL REFERENCES seleksi_tahap (id) DEFERRABLE INITIALLY DEFERRED,
    urutan INTEGER NOT NULL,
    nama TEXT NOT NULL,
    skala_min TEXT NOT NULL,        -- decimal text
    skala_maks TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seleksi_kriteria_tahap ON seleksi_kriteria (tahap_id, urutan);

-- The committee: KETUA, SEKRETARIS, ANGGOTA. `menilai` = scores candidates (the chair and the
-- members by default). `kunci_tanda` = the member installation's Ed25519 verify key (base64),
-- given at set-up or pinned by the first sealed sheet imported.
CREATE TABLE seleksi_panitia (
    id TEXT PRIMARY KEY,
    seleksi_id TEXT NOT NULL REFERENCES seleksi (id) DEFERRABLE INITIALLY DEFERRED,
    nama TEXT NOT NULL,
    peran TEXT NOT NULL CHECK (peran IN ('KETUA', 'SEKRETARIS', 'ANGGOTA')),
    unsur TEXT,                     -- INTERNAL / EKSTERNAL
    pegawai_id TEXT REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    menilai INTEGER NOT NULL DEFAULT 1,
    kunci_tanda TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seleksi_panitia_seleksi ON seleksi_panitia (seleksi_id);

CREATE TABLE seleksi_pelamar (
    id TEXT PRIMARY KEY,
    seleksi_id TEXT NOT NULL REFERENCES seleksi (id) DEFERRABLE INITIALLY DEFERRED,
    nomor INTEGER NOT NULL,         -- registration number (order of registration)
    pegawai_id TEXT REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,  -- NULL: external
    nama TEXT NOT NULL,
    nip TEXT,
    instansi_asal TEXT,
    -- external applicants: entered by hand; internal: read from the registry at screening
    golongan_kode TEXT,
    pendidikan_kode TEXT,
    tanggal_lahir TEXT,
    tmt_jabatan TEXT,
    tmt_golongan TEXT,
    predikat_1 TEXT,                -- ref_predikat.kode, last year
    predikat_2 TEXT,                -- the year before
    hukdis_berlaku INTEGER NOT NULL DEFAULT 0,
    override_lulus INTEGER,         -- NULL: the screening decides; 0/1: the secretariat's decision
    override_alasan TEXT,
    override_oleh TEXT,
    override_waktu TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seleksi_pelamar_seleksi ON seleksi_pelamar (seleksi_id, nomor);

CREATE TABLE seleksi_konflik (
    id TEXT PRIMARY KEY,            -- natural_id('konflik', seleksi, anggota, kandidat)
    seleksi_id TEXT NOT NULL REFERENCES seleksi (id) DEFERRABLE INITIALLY DEFERRED,
    anggota_id TEXT NOT NULL REFERENCES seleksi_panitia (id) DEFERRABLE INITIALLY DEFERRED,
    pelamar_id TEXT NOT NULL REFERENCES seleksi_pelamar (id) DEFERRABLE INITIALLY DEFERRED,
    alasan TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seleksi_konflik_seleksi ON seleksi_konflik (seleksi_id);

-- A sealed sheet of one member for one stage, as imported by the secretariat.
CREATE TABLE seleksi_lembar (
    id TEXT PRIMARY KEY,            -- natural_id('lembar', seleksi, anggota, tahap)
    seleksi_id TEXT NOT NULL REFERENCES seleksi (id) DEFERRABLE INITIALLY DEFERRED,
    anggota_id TEXT NOT NULL REFERENCES seleksi_panitia (id) DEFERRABLE INITIALLY DEFERRED,
    tahap_id TEXT NOT NULL REFERENCES seleksi_tahap (id) DEFERRABLE INITIALLY DEFERRED,
    disegel TEXT NOT NULL,          -- UTC instant of sealing (from the sheet)
    diimpor TEXT NOT NULL,          -- UTC instant of the import
    sidik TEXT NOT NULL,            -- SHA-256 of the signed content
    kunci_tanda TEXT NOT NULL,      -- base64 verify key that signed it
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seleksi_lembar_seleksi ON seleksi_lembar (seleksi_id);

-- Scores from sealed sheets only (drafts stay on the member's installation, lokal_ tables).
CREATE TABLE seleksi_nilai (
    id TEXT PRIMARY KEY,            -- natural_id('nilai', seleksi, anggota, kandidat, kriteria)
    seleksi_id TEXT NOT NULL REFERENCES seleksi (id) DEFERRABLE INITIALLY DEFERRED,
    anggota_id TEXT NOT NULL REFERENCES seleksi_panitia (id) DEFERRABLE INITIALLY DEFERRED,
    pelamar_id TEXT NOT NULL REFERENCES seleksi_pelamar (id) DEFERRABLE INITIALLY DEFERRED,
    kriteria_id TEXT NOT NULL REFERENCES seleksi_kriteria (id) DEFERRABLE INITIALLY DEFERRED,
    nilai TEXT NOT NULL,            -- decimal text on the criterion's own scale
    catatan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX seleksi_nilai_seleksi ON seleksi_nilai (seleksi_id, pelamar_id);

-- Member installation (local only): the scoring packages opened here and the draft scores.
-- Drafts never leave this installation; sealing writes the signed sheet file.
CREATE TABLE lokal_paket_nilai (
    paket_id TEXT PRIMARY KEY,
    isi TEXT NOT NULL,              -- the package JSON as received (signed by the secretariat)
    dibuka TEXT NOT NULL,
    disegel TEXT,                   -- UTC instant of sealing (read-only from then on)
    lembar TEXT                     -- the sealed sheet JSON (signed), once sealed
);

CREATE TABLE lokal_draf_nilai (
    paket_id TEXT NOT NULL REFERENCES lokal_paket_nilai (paket_id),
    pelamar_id TEXT NOT NULL,
    kriteria_id TEXT NOT NULL,
    nilai TEXT,
    catatan TEXT,
    diubah TEXT NOT NULL,
    PRIMARY KEY (paket_id, pelamar_id, kriteria_id)
);
