"""Discipline cases under PP 94/2021 (asn-rules 9), migration 22.

A case goes DIBUKA -> DIPANGGIL (summons I, and II when the employee did not come) ->
DIPERIKSA (the examination, its BAP) -> DIPUTUS (the decision: a penalty of
``ref_hukuman_disiplin``, the SK, the date the employee received it) -> KEBERATAN (an
administrative appeal lodged within the window) -> SELESAI; DITUTUP ends a case without a
penalty.

The decision writes, in the same transaction, the ``riwayat_hukdis`` row the KP list and the KGB
schedule read (:mod:`app.models.rekap.kp`, :mod:`app.models.rekap.kgb`): the penalty takes
effect on the 15th day after receipt and lasts its months (``ref_tenggat_disiplin``,
``ref_hukuman_disiplin``). The appeal's result changes or withdraws that row, again in one
transaction. Cases are read only by the holders of ``disiplin.kelola`` for the employee's unit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tanggal, tr
from app.models.access import akses
from app.models.cuti.kalender import read_kalender
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import natural_id
from app.models.rules import integritas as rules
from app.models.storage.db import Database
from app.models.storage.ringkas import UnitTree
from app.models.storage.store import Store

DIBUKA, DIPANGGIL, DIPERIKSA, DIPUTUS = "DIBUKA", "DIPANGGIL", "DIPERIKSA", "DIPUTUS"
KEBERATAN, SELESAI, DITUTUP = "KEBERATAN", "SELESAI", "DITUTUP"
STATUS: dict[str, str] = {
    DIBUKA: "Dibuka",
    DIPANGGIL: "Dipanggil",
    DIPERIKSA: "Diperiksa",
    DIPUTUS: "Diputus",
    KEBERATAN: "Upaya administratif",
    SELESAI: "Selesai",
    DITUTUP: "Ditutup tanpa hukuman",
}
TINGKAT = ("RINGAN", "SEDANG", "BERAT")
JENIS_KEBERATAN: dict[str, str] = {
    "KEBERATAN": "Keberatan",
    "BANDING": "Banding administratif",
}
HASIL_KEBERATAN: dict[str, str] = {
    "TETAP": "Hukuman dikuatkan",
    "UBAH": "Hukuman diubah",
    "BATAL": "Hukuman dibatalkan",
}


@dataclass(frozen=True)
class Panggilan:
    ke: int
    tanggal_surat: date
    tanggal_periksa: date
    tempat: str | None
    hadir: bool | None
    register_id: str | None


@dataclass(frozen=True)
class Kasus:
    id: str
    pegawai_id: str
    nip: str
    nama: str
    unit_id: str | None
    pengaduan_id: str | None
    dugaan: str
    tanggal_mulai: date
    tingkat_dugaan: str | None
    status: str
    tanggal_periksa: date | None
    pemeriksa: str | None
    bap: str | None
    hukuman_kode: str | None
    hukuman_nama: str | None
    hukuman_tingkat: str | None
    pejabat: str | None
    nomor_sk: str | None
    tanggal_sk: date | None
    tanggal_diterima: date | None
    tmt_mulai: date | None
    tmt_selesai: date | None
    batas_keberatan: date | None
    keberatan_jenis: str | None
    keberatan_tanggal: date | None
    keberatan_hasil: str | None
    riwayat_hukdis_id: str | None
    register_id: str | None
    panggilan: tuple[Panggilan, ...] = ()

    @property
    def status_label(self) -> str:
        return tr(STATUS.get(self.status, self.status))


@dataclass(frozen=True)
class KasusBaru:
    pegawai_id: str
    dugaan: str
    tanggal_mulai: date
    tingkat_dugaan: str | None = None
    pengaduan_id: str | None = None


@dataclass(frozen=True)
class Putusan:
    hukuman_kode: str
    nomor_sk: str
    tanggal_sk: date
    tanggal_diterima: date | None = None  # None: not yet received (terima_keputusan later)
    pejabat: str | None = None  # default: the official of the level (ref_pejabat_hukdis)


# -- reference data ---------------------------------------------------------------------------


def tenggat(conn: sqlite3.Connection, kode: str, on: date) -> tuple[int, bool]:
    """(days, working days?) of a step of ``ref_tenggat_disiplin`` in force ``on``."""
    cur = conn.execute(
        "SELECT kode, hari, hari_kerja, berlaku_mulai, berlaku_sampai FROM ref_tenggat_disiplin "
        "WHERE deleted = 0 AND kode = ?",
        (kode,),
    )
    cols = [d[0] for d in cur.description]
    rows = rules.berlaku_pada([dict(zip(cols, r, strict=True)) for r in cur], on)
    if kode not in rows:
        raise NotFoundError(tr("Tenggat disiplin '{k}' tidak ada di referensi.", k=kode))
    row = rows[kode]
    return int(row["hari"]), bool(row["hari_kerja"])


def hukuman(conn: sqlite3.Connection, kode: str) -> dict[str, Any]:
    cur = conn.execute(
        "SELECT kode, nama, tingkat, durasi_bulan, potongan_persen, menghambat_kp_kgb "
        "FROM ref_hukuman_disiplin WHERE kode = ? AND deleted = 0",
        (kode,),
    )
    row = cur.fetchone()
    if row is None:
        kodes = [
            r[0] for r in conn.execute("SELECT kode FROM ref_hukuman_disiplin ORDER BY urutan")
        ]
        raise ValidationError(
            tr("Hukuman '{k}' tidak ada di referensi: {daftar}.", k=kode, daftar=", ".join(kodes)),
            field="hukuman",
        )
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def pilihan_hukuman(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kode, "Tingkat: nama") of the penalties of the reference data, lightest first."""
    return [
        (str(r[0]), f"{str(r[2]).title()}: {r[1]}")
        for r in conn.execute(
            "SELECT kode, nama, tingkat FROM ref_hukuman_disiplin WHERE deleted = 0 ORDER BY urutan"
        )
    ]


