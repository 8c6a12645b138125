"""Builders for complaints and discipline cases (issue 16)."""

from __future__ import annotations

from datetime import date

from app.models.pengaduan import register as adu
from app.models.storage.db import Database


def complaint(
    db: Database,
    unit_id: str | None,
    *,
    identitas: str = "RAHASIA",
    pegawai_ids: tuple[str, ...] = (),
    on: date = date(2026, 3, 2),
    kategori: str = "PERILAKU",
    nama: str = "Siti Pelapor",
) -> str:
    pelapor = (
        adu.Pelapor()
        if identitas == "ANONIM"
        else adu.Pelapor(nama=nama, nik="3201010101010001", telepon="081234567890")
    )
    return adu.create_pengaduan(
        db,
        "sistem",
        adu.PengaduanBaru(
            tanggal_terima=on,
            kanal="SURAT",
            perihal="Petugas meminta uang tambahan",
            identitas=identitas,
            pelapor=pelapor,
            unit_id=unit_id,
            kategori_kode=kategori,
            pegawai_ids=pegawai_ids,
        ),
    )
