"""Clashes: fields changed on two sides without either seeing the other, and deletions
concurrent with an edit. Listing and resolving.

A resolution is a normal local write through :meth:`Store.write` (forced, so that keeping the
value already shown still records a write). A local write has seen every sibling held here, so it
replaces them all; it travels like any other change and closes the clash wherever it arrives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.storage import changelog, replika, sinkron
from app.models.storage.changelog import Hlc
from app.models.storage.db import Database
from app.models.storage.instansi_baca import installation_name
from app.models.storage.sinkron import ConflictRecord
from app.models.storage.skema import column_types, schema_of
from app.models.storage.store import Store

Value = str | int | float | None

HAPUS = "hapus"  # resolve a delete clash: the record stays deleted
PULIHKAN = "pulihkan"  # resolve a delete clash: the record comes back, with the edits

_TITLE_COLUMNS = ("nama", "nama_jabatan", "kunci", "nomor_sk", "tmt", "tahun")


@dataclass(frozen=True)
class Sibling:
    """One value kept for a field in clash."""

    nilai: Value
    origin: str
    origin_nama: str
    aktor: str
    hlc: str
    waktu: datetime
    lokal: bool
    tampil: bool
    kolom: str  # the field written (for a delete clash: "deleted" or the edited field)

    def as_json(self) -> dict[str, object]:
        return {
            "nilai": self.nilai,
            "kolom": self.kolom,
            "asal": self.origin,
            "asal_nama": self.origin_nama,
            "aktor": self.aktor,
            "hlc": self.hlc,
            "waktu": self.waktu.isoformat().replace("+00:00", "Z"),
            "lokal": self.lokal,
            "tampil": self.tampil,
        }


@dataclass(frozen=True)
class Conflict:
    id: str
    tabel: str
    row_id: str
    kolom: str  # "*" for a delete clash
    jenis: str  # "nilai" | "hapus"
    judul: str
    label_kolom: str
    sejak: str
    nilai: tuple[Sibling, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "tabel": self.tabel,
            "record_id": self.row_id,
            "kolom": self.kolom,
            "jenis": self.jenis,
            "judul": self.judul,
            "label_kolom": self.label_kolom,
            "sejak": self.sejak,
            "nilai": [s.as_json() for s in self.nilai],
        }


def _names(db: Database) -> dict[str, str]:
    names = sinkron.peer_names(db.conn)
    names[db.node_id] = installation_name(db)
    return names


def _title(db: Database, table: str, row_id: str) -> str:
    schema = schema_of(db)
    columns = [c for c in _TITLE_COLUMNS if c in schema.get(table, ())]
    label = table.replace("_", " ")
    parts = sinkron.get_title_values(db.conn, table, row_id, columns)
    if parts:
        return f"{label}: {' / '.join(parts[:2])}"
    return f"{label} {row_id[:8]}"


def _sibling(
    db: Database, v: replika.Version, kolom: str, names: dict[str, str], shown_key: tuple[str, int]
) -> Sibling:
    actor = changelog.get_actor(db.conn, v.origin, v.seq)
    wall = Hlc.decode(v.hlc).wall
    return Sibling(
        v.nilai,
        v.origin,
        names.get(v.origin, v.origin[:8]),
        actor if actor is not None else "?",
        v.hlc,
        datetime.fromtimestamp(wall / 1000, UTC),
        v.origin == db.node_id,
        (v.origin, v.seq) == shown_key,
        kolom,
    )


def _versions(db: Database, table: str, row_id: str) -> dict[str, list[replika.Version]]:
    """The siblings of every field of a row, oldest clock first."""
    return {
        str(kolom): sorted(vs, key=lambda v: (v.hlc, v.origin))
        for kolom, vs in replika.field_versions(db.conn, table, row_id).items()
    }


def _build(db: Database, record: ConflictRecord, names: dict[str, str]) -> Conflict:
    cid, table, row_id, kolom, jenis, sejak = (
        record.id,
        record.tabel,
        record.row_id,
        record.kolom,
        record.jenis,
        record.sejak,
    )
    versions = _versions(db, table, row_id)
    siblings: list[Sibling] = []
    if jenis == "hapus":
        deletes = [v for v in versions.get("deleted", []) if v.nilai == 1]
        vvs = {
            (v.origin, v.seq): changelog.get_vv(db.conn, v.origin, v.seq)
            for vs in versions.values()
            for v in vs
        }
        for d in deletes:
            siblings.append(_sibling(db, d, "deleted", names, (d.origin, d.seq)))
        for k, vs in sorted(versions.items()):
            if k == "deleted":
                continue
            for e in vs:
                if any(
                    replika.concurrent(
                        (d.origin, d.seq, vvs[(d.origin, d.seq)]),
                        (e.origin, e.seq, vvs[(e.origin, e.seq)]),
                    )
                    for d in deletes
                ):
                    siblings.append(_sibling(db, e, k, names, ("", 0)))
        label = tr("Penghapusan bersamaan dengan perubahan")
    else:
        vs = versions.get(kolom, [])
        best = replika.shown(vs) if vs else None
        key = (best.origin, best.seq) if best else ("", 0)
        siblings = [_sibling(db, v, kolom, names, key) for v in vs]
        label = kolom.replace("_", " ")
    return Conflict(
        cid, table, row_id, kolom, jenis, _title(db, table, row_id), label, sejak, tuple(siblings)
    )


def list_conflicts(db: Database) -> list[Conflict]:
    """Every open clash, oldest first."""
    names = _names(db)
    return [_build(db, r, names) for r in sinkron.list_conflicts(db.conn)]


def count_conflicts(db: Database) -> int:
    return sinkron.count_conflicts(db.conn)


def get_conflict(db: Database, conflict_id: str) -> Conflict:
    record = sinkron.get_conflict(db.conn, conflict_id.strip())
    if record is None:
        raise NotFoundError(
            tr("Bentrokan {id} tidak ada (mungkin sudah diputuskan).", id=conflict_id)
        )
    return _build(db, record, _names(db))


def _coerce(db: Database, table: str, kolom: str, value: Value) -> Value:
    """A typed value from the CLI or a text box: integer columns take integers."""
    if not isinstance(value, str):
        return value
    if "INT" in column_types(db.conn, table).get(kolom, "").upper():
        try:
            return int(value)
        except ValueError:
            raise ValidationError(
                tr("Nilai {kolom} harus bilangan bulat.", kolom=kolom), field=kolom
            ) from None
    return value


def resolve(db: Database, conflict_id: str, value: Value, *, actor: str) -> None:
    """Resolve a clash with one of its values or a third one (for a delete clash: HAPUS or
    PULIHKAN). The resolution is a write that replicates."""
    conflict = get_conflict(db, conflict_id)
    store = Store(db)
    with store.write(
        tr("Memutuskan bentrokan sinkronisasi"), actor=actor, keterangan=conflict.id
    ) as tx:
        if conflict.jenis == "hapus":
            if value not in (HAPUS, PULIHKAN):
                raise ValidationError(
                    tr("Pilih '{a}' atau '{b}' untuk bentrokan penghapusan.", a=HAPUS, b=PULIHKAN),
                    field="nilai",
                )
            tx.update(
                conflict.tabel, conflict.row_id, {"deleted": 1 if value == HAPUS else 0}, force=True
            )
        else:
            tx.update(
                conflict.tabel,
                conflict.row_id,
                {conflict.kolom: _coerce(db, conflict.tabel, conflict.kolom, value)},
                force=True,
            )


def resolve_keep(db: Database, conflict_id: str, side: str, *, actor: str) -> None:
    """Keep the value written here ("local") or the one from elsewhere ("remote")."""
    if side not in ("local", "remote"):
        raise ValidationError(tr("Pilih 'local' atau 'remote'."), field="keep")
    conflict = get_conflict(db, conflict_id)
    if conflict.jenis == "hapus":
        deleted_here = any(s.lokal for s in conflict.nilai if s.kolom == "deleted")
        keep_delete = deleted_here == (side == "local")
        resolve(db, conflict_id, HAPUS if keep_delete else PULIHKAN, actor=actor)
        return
    local = [s for s in conflict.nilai if s.lokal] or [s for s in conflict.nilai if s.tampil]
    if side == "local":
        chosen = local[0]
    else:
        local_key = replika.value_key(local[0].nilai)
        others = {replika.value_key(s.nilai): s for s in conflict.nilai}
        others.pop(local_key, None)
        if len(others) != 1:
            raise ValidationError(
                tr("Ada lebih dari satu nilai dari instalasi lain; pilih nilainya dengan --take."),
                field="keep",
            )
        chosen = next(iter(others.values()))
    resolve(db, conflict_id, chosen.nilai, actor=actor)


def as_json(conflicts: list[Conflict]) -> str:
    return json.dumps([c.as_json() for c in conflicts], ensure_ascii=False, indent=2)
