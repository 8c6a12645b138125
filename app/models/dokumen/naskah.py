"""What an official document says, as plain data: a decree (Keputusan) and a letter (surat dinas).

:mod:`app.models.dokumen.rancangan` fills these from a template and the records; the PDF engines
(:mod:`app.reports.pdf.decree`, :mod:`app.reports.pdf.letter`) lay them out; the register keeps a
decree's text as canonical JSON of these classes (so their field names are part of the stored
naskah and of the content digests: rename none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, TypeAlias

Kind = Literal["asli", "salinan", "petikan"]
KINDS: tuple[Kind, ...] = ("asli", "salinan", "petikan")
Variant = Literal["", "a.n.", "Plt.", "Plh."]
Align = Literal["LEFT", "CENTER", "RIGHT"]
PageSizeName = Literal["F4", "A4"]
UKURAN_KERTAS: tuple[PageSizeName, ...] = ("F4", "A4")
LineKind = Literal["item", "sub", "text"]


@dataclass(frozen=True)
class Letterhead:
    """Kop: emblem or regional logo, up to four heading lines, address lines, a rule under it."""

    heading: Sequence[str]  # e.g. ("PEMERINTAH KABUPATEN SIKKA", "BADAN KEPEGAWAIAN ...")
    address: Sequence[str] = ()  # address, phone, e-mail, website
    logo: str | Path | None = None  # PNG/JPG; None: no image
    logo_above: bool = False  # kepala daerah: Garuda centred above the title of the office
    rule: bool = True
    emphasis: int = -1  # the heading line printed largest (-1: the last, the office's name)


@dataclass(frozen=True)
class Signatory:
    """A signature block: ``[a.n. ATAS_NAMA,] [Plt./Plh.] JABATAN, / name / pangkat / NIP``."""

    jabatan: str  # "BUPATI SIKKA", "SEKRETARIS DAERAH", "KEPALA BADAN ..."
    nama: str
    pangkat: str = ""  # "Pembina Utama Muda (IV/c)"
    nip: str = ""  # empty for a kepala daerah (no NIP shown)
    varian: Variant = ""
    atas_nama: str = ""  # for "a.n.": the office signed for, e.g. "BUPATI SIKKA"


@dataclass(frozen=True)
class Dictum:
    """One dictum. ``label`` empty: numbered automatically (KESATU, KEDUA, ...)."""

    text: str
    label: str = ""
    rincian: Sequence[tuple[str, str]] = ()  # "Nama : ...", "NIP : ..." lines under the text
    penutup: str = ""  # text after the rincian
    nip: str = ""  # belongs to one person only: a petikan of someone else leaves it out


@dataclass(frozen=True)
class Penerima:
    """A person the decree is about (petikan are made per person)."""

    nip: str
    nama: str
    tempat: str = ""  # where the petikan is addressed ("di Maumere"); empty: "Tempat"


@dataclass(frozen=True)
class Column:
    """A lampiran column. ``width`` is relative; columns sharing ``group`` get a spanned header."""

    title: str
    width: float = 1.0
    group: str = ""
    align: Align = "LEFT"


@dataclass(frozen=True)
class LampiranRow:
    cells: Sequence[str]  # "\n" breaks a line inside a cell
    nip: str = ""  # the person of this row (petikan keep only their own row)


@dataclass(frozen=True)
class Lampiran:
    columns: Sequence[Column]
    rows: Sequence[LampiranRow]
    title: Sequence[str] = ()  # heading lines above the table, centred
    number_row: bool = True  # (1) (2) (3) ... under the header
    landscape: bool = False
    font_size: float = 10
    signature: bool = True  # repeat the signature block under the table


@dataclass(frozen=True)
class Verification:
    code: str  # "XXXXX-XXXXX"
    content_digest: str  # SHA-256 hex of the canonical content of the document
    qr_payload: str = ""  # empty: app.reports.pdf.verification.qr_payload(code)


@dataclass(frozen=True)
class Decree:
    pejabat: str  # the deciding official: "BUPATI SIKKA", "KEPALA BADAN ... KABUPATEN SIKKA"
    nomor: str
    tentang: str  # subject, printed in capitals
    tanggal: date
    tempat: str  # "Ditetapkan di <tempat>"
    penandatangan: Signatory
    menimbang: Sequence[str] = ()
    mengingat: Sequence[str] = ()
    memperhatikan: Sequence[str] = ()
    menetapkan: str = ""  # empty: "KEPUTUSAN <pejabat> TENTANG <tentang>."
    diktum: Sequence[Dictum] = ()
    tembusan: Sequence[str] = ()
    letterhead: Letterhead | None = None
    lampiran: Lampiran | None = None
    penerima: Sequence[Penerima] = ()
    pengesah: Signatory | None = None  # authenticates salinan / petikan
    dengan_rahmat: bool = True  # "DENGAN RAHMAT TUHAN YANG MAHA ESA" (kepala daerah)
    gaya_diktum: Literal["KESATU", "PERTAMA"] = "KESATU"
    judul: str = "KEPUTUSAN"
    verification: Verification | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DataLine:
    """One line of a letter's data.

    ``item``: numbered automatically (``7. Gaji pokok baru : Rp...``); ``sub``: indented under the
    item above, not numbered (its label carries its own mark, e.g. ``a. oleh pejabat``; with an
    empty value the label is printed alone, e.g. a note in parentheses); ``text``: a sentence
    across the page between the numbered lines ("diberikan kenaikan gaji berkala hingga
    memperoleh:").
    """

    label: str
    value: str = ""
    kind: LineKind = "item"


@dataclass(frozen=True)
class Letter:
    nomor: str
    hal: str
    tempat: str  # "<tempat>, <tanggal>" at the top right
    tanggal: date
    kepada: Sequence[str]  # first line gets "Yth. "; e.g. ("Kepala BPKAD ...", "di Tempat")
    penandatangan: Signatory
    pembuka: str = ""
    rincian: Sequence[DataLine] = ()
    penutup: str = ""
    sifat: str = "Biasa"
    lampiran: str = "-"
    tembusan: Sequence[str] = ()
    letterhead: Letterhead | None = None
    penerima: Sequence[Penerima] = ()  # the people the letter is about (register, file names)
    verification: Verification | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SuratTugas:
    """One document about several people at once: a surat tugas (kop, title and number,
    "Dasar", the order such as "MENUGASKAN:", "Kepada" with the people inline or "terlampir",
    "Untuk", the signature, and a lampiran page listing the people when they are many), or a
    list such as the daftar peserta of a training event (``perintah`` empty: an opening
    sentence, data lines and the table of people inline above the signature)."""

    judul: str  # "SURAT TUGAS", "DAFTAR PESERTA PELATIHAN"
    nomor: str
    tanggal: date
    tempat: str  # "<tempat>, <tanggal>" above the signature
    penandatangan: Signatory
    perintah: str = ""  # "MENUGASKAN:"; empty: a list, not an assignment
    dasar: Sequence[str] = ()
    kepada: Sequence[Sequence[tuple[str, str]]] = ()  # each person's (label, value) lines inline
    untuk: Sequence[str] = ()
    pembuka: str = ""
    rincian: Sequence[DataLine] = ()
    tabel: Lampiran | None = None  # the people: inline in a list; a lampiran page otherwise
    penutup: str = ""
    tentang: str = ""  # the subject, in the lampiran heading and the PDF metadata
    tembusan: Sequence[str] = ()
    letterhead: Letterhead | None = None
    penerima: Sequence[Penerima] = ()
    verification: Verification | None = field(default=None, compare=False)


#: What a batch lays out and the register numbers: a decree, a letter, or a surat tugas.
Document: TypeAlias = Decree | Letter | SuratTugas
