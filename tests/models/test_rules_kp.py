"""The KP conditions of one candidate (asn-rules 5.2, 5.3) without a database: each reason, the
status it leads to, and the ceiling of the diploma or of the JF level. The reference tables are
those a fresh database starts with."""

from __future__ import annotations

import copy
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models.reference.loader import Referensi, create_reference_tables
from app.models.rules.derivations import add_years
from app.models.rules.kp import (
    STATUS_BELUM,
    STATUS_MEMENUHI,
    STATUS_VERIFIKASI,
    CalonKp,
    SyaratKp,
    check_kp,
    kgb_berikutnya,
    ujian_dinas,
)
from app.models.storage.db import Database

# A Penata Muda with a bachelor's degree, two years rated Baik, nothing against him.
CALON = CalonKp(
    golongan_kode="III/a",
    golongan_baru="III/b",
    jenis_jabatan_kode="JA",
    jenjang_kode="PELAKSANA",
    pendidikan_kode="S1",
    skp=((2025, "BAIK", 2), (2024, "SANGAT_BAIK", 1)),
    hukuman_disiplin=False,
)


@pytest.fixture
def ref(db: Database) -> Referensi:
    return Referensi.load(db.conn)


def test_a_candidate_with_everything_on_record_meets_the_conditions(ref: Referensi) -> None:
    syarat = check_kp(ref, CALON)
    assert (syarat.jenis_kp, syarat.status, syarat.keterangan, syarat.melebihi_batas) == (
        "reguler",
        STATUS_MEMENUHI,
        (),
        False,
    )


def test_a_predikat_below_baik_or_a_penalty_holds_the_promotion_back(ref: Referensi) -> None:
    low = check_kp(ref, replace(CALON, skp=((2025, "BUTUH_PERBAIKAN", 3), (2024, "BAIK", 2))))
    assert low.status == STATUS_BELUM
    assert low.keterangan == ("Predikat SKP 2025: Butuh Perbaikan",)
    penalty = check_kp(ref, replace(CALON, hukuman_disiplin=True))
    assert penalty.status == STATUS_BELUM
    assert penalty.keterangan == ("Sedang menjalani hukuman disiplin yang menunda KP",)


def test_what_is_not_on_record_is_marked_for_verification(ref: Referensi) -> None:
    syarat = check_kp(ref, replace(CALON, skp=((2025, None, None), (2024, "BAIK", 2))))
    assert (syarat.status, syarat.keterangan) == (STATUS_VERIFIKASI, ("SKP 2025 belum tercatat",))
    syarat = check_kp(ref, replace(CALON, pendidikan_kode=None))
    assert (syarat.status, syarat.keterangan) == (STATUS_VERIFIKASI, ("Pendidikan belum tercatat",))


def test_a_belum_reason_outweighs_a_verification(ref: Referensi) -> None:
    syarat = check_kp(
        ref, replace(CALON, skp=((2025, None, None), (2024, "KURANG", 4)), hukuman_disiplin=True)
    )
    assert syarat.status == STATUS_BELUM
    assert len(syarat.keterangan) == 3


def test_the_new_rank_may_not_pass_the_direct_superior_before_20_may_2025(
    ref: Referensi,
) -> None:
    """KepKa BKN 12/2002 capped a KP reguler at the direct superior's pangkat; Peraturan BKN
    2/2025 lifted that from 20 May 2025 (ref_batas_atasan_kp, effective-dated)."""
    before = replace(CALON, periode=date(2025, 4, 1))
    above = replace(before, atasan=("III/d", ref.golongan_urutan("III/d"), "Kabid"))
    assert check_kp(ref, above).status == STATUS_MEMENUHI
    same = replace(before, atasan=("III/a", ref.golongan_urutan("III/a"), "Kasi"))
    syarat = check_kp(ref, same)
    assert syarat.status == STATUS_BELUM
    assert syarat.keterangan == (
        "Pangkat baru III/b melebihi pangkat atasan langsung Kasi (III/a); tidak boleh menurut "
        "PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002",
    )
    jf = replace(same, jenis_jabatan_kode="JF", jenjang_kode="AHLI_PERTAMA")
    assert not any("atasan langsung" in k for k in check_kp(ref, jf).keterangan)
    # the last day of the old rule and the first of the new one
    assert check_kp(ref, replace(same, periode=date(2025, 5, 19))).status == STATUS_BELUM
    assert check_kp(ref, replace(same, periode=date(2025, 5, 20))).status == STATUS_MEMENUHI
    for periode in (date(2025, 6, 1), date(2026, 11, 1), date(2027, 1, 1), None):
        after = check_kp(ref, replace(same, periode=periode))
        assert after.status == STATUS_MEMENUHI and after.keterangan == ()


