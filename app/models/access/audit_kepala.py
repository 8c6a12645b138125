"""The signed head of the audit trail and the heads other installations have seen.

The *head* of the trail is the number and hash of its newest entry (``lokal_meta.audit_kepala``).
Since migration 18 every append also signs it with the installation's Ed25519 key
(``lokal_meta.audit_kepala_tanda``), so that cutting the tail and pointing the head at the new
last entry, or deleting the head, is no longer a matter of editing two rows: it needs the key.

The key lives in the same file, so this stops the casual edit, not someone who takes the key
out. What nobody holding the file can undo is what **other installations have seen**: every
sync package carries the signed heads (this installation's own, and the highest it knows of
others, see :mod:`app.sync.kepala_audit`); each installation keeps the highest head seen per
origin (``lokal_audit_kepala_peer``, migration 18) and sends it back. The checks are in
:mod:`app.models.access.audit_periksa`.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from dataclasses import dataclass
from typing import Any

import nacl.exceptions
import nacl.signing

from app.models.storage import sinkron
from app.models.storage.db import utc_now

HEAD_KEY = "audit_kepala"
SIGNATURE_KEY = "audit_kepala_tanda"
# migration 18 marks the head of a trail written before heads were signed: "lama:<no>:<hash>".
# It is accepted only while the head is still exactly that one; the next append signs.
LEGACY_PREFIX = "lama:"
SIGN_CONTEXT = b"merit-audit-kepala-v1\0"


# -- the key --------------------------------------------------------------------------------------


# Deriving the key pair from the seed costs as much as a signature: every append signs, so the
# derived keys are kept by seed (a handful of installations per process at most).
_DERIVED: dict[bytes, nacl.signing.SigningKey] = {}


def existing_key(conn: sqlite3.Connection) -> nacl.signing.SigningKey | None:
    """The installation's private signing key if one was made already (nothing is written)."""
    row = conn.execute("SELECT nilai FROM lokal_identitas WHERE kunci = 'ed25519'").fetchone()
    if row is None:
        return None
    seed = bytes(row[0])
    key = _DERIVED.get(seed)
    if key is None:
        if len(_DERIVED) >= 16:
            _DERIVED.clear()
        key = _DERIVED[seed] = nacl.signing.SigningKey(seed)
    return key


def ensure_key(conn: sqlite3.Connection) -> nacl.signing.SigningKey:
    """The private signing key, created on first use (see :mod:`app.models.access.kunci`)."""
    existing = existing_key(conn)
    if existing is not None:
        return existing
    key = nacl.signing.SigningKey.generate()
    conn.execute(
        "INSERT INTO lokal_identitas (kunci, nilai) VALUES ('ed25519', ?) "
        "ON CONFLICT (kunci) DO NOTHING",
        (bytes(key),),
    )
    found = existing_key(conn)
    assert found is not None
    return found


def node_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT nilai FROM lokal_meta WHERE kunci = 'node_id'").fetchone()
    return str(row[0]) if row else ""


# -- signed heads ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedHead:
    """A head as signed by its origin: the number and hash of the origin's newest entry."""

    asal: str
    urutan: int
    hash: str
    tanda: bytes


def head_message(asal: str, urutan: int, digest: str) -> bytes:
    """What an origin signs for its head."""
    return SIGN_CONTEXT + f"{asal}\0{int(urutan)}\0{digest}".encode("ascii", "replace")


def signature_ok(public_key: bytes, head: SignedHead) -> bool:
    try:
        nacl.signing.VerifyKey(public_key).verify(
            head_message(head.asal, head.urutan, head.hash), head.tanda
        )
    except (nacl.exceptions.BadSignatureError, ValueError, TypeError):
        return False
    return True


def write_head(conn: sqlite3.Connection, no: int, digest: str) -> None:
    """Keep the new head and its signature (inside the appending transaction)."""
    key = ensure_key(conn)
    signature = key.sign(head_message(node_id(conn), no, digest)).signature
    conn.executemany(
        "INSERT INTO lokal_meta (kunci, nilai) VALUES (?, ?) "
        "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
        [
            (HEAD_KEY, f"{no}:{digest}"),
            (SIGNATURE_KEY, base64.b64encode(signature).decode("ascii")),
        ],
    )


@dataclass(frozen=True)
class StoredHead:
    """The head as kept here: number, hash and the signature text (None: no signature row)."""

    urutan: int
    hash: str
    tanda: str | None

    @property
    def legacy(self) -> bool:
        """Written before heads were signed and not changed since (migration 18)."""
        return self.tanda == f"{LEGACY_PREFIX}{self.urutan}:{self.hash}"


def read_head(conn: sqlite3.Connection) -> StoredHead | None:
    rows = dict(
        conn.execute(
            "SELECT kunci, nilai FROM lokal_meta WHERE kunci IN (?, ?)", (HEAD_KEY, SIGNATURE_KEY)
        ).fetchall()
    )
    text = rows.get(HEAD_KEY)
    if text is None:
        return None
    no_text, _, digest = str(text).partition(":")
    try:
        no = int(no_text)
    except ValueError:
        no = -1
    signature = rows.get(SIGNATURE_KEY)
    return StoredHead(no, digest, None if signature is None else str(signature))


