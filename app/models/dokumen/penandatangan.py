"""The agency's signatories and how decree templates refer to them.

The agency settings (:mod:`app.models.storage.instansi`) hold one person per role
(:data:`~app.models.storage.instansi.PERAN`): from the registry by NIP (``sumber`` PEGAWAI: name,
pangkat and NIP are read from the employee's record when the decree is issued, so a promotion
shows) or typed (LUAR, the NIP checked). A template whose signatory (or pengesah) name is empty
uses the agency's person for the role its jabatan names (:func:`role_for`); a name typed in the
template wins. :func:`apply_settings` gives the template as it will be filled.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.i18n import tr
from app.models.dokumen.templat import Templat
from app.models.errors import NotFoundError, ValidationError
from app.models.pegawai.read import get_employee
from app.models.reference.loader import Referensi
from app.models.storage import instansi
from app.models.storage.db import Database
from app.models.storage.store import Store


@dataclass(frozen=True)
class Pejabat:
    """A signatory as printed."""

    peran: str
    nama: str
    pangkat: str = ""
    nip: str = ""
    jabatan: str = ""
    varian: str = ""
    sumber: str = "LUAR"


def role_for(jabatan: str) -> str | None:
    """The role (key of :data:`~app.models.storage.instansi.PERAN`) a template's signatory
    jabatan names: ``{kepala_daerah}``/BUPATI/WALI KOTA/GUBERNUR, SEKRETARIS DAERAH, another
    SEKRETARIS (of the agency), or KEPALA (of the agency); None when it names none."""
    j = " ".join(jabatan.upper().split())
    if not j:
        return None
    if "{KEPALA_DAERAH}" in j or j.startswith(("BUPATI", "WALI KOTA", "WALIKOTA", "GUBERNUR")):
        return "kepala_daerah"
    if "SEKRETARIS DAERAH" in j:
        return "sekda"
    if j.startswith("SEKRETARIS"):
        return "sekretaris_bkpsdm"
    if j.startswith(("KEPALA", "{KEPALA_INSTANSI}")):
        return "kepala_bkpsdm"
    return None


def _ref(conn: sqlite3.Connection, ref: Referensi | None) -> Referensi:
    return ref or Referensi.load(conn)


def get_pejabat(
    conn: sqlite3.Connection,
    peran: str,
    *,
    settings: dict[str, str] | None = None,
    today: date | None = None,
    ref: Referensi | None = None,
) -> Pejabat | None:
    """The agency's person for ``peran`` (None when not set). A registry person whose NIP is
    no longer found is refused naming the setting."""
    s = settings if settings is not None else instansi.read_settings(conn)
    nip = s.get(f"{peran}.nip", "")
    sumber = s.get(f"{peran}.sumber", "") or (
        "PEGAWAI" if nip and not s.get(f"{peran}.nama") else "LUAR"
    )
    jabatan = s.get(f"{peran}.jabatan", "")
    varian = s.get(f"{peran}.varian", "")
    if sumber == "PEGAWAI" and nip:
        try:
            record = get_employee(conn, nip, today=today, ref=_ref(conn, ref))
        except NotFoundError:
            raise ValidationError(
                tr(
                    "Pengaturan {key}: pegawai dengan NIP {nip} tidak ada di data pegawai. "
                    "Perbaiki di Instansi atau pilih sumber LUAR.",
                    key=f"{peran}.nip",
                    nip=nip,
                ),
                field=f"{peran}.nip",
            ) from None
        data = record.data
        gol = data.get("golongan")
        pangkat = _ref(conn, ref).golongan_label(gol) if gol else ""
        return Pejabat(
            peran, str(data["nama_lengkap"]), pangkat, str(data["nip"]), jabatan, varian, "PEGAWAI"
        )
    nama = s.get(f"{peran}.nama", "")
    if not nama:
        return None
    return Pejabat(peran, nama, s.get(f"{peran}.pangkat", ""), nip, jabatan, varian, "LUAR")


def find_holder(conn: sqlite3.Connection, jabatan: str) -> str | None:
    """The NIP of the active employee holding the position named exactly ``jabatan`` (the
    first by NIP when several do), or None."""
    row = conn.execute(
        "SELECT nip FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = 'AKTIF' "
        "AND jabatan_nama = ? ORDER BY nip LIMIT 1",
        (jabatan,),
    ).fetchone()
    return str(row[0]) if row else None


def list_pejabat(
    conn: sqlite3.Connection, *, today: date | None = None
) -> dict[str, Pejabat | None]:
    settings = instansi.read_settings(conn)
    ref = Referensi.load(conn)
    return {
        peran: get_pejabat(conn, peran, settings=settings, today=today, ref=ref)
        for peran in instansi.PERAN
    }


def check_signatories(conn: sqlite3.Connection, settings: dict[str, str]) -> None:
    """Each role complete: a registry person found by NIP; a typed person with a name. The
    first problem is raised, naming the key."""
    for peran in instansi.PERAN:
        sumber = settings.get(f"{peran}.sumber", "")
        nip = settings.get(f"{peran}.nip", "")
        if sumber == "PEGAWAI":
            if not nip:
                raise ValidationError(
                    tr(
                        "Pengaturan {key}: NIP wajib diisi bila sumbernya PEGAWAI.",
                        key=f"{peran}.nip",
                    ),
                    field=f"{peran}.nip",
                )
            get_pejabat(conn, peran, settings=settings)
        elif sumber == "LUAR" and not settings.get(f"{peran}.nama"):
            raise ValidationError(
                tr("Pengaturan {key}: nama wajib diisi bila sumbernya LUAR.", key=f"{peran}.nama"),
                field=f"{peran}.nama",
            )


def save_settings(db: Database, values: dict[str, str], *, actor: str = "sistem") -> dict[str, str]:
    """Check ``values`` (each key, then the signatories as a whole with what is stored) and
    write them through the write path. Returns every setting after the change."""
    checked = instansi.check_settings(values)
    merged = {**instansi.read_settings(db.conn), **checked}
    check_signatories(db.conn, merged)
    current = instansi.read_settings(db.conn)
    changed = {k: v for k, v in checked.items() if current.get(k, "") != v}
    if changed:
        instansi.set_settings(Store(db), changed, actor=actor)
    return instansi.read_settings(db.conn)


def apply_settings(conn: sqlite3.Connection, t: Templat, *, today: date | None = None) -> Templat:
    """The template with the agency's settings where it leaves them open: the signatory and
    the pengesah (name empty: the agency's person for the role the jabatan names), and the
    paper (empty: the agency's)."""
    settings = instansi.read_settings(conn)
    changes: dict[str, Any] = {}
    ref: Referensi | None = None
    for prefix in ("ttd", "sah"):
        if getattr(t, f"{prefix}_nama").strip():
            continue
        peran = role_for(getattr(t, f"{prefix}_jabatan"))
        if peran is None:
            continue
        ref = ref or Referensi.load(conn)
        person = get_pejabat(conn, peran, settings=settings, today=today, ref=ref)
        if person is None:
            continue
        changes[f"{prefix}_nama"] = person.nama
        changes[f"{prefix}_pangkat"] = person.pangkat
        changes[f"{prefix}_nip"] = person.nip
        if not getattr(t, f"{prefix}_jabatan").strip() and person.jabatan:
            changes[f"{prefix}_jabatan"] = person.jabatan
        if prefix == "ttd" and not t.ttd_varian and person.varian:
            changes["ttd_varian"] = person.varian
    fmt = settings.get(f"format_nomor.{t.kode}", "")
    if fmt:
        changes["format_nomor"] = fmt
    if not t.ukuran_kertas:
        changes["ukuran_kertas"] = settings.get("ukuran_kertas") or "F4"
    return replace(t, **changes) if changes else t


def missing_signatory(t: Templat, prefix: str) -> str:
    """The message when neither the template nor the settings give the signatory."""
    peran = role_for(getattr(t, f"{prefix}_jabatan"))
    what = (
        tr("penandatangan") if prefix == "ttd" else tr("pejabat yang mengesahkan petikan/salinan")
    )
    if peran is None:
        return tr(
            "Templat {kode}: nama {what} belum diisi dan jabatannya tidak menunjuk penandatangan "
            "instansi. Isi di Dokumen SK > Templat.",
            kode=t.kode,
            what=what,
        )
    return tr(
        "Templat {kode}: {what} ({peran}) belum diatur. Isi di Instansi (merit instansi set "
        "{key}.nip=... atau {key}.nama=...).",
        kode=t.kode,
        what=what,
        peran=tr(instansi.PERAN[peran]),
        key=peran,
    )
