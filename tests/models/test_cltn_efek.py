"""Effects of a leave outside the leave screens (issue 17, item 5): a cuti besar or CLTN is
marked in the employee list, the employee detail and the KP/KGB/pensiun lists; an approved CLTN
is not masa kerja, so the next KGB and the KP eligibility come a year later after a one-year
CLTN while a colleague without one is unchanged; the pensiun (BUP, an age) does not move."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.cuti import permohonan as cuti
from app.models.cuti.berjalan import cuti_berjalan
from app.models.cuti.permohonan import Permohonan
from app.models.pegawai import read as emp
from app.models.rekap.kgb import kgb_jatuh_tempo
from app.models.rekap.kp import nominatif_kp, nominatif_kp_banyak
from app.models.rekap.pensiun import pensiun
from app.models.storage.db import Database
from tests.helpers.pegawai import Orang, add, make_db

D = date.fromisoformat


@dataclass
class Dua:
    db: Database
    ani: str  # no leave
    dedi: str  # CLTN 1 February 2026 - 31 January 2027 (365 days)
    nip_dedi: str = ""


def _pid(db: Database, nip: str) -> str:
    return str(db.conn.execute("SELECT id FROM pegawai WHERE nip = ?", (nip,)).fetchone()[0])


def _setuju(db: Database, pid: str, jenis: str, mulai: str, selesai: str) -> str:
    p = Permohonan(jenis, D(mulai), D(selesai), "Keperluan keluarga", lampiran=("surat.pdf",))
    cid = cuti.ajukan(db, pid, p, actor="sistem", today=D("2026-01-05"))
    cuti.putuskan(db, cid, "SETUJU", actor="sistem", today=D("2026-01-05"))
    return cid


@pytest.fixture
def dua(tmp_path: Path) -> Iterator[Dua]:
    db, units = make_db(tmp_path / "cltn.sqlite3")
    # III/a since 1 April 2025 with MKG 0: KGB at MKG 2 on 1 April 2027, KP reguler after
    # 4 years on 1 April 2029; TMT CPNS 2005 (more than 5 years: CLTN and cuti besar allowed);
    # born 1975: TMT pensiun at 58 on 1 July 2033.
    people = [
        Orang("Ani Lestari", tmt_golongan="2025-04-01", lahir="1975-06-15", jk="P"),
        Orang("Dedi Kurnia", tmt_golongan="2025-04-01", lahir="1975-06-15"),
    ]
    add(db, units, people)
    d = Dua(db, _pid(db, people[0].nip), _pid(db, people[1].nip), people[1].nip)
    _setuju(db, d.dedi, "CLTN", "2026-02-01", "2027-01-31")
    yield d
    db.close()


def test_one_year_cltn_moves_the_kgb_a_year_later(dua: Dua) -> None:
    rows = {r.pegawai_id: r for r in kgb_jatuh_tempo(dua.db.conn, D("2027-01-01"), D("2028-12-31"))}
    assert rows[dua.ani].tmt_baru == D("2027-04-01")
    assert (rows[dua.ani].mk_baru_tahun, rows[dua.ani].mk_baru_bulan) == (2, 0)
    assert not any("CLTN" in k for k in rows[dua.ani].keterangan)
    assert rows[dua.dedi].tmt_baru == D("2028-04-01")
    assert (rows[dua.dedi].mk_baru_tahun, rows[dua.dedi].mk_baru_bulan) == (2, 0)
    assert any("365 hari CLTN" in k for k in rows[dua.dedi].keterangan)


def test_one_year_cltn_moves_the_kp_eligibility_a_year_later(dua: Dua) -> None:
    on_time = {r.pegawai_id: r for r in nominatif_kp(dua.db.conn, D("2029-04-01")).baris}
    assert dua.ani in on_time and dua.dedi not in on_time
    assert (on_time[dua.ani].masa_tahun, on_time[dua.ani].masa_bulan) == (4, 0)
    # one period before the moved date: still short, and the reason names the CLTN days
    assert dua.dedi not in {r.pegawai_id for r in nominatif_kp(dua.db.conn, D("2030-03-01")).baris}
    later = {r.pegawai_id: r for r in nominatif_kp(dua.db.conn, D("2030-04-01")).baris}
    assert dua.dedi in later
    assert (later[dua.dedi].masa_tahun, later[dua.dedi].masa_bulan) == (4, 0)
    # the Beranda's one pass over several periods gives the same lists (CLTN per period)
    periods = [D("2029-04-01"), D("2030-03-01"), D("2030-04-01")]
    banyak = nominatif_kp_banyak(dua.db.conn, periods)
    assert banyak == {p: nominatif_kp(dua.db.conn, p) for p in periods}


def test_detail_masa_kerja_and_next_kgb_leave_the_cltn_out(dua: Dua) -> None:
    today = D("2028-01-01")
    ani = emp.get_employee(dua.db.conn, dua.ani, today=today).data
    dedi = emp.get_employee(dua.db.conn, dua.dedi, today=today).data
    assert (ani["mkg_tahun"], ani["mkg_bulan"]) == (2, 9)
    assert (dedi["mkg_tahun"], dedi["mkg_bulan"]) == (1, 9)
    assert ani["masa_kerja"] == {"tahun": 23, "bulan": 0}
    assert dedi["masa_kerja"] == {"tahun": 22, "bulan": 0}
    assert ani["kgb_berikut"] == "2029-04-01"
    assert dedi["kgb_berikut"] == "2028-04-01"
    assert (ani["hari_tidak_dihitung"], dedi["hari_tidak_dihitung"]) == (0, 365)
    # the BUP is an age: the TMT pensiun does not move
    assert ani["tmt_pensiun"] == dedi["tmt_pensiun"] == "2033-07-01"


def test_long_leave_is_marked_in_the_lists(dua: Dua) -> None:
    _setuju(dua.db, dua.ani, "BESAR", "2026-03-02", "2026-05-31")
    conn = dua.db.conn
    on = D("2026-04-01")
    rowid = {
        pid: conn.execute(
            "SELECT rowid FROM pegawai_ringkas WHERE pegawai_id = ?", (pid,)
        ).fetchone()[0]
        for pid in (dua.ani, dua.dedi)
    }
    rows = emp.fetch_rows(conn, list(rowid.values()), pada=on)
    assert rows[rowid[dua.ani]]["cuti"] == "Cuti besar s.d. 31 Mei 2026"
    assert rows[rowid[dua.dedi]]["cuti"] == "CLTN s.d. 31 Januari 2027"
    later = emp.fetch_rows(conn, list(rowid.values()), pada=D("2026-06-01"))
    assert later[rowid[dua.ani]]["cuti"] is None
    assert later[rowid[dua.dedi]]["cuti"] == "CLTN s.d. 31 Januari 2027"
    assert emp.get_employee(conn, dua.ani, today=on).data["cuti"] == "Cuti besar s.d. 31 Mei 2026"
    assert emp.get_employee(conn, dua.ani, today=D("2026-06-01")).data["cuti"] is None
    kgb = {
        r.pegawai_id: r.cuti
        for r in kgb_jatuh_tempo(conn, D("2027-01-01"), D("2028-12-31"), pada=on)
    }
    assert kgb == {dua.ani: "Cuti besar s.d. 31 Mei 2026", dua.dedi: "CLTN s.d. 31 Januari 2027"}
    pens = {r.pegawai_id: r.cuti for r in pensiun(conn, D("2026-01-01"), tahun=10, pada=on)}
    assert pens == {dua.ani: "Cuti besar s.d. 31 Mei 2026", dua.dedi: "CLTN s.d. 31 Januari 2027"}


def test_returning_early_ends_the_mark_and_the_days_not_counted(dua: Dua) -> None:
    (cid,) = [
        r[0] for r in dua.db.conn.execute("SELECT id FROM cuti WHERE pegawai_id = ?", (dua.dedi,))
    ]
    cuti.catat_kembali(dua.db, cid, D("2026-08-01"), actor="sistem", today=D("2026-08-01"))
    data = emp.get_employee(dua.db.conn, dua.dedi, today=D("2026-09-01")).data
    assert data["cuti"] is None
    assert data["hari_tidak_dihitung"] == 181  # 1 February - 31 July 2026


def test_hitung_kgb_with_nip_leaves_the_cltn_out(
    dua: Dua, capsys: pytest.CaptureFixture[str]
) -> None:
    path = dua.db.path
    dua.db.close()
    base = ["--db", str(path), "hitung", "kgb", "--golongan", "III/a", "--mkg", "0-0"]
    base += ["--tmt", "2025-04-01", "--format", "json"]
    capsys.readouterr()
    assert main(base) == 0
    assert json.loads(capsys.readouterr().out)["tmt_kgb"] == "2027-04-01"
    assert main([*base, "--nip", dua.nip_dedi]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["tmt_kgb"], data["hari_tidak_dihitung"]) == ("2028-04-01", 365)
    assert "365 hari CLTN" in data["alasan"]
    dua.db = Database(path)  # closed again by the fixture


def test_the_leave_running_on_each_period_date_in_one_pass(tmp_path: Path) -> None:
    # the Beranda's KP lists mark a cuti besar or CLTN running on each period date, read once
    # for all periods: the same marks as the list of each period on its own
    db, units = make_db(tmp_path / "cuti.sqlite3")
    people = [
        Orang("Budi Santoso", tmt_golongan="2020-04-01", lahir="1975-06-15"),
        Orang("Citra Dewi", tmt_golongan="2020-04-01", lahir="1975-06-15", jk="P"),
    ]
    add(db, units, people)
    budi, citra = (_pid(db, o.nip) for o in people)
    _setuju(db, budi, "BESAR", "2026-11-02", "2027-01-29")
    _setuju(db, citra, "CLTN", "2027-01-15", "2027-06-30")
    periods = [D("2026-12-01"), D("2027-02-01"), D("2027-11-01")]
    banyak = nominatif_kp_banyak(db.conn, periods)
    assert banyak == {p: nominatif_kp(db.conn, p) for p in periods}
    marks = {p: {r.pegawai_id: r.cuti for r in n.baris} for p, n in banyak.items()}
    assert marks[periods[0]][budi] and "Cuti besar" in str(marks[periods[0]][budi])
    assert marks[periods[0]][citra] is None
    assert marks[periods[1]][budi] is None and "CLTN" in str(marks[periods[1]][citra])
    assert set(marks[periods[2]].values()) == {None}
    # the KGB list marks the leave of the day asked about the same way (one read of the leaves)
    for pada in (D("2026-12-01"), D("2027-02-01"), D("2027-07-01")):
        rows = kgb_jatuh_tempo(db.conn, D("2020-01-01"), D("2035-12-31"), pada=pada)
        assert {budi, citra} <= {r.pegawai_id for r in rows}
        for r in rows:
            assert r.cuti == cuti_berjalan(db.conn, r.pegawai_id, pada)
        on_leave = {r.pegawai_id for r in rows if r.cuti}
        assert on_leave == ({budi} if pada.month == 12 else {citra} if pada.month == 2 else set())
    db.close()
