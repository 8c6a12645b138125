"""Issuing SK documents: numbering register, issue, verification, batches."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen import naskah, penandatangan, penomoran, rancangan, templat_bawaan
from app.models.dokumen import register as register_dokumen
from app.models.errors import Cancelled, ValidationError
from app.models.rules.nip import format_nip
from app.models.storage import instansi
from app.models.storage.db import Database
from app.models.storage.store import Store
from app.reports.pdf import verification as ver
from tests.helpers.common import TODAY, copy_database
from tests.helpers.dokumen import UJI, Steps, issue, pns, prepare_db


@pytest.fixture
def sdb(demo_db: Database) -> Database:
    prepare_db(demo_db)
    return demo_db


def kp(
    nips: list[str], *, jenis: naskah.Kind = "petikan", on: date = TODAY
) -> rancangan.Permintaan:
    return rancangan.Permintaan(UJI, tuple(nips), on, jenis)


def text_of(path: Path | bytes) -> str:
    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def urut(db: Database, kode: str = UJI, tahun: int = TODAY.year) -> list[int]:
    return [
        r.nomor_urut
        for r in reversed(register_dokumen.list_register(db.conn, templat=kode, tahun=tahun))
    ]


def test_unfilled_signatory_refuses_issue(demo_db: Database, tmp_path: Path) -> None:
    templat_bawaan.seed_templates(demo_db)
    # Neither the template nor the agency settings name the Kepala BKPSDM (issue 14).
    clear = {f"kepala_bkpsdm.{f}": "" for f in ("sumber", "nip", "nama", "pangkat")}
    penandatangan.save_settings(demo_db, clear, actor="admin")
    req = replace(kp(pns(demo_db, 1)), templat="KGB")
    with pytest.raises(ValidationError, match=r"penandatangan \(Kepala BKPSDM\) belum diatur"):
        issue(demo_db, req, tmp_path)
    assert register_dokumen.list_register(demo_db.conn) == []


def test_an_sk_kp_is_not_issued_as_a_free_decree(sdb: Database, tmp_path: Path) -> None:
    """Issue 13 item 9: the Dokumen SK path issued a KP SK for anyone, wrote no rank and took
    a second one without warning; the SK KP now goes only through its proposal."""
    req = replace(kp(pns(sdb, 1)), templat="SK_KP")
    with pytest.raises(ValidationError, match="halaman Kenaikan Pangkat"):
        issue(sdb, req, tmp_path / "sk")
    assert register_dokumen.list_register(sdb.conn) == []
    assert not (tmp_path / "sk").exists()


# -- issue, numbering, verification -------------------------------------------------------------


def test_issue_petikan_reads_back_and_verifies(sdb: Database, tmp_path: Path) -> None:
    nips = pns(sdb, 3)
    result = issue(sdb, kp(nips), tmp_path / "out", actor="uji")
    assert result.nomor == tuple(f"800.1.3.2/{i}/BKPSDM/2026" for i in (1, 2, 3))
    assert [f.path.name for f in result.berkas] == [f"{n}.pdf" for n in nips]
    assert (
        result.gabungan is not None and result.gabungan.name == "gabungan_SK_UJI_2026_0001-0003.pdf"
    )
    for f, nomor, nip in zip(result.berkas, result.nomor, nips, strict=True):
        text = text_of(f.path)
        for part in ("PETIKAN", f"NOMOR {nomor}", "TENTANG", "Menimbang", "dst.", "MEMUTUSKAN:",
                     "KESATU", "Untuk petikan yang sah", format_nip(nip), f.kode):  # fmt: skip
            assert part in text, part
        check = dokumen_jobs.verify(sdb, "uji", f.path)
        assert check.status == ver.Status.ASLI and check.ok
        assert check.register is not None and check.register.nomor == nomor and check.nip == nip
    combined = text_of(result.gabungan)
    positions = [combined.index(n) for n in result.nomor]
    assert positions == sorted(positions)  # numbers in order in the print file
    # The register carries the entries; the change log carries them for sync.
    rows = register_dokumen.list_register(sdb.conn, templat=UJI)
    assert [r.nomor_urut for r in rows] == [3, 2, 1]
    assert rows[0].kode_verifikasi == result.berkas[2].kode
    assert json.loads(json.dumps(rows[0].to_json()))["pegawai"] == [nips[2]]
    n_naskah = sdb.conn.execute("SELECT count(*) FROM naskah_dokumen").fetchone()[0]
    assert n_naskah == 3
    # Numbering role and verification secret were created through the write path.
    assert penomoran.numbering_installation(sdb.conn) == sdb.node_id
    mine = ("register_dokumen", "naskah_dokumen", "templat_dokumen", "pengaturan")
    assert [p for p in instansi.check(sdb).problems if any(t in p for t in mine)] == []


def test_resaved_edited_cancelled_and_unknown(sdb: Database, tmp_path: Path) -> None:
    nips = pns(sdb, 2)
    result = issue(sdb, kp(nips), tmp_path, actor="uji")
    a, b = result.berkas
    # Re-saved (same text, other bytes): ISI SAMA.
    writer = PdfWriter(clone_from=a.path)
    writer.add_metadata({"/Producer": "Mail client"})
    resaved = tmp_path / "resaved.pdf"
    writer.write(resaved)
    assert dokumen_jobs.verify(sdb, "uji", resaved).status == ver.Status.ISI_SAMA
    # Edited: B's metadata (code) with A's first page: the text is not what was issued for B.
    forged = PdfWriter(clone_from=b.path)
    forged.pages[0].merge_page(PdfReader(a.path).pages[0])
    fake = tmp_path / "fake.pdf"
    forged.write(fake)
    edited = dokumen_jobs.verify(sdb, "uji", fake)
    assert edited.status == ver.Status.BERUBAH and not edited.ok
    # A typed code alone: registered.
    by_code = dokumen_jobs.verify(sdb, "uji", b.kode.lower().replace("-", " "))
    assert by_code.status == "terdaftar" and by_code.ok and by_code.register is not None
    # Cancelled: the entry stays with its reason; file and code say DIBATALKAN.
    row = register_dokumen.cancel(sdb, result.nomor[1], "Salah tulis nama pegawai", actor="uji")
    assert row.batal and row.alasan_batal == "Salah tulis nama pegawai"
    assert dokumen_jobs.verify(sdb, "uji", b.path).status == ver.Status.DIBATALKAN
    assert dokumen_jobs.verify(sdb, "uji", b.kode).status == ver.Status.DIBATALKAN
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        register_dokumen.cancel(sdb, result.nomor[1], "lagi-lagi salah")
    with pytest.raises(ValidationError, match="Alasan"):
        register_dokumen.cancel(sdb, result.nomor[0], " ")
    assert dokumen_jobs.verify(sdb, "uji", "ZZZZZ-ZZZZZ").status == ver.Status.TIDAK_TERDAFTAR
    assert dokumen_jobs.verify(sdb, "uji", b"not a pdf").status == ver.Status.BUKAN_PDF
    assert [r.status for r in register_dokumen.list_register(sdb.conn, status="BATAL")] == ["BATAL"]
    assert len(register_dokumen.list_register(sdb.conn, search=nips[0])) == 1


def test_numbers_in_order_without_gaps_or_duplicates(sdb: Database, tmp_path: Path) -> None:
    people = pns(sdb, 7)
    issue(sdb, kp(people[:2], jenis="asli"), tmp_path / "a")
    register_dokumen.cancel(sdb, "800.1.3.2/2/BKPSDM/2026", "Dibatalkan karena salah TMT")
    issue(sdb, kp(people[2:5], jenis="salinan"), tmp_path / "b")
    register_dokumen.cancel(sdb, "800.1.3.2/5/BKPSDM/2026", "Dibatalkan karena salah nama")
    issue(sdb, kp(people[5:6]), tmp_path / "c")
    assert urut(sdb) == [1, 2, 3, 4, 5, 6]  # cancelled numbers are kept, never reused
    # Another year starts again at 1; another template has its own counter.
    issue(sdb, kp(people[6:], on=date(2027, 1, 4)), tmp_path / "d")
    assert urut(sdb, tahun=2027) == [1]
    assert register_dokumen.nomor_ganda(sdb.conn) == []


def test_other_installation_may_not_number(sdb: Database, tmp_path: Path) -> None:
    with Store(sdb).write("uji") as tx:
        penomoran.set_setting(tx, sdb.conn, penomoran.SETTING_PENOMORAN, "node-lain-123456")
    with pytest.raises(ValidationError, match="tidak berwenang memberi nomor"):
        issue(sdb, kp(pns(sdb, 1)), tmp_path)
    assert register_dokumen.list_register(sdb.conn) == []
    penomoran.take_numbering(sdb)
    assert issue(sdb, kp(pns(sdb, 1)), tmp_path).nomor == ("800.1.3.2/1/BKPSDM/2026",)


def test_batch_of_50_petikan_and_cancel_consumes_no_number(sdb: Database, tmp_path: Path) -> None:
    people = pns(sdb, 50, "%")
    asked = [0]

    def cancel_midway() -> bool:
        asked[0] += 1
        return asked[0] > 10

    with pytest.raises(Cancelled):
        issue(sdb, kp(people), tmp_path / "batal", progress=Steps(cancel_midway))
    assert register_dokumen.list_register(sdb.conn) == []
    assert not any((tmp_path / "batal").rglob("*.pdf"))  # nothing left behind

    steps = Steps()
    result = issue(sdb, kp(people), tmp_path / "ok", progress=steps)
    calls = steps.seen
    files = sorted((tmp_path / "ok").glob("*.pdf"))
    assert len(result.berkas) == 50 and len(files) == 51
    assert {f.path.name for f in result.berkas} == {f"{n}.pdf" for n in people}
    assert result.gabungan is not None
    assert text_of(result.gabungan).count("Untuk petikan yang sah") == 50
    assert urut(sdb) == list(range(1, 51))
    assert calls[-1] == (100, 100) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    codes = {f.kode for f in result.berkas}
    assert len(codes) == 50


def test_collective_decree_with_lampiran(sdb: Database, tmp_path: Path) -> None:
    people = pns(sdb, 3)
    values = {
        nip: {"jabatan_baru": f"Analis Sumber Daya Manusia Aparatur {i}", "unit_baru": "BKPSDM"}
        for i, nip in enumerate(people, 1)
    }
    req = rancangan.Permintaan("SK_JABATAN", tuple(people), TODAY, "salinan", nilai_pegawai=values)
    result = issue(sdb, req, tmp_path)
    assert result.nomor == ("800.1.3.3/1/BKPSDM/2026",)
    (f,) = result.berkas
    assert f.path.name == "800.1.3.3_1_BKPSDM_2026.pdf"
    text = " ".join(text_of(f.path).split())  # cells wrap their lines
    for part in ("SALINAN", "LAMPIRAN", "Salinan sesuai dengan aslinya", *map(format_nip, people),
                 "Analis Sumber Daya Manusia Aparatur 3"):  # fmt: skip
        assert part in text, part
    assert dokumen_jobs.verify(sdb, "uji", f.path).ok
    # Petikan of the same kind of decree: one per person, each with only their own row.
    req2 = replace(req, jenis="petikan")
    petikan = issue(sdb, req2, tmp_path / "petikan")
    assert petikan.nomor == ("800.1.3.3/2/BKPSDM/2026",)
    assert len(petikan.berkas) == 3
    own = text_of(petikan.berkas[0].path)
    assert format_nip(people[0]) in own and format_nip(people[1]) not in own
    missing = dict(values)
    missing[people[1]] = {"unit_baru": "BKPSDM"}
    with pytest.raises(ValidationError, match=f"NIP {people[1]}.*jabatan_baru"):
        rancangan.prepare(sdb, replace(req, nilai_pegawai=missing))


# -- property: allocation ---------------------------------------------------------------------

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("terbit"), st.integers(1, 3), st.sampled_from([2026, 2027])),
        st.tuples(st.just("batal"), st.integers(0, 20), st.just(0)),
        st.tuples(st.just("henti"), st.integers(1, 3), st.sampled_from([2026, 2027])),
    ),
    min_size=1,
    max_size=5,
)


@pytest.fixture(scope="module")
def prepared_file(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = copy_database(demo_file, tmp_path_factory.mktemp("dok") / "siap.sqlite3")
    db = Database(path)
    prepare_db(db)
    db.close()
    return path


def _fresh(prepared: Path) -> Iterator[tuple[Database, Path]]:
    folder = Path(tempfile.mkdtemp(prefix="merit-dok-"))
    db = Database(copy_database(prepared, folder / "db.sqlite3"))
    try:
        yield db, folder
    finally:
        db.close()


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=OPS)
def test_allocation_property(prepared_file: Path, ops: list[tuple[str, int, int]]) -> None:
    """Whatever mix of issues, cancellations and stopped batches: per template and year the
    numbers are exactly 1..N in order, once each."""
    for db, folder in _fresh(prepared_file):
        people = pns(db, 12, "%")
        used = 0
        expected: dict[int, int] = {}
        for i, (op, n, year) in enumerate(ops):
            if op == "batal":
                rows = register_dokumen.list_register(db.conn, status="TERBIT")
                if rows:
                    register_dokumen.cancel(db, rows[n % len(rows)].id, "alasan uji pembatalan")
                continue
            batch = people[used : used + n]
            used += n
            if len(batch) < n:
                continue
            req = kp(batch, jenis="asli", on=date(year, 11, 2))
            if op == "henti":
                with pytest.raises(Cancelled):
                    issue(db, req, folder / f"h{i}", progress=Steps(lambda: True))
                continue
            issue(db, req, folder / f"t{i}")
            expected[year] = expected.get(year, 0) + n
        for year, count in expected.items():
            assert urut(db, tahun=year) == list(range(1, count + 1))
        assert register_dokumen.nomor_ganda(db.conn) == []


# -- documents ready to sign (issue 14 item 3) ----------------------------------------------------


def test_every_one_person_petikan_of_a_batch_fits_one_f4_page(
    sdb: Database, tmp_path: Path
) -> None:
    """A one-person petikan spilled its last dictum, signature, authentication and QR onto a
    second page although the F4 page had room; every petikan of a 20-person batch now holds
    them all on one page, with the code and a sentence on how to check it (not a command)."""
    result = issue(sdb, kp(pns(sdb, 20)), tmp_path / "petikan")
    assert len(result.berkas) == 20
    for f in result.berkas:
        reader = PdfReader(f.path)
        assert len(reader.pages) == 1, f.path.name
        text = " ".join((reader.pages[0].extract_text() or "").split())
        for part in ("KETIGA", "Ditetapkan di", "Untuk petikan yang sah", "ttd.",
                     "Petikan Keputusan ini disampaikan kepada Yth.", format_nip(f.nip),
                     "Keaslian dapat diperiksa dengan kode ini pada aplikasi Merit"):  # fmt: skip
            assert part in text, (f.path.name, part)
        assert "merit verify" not in text.lower()
        assert ver.find_code(text) is not None
    assert dokumen_jobs.verify(sdb, "uji", result.berkas[0].path).ok


def test_asli_with_lampiran_lays_out(sdb: Database, tmp_path: Path) -> None:
    """The compact signature block of the copies leaves the asli and its lampiran as they
    were: the body and signature first, the lampiran on its own page with its signature."""
    people = pns(sdb, 12)
    values = {nip: {"jabatan_baru": f"Analis Kepegawaian {i}", "unit_baru": "BKPSDM"}
              for i, nip in enumerate(people, 1)}  # fmt: skip
    req = rancangan.Permintaan("SK_JABATAN", tuple(people), TODAY, "asli", nilai_pegawai=values)
    (f,) = issue(sdb, req, tmp_path).berkas
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(f.path).pages]
    assert len(pages) >= 2
    first_lampiran = next(i for i, p in enumerate(pages) if "LAMPIRAN" in p)
    assert first_lampiran >= 1
    body = " ".join(pages[:first_lampiran])
    assert "Ditetapkan di" in body and "Untuk petikan yang sah" not in body
    assert ver.find_code(body) is not None and "Keaslian dapat diperiksa" in body
    lampiran = " ".join(pages[first_lampiran:])
    assert all(format_nip(nip) in lampiran for nip in people)
    assert "Analis Kepegawaian 12" in lampiran
    assert dokumen_jobs.verify(sdb, "uji", f.path).ok


def _set_logo(db: Database, path: Path) -> None:
    from app.models.storage import instansi

    instansi.set_settings(Store(db), {"logo": instansi.read_logo(path)}, actor="admin")


def test_configured_logo_replaces_the_generic_emblem(sdb: Database, tmp_path: Path) -> None:
    """The kop printed the generic star shield; with a logo in the agency settings the SK
    prints that image, and without one the generic emblem stays."""
    from PIL import Image

    logo = tmp_path / "lambang.png"
    Image.new("RGB", (120, 150), (200, 20, 20)).save(logo)
    plain = issue(sdb, kp(pns(sdb, 1)), tmp_path / "tanpa").berkas[0].path
    _set_logo(sdb, logo)
    with_logo = issue(sdb, kp(pns(sdb, 1)), tmp_path / "logo").berkas[0].path

    def image_sizes(path: Path) -> list[tuple[int, int]]:
        return [img.image.size for img in PdfReader(path).pages[0].images]

    assert (120, 150) in image_sizes(with_logo)
    assert (120, 150) not in image_sizes(plain) and image_sizes(plain)
