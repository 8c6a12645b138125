"""The demo generator: determinism, shape against the schema, integrity and the ASN rules."""

from __future__ import annotations

import itertools
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app.demo.common import DemoChunk, skp_id, uuid4_from
from app.demo.gen import generate
from app.models.reference.data import table as ref_table
from app.models.rules.gaji import TabelGaji

TODAY = date(2026, 11, 22)
N = 2000
SEED = 11
SCHEMA = (
    Path(__file__).resolve().parents[2]
    / "app"
    / "models"
    / "storage"
    / "migrations"
    / "0001_dasar.sql"
)

GOL_PNS = (
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
    "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
)  # fmt: skip
GOL_PPPK = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
)  # fmt: skip
GOL_ORDER = {g: i for i, g in enumerate(GOL_PNS, start=1)}
PENDIDIKAN = ("SD", "SMP", "SLTA", "D1", "D2", "D3", "D4", "S1", "PROFESI", "S2", "S3")
JENIS_JABATAN = ("JPT", "JA", "JF")
JENJANG = (
    "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "AHLI_UTAMA", "AHLI_MADYA",
    "AHLI_MUDA", "AHLI_PERTAMA", "PENYELIA", "MAHIR", "TERAMPIL", "PEMULA",
)  # fmt: skip
ESELON = ("II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b")
AGAMA = ("ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU")
STATUS = ("CPNS", "PNS", "PPPK")
KEDUDUKAN = ("AKTIF", "PENSIUN", "MENINGGAL", "PINDAH", "BERHENTI")
RATING = ("ATAS", "SESUAI", "BAWAH")
HUKUMAN_BULAN = {
    "TEGURAN_LISAN": None, "TEGURAN_TERTULIS": None, "PERNYATAAN_TIDAK_PUAS": None,
    "POTONGAN_TPP_6": 6, "POTONGAN_TPP_9": 9, "POTONGAN_TPP_12": 12,
    "PENURUNAN_JABATAN": 12, "PEMBEBASAN_JABATAN": 12,
}  # fmt: skip
UNIT_JENIS = (
    "OPD", "SEKRETARIAT", "BIDANG", "BAGIAN", "SUBBAGIAN", "SEKSI", "UPT", "KECAMATAN",
    "KELURAHAN", "SEKOLAH", "PUSKESMAS",
)  # fmt: skip
# asn-rules 4.2: (hasil, perilaku) -> predikat
MATRIX = {
    ("ATAS", "ATAS"): "SANGAT_BAIK", ("ATAS", "SESUAI"): "BAIK", ("SESUAI", "ATAS"): "BAIK",
    ("SESUAI", "SESUAI"): "BAIK", ("ATAS", "BAWAH"): "KURANG", ("SESUAI", "BAWAH"): "KURANG",
    ("BAWAH", "ATAS"): "BUTUH_PERBAIKAN", ("BAWAH", "SESUAI"): "BUTUH_PERBAIKAN",
    ("BAWAH", "BAWAH"): "SANGAT_KURANG",
}  # fmt: skip
# Current golongan allowed for a position (asn-rules 3.2 with the one-step-below rule, 3.3).
RANGE_ESELON = {"II.a": ("IV/c", "IV/d"), "II.b": ("IV/a", "IV/d"), "III.a": ("III/d", "IV/b"),
                "III.b": ("III/c", "IV/a"), "IV.a": ("III/b", "III/d"),
                "IV.b": ("III/a", "III/c")}  # fmt: skip
RANGE_JF = {"AHLI_UTAMA": ("IV/d", "IV/e"), "AHLI_MADYA": ("IV/a", "IV/c"),
            "AHLI_MUDA": ("III/c", "III/d"), "AHLI_PERTAMA": ("III/a", "III/b"),
            "PENYELIA": ("III/c", "III/d"), "MAHIR": ("III/a", "III/b"),
            "TERAMPIL": ("II/b", "II/d"), "PEMULA": ("II/a", "II/a")}  # fmt: skip
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TABLES = (
    "unit_organisasi", "jabatan", "pegawai", "riwayat_pangkat", "riwayat_jabatan",
    "riwayat_pendidikan", "riwayat_diklat", "riwayat_hukdis", "riwayat_skp", "riwayat_kgb",
)  # fmt: skip


