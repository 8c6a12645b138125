"""What an import preview is made of: one :class:`RowResult` per row with its status (``baru``,
``berubah``, ``sama``, ``ditolak``, ``dilewati``), the field-level changes and every problem
found (:class:`Issue`: row, column, value, reason, level), gathered in an :class:`ImportPlan`.

A row with an error (``kesalahan``) is rejected; warnings (``peringatan``) do not reject. Plain
data: the import report (:mod:`app.reports.excel.impor`) takes it as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from app.models.impor.read import SourceTable

KESALAHAN = "kesalahan"
PERINGATAN = "peringatan"

BARU = "baru"
BERUBAH = "berubah"
SAMA = "sama"
DITOLAK = "ditolak"
DILEWATI = "dilewati"
STATUSES = (BARU, BERUBAH, SAMA, DITOLAK, DILEWATI)


CHUNK = 900


Value = str | int | float | None


@dataclass(frozen=True)
class Issue:
    """One problem in one cell (or row) of the file."""

    row: int  # file row number
    column: str  # header text (or field label)
    value: str
    reason: str  # Indonesian
    level: str  # "kesalahan" | "peringatan"


@dataclass
class RowResult:
    """The preview of one row and what applying it would write."""

    row: int
    nip: str
    nama: str
    status: str = ""
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    pegawai_id: str | None = None
    # Columns to insert (status baru) or change (berubah) in ``pegawai``.
    pegawai: dict[str, Value] = field(default_factory=dict)
    # History rows to add: (table, row with its natural id).
    riwayat: list[tuple[str, dict[str, Value]]] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == KESALAHAN]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level == PERINGATAN]


@dataclass
class ImportPlan:
    """The preview of a whole file."""

    source: SourceTable
    mapping: dict[int, str | None]
    on_existing: str
    rows: list[RowResult]
    counts: dict[str, int]
    units: list[dict[str, Value]] = field(default_factory=list)  # units to create
    today: date = field(default_factory=date.today)

    @property
    def ok(self) -> bool:
        """True when no row is rejected."""
        return self.counts.get(DITOLAK, 0) == 0

    @property
    def issues(self) -> Iterator[Issue]:
        for row in self.rows:
            yield from row.issues

    @property
    def warning_count(self) -> int:
        return sum(1 for i in self.issues if i.level == PERINGATAN)

    @property
    def error_count(self) -> int:
        return sum(1 for i in self.issues if i.level == KESALAHAN)
