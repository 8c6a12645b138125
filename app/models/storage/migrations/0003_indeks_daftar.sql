-- Migration 3: a covering index for the employee browser's default list (active employees by
-- name), so that the ordered keys of 100,000 employees come from the index alone.

CREATE INDEX pegawai_ringkas_kedudukan_nama ON pegawai_ringkas (deleted, kedudukan, nama_urut);