def schema_columns() -> dict[str, list[str]]:
    """Column names per table, read from the CREATE TABLE statements of the migration."""
    text = SCHEMA.read_text(encoding="utf-8")
    tables: dict[str, list[str]] = {}
    for match in re.finditer(r"CREATE TABLE (\w+) \((.*?)\n\)", text, re.DOTALL):
        columns: list[str] = []
        for line in match.group(2).splitlines():
            line = line.strip()
            if not line or line.startswith("--"):
                continue
            word = line.split()[0]
            if word.upper() in ("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT"):
                continue
            columns.append(word)
        tables[match.group(1)] = columns
    return tables


@dataclass
class DataSet:
    chunks: list[DemoChunk]
    rows: dict[str, list[dict[str, object]]]

    def by_pegawai(self, table: str) -> dict[str, list[dict[str, object]]]:
        out: dict[str, list[dict[str, object]]] = defaultdict(list)
        for row in self.rows[table]:
            out[str(row["pegawai_id"])].append(row)
        return out


def collect(employees: int, seed: int, chunk_size: int = 1000) -> DataSet:
    chunks = list(generate(employees, seed, today=TODAY, chunk_size=chunk_size))
    rows: dict[str, list[dict[str, object]]] = defaultdict(list)
    for chunk in chunks:
        for table, table_rows in chunk.rows.items():
            rows[table].extend(table_rows)
    return DataSet(chunks, dict(rows))


@pytest.fixture(scope="module")
def data() -> DataSet:
    return collect(N, SEED, chunk_size=700)


def iso(value: object) -> date:
    assert isinstance(value, str) and DATE_RE.match(value), value
    return date.fromisoformat(value)


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def pension_date(born: date, bup: int) -> date:
    """1st of the month after the month in which the BUP age is reached (asn-rules 10.1)."""
    year, month = born.year + bup, born.month + 1
    if month == 13:
        year, month = year + 1, 1
    return date(year, month, 1)


def current(rows: list[dict[str, object]]) -> dict[str, object]:
    return max(rows, key=lambda r: (str(r["tmt"]), str(r["id"])))


# --- API, determinism, counts ---------------------------------------------------------------


def test_same_seed_same_rows_whatever_the_chunk_size() -> None:
    first = collect(300, 5, chunk_size=1000)
    second = collect(300, 5, chunk_size=37)
    assert first.rows == second.rows
    assert len(second.chunks) == 1 + 9  # organisation + ceil(300 / 37)


def test_different_seed_different_rows() -> None:
    first = collect(200, 1)
    second = collect(200, 2)
    assert first.rows["pegawai"] != second.rows["pegawai"]
    ids_first = {r["id"] for r in first.rows["pegawai"]}
    assert ids_first.isdisjoint({r["id"] for r in second.rows["pegawai"]})
    names_first = [r["nama"] for r in first.rows["pegawai"]]
    assert names_first != [r["nama"] for r in second.rows["pegawai"]]


def test_first_chunk_is_the_organisation(data: DataSet) -> None:
    first = data.chunks[0]
    assert set(first.rows) == {"unit_organisasi", "jabatan"}
    assert first.pegawai_count == 0
    assert len(first.rows["unit_organisasi"]) > 40
    assert len(first.rows["jabatan"]) > 300
    for chunk in data.chunks[1:]:
        assert "unit_organisasi" not in chunk.rows and "jabatan" not in chunk.rows
        assert 0 < chunk.pegawai_count <= 700
        assert len(chunk.rows["pegawai"]) == chunk.pegawai_count
        # Every history row of a chunk belongs to an employee of that chunk.
        ids = {r["id"] for r in chunk.rows["pegawai"]}
        for table, table_rows in chunk.rows.items():
            if table != "pegawai":
                assert {r["pegawai_id"] for r in table_rows} <= ids, table


