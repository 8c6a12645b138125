"""Believable public complaints and discipline cases for the demo database (issue 16), written
through the domain functions (so through the one write path), after the employees exist.

Separate from :func:`app.demo.tulis.create_demo` so that the demo employees stay the same data
set; ``merit demo`` and the first-run dialog add these afterwards."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.models.cuti.kalender import read_kalender
from app.models.disiplin import kasus as dk
from app.models.etik import kasus as ek
from app.models.pengaduan import register as adu
from app.models.rules.integritas import tambah_hari_kerja
from app.models.storage.db import Database

_ADUAN: tuple[tuple[str, str, str, str], ...] = (
    # (kanal, kategori, perihal, identitas)
    ("LAPOR", "PELAYANAN", "Antrean layanan kartu pegawai lebih dari tiga jam", "TERBUKA"),
    ("DATANG", "PUNGLI", "Diminta uang tambahan saat mengurus surat keterangan", "RAHASIA"),
    ("TELEPON", "DISIPLIN", "Petugas loket sering tidak berada di tempat pada jam kerja", "ANONIM"),
    ("MEDSOS", "PERILAKU", "Petugas bersikap kasar kepada pemohon lanjut usia", "TERBUKA"),
    ("SURAT", "ADMINISTRASI", "Berkas kenaikan pangkat tidak kunjung diproses", "TERBUKA"),
    ("FORMULIR", "PELAYANAN", "Informasi persyaratan di papan pengumuman sudah usang", "TERBUKA"),
    ("LAPOR", "WEWENANG", "Dugaan penggunaan kendaraan dinas untuk keperluan pribadi", "RAHASIA"),
    ("DATANG", "PELAYANAN", "Ruang tunggu pelayanan tidak memiliki kursi prioritas", "TERBUKA"),
)
_NAMA = ("Maria Goreti", "Yohanes Bosco", "Siti Aminah", "Bernadus Lewar", "Agustina Wua")


def tambah_contoh_integritas(
    db: Database, *, actor: str = "sistem", today: date | None = None, seed: int = 1
) -> int:
    """Add the demo complaints and cases (needs employees). Returns how many complaints."""
    today = today or date.today()
    rng = random.Random(f"merit-demo-integritas:{seed}")
    rows = adu.pegawai_dengan_unit(db.conn, 40)
    if len(rows) < len(_ADUAN):
        return 0
    picked = rng.sample(rows, len(_ADUAN))
    made: list[tuple[str, str]] = []
    for i, ((kanal, kategori, perihal, identitas), (pegawai_id, unit_id)) in enumerate(
        zip(_ADUAN, picked, strict=True)
    ):
        terima = today - timedelta(days=200 - 24 * i)
        pelapor = (
            adu.Pelapor()
            if identitas == "ANONIM"
            else adu.Pelapor(nama=_NAMA[i % len(_NAMA)], alamat="Jl. Melati No. 3")
        )
        pid = adu.create_pengaduan(
            db,
            actor,
            adu.PengaduanBaru(
                tanggal_terima=terima,
                kanal=kanal,
                perihal=perihal,
                identitas=identitas,
                pelapor=pelapor,
                unit_id=unit_id,
                kategori_kode=kategori,
                nomor=f"ADU-{terima.year}-{i + 1:03d}",
                pegawai_ids=(pegawai_id,) if kategori in ("PUNGLI", "DISIPLIN", "PERILAKU") else (),
            ),
        )
        made.append((pid, pegawai_id))
        if i == len(_ADUAN) - 1:
            continue  # the newest one waits for its triage (overdue on the home page)
        adu.assign_petugas(db, actor, pid, "operator", on=terima + timedelta(days=1))
        dugaan = kategori in ("PUNGLI", "DISIPLIN")
        adu.set_triase(
            db,
            actor,
            pid,
            "DUGAAN" if dugaan else "PERBAIKAN",
            on=tambah_hari_kerja(terima, 2),
        )
        adu.add_catatan(
            db,
            actor,
            pid,
            "Pelapor dihubungi dan diberi tahu tindak lanjutnya.",
            on=tambah_hari_kerja(terima, 4),
            tanggapan=True,
        )
        if i < 5 and not dugaan:
            adu.close_pengaduan(
                db,
                actor,
                pid,
                hasil="Layanan diperbaiki",
                jawaban="Terima kasih; layanan telah kami perbaiki sesuai pengaduan Anda.",
                on=terima + timedelta(days=30),
            )
    # Two cases from the suspected violations: one decided (a TPP cut that blocks KP/KGB for
    # its months), one summoned.
    pungli, disiplin = made[1], made[2]
    mulai = adu.get_pengaduan(db, actor, pungli[0]).tanggal_triase or today
    k1 = dk.create_kasus(
        db,
        actor,
        dk.KasusBaru(pungli[1], "Meminta imbalan di luar ketentuan", mulai, "SEDANG", pungli[0]),
    )
    kal = read_kalender(db.conn)  # the summons rule counts the holidays of the demo calendar
    surat = tambah_hari_kerja(mulai, 1, kal)
    periksa = tambah_hari_kerja(surat, 7, kal)
    dk.add_panggilan(db, actor, k1, 1, tanggal_surat=surat, tanggal_periksa=periksa)
    dk.record_pemeriksaan(
        db, actor, k1, tanggal_periksa=periksa, pemeriksa="Atasan langsung", bap="Mengakui"
    )
    sk = tambah_hari_kerja(periksa, 5, kal)
    dk.putus(
        db,
        actor,
        k1,
        dk.Putusan("POTONGAN_TPP_6", f"800.1.6.4/1/SK-HD/{sk.year}", sk, sk + timedelta(days=3)),
    )
    mulai2 = adu.get_pengaduan(db, actor, disiplin[0]).tanggal_triase or today
    k2 = dk.create_kasus(
        db,
        actor,
        dk.KasusBaru(
            disiplin[1], "Tidak berada di tempat pada jam kerja", mulai2, "RINGAN", disiplin[0]
        ),
    )
    surat2 = tambah_hari_kerja(mulai2, 1, kal)
    dk.add_panggilan(
        db, actor, k2, 1, tanggal_surat=surat2, tanggal_periksa=tambah_hari_kerja(surat2, 7, kal)
    )
    _contoh_etik(db, actor, made[3], rng.choice(rows)[0], today)
    return len(made)


def _contoh_etik(
    db: Database, actor: str, kasar: tuple[str, str], langsung: str, today: date
) -> None:
    """Three ethics cases (PP 42/2004): one from the complaint of rude service, proven, with a
    closed moral statement; one opened directly, not proven; one still in hearing."""
    mulai = adu.get_pengaduan(db, actor, kasar[0]).tanggal_triase or today
    cases = (
        (kasar[1], kasar[0], "Berkata kasar kepada pemohon lanjut usia di loket", mulai),
        (
            langsung,
            None,
            "Unggahan media sosial yang merendahkan rekan kerja",
            today - timedelta(days=60),
        ),
        (
            langsung,
            None,
            "Menggunakan ruang rapat untuk kegiatan usaha pribadi",
            today - timedelta(days=12),
        ),
    )
    for i, (pegawai_id, aduan, dugaan, buka) in enumerate(cases):
        calon = ek.calon_majelis(db, pegawai_id)
        if len(calon) < 3:
            continue
        kid = ek.create_kasus(db, actor, ek.KasusBaru(pegawai_id, dugaan, buka, aduan))
        ek.set_majelis(
            db, actor, kid, list(zip(calon, ("KETUA", "SEKRETARIS", "ANGGOTA"), strict=True))
        )
        sidang = tambah_hari_kerja(buka, 5)
        ringkasan = (
            "Terperiksa mengakui perbuatannya dan meminta maaf",
            "Saksi tidak menguatkan dugaan; unggahan bukan milik terperiksa",
            "Majelis mendengar keterangan terperiksa dan dua saksi",
        )[i]
        ek.add_sidang(db, actor, kid, tanggal=sidang, hadir=True, ringkasan=ringkasan)
        putus = tambah_hari_kerja(sidang, 3)
        if i == 0:
            ek.putus(
                db,
                actor,
                kid,
                ek.Putusan("TERBUKTI", putus, ("MASYARAKAT_1",), "TERTUTUP", "Pelanggaran pertama"),
            )
        elif i == 1:
            ek.putus(
                db,
                actor,
                kid,
                ek.Putusan("TIDAK_TERBUKTI", putus, pertimbangan="Tidak cukup bukti"),
            )
