"""Kenaikan pangkat per period: proposal (usulan), BKN technical approval (pertek) and the SK.

The list of who is due in a period and why comes from the records
(:func:`app.models.rekap.kp.nominatif_kp`, asn-rules 5). This module keeps what the clerk does
with that list in ``kp_usulan`` (migration 10), one row per employee per period:

``USUL`` (proposed) -> ``PERTEK`` (BKN approval number recorded) -> ``TERBIT`` (SK issued; the
new rank is in riwayat_pangkat). ``BATAL`` withdraws a proposal that has no SK yet.

Issuing the SK is a job (:func:`app.jobs.dokumen.issue_sk_kp`: all or nothing as far as SQLite
allows): :func:`check_sk_kp` checks the proposals and the riwayat_pangkat rows to be written
before any number is taken, the job numbers, renders and registers the SK petikan, and
:func:`record_sk_kp` writes the new riwayat_pangkat rows and the TERBIT marks in one more
transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app import i18n
from app.i18n import tr
from app.models.access import akses
from app.models.access.akses import require
from app.models.dokumen.rancangan import Permintaan
from app.models.errors import NotFoundError, ValidationError
from app.models.pegawai.checks import check_history
from app.models.reference.loader import Referensi, natural_id
from app.models.rekap.common import unit_clause
from app.models.rekap.kp import nominatif_kp, periode_kp
from app.models.rules import derivations as d
from app.models.rules.gaji import mkg_setelah_kp
from app.models.rules.kp import JENIS_PILIHAN, JENIS_REGULER, STATUS_BELUM, jenis_kp_label
from app.models.rules.pegawai import raise_for
from app.models.storage.db import Database
from app.models.storage.store import Store

TEMPLAT_SK = "SK_KP"

USUL = "USUL"
PERTEK = "PERTEK"
TERBIT = "TERBIT"
BATAL = "BATAL"


def status_label(status: str | None) -> str:
    """The clerk's word for a proposal status (empty: not proposed)."""
    return {
        None: "",
        USUL: tr("Diusulkan"),
        PERTEK: tr("Pertek BKN"),
        TERBIT: tr("SK terbit"),
        BATAL: tr("Usulan dibatalkan"),
    }.get(status, status or "")


@dataclass(frozen=True)
class Usulan:
    """One proposal of one employee in one period."""

    id: str
    pegawai_id: str
    nip: str
    nama_lengkap: str
    periode: str  # YYYY-MM
    jenis: str  # REGULER or PILIHAN
    golongan_lama: str
    golongan_baru: str
    tmt_baru: date
    status: str
    nomor_pertek: str | None
    tanggal_pertek: date | None
    register_id: str | None
    nomor_sk: str | None
    catatan: str | None


@dataclass(frozen=True)
class KpItem:
    """A row of the period screen: the eligibility (when the person is on the list) and the
    proposal (when there is one)."""

    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str
    golongan_baru: str | None
    jenis_kp: str  # app.models.rules.kp.JENIS_*
    syarat: str | None  # app.models.rules.kp.STATUS_*; None: no longer on the list (e.g. promoted)
    keterangan: tuple[str, ...]
    unit_nama: str | None
    usulan: Usulan | None
    eselon_kode: str | None = None

    @property
    def status_usulan(self) -> str | None:
        return self.usulan.status if self.usulan else None

    @property
    def jenis_kp_label(self) -> str:
        """The kind of KP in the clerk's words."""
        return jenis_kp_label(self.jenis_kp)

    @property
    def jenis_kp_singkat(self) -> str:
        """The kind of KP in a few words for a table column, with the eselon of a structural
        post: "Reguler", "Pilihan JF", "Struktural IV.b"."""
        label = jenis_kp_label(self.jenis_kp, singkat=True)
        return f"{label} {self.eselon_kode}" if self.eselon_kode else label


def periode_teks(periode: date) -> str:
    return f"{periode.year:04d}-{periode.month:02d}"


def _periode(conn: sqlite3.Connection, periode: str | date) -> date:
    if isinstance(periode, date):
        return periode_kp(conn, periode_teks(periode))
    return periode_kp(conn, periode)


