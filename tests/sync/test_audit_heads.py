"""Signed audit heads travel in every package (issue 12, item 4): peers keep the highest head
seen per origin and send it back, so that a trail cut short, or a whole file rolled back to an
older copy, is reported by the import and by ``merit audit verify`` once a peer has seen more."""

from __future__ import annotations

import base64
import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.models.access import audit_kepala, audit_periksa
from app.models.access.audit_kepala import SignedHead
from app.models.storage.db import Database
from app.sync import importer, kepala_audit, package, status, verify
from app.sync.verify import PackageRefused
from tests.helpers.common import copy_database
from tests.helpers.sync import Node, make_nodes


def _exchange(src: Node, dst: Node, folder: Path) -> importer.ImportSummary:
    out = folder / f"{src.name}-{dst.name}-{time.monotonic_ns()}.merit"
    package.export_package(src.db, out, to=dst.name)
    return importer.import_package(dst.db, out, clock=dst.clock_fn)


def _work(node: Node, n: int) -> None:
    for i in range(n):
        with node.store.write(f"Membuat unit {i}") as tx:
            tx.insert("unit_organisasi", {"nama": f"Unit {node.name} {i}", "jenis": "OPD"})


def _last_no(node: Node) -> int:
    return int(node.db.conn.execute("SELECT max(no) FROM lokal_audit").fetchone()[0])


def _rolled_back(node: Node, snapshot: Path) -> Node:
    """The whole file replaced by an older copy (key, head, trail and all)."""
    node.db.close()
    path = node.db.path.with_name(node.db.path.stem + "-kembali.sqlite3")
    return Node(node.name, Database(copy_database(snapshot, path)))


def _manifest(node: Node, path: Path) -> dict[str, Any]:
    payload = verify.open_envelope(node.db, path.read_bytes(), None).payload
    return json.loads(zipfile.ZipFile(io.BytesIO(payload)).read(package.MANIFEST))


