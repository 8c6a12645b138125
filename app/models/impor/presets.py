"""Named column mappings (presets), kept in the local table ``lokal_preset_impor``.

A preset maps header text to field names, so it fits any file whose headers read the same
(case, punctuation and extra spaces do not matter), wherever the columns stand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.impor.fields import FIELD_BY_NAME, header_key
from app.models.storage.db import Database, utc_now
from app.models.storage.faults import translated_errors

MAX_NAME = 80


@dataclass(frozen=True)
class Preset:
    name: str
    mapping: dict[str, str]  # header text -> field name


def list_presets(db: Database) -> list[Preset]:
    """Every saved preset, by name."""
    rows = db.conn.execute(
        "SELECT nama, pemetaan FROM lokal_preset_impor ORDER BY lower(nama)"
    ).fetchall()
    return [Preset(row[0], dict(json.loads(row[1]))) for row in rows]


def get_preset(db: Database, name: str) -> Preset:
    """The preset called ``name`` (case does not matter); NotFoundError if there is none."""
    row = db.conn.execute(
        "SELECT nama, pemetaan FROM lokal_preset_impor WHERE lower(nama) = lower(?)",
        (name.strip(),),
    ).fetchone()
    if row is None:
        names = ", ".join(p.name for p in list_presets(db)) or tr("(belum ada)")
        raise NotFoundError(
            tr("Preset impor '{name}' tidak ada. Preset yang ada: {names}.", name=name, names=names)
        )
    return Preset(row[0], dict(json.loads(row[1])))


def save_preset(db: Database, name: str, mapping_by_header: dict[str, str]) -> None:
    """Save (or replace) a preset. Empty field names are left out."""
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError(tr("Nama preset wajib diisi."), field="nama")
    if len(clean) > MAX_NAME:
        raise ValidationError(tr("Nama preset paling panjang {n} huruf.", n=MAX_NAME), field="nama")
    mapping = {str(h): f for h, f in mapping_by_header.items() if f}
    unknown = sorted({f for f in mapping.values() if f not in FIELD_BY_NAME})
    if unknown:
        raise ValidationError(
            tr("Bidang impor tidak dikenal: {fields}.", fields=", ".join(unknown)),
            field="pemetaan",
        )
    if not mapping:
        raise ValidationError(tr("Preset kosong: petakan sedikitnya satu kolom."), field="pemetaan")
    now = utc_now()
    payload = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    with translated_errors(db.path):
        db.conn.execute(
            "DELETE FROM lokal_preset_impor WHERE lower(nama) = lower(?) AND nama <> ?",
            (clean, clean),
        )
        db.conn.execute(
            "INSERT INTO lokal_preset_impor (nama, pemetaan, dibuat, diubah) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (nama) DO UPDATE SET pemetaan = excluded.pemetaan, "
            "diubah = excluded.diubah",
            (clean, payload, now, now),
        )


def delete_preset(db: Database, name: str) -> bool:
    """Remove a preset; False when there was none."""
    with translated_errors(db.path):
        cur = db.conn.execute(
            "DELETE FROM lokal_preset_impor WHERE lower(nama) = lower(?)", (name.strip(),)
        )
    return cur.rowcount > 0


def apply_preset(headers: list[str], preset: Preset) -> dict[int, str | None]:
    """Column index -> field for a file's headers, by the preset's header texts."""
    by_key = {header_key(h): f for h, f in preset.mapping.items()}
    mapping: dict[int, str | None] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = by_key.get(header_key(header))
        if field in taken:
            field = None
        if field:
            taken.add(field)
        mapping[index] = field
    return mapping


def mapping_by_header(headers: list[str], mapping: dict[int, str | None]) -> dict[str, str]:
    """The other direction: header text -> field, to save a mapping as a preset."""
    return {headers[i]: f for i, f in mapping.items() if f and 0 <= i < len(headers)}