def pejabat_tingkat(conn: sqlite3.Connection, tingkat: str) -> dict[str, Any] | None:
    """The examiner and the authorised official of a level (``ref_pejabat_hukdis``)."""
    cur = conn.execute(
        "SELECT tingkat, pemeriksa, tim_pemeriksa, pejabat, status_fakta FROM ref_pejabat_hukdis "
        "WHERE tingkat = ? AND deleted = 0",
        (tingkat,),
    )
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def hukuman_alpa(conn: sqlite3.Connection, hari: int) -> str | None:
    """The penalty for ``hari`` cumulative days of unexcused absence (``ref_alpa_hukdis``)."""
    cur = conn.execute(
        "SELECT hari_min, hari_maks, hukuman_kode FROM ref_alpa_hukdis WHERE deleted = 0 "
        "ORDER BY hari_min"
    )
    cols = [d[0] for d in cur.description]
    return rules.hukuman_alpa(hari, [dict(zip(cols, r, strict=True)) for r in cur])


def saran_alpa(
    conn: sqlite3.Connection, hari: int, berturut: int = 0, *, on: date | None = None
) -> rules.SaranAlpa:
    """The suggested penalty for an absence count (``ref_alpa_hukdis`` and the row of
    ``ref_alpa_berturut`` in force ``on``, today by default); a count that cannot be is refused
    with a message naming the field."""
    if berturut > hari:
        raise ValidationError(
            tr(
                "Hari berturut-turut ({b}) tidak boleh lebih dari jumlah hari ({h}).",
                b=berturut,
                h=hari,
            ),
            field="berturut",
        )
    cur = conn.execute(
        "SELECT hari_min, hari_maks, hukuman_kode FROM ref_alpa_hukdis WHERE deleted = 0 "
        "ORDER BY hari_min"
    )
    cols = [d[0] for d in cur.description]
    tabel = [dict(zip(cols, r, strict=True)) for r in cur]
    cur = conn.execute(
        "SELECT kode, hari, hukuman_kode, dasar_hukum, status_fakta, berlaku_mulai, berlaku_sampai "
        "FROM ref_alpa_berturut WHERE deleted = 0"
    )
    cols = [d[0] for d in cur.description]
    berlaku = rules.berlaku_pada([dict(zip(cols, r, strict=True)) for r in cur], on or date.today())
    aturan = min(berlaku.values(), key=lambda r: int(r["hari"]), default=None)
    return rules.saran_alpa(hari, tabel, berturut=berturut, aturan_berturut=aturan)


