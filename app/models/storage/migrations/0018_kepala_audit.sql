-- Migration 18: the audit trail's head is signed, and the heads other installations have seen
-- are kept (issue 12, item 4). Local tables: they never travel as rows (the heads travel in the
-- package manifest, each signed by its origin).

-- Heads (number and hash of the newest audit entry, signed by the origin's Ed25519 key) seen
-- per installation, this one included (as reported back by peers): the highest, and the lower
-- ones the origin has not yet confirmed its trail still holds. sumber: the installation whose
-- package brought it.
CREATE TABLE lokal_audit_kepala_peer (
    origin TEXT NOT NULL,
    urutan INTEGER NOT NULL,
    hash TEXT NOT NULL,
    tanda BLOB NOT NULL,
    sumber TEXT NOT NULL,
    diterima TEXT NOT NULL,
    PRIMARY KEY (origin, urutan)
) WITHOUT ROWID;

-- A head written before heads were signed is marked "lama:<no>:<hash>": accepted while it is
-- still exactly that head; the next audit entry signs the head.
INSERT INTO lokal_meta (kunci, nilai)
SELECT 'audit_kepala_tanda', 'lama:' || nilai FROM lokal_meta WHERE kunci = 'audit_kepala'
ON CONFLICT (kunci) DO NOTHING;
