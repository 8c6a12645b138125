"""The employee record's gaji pokok, MKG, next KGB and TMT pensiun (issue 13: employees show and
the detail dialog take the gaji from the table and the KGB from the MKG steps)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.pegawai.checks import check_history
from app.models.pegawai.read import get_employee, record_to_json
from tests.helpers.pegawai import Orang, add, make_db

HARI = date(2026, 12, 4)


def test_record_after_a_kp_with_mkg_between_steps(tmp_path: Path) -> None:
    db, units = make_db(tmp_path / "k.sqlite3")
    o = Orang("Sari", golongan="III/d", tmt_golongan="2026-12-01", mk=(21, 2), lahir="1975-06-10")
    add(db, units, [o])
    data = record_to_json(get_employee(db.conn, o.nip, today=HARI))
    assert (data["mkg_tahun"], data["mkg_bulan"]) == (21, 2)
    assert data["gaji_pokok"] == 4_301_200  # III/d, MKG 21 (row 20) in PP 5/2024
    assert data["kgb_berikut"] == "2027-10-01"  # MKG 22, not TMT + 2 years
    assert data["tmt_pensiun"] == "2033-07-01" == data["tanggal_pensiun"]
    assert "eselon" in data and data["eselon"] is None
    db.close()


def test_no_kgb_after_pensiun_nor_past_the_top(tmp_path: Path) -> None:
    db, units = make_db(tmp_path / "k.sqlite3")
    tua = Orang(
        "Tua",
        golongan="III/c",
        tmt_golongan="2016-10-01",
        mk=(21, 0),
        lahir="1969-09-15",
        kgb=[("2026-10-01", 31, 0)],
    )  # next step 32 on 1 October 2027 = TMT pensiun
    puncak = Orang(
        "Puncak",
        golongan="IV/a",
        tmt_golongan="2010-04-01",
        mk=(20, 0),
        lahir="1975-01-01",
        kgb=[("2022-04-01", 32, 0)],
    )
    pppk = Orang("P3K", jenis_asn="PPPK", status="PPPK", golongan="IX", tmt_golongan="2025-03-01")
    add(db, units, [tua, puncak, pppk])
    t = get_employee(db.conn, tua.nip, today=HARI).data
    assert t["tmt_pensiun"] == "2027-10-01" and t["kgb_berikut"] is None
    p = get_employee(db.conn, puncak.nip, today=HARI).data
    assert p["kgb_berikut"] is None and p["gaji_pokok"] == 5_399_900  # the top of IV/a
    k = get_employee(db.conn, pppk.nip, today=HARI).data
    assert k["kgb_berikut"] == "2027-03-01" and k["gaji_pokok"] == 3_203_600
    db.close()


def test_employees_show_json_has_the_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, units = make_db(tmp_path / "k.sqlite3")
    o = Orang("Sari", golongan="III/d", tmt_golongan="2026-12-01", mk=(21, 2))
    add(db, units, [o])
    path = db.path
    db.close()
    capsys.readouterr()
    assert main(["--db", str(path), "employees", "show", o.nip, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("eselon", "mkg_tahun", "mkg_bulan", "gaji_pokok", "kgb_berikut", "tmt_pensiun"):
        assert key in data, key
    assert isinstance(data["gaji_pokok"], int) and data["mkg_tahun"] >= 21
    assert main(["--db", str(path), "employees", "show", o.nip]) == 0
    text = capsys.readouterr().out
    assert "Gaji pokok" in text and "KGB berikutnya" in text


def test_a_kgb_row_off_the_table_is_a_warning(tmp_path: Path) -> None:
    """issue 13: gaji was free input (Rp1 was printed); a KGB row whose gaji or MKG is not the
    table's is flagged, naming the table's value."""
    db, units = make_db(tmp_path / "k.sqlite3")
    o = Orang("Sari", golongan="III/d", tmt_golongan="2024-12-01", mk=(20, 0))
    add(db, units, [o])
    pid = db.conn.execute("SELECT id FROM pegawai WHERE nip = ?", (o.nip,)).fetchone()[0]
    row = {"tmt": "2026-12-01", "golongan_kode": "III/d", "mk_tahun": 22, "mk_bulan": 0}
    issues = check_history(db.conn, pid, "kgb", {**row, "gaji_pokok": 1}, today=HARI)
    by_field = {i.field: i for i in issues}
    assert "Rp4.436.700" in by_field["gaji_pokok"].reason and by_field["gaji_pokok"].warning
    issues = check_history(db.conn, pid, "kgb", {**row, "gaji_pokok": 4_436_700}, today=HARI)
    assert "gaji_pokok" not in {i.field for i in issues}
    odd = {**row, "mk_tahun": 21, "gaji_pokok": 4_301_200}
    issues = check_history(db.conn, pid, "kgb", odd, today=HARI)
    assert any(i.field == "mk_tahun" and "bukan langkah KGB" in i.reason for i in issues)
    db.close()