def test_exactly_n_employees(data: DataSet) -> None:
    assert len(data.rows["pegawai"]) == N
    assert sum(c.pegawai_count for c in data.chunks) == N


def test_zero_employees_gives_only_the_organisation() -> None:
    chunks = list(generate(0, 3, today=TODAY))
    assert len(chunks) == 1
    assert chunks[0].pegawai_count == 0
    assert chunks[0].rows["unit_organisasi"] and chunks[0].rows["jabatan"]


@pytest.mark.parametrize("employees", [1, 7, 60])
def test_small_sets_are_complete(employees: int) -> None:
    small = collect(employees, 9)
    assert len(small.rows["pegawai"]) == employees
    jabatan = {r["id"] for r in small.rows["jabatan"]}
    for row in small.rows["riwayat_jabatan"]:
        assert row["jabatan_id"] is None or row["jabatan_id"] in jabatan


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        list(generate(-1, 1))
    with pytest.raises(ValueError):
        list(generate(10, 1, chunk_size=0))


def test_uuid_helpers_match_the_uuid_module() -> None:
    import random

    rng = random.Random(4)
    for _ in range(200):
        bits = rng.getrandbits(128)
        assert uuid4_from(bits) == str(uuid.UUID(int=bits, version=4))
    pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    assert skp_id(pid, 2024) == str(uuid.uuid5(uuid.NAMESPACE_URL, f"merit:riwayat_skp:{pid}:2024"))


# --- shape against the schema ---------------------------------------------------------------


def test_rows_have_exactly_the_schema_columns(data: DataSet) -> None:
    schema = schema_columns()
    assert set(data.rows) == set(TABLES)
    for table, table_rows in data.rows.items():
        expected = set(schema[table]) - {"deleted"}
        assert table_rows, table
        for row in table_rows:
            assert set(row) == expected, (table, set(row) ^ expected)


def test_values_are_plain_and_dates_are_iso(data: DataSet) -> None:
    for table, table_rows in data.rows.items():
        for row in table_rows:
            for column, value in row.items():
                assert value is None or type(value) in (str, int), (table, column, value)
                if value is not None and (column.startswith(("tanggal", "tmt"))):
                    day = iso(value)
                    if column != "tmt_selesai":
                        assert day <= TODAY, (table, column, value)


def test_ids_unique_and_uuid(data: DataSet) -> None:
    seen: set[object] = set()
    for table, table_rows in data.rows.items():
        for row in table_rows:
            assert row["id"] not in seen
            seen.add(row["id"])
            parsed = uuid.UUID(str(row["id"]))
            assert parsed.version == (5 if table == "riwayat_skp" else 4)
    for row in data.rows["riwayat_skp"]:
        assert row["id"] == skp_id(str(row["pegawai_id"]), int(str(row["tahun"])))


def test_referential_integrity(data: DataSet) -> None:
    units = {r["id"] for r in data.rows["unit_organisasi"]}
    jabatan = {r["id"] for r in data.rows["jabatan"]}
    pegawai = {r["id"] for r in data.rows["pegawai"]}
    for row in data.rows["unit_organisasi"]:
        assert row["induk_id"] is None or row["induk_id"] in units
    for row in data.rows["jabatan"]:
        assert row["unit_id"] in units
        assert row["atasan_jabatan_id"] is None or row["atasan_jabatan_id"] in jabatan
    for table in TABLES[3:]:
        for row in data.rows[table]:
            assert row["pegawai_id"] in pegawai, table
    for row in data.rows["riwayat_jabatan"]:
        assert row["jabatan_id"] is None or row["jabatan_id"] in jabatan
        assert row["unit_id"] is None or row["unit_id"] in units