# -- reading -----------------------------------------------------------------------------------


def _scope_sql(db: Database, actor: str) -> tuple[str, list[Any]]:
    """SQL (over ``r``, pegawai_ringkas) restricting cases to the units ``actor`` handles."""
    if not isinstance(actor, akses.Sesi):
        return "1", []
    conn = db.conn
    aktif, hak = akses.load_hak(conn, actor.akun_id)
    own = akses.pegawai_unit(conn, actor.pegawai_id) if actor.pegawai_id else None
    scope = akses.cakupan(hak, "disiplin.kelola", pegawai_unit=own) if aktif else None
    if scope is None:
        akses.require(db, actor, "disiplin.kelola")  # raises, audited
        return "0", []
    if akses.SEMUA in scope:
        return "1", []
    tree = UnitTree.load(conn)
    units: set[str] = set()
    for root in scope:
        units |= tree.descendants(root)
    ordered = sorted(units)
    return f"r.unit_id IN ({', '.join('?' for _ in ordered)})", ordered


_SELECT = """
SELECT k.id, k.pegawai_id, p.nip, p.nama, r.unit_id, k.pengaduan_id, k.dugaan, k.tanggal_mulai,
       k.tingkat_dugaan, k.status, k.tanggal_periksa, k.pemeriksa, k.bap, k.hukuman_kode, h.nama,
       h.tingkat, k.pejabat, k.nomor_sk, k.tanggal_sk, k.tanggal_diterima, k.tmt_mulai,
       k.tmt_selesai, k.batas_keberatan, k.keberatan_jenis, k.keberatan_tanggal,
       k.keberatan_hasil, k.riwayat_hukdis_id, k.register_id
FROM disiplin_kasus k
JOIN pegawai p ON p.id = k.pegawai_id
LEFT JOIN pegawai_ringkas r ON r.pegawai_id = k.pegawai_id
LEFT JOIN ref_hukuman_disiplin h ON h.kode = k.hukuman_kode
WHERE k.deleted = 0 AND {scope}
"""


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _kasus(row: Sequence[Any], panggilan: tuple[Panggilan, ...] = ()) -> Kasus:
    return Kasus(
        id=row[0],
        pegawai_id=row[1],
        nip=row[2] or "",
        nama=row[3] or "",
        unit_id=row[4],
        pengaduan_id=row[5],
        dugaan=row[6],
        tanggal_mulai=date.fromisoformat(row[7]),
        tingkat_dugaan=row[8],
        status=row[9],
        tanggal_periksa=_d(row[10]),
        pemeriksa=row[11],
        bap=row[12],
        hukuman_kode=row[13],
        hukuman_nama=row[14],
        hukuman_tingkat=row[15],
        pejabat=row[16],
        nomor_sk=row[17],
        tanggal_sk=_d(row[18]),
        tanggal_diterima=_d(row[19]),
        tmt_mulai=_d(row[20]),
        tmt_selesai=_d(row[21]),
        batas_keberatan=_d(row[22]),
        keberatan_jenis=row[23],
        keberatan_tanggal=_d(row[24]),
        keberatan_hasil=row[25],
        riwayat_hukdis_id=row[26],
        register_id=row[27],
        panggilan=panggilan,
    )


def list_kasus(
    db: Database, actor: str, *, pegawai_id: str | None = None, status: str | None = None
) -> list[Kasus]:
    """The cases ``actor`` handles, newest first."""
    scope, params = _scope_sql(db, actor)
    sql = _SELECT.format(scope=scope)
    if pegawai_id:
        sql += " AND k.pegawai_id = ?"
        params.append(pegawai_id)
    if status:
        sql += " AND k.status = ?"
        params.append(status)
    sql += " ORDER BY k.tanggal_mulai DESC, k.id"
    return [_kasus(r) for r in db.conn.execute(sql, params)]


