"""Issue 12, item 4: an audit trail that cannot be cut quietly, through ``merit audit verify``
and signing in on the command line.

The first three tests are the attacks of the issue, as a person holding the database file
would do them with the ``sqlite3`` shell (no hashing, no key): they were reported "utuh"."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.cli.main import main
from app.models.access import akun
from app.models.storage.db import Database
from app.models.storage.store import Store

PASSWORD = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def _office(tmp_path: Path, *, accounts: bool = False) -> Path:
    """A database with writes (units) and reads in its trail, optionally with an admin."""
    path = tmp_path / "kantor.sqlite3"
    with Database(path) as db:
        store = Store(db)
        for i in range(4):
            with store.write(f"Membuat unit {i}", actor="operator") as tx:
                tx.insert("unit_organisasi", {"nama": f"Dinas {i}", "jenis": "OPD"})
            store.record_read(f"Membuka rincian {i}", actor="operator")
        if accounts:
            akun.create_admin_pertama(db, "admin", "Admin Kantor", PASSWORD)
    return path


def _shell(path: Path, *statements: str) -> None:
    """What anyone with the file and the sqlite3 shell can do: drop the guards, delete rows."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS lokal_audit_tanpa_hapus")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _cut_tail_and_move_head(path: Path, keep: int) -> None:
    """Delete the entries after ``keep`` and point the head row at the new last entry: the
    hash is read from the row, nothing is computed."""
    _shell(
        path,
        f"DELETE FROM lokal_audit WHERE no > {keep}",
        "UPDATE lokal_meta SET nilai = (SELECT no || ':' || hash FROM lokal_audit "
        "ORDER BY no DESC LIMIT 1) WHERE kunci = 'audit_kepala'",
    )


def test_deleting_the_whole_trail_and_its_head_is_not_intact(tmp_path: Path) -> None:
    path = _office(tmp_path)
    assert run("--db", str(path), "audit", "verify")[0] == 0
    _shell(
        path,
        "DELETE FROM lokal_audit",
        "DELETE FROM lokal_audit_pegawai",
        "DELETE FROM lokal_meta WHERE kunci LIKE 'audit_kepala%'",
    )
    code, out = run("--db", str(path), "audit", "verify")
    assert code == 5, out
    assert "utuh:" not in out
    assert "tidak ada entri audit" in out


def test_cutting_the_tail_and_moving_the_head_is_not_intact(tmp_path: Path) -> None:
    path = _office(tmp_path)
    _cut_tail_and_move_head(path, keep=3)
    code, out = run("--db", str(path), "audit", "verify")
    assert code == 5, out
    assert "tanda tangan kepala" in out.lower()


def test_signing_in_after_a_cut_does_not_hide_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _office(tmp_path, accounts=True)
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    as_admin = ("--db", str(path), "--user", "admin", "--password-file", str(pw))
    code, out = run(*as_admin, "audit", "verify")
    assert code == 0, out
    capsys.readouterr()
    _shell(path, "DELETE FROM lokal_audit WHERE no > 5")  # the head row is left as it was
    # Signing in still works (nobody is locked out), with a warning on stderr...
    code, out = run(*as_admin, "audit", "list", "--limit", "3")
    assert code == 0
    err = capsys.readouterr().err
    assert "Peringatan" in err and "jejak audit" in err.lower()
    # ...and the sign-in that followed the cut did not make the trail look intact.
    code, out = run(*as_admin, "audit", "verify")
    assert code == 5, out
    assert "terpotong" in out
    with Database(path) as db:
        rows = db.conn.execute("SELECT aksi FROM lokal_audit WHERE no > 5 ORDER BY no").fetchall()
    actions = [r[0] for r in rows]
    # The failure is its own entry, written BEFORE the sign-in entry.
    assert actions.index("Jejak audit tidak utuh") < actions.index("Masuk")


def test_verify_json_and_exit_codes(tmp_path: Path) -> None:
    path = _office(tmp_path)
    code, out = run("--db", str(path), "audit", "verify", "--format", "json")
    body = json.loads(out)
    assert code == 0 and body["utuh"] is True and body["masalah"] == []
    # the tail cut (reading the trail is itself audited, so the last entry is the check's own)
    _shell(path, "DELETE FROM lokal_audit WHERE no = (SELECT max(no) FROM lokal_audit)")
    code, out = run("--db", str(path), "audit", "verify", "--format", "json")
    body = json.loads(out)
    assert code == 5 and body["utuh"] is False
    assert {m["jenis"] for m in body["masalah"]} >= {"terpotong"}
