"""`merit sync roster ...` and `merit sync root ...`: the root sets what each installation may
write; the office's batches outside it are held and listed; bad arguments exit 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.sync.test_cli_sync import run


def _setup(tmp_path: Path) -> tuple[str, str]:
    a, b = str(tmp_path / "bkd.sqlite3"), str(tmp_path / "opd.sqlite3")
    run("--db", a, "init", "--nama-instansi", "BKPSDM Kota Uji", "--nama-instalasi", "BKD")
    run("--db", b, "init", "--nama-instansi", "BKPSDM Kota Uji", "--nama-instalasi", "Dinkes")
    run("--db", a, "sync", "id-export", str(tmp_path / "a.id"))
    run("--db", b, "sync", "id-export", str(tmp_path / "b.id"))
    run("--db", a, "sync", "peer-add", str(tmp_path / "b.id"), "--trust")
    run("--db", b, "sync", "peer-add", str(tmp_path / "a.id"), "--trust")
    with Database(Path(a)) as database, Store(database).write("unit") as tx:
        tx.insert("unit_organisasi", {"nama": "Dinas Kesehatan", "jenis": "OPD"})
        tx.insert("unit_organisasi", {"nama": "Dinas Pendidikan", "jenis": "OPD"})
    return a, b


def test_roster_through_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _setup(tmp_path)
    code, out = run("--db", a, "sync", "roster", "show")
    assert code == 0 and "Belum ada roster" in out
    code, _ = run("--db", a, "sync", "roster", "set", "Dinkes", "--izin", "gaji")
    assert code == 2 and "Izin 'gaji' tidak dikenal" in capsys.readouterr().err
    code, _ = run(
        "--db",
        a,
        "sync",
        "roster",
        "set",
        "Dinkes",
        "--izin",
        "register",
        "--unit",
        "Dinas Kesehatan",
    )
    assert code == 2 and "tidak dapat dibatasi unit" in capsys.readouterr().err
    code, out = run(
        "--db", a, "sync", "roster", "set", "Dinkes", "--izin", "opd", "--unit", "Dinas Kesehatan"
    )
    assert code == 0 and "versi 1" in out
    code, out = run("--db", a, "sync", "roster", "show")
    assert "Roster versi 1" in out and "root: BKD" in out
    assert "Dinkes" in out and "(unit: Dinas Kesehatan)" in out
    code, out = run("--db", a, "sync", "roster", "show", "--format", "json")
    view = json.loads(out)
    [dinkes] = [e for e in view["entri"] if e["nama"] == "Dinkes"]
    assert dinkes["izin"] == ["pegawai", "skp", "kp"] and dinkes["unit"] == ["Dinas Kesehatan"]
    assert view["entri"][0]["root"] and view["entri"][0]["ini"]
    # the office receives the roster; only the root may change it
    pkg = tmp_path / "a-b.merit"
    assert run("--db", a, "sync", "export", "--to", "Dinkes", "--out", str(pkg))[0] == 0
    code, out = run("--db", b, "sync", "import", str(pkg))
    assert code == 0 and "Roster instansi diperbarui ke versi 1" in out
    code, _ = run("--db", b, "sync", "roster", "set", "BKD", "--izin", "opd")
    assert code == 2 and "bukan root" in capsys.readouterr().err
    code, out = run("--db", b, "sync", "root", "show")
    assert "Root instansi: BKD" in out
    # the office's own write outside its rights is refused there
    code, _ = run("--db", b, "init", "--nama-instansi", "X")  # already set up: refused anyway
    assert code != 0
    capsys.readouterr()
    # hand-over: asks first
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _ = run("--db", a, "sync", "root", "handover", "Dinkes")
    assert code == 2 and "--yes" in capsys.readouterr().err
    code, out = run("--db", a, "sync", "root", "handover", "Dinkes", "--yes")
    assert code == 0 and "versi 2" in out
    code, out = run("--db", a, "sync", "root", "show")
    assert "Root instansi: Dinkes" in out
    code, out = run("--db", a, "sync", "status", "--json")
    assert json.loads(out)["roster"]["versi"] == 2


def test_removed_installation_is_listed(tmp_path: Path) -> None:
    a, _b = _setup(tmp_path)
    assert run("--db", a, "sync", "roster", "set", "Dinkes", "--izin", "bkd-penuh")[0] == 0
    code, out = run("--db", a, "sync", "roster", "remove", "Dinkes")
    assert code == 0 and "dikeluarkan" in out
    code, out = run("--db", a, "sync", "roster", "show")
    assert "Dinkes" in out and "dikeluarkan" in out
    code, _ = run("--db", a, "sync", "roster", "remove", "Tidak Ada")
    assert code == 3
