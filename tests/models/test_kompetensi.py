"""Competency standards, assessments, gaps, the training needs list and the talent box
(issue 15 items 1-3 and 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.errors import ValidationError
from app.models.kompetensi import kamus, kebutuhan, nilai, standar, talenta
from app.models.rules import kompetensi as rules
from app.models.storage.db import Database
from tests.helpers.kompetensi import add_diklat, add_skp, nip, pegawai, with_standards
from tests.helpers.organisasi import Org

LEVELS = st.integers(min_value=1, max_value=5)


@given(required=LEVELS, held=LEVELS)
def test_gap_is_required_minus_held_and_the_shortfall_never_negative(
    required: int, held: int
) -> None:
    assert rules.gap(required, held) == required - held
    assert rules.kekurangan(required, held) >= 0
    if held >= required:
        assert rules.kekurangan(required, held) == 0
        assert rules.gap(required, held) <= 0
    else:
        assert rules.kekurangan(required, held) == required - held


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(3, 3)] * 8, 100.0),  # an administrator meeting standard 3 everywhere
        ([(3, 2)] * 8, 66.7),
        ([(2, 3), (2, 3)], 150.0),  # JPM can exceed 100% (asn-rules 7.3)
        ([], None),
    ],
)
def test_jpm(pairs: list[tuple[int, int]], expected: float | None) -> None:
    assert rules.jpm(pairs) == expected


@pytest.mark.parametrize(
    ("levels", "kinerja"),
    [([3, 3], 3), ([3, 2], 2), ([2, 1], 1), ([1], 1), ([3], 3), ([3, 3, 1], 3), ([], None)],
)
def test_kinerja_axis_from_the_last_two_predikat(levels: list[int], kinerja: int | None) -> None:
    assert rules.kinerja_talenta(levels) == kinerja


def test_the_library_has_the_9_competencies_and_the_agency_adds_technical_ones(
    db: Database,
) -> None:
    items = kamus.list_kompetensi(db.conn)
    assert [k.kode for k in items] == [f"M.0{i}" for i in range(1, 9)] + ["SK.01"]
    assert items[-1].nama == "Perekat Bangsa"
    kamus.create_kompetensi(db, "t.kes.01", "Surveilans Epidemiologi")
    assert kamus.kompetensi_by_kode(db.conn)["T.KES.01"].jenis == "TEKNIS"
    with pytest.raises(ValidationError, match="sudah ada"):
        kamus.create_kompetensi(db, "T.KES.01", "Lagi")
    with pytest.raises(ValidationError, match="tidak sah"):
        kamus.create_kompetensi(db, "bad kode!", "X")


def test_standards_are_set_copied_and_refused_with_the_competency(db: Database, org: Org) -> None:
    standar.set_standar(db, org.kabid, {"M.01": 3, "M.02": 3, "SK.01": 3})
    assert [(s.kompetensi_kode, s.level) for s in standar.list_standar(db.conn, org.kabid)] == [
        ("M.01", 3),
        ("M.02", 3),
        ("SK.01", 3),
    ]
    standar.set_standar(db, org.kabid, {"M.02": None, "M.01": 4})
    assert {s.kompetensi_kode: s.level for s in standar.list_standar(db.conn, org.kabid)} == {
        "M.01": 4,
        "SK.01": 3,
    }
    standar.copy_standar(db, org.kabid, org.analis)
    assert {s.kompetensi_kode: s.level for s in standar.list_standar(db.conn, org.analis)} == {
        "M.01": 4,
        "SK.01": 3,
    }
    with pytest.raises(ValidationError) as err:
        standar.set_standar(db, org.kabid, {"M.03": 6, "X.99": 2})
    assert err.value.reasons == [
        "Kompetensi M.03: level 6 di luar rentang 1-5.",
        "Kompetensi X.99: tidak ada di kamus kompetensi.",
    ]
    assert standar.standar_bawaan(db.conn, org.kabid)["M.08"] == 3  # administrator: 3
    assert standar.standar_bawaan(db.conn, org.kadis)["SK.01"] == 4  # JPT pratama: 4


def test_gap_table_per_person(db: Database, org: Org) -> None:
    with_standards(db, org)
    rows = kebutuhan.list_gap(db.conn)
    table = {
        (r.nama, r.kompetensi_kode): (r.standar, r.dimiliki, r.gap, r.kekurangan) for r in rows
    }
    assert table == {
        ("Kabid", "M.01"): (3, 4, -1, 0),
        ("Ani", "M.01"): (3, 2, 1, 1),
        ("Ani", "M.04"): (2, 3, -1, 0),
        ("Ani", "T.ARS.01"): (3, 1, 2, 2),
        ("Budi", "M.01"): (3, 3, 0, 0),
        ("Budi", "M.04"): (2, None, None, None),  # not assessed: no gap yet
        ("Budi", "T.ARS.01"): (3, None, None, None),
        ("Dewi", "M.01"): (3, 1, 2, 2),
        ("Dewi", "M.04"): (2, None, None, None),
        ("Dewi", "T.ARS.01"): (3, None, None, None),
    }  # Eka moved to a position without a standard; Fajar retired; Gita deleted; Kadis none


def test_the_latest_assessment_is_the_level_held(db: Database, org: Org) -> None:
    with_standards(db, org)
    ani = pegawai(db, "Ani")
    nilai.record_nilai(db, ani, "2026-09-01", {"T.ARS.01": 3}, sumber="UJI_KOMPETENSI")
    nilai.record_nilai(db, ani, "2025-01-01", {"M.01": 5}, sumber="ATASAN")  # older
    held = nilai.held_levels(db.conn)[ani]
    assert held == {"M.01": 2, "M.04": 3, "T.ARS.01": 3}


def test_gaps_per_unit_and_agency(db: Database, org: Org) -> None:
    with_standards(db, org)
    recap = {r.nama: r for r in kebutuhan.rekap_gap(db.conn)}
    bidang = recap["Bidang Layanan"]
    assert (bidang.pegawai, bidang.dinilai, bidang.kompetensi_kurang) == (4, 4, 3)
    assert (bidang.total_kekurangan, bidang.pegawai_kurang) == (5, 2)
    total = recap["Jumlah"]
    assert (total.pegawai, total.total_kekurangan) == (4, 5)
    # JPM: Kabid 133.3, Ani (2+3+1)/(3+2+3) = 75, Budi 100, Dewi 33.3 -> mean 85.4
    assert total.jpm_rata == 85.4


def test_needs_list_ranked_by_gap_then_by_how_many_share_it_with_jp(db: Database, org: Org) -> None:
    with_standards(db, org)
    add_diklat(db, pegawai(db, "Ani"), 12)
    add_diklat(db, pegawai(db, "Dewi"), 30, selesai="2025-05-10")  # last year: not counted
    needs = kebutuhan.kebutuhan_pelatihan(db.conn, 2026)
    assert [
        (n.peringkat, n.nama, n.kompetensi_kode, n.kekurangan, n.jumlah_sama) for n in needs
    ] == [
        (1, "Dewi", "M.01", 2, 2),
        (2, "Ani", "T.ARS.01", 2, 1),
        (3, "Ani", "M.01", 1, 2),
    ]
    assert [(n.jp_tahun_ini, n.jp_kurang) for n in needs] == [(0, 20), (12, 8), (12, 8)]
    only = kebutuhan.kebutuhan_pelatihan(db.conn, 2026, kompetensi="T.ARS.01", unit_id=org.bidang)
    assert [n.nama for n in only] == ["Ani"]


def test_talent_box_from_predikat_and_potential(db: Database, org: Org) -> None:
    with_standards(db, org)
    ani, budi, dewi = pegawai(db, "Ani"), pegawai(db, "Budi"), pegawai(db, "Dewi")
    add_skp(db, ani, 2025, "SANGAT_BAIK")
    add_skp(db, ani, 2024, "BAIK")
    add_skp(db, ani, 2023, "SANGAT_KURANG")  # third year back: not taken
    add_skp(db, budi, 2025, "SANGAT_BAIK")
    add_skp(db, budi, 2024, "SANGAT_BAIK")
    add_skp(db, dewi, 2025, "BUTUH_PERBAIKAN")
    rows = {r.nama: r for r in talenta.list_talenta(db.conn)}
    assert (rows["Ani"].kinerja, rows["Ani"].potensi, rows["Ani"].kotak) == (2, 3, 8)
    assert (rows["Budi"].kinerja, rows["Budi"].potensi, rows["Budi"].kotak) == (3, 3, 9)
    assert (rows["Dewi"].kinerja, rows["Dewi"].potensi, rows["Dewi"].kotak) == (1, 1, 1)
    assert rows["Kabid"].kotak is None  # no SKP, no potential
    counts = talenta.count_kotak(list(rows.values()))
    assert counts[8] == 1 and counts[9] == 1 and counts[1] == 1 and sum(counts.values()) == 3
    # A new assessment arrives: the box moves.
    nilai.record_nilai(db, ani, "2026-10-01", {}, potensi=2)
    moved = {r.nama: r for r in talenta.list_talenta(db.conn)}
    assert moved["Ani"].kotak == 5


# -- import from an assessment centre's sheet --------------------------------------------------


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_preview_then_write(db: Database, org: Org, tmp_path: Path) -> None:
    kamus.create_kompetensi(db, "T.ARS.01", "Pengelolaan Arsip Dinamis")
    ani, budi = nip(db, "Ani"), nip(db, "Budi")
    sheet = _write(
        tmp_path / "ac.csv",
        [
            "No;NIP;Nama;Tanggal;Lembaga;M.01;Kerja Sama;T.ARS.01;Potensi;Skor potensi",
            f"1;{ani};Ani;12-03-2026;UPT Penilaian Kompetensi;3;2;;Tinggi;78,5",
            f"2;{budi};Budi;2026-03-12;UPT Penilaian Kompetensi;2;;4;2;",
        ],
    )
    plan = nilai.plan_impor_nilai(db, sheet)
    assert plan.problems == []
    assert plan.kolom_kompetensi == {"M.01": "M.01", "Kerja Sama": "M.02", "T.ARS.01": "T.ARS.01"}
    assert [(r.baris, r.penilaian.levels, r.penilaian.potensi) for r in plan.rows] == [
        (2, {"M.01": 3, "M.02": 2}, 3),
        (3, {"M.01": 2, "T.ARS.01": 4}, 2),
    ]
    assert db.conn.execute("SELECT count(*) FROM kompetensi_nilai").fetchone()[0] == 0
    assert nilai.apply_impor_nilai(db, plan) == 6
    held = nilai.held_levels(db.conn)
    assert held[pegawai(db, "Ani")] == {"M.01": 3, "M.02": 2}
    assert nilai.latest_potensi(db.conn)[pegawai(db, "Ani")] == (3, "2026-03-12", 78.5)
    # The same sheet again meets the same rows (natural ids): nothing doubles.
    nilai.apply_impor_nilai(db, nilai.plan_impor_nilai(db, sheet))
    assert db.conn.execute("SELECT count(*) FROM kompetensi_nilai").fetchone()[0] == 4


def test_import_refusals_name_the_row_and_the_column(
    db: Database, org: Org, tmp_path: Path
) -> None:
    ani = nip(db, "Ani")
    sheet = _write(
        tmp_path / "ac.csv",
        [
            "NIP;Tanggal;Sumber;M.01;M.02;Potensi",
            f"{ani};12-03-2026;assessment center;3;7;2",
            "199001012020011999;2026-03-12;;2;;",
            f"{ani};31-02-2026;dukun;x;;sedang",
            f"{ani};12-03-2026;AC;3;;",
        ],
    )
    plan = nilai.plan_impor_nilai(db, sheet)
    assert plan.rows == [] or all(r.baris not in (2, 3, 4, 5) for r in plan.rows)
    text = "\n".join(plan.problems)
    assert "Baris 2, kolom M.02: 7 di luar batas 1–5." in text
    assert "Baris 3, kolom NIP: NIP 199001012020011999 tidak ada di data pegawai." in text
    assert "Baris 4, kolom Tanggal:" in text
    assert "Baris 4, kolom Sumber: 'dukun' bukan sumber penilaian" in text
    assert "Baris 4, kolom M.01: 'x' bukan bilangan bulat." in text
    assert "Baris 4, kolom Potensi:" in text
    assert "Baris 5, kolom NIP: NIP " + ani + " sudah ada di baris 2" in text
    with pytest.raises(ValidationError, match="Impor hasil penilaian ditolak"):
        nilai.apply_impor_nilai(db, plan)
    assert db.conn.execute("SELECT count(*) FROM kompetensi_nilai").fetchone()[0] == 0


def test_import_refuses_unknown_columns_and_missing_headers(
    db: Database, org: Org, tmp_path: Path
) -> None:
    sheet = _write(tmp_path / "ac.csv", ["NIP;Kompetensi Gaib", "1;2"])
    plan = nilai.plan_impor_nilai(db, sheet)
    assert any("Kolom 'Kompetensi Gaib'" in p for p in plan.problems)
    assert "Kolom Tanggal tidak ditemukan di baris judul." in plan.problems
    assert not plan.ok


def test_import_refuses_a_file_that_is_not_a_sheet(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "ac.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValidationError):
        nilai.plan_impor_nilai(db, bad)


def test_import_reads_xlsx(db: Database, org: Org, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NIP", "Tanggal", "Integritas", "Potensi"])
    ws.append([nip(db, "Dewi"), "2026-04-01", 2, "rendah"])
    path = tmp_path / "ac.xlsx"
    wb.save(path)
    plan = nilai.plan_impor_nilai(db, path)
    assert plan.ok, plan.problems
    assert plan.rows[0].penilaian.levels == {"M.01": 2}
    assert plan.rows[0].penilaian.potensi == 1


def test_the_demo_has_standards_assessments_needs_an_event_and_a_talent_box(
    demo_db: Database,
) -> None:
    from app.models.pelatihan import acara as pel

    conn = demo_db.conn
    recap = kebutuhan.rekap_gap(conn)[-1]
    assert recap.pegawai > 200 and recap.dinilai > recap.pegawai // 2
    needs = kebutuhan.kebutuhan_pelatihan(conn, 2026)
    assert needs and needs[0].kekurangan >= needs[-1].kekurangan
    assert any(n.kompetensi_kode == "T.KES.01" for n in kebutuhan.list_gap(conn))
    planned, done = pel.list_acara(conn)  # newest first
    assert planned.status == "RENCANA" and planned.peserta > 0
    assert done.status == "SELESAI" and done.peserta == 12
    counts = talenta.count_kotak(talenta.list_talenta(conn))
    assert sum(counts.values()) > 100 and counts[7] + counts[8] + counts[9] >= 1
    assert len(pel.list_katalog(conn)) == 6


def test_succession_ranks_the_talent_pool_for_a_key_post(db: Database, org: Org) -> None:
    from app.models.kompetensi import suksesi

    with_standards(db, org)
    ani, budi, dewi = pegawai(db, "Ani"), pegawai(db, "Budi"), pegawai(db, "Dewi")
    for pid, predikat in ((ani, "SANGAT_BAIK"), (budi, "SANGAT_BAIK"), (dewi, "SANGAT_BAIK")):
        add_skp(db, pid, 2025, predikat)
    add_skp(db, ani, 2024, "BAIK")
    add_skp(db, budi, 2024, "SANGAT_BAIK")
    add_skp(db, pegawai(db, "Kabid"), 2025, "SANGAT_BAIK")
    nilai.record_nilai(db, pegawai(db, "Kabid"), "2026-03-01", {}, potensi=3)
    posts = suksesi.list_jabatan_kunci(db.conn)
    assert [(p.nama, p.pemangku) for p in posts] == [("Kepala Bidang Layanan", ("Kabid",))]
    calon = suksesi.list_calon(db.conn, org.kabid)
    assert [(c.peringkat, c.nama, c.kotak, c.kekurangan, c.kesiapan) for c in calon] == [
        (1, "Budi", 9, 0, "SIAP"),
        (2, "Ani", 8, 1, "SATU_DUA_TAHUN"),
    ]  # Dewi: potential low, not in the pool; Kabid holds the post
    assert calon[0].catatan == ("golongan II/d di bawah syarat III/d",)  # shown, not filtered
    assert suksesi.list_calon(db.conn, org.kadis) == []  # no standard yet


def test_a_unit_operator_records_assessments_of_their_own_people_only(
    db: Database, org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argon2 import PasswordHasher

    from app.models.access import akun
    from app.models.access.akses import Hak, Peran
    from app.models.errors import AccessDenied
    from app.models.pelatihan import acara as pel

    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    sandi = "kopi pagi di kantor"
    admin = akun.create_admin_pertama(db, "admin", "Admin", sandi)
    akun.create_akun(db, "op.bidang", "Op", sandi, [Hak(Peran.OPERATOR, org.bidang)], actor=admin)
    op = akun.masuk(db, "op.bidang", sandi)
    nilai.record_nilai(db, pegawai(db, "Ani"), "2026-03-01", {"M.01": 3}, actor=op)
    with pytest.raises(AccessDenied):
        nilai.record_nilai(db, pegawai(db, "Kadis"), "2026-03-01", {"M.01": 3}, actor=op)
    sheet = _write(
        tmp_path / "ac.csv",
        ["NIP;Tanggal;M.01", f"{nip(db, 'Budi')};2026-03-02;3", f"{nip(db, 'Kadis')};2026-03-02;4"],
    )
    plan = nilai.plan_impor_nilai(db, sheet, actor=op)
    assert plan.ok
    with pytest.raises(AccessDenied):  # Kadis is outside the unit: the whole sheet is refused
        nilai.apply_impor_nilai(db, plan, actor=op)
    assert pegawai(db, "Budi") not in nilai.held_levels(db.conn)
    # Standards and training events are whole-agency matters.
    with pytest.raises(AccessDenied):
        standar.set_standar(db, org.analis, {"M.01": 2}, actor=op)
    with pytest.raises(AccessDenied):
        pel.create_katalog(db, "X", jp=8, actor=op)