def test_codes_are_reference_codes(data: DataSet) -> None:
    for u in data.rows["unit_organisasi"]:
        assert u["jenis"] in UNIT_JENIS
        assert u["eselon_kode"] is None or u["eselon_kode"] in ESELON
    for j in data.rows["jabatan"]:
        assert j["jenis_kode"] in JENIS_JABATAN and j["jenjang_kode"] in JENJANG
        assert j["eselon_kode"] is None or j["eselon_kode"] in ESELON
        assert j["gol_min_kode"] is None or j["gol_min_kode"] in GOL_PNS
        assert j["pendidikan_min_kode"] is None or j["pendidikan_min_kode"] in PENDIDIKAN
    for p in data.rows["pegawai"]:
        assert p["agama_kode"] in AGAMA
        assert p["status_kepegawaian"] in STATUS
        assert p["kedudukan"] in KEDUDUKAN
        assert (p["kedudukan"] == "AKTIF") == (p["tmt_kedudukan"] is None)
    for r in data.rows["riwayat_pangkat"]:
        assert r["golongan_kode"] in GOL_PNS + GOL_PPPK
    for r in data.rows["riwayat_kgb"]:
        assert r["golongan_kode"] in GOL_PNS + GOL_PPPK
    for r in data.rows["riwayat_jabatan"]:
        assert r["jenis_kode"] in JENIS_JABATAN and r["jenjang_kode"] in JENJANG
        assert r["eselon_kode"] is None or r["eselon_kode"] in ESELON
    for r in data.rows["riwayat_pendidikan"]:
        assert r["tingkat_kode"] in PENDIDIKAN
    for r in data.rows["riwayat_hukdis"]:
        assert r["hukuman_kode"] in HUKUMAN_BULAN


# --- organisation ---------------------------------------------------------------------------


def test_organisation_tree(data: DataSet) -> None:
    units = {r["id"]: r for r in data.rows["unit_organisasi"]}
    top = [u for u in units.values() if u["induk_id"] is None]
    assert 36 <= len(top) <= 45
    assert Counter(u["jenis"] for u in top)["KECAMATAN"] >= 4
    for unit in units.values():  # no cycles
        seen = set()
        current_id = unit["id"]
        while current_id is not None:
            assert current_id not in seen
            seen.add(current_id)
            current_id = units[current_id]["induk_id"]
    kinds = Counter(u["jenis"] for u in units.values())
    assert kinds["SEKOLAH"] >= 10 and kinds["PUSKESMAS"] >= 3 and kinds["KELURAHAN"] >= 20


def test_positions(data: DataSet) -> None:
    jabatan = {r["id"]: r for r in data.rows["jabatan"]}
    sekda = [j for j in jabatan.values() if j["eselon_kode"] == "II.a"]
    assert len(sekda) == 1 and sekda[0]["atasan_jabatan_id"] is None
    for j in jabatan.values():
        if j["eselon_kode"] is not None:
            assert j["kebutuhan"] == 1
            assert j["jenjang_kode"] in ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS")
        else:
            assert j["jenjang_kode"] not in ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS")
            atasan = jabatan[str(j["atasan_jabatan_id"])]
            assert atasan["eselon_kode"] is not None  # JF and pelaksana report to a head
        assert isinstance(j["kelas_jabatan"], int) and 1 <= j["kelas_jabatan"] <= 17
        assert isinstance(j["kebutuhan"], int) and j["kebutuhan"] >= 1
        if str(j["nama"]).startswith("Guru "):
            assert j["bup_tahun"] == 60 and j["jenis_kode"] == "JF"


def test_formation_scales_with_employees(data: DataSet) -> None:
    total = sum(int(str(j["kebutuhan"])) for j in data.rows["jabatan"])
    assert 1.0 * N <= total <= 1.25 * N
    small = collect(500, SEED)
    big = collect(5000, SEED)
    schools = [
        sum(1 for u in d.rows["unit_organisasi"] if u["jenis"] == "SEKOLAH") for d in (small, big)
    ]
    assert schools[0] < schools[1]
    total_big = sum(int(str(j["kebutuhan"])) for j in big.rows["jabatan"])
    assert 1.0 * 5000 <= total_big <= 1.25 * 5000


