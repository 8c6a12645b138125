"""What the sync screen and ``merit sync status`` show: this installation, its peers, what waits
to go to each, batches held back for a missing one, open clashes, packages kept aside."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.models.access import audit_kepala
from app.models.storage import changelog, sinkron
from app.models.storage.db import Database
from app.sync import identity as ident_mod
from app.sync import roster as roster_mod
from app.sync.conflicts import count_conflicts
from app.sync.package import waiting_for


@dataclass(frozen=True)
class PeerStatus:
    peer: ident_mod.Peer
    menunggu_batch: int  # batches held here that the peer has not acknowledged
    menunggu_operasi: int


@dataclass(frozen=True)
class HeldBatch:
    origin: str
    seq: int
    origin_nama: str
    menunggu: str  # the first missing batch, "origin/seq"
    ditahan: bool = False  # that batch is here but held back by the roster


@dataclass(frozen=True)
class SyncStatus:
    identitas: ident_mod.Identity
    versi: dict[str, int]
    peers: list[PeerStatus]
    tertahan: list[HeldBatch]
    konflik: int
    tertunda: int
    # The highest audit head seen per installation (this one's as a peer reported it).
    kepala_audit: list[audit_kepala.KnownHead] = field(default_factory=list)
    roster: roster_mod.RosterView | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "node_id": self.identitas.node_id,
            "nama": self.identitas.nama,
            "sidik_jari": self.identitas.sidik_jari,
            "versi": self.versi,
            "peer": [
                {
                    "node_id": p.peer.node_id,
                    "nama": p.peer.nama,
                    "sidik_jari": p.peer.sidik_jari,
                    "dipercaya": p.peer.dipercaya,
                    "sumber": p.peer.sumber,
                    "diakui": p.peer.vv_diakui,
                    "terakhir_terima": p.peer.terakhir_terima,
                    "terakhir_kirim": p.peer.terakhir_kirim,
                    "menunggu_batch": p.menunggu_batch,
                    "menunggu_operasi": p.menunggu_operasi,
                }
                for p in self.peers
            ],
            "tertahan": [
                {
                    "asal": h.origin,
                    "asal_nama": h.origin_nama,
                    "seq": h.seq,
                    "menunggu": h.menunggu,
                    "menunggu_ditahan": h.ditahan,
                }
                for h in self.tertahan
            ],
            "konflik": self.konflik,
            "tertunda": self.tertunda,
            "kepala_audit": [
                {
                    "asal": k.asal,
                    "urutan": k.urutan,
                    "hash": k.hash,
                    "dari": k.sumber,
                    "diterima": k.diterima,
                }
                for k in self.kepala_audit
            ],
            "roster": self.roster.as_json() if self.roster is not None else None,
        }


def held_batches(db: Database) -> list[HeldBatch]:
    """Batches received but waiting for an earlier one that has not arrived."""
    versi = changelog.read_versions(db.conn)
    names = {p.node_id: p.nama for p in ident_mod.list_peers(db)}
    held_back = {f"{h.origin}/{h.seq}" for h in roster_mod.held(db)}
    result = []
    for origin, seq, vv in changelog.list_held(db.conn):
        missing = f"{origin}/{versi.get(origin, 0) + 1}"
        if versi.get(origin, 0) == seq - 1:
            for o, s in vv.items():
                if o != origin and versi.get(o, 0) < s:
                    missing = f"{o}/{versi.get(o, 0) + 1}"
                    break
        result.append(
            HeldBatch(
                origin, int(seq), names.get(origin, origin[:8]), missing, missing in held_back
            )
        )
    return result


def sync_status(db: Database) -> SyncStatus:
    own = ident_mod.own_identity(db)
    peers = []
    for peer in ident_mod.list_peers(db):
        batches, ops = waiting_for(db, peer.node_id)
        peers.append(PeerStatus(peer, batches, ops))
    versi = changelog.read_versions(db.conn)
    return SyncStatus(
        own,
        versi,
        peers,
        held_batches(db),
        count_conflicts(db),
        len(sinkron.list_deferred(db.conn)),
        audit_kepala.list_known_heads(db.conn),
        roster_mod.overview(db),
    )