_USULAN_SQL = """
SELECT u.id, u.pegawai_id, COALESCE(r.nip, p.nip), COALESCE(r.nama_lengkap, p.nama),
       u.periode, u.jenis, u.golongan_lama, u.golongan_baru, u.tmt_baru, u.status,
       u.nomor_pertek, u.tanggal_pertek, u.register_id, g.nomor, u.catatan
FROM kp_usulan u
JOIN pegawai p ON p.id = u.pegawai_id
LEFT JOIN pegawai_ringkas r ON r.pegawai_id = u.pegawai_id
LEFT JOIN register_dokumen g ON g.id = u.register_id
WHERE u.deleted = 0 AND u.periode = ?
"""


def _usulan(row: Sequence[Any]) -> Usulan:
    return Usulan(
        id=row[0],
        pegawai_id=row[1],
        nip=row[2],
        nama_lengkap=row[3],
        periode=row[4],
        jenis=row[5],
        golongan_lama=row[6],
        golongan_baru=row[7],
        tmt_baru=date.fromisoformat(row[8]),
        status=row[9],
        nomor_pertek=row[10],
        tanggal_pertek=date.fromisoformat(row[11]) if row[11] else None,
        register_id=row[12],
        nomor_sk=row[13],
        catatan=row[14],
    )


def list_usulan(conn: sqlite3.Connection, periode: str | date) -> dict[str, Usulan]:
    """The proposals of a period by pegawai_id."""
    p = _periode(conn, periode)
    rows = conn.execute(_USULAN_SQL, (periode_teks(p),))
    return {r[1]: _usulan(r) for r in rows}


def list_periode(
    conn: sqlite3.Connection, periode: str | date, *, unit_id: str | None = None
) -> list[KpItem]:
    """The KP list of a period (eligible and near-miss, with the reasons) joined with the
    proposals; people proposed who are no longer on the list (promoted meanwhile) follow."""
    p = _periode(conn, periode)
    usulan = list_usulan(conn, p)
    hasil = nominatif_kp(conn, p, unit_id=unit_id, termasuk_melebihi_batas=True)
    items: list[KpItem] = []
    seen: set[str] = set()
    for b in hasil.baris:
        seen.add(b.pegawai_id)
        items.append(
            KpItem(
                pegawai_id=b.pegawai_id,
                nip=b.nip,
                nama_lengkap=b.nama_lengkap,
                golongan_kode=b.golongan_kode,
                golongan_baru=b.golongan_baru,
                jenis_kp=b.jenis_kp,
                syarat=b.status,
                # a cuti besar or CLTN on the period date first (issue 17)
                keterangan=((b.cuti,) if b.cuti else ()) + b.keterangan,
                unit_nama=b.unit_nama,
                usulan=usulan.get(b.pegawai_id),
                eselon_kode=b.eselon_kode,
            )
        )
    rest = [u for pid, u in usulan.items() if pid not in seen]
    if rest:
        unit_sql, unit_params = unit_clause(conn, unit_id)
        marks = ", ".join("?" for _ in rest)
        in_unit = {
            str(r[0]): r[1]
            for r in conn.execute(
                f"SELECT r.pegawai_id, r.unit_nama FROM pegawai_ringkas r "
                f"WHERE r.pegawai_id IN ({marks}){unit_sql}",
                [u.pegawai_id for u in rest] + unit_params,
            )
        }
        for u in sorted(rest, key=lambda u: u.nama_lengkap):
            if unit_id and u.pegawai_id not in in_unit:
                continue
            items.append(
                KpItem(
                    pegawai_id=u.pegawai_id,
                    nip=u.nip,
                    nama_lengkap=u.nama_lengkap,
                    golongan_kode=u.golongan_lama,
                    golongan_baru=u.golongan_baru,
                    jenis_kp=JENIS_REGULER if u.jenis == "REGULER" else JENIS_PILIHAN,
                    syarat=None,
                    keterangan=tuple(filter(None, [u.catatan])),
                    unit_nama=in_unit.get(u.pegawai_id),
                    usulan=u,
                )
            )
    return items


