"""A confidential complainant's identity, sealed for the installations that handle complaints.

The rule (issue 16): a complainant marked RAHASIA never appears to roles outside the handling
ones, in screens, exports, packages to installations without that right, or the public PDF.
Screens and exports are guarded by the reads of :mod:`app.models.pengaduan.register`. Packages
carry whole signed batches, so a row written in the clear would reach every installation that
receives the agency's changes, whatever its rights. Therefore the identity of a RAHASIA
complainant is never written in the clear: ``pengaduan_pelapor.nama/nik/alamat/telepon/email``
stay NULL and ``pengaduan_pelapor.sandi`` (migration 23) holds an envelope

    ``segel1:`` + base64 of canonical JSON ``{"c": ciphertext, "k": {node id: sealed key}}``

where ``c`` is the identity (JSON) under ``SecretBox`` with a random content key and ``k`` holds
that key sealed (``SealedBox``, X25519) for each handling installation: this one, and every
installation whose roster entry has the kind ``integritas`` (the root always has it). Without a
roster every trusted peer may write everything, so every trusted peer is a handler.

Why this shape, and not withholding the batch from the recipients without the right:

* sync is untouched. The envelope is an ordinary field value written through the one write path:
  the same bytes in every installation (convergence, any order, any number of times, relays
  through an installation that cannot open it), the batch hash and signature cover it as they
  cover any value, and two concurrent writes are a clash like any other (both kept).
* withholding batches would leave holes in an origin's sequence that every receiver must accept
  without being able to check the missing batch's hash, and that any later batch's version
  vector depends on: a change to the merge rule, the vector semantics and the relay rule.

What it costs (documented limits):

* the set of handlers is the one known *when the identity is written*. An installation given
  the right later opens it only once a handler reseals it (:func:`register.segel_ulang`,
  ``merit pengaduan segel-ulang``); the reseal is a normal write that travels.
* an installation that loses the right keeps the key of what it could already open (it held
  the identity before; nothing can take it back).
* a concurrent edit of the identity is a clash on the one ``sandi`` field, not per field.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping

import nacl.exceptions
import nacl.public
import nacl.secret
import nacl.utils

from app.models.access import kunci
from app.models.storage import roster as roster_store
from app.models.storage import sinkron
from app.models.storage.db import Database

AWALAN = "segel1:"
KOLOM = ("nama", "nik", "alamat", "telepon", "email")
JENIS_PENANGAN = "integritas"  # the roster kind of app/models/access/wewenang.py


def penerima(db: Database) -> dict[str, bytes]:
    """Node id -> X25519 public key of every installation that handles complaints now: this
    one, and the roster's entries with the kind ``integritas`` (without a roster: every trusted
    peer)."""
    own = kunci.signing_key(db).to_curve25519_private_key().public_key
    keys: dict[str, bytes] = {db.node_id: bytes(own)}
    stored = roster_store.read_roster(db.conn)
    if stored is None:
        for peer in sinkron.list_peers(db.conn):
            if peer.dipercaya:
                keys[peer.node_id] = bytes(peer.kunci_enkripsi)
        return keys
    data = stored.data
    for entry in data.entri:
        if entry.node_id == data.root[0] or JENIS_PENANGAN in entry.izin:
            keys[entry.node_id] = base64.b64decode(entry.kunci_enkripsi)
    return keys


def tutup(db: Database, identitas: Mapping[str, str | None]) -> str:
    """The envelope of an identity (the :data:`KOLOM` fields) for the handlers of now."""
    return tutup_untuk(penerima(db), identitas)


def tutup_untuk(keys: Mapping[str, bytes], identitas: Mapping[str, str | None]) -> str:
    """The envelope of an identity for the given X25519 public keys (node id -> key)."""
    plain = json.dumps({k: identitas.get(k) for k in KOLOM}, ensure_ascii=False, sort_keys=True)
    content_key = nacl.utils.random(nacl.secret.SecretBox.KEY_SIZE)
    sealed = {
        node: base64.b64encode(
            nacl.public.SealedBox(nacl.public.PublicKey(key)).encrypt(content_key)
        ).decode("ascii")
        for node, key in sorted(keys.items())
    }
    body = {
        "c": base64.b64encode(
            nacl.secret.SecretBox(content_key).encrypt(plain.encode("utf-8"))
        ).decode("ascii"),
        "k": sealed,
    }
    raw = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")
    return AWALAN + base64.b64encode(raw).decode("ascii")


def _body(sandi: str) -> tuple[str, dict[str, str]] | None:
    """(ciphertext, node id -> sealed key) of an envelope; None when it is not one."""
    if not sandi.startswith(AWALAN):
        return None
    try:
        body = json.loads(base64.b64decode(sandi[len(AWALAN) :], validate=True))
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    c, k = body.get("c"), body.get("k")
    if not isinstance(c, str) or not isinstance(k, dict):
        return None
    return c, {str(node): v for node, v in k.items() if isinstance(v, str)}


def penerima_segel(sandi: str) -> frozenset[str]:
    """The node ids an envelope is sealed for (empty when it is not an envelope)."""
    body = _body(sandi)
    return frozenset(body[1]) if body else frozenset()


def buka_dengan(
    node_id: str, key: nacl.public.PrivateKey | None, sandi: str
) -> dict[str, str | None] | None:
    """The identity in an envelope, opened with ``key`` (the private key of ``node_id``); None
    when it is not sealed for it, or damaged."""
    body = _body(sandi)
    if body is None or key is None or node_id not in body[1]:
        return None
    try:
        content_key = nacl.public.SealedBox(key).decrypt(base64.b64decode(body[1][node_id]))
        plain = nacl.secret.SecretBox(content_key).decrypt(base64.b64decode(body[0]))
        data = json.loads(plain)
    except (nacl.exceptions.CryptoError, ValueError, TypeError):
        return None
    if not isinstance(data, dict):
        return None
    return {k: (str(data[k]) if data.get(k) is not None else None) for k in KOLOM}


def kunci_buka(db: Database) -> nacl.public.PrivateKey | None:
    """This installation's X25519 private key, without creating one (a read writes nothing)."""
    key = kunci.existing_signing_key(db)
    return None if key is None else key.to_curve25519_private_key()


def buka(db: Database, sandi: str) -> dict[str, str | None] | None:
    """The identity in an envelope, if this installation is one of its handlers."""
    return buka_dengan(db.node_id, kunci_buka(db), sandi)
