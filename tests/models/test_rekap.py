"""Recap queries (asn-rules 13): DUK order, cross tables, KP, KGB, retirements, training hours."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.errors import NotFoundError, ValidationError
from app.models.pegawai.read import EmployeeFilter, get_employee, list_employees
from app.models.reference.loader import Referensi
from app.models.rekap.common import keterangan_tanggal, kop
from app.models.rekap.diklat import TARGET_JP_PNS, jam_pelajaran
from app.models.rekap.duk import duk, duk_key
from app.models.rekap.kgb import kgb_jatuh_tempo
from app.models.rekap.kp import (
    nominatif_kp,
    periode_kp,
    periode_kp_berikutnya,
    periode_kp_terakhir,
)
from app.models.rekap.pensiun import pensiun
from app.models.rekap.tabel import DIMENSI_REKAP, TIDAK_TERCATAT, rekap
from app.models.rules.derivations import add_years
from app.models.rules.kp import STATUS_BELUM, STATUS_MEMENUHI, STATUS_VERIFIKASI, kgb_berikutnya
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.common import TODAY
from tests.helpers.pegawai import Orang, add, make_db


@pytest.fixture
def kantor(tmp_path: Path) -> Any:
    db, units = make_db(tmp_path / "kantor.sqlite3")
    yield db, units
    db.close()


# -- DUK ----------------------------------------------------------------------------------------

PKA = ("STRUKTURAL", "Pelatihan Kepemimpinan Administrator (PKA)", "2012-01-01", 401)
PIM4 = ("STRUKTURAL", "Diklat Kepemimpinan Tingkat IV", "2010-01-01", 285)
PKP = ("STRUKTURAL", "Pelatihan Kepemimpinan Pengawas", "2012-01-01", 274)


def test_duk_order_each_tie_breaker_matters(kantor: Any) -> None:
    db, units = kantor
    same = {"golongan": "III/d", "tmt_golongan": "2019-04-01", "jenjang": "PENGAWAS"}
    tail = {**same, "tmt_jabatan": "2016-01-01", "mk": (10, 0)}
    people = [
        Orang("01 golongan lebih tinggi", golongan="IV/a", tmt_golongan="2022-04-01"),
        Orang("02 TMT golongan lebih awal", golongan="III/d", tmt_golongan="2018-04-01"),
        Orang("03 jabatan lebih tinggi", **{**same, "jenjang": "ADMINISTRATOR"}),
        Orang("04 TMT jabatan lebih awal", **same, tmt_jabatan="2015-01-01"),
        Orang("05 masa kerja lebih lama", **{**tail, "mk": (20, 0)}),
        Orang("06 masa kerja bulan lebih", **{**tail, "mk": (10, 1)}),
        Orang("07 latihan lebih tinggi", **tail, diklat=[PKA, PIM4]),
        Orang("08 latihan lebih awal", **tail, diklat=[PIM4]),
        Orang("09 pendidikan lebih tinggi", **tail, diklat=[PKP], pendidikan="S2"),
        Orang("10 lebih tua", **tail, diklat=[PKP], lahir="1970-01-01"),
        Orang("11 NIP lebih kecil", **tail, diklat=[PKP], lahir="1975-01-01", nip="1" * 18),
        Orang("12 NIP lebih besar", **tail, diklat=[PKP], lahir="1975-01-01", nip="2" * 18),
        Orang("13 tanpa pangkat", golongan=None),
        # not in the DUK: PPPK, CPNS, retired, moved out
        Orang("x PPPK", jenis_asn="PPPK", status="PPPK", golongan="IX"),
        Orang("x CPNS", status="CPNS", golongan="IV/e"),
        Orang("x pensiun", kedudukan="PENSIUN", golongan="IV/e"),
        Orang("x pindah", kedudukan="PINDAH", golongan="IV/e"),
    ]
    shuffled = people[::2] + people[1::2]
    add(db, units, shuffled)
    rows = list(duk(db.conn, on=TODAY))
    assert [b.nama_lengkap for b in rows] == [p.nama for p in people[:13]]
    assert [b.nomor for b in rows] == list(range(1, 14))
    keys = [duk_key(b) for b in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    by_name = {b.nama_lengkap: b for b in rows}
    seventh = by_name["07 latihan lebih tinggi"]
    assert (seventh.diklat_tingkat, seventh.diklat_jp) == (2, 401)
    assert seventh.pangkat == "Penata Tingkat I"
    fifth = by_name["05 masa kerja lebih lama"]
    # MK golongan on the DUK date: 20 years on the SK + time since 1 April 2019
    assert (fifth.mk_tahun, fifth.mk_bulan) == (27, 7)
    assert by_name["10 lebih tua"].usia == 56
    with_cpns = list(duk(db.conn, on=TODAY, termasuk_cpns=True))
    assert with_cpns[0].nama_lengkap == "x CPNS"


def test_duk_of_one_unit_and_unknown_unit(kantor: Any) -> None:
    db, units = kantor
    add(
        db,
        units,
        [Orang("di bidang", unit="bidang"), Orang("di dinas"), Orang("di badan", unit="badan")],
    )
    names = lambda unit: {b.nama_lengkap for b in duk(db.conn, on=TODAY, unit_id=unit)}  # noqa: E731
    assert names(units["dinas"]) == {"di bidang", "di dinas"}
    assert names(units["bidang"]) == {"di bidang"}
    with pytest.raises(NotFoundError):
        list(duk(db.conn, on=TODAY, unit_id="tidak-ada"))


# Training names with the level the DUK gives them.
LATIHAN = [
    (None, None),
    ("Diklat Kepemimpinan Tingkat II", 3),
    ("Pelatihan Kepemimpinan Administrator", 2),
    ("Pelatihan Kepemimpinan Pengawas", 1),
    ("Bimbingan Teknis Aplikasi", None),
]
orang_acak = st.fixed_dictionaries(
    {
        "golongan": st.sampled_from([None, "III/c", "III/d"]),
        "tmt_golongan": st.sampled_from(["2018-04-01", "2019-10-01"]),
        "jenjang": st.sampled_from([None, "PELAKSANA", "PENGAWAS", "AHLI_MUDA"]),
        "tmt_jabatan": st.sampled_from(["2015-01-01", "2017-01-01"]),
        "mk": st.sampled_from([(5, 0), (5, 6), (9, 0)]),
        "latihan": st.sampled_from(range(len(LATIHAN))),
        "tanggal_latihan": st.sampled_from(["2010-05-01", "2012-05-01"]),
        "pendidikan": st.sampled_from([None, "SLTA", "S1", "S2"]),
        "lahir": st.sampled_from(["1975-01-01", "1978-06-15"]),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(orang_acak, min_size=1, max_size=7))
def test_duk_order_is_the_comparison_key_for_random_employees(specs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, units = make_db(Path(tmp) / "acak.sqlite3")
        try:
            people = []
            for i, s in enumerate(specs):
                nama, tingkat = LATIHAN[s["latihan"]]
                jenis = "TEKNIS" if nama and tingkat is None else "STRUKTURAL"
                diklat = [(jenis, nama, s["tanggal_latihan"], 10)] if nama else []
                people.append(
                    Orang(
                        f"P{i}",
                        golongan=s["golongan"],
                        tmt_golongan=s["tmt_golongan"],
                        jenjang=s["jenjang"],
                        tmt_jabatan=s["tmt_jabatan"],
                        mk=s["mk"],
                        diklat=diklat,
                        pendidikan=s["pendidikan"],
                        lahir=s["lahir"],
                        nip=f"{i:018d}",
                    )
                )
            add(db, units, people)
            ref = Referensi.load(db.conn)
            rows = list(duk(db.conn, on=TODAY))
        finally:
            db.close()

    def expected_key(i: int) -> tuple[Any, ...]:
        s = specs[i]
        gol = ref.golongan_urutan(s["golongan"]) if s["golongan"] else None
        jab = ref.jenjang[s["jenjang"]]["tingkat"] if s["jenjang"] else None
        mk = s["mk"][0] * 12 + s["mk"][1] if s["golongan"] else None
        tingkat = LATIHAN[s["latihan"]][1]
        when = s["tanggal_latihan"] if tingkat else None
        pend = ref.pendidikan_urutan(s["pendidikan"]) if s["pendidikan"] else None

        def desc(v: int | None) -> tuple[bool, int]:
            return (v is None, -(v or 0))

        def asc(v: str | None) -> tuple[bool, str]:
            return (v is None, v or "")

        return (
            desc(gol),
            asc(s["tmt_golongan"] if gol else None),
            desc(jab),
            asc(s["tmt_jabatan"] if jab else None),
            desc(mk),
            desc(tingkat),
            asc(when),
            desc(pend),
            s["lahir"],
            f"{i:018d}",
        )

    expected = sorted(range(len(specs)), key=expected_key)
    assert [b.nip for b in rows] == [f"{i:018d}" for i in expected]
    keys = [duk_key(b) for b in rows]
    assert keys == sorted(keys)


# -- cross tables -------------------------------------------------------------------------------


def test_rekap_counts_match_a_count_done_differently(demo_db: Database) -> None:
    conn = demo_db.conn
    ref = Referensi.load(conn)
    everyone = list_employees(conn, EmployeeFilter(kedudukan="AKTIF"))
    for dimensi in DIMENSI_REKAP:
        table = rekap(conn, dimensi)
        assert table.total() == len(everyone)
        expected: Counter[tuple[str, str, str]] = Counter()
        for e in everyone:
            if dimensi == "golongan":
                row = ref.golongan.get(e["golongan"] or "")
                kat = (
                    "PPPK"
                    if e["jenis_asn"] == "PPPK"
                    else e["golongan"].split("/")[0]
                    if row
                    else TIDAK_TERCATAT
                )
            elif dimensi == "pendidikan":
                kat = e["pendidikan"] or TIDAK_TERCATAT
            elif dimensi == "jenis_kelamin":
                kat = e["jenis_kelamin"]
            elif dimensi == "status":
                kat = e["status"]
            else:
                kat = (
                    e["jenis_jabatan"]
                    if e["jenis_jabatan"] in ("JPT", "JF")
                    else e["jenjang_jabatan"] or TIDAK_TERCATAT
                )
            expected[(e["opd"] or "", kat, e["jenis_kelamin"])] += 1
        got: Counter[tuple[str, str, str]] = Counter()
        for b in table.baris:
            for (kat, jk), n in b.jumlah.items():
                got[(b.nama, kat, jk)] += n
        assert +got == +expected, dimensi
        for k in table.kategori:
            assert table.total(k.kode) == sum(v for (_, c, _), v in expected.items() if c == k.kode)
    golongan = rekap(conn, "golongan")
    assert [k.label for k in golongan.kategori][:5] == ["I", "II", "III", "IV", "PPPK"]


def test_rekap_of_one_unit_has_its_sub_units_as_rows(kantor: Any) -> None:
    db, units = kantor
    add(
        db,
        units,
        [
            Orang("a", unit="bidang", jk="P"),
            Orang("b", unit="bidang"),
            Orang("c", golongan="II/a"),
            Orang("d", jenis_asn="PPPK", status="PPPK", golongan="IX", jk="P"),
            Orang("e", unit="badan"),
            Orang("f", kedudukan="MENINGGAL"),
        ],
    )
    whole = rekap(db.conn, "golongan")
    assert [b.nama for b in whole.baris] == ["Dinas Kesehatan", "Badan Keuangan"]
    assert whole.baris[0].count() == 4 and whole.total() == 5
    assert whole.total("III", "L") == 2 and whole.total("III", "P") == 1
    assert whole.total("PPPK") == 1 and whole.total("II") == 1
    one = rekap(db.conn, "jenis_kelamin", unit_id=units["dinas"])
    assert [b.nama for b in one.baris] == ["Dinas Kesehatan", "Bidang Pelayanan"]
    assert one.baris[0].count() == 2 and one.baris[1].count("P") == 1
    assert not one.pisah_jk
    with pytest.raises(ValidationError):
        rekap(db.conn, "agama")


# -- KP -----------------------------------------------------------------------------------------


def test_periode_kp_follows_the_reference_table(kantor: Any) -> None:
    """asn-rules 5.1: April and October until 2023, six periods 2024 to September 2025 (Peraturan
    BKN 4/2023), every month from 1 October 2025 (Peraturan BKN 4/2025); the rule in force on
    the period's date decides."""
    conn = kantor[0].conn
    assert periode_kp(conn, "2023-10") == date(2023, 10, 1)
    assert periode_kp(conn, "2024-04") == date(2024, 4, 1)
    assert periode_kp(conn, "2025-08") == date(2025, 8, 1)
    assert periode_kp(conn, "2025-11") == date(2025, 11, 1)  # monthly from October 2025
    assert periode_kp(conn, "2026-11") == date(2026, 11, 1)
    assert periode_kp(conn, "2027-01") == date(2027, 1, 1)
    for bad in ("2023-06", "2024-05", "2025-09", "April", "2027-13"):
        with pytest.raises(ValidationError) as err:
            periode_kp(conn, bad)
        assert "periode" in str(err.value).lower()
    assert periode_kp_berikutnya(conn, TODAY) == date(2026, 12, 1)
    # across the change of rule: the six-period rule until September, monthly after
    assert periode_kp_berikutnya(conn, date(2025, 6, 1)) == date(2025, 8, 1)
    assert periode_kp_berikutnya(conn, date(2025, 8, 15)) == date(2025, 10, 1)
    assert periode_kp_berikutnya(conn, date(2025, 10, 1)) == date(2025, 11, 1)
    assert periode_kp_berikutnya(conn, date(2023, 4, 1)) == date(2023, 10, 1)
    assert periode_kp_berikutnya(conn, date(2023, 12, 31)) == date(2024, 2, 1)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(on=st.dates(min_value=date(2025, 10, 1), max_value=date(2040, 12, 31)))
