"""The table models of the import preview: the rows of a plan and every problem found."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from app.i18n import tr
from app.models.impor.fields import FIELDS
from app.models.impor.result import ImportPlan, Issue, RowResult
from app.ui.table_model import RIGHT, Column, RowsModel

RED = QColor("#fde2e1")
AMBER = QColor("#fff4d6")
GREEN = QColor("#e3f4e1")
GREY = QColor("#777777")


def status_labels() -> dict[str, str]:
    return {
        "baru": tr("Baru"),
        "berubah": tr("Berubah"),
        "sama": tr("Sama"),
        "ditolak": tr("Ditolak"),
        "dilewati": tr("Dilewati"),
    }


def _level_labels() -> dict[str, str]:
    return {"kesalahan": tr("Kesalahan"), "peringatan": tr("Peringatan")}


def field_labels() -> dict[str, str]:
    return {f.name: f.label for f in FIELDS}


def describe_row(r: RowResult) -> str:
    """What the Keterangan column says about one row."""
    problems = [i.reason for i in r.issues if i.level == "kesalahan"]
    warnings = [i.reason for i in r.issues if i.level != "kesalahan"]
    if problems:
        return "; ".join(problems)
    parts: list[str] = []
    if r.status == "berubah" and r.changes:
        labels = field_labels()
        names = ", ".join(labels.get(k, k) for k in r.changes)
        parts.append(tr("Berubah: {fields}", fields=names))
    elif r.status == "dilewati":
        parts.append(tr("NIP sudah ada; dilewati"))
    parts.extend(warnings)
    return "; ".join(parts)


def _row_colour(r: RowResult) -> QBrush | None:
    if r.status == "ditolak":
        return QBrush(RED)
    if any(i.level == "peringatan" for i in r.issues):
        return QBrush(AMBER)
    if r.status == "baru":
        return QBrush(GREEN)
    return None


class PlanRowsModel(RowsModel[RowResult]):
    """The rows of an :class:`ImportPlan`, optionally only those with a problem."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Baris"), lambda r: str(r.row), RIGHT),
                Column(tr("NIP"), lambda r: r.nip or ""),
                Column(tr("Nama"), lambda r: r.nama or ""),
                Column(tr("Status"), lambda r: status_labels().get(r.status, r.status)),
                Column(tr("Keterangan"), describe_row),
            ],
            parent,
            background=_row_colour,
            text_tooltips=True,
        )
        self._all: list[RowResult] = []
        self._only_problems = False

    def set_plan(self, plan: ImportPlan | None) -> None:
        self._all = list(plan.rows) if plan is not None else []
        self._show()

    def set_only_problems(self, only: bool) -> None:
        self._only_problems = only
        self._show()

    def _show(self) -> None:
        if self._only_problems:
            self.set_rows([r for r in self._all if r.status == "ditolak" or r.issues])
        else:
            self.set_rows(self._all)


class IssuesModel(RowsModel[Issue]):
    """Every problem of a plan: row, column, value, reason, level."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Baris"), lambda i: str(i.row)),
                Column(tr("Tingkat"), lambda i: _level_labels().get(i.level, "")),
                Column(tr("Kolom"), lambda i: i.column),
                Column(tr("Nilai"), lambda i: i.value),
                Column(tr("Alasan"), lambda i: i.reason),
            ],
            parent,
            background=lambda i: QBrush(RED if i.level == "kesalahan" else AMBER),
            text_tooltips=True,
        )

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.set_rows(
            sorted(
                (i for r in plan.rows for i in r.issues),
                key=lambda i: (i.level != "kesalahan", i.row),
            )
            if plan is not None
            else []
        )
