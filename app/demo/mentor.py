"""Demo mentoring (issue 15 item 6): most new CPNS (status CPNS, or TMT CPNS within the last
year) paired with the mentor the rule suggests (same unit, higher golongan, fewest mentees),
from about two weeks after their TMT, with monthly meeting notes up to today; a few are left
without a mentor so that the suggestion list has something to show. Deterministic for a seed;
written in the demo's one transaction."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

from app.models.kompetensi.mentor import semua_calon
from app.models.rules.mentor import Calon, cpns_baru, saran_mentor
from app.models.storage.store import WriteTx

_TUJUAN = (
    "Memahami tugas pokok unit, tata naskah dinas dan penyusunan SKP",
    "Menguasai aplikasi layanan unit dan standar pelayanan",
    "Menyiapkan aktualisasi Latsar CPNS dan orientasi budaya kerja BerAKHLAK",
    "Memahami siklus anggaran dan pelaporan kegiatan bidang",
)
_TOPIK = (
    ("Pengenalan unit dan rekan kerja", "Berkenalan dengan pejabat dan alur kerja bidang",
     "Pelajari struktur organisasi dan uraian tugas"),
    ("Tata naskah dinas", "Latihan menyusun nota dinas dan surat keluar",
     "Susun satu draf surat untuk diperiksa"),
    ("Rencana SKP", "Membahas rencana hasil kerja bersama atasan",
     "Ajukan rencana SKP di aplikasi"),
    ("Aktualisasi Latsar", "Memilih isu aktualisasi dari masalah layanan unit",
     "Tulis rancangan aktualisasi"),
    ("Evaluasi triwulan", "Meninjau kemajuan dan kendala", "Lanjutkan rencana pengembangan"),
)  # fmt: skip
PAIRED_SHARE = 0.85


def write_mentor(tx: WriteTx, conn: sqlite3.Connection, seed: int, today: date) -> int:
    """Write the demo's mentoring pairs and meetings; returns how many rows."""
    rng = random.Random(seed * 6151 + 23)
    by_unit: dict[str, list[Calon]] = {}
    mentees: list[tuple[Calon, date]] = []
    for person, tmt_day in semua_calon(conn):
        if person.unit_id:
            by_unit.setdefault(person.unit_id, []).append(person)
        if (
            person.kedudukan == "AKTIF"
            and tmt_day is not None
            and cpns_baru(person.status_kepegawaian, tmt_day, today)
        ):
            mentees.append((person, tmt_day))
    written = 0
    for mentee, tmt_day in mentees:
        if rng.random() > PAIRED_SHARE or not mentee.unit_id:
            continue
        pool = by_unit[mentee.unit_id]
        pick = saran_mentor(mentee, pool)
        if pick is None:
            continue
        by_unit[mentee.unit_id] = [
            replace(c, jumlah_mentee=c.jumlah_mentee + 1) if c.pegawai_id == pick.pegawai_id else c
            for c in pool
        ]
        mulai = min(tmt_day + timedelta(days=rng.randint(7, 30)), today)
        pair = tx.insert(
            "kompetensi_mentor",
            {
                "pegawai_id": mentee.pegawai_id,
                "mentor_id": pick.pegawai_id,
                "mulai": mulai.isoformat(),
                "selesai": (mulai + timedelta(days=365)).isoformat(),
                "tujuan": rng.choice(_TUJUAN),
                "status": "AKTIF",
            },
        )
        written += 1
        day = mulai + timedelta(days=rng.randint(3, 10))
        for topik, catatan, tindak in _TOPIK:
            if day > today:
                break
            tx.insert(
                "kompetensi_mentor_pertemuan",
                {
                    "mentor_pasangan_id": pair,
                    "pegawai_id": mentee.pegawai_id,
                    "tanggal": day.isoformat(),
                    "topik": topik,
                    "catatan": catatan,
                    "tindak_lanjut": tindak,
                },
            )
            written += 1
            day += timedelta(days=rng.randint(25, 40))
    return written
