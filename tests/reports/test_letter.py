"""The letter engine (surat dinas): PDFs read back with pypdf."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.models.dokumen import naskah as N
from app.reports.pdf import batch as B
from app.reports.pdf import letter as L
from app.reports.pdf.verification import RegisterEntry, find_code

TRICKY = "MARIA O'NEIL <BUDI> & ANAK'S"
SIGNER = N.Signatory(
    jabatan="KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
    nama="Drs. ADRIANUS F. PARERA, M.Si.",
    pangkat="Pembina Utama Madya (IV/d)",
    nip="196805121994031007",
)
TERBILANG = "empat juta delapan ratus enam puluh sembilan ribu enam ratus rupiah"


def kgb_letter(nama: str = TRICKY, nip: str = "198503172010012015") -> N.Letter:
    item, sub, text = "item", "sub", "text"
    lines = [
        N.DataLine("Nama", nama),
        N.DataLine("NIP", nip),
        N.DataLine("Pangkat/golongan ruang", "Penata (III/c)"),
        N.DataLine("Jabatan", "Analis Sumber Daya Manusia Aparatur Ahli Muda"),
        N.DataLine("Unit kerja", "Bidang Mutasi & Promosi <BKPSDM>"),
        N.DataLine("Gaji pokok lama", "Rp4.600.000,00"),
        N.DataLine("(atas dasar surat keputusan terakhir tentang gaji/pangkat)", "", sub),
        N.DataLine("a. oleh pejabat", "Kepala BKPSDM Kota Nusa Indah", sub),
        N.DataLine("b. tanggal", "22 Juni 2024", sub),
        N.DataLine("c. nomor", "822.4/232/BKPSDM/2024", sub),
        N.DataLine("diberikan kenaikan gaji berkala hingga memperoleh:", kind=text),
        N.DataLine("Gaji pokok baru", f"Rp4.869.600,00 ({TERBILANG})", item),
        N.DataLine("Berdasarkan masa kerja", "16 tahun 0 bulan"),
        N.DataLine("Dalam golongan ruang", "Penata (III/c)"),
        N.DataLine("Mulai tanggal", "1 Januari 2027"),
        N.DataLine("Kenaikan gaji berkala berikutnya", "1 Januari 2029"),
    ]
    return N.Letter(
        nomor="800.1.11.13/7/BKPSDM/2026",
        hal="Kenaikan Gaji Berkala",
        tempat="Nusa Indah",
        tanggal=date(2026, 11, 22),
        kepada=("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kota Nusa Indah", "di Tempat"),
        penandatangan=SIGNER,
        pembuka="Dengan ini diberitahukan bahwa berhubung dengan telah dipenuhinya masa kerja "
        "dan syarat-syarat lainnya kepada:",
        rincian=tuple(lines),
        penutup="Diharapkan agar kepada pegawai tersebut dapat dibayarkan penghasilannya "
        "berdasarkan gaji pokok yang baru.",
        tembusan=("Kepala PT Taspen (Persero) yang bersangkutan;", "Pegawai yang bersangkutan;"),
        letterhead=N.Letterhead(("PEMERINTAH KOTA NUSA INDAH", "BADAN KEPEGAWAIAN"), ("Jl. A",)),
        penerima=(N.Penerima(nip, nama),),
    )


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order after position {position}"
        position = found + len(part)


def test_letter_has_every_part_in_order_with_values() -> None:
    data = L.render_letter_bytes(kgb_letter())
    text = flat(text_of(data))
    in_order(
        text,
        [
            "PEMERINTAH KOTA NUSA INDAH",
            "Nomor : 800.1.11.13/7/BKPSDM/2026",
            "Sifat : Biasa",
            "Lampiran : -",
            "Hal : Kenaikan Gaji Berkala",
            "Nusa Indah, 22 November 2026",  # the right-hand cell is read after the left
            "Yth. Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kota Nusa Indah",
            "di Tempat",
            "Dengan ini diberitahukan bahwa",
            f"1. Nama : {TRICKY}",
            "2. NIP : 198503172010012015",
            "3. Pangkat/golongan ruang : Penata (III/c)",
            "4. Jabatan : Analis Sumber Daya Manusia Aparatur Ahli Muda",
            "5. Unit kerja : Bidang Mutasi & Promosi <BKPSDM>",
            "6. Gaji pokok lama : Rp4.600.000,00",
            "(atas dasar surat keputusan terakhir tentang gaji/pangkat)",
            "a. oleh pejabat : Kepala BKPSDM Kota Nusa Indah",
            "b. tanggal : 22 Juni 2024",
            "c. nomor : 822.4/232/BKPSDM/2024",
            "diberikan kenaikan gaji berkala hingga memperoleh:",
            f"7. Gaji pokok baru : Rp4.869.600,00 ({TERBILANG})",
            "8. Berdasarkan masa kerja : 16 tahun 0 bulan",
            "9. Dalam golongan ruang : Penata (III/c)",
            "10. Mulai tanggal : 1 Januari 2027",
            "11. Kenaikan gaji berkala berikutnya : 1 Januari 2029",
            "Diharapkan agar kepada pegawai tersebut",
            "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA,",
            "Drs. ADRIANUS F. PARERA, M.Si.",
            "Pembina Utama Madya (IV/d)",
            "NIP. 196805121994031007",
            "Tembusan:",
            "1. Kepala PT Taspen (Persero) yang bersangkutan;",
            "2. Pegawai yang bersangkutan;",
        ],
    )
    # Sub-lines and sentences are not numbered: the numbers run 1..11 without gaps.
    assert "12." not in text
    assert "MEMUTUSKAN" not in text and "KEPUTUSAN" not in text
    # Escaped, not interpreted: no markup leaks or is swallowed.
    assert "&amp;" not in text and "&lt;" not in text
    assert TRICKY in text


def test_letter_fits_one_f4_page_and_a4_too() -> None:
    assert L.render_letter(kgb_letter(), io.BytesIO()) == 1
    assert L.render_letter(kgb_letter(), io.BytesIO(), page_size="A4") >= 1


def test_verification_code_and_qr_caption_on_the_page() -> None:
    entry = RegisterEntry("800.1.11.13/7/BKPSDM/2026", date(2026, 11, 22), "KGB", "asli")
    signed = L.with_verification(kgb_letter(), entry, b"k" * 32)
    assert signed.verification is not None
    code = signed.verification.code
    data = L.render_letter_bytes(signed)
    text = text_of(data)
    assert find_code(text) == code
    assert "merit verify" not in text  # a sentence, not a command line
    assert "Keaslian dapat diperiksa dengan kode ini" in " ".join(text.split())
    keywords = PdfReader(io.BytesIO(data)).metadata["/Keywords"]
    assert code in keywords and signed.verification.content_digest in keywords
    # The code is bound to the content: another name gives another code.
    other = L.with_verification(kgb_letter(nama="BUDI"), entry, b"k" * 32)
    assert other.verification is not None and other.verification.code != code
    # And the canonical content does not depend on the logo file.
    assert signed.letterhead is not None
    with_logo = replace(signed, letterhead=replace(signed.letterhead, logo="/x/logo.png"))
    assert L.canonical_content(with_logo) == L.canonical_content(signed)


def test_letters_go_through_the_decree_batch() -> None:
    letters = [kgb_letter(nip="198503172010012015"), kgb_letter("BUDI", "199001012015031001")]
    buffer = io.BytesIO()
    starts = B.render_combined(letters, buffer, kind="petikan")
    assert starts == [1, 2]
    text = flat(text_of(buffer.getvalue()))
    assert text.count("Hal : Kenaikan Gaji Berkala") == 2
    assert "1. Nama : BUDI" in text and f"1. Nama : {TRICKY}" in text
    assert [stem for stem, _ in B.expand(letters, "petikan")] == [
        "198503172010012015",
        "199001012015031001",
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    nama=st.text(
        alphabet=st.characters(
            min_codepoint=32, max_codepoint=0x24F, exclude_categories=("Cs", "Cc")
        ),
        min_size=1,
        max_size=120,
    )
)
def test_arbitrary_printable_names_never_crash(nama: str) -> None:
    data = L.render_letter_bytes(kgb_letter(nama=nama))
    text = flat(text_of(data))
    assert "Hal : Kenaikan Gaji Berkala" in text
    # Printable ASCII names come back as typed (whitespace aside).
    if nama.isascii() and nama.strip():
        assert flat(nama).strip() in text
