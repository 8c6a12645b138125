"""The competency and training tables travel like any replicated table (issue 15): a standard,
an assessment and a completed event made on one installation show the same gaps and JP on the
other; two offices completing the same event without seeing each other meet as one riwayat
diklat row per participant (natural ids), so nobody's JP counts twice."""

from __future__ import annotations

import time
from pathlib import Path

from app.models.kompetensi import kebutuhan, nilai, standar
from app.models.organisasi import jabatan, units
from app.models.pelatihan import acara as pel
from app.models.rekap.diklat import jam_pelajaran
from app.sync import importer, package
from tests.helpers.organisasi import add_person
from tests.helpers.sync import Node, make_nodes


def _exchange(src: Node, dst: Node, folder: Path) -> None:
    out = folder / f"{src.name}-{dst.name}-{time.monotonic_ns()}.merit"
    package.export_package(src.db, out, to=dst.name)
    importer.import_package(dst.db, out, clock=dst.clock_fn)


def _state(node: Node) -> tuple[object, ...]:
    conn = node.db.conn
    gaps = [(g.nip, g.kompetensi_kode, g.gap) for g in kebutuhan.list_gap(conn)]
    jp = sorted((b.nip, b.jp) for b in jam_pelajaran(conn, 2026))
    diklat = conn.execute("SELECT count(*) FROM riwayat_diklat WHERE deleted = 0").fetchone()[0]
    return gaps, jp, diklat


def test_competency_and_training_records_travel_and_completions_meet(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    unit = units.create_unit(a.db, units.UnitData(nama="Dinas Kesehatan", jenis="OPD"))
    post = jabatan.create_jabatan(
        a.db,
        jabatan.JabatanData(
            unit_id=unit, nama="Epidemiolog Ahli Pertama", jenis_kode="JF",
            jenjang_kode="AHLI_PERTAMA", kelas_jabatan="8", kebutuhan="2",
        ),
    )  # fmt: skip
    ani = add_person(a.db, "Ani", jabatan=[(post, unit, "2020-01-01")])
    budi = add_person(a.db, "Budi", jabatan=[(post, unit, "2020-01-01")])
    standar.set_standar(a.db, post, {"M.01": 3, "M.05": 2})
    nilai.record_nilai(a.db, ani, "2026-02-01", {"M.01": 1, "M.05": 2}, potensi=2)
    nilai.record_nilai(a.db, budi, "2026-02-01", {"M.01": 2}, potensi=3)
    katalog = pel.create_katalog(a.db, "Pelayanan Prima", jp=20, kompetensi=["M.05"])
    event = pel.create_acara(a.db, katalog, "2026-08-03", "2026-08-05")
    pel.add_peserta(a.db, event, {ani: "M.01", budi: "M.01"})
    _exchange(a, b, tmp_path)
    assert _state(b) == _state(a)

    # Both offices complete the same event without having seen each other's completion.
    pel.complete_acara(a.db, event, sertifikat={ani: "S-1"})
    pel.complete_acara(b.db, event, sertifikat={ani: "S-1"})
    _exchange(a, b, tmp_path)
    _exchange(b, a, tmp_path)
    assert _state(a) == _state(b)
    _gaps, jp, diklat = _state(a)
    assert diklat == 2  # one row per participant, not two
    assert sorted(v for _, v in jp) == [20, 20]


def test_mentoring_pairs_and_meetings_travel(tmp_path: Path) -> None:
    """A pair made on one installation, a meeting noted on the other and the pair closed on
    the first: both end with the same pair, status and meetings."""
    from app.models.kompetensi import mentor

    a, b = make_nodes(tmp_path, 2)
    unit = units.create_unit(a.db, units.UnitData(nama="Dinas Kesehatan", jenis="OPD"))
    post = jabatan.create_jabatan(
        a.db,
        jabatan.JabatanData(
            unit_id=unit, nama="Epidemiolog Ahli Pertama", jenis_kode="JF",
            jenjang_kode="AHLI_PERTAMA", kelas_jabatan="8", kebutuhan="2",
        ),
    )  # fmt: skip
    ani = add_person(a.db, "Ani", golongan="III/a", jabatan=[(post, unit, "2026-03-01")])
    kabid = add_person(a.db, "Kabid", golongan="III/d", jabatan=[(post, unit, "2010-01-01")])
    pair = mentor.tambah_pasangan(a.db, ani, kabid, "2026-03-10", "Orientasi")
    _exchange(a, b, tmp_path)
    mentor.catat_pertemuan(b.db, pair, "2026-04-01", "Tata naskah", tindak_lanjut="Draf")
    mentor.tutup_pasangan(a.db, pair, "2026-09-01")
    _exchange(a, b, tmp_path)
    _exchange(b, a, tmp_path)

    def state(node: Node) -> tuple[object, ...]:
        p = mentor.get_pasangan(node.db, pair)
        return p.status, p.selesai, p.mentor_nama, [(m.tanggal, m.topik) for m in p.pertemuan]

    assert (
        state(a) == state(b) == ("SELESAI", "2026-09-01", "Kabid", [("2026-04-01", "Tata naskah")])
    )
