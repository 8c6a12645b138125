"""The installation and its agency: first set-up, names, statistics and the integrity check."""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import marshal
import os
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.models.access import akses
from app.models.dokumen.isian import FORMAT_NOMOR, check_text, format_nomor, placeholders_in
from app.models.errors import ValidationError
from app.models.reference.loader import natural_id
from app.models.rules.nip import check_nip, normalise_nip
from app.models.storage import changelog, ringkas
from app.models.storage.changelog import batch_hash, decode_ops
from app.models.storage.db import Database
from app.models.storage.faults import translated_errors

# read at start-up without this module's imports (the desktop app's first window)
from app.models.storage.instansi_baca import get_setting as get_setting
from app.models.storage.instansi_baca import installation_name as installation_name
from app.models.storage.instansi_baca import is_set_up as is_set_up
from app.models.storage.replika import shown_values
from app.models.storage.skema import replicated_schema
from app.models.storage.store import Store, WriteTx

# Agency settings that belong to the data (replicated): key -> title. The signatories of the
# decrees are :data:`PERAN` (one set of ``<peran>.<field>`` keys each); the logo is held as data
# (a ``data:`` URI, see :func:`read_logo`) so that it travels with sync.
PENGATURAN: dict[str, str] = {
    "nama_instansi": "Nama instansi",
    "singkatan_instansi": "Singkatan instansi",
    "nama_pemerintah": "Nama pemerintah daerah",
    "ibu_kota": "Tempat penetapan (ibu kota)",
    "alamat_instansi": "Alamat instansi",
    "logo": "Lambang daerah",
    "ukuran_kertas": "Ukuran kertas bawaan",
}

#: The signatories of the decrees (templates refer to them by their jabatan): key -> title.
PERAN: dict[str, str] = {
    "kepala_daerah": "Kepala daerah (Bupati/Wali Kota)",
    "sekda": "Sekretaris Daerah",
    "kepala_bkpsdm": "Kepala BKPSDM",
    "sekretaris_bkpsdm": "Sekretaris BKPSDM",
}
#: The fields of a signatory: ``sumber`` is PEGAWAI (name, pangkat and NIP from the registry,
#: by NIP, when the decree is issued) or LUAR (typed); ``varian`` is empty, Plt. or Plh.
FIELD_PERAN: dict[str, str] = {
    "sumber": "sumber (PEGAWAI atau LUAR)",
    "nip": "NIP",
    "nama": "nama",
    "pangkat": "pangkat/golongan",
    "jabatan": "jabatan",
    "varian": "varian (kosong, Plt. atau Plh.)",
}
SUMBER = ("PEGAWAI", "LUAR")
VARIAN_PERAN = ("", "Plt.", "Plh.")
UKURAN = ("F4", "A4")
LOGO_MAKS_BYTE = 512 * 1024  # the file as given
LOGO_MAKS_SISI = 2000  # pixels, either side
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"

#: Number formats of the default decree templates (empty: the template's own).
FORMAT_NOMOR_TEMPLAT = ("SK_KP", "SK_JABATAN", "SK_MUTASI", "KGB")
for _kode in FORMAT_NOMOR_TEMPLAT:
    PENGATURAN[f"format_nomor.{_kode}"] = f"Format nomor {_kode}"
for _peran, _judul in PERAN.items():
    for _field, _label in FIELD_PERAN.items():
        PENGATURAN[f"{_peran}.{_field}"] = f"{_judul}: {_label}"


def setting_title(key: str) -> str:
    return tr(PENGATURAN.get(key, key))


def _refuse(key: str, reason: str) -> ValidationError:
    return ValidationError(
        tr("{judul} ({key}): {alasan}", key=key, judul=setting_title(key), alasan=reason),
        field=key,
    )


