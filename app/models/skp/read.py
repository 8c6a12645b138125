"""Reading one SKP: its state and people (for :func:`app.models.rules.skp.may`), the form's
whole record, and the plan as form data."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date

from app.i18n import tr
from app.models.access import akses
from app.models.errors import NotFoundError
from app.models.pegawai.read import find_pegawai_id
from app.models.reference.loader import Referensi, natural_id
from app.models.rules.skp import SkpInfo, batas_keberatan
from app.models.skp.types import (
    Evaluasi,
    HasilKerja,
    HasilKerjaData,
    Indikator,
    IndikatorData,
    Keberatan,
    Orang,
    Perilaku,
    Rekan,
    RiwayatStatus,
    Skp,
)
from app.models.storage.db import Database


def skp_id_for(pegawai_id: str, tahun: int) -> str:
    """Natural id of the SKP of an employee in a year (two installations meet as one row)."""
    return natural_id("skp", pegawai_id, tahun)


def unit_path(conn: sqlite3.Connection, unit_id: str | None) -> frozenset[str]:
    """A unit and every unit above it (what an operator's scope is matched against)."""
    if not unit_id:
        return frozenset()
    rows = conn.execute(
        "WITH RECURSIVE t(id, induk) AS ("
        " SELECT id, induk_id FROM unit_organisasi WHERE id = ?"
        " UNION SELECT u.id, u.induk_id FROM unit_organisasi u JOIN t ON u.id = t.induk"
        ") SELECT id FROM t",
        (unit_id,),
    ).fetchall()
    return frozenset({unit_id, *(str(r[0]) for r in rows)})


def skp_row(conn: sqlite3.Connection, skp_id: str) -> sqlite3.Row:
    """The stored row of an SKP. Raises NotFoundError."""
    row = conn.execute("SELECT * FROM skp WHERE id = ? AND deleted = 0", (skp_id,)).fetchone()
    if row is None:
        raise NotFoundError(tr("SKP dengan id {id} tidak ditemukan.", id=skp_id))
    return row


def skp_info(conn: sqlite3.Connection, skp_id: str) -> SkpInfo:
    """The state, people and unit of an SKP (for :func:`app.models.rules.skp.may`). Raises
    NotFoundError."""
    row = skp_row(conn, skp_id)
    unit = conn.execute(
        "SELECT unit_id FROM pegawai_ringkas WHERE pegawai_id = ?", (row["pegawai_id"],)
    ).fetchone()
    rekan = conn.execute(
        "SELECT DISTINCT rekan_id FROM skp_umpan_balik_rekan WHERE skp_id = ? AND deleted = 0",
        (skp_id,),
    ).fetchall()
    return SkpInfo(
        batas_keberatan=batas_keberatan_of(conn, row),
        id=str(row["id"]),
        pegawai_id=str(row["pegawai_id"]),
        tahun=int(row["tahun"]),
        status=str(row["status"]),
        terkunci=bool(row["terkunci"]),
        penilai_id=row["penilai_id"],
        atasan_penilai_id=row["atasan_penilai_id"],
        unit_path=unit_path(conn, (unit[0] if unit else None) or row["unit_id"]),
        rekan_ids=frozenset(str(r[0]) for r in rekan),
    )


def hari_keberatan(conn: sqlite3.Connection) -> int:
    """The days to lodge a keberatan (``ref_tenggat_skp`` KEBERATAN, editable; 14 when the row
    is gone)."""
    row = conn.execute(
        "SELECT hari FROM ref_tenggat_skp WHERE kode = 'KEBERATAN' AND deleted = 0"
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else 14


def batas_keberatan_of(conn: sqlite3.Connection, row: sqlite3.Row) -> str | None:
    """The last day of the keberatan window of a ditetapkan SKP: as recorded at penetapan, or
    (an SKP ditetapkan before migration 16) counted from its ``ditetapkan`` instant."""
    if row["batas_keberatan"]:
        return str(row["batas_keberatan"])
    if row["status"] != "ditetapkan" or not row["ditetapkan"]:
        return None
    start = date.fromisoformat(str(row["ditetapkan"])[:10])
    return batas_keberatan(start, hari_keberatan(conn)).isoformat()


def check_read(db: Database, actor: str, skp_id: str) -> SkpInfo:
    """Refuse (AccessDenied, audited) an actor who may not read this SKP: the employee it
    belongs to, their appraiser and the appraiser's superior may; anyone else needs
    ``skp.baca`` for the employee (an operator of their unit, the pimpinan, the admin)."""
    info = skp_info(db.conn, skp_id)
    own = actor.pegawai_id if isinstance(actor, akses.Sesi) else None
    if own is None or own not in (info.pegawai_id, info.penilai_id, info.atasan_penilai_id):
        akses.require(db, actor, "skp.baca", pegawai_id=info.pegawai_id)
    return info


def orang(
    conn: sqlite3.Connection, pegawai_id: str | None, ref: Referensi | None = None
) -> Orang | None:
    """A person's name, NIP, current position, unit and rank (from the employee summary)."""
    if not pegawai_id:
        return None
    row = conn.execute(
        "SELECT nip, nama_lengkap, jabatan_nama, unit_nama, golongan_kode FROM pegawai_ringkas "
        "WHERE pegawai_id = ?",
        (pegawai_id,),
    ).fetchone()
    if row is None:
        return None
    ref = ref or Referensi.load(conn)
    return Orang(
        pegawai_id=pegawai_id,
        nip=str(row[0]),
        nama=str(row[1]),
        jabatan=str(row[2] or ""),
        unit=str(row[3] or ""),
        golongan=ref.golongan_label(row[4]),
    )


def find_skp(conn: sqlite3.Connection, key: str, tahun: int) -> str:
    """The SKP id of an employee (NIP or id) in a year. Raises NotFoundError."""
    pegawai_id = find_pegawai_id(conn, key)
    skp_id = skp_id_for(pegawai_id, tahun)
    row = conn.execute("SELECT 1 FROM skp WHERE id = ? AND deleted = 0", (skp_id,)).fetchone()
    if row is None:
        raise NotFoundError(
            tr("Pegawai {nip} belum punya SKP tahun {tahun}. Buat dulu.", nip=key, tahun=tahun)
        )
    return skp_id


def get_skp(conn: sqlite3.Connection, skp_id: str, ref: Referensi | None = None) -> Skp:
    """One SKP with its results, indicators, behaviours, peers and history."""
    ref = ref or Referensi.load(conn)
    info = skp_info(conn, skp_id)
    row = skp_row(conn, skp_id)
    pegawai = orang(conn, info.pegawai_id, ref)
    if pegawai is None:
        raise NotFoundError(tr("Pegawai SKP ini tidak ditemukan."))
    hk_rows = conn.execute(
        "SELECT h.id, h.jenis, h.uraian, h.hasil_kerja_atasan_id, coalesce(a.uraian, ''), "
        "coalesce(h.umpan_balik, '') FROM skp_hasil_kerja h "
        "LEFT JOIN skp_hasil_kerja a ON a.id = h.hasil_kerja_atasan_id "
        "WHERE h.skp_id = ? AND h.deleted = 0 ORDER BY h.jenis <> 'UTAMA', h.urutan, h.rowid",
        (skp_id,),
    ).fetchall()
    indikator: dict[str, list[Indikator]] = defaultdict(list)
    for r in conn.execute(
        "SELECT i.hasil_kerja_id, i.id, i.indikator, coalesce(i.target, ''), "
        "coalesce(i.realisasi, ''), coalesce(i.bukti, '') FROM skp_indikator i "
        "JOIN skp_hasil_kerja h ON h.id = i.hasil_kerja_id "
        "WHERE h.skp_id = ? AND i.deleted = 0 ORDER BY i.urutan, i.rowid",
        (skp_id,),
    ):
        indikator[str(r[0])].append(Indikator(*(str(x) for x in r[1:])))
    hasil = tuple(
        HasilKerja(
            id=str(r[0]),
            jenis=str(r[1]),
            uraian=str(r[2]),
            hasil_kerja_atasan_id=r[3],
            hasil_kerja_atasan=str(r[4]),
            umpan_balik=str(r[5]),
            indikator=tuple(indikator.get(str(r[0]), [])),
        )
        for r in hk_rows
    )
    stored = {
        str(r[0]): (str(r[1] or ""), str(r[2] or ""))
        for r in conn.execute(
            "SELECT nilai_kode, ekspektasi, umpan_balik FROM skp_perilaku "
            "WHERE skp_id = ? AND deleted = 0",
            (skp_id,),
        )
    }
    answers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rekan: dict[str, Rekan] = {}
    for r in conn.execute(
        "SELECT u.rekan_id, u.nilai_kode, coalesce(u.umpan_balik, ''), u.dijawab, "
        "coalesce(c.nama_lengkap, u.rekan_id), coalesce(c.nip, '') "
        "FROM skp_umpan_balik_rekan u LEFT JOIN pegawai_ringkas c ON c.pegawai_id = u.rekan_id "
        "WHERE u.skp_id = ? AND u.deleted = 0 ORDER BY c.nama_urut, u.rekan_id",
        (skp_id,),
    ):
        rid = str(r[0])
        done = bool(r[3]) or rekan.get(rid, Rekan(rid, "", "", False)).dijawab
        rekan[rid] = Rekan(rid, str(r[4]), str(r[5]), done)
        if r[2]:
            answers[str(r[1])].append((str(r[4]), str(r[2])))
    perilaku = tuple(
        Perilaku(
            nilai_kode=kode,
            nama=str(v.get("nama") or kode),
            panduan=str(v.get("panduan") or ""),
            ekspektasi=stored.get(kode, ("", ""))[0],
            umpan_balik=stored.get(kode, ("", ""))[1],
            rekan=tuple(answers.get(kode, [])),
        )
        for kode, v in ref.table("ref_nilai_berakhlak").items()
    )
    riwayat = tuple(
        RiwayatStatus(*(str(x or "") for x in r))
        for r in conn.execute(
            "SELECT aksi, dari, ke, pelaku, waktu, catatan FROM skp_transisi "
            "WHERE skp_id = ? AND deleted = 0 ORDER BY waktu, rowid",
            (skp_id,),
        )
    )
    evaluasi = tuple(
        Evaluasi(str(r[0]), int(r[1]), r[2], r[3], r[4], str(r[5] or ""))
        for r in conn.execute(
            "SELECT jenis, ke, rating_hasil, rating_perilaku, predikat_kode, catatan "
            "FROM skp_evaluasi WHERE skp_id = ? AND deleted = 0 ORDER BY jenis, ke",
            (skp_id,),
        )
    )
    k = conn.execute(
        "SELECT alasan, tanggal, pengaju, predikat_awal, putusan, predikat_akhir, "
        "coalesce(alasan_putusan, ''), tanggal_putusan, coalesce(pemutus, '') "
        "FROM skp_keberatan WHERE skp_id = ? AND deleted = 0",
        (skp_id,),
    ).fetchone()
    return Skp(
        keberatan=Keberatan(*k) if k else None,
        info=info,
        pegawai=pegawai,
        penilai=orang(conn, info.penilai_id, ref),
        atasan_penilai=orang(conn, info.atasan_penilai_id, ref),
        nama_jabatan=str(row["nama_jabatan"] or pegawai.jabatan),
        rating_hasil=row["rating_hasil"],
        rating_perilaku=row["rating_perilaku"],
        predikat_kode=row["predikat_kode"],
        catatan_penilai=str(row["catatan_penilai"] or ""),
        ditetapkan=row["ditetapkan"],
        hasil_kerja=hasil,
        perilaku=perilaku,
        rekan=tuple(rekan.values()),
        riwayat=riwayat,
        evaluasi=evaluasi,
    )


def hasil_kerja_atasan(conn: sqlite3.Connection, skp_id: str) -> list[tuple[str, str]]:
    """(id, text) of the results in the appraiser's SKP of the same year, which this SKP's
    results may support ("rencana hasil kerja pimpinan yang diintervensi")."""
    row = skp_row(conn, skp_id)
    if not row["penilai_id"]:
        return []
    atasan_skp = skp_id_for(str(row["penilai_id"]), int(row["tahun"]))
    return [
        (str(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT id, uraian FROM skp_hasil_kerja WHERE skp_id = ? AND deleted = 0 "
            "ORDER BY jenis <> 'UTAMA', urutan, rowid",
            (atasan_skp,),
        )
    ]


def rencana_data(skp: Skp) -> list[HasilKerjaData]:
    """The stored plan as form data (for editing and saving back)."""
    return [
        HasilKerjaData(
            uraian=h.uraian,
            jenis=h.jenis,
            hasil_kerja_atasan_id=h.hasil_kerja_atasan_id,
            id=h.id,
            indikator=[
                IndikatorData(i.indikator, i.target, i.realisasi, i.bukti, i.id)
                for i in h.indikator
            ],
        )
        for h in skp.hasil_kerja
    ]
