"""Assessment results per employee: the level of each competency with its date and source
(assessment centre, uji kompetensi, atasan) and the potential (issue 15 item 2), keyed in or
imported from an assessment centre's sheet.

The sheet is read by the import engine's reader (:func:`app.models.impor.read.read_source`:
the same size, bomb, formula and encryption checks as the employee import). One row per
person: ``NIP``, ``Tanggal``, optionally ``Sumber``, ``Penilai``/``Lembaga``, ``Potensi``
(1-3 or rendah/menengah/tinggi) and ``Skor potensi``, and one column per competency, headed by
its kode (``M.01``) or its name (``Integritas``). :func:`plan_impor_nilai` is the preview
(every problem with its row and column); :func:`apply_impor_nilai` writes a clean plan in one
transaction and refuses a plan with problems whole.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.i18n import tr
from app.models.access.akses import read_roots, require
from app.models.errors import NotFoundError, ValidationError
from app.models.impor.normalise import BadValue, parse_date, parse_int
from app.models.impor.read import read_source
from app.models.kompetensi.kamus import kompetensi_by_kode
from app.models.kompetensi.standar import check_levels
from app.models.reference.loader import natural_id
from app.models.storage.db import Database
from app.models.storage.store import Store

SUMBER = ("ASSESSMENT_CENTER", "UJI_KOMPETENSI", "ATASAN")
POTENSI_NAMA = {1: "Rendah", 2: "Menengah", 3: "Tinggi"}
MAX_BARIS_IMPOR = 20_000


def sumber_label(sumber: str) -> str:
    return {
        "ASSESSMENT_CENTER": tr("Assessment center"),
        "UJI_KOMPETENSI": tr("Uji kompetensi"),
        "ATASAN": tr("Penilaian atasan"),
    }.get(sumber, sumber)


def parse_sumber(text: str | None) -> str:
    """ASSESSMENT_CENTER (the default), UJI_KOMPETENSI or ATASAN from what a sheet says."""
    key = (text or "").strip().casefold().replace("_", " ").replace("-", " ")
    if not key or key in ("assessment center", "assessment centre", "ac", "pusat penilaian"):
        return "ASSESSMENT_CENTER"
    if key in ("uji kompetensi", "ujikom", "uk"):
        return "UJI_KOMPETENSI"
    if key in ("atasan", "penilaian atasan"):
        return "ATASAN"
    raise BadValue(
        tr(
            "'{s}' bukan sumber penilaian; pilih assessment center, uji kompetensi atau atasan.",
            s=text,
        )
    )


def parse_potensi(text: str) -> int:
    key = text.strip().casefold()
    for value, nama in POTENSI_NAMA.items():
        if key == nama.casefold():
            return value
    return parse_int(text, 1, 3)


def nilai_id(pegawai_id: str, kode: str, tanggal: str, sumber: str) -> str:
    return natural_id("kompetensi_nilai", pegawai_id, kode, tanggal, sumber)


def potensi_id(pegawai_id: str, tanggal: str, sumber: str) -> str:
    return natural_id("kompetensi_potensi", pegawai_id, tanggal, sumber)


@dataclass(frozen=True)
class Penilaian:
    """One assessment of one person on one date from one source."""

    pegawai_id: str
    tanggal: str
    sumber: str
    levels: dict[str, int]
    potensi: int | None = None
    skor: float | None = None
    penilai: str | None = None


def _write(tx_store: Store, items: list[Penilaian], aksi: str, actor: str) -> int:
    conn = tx_store.db.conn
    written = 0
    # The right is checked per row by the write path (kompetensi.ubah, limited to the
    # operator's units through each row's pegawai_id), so a unit operator can import the
    # results of their own people and is refused, whole, for anyone else.
    with tx_store.write(aksi, actor=actor) as tx:
        for p in items:
            for kode, level in p.levels.items():
                nid = nilai_id(p.pegawai_id, kode, p.tanggal, p.sumber)
                row: dict[str, str | int | float | None] = {
                    "pegawai_id": p.pegawai_id,
                    "kompetensi_kode": kode,
                    "level": level,
                    "tanggal": p.tanggal,
                    "sumber": p.sumber,
                    "penilai": p.penilai,
                }
                if conn.execute("SELECT 1 FROM kompetensi_nilai WHERE id = ?", (nid,)).fetchone():
                    tx.update("kompetensi_nilai", nid, {**row, "deleted": 0})
                else:
                    tx.insert("kompetensi_nilai", {"id": nid, **row})
                written += 1
            if p.potensi is not None:
                pid = potensi_id(p.pegawai_id, p.tanggal, p.sumber)
                prow: dict[str, str | int | float | None] = {
                    "pegawai_id": p.pegawai_id,
                    "tanggal": p.tanggal,
                    "sumber": p.sumber,
                    "potensi": p.potensi,
                    "skor": p.skor,
                    "penilai": p.penilai,
                }
                if conn.execute("SELECT 1 FROM kompetensi_potensi WHERE id = ?", (pid,)).fetchone():
                    tx.update("kompetensi_potensi", pid, {**prow, "deleted": 0})
                else:
                    tx.insert("kompetensi_potensi", {"id": pid, **prow})
                written += 1
    return written


def record_nilai(
    db: Database,
    pegawai_id: str,
    tanggal: date | str,
    levels: Mapping[str, int],
    *,
    sumber: str = "ASSESSMENT_CENTER",
    potensi: int | None = None,
    skor: float | None = None,
    penilai: str | None = None,
    actor: str = "sistem",
) -> int:
    """Record an assessment keyed in (levels per competency kode, optionally the potential).
    The same person, date and source again overwrites (natural ids). Returns rows written."""
    conn = db.conn
    if (
        conn.execute("SELECT 1 FROM pegawai WHERE id = ? AND deleted = 0", (pegawai_id,)).fetchone()
        is None
    ):
        raise NotFoundError(tr("Pegawai yang dipilih tidak ditemukan."))
    if sumber not in SUMBER:
        raise ValidationError(tr("Sumber penilaian '{s}' tidak dikenal.", s=sumber), field="sumber")
    if potensi is not None and potensi not in POTENSI_NAMA:
        raise ValidationError(tr("Potensi {p} di luar rentang 1-3.", p=potensi), field="potensi")
    clean = check_levels(conn, dict(levels))
    if not clean and potensi is None:
        raise ValidationError(tr("Isi paling sedikit satu level kompetensi."), field="level")
    day = tanggal if isinstance(tanggal, str) else tanggal.isoformat()
    try:
        day = parse_date(day).isoformat()
    except BadValue as exc:
        raise ValidationError(tr("Tanggal penilaian: {e}", e=exc), field="tanggal") from exc
    require(db, actor, "kompetensi.ubah", pegawai_id=pegawai_id)
    item = Penilaian(pegawai_id, day, sumber, clean, potensi, skor, penilai)
    return _write(Store(db), [item], tr("Mencatat hasil penilaian kompetensi"), actor)


# -- held levels ------------------------------------------------------------------------------


def held_levels(
    conn: sqlite3.Connection, pegawai_ids: list[str] | None = None
) -> dict[str, dict[str, int]]:
    """pegawai_id -> kode -> the level of the latest assessment (ties: the assessment centre
    before uji kompetensi before atasan)."""
    sql = (
        "SELECT pegawai_id, kompetensi_kode, level FROM ("
        " SELECT pegawai_id, kompetensi_kode, level, ROW_NUMBER() OVER ("
        "  PARTITION BY pegawai_id, kompetensi_kode ORDER BY tanggal DESC,"
        "  CASE sumber WHEN 'ASSESSMENT_CENTER' THEN 0 WHEN 'UJI_KOMPETENSI' THEN 1 ELSE 2 END,"
        "  id) AS n FROM kompetensi_nilai WHERE deleted = 0) WHERE n = 1"
    )
    result: dict[str, dict[str, int]] = {}
    wanted = set(pegawai_ids) if pegawai_ids is not None else None
    for pid, kode, level in conn.execute(sql):
        if wanted is None or pid in wanted:
            result.setdefault(pid, {})[kode] = int(level)
    return result


def latest_potensi(conn: sqlite3.Connection) -> dict[str, tuple[int, str, float | None]]:
    """pegawai_id -> (potensi 1-3, date, score) of the latest potential assessment."""
    sql = (
        "SELECT pegawai_id, potensi, tanggal, skor FROM ("
        " SELECT pegawai_id, potensi, tanggal, skor, ROW_NUMBER() OVER ("
        "  PARTITION BY pegawai_id ORDER BY tanggal DESC, id) AS n"
        " FROM kompetensi_potensi WHERE deleted = 0) WHERE n = 1"
    )
    return {r[0]: (int(r[1]), str(r[2]), r[3]) for r in conn.execute(sql)}


@dataclass(frozen=True)
class RiwayatNilai:
    kompetensi_kode: str
    nama: str
    level: int
    tanggal: str
    sumber: str
    penilai: str | None


def list_nilai(conn: sqlite3.Connection, pegawai_id: str) -> list[RiwayatNilai]:
    """Every assessed level of a person, newest first."""
    kamus = kompetensi_by_kode(conn)
    rows = conn.execute(
        "SELECT kompetensi_kode, level, tanggal, sumber, penilai FROM kompetensi_nilai "
        "WHERE pegawai_id = ? AND deleted = 0 ORDER BY tanggal DESC, kompetensi_kode",
        (pegawai_id,),
    )
    return [
        RiwayatNilai(r[0], kamus[r[0]].nama if r[0] in kamus else r[0], int(r[1]), r[2], r[3], r[4])
        for r in rows
    ]


# -- import from an assessment centre's sheet -------------------------------------------------


@dataclass(frozen=True)
class BarisNilai:
    baris: int  # the row number in the file
    nip: str
    nama: str
    penilaian: Penilaian


@dataclass
class RencanaNilai:
    """The preview of an assessment sheet: rows understood and problems with row and column."""

    berkas: str
    kolom_kompetensi: dict[str, str] = field(default_factory=dict)  # header -> kode
    rows: list[BarisNilai] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


_NIP = ("nip", "nip baru", "nomor induk pegawai")
_TANGGAL = ("tanggal", "tanggal penilaian", "tanggal asesmen", "tgl")
_SUMBER = ("sumber", "metode", "sumber penilaian")
_PENILAI = ("penilai", "lembaga", "asesor", "assessor")
_POTENSI = ("potensi", "kategori potensi", "kelas potensi")
_SKOR = ("skor potensi", "nilai potensi", "skor")
_IGNORED = ("no", "no.", "nomor", "nama", "nama pegawai", "jabatan", "unit", "keterangan")


def _key(text: str | None) -> str:
    return " ".join((text or "").strip().casefold().split())


def plan_impor_nilai(db: Database, path: Path | str, *, actor: str = "sistem") -> RencanaNilai:
    """Read an assessment centre's sheet and check every cell; nothing is written. The preview
    tells which NIPs exist: ``kompetensi.ubah`` first (a unit operator's rows are checked
    against their unit when saved)."""
    read_roots(db, actor, "kompetensi.ubah")
    conn = db.conn
    source = read_source(path)
    plan = RencanaNilai(berkas=str(path))
    kamus = kompetensi_by_kode(conn)
    by_name = {_key(k.nama): k.kode for k in kamus.values()}
    by_kode = {_key(k): k for k in kamus}
    columns: dict[str, int] = {}
    comp_cols: list[tuple[int, str, str]] = []  # (index, header, kode)
    for index, header in enumerate(source.headers):
        key = _key(header)
        if not key:
            continue
        for name, aliases in (
            ("nip", _NIP),
            ("tanggal", _TANGGAL),
            ("sumber", _SUMBER),
            ("penilai", _PENILAI),
            ("potensi", _POTENSI),
            ("skor", _SKOR),
        ):
            if key in aliases and name not in columns:
                columns[name] = index
                break
        else:
            kode = by_kode.get(key) or by_name.get(key)
            if kode is not None:
                comp_cols.append((index, header, kode))
                plan.kolom_kompetensi[header] = kode
            elif key not in _IGNORED:
                plan.problems.append(
                    tr(
                        "Kolom '{h}': bukan kode atau nama kompetensi di kamus, dan bukan kolom "
                        "yang dikenal (NIP, Tanggal, Sumber, Penilai, Potensi, Skor potensi).",
                        h=header,
                    )
                )
    for needed, label in (("nip", "NIP"), ("tanggal", "Tanggal")):
        if needed not in columns:
            plan.problems.append(tr("Kolom {k} tidak ditemukan di baris judul.", k=label))
    if not comp_cols and "potensi" not in columns:
        plan.problems.append(tr("Tidak ada kolom kompetensi (misalnya M.01 atau Integritas)."))
    if plan.problems:
        return plan
    if len(source.rows) > MAX_BARIS_IMPOR:
        plan.problems.append(
            tr(
                "Berkas berisi {n} baris; paling banyak {m} baris sekali impor.",
                n=len(source.rows),
                m=MAX_BARIS_IMPOR,
            )
        )
        return plan
    nips = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT nip, pegawai_id, nama_lengkap FROM pegawai_ringkas WHERE deleted = 0"
        )
    }
    seen: dict[tuple[str, str, str], int] = {}

    def cell(row: list[str | None], name: str) -> str:
        index = columns.get(name)
        if index is None or index >= len(row):
            return ""
        return (row[index] or "").strip()

    for row, baris in zip(source.rows, source.row_numbers, strict=True):
        errors: list[str] = []

        def bad(kolom: str, reason: object, baris: int = baris, errors: list[str] = errors) -> None:
            errors.append(tr("Baris {b}, kolom {k}: {r}", b=baris, k=kolom, r=reason))

        nip = cell(row, "nip").replace(" ", "")
        found = nips.get(nip)
        if not nip:
            bad("NIP", tr("kosong."))
        elif found is None:
            bad("NIP", tr("NIP {n} tidak ada di data pegawai.", n=nip))
        day = ""
        try:
            day = parse_date(cell(row, "tanggal")).isoformat()
        except BadValue as exc:
            bad("Tanggal", exc)
        sumber = "ASSESSMENT_CENTER"
        try:
            sumber = parse_sumber(cell(row, "sumber"))
        except BadValue as exc:
            bad("Sumber", exc)
        potensi: int | None = None
        if text := cell(row, "potensi"):
            try:
                potensi = parse_potensi(text)
            except BadValue as exc:
                bad("Potensi", exc)
        skor: float | None = None
        if text := cell(row, "skor"):
            try:
                skor = float(text.replace(",", "."))
            except ValueError:
                bad("Skor potensi", tr("'{s}' bukan angka.", s=text))
        levels: dict[str, int] = {}
        for index, header, kode in comp_cols:
            text = (row[index] or "").strip() if index < len(row) else ""
            if not text:
                continue
            try:
                levels[kode] = parse_int(text, 1, 5)
            except BadValue as exc:
                bad(header, exc)
        if not levels and potensi is None and not errors:
            bad("-", tr("tidak ada level kompetensi maupun potensi."))
        dup_key = (nip, day, sumber)
        if nip and day and dup_key in seen:
            bad(
                "NIP",
                tr(
                    "NIP {n} sudah ada di baris {b} dengan tanggal dan sumber yang sama.",
                    n=nip,
                    b=seen[dup_key],
                ),
            )
        seen.setdefault(dup_key, baris)
        if errors:
            plan.problems.extend(errors)
            continue
        assert found is not None
        plan.rows.append(
            BarisNilai(
                baris=baris,
                nip=nip,
                nama=found[1],
                penilaian=Penilaian(
                    found[0], day, sumber, levels, potensi, skor, cell(row, "penilai") or None
                ),
            )
        )
    if not plan.rows and not plan.problems:
        plan.problems.append(tr("Berkas tidak berisi baris data."))
    return plan


def apply_impor_nilai(db: Database, plan: RencanaNilai, *, actor: str = "sistem") -> int:
    """Write a clean preview in one transaction; a preview with problems is refused whole."""
    if plan.problems:
        raise ValidationError(
            tr("Impor hasil penilaian ditolak: {n} masalah.", n=len(plan.problems))
            + "\n"
            + "\n".join(plan.problems[:20]),
            field="berkas",
            reasons=plan.problems,
        )
    if not plan.rows:
        raise ValidationError(tr("Berkas tidak berisi baris data."), field="berkas")
    return _write(
        Store(db),
        [r.penilaian for r in plan.rows],
        tr("Mengimpor hasil penilaian kompetensi dari {f}", f=Path(plan.berkas).name),
        actor,
    )
