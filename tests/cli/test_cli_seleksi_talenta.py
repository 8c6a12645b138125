"""``merit seleksi saran-talenta`` and ``tambah-talenta``: the suggestion as JSON, registering
by rank, the applicants marked, bad ranks refused whole."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main
from app.models.seleksi import pelamar
from app.models.storage.db import Database
from tests.helpers.kompetensi import nip, with_successors
from tests.helpers.organisasi import Org
from tests.helpers.seleksi import make_selection


def test_suggest_then_add_by_rank_and_by_nip(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    with_successors(db, org)
    sid = make_selection(
        db,
        judul="Seleksi Kepala Bidang Layanan",
        jenis="ADMINISTRATOR",
        jabatan_id=org.kabid,
        nama_jabatan=None,
    )
    path = str(db.path)
    db.close()

    def run(*argv: str) -> int:
        return main(["--db", path, *argv])

    assert run("seleksi", "saran-talenta", sid, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["jabatan"] == "Kepala Bidang Layanan" and data["alasan_kosong"] is None
    assert [(c["peringkat"], c["nama"], c["kotak"], c["kesiapan"], c["terdaftar"])
            for c in data["calon"]] == [
        (1, "Budi", 9, "SIAP", False),
        (2, "Ani", 8, "SATU_DUA_TAHUN", False),
    ]  # fmt: skip
    assert run("seleksi", "tambah-talenta", sid, "--peringkat", "2,7") == 2
    assert "tidak ada calon peringkat 7" in capsys.readouterr().err
    assert run("seleksi", "tambah-talenta", sid, "--peringkat", "2") == 0
    capsys.readouterr()
    with Database(path) as again:
        assert run("seleksi", "tambah-talenta", sid, "--nip", nip(again, "Budi")) == 0
        rows = pelamar.list_pelamar(again.conn, sid)
    assert [(p.nama, p.talenta_peringkat) for p in rows] == [("Ani", 2), ("Budi", 1)]
    capsys.readouterr()
    assert run("seleksi", "pelamar", sid, "--format", "json") == 0
    js = json.loads(capsys.readouterr().out)
    assert [(p["dari_talenta"], p["talenta"]["kotak"]) for p in js] == [(True, 8), (True, 9)]
    assert run("seleksi", "tambah-talenta", sid, "--semua") == 2  # nobody left to add
    assert "paling sedikit satu" in capsys.readouterr().err