def get_kasus(db: Database, actor: str, kasus_id: str) -> Kasus:
    """One case with its summonses; NotFoundError when absent or out of ``actor``'s reach."""
    scope, params = _scope_sql(db, actor)
    conn = db.conn
    rows = conn.execute(_SELECT.format(scope=scope) + " AND k.id = ?", [*params, kasus_id])
    row = rows.fetchone()
    if row is None and len(kasus_id) >= 6:
        found = conn.execute(
            _SELECT.format(scope=scope) + " AND k.id LIKE ?", [*params, kasus_id + "%"]
        ).fetchall()
        row = found[0] if len(found) == 1 else None
    if row is None:
        raise NotFoundError(tr("Kasus disiplin '{id}' tidak ditemukan.", id=kasus_id))
    panggilan = tuple(
        Panggilan(
            int(r[0]),
            date.fromisoformat(r[1]),
            date.fromisoformat(r[2]),
            r[3],
            None if r[4] is None else bool(r[4]),
            r[5],
        )
        for r in conn.execute(
            "SELECT ke, tanggal_surat, tanggal_periksa, tempat, hadir, register_id "
            "FROM disiplin_panggilan WHERE kasus_id = ? AND deleted = 0 ORDER BY ke",
            (row[0],),
        )
    )
    return _kasus(row, panggilan)


# -- writing -------------------------------------------------------------------------------------


def _require(db: Database, actor: str, pegawai_id: str) -> None:
    akses.require(db, actor, "disiplin.kelola", pegawai_id=pegawai_id)


def saran_alpa_pegawai(
    db: Database, actor: str, pegawai_id: str, hari: int, berturut: int = 0
) -> rules.SaranAlpa:
    """The suggested penalty for an employee's absence count: the same table, checked against
    the actor's right to handle discipline cases of the employee's unit (``disiplin.kelola``)."""
    _require(db, actor, pegawai_id)
    return saran_alpa(db.conn, hari, berturut)


def _fail(judul: str, problems: list[tuple[str, str]]) -> None:
    if problems:
        raise ValidationError(
            f"{judul} {' '.join(m for _, m in problems)}",
            field=problems[0][0],
            reasons=[m for _, m in problems],
        )


def create_kasus(db: Database, actor: str, data: KasusBaru) -> str:
    """Open a case. From a complaint, the complaint must have been triaged as a suspected
    violation (DUGAAN)."""
    conn = db.conn
    _require(db, actor, data.pegawai_id)
    problems: list[tuple[str, str]] = []
    if (
        conn.execute(
            "SELECT 1 FROM pegawai WHERE id = ? AND deleted = 0", (data.pegawai_id,)
        ).fetchone()
        is None
    ):
        problems.append(("pegawai", tr("Pegawai {p} tidak ditemukan.", p=data.pegawai_id)))
    if not data.dugaan.strip():
        problems.append(("dugaan", tr("Uraian dugaan pelanggaran wajib diisi.")))
    if data.tingkat_dugaan and data.tingkat_dugaan not in TINGKAT:
        problems.append(
            (
                "tingkat",
                tr("Tingkat '{t}' tidak dikenal: RINGAN, SEDANG, BERAT.", t=data.tingkat_dugaan),
            )
        )
    if data.pengaduan_id:
        row = conn.execute(
            "SELECT triase FROM pengaduan WHERE id = ? AND deleted = 0", (data.pengaduan_id,)
        ).fetchone()
        if row is None:
            problems.append(
                ("pengaduan", tr("Pengaduan {p} tidak ditemukan.", p=data.pengaduan_id))
            )
        elif row[0] != "DUGAAN":
            problems.append(
                (
                    "pengaduan",
                    tr("Kasus dari pengaduan hanya dibuka bila triasenya 'Dugaan pelanggaran'."),
                )
            )
    _fail(tr("Kasus disiplin tidak dibuka:"), problems)
    with Store(db).write(tr("Membuka kasus disiplin"), actor=actor) as tx:
        return tx.insert(
            "disiplin_kasus",
            {
                "pegawai_id": data.pegawai_id,
                "pengaduan_id": data.pengaduan_id,
                "dugaan": data.dugaan.strip(),
                "tanggal_mulai": data.tanggal_mulai.isoformat(),
                "tingkat_dugaan": data.tingkat_dugaan,
                "status": DIBUKA,
            },
        )


def _load(db: Database, actor: str, kasus_id: str) -> Kasus:
    kasus = get_kasus(db, actor, kasus_id)
    _require(db, actor, kasus.pegawai_id)
    return kasus


