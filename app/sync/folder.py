"""The exchange folder ("folder tukar"): packages carried by a file-sync engine the office
already has (a Windows share, Syncthing, a cloud drive folder). No server of Merit's own.

Layout of the folder, shared by every installation that uses it::

    <folder>/<slug of the name>-<first 8 of the node id>/     the inbox of one installation
        merit-<sender>-<sender id8>-<yyyymmdd-hhmmss>.merit  a package waiting to be taken
        selesai/<yyyy-mm-dd>/...                             taken (kept 30 days)
        ditolak/<yyyy-mm-dd>/... and ....alasan.txt          refused, with the reason

One round (:func:`run_round`): first import what waits in this installation's inbox, then
write one package into each trusted partner's inbox when there is something new for it (the
import first, so that the package carries what was just received as acknowledged).

* A file still being written is never taken: only ``*.merit`` names (a sync engine's temporary
  names, and ours, ``.sementara``, are other names), and the size and modification time must be
  the same at two looks :data:`SETTLE_SECONDS` apart. Merit writes its own packages under a
  temporary name and renames them whole (:func:`app.sync.package.export_package`).
* A package the importer refuses (truncated, garbage, not for this installation, untrusted
  sender) is moved to ``ditolak/`` with a reason file; the round goes on with the next one.
* Never imported twice: a taken file is moved aside, and the content hash of every file
  imported is remembered locally (a file the engine brings back, or one that could not be
  moved, is not imported again). A refused file put back is tried again (and refused again,
  changing nothing, unless what refused it changed: its sender is trusted now).
* A partner gets a new package when this installation's version vector changed since the last
  package written for it; when the partner has not acknowledged everything, nothing of ours
  waits in its inbox any more and the last package is :data:`RESEND_SECONDS` old, it is sent
  again (a package lost, or refused there before it trusted us). After a package is written,
  the older packages of ours still waiting in that inbox are removed: the new one holds all
  they held that the partner has not acknowledged.

The folder path and the bookkeeping are local to this installation (``lokal_meta``): they
never travel.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.i18n import tr
from app.models.access.akses import allowed, record_access, require
from app.models.errors import MeritError, ValidationError
from app.models.storage import changelog
from app.models.storage.db import Database, utc_now
from app.sync import identity as ident_mod
from app.sync import importer, verify
from app.sync import package as pkg
from app.sync.folder_setting import INTERVAL_MINUTES as INTERVAL_MINUTES
from app.sync.folder_setting import META_FOLDER as META_FOLDER
from app.sync.folder_setting import get_folder as get_folder
from app.sync.verify import PackageRefused

META_STATE = "folder_tukar_keadaan"
META_TAKEN = "folder_tukar_diambil"

SELESAI = "selesai"
DITOLAK = "ditolak"
SUFFIX = ".merit"
REASON_SUFFIX = ".alasan.txt"
SETTLE_SECONDS = 3.0  # between the two looks at a file's size and time
RESEND_SECONDS = 3600.0
TAKEN_KEPT = 2000  # content hashes remembered
SELESAI_DAYS = 30  # days a taken package is kept in selesai/ (its data is in the database)


class FolderError(MeritError):
    """The exchange folder is not set or cannot be reached."""

    exit_code = 1


# -- the setting ----------------------------------------------------------------------------------


def set_folder(db: Database, folder: Path | None, *, actor: str = "sistem") -> Path | None:
    """Set (or with None, switch off) the exchange folder. ``actor`` needs ``sync.ekspor`` and
    ``sync.impor`` (the folder makes this installation export and import by itself); audited."""
    require(db, actor, "sync.ekspor")
    require(db, actor, "sync.impor")
    if folder is None:
        db.set_meta(META_FOLDER, "")
        record_access(db, actor, tr("Folder tukar dimatikan"))
        return None
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ValidationError(
            tr("Folder tukar {path} tidak ada atau bukan folder.", path=folder), field="folder"
        )
    folder = folder.resolve()
    if not os.access(folder, os.W_OK):
        raise ValidationError(
            tr("Folder tukar {path} tidak dapat ditulisi.", path=folder), field="folder"
        )
    db.set_meta(META_FOLDER, str(folder))
    inbox_of(folder, ident_mod.own_identity(db)).mkdir(exist_ok=True)
    record_access(db, actor, tr("Folder tukar ditetapkan"), keterangan=str(folder))
    return folder


# -- where things are -----------------------------------------------------------------------------


def _short(node_id: str) -> str:
    return node_id.replace("-", "")[:8].lower()


def inbox_of(folder: Path, who: ident_mod.Identity) -> Path:
    """The inbox of installation ``who``: an existing subfolder ending with its short id (the
    name it had when the folder was made), else ``<slug of its name>-<short id>``."""
    tail = "-" + _short(who.node_id)
    with contextlib.suppress(OSError):
        for sub in sorted(folder.iterdir()):
            if sub.is_dir() and sub.name.endswith(tail):
                return sub
    return folder / f"{pkg.slug(who.nama)}{tail}"


def _own_prefix(db: Database) -> str:
    own = ident_mod.own_identity(db)
    return f"merit-{pkg.slug(own.nama)}-{_short(own.node_id)}-"


def _is_own_file(name: str, short: str) -> bool:
    return name.startswith("merit-") and f"-{short}-" in name and name.endswith(SUFFIX)


def _waiting_files(inbox: Path) -> list[Path]:
    """Package files in an inbox (only ``*.merit``: temporary names are other names)."""
    try:
        entries = list(inbox.iterdir())
    except OSError:
        return []
    found = []
    for p in entries:
        if p.name.startswith((".", "~")) or p.suffix.lower() != SUFFIX:
            continue
        with contextlib.suppress(OSError):
            if p.is_file():
                found.append(p)
    return sorted(found, key=lambda p: p.name)


# -- local bookkeeping ----------------------------------------------------------------------------


def _state(db: Database) -> dict[str, Any]:
    try:
        value = json.loads(db.meta(META_STATE) or "{}")
    except ValueError:
        value = {}
    return value if isinstance(value, dict) else {}


def _save_state(db: Database, state: dict[str, Any]) -> None:
    db.set_meta(META_STATE, json.dumps(state, sort_keys=True))


def _taken(db: Database) -> list[str]:
    try:
        value = json.loads(db.meta(META_TAKEN) or "[]")
    except ValueError:
        value = []
    return [str(v) for v in value] if isinstance(value, list) else []


def _remember_taken(db: Database, digest: str) -> None:
    taken = [d for d in _taken(db) if d != digest]
    taken.append(digest)
    db.set_meta(META_TAKEN, json.dumps(taken[-TAKEN_KEPT:]))


# -- one round ------------------------------------------------------------------------------------


@dataclass
class Taken:
    """One file of the inbox and what became of it."""

    berkas: str
    hasil: str  # 'diterima', 'sudah', 'ditolak'
    pesan: str
    pengirim: str = ""
    dipindah_ke: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "berkas": self.berkas,
            "hasil": self.hasil,
            "pesan": self.pesan,
            "pengirim": self.pengirim,
            "dipindah_ke": self.dipindah_ke,
        }


@dataclass
class Sent:
    """One package written into a partner's inbox."""

    peer: str
    peer_nama: str
    berkas: str
    batch: int

    def as_json(self) -> dict[str, Any]:
        return {
            "peer": self.peer,
            "nama": self.peer_nama,
            "berkas": self.berkas,
            "batch": self.batch,
        }


