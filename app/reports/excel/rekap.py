"""Excel recap sheets as a clerk prints them (openpyxl for the workbook, the cells streamed as
SpreadsheetML text by :mod:`app.reports.excel.sheetdata`; 100,000 rows in seconds).

Every sheet: the agency and the title in merged rows on top, the date the Indonesian way, a
bordered table with merged group headers, NIP as text, dates as real dates shown
``dd-mm-yyyy``, counts as integers, the header frozen and filtered, and a print set-up of A4 or
F4 landscape fitted to the page width with the header rows repeated on every page.

F4 is not a standard paper size in the spreadsheet formats. Indonesian offices call the
215 × 330 mm sheet "F4"; the closest size that Excel and LibreOffice know is **Folio**
(8.5 × 13 in = 216 × 330 mm, ``paperSize`` 14), which is what ``kertas="F4"`` writes.

Text that begins with ``=``, ``+``, ``-`` or ``@`` is written as a text cell (explicit data type
``s``), never as a formula. This module receives plain data (the dataclasses of
:mod:`app.models.rekap`) and runs no SQL.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from app.i18n import tanggal, tr
from app.models.organisasi.bezetting import BezettingReport
from app.models.rekap.common import KopLaporan
from app.models.rekap.diklat import DiklatBaris
from app.models.rekap.duk import DukBaris
from app.models.rekap.kgb import KgbBaris
from app.models.rekap.kp import NominatifKp
from app.models.rekap.pensiun import PensiunBaris
from app.models.rekap.tabel import Rekap
from app.reports.excel.sheetdata import (
    OpenpyxlRows,
    Rows,
    Sel,
    XmlRows,
    clean,
    save_with_rows,
    scratch,
)
from app.reports.excel.ukuran import LINE_HEIGHT, WIDEST, text_points, wrapped_lines

# Paper sizes of the SpreadsheetML page set-up (ECMA-376 Part 1, 18.3.1.63).
KERTAS: dict[str, int] = {
    "A4": 9,  # 210 × 297 mm
    "F4": 14,  # Folio 8.5 × 13 in (216 × 330 mm): what Indonesian offices call F4
}
FORMAT_TANGGAL = "DD-MM-YYYY"
FORMAT_ANGKA = "0"
FORMAT_TEKS = "@"

JENIS_KOLOM = ("teks", "nip", "tanggal", "angka", "nomor", "desimal")
FORMAT_DESIMAL = "0.00"  # a mean of ratings, shown 3,25 in an Indonesian Excel
_FORMAT = {"angka": FORMAT_ANGKA, "nomor": FORMAT_ANGKA, "desimal": FORMAT_DESIMAL}


@dataclass(frozen=True)
class Kolom:
    """A column: its header, width (characters), kind and the group header above it."""

    judul: str
    lebar: float
    jenis: str = "teks"  # one of JENIS_KOLOM
    grup: str | None = None


@dataclass
class Lembar:
    """One sheet: title lines, columns, rows of values (any iterable, streamed), an optional
    total row and footnotes."""

    nama: str
    judul: Sequence[str]
    kolom: Sequence[Kolom]
    baris: Iterable[Sequence[object]]
    total: Sequence[object] | None = None
    catatan: Sequence[str] = field(default_factory=tuple)
    tanda_tangan: bool = False  # place, date and the Kepala's signature block at the end


def _keterangan(cuti: str | None, keterangan: tuple[str, ...]) -> str:
    """The remarks cell: a cuti besar or CLTN running first (issue 17), then the notes."""
    return "; ".join((cuti, *keterangan) if cuti else keterangan)


def _thin() -> Border:
    side = Side(style="thin", color="000000")
    return Border(left=side, right=side, top=side, bottom=side)


RowsFor = Callable[[Any], Rows]  # where the cells of a new sheet go


class _Styles:
    """Style arrays made once per sheet; each becomes one style id of the workbook."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        border = _thin()
        body = Font(name="Arial", size=9)
        bold = Font(name="Arial", size=9, bold=True)
        top_left = Alignment(vertical="top", wrap_text=True)
        top_center = Alignment(vertical="top", horizontal="center")
        # Numbers stand one indent off the right border, so that "8" and "Diklat…" or "420"
        # and "S2" in the next column do not read as one word.
        top_right = Alignment(vertical="top", horizontal="right", indent=1)
        self.data: dict[str, Any] = {
            "teks": self._make(font=body, border=border, alignment=top_left),
            "nip": self._make(
                font=body, border=border, alignment=top_left, number_format=FORMAT_TEKS
            ),
            "tanggal": self._make(
                font=body, border=border, alignment=top_center, number_format=FORMAT_TANGGAL
            ),
            "angka": self._make(
                font=body, border=border, alignment=top_right, number_format=FORMAT_ANGKA
            ),
            "nomor": self._make(
                font=body, border=border, alignment=top_center, number_format=FORMAT_ANGKA
            ),
            "desimal": self._make(
                font=body, border=border, alignment=top_right, number_format=FORMAT_DESIMAL
            ),
        }
        self.total = {
            kind: self._make(
                font=bold,
                border=border,
                alignment=top_right if kind in ("angka", "nomor", "desimal") else top_left,
                number_format=_FORMAT.get(kind, "General"),
                fill=PatternFill("solid", fgColor="F2F2F2"),
            )
            for kind in JENIS_KOLOM
        }
        self.header = self._make(
            font=bold,
            border=border,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            fill=PatternFill("solid", fgColor="D9E1F2"),
        )
        self.instansi = self._make(
            font=Font(name="Arial", size=12, bold=True), alignment=Alignment(horizontal="center")
        )
        self.judul = self._make(
            font=Font(name="Arial", size=11, bold=True), alignment=Alignment(horizontal="center")
        )
        self.subjudul = self._make(
            font=Font(name="Arial", size=10), alignment=Alignment(horizontal="center")
        )
        self.catatan = self._make(font=Font(name="Arial", size=9, italic=True))
        self.ttd = self._make(
            font=Font(name="Arial", size=10),
            alignment=Alignment(horizontal="left", vertical="top", wrap_text=True),
        )
        self.ttd_nama = self._make(
            font=Font(name="Arial", size=10, bold=True, underline="single"),
            alignment=Alignment(horizontal="left"),
        )

    def _make(self, **attrs: Any) -> Any:
        cell = Cell(self.ws, row=1, column=1)
        for name, value in attrs.items():
            setattr(cell, name, value)
        return cell._style


