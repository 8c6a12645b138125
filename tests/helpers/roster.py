"""An agency for roster tests: a BKD (the root), OPD offices, units and employees."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.reference.loader import natural_id
from app.sync import importer, package
from tests.helpers.sync import Node, make_nodes


def exchange(src: Node, dst: Node, folder: Path, **kw: Any) -> importer.ImportSummary:
    """Export from ``src`` for ``dst`` and import it there."""
    out = folder / f"{src.name}-{dst.name}-{time.monotonic_ns()}.merit"
    package.export_package(src.db, out, to=dst.name, **kw)
    return importer.import_package(dst.db, out, clock=dst.clock_fn)


def add_pegawai(node: Node, nip: str, nama: str, unit: str) -> str:
    """An employee with a position in ``unit``."""
    with node.store.write("pegawai baru") as tx:
        pid = tx.insert(
            "pegawai",
            {
                "jenis_asn": "PNS",
                "nip": nip,
                "nama": nama,
                "tanggal_lahir": "1986-09-26",
                "jenis_kelamin": "L",
                "status_kepegawaian": "PNS",
            },
        )
        tx.insert(
            "riwayat_jabatan",
            {
                "pegawai_id": pid,
                "nama_jabatan": "Analis",
                "jenis_kode": "JFU",
                "unit_id": unit,
                "tmt": "2020-01-01",
            },
        )
    return pid


@dataclass
class Agency:
    bkd: Node
    opd: Node
    lain: Node
    unit_x: str
    unit_y: str
    pegawai_x: str
    pegawai_y: str
    folder: Path

    @property
    def nodes(self) -> list[Node]:
        return [self.bkd, self.opd, self.lain]


def make_agency(folder: Path) -> Agency:
    """BKD (node 0) with two units, one employee in each, sent to both other offices; no
    roster yet."""
    folder.mkdir(parents=True, exist_ok=True)
    bkd, opd, lain = make_nodes(folder, 3)
    with bkd.store.write("unit") as tx:
        unit_x = tx.insert("unit_organisasi", {"nama": "Dinas X", "jenis": "OPD"})
        unit_y = tx.insert("unit_organisasi", {"nama": "Dinas Y", "jenis": "OPD"})
        tx.insert(
            "pengaturan",
            {
                "id": natural_id("pengaturan", "nama_instansi"),
                "kunci": "nama_instansi",
                "nilai": "BKPSDM Kota Uji",
            },
        )
    px = add_pegawai(bkd, "198609262015051001", "Budi", unit_x)
    py = add_pegawai(bkd, "198701012010012002", "Sari", unit_y)
    for other in (opd, lain):
        exchange(bkd, other, folder)
    return Agency(bkd, opd, lain, unit_x, unit_y, px, py, folder)


def pegawai_deleted(node: Node, pid: str) -> int:
    return int(
        node.db.conn.execute("SELECT deleted FROM pegawai WHERE id = ?", (pid,)).fetchone()[0]
    )


def setting(node: Node, key: str = "nama_instansi") -> str | None:
    row = node.db.conn.execute("SELECT nilai FROM pengaturan WHERE kunci = ?", (key,)).fetchone()
    return row[0] if row else None


def forget_roster(node: Node) -> None:
    """A hostile installation ignores the roster it holds (it controls its own database)."""
    node.db.conn.execute("DELETE FROM lokal_roster")
