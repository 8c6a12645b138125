"""Training evaluation per participant and its results per event and provider (issue 15
item 5): an IT training felt irrelevant by many is flagged for review."""

from __future__ import annotations

import pytest

from app.models.errors import NotFoundError, ValidationError
from app.models.pelatihan import acara as pel
from app.models.pelatihan import evaluasi as ev
from app.models.storage.db import Database
from tests.helpers.kompetensi import pegawai, with_standards
from tests.helpers.organisasi import Org


def _event(db: Database, nama: str, penyelenggara: str, people: list[str]) -> str:
    katalog = pel.create_katalog(db, nama, jp=16, penyelenggara=penyelenggara)
    acara = pel.create_acara(db, katalog, "2026-05-04", "2026-05-05")
    pel.add_peserta(db, acara, dict.fromkeys(people))
    return acara


def test_irrelevant_training_is_flagged_per_event_and_provider(db: Database, org: Org) -> None:
    with_standards(db, org)
    ani, budi, dewi = pegawai(db, "Ani"), pegawai(db, "Budi"), pegawai(db, "Dewi")
    it = _event(db, "Pelatihan Jaringan Komputer", "Diskominfo", [ani, budi, dewi])
    arsip = _event(db, "Pelatihan Kearsipan", "ANRI", [ani, budi])
    pel.complete_acara(db, it, tidak_hadir=[dewi])
    pel.complete_acara(db, arsip)
    ev.record_evaluasi(
        db, it, [ev.Jawaban(ani, 1, 2, 4, "tidak terpakai di kantor"), ev.Jawaban(budi, 2, 2, 3)]
    )
    ev.record_evaluasi(db, arsip, [ev.Jawaban(ani, 5, 4, 4), ev.Jawaban(budi, 4, 5, 5)])
    per_event = ev.rekap_evaluasi(db.conn)
    assert [(r.nama, r.jawaban, r.relevansi, r.tidak_relevan, r.tinjau) for r in per_event] == [
        ("Pelatihan Jaringan Komputer (2026-05-04)", 2, 1.5, 2, True),
        ("Pelatihan Kearsipan (2026-05-04)", 2, 4.5, 0, False),
    ]
    providers = {r.nama: r.tinjau for r in ev.rekap_evaluasi(db.conn, per="penyelenggara")}
    assert providers == {"Diskominfo": True, "ANRI": False}
    assert ev.get_evaluasi_acara(db.conn, arsip).manfaat == 4.5
    # Keyed in again: replaced, not doubled.
    ev.record_evaluasi(db, arsip, [ev.Jawaban(ani, 3, 3, 3)])
    assert ev.get_evaluasi_acara(db.conn, arsip).jawaban == 2


def test_evaluation_refusals(db: Database, org: Org) -> None:
    with_standards(db, org)
    ani, dewi, kabid = pegawai(db, "Ani"), pegawai(db, "Dewi"), pegawai(db, "Kabid")
    acara = _event(db, "Pelatihan X", "P", [ani, dewi])
    pel.complete_acara(db, acara, tidak_hadir=[dewi])
    with pytest.raises(ValidationError) as err:
        ev.record_evaluasi(
            db,
            acara,
            [ev.Jawaban(ani, 6, 0, 3), ev.Jawaban(dewi, 3, 3, 3), ev.Jawaban(kabid, 3, 3, 3)],
        )
    text = "\n".join(err.value.reasons)
    assert "Relevansi: nilai 6 di luar skala 1-5." in text
    assert "Manfaat: nilai 0 di luar skala 1-5." in text
    assert "tercatat tidak hadir" in text and "bukan peserta acara Pelatihan X" in text
    assert db.conn.execute("SELECT count(*) FROM pelatihan_evaluasi").fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        ev.get_evaluasi_acara(db.conn, acara)
    with pytest.raises(ValidationError, match="penyelenggara"):
        ev.rekap_evaluasi(db.conn, per="unit")


def test_the_demo_shows_an_it_training_felt_irrelevant(demo_db: Database) -> None:
    rows = ev.rekap_evaluasi(demo_db.conn, per="penyelenggara")
    flagged = [r.nama for r in rows if r.tinjau]
    assert flagged == ["Diskominfo"]
    assert rows[0].jawaban == 12 and rows[0].relevansi < 3