def check_setting(key: str, value: str) -> str:
    """The value to store for ``key`` (normalised), or :class:`ValidationError` naming the key.

    The logo is checked by :func:`read_logo` (give it a file) or :func:`check_logo_data`."""
    if key not in PENGATURAN:
        known = ", ".join(sorted(PENGATURAN))
        raise ValidationError(
            tr("Kunci pengaturan '{key}' tidak dikenal. Kunci yang ada: {daftar}.", key=key,
               daftar=known),
            field=key,
        )  # fmt: skip
    multiline = key == "alamat_instansi"
    if key == "logo":
        return check_logo_data(value) if value.strip() else ""
    if multiline:
        lines = [" ".join(line.split()) for line in value.replace("\\n", "\n").splitlines()]
        text = "\n".join(line for line in lines if line)
        if len([x for x in lines if x]) > 4:
            raise _refuse(key, tr("paling banyak 4 baris."))
    else:
        text = " ".join(value.split())
    if any(ord(c) < 32 and c != "\n" for c in text):
        raise _refuse(key, tr("berisi karakter kendali."))
    if len(text) > 300:
        raise _refuse(key, tr("terlalu panjang (paling banyak 300 huruf)."))
    if key == "nama_instansi" and len(text) < 3:
        raise _refuse(key, tr("wajib diisi (sedikitnya 3 huruf)."))
    if key == "ukuran_kertas":
        text = text.upper()
        if text not in ("", *UKURAN):
            raise _refuse(key, tr("harus F4 atau A4, bukan '{v}'.", v=value))
    group, _, field = key.partition(".")
    if group == "format_nomor" and text:
        _check_format_nomor(key, text)
    if field == "sumber":
        text = text.upper()
        if text not in ("", *SUMBER):
            raise _refuse(key, tr("harus PEGAWAI atau LUAR, bukan '{v}'.", v=value))
    elif field == "varian":
        if text.lower() in ("plt", "plt."):
            text = "Plt."
        elif text.lower() in ("plh", "plh."):
            text = "Plh."
        if text not in VARIAN_PERAN:
            raise _refuse(key, tr("harus kosong, Plt. atau Plh., bukan '{v}'.", v=value))
    elif field == "nip" and text:
        found = check_nip(text)
        if not found.valid:
            raise _refuse(
                key,
                tr("NIP {nip} tidak sah: {alasan}", nip=found.nip, alasan=found.kesalahan[0]),
            )
        text = normalise_nip(text)
    return text


def _check_format_nomor(key: str, text: str) -> None:
    problems = check_text(text, setting_title(key), FORMAT_NOMOR)
    if problems:
        raise _refuse(key, problems[0].message)
    if "nomor" not in placeholders_in(text):
        raise _refuse(key, tr("harus memuat {nomor}."))
    try:
        format_nomor(text, 1, date(2026, 1, 1))
    except (ValueError, KeyError, IndexError):
        raise _refuse(key, tr("format tidak dapat dipakai: {f}", f=text)) from None


def check_logo_data(value: str) -> str:
    """A ``data:image/...;base64,`` logo checked as :func:`check_logo_bytes` does."""
    head, sep, body = value.strip().partition(",")
    if not sep or not head.startswith("data:image/") or not head.endswith(";base64"):
        raise _refuse("logo", tr("harus berkas PNG atau JPEG (pilih berkasnya)."))
    try:
        data = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise _refuse("logo", tr("isi logo rusak (bukan base64).")) from None
    return logo_data_uri(check_logo_bytes(data))


