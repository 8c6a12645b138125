-- Migration 4: sync by file exchange (design/sync.md). Every table here is local (lokal_): keys,
-- peers, merge bookkeeping and packages kept aside never travel.

-- This installation's private signing key (Ed25519 seed). Never exported, never in a package.
CREATE TABLE lokal_identitas (
    kunci TEXT PRIMARY KEY,
    nilai BLOB NOT NULL
);

-- Known installations: added by the admin (sumber 'manual', after checking the fingerprint) or
-- learnt from a trusted sender that relayed their batches (sumber 'relay', never trusted as a
-- sender by that alone). vv_diakui: what the peer acknowledged (JSON node -> seq).
CREATE TABLE lokal_peer (
    node_id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    kunci_tanda BLOB NOT NULL,          -- Ed25519 verify key (32 bytes)
    kunci_enkripsi BLOB NOT NULL,       -- X25519 public key (32 bytes)
    dipercaya INTEGER NOT NULL DEFAULT 0 CHECK (dipercaya IN (0, 1)),
    sumber TEXT NOT NULL DEFAULT 'manual',
    vv_diakui TEXT NOT NULL DEFAULT '{}',
    terakhir_terima TEXT,
    terakhir_kirim TEXT,
    ditambah TEXT NOT NULL
);

-- Node ids as small numbers, for the per-row bookkeeping below.
CREATE TABLE lokal_node (
    no INTEGER PRIMARY KEY,
    node_id TEXT NOT NULL UNIQUE
);

-- Which batch created each replicated row (one small row per record instead of one per field).
-- Fields never written after the insert have that single write as their only version.
CREATE TABLE lokal_asal_baris (
    row_id TEXT NOT NULL,
    tabel TEXT NOT NULL,
    node INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (row_id, tabel)
) WITHOUT ROWID;

-- Field versions written after the insert: the "siblings" of a field (writes that no other known
-- write has seen). More than one with different values = a clash.
CREATE TABLE lokal_versi_kolom (
    tabel TEXT NOT NULL,
    row_id TEXT NOT NULL,
    kolom TEXT NOT NULL,
    origin TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    nilai,
    PRIMARY KEY (row_id, tabel, kolom, origin, seq)
) WITHOUT ROWID;

-- Open clashes (derived from the versions above, kept for fast listing).
CREATE TABLE lokal_konflik (
    id TEXT PRIMARY KEY,                -- sha256(tabel/row_id/kolom)[:10]
    tabel TEXT NOT NULL,
    row_id TEXT NOT NULL,
    kolom TEXT NOT NULL,
    jenis TEXT NOT NULL,                -- 'nilai' or 'hapus'
    sejak TEXT NOT NULL
);
CREATE INDEX lokal_konflik_baris ON lokal_konflik (row_id);

-- Batches received whose dependencies are not all here yet (a missing earlier batch).
CREATE TABLE lokal_batch_tunggu (
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
    diterima TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

-- Packages from a newer schema, kept aside (file in <data>/tertunda/) until Merit is upgraded.
CREATE TABLE lokal_paket_tunda (
    no INTEGER PRIMARY KEY,
    berkas TEXT NOT NULL,
    pengirim TEXT NOT NULL,
    pengirim_nama TEXT NOT NULL,
    versi_skema INTEGER NOT NULL,
    sandi INTEGER NOT NULL DEFAULT 0,   -- 1: encrypted with a passphrase (asked again on retry)
    diterima TEXT NOT NULL
);
