"""The decree engine: PDFs read back with pypdf (skeleton, names, NIPs, order, pages)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.models.dokumen import naskah as N
from app.reports.pdf import batch as B
from app.reports.pdf import decree as D
from app.reports.pdf import decree_samples as S
from app.reports.pdf import fonts
from app.reports.pdf import naskah_dinas as ND

TRICKY = "MARIA O'NEIL <BUDI> & ANAK'S"


def pages_text(data: bytes | Path) -> list[str]:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return [page.extract_text() or "" for page in PdfReader(source).pages]


def flat(text: str) -> str:
    """Whitespace collapsed: table cells and wrapped lines read as one line."""
    return re.sub(r"\s+", " ", text)


def in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order after position {position}"
        position = found + len(part)


def tricky_promotion() -> N.Decree:
    return S.promotion(nip="198503172010012015", nama=TRICKY)


def test_fonts_register_is_idempotent_and_maps_bold_italic() -> None:
    from reportlab.lib.fonts import tt2ps

    assert fonts.register() == fonts.register() == fonts.SERIF
    assert tt2ps(fonts.SERIF, 1, 0) == fonts.SERIF_BOLD
    assert tt2ps(fonts.SERIF, 0, 1) == fonts.SERIF_ITALIC
    assert tt2ps(fonts.SERIF, 1, 1) == fonts.SERIF_BOLD_ITALIC
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (fonts.fonts_dir() / f"LiberationSerif-{name}.ttf").is_file()
    assert (fonts.fonts_dir() / "LICENSE-LiberationSerif.txt").is_file()


def test_dictum_labels() -> None:
    labels = [D.dictum_label(i) for i in range(1, 13)]
    assert labels == [
        "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH",
        "KEDELAPAN", "KESEMBILAN", "KESEPULUH", "KESEBELAS", "KEDUA BELAS",
    ]  # fmt: skip
    assert D.dictum_label(1, "PERTAMA") == "PERTAMA"
    assert D.dictum_label(21) == "KEDUA PULUH SATU"
    with pytest.raises(ValueError):
        D.dictum_label(0)


def test_escape_keeps_markup_characters_literal() -> None:
    assert ND.esc("A <b> & 'c'") == "A &lt;b&gt; &amp; 'c'"
    assert ND.esc("a\nb") == "a<br/>b"


def test_asli_has_every_part_of_the_skeleton_in_order() -> None:
    decree = tricky_promotion()
    data = D.render_bytes(decree)
    pages = pages_text(data)
    text = flat(" ".join(pages))
    in_order(
        text,
        [
            "BUPATI SIKKA",
            "KEPUTUSAN BUPATI SIKKA",
            "NOMOR 800.1.3.2/0158/BKPSDM/2026",
            "TENTANG",
            "KENAIKAN PANGKAT PEGAWAI NEGERI SIPIL",
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "Menimbang",
            "a.",
            "bahwa Pegawai Negeri Sipil",
            "b.",
            "Mengingat",
            "1.",
            "Undang-Undang Nomor 20 Tahun 2023",
            "3.",
            "Memperhatikan",
            "MEMUTUSKAN:",
            "Menetapkan",
            "KEPUTUSAN BUPATI SIKKA TENTANG KENAIKAN PANGKAT",
            "KESATU",
            TRICKY,
            "198503172010012015",
            "KEDUA",
            "Keputusan ini mulai berlaku",
            "Ditetapkan di Maumere",
            "pada tanggal 25 Maret 2026",
            "a.n. BUPATI SIKKA,",
            "SEKRETARIS DAERAH,",
            "Drs. ADRIANUS F. PARERA, M.Si.",
            "Pembina Utama Madya (IV/d)",
            "NIP. 196805121994031007",
            "Tembusan Keputusan ini disampaikan kepada Yth.:",
            "1. Kepala Badan Kepegawaian Negara di Jakarta;",
            "4. Arsip.",
        ],
    )
    # Page numbers: none on page 1, "- 2 -" from page 2 on.
    assert "- 1 -" not in pages[0]
    assert len(pages) >= 2 and "- 2 -" in pages[1]
    assert "SALINAN" not in text and "PETIKAN" not in text
    assert "&amp;" not in text and "&lt;" not in text


def test_page_sizes_f4_and_a4() -> None:
    decree = tricky_promotion()
    f4 = PdfReader(io.BytesIO(D.render_bytes(decree))).pages[0].mediabox
    a4 = PdfReader(io.BytesIO(D.render_bytes(decree, page_size="A4"))).pages[0].mediabox
    assert (round(float(f4.width) / 72 * 25.4), round(float(f4.height) / 72 * 25.4)) == (215, 330)
    assert (round(float(a4.width) / 72 * 25.4), round(float(a4.height) / 72 * 25.4)) == (210, 297)


@pytest.mark.parametrize(
    ("signatory", "expected"),
    [
        (S.SEKDA, ["a.n. BUPATI SIKKA,", "SEKRETARIS DAERAH,", "NIP. 196805121994031007"]),
        (replace(S.SEKDA, varian="Plt.", jabatan="BUPATI SIKKA"), ["Plt. BUPATI SIKKA,"]),
        (replace(S.SEKDA, varian="Plh.", jabatan="BUPATI SIKKA"), ["Plh. BUPATI SIKKA,"]),
        (S.BUPATI, ["BUPATI SIKKA,", "JUVENTUS PRIMA YORIS KAGO"]),
    ],
)
def test_signature_variants(signatory: N.Signatory, expected: list[str]) -> None:
    decree = replace(tricky_promotion(), penandatangan=signatory)
    text = flat(" ".join(pages_text(D.render_bytes(decree))))
    start = text.index("Ditetapkan di")
    in_order(text[start:], expected)
    if not signatory.nip:
        assert "NIP." not in text[start : text.index("Tembusan")]


@pytest.mark.parametrize("extra", range(0, 48, 3))
def test_signature_never_opens_a_page_alone(extra: int) -> None:
    """Whatever the length before it, the last dictum shares the signature's page."""
    base = S.mass_appointment(3)
    menimbang = [
        *base.menimbang,
        *(["bahwa pertimbangan tambahan yang cukup panjang ini."] * extra),
    ]
    decree = replace(base, menimbang=tuple(menimbang), lampiran=None)
    pages = pages_text(D.render_bytes(decree))
    (page,) = [p for p in pages if "Ditetapkan di" in p]
    assert "KETIGA" in page