def test_from_october_2025_every_month_is_a_period(kantor: Any, on: date) -> None:
    conn = kantor[0].conn
    first = on.replace(day=1)
    assert periode_kp(conn, first.strftime("%Y-%m")) == first
    nxt = periode_kp_berikutnya(conn, on)
    assert (
        nxt.day == 1
        and nxt > on
        and (nxt.year, nxt.month)
        == ((on.year + 1, 1) if on.month == 12 else (on.year, on.month + 1))
    )


def test_nominatif_kp_on_hand_made_records(kantor: Any) -> None:
    db, units = kantor
    baik = {2026: "BAIK", 2025: "SANGAT_BAIK"}
    berat = next(
        k
        for k, r in Referensi.load(db.conn).table("ref_hukuman_disiplin").items()
        if r["menghambat_kp_kgb"]
    )
    add(
        db,
        units,
        [
            Orang("A tepat 4 tahun", golongan="III/b", tmt_golongan="2023-04-01", skp=baik),
            Orang("B kurang sehari", golongan="III/b", tmt_golongan="2023-04-02", skp=baik),
            Orang(
                "C naik golongan",
                golongan="II/d",
                tmt_golongan="2020-04-01",
                pendidikan="SLTA",
                skp=baik,
            ),
            Orang("D batas ijazah", golongan="III/d", tmt_golongan="2015-04-01", skp=baik),
            Orang(
                "E fungsional 2 tahun",
                golongan="III/a",
                tmt_golongan="2025-04-01",
                jenis_jabatan="JF",
                jenjang="AHLI_PERTAMA",
                skp=baik,
            ),
            Orang(
                "F predikat kurang",
                golongan="III/a",
                tmt_golongan="2020-04-01",
                skp={2026: "KURANG", 2025: "BAIK"},
            ),
            Orang(
                "G hukuman disiplin",
                golongan="III/a",
                tmt_golongan="2020-04-01",
                skp=baik,
                hukdis=[(berat, "2026-06-01", "2027-06-01")],
            ),
            Orang("H tanpa SKP", golongan="III/a", tmt_golongan="2020-04-01"),
            Orang(
                "x PPPK", jenis_asn="PPPK", status="PPPK", golongan="IX", tmt_golongan="2015-01-01"
            ),
            Orang("x CPNS", status="CPNS", golongan="III/a", tmt_golongan="2015-01-01"),
            Orang("x IV/e", golongan="IV/e", tmt_golongan="2010-01-01", pendidikan="S3"),
        ],
    )
    assert_banyak_sama(
        db.conn, [date(2026, 10, 1), date(2027, 3, 1), date(2027, 4, 1), date(2028, 4, 1)]
    )
    data = nominatif_kp(db.conn, date(2027, 4, 1))
    by = {b.nama_lengkap: b for b in data.baris}
    assert set(by) == {
        "A tepat 4 tahun",
        "C naik golongan",
        "E fungsional 2 tahun",
        "F predikat kurang",
        "G hukuman disiplin",
        "H tanpa SKP",
    }
    assert data.melebihi_batas == 1  # D: S1 reaches at most III/d
    a = by["A tepat 4 tahun"]
    assert (a.status, a.golongan_baru, a.pangkat_baru) == (STATUS_MEMENUHI, "III/c", "Penata")
    assert (a.masa_tahun, a.masa_bulan, a.jenis_kp) == (4, 0, "reguler")
    c = by["C naik golongan"]
    assert c.golongan_baru == "III/a" and c.perlu_verifikasi
    assert any("ujian dinas tingkat I," in k for k in c.keterangan)
    assert not any("batas pangkat ijazah" in k for k in c.keterangan)  # SLTA reaches III/b
    e = by["E fungsional 2 tahun"]
    assert e.perlu_verifikasi and any("Angka kredit" in k for k in e.keterangan)
    assert by["F predikat kurang"].status == STATUS_BELUM
    assert by["G hukuman disiplin"].status == STATUS_BELUM
    h = by["H tanpa SKP"]
    assert h.perlu_verifikasi and any("SKP 2026 belum tercatat" in k for k in h.keterangan)
    assert [b.nomor for b in data.baris] == list(range(1, 7))
    semua = nominatif_kp(db.conn, date(2027, 4, 1), termasuk_melebihi_batas=True)
    d = next(b for b in semua.baris if b.nama_lengkap == "D batas ijazah")
    assert d.perlu_verifikasi and any("perlu diverifikasi" in k for k in d.keterangan)
    assert semua.melebihi_batas == 0


