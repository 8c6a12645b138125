"""Signed heads of audit trails in sync packages (issue 12, item 4).

Every package carries, in its manifest (signed by the sender), the field ``audit_heads``: a list
of heads ``{"asal": node id, "urutan": number of the newest entry, "hash": its hash, "tanda":
the origin's Ed25519 signature (base64)}``:

* the sender's own head, with ``"saksi"`` (witnesses): for each head of the sender's trail that
  peers reported back, ``{"urutan": n, "hash": the hash of the sender's entry n now}``;
* every head the sender keeps of other installations (the highest of each, and lower ones their
  origin has not yet confirmed; the recipient's own among them, as the sender saw it).

An older Merit ignores the field; a package without it is read as carrying no heads.

On import (:func:`receive_heads`, inside the import's transaction) each head is checked against
the origin's public key known here (a peer, this installation, or an identity the sender
carries for a relayed origin); an unknown origin is skipped, a wrong signature is reported and
the head ignored. Then:

* a head of **this** installation: this trail must reach that number with the same hash there;
  otherwise "lebih pendek dari yang pernah dilihat peer X" or "berbeda", recorded as a break
  (:func:`app.models.access.audit_periksa.record_break`);
* the sender's own head lower than the highest seen here (its trail was cut, or its file rolled
  back), a head at a number kept here with another hash, or a witness of the sender that
  disagrees with a head kept here (its trail was written again, even past that number): reported
  and written to this trail as "Jejak audit peer tidak utuh";
* a witness that agrees confirms the head kept here, which is then dropped unless it is the
  highest; every head is kept (:func:`app.models.access.audit_kepala.write_known_head`).

The witnesses close the gap of a file rolled back and grown past a head a peer saw: the peer
keeps that head until the origin confirms it, sends it back with every package, and the
origin's own check then finds its entry at that number different.
"""

from __future__ import annotations

import base64
import binascii
import re
import sqlite3
from dataclasses import dataclass
from typing import Any, TypeGuard

from app.i18n import angka, tr
from app.models.access import audit, audit_kepala, audit_periksa
from app.models.access.audit_kepala import SignedHead
from app.models.storage.db import Database
from app.sync.identity import NODE_ID_RE

FIELD = "audit_heads"
MAX_HEADS = 10_000
MAX_WITNESSES = 64
_HASH_RE = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PackageHead:
    """A head as a package carries it; ``saksi``: (number, hash) the sender's trail holds now
    at heads of it that peers saw (only on the sender's own head)."""

    head: SignedHead
    saksi: tuple[tuple[int, str], ...] = ()


def _as_json(head: SignedHead) -> dict[str, Any]:
    return {
        "asal": head.asal,
        "urutan": head.urutan,
        "hash": head.hash,
        "tanda": base64.b64encode(head.tanda).decode("ascii"),
    }


def heads_for_package(db: Database) -> list[dict[str, Any]]:
    """The heads a package carries: this installation's own (when signed) with its witnesses,
    then the heads kept of every other installation."""
    conn = db.conn
    heads: list[dict[str, Any]] = []
    own = audit_kepala.own_signed_head(conn)
    if own is not None:
        witnesses: list[dict[str, Any]] = []
        for seen in reversed(audit_kepala.list_known_heads(conn, db.node_id)):
            local = audit_periksa.entry_hash_at(conn, seen.urutan)
            if local is not None and len(witnesses) < MAX_WITNESSES:
                witnesses.append({"urutan": seen.urutan, "hash": local})
        heads.append({**_as_json(own), "saksi": witnesses})
    others = [k for k in audit_kepala.list_known_heads(conn) if k.asal != db.node_id]
    # The highest of each origin first, then the lower ones kept, newest first: a package never
    # carries more than a recipient accepts.
    highest = {k.asal: k.urutan for k in others}
    others.sort(key=lambda k: (k.urutan != highest[k.asal], -k.urutan))
    heads += [_as_json(k.signed) for k in others[: MAX_HEADS - len(heads)]]
    return heads


