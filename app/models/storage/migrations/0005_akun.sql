-- Local accounts of this installation, their roles and their login state.
-- Never replicated (lokal_ prefix): passwords and lockouts stay on the machine where they were set.
-- Roles that act across installations (committee member, appraiser) follow from replicated
-- records tied to the person (pegawai), not from these rows.

CREATE TABLE lokal_akun (
    id INTEGER PRIMARY KEY,
    nama_pengguna TEXT NOT NULL UNIQUE COLLATE NOCASE,
    nama_lengkap TEXT NOT NULL,
    pegawai_id TEXT,                -- linked employee (optional); no FK: pegawai is replicated
    hash_sandi TEXT NOT NULL,       -- Argon2id, PHC string ($argon2id$...)
    aktif INTEGER NOT NULL DEFAULT 1 CHECK (aktif IN (0, 1)),
    gagal INTEGER NOT NULL DEFAULT 0,   -- consecutive failed logins
    kunci_sampai REAL,              -- epoch seconds until which a login is refused
    masuk_terakhir TEXT,            -- UTC ISO
    sandi_diubah TEXT NOT NULL,     -- UTC ISO
    dibuat TEXT NOT NULL            -- UTC ISO
);

CREATE TABLE lokal_akun_peran (
    akun_id INTEGER NOT NULL REFERENCES lokal_akun (id) ON DELETE CASCADE,
    peran TEXT NOT NULL,
    unit_id TEXT NOT NULL DEFAULT '',   -- '' = the whole agency; else one unit (and its sub-units)
    PRIMARY KEY (akun_id, peran, unit_id)
);
