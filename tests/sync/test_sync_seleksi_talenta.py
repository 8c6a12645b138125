"""The "dari talent pool" mark of an applicant (migration 24) travels with the applicant, so a
committee installation that receives the selection by sync sees it too."""

from __future__ import annotations

import time
from pathlib import Path

from app.models.seleksi import pelamar
from app.models.storage.store import Store
from app.sync import importer, package
from tests.helpers.seleksi import make_selection
from tests.helpers.sync import make_nodes


def test_the_talent_pool_mark_travels(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    sid = make_selection(a.db)
    with Store(a.db).write("uji") as tx:
        tx.insert(
            "seleksi_pelamar",
            {
                "seleksi_id": sid,
                "nomor": 1,
                "nama": "Budi",
                "dari_talenta": 1,
                "talenta_peringkat": 1,
                "talenta_kotak": 9,
                "talenta_kesiapan": "Siap sekarang",
            },
        )
    out = tmp_path / f"a-b-{time.monotonic_ns()}.merit"
    package.export_package(a.db, out, to=b.name)
    importer.import_package(b.db, out, clock=b.clock_fn)
    [p] = pelamar.list_pelamar(b.db.conn, sid)
    assert p.tanda_talenta == "dari talent pool (peringkat 1, kotak 9, Siap sekarang)"