def check_logo_bytes(data: bytes) -> bytes:
    """The image, re-encoded as PNG, when ``data`` is a PNG or JPEG of sensible size; a
    damaged, hostile (decompression bomb, other format in disguise) or too large one is refused."""
    if len(data) > LOGO_MAKS_BYTE:
        raise _refuse(
            "logo",
            tr("berkas terlalu besar ({kb} KB; paling besar {maks} KB).",
               kb=len(data) // 1024, maks=LOGO_MAKS_BYTE // 1024),
        )  # fmt: skip
    if not (data.startswith(_PNG) or data.startswith(_JPEG)):
        raise _refuse("logo", tr("hanya berkas PNG atau JPEG yang diterima."))
    from PIL import Image  # lazy: Pillow (reportlab's dependency), only when a logo is set

    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.format not in ("PNG", "JPEG"):
                raise _refuse("logo", tr("hanya berkas PNG atau JPEG yang diterima."))
            w, h = img.size
            if w < 16 or h < 16 or w > LOGO_MAKS_SISI or h > LOGO_MAKS_SISI:
                raise _refuse(
                    "logo",
                    tr("ukuran gambar {w}×{h} piksel; harus antara 16 dan {m} piksel per sisi.",
                       w=w, h=h, m=LOGO_MAKS_SISI),
                )  # fmt: skip
            img.load()
            mode = "RGBA" if "A" in img.getbands() or "transparency" in img.info else "RGB"
            out = io.BytesIO()
            img.convert(mode).save(out, format="PNG", optimize=True)
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise _refuse("logo", tr("ukuran gambar (piksel) terlalu besar untuk logo.")) from None
    except Exception:  # Pillow raises many kinds on a damaged or hostile file
        raise _refuse("logo", tr("gambar tidak dapat dibaca (berkas rusak).")) from None
    return out.getvalue()


def logo_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def read_logo(path: str | Path) -> str:
    """The setting value (a ``data:`` URI) for a logo file, checked before it is read whole."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > LOGO_MAKS_BYTE:
            raise _refuse(
                "logo",
                tr("berkas {name} terlalu besar ({kb} KB; paling besar {maks} KB).",
                   name=p.name, kb=size // 1024, maks=LOGO_MAKS_BYTE // 1024),
            )  # fmt: skip
        data = p.read_bytes()
    except OSError as exc:
        reason = tr("berkas {name} tidak dapat dibaca: {e}", name=p, e=exc.strerror)
        raise _refuse("logo", reason) from None
    return logo_data_uri(check_logo_bytes(data))


def logo_file(conn: sqlite3.Connection) -> Path | None:
    """The configured logo as a file for the PDF engines (written once per content to the
    temporary folder), or None when there is none."""
    value = get_setting(conn, "logo") or ""
    if not value.startswith("data:"):
        return Path(value) if value and Path(value).is_file() else None  # an older path setting
    try:
        data = base64.b64decode(value.partition(",")[2], validate=True)
    except (binascii.Error, ValueError):
        return None
    path = Path(tempfile.gettempdir()) / f"merit-logo-{hashlib.sha256(data).hexdigest()[:20]}.png"
    if not path.is_file():
        part = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        part.write_bytes(data)
        os.replace(part, path)
    return path


def read_settings(conn: sqlite3.Connection) -> dict[str, str]:
    """Every known agency setting (empty string when not set)."""
    stored = {
        k: v or "" for k, v in conn.execute("SELECT kunci, nilai FROM pengaturan WHERE deleted = 0")
    }
    return {key: stored.get(key, "") for key in PENGATURAN}


def check_settings(values: dict[str, str]) -> dict[str, str]:
    """Every value checked (:func:`check_setting`); the first problem is raised."""
    return {key: check_setting(key, value) for key, value in values.items()}


def set_settings(store: Store, values: dict[str, str], *, actor: str) -> None:
    """Write agency settings through the write path (they replicate). Values are checked."""
    checked = check_settings(values)
    with store.write(tr("Mengubah pengaturan instansi"), actor=actor) as tx:
        write_settings(tx, store.db.conn, checked)
    store.db.remember_identity()


def write_settings(tx: WriteTx, conn: sqlite3.Connection, values: dict[str, str]) -> None:
    """Write agency settings inside a write that is already open (one batch with the rest).
    Only what changed is written."""
    unknown = [k for k in values if k not in PENGATURAN]
    if unknown:
        raise ValueError(f"unknown settings {unknown}")
    for key, value in values.items():
        row_id = natural_id("pengaturan", key)
        row = conn.execute(
            "SELECT nilai, deleted FROM pengaturan WHERE id = ?", (row_id,)
        ).fetchone()
        if row is not None:
            if row[0] != value or row[1]:
                tx.update("pengaturan", row_id, {"nilai": value, "deleted": 0})
        else:
            tx.insert("pengaturan", {"id": row_id, "kunci": key, "nilai": value})


def count_records(conn: sqlite3.Connection) -> tuple[int, int]:
    """How many employees and units the database holds (deleted ones included)."""
    pegawai = int(conn.execute("SELECT count(*) FROM pegawai").fetchone()[0])
    units = int(conn.execute("SELECT count(*) FROM unit_organisasi").fetchone()[0])
    return pegawai, units


def setup(
    db: Database,
    nama_instansi: str,
    *,
    nama_instalasi: str | None = None,
    actor: str = "sistem",
    nama_pemerintah: str | None = None,
    ibu_kota: str | None = None,
) -> None:
    """First set-up: the agency's name (replicated) and this installation's name (local)."""
    nama_instansi = " ".join(nama_instansi.split())
    if len(nama_instansi) < 3:
        raise ValidationError(
            tr("Nama instansi wajib diisi (sedikitnya 3 huruf)."), field="nama_instansi"
        )
    if len(nama_instansi) > 200:
        raise ValidationError(
            tr("Nama instansi terlalu panjang (paling banyak 200 huruf)."), field="nama_instansi"
        )
    values = {"nama_instansi": nama_instansi}
    if nama_pemerintah:
        values["nama_pemerintah"] = nama_pemerintah
    if ibu_kota:
        values["ibu_kota"] = ibu_kota
    set_settings(Store(db), values, actor=actor)
    db.set_meta("nama_instalasi", (nama_instalasi or nama_instansi).strip())


# -- statistics -----------------------------------------------------------------------------------


def stats(db: Database, *, actor: str = "sistem") -> dict[str, Any]:
    """Counts per table and per kind of record, for `merit stats --json` and the status bar.
    The whole agency's counts: ``actor`` needs ``instansi.baca`` (refused and audited)."""
    akses.require(db, actor, "instansi.baca")
    conn = db.conn
    with translated_errors(db.path):
        tables: dict[str, dict[str, int]] = {}
        for name in replicated_schema(conn):
            total, deleted = conn.execute(
                f"SELECT count(*), coalesce(sum(deleted), 0) FROM {name}"
            ).fetchone()
            tables[name] = {"jumlah": total, "aktif": total - deleted, "dihapus": deleted}
        per_kind: dict[str, dict[str, int]] = {}
        for column, label in (
            ("jenis_asn", "jenis_asn"),
            ("status_kepegawaian", "status"),
            ("kedudukan", "kedudukan"),
            ("jenis_kelamin", "jenis_kelamin"),
            ("jenis_jabatan_kode", "jenis_jabatan"),
        ):
            per_kind[label] = {
                str(k): v
                for k, v in conn.execute(
                    f"SELECT coalesce({column}, '-'), count(*) FROM pegawai_ringkas "
                    f"WHERE deleted = 0 GROUP BY 1 ORDER BY 1"
                )
            }
        batches, ops = changelog.count_log(conn)
        audit = conn.execute("SELECT count(*) FROM lokal_audit").fetchone()[0]
    return {
        "basis_data": str(db.path),
        "versi_skema": db.schema_version,
        "node_id": db.node_id,
        "nama_instalasi": installation_name(db),
        "nama_instansi": get_setting(conn, "nama_instansi"),
        "tabel": tables,
        "pegawai": per_kind,
        "log_perubahan": {"batch": batches, "operasi": ops},
        "audit": audit,
    }


# -- integrity check ------------------------------------------------------------------------------


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(
    db: Database, *, repair_summary: bool = False, limit: int = 20, actor: str = "sistem"
) -> CheckReport:
    """Integrity of the database file and of the change log (``actor`` needs
    ``instansi.periksa``, refused and audited otherwise).

    * SQLite's own integrity and foreign-key checks;
    * the change log: sequence numbers of every origin without gaps, each batch's hash;
    * every replicated row equals the replay of the change log over the seed data, so that no
      row was written around the write path (what sync could not carry);
    * the derived summary equals what the rules derive (repairable).
    """
    akses.require(db, actor, "instansi.periksa")
    report = CheckReport()
    conn = db.conn
    problems = report.problems
    with translated_errors(db.path):
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            problems.extend(tr("Integritas berkas: {detail}", detail=r) for r in result)
        for row in conn.execute("PRAGMA foreign_key_check").fetchmany(limit):
            problems.append(
                tr(
                    "Kunci asing tidak cocok: tabel {table} baris {rowid} menunjuk "
                    "{parent} yang tidak ada.",
                    table=row[0],
                    rowid=row[1],
                    parent=row[2],
                )
            )
        _check_log(conn, report, limit)
        wrong = ringkas.differences(conn)
        report.facts["ringkasan_berbeda"] = len(wrong)
        if wrong:
            if repair_summary:
                conn.execute("BEGIN IMMEDIATE")
                ringkas.rebuild(conn)
                conn.execute("COMMIT")
            else:
                problems.append(
                    tr(
                        "Ringkasan pegawai tidak mutakhir untuk {n} pegawai; jalankan "
                        "`merit check --perbaiki`.",
                        n=len(wrong),
                    )
                )
    return report


class _Replay:
    """The replay of the change log: for every replicated row, the value its last write in the
    log gives each field it wrote.

    Held compactly (issue 20: a plain dict of dicts took 2 GB at 100,000 employees): per table,
    a row id maps to one ``marshal`` string of (shape number, values...), the shape being the
    row's written column names, shared by the rows written alike. ``marshal`` gives back the
    very values the log held (int, float, str, None, bool, bytes), so the comparison is the
    exact ``!=`` of the plain replay.
    """

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, bytes]] = {}
        self._shapes: list[tuple[str, ...]] = []
        self._shape_no: dict[tuple[str, ...], int] = {}

    def _pack(self, fields: dict[str, Any]) -> bytes:
        shape = tuple(fields)
        no = self._shape_no.get(shape)
        if no is None:
            no = self._shape_no[shape] = len(self._shapes)
            self._shapes.append(shape)
        return marshal.dumps((no, *fields.values()))

    def fields(self, packed: bytes) -> dict[str, Any]:
        no, *values = marshal.loads(packed)
        return dict(zip(self._shapes[no], values, strict=True))

    def update(self, table: str, row_id: str, fields: dict[str, Any]) -> None:
        rows = self.tables.get(table)
        if rows is None:
            rows = self.tables[table] = {}
        old = rows.get(row_id)
        if old is not None:
            merged = self.fields(old)
            merged.update(fields)
            fields = merged
        rows[row_id] = self._pack(fields)

    def pop(self, table: str, row_id: str) -> dict[str, Any] | None:
        packed = self.tables.get(table, {}).pop(row_id, None)
        return None if packed is None else self.fields(packed)

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key[1] in self.tables.get(key[0], ())

    def left(self) -> list[tuple[str, str]]:
        return [(table, row_id) for table, rows in self.tables.items() for row_id in rows]


