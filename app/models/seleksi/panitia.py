"""The committee's part: conflicts of interest, the chair's quorum note, missing sealed sheets.

A member with a declared conflict of interest cannot score that candidate. A scoring member
without a sealed sheet for a held stage blocks the final ranking (:class:`LembarBelumLengkap`,
naming the member and the stage) until the chair's note that the sheets in hand are enough is
recorded (:func:`catat_kuorum`). Scoring itself: :mod:`app.models.seleksi.lembar`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import natural_id
from app.models.seleksi.seleksi import SeleksiInfo, get_seleksi
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store


def konflik_id(seleksi_id: str, anggota_id: str, pelamar_id: str) -> str:
    return natural_id("konflik", seleksi_id, anggota_id, pelamar_id)


def nyatakan_konflik(
    db: Database, seleksi_id: str, anggota_id: str, pelamar_id: str, alasan: str, *, actor: str
) -> None:
    """A member declares a conflict of interest with a candidate (cannot score them)."""
    info = get_seleksi(db.conn, seleksi_id)
    anggota = info.anggota(anggota_id)
    alasan = " ".join(alasan.split())
    if not alasan:
        raise ValidationError(tr("Alasan konflik kepentingan wajib diisi."), field="alasan")
    nama = _nama_pelamar(db.conn, seleksi_id, pelamar_id)
    kid = konflik_id(seleksi_id, anggota.id, pelamar_id)
    with Store(db).write(
        tr("Konflik kepentingan {a} dengan {p}", a=anggota.nama, p=nama),
        actor=actor,
        izin="seleksi.kelola",
    ) as tx:
        exists = db.conn.execute("SELECT 1 FROM seleksi_konflik WHERE id = ?", (kid,)).fetchone()
        if exists:
            tx.update("seleksi_konflik", kid, {"alasan": alasan, "deleted": 0})
        else:
            tx.insert(
                "seleksi_konflik",
                {
                    "id": kid,
                    "seleksi_id": seleksi_id,
                    "anggota_id": anggota.id,
                    "pelamar_id": pelamar_id,
                    "alasan": alasan,
                },
            )


def konflik(conn: sqlite3.Connection, seleksi_id: str) -> set[tuple[str, str]]:
    """(anggota_id, pelamar_id) pairs with a declared conflict."""
    return {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT anggota_id, pelamar_id FROM seleksi_konflik WHERE seleksi_id = ? "
            "AND deleted = 0",
            (seleksi_id,),
        )
    }


def _nama_pelamar(conn: sqlite3.Connection, seleksi_id: str, pelamar_id: str) -> str:
    row = conn.execute(
        "SELECT nama FROM seleksi_pelamar WHERE id = ? AND seleksi_id = ? AND deleted = 0",
        (pelamar_id, seleksi_id),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pelamar {id} tidak ditemukan.", id=pelamar_id))
    return str(row[0])


# -- quorum -------------------------------------------------------------------------------------


def catat_kuorum(db: Database, seleksi_id: str, catatan: str, *, actor: str) -> None:
    """Record the chair's note that the sealed sheets in hand are enough (missing sheets no
    longer block the final ranking). The note names the chair; empty text withdraws it."""
    info = get_seleksi(db.conn, seleksi_id)
    catatan = " ".join(catatan.split())
    with Store(db).write(
        tr("Catatan kuorum ketua panitia seleksi {j}", j=info.judul),
        actor=actor,
        izin="seleksi.kelola",
    ) as tx:
        tx.update(
            "seleksi",
            seleksi_id,
            {
                "kuorum_catatan": catatan or None,
                "kuorum_oleh": info.ketua.nama if catatan else None,
                "kuorum_waktu": utc_now() if catatan else None,
            },
        )


# -- missing sheets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LembarKurang:
    anggota_id: str
    anggota: str
    tahap_id: str
    tahap: str

    def teks(self) -> str:
        return tr("{a} (tahap {t})", a=self.anggota, t=self.tahap)


class LembarBelumLengkap(ValidationError):
    """The final ranking is refused while a required sealed sheet is missing."""

    def __init__(self, kurang: Sequence[LembarKurang]) -> None:
        super().__init__(
            tr(
                "Peringkat akhir belum dapat disusun: lembar nilai tersegel belum masuk dari "
                "{daftar}. Masukkan lembarnya, atau ketua panitia mencatat bahwa kuorum sudah "
                "cukup.",
                daftar="; ".join(k.teks() for k in kurang),
            ),
            field="lembar",
        )
        self.kurang = list(kurang)


def lembar_kurang(conn: sqlite3.Connection, info: SeleksiInfo) -> list[LembarKurang]:
    """Scoring members without a sealed sheet for a held, scored stage."""
    have = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT anggota_id, tahap_id FROM seleksi_lembar WHERE seleksi_id = ? AND deleted = 0",
            (info.id,),
        )
    }
    return [
        LembarKurang(a.id, a.nama, t.id, t.nama)
        for t in info.tahap
        if t.dinilai and t.bobot > 0
        for a in info.panitia
        if a.menilai and (a.id, t.id) not in have
    ]
