"""Training evaluation (issue 15 item 5): a short feedback form per participant, Kirkpatrick
level 1 style — relevance to their work, usefulness, the trainer (each 1-5) and free text —
and the results per event and per provider, so that training the participants find irrelevant
can be dropped from the plan.

A result is flagged ``tinjau`` (review) when the mean relevance is below
:data:`BATAS_RELEVANSI` or at least :data:`BATAS_TIDAK_RELEVAN` of the answers rate relevance
1-2: a choice of this application, not a regulation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.pelatihan.acara import TIDAK_HADIR, get_acara
from app.models.reference.loader import natural_id
from app.models.storage.db import Database
from app.models.storage.store import Store

SKALA = (1, 5)
BATAS_RELEVANSI = 3.0
BATAS_TIDAK_RELEVAN = 0.5


def evaluasi_id(acara_id: str, pegawai_id: str) -> str:
    return natural_id("pelatihan_evaluasi", acara_id, pegawai_id)


@dataclass(frozen=True)
class Jawaban:
    pegawai_id: str
    relevansi: int
    manfaat: int
    pengajar: int
    komentar: str | None = None


def _check(j: Jawaban) -> list[str]:
    problems = []
    for field, label in (("relevansi", "Relevansi"), ("manfaat", "Manfaat"),
                         ("pengajar", "Pengajar")):  # fmt: skip
        value = getattr(j, field)
        if not isinstance(value, int) or not SKALA[0] <= value <= SKALA[1]:
            problems.append(tr("{f}: nilai {v} di luar skala 1-5.", f=label, v=value))
    return problems


def record_evaluasi(
    db: Database,
    acara_id: str,
    jawaban: Iterable[Jawaban],
    *,
    tanggal: date | None = None,
    actor: str = "sistem",
) -> int:
    """Record (or replace) the feedback of participants of an event. All or nothing."""
    conn = db.conn
    acara = get_acara(conn, acara_id)
    answers = list(jawaban)
    status = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT pegawai_id, status FROM pelatihan_peserta WHERE acara_id = ? AND deleted = 0",
            (acara_id,),
        )
    }
    problems: list[str] = []
    for j in answers:
        nip = conn.execute(
            "SELECT nip FROM pegawai_ringkas WHERE pegawai_id = ?", (j.pegawai_id,)
        ).fetchone()
        who = nip[0] if nip else j.pegawai_id
        if j.pegawai_id not in status:
            problems.append(tr("NIP {n}: bukan peserta acara {a}.", n=who, a=acara.nama))
        elif status[j.pegawai_id] == TIDAK_HADIR:
            problems.append(tr("NIP {n}: tercatat tidak hadir.", n=who))
        problems += [tr("NIP {n}: {p}", n=who, p=p) for p in _check(j)]
    if not answers:
        problems.append(tr("Tidak ada jawaban evaluasi."))
    if problems:
        raise ValidationError("\n".join(problems), field="evaluasi", reasons=problems)
    day = (tanggal or date.today()).isoformat()
    with Store(db).write(
        tr("Mencatat evaluasi acara pelatihan {n}", n=acara.nama),
        actor=actor,
        izin="pelatihan.kelola",
    ) as tx:
        for j in answers:
            eid = evaluasi_id(acara_id, j.pegawai_id)
            row: dict[str, str | int | None] = {
                "acara_id": acara_id,
                "pegawai_id": j.pegawai_id,
                "relevansi": j.relevansi,
                "manfaat": j.manfaat,
                "pengajar": j.pengajar,
                "komentar": (j.komentar or "").strip() or None,
                "tanggal": day,
            }
            if conn.execute("SELECT 1 FROM pelatihan_evaluasi WHERE id = ?", (eid,)).fetchone():
                tx.update("pelatihan_evaluasi", eid, {**row, "deleted": 0})
            else:
                tx.insert("pelatihan_evaluasi", {"id": eid, **row})
    return len(answers)


@dataclass(frozen=True)
class RekapEvaluasi:
    nama: str  # the event or the provider
    jawaban: int
    relevansi: float
    manfaat: float
    pengajar: float
    tidak_relevan: int  # answers rating relevance 1-2

    @property
    def tinjau(self) -> bool:
        """Worth reviewing: felt irrelevant by many."""
        return self.relevansi < BATAS_RELEVANSI or (
            self.jawaban > 0 and self.tidak_relevan / self.jawaban >= BATAS_TIDAK_RELEVAN
        )


def rekap_evaluasi(conn: sqlite3.Connection, *, per: str = "acara") -> list[RekapEvaluasi]:
    """Mean ratings per event (``per="acara"``) or per provider (``"penyelenggara"``), the
    ones most felt irrelevant first."""
    if per not in ("acara", "penyelenggara"):
        raise ValidationError(
            tr("Rekap evaluasi per '{p}' tidak dikenal: acara atau penyelenggara.", p=per),
            field="per",
        )
    group = "a.nama || ' (' || a.tanggal_mulai || ')'" if per == "acara" else (
        "COALESCE(a.penyelenggara, '-')"
    )  # fmt: skip
    rows = conn.execute(
        f"SELECT {group}, count(*), avg(e.relevansi), avg(e.manfaat), avg(e.pengajar), "
        "sum(e.relevansi <= 2) FROM pelatihan_evaluasi e "
        "JOIN pelatihan_acara a ON a.id = e.acara_id "
        "WHERE e.deleted = 0 AND a.deleted = 0 GROUP BY 1 ORDER BY 3, 1"
    )
    return [
        RekapEvaluasi(
            str(r[0]),
            int(r[1]),
            round(float(r[2]), 2),
            round(float(r[3]), 2),
            round(float(r[4]), 2),
            int(r[5]),
        )
        for r in rows
    ]


def get_evaluasi_acara(conn: sqlite3.Connection, acara_id: str) -> RekapEvaluasi:
    """The result of one event."""
    acara = get_acara(conn, acara_id)
    row = conn.execute(
        "SELECT count(*), avg(relevansi), avg(manfaat), avg(pengajar), sum(relevansi <= 2) "
        "FROM pelatihan_evaluasi WHERE acara_id = ? AND deleted = 0",
        (acara_id,),
    ).fetchone()
    if not row[0]:
        raise NotFoundError(tr("Acara {n} belum memiliki evaluasi.", n=acara.nama))
    return RekapEvaluasi(acara.nama, int(row[0]), round(float(row[1]), 2),
                         round(float(row[2]), 2), round(float(row[3]), 2), int(row[4]))  # fmt: skip
