"""``merit sync folder set|show|run``: two installations exchange through one shared folder by
the commands alone."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.sync import folder as folder_mod


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture(autouse=True)
def no_settle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_mod, "SETTLE_SECONDS", 0.0)


def test_two_installations_through_the_folder_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    shared = tmp_path / "Syncthing" / "merit"
    shared.mkdir(parents=True)
    assert run("--db", a, "init", "--nama-instansi", "BKPSDM Kota Kupang")[0] == 0
    assert run("--db", b, "init", "--nama-instansi", "BKPSDM Kota Kupang")[0] == 0
    assert run("--db", a, "sync", "id", "--name", "Kantor BKPSDM")[0] == 0
    assert run("--db", b, "sync", "id", "--name", "Dinas Kesehatan")[0] == 0
    assert run("--db", a, "sync", "id-export", str(tmp_path / "a.id"))[0] == 0
    assert run("--db", b, "sync", "id-export", str(tmp_path / "b.id"))[0] == 0
    assert run("--db", a, "sync", "peer-add", str(tmp_path / "b.id"), "--trust")[0] == 0
    assert run("--db", b, "sync", "peer-add", str(tmp_path / "a.id"), "--trust")[0] == 0

    code, out = run("--db", a, "sync", "folder", "show")
    assert code == 0 and "belum ditetapkan" in out
    code, out = run("--db", a, "sync", "folder", "run")
    assert code == 1 and "belum ditetapkan" in capsys.readouterr().err

    # bad arguments: exit 2, the argument named
    code, _ = run("--db", a, "sync", "folder", "set", str(tmp_path / "tidak-ada"))
    assert code == 2 and "tidak ada" in capsys.readouterr().err
    code, _ = run("--db", a, "sync", "folder", "set")
    assert code == 2 and "PATH" in capsys.readouterr().err

    for db in (a, b):
        code, out = run("--db", db, "sync", "folder", "set", str(shared))
        assert code == 0 and str(shared) in out

    code, out = run("--db", a, "sync", "folder", "run")
    assert code == 0 and "ke Dinas Kesehatan" in out, out
    code, out = run("--db", b, "sync", "folder", "show", "--format", "json")
    view = json.loads(out)
    assert view["folder"] == str(shared.resolve()) and view["menunggu"] == 1
    assert view["kotak_masuk"].endswith(view["kotak_masuk"].split("/")[-1])
    [partner] = view["mitra"]
    assert partner["nama"] == "Kantor BKPSDM" and partner["terakhir_terima"] is None

    code, out = run("--db", b, "sync", "folder", "run", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert [t["hasil"] for t in result["diambil"]] == ["diterima"]
    assert result["diambil"][0]["dipindah_ke"].startswith("selesai/")
    assert [s["nama"] for s in result["dikirim"]] == ["Kantor BKPSDM"]

    code, out = run("--db", a, "sync", "folder", "run")
    assert code == 0 and "1 paket diambil" in out
    code, out = run("--db", a, "sync", "folder", "show")
    # a took b's package, and tells b so (its acknowledgement) in a package of its own
    assert "Dinas Kesehatan: terakhir terima" in out and "belum pernah" not in out
    assert "belum diambil 1 paket" in out
    code, out = run("--db", b, "sync", "folder", "run")
    assert code == 0 and "1 paket diambil" in out
    code, out = run("--db", a, "sync", "folder", "show")
    assert "belum diambil 0 paket" in out

    # quiet: nothing new on either side
    for db in (a, b):
        code, out = run("--db", db, "sync", "folder", "run", "--format", "json")
        result = json.loads(out)
        assert result["diambil"] == [] and result["dikirim"] == []

    # a garbage file in b's inbox: refused, moved to ditolak/ with its reason, exit 0
    inbox_b = Path(view["kotak_masuk"])
    (inbox_b / "rusak.merit").write_bytes(b"bukan paket")
    code, out = run("--db", b, "sync", "folder", "run")
    assert code == 0 and "rusak.merit: Paket ditolak" in out
    [reason] = list((inbox_b / "ditolak").glob("*/rusak.merit.alasan.txt"))
    assert "Paket ditolak" in reason.read_text(encoding="utf-8")

    code, out = run("--db", a, "sync", "folder", "set", "--off")
    assert code == 0 and "dimatikan" in out
    code, out = run("--db", a, "sync", "folder", "show", "--format", "json")
    assert json.loads(out)["folder"] is None