# -- KGB ----------------------------------------------------------------------------------------


def test_kgb_due_on_hand_made_records(kantor: Any) -> None:
    """asn-rules 10.3: the next KGB is when the MKG reaches the next step of the gaji table
    (even MKG in golongan III), up to the top, never on or after the TMT pensiun; PPPK too."""
    db, units = kantor
    add(
        db,
        units,
        [
            Orang("A dari KGB", tmt_golongan="2019-04-01", kgb=[("2025-03-01", 10, 0)]),
            Orang("B dari KP", tmt_golongan="2025-10-01", mk=(8, 2), kgb=[("2024-01-01", 7, 0)]),
            Orang("C belum", tmt_golongan="2019-04-01", kgb=[("2026-02-01", 10, 0)]),
            Orang("D terlewat", tmt_golongan="2017-04-01", kgb=[("2021-06-01", 6, 0)]),
            Orang("E puncak", tmt_golongan="2015-04-01", kgb=[("2025-01-01", 32, 0)]),
            Orang(
                "F pensiun dulu",
                lahir="1969-04-15",  # BUP 58: TMT pensiun 1 May 2027
                tmt_golongan="2015-04-01",
                kgb=[("2025-06-01", 20, 0)],
            ),
            # after a KP III/c -> III/d TMT 1 December 2026 with MKG 21y2m: 1 October 2027
            Orang("G sesudah KP", golongan="III/d", tmt_golongan="2026-12-01", mk=(21, 2)),
            Orang(
                "x PPPK", jenis_asn="PPPK", status="PPPK", golongan="IX", tmt_golongan="2025-03-01"
            ),
        ],
    )
    rows = kgb_jatuh_tempo(db.conn, date(2027, 1, 1), date(2027, 12, 31))
    assert [b.nama_lengkap for b in rows] == [
        "A dari KGB",
        "x PPPK",
        "D terlewat",
        "B dari KP",
        "G sesudah KP",
    ]
    a, x, d, b, g = rows
    assert (a.dasar, a.tmt_baru, a.mk_baru_tahun, a.mk_baru_bulan, a.gaji_pokok) == (
        "KGB",
        date(2027, 3, 1),
        12,
        0,
        3_355_400,
    )
    assert (b.dasar, b.tmt_baru, b.mk_baru_tahun, b.mk_baru_bulan, b.gaji_pokok) == (
        "KP",
        date(2027, 8, 1),
        10,
        0,
        3_252_900,
    )
    assert (g.tmt_baru, g.mk_baru_tahun, g.mk_baru_bulan, g.gaji_pokok) == (
        date(2027, 10, 1),
        22,
        0,
        4_436_700,
    )
    assert a.status == STATUS_MEMENUHI
    assert d.tmt_baru == date(2027, 6, 1) and d.status == STATUS_VERIFIKASI
    assert "2 KGB sebelumnya belum tercatat" in d.keterangan[0]
    assert (x.jenis_asn, x.tmt_baru, x.mk_baru_tahun, x.gaji_pokok) == (
        "PPPK",
        date(2027, 3, 1),
        2,
        3_304_400,
    )
    assert x.status == STATUS_VERIFIKASI and "[?]" in x.keterangan[0]
    assert [r.nomor for r in rows] == [1, 2, 3, 4, 5]
    with pytest.raises(ValidationError):
        kgb_jatuh_tempo(db.conn, date(2027, 12, 31), date(2027, 1, 1))


