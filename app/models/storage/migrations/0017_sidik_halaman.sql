-- Verification that looks at the page (issue 12, item 3): every issued file keeps a fingerprint
-- of each page as it renders (app/reports/pdf/verification.py: page_prints, encode_prints) and
-- the issuing installation's signature of everything verification reads from the row. Both are
-- null for files issued before this version: those are still compared by their text, and the
-- answer says so. Replicated with the rest of the row (naskah_dokumen travels).
ALTER TABLE naskah_dokumen ADD COLUMN sidik_halaman TEXT;
ALTER TABLE naskah_dokumen ADD COLUMN tanda_terbit TEXT;
