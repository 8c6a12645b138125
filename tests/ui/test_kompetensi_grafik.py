"""The "Grafik" tab of the competency page: each chart's bars are the model's figures, a click
on a 9-box cell lists its people, an empty chart says why; each rendered to a PNG."""

from __future__ import annotations

import math
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.kompetensi.grafik import grafik_kompetensi
from app.models.storage.db import Database
from app.ui.pages.kompetensi import KompetensiPage
from app.ui.pages.kompetensi_grafik import BATAS
from app.ui.tasks import TaskRunner
from app.ui.widgets.grafik import BarChart, KotakTalentaGrid, langkah
from tests.helpers.common import TODAY
from tests.helpers.kompetensi import with_evaluated_event, with_successors
from tests.helpers.organisasi import Org


def _page(qtbot: QtBot, db: Database, runner: TaskRunner) -> KompetensiPage:
    page = KompetensiPage(db, runner=runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    page.tabs.setCurrentWidget(page.grafik_tab)
    qtbot.waitUntil(lambda: not page.busy() and not page.grafik_tab.pending, timeout=15000)
    return page


def test_charts_show_the_figures_and_a_box_click_lists_its_people(
    qtbot: QtBot, db: Database, org: Org, runner: TaskRunner
) -> None:
    with_successors(db, org)
    with_evaluated_event(db)
    page = _page(qtbot, db, runner)
    tab = page.grafik_tab
    g = grafik_kompetensi(db, TODAY.year, actor="sistem")

    assert tab.jp.kategori == [u.unit for u in g.jp]
    assert [s.nilai for s in tab.jp.seri] == [
        tuple(u.tercapai for u in g.jp),
        tuple(u.belum for u in g.jp),
    ]
    assert sum(tab.jp.seri[0].nilai) == 2  # Ani and Budi reached 20 JP
    assert [s.nama for s in tab.jp.seri] == ["Mencapai 20 JP", "Di bawah 20 JP"]
    assert sum(tab.gap.seri[1].nilai) == 2  # Ani and Dewi lack a level
    assert g.evaluasi[0].tinjau  # relevance 3.0: below the review threshold, said on the bar
    assert tab.evaluasi.kategori == [g.evaluasi[0].acara + " — tinjau"]
    assert [s.nilai for s in tab.evaluasi.seri] == [(3.0,), (4.0,)]
    assert tab.evaluasi.maks == 5
    assert tab.kotak.jumlah[(3, 3)] == 1 and tab.kotak.jumlah[(2, 3)] == 1
    assert sum(tab.kotak.jumlah.values()) == 3
    assert tab.kotak.nomor[(3, 3)] == 9 and (3, 3) in tab.kotak.suksesi

    # a click on box 9 (kinerja high, potensi high) lists Budi; on box 8, Ani
    with qtbot.waitSignal(tab.kotak.dipilih) as sig:
        qtbot.mouseClick(
            tab.kotak, Qt.MouseButton.LeftButton, pos=tab.kotak.cell_rect(3, 3).center().toPoint()
        )
    assert sig.args == [3, 3]
    assert [tab.orang.item(r, 1).text() for r in range(tab.orang.rowCount())] == ["Budi"]
    assert "Kotak 9" in tab.kotak_info.text()
    qtbot.mouseClick(
        tab.kotak, Qt.MouseButton.LeftButton, pos=tab.kotak.cell_rect(2, 3).center().toPoint()
    )
    assert tab.kotak.pilihan == (2, 3)
    assert [tab.orang.item(r, 1).text() for r in range(tab.orang.rowCount())] == ["Ani"]
    page.grab().save("/tmp/grafik_tab.png")
    for name, chart in (("jp", tab.jp), ("gap", tab.gap), ("evaluasi", tab.evaluasi)):
        assert not chart.kosong()
        chart.grab().save(f"/tmp/grafik_{name}.png")
    tab.kotak.grab().save("/tmp/grafik_kotak.png")


def test_empty_charts_say_why(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    page = _page(qtbot, db, runner)
    tab = page.grafik_tab
    assert tab.gap.kosong() and "Belum ada pegawai yang dinilai" in tab.gap.alasan_kosong
    assert tab.evaluasi.kosong() and "Belum ada evaluasi peserta" in tab.evaluasi.alasan_kosong
    assert tab.kotak.kosong() and "perlu predikat SKP dan hasil potensi" in tab.kotak.alasan_kosong
    tab.gap.grab().save("/tmp/grafik_gap_kosong.png")
    tab.kotak.grab().save("/tmp/grafik_kotak_kosong.png")


def test_bar_chart_keeps_the_values_it_is_given(qtbot: QtBot) -> None:
    from app.ui.widgets.grafik import Seri

    chart = BarChart("Judul", "Nilai", "Kategori")
    qtbot.addWidget(chart)
    chart.set_data(["A", "B"], [Seri("x", (1.0, 7.0), "#000000")], alasan_kosong="kosong")
    assert chart.kategori == ["A", "B"] and chart.seri[0].nilai == (1.0, 7.0)
    assert chart.height() == chart.sizeHint().height()
    chart.set_data([], [], alasan_kosong="Tidak ada data karena X.")
    assert chart.kosong() and chart.alasan_kosong == "Tidak ada data karena X."
    grid = KotakTalentaGrid()
    qtbot.addWidget(grid)
    grid.resize(450, 340)
    assert grid.cell_rect(3, 1).top() < grid.cell_rect(1, 1).top()  # high kinerja on top
    assert grid.cell_rect(1, 3).left() > grid.cell_rect(1, 1).left()  # high potensi right


@given(st.floats(min_value=0.01, max_value=1e7, allow_nan=False))
def test_the_axis_step_is_round_and_gives_at_most_six_ticks(maks: float) -> None:
    step = langkah(maks)
    assert maks / step <= 6
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    assert round(mantissa, 6) in (1.0, 2.0, 5.0)


def test_on_the_demo_the_charts_show_the_units_most_in_need(
    qtbot: QtBot, demo_db: Database, make_runner: Callable[[Database], TaskRunner]
) -> None:
    page = _page(qtbot, demo_db, make_runner(demo_db))
    tab = page.grafik_tab
    g = grafik_kompetensi(demo_db, TODAY.year, actor="sistem")
    worst = sorted(g.jp, key=lambda u: (-u.belum, u.unit))[:BATAS]
    assert tab.jp.kategori == [u.unit for u in worst]
    assert list(tab.jp.seri[1].nilai) == [u.belum for u in worst]
    assert list(tab.jp.seri[1].nilai) == sorted(tab.jp.seri[1].nilai, reverse=True)
    assessed = [x for x in g.gap if x.dinilai]
    assert len(tab.gap.kategori) == min(BATAS, len(assessed))
    if len(assessed) > BATAS:
        assert f"{BATAS} dari {len(assessed)} unit" in tab.gap.judul
    assert sum(tab.kotak.jumlah.values()) == sum(len(c.orang) for c in g.kotak) > 100
    assert not tab.evaluasi.kosong()
    page.grab().save("/tmp/grafik_demo.png")
    tab.kotak.grab().save("/tmp/grafik_demo_kotak.png")
    tab.evaluasi.grab().save("/tmp/grafik_demo_evaluasi.png")


def test_a_refused_read_leaves_every_chart_saying_why(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    from app.models.access import akun
    from app.models.access.akses import Hak, Peran

    admin = akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    akun.create_akun(
        db, "sekre", "Sekre", "kopi pagi di kantor", [Hak(Peran.SEKRETARIAT_PANITIA)], actor=admin
    )
    sekre = akun.masuk(db, "sekre", "kopi pagi di kantor")
    page = KompetensiPage(db, runner=runner, today=TODAY, actor=sekre)
    qtbot.addWidget(page)
    tab = page.grafik_tab
    qtbot.waitUntil(lambda: not tab.pending, timeout=15000)
    assert tab.data is None
    for chart in (tab.jp, tab.gap, tab.evaluasi):
        assert chart.kosong() and "melihat rekap dan laporan" in chart.alasan_kosong
    assert tab.kotak.kosong() and tab.kotak.alasan_kosong == tab.jp.alasan_kosong