def test_kgb_before_the_table_says_it_is_missing(kantor: Any) -> None:
    db, units = kantor
    add(db, units, [Orang("Lama", tmt_golongan="2019-04-01", kgb=[("2021-03-01", 10, 0)])])
    (row,) = kgb_jatuh_tempo(db.conn, date(2023, 1, 1), date(2023, 12, 31))
    assert row.tmt_baru == date(2023, 3, 1) and row.gaji_pokok is None
    assert row.status == STATUS_VERIFIKASI
    assert "tabel gaji belum lengkap untuk golongan III/a pada 2023-03-01" in row.keterangan[0]


def test_kgb_berikutnya_and_add_years() -> None:
    assert kgb_berikutnya(date(2025, 3, 1), date(2027, 1, 1)) == (date(2027, 3, 1), 1)
    assert kgb_berikutnya(date(2019, 3, 1), date(2027, 1, 1)) == (date(2027, 3, 1), 4)
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)


# -- retirements --------------------------------------------------------------------------------


def test_pensiun_in_the_next_five_years(kantor: Any) -> None:
    db, units = kantor
    add(
        db,
        units,
        [
            Orang("A pelaksana 58", lahir="1970-05-10"),
            Orang("B JPT 60", lahir="1967-03-15", jenis_jabatan="JPT", jenjang="JPT_PRATAMA"),
            Orang("C ahli utama 65", lahir="1965-01-01", jenis_jabatan="JF", jenjang="AHLI_UTAMA"),
            Orang("D muda", lahir="1980-01-01"),
            Orang(
                "E guru 60",
                lahir="1969-01-10",
                jenis_jabatan="JF",
                jenjang="AHLI_MUDA",
                bup_jabatan=60,
            ),
            Orang("F sudah lewat", lahir="1968-10-05"),
            Orang("G tanpa jabatan", lahir="1970-03-03", jenjang=None),
        ],
    )
    rows = pensiun(db.conn, TODAY)
    got = [(b.nama_lengkap, b.bup, b.tmt_pensiun) for b in rows]
    assert got == [
        ("B JPT 60", 60, date(2027, 4, 1)),
        ("G tanpa jabatan", 58, date(2028, 4, 1)),
        ("A pelaksana 58", 58, date(2028, 6, 1)),
        ("E guru 60", 60, date(2029, 2, 1)),
        ("C ahli utama 65", 65, date(2030, 2, 1)),
    ]
    assert "menurut jabatan" in rows[3].keterangan[0]
    assert "perlu diverifikasi" in rows[1].keterangan[0]
    assert [b.nama_lengkap for b in pensiun(db.conn, TODAY, tahun=1)] == ["B JPT 60"]


