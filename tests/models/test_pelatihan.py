"""Training catalogue and events: participants from the needs list, completion in one write
(issue 15 item 4)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.errors import ValidationError
from app.models.kompetensi import kebutuhan
from app.models.organisasi import units
from app.models.pelatihan import acara as pel
from app.models.rekap.diklat import jam_pelajaran
from app.models.storage.db import Database
from tests.helpers.kompetensi import add_diklat, pegawai, with_standards
from tests.helpers.organisasi import Org, add_person


def _jp(db: Database, tahun: int = 2026) -> dict[str, int]:
    return {b.pegawai_id: b.jp for b in jam_pelajaran(db.conn, tahun)}


def _batches(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0])


def test_from_the_needs_list_to_a_completed_event(db: Database, org: Org) -> None:
    with_standards(db, org)
    add_diklat(db, pegawai(db, "Ani"), 12)
    needs = kebutuhan.kebutuhan_pelatihan(db.conn, 2026, kompetensi="M.01")
    assert [n.nama for n in needs] == ["Dewi", "Ani"]
    katalog = pel.create_katalog(
        db, "Pelatihan Integritas ASN", jp=24, penyelenggara="BPSDM Provinsi", kompetensi=["M.01"]
    )
    assert [k.nama for k in pel.list_katalog(db.conn, kompetensi="M.01")] == [
        "Pelatihan Integritas ASN"
    ]
    acara_id = pel.create_acara(db, katalog, "2026-11-02", "2026-11-04")
    assert pel.add_peserta(db, acara_id, {n.pegawai_id: n.kompetensi_kode for n in needs}) == 2
    budi = pegawai(db, "Budi")
    pel.add_peserta(db, acara_id, {budi: None})
    before = _jp(db)
    batches = _batches(db)
    written = pel.complete_acara(
        db,
        acara_id,
        sertifikat={pegawai(db, "Ani"): "SERT-001/2026"},
        tidak_hadir=[budi],
    )
    assert written == 2
    assert _batches(db) == batches + 1  # one write: one batch, one audit entry
    after = _jp(db)
    assert after[pegawai(db, "Ani")] == before[pegawai(db, "Ani")] + 24 == 36
    assert after[pegawai(db, "Dewi")] == 24
    assert after[budi] == before[budi] == 0
    people = {p.nama: p for p in pel.list_peserta(db.conn, acara_id)}
    assert people["Ani"].status == "LULUS" and people["Ani"].nomor_sertifikat == "SERT-001/2026"
    assert people["Budi"].status == "TIDAK_HADIR" and people["Budi"].riwayat_diklat_id is None
    row = db.conn.execute(
        "SELECT nama, jenis, jam_pelajaran, nomor_sertifikat, tanggal_selesai FROM riwayat_diklat "
        "WHERE id = ?",
        (people["Ani"].riwayat_diklat_id,),
    ).fetchone()
    assert tuple(row) == ("Pelatihan Integritas ASN", "TEKNIS", 24, "SERT-001/2026", "2026-11-04")
    assert pel.get_acara(db.conn, acara_id).status == "SELESAI"
    # The needs list still shows the gap (an assessment, not the training, closes it) but the
    # JP each still needs has moved.
    again = {n.nama: n for n in kebutuhan.kebutuhan_pelatihan(db.conn, 2026, kompetensi="M.01")}
    assert again["Ani"].jp_kurang == 0 and again["Dewi"].jp_kurang == 0
    with pytest.raises(ValidationError, match="berstatus Selesai"):
        pel.complete_acara(db, acara_id)


def test_completion_is_all_or_nothing(db: Database, org: Org) -> None:
    with_standards(db, org)
    katalog = pel.create_katalog(db, "Kearsipan", jp=16)
    acara_id = pel.create_acara(db, katalog, "2026-06-01", "2026-06-02")
    pel.add_peserta(db, acara_id, {pegawai(db, "Ani"): None})
    with pytest.raises(ValidationError, match="bukan peserta terdaftar"):
        pel.complete_acara(db, acara_id, sertifikat={pegawai(db, "Budi"): "X"})
    assert db.conn.execute("SELECT count(*) FROM riwayat_diklat").fetchone()[0] == 0
    assert pel.get_acara(db.conn, acara_id).status == "RENCANA"
    # A failure in the middle of the write rolls every participant back.
    pel.add_peserta(db, acara_id, {pegawai(db, "Dewi"): None})
    db.conn.execute(
        "CREATE TEMP TRIGGER gagal BEFORE INSERT ON riwayat_diklat "
        "WHEN (SELECT count(*) FROM riwayat_diklat) >= 1 BEGIN SELECT RAISE(ABORT, 'disk'); END"
    )
    with pytest.raises(ValidationError):
        pel.complete_acara(db, acara_id)
    db.conn.execute("DROP TRIGGER gagal")
    assert db.conn.execute("SELECT count(*) FROM riwayat_diklat").fetchone()[0] == 0
    assert {p.status for p in pel.list_peserta(db.conn, acara_id)} == {"TERDAFTAR"}
    assert pel.complete_acara(db, acara_id) == 2


def test_catalogue_and_event_refusals(db: Database, org: Org) -> None:
    with pytest.raises(ValidationError) as err:
        pel.create_katalog(db, "", jp=0, bentuk="DARING", kompetensi=["Z.1"])
    assert len(err.value.reasons) == 4
    katalog = pel.create_katalog(db, "E-learning Kearsipan", jp=10, bentuk="NON_KLASIKAL")
    with pytest.raises(ValidationError, match="sebelum tanggal mulai"):
        pel.create_acara(db, katalog, "2026-06-05", "2026-06-01")
    acara_id = pel.create_acara(db, katalog, "2026-06-01", "2026-06-01")
    with pytest.raises(ValidationError, match="belum memiliki peserta"):
        pel.complete_acara(db, acara_id)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    jp=st.integers(min_value=1, max_value=200),
    before=st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=4),
    absent=st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_completion_adds_exactly_the_events_jp_to_each_participant(
    jp: int, before: list[int], absent: list[bool]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "uji.sqlite3")
        try:
            unit = units.create_unit(db, units.UnitData(nama="Dinas Uji", jenis="OPD"))
            people = [
                add_person(db, f"P{i}", jabatan=[(None, unit, "2020-01-01")])
                for i in range(len(before))
            ]
            for pid, jp_before in zip(people, before, strict=True):
                if jp_before:
                    add_diklat(db, pid, jp_before)
            katalog = pel.create_katalog(db, "Uji", jp=jp)
            acara_id = pel.create_acara(db, katalog, "2026-07-01", "2026-07-03")
            pel.add_peserta(db, acara_id, dict.fromkeys(people))
            away = [p for p, a in zip(people, absent, strict=False) if a]
            start = _jp(db)
            pel.complete_acara(db, acara_id, tidak_hadir=away)
            end = _jp(db)
            for pid in people:
                assert end[pid] - start[pid] == (0 if pid in away else jp)
        finally:
            db.close()
