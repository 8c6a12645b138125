"""``merit beranda``: the home screen's figures as JSON and text, and bad arguments."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main
from app.models.rekap.beranda import beranda_json, read_beranda
from app.models.storage.db import Database
from tests.helpers.common import TODAY


def run(demo_db: Database, *argv: str) -> int:
    return main(["--db", str(demo_db.path), "beranda", *argv])


def test_json_has_the_fields_of_the_home_screen(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(demo_db, "--tanggal", TODAY.isoformat(), "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tanggal"] == "2026-11-22" and data["unit"] is None
    active = demo_db.conn.execute(
        "SELECT sum(jenis_asn = 'PNS'), sum(jenis_asn = 'PPPK') FROM pegawai_ringkas "
        "WHERE deleted = 0 AND kedudukan = 'AKTIF'"
    ).fetchone()
    pegawai = data["pegawai_aktif"]
    assert (pegawai["pns"], pegawai["pppk"]) == tuple(active)
    assert pegawai["jumlah"] == sum(active)
    assert [j["bulan"] for j in data["jatuh_tempo"]] == [1, 3, 12]
    one, three, twelve = data["jatuh_tempo"]
    assert one["sampai"] == "2026-12-21" and one["kp"]["periode"] == "2026-12-01"
    assert len(one["kgb"]) <= len(three["kgb"]) <= len(twelve["kgb"])
    kgb = twelve["kgb"][0]
    assert set(kgb) == {
        "pegawai_id",
        "nip",
        "nama",
        "unit",
        "tanggal",
        "uraian",
        "status",
        "status_label",
    }
    assert len(kgb["nip"]) == 18 and kgb["tanggal"] >= "2026-11-22"
    assert set(twelve["kp"]) == {"periode", "memenuhi", "pegawai"}
    assert set(data["skp"]) == {
        "tahun",
        "pegawai",
        "belum_ada",
        "direncanakan",
        "draft",
        "diajukan",
        "dinilai",
        "ditetapkan",
    }
    assert data["diklat"]["target_jp"] == 20
    assert data["diklat"]["di_bawah_target"] == len(data["diklat"]["daftar"]) > 0
    assert data["sinkron"] == {"konflik": 0, "peer": []}
    assert data["cadangan"]["terakhir"] is None and data["cadangan"]["peringatan"]
    assert isinstance(data["melewati_bup"], list)
    # the same figures as the screen's function (the backup age depends on the clock)
    same = beranda_json(read_beranda(demo_db, "sistem", today=TODAY))
    assert {k: v for k, v in same.items() if k != "cadangan"} == {
        k: v for k, v in data.items() if k != "cadangan"
    }


def test_text_names_the_parts_in_indonesian(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(demo_db, "--tanggal", "2026-11-22", "--bulan", "12", "--batas", "2") == 0
    out = capsys.readouterr().out
    assert out.startswith("Beranda: keadaan per 22 November 2026 (seluruh instansi)")
    for text in (
        "Pegawai aktif:",
        "Jatuh tempo",
        "KGB sampai 21 November 2027",
        "Pensiun sampai 21 November 2027",
        "KP periode 1 November 2027",
        "Diklat 2026:",
        "Konflik sinkronisasi terbuka: 0",
        "PERINGATAN: Belum ada cadangan",
        "lainnya",
    ):
        assert text in out, text
    assert "memenuhi_syarat" not in out and "perlu_diverifikasi" not in out  # no raw codes


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--bulan", "2"], "--bulan"),
        (["--tanggal", "2026-02-30"], "--tanggal"),
        (["--batas", "-1"], "--batas"),
    ],
)
def test_bad_arguments_exit_2_naming_the_argument(
    demo_db: Database, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(demo_db, *argv)
    assert exit_.value.code == 2
    assert named in capsys.readouterr().err


def test_unknown_unit_exits_3(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(demo_db, "--unit", "Dinas Yang Tidak Ada") == 3
    assert "unit" in capsys.readouterr().err.lower()
