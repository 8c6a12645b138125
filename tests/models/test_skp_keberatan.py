"""SKP penetapan by the pejabat penilai, the keberatan to the atasan pejabat penilai (PP 30/2019
Ps. 59: within 14 days, decided by the atasan, final), paper results, the years known only from
the SKP history, and the pola distribusi per capaian kinerja organisasi (asn-rules 4.4, 4.5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.errors import AccessDenied, ValidationError
from app.models.pegawai import history as riwayat
from app.models.rules import skp as rules
from app.models.skp import bulk, pengaturan, progress, read, workflow, write
from app.models.skp.types import HasilKerjaData, IndikatorData
from app.models.storage.db import Database
from tests.helpers.skp import Org, People, build_org, build_people

T = rules.Transisi
PLAN = [HasilKerjaData("Arsip tertata", indikator=[IndikatorData("Berkas", "1.000 berkas")])]
HARI = date(2027, 1, 10)  # the day of penetapan in these tests
LABELS = {
    "SANGAT_BAIK": "Sangat Baik",
    "BAIK": "Baik",
    "BUTUH_PERBAIKAN": "Butuh Perbaikan",
    "KURANG": "Kurang/Misconduct",
    "SANGAT_KURANG": "Sangat Kurang",
}


@pytest.fixture
def org(db: Database) -> Org:
    return build_org(db)


@pytest.fixture
def people(org: Org) -> People:
    return build_people(org)


def rated(db: Database, org: Org, people: People, hasil: str = "sesuai") -> str:
    skp_id = bulk.create_skp(db, org.ani, 2026, actor=people.operator)
    write.update_rencana(db, skp_id, PLAN, actor=people.operator)
    workflow.setujui_rencana(db, skp_id, actor=people.penilai)
    workflow.ajukan(db, skp_id, actor=people.pemilik)
    workflow.nilai(db, skp_id, hasil, "sesuai", actor=people.penilai)
    return skp_id


def ditetapkan(db: Database, org: Org, people: People, hasil: str = "sesuai") -> str:
    skp_id = rated(db, org, people, hasil)
    workflow.tetapkan(db, skp_id, actor=people.penilai, hari_ini=HARI)
    return skp_id


def state(db: Database, skp_id: str) -> tuple[str, int]:
    row = db.conn.execute("SELECT status, terkunci FROM skp WHERE id = ?", (skp_id,)).fetchone()
    return row[0], row[1]


def history_predikat(db: Database, pegawai_id: str, tahun: int = 2026) -> str:
    return str(
        db.conn.execute(
            "SELECT predikat_kode FROM riwayat_skp WHERE id = ?",
            (riwayat.skp_id(pegawai_id, tahun),),
        ).fetchone()[0]
    )


# -- penetapan by the pejabat penilai -------------------------------------------------------------


def test_the_penilai_ditetapkan_and_the_window_opens(
    db: Database, org: Org, people: People
) -> None:
    skp_id = rated(db, org, people)
    with pytest.raises(AccessDenied, match=r"kadis tidak berhak menetapkan SKP ini\. Yang berhak: "
                       r"pejabat penilai"):  # fmt: skip
        workflow.tetapkan(db, skp_id, actor=people.atasan)
    assert workflow.tetapkan(db, skp_id, actor=people.penilai, hari_ini=HARI) == "2027-01-24"
    assert state(db, skp_id) == ("ditetapkan", 1)
    assert read.skp_info(db.conn, skp_id).batas_keberatan == "2027-01-24"
    assert history_predikat(db, org.ani) == "BAIK"
    last = read.get_skp(db.conn, skp_id).riwayat[-1]
    assert (last.aksi, last.pelaku, last.catatan) == (
        "tetapkan",
        "kabid",
        "masa keberatan sampai 24 Januari 2027",
    )


def test_the_window_follows_the_reference_row(db: Database, org: Org, people: People) -> None:
    db.conn.execute("UPDATE ref_tenggat_skp SET hari = 7 WHERE kode = 'KEBERATAN'")
    skp_id = rated(db, org, people)
    assert workflow.tetapkan(db, skp_id, actor=people.penilai, hari_ini=HARI) == "2027-01-17"


# -- the keberatan ---------------------------------------------------------------------------------


def test_keberatan_by_the_employee_then_kept_by_the_atasan(
    db: Database, org: Org, people: People
) -> None:
    skp_id = ditetapkan(db, org, people)
    with pytest.raises(ValidationError, match="alasan keberatan"):
        workflow.ajukan_keberatan(db, skp_id, " ", actor=people.pemilik, hari_ini=HARI)
    workflow.ajukan_keberatan(
        db, skp_id, "Target tercapai 120%", actor=people.pemilik, hari_ini=date(2027, 1, 24)
    )
    assert state(db, skp_id) == ("keberatan", 1)
    row = db.conn.execute(
        "SELECT alasan, tanggal, pengaju, predikat_awal, putusan FROM skp_keberatan "
        "WHERE skp_id = ?",
        (skp_id,),
    ).fetchone()
    assert tuple(row) == ("Target tercapai 120%", "2027-01-24", "ani", "BAIK", None)
    for who in (people.penilai, people.operator, people.admin, people.orang):
        with pytest.raises(AccessDenied, match="Keberatan hanya diputus oleh atasan pejabat"):
            workflow.putus_keberatan(db, skp_id, "atas", "sesuai", "x", actor=who)
    with pytest.raises(AccessDenied, match="tidak dapat memutus keberatan atas SKP miliknya"):
        workflow.putus_keberatan(db, skp_id, "atas", "sesuai", "x", actor=people.pemilik)
    with pytest.raises(ValidationError, match="alasan putusan keberatan"):
        workflow.putus_keberatan(db, skp_id, "sesuai", "sesuai", "", actor=people.atasan)
    kode = workflow.putus_keberatan(
        db, skp_id, "sesuai", "sesuai", "Realisasi sesuai target", actor=people.atasan
    )
    assert kode == "BAIK" and state(db, skp_id) == ("final", 1)
    row = db.conn.execute(
        "SELECT putusan, predikat_akhir, alasan_putusan, pemutus FROM skp_keberatan"
    ).fetchone()
    assert tuple(row) == ("TETAP", "BAIK", "Realisasi sesuai target", "kadis")
    steps = [(r.aksi, r.dari, r.ke, r.pelaku) for r in read.get_skp(db.conn, skp_id).riwayat][-2:]
    assert steps == [
        ("keberatan", "ditetapkan", "keberatan", "ani"),
        ("putus_keberatan", "keberatan", "final", "kadis"),
    ]
    audit = [r[0] for r in db.conn.execute("SELECT aksi FROM lokal_audit ORDER BY no")]
    assert any(a.startswith("Mengajukan keberatan atas SKP 2026") for a in audit)
    assert any(a.startswith("Memutus keberatan atas SKP 2026") for a in audit)


def test_keberatan_by_the_operator_changed_by_the_atasan_updates_the_history(
    db: Database, org: Org, people: People
) -> None:
    skp_id = ditetapkan(db, org, people, hasil="bawah")
    assert history_predikat(db, org.ani) == "BUTUH_PERBAIKAN"
    workflow.ajukan_keberatan(
        db, skp_id, "Surat keberatan pegawai", actor=people.operator, hari_ini=HARI
    )
    kode = workflow.putus_keberatan(
        db, skp_id, "atas", "atas", "Bukti kinerja lengkap", actor=people.atasan
    )
    assert kode == "SANGAT_BAIK"
    record = read.get_skp(db.conn, skp_id)
    assert (record.rating_hasil, record.rating_perilaku, record.predikat_kode) == (
        "ATAS",
        "ATAS",
        "SANGAT_BAIK",
    )
    assert history_predikat(db, org.ani) == "SANGAT_BAIK"
    assert record.riwayat[-1].catatan == (
        "penilaian diubah menjadi predikat Sangat Baik: Bukti kinerja lengkap"
    )
    assert db.conn.execute("SELECT putusan, pengaju FROM skp_keberatan").fetchone()[:] == (
        "UBAH",
        "op_dinas",
    )


def test_keberatan_refusals_name_the_reason(db: Database, org: Org, people: People) -> None:
    skp_id = rated(db, org, people)
    with pytest.raises(ValidationError, match="belum ditetapkan pejabat penilai \\(status Dinilai"):
        workflow.ajukan_keberatan(db, skp_id, "x", actor=people.pemilik, hari_ini=HARI)
    workflow.tetapkan(db, skp_id, actor=people.penilai, hari_ini=HARI)
    for who in (people.penilai, people.atasan, people.operator_lain, people.rekan):
        with pytest.raises(AccessDenied, match="tidak berhak mengajukan keberatan atas"):
            workflow.ajukan_keberatan(db, skp_id, "x", actor=who, hari_ini=HARI)
    with pytest.raises(ValidationError, match="sudah berakhir pada 24 Januari 2027"):
        workflow.ajukan_keberatan(db, skp_id, "x", actor=people.pemilik, hari_ini=date(2027, 1, 25))
    with pytest.raises(ValidationError, match="tidak ada keberatan yang menunggu putusan"):
        workflow.putus_keberatan(db, skp_id, "atas", "atas", "x", actor=people.atasan)
    workflow.ajukan_keberatan(db, skp_id, "x", actor=people.pemilik, hari_ini=HARI)
    with pytest.raises(ValidationError, match="keberatan hanya sekali"):
        workflow.ajukan_keberatan(db, skp_id, "lagi", actor=people.operator, hari_ini=HARI)
    with pytest.raises(ValidationError, match="berstatus Keberatan; membuka kembali hanya"):
        workflow.buka_kembali(db, skp_id, "x", actor=people.admin)  # not while pending
    workflow.putus_keberatan(db, skp_id, "sesuai", "sesuai", "tetap", actor=people.atasan)
    for attempt in (
        lambda: workflow.ajukan_keberatan(db, skp_id, "x", actor=people.pemilik, hari_ini=HARI),
        lambda: workflow.putus_keberatan(db, skp_id, "atas", "atas", "x", actor=people.atasan),
        lambda: workflow.buka_kembali(db, skp_id, "koreksi", actor=people.admin),
        lambda: workflow.buka_kembali(db, skp_id, "koreksi", actor="sistem"),
        lambda: workflow.catat_hasil(db, org.ani, 2026, actor="sistem", predikat_kode="BAIK"),
    ):
        with pytest.raises(ValidationError, match="sudah final"):
            attempt()
    refused = [
        r[0]
        for r in db.conn.execute(
            "SELECT keterangan FROM lokal_audit WHERE aksi = 'Akses ditolak' ORDER BY no"
        )
    ]
    assert any("skp.keberatan: Masa keberatan SKP tahun 2026 sudah berakhir" in r for r in refused)


def test_no_keberatan_without_an_atasan_penilai(db: Database, org: Org, people: People) -> None:
    skp_id = bulk.create_skp(db, org.kabid, 2026, actor=people.operator)  # Kadis has no superior
    write.update_rencana(db, skp_id, PLAN, actor="sistem")
    for fn in (workflow.setujui_rencana, workflow.ajukan):
        fn(db, skp_id, actor="sistem")
    workflow.nilai(db, skp_id, "sesuai", "sesuai", actor="sistem")
    workflow.tetapkan(db, skp_id, actor="sistem", hari_ini=HARI)
    with pytest.raises(ValidationError, match="belum mencatat atasan pejabat penilai"):
        workflow.ajukan_keberatan(db, skp_id, "x", actor="sistem", hari_ini=HARI)


@settings(max_examples=40, deadline=None)
@given(
    days=st.integers(min_value=0, max_value=60),
    offset=st.integers(min_value=-400, max_value=400),
    role=st.sampled_from(["operator", "pemilik", "admin", "penilai", "atasan", "sistem"]),
)
def test_a_keberatan_outside_the_window_is_always_refused(
    days: int, offset: int, role: str
) -> None:
    """Pure rule: whoever asks, on a day after the window the answer is no (a 'status'
    refusal naming the last day); inside it, exactly the employee and the operator may."""
    org = Org(*(f"id-{n}" for n in range(13)))
    people = build_people(org)
    pelaku = rules.Pelaku.system() if role == "sistem" else getattr(people, role)
    batas = HARI + timedelta(days=days)
    info = rules.SkpInfo(
        id="x",
        pegawai_id=org.ani,
        tahun=2026,
        status="ditetapkan",
        terkunci=True,
        penilai_id=org.kabid,
        atasan_penilai_id=org.kadis,
        unit_path=frozenset({org.bidang, org.dinas}),
        batas_keberatan=batas.isoformat(),
    )
    today = HARI + timedelta(days=offset)
    verdict = rules.may(pelaku, info, T.KEBERATAN, today)
    if today > batas:
        assert not verdict and verdict.jenis == "status" and "sudah berakhir" in verdict.alasan
    else:
        assert bool(verdict) == (role in ("operator", "pemilik", "admin", "sistem"))


# -- paper results --------------------------------------------------------------------------------


def test_paper_result_creates_a_ditetapkan_skp(db: Database, org: Org, people: People) -> None:
    with pytest.raises(AccessDenied, match="op_lain tidak berhak mencatat hasil penilaian"):
        workflow.catat_hasil(db, org.staf, 2025, actor=people.operator_lain, predikat_kode="BAIK")
    with pytest.raises(AccessDenied):
        workflow.catat_hasil(db, org.staf, 2025, actor=people.penilai, predikat_kode="BAIK")
    with pytest.raises(ValidationError, match="tidak sesuai dengan rating hasil Di Atas"):
        workflow.catat_hasil(db, org.staf, 2025, actor=people.operator, rating_hasil="atas",
                             rating_perilaku="atas", predikat_kode="BAIK")  # fmt: skip
    with pytest.raises(ValidationError, match="Predikat 'luar biasa' tidak dikenal"):
        workflow.catat_hasil(db, org.staf, 2025, actor=people.operator, predikat_kode="luar biasa")
    with pytest.raises(ValidationError, match="bersama-sama"):
        workflow.catat_hasil(db, org.staf, 2025, actor=people.operator, rating_hasil="atas")
    skp_id = workflow.catat_hasil(
        db,
        org.staf,
        2025,
        actor=people.operator,
        rating_hasil="atas",
        rating_perilaku="sesuai",
        penilai_id=org.kabid,
        tanggal_penetapan=date(2026, 1, 15),
        hari_ini=HARI,
    )
    info = read.skp_info(db.conn, skp_id)
    assert (info.status, info.terkunci, info.penilai_id, info.atasan_penilai_id) == (
        "ditetapkan",
        True,
        org.kabid,
        org.kadis,
    )
    assert info.batas_keberatan == "2026-01-29"
    assert history_predikat(db, org.staf, 2025) == "BAIK"
    last = read.get_skp(db.conn, skp_id).riwayat[-1]
    assert (last.aksi, last.dari, last.ke) == ("catat_hasil", "belum", "ditetapkan")
    with pytest.raises(ValidationError, match="tidak dapat dicatat ulang"):
        workflow.catat_hasil(db, org.staf, 2025, actor=people.operator, predikat_kode="BAIK")
    # A predikat alone (older paper forms), closing an SKP still in draft.
    draft = bulk.create_skp(db, org.budi, 2026, actor=people.operator)
    assert workflow.catat_hasil(
        db, org.budi, 2026, actor=people.operator, predikat_kode="butuh perbaikan",
        penilai_nama="Pensiunan", penilai_nip="196001011980031001", hari_ini=HARI,
    ) == draft  # fmt: skip
    assert state(db, draft) == ("ditetapkan", 1)
    row = db.conn.execute(
        "SELECT predikat_kode, rating_hasil, penilai_nama FROM riwayat_skp WHERE id = ?",
        (riwayat.skp_id(org.budi, 2026),),
    ).fetchone()
    assert tuple(row) == ("BUTUH_PERBAIKAN", None, "Pensiunan")
    with pytest.raises(ValidationError, match="belum lewat"):
        workflow.catat_hasil(db, org.ani, 2026, actor=people.operator, predikat_kode="BAIK",
                             tanggal_penetapan=HARI + timedelta(days=1), hari_ini=HARI)  # fmt: skip


# -- the years known only from the SKP history ---------------------------------------------------


def test_history_rows_count_as_ditetapkan(db: Database, org: Org, people: People) -> None:
    for pid, kode in ((org.ani, "BAIK"), (org.budi, "SANGAT_BAIK"), (org.orang_lain, "KURANG")):
        riwayat.add_history(db, pid, "skp", {"tahun": 2025, "predikat_kode": kode}, actor="impor")
    bulk.create_skp(db, org.staf, 2025, actor=people.operator)
    agency = progress.kemajuan(db.conn, 2025)
    dinas = {b.unit: b for b in agency.baris}["Dinas Arsip"]
    assert (dinas.pegawai, dinas.belum, dinas.draft, dinas.ditetapkan, dinas.dari_riwayat) == (
        5,
        2,
        1,
        2,
        2,
    )
    assert agency.total.ditetapkan == 3 and agency.total.belum == 2
    assert agency.total.predikat["SANGAT_BAIK"] == 1 and agency.total.predikat["KURANG"] == 1
    rows = {r.nama: r for r in progress.list_skp(db.conn, 2025, status="ditetapkan")}
    assert set(rows) == {"Ani", "Budi", "Orang Lain"}
    assert (rows["Ani"].sumber, rows["Ani"].predikat, rows["Ani"].skp_id) == (
        "riwayat",
        "Baik",
        None,
    )
    belum = {r.nama for r in progress.list_skp(db.conn, 2025, status=rules.BELUM)}
    assert belum == {"Kadis", "Kabid"}
    # An SKP of the year takes precedence over the history row.
    riwayat.add_history(db, org.staf, "skp", {"tahun": 2025, "predikat_kode": "BAIK"}, actor="x")
    assert {r.nama: r.status for r in progress.list_skp(db.conn, 2025)}["Staf"] == "draft"
    # A retired employee with a history row of the year still counts for that year.
    db.conn.execute("UPDATE pegawai_ringkas SET kedudukan = 'PENSIUN' WHERE pegawai_id = ?",
                    (org.orang_lain,))  # fmt: skip
    assert "Orang Lain" in {r.nama for r in progress.list_skp(db.conn, 2025)}


# -- the pola distribusi per capaian kinerja organisasi --------------------------------------------


def test_distribution_is_checked_against_the_units_capaian(
    db: Database, org: Org, people: People
) -> None:
    for pid in (org.ani, org.budi, org.staf):
        riwayat.add_history(db, pid, "skp", {"tahun": 2025, "predikat_kode": "BAIK"}, actor="x")
    assert all(not b.peringatan for b in progress.kemajuan(db.conn, 2025).baris)  # none recorded
    with pytest.raises(AccessDenied, match="capaian kinerja organisasi dicatat oleh admin"):
        pengaturan.update_capaian_organisasi(db, org.dinas, 2025, "BAIK", actor=people.operator)
    with pytest.raises(ValidationError, match="'hebat' tidak dikenal"):
        pengaturan.update_capaian_organisasi(db, org.dinas, 2025, "hebat", actor=people.admin)
    pengaturan.update_capaian_organisasi(db, org.dinas, 2025, "baik", actor=people.admin)
    data = progress.kemajuan(db.conn, 2025)
    dinas = {b.unit: b for b in data.baris}["Dinas Arsip"]
    assert dinas.capaian == "BAIK"
    assert dinas.peringatan == (
        "Baik 100% (3 dari 3); pola distribusi membolehkan paling banyak 70%.",
        "Belum ada pegawai berpredikat Butuh Perbaikan dan/atau Kurang/Misconduct; pola "
        "distribusi meminta sedikitnya 1 orang.",
    )
    inside = progress.kemajuan(db.conn, 2025, org.dinas)
    assert inside.capaian == "BAIK" and inside.total.peringatan == dinas.peringatan
    pengaturan.update_capaian_organisasi(db, org.dinas, 2025, None, actor=people.admin)
    assert pengaturan.capaian_organisasi(db.conn, 2025) == {}


# Examples of asn-rules 4.5: (capaian, distribution, number of warnings).
DISTRIBUSI_45 = [
    ("ISTIMEWA", {"SANGAT_BAIK": 7, "BAIK": 3}, 0),
    ("ISTIMEWA", {"SANGAT_BAIK": 8, "BAIK": 2}, 1),
    ("BAIK", {"SANGAT_BAIK": 1, "BAIK": 7, "BUTUH_PERBAIKAN": 1, "KURANG": 1}, 0),
    ("BAIK", {"BAIK": 7, "SANGAT_BAIK": 3}, 1),  # no Butuh Perbaikan / Kurang at all
    ("BUTUH_PERBAIKAN", {"BUTUH_PERBAIKAN": 6, "BAIK": 3, "SANGAT_BAIK": 1}, 0),
    ("BUTUH_PERBAIKAN", {"BUTUH_PERBAIKAN": 5, "BAIK": 3, "SANGAT_BAIK": 2}, 2),
    ("KURANG", {"KURANG": 6, "BUTUH_PERBAIKAN": 1, "BAIK": 3}, 0),
    ("KURANG", {"KURANG": 6, "BAIK": 4}, 1),
    ("SANGAT_KURANG", {"SANGAT_KURANG": 6, "KURANG": 1, "BUTUH_PERBAIKAN": 1, "BAIK": 2}, 0),
    ("SANGAT_KURANG", {"SANGAT_KURANG": 6, "BAIK": 3, "SANGAT_BAIK": 1}, 2),
]


@pytest.mark.parametrize(("capaian", "jumlah", "n"), DISTRIBUSI_45)
def test_curve_examples_of_45(db: Database, capaian: str, jumlah: dict[str, int], n: int) -> None:
    aturan = pengaturan.aturan_kurva(db.conn)[capaian]
    assert len(rules.check_distribusi(aturan, jumlah, LABELS)) == n


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(st.sampled_from(list(LABELS)), st.integers(min_value=0, max_value=50)))
def test_istimewa_warns_exactly_above_70_percent_sangat_baik(jumlah: dict[str, int]) -> None:
    aturan = [rules.AturanKurva("ISTIMEWA", ("SANGAT_BAIK",), persen_maks=70)]
    total = sum(jumlah.values())
    warned = bool(rules.check_distribusi(aturan, jumlah, LABELS))
    assert warned == (total > 0 and jumlah.get("SANGAT_BAIK", 0) * 100 > 70 * total)
