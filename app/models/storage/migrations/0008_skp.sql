-- Migration 8: SKP, the performance appraisal of PermenPANRB 6/2022 (asn-rules 4).
--
-- Every table is replicated (text id + deleted flag, written only through the write path).
-- Ids that two installations could create for the same logical record are UUIDv5 of the natural
-- key (app/models/reference.natural_id): the period of a year, the SKP of an employee in a year,
-- the behaviour row of one BerAKHLAK value, a peer's answer on one value, a periodic evaluation.
-- The rules and the state machine are in app/models/skp.py.

-- The appraisal period of a year (jenis TAHUNAN, ke 0) and the periodic evaluations inside it
-- (TRIWULAN ke 1..4 or BULAN ke 1..12). `pola_periodik` on the annual row is the agency's
-- choice for that year: BULANAN or TRIWULANAN (asn-rules 4.1 [?]: each instansi chooses).
CREATE TABLE skp_periode (
    id TEXT PRIMARY KEY,            -- natural_id('skp_periode', tahun, jenis, ke)
    tahun INTEGER NOT NULL,
    jenis TEXT NOT NULL CHECK (jenis IN ('TAHUNAN', 'TRIWULAN', 'BULAN')),
    ke INTEGER NOT NULL DEFAULT 0,
    mulai TEXT NOT NULL,
    selesai TEXT NOT NULL,
    pola_periodik TEXT CHECK (pola_periodik IN ('BULANAN', 'TRIWULANAN')),
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_periode_tahun ON skp_periode (tahun, jenis, ke);

-- One SKP per employee per year: id = natural_id('skp', pegawai_id, tahun).
-- status: draft -> diajukan -> dinilai -> ditetapkan (terkunci = 1 once ditetapkan).
-- penilai_id / atasan_penilai_id are employees (pegawai.id): the pejabat penilai kinerja and
-- the atasan pejabat penilai (asn-rules 4.4).
CREATE TABLE skp (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    tahun INTEGER NOT NULL,
    jabatan_id TEXT,                -- the position when the plan was made (carry-forward)
    nama_jabatan TEXT,
    unit_id TEXT,                   -- the unit when the plan was made
    penilai_id TEXT REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    atasan_penilai_id TEXT REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'diajukan', 'dinilai', 'ditetapkan')),
    rating_hasil TEXT,              -- ref_rating.kode: ATAS, SESUAI, BAWAH
    rating_perilaku TEXT,
    predikat_kode TEXT,             -- ref_predikat.kode, from ref_matriks_predikat
    catatan_penilai TEXT,
    terkunci INTEGER NOT NULL DEFAULT 0 CHECK (terkunci IN (0, 1)),
    dibuat TEXT,                    -- UTC instants
    diajukan TEXT,
    dinilai TEXT,
    ditetapkan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_pegawai ON skp (pegawai_id, tahun);
CREATE INDEX skp_tahun ON skp (tahun, status);
CREATE INDEX skp_penilai ON skp (penilai_id, tahun);

