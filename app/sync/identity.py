"""This installation's identity and its peers.

Each installation has a node id (the one created by the first migration), a name and an Ed25519
key pair (PyNaCl). The private signing key is kept in the local table ``lokal_identitas`` and never
leaves the installation; the X25519 key that packages are encrypted for is derived from it
(``to_curve25519_private_key``), so there is one secret to keep.

A peer is added by importing its public identity file (small JSON, self-signed) and confirming its
fingerprint: the admin compares the groups read out over the phone with those the peer sees.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.public
import nacl.signing

from app.i18n import tr
from app.models.access import kunci
from app.models.access.akses import record_access, require
from app.models.errors import MeritError, NotFoundError, ValidationError
from app.models.storage import roster as roster_store
from app.models.storage import sinkron
from app.models.storage.db import Database
from app.models.storage.faults import translated_errors
from app.models.storage.instansi import installation_name
from app.models.storage.sinkron import PeerRecord

IDENTITY_FORMAT = "merit-identitas"
IDENTITY_VERSION = 1
MAX_IDENTITY_BYTES = 16 * 1024
NODE_ID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MAX_NAME = 120


class IdentityError(MeritError):
    """An identity file that cannot be used, or a peer that cannot be added."""

    exit_code = 2


def fingerprint(kunci_tanda: bytes, kunci_enkripsi: bytes) -> str:
    """A fingerprint a person can read out: 8 groups of 4 base32 characters (160 bits)."""
    digest = hashlib.sha256(b"merit-identitas\0" + kunci_tanda + kunci_enkripsi).digest()[:20]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


@dataclass(frozen=True)
class Identity:
    """The public identity of an installation (own or a peer's)."""

    node_id: str
    nama: str
    kunci_tanda: bytes
    kunci_enkripsi: bytes

    @property
    def sidik_jari(self) -> str:
        return fingerprint(self.kunci_tanda, self.kunci_enkripsi)

    def public_dict(self) -> dict[str, Any]:
        return {
            "node_id": self.node_id,
            "nama": self.nama,
            "kunci_tanda": base64.b64encode(self.kunci_tanda).decode("ascii"),
            "kunci_enkripsi": base64.b64encode(self.kunci_enkripsi).decode("ascii"),
        }


@dataclass(frozen=True)
class Peer(PeerRecord):
    """A known installation (:class:`~app.models.storage.sinkron.PeerRecord`) with its
    fingerprint and public identity."""

    @property
    def sidik_jari(self) -> str:
        return fingerprint(self.kunci_tanda, self.kunci_enkripsi)

    @property
    def identity(self) -> Identity:
        return Identity(self.node_id, self.nama, self.kunci_tanda, self.kunci_enkripsi)


def _peer(record: PeerRecord | None) -> Peer | None:
    return Peer(**vars(record)) if record is not None else None


# -- own identity ---------------------------------------------------------------------------------


def signing_key(db: Database) -> nacl.signing.SigningKey:
    """The private signing key (created on first use). Stays in this installation."""
    return kunci.signing_key(db)


def box_key(db: Database) -> nacl.public.PrivateKey:
    """The X25519 private key packages for this installation are encrypted for."""
    return signing_key(db).to_curve25519_private_key()


def own_identity(db: Database) -> Identity:
    """This installation's public identity (keys are created on first use)."""
    key = signing_key(db)
    return Identity(
        db.node_id,
        installation_name(db),
        bytes(key.verify_key),
        bytes(key.to_curve25519_private_key().public_key),
    )


def ensure_identity(db: Database, nama: str | None = None, *, actor: str = "sistem") -> Identity:
    """Create the keys if needed and, when given, set this installation's name (``actor``
    needs ``sync.identitas``; the rename is audited, a refusal too)."""
    if nama is not None:
        require(db, actor, "sync.identitas")
        nama = " ".join(nama.split())
        if not 2 <= len(nama) <= MAX_NAME:
            raise ValidationError(
                tr("Nama instalasi harus 2 sampai {n} huruf.", n=MAX_NAME), field="nama"
            )
        old = installation_name(db)
        db.set_meta("nama_instalasi", nama)
        if nama != old:
            record_access(
                db,
                actor,
                tr("Mengganti nama instalasi"),
                keterangan=tr("{old} \u2192 {new}", old=old, new=nama),
            )
    return own_identity(db)


def identity_bytes(db: Database) -> bytes:
    """The public identity file: node id, name, public keys, fingerprint, self-signature."""
    ident = own_identity(db)
    body = {"format": IDENTITY_FORMAT, "versi": IDENTITY_VERSION, **ident.public_dict()}
    message = json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
    signature = signing_key(db).sign(message).signature
    body["sidik_jari"] = ident.sidik_jari
    body["tanda_tangan"] = base64.b64encode(signature).decode("ascii")
    return json.dumps(body, indent=2, ensure_ascii=False).encode() + b"\n"


def export_identity(db: Database, path: Path) -> Path:
    """Write the public identity file (never the private key)."""
    path = Path(path)
    try:
        path.write_bytes(identity_bytes(db))
    except OSError as exc:
        raise IdentityError(
            tr("Berkas {path} tidak dapat ditulis: {detail}", path=path, detail=exc.strerror)
        ) from exc
    return path


def _b64_key(body: dict[str, Any], name: str) -> bytes:
    value = body.get(name)
    if not isinstance(value, str):
        raise IdentityError(tr("Berkas identitas tidak sah: {field} tidak ada.", field=name))
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise IdentityError(tr("Berkas identitas tidak sah: {field} rusak.", field=name))
    return raw


def read_identity(data: bytes) -> Identity:
    """Parse and check a public identity file (its self-signature included)."""
    bad = IdentityError(tr("Berkas ini bukan berkas identitas Merit yang sah."))
    if len(data) > MAX_IDENTITY_BYTES:
        raise bad
    try:
        body = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad from None
    if not isinstance(body, dict) or body.get("format") != IDENTITY_FORMAT:
        raise bad
    if body.get("versi") != IDENTITY_VERSION:
        raise IdentityError(tr("Versi berkas identitas tidak dikenal; perbarui Merit."))
    node_id, nama = body.get("node_id"), body.get("nama")
    if not isinstance(node_id, str) or not NODE_ID_RE.match(node_id):
        raise bad
    if not isinstance(nama, str) or not 1 <= len(nama) <= MAX_NAME:
        raise bad
    ident = Identity(node_id, nama, _b64_key(body, "kunci_tanda"), _b64_key(body, "kunci_enkripsi"))
    signed = {"format": IDENTITY_FORMAT, "versi": IDENTITY_VERSION, **ident.public_dict()}
    try:
        signature = base64.b64decode(str(body.get("tanda_tangan", "")), validate=True)
        nacl.signing.VerifyKey(ident.kunci_tanda).verify(
            json.dumps(signed, sort_keys=True, ensure_ascii=False).encode(), signature
        )
    except (ValueError, nacl.exceptions.BadSignatureError):
        raise IdentityError(
            tr("Tanda tangan berkas identitas tidak cocok: berkas ini diubah atau rusak.")
        ) from None
    return ident


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def read_identity_file(path: Path) -> Identity:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IDENTITY_BYTES + 1)
    except OSError as exc:
        raise IdentityError(
            tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=exc.strerror)
        ) from exc
    return read_identity(data)