def _nips(nips: Iterable[str]) -> list[str]:
    out = [n.strip().replace(" ", "") for n in nips if n and n.strip()]
    if not out:
        raise ValidationError(tr("Pilih sedikitnya satu pegawai."), field="nip")
    dup = sorted({n for n in out if out.count(n) > 1})
    if dup:
        raise ValidationError(
            tr("NIP {nip} dipilih lebih dari sekali.", nip=", ".join(dup)), field="nip"
        )
    return out


def _refuse(problems: list[str]) -> None:
    if problems:
        raise ValidationError(
            problems[0] if len(problems) == 1 else "\n".join(problems),
            field="nip",
            reasons=problems,
        )


def _check_rights(db: Database, actor: str, wanted: list[str], *actions: str) -> str | None:
    """Refuse (AccessDenied, audited) before anything else an actor who may not take
    ``actions`` for every one of these employees (a unit operator: only their unit's). Returns
    the one unit they all belong to (None: several, or unknown), for the write's own check."""
    conn = db.conn
    ids = []
    for nip in wanted:
        row = conn.execute(
            "SELECT id FROM pegawai WHERE nip = ? AND deleted = 0 ORDER BY id LIMIT 1", (nip,)
        ).fetchone()
        if row is not None:
            ids.append(str(row[0]))
    for aksi in actions:
        if not ids:
            require(db, actor, aksi)
        for pid in ids:
            require(db, actor, aksi, pegawai_id=pid)
    units = {akses.pegawai_unit(conn, pid) for pid in ids}
    return next(iter(units)) if len(units) == 1 else None


def _by_nip(items: Iterable[KpItem]) -> dict[str, KpItem]:
    return {i.nip: i for i in items}


def usulkan(
    db: Database, periode: str | date, nips: Iterable[str], *, actor: str = "sistem"
) -> list[str]:
    """Propose employees of the period's list (status USUL). Only rows that meet the rules or
    need verification; a row that does not yet meet them is refused with its reasons. All the
    NIPs or none. Returns the proposal ids."""
    conn = db.conn
    p = _periode(conn, periode)
    wanted = _nips(nips)
    _check_rights(db, actor, wanted, "dokumen.terbitkan")
    items = _by_nip(list_periode(conn, p))
    problems: list[str] = []
    for nip in wanted:
        item = items.get(nip)
        if item is None:
            problems.append(
                tr(
                    "NIP {nip}: tidak ada dalam daftar calon kenaikan pangkat periode {p}.",
                    nip=nip,
                    p=periode_teks(p),
                )
            )
        elif item.usulan is not None and item.usulan.status != BATAL:
            problems.append(
                tr(
                    "NIP {nip}: sudah diusulkan pada periode ini (status: {s}).",
                    nip=nip,
                    s=status_label(item.usulan.status),
                )
            )
        elif item.syarat == STATUS_BELUM:
            problems.append(
                tr(
                    "NIP {nip}: belum memenuhi syarat: {alasan}.",
                    nip=nip,
                    alasan="; ".join(item.keterangan),
                )
            )
        elif item.syarat is None or item.golongan_baru is None:
            problems.append(tr("NIP {nip}: tidak dapat diusulkan.", nip=nip))
    _refuse(problems)
    ids: list[str] = []
    with Store(db).write(
        tr(
            "Mengusulkan {n} pegawai untuk kenaikan pangkat periode {p}",
            n=len(wanted),
            p=periode_teks(p),
        ),
        actor=actor,
    ) as tx:
        for nip in wanted:
            item = items[nip]
            row: dict[str, str | int | None] = {
                "pegawai_id": item.pegawai_id,
                "periode": periode_teks(p),
                "jenis": "REGULER" if item.jenis_kp == JENIS_REGULER else "PILIHAN",
                "golongan_lama": item.golongan_kode,
                "golongan_baru": item.golongan_baru,
                "tmt_baru": p.isoformat(),
                "status": USUL,
                "nomor_pertek": None,
                "tanggal_pertek": None,
                "register_id": None,
                "catatan": "; ".join(item.keterangan) or None,
            }
            uid = natural_id("kp_usulan", item.pegawai_id, periode_teks(p))
            if conn.execute("SELECT 1 FROM kp_usulan WHERE id = ?", (uid,)).fetchone():
                tx.update("kp_usulan", uid, {**row, "deleted": 0})
            else:
                tx.insert("kp_usulan", {"id": uid, **row})
            ids.append(uid)
    return ids


