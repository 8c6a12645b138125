"""Verification that looks at the page (issue 12, item 3) and checks the register entry before
trusting it (item 2): the forgeries of the issue, the combined PDF, re-saved files, register
entries injected or altered, and documents issued before page fingerprints."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from app.jobs import dokumen as dokumen_jobs
from app.models.access import kunci
from app.models.dokumen import rancangan
from app.models.dokumen import register as register_dokumen
from app.models.rules.nip import format_nip
from app.models.storage import sinkron
from app.models.storage.db import Database
from app.models.storage.store import Store
from app.reports.pdf import verification as ver
from tests.helpers import forgery
from tests.helpers.common import TODAY
from tests.helpers.dokumen import issue, pns, prepare_db


@pytest.fixture
def sdb(demo_db: Database) -> Database:
    prepare_db(demo_db)
    return demo_db


def kp(nips: list[str]) -> rancangan.Permintaan:
    return rancangan.Permintaan("SK_UJI", tuple(nips), TODAY, "petikan")


@pytest.fixture
def issued(sdb: Database, tmp_path: Path) -> dokumen_jobs.HasilTerbit:
    return issue(sdb, kp(pns(sdb, 3)), tmp_path / "sk", actor="uji")


def name_of(db: Database, nip: str) -> str:
    rows = register_dokumen.list_register(db.conn, search=nip)
    assert len(rows) == 1
    return rows[0].nama_pegawai


def check(db: Database, data: bytes) -> dokumen_jobs.Verifikasi:
    return dokumen_jobs.verify(db, "uji", data)


def rewritten(data: bytes, how: str) -> bytes:
    """The same document saved again by another program."""
    if how == "pdfium":
        pdf = pdfium.PdfDocument(data)
        out = io.BytesIO()
        pdf.save(out)
        pdf.close()
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if how == "recompress":
        for page in writer.pages:
            page.replace_contents(page.get_contents())
            page.compress_content_streams(level=1)
        writer.compress_identical_objects()
    writer.add_metadata({"/Producer": "Klien surel"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def with_text(data: bytes, page: int, text: str, size: float = 8) -> bytes:
    """A line of small text merged onto one page (a note in an empty area)."""
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[page].mediabox
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(float(box.width), float(box.height)))
    c.setFont("Times-Roman", size)
    c.drawString(300, 150, text)
    c.save()
    writer = PdfWriter(clone_from=reader)
    writer.pages[page].merge_page(PdfReader(buffer).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- the genuine file and re-saved copies ---------------------------------------------------------


@pytest.mark.parametrize("how", ["pypdf", "recompress", "pdfium"])
def test_resaved_copies_render_the_same(
    sdb: Database, issued: dokumen_jobs.HasilTerbit, how: str
) -> None:
    data = issued.berkas[0].path.read_bytes()
    assert check(sdb, data).status == ver.Status.ASLI
    copy = rewritten(data, how)
    assert copy != data
    result = check(sdb, copy)
    assert result.status == ver.Status.ISI_SAMA and result.ok, result.pesan
    assert not result.hanya_teks and "tampil sama" in result.pesan


def test_the_register_keeps_a_fingerprint_of_every_page(
    sdb: Database, issued: dokumen_jobs.HasilTerbit
) -> None:
    f = issued.berkas[0]
    record = register_dokumen.lookup(sdb.conn, f.kode)
    assert record is not None and record.tanda and record.instalasi == sdb.node_id
    prints = ver.decode_prints(record.halaman)
    assert prints is not None and len(prints) == len(PdfReader(f.path).pages)
    assert prints == ver.page_prints(f.path.read_bytes())


# -- the forgeries of issue 12 --------------------------------------------------------------------


FORGERIES = {
    "anotasi": forgery.annotation_forgery,
    "gambar_tumpang": forgery.overlay_forgery,
    "halaman_gambar": forgery.picture_forgery,
}


@pytest.mark.parametrize("kind", sorted(FORGERIES))
def test_forged_name_is_berubah_naming_the_page(
    sdb: Database, issued: dokumen_jobs.HasilTerbit, kind: str
) -> None:
    """A white box with another name over the genuine one: as annotations, as a picture merged
    onto the page, or the page replaced by a picture of the changed page with the genuine text
    invisible on top. The text and metadata stay genuine (a text check calls them ISI SAMA)."""
    f = issued.berkas[0]
    data = f.path.read_bytes()
    name = name_of(sdb, f.nip)
    page, _box = forgery.find_text(data, name)
    forged = FORGERIES[kind](data, name, "ANTONIUS NGGADAS")
    assert ver.text_digest(forged) == ver.text_digest(data)  # the text layer is untouched
    result = check(sdb, forged)
    assert result.status == ver.Status.BERUBAH and not result.ok, result.pesan
    assert result.halaman == page + 1
    assert f"Halaman {page + 1}" in result.pesan
    assert result.register is not None and result.register.nomor == issued.nomor[0]


def test_forged_nip_digit_and_added_small_text_are_berubah(
    sdb: Database, issued: dokumen_jobs.HasilTerbit
) -> None:
    f = issued.berkas[0]
    data = f.path.read_bytes()
    printed = format_nip(f.nip)  # NIPs print grouped 8-6-1-3
    other = printed[:-1] + ("1" if printed[-1] != "1" else "2")
    page, _box = forgery.find_text(data, printed)
    result = check(sdb, forgery.overlay_forgery(data, printed, other))
    assert result.status == ver.Status.BERUBAH and result.halaman == page + 1
    last = len(PdfReader(io.BytesIO(data)).pages) - 1
    noted = check(sdb, with_text(data, last, "Berlaku sampai 2030"))
    assert noted.status == ver.Status.BERUBAH and noted.halaman == last + 1


def test_page_added_or_removed_is_berubah(sdb: Database, issued: dokumen_jobs.HasilTerbit) -> None:
    data = issued.berkas[0].path.read_bytes()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    pages = len(writer.pages)
    writer.add_blank_page()
    out = io.BytesIO()
    writer.write(out)
    longer = check(sdb, out.getvalue())
    assert longer.status == ver.Status.BERUBAH and longer.halaman == pages + 1
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.remove_page(pages - 1)
    out = io.BytesIO()
    writer.write(out)
    shorter = check(sdb, out.getvalue())
    assert shorter.status == ver.Status.BERUBAH and shorter.halaman == pages


# -- the combined PDF -----------------------------------------------------------------------------


def test_the_combined_pdf_merit_writes_verifies(
    sdb: Database, issued: dokumen_jobs.HasilTerbit
) -> None:
    assert issued.gabungan is not None
    data = issued.gabungan.read_bytes()
    result = check(sdb, data)
    assert result.status == ver.Status.ISI_SAMA and result.ok, result.pesan
    assert result.dokumen == 3 and "Gabungan 3 naskah" in result.pesan
    assert check(sdb, rewritten(data, "pypdf")).status == ver.Status.ISI_SAMA


def test_a_changed_page_of_the_combined_pdf_is_named(
    sdb: Database, issued: dokumen_jobs.HasilTerbit
) -> None:
    assert issued.gabungan is not None
    data = issued.gabungan.read_bytes()
    second = issued.berkas[1]
    name = name_of(sdb, second.nip)
    page, _box = forgery.find_text(data, name)
    per_file = len(PdfReader(issued.berkas[0].path).pages)
    assert page >= per_file  # the second person's pages come after the first's
    result = check(sdb, forgery.annotation_forgery(data, name, "ANTONIUS NGGADAS"))
    assert result.status == ver.Status.BERUBAH and result.halaman == page + 1
    # The pages of two people's petikan in another order, or one left out, are not the file.
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for index in range(per_file, len(reader.pages)):
        writer.add_page(reader.pages[index])
    out = io.BytesIO()
    writer.write(out)
    assert check(sdb, out.getvalue()).status == ver.Status.ISI_SAMA  # two whole petikan: fine
    assert per_file == 1  # a one-person petikan fits one F4 page (issue 14 item 3)
    writer = PdfWriter()
    for index in [0, 1, 0]:  # the first petikan's page again in place of the third's
        writer.add_page(reader.pages[index])
    out = io.BytesIO()
    writer.write(out)
    swapped = check(sdb, out.getvalue())
    assert swapped.status != ver.Status.ISI_SAMA and not swapped.ok


# -- the register entry is checked before it is trusted -------------------------------------------


def test_injected_register_entry_is_palsu(sdb: Database, issued: dokumen_jobs.HasilTerbit) -> None:
    """A peer writes a register row (through the one write path, as a sync import would) for a
    forged PDF, with the forged file's hash, fingerprints and a made-up code: without the agency
    secret the code is not the HMAC of the row's facts."""
    f = issued.berkas[0]
    data = f.path.read_bytes()
    forged = forgery.overlay_forgery(data, name_of(sdb, f.nip), "ANTONIUS NGGADAS")
    digests = ver.issued_digests(forged)
    fake_code = "7KQ2M-XW9RT"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(forged)))
    writer.add_metadata({"/Keywords": ver.keywords(fake_code, digests.content_digest)})
    out = io.BytesIO()
    writer.write(out)
    fake = out.getvalue()
    reg = register_dokumen.get_register(sdb.conn, issued.nomor[0])
    with Store(sdb).write("sisipan", actor="peer") as tx:
        tx.insert(
            "naskah_dokumen",
            {
                "register_id": reg.id,
                "jenis": "petikan",
                "nip": f.nip,
                "kode_verifikasi": fake_code,
                "content_digest": digests.content_digest,
                "pdf_sha256": ver.issued_digests(fake).pdf_sha256,
                "text_digest": digests.text_digest,
                "sidik_halaman": ver.issued_digests(fake).page_prints,
                "nama_berkas": "x.pdf",
                "dibuat": "2026-01-01T00:00:00Z",
            },
        )
    result = check(sdb, fake)
    assert result.status == ver.Status.PALSU and not result.ok
    assert "tidak sah" in result.pesan
    typed = dokumen_jobs.verify(sdb, "uji", fake_code)
    assert typed.status == ver.Status.PALSU and not typed.ok


