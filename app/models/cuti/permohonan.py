"""Leave requests: the checks (with Indonesian reasons), the recommendation of the direct
superior, the decision of the authorised official (approve, change the dates, postpone, refuse),
the cancellation before the start, and the dated corrections of a balance.

States (``cuti.status``): DIAJUKAN -> DISETUJUI | DITANGGUHKAN | DITOLAK, and DIAJUKAN or
DISETUJUI -> DIBATALKAN before the first day. A postponed cuti tahunan stays counted in its
year (:mod:`.saldo`: its days carry forward, up to 24 with the next year's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from app.i18n import tanggal, tr
from app.models.access.akses import read_unit, require
from app.models.cuti.kalender import read_kalender
from app.models.cuti.saldo import (
    Catatan,
    berhak_sejak,
    jenis_nama,
    read_aturan,
    read_catatan,
    read_orang,
    read_penyesuaian,
    saldo_tahunan,
)
from app.models.errors import NotFoundError, ValidationError
from app.models.rekap.common import unit_clause
from app.models.rules.cuti import (
    HARI_KERJA,
    Kalender,
    Rentang,
    batas_selesai,
    masa_kerja,
    tahun_negatif,
    tumpang_tindih,
)
from app.models.storage.db import Database
from app.models.storage.store import Store

STATUS = {
    "DIAJUKAN": "Diajukan",
    "DISETUJUI": "Disetujui",
    "DITANGGUHKAN": "Ditangguhkan",
    "DITOLAK": "Ditolak",
    "DIBATALKAN": "Dibatalkan",
}
AKTIF = ("DIAJUKAN", "DISETUJUI")  # states that hold the dates
KEPUTUSAN = {
    "SETUJU": "disetujui",
    "UBAH": "disetujui dengan perubahan tanggal",
    "TUNDA": "ditangguhkan",
    "TOLAK": "ditolak",
}


def status_label(status: str) -> str:
    return tr(STATUS.get(status, status))


@dataclass(frozen=True)
class Permohonan:
    """What the clerk keys in for a request."""

    jenis: str
    mulai: date
    selesai: date
    alasan: str = ""
    alamat: str = ""
    lampiran: tuple[str, ...] = ()
    anak_ke: int | None = None


@dataclass(frozen=True)
class Pemeriksaan:
    """The result of the checks: the length counted and every reason to refuse."""

    lama: int
    satuan: str
    tahun: int
    alasan: tuple[str, ...] = ()
    catatan: tuple[str, ...] = ()  # notes that do not refuse (what to verify by hand)

    @property
    def ok(self) -> bool:
        return not self.alasan


@dataclass(frozen=True)
class Cuti:
    """One leave record, as the lists and the letter show it."""

    id: str
    pegawai_id: str
    nip: str
    nama: str
    unit_nama: str
    jabatan: str
    jenis: str
    jenis_nama: str
    mulai: date
    selesai: date
    lama: int
    tahun: int
    alasan: str
    alamat: str
    lampiran: tuple[str, ...]
    anak_ke: int | None
    tanggal_usul: date
    status: str
    rekomendasi: str | None
    rekomendasi_oleh: str | None
    rekomendasi_catatan: str | None
    keputusan_oleh: str | None
    keputusan_tanggal: date | None
    keputusan_catatan: str | None
    usul_mulai: date | None
    usul_selesai: date | None
    register_id: str | None
    satuan: str = field(default=HARI_KERJA)
    kembali: date | None = None  # reported back to duty

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def lama_teks(self) -> str:
        unit = tr("hari kerja") if self.satuan == HARI_KERJA else tr("hari")
        return f"{self.lama} {unit}"


# -- checks ----------------------------------------------------------------------------------------


def _ms(d: date) -> str:
    return tanggal(d)


def check_permohonan(
    conn: sqlite3.Connection,
    pegawai_id: str,
    p: Permohonan,
    *,
    abaikan: str | None = None,
    kalender: Kalender | None = None,
    untuk_keputusan: bool = False,
) -> Pemeriksaan:
    """Check a request against the rules and the records; every reason, not just the first.

    ``abaikan`` is the id of the request itself (when its decision is checked). With
    ``untuk_keputusan`` the balance counts only approved leave (the request being decided is
    added as approved); otherwise pending requests count too, so that two requests cannot
    promise the same days.
    """
    orang = read_orang(conn, pegawai_id)
    kal = kalender or read_kalender(conn)
    reasons: list[str] = []
    notes: list[str] = []
    nama = jenis_nama(conn, p.jenis)
    aturan = read_aturan(conn, p.jenis, orang.jenis_asn, p.mulai)
    tahun = p.mulai.year
    if p.selesai < p.mulai:
        reasons.append(
            tr(
                "Tanggal selesai ({s}) sebelum tanggal mulai ({m}).",
                s=_ms(p.selesai),
                m=_ms(p.mulai),
            )
        )
    if p.jenis == "BERSAMA":
        reasons.append(
            tr("Cuti bersama tidak diajukan per pegawai; isi tanggalnya di kalender cuti.")
        )
        return Pemeriksaan(0, HARI_KERJA, tahun, tuple(reasons))
    if aturan is None:
        reasons.append(
            tr(
                "{jenis} tidak berlaku bagi {asn} pada {t} (tabel aturan hak cuti).",
                jenis=nama,
                asn=orang.jenis_asn,
                t=_ms(p.mulai),
            )
        )
        return Pemeriksaan(0, HARI_KERJA, tahun, tuple(reasons))
    if not p.alasan.strip():
        reasons.append(tr("Alasan cuti belum diisi."))
    hari = (p.selesai - p.mulai).days + 1
    if aturan.satuan == HARI_KERJA:
        lama = kal.hari_kerja(p.mulai, p.selesai)
        missing = sorted(
            {y for y in range(p.mulai.year, p.selesai.year + 1)} - set(kal.tahun_terisi)
        )
        if missing:
            reasons.append(
                tr(
                    "Kalender libur tahun {y} belum diisi, sehingga hari kerja tidak dapat "
                    "dihitung. Isi atau impor kalender di halaman Cuti > Kalender.",
                    y=", ".join(str(y) for y in missing),
                )
            )
        if p.selesai >= p.mulai and lama < (aturan.lama_min or 1):
            reasons.append(
                tr(
                    "Rentang {m} s.d. {s} tidak memuat hari kerja; {jenis} paling sedikit "
                    "{n} hari kerja.",
                    m=_ms(p.mulai),
                    s=_ms(p.selesai),
                    jenis=nama,
                    n=aturan.lama_min or 1,
                )
            )
    else:
        lama = max(hari, 0)
        if aturan.lama_maks and p.selesai > batas_selesai(p.mulai, aturan.lama_maks):
            reasons.append(
                tr(
                    "{jenis} paling lama {n} bulan: mulai {m} paling lambat selesai {b}.",
                    jenis=nama,
                    n=aturan.lama_maks,
                    m=_ms(p.mulai),
                    b=_ms(batas_selesai(p.mulai, aturan.lama_maks)),
                )
            )
    # Service length.
    if aturan.masa_kerja_min_tahun:
        sejak = berhak_sejak(orang, aturan)
        if sejak is None:
            reasons.append(
                tr(
                    "TMT CPNS/awal kontrak {nip} belum diisi; masa kerja untuk {jenis} tidak "
                    "dapat diperiksa.",
                    nip=orang.nip,
                    jenis=nama,
                )
            )
        elif p.mulai < sejak and orang.tmt is not None:
            th, bl = masa_kerja(orang.tmt, p.mulai)
            reasons.append(
                tr(
                    "Masa kerja pada {m} baru {th} tahun {bl} bulan; {jenis} memerlukan paling "
                    "sedikit {n} tahun (berhak mulai {s}).",
                    m=_ms(p.mulai),
                    th=th,
                    bl=bl,
                    jenis=nama,
                    n=aturan.masa_kerja_min_tahun,
                    s=_ms(sejak),
                )
            )
    # Kind-specific conditions.
    if p.jenis == "MELAHIRKAN":
        if orang.jenis_kelamin != "P":
            reasons.append(tr("Cuti melahirkan hanya untuk pegawai perempuan."))
        if p.anak_ke is None or p.anak_ke < 1:
            reasons.append(tr("Anak ke berapa belum diisi untuk cuti melahirkan."))
        elif aturan.anak_maks and p.anak_ke > aturan.anak_maks:
            reasons.append(
                tr(
                    "Cuti melahirkan hanya untuk anak ke-1 sampai ke-{n}; untuk anak ke-{k} "
                    "ajukan cuti besar.",
                    n=aturan.anak_maks,
                    k=p.anak_ke,
                )
            )
    if aturan.lampiran_lebih_dari is not None and hari > aturan.lampiran_lebih_dari:
        if not any(x.strip() for x in p.lampiran):
            what = (
                tr("surat keterangan dokter")
                if p.jenis == "SAKIT"
                else tr("surat keterangan pendukung")
            )
            reasons.append(
                tr("{jenis} {n} hari memerlukan lampiran {what}.", jenis=nama, n=hari, what=what)
            )
        if p.jenis == "SAKIT" and hari > 14:
            notes.append(tr("Lebih dari 14 hari: surat keterangan dari dokter pemerintah."))
    # Other leave on the same days.
    records = [c for c in read_catatan(conn, pegawai_id) if c.id != abaikan]
    lain = [
        Rentang(
            c.mulai,
            c.selesai,
            f"{jenis_nama(conn, c.jenis)} {_ms(c.mulai)} s.d. "
            f"{_ms(c.selesai)} ({status_label(c.status)})",
        )
        for c in records
        if c.status in AKTIF
    ]
    for r in tumpang_tindih(Rentang(p.mulai, p.selesai), lain):
        reasons.append(tr("Bertumpang tindih dengan {lain}.", lain=r.label))
    # Balances.
    if p.jenis == "TAHUNAN":
        if p.selesai.year != p.mulai.year:
            reasons.append(
                tr("Cuti tahunan tidak boleh melewati akhir tahun; ajukan dua permohonan.")
            )
        if any(c.jenis == "BESAR" and c.tahun == tahun and c.status in AKTIF for c in records):
            reasons.append(
                tr(
                    "Pada tahun {t} sudah ada cuti besar; PNS yang menggunakan cuti besar tidak "
                    "berhak atas cuti tahunan pada tahun yang sama.",
                    t=tahun,
                )
            )
    reasons.extend(_balance_reasons(conn, pegawai_id, p, lama, records, untuk_keputusan, kal))
    return Pemeriksaan(lama, aturan.satuan, tahun, tuple(reasons), tuple(notes))


def _balance_reasons(
    conn: sqlite3.Connection,
    pegawai_id: str,
    p: Permohonan,
    lama: int,
    records: list[Catatan],
    untuk_keputusan: bool,
    kal: Kalender,
) -> list[str]:
    """Whether the cuti tahunan balance of any year would go below zero with this request."""
    if p.jenis not in ("TAHUNAN", "BESAR"):
        return []
    orang = read_orang(conn, pegawai_id)
    kept: list[Catatan] = []
    for c in records:
        if c.status in ("DISETUJUI", "DITANGGUHKAN"):
            kept.append(c)
        elif c.status == "DIAJUKAN" and not untuk_keputusan:
            kept.append(replace(c, status="DISETUJUI"))  # a pending request holds its days
    baru = Catatan("", p.jenis, p.mulai, p.selesai, lama, p.mulai.year, "DISETUJUI")
    saldo = saldo_tahunan(conn, orang, p.mulai.year, catatan=[*kept, baru], kalender=kal)
    out = []
    for s in tahun_negatif(saldo, p.mulai.year):
        if p.jenis == "TAHUNAN" and s.tahun == p.mulai.year:
            out.append(
                tr(
                    "Sisa cuti tahunan {t} hanya {sisa} hari kerja (hak {hak}, bawaan {bawaan}, "
                    "penyesuaian {pen}, sudah dipakai/diajukan {pakai}); permohonan {n} "
                    "hari kerja.",
                    t=s.tahun,
                    sisa=s.sisa + lama,
                    hak=s.hak,
                    bawaan=s.bawaan,
                    pen=s.penyesuaian,
                    pakai=s.dipakai - lama,
                    n=lama,
                )
            )
        else:
            out.append(
                tr(
                    "Saldo cuti tahunan {t} akan menjadi {sisa} hari (cuti tahunan yang sudah "
                    "dipakai melebihi hak tahun itu).",
                    t=s.tahun,
                    sisa=s.sisa,
                )
            )
    return out


def _refuse(nip: str, reasons: Sequence[str]) -> ValidationError:
    return ValidationError(
        tr("Permohonan cuti {nip} ditolak: {r}", nip=nip, r=" ".join(reasons)),
        field="cuti",
        reasons=list(reasons),
    )


# -- reading -----------------------------------------------------------------------------------

_COLUMNS = (
    "c.id, c.pegawai_id, p.nip, coalesce(r.nama_lengkap, p.nama), coalesce(r.unit_nama, ''), "
    "coalesce(r.jabatan_nama, ''), c.jenis_kode, coalesce(j.nama, c.jenis_kode), "
    "c.tanggal_mulai, c.tanggal_selesai, c.lama, c.tahun, coalesce(c.alasan, ''), "
    "coalesce(c.alamat, ''), coalesce(c.lampiran, ''), c.anak_ke, c.tanggal_usul, c.status, "
    "c.rekomendasi, c.rekomendasi_oleh, c.rekomendasi_catatan, c.keputusan_oleh, "
    "c.keputusan_tanggal, c.keputusan_catatan, c.usul_mulai, c.usul_selesai, c.register_id, "
    "coalesce(a.satuan, 'HARI_KERJA'), c.kembali_tanggal"
)
_FROM = (
    "FROM cuti c JOIN pegawai p ON p.id = c.pegawai_id "
    "LEFT JOIN pegawai_ringkas r ON r.pegawai_id = c.pegawai_id "
    "LEFT JOIN ref_jenis_cuti j ON j.kode = c.jenis_kode "
    "LEFT JOIN ref_aturan_cuti a ON a.jenis_cuti_kode = c.jenis_kode "
    "AND a.jenis_asn = p.jenis_asn AND a.deleted = 0 AND a.berlaku_mulai <= c.tanggal_mulai "
    "AND (a.berlaku_sampai IS NULL OR a.berlaku_sampai >= c.tanggal_mulai) "
)


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _cuti(row: Sequence[Any]) -> Cuti:
    return Cuti(
        id=row[0],
        pegawai_id=row[1],
        nip=row[2],
        nama=row[3],
        unit_nama=row[4],
        jabatan=row[5],
        jenis=row[6],
        jenis_nama=row[7],
        mulai=date.fromisoformat(row[8]),
        selesai=date.fromisoformat(row[9]),
        lama=row[10],
        tahun=row[11],
        alasan=row[12],
        alamat=row[13],
        lampiran=tuple(x for x in row[14].splitlines() if x.strip()),
        anak_ke=row[15],
        tanggal_usul=date.fromisoformat(row[16]),
        status=row[17],
        rekomendasi=row[18],
        rekomendasi_oleh=row[19],
        rekomendasi_catatan=row[20],
        keputusan_oleh=row[21],
        keputusan_tanggal=_d(row[22]),
        keputusan_catatan=row[23],
        usul_mulai=_d(row[24]),
        usul_selesai=_d(row[25]),
        register_id=row[26],
        satuan=row[27],
        kembali=_d(row[28]),
    )


def get_cuti(conn: sqlite3.Connection, cuti_id: str) -> Cuti:
    """One request by id (or by the first 8+ characters of its id)."""
    key = cuti_id.strip()
    rows = conn.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE c.deleted = 0 AND (c.id = ? OR "
        "(length(?) >= 8 AND c.id LIKE ? || '%')) LIMIT 2",
        (key, key, key),
    ).fetchall()
    if len(rows) != 1:
        raise NotFoundError(tr("Permohonan cuti dengan id {id} tidak ditemukan.", id=cuti_id))
    return _cuti(rows[0])


def list_cuti(
    conn: sqlite3.Connection,
    *,
    unit_id: str | None = None,
    status: str | None = None,
    pegawai_id: str | None = None,
    dari: date | None = None,
    sampai: date | None = None,
    limit: int = 5000,
) -> list[Cuti]:
    """Leave records, newest first; ``dari``/``sampai``: those touching the range."""
    where = " WHERE c.deleted = 0"
    params: list[Any] = []
    if status:
        where += " AND c.status = ?"
        params.append(status.upper())
    if pegawai_id:
        where += " AND c.pegawai_id = ?"
        params.append(pegawai_id)
    if dari:
        where += " AND c.tanggal_selesai >= ?"
        params.append(dari.isoformat())
    if sampai:
        where += " AND c.tanggal_mulai <= ?"
        params.append(sampai.isoformat())
    clause, unit_params = unit_clause(conn, unit_id)
    where += clause
    params.extend(unit_params)
    rows = conn.execute(
        f"SELECT {_COLUMNS} {_FROM}{where} ORDER BY c.tanggal_mulai DESC, p.nip LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [_cuti(r) for r in rows]


def daftar_cuti(
    db: Database,
    actor: str,
    *,
    unit_id: str | None = None,
    status: str | None = None,
    pegawai_id: str | None = None,
    dari: date | None = None,
    sampai: date | None = None,
) -> list[Cuti]:
    """:func:`list_cuti` for ``actor``: needs the right to read the employee list (of the person,
    or of the unit; a reader limited to one unit reads that unit when none is named)."""
    if pegawai_id is not None:
        require(db, actor, "pegawai.baca", pegawai_id=pegawai_id)
    else:
        unit_id = read_unit(db, actor, "pegawai.baca", unit_id)
    return list_cuti(
        db.conn, unit_id=unit_id, status=status, pegawai_id=pegawai_id, dari=dari, sampai=sampai
    )


def sedang_cuti(
    conn: sqlite3.Connection, dari: date, sampai: date | None = None, *, unit_id: str | None = None
) -> list[Cuti]:
    """Approved leave touching ``dari``..``sampai`` (who is on leave today / this week)."""
    return sorted(
        list_cuti(conn, unit_id=unit_id, status="DISETUJUI", dari=dari, sampai=sampai or dari),
        key=lambda c: (c.unit_nama, c.nama),
    )


# -- writing ----------------------------------------------------------------------------------


def _row(p: Permohonan, check: Pemeriksaan) -> dict[str, str | int | None]:
    return {
        "jenis_kode": p.jenis,
        "tanggal_mulai": p.mulai.isoformat(),
        "tanggal_selesai": p.selesai.isoformat(),
        "lama": check.lama,
        "tahun": check.tahun,
        "alasan": p.alasan.strip(),
        "alamat": p.alamat.strip(),
        "lampiran": "\n".join(x.strip() for x in p.lampiran if x.strip()),
        "anak_ke": p.anak_ke,
    }


def ajukan(
    db: Database,
    pegawai_id: str,
    p: Permohonan,
    *,
    actor: str,
    today: date | None = None,
) -> str:
    """Record a request after its checks; returns its id. Raises ValidationError with every
    reason when a check fails."""
    require(db, actor, "cuti.ajukan", pegawai_id=pegawai_id)
    conn = db.conn
    check = check_permohonan(conn, pegawai_id, p)
    if not check.ok:
        raise _refuse(read_orang(conn, pegawai_id).nip, check.alasan)
    with Store(db).write(tr("Mengajukan cuti"), actor=actor) as tx:
        return tx.insert(
            "cuti",
            {
                "pegawai_id": pegawai_id,
                **_row(p, check),
                "tanggal_usul": (today or date.today()).isoformat(),
                "status": "DIAJUKAN",
            },
        )


def _permohonan(c: Cuti) -> Permohonan:
    return Permohonan(c.jenis, c.mulai, c.selesai, c.alasan, c.alamat, c.lampiran, c.anak_ke)


def _need(c: Cuti, states: Sequence[str], what: str) -> None:
    if c.status not in states:
        raise ValidationError(
            tr(
                "Cuti {nip} {m} ({jenis}) berstatus {s}; tidak dapat {what}.",
                nip=c.nip,
                m=_ms(c.mulai),
                jenis=c.jenis_nama,
                s=c.status_label.lower(),
                what=what,
            ),
            field="status",
        )


def rekomendasikan(
    db: Database,
    cuti_id: str,
    rekomendasi: str,
    *,
    catatan: str = "",
    actor: str,
    today: date | None = None,
) -> None:
    """The direct superior's consideration: SETUJU, TUNDA or TOLAK (with a note)."""
    conn = db.conn
    c = get_cuti(conn, cuti_id)
    require(db, actor, "cuti.rekomendasi", pegawai_id=c.pegawai_id)
    _need(c, ("DIAJUKAN",), tr("diberi pertimbangan"))
    key = rekomendasi.upper()
    if key not in ("SETUJU", "TUNDA", "TOLAK"):
        raise ValidationError(
            tr("Pertimbangan '{r}' tidak dikenal: setuju, tunda atau tolak.", r=rekomendasi),
            field="rekomendasi",
        )
    if key != "SETUJU" and not catatan.strip():
        raise ValidationError(
            tr("Pertimbangan tunda atau tolak memerlukan alasan."), field="catatan"
        )
    with Store(db).write(tr("Pertimbangan atasan atas cuti"), actor=actor) as tx:
        tx.update(
            "cuti",
            c.id,
            {
                "rekomendasi": key,
                "rekomendasi_oleh": str(actor),
                "rekomendasi_tanggal": (today or date.today()).isoformat(),
                "rekomendasi_catatan": catatan.strip() or None,
            },
        )


