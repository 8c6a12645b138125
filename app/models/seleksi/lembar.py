"""Blind committee scoring: member packages, score sheets on the member's installation, sealing
and gathering (design/sync.md "Committee scoring"; asn-rules 6.1).

The flow between installations (files carried on a flash disk or sent by mail):

1. The secretariat writes a **scoring package** for one member (:func:`write_paket_anggota`):
   the candidates who passed the screening (registration number and name only), the rubric of
   the stages to score, the member's own conflict declarations and the secretariat's public
   identity, and nothing of other members. It is signed with the secretariat installation's
   Ed25519 key (:mod:`app.models.access.kunci`).
2. The member's installation opens it (:func:`buka_paket`; the signature is checked) and scores
   in local tables (``lokal_paket_nilai``, ``lokal_draf_nilai``): drafts never leave the
   installation and are never replicated. Each score is checked against its criterion's scale
   (:func:`isi_nilai`, saved at once); a candidate the member declared a conflict with cannot be
   scored.
3. "Kunci dan kirim" (:func:`kunci_dan_kirim`) refuses an incomplete sheet, then signs the sheet
   content with the member installation's Ed25519 key, makes it read-only and writes the sheet
   file, encrypted for the secretariat installation (X25519 sealed box), so no one else can
   read the scores on the way.
4. The secretariat imports it (:func:`impor_lembar`): it must be for this installation, the
   signature must match the content (a sheet altered after sealing is refused), the signing
   key must be the member's (given at set-up or pinned by the member's first sheet), and every
   score must fit the rubric. Only then do the scores land in the replicated tables
   (``seleksi_lembar``, ``seleksi_nilai``) in one write: the secretariat sees a member's scores
   only once sealed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.public
import nacl.signing

from app.i18n import tr
from app.models.access import kunci
from app.models.access.akses import require
from app.models.errors import MeritError, NotFoundError, ValidationError
from app.models.reference.loader import natural_id
from app.models.rules.seleksi import desimal, teks_desimal
from app.models.seleksi import panitia
from app.models.seleksi.pelamar import kandidat
from app.models.seleksi.seleksi import get_seleksi
from app.models.storage.changelog import canonical_json
from app.models.storage.db import Database, utc_now
from app.models.storage.faults import translated_errors
from app.models.storage.store import Store

FORMAT_PAKET = "merit-paket-nilai"
FORMAT_LEMBAR = "merit-lembar-nilai"
VERSI = 1
MAX_BYTES = 8 * 1024 * 1024


class LembarDitolak(MeritError):
    """A scoring package or sealed sheet that cannot be used."""

    exit_code = 2


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _sign(db: Database, isi: dict[str, Any]) -> str:
    key = kunci.signing_key(db)
    return _b64(key.sign(canonical_json(isi)).signature)


def _verify(isi: dict[str, Any], signature: object, kunci_tanda: object) -> bool:
    try:
        nacl.signing.VerifyKey(_unb64(kunci_tanda)).verify(canonical_json(isi), _unb64(signature))
    except (ValueError, TypeError, nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError):
        return False
    return True


def _read_json(data: bytes, fmt: str, bad: str) -> dict[str, Any]:
    if len(data) > MAX_BYTES:
        raise LembarDitolak(bad)
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise LembarDitolak(bad) from None
    if not isinstance(body, dict) or body.get("format") != fmt:
        raise LembarDitolak(bad)
    if body.get("versi") != VERSI:
        raise LembarDitolak(tr("Versi berkas tidak dikenal; perbarui Merit."))
    return body


def _write(path: Path, data: bytes) -> Path:
    path = Path(path)
    try:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        raise LembarDitolak(
            tr("Berkas {path} tidak dapat ditulis: {detail}", path=path, detail=exc.strerror)
        ) from exc
    return path


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise LembarDitolak(
            tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=exc.strerror)
        ) from exc


# -- 1. the secretariat writes a member's package ------------------------------------------------


def paket_anggota(
    db: Database,
    seleksi_id: str,
    anggota: str,
    *,
    tahap_ids: Sequence[str] | None = None,
    actor: str = "sistem",
) -> bytes:
    """The scoring package of one member (id or name): bytes of the signed JSON file.

    ``tahap_ids``: the stages to score (default: every held stage with criteria and weight).
    """
    require(db, actor, "seleksi.kelola")
    conn = db.conn
    info = get_seleksi(conn, seleksi_id)
    member = info.anggota(anggota)
    if not member.menilai:
        raise ValidationError(
            tr("{a} ({p}) tidak menilai kandidat.", a=member.nama, p=member.peran.lower()),
            field="anggota",
        )
    tahap = [t for t in info.tahap if t.dinilai and t.bobot > 0]
    if tahap_ids is not None:
        wanted = set(tahap_ids)
        unknown = wanted - {t.id for t in tahap}
        if unknown:
            raise ValidationError(
                tr("Tahap {t} tidak dinilai dalam seleksi ini.", t=", ".join(sorted(unknown))),
                field="tahap",
            )
        tahap = [t for t in tahap if t.id in wanted]
    if not tahap:
        raise ValidationError(tr("Tidak ada tahap yang dinilai panitia."), field="tahap")
    calon = kandidat(conn, seleksi_id)
    if not calon:
        raise ValidationError(
            tr("Belum ada kandidat yang lulus seleksi administrasi."), field="kandidat"
        )
    konflik = panitia.konflik(conn, seleksi_id)
    isi: dict[str, Any] = {
        "paket_id": str(uuid.uuid4()),
        "seleksi": {
            "id": info.id,
            "judul": info.judul,
            "nama_jabatan": info.nama_jabatan,
            "jenis": info.jenis,
        },
        "anggota": {"id": member.id, "nama": member.nama, "peran": member.peran},
        "tahap": [
            {
                "id": t.id,
                "urutan": t.urutan,
                "nama": t.nama,
                "kriteria": [
                    {
                        "id": k.id,
                        "urutan": k.urutan,
                        "nama": k.nama,
                        "skala_min": teks_desimal(k.skala_min),
                        "skala_maks": teks_desimal(k.skala_maks),
                    }
                    for k in t.kriteria
                ],
            }
            for t in tahap
        ],
        "kandidat": [
            {"id": p.id, "nomor": p.nomor, "nama": p.nama, "asal": p.tanda_talenta} for p in calon
        ],
        "konflik": sorted(p.id for p in calon if (member.id, p.id) in konflik),
        "sekretariat": kunci.public_identity(db),
        "dibuat": utc_now(),
    }
    body = {"format": FORMAT_PAKET, "versi": VERSI, "isi": isi, "tanda_tangan": _sign(db, isi)}
    Store(db).record_read(
        tr("Membuat paket penilaian untuk {a}", a=member.nama),
        actor=str(actor),
        tabel="seleksi",
        record_id=info.id,
    )
    return json.dumps(body, ensure_ascii=False, indent=1).encode() + b"\n"


def write_paket_anggota(
    db: Database,
    seleksi_id: str,
    anggota: str,
    out: Path,
    *,
    tahap_ids: Sequence[str] | None = None,
    actor: str = "sistem",
) -> Path:
    """Write the member's scoring package to ``out``."""
    return _write(out, paket_anggota(db, seleksi_id, anggota, tahap_ids=tahap_ids, actor=actor))