def _not_decided(kasus: Kasus) -> None:
    if kasus.status in (DIPUTUS, KEBERATAN, SELESAI, DITUTUP):
        raise ValidationError(
            tr(
                "Kasus {id} sudah {s}; langkah pemeriksaan tidak dapat diubah lagi.",
                id=kasus.id[:8],
                s=kasus.status_label.lower(),
            ),
            field="status",
        )


def add_panggilan(
    db: Database,
    actor: str,
    kasus_id: str,
    ke: int,
    *,
    tanggal_surat: date,
    tanggal_periksa: date,
    tempat: str | None = None,
) -> str:
    """Record summons I or II, checked against the 7-working-day rule of PP 94/2021 Ps. 27.
    Summons II marks the employee absent at the first examination."""
    kasus = _load(db, actor, kasus_id)
    _not_decided(kasus)
    hari, _kerja = tenggat(db.conn, "PANGGILAN_I" if ke == 1 else "PANGGILAN_II", tanggal_surat)
    pertama = next((p for p in kasus.panggilan if p.ke == 1), None)
    problems = [
        ("tanggal_periksa", r)
        for r in rules.check_panggilan(
            ke,
            tanggal_surat,
            tanggal_periksa,
            hari=hari,
            periksa_pertama=pertama.tanggal_periksa if pertama else None,
            kalender=read_kalender(db.conn),
        )
    ]
    if ke == 2 and pertama is not None and pertama.hadir:
        problems.append(("ke", tr("Pegawai hadir pada panggilan I; panggilan II tidak perlu.")))
    if any(p.ke == ke for p in kasus.panggilan):
        problems.append(("ke", tr("Panggilan ke-{ke} sudah dicatat untuk kasus ini.", ke=ke)))
    _fail(tr("Panggilan tidak dicatat:"), problems)
    with Store(db).write(tr("Mencatat surat panggilan disiplin"), actor=actor) as tx:
        pid = tx.insert(
            "disiplin_panggilan",
            {
                "id": natural_id("disiplin_panggilan", kasus.id, ke),
                "kasus_id": kasus.id,
                "ke": ke,
                "tanggal_surat": tanggal_surat.isoformat(),
                "tanggal_periksa": tanggal_periksa.isoformat(),
                "tempat": tempat,
            },
        )
        if ke == 2:
            tx.update(
                "disiplin_panggilan", natural_id("disiplin_panggilan", kasus.id, 1), {"hadir": 0}
            )
        tx.update("disiplin_kasus", kasus.id, {"status": DIPANGGIL})
    return pid


def set_panggilan_register(
    db: Database, actor: str, kasus_id: str, ke: int, register_id: str
) -> None:
    """Link the surat panggilan issued through the document engine."""
    kasus = _load(db, actor, kasus_id)
    with Store(db).write(tr("Mencatat nomor surat panggilan"), actor=actor) as tx:
        tx.update(
            "disiplin_panggilan",
            natural_id("disiplin_panggilan", kasus.id, ke),
            {"register_id": register_id},
        )


