"""The agency's roster: which installations belong to the agency and what each may write.

The agency's *root* installation (the one that created the agency, or the one the root role was
handed over to) signs the roster with its Ed25519 key. The roster names every installation of
the agency with its public keys and its rights (kinds of change and units, see
:mod:`app.models.access.wewenang`), the installations removed from the agency, and a version
number: a newer roster signed by the root in force replaces an older one wherever it arrives.

It travels in every package (the manifest's ``roster`` field, signed again with the manifest),
so that a relayed roster is as good as one from the root. Checking a roster needs only the
root's key, which the roster carries: the first root (``root_awal``) and the chain of hand-overs,
each signed by the root handing over. The agency id is derived from the first root's node id;
a roster is accepted here only if it is of this installation's agency, extends the chain of
hand-overs known here, and is newer. An installation that holds no roster yet takes the first
valid one from a trusted sender (or, after migration 19, only one whose first root is the
installation that created the agency).

While an installation holds no roster, every trusted peer may write everything (as before the
roster existed); the Sinkron page and ``merit sync roster show`` say so.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, replace
from typing import Any

import nacl.exceptions
import nacl.signing

from app.i18n import tr
from app.models.access import audit, kunci, wewenang
from app.models.access.akses import nama_unit, require
from app.models.errors import MeritError, ValidationError
from app.models.storage import roster as store
from app.models.storage.changelog import canonical_json
from app.models.storage.db import Database, utc_now, write_transaction
from app.models.storage.faults import translated_errors
from app.models.storage.roster import Entri, RosterData, SerahTerima
from app.sync import identity as ident_mod

ROSTER_SIGN_CONTEXT = b"merit-roster-v1\0"
HANDOVER_SIGN_CONTEXT = b"merit-serah-terima-v1\0"
NAMESPACE = uuid.UUID("6f0b7a52-3f7e-4b8a-9a51-5d2c0e4f1a10")  # Merit's own UUIDv5 namespace


class RosterError(MeritError):
    """A roster that cannot be used, or a change of the roster that is not allowed here."""

    exit_code = 2


def agency_id(root_node: str) -> str:
    """The agency id: derived from the node id of the installation that created the agency
    (the same formula as migration 19)."""
    return str(uuid.uuid5(NAMESPACE, f"instansi:{root_node}"))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ValueError("kunci")
    return raw


def handover_message(instansi_id: str, handover: SerahTerima) -> bytes:
    return HANDOVER_SIGN_CONTEXT + canonical_json(
        {
            "instansi_id": instansi_id,
            "versi": handover.versi,
            "node_id": handover.node_id,
            "kunci_tanda": handover.kunci_tanda,
        }
    )


def signer_of(data: RosterData) -> tuple[str, str]:
    """(node id, base64 key) of the root that must sign roster ``data``: the root after every
    hand-over of an earlier version (a hand-over is signed, with its roster, by the root handing
    over)."""
    root = data.root_awal
    for handover in data.serah_terima:
        if handover.versi < data.versi:
            root = (handover.node_id, handover.kunci_tanda)
    return root


def verify(data: RosterData, signature: bytes) -> None:
    """Check the chain of hand-overs and the root's signature; RosterError otherwise."""
    if data.instansi_id != agency_id(data.root_awal[0]):
        raise RosterError(tr("Roster tidak sah: id instansi tidak cocok dengan root pertamanya."))
    try:
        root_key = _unb64(data.root_awal[1])
        last = 0
        for handover in data.serah_terima:
            if handover.versi <= last or handover.versi > data.versi:
                raise ValueError("versi")
            last = handover.versi
            nacl.signing.VerifyKey(root_key).verify(
                handover_message(data.instansi_id, handover),
                base64.b64decode(handover.tanda_tangan),
            )
            root_key = _unb64(handover.kunci_tanda)
        signer = _unb64(signer_of(data)[1])
        nacl.signing.VerifyKey(signer).verify(ROSTER_SIGN_CONTEXT + data.body(), signature)
    except (nacl.exceptions.BadSignatureError, ValueError, TypeError):
        raise RosterError(
            tr("Roster tidak sah: tanda tangan root tidak cocok (roster diubah atau palsu).")
        ) from None