def test_mass_decree_lampiran_two_level_header_and_heading() -> None:
    decree = S.mass_appointment(5)
    pages = pages_text(D.render_bytes(decree))
    lampiran = [p for p in pages if "LAMPIRAN" in p]
    assert len(lampiran) == 1
    text = flat(lampiran[0])
    in_order(
        text,
        [
            "LAMPIRAN",
            "KEPUTUSAN BUPATI SIKKA",
            "NOMOR",
            "800.1.3.2/412/BKPSDM/2026",
            "TANGGAL",
            "22 NOVEMBER 2026",
            "TENTANG",
            "DAFTAR PEGAWAI NEGERI SIPIL",
            "NO",
            "NAMA / NIP",
            "JABATAN",
            "LAMA",
            "BARU",
            "(1)",
            "(7)",
            "1.",
            "NIP. " + decree.penerima[0].nip,
            "5.",
            "Ditetapkan di Maumere",
            "JUVENTUS PRIMA YORIS KAGO",
        ],
    )


@pytest.mark.slow
def test_lampiran_of_1000_rows_repeats_header_and_keeps_every_nip_in_order() -> None:
    decree = S.mass_appointment(1000)
    pages = pages_text(D.render_bytes(decree))
    first = next(i for i, p in enumerate(pages) if "LAMPIRAN" in p)
    lampiran_pages = pages[first:]
    assert len(lampiran_pages) > 20
    for number, page in enumerate(lampiran_pages, first + 1):
        assert "NAMA / NIP" in page, f"header missing on page {number}"
        assert "(1)" in page and "(7)" in page
        assert f"- {number} -" in page
    nips = re.findall(r"NIP\.\s*(\d{18})", " ".join(lampiran_pages))
    assert nips == [p.nip for p in decree.penerima]