def test_pensiun_agrees_with_the_employee_record(demo_db: Database) -> None:
    conn = demo_db.conn
    rows = {b.nip: b for b in pensiun(conn, TODAY)}
    sampai = add_years(TODAY, 5).isoformat()
    expected = set()
    for e in list_employees(conn, EmployeeFilter(kedudukan="AKTIF")):
        if e["jenis_asn"] != "PNS":
            continue
        record = get_employee(conn, e["nip"], today=TODAY).data
        if TODAY.isoformat() <= record["tanggal_pensiun"] < sampai:
            expected.add(e["nip"])
            assert rows[e["nip"]].tmt_pensiun.isoformat() == record["tanggal_pensiun"]
            assert rows[e["nip"]].bup == record["bup"]
    assert set(rows) == expected and expected


# -- training hours -----------------------------------------------------------------------------


def test_training_hours_against_20_jp(kantor: Any) -> None:
    db, units = kantor
    add(
        db,
        units,
        [
            Orang(
                "A cukup",
                diklat=[
                    ("TEKNIS", "Bimtek", "2026-03-01", 12),
                    ("TEKNIS", "Seminar", "2026-01-05", 10),
                ],
            ),
            Orang(
                "B kurang",
                diklat=[
                    ("TEKNIS", "Bimtek", "2026-05-01", 8),
                    ("TEKNIS", "Kursus", "2025-12-01", 30),
                ],
            ),
            Orang("C belum ada"),
            Orang("x PPPK", jenis_asn="PPPK", status="PPPK", golongan="IX"),
        ],
    )
    rows = {b.nama_lengkap: b for b in jam_pelajaran(db.conn, 2026)}
    assert set(rows) == {"A cukup", "B kurang", "C belum ada"}
    assert (rows["A cukup"].jp, rows["A cukup"].kegiatan, rows["A cukup"].tercapai) == (22, 2, True)
    assert (rows["B kurang"].jp, rows["B kurang"].kekurangan) == (8, 12)
    assert (rows["C belum ada"].jp, rows["C belum ada"].kekurangan) == (0, 20)
    assert rows["A cukup"].target == TARGET_JP_PNS == 20


