"""The home screen (Beranda) and ``merit beranda``: what an office should see first.

Counts of active employees, what falls due in the next 1, 3 and 12 months (KGB, pensiun at
BUP, KP of the coming periods), the SKP progress of the year, who is below 20 JP of training
this year, open sync clashes, the last sync with each peer and the last backup.

Nothing here is a new rule: the lists are those of the recap sheets
(:mod:`app.models.rekap.kgb`, :mod:`~app.models.rekap.pensiun`, :mod:`~app.models.rekap.kp`,
:mod:`~app.models.rekap.diklat`), the SKP progress of :mod:`app.models.skp.progress`, the sync
state of :mod:`app.models.storage.sinkron` and the backups of
:mod:`app.models.storage.cadangan_berkas`, gathered in one call that the screen runs in the
background and the command line prints.

Rights: the employee figures need ``laporan.baca`` (as the recap sheets), limited to the units
the actor's right reaches; the sync figures a sync right; the backup state ``cadangan.buat``. A
part the actor may not see is left out (None), not refused: the home screen is everyone's first
page. Asking for one unit outside one's scope is refused as for the recap sheets.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from app.i18n import angka, tanggal, tr
from app.models.access.akses import (
    SEMUA,
    Sesi,
    cakupan,
    in_scope,
    load_hak,
    pegawai_unit,
    require,
)
from app.models.cuti.permohonan import Cuti, list_cuti, minggu, sedang_cuti
from app.models.errors import ValidationError
from app.models.pengaduan import register as pengaduan
from app.models.rekap import diklat, kgb, kp, pensiun
from app.models.rekap.common import aktif_clause, unit_clause
from app.models.rules.derivations import add_years
from app.models.rules.kp import STATUS_MEMENUHI, jenis_kp_label, status_kode
from app.models.skp.progress import kemajuan
from app.models.storage.cadangan_berkas import latest_backup
from app.models.storage.db import Database
from app.models.storage.sinkron import count_conflicts, list_peers

JANGKA_BULAN = (1, 3, 12)  # the windows of "what is due"
BATAS_UMUR_CADANGAN = 7  # days: an older last backup is a warning
TAHUN_LEWAT_BUP = 5  # how far back to look for people past their BUP who are still active
SYNC_RIGHTS = ("sync.baca", "sync.impor", "sync.ekspor")

T = TypeVar("T")


# -- plain data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrangBeranda:
    """One person in a list of the home screen: who, when, and what in a few words."""

    pegawai_id: str
    nip: str
    nama: str
    unit: str | None
    tanggal: date | None  # the date the item falls due (KGB, TMT pensiun, KP period)
    uraian: str  # "III/b → III/c · Reguler", "BUP 58 tahun", "8 JP dari 20"
    status: str | None = None  # memenuhi, perlu_diverifikasi, belum_memenuhi (KGB and KP)

    @property
    def status_label(self) -> str | None:
        labels = {
            "memenuhi": tr("Memenuhi syarat"),
            "perlu_diverifikasi": tr("Perlu diverifikasi"),
            "belum_memenuhi": tr("Belum memenuhi"),
        }
        return labels.get(self.status or "")


@dataclass(frozen=True)
class JumlahPegawai:
    """Active employees (kedudukan aktif): PNS (CPNS among them) and PPPK."""

    pns: int
    cpns: int  # included in ``pns``
    pppk: int

    @property
    def jumlah(self) -> int:
        return self.pns + self.pppk


@dataclass(frozen=True)
class Jangka:
    """What falls due from today up to ``sampai`` (``bulan`` months ahead)."""

    bulan: int
    sampai: date
    kgb: tuple[OrangBeranda, ...]
    pensiun: tuple[OrangBeranda, ...]
    periode_kp: date | None  # the last KP period in the window (None: no period in it)
    kp: tuple[OrangBeranda, ...]

    @property
    def kp_memenuhi(self) -> int:
        return sum(1 for o in self.kp if o.status == "memenuhi")


@dataclass(frozen=True)
class KemajuanSkpBeranda:
    """SKP of the year: how many active employees have none, a plan, a rating, a final one."""

    tahun: int
    pegawai: int
    belum: int
    draft: int
    diajukan: int
    dinilai: int
    ditetapkan: int

    @property
    def direncanakan(self) -> int:
        """Those with an SKP in any state."""
        return self.pegawai - self.belum


@dataclass(frozen=True)
class DiklatBeranda:
    tahun: int
    target: int
    pegawai: int  # active PNS counted
    di_bawah: tuple[OrangBeranda, ...]  # below the target, fewest JP first


@dataclass(frozen=True)
class PeerBeranda:
    nama: str
    terakhir_terima: str | None  # UTC ISO instants as lokal_peer keeps them
    terakhir_kirim: str | None
    dipercaya: bool


@dataclass(frozen=True)
class SinkronBeranda:
    konflik: int
    peer: tuple[PeerBeranda, ...]


@dataclass(frozen=True)
class CadanganBeranda:
    terakhir: datetime | None  # local time of the newest backup
    berkas: str | None
    umur_hari: int | None
    peringatan: str | None  # set when there is none or it is older than 7 days


@dataclass(frozen=True)
class CutiBeranda:
    """Leave (issue 17): who is on leave today and this week, and requests waiting for a
    decision, per unit (the lists are ordered by unit and name)."""

    hari_ini: tuple[OrangBeranda, ...]
    minggu_ini: tuple[OrangBeranda, ...]  # the rest of the week, not already on leave today
    menunggu: tuple[OrangBeranda, ...]


@dataclass(frozen=True)
class PengaduanBeranda:
    """Public complaints the actor may read: how many are open, and the stages past their
    deadline (one line each, no complainant's name)."""

    terbuka: int
    terlambat: tuple[str, ...]


def _pengaduan(db: Database, actor: str, today: date) -> PengaduanBeranda | None:
    if all(_lingkup(db, actor, a) is None for a in ("pengaduan.baca", "pengaduan.kelola")):
        return None
    rows = pengaduan.list_pengaduan(db, actor)
    late = pengaduan.list_terlambat(db, actor, today)
    return PengaduanBeranda(
        terbuka=sum(1 for p in rows if p.status != pengaduan.SELESAI),
        terlambat=tuple(pengaduan.uraian_terlambat(t) for t in late),
    )


@dataclass(frozen=True)
class Beranda:
    """Everything the home screen shows. A part is None when the actor may not see it."""

    tanggal: date
    unit_id: str | None
    unit_nama: str | None  # the unit the figures are limited to (None: the whole agency)
    pegawai: JumlahPegawai | None
    jangka: tuple[Jangka, ...] | None
    lewat_bup: tuple[OrangBeranda, ...] | None  # past the TMT pensiun and still active
    skp: KemajuanSkpBeranda | None
    diklat: DiklatBeranda | None
    sinkron: SinkronBeranda | None
    cadangan: CadanganBeranda | None
    cuti: CutiBeranda | None = None
    pengaduan: PengaduanBeranda | None = None  # issue 16: open complaints, overdue stages

    def jangka_bulan(self, bulan: int) -> Jangka | None:
        for j in self.jangka or ():
            if j.bulan == bulan:
                return j
        return None


# -- the actor's reach -------------------------------------------------------------------------


def _lingkup(db: Database, actor: str, aksi: str) -> frozenset[str] | None:
    """Where ``actor`` may ``aksi``: None nowhere, {"*"} everywhere, else root units. Not
    audited (a part left out of the home screen is not a refusal); an account no longer active
    is refused as everywhere."""
    if not isinstance(actor, Sesi):
        return frozenset({SEMUA})
    conn = db.conn
    aktif, hak = load_hak(conn, actor.akun_id)
    if not aktif:
        require(db, actor, aksi)  # refuses with the "account not active" message, audited
    own = pegawai_unit(conn, actor.pegawai_id) if actor.pegawai_id else None
    return cakupan(hak, aksi, pegawai_unit=own)


def _units(db: Database, actor: str, unit_id: str | None) -> list[str | None] | None:
    """The units the employee figures are computed for (None in the list: the whole agency);
    None: the actor may not read recaps at all."""
    if unit_id is not None:
        require(db, actor, "laporan.baca", unit_id=unit_id)  # refused outside the scope
        return [unit_id]
    scope = _lingkup(db, actor, "laporan.baca")
    if scope is None:
        return None
    if SEMUA in scope:
        return [None]
    conn = db.conn
    roots = sorted(scope)
    # a root inside another root is already counted with it
    return [
        r for r in roots if not any(o != r and in_scope(conn, frozenset({o}), r) for o in roots)
    ]


def _merge(parts: Iterable[Iterable[T]], key: Callable[[T], Any]) -> list[T]:
    seen: set[Any] = set()
    out: list[T] = []
    for part in parts:
        for item in part:
            k = key(item)
            if k not in seen:
                seen.add(k)
                out.append(item)
    return out


# -- the parts ---------------------------------------------------------------------------------


def tambah_bulan(value: date, months: int) -> date:
    """``value`` plus ``months`` calendar months (the day clamped to the month's length)."""
    index = value.month - 1 + months
    year, month = value.year + index // 12, index % 12 + 1
    return date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def akhir_jangka(today: date, bulan: int) -> date:
    """The last day of a window of ``bulan`` months from ``today`` (22 Nov + 1 month: 21 Dec)."""
    return tambah_bulan(today, bulan) - timedelta(days=1)


def count_pegawai_aktif(conn: Any, unit_id: str | None = None) -> JumlahPegawai:
    """Active employees of the agency (or of a unit and its sub-units)."""
    unit_sql, params = unit_clause(conn, unit_id)
    row = conn.execute(
        "SELECT sum(r.jenis_asn = 'PNS'), sum(r.jenis_asn = 'PNS' AND "
        "r.status_kepegawaian = 'CPNS'), sum(r.jenis_asn = 'PPPK') FROM pegawai_ringkas r "
        f"WHERE {aktif_clause()}{unit_sql}",
        params,
    ).fetchone()
    return JumlahPegawai(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def _kgb_orang(b: kgb.KgbBaris) -> OrangBeranda:
    return OrangBeranda(
        b.pegawai_id,
        b.nip,
        b.nama_lengkap,
        b.unit_nama,
        b.tmt_baru,
        tr(
            "{gol}, MK {t} th {b} bl",
            gol=b.golongan_kode or "-",
            t=b.mk_baru_tahun,
            b=b.mk_baru_bulan,
        ),
        status_kode(b.status),
    )


def _pensiun_orang(b: pensiun.PensiunBaris) -> OrangBeranda:
    return OrangBeranda(
        b.pegawai_id,
        b.nip,
        b.nama_lengkap,
        b.unit_nama,
        b.tmt_pensiun,
        tr("BUP {n} tahun; lahir {lahir}", n=b.bup, lahir=tanggal(b.tanggal_lahir)),
    )


def _kp_orang(b: kp.KpBaris, periode: date) -> OrangBeranda:
    return OrangBeranda(
        b.pegawai_id,
        b.nip,
        b.nama_lengkap,
        b.unit_nama,
        periode,
        tr(
            "{lama} → {baru} · {jenis}",
            lama=b.golongan_kode,
            baru=b.golongan_baru or "-",
            jenis=jenis_kp_label(b.jenis_kp, singkat=True),
        ),
        status_kode(b.status),
    )


def _periode_dalam(conn: Any, today: date, sampai: date) -> date | None:
    """The last KP period from the coming one up to ``sampai`` (None: none in the window)."""
    try:
        first = kp.periode_kp_berikutnya(conn, today)
    except ValidationError:  # no period ahead in the reference data
        return None
    last = kp.periode_kp_terakhir(conn, sampai)
    return last if last is not None and last >= first else None


def _jangka(conn: Any, units: list[str | None], today: date) -> tuple[Jangka, ...]:
    ends = {n: akhir_jangka(today, n) for n in JANGKA_BULAN}
    far = ends[max(JANGKA_BULAN)]
    kgb_rows = sorted(
        _merge((kgb.kgb_jatuh_tempo(conn, today, far, unit_id=u) for u in units), _id),
        key=lambda b: (b.tmt_baru, b.nama_lengkap.casefold(), b.nip),
    )
    pensiun_rows = sorted(
        _merge((pensiun.pensiun(conn, today, tahun=1, unit_id=u) for u in units), _id),
        key=lambda b: (b.tmt_pensiun, b.nama_lengkap.casefold(), b.nip),
    )
    periodes = {n: _periode_dalam(conn, today, ends[n]) for n in JANGKA_BULAN}
    wanted = sorted({p for p in periodes.values() if p is not None})
    kp_lists: dict[date, list[OrangBeranda]] = {}
    if wanted:
        # the (up to three) periods in one pass over the candidates, the facts read once
        fakta = kp.fakta_kp(conn, atasan=False)  # read by the list when a period needs it
        per_unit = [kp.nominatif_kp_banyak(conn, wanted, unit_id=u, fakta=fakta) for u in units]
        for p in wanted:
            rows = _merge((lists[p].baris for lists in per_unit), _id)
            rows.sort(key=lambda b: (b.status != STATUS_MEMENUHI, b.nama_lengkap.casefold()))
            kp_lists[p] = [_kp_orang(b, p) for b in rows]
    # each person once, then the prefix of each window (the lists are in date order)
    kgb_orang = [(b.tmt_baru, _kgb_orang(b)) for b in kgb_rows]
    pensiun_orang = [(b.tmt_pensiun, _pensiun_orang(b)) for b in pensiun_rows]
    out: list[Jangka] = []
    for n in JANGKA_BULAN:
        sampai = ends[n]
        periode = periodes[n]
        out.append(
            Jangka(
                bulan=n,
                sampai=sampai,
                kgb=tuple(o for t, o in kgb_orang if t <= sampai),
                pensiun=tuple(o for t, o in pensiun_orang if t <= sampai),
                periode_kp=periode,
                kp=tuple(kp_lists[periode]) if periode is not None else (),
            )
        )
    return tuple(out)


def _id(row: Any) -> str:
    return str(row.pegawai_id)


def _lewat_bup(conn: Any, units: list[str | None], today: date) -> tuple[OrangBeranda, ...]:
    """Active PNS whose TMT pensiun is already past (up to 5 years back): a record to fix."""
    mulai = add_years(today, -TAHUN_LEWAT_BUP)
    rows = _merge(
        (pensiun.pensiun(conn, mulai, tahun=TAHUN_LEWAT_BUP, unit_id=u) for u in units), _id
    )
    rows = [b for b in rows if b.tmt_pensiun < today]
    rows.sort(key=lambda b: (b.tmt_pensiun, b.nama_lengkap.casefold()))
    return tuple(_pensiun_orang(b) for b in rows)


def _skp(conn: Any, units: list[str | None], tahun: int) -> KemajuanSkpBeranda:
    totals = [kemajuan(conn, tahun, u).total for u in units]
    return KemajuanSkpBeranda(
        tahun=tahun,
        pegawai=sum(t.pegawai for t in totals),
        belum=sum(t.belum for t in totals),
        draft=sum(t.draft for t in totals),
        diajukan=sum(t.diajukan for t in totals),
        dinilai=sum(t.dinilai for t in totals),
        ditetapkan=sum(t.ditetapkan for t in totals),
    )


def _diklat(conn: Any, units: list[str | None], tahun: int) -> DiklatBeranda:
    rows = _merge((diklat.jam_pelajaran(conn, tahun, unit_id=u) for u in units), _id)
    below = sorted((b for b in rows if not b.tercapai), key=lambda b: (b.jp, b.nama_lengkap))
    return DiklatBeranda(
        tahun=tahun,
        target=diklat.TARGET_JP_PNS,
        pegawai=len(rows),
        di_bawah=tuple(
            OrangBeranda(
                b.pegawai_id,
                b.nip,
                b.nama_lengkap,
                b.unit_nama,
                None,
                tr("{jp} JP dari {target}", jp=angka(b.jp), target=b.target),
            )
            for b in below
        ),
    )


def _sinkron(conn: Any) -> SinkronBeranda:
    return SinkronBeranda(
        konflik=count_conflicts(conn),
        peer=tuple(
            PeerBeranda(p.nama, p.terakhir_terima, p.terakhir_kirim, p.dipercaya)
            for p in list_peers(conn)
        ),
    )


def read_cadangan(db: Database, now: datetime) -> CadanganBeranda:
    """The newest backup of the database and a warning when there is none or it is older
    than :data:`BATAS_UMUR_CADANGAN` days."""
    info = latest_backup(db.path)
    if info is None:
        return CadanganBeranda(
            None,
            None,
            None,
            tr("Belum ada cadangan basis data. Buat cadangan sekarang."),
        )
    umur = max((now - info.waktu).days, 0)
    warning = None
    if umur > BATAS_UMUR_CADANGAN:
        warning = tr(
            "Cadangan terakhir sudah {n} hari yang lalu (lebih dari {batas} hari). "
            "Buat cadangan sekarang.",
            n=angka(umur),
            batas=BATAS_UMUR_CADANGAN,
        )
    return CadanganBeranda(info.waktu, info.path.name, umur, warning)


# -- the whole ---------------------------------------------------------------------------------


def _cuti_orang(c: Cuti) -> OrangBeranda:
    return OrangBeranda(
        c.pegawai_id,
        c.nip,
        c.nama,
        c.unit_nama or None,
        c.mulai,
        tr(
            "{jenis} · {lama} · s.d. {sampai}",
            jenis=c.jenis_nama,
            lama=c.lama_teks,
            sampai=tanggal(c.selesai),
        ),
    )


def _cuti(conn: Any, units: list[str | None], today: date) -> CutiBeranda:
    awal, akhir = minggu(today)
    hari: dict[str, Cuti] = {}
    pekan: dict[str, Cuti] = {}
    tunggu: dict[str, Cuti] = {}
    for u in units:
        hari.update((c.id, c) for c in sedang_cuti(conn, today, unit_id=u))
        pekan.update((c.id, c) for c in sedang_cuti(conn, awal, akhir, unit_id=u))
        tunggu.update((c.id, c) for c in list_cuti(conn, status="DIAJUKAN", unit_id=u))

    def ordered(rows: Iterable[Cuti]) -> tuple[OrangBeranda, ...]:
        return tuple(_cuti_orang(c) for c in sorted(rows, key=lambda c: (c.unit_nama, c.nama)))

    return CutiBeranda(
        ordered(hari.values()),
        ordered(c for k, c in pekan.items() if k not in hari),
        tuple(_cuti_orang(c) for c in sorted(tunggu.values(), key=lambda c: c.mulai)),
    )


def read_beranda(
    db: Database,
    actor: str,
    *,
    unit_id: str | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> Beranda:
    """Everything the home screen shows, for ``actor`` (see the module's note on rights).

    ``unit_id`` limits the employee figures to a unit and its sub-units; without it they cover
    what the actor's ``laporan.baca`` reaches (the whole agency, or the actor's units).
    """
    conn = db.conn
    today = today or date.today()
    now = now or datetime.now()
    units = _units(db, actor, unit_id)
    unit_nama = None
    if units and units != [None]:
        names = [
            str(r[0])
            for u in units
            for r in conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (u,))
        ]
        unit_nama = ", ".join(names) or None
    pegawai = jangka = lewat = skp = dik = None
    libur = None
    if units is not None:
        libur = _cuti(conn, units, today)
        counts = [count_pegawai_aktif(conn, u) for u in units]
        pegawai = JumlahPegawai(
            sum(c.pns for c in counts), sum(c.cpns for c in counts), sum(c.pppk for c in counts)
        )
        jangka = _jangka(conn, units, today)
        lewat = _lewat_bup(conn, units, today)
        skp = _skp(conn, units, today.year)
        dik = _diklat(conn, units, today.year)
    sync_allowed = any(_lingkup(db, actor, aksi) is not None for aksi in SYNC_RIGHTS)
    backup_allowed = _lingkup(db, actor, "cadangan.buat") is not None
    return Beranda(
        tanggal=today,
        unit_id=unit_id,
        unit_nama=unit_nama,
        pegawai=pegawai,
        jangka=jangka,
        lewat_bup=lewat,
        skp=skp,
        diklat=dik,
        sinkron=_sinkron(conn) if sync_allowed else None,
        cadangan=read_cadangan(db, now) if backup_allowed else None,
        cuti=libur,
        pengaduan=_pengaduan(db, actor, today),
    )


# -- as JSON -----------------------------------------------------------------------------------


def _orang_json(o: OrangBeranda) -> dict[str, Any]:
    data: dict[str, Any] = {
        "pegawai_id": o.pegawai_id,
        "nip": o.nip,
        "nama": o.nama,
        "unit": o.unit,
        "tanggal": o.tanggal.isoformat() if o.tanggal else None,
        "uraian": o.uraian,
    }
    if o.status is not None:
        data["status"] = o.status
        data["status_label"] = o.status_label
    return data


def beranda_json(b: Beranda) -> dict[str, Any]:
    """The home screen as plain JSON data (``merit beranda --format json``). A part the actor
    may not see is null."""
    return _beranda_json(b) | {
        "pengaduan": None
        if b.pengaduan is None
        else {"terbuka": b.pengaduan.terbuka, "terlambat": list(b.pengaduan.terlambat)}
    }


def _beranda_json(b: Beranda) -> dict[str, Any]:
    return {
        "tanggal": b.tanggal.isoformat(),
        "unit": b.unit_nama,
        "pegawai_aktif": None
        if b.pegawai is None
        else {
            "pns": b.pegawai.pns,
            "cpns": b.pegawai.cpns,
            "pppk": b.pegawai.pppk,
            "jumlah": b.pegawai.jumlah,
        },
        "jatuh_tempo": None
        if b.jangka is None
        else [
            {
                "bulan": j.bulan,
                "sampai": j.sampai.isoformat(),
                "kgb": [_orang_json(o) for o in j.kgb],
                "pensiun": [_orang_json(o) for o in j.pensiun],
                "kp": {
                    "periode": j.periode_kp.isoformat() if j.periode_kp else None,
                    "memenuhi": j.kp_memenuhi,
                    "pegawai": [_orang_json(o) for o in j.kp],
                },
            }
            for j in b.jangka
        ],
        "melewati_bup": None if b.lewat_bup is None else [_orang_json(o) for o in b.lewat_bup],
        "skp": None
        if b.skp is None
        else {
            "tahun": b.skp.tahun,
            "pegawai": b.skp.pegawai,
            "belum_ada": b.skp.belum,
            "direncanakan": b.skp.direncanakan,
            "draft": b.skp.draft,
            "diajukan": b.skp.diajukan,
            "dinilai": b.skp.dinilai,
            "ditetapkan": b.skp.ditetapkan,
        },
        "diklat": None
        if b.diklat is None
        else {
            "tahun": b.diklat.tahun,
            "target_jp": b.diklat.target,
            "pegawai": b.diklat.pegawai,
            "di_bawah_target": len(b.diklat.di_bawah),
            "daftar": [_orang_json(o) for o in b.diklat.di_bawah],
        },
        "sinkron": None
        if b.sinkron is None
        else {
            "konflik": b.sinkron.konflik,
            "peer": [
                {
                    "nama": p.nama,
                    "terakhir_terima": p.terakhir_terima,
                    "terakhir_kirim": p.terakhir_kirim,
                    "dipercaya": p.dipercaya,
                }
                for p in b.sinkron.peer
            ],
        },
        "cadangan": None
        if b.cadangan is None
        else {
            "terakhir": b.cadangan.terakhir.isoformat(timespec="seconds")
            if b.cadangan.terakhir
            else None,
            "berkas": b.cadangan.berkas,
            "umur_hari": b.cadangan.umur_hari,
            "peringatan": b.cadangan.peringatan,
        },
        "cuti": None
        if b.cuti is None
        else {
            "hari_ini": [_orang_json(o) for o in b.cuti.hari_ini],
            "minggu_ini": [_orang_json(o) for o in b.cuti.minggu_ini],
            "menunggu_keputusan": [_orang_json(o) for o in b.cuti.menunggu],
        },
    }
