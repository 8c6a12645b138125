"""Code-of-ethics cases under PP 42/2004: the code as data, the majelis and its rank rule,
hearings, the finding with its moral sanction, the discipline case it recommends, and who
sees the cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st

from app.models.access import akun
from app.models.access.akses import Hak, Peran
from app.models.disiplin import kasus as dk
from app.models.errors import AccessDenied, NotFoundError, ValidationError
from app.models.etik import kasus as ek
from app.models.rules import etik as rules
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
    add(
        db,
        units,
        [
            Orang("Terperiksa", golongan="III/c"),
            Orang("Ketua Majelis", golongan="IV/a"),
            Orang("Sekretaris Majelis", golongan="III/d"),
            Orang("Anggota Setara", golongan="III/c"),
            Orang("Staf Muda", golongan="II/c"),
            Orang("Pegawai Badan", golongan="III/a", unit="badan"),
            Orang("Pppk Senior", golongan="IX", jenis_asn="PPPK", status="PPPK"),
        ],
    )
    ids = {str(r[1]): str(r[0]) for r in db.conn.execute("SELECT id, nama FROM pegawai")}
    yield db, units, ids
    db.close()


def _majelis(ids: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (ids["Ketua Majelis"], "KETUA"),
        (ids["Sekretaris Majelis"], "SEKRETARIS"),
        (ids["Anggota Setara"], "ANGGOTA"),
    ]


def test_default_code_is_seeded_with_its_source_and_admin_can_add(kantor: Any) -> None:
    db, _units, _ids = kantor
    pasal = ek.list_pasal(db)
    assert len(pasal) >= 12
    assert all(p.dasar_hukum for p in pasal)
    assert any("PP 42/2004" in (p.dasar_hukum or "") for p in pasal)
    assert any(p.kelompok == "Kode etik instansi" for p in pasal)
    assert ek.seed_kode_etik(db) == 0  # once only
    # Seeded through the write path: the integrity check finds every row in the change log.
    from app.models.storage import instansi

    report = instansi.check(db)
    assert report.ok, report.problems
    ek.simpan_pasal(
        db, "sistem", "instansi_3", "Kode etik instansi", "Datang tepat waktu.", "Perkada"
    )
    assert ek.list_pasal(db)[-1].kode == "INSTANSI_3"


def test_case_from_complaint_through_majelis_hearing_finding_and_discipline(kantor: Any) -> None:
    db, units, ids = kantor
    aduan = complaint(db, units["dinas"], pegawai_ids=(ids["Terperiksa"],))
    kid = ek.create_kasus(
        db, "sistem", ek.KasusBaru(ids["Terperiksa"], "Membentak pemohon", date(2026, 3, 2), aduan)
    )
    with pytest.raises(ValidationError, match="majelis"):
        ek.add_sidang(db, "sistem", kid, tanggal=date(2026, 3, 9), hadir=True, ringkasan="x")
    ek.set_majelis(db, "sistem", kid, _majelis(ids))
    ek.add_sidang(
        db, "sistem", kid, tanggal=date(2026, 3, 9), hadir=True, ringkasan="Mengakui perbuatan"
    )
    with pytest.raises(ValidationError, match="butir"):
        ek.putus(db, "sistem", kid, ek.Putusan("TERBUKTI", date(2026, 3, 10), (), "TERBUKA"))
    with pytest.raises(ValidationError, match="tidak ada"):
        ek.putus(db, "sistem", kid, ek.Putusan("TERBUKTI", date(2026, 3, 10), ("X_9",), "TERBUKA"))
    did = ek.putus(
        db,
        "sistem",
        kid,
        ek.Putusan(
            "TERBUKTI",
            date(2026, 3, 10),
            ("masyarakat_1",),
            "TERBUKA",
            "Berulang",
            rekomendasi_disiplin=True,
        ),
    )
    kasus = ek.get_kasus(db, "sistem", kid)
    assert kasus.status == ek.DIPUTUS and kasus.pasal == ("MASYARAKAT_1",)
    assert kasus.sanksi_label == "Pernyataan secara terbuka"
    assert [a.peran for a in kasus.majelis] == ["KETUA", "SEKRETARIS", "ANGGOTA"]
    assert did is not None and kasus.disiplin_kasus_id == did
    disiplin = dk.get_kasus(db, "sistem", did)
    assert disiplin.pengaduan_id == aduan and disiplin.pegawai_id == ids["Terperiksa"]
    with pytest.raises(ValidationError, match="sudah diputus"):
        ek.add_sidang(db, "sistem", kid, tanggal=date(2026, 3, 11), hadir=True, ringkasan="y")
    rekap = ek.rekap(db, "sistem")
    assert rekap["jumlah"] == 1 and rekap["TERBUKTI"] == 1 and rekap["TERBUKA"] == 1
    assert rekap["disiplin"] == 1


def test_majelis_member_lower_in_rank_or_the_accused_is_refused_whole(kantor: Any) -> None:
    db, _units, ids = kantor
    kid = ek.create_kasus(db, "sistem", ek.KasusBaru(ids["Terperiksa"], "Ujaran", date(2026, 3, 2)))
    bad = [
        *_majelis(ids)[:2],
        (ids["Staf Muda"], "ANGGOTA"),
        (ids["Terperiksa"], "ANGGOTA"),
        (ids["Pppk Senior"], "ANGGOTA"),
    ]
    with pytest.raises(ValidationError) as err:
        ek.set_majelis(db, "sistem", kid, bad)
    text = str(err.value)
    assert "Staf Muda" in text and "lebih rendah" in text and "diperiksa" in text
    assert "Pppk Senior tidak diketahui (atau bukan PNS)" in text
    assert ek.get_kasus(db, "sistem", kid).majelis == ()
    # A new composition replaces the previous one.
    ek.set_majelis(db, "sistem", kid, _majelis(ids))
    swap = [(ids["Sekretaris Majelis"], "KETUA"), (ids["Ketua Majelis"], "SEKRETARIS")]
    ek.set_majelis(db, "sistem", kid, [*swap, (ids["Anggota Setara"], "ANGGOTA")])
    got = ek.get_kasus(db, "sistem", kid).majelis
    assert [(a.nama, a.peran) for a in got][:2] == [
        ("Sekretaris Majelis", "KETUA"),
        ("Ketua Majelis", "SEKRETARIS"),
    ]


def test_majelis_follows_the_rule_in_the_reference_data(kantor: Any) -> None:
    # the composition rule is ref_majelis_etik's row (PP 42/2004 [?]), editable like any
    # reference data: an agency that changes it gets its rule, and without a row in force the
    # majelis is refused with a message saying where to look
    from app.models.reference.loader import ref_id
    from app.models.storage.store import Store

    db, _units, ids = kantor
    kid = ek.create_kasus(db, "sistem", ek.KasusBaru(ids["Terperiksa"], "Ujaran", date(2026, 3, 2)))
    row = ref_id("ref_majelis_etik", "1900-01-01")
    with Store(db).write("uji: aturan majelis") as tx:
        tx.update("ref_majelis_etik", row, {"anggota_min": 2, "pangkat_tidak_lebih_rendah": 0})
    with pytest.raises(ValidationError, match="sekurang-kurangnya 2 anggota") as err:
        ek.set_majelis(db, "sistem", kid, _majelis(ids))
    assert "PP 42/2004 Ps. 18 dan 19 [?]" in str(err.value)
    lower = [*_majelis(ids), (ids["Staf Muda"], "ANGGOTA")]  # II/c judging a III/c: allowed now
    ek.set_majelis(db, "sistem", kid, lower)
    assert len(ek.get_kasus(db, "sistem", kid).majelis) == 4
    assert ids["Staf Muda"] in ek.calon_majelis(db, ids["Terperiksa"], n=10)
    with Store(db).write("uji: aturan berakhir") as tx:
        tx.update("ref_majelis_etik", row, {"berlaku_sampai": "2000-12-31"})
    with pytest.raises(ValidationError, match="Susunan majelis kode etik PNS"):
        ek.set_majelis(db, "sistem", kid, lower)


def test_unproven_finding_carries_no_sanction_and_no_discipline(kantor: Any) -> None:
    db, _units, ids = kantor
    kid = ek.create_kasus(db, "sistem", ek.KasusBaru(ids["Terperiksa"], "Gosip", date(2026, 3, 2)))
    ek.set_majelis(db, "sistem", kid, _majelis(ids))
    ek.add_sidang(db, "sistem", kid, tanggal=date(2026, 3, 5), hadir=False, ringkasan="Saksi")
    with pytest.raises(ValidationError, match="hanya direkomendasikan"):
        ek.putus(
            db,
            "sistem",
            kid,
            ek.Putusan("TIDAK_TERBUKTI", date(2026, 3, 6), rekomendasi_disiplin=True),
        )
    assert ek.putus(db, "sistem", kid, ek.Putusan("TIDAK_TERBUKTI", date(2026, 3, 6))) is None
    assert db.conn.execute("SELECT count(*) FROM disiplin_kasus").fetchone()[0] == 0


def test_cases_are_confidential_and_unit_scoped(kantor: Any) -> None:
    db, units, ids = kantor
    admin = akun.create_admin_pertama(db, "admin", "Admin", SANDI)
    for name, hak in (
        ("opdinas", [Hak(Peran.OPERATOR, units["dinas"])]),
        ("opbadan", [Hak(Peran.OPERATOR, units["badan"])]),
        ("pimpinan", [Hak(Peran.PIMPINAN)]),
    ):
        akun.create_akun(db, name, name.title(), SANDI, hak, actor=admin)
    opdinas, opbadan, pimpinan = (
        akun.masuk(db, n, SANDI) for n in ("opdinas", "opbadan", "pimpinan")
    )
    kid = ek.create_kasus(db, opdinas, ek.KasusBaru(ids["Terperiksa"], "Ujaran", date(2026, 3, 2)))
    assert [k.id for k in ek.list_kasus(db, opdinas)] == [kid]
    assert ek.list_kasus(db, opbadan) == []
    with pytest.raises(NotFoundError):
        ek.get_kasus(db, opbadan, kid)
    with pytest.raises(AccessDenied):
        ek.create_kasus(db, opbadan, ek.KasusBaru(ids["Terperiksa"], "x", date(2026, 3, 2)))
    with pytest.raises(AccessDenied):
        ek.list_kasus(db, pimpinan)
    with pytest.raises(AccessDenied):
        ek.simpan_pasal(db, opdinas, "X_1", "Lain", "Isi", None)


_GOL = st.integers(min_value=1, max_value=17)
ATURAN = rules.AturanMajelis(anggota_min=1, pangkat_tidak_lebih_rendah=True, dasar_hukum="x")


@given(
    terperiksa=_GOL,
    golongan=st.lists(_GOL, min_size=2, max_size=6),
    anggota_min=st.integers(min_value=0, max_value=4),
    pangkat=st.booleans(),
)
def test_majelis_rule_from_reference_data_property(
    terperiksa: int, golongan: list[int], anggota_min: int, pangkat: bool
) -> None:
    # chair, secretary, then members: refused for too few members exactly when fewer than
    # anggota_min, and for rank only while the rule in force compares ranks
    peran = ["KETUA", "SEKRETARIS", *["ANGGOTA"] * (len(golongan) - 2)]
    anggota = [
        rules.Anggota(f"p{i}", f"Nama{i}", p, g)
        for i, (p, g) in enumerate(zip(peran, golongan, strict=True))
    ]
    aturan = rules.AturanMajelis(anggota_min, pangkat, "PP 42/2004")
    reasons = rules.check_majelis(
        anggota, terperiksa_id="t", terperiksa_golongan=terperiksa, aturan=aturan
    )
    too_few = len(golongan) - 2 < anggota_min
    lower = pangkat and any(g < terperiksa for g in golongan)
    assert bool(reasons) == (too_few or lower)
    assert any("sekurang-kurangnya" in r for r in reasons) == too_few


@given(
    terperiksa=_GOL,
    golongan=st.lists(_GOL, min_size=3, max_size=3),
)
def test_majelis_rank_rule_property(terperiksa: int, golongan: list[int]) -> None:
    peran = ["KETUA", "SEKRETARIS", "ANGGOTA"]
    anggota = [rules.Anggota(f"p{i}", f"Nama{i}", peran[i], g) for i, g in enumerate(golongan)]
    reasons = rules.check_majelis(
        anggota, terperiksa_id="t", terperiksa_golongan=terperiksa, aturan=ATURAN
    )
    assert bool(reasons) == any(g < terperiksa for g in golongan)
    assert sum("lebih rendah" in r for r in reasons) == sum(g < terperiksa for g in golongan)


@given(
    temuan=st.sampled_from(["TERBUKTI", "TIDAK_TERBUKTI"]),
    pasal=st.lists(st.sampled_from(["A", "B"]), max_size=2),
    sanksi=st.sampled_from([None, "TERTUTUP", "TERBUKA", "LAIN"]),
)
def test_finding_rule_property(temuan: str, pasal: list[str], sanksi: str | None) -> None:
    ok = not rules.check_putusan(temuan, pasal, sanksi)
    if temuan == "TERBUKTI":
        assert ok == (bool(pasal) and sanksi in ("TERTUTUP", "TERBUKA"))
    else:
        assert ok == (not pasal and sanksi is None)


def test_oversight_recap_and_public_summary_count_ethics_cases_without_names(
    kantor: Any, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from app.jobs.pengawasan import RingkasanPublikRequest, write_ringkasan_publik
    from app.jobs.progress import NO_PROGRESS
    from app.models.pengaduan.rekap import rekap_pengawasan

    db, _units, ids = kantor
    for dugaan, temuan, sanksi in (
        ("Membentak pemohon", "TERBUKTI", "TERTUTUP"),
        ("Unggahan merendahkan instansi", "TERBUKTI", "TERBUKA"),
        ("Gosip rekan", "TIDAK_TERBUKTI", None),
    ):
        kid = ek.create_kasus(
            db, "sistem", ek.KasusBaru(ids["Terperiksa"], dugaan, date(2026, 3, 2))
        )
        ek.set_majelis(db, "sistem", kid, _majelis(ids))
        ek.add_sidang(db, "sistem", kid, tanggal=date(2026, 3, 5), hadir=True, ringkasan="Sidang")
        pasal = ("DIRI_1",) if sanksi else ()
        ek.putus(db, "sistem", kid, ek.Putusan(temuan, date(2026, 3, 6), pasal, sanksi))
    ek.create_kasus(db, "sistem", ek.KasusBaru(ids["Terperiksa"], "Baru", date(2026, 4, 1)))
    r = rekap_pengawasan(db, "sistem", date(2026, 1, 1), date(2026, 12, 31))
    bagian = {b.judul: dict(b.baris) for b in r.bagian if len(b.kolom) == 2}
    assert bagian["Kasus kode etik dibuka menurut tahap"] == {"Diputus": 3, "Dibuka": 1}
    assert bagian["Putusan kode etik"] == {
        "Terbukti": 2,
        "Tidak terbukti": 1,
        "Sanksi moral: pernyataan secara tertutup": 1,
        "Sanksi moral: pernyataan secara terbuka": 1,
    }
    pdf = tmp_path / "publik.pdf"
    write_ringkasan_publik(db, "sistem", RingkasanPublikRequest(2026, pdf), NO_PROGRESS)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert "Putusan kode etik" in text and "pernyataan secara terbuka" in text
    for secret in ("Terperiksa", "Membentak", "Ketua Majelis"):
        assert secret not in text