def record_pemeriksaan(
    db: Database,
    actor: str,
    kasus_id: str,
    *,
    tanggal_periksa: date,
    pemeriksa: str,
    bap: str,
    tim: bool = False,
) -> None:
    """Record the examination (BAP). A suspected berat violation must be examined by a team
    (asn-rules 9.3 [V]; ``ref_pejabat_hukdis.tim_pemeriksa`` = 2)."""
    kasus = _load(db, actor, kasus_id)
    _not_decided(kasus)
    problems: list[tuple[str, str]] = []
    if not pemeriksa.strip():
        problems.append(("pemeriksa", tr("Pejabat atau tim pemeriksa wajib diisi.")))
    if not bap.strip():
        problems.append(("bap", tr("Ringkasan berita acara pemeriksaan wajib diisi.")))
    if tanggal_periksa < kasus.tanggal_mulai:
        problems.append(("tanggal_periksa", tr("Tanggal pemeriksaan sebelum kasus dibuka.")))
    level = pejabat_tingkat(db.conn, kasus.tingkat_dugaan or "")
    if level and int(level["tim_pemeriksa"]) == 2 and not tim:
        problems.append(
            (
                "tim",
                tr(
                    "Dugaan pelanggaran tingkat {t} wajib diperiksa oleh tim pemeriksa.",
                    t=(kasus.tingkat_dugaan or "").lower(),
                ),
            )
        )
    _fail(tr("Pemeriksaan tidak dicatat:"), problems)
    teks = pemeriksa.strip()
    if tim and not teks.lower().startswith("tim"):
        teks = tr("Tim pemeriksa: {t}", t=teks)
    with Store(db).write(tr("Mencatat pemeriksaan disiplin"), actor=actor) as tx:
        tx.update(
            "disiplin_kasus",
            kasus.id,
            {
                "tanggal_periksa": tanggal_periksa.isoformat(),
                "pemeriksa": teks,
                "bap": bap.strip(),
                "status": DIPERIKSA,
            },
        )
        for p in kasus.panggilan:
            if p.tanggal_periksa == tanggal_periksa and p.hadir is None:
                tx.update(
                    "disiplin_panggilan",
                    natural_id("disiplin_panggilan", kasus.id, p.ke),
                    {"hadir": 1},
                )


@dataclass(frozen=True)
class Efek:
    """The dates of a decision's effect (pure, for the screen's preview and the tests)."""

    tmt_mulai: date
    tmt_selesai: date | None
    batas_keberatan: date
    menghambat_kp_kgb: bool
    potongan_persen: int | None


def hitung_efek(conn: sqlite3.Connection, hukuman_kode: str, diterima: date) -> Efek:
    """When the penalty starts and ends and until when it can be appealed."""
    h = hukuman(conn, hukuman_kode)
    hari_berlaku, _ = tenggat(conn, "BERLAKU", diterima)
    hari_keberatan, kerja = tenggat(conn, "KEBERATAN", diterima)
    mulai = rules.tmt_berlaku(diterima, hari_ke=hari_berlaku)
    return Efek(
        tmt_mulai=mulai,
        tmt_selesai=rules.tmt_selesai(mulai, h["durasi_bulan"], str(h["tingkat"])),
        batas_keberatan=rules.tambah_hari(
            diterima, hari_keberatan, hari_kerja=kerja, kalender=read_kalender(conn)
        ),
        menghambat_kp_kgb=bool(h["menghambat_kp_kgb"]),
        potongan_persen=h["potongan_persen"],
    )


def check_putus(db: Database, actor: str, kasus_id: str, data: Putusan) -> Kasus:
    """Refuse (ValidationError naming the field) a decision that cannot be recorded; the case
    otherwise. Called before an SK number is taken (:mod:`app.jobs.integritas`)."""
    kasus = _load(db, actor, kasus_id)
    _not_decided(kasus)
    hukuman(db.conn, data.hukuman_kode)
    problems: list[tuple[str, str]] = []
    if not data.nomor_sk.strip():
        problems.append(("nomor_sk", tr("Nomor SK hukuman disiplin wajib diisi.")))
    if data.tanggal_diterima is not None and data.tanggal_diterima < data.tanggal_sk:
        problems.append(
            ("tanggal_diterima", tr("Tanggal diterima tidak boleh sebelum tanggal SK."))
        )
    if data.tanggal_sk < kasus.tanggal_mulai:
        problems.append(("tanggal_sk", tr("Tanggal SK sebelum kasus dibuka.")))
    if kasus.status == DIBUKA:
        problems.append(
            ("status", tr("Kasus belum dipanggil atau diperiksa; catat panggilan dulu."))
        )
    if kasus.status == DIPANGGIL:
        kedua = next((p for p in kasus.panggilan if p.ke == 2), None)
        if kedua is None or kedua.hadir:
            problems.append(
                (
                    "status",
                    tr(
                        "Kasus belum diperiksa. Tanpa pemeriksaan, hukuman hanya dijatuhkan bila "
                        "pegawai tidak hadir pada panggilan II (PP 94/2021 Ps. 27)."
                    ),
                )
            )
    _fail(tr("Putusan tidak dicatat:"), problems)
    return kasus


