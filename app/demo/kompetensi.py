"""Demo competency data (issue 15): standards for every position with a jenjang level, two
technical competencies of the agency, assessment-centre results with potential for most
employees, a training catalogue and one planned event whose participants come from the
needs list. Deterministic for a seed; written in the demo's one transaction."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from app.models.kompetensi import kamus, kebutuhan, standar
from app.models.reference.loader import natural_id, ref_id
from app.models.storage.store import WriteTx

MAX_ASSESSED = 5000  # keeps a 100,000-employee demo quick; the rest are "belum dinilai"
PENILAI = "UPT Penilaian Kompetensi BKPSDM"
_TEKNIS = (
    ("T.KES.01", "Surveilans Epidemiologi", "Kesehatan"),
    ("T.TI.01", "Pengelolaan Sistem Informasi", "Komunikasi"),
)
_KATALOG = (
    ("Pelatihan Integritas dan Antikorupsi", "KLASIKAL", "TEKNIS", 24, "M.01", "BPSDM Provinsi"),
    ("Pelatihan Pelayanan Prima", "KLASIKAL", "TEKNIS", 24, "M.05", "BPSDM Provinsi"),
    ("E-learning Komunikasi Efektif", "NON_KLASIKAL", "TEKNIS", 10, "M.03", "LAN (ASN Unggul)"),
    ("Pelatihan Manajemen Perubahan", "KLASIKAL", "TEKNIS", 32, "M.07", "BPSDM Provinsi"),
    ("Pelatihan Surveilans Epidemiologi", "KLASIKAL", "TEKNIS", 40, "T.KES.01", "Bapelkes"),
    ("Pelatihan Aplikasi Perkantoran", "NON_KLASIKAL", "TEKNIS", 16, "T.TI.01", "Diskominfo"),
)


def write_kompetensi(tx: WriteTx, conn: sqlite3.Connection, seed: int, today: date) -> int:
    """Write the demo's competency rows; returns how many."""
    rng = random.Random(seed * 7919 + 24)
    rows = 0
    for i, (kode, nama, _unit) in enumerate(_TEKNIS, start=100):
        tx.insert(
            "ref_kompetensi",
            {
                "id": ref_id("ref_kompetensi", kode),
                "kode": kode,
                "nama": nama,
                "jenis": "TEKNIS",
                "uraian": None,
                "urutan": i,
                "dasar_hukum": "Ditetapkan instansi (demo)",
                "status_fakta": "V",
                "catatan": None,
            },
        )
        rows += 1
    umum = [
        k.kode for k in kamus.list_kompetensi(conn) if k.jenis in ("MANAJERIAL", "SOSIAL_KULTURAL")
    ]
    standards: dict[str, dict[str, int]] = {}
    for jid, level, unit_nama in standar.list_level_jenjang(conn):
        mine = dict.fromkeys(umum, int(level))
        for kode, _nama, unit_word in _TEKNIS:
            if unit_word in str(unit_nama):
                mine[kode] = min(int(level) + 1, 5)
        standards[jid] = mine
    rows += tx.insert_many(
        "kompetensi_standar",
        (
            {
                "id": natural_id("kompetensi_standar", jid, kode),
                "jabatan_id": jid,
                "kompetensi_kode": kode,
                "level": level,
            }
            for jid, mine in standards.items()
            for kode, level in mine.items()
        ),
    )
    holders = kebutuhan.current_jabatan(conn)
    nilai_rows: list[dict[str, str | int | None]] = []
    potensi_rows: list[dict[str, str | int | float | None]] = []
    lacking_m01: list[str] = []
    for pid, jid in holders:
        held_standard = standards.get(jid)
        if not held_standard or rng.random() > 0.7 or len(potensi_rows) >= MAX_ASSESSED:
            continue
        day = (today - timedelta(days=rng.randint(30, 400))).isoformat()
        for kode, level in held_standard.items():
            held = max(1, min(5, level + rng.choice((-2, -1, -1, 0, 0, 0, 1))))
            if kode == "M.01" and held < level:
                lacking_m01.append(pid)
            nilai_rows.append(
                {
                    "id": natural_id("kompetensi_nilai", pid, kode, day, "ASSESSMENT_CENTER"),
                    "pegawai_id": pid,
                    "kompetensi_kode": kode,
                    "level": held,
                    "tanggal": day,
                    "sumber": "ASSESSMENT_CENTER",
                    "penilai": PENILAI,
                    "catatan": None,
                }
            )
        potensi = rng.choices((1, 2, 3), weights=(25, 50, 25))[0]
        potensi_rows.append(
            {
                "id": natural_id("kompetensi_potensi", pid, day, "ASSESSMENT_CENTER"),
                "pegawai_id": pid,
                "tanggal": day,
                "sumber": "ASSESSMENT_CENTER",
                "potensi": potensi,
                "skor": round(40 + 20 * potensi + rng.uniform(-8, 8), 1),
                "penilai": PENILAI,
            }
        )
    rows += tx.insert_many("kompetensi_nilai", nilai_rows)
    rows += tx.insert_many("kompetensi_potensi", potensi_rows)
    katalog_ids: list[str] = []
    for nama, bentuk, jenis, jp, kode, penyelenggara in _KATALOG:
        kid = natural_id("pelatihan_katalog", "demo", nama)
        tx.insert(
            "pelatihan_katalog",
            {
                "id": kid,
                "nama": nama,
                "bentuk": bentuk,
                "jenis": jenis,
                "penyelenggara": penyelenggara,
                "jp": jp,
                "kompetensi_kode": kode,
                "keterangan": None,
            },
        )
        katalog_ids.append(kid)
        rows += 1
    mulai = today + timedelta(days=21)
    acara = natural_id("pelatihan_acara", "demo", mulai.isoformat())
    tx.insert(
        "pelatihan_acara",
        {
            "id": acara,
            "katalog_id": katalog_ids[0],
            "nama": _KATALOG[0][0],
            "penyelenggara": _KATALOG[0][5],
            "tanggal_mulai": mulai.isoformat(),
            "tanggal_selesai": (mulai + timedelta(days=2)).isoformat(),
            "jp": _KATALOG[0][3],
            "tempat": "Aula BKPSDM",
            "status": "RENCANA",
        },
    )
    rows += 1
    rows += tx.insert_many(
        "pelatihan_peserta",
        (
            {
                "id": natural_id("pelatihan_peserta", acara, pid),
                "acara_id": acara,
                "pegawai_id": pid,
                "kompetensi_kode": "M.01",
                "status": "TERDAFTAR",
            }
            for pid in lacking_m01[:20]
        ),
    )
    rows += _past_it_event(tx, katalog_ids[-1], [pid for pid, _ in holders], rng, today)
    return rows


