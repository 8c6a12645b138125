"""Succession per key post (talent pool; PermenPANRB 3/2020, asn-rules 6.3; issue 15 item 7).

Key posts are the leadership posts (jenjang JPT, administrator, pengawas). Their candidates
are the active employees in the talent-pool boxes (``ref_kotak_talenta.kelompok_suksesi``: 7,
8, 9) who hold a lower post now (``ref_jenjang_jabatan.tingkat``), not the holder of the post.
Each is measured against the post's own standard: JPM and the levels still lacking; readiness
from ``ref_kesiapan_suksesi`` (``siap sekarang`` / ``1-2 tahun`` / later) [?: thresholds are the
agency's]. Ranked by box, then JPM, then the levels lacking. Notes (rank below the post's
minimum, competencies not assessed) are shown, never used to drop anyone: the list is a
suggestion for the committee, not a filter.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from app.i18n import tr
from app.models.kompetensi.kebutuhan import list_pemangku, standar_semua
from app.models.kompetensi.nilai import held_levels
from app.models.kompetensi.talenta import list_kotak, list_talenta
from app.models.rules.kompetensi import jpm, kekurangan

JENJANG_KUNCI = ("JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS")
LEBIH_LAMA = "LEBIH_2_TAHUN"


@dataclass(frozen=True)
class JabatanKunci:
    id: str
    nama: str
    unit_nama: str
    jenjang_kode: str
    pemangku: tuple[str, ...]  # names of the holders now


def list_jabatan_kunci(conn: sqlite3.Connection) -> list[JabatanKunci]:
    """Leadership posts with a standard, highest first."""
    standards = standar_semua(conn)
    holders: dict[str, list[str]] = {}
    for p in list_pemangku(conn):
        if p.jabatan_id:
            holders.setdefault(p.jabatan_id, []).append(p.nama)
    marks = ", ".join("?" for _ in JENJANG_KUNCI)
    rows = conn.execute(
        "SELECT j.id, j.nama, u.nama, j.jenjang_kode FROM jabatan j "
        "JOIN unit_organisasi u ON u.id = j.unit_id "
        "LEFT JOIN ref_jenjang_jabatan r ON r.kode = j.jenjang_kode "
        f"WHERE j.deleted = 0 AND j.jenjang_kode IN ({marks}) "
        "ORDER BY r.tingkat DESC, u.nama, j.nama",
        JENJANG_KUNCI,
    )
    return [
        JabatanKunci(r[0], r[1], r[2], r[3], tuple(holders.get(r[0], [])))
        for r in rows
        if r[0] in standards
    ]


@dataclass(frozen=True)
class Calon:
    peringkat: int
    pegawai_id: str
    nip: str
    nama: str
    jabatan_nama: str | None
    unit_nama: str | None
    kotak: int
    jpm: float | None
    kekurangan: int  # levels lacking against the post's standard (assessed ones)
    kesiapan: str  # ref_kesiapan_suksesi.kode or LEBIH_2_TAHUN
    kesiapan_nama: str
    catatan: tuple[str, ...] = field(default_factory=tuple)


def _readiness(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    return [
        (str(r[0]), str(r[1]), int(r[2]))
        for r in conn.execute(
            "SELECT kode, nama, maks_kekurangan FROM ref_kesiapan_suksesi WHERE deleted = 0 "
            "ORDER BY maks_kekurangan, urutan"
        )
    ]


def list_calon(conn: sqlite3.Connection, jabatan_id: str) -> list[Calon]:
    """The ranked successors of a key post."""
    post = conn.execute(
        "SELECT j.gol_min_kode, r.tingkat FROM jabatan j "
        "LEFT JOIN ref_jenjang_jabatan r ON r.kode = j.jenjang_kode WHERE j.id = ?",
        (jabatan_id,),
    ).fetchone()
    required = standar_semua(conn).get(jabatan_id, {})
    if post is None or not required:
        return []
    gol_min, tingkat = post[0], post[1]
    pool = {k for k, box in list_kotak(conn).items() if box.kelompok_suksesi}
    tingkat_of = {
        str(r[0]): int(r[1] or 0)
        for r in conn.execute("SELECT kode, tingkat FROM ref_jenjang_jabatan WHERE deleted = 0")
    }
    gol_urutan = {
        str(r[0]): int(r[1])
        for r in conn.execute("SELECT kode, urutan FROM ref_golongan WHERE deleted = 0")
    }
    info = {
        str(r[0]): (r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT r.pegawai_id, r.jenjang_kode, r.golongan_kode, j.jabatan_id FROM "
            "pegawai_ringkas r LEFT JOIN (SELECT pegawai_id, jabatan_id, ROW_NUMBER() OVER ("
            " PARTITION BY pegawai_id ORDER BY tmt IS NULL DESC, tmt DESC, tanggal_sk DESC,"
            " id DESC) AS n FROM riwayat_jabatan WHERE deleted = 0) j"
            " ON j.pegawai_id = r.pegawai_id AND j.n = 1 WHERE r.deleted = 0"
        )
    }
    readiness = _readiness(conn)
    talent = [
        t
        for t in list_talenta(conn)
        if t.kinerja is not None and t.potensi is not None and (t.kinerja, t.potensi) in pool
    ]
    held = held_levels(conn, [t.pegawai_id for t in talent])
    found: list[tuple[tuple[int, float, int, str], Calon]] = []
    for t in talent:
        jenjang, golongan, current_post = info.get(t.pegawai_id, (None, None, None))
        if current_post == jabatan_id:
            continue
        if tingkat is not None and tingkat_of.get(str(jenjang), 0) >= int(tingkat):
            continue
        mine = held.get(t.pegawai_id, {})
        pairs = [(level, mine[kode]) for kode, level in required.items() if kode in mine]
        missing = [kode for kode in required if kode not in mine]
        lacking = sum(kekurangan(r, h) for r, h in pairs)
        notes: list[str] = []
        if missing:
            notes.append(tr("belum dinilai: {k}", k=", ".join(sorted(missing))))
        if gol_min and golongan and gol_urutan.get(golongan, 0) < gol_urutan.get(gol_min, 0):
            notes.append(tr("golongan {g} di bawah syarat {m}", g=golongan, m=gol_min))
        kode, nama = LEBIH_LAMA, tr("Lebih dari 2 tahun")
        if not missing:
            for r_kode, r_nama, maks in readiness:
                if lacking <= maks:
                    kode, nama = r_kode, r_nama
                    break
        value = jpm(pairs)
        key = (-(t.kotak or 0), -(value or 0.0), lacking, t.nama)
        found.append(
            (
                key,
                Calon(
                    peringkat=0,
                    pegawai_id=t.pegawai_id,
                    nip=t.nip,
                    nama=t.nama,
                    jabatan_nama=t.jabatan_nama,
                    unit_nama=t.unit_nama,
                    kotak=t.kotak or 0,
                    jpm=value,
                    kekurangan=lacking,
                    kesiapan=kode,
                    kesiapan_nama=nama,
                    catatan=tuple(notes),
                ),
            )
        )
    found.sort(key=lambda item: item[0])
    return [replace(calon, peringkat=i) for i, (_, calon) in enumerate(found, start=1)]
