"""Local accounts of this installation: passwords, signing in, lockout, roles.

Accounts live in ``lokal_akun`` and ``lokal_akun_peran`` (migration 5): local tables that are
never replicated, so a password hash, a lockout or the last sign-in never leaves the machine
where it was set. The write path (:mod:`app.models.storage.store`) is not used for them (it is for
replicated data); each change still leaves an audit entry.

* Passwords are hashed with Argon2id (argon2-cffi's ``PasswordHasher``, RFC 9106 parameters),
  at least :data:`PANJANG_MINIMAL` characters.
* After :data:`BATAS_GAGAL` failed sign-ins in a row, the account is locked for
  :data:`JEDA_AWAL` seconds, doubling with each further failure up to :data:`JEDA_MAKSIMAL`.
  The lock is stored with the account and survives a restart. ``clock`` is injectable.
* The first account of an installation is an admin (:func:`create_admin_pertama`).
* Managing accounts needs the right ``akun.kelola`` (:mod:`app.models.access.akses`); a plain string
  actor is the trusted local system (first run, the command line before any account exists).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import EllipsisType

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.i18n import tr
from app.models.access import audit, audit_periksa
from app.models.access.akses import Hak, Peran, Sesi, load_hak, require
from app.models.errors import AccessDenied, NotFoundError, ValidationError
from app.models.storage.db import Database, utc_now
from app.models.storage.faults import translated_errors

PANJANG_MINIMAL = 10
BATAS_GAGAL = 5  # failures in a row before the first lock
JEDA_AWAL = 30.0  # seconds of the first lock
JEDA_MAKSIMAL = 3600.0  # the lock never grows beyond an hour

NAMA_PENGGUNA = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")

# argon2-cffi's defaults are RFC 9106's low-memory profile (Argon2id, t=3, m=64 MiB, p=4).
# Tests may replace it with cheaper parameters; the type stays Argon2id.
hasher = PasswordHasher()


class AkunTerkunci(AccessDenied):
    """Signing in is refused for a while after repeated failures."""

    def __init__(self, message: str, *, detik: int) -> None:
        super().__init__(message)
        self.detik = detik


@dataclass(frozen=True)
class Akun:
    """An account as the screens show it (never with its hash)."""

    id: int
    nama_pengguna: str
    nama_lengkap: str
    pegawai_id: str | None
    aktif: bool
    hak: tuple[Hak, ...]
    masuk_terakhir: str | None
    terkunci_sampai: float | None
    pegawai_nip: str | None = None

    @property
    def peran(self) -> tuple[Peran, ...]:
        return tuple(dict.fromkeys(h.peran for h in self.hak))


# -- rules ------------------------------------------------------------------------------------


def check_sandi(sandi: str, nama_pengguna: str | None = None) -> None:
    """Raise ValidationError (field ``sandi``) when the password is not acceptable."""
    if len(sandi) < PANJANG_MINIMAL:
        raise ValidationError(
            tr(
                "Kata sandi terlalu pendek: paling sedikit {n} karakter (sekarang {k}). "
                "Pakai kalimat pendek yang mudah Anda ingat.",
                n=PANJANG_MINIMAL,
                k=len(sandi),
            ),
            field="sandi",
        )
    if sandi.strip() != sandi or not sandi.strip():
        raise ValidationError(
            tr("Kata sandi tidak boleh diawali atau diakhiri spasi."), field="sandi"
        )
    # A short username (3 letters) may well occur inside a sentence by chance.
    if nama_pengguna and len(nama_pengguna) >= 4 and nama_pengguna.casefold() in sandi.casefold():
        raise ValidationError(tr("Kata sandi tidak boleh memuat nama pengguna."), field="sandi")


def normalise_nama_pengguna(text: str) -> str:
    """Lower-case, trimmed username; ValidationError (field ``nama_pengguna``) when not valid."""
    name = text.strip().lower()
    if not NAMA_PENGGUNA.match(name):
        raise ValidationError(
            tr(
                "Nama pengguna '{u}' tidak sah: 3 sampai 32 huruf kecil, angka, titik, garis "
                "bawah atau tanda hubung, diawali huruf atau angka.",
                u=text,
            ),
            field="nama_pengguna",
        )
    return name


def jeda_kunci(gagal: int) -> float:
    """Seconds of lock after ``gagal`` failures in a row (0 below the threshold)."""
    if gagal < BATAS_GAGAL:
        return 0.0
    return float(min(JEDA_AWAL * 2 ** (gagal - BATAS_GAGAL), JEDA_MAKSIMAL))


def hash_sandi(sandi: str) -> str:
    return hasher.hash(sandi)


def _normal_hak(hak: Iterable[Hak | Peran | str]) -> tuple[Hak, ...]:
    out: dict[tuple[Peran, str], Hak] = {}
    for h in hak:
        item = h if isinstance(h, Hak) else Hak(Peran(h))
        out[(item.peran, item.unit_id or "")] = Hak(item.peran, item.unit_id or "")
    whole = {p for p, u in out if not u}
    # A role given for the whole agency makes the same role for single units redundant.
    return tuple(
        sorted(
            (h for (p, u), h in out.items() if not u or p not in whole),
            key=lambda h: (h.peran.value, h.unit_id),
        )
    )


# -- reading ----------------------------------------------------------------------------------


def ada_akun(db: Database) -> bool:
    """Whether this installation has accounts (then signing in is required)."""
    return db.conn.execute("SELECT 1 FROM lokal_akun LIMIT 1").fetchone() is not None


def _akun(conn: sqlite3.Connection, row: sqlite3.Row) -> Akun:
    _, hak = load_hak(conn, int(row["id"]))
    nip = None
    if row["pegawai_id"]:
        found = conn.execute(
            "SELECT nip FROM pegawai WHERE id = ?", (row["pegawai_id"],)
        ).fetchone()
        nip = found[0] if found else None
    return Akun(
        id=int(row["id"]),
        nama_pengguna=row["nama_pengguna"],
        nama_lengkap=row["nama_lengkap"],
        pegawai_id=row["pegawai_id"],
        aktif=bool(row["aktif"]),
        hak=hak,
        masuk_terakhir=row["masuk_terakhir"],
        terkunci_sampai=row["kunci_sampai"],
        pegawai_nip=nip,
    )


_COLUMNS = "id, nama_pengguna, nama_lengkap, pegawai_id, aktif, masuk_terakhir, kunci_sampai"


def list_akun(db: Database, *, actor: str = "sistem") -> list[Akun]:
    """Every account of this installation (``actor`` needs ``akun.kelola``)."""
    require(db, actor, "akun.kelola")
    conn = db.conn
    rows = conn.execute(f"SELECT {_COLUMNS} FROM lokal_akun ORDER BY nama_pengguna").fetchall()
    return [_akun(conn, r) for r in rows]


def get_akun(db: Database, key: int | str) -> Akun:
    """An account by id or username. Raises NotFoundError."""
    conn = db.conn
    if isinstance(key, int):
        row = conn.execute(f"SELECT {_COLUMNS} FROM lokal_akun WHERE id = ?", (key,)).fetchone()
    else:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM lokal_akun WHERE nama_pengguna = ?", (key.strip(),)
        ).fetchone()
    if row is None:
        raise NotFoundError(tr("Akun '{u}' tidak ada.", u=key))
    return _akun(conn, row)


# -- changes ----------------------------------------------------------------------------------


def _audit(db: Database, actor: str, aksi: str, akun: str, keterangan: str | None = None) -> None:
    audit.record_read(
        db, aksi, actor=str(actor), tabel="lokal_akun", record_id=akun, keterangan=keterangan
    )


def _check_pegawai(conn: sqlite3.Connection, pegawai_id: str | None) -> None:
    if (
        pegawai_id
        and not conn.execute(
            "SELECT 1 FROM pegawai WHERE id = ? AND deleted = 0", (pegawai_id,)
        ).fetchone()
    ):
        raise ValidationError(
            tr("Pegawai yang ditautkan ke akun tidak ditemukan."), field="pegawai_id"
        )


def _check_units(conn: sqlite3.Connection, hak: Iterable[Hak]) -> None:
    for h in hak:
        if (
            h.unit_id
            and not conn.execute(
                "SELECT 1 FROM unit_organisasi WHERE id = ? AND deleted = 0", (h.unit_id,)
            ).fetchone()
        ):
            raise ValidationError(
                tr("Unit {u} untuk peran {p} tidak ditemukan.", u=h.unit_id, p=h.peran.label),
                field="peran",
            )


def _write_hak(conn: sqlite3.Connection, akun_id: int, hak: tuple[Hak, ...]) -> None:
    conn.execute("DELETE FROM lokal_akun_peran WHERE akun_id = ?", (akun_id,))
    conn.executemany(
        "INSERT INTO lokal_akun_peran (akun_id, peran, unit_id) VALUES (?, ?, ?)",
        [(akun_id, h.peran.value, h.unit_id) for h in hak],
    )


def _active_admins(conn: sqlite3.Connection, besides: int | None = None) -> int:
    row = conn.execute(
        "SELECT count(DISTINCT a.id) FROM lokal_akun a JOIN lokal_akun_peran p "
        "ON p.akun_id = a.id WHERE a.aktif = 1 AND p.peran = 'admin' AND a.id IS NOT ?",
        (besides,),
    ).fetchone()
    return int(row[0])


def _hak_text(hak: Iterable[Hak]) -> str:
    return ", ".join(h.peran.value + (f"@{h.unit_id}" if h.unit_id else "") for h in hak)


def create_akun(
    db: Database,
    nama_pengguna: str,
    nama_lengkap: str,
    sandi: str,
    hak: Iterable[Hak | Peran | str],
    *,
    actor: str,
    pegawai_id: str | None = None,
) -> int:
    """Create an account. Needs ``akun.kelola``; the first account must be an admin."""
    require(db, actor, "akun.kelola")
    name = normalise_nama_pengguna(nama_pengguna)
    full = " ".join(nama_lengkap.split())
    if not full:
        raise ValidationError(tr("Nama lengkap wajib diisi."), field="nama_lengkap")
    check_sandi(sandi, name)
    roles = _normal_hak(hak)
    if not roles:
        raise ValidationError(tr("Pilih paling sedikit satu peran."), field="peran")
    conn = db.conn
    if not ada_akun(db) and Peran.ADMIN not in {h.peran for h in roles}:
        raise ValidationError(
            tr("Akun pertama harus admin, supaya ada yang dapat mengelola akun lain."),
            field="peran",
        )
    _check_pegawai(conn, pegawai_id)
    _check_units(conn, roles)
    digest = hash_sandi(sandi)  # slow on purpose: outside the write lock
    now = utc_now()
    with translated_errors(db.path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM lokal_akun WHERE nama_pengguna = ?", (name,)).fetchone():
                raise ValidationError(
                    tr("Nama pengguna '{u}' sudah dipakai.", u=name), field="nama_pengguna"
                )
            cur = conn.execute(
                "INSERT INTO lokal_akun (nama_pengguna, nama_lengkap, pegawai_id, hash_sandi, "
                "sandi_diubah, dibuat) VALUES (?, ?, ?, ?, ?, ?)",
                (name, full, pegawai_id, digest, now, now),
            )
            akun_id = int(cur.lastrowid or 0)
            _write_hak(conn, akun_id, roles)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    _audit(db, actor, tr("Menambah akun"), name, _hak_text(roles))
    return akun_id


def create_admin_pertama(db: Database, nama_pengguna: str, nama_lengkap: str, sandi: str) -> Sesi:
    """First run: create the admin account and return it signed in. Only when none exists."""
    if ada_akun(db):
        raise AccessDenied(tr("Admin pertama sudah dibuat. Masuk dengan akun yang ada."))
    # As before a sign-in: a trail cut on a file whose accounts were deleted is recorded before
    # the new account's entry chains over it.
    audit_periksa.check_before_sign_in(db, actor="pemasangan")
    create_akun(db, nama_pengguna, nama_lengkap, sandi, [Peran.ADMIN], actor="pemasangan")
    return sesi_untuk(db, normalise_nama_pengguna(nama_pengguna))


def update_akun(
    db: Database,
    akun_id: int,
    *,
    actor: str,
    nama_lengkap: str | None = None,
    pegawai_id: str | EllipsisType | None = ...,
    hak: Iterable[Hak | Peran | str] | None = None,
    aktif: bool | None = None,
) -> None:
    """Change an account's name, linked employee, roles or active flag (``akun.kelola``).

    The last active admin can neither lose the admin role nor be deactivated.
    """
    require(db, actor, "akun.kelola")
    current = get_akun(db, akun_id)
    conn = db.conn
    sets: dict[str, object] = {}
    if nama_lengkap is not None:
        full = " ".join(nama_lengkap.split())
        if not full:
            raise ValidationError(tr("Nama lengkap wajib diisi."), field="nama_lengkap")
        sets["nama_lengkap"] = full
    if pegawai_id is not ...:
        pid = pegawai_id if isinstance(pegawai_id, str) and pegawai_id else None
        _check_pegawai(conn, pid)
        sets["pegawai_id"] = pid
    if aktif is not None:
        sets["aktif"] = 1 if aktif else 0
    roles = _normal_hak(hak) if hak is not None else None
    if roles is not None:
        if not roles:
            raise ValidationError(tr("Pilih paling sedikit satu peran."), field="peran")
        _check_units(conn, roles)
    loses_admin = (roles is not None and Peran.ADMIN not in {h.peran for h in roles}) or (
        aktif is False
    )
    with translated_errors(db.path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if (
                loses_admin
                and Peran.ADMIN in current.peran
                and current.aktif
                and _active_admins(conn, besides=akun_id) == 0
            ):
                raise ValidationError(
                    tr(
                        "Akun {u} adalah satu-satunya admin yang aktif. Jadikan akun lain admin "
                        "dulu.",
                        u=current.nama_pengguna,
                    ),
                    field="peran",
                )
            if sets:
                conn.execute(
                    f"UPDATE lokal_akun SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                    [*sets.values(), akun_id],
                )
            if roles is not None:
                _write_hak(conn, akun_id, roles)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    what = [k for k in sets] + (["peran: " + _hak_text(roles)] if roles is not None else [])
    _audit(db, actor, tr("Mengubah akun"), current.nama_pengguna, "; ".join(what))


def _set_hash(db: Database, akun_id: int, digest: str) -> None:
    with translated_errors(db.path):
        db.conn.execute(
            "UPDATE lokal_akun SET hash_sandi = ?, sandi_diubah = ?, gagal = 0, "
            "kunci_sampai = NULL WHERE id = ?",
            (digest, utc_now(), akun_id),
        )


def ganti_sandi(db: Database, sesi: Sesi, lama: str, baru: str) -> None:
    """The signed-in user changes their own password (the old one is required)."""
    row = db.conn.execute(
        "SELECT hash_sandi FROM lokal_akun WHERE id = ?", (sesi.akun_id,)
    ).fetchone()
    if row is None or not _verify(row[0], lama):
        _audit(db, sesi, tr("Gagal mengganti kata sandi"), sesi.nama_pengguna)
        raise ValidationError(tr("Kata sandi lama salah."), field="sandi_lama")
    check_sandi(baru, sesi.nama_pengguna)
    if baru == lama:
        raise ValidationError(tr("Kata sandi baru harus berbeda dari yang lama."), field="sandi")
    _set_hash(db, sesi.akun_id, hash_sandi(baru))
    _audit(db, sesi, tr("Mengganti kata sandi"), sesi.nama_pengguna)


def setel_ulang_sandi(db: Database, akun_id: int, baru: str, *, actor: str) -> None:
    """An admin sets a new password for another account (also lifts its lock)."""
    require(db, actor, "akun.kelola")
    akun = get_akun(db, akun_id)
    check_sandi(baru, akun.nama_pengguna)
    _set_hash(db, akun_id, hash_sandi(baru))
    _audit(db, actor, tr("Menyetel ulang kata sandi"), akun.nama_pengguna)


# -- signing in -------------------------------------------------------------------------------


def _verify(digest: str, sandi: str) -> bool:
    try:
        return bool(hasher.verify(digest, sandi))
    except (VerificationError, InvalidHashError):
        return False


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hasher.hash("bukan-kata-sandi-siapa-pun"))
    return _DUMMY[0]


def sesi_untuk(db: Database, nama_pengguna: str) -> Sesi:
    """The session of an account (no password check: for the first run and for tests)."""
    akun = get_akun(db, nama_pengguna)
    return Sesi(akun.id, akun.nama_pengguna, akun.nama_lengkap, akun.pegawai_id, akun.hak)


def _menit(detik: float) -> str:
    n = max(1, int(detik + 0.999))
    if n < 120:
        return tr("{n} detik", n=n)
    return tr("{n} menit", n=(n + 59) // 60)


@dataclass(frozen=True)
class Masuk:
    """A sign-in: the session and the check of the audit trail made before its entry."""

    sesi: Sesi
    jejak: audit_periksa.TrailCheck


def masuk(
    db: Database, nama_pengguna: str, sandi: str, *, clock: Callable[[], float] = time.time
) -> Sesi:
    """Sign in. Returns the session, or raises AccessDenied / :class:`AkunTerkunci`.

    A wrong username and a wrong password give the same message. The lock is checked before
    the password, so that guessing during a lock gains nothing. The screens and the command
    line call :func:`masuk_diperiksa` to show the check of the audit trail as well.
    """
    return masuk_diperiksa(db, nama_pengguna, sandi, clock=clock).sesi


def masuk_diperiksa(
    db: Database, nama_pengguna: str, sandi: str, *, clock: Callable[[], float] = time.time
) -> Masuk:
    """:func:`masuk`, with the quick check of the audit trail run after the password was
    accepted and BEFORE the sign-in entry is appended
    (:func:`~app.models.access.audit_periksa.check_before_sign_in`): a trail cut short is
    recorded as its own entry instead of being chained over. A failed check never refuses the
    sign-in; the caller shows it."""
    conn = db.conn
    name = nama_pengguna.strip()
    row = conn.execute(
        "SELECT id, nama_pengguna, hash_sandi, aktif, gagal, kunci_sampai FROM lokal_akun "
        "WHERE nama_pengguna = ?",
        (name,),
    ).fetchone()
    wrong = tr("Nama pengguna atau kata sandi salah.")
    if row is None:
        _verify(_dummy_hash(), sandi)  # the same time as for a real account
        _audit(db, f"?{name[:40]}", tr("Gagal masuk"), name[:40], tr("akun tidak ada"))
        raise AccessDenied(wrong)
    now = clock()
    locked_until = row["kunci_sampai"]
    if locked_until is not None and locked_until > now:
        wait = locked_until - now
        raise AkunTerkunci(
            tr(
                "Terlalu banyak percobaan yang salah. Akun {u} dikunci; coba lagi dalam "
                "{waktu}, atau minta admin menyetel ulang kata sandinya.",
                u=row["nama_pengguna"],
                waktu=_menit(wait),
            ),
            detik=int(wait + 0.999),
        )
    if not _verify(row["hash_sandi"], sandi):
        gagal = int(row["gagal"]) + 1
        delay = jeda_kunci(gagal)
        with translated_errors(db.path):
            conn.execute(
                "UPDATE lokal_akun SET gagal = ?, kunci_sampai = ? WHERE id = ?",
                (gagal, now + delay if delay else None, row["id"]),
            )
        _audit(
            db,
            row["nama_pengguna"],
            tr("Gagal masuk"),
            row["nama_pengguna"],
            tr("percobaan salah ke-{n}", n=gagal),
        )
        if delay:
            raise AkunTerkunci(
                wrong
                + " "
                + tr(
                    "Akun dikunci selama {waktu} karena {n} kali salah berturut-turut.",
                    waktu=_menit(delay),
                    n=gagal,
                ),
                detik=int(delay),
            )
        left = BATAS_GAGAL - gagal
        raise AccessDenied(
            wrong
            + (" " + tr("Sisa {n} percobaan sebelum akun dikunci.", n=left) if left <= 2 else "")
        )
    if not row["aktif"]:
        raise AccessDenied(
            tr("Akun {u} sudah dinonaktifkan. Hubungi admin.", u=row["nama_pengguna"])
        )
    update = "gagal = 0, kunci_sampai = NULL, masuk_terakhir = ?"
    params: list[object] = [utc_now()]
    if hasher.check_needs_rehash(row["hash_sandi"]):
        update += ", hash_sandi = ?"
        params.append(hasher.hash(sandi))
    with translated_errors(db.path):
        conn.execute(f"UPDATE lokal_akun SET {update} WHERE id = ?", [*params, row["id"]])
    sesi = sesi_untuk(db, row["nama_pengguna"])
    jejak = audit_periksa.check_before_sign_in(db, actor=str(sesi))
    _audit(db, sesi, tr("Masuk"), sesi.nama_pengguna)
    return Masuk(sesi, jejak)


def keluar(db: Database, sesi: Sesi) -> None:
    """Sign out (recorded in the audit trail)."""
    _audit(db, sesi, tr("Keluar"), sesi.nama_pengguna)
