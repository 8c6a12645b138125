"""Code-of-ethics cases under PP 42/2004 (asn-rules 9), migration 27.

A case goes DIBUKA (from a complaint, linked, or directly) -> SIDANG (the majelis is set and
hearings are held) -> DIPUTUS (finding: TERBUKTI with the points breached and a moral sanction,
or TIDAK_TERBUKTI). Where the majelis recommends it, the decision opens a discipline case
(:mod:`app.models.disiplin.kasus`) linked to it, in the same transaction. Cases are read and
written only by the holders of ``disiplin.kelola`` for the accused's unit, as discipline cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.access import akses
from app.models.disiplin import kasus as disiplin
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import natural_id
from app.models.rules import etik as rules
from app.models.rules.integritas import berlaku_pada
from app.models.storage.db import Database
from app.models.storage.store import Store

DIBUKA, SIDANG, DIPUTUS = "DIBUKA", "SIDANG", "DIPUTUS"
STATUS: dict[str, str] = {DIBUKA: "Dibuka", SIDANG: "Sidang majelis", DIPUTUS: "Diputus"}

# The default code of ethics: PP 42/2004 Ps. 8-12 (the five groups of obligations; wording
# abridged, [?] where not checked against the gazette text) and two example points of the
# agency's own code [P]. The admin edits them (simpan_pasal).
KODE_BAWAAN: tuple[tuple[str, str, str, str], ...] = (
    (
        "NEGARA_1",
        "Bernegara",
        "Melaksanakan sepenuhnya Pancasila dan UUD 1945.",
        "PP 42/2004 Ps. 8 huruf a [?]",
    ),
    (
        "NEGARA_2",
        "Bernegara",
        "Menjadi perekat dan pemersatu bangsa dalam NKRI.",
        "PP 42/2004 Ps. 8 huruf c [?]",
    ),
    (
        "NEGARA_3",
        "Bernegara",
        "Netral dari pengaruh golongan dan partai politik dalam pelayanan.",
        "PP 42/2004 Ps. 8 huruf d [?]",
    ),
    (
        "ORGANISASI_1",
        "Berorganisasi",
        "Melaksanakan tugas dan wewenang sesuai ketentuan yang berlaku.",
        "PP 42/2004 Ps. 9 huruf a [?]",
    ),
    (
        "ORGANISASI_2",
        "Berorganisasi",
        "Menjaga informasi yang bersifat rahasia.",
        "PP 42/2004 Ps. 9 huruf b [?]",
    ),
    (
        "ORGANISASI_3",
        "Berorganisasi",
        "Menciptakan dan memelihara suasana kerja yang kondusif.",
        "PP 42/2004 Ps. 9 [?]",
    ),
    (
        "MASYARAKAT_1",
        "Bermasyarakat",
        "Memberikan pelayanan dengan empati, hormat, santun, tanpa pamrih dan tanpa paksaan.",
        "PP 42/2004 Ps. 10 huruf b [?]",
    ),
    (
        "MASYARAKAT_2",
        "Bermasyarakat",
        "Memberikan pelayanan secara cepat, tepat, terbuka dan adil serta tidak diskriminatif.",
        "PP 42/2004 Ps. 10 huruf c [?]",
    ),
    (
        "DIRI_1",
        "Terhadap diri sendiri",
        "Jujur dan terbuka serta tidak memberikan informasi yang tidak benar.",
        "PP 42/2004 Ps. 11 huruf a [?]",
    ),
    (
        "DIRI_2",
        "Terhadap diri sendiri",
        "Menghindari konflik kepentingan pribadi, kelompok maupun golongan.",
        "PP 42/2004 Ps. 11 huruf d [?]",
    ),
    (
        "SESAMA_1",
        "Terhadap sesama PNS",
        "Saling menghormati sesama warga negara yang memeluk agama/kepercayaan yang berlainan.",
        "PP 42/2004 Ps. 12 huruf a [?]",
    ),
    (
        "SESAMA_2",
        "Terhadap sesama PNS",
        "Menghargai perbedaan pendapat dan menjaga kerja sama yang kooperatif.",
        "PP 42/2004 Ps. 12 [?]",
    ),
    (
        "INSTANSI_1",
        "Kode etik instansi",
        "Tidak menerima imbalan atau hadiah dalam bentuk apa pun terkait layanan kepegawaian.",
        "Contoh kode etik instansi (Perkada, disusun admin) [P]",
    ),
    (
        "INSTANSI_2",
        "Kode etik instansi",
        "Menggunakan media sosial secara bijak dan tidak merendahkan martabat instansi.",
        "Contoh kode etik instansi (Perkada, disusun admin) [P]",
    ),
)


@dataclass(frozen=True)
class Pasal:
    kode: str
    kelompok: str
    isi: str
    dasar_hukum: str | None


@dataclass(frozen=True)
class Anggota:
    pegawai_id: str
    nip: str
    nama: str
    peran: str


@dataclass(frozen=True)
class Sidang:
    id: str
    tanggal: date
    hadir: bool
    ringkasan: str


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
    status: str
    temuan: str | None
    pasal: tuple[str, ...]
    pertimbangan: str | None
    sanksi: str | None
    tanggal_putus: date | None
    rekomendasi_disiplin: bool
    disiplin_kasus_id: str | None
    majelis: tuple[Anggota, ...] = ()
    sidang: tuple[Sidang, ...] = ()

    @property
    def status_label(self) -> str:
        return tr(STATUS.get(self.status, self.status))

    @property
    def sanksi_label(self) -> str:
        return tr(rules.SANKSI_MORAL[self.sanksi]) if self.sanksi else ""


@dataclass(frozen=True)
class KasusBaru:
    pegawai_id: str
    dugaan: str
    tanggal_mulai: date
    pengaduan_id: str | None = None


@dataclass(frozen=True)
class Putusan:
    temuan: str
    tanggal: date
    pasal: tuple[str, ...] = ()
    sanksi: str | None = None
    pertimbangan: str | None = None
    rekomendasi_disiplin: bool = False


# -- the code itself ---------------------------------------------------------------------------


def seed_kode_etik(db: Database, *, actor: str = "sistem") -> int:
    """Add the default points that were never written (idempotent; a point the admin deleted
    stays deleted). Returns how many were added."""
    conn = db.conn
    have = {r[0] for r in conn.execute("SELECT kode FROM etik_pasal")}
    missing = [(i, r) for i, r in enumerate(KODE_BAWAAN, 1) if r[0] not in have]
    if not missing:
        return 0
    with Store(db).write(tr("Menyiapkan kode etik bawaan"), actor=actor) as tx:
        for urutan, (kode, kelompok, isi, dasar) in missing:
            tx.insert(
                "etik_pasal",
                {
                    "id": natural_id("etik_pasal", kode),
                    "kode": kode,
                    "kelompok": kelompok,
                    "isi": isi,
                    "urutan": urutan,
                    "dasar_hukum": dasar,
                },
            )
    return len(missing)


def list_pasal(db: Database) -> list[Pasal]:
    """The points of the agency's code of ethics, in order (not confidential); the defaults
    are written on first use."""
    seed_kode_etik(db)
    return [
        Pasal(r[0], r[1], r[2], r[3])
        for r in db.conn.execute(
            "SELECT kode, kelompok, isi, dasar_hukum FROM etik_pasal WHERE deleted = 0 "
            "ORDER BY urutan, kode"
        )
    ]


def simpan_pasal(
    db: Database, actor: str, kode: str, kelompok: str, isi: str, dasar_hukum: str | None
) -> str:
    """Add or change a point of the code (admin: the write path refuses others)."""
    kode = kode.strip().upper()
    if not kode or not isi.strip() or not kelompok.strip():
        raise ValidationError(
            tr("Kode, kelompok dan isi butir kode etik wajib diisi."), field="kode"
        )
    row_id = natural_id("etik_pasal", kode)
    conn = db.conn
    exists = conn.execute("SELECT 1 FROM etik_pasal WHERE id = ?", (row_id,)).fetchone()
    data = {
        "kelompok": kelompok.strip(),
        "isi": isi.strip(),
        "dasar_hukum": dasar_hukum,
        "deleted": 0,
    }
    with Store(db).write(tr("Menyimpan butir kode etik"), actor=actor) as tx:
        if exists:
            tx.update("etik_pasal", row_id, data)
        else:
            urutan = conn.execute("SELECT coalesce(max(urutan), 0) + 1 FROM etik_pasal").fetchone()
            tx.insert("etik_pasal", {"id": row_id, "kode": kode, "urutan": urutan[0], **data})
    return row_id


# -- reading -----------------------------------------------------------------------------------

_SELECT = """
SELECT k.id, k.pegawai_id, p.nip, p.nama, r.unit_id, k.pengaduan_id, k.dugaan, k.tanggal_mulai,
       k.status, k.temuan, k.pasal, k.pertimbangan, k.sanksi, k.tanggal_putus,
       k.rekomendasi_disiplin, k.disiplin_kasus_id
