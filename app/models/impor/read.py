"""Reading .xlsx, .xls and .csv files for import, refusing hostile files before heavy work.

Order of checks (cheapest first), so that a bad file is refused quickly and safely:

1. the file can be opened, is not empty and not larger than :data:`MAX_FILE_BYTES`
   (``stat`` only: a 200 MB file is refused without reading it);
2. the first bytes say what it is: a zip (.xlsx), an OLE compound file (.xls, or an encrypted
   .xlsx, which Office stores as OLE with an ``EncryptedPackage`` stream), or text (.csv);
3. an .xlsx zip: central directory readable (a truncated file fails here), entry count, total
   uncompressed size, per-entry compression ratio (zip bombs) and the size of each worksheet
   and of the shared strings (:data:`MAX_PART_BYTES`) from the directory, then every XML part
   streamed once with a byte budget and CRC check: a ``<!DOCTYPE``/``<!ENTITY`` is refused (XML
   entity bombs), worksheets with formulas are noted, and each worksheet's declared size
   (``<dimension ref>``) and the reach of its cells (the farthest row and column any cell
   names, and the number of cells) are checked against :data:`MAX_ROWS`,
   :data:`MAX_COLUMNS` and :data:`MAX_CELLS`. python-calamine allocates the whole rectangle from
   A1 to the farthest cell (32 bytes a cell: one cell at XFD1048576 asks for 512 GiB and aborts
   the process), so the rectangle is checked before it is asked to read;
4. only then does python-calamine read the sheet (fast, Rust). Formula cells are never
   evaluated: where a sheet has formulas their text (``=...``) replaces the cached value, read
   with openpyxl only for that sheet, so that the plan can flag them.

A .csv is held to the same row and cell limits while it is read.

Every refusal is a :class:`UnreadableFile` (a ValidationError with exit code 1) with an
Indonesian message that says what to do.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from app.i18n import angka, tr
from app.models.errors import Cancelled, ValidationError
from app.models.impor.bulk import collector_paused
from app.models.impor.fields import header_score
from app.models.impor.normalise import cell_text

MAX_FILE_BYTES = 100 * 1024 * 1024  # 100 MiB on disk
MAX_UNCOMPRESSED = 800 * 1024 * 1024  # all parts of an .xlsx together, decompressed
MAX_RATIO = 100  # decompressed / compressed, for any part larger than RATIO_FLOOR
RATIO_FLOOR = 2 * 1024 * 1024
MAX_ENTRIES = 10_000
# One worksheet (and what calamine holds for it): rows and columns from A1 to the farthest
# cell. MAX_CELLS is 65,536 x 256, the largest sheet an .xls can hold; 250,000 rows of 67
# columns fit, and a 100,000-row SIASN export (43 columns) uses a quarter of it.
MAX_ROWS = 250_000
MAX_COLUMNS = 1_024
MAX_CELLS = 65_536 * 256
MAX_PART_BYTES = 512 * 1024 * 1024  # one worksheet or the shared strings, decompressed
MAX_TAG_BYTES = 4 * 1024 * 1024  # worksheet XML without a '>' (a cell holds 32,767 characters)
HEADER_SEARCH_ROWS = 20
PROGRESS_EVERY = 5000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_DANGEROUS_XML = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_PLAIN_FORMULA = re.compile(rb"<f[\s>/]")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
# Cells as Excel, LibreOffice and openpyxl write them (``<c r="AQ100002" ...``): the fast path.
_LAST_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_TAG = re.compile(rb'<row r="([0-9]{1,7})"')
# Any row or cell tag (a prefix, the reference elsewhere or missing): the general path.
_ROW_OR_CELL = re.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*)>")
_R_ATTR = re.compile(rb"(?:^|\s)r\s*=\s*[\"']\$?([A-Za-z]*)\$?([0-9]*)[\"']")
_REF = re.compile(r"^\$?([A-Za-z]{0,4})\$?([0-9]{0,8})$")
CSV_DELIMITERS = ("|", ";", ",", "\t")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xltx", ".xlsb")


class UnreadableFile(ValidationError):
    """The file cannot be imported at all (``merit import`` exits with 1)."""

    exit_code = 1


@dataclass
class SourceTable:
    """What was read from a file: the header line and the data rows as text."""

    path: Path
    kind: str  # "xlsx" | "xls" | "csv"
    sheet: str | None
    header_row: int  # 1-based row number of the header line in the file
    headers: list[str]
    rows: list[list[str | None]]  # cell text; dates from Excel as ISO text; no empty rows
    row_numbers: list[int]  # 1-based file row of each row
    delimiter: str | None = None  # csv only
    encoding: str | None = None  # csv only
    sheets: list[str] = field(default_factory=list)  # every worksheet of a workbook
    formula_cells: int = 0  # cells whose formula text replaced the cached value


Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def _refuse(message: str) -> UnreadableFile:
    return UnreadableFile(message, field="berkas")


def _mb(size: int) -> str:
    return angka(size / (1024 * 1024), 1 if size < 10 * 1024 * 1024 else 0)


def _check_cancel(cancelled: CancelCheck | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled(tr("Pembacaan berkas dibatalkan; tidak ada yang disimpan."))


@collector_paused()
def read_source(
    path: Path | str,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> SourceTable:
    """Read an employee spreadsheet (.xlsx, .xls, .csv) for import.

    The header line is the row, among the first 20, that names the most known fields; rows
    that are entirely empty are dropped. With several worksheets, ``sheet`` chooses one;
    otherwise the one whose header names the most fields. Raises :class:`UnreadableFile` for
    unreadable, empty, too large, truncated, password-protected, non-spreadsheet or
    bomb-like files and :class:`Cancelled` when ``cancelled()`` becomes true.
    """
    p = Path(path)
    head = _open_checks(p)
    if head.startswith(b"PK"):
        return _read_xlsx(p, sheet, progress, cancelled)
    if head.startswith(OLE_MAGIC):
        return _read_ole(p, sheet, progress, cancelled)
    if p.suffix.lower() in EXCEL_SUFFIXES:
        raise _not_spreadsheet(p)
    return _read_csv(p, progress, cancelled)


# --- common checks ---------------------------------------------------------------------------


def _open_checks(p: Path) -> bytes:
    try:
        stat = p.stat()
    except FileNotFoundError:
        raise _refuse(tr("Berkas {path} tidak ditemukan.", path=p)) from None
    except OSError as exc:
        raise _refuse(
            tr("Berkas {path} tidak dapat dibuka: {detail}.", path=p, detail=exc.strerror or exc)
        ) from exc
    if p.is_dir():
        raise _refuse(tr("{path} adalah folder, bukan berkas.", path=p))
    if stat.st_size == 0:
        raise _refuse(tr("Berkas {path} kosong (0 byte).", path=p.name))
    if stat.st_size > MAX_FILE_BYTES:
        raise _refuse(
            tr(
                "Berkas {path} terlalu besar ({ukuran} MB); batasnya {batas} MB. Pisahkan "
                "datanya menjadi beberapa berkas, atau simpan ulang tanpa gambar dan lembar "
                "kerja lain.",
                path=p.name,
                ukuran=_mb(stat.st_size),
                batas=_mb(MAX_FILE_BYTES),
            )
        )
    try:
        with p.open("rb") as fh:
            return fh.read(8)
    except OSError as exc:
        raise _refuse(
            tr("Berkas {path} tidak dapat dibaca: {detail}.", path=p, detail=exc.strerror or exc)
        ) from exc


def _not_spreadsheet(p: Path) -> UnreadableFile:
    return _refuse(
        tr(
            "Berkas {path} bukan lembar kerja Excel (.xlsx/.xls) atau CSV yang dapat dibaca. "
            "Buka berkas itu di Excel lalu simpan sebagai .xlsx atau CSV.",
            path=p.name,
        )
    )


def _password_protected(p: Path) -> UnreadableFile:
    return _refuse(
        tr(
            "Berkas {path} dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
            "(Berkas > Info > Lindungi Buku Kerja), simpan, lalu impor lagi.",
            path=p.name,
        )
    )


def _truncated(p: Path) -> UnreadableFile:
    return _refuse(
        tr(
            "Berkas {path} rusak atau terpotong (mungkin belum selesai disalin atau diunduh). "
            "Salin ulang berkas aslinya lalu coba lagi.",
            path=p.name,
        )
    )


def _bomb(p: Path, reason: str) -> UnreadableFile:
    return _refuse(
        tr(
            "Berkas {path} ditolak karena isinya mencurigakan ({alasan}); berkas seperti ini "
            "dapat menghabiskan memori komputer. Simpan ulang datanya sebagai berkas Excel "
            "biasa atau CSV.",
            path=p.name,
            alasan=reason,
        )
    )


# --- .xlsx -----------------------------------------------------------------------------------


def _check_zip(p: Path, cancelled: CancelCheck | None) -> bool:
    """Check an .xlsx zip for truncation and bombs. Returns True when a worksheet has
    formulas."""
    try:
        zf = zipfile.ZipFile(p)
    except zipfile.BadZipFile:
        raise _truncated(p) from None
    except OSError as exc:
        raise _refuse(
            tr("Berkas {path} tidak dapat dibaca: {detail}.", path=p, detail=exc.strerror or exc)
        ) from exc
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
            raise _not_spreadsheet(p)
        if "xl/workbook.bin" in names:
            raise _refuse(
                tr(
                    "Berkas {path} adalah buku kerja biner Excel (.xlsb). Simpan sebagai .xlsx "
                    "lalu impor lagi.",
                    path=p.name,
                )
            )
        if len(infos) > MAX_ENTRIES:
            raise _bomb(p, tr("{n} bagian di dalam zip", n=angka(len(infos))))
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise _password_protected(p)
            total += info.file_size
            sheet_like = (
                _is_sheet_part(info.filename) or info.filename.lower() == "xl/sharedstrings.xml"
            )
            if sheet_like and info.file_size > MAX_PART_BYTES:
                raise _sheet_too_big(
                    p,
                    _sheet_label(zf, info.filename),
                    tr("{size} MB setelah diurai", size=_mb(info.file_size)),
                    limit=tr("{size} MB per lembar kerja", size=_mb(MAX_PART_BYTES)),
                )
            if info.file_size > RATIO_FLOOR and (
                info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
            ):
                raise _bomb(
                    p,
                    tr(
                        "bagian {name} mengembang {ratio}x menjadi {size} MB",
                        name=info.filename,
                        ratio=angka(info.file_size // max(info.compress_size, 1)),
                        size=_mb(info.file_size),
                    ),
                )
        if total > MAX_UNCOMPRESSED:
            raise _bomb(p, tr("isi terurai {size} MB", size=_mb(total)))
        # Stream every XML part once, within the declared sizes (zipfile stops there and
        # checks the CRC, so a part that lies about its size is caught).
        has_formulas = False
        budget = MAX_UNCOMPRESSED
        for info in infos:
            lower = info.filename.lower()
            if not lower.endswith((".xml", ".rels", ".vml")):
                continue
            is_sheet = _is_sheet_part(info.filename)
            scan = _SheetScan(p, zf, info.filename) if is_sheet else None
            tail = b""
            try:
                with zf.open(info) as part:
                    while chunk := part.read(1 << 20):
                        budget -= len(chunk)
                        if budget < 0:
                            raise _bomb(p, tr("isi terurai lebih dari yang tercatat"))
                        window = tail + chunk
                        if _DANGEROUS_XML.search(window):
                            raise _bomb(
                                p, tr("XML dengan DOCTYPE/ENTITY di {name}", name=info.filename)
                            )
                        if is_sheet and not has_formulas and _has_formula(window):
                            has_formulas = True
                        if scan is not None:
                            scan.feed(chunk)
                        tail = chunk[-32:]
                        _check_cancel(cancelled)
                    if scan is not None:
                        scan.finish()
            except (zipfile.BadZipFile, EOFError, zlib.error):
                raise _truncated(p) from None
            except NotImplementedError:
                raise _not_spreadsheet(p) from None
            except RuntimeError as exc:  # an encrypted member
                if "encrypted" in str(exc).lower() or "password" in str(exc).lower():
                    raise _password_protected(p) from exc
                raise
    return has_formulas


def _is_sheet_part(name: str) -> bool:
    lower = name.lower()
    return lower.startswith("xl/worksheets/") and lower.endswith(".xml")


def _has_formula(window: bytes) -> bool:
    if _PLAIN_FORMULA.search(window) is not None:
        return True
    return b":f" in window and _FORMULA_TAG.search(window) is not None


def _greater_number(n: int) -> str:
    """A regular expression for decimal numbers (no leading zero) greater than ``n``."""
    digits = str(n)
    alts = [f"[1-9][0-9]{{{len(digits)},}}"]
    for i, d in enumerate(digits):
        if d != "9":
            alts.append(f"{digits[:i]}[{int(d) + 1}-9][0-9]{{{len(digits) - i - 1}}}")
    return "|".join(alts)


def _greater_letters(col: int) -> str:
    """A regular expression for column letters after column number ``col``."""
    letters = _column_letter(col - 1) if col > 0 else ""
    alts = [f"[A-Z]{{{len(letters) + 1},}}"]
    for i, ch in enumerate(letters):
        if ch != "Z":
            alts.append(f"{letters[:i]}[{chr(ord(ch) + 1)}-Z][A-Z]{{{len(letters) - i - 1}}}")
    return "|".join(alts)


@functools.lru_cache(maxsize=64)
def _beyond(row: int, col: int) -> re.Pattern[bytes]:
    """A cell reference after row ``row`` or column ``col``, or one not written as
    ``AQ5`` (lower case, ``$``, a leading zero), in one pass. The letters and digits are
    taken possessively (``++``: what follows them cannot be another of them, so backtracking
    finds nothing more; a third faster on a 100,000-row sheet)."""
    return re.compile(
        (
            f'<c r="(?:[^A-Z]|(?:{_greater_letters(col)})[0-9]'
            f'|[A-Z]++(?:[^0-9]|0|(?:{_greater_number(row)})"|[0-9]++[^"]))'
        ).encode()
    )


def _column_number(letters: bytes | str) -> int:
    """``A`` -> 1, ``AQ`` -> 43, ``XFD`` -> 16384."""
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def _sheet_label(zf: zipfile.ZipFile, part: str) -> str:
    """The name a clerk sees for a worksheet part (``xl/worksheets/sheet1.xml`` -> ``Data``),
    from the workbook and its relationships (small parts, read with a size cap)."""

    def small(name: str) -> str:
        try:
            info = zf.getinfo(name)
            if info.file_size > 1 << 20:
                return ""
            return zf.read(info).decode("utf-8", "replace")
        except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, zlib.error):
            return ""

    target = part.removeprefix("xl/")
    rels = small("xl/_rels/workbook.xml.rels")
    rel_id = None
    for m in re.finditer(r"<(?:\w+:)?Relationship\b([^>]*)>", rels):
        attrs = m.group(1)
        t = re.search(r"\bTarget\s*=\s*[\"']([^\"']*)[\"']", attrs)
        i = re.search(r"\bId\s*=\s*[\"']([^\"']*)[\"']", attrs)
        if t and i and t.group(1).lstrip("/").removeprefix("xl/") == target:
            rel_id = i.group(1)
            break
    if rel_id is not None:
        for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)>", small("xl/workbook.xml")):
            attrs = m.group(1)
            if re.search(r":id\s*=\s*[\"']" + re.escape(rel_id) + "[\"']", attrs):
                name = re.search(r"\bname\s*=\s*[\"']([^\"']*)[\"']", attrs)
                if name:
                    return name.group(1)
    return part


def _sheet_too_big(p: Path, sheet: str, what: str, *, limit: str | None = None) -> UnreadableFile:
    return _refuse(
        tr(
            "Berkas {path}: lembar kerja '{sheet}' terlalu besar untuk diimpor ({what}); "
            "batasnya {limit}. Hapus baris dan kolom kosong di bawah dan di kanan data (atau "
            "salin datanya saja ke buku kerja baru), simpan, lalu impor lagi; data yang "
            "memang sebanyak itu dipisahkan menjadi beberapa berkas.",
            path=p.name,
            sheet=sheet,
            what=what,
            limit=limit
            or tr(
                "{rows} baris, {cols} kolom dan {cells} sel per lembar kerja",
                rows=angka(MAX_ROWS),
                cols=angka(MAX_COLUMNS),
                cells=angka(MAX_CELLS),
            ),
        )
    )


class _SheetScan:
    """The reach of one worksheet's cells, read from its XML as it streams past, refused as
    soon as it passes a limit: the declared ``<dimension ref>``, the farthest row and column
    any cell names (or, for cells without a reference, the position calamine gives them: next
    in the row) and the number of cells."""

    def __init__(self, p: Path, zf: zipfile.ZipFile, part: str) -> None:
        self.p, self.zf, self.part = p, zf, part
        self.carry = b""
        self.started = False
        self.cells = 0
        self.max_row = 0
        self.max_col = 0
        self.row = 0  # the row and column of the last tag seen (general path)
        self.col = 0

    def feed(self, chunk: bytes) -> None:
        data = self.carry + chunk
        cut = data.rfind(b">") + 1  # whole tags only; the rest waits for the next chunk
        if cut == 0:
            if len(data) > MAX_TAG_BYTES:
                # A cell holds at most 32,767 characters: 4 MB without a '>' is no sheet.
                raise _bomb(self.p, tr("XML tanpa akhir tag di {name}", name=self.part))
            self.carry = data
            return
        block, self.carry = data[:cut], data[cut:]
        if not self.started:
            self.started = True
            self._check_dimension(block)
        self._scan(block)
        self._check()

    def finish(self) -> None:
        if self.carry:
            self._scan(self.carry)
            self.carry = b""
        self._check()

    def _check_dimension(self, block: bytes) -> None:
        match = _DIMENSION.search(block[:65536])
        if match is None:
            return
        ref = match.group(1).decode("ascii", "replace")
        last = _REF.match(ref.split(":")[-1].strip())
        if last is None:
            return
        cols = _column_number(last.group(1)) if last.group(1) else 0
        rows = int(last.group(2)) if last.group(2) else 0
        if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
            raise _sheet_too_big(
                self.p,
                _sheet_label(self.zf, self.part),
                tr(
                    "ukurannya tercatat {ref}: {rows} baris × {cols} kolom",
                    ref=ref,
                    rows=angka(rows),
                    cols=angka(cols),
                ),
            )

    def _scan(self, block: bytes) -> None:
        cells = block.count(b'<c r="')
        if block.count(b"<c") != cells or b":c" in block:
            # A cell without a reference or with a prefix, or another tag whose name starts
            # with c (<cols>, <conditionalFormatting>: the first and last blocks).
            self._scan_tags(block)
            return
        # Fast path: every cell names its place as ``<c r="AQ100002"``. Only a cell beyond
        # the reach seen so far makes the block be looked at cell by cell.
        tags = _ROW_TAG.findall(block)
        if tags:
            self.max_row = max(self.max_row, max(map(int, tags)))
        if _beyond(self.max_row, self.max_col).search(block):
            # A cell farther than any seen so far, or an odd reference: each cell of the block.
            self._scan_tags(block)
            return
        self.cells += cells
        last_cell = block.rfind(b'<c r="')
        last = _LAST_REF.search(block[last_cell:]) if last_cell >= 0 else None
        if last is not None:
            self.col, self.row = _column_number(last.group(1)), int(last.group(2))
        if block.rfind(b"<row") > last_cell:
            # A row opens after the last cell: a cell without a reference in the next block
            # starts that row at column 1, not after the previous row's last cell.
            self._scan_tags(block[block.find(b">", last_cell) + 1 if last_cell >= 0 else 0 :])

    def _scan_tags(self, block: bytes) -> None:
        """Every row and cell tag, as calamine places them (general, slower)."""
        for match in _ROW_OR_CELL.finditer(block):
            name, attrs = match.groups()
            ref = _R_ATTR.search(attrs)
            if name == b"row":
                self.row = int(ref.group(2)) if ref and ref.group(2) else self.row + 1
                self.col = 0
                continue
            if ref and ref.group(1):
                self.col = _column_number(ref.group(1))
            else:
                self.col += 1
            if ref and ref.group(2):
                self.row = int(ref.group(2))
            self.cells += 1
            self.max_row = max(self.max_row, self.row)
            self.max_col = max(self.max_col, self.col)

    def _check(self) -> None:
        if (
            self.max_row > MAX_ROWS
            or self.max_col > MAX_COLUMNS
            or self.max_row * self.max_col > MAX_CELLS
            or self.cells > MAX_CELLS
        ):
            raise _sheet_too_big(
                self.p,
                _sheet_label(self.zf, self.part),
                tr(
                    "ada sel sampai baris {rows} dan kolom {col}: {cells} sel",
                    rows=angka(self.max_row),
                    col=_column_letter(self.max_col - 1) if self.max_col else "-",
                    cells=angka(self.max_row * self.max_col),
                ),
            )


def _read_xlsx(
    p: Path, sheet: str | None, progress: Progress | None, cancelled: CancelCheck | None
) -> SourceTable:
    has_formulas = _check_zip(p, cancelled)
    return _read_calamine(p, "xlsx", sheet, has_formulas, progress, cancelled)


# --- .xls and OLE ----------------------------------------------------------------------------


def _ole_has_encrypted_package(p: Path) -> bool:
    """True when an OLE compound file holds an ``EncryptedPackage`` stream (an encrypted
    .xlsx). The directory may sit anywhere, so the file is scanned in chunks."""
    tail = b""
    with p.open("rb") as fh:
        while chunk := fh.read(4 << 20):
            if _ENCRYPTED in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTED) :]
    return False


def _read_ole(
    p: Path, sheet: str | None, progress: Progress | None, cancelled: CancelCheck | None
) -> SourceTable:
    if _ole_has_encrypted_package(p):
        raise _password_protected(p)
    return _read_calamine(p, "xls", sheet, False, progress, cancelled)


# --- calamine --------------------------------------------------------------------------------


def _calamine_error(p: Path, exc: Exception) -> UnreadableFile:
    name = type(exc).__name__
    text = str(exc).lower()
    if name == "PasswordError" or "password" in text or "encrypt" in text:
        return _password_protected(p)
    if name in ("ZipError",) or "eof" in text or "truncat" in text:
        return _truncated(p)
    return _refuse(
        tr(
            "Berkas {path} tidak dapat dibaca sebagai lembar kerja Excel ({detail}). Buka di "
            "Excel, simpan ulang sebagai .xlsx, lalu impor lagi.",
            path=p.name,
            detail=str(exc)[:200] or name,
        )
    )


def _find_header(rows: list[list[str | None]]) -> int:
    """Index (0-based) of the header line: the row among the first ones that names the most
    known fields; without any, the first non-empty row."""
    best, best_score = -1, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score([c or "" for c in row])
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    for index, row in enumerate(rows):
        if any(c for c in row):
            return index
    return -1


def _text_rows(
    raw: list[list[Any]], progress: Progress | None, cancelled: CancelCheck | None
) -> list[list[str | None]]:
    total = len(raw)
    rows: list[list[str | None]] = []
    for index, row in enumerate(raw):
        # cell_text(v), with the common case (non-empty text) first: 4 million cells.
        rows.append([v if v.__class__ is str and v else cell_text(v) for v in row])
        if index % PROGRESS_EVERY == 0:
            _check_cancel(cancelled)
            if progress is not None:
                progress(index, total)
    if progress is not None:
        progress(total, total)
    return rows


def _read_calamine(
    p: Path,
    kind: str,
    sheet: str | None,
    has_formulas: bool,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> SourceTable:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum  # lazy: calamine

    try:
        wb = CalamineWorkbook.from_path(str(p))
    except Exception as exc:  # calamine raises its own error types, and sometimes others
        raise _calamine_error(p, exc) from exc
    with wb:
        names = [
            m.name
            for m in wb.sheets_metadata
            if m.typ == SheetTypeEnum.WorkSheet and m.visible == SheetVisibleEnum.Visible
        ] or list(wb.sheet_names)
        if sheet is not None and sheet not in wb.sheet_names:
            raise ValidationError(
                tr(
                    "Lembar kerja '{sheet}' tidak ada di {path}; yang ada: {names}.",
                    sheet=sheet,
                    path=p.name,
                    names=", ".join(wb.sheet_names),
                ),
                field="sheet",
            )
        candidates = [sheet] if sheet is not None else names
        best: tuple[int, str, list[list[Any]]] | None = None
        for name in candidates:
            _check_cancel(cancelled)
            try:
                raw = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except Exception as exc:
                raise _calamine_error(p, exc) from exc
            if not any(any(v != "" and v is not None for v in r) for r in raw):
                continue
            probe = [[cell_text(v) for v in r] for r in raw[:HEADER_SEARCH_ROWS]]
            score = max((header_score([c or "" for c in r]) for r in probe), default=0)
            if best is None or score > best[0]:
                best = (score, name, raw)
            if sheet is None and score >= 2 and len(candidates) > 1 and name == candidates[0]:
                break  # the first sheet is clearly the data: do not parse the others
    if best is None:
        raise _refuse(
            tr("Berkas {path} tidak berisi data: semua lembar kerjanya kosong.", path=p.name)
        )
    _, chosen, raw = best
    rows = _text_rows(raw, progress, cancelled)
    del raw
    if has_formulas and kind == "xlsx":
        _overlay_formulas(p, chosen, rows, cancelled)
    return _table(p, kind, chosen, rows, sheets=list(names))


def _overlay_formulas(
    p: Path, sheet: str, rows: list[list[str | None]], cancelled: CancelCheck | None
) -> int:
    """Replace the cached value of every formula cell by its formula text (``=...``).

    Read with openpyxl (slow, so only for sheets that have formulas): the importer never
    uses a value that a formula computed, it flags the cell instead.
    """
    import openpyxl  # lazy: openpyxl

    count = 0
    wb = openpyxl.load_workbook(p, read_only=True, data_only=False)
    try:
        ws = wb[sheet]
        for r_index, row in enumerate(ws.iter_rows()):
            if r_index % PROGRESS_EVERY == 0:
                _check_cancel(cancelled)
            for cell in row:
                if getattr(cell, "data_type", None) != "f":
                    continue
                col = getattr(cell, "column", None)
                line = getattr(cell, "row", None)
                if not isinstance(col, int) or not isinstance(line, int):
                    continue
                value = cell.value
                text = value if isinstance(value, str) else f"={getattr(value, 'text', value)}"
                while len(rows) < line:
                    rows.append([])
                target = rows[line - 1]
                while len(target) < col:
                    target.append(None)
                target[col - 1] = text if text.startswith("=") else "=" + text
                count += 1
    finally:
        wb.close()
    return count


# --- .csv ------------------------------------------------------------------------------------


def _decode(p: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _not_spreadsheet(p) from None
    if b"\x00" in data[:65536]:
        raise _not_spreadsheet(p)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def detect_delimiter(sample: str) -> str:
    """The delimiter (``|``, ``;``, ``,`` or tab) that splits the sample's lines into the
    most consistent number of fields (more than one)."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score = ",", (-1.0, 0)
    for delimiter in CSV_DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=delimiter)]
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) / len(lines), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(p: Path, progress: Progress | None, cancelled: CancelCheck | None) -> SourceTable:
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise _refuse(
            tr("Berkas {path} tidak dapat dibaca: {detail}.", path=p, detail=exc.strerror or exc)
        ) from exc
    text, encoding = _decode(p, data)
    del data
    if not text.strip():
        raise _refuse(tr("Berkas {path} kosong.", path=p.name))
    delimiter = detect_delimiter(text[:65536])
    rows: list[list[str | None]] = []
    # Rows read one by one and held to the same limits as a worksheet; the progress total
    # is an estimate from the line count.
    total = max(1, text.count("\n"))
    cells = 0
    try:
        for index, r in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            cells += len(r)
            if index >= MAX_ROWS or cells > MAX_CELLS:
                raise _refuse(
                    tr(
                        "Berkas {path} terlalu besar untuk diimpor (lebih dari {what}); batasnya "
                        "{rows} baris dan {cells} sel. Pisahkan datanya menjadi beberapa berkas.",
                        path=p.name,
                        what=tr("{n} baris", n=angka(MAX_ROWS))
                        if index >= MAX_ROWS
                        else tr("{n} sel", n=angka(MAX_CELLS)),
                        rows=angka(MAX_ROWS),
                        cells=angka(MAX_CELLS),
                    )
                )
            rows.append([c if c != "" else None for c in r])
            if index % PROGRESS_EVERY == 0:
                _check_cancel(cancelled)
                if progress is not None:
                    progress(min(index, total), total)
    except csv.Error as exc:
        raise _refuse(
            tr("Berkas CSV {path} tidak dapat dibaca: {detail}.", path=p.name, detail=exc)
        ) from exc
    del text
    if progress is not None:
        progress(total, total)
    table = _table(p, "csv", None, rows)
    table.delimiter = delimiter
    table.encoding = encoding
    return table