def _selected(conn: sqlite3.Connection, p: date, wanted: list[str]) -> dict[str, Usulan]:
    by_nip = {u.nip: u for u in list_usulan(conn, p).values()}
    return {n: by_nip[n] for n in wanted if n in by_nip}


def _not_proposed(nip: str, p: date) -> str:
    return tr("NIP {nip}: belum diusulkan pada periode {p}.", nip=nip, p=periode_teks(p))


def batalkan_usulan(
    db: Database,
    periode: str | date,
    nips: Iterable[str],
    *,
    alasan: str,
    actor: str = "sistem",
) -> int:
    """Withdraw proposals that have no SK yet (status BATAL, with the reason)."""
    conn = db.conn
    p = _periode(conn, periode)
    wanted = _nips(nips)
    unit_id = _check_rights(db, actor, wanted, "dokumen.terbitkan")
    alasan = " ".join(alasan.split())
    if len(alasan) < 5:
        raise ValidationError(
            tr("Alasan pembatalan wajib diisi (sedikitnya 5 huruf)."), field="alasan"
        )
    found = _selected(conn, p, wanted)
    problems: list[str] = []
    for nip in wanted:
        u = found.get(nip)
        if u is None or u.status == BATAL:
            problems.append(_not_proposed(nip, p))
        elif u.status == TERBIT:
            problems.append(
                tr(
                    "NIP {nip}: SK {nomor} sudah terbit; batalkan SK itu di Dokumen SK.",
                    nip=nip,
                    nomor=u.nomor_sk or "",
                )
            )
    _refuse(problems)
    with Store(db).write(
        tr("Membatalkan {n} usulan kenaikan pangkat periode {p}", n=len(wanted), p=periode_teks(p)),
        actor=actor,
        izin="dokumen.terbitkan",
        unit_id=unit_id,
    ) as tx:
        for nip in wanted:
            tx.update("kp_usulan", found[nip].id, {"status": BATAL, "catatan": alasan})
    return len(wanted)


def catat_pertek(
    db: Database,
    periode: str | date,
    nips: Iterable[str],
    nomor: str,
    tanggal: date,
    *,
    actor: str = "sistem",
    today: date | None = None,
) -> int:
    """Record the BKN technical approval (pertek) of proposed employees (USUL, or PERTEK to
    correct it). Returns how many were recorded."""
    conn = db.conn
    p = _periode(conn, periode)
    wanted = _nips(nips)
    unit_id = _check_rights(db, actor, wanted, "dokumen.terbitkan")
    nomor = " ".join(nomor.split())
    if not nomor:
        raise ValidationError(tr("Nomor pertek BKN wajib diisi."), field="nomor_pertek")
    if len(nomor) > 100:
        raise ValidationError(
            tr("Nomor pertek terlalu panjang (paling banyak {n} huruf).", n=100),
            field="nomor_pertek",
        )
    if tanggal > (today or date.today()):
        raise ValidationError(
            tr("Tanggal pertek {t} belum lewat.", t=i18n.tanggal(tanggal)),
            field="tanggal_pertek",
        )
    found = _selected(conn, p, wanted)
    problems: list[str] = []
    for nip in wanted:
        u = found.get(nip)
        if u is None or u.status == BATAL:
            problems.append(_not_proposed(nip, p))
        elif u.status == TERBIT:
            problems.append(
                tr("NIP {nip}: SK {nomor} sudah terbit.", nip=nip, nomor=u.nomor_sk or "")
            )
    _refuse(problems)
    with Store(db).write(
        tr("Mencatat pertek BKN {nomor} untuk {n} usulan KP", nomor=nomor, n=len(wanted)),
        actor=actor,
        izin="dokumen.terbitkan",
        unit_id=unit_id,
    ) as tx:
        for nip in wanted:
            tx.update(
                "kp_usulan",
                found[nip].id,
                {"status": PERTEK, "nomor_pertek": nomor, "tanggal_pertek": tanggal.isoformat()},
            )
    return len(wanted)