def _header_rows(kolom: Sequence[Kolom]) -> int:
    return 2 if any(k.grup for k in kolom) else 1


def _write_sheet(wb: Workbook, kop: KopLaporan, lembar: Lembar, kertas: str, rows: RowsFor) -> int:
    """Write one sheet: its settings through openpyxl, its cells to ``rows(ws)``. Returns the
    number of data rows."""
    ws = wb.create_sheet(_sheet_title(lembar.nama))
    st = _Styles(ws)
    out = rows(ws)
    ncol = len(lembar.kolom)
    last = get_column_letter(ncol)
    for i, k in enumerate(lembar.kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = k.lebar

    # Title rows: agency, the sheet's title lines, then one empty row.
    titles: list[tuple[str, Any]] = [(kop.instansi.upper(), st.instansi)]
    for n, line in enumerate(lembar.judul):
        titles.append((line, st.judul if n == 0 else st.subjudul))
    levels = _header_rows(lembar.kolom)
    h1 = len(titles) + 2  # the title rows, then one empty row
    h2 = h1 + levels - 1
    # In write-only mode the sheet views and properties are written with the first row:
    # freeze panes and page set-up come before any row.
    ws.freeze_panes = f"A{h2 + 1}"
    ws.print_title_rows = f"{h1}:{h2}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = KERTAS[kertas]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.3, right=0.3, top=0.5, bottom=0.6, header=0.2, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = tr("Halaman &P dari &N")
    ws.oddFooter.center.size = 8
    ws.oddFooter.left.text = _footer_text(lembar.judul[0] if lembar.judul else lembar.nama)
    ws.oddFooter.left.size = 8
    for text, style in titles:
        out.append([(text, style)])
        ws.merged_cells.add(f"A{out.row}:{last}{out.row}")
    out.append([])

    # Header: group headers merged across their columns, single headers merged down.
    if levels == 1:
        out.append([(k.judul, st.header) for k in lembar.kolom])
    else:
        top: list[Sel] = []
        bottom: list[Sel] = []
        i = 0
        while i < ncol:
            k = lembar.kolom[i]
            if k.grup is None:
                top.append((k.judul, st.header))
                bottom.append((None, st.header))
                ws.merged_cells.add(
                    f"{get_column_letter(i + 1)}{h1}:{get_column_letter(i + 1)}{h2}"
                )
                i += 1
                continue
            j = i
            while j + 1 < ncol and lembar.kolom[j + 1].grup == k.grup:
                j += 1
            for n in range(i, j + 1):
                top.append((k.grup if n == i else None, st.header))
                bottom.append((lembar.kolom[n].judul, st.header))
            if j > i:
                ws.merged_cells.add(
                    f"{get_column_letter(i + 1)}{h1}:{get_column_letter(j + 1)}{h1}"
                )
            i = j + 1
        out.append(top)
        out.append(bottom)

    styles = [st.data[k.jenis] for k in lembar.kolom]
    # Wrapped text needs a taller row; spreadsheet programs do not all re-measure rows when
    # they open a file, so the height is estimated here (Arial 9 pt) for rows that wrap.
    wrap = [(i, text_points(k.lebar)) for i, k in enumerate(lembar.kolom) if k.jenis == "teks"]

    def height(values: Sequence[object]) -> float | None:
        lines = _lines(values, wrap)
        return LINE_HEIGHT * lines + 2 if lines > 1 else None

    count = out.extend(lembar.baris, styles, height)
    if lembar.total is not None:
        totals = [st.total[k.jenis] for k in lembar.kolom]
        out.append(list(zip(lembar.total, totals, strict=True)))
    if lembar.catatan:
        out.append([])
        for line in lembar.catatan:
            out.append([(line, st.catatan)])
    if lembar.tanda_tangan:
        _signature(ws, out, st, kop, lembar.kolom)

    ws.auto_filter.ref = f"A{h2}:{last}{h2 + max(count, 1)}"
    return count


def _signature(ws: Any, out: Rows, st: _Styles, kop: KopLaporan, kolom: Sequence[Kolom]) -> None:
    """Place, date and the Kepala's signature block under the table, on the right (merged over
    the last columns, about a third of the width); a dotted line where the name or NIP is not
    known."""
    ncol = len(kolom)
    total = sum(k.lebar for k in kolom)
    start, used = ncol, 0.0
    while start > 1 and used + kolom[start - 1].lebar < total / 3:
        start -= 1
        used += kolom[start].lebar
    first, last = get_column_letter(start), get_column_letter(ncol)
    blank = "." * 40
    tempat = kop.tempat or blank
    jabatan = (kop.ttd_jabatan or blank).rstrip().rstrip(",") + ","
    lines: list[tuple[str | None, Any]] = [
        (None, None),
        (None, None),
        (f"{tempat}, {tanggal(kop.tanggal)}", st.ttd),
        (jabatan, st.ttd),
        (None, None),
        (None, None),
        (None, None),
        (kop.ttd_nama or blank, st.ttd_nama if kop.ttd_nama else st.ttd),
        (tr("NIP. {nip}", nip=kop.ttd_nip or blank), st.ttd),
    ]
    points = text_points(used + kolom[start - 1].lebar)
    for text, style in lines:
        if text is None:
            out.append([])
            continue
        # a long office line wraps inside its merged cells (Arial 10 pt)
        wraps = wrapped_lines(text, points, 10.0)
        row: list[Sel] = [(None, None)] * (start - 1)
        out.append([*row, (text, style)], 13 * wraps + 2 if wraps > 1 else None)
        ws.merged_cells.add(f"{first}{out.row}:{last}{out.row}")


def _lines(values: Sequence[object], wrap: list[tuple[int, float]]) -> int:
    """Number of wrapped lines of a row; ``wrap``: (column, points of text per line)."""
    most = 1
    for i, points in wrap:
        value = values[i]
        # shorter than this many of the widest characters: one line, nothing to measure
        if isinstance(value, str) and len(value) * (9.0 * WIDEST) > points:
            most = max(most, wrapped_lines(value, points))
    return most


def _footer_text(text: str) -> str:
    """'&' starts a code in header and footer text; doubled, it prints. Characters XML cannot
    hold are removed (a title line may carry a unit's name)."""
    return clean(text).replace("&", "&&")


def _sheet_title(name: str) -> str:
    name = clean(name)
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31]


