"""Agency settings travel with sync (issue 14 item 1): the logo is data, not a path, so the
other installation prints the same emblem and the same signatory."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from app.models.dokumen import penandatangan
from app.models.storage import instansi
from app.sync import importer, package
from tests.helpers.sync import make_nodes


def test_settings_and_logo_reach_the_other_installation(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    lambang = tmp_path / "lambang.png"
    Image.new("RGB", (64, 80), "red").save(lambang)
    instansi.set_settings(
        a.store,
        {
            "nama_instansi": "BKPSDM Kabupaten Uji",
            "logo": instansi.read_logo(lambang),
            "kepala_bkpsdm.sumber": "LUAR",
            "kepala_bkpsdm.nama": "Drs. Uji Coba, M.Si.",
            "kepala_bkpsdm.nip": "196805121994031004",
        },
        actor="admin",
    )
    out = tmp_path / "a-ke-b.merit"
    package.export_package(a.db, out, to=b.name)
    importer.import_package(b.db, out, clock=b.clock_fn)
    assert instansi.read_settings(b.db.conn) == instansi.read_settings(a.db.conn)
    logo_a, logo_b = instansi.logo_file(a.db.conn), instansi.logo_file(b.db.conn)
    assert logo_a is not None and logo_b is not None
    assert logo_b.read_bytes() == logo_a.read_bytes()
    person = penandatangan.get_pejabat(b.db.conn, "kepala_bkpsdm")
    assert person is not None and person.nama == "Drs. Uji Coba, M.Si."
    for node in (a, b):
        node.db.close()
