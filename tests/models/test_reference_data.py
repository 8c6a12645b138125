"""Tests of the reference seed data against /work/shared/domain/asn-rules.md.

Expected values are written out literally so that a wrong edit of the data fails here.
"""

from __future__ import annotations

import inspect
import itertools
import re
import sqlite3
import uuid

import pytest

from app.models.reference import data as ref
from app.models.reference.data import (
    PREDIKAT_MATRIX,
    REFERENCE_TABLES,
    RefTable,
    golongan_label,
    golongan_order,
    pangkat_name,
    table,
)

IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def rows_by_kode(name: str) -> dict[str, dict[str, object]]:
    return {str(r["kode"]): r for r in table(name).rows}


# --- structure -------------------------------------------------------------------------------

EXPECTED_TABLES = [
    "ref_golongan",
    "ref_pendidikan",
    "ref_jenis_jabatan",
    "ref_jenjang_jabatan",
    "ref_eselon",
    "ref_agama",
    "ref_rating",
    "ref_predikat",
    "ref_matriks_predikat",
    "ref_nilai_berakhlak",
    "ref_hukuman_disiplin",
    "ref_alpa_hukdis",
    "ref_jenis_cuti",
    "ref_periode_kp",
    "ref_ujian_dinas",
    "ref_batas_atasan_kp",
    "ref_gaji_pokok",
    "ref_tenggat_skp",
    "ref_capaian_organisasi",
    "ref_kurva_predikat",
    "ref_status_kepegawaian",
    "ref_kedudukan",
    "ref_kompetensi",
    "ref_kotak_talenta",
    "ref_talenta_kinerja",
    "ref_kesiapan_suksesi",
    "ref_aturan_cuti",
    "ref_kategori_pengaduan",
    "ref_tenggat_pengaduan",
    "ref_tenggat_disiplin",
    "ref_pejabat_hukdis",
    "ref_alpa_berturut",
    "ref_majelis_etik",
]


def test_table_names() -> None:
    assert [t.name for t in REFERENCE_TABLES] == EXPECTED_TABLES
    for name in EXPECTED_TABLES:
        assert table(name).name == name
    with pytest.raises(KeyError):
        table("ref_tidak_ada")


@pytest.mark.parametrize("t", REFERENCE_TABLES, ids=lambda t: t.name)
def test_table_shape(t: RefTable) -> None:
    assert IDENT.match(t.name) and t.name.startswith("ref_")
    assert t.judul.strip()
    names = [c for c, _ in t.columns]
    assert len(names) == len(set(names))
    assert not {"id", "kode", "deleted"} & set(names)
    for column, sql_type in t.columns:
        assert IDENT.match(column), column
        assert sql_type in ("TEXT", "INTEGER", "REAL")
    for required in (("urutan", "INTEGER"), ("dasar_hukum", "TEXT"), ("status_fakta", "TEXT")):
        assert required in t.columns
    assert t.rows
    kodes = [r.get("kode") for r in t.rows]
    assert all(isinstance(k, str) and k for k in kodes)
    assert len(kodes) == len(set(kodes)), "kode must be unique"
    urutan = [r["urutan"] for r in t.rows]
    assert len(urutan) == len(set(urutan)), "urutan must be unique"
    types = dict(t.columns)
    for row in t.rows:
        assert set(row) == {"kode", *names}, row["kode"]
        assert row["status_fakta"] in ("V", "P", "?")
        assert isinstance(row["dasar_hukum"], str) and row["dasar_hukum"]
        assert isinstance(row["urutan"], int)
        for column, value in row.items():
            if value is None or column == "kode":
                continue
            expected = {"TEXT": str, "INTEGER": int, "REAL": float}[types[column]]
            assert type(value) is expected, (t.name, row["kode"], column, value)


@pytest.mark.parametrize("t", REFERENCE_TABLES, ids=lambda t: t.name)
def test_uncertain_rows_carry_a_note(t: RefTable) -> None:
    for row in t.rows:
        if row["status_fakta"] != "V":
            assert row["catatan"], (t.name, row["kode"])