def putuskan(
    db: Database,
    cuti_id: str,
    keputusan: str,
    *,
    catatan: str = "",
    mulai: date | None = None,
    selesai: date | None = None,
    actor: str,
    today: date | None = None,
) -> Cuti:
    """The authorised official's decision: SETUJU, UBAH (new dates), TUNDA (a cuti tahunan or
    besar postponed; its days carry forward) or TOLAK, the last three with a reason."""
    conn = db.conn
    c = get_cuti(conn, cuti_id)
    require(db, actor, "cuti.putus", pegawai_id=c.pegawai_id)
    _need(c, ("DIAJUKAN",), tr("diputuskan lagi"))
    key = keputusan.upper()
    if key not in KEPUTUSAN:
        raise ValidationError(
            tr("Keputusan '{k}' tidak dikenal: setuju, ubah, tunda atau tolak.", k=keputusan),
            field="keputusan",
        )
    if key != "SETUJU" and not catatan.strip():
        raise ValidationError(
            tr("Keputusan {k} memerlukan alasan.", k=tr(KEPUTUSAN[key])), field="catatan"
        )
    changes: dict[str, str | int | None] = {
        "keputusan_oleh": str(actor),
        "keputusan_tanggal": (today or date.today()).isoformat(),
        "keputusan_catatan": catatan.strip() or None,
    }
    if key in ("SETUJU", "UBAH"):
        p = _permohonan(c)
        if key == "UBAH":
            if mulai is None or selesai is None:
                raise ValidationError(
                    tr("Perubahan tanggal memerlukan tanggal mulai dan selesai yang baru."),
                    field="mulai",
                )
            p = replace(p, mulai=mulai, selesai=selesai)
            changes.update(
                {"usul_mulai": c.mulai.isoformat(), "usul_selesai": c.selesai.isoformat()}
            )
        check = check_permohonan(conn, c.pegawai_id, p, abaikan=c.id, untuk_keputusan=True)
        if not check.ok:
            raise _refuse(c.nip, check.alasan)
        changes.update(_row(p, check))
        changes["status"] = "DISETUJUI"
    elif key == "TUNDA":
        if c.jenis not in ("TAHUNAN", "BESAR"):
            raise ValidationError(
                tr("Hanya cuti tahunan dan cuti besar yang dapat ditangguhkan."), field="keputusan"
            )
        changes["status"] = "DITANGGUHKAN"
    else:
        changes["status"] = "DITOLAK"
    with Store(db).write(tr("Keputusan cuti: {k}", k=tr(KEPUTUSAN[key])), actor=actor) as tx:
        tx.update("cuti", c.id, changes)
    return get_cuti(conn, c.id)