def parse_signed(value: Any) -> tuple[RosterData, bytes]:
    """A roster as it travels (``{"isi": body, "tanda_tangan": base64}``), checked."""
    if not isinstance(value, dict):
        raise RosterError(tr("Roster di paket tidak sah."))
    try:
        data = store.parse_body(value.get("isi"))
        signature = base64.b64decode(str(value.get("tanda_tangan", "")), validate=True)
    except ValueError as exc:
        raise RosterError(tr("Roster di paket tidak sah ({field}).", field=str(exc))) from None
    if len(signature) != 64:
        raise RosterError(tr("Roster di paket tidak sah (tanda tangan)."))
    verify(data, signature)
    return data, signature


# -- the roster held here -------------------------------------------------------------------------


def _own_key_b64(db: Database) -> tuple[str, str]:
    key = kunci.signing_key(db)
    return _b64(bytes(key.verify_key)), _b64(bytes(key.to_curve25519_private_key().public_key))


def _full_entry(node_id: str, nama: str, tanda: str, enkripsi: str) -> Entri:
    return Entri(node_id, nama, tanda, enkripsi, wewenang.KODE_JENIS, (), "bkd-penuh")


def current(db: Database) -> RosterData | None:
    """The roster held here. On the root of an agency upgraded by migration 19, the first
    roster is made now: the root and the nodes noted by the migration, all with full rights."""
    stored = store.read_roster(db.conn)
    if stored is not None:
        return stored.data
    noted = db.meta(store.META_WARISAN)
    if noted is None:
        return None
    nodes = [str(n) for n in json.loads(noted)]
    tanda, enkripsi = _own_key_b64(db)
    own = ident_mod.own_identity(db)
    entries = [_full_entry(db.node_id, own.nama, tanda, enkripsi)]
    for node_id in nodes:
        peer = ident_mod.get_peer(db, node_id)
        if peer is not None:
            entries.append(
                _full_entry(node_id, peer.nama, _b64(peer.kunci_tanda), _b64(peer.kunci_enkripsi))
            )
    data = RosterData(
        agency_id(db.node_id), 1, (db.node_id, tanda), (), tuple(entries), (), utc_now()
    )
    _write(db, data, None)
    return data


def _write(db: Database, data: RosterData, signature: bytes | None) -> None:
    with translated_errors(db.path):
        store.write_roster(db.conn, data, signature)
        db.set_meta(store.META_INSTANSI, data.instansi_id)
        store.forget_warisan(db.conn)


def is_root(db: Database, data: RosterData | None = None) -> bool:
    data = data if data is not None else current(db)
    return data is not None and data.root[0] == db.node_id


def own_agency(db: Database) -> str | None:
    """This installation's agency id (None: not known yet)."""
    stored = store.read_roster(db.conn)
    return stored.data.instansi_id if stored else db.meta(store.META_INSTANSI)


def signed_for_package(db: Database) -> dict[str, Any] | None:
    """The roster as it travels, signed (the root signs its own roster now if it has not)."""
    data = current(db)
    if data is None:
        return None
    stored = store.read_roster(db.conn)
    assert stored is not None
    signature = stored.tanda_tangan
    if signature is None:
        if signer_of(data)[0] != db.node_id:
            return None
        signature = kunci.signing_key(db).sign(ROSTER_SIGN_CONTEXT + data.body()).signature
        with translated_errors(db.path):
            store.write_signature(db.conn, data.versi, signature)
    return {"isi": data.as_dict(), "tanda_tangan": _b64(signature)}


@dataclass(frozen=True)
class Verdict:
    """What to do with a roster that came in a package."""

    data: RosterData
    signature: bytes
    newer: bool  # replaces the roster held here