# References from *_kode (and rating_*) columns into other tables.
FOREIGN_KEYS = {
    ("ref_kurva_predikat", "capaian_kode"): "ref_capaian_organisasi",
    ("ref_ujian_dinas", "gol_dari_kode"): "ref_golongan",
    ("ref_ujian_dinas", "gol_ke_kode"): "ref_golongan",
    ("ref_gaji_pokok", "golongan_kode"): "ref_golongan",
    ("ref_pendidikan", "gol_awal_kode"): "ref_golongan",
    ("ref_pendidikan", "gol_maks_kode"): "ref_golongan",
    ("ref_pendidikan", "gol_awal_pppk_kode"): "ref_golongan",
    ("ref_jenjang_jabatan", "jenis_kode"): "ref_jenis_jabatan",
    ("ref_jenjang_jabatan", "gol_min_kode"): "ref_golongan",
    ("ref_jenjang_jabatan", "gol_maks_kode"): "ref_golongan",
    ("ref_eselon", "jenjang_kode"): "ref_jenjang_jabatan",
    ("ref_eselon", "gol_min_kode"): "ref_golongan",
    ("ref_eselon", "gol_maks_kode"): "ref_golongan",
    ("ref_matriks_predikat", "rating_hasil"): "ref_rating",
    ("ref_matriks_predikat", "rating_perilaku"): "ref_rating",
    ("ref_matriks_predikat", "predikat_kode"): "ref_predikat",
    ("ref_alpa_hukdis", "hukuman_kode"): "ref_hukuman_disiplin",
    ("ref_alpa_berturut", "hukuman_kode"): "ref_hukuman_disiplin",
    ("ref_talenta_kinerja", "predikat_kode"): "ref_predikat",
    ("ref_aturan_cuti", "jenis_cuti_kode"): "ref_jenis_cuti",
}


def test_every_kode_column_is_covered() -> None:
    for t in REFERENCE_TABLES:
        for column, _ in t.columns:
            if column.endswith("_kode") or column.startswith("rating_"):
                assert (t.name, column) in FOREIGN_KEYS, (t.name, column)


@pytest.mark.parametrize(("source", "target"), FOREIGN_KEYS.items(), ids=str)
def test_references_exist(source: tuple[str, str], target: str) -> None:
    name, column = source
    targets = set(rows_by_kode(target))
    for row in table(name).rows:
        value = row[column]
        if value is not None:
            assert value in targets, (name, row["kode"], column, value)


def test_pns_ranges_point_to_pns_golongan_and_are_ordered() -> None:
    for name in ("ref_pendidikan", "ref_jenjang_jabatan", "ref_eselon"):
        lo_col = "gol_awal_kode" if name == "ref_pendidikan" else "gol_min_kode"
        for row in table(name).rows:
            lo, hi = row[lo_col], row["gol_maks_kode"]
            if lo is None:
                assert hi is None
                continue
            assert isinstance(lo, str) and isinstance(hi, str)
            assert "/" in lo and "/" in hi
            assert golongan_order(lo) <= golongan_order(hi), (name, row["kode"])
    for row in table("ref_pendidikan").rows:
        pppk = row["gol_awal_pppk_kode"]
        assert pppk is None or rows_by_kode("ref_golongan")[str(pppk)]["jenis_asn"] == "PPPK"


def test_ddl_and_inserts_in_sqlite() -> None:
    con = sqlite3.connect(":memory:")
    try:
        for t in REFERENCE_TABLES:
            cols = ", ".join(f"{c} {ty}" for c, ty in t.columns)
            con.execute(
                f"CREATE TABLE {t.name} (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, "
                f"{cols}, deleted INTEGER NOT NULL DEFAULT 0)"
            )
            names = ["kode", *(c for c, _ in t.columns)]
            sql = (
                f"INSERT INTO {t.name} (id, {', '.join(names)}) "
                f"VALUES (?, {', '.join('?' for _ in names)})"
            )
            con.executemany(sql, [(str(uuid.uuid4()), *(r[n] for n in names)) for r in t.rows])
            count = con.execute(f"SELECT COUNT(*) FROM {t.name} WHERE deleted = 0").fetchone()
            assert count == (len(t.rows),)
            for column, sql_type in t.columns:
                bad = con.execute(
                    f"SELECT COUNT(*) FROM {t.name} "
                    f"WHERE {column} IS NOT NULL AND typeof({column}) != ?",
                    (sql_type.lower(),),
                ).fetchone()
                assert bad == (0,), (t.name, column)
    finally:
        con.close()


# --- golongan (2.1, 2.3) ---------------------------------------------------------------------

PANGKAT_21 = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]
PPPK_ROMAN = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip


def test_pns_golongan() -> None:
    pns = sorted(
        (r for r in table("ref_golongan").rows if r["jenis_asn"] == "PNS"),
        key=lambda r: int(str(r["urutan"])),
    )
    assert [(r["kode"], r["pangkat"]) for r in pns] == PANGKAT_21
    assert [r["urutan"] for r in pns] == list(range(1, 18))
    for row in pns:
        roman, ruang = str(row["kode"]).split("/")
        assert row["golongan"] == ["I", "II", "III", "IV"].index(roman) + 1
        assert row["ruang"] == ruang
    for kode, pangkat in PANGKAT_21:
        assert pangkat_name(kode) == pangkat
        assert golongan_label(kode) == f"{pangkat} ({kode})"
    assert golongan_label("III/b") == "Penata Muda Tingkat I (III/b)"
    assert golongan_order("I/a") == 1
    assert golongan_order("IV/e") == 17


