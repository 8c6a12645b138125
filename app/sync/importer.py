"""Import of a package: check everything, then apply in one transaction.

Checks, in this order, each with a hard limit before reading further: file size; header;
decryption (for this installation's key, or the passphrase, with bounded Argon2id parameters);
the zip's central directory (member count, names, declared and actual sizes, compression ratio,
total); the manifest (UTF-8, JSON without NaN/Infinity, depth, types); the sender is a trusted
peer; the sender's signature over the manifest; member hashes; then every batch: its hash
recomputed, its origin's signature against a known identity (origins relayed by a trusted sender
are accepted with the identity the sender carries, and remembered), and every table and column
name against the replicated schema, values scalar only. Any failure refuses the whole package
with a :class:`PackageError` and the database is left exactly as it was (nothing is written
before the transaction, and the transaction is rolled back).

Applying: batches already held are skipped; a batch whose dependencies are not all here waits
(``lokal_batch_tunggu``) and is applied when the missing one arrives. The merge rules are those
of :mod:`app.models.storage.replika`. A package from a newer schema is copied aside (``tertunda/``
beside
the database) and applied by :func:`retry_deferred` after Merit is upgraded.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import re
import shutil
import sqlite3
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard, cast

import nacl.exceptions
import nacl.public
import nacl.secret
import nacl.signing

from app.i18n import angka, tr
from app.models.errors import NotFoundError
from app.models.storage import replika, ringkas
from app.models.storage.db import Database, translated_errors, utc_now
from app.models.storage.store import Hlc, batch_hash, replicated_schema
from app.sync import identity as ident_mod
from app.sync import package as pkg

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
CLOCK_AHEAD_MS = 24 * 3600 * 1000  # a remote clock further ahead than this is clamped

HLC_RE = re.compile(r"^[0-9]{15}\.[0-9]{6}$")
HASH_RE = re.compile(r"^[0-9a-f]{64}$")
IDENT_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
ROW_ID_MAX = 64
TUNDA_DIR = "tertunda"


class PackageRefused(pkg.PackageError):
    """The package is refused whole (damaged, tampered, too big, or not allowed)."""


class UntrustedSender(PackageRefused):
    """The sender is unknown here or not trusted."""


class WrongRecipient(PackageRefused):
    """Not for this installation, or a wrong passphrase."""


def _refuse(reason: str) -> PackageRefused:
    return PackageRefused(tr("Paket ditolak: {reason}", reason=reason))


# -- summary --------------------------------------------------------------------------------------

_KIND_LABEL = {"baru": "baru", "ubah": "diubah", "hapus": "dihapus"}


@dataclass
class ImportSummary:
    """What an import did (or that it was kept aside)."""

    berkas: str
    pengirim: str
    pengirim_nama: str
    batch_baru: int = 0
    batch_menunggu: int = 0
    batch_ganda: int = 0
    rekaman: dict[str, dict[str, int]] = field(default_factory=dict)
    konflik_baru: int = 0
    jam_dipangkas: int = 0
    ditunda: bool = False
    versi_skema: int = 0

    def lines(self) -> list[str]:
        """The summary in Indonesian, one sentence per line."""
        if self.ditunda:
            return [
                tr(
                    "Paket dari {nama} dibuat dengan skema data {v} yang lebih baru daripada "
                    "Merit ini. Paket disimpan dan akan diterapkan setelah Merit diperbarui.",
                    nama=self.pengirim_nama,
                    v=self.versi_skema,
                )
            ]
        out = [tr("Paket dari {nama} diterima.", nama=self.pengirim_nama)]
        if self.batch_baru == 0 and self.batch_menunggu == 0:
            out.append(tr("Tidak ada yang baru: semua isi paket sudah ada di sini."))
        for table, counts in sorted(self.rekaman.items()):
            parts = [
                tr("{n} {jenis}", n=angka(counts[k]), jenis=_KIND_LABEL[k])
                for k in ("baru", "ubah", "hapus")
                if counts.get(k)
            ]
            if parts:
                out.append(
                    tr(
                        "{jenis}: {rincian}.",
                        jenis=table.replace("_", " "),
                        rincian=", ".join(parts),
                    )
                )
        out.append(
            tr(
                "Batch diterapkan {a}, menunggu batch yang belum tiba {b}, sudah ada {c}.",
                a=angka(self.batch_baru),
                b=angka(self.batch_menunggu),
                c=angka(self.batch_ganda),
            )
        )
        if self.konflik_baru:
            out.append(
                tr(
                    "{n} bentrokan baru perlu diputuskan (halaman Konflik).",
                    n=angka(self.konflik_baru),
                )
            )
        if self.jam_dipangkas:
            out.append(
                tr(
                    "{n} batch membawa jam yang jauh di depan; jam instalasi ini tidak "
                    "mengikutinya. Periksa tanggal dan jam komputer pengirim.",
                    n=angka(self.jam_dipangkas),
                )
            )
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


@dataclass(frozen=True)
class DeferredPackage:
    no: int
    berkas: str
    pengirim: str
    pengirim_nama: str
    versi_skema: int
    sandi: bool
    diterima: str


# -- reading the container ------------------------------------------------------------------------


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageRefused(
            tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=exc.strerror)
        ) from exc
    if size > MAX_FILE:
        raise _refuse(tr("berkas terlalu besar (lebih dari {n} MB).", n=MAX_FILE // 2**20))
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise _refuse(tr("berkas terlalu besar (lebih dari {n} MB).", n=MAX_FILE // 2**20))
    return data


def _own_box_key(db: Database) -> nacl.public.PrivateKey | None:
    """This installation's decryption key, without creating one (nothing is written)."""
    row = db.conn.execute("SELECT nilai FROM lokal_identitas WHERE kunci = 'ed25519'").fetchone()
    if row is None:
        return None
    return nacl.signing.SigningKey(bytes(row[0])).to_curve25519_private_key()


