-- Migration 2: named column mappings for spreadsheet import (local to this installation).
--
-- A preset maps the header text of a file's columns to import fields, so that an office that
-- imports the same kind of spreadsheet every month chooses the mapping once. It is a setting of
-- this installation, not agency data, so it does not travel with sync.

CREATE TABLE lokal_preset_impor (
    nama TEXT PRIMARY KEY,          -- as the clerk named it; unique without regard to case
    pemetaan TEXT NOT NULL,         -- JSON object: header text -> field name
    dibuat TEXT NOT NULL,           -- UTC ISO instant
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX lokal_preset_impor_nama ON lokal_preset_impor (lower(nama));
