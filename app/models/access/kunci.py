"""This installation's private signing key (Ed25519), kept in the local table ``lokal_identitas``.

The key never leaves the installation and is never replicated; it is created on first use. It
signs sync packages and identity files (:mod:`app.sync.identity`), the head of the audit trail
(:mod:`app.models.access.audit_kepala`) and the committee's scoring
packages and sealed sheets (:mod:`app.models.seleksi.lembar`); the X25519 key that packages for
this installation are encrypted for is derived from it (:func:`box_key`), so there is one
secret to keep.
"""

from __future__ import annotations

import base64

import nacl.public
import nacl.signing

from app.models.access import audit_kepala
from app.models.storage import sinkron
from app.models.storage.db import Database
from app.models.storage.faults import translated_errors
from app.models.storage.instansi import installation_name


def existing_signing_key(db: Database) -> nacl.signing.SigningKey | None:
    """The private signing key if one was made already (nothing is written)."""
    return audit_kepala.existing_key(db.conn)


def signing_key(db: Database) -> nacl.signing.SigningKey:
    """The private signing key (created on first use; the first audit entry creates it too,
    to sign the trail's head). Stays in this installation."""
    with translated_errors(db.path):
        return audit_kepala.ensure_key(db.conn)


def box_key(db: Database) -> nacl.public.PrivateKey:
    """The X25519 private key packages for this installation are encrypted for."""
    return signing_key(db).to_curve25519_private_key()


def public_identity(db: Database) -> dict[str, str]:
    """This installation's public identity as written into files: node id, name, and the public
    signing and encryption keys (base64); the same as ``Identity.public_dict()`` of
    :func:`app.sync.identity.own_identity`."""
    key = signing_key(db)
    return {
        "node_id": db.node_id,
        "nama": installation_name(db),
        "kunci_tanda": base64.b64encode(bytes(key.verify_key)).decode("ascii"),
        "kunci_enkripsi": base64.b64encode(
            bytes(key.to_curve25519_private_key().public_key)
        ).decode("ascii"),
    }


def issuer_verify_key(db: Database, node_id: str) -> bytes | None:
    """The Ed25519 verify key of an installation whose signature this one accepts: its own, or
    a peer the admin trusts (added after comparing fingerprints). None for any other."""
    if node_id == db.node_id:
        own = existing_signing_key(db)
        return None if own is None else bytes(own.verify_key)
    peer = sinkron.get_peer(db.conn, node_id)
    if peer is None or not peer.dipercaya:
        return None
    return peer.kunci_tanda