def write_workbook(
    path: Path | str,
    kop: KopLaporan,
    lembar: Sequence[Lembar],
    *,
    kertas: str = "A4",
    through_openpyxl: bool = False,
) -> dict[str, int]:
    """Write the sheets to an .xlsx file (atomically: a temporary file renamed at the end).
    Returns the number of data rows per sheet.

    The cells are written as SpreadsheetML text (:mod:`app.reports.excel.sheetdata`), the
    rest by openpyxl; ``through_openpyxl``: every cell through openpyxl's own writer instead
    (slower: the reference that the tests compare the fast path with)."""
    if kertas not in KERTAS:
        raise ValueError(f"kertas harus salah satu dari {sorted(KERTAS)}")
    target = Path(path)
    # A hidden name beside the target: the file gets the usual permissions, and a failure
    # leaves the previous file (if any) untouched.
    tmp = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.tmp.xlsx")
    wb = Workbook(write_only=True)
    counts: dict[str, int] = {}
    if through_openpyxl:
        try:
            for sheet in lembar:
                counts[sheet.nama] = _write_sheet(wb, kop, sheet, kertas, OpenpyxlRows)
        except BaseException:
            for ws in wb.worksheets:  # end the half-written streams cleanly
                with contextlib.suppress(Exception):
                    ws.close()
            raise
        try:
            wb.save(tmp)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return counts

    with scratch() as work:
        parts: list[XmlRows] = []

        def rows(ws: Any) -> XmlRows:
            parts.append(XmlRows(ws, work / f"rows{len(parts) + 1}.xml"))
            return parts[-1]

        try:
            for sheet in lembar:
                counts[sheet.nama] = _write_sheet(wb, kop, sheet, kertas, rows)
            save_with_rows(wb, tmp, parts, work)
            os.replace(tmp, target)
        except BaseException:
            for part in parts:
                with contextlib.suppress(Exception):
                    part.close()
            tmp.unlink(missing_ok=True)
            raise
    return counts


