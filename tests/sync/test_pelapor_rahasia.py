"""A confidential complainant never travels in the clear to an installation without the right to
handle complaints (issue 16): packages carry the identity sealed for the handling installations
only (:mod:`app.models.pengaduan.segel`), and everything else still converges."""

from __future__ import annotations

import base64
import json
import zlib
from datetime import date
from pathlib import Path

from app.models.pengaduan import register as adu
from app.models.pengaduan import segel
from app.models.storage import sinkron
from app.sync import importer, package, verify
from app.sync import roster as roster_mod
from tests.helpers.roster import Agency, exchange, make_agency
from tests.helpers.sync import Node

NAMA = "Wulandari Kusumaningtyas"
NIK = "3271046504870003"
TELEPON = "081299887766"
EMAIL = "wulan.pelapor@contoh.id"
ALAMAT = "Jalan Kenari Nomor 17, Kelurahan Oebobo"
RAHASIA = (NAMA, NIK, TELEPON, EMAIL, ALAMAT)
TABEL = ("pengaduan", "pengaduan_pelapor", "pengaduan_pegawai", "pengaduan_lampiran")


def _rights(agency: Agency) -> None:
    """OPD (Kantor 1) writes its unit's employees and nothing of integrity; Kantor 2 handles
    complaints. The roster reaches both before the complaint is taken in."""
    roster_mod.set_entry(agency.bkd.db, "Kantor 1", "opd", [agency.unit_x])
    roster_mod.set_entry(agency.bkd.db, "Kantor 2", "integritas")
    for other in (agency.opd, agency.lain):
        exchange(agency.bkd, other, agency.folder)


def _complaint(node: Node, unit: str, identitas: str = "RAHASIA") -> str:
    return adu.create_pengaduan(
        node.db,
        "sistem",
        adu.PengaduanBaru(
            tanggal_terima=date(2026, 11, 2),
            kanal="SURAT",
            perihal="Pungutan di loket pelayanan",
            identitas=identitas,
            pelapor=adu.Pelapor(NAMA, NIK, ALAMAT, TELEPON, EMAIL),
            unit_id=unit,
            kategori_kode="PUNGLI",
        ),
    )


def _decrypted_text(receiver: Node, path: Path) -> str:
    """Everything the receiver can read of a package: the decrypted manifest and batches, each
    batch's operations decompressed and decoded."""
    envelope = verify.open_envelope(receiver.db, path.read_bytes(), None)
    members = verify.read_members(envelope.payload)
    parts = [members[package.MANIFEST].decode(), members[package.BATCHES].decode()]
    for line in members[package.BATCHES].splitlines():
        ops = zlib.decompress(base64.b64decode(json.loads(line)["ops"]))
        parts.append(json.dumps(json.loads(ops), ensure_ascii=False))
    return "\n".join(parts)


