"""An agency with a few employees and an example leave calendar, for the leave tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.models.cuti.kalender import TanggalKalender, write_tanggal
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.pegawai import Orang, add, make_db

# An example calendar keyed in by the clerk (not a claim about the official dates).
KALENDER = (
    ("2024-01-01", "LIBUR", "Tahun Baru"),
    ("2024-12-25", "LIBUR", "Natal"),
    ("2025-01-01", "LIBUR", "Tahun Baru"),
    ("2025-12-25", "LIBUR", "Natal"),
    ("2025-12-26", "CUTI_BERSAMA", "Cuti bersama Natal"),
    ("2026-01-01", "LIBUR", "Tahun Baru"),
    ("2026-05-14", "LIBUR", "Kenaikan Yesus Kristus"),
    ("2026-05-15", "CUTI_BERSAMA", "Cuti bersama Kenaikan"),
    ("2026-12-25", "LIBUR", "Natal"),
    ("2027-01-01", "LIBUR", "Tahun Baru"),
)


@dataclass
class Kantor:
    db: Database
    units: dict[str, str]
    ani: str  # PNS woman, TMT CPNS 2015-03-01 (10 years and more)
    budi: str  # PNS man, TMT CPNS 2025-09-01 (less than a year in 2026)
    citra: str  # PPPK woman, contract from 2022-01-01
    dedi: str  # PNS man in the other OPD, TMT 2010-01-01


def kantor(path: Path) -> Kantor:
    db, units = make_db(path)
    people = [
        Orang("Ani Lestari", jk="P"),
        Orang("Budi Santoso"),
        Orang("Citra Dewi", jenis_asn="PPPK", status="PPPK", golongan="IX", jk="P"),
        Orang("Dedi Kurnia", unit="badan"),
    ]
    add(db, units, people)
    ids = {
        o.nama: str(db.conn.execute("SELECT id FROM pegawai WHERE nip = ?", (o.nip,)).fetchone()[0])
        for o in people
    }
    tmt = {
        "Ani Lestari": "2015-03-01",
        "Budi Santoso": "2025-09-01",
        "Citra Dewi": "2022-01-01",
        "Dedi Kurnia": "2010-01-01",
    }
    with Store(db).write("uji") as tx:
        for nama, pid in ids.items():
            tx.update("pegawai", pid, {"tmt_cpns": tmt[nama]})
    write_tanggal(
        db,
        [TanggalKalender(date.fromisoformat(t), j, k) for t, j, k in KALENDER],
        actor="sistem",
    )
    return Kantor(
        db, units, ids["Ani Lestari"], ids["Budi Santoso"], ids["Citra Dewi"], ids["Dedi Kurnia"]
    )