# -- peers ----------------------------------------------------------------------------------------


def add_peer(
    db: Database, ident: Identity, *, trusted: bool, sumber: str = "manual", actor: str = "sistem"
) -> Peer:
    """Add (or update) a peer. A known node id whose keys changed is refused: that is either a
    reinstalled installation or an impostor, and the admin must remove the old peer first.

    ``actor`` needs ``sync.peer`` (a peer learnt from a package's relay list is added by the
    importer as the system, untrusted); the addition is audited, a refusal too."""
    require(db, actor, "sync.peer")
    if ident.node_id == db.node_id:
        raise IdentityError(tr("Itu identitas instalasi ini sendiri, bukan peer."))
    conn = db.conn
    old = get_peer(db, ident.node_id)
    if old is not None and (
        old.kunci_tanda != ident.kunci_tanda or old.kunci_enkripsi != ident.kunci_enkripsi
    ):
        raise IdentityError(
            tr(
                "Peer {nama} sudah dikenal dengan kunci lain (sidik jari {old}). Bila instalasi "
                "itu dipasang ulang, hapus dulu peer lama lalu tambahkan lagi.",
                nama=old.nama,
                old=old.sidik_jari,
            )
        )
    with translated_errors(db.path):
        if sumber == "manual":
            roster_store.unmark_removed(conn, ident.node_id)  # the admin adds it back
        if old is None:
            sinkron.create_peer(
                conn,
                ident.node_id,
                ident.nama,
                ident.kunci_tanda,
                ident.kunci_enkripsi,
                trusted=trusted,
                sumber=sumber,
            )
        else:
            sinkron.update_peer(conn, ident.node_id, ident.nama, trusted=trusted, sumber=sumber)
    peer = get_peer(db, ident.node_id)
    assert peer is not None
    record_access(
        db,
        actor,
        tr("Menambah peer sinkronisasi"),
        record_id=ident.node_id,
        keterangan=tr(
            "{nama}, sidik jari {fp}, {trust}, sumber {sumber}",
            nama=ident.nama,
            fp=ident.sidik_jari,
            trust=tr("dipercaya") if trusted else tr("tidak dipercaya"),
            sumber=sumber,
        ),
    )
    return peer