def test_heads_travel_and_come_back(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    _work(a, 3)
    out = tmp_path / "a-b.merit"
    # The head as packaged: writing the package is itself audited afterwards (issue 12).
    own = audit_kepala.own_signed_head(a.db.conn)
    assert own is not None
    package.export_package(a.db, out, to=b.name)
    heads = _manifest(b, out)["audit_heads"]
    assert heads[0] == {
        "asal": a.db.node_id,
        "urutan": own.urutan,
        "hash": own.hash,
        "tanda": base64.b64encode(own.tanda).decode(),
        "saksi": [],  # no peer has reported a head of A back yet
    }
    summary = importer.import_package(b.db, out, clock=b.clock_fn)
    assert summary.jejak_audit == []
    seen = audit_kepala.get_known_head(b.db.conn, a.db.node_id)
    assert seen is not None and (seen.urutan, seen.hash, seen.sumber) == (
        own.urutan,
        own.hash,
        a.db.node_id,
    )
    # B sends A's head back: A now knows what a peer has seen of its own trail.
    assert _exchange(b, a, tmp_path).jejak_audit == []
    back = audit_kepala.get_known_head(a.db.conn, a.db.node_id)
    assert back is not None and (back.urutan, back.sumber) == (own.urutan, b.db.node_id)
    assert audit_periksa.check_trail(a.db.conn).utuh
    heads_json = status.sync_status(a.db).as_json()["kepala_audit"]
    assert {(h["asal"], h["urutan"], h["dari"]) for h in heads_json} >= {
        (a.db.node_id, own.urutan, b.db.node_id)
    }


def test_a_file_rolled_back_is_reported_by_the_import_and_by_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = make_nodes(tmp_path, 2)
    _work(a, 2)
    snapshot = copy_database(a.db.path, tmp_path / "a-lama.sqlite3")
    _work(a, 5)
    seen_no = _last_no(a)
    _exchange(a, b, tmp_path)  # B has seen A's head at seen_no
    a = _rolled_back(a, snapshot)
    now = _last_no(a)
    # Locally nothing gives the older copy away...
    assert audit_periksa.check_trail(a.db.conn).utuh
    # ...until a package from a peer that saw more arrives.
    summary = _exchange(b, a, tmp_path)
    expected = (
        f"Jejak audit lebih pendek dari yang pernah dilihat peer {b.name}: urutan {seen_no}, "
        f"kini {now}."
    )
    assert summary.jejak_audit == [expected]
    assert expected in summary.text()
    check = audit_periksa.check_trail(a.db.conn)
    assert not check.ok and {m.jenis for m in check.masalah} == {"lebih_pendek"}
    assert check.tercatat and "saat impor paket" in check.tercatat[0].keterangan
    capsys.readouterr()
    code = main(["--db", str(a.db.path), "audit", "verify"])
    out = capsys.readouterr().out
    assert code == 5 and f"peer {b.name}: urutan {seen_no}" in out
    # B is told too, by A's own (lower) head in A's next package.
    summary = _exchange(a, b, tmp_path)
    assert len(summary.jejak_audit) == 1
    assert summary.jejak_audit[0].startswith(f"Jejak audit {a.name} lebih pendek")
    assert f"urutan {seen_no}, kini" in summary.jejak_audit[0]
    recorded = b.db.conn.execute(
        "SELECT aksi FROM lokal_audit WHERE record_id = ? AND tabel = 'lokal_audit'",
        (a.db.node_id,),
    ).fetchall()
    assert [r[0] for r in recorded] == ["Jejak audit peer tidak utuh"]


def test_a_trail_written_again_past_what_a_peer_saw_diverges(tmp_path: Path) -> None:
    a, b = make_nodes(tmp_path, 2)
    _work(a, 2)
    snapshot = copy_database(a.db.path, tmp_path / "a-lama.sqlite3")
    _work(a, 3)
    seen_no = _last_no(a)
    _exchange(a, b, tmp_path)
    a = _rolled_back(a, snapshot)
    _work(a, 6)  # past the number B saw, with other entries
    assert _last_no(a) > seen_no
    summary = _exchange(b, a, tmp_path)
    assert summary.jejak_audit == [
        f"Jejak audit berbeda dari yang pernah dilihat peer {b.name}: entri no {seen_no} kini "
        "lain (rantai dipotong lalu ditulis ulang sejak itu)."
    ]
    check = audit_periksa.check_trail(a.db.conn)
    assert {m.jenis for m in check.masalah} == {"berbeda"}


def test_a_forged_head_in_a_package_is_ignored_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = make_nodes(tmp_path, 2)
    _work(a, 2)
    _exchange(a, b, tmp_path)
    _exchange(b, a, tmp_path)
    before = audit_kepala.get_known_head(a.db.conn, a.db.node_id)
    assert before is not None
    real = kepala_audit.heads_for_package

    def forged(db: Any) -> list[dict[str, Any]]:
        heads = [h for h in real(db) if h["asal"] != a.db.node_id]
        # A head of A far beyond its trail, "signed" by B's key: A's trail would look cut.
        fake = SignedHead(a.db.node_id, 500, "ab" * 32, b"")
        key = audit_kepala.existing_key(db.conn)
        assert key is not None
        sig = key.sign(audit_kepala.head_message(fake.asal, fake.urutan, fake.hash)).signature
        heads.append(
            {
                "asal": fake.asal,
                "urutan": 500,
                "hash": fake.hash,
                "tanda": base64.b64encode(sig).decode(),
            }
        )
        return heads

    monkeypatch.setattr(kepala_audit, "heads_for_package", forged)
    summary = _exchange(b, a, tmp_path)
    assert summary.jejak_audit == [
        f"Kepala jejak audit instalasi ini yang dibawa paket dari {b.name} tidak sah (tanda "
        "tangan tidak cocok); diabaikan."
    ]
    assert audit_kepala.get_known_head(a.db.conn, a.db.node_id) == before
    assert audit_periksa.check_trail(a.db.conn).utuh


def test_witnesses_confirm_the_heads_a_peer_keeps(tmp_path: Path) -> None:
    """B keeps A's lower heads until A's package says its trail still holds them."""
    a, b = make_nodes(tmp_path, 2)
    _work(a, 1)
    first = _last_no(a)  # the head as packaged (writing the package is audited afterwards)
    _exchange(a, b, tmp_path)
    _work(a, 2)
    second = _last_no(a)
    _exchange(a, b, tmp_path)  # no witness for the first head yet: B keeps both
    kept = [k.urutan for k in audit_kepala.list_known_heads(b.db.conn, a.db.node_id)]
    assert kept == [first, second]
    _exchange(b, a, tmp_path)  # A learns both heads B saw, and checks them
    assert audit_periksa.check_trail(a.db.conn).utuh
    _work(a, 1)
    out = tmp_path / "saksi.merit"
    package.export_package(a.db, out, to=b.name)
    own = _manifest(b, out)["audit_heads"][0]
    assert [w["urutan"] for w in own["saksi"]] == [second, first]
    summary = importer.import_package(b.db, out, clock=b.clock_fn)
    assert summary.jejak_audit == []
    kept = [k.urutan for k in audit_kepala.list_known_heads(b.db.conn, a.db.node_id)]
    assert kept == [own["urutan"]]  # both confirmed: only the highest stays


def _reads(node: Node, n: int, what: str = "Membuka rincian") -> None:
    """Entries without a change (sign-ins, opened records): nothing for sync to refuse."""
    for i in range(n):
        node.store.record_read(f"{what} {i}", actor="operator")


def test_a_file_rolled_back_and_grown_past_what_a_peer_saw_is_still_found(
    tmp_path: Path,
) -> None:
    """The gap the witnesses close: A rolled back, grew past the head B saw (with reads only,
    so that its batches do not clash), and sent its new, higher head to B before importing
    anything from B."""
    a, b = make_nodes(tmp_path, 2)
    _work(a, 2)
    snapshot = copy_database(a.db.path, tmp_path / "a-lama.sqlite3")
    _reads(a, 3)
    seen_no = _last_no(a)
    _exchange(a, b, tmp_path)  # B saw A at seen_no
    a = _rolled_back(a, snapshot)
    _reads(a, 6, "Mengekspor daftar")
    assert _last_no(a) > seen_no
    assert _exchange(a, b, tmp_path).jejak_audit == []  # higher head, no witness: B cannot tell
    kept = [k.urutan for k in audit_kepala.list_known_heads(b.db.conn, a.db.node_id)]
    assert seen_no in kept  # ...but keeps the head it saw, unconfirmed
    summary = _exchange(b, a, tmp_path)  # B sends it back: A finds its entry differs
    assert any(f"entri no {seen_no} kini lain" in t for t in summary.jejak_audit)
    assert not audit_periksa.check_trail(a.db.conn).ok
    summary = _exchange(a, b, tmp_path)  # A's witness for that number tells B too
    assert (
        f"Jejak audit {a.name} berbeda dari yang pernah dilihat di sini: entri no {seen_no} lain"
        in summary.jejak_audit[0]
    )


@pytest.mark.parametrize(
    "value",
    [
        "bukan daftar",
        [{"asal": "x", "urutan": 1, "hash": "0" * 64, "tanda": ""}],
        [{"asal": "00000000-0000-4000-8000-000000000000", "urutan": True, "hash": "0" * 64}],
        [{"asal": "00000000-0000-4000-8000-000000000000", "urutan": 1, "hash": "0" * 64,
          "tanda": base64.b64encode(b"x" * 10).decode()}],
    ],
)  # fmt: skip
def test_malformed_heads_refuse_the_manifest(value: Any) -> None:
    with pytest.raises(ValueError):
        kepala_audit.parse_heads(value)
    body = {
        "format": package.PACKAGE_FORMAT,
        "versi_format": package.FORMAT_VERSION,
        "versi_skema": 1,
        "pengirim": {},
        "penerima": [],
        "vv": {},
        "jumlah_batch": 0,
        "anggota": [],
        "identitas_asal": [],
        "audit_heads": value,
    }
    with pytest.raises(PackageRefused):
        verify.parse_manifest(json.dumps(body).encode())


def test_a_package_without_heads_is_read_as_none() -> None:
    assert kepala_audit.parse_heads(None) == []