def _riwayat_baru(
    conn: sqlite3.Connection, u: Usulan, nomor_sk: str, tanggal_sk: date
) -> dict[str, str | int | None]:
    """The riwayat_pangkat row of an issued SK: the new golongan from the TMT of the period,
    with the MK golongan carried on from the current rank (when it is recorded), less the years
    taken off when the promotion crosses a golongan (:func:`.gaji.mkg_setelah_kp`)."""
    ref = Referensi.load(conn)
    rows = [
        dict(zip(("tmt", "golongan_kode", "mk_tahun", "mk_bulan"), r, strict=True))
        for r in conn.execute(
            "SELECT tmt, golongan_kode, mk_tahun, mk_bulan FROM riwayat_pangkat "
            "WHERE pegawai_id = ? AND deleted = 0",
            (u.pegawai_id,),
        )
    ]

    def urutan(kode: str) -> int | None:
        row = ref.golongan.get(kode)
        return int(row["urutan"]) if row else None

    current = d.current_pangkat(rows, urutan)
    mk = (
        d.masa_kerja_golongan(current, u.tmt_baru)
        if current is not None and current.get("mk_tahun") is not None
        else None
    )
    if mk is not None:  # crossing a golongan reduces the MKG (asn-rules 10.2)
        mk = mkg_setelah_kp(u.golongan_lama, u.golongan_baru, *mk)
    return {
        "golongan_kode": u.golongan_baru,
        "tmt": u.tmt_baru.isoformat(),
        "jenis": u.jenis,
        "mk_tahun": mk[0] if mk else None,
        "mk_bulan": mk[1] if mk else None,
        "nomor_sk": nomor_sk,
        "tanggal_sk": tanggal_sk.isoformat(),
    }


def _current_golongan(conn: sqlite3.Connection, pegawai_id: str) -> str | None:
    row = conn.execute(
        "SELECT golongan_kode FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai_id,)
    ).fetchone()
    return str(row[0]) if row and row[0] else None


@dataclass(frozen=True)
class RencanaSkKp:
    """The checked proposals of an SK KP batch (by NIP, in order) and the decree request."""

    periode: date
    usulan: dict[str, Usulan]
    permintaan: Permintaan