def _past_it_event(
    tx: WriteTx, katalog_id: str, people: list[str], rng: random.Random, today: date
) -> int:
    """Last year's office-software training, completed, that most participants found
    irrelevant to their work (the evaluation flags it for review)."""
    nama, _bentuk, jenis, jp, _kode, penyelenggara = _KATALOG[-1]
    mulai = date(today.year - 1, 9, 8)
    selesai = mulai + timedelta(days=2)
    acara = natural_id("pelatihan_acara", "demo", mulai.isoformat())
    tx.insert(
        "pelatihan_acara",
        {
            "id": acara,
            "katalog_id": katalog_id,
            "nama": nama,
            "penyelenggara": penyelenggara,
            "tanggal_mulai": mulai.isoformat(),
            "tanggal_selesai": selesai.isoformat(),
            "jp": jp,
            "tempat": "Laboratorium Komputer Diskominfo",
            "status": "SELESAI",
        },
    )
    chosen = rng.sample(people, min(12, len(people)))
    for n, pid in enumerate(chosen, start=1):
        rid = natural_id("riwayat_diklat", "pelatihan_acara", acara, pid)
        nomor = f"{n:03d}/SERT-TI/{mulai.year}"
        tx.insert(
            "riwayat_diklat",
            {
                "id": rid,
                "pegawai_id": pid,
                "jenis": jenis,
                "nama": nama,
                "penyelenggara": penyelenggara,
                "tanggal_mulai": mulai.isoformat(),
                "tanggal_selesai": selesai.isoformat(),
                "jam_pelajaran": jp,
                "nomor_sertifikat": nomor,
            },
        )
        tx.insert(
            "pelatihan_peserta",
            {
                "id": natural_id("pelatihan_peserta", acara, pid),
                "acara_id": acara,
                "pegawai_id": pid,
                "kompetensi_kode": "T.TI.01",
                "status": "LULUS",
                "nomor_sertifikat": nomor,
                "riwayat_diklat_id": rid,
            },
        )
        relevant = rng.random() < 0.25
        tx.insert(
            "pelatihan_evaluasi",
            {
                "id": natural_id("pelatihan_evaluasi", acara, pid),
                "acara_id": acara,
                "pegawai_id": pid,
                "relevansi": rng.choice((4, 5)) if relevant else rng.choice((1, 2, 2)),
                "manfaat": rng.choice((3, 4)) if relevant else rng.choice((1, 2, 3)),
                "pengajar": rng.choice((3, 4, 5)),
                "komentar": None if relevant else "Materi tidak terpakai dalam tugas sehari-hari.",
                "tanggal": selesai.isoformat(),
            },
        )
    return 1 + 3 * len(chosen)
