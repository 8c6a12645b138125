"""SKP (PermenPANRB 6/2022): the predikat matrix, the default appraiser from the position tree,
the state machine with rights per role, locking and reopening, carry-forward, peer feedback,
the results flow into riwayat_skp and the progress counts, against a small organisation whose
answers are known by hand."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied, NotFoundError, ValidationError
from app.models.pegawai import history as riwayat
from app.models.reference.loader import Referensi
from app.models.rules import skp as rules
from app.models.skp import (
    bulk,
    guard,
    pengaturan,
    penilai,
    progress,
    read,
    workflow,
    write,
)
from app.models.skp.types import HasilKerjaData, HasilMassal, IndikatorData
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.skp import Org, People, add_person, build_org, build_people, make_position  # noqa: F401

# -- a small organisation -------------------------------------------------------------------------


@pytest.fixture
def org(db: Database) -> Org:
    return build_org(db)


@pytest.fixture
def people(org: Org) -> People:
    return build_people(org)


PLAN = [
    HasilKerjaData(
        "Tertatanya arsip dinamis",
        indikator=[IndikatorData("Jumlah berkas ditata", "1.000 berkas")],
    ),
    HasilKerjaData(
        "Terlaksananya layanan konsultasi",
        jenis="TAMBAHAN",
        indikator=[IndikatorData("Konsultasi dilayani", "50 kali")],
    ),
]


def planned(db: Database, org: Org, people: People, tahun: int = 2026) -> str:
    skp_id = bulk.create_skp(db, org.ani, tahun, actor=people.operator)
    write.update_rencana(
        db, skp_id, PLAN, {"AKUNTABEL": "Laporan tepat waktu"}, actor=people.operator
    )
    return skp_id


def approved(db: Database, org: Org, people: People, tahun: int = 2026) -> str:
    """A planned SKP whose plan the pejabat penilai approved."""
    skp_id = planned(db, org, people, tahun)
    workflow.setujui_rencana(db, skp_id, actor=people.penilai)
    return skp_id


def state(db: Database, skp_id: str) -> tuple[str, int]:
    row = db.conn.execute("SELECT status, terkunci FROM skp WHERE id = ?", (skp_id,)).fetchone()
    return row[0], row[1]


def refusals(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.conn.execute(
            "SELECT keterangan FROM lokal_audit WHERE aksi = 'Akses ditolak' ORDER BY no"
        )
    ]


# -- the predikat matrix (asn-rules 4.2) ----------------------------------------------------------

# Written out from the table in asn-rules.md 4.2, not from reference_data.
MATRIX_4_2 = [
    ("ATAS", "BAWAH", "KURANG"),
    ("ATAS", "SESUAI", "BAIK"),
    ("ATAS", "ATAS", "SANGAT_BAIK"),
    ("SESUAI", "BAWAH", "KURANG"),
    ("SESUAI", "SESUAI", "BAIK"),
    ("SESUAI", "ATAS", "BAIK"),
    ("BAWAH", "BAWAH", "SANGAT_KURANG"),
    ("BAWAH", "SESUAI", "BUTUH_PERBAIKAN"),
    ("BAWAH", "ATAS", "BUTUH_PERBAIKAN"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "expected"), MATRIX_4_2)
def test_predikat_follows_the_matrix_in_all_nine_cells(
    db: Database, hasil: str, perilaku: str, expected: str
) -> None:
    ref = Referensi.load(db.conn)
    assert rules.predikat(ref, hasil, perilaku) == expected
    assert rules.predikat(ref, hasil.lower(), perilaku.lower()) == expected


def test_predikat_refuses_an_unknown_rating(db: Database) -> None:
    with pytest.raises(ValidationError, match="'luar biasa' tidak dikenal") as exc:
        rules.predikat(Referensi.load(db.conn), "luar biasa", "atas")
    assert exc.value.field == "rating_hasil"


def test_predikat_reads_the_matrix_from_the_reference_table(db: Database) -> None:
    row_id = db.conn.execute(
        "SELECT id FROM ref_matriks_predikat WHERE kode = 'SESUAI|ATAS'"
    ).fetchone()[0]
    with Store(db).write("uji") as tx:
        tx.update("ref_matriks_predikat", row_id, {"predikat_kode": "SANGAT_BAIK"})
    assert rules.predikat(Referensi.load(db.conn), "sesuai", "atas") == "SANGAT_BAIK"


# -- the appraiser from the position tree ---------------------------------------------------------


def test_default_appraiser_is_the_holder_of_the_superior_position(db: Database, org: Org) -> None:
    assert penilai.atasan_langsung(db.conn, org.ani) == (org.kabid, org.kadis)
    assert penilai.atasan_langsung(db.conn, org.kabid) == (org.kadis, None)
    assert penilai.atasan_langsung(db.conn, org.kadis) == (None, None)
    # Kasi is vacant: the staff of the Seksi are appraised by the Kabid.
    assert penilai.atasan_langsung(db.conn, org.staf) == (org.kabid, org.kadis)


def test_created_skp_carries_the_default_appraiser_and_a_chosen_one_sticks(
    db: Database, org: Org, people: People
) -> None:
    skp_id = bulk.create_skp(db, org.ani, 2026, actor=people.operator)
    assert skp_id == read.skp_id_for(org.ani, 2026)
    info = read.skp_info(db.conn, skp_id)
    assert (info.penilai_id, info.atasan_penilai_id, info.status) == (org.kabid, org.kadis, "draft")
    chosen = bulk.create_skp(db, org.budi, 2026, actor=people.operator, penilai_id=org.kadis)
    assert read.skp_info(db.conn, chosen).penilai_id == org.kadis
    write.ganti_penilai(db, skp_id, org.kadis, actor=people.operator)
    info = read.skp_info(db.conn, skp_id)
    assert (info.penilai_id, info.atasan_penilai_id) == (org.kadis, None)
    with pytest.raises(ValidationError, match="sudah punya SKP tahun 2026"):
        bulk.create_skp(db, org.ani, 2026, actor=people.operator)
    with pytest.raises(ValidationError, match="SKP-nya sendiri"):
        write.ganti_penilai(db, skp_id, org.ani, actor=people.operator)


# -- the whole flow and the results ---------------------------------------------------------------


def test_flow_plan_submit_rate_approve_lands_in_riwayat_skp(
    db: Database, org: Org, people: People
) -> None:
    skp_id = approved(db, org, people)
    record = read.get_skp(db.conn, skp_id)
    ind = record.hasil_kerja[0].indikator[0]
    write.isi_realisasi(
        db, skp_id, {ind.id: ("1.050 berkas", "Berita acara penataan")}, actor=people.pemilik
    )
    workflow.ajukan(db, skp_id, actor=people.pemilik)
    assert state(db, skp_id) == ("diajukan", 0)
    kode = workflow.nilai(
        db,
        skp_id,
        "atas",
        "atas",
        actor=people.penilai,
        umpan_balik={"AKUNTABEL": "Selalu tepat waktu"},
        umpan_balik_hasil={record.hasil_kerja[0].id: "Melampaui target"},
        catatan="Pertahankan",
    )
    assert kode == "SANGAT_BAIK" and state(db, skp_id) == ("dinilai", 0)
    workflow.tetapkan(db, skp_id, actor=people.penilai)
    assert state(db, skp_id) == ("ditetapkan", 1)

    rows = db.conn.execute(
        "SELECT id, tahun, rating_hasil, rating_perilaku, predikat_kode, penilai_nama "
        "FROM riwayat_skp WHERE pegawai_id = ? AND deleted = 0",
        (org.ani,),
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        (riwayat.skp_id(org.ani, 2026), 2026, "ATAS", "ATAS", "SANGAT_BAIK", "Kabid")
    ]
    record = read.get_skp(db.conn, skp_id)
    assert record.hasil_kerja[0].indikator[0].realisasi == "1.050 berkas"
    assert record.hasil_kerja[0].indikator[0].bukti == "Berita acara penataan"
    assert record.hasil_kerja[0].umpan_balik == "Melampaui target"
    akuntabel = next(p for p in record.perilaku if p.nilai_kode == "AKUNTABEL")
    assert (akuntabel.ekspektasi, akuntabel.umpan_balik) == (
        "Laporan tepat waktu",
        "Selalu tepat waktu",
    )
    assert [(r.aksi, r.dari, r.ke, r.pelaku) for r in record.riwayat] == [
        ("setujui_rencana", "draft", "disetujui", "kabid"),
        ("ajukan", "disetujui", "diajukan", "ani"),
        ("nilai", "diajukan", "dinilai", "kabid"),
        ("tetapkan", "dinilai", "ditetapkan", "kabid"),
    ]
    audit = [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT aksi, aktor FROM lokal_audit WHERE aksi LIKE '%SKP%' ORDER BY no"
        )
    ]
    nip = db.conn.execute("SELECT nip FROM pegawai WHERE id = ?", (org.ani,)).fetchone()[0]
    assert (f"Mengajukan SKP 2026 {nip}", "ani") in audit
    assert (f"Menilai SKP 2026 {nip}", "kabid") in audit
    assert (f"Menetapkan SKP 2026 {nip}", "kabid") in audit


def test_approval_merges_with_an_imported_history_row_of_the_same_year(
    db: Database, org: Org, people: People
) -> None:
    riwayat.add_history(db, org.ani, "skp", {"tahun": 2026, "predikat_kode": "BAIK"}, actor="impor")
    skp_id = approved(db, org, people)
    workflow.ajukan(db, skp_id, actor=people.operator)
    workflow.nilai(db, skp_id, "bawah", "sesuai", actor=people.penilai)
    workflow.tetapkan(db, skp_id, actor=people.penilai)
    rows = db.conn.execute(
        "SELECT predikat_kode FROM riwayat_skp WHERE pegawai_id = ? AND tahun = 2026 "
        "AND deleted = 0",
        (org.ani,),
    ).fetchall()
    assert [r[0] for r in rows] == ["BUTUH_PERBAIKAN"]


def test_submit_needs_a_plan_with_a_target(db: Database, org: Org, people: People) -> None:
    skp_id = bulk.create_skp(db, org.ani, 2026, actor=people.operator)
    with pytest.raises(ValidationError, match="belum dapat disetujui: isi dulu sedikitnya satu"):
        workflow.setujui_rencana(db, skp_id, actor=people.penilai)
    with pytest.raises(ValidationError, match="berstatus Draf; mengajukan hanya"):
        workflow.ajukan(db, skp_id, actor=people.operator)
    assert state(db, skp_id) == ("draft", 0)


def test_plan_validation_names_row_and_field(db: Database, org: Org, people: People) -> None:
    skp_id = bulk.create_skp(db, org.ani, 2026, actor=people.operator)
    bad = [
        HasilKerjaData("", indikator=[IndikatorData("")]),
        HasilKerjaData("x", jenis="LAIN"),
    ]
    with pytest.raises(ValidationError) as exc:
        write.update_rencana(db, skp_id, bad, actor=people.operator)
    assert exc.value.reasons == [
        "Hasil kerja 1: rencana hasil kerja wajib diisi.",
        "Hasil kerja 1, indikator 1: uraian indikator wajib diisi.",
        "Hasil kerja 2: jenis harus UTAMA atau TAMBAHAN.",
    ]
    assert read.get_skp(db.conn, skp_id).hasil_kerja == ()


def test_saving_the_plan_updates_adds_and_deletes_rows(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    data = read.rencana_data(read.get_skp(db.conn, skp_id))
    data[0].uraian = "Tertatanya arsip dinamis dan statis"
    data[0].indikator.append(IndikatorData("Ketepatan waktu", "Desember"))
    del data[1]
    write.update_rencana(db, skp_id, data, actor=people.pemilik)
    hk = read.get_skp(db.conn, skp_id).hasil_kerja
    assert [h.uraian for h in hk] == ["Tertatanya arsip dinamis dan statis"]
    assert [i.indikator for i in hk[0].indikator] == ["Jumlah berkas ditata", "Ketepatan waktu"]
    assert (
        db.conn.execute("SELECT count(*) FROM skp_hasil_kerja WHERE deleted = 1").fetchone()[0] == 1
    )


def test_result_may_support_a_result_of_the_appraisers_skp(
    db: Database, org: Org, people: People
) -> None:
    atasan_skp = bulk.create_skp(db, org.kabid, 2026, actor=people.operator)
    write.update_rencana(
        db, atasan_skp, [HasilKerjaData("Meningkatnya layanan arsip")], actor=people.operator
    )
    skp_id = bulk.create_skp(db, org.ani, 2026, actor=people.operator)
    ((link, text),) = read.hasil_kerja_atasan(db.conn, skp_id)
    assert text == "Meningkatnya layanan arsip"
    write.update_rencana(
        db, skp_id, [replace(PLAN[0], hasil_kerja_atasan_id=link)], actor=people.operator
    )
    assert read.get_skp(db.conn, skp_id).hasil_kerja[0].hasil_kerja_atasan == text
    other = bulk.create_skp(db, org.orang_lain, 2026, actor="sistem")
    with pytest.raises(ValidationError, match="tidak ada di SKP pejabat penilai"):
        write.update_rencana(
            db, other, [replace(PLAN[0], hasil_kerja_atasan_id=link)], actor="sistem"
        )


# -- rights per role ------------------------------------------------------------------------------

T = rules.Transisi
# transition -> state it is tried in -> the roles that may (everyone else is refused).
EXPECTED: dict[tuple[rules.Transisi, str], set[str]] = {
    (T.UBAH_RENCANA, "draft"): {"operator", "pemilik", "penilai", "admin"},
    (T.REALISASI, "draft"): {"operator", "pemilik", "admin"},
    (T.GANTI_PENILAI, "draft"): {"operator", "admin"},
    (T.MINTA_REKAN, "draft"): {"operator", "pemilik", "penilai", "admin"},
    (T.JAWAB_REKAN, "diajukan"): {"operator", "rekan", "admin"},
    (T.NILAI_PERIODIK, "diajukan"): {"penilai"},
    (T.SETUJUI_RENCANA, "draft"): {"penilai"},
    (T.REALISASI, "disetujui"): {"operator", "pemilik", "admin"},
    (T.AJUKAN, "disetujui"): {"operator", "pemilik", "admin"},
    (T.NILAI, "diajukan"): {"penilai"},
    (T.KEMBALIKAN, "disetujui"): {"penilai"},
    (T.KEMBALIKAN, "diajukan"): {"penilai"},
    (T.KEMBALIKAN, "dinilai"): {"penilai"},
    (T.TETAPKAN, "dinilai"): {"penilai"},
    (T.KEBERATAN, "ditetapkan"): {"operator", "pemilik", "admin"},
    (T.PUTUS_KEBERATAN, "keberatan"): {"atasan"},
    (T.CATAT_HASIL, "draft"): {"operator", "admin"},
    (T.CATAT_HASIL, "belum"): {"operator", "admin"},
    (T.BUKA_KEMBALI, "ditetapkan"): {"admin"},
}
ROLES = ("operator", "operator_lain", "pemilik", "penilai", "atasan", "admin", "rekan", "orang")


def _info(org: Org, status: str) -> rules.SkpInfo:
    return rules.SkpInfo(
        id="x",
        pegawai_id=org.ani,
        tahun=2026,
        status=status,
        terkunci=status in ("ditetapkan", "keberatan"),
        penilai_id=org.kabid,
        atasan_penilai_id=org.kadis,
        unit_path=frozenset({org.bidang, org.dinas}),
        rekan_ids=frozenset({org.budi}),
    )


@pytest.mark.parametrize(("transisi", "status"), list(EXPECTED))
def test_who_may_act_in_each_state(
    org: Org, people: People, transisi: rules.Transisi, status: str
) -> None:
    info = _info(org, status)
    for role in ROLES:
        verdict = rules.may(getattr(people, role), info, transisi)
        assert bool(verdict) == (role in EXPECTED[(transisi, status)]), (role, verdict.alasan)
        if not verdict:
            assert verdict.jenis == "peran"
            assert verdict.alasan.startswith("Akses ditolak: ")
            assert transisi.label in verdict.alasan
    assert rules.may(rules.Pelaku.system(), info, transisi)


def test_wrong_state_is_refused_for_everyone_with_the_state_named(org: Org, people: People) -> None:
    verdict = rules.may(people.penilai, _info(org, "draft"), T.NILAI)
    assert not verdict and verdict.jenis == "status"
    assert verdict.alasan == (
        "SKP ini berstatus Draf; menilai hanya dapat dilakukan pada SKP berstatus "
        "Diajukan, Dinilai."
    )
    assert not rules.may(rules.Pelaku.system(), _info(org, "draft"), T.TETAPKAN)


def test_nobody_rates_their_own_skp(org: Org) -> None:
    info = replace(_info(org, "diajukan"), penilai_id=org.ani)
    verdict = rules.may(rules.Pelaku("ani", pegawai_id=org.ani), info, T.NILAI)
    assert not verdict and "SKP miliknya sendiri" in verdict.alasan


def test_refusals_raise_clear_errors_and_are_audited(
    db: Database, org: Org, people: People
) -> None:
    skp_id = approved(db, org, people)
    with pytest.raises(AccessDenied) as exc:
        workflow.ajukan(db, skp_id, actor=people.operator_lain)
    assert str(exc.value) == (
        "Akses ditolak: op_lain tidak berhak mengajukan SKP ini. Yang berhak: operator "
        "kepegawaian unit pegawai atau pegawai yang dinilai."
    )
    with pytest.raises(ValidationError, match="berstatus Rencana disetujui; menilai hanya"):
        workflow.nilai(db, skp_id, "atas", "atas", actor=people.penilai)
    workflow.ajukan(db, skp_id, actor=people.operator)
    with pytest.raises(AccessDenied, match="Yang berhak: pejabat penilai"):
        workflow.nilai(db, skp_id, "atas", "atas", actor=people.atasan)
    with pytest.raises(AccessDenied, match="tidak berhak menilai"):
        workflow.nilai(db, skp_id, "atas", "atas", actor=people.admin)
    assert state(db, skp_id) == ("diajukan", 0)
    assert refusals(db) == [
        "skp.ajukan: Akses ditolak: op_lain tidak berhak mengajukan SKP ini. Yang berhak: "
        "operator kepegawaian unit pegawai atau pegawai yang dinilai.",
        "skp.nilai: SKP ini berstatus Rencana disetujui; menilai hanya dapat dilakukan pada SKP "
        "berstatus Diajukan, Dinilai.",
        "skp.nilai: Akses ditolak: kadis tidak berhak menilai SKP ini. Yang berhak: pejabat "
        "penilai.",
        "skp.nilai: Akses ditolak: admin tidak berhak menilai SKP ini. Yang berhak: pejabat "
        "penilai.",
    ]
    with pytest.raises(AccessDenied, match="membuat SKP untuk seluruh instansi"):
        bulk.create_massal(db, 2027, actor=people.operator)
    with pytest.raises(AccessDenied, match="membuat SKP untuk unit ini"):
        bulk.create_massal(db, 2027, actor=people.operator_lain, unit_id=org.bidang)
    with pytest.raises(AccessDenied):
        bulk.create_skp(db, org.budi, 2026, actor=people.operator_lain)


def test_the_appraiser_may_not_change_the_realisation(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    data = read.rencana_data(read.get_skp(db.conn, skp_id))
    data[0].indikator[0].realisasi = "2.000 berkas"
    with pytest.raises(AccessDenied, match="realisasi dan bukti diisi oleh pegawai"):
        write.update_rencana(db, skp_id, data, actor=people.penilai)
    data[0].indikator[0].realisasi = ""
    data[0].indikator[0].target = "1.200 berkas"  # the appraiser may change the plan itself
    write.update_rencana(db, skp_id, data, actor=people.penilai)
    assert read.get_skp(db.conn, skp_id).hasil_kerja[0].indikator[0].target == "1.200 berkas"


def test_signed_in_accounts_map_onto_the_rules(
    db: Database, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    akun.create_akun(db, "admin", "Admin", "sandi-rahasia-1", [Peran.ADMIN], actor="sistem")
    akun.create_akun(
        db,
        "opdinas",
        "Operator",
        "sandi-rahasia-2",
        [Hak(Peran.OPERATOR, org.dinas)],
        actor="sistem",
    )
    akun.create_akun(
        db,
        "kabid",
        "Kabid",
        "sandi-rahasia-3",
        [Peran.PEJABAT_PENILAI],
        actor="sistem",
        pegawai_id=org.kabid,
    )
    op, kabid = akun.sesi_untuk(db, "opdinas"), akun.sesi_untuk(db, "kabid")
    assert guard.pelaku_dari(db, op) == rules.Pelaku(
        "opdinas", operator_unit=frozenset({org.dinas})
    )
    skp_id = bulk.create_skp(db, org.ani, 2026, actor=op)
    write.update_rencana(db, skp_id, PLAN, actor=op)
    with pytest.raises(AccessDenied, match="opdinas tidak berhak menyetujui rencana"):
        workflow.setujui_rencana(db, skp_id, actor=op)
    workflow.setujui_rencana(db, skp_id, actor=kabid)
    workflow.ajukan(db, skp_id, actor=op)
    with pytest.raises(AccessDenied, match="opdinas tidak berhak menilai"):
        workflow.nilai(db, skp_id, "sesuai", "sesuai", actor=op)
    assert workflow.nilai(db, skp_id, "sesuai", "sesuai", actor=kabid) == "BAIK"
    writers = {r[0] for r in db.conn.execute("SELECT actor FROM lokal_batch WHERE ops IS NOT NULL")}
    assert {"opdinas", "kabid"} <= writers


# -- returning, locking, reopening ----------------------------------------------------------------


def test_return_for_correction_needs_a_reason(db: Database, org: Org, people: People) -> None:
    skp_id = approved(db, org, people)
    workflow.ajukan(db, skp_id, actor=people.operator)
    with pytest.raises(ValidationError, match="alasan pengembalian"):
        workflow.kembalikan(db, skp_id, "  ", actor=people.penilai)
    assert workflow.kembalikan(db, skp_id, "Bukti belum ada", actor=people.penilai) == "disetujui"
    workflow.ajukan(db, skp_id, actor=people.operator)
    workflow.nilai(db, skp_id, "sesuai", "atas", actor=people.penilai)
    with pytest.raises(AccessDenied):
        workflow.kembalikan(db, skp_id, "x", actor=people.operator)
    with pytest.raises(AccessDenied, match="Yang berhak: pejabat penilai"):
        workflow.kembalikan(db, skp_id, "x", actor=people.atasan)  # no routine second look
    assert workflow.kembalikan(db, skp_id, "Periksa lagi rating", actor=people.penilai) == (
        "diajukan"
    )
    workflow.kembalikan(db, skp_id, "Kembalikan", actor=people.penilai)
    assert workflow.kembalikan(db, skp_id, "Target belum terukur", actor=people.penilai) == "draft"
    notes = [r.catatan for r in read.get_skp(db.conn, skp_id).riwayat if r.aksi == "kembalikan"]
    assert notes == ["Bukti belum ada", "Periksa lagi rating", "Kembalikan", "Target belum terukur"]


def _snapshot(db: Database, skp_id: str) -> list[Any]:
    conn = db.conn
    rows: list[Any] = [tuple(conn.execute("SELECT * FROM skp WHERE id = ?", (skp_id,)).fetchone())]
    for sql in (
        "SELECT * FROM skp_hasil_kerja WHERE skp_id = ? ORDER BY id",
        "SELECT i.* FROM skp_indikator i JOIN skp_hasil_kerja h ON h.id = i.hasil_kerja_id "
        "WHERE h.skp_id = ? ORDER BY i.id",
        "SELECT * FROM skp_perilaku WHERE skp_id = ? ORDER BY id",
        "SELECT * FROM skp_umpan_balik_rekan WHERE skp_id = ? ORDER BY id",
        "SELECT * FROM skp_evaluasi WHERE skp_id = ? ORDER BY id",
        "SELECT * FROM skp_keberatan WHERE skp_id = ? ORDER BY id",
        "SELECT * FROM riwayat_skp WHERE id = (SELECT r.id FROM riwayat_skp r JOIN skp s "
        "ON s.pegawai_id = r.pegawai_id AND s.tahun = r.tahun WHERE s.id = ?)",
    ):
        rows += [tuple(r) for r in conn.execute(sql, (skp_id,))]
    return rows


def test_locked_skp_changes_only_after_a_recorded_reopening(
    db: Database, org: Org, people: People
) -> None:
    skp_id = approved(db, org, people)
    workflow.ajukan(db, skp_id, actor=people.operator)
    workflow.nilai(db, skp_id, "sesuai", "sesuai", actor=people.penilai)
    workflow.tetapkan(db, skp_id, actor=people.penilai)
    before = _snapshot(db, skp_id)
    for attempt in (
        lambda: write.update_rencana(db, skp_id, [], actor=people.operator),
        lambda: workflow.nilai(db, skp_id, "atas", "atas", actor=people.penilai),
        lambda: workflow.kembalikan(db, skp_id, "x", actor=people.atasan),
        lambda: write.ganti_penilai(db, skp_id, org.kadis, actor="sistem"),
        lambda: write.minta_umpan_balik(db, skp_id, [org.budi], actor="sistem"),
    ):
        with pytest.raises(ValidationError, match="sudah ditetapkan dan terkunci"):
            attempt()
    with pytest.raises(AccessDenied, match="Yang berhak: admin"):
        workflow.buka_kembali(db, skp_id, "Salah rating", actor=people.atasan)
    with pytest.raises(ValidationError, match="alasan membuka kembali"):
        workflow.buka_kembali(db, skp_id, "", actor=people.admin)
    assert _snapshot(db, skp_id) == before

    workflow.buka_kembali(db, skp_id, "Keberatan pegawai dikabulkan", actor=people.admin)
    assert state(db, skp_id) == ("dinilai", 0)
    assert workflow.nilai(db, skp_id, "atas", "atas", actor=people.penilai) == "SANGAT_BAIK"
    workflow.tetapkan(db, skp_id, actor=people.penilai)
    assert (
        db.conn.execute(
            "SELECT predikat_kode FROM riwayat_skp WHERE id = ?", (riwayat.skp_id(org.ani, 2026),)
        ).fetchone()[0]
        == "SANGAT_BAIK"
    )
    reopen = [r for r in read.get_skp(db.conn, skp_id).riwayat if r.aksi == "buka_kembali"]
    assert [(r.pelaku, r.catatan, r.dari, r.ke) for r in reopen] == [
        ("admin", "Keberatan pegawai dikabulkan", "ditetapkan", "dinilai")
    ]
    assert (
        db.conn.execute(
            "SELECT count(*) FROM lokal_audit WHERE aksi LIKE 'Membuka kembali SKP%' "
            "AND aktor = 'admin' "
            "AND keterangan LIKE 'Keberatan pegawai dikabulkan%'"
        ).fetchone()[0]
        == 1
    )


# -- bulk creation and carry-forward --------------------------------------------------------------


def test_bulk_creation_carries_the_plan_forward_when_the_position_is_unchanged(
    db: Database, org: Org, people: People
) -> None:
    first = bulk.create_massal(db, 2026, actor=people.admin, unit_id=org.dinas)
    assert first == HasilMassal(dibuat=5, dilanjutkan=0, sudah_ada=0)
    for pid in (org.ani, org.budi):
        skp_id = read.skp_id_for(pid, 2026)
        write.update_rencana(
            db, skp_id, PLAN, {"KOMPETEN": "Ikut pelatihan"}, actor=people.operator
        )
        record = read.get_skp(db.conn, skp_id)
        write.isi_realisasi(
            db,
            skp_id,
            {record.hasil_kerja[0].indikator[0].id: ("900", "foto")},
            actor=people.operator,
        )
    # Budi moves to another position from 2027.
    with Store(db).write("uji") as tx:
        tx.insert(
            "riwayat_jabatan",
            {"pegawai_id": org.budi, "jabatan_id": org.j_staf, "unit_id": org.seksi,
             "nama_jabatan": "Pengadministrasi", "jenis_kode": "JA", "tmt": "2027-01-01"},
        )  # fmt: skip
    second = bulk.create_massal(db, 2027, actor=people.operator, unit_id=org.bidang)
    assert second == HasilMassal(dibuat=4, dilanjutkan=1, sudah_ada=0)
    ani = read.get_skp(db.conn, read.skp_id_for(org.ani, 2027))
    assert [(h.uraian, h.jenis) for h in ani.hasil_kerja] == [(p.uraian, p.jenis) for p in PLAN]
    ind = ani.hasil_kerja[0].indikator[0]
    assert (ind.indikator, ind.target, ind.realisasi, ind.bukti) == (
        "Jumlah berkas ditata",
        "1.000 berkas",
        "",
        "",
    )
    assert (
        next(p for p in ani.perilaku if p.nilai_kode == "KOMPETEN").ekspektasi == "Ikut pelatihan"
    )
    assert read.get_skp(db.conn, read.skp_id_for(org.budi, 2027)).hasil_kerja == ()
    again = bulk.create_massal(db, 2027, actor=people.operator, unit_id=org.bidang)
    assert again == HasilMassal(dibuat=0, dilanjutkan=0, sudah_ada=4)


# -- peer feedback --------------------------------------------------------------------------------


def test_peer_feedback_is_requested_answered_and_shown_to_the_appraiser(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    assert write.minta_umpan_balik(db, skp_id, [org.budi, org.staf], actor=people.penilai) == 2
    assert write.minta_umpan_balik(db, skp_id, [org.budi], actor=people.penilai) == 0
    with pytest.raises(ValidationError, match="orang lain daripada pegawai"):
        write.minta_umpan_balik(db, skp_id, [org.ani], actor=people.penilai)
    workflow.setujui_rencana(db, skp_id, actor=people.penilai)
    workflow.ajukan(db, skp_id, actor=people.operator)
    write.isi_umpan_balik_rekan(
        db,
        skp_id,
        org.budi,
        {"HARMONIS": "Suka menolong", "KOLABORATIF": "Terbuka"},
        actor=people.rekan,
    )
    with pytest.raises(AccessDenied, match="hanya dapat mengisi umpan baliknya sendiri"):
        write.isi_umpan_balik_rekan(db, skp_id, org.staf, {"HARMONIS": "x"}, actor=people.rekan)
    with pytest.raises(AccessDenied):
        write.isi_umpan_balik_rekan(db, skp_id, org.budi, {"HARMONIS": "x"}, actor=people.orang)
    record = read.get_skp(db.conn, skp_id)
    harmonis = next(p for p in record.perilaku if p.nilai_kode == "HARMONIS")
    assert harmonis.rekan == (("Budi", "Suka menolong"),)
    assert [(r.nama, r.dijawab) for r in record.rekan] == [("Budi", True), ("Staf", False)]


# -- periods and the expected distribution --------------------------------------------------------


def test_periods_are_quarterly_or_monthly_per_year(db: Database, people: People) -> None:
    periods = pengaturan.update_periode(db, 2026, "triwulanan", actor=people.admin)
    assert [(p.jenis, p.ke, p.mulai, p.selesai) for p in periods[:2]] == [
        ("TAHUNAN", 0, "2026-01-01", "2026-12-31"),
        ("TRIWULAN", 1, "2026-01-01", "2026-03-31"),
    ]
    assert periods[-1].nama == "Triwulan IV 2026"
    pengaturan.update_periode(db, 2026, "BULANAN", actor=people.admin)
    stored = pengaturan.list_periode(db.conn, 2026)
    assert (
        len(stored) == 13
        and stored[2].selesai == "2026-02-28"
        and stored[2].nama == "Februari 2026"
    )
    assert (
        pengaturan.pola_periodik(db.conn, 2027) == "BULANAN"
    )  # carried to later years until changed
    with pytest.raises(ValidationError, match="TRIWULANAN atau BULANAN"):
        pengaturan.update_periode(db, 2026, "mingguan", actor=people.admin)
    with pytest.raises(AccessDenied):
        pengaturan.update_periode(db, 2026, "BULANAN", actor=people.operator)


def test_periodic_evaluation_by_the_appraiser(db: Database, org: Org, people: People) -> None:
    skp_id = planned(db, org, people)
    assert workflow.nilai_periodik(db, skp_id, 2, "sesuai", "atas", actor=people.penilai) == "BAIK"
    with pytest.raises(ValidationError, match="Periode ke-5 tidak ada"):
        workflow.nilai_periodik(db, skp_id, 5, "sesuai", "atas", actor=people.penilai)
    with pytest.raises(AccessDenied):
        workflow.nilai_periodik(db, skp_id, 1, "sesuai", "atas", actor=people.operator)
    assert [(e.jenis, e.ke, e.predikat_kode) for e in read.get_skp(db.conn, skp_id).evaluasi] == [
        ("TRIWULAN", 2, "BAIK")
    ]


# -- progress -------------------------------------------------------------------------------------


def test_progress_counts_states_and_predikat_per_unit(
    db: Database, org: Org, people: People
) -> None:
    ani = approved(db, org, people)
    budi = bulk.create_skp(db, org.budi, 2026, actor=people.operator)
    write.update_rencana(db, budi, PLAN, actor=people.operator)
    workflow.setujui_rencana(db, budi, actor=people.penilai)
    bulk.create_skp(db, org.staf, 2026, actor=people.operator)
    for skp_id, hasil in ((ani, "atas"), (budi, "bawah")):
        workflow.ajukan(db, skp_id, actor=people.operator)
        workflow.nilai(db, skp_id, hasil, "atas", actor=people.penilai)
    workflow.tetapkan(db, ani, actor=people.penilai)

    agency = progress.kemajuan(db.conn, 2026)
    by_unit = {b.unit: b for b in agency.baris}
    dinas = by_unit["Dinas Arsip"]
    assert (
        dinas.pegawai,
        dinas.belum,
        dinas.draft,
        dinas.diajukan,
        dinas.dinilai,
        dinas.ditetapkan,
    ) == (5, 2, 1, 0, 1, 1)
    assert by_unit["Dinas Lain"].belum == 1
    assert agency.total.pegawai == 6 and agency.total.belum == 3
    assert agency.total.predikat == {
        "SANGAT_BAIK": 1, "BAIK": 0, "BUTUH_PERBAIKAN": 1, "KURANG": 0, "SANGAT_KURANG": 0
    }  # fmt: skip
    assert agency.predikat_label["KURANG"] == "Kurang/Misconduct"
    assert [a.persen_maks for a in agency.aturan["BAIK"] if a.predikat == ("BAIK",)] == [70]

    inside = progress.kemajuan(db.conn, 2026, org.bidang)
    assert {b.unit: b.pegawai for b in inside.baris} == {"Bidang Layanan": 3, "Seksi Data": 1}
    belum = progress.list_skp(db.conn, 2026, status=rules.BELUM)
    assert sorted(r.nama for r in belum) == ["Kabid", "Kadis", "Orang Lain"]
    assert [r.nama for r in progress.list_skp(db.conn, 2026, status="dinilai")] == ["Budi"]
    assert {r.nama for r in progress.list_skp(db.conn, 2026, penilai_id=org.kabid)} == {
        "Ani",
        "Budi",
        "Staf",
    }


def test_unknown_skp_is_not_found(db: Database, org: Org) -> None:
    with pytest.raises(NotFoundError, match="belum punya SKP tahun 2026"):
        read.find_skp(db.conn, org.ani, 2026)
    with pytest.raises(NotFoundError):
        workflow.ajukan(db, "tidak-ada", actor="sistem")


# -- the state machine under any sequence of attempts ---------------------------------------------

_year = itertools.count(2100)
ATTEMPTS = [
    (role, t)
    for role in ROLES
    for t in (
        T.SETUJUI_RENCANA,
        T.AJUKAN,
        T.NILAI,
        T.KEMBALIKAN,
        T.TETAPKAN,
        T.KEBERATAN,
        T.PUTUS_KEBERATAN,
        T.BUKA_KEMBALI,
        T.UBAH_RENCANA,
    )
]
VALID = {
    ("draft", 0),
    ("disetujui", 0),
    ("diajukan", 0),
    ("dinilai", 0),
    ("ditetapkan", 1),
    ("keberatan", 1),
    ("final", 1),
}


@pytest.fixture(scope="module")
def machine() -> Any:
    folder = Path(tempfile.mkdtemp(prefix="merit-skp-"))
    db = Database(folder / "mesin.sqlite3")
    org_ = build_org(db)
    yield {"db": db, "org": org_, "people": build_people(org_)}
    db.close()
    shutil.rmtree(folder, ignore_errors=True)


def _try(db: Database, skp_id: str, pelaku: rules.Pelaku, t: rules.Transisi) -> bool:
    try:
        if t is T.SETUJUI_RENCANA:
            workflow.setujui_rencana(db, skp_id, actor=pelaku)
        elif t is T.KEBERATAN:
            workflow.ajukan_keberatan(db, skp_id, "tidak sesuai", actor=pelaku)
        elif t is T.PUTUS_KEBERATAN:
            workflow.putus_keberatan(db, skp_id, "atas", "atas", "diperiksa", actor=pelaku)
        elif t is T.AJUKAN:
            workflow.ajukan(db, skp_id, actor=pelaku)
        elif t is T.NILAI:
            workflow.nilai(db, skp_id, "sesuai", "atas", actor=pelaku)
        elif t is T.KEMBALIKAN:
            workflow.kembalikan(db, skp_id, "perbaiki", actor=pelaku)
        elif t is T.TETAPKAN:
            workflow.tetapkan(db, skp_id, actor=pelaku)
        elif t is T.BUKA_KEMBALI:
            workflow.buka_kembali(db, skp_id, "koreksi", actor=pelaku)
        else:
            write.update_rencana(db, skp_id, [PLAN[0], PLAN[1]], actor=pelaku)
    except (AccessDenied, ValidationError):
        return False
    return True


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(ATTEMPTS), min_size=1, max_size=14))
def test_any_sequence_of_attempts_keeps_the_machine_valid(machine: Any, steps: list[Any]) -> None:
    db, org_, people_ = machine["db"], machine["org"], machine["people"]
    tahun = next(_year)
    skp_id = bulk.create_skp(db, org_.ani, tahun, actor="sistem")
    write.update_rencana(db, skp_id, PLAN, actor="sistem")
    for role, t in steps:
        pelaku = getattr(people_, role)
        before_state = state(db, skp_id)
        before = _snapshot(db, skp_id)
        verdict = rules.may(pelaku, read.skp_info(db.conn, skp_id), t, date.today())
        done = _try(db, skp_id, pelaku, t)
        after_state = state(db, skp_id)
        assert after_state in VALID
        assert done == bool(verdict)
        if done and t in rules.PERPINDAHAN:
            assert after_state[0] == rules.status_berikut(before_state[0], t)
        if not done:
            assert _snapshot(db, skp_id) == before  # a refusal changes nothing
        if before_state[1] and not (done and t in rules.PADA_TERKUNCI):
            assert _snapshot(db, skp_id) == before  # locked: unchanged unless reopened
        if before_state[0] == "final":
            assert _snapshot(db, skp_id) == before and not done  # final never changes
    history = read.get_skp(db.conn, skp_id).riwayat
    for a, b in itertools.pairwise(history):
        assert a.ke == b.dari  # the recorded history is one unbroken path