def test_pppk_golongan() -> None:
    pppk = sorted(
        (r for r in table("ref_golongan").rows if r["jenis_asn"] == "PPPK"),
        key=lambda r: int(str(r["urutan"])),
    )
    assert [r["kode"] for r in pppk] == PPPK_ROMAN
    assert [r["golongan"] for r in pppk] == list(range(1, 18))
    assert [r["urutan"] for r in pppk] == list(range(101, 118))
    assert all(r["ruang"] is None and r["pangkat"] is None for r in pppk)
    assert pangkat_name("IX") is None
    assert golongan_label("IX") == "IX"
    assert golongan_order("XVII") == 117
    with pytest.raises(KeyError):
        golongan_order("III.b")


# --- pendidikan (2.2) ------------------------------------------------------------------------

TABLE_22 = {
    "SD": ("I/a", "II/a"),
    "SMP": ("I/c", "II/c"),
    "SMP_KEJURUAN": ("I/c", "II/d"),
    "SLTA": ("II/a", "III/b"),
    "D1": ("II/a", "III/b"),
    "D2": ("II/b", "III/b"),
    "SGPLB": ("II/b", "III/c"),
    "D3": ("II/c", "III/c"),
    "D4": ("III/a", "III/d"),
    "S1": ("III/a", "III/d"),
    "PROFESI": ("III/b", "IV/a"),
    "S2": ("III/b", "IV/a"),
    "S3": ("III/c", "IV/b"),
}


def test_pendidikan_table_22() -> None:
    rows = rows_by_kode("ref_pendidikan")
    assert list(rows) == list(TABLE_22)
    for kode, (awal, maks) in TABLE_22.items():
        assert (rows[kode]["gol_awal_kode"], rows[kode]["gol_maks_kode"]) == (awal, maks), kode
    # the spot checks of the brief, spelled out
    assert (rows["S1"]["gol_awal_kode"], rows["S1"]["gol_maks_kode"]) == ("III/a", "III/d")
    assert (rows["SD"]["gol_awal_kode"], rows["SD"]["gol_maks_kode"]) == ("I/a", "II/a")
    assert (rows["S3"]["gol_awal_kode"], rows["S3"]["gol_maks_kode"]) == ("III/c", "IV/b")
    order = [int(str(rows[k]["urutan"])) for k in TABLE_22]
    assert order == sorted(order)
    assert rows["S1"]["gol_awal_pppk_kode"] == "IX"
    assert all(r["status_fakta"] == "?" for r in rows.values())  # PPPK column is uncertain


# --- jabatan (3.1-3.3, 7.2, 10.1) ------------------------------------------------------------


def test_jenis_and_jenjang() -> None:
    jenis = rows_by_kode("ref_jenis_jabatan")
    assert {k: r["nama"] for k, r in jenis.items()} == {
        "JPT": "Jabatan Pimpinan Tinggi",
        "JA": "Jabatan Administrasi",
        "JF": "Jabatan Fungsional",
    }
    rows = rows_by_kode("ref_jenjang_jabatan")
    assert list(rows) == [
        "JPT_UTAMA",
        "JPT_MADYA",
        "JPT_PRATAMA",
        "ADMINISTRATOR",
        "PENGAWAS",
        "PELAKSANA",
        "AHLI_UTAMA",
        "AHLI_MADYA",
        "AHLI_MUDA",
        "AHLI_PERTAMA",
        "PENYELIA",
        "MAHIR",
        "TERAMPIL",
        "PEMULA",
    ]
    manajerial = {k for k, r in rows.items() if r["kelompok"] == "MANAJERIAL"}
    assert manajerial == {"JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"}
    assert all(r["kelompok"] == "NON_MANAJERIAL" for k, r in rows.items() if k not in manajerial)
    for kode, row in rows.items():
        if kode.startswith("AHLI_"):
            assert (row["jenis_kode"], row["kategori_jf"]) == ("JF", "KEAHLIAN")
        elif kode in ("PENYELIA", "MAHIR", "TERAMPIL", "PEMULA"):
            assert (row["jenis_kode"], row["kategori_jf"]) == ("JF", "KETERAMPILAN")
        else:
            assert row["kategori_jf"] is None and row["ak_koefisien"] is None
    tingkat = {k: int(str(r["tingkat"])) for k, r in rows.items()}
    assert tingkat["JPT_UTAMA"] == 10 and tingkat["PELAKSANA"] == 1
    assert tingkat["JPT_UTAMA"] > tingkat["JPT_MADYA"] > tingkat["JPT_PRATAMA"]
    assert tingkat["JPT_PRATAMA"] > tingkat["ADMINISTRATOR"] > tingkat["PENGAWAS"]
    assert tingkat["PENGAWAS"] > tingkat["PELAKSANA"]
    assert tingkat["AHLI_MADYA"] == tingkat["ADMINISTRATOR"]
    assert tingkat["AHLI_MUDA"] == tingkat["PENGAWAS"]
    assert tingkat["AHLI_UTAMA"] > tingkat["AHLI_MADYA"] > tingkat["AHLI_MUDA"]
    assert tingkat["AHLI_MUDA"] > tingkat["AHLI_PERTAMA"] > tingkat["PELAKSANA"]
    assert tingkat["PENYELIA"] > tingkat["MAHIR"] > tingkat["TERAMPIL"] > tingkat["PEMULA"]


