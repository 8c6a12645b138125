"""The exchange folder (app/sync/folder.py): installations that share one folder carried by a
file-sync engine converge through rounds in any order; a file still being written is not taken;
a refused file is moved to ditolak/ with its reason and the round goes on; nothing is imported
twice."""

from __future__ import annotations

import shutil
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied
from app.sync import folder as folder_mod
from app.sync import identity, package, verify
from tests.helpers.sync import Node, make_nodes

TABLE = "unit_organisasi"
SANDI = "kata-sandi-panjang"


def no_wait(_seconds: float) -> None:
    return None


def rows(node: Node) -> dict[str, tuple]:
    return {
        r[0]: (r[1], r[2], r[3])
        for r in node.db.conn.execute(f"SELECT id, nama, alamat, deleted FROM {TABLE}")
    }


def clashes(node: Node) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in node.db.conn.execute("SELECT row_id, kolom FROM lokal_konflik")}


def edit(node: Node, rec: str, nama: str) -> None:
    exists = node.db.conn.execute(f"SELECT 1 FROM {TABLE} WHERE id = ?", (rec,)).fetchone()
    with node.store.write("uji") as tx:
        if exists:
            tx.update(TABLE, rec, {"nama": nama})
        else:
            tx.insert(TABLE, {"id": rec, "nama": nama, "jenis": "OPD"})


def package_identity(node: Node) -> identity.Identity:
    return identity.own_identity(node.db)


def count_rows(node: Node) -> int:
    return int(node.db.conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])


def round_of(node: Node, **kw: object) -> folder_mod.RoundResult:
    return folder_mod.run_round(node.db, sleep=no_wait, settle=0, **kw)  # type: ignore[arg-type]


@pytest.fixture
def shared(tmp_path: Path) -> tuple[list[Node], Path]:
    nodes = make_nodes(tmp_path, 3)
    folder = tmp_path / "tukar"
    folder.mkdir()
    for n in nodes:
        folder_mod.set_folder(n.db, folder)
    return nodes, folder


def settle_all(nodes: list[Node], limit: int = 8) -> int:
    """Rounds until a full pass writes and takes nothing; the number of passes."""
    for passes in range(1, limit + 1):
        moved = 0
        for n in nodes:
            result = round_of(n)
            moved += len(result.dikirim) + len(result.diambil)
        if moved == 0:
            return passes
    raise AssertionError("the folder never went quiet")


def test_layout_inboxes_done_and_last_times(shared: tuple[list[Node], Path]) -> None:
    (a, b, _c), folder = shared
    edit(a, str(uuid.uuid4()), "Dinas A")
    sent = round_of(a)
    assert {s.peer_nama for s in sent.dikirim} == {"Kantor 1", "Kantor 2"}
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    [waiting] = list(inbox_b.glob("*.merit"))
    assert waiting.name.startswith("merit-kantor-0-")
    assert inbox_b.name.startswith("kantor-1-")
    view_a = folder_mod.overview(a.db)
    assert {m.nama: m.belum_diambil for m in view_a.mitra} == {"Kantor 1": 1, "Kantor 2": 1}
    assert all(m.terakhir_kirim for m in view_a.mitra)

    got = round_of(b)
    assert [t.hasil for t in got.diambil] == ["diterima"]
    assert rows(b) == rows(a)
    assert not list(inbox_b.glob("*.merit"))
    [done] = list((inbox_b / "selesai").glob("*/*.merit"))
    assert done.name == waiting.name
    view_b = folder_mod.overview(b.db)
    by_name = {m.nama: m for m in view_b.mitra}
    assert by_name["Kantor 0"].terakhir_terima is not None
    assert view_b.putaran_terakhir is not None
    # a's package was taken: a sees it gone from b's inbox
    assert {m.nama: m.belum_diambil for m in folder_mod.overview(a.db).mitra}["Kantor 1"] == 0


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.integers(0, 2), st.booleans(), st.integers(0, 2), st.sampled_from("xyz")),
        min_size=1,
        max_size=10,
    )
)
def test_rounds_in_any_order_converge(tmp_path_factory: pytest.TempPathFactory, steps) -> None:  # type: ignore[no-untyped-def]
    """Edits and rounds interleaved at random on three installations; after everyone runs
    rounds until the folder is quiet, all hold the same rows and clashes."""
    base = tmp_path_factory.mktemp("konvergen")
    nodes = make_nodes(base, 3)
    folder = base / "tukar"
    folder.mkdir()
    for n in nodes:
        folder_mod.set_folder(n.db, folder)
    records = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"folder-{i}")) for i in range(3)]
    for who, do_edit, rec, value in steps:
        if do_edit:
            edit(nodes[who], records[rec], value)
        else:
            round_of(nodes[who])
    settle_all(nodes)
    first = nodes[0]
    for n in nodes[1:]:
        assert rows(n) == rows(first)
        assert clashes(n) == clashes(first)
    # quiet: another pass writes nothing and takes nothing
    assert settle_all(nodes) == 1


