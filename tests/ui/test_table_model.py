"""The column-spec table model of the small tables."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.ui.table_model import RIGHT, Column, RowsModel, cell_text


@dataclass
class Jabatan:
    nama: str
    kebutuhan: int
    eselon: str | None


def model() -> RowsModel[Jabatan]:
    m: RowsModel[Jabatan] = RowsModel(
        [
            Column("Jabatan", lambda j: j.nama),
            Column("Kebutuhan", lambda j: j.kebutuhan, RIGHT),
            Column("Eselon", lambda j: j.eselon, tooltip=lambda j: f"eselon {j.eselon}"),
        ],
        background=lambda j: QBrush(QColor("#fff4d6")) if j.kebutuhan > 1000 else None,
        row_tooltip=lambda j: j.nama.upper(),
    )
    m.set_rows([Jabatan("Analis", 1250, None), Jabatan("Kepala Bidang", 1, "III.a")])
    return m


def test_passes_qt_model_tester(qtmodeltester: object) -> None:
    qtmodeltester.check(model())  # type: ignore[attr-defined]


def test_columns_say_what_a_cell_shows() -> None:
    m = model()
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Jabatan",
        "Kebutuhan",
        "Eselon",
    ]
    assert m.headerData(0, Qt.Orientation.Vertical) is None  # not numbered
    assert [m.index(0, c).data() for c in range(3)] == ["Analis", "1.250", ""]
    assert m.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)
    assert m.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert m.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) == "eselon III.a"  # the column's
    assert m.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "KEPALA BIDANG"  # the row's
    assert m.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert m.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert m.index(1, 0).data(Qt.ItemDataRole.UserRole).nama == "Kepala Bidang"


def test_text_tooltips_repeat_a_cut_cell() -> None:
    m: RowsModel[str] = RowsModel([Column("Teks", lambda t: t)], text_tooltips=True)
    m.set_rows(["panjang sekali"])
    assert m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "panjang sekali"


def test_default_format() -> None:
    assert cell_text(2_000_000) == "2.000.000"
    assert cell_text(None) == "" and cell_text("x") == "x" and cell_text(True) == "True"