def _file_bytes(node: Node) -> bytes:
    node.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = node.db.path.read_bytes()
    wal = Path(str(node.db.path) + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def _rows(node: Node) -> dict[str, list[tuple[object, ...]]]:
    return {
        t: [tuple(r) for r in node.db.conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in TABEL
    }


def _send(src: Node, dst: Node, folder: Path, name: str) -> Path:
    out = folder / f"{name}.merit"
    package.export_package(src.db, out, to=dst.name)
    return out


def test_the_package_for_an_installation_without_the_right_holds_no_identity(
    tmp_path: Path,
) -> None:
    agency = make_agency(tmp_path)
    _rights(agency)
    bkd, opd, lain = agency.nodes
    pid = _complaint(bkd, agency.unit_x)

    to_opd = _send(bkd, opd, tmp_path, "bkd-opd")
    text = _decrypted_text(opd, to_opd)
    assert "pengaduan_pelapor" in text  # the row travels (the test reads the operations)...
    for secret in RAHASIA:
        assert secret not in text, secret  # ...but not the identity
    importer.import_package(opd.db, to_opd, clock=opd.clock_fn)
    seen = adu.get_pengaduan(opd.db, "sistem", pid)
    assert seen.pelapor is None and seen.pelapor_teks == "(dirahasiakan)"
    assert seen.perihal == "Pungutan di loket pelayanan"
    stored = _file_bytes(opd)
    for secret in RAHASIA:
        assert secret.encode() not in stored, secret

    # Relayed through the OPD, the handling installation opens it.
    relay = _send(opd, lain, tmp_path, "opd-lain")
    importer.import_package(lain.db, relay, clock=lain.clock_fn)
    shown = adu.get_pengaduan(lain.db, "sistem", pid).pelapor
    assert shown == adu.Pelapor(NAMA, NIK, ALAMAT, TELEPON, EMAIL)
    assert adu.get_pengaduan(bkd.db, "sistem", pid).pelapor == shown

    # Everyone converges on the same rows (the sealed identity is the same bytes everywhere).
    for a, b in ((bkd, opd), (opd, lain)):
        exchange(a, b, tmp_path)
        exchange(b, a, tmp_path)
    exchange(bkd, lain, tmp_path)
    assert _rows(bkd) == _rows(opd) == _rows(lain)
    assert len(_rows(bkd)["pengaduan_pelapor"]) == 1


def test_an_open_complainant_still_travels_to_every_installation(tmp_path: Path) -> None:
    agency = make_agency(tmp_path)
    _rights(agency)
    pid = _complaint(agency.bkd, agency.unit_x, identitas="TERBUKA")
    exchange(agency.bkd, agency.opd, tmp_path)
    assert adu.get_pengaduan(agency.opd.db, "sistem", pid).pelapor == adu.Pelapor(
        NAMA, NIK, ALAMAT, TELEPON, EMAIL
    )


def test_a_passphrase_package_carries_no_confidential_identity(tmp_path: Path) -> None:
    agency = make_agency(tmp_path)
    _rights(agency)
    _complaint(agency.bkd, agency.unit_x)
    out = tmp_path / "sandi.merit"
    package.export_package(agency.bkd.db, out, passphrase="kata-sandi-panjang")
    payload = verify.open_envelope(agency.bkd.db, out.read_bytes(), "kata-sandi-panjang").payload
    members = verify.read_members(payload)
    ops = [
        zlib.decompress(base64.b64decode(json.loads(line)["ops"])).decode()
        for line in members[package.BATCHES].splitlines()
    ]
    for secret in RAHASIA:
        assert all(secret not in o for o in ops), secret


def test_a_handler_added_later_opens_it_once_resealed(tmp_path: Path) -> None:
    """The identity is sealed for the handlers the roster names when it is written; after the
    root gives another installation the right, a handler reseals it, and the reseal travels."""
    agency = make_agency(tmp_path)
    _rights(agency)
    bkd, opd, _ = agency.nodes
    pid = _complaint(bkd, agency.unit_x)
    roster_mod.set_entry(bkd.db, "Kantor 1", "opd+integritas")
    exchange(bkd, opd, tmp_path)
    assert adu.get_pengaduan(opd.db, "sistem", pid).pelapor is None
    assert adu.segel_ulang(bkd.db, "sistem") == 1
    assert adu.segel_ulang(bkd.db, "sistem") == 0  # nothing left to reseal
    exchange(bkd, opd, tmp_path)
    assert adu.get_pengaduan(opd.db, "sistem", pid).pelapor == adu.Pelapor(
        NAMA, NIK, ALAMAT, TELEPON, EMAIL
    )


def test_a_confidential_complainant_is_not_stored_in_the_clear(tmp_path: Path) -> None:
    agency = make_agency(tmp_path)
    pid = _complaint(agency.bkd, agency.unit_x)
    row = agency.bkd.db.conn.execute(
        "SELECT nama, nik, alamat, telepon, email, sandi FROM pengaduan_pelapor "
        "WHERE pengaduan_id = ?",
        (pid,),
    ).fetchone()
    assert tuple(row[:5]) == (None,) * 5 and row[5].startswith(segel.AWALAN)


def test_two_handlers_resealing_at_once_is_a_clash_kept_everywhere(tmp_path: Path) -> None:
    """Concurrent reseals at two handlers: both envelopes are kept, the same one is shown
    everywhere, the clash is listed everywhere, and each opens for every handler of now."""
    agency = make_agency(tmp_path)
    _rights(agency)
    bkd, opd, lain = agency.nodes
    pid = _complaint(bkd, agency.unit_x)
    exchange(bkd, lain, tmp_path)
    roster_mod.set_entry(bkd.db, "Kantor 1", "opd+integritas")
    exchange(bkd, lain, tmp_path)  # the new roster reaches the other handler
    assert adu.segel_ulang(bkd.db, "sistem") == 1
    assert adu.segel_ulang(lain.db, "sistem") == 1
    for src, dst in ((bkd, lain), (lain, bkd), (lain, opd), (bkd, opd)):
        exchange(src, dst, tmp_path)
    assert _rows(bkd) == _rows(opd) == _rows(lain)
    for node in agency.nodes:
        clashes = [
            (c.tabel, c.kolom) for c in sinkron.list_conflicts(node.db.conn) if c.jenis == "nilai"
        ]
        assert clashes == [("pengaduan_pelapor", "sandi")], node.name
        assert adu.get_pengaduan(node.db, "sistem", pid).pelapor == adu.Pelapor(
            NAMA, NIK, ALAMAT, TELEPON, EMAIL
        )


def test_a_complainant_kept_in_the_clear_before_migration_26_is_sealed_by_the_reseal(
    tmp_path: Path,
) -> None:
    agency = make_agency(tmp_path)
    _rights(agency)
    bkd, opd, _ = agency.nodes
    pid = _complaint(bkd, agency.unit_x, identitas="TERBUKA")
    with bkd.store.write("as written before migration 23") as tx:
        tx.update("pengaduan", pid, {"identitas": "RAHASIA"})
    assert adu.segel_ulang(bkd.db, "sistem") == 1
    row = bkd.db.conn.execute(
        "SELECT nama, nik, alamat, telepon, email, sandi FROM pengaduan_pelapor"
    ).fetchone()
    assert tuple(row[:5]) == (None,) * 5
    assert segel.penerima_segel(row[5]) == {bkd.db.node_id, agency.lain.db.node_id}
    assert adu.get_pengaduan(bkd.db, "sistem", pid).pelapor == adu.Pelapor(
        NAMA, NIK, ALAMAT, TELEPON, EMAIL
    )
    exchange(bkd, opd, tmp_path)
    assert adu.get_pengaduan(opd.db, "sistem", pid).pelapor is None
