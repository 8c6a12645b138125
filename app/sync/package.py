"""The package file (``.merit``) and its export.

Layout of a file::

    MAGIC (8) | format version (1) | mode (1) | mode header | ciphertext

* mode 1 (for peers): a count (1 byte), then per recipient its node id (36 ASCII) and a
  random 32-byte content key sealed for the recipient's X25519 key (``SealedBox``, 80 bytes); the
  ciphertext is the payload under ``SecretBox`` with that content key. One key per package, so a
  package for several peers is one file.
* mode 2 (passphrase, for a recipient not yet known): salt (16), opslimit (4), memlimit (4,
  KiB), then the payload under ``SecretBox`` with the key from Argon2id. Absurd parameters are
  refused before any work.

The payload is a zip, built and read in memory only (never unpacked to disk), holding
``manifest.json`` (format and schema version, sender, recipients, the sender's version vector,
member sizes and SHA-256, identities of the origins of relayed batches), ``manifest.sig`` (the
sender's Ed25519 signature over the manifest bytes) and ``batches.ndjson`` (one batch per line,
each with its origin's signature, which stays the original author's when relayed).

Own batches are signed at export, not at write time: the key belongs to app/sync and the write
path stays free of key handling (and of its cost on bulk writes); a batch is immutable and
hashed when written, so signing its hash later is equivalent. The signature covers the batch hash
(origin, seq, clock, version vector, schema, operations) and the actor.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nacl.public
import nacl.pwhash
import nacl.secret
import nacl.signing
import nacl.utils

from app.i18n import tr
from app.models.access.akses import record_access, require
from app.models.errors import MeritError, ValidationError
from app.models.storage import changelog, sinkron
from app.models.storage.db import Database, utc_now, write_transaction
from app.models.storage.faults import translated_errors
from app.sync import identity as ident_mod
from app.sync import kepala_audit
from app.sync import roster as roster_mod

MAGIC = b"MERITPKG"
FORMAT_VERSION = 1
PACKAGE_FORMAT = "merit-paket"
MODE_PEERS = 1
MODE_PASSPHRASE = 2
NODE_ID_LEN = 36
SEALED_KEY_LEN = 80  # ephemeral public key (32) + MAC (16) + content key (32)
MAX_RECIPIENTS = 64

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
BATCHES = "batches.ndjson"
MEMBERS = (MANIFEST, SIGNATURE, BATCHES)

# Argon2id for passphrase packages: moderate cost on export, bounded on import.
OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE
MAX_OPSLIMIT = 16
MAX_MEMLIMIT = 1024 * 1024 * 1024  # 1 GiB
SALT_LEN = nacl.pwhash.argon2id.SALTBYTES

BATCH_SIGN_CONTEXT = b"merit-batch-v1\0"
MANIFEST_SIGN_CONTEXT = b"merit-manifest-v1\0"


class PackageError(MeritError):
    """A package that cannot be written or read."""

    exit_code = 2


def batch_message(digest: str, actor: str) -> bytes:
    """What an origin signs for one batch: its hash and its actor."""
    return BATCH_SIGN_CONTEXT + digest.encode("ascii") + b"\0" + actor.encode("utf-8")


def manifest_message(manifest_bytes: bytes) -> bytes:
    return MANIFEST_SIGN_CONTEXT + manifest_bytes


# -- encryption -----------------------------------------------------------------------------------


def _passphrase_key(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return bytes(
        nacl.pwhash.argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE,
            passphrase.encode("utf-8"),
            salt,
            opslimit=opslimit,
            memlimit=memlimit,
        )
    )


def seal_for_peers(payload: bytes, recipients: Sequence[ident_mod.Identity]) -> bytes:
    if not 1 <= len(recipients) <= MAX_RECIPIENTS:
        raise PackageError(tr("Jumlah penerima paket tidak sah."))
    content_key = nacl.utils.random(nacl.secret.SecretBox.KEY_SIZE)
    parts = [MAGIC, bytes([FORMAT_VERSION, MODE_PEERS, len(recipients)])]
    for peer in recipients:
        sealed = nacl.public.SealedBox(nacl.public.PublicKey(peer.kunci_enkripsi)).encrypt(
            content_key
        )
        assert len(sealed) == SEALED_KEY_LEN and len(peer.node_id) == NODE_ID_LEN
        parts.append(peer.node_id.encode("ascii") + sealed)
    parts.append(bytes(nacl.secret.SecretBox(content_key).encrypt(payload)))
    return b"".join(parts)


def seal_with_passphrase(payload: bytes, passphrase: str) -> bytes:
    if len(passphrase) < 8:
        raise ValidationError(
            tr("Kata sandi paket terlalu pendek (sedikitnya 8 karakter)."), field="passphrase"
        )
    salt = nacl.utils.random(SALT_LEN)
    key = _passphrase_key(passphrase, salt, OPSLIMIT, MEMLIMIT)
    header = (
        MAGIC
        + bytes([FORMAT_VERSION, MODE_PASSPHRASE])
        + salt
        + struct.pack(">II", OPSLIMIT, MEMLIMIT // 1024)
    )
    return header + bytes(nacl.secret.SecretBox(key).encrypt(payload))


# -- export ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    penerima: tuple[str, ...]  # node ids the package is encrypted for (empty: passphrase)
    batch: int
    operasi: int
    ukuran: int
    penuh: bool


def slug(text: str) -> str:
    """A file-name-safe, lower-case ASCII form of a name
    ("BKPSDM Kota Kupang" -> "bkpsdm-kota-kupang")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cleaned[:40].strip("-") or "instalasi"


