"""The ranking of a selection, and the recap of every sealed score.

Ranking rules (the arithmetic is in :mod:`app.models.rules.seleksi`):

* A member's score of a candidate in a stage is the mean of the criteria of that stage, each
  scaled to 0..100 on its own scale.
* A candidate's stage score is the mean over the members who scored that candidate (members
  with a declared conflict of interest and members whose sheet is missing do not count; the
  mean is over those who did score, so uneven numbers of members are fine).
* The total uses only the stages that apply: a stage not held (``dilaksanakan = 0``), with weight
  0, or with no score for the candidate is left out, and the weights of the remaining stages are
  renormalised.
* Totals are compared as shown, rounded to two decimals (ROUND_HALF_UP); equal shown totals are
  ties, broken by the selection's rule (:data:`~app.models.seleksi.seleksi.ATURAN_SERI`) and
  finally by the earlier registration number.
* A missing sealed sheet blocks the final ranking until the chair's quorum note is recorded
  (:mod:`app.models.seleksi.panitia`).
* The ranking proposes the top three to the appointing official (PPK).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.i18n import tr
from app.models.rules.seleksi import (
    SERATUS,
    bulat,
    rata,
    skala_100,
    teks_desimal,
    total_berbobot,
)
from app.models.seleksi.panitia import LembarBelumLengkap, LembarKurang, konflik, lembar_kurang
from app.models.seleksi.pelamar import Pelamar, kandidat
from app.models.seleksi.seleksi import ATURAN_SERI, SeleksiInfo, Tahap, get_seleksi

USULAN = 3  # the three best go to the PPK (asn-rules 6.1)


@dataclass(frozen=True)
class BarisPeringkat:
    peringkat: int
    pelamar_id: str
    nomor: int
    nama: str
    nip: str | None
    nilai_tahap: dict[str, Decimal | None]  # tahap_id -> stage score (0..100) or None
    penilai_tahap: dict[str, int]  # tahap_id -> how many members scored
    total: Decimal | None  # exact
    catatan: tuple[str, ...]

    @property
    def total_tampil(self) -> Decimal | None:
        return bulat(self.total) if self.total is not None else None


@dataclass(frozen=True)
class Peringkat:
    seleksi: SeleksiInfo
    baris: list[BarisPeringkat]
    bobot_efektif: dict[str, Decimal]  # tahap_id -> renormalised weight (percent) of held stages
    kurang: list[LembarKurang]
    final: bool  # no missing sheet, or the chair's quorum note
    aturan_seri: str
    uraian_seri: str = ""  # the tie-break rule in words (ATURAN_SERI)

    @property
    def usulan(self) -> list[BarisPeringkat]:
        """The top three (proposed to the PPK); empty while not final."""
        if not self.final:
            return []
        return [b for b in self.baris if b.total is not None][:USULAN]


def _kunci_seri(aturan: str, tahap: Sequence[Tahap], bobot: Mapping[str, Decimal]) -> list[str]:
    """Stage ids in the order they break ties."""
    held = [t for t in tahap if t.dinilai and bobot.get(t.id, Decimal(0)) > 0]
    if aturan == "bobot":
        return [t.id for t in sorted(held, key=lambda t: (-bobot[t.id], t.urutan))]
    if aturan == "tahap_akhir":
        return [t.id for t in sorted(held, key=lambda t: -t.urutan)]
    return []


def susun_peringkat(
    info: SeleksiInfo,
    pelamar: Sequence[Pelamar],
    nilai: Mapping[tuple[str, str, str], Decimal],
    lembar: set[tuple[str, str]],
    konflik_set: set[tuple[str, str]],
    kurang: Sequence[LembarKurang],
) -> Peringkat:
    """The ranking from the scores (pure).

    ``nilai``: (anggota_id, pelamar_id, kriteria_id) -> score on the criterion's scale, from
    sealed sheets; ``lembar``: (anggota_id, tahap_id) of the sealed sheets in hand.
    """
    bobot = {t.id: t.bobot for t in info.tahap if t.dinilai and t.bobot > 0}
    held_total = sum(bobot.values(), Decimal(0))
    efektif = {k: v / held_total * SERATUS for k, v in bobot.items()} if held_total else {}
    rows: list[BarisPeringkat] = []
    for p in pelamar:
        per_tahap: dict[str, Decimal | None] = {}
        jumlah: dict[str, int] = {}
        notes: list[str] = []
        for t in info.tahap:
            if not t.dinilai:
                continue
            scores = []
            for a in info.panitia:
                if not a.menilai or (a.id, t.id) not in lembar or (a.id, p.id) in konflik_set:
                    continue
                vals = [nilai.get((a.id, p.id, k.id)) for k in t.kriteria]
                if any(v is None for v in vals):
                    continue
                scores.append(
                    rata(
                        [
                            skala_100(v, k.skala_min, k.skala_maks)
                            for v, k in zip(vals, t.kriteria, strict=True)
                            if v is not None
                        ]
                    )
                )
            jumlah[t.id] = len(scores)
            per_tahap[t.id] = rata(scores) if scores else None
            if not scores and t.id in bobot:
                notes.append(tr("Belum ada nilai tahap {t}", t=t.nama))
        skor = {k: v for k, v in per_tahap.items() if v is not None}
        rows.append(
            BarisPeringkat(
                0,
                p.id,
                p.nomor,
                p.nama,
                p.nip,
                per_tahap,
                jumlah,
                total_berbobot(skor, bobot),
                tuple(notes),
            )
        )
    urutan_seri = _kunci_seri(info.aturan_seri, info.tahap, bobot)

    def key(b: BarisPeringkat) -> tuple[Any, ...]:
        shown = b.total_tampil
        return (
            shown is None,
            -(shown or Decimal(0)),
            *(-(b.nilai_tahap.get(t) or Decimal(-1)) for t in urutan_seri),
            b.nomor,
        )

    rows.sort(key=key)
    ranked = [
        BarisPeringkat(
            i if b.total is not None else 0,
            b.pelamar_id,
            b.nomor,
            b.nama,
            b.nip,
            b.nilai_tahap,
            b.penilai_tahap,
            b.total,
            b.catatan,
        )
        for i, b in enumerate(rows, start=1)
    ]
    final = not kurang or bool(info.kuorum_catatan)
    uraian = tr(ATURAN_SERI.get(info.aturan_seri, info.aturan_seri))
    return Peringkat(info, ranked, efektif, list(kurang), final, info.aturan_seri, uraian)


def nilai_tersegel(
    conn: sqlite3.Connection, seleksi_id: str
) -> dict[tuple[str, str, str], Decimal]:
    return {
        (r[0], r[1], r[2]): Decimal(r[3])
        for r in conn.execute(
            "SELECT n.anggota_id, n.pelamar_id, n.kriteria_id, n.nilai FROM seleksi_nilai n "
            "JOIN seleksi_kriteria k ON k.id = n.kriteria_id "
            "JOIN seleksi_lembar l ON l.seleksi_id = n.seleksi_id "
            " AND l.anggota_id = n.anggota_id AND l.tahap_id = k.tahap_id AND l.deleted = 0 "
            "WHERE n.seleksi_id = ? AND n.deleted = 0",
            (seleksi_id,),
        )
    }


def get_peringkat(
    conn: sqlite3.Connection, seleksi_id: str, *, sementara: bool = False
) -> Peringkat:
    """The ranking of a selection. Refuses (:class:`LembarBelumLengkap`, naming the missing
    sheets) while a required sheet is missing and the chair has not recorded that the quorum
    is enough, unless ``sementara`` (a provisional view, marked not final)."""
    info = get_seleksi(conn, seleksi_id)
    kurang = lembar_kurang(conn, info)
    if kurang and not info.kuorum_catatan and not sementara:
        raise LembarBelumLengkap(kurang)
    lembar = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT anggota_id, tahap_id FROM seleksi_lembar WHERE seleksi_id = ? AND deleted = 0",
            (seleksi_id,),
        )
    }
    return susun_peringkat(
        info,
        kandidat(conn, seleksi_id),
        nilai_tersegel(conn, seleksi_id),
        lembar,
        konflik(conn, seleksi_id),
        kurang,
    )


def peringkat_json(hasil: Peringkat) -> dict[str, Any]:
    info = hasil.seleksi
    tahap = {t.id: t for t in info.tahap}

    def num(v: Decimal | None) -> str | None:
        return teks_desimal(bulat(v)) if v is not None else None

    return {
        "seleksi_id": info.id,
        "judul": info.judul,
        "jabatan": info.nama_jabatan,
        "final": hasil.final,
        "aturan_seri": hasil.aturan_seri,
        "aturan_seri_uraian": tr(ATURAN_SERI.get(hasil.aturan_seri, "")),
        "kuorum_catatan": info.kuorum_catatan,
        "lembar_kurang": [{"anggota": k.anggota, "tahap": k.tahap} for k in hasil.kurang],
        "bobot_efektif": {tahap[k].nama: num(v) for k, v in hasil.bobot_efektif.items()},
        "peringkat": [
            {
                "peringkat": b.peringkat,
                "nomor": b.nomor,
                "nama": b.nama,
                "nip": b.nip,
                "total": num(b.total),
                "nilai_tahap": {tahap[k].nama: num(v) for k, v in b.nilai_tahap.items()},
                "penilai_tahap": {tahap[k].nama: n for k, n in b.penilai_tahap.items()},
                "catatan": list(b.catatan),
            }
            for b in hasil.baris
        ],
        "usulan": [b.nama for b in hasil.usulan],
    }


# -- score recap per member and stage -----------------------------------------------------------


@dataclass(frozen=True)
class BarisRekapNilai:
    anggota: str
    nomor: int
    kandidat: str
    nilai: tuple[Decimal | None, ...]  # per criterion of the stage, on its own scale
    skor: Decimal | None  # the member's stage score, 0..100
    konflik: bool


@dataclass(frozen=True)
class RekapTahap:
    tahap: Tahap
    baris: list[BarisRekapNilai]


def rekap_nilai(conn: sqlite3.Connection, seleksi_id: str) -> tuple[Peringkat, list[RekapTahap]]:
    """Every sealed score per member and stage, and the (provisional if need be) ranking."""
    hasil = get_peringkat(conn, seleksi_id, sementara=True)
    info = hasil.seleksi
    nilai = nilai_tersegel(conn, seleksi_id)
    konflik_set = konflik(conn, seleksi_id)
    calon = kandidat(conn, seleksi_id)
    out = []
    for t in info.tahap:
        if not t.dinilai:
            continue
        rows = []
        for a in info.panitia:
            if not a.menilai:
                continue
            for p in calon:
                vals = tuple(nilai.get((a.id, p.id, k.id)) for k in t.kriteria)
                done = [v for v in vals if v is not None]
                skor = (
                    rata(
                        [
                            skala_100(v, k.skala_min, k.skala_maks)
                            for v, k in zip(vals, t.kriteria, strict=True)
                            if v is not None
                        ]
                    )
                    if len(done) == len(vals)
                    else None
                )
                rows.append(
                    BarisRekapNilai(
                        a.nama, p.nomor, p.nama, vals, skor, (a.id, p.id) in konflik_set
                    )
                )
        out.append(RekapTahap(t, rows))
    return hasil, out