def _subjudul(kop: KopLaporan, *extra: str) -> list[str]:
    lines = []
    if kop.unit:
        lines.append(tr("Unit kerja: {unit}", unit=kop.unit))
    lines.extend(extra)
    return lines


# -- the sheets ---------------------------------------------------------------------------------


def duk_kolom() -> tuple[Kolom, ...]:
    """Columns of the printed DUK: those of the form of SE Kepala BAKN 03/SE/1980 (No., name,
    NIP, pangkat, jabatan, masa kerja, latihan jabatan, pendidikan, birth date, remarks), narrow
    enough that a landscape A4 page fitted to its width prints them at 8 pt or more."""
    return (
        Kolom(tr("No."), 4.5, "nomor"),
        Kolom(tr("Nama"), 19),
        Kolom(tr("NIP"), 19.5, "nip"),
        Kolom(tr("Gol."), 5.5, grup=tr("Pangkat")),
        Kolom(tr("TMT"), 9.5, "tanggal", grup=tr("Pangkat")),
        Kolom(tr("Nama Jabatan"), 20, grup=tr("Jabatan")),
        Kolom(tr("TMT"), 9.5, "tanggal", grup=tr("Jabatan")),
        Kolom(tr("Thn"), 4.5, "angka", grup=tr("Masa Kerja")),
        Kolom(tr("Bln"), 4.5, "angka", grup=tr("Masa Kerja")),
        Kolom(tr("Nama Latihan"), 12, grup=tr("Latihan Jabatan")),
        Kolom(tr("Tanggal"), 9.5, "tanggal", grup=tr("Latihan Jabatan")),
        Kolom(tr("Jam"), 5.5, "angka", grup=tr("Latihan Jabatan")),
        Kolom(tr("Tingkat"), 6.5, grup=tr("Pendidikan")),
        Kolom(tr("Lulus"), 6, "angka", grup=tr("Pendidikan")),
        Kolom(tr("Tanggal Lahir"), 9.5, "tanggal"),
        Kolom(tr("Ket."), 7),
    )


def duk_values(rows: Iterable[DukBaris]) -> Iterator[tuple[object, ...]]:
    for b in rows:
        yield (
            b.nomor,
            b.nama_lengkap,
            b.nip_cetak,
            b.golongan_kode,
            b.tmt_golongan,
            b.jabatan_nama,
            b.tmt_jabatan,
            b.mk_tahun,
            b.mk_bulan,
            b.diklat_nama,
            b.diklat_tanggal,
            b.diklat_jp,
            b.pendidikan_kode,
            b.pendidikan_tahun,
            b.tanggal_lahir,
            None,
        )