def get_peer(db: Database, node_id: str) -> Peer | None:
    return _peer(sinkron.get_peer(db.conn, node_id))


def set_trusted(db: Database, node_id: str, trusted: bool, *, actor: str = "sistem") -> None:
    """Trust or distrust a peer (``actor`` needs ``sync.peer``; audited, a refusal too). A
    distrusted peer's batches are refused however they arrive (relayed too), until it is
    trusted again."""
    require(db, actor, "sync.peer")
    peer = get_peer(db, node_id)
    with translated_errors(db.path):
        found = sinkron.set_trusted(db.conn, node_id, trusted)
        if found and trusted:
            roster_store.unmark_removed(db.conn, node_id)
        elif found and peer is not None:
            roster_store.mark_removed(db.conn, node_id, peer.nama, tr("tidak dipercaya lagi"))
    if not found:
        raise NotFoundError(tr("Peer {id} tidak dikenal.", id=node_id))
    record_access(
        db,
        actor,
        tr("Mempercayai peer") if trusted else tr("Mencabut kepercayaan peer"),
        record_id=node_id,
    )


def remove_peer(db: Database, node_id: str, *, actor: str = "sistem") -> None:
    """Remove a peer (``actor`` needs ``sync.peer``; audited, a refusal too). Its batches are
    refused however they arrive (relayed too), and a relay never adds it back; adding its
    identity file again undoes this."""
    require(db, actor, "sync.peer")
    peer = get_peer(db, node_id)
    with translated_errors(db.path):
        sinkron.delete_peer(db.conn, node_id)
        if peer is not None:
            roster_store.mark_removed(db.conn, node_id, peer.nama, tr("sudah dihapus dari peer"))
    record_access(db, actor, tr("Menghapus peer sinkronisasi"), record_id=node_id)


def list_peers(db: Database) -> list[Peer]:
    """Peers added by the admin first, then those learnt through relays; by name."""
    return [Peer(**vars(r)) for r in sinkron.list_peers(db.conn)]


def find_peer(db: Database, ref: str) -> Peer:
    """A peer by node id, a node id prefix (4+ characters) or its name (case ignored)."""
    ref = ref.strip()
    peers = list_peers(db)
    exact = [p for p in peers if p.node_id == ref or p.nama.casefold() == ref.casefold()]
    if len(exact) == 1:
        return exact[0]
    if len(ref) >= 4:
        prefix = [p for p in peers if p.node_id.startswith(ref.lower())]
        if len(prefix) == 1:
            return prefix[0]
    if len(exact) > 1:
        raise ValidationError(
            tr("Nama peer '{ref}' tidak tunggal; pakai id node-nya.", ref=ref), field="peer"
        )
    raise NotFoundError(
        tr("Peer '{ref}' tidak dikenal. Tambahkan dulu dengan berkas identitasnya.", ref=ref)
    )


def known_identity(db: Database, node_id: str) -> Identity | None:
    """Own identity or a peer's (trusted or not), for checking signatures."""
    if node_id == db.node_id:
        return own_identity(db)
    peer = get_peer(db, node_id)
    return peer.identity if peer else None
