"""SKP (PermenPANRB 6/2022): the predikat matrix, the default appraiser from the position tree,
the state machine with rights per role, locking and reopening, carry-forward, peer feedback,
the results flow into riwayat_skp and the progress counts, against a small organisation whose
answers are known by hand."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from dataclasses import replace
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
from app.models.skp import core as s
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
    s.HasilKerjaData(
        "Tertatanya arsip dinamis",
        indikator=[s.IndikatorData("Jumlah berkas ditata", "1.000 berkas")],
    ),
    s.HasilKerjaData(
        "Terlaksananya layanan konsultasi",
        jenis="TAMBAHAN",
        indikator=[s.IndikatorData("Konsultasi dilayani", "50 kali")],
    ),
]


def planned(db: Database, org: Org, people: People, tahun: int = 2026) -> str:
    skp_id = s.buat_skp(db, org.ani, tahun, actor=people.operator)
    s.simpan_rencana(db, skp_id, PLAN, {"AKUNTABEL": "Laporan tepat waktu"}, actor=people.operator)
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
    assert s.predikat(ref, hasil, perilaku) == expected
    assert s.predikat(ref, hasil.lower(), perilaku.lower()) == expected


def test_predikat_refuses_an_unknown_rating(db: Database) -> None:
    with pytest.raises(ValidationError, match="'luar biasa' tidak dikenal") as exc:
        s.predikat(Referensi.load(db.conn), "luar biasa", "atas")
    assert exc.value.field == "rating_hasil"


def test_predikat_reads_the_matrix_from_the_reference_table(db: Database) -> None:
    row_id = db.conn.execute(
        "SELECT id FROM ref_matriks_predikat WHERE kode = 'SESUAI|ATAS'"
    ).fetchone()[0]
    with Store(db).write("uji") as tx:
        tx.update("ref_matriks_predikat", row_id, {"predikat_kode": "SANGAT_BAIK"})
    assert s.predikat(Referensi.load(db.conn), "sesuai", "atas") == "SANGAT_BAIK"


# -- the appraiser from the position tree ---------------------------------------------------------


def test_default_appraiser_is_the_holder_of_the_superior_position(db: Database, org: Org) -> None:
    assert s.atasan_langsung(db.conn, org.ani) == (org.kabid, org.kadis)
    assert s.atasan_langsung(db.conn, org.kabid) == (org.kadis, None)
    assert s.atasan_langsung(db.conn, org.kadis) == (None, None)
    # Kasi is vacant: the staff of the Seksi are appraised by the Kabid.
    assert s.atasan_langsung(db.conn, org.staf) == (org.kabid, org.kadis)


def test_created_skp_carries_the_default_appraiser_and_a_chosen_one_sticks(
    db: Database, org: Org, people: People
) -> None:
    skp_id = s.buat_skp(db, org.ani, 2026, actor=people.operator)
    assert skp_id == s.skp_id_for(org.ani, 2026)
    info = s.skp_info(db.conn, skp_id)
    assert (info.penilai_id, info.atasan_penilai_id, info.status) == (org.kabid, org.kadis, "draft")
    chosen = s.buat_skp(db, org.budi, 2026, actor=people.operator, penilai_id=org.kadis)
    assert s.skp_info(db.conn, chosen).penilai_id == org.kadis
    s.ganti_penilai(db, skp_id, org.kadis, actor=people.operator)
    info = s.skp_info(db.conn, skp_id)
    assert (info.penilai_id, info.atasan_penilai_id) == (org.kadis, None)
    with pytest.raises(ValidationError, match="sudah punya SKP tahun 2026"):
        s.buat_skp(db, org.ani, 2026, actor=people.operator)
    with pytest.raises(ValidationError, match="SKP-nya sendiri"):
        s.ganti_penilai(db, skp_id, org.ani, actor=people.operator)


# -- the whole flow and the results ---------------------------------------------------------------


def test_flow_plan_submit_rate_approve_lands_in_riwayat_skp(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    record = s.get_skp(db.conn, skp_id)
    ind = record.hasil_kerja[0].indikator[0]
    s.isi_realisasi(
        db, skp_id, {ind.id: ("1.050 berkas", "Berita acara penataan")}, actor=people.pemilik
    )
    s.ajukan(db, skp_id, actor=people.pemilik)
    assert state(db, skp_id) == ("diajukan", 0)
    kode = s.nilai(
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
    s.tetapkan(db, skp_id, actor=people.atasan)
    assert state(db, skp_id) == ("ditetapkan", 1)

    rows = db.conn.execute(
        "SELECT id, tahun, rating_hasil, rating_perilaku, predikat_kode, penilai_nama "
        "FROM riwayat_skp WHERE pegawai_id = ? AND deleted = 0",
        (org.ani,),
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        (riwayat.skp_id(org.ani, 2026), 2026, "ATAS", "ATAS", "SANGAT_BAIK", "Kabid")
    ]
    record = s.get_skp(db.conn, skp_id)
    assert record.hasil_kerja[0].indikator[0].realisasi == "1.050 berkas"
    assert record.hasil_kerja[0].indikator[0].bukti == "Berita acara penataan"
    assert record.hasil_kerja[0].umpan_balik == "Melampaui target"
    akuntabel = next(p for p in record.perilaku if p.nilai_kode == "AKUNTABEL")
    assert (akuntabel.ekspektasi, akuntabel.umpan_balik) == (
        "Laporan tepat waktu",
        "Selalu tepat waktu",
    )
    assert [(r.aksi, r.dari, r.ke, r.pelaku) for r in record.riwayat] == [
        ("ajukan", "draft", "diajukan", "ani"),
        ("nilai", "diajukan", "dinilai", "kabid"),
        ("tetapkan", "dinilai", "ditetapkan", "kadis"),
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
    assert (f"Menetapkan SKP 2026 {nip}", "kadis") in audit


def test_approval_merges_with_an_imported_history_row_of_the_same_year(
    db: Database, org: Org, people: People
) -> None:
    riwayat.add_history(db, org.ani, "skp", {"tahun": 2026, "predikat_kode": "BAIK"}, actor="impor")
    skp_id = planned(db, org, people)
    s.ajukan(db, skp_id, actor=people.operator)
    s.nilai(db, skp_id, "bawah", "sesuai", actor=people.penilai)
    s.tetapkan(db, skp_id, actor=people.atasan)
    rows = db.conn.execute(
        "SELECT predikat_kode FROM riwayat_skp WHERE pegawai_id = ? AND tahun = 2026 "
        "AND deleted = 0",
        (org.ani,),
    ).fetchall()
    assert [r[0] for r in rows] == ["BUTUH_PERBAIKAN"]


def test_submit_needs_a_plan_with_a_target(db: Database, org: Org, people: People) -> None:
    skp_id = s.buat_skp(db, org.ani, 2026, actor=people.operator)
    with pytest.raises(ValidationError, match="sedikitnya satu rencana hasil kerja"):
        s.ajukan(db, skp_id, actor=people.operator)
    assert state(db, skp_id) == ("draft", 0)


def test_plan_validation_names_row_and_field(db: Database, org: Org, people: People) -> None:
    skp_id = s.buat_skp(db, org.ani, 2026, actor=people.operator)
    bad = [
        s.HasilKerjaData("", indikator=[s.IndikatorData("")]),
        s.HasilKerjaData("x", jenis="LAIN"),
    ]
    with pytest.raises(ValidationError) as exc:
        s.simpan_rencana(db, skp_id, bad, actor=people.operator)
    assert exc.value.reasons == [
        "Hasil kerja 1: rencana hasil kerja wajib diisi.",
        "Hasil kerja 1, indikator 1: uraian indikator wajib diisi.",
        "Hasil kerja 2: jenis harus UTAMA atau TAMBAHAN.",
    ]
    assert s.get_skp(db.conn, skp_id).hasil_kerja == ()


def test_saving_the_plan_updates_adds_and_deletes_rows(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    data = s.rencana_data(s.get_skp(db.conn, skp_id))
    data[0].uraian = "Tertatanya arsip dinamis dan statis"
    data[0].indikator.append(s.IndikatorData("Ketepatan waktu", "Desember"))
    del data[1]
    s.simpan_rencana(db, skp_id, data, actor=people.pemilik)
    hk = s.get_skp(db.conn, skp_id).hasil_kerja
    assert [h.uraian for h in hk] == ["Tertatanya arsip dinamis dan statis"]
    assert [i.indikator for i in hk[0].indikator] == ["Jumlah berkas ditata", "Ketepatan waktu"]
    assert (
        db.conn.execute("SELECT count(*) FROM skp_hasil_kerja WHERE deleted = 1").fetchone()[0] == 1
    )


def test_result_may_support_a_result_of_the_appraisers_skp(
    db: Database, org: Org, people: People
) -> None:
    atasan_skp = s.buat_skp(db, org.kabid, 2026, actor=people.operator)
    s.simpan_rencana(
        db, atasan_skp, [s.HasilKerjaData("Meningkatnya layanan arsip")], actor=people.operator
    )
    skp_id = s.buat_skp(db, org.ani, 2026, actor=people.operator)
    ((link, text),) = s.hasil_kerja_atasan(db.conn, skp_id)
    assert text == "Meningkatnya layanan arsip"
    s.simpan_rencana(
        db, skp_id, [replace(PLAN[0], hasil_kerja_atasan_id=link)], actor=people.operator
    )
    assert s.get_skp(db.conn, skp_id).hasil_kerja[0].hasil_kerja_atasan == text
    other = s.buat_skp(db, org.orang_lain, 2026, actor="sistem")
    with pytest.raises(ValidationError, match="tidak ada di SKP pejabat penilai"):
        s.simpan_rencana(db, other, [replace(PLAN[0], hasil_kerja_atasan_id=link)], actor="sistem")


# -- rights per role ------------------------------------------------------------------------------

T = s.Transisi
# transition -> state it is tried in -> the roles that may (everyone else is refused).
EXPECTED: dict[tuple[s.Transisi, str], set[str]] = {
    (T.UBAH_RENCANA, "draft"): {"operator", "pemilik", "penilai", "admin"},
    (T.REALISASI, "draft"): {"operator", "pemilik", "admin"},
    (T.GANTI_PENILAI, "draft"): {"operator", "admin"},
    (T.MINTA_REKAN, "draft"): {"operator", "pemilik", "penilai", "admin"},
    (T.JAWAB_REKAN, "diajukan"): {"operator", "rekan", "admin"},
    (T.NILAI_PERIODIK, "diajukan"): {"penilai"},
    (T.AJUKAN, "draft"): {"operator", "pemilik", "admin"},
    (T.NILAI, "diajukan"): {"penilai"},
    (T.KEMBALIKAN, "diajukan"): {"penilai"},
    (T.KEMBALIKAN, "dinilai"): {"penilai", "atasan"},
    (T.TETAPKAN, "dinilai"): {"atasan"},
    (T.BUKA_KEMBALI, "ditetapkan"): {"admin"},
}
ROLES = ("operator", "operator_lain", "pemilik", "penilai", "atasan", "admin", "rekan", "orang")


def _info(org: Org, status: str) -> s.SkpInfo:
    return s.SkpInfo(
        id="x",
        pegawai_id=org.ani,
        tahun=2026,
        status=status,
        terkunci=status == "ditetapkan",
        penilai_id=org.kabid,
        atasan_penilai_id=org.kadis,
        unit_path=frozenset({org.bidang, org.dinas}),
        rekan_ids=frozenset({org.budi}),
    )


@pytest.mark.parametrize(("transisi", "status"), list(EXPECTED))
def test_who_may_act_in_each_state(
    org: Org, people: People, transisi: s.Transisi, status: str
) -> None:
    info = _info(org, status)
    for role in ROLES:
        verdict = s.may(getattr(people, role), info, transisi)
        assert bool(verdict) == (role in EXPECTED[(transisi, status)]), (role, verdict.alasan)
        if not verdict:
            assert verdict.jenis == "peran"
            assert verdict.alasan.startswith("Akses ditolak: ")
            assert transisi.label in verdict.alasan
    assert s.may(s.Pelaku.system(), info, transisi)


def test_wrong_state_is_refused_for_everyone_with_the_state_named(org: Org, people: People) -> None:
    verdict = s.may(people.penilai, _info(org, "draft"), T.NILAI)
    assert not verdict and verdict.jenis == "status"
    assert verdict.alasan == (
        "SKP ini berstatus Draf; menilai hanya dapat dilakukan pada SKP berstatus "
        "Diajukan, Dinilai."
    )
    assert not s.may(s.Pelaku.system(), _info(org, "draft"), T.TETAPKAN)


def test_nobody_rates_their_own_skp(org: Org) -> None:
    info = replace(_info(org, "diajukan"), penilai_id=org.ani)
    verdict = s.may(s.Pelaku("ani", pegawai_id=org.ani), info, T.NILAI)
    assert not verdict and "SKP miliknya sendiri" in verdict.alasan


def test_refusals_raise_clear_errors_and_are_audited(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    with pytest.raises(AccessDenied) as exc:
        s.ajukan(db, skp_id, actor=people.operator_lain)
    assert str(exc.value) == (
        "Akses ditolak: op_lain tidak berhak mengajukan SKP ini. Yang berhak: operator "
        "kepegawaian unit pegawai atau pegawai yang dinilai."
    )
    with pytest.raises(ValidationError, match="berstatus Draf; menilai hanya"):
        s.nilai(db, skp_id, "atas", "atas", actor=people.penilai)
    s.ajukan(db, skp_id, actor=people.operator)
    with pytest.raises(AccessDenied, match="Yang berhak: pejabat penilai"):
        s.nilai(db, skp_id, "atas", "atas", actor=people.atasan)
    with pytest.raises(AccessDenied, match="tidak berhak menilai"):
        s.nilai(db, skp_id, "atas", "atas", actor=people.admin)
    assert state(db, skp_id) == ("diajukan", 0)
    assert refusals(db) == [
        "skp.ajukan: Akses ditolak: op_lain tidak berhak mengajukan SKP ini. Yang berhak: "
        "operator kepegawaian unit pegawai atau pegawai yang dinilai.",
        "skp.nilai: SKP ini berstatus Draf; menilai hanya dapat dilakukan pada SKP berstatus "
        "Diajukan, Dinilai.",
        "skp.nilai: Akses ditolak: kadis tidak berhak menilai SKP ini. Yang berhak: pejabat "
        "penilai.",
        "skp.nilai: Akses ditolak: admin tidak berhak menilai SKP ini. Yang berhak: pejabat "
        "penilai.",
    ]
    with pytest.raises(AccessDenied, match="membuat SKP untuk seluruh instansi"):
        s.buat_massal(db, 2027, actor=people.operator)
    with pytest.raises(AccessDenied, match="membuat SKP untuk unit ini"):
        s.buat_massal(db, 2027, actor=people.operator_lain, unit_id=org.bidang)
    with pytest.raises(AccessDenied):
        s.buat_skp(db, org.budi, 2026, actor=people.operator_lain)


def test_the_appraiser_may_not_change_the_realisation(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    data = s.rencana_data(s.get_skp(db.conn, skp_id))
    data[0].indikator[0].realisasi = "2.000 berkas"
    with pytest.raises(AccessDenied, match="realisasi dan bukti diisi oleh pegawai"):
        s.simpan_rencana(db, skp_id, data, actor=people.penilai)
    data[0].indikator[0].realisasi = ""
    data[0].indikator[0].target = "1.200 berkas"  # the appraiser may change the plan itself
    s.simpan_rencana(db, skp_id, data, actor=people.penilai)
    assert s.get_skp(db.conn, skp_id).hasil_kerja[0].indikator[0].target == "1.200 berkas"


def test_signed_in_accounts_map_onto_the_rules(
    db: Database, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    akun.buat_akun(db, "admin", "Admin", "sandi-rahasia-1", [Peran.ADMIN], actor="sistem")
    akun.buat_akun(
        db,
        "opdinas",
        "Operator",
        "sandi-rahasia-2",
        [Hak(Peran.OPERATOR, org.dinas)],
        actor="sistem",
    )
    akun.buat_akun(
        db,
        "kabid",
        "Kabid",
        "sandi-rahasia-3",
        [Peran.PEJABAT_PENILAI],
        actor="sistem",
        pegawai_id=org.kabid,
    )
    op, kabid = akun.sesi_untuk(db, "opdinas"), akun.sesi_untuk(db, "kabid")
    assert s.pelaku_dari(db, op) == s.Pelaku("opdinas", operator_unit=frozenset({org.dinas}))
    skp_id = s.buat_skp(db, org.ani, 2026, actor=op)
    s.simpan_rencana(db, skp_id, PLAN, actor=op)
    s.ajukan(db, skp_id, actor=op)
    with pytest.raises(AccessDenied, match="opdinas tidak berhak menilai"):
        s.nilai(db, skp_id, "sesuai", "sesuai", actor=op)
    assert s.nilai(db, skp_id, "sesuai", "sesuai", actor=kabid) == "BAIK"
    writers = {r[0] for r in db.conn.execute("SELECT actor FROM lokal_batch WHERE ops IS NOT NULL")}
    assert {"opdinas", "kabid"} <= writers


# -- returning, locking, reopening ----------------------------------------------------------------


def test_return_for_correction_needs_a_reason(db: Database, org: Org, people: People) -> None:
    skp_id = planned(db, org, people)
    s.ajukan(db, skp_id, actor=people.operator)
    with pytest.raises(ValidationError, match="alasan pengembalian"):
        s.kembalikan(db, skp_id, "  ", actor=people.penilai)
    assert s.kembalikan(db, skp_id, "Target belum terukur", actor=people.penilai) == "draft"
    s.ajukan(db, skp_id, actor=people.operator)
    s.nilai(db, skp_id, "sesuai", "atas", actor=people.penilai)
    with pytest.raises(AccessDenied):
        s.kembalikan(db, skp_id, "x", actor=people.operator)
    assert s.kembalikan(db, skp_id, "Periksa lagi rating", actor=people.atasan) == "diajukan"
    notes = [r.catatan for r in s.get_skp(db.conn, skp_id).riwayat if r.aksi == "kembalikan"]
    assert notes == ["Target belum terukur", "Periksa lagi rating"]


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
    ):
        rows += [tuple(r) for r in conn.execute(sql, (skp_id,))]
    return rows


def test_locked_skp_changes_only_after_a_recorded_reopening(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    s.ajukan(db, skp_id, actor=people.operator)
    s.nilai(db, skp_id, "sesuai", "sesuai", actor=people.penilai)
    s.tetapkan(db, skp_id, actor=people.atasan)
    before = _snapshot(db, skp_id)
    for attempt in (
        lambda: s.simpan_rencana(db, skp_id, [], actor=people.operator),
        lambda: s.nilai(db, skp_id, "atas", "atas", actor=people.penilai),
        lambda: s.kembalikan(db, skp_id, "x", actor=people.atasan),
        lambda: s.ganti_penilai(db, skp_id, org.kadis, actor="sistem"),
        lambda: s.minta_umpan_balik(db, skp_id, [org.budi], actor="sistem"),
    ):
        with pytest.raises(ValidationError, match="sudah ditetapkan dan terkunci"):
            attempt()
    with pytest.raises(AccessDenied, match="Yang berhak: admin"):
        s.buka_kembali(db, skp_id, "Salah rating", actor=people.atasan)
    with pytest.raises(ValidationError, match="alasan membuka kembali"):
        s.buka_kembali(db, skp_id, "", actor=people.admin)
    assert _snapshot(db, skp_id) == before

    s.buka_kembali(db, skp_id, "Keberatan pegawai dikabulkan", actor=people.admin)
    assert state(db, skp_id) == ("dinilai", 0)
    assert s.nilai(db, skp_id, "atas", "atas", actor=people.penilai) == "SANGAT_BAIK"
    s.tetapkan(db, skp_id, actor=people.atasan)
    assert (
        db.conn.execute(
            "SELECT predikat_kode FROM riwayat_skp WHERE id = ?", (riwayat.skp_id(org.ani, 2026),)
        ).fetchone()[0]
        == "SANGAT_BAIK"
    )
    reopen = [r for r in s.get_skp(db.conn, skp_id).riwayat if r.aksi == "buka_kembali"]
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
    first = s.buat_massal(db, 2026, actor=people.admin, unit_id=org.dinas)
    assert first == s.HasilMassal(dibuat=5, dilanjutkan=0, sudah_ada=0)
    for pid in (org.ani, org.budi):
        skp_id = s.skp_id_for(pid, 2026)
        s.simpan_rencana(db, skp_id, PLAN, {"KOMPETEN": "Ikut pelatihan"}, actor=people.operator)
        record = s.get_skp(db.conn, skp_id)
        s.isi_realisasi(
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
    second = s.buat_massal(db, 2027, actor=people.operator, unit_id=org.bidang)
    assert second == s.HasilMassal(dibuat=4, dilanjutkan=1, sudah_ada=0)
    ani = s.get_skp(db.conn, s.skp_id_for(org.ani, 2027))
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
    assert s.get_skp(db.conn, s.skp_id_for(org.budi, 2027)).hasil_kerja == ()
    again = s.buat_massal(db, 2027, actor=people.operator, unit_id=org.bidang)
    assert again == s.HasilMassal(dibuat=0, dilanjutkan=0, sudah_ada=4)


# -- peer feedback --------------------------------------------------------------------------------


def test_peer_feedback_is_requested_answered_and_shown_to_the_appraiser(
    db: Database, org: Org, people: People
) -> None:
    skp_id = planned(db, org, people)
    assert s.minta_umpan_balik(db, skp_id, [org.budi, org.staf], actor=people.penilai) == 2
    assert s.minta_umpan_balik(db, skp_id, [org.budi], actor=people.penilai) == 0
    with pytest.raises(ValidationError, match="orang lain daripada pegawai"):
        s.minta_umpan_balik(db, skp_id, [org.ani], actor=people.penilai)
    s.ajukan(db, skp_id, actor=people.operator)
    s.isi_umpan_balik_rekan(
        db,
        skp_id,
        org.budi,
        {"HARMONIS": "Suka menolong", "KOLABORATIF": "Terbuka"},
        actor=people.rekan,
    )
    with pytest.raises(AccessDenied, match="hanya dapat mengisi umpan baliknya sendiri"):
        s.isi_umpan_balik_rekan(db, skp_id, org.staf, {"HARMONIS": "x"}, actor=people.rekan)
    with pytest.raises(AccessDenied):
        s.isi_umpan_balik_rekan(db, skp_id, org.budi, {"HARMONIS": "x"}, actor=people.orang)
    record = s.get_skp(db.conn, skp_id)
    harmonis = next(p for p in record.perilaku if p.nilai_kode == "HARMONIS")
    assert harmonis.rekan == (("Budi", "Suka menolong"),)
    assert [(r.nama, r.dijawab) for r in record.rekan] == [("Budi", True), ("Staf", False)]


# -- periods and the expected distribution --------------------------------------------------------


def test_periods_are_quarterly_or_monthly_per_year(db: Database, people: People) -> None:
    periods = s.atur_periode(db, 2026, "triwulanan", actor=people.admin)
    assert [(p.jenis, p.ke, p.mulai, p.selesai) for p in periods[:2]] == [
        ("TAHUNAN", 0, "2026-01-01", "2026-12-31"),
        ("TRIWULAN", 1, "2026-01-01", "2026-03-31"),
    ]
    assert periods[-1].nama == "Triwulan IV 2026"
    s.atur_periode(db, 2026, "BULANAN", actor=people.admin)
    stored = s.daftar_periode(db.conn, 2026)
    assert (
        len(stored) == 13
        and stored[2].selesai == "2026-02-28"
        and stored[2].nama == "Februari 2026"
    )
    assert s.pola_periodik(db.conn, 2027) == "BULANAN"  # carried to later years until changed
    with pytest.raises(ValidationError, match="TRIWULANAN atau BULANAN"):
        s.atur_periode(db, 2026, "mingguan", actor=people.admin)
    with pytest.raises(AccessDenied):
        s.atur_periode(db, 2026, "BULANAN", actor=people.operator)


def test_periodic_evaluation_by_the_appraiser(db: Database, org: Org, people: People) -> None:
    skp_id = planned(db, org, people)
    assert s.nilai_periodik(db, skp_id, 2, "sesuai", "atas", actor=people.penilai) == "BAIK"
    with pytest.raises(ValidationError, match="Periode ke-5 tidak ada"):
        s.nilai_periodik(db, skp_id, 5, "sesuai", "atas", actor=people.penilai)
    with pytest.raises(AccessDenied):
        s.nilai_periodik(db, skp_id, 1, "sesuai", "atas", actor=people.operator)
    assert [(e.jenis, e.ke, e.predikat_kode) for e in s.get_skp(db.conn, skp_id).evaluasi] == [
        ("TRIWULAN", 2, "BAIK")
    ]


def test_expected_distribution_is_configurable_by_the_admin(db: Database, people: People) -> None:
    assert s.kurva(db.conn) == dict(s.KURVA_AWAL)
    with pytest.raises(ValidationError, match="berjumlah 100%"):
        s.atur_kurva(db, {"SANGAT_BAIK": 20}, actor=people.admin)
    with pytest.raises(AccessDenied, match="hanya admin"):
        s.atur_kurva(db, {"SANGAT_BAIK": 20, "BAIK": 60}, actor=people.operator)
    s.atur_kurva(db, {"SANGAT_BAIK": 20, "BAIK": 60}, actor=people.admin)
    assert s.kurva(db.conn)["SANGAT_BAIK"] == 20


# -- progress -------------------------------------------------------------------------------------


def test_progress_counts_states_and_predikat_per_unit(
    db: Database, org: Org, people: People
) -> None:
    ani = planned(db, org, people)
    budi = s.buat_skp(db, org.budi, 2026, actor=people.operator)
    s.simpan_rencana(db, budi, PLAN, actor=people.operator)
    s.buat_skp(db, org.staf, 2026, actor=people.operator)
    for skp_id, hasil in ((ani, "atas"), (budi, "bawah")):
        s.ajukan(db, skp_id, actor=people.operator)
        s.nilai(db, skp_id, hasil, "atas", actor=people.penilai)
    s.tetapkan(db, ani, actor=people.atasan)

    agency = s.kemajuan(db.conn, 2026)
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
    assert agency.kurva["BAIK"] == 70 and agency.predikat_label["KURANG"] == "Kurang/Misconduct"

    inside = s.kemajuan(db.conn, 2026, org.bidang)
    assert {b.unit: b.pegawai for b in inside.baris} == {"Bidang Layanan": 3, "Seksi Data": 1}
    belum = s.daftar(db.conn, 2026, status=s.BELUM)
    assert sorted(r.nama for r in belum) == ["Kabid", "Kadis", "Orang Lain"]
    assert [r.nama for r in s.daftar(db.conn, 2026, status="dinilai")] == ["Budi"]
    assert {r.nama for r in s.daftar(db.conn, 2026, penilai_id=org.kabid)} == {
        "Ani",
        "Budi",
        "Staf",
    }


def test_unknown_skp_is_not_found(db: Database, org: Org) -> None:
    with pytest.raises(NotFoundError, match="belum punya SKP tahun 2026"):
        s.find_skp(db.conn, org.ani, 2026)
    with pytest.raises(NotFoundError):
        s.ajukan(db, "tidak-ada", actor="sistem")


# -- the state machine under any sequence of attempts ---------------------------------------------

_year = itertools.count(2100)
ATTEMPTS = [
    (role, t)
    for role in ROLES
    for t in (T.AJUKAN, T.NILAI, T.KEMBALIKAN, T.TETAPKAN, T.BUKA_KEMBALI, T.UBAH_RENCANA)
]
VALID = {("draft", 0), ("diajukan", 0), ("dinilai", 0), ("ditetapkan", 1)}


@pytest.fixture(scope="module")
def machine() -> Any:
    folder = Path(tempfile.mkdtemp(prefix="merit-skp-"))
    db = Database(folder / "mesin.sqlite3")
    org_ = build_org(db)
    yield {"db": db, "org": org_, "people": build_people(org_)}
    db.close()
    shutil.rmtree(folder, ignore_errors=True)


def _try(db: Database, skp_id: str, pelaku: s.Pelaku, t: s.Transisi) -> bool:
    try:
        if t is T.AJUKAN:
            s.ajukan(db, skp_id, actor=pelaku)
        elif t is T.NILAI:
            s.nilai(db, skp_id, "sesuai", "atas", actor=pelaku)
        elif t is T.KEMBALIKAN:
            s.kembalikan(db, skp_id, "perbaiki", actor=pelaku)
        elif t is T.TETAPKAN:
            s.tetapkan(db, skp_id, actor=pelaku)
        elif t is T.BUKA_KEMBALI:
            s.buka_kembali(db, skp_id, "koreksi", actor=pelaku)
        else:
            s.simpan_rencana(db, skp_id, [PLAN[0], PLAN[1]], actor=pelaku)
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
    skp_id = s.buat_skp(db, org_.ani, tahun, actor="sistem")
    s.simpan_rencana(db, skp_id, PLAN, actor="sistem")
    for role, t in steps:
        pelaku = getattr(people_, role)
        before_state = state(db, skp_id)
        before = _snapshot(db, skp_id)
        verdict = s.may(pelaku, s.skp_info(db.conn, skp_id), t)
        done = _try(db, skp_id, pelaku, t)
        after_state = state(db, skp_id)
        assert after_state in VALID
        assert done == bool(verdict)
        if done and t in s.PERPINDAHAN:
            assert after_state[0] == s.status_berikut(before_state[0], t)
        if not done:
            assert _snapshot(db, skp_id) == before  # a refusal changes nothing
        if before_state[1] and not (done and t is T.BUKA_KEMBALI):
            assert _snapshot(db, skp_id) == before  # locked: unchanged unless reopened
    history = s.get_skp(db.conn, skp_id).riwayat
    for a, b in itertools.pairwise(history):
        assert a.ke == b.dari  # the recorded history is one unbroken path