def test_kop_names_the_agency_and_unit(kantor: Any) -> None:
    db, units = kantor
    k = kop(db.conn, units["bidang"], TODAY)
    assert (k.instansi, k.unit, k.tanggal) == ("BKPSDM Kota Uji", "Bidang Pelayanan", TODAY)
    assert keterangan_tanggal(TODAY) == "Keadaan per 22 November 2026"


def test_nominatif_kp_not_above_the_direct_superior(kantor: Any) -> None:
    """asn-rules 5.2/5.3: until 19 May 2025 the new pangkat of a KP reguler may not exceed the
    direct superior's (the holder of the position above); a jabatan fungsional may. From 20 May
    2025 (Peraturan BKN 2/2025) no KP reguler is held back by the superior."""
    db, units = kantor
    baik = {2026: "BAIK", 2025: "BAIK"}
    add(
        db,
        units,
        [
            Orang("Atasan", golongan="III/c", tmt_golongan="2025-04-01", jenjang="PENGAWAS"),
            Orang("P sama dengan atasan", golongan="III/b", tmt_golongan="2020-04-01", skp=baik),
            Orang("Q melebihi atasan", golongan="III/c", tmt_golongan="2020-04-01", skp=baik),
            Orang(
                "R fungsional",
                golongan="III/c",
                tmt_golongan="2020-04-01",
                jenis_jabatan="JF",
                jenjang="AHLI_MUDA",
                skp=baik,
            ),
            Orang("S tanpa atasan", golongan="III/c", tmt_golongan="2020-04-01", skp=baik),
        ],
    )
    ids = {r[1]: r[0] for r in db.conn.execute("SELECT pegawai_id, nama FROM pegawai_ringkas")}
    with Store(db).write("uji: struktur") as tx:
        kepala = tx.insert(
            "jabatan",
            {
                "unit_id": units["dinas"],
                "nama": "Kepala Seksi",
                "jenis_kode": "JA",
                "jenjang_kode": "PENGAWAS",
            },
        )
        bawahan = {
            name: tx.insert(
                "jabatan",
                {
                    "unit_id": units["dinas"],
                    "nama": f"Jabatan {name}",
                    "jenis_kode": jenis,
                    "jenjang_kode": jenjang,
                    "atasan_jabatan_id": kepala,
                },
            )
            for name, jenis, jenjang in (
                ("P sama dengan atasan", "JA", "PELAKSANA"),
                ("Q melebihi atasan", "JA", "PELAKSANA"),
                ("R fungsional", "JF", "AHLI_MUDA"),
            )
        }
        for name, jabatan_id in [("Atasan", kepala), *bawahan.items()]:
            row = db.conn.execute(
                "SELECT id FROM riwayat_jabatan WHERE pegawai_id = ?", (ids[name],)
            ).fetchone()
            tx.update("riwayat_jabatan", row[0], {"jabatan_id": jabatan_id})
    # Before 20 May 2025 KP reguler may not pass the direct superior (KepKa BKN 12/2002) ...
    assert_banyak_sama(db.conn, [date(2025, 4, 1), date(2025, 6, 1), date(2027, 4, 1)])
    data = nominatif_kp(db.conn, date(2025, 4, 1), termasuk_melebihi_batas=True)
    by = {b.nama_lengkap: b for b in data.baris}
    assert by["P sama dengan atasan"].status != STATUS_BELUM  # III/c = the superior's
    q = by["Q melebihi atasan"]
    assert q.status == STATUS_BELUM
    assert any("melebihi pangkat atasan langsung Atasan (III/c)" in k for k in q.keterangan)
    assert not any("atasan" in k for k in by["R fungsional"].keterangan)
    assert not any("atasan" in k for k in by["S tanpa atasan"].keterangan)  # no position above
    # ... from 20 May 2025 it may (Peraturan BKN 2/2025): the same people in 2027.
    data = nominatif_kp(db.conn, date(2027, 4, 1), termasuk_melebihi_batas=True)
    by = {b.nama_lengkap: b for b in data.baris}
    assert by["P sama dengan atasan"].status == STATUS_MEMENUHI
    assert by["Q melebihi atasan"].status == STATUS_MEMENUHI
    assert not any("atasan" in k for k in by["Q melebihi atasan"].keterangan)


