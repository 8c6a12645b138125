"""The whole check of the audit trail: what ``merit audit verify``, the *Jejak audit* page, the
sign-in and the sync import report.

:func:`check_trail` walks the hash chain and checks the signed head (missing; an empty trail
with a known head; a trail cut short; a wrong signature), the change log (writes of this
installation whose entry is gone: entries deleted and the chain joined up again), and the
heads other installations have seen of this one (shorter, or different at the same number).
Breaks found before sign-in or at an import are written as their own entry
(:func:`record_break`), so that the next entry, chained over the cut, does not hide it: those
entries are listed by every later check.

:func:`check_before_sign_in` is the quick form (the newest entry, the head, the tail of the
change log, the peers' heads; no walk of the whole chain), run before the sign-in entry is
appended. A failure never refuses the sign-in: nobody is locked out of their data.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.i18n import angka, tr
from app.models.access import audit
from app.models.access.audit_kepala import (
    SignedHead,
    existing_key,
    list_known_heads,
    node_id,
    peer_key,
    peer_name,
    read_head,
    signature_ok,
)
from app.models.storage import changelog
from app.models.storage.db import Database, write_transaction

# Entries that record a break found by a check: tabel = BREAK_TABLE, record_id = the node id of
# the installation whose trail is broken.
BREAK_TABLE = "lokal_audit"


# -- checking -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Masalah:
    """One thing found wrong. ``kode`` identifies it for de-duplication when recorded."""

    jenis: str  # rantai, kepala_hilang, kosong, terpotong, tanda, tak_tercatat, lebih_pendek,
    # berbeda, pemeriksaan
    pesan: str
    entri: int | None = None
    kode: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"jenis": self.jenis, "pesan": self.pesan, "entri": self.entri}


@dataclass(frozen=True)
class RecordedBreak:
    """A break found earlier and recorded as its own entry (``waktu``: UTC ISO text)."""

    no: int
    waktu: str
    aktor: str
    keterangan: str

    @property
    def waktu_lokal(self) -> str:
        """The instant in this computer's time zone, to the minute."""
        try:
            when = datetime.fromisoformat(self.waktu.replace("Z", "+00:00")).astimezone()
        except ValueError:
            return self.waktu
        return when.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class TrailCheck:
    """Result of :func:`check_trail`. ``ok``: nothing wrong now; ``utuh``: nothing wrong now
    and no break recorded before."""

    count: int
    masalah: tuple[Masalah, ...] = ()
    tercatat: tuple[RecordedBreak, ...] = ()
    catatan: tuple[str, ...] = ()
    penuh: bool = True  # the whole chain was walked (False: the quick check before sign-in)

    @property
    def ok(self) -> bool:
        return not self.masalah

    @property
    def utuh(self) -> bool:
        return self.ok and not self.tercatat

    def lines(self) -> list[str]:
        """The result in Indonesian, one sentence per line."""
        out: list[str] = []
        if self.ok:
            out.append(
                tr("Jejak audit utuh: {n} entri, rantai sidik cocok.", n=self.count)
                if not self.tercatat
                else tr(
                    "Rantai jejak audit kini cocok ({n} entri), tetapi kerusakan pernah "
                    "ditemukan dan dicatat:",
                    n=self.count,
                )
            )
        else:
            out.append(tr("Jejak audit TIDAK UTUH:"))
            out += [f"- {m.pesan}" for m in self.masalah]
            if self.tercatat:
                out.append(tr("Kerusakan yang ditemukan dan dicatat sebelumnya:"))
        out += [
            "- "
            + tr(
                "entri no {no} ({waktu}, {aktor}): {ket}",
                no=r.no,
                waktu=r.waktu_lokal,
                aktor=r.aktor,
                ket=r.keterangan,
            )
            for r in self.tercatat
        ]
        out += self.catatan
        return out

    @property
    def message(self) -> str:
        return "\n".join(self.lines())

    def as_json(self) -> dict[str, Any]:
        return {
            "utuh": self.utuh,
            "cocok": self.ok,
            "entri": self.count,
            "masalah": [m.as_json() for m in self.masalah],
            "tercatat": [
                {"no": r.no, "waktu": r.waktu, "aktor": r.aktor, "keterangan": r.keterangan}
                for r in self.tercatat
            ],
            "catatan": list(self.catatan),
        }


