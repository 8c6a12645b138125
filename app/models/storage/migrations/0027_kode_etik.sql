-- Migration 27: code-of-ethics cases (kode etik PNS, PP 42/2004; asn-rules 9).
--
-- * etik_pasal: the agency's code of ethics as data (points grouped as PP 42/2004 Ps. 8-12 and
--   the agency's own code), editable by the admin; the default points are seeded through the
--   write path on first use (app/models/etik/kasus.py KODE_BAWAAN, id = natural_id('etik_pasal',
--   kode)) so that they are in the change log like any replicated row.
-- * etik_kasus: one case (from a complaint, pengaduan_id, or opened directly); its finding
--   (TERBUKTI / TIDAK_TERBUKTI, pasal kodes breached), the moral sanction (TERTUTUP / TERBUKA,
--   PP 42/2004 Ps. 15 [?]), the decision letter, and the discipline case it recommended.
-- * etik_majelis: the members of the case's Majelis Kode Etik (KETUA, SEKRETARIS, ANGGOTA),
--   id = natural_id('etik_majelis', kasus_id, pegawai_id).
-- * etik_sidang: the hearings (date, attendance of the accused, summary).
-- * Idempotent (IF NOT EXISTS).

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