def _write_effect(
    tx: Any,
    conn: sqlite3.Connection,
    kasus: Kasus,
    hukuman_kode: str,
    nomor_sk: str,
    tanggal_sk: date,
    diterima: date,
) -> str:
    """The riwayat_hukdis row of a decision received on ``diterima`` and the case's dates, in
    the caller's transaction. Returns the history row's id."""
    efek = hitung_efek(conn, hukuman_kode, diterima)
    selesai = efek.tmt_selesai.isoformat() if efek.tmt_selesai else None
    riwayat_id = tx.insert(
        "riwayat_hukdis",
        {
            "pegawai_id": kasus.pegawai_id,
            "hukuman_kode": hukuman_kode,
            "nomor_sk": nomor_sk,
            "tanggal_sk": tanggal_sk.isoformat(),
            "tmt_mulai": efek.tmt_mulai.isoformat(),
            "tmt_selesai": selesai,
            "alasan": kasus.dugaan,
        },
    )
    tx.update(
        "disiplin_kasus",
        kasus.id,
        {
            "tanggal_diterima": diterima.isoformat(),
            "tmt_mulai": efek.tmt_mulai.isoformat(),
            "tmt_selesai": selesai,
            "batas_keberatan": efek.batas_keberatan.isoformat(),
            "riwayat_hukdis_id": riwayat_id,
        },
    )
    return str(riwayat_id)


def putus(
    db: Database,
    actor: str,
    kasus_id: str,
    data: Putusan,
    *,
    register_id: str | None = None,
) -> str | None:
    """Record the decision. When the date the employee received it is known, the
    riwayat_hukdis row that the KP list and the KGB schedule read is written in the same
    transaction (its id is returned); otherwise it is written by :func:`terima_keputusan`."""
    kasus = check_putus(db, actor, kasus_id, data)
    conn = db.conn
    h = hukuman(conn, data.hukuman_kode)
    level = pejabat_tingkat(conn, str(h["tingkat"]))
    pejabat = data.pejabat or (str(level["pejabat"]) if level else None)
    nomor = data.nomor_sk.strip()
    riwayat_id: str | None = None
    with Store(db).write(tr("Menjatuhkan hukuman disiplin"), actor=actor, keterangan=nomor) as tx:
        tx.update(
            "disiplin_kasus",
            kasus.id,
            {
                "hukuman_kode": data.hukuman_kode,
                "pejabat": pejabat,
                "nomor_sk": nomor,
                "tanggal_sk": data.tanggal_sk.isoformat(),
                "status": DIPUTUS,
                **({"register_id": register_id} if register_id else {}),
            },
        )
        if data.tanggal_diterima is not None:
            riwayat_id = _write_effect(
                tx, conn, kasus, data.hukuman_kode, nomor, data.tanggal_sk, data.tanggal_diterima
            )
    return riwayat_id


def terima_keputusan(db: Database, actor: str, kasus_id: str, diterima: date) -> str:
    """Record the day the employee received the decision: the penalty's dates follow from it
    and the riwayat_hukdis row is written in the same transaction. Returns its id."""
    kasus = _load(db, actor, kasus_id)
    problems: list[tuple[str, str]] = []
    if kasus.status != DIPUTUS or not kasus.hukuman_kode or not kasus.tanggal_sk:
        problems.append(("status", tr("Kasus ini belum diputus.")))
    elif kasus.riwayat_hukdis_id:
        problems.append(("tanggal_diterima", tr("Tanggal diterima sudah dicatat.")))
    elif diterima < kasus.tanggal_sk:
        problems.append(
            ("tanggal_diterima", tr("Tanggal diterima tidak boleh sebelum tanggal SK."))
        )
    _fail(tr("Penerimaan keputusan tidak dicatat:"), problems)
    assert kasus.hukuman_kode and kasus.tanggal_sk  # checked above
    with Store(db).write(tr("Mencatat penerimaan keputusan hukuman disiplin"), actor=actor) as tx:
        return _write_effect(
            tx,
            db.conn,
            kasus,
            kasus.hukuman_kode,
            kasus.nomor_sk or "",
            kasus.tanggal_sk,
            diterima,
        )


