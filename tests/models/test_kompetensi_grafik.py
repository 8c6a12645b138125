"""The figures of the competency charts (issue 15 item 8) agree with the recaps they come from."""

from __future__ import annotations

import pytest

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied
from app.models.kompetensi.grafik import grafik_kompetensi, unit_laporan
from app.models.rekap.diklat import jam_pelajaran
from app.models.storage.db import Database
from tests.helpers.kompetensi import with_evaluated_event, with_successors
from tests.helpers.organisasi import Org


def test_the_figures_follow_jp_gaps_boxes_and_evaluations(db: Database, org: Org) -> None:
    empty = grafik_kompetensi(db, 2026, actor="uji")
    assert empty.gap == () and empty.evaluasi == ()
    assert all(not c.orang for c in empty.kotak) and len(empty.kotak) == 9
    with_successors(db, org)
    with_evaluated_event(db)  # Ani and Budi get 24 JP in 2026
    g = grafik_kompetensi(db, 2026, actor="uji")
    pns = list(jam_pelajaran(db.conn, 2026))
    assert sum(u.tercapai + u.belum for u in g.jp) == len(pns) > 2
    assert sum(u.tercapai for u in g.jp) == 2  # Ani and Budi
    assert [u.unit for u in g.jp] == sorted({r.opd_nama or r.unit_nama or "-" for r in pns})
    assert sum(u.tercapai for u in grafik_kompetensi(db, 2025, actor="uji").jp) == 0
    # gaps: Ani lacks M.01 and T.ARS.01, Dewi lacks M.01 (see with_standards)
    assert sum(x.pegawai_kurang for x in g.gap) == 2
    assert sum(x.total_kekurangan for x in g.gap) == 5
    cells = {(c.kinerja, c.potensi): c for c in g.kotak}
    assert [p[1] for p in cells[(3, 3)].orang] == ["Budi"] and cells[(3, 3)].nomor == 9
    assert [p[1] for p in cells[(2, 3)].orang] == ["Ani"] and cells[(2, 3)].suksesi
    assert not cells[(1, 1)].suksesi
    placed = sum(len(c.orang) for c in g.kotak)
    assert placed == 3  # Ani, Budi, Dewi; the others lack a predikat or a potential
    assert g.tanpa_kotak >= 1
    [ev] = g.evaluasi
    assert (ev.jawaban, ev.relevansi, ev.manfaat) == (2, 3.0, 4.0)
    assert ev.acara.startswith("Pelatihan Arsip Digital")


def test_the_figures_need_the_right_to_read_recaps(db: Database, org: Org) -> None:
    admin = akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    akun.create_akun(
        db, "sekre", "Sekre", "kopi pagi di kantor", [Hak(Peran.SEKRETARIAT_PANITIA)], actor=admin
    )
    with pytest.raises(AccessDenied):
        grafik_kompetensi(db, 2026, actor=akun.masuk(db, "sekre", "kopi pagi di kantor"))
    assert grafik_kompetensi(db, 2026, actor=admin).tahun == 2026


def test_an_operator_of_one_unit_reads_the_figures_of_that_unit(db: Database, org: Org) -> None:
    with_successors(db, org)
    admin = akun.create_admin_pertama(db, "admin", "Admin", "kopi pagi di kantor")
    akun.create_akun(
        db,
        "operator.seksi",
        "Op",
        "kopi pagi di kantor",
        [Hak(Peran.OPERATOR, org.seksi)],
        actor=admin,
    )
    op = akun.masuk(db, "operator.seksi", "kopi pagi di kantor")
    assert unit_laporan(op) == org.seksi and unit_laporan(admin) is None
    with pytest.raises(AccessDenied):
        grafik_kompetensi(db, 2026, actor=op)  # not the whole agency
    mine = grafik_kompetensi(db, 2026, actor=op, unit_id=org.seksi)
    inside = {r.pegawai_id for r in jam_pelajaran(db.conn, 2026, unit_id=org.seksi)}
    everyone = {r.pegawai_id for r in jam_pelajaran(db.conn, 2026)}
    assert 0 < len(inside) < len(everyone)
    assert sum(u.tercapai + u.belum for u in mine.jp) == len(inside)
    placed = {p[0] for c in mine.kotak for p in c.orang}
    whole = {p[0] for c in grafik_kompetensi(db, 2026, actor=admin).kotak for p in c.orang}
    assert placed < whole
    with pytest.raises(AccessDenied):
        grafik_kompetensi(db, 2026, actor=op, unit_id=org.dinas)  # above their unit
