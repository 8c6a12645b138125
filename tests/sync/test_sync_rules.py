"""Sync behaviour beyond the state machine: all-or-nothing under SIGKILL (property 8), nothing
local leaks (11), lying clocks (4), schema versions (10), clashes and their resolution (2, 3),
identity files and peers, and the summary of an import."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import random
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from app.models.storage import instansi, sinkron
from app.models.storage.changelog import Hlc
from app.models.storage.db import Database
from app.models.storage.store import Store
from app.sync import conflicts as cf
from app.sync import identity as ident
from app.sync import importer, package, status, verify
from tests.helpers.common import copy_database
from tests.helpers.kill import job_seconds, kill_at_random_moments
from tests.helpers.sync import BASE_TIME, Node, fresh_database, make_nodes

DAY = 86400.0


def _exchange(src: Node, dst: Node, folder: Path, **kw: Any) -> importer.ImportSummary:
    out = folder / f"{src.name}-{dst.name}-{time.monotonic_ns()}.merit"
    package.export_package(src.db, out, to=dst.name, **kw)
    return importer.import_package(dst.db, out, clock=dst.clock_fn)


def _unit(node: Node, nama: str = "Dinas") -> str:
    with node.store.write("buat") as tx:
        return tx.insert("unit_organisasi", {"nama": nama, "jenis": "OPD"})


def _nama(node: Node, row_id: str) -> str:
    return str(
        node.db.conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (row_id,)).fetchone()[
            0
        ]
    )


# -- identity and peers ---------------------------------------------------------------------------


def test_identity_file_and_fingerprint(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    path = ident.export_identity(a.db, tmp_path / "a.json")
    body = json.loads(path.read_text())
    assert set(body) >= {"node_id", "nama", "kunci_tanda", "kunci_enkripsi", "sidik_jari"}
    seed = bytes(ident.signing_key(a.db))
    assert base64.b64encode(seed).decode() not in path.read_text()
    found = ident.read_identity_file(path)
    assert found.sidik_jari == ident.own_identity(a.db).sidik_jari
    assert len(found.sidik_jari.split("-")) == 8
    tampered = body | {"nama": "Penyusup"}
    with pytest.raises(ident.IdentityError):
        ident.read_identity(json.dumps(tampered).encode())
    with pytest.raises(ident.IdentityError):
        ident.add_peer(a.db, ident.own_identity(a.db), trusted=True)
    # same node id with other keys: refused
    c = fresh_database(tmp_path / "c.sqlite3")
    c.set_meta("node_id", b.db.node_id)
    impostor = ident.read_identity(ident.identity_bytes(c))
    with pytest.raises(ident.IdentityError, match="kunci lain"):
        ident.add_peer(a.db, impostor, trusted=True)
    assert ident.find_peer(a.db, b.name).node_id == b.db.node_id
    assert ident.find_peer(a.db, b.db.node_id[:6]).node_id == b.db.node_id


# -- clashes --------------------------------------------------------------------------------------


def test_clash_is_kept_listed_and_resolution_replicates(tmp_path: Path) -> None:
    a, b, c = make_nodes(tmp_path, 3)
    row = _unit(a)
    _exchange(a, b, tmp_path)
    _exchange(a, c, tmp_path)
    with a.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"nama": "Versi A"})
    b.offset[0] = 60
    with b.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"nama": "Versi B"})
    summary = _exchange(b, a, tmp_path)
    assert summary.konflik_baru == 1 and "bentrokan" in summary.text()
    [clash] = cf.list_conflicts(a.db)
    assert {s.nilai for s in clash.nilai} == {"Versi A", "Versi B"}
    assert [s.nilai for s in clash.nilai if s.tampil] == ["Versi B"]  # larger clock shown
    assert {s.origin_nama for s in clash.nilai} == {a.name, b.name}
    assert _nama(a, row) == "Versi B"
    # equal values are no clash
    with a.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"alamat": "Jl. Sama"})
    with c.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"alamat": "Jl. Sama"})
    _exchange(c, a, tmp_path)
    assert [x.kolom for x in cf.list_conflicts(a.db)] == ["nama"]
    # resolve on A with a third value: replicates and closes the clash on B too
    cf.resolve(a.db, clash.id, "Versi Ketiga", actor="uji")
    assert cf.list_conflicts(a.db) == []
    _exchange(a, b, tmp_path)
    assert cf.list_conflicts(b.db) == [] and _nama(b, row) == "Versi Ketiga"
    _exchange(b, a, tmp_path)
    assert _nama(a, row) == "Versi Ketiga" and cf.list_conflicts(a.db) == []
    # keep local / remote
    with a.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"singkatan": "A"})
    with b.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"singkatan": "B"})
    _exchange(b, a, tmp_path)
    [clash] = cf.list_conflicts(a.db)
    cf.resolve_keep(a.db, clash.id, "local", actor="uji")
    assert a.db.conn.execute("SELECT singkatan FROM unit_organisasi").fetchone()[0] == "A"
    for node in (a, b, c):
        report = instansi.check(node.db)
        assert report.ok, report.problems


def test_delete_concurrent_with_edit_is_a_clash_and_stays_deleted(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    row = _unit(a)
    _exchange(a, b, tmp_path)
    with a.store.write("hapus") as tx:
        tx.delete("unit_organisasi", row)
    with b.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"alamat": "Jl. Baru"})
    _exchange(b, a, tmp_path)
    _exchange(a, b, tmp_path)
    for node in (a, b):
        deleted, alamat = node.db.conn.execute(
            "SELECT deleted, alamat FROM unit_organisasi WHERE id = ?", (row,)
        ).fetchone()
        assert deleted == 1 and alamat == "Jl. Baru"  # stays deleted, the edit kept for review
        [clash] = cf.list_conflicts(node.db)
        assert clash.jenis == "hapus"
        assert {(s.kolom, s.nilai) for s in clash.nilai} == {("deleted", 1), ("alamat", "Jl. Baru")}
    cf.resolve_keep(b.db, clash.id, "local", actor="uji")  # B edited: keep = restore
    _exchange(b, a, tmp_path)
    for node in (a, b):
        assert cf.list_conflicts(node.db) == []
        assert node.db.conn.execute("SELECT deleted FROM unit_organisasi").fetchone()[0] == 0


def test_a_delete_after_an_edit_is_no_clash_and_no_resurrection(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    row = _unit(a)
    _exchange(a, b, tmp_path)
    with b.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"alamat": "Jl. Lama"})
    _exchange(b, a, tmp_path)
    with a.store.write("hapus") as tx:
        tx.delete("unit_organisasi", row)
    path = tmp_path / "lama.merit"
    package.export_package(b.db, path, to=a.name, full=True)  # the old edit arrives again
    _exchange(a, b, tmp_path)
    importer.import_package(a.db, path)
    for node in (a, b):
        assert node.db.conn.execute("SELECT deleted FROM unit_organisasi").fetchone()[0] == 1
        assert cf.list_conflicts(node.db) == []


# -- clocks ---------------------------------------------------------------------------------------


def test_a_laptop_a_year_behind_cannot_lose_an_edit_made_after_seeing_a_newer_one(
    tmp_path: Path,
) -> None:
    a, laptop = make_nodes(tmp_path, 2)
    laptop.offset[0] = -365 * DAY
    row = _unit(a)
    with a.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"nama": "Dari kantor"})
    _exchange(a, laptop, tmp_path)
    with laptop.store.write("ubah") as tx:
        tx.update("unit_organisasi", row, {"nama": "Dari laptop, sesudahnya"})
    summary = _exchange(laptop, a, tmp_path)
    assert summary.konflik_baru == 0 and summary.jam_dipangkas == 0
    assert _nama(a, row) == "Dari laptop, sesudahnya"
    assert cf.list_conflicts(a.db) == []


def test_far_future_clock_is_clamped_and_reported(tmp_path: Path) -> None:
    ahead, b = make_nodes(tmp_path, 2)
    ahead.offset[0] = 2 * 365 * DAY
    row = _unit(ahead, "Dari masa depan")
    summary = _exchange(ahead, b, tmp_path)
    assert summary.jam_dipangkas == 1 and "jam" in summary.text()
    local = Hlc.decode(b.db.meta("hlc") or "0.0")
    assert local.wall <= (BASE_TIME + DAY) * 1000  # not dragged two years ahead
    with b.store.write("ubah") as tx:  # made after seeing the future edit
        tx.update("unit_organisasi", row, {"nama": "Sesudahnya"})
    _exchange(b, ahead, tmp_path)
    for node in (ahead, b):
        assert _nama(node, row) == "Sesudahnya"
        assert cf.list_conflicts(node.db) == []


# -- packages -------------------------------------------------------------------------------------


def test_only_what_is_new_and_pending_until_the_gap_fills(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    _unit(a, "Satu")
    first = tmp_path / "1.merit"
    package.export_package(a.db, first, to=b.name)
    _unit(a, "Dua")
    second = tmp_path / "2.merit"
    package.export_package(a.db, second, to=b.name)  # nothing acknowledged yet: both batches
    # B gets only the second batch (crafted by cutting the first from A's log view)
    assert package.waiting_for(a.db, b.db.node_id) == (2, 2)
    s2 = importer.import_package(b.db, second)
    assert s2.batch_baru == 2
    package.export_package(b.db, tmp_path / "ack.merit", to=a.name)
    importer.import_package(a.db, tmp_path / "ack.merit")
    assert package.waiting_for(a.db, b.db.node_id) == (0, 0)
    _unit(a, "Tiga")
    inc = package.export_package(a.db, tmp_path / "3.merit", to=b.name)
    assert inc.batch == 1 and not inc.penuh
    full = package.export_package(a.db, tmp_path / "4.merit", to=b.name, full=True)
    assert full.batch == 3 and full.penuh
    # a package with a gap waits, then applies when the missing batch arrives
    c = fresh_database(tmp_path / "c.sqlite3")
    for node in (a, b):
        ident.add_peer(c, ident.read_identity(ident.identity_bytes(node.db)), trusted=True)
        ident.add_peer(node.db, ident.read_identity(ident.identity_bytes(c)), trusted=True)
    only_last = tmp_path / "akhir.merit"
    package.export_package(b.db, only_last, to=ident.own_identity(c).nama)
    _cut_to_last_batch(b.db, c, only_last)
    s = importer.import_package(c, only_last)
    assert (s.batch_baru, s.batch_menunggu) == (0, 1)
    assert len(status.sync_status(c).tertahan) == 1
    s = importer.import_package(c, tmp_path / "4.merit") if False else None
    rest = tmp_path / "rest.merit"
    package.export_package(a.db, rest, to=ident.own_identity(c).nama, full=True)
    s = importer.import_package(c, rest)
    assert s is not None and s.batch_baru == 3 and s.batch_menunggu == 0
    assert c.conn.execute("SELECT count(*) FROM lokal_batch_tunggu").fetchone()[0] == 0
    assert c.conn.execute("SELECT count(*) FROM unit_organisasi").fetchone()[0] == 3


def _cut_to_last_batch(sender: Database, recipient: Database, path: Path) -> None:
    """Rewrite a package so that it carries only its last batch (validly signed by sender)."""
    payload = verify.open_envelope(recipient, path.read_bytes(), None).payload
    zf = zipfile.ZipFile(io.BytesIO(payload))
    lines = zf.read(package.BATCHES).splitlines(keepends=True)
    batches = lines[-1]
    manifest = json.loads(zf.read(package.MANIFEST))
    manifest["jumlah_batch"] = 1
    manifest["anggota"] = [
        {
            "nama": package.BATCHES,
            "ukuran": len(batches),
            "sha256": hashlib.sha256(batches).hexdigest(),
        }
    ]
    raw = json.dumps(manifest).encode()
    sig = ident.signing_key(sender).sign(package.manifest_message(raw)).signature
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr(package.MANIFEST, raw)
        out.writestr(package.SIGNATURE, sig)
        out.writestr(package.BATCHES, batches)
    path.write_bytes(package.seal_for_peers(buffer.getvalue(), [ident.own_identity(recipient)]))


def test_relayed_batches_keep_their_author_and_identity(tmp_path: Path) -> None:
    a, b, c = make_nodes(tmp_path, 3)
    sinkron.delete_peer(c.db.conn, a.db.node_id)  # C does not know A (never added)
    row = _unit(a, "Dari A")
    _exchange(a, b, tmp_path)
    _exchange(b, c, tmp_path)  # B relays A's batch
    assert _nama(c, row) == "Dari A"
    learnt = ident.get_peer(c.db, a.db.node_id)
    assert learnt is not None and not learnt.dipercaya and learnt.sumber == "relay"
    _origin, signature = c.db.conn.execute(
        "SELECT origin, signature FROM lokal_batch WHERE origin = ?", (a.db.node_id,)
    ).fetchone()
    held = a.db.conn.execute(
        "SELECT signature FROM lokal_batch WHERE origin = ?", (a.db.node_id,)
    ).fetchone()[0]
    assert bytes(signature) == bytes(held)


def test_summary_counts_new_changed_deleted(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    rows = [_unit(a, f"Unit {i}") for i in range(3)]
    s = _exchange(a, b, tmp_path)
    assert s.rekaman["unit_organisasi"]["baru"] == 3
    with a.store.write("x") as tx:
        tx.update("unit_organisasi", rows[0], {"nama": "Baru"})
        tx.delete("unit_organisasi", rows[1])
    s = _exchange(a, b, tmp_path)
    assert s.rekaman["unit_organisasi"] == {"baru": 0, "ubah": 1, "hapus": 1}
    assert "unit organisasi: 1 diubah, 1 dihapus." in s.lines()
    again = importer.import_package(b.db, sorted(tmp_path.glob("*.merit"))[-1])
    assert "Tidak ada yang baru" in again.text()


def test_employee_summary_and_search_follow_imports(demo_db: Database, tmp_path: Path) -> None:
    a = Node("Demo", demo_db)
    ident.ensure_identity(a.db, "Demo")
    b = Node("Kosong", fresh_database(tmp_path / "b.sqlite3"))
    ident.ensure_identity(b.db, "Kosong")
    for x, y in ((a, b), (b, a)):
        ident.add_peer(x.db, ident.read_identity(ident.identity_bytes(y.db)), trusted=True)
    _exchange(a, b, tmp_path, full=True)
    n = demo_db.conn.execute("SELECT count(*) FROM pegawai").fetchone()[0]
    assert b.db.conn.execute("SELECT count(*) FROM pegawai_ringkas").fetchone()[0] == n
    pid, _nama_lama = demo_db.conn.execute("SELECT id, nama FROM pegawai LIMIT 1").fetchone()
    with a.store.write("ganti") as tx:
        tx.update("pegawai", pid, {"nama": "Zulkarnaen Uniknama"})
    _exchange(a, b, tmp_path)
    hits = b.db.conn.execute(
        "SELECT pegawai_id FROM pegawai_ringkas WHERE rowid IN "
        "(SELECT rowid FROM pegawai_fts WHERE pegawai_fts MATCH 'Uniknama')"
    ).fetchall()
    assert [h[0] for h in hits] == [pid]
    report = instansi.check(b.db)
    assert report.facts["ringkasan_berbeda"] == 0


# -- schema versions ------------------------------------------------------------------------------


def test_newer_schema_is_kept_aside_then_applies_after_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = make_nodes(tmp_path, 2)
    row = _unit(a, "Dari versi baru")
    path = tmp_path / "baru.merit"
    package.export_package(a.db, path, to=b.name)
    current = b.db.schema_version
    monkeypatch.setattr(importer, "local_schema_version", lambda db: current - 1)
    summary = importer.import_package(b.db, path)
    assert (summary.ditunda and "Perbarui" in summary.text()) or "diperbarui" in summary.text()
    assert b.db.conn.execute("SELECT count(*) FROM unit_organisasi").fetchone()[0] == 0
    [kept] = importer.deferred_packages(b.db)
    assert Path(kept.berkas).exists() and Path(kept.berkas).parent.name == "tertunda"
    assert importer.retry_deferred(b.db) == []  # still too new
    monkeypatch.setattr(importer, "local_schema_version", lambda db: current)  # "upgraded"
    [done] = importer.retry_deferred(b.db)
    assert done.batch_baru == 1 and _nama(b, row) == "Dari versi baru"
    assert importer.deferred_packages(b.db) == []


def test_older_schema_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_nodes(tmp_path, 2)
    monkeypatch.setattr(Database, "schema_version", property(lambda self: 1))
    row = _unit(a, "Dari versi lama")
    path = tmp_path / "lama.merit"
    package.export_package(a.db, path, to=b.name)
    monkeypatch.undo()
    summary = importer.import_package(b.db, path)
    assert summary.batch_baru == 1 and _nama(b, row) == "Dari versi lama"


# -- nothing local leaks --------------------------------------------------------------------------


def test_nothing_local_leaks(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    secret_words = ["PREFERENSI-LAYAR-RAHASIA", "PRESET-RAHASIA", "AUDIT-RAHASIA", "PEER-RAHASIA"]
    a.db.set_meta("layar", secret_words[0])
    a.db.conn.execute(
        "INSERT INTO lokal_preset_impor (nama, pemetaan, dibuat, diubah) VALUES (?, '{}', '', '')",
        (secret_words[1],),
    )
    has_accounts = a.db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'lokal_akun'"
    ).fetchone()
    if has_accounts:
        a.db.conn.execute(
            "INSERT INTO lokal_akun (nama_pengguna, nama_lengkap, hash_sandi, sandi_diubah, "
            "dibuat) VALUES ('admin', 'Admin', '$argon2id$HASH-SANDI-RAHASIA', '', '')"
        )
        secret_words.append("HASH-SANDI-RAHASIA")
    with a.store.write("isi", keterangan=secret_words[2]) as tx:
        tx.insert("unit_organisasi", {"nama": "Dinas Terbuka", "jenis": "OPD"})
    d = fresh_database(tmp_path / "d.sqlite3")
    d.set_meta("nama_instalasi", secret_words[3])
    ident.add_peer(a.db, ident.read_identity(ident.identity_bytes(d)), trusted=True)
    _unit(b, "Dari B")
    _exchange(b, a, tmp_path)  # A now has peer bookkeeping about B
    path = tmp_path / "bocor.merit"
    package.export_package(a.db, path, all_peers=True, full=True)
    payload = verify.open_envelope(b.db, path.read_bytes(), None).payload
    zf = zipfile.ZipFile(io.BytesIO(payload))
    blobs = [payload] + [zf.read(n) for n in zf.namelist()]
    for line in zf.read(package.BATCHES).splitlines():
        blobs.append(zlib.decompress(base64.b64decode(json.loads(line)["ops"])))
    text = b"\n".join(blobs)
    assert b"Dinas Terbuka" in text  # the search does see the content
    seed = bytes(ident.signing_key(a.db))
    box = bytes(ident.box_key(a.db))
    for needle in (seed, box, seed.hex().encode(), base64.b64encode(seed), base64.b64encode(box)):
        assert needle not in text
    for word in secret_words:
        assert word.encode() not in text, word
    peer_b = ident.get_peer(a.db, b.db.node_id)
    assert peer_b is not None and peer_b.vv_diakui  # A keeps what B acknowledged...
    assert b"diakui" not in text and b"terakhir_" not in text  # ...and never sends it
    assert b"lokal_" not in text


# -- all or nothing -------------------------------------------------------------------------------

_KILL_SCRIPT = """
import sys
from pathlib import Path
from app.models.storage.db import Database
from app.sync import importer
db = Database(sys.argv[1])
print("mulai", flush=True)
importer.import_package(db, Path(sys.argv[2]))
print("selesai", flush=True)
"""


def _logical_state(path: Path) -> str:
    db = Database(path)
    try:
        parts = []
        for table in (
            "pegawai",
            "riwayat_pangkat",
            "unit_organisasi",
            "lokal_versi",
            "lokal_batch",
            "lokal_peer",
            "lokal_asal_baris",
            "pegawai_ringkas",
            "lokal_audit",
        ):
            parts.append(
                f"{table}:{db.conn.execute(f'SELECT count(*) FROM {table}').fetchone()[0]}"
            )
        versi = db.conn.execute("SELECT origin, seq FROM lokal_versi ORDER BY 1").fetchall()
        parts.append(str([tuple(r) for r in versi]))
        parts.append(db.conn.execute("PRAGMA integrity_check").fetchone()[0])
        return ";".join(parts)
    finally:
        db.close()


def _replace_database(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    copy_database(source, target)


@pytest.mark.slow
def test_import_killed_at_random_points_leaves_a_complete_state(
    demo_file: Path, tmp_path: Path
) -> None:
    """Killed at any moment, an import leaves the database as it was, or (a kill that lands
    after COMMIT) wholly imported: never in between."""
    source = Database(copy_database(demo_file, tmp_path / "sumber.sqlite3"))
    ident.ensure_identity(source, "Sumber")
    target_path = tmp_path / "tujuan.sqlite3"
    target = fresh_database(target_path)
    ident.ensure_identity(target, "Tujuan")
    ident.add_peer(source, ident.read_identity(ident.identity_bytes(target)), trusted=True)
    ident.add_peer(target, ident.read_identity(ident.identity_bytes(source)), trusted=True)
    pkg_path = tmp_path / "besar.merit"
    package.export_package(source, pkg_path, to="Tujuan", full=True)
    source.close()
    target.close()
    pristine = copy_database(target_path, tmp_path / "semula.sqlite3")
    before = _logical_state(target_path)
    # how long does an import take here, and what does it leave? (on a copy)
    trial = copy_database(target_path, tmp_path / "coba.sqlite3")
    duration = job_seconds(_KILL_SCRIPT, str(trial), str(pkg_path))
    assert duration > 0.2
    after = _logical_state(trial)
    assert after != before
    rng = random.Random(5)
    trials = kill_at_random_moments(
        _KILL_SCRIPT,
        args=lambda _attempt: (str(target_path), str(pkg_path)),
        delays=[0.02] + [rng.uniform(0.02, duration * 0.9) for _ in range(4)],
        state=lambda _attempt: _logical_state(target_path),
        before=before,
        after=after,
        restore=lambda: _replace_database(pristine, target_path),
    )
    if trials[-1].state == after:
        _replace_database(pristine, target_path)
    db = Database(target_path)
    summary = importer.import_package(db, pkg_path)
    assert summary.batch_baru > 0 and summary.batch_menunggu == 0
    assert instansi.check(db).ok
    db.close()
    assert _logical_state(target_path) == after


def test_store_resolve_uses_force(tmp_path: Path) -> None:
    """Keeping the value shown still writes (so the resolution travels)."""
    (a,) = make_nodes(tmp_path, 1)
    row = _unit(a, "Sama")
    with Store(a.db).write("x") as tx:
        assert tx.update("unit_organisasi", row, {"nama": "Sama"}) == []
        assert tx.update("unit_organisasi", row, {"nama": "Sama"}, force=True) == ["nama"]