def duk_rincian_kolom() -> tuple[Kolom, ...]:
    """The second sheet: what the printed form has no room for, by the same number."""
    return (
        Kolom(tr("No."), 5, "nomor"),
        Kolom(tr("Nama"), 24),
        Kolom(tr("NIP"), 20, "nip"),
        Kolom(tr("Pangkat"), 18),
        Kolom(tr("Pendidikan"), 14),
        Kolom(tr("Jurusan"), 18),
        Kolom(tr("Usia"), 5.5, "angka"),
        Kolom(tr("Unit Kerja"), 26),
        Kolom(tr("Perangkat Daerah"), 26),
    )


def duk_rincian_values(rows: Iterable[DukBaris]) -> Iterator[tuple[object, ...]]:
    for b in rows:
        yield (
            b.nomor,
            b.nama_lengkap,
            b.nip_cetak,
            b.pangkat,
            b.pendidikan_nama,
            b.pendidikan_jurusan,
            b.usia,
            b.unit_nama,
            b.opd_nama,
        )


def _duk_judul(kop: KopLaporan) -> list[str]:
    return [
        tr("DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL"),
        *_subjudul(kop, tr("Keadaan per {tanggal}", tanggal=tanggal(kop.tanggal))),
    ]


def lembar_duk(kop: KopLaporan, rows: Iterable[DukBaris]) -> Lembar:
    return Lembar(
        nama="DUK",
        judul=_duk_judul(kop),
        kolom=duk_kolom(),
        baris=duk_values(rows),
        catatan=(
            tr(
                "Urutan menurut PP 15/1979: pangkat, jabatan, masa kerja golongan, latihan "
                "jabatan, pendidikan, usia; NIP sebagai pembeda terakhir. Pangkat, jurusan, usia "
                'dan unit kerja: lembar "DUK Rincian".'
            ),
        ),
        tanda_tangan=True,
    )


def lembar_duk_rincian(kop: KopLaporan, rows: Iterable[DukBaris]) -> Lembar:
    return Lembar(
        nama=tr("DUK Rincian"),
        judul=[*_duk_judul(kop), tr("Rincian (nomor urut sama dengan lembar DUK)")],
        kolom=duk_rincian_kolom(),
        baris=duk_rincian_values(rows),
    )


def write_duk(
    path: Path | str,
    kop: KopLaporan,
    rows: Iterable[DukBaris] | Callable[[], Iterable[DukBaris]],
    *,
    kertas: str = "A4",
) -> int:
    """The DUK: the printed form with the signature block, then "DUK Rincian" with the other
    columns. ``rows``: the rows, or a function giving them afresh for each sheet (a streamed
    query read twice instead of held in memory). Returns the number of rows."""
    if callable(rows):
        source = rows
    else:
        held = list(rows)

        def source() -> Iterable[DukBaris]:
            return held

    sheets = [lembar_duk(kop, source()), lembar_duk_rincian(kop, source())]
    return write_workbook(path, kop, sheets, kertas=kertas)["DUK"]


def lembar_rekap(kop: KopLaporan, rekap: Rekap, nama: str | None = None) -> Lembar:
    """A unit × category cross table; with the L/P split each category gets L and P columns
    under a merged header, and the last group is the total (L, P, Jumlah)."""
    kolom: list[Kolom] = [Kolom(tr("No."), 5, "nomor"), Kolom(tr("Unit Kerja"), 40)]
    if rekap.pisah_jk:
        for k in rekap.kategori:
            kolom.append(Kolom("L", 6, "angka", grup=k.label))
            kolom.append(Kolom("P", 6, "angka", grup=k.label))
        jumlah = tr("Jumlah")
        kolom += [
            Kolom("L", 7, "angka", grup=jumlah),
            Kolom("P", 7, "angka", grup=jumlah),
            Kolom(tr("Total"), 8, "angka", grup=jumlah),
        ]
    else:
        kolom += [Kolom(k.label, 10, "angka") for k in rekap.kategori]
        kolom.append(Kolom(tr("Jumlah"), 10, "angka"))

    def line(values: Any) -> list[object]:
        cells: list[object] = []
        if rekap.pisah_jk:
            for k in rekap.kategori:
                cells += [values(k.kode, "L"), values(k.kode, "P")]
            cells += [values(None, "L"), values(None, "P"), values(None, None)]
        else:
            cells += [values(k.kode, None) for k in rekap.kategori]
            cells.append(values(None, None))
        return cells

    rows = [[i, b.nama, *line(b.count)] for i, b in enumerate(rekap.baris, start=1)]
    total = [None, tr("JUMLAH"), *line(rekap.total)]
    return Lembar(
        nama=nama or rekap.judul,
        judul=[
            rekap.judul.upper(),
            *_subjudul(kop, tr("Keadaan per {tanggal}", tanggal=tanggal(kop.tanggal))),
        ],
        kolom=kolom,
        baris=rows,
        total=total,
        catatan=(tr("Pegawai aktif: PNS, CPNS dan PPPK. L = laki-laki, P = perempuan."),),
    )