def judge_incoming(db: Database, data: RosterData, signature: bytes) -> Verdict:
    """Whether a checked roster from a package replaces the one held here (nothing is
    written). RosterError when it belongs to another agency or forks the hand-overs."""
    held = store.read_roster(db.conn)
    if held is None and db.meta(store.META_WARISAN) is not None:
        mine = agency_id(db.node_id)
        if data.instansi_id != mine:
            raise _other_agency(data)
        return Verdict(data, signature, False)  # this is the root: only it signs its roster
    if held is None:
        expected = db.meta(store.META_INSTANSI)
        if expected is not None and expected != data.instansi_id:
            raise _other_agency(data)
        return Verdict(data, signature, True)
    mine_data = held.data
    if mine_data.instansi_id != data.instansi_id:
        raise _other_agency(data)
    if data.versi <= mine_data.versi:
        return Verdict(data, signature, False)
    known = mine_data.serah_terima
    if data.serah_terima[: len(known)] != known:
        raise RosterError(
            tr(
                "Paket ditolak: rosternya (versi {v}) tidak meneruskan serah terima root yang "
                "dikenal di sini; roster itu ditandatangani root lama.",
                v=data.versi,
            )
        )
    return Verdict(data, signature, True)


def _other_agency(data: RosterData) -> RosterError:
    return RosterError(
        tr(
            "Paket ditolak: paket ini dari instansi lain (id instansi {id}), bukan dari instansi "
            "instalasi ini. Tidak ada yang diubah; periksa peer pengirimnya.",
            id=data.instansi_id,
        )
    )


def adopt(db: Database, verdict: Verdict) -> bool:
    """Store a newer roster (inside the import's transaction). True when it replaced one."""
    if not verdict.newer:
        return False
    _write(db, verdict.data, verdict.signature)
    return True


# -- editing (on the root) ------------------------------------------------------------------------


def _editable(db: Database) -> RosterData:
    """The roster to edit here: the one held (this installation must be its root), or a new
    one with this installation as the root of a new agency."""
    data = current(db)
    if data is None:
        expected = db.meta(store.META_ROOT_HARAPAN)
        if expected is not None and expected != db.node_id:
            raise RosterError(
                tr(
                    "Instalasi ini bukan root instansi: roster ditandatangani oleh instalasi "
                    "yang membuat instansi ({id}). Ubah roster di sana.",
                    id=expected,
                )
            )
        tanda, enkripsi = _own_key_b64(db)
        own = ident_mod.own_identity(db)
        return RosterData(
            agency_id(db.node_id),
            0,
            (db.node_id, tanda),
            (),
            (_full_entry(db.node_id, own.nama, tanda, enkripsi),),
            (),
            utc_now(),
        )
    if not is_root(db, data):
        root = data.get(data.root[0])
        raise RosterError(
            tr(
                "Instalasi ini bukan root instansi; hanya root ({nama}) yang boleh mengubah "
                "roster.",
                nama=root.nama if root else data.root[0],
            )
        )
    return data


def _publish(
    db: Database,
    data: RosterData,
    *,
    signer: nacl.signing.SigningKey,
    actor: str,
    keterangan: str,
) -> RosterData:
    """Sign and store the next version, with one audit entry, in one transaction."""
    data = replace(data, versi=data.versi + 1, dibuat=utc_now())
    signature = signer.sign(ROSTER_SIGN_CONTEXT + data.body()).signature
    with translated_errors(db.path), write_transaction(db) as conn:
        _write(db, data, signature)
        audit.append(
            conn,
            aktor=actor,
            aksi=tr("Mengubah roster instansi"),
            keterangan=tr("Roster versi {v}: {k}", v=data.versi, k=keterangan),
        )
    return data


def _target(db: Database, ref: str) -> tuple[str, str, str, str]:
    """(node id, name, signing key, encryption key) of an installation named on the command
    line: this one, or a known peer (name, node id or prefix)."""
    own = ident_mod.own_identity(db)
    if ref.strip().casefold() in (own.nama.casefold(), db.node_id, "ini"):
        return (db.node_id, own.nama, _b64(own.kunci_tanda), _b64(own.kunci_enkripsi))
    peer = ident_mod.find_peer(db, ref)
    return (peer.node_id, peer.nama, _b64(peer.kunci_tanda), _b64(peer.kunci_enkripsi))


