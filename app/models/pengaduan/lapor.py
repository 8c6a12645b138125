"""Import of a SP4N-LAPOR! export sheet (.xlsx/.csv) into the complaints register.

The file is read by the import engine's reader (:func:`app.models.impor.read.read_source`:
size limits, zip and XML bombs, password-protected and truncated files refused; formulas never
evaluated). Its columns are mapped by a preset of header aliases (:data:`PRESET`) that the
caller can override (``field=Header``). Every row is checked first (:func:`rencana`): a row
with a problem names its file row, field and reason, and then nothing is written; otherwise all
new rows are written in one transaction through the one write path (:func:`impor`).

The LAPOR ticket number is the external key: the complaint's id is derived from it (UUIDv5),
so importing the same file again adds nothing, and two installations importing the same export
meet as one record. An anonymous row keeps no name; a confidential row keeps the name under the
protected identity of the register.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.i18n import tr
from app.models.access import akses
from app.models.errors import ValidationError
from app.models.impor.normalise import clean_text, looks_like_formula, parse_date
from app.models.impor.read import HEADER_SEARCH_ROWS, SourceTable, read_source
from app.models.pengaduan.register import (
    Pelapor,
    PengaduanBaru,
    check_baru,
    identitas_pelapor,
    insert_pengaduan,
)
from app.models.reference.loader import natural_id
from app.models.storage.db import Database
from app.models.storage.store import Store

# field -> (title, header aliases as LAPOR! exports write them, required)
PRESET: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "tiket": ("Nomor tiket", ("ID Laporan", "Nomor Tiket", "No Tiket", "Tracking ID"), True),
    "tanggal": ("Tanggal laporan", ("Tanggal Laporan", "Tanggal", "Tgl Laporan"), True),
    "judul": ("Judul", ("Judul", "Judul Laporan", "Perihal"), True),
    "isi": ("Isi laporan", ("Isi Laporan", "Isi", "Uraian"), False),
    "kategori": ("Kategori", ("Kategori", "Kategori Laporan"), False),
    "instansi": ("Instansi tujuan", ("Instansi Tujuan", "Instansi", "Disposisi"), False),
    "status": ("Status", ("Status", "Status Laporan"), False),
    "sumber": ("Sumber", ("Sumber", "Kanal", "Sumber Laporan"), False),
    "nama": ("Nama pelapor", ("Nama Pelapor", "Pelapor", "Nama"), False),
    "anonim": ("Anonim", ("Anonim", "Anonymous"), False),
    "rahasia": ("Rahasia", ("Rahasia", "Dirahasiakan", "Confidential"), False),
}
_YA = frozenset({"YA", "Y", "1", "TRUE", "BENAR", "X", "YES"})
_TIDAK = frozenset({"TIDAK", "T", "0", "FALSE", "SALAH", "NO", "N", ""})

BARU, ADA, SALAH = "BARU", "SUDAH_ADA", "SALAH"


@dataclass
class BarisLapor:
    baris: int  # 1-based row of the file
    tiket: str | None
    status: str  # BARU | SUDAH_ADA | SALAH
    alasan: list[str] = field(default_factory=list)  # "field: reason"
    catatan: list[str] = field(default_factory=list)  # warnings that do not stop the row
    data: PengaduanBaru | None = None


@dataclass
class RencanaLapor:
    path: Path
    kolom: dict[str, str]  # field -> header found
    baris: list[BarisLapor]

    @property
    def baru(self) -> list[BarisLapor]:
        return [b for b in self.baris if b.status == BARU]

    @property
    def salah(self) -> list[BarisLapor]:
        return [b for b in self.baris if b.status == SALAH]

    @property
    def ada(self) -> list[BarisLapor]:
        return [b for b in self.baris if b.status == ADA]


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def parse_peta(items: Iterable[str]) -> dict[str, str]:
    """``field=Header`` overrides of the preset (a CLI ``--map`` each)."""
    result: dict[str, str] = {}
    for item in items:
        name, sep, header = item.partition("=")
        name = name.strip().lower()
        if not sep or not header.strip():
            raise ValidationError(
                tr("Pemetaan '{m}' harus berbentuk kolom=Judul Kolom.", m=item), field="map"
            )
        if name not in PRESET:
            raise ValidationError(
                tr(
                    "Kolom '{k}' tidak dikenal; pilih dari: {daftar}.",
                    k=name,
                    daftar=", ".join(PRESET),
                ),
                field="map",
            )
        result[name] = header.strip()
    return result


def _match(headers: list[str], peta: dict[str, str]) -> dict[str, int]:
    keys = [_key(h or "") for h in headers]
    found: dict[str, int] = {}
    for name, (_title, aliases, _req) in PRESET.items():
        wanted = (peta[name],) if name in peta else aliases
        for alias in wanted:
            k = _key(alias)
            if k in keys and keys.index(k) not in found.values():
                found[name] = keys.index(k)
                break
    return found


def _header(table: SourceTable, peta: dict[str, str]) -> tuple[list[str], int, dict[str, int]]:
    """The header line that names the most fields of the preset: the reader picks it for an
    employee sheet, so the first rows are tried again for a LAPOR! sheet with a title above."""
    best = (table.headers, -1, _match(table.headers, peta))
    for i, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        cols = _match([c or "" for c in row], peta)
        if len(cols) > len(best[2]):
            best = ([c or "" for c in row], i, cols)
    return best


def _kategori(db: Database) -> dict[str, str]:
    result: dict[str, str] = {}
    for kode, nama in db.conn.execute(
        "SELECT kode, nama FROM ref_kategori_pengaduan WHERE deleted = 0"
    ):
        result[_key(str(kode))] = str(kode)
        result[_key(str(nama))] = str(kode)
    return result


def lapor_id(tiket: str) -> str:
    """The complaint id of a LAPOR! ticket (the same on every installation)."""
    return natural_id("pengaduan", "LAPOR", tiket.strip().upper())


def rencana(
    db: Database, actor: str, path: Path | str, peta: dict[str, str] | None = None
) -> RencanaLapor:
    """Read and check a LAPOR! export without writing: one line per data row with its fate
    (new, already imported, wrong with the reasons)."""
    akses.require(db, actor, "pengaduan.kelola")
    peta = peta or {}
    table = read_source(path)
    headers, start, cols = _header(table, peta)
    missing = [PRESET[n][0] for n, (_t, _a, req) in PRESET.items() if req and n not in cols]
    if missing:
        for name, header in peta.items():
            if name not in cols:
                missing.append(tr("kolom '{h}' dari pemetaan tidak ada", h=header))
        raise ValidationError(
            tr(
                "Berkas {f} bukan ekspor SP4N-LAPOR! yang dikenal: kolom {k} tidak ditemukan "
                "(judul kolom yang ada: {ada}). Pakai --map kolom=Judul Kolom.",
                f=Path(path).name,
                k=", ".join(missing),
                ada=", ".join(h for h in headers if h) or "-",
            ),
            field="berkas",
        )
    kategori = _kategori(db)
    seen: dict[str, int] = {}
    result: list[BarisLapor] = []
    for row, nomor in zip(table.rows[start + 1 :], table.row_numbers[start + 1 :], strict=True):
        result.append(_baris(db, row, nomor, cols, kategori, seen))
    if not result:
        raise ValidationError(
            tr("Berkas {f} tidak berisi baris laporan.", f=Path(path).name), field="berkas"
        )
    return RencanaLapor(Path(path), {n: headers[i] for n, i in cols.items()}, result)


def _flag(text: str | None) -> bool | None:
    value = (text or "").strip().upper()
    if value in _YA:
        return True
    if value in _TIDAK:
        return False
    return None


def _baris(
    db: Database,
    row: list[str | None],
    nomor: int,
    cols: dict[str, int],
    kategori: dict[str, str],
    seen: dict[str, int],
) -> BarisLapor:
    alasan: list[str] = []
    catatan: list[str] = []
    cells: dict[str, str | None] = {}
    rumus: set[str] = set()
    for name, i in cols.items():
        raw = row[i] if i < len(row) else None
        if raw is not None and looks_like_formula(raw):
            alasan.append(tr("{k}: berisi rumus; rumus tidak diterima.", k=PRESET[name][0]))
            rumus.add(name)
            raw = None
        cells[name] = clean_text(raw)
    tiket = cells.get("tiket")
    b = BarisLapor(nomor, tiket, SALAH, alasan, catatan)
    if not tiket:
        if "tiket" not in rumus:
            alasan.append(tr("Nomor tiket: wajib diisi."))
    elif tiket.upper() in seen:
        alasan.append(
            tr("Nomor tiket: {t} sudah ada di baris {b}.", t=tiket, b=seen[tiket.upper()])
        )
    else:
        seen[tiket.upper()] = nomor
    tanggal: date | None = None
    if not cells.get("tanggal"):
        if "tanggal" not in rumus:
            alasan.append(tr("Tanggal laporan: wajib diisi."))
    else:
        try:
            tanggal = parse_date(str(cells["tanggal"]))
        except ValueError as exc:
            alasan.append(tr("Tanggal laporan: {e}", e=str(exc)))
    judul = cells.get("judul")
    if not judul and "judul" not in rumus:
        alasan.append(tr("Judul: wajib diisi."))
    anonim = _flag(cells.get("anonim"))
    rahasia = _flag(cells.get("rahasia"))
    for name, value in (("anonim", anonim), ("rahasia", rahasia)):
        if value is None:
            alasan.append(tr("{k}: '{v}' bukan Ya/Tidak.", k=PRESET[name][0], v=cells.get(name)))
    kode = None
    if cells.get("kategori"):
        kode = kategori.get(_key(str(cells["kategori"])))
        if kode is None:
            kode = "LAINNYA" if "lainnya" in kategori else None
            catatan.append(
                tr("Kategori '{k}' tidak ada di referensi: dicatat Lainnya.", k=cells["kategori"])
            )
    if alasan or tanggal is None or not judul or not tiket:
        return b
    identitas = "ANONIM" if anonim else ("RAHASIA" if rahasia else "TERBUKA")
    uraian = "\n".join(
        x
        for x in (
            cells.get("isi"),
            tr("Status di LAPOR!: {s}", s=cells["status"]) if cells.get("status") else None,
            tr("Sumber di LAPOR!: {s}", s=cells["sumber"]) if cells.get("sumber") else None,
        )
        if x
    )
    data = PengaduanBaru(
        tanggal_terima=tanggal,
        kanal="LAPOR",
        perihal=judul,
        identitas=identitas,
        pelapor=Pelapor() if anonim else Pelapor(nama=cells.get("nama")),
        uraian=uraian or None,
        layanan=cells.get("instansi"),
        kategori_kode=kode,
        nomor=tiket,
    )
    try:
        check_baru(db.conn, data)
    except ValidationError as exc:
        alasan.extend(exc.reasons or [str(exc)])
        return b
    b.data = data
    exists = db.conn.execute("SELECT 1 FROM pengaduan WHERE id = ?", (lapor_id(tiket),)).fetchone()
    b.status = ADA if exists else BARU
    return b


@dataclass(frozen=True)
class HasilLapor:
    rencana: RencanaLapor
    ditulis: int


def impor(
    db: Database,
    actor: str,
    path: Path | str,
    peta: dict[str, str] | None = None,
    *,
    coba: bool = False,
) -> HasilLapor:
    """Import a LAPOR! export: all new rows in one transaction, or nothing when a row is wrong
    (a ValidationError naming every wrong row, field and reason). ``coba``: check only."""
    plan = rencana(db, actor, path, peta)
    if plan.salah:
        reasons = [tr("Baris {b}: {a}", b=b.baris, a=a) for b in plan.salah for a in b.alasan]
        raise ValidationError(
            tr(
                "Impor LAPOR! dibatalkan, tidak ada yang disimpan: {n} baris salah. {daftar}",
                n=len(plan.salah),
                daftar=" ".join(reasons[:20]),
            ),
            field="berkas",
            reasons=reasons,
        )
    if coba or not plan.baru:
        return HasilLapor(plan, 0)
    # Sealed before the transaction (a confidential complainant never in the clear).
    identitas = {b.tiket: identitas_pelapor(db, b.data) for b in plan.baru if b.data is not None}
    with Store(db).write(
        tr("Mengimpor {n} laporan SP4N-LAPOR!", n=len(plan.baru)), actor=actor
    ) as tx:
        for b in plan.baru:
            assert b.data is not None and b.tiket is not None
            insert_pengaduan(tx, b.data, identitas=identitas[b.tiket], row_id=lapor_id(b.tiket))
    return HasilLapor(plan, len(plan.baru))