def test_altered_register_entry_is_palsu(sdb: Database, issued: dokumen_jobs.HasilTerbit) -> None:
    """Someone holding the agency secret cannot make the register accept a forgery either: the
    row's facts carry the issuing installation's signature."""
    f = issued.berkas[0]
    forged = forgery.overlay_forgery(f.path.read_bytes(), name_of(sdb, f.nip), "ANTONIUS NGGADAS")
    row_id = sdb.conn.execute(
        "SELECT id FROM naskah_dokumen WHERE kode_verifikasi = ?", (f.kode,)
    ).fetchone()[0]
    digests = ver.issued_digests(forged)
    with Store(sdb).write("ubah", actor="peer") as tx:
        tx.update(
            "naskah_dokumen",
            row_id,
            {"pdf_sha256": digests.pdf_sha256, "sidik_halaman": digests.page_prints},
        )
    result = check(sdb, forged)
    assert result.status == ver.Status.PALSU and "tidak cocok" in result.pesan
    with Store(sdb).write("hapus tanda", actor="peer") as tx:
        tx.update("naskah_dokumen", row_id, {"tanda_terbit": None})
    assert check(sdb, forged).status == ver.Status.PALSU


def test_issued_by_another_installation_verifies_through_its_trusted_key(
    sdb: Database, issued: dokumen_jobs.HasilTerbit
) -> None:
    """The register travels: on another installation the entry is checked with the issuing
    installation's key as known from sync (a trusted peer), and refused when it is not known."""
    f = issued.berkas[0]
    data = f.path.read_bytes()
    issuer_key = bytes(kunci.signing_key(sdb).verify_key)
    issuer = sdb.node_id
    sdb.conn.execute("DELETE FROM lokal_identitas")  # as seen by another installation
    sdb.conn.execute("UPDATE lokal_meta SET nilai = 'lain' WHERE kunci = 'node_id'")
    other = Database(sdb.path)
    try:
        assert other.node_id != issuer
        unknown = check(other, data)
        assert unknown.status == ver.Status.TIDAK_DIKENAL and not unknown.ok
        assert unknown.judul == "PENERBIT TIDAK DIKENAL" and "tidak dikenal" in unknown.pesan
        sinkron.create_peer(
            other.conn, issuer, "BKPSDM", issuer_key, b"\0" * 32, trusted=False, sumber="relay"
        )  # learnt from a relayed package only: not enough
        assert check(other, data).status == ver.Status.TIDAK_DIKENAL
        sinkron.delete_peer(other.conn, issuer)
        sinkron.create_peer(
            other.conn, issuer, "BKPSDM", issuer_key, b"\0" * 32, trusted=True, sumber="manual"
        )
        assert check(other, data).status == ver.Status.ASLI
    finally:
        other.close()


