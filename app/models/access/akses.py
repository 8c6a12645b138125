"""Roles and rights: who may do what, enforced in the domain for every action.

The rights are data, not scattered ``if``s: :data:`HAK` maps each role to the actions it may
take and the *scope* of each right (the whole agency, the units the role was given, the
subordinates of the linked employee, or the selections assigned by the selection module).

Who the actor is:

* A :class:`Sesi` (a signed-in account, see :mod:`app.models.access.akun`) is checked. It *is* a
  ``str`` (its text is the username), so it travels through every existing ``actor: str``
  parameter unchanged and ends up in the change log and the audit trail as the username.
* A plain ``str`` actor (``"sistem"``, ``"cli:budi"``, a sync import) is the trusted local
  system: it is not checked. The entry points decide when a plain string is acceptable: the
  desktop app always signs in when accounts exist, and the command line demands ``--user``
  when accounts exist (see ``app/cli/context.py``).

Writes are checked in the one write path: :meth:`Store.write` calls :func:`check_ops` for every
batch of operations (table -> action, see :data:`TABEL_AKSI`; the operator's unit scope is
checked per employee and per unit written), and :func:`require` for the action a model function
names explicitly (``Store.write(..., izin="pegawai.impor")``).

Reads, exports and documents check the right themselves, in the model or job that reads:
:func:`require` for one record, :func:`read_roots` / :func:`read_unit` for a list, which also
return the units a unit-limited reader may see, for the reader's SQL (:func:`units_under`), so
that a list, a count, a search or an export never holds anyone outside them. Reading a person's
details, exporting, and the administrative acts that change no replicated row (backup, restore,
peers, the installation's name, reading the audit trail) are audited with
:func:`record_access`. A refusal raises :class:`AccessDenied` with an Indonesian message, rolls
back the transaction it happened in, and leaves one audit entry ("Akses ditolak").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any

from app.i18n import tr
from app.models.errors import AccessDenied, ValidationError
from app.models.storage.db import Database

if TYPE_CHECKING:
    from app.models.access import audit, audit_periksa

# audit and audit_periksa (Ed25519 head, 20-45 ms with PyNaCl) are imported where used, not at
# start-up: the window's first page only asks allowed().

# -- roles and actions ------------------------------------------------------------------------


class Peran(StrEnum):
    """The roles of an account (architecture.md, "Who uses it")."""

    ADMIN = "admin"
    OPERATOR = "operator"
    PEJABAT_PENILAI = "pejabat_penilai"
    ANGGOTA_PANITIA = "anggota_panitia"
    SEKRETARIAT_PANITIA = "sekretariat_panitia"
    PIMPINAN = "pimpinan"

    @property
    def label(self) -> str:
        return {
            Peran.ADMIN: tr("Admin"),
            Peran.OPERATOR: tr("Operator kepegawaian"),
            Peran.PEJABAT_PENILAI: tr("Pejabat penilai"),
            Peran.ANGGOTA_PANITIA: tr("Anggota panitia seleksi"),
            Peran.SEKRETARIAT_PANITIA: tr("Sekretariat panitia"),
            Peran.PIMPINAN: tr("Pimpinan"),
        }[self]


def peran_dari(text: str) -> Peran:
    """The role named by ``text`` (value or label, any case). Raises ValidationError."""
    key = text.strip().casefold().replace(" ", "_").replace("-", "_")
    for p in Peran:
        if key in (p.value, p.label.casefold().replace(" ", "_")):
            return p
    raise ValidationError(
        tr(
            "Peran '{p}' tidak dikenal. Pilih salah satu: {daftar}.",
            p=text,
            daftar=", ".join(p.value for p in Peran),
        ),
        field="peran",
    )


class Lingkup(Enum):
    """How far a right reaches."""

    SEMUA = "semua"  # the whole agency
    UNIT = "unit"  # the units given with the role (and their sub-units); '' = whole agency
    INSTANSI = "instansi"  # only when the role was given for the whole agency
    BAWAHAN = "bawahan"  # the unit (and sub-units) of the linked employee
    DITUGASKAN = "ditugaskan"  # the selections assigned to the person (selection module)


# Action -> what it is, for messages ("... tidak berhak {label}").
AKSI: dict[str, str] = {
    "pegawai.baca": "melihat daftar pegawai",
    "pegawai.baca_rincian": "membuka rincian data pribadi pegawai",
    "pegawai.ubah": "mengubah data pegawai",
    "pegawai.hapus": "menghapus pegawai",
    "pegawai.impor": "mengimpor data pegawai",
    "pegawai.ekspor": "mengekspor data pegawai",
    "laporan.baca": "melihat rekap dan laporan",
    "dokumen.terbitkan": "menerbitkan dokumen (SK, petikan)",
    "organisasi.ubah": "mengubah unit organisasi dan jabatan",
    "referensi.ubah": "mengubah tabel referensi",
    "instansi.ubah": "mengubah pengaturan instansi",
    "akun.kelola": "mengelola akun pengguna",
    "sync.ekspor": "membuat paket sinkronisasi",
    "sync.ekspor_penuh": "membuat paket sinkronisasi lengkap (seluruh data)",
    "sync.impor": "memasukkan paket sinkronisasi",
    "sync.baca": "melihat identitas, peer dan keadaan sinkronisasi",
    "sync.peer": "mengelola peer sinkronisasi (tambah, hapus, percayai)",
    "sync.identitas": "mengubah identitas instalasi",
    "audit.baca": "membaca jejak audit",
    "cadangan.buat": "membuat cadangan",
    "cadangan.pulihkan": "memulihkan cadangan",
    "instansi.periksa": "memeriksa keutuhan basis data",
    "instansi.baca": "melihat jumlah data seluruh instansi",
    "dokumen.baca": "melihat register dokumen",
    "skp.baca": "melihat SKP dan rekap SKP",
    "skp.nilai": "menilai kinerja (SKP) bawahan",
    "seleksi.kelola": "mengelola seleksi jabatan",
    "seleksi.nilai": "menilai kandidat seleksi",
    "seleksi.baca": "melihat hasil seleksi",
}


def label_aksi(aksi: str) -> str:
    if aksi.startswith("tabel."):
        return tr("mengubah data {tabel}", tabel=aksi.removeprefix("tabel."))
    return tr(AKSI.get(aksi, aksi))


_S, _U, _I, _B, _D = (
    Lingkup.SEMUA,
    Lingkup.UNIT,
    Lingkup.INSTANSI,
    Lingkup.BAWAHAN,
    Lingkup.DITUGASKAN,
)

# The table of rights: role -> action -> scope. An action not listed is refused.
# Admin may do everything (every action of AKSI, and any action a later module adds).
HAK: dict[Peran, dict[str, Lingkup]] = {
    Peran.ADMIN: dict.fromkeys(AKSI, _S),
    # An operator given one unit reads, lists, counts and exports only that unit (and its
    # sub-units): every employee read is limited to the units of the role, in SQL.
    Peran.OPERATOR: {
        "pegawai.baca": _U,
        "pegawai.baca_rincian": _U,
        "pegawai.ubah": _U,
        "pegawai.hapus": _U,
        "pegawai.impor": _U,
        "pegawai.ekspor": _U,
        "laporan.baca": _U,
        "skp.baca": _U,
        "dokumen.terbitkan": _U,
        "dokumen.baca": _I,
        "organisasi.ubah": _I,
        "instansi.baca": _I,
        "sync.ekspor": _I,
        "sync.ekspor_penuh": _I,
        "sync.impor": _I,
        "sync.baca": _I,
    },
    # The appraiser reads the employees of the unit of their own position (and its sub-units).
    Peran.PEJABAT_PENILAI: {
        "pegawai.baca": _B,
        "pegawai.baca_rincian": _B,
        "skp.baca": _B,
        "skp.nilai": _B,
    },
    # A committee member sees the selections they were assigned to, and nothing of the
    # employee records: their score sheet travels sealed (``selection seal``), not by sync.
    Peran.ANGGOTA_PANITIA: {
        "seleksi.nilai": _D,
        "seleksi.baca": _D,
    },
    Peran.SEKRETARIAT_PANITIA: {
        "pegawai.baca": _S,
        "pegawai.baca_rincian": _S,
        "seleksi.kelola": _S,
        "seleksi.baca": _S,
        "sync.ekspor": _S,
        "sync.impor": _S,
        "sync.baca": _S,
    },
    Peran.PIMPINAN: {
        "pegawai.baca": _S,
        "pegawai.baca_rincian": _S,
        "pegawai.ekspor": _S,
        "laporan.baca": _S,
        "skp.baca": _S,
        "dokumen.baca": _S,
        "instansi.baca": _S,
        "audit.baca": _S,
        "seleksi.baca": _S,
    },
}

# Replicated table (or prefix ending in "_") -> the action that writing it needs; the first
# match wins, so exact names come before a prefix. A table not listed needs admin: a module
# that adds replicated tables adds its line here.
TABEL_AKSI: tuple[tuple[str, str], ...] = (
    ("pegawai", "pegawai.ubah"),
    ("riwayat_", "pegawai.ubah"),
    ("unit_organisasi", "organisasi.ubah"),
    ("jabatan", "organisasi.ubah"),
    ("ref_", "referensi.ubah"),
    ("pengaturan", "instansi.ubah"),
    ("templat_dokumen", "instansi.ubah"),
    ("register_dokumen", "dokumen.terbitkan"),
    ("naskah_dokumen", "dokumen.terbitkan"),
    ("skp_periode", "instansi.ubah"),
    ("skp_kurva", "referensi.ubah"),
    ("skp", "skp.nilai"),
    ("skp_", "skp.nilai"),
    ("seleksi", "seleksi.kelola"),
    ("seleksi_", "seleksi.kelola"),
    ("kp_usulan", "dokumen.terbitkan"),
)

# -- competency and training (issue 15): standards are part of the position and training
# events serve the whole agency (whole-agency operators); assessments are per employee (the
# operator's units).
AKSI["kompetensi.ubah"] = "mengubah standar dan penilaian kompetensi"
AKSI["pelatihan.kelola"] = "mengelola rencana dan acara pelatihan"
HAK[Peran.ADMIN].update(dict.fromkeys(("kompetensi.ubah", "pelatihan.kelola"), _S))
HAK[Peran.OPERATOR].update({"kompetensi.ubah": _U, "pelatihan.kelola": _I})
TABEL_AKSI += (
    ("kompetensi_standar", "organisasi.ubah"),
    ("kompetensi_", "kompetensi.ubah"),
    ("pelatihan_", "pelatihan.kelola"),
)

# -- cuti (leave, issue 17): requests kept by the operator of the unit, the recommendation of the
# direct superior, the decision of the authorised official (PYBMC; here the pimpinan); every
# write of the leave tables needs cuti.catat, the model then asks for the specific right.
AKSI.update(
    {
        "cuti.catat": "mencatat data cuti",
        "cuti.ajukan": "mencatat permohonan cuti",
        "cuti.rekomendasi": "memberi pertimbangan atasan langsung atas cuti",
        "cuti.putus": "memutuskan permohonan cuti",
    }
)
HAK[Peran.ADMIN].update(dict.fromkeys(AKSI, _S))
HAK[Peran.OPERATOR].update({"cuti.catat": _U, "cuti.ajukan": _U})
HAK[Peran.PEJABAT_PENILAI].update({"cuti.catat": _B, "cuti.rekomendasi": _B})
HAK[Peran.PIMPINAN].update({"cuti.catat": _S, "cuti.putus": _S})
TABEL_AKSI += (("cuti_kalender", "instansi.ubah"), ("cuti", "cuti.catat"), ("cuti_", "cuti.catat"))


# -- integrity and public oversight (issue 16): complaints and discipline cases ---------------
# Handling complaints and cases is for the admin and the operator of the unit concerned; the
# identity of a complainant kept confidential is shown only to the holders of
# "pengaduan.kelola" for the complaint's unit (app.models.pengaduan). Pimpinan reads the
# complaint register without that identity and the recap of both.
AKSI.update(
    {
        "pengaduan.kelola": "menangani pengaduan masyarakat",
        "pengaduan.baca": "melihat daftar pengaduan masyarakat",
        "disiplin.kelola": "menangani kasus disiplin pegawai",
    }
)
HAK[Peran.ADMIN].update(
    dict.fromkeys(("pengaduan.kelola", "pengaduan.baca", "disiplin.kelola"), _S)
)
HAK[Peran.OPERATOR].update({"pengaduan.kelola": _U, "pengaduan.baca": _U, "disiplin.kelola": _U})
HAK[Peran.PIMPINAN].update({"pengaduan.baca": _S})
TABEL_AKSI += (
    ("pengaduan", "pengaduan.kelola"),
    ("pengaduan_", "pengaduan.kelola"),
    ("disiplin_", "disiplin.kelola"),
    # Ethics cases are handled by the discipline handlers; etik_pasal (the code) stays admin.
    ("etik_kasus", "disiplin.kelola"),
    ("etik_majelis", "disiplin.kelola"),
    ("etik_sidang", "disiplin.kelola"),
)


def aksi_tabel(table: str, fields: dict[str, Any] | None = None) -> str | None:
    """The action a write to ``table`` needs (None: not mapped, admin only)."""
    if table == "pegawai" and fields and fields.get("deleted") == 1:
        return "pegawai.hapus"
    for prefix, aksi in TABEL_AKSI:
        if table == prefix or (prefix.endswith("_") and table.startswith(prefix)):
            return aksi
    return None


# -- the actor -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hak:
    """One role given to an account: the role and its unit ('' = the whole agency)."""

    peran: Peran
    unit_id: str = ""


class Sesi(str):
    """A signed-in account. Its text is the username, so it can be passed as ``actor``.

    The roles are a snapshot for the screens (:func:`allowed`); :func:`require` reads them
    afresh from the database, so a role taken away or an account deactivated counts at once.
    """

    akun_id: int
    nama_pengguna: str
    nama_lengkap: str
    pegawai_id: str | None
    hak: tuple[Hak, ...]

    def __new__(
        cls,
        akun_id: int,
        nama_pengguna: str,
        nama_lengkap: str,
        pegawai_id: str | None,
        hak: Iterable[Hak],
    ) -> Sesi:
        self = super().__new__(cls, nama_pengguna)
        self.akun_id = akun_id
        self.nama_pengguna = nama_pengguna
        self.nama_lengkap = nama_lengkap
        self.pegawai_id = pegawai_id
        self.hak = tuple(hak)
        return self

    @property
    def peran(self) -> tuple[Peran, ...]:
        return tuple(dict.fromkeys(h.peran for h in self.hak))

    def is_admin(self) -> bool:
        return Peran.ADMIN in self.peran

    def uraian(self) -> str:
        """'Nama Lengkap (budi) - Operator kepegawaian' for the status bar."""
        roles = ", ".join(p.label for p in self.peran) or tr("tanpa peran")
        return f"{self.nama_lengkap} ({self.nama_pengguna}) \u2013 {roles}"


def load_hak(conn: sqlite3.Connection, akun_id: int) -> tuple[bool, tuple[Hak, ...]]:
    """(active?, roles) of an account, read from the database."""
    row = conn.execute("SELECT aktif FROM lokal_akun WHERE id = ?", (akun_id,)).fetchone()
    if row is None:
        return False, ()
    hak = tuple(
        Hak(Peran(r[0]), r[1])
        for r in conn.execute(
            "SELECT peran, unit_id FROM lokal_akun_peran WHERE akun_id = ? ORDER BY peran, unit_id",
            (akun_id,),
        )
        if r[0] in Peran._value2member_map_
    )
    return bool(row[0]), hak


# -- scope ------------------------------------------------------------------------------------

SEMUA = "*"  # in a scope: everywhere


def cakupan(
    hak: Sequence[Hak], aksi: str, *, pegawai_unit: str | None = None
) -> frozenset[str] | None:
    """What ``hak`` allow for ``aksi``: None = refused, {"*"} = everywhere, else root units.

    ``pegawai_unit`` is the unit of the linked employee (for :attr:`Lingkup.BAWAHAN`).
    """
    roots: set[str] = set()
    granted = False
    for h in hak:
        if h.peran is Peran.ADMIN:
            return frozenset({SEMUA})
        scope = HAK[h.peran].get(aksi)
        if scope is None:
            continue
        if scope in (Lingkup.SEMUA, Lingkup.DITUGASKAN):
            return frozenset({SEMUA})
        if scope is Lingkup.UNIT:
            if not h.unit_id:
                return frozenset({SEMUA})
            granted = True
            roots.add(h.unit_id)
        elif scope is Lingkup.INSTANSI:
            if not h.unit_id:
                return frozenset({SEMUA})
        elif scope is Lingkup.BAWAHAN and pegawai_unit:
            granted = True
            roots.add(pegawai_unit)
    return frozenset(roots) if granted else None


def allowed(actor: str, aksi: str) -> bool:
    """Whether the screens should offer ``aksi`` (from the session's snapshot of roles).

    A right limited to some units counts as allowed; the model decides per record when the
    action is taken. A plain string actor (the trusted local system) may do everything.
    """
    if not isinstance(actor, Sesi):
        return True
    # The linked employee's unit is not known here; any value stands for "somewhere".
    own = "bawahan" if actor.pegawai_id else None
    return cakupan(actor.hak, aksi, pegawai_unit=own) is not None


def _ancestors(conn: sqlite3.Connection, unit_id: str) -> set[str]:
    """The unit and every unit above it."""
    rows = conn.execute(
        "WITH RECURSIVE t(id, induk) AS ("
        " SELECT id, induk_id FROM unit_organisasi WHERE id = ?"
        " UNION SELECT u.id, u.induk_id FROM unit_organisasi u JOIN t ON u.id = t.induk"
        ") SELECT id FROM t",
        (unit_id,),
    ).fetchall()
    return {r[0] for r in rows} | {unit_id}


def in_scope(conn: sqlite3.Connection, scope: frozenset[str], unit_id: str | None) -> bool:
    if SEMUA in scope:
        return True
    if not unit_id:
        return False
    return bool(_ancestors(conn, unit_id) & scope)


def pegawai_unit(conn: sqlite3.Connection, pegawai_id: str) -> str | None:
    row = conn.execute(
        "SELECT unit_id FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai_id,)
    ).fetchone()
    return row[0] if row else None


def nama_unit(conn: sqlite3.Connection, unit_id: str | None) -> str:
    if not unit_id:
        return tr("(tanpa unit)")
    row = conn.execute("SELECT nama FROM unit_organisasi WHERE id = ?", (unit_id,)).fetchone()
    return str(row[0]) if row else unit_id


# -- refusing ---------------------------------------------------------------------------------


def _refuse(
    db: Database,
    actor: str,
    aksi: str,
    message: str,
    *,
    tabel: str | None = None,
    record_id: str | None = None,
) -> AccessDenied:
    """Roll back the transaction in progress (if any), write the audit entry, return the error.

    The refused work is undone first, so that the audit entry of the refusal is the only thing
    that remains of it.
    """
    from app.models.access import audit  # lazy: not at start-up

    conn = db.conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    audit.record_read(
        db,
        tr("Akses ditolak"),
        actor=str(actor),
        tabel=tabel,
        record_id=record_id,
        keterangan=f"{aksi}: {message}",
    )
    return AccessDenied(message)


def require(
    db: Database,
    actor: str,
    aksi: str,
    *,
    unit_id: str | None = None,
    pegawai_id: str | None = None,
) -> None:
    """Refuse (AccessDenied, with an audit entry) unless ``actor`` may do ``aksi``.

    ``unit_id`` / ``pegawai_id`` name what the action is about, for rights limited to units;
    without either, a unit-limited right is refused (it does not reach the whole agency).
    A plain string actor is the trusted local system and is not checked.
    """
    if not isinstance(actor, Sesi):
        return
    conn = db.conn
    aktif, hak = load_hak(conn, actor.akun_id)
    if not aktif:
        raise _refuse(
            db,
            actor,
            aksi,
            tr(
                "Akun {u} tidak aktif lagi. Keluar akun, lalu hubungi admin.",
                u=actor.nama_pengguna,
            ),
        )
    own_unit = pegawai_unit(conn, actor.pegawai_id) if actor.pegawai_id else None
    scope = cakupan(hak, aksi, pegawai_unit=own_unit)
    if scope is None:
        roles = ", ".join(dict.fromkeys(h.peran.label for h in hak)) or tr("tanpa peran")
        raise _refuse(
            db,
            actor,
            aksi,
            tr(
                "Akses ditolak: {u} ({peran}) tidak berhak {aksi}. Minta admin menambahkan "
                "peran yang sesuai bila Anda memang memerlukannya.",
                u=actor.nama_pengguna,
                peran=roles,
                aksi=label_aksi(aksi),
            ),
            tabel="pegawai" if pegawai_id else None,
            record_id=pegawai_id,
        )
    if SEMUA in scope:
        return
    target = unit_id
    if target is None and pegawai_id is not None:
        target = pegawai_unit(conn, pegawai_id)
        if target is None:
            return  # an employee with no unit yet belongs to no one's scope: not refused
    if not in_scope(conn, scope, target):
        raise _refuse(
            db,
            actor,
            aksi,
            _scope_message(conn, actor, aksi, scope, target),
            tabel="pegawai" if pegawai_id else ("unit_organisasi" if unit_id else None),
            record_id=pegawai_id or unit_id,
        )


def _scope_message(
    conn: sqlite3.Connection, actor: Sesi, aksi: str, scope: frozenset[str], target: str | None
) -> str:
    units = ", ".join(sorted(nama_unit(conn, u) for u in scope))
    if target is None:
        return tr(
            "Akses ditolak: {u} hanya berhak {aksi} untuk unit {units}, tidak untuk seluruh "
            "instansi. Pilih unit Anda dulu.",
            u=actor.nama_pengguna,
            aksi=label_aksi(aksi),
            units=units,
        )
    return tr(
        "Akses ditolak: {u} hanya berhak {aksi} untuk unit {units}; data ini milik unit "
        "{unit}. Minta operator unit itu atau admin.",
        u=actor.nama_pengguna,
        aksi=label_aksi(aksi),
        units=units,
        unit=nama_unit(conn, target),
    )


# -- writes: called by the one write path -----------------------------------------------------


def check_ops(db: Database, actor: str, ops: Sequence[Sequence[Any]]) -> None:
    """Check one batch of operations ``[table, row_id, fields]`` of the write path.

    Each table needs its action (:data:`TABEL_AKSI`; an unmapped table needs admin). With a
    unit-limited right, every employee touched must belong to a unit in scope (or to none yet),
    and every unit written (``unit_id`` of a history row) must be in scope.
    """
    if not isinstance(actor, Sesi):
        return
    conn = db.conn
    aktif, hak = load_hak(conn, actor.akun_id)
    own_unit = pegawai_unit(conn, actor.pegawai_id) if actor.pegawai_id else None
    scopes: dict[str, frozenset[str] | None] = {}
    pegawai_done: set[tuple[str, str]] = set()
    for op in ops:
        table, row_id, fields = str(op[0]), str(op[1]), dict(op[2])
        aksi = aksi_tabel(table, fields) or f"tabel.{table}"
        if not aktif:
            require(db, actor, aksi)  # refuses with the "not active" message
        if aksi not in scopes:
            scopes[aksi] = cakupan(hak, aksi, pegawai_unit=own_unit)
        scope = scopes[aksi]
        if scope is None:
            require(db, actor, aksi, unit_id=fields.get("unit_id"))  # refuses, audited
            continue
        if SEMUA in scope:
            continue
        unit = fields.get("unit_id")
        if unit and not in_scope(conn, scope, str(unit)):
            require(db, actor, aksi, unit_id=str(unit))
        pid = row_id if table == "pegawai" else fields.get("pegawai_id")
        if pid is None and table.startswith("riwayat_"):
            row = conn.execute(f"SELECT pegawai_id FROM {table} WHERE id = ?", (row_id,)).fetchone()
            pid = row[0] if row else None
        if pid is not None and (aksi, str(pid)) not in pegawai_done:
            pegawai_done.add((aksi, str(pid)))
            current = pegawai_unit(conn, str(pid))
            if current is not None and not in_scope(conn, scope, current):
                require(db, actor, aksi, pegawai_id=str(pid))
        if table in ("unit_organisasi", "jabatan") and not unit:
            require(db, actor, aksi)  # organisation rights are whole-agency only


# -- reads: the scope applied in SQL ----------------------------------------------------------


def read_unit(db: Database, actor: str, aksi: str, unit_id: str | None = None) -> str | None:
    """Check a read of ``aksi`` (audited refusal) and return the unit it is limited to.

    ``unit_id``: the unit asked for (None: the whole agency). An actor whose right reaches
    only some units reads only those: asked for a unit outside them, refused; asked for the
    whole agency, the read is limited to their one unit (with several units: refused, pick
    one). Callers pass the unit returned to their SQL (a unit and its sub-units), so that the
    rows a reader gets are only those of the scope. None: the whole agency.
    """
    if not isinstance(actor, Sesi):
        return unit_id
    if unit_id is not None:
        require(db, actor, aksi, unit_id=unit_id)
        return unit_id
    roots = read_roots(db, actor, aksi)
    if roots is None:
        return None
    if len(roots) == 1:
        return next(iter(roots))
    require(db, actor, aksi, unit_id=None)  # refuses: "pick your unit first"
    return None  # pragma: no cover - require refused


def read_roots(db: Database, actor: str, aksi: str) -> frozenset[str] | None:
    """Check ``aksi`` (audited refusal when the actor has it nowhere) and return the root units
    it reaches (None: the whole agency). A reader's SQL keeps only employees in these units
    and their sub-units (:func:`units_under`)."""
    if not isinstance(actor, Sesi):
        return None
    conn = db.conn
    aktif, hak = load_hak(conn, actor.akun_id)
    own_unit = pegawai_unit(conn, actor.pegawai_id) if actor.pegawai_id else None
    scope = cakupan(hak, aksi, pegawai_unit=own_unit) if aktif else None
    if scope is None:
        require(db, actor, aksi)  # refuses (not active, or no right), audited
        raise AssertionError("unreachable")  # pragma: no cover
    if SEMUA in scope:
        return None
    return scope


def units_under(conn: sqlite3.Connection, roots: Iterable[str]) -> list[str]:
    """The units ``roots`` and every unit below them (for ``unit_id IN (...)`` in SQL)."""
    roots = sorted(set(roots))
    if not roots:
        return []
    marks = ", ".join("?" for _ in roots)
    rows = conn.execute(
        "WITH RECURSIVE t(id) AS ("
        f" SELECT id FROM unit_organisasi WHERE id IN ({marks})"
        " UNION SELECT u.id FROM unit_organisasi u JOIN t ON u.induk_id = t.id"
        ") SELECT id FROM t ORDER BY id",
        roots,
    ).fetchall()
    return sorted({r[0] for r in rows} | set(roots))


def record_access(
    db: Database,
    actor: str,
    judul: str,
    *,
    tabel: str | None = None,
    record_id: str | None = None,
    keterangan: str | None = None,
) -> None:
    """Audit a sensitive read or an administrative action that changes no replicated row
    (a backup, a restore, a peer added, the installation renamed): who, what, on what."""
    from app.models.access import audit  # lazy: not at start-up

    audit.record_read(
        db, judul, actor=str(actor), tabel=tabel, record_id=record_id, keterangan=keterangan
    )


# -- reading the audit trail ------------------------------------------------------------------


def search_audit(
    db: Database, actor: str, flt: audit.AuditFilter, *, limit: int
) -> list[audit.AuditEntry]:
    """The entries matching ``flt`` (newest first, at most ``limit``) for a reader with
    ``audit.baca``; refused (audited) otherwise. The read is audited."""
    from app.models.access import audit  # lazy: not at start-up

    require(db, actor, "audit.baca")
    entries = audit.search(db.conn, flt, limit=limit)
    record_access(
        db,
        actor,
        tr("Membaca jejak audit"),
        keterangan=tr("{n} entri; {filter}", n=len(entries), filter=audit.describe_filter(flt)),
    )
    return entries


def audit_numbers(db: Database, actor: str, flt: audit.AuditFilter) -> list[int]:
    """The numbers of the entries matching ``flt`` (the audit screen pages through them with
    :func:`app.models.access.audit.fetch_entries`); refused (audited) without ``audit.baca``.
    The screen audits its opening once, not every search typed."""
    from app.models.access import audit  # lazy: not at start-up

    require(db, actor, "audit.baca")
    return audit.search_numbers(db.conn, flt)


def verify_audit(db: Database, actor: str) -> audit_periksa.TrailCheck:
    """Check the audit trail as a whole (:func:`app.models.access.audit_periksa.check_trail`;
    ``audit.baca``; refused and audited otherwise). The check is audited with its result."""
    from app.models.access import audit_periksa  # lazy: not at start-up

    require(db, actor, "audit.baca")
    result = audit_periksa.check_trail(db.conn)
    record_access(db, actor, tr("Memeriksa jejak audit"), keterangan=result.message)
    return result
