"""The formulir permintaan dan pemberian cuti (Peraturan BKN 24/2017, Anak Lampiran I.b) of one
request, as plain data for :mod:`app.reports.pdf.cuti`. The sections (I data pegawai, II jenis
cuti, III alasan, IV lamanya, V catatan cuti with the cuti tahunan balances of N-2, N-1 and N,
VI alamat, VII pertimbangan atasan langsung, VIII keputusan pejabat) follow the annex as quoted
by regional BKD pages [P]."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import tanggal, tr
from app.models.access.akses import require
from app.models.cuti.permohonan import get_cuti
from app.models.cuti.saldo import jenis_list, read_orang, saldo_tahunan
from app.models.rules.cuti import masa_kerja
from app.models.storage.db import Database
from app.models.storage.instansi import get_setting


@dataclass(frozen=True)
class FormulirCuti:
    instansi: str
    tempat: str
    tanggal: str  # the request date, written out
    nama: str
    nip: str
    jabatan: str
    masa_kerja: str
    unit: str
    jenis: tuple[tuple[str, str, bool], ...]  # (kode, nama, ticked)
    alasan: str
    lama: str
    mulai: str
    selesai: str
    sisa_tahunan: tuple[tuple[int, int], ...]  # (tahun, sisa) for N-2, N-1, N
    alamat: str
    lampiran: tuple[str, ...]
    rekomendasi: str | None  # SETUJU, UBAH, TUNDA, TOLAK (the boxes of VII and VIII) or None
    rekomendasi_catatan: str
    keputusan: str | None
    keputusan_catatan: str


_STATUS_KEPUTUSAN = {"DISETUJUI": "SETUJU", "DITANGGUHKAN": "TUNDA", "DITOLAK": "TOLAK"}


def read_formulir(db: Database, cuti_id: str, *, actor: str) -> FormulirCuti:
    conn = db.conn
    c = get_cuti(conn, cuti_id)
    require(db, actor, "pegawai.baca", pegawai_id=c.pegawai_id)
    orang = read_orang(conn, c.pegawai_id)
    saldo = saldo_tahunan(conn, orang, c.tahun)
    sisa = tuple(
        (y, saldo[y].sisa if y in saldo else 0) for y in (c.tahun - 2, c.tahun - 1, c.tahun)
    )
    if orang.tmt is not None:
        th, bl = masa_kerja(orang.tmt, c.tanggal_usul)
        mk = tr("{t} tahun {b} bulan", t=th, b=bl)
    else:
        mk = "-"
    keputusan = _STATUS_KEPUTUSAN.get(c.status)
    if keputusan == "SETUJU" and c.usul_mulai is not None:
        keputusan = "UBAH"
    unit = tr("hari kerja") if c.satuan == "HARI_KERJA" else tr("hari")
    return FormulirCuti(
        instansi=get_setting(conn, "nama_instansi") or "",
        tempat=get_setting(conn, "ibu_kota") or "",
        tanggal=tanggal(c.tanggal_usul),
        nama=c.nama,
        nip=c.nip,
        jabatan=c.jabatan or "-",
        masa_kerja=mk,
        unit=c.unit_nama or "-",
        jenis=tuple(
            (kode, nama, kode == c.jenis) for kode, nama in jenis_list(conn) if kode != "BERSAMA"
        ),
        alasan=c.alasan or "-",
        lama=f"{c.lama} {unit}",
        mulai=tanggal(c.usul_mulai or c.mulai),
        selesai=tanggal(c.usul_selesai or c.selesai),
        sisa_tahunan=sisa,
        alamat=c.alamat or "-",
        lampiran=c.lampiran,
        rekomendasi=c.rekomendasi,
        rekomendasi_catatan=c.rekomendasi_catatan or "",
        keputusan=keputusan,
        keputusan_catatan=c.keputusan_catatan or "",
    )
