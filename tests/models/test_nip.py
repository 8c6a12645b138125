"""NIP, NI PPPK and NIK: unit tests per rule (asn-rules section 1) and Hypothesis properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.errors import ValidationError
from app.models.rules.nip import (
    NipInfo,
    check_nik,
    check_nip,
    cross_check,
    describe_nip,
    format_nip,
    normalise_nik,
    normalise_nip,
    parse_nip,
)

TODAY = date(2026, 11, 22)
CONTOH = "198609262015051001"  # asn-rules 1.1 example
CONTOH_PPPK = "199003152024211001"


def _errors(nip: str, jenis_asn: str | None = None) -> tuple[str, ...]:
    check = check_nip(nip, jenis_asn=jenis_asn, today=TODAY)
    assert not check.valid
    assert check.info is None
    assert check.kesalahan
    return check.kesalahan


# --- decoding -------------------------------------------------------------------------------


def test_example_pns_decodes() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    assert info == NipInfo(
        nip=CONTOH,
        jenis_asn="PNS",
        tanggal_lahir=date(1986, 9, 26),
        jenis_kelamin="L",
        nomor_urut=1,
        tmt_cpns=date(2015, 5, 1),
        tahun_pengangkatan=None,
        kontrak_ke=None,
        peringatan=(),
    )
    check = check_nip(CONTOH, today=TODAY)
    assert check.valid and check.info == info and check.kesalahan == () and check.peringatan == ()


def test_example_pppk_decodes() -> None:
    info = parse_nip(CONTOH_PPPK, today=TODAY)
    assert info.jenis_asn == "PPPK"
    assert info.tanggal_lahir == date(1990, 3, 15)
    assert info.tahun_pengangkatan == 2024
    assert info.kontrak_ke == 1
    assert info.tmt_cpns is None
    assert info.jenis_kelamin == "L"
    assert info.nomor_urut == 1
    assert info.peringatan == ()


def test_woman_and_sequence() -> None:
    info = parse_nip("199512312020012137", today=TODAY)
    assert info.jenis_kelamin == "P"
    assert info.nomor_urut == 137
    assert info.tmt_cpns == date(2020, 1, 1)


def test_jenis_asn_given_and_matching() -> None:
    assert parse_nip(CONTOH, jenis_asn="PNS", today=TODAY).jenis_asn == "PNS"
    assert parse_nip(CONTOH, jenis_asn="cpns", today=TODAY).jenis_asn == "PNS"
    assert parse_nip(CONTOH_PPPK, jenis_asn="PPPK", today=TODAY).jenis_asn == "PPPK"


def test_unknown_jenis_asn_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        check_nip(CONTOH, jenis_asn="honorer", today=TODAY)


# --- rejection rules ------------------------------------------------------------------------


def test_rule1_length() -> None:
    (pesan,) = _errors("19860926201505100")
    assert pesan == "NIP harus 18 angka; yang diisi 17 angka."
    (pesan,) = _errors(CONTOH + "1")
    assert "19 angka" in pesan


def test_rule1_not_digits() -> None:
    (pesan,) = _errors("19860926201505100O")
    assert "digit 18" in pesan and "'O'" in pesan
    pesan_huruf, pesan_panjang = _errors("19860926abc")
    assert "'a', 'b', 'c'" in pesan_huruf
    assert pesan_panjang == "NIP harus 18 angka; yang diisi 8 angka."


def test_empty() -> None:
    assert _errors("") == ("NIP belum diisi.",)
    assert _errors("  NIP:  ") == ("NIP belum diisi.",)


def test_excel_float_is_not_recovered() -> None:
    assert normalise_nip("1.98609262015051e+17") == "1.98609262015051e+17"
    assert normalise_nip(" '1,98609E+17 ") == "1,98609E+17"
    (pesan,) = _errors("1.98609262015051e+17")
    assert "angka ilmiah" in pesan and "Excel" in pesan


def test_rule2_birth_date_not_a_date() -> None:
    (pesan,) = _errors("198613262015051001")
    assert pesan == "Digit 1–8 (tanggal lahir) '19861326' bukan tanggal yang ada."
    (pesan,) = _errors("198702292015051001")  # 1987 is not a leap year
    assert "Digit 1–8" in pesan
    assert parse_nip("198802292015051001", today=TODAY).tanggal_lahir == date(1988, 2, 29)


def test_birth_date_in_future() -> None:
    kesalahan = _errors("202701012050011001")
    assert any("Digit 1–8" in k and "masa depan" in k for k in kesalahan)


def test_birth_date_more_than_100_years_ago() -> None:
    (pesan,) = _errors("192001012015051001")
    assert "Digit 1–8" in pesan and "100 tahun" in pesan
    # 100 years to the day is still accepted.
    assert check_nip("192611222015051001", today=TODAY).valid


@pytest.mark.parametrize("bulan", ["00", "13", "19"])
def test_rule3_tmt_month(bulan: str) -> None:
    (pesan,) = _errors(f"19860926 2015{bulan} 1 001")
    assert "Digit 9–14" in pesan and f"'{bulan}'" in pesan


def test_rule3_tmt_year_zero() -> None:
    kesalahan = _errors("198609260000051001")
    assert any("Digit 9–14" in k and "0000" in k for k in kesalahan)


def test_unknown_digit_13() -> None:
    (pesan,) = _errors("198609262015551001")
    assert "Digit 13" in pesan and "'5'" in pesan


def test_rule4_sex_digit() -> None:
    (pesan,) = _errors("198609262015053001")
    assert pesan == "Digit 15 (jenis kelamin) harus 1 atau 2, bukan '3'."
    (pesan,) = _errors("198609262015050001")
    assert "Digit 15" in pesan and "'0'" in pesan


def test_rule5_sequence() -> None:
    (pesan,) = _errors("198609262015051000")
    assert "Digit 16–18" in pesan and "000" in pesan


def test_tmt_before_birth_is_an_error() -> None:
    (pesan,) = _errors("198609261985051001")
    assert "Digit 9–14" in pesan and "Digit 1–8" not in pesan and "digit 1–8" in pesan
    # Same month as the birth but before the birthday: still before birth.
    assert _errors("198609261986091001")


def test_multiple_errors_are_collected() -> None:
    kesalahan = _errors("198613262015133000")
    assert len(kesalahan) == 4
    assert [k.split(" (")[0] for k in kesalahan] == [
        "Digit 1–8",
        "Digit 9–14",
        "Digit 15",
        "Digit 16–18",
    ]


def test_non_digit_does_not_hide_other_errors() -> None:
    kesalahan = _errors("19860926201505300X")
    assert any("digit 18" in k for k in kesalahan)
    assert any(k.startswith("Digit 15") for k in kesalahan)


def test_jenis_asn_mismatch() -> None:
    (pesan,) = _errors(CONTOH, jenis_asn="PPPK")
    assert "Digit 13" in pesan and "PPPK" in pesan
    kesalahan = _errors(CONTOH_PPPK, jenis_asn="PNS")
    assert any(k.startswith("Digit 13") and "PPPK" in k for k in kesalahan)


def test_parse_nip_raises_with_all_reasons() -> None:
    with pytest.raises(ValidationError) as info:
        parse_nip("198613262015133000", today=TODAY)
    error = info.value
    assert error.field == "nip"
    assert len(error.reasons) == 4
    assert str(error) == "NIP 198613262015133000 tidak sah: " + error.reasons[0]
    with pytest.raises(ValidationError, match=r"^NIP tidak sah: NIP belum diisi"):
        parse_nip("  ", today=TODAY)


# --- warnings -------------------------------------------------------------------------------


def test_tmt_before_18th_birthday_is_only_a_warning() -> None:
    check = check_nip("198609262000051001", today=TODAY)
    assert check.valid and check.info is not None
    (pesan,) = check.peringatan
    assert "18 tahun" in pesan and "digit 9–14" in pesan
    assert check.info.peringatan == check.peringatan
    # On the 18th birthday's month boundary: TMT 1 Oct 2004 is after 26 Sep 2004.
    assert check_nip("198609262004101001", today=TODAY).peringatan == ()


def test_tmt_in_future_is_a_warning() -> None:
    check = check_nip("198609262027011001", today=TODAY)
    assert check.valid
    assert any("masa depan" in p for p in check.peringatan)
    assert check_nip("198609262026111001", today=TODAY).peringatan == ()


@pytest.mark.parametrize("tahun", ["2015", "2028"])
def test_pppk_year_out_of_range_is_a_warning(tahun: str) -> None:
    check = check_nip(f"19900315{tahun}211001", today=TODAY)
    assert check.valid
    (pesan,) = check.peringatan
    assert "digit 9–12" in pesan and tahun in pesan
    assert check_nip("199003152027211001", today=TODAY).peringatan == ()


def test_pppk_appointed_before_birth_is_an_error() -> None:
    (pesan,) = _errors("199003151985211001")
    assert "Digit 9–12" in pesan


def test_pppk_part_time_number_is_accepted() -> None:
    # "…2025 24 2 014": positions 13-14 are opaque for paruh waktu (asn-rules 1.2 [?]).
    info = parse_nip("199003152025242014", today=TODAY)
    assert info.jenis_asn == "PPPK" and info.kontrak_ke == 4 and info.jenis_kelamin == "P"


# --- normalisation and format ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "'1986 0926 2015 05 1 001",
        "NIP. 19860926.201505.1.001",
        "1986-0926-2015-05-1-001",
        "NIP: 19860926 201505 1 001",
        "nip 198609262015051001",
        "  198609262015051001\t",
        "NIP.19860926 201505 1 001",
        "’19860926\u00a0201505\u00a01\u00a0001",
        "19860926–201505–1–001",
    ],
)
def test_normalise_nip(text: str) -> None:
    assert normalise_nip(text) == CONTOH
    assert parse_nip(text, today=TODAY).nip == CONTOH


def test_format_nip() -> None:
    assert format_nip(CONTOH) == "19860926 201505 1 001"
    assert format_nip(CONTOH_PPPK) == "19900315 202421 1 001"
    assert format_nip("NIP. 19860926.201505.1.001") == "19860926 201505 1 001"
    assert format_nip("12345") == "12345"
    assert format_nip("1.98609262015051e+17") == "1.98609262015051e+17"


def test_describe_nip() -> None:
    assert describe_nip(CONTOH, today=TODAY) == [
        ("NIP", CONTOH),
        ("Jenis", "PNS"),
        ("Tanggal lahir", "26 September 1986"),
        ("TMT CPNS", "1 Mei 2015"),
        ("Jenis kelamin", "Laki-laki"),
        ("Nomor urut", "001"),
        ("Format cetak", "19860926 201505 1 001"),
    ]
    pppk = dict(describe_nip("199003152024212001", today=TODAY))
    assert pppk["Jenis"] == "PPPK"
    assert pppk["Tahun pengangkatan PPPK"] == "2024"
    assert pppk["Jenis kelamin"] == "Perempuan"
    assert "TMT CPNS" not in pppk
    warned = describe_nip("198609262000051001", today=TODAY)
    assert warned[-1][0] == "Peringatan"
    with pytest.raises(ValidationError):
        describe_nip("198613262015051001", today=TODAY)


# --- NIK ------------------------------------------------------------------------------------


def test_nik_man() -> None:
    info, kesalahan = check_nik("3201012609860001")
    assert kesalahan == ()
    assert info is not None
    assert info.kode_provinsi == "32"
    assert info.kode_kabkota == "3201"
    assert info.kode_kecamatan == "320101"
    assert info.tanggal_lahir_ddmmyy == "260986"
    assert (info.hari, info.bulan, info.tahun2) == (26, 9, 86)
    assert info.jenis_kelamin == "L"
    assert info.nomor_urut == "0001"


def test_nik_woman_has_day_plus_40() -> None:
    info, kesalahan = check_nik("'3201 01 570190 0012")
    assert kesalahan == ()
    assert info is not None
    assert info.nik == "3201015701900012"
    assert info.jenis_kelamin == "P"
    assert info.hari == 17
    assert info.tanggal_lahir_ddmmyy == "170190"


def test_nik_29_february_of_any_year() -> None:
    info, kesalahan = check_nik("3201012902870001")  # 1987 is not leap; the NIK can't tell
    assert kesalahan == () and info is not None


@pytest.mark.parametrize(
    ("nik", "posisi"),
    [
        ("320101260986000", "16 angka"),
        ("0501012609860001", "Digit 1–2"),
        ("3201013509860001", "Digit 7–8"),
        ("3201017209860001", "Digit 7–8"),
        ("3201010009860001", "Digit 7–8"),
        ("3201012613860001", "Digit 9–10"),
        ("3201013102860001", "Digit 7–10"),
        ("3201017102860001", "Digit 7–10"),
        ("3201012609860000", "Digit 13–16"),
        ("32010126098600A1", "angka"),
        ("3.20101260986e+15", "angka ilmiah"),
        ("", "belum diisi"),
    ],
)
def test_nik_rejections(nik: str, posisi: str) -> None:
    info, kesalahan = check_nik(nik)
    assert info is None
    assert any(posisi in k for k in kesalahan)


def test_normalise_nik() -> None:
    assert normalise_nik("NIK: 3201.0126.0986.0001") == "3201012609860001"


# --- cross-check ----------------------------------------------------------------------------


def test_cross_check_consistent() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    assert (
        cross_check(
            info,
            tanggal_lahir=date(1986, 9, 26),
            jenis_kelamin="L",
            nik="3201012609860001",
            tmt_cpns=date(2015, 5, 14),  # only year and month are compared
        )
        == ()
    )
    assert cross_check(info) == ()
    assert cross_check(info, jenis_kelamin="Laki-laki") == ()


def test_cross_check_birth_date() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    (pesan,) = cross_check(info, tanggal_lahir=date(1986, 9, 27))
    assert "26 September 1986" in pesan and "27 September 1986" in pesan


def test_cross_check_sex() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    (pesan,) = cross_check(info, jenis_kelamin="P")
    assert "digit 15" in pesan and "Perempuan" in pesan
    (pesan,) = cross_check(info, jenis_kelamin="X")
    assert "'X'" in pesan


def test_cross_check_tmt_month() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    (pesan,) = cross_check(info, tmt_cpns=date(2015, 6, 1))
    assert "TMT CPNS" in pesan and "Mei 2015" in pesan
    pppk = parse_nip(CONTOH_PPPK, today=TODAY)
    assert cross_check(pppk, tmt_cpns=date(2015, 6, 1)) == ()


def test_cross_check_nik_woman() -> None:
    perempuan = parse_nip("199001172015032001", today=TODAY)
    assert cross_check(perempuan, nik="3201015701900012") == ()
    # The same NIK written as for a man: the sex differs, the date still matches.
    (pesan,) = cross_check(perempuan, nik="3201011701900012")
    assert "Jenis kelamin di NIK" in pesan and "40" in pesan


def test_cross_check_nik_date() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    (pesan,) = cross_check(info, nik="3201012709860001")
    assert "digit 7–12" in pesan and "270986" in pesan and "260986" in pesan
    (pesan,) = cross_check(info, nik="3201012609870001")
    assert "260987" in pesan


def test_cross_check_invalid_nik_gives_its_own_reasons() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    (pesan,) = cross_check(info, nik="3201012609860000")
    assert "Digit 13–16 NIK" in pesan


def test_cross_check_collects_everything() -> None:
    info = parse_nip(CONTOH, today=TODAY)
    alasan = cross_check(
        info,
        tanggal_lahir=date(1986, 9, 25),
        jenis_kelamin="P",
        nik="3201016509860001",
        tmt_cpns=date(2016, 5, 1),
    )
    assert len(alasan) == 5


# --- properties -----------------------------------------------------------------------------

lahir_st = st.dates(min_value=date(1940, 1, 1), max_value=date(2006, 12, 31))
kelamin_st = st.sampled_from(["L", "P"])
urut_st = st.integers(min_value=1, max_value=999)


@st.composite
def nip_pns(draw: st.DrawFn) -> tuple[str, date, date, str, int]:
    lahir = draw(lahir_st)
    tmt_awal = date(lahir.year, lahir.month, 1) + timedelta(days=32)
    tmt = draw(st.dates(min_value=tmt_awal, max_value=date(2027, 12, 31))).replace(day=1)
    kelamin = draw(kelamin_st)
    urut = draw(urut_st)
    nip = f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if kelamin == 'L' else '2'}{urut:03d}"
    return nip, lahir, tmt, kelamin, urut


@given(nip_pns())
def test_property_pns_round_trip(data: tuple[str, date, date, str, int]) -> None:
    nip, lahir, tmt, kelamin, urut = data
    info = parse_nip(nip, today=TODAY)
    assert info.nip == nip
    assert info.jenis_asn == "PNS"
    assert info.tanggal_lahir == lahir
    assert info.tmt_cpns == tmt
    assert info.jenis_kelamin == kelamin
    assert info.nomor_urut == urut
    assert info.tahun_pengangkatan is None and info.kontrak_ke is None
    assert normalise_nip(format_nip(nip)) == nip


@given(
    lahir_st,
    st.integers(min_value=2019, max_value=2027),
    st.integers(min_value=0, max_value=9),
    kelamin_st,
    urut_st,
)
def test_property_pppk_round_trip(
    lahir: date, tahun: int, kontrak: int, kelamin: str, urut: int
) -> None:
    nip = f"{lahir:%Y%m%d}{tahun}2{kontrak}{'1' if kelamin == 'L' else '2'}{urut:03d}"
    info = parse_nip(nip, today=TODAY)
    assert info.jenis_asn == "PPPK"
    assert info.tanggal_lahir == lahir
    assert info.tahun_pengangkatan == tahun
    assert info.kontrak_ke == kontrak
    assert info.jenis_kelamin == kelamin
    assert info.nomor_urut == urut
    assert info.tmt_cpns is None
    assert normalise_nip(format_nip(nip)) == nip


jenis_st = st.sampled_from([None, "PNS", "PPPK"])


@given(st.text(alphabet="0123456789", min_size=18, max_size=18), jenis_st)
def test_property_any_18_digits_parses_or_explains(nip: str, jenis: str | None) -> None:
    check = check_nip(nip, jenis_asn=jenis, today=TODAY)
    try:
        info = parse_nip(nip, jenis_asn=jenis, today=TODAY)
    except ValidationError as error:
        assert not check.valid and check.info is None
        assert error.reasons == list(check.kesalahan) and error.reasons
        assert error.field == "nip"
    else:
        assert check.valid and check.info == info and check.kesalahan == ()


@given(st.text(), jenis_st)
def test_property_check_nip_never_raises(text: str, jenis: str | None) -> None:
    check = check_nip(text, jenis_asn=jenis, today=TODAY)
    assert check.valid == (check.info is not None) == (not check.kesalahan)
    assert isinstance(normalise_nip(text), str)
    format_nip(text)
    check_nik(text)


@given(nip_pns(), st.sampled_from("03456789"))
def test_property_bad_sex_digit_invalidates(
    data: tuple[str, date, date, str, int], digit: str
) -> None:
    nip = data[0]
    kesalahan = _errors(nip[:14] + digit + nip[15:])
    assert any(k.startswith("Digit 15") for k in kesalahan)


@given(nip_pns())
def test_property_sequence_000_invalidates(data: tuple[str, date, date, str, int]) -> None:
    kesalahan = _errors(data[0][:15] + "000")
    assert any(k.startswith("Digit 16–18") for k in kesalahan)


bulan_salah_st = st.integers(min_value=13, max_value=99).map(lambda b: f"{b:02d}") | st.just("00")


@given(nip_pns(), bulan_salah_st)
def test_property_bad_month_invalidates_a_pns_nip(
    data: tuple[str, date, date, str, int], bulan: str
) -> None:
    nip = data[0][:12] + bulan + data[0][14:]
    kesalahan = _errors(nip, jenis_asn="PNS")
    assert any("Digit 9–14" in k or "Digit 13" in k for k in kesalahan)
    # Without the kind, a month 20-29 reads as an NI PPPK (digit 13 = "2"); any other bad
    # month is still rejected.
    if not bulan.startswith("2"):
        assert not check_nip(nip, today=TODAY).valid


def _nik(lahir: date, kelamin: str, wilayah: int, urut: int) -> str:
    hari = lahir.day + (40 if kelamin == "P" else 0)
    return f"{wilayah:06d}{hari:02d}{lahir:%m%y}{urut:04d}"


wilayah_st = st.integers(min_value=110000, max_value=999999)
nik_urut_st = st.integers(min_value=1, max_value=9999)


@given(nip_pns(), wilayah_st, nik_urut_st)
def test_property_matching_nik_cross_checks_clean(
    data: tuple[str, date, date, str, int], wilayah: int, urut: int
) -> None:
    nip, lahir, tmt, kelamin, _ = data
    info = parse_nip(nip, today=TODAY)
    nik = _nik(lahir, kelamin, wilayah, urut)
    assert check_nik(nik)[1] == ()
    assert (
        cross_check(info, tanggal_lahir=lahir, jenis_kelamin=kelamin, nik=nik, tmt_cpns=tmt) == ()
    )


@given(nip_pns(), wilayah_st, nik_urut_st)
def test_property_nik_of_other_sex_fails(
    data: tuple[str, date, date, str, int], wilayah: int, urut: int
) -> None:
    nip, lahir, _, kelamin, _ = data
    lain = "P" if kelamin == "L" else "L"
    (pesan,) = cross_check(parse_nip(nip, today=TODAY), nik=_nik(lahir, lain, wilayah, urut))
    assert "Jenis kelamin di NIK" in pesan


@given(
    nip_pns(),
    wilayah_st,
    nik_urut_st,
    st.integers(min_value=-36000, max_value=36000).filter(lambda d: d != 0),
)
def test_property_nik_of_other_date_fails(
    data: tuple[str, date, date, str, int], wilayah: int, urut: int, geser: int
) -> None:
    # Fewer than 100 years apart, so DDMMYY always differs.
    nip, lahir, _, kelamin, _ = data
    lain = lahir + timedelta(days=geser)
    (pesan,) = cross_check(parse_nip(nip, today=TODAY), nik=_nik(lain, kelamin, wilayah, urut))
    assert "Tanggal lahir di NIK" in pesan


@given(
    wilayah=st.integers(min_value=110101, max_value=947199),
    hari=st.integers(min_value=1, max_value=71),
    bulan=st.integers(min_value=1, max_value=12),
    tahun=st.integers(min_value=0, max_value=99),
    urut=st.integers(min_value=1, max_value=9999),
)
def test_cross_check_with_the_nik_already_checked_says_the_same(
    wilayah: int, hari: int, bulan: int, tahun: int, urut: int
) -> None:
    # the import checks a NIK once and hands the answer on (issue 20): the cross-check must
    # say exactly what it says when it checks the NIK itself
    nik = f"{wilayah:06d}{hari:02d}{bulan:02d}{tahun:02d}{urut:04d}"
    nik_info, _ = check_nik(nik)
    info = parse_nip(CONTOH, today=TODAY)
    if nik_info is not None:
        assert cross_check(info, nik=nik, nik_info=nik_info) == cross_check(info, nik=nik)
