"""The talent box (kotak talenta, 9-box) of PermenPANRB 3/2020 (asn-rules 6.3; issue 15 item 7):
kinerja (1-3) from the last two SKP predikat × potensi (1-3) from the latest assessment; the
mapping and the box numbers are reference data (``ref_talenta_kinerja``,
``ref_kotak_talenta``) that the admin can correct."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from app.models.kompetensi.kebutuhan import list_pemangku
from app.models.kompetensi.nilai import latest_potensi
from app.models.rules.kompetensi import kinerja_talenta, nomor_kotak


@dataclass(frozen=True)
class Kotak:
    kinerja: int
    potensi: int
    nomor: int
    nama: str
    tindak_lanjut: str | None
    kelompok_suksesi: bool


def list_kotak(conn: sqlite3.Connection) -> dict[tuple[int, int], Kotak]:
    return {
        (int(r[0]), int(r[1])): Kotak(int(r[0]), int(r[1]), int(r[2]), r[3], r[4], bool(r[5]))
        for r in conn.execute(
            "SELECT kinerja, potensi, nomor, nama, tindak_lanjut, kelompok_suksesi "
            "FROM ref_kotak_talenta WHERE deleted = 0"
        )
    }


@dataclass(frozen=True)
class Talenta:
    pegawai_id: str
    nip: str
    nama: str
    unit_nama: str | None
    jabatan_nama: str | None
    predikat: tuple[str, ...]  # the last two SKP predikat, newest first
    kinerja: int | None
    potensi: int | None
    kotak: int | None
    nama_kotak: str | None


def _predikat(conn: sqlite3.Connection) -> dict[str, list[str]]:
    result: dict[str, list[str]] = defaultdict(list)
    for pid, kode in conn.execute(
        "SELECT pegawai_id, predikat_kode FROM riwayat_skp WHERE deleted = 0 "
        "ORDER BY pegawai_id, tahun DESC"
    ):
        if len(result[pid]) < 2:
            result[pid].append(kode)
    return result


def list_talenta(conn: sqlite3.Connection, *, unit_id: str | None = None) -> list[Talenta]:
    """Each active employee of the scope with their cell (None where an axis is missing)."""
    axis = {
        r[0]: int(r[1])
        for r in conn.execute(
            "SELECT predikat_kode, kinerja FROM ref_talenta_kinerja WHERE deleted = 0"
        )
    }
    boxes = list_kotak(conn)
    numbers = {key: box.nomor for key, box in boxes.items()}
    predikat = _predikat(conn)
    potensi = latest_potensi(conn)
    result: list[Talenta] = []
    for p in list_pemangku(conn, unit_id=unit_id):
        last = tuple(predikat.get(p.pegawai_id, []))
        kinerja = kinerja_talenta(axis[k] for k in last if k in axis)
        pot = potensi.get(p.pegawai_id)
        nomor = nama = None
        if kinerja is not None and pot is not None and (kinerja, pot[0]) in numbers:
            nomor = nomor_kotak(kinerja, pot[0], numbers)
            nama = boxes[(kinerja, pot[0])].nama
        result.append(
            Talenta(
                p.pegawai_id,
                p.nip,
                p.nama,
                p.unit_nama,
                p.jabatan_nama,
                last,
                kinerja,
                pot[0] if pot else None,
                nomor,
                nama,
            )
        )
    return result


def count_kotak(rows: list[Talenta]) -> dict[int, int]:
    """Box number -> people in it (every box 1-9 present)."""
    counts = dict.fromkeys(range(1, 10), 0)
    for r in rows:
        if r.kotak is not None:
            counts[r.kotak] = counts.get(r.kotak, 0) + 1
    return counts
