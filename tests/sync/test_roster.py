"""Peers have authority, not just trust (issue 12, item 2).

The attacks of the issue, each as a test: a trusted peer that soft-deletes every employee,
rewrites reference tables, the agency name or injects a register entry; a package from another
agency; a removed peer whose batches are relayed by another peer. With the agency's roster each
is held (listed with its reason) or refused, never applied."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from app.models.errors import AccessDenied, ValidationError
from app.models.storage import roster as roster_store
from app.sync import identity as ident
from app.sync import importer, package, verify
from app.sync import roster as roster_mod
from tests.helpers.migrations import rewind
from tests.helpers.roster import (
    Agency,
    exchange,
    forget_roster,
    make_agency,
    pegawai_deleted,
    setting,
)
from tests.helpers.sync import file_state, make_nodes
from tests.sync.asal_lama import as_before_migration_28


@pytest.fixture
def agency(tmp_path: Path) -> Agency:
    ag = make_agency(tmp_path)
    roster_mod.set_entry(ag.bkd.db, ag.opd.name, "opd", [ag.unit_x])
    roster_mod.set_entry(ag.bkd.db, ag.lain.name, "bkd-penuh")
    for other in (ag.opd, ag.lain):
        exchange(ag.bkd, other, ag.folder)
    return ag


def _held(node_db: object) -> list[roster_store.HeldBatch]:
    return roster_store.list_held(node_db.conn)  # type: ignore[attr-defined]


# -- the attacks ----------------------------------------------------------------------------------


def test_opd_soft_deleting_every_employee_is_held_not_applied(agency: Agency) -> None:
    opd, bkd = agency.opd, agency.bkd
    forget_roster(opd)  # a hostile office ignores its own roster
    with opd.store.write("hapus semua") as tx:
        for pid in (agency.pegawai_x, agency.pegawai_y):
            tx.update("pegawai", pid, {"deleted": 1})
    summary = exchange(opd, bkd, agency.folder)
    assert summary.batch_ditahan == 1 and summary.batch_baru == 0
    assert pegawai_deleted(bkd, agency.pegawai_y) == 0
    assert pegawai_deleted(bkd, agency.pegawai_x) == 0  # the whole batch is held
    held = _held(bkd.db)
    assert len(held) == 1 and held[0].jenis == "wewenang"
    assert "198701012010012002" in held[0].alasan and "Dinas Y" in held[0].alasan
    assert "ditahan" in summary.text()


def test_opd_may_edit_employees_of_its_own_unit(agency: Agency) -> None:
    opd, bkd = agency.opd, agency.bkd
    with opd.store.write("telepon") as tx:
        tx.update("pegawai", agency.pegawai_x, {"telepon": "0812"})
    summary = exchange(opd, bkd, agency.folder)
    assert summary.batch_baru == 1 and summary.batch_ditahan == 0
    row = bkd.db.conn.execute("SELECT telepon FROM pegawai WHERE id = ?", (agency.pegawai_x,))
    assert row.fetchone()[0] == "0812"


@pytest.mark.parametrize(
    ("table", "write"),
    [
        (
            "ref_golongan",
            lambda tx, conn: tx.update(
                "ref_golongan",
                conn.execute("SELECT id FROM ref_golongan LIMIT 1").fetchone()[0],
                {"pangkat": "Palsu"},
            ),
        ),
        (
            "pengaturan",
            lambda tx, conn: tx.update(
                "pengaturan",
                conn.execute("SELECT id FROM pengaturan WHERE kunci = 'nama_instansi'").fetchone()[
                    0
                ],
                {"nilai": "Instansi Palsu"},
            ),
        ),
        (
            "register_dokumen",
            lambda tx, conn: tx.insert(
                "register_dokumen",
                {
                    "templat_kode": "X",
                    "tahun": 2027,
                    "nomor_urut": 1,
                    "nomor": "800/1/2027",
                    "tanggal": "2027-01-02",
                    "perihal": "palsu",
                    "kode_verifikasi": "ABCD-EFGH",
                    "instalasi": "x",
                    "diterbitkan_oleh": "x",
                    "diterbitkan_pada": "2027-01-02",
                },
            ),
        ),
    ],
    ids=["referensi", "nama-instansi", "register"],
)
def test_opd_writing_agency_wide_tables_is_held(agency: Agency, table: str, write: object) -> None:
    opd, bkd = agency.opd, agency.bkd
    before = setting(bkd)
    count = bkd.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    forget_roster(opd)
    with opd.store.write("serang") as tx:
        write(tx, opd.db.conn)  # type: ignore[operator]
    summary = exchange(opd, bkd, agency.folder)
    assert summary.batch_ditahan == 1
    assert setting(bkd) == before
    assert bkd.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count
    assert (
        bkd.db.conn.execute("SELECT count(*) FROM ref_golongan WHERE pangkat = 'Palsu'").fetchone()[
            0
        ]
        == 0
    )
    assert table in _held(bkd.db)[0].alasan
    # relayed through a peer with full rights: still the origin's authority that counts
    exchange(opd, agency.lain, agency.folder)
    exchange(agency.lain, bkd, agency.folder)
    assert setting(bkd) == before and len(_held(bkd.db)) == 1


def test_own_writes_outside_the_roster_are_refused_locally(agency: Agency) -> None:
    opd = agency.opd
    gol = opd.db.conn.execute("SELECT id FROM ref_golongan LIMIT 1").fetchone()[0]
    with (
        pytest.raises(AccessDenied, match="tidak berwenang"),
        opd.store.write("ubah referensi") as tx,
    ):
        tx.update("ref_golongan", gol, {"pangkat": "Palsu"})
    with (
        pytest.raises(AccessDenied, match="Dinas Y"),
        opd.store.write("ubah pegawai unit lain") as tx,
    ):
        tx.update("pegawai", agency.pegawai_y, {"telepon": "1"})
    with opd.store.write("ubah pegawai sendiri") as tx:
        tx.update("pegawai", agency.pegawai_x, {"telepon": "1"})


def test_held_batch_applies_in_order_once_the_roster_allows_it(agency: Agency) -> None:
    opd, bkd = agency.opd, agency.bkd
    forget_roster(opd)
    with opd.store.write("ubah Y") as tx:
        tx.update("pegawai", agency.pegawai_y, {"telepon": "111"})
    with opd.store.write("ubah X") as tx:
        tx.update("pegawai", agency.pegawai_x, {"telepon": "222"})
    summary = exchange(opd, bkd, agency.folder)
    assert summary.batch_ditahan == 1 and summary.batch_menunggu == 1
    again = exchange(opd, bkd, agency.folder)
    assert again.batch_baru == 0 and len(_held(bkd.db)) == 1
    roster_mod.set_entry(bkd.db, opd.name, "opd", [agency.unit_x, agency.unit_y])
    released = importer.reconsider_held(bkd.db)  # without waiting for the next package
    assert released is not None and released.batch_baru == 2 and released.batch_ditahan == 0
    assert importer.reconsider_held(bkd.db) is None
    exchange(opd, bkd, agency.folder)
    tel = dict(bkd.db.conn.execute("SELECT id, telepon FROM pegawai").fetchall())
    assert tel[agency.pegawai_y] == "111" and tel[agency.pegawai_x] == "222"
    assert _held(bkd.db) == []


def test_package_from_another_agency_is_refused_whole(tmp_path: Path) -> None:
    ours = make_agency(tmp_path / "a")
    theirs = make_agency(tmp_path / "b")
    roster_mod.set_entry(ours.bkd.db, ours.opd.name, "opd", [ours.unit_x])
    roster_mod.set_entry(theirs.bkd.db, theirs.opd.name, "opd", [theirs.unit_x])
    # the admin of our BKD trusted the other agency's BKD by mistake
    for a, b in ((ours.bkd, theirs.bkd), (theirs.bkd, ours.bkd)):
        ident.add_peer(a.db, ident.read_identity(ident.identity_bytes(b.db)), trusted=True)
    with theirs.bkd.store.write("nama") as tx:
        tx.update(
            "pengaturan",
            theirs.bkd.db.conn.execute(
                "SELECT id FROM pengaturan WHERE kunci = 'nama_instansi'"
            ).fetchone()[0],
            {"nilai": "Instansi Lain"},
        )
    out = tmp_path / "lain.merit"
    package.export_package(theirs.bkd.db, out, to=ours.bkd.db.node_id)
    before = file_state(ours.bkd.db.path)
    with pytest.raises(verify.PackageRefused, match="instansi lain"):
        importer.import_package(ours.bkd.db, out)
    assert file_state(ours.bkd.db.path) == before
    assert setting(ours.bkd) == "BKPSDM Kota Uji"


def test_removed_peer_relayed_by_another_is_refused_and_not_readded(agency: Agency) -> None:
    bkd, opd, lain = agency.bkd, agency.opd, agency.lain
    ident.remove_peer(bkd.db, opd.db.node_id)
    with opd.store.write("telepon") as tx:
        tx.update("pegawai", agency.pegawai_x, {"telepon": "0812"})
    exchange(opd, lain, agency.folder)
    summary = exchange(lain, bkd, agency.folder)  # lain relays the removed office's batch
    assert summary.batch_ditahan == 1
    assert ident.get_peer(bkd.db, opd.db.node_id) is None  # not re-added as "relay"
    held = _held(bkd.db)
    assert held[0].jenis == "dicabut" and "dihapus" in held[0].alasan
    tel = bkd.db.conn.execute("SELECT telepon FROM pegawai WHERE id = ?", (agency.pegawai_x,))
    assert tel.fetchone()[0] is None
    # adding the identity again (a deliberate act of the admin) undoes the removal
    ident.add_peer(bkd.db, ident.read_identity(ident.identity_bytes(opd.db)), trusted=True)
    exchange(lain, bkd, agency.folder)
    tel = bkd.db.conn.execute("SELECT telepon FROM pegawai WHERE id = ?", (agency.pegawai_x,))
    assert tel.fetchone()[0] == "0812"


def test_distrusted_origin_is_refused_when_relayed(agency: Agency) -> None:
    bkd, opd, lain = agency.bkd, agency.opd, agency.lain
    ident.set_trusted(bkd.db, opd.db.node_id, False)
    with opd.store.write("telepon") as tx:
        tx.update("pegawai", agency.pegawai_x, {"telepon": "0812"})
    exchange(opd, lain, agency.folder)
    assert exchange(lain, bkd, agency.folder).batch_ditahan == 1
    assert "tidak dipercaya" in _held(bkd.db)[0].alasan


def test_origin_removed_from_the_roster_is_refused_everywhere(agency: Agency) -> None:
    bkd, opd, lain = agency.bkd, agency.opd, agency.lain
    roster_mod.remove_entry(bkd.db, opd.name)
    exchange(bkd, lain, agency.folder)  # lain learns the new roster from the root
    forget_roster(opd)
    with opd.store.write("telepon") as tx:
        tx.update("pegawai", agency.pegawai_x, {"telepon": "0812"})
    summary = exchange(opd, lain, agency.folder)  # lain still trusts the office locally
    assert summary.batch_ditahan == 1
    assert "dikeluarkan dari roster" in _held(lain.db)[0].alasan


# -- the roster itself ----------------------------------------------------------------------------


def test_roster_travels_and_is_replaced_by_a_newer_version(agency: Agency) -> None:
    opd_roster = roster_mod.current(agency.opd.db)
    assert opd_roster is not None and opd_roster.versi == 2
    entry = opd_roster.get(agency.opd.db.node_id)
    assert entry is not None and entry.unit == (agency.unit_x,) and entry.preset == "opd"
    roster_mod.set_entry(agency.bkd.db, agency.opd.name, "opd+organisasi", [agency.unit_x])
    summary = exchange(agency.bkd, agency.lain, agency.folder)
    assert summary.roster_baru == 3
    exchange(agency.lain, agency.opd, agency.folder)  # relayed
    held = roster_mod.current(agency.opd.db)
    assert held is not None and held.versi == 3
    # an older roster does not replace a newer one
    assert roster_mod.judge_incoming(agency.opd.db, opd_roster, b"").newer is False


def test_only_the_root_changes_the_roster(agency: Agency) -> None:
    with pytest.raises(roster_mod.RosterError, match="bukan root"):
        roster_mod.set_entry(agency.opd.db, agency.lain.name, "bkd-penuh")


def test_bad_izin_and_unit_limits_are_refused(agency: Agency) -> None:
    with pytest.raises(ValidationError, match="tidak dikenal"):
        roster_mod.set_entry(agency.bkd.db, agency.opd.name, "pegawai+gaji")
    with pytest.raises(ValidationError, match="seluruh instansi"):
        roster_mod.set_entry(agency.bkd.db, agency.opd.name, "referensi", [agency.unit_x])


def test_tampered_roster_in_a_package_is_refused(agency: Agency) -> None:
    signed = roster_mod.signed_for_package(agency.bkd.db)
    assert signed is not None
    body = signed["isi"]
    for item in body["entri"]:
        item["izin"] = list(roster_store.parse_body(body).entri[0].izin)  # everyone full
        item["unit"] = []
    with pytest.raises(roster_mod.RosterError, match="tanda tangan"):
        roster_mod.parse_signed(signed)


def test_root_handover(agency: Agency) -> None:
    bkd, lain, opd = agency.bkd, agency.lain, agency.opd
    data = roster_mod.handover(bkd.db, lain.name)
    assert data.root[0] == lain.db.node_id
    exchange(bkd, lain, agency.folder)
    assert roster_mod.is_root(lain.db)
    with pytest.raises(roster_mod.RosterError, match="bukan root"):
        roster_mod.set_entry(bkd.db, opd.name, "bkd-penuh")
    new = roster_mod.set_entry(lain.db, opd.name, "bkd-penuh")
    assert new.versi == data.versi + 1
    exchange(lain, opd, agency.folder)  # the opd has not seen the hand-over: the chain carries it
    held = roster_mod.current(opd.db)
    assert held is not None and held.versi == new.versi
    # the old root cannot fork the chain: a roster it signs after handing over is refused
    forged = roster_store.RosterData(
        data.instansi_id, new.versi + 1, data.root_awal, (), data.entri, (), data.dibuat
    )
    sig = (
        roster_mod.kunci.signing_key(bkd.db)
        .sign(roster_mod.ROSTER_SIGN_CONTEXT + forged.body())
        .signature
    )
    roster_mod.verify(forged, sig)  # well signed by the first root ...
    with pytest.raises(roster_mod.RosterError, match="serah terima"):
        roster_mod.judge_incoming(opd.db, forged, sig)  # ... but it forks the hand-overs


def test_without_a_roster_trusted_peers_write_as_before(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    gol = a.db.conn.execute("SELECT id FROM ref_golongan LIMIT 1").fetchone()[0]
    with a.store.write("ref") as tx:
        tx.update("ref_golongan", gol, {"pangkat": "Ubah"})
    assert exchange(a, b, tmp_path).batch_baru == 1
    assert roster_mod.current(b.db) is None


def test_manifest_carries_roster_and_agency_additively(agency: Agency, tmp_path: Path) -> None:
    out = tmp_path / "p.merit"
    package.export_package(agency.bkd.db, out, to=agency.opd.name)
    envelope = verify.open_envelope(agency.opd.db, out.read_bytes(), None)
    manifest = json.loads(verify.read_members(envelope.payload)[package.MANIFEST])
    assert manifest["instansi_id"] == roster_mod.agency_id(agency.bkd.db.node_id)
    assert set(manifest["roster"]) == {"isi", "tanda_tangan"}
    assert len(base64.b64decode(manifest["roster"]["tanda_tangan"])) == 64


# -- migration 19 ---------------------------------------------------------------------------------


def _as_before_migration_19(node_db: object) -> Path:
    db = node_db  # a Database
    conn = db.conn  # type: ignore[attr-defined]
    conn.execute(
        "DELETE FROM lokal_meta WHERE kunci IN ('instansi_id', 'roster_root_harapan', "
        "'roster_warisan')"
    )
    as_before_migration_28(conn)  # migration 19 reads the creators in their old form
    rewind(conn, 18)
    path = db.path  # type: ignore[attr-defined]
    db.close()  # type: ignore[attr-defined]
    return Path(path)


def test_migration_19_makes_the_creator_root_and_keeps_existing_peers_writing(
    tmp_path: Path,
) -> None:
    from app.models.storage.db import Database
    from app.models.storage.store import Store
    from tests.helpers.sync import Node

    a, b, c = make_nodes(tmp_path, 3)
    key = "pengaturan"
    from app.models.reference.loader import natural_id

    row = natural_id(key, "nama_instansi")
    # both A and B typed an agency name at their first run; A's came first
    a.offset[0] = -100.0
    for node, name in ((a, "BKD A"), (b, "Kantor B")):
        with node.store.write("setup") as tx:
            tx.insert(key, {"id": row, "kunci": "nama_instansi", "nilai": name})
    exchange(a, b, tmp_path)
    exchange(b, a, tmp_path)
    exchange(a, c, tmp_path)
    nodes = {}
    for node in (a, b, c):
        path = _as_before_migration_19(node.db)
        db = Database(path)  # migrates to the latest version
        nodes[node.name] = Node(node.name, db, node.offset)
    a, b, c = nodes[a.name], nodes[b.name], nodes[c.name]
    assert a.db.meta("roster_root_harapan") == a.db.node_id
    assert b.db.meta("roster_root_harapan") == a.db.node_id
    assert c.db.meta("roster_root_harapan") == a.db.node_id
    assert len({n.db.meta("instansi_id") for n in (a, b, c)}) == 1
    assert set(json.loads(a.db.meta("roster_warisan") or "[]")) == {b.db.node_id, c.db.node_id}
    # the first roster: the root and every peer it trusted, all with full rights
    first = roster_mod.current(a.db)
    assert first is not None and first.versi == 1 and first.root[0] == a.db.node_id
    assert all(e.izin == roster_mod.wewenang.KODE_JENIS for e in first.entri)
    # B only trusts the roster of the creator; it gets it with A's next package
    exchange(a, b, tmp_path)
    assert roster_mod.current(b.db) is not None
    gol = b.db.conn.execute("SELECT id FROM ref_golongan LIMIT 1").fetchone()[0]
    with Store(b.db, clock=b.clock).write("ref") as tx:
        tx.update("ref_golongan", gol, {"pangkat": "Tetap boleh"})
    assert exchange(b, a, tmp_path).batch_ditahan == 0
    assert (
        a.db.conn.execute("SELECT pangkat FROM ref_golongan WHERE id = ?", (gol,)).fetchone()[0]
        == "Tetap boleh"
    )
    with pytest.raises(roster_mod.RosterError, match="bukan root"):
        roster_mod.set_entry(c.db, b.name, "opd")


def test_a_peer_cannot_make_itself_root(agency: Agency) -> None:
    """A trusted office that signs a roster of its own founds another agency: its package
    (with that roster) is refused whole by the BKD."""
    lain, bkd = agency.lain, agency.bkd
    forget_roster(lain)
    forged = roster_mod.set_entry(lain.db, agency.opd.name, "bkd-penuh")
    assert forged.root[0] == lain.db.node_id
    out = agency.folder / "palsu.merit"
    package.export_package(lain.db, out, to=bkd.name)
    before = file_state(bkd.db.path)
    with pytest.raises(verify.PackageRefused, match="instansi lain"):
        importer.import_package(bkd.db, out)
    assert file_state(bkd.db.path) == before


def test_origin_missing_from_the_roster_is_held_until_added(tmp_path: Path) -> None:
    ag = make_agency(tmp_path)
    roster_mod.set_entry(ag.bkd.db, ag.lain.name, "bkd-penuh")  # the office is not in it
    with ag.opd.store.write("telepon") as tx:
        tx.update("pegawai", ag.pegawai_x, {"telepon": "0812"})
    exchange(ag.opd, ag.lain, tmp_path)
    summary = exchange(ag.lain, ag.bkd, tmp_path)
    assert summary.batch_ditahan == 1
    assert "tidak terdaftar di roster" in _held(ag.bkd.db)[0].alasan
    roster_mod.set_entry(ag.bkd.db, ag.opd.name, "opd", [ag.unit_x])
    assert exchange(ag.lain, ag.bkd, tmp_path).batch_baru == 1
    assert _held(ag.bkd.db) == []


@pytest.mark.parametrize(
    "roster_value",
    ["x", {"isi": {"format": "merit-roster"}, "tanda_tangan": "AA=="}, {"isi": [], "x": 1}],
)
def test_malformed_roster_in_a_manifest_is_refused(agency: Agency, roster_value: object) -> None:
    out = agency.folder / "m.merit"
    package.export_package(agency.bkd.db, out, to=agency.opd.name)
    envelope = verify.open_envelope(agency.opd.db, out.read_bytes(), None)
    manifest = json.loads(verify.read_members(envelope.payload)[package.MANIFEST])
    manifest["roster"] = roster_value
    with pytest.raises(verify.PackageRefused, match="Roster"):
        verify.parse_manifest(json.dumps(manifest).encode())


def test_unit_limited_organisation_rights(tmp_path: Path) -> None:
    from app.models.access import wewenang

    ag = make_agency(tmp_path)
    conn = ag.bkd.db.conn
    opd = wewenang.Wewenang.of(("organisasi",), (ag.unit_x,))
    sub = [["unit_organisasi", "baru-1", {"nama": "Bidang", "induk_id": ag.unit_x}]]
    assert wewenang.check_batch(conn, opd, sub) is None
    top = [["unit_organisasi", "baru-2", {"nama": "Dinas Baru", "jenis": "OPD"}]]
    assert "tingkat teratas" in (wewenang.check_batch(conn, opd, top) or "")
    other = [["unit_organisasi", ag.unit_y, {"nama": "Ganti"}]]
    assert "Dinas Y" in (wewenang.check_batch(conn, opd, other) or "")
    moved_out = [["unit_organisasi", ag.unit_x, {"induk_id": ag.unit_y}]]
    assert wewenang.check_batch(conn, opd, moved_out) is not None


def test_migration_19_leaves_an_installation_that_never_synced_free_to_join(
    tmp_path: Path,
) -> None:
    from app.models.reference.loader import natural_id
    from app.models.storage.db import Database

    [lone, bkd] = make_nodes(tmp_path, 2)  # they trust each other but never exchanged
    for node in (lone, bkd):
        with node.store.write("setup") as tx:
            tx.insert(
                "pengaturan",
                {
                    "id": natural_id("pengaturan", "nama_instansi"),
                    "kunci": "nama_instansi",
                    "nilai": node.name,
                },
            )
    db = Database(_as_before_migration_19(lone.db))
    assert db.meta("instansi_id") is None and db.meta("roster_warisan") is None
    db.close()
