"""The talent pool's successors as a suggestion for an open selection (issue 15 item 7)."""

from __future__ import annotations

import pytest

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.errors import AccessDenied, ValidationError
from app.models.seleksi import pelamar, saran
from app.models.storage.db import Database
from tests.helpers.kompetensi import pegawai, with_successors
from tests.helpers.organisasi import Org
from tests.helpers.seleksi import make_selection

SANDI = "kopi pagi di kantor"


def _kabid_selection(db: Database, org: Org) -> str:
    return make_selection(
        db,
        judul="Seleksi Kepala Bidang Layanan",
        jenis="ADMINISTRATOR",
        jabatan_id=org.kabid,
        nama_jabatan=None,
    )


def test_the_successors_are_suggested_ranked_and_marked_once_added(db: Database, org: Org) -> None:
    with_successors(db, org)
    sid = _kabid_selection(db, org)
    pelamar.create_pelamar_internal(db, sid, pegawai(db, "Dewi"), actor="uji")  # not in the pool
    s = saran.saran_talenta(db, sid, actor="uji")
    assert s.alasan_kosong is None
    assert [(x.calon.peringkat, x.calon.nama, x.calon.kotak, x.nomor_pelamar) for x in s.calon] == [
        (1, "Budi", 9, None),
        (2, "Ani", 8, None),
    ]
    ids = saran.tambah_dari_talenta(db, sid, [pegawai(db, "Ani"), pegawai(db, "Budi")], actor="uji")
    assert len(ids) == 2
    rows = pelamar.list_pelamar(db.conn, sid)
    # never a filter: Dewi (registered otherwise) stays, the pool's people follow her
    assert [(p.nomor, p.nama, p.dari_talenta) for p in rows] == [
        (1, "Dewi", False),
        (2, "Ani", True),
        (3, "Budi", True),
    ]
    assert rows[0].tanda_talenta == ""
    assert rows[2].tanda_talenta == "dari talent pool (peringkat 1, kotak 9, Siap sekarang)"
    js = pelamar.pelamar_json(rows[1])
    assert js["dari_talenta"] is True and js["talenta"]["kotak"] == 8
    again = saran.saran_talenta(db, sid, actor="uji")
    assert [x.nomor_pelamar for x in again.calon] == [3, 2]
    assert saran.saran_json(again)["calon"][0]["terdaftar"] is True


def test_adding_is_all_or_nothing(db: Database, org: Org) -> None:
    with_successors(db, org)
    sid = _kabid_selection(db, org)
    saran.tambah_dari_talenta(db, sid, [pegawai(db, "Budi")], actor="uji")
    with pytest.raises(ValidationError, match="Budi sudah terdaftar sebagai pelamar nomor 1"):
        saran.tambah_dari_talenta(db, sid, [pegawai(db, "Ani"), pegawai(db, "Budi")], actor="uji")
    with pytest.raises(ValidationError, match="bukan calon yang disarankan"):
        saran.tambah_dari_talenta(db, sid, [pegawai(db, "Ani"), pegawai(db, "Dewi")], actor="uji")
    with pytest.raises(ValidationError, match="paling sedikit satu"):
        saran.tambah_dari_talenta(db, sid, [], actor="uji")
    assert [p.nama for p in pelamar.list_pelamar(db.conn, sid)] == ["Budi"]


def test_an_empty_suggestion_says_why(db: Database, org: Org) -> None:
    with_successors(db, org)
    free = make_selection(db)  # a post named only, not in the organisation data
    assert "tidak terhubung ke jabatan" in str(
        saran.saran_talenta(db, free, actor="uji").alasan_kosong
    )
    kadis = make_selection(db, jabatan_id=org.kadis, nama_jabatan=None)
    s = saran.saran_talenta(db, kadis, actor="uji")
    assert s.calon == () and "belum memiliki standar kompetensi" in str(s.alasan_kosong)


def test_only_the_secretariat_gets_the_suggestion(db: Database, org: Org) -> None:
    with_successors(db, org)
    sid = _kabid_selection(db, org)
    admin = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    for name, peran in (("sekre", Peran.SEKRETARIAT_PANITIA), ("pim", Peran.PIMPINAN)):
        akun.create_akun(db, name, name.title(), SANDI, [Hak(peran)], actor=admin)
    sekre, pim = akun.masuk(db, "sekre", SANDI), akun.masuk(db, "pim", SANDI)
    assert len(saran.saran_talenta(db, sid, actor=sekre).calon) == 2
    with pytest.raises(AccessDenied):
        saran.saran_talenta(db, sid, actor=pim)
    with pytest.raises(AccessDenied):
        saran.tambah_dari_talenta(db, sid, [pegawai(db, "Budi")], actor=pim)
    saran.tambah_dari_talenta(db, sid, [pegawai(db, "Budi")], actor=sekre)
    assert [p.dari_talenta for p in pelamar.list_pelamar(db.conn, sid)] == [True]
