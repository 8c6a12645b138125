"""Test builders (moved from tests/models/test_seleksi.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.models.seleksi import lembar as lb
from app.models.seleksi import pelamar, seleksi
from app.models.storage.db import Database

ACUAN = date(2026, 11, 1)


ACTOR = "uji"


def make_stages() -> list[seleksi.TahapBaru]:
    return [
        seleksi.TahapBaru("Administrasi", 0),
        seleksi.TahapBaru(
            "Rekam jejak",
            "12,5",
            [seleksi.KriteriaBaru("Integritas", 1, 5), seleksi.KriteriaBaru("Kinerja", 1, 5)],
        ),
        seleksi.TahapBaru("Makalah", 20, [seleksi.KriteriaBaru("Isi makalah", 0, 100)]),
        seleksi.TahapBaru(
            "Asesmen kompetensi",
            "37.5",
            [seleksi.KriteriaBaru("JPM", 0, 100)],
            dilaksanakan=False,  # skipped stage: weights renormalised over the others
        ),
        seleksi.TahapBaru(
            "Wawancara",
            30,
            [seleksi.KriteriaBaru("Visi", 1, 10), seleksi.KriteriaBaru("Komunikasi", 1, 4)],
        ),
    ]


PANITIA = [
    seleksi.PanitiaBaru("Ani Wijaya", "KETUA", "EKSTERNAL"),
    seleksi.PanitiaBaru("Sari Dewi", "SEKRETARIS", "INTERNAL"),
    seleksi.PanitiaBaru("Budi Santoso", "ANGGOTA", "INTERNAL"),
    seleksi.PanitiaBaru("Citra Lestari", "ANGGOTA", "EKSTERNAL"),
]


def make_applicant(nama: str, lahir: date) -> pelamar.PelamarEksternal:
    return pelamar.PelamarEksternal(
        nama=nama,
        nip="197001012000031001",
        instansi_asal="Pemprov NTT",
        golongan_kode="IV/a",
        pendidikan_kode="S2",
        tanggal_lahir=lahir,
        tmt_jabatan=date(2019, 1, 1),
        tmt_golongan=date(2020, 4, 1),
        predikat_1="BAIK",
        predikat_2="SANGAT_BAIK",
    )


SYARAT = seleksi.Syarat(
    golongan_min="IV/a",
    pendidikan_min="S1",
    tahun_jabatan=2,
    usia_maks=56,
    predikat_baik=True,
    bebas_hukdis=True,
)


def make_selection(db: Database, **kw: object) -> str:
    args: dict[str, object] = {
        "judul": "Seleksi Terbuka Kepala Dinas Pendidikan 2026",
        "jenis": "JPT_TERBUKA",
        "nama_jabatan": "Kepala Dinas Pendidikan",
        "tahap": make_stages(),
        "panitia": PANITIA,
        "syarat": SYARAT,
        "tanggal_acuan": ACUAN,
        "actor": ACTOR,
    }
    args.update(kw)
    return seleksi.create_seleksi(db, **args)  # type: ignore[arg-type]


SKOR: dict[str, dict[str, dict[str, str]]] = {
    "Ani Wijaya": {
        "P1": {
            "Integritas": "5",
            "Kinerja": "4",
            "Isi makalah": "80,5",
            "Visi": "7.75",
            "Komunikasi": "3.25",
        },
        "P2": {
            "Integritas": "3",
            "Kinerja": "3",
            "Isi makalah": "90",
            "Visi": "10",
            "Komunikasi": "4",
        },
        "P3": {
            "Integritas": "4",
            "Kinerja": "5",
            "Isi makalah": "70",
            "Visi": "5.5",
            "Komunikasi": "2.5",
        },
    },
    "Budi Santoso": {
        "P1": {
            "Integritas": "4",
            "Kinerja": "4",
            "Isi makalah": "78",
            "Visi": "5.5",
            "Komunikasi": "4",
        },
        "P3": {
            "Integritas": "3",
            "Kinerja": "4",
            "Isi makalah": "72.25",
            "Visi": "7.75",
            "Komunikasi": "2.5",
        },
    },
    "Citra Lestari": {
        "P1": {
            "Integritas": "5",
            "Kinerja": "5",
            "Isi makalah": "81.5",
            "Visi": "10",
            "Komunikasi": "2.5",
        },
        "P2": {
            "Integritas": "4",
            "Kinerja": "4",
            "Isi makalah": "88",
            "Visi": "7.75",
            "Komunikasi": "3.25",
        },
        "P3": {
            "Integritas": "4",
            "Kinerja": "4",
            "Isi makalah": "71",
            "Visi": "5.5",
            "Komunikasi": "4",
        },
    },
}


def score_sheet(member_db: Database, paket: Path, nama: str) -> lb.LembarKerja:
    kerja = lb.buka_paket(member_db, paket)
    assert lb.buka_paket(member_db, paket).paket_id == kerja.paket_id  # idempotent
    by_name = {c.nama: c for c in kerja.kandidat}
    kriteria = {k.nama: k for t in kerja.tahap for k in t.kriteria}
    for label, values in SKOR[nama].items():
        calon = by_name[label]
        for kname, value in values.items():
            lb.isi_nilai(member_db, kerja.paket_id, calon.id, kriteria[kname].id, value, "ok")
    return lb.lembar_kerja(member_db.conn, kerja.paket_id)
