"""Demo data: a believable kota government written through the one write path.

The rows come from :func:`app.demo.gen.generate` (deterministic for a seed); this module writes
them in one transaction (so a cancelled or failed run leaves nothing behind), cut into batches
by the write path, with progress reported per chunk of employees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.demo.cuti import write_cuti
from app.demo.gen import generate
from app.i18n import tr
from app.models.errors import Cancelled, ValidationError
from app.models.storage.db import Database
from app.models.storage.instansi import count_records, write_settings
from app.models.storage.store import Store

__all__ = ["DEMO_AGENCY", "MAX_EMPLOYEES", "DemoResult", "create_demo"]

MAX_EMPLOYEES = 500_000
DEMO_AGENCY = "Kota Nusa Indah"

# Parents before children, so that the rows read naturally in the change log.
TABLE_ORDER = (
    "unit_organisasi",
    "jabatan",
    "pegawai",
    "riwayat_pendidikan",
    "riwayat_pangkat",
    "riwayat_jabatan",
    "riwayat_diklat",
    "riwayat_skp",
    "riwayat_kgb",
    "riwayat_hukdis",
)


@dataclass(frozen=True)
class DemoResult:
    employees: int
    rows: int


def create_demo(
    db: Database,
    employees: int,
    seed: int,
    *,
    actor: str = "sistem",
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoResult:
    """Fill an empty database with demo data. All or nothing."""
    if not 0 <= employees <= MAX_EMPLOYEES:
        raise ValidationError(
            tr(
                "Jumlah pegawai demo harus antara 0 dan {max}; yang diminta {n}.",
                max=f"{MAX_EMPLOYEES:,}".replace(",", "."),
                n=employees,
            ),
            field="employees",
        )
    existing, units = count_records(db.conn)
    if existing or units:
        raise ValidationError(
            tr(
                "Basis data ini sudah berisi data ({n} pegawai, {u} unit). Data demo hanya dibuat "
                "di basis data kosong: pakai --db dengan berkas baru.",
                n=existing,
                u=units,
            )
        )
    store = Store(db)
    done = 0
    rows = 0
    with store.write(
        tr("Membuat data demo"),
        actor=actor,
        keterangan=tr("{n} pegawai, seed {seed}", n=employees, seed=seed),
    ) as tx:
        settings = {
            "nama_instansi": f"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia "
            f"{DEMO_AGENCY}",
            "nama_pemerintah": f"Pemerintah {DEMO_AGENCY}",
            "ibu_kota": DEMO_AGENCY.removeprefix("Kota "),
        }
        write_settings(tx, db.conn, settings)
        for chunk in generate(employees, seed, today=today or date.today(), agency=DEMO_AGENCY):
            if cancelled and cancelled():
                raise Cancelled(tr("Pembuatan data demo dibatalkan; tidak ada yang disimpan."))
            for table in TABLE_ORDER:
                table_rows = chunk.rows.get(table)
                if table_rows:
                    rows += tx.insert_many(table, table_rows)
            unknown = set(chunk.rows) - set(TABLE_ORDER)
            if unknown:
                raise ValueError(f"demo generator produced unknown tables {sorted(unknown)}")
            tx.refresh_derived()
            done += chunk.pegawai_count
            if progress:
                progress(done, employees)
        rows += write_cuti(tx, db.conn, seed, today or date.today())  # a year of leave
    if not db.meta("nama_instalasi"):
        db.set_meta("nama_instalasi", tr("BKPSDM {agency} (demo)", agency=DEMO_AGENCY))
    return DemoResult(done, rows)
