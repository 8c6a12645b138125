"""Charts painted with QPainter (issue 15 item 8): a horizontal bar chart with one or more
series per category, and the 3×3 talent box coloured by how many people each cell holds.

Each chart keeps its data as plain attributes (``kategori``, ``seri``; ``jumlah``) so that a
test can compare them with the figures of the model, draws its axis titles, the value of every
bar, and, without data, a sentence saying why it is empty."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.i18n import angka, tr

WARNA = ("#2e7d32", "#c62828", "#1565c0", "#ef6c00")


def langkah(maks: float) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving at most 6 steps to ``maks``."""
    if maks <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(maks / 6)) if maks > 6 else 1.0
    while maks / step > 6:
        for f in (2, 2.5, 2):  # 1 -> 2 -> 5 -> 10
            step *= f
            if maks / step <= 6:
                break
    return step


@dataclass(frozen=True)
class Seri:
    nama: str
    nilai: tuple[float, ...]
    warna: str


class BarChart(QWidget):
    """Horizontal bars: one row per category, one bar per series in it."""

    BAR = 14
    GAP = 10

    def __init__(
        self,
        judul: str,
        sumbu_nilai: str,
        sumbu_kategori: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.judul = judul
        self.sumbu_nilai = sumbu_nilai
        self.sumbu_kategori = sumbu_kategori
        self.kategori: list[str] = []
        self.seri: list[Seri] = []
        self.maks: float | None = None
        self.garis: tuple[float, str] | None = None  # a reference line (value, label)
        self.teks_nilai: Callable[[float], str] = lambda v: angka(v, 0)
        self.alasan_kosong = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(
        self,
        kategori: Sequence[str],
        seri: Sequence[Seri],
        *,
        maks: float | None = None,
        garis: tuple[float, str] | None = None,
        teks_nilai: Callable[[float], str] | None = None,
        alasan_kosong: str = "",
    ) -> None:
        """Show ``seri`` over ``kategori``; with no category, ``alasan_kosong`` instead."""
        self.kategori = list(kategori)
        self.seri = list(seri)
        self.maks = maks
        self.garis = garis
        if teks_nilai is not None:
            self.teks_nilai = teks_nilai
        self.alasan_kosong = alasan_kosong
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def kosong(self) -> bool:
        return not self.kategori

    def _row_height(self) -> int:
        return max(1, len(self.seri)) * self.BAR + self.GAP

    def _extra(self) -> int:
        """Height of the title's lines after the first (a title may hold a second line)."""
        return 18 * self.judul.count("\n")

    def sizeHint(self) -> QSize:
        rows = len(self.kategori)
        body = rows * self._row_height() if rows else 60
        return QSize(520, 70 + self._extra() + body + 50)

    def _label_width(self, painter: QPainter) -> int:
        fm = painter.fontMetrics()
        widest = max((fm.horizontalAdvance(k) for k in self.kategori), default=0)
        return min(max(widest + 20, 80), max(int(self.width() * 0.4), 80))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#202020"))
        extra = self._extra()
        painter.drawText(QRectF(8, 4, self.width() - 16, 20 + extra), Qt.AlignmentFlag.AlignLeft,
                         self.judul)  # fmt: skip
        painter.setFont(self.font())
        fm = painter.fontMetrics()
        # legend
        x = 8.0
        for s in self.seri:
            painter.fillRect(QRectF(x, 28 + extra, 12, 12), QColor(s.warna))
            painter.setPen(QColor("#202020"))
            painter.drawText(QPointF(x + 16, 39 + extra), s.nama)
            x += 16 + fm.horizontalAdvance(s.nama) + 18
        top = 50 + extra
        if self.kosong():
            painter.setPen(QColor("#606060"))
            painter.drawText(
                QRectF(8, top, self.width() - 16, self.height() - top - 8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.alasan_kosong,
            )
            painter.end()
            return
        left = self._label_width(painter)
        right = self.width() - 60
        body = len(self.kategori) * self._row_height()
        step = langkah(self.maks or max((v for s in self.seri for v in s.nilai), default=0))
        maks = self.maks or step * math.ceil(
            max((v for s in self.seri for v in s.nilai), default=0) / step or 1
        )
        scale = (right - left) / maks
        # axes and the category-axis title (rotated)
        painter.setPen(QPen(QColor("#404040"), 1))
        painter.drawLine(left, top, left, top + body)
        painter.drawLine(left, top + body, right, top + body)
        for i in range(round(maks / step) + 1):
            v = i * step
            px = left + v * scale
            painter.setPen(QColor("#909090"))
            painter.drawLine(QPointF(px, top + body), QPointF(px, top + body + 4))
            text = self.teks_nilai(v)
            painter.drawText(QPointF(px - fm.horizontalAdvance(text) / 2, top + body + 16), text)
        painter.setPen(QColor("#404040"))
        title_w = fm.horizontalAdvance(self.sumbu_nilai)
        painter.drawText(QPointF((left + right - title_w) / 2, top + body + 34), self.sumbu_nilai)
        # the category axis is named under the category labels (fits however few rows)
        painter.drawText(
            QRectF(4, top + body + 4, left - 20, fm.height() + 2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "\u2191 " + self.sumbu_kategori,
        )
        for r, name in enumerate(self.kategori):
            y = top + r * self._row_height() + self.GAP / 2
            painter.setPen(QColor("#202020"))
            shown = fm.elidedText(name, Qt.TextElideMode.ElideMiddle, left - 16)
            painter.drawText(
                QRectF(4, y, left - 10, len(self.seri) * self.BAR),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            for i, s in enumerate(self.seri):
                value = s.nilai[r]
                by = y + i * self.BAR
                painter.fillRect(QRectF(left + 1, by + 1, value * scale, self.BAR - 2),
                                 QColor(s.warna))  # fmt: skip
                painter.setPen(QColor("#202020"))
                painter.drawText(QPointF(left + value * scale + 4, by + self.BAR - 3),
                                 self.teks_nilai(value))  # fmt: skip
        if self.garis is not None:
            value, label = self.garis
            px = left + value * scale
            painter.setPen(QPen(QColor("#6a1b9a"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(px, top), QPointF(px, top + body))
            painter.drawText(QPointF(px + 3, top - 2), label)
        painter.end()


class KotakTalentaGrid(QWidget):
    """The 9-box: kinerja rows (high on top) × potensi columns, coloured by count; a click on
    a cell emits ``dipilih(kinerja, potensi)``."""

    dipilih = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jumlah: dict[tuple[int, int], int] = {}
        self.nomor: dict[tuple[int, int], int | None] = {}
        self.suksesi: set[tuple[int, int]] = set()
        self.pilihan: tuple[int, int] | None = None
        self.alasan_kosong = ""
        self.setMinimumSize(420, 320)

    def set_data(
        self,
        jumlah: dict[tuple[int, int], int],
        nomor: dict[tuple[int, int], int | None],
        suksesi: set[tuple[int, int]],
        *,
        alasan_kosong: str = "",
    ) -> None:
        self.jumlah = dict(jumlah)
        self.nomor = dict(nomor)
        self.suksesi = set(suksesi)
        self.alasan_kosong = alasan_kosong
        self.update()

    def kosong(self) -> bool:
        return not any(self.jumlah.values())

    def _grid(self) -> QRectF:
        return QRectF(100, 10, self.width() - 110, self.height() - 60)

    def cell_rect(self, kinerja: int, potensi: int) -> QRectF:
        g = self._grid()
        w, h = g.width() / 3, g.height() / 3
        return QRectF(g.left() + (potensi - 1) * w, g.top() + (3 - kinerja) * h, w, h)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        for kinerja in (1, 2, 3):
            for potensi in (1, 2, 3):
                if self.cell_rect(kinerja, potensi).contains(pos):
                    self.pilihan = (kinerja, potensi)
                    self.update()
                    self.dipilih.emit(kinerja, potensi)
                    return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        most = max(self.jumlah.values(), default=0) or 1
        fm = painter.fontMetrics()
        for kinerja in (1, 2, 3):
            for potensi in (1, 2, 3):
                r = self.cell_rect(kinerja, potensi)
                n = self.jumlah.get((kinerja, potensi), 0)
                base = (
                    QColor("#2e7d32") if (kinerja, potensi) in self.suksesi else QColor("#1565c0")
                )
                colour = QColor(base)
                colour.setAlphaF(0.08 + 0.72 * n / most)
                painter.fillRect(r.adjusted(2, 2, -2, -2), colour)
                pen = QPen(QColor("#202020"), 3 if self.pilihan == (kinerja, potensi) else 1)
                painter.setPen(pen)
                painter.drawRect(r.adjusted(2, 2, -2, -2))
                nomor = self.nomor.get((kinerja, potensi))
                label = tr("Kotak {n}", n=nomor if nomor is not None else "?")
                painter.drawText(r.adjusted(8, 6, -6, -6), Qt.AlignmentFlag.AlignLeft, label)
                big = QFont(painter.font())
                big.setPointSizeF(big.pointSizeF() * 1.8)
                big.setBold(True)
                painter.save()
                painter.setFont(big)
                painter.drawText(r, Qt.AlignmentFlag.AlignCenter, angka(n, 0))
                painter.restore()
        g = self._grid()
        painter.setPen(QColor("#404040"))
        for i, label in enumerate((tr("Rendah"), tr("Menengah"), tr("Tinggi"))):
            x = g.left() + (i + 0.5) * g.width() / 3 - fm.horizontalAdvance(label) / 2
            painter.drawText(QPointF(x, g.bottom() + 16), label)
            y = g.bottom() - (i + 0.5) * g.height() / 3 + fm.height() / 3
            painter.drawText(QPointF(g.left() - fm.horizontalAdvance(label) - 6, y), label)
        title = tr("Potensi (hasil asesmen)")
        painter.drawText(QPointF(g.center().x() - fm.horizontalAdvance(title) / 2,
                                 g.bottom() + 36), title)  # fmt: skip
        painter.save()
        ylabel = tr("Kinerja (predikat SKP)")
        painter.translate(16, g.center().y() + fm.horizontalAdvance(ylabel) / 2)
        painter.rotate(-90)
        painter.drawText(QPointF(0, 0), ylabel)
        painter.restore()
        if self.kosong() and self.alasan_kosong:
            painter.setPen(QColor("#404040"))
            box = g.adjusted(20, g.height() / 3 + 10, -20, -g.height() / 3 - 10)
            painter.fillRect(box, QColor(255, 255, 255, 230))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.alasan_kosong)  # fmt: skip
        painter.end()
