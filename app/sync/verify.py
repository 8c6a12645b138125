"""Reading and checking a package before anything is written.

Checks, in this order, each with a hard limit before reading further: file size; header;
decryption (for this installation's key, or the passphrase, with bounded Argon2id parameters);
the zip's central directory (member count, names, declared and actual sizes, compression ratio,
total); the manifest (UTF-8, JSON without NaN/Infinity, depth, types); the sender is a trusted
peer; the sender's signature over the manifest; member hashes; then every batch: its hash
recomputed, its origin's signature against a known identity (origins relayed by a trusted sender
are accepted with the identity the sender carries), and every table and column name against the
replicated schema, values scalar only. Any failure refuses the whole package with a
:class:`PackageRefused`; nothing has been written by then. Applying what passed is
:mod:`app.sync.importer`.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from itertools import chain, compress
from pathlib import Path
from typing import Any, TypeGuard

import nacl.exceptions
import nacl.public
import nacl.pwhash
import nacl.secret
import nacl.signing

from app.i18n import tr
from app.models.access import kunci
from app.models.storage import roster as roster_store
from app.models.storage.changelog import RemoteBatch, batch_hash
from app.models.storage.db import Database
from app.models.storage.skema import schema_of
from app.sync import identity as ident_mod
from app.sync import kepala_audit
from app.sync import package as pkg
from app.sync import roster as roster_mod

# -- limits ---------------------------------------------------------------------------------------
MAX_FILE = 512 * 1024 * 1024
MAX_MEMBERS = 8
MAX_MANIFEST = 4 * 1024 * 1024
MAX_TOTAL = 1024 * 1024 * 1024  # uncompressed, all members together
MAX_RATIO = 100  # uncompressed / compressed, per member
MAX_LINE = 128 * 1024 * 1024
MAX_OPS_BYTES = 64 * 1024 * 1024  # one batch's operations, decompressed
MAX_OPS_PER_BATCH = 100_000
MAX_JSON_DEPTH = 8
MAX_VV = 10_000
MAX_TEXT = 1_000_000

HLC_RE = re.compile(r"^[0-9]{15}\.[0-9]{6}$")
HASH_RE = re.compile(r"^[0-9a-f]{64}$")
IDENT_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
ROW_ID_MAX = 64


class PackageRefused(pkg.PackageError):
    """The package is refused whole (damaged, tampered, too big, or not allowed)."""


class UntrustedSender(PackageRefused):
    """The sender is unknown here or not trusted."""


class WrongRecipient(PackageRefused):
    """Not for this installation, or a wrong passphrase."""


def refuse(reason: str) -> PackageRefused:
    return PackageRefused(tr("Paket ditolak: {reason}", reason=reason))


# -- reading the container ------------------------------------------------------------------------


def read_file(path: Path) -> bytes:
    """The bytes of a package file, refused when it is too big to be one."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageRefused(
            tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=exc.strerror)
        ) from exc
    if size > MAX_FILE:
        raise refuse(tr("berkas terlalu besar (lebih dari {n} MB).", n=MAX_FILE // 2**20))
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise refuse(tr("berkas terlalu besar (lebih dari {n} MB).", n=MAX_FILE // 2**20))
    return data


def own_box_key(db: Database) -> nacl.public.PrivateKey | None:
    """This installation's decryption key, without creating one (nothing is written)."""
    key = kunci.existing_signing_key(db)
    return None if key is None else key.to_curve25519_private_key()


@dataclass(frozen=True)
class Envelope:
    mode: int
    payload: bytes


def open_envelope(db: Database, data: bytes, passphrase: str | None) -> Envelope:
    """Check the header and decrypt."""
    head = len(pkg.MAGIC)
    if len(data) < head + 2 or data[:head] != pkg.MAGIC:
        raise refuse(tr("ini bukan paket Merit (atau berkasnya terpotong)."))
    version, mode = data[head], data[head + 1]
    if version != pkg.FORMAT_VERSION:
        raise refuse(tr("versi format paket {v} tidak dikenal; perbarui Merit.", v=version))
    pos = head + 2
    if mode == pkg.MODE_PEERS:
        if len(data) < pos + 1:
            raise refuse(tr("kepala paket terpotong."))
        count = data[pos]
        pos += 1
        entry = pkg.NODE_ID_LEN + pkg.SEALED_KEY_LEN
        if not 1 <= count <= pkg.MAX_RECIPIENTS or len(data) < pos + count * entry:
            raise refuse(tr("kepala paket rusak atau terpotong."))
        sealed: bytes | None = None
        for i in range(count):
            start = pos + i * entry
            node = data[start : start + pkg.NODE_ID_LEN]
            if node == db.node_id.encode("ascii"):
                sealed = data[start + pkg.NODE_ID_LEN : start + entry]
        pos += count * entry
        if sealed is None:
            raise WrongRecipient(
                tr(
                    "Paket ditolak: paket ini dibuat untuk instalasi lain, bukan untuk "
                    "instalasi ini."
                )
            )
        key = own_box_key(db)
        try:
            if key is None:
                raise nacl.exceptions.CryptoError("no key")
            content_key = nacl.public.SealedBox(key).decrypt(sealed)
            payload = nacl.secret.SecretBox(content_key).decrypt(data[pos:])
        except (nacl.exceptions.CryptoError, ValueError, TypeError):
            raise WrongRecipient(
                tr(
                    "Paket ditolak: paket tidak dapat dibuka dengan kunci instalasi ini "
                    "(rusak, terpotong, atau untuk kunci lain)."
                )
            ) from None
        return Envelope(mode, bytes(payload))
    if mode == pkg.MODE_PASSPHRASE:
        if len(data) < pos + pkg.SALT_LEN + 8:
            raise refuse(tr("kepala paket terpotong."))
        salt = data[pos : pos + pkg.SALT_LEN]
        opslimit, mem_kib = struct.unpack(">II", data[pos + pkg.SALT_LEN : pos + pkg.SALT_LEN + 8])
        memlimit = mem_kib * 1024
        pos += pkg.SALT_LEN + 8
        if not (
            nacl.pwhash.argon2id.OPSLIMIT_MIN <= opslimit <= pkg.MAX_OPSLIMIT
            and nacl.pwhash.argon2id.MEMLIMIT_MIN <= memlimit <= pkg.MAX_MEMLIMIT
        ):
            raise refuse(tr("parameter kata sandi paket tidak wajar."))
        if passphrase is None:
            raise WrongRecipient(
                tr("Paket ini dikunci dengan kata sandi. Masukkan kata sandinya untuk membuka.")
            )
        try:
            secret = pkg._passphrase_key(passphrase, salt, opslimit, memlimit)
            payload = nacl.secret.SecretBox(secret).decrypt(data[pos:])
        except (nacl.exceptions.CryptoError, ValueError, TypeError):
            raise WrongRecipient(
                tr("Paket ditolak: kata sandi salah, atau paket rusak atau terpotong.")
            ) from None
        return Envelope(mode, bytes(payload))
    raise refuse(tr("jenis penguncian paket tidak dikenal."))


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    chunks: list[bytes] = []
    total = 0
    with zf.open(info) as handle:
        while True:
            chunk = handle.read(min(1 << 20, info.file_size + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > info.file_size:
                raise refuse(
                    tr("isi {name} lebih besar daripada yang dinyatakan.", name=info.filename)
                )
            chunks.append(chunk)
    if total != info.file_size:
        raise refuse(tr("isi {name} tidak sesuai ukurannya.", name=info.filename))
    return b"".join(chunks)


def read_members(payload: bytes) -> dict[str, bytes]:
    """The members of the zip, after checking the central directory against the limits."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(payload))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise refuse(tr("isi paket rusak.")) from None
    if len(infos) > MAX_MEMBERS:
        raise refuse(tr("paket berisi terlalu banyak berkas."))
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise refuse(tr("paket berisi nama berkas ganda."))
    for info in infos:
        name = info.filename
        if (
            "/" in name
            or "\\" in name
            or ".." in name
            or "\0" in name
            or ":" in name
            or name not in pkg.MEMBERS
        ):
            raise refuse(tr("paket berisi berkas dengan nama tak dikenal: {name}", name=name[:80]))
        if info.flag_bits & 0x1:
            raise refuse(tr("paket berisi berkas terenkripsi zip."))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(tr("paket memakai kompresi yang tidak dikenal."))
        if info.file_size > MAX_TOTAL:
            raise refuse(tr("ukuran {name} yang dinyatakan terlalu besar.", name=name))
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 16:
            raise refuse(tr("rasio pemadatan {name} tidak wajar (bom zip?).", name=name))
    if sum(i.file_size for i in infos) > MAX_TOTAL:
        raise refuse(tr("ukuran isi paket seluruhnya terlalu besar."))
    if set(names) != set(pkg.MEMBERS):
        raise refuse(tr("paket tidak lengkap atau berisi berkas lain."))
    by_name = {i.filename: i for i in infos}
    if by_name[pkg.MANIFEST].file_size > MAX_MANIFEST:
        raise refuse(tr("manifest paket terlalu besar."))
    if by_name[pkg.SIGNATURE].file_size != 64:
        raise refuse(tr("tanda tangan paket rusak."))
    try:
        return {name: _read_member(zf, info) for name, info in by_name.items()}
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, PackageRefused):
            raise
        raise refuse(tr("isi paket rusak.")) from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"constant {name}")


def _depth(value: Any, limit: int) -> int:
    stack: list[tuple[Any, int]] = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > limit:
            return depth
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def strict_json(raw: bytes, what: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """JSON from bytes: valid UTF-8, no NaN/Infinity, bounded depth."""
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise refuse(tr("{what} bukan teks UTF-8 yang sah.", what=what)) from None
    except RecursionError:
        raise refuse(tr("{what} bersarang terlalu dalam.", what=what)) from None
    except ValueError:
        raise refuse(tr("{what} bukan JSON yang sah.", what=what)) from None
    if _depth(value, max_depth) > max_depth:
        raise refuse(tr("{what} bersarang terlalu dalam.", what=what))
    return value


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_vv(value: Any, what: str) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > MAX_VV:
        raise refuse(tr("{what}: vektor versi tidak sah.", what=what))
    for k, v in value.items():
        if not ident_mod.NODE_ID_RE.match(k) or not _is_int(v) or not 0 <= v < 2**53:
            raise refuse(tr("{what}: vektor versi tidak sah.", what=what))
    return {str(k): int(v) for k, v in value.items()}


def _identity_from(value: Any, what: str) -> ident_mod.Identity:
    if not isinstance(value, dict):
        raise refuse(tr("{what}: identitas tidak sah.", what=what))
    node_id, nama = value.get("node_id"), value.get("nama")
    if not isinstance(node_id, str) or not ident_mod.NODE_ID_RE.match(node_id):
        raise refuse(tr("{what}: id node tidak sah.", what=what))
    if not isinstance(nama, str) or not 1 <= len(nama) <= ident_mod.MAX_NAME:
        raise refuse(tr("{what}: nama tidak sah.", what=what))
    keys = []
    for name in ("kunci_tanda", "kunci_enkripsi"):
        raw_value = value.get(name)
        try:
            raw = base64.b64decode(raw_value, validate=True) if isinstance(raw_value, str) else b""
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise refuse(tr("{what}: kunci tidak sah.", what=what))
        keys.append(raw)
    return ident_mod.Identity(node_id, nama, keys[0], keys[1])


@dataclass
class Manifest:
    versi_skema: int
    pengirim: ident_mod.Identity
    penerima: list[str]
    vv: dict[str, int]
    jumlah_batch: int
    anggota: dict[str, tuple[int, str]]
    identitas_asal: dict[str, ident_mod.Identity]
    # Signed audit heads (signatures checked on import, app/sync/kepala_audit.py).
    audit_heads: list[kepala_audit.PackageHead] = field(default_factory=list)
    instansi_id: str | None = None  # the sender's agency (absent: a sender without a roster)
    roster: tuple[roster_store.RosterData, bytes] | None = None  # checked signature


def parse_manifest(raw: bytes) -> Manifest:
    body = strict_json(raw, tr("manifest"))
    if not isinstance(body, dict) or body.get("format") != pkg.PACKAGE_FORMAT:
        raise refuse(tr("manifest bukan manifest paket Merit."))
    if body.get("versi_format") != pkg.FORMAT_VERSION:
        raise refuse(tr("versi format manifest tidak dikenal; perbarui Merit."))
    versi = body.get("versi_skema")
    if not _is_int(versi) or not 1 <= versi <= 100_000:
        raise refuse(tr("versi skema di manifest tidak sah."))
    penerima = body.get("penerima")
    if not isinstance(penerima, list) or not all(
        isinstance(p, str) and ident_mod.NODE_ID_RE.match(p) for p in penerima
    ):
        raise refuse(tr("daftar penerima di manifest tidak sah."))
    jumlah = body.get("jumlah_batch")
    if not _is_int(jumlah) or jumlah < 0:
        raise refuse(tr("jumlah batch di manifest tidak sah."))
    anggota: dict[str, tuple[int, str]] = {}
    members = body.get("anggota")
    if not isinstance(members, list) or len(members) > MAX_MEMBERS:
        raise refuse(tr("daftar isi di manifest tidak sah."))
    for m in members:
        if not isinstance(m, dict):
            raise refuse(tr("daftar isi di manifest tidak sah."))
        name, size, digest = m.get("nama"), m.get("ukuran"), m.get("sha256")
        if (
            name not in pkg.MEMBERS
            or not _is_int(size)
            or not isinstance(digest, str)
            or not HASH_RE.match(digest)
        ):
            raise refuse(tr("daftar isi di manifest tidak sah."))
        anggota[str(name)] = (int(size), digest)
    asal: dict[str, ident_mod.Identity] = {}
    relayed = body.get("identitas_asal")
    if not isinstance(relayed, list) or len(relayed) > MAX_VV:
        raise refuse(tr("identitas asal di manifest tidak sah."))
    for item in relayed:
        found = _identity_from(item, tr("identitas asal"))
        asal[found.node_id] = found
    try:
        heads = kepala_audit.parse_heads(body.get(kepala_audit.FIELD))
    except ValueError:
        raise refuse(tr("kepala jejak audit di manifest tidak sah.")) from None
    instansi = body.get("instansi_id")
    if instansi is not None and (
        not isinstance(instansi, str) or not ident_mod.NODE_ID_RE.match(instansi)
    ):
        raise refuse(tr("id instansi di manifest tidak sah."))
    roster = None
    if body.get("roster") is not None:
        try:
            roster = roster_mod.parse_signed(body.get("roster"))
        except roster_mod.RosterError as exc:
            raise refuse(str(exc)) from None
        if instansi is not None and roster[0].instansi_id != instansi:
            raise refuse(tr("id instansi di manifest tidak cocok dengan rosternya."))
    return Manifest(
        int(versi),
        _identity_from(body.get("pengirim"), tr("pengirim")),
        [str(p) for p in penerima],
        _check_vv(body.get("vv"), tr("manifest")),
        int(jumlah),
        anggota,
        asal,
        heads,
        instansi,
        roster,
    )


# -- batches --------------------------------------------------------------------------------------


def _scalar(value: Any) -> bool:
    if value is None or isinstance(value, str):
        return not isinstance(value, str) or len(value) <= MAX_TEXT
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    if isinstance(value, float):
        return math.isfinite(value)
    return False


def _inflate(blob: bytes, what: str) -> bytes:
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(blob, MAX_OPS_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise refuse(tr("{what}: operasi terlalu besar atau rusak.", what=what))
    except zlib.error:
        raise refuse(tr("{what}: operasi rusak.", what=what)) from None
    return raw


_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
_SCALAR_KINDS = frozenset({str, int, float, type(None)})
# An integer out of the 64-bit range has 19 digits or more; a float that overflows to infinity
# has a three-digit exponent or some 300 digits. A batch without either needs no look at its
# numbers one by one (a text that happens to look so only costs that look).
_BIG_NUMBER = re.compile(rb"[0-9]{19}|[eE][+-]?[0-9]{3}")


def _ops_valid(
    ops: Any, schema: dict[str, tuple[str, ...]] | None, expected: int | None, raw: bytes
) -> bool:
    """The checks of :func:`_refuse_ops` without the reasons, over whole columns of the
    decoded operations at once (the common case: a sound batch). A list of ``[table, row id,
    {column: scalar}]`` is never deeper than the limit of four levels, so the depth needs no
    separate walk."""
    if type(ops) is not list or len(ops) > MAX_OPS_PER_BATCH:
        return False
    if expected is not None and len(ops) != expected:
        return False
    if not ops:
        return True
    if set(map(type, ops)) != {list} or set(map(len, ops)) != {3}:
        return False
    tables, row_ids, fieldses = zip(*ops, strict=True)
    if set(map(type, tables)) != {str} or set(map(type, row_ids)) != {str}:
        return False
    if set(map(type, fieldses)) != {dict}:
        return False
    if min(map(len, row_ids)) < 1 or max(map(len, row_ids)) > ROW_ID_MAX:
        return False
    distinct = set(tables)
    for table in distinct:
        same = fieldses if len(distinct) == 1 else compress(fieldses, map(table.__eq__, tables))
        names: set[str] = set().union(*same)
        if schema is None:
            if not IDENT_RE.match(table) or "id" in names:
                return False
            if not all(IDENT_RE.match(k) for k in names):
                return False
        else:
            columns = schema.get(table)
            if columns is None or "id" in names or not names.issubset(columns):
                return False
    values = chain.from_iterable(map(dict.values, fieldses))
    if not _SCALAR_KINDS.issuperset(map(type, values)):  # bool, list and dict are refused
        return False
    if len(raw) <= MAX_TEXT and not _BIG_NUMBER.search(raw):
        return True
    for value in chain.from_iterable(map(dict.values, fieldses)):
        kind = type(value)
        if kind is str:
            if len(value) > MAX_TEXT:
                return False
        elif kind is int:
            if not _INT_MIN <= value <= _INT_MAX:
                return False
        elif kind is float and not math.isfinite(value):
            return False
    return True


def decode_checked_ops(
    blob: bytes, schema: dict[str, tuple[str, ...]] | None, expected: int | None, what: str
) -> tuple[bytes, list[list[Any]]]:
    """Decompress (bounded) and check a batch's operations against the replicated schema
    (``schema`` None: a package kept aside for a newer schema; names are checked when it is
    applied after the upgrade). A sound batch is checked in one pass (:func:`_ops_valid`); one
    that fails is checked again step by step for the reason it is refused with."""
    raw = _inflate(blob, what)
    try:
        ops = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        ops = None
    if ops is not None and _ops_valid(ops, schema, expected, raw):
        return raw, ops
    _refuse_ops(raw, schema, expected, what)
    raise refuse(tr("{what}: operasi tidak sah.", what=what))  # not reached: a reason is found


def decode_trusted_ops(blob: bytes) -> list[list[Any]]:
    """The operations of a batch that :func:`decode_checked_ops` accepted earlier in this
    import (the same bytes in memory): decoded again without the checks."""
    return list(json.loads(zlib.decompress(blob)))


def _refuse_ops(
    raw: bytes, schema: dict[str, tuple[str, ...]] | None, expected: int | None, what: str
) -> None:
    """The checks of a batch's operations one by one: raises with the first reason found."""
    ops = strict_json(raw, what, max_depth=4)
    if not isinstance(ops, list) or len(ops) > MAX_OPS_PER_BATCH:
        raise refuse(tr("{what}: daftar operasi tidak sah.", what=what))
    if expected is not None and len(ops) != expected:
        raise refuse(tr("{what}: jumlah operasi tidak cocok.", what=what))
    for op in ops:
        if (
            not isinstance(op, list)
            or len(op) != 3
            or not isinstance(op[0], str)
            or not isinstance(op[1], str)
            or not 1 <= len(op[1]) <= ROW_ID_MAX
            or not isinstance(op[2], dict)
        ):
            raise refuse(tr("{what}: operasi tidak sah.", what=what))
        table, _, fields = op
        columns = schema.get(table) if schema is not None else None
        if schema is None:
            if not IDENT_RE.match(table) or not all(IDENT_RE.match(str(k)) for k in fields):
                raise refuse(tr("{what}: nama tabel atau kolom tidak sah.", what=what))
        elif columns is None:
            raise refuse(
                tr("{what}: tabel '{table}' tidak dikenal di sini.", what=what, table=table[:60])
            )
        for name, value in fields.items():
            if name == "id" or (columns is not None and name not in columns):
                raise refuse(
                    tr(
                        "{what}: kolom '{col}' tidak dikenal pada tabel {table}.",
                        what=what,
                        col=str(name)[:60],
                        table=table,
                    )
                )
            if not _scalar(value):
                raise refuse(tr("{what}: nilai kolom {col} tidak sah.", what=what, col=name))


def parse_batches(
    raw: bytes,
    manifest: Manifest,
    identities: dict[str, ident_mod.Identity],
    schema: dict[str, tuple[str, ...]] | None,
) -> list[RemoteBatch]:
    """Check every batch (hash, origin signature, names and values). With ``schema`` None only
    the schema-independent checks run (for a package kept aside)."""
    result: list[RemoteBatch] = []
    seen_keys: set[tuple[str, int]] = set()
    for lineno, line in enumerate(raw.split(b"\n"), start=1):
        if not line:
            continue
        if len(line) > MAX_LINE:
            raise refuse(tr("batch {n} terlalu besar.", n=lineno))
        what = tr("batch {n}", n=lineno)
        item = strict_json(line, what, max_depth=3)
        if not isinstance(item, dict):
            raise refuse(tr("{what} tidak sah.", what=what))
        origin, seq, hlc = item.get("origin"), item.get("seq"), item.get("hlc")
        digest, actor, schema_v = item.get("hash"), item.get("actor"), item.get("schema")
        n, ops_b64, sig_b64 = item.get("n"), item.get("ops"), item.get("sig")
        if (
            not isinstance(origin, str)
            or not ident_mod.NODE_ID_RE.match(origin)
            or not _is_int(seq)
            or not 1 <= seq < 2**53
            or not isinstance(hlc, str)
            or not HLC_RE.match(hlc)
            or not isinstance(digest, str)
            or not HASH_RE.match(digest)
            or not isinstance(actor, str)
            or len(actor) > 200
            or not _is_int(schema_v)
            or not 1 <= schema_v <= 100_000
            or not _is_int(n)
            or not 0 <= n <= MAX_OPS_PER_BATCH
            or not isinstance(ops_b64, str)
            or not isinstance(sig_b64, str)
        ):
            raise refuse(tr("{what}: isian tidak sah.", what=what))
        vv = _check_vv(item.get("vv"), what)
        if (origin, seq) in seen_keys:
            raise refuse(tr("{what}: batch ganda di dalam paket.", what=what))
        seen_keys.add((origin, seq))
        try:
            blob = base64.b64decode(ops_b64, validate=True)
            signature = base64.b64decode(sig_b64, validate=True)
        except ValueError:
            raise refuse(tr("{what}: pengodean rusak.", what=what)) from None
        ident = identities.get(origin)
        if ident is None:
            raise refuse(
                tr(
                    "{what} dibuat oleh instalasi {origin} yang tidak dikenal di sini.",
                    what=what,
                    origin=origin,
                )
            )
        try:
            nacl.signing.VerifyKey(ident.kunci_tanda).verify(
                pkg.batch_message(digest, actor), signature
            )
        except (nacl.exceptions.BadSignatureError, ValueError, TypeError):
            raise refuse(
                tr("{what}: tanda tangan {nama} tidak cocok.", what=what, nama=ident.nama)
            ) from None
        ops_raw, _ = decode_checked_ops(blob, schema, int(n), what)
        if batch_hash(origin, int(seq), hlc, vv, int(schema_v), ops_raw) != digest:
            raise refuse(tr("{what}: isi tidak cocok dengan hash-nya.", what=what))
        result.append(
            RemoteBatch(
                origin,
                int(seq),
                hlc,
                vv,
                [],  # decoded again when applied, so that memory stays bounded
                blob,
                digest,
                bytes(signature),
                int(schema_v),
                actor,
                int(n),
            )
        )
    if len(result) != manifest.jumlah_batch:
        raise refuse(tr("jumlah batch tidak sesuai dengan manifest."))
    return result


# -- the whole package ---------------------------------------------------------------------------


@dataclass
class Checked:
    """A package that passed every check (``deferred``: for a newer schema, kept aside)."""

    manifest: Manifest
    batches: list[RemoteBatch]
    new_identities: list[ident_mod.Identity]
    deferred: bool
    roster: roster_mod.Verdict | None = None  # the roster the package carries, judged here


class _IdentityLookup(dict[str, ident_mod.Identity]):
    """Identities given, then any peer known here (looked up once)."""

    def __init__(self, db: Database, given: dict[str, ident_mod.Identity]) -> None:
        super().__init__(given)
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self:
            known = ident_mod.get_peer(self._db, key)
            if known is None:
                return default
            self[key] = known.identity
        return self[key]


def check_package(db: Database, data: bytes, passphrase: str | None, local_version: int) -> Checked:
    """Every check before anything is written. Raises :class:`PackageRefused`.

    ``local_version``: the schema version this Merit runs; a package from a newer one is only
    checked as far as it can be (``deferred``)."""
    envelope = open_envelope(db, data, passphrase)
    members = read_members(envelope.payload)
    manifest_raw = members[pkg.MANIFEST]
    manifest = parse_manifest(manifest_raw)
    sender = manifest.pengirim
    if sender.node_id == db.node_id:
        raise refuse(tr("paket ini dibuat oleh instalasi ini sendiri."))
    peer = ident_mod.get_peer(db, sender.node_id)
    if peer is None or not peer.dipercaya:
        raise UntrustedSender(
            tr(
                "Paket ditolak: pengirim {nama} ({id}) belum dikenal atau belum dipercaya di "
                "sini. Tambahkan dulu berkas identitasnya dan periksa sidik jarinya.",
                nama=sender.nama,
                id=sender.node_id,
            )
        )
    if (peer.kunci_tanda, peer.kunci_enkripsi) != (sender.kunci_tanda, sender.kunci_enkripsi):
        raise UntrustedSender(
            tr(
                "Paket ditolak: kunci pengirim {nama} berbeda dengan yang dikenal di sini.",
                nama=peer.nama,
            )
        )
    try:
        nacl.signing.VerifyKey(peer.kunci_tanda).verify(
            pkg.manifest_message(manifest_raw), members[pkg.SIGNATURE]
        )
    except (nacl.exceptions.BadSignatureError, ValueError, TypeError):
        raise refuse(tr("tanda tangan pengirim tidak cocok dengan isi paket.")) from None
    if envelope.mode == pkg.MODE_PEERS and db.node_id not in manifest.penerima:
        raise WrongRecipient(tr("Paket ditolak: paket ini tidak ditujukan ke instalasi ini."))
    verdict = _judge_agency(db, manifest)
    if set(manifest.anggota) != {pkg.BATCHES}:
        raise refuse(tr("daftar isi di manifest tidak cocok dengan isi paket."))
    for name, (size, digest) in manifest.anggota.items():
        content = members[name]
        if len(content) != size or hashlib.sha256(content).hexdigest() != digest:
            raise refuse(tr("isi {name} tidak cocok dengan hash di manifest.", name=name))
    # Identities to check batch signatures with: own, known peers, then those the trusted
    # sender carries for origins unknown here.
    identities: dict[str, ident_mod.Identity] = {sender.node_id: peer.identity}
    in_force = verdict.data if verdict is not None and verdict.newer else None
    if in_force is None:
        stored = roster_store.read_roster(db.conn)
        in_force = stored.data if stored else None
    own = ident_mod.known_identity(db, db.node_id) if own_box_key(db) else None
    if own is not None:
        identities[own.node_id] = own
    new_identities: list[ident_mod.Identity] = []
    for node_id, carried in manifest.identitas_asal.items():
        if node_id in identities:
            continue
        known = ident_mod.get_peer(db, node_id)
        if known is not None:
            if (known.kunci_tanda, known.kunci_enkripsi) != (
                carried.kunci_tanda,
                carried.kunci_enkripsi,
            ):
                raise refuse(
                    tr(
                        "kunci instalasi {nama} di paket berbeda dengan yang dikenal di sini.",
                        nama=known.nama,
                    )
                )
            identities[node_id] = known.identity
        elif node_id != db.node_id:
            identities[node_id] = carried
            new_identities.append(carried)
    if in_force is not None:
        _match_roster_keys(in_force, identities)
        for entry in in_force.entri:
            if entry.node_id not in identities and entry.node_id != db.node_id:
                identities[entry.node_id] = ident_mod.Identity(
                    entry.node_id,
                    entry.nama,
                    base64.b64decode(entry.kunci_tanda),
                    base64.b64decode(entry.kunci_enkripsi),
                )
    deferred = manifest.versi_skema > local_version
    schema = None if deferred else schema_of(db)
    batches = parse_batches(members[pkg.BATCHES], manifest, _IdentityLookup(db, identities), schema)
    if not deferred and any(b.schema_version > local_version for b in batches):
        deferred = True
    used = {b.origin for b in batches}
    return Checked(
        manifest, batches, [i for i in new_identities if i.node_id in used], deferred, verdict
    )


def _judge_agency(db: Database, manifest: Manifest) -> roster_mod.Verdict | None:
    """Refuse a package of another agency; judge the roster it carries (nothing written)."""
    verdict = None
    if manifest.roster is not None:
        try:
            verdict = roster_mod.judge_incoming(db, *manifest.roster)
        except roster_mod.RosterError as exc:
            raise PackageRefused(str(exc)) from None
    mine = roster_mod.own_agency(db)
    if mine is not None and manifest.instansi_id is not None and manifest.instansi_id != mine:
        raise PackageRefused(
            tr(
                "Paket ditolak: paket ini dari instansi lain (id instansi {id}), bukan dari "
                "instansi instalasi ini. Tidak ada yang diubah; periksa peer pengirimnya.",
                id=manifest.instansi_id,
            )
        )
    return verdict


def _match_roster_keys(
    in_force: roster_store.RosterData, identities: dict[str, ident_mod.Identity]
) -> None:
    """An origin's key must be the one its roster entry names."""
    for entry in in_force.entri:
        known = identities.get(entry.node_id)
        if known is not None and base64.b64encode(known.kunci_tanda).decode() != entry.kunci_tanda:
            raise refuse(
                tr(
                    "kunci instalasi {nama} berbeda dengan kunci di roster instansi.",
                    nama=entry.nama,
                )
            )
