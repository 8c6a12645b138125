"""Test builders for competencies and training (issue 15)."""

from __future__ import annotations

from app.models.kompetensi import kamus, nilai, standar
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.organisasi import Org


def pegawai(db: Database, nama: str) -> str:
    row = db.conn.execute(
        "SELECT pegawai_id FROM pegawai_ringkas WHERE nama = ? AND deleted = 0", (nama,)
    ).fetchone()
    assert row is not None, nama
    return str(row[0])


def nip(db: Database, nama: str) -> str:
    row = db.conn.execute("SELECT nip FROM pegawai_ringkas WHERE nama = ?", (nama,)).fetchone()
    return str(row[0])


def with_standards(db: Database, org: Org) -> None:
    """Analis (Arsiparis Ahli Pertama): M.01 3, M.04 2, T.ARS.01 3; Kabid: M.01 3.
    Ani: M.01 2, M.04 3, T.ARS.01 1 (gaps 1, -1, 2); Budi: M.01 3; Dewi: M.01 1 (gap 2);
    Kabid: M.01 4."""
    kamus.create_kompetensi(db, "T.ARS.01", "Pengelolaan Arsip Dinamis")
    standar.set_standar(db, org.analis, {"M.01": 3, "M.04": 2, "T.ARS.01": 3})
    standar.set_standar(db, org.kabid, {"M.01": 3})
    nilai.record_nilai(
        db, pegawai(db, "Ani"), "2026-03-01", {"M.01": 2, "M.04": 3, "T.ARS.01": 1}, potensi=3
    )
    nilai.record_nilai(db, pegawai(db, "Budi"), "2026-03-01", {"M.01": 3}, potensi=3)
    nilai.record_nilai(db, pegawai(db, "Dewi"), "2026-03-01", {"M.01": 1}, potensi=1)
    nilai.record_nilai(db, pegawai(db, "Kabid"), "2026-03-01", {"M.01": 4})


def add_diklat(db: Database, pegawai_id: str, jp: int, selesai: str = "2026-05-10") -> None:
    with Store(db).write("uji") as tx:
        tx.insert(
            "riwayat_diklat",
            {
                "pegawai_id": pegawai_id,
                "jenis": "TEKNIS",
                "nama": "Diklat lama",
                "tanggal_mulai": selesai,
                "tanggal_selesai": selesai,
                "jam_pelajaran": jp,
            },
        )


def add_skp(db: Database, pegawai_id: str, tahun: int, predikat: str) -> None:
    with Store(db).write("uji") as tx:
        tx.insert(
            "riwayat_skp", {"pegawai_id": pegawai_id, "tahun": tahun, "predikat_kode": predikat}
        )


def with_successors(db: Database, org: Org) -> None:
    """The talent pool of Kepala Bidang Layanan: 1. Budi (box 9, ready now), 2. Ani (box 8,
    1-2 years); Dewi is outside the pool (see test_succession_ranks_the_talent_pool...)."""
    with_standards(db, org)
    for name, predikat in (("Ani", "SANGAT_BAIK"), ("Budi", "SANGAT_BAIK"), ("Dewi", "BAIK")):
        add_skp(db, pegawai(db, name), 2025, predikat)
    add_skp(db, pegawai(db, "Ani"), 2024, "BAIK")
    add_skp(db, pegawai(db, "Budi"), 2024, "SANGAT_BAIK")


def with_evaluated_event(db: Database) -> str:
    """A completed 'Pelatihan Arsip Digital' (Ani, Budi) rated relevansi 4 and 2, manfaat 5 and
    3 (means 3.0 and 4.0). Returns the event id."""
    from app.models.pelatihan import acara as pel
    from app.models.pelatihan import evaluasi

    katalog = pel.create_katalog(db, "Pelatihan Arsip Digital", jp=24, penyelenggara="ANRI")
    acara = pel.create_acara(db, katalog, "2026-05-04", "2026-05-06")
    ani, budi = pegawai(db, "Ani"), pegawai(db, "Budi")
    pel.add_peserta(db, acara, {ani: None, budi: None})
    pel.complete_acara(db, acara)
    evaluasi.record_evaluasi(
        db,
        acara,
        [evaluasi.Jawaban(ani, 4, 5, 4), evaluasi.Jawaban(budi, 2, 3, 4)],
    )
    return acara
