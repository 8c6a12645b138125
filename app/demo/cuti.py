"""A believable year of leave for the demo: an example agency calendar (fixed-date national
holidays and a few cuti bersama, labelled as examples) and, for a sample of the employees, cuti
tahunan taken through the year, a few days of cuti sakit, a cuti melahirkan or a cuti besar,
and requests still waiting for a decision. Every record passes the same checks as a request
keyed in by a clerk (:func:`app.models.cuti.permohonan.check_permohonan`), read inside the demo's
own transaction; a candidate the rules refuse is simply left out.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from app.models.cuti.kalender import read_kalender
from app.models.cuti.permohonan import Permohonan, check_permohonan
from app.models.cuti.saldo import list_pegawai_aktif
from app.models.reference.loader import natural_id
from app.models.rules.cuti import Kalender
from app.models.storage.store import WriteTx

MAX_ORANG = 1500  # people given leave records (the demo can hold 500,000 employees)

# Fixed-date national holidays (their official list is set yearly by SKB; the moving feasts are
# left out of the demo on purpose) and example cuti bersama: demo data, not the official list.
_LIBUR = (
    ("01-01", "Tahun Baru Masehi"),
    ("05-01", "Hari Buruh Internasional"),
    ("06-01", "Hari Lahir Pancasila"),
    ("08-17", "Hari Kemerdekaan RI"),
    ("12-25", "Hari Raya Natal"),
)
_BERSAMA = (("12-24", "Cuti bersama Natal (contoh)"), ("12-26", "Cuti bersama Natal (contoh)"))


def write_kalender(tx: WriteTx, tahun: int) -> None:
    """The example calendar of ``tahun - 1`` .. ``tahun + 1``."""
    rows = []
    for y in (tahun - 1, tahun, tahun + 1):
        for md, nama in _LIBUR:
            rows.append(("LIBUR", f"{y}-{md}", nama))
        for md, nama in _BERSAMA:
            rows.append(("CUTI_BERSAMA", f"{y}-{md}", nama))
    tx.insert_many(
        "cuti_kalender",
        [
            {
                "id": natural_id("cuti_kalender", t),
                "tanggal": t,
                "jenis": jenis,
                "keterangan": nama + " (data demo)",
            }
            for jenis, t, nama in rows
        ],
    )


def _next_workday(k: Kalender, d: date) -> date:
    while not k.is_hari_kerja(d):
        d += timedelta(days=1)
    return d


def _span(k: Kalender, mulai: date, hari_kerja: int) -> date:
    """The last day of ``hari_kerja`` working days starting on ``mulai`` (a working day)."""
    d, n = mulai, 0
    while True:
        n += k.is_hari_kerja(d)
        if n >= hari_kerja:
            return d
        d += timedelta(days=1)


def write_cuti(tx: WriteTx, conn: sqlite3.Connection, seed: int, today: date) -> int:
    """Leave records of the year of ``today`` for a sample of the active employees, read and
    written on ``conn`` inside the demo's open transaction. Returns the records written."""
    rng = random.Random(f"cuti:{seed}")
    tahun = today.year
    write_kalender(tx, tahun)
    k = read_kalender(conn)
    people = list_pegawai_aktif(conn)
    rng.shuffle(people)
    written = 0
    awal = date(tahun, 1, 1)
    for pid, jk in people[:MAX_ORANG]:
        plan: list[tuple[Permohonan, str]] = []
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            mulai = _next_workday(k, awal + timedelta(days=rng.randrange(0, 350)))
            selesai = _span(k, mulai, rng.choice((1, 2, 3, 3, 5, 5, 10)))
            alasan = rng.choice(
                (
                    "Urusan keluarga",
                    "Pulang kampung",
                    "Menghadiri pernikahan saudara",
                    "Liburan keluarga",
                    "Mengurus keperluan pribadi",
                )
            )
            plan.append((Permohonan("TAHUNAN", mulai, selesai, alasan, "Alamat rumah"), ""))
        if rng.random() < 0.15:
            mulai = _next_workday(k, awal + timedelta(days=rng.randrange(0, 340)))
            hari = rng.choice((1, 1, 2, 3))
            plan.append(
                (
                    Permohonan(
                        "SAKIT",
                        mulai,
                        mulai + timedelta(days=hari - 1),
                        "Sakit",
                        "Alamat rumah",
                        ("surat_keterangan_dokter.pdf",) if hari > 1 else (),
                    ),
                    "",
                )
            )
        if jk == "P" and rng.random() < 0.03:
            mulai = awal + timedelta(days=rng.randrange(0, 270))
            selesai = mulai + timedelta(days=89)
            plan.append(
                (
                    Permohonan(
                        "MELAHIRKAN",
                        mulai,
                        selesai,
                        "Persalinan",
                        "Alamat rumah",
                        (),
                        rng.randint(1, 3),
                    ),
                    "",
                )
            )
        elif rng.random() < 0.01:
            mulai = awal + timedelta(days=rng.randrange(0, 250))
            plan = [
                (
                    Permohonan("BESAR", mulai, mulai + timedelta(days=59), "Ibadah haji", "Mekkah"),
                    "",
                )
            ]
        for p, _ in plan:
            check = check_permohonan(conn, pid, p, kalender=k)
            if not check.ok:
                continue
            future = p.mulai > today
            status = "DIAJUKAN" if future and rng.random() < 0.5 else "DISETUJUI"
            usul = max(awal, p.mulai - timedelta(days=rng.randint(3, 14)))
            tx.insert(
                "cuti",
                {
                    "pegawai_id": pid,
                    "jenis_kode": p.jenis,
                    "tanggal_mulai": p.mulai.isoformat(),
                    "tanggal_selesai": p.selesai.isoformat(),
                    "lama": check.lama,
                    "tahun": check.tahun,
                    "alasan": p.alasan,
                    "alamat": p.alamat,
                    "lampiran": "\n".join(p.lampiran),
                    "anak_ke": p.anak_ke,
                    "tanggal_usul": min(usul, today).isoformat(),
                    "status": status,
                    "rekomendasi": "SETUJU",
                    "rekomendasi_oleh": "demo",
                    "rekomendasi_tanggal": min(usul, today).isoformat(),
                    "keputusan_oleh": "demo" if status == "DISETUJUI" else None,
                    "keputusan_tanggal": min(usul + timedelta(days=1), today).isoformat()
                    if status == "DISETUJUI"
                    else None,
                },
            )
            written += 1
    return written
