"""`merit sync ...`: two installations converge through the commands; refusals exit non-zero
and change nothing."""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.storage import instansi
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.sync import file_state


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_two_installations_converge_through_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    assert run("--db", a, "init", "--nama-instansi", "BKPSDM Kota Kupang")[0] == 0
    assert run("--db", b, "init", "--nama-instansi", "BKPSDM Kota Kupang")[0] == 0
    code, out = run("--db", b, "sync", "id", "--name", "Laptop Pansel 3")
    assert code == 0 and "Laptop Pansel 3" in out and "Sidik jari" in out
    assert run("--db", a, "sync", "id-export", str(tmp_path / "a.id"))[0] == 0
    assert run("--db", b, "sync", "id-export", str(tmp_path / "b.id"))[0] == 0
    # without --trust and without a terminal: refused, nothing added
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out = run("--db", a, "sync", "peer-add", str(tmp_path / "b.id"))
    assert code != 0 and "Sidik jari" in out
    assert "dikonfirmasi" in capsys.readouterr().err
    code, out = run("--db", a, "sync", "peers")
    assert "Belum ada peer" in out
    assert run("--db", a, "sync", "peer-add", str(tmp_path / "b.id"), "--trust")[0] == 0
    assert run("--db", b, "sync", "peer-add", str(tmp_path / "a.id"), "--trust")[0] == 0
    code, out = run("--db", a, "sync", "peers")
    assert "Laptop Pansel 3" in out and "dipercaya" in out

    code, out = run("--db", a, "sync", "export", "--to", "Laptop Pansel 3", "--out", str(tmp_path))
    assert code == 0
    [pkg] = list(tmp_path.glob("merit-bkpsdm-kota-kupang-laptop-pansel-3-*.merit"))
    code, out = run("--db", b, "sync", "import", str(pkg))
    assert code == 0 and "diterima" in out
    # both set the agency name to the same value: no clash
    code, out = run("--db", b, "sync", "conflicts", "--format", "json")
    assert json.loads(out) == []
    # a clash: both rename the agency, then exchange
    for db, name in ((a, "BKPSDM Kota Kupang A"), (b, "BKPSDM Kota Kupang B")):
        with Database(db) as database:
            instansi.set_settings(
                Store(database),
                {"nama_instansi": name},
                actor="uji",
            )
    out_a, out_b = tmp_path / "dari-a.merit", tmp_path / "dari-b.merit"
    assert run("--db", a, "sync", "export", "--to", "Laptop Pansel 3", "--out", str(out_a))[0] == 0
    assert run("--db", b, "sync", "export", "--all", "--out", str(out_b))[0] == 0
    assert run("--db", a, "sync", "import", str(out_b))[0] == 0
    assert run("--db", b, "sync", "import", str(out_a))[0] == 0
    code, out = run("--db", a, "sync", "conflicts", "--format", "json")
    [clash] = json.loads(out)
    assert {v["nilai"] for v in clash["nilai"]} == {"BKPSDM Kota Kupang A", "BKPSDM Kota Kupang B"}
    code, out = run("--db", a, "sync", "conflicts")
    assert clash["id"] in out
    assert run("--db", a, "sync", "resolve", clash["id"], "--keep", "remote")[0] == 0
    assert run("--db", a, "sync", "export", "--to", "Laptop Pansel 3", "--out", str(out_a))[0] == 0
    assert run("--db", b, "sync", "import", str(out_a))[0] == 0
    for db in (a, b):
        code, out = run("--db", db, "sync", "conflicts", "--format", "json")
        assert json.loads(out) == []
        code, out = run("--db", db, "stats", "--json")
        assert json.loads(out)["nama_instansi"] == "BKPSDM Kota Kupang B"
    code, out = run("--db", a, "sync", "status", "--json")
    status = json.loads(out)
    assert status["konflik"] == 0 and status["peer"][0]["nama"] == "Laptop Pansel 3"
    assert status["peer"][0]["terakhir_terima"]

    # refused: damaged package, exit non-zero, the database unchanged
    broken = tmp_path / "rusak.merit"
    broken.write_bytes(out_a.read_bytes()[:-10])
    gc.collect()  # connections the commands opened close now (and checkpoint their WAL)
    before = file_state(Path(b))
    code, _ = run("--db", b, "sync", "import", str(broken))
    assert code != 0 and "ditolak" in capsys.readouterr().err
    gc.collect()
    assert file_state(Path(b)) == before
    code, _ = run("--db", b, "sync", "resolve", "tidakada", "--take", "x")
    assert code == 3


def test_passphrase_package_through_the_commands(tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    run("--db", a, "init", "--nama-instansi", "Kantor A")
    run("--db", b, "init", "--nama-instansi", "Kantor B")
    run("--db", a, "sync", "id-export", str(tmp_path / "a.id"))
    run("--db", b, "sync", "peer-add", str(tmp_path / "a.id"), "--trust")
    secret = tmp_path / "sandi.txt"
    secret.write_text("rahasia panjang sekali\n")
    wrong = tmp_path / "salah.txt"
    wrong.write_text("bukan sandinya\n")
    out = tmp_path / "p.merit"
    code, _ = run(
        "--db", a, "sync", "export", "--all", "--out", str(out), "--passphrase-file", str(secret)
    )
    assert code == 0
    assert run("--db", b, "sync", "import", str(out), "--passphrase-file", str(wrong))[0] != 0
    code, text = run("--db", b, "sync", "import", str(out), "--passphrase-file", str(secret))
    assert code == 0 and "Kantor A" in text
