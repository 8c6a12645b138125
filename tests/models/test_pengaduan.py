"""The complaints register: intake, triage, notes, closing, deadlines, and who sees the
complainant's identity."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from app.models.access import akun
from app.models.access.akses import Hak, Peran, Sesi
from app.models.errors import AccessDenied, NotFoundError, ValidationError
from app.models.pengaduan import register as adu
from tests.helpers.integritas import complaint
from tests.helpers.pegawai import Orang, add, make_db

SANDI = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def kantor(tmp_path: Path) -> Any:
    db, units = make_db(tmp_path / "kantor.sqlite3")
    add(db, units, [Orang("Ani Petugas Loket", unit="bidang"), Orang("Budi", unit="badan")])
    yield db, units
    db.close()


def _pid(db: Any, nama: str) -> str:
    return str(db.conn.execute("SELECT id FROM pegawai WHERE nama = ?", (nama,)).fetchone()[0])


def _users(db: Any, units: dict[str, str]) -> dict[str, Sesi]:
    admin = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    users = {"admin": admin}
    for name, hak in (
        ("opdinas", [Hak(Peran.OPERATOR, units["dinas"])]),
        ("opbadan", [Hak(Peran.OPERATOR, units["badan"])]),
        ("pimpinan", [Hak(Peran.PIMPINAN)]),
        ("penilai", [Hak(Peran.PEJABAT_PENILAI)]),
    ):
        akun.create_akun(db, name, name.title(), SANDI, hak, actor=admin)
        users[name] = akun.masuk(db, name, SANDI)
    return users


def test_intake_to_reply(kantor: Any) -> None:
    db, units = kantor
    ani = _pid(db, "Ani Petugas Loket")
    pid = complaint(db, units["bidang"], pegawai_ids=(ani,))
    p = adu.get_pengaduan(db, "sistem", pid)
    assert (p.status, p.identitas, p.kategori_nama) == (
        "BARU",
        "RAHASIA",
        "Perilaku atau etika pegawai",
    )
    assert p.pelapor is not None and p.pelapor.nama == "Siti Pelapor"
    assert [x[0] for x in p.pegawai] == [ani]
    adu.assign_petugas(db, "sistem", pid, "rina", on=date(2026, 3, 3))
    adu.set_triase(db, "sistem", pid, "DUGAAN", on=date(2026, 3, 4))
    adu.add_catatan(db, "sistem", pid, "Pelapor dihubungi", on=date(2026, 3, 5), tanggapan=True)
    with pytest.raises(ValidationError, match="Jawaban kepada pelapor"):
        adu.close_pengaduan(db, "sistem", pid, hasil="Terbukti", jawaban=" ", on=date(2026, 4, 1))
    adu.close_pengaduan(
        db, "sistem", pid, hasil="Terbukti", jawaban="Terima kasih", on=date(2026, 4, 1)
    )
    p = adu.get_pengaduan(db, "sistem", pid)
    assert (p.status, p.petugas, p.triase) == ("SELESAI", "rina", "DUGAAN")
    assert p.tanggal_tanggapan == date(2026, 3, 5) and p.tanggal_selesai == date(2026, 4, 1)
    assert len(p.catatan) == 4
    with pytest.raises(ValidationError, match="sudah selesai"):
        adu.add_catatan(db, "sistem", pid, "lagi", on=date(2026, 4, 2))


def test_bad_intake_is_refused_whole_naming_the_field(kantor: Any) -> None:
    db, _units = kantor
    with pytest.raises(ValidationError) as err:
        adu.create_pengaduan(
            db,
            "sistem",
            adu.PengaduanBaru(
                tanggal_terima=date(2026, 3, 2),
                kanal="MERPATI",
                perihal="",
                identitas="ANONIM",
                pelapor=adu.Pelapor(nama="Ketahuan"),
            ),
        )
    assert err.value.field == "kanal" and len(err.value.reasons) == 3
    assert db.conn.execute("SELECT count(*) FROM pengaduan").fetchone()[0] == 0


def test_an_anonymous_complaint_keeps_no_identity(kantor: Any) -> None:
    db, units = kantor
    pid = complaint(db, units["dinas"], identitas="ANONIM")
    assert db.conn.execute("SELECT count(*) FROM pengaduan_pelapor").fetchone()[0] == 0
    assert adu.get_pengaduan(db, "sistem", pid).pelapor_teks == "(anonim)"


def test_a_confidential_identity_is_shown_only_to_the_handling_roles(kantor: Any) -> None:
    db, units = kantor
    users = _users(db, units)
    rahasia = complaint(db, units["bidang"], nama="Rahasia Sekali")
    terbuka = complaint(db, units["badan"], identitas="TERBUKA", nama="Terbuka Saja")
    admin, opdinas, opbadan, pimpinan = (
        users["admin"],
        users["opdinas"],
        users["opbadan"],
        users["pimpinan"],
    )
    assert adu.get_pengaduan(db, admin, rahasia).pelapor.nama == "Rahasia Sekali"  # type: ignore[union-attr]
    assert adu.get_pengaduan(db, opdinas, rahasia).pelapor.nama == "Rahasia Sekali"  # type: ignore[union-attr]
    opened = db.conn.execute(
        "SELECT aktor FROM lokal_audit WHERE tabel = 'pengaduan_pelapor' AND record_id = ?",
        (rahasia,),
    ).fetchall()
    assert [r[0] for r in opened] == ["admin", "opdinas"]  # each opening is audited
    # The head of office reads the register, never the confidential identity.
    seen = {p.id: p for p in adu.list_pengaduan(db, pimpinan)}
    assert set(seen) == {rahasia, terbuka}
    assert seen[rahasia].pelapor is None and seen[rahasia].pelapor_teks == "(dirahasiakan)"
    assert seen[terbuka].pelapor is not None
    assert "Rahasia Sekali" not in repr(seen)
    # The operator of another OPD does not even see the complaint.
    assert [p.id for p in adu.list_pengaduan(db, opbadan)] == [terbuka]
    with pytest.raises(NotFoundError):
        adu.get_pengaduan(db, opbadan, rahasia)
    with pytest.raises(AccessDenied):
        adu.list_pengaduan(db, users["penilai"])
    with pytest.raises(AccessDenied):
        adu.set_triase(db, opbadan, rahasia, "PERBAIKAN", on=date(2026, 3, 3))
    with pytest.raises(AccessDenied):
        adu.set_triase(db, pimpinan, rahasia, "PERBAIKAN", on=date(2026, 3, 3))
    adu.set_triase(db, opdinas, rahasia, "PERBAIKAN", on=date(2026, 3, 3))


def test_overdue_stages_per_reference_deadlines(kantor: Any) -> None:
    """Received Monday 2 March 2026: triage due Thursday 5 March (3 working days), first
    response Monday 9 March (5), closing 60 working days on (ref_tenggat_pengaduan)."""
    db, units = kantor
    pid = complaint(db, units["dinas"])
    batas = adu.batas_tahap(db.conn, date(2026, 3, 2))
    assert batas["TRIASE"] == date(2026, 3, 5) and batas["TANGGAPAN"] == date(2026, 3, 9)
    assert adu.list_terlambat(db, "sistem", date(2026, 3, 4)) == []
    late = adu.list_terlambat(db, "sistem", date(2026, 3, 10))
    assert [(t.tahap, t.hari_lewat) for t in late] == [("TRIASE", 5), ("TANGGAPAN", 1)]
    adu.set_triase(db, "sistem", pid, "PERBAIKAN", on=date(2026, 3, 10))
    assert [t.tahap for t in adu.list_terlambat(db, "sistem", date(2026, 3, 10))] == ["TANGGAPAN"]


def test_recap_counts_add_up_and_carry_no_personal_data(kantor: Any) -> None:
    from app.models.pengaduan.rekap import rekap_pengawasan

    db, units = kantor
    ani = _pid(db, "Ani Petugas Loket")
    a = complaint(db, units["bidang"], pegawai_ids=(ani,), nama="Rahasia Sekali")
    b = complaint(db, units["badan"], identitas="ANONIM", kategori="PELAYANAN")
    complaint(db, None, identitas="TERBUKA", kategori="PELAYANAN", on=date(2026, 4, 1))
    complaint(db, units["dinas"], on=date(2025, 12, 31))  # outside the period
    adu.set_triase(db, "sistem", a, "DUGAAN", on=date(2026, 3, 3))
    adu.add_catatan(db, "sistem", a, "Dihubungi", on=date(2026, 3, 4), tanggapan=True)
    adu.close_pengaduan(db, "sistem", a, hasil="x", jawaban="y", on=date(2026, 3, 12))
    adu.set_triase(db, "sistem", b, "PERBAIKAN", on=date(2026, 3, 5))
    adu.close_pengaduan(db, "sistem", b, hasil="x", jawaban="y", on=date(2026, 3, 6))
    r = rekap_pengawasan(db, "sistem", date(2026, 1, 1), date(2026, 12, 31))
    assert (r.jumlah, r.selesai, r.persen_selesai) == (3, 2, 66.7)
    for bagian in r.bagian[:5]:  # every breakdown of complaints counts each one once
        assert sum(row[1] for row in bagian.baris) == 3, bagian.judul
    waktu = {row[0]: row[1:] for row in r.bagian[5].baris}
    assert waktu["Sampai tanggapan pertama"] == (2, 3.0, 3.0)  # 2 days, and 4 (at closing)
    assert waktu["Sampai selesai"] == (2, 7.0, 7.0)  # 10 and 4 days
    text = repr(r)
    assert "Rahasia Sekali" not in text and "Ani Petugas Loket" not in text