def test_structural_posts_mostly_filled(data: DataSet) -> None:
    jabatan = {r["id"]: r for r in data.rows["jabatan"]}
    aktif = {r["id"] for r in data.rows["pegawai"] if r["kedudukan"] == "AKTIF"}
    holders: Counter[object] = Counter()
    for pid, rows in data.by_pegawai("riwayat_jabatan").items():
        if pid in aktif:
            holders[current(rows)["jabatan_id"]] += 1
    structural = [j for j in jabatan.values() if j["eselon_kode"] is not None]
    filled = [j for j in structural if holders[j["id"]]]
    assert len(filled) >= 0.85 * len(structural)
    assert all(holders[j["id"]] <= 1 for j in structural)
    jpt = [j for j in structural if j["jenjang_kode"] == "JPT_PRATAMA"]
    assert sum(1 for j in jpt if holders[j["id"]]) >= 0.9 * len(jpt)
    # Bezetting: some JF/pelaksana posts vacant or short, a few over-filled.
    others = [j for j in jabatan.values() if j["eselon_kode"] is None]
    assert any(holders[j["id"]] < int(str(j["kebutuhan"])) for j in others)
    assert any(holders[j["id"]] > int(str(j["kebutuhan"])) for j in others)


# --- employees ------------------------------------------------------------------------------


def test_status_shares(data: DataSet) -> None:
    status = Counter(p["status_kepegawaian"] for p in data.rows["pegawai"])
    assert 0.17 * N <= status["PPPK"] <= 0.23 * N
    assert 0.01 * N <= status["CPNS"] <= 0.06 * N
    kedudukan = Counter(p["kedudukan"] for p in data.rows["pegawai"])
    assert 0.9 * N <= kedudukan["AKTIF"] < N
    for p in data.rows["pegawai"]:
        tmt = iso(p["tmt_cpns"])
        assert tmt.day == 1
        if p["status_kepegawaian"] == "PPPK":
            assert p["jenis_asn"] == "PPPK" and p["tmt_pns"] is None
            assert 2019 <= tmt.year <= 2025
        else:
            assert p["jenis_asn"] == "PNS"
        if p["status_kepegawaian"] == "CPNS":
            assert (TODAY - tmt).days < 366 and p["tmt_pns"] is None
        if p["status_kepegawaian"] == "PNS":
            assert iso(p["tmt_pns"]) > tmt


def test_nip_layout_and_uniqueness(data: DataSet) -> None:
    nips = [str(p["nip"]) for p in data.rows["pegawai"]]
    assert len(set(nips)) == len(nips)
    niks = [str(p["nik"]) for p in data.rows["pegawai"]]
    assert len(set(niks)) == len(niks)
    for p in data.rows["pegawai"]:
        nip, nik = str(p["nip"]), str(p["nik"])
        born = iso(p["tanggal_lahir"])
        tmt = iso(p["tmt_cpns"])
        assert re.fullmatch(r"\d{18}", nip) and re.fullmatch(r"\d{16}", nik)
        assert nip[:8] == born.strftime("%Y%m%d")
        assert nip[14] == ("1" if p["jenis_kelamin"] == "L" else "2")
        assert nip[15:] != "000"
        if p["jenis_asn"] == "PNS":
            assert nip[8:14] == tmt.strftime("%Y%m")
        else:
            assert nip[8:12] == str(tmt.year) and nip[12] == "2"
        day = born.day + (40 if p["jenis_kelamin"] == "P" else 0)
        assert nik[6:12] == f"{day:02d}{born.month:02d}{born.year % 100:02d}"
        assert nik[12:] != "0000"