# -- 2. the member's installation -----------------------------------------------------------------


@dataclass(frozen=True)
class KriteriaPaket:
    id: str
    nama: str
    skala_min: Decimal
    skala_maks: Decimal


@dataclass(frozen=True)
class TahapPaket:
    id: str
    nama: str
    kriteria: tuple[KriteriaPaket, ...]


@dataclass(frozen=True)
class KandidatPaket:
    id: str
    nomor: int
    nama: str
    konflik: bool
    asal: str = ""  # "dari talent pool (...)" for an applicant from the talent pool


@dataclass(frozen=True)
class Draf:
    nilai: Decimal | None
    catatan: str | None


@dataclass(frozen=True)
class LembarKerja:
    """A member's sheet on the member's installation."""

    paket_id: str
    seleksi_id: str
    judul: str
    nama_jabatan: str
    anggota_id: str
    anggota: str
    sekretariat: str
    tahap: tuple[TahapPaket, ...]
    kandidat: tuple[KandidatPaket, ...]
    draf: dict[tuple[str, str], Draf]  # (pelamar_id, kriteria_id) -> draft
    disegel: str | None

    @property
    def terkunci(self) -> bool:
        return self.disegel is not None

    def kriteria(self, kriteria_id: str) -> KriteriaPaket:
        for t in self.tahap:
            for k in t.kriteria:
                if k.id == kriteria_id:
                    return k
        raise NotFoundError(tr("Kriteria {id} tidak ada dalam paket ini.", id=kriteria_id))

    def calon(self, pelamar_id: str) -> KandidatPaket:
        for c in self.kandidat:
            if c.id == pelamar_id:
                return c
        raise NotFoundError(tr("Kandidat {id} tidak ada dalam paket ini.", id=pelamar_id))

    def belum_diisi(self) -> list[str]:
        """'Nama kandidat: kriteria' for every score still empty (conflicts excepted)."""
        out = []
        for c in self.kandidat:
            if c.konflik:
                continue
            for t in self.tahap:
                for k in t.kriteria:
                    d = self.draf.get((c.id, k.id))
                    if d is None or d.nilai is None:
                        out.append(f"{c.nomor}. {c.nama}: {t.nama} \u2013 {k.nama}")
        return out