def test_the_superior_cap_follows_the_reference_table(ref: Referensi) -> None:
    """The cap is data: an agency that dates the new rule differently edits the row."""
    edited = copy.deepcopy(ref)
    rows = edited.table("ref_batas_atasan_kp")
    rows["reguler|1900-01-01"]["berlaku_sampai"] = "2025-06-30"
    rows["reguler|2025-05-20"]["berlaku_mulai"] = "2025-07-01"
    calon = replace(
        CALON, periode=date(2025, 6, 1), atasan=("III/a", ref.golongan_urutan("III/a"), "Kasi")
    )
    assert check_kp(ref, calon).status == STATUS_MEMENUHI
    assert check_kp(edited, calon).status == STATUS_BELUM


def test_a_jf_needs_its_credit_points_checked_and_stays_in_its_level(ref: Referensi) -> None:
    jf = replace(CALON, jenis_jabatan_kode="JF", jenjang_kode="AHLI_PERTAMA")
    syarat = check_kp(ref, jf)
    assert syarat.jenis_kp == "jf" and syarat.jenis_kp_label == "Pilihan (jabatan fungsional)"
    assert (syarat.status, syarat.melebihi_batas) == (STATUS_VERIFIKASI, False)
    assert syarat.keterangan == ("Angka kredit belum diperiksa (perlu diverifikasi)",)
    # Ahli Pertama reaches III/b at most: III/c needs the next jenjang first.
    above = check_kp(ref, replace(jf, golongan_kode="III/b", golongan_baru="III/c"))
    assert above.melebihi_batas and above.status == STATUS_BELUM
    assert (
        "Melebihi rentang pangkat jenjang Ahli Pertama (III/a–III/b): perlu naik jenjang jabatan "
        "dahulu" in above.keterangan
    )
    # 2 years in pangkat (PP 99/2000 Ps. 13): 1 year 11 months is not enough
    periode = date(2027, 4, 1)
    assert check_kp(ref, replace(jf, periode=periode, tmt_golongan=date(2025, 4, 1))).masa_cukup
    short = check_kp(ref, replace(jf, periode=periode, tmt_golongan=date(2025, 5, 1)))
    assert not short.masa_cukup and short.status == STATUS_BELUM


def test_the_diploma_ceiling_is_verified_when_the_reference_row_is_uncertain(
    ref: Referensi,
) -> None:
    sma = replace(CALON, pendidikan_kode="SLTA", golongan_kode="III/b", golongan_baru="III/c")
    syarat = check_kp(ref, sma)
    assert syarat.melebihi_batas and syarat.status == STATUS_VERIFIKASI
    assert syarat.keterangan[0].endswith("(perlu diverifikasi)")
    sure = copy.deepcopy(ref)
    sure.pendidikan["SLTA"]["status_fakta"] = "V"
    syarat = check_kp(sure, sma)
    assert syarat.melebihi_batas and syarat.status == STATUS_BELUM


def test_crossing_a_golongan_asks_for_the_ujian_dinas(ref: Referensi) -> None:
    sma = replace(CALON, golongan_kode="II/d", golongan_baru="III/a", pendidikan_kode="SLTA")
    syarat = check_kp(ref, sma)
    assert syarat.status == STATUS_VERIFIKASI
    assert syarat.keterangan[-1] == (
        "Naik golongan: perlu lulus ujian dinas tingkat I, kecuali lulus pelatihan "
        "kepemimpinan yang setara atau penyesuaian ijazah (UKPPI) (perlu diverifikasi)"
    )