def test_nominatif_kp_of_structural_posts(kantor: Any) -> None:
    """asn-rules 5.3: structural holders get KP pilihan capped at the top of their eselon range,
    4 years in pangkat, or 1 year in pangkat and 1 year in the post one step below the range;
    the list now also holds those with under 4 years in pangkat where that may apply."""
    db, units = kantor
    baik = {2026: "BAIK", 2025: "BAIK"}

    def kasi(nama: str, gol: str, tmt_gol: str, tmt_jab: str = "2019-01-01") -> Orang:
        return Orang(
            nama,
            golongan=gol,
            tmt_golongan=tmt_gol,
            jenjang="PENGAWAS",
            eselon="IV.b",
            tmt_jabatan=tmt_jab,
            skp=baik,
        )

    add(
        db,
        units,
        [
            kasi("K sekretaris kelurahan III/c", "III/c", "2020-04-01"),
            kasi("L kasi 4 tahun", "III/b", "2023-04-01"),
            kasi("M kasi 2 tahun", "III/b", "2025-04-01"),
            kasi("N satu tingkat 1+1", "III/a", "2026-04-01", "2026-04-01"),
            kasi("O jabatan 11 bulan", "III/a", "2026-04-01", "2026-05-01"),
            kasi("P pangkat 11 bulan", "III/a", "2026-05-01", "2020-01-01"),
            Orang("Q pelaksana 1 tahun", golongan="III/a", tmt_golongan="2026-04-01", skp=baik),
        ],
    )
    assert_banyak_sama(
        db.conn, [date(2026, 4, 1), date(2027, 4, 1), date(2027, 5, 1), date(2028, 4, 1)]
    )
    data = nominatif_kp(db.conn, date(2027, 4, 1))
    by = {b.nama_lengkap: b for b in data.baris}
    assert set(by) == {"L kasi 4 tahun", "N satu tingkat 1+1", "O jabatan 11 bulan"}
    assert data.melebihi_batas == 1  # K: III/d is above IV.b's III/c
    assert {b.jenis_kp for b in data.baris} == {"pilihan_struktural"}
    assert {b.eselon_kode for b in data.baris} == {"IV.b"}
    assert by["L kasi 4 tahun"].status == STATUS_MEMENUHI
    assert (by["N satu tingkat 1+1"].status, by["N satu tingkat 1+1"].golongan_baru) == (
        STATUS_MEMENUHI,
        "III/b",
    )
    o = by["O jabatan 11 bulan"]
    assert o.status == STATUS_BELUM and "1 tahun dalam jabatan" in o.keterangan[0]
    semua = nominatif_kp(db.conn, date(2027, 4, 1), termasuk_melebihi_batas=True)
    k = next(b for b in semua.baris if b.nama_lengkap.startswith("K "))
    assert k.status == STATUS_BELUM and k.status_kode == "belum_memenuhi"
    assert any("rentang pangkat eselon IV.b (III/b–III/c)" in x for x in k.keterangan)