def test_a_file_still_growing_is_not_taken(shared: tuple[list[Node], Path]) -> None:
    (a, b, _c), folder = shared
    edit(a, str(uuid.uuid4()), "Dinas A")
    made = package.export_package(a.db, folder, to="Kantor 1", actor="sistem")
    whole = made.path.read_bytes()
    made.path.unlink()
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    arriving = inbox_b / "merit-dari-share.merit"
    arriving.write_bytes(whole[: len(whole) // 2])

    def engine_still_copying(_seconds: float) -> None:
        with arriving.open("ab") as fh:  # the engine writes more between the two looks
            fh.write(whole[len(whole) // 2 : len(whole) // 2 + 10])

    result = folder_mod.run_round(b.db, sleep=engine_still_copying, settle=0)
    assert result.diambil == [] and result.masih_ditulis == [arriving.name]
    assert arriving.exists() and count_rows(b) == 0
    arriving.write_bytes(whole)  # the copy is complete now
    result = round_of(b)
    assert [t.hasil for t in result.diambil] == ["diterima"]
    assert rows(b) == rows(a)


def test_temporary_names_are_left_alone(shared: tuple[list[Node], Path]) -> None:
    (_a, b, _c), folder = shared
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    inbox_b.mkdir(exist_ok=True)
    names = [".syncthing.x.merit.tmp", "x.merit.sementara", "~x.merit", "x.merit.partial"]
    for name in names:
        (inbox_b / name).write_bytes(b"sebagian")
    result = round_of(b)
    assert result.diambil == []
    assert sorted(p.name for p in inbox_b.iterdir() if p.is_file()) == sorted(names)


def test_refused_files_go_to_ditolak_with_a_reason_and_the_round_goes_on(
    shared: tuple[list[Node], Path],
) -> None:
    (a, b, _c), folder = shared
    edit(a, str(uuid.uuid4()), "Dinas A")
    made = package.export_package(a.db, folder, to="Kantor 1", actor="sistem")
    whole = made.path.read_bytes()
    made.path.unlink()
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    inbox_b.mkdir(exist_ok=True)
    (inbox_b / "a-terpotong.merit").write_bytes(whole[: len(whole) - 100])
    (inbox_b / "b-sampah.merit").write_bytes(b"\x00garbage" * 50)
    (inbox_b / "c-utuh.merit").write_bytes(whole)
    before = b.db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0]

    result = round_of(b)
    outcome = {t.berkas: t.hasil for t in result.diambil}
    assert outcome == {
        "a-terpotong.merit": "ditolak",
        "b-sampah.merit": "ditolak",
        "c-utuh.merit": "diterima",
    }
    assert rows(b) == rows(a)
    assert b.db.conn.execute("SELECT count(*) FROM lokal_batch").fetchone()[0] > before
    refused = sorted((inbox_b / "ditolak").glob("*/*.merit"))
    assert [p.name for p in refused] == ["a-terpotong.merit", "b-sampah.merit"]
    for p in refused:
        reason = p.with_name(p.name + folder_mod.REASON_SUFFIX).read_text(encoding="utf-8")
        assert "Paket ditolak" in reason and "SHA-256" in reason
    assert not list(inbox_b.glob("*.merit"))

    # never imported twice: the engine brings a taken file back; a refused one put back is
    # tried again and refused again, changing nothing
    shutil.copy(refused[0], inbox_b / "a-terpotong.merit")
    [done] = list((inbox_b / "selesai").glob("*/*.merit"))
    shutil.copy(done, inbox_b / "c-utuh.merit")
    audit_before = b.db.conn.execute("SELECT count(*) FROM lokal_audit").fetchone()[0]
    again = round_of(b)
    assert {t.berkas: t.hasil for t in again.diambil} == {
        "a-terpotong.merit": "ditolak",
        "c-utuh.merit": "sudah",
    }
    assert b.db.conn.execute("SELECT count(*) FROM lokal_audit").fetchone()[0] == audit_before
    assert not list(inbox_b.glob("*.merit"))
    assert len(list((inbox_b / "ditolak").glob("*/a-terpotong*.merit"))) == 2


def test_a_file_too_big_is_refused_unread(
    shared: tuple[list[Node], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    (_a, b, _c), folder = shared
    monkeypatch.setattr(verify, "MAX_FILE", 4096)
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    inbox_b.mkdir(exist_ok=True)
    (inbox_b / "besar.merit").write_bytes(b"x" * 10_000)
    [taken] = round_of(b).diambil
    assert taken.hasil == "ditolak" and "terlalu besar" in taken.pesan
    assert list((inbox_b / "ditolak").glob("*/besar.merit"))


def test_done_packages_are_kept_thirty_days(shared: tuple[list[Node], Path]) -> None:
    (_a, b, _c), folder = shared
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    for name in ("2027-01-01", "2027-02-10", "catatan"):
        (inbox_b / "selesai" / name).mkdir(parents=True)
    (inbox_b / "ditolak" / "2027-01-01").mkdir(parents=True)
    now = datetime(2027, 2, 15, 10, 0).timestamp()
    folder_mod.run_round(b.db, sleep=no_wait, settle=0, clock=lambda: now)
    assert sorted(p.name for p in (inbox_b / "selesai").iterdir()) == ["2027-02-10", "catatan"]
    assert (inbox_b / "ditolak" / "2027-01-01").is_dir()


def test_a_lost_package_is_sent_again_later(shared: tuple[list[Node], Path]) -> None:
    (a, b, _c), folder = shared
    edit(a, str(uuid.uuid4()), "Dinas A")
    now = [1_900_000_000.0]
    first = folder_mod.run_round(a.db, sleep=no_wait, settle=0, clock=lambda: now[0])
    assert len(first.dikirim) == 2
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    for p in inbox_b.glob("*.merit"):
        p.unlink()  # lost on the way
    again = folder_mod.run_round(a.db, sleep=no_wait, settle=0, clock=lambda: now[0] + 60)
    assert again.dikirim == []  # nothing new, and too soon to send again
    now[0] += folder_mod.RESEND_SECONDS + 1
    later = folder_mod.run_round(a.db, sleep=no_wait, settle=0, clock=lambda: now[0])
    assert [s.peer_nama for s in later.dikirim] == ["Kantor 1"]  # Kantor 2's is still there
    round_of(b)
    assert rows(b) == rows(a)


def test_a_newer_package_replaces_ours_still_waiting(shared: tuple[list[Node], Path]) -> None:
    (a, b, _c), folder = shared
    inbox_b = folder_mod.inbox_of(folder, package_identity(b))
    edit(a, str(uuid.uuid4()), "Dinas A")
    round_of(a)
    edit(a, str(uuid.uuid4()), "Dinas B")
    round_of(a)
    assert len(list(inbox_b.glob("*.merit"))) == 1
    round_of(b)
    assert rows(b) == rows(a) and len(rows(b)) == 2


def test_rights_and_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    (a, _b) = make_nodes(tmp_path, 2)
    with pytest.raises(folder_mod.FolderError, match="belum ditetapkan"):
        round_of(a)
    admin = akun.create_admin_pertama(a.db, "admin", "Admin", SANDI)
    akun.create_akun(a.db, "kepala", "Kepala", SANDI, [Hak(Peran.PIMPINAN)], actor=admin)
    reader = akun.masuk(a.db, "kepala", SANDI)
    folder = tmp_path / "tukar"
    folder.mkdir()
    with pytest.raises(AccessDenied):
        folder_mod.set_folder(a.db, folder, actor=reader)
    assert folder_mod.get_folder(a.db) is None
    folder_mod.set_folder(a.db, folder, actor=admin)
    with pytest.raises(AccessDenied):
        folder_mod.run_round(a.db, actor=reader, sleep=no_wait, settle=0)
    with pytest.raises(Exception, match="tidak ada"):
        folder_mod.set_folder(a.db, tmp_path / "tidak-ada", actor=admin)
    # local: the setting is in lokal_meta, not in the replicated settings
    assert a.db.meta(folder_mod.META_FOLDER) == str(folder.resolve())
    shutil.rmtree(folder)
    with pytest.raises(folder_mod.FolderError, match="tidak dapat dijangkau"):
        round_of(a)
    folder_mod.set_folder(a.db, None, actor=admin)
    assert folder_mod.get_folder(a.db) is None