@pytest.mark.parametrize(
    ("dari", "ke", "pendidikan", "jf", "expected"),
    [
        # PP 99/2000 Ps. 30 (asn-rules 5.2): only II/d -> III/a (tingkat I) and III/d -> IV/a
        # (tingkat II); nothing for I/d -> II/a or within a golongan
        ("I/d", "II/a", "SLTA", False, None),
        ("II/c", "II/d", "SLTA", False, None),
        ("II/d", "III/a", "SLTA", False, "tingkat I,"),
        ("II/d", "III/a", "D3", False, "tingkat I,"),
        ("II/d", "III/a", "S1", False, None),  # a bachelor's degree exempts from tingkat I
        ("II/d", "III/a", "D4", False, None),
        ("II/d", "III/a", "SLTA", True, None),  # JF holders are exempt
        ("III/d", "IV/a", "S1", False, "tingkat II,"),
        ("III/d", "IV/a", "S2", False, None),  # S-2/S-3 exempt from tingkat II
        ("III/d", "IV/a", "S3", False, None),
        ("III/d", "IV/a", "PROFESI", False, "dokter atau apoteker"),  # ners is not exempt
        ("III/d", "IV/a", "S1", True, None),
        ("IV/a", "IV/b", "S1", False, None),
    ],
)
def test_ujian_dinas_only_for_the_two_crossings(
    ref: Referensi, dari: str, ke: str, pendidikan: str, jf: bool, expected: str | None
) -> None:
    reason = ujian_dinas(ref, dari, ke, pendidikan, jf=jf, pada=date(2027, 4, 1))
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and expected in reason and "(perlu diverifikasi)" in reason


def test_ujian_dinas_follows_the_reference_table(ref: Referensi) -> None:
    """The crossings and exemptions are editable data: an agency that learns the rule differs
    edits ``ref_ujian_dinas``, and a row no longer in force on the period is not applied."""
    edited = copy.deepcopy(ref)
    row = edited.table("ref_ujian_dinas")["II/d>III/a"]
    row["pendidikan_bebas"] = "S2,S3"  # as if S-1 were no longer exempt
    reason = ujian_dinas(edited, "II/d", "III/a", "S1", jf=False, pada=date(2027, 4, 1))
    assert reason is not None and "tingkat I," in reason
    row["tingkat"] = None  # a careless edit does not break the list
    assert "tingkat I," in str(ujian_dinas(edited, "II/d", "III/a", "S1", jf=False))
    row["berlaku_sampai"] = "2026-12-31"  # and the rule ended before the period
    assert ujian_dinas(edited, "II/d", "III/a", "S1", jf=False, pada=date(2027, 4, 1)) is None
    assert ujian_dinas(edited, "II/d", "III/a", "S1", jf=False, pada=date(2026, 4, 1))


def test_add_years_and_the_next_kgb() -> None:
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), -4) == date(2020, 2, 29)
    assert kgb_berikutnya(date(2020, 4, 1), date(2026, 1, 1)) == (date(2026, 4, 1), 3)


# -- KP pilihan struktural (asn-rules 5.3; PP 100/2000 jo PP 13/2002 ranges) ----------------------

PERIODE = date(2027, 4, 1)
STRUKTURAL = replace(
    CALON,
    jenjang_kode="PENGAWAS",
    eselon_kode="IV.b",
    periode=PERIODE,
    tmt_golongan=date(2023, 4, 1),
    tmt_jabatan=date(2022, 1, 1),
)


def struktural(gol: str, baru: str, eselon: str, **kw: object) -> CalonKp:
    jenjang = {"II": "JPT_PRATAMA", "III": "ADMINISTRATOR", "IV": "PENGAWAS"}[eselon.split(".")[0]]
    return replace(
        STRUKTURAL,
        golongan_kode=gol,
        golongan_baru=baru,
        eselon_kode=eselon,
        jenjang_kode=jenjang,
        jenis_jabatan_kode="JPT" if jenjang == "JPT_PRATAMA" else "JA",
        **kw,
    )