def test_a_refused_period_names_the_rule_in_force_and_the_next_period(kantor: Any) -> None:
    conn = kantor[0].conn
    with pytest.raises(ValidationError) as err:
        periode_kp(conn, "2025-09")
    message = str(err.value)
    assert "2025-09 bukan periode kenaikan pangkat" in message
    assert "Peraturan BKN 4/2023" in message and "1 September 2025" in message
    assert "Periode berikutnya: 2025-10" in message


def test_the_period_just_passed(kantor: Any) -> None:
    conn = kantor[0].conn
    assert periode_kp_terakhir(conn, date(2026, 11, 22)) == date(2026, 11, 1)  # monthly
    assert periode_kp_terakhir(conn, date(2025, 9, 15)) == date(2025, 8, 1)  # six a year
    assert periode_kp_terakhir(conn, date(2023, 9, 30)) == date(2023, 4, 1)  # twice a year


def test_nominatif_kp_with_facts_read_once_equals_reading_them_each_time(
    demo_db: Database,
) -> None:
    # the Beranda lists up to three KP periods from one reading of the period-free facts
    # (reference data, CLTN, positions, ranks): the lists must be those of separate calls
    from app.models.rekap import kp as kp_rekap

    conn = demo_db.conn
    fakta = kp_rekap.fakta_kp(conn)
    periods = [date(2026, 12, 1), date(2027, 2, 1), date(2027, 10, 1)]
    for periode in periods:
        for unit in (None, *[r[0] for r in conn.execute("SELECT id FROM unit_organisasi LIMIT 2")]):
            alone = nominatif_kp(conn, periode, unit_id=unit, termasuk_melebihi_batas=True)
            shared = nominatif_kp(
                conn, periode, unit_id=unit, termasuk_melebihi_batas=True, fakta=fakta
            )
            assert shared == alone
            assert alone.baris or unit is not None  # the agency has someone due


def assert_banyak_sama(conn: Any, periods: list[date], unit: str | None = None) -> None:
    """The lists of several periods in one pass equal separate nominatif_kp calls, row for
    row (with and without those above the ceiling)."""
    from app.models.rekap import kp as kp_rekap

    for semua in (False, True):
        banyak = kp_rekap.nominatif_kp_banyak(
            conn, periods, unit_id=unit, termasuk_melebihi_batas=semua
        )
        assert set(banyak) == set(periods)
        for periode in periods:
            alone = nominatif_kp(conn, periode, unit_id=unit, termasuk_melebihi_batas=semua)
            assert banyak[periode] == alone
        # as the Beranda reads: the facts without the superiors (the list reads them when a
        # period has the superior's cap)
        tanpa = kp_rekap.fakta_kp(conn, atasan=False)
        assert tanpa.positions is None
        assert (
            kp_rekap.nominatif_kp_banyak(
                conn, periods, unit_id=unit, termasuk_melebihi_batas=semua, fakta=tanpa
            )
            == banyak
        )


def test_nominatif_kp_of_several_periods_in_one_pass_equals_separate_calls(
    demo_db: Database,
) -> None:
    conn = demo_db.conn
    periods = [date(2026, 12, 1), date(2027, 2, 1), date(2027, 11, 1)]
    for unit in (None, *[r[0] for r in conn.execute("SELECT id FROM unit_organisasi LIMIT 3")]):
        assert_banyak_sama(conn, periods, unit)
    assert_banyak_sama(conn, [date(2025, 4, 1), date(2023, 10, 1)])  # older rules, gaps
    assert_banyak_sama(conn, [date(2027, 4, 1)])
    from app.models.rekap import kp as kp_rekap

    assert kp_rekap.nominatif_kp_banyak(conn, []) == {}