def test_long_unbroken_names_wrap_inside_the_page() -> None:
    long_name = "X" * 120
    decree = S.mass_appointment(3)
    assert decree.lampiran is not None
    rows = [replace(r, cells=(r.cells[0], long_name, *r.cells[2:])) for r in decree.lampiran.rows]
    decree = replace(decree, lampiran=replace(decree.lampiran, rows=rows), tentang="PANJANG " * 60)
    reader = PdfReader(io.BytesIO(D.render_bytes(decree)))
    for page in reader.pages:
        width = float(page.mediabox.width)
        xs: list[float] = []

        def visit(
            text: str, cm: list[float], tm: list[float], *_: object, xs: list[float] = xs
        ) -> None:
            if text.strip():
                xs.append(cm[4] + tm[4] * cm[0])

        page.extract_text(visitor_text=visit)
        assert all(0 <= x < width - ND.MARGIN_RIGHT + 1 for x in xs)
    text = flat(" ".join(p.extract_text() for p in reader.pages))
    assert text.replace(" ", "").count(long_name) == 3


def test_petikan_holds_only_its_person() -> None:
    decree = S.mass_appointment(25)
    me = decree.penerima[7]
    one = D.petikan(decree, me.nip)
    text = flat(" ".join(pages_text(D.render_bytes(one, kind="petikan"))))
    in_order(
        text,
        [
            "PETIKAN",
            "KEPUTUSAN BUPATI SIKKA",
            "Menimbang : dst.",
            "Mengingat : dst.",
            "MEMUTUSKAN:",
            "KESATU",
            "KETIGA",
            # the authentication block stands left of the signature (drawn first)
            "Untuk petikan yang sah",
            "a.n. BUPATI SIKKA,",
            "YOSEPH BENGE, S.Sos., M.M.",
            "NIP. 197401011998031011",
            "Ditetapkan di Maumere",
            "ttd.",
            "JUVENTUS PRIMA YORIS KAGO",
            "Saudara " + me.nama,
            "LAMPIRAN",
            "NIP. " + me.nip,
        ],
    )
    others = [p.nip for p in decree.penerima if p.nip != me.nip]
    assert not any(nip in text for nip in others)
    assert "Tembusan" not in text
    assert "bahwa dalam rangka" not in text


def test_petikan_leaves_out_dictums_of_other_people_but_keeps_labels() -> None:
    base = S.mass_appointment(2)
    a, b = base.penerima
    decree = replace(
        base,
        diktum=(
            N.Dictum(f"Memindahkan Saudara {a.nama}.", nip=a.nip),
            N.Dictum(f"Memindahkan Saudara {b.nama}.", nip=b.nip),
            N.Dictum("Keputusan ini mulai berlaku pada tanggal ditetapkan."),
        ),
    )
    text = flat(" ".join(pages_text(D.render_bytes(D.petikan(decree, b.nip), kind="petikan"))))
    assert a.nama not in text
    in_order(text, ["KEDUA", f"Memindahkan Saudara {b.nama}.", "KETIGA"])
    assert "KESATU" not in text
    with pytest.raises(ValueError):
        D.petikan(decree, "000000000000000000")


def test_salinan_is_the_whole_decree_certified() -> None:
    decree = S.mass_appointment(12)
    text = flat(" ".join(pages_text(D.render_bytes(decree, kind="salinan"))))
    in_order(
        text,
        [
            "SALINAN",
            "Menimbang",
            "bahwa dalam rangka",
            # the authentication block stands left of the signature (drawn first)
            "Salinan sesuai dengan aslinya",
            "YOSEPH BENGE, S.Sos., M.M.",
            "Ditetapkan di Maumere",
            "ttd.",
            "Tembusan",
            "LAMPIRAN",
        ],
    )
    for person in decree.penerima:
        assert person.nip in text