@pytest.mark.parametrize(
    ("gol", "baru", "eselon", "tmt_gol", "tmt_jab", "status", "alasan"),
    [
        # asn-rules 5.3 example: a Sekretaris Kelurahan (IV.b, III/b-III/c) at III/c
        ("III/c", "III/d", "IV.b", "2020-04-01", "2019-01-01", STATUS_BELUM,
         "Melebihi rentang pangkat eselon IV.b (III/b–III/c): pangkat baru III/d, "
         "sedangkan KP pilihan struktural paling tinggi III/c"),
        # at the floor of the range: 4 years in pangkat
        ("III/b", "III/c", "IV.b", "2023-04-01", "2019-01-01", STATUS_MEMENUHI, None),
        ("III/b", "III/c", "IV.b", "2023-04-02", "2019-01-01", STATUS_BELUM,
         "Baru 3 tahun 11 bulan dalam pangkat III/b; perlu sedikitnya 4 tahun"),
        # one step below the floor: 1 year in pangkat and 1 year in the post
        ("III/a", "III/b", "IV.b", "2026-04-01", "2026-04-01", STATUS_MEMENUHI, None),
        ("III/a", "III/b", "IV.b", "2026-04-01", "2026-05-01", STATUS_BELUM,
         "Baru 0 tahun 11 bulan dalam jabatan (TMT 1 Mei 2026); satu tingkat di bawah rentang "
         "eselon IV.b (III/b–III/c) perlu sedikitnya 1 tahun dalam jabatan"),
        ("III/a", "III/b", "IV.b", "2026-05-01", "2020-01-01", STATUS_BELUM,
         "Baru 0 tahun 11 bulan dalam pangkat III/a; perlu sedikitnya 1 tahun"),
        # IV.a III/c-III/d: one step below is III/b
        ("III/b", "III/c", "IV.a", "2026-04-01", "2025-01-01", STATUS_MEMENUHI, None),
        ("III/d", "IV/a", "IV.a", "2020-04-01", "2019-01-01", STATUS_BELUM,
         "Melebihi rentang pangkat eselon IV.a (III/c–III/d): pangkat baru IV/a, "
         "sedangkan KP pilihan struktural paling tinggi III/d"),
        # III.a IV/a-IV/b, II.a IV/c-IV/d, II.b IV/b-IV/c: an S-1 passes its diploma ceiling
        ("IV/a", "IV/b", "III.a", "2023-04-01", "2019-01-01", STATUS_MEMENUHI, None),
        ("IV/b", "IV/c", "III.a", "2020-04-01", "2019-01-01", STATUS_BELUM,
         "Melebihi rentang pangkat eselon III.a (IV/a–IV/b): pangkat baru IV/c, "
         "sedangkan KP pilihan struktural paling tinggi IV/b"),
        ("IV/c", "IV/d", "II.a", "2023-04-01", "2019-01-01", STATUS_MEMENUHI, None),
        ("IV/c", "IV/d", "II.b", "2020-04-01", "2019-01-01", STATUS_BELUM,
         "Melebihi rentang pangkat eselon II.b (IV/b–IV/c): pangkat baru IV/d, "
         "sedangkan KP pilihan struktural paling tinggi IV/c"),
    ],
)  # fmt: skip
def test_kp_pilihan_struktural(
    ref: Referensi,
    gol: str,
    baru: str,
    eselon: str,
    tmt_gol: str,
    tmt_jab: str,
    status: str,
    alasan: str | None,
) -> None:
    calon = struktural(
        gol,
        baru,
        eselon,
        tmt_golongan=date.fromisoformat(tmt_gol),
        tmt_jabatan=date.fromisoformat(tmt_jab),
    )
    syarat = check_kp(ref, calon)
    assert syarat.jenis_kp == "pilihan_struktural"
    assert syarat.jenis_kp_label == "Pilihan (jabatan struktural)"
    assert syarat.status == status, syarat.keterangan
    if alasan is None:
        assert syarat.keterangan == ()
    else:
        assert alasan in syarat.keterangan
    assert syarat.batas_pangkat == ref.table("ref_eselon")[eselon]["gol_maks_kode"]


