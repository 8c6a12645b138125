"""The talent pool's successors as a suggestion for an open selection (issue 15 item 7).

When the secretariat builds the candidate list of a selection for a key post, the ranked
successors of that post (:func:`app.models.kompetensi.suksesi.list_calon`) are shown beside it:
rank, readiness (now / 1-2 years / later) and 9-box. The secretariat may add any of them as
applicants in one action (:func:`tambah_dari_talenta`). It is a suggestion, never a filter: the
applicants registered otherwise stay on the list, the ones added from the pool go through the
same screening, and each is marked ``dari_talenta`` with what the pool said when they were
added, so that the committee sees where they came from (PermenPANRB 3/2020 asks the selection
to draw on the talent pool, openly).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.i18n import tr
from app.models.access.akses import require
from app.models.errors import ValidationError
from app.models.kompetensi.suksesi import Calon, list_calon
from app.models.seleksi.pelamar import _next_nomor
from app.models.seleksi.seleksi import get_seleksi
from app.models.storage.db import Database
from app.models.storage.store import Store


@dataclass(frozen=True)
class SaranCalon:
    calon: Calon
    nomor_pelamar: int | None  # already registered in this selection: their number


@dataclass(frozen=True)
class SaranTalenta:
    seleksi_id: str
    jabatan_id: str | None
    nama_jabatan: str
    calon: tuple[SaranCalon, ...]
    alasan_kosong: str | None  # why there is no suggestion (None when there is one)


def saran_talenta(db: Database, seleksi_id: str, *, actor: Any) -> SaranTalenta:
    """The successors of the selection's post, ranked, each saying whether already registered.

    Needs ``seleksi.kelola`` (the secretariat builds the candidate list)."""
    require(db, actor, "seleksi.kelola")
    conn = db.conn
    info = get_seleksi(conn, seleksi_id)
    if not info.jabatan_id:
        return SaranTalenta(
            seleksi_id,
            None,
            info.nama_jabatan,
            (),
            tr(
                "Seleksi ini tidak terhubung ke jabatan dalam data organisasi, sehingga "
                "talent pool tidak dapat menyarankan calon."
            ),
        )
    registered = {
        str(r[0]): int(r[1])
        for r in conn.execute(
            "SELECT pegawai_id, nomor FROM seleksi_pelamar WHERE seleksi_id = ? AND deleted = 0 "
            "AND pegawai_id IS NOT NULL",
            (seleksi_id,),
        )
    }
    calon = list_calon(conn, info.jabatan_id)
    has_standard = conn.execute(
        "SELECT 1 FROM kompetensi_standar WHERE jabatan_id = ? AND deleted = 0 LIMIT 1",
        (info.jabatan_id,),
    ).fetchone()
    alasan = None
    if not calon:
        alasan = (
            tr(
                "Jabatan {j} belum memiliki standar kompetensi; talent pool belum dapat "
                "menyarankan calon.",
                j=info.nama_jabatan,
            )
            if has_standard is None
            else tr(
                "Belum ada pegawai di kelompok suksesi (kotak 7, 8, 9) yang memenuhi untuk "
                "jabatan {j}.",
                j=info.nama_jabatan,
            )
        )
    return SaranTalenta(
        seleksi_id,
        info.jabatan_id,
        info.nama_jabatan,
        tuple(SaranCalon(c, registered.get(c.pegawai_id)) for c in calon),
        alasan,
    )


def tambah_dari_talenta(
    db: Database, seleksi_id: str, pegawai_ids: Sequence[str], *, actor: Any
) -> list[str]:
    """Register suggested successors as applicants, all in one write (all or nothing).

    Each must be in the current suggestion and not registered yet; returns the applicant ids."""
    saran = saran_talenta(db, seleksi_id, actor=actor)
    if not pegawai_ids:
        raise ValidationError(
            tr("Pilih paling sedikit satu calon dari talent pool."), field="calon"
        )
    by_id = {s.calon.pegawai_id: s for s in saran.calon}
    chosen: list[SaranCalon] = []
    for pid in dict.fromkeys(pegawai_ids):
        s = by_id.get(pid)
        if s is None:
            raise ValidationError(
                tr(
                    "Pegawai {id} bukan calon yang disarankan talent pool untuk {j}.",
                    id=pid,
                    j=saran.nama_jabatan,
                ),
                field="calon",
            )
        if s.nomor_pelamar is not None:
            raise ValidationError(
                tr(
                    "{n} sudah terdaftar sebagai pelamar nomor {k}.",
                    n=s.calon.nama,
                    k=s.nomor_pelamar,
                ),
                field="calon",
            )
        chosen.append(s)
    conn = db.conn
    nomor = _next_nomor(conn, seleksi_id)
    ids: list[str] = []
    with Store(db).write(
        tr("Menambahkan {n} pelamar dari talent pool", n=len(chosen)),
        actor=actor,
        izin="seleksi.kelola",
    ) as tx:
        for i, s in enumerate(chosen):
            c = s.calon
            ids.append(
                tx.insert(
                    "seleksi_pelamar",
                    {
                        "seleksi_id": seleksi_id,
                        "nomor": nomor + i,
                        "pegawai_id": c.pegawai_id,
                        "nama": c.nama,
                        "nip": c.nip,
                        "dari_talenta": 1,
                        "talenta_peringkat": c.peringkat,
                        "talenta_kotak": c.kotak,
                        "talenta_kesiapan": c.kesiapan_nama,
                    },
                )
            )
    return ids


def saran_json(s: SaranTalenta) -> dict[str, Any]:
    """Stable JSON of ``merit seleksi saran-talenta``."""
    return {
        "seleksi_id": s.seleksi_id,
        "jabatan_id": s.jabatan_id,
        "jabatan": s.nama_jabatan,
        "alasan_kosong": s.alasan_kosong,
        "calon": [
            {
                "peringkat": x.calon.peringkat,
                "pegawai_id": x.calon.pegawai_id,
                "nip": x.calon.nip,
                "nama": x.calon.nama,
                "jabatan": x.calon.jabatan_nama,
                "unit": x.calon.unit_nama,
                "kotak": x.calon.kotak,
                "jpm": x.calon.jpm,
                "kekurangan": x.calon.kekurangan,
                "kesiapan": x.calon.kesiapan,
                "kesiapan_nama": x.calon.kesiapan_nama,
                "catatan": list(x.calon.catatan),
                "terdaftar": x.nomor_pelamar is not None,
                "nomor_pelamar": x.nomor_pelamar,
            }
            for x in s.calon
        ],
    }