def default_filename(db: Database, to: str | None, when: datetime | None = None) -> str:
    """``merit-<from>-<to>-<yyyymmdd-hhmm>.merit`` (local time), names slugified."""
    when = when or datetime.now()
    target = "semua" if to is None else slug(to)
    return f"merit-{slug(ident_mod.own_identity(db).nama)}-{target}-{when:%Y%m%d-%H%M}.merit"


def _sign_own_batches(db: Database) -> None:
    """Sign this installation's batches that are not signed yet (in one transaction)."""
    origin = db.node_id
    if not changelog.has_unsigned(db.conn, origin):
        return
    key = ident_mod.signing_key(db)
    with translated_errors(db.path), write_transaction(db) as conn:
        changelog.write_signatures(
            conn,
            origin,
            [
                (seq, key.sign(batch_message(digest, actor)).signature)
                for seq, digest, actor in changelog.read_unsigned(conn, origin)
            ],
        )


def _selection(db: Database, since: dict[str, int] | None) -> list[tuple[str, int]]:
    """(origin, first seq to send) for every origin held, given what the receiver acknowledged."""
    versi = changelog.read_versions(db.conn)
    return [
        (origin, (since or {}).get(origin, 0) + 1)
        for origin, seq in sorted(versi.items())
        if seq > (since or {}).get(origin, 0)
    ]


def waiting_for(db: Database, node_id: str) -> tuple[int, int]:
    """Batches and operations held here that the peer has not acknowledged."""
    peer = ident_mod.get_peer(db, node_id)
    since = peer.vv_diakui if peer else {}
    batches = ops = 0
    for origin, first in _selection(db, since):
        n, o = changelog.count_from(db.conn, origin, first)
        batches += n
        ops += o
    return batches, ops


def _batch_lines(
    db: Database, selection: Iterable[tuple[str, int]]
) -> Iterator[tuple[str, int, bytes]]:
    for origin, first in selection:
        for row in changelog.read_stored_from(db.conn, origin, first):
            if row[7] is None:  # an own batch written after signing began: it goes next time
                break
            line = {
                "origin": row[0],
                "seq": row[1],
                "hlc": row[2],
                "vv": json.loads(row[3]),
                "ops": base64.b64encode(row[4]).decode("ascii"),
                "n": row[5],
                "hash": row[6],
                "sig": base64.b64encode(bytes(row[7])).decode("ascii"),
                "schema": row[8],
                "actor": row[9],
            }
            yield (
                row[0],
                int(row[5]),
                json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n",
            )


