"""Import of a package: check everything (:mod:`app.sync.verify`), then apply in one transaction.

A package that fails a check is refused whole with a :class:`~app.sync.verify.PackageRefused`
and the database is left exactly as it was (nothing is written before the transaction, and the
transaction is rolled back).

Applying: batches already held are skipped; a batch whose dependencies are not all here waits
(``lokal_batch_tunggu``) and is applied when the missing one arrives. The merge rules are those
of :mod:`app.models.storage.replika`; the batches go into the change log as they came
(:mod:`app.models.storage.changelog`). A package from a newer schema is copied aside
(``tertunda/`` beside the database) and applied by :func:`retry_deferred` after Merit is upgraded.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import angka, tr
from app.models.access import audit, wewenang
from app.models.access.akses import require
from app.models.storage import changelog, replika, sinkron
from app.models.storage import roster as roster_store
from app.models.storage.changelog import Hlc, RemoteBatch
from app.models.storage.db import Database, write_transaction
from app.models.storage.faults import translated_errors
from app.models.storage.ringkas import Touched, refresh_after_write
from app.models.storage.sinkron import DeferredPackage
from app.models.storage.skema import schema_of
from app.sync import identity as ident_mod
from app.sync import kepala_audit
from app.sync import package as pkg
from app.sync import roster as roster_mod
from app.sync.verify import (
    Checked,
    Manifest,
    check_package,
    decode_checked_ops,
    decode_trusted_ops,
    read_file,
    refuse,
)

CLOCK_AHEAD_MS = 24 * 3600 * 1000  # a remote clock further ahead than this is clamped
TUNDA_DIR = "tertunda"

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
    jejak_audit: list[str] = field(default_factory=list)  # what the audit heads showed
    batch_ditahan: int = 0
    alasan_ditahan: list[str] = field(default_factory=list)
    roster_baru: int | None = None  # the version of a newer roster taken from the package

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
        if self.jejak_audit:  # first: it matters more than the counts
            out.append(tr("Peringatan jejak audit (sudah dicatat di jejak audit):"))
            out += [f"- {text}" for text in self.jejak_audit]
        if self.batch_baru == 0 and self.batch_menunggu == 0 and self.batch_ditahan == 0:
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
        if self.roster_baru is not None:
            out.append(tr("Roster instansi diperbarui ke versi {v}.", v=self.roster_baru))
        if self.batch_ditahan:
            out.append(
                tr(
                    "{n} batch ditahan dan tidak diterapkan karena di luar wewenang instalasi "
                    "asalnya (lihat daftar batch ditahan):",
                    n=angka(self.batch_ditahan),
                )
            )
            out.extend(f"  - {reason}" for reason in self.alasan_ditahan[:10])
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


# -- the import -----------------------------------------------------------------------------------


def local_schema_version(db: Database) -> int:
    """The schema version this Merit runs (tests simulate an upgrade by replacing it)."""
    return db.schema_version


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
    require(db, actor, "sync.impor")
    path = Path(path)
    data = read_file(path)
    checked = check_package(db, data, passphrase, local_schema_version(db))
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
    try:
        with write_transaction(db) as conn:
            summary.jejak_audit = _receive_audit_heads(db, checked, actor)
            _apply(db, checked, summary, progress, clock, actor)
            if _from_deferred is not None:
                sinkron.delete_deferred(conn, _from_deferred)
    except sqlite3.IntegrityError as exc:
        raise refuse(
            tr(
                "isinya melanggar aturan data di sini ({detail}). Tidak ada yang diubah.",
                detail=exc,
            )
        ) from exc
    return summary


def _receive_audit_heads(db: Database, checked: Checked, actor: str) -> list[str]:
    """The signed audit heads the package carries, checked and kept before the batches are
    applied (so that "kini N" is this trail before the import's own entry)."""
    manifest = checked.manifest
    carried = {
        node: (found.nama, found.kunci_tanda) for node, found in manifest.identitas_asal.items()
    }
    return kepala_audit.receive_heads(
        db,
        manifest.audit_heads,
        sender=manifest.pengirim.node_id,
        carried_keys=carried,
        actor=actor,
    )


def _defer(db: Database, path: Path, data: bytes, manifest: Manifest, sandi: bool) -> None:
    folder = db.path.parent / TUNDA_DIR
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = folder / f"{digest}-{pkg.slug(path.stem)}.merit"
    if sinkron.is_deferred(db.conn, str(target)):
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    except OSError as exc:
        raise pkg.PackageError(
            tr("Paket tidak dapat disimpan di {path}: {detail}", path=folder, detail=exc.strerror)
        ) from exc
    with translated_errors(db.path):
        sinkron.create_deferred(
            db.conn,
            str(target),
            manifest.pengirim.node_id,
            manifest.pengirim.nama,
            manifest.versi_skema,
            sandi,
        )


def deferred_packages(db: Database) -> list[DeferredPackage]:
    """The packages kept aside for a newer schema, oldest first."""
    return sinkron.list_deferred(db.conn)


def retry_deferred(
    db: Database, *, passphrase: str | None = None, actor: str = "sistem"
) -> list[ImportSummary]:
    """Apply the packages kept aside whose schema this Merit now knows (``actor`` needs
    ``sync.impor``, refused and audited otherwise, even with nothing waiting)."""
    require(db, actor, "sync.impor")
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


def _ready(batch: RemoteBatch, versi: dict[str, int]) -> bool:
    if versi.get(batch.origin, 0) != batch.seq - 1:
        return False
    return all(versi.get(o, 0) >= s for o, s in batch.vv.items() if o != batch.origin)


def _apply(
    db: Database,
    checked: Checked,
    summary: ImportSummary,
    progress: Callable[[int, int], None] | None,
    clock: Callable[[], float],
    actor: str,
) -> None:
    conn = db.conn
    removed = roster_store.list_removed(conn)
    roster = roster_mod.current(db)
    if checked.roster is not None and roster_mod.adopt(db, checked.roster):
        roster = checked.roster.data
        summary.roster_baru = roster.versi
    for found in checked.new_identities:
        if found.node_id not in removed and ident_mod.get_peer(db, found.node_id) is None:
            # Learnt from the package, untrusted: the system's bookkeeping, not a person's act.
            ident_mod.add_peer(db, found, trusted=False, sumber="relay", actor="sinkron")
    touched = _merge(db, checked.batches, summary, progress, clock, roster, removed)
    _bookkeeping(db, checked.manifest, summary, touched, actor)


def _merge(
    db: Database,
    incoming: list[RemoteBatch],
    summary: ImportSummary,
    progress: Callable[[int, int], None] | None,
    clock: Callable[[], float],
    roster: roster_store.RosterData | None,
    removed: dict[str, tuple[str, str]],
) -> Touched:
    """Apply what is ready among ``incoming``, the batches waiting for a missing one and those
    held back by the roster, in causal order; hold back what its origin may not write."""
    conn = db.conn
    schema = schema_of(db)
    versi = changelog.read_versions(conn)
    waiting = {(b.origin, b.seq): b for b in changelog.held_batches(conn)}
    kept = {(h.batch.origin, h.batch.seq): h.batch for h in roster_store.list_held(conn)}
    fresh: dict[tuple[str, int], RemoteBatch] = {}
    for b in incoming:
        key = (b.origin, b.seq)
        if b.seq <= versi.get(b.origin, 0):
            held = changelog.get_hash(conn, b.origin, b.seq)
            if held is not None and held != b.hash:
                raise refuse(
                    tr(
                        "batch {origin}/{seq} berbeda dengan yang sudah ada di sini "
                        "(instalasi asalnya menulis dua isi untuk nomor yang sama).",
                        origin=b.origin,
                        seq=b.seq,
                    )
                )
            summary.batch_ganda += 1
        elif key in waiting or key in kept:
            if (waiting.get(key) or kept[key]).hash != b.hash:
                raise refuse(
                    tr(
                        "batch {origin}/{seq} bertentangan dengan yang menunggu.",
                        origin=b.origin,
                        seq=b.seq,
                    )
                )
            summary.batch_ganda += 1
        else:
            fresh[key] = b
    pool: dict[str, list[RemoteBatch]] = {}
    for b in [*waiting.values(), *kept.values(), *fresh.values()]:
        pool.setdefault(b.origin, []).append(b)
    for items in pool.values():
        items.sort(key=lambda b: b.seq)
    applier = replika.Applier(conn, schema)
    applied: list[RemoteBatch] = []
    stopped: dict[tuple[str, int], RemoteBatch] = {}  # held back by the roster now
    total = len(fresh) + len(waiting) + len(kept)
    progressed = True
    while progressed:
        progressed = False
        for origin, items in pool.items():
            while items and _ready(items[0], versi):
                b = items.pop(0)
                if fresh.get((b.origin, b.seq)) is b:  # checked against this schema just now
                    b.ops = decode_trusted_ops(b.ops_blob)
                else:
                    _, b.ops = decode_checked_ops(b.ops_blob, schema, None, f"{b.origin}/{b.seq}")
                putusan = wewenang.judge(conn, roster, removed, origin, b.ops)
                if putusan is not None:
                    # Never applied; the origin's later batches wait behind it, so that
                    # nothing is applied out of order when the roster allows it later.
                    b.ops = []
                    roster_store.hold(conn, b, putusan.alasan, putusan.jenis)
                    stopped[(b.origin, b.seq)] = b
                    summary.alasan_ditahan.append(
                        tr(
                            "batch {o}/{s}: {alasan}",
                            o=b.origin[:8],
                            s=b.seq,
                            alasan=putusan.alasan,
                        )
                    )
                    items.clear()
                    break
                # Into the log first: the merge reads the version vectors of held batches.
                changelog.insert_batch(conn, b)
                applier.apply(b)
                b.ops = []
                versi[origin] = b.seq
                applied.append(b)
                progressed = True
                if progress and len(applied) % 20 == 0:
                    progress(len(applied), total)
    changelog.write_versions(conn, sorted(versi.items()))
    applied_keys = {(b.origin, b.seq) for b in applied}
    changelog.release_batches(conn, [k for k in waiting if k in applied_keys or k in stopped])
    roster_store.release(conn, [k for k in kept if k in applied_keys])
    still = [b for k, b in fresh.items() if k not in applied_keys and k not in stopped]
    changelog.hold_batches(conn, still)
    summary.batch_baru = len(applied)
    summary.batch_ditahan = len(stopped)
    summary.batch_menunggu = len(still) + sum(
        1 for k in waiting if k not in applied_keys and k not in stopped
    )
    summary.rekaman = applier.stats.rekaman
    summary.konflik_baru = applier.stats.konflik_baru
    summary.jam_dipangkas = _advance_clock(db, applied, clock)
    touched = replika.touched_by(conn, applier.stats)
    refresh_after_write(conn, touched)
    return touched


def reconsider_held(
    db: Database, *, actor: str = "sistem", clock: Callable[[], float] = time.time
) -> ImportSummary | None:
    """Apply the batches held back that the roster (or a peer trusted again) now allows,
    without waiting for the next package (None: nothing is held). ``actor`` needs the right
    ``sync.impor``; what is applied is audited."""
    require(db, actor, "sync.impor")
    if not roster_store.count_held(db.conn):
        return None
    summary = ImportSummary("", db.node_id, tr("batch yang ditahan"))
    with translated_errors(db.path), write_transaction(db) as conn:
        touched = _merge(
            db,
            [],
            summary,
            None,
            clock,
            roster_mod.current(db),
            roster_store.list_removed(conn),
        )
        if summary.batch_baru:
            audit.append(
                conn,
                aktor=actor,
                aksi=tr("Menerapkan batch yang ditahan"),
                jumlah=sum(sum(c.values()) for c in summary.rekaman.values()),
                keterangan=tr(
                    "{n} batch yang ditahan kini masuk wewenang asalnya dan diterapkan; "
                    "{m} masih ditahan.",
                    n=summary.batch_baru,
                    m=summary.batch_ditahan,
                ),
                pegawai_ids=touched.pegawai,
            )
    return summary


def _advance_clock(db: Database, applied: Iterable[RemoteBatch], clock: Callable[[], float]) -> int:
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


def _bookkeeping(
    db: Database, manifest: Manifest, summary: ImportSummary, touched: Touched, actor: str
) -> None:
    conn = db.conn
    peer = ident_mod.get_peer(db, manifest.pengirim.node_id)
    if peer is not None:
        ack = dict(peer.vv_diakui)
        for origin, seq in manifest.vv.items():
            ack[origin] = max(ack.get(origin, 0), seq)
        sinkron.write_received(conn, peer.node_id, ack)
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
        pegawai_ids=touched.pegawai,
    )
