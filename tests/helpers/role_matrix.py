"""The world the role matrix runs in (tests/cli/test_role_matrix.py, tests/ui/test_page_matrix.py).

One small agency (Dinas Arsip > Bidang Layanan > Seksi Data, and Dinas Lain), SKPs of 2026 in
every state, a selection with a member package and a sealed score sheet, a known peer, a
backup and a sync package, and one account per role:

* ``admin``; ``operator`` (the whole agency); ``operator_unit`` (operator@Dinas Arsip);
* ``pejabat_penilai`` (linked to the Kabid, the appraiser of Ani, Budi and Staf);
* ``anggota_panitia``, ``sekretariat_panitia``, ``pimpinan``.

Every account's password is :data:`SANDI`. The matrix itself is test data
(tests/data/role_matrix.csv, tests/data/page_matrix.csv), not code.
"""

from __future__ import annotations

import csv
import io
import shutil
from contextlib import redirect_stderr
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from argon2 import PasswordHasher

from app.cli.main import main
from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.seleksi import lembar as lb
from app.models.seleksi import pelamar
from app.models.skp import bulk, workflow
from app.models.skp import read as skp_read
from app.models.skp import write as skp_write
from app.models.skp.types import HasilKerjaData, IndikatorData
from app.models.storage import cadangan
from app.models.storage.db import Database
from app.models.storage.instansi import setup
from app.sync import identity as ident
from app.sync import package
from tests.helpers.skp import Org, build_org

DATA = Path(__file__).resolve().parent.parent / "data"
CLI_MATRIX = DATA / "role_matrix.csv"
PAGE_MATRIX = DATA / "page_matrix.csv"

SANDI = "sandi uji matriks peran"
AGENCY = "BKPSDM Kota Uji"
TAHUN = 2026

# The roles of the matrix: column name -> the roles given to the account.
ROLES: dict[str, tuple[Peran, str]] = {
    "admin": (Peran.ADMIN, ""),
    "operator": (Peran.OPERATOR, ""),
    "operator_unit": (Peran.OPERATOR, "dinas"),
    "pejabat_penilai": (Peran.PEJABAT_PENILAI, ""),
    "anggota_panitia": (Peran.ANGGOTA_PANITIA, ""),
    "sekretariat_panitia": (Peran.SEKRETARIAT_PANITIA, ""),
    "pimpinan": (Peran.PIMPINAN, ""),
}

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass(frozen=True)
class World:
    folder: Path
    db: Path
    values: dict[str, str]  # the placeholders of the matrix's ``args``

    def copy_to(self, folder: Path) -> Path:
        """A copy of the world's database in ``folder`` (each case writes to its own)."""
        target = folder / self.db.name
        shutil.copyfile(self.db, target)
        return target


def _nip(db: Database, pegawai_id: str) -> str:
    return str(db.conn.execute("SELECT nip FROM pegawai WHERE id = ?", (pegawai_id,)).fetchone()[0])


def _plan(db: Database, skp_id: str) -> None:
    skp_write.update_rencana(
        db,
        skp_id,
        [HasilKerjaData("Tertatanya arsip", indikator=[IndikatorData("Berkas", "1.000 berkas")])],
        actor="uji",
    )


def _skps(db: Database, org: Org) -> None:
    bulk.create_massal(db, TAHUN, actor="uji")
    conn = db.conn
    ani, budi, staf, kabid = (
        skp_read.find_skp(conn, _nip(db, p), TAHUN)
        for p in (org.ani, org.budi, org.staf, org.kabid)
    )
    for skp_id in (ani, budi, staf, kabid):
        _plan(db, skp_id)
    for skp_id in (ani, budi, staf, kabid):
        workflow.setujui_rencana(db, skp_id, actor="uji")  # the appraiser approves the plan
    for skp_id in (ani, budi, staf):
        workflow.ajukan(db, skp_id, actor="uji")  # Ani: submitted (to rate, to return)
    for skp_id in (budi, staf):
        workflow.nilai(db, skp_id, "sesuai", "sesuai", actor="uji")  # Budi: rated (to approve)
    # Staf: ditetapkan (to reopen, to object to); Budi: rated (to be ditetapkan by the
    # appraiser); Kabid: plan approved (to submit); Kadis: a draft (plan to approve)
    workflow.tetapkan(db, staf, actor="uji")