def set_entry(
    db: Database,
    ref: str,
    izin: str,
    units: list[str] | tuple[str, ...] = (),
    *,
    actor: str = "sistem",
) -> RosterData:
    """Give an installation its rights (``izin``: a preset or kinds joined by ``+``; ``units``:
    unit ids it is limited to) and sign the new roster version. Needs ``instansi.ubah``."""
    require(db, actor, "instansi.ubah")
    data = _editable(db)
    try:
        preset, kinds = wewenang.parse_izin(izin)
    except ValueError as exc:
        raise ValidationError(
            tr(
                "Izin '{izin}' tidak dikenal. Pakai salah satu preset ({presets}) atau jenis "
                "({kinds}) yang digabung dengan +.",
                izin=str(exc),
                presets=", ".join(wewenang.PRESET),
                kinds=", ".join(wewenang.KODE_JENIS),
            ),
            field="izin",
        ) from None
    problem = wewenang.check_entry(kinds, units)
    if problem:
        raise ValidationError(tr("Izin tidak sah: {p}.", p=problem), field="unit")
    node_id, nama, tanda, enkripsi = _target(db, ref)
    if node_id == data.root[0]:
        raise ValidationError(
            tr("Root instansi selalu berwenang penuh; serahkan dulu peran root bila perlu."),
            field="instalasi",
        )
    entry = Entri(node_id, nama, tanda, enkripsi, kinds, tuple(sorted(set(units))), preset)
    entries = (*(e for e in data.entri if e.node_id != node_id), entry)
    removed = tuple(r for r in data.dicabut if r[0] != node_id)
    return _publish(
        db,
        replace(data, entri=entries, dicabut=removed),
        signer=kunci.signing_key(db),
        actor=actor,
        keterangan=tr("{nama} ({id}) dikeluarkan dari instansi", nama=nama, id=node_id),
    )


def remove_entry(db: Database, ref: str, *, actor: str = "sistem") -> RosterData:
    """Remove an installation from the agency: its batches are refused wherever this roster
    arrives, however they are relayed. Needs ``instansi.ubah``."""
    require(db, actor, "instansi.ubah")
    data = _editable(db)
    node_id, nama, _t, _e = _target(db, ref)
    if node_id == data.root[0]:
        raise ValidationError(tr("Root instansi tidak dapat dikeluarkan."), field="instalasi")
    entries = tuple(e for e in data.entri if e.node_id != node_id)
    removed = (*(r for r in data.dicabut if r[0] != node_id), (node_id, nama))
    return _publish(
        db,
        replace(data, entri=entries, dicabut=removed),
        signer=kunci.signing_key(db),
        actor=actor,
        keterangan=tr("{nama} ({id}) dikeluarkan dari instansi", nama=nama, id=node_id),
    )


def handover(db: Database, ref: str, *, actor: str = "sistem") -> RosterData:
    """Hand the root role over to an installation of the roster: a new roster version whose
    hand-over this root signs. From then on only the new root may change the roster; this
    installation keeps full rights until the new root says otherwise. Needs
    ``instansi.ubah``."""
    require(db, actor, "instansi.ubah")
    data = _editable(db)
    if data.versi == 0:
        raise RosterError(tr("Belum ada roster; tetapkan roster dulu sebelum menyerahkan root."))
    node_id, nama, tanda, _e = _target(db, ref)
    if node_id == db.node_id:
        raise ValidationError(tr("Instalasi ini sudah root."), field="instalasi")
    entry = data.get(node_id)
    if entry is None:
        raise ValidationError(
            tr("Instalasi itu belum ada di roster; tetapkan izinnya dulu."), field="instalasi"
        )
    key = kunci.signing_key(db)
    versi = data.versi + 1
    unsigned = SerahTerima(versi, node_id, tanda, "")
    signature = key.sign(handover_message(data.instansi_id, unsigned)).signature
    chain = (*data.serah_terima, replace(unsigned, tanda_tangan=_b64(signature)))
    entries = tuple(
        _full_entry(e.node_id, e.nama, e.kunci_tanda, e.kunci_enkripsi)
        if e.node_id == node_id
        else e
        for e in data.entri
    )
    return _publish(
        db,
        replace(data, serah_terima=chain, entri=entries),
        signer=key,
        actor=actor,
        keterangan=tr("peran root diserahkan kepada {nama} ({id})", nama=nama, id=node_id),
    )


