"""The default appraiser from the position tree: the holder of the nearest occupied position
above (``jabatan.atasan_jabatan_id``). Also the "direct superior" of the KP rules
(:func:`app.models.rekap.kp.nominatif_kp`)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

_CURRENT_POSITIONS = (
    "SELECT pegawai_id, jabatan_id, nama_jabatan, unit_id FROM ("
    " SELECT r.pegawai_id, r.jabatan_id, r.nama_jabatan, r.unit_id, row_number() OVER ("
    "  PARTITION BY r.pegawai_id ORDER BY coalesce(r.tmt, '') = '' DESC, r.tmt DESC,"
    "  coalesce(r.tanggal_sk, '') DESC, r.id DESC"
    " ) AS n FROM riwayat_jabatan r WHERE r.deleted = 0"
    ") WHERE n = 1"
)


@dataclass
class Positions:
    """Current positions of every active employee, the holders of each position and the
    position tree (``jabatan.atasan_jabatan_id``): what the default appraiser is derived from."""

    jabatan_of: dict[str, tuple[str | None, str, str | None]]  # pegawai -> (jabatan, name, unit)
    holders: dict[str, list[str]]  # jabatan -> active holders (by golongan desc, name)
    atasan_of: dict[str, str | None]  # jabatan -> atasan jabatan

    @classmethod
    def load(cls, conn: sqlite3.Connection, pegawai_ids: Iterable[str] | None = None) -> Positions:
        active = {
            str(r[0]): i
            for i, r in enumerate(
                conn.execute(
                    "SELECT pegawai_id FROM pegawai_ringkas WHERE deleted = 0 AND "
                    "kedudukan = 'AKTIF' ORDER BY golongan_urutan DESC, nama_urut, nip"
                )
            )
        }
        jabatan_of: dict[str, tuple[str | None, str, str | None]] = {}
        holders: dict[str, list[str]] = defaultdict(list)
        for r in conn.execute(_CURRENT_POSITIONS):
            pid = str(r[0])
            jabatan_of[pid] = (r[1], str(r[2] or ""), r[3])
            if r[1] and pid in active:
                holders[str(r[1])].append(pid)
        for ids in holders.values():
            ids.sort(key=lambda p: active[p])
        atasan_of = {
            str(r[0]): r[1]
            for r in conn.execute("SELECT id, atasan_jabatan_id FROM jabatan WHERE deleted = 0")
        }
        return cls(jabatan_of, holders, atasan_of)

    def superior(self, pegawai_id: str | None) -> str | None:
        """The holder of the nearest occupied position above the employee's position (a vacant
        superior position passes the appraisal up the tree)."""
        if not pegawai_id:
            return None
        jabatan = self.jabatan_of.get(pegawai_id, (None, "", None))[0]
        seen: set[str] = set()
        current = self.atasan_of.get(jabatan) if jabatan else None
        while current and current not in seen:
            seen.add(current)
            for holder in self.holders.get(current, []):
                if holder != pegawai_id:
                    return holder
            current = self.atasan_of.get(current)
        return None


def atasan_langsung(conn: sqlite3.Connection, pegawai_id: str) -> tuple[str | None, str | None]:
    """The default (pejabat penilai, atasan pejabat penilai) of an employee: the holder of the
    superior position in the position tree, and that person's own superior."""
    pos = Positions.load(conn)
    penilai = pos.superior(pegawai_id)
    return penilai, pos.superior(penilai)