def test_jf_pangkat_ranges_33() -> None:
    rows = rows_by_kode("ref_jenjang_jabatan")
    expected = {
        "AHLI_PERTAMA": ("III/a", "III/b"),
        "AHLI_MUDA": ("III/c", "III/d"),
        "AHLI_MADYA": ("IV/a", "IV/c"),
        "AHLI_UTAMA": ("IV/d", "IV/e"),
        "PEMULA": ("II/a", "II/a"),
        "TERAMPIL": ("II/b", "II/d"),
        "MAHIR": ("III/a", "III/b"),
        "PENYELIA": ("III/c", "III/d"),
        "PELAKSANA": (None, None),
    }
    for kode, (lo, hi) in expected.items():
        assert (rows[kode]["gol_min_kode"], rows[kode]["gol_maks_kode"]) == (lo, hi), kode


def test_ak_coefficients() -> None:
    rows = rows_by_kode("ref_jenjang_jabatan")
    assert rows["AHLI_PERTAMA"]["ak_koefisien"] == 12.5
    assert rows["AHLI_MADYA"]["ak_koefisien"] == 37.5
    for kode in ("AHLI_MUDA", "AHLI_UTAMA", "PEMULA", "TERAMPIL", "MAHIR", "PENYELIA"):
        assert "ak_koefisien [?]" in str(rows[kode]["catatan"]), kode
    for kode in ("AHLI_PERTAMA", "AHLI_MADYA"):
        assert "ak_koefisien [?]" not in str(rows[kode]["catatan"]), kode


@pytest.mark.parametrize(
    ("kode", "bup"),
    [
        ("JPT_UTAMA", 60),
        ("JPT_MADYA", 60),
        ("JPT_PRATAMA", 60),
        ("ADMINISTRATOR", 58),
        ("PENGAWAS", 58),
        ("PELAKSANA", 58),
        ("AHLI_PERTAMA", 58),
        ("AHLI_MUDA", 58),
        ("AHLI_MADYA", 60),
        ("AHLI_UTAMA", 65),
        ("PENYELIA", 58),
        ("MAHIR", 58),
        ("TERAMPIL", 58),
        ("PEMULA", 58),
    ],
)
def test_bup(kode: str, bup: int) -> None:
    assert rows_by_kode("ref_jenjang_jabatan")[kode]["bup_tahun"] == bup


def test_eselon_32() -> None:
    rows = rows_by_kode("ref_eselon")
    expected = {
        "I.a": ("JPT_MADYA", "IV/d", "IV/e"),
        "I.b": ("JPT_MADYA", "IV/c", "IV/e"),
        "II.a": ("JPT_PRATAMA", "IV/c", "IV/d"),
        "II.b": ("JPT_PRATAMA", "IV/b", "IV/c"),
        "III.a": ("ADMINISTRATOR", "IV/a", "IV/b"),
        "III.b": ("ADMINISTRATOR", "III/d", "IV/a"),
        "IV.a": ("PENGAWAS", "III/c", "III/d"),
        "IV.b": ("PENGAWAS", "III/b", "III/c"),
        "V": ("PELAKSANA", "III/a", "III/b"),
    }
    assert list(rows) == list(expected)
    for kode, values in expected.items():
        row = rows[kode]
        assert (row["jenjang_kode"], row["gol_min_kode"], row["gol_maks_kode"]) == values, kode
    assert rows["II.b"]["nama"] == "Eselon II.b"
    assert [rows[k]["urutan"] for k in expected] == list(range(1, 10))


# --- kinerja (4.2, 4.3; 3.3 AK) --------------------------------------------------------------


