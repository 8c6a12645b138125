"""The probe of issue 12 (authority), reproduced: each test is one attack that worked on the
code before, and must now be refused, scoped or audited.

* ``merit restore FILE --yes`` ran without signing in and re-activated a deactivated account;
* ``merit backup`` worked for every role (the copy holds password hashes and the sync key);
* ``sync peer-add --trust`` (anggota panitia), ``sync id --name`` (pimpinan), ``sync export
  --all --full`` (anggota panitia) worked, unaudited;
* an anggota panitia refused ``employees list`` got every NIP through ``skp status --format
  json``, ``skp rekap``, ``skp pdf`` and ``bezetting --format json``;
* ``audit list`` worked for every role;
* an operator of one unit listed and exported every unit;
* ``employees show`` and ``employees list --format csv`` were not audited.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.exitcode import ExitCode
from app.models.access import akun
from app.models.storage.db import Database
from tests.helpers.role_matrix import CHEAP_HASHER, ROLES, World, build_world, run_as


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(akun, "hasher", CHEAP_HASHER)
        yield build_world(tmp_path_factory.mktemp("dunia"))


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun, "hasher", CHEAP_HASHER)


@pytest.fixture
def db_path(world: World, tmp_path: Path) -> Path:
    return world.copy_to(tmp_path)


def run(world: World, db: Path, role: str | None, *argv: str) -> tuple[int, str, str]:
    return run_as(db, role, list(argv), Path(world.values["password"]))


def audit_entries(db: Path, aksi: str) -> list[tuple[str, str | None, str | None]]:
    with Database(db) as d:
        rows = d.conn.execute(
            "SELECT aktor, record_id, keterangan FROM lokal_audit WHERE aksi = ? ORDER BY no",
            (aksi,),
        ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def all_nips(world: World) -> set[str]:
    return {v for k, v in world.values.items() if k.startswith("nip_")}


# -- restore and backup -------------------------------------------------------------------------


def test_restore_needs_sign_in_and_the_admin(world: World, db_path: Path) -> None:
    # The backup was made while every account was active; the pimpinan is deactivated now.
    assert run(world, db_path, "admin", "akun", "roles", "pimpinan", "--nonaktif")[0] == 0
    backup = world.values["backup"]
    code, _, err = run(world, db_path, None, "restore", backup, "--yes")
    assert code == ExitCode.DENIED and "--user" in err
    for role in ROLES:
        if role in ("admin", "pimpinan"):
            continue
        code, _, err = run(world, db_path, role, "restore", backup, "--yes")
        assert code == ExitCode.DENIED and "Akses ditolak" in err, role
    # Nothing was restored: the pimpinan is still deactivated, every refusal is audited.
    with Database(db_path) as d:
        assert akun.get_akun(d, "pimpinan").aktif is False
    refused = [
        e for e in audit_entries(db_path, "Akses ditolak") if "cadangan.pulihkan" in (e[2] or "")
    ]
    assert len(refused) == len(ROLES) - 2
    code, out, err = run(world, db_path, "admin", "restore", backup, "--yes")
    assert code == 0, err
    assert "Dipulihkan dari" in out
    # The restored database says who restored it, and from which file.
    (entry,) = audit_entries(db_path, "Basis data dipulihkan dari cadangan")
    assert entry[0] == "admin" and Path(backup).name in (entry[2] or "")


def test_restore_over_a_damaged_file_needs_no_account(world: World, db_path: Path) -> None:
    db_path.write_bytes(b"bukan basis data SQLite" * 100)
    code, _, err = run(world, db_path, None, "restore", world.values["backup"], "--yes")
    assert code == 0, err
    with Database(db_path) as d:
        assert akun.ada_akun(d)


def test_backup_is_the_admins_and_audited(world: World, db_path: Path, tmp_path: Path) -> None:
    for role in ROLES:
        folder = tmp_path / f"usb-{role}"
        folder.mkdir()
        code, _, err = run(world, db_path, role, "backup", "--out", str(folder))
        if role == "admin":
            assert code == 0, err
            assert list(folder.iterdir())
        else:
            assert code == ExitCode.DENIED and "Akses ditolak" in err, role
            assert not list(folder.iterdir()), role  # no copy of the hashes and keys
    (made,) = audit_entries(db_path, "Membuat cadangan")
    assert made[0] == "admin"


# -- peers, identity, full export ---------------------------------------------------------------


def test_committee_member_cannot_add_a_peer_rename_or_export_everything(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    v = world.values
    code, _, err = run(
        world, db_path, "anggota_panitia", "sync", "peer-add", v["peer_file"], "--trust"
    )
    assert code == ExitCode.DENIED and "Akses ditolak" in err
    code, _, err = run(world, db_path, "pimpinan", "sync", "id", "--name", "Laptop Curian")
    assert code == ExitCode.DENIED and "Akses ditolak" in err
    out_file = tmp_path / "semua.paket"
    code, _, err = run(
        world, db_path, "anggota_panitia", "sync", "export", "--all", "--full",
        "--out", str(out_file), "--passphrase-file", v["passphrase"],
    )  # fmt: skip
    assert code == ExitCode.DENIED and "Akses ditolak" in err
    assert not out_file.exists()
    # The sekretariat may send what it changed, but not the whole database.
    code, _, err = run(
        world, db_path, "sekretariat_panitia", "sync", "export", "--all", "--full",
        "--out", str(out_file), "--passphrase-file", v["passphrase"],
    )  # fmt: skip
    assert code == ExitCode.DENIED and "lengkap" in err
    assert not out_file.exists()
    with Database(db_path) as d:
        names = d.conn.execute("SELECT nilai FROM lokal_meta WHERE kunci = 'nama_instalasi'")
        assert names.fetchone()[0] == "Kantor BKPSDM"
    refused = " ".join(e[2] or "" for e in audit_entries(db_path, "Akses ditolak"))
    for aksi in ("sync.peer", "sync.identitas", "sync.ekspor_penuh"):
        assert aksi in refused


def test_peer_and_identity_changes_by_the_admin_are_audited(world: World, db_path: Path) -> None:
    v = world.values
    assert run(world, db_path, "admin", "sync", "id", "--name", "Laptop BKD 2")[0] == 0
    (renamed,) = audit_entries(db_path, "Mengganti nama instalasi")
    assert renamed[0] == "admin" and "Laptop BKD 2" in (renamed[2] or "")
    assert run(world, db_path, "admin", "sync", "peer-add", v["peer_file"], "--trust")[0] == 0
    *_, added = audit_entries(db_path, "Menambah peer sinkronisasi")  # the world added it first
    assert added[0] == "admin" and "Laptop Mitra" in (added[2] or "")


# -- reads that leaked every NIP ------------------------------------------------------------------


def test_committee_member_gets_no_nip_through_skp_or_bezetting(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    v = world.values
    attempts = [
        ("skp", "status", "--year", v["tahun"], "--format", "json"),
        ("skp", "rekap", "--year", v["tahun"], "--out", str(tmp_path / "skp.xlsx")),
        ("skp", "pdf", v["nip_ani"], "--year", v["tahun"], "--out", str(tmp_path / "ani.pdf")),
        ("bezetting", "--format", "json"),
        ("employees", "list", "--format", "json"),
    ]
    for argv in attempts:
        code, out, err = run(world, db_path, "anggota_panitia", *argv)
        assert code == ExitCode.DENIED and "Akses ditolak" in err, argv
        assert not any(nip in out + err for nip in all_nips(world)), argv
    assert not (tmp_path / "skp.xlsx").exists() and not (tmp_path / "ani.pdf").exists()
    assert len(audit_entries(db_path, "Akses ditolak")) == len(attempts)


def test_audit_trail_is_read_by_admin_and_pimpinan_only(world: World, db_path: Path) -> None:
    for role in ROLES:
        code, out, err = run(world, db_path, role, "audit", "list", "--format", "json")
        if role in ("admin", "pimpinan"):
            assert code == 0 and json.loads(out), role
        else:
            assert code == ExitCode.DENIED and "Akses ditolak" in err, role
            assert out == ""
    readers = [e[0] for e in audit_entries(db_path, "Membaca jejak audit")]
    assert readers == ["admin", "pimpinan"]


# -- a unit operator sees their unit --------------------------------------------------------------


def test_unit_operator_lists_counts_and_exports_only_their_unit(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    v = world.values
    code, out, err = run(world, db_path, "operator_unit", "employees", "list", "--format", "json")
    assert code == 0, err
    listed = {r["nip"] for r in json.loads(out)}
    assert v["nip_ani"] in listed and v["nip_lain"] not in listed
    code, out, _ = run(world, db_path, "operator", "employees", "list", "--format", "json")
    assert v["nip_lain"] in {r["nip"] for r in json.loads(out)}  # the whole-agency operator
    # A search for the other unit's employee finds nothing; naming the other unit is refused.
    code, out, _ = run(world, db_path, "operator_unit", "employees", "list", "--search", "Orang")
    assert code == 0 and "Orang Lain" not in out and "0 pegawai" in out
    code, _, err = run(world, db_path, "operator_unit", "employees", "list", "--unit", "Dinas Lain")
    assert code == ExitCode.DENIED and "Akses ditolak" in err
    code, _, err = run(world, db_path, "operator_unit", "employees", "show", v["nip_lain"])
    assert code == ExitCode.DENIED
    # The exports hold the same rows: the DUK of "every unit" is their unit's.
    duk = tmp_path / "duk.xlsx"
    assert run(world, db_path, "operator_unit", "export", "duk", "--out", str(duk))[0] == 0
    cells = {str(c) for row in load_workbook(duk).active.iter_rows(values_only=True) for c in row}
    flat = [c.replace(" ", "") for c in cells]  # the DUK prints NIPs grouped 8-6-1-3
    assert any(v["nip_ani"] in c for c in flat)
    assert not any(v["nip_lain"] in c for c in flat)
    code, out, _ = run(
        world, db_path, "operator_unit", "skp", "status", "--year", v["tahun"], "--format", "json"
    )
    assert code == 0 and v["nip_lain"] not in out and v["nip_ani"] in out


# -- personal details read are audited ----------------------------------------------------------


def test_show_and_machine_readable_lists_are_audited(world: World, db_path: Path) -> None:
    v = world.values
    code, out, _ = run(world, db_path, "pimpinan", "employees", "show", v["nip_ani"])
    assert code == 0 and "Ani" in out
    ((aktor, record_id, keterangan),) = audit_entries(db_path, "Membuka rincian pegawai")
    assert aktor == "pimpinan" and record_id and v["nip_ani"] in (keterangan or "")
    code, out, _ = run(world, db_path, "pimpinan", "employees", "list", "--format", "csv")
    assert code == 0 and v["nip_ani"] in out
    ((aktor, _, keterangan),) = audit_entries(db_path, "Mengekspor daftar pegawai")
    assert aktor == "pimpinan" and "6 pegawai" in (keterangan or "")
    assert run(world, db_path, "pimpinan", "employees", "list", "--format", "json")[0] == 0
    assert [e[0] for e in audit_entries(db_path, "Membaca daftar pegawai (JSON)")] == ["pimpinan"]
    # The list a clerk reads on screen (table) is not an export: not audited one by one.
    assert run(world, db_path, "pimpinan", "employees", "list")[0] == 0
    assert len(audit_entries(db_path, "Mengekspor daftar pegawai")) == 1
