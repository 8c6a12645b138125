-- Migration 7: official documents (SK decrees): templates, the numbering register, issued files.
--
-- All three tables are replicated (text id + deleted flag): they are written only through the
-- one write path (app/models/store.py) and travel with sync. The templates are seeded by
-- app/models/dokumen.py through the write path (ids are UUIDv5 of the template code, so every
-- installation seeds the same rows), not here: rows written by a migration would have no entry
-- in the change log.

-- The fixed texts of a kind of decree, editable by the admin. Lists are JSON arrays of text;
-- placeholders such as {nama_lengkap} or {golongan_baru} are filled from the records when a
-- decree is issued (app/models/dokumen.py: PLACEHOLDER).
CREATE TABLE templat_dokumen (
    id TEXT PRIMARY KEY,                    -- uuid5 of ('templat_dokumen', kode)
    kode TEXT NOT NULL,                     -- SK_KP, SK_JABATAN, SK_MUTASI, KGB, ...
    nama TEXT NOT NULL,
    bentuk TEXT NOT NULL DEFAULT 'PERORANGAN', -- PERORANGAN: one decree (and number) per person;
                                            -- KOLEKTIF: one decree with a lampiran of everyone
    judul TEXT NOT NULL DEFAULT 'KEPUTUSAN',
    pejabat TEXT NOT NULL,                  -- the deciding official: 'BUPATI SIKKA'
    tentang TEXT NOT NULL,
    menimbang TEXT NOT NULL DEFAULT '[]',
    mengingat TEXT NOT NULL DEFAULT '[]',
    memperhatikan TEXT NOT NULL DEFAULT '[]',
    menetapkan TEXT NOT NULL DEFAULT '',    -- empty: 'KEPUTUSAN <pejabat> TENTANG <tentang>.'
    diktum TEXT NOT NULL DEFAULT '[]',      -- [{"teks", "rincian": [[label, isi]], "penutup"}]
    tembusan TEXT NOT NULL DEFAULT '[]',
    format_nomor TEXT NOT NULL,             -- '800.1.3.2/{nomor}/BKPSDM/{tahun}'
    kop TEXT NOT NULL DEFAULT 'KEPALA_DAERAH', -- KEPALA_DAERAH (emblem above the title) or INSTANSI
    dengan_rahmat INTEGER NOT NULL DEFAULT 1,
    gaya_diktum TEXT NOT NULL DEFAULT 'KESATU',
    ttd_jabatan TEXT NOT NULL DEFAULT '',   -- the signatory
    ttd_nama TEXT NOT NULL DEFAULT '',
    ttd_pangkat TEXT NOT NULL DEFAULT '',
    ttd_nip TEXT NOT NULL DEFAULT '',
    ttd_varian TEXT NOT NULL DEFAULT '',    -- '', 'a.n.', 'Plt.', 'Plh.'
    ttd_atas_nama TEXT NOT NULL DEFAULT '',
    sah_jabatan TEXT NOT NULL DEFAULT '',   -- who authenticates petikan and salinan
    sah_nama TEXT NOT NULL DEFAULT '',
    sah_pangkat TEXT NOT NULL DEFAULT '',
    sah_nip TEXT NOT NULL DEFAULT '',
    lampiran_judul TEXT NOT NULL DEFAULT '[]',
    lampiran_kolom TEXT NOT NULL DEFAULT '[]', -- [{"judul", "lebar", "grup", "rata", "isi"}]
    lampiran_mendatar INTEGER NOT NULL DEFAULT 0,
    alamat_penerima TEXT NOT NULL DEFAULT '{unit}', -- "di ..." under the petikan's addressee
    tmt_bawaan TEXT NOT NULL DEFAULT 'TANGGAL', -- default TMT: TANGGAL (of the decree), PERIODE_KP, KGB
    ukuran_kertas TEXT NOT NULL DEFAULT 'F4',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX templat_dokumen_kode ON templat_dokumen (kode);

-- The numbering register: one row per numbered decree. Numbers run per template per year
-- (nomor_urut 1, 2, 3 ...) without gaps or duplicates on the installation allowed to number
-- (pengaturan 'instalasi_penomoran'); a cancelled decree keeps its row, number and reason.
-- No UNIQUE index on (templat_kode, tahun, nomor_urut): two offline installations that both
-- numbered must still be able to merge; dokumen.nomor_ganda() reports such clashes.
CREATE TABLE register_dokumen (
    id TEXT PRIMARY KEY,
    templat_kode TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    nomor_urut INTEGER NOT NULL,
    nomor TEXT NOT NULL,                    -- formatted with the template's format_nomor
    tanggal TEXT NOT NULL,                  -- date of the decree (ditetapkan)
    perihal TEXT NOT NULL,
    pegawai TEXT NOT NULL DEFAULT '[]',     -- JSON array of NIPs
    nama_pegawai TEXT NOT NULL DEFAULT '',  -- names, for listing and search
    status TEXT NOT NULL DEFAULT 'TERBIT' CHECK (status IN ('TERBIT', 'BATAL')),
    alasan_batal TEXT,
    dibatalkan_pada TEXT,
    dibatalkan_oleh TEXT,
    jenis TEXT NOT NULL DEFAULT 'asli',     -- what was printed at issue: asli, salinan, petikan
    kode_verifikasi TEXT,                   -- of the document itself (a single file), else null
    pdf_sha256 TEXT,
    text_digest TEXT,
    content_digest TEXT,
    naskah TEXT,                            -- canonical JSON of the filled decree
    instalasi TEXT NOT NULL,                -- node id of the installation that numbered it
    diterbitkan_oleh TEXT NOT NULL,
    diterbitkan_pada TEXT NOT NULL,         -- UTC instant
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX register_dokumen_urut ON register_dokumen (templat_kode, tahun, nomor_urut);
CREATE INDEX register_dokumen_nomor ON register_dokumen (nomor);
CREATE INDEX register_dokumen_tanggal ON register_dokumen (tanggal);

-- Every issued PDF file (the decree, its salinan, the petikan of each person) with its
-- verification code and digests, so that any installation of the agency can verify a file or
-- a code offline (app/reports/verification.py).
CREATE TABLE naskah_dokumen (
    id TEXT PRIMARY KEY,
    register_id TEXT NOT NULL REFERENCES register_dokumen (id) DEFERRABLE INITIALLY DEFERRED,
    jenis TEXT NOT NULL,                    -- asli, salinan, petikan
    nip TEXT,                               -- petikan: its person
    kode_verifikasi TEXT NOT NULL,
    content_digest TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    text_digest TEXT NOT NULL,
    nama_berkas TEXT NOT NULL,
    dibuat TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX naskah_dokumen_kode ON naskah_dokumen (kode_verifikasi);
CREATE INDEX naskah_dokumen_register ON naskah_dokumen (register_id);