def test_predikat_matrix_42() -> None:
    # rows = hasil kerja, columns = perilaku kerja, exactly as asn-rules.md 4.2
    expected = {
        ("ATAS", "BAWAH"): "KURANG",
        ("ATAS", "SESUAI"): "BAIK",
        ("ATAS", "ATAS"): "SANGAT_BAIK",
        ("SESUAI", "BAWAH"): "KURANG",
        ("SESUAI", "SESUAI"): "BAIK",
        ("SESUAI", "ATAS"): "BAIK",
        ("BAWAH", "BAWAH"): "SANGAT_KURANG",
        ("BAWAH", "SESUAI"): "BUTUH_PERBAIKAN",
        ("BAWAH", "ATAS"): "BUTUH_PERBAIKAN",
    }
    assert dict(PREDIKAT_MATRIX) == expected
    rows = rows_by_kode("ref_matriks_predikat")
    assert len(rows) == 9
    for (hasil, perilaku), predikat in expected.items():
        row = rows[f"{hasil}|{perilaku}"]
        assert (row["rating_hasil"], row["rating_perilaku"], row["predikat_kode"]) == (
            hasil,
            perilaku,
            predikat,
        )


def test_rating_and_predikat() -> None:
    rating = rows_by_kode("ref_rating")
    assert {k: (r["nama"], r["nilai"]) for k, r in rating.items()} == {
        "ATAS": ("Di Atas Ekspektasi", 3),
        "SESUAI": ("Sesuai Ekspektasi", 2),
        "BAWAH": ("Di Bawah Ekspektasi", 1),
    }
    predikat = rows_by_kode("ref_predikat")
    assert [
        (k, r["nama"], r["nama_alternatif"], r["urutan"], r["ak_persen"])
        for k, r in predikat.items()
    ] == [
        ("SANGAT_BAIK", "Sangat Baik", None, 1, 150),
        ("BAIK", "Baik", None, 2, 100),
        ("BUTUH_PERBAIKAN", "Butuh Perbaikan", "Cukup", 3, 75),
        ("KURANG", "Kurang/Misconduct", None, 4, 50),
        ("SANGAT_KURANG", "Sangat Kurang", None, 5, 25),
    ]
    # BKN example: 2 months "Baik" as Ahli Pertama gives 2.08
    koef = rows_by_kode("ref_jenjang_jabatan")["AHLI_PERTAMA"]["ak_koefisien"]
    persen = predikat["BAIK"]["ak_persen"]
    assert isinstance(koef, float) and isinstance(persen, int)
    assert round(2 / 12 * persen / 100 * koef, 2) == 2.08


def test_berakhlak() -> None:
    rows = rows_by_kode("ref_nilai_berakhlak")
    assert list(rows) == [
        "BERORIENTASI_PELAYANAN",
        "AKUNTABEL",
        "KOMPETEN",
        "HARMONIS",
        "LOYAL",
        "ADAPTIF",
        "KOLABORATIF",
    ]
    assert [r["status_fakta"] for r in rows.values()] == ["V", "V", "V", "?", "?", "?", "?"]
    assert all(isinstance(r["panduan"], str) and len(str(r["panduan"])) > 30 for r in rows.values())
    assert "SE MenPANRB 20/2021" in str(rows["LOYAL"]["dasar_hukum"])


# --- disiplin (9.1, 9.2) ---------------------------------------------------------------------


def test_hukuman_disiplin_91() -> None:
    rows = rows_by_kode("ref_hukuman_disiplin")
    expected = {
        "TEGURAN_LISAN": ("RINGAN", None, None, 0),
        "TEGURAN_TERTULIS": ("RINGAN", None, None, 0),
        "PERNYATAAN_TIDAK_PUAS": ("RINGAN", None, None, 0),
        "POTONGAN_TPP_6": ("SEDANG", 6, 25, 1),
        "POTONGAN_TPP_9": ("SEDANG", 9, 25, 1),
        "POTONGAN_TPP_12": ("SEDANG", 12, 25, 1),
        "PENURUNAN_JABATAN": ("BERAT", 12, None, 1),
        "PEMBEBASAN_JABATAN": ("BERAT", 12, None, 1),
        "PDHTAPS": ("BERAT", None, None, 1),
    }
    assert list(rows) == list(expected)
    for kode, values in expected.items():
        row = rows[kode]
        got = (row["tingkat"], row["durasi_bulan"], row["potongan_persen"])
        assert (*got, row["menghambat_kp_kgb"]) == values, kode
    assert "PP 94/2021" in str(rows["PDHTAPS"]["dasar_hukum"])