def preset_title(entry: Entri) -> str:
    if entry.preset and entry.preset in wewenang.PRESET:
        return tr(wewenang.PRESET[entry.preset][0])
    return " + ".join(entry.izin) or tr("tidak boleh menulis")


# -- what the screen and `merit sync roster show` show --------------------------------------------


@dataclass(frozen=True)
class EntriView:
    node_id: str
    nama: str
    izin: tuple[str, ...]
    unit: tuple[str, ...]  # unit names
    judul: str  # the preset's title, or the kinds
    root: bool
    ini: bool  # this installation


@dataclass(frozen=True)
class HeldView:
    origin: str
    origin_nama: str
    seq: int
    jenis: str  # 'wewenang' | 'dicabut'
    alasan: str
    diterima: str


@dataclass(frozen=True)
class RosterView:
    versi: int | None  # None: no roster here yet
    instansi_id: str | None
    root_id: str | None
    entri: tuple[EntriView, ...]
    dicabut: tuple[tuple[str, str], ...]
    ditahan: tuple[HeldView, ...]

    @property
    def root_nama(self) -> str:
        return next((e.nama for e in self.entri if e.root), self.root_id or "-")

    def as_json(self) -> dict[str, Any]:
        return {
            "versi": self.versi,
            "instansi_id": self.instansi_id,
            "root": self.root_id,
            "entri": [
                {
                    "node_id": e.node_id,
                    "nama": e.nama,
                    "izin": list(e.izin),
                    "unit": list(e.unit),
                    "keterangan": e.judul,
                    "root": e.root,
                    "ini": e.ini,
                }
                for e in self.entri
            ],
            "dicabut": [{"node_id": n, "nama": m} for n, m in self.dicabut],
            "ditahan": [
                {
                    "asal": h.origin,
                    "asal_nama": h.origin_nama,
                    "seq": h.seq,
                    "jenis": h.jenis,
                    "alasan": h.alasan,
                    "diterima": h.diterima,
                }
                for h in self.ditahan
            ],
        }


def held(db: Database) -> tuple[HeldView, ...]:
    """The batches held back here (outside their origin's rights, or from a removed origin)."""
    names = {p.node_id: p.nama for p in ident_mod.list_peers(db)}
    data = store.read_roster(db.conn)
    if data is not None:
        names.update({e.node_id: e.nama for e in data.data.entri})
    removed = store.list_removed(db.conn)
    return tuple(
        HeldView(
            h.batch.origin,
            names.get(h.batch.origin) or removed.get(h.batch.origin, (h.batch.origin[:8], ""))[0],
            h.batch.seq,
            h.jenis,
            h.alasan,
            h.diterima,
        )
        for h in store.list_held(db.conn)
    )


def overview(db: Database) -> RosterView:
    """The roster held here with names, and the batches it holds back."""
    data = current(db)
    if data is None:
        return RosterView(None, own_agency(db), db.meta(store.META_ROOT_HARAPAN), (), (), held(db))
    root = data.root[0]
    entries = tuple(
        EntriView(
            e.node_id,
            e.nama,
            e.izin,
            tuple(nama_unit(db.conn, u) for u in e.unit),
            tr("root instansi, berwenang penuh") if e.node_id == root else preset_title(e),
            e.node_id == root,
            e.node_id == db.node_id,
        )
        for e in sorted(data.entri, key=lambda e: (e.node_id != root, e.nama.casefold()))
    )
    return RosterView(data.versi, data.instansi_id, root, entries, data.dicabut, held(db))
