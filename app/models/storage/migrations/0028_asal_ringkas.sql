-- Migration 28: the creators of rows (lokal_asal_baris, migration 4) in a compact form (issue 20).
-- A row id that is a UUID in its canonical text (lowercase, with hyphens) is kept as its 16 bytes,
-- any other id as its text; the table as a 31-bit number derived from its name (CRC-32), instead
-- of the name. The rows are copied by m0028_asal.py; this file holds the new table only.
CREATE TABLE lokal_asal_baris_ringkas (
    row_id NOT NULL,                    -- 16 bytes (a canonical UUID) or the id's text
    tabel INTEGER NOT NULL,             -- crc32(table name) & 0x7fffffff
    node INTEGER NOT NULL,              -- lokal_node.no
    seq INTEGER NOT NULL,
    PRIMARY KEY (row_id, tabel)
) WITHOUT ROWID;
