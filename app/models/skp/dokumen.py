"""The data of the Dokumen Evaluasi Kinerja Pegawai of one SKP (PermenPANRB 6/2022 Lampiran),
which :mod:`app.reports.pdf.skp` lays out."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from app.i18n import tanggal, tr
from app.models.reference.loader import Referensi
from app.models.rules.nip import format_nip
from app.models.rules.skp import status_label
from app.models.skp.read import get_skp
from app.models.skp.types import DokumenEvaluasi, Orang, Skp
from app.models.storage.instansi import get_setting


def dokumen_evaluasi(
    conn: sqlite3.Connection, skp_id: str, *, today: date | None = None
) -> DokumenEvaluasi:
    """The data of the evaluation document of one SKP."""
    ref = Referensi.load(conn)
    skp = get_skp(conn, skp_id, ref)
    when = date.fromisoformat(skp.ditetapkan[:10]) if skp.ditetapkan else (today or date.today())
    return DokumenEvaluasi(
        # The employee's perangkat daerah heads the form, not the agency running Merit (BKPSDM).
        instansi=_perangkat_daerah(conn, skp.pegawai.pegawai_id)
        or get_setting(conn, "nama_instansi")
        or "",
        pemerintah=get_setting(conn, "nama_pemerintah") or "",
        tahun=skp.tahun,
        periode=tr(
            "{a} s.d. {b}", a=tanggal(date(skp.tahun, 1, 1)), b=tanggal(date(skp.tahun, 12, 31))
        ),
        pegawai=replace(skp.pegawai, nip=format_nip(skp.pegawai.nip)),
        penilai=_nip_cetak(skp.penilai),
        atasan_penilai=_nip_cetak(skp.atasan_penilai),
        hasil_kerja=skp.hasil_kerja,
        perilaku=skp.perilaku,
        rating_hasil=ref.label("ref_rating", skp.rating_hasil),
        rating_perilaku=ref.label("ref_rating", skp.rating_perilaku),
        predikat=ref.label("ref_predikat", skp.predikat_kode),
        catatan=skp.catatan_penilai,
        status=status_label(skp.status),
        tempat=get_setting(conn, "ibu_kota") or "",
        tanggal=tanggal(when),
        keberatan=_keberatan(skp, ref),
    )


def _perangkat_daerah(conn: sqlite3.Connection, pegawai_id: str) -> str | None:
    """The name of the perangkat daerah (OPD) the employee belongs to."""
    row = conn.execute(
        "SELECT opd_nama FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai_id,)
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def _nip_cetak(person: Orang | None) -> Orang | None:
    """The person with the NIP grouped 8-6-1-3, as printed."""
    return None if person is None else replace(person, nip=format_nip(person.nip))


def _keberatan(skp: Skp, ref: Referensi) -> tuple[str, ...]:
    k = skp.keberatan
    if k is None:
        return ()
    lines = [
        tr("Keberatan pegawai ({t}): {a}", t=tanggal(k.tanggal), a=k.alasan),
    ]
    if k.putusan:
        lines.append(
            tr(
                "Putusan atasan pejabat penilai ({t}, final): penilaian {p}, predikat {pr}. "
                "Alasan: {a}",
                t=tanggal(k.tanggal_putusan),
                p=tr("diubah") if k.putusan == "UBAH" else tr("tetap"),
                pr=ref.label("ref_predikat", k.predikat_akhir),
                a=k.alasan_putusan,
            )
        )
    else:
        lines.append(tr("Keberatan menunggu putusan atasan pejabat penilai."))
    return tuple(lines)
