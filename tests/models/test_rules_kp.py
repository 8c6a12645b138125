"""The KP conditions of one candidate (asn-rules 5.2, 5.3) without a database: each reason, the
status it leads to, and the ceiling of the diploma or of the JF level. The reference tables are
those a fresh database starts with."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

import pytest

from app.models.reference.loader import Referensi
from app.models.rules.derivations import add_years
from app.models.rules.kp import (
    STATUS_BELUM,
    STATUS_MEMENUHI,
    STATUS_VERIFIKASI,
    CalonKp,
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