def tutup(db: Database, actor: str, kasus_id: str, alasan: str) -> None:
    """Close a case without a penalty (not proven)."""
    kasus = _load(db, actor, kasus_id)
    _not_decided(kasus)
    if not alasan.strip():
        raise ValidationError(tr("Alasan penutupan kasus wajib diisi."), field="alasan")
    with Store(db).write(tr("Menutup kasus disiplin"), actor=actor) as tx:
        tx.update("disiplin_kasus", kasus.id, {"status": DITUTUP, "catatan": alasan.strip()})


def ajukan_keberatan(db: Database, actor: str, kasus_id: str, jenis: str, on: date) -> None:
    """Record an administrative appeal (keberatan or banding) lodged ``on``, within the window."""
    kasus = _load(db, actor, kasus_id)
    problems: list[tuple[str, str]] = []
    if kasus.status != DIPUTUS:
        problems.append(("status", tr("Upaya administratif hanya atas kasus yang sudah diputus.")))
    elif kasus.tanggal_diterima is None:
        problems.append(("status", tr("Catat dulu tanggal keputusan diterima pegawai.")))
    if jenis not in JENIS_KEBERATAN:
        problems.append(("jenis", tr("Jenis '{j}' tidak dikenal: KEBERATAN, BANDING.", j=jenis)))
    if kasus.batas_keberatan and on > kasus.batas_keberatan:
        problems.append(
            (
                "tanggal",
                tr(
                    "Upaya administratif lewat batas: paling lambat {b}.",
                    b=tanggal(kasus.batas_keberatan),
                ),
            )
        )
    if kasus.tanggal_diterima and on < kasus.tanggal_diterima:
        problems.append(("tanggal", tr("Tanggal pengajuan sebelum keputusan diterima.")))
    _fail(tr("Upaya administratif tidak dicatat:"), problems)
    with Store(db).write(tr("Mencatat upaya administratif hukuman disiplin"), actor=actor) as tx:
        tx.update(
            "disiplin_kasus",
            kasus.id,
            {"keberatan_jenis": jenis, "keberatan_tanggal": on.isoformat(), "status": KEBERATAN},
        )


def putus_keberatan(
    db: Database,
    actor: str,
    kasus_id: str,
    hasil: str,
    on: date,
    *,
    hukuman_kode: str | None = None,
) -> None:
    """The appeal's result: TETAP keeps the penalty, UBAH replaces it by ``hukuman_kode`` (same
    start, its own duration), BATAL withdraws the history row; all in one transaction."""
    kasus = _load(db, actor, kasus_id)
    problems: list[tuple[str, str]] = []
    if kasus.status != KEBERATAN:
        problems.append(("status", tr("Kasus ini tidak sedang dalam upaya administratif.")))
    if hasil not in HASIL_KEBERATAN:
        problems.append(("hasil", tr("Hasil '{h}' tidak dikenal: TETAP, UBAH, BATAL.", h=hasil)))
    if hasil == "UBAH" and not hukuman_kode:
        problems.append(("hukuman", tr("Hukuman pengganti wajib dipilih bila hasilnya UBAH.")))
    _fail(tr("Hasil upaya administratif tidak dicatat:"), problems)
    changes: dict[str, Any] = {
        "keberatan_hasil": hasil,
        "keberatan_tanggal_putus": on.isoformat(),
        "status": SELESAI,
    }
    with Store(db).write(tr("Mencatat hasil upaya administratif"), actor=actor) as tx:
        if hasil == "BATAL" and kasus.riwayat_hukdis_id:
            tx.delete("riwayat_hukdis", kasus.riwayat_hukdis_id)
        elif hasil == "UBAH" and hukuman_kode and kasus.tmt_mulai:
            h = hukuman(db.conn, hukuman_kode)
            selesai = rules.tmt_selesai(kasus.tmt_mulai, h["durasi_bulan"], str(h["tingkat"]))
            end = selesai.isoformat() if selesai else None
            if kasus.riwayat_hukdis_id:
                tx.update(
                    "riwayat_hukdis",
                    kasus.riwayat_hukdis_id,
                    {"hukuman_kode": hukuman_kode, "tmt_selesai": end},
                )
            changes.update({"hukuman_kode": hukuman_kode, "tmt_selesai": end})
        tx.update("disiplin_kasus", kasus.id, changes)
