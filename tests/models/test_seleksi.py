"""Selection: set-up rules, screening, blind scoring on three member installations, ranking."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import nacl.public
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.jobs import seleksi as seleksi_jobs
from app.models.errors import ValidationError
from app.models.rules import seleksi as rules_seleksi
from app.models.seleksi import lembar as lb
from app.models.seleksi import panitia, pelamar, peringkat, seleksi
from app.models.storage.db import Database
from app.sync.identity import box_key, own_identity
from tests.helpers.seleksi import (  # noqa: F401
    ACTOR,
    ACUAN,
    PANITIA,
    SKOR,
    SYARAT,
    make_applicant,
    make_selection,
    make_stages,
    score_sheet,
)


@pytest.fixture
def sekretariat(db: Database) -> Database:
    return db


# -- set-up --------------------------------------------------------------------------------------


def test_weights_must_sum_to_100_exactly(db: Database) -> None:
    tahap = make_stages()
    tahap[2] = seleksi.TahapBaru("Makalah", "20.01", [seleksi.KriteriaBaru("Isi", 0, 100)])
    with pytest.raises(ValidationError, match=r"Jumlah bobot tahap harus 100; sekarang 100\.01"):
        make_selection(db, tahap=tahap)
    assert db.conn.execute("SELECT count(*) FROM seleksi").fetchone()[0] == 0


def test_scale_and_committee_checked(db: Database) -> None:
    tahap = make_stages()
    tahap[1] = seleksi.TahapBaru("Rekam jejak", "12.5", [seleksi.KriteriaBaru("Integritas", 5, 5)])
    with pytest.raises(ValidationError, match="Tahap 2 \\(Rekam jejak\\), kriteria 1: skala"):
        make_selection(db, tahap=tahap)
    with pytest.raises(ValidationError, match="tepat satu ketua"):
        make_selection(db, panitia=[seleksi.PanitiaBaru("A", "ANGGOTA")])


def test_screening_shows_pass_fail_and_reason_and_override(db: Database) -> None:
    sid = make_selection(db)
    ok = pelamar.create_pelamar_eksternal(
        db, sid, make_applicant("Dr. Umar", date(1975, 5, 5)), actor=ACTOR
    )
    tua = pelamar.create_pelamar_eksternal(
        db, sid, make_applicant("Yosef", date(1969, 10, 1)), actor=ACTOR
    )
    data = make_applicant("Maria", date(1980, 1, 1))
    kurang = pelamar.create_pelamar_eksternal(
        db,
        sid,
        pelamar.PelamarEksternal(
            nama="Maria",
            golongan_kode="III/d",
            pendidikan_kode="S1",
            tanggal_lahir=data.tanggal_lahir,
            tmt_jabatan=date(2025, 6, 1),
            predikat_1="BUTUH_PERBAIKAN",
            predikat_2=None,
            hukdis_berlaku=True,
        ),
        actor=ACTOR,
    )
    hasil = {p.id: p for p in pelamar.list_pelamar(db.conn, sid)}
    assert hasil[ok].lulus and hasil[ok].lulus_syarat
    assert not hasil[tua].lulus
    assert hasil[tua].alasan_gagal == ["Usia 57 tahun (melebihi)"]
    gagal = {h.kode: h for h in hasil[kurang].syarat if not h.lulus}
    assert set(gagal) == {"golongan", "masa_jabatan", "predikat", "hukdis"}
    assert gagal["golongan"].alasan == "Golongan III/d di bawah IV/a"
    assert gagal["predikat"].alasan == "2025: Butuh Perbaikan; 2024: belum tercatat"
    with pytest.raises(ValidationError, match="Alasan"):
        pelamar.putuskan_pelamar(db, tua, True, "", actor=ACTOR)
    pelamar.putuskan_pelamar(db, tua, True, "Usia dihitung pada tanggal pendaftaran", actor=ACTOR)
    p = next(x for x in pelamar.list_pelamar(db.conn, sid) if x.id == tua)
    assert p.lulus and not p.lulus_syarat and p.override_oleh == ACTOR
    assert [k.id for k in pelamar.kandidat(db.conn, sid)] == [ok, tua]
    # editable requirements: no age limit -> the rules alone let him through
    seleksi.update_syarat(db, sid, seleksi.Syarat(golongan_min="IV/a"), actor=ACTOR)
    assert next(x for x in pelamar.list_pelamar(db.conn, sid) if x.id == tua).lulus_syarat


def test_internal_applicant_screened_from_registry(demo_db: Database) -> None:
    row = demo_db.conn.execute(
        "SELECT r.pegawai_id, r.golongan_kode FROM pegawai_ringkas r WHERE r.deleted = 0 "
        "AND r.golongan_kode LIKE 'IV/%' AND r.status_kepegawaian = 'PNS' LIMIT 1"
    ).fetchone()
    sid = make_selection(demo_db, syarat=seleksi.Syarat(golongan_min="IV/a", usia_maks=80))
    pid = pelamar.create_pelamar_internal(demo_db, sid, row[0], actor=ACTOR)
    p = pelamar.list_pelamar(demo_db.conn, sid)[0]
    assert p.id == pid and p.pegawai_id == row[0]
    gol = next(h for h in p.syarat if h.kode == "golongan")
    assert gol.lulus and gol.alasan == f"Golongan {row[1]}"
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        pelamar.create_pelamar_internal(demo_db, sid, row[0], actor=ACTOR)


# -- the whole selection with three member installations -----------------------------------------

# Scores: member -> candidate -> {criterion name: value}. Budi has a conflict with P2.


@pytest.fixture
def anggota_db(tmp_path: Path) -> Iterator[dict[str, Database]]:
    dbs = {
        nama: Database(tmp_path / f"anggota-{i}.sqlite3") for i, nama in enumerate(SKOR, start=1)
    }
    yield dbs
    for d in dbs.values():
        d.close()


def test_whole_selection(
    sekretariat: Database, anggota_db: dict[str, Database], tmp_path: Path
) -> None:
    db = sekretariat
    sid = make_selection(db)
    ids = {
        label: pelamar.create_pelamar_eksternal(
            db, sid, make_applicant(label, date(1975, 1, 1)), actor=ACTOR
        )
        for label in ("P1", "P2", "P3")
    }
    # P4 is too old
    pelamar.create_pelamar_eksternal(db, sid, make_applicant("P4", date(1960, 1, 1)), actor=ACTOR)
    info = seleksi.get_seleksi(db.conn, sid)
    budi = info.anggota("budi santoso")
    panitia.nyatakan_konflik(db, sid, budi.id, ids["P2"], "Saudara ipar", actor=ACTOR)
    with pytest.raises(ValidationError, match="tidak menilai"):
        lb.paket_anggota(db, sid, "Sari Dewi")

    # packages out: each member sees only the candidates and the rubric
    sheets: dict[str, Path] = {}
    for nama, mdb in anggota_db.items():
        paket = lb.write_paket_anggota(db, sid, nama, tmp_path / f"paket-{nama}.json")
        text = paket.read_text()
        isi = json.loads(text)["isi"]
        assert [c["nama"] for c in isi["kandidat"]] == ["P1", "P2", "P3"]  # P4 failed
        assert all(other not in text for other in SKOR if other != nama)
        assert "nilai" not in isi
        if nama == "Budi Santoso":
            kerja = lb.buka_paket(mdb, paket)
            p2 = next(c for c in kerja.kandidat if c.nama == "P2")
            assert p2.konflik
            k = kerja.tahap[0].kriteria[0]
            with pytest.raises(ValidationError, match="konflik kepentingan dengan P2"):
                lb.isi_nilai(mdb, kerja.paket_id, p2.id, k.id, "3")
            p1 = next(c for c in kerja.kandidat if c.nama == "P1")
            with pytest.raises(ValidationError, match=r"nilai 6 di luar skala 1 sampai 5"):
                lb.isi_nilai(mdb, kerja.paket_id, p1.id, k.id, "6")
            with pytest.raises(ValidationError, match="bukan angka"):
                lb.isi_nilai(mdb, kerja.paket_id, p1.id, k.id, "empat")
            with pytest.raises(ValidationError, match="Lembar belum lengkap; 10 nilai"):
                lb.kunci_dan_kirim(mdb, kerja.paket_id, tmp_path / "x.json")
        kerja = score_sheet(mdb, paket, nama)
        assert not kerja.belum_diisi()
        # drafts stay local: nothing replicated on the member's installation
        assert mdb.conn.execute("SELECT count(*) FROM seleksi_nilai").fetchone()[0] == 0
        sheets[nama] = lb.kunci_dan_kirim(mdb, kerja.paket_id, tmp_path / f"lembar-{nama}.json")
        assert lb.lembar_kerja(mdb.conn, kerja.paket_id).terkunci
        with pytest.raises(ValidationError, match="sudah dikunci"):
            c = kerja.kandidat[0]
            lb.isi_nilai(mdb, kerja.paket_id, c.id, kerja.tahap[0].kriteria[0].id, "1")

    # the secretariat sees no score until a sheet is imported
    assert db.conn.execute("SELECT count(*) FROM seleksi_nilai").fetchone()[0] == 0
    for nama in ("Ani Wijaya", "Budi Santoso"):
        res = lb.impor_lembar(db, sheets[nama], actor=ACTOR)
        assert res.baru and res.anggota == nama
    assert not lb.impor_lembar(db, sheets["Ani Wijaya"], actor=ACTOR).baru  # idempotent

    # Citra's sheet is missing: the final ranking is refused and names her
    with pytest.raises(panitia.LembarBelumLengkap) as exc:
        peringkat.get_peringkat(db.conn, sid)
    assert "Citra Lestari (tahap Rekam jejak)" in str(exc.value)
    assert "Citra Lestari (tahap Wawancara)" in str(exc.value)
    prov = peringkat.get_peringkat(db.conn, sid, sementara=True)
    with pytest.raises(panitia.LembarBelumLengkap):
        seleksi_jobs.write_dokumen(
            db, ACTOR, seleksi_jobs.DokumenRequest(sid, "berita_acara", tmp_path / "ba.pdf")
        )
    assert not (tmp_path / "ba.pdf").exists()
    assert not prov.final and prov.usulan == []

    # a sheet altered after sealing is refused, nothing written
    raw = json.loads(sheets["Citra Lestari"].read_text())
    box = nacl.public.SealedBox(box_key(db))
    inner = json.loads(box.decrypt(base64.b64decode(raw["data"])))
    inner["isi"]["nilai"][0]["nilai"] = "1"
    pub = nacl.public.SealedBox(nacl.public.PublicKey(own_identity(db).kunci_enkripsi))
    raw["data"] = base64.b64encode(pub.encrypt(json.dumps(inner).encode())).decode()
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(raw))
    before = db.conn.execute("SELECT count(*) FROM seleksi_nilai").fetchone()[0]
    with pytest.raises(lb.LembarDitolak, match="telah diubah setelah dikunci"):
        lb.impor_lembar(db, tampered, actor=ACTOR)
    assert db.conn.execute("SELECT count(*) FROM seleksi_nilai").fetchone()[0] == before

    # the chair records that the quorum is enough: final with two members
    panitia.catat_kuorum(db, sid, "Dua dari tiga penilai cukup menurut rapat pansel", actor=ACTOR)
    quorum = peringkat.get_peringkat(db.conn, sid)
    assert quorum.final and len(quorum.usulan) == 3
    assert seleksi.get_seleksi(db.conn, sid).kuorum_oleh == "Ani Wijaya"
    panitia.catat_kuorum(db, sid, "", actor=ACTOR)
    with pytest.raises(panitia.LembarBelumLengkap):
        peringkat.get_peringkat(db.conn, sid)

    # the genuine sheet arrives: the hand-computed ranking
    lb.impor_lembar(db, sheets["Citra Lestari"], actor=ACTOR)
    hasil = peringkat.get_peringkat(db.conn, sid)
    assert hasil.final and not hasil.kurang
    tahap = {t.nama: t.id for t in hasil.seleksi.tahap}
    assert {k: rules_seleksi.bulat(v) for k, v in hasil.bobot_efektif.items()} == {
        tahap["Rekam jejak"]: Decimal("20.00"),
        tahap["Makalah"]: Decimal("32.00"),
        tahap["Wawancara"]: Decimal("48.00"),
    }
    rows = {b.nama: b for b in hasil.baris}
    # Rekam jejak: P1 (87.5 + 75 + 100) / 3; P2 (50 + 75) / 2 (Budi conflicted); P3 225 / 3
    assert rows["P1"].nilai_tahap[tahap["Rekam jejak"]] == Decimal("87.5")
    assert rows["P2"].nilai_tahap[tahap["Rekam jejak"]] == Decimal("62.5")
    assert rows["P2"].penilai_tahap[tahap["Rekam jejak"]] == 2
    assert rows["P3"].nilai_tahap[tahap["Rekam jejak"]] == Decimal("75")
    assert rows["P3"].nilai_tahap[tahap["Makalah"]] == Decimal("213.25") / 3
    assert rows["P2"].nilai_tahap[tahap["Wawancara"]] == Decimal("87.5")
    assert tahap["Asesmen kompetensi"] not in rows["P1"].nilai_tahap
    # totals over held stages only (weights 12.5 + 20 + 30 = 62.5)
    assert rows["P1"].total == Decimal("79.1")
    assert rows["P2"].total == Decimal("82.98")
    assert rows["P3"].total_tampil == Decimal("67.75")
    assert [b.nama for b in hasil.baris] == ["P2", "P1", "P3"]
    assert [b.peringkat for b in hasil.baris] == [1, 2, 3]
    assert [b.nama for b in hasil.usulan] == ["P2", "P1", "P3"]
    js = peringkat.peringkat_json(hasil)
    assert js["peringkat"][0]["total"] == "82.98" and js["usulan"][0] == "P2"
    assert js["bobot_efektif"] == {"Rekam jejak": "20", "Makalah": "32", "Wawancara": "48"}

    # the score recap per member and stage
    from openpyxl import load_workbook

    counts = seleksi_jobs.write_rekap_nilai(
        db, ACTOR, seleksi_jobs.RekapNilaiRequest(sid, tmp_path / "rekap.xlsx")
    )
    assert counts == {"Tahap 2": 9, "Tahap 3": 9, "Tahap 5": 9, "Peringkat": 3}
    wb = load_workbook(tmp_path / "rekap.xlsx")
    texts = [str(c) for row in wb["Tahap 2"].iter_rows(values_only=True) for c in row if c]
    assert "konflik kepentingan" in texts and "87,5" in texts
    ranked = [
        [str(c) for c in row if c is not None]
        for row in wb["Peringkat"].iter_rows(values_only=True)
    ]
    assert ["1", "2", "P2", "62,5", "89", "87,5", "82,98"] in ranked

    # the documents: berita acara of a stage and of the final ranking, the announcement
    from pypdf import PdfReader

    def pdf_text(path: Path) -> str:
        return " ".join((p.extract_text() or "") for p in PdfReader(path).pages)

    tahap_wawancara = tahap["Wawancara"]
    for jenis, tid, name in (
        ("berita_acara", None, "ba-akhir.pdf"),
        ("berita_acara", tahap_wawancara, "ba-wawancara.pdf"),
        ("pengumuman", None, "pengumuman.pdf"),
    ):
        assert (
            seleksi_jobs.write_dokumen(
                db,
                ACTOR,
                seleksi_jobs.DokumenRequest(sid, jenis, tmp_path / name, tid, date(2026, 11, 20)),
            )
            >= 1
        )
    akhir = pdf_text(tmp_path / "ba-akhir.pdf")
    assert "BERITA ACARA PENETAPAN PERINGKAT AKHIR" in akhir
    for nama in ("Ani Wijaya", "Sari Dewi", "Budi Santoso", "Citra Lestari"):
        assert nama in akhir  # every member's name with a signature line
    assert "82,98" in akhir and "20 November 2026" in akhir
    wawancara = pdf_text(tmp_path / "ba-wawancara.pdf")
    assert "TAHAP WAWANCARA" in wawancara and "87,5" in wawancara
    assert "P2" in pdf_text(tmp_path / "pengumuman.pdf")
    import os

    if os.environ.get("MERIT_SHOTS"):
        import shutil

        shutil.copy(tmp_path / "ba-akhir.pdf", os.environ["MERIT_SHOTS"])

    # a sheet for Ani signed by another installation (Budi's laptop) is refused
    other = anggota_db["Budi Santoso"]
    paket = lb.write_paket_anggota(db, sid, "Ani Wijaya", tmp_path / "paket-ani-2.json")
    score_sheet(other, paket, "Ani Wijaya")
    kerja = lb.buka_paket(other, paket)
    forged = lb.kunci_dan_kirim(other, kerja.paket_id, tmp_path / "forged.json")
    with pytest.raises(lb.LembarDitolak, match="ditandatangani instalasi lain"):
        lb.impor_lembar(db, forged, actor=ACTOR)


def test_sheet_for_another_secretariat_refused(
    db: Database, anggota_db: dict[str, Database], tmp_path: Path
) -> None:
    sid = make_selection(db)
    for label in ("P1", "P2", "P3"):
        pelamar.create_pelamar_eksternal(
            db, sid, make_applicant(label, date(1975, 1, 1)), actor=ACTOR
        )
    mdb = anggota_db["Ani Wijaya"]
    paket = lb.write_paket_anggota(db, sid, "Ani Wijaya", tmp_path / "p.json")
    kerja = score_sheet(mdb, paket, "Ani Wijaya")
    sheet = lb.kunci_dan_kirim(mdb, kerja.paket_id, tmp_path / "l.json")
    with pytest.raises(lb.LembarDitolak, match="bukan untuk instalasi ini"):
        lb.impor_lembar(anggota_db["Citra Lestari"], sheet)
    # a package altered on the way is refused by the member installation
    body = json.loads(paket.read_text())
    body["isi"]["kandidat"][0]["nama"] = "Calon Titipan"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(body))
    with pytest.raises(lb.LembarDitolak, match="telah diubah"):
        lb.buka_paket(anggota_db["Citra Lestari"], bad)


# -- ties and the weighted total -----------------------------------------------------------------


def _info(aturan: str) -> seleksi.SeleksiInfo:
    k1 = seleksi.Kriteria("k1", "t1", 1, "A", Decimal(0), Decimal(100))
    k2 = seleksi.Kriteria("k2", "t2", 1, "B", Decimal(0), Decimal(100))
    return seleksi.SeleksiInfo(
        id="s",
        judul="S",
        jabatan_id=None,
        nama_jabatan="J",
        jenis="PENGAWAS",
        status="penilaian",
        syarat=seleksi.Syarat(),
        tanggal_acuan=ACUAN,
        aturan_seri=aturan,
        min_pelamar=3,
        kuorum_catatan=None,
        kuorum_oleh=None,
        tahap=(
            seleksi.Tahap("t1", 1, "Makalah", Decimal(60), True, None, (k1,)),
            seleksi.Tahap("t2", 2, "Wawancara", Decimal(40), True, None, (k2,)),
        ),
        panitia=(seleksi.Anggota("a", "Ani", "KETUA", None, None, True, None),),
    )


def _p(pid: str, nomor: int) -> pelamar.Pelamar:
    return pelamar.Pelamar(pid, nomor, pid, None, None, None, (), True, None, None, None)


@pytest.mark.parametrize(
    ("aturan", "expected"),
    [("bobot", ["Z", "Y", "X"]), ("tahap_akhir", ["X", "Y", "Z"]), ("nomor", ["Z", "X", "Y"])],
)
def test_tie_rules(aturan: str, expected: list[str]) -> None:
    # all three total 70: X (50, 100), Y (70, 70), Z (90, 40); bobot: Makalah (60) decides
    nilai = {
        ("a", "X", "k1"): Decimal(50),
        ("a", "X", "k2"): Decimal(100),
        ("a", "Y", "k1"): Decimal(70),
        ("a", "Y", "k2"): Decimal(70),
        ("a", "Z", "k1"): Decimal(90),
        ("a", "Z", "k2"): Decimal(40),
    }
    pel = [_p("Z", 1), _p("X", 2), _p("Y", 3)]
    hasil = peringkat.susun_peringkat(
        _info(aturan), pel, nilai, {("a", "t1"), ("a", "t2")}, set(), []
    )
    assert {b.total for b in hasil.baris} == {Decimal(70)}
    assert [b.nama for b in hasil.baris] == expected


weights = st.lists(
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=6,
)


@given(
    weights,
    st.lists(st.decimals(min_value=0, max_value=100, places=3), min_size=6, max_size=6),
    st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2),
)
def test_weighted_total_bounds_and_scaling(
    w: list[Decimal], scores: list[Decimal], factor: Decimal
) -> None:
    bobot = {str(i): v for i, v in enumerate(w)}
    skor = {str(i): scores[i] for i in range(len(w))}
    total = rules_seleksi.total_berbobot(skor, bobot)
    if all(v == 0 for v in w):
        assert total is None
        return
    assert total is not None
    assert (
        min(skor[k] for k in skor if bobot[k] > 0)
        <= total
        <= max(skor[k] for k in skor if bobot[k] > 0)
    )
    assert 0 <= total <= 100
    scaled = rules_seleksi.total_berbobot(skor, {k: v * factor for k, v in bobot.items()})
    assert scaled is not None and abs(scaled - total) < Decimal("1e-20")


@given(
    st.decimals(min_value=-50, max_value=50, places=2),
    st.decimals(min_value=Decimal("0.5"), max_value=50, places=2),
    st.decimals(min_value=0, max_value=1, places=4),
)
def test_scale_to_100_is_affine_invariant(lo: Decimal, width: Decimal, frac: Decimal) -> None:
    hi = lo + width
    x = lo + width * frac
    eps = Decimal("1e-20")
    assert abs(rules_seleksi.skala_100(x, lo, hi) - frac * 100) < eps
    assert Decimal(0) <= rules_seleksi.skala_100(x, lo, hi) <= Decimal(100)
    # the same position on a rescaled rubric gives the same score
    rescaled = rules_seleksi.skala_100(x * 3 + 7, lo * 3 + 7, hi * 3 + 7)
    assert abs(rescaled - rules_seleksi.skala_100(x, lo, hi)) < eps