FROM etik_kasus k
JOIN pegawai p ON p.id = k.pegawai_id
LEFT JOIN pegawai_ringkas r ON r.pegawai_id = k.pegawai_id
WHERE k.deleted = 0 AND {scope}
"""


def _kasus(
    row: Sequence[Any], majelis: tuple[Anggota, ...] = (), sidang: tuple[Sidang, ...] = ()
) -> Kasus:
    return Kasus(
        id=row[0],
        pegawai_id=row[1],
        nip=row[2] or "",
        nama=row[3] or "",
        unit_id=row[4],
        pengaduan_id=row[5],
        dugaan=row[6],
        tanggal_mulai=date.fromisoformat(row[7]),
        status=row[8],
        temuan=row[9],
        pasal=tuple(p for p in (row[10] or "").split(",") if p),
        pertimbangan=row[11],
        sanksi=row[12],
        tanggal_putus=date.fromisoformat(row[13]) if row[13] else None,
        rekomendasi_disiplin=bool(row[14]),
        disiplin_kasus_id=row[15],
        majelis=majelis,
        sidang=sidang,
    )


def list_kasus(db: Database, actor: str, *, status: str | None = None) -> list[Kasus]:
    """The ethics cases ``actor`` handles (unit scope in SQL), newest first."""
    scope, params = disiplin._scope_sql(db, actor)
    sql = _SELECT.format(scope=scope)
    if status:
        sql += " AND k.status = ?"
        params.append(status)
    sql += " ORDER BY k.tanggal_mulai DESC, k.id"
    return [_kasus(r) for r in db.conn.execute(sql, params)]


def get_kasus(db: Database, actor: str, kasus_id: str) -> Kasus:
    """One case with its majelis and hearings; NotFoundError when absent or out of reach."""
    scope, params = disiplin._scope_sql(db, actor)
    conn = db.conn
    row = conn.execute(
        _SELECT.format(scope=scope) + " AND k.id = ?", [*params, kasus_id]
    ).fetchone()
    if row is None and len(kasus_id) >= 6:
        found = conn.execute(
            _SELECT.format(scope=scope) + " AND k.id LIKE ?", [*params, kasus_id + "%"]
        ).fetchall()
        row = found[0] if len(found) == 1 else None
    if row is None:
        raise NotFoundError(tr("Kasus kode etik '{id}' tidak ditemukan.", id=kasus_id))
    urut = {rules.KETUA: 0, rules.SEKRETARIS: 1, rules.ANGGOTA: 2}
    majelis = sorted(
        (
            Anggota(r[0], r[1] or "", r[2] or "", r[3])
            for r in conn.execute(
                "SELECT m.pegawai_id, p.nip, p.nama, m.peran FROM etik_majelis m "
                "JOIN pegawai p ON p.id = m.pegawai_id WHERE m.kasus_id = ? AND m.deleted = 0",
                (row[0],),
            )
        ),
        key=lambda a: (urut.get(a.peran, 3), a.nama),
    )
    sidang = tuple(
        Sidang(r[0], date.fromisoformat(r[1]), bool(r[2]), r[3])
        for r in conn.execute(
            "SELECT id, tanggal, hadir, ringkasan FROM etik_sidang WHERE kasus_id = ? "
            "AND deleted = 0 ORDER BY tanggal, id",
            (row[0],),
        )
    )
    return _kasus(row, tuple(majelis), sidang)


def rekap(db: Database, actor: str) -> dict[str, int]:
    """Counts of the cases ``actor`` handles: by status and by outcome (no names)."""
    kasus = list_kasus(db, actor)
    out = {"jumlah": len(kasus), DIBUKA: 0, SIDANG: 0, DIPUTUS: 0}
    out.update({rules.TERBUKTI: 0, rules.TIDAK_TERBUKTI: 0, rules.TERTUTUP: 0, rules.TERBUKA: 0})
    out["disiplin"] = 0
    for k in kasus:
        out[k.status] += 1
        if k.temuan:
            out[k.temuan] += 1
        if k.sanksi:
            out[k.sanksi] += 1
        if k.disiplin_kasus_id:
            out["disiplin"] += 1
    return out


# -- writing -------------------------------------------------------------------------------------


def _require(db: Database, actor: str, pegawai_id: str) -> None:
    akses.require(db, actor, "disiplin.kelola", pegawai_id=pegawai_id)


def _fail(judul: str, problems: list[tuple[str, str]]) -> None:
    if problems:
        raise ValidationError(
            f"{judul} {' '.join(m for _, m in problems)}",
            field=problems[0][0],
            reasons=[m for _, m in problems],
        )


def create_kasus(db: Database, actor: str, data: KasusBaru) -> str:
    """Open an ethics case, directly or from a complaint (which must exist)."""
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
        problems.append(("dugaan", tr("Uraian dugaan pelanggaran kode etik wajib diisi.")))
    if (
        data.pengaduan_id
        and conn.execute(
            "SELECT 1 FROM pengaduan WHERE id = ? AND deleted = 0", (data.pengaduan_id,)
        ).fetchone()
        is None
    ):
        problems.append(("pengaduan", tr("Pengaduan {p} tidak ditemukan.", p=data.pengaduan_id)))
    _fail(tr("Kasus kode etik tidak dibuka:"), problems)
    with Store(db).write(tr("Membuka kasus kode etik"), actor=actor) as tx:
        return tx.insert(
            "etik_kasus",
            {
                "pegawai_id": data.pegawai_id,
                "pengaduan_id": data.pengaduan_id,
                "dugaan": data.dugaan.strip(),
                "tanggal_mulai": data.tanggal_mulai.isoformat(),
                "status": DIBUKA,
            },
        )


def _load(db: Database, actor: str, kasus_id: str) -> Kasus:
    kasus = get_kasus(db, actor, kasus_id)
    _require(db, actor, kasus.pegawai_id)
    if kasus.status == DIPUTUS:
        raise ValidationError(
            tr("Kasus kode etik {id} sudah diputus; tidak dapat diubah lagi.", id=kasus.id[:8]),
            field="status",
        )
    return kasus


def _golongan(db: Database, pegawai_id: str) -> tuple[str, int | None] | None:
    row = db.conn.execute(
        # Only a PNS golongan is compared: a PPPK golongan (I-XVII) is another scale.
        "SELECT p.nama, CASE WHEN r.jenis_asn = 'PNS' THEN r.golongan_urutan END FROM pegawai p "
        "LEFT JOIN pegawai_ringkas r ON r.pegawai_id = p.id WHERE p.id = ? AND p.deleted = 0",
        (pegawai_id,),
    ).fetchone()
    return (str(row[0]), row[1]) if row else None


def aturan_majelis(db: Database, on: date) -> rules.AturanMajelis:
    """The composition rule of a majelis in force ``on`` (``ref_majelis_etik``); refused with a
    message when the reference data holds none for that day."""
    cur = db.conn.execute(
        "SELECT kode, anggota_min, pangkat_tidak_lebih_rendah, dasar_hukum, status_fakta, "
        "berlaku_mulai, berlaku_sampai FROM ref_majelis_etik WHERE deleted = 0"
    )
    cols = [d[0] for d in cur.description]
    berlaku = berlaku_pada([dict(zip(cols, r, strict=True)) for r in cur], on)
    if not berlaku:
        raise ValidationError(
            tr(
                "Tidak ada aturan susunan majelis kode etik yang berlaku pada {d}: periksa "
                "data referensi 'Susunan majelis kode etik PNS'.",
                d=on.isoformat(),
            ),
            field="majelis",
        )
    row = max(berlaku.values(), key=lambda r: str(r["berlaku_mulai"] or ""))
    dasar = str(row["dasar_hukum"] or "")
    if row["status_fakta"] == "?":
        dasar += " [?]"
    return rules.AturanMajelis(
        anggota_min=int(row["anggota_min"] or 0),
        pangkat_tidak_lebih_rendah=bool(row["pangkat_tidak_lebih_rendah"]),
        dasar_hukum=dasar,
    )


def calon_majelis(db: Database, pegawai_id: str, n: int = 3) -> list[str]:
    """Up to ``n`` active PNS of the same unit tree (not lower in rank than ``pegawai_id``
    while the rule in force says so), highest rank first: candidates a clerk (or the demo) may
    put on the majelis."""
    rank = 1 if aturan_majelis(db, date.today()).pangkat_tidak_lebih_rendah else 0
    rows = db.conn.execute(
        "SELECT c.pegawai_id FROM pegawai_ringkas c, pegawai_ringkas t "
        "WHERE t.pegawai_id = ? AND c.pegawai_id <> t.pegawai_id AND c.jenis_asn = 'PNS' "
        "AND c.kedudukan = 'AKTIF' AND (? = 0 OR c.golongan_urutan >= t.golongan_urutan) "
        "ORDER BY c.golongan_urutan DESC, c.nip LIMIT ?",
        (pegawai_id, rank, n),
    )
    return [str(r[0]) for r in rows]


def set_majelis(
    db: Database, actor: str, kasus_id: str, anggota: Sequence[tuple[str, str]]
) -> None:
    """Set the case's Majelis Kode Etik: (pegawai_id, peran) pairs, checked whole against
    :func:`app.models.rules.etik.check_majelis`; replaces any earlier composition."""
    kasus = _load(db, actor, kasus_id)
    problems: list[tuple[str, str]] = []
    calon: list[rules.Anggota] = []
    for pegawai_id, peran in anggota:
        info = _golongan(db, pegawai_id)
        if info is None:
            problems.append(("majelis", tr("Pegawai {p} tidak ditemukan.", p=pegawai_id)))
            continue
        calon.append(rules.Anggota(pegawai_id, info[0], peran.upper(), info[1]))
    terperiksa = _golongan(db, kasus.pegawai_id)
    problems += [
        ("majelis", r)
        for r in rules.check_majelis(
            calon,
            terperiksa_id=kasus.pegawai_id,
            terperiksa_golongan=terperiksa[1] if terperiksa else None,
            aturan=aturan_majelis(db, date.today()),
        )
    ]
    _fail(tr("Majelis kode etik tidak disimpan:"), problems)
    keep = {natural_id("etik_majelis", kasus.id, a.pegawai_id): a for a in calon}
    with Store(db).write(tr("Menetapkan majelis kode etik"), actor=actor) as tx:
        for (row_id,) in db.conn.execute(
            "SELECT id FROM etik_majelis WHERE kasus_id = ? AND deleted = 0", (kasus.id,)
        ).fetchall():
            if row_id not in keep:
                tx.update("etik_majelis", row_id, {"deleted": 1})
        for row_id, a in keep.items():
            if db.conn.execute("SELECT 1 FROM etik_majelis WHERE id = ?", (row_id,)).fetchone():
                tx.update("etik_majelis", row_id, {"peran": a.peran, "deleted": 0})
            else:
                tx.insert(
                    "etik_majelis",
                    {
                        "id": row_id,
                        "kasus_id": kasus.id,
                        "pegawai_id": a.pegawai_id,
                        "peran": a.peran,
                    },
                )
        if kasus.status == DIBUKA:
            tx.update("etik_kasus", kasus.id, {"status": SIDANG})


def add_sidang(
    db: Database, actor: str, kasus_id: str, *, tanggal: date, hadir: bool, ringkasan: str
) -> str:
    """Record a hearing of the majelis (which must be set first)."""
    kasus = _load(db, actor, kasus_id)
    problems: list[tuple[str, str]] = []
    if not kasus.majelis:
        problems.append(("majelis", tr("Tetapkan majelis kode etik sebelum sidang.")))
    if not ringkasan.strip():
        problems.append(("ringkasan", tr("Ringkasan sidang wajib diisi.")))
    if tanggal < kasus.tanggal_mulai:
        problems.append(("tanggal", tr("Tanggal sidang sebelum kasus dibuka.")))
    _fail(tr("Sidang tidak dicatat:"), problems)
    with Store(db).write(tr("Mencatat sidang majelis kode etik"), actor=actor) as tx:
        return tx.insert(
            "etik_sidang",
            {
                "kasus_id": kasus.id,
                "tanggal": tanggal.isoformat(),
                "hadir": int(hadir),
                "ringkasan": ringkasan.strip(),
            },
        )


def putus(db: Database, actor: str, kasus_id: str, data: Putusan) -> str | None:
    """Record the majelis's finding and moral sanction. When it recommends a discipline case
    (only for a proven breach), that case is opened, linked, in the same transaction; its id is
    returned."""
    kasus = _load(db, actor, kasus_id)
    pasal = tuple(dict.fromkeys(p.strip().upper() for p in data.pasal if p.strip()))
    problems = [("temuan", r) for r in rules.check_putusan(data.temuan, pasal, data.sanksi)]
    if not kasus.sidang:
        problems.append(("sidang", tr("Putusan diambil setelah sekurang-kurangnya satu sidang.")))
    elif data.tanggal < kasus.sidang[-1].tanggal:
        problems.append(("tanggal", tr("Tanggal putusan sebelum sidang terakhir.")))
    known = {p.kode for p in list_pasal(db)}
    for p in pasal:
        if p not in known:
            problems.append(("pasal", tr("Butir kode etik '{p}' tidak ada.", p=p)))
    if data.rekomendasi_disiplin and data.temuan != rules.TERBUKTI:
        problems.append(
            ("rekomendasi", tr("Kasus disiplin hanya direkomendasikan bila pelanggaran terbukti."))
        )
    _fail(tr("Putusan kode etik tidak disimpan:"), problems)
    disiplin_id: str | None = None
    with Store(db).write(tr("Memutus kasus kode etik"), actor=actor) as tx:
        if data.rekomendasi_disiplin:
            disiplin_id = tx.insert(
                "disiplin_kasus",
                {
                    "pegawai_id": kasus.pegawai_id,
                    "pengaduan_id": kasus.pengaduan_id,
                    "dugaan": tr("Rekomendasi majelis kode etik: {d}", d=kasus.dugaan),
                    "tanggal_mulai": data.tanggal.isoformat(),
                    "status": disiplin.DIBUKA,
                },
            )
        tx.update(
            "etik_kasus",
            kasus.id,
            {
                "status": DIPUTUS,
                "temuan": data.temuan,
                "pasal": ",".join(pasal) or None,
                "sanksi": data.sanksi,
                "pertimbangan": (data.pertimbangan or "").strip() or None,
                "tanggal_putus": data.tanggal.isoformat(),
                "rekomendasi_disiplin": int(data.rekomendasi_disiplin),
                "disiplin_kasus_id": disiplin_id,
            },
        )
    return disiplin_id


def set_surat(db: Database, actor: str, kasus_id: str, nomor: str, register_id: str) -> None:
    """Link the issued moral-sanction decision (its number and register entry) to the case."""
    kasus = get_kasus(db, actor, kasus_id)
    _require(db, actor, kasus.pegawai_id)
    with Store(db).write(tr("Mencatat surat sanksi moral"), actor=actor) as tx:
        tx.update("etik_kasus", kasus.id, {"nomor_surat": nomor, "register_id": register_id})


def check_surat(db: Database, actor: str, kasus_id: str) -> Kasus:
    """The case, when a moral-sanction decision may be issued for it (proven, sanction set)."""
    kasus = get_kasus(db, actor, kasus_id)
    _require(db, actor, kasus.pegawai_id)
    if kasus.temuan != rules.TERBUKTI or not kasus.sanksi:
        raise ValidationError(
            tr("Surat sanksi moral hanya untuk pelanggaran yang terbukti dan sudah diputus."),
            field="temuan",
        )
    return kasus
