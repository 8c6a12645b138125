"""The figures behind the charts of the competency page (issue 15 item 8): JP per person
against 20 per unit, gaps per unit, 9-box counts with their people, and the evaluation per
training event. Built from the recaps that already exist (:mod:`app.models.rekap.diklat`,
:func:`~app.models.kompetensi.kebutuhan.rekap_gap`,
:func:`~app.models.kompetensi.talenta.list_talenta`,
:func:`~app.models.pelatihan.evaluasi.rekap_evaluasi`), so the charts and the Excel recaps say
the same thing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from app.models.access.akses import SEMUA, Sesi, cakupan, require
from app.models.kompetensi.kebutuhan import rekap_gap
from app.models.kompetensi.talenta import list_kotak, list_talenta
from app.models.pelatihan.evaluasi import rekap_evaluasi
from app.models.rekap.diklat import TARGET_JP_PNS, jam_pelajaran
from app.models.storage.db import Database


@dataclass(frozen=True)
class JpUnit:
    unit: str
    tercapai: int  # PNS with at least the target JP this year
    belum: int  # PNS below it


@dataclass(frozen=True)
class GapUnit:
    unit: str
    pegawai: int  # people whose position has a standard
    dinilai: int
    pegawai_kurang: int  # assessed people with at least one gap
    total_kekurangan: int  # levels lacking, summed


@dataclass(frozen=True)
class SelKotak:
    kinerja: int  # 1-3
    potensi: int  # 1-3
    nomor: int | None
    nama: str | None
    suksesi: bool  # a talent-pool box
    orang: tuple[tuple[str, str, str | None], ...]  # (nip, nama, unit), by name


@dataclass(frozen=True)
class EvaluasiAcara:
    acara: str
    jawaban: int
    relevansi: float  # mean 1-5
    manfaat: float
    tinjau: bool


@dataclass(frozen=True)
class GrafikKompetensi:
    tahun: int
    target_jp: int
    jp: tuple[JpUnit, ...]
    gap: tuple[GapUnit, ...]
    kotak: tuple[SelKotak, ...]  # the nine cells
    tanpa_kotak: int  # active employees without a cell (no predikat or no potential)
    evaluasi: tuple[EvaluasiAcara, ...]


def unit_laporan(actor: Any) -> str | None:
    """The unit whose figures ``actor`` reads: None for the whole agency (or a refusal, which
    :func:`grafik_kompetensi` then gives), else the first unit of a unit-limited right."""
    if not isinstance(actor, Sesi):
        return None
    roots = cakupan(actor.hak, "laporan.baca")
    if not roots or SEMUA in roots:
        return None
    return sorted(roots)[0]


def grafik_kompetensi(
    db: Database, tahun: int, *, actor: Any, unit_id: str | None = None
) -> GrafikKompetensi:
    """Every figure of the page in ``tahun`` for ``unit_id`` (and its sub-units) or the agency;
    needs ``laporan.baca`` for that scope. The evaluation per event is of every event (an
    event serves several units; no one's answer is shown)."""
    require(db, actor, "laporan.baca", unit_id=unit_id)
    conn = db.conn
    jp: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in jam_pelajaran(conn, tahun, unit_id=unit_id):
        unit = row.opd_nama or row.unit_nama or "-"
        jp[unit][0 if row.tercapai else 1] += 1
    gaps = [
        GapUnit(g.nama, g.pegawai, g.dinilai, g.pegawai_kurang, g.total_kekurangan)
        for g in rekap_gap(conn, unit_id=unit_id)[:-1]  # the last row is the total
    ]
    boxes = list_kotak(conn)
    people = list_talenta(conn, unit_id=unit_id)
    by_cell: dict[tuple[int, int], list[tuple[str, str, str | None]]] = defaultdict(list)
    for t in people:
        if t.kinerja is not None and t.potensi is not None:
            by_cell[(t.kinerja, t.potensi)].append((t.nip, t.nama, t.unit_nama))
    cells = []
    for kinerja in (3, 2, 1):
        for potensi in (1, 2, 3):
            box = boxes.get((kinerja, potensi))
            cells.append(
                SelKotak(
                    kinerja,
                    potensi,
                    box.nomor if box else None,
                    box.nama if box else None,
                    bool(box and box.kelompok_suksesi),
                    tuple(sorted(by_cell.get((kinerja, potensi), []), key=lambda p: p[1])),
                )
            )
    evaluasi = [
        EvaluasiAcara(r.nama, r.jawaban, r.relevansi, r.manfaat, r.tinjau)
        for r in rekap_evaluasi(conn, per="acara")
    ]
    return GrafikKompetensi(
        tahun=tahun,
        target_jp=TARGET_JP_PNS,
        jp=tuple(JpUnit(u, a, b) for u, (a, b) in sorted(jp.items())),
        gap=tuple(gaps),
        kotak=tuple(cells),
        tanpa_kotak=sum(1 for t in people if t.kotak is None),
        evaluasi=tuple(evaluasi),
    )