def test_alpa_hukdis_92() -> None:
    rows = table("ref_alpa_hukdis").rows
    assert [(r["hari_min"], r["hari_maks"], r["hukuman_kode"]) for r in rows] == [
        (3, 3, "TEGURAN_LISAN"),
        (4, 6, "TEGURAN_TERTULIS"),
        (7, 10, "PERNYATAAN_TIDAK_PUAS"),
        (11, 13, "POTONGAN_TPP_6"),
        (14, 16, "POTONGAN_TPP_9"),
        (17, 20, "POTONGAN_TPP_12"),
        (21, 24, "PENURUNAN_JABATAN"),
        (25, 27, "PEMBEBASAN_JABATAN"),
        (28, None, "PDHTAPS"),
    ]
    assert [r["kode"] for r in rows][:2] == ["3-3", "4-6"]
    assert rows[-1]["kode"] == "28-"
    # contiguous, no gaps or overlaps
    for before, after in itertools.pairwise(rows):
        assert isinstance(before["hari_maks"], int)
        assert after["hari_min"] == before["hari_maks"] + 1


# --- cuti, KP periods, status ----------------------------------------------------------------


def test_jenis_cuti_12() -> None:
    rows = rows_by_kode("ref_jenis_cuti")
    assert list(rows) == [
        "TAHUNAN",
        "BESAR",
        "SAKIT",
        "MELAHIRKAN",
        "ALASAN_PENTING",
        "BERSAMA",
        "CLTN",
    ]
    assert rows["TAHUNAN"]["lama_maks_hari"] == 12
    assert "12 hari kerja" in str(rows["TAHUNAN"]["lama_maks"])
    assert "3 bulan" in str(rows["BESAR"]["lama_maks"])
    assert "5 tahun" in str(rows["BESAR"]["syarat"])
    assert "1 bulan" in str(rows["ALASAN_PENTING"]["lama_maks"])
    assert "3 tahun" in str(rows["CLTN"]["lama_maks"])
    assert all(r["berlaku_pppk"] in (0, 1) for r in rows.values())
    pppk = {k for k, r in rows.items() if r["berlaku_pppk"] == 1}
    assert pppk == {"TAHUNAN", "SAKIT", "MELAHIRKAN", "BERSAMA"}


def test_periode_kp_51() -> None:
    rows = table("ref_periode_kp").rows
    old = [r for r in rows if r["berlaku_sampai"] == "2023-12-31"]
    six = [r for r in rows if r["berlaku_mulai"] == "2024-01-01"]
    monthly = [r for r in rows if r["berlaku_mulai"] == "2025-10-01"]
    assert sorted(int(str(r["bulan"])) for r in old) == [4, 10]
    assert sorted(int(str(r["bulan"])) for r in six) == [2, 4, 6, 8, 10, 12]
    assert all(r["berlaku_sampai"] == "2025-09-30" for r in six)
    assert sorted(int(str(r["bulan"])) for r in monthly) == list(range(1, 13))
    assert all(r["berlaku_sampai"] is None for r in monthly)
    assert len(rows) == len(old) + len(six) + len(monthly)
    for row in rows:
        assert row["kode"] == f"{row['berlaku_mulai']}|{row['bulan']}"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(row["berlaku_mulai"]))
    assert "Peraturan BKN 4/2023" in str(six[0]["dasar_hukum"])
    assert "Peraturan BKN 4/2025" in str(monthly[0]["dasar_hukum"])
    assert "PP 99/2000" in str(old[0]["dasar_hukum"])


def test_status_agama_kedudukan() -> None:
    status = rows_by_kode("ref_status_kepegawaian")
    assert {k: r["jenis_asn"] for k, r in status.items()} == {
        "CPNS": "PNS",
        "PNS": "PNS",
        "PPPK": "PPPK",
    }
    agama = rows_by_kode("ref_agama")
    assert {k: r["nama"] for k, r in agama.items()} == {
        "ISLAM": "Islam",
        "KRISTEN": "Kristen",
        "KATOLIK": "Katolik",
        "HINDU": "Hindu",
        "BUDDHA": "Buddha",
        "KONGHUCU": "Konghucu",
        "KEPERCAYAAN": "Kepercayaan terhadap Tuhan YME",
    }
    kedudukan = rows_by_kode("ref_kedudukan")
    assert {k: r["aktif"] for k, r in kedudukan.items()} == {
        "AKTIF": 1,
        "PENSIUN": 0,
        "MENINGGAL": 0,
        "PINDAH": 0,
        "BERHENTI": 0,
    }


def test_module_is_pure() -> None:
    source = inspect.getsource(ref)
    assert "import sqlite3" not in source
    assert "PySide6" not in source
    assert ref.__doc__ and "new migration" in ref.__doc__


