"""``merit mentor ...`` from the command line: suggestion, pairing, meetings, closing, JSON
field names and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.kompetensi import nip
from tests.helpers.organisasi import Org, add_person


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def test_suggest_pair_meet_close(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    pid = add_person(
        db, "Citra", golongan="III/a", jabatan=[(org.analis, org.bidang, "2026-03-01")]
    )
    with Store(db).write("uji") as tx:
        tx.update("pegawai", pid, {"status_kepegawaian": "CPNS", "tmt_cpns": "2026-03-01"})
    citra, dewi = nip(db, "Citra"), nip(db, "Dewi")
    path = db.path
    db.close()

    assert run(path, "mentor", "saran", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "mentee_nip": citra,
            "mentee_nama": "Citra",
            "unit": "Bidang Layanan",
            "mentor_nip": nip_of(path, "Kabid"),
            "mentor_nama": "Kabid",
            "mentor_golongan": "III/c",
            "jumlah_mentee": 0,
        }
    ]
    # Without --mentor: the suggested one.
    assert run(path, "mentor", "tambah", citra, "--tujuan", "Orientasi tugas",
               "--mulai", "2026-03-10") == 0  # fmt: skip
    pair = capsys.readouterr().out.strip()
    assert run(path, "mentor", "catat", pair[:8], "--tanggal", "2026-04-02", "--topik",
               "Tata naskah", "--tindak-lanjut", "Susun nota dinas") == 0  # fmt: skip
    assert "dicatat" in capsys.readouterr().out
    assert run(path, "mentor", "show", pair, "--format", "json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["mentor_nama"], shown["status"], shown["jumlah_pertemuan"]) == (
        "Kabid",
        "AKTIF",
        1,
    )
    assert shown["pertemuan"][0] == {
        "id": shown["pertemuan"][0]["id"],
        "tanggal": "2026-04-02",
        "topik": "Tata naskah",
        "catatan": None,
        "tindak_lanjut": "Susun nota dinas",
    }
    assert run(path, "mentor", "saran", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []
    # A second active mentor for Citra: refused, named.
    assert run(path, "mentor", "tambah", citra, "--mentor", dewi, "--tujuan", "x") == 2
    assert "sudah punya mentor aktif" in capsys.readouterr().err
    assert run(path, "mentor", "selesai", pair, "--tanggal", "2026-09-01") == 0
    capsys.readouterr()
    assert run(path, "mentor", "list", "--status", "selesai", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["mentee_nama"], r["status"], r["selesai"]) for r in rows] == [
        ("Citra", "SELESAI", "2026-09-01")
    ]
    assert set(rows[0]) == {"id", "mentee_nip", "mentee_nama", "mentor_nip", "mentor_nama",
                            "unit", "mulai", "selesai", "tujuan", "status",
                            "jumlah_pertemuan"}  # fmt: skip
    assert run(path, "mentor", "show", "tidak-ada") == 3


def nip_of(path: Path, nama: str) -> str:
    with Database(path) as db:
        return nip(db, nama)


def test_no_suggestion_asks_for_the_mentor(
    db: Database, org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    kabid = nip(db, "Kadis")  # in the dinas, nobody above IV/b
    path = db.path
    db.close()
    assert run(path, "mentor", "tambah", kabid, "--tujuan", "x") == 2
    assert "--mentor" in capsys.readouterr().err
