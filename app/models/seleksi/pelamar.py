"""Applicants and the administrative screening.

An applicant comes from the registry (:func:`create_pelamar_internal`: the facts screened are
read from the records each time) or from outside it (:func:`create_pelamar_eksternal`: the facts
as entered). The requirements (:class:`~app.models.seleksi.seleksi.Syarat`) are run whenever the
applicants are read (:func:`saring`, pure); missing data fails, saying so. The secretariat may
override the result, with its reason (:func:`putuskan_pelamar`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import Referensi
from app.models.rules import derivations as d
from app.models.seleksi.seleksi import Syarat, get_seleksi
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store


@dataclass(frozen=True)
class PelamarEksternal:
    """An applicant from outside the registry, entered by hand."""

    nama: str
    nip: str | None = None
    instansi_asal: str | None = None
    golongan_kode: str | None = None
    pendidikan_kode: str | None = None
    tanggal_lahir: date | None = None
    tmt_jabatan: date | None = None
    tmt_golongan: date | None = None
    predikat_1: str | None = None  # last year
    predikat_2: str | None = None  # the year before
    hukdis_berlaku: bool = False


def _next_nomor(conn: sqlite3.Connection, seleksi_id: str) -> int:
    row = conn.execute(
        "SELECT coalesce(max(nomor), 0) FROM seleksi_pelamar WHERE seleksi_id = ?", (seleksi_id,)
    ).fetchone()
    return int(row[0]) + 1


def create_pelamar_internal(db: Database, seleksi_id: str, pegawai_id: str, *, actor: str) -> str:
    """Register an employee from the registry. Returns the applicant id."""
    conn = db.conn
    info = get_seleksi(conn, seleksi_id)
    row = conn.execute(
        "SELECT nama_lengkap, nip FROM pegawai_ringkas WHERE pegawai_id = ? AND deleted = 0",
        (pegawai_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pegawai {id} tidak ditemukan.", id=pegawai_id))
    dup = conn.execute(
        "SELECT 1 FROM seleksi_pelamar WHERE seleksi_id = ? AND pegawai_id = ? AND deleted = 0",
        (seleksi_id, pegawai_id),
    ).fetchone()
    if dup:
        raise ValidationError(
            tr("{n} sudah terdaftar dalam seleksi {j}.", n=row[0], j=info.judul), field="pegawai"
        )
    with Store(db).write(
        tr("Mendaftarkan pelamar {n}", n=row[0]), actor=actor, izin="seleksi.kelola"
    ) as tx:
        return tx.insert(
            "seleksi_pelamar",
            {
                "seleksi_id": seleksi_id,
                "nomor": _next_nomor(conn, seleksi_id),
                "pegawai_id": pegawai_id,
                "nama": row[0],
                "nip": row[1],
            },
        )


def create_pelamar_eksternal(
    db: Database, seleksi_id: str, data: PelamarEksternal, *, actor: str
) -> str:
    """Register an applicant from outside the registry. Returns the applicant id."""
    conn = db.conn
    get_seleksi(conn, seleksi_id)
    nama = " ".join(data.nama.split())
    if not nama:
        raise ValidationError(tr("Nama pelamar wajib diisi."), field="nama")
    ref = Referensi.load(conn)
    if data.golongan_kode and data.golongan_kode not in ref.golongan:
        raise ValidationError(
            tr("Pelamar {n}: golongan '{g}' tidak dikenal.", n=nama, g=data.golongan_kode),
            field="golongan_kode",
        )
    if data.pendidikan_kode and data.pendidikan_kode not in ref.pendidikan:
        raise ValidationError(
            tr("Pelamar {n}: pendidikan '{p}' tidak dikenal.", n=nama, p=data.pendidikan_kode),
            field="pendidikan_kode",
        )
    predikat = ref.table("ref_predikat")
    for name, value in (("predikat_1", data.predikat_1), ("predikat_2", data.predikat_2)):
        if value and value not in predikat:
            raise ValidationError(
                tr("Pelamar {n}: predikat '{p}' tidak dikenal.", n=nama, p=value), field=name
            )

    def iso(v: date | None) -> str | None:
        return v.isoformat() if v else None

    with Store(db).write(
        tr("Mendaftarkan pelamar {n}", n=nama), actor=actor, izin="seleksi.kelola"
    ) as tx:
        return tx.insert(
            "seleksi_pelamar",
            {
                "seleksi_id": seleksi_id,
                "nomor": _next_nomor(conn, seleksi_id),
                "pegawai_id": None,
                "nama": nama,
                "nip": data.nip,
                "instansi_asal": data.instansi_asal,
                "golongan_kode": data.golongan_kode,
                "pendidikan_kode": data.pendidikan_kode,
                "tanggal_lahir": iso(data.tanggal_lahir),
                "tmt_jabatan": iso(data.tmt_jabatan),
                "tmt_golongan": iso(data.tmt_golongan),
                "predikat_1": data.predikat_1,
                "predikat_2": data.predikat_2,
                "hukdis_berlaku": int(data.hukdis_berlaku),
            },
        )


@dataclass(frozen=True)
class HasilSyarat:
    kode: str  # golongan, pendidikan, masa_jabatan, masa_pangkat, usia, predikat, hukdis
    nama: str
    lulus: bool
    alasan: str


@dataclass(frozen=True)
class Pelamar:
    id: str
    nomor: int
    nama: str
    nip: str | None
    pegawai_id: str | None
    instansi_asal: str | None
    syarat: tuple[HasilSyarat, ...]
    lulus_syarat: bool  # what the requirements say
    override_lulus: bool | None
    override_alasan: str | None
    override_oleh: str | None
    # added from the talent pool's suggestion (app.models.seleksi.saran), with what it said
    dari_talenta: bool = False
    talenta_peringkat: int | None = None
    talenta_kotak: int | None = None
    talenta_kesiapan: str | None = None

    @property
    def tanda_talenta(self) -> str:
        """The mark the committee sees on an applicant from the talent pool ('' otherwise)."""
        if not self.dari_talenta:
            return ""
        return tr(
            "dari talent pool (peringkat {p}, kotak {k}, {s})",
            p=self.talenta_peringkat if self.talenta_peringkat is not None else "-",
            k=self.talenta_kotak if self.talenta_kotak is not None else "-",
            s=self.talenta_kesiapan or "-",
        )

    @property
    def eksternal(self) -> bool:
        return self.pegawai_id is None

    @property
    def lulus(self) -> bool:
        """Passes the administrative screening (the secretariat's override wins)."""
        return self.override_lulus if self.override_lulus is not None else self.lulus_syarat

    @property
    def alasan_gagal(self) -> list[str]:
        return [h.alasan for h in self.syarat if not h.lulus]


def _data_pelamar(conn: sqlite3.Connection, row: Mapping[str, Any], on: date) -> dict[str, Any]:
    """The facts screened: from the registry (internal) or as entered (external)."""
    if row["pegawai_id"] is None:
        return {
            "golongan": row["golongan_kode"],
            "pendidikan": row["pendidikan_kode"],
            "lahir": row["tanggal_lahir"],
            "tmt_jabatan": row["tmt_jabatan"],
            "tmt_golongan": row["tmt_golongan"],
            "predikat": {on.year - 1: row["predikat_1"], on.year - 2: row["predikat_2"]},
            "hukdis": bool(row["hukdis_berlaku"]),
        }
    pid = row["pegawai_id"]
    r = conn.execute(
        "SELECT golongan_kode, pendidikan_kode, tanggal_lahir, tmt_jabatan, tmt_golongan "
        "FROM pegawai_ringkas WHERE pegawai_id = ?",
        (pid,),
    ).fetchone()
    predikat = {
        int(t): k
        for t, k in conn.execute(
            "SELECT tahun, predikat_kode FROM riwayat_skp WHERE pegawai_id = ? AND deleted = 0 "
            "AND tahun IN (?, ?)",
            (pid, on.year - 1, on.year - 2),
        )
    }
    hukdis = conn.execute(
        "SELECT 1 FROM riwayat_hukdis WHERE pegawai_id = ? AND deleted = 0 AND tmt_mulai <= ? "
        "AND (tmt_selesai IS NULL OR tmt_selesai >= ?)",
        (pid, on.isoformat(), on.isoformat()),
    ).fetchone()
    return {
        "golongan": r[0] if r else None,
        "pendidikan": r[1] if r else None,
        "lahir": r[2] if r else None,
        "tmt_jabatan": r[3] if r else None,
        "tmt_golongan": r[4] if r else None,
        "predikat": {
            on.year - 1: predikat.get(on.year - 1),
            on.year - 2: predikat.get(on.year - 2),
        },
        "hukdis": hukdis is not None,
    }


def saring(ref: Referensi, syarat: Syarat, data: Mapping[str, Any], on: date) -> list[HasilSyarat]:
    """Run the requirements on one applicant's facts (pure). Missing data fails, saying so."""
    out: list[HasilSyarat] = []

    def add(kode: str, nama: str, lulus: bool, alasan: str) -> None:
        out.append(HasilSyarat(kode, nama, lulus, alasan))

    if syarat.golongan_min:
        gol = data.get("golongan")
        need = ref.golongan_urutan(syarat.golongan_min) or 0
        have = ref.golongan_urutan(gol)
        nama = tr("Golongan paling rendah {g}", g=syarat.golongan_min)
        if have is None:
            add("golongan", nama, False, tr("Golongan belum tercatat"))
        else:
            ok = have >= need
            add(
                "golongan",
                nama,
                ok,
                tr("Golongan {g}", g=gol)
                if ok
                else tr("Golongan {g} di bawah {m}", g=gol, m=syarat.golongan_min),
            )
    if syarat.pendidikan_min:
        pend = data.get("pendidikan")
        nama = tr(
            "Pendidikan paling rendah {p}", p=ref.label("ref_pendidikan", syarat.pendidikan_min)
        )
        if not pend or pend not in ref.pendidikan:
            add("pendidikan", nama, False, tr("Pendidikan belum tercatat"))
        else:
            ok = ref.pendidikan_urutan(pend) >= ref.pendidikan_urutan(syarat.pendidikan_min)
            label = ref.label("ref_pendidikan", pend)
            add(
                "pendidikan",
                nama,
                ok,
                tr("Pendidikan {p}", p=label)
                if ok
                else tr("Pendidikan {p} di bawah syarat", p=label),
            )
    for kode, key, years, nama_fmt in (
        (
            "masa_jabatan",
            "tmt_jabatan",
            syarat.tahun_jabatan,
            "Paling sedikit {n} tahun dalam jabatan",
        ),
        (
            "masa_pangkat",
            "tmt_golongan",
            syarat.tahun_pangkat,
            "Paling sedikit {n} tahun dalam pangkat",
        ),
    ):
        if not years:
            continue
        nama = tr(nama_fmt, n=years)
        tmt = data.get(key)
        if not tmt:
            add(kode, nama, False, tr("TMT belum tercatat"))
            continue
        th, bl = d.masa_kerja(date.fromisoformat(str(tmt)), on)
        ok = th >= years
        add(kode, nama, ok, tr("{t} tahun {b} bulan", t=th, b=bl) + ("" if ok else tr(" (kurang)")))
    if syarat.usia_maks:
        nama = tr("Usia paling tinggi {n} tahun", n=syarat.usia_maks)
        lahir = data.get("lahir")
        if not lahir:
            add("usia", nama, False, tr("Tanggal lahir belum tercatat"))
        else:
            umur = d.usia(date.fromisoformat(str(lahir)), on)
            ok = umur <= syarat.usia_maks
            add("usia", nama, ok, tr("Usia {u} tahun", u=umur) + ("" if ok else tr(" (melebihi)")))
    if syarat.predikat_baik:
        predikat = ref.table("ref_predikat")
        baik = int(predikat["BAIK"]["urutan"]) if "BAIK" in predikat else 2
        nama = tr("Predikat kinerja paling rendah Baik dua tahun terakhir")
        alasan: list[str] = []
        ok = True
        for tahun, kode in sorted(dict(data.get("predikat") or {}).items(), reverse=True):
            if not kode:
                alasan.append(tr("{t}: belum tercatat", t=tahun))
                ok = False
            else:
                row = predikat.get(kode)
                if row is None or int(row["urutan"]) > baik:
                    ok = False
                alasan.append(f"{tahun}: {ref.label('ref_predikat', kode)}")
        add("predikat", nama, ok, "; ".join(alasan))
    if syarat.bebas_hukdis:
        nama = tr("Tidak sedang menjalani hukuman disiplin")
        kena = bool(data.get("hukdis"))
        add(
            "hukdis",
            nama,
            not kena,
            tr("Sedang menjalani hukuman disiplin") if kena else tr("Tidak ada hukuman berlaku"),
        )
    return out


def list_pelamar(conn: sqlite3.Connection, seleksi_id: str) -> list[Pelamar]:
    """The applicants with their screening results, in registration order."""
    info = get_seleksi(conn, seleksi_id)
    ref = Referensi.load(conn)
    cur = conn.execute(
        "SELECT * FROM seleksi_pelamar WHERE seleksi_id = ? AND deleted = 0 ORDER BY nomor",
        (seleksi_id,),
    )
    cols = [c[0] for c in cur.description]
    out = []
    for raw in cur.fetchall():
        row = dict(zip(cols, raw, strict=True))
        hasil = saring(
            ref, info.syarat, _data_pelamar(conn, row, info.tanggal_acuan), info.tanggal_acuan
        )
        out.append(
            Pelamar(
                id=row["id"],
                nomor=int(row["nomor"]),
                nama=row["nama"],
                nip=row["nip"],
                pegawai_id=row["pegawai_id"],
                instansi_asal=row["instansi_asal"],
                syarat=tuple(hasil),
                lulus_syarat=all(h.lulus for h in hasil),
                override_lulus=None
                if row["override_lulus"] is None
                else bool(row["override_lulus"]),
                override_alasan=row["override_alasan"],
                override_oleh=row["override_oleh"],
                dari_talenta=bool(row["dari_talenta"]),
                talenta_peringkat=row["talenta_peringkat"],
                talenta_kotak=row["talenta_kotak"],
                talenta_kesiapan=row["talenta_kesiapan"],
            )
        )
    return out


def kandidat(conn: sqlite3.Connection, seleksi_id: str) -> list[Pelamar]:
    """The applicants who passed the administrative screening (or were let through)."""
    return [p for p in list_pelamar(conn, seleksi_id) if p.lulus]


def putuskan_pelamar(
    db: Database, pelamar_id: str, lulus: bool | None, alasan: str, *, actor: str
) -> None:
    """The secretariat's override of the screening, with its reason (None: back to the rules)."""
    alasan = " ".join(alasan.split())
    if lulus is not None and len(alasan) < 5:
        raise ValidationError(
            tr("Alasan keputusan sekretariat wajib diisi (paling sedikit 5 huruf)."),
            field="alasan",
        )
    row = db.conn.execute(
        "SELECT nama FROM seleksi_pelamar WHERE id = ? AND deleted = 0", (pelamar_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(tr("Pelamar {id} tidak ditemukan.", id=pelamar_id))
    with Store(db).write(
        tr("Keputusan seleksi administrasi {n}", n=row[0]),
        actor=actor,
        izin="seleksi.kelola",
        keterangan=alasan or None,
    ) as tx:
        tx.update(
            "seleksi_pelamar",
            pelamar_id,
            {
                "override_lulus": None if lulus is None else int(lulus),
                "override_alasan": alasan if lulus is not None else None,
                "override_oleh": str(actor) if lulus is not None else None,
                "override_waktu": utc_now() if lulus is not None else None,
            },
        )


def pelamar_json(p: Pelamar) -> dict[str, Any]:
    return {
        "id": p.id,
        "nomor": p.nomor,
        "nama": p.nama,
        "nip": p.nip,
        "eksternal": p.eksternal,
        "instansi_asal": p.instansi_asal,
        "lulus": p.lulus,
        "lulus_syarat": p.lulus_syarat,
        "override": p.override_lulus,
        "override_alasan": p.override_alasan,
        "override_oleh": p.override_oleh,
        "dari_talenta": p.dari_talenta,
        "talenta": {
            "peringkat": p.talenta_peringkat,
            "kotak": p.talenta_kotak,
            "kesiapan": p.talenta_kesiapan,
        }
        if p.dari_talenta
        else None,
        "syarat": [
            {"kode": h.kode, "syarat": h.nama, "lulus": h.lulus, "alasan": h.alasan}
            for h in p.syarat
        ],
    }