def _check_log(conn: sqlite3.Connection, report: CheckReport, limit: int) -> None:
    problems = report.problems
    schema = replicated_schema(conn)
    expected = _Replay()
    last_seq: dict[str, int] = {}
    batches = 0
    for origin, seq, hlc, vv, blob, digest, schema_version in changelog.read_log(conn):
        batches += 1
        if seq != last_seq.get(origin, 0) + 1:
            problems.append(
                tr(
                    "Log perubahan: nomor urut {origin} melompat dari {a} ke {b}.",
                    origin=origin,
                    a=last_seq.get(origin, 0),
                    b=seq,
                )
            )
        last_seq[origin] = seq
        raw, ops = decode_ops(blob)
        if batch_hash(origin, seq, hlc, json.loads(vv), schema_version, raw) != digest:
            problems.append(
                tr(
                    "Log perubahan: isi batch {origin}/{seq} tidak cocok dengan hash-nya.",
                    origin=origin,
                    seq=seq,
                )
            )
        del raw
        for table, row_id, fields in ops:
            expected.update(table, row_id, fields)
        del ops
    report.facts["batch"] = batches
    # Where two installations wrote a field without seeing each other, the merge decides
    # (app/models/storage/replika.py), not the order of the log.
    for key, fields in shown_values(conn).items():
        if key in expected:
            expected.update(*key, fields)
    versi = changelog.read_versions(conn)
    if versi != last_seq:
        problems.append(tr("Log perubahan: catatan versi tidak cocok dengan isi log."))
    # Every replicated row must be the replay of the log (tables seeded by migration hold rows
    # with no log entry: those are compared only where the log touched them).
    mismatches = Counter[str]()
    for table, cols in schema.items():
        cur = conn.execute(f"SELECT {', '.join(cols)} FROM {table}")
        seeded = table.startswith("ref_")
        for row in cur:
            values = dict(zip(cols, row, strict=True))
            want = expected.pop(table, values["id"])
            if want is None:
                if not seeded:
                    mismatches[table] += 1
                    if mismatches[table] <= 3:
                        problems.append(
                            tr(
                                "Baris {table} {id} tidak ada di log perubahan (ditulis di luar "
                                "jalur tulis).",
                                table=table,
                                id=values["id"],
                            )
                        )
                continue
            for col, value in want.items():
                if values.get(col) != value:
                    mismatches[table] += 1
                    if mismatches[table] <= 3:
                        problems.append(
                            tr(
                                "Baris {table} {id} kolom {col} berbeda dari log perubahan.",
                                table=table,
                                id=values["id"],
                                col=col,
                            )
                        )
                    break
    left = expected.left()
    for table, row_id in left[:limit]:
        problems.append(
            tr(
                "Log perubahan menyebut {table} {id} yang tidak ada di basis data.",
                table=table,
                id=row_id,
            )
        )
    report.facts["baris_tidak_cocok"] = sum(mismatches.values()) + len(left)