def test_ujian_dinas_52() -> None:
    """asn-rules 5.2: tingkat I for II/d -> III/a, tingkat II for III/d -> IV/a, nothing else;
    every exempting or checked diploma is a ref_pendidikan code."""
    rows = rows_by_kode("ref_ujian_dinas")
    assert {k: (r["gol_dari_kode"], r["gol_ke_kode"], r["tingkat"]) for k, r in rows.items()} == {
        "II/d>III/a": ("II/d", "III/a", 1),
        "III/d>IV/a": ("III/d", "IV/a", 2),
    }
    pendidikan = set(rows_by_kode("ref_pendidikan"))
    for row in rows.values():
        for column in ("pendidikan_bebas", "pendidikan_periksa"):
            codes = {c for c in str(row[column] or "").split(",") if c}
            assert codes <= pendidikan, (row["kode"], column, codes - pendidikan)
        assert "PP 99/2000" in str(row["dasar_hukum"])


def test_batas_atasan_kp_52() -> None:
    """asn-rules 5.2: KP reguler may not exceed the direct superior's pangkat until 19 May 2025;
    from 20 May 2025 (Peraturan BKN 2/2025) it may. The rows of one kind never overlap."""
    rows = rows_by_kode("ref_batas_atasan_kp")
    reguler = [r for r in rows.values() if r["jenis_kp"] == "reguler"]
    reguler.sort(key=lambda r: str(r["berlaku_mulai"]))
    assert [(r["batas_atasan"], r["berlaku_mulai"], r["berlaku_sampai"]) for r in reguler] == [
        (1, "1900-01-01", "2025-05-19"),
        (0, "2025-05-20", None),
    ]
    assert "Peraturan BKN 2/2025" in str(reguler[1]["dasar_hukum"])
    assert rows["jf|1900-01-01"]["batas_atasan"] == 0
    for row in rows.values():
        assert row["kode"] == f"{row['jenis_kp']}|{row['berlaku_mulai']}"
        assert row["jenis_kp"] in ("reguler", "pilihan_struktural", "jf")


def _gaji(golongan: str, mkg: int) -> int:
    row = rows_by_kode("ref_gaji_pokok")[f"2024-01-01|{golongan}|{mkg}"]
    value = row["gaji_pokok"]
    assert isinstance(value, int)
    return value


@pytest.mark.parametrize(
    ("golongan", "mkg", "rupiah"),
    [
        # asn-rules 10.2 and the ranges published with PP 5/2024
        ("I/a", 0, 1_685_700),
        ("I/a", 26, 2_522_600),
        ("I/d", 27, 2_901_400),
        ("II/a", 0, 2_184_000),
        ("II/a", 1, 2_218_400),
        ("II/a", 33, 3_643_400),
        ("II/d", 3, 2_591_100),
        ("III/a", 0, 2_785_700),
        ("III/a", 8, 3_153_600),
        ("III/a", 32, 4_575_200),
        ("III/d", 22, 4_436_700),
        ("IV/a", 0, 3_287_800),
        ("IV/a", 32, 5_399_900),
        ("IV/e", 32, 6_373_200),
        # PPPK (Perpres 11/2024) [?]
        ("I", 0, 1_938_500),
        ("IX", 0, 3_203_600),
        ("XVII", 32, 7_329_000),
    ],
)
def test_gaji_pokok_rows(golongan: str, mkg: int, rupiah: int) -> None:
    assert _gaji(golongan, mkg) == rupiah


def test_gaji_pokok_shape_pp_5_2024() -> None:
    """Every golongan has its own column: PNS I/a even MKG 0-26, I/b-I/d odd 3-27, II/a 0, 1 and
    odd to 33, II/b-II/d odd 3-33, III and IV even 0-32; increasing along MKG and along the
    ruang; PNS rows [P], PPPK rows [?] with a note."""
    columns: dict[str, list[tuple[int, int]]] = {}
    for row in table("ref_gaji_pokok").rows:
        assert row["berlaku_mulai"] == "2024-01-01"
        columns.setdefault(str(row["golongan_kode"]), []).append(
            (int(str(row["mkg_tahun"])), int(str(row["gaji_pokok"])))
        )
        expected_status = "?" if ref.golongan_order(str(row["golongan_kode"])) > 100 else "P"
        assert row["status_fakta"] == expected_status
    assert set(columns) == set(rows_by_kode("ref_golongan"))
    steps = {g: [m for m, _ in sorted(v)] for g, v in columns.items()}
    assert steps["I/a"] == list(range(0, 27, 2))
    for g in ("I/b", "I/c", "I/d"):
        assert steps[g] == list(range(3, 28, 2))
    assert steps["II/a"] == [0, *range(1, 34, 2)]
    for g in ("II/b", "II/c", "II/d"):
        assert steps[g] == list(range(3, 34, 2))
    for g in ("III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"):
        assert steps[g] == list(range(0, 33, 2))
    for values in columns.values():
        amounts = [v for _, v in sorted(values)]
        assert amounts == sorted(amounts) and len(set(amounts)) == len(amounts)
    pns = [k for k in steps if "/" in k]
    for a, b in itertools.pairwise(sorted(pns, key=ref.golongan_order)):
        if a.split("/")[0] == b.split("/")[0] and steps[a][-1] == steps[b][-1]:
            assert dict(columns[a])[steps[a][-1]] < dict(columns[b])[steps[b][-1]], (a, b)