def test_nip_passes_the_nip_module(data: DataSet) -> None:
    nip_module = pytest.importorskip("app.models.rules.nip")
    for p in data.rows["pegawai"]:
        check = nip_module.check_nip(str(p["nip"]), jenis_asn=str(p["jenis_asn"]), today=TODAY)
        assert check.valid, (p["nip"], check.kesalahan)
        assert not check.peringatan, (p["nip"], check.peringatan)
        tmt = iso(p["tmt_cpns"]) if p["jenis_asn"] == "PNS" else None
        problems = nip_module.cross_check(
            check.info, tanggal_lahir=iso(p["tanggal_lahir"]),
            jenis_kelamin=str(p["jenis_kelamin"]), nik=str(p["nik"]), tmt_cpns=tmt,
        )  # fmt: skip
        assert not problems, (p["nip"], problems)


def test_ages_and_bup(data: DataSet) -> None:
    jabatan = {r["id"]: r for r in data.rows["jabatan"]}
    history = data.by_pegawai("riwayat_jabatan")
    bup_jenjang = {"JPT_PRATAMA": 60, "AHLI_MADYA": 60, "AHLI_UTAMA": 65}
    for p in data.rows["pegawai"]:
        born = iso(p["tanggal_lahir"])
        tmt = iso(p["tmt_cpns"])
        if p["jenis_asn"] == "PNS":
            assert 19 <= age_on(born, tmt) <= 35, p["nip"]
        if p["kedudukan"] != "AKTIF":
            continue
        post = current(history[str(p["id"])])
        row = jabatan[str(post["jabatan_id"])]
        bup = row["bup_tahun"] or bup_jenjang.get(str(row["jenjang_kode"]), 58)
        assert pension_date(born, int(str(bup))) > TODAY, (p["nip"], bup)
        assert 20 <= age_on(born, TODAY) < int(str(bup))
    pensiun = [p for p in data.rows["pegawai"] if p["kedudukan"] == "PENSIUN"]
    assert pensiun
    for p in pensiun:
        ended = iso(p["tmt_kedudukan"])
        assert ended.day == 1 and ended <= TODAY
        assert age_on(iso(p["tanggal_lahir"]), ended) in (58, 60, 65)


def test_pangkat_history(data: DataSet) -> None:
    pegawai = {p["id"]: p for p in data.rows["pegawai"]}
    for pid, rows in data.by_pegawai("riwayat_pangkat").items():
        p = pegawai[pid]
        rows = sorted(rows, key=lambda r: str(r["tmt"]))
        assert rows[0]["tmt"] == p["tmt_cpns"]
        if p["jenis_asn"] == "PPPK":
            assert len(rows) == 1 and rows[0]["jenis"] == "PPPK"
            assert rows[0]["golongan_kode"] in ("V", "VII", "IX", "X")
            continue
        assert rows[0]["jenis"] == "CPNS"
        order = [GOL_ORDER[str(r["golongan_kode"])] for r in rows]
        assert order == sorted(set(order)), order  # strictly increasing with the TMT
        tmts = [iso(r["tmt"]) for r in rows]
        assert len(set(tmts)) == len(tmts)
        for r, tmt in zip(rows[1:], tmts[1:], strict=True):
            assert tmt.day == 1
            months = (4, 10) if tmt.year < 2024 else (2, 4, 6, 8, 10, 12)
            assert tmt.month in months, r
            assert r["jenis"] in ("REGULER", "PILIHAN", "PENYESUAIAN_IJAZAH")
            assert isinstance(r["mk_tahun"], int) and 0 <= r["mk_tahun"] <= 40
            assert isinstance(r["mk_bulan"], int) and 0 <= r["mk_bulan"] <= 11
        for earlier, later in itertools.pairwise(tmts):
            assert (later.year - earlier.year) * 12 + later.month - earlier.month >= 12