@dataclass
class RoundResult:
    """What one round did."""

    folder: str
    waktu: str
    diambil: list[Taken] = field(default_factory=list)
    dikirim: list[Sent] = field(default_factory=list)
    masih_ditulis: list[str] = field(default_factory=list)  # left for the next round
    catatan: list[str] = field(default_factory=list)  # partners skipped, files not moved

    @property
    def diterima(self) -> int:
        return sum(1 for t in self.diambil if t.hasil == "diterima")

    @property
    def ditolak(self) -> int:
        return sum(1 for t in self.diambil if t.hasil == "ditolak")

    def lines(self) -> list[str]:
        out = [
            tr(
                "Putaran folder tukar: {a} paket diambil ({b} ditolak), {c} paket dikirim.",
                a=len(self.diambil),
                b=self.ditolak,
                c=len(self.dikirim),
            )
        ]
        for t in self.diambil:
            out.append(f"- {t.berkas}: {t.pesan}")
        for s in self.dikirim:
            out.append(
                tr(
                    "- ke {nama}: {berkas} ({n} batch)",
                    nama=s.peer_nama,
                    berkas=s.berkas,
                    n=s.batch,
                )
            )
        if self.masih_ditulis:
            out.append(
                tr(
                    "Masih ditulis, diambil pada putaran berikutnya: {names}",
                    names=", ".join(self.masih_ditulis),
                )
            )
        out.extend(f"- {c}" for c in self.catatan)
        return out

    def text(self) -> str:
        return "\n".join(self.lines())

    def as_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "waktu": self.waktu,
            "diambil": [t.as_json() for t in self.diambil],
            "dikirim": [s.as_json() for s in self.dikirim],
            "masih_ditulis": self.masih_ditulis,
            "catatan": self.catatan,
        }