def test_struktural_without_the_records_the_rule_needs_is_verified(ref: Referensi) -> None:
    no_post_date = check_kp(ref, struktural("III/a", "III/b", "IV.b", tmt_jabatan=None))
    assert no_post_date.status == STATUS_VERIFIKASI
    assert no_post_date.keterangan[0].startswith("TMT jabatan belum tercatat")
    # a pengawas post without an eselon on record: the range of the level (III/b-III/d)
    no_eselon = check_kp(ref, replace(STRUKTURAL, eselon_kode=None))
    assert no_eselon.jenis_kp == "pilihan_struktural" and no_eselon.status == STATUS_VERIFIKASI
    assert "jenjang Pengawas (III/b–III/d)" in no_eselon.keterangan[0]
    # two steps below the range: 4 years, and a note
    far = check_kp(ref, struktural("II/d", "III/a", "IV.b", pendidikan_kode="S1"))
    assert far.status == STATUS_VERIFIKASI
    assert any("lebih dari satu tingkat di bawah rentang" in k for k in far.keterangan)


def test_the_kind_of_kp_follows_the_post(ref: Referensi) -> None:
    """KP reguler only for those neither in a structural post nor in a JF (asn-rules 5.2)."""
    assert check_kp(ref, CALON).jenis_kp == "reguler"
    assert check_kp(ref, replace(CALON, jenjang_kode=None, jenis_jabatan_kode=None)).jenis_kp == (
        "reguler"
    )
    assert check_kp(ref, STRUKTURAL).jenis_kp == "pilihan_struktural"
    jpt = replace(
        STRUKTURAL, jenis_jabatan_kode="JPT", jenjang_kode="JPT_PRATAMA", eselon_kode=None
    )
    assert check_kp(ref, jpt).jenis_kp == "pilihan_struktural"
    jf = replace(STRUKTURAL, jenis_jabatan_kode="JF", jenjang_kode="AHLI_MUDA", eselon_kode=None)
    assert check_kp(ref, jf).jenis_kp == "jf"
    # a structural holder is not held back by the superior, nor by the diploma ceiling
    boss = replace(STRUKTURAL, atasan=("III/a", 9, "Lurah"), periode=date(2025, 4, 1))
    assert not any("atasan" in k for k in check_kp(ref, boss).keterangan)


# -- properties ---------------------------------------------------------------------------------


def _fresh_ref() -> Referensi:
    conn = sqlite3.connect(":memory:")
    create_reference_tables(conn)
    ref = Referensi.load(conn)
    conn.close()
    return ref


REF = _fresh_ref()
GOL_PNS = sorted(
    (k for k, r in REF.golongan.items() if r["jenis_asn"] == "PNS"),
    key=lambda k: int(REF.golongan[k]["urutan"]),
)
JF_JENJANG = sorted(k for k, r in REF.jenjang.items() if r["jenis_kode"] == "JF")
ESELON = sorted(REF.table("ref_eselon"))
PREDIKAT = sorted(REF.table("ref_predikat"))


@st.composite
def calon_kp(draw: st.DrawFn) -> CalonKp:
    i = draw(st.integers(0, len(GOL_PNS) - 2))
    kind = draw(st.sampled_from(["PELAKSANA", "STRUKTURAL", "JF"]))
    eselon = draw(st.sampled_from(ESELON)) if kind == "STRUKTURAL" else None
    jenjang = (
        draw(st.sampled_from(JF_JENJANG))
        if kind == "JF"
        else str(REF.table("ref_eselon")[eselon]["jenjang_kode"])
        if eselon
        else "PELAKSANA"
    )
    periode = draw(st.dates(date(2019, 1, 1), date(2030, 12, 1))).replace(day=1)
    skp = tuple(
        (periode.year - n, p, int(REF.table("ref_predikat")[p]["urutan"]))
        for n, p in ((1, draw(st.sampled_from(PREDIKAT))), (2, draw(st.sampled_from(PREDIKAT))))
    )
    atasan_gol = draw(st.none() | st.sampled_from(GOL_PNS))
    return CalonKp(
        golongan_kode=GOL_PNS[i],
        golongan_baru=GOL_PNS[i + 1],
        jenis_jabatan_kode="JF" if kind == "JF" else "JA",
        jenjang_kode=jenjang,
        pendidikan_kode=draw(st.sampled_from(sorted(REF.pendidikan))),
        skp=skp,
        hukuman_disiplin=draw(st.booleans()),
        atasan=(atasan_gol, REF.golongan_urutan(atasan_gol), "Atasan") if atasan_gol else None,
        periode=periode,
        eselon_kode=eselon,
        tmt_golongan=periode - timedelta(days=draw(st.integers(0, 8 * 366))),
        tmt_jabatan=draw(st.none() | st.dates(date(2010, 1, 1), periode)),
    )