def test_current_golongan_fits_the_position(data: DataSet) -> None:
    jabatan = {r["id"]: r for r in data.rows["jabatan"]}
    pangkat = data.by_pegawai("riwayat_pangkat")
    for pid, rows in data.by_pegawai("riwayat_jabatan").items():
        gol = str(current(pangkat[pid])["golongan_kode"])
        if gol in GOL_PPPK:
            continue
        post = jabatan[str(current(rows)["jabatan_id"])]
        eselon, jenjang = post["eselon_kode"], str(post["jenjang_kode"])
        if eselon is not None:
            low, high = RANGE_ESELON[str(eselon)]
        elif jenjang in RANGE_JF:
            low, high = RANGE_JF[jenjang]
        else:
            low, high = "I/a", "III/d"
        assert GOL_ORDER[low] <= GOL_ORDER[gol] <= GOL_ORDER[high], (post["nama"], gol)


def test_jabatan_history(data: DataSet) -> None:
    pegawai = {p["id"]: p for p in data.rows["pegawai"]}
    for pid, rows in data.by_pegawai("riwayat_jabatan").items():
        assert 1 <= len(rows) <= 4
        rows = sorted(rows, key=lambda r: str(r["tmt"]))
        assert rows[0]["tmt"] == pegawai[pid]["tmt_cpns"]
        assert rows[0]["alasan"] == "PENGANGKATAN"
        assert rows[-1]["jabatan_id"] is not None
        assert len({r["tmt"] for r in rows}) == len(rows)
        for r in rows:
            assert r["nama_jabatan"] and r["alasan"]
    assert sum(1 for p in pegawai if len(data.by_pegawai("riwayat_jabatan")[str(p)]) > 1) > N / 3


def test_education_and_titles(data: DataSet) -> None:
    order = {k: i for i, k in enumerate(PENDIDIKAN)}
    names = [str(p["nama"]) for p in data.rows["pegawai"]]
    assert any("'" in n for n in names)
    for _pid, rows in data.by_pegawai("riwayat_pendidikan").items():
        assert 1 <= len(rows) <= 2
    pendidikan = data.by_pegawai("riwayat_pendidikan")
    for p in data.rows["pegawai"]:
        nama = str(p["nama"])
        assert nama == nama.strip() and "," not in nama
        assert not re.search(r"\b(S\.|M\.|A\.Md|dr\.|Dr\.|Drs\.|Ir\.)", nama), nama
        top = max(pendidikan[str(p["id"])], key=lambda r: order[str(r["tingkat_kode"])])
        level = top["tingkat_kode"]
        depan = str(p["gelar_depan"] or "")
        belakang = str(p["gelar_belakang"] or "")
        if level in ("SD", "SMP", "SLTA"):
            assert not depan and not belakang
        elif level == "S3":
            assert depan.startswith("Dr.")
        elif level == "PROFESI":
            assert depan.split()[-1] in ("dr.", "drg.", "Ns.", "apt.", "drh.", "Bdn.")
        elif level == "S2":
            assert belakang.split(", ")[-1].startswith(("M.", "Sp."))
        elif level == "D3":
            assert belakang.startswith(("A.", "AMK", "Amd."))
        else:
            assert belakang or depan in ("Drs.", "Dra.", "Ir.")
        for year in (r["tahun_lulus"] for r in pendidikan[str(p["id"])]):
            assert isinstance(year, int) and year <= TODAY.year


def test_skp_follows_the_matrix(data: DataSet) -> None:
    predikat = Counter()
    for _pid, rows in data.by_pegawai("riwayat_skp").items():
        years = [int(str(r["tahun"])) for r in rows]
        assert len(set(years)) == len(years)
        assert max(years) <= TODAY.year - 1 and len(years) <= 5
        for r in rows:
            assert r["rating_hasil"] in RATING and r["rating_perilaku"] in RATING
            assert MATRIX[(str(r["rating_hasil"]), str(r["rating_perilaku"]))] == r["predikat_kode"]
            predikat[r["predikat_kode"]] += 1
    total = sum(predikat.values())
    assert predikat["BAIK"] > 0.7 * total
    assert 0.05 * total < predikat["SANGAT_BAIK"] < 0.16 * total
    assert predikat["BUTUH_PERBAIKAN"] + predikat["KURANG"] > 0