# --- SKP: keberatan days and the pola distribusi (asn-rules 4.4, 4.5) ---------------------------


def test_keberatan_days_44() -> None:
    row = rows_by_kode("ref_tenggat_skp")["KEBERATAN"]
    assert row["hari"] == 14
    assert row["status_fakta"] == "?"  # calendar or working days, counted from when: unverified
    assert "Ps. 59" in str(row["dasar_hukum"])


def test_capaian_organisasi_levels_45() -> None:
    rows = table("ref_capaian_organisasi").rows
    assert [r["nama"] for r in rows] == [
        "Istimewa",
        "Baik",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
    ]


def test_kurva_predikat_45() -> None:
    """One curve per level, written out from the table of asn-rules 4.5."""
    expected = {
        ("ISTIMEWA", "SANGAT_BAIK", None, 70, None),
        ("BAIK", "BAIK", None, 70, None),
        ("BAIK", "BUTUH_PERBAIKAN,KURANG", None, None, 1),
        ("BUTUH_PERBAIKAN", "BUTUH_PERBAIKAN", 60, None, None),
        ("BUTUH_PERBAIKAN", "SANGAT_BAIK", None, 10, None),
        ("KURANG", "KURANG", 60, None, None),
        ("KURANG", "BUTUH_PERBAIKAN", 10, None, None),
        ("KURANG", "SANGAT_BAIK", None, 10, None),
        ("SANGAT_KURANG", "SANGAT_KURANG", 60, None, None),
        ("SANGAT_KURANG", "KURANG,BUTUH_PERBAIKAN", 10, None, None),
        ("SANGAT_KURANG", "SANGAT_BAIK", None, 0, None),
    }
    rows = table("ref_kurva_predikat").rows
    got = {
        (
            r["capaian_kode"],
            r["kelompok_predikat"],
            r["persen_min"],
            r["persen_maks"],
            r["minimal_orang"],
        )
        for r in rows
    }
    assert got == expected
    predikat = set(rows_by_kode("ref_predikat"))
    for r in rows:
        assert set(str(r["kelompok_predikat"]).split(",")) <= predikat, r["kode"]
        assert r["status_fakta"] == "P" and "[?]" in str(r["catatan"])
    assert {r["capaian_kode"] for r in rows} == set(rows_by_kode("ref_capaian_organisasi"))


def test_aturan_cuti_12() -> None:
    """asn-rules 12: cuti tahunan 12 working days after 1 year with 6 (18 in all) or 12 (24 in
    all) carried over; cuti besar and CLTN after 5 years; melahirkan for the 1st-3rd child;
    every PPPK row uncertain, every kind one of ref_jenis_cuti."""
    rows = rows_by_kode("ref_aturan_cuti")
    tahunan = rows["TAHUNAN|PNS|1900-01-01"]
    assert (tahunan["hak_hari"], tahunan["masa_kerja_min_tahun"], tahunan["lama_min"]) == (12, 1, 1)
    assert tahunan["hak_hari"] + tahunan["bawaan_maks"] == 18
    assert tahunan["hak_hari"] + tahunan["bawaan_maks_dua_tahun"] == 24
    assert rows["BESAR|PNS|1900-01-01"]["masa_kerja_min_tahun"] == 5
    assert rows["BESAR|PNS|1900-01-01"]["lama_maks"] == 3
    assert rows["CLTN|PNS|1900-01-01"]["masa_kerja_min_tahun"] == 5
    assert [k for k, r in rows.items() if not r["masa_kerja_dihitung"]] == ["CLTN|PNS|1900-01-01"]
    assert rows["MELAHIRKAN|PNS|1900-01-01"]["anak_maks"] == 3
    assert rows["ALASAN_PENTING|PNS|1900-01-01"]["lama_maks"] == 1
    for kode, row in rows.items():
        assert kode == f"{row['jenis_cuti_kode']}|{row['jenis_asn']}|{row['berlaku_mulai']}"
        if row["jenis_asn"] == "PPPK":
            assert row["status_fakta"] == "?"
        assert row["satuan"] in ("HARI_KERJA", "BULAN")
    assert "?" in rows["BERSAMA|PNS|1900-01-01"]["catatan"]
