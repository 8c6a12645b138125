-- Migration 24: an applicant added from the talent pool (issue 15 item 7).
--
-- The secretariat may add the successors the talent pool suggests for the selection's key post
-- (app.models.seleksi.saran) as applicants in one action. The applicant row then says so
-- (dari_talenta = 1), with what the pool said at that moment (rank among the successors, box
-- and readiness), so that the committee sees which candidates came from the pool and why,
-- even after the box moves. Nothing filters on it: every applicant stays on the list.
ALTER TABLE seleksi_pelamar ADD COLUMN dari_talenta INTEGER NOT NULL DEFAULT 0;
ALTER TABLE seleksi_pelamar ADD COLUMN talenta_peringkat INTEGER;  -- rank among the successors
ALTER TABLE seleksi_pelamar ADD COLUMN talenta_kotak INTEGER;      -- 9-box number (1-9)
ALTER TABLE seleksi_pelamar ADD COLUMN talenta_kesiapan TEXT;      -- readiness as shown (name)