def _look(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    seen = {}
    for p in paths:
        with contextlib.suppress(OSError):
            st = p.stat()
            seen[p] = (st.st_size, st.st_mtime_ns)
    return seen


def _aside(path: Path, folder: Path, when: datetime) -> Path:
    """Move ``path`` into ``folder/<date>/`` (a free name); the new path."""
    target_dir = folder / when.strftime("%Y-%m-%d")
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / path.name
    n = 2
    while target.exists():
        target = target_dir / f"{path.stem}-{n}{path.suffix}"
        n += 1
    shutil.move(str(path), str(target))
    return target


def _digest(path: Path) -> str:
    """The SHA-256 of a file, read in pieces; a file too big to be a package is not read (the
    import refuses it by its size) and is known by its name, size and time instead."""
    st = path.stat()
    if st.st_size > verify.MAX_FILE:
        return hashlib.sha256(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _take(
    db: Database,
    path: Path,
    inbox: Path,
    result: RoundResult,
    actor: str,
    when: datetime,
) -> None:
    try:
        digest = _digest(path)
    except OSError as exc:
        result.catatan.append(
            tr(
                "{name} tidak dapat dibaca ({e}); dicoba lagi nanti.",
                name=path.name,
                e=exc.strerror,
            )
        )
        return
    taken: Taken
    where = SELESAI
    if digest in set(_taken(db)):
        taken = Taken(path.name, "sudah", tr("sudah diambil sebelumnya; tidak diimpor lagi."))
    else:
        try:
            summary = importer.import_package(db, path, actor=actor)
        except PackageRefused as exc:
            where = DITOLAK
            taken = Taken(path.name, "ditolak", str(exc))
        except pkg.PackageError as exc:  # e.g. a newer schema's package that cannot be kept
            result.catatan.append(tr("{name}: {e}", name=path.name, e=exc))
            return
        else:
            taken = Taken(
                path.name,
                "diterima",
                " ".join(summary.lines()[:2]),
                pengirim=summary.pengirim_nama,
            )
            # Only what was imported: a refused file put back by a person (after trusting its
            # sender, say) is tried again, and refused again changes nothing.
            _remember_taken(db, digest)
    try:
        moved = _aside(path, inbox / where, when)
    except OSError as exc:
        result.catatan.append(
            tr(
                "{name} tidak dapat dipindahkan ke {where} ({e}); tidak akan diambil lagi.",
                name=path.name,
                where=where,
                e=exc.strerror or exc,
            )
        )
    else:
        taken.dipindah_ke = str(moved.relative_to(inbox))
        if where == DITOLAK:
            reason = moved.with_name(moved.name + REASON_SUFFIX)
            with contextlib.suppress(OSError):
                reason.write_text(
                    tr(
                        "Berkas: {name}\nDitolak: {when}\nSHA-256: {digest}\nAlasan: {why}\n",
                        name=path.name,
                        when=utc_now(),
                        digest=digest,
                        why=taken.pesan,
                    ),
                    encoding="utf-8",
                )
    result.diambil.append(taken)


def _prune_done(inbox: Path, today: date) -> None:
    """Remove the ``selesai/<date>`` folders older than :data:`SELESAI_DAYS` (only folders
    named by a date; ``ditolak/`` is left for a person to look at)."""
    done = inbox / SELESAI
    try:
        subs = list(done.iterdir())
    except OSError:
        return
    for sub in subs:
        try:
            day = date.fromisoformat(sub.name)
        except ValueError:
            continue
        if (today - day).days > SELESAI_DAYS and sub.is_dir() and not sub.is_symlink():
            shutil.rmtree(sub, ignore_errors=True)


def _import_inbox(
    db: Database,
    inbox: Path,
    result: RoundResult,
    actor: str,
    sleep: Callable[[float], None],
    settle: float,
) -> None:
    candidates = _waiting_files(inbox)
    if not candidates:
        return
    first = _look(candidates)
    sleep(settle)
    second = _look(candidates)
    when = datetime.now()
    for path in candidates:
        a, b = first.get(path), second.get(path)
        if a is None or b is None:
            continue  # gone meanwhile (another Merit took it, or the engine moved it)
        if a != b or b[0] == 0:
            result.masih_ditulis.append(path.name)
            continue
        _take(db, path, inbox, result, actor, when)


def _export_all(db: Database, folder: Path, result: RoundResult, actor: str, now: float) -> None:
    own = ident_mod.own_identity(db)
    short = _short(own.node_id)
    versi = changelog.read_versions(db.conn)
    state = _state(db)
    peers_state: dict[str, Any] = state.setdefault("peer", {})
    may_full = allowed(actor, "sync.ekspor_penuh")
    for peer in ident_mod.list_peers(db):
        if not peer.dipercaya or peer.sumber != "manual":
            continue
        inbox = inbox_of(folder, peer.identity)
        mine = [p for p in _waiting_files(inbox) if _is_own_file(p.name, short)]
        last = peers_state.get(peer.node_id, {})
        waiting, _ops = pkg.waiting_for(db, peer.node_id)
        changed = last.get("vv") != versi
        resend = (
            waiting > 0 and not mine and now - float(last.get("waktu_unix", 0)) >= RESEND_SECONDS
        )
        if not changed and not resend:
            continue
        if not any(peer.vv_diakui.get(o, 0) for o in versi) and not may_full:
            result.catatan.append(
                tr(
                    "Paket pertama untuk {nama} berisi seluruh data: dibuat oleh admin "
                    "(hak membuat paket lengkap).",
                    nama=peer.nama,
                )
            )
            continue
        try:
            inbox.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            result.catatan.append(
                tr("Folder {path} tidak dapat dibuat: {e}", path=inbox, e=exc.strerror)
            )
            continue
        stamp = datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M%S")
        target = inbox / f"{_own_prefix(db)}{stamp}{SUFFIX}"
        n = 2
        while target.exists():
            target = inbox / f"{_own_prefix(db)}{stamp}-{n}{SUFFIX}"
            n += 1
        try:
            written = pkg.export_package(db, target, to=peer.node_id, actor=actor)
        except pkg.PackageError as exc:  # the share went away meanwhile, the disk is full
            result.catatan.append(tr("{nama}: {e}", nama=peer.nama, e=exc))
            continue
        result.dikirim.append(Sent(peer.node_id, peer.nama, written.path.name, written.batch))
        for old in mine:  # the new package holds what they held that is not acknowledged
            with contextlib.suppress(OSError):
                old.unlink()
        peers_state[peer.node_id] = {
            "vv": versi,
            "waktu": utc_now(),
            "waktu_unix": now,
            "berkas": written.path.name,
        }
    _save_state(db, state)


def run_round(
    db: Database,
    *,
    actor: str = "sistem",
    sleep: Callable[[float], None] = time.sleep,
    settle: float | None = None,
    clock: Callable[[], float] = time.time,
) -> RoundResult:
    """Import what waits in this installation's inbox, then write a package for every trusted
    partner that has something new. ``actor`` needs ``sync.impor`` and ``sync.ekspor``."""
    require(db, actor, "sync.impor")
    require(db, actor, "sync.ekspor")
    folder = get_folder(db)
    if folder is None:
        raise FolderError(
            tr("Folder tukar belum ditetapkan. Tetapkan dengan `merit sync folder set PATH`.")
        )
    if not folder.is_dir():
        raise FolderError(
            tr(
                "Folder tukar {path} tidak dapat dijangkau (drive jaringan terputus?). "
                "Dicoba lagi pada putaran berikutnya.",
                path=folder,
            )
        )
    own = ident_mod.own_identity(db)
    result = RoundResult(str(folder), utc_now())
    inbox = inbox_of(folder, own)
    try:
        inbox.mkdir(exist_ok=True)
    except OSError as exc:
        raise FolderError(
            tr("Folder {path} tidak dapat dibuat: {e}", path=inbox, e=exc.strerror)
        ) from exc
    _import_inbox(db, inbox, result, actor, sleep, SETTLE_SECONDS if settle is None else settle)
    _prune_done(inbox, datetime.fromtimestamp(clock()).date())
    _export_all(db, folder, result, actor, clock())
    state = _state(db)
    state["putaran"] = {
        "waktu": result.waktu,
        "diambil": len(result.diambil),
        "ditolak": result.ditolak,
        "dikirim": len(result.dikirim),
    }
    _save_state(db, state)
    return result


# -- what is shown --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerFolder:
    """One partner as the exchange folder sees it."""

    node_id: str
    nama: str
    folder: str  # its inbox (relative to the exchange folder)
    terakhir_terima: str | None  # the last package received from it (any way)
    terakhir_kirim: str | None  # the last package written for it (any way)
    belum_diambil: int  # packages of ours still waiting in its inbox

    def as_json(self) -> dict[str, Any]:
        return {
            "node_id": self.node_id,
            "nama": self.nama,
            "folder": self.folder,
            "terakhir_terima": self.terakhir_terima,
            "terakhir_kirim": self.terakhir_kirim,
            "belum_diambil": self.belum_diambil,
        }


@dataclass(frozen=True)
class FolderOverview:
    folder: str | None
    terjangkau: bool
    kotak_masuk: str | None  # this installation's inbox
    menunggu: int  # packages waiting in it
    putaran_terakhir: str | None
    mitra: list[PartnerFolder]
    interval_menit: int = INTERVAL_MINUTES

    def as_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "terjangkau": self.terjangkau,
            "kotak_masuk": self.kotak_masuk,
            "menunggu": self.menunggu,
            "putaran_terakhir": self.putaran_terakhir,
            "interval_menit": self.interval_menit,
            "mitra": [m.as_json() for m in self.mitra],
        }


def overview(db: Database) -> FolderOverview:
    """The folder, this installation's inbox and, per trusted partner, when it last sent and
    received and how many of our packages it has not taken yet (a few directory listings)."""
    folder = get_folder(db)
    state = _state(db)
    last_round = state.get("putaran", {}).get("waktu")
    peers = [p for p in ident_mod.list_peers(db) if p.dipercaya and p.sumber == "manual"]
    reachable = folder is not None and folder.is_dir()
    own = ident_mod.own_identity(db)
    short = _short(own.node_id)
    mitra = []
    for p in peers:
        inbox = inbox_of(folder, p.identity) if folder is not None and reachable else None
        pending = (
            sum(1 for f in _waiting_files(inbox) if _is_own_file(f.name, short)) if inbox else 0
        )
        mitra.append(
            PartnerFolder(
                p.node_id,
                p.nama,
                inbox.name if inbox is not None else "",
                p.terakhir_terima,
                p.terakhir_kirim,
                pending,
            )
        )
    own_inbox = inbox_of(folder, own) if folder is not None and reachable else None
    return FolderOverview(
        str(folder) if folder is not None else None,
        reachable,
        str(own_inbox) if own_inbox is not None else None,
        len(_waiting_files(own_inbox)) if own_inbox is not None else 0,
        last_round,
        mitra,
    )
