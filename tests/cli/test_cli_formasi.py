"""``merit bezetting``: the same numbers as the screen, as a table or JSON."""

from __future__ import annotations

import io
import json

import pytest

from app.cli.main import main
from app.models.storage.db import Database
from tests.helpers.organisasi import Org, org  # noqa: F401  (org is a fixture)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_bezetting_json_and_table(db: Database, org: Org) -> None:  # noqa: F811
    code, out = run("--db", str(db.path), "bezetting", "--unit", "Dinas Arsip", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["jumlah"] == {
        "jabatan": 4,
        "kebutuhan": 6,
        "terisi": 6,
        "kosong": 1,
        "lebih": 1,
        "tidak_memenuhi": 2,
        "tanpa_formasi": 0,
    }
    analis = next(j for j in data["jabatan"] if j["jabatan"] == "Arsiparis Ahli Pertama")
    assert sorted(p["nama"] for p in analis["pemangku"]) == ["Ani", "Budi", "Dewi"]
    code, out = run("--db", str(db.path), "bezetting", "--unit", "Dinas Arsip", "--kosong")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("Arsiparis Ahli Pertama") and len(lines) == 4
    assert "kebutuhan 4, terisi 3, kosong 1, lebih 0" in lines[2]
    assert lines[3] == "1 pemangku belum memenuhi syarat golongan/pendidikan."
    code, out = run("--db", str(db.path), "bezetting", "--unit", "Dinas Arsip", "--tanpa-sub-unit")
    assert "Kepala Dinas" in out and "Arsiparis" not in out


def test_bezetting_unknown_unit(db: Database, org: Org, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    code, _ = run("--db", str(db.path), "bezetting", "--unit", "Tidak Ada")
    assert code == 3
    assert "tidak ditemukan" in capsys.readouterr().err
