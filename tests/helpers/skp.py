"""Test builders (moved from tests/models/test_skp.py)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from app.models.organisasi import jabatan, units
from app.models.rules.skp import Pelaku
from app.models.storage.db import Database
from app.models.storage.store import Store

_nip = itertools.count(1)


def add_person(
    db: Database, nama: str, jabatan: Sequence[tuple[str, str, str]], golongan: str = "III/a"
) -> str:
    """An employee with a rank and position histories (jabatan_id, unit_id, tmt)."""
    with Store(db).write("uji") as tx:
        pid = tx.insert(
            "pegawai",
            {
                "jenis_asn": "PNS",
                "nip": f"19800101200501{next(_nip):04d}",
                "nama": nama,
                "tanggal_lahir": "1980-01-01",
                "jenis_kelamin": "L",
                "status_kepegawaian": "PNS",
                "kedudukan": "AKTIF",
            },
        )
        tx.insert(
            "riwayat_pangkat", {"pegawai_id": pid, "golongan_kode": golongan, "tmt": "2010-04-01"}
        )
        for jabatan_id, unit_id, tmt in jabatan:
            tx.insert(
                "riwayat_jabatan",
                {
                    "pegawai_id": pid,
                    "jabatan_id": jabatan_id,
                    "unit_id": unit_id,
                    "nama_jabatan": "sesuai SK",
                    "jenis_kode": "JA",
                    "tmt": tmt,
                },
            )
    return pid


def make_position(
    db: Database, unit: str, nama: str, atasan: str | None, jenjang: str = "PELAKSANA"
) -> str:
    eselon = {"JPT_PRATAMA": "II.b", "ADMINISTRATOR": "III.b", "PENGAWAS": "IV.a"}.get(jenjang)
    return jabatan.create_jabatan(
        db,
        jabatan.JabatanData(
            unit_id=unit,
            nama=nama,
            jenis_kode="JPT" if jenjang == "JPT_PRATAMA" else "JA",
            jenjang_kode=jenjang,
            eselon_kode=eselon,
            kelas_jabatan="7",
            kebutuhan="3",
            atasan_jabatan_id=atasan,
        ),
    )


@dataclass
class Org:
    dinas: str
    bidang: str
    seksi: str
    lain: str
    j_analis: str
    j_staf: str
    j_lain: str
    kadis: str
    kabid: str
    ani: str
    budi: str
    staf: str
    orang_lain: str


def build_org(db: Database) -> Org:
    """Dinas > Bidang > Seksi, plus another OPD. Kasi is vacant: the staff of the Seksi are
    appraised by the Kabid (the appraisal passes up the tree)."""
    dinas = units.create_unit(db, units.UnitData(nama="Dinas Arsip", jenis="OPD"))
    bidang = units.create_unit(
        db, units.UnitData(nama="Bidang Layanan", jenis="BIDANG", induk_id=dinas)
    )
    seksi = units.create_unit(db, units.UnitData(nama="Seksi Data", jenis="SEKSI", induk_id=bidang))
    lain = units.create_unit(db, units.UnitData(nama="Dinas Lain", jenis="OPD"))
    j_kadis = make_position(db, dinas, "Kepala Dinas", None, "JPT_PRATAMA")
    j_kabid = make_position(db, bidang, "Kepala Bidang", j_kadis, "ADMINISTRATOR")
    j_kasi = make_position(db, seksi, "Kepala Seksi", j_kabid, "PENGAWAS")
    j_analis = make_position(db, bidang, "Analis", j_kabid)
    j_staf = make_position(db, seksi, "Pengadministrasi", j_kasi)
    j_lain = make_position(db, lain, "Pengelola", None)
    kadis = add_person(db, "Kadis", [(j_kadis, dinas, "2020-01-01")], "IV/b")
    kabid = add_person(db, "Kabid", [(j_kabid, bidang, "2020-01-01")], "III/d")
    ani = add_person(db, "Ani", [(j_analis, bidang, "2020-01-01")])
    budi = add_person(db, "Budi", [(j_analis, bidang, "2020-01-01")])
    staf = add_person(db, "Staf", [(j_staf, seksi, "2020-01-01")])
    other = add_person(db, "Orang Lain", [(j_lain, lain, "2020-01-01")])
    return Org(
        dinas, bidang, seksi, lain, j_analis, j_staf, j_lain, kadis, kabid, ani, budi, staf, other
    )


@dataclass
class People:
    operator: Pelaku
    operator_lain: Pelaku
    pemilik: Pelaku
    penilai: Pelaku
    atasan: Pelaku
    admin: Pelaku
    rekan: Pelaku
    orang: Pelaku


def build_people(org: Org) -> People:
    return People(
        operator=Pelaku("op_dinas", operator_unit=frozenset({org.dinas})),
        operator_lain=Pelaku("op_lain", operator_unit=frozenset({org.lain})),
        pemilik=Pelaku("ani", pegawai_id=org.ani),
        penilai=Pelaku("kabid", pegawai_id=org.kabid),
        atasan=Pelaku("kadis", pegawai_id=org.kadis),
        admin=Pelaku("admin", admin=True),
        rekan=Pelaku("budi", pegawai_id=org.budi),
        orang=Pelaku("lain", pegawai_id=org.orang_lain),
    )