def _check_paket(data: bytes) -> dict[str, Any]:
    bad = tr("Berkas ini bukan paket penilaian Merit yang sah.")
    body = _read_json(data, FORMAT_PAKET, bad)
    isi = body.get("isi")
    if not isinstance(isi, dict) or not isinstance(isi.get("sekretariat"), dict):
        raise LembarDitolak(bad)
    if not _verify(isi, body.get("tanda_tangan"), isi["sekretariat"].get("kunci_tanda")):
        raise LembarDitolak(
            tr(
                "Paket penilaian ini telah diubah setelah dibuat sekretariat (tanda tangan tidak "
                "cocok); paket ditolak. Minta paket baru dari sekretariat."
            )
        )
    try:
        for key in ("paket_id", "seleksi", "anggota", "tahap", "kandidat", "konflik"):
            isi[key]
        _parse(isi)
    except (KeyError, TypeError, ValueError, ArithmeticError):
        raise LembarDitolak(bad) from None
    return isi


def _parse(isi: dict[str, Any]) -> tuple[tuple[TahapPaket, ...], tuple[KandidatPaket, ...]]:
    konflik = set(isi["konflik"])
    tahap = tuple(
        TahapPaket(
            str(t["id"]),
            str(t["nama"]),
            tuple(
                KriteriaPaket(
                    str(k["id"]), str(k["nama"]), Decimal(k["skala_min"]), Decimal(k["skala_maks"])
                )
                for k in t["kriteria"]
            ),
        )
        for t in isi["tahap"]
    )
    kandidat = tuple(
        KandidatPaket(
            str(c["id"]),
            int(c["nomor"]),
            str(c["nama"]),
            c["id"] in konflik,
            str(c.get("asal") or ""),  # packages made before version 29 carry none
        )
        for c in isi["kandidat"]
    )
    return tahap, kandidat


def buka_paket(db: Database, path: Path, *, actor: str = "sistem") -> LembarKerja:
    """Open a scoring package on the member's installation (idempotent). Returns the sheet."""
    require(db, actor, "seleksi.nilai")  # a committee member's (the trusted system: anyone)
    data = _read(path)
    isi = _check_paket(data)
    conn = db.conn
    paket_id = str(isi["paket_id"])
    text = canonical_json(isi).decode()
    row = conn.execute(
        "SELECT isi FROM lokal_paket_nilai WHERE paket_id = ?", (paket_id,)
    ).fetchone()
    if row is not None and row[0] != text:
        raise LembarDitolak(tr("Paket {id} sudah dibuka dengan isi yang berbeda.", id=paket_id))
    if row is None:
        with translated_errors(db.path):
            conn.execute(
                "INSERT INTO lokal_paket_nilai (paket_id, isi, dibuka) VALUES (?, ?, ?)",
                (paket_id, text, utc_now()),
            )
    return lembar_kerja(conn, paket_id)


