"""Test builders (moved from tests/models/test_formasi.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from app.models.organisasi import jabatan, units
from app.models.storage.db import Database
from app.models.storage.store import Store

_nip_counter = [0]


def add_person(
    db: Database,
    nama: str,
    *,
    golongan: str | None = "III/a",
    pendidikan: str | None = "S1",
    jabatan: Sequence[tuple[str | None, str | None, str]] = (),
    kedudukan: str = "AKTIF",
    deleted: int = 0,
    jenis_asn: str = "PNS",
) -> str:
    """An employee with a rank, an education and position histories (jabatan_id, unit_id, tmt)."""
    _nip_counter[0] += 1
    with Store(db).write("uji") as tx:
        pid = tx.insert(
            "pegawai",
            {
                "jenis_asn": jenis_asn,
                "nip": f"19800101200501{_nip_counter[0]:04d}",
                "nama": nama,
                "tanggal_lahir": "1980-01-01",
                "jenis_kelamin": "L",
                "status_kepegawaian": jenis_asn,
                "kedudukan": kedudukan,
                "deleted": deleted,
            },
        )
        if golongan:
            tx.insert(
                "riwayat_pangkat",
                {"pegawai_id": pid, "golongan_kode": golongan, "tmt": "2010-04-01"},
            )
        if pendidikan:
            tx.insert("riwayat_pendidikan", {"pegawai_id": pid, "tingkat_kode": pendidikan})
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


@dataclass
class Org:
    dinas: str
    bidang: str
    seksi: str
    kadis: str
    kabid: str
    analis: str
    pengadm: str


@pytest.fixture
def org(db: Database) -> Org:
    """Dinas A > Bidang B > Seksi C, four positions and eight people (answers in the tests)."""
    dinas = units.create_unit(db, units.UnitData(nama="Dinas Arsip", jenis="OPD"))
    bidang = units.create_unit(
        db, units.UnitData(nama="Bidang Layanan", jenis="BIDANG", induk_id=dinas)
    )
    seksi = units.create_unit(db, units.UnitData(nama="Seksi Data", jenis="SEKSI", induk_id=bidang))
    kadis = jabatan.create_jabatan(
        db,
        jabatan.JabatanData(
            unit_id=dinas,
            nama="Kepala Dinas",
            jenis_kode="JPT",
            jenjang_kode="JPT_PRATAMA",
            eselon_kode="II.b",
            kelas_jabatan=14,
            kebutuhan=1,
            gol_min_kode="IV/b",
            pendidikan_min_kode="S1",
        ),
    )
    kabid = jabatan.create_jabatan(
        db,
        jabatan.JabatanData(
            unit_id=bidang,
            nama="Kepala Bidang Layanan",
            jenis_kode="JA",
            jenjang_kode="ADMINISTRATOR",
            eselon_kode="III.b",
            kelas_jabatan="11",
            kebutuhan="1",
            gol_min_kode="III/d",
            pendidikan_min_kode="S1",
        ),
    )
    analis = jabatan.create_jabatan(
        db,
        jabatan.JabatanData(
            unit_id=bidang,
            nama="Arsiparis Ahli Pertama",
            jenis_kode="JF",
            jenjang_kode="AHLI_PERTAMA",
            kelas_jabatan="8",
            kebutuhan="4",
            gol_min_kode="III/a",
            pendidikan_min_kode="S1",
        ),
    )
    pengadm = jabatan.create_jabatan(
        db,
        jabatan.JabatanData(
            unit_id=seksi,
            nama="Pengadministrasi Perkantoran",
            jenis_kode="JA",
            jenjang_kode="PELAKSANA",
            kelas_jabatan="5",
            kebutuhan="0",
        ),
    )
    add_person(
        db, "Kadis", golongan="IV/b", pendidikan="S2", jabatan=[(kadis, dinas, "2020-01-01")]
    )
    add_person(
        db, "Kabid", golongan="III/c", pendidikan="S1", jabatan=[(kabid, bidang, "2021-01-01")]
    )
    add_person(
        db, "Ani", golongan="III/a", pendidikan="S1", jabatan=[(analis, bidang, "2019-01-01")]
    )
    add_person(
        db, "Budi", golongan="II/d", pendidikan="D3", jabatan=[(analis, bidang, "2019-01-01")]
    )
    add_person(
        db, "Dewi", golongan="III/b", pendidikan="D4", jabatan=[(analis, bidang, "2022-03-01")]
    )
    # Moved from analis to the seksi later: counts only where she is now.
    add_person(
        db,
        "Eka",
        jabatan=[(analis, bidang, "2015-01-01"), (pengadm, seksi, "2023-06-01")],
    )
    add_person(db, "Fajar", kedudukan="PENSIUN", jabatan=[(analis, bidang, "2010-01-01")])
    add_person(db, "Gita", deleted=1, jabatan=[(analis, bidang, "2010-01-01")])
    return Org(dinas, bidang, seksi, kadis, kabid, analis, pengadm)