def export_package(
    db: Database,
    out: Path,
    *,
    to: str | None = None,
    all_peers: bool = False,
    full: bool = False,
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    actor: str = "sistem",
) -> ExportResult:
    """Write a package (``actor`` needs the right ``sync.ekspor``; the export is audited).

    * ``to``: a peer (name or node id): only what it has not acknowledged, unless ``full``;
      encrypted for its key (or with ``passphrase`` when given).
    * ``all_peers``: one package for every trusted peer (each can open it), with everything any
      of them has not acknowledged (everything when ``full``).
    * neither: a full package encrypted with ``passphrase`` (required), for an installation not
      yet known.

    ``out`` is a file, or an existing folder for the default file name.
    """
    require(db, actor, "sync.ekspor")
    if to is None and not all_peers and passphrase is None:
        raise ValidationError(
            tr("Pilih peer penerima, semua peer, atau beri kata sandi paket."), field="to"
        )
    peers: list[ident_mod.Peer] = []
    if to is not None:
        peers = [ident_mod.find_peer(db, to)]
    elif all_peers:
        peers = [p for p in ident_mod.list_peers(db) if p.dipercaya and p.sumber == "manual"]
        if not peers and passphrase is None:
            raise ValidationError(tr("Belum ada peer tepercaya untuk dikirimi paket."), field="to")
    since: dict[str, int] | None = None
    if peers and not full:
        since = {
            o: min(p.vv_diakui.get(o, 0) for p in peers) for o in changelog.read_versions(db.conn)
        }
    is_full = since is None or not any(since.values())
    if is_full:
        # Everything the installation holds (every employee's NIK, address, salary), readable
        # by whoever holds the passphrase: a right of its own.
        require(db, actor, "sync.ekspor_penuh")
    own = ident_mod.own_identity(db)
    _sign_own_batches(db)
    selection = _selection(db, since)
    total = sum(changelog.count_from(db.conn, o, f)[0] for o, f in selection)
    ndjson = io.BytesIO()
    origins: set[str] = set()
    count = ops = 0
    for origin, n, line in _batch_lines(db, selection):
        ndjson.write(line)
        origins.add(origin)
        count += 1
        ops += n
        if progress and count % 50 == 0:
            progress(count, total)
    batches_bytes = ndjson.getvalue()
    relayed = []
    for origin in sorted(origins - {own.node_id}):
        known = ident_mod.known_identity(db, origin)
        if known is not None:
            relayed.append(known.public_dict())
    manifest = {
        "format": PACKAGE_FORMAT,
        "versi_format": FORMAT_VERSION,
        "versi_skema": db.schema_version,
        "pengirim": own.public_dict(),
        "penerima": [p.node_id for p in peers],
        "dibuat": utc_now(),
        "vv": changelog.read_versions(db.conn),
        "penuh": is_full,
        "jumlah_batch": count,
        "anggota": [
            {
                "nama": BATCHES,
                "ukuran": len(batches_bytes),
                "sha256": hashlib.sha256(batches_bytes).hexdigest(),
            }
        ],
        "identitas_asal": relayed,
        kepala_audit.FIELD: kepala_audit.heads_for_package(db),  # signed audit heads
    }
    # Additive fields (older Merit ignores them): the agency and its signed roster.
    signed_roster = roster_mod.signed_for_package(db)
    agency = roster_mod.own_agency(db)
    if agency is not None:
        manifest["instansi_id"] = agency
    if signed_roster is not None:
        manifest["roster"] = signed_roster
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    signature = ident_mod.signing_key(db).sign(manifest_message(manifest_bytes)).signature
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, signature)
        zf.writestr(BATCHES, batches_bytes)
    payload = buffer.getvalue()
    if passphrase is not None:
        data = seal_with_passphrase(payload, passphrase)
    else:
        data = seal_for_peers(payload, [p.identity for p in peers])
    out = Path(out)
    if out.is_dir():
        out = out / default_filename(db, peers[0].nama if len(peers) == 1 else None)
    try:
        tmp = out.with_name(out.name + ".sementara")
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        raise PackageError(
            tr("Paket {path} tidak dapat ditulis: {detail}", path=out, detail=exc.strerror)
        ) from exc
    if peers:
        with translated_errors(db.path):
            sinkron.write_sent(db.conn, [p.node_id for p in peers])
    if progress:
        progress(total, total)
    record_access(
        db,
        actor,
        tr("Membuat paket sinkronisasi"),
        keterangan=tr(
            "{path}: {n} batch, {jenis}, untuk {to}",
            path=out.name,
            n=count,
            jenis=tr("lengkap") if is_full else tr("susulan"),
            to=", ".join(p.nama for p in peers) or tr("pemegang kata sandi"),
        ),
    )
    return ExportResult(
        out,
        tuple(p.node_id for p in peers) if passphrase is None else (),
        count,
        ops,
        len(data),
        is_full,
    )
