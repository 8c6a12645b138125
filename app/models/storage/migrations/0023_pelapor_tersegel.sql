-- Migration 26: a confidential complainant's identity, sealed (issue 16; app/models/pengaduan/segel.py).
--
-- pengaduan_pelapor.sandi holds the identity of a RAHASIA complainant as an envelope sealed for
-- the installations that handle complaints (the roster kind 'integritas'); its nama, nik,
-- alamat, telepon and email stay NULL, so that no package carries them in the clear to an
-- installation without that right. Open (TERBUKA) complainants keep the plain columns.
-- Replicated with the rest of the row. Run only when the column is missing (steps._m0023), so
-- that a file whose version was set back re-applies it without harm.
ALTER TABLE pengaduan_pelapor ADD COLUMN sandi TEXT;