-- Rencana hasil kerja (utama / tambahan), optionally supporting a result of the superior's SKP
-- ("rencana hasil kerja pimpinan yang diintervensi").
CREATE TABLE skp_hasil_kerja (
    id TEXT PRIMARY KEY,
    skp_id TEXT NOT NULL REFERENCES skp (id) DEFERRABLE INITIALLY DEFERRED,
    urutan INTEGER NOT NULL DEFAULT 0,
    jenis TEXT NOT NULL DEFAULT 'UTAMA' CHECK (jenis IN ('UTAMA', 'TAMBAHAN')),
    uraian TEXT NOT NULL,
    hasil_kerja_atasan_id TEXT REFERENCES skp_hasil_kerja (id) DEFERRABLE INITIALLY DEFERRED,
    umpan_balik TEXT,               -- the appraiser's feedback on this result
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_hasil_kerja_skp ON skp_hasil_kerja (skp_id);

-- Indicators of a result with target, realisation and the evidence note.
CREATE TABLE skp_indikator (
    id TEXT PRIMARY KEY,
    hasil_kerja_id TEXT NOT NULL REFERENCES skp_hasil_kerja (id) DEFERRABLE INITIALLY DEFERRED,
    urutan INTEGER NOT NULL DEFAULT 0,
    indikator TEXT NOT NULL,
    target TEXT,
    realisasi TEXT,
    bukti TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_indikator_hasil_kerja ON skp_indikator (hasil_kerja_id);

-- Perilaku kerja per BerAKHLAK value (ref_nilai_berakhlak.kode): the leader's specific
-- expectation and the appraiser's feedback. id = natural_id('skp_perilaku', skp_id, nilai_kode);
-- a row exists only once something was written for the value.
CREATE TABLE skp_perilaku (
    id TEXT PRIMARY KEY,
    skp_id TEXT NOT NULL REFERENCES skp (id) DEFERRABLE INITIALLY DEFERRED,
    nilai_kode TEXT NOT NULL,
    ekspektasi TEXT,
    umpan_balik TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_perilaku_skp ON skp_perilaku (skp_id);

-- Peer feedback (rekan kerja): one row per SKP, colleague and value; requested rows have an
-- empty text until the colleague answers. id = natural_id('skp_umpan_balik_rekan', skp_id,
-- rekan_id, nilai_kode).
CREATE TABLE skp_umpan_balik_rekan (
    id TEXT PRIMARY KEY,
    skp_id TEXT NOT NULL REFERENCES skp (id) DEFERRABLE INITIALLY DEFERRED,
    rekan_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    nilai_kode TEXT NOT NULL,
    umpan_balik TEXT,
    diminta TEXT NOT NULL,          -- UTC instant of the request
    dijawab TEXT,                   -- UTC instant of the answer
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_umpan_balik_rekan_skp ON skp_umpan_balik_rekan (skp_id);
CREATE INDEX skp_umpan_balik_rekan_rekan ON skp_umpan_balik_rekan (rekan_id);

-- Periodic evaluations (monthly or quarterly) inside the year: the appraiser's ratings.
-- id = natural_id('skp_evaluasi', skp_id, jenis, ke).
CREATE TABLE skp_evaluasi (
    id TEXT PRIMARY KEY,
    skp_id TEXT NOT NULL REFERENCES skp (id) DEFERRABLE INITIALLY DEFERRED,
    jenis TEXT NOT NULL CHECK (jenis IN ('TRIWULAN', 'BULAN')),
    ke INTEGER NOT NULL,
    rating_hasil TEXT,
    rating_perilaku TEXT,
    predikat_kode TEXT,
    catatan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_evaluasi_skp ON skp_evaluasi (skp_id);

-- The state history: who moved the SKP from which state to which, when, with what note.
CREATE TABLE skp_transisi (
    id TEXT PRIMARY KEY,
    skp_id TEXT NOT NULL REFERENCES skp (id) DEFERRABLE INITIALLY DEFERRED,
    aksi TEXT NOT NULL,             -- ajukan, nilai, kembalikan, tetapkan, buka_kembali
    dari TEXT NOT NULL,
    ke TEXT NOT NULL,
    pelaku TEXT NOT NULL,           -- user name (or 'sistem', 'cli:...')
    pelaku_pegawai_id TEXT,
    waktu TEXT NOT NULL,            -- UTC instant
    catatan TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX skp_transisi_skp ON skp_transisi (skp_id, waktu);

-- The distribution of predikat the agency expects (percent per predikat), set by the admin
-- through the write path. Empty until then: app/models/skp.py KURVA_AWAL is the default, the
-- pattern for an organisation rated "Baik" (asn-rules 4.5 [P]: most, at most 70%, Baik; some
-- Butuh Perbaikan and/or Kurang; the rest Sangat Baik or Sangat Kurang), a starting point for
-- the agency to set, not a regulation.
CREATE TABLE skp_kurva (
    id TEXT PRIMARY KEY,            -- natural_id('skp_kurva', predikat_kode)
    predikat_kode TEXT NOT NULL,
    persen INTEGER NOT NULL CHECK (persen BETWEEN 0 AND 100),
    deleted INTEGER NOT NULL DEFAULT 0
);
