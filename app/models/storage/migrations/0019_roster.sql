-- Migration 18: the agency's roster (issue 12, item 2). Every table here is local (lokal_).

-- The roster held here: the body its root signed (canonical JSON) and the signature (NULL: this
-- installation is the root and signs it before it leaves). One row.
CREATE TABLE lokal_roster (
    no INTEGER PRIMARY KEY CHECK (no = 1),
    instansi_id TEXT NOT NULL,
    versi INTEGER NOT NULL,
    isi TEXT NOT NULL,
    tanda_tangan BLOB,
    diterima TEXT NOT NULL
);

-- Batches received but not applied: their origin may not write them under the roster
-- (jenis 'wewenang'), or the origin was removed or distrusted here (jenis 'dicabut'). They are
-- checked again with every import and applied once the roster allows them.
CREATE TABLE lokal_batch_tahan (
    origin TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    vv TEXT NOT NULL,
    ops BLOB NOT NULL,
    op_count INTEGER NOT NULL,
    hash TEXT NOT NULL,
    signature BLOB NOT NULL,
    schema_version INTEGER NOT NULL,
    actor TEXT NOT NULL,
    alasan TEXT NOT NULL,
    jenis TEXT NOT NULL,
    diterima TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

-- Installations removed or distrusted here: a relay never adds them back, and their batches are
-- refused however they arrive, until the admin adds them again.
CREATE TABLE lokal_peer_dicabut (
    node_id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    alasan TEXT NOT NULL,
    sejak TEXT NOT NULL
);