NAMA_LEMBAR_REKAP = {
    "golongan": "Golongan",
    "pendidikan": "Pendidikan",
    "jenis_kelamin": "Jenis Kelamin",
    "status": "Status",
    "jabatan": "Jenis Jabatan",
}


def write_rekap(
    path: Path | str, kop: KopLaporan, rekaps: Sequence[Rekap], *, kertas: str = "A4"
) -> dict[str, int]:
    """One sheet per cross table."""
    sheets = [lembar_rekap(kop, r, tr(NAMA_LEMBAR_REKAP.get(r.dimensi, r.dimensi))) for r in rekaps]
    return write_workbook(path, kop, sheets, kertas=kertas)


def lembar_kp(kop: KopLaporan, data: NominatifKp) -> Lembar:
    kolom = (
        Kolom(tr("No."), 5, "nomor"),
        Kolom(tr("Nama"), 28),
        Kolom(tr("NIP"), 20, "nip"),
        Kolom(tr("Gol."), 6, grup=tr("Pangkat Lama")),
        Kolom(tr("TMT"), 11, "tanggal", grup=tr("Pangkat Lama")),
        Kolom(tr("Thn"), 5, "angka", grup=tr("Masa dalam Pangkat")),
        Kolom(tr("Bln"), 5, "angka", grup=tr("Masa dalam Pangkat")),
        Kolom(tr("Pangkat"), 20, grup=tr("Pangkat Baru")),
        Kolom(tr("Gol."), 6, grup=tr("Pangkat Baru")),
        Kolom(tr("Jenis KP"), 14),
        Kolom(tr("Jabatan"), 28),
        Kolom(tr("Unit Kerja"), 26),
        Kolom(tr("Pend."), 8),
        Kolom(tr("Status"), 14),
        Kolom(tr("Keterangan"), 40),
    )
    rows = (
        (
            b.nomor,
            b.nama_lengkap,
            b.nip,
            b.golongan_kode,
            b.tmt_golongan,
            b.masa_tahun,
            b.masa_bulan,
            b.pangkat_baru,
            b.golongan_baru,
            b.jenis_kp_label,
            b.jabatan_nama,
            b.unit_nama,
            b.pendidikan_kode,
            b.status,
            _keterangan(b.cuti, b.keterangan),
        )
        for b in data.baris
    )
    catatan = [
        tr(
            "Masa dalam pangkat paling sedikit 4 tahun (KP reguler) atau 2 tahun (jabatan "
            "fungsional) pada tanggal periode."
        ),
        tr(
            '"Perlu diverifikasi": syarat yang tidak tercatat di Merit atau berasal dari '
            "aturan yang belum pasti; periksa berkasnya."
        ),
    ]
    if data.melebihi_batas:
        catatan.append(
            tr(
                "{n} pegawai tidak dicantumkan karena pangkat berikutnya melebihi batas "
                "ijazah atau jenjang jabatannya (tabel referensi, perlu diverifikasi).",
                n=data.melebihi_batas,
            )
        )
    return Lembar(
        nama="KP",
        judul=[
            tr("DAFTAR NOMINATIF PEGAWAI YANG MEMENUHI MASA KENAIKAN PANGKAT"),
            *_subjudul(kop, tr("Periode {tanggal}", tanggal=tanggal(data.periode))),
        ],
        kolom=kolom,
        baris=rows,
        catatan=catatan,
    )