def _is_number(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value < 2**53


def _witnesses(value: Any) -> tuple[tuple[int, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_WITNESSES:
        raise ValueError("saksi is not a list")
    out = []
    for item in value:
        if not isinstance(item, dict):
            raise ValueError("witness is not an object")
        urutan, digest = item.get("urutan"), item.get("hash")
        if not _is_number(urutan) or not isinstance(digest, str) or not _HASH_RE.match(digest):
            raise ValueError("malformed witness")
        out.append((int(urutan), digest))
    return tuple(out)


def parse_heads(value: Any) -> list[PackageHead]:
    """The heads of a manifest, checked for shape (not yet for signatures). Raises ValueError
    when the field is there but not a list of well-formed heads; absent means none."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_HEADS:
        raise ValueError("audit_heads is not a list of heads")
    heads: list[PackageHead] = []
    seen: set[tuple[str, int]] = set()
    for item in value:
        if not isinstance(item, dict):
            raise ValueError("head is not an object")
        asal, urutan, digest, tanda = (item.get(k) for k in ("asal", "urutan", "hash", "tanda"))
        if (
            not isinstance(asal, str)
            or not NODE_ID_RE.match(asal)
            or not _is_number(urutan)
            or (asal, urutan) in seen
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
        seen.add((asal, int(urutan)))
        heads.append(
            PackageHead(
                SignedHead(asal, int(urutan), digest, signature), _witnesses(item.get("saksi"))
            )
        )
    return heads


def _about_peer(
    conn: sqlite3.Connection,
    item: PackageHead,
    *,
    sender: str,
    name: str,
    highest: audit_kepala.KnownHead | None,
) -> list[str]:
    """What a head of another installation shows, against the heads kept of it here."""
    head = item.head
    found: list[str] = []
    if highest is not None and head.asal == sender and head.urutan < highest.urutan:
        found.append(
            tr(
                "Jejak audit {nama} lebih pendek dari yang pernah dilihat di sini: urutan "
                "{seen}, kini {now} (entri dihapus, atau berkasnya dikembalikan ke salinan "
                "lama).",
                nama=name,
                seen=angka(highest.urutan),
                now=angka(head.urutan),
            )
        )
    same = audit_kepala.get_known_head(conn, head.asal, head.urutan)
    if same is not None and same.hash != head.hash:
        found.append(_different(name, head.urutan))
    if head.asal == sender:
        for urutan, digest in item.saksi:
            kept = audit_kepala.get_known_head(conn, head.asal, urutan)
            if kept is not None and kept.hash != digest:
                found.append(_different(name, urutan))
    return found


def _confirm(conn: sqlite3.Connection, item: PackageHead, *, sender: str) -> None:
    """The sender's witnesses that agree with heads kept here confirm them (after its new head
    was kept, so that every lower one confirmed can go)."""
    if item.head.asal != sender:
        return
    for urutan, digest in item.saksi:
        kept = audit_kepala.get_known_head(conn, item.head.asal, urutan)
        if kept is not None and kept.hash == digest:
            audit_kepala.confirm_known_head(conn, item.head.asal, urutan)


def _different(name: str, urutan: int) -> str:
    return tr(
        "Jejak audit {nama} berbeda dari yang pernah dilihat di sini: entri no {n} lain "
        "(rantainya dipotong lalu ditulis ulang).",
        nama=name,
        n=angka(urutan),
    )


def receive_heads(
    db: Database,
    heads: list[PackageHead],
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
    for item in heads:
        head = item.head
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
        if head.asal == own:
            problem = audit_periksa.compare_seen(conn, head, sender)
            if problem is not None and problem.kode not in {p.kode for p in own_problems}:
                own_problems.append(problem)
        else:
            highest = audit_kepala.get_known_head(conn, head.asal)
            texts = _about_peer(conn, item, sender=sender, name=name, highest=highest)
            if texts:
                kept = peer_findings.setdefault(head.asal, [])
                kept += [t for t in texts if t not in kept]
        audit_kepala.write_known_head(conn, head, sender)
        _confirm(conn, item, sender=sender)
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