def list_paket(conn: sqlite3.Connection) -> list[LembarKerja]:
    """The packages opened on this installation, newest first."""
    ids = [
        r[0] for r in conn.execute("SELECT paket_id FROM lokal_paket_nilai ORDER BY dibuka DESC")
    ]
    return [lembar_kerja(conn, i) for i in ids]


def lembar_kerja(conn: sqlite3.Connection, paket_id: str) -> LembarKerja:
    row = conn.execute(
        "SELECT isi, disegel FROM lokal_paket_nilai WHERE paket_id = ?", (paket_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Paket penilaian {id} belum dibuka di sini.", id=paket_id))
    isi = json.loads(row[0])
    tahap, kandidat = _parse(isi)
    draf = {
        (r[0], r[1]): Draf(Decimal(r[2]) if r[2] is not None else None, r[3])
        for r in conn.execute(
            "SELECT pelamar_id, kriteria_id, nilai, catatan FROM lokal_draf_nilai "
            "WHERE paket_id = ?",
            (paket_id,),
        )
    }
    return LembarKerja(
        paket_id=paket_id,
        seleksi_id=isi["seleksi"]["id"],
        judul=isi["seleksi"]["judul"],
        nama_jabatan=isi["seleksi"]["nama_jabatan"],
        anggota_id=isi["anggota"]["id"],
        anggota=isi["anggota"]["nama"],
        sekretariat=isi["sekretariat"].get("nama", ""),
        tahap=tahap,
        kandidat=kandidat,
        draf=draf,
        disegel=row[1],
    )


def isi_nilai(
    db: Database,
    paket_id: str,
    pelamar_id: str,
    kriteria_id: str,
    nilai: object,
    catatan: str | None = None,
    *,
    actor: str = "sistem",
) -> Decimal | None:
    """Save one score of the draft (autosave). Empty ``nilai`` clears it. Returns the value.

    Refused: a sealed sheet, a candidate with a declared conflict, a value outside the scale,
    an actor who is not a committee member (``seleksi.nilai``).
    """
    require(db, actor, "seleksi.nilai")
    conn = db.conn
    kerja = lembar_kerja(conn, paket_id)
    calon = kerja.calon(pelamar_id)
    kriteria = kerja.kriteria(kriteria_id)
    if kerja.terkunci:
        raise ValidationError(
            tr("Lembar nilai sudah dikunci dan dikirim; nilai tidak dapat diubah lagi."),
            field="nilai",
        )
    if calon.konflik:
        raise ValidationError(
            tr(
                "Anda menyatakan konflik kepentingan dengan {n}; Anda tidak dapat menilainya.",
                n=calon.nama,
            ),
            field="kandidat",
        )
    value: Decimal | None = None
    if nilai is not None and str(nilai).strip():
        value = desimal(nilai, kriteria.nama, f"{calon.nomor}. {calon.nama}")
        if not kriteria.skala_min <= value <= kriteria.skala_maks:
            raise ValidationError(
                tr(
                    "{n}, {k}: nilai {v} di luar skala {lo} sampai {hi}.",
                    n=calon.nama,
                    k=kriteria.nama,
                    v=nilai,
                    lo=teks_desimal(kriteria.skala_min),
                    hi=teks_desimal(kriteria.skala_maks),
                ),
                field="nilai",
            )
    note = " ".join((catatan or "").split()) or None
    with translated_errors(db.path):
        conn.execute(
            "INSERT INTO lokal_draf_nilai (paket_id, pelamar_id, kriteria_id, nilai, catatan, "
            "diubah) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (paket_id, pelamar_id, kriteria_id) "
            "DO UPDATE SET nilai = excluded.nilai, catatan = excluded.catatan, "
            "diubah = excluded.diubah",
            (
                paket_id,
                pelamar_id,
                kriteria_id,
                teks_desimal(value) if value is not None else None,
                note,
                utc_now(),
            ),
        )
    return value


def _lembar_bytes(conn: sqlite3.Connection, paket_id: str, inner: str) -> bytes:
    isi = json.loads(
        conn.execute(
            "SELECT isi FROM lokal_paket_nilai WHERE paket_id = ?", (paket_id,)
        ).fetchone()[0]
    )
    sek = isi["sekretariat"]
    box = nacl.public.SealedBox(nacl.public.PublicKey(_unb64(sek["kunci_enkripsi"])))
    body = {
        "format": FORMAT_LEMBAR,
        "versi": VERSI,
        "untuk": sek["node_id"],
        "seleksi_id": isi["seleksi"]["id"],
        "anggota": isi["anggota"]["nama"],
        "data": _b64(box.encrypt(inner.encode())),
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode() + b"\n"


def kunci_dan_kirim(db: Database, paket_id: str, out: Path, *, actor: str = "sistem") -> Path:
    """Seal the sheet ("Kunci dan kirim"): refuse while incomplete, sign it with this
    installation's key, make it read-only and write the sheet file for the secretariat.
    Calling it again on a sealed sheet writes the same sealed content again."""
    require(db, actor, "seleksi.nilai")
    conn = db.conn
    kerja = lembar_kerja(conn, paket_id)
    row = conn.execute(
        "SELECT lembar FROM lokal_paket_nilai WHERE paket_id = ?", (paket_id,)
    ).fetchone()
    if row[0] is not None:
        return _write(out, _lembar_bytes(conn, paket_id, row[0]))
    kosong = kerja.belum_diisi()
    if kosong:
        raise ValidationError(
            tr(
                "Lembar belum lengkap; {n} nilai masih kosong: {daftar}",
                n=len(kosong),
                daftar="; ".join(kosong[:10]) + (" \u2026" if len(kosong) > 10 else ""),
            ),
            field="nilai",
            reasons=kosong,
        )
    disegel = utc_now()
    isi: dict[str, Any] = {
        "paket_id": paket_id,
        "seleksi_id": kerja.seleksi_id,
        "anggota_id": kerja.anggota_id,
        "tahap_ids": [t.id for t in kerja.tahap],
        "kandidat_ids": [c.id for c in kerja.kandidat],
        "konflik_ids": [c.id for c in kerja.kandidat if c.konflik],
        "nilai": [
            {
                "pelamar_id": c.id,
                "kriteria_id": k.id,
                "nilai": teks_desimal(kerja.draf[(c.id, k.id)].nilai or Decimal(0)),
                "catatan": kerja.draf[(c.id, k.id)].catatan,
            }
            for c in kerja.kandidat
            if not c.konflik
            for t in kerja.tahap
            for k in t.kriteria
        ],
        "disegel": disegel,
        "penanda": kunci.public_identity(db),
    }
    inner = json.dumps({"isi": isi, "tanda_tangan": _sign(db, isi)}, ensure_ascii=False)
    with translated_errors(db.path):
        conn.execute(
            "UPDATE lokal_paket_nilai SET disegel = ?, lembar = ? WHERE paket_id = ? "
            "AND disegel IS NULL",
            (disegel, inner, paket_id),
        )
    return _write(out, _lembar_bytes(conn, paket_id, inner))


# -- 3. the secretariat gathers -------------------------------------------------------------------


@dataclass(frozen=True)
class HasilImporLembar:
    seleksi_id: str
    anggota: str
    tahap: tuple[str, ...]
    nilai: int
    baru: bool  # False: this sealed sheet was already imported

    def teks(self) -> str:
        if not self.baru:
            return tr(
                "Lembar nilai {a} sudah pernah dimasukkan; tidak ada yang berubah.", a=self.anggota
            )
        return tr(
            "Lembar nilai tersegel {a} dimasukkan: {n} nilai, tahap {t}.",
            a=self.anggota,
            n=self.nilai,
            t=", ".join(self.tahap),
        )


def lembar_id(seleksi_id: str, anggota_id: str, tahap_id: str) -> str:
    return natural_id("lembar", seleksi_id, anggota_id, tahap_id)


def nilai_id(seleksi_id: str, anggota_id: str, pelamar_id: str, kriteria_id: str) -> str:
    return natural_id("nilai", seleksi_id, anggota_id, pelamar_id, kriteria_id)


def _open_lembar(db: Database, data: bytes) -> tuple[dict[str, Any], str, str]:
    """Decrypt and check the signature. Returns (content, signature, verify key b64)."""
    bad = tr("Berkas ini bukan lembar nilai Merit yang sah.")
    body = _read_json(data, FORMAT_LEMBAR, bad)
    if body.get("untuk") != db.node_id:
        raise LembarDitolak(
            tr("Lembar nilai ini bukan untuk instalasi ini (untuk instalasi sekretariat lain).")
        )
    try:
        box = nacl.public.SealedBox(kunci.box_key(db))
        inner = json.loads(box.decrypt(_unb64(body.get("data"))).decode("utf-8"))
        isi, signature = inner["isi"], inner["tanda_tangan"]
        key = isi["penanda"]["kunci_tanda"]
    except (ValueError, TypeError, KeyError, nacl.exceptions.CryptoError):
        raise LembarDitolak(
            tr("Lembar nilai dari {a} rusak atau diubah; ditolak.", a=body.get("anggota", "?"))
        ) from None
    if not isinstance(isi, dict) or not _verify(isi, signature, key):
        raise LembarDitolak(
            tr(
                "Lembar nilai dari {a} telah diubah setelah dikunci (tanda tangan tidak cocok); "
                "ditolak. Minta anggota mengirim ulang lembarnya.",
                a=body.get("anggota", "?"),
            )
        )
    return isi, str(signature), str(key)


def impor_lembar(db: Database, path: Path, *, actor: str = "sistem") -> HasilImporLembar:
    """Import a sealed sheet at the secretariat. Refuses whole (nothing written) or writes the
    sheet and its scores in one transaction; importing the same sheet again changes nothing."""
    require(db, actor, "seleksi.kelola")
    conn = db.conn
    isi, signature, key = _open_lembar(db, _read(path))
    try:
        seleksi_id = str(isi["seleksi_id"])
        anggota_id = str(isi["anggota_id"])
        tahap_ids = [str(t) for t in isi["tahap_ids"]]
        kandidat_ids = [str(c) for c in isi["kandidat_ids"]]
        rows = [
            (
                str(n["pelamar_id"]),
                str(n["kriteria_id"]),
                Decimal(str(n["nilai"])),
                n.get("catatan"),
            )
            for n in isi["nilai"]
        ]
        disegel = str(isi["disegel"])
    except (KeyError, TypeError, ValueError, ArithmeticError):
        raise LembarDitolak(tr("Isi lembar nilai tidak lengkap; ditolak.")) from None
    info = get_seleksi(conn, seleksi_id)
    try:
        member = info.anggota(anggota_id)
    except NotFoundError:
        raise LembarDitolak(tr("Anggota panitia lembar ini tidak ada dalam seleksi.")) from None
    if member.kunci_tanda and member.kunci_tanda != key:
        raise LembarDitolak(
            tr(
                "Lembar nilai atas nama {a} ditandatangani instalasi lain, bukan instalasi "
                "anggota itu; ditolak.",
                a=member.nama,
            )
        )
    sidik = hashlib.sha256(canonical_json(isi) + signature.encode()).hexdigest()
    tahap = {t.id: t for t in info.tahap}
    kriteria = {k.id: k for t in info.tahap for k in t.kriteria}
    konflik = {p for a, p in panitia.konflik(conn, seleksi_id) if a == member.id}
    masalah: list[str] = []
    for tid in tahap_ids:
        if tid not in tahap:
            masalah.append(tr("tahap {t} tidak dikenal", t=tid))
    expected = {
        (c, k.id)
        for c in kandidat_ids
        if c not in konflik
        for tid in tahap_ids
        if tid in tahap
        for k in tahap[tid].kriteria
    }
    got: set[tuple[str, str]] = set()
    for pid, kid, value, _ in rows:
        k = kriteria.get(kid)
        if pid in konflik:
            masalah.append(tr("menilai kandidat yang punya konflik kepentingan ({p})", p=pid))
        elif k is None or k.tahap_id not in tahap_ids:
            masalah.append(tr("kriteria {k} tidak ada dalam tahap lembar ini", k=kid))
        elif not k.skala_min <= value <= k.skala_maks:
            masalah.append(tr("nilai {v} di luar skala {k}", v=value, k=k.nama))
        got.add((pid, kid))
    if got != expected and not masalah:
        masalah.append(tr("nilai tidak lengkap atau berlebih dibanding kandidat dan rubrik"))
    if masalah:
        raise LembarDitolak(
            tr("Lembar nilai {a} ditolak: {m}.", a=member.nama, m="; ".join(masalah[:5]))
        )
    lids = {tid: lembar_id(seleksi_id, member.id, tid) for tid in tahap_ids}
    existing = {
        r[0]: r[1]
        for r in conn.execute(
            f"SELECT id, sidik FROM seleksi_lembar WHERE deleted = 0 AND id IN "
            f"({', '.join('?' for _ in lids)})",
            list(lids.values()),
        )
    }
    if existing and all(existing.get(lid) == sidik for lid in lids.values()):
        return HasilImporLembar(
            seleksi_id, member.nama, tuple(tahap[t].nama for t in tahap_ids), len(rows), False
        )
    if existing:
        raise LembarDitolak(
            tr(
                "Sudah ada lembar tersegel lain dari {a} untuk tahap ini; lembar kedua ditolak.",
                a=member.nama,
            )
        )
    now = utc_now()
    with Store(db).write(
        tr("Memasukkan lembar nilai tersegel {a}", a=member.nama),
        actor=actor,
        izin="seleksi.kelola",
    ) as tx:
        if not member.kunci_tanda:
            tx.update("seleksi_panitia", member.id, {"kunci_tanda": key})
        for tid, lid in lids.items():
            if conn.execute("SELECT 1 FROM seleksi_lembar WHERE id = ?", (lid,)).fetchone():
                tx.undelete("seleksi_lembar", lid)
                tx.update(
                    "seleksi_lembar",
                    lid,
                    {"disegel": disegel, "diimpor": now, "sidik": sidik, "kunci_tanda": key},
                )
            else:
                tx.insert(
                    "seleksi_lembar",
                    {
                        "id": lid,
                        "seleksi_id": seleksi_id,
                        "anggota_id": member.id,
                        "tahap_id": tid,
                        "disegel": disegel,
                        "diimpor": now,
                        "sidik": sidik,
                        "kunci_tanda": key,
                    },
                )
        for pid, kid, value, note in rows:
            nid = nilai_id(seleksi_id, member.id, pid, kid)
            fields = {"nilai": teks_desimal(value), "catatan": note, "deleted": 0}
            if conn.execute("SELECT 1 FROM seleksi_nilai WHERE id = ?", (nid,)).fetchone():
                tx.update("seleksi_nilai", nid, fields)
            else:
                tx.insert(
                    "seleksi_nilai",
                    {
                        "id": nid,
                        "seleksi_id": seleksi_id,
                        "anggota_id": member.id,
                        "pelamar_id": pid,
                        "kriteria_id": kid,
                        **fields,
                    },
                )
    return HasilImporLembar(
        seleksi_id, member.nama, tuple(tahap[t].nama for t in tahap_ids), len(rows), True
    )