def test_kgb(data: DataSet) -> None:
    """asn-rules 10.3: a KGB falls when the MKG reaches a step of the gaji table (even MKG for
    III/IV, odd for I/b-II/d), up to the top; the gaji is the table's (none before 2024); the
    MKG of the SK continues the rank's MKG; PPPK have KGB too."""
    tabel = TabelGaji(ref_table("ref_gaji_pokok").rows)
    pangkat = data.by_pegawai("riwayat_pangkat")
    jenis = {p["id"]: p["jenis_asn"] for p in data.rows["pegawai"]}
    seen_pppk = False
    for pid, rows in data.by_pegawai("riwayat_kgb").items():
        assert 1 <= len(rows) <= 3
        seen_pppk = seen_pppk or jenis[pid] == "PPPK"
        for r in rows:
            tmt = iso(r["tmt"])
            gol = str(r["golongan_kode"])
            assert tmt.day == 1 and r["mk_bulan"] == 0
            assert r["mk_tahun"] in tabel.langkah(gol, tmt)
            assert r["gaji_pokok"] == tabel.cari_gaji(gol, int(str(r["mk_tahun"])), tmt)
            # the rank in force on the KGB's TMT, and its MKG carried to that TMT
            rank = max(
                (p for p in pangkat[pid] if iso(p["tmt"]) <= tmt), key=lambda p: str(p["tmt"])
            )
            assert rank["golongan_kode"] == gol
            start = iso(rank["tmt"])
            mk = int(str(rank["mk_tahun"])) * 12 + int(str(rank["mk_bulan"]))
            months = (tmt.year - start.year) * 12 + tmt.month - start.month
            assert mk + months == int(str(r["mk_tahun"])) * 12
    assert seen_pppk


def test_hukdis(data: DataSet) -> None:
    rows = data.rows["riwayat_hukdis"]
    assert 0.01 * N <= len({r["pegawai_id"] for r in rows}) <= 0.05 * N
    for r in rows:
        months = HUKUMAN_BULAN[str(r["hukuman_kode"])]
        start = iso(r["tmt_mulai"])
        if months is None:
            assert r["tmt_selesai"] is None
        else:
            end = iso(r["tmt_selesai"])
            assert end.day == start.day
            assert (end.year - start.year) * 12 + end.month - start.month == months


def test_training(data: DataSet) -> None:
    pegawai = {p["id"]: p for p in data.rows["pegawai"]}
    latsar: set[object] = set()
    for r in data.rows["riwayat_diklat"]:
        assert r["nama"] and r["jenis"]
        assert iso(r["tanggal_mulai"]) <= iso(r["tanggal_selesai"])
        if r["jenis"] == "LATSAR":
            latsar.add(r["pegawai_id"])
            assert pegawai[r["pegawai_id"]]["jenis_asn"] == "PNS"
    pns = [p for p in pegawai.values() if p["status_kepegawaian"] == "PNS"]
    assert sum(1 for p in pns if p["id"] in latsar) > 0.9 * len(pns)
    assert any(r["jenis"] == "STRUKTURAL" for r in data.rows["riwayat_diklat"])


def _iter_names(data: DataSet) -> Iterator[str]:
    for p in data.rows["pegawai"]:
        yield str(p["nama"])


def test_names_and_religion_roughly_fit(data: DataSet) -> None:
    agama_by_prefix: dict[str, Counter[str]] = defaultdict(Counter)
    for p in data.rows["pegawai"]:
        first = str(p["nama"]).split()[0]
        agama_by_prefix[first][str(p["agama_kode"])] += 1
    bali = agama_by_prefix["I"] + agama_by_prefix["Ni"]
    assert bali and bali["HINDU"] > 0.7 * sum(bali.values())
    assert len(set(_iter_names(data))) > 0.8 * N
    sexes = Counter(p["jenis_kelamin"] for p in data.rows["pegawai"])
    assert sexes["L"] > 0.3 * N and sexes["P"] > 0.3 * N