def own_signed_head(conn: sqlite3.Connection) -> SignedHead | None:
    """This installation's head with a valid signature (what goes into a sync package)."""
    head = read_head(conn)
    key = existing_key(conn)
    if head is None or key is None or head.tanda is None or head.legacy:
        return None
    try:
        signature = base64.b64decode(head.tanda, validate=True)
    except (binascii.Error, ValueError):
        return None
    signed = SignedHead(node_id(conn), head.urutan, head.hash, signature)
    return signed if signature_ok(bytes(key.verify_key), signed) else None


# -- heads seen by peers (migration 18) -----------------------------------------------------------

# Heads of one origin kept at most (the highest and the lower ones not yet confirmed).
MAX_KEPT = 32


@dataclass(frozen=True)
class KnownHead:
    """A head of ``asal`` seen here; ``sumber``: the installation whose package brought it.

    Per origin, the highest head seen is kept, and so is every lower head until the origin
    itself confirms that its trail still holds it (a *witness* in its package, see
    :mod:`app.sync.kepala_audit`): so that a trail rolled back and grown past a head a peer
    saw is still compared with that head. For this installation's own trail, the heads peers
    reported back are kept (the highest :data:`MAX_KEPT`)."""

    asal: str
    urutan: int
    hash: str
    tanda: bytes
    sumber: str
    diterima: str

    @property
    def signed(self) -> SignedHead:
        return SignedHead(self.asal, self.urutan, self.hash, self.tanda)


_KNOWN_COLUMNS = "origin, urutan, hash, tanda, sumber, diterima"


def _known(row: Any) -> KnownHead:
    return KnownHead(str(row[0]), int(row[1]), str(row[2]), bytes(row[3]), str(row[4]), row[5])


def get_known_head(
    conn: sqlite3.Connection, asal: str, urutan: int | None = None
) -> KnownHead | None:
    """The highest head of ``asal`` seen here, or the one at ``urutan``."""
    if urutan is None:
        row = conn.execute(
            f"SELECT {_KNOWN_COLUMNS} FROM lokal_audit_kepala_peer WHERE origin = ? "
            "ORDER BY urutan DESC LIMIT 1",
            (asal,),
        ).fetchone()
    else:
        row = conn.execute(
            f"SELECT {_KNOWN_COLUMNS} FROM lokal_audit_kepala_peer WHERE origin = ? AND urutan = ?",
            (asal, urutan),
        ).fetchone()
    return _known(row) if row else None


def list_known_heads(conn: sqlite3.Connection, asal: str | None = None) -> list[KnownHead]:
    """Every head kept (of one origin), by origin then number."""
    where, params = ("WHERE origin = ?", [asal]) if asal is not None else ("", [])
    return [
        _known(r)
        for r in conn.execute(
            f"SELECT {_KNOWN_COLUMNS} FROM lokal_audit_kepala_peer {where} ORDER BY origin, urutan",
            params,
        )
    ]


def write_known_head(conn: sqlite3.Connection, head: SignedHead, sumber: str) -> None:
    """Keep ``head`` (a head already kept at that number is left as it was: when the two
    differ, the first is the evidence). At most :data:`MAX_KEPT` per origin: the lowest go."""
    conn.execute(
        "INSERT INTO lokal_audit_kepala_peer (origin, urutan, hash, tanda, sumber, diterima) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin, urutan) DO NOTHING",
        (head.asal, head.urutan, head.hash, head.tanda, sumber, utc_now()),
    )
    conn.execute(
        "DELETE FROM lokal_audit_kepala_peer WHERE origin = ? AND urutan NOT IN ("
        "SELECT urutan FROM lokal_audit_kepala_peer WHERE origin = ? ORDER BY urutan DESC "
        "LIMIT ?)",
        (head.asal, head.asal, MAX_KEPT),
    )


def confirm_known_head(conn: sqlite3.Connection, asal: str, urutan: int) -> None:
    """The origin confirmed that its trail still holds the head at ``urutan``: a lower head is
    no longer needed (the highest is always kept)."""
    conn.execute(
        "DELETE FROM lokal_audit_kepala_peer WHERE origin = ? AND urutan = ? AND urutan < "
        "(SELECT max(urutan) FROM lokal_audit_kepala_peer WHERE origin = ?)",
        (asal, urutan, asal),
    )


def peer_name(conn: sqlite3.Connection, node: str) -> str:
    peer = sinkron.get_peer(conn, node)
    return peer.nama if peer is not None else node[:8]


def peer_key(conn: sqlite3.Connection, node: str) -> bytes | None:
    """The public signing key of a known installation (this one included), as the peers table
    of sync holds it (:mod:`app.models.storage.sinkron`)."""
    if node == node_id(conn):
        key = existing_key(conn)
        return None if key is None else bytes(key.verify_key)
    peer = sinkron.get_peer(conn, node)
    return None if peer is None else peer.kunci_tanda