# --- the table -------------------------------------------------------------------------------


def _table(
    p: Path,
    kind: str,
    sheet: str | None,
    rows: list[list[str | None]],
    *,
    sheets: list[str] | None = None,
) -> SourceTable:
    header_index = _find_header(rows)
    if header_index < 0:
        raise _refuse(tr("Berkas {path} tidak berisi data.", path=p.name))
    header_cells = rows[header_index]
    body: list[list[str | None]] = []
    numbers: list[int] = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if not any(c is not None and c.strip() for c in row):
            continue
        body.append(row)
        numbers.append(index + 1)
    if not body:
        raise _refuse(
            tr(
                "Berkas {path} tidak berisi baris data di bawah judul kolom (baris {n}).",
                path=p.name,
                n=header_index + 1,
            )
        )
    width = max(_last_filled(header_cells), max(_last_filled(r) for r in body))
    headers = [
        (header_cells[i] or "").strip() if i < len(header_cells) else "" for i in range(width)
    ]
    headers = [h or tr("Kolom {n}", n=_column_letter(i)) for i, h in enumerate(headers)]
    body = [(r + [None] * (width - len(r)))[:width] for r in body]
    formula_cells = sum(1 for c in chain.from_iterable(body) if c and c[0] == "=")
    return SourceTable(
        path=p,
        kind=kind,
        sheet=sheet,
        header_row=header_index + 1,
        headers=headers,
        rows=body,
        row_numbers=numbers,
        sheets=sheets or [],
        formula_cells=formula_cells,
    )


def _last_filled(row: list[str | None]) -> int:
    for i in range(len(row) - 1, -1, -1):
        if row[i] is not None and row[i] != "":
            return i + 1
    return 0


def _column_letter(index: int) -> str:
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
