"""Hand-made employees for tests of recaps and rules that read the records: an agency with two
perangkat daerah, and :class:`Orang` rows written through the write path."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from app.models.storage.db import Database
from app.models.storage.instansi import setup
from app.models.storage.store import Store

_nip = itertools.count(1)


@dataclass
class Orang:
    """A hand-made employee; only what a test needs is given."""

    nama: str
    golongan: str | None = "III/a"
    tmt_golongan: str = "2020-04-01"
    mk: tuple[int, int] = (0, 0)
    jenis_asn: str = "PNS"
    status: str = "PNS"
    kedudukan: str = "AKTIF"
    jk: str = "L"
    lahir: str = "1980-01-01"
    jenjang: str | None = "PELAKSANA"
    jenis_jabatan: str = "JA"
    tmt_jabatan: str = "2020-01-01"
    eselon: str | None = None
    bup_jabatan: int | None = None
    unit: str = "dinas"
    pendidikan: str | None = "S1"
    diklat: list[tuple[str, str, str | None, int]] = field(default_factory=list)
    kgb: list[tuple[str, int, int]] = field(default_factory=list)
    skp: dict[int, str] = field(default_factory=dict)
    hukdis: list[tuple[str, str, str | None]] = field(default_factory=list)
    nip: str = ""


def make_db(path: Path) -> tuple[Database, dict[str, str]]:
    """An agency with two perangkat daerah, one with a sub-unit."""
    db = Database(path)
    setup(db, "BKPSDM Kota Uji")
    units: dict[str, str] = {}
    with Store(db).write("uji") as tx:
        units["dinas"] = tx.insert(
            "unit_organisasi", {"nama": "Dinas Kesehatan", "jenis": "OPD", "urutan": 1}
        )
        units["bidang"] = tx.insert(
            "unit_organisasi",
            {"nama": "Bidang Pelayanan", "jenis": "BIDANG", "induk_id": units["dinas"]},
        )
        units["badan"] = tx.insert(
            "unit_organisasi", {"nama": "Badan Keuangan", "jenis": "OPD", "urutan": 2}
        )
    return db, units


def add(db: Database, units: dict[str, str], people: list[Orang]) -> None:
    with Store(db).write("uji") as tx:
        for o in people:
            o.nip = o.nip or f"{o.lahir.replace('-', '')}2005011{next(_nip):03d}"
            pid = tx.insert(
                "pegawai",
                {
                    "jenis_asn": o.jenis_asn,
                    "nip": o.nip,
                    "nama": o.nama,
                    "tanggal_lahir": o.lahir,
                    "jenis_kelamin": o.jk,
                    "status_kepegawaian": o.status,
                    "kedudukan": o.kedudukan,
                    "tmt_cpns": "2005-01-01",
                },
            )
            if o.golongan:
                tx.insert(
                    "riwayat_pangkat",
                    {
                        "pegawai_id": pid,
                        "golongan_kode": o.golongan,
                        "tmt": o.tmt_golongan,
                        "mk_tahun": o.mk[0],
                        "mk_bulan": o.mk[1],
                    },
                )
            if o.jenjang:
                jabatan_id = None
                if o.bup_jabatan:
                    jabatan_id = tx.insert(
                        "jabatan",
                        {
                            "unit_id": units[o.unit],
                            "nama": "Guru",
                            "jenis_kode": o.jenis_jabatan,
                            "jenjang_kode": o.jenjang,
                            "bup_tahun": o.bup_jabatan,
                        },
                    )
                tx.insert(
                    "riwayat_jabatan",
                    {
                        "pegawai_id": pid,
                        "jabatan_id": jabatan_id,
                        "nama_jabatan": f"Jabatan {o.nama}",
                        "jenis_kode": o.jenis_jabatan,
                        "jenjang_kode": o.jenjang,
                        "eselon_kode": o.eselon,
                        "unit_id": units[o.unit],
                        "tmt": o.tmt_jabatan,
                    },
                )
            if o.pendidikan:
                tx.insert(
                    "riwayat_pendidikan",
                    {"pegawai_id": pid, "tingkat_kode": o.pendidikan, "tahun_lulus": 2000},
                )
            for jenis, nama, selesai, jp in o.diklat:
                tx.insert(
                    "riwayat_diklat",
                    {
                        "pegawai_id": pid,
                        "jenis": jenis,
                        "nama": nama,
                        "tanggal_mulai": selesai,
                        "tanggal_selesai": selesai,
                        "jam_pelajaran": jp,
                    },
                )
            for tmt, mk_t, mk_b in o.kgb:
                tx.insert(
                    "riwayat_kgb",
                    {
                        "pegawai_id": pid,
                        "tmt": tmt,
                        "golongan_kode": o.golongan or "III/a",
                        "mk_tahun": mk_t,
                        "mk_bulan": mk_b,
                    },
                )
            for tahun, predikat in o.skp.items():
                tx.insert(
                    "riwayat_skp", {"pegawai_id": pid, "tahun": tahun, "predikat_kode": predikat}
                )
            for kode, mulai, selesai in o.hukdis:
                tx.insert(
                    "riwayat_hukdis",
                    {
                        "pegawai_id": pid,
                        "hukuman_kode": kode,
                        "tmt_mulai": mulai,
                        "tmt_selesai": selesai,
                    },
                )