def _ceiling(calon: CalonKp, syarat: SyaratKp) -> str | None:
    """The highest golongan of the kind: diploma (reguler), eselon range, JF level range."""
    if syarat.jenis_kp == "jf":
        return REF.jenjang[calon.jenjang_kode or ""]["gol_maks_kode"]
    if syarat.jenis_kp == "pilihan_struktural":
        return REF.table("ref_eselon")[calon.eselon_kode or ""]["gol_maks_kode"]
    return REF.pendidikan[calon.pendidikan_kode or ""]["gol_maks_kode"]


@given(calon_kp())
@settings(max_examples=400, deadline=None)
def test_a_kp_that_is_not_refused_never_passes_the_ceiling_of_its_kind(calon: CalonKp) -> None:
    """golongan_baru never exceeds the diploma ceiling (reguler), the eselon range (structural)
    nor the JF level range unless the row is marked above the ceiling (and so left out of the
    list); above an eselon or JF range it is always "belum memenuhi"; a row that meets every
    condition is within its ceiling and has the time in pangkat."""
    syarat = check_kp(REF, calon)
    ceiling = _ceiling(calon, syarat)
    assert syarat.batas_pangkat == ceiling
    above = REF.golongan_urutan(calon.golongan_baru) > REF.golongan_urutan(ceiling)
    assert syarat.melebihi_batas == above
    if above and syarat.jenis_kp != "reguler":
        assert syarat.status == STATUS_BELUM
    if syarat.status == STATUS_MEMENUHI:
        assert not above and syarat.masa_cukup
    if not syarat.masa_cukup:
        assert syarat.status == STATUS_BELUM


@st.composite
def calon_kp_lain(draw: st.DrawFn) -> CalonKp:
    """calon_kp with what the records may lack or add: an unknown eselon, a managerial level
    without an eselon, no diploma or JF level, no next rank, no TMT, CLTN periods."""
    from app.models.rules.cuti import Rentang

    calon = draw(calon_kp())
    jenjang = draw(st.sampled_from([calon.jenjang_kode, None, "XX", *sorted(REF.jenjang)]))
    eselon = draw(st.sampled_from([calon.eselon_kode, None, "IX.z", *ESELON]))
    tmt = calon.tmt_golongan
    cltn: tuple[Rentang, ...] = ()
    if tmt is not None and draw(st.booleans()):
        mulai = tmt + timedelta(days=draw(st.integers(0, 4 * 366)))
        cltn = (Rentang(mulai, mulai + timedelta(days=draw(st.integers(0, 800)))),)
    return replace(
        calon,
        jenjang_kode=jenjang,
        eselon_kode=eselon,
        jenis_jabatan_kode=draw(st.sampled_from([calon.jenis_jabatan_kode, None, "JF", "JA"])),
        pendidikan_kode=draw(st.sampled_from([calon.pendidikan_kode, None, "XX"])),
        golongan_kode=draw(st.sampled_from([calon.golongan_kode, "X/x"])),  # unknown: no range
        golongan_baru=draw(st.sampled_from([calon.golongan_baru, None])),
        tmt_golongan=draw(st.sampled_from([tmt, None])) if not cltn else tmt,
        tidak_dihitung=cltn,
    )


@given(calon_kp_lain())
@settings(max_examples=600, deadline=None)
def test_the_quick_filter_agrees_with_check_kp(calon: CalonKp) -> None:
    # the KP lists drop those without the time in pangkat or above the ceiling before the
    # reasons are written: the filter must say exactly what check_kp says
    from app.models.rules.kp import saring_kp

    syarat = check_kp(REF, calon)
    assert saring_kp(REF, calon) == (syarat.masa_cukup, syarat.melebihi_batas)