def lembar_kgb(kop: KopLaporan, rows: Sequence[KgbBaris], mulai: date, sampai: date) -> Lembar:
    kolom = (
        Kolom(tr("No."), 5, "nomor"),
        Kolom(tr("Nama"), 28),
        Kolom(tr("NIP"), 20, "nip"),
        Kolom(tr("Pangkat"), 20),
        Kolom(tr("Gol."), 6),
        Kolom(tr("Dasar"), 7, grup=tr("Gaji Berkala Lama / KP Terakhir")),
        Kolom(tr("TMT"), 11, "tanggal", grup=tr("Gaji Berkala Lama / KP Terakhir")),
        Kolom(tr("MK Thn"), 6, "angka", grup=tr("Gaji Berkala Lama / KP Terakhir")),
        Kolom(tr("MK Bln"), 6, "angka", grup=tr("Gaji Berkala Lama / KP Terakhir")),
        Kolom(tr("TMT"), 11, "tanggal", grup=tr("Gaji Berkala Baru")),
        Kolom(tr("MK Thn"), 6, "angka", grup=tr("Gaji Berkala Baru")),
        Kolom(tr("MK Bln"), 6, "angka", grup=tr("Gaji Berkala Baru")),
        Kolom(tr("Gaji Pokok"), 12, "angka", grup=tr("Gaji Berkala Baru")),
        Kolom(tr("ASN"), 6),
        Kolom(tr("Jabatan"), 28),
        Kolom(tr("Unit Kerja"), 26),
        Kolom(tr("Status"), 14),
        Kolom(tr("Keterangan"), 34),
    )
    values = (
        (
            b.nomor,
            b.nama_lengkap,
            b.nip,
            b.pangkat,
            b.golongan_kode,
            b.dasar,
            b.tmt_lama,
            b.mk_lama_tahun,
            b.mk_lama_bulan,
            b.tmt_baru,
            b.mk_baru_tahun,
            b.mk_baru_bulan,
            b.gaji_pokok,
            b.jenis_asn,
            b.jabatan_nama,
            b.unit_nama,
            b.status,
            _keterangan(b.cuti, b.keterangan),
        )
        for b in rows
    )
    return Lembar(
        nama="KGB",
        judul=[
            tr("DAFTAR PEGAWAI YANG AKAN MENERIMA KENAIKAN GAJI BERKALA"),
            *_subjudul(
                kop,
                tr("TMT {mulai} s.d. {sampai}", mulai=tanggal(mulai), sampai=tanggal(sampai)),
            ),
        ],
        kolom=kolom,
        baris=values,
        catatan=(
            tr(
                "KGB berikutnya = saat masa kerja golongan (dari KGB atau KP terakhir, yang "
                "lebih akhir) mencapai langkah berikut pada tabel gaji, sampai puncak tabel dan "
                "tidak pada atau sesudah TMT pensiun; PNS dan PPPK. Gaji pokok dari tabel gaji "
                "yang berlaku pada TMT. Surat pemberitahuan dibuat 2 bulan sebelum TMT."
            ),
        ),
    )


def lembar_pensiun(
    kop: KopLaporan, rows: Sequence[PensiunBaris], mulai: date, sampai: date, catatan: str
) -> Lembar:
    kolom = (
        Kolom(tr("No."), 5, "nomor"),
        Kolom(tr("Nama"), 28),
        Kolom(tr("NIP"), 20, "nip"),
        Kolom(tr("Pangkat"), 20),
        Kolom(tr("Gol."), 6),
        Kolom(tr("Jabatan"), 30),
        Kolom(tr("Unit Kerja"), 28),
        Kolom(tr("Perangkat Daerah"), 28),
        Kolom(tr("Tanggal Lahir"), 11, "tanggal"),
        Kolom(tr("BUP"), 5, "angka", grup=tr("Pensiun")),
        Kolom(tr("TMT"), 11, "tanggal", grup=tr("Pensiun")),
        Kolom(tr("Tahun"), 6, "angka", grup=tr("Pensiun")),
        Kolom(tr("Keterangan"), 30),
    )
    values = (
        (
            b.nomor,
            b.nama_lengkap,
            b.nip,
            b.pangkat,
            b.golongan_kode,
            b.jabatan_nama,
            b.unit_nama,
            b.opd_nama,
            b.tanggal_lahir,
            b.bup,
            b.tmt_pensiun,
            b.tmt_pensiun.year,
            _keterangan(b.cuti, b.keterangan),
        )
        for b in rows
    )
    return Lembar(
        nama="Pensiun",
        judul=[
            tr("DAFTAR PEGAWAI YANG MENCAPAI BATAS USIA PENSIUN"),
            *_subjudul(
                kop,
                tr(
                    "TMT pensiun {mulai} s.d. {sampai}",
                    mulai=tanggal(mulai),
                    sampai=tanggal(sampai),
                ),
            ),
        ],
        kolom=kolom,
        baris=values,
        catatan=(catatan,),
    )