def check_sk_kp(
    db: Database,
    periode: str | date,
    nips: Iterable[str],
    *,
    tanggal: date,
    nilai: Mapping[str, str] | None = None,
    nilai_pegawai: Mapping[str, Mapping[str, str]] | None = None,
    actor: str = "sistem",
    today: date | None = None,
) -> RencanaSkKp:
    """Check that the SK Kenaikan Pangkat petikan of these proposals may be issued (each has a
    pertek, no SK yet, and the golongan it was proposed from), and the riwayat_pangkat rows
    their SK will write (golongan_baru, TMT = the period date, nomor and tanggal SK); return
    the decree request (template SK_KP). Nothing is written. ``nilai``/``nilai_pegawai`` are the
    values the records cannot give (``gaji_pokok`` at least; see
    :func:`app.models.dokumen.templat.needed_inputs`).
    """
    conn = db.conn
    p = _periode(conn, periode)
    wanted = _nips(nips)
    _check_rights(db, actor, wanted, "dokumen.terbitkan", "pegawai.ubah")
    today = today or date.today()
    found = _selected(conn, p, wanted)
    problems: list[str] = []
    for nip in wanted:
        u = found.get(nip)
        if u is None or u.status == BATAL:
            problems.append(_not_proposed(nip, p))
        elif u.status == TERBIT:
            problems.append(
                tr(
                    "NIP {nip}: SK kenaikan pangkat periode ini sudah terbit ({nomor}).",
                    nip=nip,
                    nomor=u.nomor_sk or "",
                )
            )
        elif u.status != PERTEK:
            problems.append(tr("NIP {nip}: pertek BKN belum dicatat.", nip=nip))
        elif _current_golongan(conn, u.pegawai_id) != u.golongan_lama:
            problems.append(
                tr(
                    "NIP {nip}: golongan sekarang bukan lagi {g} seperti saat diusulkan; "
                    "periksa riwayat pangkat.",
                    nip=nip,
                    g=u.golongan_lama,
                )
            )
    _refuse(problems)
    # Check the rows to be written before any number is taken (the SK number is not known
    # yet; a stand-in of the same kind is checked).
    for nip in wanted:
        u = found[nip]
        row = _riwayat_baru(conn, u, "-", tanggal)
        issues = check_history(conn, u.pegawai_id, "pangkat", row, today=today)
        try:
            raise_for(issues)
        except ValidationError as exc:
            raise ValidationError(
                tr("NIP {nip}: {pesan}", nip=nip, pesan=str(exc)),
                field=exc.field,
                reasons=exc.reasons,
            ) from exc
    per_nip: dict[str, dict[str, str]] = {}
    for nip in wanted:
        u = found[nip]
        given = dict((nilai_pegawai or {}).get(nip, {}))
        given.setdefault("tmt", u.tmt_baru.isoformat())
        given.setdefault("golongan_baru", u.golongan_baru)
        # The pertek is cited in "Memperhatikan" (asn-rules 11.2; issue 13 item 9).
        given.setdefault("pertek_nomor", u.nomor_pertek or "")
        if u.tanggal_pertek is not None:
            given.setdefault("pertek_tanggal", u.tanggal_pertek.isoformat())
        per_nip[nip] = given
    req = Permintaan(
        TEMPLAT_SK,
        tuple(wanted),
        tanggal,
        "petikan",
        nilai=dict(nilai or {}),
        nilai_pegawai=per_nip,
    )
    return RencanaSkKp(p, {nip: found[nip] for nip in wanted}, req)


def nomor_per_nip(
    conn: sqlite3.Connection, register_ids: Sequence[str], nomor: Sequence[str]
) -> dict[str, tuple[str, str]]:
    """NIP -> (register id, nomor) of issued SK: a collective decree carries every NIP, one per
    person."""
    out: dict[str, tuple[str, str]] = {}
    for reg_id, n in zip(register_ids, nomor, strict=True):
        raw = conn.execute("SELECT pegawai FROM register_dokumen WHERE id = ?", (reg_id,))
        for nip in json.loads(raw.fetchone()[0]):
            out[str(nip)] = (reg_id, n)
    return out


def record_sk_kp(
    db: Database,
    rencana: RencanaSkKp,
    nomor_of: Mapping[str, tuple[str, str]],
    *,
    tanggal: date,
    actor: str = "sistem",
    today: date | None = None,
) -> dict[str, str]:
    """After the SK are issued: write the new rank of each person into riwayat_pangkat (with the
    SK's number and date) and mark the proposals TERBIT, in one write. Returns the new
    riwayat_pangkat ids by NIP."""
    conn = db.conn
    today = today or date.today()
    ids: dict[str, str] = {}
    with Store(db).write(
        tr(
            "Mencatat kenaikan pangkat {n} pegawai periode {p}",
            n=len(rencana.usulan),
            p=periode_teks(rencana.periode),
        ),
        actor=actor,
    ) as tx:
        for nip, u in rencana.usulan.items():
            reg_id, nomor = nomor_of[nip]
            row = _riwayat_baru(conn, u, nomor, tanggal)
            raise_for(check_history(conn, u.pegawai_id, "pangkat", row, today=today))
            ids[nip] = tx.insert("riwayat_pangkat", {"pegawai_id": u.pegawai_id, **row})
            tx.update("kp_usulan", u.id, {"status": TERBIT, "register_id": reg_id})
    return ids


def usulan_pegawai(conn: sqlite3.Connection, nip: str, periode: str | date) -> Usulan:
    """The proposal of one employee in a period. Raises NotFoundError."""
    p = _periode(conn, periode)
    for u in list_usulan(conn, p).values():
        if u.nip == nip.strip():
            return u
    raise NotFoundError(_not_proposed(nip, p))
