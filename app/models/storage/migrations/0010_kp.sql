-- Migration 10: kenaikan pangkat per period (asn-rules 5; issue 8 item 6). The list of who is
-- due comes from the records (app/models/rekap.nominatif_kp); this table keeps what the clerk
-- did with it: the proposal (usulan), the BKN technical approval (pertek) and the decree (SK).
-- The rules are in app/models/kp.py.
--
-- Replicated (text id + deleted flag, written only through the write path). One proposal per
-- employee per period: id = natural_id('kp_usulan', pegawai_id, periode), so that two
-- installations proposing the same person meet as one row.
-- status: USUL -> PERTEK -> TERBIT; BATAL withdraws a proposal that has no SK yet.

CREATE TABLE kp_usulan (
    id TEXT PRIMARY KEY,
    pegawai_id TEXT NOT NULL REFERENCES pegawai (id) DEFERRABLE INITIALLY DEFERRED,
    periode TEXT NOT NULL,          -- 'YYYY-MM', a KP period (ref_periode_kp)
    jenis TEXT NOT NULL CHECK (jenis IN ('REGULER', 'PILIHAN')),
    golongan_lama TEXT NOT NULL,    -- ref_golongan.kode at the time of the proposal
    golongan_baru TEXT NOT NULL,    -- ref_golongan.kode proposed
    tmt_baru TEXT NOT NULL,         -- ISO date: the 1st of the period month
    status TEXT NOT NULL DEFAULT 'USUL' CHECK (status IN ('USUL', 'PERTEK', 'TERBIT', 'BATAL')),
    nomor_pertek TEXT,
    tanggal_pertek TEXT,            -- ISO date
    register_id TEXT REFERENCES register_dokumen (id) DEFERRABLE INITIALLY DEFERRED,  -- the SK
    catatan TEXT,                   -- the eligibility notes when proposed, or why withdrawn
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kp_usulan_periode ON kp_usulan (periode, status);
CREATE INDEX kp_usulan_pegawai ON kp_usulan (pegawai_id);
