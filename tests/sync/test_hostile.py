"""Hostile packages (design/sync.md properties 5, 6, 9): truncated, bit-flipped, wrongly
addressed, unsigned or wrongly signed, swapped, zip-slip, zip bomb, huge, deeply nested, NaN,
invalid UTF-8, unknown tables and columns. Each is refused whole, quickly, with an Indonesian
message, and the database file is byte-for-byte what it was."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.storage import sinkron
from app.models.storage.changelog import batch_hash, canonical_json
from app.models.storage.db import Database
from app.sync import identity as ident
from app.sync import importer, package, verify
from app.sync.package import PackageError
from tests.helpers.common import copy_database
from tests.helpers.sync import Node, file_state, fresh_database, make_nodes


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("hostile")
    a, b, c = make_nodes(folder, 3)
    # C is unknown to B: B forgets it
    sinkron.delete_peer(b.db.conn, c.db.node_id)  # never added
    with a.store.write("isi") as tx:
        unit = tx.insert("unit_organisasi", {"nama": "Dinas Uji", "jenis": "OPD"})
        tx.insert(
            "pegawai",
            {
                "jenis_asn": "PNS",
                "nip": "198609262015051001",
                "nama": "Budi",
                "tanggal_lahir": "1986-09-26",
                "jenis_kelamin": "L",
                "status_kepegawaian": "PNS",
                "nik": "5371012609860001",
            },
        )
    good = folder / "baik.merit"
    package.export_package(a.db, good, to=b.name)
    yield {"a": a, "b": b, "c": c, "good": good, "folder": folder, "unit": unit}
    for n in (a, b, c):
        n.db.close()


def refused(node: Node, path: Path, **kwargs: Any) -> PackageError:
    before = file_state(node.db.path)
    start = time.perf_counter()
    with pytest.raises(PackageError) as info:
        importer.import_package(node.db, path, **kwargs)
    assert time.perf_counter() - start < 5
    assert file_state(node.db.path) == before
    message = str(info.value)
    assert message and ("Paket" in message or "paket" in message)
    return info.value


def _batch_line(a: Node, ops: list[Any], seq: int, vv: dict[str, int] | None = None) -> bytes:
    origin = a.db.node_id
    vv = vv if vv is not None else {origin: seq - 1}
    raw = canonical_json(ops)
    hlc = "001800000000000.000000"
    digest = batch_hash(origin, seq, hlc, vv, a.db.schema_version, raw)
    sig = ident.signing_key(a.db).sign(package.batch_message(digest, "x")).signature
    line = {
        "origin": origin,
        "seq": seq,
        "hlc": hlc,
        "vv": vv,
        "ops": base64.b64encode(zlib.compress(raw)).decode(),
        "n": len(ops),
        "hash": digest,
        "sig": base64.b64encode(sig).decode(),
        "schema": a.db.schema_version,
        "actor": "x",
    }
    return json.dumps(line).encode() + b"\n"


def craft(
    a: Node,
    b: Node,
    path: Path,
    *,
    batches: bytes = b"",
    manifest: dict[str, Any] | None = None,
    manifest_bytes: bytes | None = None,
    members: dict[str, bytes] | None = None,
    jumlah: int | None = None,
    signer: Node | None = None,
    stored: bool = False,
) -> Path:
    """A package signed by A (or ``signer``) and encrypted for B, with chosen content."""
    me = ident.own_identity((signer or a).db)
    body = {
        "format": package.PACKAGE_FORMAT,
        "versi_format": package.FORMAT_VERSION,
        "versi_skema": a.db.schema_version,
        "pengirim": me.public_dict(),
        "penerima": [b.db.node_id],
        "dibuat": "2027-01-01T00:00:00Z",
        "vv": {},
        "penuh": True,
        "jumlah_batch": jumlah if jumlah is not None else batches.count(b"\n"),
        "anggota": [
            {
                "nama": package.BATCHES,
                "ukuran": len(batches),
                "sha256": hashlib.sha256(batches).hexdigest(),
            }
        ],
        "identitas_asal": [],
    }
    body.update(manifest or {})
    raw = manifest_bytes if manifest_bytes is not None else json.dumps(body).encode()
    sig = ident.signing_key((signer or a).db).sign(package.manifest_message(raw)).signature
    content = {package.MANIFEST: raw, package.SIGNATURE: sig, package.BATCHES: batches}
    if members is not None:
        content = members
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", compression=method) as zf:
        for name, data in content.items():
            zf.writestr(name, data)
    path.write_bytes(package.seal_for_peers(buffer.getvalue(), [ident.own_identity(b.db)]))
    return path


def test_the_good_package_imports(world: dict[str, Any], tmp_path: Path) -> None:
    db = fresh_database(tmp_path / "x.sqlite3")
    db.close()
    b = world["b"]
    copy = copy_database(b.db.path, tmp_path / "copy.sqlite3")
    other = Database(copy)
    summary = importer.import_package(other, world["good"])
    assert summary.batch_baru == 1
    assert summary.rekaman["pegawai"]["baru"] == 1
    other.close()


def test_every_truncation_is_refused(world: dict[str, Any], tmp_path: Path) -> None:
    data = world["good"].read_bytes()
    assert len(data) < 4000
    target = tmp_path / "potong.merit"
    before = file_state(world["b"].db.path)
    for length in range(len(data)):
        target.write_bytes(data[:length])
        with pytest.raises(PackageError):
            importer.import_package(world["b"].db, target)
    assert file_state(world["b"].db.path) == before


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 7)), min_size=1, max_size=3))
def test_bit_flips_are_refused(
    world: dict[str, Any], tmp_path: Path, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(world["good"].read_bytes())
    for pos, bit in flips:
        data[pos % len(data)] ^= 1 << bit
    if bytes(data) == world["good"].read_bytes():
        return
    target = tmp_path / "balik.merit"
    target.write_bytes(bytes(data))
    refused(world["b"], target)


def test_wrong_recipient_and_wrong_passphrase(world: dict[str, Any], tmp_path: Path) -> None:
    a, c = world["a"], world["c"]
    for_c = tmp_path / "untuk-c.merit"
    package.export_package(a.db, for_c, to=c.name)
    err = refused(world["b"], for_c)
    assert "instalasi lain" in str(err)
    # the header claims B, the key inside is sealed for C
    data = bytearray(for_c.read_bytes())
    start = len(package.MAGIC) + 3
    data[start : start + 36] = world["b"].db.node_id.encode()
    forged = tmp_path / "palsu.merit"
    forged.write_bytes(bytes(data))
    refused(world["b"], forged)
    with_pass = tmp_path / "sandi.merit"
    package.export_package(a.db, with_pass, to=world["b"].name, passphrase="kata sandi benar")
    assert "kata sandi" in str(refused(world["b"], with_pass, passphrase="kata sandi salah"))
    refused(world["b"], with_pass)  # no passphrase given
    summary = importer.import_package(
        fresh_copy(world["b"], tmp_path), with_pass, passphrase="kata sandi benar"
    )
    assert summary.batch_baru == 1


def fresh_copy(node: Node, tmp_path: Path) -> Any:
    return Database(copy_database(node.db.path, tmp_path / f"salin-{time.monotonic_ns()}.db"))


def test_absurd_passphrase_parameters_are_refused_before_work(
    world: dict[str, Any], tmp_path: Path
) -> None:
    header = package.MAGIC + bytes([1, package.MODE_PASSPHRASE]) + b"s" * 16
    target = tmp_path / "mahal.merit"
    target.write_bytes(header + struct.pack(">II", 2**31, 2**31) + b"x" * 100)
    assert "tidak wajar" in str(refused(world["b"], target, passphrase="apa saja 123"))


def test_unknown_or_untrusted_signer(world: dict[str, Any], tmp_path: Path) -> None:
    c, b = world["c"], world["b"]
    from_c = tmp_path / "dari-c.merit"
    package.export_package(c.db, from_c, to=b.name)
    assert "belum dikenal" in str(refused(b, from_c))
    # known but not trusted
    other = fresh_copy(b, tmp_path)
    ident.add_peer(other, ident.read_identity(ident.identity_bytes(c.db)), trusted=False)
    before = file_state(other.path)
    with pytest.raises(verify.UntrustedSender):
        importer.import_package(other, from_c)
    assert file_state(other.path) == before
    # a manifest signed by C while claiming to be A
    forged = craft(world["a"], b, tmp_path / "ngaku-a.merit", signer=None)
    data = zipfile.ZipFile(io.BytesIO(_open_payload(b, forged)))
    manifest = data.read(package.MANIFEST)
    bad_sig = ident.signing_key(c.db).sign(package.manifest_message(manifest)).signature
    craft(
        world["a"],
        b,
        forged,
        members={
            package.MANIFEST: manifest,
            package.SIGNATURE: bad_sig,
            package.BATCHES: b"",
        },
    )
    assert "tanda tangan" in str(refused(b, forged))


def _open_payload(b: Node, path: Path) -> bytes:
    return verify.open_envelope(b.db, path.read_bytes(), None).payload


def test_swapped_and_missing_members(world: dict[str, Any], tmp_path: Path) -> None:
    a, b = world["a"], world["b"]
    payload = zipfile.ZipFile(io.BytesIO(_open_payload(b, world["good"])))
    parts = {n: payload.read(n) for n in payload.namelist()}
    swapped = dict(parts)
    swapped[package.MANIFEST], swapped[package.BATCHES] = (
        parts[package.BATCHES],
        parts[package.MANIFEST],
    )
    refused(b, craft(a, b, tmp_path / "tukar.merit", members=swapped))
    missing = {k: v for k, v in parts.items() if k != package.SIGNATURE}
    refused(b, craft(a, b, tmp_path / "kurang.merit", members=missing))
    extra = {**parts, "lain.txt": b"x"}
    refused(b, craft(a, b, tmp_path / "lebih.merit", members=extra))
    # batches replaced by other (validly signed) batches: the manifest hash no longer matches
    other = dict(parts)
    other[package.BATCHES] = _batch_line(a, [["unit_organisasi", "x1", {"nama": "Y"}]], 99)
    assert "hash" in str(refused(b, craft(a, b, tmp_path / "ganti.merit", members=other)))


@pytest.mark.parametrize(
    "name", ["../batches.ndjson", "/etc/passwd", "a/../../x", "C:\\x", "..\\x"]
)
def test_zip_slip_names(world: dict[str, Any], tmp_path: Path, name: str) -> None:
    a, b = world["a"], world["b"]
    members = {package.MANIFEST: b"{}", package.SIGNATURE: b"s" * 64, name: b"x"}
    assert "nama" in str(refused(b, craft(a, b, tmp_path / "slip.merit", members=members)))


def test_zip_bomb(world: dict[str, Any], tmp_path: Path) -> None:
    a, b = world["a"], world["b"]
    bomb = b"\n" * (64 * 1024 * 1024)
    path = craft(a, b, tmp_path / "bom.merit", batches=bomb)
    assert path.stat().st_size < 1024 * 1024
    assert "bom" in str(refused(b, path))


def test_a_gigabyte_declared_size(world: dict[str, Any], tmp_path: Path) -> None:
    a, b = world["a"], world["b"]
    path = craft(a, b, tmp_path / "besar.merit", batches=b"")
    payload = bytearray(_open_payload(b, path))
    # declare 1 GiB for batches.ndjson in its local header and the central directory
    name = package.BATCHES.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := payload.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if payload[name_at : name_at + len(name)] == name:
                payload[start + offset : start + offset + 4] = struct.pack("<I", 2**30)
            start += 4
    path.write_bytes(package.seal_for_peers(bytes(payload), [ident.own_identity(b.db)]))
    refused(b, path)


def test_deeply_nested_json_nan_and_invalid_utf8(world: dict[str, Any], tmp_path: Path) -> None:
    a, b = world["a"], world["b"]
    deep = b"[" * 200_000 + b"]" * 200_000
    assert "dalam" in str(
        refused(b, craft(a, b, tmp_path / "dalam.merit", manifest_bytes=deep, stored=True))
    )
    shallow_but_deep = json.dumps({"vv": {"a": [[[[[[[[[[1]]]]]]]]]]}}).encode()
    refused(b, craft(a, b, tmp_path / "dalam2.merit", manifest_bytes=shallow_but_deep))
    nan = craft(a, b, tmp_path / "nan.merit", manifest={"vv": {a.db.node_id: float("nan")}})
    refused(b, nan)
    bad_utf8 = json.dumps({"format": "merit-paket"}).encode().replace(b"merit", b"m\xff\xfeit")
    assert "UTF-8" in str(refused(b, craft(a, b, tmp_path / "utf8.merit", manifest_bytes=bad_utf8)))
    nested_batch = b'{"origin": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    refused(b, craft(a, b, tmp_path / "dalam3.merit", batches=nested_batch, jumlah=1, stored=True))


@pytest.mark.parametrize(
    "op",
    [
        ["lokal_peer", "x", {"nama": "y"}],
        ["pegawai; DROP TABLE pegawai", "x", {"nama": "y"}],
        ["sqlite_master", "x", {"name": "y"}],
        ["unit_organisasi", "x", {"nama = 'x', jenis": "y"}],
        ["unit_organisasi", "x", {"tidak_ada": "y"}],
        ["unit_organisasi", "x", {"id": "lain"}],
        ["unit_organisasi", "x", {"nama": {"bersarang": 1}}],
        ["unit_organisasi", "x", {"nama": [1, 2]}],
        ["unit_organisasi", "x", {"nama": True}],
    ],
)
def test_unknown_names_and_non_scalar_values(
    world: dict[str, Any], tmp_path: Path, op: list[Any]
) -> None:
    a, b = world["a"], world["b"]
    seq = 1 + a.db.conn.execute("SELECT max(seq) FROM lokal_batch").fetchone()[0]
    line = _batch_line(a, [op], seq, {a.db.node_id: seq - 1})
    refused(b, craft(a, b, tmp_path / "nama.merit", batches=line))


def test_tampered_batch_hash_and_signature(world: dict[str, Any], tmp_path: Path) -> None:
    a, b = world["a"], world["b"]
    line = json.loads(_batch_line(a, [["unit_organisasi", "x", {"nama": "y"}]], 50))
    changed = dict(line, hlc="001900000000000.000000")  # hash no longer matches the content
    refused(b, craft(a, b, tmp_path / "h.merit", batches=json.dumps(changed).encode() + b"\n"))
    wrong_sig = dict(line, actor="orang lain")  # the signature covers the actor
    refused(b, craft(a, b, tmp_path / "s.merit", batches=json.dumps(wrong_sig).encode() + b"\n"))


def test_wrong_format_version_and_magic(world: dict[str, Any], tmp_path: Path) -> None:
    data = world["good"].read_bytes()
    path = tmp_path / "versi.merit"
    path.write_bytes(data[:8] + bytes([9]) + data[9:])
    assert "versi format" in str(refused(world["b"], path))
    path.write_bytes(b"PK\x03\x04" + data[4:])
    assert "bukan paket" in str(refused(world["b"], path))
    a, b = world["a"], world["b"]
    refused(b, craft(a, b, tmp_path / "mf.merit", manifest={"versi_format": 99}))


def test_file_size_limit(
    world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "MAX_FILE", 100)
    assert "terlalu besar" in str(refused(world["b"], world["good"]))
