"""The documents of a selection as plain data: the berita acara of a stage and of the final
ranking, the announcement of the results, and the request for the SK Pengangkatan.

:class:`DokumenSeleksi` is laid out by :mod:`app.reports.pdf.seleksi`; the SK goes through the
decree engine (numbered, registered, verifiable) by :func:`app.jobs.seleksi.issue_sk_pengangkatan`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.i18n import tanggal, tr
from app.models.dokumen.rancangan import Permintaan
from app.models.errors import NotFoundError, ValidationError
from app.models.rules.seleksi import (
    bulat,
    teks_desimal,
)
from app.models.seleksi.panitia import LembarBelumLengkap
from app.models.seleksi.peringkat import get_peringkat
from app.models.seleksi.seleksi import PERAN_PANITIA, SeleksiInfo
from app.models.storage.instansi import get_setting


@dataclass(frozen=True)
class Penanda:
    """A signature line: name and role on the committee."""

    nama: str
    peran: str


@dataclass(frozen=True)
class DokumenSeleksi:
    instansi: str
    judul: str  # "BERITA ACARA ..." / "PENGUMUMAN ..."
    subjudul: str  # the selection and the post
    tanggal: date
    tempat: str
    paragraf: Sequence[str]
    kolom: Sequence[str]
    baris: Sequence[Sequence[str]]
    catatan: Sequence[str] = ()
    penanda: Sequence[Penanda] = field(default_factory=tuple)  # empty: no signature table
    lebar: Sequence[float] = ()  # relative column widths (default: even)


def _penanda(info: SeleksiInfo) -> list[Penanda]:
    return [Penanda(a.nama, tr(PERAN_PANITIA[a.peran])) for a in info.panitia]


def dokumen_seleksi(
    conn: sqlite3.Connection,
    seleksi_id: str,
    jenis: str,
    *,
    tahap_id: str | None = None,
    on: date | None = None,
) -> DokumenSeleksi:
    """The plain data of a selection document.

    ``jenis``: ``berita_acara`` (of the stage ``tahap_id``, or of the final ranking) or
    ``pengumuman`` (the announcement of the results). The final documents need the final
    ranking (refused while a sheet is missing without the chair's quorum note); a stage's
    berita acara needs every sheet of that stage.
    """
    on = on or date.today()
    instansi = get_setting(conn, "nama_instansi") or tr("Instansi belum diisi")
    tempat = get_setting(conn, "ibu_kota") or "........"
    if jenis not in ("berita_acara", "pengumuman"):
        raise ValidationError(tr("Jenis dokumen '{j}' tidak dikenal.", j=jenis), field="jenis")
    hasil = get_peringkat(conn, seleksi_id, sementara=tahap_id is not None)
    info = hasil.seleksi
    sub = tr("{j} \u2013 jabatan {p}", j=info.judul, p=info.nama_jabatan)

    def num(v: Decimal | None) -> str:
        return teks_desimal(bulat(v)).replace(".", ",") if v is not None else "\u2013"

    if tahap_id is not None:
        t = next((x for x in info.tahap if x.id == tahap_id), None)
        if t is None:
            raise NotFoundError(tr("Tahap {id} tidak ditemukan.", id=tahap_id))
        kurang = [k for k in hasil.kurang if k.tahap_id == tahap_id]
        if kurang and not info.kuorum_catatan:
            raise LembarBelumLengkap(kurang)
        rows = sorted(
            hasil.baris,
            key=lambda b: (
                b.nilai_tahap.get(t.id) is None,
                -(b.nilai_tahap.get(t.id) or 0),
                b.nomor,
            ),
        )
        return DokumenSeleksi(
            instansi=instansi,
            judul=tr("Berita Acara Penilaian Tahap {t}", t=t.nama),
            subjudul=sub,
            tanggal=on,
            tempat=tempat,
            paragraf=[
                tr(
                    "Pada hari ini, {tgl}, Panitia Seleksi telah melaksanakan penilaian tahap "
                    "{t} terhadap {n} kandidat yang lulus seleksi administrasi, dengan hasil "
                    "sebagai berikut (nilai 0\u2013100, rata-rata anggota panitia yang "
                    "menilai):",
                    tgl=tanggal(on),
                    t=t.nama,
                    n=len(hasil.baris),
                )
            ],
            kolom=[
                tr("No."),
                tr("No. Daftar"),
                tr("Nama Kandidat"),
                tr("Jumlah Penilai"),
                tr("Nilai Tahap"),
            ],
            lebar=[0.6, 1, 4, 1.4, 1.4],
            baris=[
                [
                    str(i),
                    str(b.nomor),
                    b.nama,
                    str(b.penilai_tahap.get(t.id, 0)),
                    num(b.nilai_tahap.get(t.id)),
                ]
                for i, b in enumerate(rows, start=1)
            ],
            penanda=_penanda(info),
        )
    held = [x for x in info.tahap if x.id in hasil.bobot_efektif]
    catatan = [
        tr(
            "Nilai akhir dihitung dari tahap yang dilaksanakan saja: {d}. Nilai sama: {a}.",
            d=", ".join(f"{x.nama} {num(hasil.bobot_efektif[x.id])}%" for x in held),
            a=hasil.uraian_seri,
        )
    ]
    if info.kuorum_catatan:
        catatan.append(
            tr("Catatan ketua panitia ({k}): {c}", k=info.kuorum_oleh, c=info.kuorum_catatan)
        )
    usulan = hasil.usulan
    if jenis == "pengumuman":
        return DokumenSeleksi(
            instansi=instansi,
            judul=tr("Pengumuman Hasil Seleksi"),
            subjudul=sub,
            tanggal=on,
            tempat=tempat,
            paragraf=[
                tr(
                    "Berdasarkan hasil seluruh tahapan seleksi, Panitia Seleksi mengumumkan "
                    "{n} kandidat terbaik yang diusulkan kepada Pejabat Pembina Kepegawaian "
                    "untuk dipilih satu orang:",
                    n=len(usulan),
                ),
            ],
            kolom=[tr("Peringkat"), tr("No. Daftar"), tr("Nama")],
            lebar=[1, 1, 5],
            baris=[[str(b.peringkat), str(b.nomor), b.nama] for b in usulan],
            catatan=[
                tr("Keputusan panitia seleksi bersifat final dan tidak dapat diganggu gugat.")
            ],
            penanda=[p for p in _penanda(info) if p.peran == tr("Ketua")],
        )
    return DokumenSeleksi(
        instansi=instansi,
        judul=tr("Berita Acara Penetapan Peringkat Akhir"),
        subjudul=sub,
        tanggal=on,
        tempat=tempat,
        paragraf=[
            tr(
                "Pada hari ini, {tgl}, Panitia Seleksi menetapkan peringkat akhir dari lembar "
                "nilai tersegel seluruh anggota penilai sebagai berikut, dan mengusulkan tiga "
                "kandidat terbaik kepada Pejabat Pembina Kepegawaian: {u}.",
                tgl=tanggal(on),
                u=", ".join(b.nama for b in usulan) or "\u2013",
            )
        ],
        kolom=[tr("Peringkat"), tr("No. Daftar"), tr("Nama")]
        + [x.nama for x in held]
        + [tr("Nilai Akhir")],
        lebar=[1.4, 1, 3.5] + [1.3] * len(held) + [1.3],
        baris=[
            [str(b.peringkat or "\u2013"), str(b.nomor), b.nama]
            + [num(b.nilai_tahap.get(x.id)) for x in held]
            + [num(b.total)]
            for b in hasil.baris
        ],
        catatan=catatan,
        penanda=_penanda(info),
    )


# -- after the PPK's choice: the SK Pengangkatan dalam Jabatan ----------------------------------


def check_sk_pengangkatan(
    conn: sqlite3.Connection,
    seleksi_id: str,
    pelamar_id: str,
    *,
    tanggal: date,
    tmt: date,
    jenis: str = "petikan",
) -> Permintaan:
    """The decree request of the SK Pengangkatan dalam Jabatan (template SK_JABATAN) for the
    candidate the PPK chose among the three proposed; refuses anyone else, and a candidate who
    is not an employee of the agency (yet)."""
    hasil = get_peringkat(conn, seleksi_id)
    info = hasil.seleksi
    chosen = next((b for b in hasil.usulan if b.pelamar_id == pelamar_id), None)
    if chosen is None:
        raise ValidationError(
            tr("Pelamar ini tidak termasuk tiga besar yang diusulkan kepada PPK."), field="pelamar"
        )
    row = conn.execute(
        "SELECT p.nip, p.pegawai_id FROM seleksi_pelamar p WHERE p.id = ?", (pelamar_id,)
    ).fetchone()
    if row is None or row[1] is None:
        raise ValidationError(
            tr(
                "{n} bukan pegawai instansi ini; SK pengangkatannya diterbitkan setelah "
                "datanya masuk ke data pegawai.",
                n=chosen.nama,
            ),
            field="pelamar",
        )
    unit = ""
    if info.jabatan_id:
        u = conn.execute(
            "SELECT u.nama FROM jabatan j JOIN unit_organisasi u ON u.id = j.unit_id "
            "WHERE j.id = ?",
            (info.jabatan_id,),
        ).fetchone()
        unit = str(u[0]) if u else ""
    return Permintaan(
        templat="SK_JABATAN",
        nips=(str(row[0]),),
        tanggal=tanggal,
        jenis=jenis,  # type: ignore[arg-type]
        nilai={"jabatan_baru": info.nama_jabatan, "unit_baru": unit, "tmt": tmt.isoformat()},
    )
