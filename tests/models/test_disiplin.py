"""Discipline cases under PP 94/2021: summons, examination, decision, appeal, and the effect
of the decision on the KP list and the KGB schedule, by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.models.disiplin import kasus as dk
from app.models.errors import ValidationError
from app.models.pengaduan import register as adu
from app.models.rekap.kgb import kgb_jatuh_tempo
from app.models.rekap.kp import nominatif_kp, nominatif_kp_banyak
from app.models.rules.kp import STATUS_BELUM
from tests.helpers.integritas import complaint
from tests.helpers.pegawai import Orang, add, make_db

BAIK = {2026: "BAIK", 2025: "SANGAT_BAIK", 2027: "BAIK"}


@pytest.fixture
def kantor(tmp_path: Path) -> Any:
    db, units = make_db(tmp_path / "kantor.sqlite3")
    add(
        db,
        units,
        [Orang("A tepat 4 tahun", golongan="III/b", tmt_golongan="2023-04-01", skp=BAIK)],
    )
    pid = str(db.conn.execute("SELECT id FROM pegawai").fetchone()[0])
    yield db, units, pid
    db.close()


def _case_from_complaint(db: Any, units: dict[str, str], pid: str, tingkat: str = "SEDANG") -> str:
    aduan = complaint(db, units["dinas"], pegawai_ids=(pid,))
    with pytest.raises(ValidationError, match="Dugaan pelanggaran"):
        dk.create_kasus(db, "sistem", dk.KasusBaru(pid, "Pungli", date(2026, 3, 6), tingkat, aduan))
    adu.set_triase(db, "sistem", aduan, "DUGAAN", on=date(2026, 3, 5))
    return dk.create_kasus(
        db, "sistem", dk.KasusBaru(pid, "Meminta uang", date(2026, 3, 6), tingkat, aduan)
    )


def _summon_and_examine(db: Any, kid: str) -> None:
    with pytest.raises(ValidationError, match="7 hari kerja"):
        dk.add_panggilan(
            db, "sistem", kid, 1, tanggal_surat=date(2026, 3, 9), tanggal_periksa=date(2026, 3, 17)
        )
    dk.add_panggilan(
        db, "sistem", kid, 1, tanggal_surat=date(2026, 3, 9), tanggal_periksa=date(2026, 3, 18)
    )
    dk.record_pemeriksaan(
        db, "sistem", kid, tanggal_periksa=date(2026, 3, 18), pemeriksa="Kabid", bap="Mengaku"
    )


def _kp_status(db: Any, pid: str, periode: date) -> str | None:
    rows = {b.pegawai_id: b for b in nominatif_kp(db.conn, periode).baris}
    # the Beranda's one pass over several periods: the same list (a penalty by its dates)
    periods = [periode, date(periode.year - 1, 12, 1), date(periode.year + 1, 6, 1)]
    assert nominatif_kp_banyak(db.conn, periods)[periode] == nominatif_kp(db.conn, periode)
    return rows[pid].status if pid in rows else None


def test_decision_writes_the_history_row_that_blocks_kp_and_kgb_for_its_duration(
    kantor: Any,
) -> None:
    db, units, pid = kantor
    assert _kp_status(db, pid, date(2027, 4, 1)) != STATUS_BELUM
    kid = _case_from_complaint(db, units, pid)
    _summon_and_examine(db, kid)
    efek = dk.hitung_efek(db.conn, "POTONGAN_TPP_12", date(2026, 12, 1))
    assert (efek.tmt_mulai, efek.tmt_selesai) == (date(2026, 12, 15), date(2027, 12, 14))
    assert efek.batas_keberatan == date(2026, 12, 21)  # 14 working days [?]
    rid = dk.putus(
        db,
        "sistem",
        kid,
        dk.Putusan("POTONGAN_TPP_12", "800/12/BKPSDM", date(2026, 11, 20), date(2026, 12, 1)),
    )
    row = db.conn.execute(
        "SELECT pegawai_id, hukuman_kode, tmt_mulai, tmt_selesai, nomor_sk FROM riwayat_hukdis "
        "WHERE id = ?",
        (rid,),
    ).fetchone()
    assert tuple(row) == (pid, "POTONGAN_TPP_12", "2026-12-15", "2027-12-14", "800/12/BKPSDM")
    k = dk.get_kasus(db, "sistem", kid)
    assert k.status == dk.DIPUTUS and k.riwayat_hukdis_id == rid
    assert k.pejabat and "kepala perangkat daerah" in k.pejabat  # from ref_pejabat_hukdis [?]
    # KP: blocked in April 2027 (inside the window), free again in April 2028.
    assert _kp_status(db, pid, date(2027, 4, 1)) == STATUS_BELUM
    assert _kp_status(db, pid, date(2028, 4, 1)) != STATUS_BELUM
    # KGB: every step due inside the window is marked, every other is not.
    for b in kgb_jatuh_tempo(db.conn, date(2026, 1, 1), date(2030, 12, 31)):
        if b.pegawai_id != pid:
            continue
        blocked = any("hukuman disiplin" in k for k in b.keterangan)
        assert blocked == (date(2026, 12, 15) <= b.tmt_baru <= date(2027, 12, 14)), b.tmt_baru
    with pytest.raises(ValidationError, match="sudah diputus"):
        dk.record_pemeriksaan(
            db, "sistem", kid, tanggal_periksa=date(2026, 3, 18), pemeriksa="x", bap="y"
        )


def test_appeal_window_and_a_withdrawn_penalty_lifts_the_block(kantor: Any) -> None:
    db, units, pid = kantor
    kid = _case_from_complaint(db, units, pid)
    _summon_and_examine(db, kid)
    dk.putus(
        db,
        "sistem",
        kid,
        dk.Putusan("POTONGAN_TPP_12", "800/13", date(2026, 11, 20), date(2026, 12, 1)),
    )
    with pytest.raises(ValidationError, match="lewat batas"):
        dk.ajukan_keberatan(db, "sistem", kid, "KEBERATAN", date(2026, 12, 22))
    dk.ajukan_keberatan(db, "sistem", kid, "KEBERATAN", date(2026, 12, 21))
    dk.putus_keberatan(db, "sistem", kid, "BATAL", date(2027, 1, 15))
    assert _kp_status(db, pid, date(2027, 4, 1)) != STATUS_BELUM
    assert dk.get_kasus(db, "sistem", kid).status == dk.SELESAI


def test_appeal_changes_the_penalty_and_its_end(kantor: Any) -> None:
    db, units, pid = kantor
    kid = _case_from_complaint(db, units, pid)
    _summon_and_examine(db, kid)
    rid = dk.putus(
        db, "sistem", kid, dk.Putusan("POTONGAN_TPP_12", "1", date(2026, 11, 20), date(2026, 12, 1))
    )
    dk.ajukan_keberatan(db, "sistem", kid, "BANDING", date(2026, 12, 10))
    dk.putus_keberatan(db, "sistem", kid, "UBAH", date(2027, 1, 15), hukuman_kode="POTONGAN_TPP_6")
    row = db.conn.execute(
        "SELECT hukuman_kode, tmt_mulai, tmt_selesai FROM riwayat_hukdis WHERE id = ?", (rid,)
    ).fetchone()
    assert tuple(row) == ("POTONGAN_TPP_6", "2026-12-15", "2027-06-14")
    assert _kp_status(db, pid, date(2027, 4, 1)) == STATUS_BELUM
    assert _kp_status(db, pid, date(2027, 7, 1)) != STATUS_BELUM


def test_berat_needs_a_team_and_absence_at_summons_two_allows_a_decision(kantor: Any) -> None:
    db, units, pid = kantor
    kid = _case_from_complaint(db, units, pid, tingkat="BERAT")
    dk.add_panggilan(
        db, "sistem", kid, 1, tanggal_surat=date(2026, 3, 9), tanggal_periksa=date(2026, 3, 18)
    )
    with pytest.raises(ValidationError, match="belum diperiksa"):
        dk.putus(db, "sistem", kid, dk.Putusan("PDHTAPS", "9", date(2026, 4, 1), date(2026, 4, 2)))
    with pytest.raises(ValidationError, match="tim pemeriksa"):
        dk.record_pemeriksaan(
            db, "sistem", kid, tanggal_periksa=date(2026, 3, 18), pemeriksa="Kabid", bap="x"
        )
    dk.add_panggilan(
        db, "sistem", kid, 2, tanggal_surat=date(2026, 3, 20), tanggal_periksa=date(2026, 3, 31)
    )
    k = dk.get_kasus(db, "sistem", kid)
    assert [(p.ke, p.hadir) for p in k.panggilan] == [(1, False), (2, None)]
    rid = dk.putus(
        db, "sistem", kid, dk.Putusan("PDHTAPS", "9", date(2026, 4, 1), date(2026, 4, 2))
    )
    row = db.conn.execute("SELECT tmt_selesai FROM riwayat_hukdis WHERE id = ?", (rid,)).fetchone()
    assert row[0] is None  # dismissal: no end


def test_absence_count_gives_the_penalty_of_the_table(kantor: Any) -> None:
    db, _units, _pid = kantor
    assert dk.hukuman_alpa(db.conn, 12) == "POTONGAN_TPP_6"
    assert dk.hukuman_alpa(db.conn, 2) is None


def test_summons_and_complaint_deadlines_use_the_leave_calendar(kantor: Any) -> None:
    """A national holiday keyed in the leave calendar moves the 7-working-day summons rule and
    the working-day stages of a complaint; the calendar-day stage does not move."""
    from app.models.cuti.kalender import TanggalKalender, write_tanggal

    db, units, pid = kantor
    terima = date(2026, 3, 16)
    before = adu.batas_tahap(db.conn, terima)
    write_tanggal(db, [TanggalKalender(date(2026, 3, 19), "LIBUR", "Nyepi")], actor="sistem")
    after = adu.batas_tahap(db.conn, terima)
    assert (before["TRIASE"], after["TRIASE"]) == (date(2026, 3, 19), date(2026, 3, 20))
    assert after["SELESAI"] == before["SELESAI"]
    kasus = _case_from_complaint(db, units, pid)
    with pytest.raises(ValidationError, match="26 Maret 2026"):
        dk.add_panggilan(
            db, "sistem", kasus, 1, tanggal_surat=terima, tanggal_periksa=date(2026, 3, 25)
        )
    dk.add_panggilan(
        db, "sistem", kasus, 1, tanggal_surat=terima, tanggal_periksa=date(2026, 3, 26)
    )


def test_absence_suggestion_for_an_employee(kantor: Any) -> None:
    db, _units, pid = kantor
    s = dk.saran_alpa_pegawai(db, "sistem", pid, 12, 10)
    assert (s.hukuman_kode, s.berturut) == ("PDHTAPS", True)
    assert dk.saran_alpa_pegawai(db, "sistem", pid, 12, 3).hukuman_kode == "POTONGAN_TPP_6"
    with pytest.raises(ValidationError, match="berturut"):
        dk.saran_alpa(db.conn, 3, 4)


def test_the_in_a_row_rule_is_reference_data_by_date(kantor: Any) -> None:
    """ref_alpa_berturut is effective-dated: before PP 94/2021 came into force no row applies,
    and an admin's edit of the number of days is followed."""
    db, _units, _pid = kantor
    s = dk.saran_alpa(db.conn, 12, 10, on=date(2026, 3, 2))
    assert (s.hukuman_kode, s.pasal) == ("PDHTAPS", "PP 94/2021 Ps. 11 ayat (2) huruf d [?]")
    assert dk.saran_alpa(db.conn, 12, 10, on=date(2021, 1, 4)).hukuman_kode == "POTONGAN_TPP_6"
    db.conn.execute("UPDATE ref_alpa_berturut SET hari = 11")
    assert dk.saran_alpa(db.conn, 12, 10, on=date(2026, 3, 2)).hukuman_kode == "POTONGAN_TPP_6"