def entry_hash_at(conn: sqlite3.Connection, no: int) -> str | None:
    """The hash of entry ``no`` of this trail (None: there is none)."""
    row = conn.execute("SELECT hash FROM lokal_audit WHERE no = ?", (no,)).fetchone()
    return None if row is None else str(row[0])


def _last(conn: sqlite3.Connection) -> tuple[int, str | None, int]:
    """(number, hash) of the newest entry and how many entries there are."""
    row = conn.execute(
        "SELECT no, hash, (SELECT count(*) FROM lokal_audit) FROM lokal_audit "
        "ORDER BY no DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return 0, None, 0
    return int(row[0]), row[1], int(row[2])


def _evidence(conn: sqlite3.Connection, own: str) -> str | None:
    """Why this installation must have a trail (an empty trail then means a deleted one)."""
    own_batches = changelog.read_versions(conn).get(own, 0)
    if own_batches:
        return tr(
            "{n} perubahan dari instalasi ini tercatat di log perubahan, tetapi tidak ada entri "
            "audit sama sekali",
            n=angka(own_batches),
        )
    if conn.execute("SELECT 1 FROM lokal_akun LIMIT 1").fetchone():
        return tr("instalasi ini punya akun pengguna, tetapi tidak ada entri audit sama sekali")
    return None


def _head_problems(
    conn: sqlite3.Connection, own: str, last_no: int, last_hash: str | None, count: int
) -> tuple[list[Masalah], list[str]]:
    problems: list[Masalah] = []
    notes: list[str] = []
    head = read_head(conn)
    if head is None:
        if count:
            problems.append(
                Masalah(
                    "kepala_hilang",
                    tr(
                        "Kepala jejak audit (nomor dan sidik entri terakhir, bertanda tangan) "
                        "hilang: dihapus di luar Merit."
                    ),
                    kode="kepala_hilang",
                )
            )
        else:
            why = _evidence(conn, own)
            if why:
                problems.append(
                    Masalah(
                        "kosong",
                        tr("Jejak audit beserta kepalanya dihapus di luar Merit: {why}.", why=why),
                        kode="kosong",
                    )
                )
        return problems, notes
    if head.legacy:
        notes.append(
            tr(
                "Catatan: kepala jejak ini ditulis sebelum kepala ditandatangani; entri "
                "berikutnya menandatanganinya."
            )
        )
    else:
        key = existing_key(conn)
        signed = None
        if key is not None and head.tanda:
            try:
                signed = SignedHead(own, head.urutan, head.hash, base64.b64decode(head.tanda))
            except (binascii.Error, ValueError):
                signed = None
        if signed is None or key is None or not signature_ok(bytes(key.verify_key), signed):
            problems.append(
                Masalah(
                    "tanda",
                    tr(
                        "Tanda tangan kepala jejak audit tidak ada atau tidak cocok (kepala no "
                        "{n}): kepala diubah di luar Merit.",
                        n=head.urutan,
                    ),
                    kode=f"tanda:{head.urutan}",
                )
            )
    if count == 0:
        problems.append(
            Masalah(
                "kosong",
                tr(
                    "Jejak audit kosong, padahal kepalanya mencatat {n} entri: seluruh jejak "
                    "dihapus di luar Merit.",
                    n=angka(head.urutan),
                ),
                entri=1,
                kode=f"kosong:{head.urutan}",
            )
        )
    elif head.urutan > last_no:
        missing = str(head.urutan) if head.urutan == last_no + 1 else f"{last_no + 1}–{head.urutan}"
        problems.append(
            Masalah(
                "terpotong",
                tr(
                    "Jejak audit terpotong: kepala mencatat {head} entri, kini hanya sampai no "
                    "{last}; entri no {missing} hilang.",
                    head=angka(head.urutan),
                    last=angka(last_no),
                    missing=missing,
                ),
                entri=last_no + 1,
                kode=f"terpotong:{head.urutan}",
            )
        )
    elif head.urutan < last_no:
        problems.append(
            Masalah(
                "disisipkan",
                tr(
                    "Entri no {span} ditambahkan di luar Merit (kepala jejak mencatat {n} entri).",
                    span=str(last_no)
                    if last_no == head.urutan + 1
                    else f"{head.urutan + 1}–{last_no}",
                    n=head.urutan,
                ),
                entri=head.urutan + 1,
                kode=f"disisipkan:{head.urutan}",
            )
        )
    elif last_hash != head.hash:
        problems.append(
            Masalah(
                "rantai",
                tr("Entri no {n} (yang terakhir) telah diubah di luar Merit.", n=last_no),
                entri=last_no,
                kode=f"ujung:{last_no}",
            )
        )
    return problems, notes


def _coverage_problem(
    own_entries: Sequence[tuple[int, int, int]], own_batches: int, *, start: int = 1
) -> Masalah | None:
    """Every batch this installation wrote is audited by the entry of its transaction: an
    entry for batch ``r`` of a transaction of ``j`` records covers batches ``r`` to at most
    ``r + j - 1`` (each batch holds at least one record). ``own_entries``: (no, batch_seq,
    jumlah) in trail order; batches before ``start`` are not looked at."""
    expected = start
    for no, seq, jumlah in own_entries:
        if seq > expected:
            return _uncovered(expected, seq - 1, before=no)
        expected = seq + max(int(jumlah), 1)  # this entry starts where the one before ended
    if own_batches >= expected:
        return _uncovered(expected, own_batches, before=None)
    return None


def _uncovered(first: int, last: int, *, before: int | None) -> Masalah:
    span = str(first) if first == last else f"{first}–{last}"
    if before is None:
        text = tr(
            "Perubahan no {span} dari instalasi ini ada di log perubahan, tetapi entri auditnya "
            "tidak ada: ujung jejak audit dipotong.",
            span=span,
        )
    else:
        text = tr(
            "Perubahan no {span} dari instalasi ini ada di log perubahan, tetapi entri auditnya "
            "tidak ada (sebelum entri no {no}): entri dihapus lalu rantai disambung ulang.",
            span=span,
            no=before,
        )
    return Masalah("tak_tercatat", text, entri=before, kode=f"tak_tercatat:{first}")


def compare_seen(
    conn: sqlite3.Connection, seen: SignedHead, sumber: str, last_no: int | None = None
) -> Masalah | None:
    """This installation's trail against one of its heads a peer has seen: shorter, or a
    different entry at that number (the chain was cut and written again)."""
    if last_no is None:
        last_no = _last(conn)[0]
    name = peer_name(conn, sumber)
    if seen.urutan > last_no:
        return Masalah(
            "lebih_pendek",
            tr(
                "Jejak audit lebih pendek dari yang pernah dilihat peer {nama}: urutan {seen}, "
                "kini {now}.",
                nama=name,
                seen=angka(seen.urutan),
                now=angka(last_no),
            ),
            entri=last_no + 1,
            kode=f"lebih_pendek:{seen.urutan}",
        )
    local = entry_hash_at(conn, seen.urutan)
    if local != seen.hash:
        return Masalah(
            "berbeda",
            tr(
                "Jejak audit berbeda dari yang pernah dilihat peer {nama}: entri no {n} kini "
                "lain (rantai dipotong lalu ditulis ulang sejak itu).",
                nama=name,
                n=seen.urutan,
            ),
            entri=seen.urutan,
            kode=f"berbeda:{seen.urutan}",
        )
    return None


def _seen_problems(conn: sqlite3.Connection, own: str, last_no: int) -> list[Masalah]:
    """This trail against the heads of it that peers reported back: the highest head beyond
    its end, and the lowest that differs."""
    key = peer_key(conn, own)
    if key is None:
        return []
    shorter: Masalah | None = None
    different: Masalah | None = None
    for seen in list_known_heads(conn, own):
        if not signature_ok(key, seen.signed):
            continue  # not signed by this installation: nothing a peer saw
        problem = compare_seen(conn, seen.signed, seen.sumber, last_no)
        if problem is None:
            continue
        if problem.jenis == "lebih_pendek":
            shorter = problem  # heads come lowest first: the last is the highest
        elif different is None:
            different = problem
    return [p for p in (different, shorter) if p is not None]


def recorded_breaks(conn: sqlite3.Connection, own: str) -> list[RecordedBreak]:
    return [
        RecordedBreak(int(r[0]), str(r[1]), str(r[2]), str(r[3] or ""))
        for r in conn.execute(
            "SELECT no, waktu, aktor, keterangan FROM lokal_audit WHERE record_id = ? "
            "AND tabel = ? ORDER BY no",
            (own, BREAK_TABLE),
        )
    ]


def check_trail(conn: sqlite3.Connection, *, full: bool = True) -> TrailCheck:
    """Check this installation's trail: the hash chain (``full``: every entry; otherwise the
    newest only), the signed head (missing, wrong signature, an empty trail with a head, a
    trail cut short), the change log (writes of this installation without their entry), the
    heads peers have seen (shorter, different), and, with ``full``, the breaks recorded
    before."""
    own = node_id(conn)
    problems: list[Masalah] = []
    last_no, last_hash, count = _last(conn)
    if full:
        walk, _, _ = audit.walk_chain(conn)
        if walk is not None:
            problems.append(
                Masalah("rantai", walk.message, entri=walk.entry_no, kode=f"rantai:{walk.entry_no}")
            )
    elif last_no:
        row = conn.execute(
            f"SELECT {', '.join(audit.ENTRY_FIELDS)}, prev_hash, hash FROM lokal_audit "
            "WHERE no = ?",
            (last_no,),
        ).fetchone()
        entry = dict(zip([*audit.ENTRY_FIELDS, "prev_hash", "hash"], row, strict=True))
        if entry["hash"] != audit.entry_hash(entry, str(entry["prev_hash"] or "")):
            problems.append(
                Masalah(
                    "rantai",
                    tr("Entri no {n} (yang terakhir) telah diubah di luar Merit.", n=last_no),
                    entri=last_no,
                    kode=f"ujung:{last_no}",
                )
            )
    head_problems, notes = _head_problems(conn, own, last_no, last_hash, count)
    problems += [p for p in head_problems if not (p.jenis == "rantai" and problems)]
    own_batches = changelog.read_versions(conn).get(own, 0)
    if count:
        start = 1
        if full:
            entries = [
                (int(r[0]), int(r[1]), int(r[2] or 0))
                for r in conn.execute(
                    "SELECT no, batch_seq, jumlah FROM lokal_audit WHERE batch_origin = ? "
                    "AND batch_seq IS NOT NULL ORDER BY no",
                    (own,),
                )
            ]
        else:
            row = conn.execute(
                "SELECT no, batch_seq, jumlah FROM lokal_audit WHERE batch_origin = ? "
                "AND batch_seq IS NOT NULL ORDER BY no DESC LIMIT 1",
                (own,),
            ).fetchone()
            # The tail only: the batches after the newest own entry's.
            entries = [] if row is None else [(int(row[0]), int(row[1]), int(row[2] or 0))]
            start = 1 if row is None else int(row[1])
        gap = _coverage_problem(entries, own_batches, start=start)
        if gap is not None:
            problems.append(gap)
    problems += _seen_problems(conn, own, last_no)
    tercatat = recorded_breaks(conn, own) if full else []
    return TrailCheck(count, tuple(problems), tuple(tercatat), tuple(notes), penuh=full)


def record_break(
    conn: sqlite3.Connection, problems: Sequence[Masalah], *, actor: str, konteks: str
) -> int | None:
    """Write the problems found as their own entry (inside the caller's transaction). Not
    written again when the newest recorded break already names every one of them. Returns the
    entry number, or None."""
    if not problems:
        return None
    own = node_id(conn)
    codes = [f"[{p.kode}]" for p in problems if p.kode]
    newest = conn.execute(
        "SELECT keterangan FROM lokal_audit WHERE record_id = ? AND tabel = ? "
        "ORDER BY no DESC LIMIT 1",
        (own, BREAK_TABLE),
    ).fetchone()
    if codes and newest is not None and all(c in str(newest[0] or "") for c in codes):
        return None
    text = " ".join(f"{p.pesan} [{p.kode}]" if p.kode else p.pesan for p in problems)
    return audit.append(
        conn,
        aktor=actor,
        aksi=tr("Jejak audit tidak utuh"),
        tabel=BREAK_TABLE,
        record_id=own,
        keterangan=tr("Ditemukan {konteks}: {text}", konteks=konteks, text=text),
    )


def check_before_sign_in(db: Database, *, actor: str) -> TrailCheck:
    """The quick check, run after the password was accepted and before the sign-in entry is
    appended; what it finds is written as its own entry first (:func:`record_break`). Never
    refuses: the caller signs in anyway and shows the result."""
    conn = db.conn
    try:
        check = check_trail(conn, full=False)
    except (sqlite3.DatabaseError, ValueError) as exc:
        problem = Masalah(
            "pemeriksaan",
            tr("Jejak audit tidak dapat diperiksa: {detail}", detail=exc),
            kode="pemeriksaan",
        )
        check = TrailCheck(0, (problem,), penuh=False)
    if not check.ok:
        with write_transaction(db):
            record_break(conn, check.masalah, actor=actor, konteks=tr("sebelum masuk"))
    return check
