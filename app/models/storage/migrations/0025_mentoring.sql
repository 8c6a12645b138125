-- Migration 25: mentoring (issue 15 item 6; asn-rules 8).
--
-- Idempotent (IF NOT EXISTS): a file set back to an older version re-applies it.
--
-- Replicated tables (text id + deleted flag, written only through the write path; rules in
-- app/models/kompetensi/mentor.py and app/models/rules/mentor.py). Both carry pegawai_id = the
-- mentee, so that a unit operator's right (kompetensi.ubah) is checked against the mentee's
-- unit by the write path.
--   kompetensi_mentor            a mentor-mentee pair: period, goals, status AKTIF -> SELESAI
--                                (or BATAL)
--   kompetensi_mentor_pertemuan  a meeting of a pair: date, topic, notes, follow-up

CREATE TABLE IF NOT EXISTS kompetensi_mentor (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    mentor_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    mulai TEXT NOT NULL,            -- ISO date
    selesai TEXT,                   -- ISO date: planned end, then the actual end
    tujuan TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'AKTIF' CHECK (status IN ('AKTIF', 'SELESAI', 'BATAL')),
    catatan TEXT,                   -- the closing note
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS kompetensi_mentor_pegawai ON kompetensi_mentor (pegawai_id, status);
CREATE INDEX IF NOT EXISTS kompetensi_mentor_mentor ON kompetensi_mentor (mentor_id, status);

CREATE TABLE IF NOT EXISTS kompetensi_mentor_pertemuan (
    id TEXT PRIMARY KEY,
    mentor_pasangan_id TEXT NOT NULL REFERENCES kompetensi_mentor (id) DEFERRABLE INITIALLY DEFERRED,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    tanggal TEXT NOT NULL,
    topik TEXT NOT NULL,
    catatan TEXT,
    tindak_lanjut TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS kompetensi_mentor_pertemuan_pasangan
    ON kompetensi_mentor_pertemuan (mentor_pasangan_id, tanggal);