def batalkan(
    db: Database, cuti_id: str, *, actor: str, alasan: str = "", today: date | None = None
) -> None:
    """Cancel a request or an approved leave before its first day."""
    conn = db.conn
    c = get_cuti(conn, cuti_id)
    require(db, actor, "cuti.ajukan", pegawai_id=c.pegawai_id)
    _need(c, AKTIF, tr("dibatalkan"))
    now = today or date.today()
    if now >= c.mulai:
        raise ValidationError(
            tr(
                "Cuti {nip} sudah dimulai pada {m}; pembatalan hanya sebelum tanggal mulai.",
                nip=c.nip,
                m=_ms(c.mulai),
            ),
            field="tanggal",
        )
    note = c.keputusan_catatan or ""
    if alasan.strip():
        note = (note + "; " if note else "") + tr("Dibatalkan: {a}", a=alasan.strip())
    with Store(db).write(tr("Membatalkan cuti"), actor=actor) as tx:
        tx.update("cuti", c.id, {"status": "DIBATALKAN", "keputusan_catatan": note or None})


def catat_kembali(
    db: Database, cuti_id: str, pada: date, *, actor: str, today: date | None = None
) -> int:
    """Record the day an employee on an approved leave reported back to duty. Returns the
    working days between the end of the leave and that day (0: on time), which count as
    absence for the superior to follow up (PP 94/2021)."""
    conn = db.conn
    c = get_cuti(conn, cuti_id)
    require(db, actor, "cuti.ajukan", pegawai_id=c.pegawai_id)
    _need(c, ("DISETUJUI",), tr("dicatat kembali bekerja"))
    if pada <= c.mulai or pada > (today or date.today()):
        raise ValidationError(
            tr(
                "Tanggal kembali bekerja {t} harus sesudah tanggal mulai cuti ({m}) dan tidak "
                "di masa depan.",
                t=_ms(pada),
                m=_ms(c.mulai),
            ),
            field="tanggal",
        )
    with Store(db).write(tr("Mencatat kembali bekerja setelah cuti"), actor=actor) as tx:
        tx.update("cuti", c.id, {"kembali_tanggal": pada.isoformat()})
    return read_kalender(conn).hari_kerja(c.selesai + timedelta(days=1), pada - timedelta(days=1))