def lembar_diklat(kop: KopLaporan, rows: Iterable[DiklatBaris], tahun: int) -> Lembar:
    kolom = (
        Kolom(tr("No."), 6, "nomor"),
        Kolom(tr("Nama"), 28),
        Kolom(tr("NIP"), 20, "nip"),
        Kolom(tr("Gol."), 6),
        Kolom(tr("Jabatan"), 30),
        Kolom(tr("Unit Kerja"), 28),
        Kolom(tr("Kegiatan"), 9, "angka", grup=tr("Pengembangan Kompetensi")),
        Kolom(tr("JP"), 7, "angka", grup=tr("Pengembangan Kompetensi")),
        Kolom(tr("Target JP"), 8, "angka", grup=tr("Pengembangan Kompetensi")),
        Kolom(tr("Kurang JP"), 8, "angka", grup=tr("Pengembangan Kompetensi")),
        Kolom(tr("Keterangan"), 14),
    )
    values = (
        (
            b.nomor,
            b.nama_lengkap,
            b.nip,
            b.golongan_kode,
            b.jabatan_nama,
            b.unit_nama,
            b.kegiatan,
            b.jp,
            b.target,
            b.kekurangan,
            tr("Tercapai") if b.tercapai else tr("Belum tercapai"),
        )
        for b in rows
    )
    return Lembar(
        nama="Diklat",
        judul=[
            tr("REKAPITULASI JAM PELAJARAN PENGEMBANGAN KOMPETENSI TAHUN {tahun}", tahun=tahun),
            *_subjudul(kop, tr("Keadaan per {tanggal}", tanggal=tanggal(kop.tanggal))),
        ],
        kolom=kolom,
        baris=values,
        catatan=(
            tr(
                "Target paling sedikit 20 JP per PNS per tahun (PP 11/2017 Ps. 203 ayat 4). "
                "Pelatihan dihitung pada tahun selesainya."
            ),
        ),
    )


def lembar_bezetting(kop: KopLaporan, report: BezettingReport) -> Lembar:
    """Bezetting per position (asn-rules 13.2): need against people in post."""
    kolom = (
        Kolom(tr("No."), 5, "nomor"),
        Kolom(tr("Unit Kerja"), 30),
        Kolom(tr("Nama Jabatan"), 36),
        Kolom(tr("Jenjang"), 16),
        Kolom(tr("Kelas"), 6, "angka"),
        Kolom(tr("Kebutuhan"), 10, "angka", grup=tr("Jumlah Pegawai")),
        Kolom(tr("Bezetting"), 10, "angka", grup=tr("Jumlah Pegawai")),
        Kolom(tr("Selisih"), 8, "angka", grup=tr("Jumlah Pegawai")),
        Kolom(tr("Tidak Memenuhi Syarat"), 12, "angka"),
    )
    values = (
        (
            i,
            r.unit_nama,
            r.nama,
            r.jenjang_nama,
            r.kelas_jabatan,
            r.kebutuhan,
            r.terisi,
            r.selisih,
            r.tidak_memenuhi,
        )
        for i, r in enumerate(report.rows, start=1)
    )
    t = report.total
    return Lembar(
        nama="Bezetting",
        judul=[
            tr("BEZETTING PEGAWAI PER JABATAN"),
            *_subjudul(kop, tr("Keadaan per {tanggal}", tanggal=tanggal(kop.tanggal))),
        ],
        kolom=kolom,
        baris=values,
        total=(
            None,
            tr("JUMLAH"),
            None,
            None,
            None,
            t.kebutuhan,
            t.terisi,
            t.terisi - t.kebutuhan,
            t.tidak_memenuhi,
        ),
        catatan=(tr("Selisih = bezetting dikurangi kebutuhan: + kelebihan, - kekurangan."),),
    )