def _selection(db: Database, folder: Path) -> dict[str, str]:
    from tests.helpers.seleksi import make_applicant, make_selection, score_sheet

    sid = make_selection(db)
    for nama in ("P1", "P2", "P3"):
        pelamar.create_pelamar_eksternal(
            db, sid, make_applicant(nama, date(1975, 1, 1)), actor="uji"
        )
    paket_ani = lb.write_paket_anggota(
        db, sid, "Ani Wijaya", folder / "paket-ani.merit", actor="uji"
    )
    paket_budi = lb.write_paket_anggota(
        db, sid, "Budi Santoso", folder / "paket-budi.merit", actor="uji"
    )
    # Ani scores on her own laptop and seals: the secretariat imports her sheet.
    with Database(folder / "anggota.sqlite3") as member:
        setup(member, AGENCY, actor="uji")
        kerja = score_sheet(member, paket_ani, "Ani Wijaya")
        sheet = lb.kunci_dan_kirim(member, kerja.paket_id, folder / "lembar-ani.merit")
    # Budi's package is opened on this installation (score / seal work on it).
    budi = lb.buka_paket(db, paket_budi)
    return {
        "seleksi": sid,
        "paket_file": str(paket_budi),
        "paket": budi.paket_id[:12],
        "sheet": str(sheet),
    }


def _peer(folder: Path) -> tuple[Path, Path, Path]:
    """Another installation of the same agency: its identity file and a package from it."""
    passphrase = folder / "sandi-paket.txt"
    passphrase.write_text("kata sandi paket uji\n", encoding="utf-8")
    with Database(folder / "mitra.sqlite3") as other:
        setup(other, AGENCY, actor="uji")
        ident.ensure_identity(other, "Laptop Mitra")
        identity = ident.export_identity(other, folder / "mitra.identitas")
        pkg = package.export_package(
            other, folder / "mitra.paket", passphrase="kata sandi paket uji", actor="uji"
        ).path
    return identity, pkg, passphrase


def build_world(folder: Path) -> World:
    """Build the world once (the cheap password hasher must be in place: see the tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dunia.sqlite3"
    peer_file, pkg, passphrase = _peer(folder)
    with Database(path) as db:
        setup(db, AGENCY, nama_instalasi="Kantor BKPSDM", actor="uji")
        org = build_org(db)
        _skps(db, org)
        values = _selection(db, folder)
        ident.add_peer(db, ident.read_identity_file(peer_file), trusted=True)
        admin = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
        units = {"": "", "dinas": org.dinas}
        linked = {"pejabat_penilai": org.kabid}
        for name, (peran, unit) in ROLES.items():
            if name == "admin":
                continue
            akun.create_akun(
                db,
                name,
                name.replace("_", " ").title(),
                SANDI,
                [Hak(peran, units[unit])],
                actor=admin,
                pegawai_id=linked.get(name),
            )
        backup = cadangan.make_backup(db, kind=cadangan.MANUAL, folder=folder / "cadangan")
        values.update(
            nip_ani=_nip(db, org.ani),
            nip_budi=_nip(db, org.budi),
            nip_staf=_nip(db, org.staf),
            nip_kabid=_nip(db, org.kabid),
            nip_kadis=_nip(db, org.kadis),
            nip_lain=_nip(db, org.orang_lain),
        )
    password = folder / "sandi.txt"
    password.write_text(SANDI + "\n", encoding="utf-8")
    new_password = folder / "sandi-baru.txt"
    new_password.write_text("sandi baru yang panjang\n", encoding="utf-8")
    csv_file = folder / "impor.csv"
    with csv_file.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["NIP", "Nama Lengkap", "Tgl Lahir", "L/P"])
        w.writerow([values["nip_ani"], "Ani", "01-01-1980", "L"])
    values.update(
        world=str(folder),
        unit="Dinas Arsip",
        unit_lain="Dinas Lain",
        backup=str(backup.path),
        peer_file=str(peer_file),
        package=str(pkg),
        passphrase=str(passphrase),
        password=str(password),
        new_password=str(new_password),
        csv=str(csv_file),
        tahun=str(TAHUN),
    )
    return World(folder, path, values)


def run_as(db: Path, role: str | None, argv: list[str], password: Path) -> tuple[int, str, str]:
    """Run ``merit`` on ``db`` signed in as ``role``; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    user = ["--user", role, "--password-file", str(password)] if role else []
    with redirect_stderr(err):
        try:
            code = main(["--db", str(db), *user, *argv], out=out)
        except SystemExit as exc:  # argparse: bad arguments
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()