def koreksi_saldo(
    db: Database,
    pegawai_id: str,
    tahun: int,
    hari: int,
    alasan: str,
    *,
    actor: str,
    tanggal_koreksi: date | None = None,
) -> str:
    """A dated correction of one year's cuti tahunan (signed days), with its reason. Refused
    when it would leave a balance below zero."""
    require(db, actor, "cuti.ajukan", pegawai_id=pegawai_id)
    conn = db.conn
    orang = read_orang(conn, pegawai_id)
    if not alasan.strip():
        raise ValidationError(tr("Alasan penyesuaian saldo cuti belum diisi."), field="alasan")
    if hari == 0:
        raise ValidationError(tr("Penyesuaian 0 hari tidak mengubah apa pun."), field="hari")
    koreksi = read_penyesuaian(conn, pegawai_id)
    koreksi[tahun] = koreksi.get(tahun, 0) + hari
    saldo = saldo_tahunan(conn, orang, tahun, penyesuaian=koreksi)
    bad = tahun_negatif(saldo, min(saldo) if saldo else tahun)
    if bad:
        raise ValidationError(
            tr(
                "Penyesuaian {h} hari membuat saldo cuti tahunan {t} {nip} menjadi {s} hari.",
                h=hari,
                t=bad[0].tahun,
                nip=orang.nip,
                s=bad[0].sisa,
            ),
            field="hari",
        )
    with Store(db).write(tr("Penyesuaian saldo cuti"), actor=actor) as tx:
        return tx.insert(
            "cuti_penyesuaian",
            {
                "pegawai_id": pegawai_id,
                "jenis_kode": "TAHUNAN",
                "tahun": tahun,
                "hari": hari,
                "tanggal": (tanggal_koreksi or date.today()).isoformat(),
                "alasan": alasan.strip(),
            },
        )


def minggu(pada: date) -> tuple[date, date]:
    """Monday to Sunday of the week of ``pada``."""
    start = pada - timedelta(days=pada.weekday())
    return start, start + timedelta(days=6)