@dataclass(frozen=True)
class Envelope:
    mode: int
    payload: bytes


def open_envelope(db: Database, data: bytes, passphrase: str | None) -> Envelope:
    """Check the header and decrypt."""
    head = len(pkg.MAGIC)
    if len(data) < head + 2 or data[:head] != pkg.MAGIC:
        raise _refuse(tr("ini bukan paket Merit (atau berkasnya terpotong)."))
    version, mode = data[head], data[head + 1]
    if version != pkg.FORMAT_VERSION:
        raise _refuse(tr("versi format paket {v} tidak dikenal; perbarui Merit.", v=version))
    pos = head + 2
    if mode == pkg.MODE_PEERS:
        if len(data) < pos + 1:
            raise _refuse(tr("kepala paket terpotong."))
        count = data[pos]
        pos += 1
        entry = pkg.NODE_ID_LEN + pkg.SEALED_KEY_LEN
        if not 1 <= count <= pkg.MAX_RECIPIENTS or len(data) < pos + count * entry:
            raise _refuse(tr("kepala paket rusak atau terpotong."))
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
        key = _own_box_key(db)
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
            raise _refuse(tr("kepala paket terpotong."))
        salt = data[pos : pos + pkg.SALT_LEN]
        opslimit, mem_kib = struct.unpack(">II", data[pos + pkg.SALT_LEN : pos + pkg.SALT_LEN + 8])
        memlimit = mem_kib * 1024
        pos += pkg.SALT_LEN + 8
        if not (
            nacl.pwhash.argon2id.OPSLIMIT_MIN <= opslimit <= pkg.MAX_OPSLIMIT
            and nacl.pwhash.argon2id.MEMLIMIT_MIN <= memlimit <= pkg.MAX_MEMLIMIT
        ):
            raise _refuse(tr("parameter kata sandi paket tidak wajar."))
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
    raise _refuse(tr("jenis penguncian paket tidak dikenal."))


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
                raise _refuse(
                    tr("isi {name} lebih besar daripada yang dinyatakan.", name=info.filename)
                )
            chunks.append(chunk)
    if total != info.file_size:
        raise _refuse(tr("isi {name} tidak sesuai ukurannya.", name=info.filename))
    return b"".join(chunks)