def test_letterhead_with_logo_beside_heading_and_address() -> None:
    decree = replace(tricky_promotion(), letterhead=S.letterhead_bkpsdm(), dengan_rahmat=False)
    text = flat(pages_text(D.render_bytes(decree))[0])
    in_order(
        text,
        [
            "PEMERINTAH KABUPATEN SIKKA",
            "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            "Jalan El Tari Nomor 5",
            "KEPUTUSAN BUPATI SIKKA",
        ],
    )
    assert "DENGAN RAHMAT" not in text


def test_render_many_one_file_per_person_and_a_combined_pdf(tmp_path: Path) -> None:
    singles = [S.promotion(*S.person(i)) for i in range(10, 13)]
    mass = S.mass_appointment(2)
    calls: list[tuple[int, int]] = []
    result = B.render_many(
        [*singles, mass],
        tmp_path / "petikan",
        tmp_path / "gabungan.pdf",
        progress=lambda done, total: calls.append((done, total)),
    )
    expected = [d.penerima[0].nip for d in singles] + [p.nip for p in mass.penerima]
    assert [f.nip for f in result.files] == expected
    assert [f.path.name for f in result.files] == [f"{nip}.pdf" for nip in expected]
    assert calls[-1] == (5, 5) and len(calls) == 5
    assert result.combined is not None
    combined = pages_text(result.combined)
    assert len(combined) == sum(f.pages for f in result.files)
    for f in result.files:
        own = pages_text(f.path)
        text = flat(" ".join(own))
        assert "PETIKAN" in text and f.nip in text
        assert not any(n in text for n in expected if n != f.nip)
        assert "- 1 -" not in text  # numbering restarts per person
        if len(own) > 1:  # a one-person petikan with a lampiran row
            assert "- 2 -" in own[1]
    # The combined PDF holds the same pages in the same order.
    nips_in_combined = [n for n in re.findall(r"\d{18}", " ".join(combined)) if n in expected]
    assert list(dict.fromkeys(nips_in_combined)) == expected


def test_render_many_cancel_writes_nothing(tmp_path: Path) -> None:
    singles = [S.promotion(*S.person(i)) for i in range(4)]
    seen: list[int] = []
    result = B.render_many(
        singles,
        tmp_path / "out",
        tmp_path / "all.pdf",
        progress=lambda done, total: seen.append(done),
        cancelled=lambda: len(seen) >= 2,
    )
    assert result.cancelled and result.combined is None and result.files == []
    assert not (tmp_path / "all.pdf").exists()


def test_render_many_duplicate_nips_get_suffixes(tmp_path: Path) -> None:
    decree = S.promotion()
    result = B.render_many([decree, decree], tmp_path, tmp_path / "all.pdf", kind="salinan")
    assert [f.path.name for f in result.files] == [
        f"{decree.penerima[0].nip}.pdf",
        f"{decree.penerima[0].nip}-2.pdf",
    ]


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=120
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=printable, title=printable, cell=printable)
def test_any_printable_text_lays_out(name: str, title: str, cell: str) -> None:
    base = S.mass_appointment(2)
    assert base.lampiran is not None
    person = replace(base.penerima[0], nama=name)
    rows = [
        replace(r, cells=(r.cells[0], f"{name}\n{cell}", *r.cells[2:])) for r in base.lampiran.rows
    ]
    decree = replace(
        base,
        tentang=title,
        penerima=(person, *base.penerima[1:]),
        penandatangan=replace(base.penandatangan, nama=name),
        diktum=(N.Dictum(f"Mengangkat {name} sebagai {title}.", rincian=(("Nama", name),)),),
        lampiran=replace(base.lampiran, rows=rows),
        tembusan=(cell,),
    )
    for kind in ("asli", "petikan"):
        data = D.render_bytes(decree, kind=kind)  # type: ignore[arg-type]
        assert data.startswith(b"%PDF")