# -- documents issued before page fingerprints ----------------------------------------------------


def test_old_documents_keep_the_text_check_and_say_so(
    sdb: Database, issued: dokumen_jobs.HasilTerbit
) -> None:
    sdb.conn.execute("UPDATE naskah_dokumen SET sidik_halaman = NULL, tanda_terbit = NULL")
    f = issued.berkas[0]
    data = f.path.read_bytes()
    assert check(sdb, data).status == ver.Status.ASLI
    resaved = check(sdb, rewritten(data, "pypdf"))
    assert resaved.status == ver.Status.ISI_SAMA and resaved.hanya_teks
    assert "dokumen lama: hanya isi teks diperiksa" in resaved.pesan
    assert issued.gabungan is not None
    combined = check(sdb, issued.gabungan.read_bytes())
    assert combined.status == ver.Status.ISI_SAMA and combined.dokumen == 3
    assert "dokumen lama" in combined.pesan
    # What the old check cannot see, it does not claim to have seen.
    forged = check(sdb, forgery.annotation_forgery(data, name_of(sdb, f.nip), "X"))
    assert forged.status == ver.Status.ISI_SAMA and "hanya isi teks" in forged.pesan


def test_register_json_round_trip_of_fingerprints(issued: dokumen_jobs.HasilTerbit) -> None:
    prints = ver.page_prints(issued.berkas[0].path.read_bytes())
    text = ver.encode_prints(prints)
    assert json.loads(text)["metode"] == ver.RENDER_METHOD
    assert ver.decode_prints(text) == prints
    assert ver.decode_prints(text.replace(ver.RENDER_METHOD, "lain")) is None
    assert ver.decode_prints("{bukan json") is None
    broken = json.loads(text)
    broken["halaman"][0][2] = base64.b64encode(b"xx").decode()
    assert ver.decode_prints(json.dumps(broken)) is None