def read_members(payload: bytes) -> dict[str, bytes]:
    """The members of the zip, after checking the central directory against the limits."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(payload))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _refuse(tr("isi paket rusak.")) from None
    if len(infos) > MAX_MEMBERS:
        raise _refuse(tr("paket berisi terlalu banyak berkas."))
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise _refuse(tr("paket berisi nama berkas ganda."))
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
            raise _refuse(tr("paket berisi berkas dengan nama tak dikenal: {name}", name=name[:80]))
        if info.flag_bits & 0x1:
            raise _refuse(tr("paket berisi berkas terenkripsi zip."))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(tr("paket memakai kompresi yang tidak dikenal."))
        if info.file_size > MAX_TOTAL:
            raise _refuse(tr("ukuran {name} yang dinyatakan terlalu besar.", name=name))
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 16:
            raise _refuse(tr("rasio pemadatan {name} tidak wajar (bom zip?).", name=name))
    if sum(i.file_size for i in infos) > MAX_TOTAL:
        raise _refuse(tr("ukuran isi paket seluruhnya terlalu besar."))
    if set(names) != set(pkg.MEMBERS):
        raise _refuse(tr("paket tidak lengkap atau berisi berkas lain."))
    by_name = {i.filename: i for i in infos}
    if by_name[pkg.MANIFEST].file_size > MAX_MANIFEST:
        raise _refuse(tr("manifest paket terlalu besar."))
    if by_name[pkg.SIGNATURE].file_size != 64:
        raise _refuse(tr("tanda tangan paket rusak."))
    try:
        return {name: _read_member(zf, info) for name, info in by_name.items()}
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, PackageRefused):
            raise
        raise _refuse(tr("isi paket rusak.")) from None


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
        raise _refuse(tr("{what} bukan teks UTF-8 yang sah.", what=what)) from None
    except RecursionError:
        raise _refuse(tr("{what} bersarang terlalu dalam.", what=what)) from None
    except ValueError:
        raise _refuse(tr("{what} bukan JSON yang sah.", what=what)) from None
    if _depth(value, max_depth) > max_depth:
        raise _refuse(tr("{what} bersarang terlalu dalam.", what=what))
    return value


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_vv(value: Any, what: str) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > MAX_VV:
        raise _refuse(tr("{what}: vektor versi tidak sah.", what=what))
    for k, v in value.items():
        if not ident_mod.NODE_ID_RE.match(k) or not _is_int(v) or not 0 <= v < 2**53:
            raise _refuse(tr("{what}: vektor versi tidak sah.", what=what))
    return {str(k): int(v) for k, v in value.items()}


def _identity_from(value: Any, what: str) -> ident_mod.Identity:
    if not isinstance(value, dict):
        raise _refuse(tr("{what}: identitas tidak sah.", what=what))
    node_id, nama = value.get("node_id"), value.get("nama")
    if not isinstance(node_id, str) or not ident_mod.NODE_ID_RE.match(node_id):
        raise _refuse(tr("{what}: id node tidak sah.", what=what))
    if not isinstance(nama, str) or not 1 <= len(nama) <= ident_mod.MAX_NAME:
        raise _refuse(tr("{what}: nama tidak sah.", what=what))
    keys = []
    for name in ("kunci_tanda", "kunci_enkripsi"):
        raw_value = value.get(name)
        try:
            raw = base64.b64decode(raw_value, validate=True) if isinstance(raw_value, str) else b""
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise _refuse(tr("{what}: kunci tidak sah.", what=what))
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


def parse_manifest(raw: bytes) -> Manifest:
    body = strict_json(raw, tr("manifest"))
    if not isinstance(body, dict) or body.get("format") != pkg.PACKAGE_FORMAT:
        raise _refuse(tr("manifest bukan manifest paket Merit."))
    if body.get("versi_format") != pkg.FORMAT_VERSION:
        raise _refuse(tr("versi format manifest tidak dikenal; perbarui Merit."))
    versi = body.get("versi_skema")
    if not _is_int(versi) or not 1 <= versi <= 100_000:
        raise _refuse(tr("versi skema di manifest tidak sah."))
    penerima = body.get("penerima")
    if not isinstance(penerima, list) or not all(
        isinstance(p, str) and ident_mod.NODE_ID_RE.match(p) for p in penerima
    ):
        raise _refuse(tr("daftar penerima di manifest tidak sah."))
    jumlah = body.get("jumlah_batch")
    if not _is_int(jumlah) or jumlah < 0:
        raise _refuse(tr("jumlah batch di manifest tidak sah."))
    anggota: dict[str, tuple[int, str]] = {}
    members = body.get("anggota")
    if not isinstance(members, list) or len(members) > MAX_MEMBERS:
        raise _refuse(tr("daftar isi di manifest tidak sah."))
    for m in members:
        if not isinstance(m, dict):
            raise _refuse(tr("daftar isi di manifest tidak sah."))
        name, size, digest = m.get("nama"), m.get("ukuran"), m.get("sha256")
        if (
            name not in pkg.MEMBERS
            or not _is_int(size)
            or not isinstance(digest, str)
            or not HASH_RE.match(digest)
        ):
            raise _refuse(tr("daftar isi di manifest tidak sah."))
        anggota[str(name)] = (int(size), digest)
    asal: dict[str, ident_mod.Identity] = {}
    relayed = body.get("identitas_asal")
    if not isinstance(relayed, list) or len(relayed) > MAX_VV:
        raise _refuse(tr("identitas asal di manifest tidak sah."))
    for item in relayed:
        found = _identity_from(item, tr("identitas asal"))
        asal[found.node_id] = found
    return Manifest(
        int(versi),
        _identity_from(body.get("pengirim"), tr("pengirim")),
        [str(p) for p in penerima],
        _check_vv(body.get("vv"), tr("manifest")),
        int(jumlah),
        anggota,
        asal,
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


def decode_checked_ops(
    blob: bytes, schema: dict[str, tuple[str, ...]] | None, expected: int | None, what: str
) -> tuple[bytes, list[list[Any]]]:
    """Decompress (bounded) and check a batch's operations against the replicated schema
    (``schema`` None: a package kept aside for a newer schema; names are checked when it is
    applied after the upgrade)."""
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(blob, MAX_OPS_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise _refuse(tr("{what}: operasi terlalu besar atau rusak.", what=what))
    except zlib.error:
        raise _refuse(tr("{what}: operasi rusak.", what=what)) from None
    ops = strict_json(raw, what, max_depth=4)
    if not isinstance(ops, list) or len(ops) > MAX_OPS_PER_BATCH:
        raise _refuse(tr("{what}: daftar operasi tidak sah.", what=what))
    if expected is not None and len(ops) != expected:
        raise _refuse(tr("{what}: jumlah operasi tidak cocok.", what=what))
    for op in ops:
        if (
            not isinstance(op, list)
            or len(op) != 3
            or not isinstance(op[0], str)
            or not isinstance(op[1], str)
            or not 1 <= len(op[1]) <= ROW_ID_MAX
            or not isinstance(op[2], dict)
        ):
            raise _refuse(tr("{what}: operasi tidak sah.", what=what))
        table, _, fields = op
        columns = schema.get(table) if schema is not None else None
        if schema is None:
            if not IDENT_RE.match(table) or not all(IDENT_RE.match(str(k)) for k in fields):
                raise _refuse(tr("{what}: nama tabel atau kolom tidak sah.", what=what))
        elif columns is None:
            raise _refuse(
                tr("{what}: tabel '{table}' tidak dikenal di sini.", what=what, table=table[:60])
            )
        for name, value in fields.items():
            if name == "id" or (columns is not None and name not in columns):
                raise _refuse(
                    tr(
                        "{what}: kolom '{col}' tidak dikenal pada tabel {table}.",
                        what=what,
                        col=str(name)[:60],
                        table=table,
                    )
                )
            if not _scalar(value):
                raise _refuse(tr("{what}: nilai kolom {col} tidak sah.", what=what, col=name))
    return raw, ops


def parse_batches(
    raw: bytes,
    manifest: Manifest,
    identities: dict[str, ident_mod.Identity],
    schema: dict[str, tuple[str, ...]] | None,
) -> list[replika.RemoteBatch]:
    """Check every batch (hash, origin signature, names and values). With ``schema`` None only
    the schema-independent checks run (for a package kept aside)."""
    result: list[replika.RemoteBatch] = []
    seen_keys: set[tuple[str, int]] = set()
    for lineno, line in enumerate(raw.split(b"\n"), start=1):
        if not line:
            continue
        if len(line) > MAX_LINE:
            raise _refuse(tr("batch {n} terlalu besar.", n=lineno))
        what = tr("batch {n}", n=lineno)
        item = strict_json(line, what, max_depth=3)
        if not isinstance(item, dict):
            raise _refuse(tr("{what} tidak sah.", what=what))
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
            raise _refuse(tr("{what}: isian tidak sah.", what=what))
        vv = _check_vv(item.get("vv"), what)
        if (origin, seq) in seen_keys:
            raise _refuse(tr("{what}: batch ganda di dalam paket.", what=what))
        seen_keys.add((origin, seq))
        try:
            blob = base64.b64decode(ops_b64, validate=True)
            signature = base64.b64decode(sig_b64, validate=True)
        except ValueError:
            raise _refuse(tr("{what}: pengodean rusak.", what=what)) from None
        ident = identities.get(origin)
        if ident is None:
            raise _refuse(
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
            raise _refuse(
                tr("{what}: tanda tangan {nama} tidak cocok.", what=what, nama=ident.nama)
            ) from None
        ops_raw, _ = decode_checked_ops(blob, schema, int(n), what)
        if batch_hash(origin, int(seq), hlc, vv, int(schema_v), ops_raw) != digest:
            raise _refuse(tr("{what}: isi tidak cocok dengan hash-nya.", what=what))
        result.append(
            replika.RemoteBatch(
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
        raise _refuse(tr("jumlah batch tidak sesuai dengan manifest."))
    return result


# -- the import -----------------------------------------------------------------------------------


@dataclass
class _Checked:
    manifest: Manifest
    batches: list[replika.RemoteBatch]
    new_identities: list[ident_mod.Identity]
    deferred: bool


_SCHEMAS: dict[tuple[str, int], dict[str, tuple[str, ...]]] = {}


def schema_of(db: Database) -> dict[str, tuple[str, ...]]:
    """The replicated schema (cached per database file and schema version)."""
    key = (str(db.path), db.schema_version)
    if key not in _SCHEMAS:
        _SCHEMAS[key] = replicated_schema(db.conn)
    return _SCHEMAS[key]


def local_schema_version(db: Database) -> int:
    """The schema version this Merit runs (tests simulate an upgrade by replacing it)."""
    return db.schema_version


def check_package(db: Database, data: bytes, passphrase: str | None) -> _Checked:
    """Every check before anything is written. Raises :class:`PackageRefused`."""
    envelope = open_envelope(db, data, passphrase)
    members = read_members(envelope.payload)
    manifest_raw = members[pkg.MANIFEST]
    manifest = parse_manifest(manifest_raw)
    sender = manifest.pengirim
    if sender.node_id == db.node_id:
        raise _refuse(tr("paket ini dibuat oleh instalasi ini sendiri."))
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
        raise _refuse(tr("tanda tangan pengirim tidak cocok dengan isi paket.")) from None
    if envelope.mode == pkg.MODE_PEERS and db.node_id not in manifest.penerima:
        raise WrongRecipient(tr("Paket ditolak: paket ini tidak ditujukan ke instalasi ini."))
    if set(manifest.anggota) != {pkg.BATCHES}:
        raise _refuse(tr("daftar isi di manifest tidak cocok dengan isi paket."))
    for name, (size, digest) in manifest.anggota.items():
        content = members[name]
        if len(content) != size or hashlib.sha256(content).hexdigest() != digest:
            raise _refuse(tr("isi {name} tidak cocok dengan hash di manifest.", name=name))
    # Identities to check batch signatures with: own, known peers, then those the trusted
    # sender carries for origins unknown here.
    identities: dict[str, ident_mod.Identity] = {sender.node_id: peer.identity}
    own = ident_mod.known_identity(db, db.node_id) if _own_box_key(db) else None
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
                raise _refuse(
                    tr(
                        "kunci instalasi {nama} di paket berbeda dengan yang dikenal di sini.",
                        nama=known.nama,
                    )
                )
            identities[node_id] = known.identity
        elif node_id != db.node_id:
            identities[node_id] = carried
            new_identities.append(carried)
    local_version = local_schema_version(db)
    deferred = manifest.versi_skema > local_version
    schema = None if deferred else schema_of(db)
    batches = parse_batches(members[pkg.BATCHES], manifest, _IdentityLookup(db, identities), schema)
    if not deferred and any(b.schema_version > local_version for b in batches):
        deferred = True
    used = {b.origin for b in batches}
    return _Checked(manifest, batches, [i for i in new_identities if i.node_id in used], deferred)


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


def import_package(
    db: Database,
    path: Path,
    *,
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    clock: Callable[[], float] = time.time,
    actor: str = "sistem",
    _from_deferred: int | None = None,
) -> ImportSummary:
    """Import one package file. Refused whole, or applied in one transaction.

    ``actor`` needs the right ``sync.impor``."""
    from app.models.access.akses import require

    require(db, actor, "sync.impor")
    path = Path(path)
    data = _read_file(path)
    checked = check_package(db, data, passphrase)
    manifest = checked.manifest
    summary = ImportSummary(
        path.name,
        manifest.pengirim.node_id,
        manifest.pengirim.nama,
        versi_skema=manifest.versi_skema,
    )
    if checked.deferred:
        if _from_deferred is None:
            _defer(db, path, data, manifest, passphrase is not None)
        summary.ditunda = True
        return summary
    conn = db.conn
    with translated_errors(db.path):
        conn.execute("BEGIN IMMEDIATE")
    try:
        _apply(db, checked, summary, progress, clock, actor)
        if _from_deferred is not None:
            conn.execute("DELETE FROM lokal_paket_tunda WHERE no = ?", (_from_deferred,))
        with translated_errors(db.path):
            conn.execute("COMMIT")
    except sqlite3.IntegrityError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _refuse(
            tr(
                "isinya melanggar aturan data di sini ({detail}). Tidak ada yang diubah.",
                detail=exc,
            )
        ) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return summary


def _defer(db: Database, path: Path, data: bytes, manifest: Manifest, sandi: bool) -> None:
    folder = db.path.parent / TUNDA_DIR
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = folder / f"{digest}-{pkg.slug(path.stem)}.merit"
    conn = db.conn
    if conn.execute("SELECT 1 FROM lokal_paket_tunda WHERE berkas = ?", (str(target),)).fetchone():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    except OSError as exc:
        raise pkg.PackageError(
            tr("Paket tidak dapat disimpan di {path}: {detail}", path=folder, detail=exc.strerror)
        ) from exc
    with translated_errors(db.path):
        conn.execute(
            "INSERT INTO lokal_paket_tunda (berkas, pengirim, pengirim_nama, versi_skema, sandi, "
            "diterima) VALUES (?, ?, ?, ?, ?, ?)",
            (
                str(target),
                manifest.pengirim.node_id,
                manifest.pengirim.nama,
                manifest.versi_skema,
                int(sandi),
                utc_now(),
            ),
        )


def deferred_packages(db: Database) -> list[DeferredPackage]:
    return [
        DeferredPackage(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6])
        for r in db.conn.execute(
            "SELECT no, berkas, pengirim, pengirim_nama, versi_skema, sandi, diterima "
            "FROM lokal_paket_tunda ORDER BY no"
        )
    ]


def retry_deferred(
    db: Database, *, passphrase: str | None = None, actor: str = "sistem"
) -> list[ImportSummary]:
    """Apply the packages kept aside whose schema this Merit now knows."""
    results = []
    for item in deferred_packages(db):
        if item.versi_skema > local_schema_version(db):
            continue
        if item.sandi and passphrase is None:
            continue
        results.append(
            import_package(
                db, Path(item.berkas), passphrase=passphrase, actor=actor, _from_deferred=item.no
            )
        )
        Path(item.berkas).unlink(missing_ok=True)
    return results


# -- applying -------------------------------------------------------------------------------------


def _ready(batch: replika.RemoteBatch, versi: dict[str, int]) -> bool:
    if versi.get(batch.origin, 0) != batch.seq - 1:
        return False
    return all(versi.get(o, 0) >= s for o, s in batch.vv.items() if o != batch.origin)


def _pending_rows(conn: sqlite3.Connection) -> list[replika.RemoteBatch]:
    return [
        replika.RemoteBatch(
            r[0], r[1], r[2], json.loads(r[3]), [], bytes(r[4]), r[6], bytes(r[7]), r[8], r[9], r[5]
        )
        for r in conn.execute(
            "SELECT origin, seq, hlc, vv, ops, op_count, hash, signature, schema_version, actor "
            "FROM lokal_batch_tunggu ORDER BY origin, seq"
        )
    ]


@dataclass
class _Touched:
    """Duck-types the parts of WriteTx that ringkas.refresh_after_write reads."""

    touched_pegawai: set[str] = field(default_factory=set)
    summary_pegawai: set[str] = field(default_factory=set)
    touched_units: set[str] = field(default_factory=set)
    touched_reference: bool = False


def _apply(
    db: Database,
    checked: _Checked,
    summary: ImportSummary,
    progress: Callable[[int, int], None] | None,
    clock: Callable[[], float],
    actor: str,
) -> None:
    conn = db.conn
    schema = schema_of(db)
    for found in checked.new_identities:
        if ident_mod.get_peer(db, found.node_id) is None:
            ident_mod.add_peer(db, found, trusted=False, sumber="relay")
    versi = {str(r[0]): int(r[1]) for r in conn.execute("SELECT origin, seq FROM lokal_versi")}
    waiting = {(b.origin, b.seq): b for b in _pending_rows(conn)}
    fresh: dict[tuple[str, int], replika.RemoteBatch] = {}
    for b in checked.batches:
        key = (b.origin, b.seq)
        if b.seq <= versi.get(b.origin, 0):
            held = conn.execute(
                "SELECT hash FROM lokal_batch WHERE origin = ? AND seq = ?", key
            ).fetchone()
            if held is not None and held[0] != b.hash:
                raise _refuse(
                    tr(
                        "batch {origin}/{seq} berbeda dengan yang sudah ada di sini "
                        "(instalasi asalnya menulis dua isi untuk nomor yang sama).",
                        origin=b.origin,
                        seq=b.seq,
                    )
                )
            summary.batch_ganda += 1
        elif key in waiting:
            if waiting[key].hash != b.hash:
                raise _refuse(
                    tr(
                        "batch {origin}/{seq} bertentangan dengan yang menunggu.",
                        origin=b.origin,
                        seq=b.seq,
                    )
                )
            summary.batch_ganda += 1
        else:
            fresh[key] = b
    pool: dict[str, list[replika.RemoteBatch]] = {}
    for b in [*waiting.values(), *fresh.values()]:
        pool.setdefault(b.origin, []).append(b)
    for items in pool.values():
        items.sort(key=lambda b: b.seq)
    applier = replika.Applier(conn, schema)
    applied: list[replika.RemoteBatch] = []
    total = len(fresh) + len(waiting)
    progressed = True
    while progressed:
        progressed = False
        for origin, items in pool.items():
            while items and _ready(items[0], versi):
                b = items.pop(0)
                _, b.ops = decode_checked_ops(b.ops_blob, schema, None, f"{b.origin}/{b.seq}")
                # Into the log first: the merge reads the version vectors of held batches.
                conn.execute(
                    "INSERT INTO lokal_batch (origin, seq, hlc, vv, ops, op_count, hash, "
                    "signature, schema_version, actor, diterima) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        b.origin,
                        b.seq,
                        b.hlc,
                        json.dumps(b.vv, sort_keys=True, separators=(",", ":")),
                        b.ops_blob,
                        b.op_count,
                        b.hash,
                        b.signature,
                        b.schema_version,
                        b.actor,
                        utc_now(),
                    ),
                )
                applier.apply(b)
                b.ops = []
                versi[origin] = b.seq
                applied.append(b)
                progressed = True
                if progress and len(applied) % 20 == 0:
                    progress(len(applied), total)
    conn.executemany(
        "INSERT INTO lokal_versi (origin, seq) VALUES (?, ?) "
        "ON CONFLICT (origin) DO UPDATE SET seq = excluded.seq",
        sorted(versi.items()),
    )
    applied_keys = {(b.origin, b.seq) for b in applied}
    conn.executemany(
        "DELETE FROM lokal_batch_tunggu WHERE origin = ? AND seq = ?",
        [k for k in waiting if k in applied_keys],
    )
    still = [b for k, b in fresh.items() if k not in applied_keys]
    conn.executemany(
        "INSERT INTO lokal_batch_tunggu (origin, seq, hlc, vv, ops, op_count, hash, signature, "
        "schema_version, actor, diterima) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                b.origin,
                b.seq,
                b.hlc,
                json.dumps(b.vv, sort_keys=True, separators=(",", ":")),
                b.ops_blob,
                b.op_count,
                b.hash,
                b.signature,
                b.schema_version,
                b.actor,
                utc_now(),
            )
            for b in still
        ],
    )
    summary.batch_baru = len(applied)
    summary.batch_menunggu = len(still) + sum(1 for k in waiting if k not in applied_keys)
    summary.rekaman = applier.stats.rekaman
    summary.konflik_baru = applier.stats.konflik_baru
    summary.jam_dipangkas = _advance_clock(db, applied, clock)
    touched = _touched(conn, applier.stats.touched, applier.stats.summary_touched)
    ringkas.refresh_after_write(conn, cast(Any, touched))
    _bookkeeping(db, checked.manifest, summary, touched, actor)


def _advance_clock(
    db: Database, applied: Iterable[replika.RemoteBatch], clock: Callable[[], float]
) -> int:
    """Local clock = max(local, remote); a remote reading more than a day ahead of the wall
    clock is clamped (and counted) so that one wrong laptop cannot drag every clock along."""
    limit = Hlc(int(clock() * 1000) + CLOCK_AHEAD_MS, 0)
    last = db.meta("hlc")
    current = Hlc.decode(last) if last else Hlc(0, 0)
    clamped = 0
    for b in applied:
        remote = Hlc.decode(b.hlc)
        if (remote.wall, remote.counter) > (limit.wall, limit.counter):
            clamped += 1
            remote = limit
        if (remote.wall, remote.counter) > (current.wall, current.counter):
            current = remote
    if last is None or current.encode() != last:
        db.set_meta("hlc", current.encode())
    return clamped


def _touched(
    conn: sqlite3.Connection,
    touched: dict[str, set[str]],
    summary_touched: dict[str, set[str]] | None = None,
) -> _Touched:
    """The employees, units and references an import touched; ``summary_pegawai`` only those
    whose summary may change (a phone number does not)."""
    result = _Touched()
    for table, ids in touched.items():
        if not ids:
            continue
        if table in ("unit_organisasi", "jabatan"):
            result.touched_units.update(ids)
        elif table.startswith("ref_"):
            result.touched_reference = True
        else:
            result.touched_pegawai.update(_pegawai_of(conn, table, ids))
    if summary_touched is None:
        result.summary_pegawai = set(result.touched_pegawai)
    else:
        for table, ids in summary_touched.items():
            if ids and table not in ("unit_organisasi", "jabatan") and not table.startswith("ref_"):
                result.summary_pegawai.update(_pegawai_of(conn, table, ids))
    return result


def _pegawai_of(conn: sqlite3.Connection, table: str, ids: set[str]) -> set[str]:
    """The employees that rows of ``table`` belong to."""
    if table == "pegawai":
        return set(ids)
    if "pegawai_id" not in replicated_schema_columns(conn, table):
        return set()
    found: set[str] = set()
    id_list = sorted(ids)
    for start in range(0, len(id_list), replika.CHUNK):
        chunk = id_list[start : start + replika.CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            str(r[0])
            for r in conn.execute(f"SELECT pegawai_id FROM {table} WHERE id IN ({marks})", chunk)
            if r[0]
        )
    return found


def replicated_schema_columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    # ``table`` comes from the replicated schema (checked before); PRAGMA takes no parameters.
    return tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))


def _bookkeeping(
    db: Database, manifest: Manifest, summary: ImportSummary, touched: _Touched, actor: str
) -> None:
    conn = db.conn
    peer = ident_mod.get_peer(db, manifest.pengirim.node_id)
    if peer is not None:
        ack = dict(peer.vv_diakui)
        for origin, seq in manifest.vv.items():
            ack[origin] = max(ack.get(origin, 0), seq)
        conn.execute(
            "UPDATE lokal_peer SET vv_diakui = ?, terakhir_terima = ? WHERE node_id = ?",
            (json.dumps(ack, sort_keys=True), utc_now(), peer.node_id),
        )
    from app.models.access import audit

    audit.append(
        conn,
        aktor=actor,
        aksi=tr("Impor paket sinkronisasi"),
        jumlah=sum(sum(c.values()) for c in summary.rekaman.values()),
        keterangan=tr(
            "Dari {nama} ({id}), berkas {berkas}: {baru} batch diterapkan, {tunggu} menunggu, "
            "{ganda} sudah ada; {konflik} bentrokan baru.",
            nama=manifest.pengirim.nama,
            id=manifest.pengirim.node_id,
            berkas=summary.berkas,
            baru=summary.batch_baru,
            tunggu=summary.batch_menunggu,
            ganda=summary.batch_ganda,
            konflik=summary.konflik_baru,
        ),
        pegawai_ids=touched.touched_pegawai,
    )


def find_deferred(db: Database, no: int) -> DeferredPackage:
    for item in deferred_packages(db):
        if item.no == no:
            return item
    raise NotFoundError(tr("Paket tertunda {no} tidak ada.", no=no))
