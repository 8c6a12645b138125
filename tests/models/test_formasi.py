"""Units, positions and formations, and the bezetting view, against a small organisation whose
answers are known by hand, plus a property over random organisations."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.errors import NotFoundError, ValidationError
from app.models.organisasi import bezetting, jabatan, units
from app.models.reference.loader import Referensi
from app.models.rules import derivations as d
from app.models.rules import formasi as aturan_formasi
from app.models.storage.db import Database
from tests.helpers.organisasi import Org, add_person

# -- helpers ----------------------------------------------------------------------------------


def by_name(rows: list[bezetting.BezettingRow]) -> dict[str, bezetting.BezettingRow]:
    return {r.nama: r for r in rows}


# -- units ------------------------------------------------------------------------------------


def test_unit_tree_in_order_with_depth(db: Database, org: Org) -> None:
    units.create_unit(db, units.UnitData(nama="Badan Keuangan", jenis="OPD"))
    nodes = units.unit_tree(db.conn)
    assert [(n.nama, n.depth) for n in nodes] == [
        ("Dinas Arsip", 0),
        ("Bidang Layanan", 1),
        ("Seksi Data", 2),
        ("Badan Keuangan", 0),
    ]
    assert nodes[0].children == 1 and nodes[2].children == 0
    assert units.unit_path(db.conn, org.seksi) == ["Dinas Arsip", "Bidang Layanan", "Seksi Data"]


def test_rename_and_move_refresh_employee_summary(db: Database, org: Org) -> None:
    unit = units.get_unit(db.conn, org.dinas)
    changed = units.update_unit(db, org.dinas, replace(unit.as_data(), nama="Dinas Kearsipan"))
    assert changed == ["nama"]
    opd = {r[0] for r in db.conn.execute("SELECT opd_nama FROM pegawai_ringkas WHERE deleted=0")}
    assert opd == {"Dinas Kearsipan"}
    other = units.create_unit(db, units.UnitData(nama="Badan Lain", jenis="OPD"))
    units.move_unit(db, org.bidang, other)
    assert units.get_unit(db.conn, org.bidang).induk_id == other
    # The employees of the seksi (under the moved bidang) now belong to the other OPD.
    row = db.conn.execute(
        "SELECT opd_nama FROM pegawai_ringkas WHERE unit_id = ?", (org.seksi,)
    ).fetchone()
    assert row[0] == "Badan Lain"


def test_move_under_itself_or_a_sub_unit_is_refused(db: Database, org: Org) -> None:
    for target in (org.dinas, org.bidang, org.seksi):
        with pytest.raises(ValidationError) as err:
            units.move_unit(db, org.dinas, target)
        assert err.value.field == "induk_id"
        assert "Unit induk tidak boleh" in str(err.value)
    assert units.get_unit(db.conn, org.dinas).induk_id is None


def test_unit_validation_names_the_field(db: Database, org: Org) -> None:
    issues = units.unit_issues(db.conn, units.UnitData(nama=" ", jenis="KANTOR", eselon_kode="X.9"))
    assert {i.field for i in issues} == {"nama", "jenis", "eselon_kode"}
    assert any("Nama unit wajib diisi" in i.message for i in issues)
    with pytest.raises(ValidationError) as err:
        units.create_unit(db, units.UnitData(nama="Baru", jenis="SEKSI", induk_id="tidak-ada"))
    assert err.value.field == "induk_id"
    assert db.conn.execute("SELECT count(*) FROM unit_organisasi").fetchone()[0] == 3


def test_shift_unit_changes_order_among_siblings(db: Database, org: Org) -> None:
    second = units.create_unit(
        db, units.UnitData(nama="Bidang Kedua", jenis="BIDANG", induk_id=org.dinas)
    )
    names = [n.nama for n in units.unit_tree(db.conn) if n.induk_id == org.dinas]
    assert names == ["Bidang Layanan", "Bidang Kedua"]
    assert units.shift_unit(db, second, -1)
    names = [n.nama for n in units.unit_tree(db.conn) if n.induk_id == org.dinas]
    assert names == ["Bidang Kedua", "Bidang Layanan"]
    assert not units.shift_unit(db, second, -1)  # already first


def test_delete_unit_refused_while_it_has_sub_units_positions_or_people(
    db: Database, org: Org
) -> None:
    with pytest.raises(ValidationError) as err:
        units.delete_unit(db, org.bidang)
    message = str(err.value)
    assert "1 sub-unit" in message and "2 jabatan" in message and "pegawai aktif" in message
    empty = units.create_unit(
        db, units.UnitData(nama="Seksi Kosong", jenis="SEKSI", induk_id=org.bidang)
    )
    units.delete_unit(db, empty)
    with pytest.raises(NotFoundError):
        units.get_unit(db.conn, empty)
    assert (
        db.conn.execute("SELECT deleted FROM unit_organisasi WHERE id=?", (empty,)).fetchone()[0]
        == 1
    )


# -- positions --------------------------------------------------------------------------------


def _valid(org: Org, **changes: object) -> jabatan.JabatanData:
    base = jabatan.JabatanData(
        unit_id=org.bidang,
        nama="Kepala Seksi",
        jenis_kode="JA",
        jenjang_kode="PENGAWAS",
        eselon_kode="IV.a",
        kelas_jabatan="9",
        kebutuhan="1",
        gol_min_kode="III/b",
        pendidikan_min_kode="D3",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"kebutuhan": "-1"}, "kebutuhan", "Kebutuhan (jumlah kursi) harus bilangan bulat"),
        ({"kebutuhan": "2,5"}, "kebutuhan", "tertulis '2,5'"),
        ({"kebutuhan": ""}, "kebutuhan", "Kebutuhan wajib diisi"),
        ({"kelas_jabatan": "18"}, "kelas_jabatan", "Kelas jabatan harus antara 1 dan 17"),
        ({"kelas_jabatan": "0"}, "kelas_jabatan", "Kelas jabatan harus antara 1 dan 17"),
        ({"kelas_jabatan": "lima"}, "kelas_jabatan", "Kelas jabatan harus bilangan bulat"),
        ({"eselon_kode": "III.a"}, "eselon_kode", "Eselon III.a setara Administrator"),
        ({"jenis_kode": "JF"}, "jenjang_kode", "Jenjang Pengawas bukan jenjang Jabatan Fungsional"),
        (
            {"jenis_kode": "JF", "jenjang_kode": "AHLI_MUDA"},
            "eselon_kode",
            "Eselon hanya untuk jabatan struktural",
        ),
        ({"jenjang_kode": "PELAKSANA"}, "eselon_kode", "Eselon hanya untuk jabatan struktural"),
        ({"nama": "  "}, "nama", "Nama jabatan wajib diisi"),
        ({"gol_min_kode": "III/z"}, "gol_min_kode", "Golongan minimal 'III/z' tidak dikenal"),
        ({"pendidikan_min_kode": "S9"}, "pendidikan_min_kode", "Pendidikan minimal 'S9'"),
        ({"bup_tahun": "99"}, "bup_tahun", "BUP harus antara"),
        ({"unit_id": "hilang"}, "unit_id", "Unit jabatan tidak ditemukan"),
    ],
)
def test_position_validation_messages_name_the_field(
    db: Database, org: Org, changes: dict[str, object], field: str, words: str
) -> None:
    data = _valid(org, **changes)
    issues = jabatan.jabatan_issues(db.conn, data)
    assert [i.field for i in issues] == [field], issues
    assert words in issues[0].message
    before = db.conn.execute("SELECT count(*) FROM jabatan").fetchone()[0]
    with pytest.raises(ValidationError) as err:
        jabatan.create_jabatan(db, data)
    assert err.value.field == field
    assert db.conn.execute("SELECT count(*) FROM jabatan").fetchone()[0] == before


def test_valid_position_saves_converted_values(db: Database, org: Org) -> None:
    assert jabatan.jabatan_issues(db.conn, _valid(org)) == []
    jab_id = jabatan.create_jabatan(
        db, _valid(org, kebutuhan=" 1.000 ", atasan_jabatan_id=org.kabid)
    )
    jab = jabatan.get_jabatan(db.conn, jab_id)
    assert (jab.kebutuhan, jab.kelas_jabatan, jab.eselon_kode) == (1000, 9, "IV.a")
    changed = jabatan.update_jabatan(db, jab_id, replace(jab.as_data(), kebutuhan="3"))
    assert changed == ["kebutuhan"]
    assert [j.nama for j in jabatan.list_jabatan(db.conn, org.bidang)] == [
        "Kepala Bidang Layanan",
        "Kepala Seksi",
        "Arsiparis Ahli Pertama",
    ]
    options = dict(jabatan.atasan_options(db.conn, org.seksi))
    assert org.kabid in options and org.kadis in options and org.analis not in options


def test_superior_chain_cannot_loop(db: Database, org: Org) -> None:
    kasi = jabatan.create_jabatan(db, _valid(org, atasan_jabatan_id=org.kabid))
    kabid = jabatan.get_jabatan(db.conn, org.kabid)
    issues = jabatan.jabatan_issues(
        db.conn, replace(kabid.as_data(), atasan_jabatan_id=kasi), jabatan_id=org.kabid
    )
    assert [i.field for i in issues] == ["atasan_jabatan_id"]
    assert "berputar" in issues[0].message
    issues = jabatan.jabatan_issues(
        db.conn, replace(kabid.as_data(), atasan_jabatan_id=org.kabid), jabatan_id=org.kabid
    )
    assert "sendiri" in issues[0].message


def test_delete_position_refused_while_held(db: Database, org: Org) -> None:
    with pytest.raises(ValidationError) as err:
        jabatan.delete_jabatan(db, org.analis)
    assert "3 pegawai aktif" in str(err.value)
    spare = jabatan.create_jabatan(db, _valid(org))
    jabatan.delete_jabatan(db, spare)
    assert spare not in {j.id for j in jabatan.list_jabatan(db.conn, org.bidang)}


# -- bezetting --------------------------------------------------------------------------------


def test_bezetting_counts_against_known_answers(db: Database, org: Org) -> None:
    report = bezetting.bezetting_report(db.conn, org.dinas)
    rows = by_name(report.rows)
    assert [r.nama for r in report.rows] == [
        "Kepala Dinas",
        "Kepala Bidang Layanan",
        "Arsiparis Ahli Pertama",
        "Pengadministrasi Perkantoran",
    ]
    got = {n: (r.kebutuhan, r.terisi, r.kosong, r.lebih) for n, r in rows.items()}
    assert got == {
        "Kepala Dinas": (1, 1, 0, 0),
        "Kepala Bidang Layanan": (1, 1, 0, 0),
        "Arsiparis Ahli Pertama": (4, 3, 1, 0),
        "Pengadministrasi Perkantoran": (0, 1, 0, 1),
    }
    analis = rows["Arsiparis Ahli Pertama"]
    assert sorted(p.nama_lengkap for p in analis.pemangku) == ["Ani", "Budi", "Dewi"]
    flags = {p.nama_lengkap: p.kekurangan for p in analis.pemangku}
    assert flags["Ani"] == () and flags["Dewi"] == ()  # D-IV counts as S-1
    assert flags["Budi"] == (
        "golongan II/d di bawah minimal III/a",
        "pendidikan D-III / Sarjana Muda / Akademi / Bakaloreat di bawah minimal S-1 / Sarjana",
    )
    assert rows["Kepala Bidang Layanan"].pemangku[0].kekurangan == (
        "golongan III/c di bawah minimal III/d",
    )
    assert rows["Kepala Dinas"].pemangku[0].memenuhi
    assert report.total == bezetting.BezettingTotal(
        org.dinas, "Dinas Arsip", jabatan=4, kebutuhan=6, terisi=6, kosong=1, lebih=1,
        tidak_memenuhi=2,
    )  # fmt: skip
    per_unit = {t.unit_nama: (t.kebutuhan, t.terisi, t.kosong, t.lebih) for t in report.per_unit}
    assert per_unit == {
        "Dinas Arsip": (1, 1, 0, 0),
        "Bidang Layanan": (5, 4, 1, 0),
        "Seksi Data": (0, 1, 0, 1),
    }
    assert report.tanpa_formasi == []


def test_bezetting_without_sub_units_and_vacancies(db: Database, org: Org) -> None:
    only = bezetting.bezetting(db.conn, org.dinas, include_sub_units=False)
    assert [r.nama for r in only] == ["Kepala Dinas"]
    bidang = bezetting.bezetting(db.conn, org.bidang)
    assert {r.nama for r in bidang} == {
        "Kepala Bidang Layanan",
        "Arsiparis Ahli Pertama",
        "Pengadministrasi Perkantoran",
    }
    assert [r.nama for r in bezetting.vacancies(db.conn)] == ["Arsiparis Ahli Pertama"]
    assert bezetting.vacancies(db.conn, org.seksi) == []


def test_employee_without_position_in_formation_is_reported(db: Database, org: Org) -> None:
    add_person(db, "Hadi", jabatan=[(None, org.seksi, "2024-01-01")])
    report = bezetting.bezetting_report(db.conn, org.dinas)
    assert [p.nama_lengkap for p in report.tanpa_formasi] == ["Hadi"]
    assert report.total.terisi == 6


def test_kekurangan_ignores_unknown_and_other_scales(db: Database) -> None:
    ref = Referensi.load(db.conn)
    assert aturan_formasi.kekurangan(
        ref, gol_min_kode="III/a", pendidikan_min_kode="S1", golongan_kode=None,
        pendidikan_kode=None,
    ) == ()  # fmt: skip
    # A PPPK golongan is not compared with a PNS minimum.
    assert aturan_formasi.kekurangan(
        ref, gol_min_kode="III/a", pendidikan_min_kode=None, golongan_kode="IX",
        pendidikan_kode=None,
    ) == ()  # fmt: skip
    assert aturan_formasi.kekurangan(
        ref, gol_min_kode="III/a", pendidikan_min_kode=None, golongan_kode="II/c",
        pendidikan_kode=None,
    ) == ("golongan II/c di bawah minimal III/a",)  # fmt: skip


def test_bezetting_on_demo_matches_the_derivation_rules(demo_db: Database) -> None:
    """Every active employee with a current position in the formation is counted once, in the
    position the derivation rules say (checked through a different path: Python)."""
    conn = demo_db.conn
    report = bezetting.bezetting_report(conn, None)
    counted = {p.pegawai_id: r.jabatan_id for r in report.rows for p in r.pemangku}
    history: dict[str, list[dict]] = {}
    for row in conn.execute(
        "SELECT id, pegawai_id, jabatan_id, tmt, tanggal_sk, deleted FROM riwayat_jabatan"
    ):
        history.setdefault(row[1], []).append(
            {"id": row[0], "jabatan_id": row[2], "tmt": row[3], "tanggal_sk": row[4],
             "deleted": row[5]}
        )  # fmt: skip
    active = [
        r[0] for r in conn.execute("SELECT id FROM pegawai WHERE deleted=0 AND kedudukan='AKTIF'")
    ]
    expected = {}
    for pid in active:
        current = d.current_jabatan(history.get(pid, []))
        if current and current["jabatan_id"]:
            expected[pid] = current["jabatan_id"]
    assert counted == expected
    assert (
        len(report.rows)
        == conn.execute("SELECT count(*) FROM jabatan WHERE deleted=0").fetchone()[0]
    )


# -- property ---------------------------------------------------------------------------------


def _fresh_db() -> Database:
    directory = tempfile.mkdtemp(prefix="formasi-")
    return Database(Path(directory) / "uji.sqlite3")


@st.composite
def organisations(draw: st.DrawFn) -> dict:
    n_units = draw(st.integers(1, 5))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n_units)]
    n_pos = draw(st.integers(0, 6))
    positions = [(draw(st.integers(0, n_units - 1)), draw(st.integers(0, 4))) for _ in range(n_pos)]
    people = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["AKTIF", "AKTIF", "AKTIF", "PENSIUN", "PINDAH"]),
                st.lists(
                    st.tuples(
                        st.one_of(st.none(), st.integers(0, max(n_pos - 1, 0))),
                        st.integers(2000, 2025),
                    ),
                    max_size=3,
                ),
            ),
            max_size=12,
        )
    )
    return {"parents": parents, "positions": positions, "people": people}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(organisations())
def test_property_seats_balance_and_every_holder_counted_once(spec: dict) -> None:
    db = _fresh_db()
    try:
        unit_ids: list[str] = []
        for i, parent in enumerate(spec["parents"]):
            unit_ids.append(
                units.create_unit(
                    db,
                    units.UnitData(
                        nama=f"Unit {i}",
                        jenis="OPD" if parent is None else "BIDANG",
                        induk_id=None if parent is None else unit_ids[parent],
                    ),
                )
            )
        positions: list[tuple[str, str]] = []
        for i, (unit_index, seats) in enumerate(spec["positions"]):
            jab = jabatan.create_jabatan(
                db,
                jabatan.JabatanData(
                    unit_id=unit_ids[unit_index],
                    nama=f"Jabatan {i}",
                    jenis_kode="JF",
                    jenjang_kode="AHLI_PERTAMA",
                    kebutuhan=seats,
                ),
            )
            positions.append((jab, unit_ids[unit_index]))
        expected_holders = 0
        for n, (kedudukan, history) in enumerate(spec["people"]):
            rows = []
            for k, (pos_index, year) in enumerate(history):
                if pos_index is None or not positions:
                    rows.append((None, unit_ids[0], f"{year}-01-{k + 1:02d}"))
                else:
                    jab, unit = positions[pos_index]
                    rows.append((jab, unit, f"{year}-01-{k + 1:02d}"))
            add_person(db, f"Orang {n}", kedudukan=kedudukan, jabatan=rows)
            if kedudukan == "AKTIF" and rows:
                latest = max(rows, key=lambda r: r[2])
                expected_holders += latest[0] is not None
        report = bezetting.bezetting_report(db.conn, unit_ids[0])
        for row in report.rows:
            assert row.terisi + row.kosong - row.lebih == row.kebutuhan
            assert row.kosong == max(row.kebutuhan - row.terisi, 0)
            assert min(row.kosong, row.lebih) == 0
        assert sum(r.terisi for r in report.rows) == expected_holders
        assert report.total.terisi == expected_holders
        assert report.total.kebutuhan == sum(s for _, s in spec["positions"])
        assert len(report.rows) == len(positions)
    finally:
        db.close()
        shutil.rmtree(db.path.parent, ignore_errors=True)
