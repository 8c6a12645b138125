"""Signed heads of audit trails in sync packages (issue 12, item 4).

Every package carries, in its manifest (signed by the sender), the field ``audit_heads``: a list
of heads ``{"asal": node id, "urutan": number of the newest entry, "hash": its hash, "tanda":
the origin's Ed25519 signature (base64)}``: this installation's own head and the highest head it
knows of every other installation (this recipient's own included, as the sender saw it). An
older Merit ignores the field; a package without it is read as carrying no heads.

On import (:func:`receive_heads`, inside the import's transaction) each head is checked against
the origin's public key known here (a peer, this installation, or an identity the sender
carries for a relayed origin); an unknown origin is skipped, a wrong signature is reported and
the head ignored. Then:

* a head of **this** installation: this trail must reach that number with the same hash there;
  otherwise "lebih pendek dari yang pernah dilihat peer X" or "berbeda", recorded as a break
  (:func:`app.models.access.audit_periksa.record_break`);
* the sender's own head lower than the highest seen here: its trail was cut (or its file rolled
  back); a head at the same number with another hash: its trail was written again. Both are
  reported and written to this trail;
* the highest head per origin is kept (``lokal_audit_kepala_peer``) and sent on.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from app.i18n import angka, tr
from app.models.access import audit, audit_kepala, audit_periksa
from app.models.access.audit_kepala import SignedHead
from app.models.storage.db import Database
from app.sync.identity import NODE_ID_RE

FIELD = "audit_heads"
MAX_HEADS = 10_000
_HASH_RE = re.compile(r"^[0-9a-f]{64}$")


def _as_json(head: SignedHead) -> dict[str, Any]:
    return {
        "asal": head.asal,
        "urutan": head.urutan,
        "hash": head.hash,
        "tanda": base64.b64encode(head.tanda).decode("ascii"),
    }


def heads_for_package(db: Database) -> list[dict[str, Any]]:
    """The heads a package carries: this installation's own (when signed), then the highest
    known of every other installation."""
    conn = db.conn
    heads: list[dict[str, Any]] = []
    own = audit_kepala.own_signed_head(conn)
    if own is not None:
        heads.append(_as_json(own))
    heads += [
        _as_json(known.signed)
        for known in audit_kepala.list_known_heads(conn)
        if known.asal != db.node_id
    ]
    return heads


def parse_heads(value: Any) -> list[SignedHead]:
    """The heads of a manifest, checked for shape (not yet for signatures). Raises ValueError
    when the field is there but not a list of well-formed heads; absent means none."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_HEADS:
        raise ValueError("audit_heads is not a list of heads")
    heads: list[SignedHead] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, dict):
            raise ValueError("head is not an object")
        asal, urutan, digest, tanda = (item.get(k) for k in ("asal", "urutan", "hash", "tanda"))
        if (
            not isinstance(asal, str)
            or not NODE_ID_RE.match(asal)
            or asal in seen
            or not isinstance(urutan, int)
            or isinstance(urutan, bool)
            or not 1 <= urutan < 2**53
            or not isinstance(digest, str)
            or not _HASH_RE.match(digest)
            or not isinstance(tanda, str)
        ):
            raise ValueError("malformed head")
        try:
            signature = base64.b64decode(tanda, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("malformed head signature") from None
        if len(signature) != 64:
            raise ValueError("malformed head signature")
        seen.add(asal)
        heads.append(SignedHead(asal, int(urutan), digest, signature))
    return heads


def receive_heads(
    db: Database,
    heads: list[SignedHead],
    *,
    sender: str,
    carried_keys: dict[str, tuple[str, bytes]],
    actor: str,
) -> list[str]:
    """Check and keep the heads a package carried (inside the import's transaction); returns
    what was found, one sentence each. ``carried_keys``: node id -> (name, public signing key)
    of relayed origins the sender carries identities for."""
    conn = db.conn
    own = db.node_id
    sender_name = audit_kepala.peer_name(conn, sender)
    found: list[str] = []
    own_problems: list[audit_periksa.Masalah] = []
    peer_findings: dict[str, list[str]] = {}
    for head in heads:
        key = audit_kepala.peer_key(conn, head.asal)
        name = audit_kepala.peer_name(conn, head.asal)
        if key is None and head.asal in carried_keys:
            name, key = carried_keys[head.asal]
        if key is None:
            continue  # an installation unknown here: nothing to check it with
        if head.asal == own:
            name = tr("instalasi ini")
        if not audit_kepala.signature_ok(key, head):
            found.append(
                tr(
                    "Kepala jejak audit {nama} yang dibawa paket dari {pengirim} tidak sah "
                    "(tanda tangan tidak cocok); diabaikan.",
                    nama=name,
                    pengirim=sender_name,
                )
            )
            continue
        known = audit_kepala.get_known_head(conn, head.asal)
        if head.asal == own:
            problem = audit_periksa.compare_seen(conn, head, sender)
            if problem is not None:
                own_problems.append(problem)
        elif known is not None:
            text = None
            if head.asal == sender and head.urutan < known.urutan:
                text = tr(
                    "Jejak audit {nama} lebih pendek dari yang pernah dilihat di sini: urutan "
                    "{seen}, kini {now} (entri dihapus, atau berkasnya dikembalikan ke salinan "
                    "lama).",
                    nama=name,
                    seen=angka(known.urutan),
                    now=angka(head.urutan),
                )
            elif head.urutan == known.urutan and head.hash != known.hash:
                text = tr(
                    "Jejak audit {nama} berbeda dari yang pernah dilihat di sini: entri no {n} "
                    "lain (rantainya dipotong lalu ditulis ulang).",
                    nama=name,
                    n=angka(head.urutan),
                )
            if text is not None:
                peer_findings.setdefault(head.asal, []).append(text)
        audit_kepala.write_known_head(conn, head, sender)
    if own_problems:
        audit_periksa.record_break(
            conn,
            own_problems,
            actor=actor,
            konteks=tr("saat impor paket dari {nama}", nama=sender_name),
        )
    for origin, texts in peer_findings.items():
        audit.append(
            conn,
            aktor=actor,
            aksi=tr("Jejak audit peer tidak utuh"),
            tabel=audit_periksa.BREAK_TABLE,
            record_id=origin,
            keterangan=" ".join(texts),
        )
    about_peers = [text for texts in peer_findings.values() for text in texts]
    return [p.pesan for p in own_problems] + about_peers + found
